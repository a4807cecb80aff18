"""What the app's Python application event filters cost the GUI thread: per event, and events per second in use.

    python bench/event_filters.py [--events 50000] [--rehearse 20] [--json]

1. Per event: a worker thread emits `--events` queued signals (as the recorder's level and the live captions do) to
   a slot on the GUI thread, delivered with (a) no application filter, (b) the three watchers each installed as an
   application filter (VoiceFirst, FocusBack, TypingWatch: as before fixAZ), (c) the one filter that hands them
   their event types (gui/widgets/app_events.py, fixAZ). The GUI thread's CPU (thread_time) per event, less (a)'s.
   Interleaved, `--rounds` times each: the median.
2. Events per second in use (`--rehearse S`, 0: skip): the real window (offscreen) rehearses: a question asked
   aloud, then an answer of S seconds played in real time (FileStream, live captions), then its feedback; a counting
   filter (itself one more Python call per event) counts every event the application's filters see, per phase.
Give `uptime`'s load: CPU per event moves with the machine's load less than wall time, but it moves.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def per_event(events: int, rounds: int) -> dict:
    from PySide6.QtCore import QEvent, QObject, Signal
    from PySide6.QtWidgets import QWidget

    from bench.app_window import qt_app
    from voiceprep.gui.main_window import VoiceFirst
    from voiceprep.gui.widgets import app_events
    from voiceprep.gui.widgets.focus import FocusBack
    from voiceprep.gui.widgets.typing_guard import TypingWatch

    app = qt_app()

    class Sink(QObject):
        got = Signal(float)

        def __init__(self) -> None:
            super().__init__()
            self.n = 0
            self.got.connect(self.take)

        def take(self, _level: float) -> None:
            self.n += 1

    owner = QObject()
    owner.controller = type("Ctl", (), {"state": None})()        # VoiceFirst reads the controller's state
    page = QWidget()
    watchers = [TypingWatch(page, owner, lambda: 0.5), VoiceFirst(owner), FocusBack(owner)]   # the app's order
    types = [(QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress), (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress),
             (QEvent.Type.Show, QEvent.Type.Hide)]

    def run_once(setup: str) -> float:
        if setup == "three":
            for w in watchers:
                app.installEventFilter(w)
        elif setup == "one":
            for w, t in zip(watchers, types, strict=True):
                app_events.watch(w, *t)
        sink = Sink()
        emit = sink.got.emit

        def worker() -> None:
            for _ in range(events):
                emit(0.5)
        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()                   # all queued; delivered below, on this (the GUI) thread
        cpu = time.thread_time()
        while sink.n < events:
            app.processEvents()
        spent = time.thread_time() - cpu
        for w in watchers:
            app.removeEventFilter(w)
        if app_events._hub is not None:          # no filter left for the next setup
            app.removeEventFilter(app_events._hub)
            app_events._hub.deleteLater()
            app_events._hub = None
        sink.deleteLater()
        app.processEvents()
        return spent / events * 1e6

    runs: dict[str, list[float]] = {"none": [], "three": [], "one": []}
    for _ in range(rounds):
        for setup in runs:
            runs[setup].append(run_once(setup))
    base = statistics.median(runs["none"])
    return {setup: {"us_per_event": round(statistics.median(v), 2),
                    "over_none_us": round(statistics.median(v) - base, 2)} for setup, v in runs.items()}


def per_second(seconds: float) -> dict:
    from PySide6.QtCore import QEvent, QObject

    from bench.answers import answer_text
    from bench.app_window import open_window, qt_app, wait
    from voiceprep.gui import controller as c
    from voiceprep.speech.recorder import FileStream
    from voiceprep.speech.tts import Speaker

    app = qt_app()
    tmp = Path(tempfile.mkdtemp(prefix="event-filters-"))
    opened = open_window(tmp)
    page, ctl = opened.window.practice, opened.window.controller
    wav = Speaker(cache_dir=tmp / "tts").render(answer_text(seconds), out=tmp / "answer.wav")
    phase = ["idle"]
    counts: dict[str, Counter] = {}
    times: dict[str, float] = {}

    class Count(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            counts.setdefault(phase[0], Counter())[event.type().name] += 1
            return False
    counter = Count()
    app.installEventFilter(counter)

    def during(name: str, until, timeout: float) -> None:
        phase[0] = name
        began = time.monotonic()
        wait(app, until, timeout, name)
        times[name] = times.get(name, 0.0) + time.monotonic() - began

    page.fill_banks(select="airwallex")
    idle_end = time.monotonic() + 5
    during("idle", lambda: time.monotonic() >= idle_end, 30)
    page.start_btn.click()
    during("question asked", lambda: ctl.state in (c.IDLE, c.THINKING, c.FEEDBACK), 120)
    ctl.services.transcriber().load()
    opened.services.input_override = lambda: FileStream(wav, realtime=True)
    page.answer_btn.click()
    during("starting", lambda: ctl.state is c.RECORDING, 60)
    during("recording", lambda: ctl.state is not c.RECORDING, seconds + 60)
    during("checking", lambda: ctl.state is c.FEEDBACK or bool(opened.errors), 300)
    shown_end = time.monotonic() + 5
    during("feedback shown", lambda: time.monotonic() >= shown_end, 30)
    app.removeEventFilter(counter)
    opened.window.close()
    out = {}
    for name, kinds in counts.items():
        total = sum(kinds.values())
        out[name] = {"seconds": round(times.get(name, 0.0), 1), "events": total,
                     "per_s": round(total / max(times.get(name, 0.0), 1e-6)), "top": kinds.most_common(5)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=50000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--rehearse", type=float, default=20.0, help="seconds of the answer (0: no rehearsal)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    load = [os.getloadavg()[0]]
    result = {"per_event": per_event(args.events, args.rounds)}
    if args.rehearse:
        result["per_second"] = per_second(args.rehearse)
    load.append(os.getloadavg()[0])
    result["load"] = [round(x, 1) for x in load]
    print(json.dumps(result, indent=None if args.json else 1))


if __name__ == "__main__":
    main()
