"""Run only by test_test_guards.py, in this order: what one GUI test leaves behind does not act in the next."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QMessageBox

from tests.gui import modal

acted: list[str] = []     # what the first test left behind did in the second


def test_the_first_leaves_ctrl_held_and_a_poll_waiting_for_a_dialog(qtbot):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.keyClick(edit, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)     # no Ctrl release follows
    assert QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.ControlModifier
    modal.when_modal(lambda: acted.append("the first test's poll"))               # no dialog in this test


def test_the_next_starts_with_no_key_held_and_its_dialog_is_its_own(qtbot):
    held = QGuiApplication.keyboardModifiers()
    box = QMessageBox(QMessageBox.Icon.Information, "Probe", "Only this test answers me.")
    QTimer.singleShot(1500, box.accept)        # up long enough for any poll left over to find it
    box.exec()
    assert acted == [], acted
    assert held == Qt.KeyboardModifier.NoModifier, f"{held} still held"
