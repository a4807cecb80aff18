"""The keyboard handed back when a dialog closes (walk22 finding 9: under Xvfb with no window manager, closing the
F1 sheet left no window of the app active and Ctrl+2 did nothing). A window manager gives the focus back to the
window under the dialog; without one nobody does, so the app does it itself, to the widget that had the keys."""

from __future__ import annotations

import weakref

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class FocusBack(QObject):
    """An application event filter: when a dialog over a window shows, the widget that had the keyboard is noted;
    when the dialog hides while it is the active window, the window under it is activated again and its focus widget
    gets the keyboard: the one the app gave it while the dialog closed, else the one noted (if still shown)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._had: weakref.WeakKeyDictionary[QWidget, weakref.ref[QWidget]] = weakref.WeakKeyDictionary()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.Show, QEvent.Type.Hide) or not isinstance(watched, QWidget) \
                or watched.windowType() != Qt.WindowType.Dialog:
            return False                # not a dialog (a menu, a list's popup, a tooltip)
        parent = watched.parentWidget()
        if parent is None:
            return False                # a window of its own, over nothing
        if kind == QEvent.Type.Show:
            focused = QApplication.focusWidget()
            if focused is not None and focused.window() is not watched:
                self._had[watched] = weakref.ref(focused)
        elif QApplication.activeWindow() in (watched, None):
            had = self._had.pop(watched, None)
            under = parent.window()
            QTimer.singleShot(0, lambda: self._give_back(under, had() if had else None))
        return False

    @staticmethod
    def _give_back(window: QWidget, had: QWidget | None) -> None:
        """`window` active again, with `had` (or the window's last focus widget) holding the keys."""
        try:
            if not window.isVisible() or QApplication.activeModalWidget() not in (None, window) \
                    or QApplication.activeWindow() not in (None, window):
                return          # another dialog is up, or another window of the app has the keys: theirs
            window.activateWindow()
            target = next((w for w in (window.focusWidget(), had)    # where the app put the keys meanwhile (a typed
                           if w is not None and w.window() is window  # answer's next step), else where they were
                           and w.isVisible() and w.isEnabled()), None)
            if target is not None:
                target.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        except RuntimeError:
            return              # the window or the widget is gone (deleted while the dialog closed)
