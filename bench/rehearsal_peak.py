"""Peak RSS of a rehearsal as soak41 measured it (issue 11: <= 600 MB), in one fresh process through the real window.

The desktop app's `MainWindow` (offscreen, or on `$DISPLAY` with `--display`) answers several questions in a row,
each a real spoken answer fed at the speaker's pace (`--speed 1`) through `FileStream`, live captions, the final
pass, the judge and the feedback, as tests/gui/soak_session.py does. Per answer it prints the peak RSS while that
answer was recorded and judged (VmHWM, reset through /proc/self/clear_refs at its start, as soak41's 30-s peaks),
RSS at rest once the feedback's work is done (the app's own trims only: no extra collection or trim), the number of
live passes and their longest window, and the transcript's WER. At the end, where the memory at rest is: smaps by
mapping (anonymous heap, the biggest files), glibc's mallinfo2, and the load average beside it (shared machine).

The GUI thread's event loop is watched all along (a 10 ms precise QTimer, as tests/gui/test_end_to_end.py's
LoopWatch): per answer, how late its ticks fired while the answer was recorded (the live passes) and from the stop to
the feedback, p50 / p95 / max in ms, raw and less the time the GUI thread waited for a CPU (the machine's load, not
the app's; Linux's schedstat). The bench waits in a real event loop, as the app does.

`--arenas N` caps glibc's malloc arenas at N instead of settings.MALLOC_ARENAS (0: glibc's own default, 8 a core):
does one arena make the GUI thread wait for the decoding thread's malloc lock? `--import` brings each answer in as
Practice's Import audio does (the whole file, fed as fast as it is transcribed) instead of speaking it, and
`--import-window S` decodes it in windows of S seconds (the import's live_window_s); with `--import-from N` the
answers before the Nth are spoken and the rest imported (an import late in a rehearsal).

    .venv/bin/python bench/rehearsal_peak.py [--answers 180,60,60] [--voice human] [--speed 1] [--display] [--json]
                                             [--arenas N] [--import [--import-window S]]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.soak_probe import mallinfo  # noqa: E402
from voiceprep.app import memory  # noqa: E402
from voiceprep.settings import MALLOC_ARENAS  # noqa: E402


def status_mb(key: str) -> float:
    return int(re.search(rf"^{key}:\s+(\d+) kB", Path("/proc/self/status").read_text(), re.M).group(1)) / 1024  # type: ignore[union-attr]


def reset_peak() -> None:
    Path("/proc/self/clear_refs").write_text("5")          # VmHWM := VmRSS from now on


def by_mapping(top: int = 12) -> dict[str, float]:
    """Resident MB per mapping (files by name, anonymous memory as one line), the biggest `top`."""
    out: collections.defaultdict[str, float] = collections.defaultdict(float)
    name = ""
    for line in Path("/proc/self/smaps").read_text().splitlines():
        head = line.split()
        if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
            name = os.path.basename(head[5]) if len(head) > 5 else "[anonymous]"
            name = re.sub(r"\.so[.\d]*$", ".so", name)
        elif head and head[0] == "Rss:":
            out[name] += int(head[1]) / 1024
    return {k: round(v, 1) for k, v in sorted(out.items(), key=lambda kv: -kv[1])[:top]}


def waited_for_a_cpu() -> float:
    """Seconds the calling thread has spent ready to run but waiting for a CPU (Linux's schedstat; 0 elsewhere)."""
    try:
        with open("/proc/thread-self/schedstat") as f:
            return int(f.read().split()[1]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0


class LoopLateness:
    """How late a 10 ms timer fires on the GUI thread: (when, late, late less the wait for a CPU, the GUI thread's CPU
    time since the last tick), seconds. Late, not waiting for a CPU and not on one: blocked (a lock, the GIL, I/O)."""

    INTERVAL_S = 0.010

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.ticks: list[tuple[float, float, float, float]] = []
        self.last, self.queued, self.cpu = time.perf_counter(), waited_for_a_cpu(), time.thread_time()
        self.timer = QTimer(interval=int(self.INTERVAL_S * 1000), timeout=self._tick)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.start()

    def _tick(self) -> None:
        now, queued, cpu = time.perf_counter(), waited_for_a_cpu(), time.thread_time()
        late = max(0.0, now - self.last - self.INTERVAL_S)
        self.ticks.append((now, late, max(0.0, late - (queued - self.queued)), cpu - self.cpu))
        self.last, self.queued, self.cpu = now, queued, cpu

    def summary(self, since: float, until: float) -> dict:
        """p50 / p95 / max lateness in ms of the ticks in [since, until), raw and less the wait for a CPU."""
        rows = [(late, own) for when, late, own, _ in self.ticks if since <= when < until]
        if not rows:
            return {"ticks": 0}
        raw, own = (np.array(col) * 1000 for col in zip(*rows))
        return {"ticks": len(rows), "p50_ms": round(float(np.percentile(raw, 50)), 1),
                "p95_ms": round(float(np.percentile(raw, 95)), 1), "max_ms": round(float(raw.max()), 1),
                "own_p95_ms": round(float(np.percentile(own, 95)), 1), "own_max_ms": round(float(own.max()), 1),
                "over_100ms": int((raw > 100).sum()), "own_over_100ms": int((own > 100).sum())}


def answer_audio(seconds: float, voice: str, variant: int, tmp: Path) -> tuple[Path, str]:
    import numpy as np
    import soundfile as sf

    from bench.live_latency import human_answer
    from voiceprep.speech.audio import TARGET_RATE

    wav = tmp / f"answer-{variant}.wav"
    if voice == "espeak":
        from bench.answers import answer_text, render

        reference = answer_text(seconds, wpm=165)
        render(reference, wav)
        return wav, reference
    audio, reference = human_answer(seconds)       # the shared clips from the first: answers of one length match
    sf.write(wav, np.asarray(audio), TARGET_RATE)
    return wav, reference


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--answers", default="180,60,60", help="seconds of each answer, in order")
    ap.add_argument("--voice", choices=("human", "espeak"), default="human")
    ap.add_argument("--speed", type=float, default=1.0, help="how much faster than spoken the answers are played")
    ap.add_argument("--display", action="store_true", help="use $DISPLAY (e.g. an Xvfb) instead of offscreen")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--arenas", type=int, default=MALLOC_ARENAS, help="malloc arenas (0: glibc's default)")
    ap.add_argument("--import", dest="imported", action="store_true", help="import each answer's file instead")
    ap.add_argument("--import-from", type=int, default=1, help="with --import: answers from this one (1-based) on")
    ap.add_argument("--import-window", type=float, default=None, help="an import's window, seconds")
    ap.add_argument("--ticks", type=Path, default=None, help="write the late ticks (> 20 ms) and the trims here")
    args = ap.parse_args()
    if args.arenas:
        memory.limit_arenas(args.arenas)      # as voiceprep.gui.app.run does: before any thread
    if not args.display:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["VOICEPREP_HOME"] = tmp
        report = run(args, Path(tmp))
    if args.json:
        print(json.dumps(report))
        return
    for key, value in report.items():
        if key == "answers":
            for row in value:
                print("answer:", row)
        else:
            print(f"{key}: {value}")


def run(args: argparse.Namespace, tmp: Path) -> dict:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from voiceprep.core.analysis import embedder
    from voiceprep.core.analysis.text import wer
    from voiceprep.core.banks import BankRegistry
    from voiceprep.gui import collector, operations
    from voiceprep.gui import controller as c
    from voiceprep.gui.main_window import MainWindow
    from voiceprep.gui.services import Services
    from voiceprep.settings import Settings
    from voiceprep.speech import live as live_mod
    from voiceprep.speech.recorder import FileStream
    from voiceprep.speech.scoring import normalise_verbatim

    seconds = [float(s) for s in args.answers.split(",")]
    clips = [answer_audio(s, args.voice, i, tmp) for i, s in enumerate(seconds)]
    app = QApplication.instance() or QApplication([])
    collector.pin_to_gui_thread(app)

    def wait(until, timeout: float, what: str) -> None:
        """Run the event loop (as the app's own, idle between events) until `until()`."""
        deadline = time.monotonic() + timeout
        if until():
            return
        loop = QEventLoop()
        poll = QTimer(interval=5)
        poll.timeout.connect(lambda: loop.quit() if until() or time.monotonic() > deadline else None)
        poll.start()
        loop.exec()
        poll.stop()
        if not until():
            raise SystemExit(f"timed out waiting for {what}")

    def settle() -> None:
        for _ in range(2):
            wait(operations.idle, 60, "the app's background work")
            end = time.monotonic() + 1.0
            wait(lambda e=end: time.monotonic() >= e, 5, "a second")

    # every LiveTranscriber the controller makes, to read its passes' windows
    made: list = []
    original_init = live_mod.LiveTranscriber.__init__

    def init(self, *a, **k):
        original_init(self, *a, **k)
        made.append(self)
    live_mod.LiveTranscriber.__init__ = init          # type: ignore[method-assign]

    # every malloc_trim (the app's after a pass, on the decoding thread): (start, seconds); with one arena the
    # trim holds the lock every thread's malloc takes
    trims: list[tuple[float, float]] = []
    original_release = memory.release

    def timed_release() -> bool:
        began = time.perf_counter()
        try:
            return original_release()
        finally:
            trims.append((began, time.perf_counter() - began))
    memory.release = timed_release                    # type: ignore[assignment]

    services = Services(settings=Settings(), db_path=tmp / "history.sqlite3", registry=BankRegistry.discover())
    services.settings.audio.silence_stop_s = 0
    services.settings.audio.hard_cap_factor = 10.0
    services.settings.speech.rate = 400
    live_window_s = services.settings.transcription.live_window_s
    window = MainWindow(services, recover=False)
    window.show()
    page, ctl = window.practice, window.controller
    results: list = []
    errors: list[str] = []
    ctl.analysisReady.connect(lambda analysis, _id: results.append(analysis))
    ctl.error.connect(errors.append)
    page.fill_banks(select="airwallex")
    page.start_btn.click()
    wait(lambda: ctl.state in (c.IDLE, c.FEEDBACK), 120, "the question")
    services.transcriber().load()
    embedder.warm_up()                                # what the app's load lane does after the speech model
    settle()
    start_peak, rest0 = status_mb("VmHWM"), status_mb("VmRSS")
    watch = LoopLateness()
    rows, spans = [], []
    for n, (wav, reference) in enumerate(clips):
        wait(lambda: ctl.state in (c.IDLE, c.FEEDBACK), 120, "the question")
        settle()
        before = status_mb("VmRSS")
        reset_peak()
        services.input_override = lambda w=wav: FileStream(w, realtime=True, speed=args.speed)
        importing = args.imported and n + 1 >= args.import_from
        if args.import_window is not None:          # the import's window; live answers keep theirs
            services.settings.transcription.live_window_s = args.import_window if importing else live_window_s
        count = len(results)
        began, cpu0 = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
        if importing:
            ctl.import_answer(wav)
        else:
            page.answer_btn.click()
        wait(lambda k=count: ctl.state is c.PROCESSING or len(results) > k or bool(errors), 900, "the recording")
        stopped = time.perf_counter()
        wait(lambda k=count: len(results) > k or bool(errors), 900, "the feedback")
        if errors:
            raise SystemExit(f"the app reported: {errors}")
        done, cpu1 = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
        spans.append((began, stopped, done))
        feedback_s = done - stopped
        peak = status_mb("VmHWM")
        settle()
        live = made[-1] if made else None
        windows = [w for w, _ in live.pass_log] if live else []
        text = results[-1].transcript.text
        rows.append({"answer": n + 1, "audio_s": round(results[-1].transcript.duration, 1),
                     "rest_before_mb": round(before), "peak_mb": round(peak), "rest_after_mb": round(status_mb("VmRSS")),
                     "live_passes": len(windows), "longest_window_s": round(max(windows, default=0), 1),
                     "mean_pass_s": round(sum(s for _, s in live.pass_log) / max(1, len(windows)), 2) if live else None,
                     "stop_to_feedback_s": round(feedback_s, 2), "recorded_s": round(stopped - began, 1),
                     "wer": round(wer(reference, normalise_verbatim(text)), 3), "imported": importing,
                     "answer_wall_s": round(done - began, 1),
                     "answer_cpu_s": round(cpu1.ru_utime + cpu1.ru_stime - cpu0.ru_utime - cpu0.ru_stime, 1),
                     "loop_recording": watch.summary(began, stopped), "loop_to_feedback": watch.summary(stopped, done),
                     "trims": sum(1 for t, _ in trims if began <= t < done),
                     "trim_max_ms": round(1000 * max((d for t, d in trims if began <= t < done), default=0.0), 1),
                     "load1": round(os.getloadavg()[0], 1)})
        page.next_btn.click()
        if ctl.state == c.FINISHED:
            page.start_btn.click()
    smaps = by_mapping()
    watch.timer.stop()
    if args.ticks:
        args.ticks.write_text(json.dumps({"late": [t for t in watch.ticks if t[1] > 0.020], "trims": trims,
                                          "answers": spans}))
    report = {"platform": QGuiApplication.platformName(), "voice": args.voice, "speed": args.speed,
              "arenas": args.arenas or "glibc default", "imported": args.imported,
              "import_window_s": args.import_window,
              "start_peak_mb": round(start_peak), "rest_ready_mb": round(rest0),
              "peak_mb": max(r["peak_mb"] for r in rows), "answers": rows,
              "rest_smaps_mb": smaps, "rss_file_mb": round(status_mb("RssFile")),
              "rss_anon_mb": round(status_mb("RssAnon")), "mallinfo": mallinfo(),
              "load": [round(x, 1) for x in os.getloadavg()]}
    window.close()
    return report


if __name__ == "__main__":
    main()
