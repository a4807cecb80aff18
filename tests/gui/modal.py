"""Answering a dialog or menu the app opens (and waits in), from inside its own event loop."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

POLL_MS = 50
PATIENCE_S = 30.0


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
            callback()
        else:
            QTimer.singleShot(POLL_MS, poll)

    QTimer.singleShot(POLL_MS, poll)
