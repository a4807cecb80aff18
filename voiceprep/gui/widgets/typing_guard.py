"""The Practice page's one-letter shortcuts and typing: a letter typed where no text goes is not a command."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

SINGLE_KEYS = ("Space", "R", "N", "F", "C")      # the page's shortcuts that are one plain key: a typed letter too
HELD_KEYS = ("R", "N", "F", "C")               # ... of which a sentence can begin with (Space is never a first key)


class TypeAhead(QObject):
    """Installed on a combo box: while `taking()` (no round going), a letter or digit typed at it is its type-ahead
    (a bank picked by its name), not a one-letter shortcut (walk50: "Riverside" typed into the Bank box said "R was
    not taken as a command"). While a round is going R, N, F and C are the page's there too, as wherever the focus is
    but a text field (review, session 39: N at a feedback picked a bank). Space and keys with Ctrl or Alt stay the
    page's."""

    def __init__(self, parent: QObject, taking: Callable[[], bool] = lambda: True):
        super().__init__(parent)
        self.taking = taking

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and self.taking() \
                and len(event.text()) == 1 and event.text().isalnum() \
                and not event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier):
            event.accept()                       # the box takes the key: no shortcut fires
            return True
        return False


class TypingWatch(QObject):
    """When text (a letter, a space, punctuation) was last typed at a widget of `window` that takes no text: the
    sidebar, a button, a list (the keys the page's one-letter shortcuts take are not seen here: they became
    shortcuts). Walkthrough 12: a note typed while the sidebar had the focus (the letters went to the sidebar's list)
    fired N, Space and R between its words: it ended a drill, started a round and skipped questions never heard.
    Keys typed into a text field went where they were meant to, a digit on the feedback is a rating, and moving the
    focus ends the typing.

    The first letter of such a note is held (`press`): its command runs once no key follows it for a moment
    (session 16: "no numbers" typed on the sidebar moved on at its N before any typing was seen)."""

    dropped = Signal(str)            # a held key's name: a key typed after it made it a letter, not a command

    def __init__(self, window: QWidget, parent: QObject, gap_s: Callable[[], float],
                 sink: Callable[[str], bool] | None = None):
        super().__init__(parent)
        self.window = window
        self.last = -1e9                         # time.monotonic() of the last key typed at no text field
        # a key typed this soon after another is typing (the settings' typing_gap_s, as `press` is given it)
        self.gap_s = gap_s
        # where typing goes once it is seen (walk37: a note typed on the feedback before reaching its field was
        # lost): given the text typed so far, True when it took it (and the focus, so the next keys follow it)
        self.sink = sink
        self.text = ""                           # what has been typed at no text field, this run of typing
        self._at: tuple[QWidget, int, str] | None = None   # the last key seen, at which widget (`_passed_up`)
        self._held: tuple[str, Callable[[], None], QAbstractButton | None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._run)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._moved)

    def _moved(self, _old: QWidget | None, _new: QWidget | None) -> None:
        self.last = -1e9
        self.text = ""
        self._at = None

    def _passed_up(self, watched: QWidget, event: QKeyEvent) -> bool:
        """Whether this key is one already seen, passed up to a parent by the widget that ignored it (Qt shows an
        application's filter the same key at each widget it goes up through: review29, "the numbers" typed on a
        focused button became "tthe numbers"). Keys sent one after another to the same widget are each new."""
        seen, self._at = self._at, (watched, event.key(), event.text())
        return seen is not None and seen[1:] == self._at[1:] and watched is not seen[0] \
            and watched.isAncestorOf(seen[0])

    def _seen(self) -> bool:
        """Typing seen: its text to the sink, if one takes it."""
        if self.sink is None or not self.sink(self.text):
            return False
        self.text = ""
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress) or not isinstance(watched, QWidget) \
                or watched.window() is not self.window.window():
            return False
        if (kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and len(event.text()) == 1 and event.text().isprintable() and not event.text().isdigit()
                and not event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
                and not isinstance(watched, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox | QComboBox)):
            if self._passed_up(watched, event):
                return False
            now = time.monotonic()
            amid = now - self.last < self.gap_s() or self._held is not None
            self.text = (self.text if amid else "") + event.text()
            self.last = now
            if amid and self._seen():
                self._release()                  # the held letter is in the text: neither a command nor dropped
                return True                      # the key is in the text taken
            self._drop()
        elif kind == QEvent.Type.MouseButtonPress and self._held is not None:
            self._release()                      # the mouse does something else now (clicks Next itself)
        return False

    def typing(self, gap_s: float, char: str = "") -> bool:
        """Whether a key pressed now comes amid typing (another typed key less than `gap_s` ago, or a first letter
        still held); the key (`char`, its text) counts as typed too, so the rest of the sentence is typing as
        well."""
        now = time.monotonic()
        amid = now - self.last < gap_s or self._held is not None
        if amid:
            self.last = now
            self.text += char
            if self._seen():
                self._release()
            else:
                self._drop()
        return amid

    def press(self, key: str, command: Callable[[], None], gap_s: float, hold_s: float,
              button: QAbstractButton | None = None) -> bool:
        """A one-letter shortcut `key` pressed: False when it is typing (`typing`). Else `command` runs: at once, or
        for a letter a sentence can begin with (HELD_KEYS), after `hold_s` with no key typed (`button` shown down
        meanwhile). The same key pressed again while held runs it once; Space while one is held runs it first."""
        if self._held is not None and self._held[0] == key:
            return True
        if self._held is not None and key not in HELD_KEYS:
            self.flush()         # walkthrough 13: "N, Space" (move on, answer): no word is a lone R, N or F
        if self.typing(gap_s, " " if key == "Space" else key.lower()):
            return False
        if key not in HELD_KEYS or hold_s <= 0:
            self.text = ""
            command()
            return True
        self.text = key.lower()                  # a note may begin with it
        self._held = (key, command, button)
        if button is not None:
            button.setDown(True)
        self._timer.start(int(hold_s * 1000))
        return True

    def held(self) -> str | None:
        """The key whose command waits to run, if any."""
        return self._held[0] if self._held is not None else None

    def flush(self) -> None:
        """Run the command that waits now: another page key came after it, so it was a command, and it goes first
        (review 16: N then Ctrl+T opened the typed answer on the question N was leaving, N moving on behind it)."""
        self._run()

    def _release(self) -> tuple[str, Callable[[], None], QAbstractButton | None] | None:
        held, self._held = self._held, None
        self._timer.stop()
        if held is not None and held[2] is not None:
            held[2].setDown(False)
        return held

    def _drop(self) -> None:
        if (held := self._release()) is not None:
            self.dropped.emit(held[0])

    def _run(self) -> None:
        if (held := self._release()) is not None:
            held[1]()
