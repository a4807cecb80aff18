"""The Practice page's one-letter shortcuts and typing: a letter typed where no text goes is not a command."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

SINGLE_KEYS = ("Space", "R", "N", "F")      # the page's shortcuts that are one plain key: a typed letter too


class TypingWatch(QObject):
    """When text (a letter, a space, punctuation) was last typed at a widget of `window` that takes no text: the
    sidebar, a button, a list (the keys the page's one-letter shortcuts take are not seen here: they became
    shortcuts). Walkthrough 12: a note typed while the sidebar had the focus (the letters went to the sidebar's list)
    fired N, Space and R between its words: it ended a drill, started a round and skipped questions never heard.
    Keys typed into a text field went where they were meant to, a digit on the feedback is a rating, and moving the
    focus ends the typing."""

    def __init__(self, window: QWidget, parent: QObject):
        super().__init__(parent)
        self.window = window
        self.last = -1e9                         # time.monotonic() of the last key typed at no text field
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._moved)

    def _moved(self, _old: QWidget | None, _new: QWidget | None) -> None:
        self.last = -1e9

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and isinstance(watched, QWidget)
                and len(event.text()) == 1 and event.text().isprintable() and not event.text().isdigit()
                and not event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
                and not isinstance(watched, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox)
                and watched.window() is self.window.window()):
            self.last = time.monotonic()
        return False

    def typing(self, gap_s: float) -> bool:
        """Whether a key pressed now comes amid typing (another typed key less than `gap_s` ago); the key counts as
        typed too, so the rest of the sentence is typing as well."""
        now = time.monotonic()
        amid = now - self.last < gap_s
        if amid:
            self.last = now
        return amid
