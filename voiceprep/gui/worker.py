"""The one helper for background work: run a function on the thread pool, get the result as a signal."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable, args, kwargs):
        super().__init__()
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.fn(*self.args, **self.kwargs)
        except Exception as exc:  # delivered to the GUI thread, shown to the user, logged
            log.error("background job %s failed:\n%s", getattr(self.fn, "__name__", self.fn), traceback.format_exc())
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


_jobs: set[_Job] = set()


def run_in_background(fn: Callable, *args, on_done: Callable | None = None,
                      on_error: Callable | None = None, **kwargs) -> _Job:
    """Run fn(*args, **kwargs) off the GUI thread; on_done(result) / on_error(exc) run on the GUI thread."""
    job = _Job(fn, args, kwargs)
    job.setAutoDelete(False)
    _jobs.add(job)

    def finish(callback, value):
        _jobs.discard(job)
        if callback:
            callback(value)
    job.signals.done.connect(lambda r: finish(on_done, r))
    job.signals.failed.connect(lambda e: finish(on_error, e))
    QThreadPool.globalInstance().start(job)
    return job
