"""The keyboard-shortcuts sheet (F1), made from the window's own shortcuts so it cannot drift from them: each
QShortcut or QAction with a key says what it does (`described`), and the sheet lists what the window holds, under
the page or part of the window it belongs to (walk18: the keys were shown nowhere)."""

from __future__ import annotations

from html import escape as e
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from voiceprep.gui.widgets.app_events import watch

SECTION = "shortcutSection"      # a widget property: the sheet's heading for the shortcuts inside the widget
ANYWHERE = "Anywhere in the window"
IN_DIALOGS = "In dialogs"        # keys of dialogs, listed whether or not one is open (session 22)
Lines = list[tuple[str, str]]    # (keys, what they do)
K = TypeVar("K", QShortcut, QAction)


def described(shortcut: K, what: str) -> K:
    """The shortcut, saying what it does on the sheet ("Go to Practice")."""
    shortcut.setWhatsThis(what)
    return shortcut


class _OverFields(QObject):
    """Refuses text fields their claim on a shortcut's key (ShortcutOverride), so the key runs the shortcut."""

    def __init__(self, shortcut: QShortcut, fields: tuple[QWidget, ...]):
        super().__init__(shortcut)
        self.shortcut, self.fields = shortcut, fields

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched not in self.fields or not isinstance(event, QKeyEvent) or not self.shortcut.isEnabled():
            return False
        if QKeySequence(event.keyCombination()).matches(self.shortcut.key()) != QKeySequence.SequenceMatch.ExactMatch:
            return False
        event.ignore()          # not the field's: Qt then runs the shortcut
        return True


def over_text_fields(shortcut: K, *fields: QWidget) -> K:
    """The shortcut's key works while one of `fields` (a text box) has the keyboard: a desktop's text-editing key
    (GNOME's and KDE's Ctrl+D deletes the next character) does not take it there (walk47 3, fixBP)."""
    if isinstance(shortcut, QShortcut):
        watch(_OverFields(shortcut, fields), QEvent.Type.ShortcutOverride)
    return shortcut


def key_text(shortcut: QShortcut | QAction) -> str:
    """The shortcut's key as labels and the sheet show it ("Ctrl+P"): a label names its key from the shortcut
    itself, so changing the key changes the label (session 22: "Practice (Ctrl+1)" was written by hand)."""
    seq = shortcut.key() if isinstance(shortcut, QShortcut) else shortcut.shortcut()
    return seq.toString(QKeySequence.SequenceFormat.NativeText)


def _section(obj: QObject | None) -> str:
    while obj is not None:
        name = obj.property(SECTION)
        if name:
            return str(name)
        obj = obj.parent()
    return ANYWHERE


def keys_text(keys: tuple[str, ...]) -> str:
    """Key sequences as the sheet shows keys that do the same thing: "Ctrl+Return or Ctrl+Enter"."""
    return " or ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys)


def shortcut_sheet(window: QWidget, order: tuple[str, ...] = (),
                   also: dict[str, Lines] | None = None) -> list[tuple[str, Lines]]:
    """(heading, [(keys, what it does)]) for every shortcut the window holds, in the order they were made, the
    headings in `order` first; keys that do the same thing share a line ("Ctrl+Return or Ctrl+Enter"). `also`: lines
    of keys the window does not hold while the sheet is made (a dialog's, from the dialog's definitions); a dialog
    left among the window's children is not walked, its keys being those lines."""
    found: list[QShortcut | QAction] = [*window.findChildren(QShortcut)]
    found += [a for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    sections: dict[str, dict[str, list[str]]] = {ANYWHERE: {}}
    for shortcut in found:
        keys = key_text(shortcut)
        owner = shortcut.parent()
        if not keys or isinstance(owner, QWidget) and owner.window() is not window:
            continue
        lines = sections.setdefault(_section(shortcut.parent()), {})
        what = shortcut.whatsThis() or "(not described)"
        if keys not in lines.setdefault(what, []):
            lines[what].append(keys)
    for heading, more in (also or {}).items():
        for keys, what in more:
            sections.setdefault(heading, {}).setdefault(what, []).append(keys)
    ranked = sorted(sections.items(), key=lambda s: order.index(s[0]) if s[0] in order else len(order))
    return [(heading, [(" or ".join(k), what) for what, k in lines.items()]) for heading, lines in ranked if lines]


class ShortcutsSheet(QDialog):
    """The window's keyboard shortcuts, by page; refreshed each time it is shown."""

    def __init__(self, window: QWidget, order: tuple[str, ...] = (), also: dict[str, Lines] | None = None):
        super().__init__(window)
        self._window, self._order = window, (ANYWHERE, *order)
        self.also: dict[str, Lines] = also or {}     # lines made from definitions, not found on the window
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(560, 600)
        lay = QVBoxLayout(self)
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        lay.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        lay.addWidget(buttons)

    def refresh(self) -> None:
        html = []
        for heading, lines in self.sections():
            html.append(f"<h3>{e(heading)}</h3><table cellspacing='0' cellpadding='3'>")
            html += [f"<tr><td width='170'><b>{e(keys)}</b></td><td>{e(what)}</td></tr>" for keys, what in lines]
            html.append("</table>")
        self.view.setHtml("".join(html))

    def text(self) -> str:
        """The sheet as plain lines: "keys  what it does"."""
        return "\n".join(f"{keys}  {what}" for _heading, lines in self.sections() for keys, what in lines)

    def sections(self) -> list[tuple[str, Lines]]:
        return shortcut_sheet(self._window, self._order, self.also)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Page Down / Page Up, Home / End scroll the list from anywhere in the sheet (walk57 7: with the focus on
        Close they did nothing)."""
        bar = self.view.verticalScrollBar()
        moves = {Qt.Key.Key_PageDown: bar.value() + bar.pageStep(), Qt.Key.Key_PageUp: bar.value() - bar.pageStep(),
                 Qt.Key.Key_Home: bar.minimum(), Qt.Key.Key_End: bar.maximum()}
        key = Qt.Key(event.key())
        if key in moves and not event.modifiers() & ~Qt.KeyboardModifier.ControlModifier:
            bar.setValue(moves[key])
            return
        super().keyPressEvent(event)

    def open_sheet(self) -> None:
        self.refresh()
        self.show()
        self.raise_()
        self.activateWindow()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
