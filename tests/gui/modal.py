"""Answering a dialog or menu the app opens (and waits in), from inside its own event loop.

Every poll and timer started here ends with its test: tests/gui/conftest.py stops them at teardown (`stop_all`).
A bare `QTimer.singleShot` outlives its test, and a poll left over from one test closed the next one's dialog
(CI3, session 41: 8f9c5414). Use `later` instead of `QTimer.singleShot` in a test."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

POLL_MS = 50
PATIENCE_S = 30.0

_timers: list[QTimer] = []     # this test's polls and timers, fired or not: stop_all() ends them


def _timer(ms: int, fire: Callable[[], object], *, repeat: bool = False) -> QTimer:
    """A timer of this test's, kept until stop_all() (so none is deleted inside its own timeout)."""
    timer = QTimer()
    timer.setSingleShot(not repeat)
    timer.setInterval(ms)
    timer.timeout.connect(fire)
    _timers.append(timer)
    timer.start()
    return timer


def later(ms: int, callback: Callable[[], object]) -> None:
    """`QTimer.singleShot(ms, callback)` that ends with its test: a test that ends before `ms` never sees it run."""
    _timer(ms, callback)


def stop_all() -> int:
    """Stop every poll and timer started here (at a test's teardown); how many had not run yet."""
    waiting = sum(timer.isActive() for timer in _timers)
    for timer in _timers:
        timer.stop()
        timer.timeout.disconnect()     # its callback held it: without this, neither is ever freed
    _timers.clear()
    return waiting


def when_modal(callback: Callable[[], object], kind: type | None = None, *, popup: bool = False) -> None:
    """Call `callback` once a modal dialog (or, with `popup`, a menu) of `kind` is shown and has the keyboard.

    A fixed delay (`QTimer.singleShot(300, ...)`) fired before the dialog was up when the machine was loaded (CI,
    session 28: "Type your answer" left open, and a Tab sent to no widget aborted Python). After PATIENCE_S the
    callback runs anyway, so its own checks say what is wrong.

    A menu has the keyboard once the window system has made it the focus window. Offscreen Qt reports that
    asynchronously after the menu shows: keys sent before the report closed the menu first, and the late report then
    made the closed menu the application's active window, with no focus widget anywhere (session 31, load 10: Add ▸
    Prompt "lost" the keyboard for good). Platforms that never give a popup the focus window are not waited for."""
    deadline = time.monotonic() + PATIENCE_S

    def ready() -> bool:
        widget = QApplication.activePopupWidget() if popup else QApplication.activeModalWidget()
        if widget is None or not widget.isVisible() or (kind is not None and not isinstance(widget, kind)):
            return False
        if popup:
            return QGuiApplication.platformName() != "offscreen" or \
                QGuiApplication.focusWindow() is widget.windowHandle()
        return widget.isActiveWindow() and QApplication.focusWidget() is not None

    def poll() -> None:
        if ready() or time.monotonic() > deadline:
            timer.stop()           # once: the callback may wait in an event loop of its own (a dialog, waitUntil)
            callback()

    timer = _timer(POLL_MS, poll, repeat=True)
