"""walk22 finding 9: under Xvfb with no window manager, closing the F1 shortcuts sheet (and other dialogs) left no
window of the app active, so Ctrl+2 did nothing. The app hands the keyboard back to the widget that had it when a
dialog it opened closes, as a window manager would (offscreen has none either)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout

from tests.gui.modal import when_modal
from voiceprep.gui.widgets.common import choose


def _focused(window, qtbot, widget) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def _back_on(window, qtbot, widget) -> None:
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window and QApplication.focusWidget() is widget,
                    timeout=15000)     # returns as soon as it holds; CI at load 15-19 took over 2 s


def test_closing_the_f1_sheet_gives_the_keys_back_to_the_window(window, qtbot):
    _focused(window, qtbot, window.nav)
    qtbot.keyClick(window.nav, Qt.Key.Key_F1)
    sheet = window.shortcuts_sheet
    qtbot.waitUntil(lambda: QApplication.activeWindow() is sheet)
    qtbot.keyClick(sheet.view, Qt.Key.Key_Escape)           # closed from the keyboard, as walk22 did
    qtbot.waitUntil(lambda: not sheet.isVisible())
    _back_on(window, qtbot, window.nav)
    qtbot.keyClick(window.nav, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.nav.currentRow() == 1                       # walk22: Ctrl+2 did nothing


def test_a_question_the_app_asks_gives_the_keys_back_to_the_box_that_had_them(window, qtbot):
    window.nav.setCurrentRow(1)                               # History, with its search box
    search = window.history.findChild(QLineEdit)
    _focused(window, qtbot, search)

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert box is not None
        box.reject()

    when_modal(answer)
    choose(window, "A question", "Go on?", ["Yes", "No"], cancel=1)
    _back_on(window, qtbot, search)


def test_a_dialog_over_a_dialog_gives_the_keys_back_to_the_first(window, qtbot):
    _focused(window, qtbot, window.nav)
    first = QDialog(window)
    box = QLineEdit(first)
    QVBoxLayout(first).addWidget(box)
    first.show()
    first.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is first)
    box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box)
    when_modal(lambda: QApplication.activeModalWidget() and QApplication.activeModalWidget().reject())
    choose(first, "A question", "Go on?", ["Yes", "No"], cancel=1)
    _back_on(first, qtbot, box)
    first.close()
    _back_on(window, qtbot, window.nav)


def test_where_the_app_puts_the_keys_as_a_dialog_closes_wins(window, qtbot):
    """A typed answer's dialog closes and the page gives the keys to its next step: they stay there."""
    window.nav.setCurrentRow(1)
    search = window.history.findChild(QLineEdit)
    _focused(window, qtbot, window.nav)
    when_modal(lambda: QApplication.activeModalWidget() and QApplication.activeModalWidget().reject())
    choose(window, "A question", "Go on?", ["Yes", "No"], cancel=1)
    search.setFocus()                                         # the app's next step, as the dialog's answer is read
    qtbot.wait(100)
    _back_on(window, qtbot, search)
