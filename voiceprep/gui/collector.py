"""Python's cyclic garbage collector, run on the GUI thread only.

CPython collects in whichever thread crosses an allocation threshold. Here that is often a worker (a history
query, a judged answer, a prompt rendered ahead), and a collection there destroys any Qt object caught in a
reference cycle from the wrong thread: the test suite crashed twice that way ("Garbage-collecting" inside a
history query's thread while the GUI thread rebuilt the bank editor's form). So the automatic collector is
off while the app runs, and a GUI-thread timer collects what is due with CPython's own thresholds (the
approach calibre, pyqtgraph and novelWriter take).

A full collection of the started app walks ~78,000 objects (~58 ms on the 2-core test machine, over the
50 ms a stall may last). Once start-up is over, `settle()` collects once and moves what is left to the
permanent generation (`gc.freeze()`): later full collections only walk what the session made since.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

COLLECT_EVERY_MS = 500


class GuiThreadCollector(QObject):
    """Owns collection while it lives: `pin()` turns the automatic collector off, `unpin()` back on."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(COLLECT_EVERY_MS)
        self._timer.timeout.connect(self.collect_due)
        self._thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()

    def pin(self) -> None:
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer.start()

    def unpin(self) -> None:
        """Stop and collect once here; the automatic collector comes back on if it was on before."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()

    def collect_due(self) -> int:
        """Collect the oldest generation whose count passed its threshold, as CPython would; return what was
        found unreachable."""
        counts = gc.get_count()
        due = [g for g in range(3) if self._thresholds[g] and counts[g] >= self._thresholds[g]]
        return gc.collect(max(due)) if due else 0

    def settle(self) -> None:
        """After start-up: collect fully once, then leave what start-up made (modules, pages, models' Python side)
        out of later full collections."""
        gc.collect()
        gc.freeze()


_pinned: GuiThreadCollector | None = None


def pin_to_gui_thread(app: QObject) -> GuiThreadCollector:
    """Install the app's collector (once per application object) and return it."""
    global _pinned
    if _pinned is None:
        _pinned = GuiThreadCollector(app)
        _pinned.pin()
    return _pinned


def pinned() -> GuiThreadCollector | None:
    return _pinned
