"""Every control of the main window has a name a screen reader can say (walk47 1: it heard "Airwallex — …" for the
Bank box, nothing for the spin boxes, the search, the note, the tables and the page list, "1".."5" for the rating
and glyphs such as "● Start answer")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QWidget

from tests.gui.test_history_views import STRONG, rows, seed
from voiceprep.gui.widgets.accessible import GLYPHS, spoken


def said(w: QWidget) -> str:
    """The name a screen reader says for `w`: its accessible name, or for a combo box (whose name on Linux is its
    value) the label that labels it."""
    iface = QAccessible.queryAccessibleInterface(w)
    if isinstance(w, QComboBox):
        labels = [r[0].text(QAccessible.Text.Name) for r in iface.relations(QAccessible.RelationFlag.Label)]
        name = iface.text(QAccessible.Text.Name)
        return labels[0] if labels else ("" if name == w.currentText() else name)
    return iface.text(QAccessible.Text.Name)


def value(w: QWidget) -> str:
    if isinstance(w, QAbstractSpinBox | QLineEdit):
        return w.text()
    if isinstance(w, QComboBox):
        return w.currentText()
    return ""


def unnamed(root: QWidget) -> list[str]:
    """What is wrong with the names of the focusable controls shown under `root`."""
    wrong = []
    for w in root.findChildren(QWidget):
        if not (w.focusPolicy() & Qt.FocusPolicy.TabFocus) or not w.isVisible() or w.objectName() == "qt_spinbox_lineedit":
            continue
        name, what = said(w), f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r}"
        if not name.strip():
            wrong.append(f"{what}: no name")
        elif any(g in name for g in GLYPHS):
            wrong.append(f"{what}: a glyph in {name!r}")
        elif value(w) and name.strip() == value(w).strip():
            wrong.append(f"{what}: named by its value {name!r}")
        elif name.strip().isdigit():
            wrong.append(f"{what}: only a number {name!r}")
    return wrong


def test_spoken_drops_glyphs_and_mnemonics():
    assert spoken("● Start answer  (Space)") == "Start answer (Space)"
    assert spoken("▶ Play answer") == "Play answer" and spoken("&Save && close:") == "Save & close"


@pytest.mark.slow
def test_every_control_of_every_page_has_a_name_that_is_not_its_value(qtbot, window, services):
    seed(services.db_path, [("hardest-problem", STRONG, None)])
    wrong = {}
    for i in range(window.nav.count()):
        window.nav.setCurrentRow(i)
        qtbot.wait(200)
        if window.nav.currentRow() == 1:                     # History with an answer's feedback open
            history = window.history
            qtbot.waitUntil(lambda: len(rows(window.history)) == 1, timeout=10000)
            history.table.selectRow(0)
            qtbot.waitUntil(lambda: window.history.detail.document is not None, timeout=10000)
        wrong[window.nav.currentItem().text()] = unnamed(window)
    assert not any(wrong.values()), wrong
    rating = window.history.detail.rating.button(3)
    assert said(rating) == "Rate 3 of 5"
    assert said(window.history.min_score) == "Minimum score" and said(window.history.search) == "Search history"
    assert said(window.practice.bank_box) == "Bank  (Alt+B)"            # its label on screen, linked to it
    assert said(window.history.bank_filter) == "Bank shown"             # a label of its own, not shown


@pytest.mark.slow
def test_every_dialog_the_app_opens_names_its_controls(qtbot, window, services):
    """fixBP: the test above walked the main window's pages only. Each dialog (type an answer, draft from a job, notes
    to key points, compare, the shortcuts sheet, a question, a message, One prompt's list) and the bank editor at each
    kind of item: no control without a name, with a glyph, named by its value or by a number (it found the three
    text boxes of the answer, the job and the notes, the editor's outline and its ↑/↓)."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from tests.gui.modal import when_modal
    from tests.gui.test_history_views import WEAK, off_gui
    from voiceprep.gui.widgets import common
    from voiceprep.gui.widgets.bank_dialogs import DraftDialog, NotesDialog
    from voiceprep.gui.widgets.compare import CompareDialog
    from voiceprep.gui.widgets.practice import TypeAnswerDialog

    ids = seed(services.db_path, [("hardest-problem", STRONG, None), ("hardest-problem", WEAK, None)])
    wrong: dict[str, list[str]] = {}
    shown = {"Type your answer": TypeAnswerDialog("Why Airwallex?", "", window),
             "Draft from a job": DraftDialog(window), "Notes to key points": NotesDialog(window, "LMAX -- latency", "Why?"),
             "Compare": CompareDialog(off_gui(lambda: services.history.compare(*ids)), window)}
    for title, dialog in shown.items():
        dialog.show()
        qtbot.waitExposed(dialog)
        wrong[title] = unnamed(dialog)
        dialog.close()
    window.shortcuts_sheet.open_sheet()
    qtbot.waitExposed(window.shortcuts_sheet)
    wrong["Keyboard shortcuts"] = unnamed(window.shortcuts_sheet)
    window.shortcuts_sheet.close()
    window.nav.setCurrentRow(3)
    window.banks.new_bank()
    editor = window.banks.editor
    for path in (("job",), ("competencies",), ("competencies", 0), ("rounds", 0), ("rounds", 0, "prompts", 0),
                 ("rounds", 0, "prompts", 0, "key_points", 0)):
        editor.select(path)
        qtbot.wait(50)
        wrong[f"bank editor at {path}"] = unnamed(editor)

    def looked_at(title):
        def look():
            modal = QApplication.activeModalWidget()
            wrong[title] = unnamed(modal) if modal is not None else ["no dialog"]
            if modal is not None:
                modal.reject()
        return look
    when_modal(looked_at("a question"))
    common.choose(window, "Unsaved changes", "Save your changes?", ["Save", "Discard", "Cancel"], cancel=2)
    when_modal(looked_at("a message"))
    QMessageBox.information(window, "Compare", "Select two answers to compare.")
    window.nav.setCurrentRow(0)
    window.practice.fill_banks(select="airwallex")
    when_modal(looked_at("One prompt"))
    window.practice.start_one_prompt()
    assert not any(wrong.values()), {k: v for k, v in wrong.items() if v}
    assert said(shown["Type your answer"].editor) == "Your answer"
    assert said(editor.up_btn) == "Move up" and said(editor.tree) == "Bank outline"
