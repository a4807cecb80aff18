"""Keep database and analysis work off the GUI thread: the GUI marks its thread; work done there is recorded.

Nothing here imports Qt. In normal use a violation is logged; tests (and VOICEPREP_STRICT=1) make it
an error, so a slow call that sneaks onto the GUI thread fails the suite instead of freezing a candidate's window.
"""

from __future__ import annotations

import logging
import os
import threading
import traceback

log = logging.getLogger(__name__)
_ui_thread: int | None = None
_lock = threading.Lock()
violations: list[str] = []


class OnGuiThreadError(RuntimeError):
    """Database or analysis work was started on the GUI thread (strict mode only)."""


def mark_ui_thread() -> None:
    """Called once by the GUI: from now on, heavy work on this thread is a violation."""
    global _ui_thread
    _ui_thread = threading.get_ident()


def forget_ui_thread() -> None:
    global _ui_thread
    _ui_thread = None


def on_ui_thread() -> bool:
    return _ui_thread is not None and threading.get_ident() == _ui_thread


def strict() -> bool:
    return os.environ.get("VOICEPREP_STRICT") == "1"


def check(what: str) -> None:
    """Record (and in strict mode raise) when `what` runs on the GUI thread."""
    if not on_ui_thread():
        return
    where = "".join(traceback.format_stack(limit=6)[:-1])
    with _lock:
        violations.append(f"{what}\n{where}")
    log.warning("%s ran on the GUI thread", what)
    if strict():
        raise OnGuiThreadError(f"{what} ran on the GUI thread")
