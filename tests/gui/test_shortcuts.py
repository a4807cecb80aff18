"""walk18: the app's keys were hard to find: no menu bar, F1 did nothing, Ctrl+1..5 and Ctrl+Q shown nowhere, the
sidebar without tooltips, the bank editor's Add without a key. F1 shows a sheet made from the window's own
shortcuts, so a key added without a line on the sheet fails here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication

from voiceprep.gui.main_window import PAGES


def keys(sc: QShortcut | QAction) -> str:
    return sc.key().toString(QKeySequence.SequenceFormat.NativeText) if isinstance(sc, QShortcut) else \
        sc.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


def test_f1_shows_every_shortcut_of_the_window_with_what_it_does(window, qtbot):
    window.banks.new_bank()                      # the bank editor's keys are the window's too while it is open
    window.nav.setCurrentRow(0)
    qtbot.keyClick(window.nav, Qt.Key.Key_F1)
    sheet = window.shortcuts_sheet
    qtbot.waitUntil(sheet.isVisible)
    text = sheet.text()
    for key, what in (("Ctrl+1", "Practice"), ("Ctrl+5", "Settings"), ("Ctrl+Q", "Quit"), ("F1", "shortcuts"),
                      ("Space", "answer"), ("Ctrl+T", "Type"), ("Ctrl+F", "search"), ("Ctrl+N", "Add")):
        line = next((line for line in text.splitlines() if line.startswith(key + "  ") or f" {key}  " in line
                     or line.startswith(key + " or")), None)
        assert line and what.lower() in line.lower(), (key, what, text)
    shortcuts = [s for s in window.findChildren(QShortcut)] + [a for a in window.findChildren(QAction)
                                                                  if not a.shortcut().isEmpty()]
    assert len(shortcuts) > 20
    for sc in shortcuts:                         # one source of truth: each says what it does, and is on the sheet
        assert sc.whatsThis(), keys(sc)
        assert keys(sc) in text and sc.whatsThis() in text, (keys(sc), sc.whatsThis())
    sheet.close()


def test_the_sidebar_says_each_pages_key(window):
    for i, name in enumerate(PAGES):
        assert window.nav.item(i).toolTip() == f"{name} (Ctrl+{i + 1})"
    assert "F1" in window.help_btn.toolTip()
    window.help_btn.click()
    assert window.shortcuts_sheet.isVisible()
    window.shortcuts_sheet.close()


def test_the_bank_editors_add_has_a_key_and_says_it(window, qtbot):
    window.nav.setCurrentRow(3)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.banks.new_bank()
    editor = window.banks.editor
    assert "Ctrl+N" in editor.add_btn.toolTip()
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(editor.add_menu.isVisible)
    editor.add_menu.close()
