"""The one way the GUI runs work off its thread (modelled on Anki's QueryOp / CollectionOp).

`run_in_background(fn, on_done=..., on_error=..., lane=...)` runs `fn` on a worker thread; the result or the
exception comes back on the GUI thread. Lanes are Python threads, so each keeps its own history connection:

- "history": every query and change the views make (one thread: one connection, never two views racing);
- "session": begin / finish / recover answers and rounds (one thread, in order);
- "load": loading the speech model and the judge's model at start, one after the other (at once, their loaders'
  temporaries added up to the start-up's peak memory: docs/benchmarks.md, mem23), then each question's texts
  given to the judge when it is asked (`judging.prepare_judge`, perf36);
- "work": slow work that does not touch the history (speech, playback, mic test);
- "render": rendering a round's prompts ahead of time (never in the way of the voice being heard now);
- "draw": drawing charts into images (Progress), so new data never costs the GUI thread the drawing;
- "banks": reading the banks folder again when it changed (Banks watches it), never behind speech or a model.

If `owner` (a widget) is gone by the time the work ends, the callbacks are skipped. A callback a worker thread
calls itself (the recorder's level, captions and stop) goes through `from_thread(signal)`: once its object is
deleted (a window closed, a test torn down), the call is dropped instead of raising in that thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)
_WORKERS = {"history": 1, "session": 1, "load": 1, "work": 2, "render": 1, "draw": 1, "devices": 1, "banks": 1}
_executors: dict[str, ThreadPoolExecutor] = {}
_lock = threading.Lock()


class _Bridge(QObject):
    """Lives on the GUI thread; a callable emitted from a worker runs here (a queued connection)."""

    deliver = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.deliver.connect(self._run, Qt.ConnectionType.QueuedConnection)   # always later, never inline

    @Slot(object)
    def _run(self, callback: Callable[[], None]) -> None:
        callback()


_bridge: _Bridge | None = None
pending: set[Future[Any]] = set()         # running work (tests wait for it: see wait_idle)


def _executor(lane: str) -> ThreadPoolExecutor:
    with _lock:
        if lane not in _executors:
            _executors[lane] = ThreadPoolExecutor(max_workers=_WORKERS[lane], thread_name_prefix=f"voiceprep-{lane}")
        return _executors[lane]


def run_in_background(fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], object] | None = None,
                      on_error: Callable[[BaseException], object] | None = None, lane: str = "work",
                      owner: QObject | None = None, on_dropped: Callable[[Any], object] | None = None,
                      **kwargs: Any) -> Future[Any]:
    """Run fn(*args, **kwargs) on `lane`; on_done(result) or on_error(exception) then runs on the GUI thread.
    `on_dropped(result)`: run instead of on_done when `owner` is gone (what the result holds given back)."""
    global _bridge
    if _bridge is None:
        _bridge = _Bridge()
    bridge = _bridge

    def alive() -> bool:
        return owner is None or shiboken6.isValid(owner)

    def finish(callback: Callable[[Any], object] | None, value: Any, future: Future[Any]) -> None:
        pending.discard(future)
        if callback is not None and alive():
            callback(value)
        elif callback is on_done and on_dropped is not None and not alive():
            on_dropped(value)

    def job() -> Any:
        return fn(*args, **kwargs)

    future = _executor(lane).submit(job)
    pending.add(future)

    def done(f: Future[Any]) -> None:
        exc = f.exception()
        if exc is not None:
            if on_error is None:
                log.error("background work %s failed", getattr(fn, "__name__", fn), exc_info=exc)
            else:
                log.info("background work %s failed: %r", getattr(fn, "__name__", fn), exc)
            bridge.deliver.emit(lambda: finish(on_error, exc, f))
        else:
            bridge.deliver.emit(lambda: finish(on_done, f.result(), f))
    future.add_done_callback(done)
    return future


def from_thread(signal: Any) -> Callable[..., None]:
    """`signal.emit` for a worker thread to call; a no-op once the signal's object has been deleted."""
    def emit(*args: Any) -> None:
        try:
            signal.emit(*args)
        except RuntimeError as exc:
            if "Signal source has been deleted" not in str(exc):
                raise
    return emit


def query(fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], object] | None = None,
          on_error: Callable[[BaseException], object] | None = None, owner: QObject | None = None) -> Future[Any]:
    """Read or change the history for a view (the "history" lane)."""
    return run_in_background(fn, *args, on_done=on_done, on_error=on_error, lane="history", owner=owner)


def idle() -> bool:
    """No background work is running or waiting to be delivered."""
    return not pending
