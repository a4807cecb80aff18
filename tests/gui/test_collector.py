"""Garbage collection stays on the GUI thread (voiceprep.gui.collector).

The suite crashed twice with a segfault while a worker thread was "Garbage-collecting" (a history query) and the
GUI thread rebuilt a form: CPython collects in whichever thread crosses its threshold, and a collection there
destroys Qt objects caught in cycles from the wrong thread.
"""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject

from voiceprep.gui import collector


class _Cycle:
    def __init__(self):
        self.me = self


def _collections_by_thread():
    seen: list[int] = []

    def record(phase, info):
        if phase == "start":
            seen.append(threading.get_ident())
    return seen, record


def _allocate_cycles(n: int) -> None:
    for _ in range(n):
        _Cycle()


def test_a_worker_allocating_never_collects_and_the_gui_thread_collects_its_garbage(qtbot,
                                                                                     garbage_collected_on_the_gui_thread):
    seen, record = _collections_by_thread()
    gc.callbacks.append(record)
    try:
        worker = threading.Thread(target=_allocate_cycles, args=(50_000,))     # ~70 collections' worth
        worker.start()
        worker.join()
        assert not [t for t in seen if t != threading.get_ident()], "a collection ran on the worker thread"
        cycle = _Cycle()
        gone = weakref.ref(cycle)
        del cycle
        qtbot.waitUntil(lambda: gone() is None, timeout=5000)                   # collected by the timer
        assert seen and set(seen) == {threading.get_ident()}
    finally:
        gc.callbacks.remove(record)


def test_without_the_collector_a_worker_collects_qt_objects_in_cycles(garbage_collected_on_the_gui_thread):
    """What the collector prevents, shown on the automatic collector: a QObject in a cycle, dropped on the GUI
    thread, is destroyed by a collection a worker thread triggers."""
    garbage_collected_on_the_gui_thread.unpin()
    assert gc.isenabled()
    destroyed_on: list[int] = []
    holder = QObject()
    holder.cycle = holder                      # type: ignore[attr-defined]
    watch = weakref.ref(holder, lambda _: destroyed_on.append(threading.get_ident()))   # runs where it is freed
    del holder
    worker = threading.Thread(target=_allocate_cycles, args=(50_000,))
    worker.start()
    worker.join()
    garbage_collected_on_the_gui_thread.pin()
    assert watch() is None and destroyed_on and destroyed_on[0] != threading.get_ident(), destroyed_on


def test_settle_leaves_start_up_out_of_later_full_collections(qapp):
    c = collector.GuiThreadCollector()
    try:
        c.settle()
        assert gc.get_freeze_count() > 1000
    finally:
        gc.unfreeze()


def test_the_app_pins_collection_to_the_gui_thread(qapp, data_home, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from voiceprep.gui import app as gui_app
    from voiceprep.gui import main_window

    windows = []
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    monkeypatch.setattr(main_window.MainWindow, "show", lambda self: windows.append(self))
    monkeypatch.setattr(collector, "_pinned", None)
    monkeypatch.setattr(gui_app, "setup_logging", lambda: None)
    monkeypatch.setattr(gui_app, "install_excepthook", lambda: None)
    try:
        assert gui_app.run([]) == 0
        assert collector.pinned() is not None and not gc.isenabled()
    finally:
        if collector.pinned() is not None:
            collector.pinned().unpin()
        for w in windows:
            w.close()
