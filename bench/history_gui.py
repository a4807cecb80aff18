"""The window with a 10,000-attempt history: switching pages, typing a search, opening attempts, filtering,
comparing and Progress, while a 5 ms timer measures how long the event loop is ever blocked (goal <= 50 ms).

    .venv/bin/python bench/history_gui.py [--db H.sqlite3]

--db: a history made by `bench/history_scale.py --db H.sqlite3` (reused; without it one is generated, ~2
minutes). It is copied to a throw-away data folder first; Qt runs offscreen unless a display is set. Also
reports any history or judging work that ran on the GUI thread (voiceprep/app/threads.py); there should be none.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["VOICEPREP_HOME"] = tempfile.mkdtemp(prefix="voiceprep-bench-")

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from voiceprep.app import threads  # noqa: E402
from voiceprep.gui.main_window import MainWindow  # noqa: E402
from voiceprep.gui.operations import idle  # noqa: E402
from voiceprep.gui.services import Services  # noqa: E402

GOAL_MS = 50


class Traced(QApplication):
    """Diagnosis: which events keep the GUI thread busy."""

    def notify(self, receiver, event):
        start = time.perf_counter()
        result = super().notify(receiver, event)
        took = (time.perf_counter() - start) * 1000
        if took > 20:
            print(f"  {took:5.0f} ms  {type(receiver).__name__:24} {event.type().name}", file=sys.stderr)
        return result


class StallWatch:
    """A 5 ms precise timer; each late tick is a stall, charged to the action running at the time."""

    def __init__(self) -> None:
        self.action = "start"
        self.worst: dict[str, float] = defaultdict(float)
        self.over: dict[str, int] = defaultdict(int)
        self.last = time.perf_counter()
        self.timer = QTimer(interval=5, timerType=Qt.TimerType.PreciseTimer, timeout=self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        stall = (now - self.last - 0.005) * 1000
        self.last = now
        self.worst[self.action] = max(self.worst[self.action], stall)
        if stall > GOAL_MS:
            self.over[self.action] += 1


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def settle(timeout_s: float = 30) -> None:
    """Until background work has finished and been delivered."""
    end = time.time() + timeout_s
    wait(50)
    while not idle() and time.time() < end:
        wait(20)
    wait(100)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, help="a history made by bench/history_scale.py --db (else one is made)")
    ap.add_argument("--attempts", type=int, default=10000)
    ap.add_argument("--trace", action="store_true", help="print every GUI-thread event that takes over 20 ms")
    args = ap.parse_args()
    app = Traced(sys.argv[:1]) if args.trace else QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    db = Path(os.environ["VOICEPREP_HOME"]) / "history.sqlite3"
    if args.db:
        shutil.copy(args.db, db)
    else:
        from bench.history_scale import generate

        generate(db, args.attempts)
    services = Services(db_path=db)
    QMessageBox.information = lambda *a, **k: QMessageBox.StandardButton.Ok   # no modal dialogs in a bench
    window = MainWindow(services, recover=False)
    window.resize(1366, 768)
    window.show()
    watch = StallWatch()
    watch.action = "start-up (model loading, integrity scan)"
    settle(120)
    wait(3000)
    history, progress = window.history, window.progress

    def act(name: str) -> None:
        watch.action = name

    act("idle (the machine's own noise)")
    wait(5000)
    act("switching pages")
    for _ in range(3):
        for page in (1, 2, 0, 3, 1):
            window.nav.setCurrentRow(page)
            wait(150)
            settle()
    act("typing a search")
    window.nav.setCurrentRow(1)
    settle()
    history.search.setFocus()
    for ch in "ring buffer latency":
        history.search.insert(ch)
        wait(110)                      # a fast typist
    settle()
    act("opening attempts")
    history.search.clear()
    settle()
    for row in range(25):
        history.table.selectRow(row)
        wait(120)
    settle()
    act("filtering by bank and prompt")
    for i in range(1, history.bank_filter.count()):
        history.bank_filter.setCurrentIndex(i)
        settle()
        for j in range(1, min(history.prompt_filter.count(), 4)):
            history.prompt_filter.setCurrentIndex(j)
            settle()
    act("comparing two attempts")
    history.bank_filter.setCurrentIndex(history.bank_filter.findData("airwallex"))
    settle()
    history.prompt_filter.setCurrentIndex(history.prompt_filter.findData("hardest-problem"))
    settle()
    for _ in range(3):
        history.table.clearSelection()
        history.table.selectRow(0)
        history.table.selectionModel().select(history.model.index(1, 0),
                                              history.table.selectionModel().SelectionFlag.Select
                                              | history.table.selectionModel().SelectionFlag.Rows)
        QTimer.singleShot(800, lambda: app.activeModalWidget() and app.activeModalWidget().close())
        history.compare_selected()
        settle()
    act("Progress: banks and prompts")
    window.nav.setCurrentRow(2)
    settle()
    for i in range(progress.bank_box.count()):
        progress.bank_box.setCurrentIndex(i)
        settle()
        for j in range(1, min(progress.prompt_box.count(), 4)):
            progress.prompt_box.setCurrentIndex(j)
            settle()
    watch.timer.stop()
    rows = history.table.model().rowCount()
    print(f"history: {history.status.text()} ({rows} rows loaded); GUI-thread violations: {len(threads.violations)}")
    print("| action | worst stall, ms | stalls over 50 ms |")
    print("|---|---|---|")
    for name, worst in watch.worst.items():
        print(f"| {name} | {worst:.0f} | {watch.over[name]} |")
    steady = {k: v for k, v in watch.worst.items() if not k.startswith("start-up")}
    print(f"worst while in use: {max(steady.values()):.0f} ms (goal <= {GOAL_MS} ms)")
    window.close()


if __name__ == "__main__":
    main()
