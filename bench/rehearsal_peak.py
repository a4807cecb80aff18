"""Peak RSS of a rehearsal as soak41 measured it (issue 11: <= 600 MB), in one fresh process through the real window.

The desktop app's `MainWindow` (offscreen, or on `$DISPLAY` with `--display`) answers several questions in a row,
each a real spoken answer fed at the speaker's pace (`--speed 1`) through `FileStream`, live captions, the final
pass, the judge and the feedback, as tests/gui/soak_session.py does. Per answer it prints the peak RSS while that
answer was recorded and judged (VmHWM, reset through /proc/self/clear_refs at its start, as soak41's 30-s peaks),
RSS at rest once the feedback's work is done (the app's own trims only: no extra collection or trim), the number of
live passes and their longest window, and the transcript's WER. At the end, where the memory at rest is: smaps by
mapping (anonymous heap, the biggest files), glibc's mallinfo2, and the load average beside it (shared machine).

    .venv/bin/python bench/rehearsal_peak.py [--answers 180,60,60] [--voice human] [--speed 1] [--display] [--json]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.soak_probe import mallinfo  # noqa: E402
from voiceprep.app import memory  # noqa: E402

memory.limit_arenas()             # as voiceprep.gui.app.run does: before any thread


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
    args = ap.parse_args()
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
    from PySide6.QtGui import QGuiApplication

    from bench.app_window import open_window, qt_app, wait
    from voiceprep.core.analysis import embedder
    from voiceprep.core.analysis.text import wer
    from voiceprep.gui import controller as c
    from voiceprep.gui import operations
    from voiceprep.speech import live as live_mod
    from voiceprep.speech.recorder import FileStream
    from voiceprep.speech.scoring import normalise_verbatim

    seconds = [float(s) for s in args.answers.split(",")]
    clips = [answer_audio(s, args.voice, i, tmp) for i, s in enumerate(seconds)]
    app = qt_app()

    def settle() -> None:
        for _ in range(2):
            wait(app, operations.idle, 60, "the app's background work")
            end = time.monotonic() + 1.0
            while time.monotonic() < end:
                app.processEvents()
                time.sleep(0.01)

    # every LiveTranscriber the controller makes, to read its passes' windows
    made: list = []
    original_init = live_mod.LiveTranscriber.__init__

    def init(self, *a, **k):
        original_init(self, *a, **k)
        made.append(self)
    live_mod.LiveTranscriber.__init__ = init          # type: ignore[method-assign]

    opened = open_window(tmp)
    services, window, results, errors = opened.services, opened.window, opened.results, opened.errors
    page, ctl = window.practice, window.controller
    page.fill_banks(select="airwallex")
    page.start_btn.click()
    wait(app, lambda: ctl.state in (c.IDLE, c.FEEDBACK), 120, "the question")
    services.transcriber().load()
    embedder.warm_up()                                # what the app's load lane does after the speech model
    settle()
    start_peak, rest0 = status_mb("VmHWM"), status_mb("VmRSS")
    rows = []
    for n, (wav, reference) in enumerate(clips):
        wait(app, lambda: ctl.state in (c.IDLE, c.FEEDBACK), 120, "the question")
        settle()
        before = status_mb("VmRSS")
        reset_peak()
        services.input_override = lambda w=wav: FileStream(w, realtime=True, speed=args.speed)
        count = len(results)
        began = time.perf_counter()
        page.answer_btn.click()
        wait(app, lambda: ctl.state is c.PROCESSING or bool(errors), 900, "the recording")
        stopped = time.perf_counter()
        wait(app, lambda k=count: len(results) > k or bool(errors), 900, "the feedback")
        if errors:
            raise SystemExit(f"the app reported: {errors}")
        feedback_s = time.perf_counter() - stopped
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
                     "wer": round(wer(reference, normalise_verbatim(text)), 3),
                     "load1": round(os.getloadavg()[0], 1)})
        page.next_btn.click()
        if ctl.state == c.FINISHED:
            page.start_btn.click()
    smaps = by_mapping()
    report = {"platform": QGuiApplication.platformName(), "voice": args.voice, "speed": args.speed,
              "start_peak_mb": round(start_peak), "rest_ready_mb": round(rest0),
              "peak_mb": max(r["peak_mb"] for r in rows), "answers": rows,
              "rest_smaps_mb": smaps, "rss_file_mb": round(status_mb("RssFile")),
              "rss_anon_mb": round(status_mb("RssAnon")), "mallinfo": mallinfo(),
              "load": [round(x, 1) for x in os.getloadavg()]}
    window.close()
    return report


if __name__ == "__main__":
    main()
