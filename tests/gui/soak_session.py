"""A long rehearsal, compressed: 40 spoken answers back to back (~31 minutes of speech), some of them long,
through the real window, the real model, real analysis and a real history database.

It is here because the short tests never got far enough to see the app die: a Qt release that leaked a
reference per signal killed it after about three minutes of answering. Audio files stand in for the
microphone and play six times faster than real time, so the live transcriber works as it does for a person
(passes while the answer arrives), just sooner.

What makes it a long session: 40 answers (30 short, 6 medium, 4 long, in a fixed order), ~31 minutes of simulated
speech and ~18,000 level-meter emits (one per 0.1 s block of audio, whatever the speed). Session 36 cut the medium
answers from 90 to 60 s and the long ones from 200 to 150 s (38.7 -> ~31 minutes, ~70 s less of the suite's time):
the same 40 answers and memory samples, every length still seen in the first ten, the long ones still past a
2-minute prompt's target. Fed at 8x instead of 6x
(2026-12-04, perf27) the same counts held and it was ~60 s faster, but one run of three failed the memory check
(32 MB from answers 16-25 to 31-40, limit 25), so the speed stays 6x until that is understood (docs/benchmarks.md).
Since suite35 (2026-12-04) memory is sampled with the app at rest (its background work done, garbage collected,
trimmed): two 8x runs and one 6x run at load 8-19 grew 0-1 MB, and malloc's in-use bytes were the same in all three.
"""

from __future__ import annotations

import ctypes
import gc
import re
import statistics
import sys
import time
from pathlib import Path

import psutil
import pytest
import soundfile as sf
from PySide6.QtWidgets import QMessageBox

from voiceprep.app import memory
from voiceprep.gui import controller as c
from voiceprep.gui import operations
from voiceprep.gui.main_window import MainWindow
from voiceprep.speech.recorder import FileStream

memory.limit_arenas()            # as voiceprep.gui.app.run does: at start-up, before any thread (the model's too)

SPEED = 6.0
# ~450 s on CI's quiet machine, 520-750 s here under other helpers' load; at load 13-15 two runs were stopped by
# pyproject's 900 s per test with only ~160 s of CPU used each (perf27): the machine's time, not a hang. A stuck
# answer still fails within its own wait (60 s to start, 240 s to its feedback). test_soak.py gives the process
# 100 s more, so a session this slow ends with every thread's stack (pytest-timeout) rather than a bare kill.
SESSION_TIMEOUT_S = 1700
# (seconds of speech, how many answers): 30 short, 6 medium, 4 long = ~31 minutes as spoken (planned: 28.5; was
# (90, 6), (200, 4): 38.7 minutes as spoken)
PLAN = [(25, 30), (60, 6), (150, 4)]
ROUNDS = [("airwallex", "round-4"), ("senior-backend-payments", None), ("affirm-backend-platform", None)]


def answer_text(seconds: float, variant: int, wpm: float = 165) -> str:
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2]))
    from bench.answers import PARAGRAPHS

    words_needed = int(seconds * wpm / 60)
    out, i = [], variant * 3
    while sum(len(p.split()) for p in out) < words_needed:
        out.append(PARAGRAPHS[i % len(PARAGRAPHS)])
        i += 1
    return " ".join(out)


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                                                      "fsmblks", "uordblks", "fordblks", "keepcost")]


def in_use_mb() -> float | None:
    """What the app's native code holds from malloc (every arena, and the large blocks it maps): glibc's mallinfo2.
    Unlike RSS it does not move with how freed memory happens to lie in the arenas; None without glibc 2.33+."""
    try:
        mallinfo2 = ctypes.CDLL("libc.so.6").mallinfo2
    except (OSError, AttributeError):
        return None
    mallinfo2.restype = _MallInfo2
    info = mallinfo2()
    return (info.uordblks + info.hblkhd) / 2**20


def peak_since_reset_mb(reset: bool = True) -> float | None:
    """The process's peak RSS since the last reset (Linux: VmHWM, reset by writing 5 to clear_refs), then reset.
    (The reset moves getrusage's ru_maxrss too: the session's peak is the highest of these readings.)"""
    try:
        status = Path("/proc/self/status").read_text()
        peak = int(re.search(r"^VmHWM:\s+(\d+) kB", status, re.M).group(1)) / 1024     # type: ignore[union-attr]
        if reset:
            Path("/proc/self/clear_refs").write_text("5")
    except (OSError, AttributeError):
        return None
    return peak


def resident_file_mb() -> float | None:
    """Of RSS, the pages mapped from files (libraries, models): the kernel drops and re-reads these as the machine's
    other work needs its page cache, whatever the app does (Linux: RssFile); None where unknown."""
    try:
        return int(re.search(r"^RssFile:\s+(\d+) kB", Path("/proc/self/status").read_text(), re.M)    # type: ignore[union-attr]
                   .group(1)) / 1024
    except (OSError, AttributeError):
        return None


def at_rest(qtbot) -> None:
    """Wait until the app has no background work running or waiting to be delivered (the feedback's history queries,
    prompts rendered ahead...), twice in a row, then collect Python's garbage and trim: what is left is what the app
    keeps. On a loaded machine that work is still running when the feedback appears, and a sample taken then counts
    its transient memory as the app's."""
    for _ in range(2):
        qtbot.waitUntil(operations.idle, timeout=60000)
        qtbot.wait(20)
    gc.collect()
    memory.release()


def machine() -> str:
    """Which CPU and matrix backend the numbers come from (CTranslate2 would pick Intel MKL on an Intel CPU)."""
    lines = Path("/proc/cpuinfo").read_text().splitlines() if Path("/proc/cpuinfo").exists() else []
    vendor = next((line.split(":", 1)[1].strip() for line in lines if line.startswith("vendor_id")), "unknown CPU")
    return f"{vendor}, CT2_USE_MKL={__import__('os').environ.get('CT2_USE_MKL')}"


@pytest.mark.slow
@pytest.mark.timeout(SESSION_TIMEOUT_S)
def test_forty_answers_back_to_back(qtbot, services, speaker, tmp_path, monkeypatch):
    dialogs: list[str] = []
    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, _n=name, **k: dialogs.append(f"{_n}: {a[2:3]}"))
    clips = {}
    for seconds, _count in PLAN:
        for variant in (0, 1):
            clips[(seconds, variant)] = speaker.render(answer_text(seconds, variant),
                                                       out=tmp_path / f"answer-{seconds}-{variant}.wav")
    # a fixed order: the first ten hold every length (the allocator's high-water mark is set by a long answer),
    # then the rest with the long ones spread through
    short, medium, long_ = ([clips[(s, i % 2)] for i in range(n)] for s, n in PLAN)
    answers = short[:6] + medium[:2] + long_[:2]
    rest = short[6:] + medium[2:] + long_[2:]
    answers += [rest[(i * 7) % len(rest)] for i in range(len(rest))]        # 7 and 30 are coprime
    assert len(answers) == sum(n for _, n in PLAN)

    services.settings.speech.rate = 400
    services.settings.audio.hard_cap_factor = 10.0          # a 150 s answer to a 2-minute prompt is not cut
    window = MainWindow(services, recover=False)
    qtbot.addWidget(window)
    window.show()
    page, ctl = window.practice, window.controller
    errors: list[str] = []
    ctl.error.connect(errors.append)
    # only the latest analysis: keeping all 40 would count the test's own memory as the app's
    results: list[tuple] = []
    done = [0]

    def analysed(analysis, attempt_id) -> None:
        results[:] = [(analysis, attempt_id)]
        done[0] += 1
    ctl.analysisReady.connect(analysed)
    emits = [0]                                  # level-meter signals: ~10 a second of audio
    ctl.level.connect(lambda _v: emits.__setitem__(0, emits[0] + 1))
    process = psutil.Process()
    # garbage left by earlier tests holds references to True too: collect it first, or freeing it during the
    # session reads as a leak (seen in CI: 16084 -> 10508 with no leak; the per-emit check is test_qt_refcount)
    gc.collect()
    true_refs = sys.getrefcount(True)
    rss_warm = None
    rss_log: list[int] = []          # at rest: no background work, garbage collected, trimmed
    rss_first: list[int] = []        # as sampled before 2026-12-04: trimmed as soon as the feedback came
    in_use_log: list[float] = []     # malloc's bytes in use at rest
    file_log: list[float] = []       # of RSS at rest, pages mapped from files
    peaks: list[float] = []          # per answer: peak RSS from its question to its feedback at rest
    stored = []
    round_i = 0

    def start_next_round():
        nonlocal round_i
        bank, round_id = ROUNDS[round_i % len(ROUNDS)]
        round_i += 1
        page.fill_banks(select=bank)
        if round_id:
            page.round_box.setCurrentIndex(page.round_box.findData(round_id))
        page.start_btn.click()

    start_next_round()
    waits: list[tuple[float, float]] = []        # per answer: until it could start, then until its feedback
    began = time.perf_counter()
    start_peak = peak_since_reset_mb()           # the model, the window and the test's own renders
    for n, audio in enumerate(answers, 1):
        ready = time.perf_counter()
        qtbot.waitUntil(lambda: ctl.state in (c.IDLE, c.FEEDBACK), timeout=60000)
        asked = time.perf_counter()
        services.input_override = lambda a=audio: FileStream(a, realtime=True, speed=SPEED)
        before = done[0]
        page.answer_btn.click()
        qtbot.waitUntil(lambda b=before: done[0] > b or bool(errors) or bool(dialogs), timeout=240000)
        assert not errors and not dialogs, f"answer {n} ({audio.name}): {errors or dialogs}"
        waits.append((asked - ready, time.perf_counter() - asked))
        analysis, attempt_id = results[-1]
        stored.append(attempt_id)
        assert analysis.transcript.text.strip(), f"answer {n}: empty transcript"
        if n == 10:
            rss_warm = process.memory_info().rss
        memory.release()
        rss_first.append(round(process.memory_info().rss / 2**20))
        at_rest(qtbot)           # what a leak keeps, not what work still running or garbage not yet collected holds
        rss_log.append(round(process.memory_info().rss / 2**20))
        in_use = in_use_mb()
        in_use_log.append(round(in_use, 1) if in_use is not None else float("nan"))
        mapped = resident_file_mb()
        file_log.append(round(mapped) if mapped is not None else float("nan"))
        peak = peak_since_reset_mb()
        peaks.append(round(peak) if peak is not None else float("nan"))
        # move on like a candidate: sometimes retry, mostly next; a new round when one ends
        if n % 7 == 0:
            page.retry_btn.click()
        else:
            page.next_btn.click()
            if ctl.state == c.FINISHED:
                start_next_round()
    rss_end = process.memory_info().rss
    spoken = sum(sf.info(str(a)).duration for a in answers)
    print(f"\nsession {time.perf_counter() - began:.0f} s: waiting for the question {sum(w for w, _ in waits):.0f} s, "
          f"answer to feedback {sum(a for _, a in waits):.0f} s (audio at {SPEED}x: "
          f"{spoken / SPEED:.0f} s of {spoken / 60:.1f} minutes; {emits[0]} level emits); per answer (s) "
          f"{[(round(w, 1), round(a, 1)) for w, a in waits]}")

    assert not dialogs and not errors, (dialogs, errors)
    from voiceprep.core.history import History

    with History.open(services.db_path) as h:
        rows = {r["id"]: r for r in h.db["attempts"].rows}
    assert set(stored) <= set(rows) and len(set(stored)) == len(answers)
    assert all(rows[i]["state"] == "done" and rows[i]["transcript"] for i in stored)
    # caches fill while new banks and prompts come (about 20 answers); after that a leak would climb. The median of
    # ten answers, not the mean of five: a sample taken just after a long answer sits 20-40 MB above its neighbours
    # until the next trim, and CI failed on where two such spikes fell (means 499.6 -> 525.6 MB, medians 490 -> 511)
    settled, end = (statistics.median(rss_log[i:i + 10]) for i in (15, 30))
    first_settled, first_end = (statistics.median(rss_first[i:i + 10]) for i in (15, 30))
    print(f"\n{machine()}; {len(answers)} answers, RSS after 10: {rss_warm / 2**20:.0f} MB, "
          f"at the end: {rss_end / 2**20:.0f} MB; "
          f"peak of the rehearsal {max(peaks):.0f} MB (the issue's goal: 600), of the process "
          f"{max([start_peak or 0, *peaks]):.0f} MB (start-up and the test's own renders included); "
          f"refcount(True) {true_refs} -> {sys.getrefcount(True)}")
    print(f"RSS per answer at rest (MB): {rss_log}; medians 16-25 -> 31-40: {settled} -> {end}")
    print(f"RSS per answer as soon as its feedback came (MB): {rss_first}; medians {first_settled} -> {first_end}")
    print(f"malloc in use per answer at rest (MB): {in_use_log}")
    print(f"of RSS at rest, mapped from files (MB): {file_log}")
    print(f"peak RSS per answer (MB): {peaks}")
    assert end - settled < 25, f"memory grew {end - settled:.0f} MB from answers 16-25 to 31-40: {rss_log}"
    # after answer 10 every answer length has been seen: alone, 756 -> 882 MB while oneDNN cached a primitive
    # per live window length, 556 -> 561 MB since (speech/decoder.py; guarded by tests/speech/test_decoder.py).
    # Not asserted here: after the rest of the suite the same session still grew 60-110 MB (not yet explained)
    # memory freed but kept by the allocator: 230 MB after 40 answers before the per-answer trim (app/memory.py)
    memory.release()
    held = rss_end / 2**20 - process.memory_info().rss / 2**20
    print(f"freed but held by the allocator at the end: {held:.0f} MB")
    assert held < 60, f"{held:.0f} MB of freed memory was still held at the end"
    gc.collect()
    # PySide6 6.12.0 lowered it by one per emit (the app died when it reached 0); caches coming and going move
    # it by far less than the thousands of emits of a session
    drop = true_refs - sys.getrefcount(True)
    assert emits[0] > 5000 and drop < emits[0] / 4, f"references to True fell by {drop} over {emits[0]} emits"
