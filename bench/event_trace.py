"""Which widget's event made the GUI thread stall: a QApplication whose notify() times every event it delivers.

    app = TracedApplication(sys.argv[:1], min_ms=0.5)
    ...   # on each tick of a stall watch:
    app.tracer.stall(stall_ms, label)   # prints the slow events since the last tick when the stall is long, resets

For every event delivered on the GUI thread it records the receiver (class, objectName, and the chain of parents up
to the first widget class written in Python: "QWidget qt_scrollarea_viewport < QTableView < HistoryPage"), the
event type, and the GUI thread's CPU time (time.thread_time_ns) spent in it, inclusive and self (children's events
subtracted), plus wall time (wall >> CPU: the thread waited, e.g. for the GIL). Garbage collections on the GUI
thread are recorded the same way (gc.callbacks). With `profile=True` each interval between two ticks also runs
under cProfile and a stall's Python functions are printed (the Python share only: Qt's C++ is not seen).
"""

from __future__ import annotations

import cProfile
import gc
import io
import pstats
import resource
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication


@dataclass
class Entry:
    order: int          # when it started (entries are recorded as they end)
    depth: int
    label: str
    event: str
    wall_start: float
    cpu_ns: int = 0     # inclusive
    self_ns: int = 0    # minus the events delivered inside it
    wall_ns: int = 0


@dataclass
class Tracer:
    min_ns: int                     # events cheaper than this (inclusive CPU) are not kept
    profile: bool = False
    out: Any = sys.stderr
    entries: list[Entry] = field(default_factory=list)
    stalls: list[dict[str, Any]] = field(default_factory=list)   # summaries of the stalls printed
    _stack: list[list[int]] = field(default_factory=list)   # per open event: [children's CPU ns]
    _by_depth: dict[int, int] = field(default_factory=dict)    # CPU ns of every event since the last tick, by depth
    _by_kind: dict[tuple[str, str], list[int]] = field(default_factory=dict)   # (class, event): [count, self ns]
    _order: int = 0
    _since: float = field(default_factory=time.perf_counter)
    _gc: dict[str, Any] = field(default_factory=dict)
    _profiler: cProfile.Profile | None = None
    _main: int = field(default_factory=threading.get_ident)
    _usage: Any = field(default_factory=lambda: resource.getrusage(resource.RUSAGE_THREAD))

    def __post_init__(self) -> None:
        gc.callbacks.append(self._on_gc)
        if self.profile:
            self._restart_profiler()

    # -- recording ------------------------------------------------------------------------------
    def deliver(self, app: QApplication, receiver: QObject, event: Any) -> bool:
        if threading.get_ident() != self._main:
            return QApplication.notify(app, receiver, event)
        order, depth = self._order, len(self._stack)
        self._order += 1
        kind = event.type()
        wall0, cpu0 = time.perf_counter_ns(), time.thread_time_ns()
        children = [0]
        self._stack.append(children)
        try:
            return QApplication.notify(app, receiver, event)
        finally:
            cpu = time.thread_time_ns() - cpu0
            wall = time.perf_counter_ns() - wall0
            self._stack.pop()
            if self._stack:
                self._stack[-1][0] += cpu
            self._by_depth[depth] = self._by_depth.get(depth, 0) + cpu
            key = (type(receiver).__name__, kind.name)
            counted = self._by_kind.get(key)
            if counted is None:
                counted = self._by_kind[key] = [0, 0]
            counted[0] += 1
            counted[1] += cpu - children[0]
            if cpu >= self.min_ns:
                self.entries.append(Entry(order, depth, describe(receiver), kind.name, wall0 / 1e9, cpu,
                                          cpu - children[0], wall))

    def _on_gc(self, phase: str, info: dict[str, Any]) -> None:
        if threading.get_ident() != self._main:
            return
        if phase == "start":
            self._gc = {"cpu": time.thread_time_ns(), "wall": time.perf_counter_ns(), "order": self._order,
                        "depth": len(self._stack)}
            self._order += 1
        elif self._gc:
            cpu, wall = time.thread_time_ns() - self._gc["cpu"], time.perf_counter_ns() - self._gc["wall"]
            if self._stack:
                self._stack[-1][0] += cpu
            self._by_depth[self._gc["depth"]] = self._by_depth.get(self._gc["depth"], 0) + cpu
            if cpu >= self.min_ns:
                self.entries.append(Entry(self._gc["order"], self._gc["depth"],
                                          f"gc gen {info.get('generation')} ({info.get('collected', 0)} freed)",
                                          "GarbageCollection", self._gc["wall"] / 1e9, cpu, cpu, wall))
            self._gc = {}

    def _restart_profiler(self) -> None:
        if self._profiler is not None:
            self._profiler.disable()
        self._profiler = cProfile.Profile()
        self._profiler.enable()

    # -- reporting ------------------------------------------------------------------------------
    def stall(self, stall_ms: float, gui_cpu_ms: float, label: str, threshold_ms: float) -> None:
        """Called on every tick of a stall watch: report the interval since the last tick if it was long."""
        since, self._since = self._since, time.perf_counter()
        usage, self._usage = self._usage, resource.getrusage(resource.RUSAGE_THREAD)
        now = self._usage
        profiler = self._profiler
        if profiler is not None:
            profiler.disable()
        entries = [e for e in self.entries if e.wall_start >= since]
        depth = len(self._stack) - 1           # the tick runs inside a timer event: its siblings are top level
        in_events = self._by_depth.get(max(depth, 0), 0) / 1e6
        kinds = self._by_kind
        self.entries, self._by_depth, self._by_kind = [], {}, {}
        if stall_ms > threshold_ms:
            self._report(stall_ms, gui_cpu_ms, label, entries, profiler)
            print(f"  GUI thread since the last tick: user {(now.ru_utime - usage.ru_utime) * 1000:.1f} ms, system "
                  f"{(now.ru_stime - usage.ru_stime) * 1000:.1f} ms, page faults {now.ru_minflt - usage.ru_minflt} "
                  f"minor / {now.ru_majflt - usage.ru_majflt} major, context switches "
                  f"{now.ru_nvcsw - usage.ru_nvcsw} voluntary / {now.ru_nivcsw - usage.ru_nivcsw} involuntary",
                  file=self.out)
            print(f"  GUI CPU inside events delivered since the last tick: {in_events:.1f} ms of {gui_cpu_ms:.1f}; "
                  "most self CPU by class and event (count):", file=self.out)
            for (cls, event), (n, ns) in sorted(kinds.items(), key=lambda kv: -kv[1][1])[:6]:
                print(f"    {ns / 1e6:6.1f} ms  {event:22} {cls} ({n})", file=self.out)
        if self.profile:
            self._restart_profiler()

    def _report(self, stall_ms: float, gui_cpu_ms: float, label: str, entries: list[Entry],
                profiler: cProfile.Profile | None) -> None:
        out = self.out
        top = max(entries, key=lambda e: e.self_ns, default=None)
        self.stalls.append({"action": label, "stall_ms": stall_ms, "gui_cpu_ms": gui_cpu_ms,
                            "top": f"{top.label} {top.event}" if top else "", "top_self_ms": top.self_ns / 1e6 if top
                            else 0.0})
        print(f"\n=== stall {stall_ms:.0f} ms in {label!r}: GUI thread on CPU {gui_cpu_ms:.0f} ms ===", file=out)
        print("  events in the order they started (inclusive CPU >= 1 ms; self = minus the events inside it):",
              file=out)
        for e in sorted(entries, key=lambda e: e.order):
            if e.cpu_ns >= 1_000_000:
                print(f"  {'  ' * e.depth}{e.cpu_ns / 1e6:6.1f} cpu {e.self_ns / 1e6:6.1f} self {e.wall_ns / 1e6:6.1f} "
                      f"wall  {e.event:22} {e.label}", file=out)
        print("  most self CPU:", file=out)
        for e in sorted(entries, key=lambda e: -e.self_ns)[:6]:
            print(f"    {e.self_ns / 1e6:6.1f} ms  {e.event:22} {e.label}", file=out)
        if profiler is not None:
            text = io.StringIO()
            stats = pstats.Stats(profiler, stream=text)
            stats.sort_stats("tottime").print_stats(14)
            lines = [line for line in text.getvalue().splitlines() if line.strip()]
            start = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
            print("  Python (cProfile, by own time):", file=out)
            for line in lines[start:start + 15]:
                print(f"    {line}", file=out)


def describe(obj: QObject) -> str:
    """Class and objectName, then the parents up to the first class written in Python (the app's own widget)."""
    if not shiboken6.isValid(obj):
        return "(deleted)"
    parts = []
    current: QObject | None = obj
    while current is not None and len(parts) < 8:
        name = current.objectName()
        parts.append(type(current).__name__ + (f" {name}" if name else ""))
        if not type(current).__module__.startswith("PySide6") and current is not obj:
            break
        current = current.parent()
    return " < ".join(parts)


class TracedApplication(QApplication):
    """QApplication whose notify() feeds a Tracer (GUI-thread events only; other threads are passed through)."""

    def __init__(self, argv: list[str], min_ms: float = 0.5, profile: bool = False) -> None:
        super().__init__(argv)
        self.tracer = Tracer(min_ns=int(min_ms * 1e6), profile=profile)

    def notify(self, receiver: QObject, event: Any) -> bool:   # type: ignore[override]
        return self.tracer.deliver(self, receiver, event)
