"""The window with a 10,000-attempt history: switching pages, typing a search, opening attempts, filtering,
comparing and Progress, while a 5 ms timer measures how long the event loop is ever blocked (goal <= 50 ms).

    .venv/bin/python bench/history_gui.py [--db H.sqlite3] [--why MS] [--trace MS [--profile]]

--db: a history made by `bench/history_scale.py --db H.sqlite3` (reused; without it one is generated, ~2
minutes). It is copied to a throw-away data folder first; Qt runs offscreen unless a display is set. Also
reports any history or judging work that ran on the GUI thread (voiceprep/app/threads.py); there should be none.
On a busy machine read the CPU columns: the GUI thread's own CPU time inside a stall is the app's share; --why MS
lists what overlapped each stall over MS; --trace MS names the widgets and events the GUI thread spent its CPU
time on in each stall over MS (bench/event_trace.py), --profile adds that stall's Python functions (cProfile).
"""

from __future__ import annotations

import argparse
import atexit
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
atexit.register(shutil.rmtree, os.environ["VOICEPREP_HOME"], ignore_errors=True)   # a 250 MB copy per run

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from bench.event_trace import TracedApplication, Tracer  # noqa: E402
from voiceprep.app import threads  # noqa: E402
from voiceprep.gui import operations, style  # noqa: E402
from voiceprep.gui.main_window import MainWindow  # noqa: E402
from voiceprep.gui.operations import idle  # noqa: E402
from voiceprep.gui.services import Services  # noqa: E402

GOAL_MS = 50


class Why:
    """Diagnosis (--why): what ran during each long stall. Every GUI-thread delivery of background work and every
    background job is logged with its wall and CPU time; each stall reports how much of it the GUI thread spent
    on the CPU (its own work), how much the process did (other Python threads: the GIL), and what overlapped."""

    def __init__(self) -> None:
        self.log: list[tuple[str, str, float, float, float]] = []     # (where, what, start, end, cpu ms)
        self.stalls: list[tuple[str, float, float, float, float]] = []  # (action, start, end, gui cpu, process cpu)
        original_run, original_executor = operations._Bridge._run, operations._executor

        def timed(where: str, what: str, fn):   # type: ignore[no-untyped-def]
            start, cpu = time.perf_counter(), time.thread_time()
            try:
                return fn()
            finally:
                self.log.append((where, what, start, time.perf_counter(), (time.thread_time() - cpu) * 1000))

        def run(bridge, callback):   # type: ignore[no-untyped-def]
            return timed("gui", _name(callback), lambda: original_run(bridge, callback))

        class Lane:
            def __init__(self, lane: str) -> None:
                self.lane, self.pool = lane, original_executor(lane)

            def submit(self, job):   # type: ignore[no-untyped-def]
                return self.pool.submit(lambda: timed(self.lane, _name(job), job))

        operations._Bridge._run = run
        operations._executor = Lane

    def report(self, threshold_ms: float) -> None:
        for action, start, end, gui_cpu, proc_cpu in self.stalls:
            wall = (end - start) * 1000
            if wall - 5 < threshold_ms:
                continue
            print(f"stall {wall - 5:.0f} ms in {action!r}: GUI thread on CPU {gui_cpu:.0f} ms, whole process "
                  f"{proc_cpu:.0f} ms", file=sys.stderr)
            for where, what, s, e, cpu in self.log:
                if s < end and e > start:
                    print(f"    {where:8} {what[:60]:60} {(s - start) * 1000:+6.0f} ms  wall {(e - s) * 1000:5.1f}"
                          f"  cpu {cpu:5.1f}", file=sys.stderr)


def _name(fn) -> str:   # type: ignore[no-untyped-def]
    """Where a lambda was written (callbacks and jobs are mostly lambdas in the views)."""
    inner = getattr(fn, "__closure__", None) or ()
    for cell in inner:                     # operations wraps the view's lambda: name the view's one
        target = cell.cell_contents
        if callable(target) and getattr(target, "__code__", None) is not None and "operations" not in \
                target.__code__.co_filename:
            fn = target
            break
    code = getattr(fn, "__code__", None)
    return f"{Path(code.co_filename).stem}:{code.co_firstlineno}" if code else repr(fn)


class StallWatch:
    """A 5 ms precise timer; each late tick is a stall, charged to the action running at the time.

    Each stall is also split by CPU time: the GUI thread's own (the app's work, what a quiet machine still
    pays), the process's other threads (background lanes holding the GIL), and the rest (other programs)."""

    def __init__(self, why: Why | None = None, tracer: Tracer | None = None, trace_ms: float = 40) -> None:
        self.action = "start"
        self.detail = ""          # e.g. which page is being shown: in --why and --trace reports, not in the table
        self.why = why
        self.tracer, self.trace_ms = tracer, trace_ms
        self.worst: dict[str, float] = defaultdict(float)
        self.over: dict[str, int] = defaultdict(int)
        self.gui_cpu: dict[str, float] = defaultdict(float)      # most GUI-thread CPU inside one stall
        self.others_cpu: dict[str, float] = defaultdict(float)   # most other-thread CPU inside one stall
        self.last, self.cpu, self.process = time.perf_counter(), time.thread_time(), time.process_time()
        self.timer = QTimer(interval=5, timerType=Qt.TimerType.PreciseTimer, timeout=self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now, cpu, process = time.perf_counter(), time.thread_time(), time.process_time()
        stall = (now - self.last - 0.005) * 1000
        gui, others = (cpu - self.cpu) * 1000, (process - self.process - (cpu - self.cpu)) * 1000
        if stall > 20:
            self.gui_cpu[self.action] = max(self.gui_cpu[self.action], gui)
            self.others_cpu[self.action] = max(self.others_cpu[self.action], others)
            if self.why is not None:
                self.why.stalls.append((self.action + self.detail, self.last, now, gui, gui + others))
        self.worst[self.action] = max(self.worst[self.action], stall)
        if stall > GOAL_MS:
            self.over[self.action] += 1
        if self.tracer is not None:
            self.tracer.stall(stall, gui, self.action + self.detail, self.trace_ms)
        self.last, self.cpu, self.process = time.perf_counter(), time.thread_time(), time.process_time()


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
    ap.add_argument("--trace", type=float, metavar="MS", help="for each stall over MS: the events the GUI thread "
                    "delivered in it with their CPU time, nested, and the widgets that received them")
    ap.add_argument("--profile", action="store_true", help="with --trace: also the stall's Python functions")
    ap.add_argument("--automatic-gc", action="store_true", help="leave garbage collection to CPython, on any thread "
                    "(the app pins it to the GUI thread: gui/collector.py)")
    ap.add_argument("--why", type=float, metavar="MS", help="for each stall over MS: GUI-thread and process CPU "
                    "time, and the background jobs and deliveries that overlapped it")
    args = ap.parse_args()
    why = Why() if args.why is not None else None
    app = TracedApplication(sys.argv[:1], profile=args.profile) if args.trace is not None else \
        QApplication.instance() or QApplication(sys.argv[:1])
    tracer = app.tracer if isinstance(app, TracedApplication) else None
    style.apply()    # the app's look (gui/app.py)
    if not args.automatic_gc:
        from voiceprep.gui import collector

        collector.pin_to_gui_thread(app)           # as gui/app.py does
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
    watch = StallWatch(why, tracer, args.trace or 40)
    watch.action = "start-up (model loading, integrity scan)"
    settle(120)
    wait(3000)
    history, progress = window.history, window.progress

    def act(name: str) -> None:
        watch.action, watch.detail = name, ""

    act("idle (the machine's own noise)")
    wait(5000)
    act("switching pages")
    visits: dict[int, int] = defaultdict(int)
    for _ in range(3):
        for page in (1, 2, 0, 3, 1):
            visits[page] += 1
            watch.detail = f": {window.nav.item(page).text()}, visit {visits[page]}"
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
    print("| action | worst stall, ms | stalls over 50 ms | GUI thread's own CPU in a stall, ms | other threads' |")
    print("|---|---|---|---|---|")
    for name, worst in watch.worst.items():
        print(f"| {name} | {worst:.0f} | {watch.over[name]} | {watch.gui_cpu[name]:.0f} | {watch.others_cpu[name]:.0f} |")
    steady = {k: v for k, v in watch.worst.items() if not k.startswith("start-up")}
    print(f"worst while in use: {max(steady.values()):.0f} ms (goal <= {GOAL_MS} ms)")
    if why is not None:
        why.report(args.why)
    if tracer is not None:
        print(f"\ntraced stalls over {args.trace:.0f} ms (the event with the most self CPU in each):")
        for s in tracer.stalls:
            print(f"  {s['stall_ms']:5.0f} ms (GUI CPU {s['gui_cpu_ms']:3.0f}) {s['action'][:28]:28} "
                  f"{s['top_self_ms']:5.1f} ms {s['top']}")
    window.close()


if __name__ == "__main__":
    main()
