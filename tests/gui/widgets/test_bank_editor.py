"""The bank editor in the real window (issue 14): create, write key points, save, rehearse; edit a duplicate."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QPlainTextEdit, QWidget

from tests.conftest import BANKS
from tests.core.banks.bank_text import bank_text
from tests.core.banks.test_draft import seed
from tests.gui.modal import later, when_modal
from voiceprep import paths
from voiceprep.core.banks import load_bank
from voiceprep.core.banks.drafts import load_drafts
from voiceprep.core.rehearsal import Rehearsal
from voiceprep.core.wording import counted
from voiceprep.gui import controller as c
from voiceprep.gui.main_window import MainWindow
from voiceprep.gui.widgets.bank_dialogs import NotesDialog
from voiceprep.gui.widgets.bank_editor import EMPTY_POINT_FIX, KIND_ROLE, BankEditor
from voiceprep.gui.widgets.first_start import MARKER

EMPTY_POINT = "Key point must not be empty: " + EMPTY_POINT_FIX


def field(editor, key: str):
    return next(f.widget for f in editor.fields if f.key == key)


def type_into(qtbot, editor, key: str, text: str) -> None:
    """Replace a field's text by typing it, as a user would, then leave the field."""
    w = field(editor, key)
    w.setFocus()
    if isinstance(w, QPlainTextEdit):
        w.selectAll()
        qtbot.keyClick(w, Qt.Key.Key_Delete)
    else:
        w.selectAll()
        qtbot.keyClick(w, Qt.Key.Key_Backspace)
    qtbot.keyClicks(w, text)
    editor.commit()


def make_window(qtbot, services, data_home, welcome: bool = False):
    if not welcome:
        (data_home / MARKER).touch()
    window = MainWindow(services, recover=False)
    qtbot.addWidget(window)
    window.show()
    return window


def new_bank_in_active_window(qtbot, services, data_home):
    """The Banks page of an active window (key presses need one), with a new bank open in the editor."""
    window = make_window(qtbot, services, data_home)
    window.nav.setCurrentRow(3)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.banks.new_bank()
    return window, window.banks.editor


def test_create_a_bank_write_three_key_points_save_and_rehearse_it(qtbot, services, data_home):
    window = make_window(qtbot, services, data_home)
    banks = window.banks
    banks.new_bank()
    editor = banks.editor
    assert banks.pages.currentWidget() is editor
    type_into(qtbot, editor, "title", "Platform engineer at Acme")
    type_into(qtbot, editor, "id", "acme-platform")
    editor.select(("rounds", 0))
    prompt = editor.add_prompt()
    assert prompt == ("rounds", 0, "prompts", 1)
    type_into(qtbot, editor, "text", "Tell me about the hardest problem you solved.")
    labels = ["I replaced the lock-based queue with the LMAX Disruptor ring buffer.",
              "Latency dropped by forty percent after the change.",
              "I mentored two junior engineers through the rollout."]
    for label in labels:
        editor.select(prompt)
        editor.add_key_point()
        type_into(qtbot, editor, "label", label)
    assert not editor.problems.count(), [editor.problems.item(i).text() for i in range(editor.problems.count())]
    written = editor.save()
    assert written == data_home / "banks" / "acme-platform.toml"

    bank = services.registry.find("acme-platform")
    assert bank is not None and [k.label for k in bank.prompt(bank.all_prompts()[1].id).key_points] == labels
    page, ctl = window.practice, window.controller
    assert page.bank_box.findData("acme-platform") >= 0          # offered for practice at once
    page.fill_banks(select="acme-platform")
    ctl.start(Rehearsal.for_prompt(bank, bank.all_prompts()[1]), speak=False)
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=10000)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000) as sig:
        ctl.answer_text("Our matching engine had lock contention, so I replaced the queue with the LMAX Disruptor, "
                        "a ring buffer with a single writer. Latency dropped by forty percent.")
    analysis, _attempt = sig.args
    assert [r.hit for r in analysis.key_points] == [True, True, False]
    assert [hit for hit, _ in page.feedback.checklist()] == [True, True, False]


def test_duplicated_bundled_bank_keeps_its_comments_on_disk(qtbot, services, data_home):
    window = make_window(qtbot, services, data_home)
    banks = window.banks
    banks.select_bank("airwallex")
    assert banks.edit_btn.text() == "Duplicate to my banks"
    banks.edit_current()
    editor = banks.editor
    path = editor.doc.path
    assert path == data_home / "banks" / "airwallex-mine.toml" and path.exists()
    editor.select(("rounds", 0, "prompts", 3))
    type_into(qtbot, editor, "text", "What is the hardest problem you have solved, and how?")
    editor.select(("rounds", 0, "prompts", 3, "key_points", 0))
    cues = field(editor, "cues")
    cues.setPlainText(cues.toPlainText() + "\nmatching engine")
    editor.commit()
    editor.save()
    original, saved = (BANKS / "airwallex.toml").read_text(), path.read_text()
    comments = [line.strip() for line in original.splitlines() if line.strip().startswith("#")]
    assert comments and all(comment in saved for comment in comments)
    bank = load_bank(path)
    assert bank.id == "airwallex-mine" and bank.job.title.endswith("(my copy)")
    assert bank.prompt("hardest-problem").text == "What is the hardest problem you have solved, and how?"
    assert "matching engine" in bank.prompt("hardest-problem").key_points[0].cues
    assert services.registry.find("airwallex") and services.registry.find("airwallex-mine")
    # its answers follow it (walkthrough 13): the copy says where it came from
    assert bank.job.copied_from == "airwallex" and services.registry.lineage("airwallex-mine") == ("airwallex-mine",
                                                                                                   "airwallex")


def test_undo_and_nothing_lost_when_the_app_closes(qtbot, services, data_home, monkeypatch):
    from voiceprep.gui.widgets import common

    monkeypatch.setattr(common, "choose", lambda *a, **k: 1)        # "Remove" the prompt with its key point
    window = make_window(qtbot, services, data_home)
    window.banks.new_bank()
    editor = window.banks.editor
    type_into(qtbot, editor, "title", "First title")
    type_into(qtbot, editor, "title", "Second title")
    editor.undo()
    assert field(editor, "title").text() == "First title"
    editor.redo()
    assert field(editor, "title").text() == "Second title"
    editor.select(("rounds", 0, "prompts", 0))
    editor.remove_current()
    assert editor.doc.count(("rounds", 0), "prompts") == 0
    editor.undo()
    assert editor.doc.count(("rounds", 0), "prompts") == 1
    window.close()                                 # no save: the draft is on disk
    [draft] = load_drafts()
    assert "Second title" in draft.text and draft.target is None

    again = make_window(qtbot, services, data_home)
    banks = again.banks
    assert banks.resume.isVisibleTo(banks) and "Second title" in banks.resume_label.text()
    # said at start too, where the candidate is (walkthrough 10: only the Banks page mentioned it)
    assert again.nav.currentRow() == 0
    assert again.statusBar().currentMessage() == "Your unsaved bank “Second title” is kept: Banks > Resume editing"
    banks.resume_btn.click()
    assert banks.editor.doc.get(("job",), "title") == "Second title" and banks.editor.doc.modified


def test_resumed_unsaved_changes_to_a_saved_bank_are_not_said_to_be_saved(qtbot, services, data_home):
    """walk63 3: after Banks > Resume editing the line read "Restored your unsaved changes. Saved in your banks folder,
    as X.toml." while the title was marked unsaved (•): the changes are not saved yet, and it says so."""
    window = make_window(qtbot, services, data_home)
    window.banks.new_bank()
    editor = window.banks.editor
    type_into(qtbot, editor, "title", "Acme platform")
    written = editor.save()
    assert written is not None and editor.status.text().startswith(f"Saved in your banks folder, as {written.name}")
    type_into(qtbot, editor, "title", "Acme platform, edited")
    window.close()                                 # no save: the draft is on disk
    again = make_window(qtbot, services, data_home)
    again.banks.resume_btn.click()
    editor = again.banks.editor
    assert editor.doc.modified and editor.doc.path == written
    said = editor.status.text()
    assert said == f"Restored your unsaved changes: not saved yet. Save puts them in your banks folder, as {written.name}."
    assert "Saved in" not in said


def test_weights_show_their_live_sum(qtbot, services, data_home):
    window = make_window(qtbot, services, data_home)
    window.banks.new_bank()
    editor = window.banks.editor
    editor.add_competency()
    editor.add_competency()
    assert editor.doc.get(("rounds", 0, "prompts", 0, "key_points", 0), "competency") == "competency-1"
    editor.select(("competencies", 1))
    assert editor.weight_sum.text() == "Weights add up to 1 ✓"          # shared out (walkthrough 20: 1.10)
    field(editor, "weight").setValue(0.6)
    editor.commit()
    # plain words (walkthrough 10: "off by +0.600", "(+-0.001)")
    assert editor.weight_sum.text() == "Weights add up to 1.1; they should add up to 1 (take 0.1 off)"
    assert any(editor.problems.item(i).text().endswith("weights add up to 1.1; they should add up to 1")
               for i in range(editor.problems.count()))
    field(editor, "weight").setValue(0.4)
    editor.select(("competencies", 0))
    field(editor, "weight").setValue(0.6)
    editor.commit()
    assert editor.weight_sum.text() == "Weights add up to 1 ✓"
    assert editor.tree.topLevelItem(1).text(0) == "Competencies (sum 1)"
    # the weights' problem gone; the second competency, named by no key point yet, is a warning (walk68 5)
    listed = [(editor.problems.item(i).data(KIND_ROLE), editor.problems.item(i).text())
              for i in range(editor.problems.count())]
    assert [kind for kind, _ in listed] == ["warning"] and listed[0][1].startswith("Competency 2 "), listed
    # a new one starts at what the weights still miss (walkthrough 12: 0.1 after a first one of 0.4)
    field(editor, "weight").setValue(0.3)
    editor.commit()
    editor.add_competency()
    assert editor.doc.get(("competencies", 2), "weight") == 0.3 and editor.weight_sum.text() == "Weights add up to 1 ✓"


def test_draft_dialog_from_seed_002_opens_a_valid_draft_for_review(qtbot, services, data_home, tmp_path):
    window = make_window(qtbot, services, data_home)
    job = tmp_path / "job.txt"
    job.write_text(seed("002"))

    def review():
        dialog = QApplication.activeModalWidget()
        assert "Distributed Systems Design 0.3" in dialog.summary.text()
        dialog.review_btn.click()
    when_modal(review)
    assert window.banks.draft_from_job(job)
    editor = window.banks.editor
    bank = editor.doc.bank()
    assert len(bank.all_prompts()) == 4 and [c.weight for c in bank.competencies] == [0.3, 0.25, 0.25, 0.2]
    assert editor.doc.path is None and editor.doc.modified        # reviewed before it is saved
    editor.save()
    assert services.registry.find("senior-backend-engineer-payments") is not None


def test_the_banks_draft_button_opens_the_draft_dialog(qtbot, services, data_home):
    """clicked(bool) once reached draft_from_job(path=None) as path=False: AttributeError on every click."""
    window = make_window(qtbot, services, data_home)
    window.nav.setCurrentRow(3)

    def review():
        dialog = QApplication.activeModalWidget()
        dialog.text.setPlainText(seed("002"))
        dialog.update_draft()
        dialog.review_btn.click()
    when_modal(review)
    window.banks.draft_btn.click()
    assert window.banks.pages.currentWidget() is window.banks.editor
    assert len(window.banks.editor.doc.bank().all_prompts()) == 4


def test_no_button_passes_its_checked_flag_to_a_default_argument():
    """A button's clicked(bool) fills a slot's first optional argument: connect such slots through a lambda."""
    import ast
    import inspect
    from pathlib import Path

    import voiceprep.gui

    root = Path(inspect.getfile(voiceprep.gui)).parent
    with_defaults: set[str] = set()
    connected: list[tuple[str, int, str]] = []
    for file in root.rglob("*.py"):
        tree = ast.parse(file.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and len(node.args.args) > 1 and node.args.defaults:
                with_defaults.add(node.name)
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "connect"
                    and isinstance(node.func.value, ast.Attribute) and node.func.value.attr in ("clicked", "toggled")
                    and node.args and isinstance(node.args[0], ast.Attribute)):
                connected.append((file.name, node.lineno, node.args[0].attr))
    bad = [c for c in connected if c[2] in with_defaults]
    assert connected and not bad, bad


def notes_on_a_new_bank(qtbot, services, data_home, notes: str) -> tuple[BankEditor, NotesDialog]:
    """A new bank's editor at its first question, and the notes dialog with `notes` proposed."""
    window = make_window(qtbot, services, data_home)
    window.banks.new_bank()
    editor = window.banks.editor
    editor.select(("rounds", 0, "prompts", 0))
    dialog = NotesDialog(editor)
    qtbot.addWidget(dialog)
    dialog.notes.setPlainText(notes)
    dialog.propose_btn.click()
    return editor, dialog


def test_key_points_from_notes_are_editable_before_they_are_kept(qtbot, services, data_home):
    editor, dialog = notes_on_a_new_bank(qtbot, services, data_home, seed("000"))
    assert dialog.list.count() >= 10
    for i, p in enumerate(dialog.points):
        tick(dialog, i, p.label.startswith(("LMAX", "Take gaming")))
    dialog.list.setCurrentRow(next(i for i, p in enumerate(dialog.points) if p.label.startswith("LMAX")))
    dialog.label_edit.setPlainText("I used the LMAX Disruptor to fix lock contention in order matching")
    assert dialog.list.currentItem().text() == dialog.label_edit.toPlainText()        # the list follows the edit
    chosen = dialog.chosen()
    assert [p.label for p in chosen][0].startswith("Take gaming") and len(chosen) == 2
    assert chosen[1].label == "I used the LMAX Disruptor to fix lock contention in order matching"
    dialog.accept()                             # closing it with ticked proposals would ask first
    editor.add_key_points(chosen)
    kps = editor.doc.bank().prompt("prompt-1").key_points
    assert [k.label for k in kps][1:] == [p.label for p in chosen]
    # fix37: saved as plain labels, judged by their meaning (automatic cues measured worse on the tuning corpus)
    assert all(k.cues_from_label for k in kps[1:]), [k.cues for k in kps]
    assert all(editor.doc.get(("rounds", 0, "prompts", 0, "key_points", j), "cues") is None for j in (1, 2))
    # the names go into the bank's vocabulary, so the transcriber hears them (walkthrough 6: "co-yovers"), once
    vocabulary = editor.doc.bank().vocabulary
    assert {"HoYoverse", "LMAX Disruptor"} <= set(vocabulary) and all(w[:1] != "{" for w in vocabulary), vocabulary
    editor.add_key_points(chosen[:1])
    assert editor.doc.bank().vocabulary == vocabulary
    # walk24: a cue's other spellings are ways it may be heard, not names to write: only its first is kept
    from voiceprep.core.banks.notes import ProposedPoint
    editor.add_key_points([ProposedPoint("We took Genshin Impact's maker global", ["Mihoyo|Miho yo|Mee hoyo"])])
    assert list(editor.doc.bank().vocabulary) == [*vocabulary, "Mihoyo"], editor.doc.bank().vocabulary


def tick(dialog: NotesDialog, row: int, on: bool = True) -> None:
    dialog.list.item(row).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def notes_dialog_with_proposals(qtbot) -> NotesDialog:
    """A shown notes dialog with seed 000's proposals in it (ticked as proposed)."""
    dialog = NotesDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.notes.setPlainText(seed("000"))
    dialog.propose_btn.click()
    return dialog


def test_notes_dialog_tabs_to_its_buttons_in_the_order_they_are_drawn(qtbot, monkeypatch):
    from voiceprep.gui.widgets import common

    monkeypatch.setattr(common, "choose", lambda *a, **k: 1)        # "Discard" when the test closes it
    dialog = notes_dialog_with_proposals(qtbot)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    drawn = sorted([dialog.add_btn, cancel], key=lambda b: b.mapTo(dialog, b.rect().topLeft()).x())
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.needed.setFocus()                        # the selected proposal's cues needed
    tabbed = []
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        tabbed.append(QApplication.focusWidget())
    assert tabbed == drawn, [b.text() for b in tabbed]
    assert dialog.add_btn.isDefault() or dialog.add_btn.autoDefault()


def test_notes_dialog_asks_before_cancel_or_escape_throws_ticked_proposals_away(qtbot, monkeypatch):
    from voiceprep.gui.widgets import common

    asked: list[tuple[str, list[str], int]] = []
    answer = iter([0, 0, 1])                         # Keep, Keep, Discard

    def choose(_parent, _title, text, options, cancel=None, default=0):
        asked.append((text, options, default))
        return next(answer)
    monkeypatch.setattr(common, "choose", choose)
    dialog = notes_dialog_with_proposals(qtbot)
    n = sum(dialog.ticked())
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.isVisible() and asked[-1] == (f"Discard {n} proposed key points? They are not in the bank yet.",
                                                ["Keep", "Discard"], 0)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and len(asked) == 2
    dialog.reject()
    assert not dialog.isVisible() and dialog.result() == 0 and len(asked) == 3
    for i in range(dialog.list.count()):            # nothing ticked: nothing to lose, no question
        tick(dialog, i, False)
    dialog.show()
    dialog.reject()
    assert not dialog.isVisible() and len(asked) == 3
    dialog.notes.clear()
    dialog.propose_btn.click()
    assert dialog.count.text() == "Paste your notes first."


def test_pasted_notes_come_back_and_added_points_get_the_keyboard(qtbot, services, data_home, monkeypatch):
    from voiceprep.gui.widgets import common

    monkeypatch.setattr(common, "choose", lambda *a, **k: 1)        # "Discard"
    _window, editor = new_bank_in_active_window(qtbot, services, data_home)
    editor.select(("rounds", 0, "prompts", 0))
    seen: list[str] = []

    def paste_then(close: str):
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.notes.toPlainText())
        if not seen[-1]:
            dialog.notes.setPlainText(seed("000"))
        dialog.propose_btn.click()
        for i in range(dialog.list.count()):
            tick(dialog, i, i < 2)
        (dialog.add_btn if close == "add" else dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)).click()
    when_modal(lambda: paste_then("cancel"))
    editor.key_points_from_notes()
    when_modal(lambda: paste_then("add"))
    editor.key_points_from_notes()
    assert seen == ["", seed("000")]                # reopening shows what was pasted
    kps = editor.doc.bank().prompt(str(editor.doc.get(("rounds", 0, "prompts", 0), "id"))).key_points
    assert len(kps) == 3
    assert editor.node_path == ("rounds", 0, "prompts", 0, "key_points", 1)      # the first added one
    assert editor.window().focusWidget() is field(editor, "label")       # not the nav list
    assert field(editor, "label").textCursor().atEnd()     # walk41: a Space went in front of the words


def test_open_in_editor_without_a_registered_application_says_where_the_file_is(qtbot, services, data_home,
                                                                               monkeypatch):
    from PySide6.QtGui import QDesktopServices

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    window = make_window(qtbot, services, data_home)
    banks = window.banks
    banks.select_bank("airwallex")
    banks.open_external()
    assert banks.notice.isVisibleTo(banks) and str(BANKS / "airwallex.toml") in banks.notice.text()
    assert QApplication.clipboard().text() == str(BANKS / "airwallex.toml")


def test_first_start_explains_the_loop_and_offers_own_banks(qtbot, services, data_home):
    window = make_window(qtbot, services, data_home, welcome=True)
    assert window.welcome.isVisible() and "listen to the interviewer" in " ".join(
        lbl.text() for lbl in window.welcome.findChildren(type(window.banks.notice)))
    assert window.practice.bank().id == "airwallex"
    window.welcome.create_btn.click()
    assert not window.welcome.isVisible() and (data_home / MARKER).exists()
    assert window.stack.currentIndex() == 3 and window.banks.pages.currentWidget() is window.banks.editor
    later = make_window(qtbot, services, data_home, welcome=True)
    assert getattr(later, "welcome", None) is None


def test_bank_text_is_shown_as_plain_text(qtbot, services, data_home):
    window = make_window(qtbot, services, data_home)
    window.banks.new_bank()
    editor = window.banks.editor
    type_into(qtbot, editor, "title", "<img src=x><a href='file:///etc'>x</a>")
    assert editor.title.textFormat() == Qt.TextFormat.PlainText and editor.title.text().startswith("<img")
    assert editor._full_title.startswith("<img src=x><a href='file:///etc'>x</a>")
    assert editor.tree.topLevelItem(0).text(0).startswith("Job: <img")
    assert "&lt;img" in editor.tree.topLevelItem(0).toolTip(0)


def test_editor_fits_a_small_window(qtbot, services, data_home):
    window = make_window(qtbot, services, data_home)
    window.resize(800, 600)
    window.nav.setCurrentRow(3)
    window.banks.new_bank()
    editor = window.banks.editor
    editor.select(("rounds", 0, "prompts", 0, "key_points", 0))
    qtbot.wait(50)
    assert editor.minimumSizeHint().width() <= window.stack.width()
    assert editor.minimumSizeHint().height() <= window.stack.height()
    editor.id_more.click()                                               # the Id under "More" too (fixAJ)
    assert all(f.widget.isVisible() for f in editor.fields)             # in the scroll area, none hidden
    for f in editor.fields:                                              # and each can be scrolled to
        editor.form_scroll.ensureWidgetVisible(f.widget)
        assert f.widget.visibleRegion().boundingRect().height() > 0, f.key


def test_an_id_already_used_by_another_bank_is_a_problem(qtbot, services, data_home):
    window = make_window(qtbot, services, data_home)
    window.banks.new_bank()
    editor = window.banks.editor
    type_into(qtbot, editor, "id", "airwallex")
    texts = [editor.problems.item(i).text() for i in range(editor.problems.count())]
    assert "job.id: 'airwallex' is already the id of the bundled bank “Airwallex — Infrastructure / Platform Engineer”; " \
        "give this bank another id" in texts, texts                       # by its title, not its install path


def test_an_emptied_title_is_a_problem_in_the_editors_words_and_enter_does_not_save_it(qtbot, services, data_home,
                                                                                      monkeypatch):
    window = make_window(qtbot, services, data_home)
    window.banks.new_bank()
    editor = window.banks.editor
    type_into(qtbot, editor, "title", "")
    texts = [editor.problems.item(i).text() for i in range(editor.problems.count())]
    assert "Job: Title is empty: fill it in" in texts, texts
    assert not any("line " in t or "required field" in t for t in texts), texts
    from PySide6.QtWidgets import QMessageBox

    defaults = []

    def answer(box):
        defaults.append(box.defaultButton().text())
        return QMessageBox.StandardButton.Cancel
    monkeypatch.setattr(QMessageBox, "exec", answer)
    saved = []
    monkeypatch.setattr(editor, "save", lambda: saved.append(1))
    editor.save_clicked()
    assert defaults == ["Fix them first"] and not saved


def form_button(editor, text: str):
    from PySide6.QtWidgets import QPushButton

    return next(b for b in editor.form_scroll.widget().findChildren(QPushButton) if b.text() == text)


def test_add_buttons_in_the_form_put_the_keyboard_on_the_new_items_first_field(qtbot, services, data_home):
    """Walkthrough 04-first-competency: after "Add a competency" the form was rebuilt with focus nowhere and the
    next Tab went to the sidebar. The new item's first field has the keyboard, and Tab goes on through the form."""
    window, editor = new_bank_in_active_window(qtbot, services, data_home)
    for node, button, first in ((("competencies",), "Add a competency", "name"),
                                (("rounds", 0), "Add a prompt to this round", "text"),
                                (("rounds", 0, "prompts", 0), "Add a key point", "label")):
        editor.select(node)
        add = form_button(editor, button)
        add.setFocus()
        qtbot.keyClick(add, Qt.Key.Key_Space)
        assert len(editor.node_path) == len(node) + (1 if node == ("competencies",) else 2), editor.node_path
        assert QApplication.focusWidget() is field(editor, first), (button, QApplication.focusWidget())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is field(editor, "cues")        # the next field, not the sidebar


def test_competency_picker_and_tree_show_names_never_ids(qtbot, services, data_home):
    """Walkthrough 12-blank-kp: the picker read "Payments Domain Expertise (competency_3)" and a blank key point
    showed as "• point-4" in the tree, with a second, jargon problem about cues."""
    window = make_window(qtbot, services, data_home)
    window.banks.new_bank()
    editor = window.banks.editor
    editor.add_competency()
    type_into(qtbot, editor, "name", "Distributed Systems")
    editor.add_competency()
    editor.select(("rounds", 0, "prompts", 0, "key_points", 0))
    box = field(editor, "competency")
    assert [box.itemText(i) for i in range(box.count())] == ["(none)", "Distributed Systems", "Competency 2"]
    assert box.itemData(1) == "competency-1"                             # the id is what the file keeps
    editor.select(("rounds", 0, "prompts", 0))
    blank = editor.add_key_point()
    item = editor.tree.currentItem()
    assert item.text(0) == "• (no label yet)" and editor.node_path == blank
    editor.select(("job",))                          # left untyped: its problem is listed
    texts = [editor.problems.item(i).text() for i in range(editor.problems.count())]
    mine = [t for t in texts if t.startswith("Round 1 › “Tell me about yourself.” › key point 2")]
    assert mine == ["Round 1 › “Tell me about yourself.” › key point 2: Key point must not be empty: type what you want to "
                    "say, or remove it with Remove (Delete in the tree)"], texts
    assert not any("cue" in t.lower() for t in texts), texts


def test_new_prompts_and_points_get_ids_from_their_text_when_first_saved(qtbot, services, data_home):
    """Walkthrough: new items were saved as "prompt", "prompt-2", "point-2", and the starter point kept
    "current-role" after it was rewritten. Ids come from the candidate's words at the first save; ids in the
    saved file (the ones history knows) never change, nor do ids the candidate typed."""
    window = make_window(qtbot, services, data_home)
    window.banks.new_bank()
    editor = window.banks.editor
    type_into(qtbot, editor, "id", "acme")
    editor.select(("rounds", 0, "prompts", 0, "key_points", 0))
    type_into(qtbot, editor, "label", "I lead the payments platform team")
    editor.select(("rounds", 0))
    second = editor.add_prompt()
    assert editor.doc.get(second, "id") == "prompt"                      # a placeholder until there is text
    type_into(qtbot, editor, "text", "Tell me about a hard bug you fixed.")
    editor.add_key_point()
    type_into(qtbot, editor, "label", "I bisected the release to find the bad commit")
    editor.select(("rounds", 0))
    third = editor.add_prompt()
    type_into(qtbot, editor, "text", "Why this company?")
    type_into(qtbot, editor, "id", "motivation")                         # named by hand: kept
    editor.add_key_point()
    type_into(qtbot, editor, "label", "Their payments scale")
    assert editor.save() is not None
    bank = services.registry.find("acme")
    assert [p.id for p in bank.all_prompts()] == ["yourself", "hard-bug-fixed", "motivation"]
    assert [[k.id for k in p.key_points] for p in bank.all_prompts()] == [
        ["lead-payments-platform"], ["bisected-release-find"], ["payments-scale"]]
    assert field(editor, "id").text() == "payments-scale" and editor.node_path[:4] == third[:4]   # form refreshed

    editor.select(second)                                                # saved once: the id is kept from now on
    type_into(qtbot, editor, "text", "Tell me about the worst outage you handled.")
    editor.add_key_point()
    type_into(qtbot, editor, "label", "I wrote the postmortem")
    editor.save()
    bank = services.registry.find("acme")
    assert bank.all_prompts()[1].id == "hard-bug-fixed"
    assert [k.id for k in bank.all_prompts()[1].key_points] == ["bisected-release-find", "wrote-postmortem"]


def test_importing_a_job_description_says_it_is_not_a_bank_and_offers_the_draft(qtbot, services, data_home,
                                                                                tmp_path, monkeypatch):
    """Walkthrough 50-import-jobspec: a pasted job description offered as a bank showed
    "...:1: not valid TOML: Expected '=' after a key in a key/value pair (column 8)"."""
    from PySide6.QtWidgets import QMessageBox

    window = make_window(qtbot, services, data_home)
    banks = window.banks
    shown: list[tuple[str, list[str]]] = []

    def show(box, press=None):
        shown.append((box.text(), [b.text() for b in box.buttons()]))
        if press:
            next(b for b in box.buttons() if b.text() == press).click()
        return 0
    drafted: list = []
    monkeypatch.setattr(banks, "draft_from_job", lambda path=None: drafted.append(path) or False)
    job = tmp_path / "job.txt"
    job.write_text(seed("002"))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: show(box, "Draft from a job description…"))
    assert not banks.import_file(job)
    text, buttons = shown[-1]
    assert text == ("job.txt is not a question bank (line 1 is not 'name = value').\n\nTo make a bank from a job "
                    "description, use Draft from a job description…"), text
    assert banks.draft_btn.text() in text and "Draft from a job description…" in buttons
    assert drafted == [job]                                   # the button in the message opens the draft dialog

    monkeypatch.setattr(QMessageBox, "exec", lambda box: show(box))
    broken = tmp_path / "broken.toml"
    broken.write_text((BANKS / "airwallex.toml").read_text().replace("[job]", "[job", 1))
    assert not banks.import_file(broken)
    text, buttons = shown[-1]
    assert text.startswith("broken.toml has problems, so it was not imported:\n") and "section name on line" in text
    assert not re.search(r"line (\d+): .*on line \1", text), text        # walk50: "line 8: … on line 8"
    assert str(tmp_path) not in text and "Draft from a job description…" not in buttons
    weird = tmp_path / "weird.toml"
    weird.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert not banks.import_file(weird)
    assert shown[-1][0].startswith("weird.toml is not a question bank: it is not a text file.")
    assert drafted == [job]


def test_banks_list_wraps_long_names_with_room_between_entries_at_1366(qtbot, services, data_home):
    """Walkthrough 14-banks-list-1366: a long bank name ran behind a horizontal scrollbar ("...Payn") and the
    two-line entries ran together."""
    from voiceprep.core.banks.document import BankDocument

    name = "A fintech payments company — Senior Backend Engineer, Payments and Settlement"
    doc = BankDocument.copy_of((BANKS / "airwallex.toml").read_text(), "long-name", name)
    doc.save(data_home / "banks" / "long-name.toml")
    window = make_window(qtbot, services, data_home)
    window.resize(1366, 768)
    window.nav.setCurrentRow(3)
    banks = window.banks
    banks.reload()
    banks.select_bank("long-name")
    qtbot.wait(100)
    view = banks.list
    assert view.horizontalScrollBar().maximum() == 0 and not view.horizontalScrollBar().isVisible()
    rects = [view.visualRect(view.model().index(i, 0)) for i in range(view.count())]
    line = view.fontMetrics().lineSpacing()
    assert all(r.right() <= view.viewport().width() for r in rects)
    assert all(b.top() - a.bottom() >= 2 for a, b in zip(rects, rects[1:], strict=False))       # room between
    long = view.currentItem()
    assert long.data(256) == "long-name" and name in long.toolTip()
    assert rects[view.currentRow()].height() >= 3 * line            # the name wraps: nothing cut
    window.resize(window.minimumSize())                               # and it re-wraps when narrower
    qtbot.wait(100)
    narrow = view.visualRect(view.model().index(view.currentRow(), 0))
    assert narrow.height() > rects[view.currentRow()].height() and narrow.right() <= view.viewport().width()
    assert view.horizontalScrollBar().maximum() == 0


ONE_PROMPT = '''schema = 1
[job]
id = "one-prompt"
title = "One prompt"
company = "Acme"
[[rounds]]
id = "r"
title = "Round"
[[rounds.prompts]]
id = "why"
text = "Why Acme?"
[[rounds.prompts.key_points]]
id = "mission"
label = "The mission"
cues = ["mission"]
'''


def test_ctrl_s_saves_the_bank_being_edited_wherever_the_focus_is(qtbot, services, data_home):
    """Walkthrough 5: Ctrl+S did nothing in the bank editor unless the focus was inside it (after the notes dialog
    it was not); Settings' Ctrl+S still saves Settings."""
    from voiceprep.core.banks.document import BankDocument

    window = make_window(qtbot, services, data_home)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)     # shortcuts need it
    window.nav.setCurrentRow(3)
    banks = window.banks
    banks.open_editor(BankDocument.copy_of((BANKS / "airwallex.toml").read_text(), "ctrl-s", "Ctrl S bank"))
    editor = banks.editor
    type_into(qtbot, editor, "title", "Saved with the keyboard")
    window.nav.setFocus()                                       # the focus outside the editor
    target = data_home / "banks" / "ctrl-s.toml"
    assert not target.exists()
    qtbot.keyClick(window.nav, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    # fixCM: by its name in the banks folder (the whole path, a machine's own, was in a screenshot); whole in the tooltip
    assert editor.status.text() == "Saved in your banks folder, as ctrl-s.toml.", editor.status.text()
    assert editor.status.toolTip() == f"The bank's file: {target}"
    assert target.exists() and "Saved with the keyboard" in target.read_text()

    window.nav.setCurrentRow(4)                                  # Settings: its own Ctrl+S, not the editor's
    page = window.settings_page
    page.think.setFocus()
    page.think.setValue(page.think.value() + 1)
    target.unlink()
    qtbot.keyClick(page.think, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not page.is_dirty() and not target.exists()


def test_the_banks_list_says_1_prompt(qtbot, services, data_home):
    """Walkthrough 5 (111): "1 prompts · yours"."""
    (data_home / "banks").mkdir(exist_ok=True)
    (data_home / "banks" / "one-prompt.toml").write_text(ONE_PROMPT)
    services.reload_banks()
    window = make_window(qtbot, services, data_home)
    texts = [window.banks.list.item(i).text() for i in range(window.banks.list.count())]
    assert "Acme — One prompt\n1 prompt · yours" in texts, texts
    assert all(" 1 prompts" not in t for t in texts)


def test_tab_after_moving_down_the_tree_never_lands_on_an_invisible_stop(qtbot, services, data_home):
    """Walkthrough leftover: after the arrow keys moved down the tree, Tab went through Add, Remove, ↑, ↓ and then to
    the form's scroll area, which shows no focus; the next Tab reached the first field. "Key points from my notes…"
    had the same stop, and Tab went from Propose to the dialog's buttons before the proposals."""
    from PySide6.QtWidgets import QAbstractScrollArea, QTreeWidget

    window, editor = new_bank_in_active_window(qtbot, services, data_home)
    editor.tree.setFocus()
    for _ in range(2):
        qtbot.keyClick(editor.tree, Qt.Key.Key_Down)
    assert editor.node_path == ("rounds", 0)
    stops = []
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    # the form first (walk15: Tab from the tree went to Add), then the tree's buttons
    assert stops[0] is field(editor, "title"), stops
    buttons = [editor.add_btn, editor.remove_btn, editor.up_btn, editor.down_btn]
    assert all(b in stops for b in buttons) and stops.index(editor.add_btn) > stops.index(editor.id_more), stops
    fields = [f.widget for f in editor.fields]                 # a text box is a scroll area too, and shows focus
    inside = [w for w in stops[:stops.index(editor.down_btn) + 1] if w not in fields]     # the editor's own stops
    assert not any(isinstance(w, QAbstractScrollArea) and not isinstance(w, QTreeWidget) for w in inside), inside

    editor.select(("rounds", 0, "prompts", 0))              # "Key points from my notes…": the same in its list
    dialog = NotesDialog(editor)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.notes.setPlainText(seed("000"))
    dialog.propose_btn.click()
    dialog.propose_btn.setFocus()
    qtbot.keyClick(dialog.propose_btn, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.list, QApplication.focusWidget()
    for _ in range(4):                          # its wording, cues and cues needed
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() in dialog.buttons.buttons()       # the buttons after the list and its editor
    dialog.accept()                             # closing it with ticked proposals would ask first


def test_add_menu_items_put_the_keyboard_on_the_new_items_first_field(qtbot, services, data_home):
    """Walkthrough 7 (29-prompt2, 46-dup): Add ▸ Prompt in this round left the keyboard on Add (typed letters lost,
    Space reopened the menu) or, after a click, in the tree (its type-ahead jumped to another prompt). The new item's
    first field has the keyboard, as after the form's "Add a prompt to this round"."""
    window, editor = new_bank_in_active_window(qtbot, services, data_home)

    def choose_from_menu(rows_down: int) -> None:
        def pick():
            menu = QApplication.activePopupWidget()
            assert menu is editor.add_menu
            for _ in range(rows_down):
                qtbot.keyClick(menu, Qt.Key.Key_Down)
            qtbot.keyClick(menu, Qt.Key.Key_Return)
        when_modal(pick, popup=True)

    for start, rows_down, first, typed in ((("rounds", 0), 3, "text", "Why Airwallex?"),
                                           (("rounds", 0, "prompts", 0), 4, "label", "I ship payments"),
                                           (("job",), 2, "title", "Round 9")):
        editor.select(start)
        editor.add_btn.setFocus()
        choose_from_menu(rows_down)                    # the menu's rows: Competency, Round, Prompt, Key point
        qtbot.keyClick(editor.add_btn, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
        qtbot.waitUntil(lambda first=first: QApplication.focusWidget() is field(editor, first))
        qtbot.keyClicks(QApplication.focusWidget(), typed)
        editor.commit()
        assert editor.doc.get(editor.node_path, first) == typed, editor.node_path
    # with the mouse, the focus was in the tree: the new prompt's text gets the keyboard, not the tree's type-ahead
    editor.select(("rounds", 0, "prompts", 0))
    editor.tree.setFocus()
    editor.add_prompt_act.trigger()
    assert QApplication.focusWidget() is field(editor, "text") and editor.node_path == ("rounds", 0, "prompts", 1)


def test_draft_dialog_tabs_as_drawn_asks_before_discarding_a_paste_and_shows_it_again(qtbot, services, data_home,
                                                                                    monkeypatch):
    """Walkthrough 7 (07-tab, 12-draft-reopen): pasted the job post, Tab, Tab, Space: Tab reached Cancel before
    "Review in the editor", the dialog closed and a reopened one was empty."""
    from voiceprep.gui.widgets import common

    asked: list[tuple[str, list[str], int]] = []
    answers = iter([0, 0, 1])                       # Keep, Keep, Discard

    def choose(_parent, _title, text, options, cancel=None, default=0):
        asked.append((text, options, default))
        return next(answers)
    monkeypatch.setattr(common, "choose", choose)
    window = make_window(qtbot, services, data_home)
    window.nav.setCurrentRow(3)
    seen: list[str] = []

    def paste_tab_tab_space():
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.text.toPlainText())
        if not seen[-1]:
            dialog.text.setPlainText(seed("002"))
            dialog.update_draft()
        cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        drawn = sorted([dialog.review_btn, cancel], key=lambda b: b.mapTo(dialog, b.rect().topLeft()).x())
        dialog.open_btn.setFocus()
        tabbed = []
        for _ in range(3):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            tabbed.append(QApplication.focusWidget())
        assert tabbed == [dialog.text] + drawn and drawn[0] is dialog.review_btn, [str(w) for w in tabbed]
        cancel.click()                                                  # asks; Keep (the default) keeps it open
        assert dialog.isVisible() and asked[-1] == ("Discard the pasted job description?", ["Keep", "Discard"], 0)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.isVisible() and len(asked) == 2
        cancel.click()                                                  # Discard
        assert not dialog.isVisible()
    failed: list[BaseException] = []

    def closing_on_failure(step):
        def run():
            try:
                step()
            except BaseException as exc:            # a modal dialog left open would hang the test
                failed.append(exc)
                QApplication.activeModalWidget().done(0)
        return run
    when_modal(closing_on_failure(paste_tab_tab_space))
    assert not window.banks.draft_from_job()
    assert not failed, failed

    def look_and_review():
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.text.toPlainText())
        dialog.text.setPlainText(seed("002"))
        dialog.update_draft()
        dialog.review_btn.click()
    when_modal(closing_on_failure(look_and_review))
    assert window.banks.draft_from_job() and not failed, failed
    window.banks.editor.close_editor(discard=True)

    def look_and_close():
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.text.toPlainText())
        assert "Distributed Systems Design 0.3" in dialog.summary.text()       # drafted again, ready to review
        dialog.done(0)
    when_modal(closing_on_failure(look_and_close))
    window.banks.draft_from_job()
    assert not failed, failed
    assert seen == ["", "", seed("002")]            # discarded on purpose: empty; reviewed: shown again


def test_a_discarded_or_cleared_job_description_no_longer_names_the_file_it_came_from(qtbot, tmp_path, monkeypatch):
    """Review 11: after Discard, the next pasted text was drafted as coming from the file opened before ("Drafted
    by voiceprep from jd.txt")."""
    from voiceprep.gui.widgets import common
    from voiceprep.gui.widgets.bank_dialogs import DraftDialog

    monkeypatch.setattr(common, "choose", lambda *a, **k: 1)                  # Discard
    jd = tmp_path / "jd.txt"
    jd.write_text(seed("002"), encoding="utf-8")
    dialog = DraftDialog()
    qtbot.addWidget(dialog)
    dialog.load_file(jd)
    assert dialog.source == "jd.txt" and "Drafted by voiceprep from jd.txt" in dialog.toml
    dialog.reject()                                                           # Discard
    again = DraftDialog(None, dialog.text.toPlainText(), dialog.source)      # as the Banks page reopens it
    qtbot.addWidget(again)
    again.text.setPlainText(seed("002"))
    again.update_draft()
    assert "Drafted by voiceprep from a pasted job description" in again.toml, again.toml[:200]
    again.load_file(jd)                                                       # cleared by hand, then pasted
    again.text.selectAll()
    qtbot.keyClick(again.text, Qt.Key.Key_Delete)
    again.text.insertPlainText(seed("002"))
    again.update_draft()
    assert "Drafted by voiceprep from a pasted job description" in again.toml, again.toml[:200]


def test_notes_proposals_are_a_checkable_list_few_ticked_chosen_with_arrows_and_space(qtbot, services, data_home,
                                                                                       monkeypatch):
    """Walkthrough 7 (25-notes-proposed, nmont): 22 proposals, all ticked, three Tab stops each; keeping 5 took
    about 80 key presses. Now a few are ticked (the ones closest to the prompt; the rubric never), the list is one
    Tab stop, arrows move and Space ticks."""
    from voiceprep.core.banks.notes import TICKED

    _window, editor = new_bank_in_active_window(qtbot, services, data_home)
    editor.select(("rounds", 0, "prompts", 0))
    type_into(qtbot, editor, "text", "Why Airwallex?")
    keys: list[int] = []
    result: dict[str, object] = {}

    def press(widget, key) -> None:
        keys.append(key)
        qtbot.keyClick(widget, key)

    def choose_by_keyboard():
        dialog = QApplication.activeModalWidget()
        try:
            dialog.notes.setPlainText(seed("000"))
            dialog.propose_btn.setFocus()
            press(dialog.propose_btn, Qt.Key.Key_Space)
            assert QApplication.focusWidget() is dialog.list and dialog.list.currentRow() == 0
            qtbot.waitUntil(lambda: dialog.ranked_by == "meaning", timeout=90000)     # the judge's embedder, slow under load
            ticked = dialog.ticked()
            result["ticked"] = [p.label for p, t in zip(dialog.points, ticked) if t]
            result["rubric ticked"] = [p.label for p, t in zip(dialog.points, ticked) if t and p.rubric]
            result["count"] = dialog.count.text()
            hoyo = next(i for i, p in enumerate(dialog.points) if "HoYoverse" in p.label)
            for _ in range(hoyo):
                press(dialog.list, Qt.Key.Key_Down)
            press(dialog.list, Qt.Key.Key_Space)                  # tick the HoYoverse story too
            for _ in range(4):
                press(QApplication.focusWidget(), Qt.Key.Key_Tab)     # list, key point, cues, needed, then Add
            result["tab"] = QApplication.focusWidget() is dialog.add_btn
            press(QApplication.focusWidget(), Qt.Key.Key_Space)
        finally:
            if dialog.isVisible():
                dialog.done(0)
    when_modal(choose_by_keyboard)
    editor.key_points_from_notes()
    assert result["tab"] and not result["rubric ticked"], result
    assert 1 <= len(result["ticked"]) <= TICKED and all("Airwallex" in t for t in result["ticked"]), result
    # 22 since fix34: seed 000's "... all this. and that the infrastructure work ..." is two sentences
    assert str(result["count"]).startswith(f"22 proposed, {len(result['ticked'])} ticked"), result
    labels = [k.label for k in editor.doc.bank().prompt(str(editor.doc.get(("rounds", 0, "prompts", 0), "id")))
              .key_points]
    # the ticked ones and HoYoverse (the example key point went when the question was rewritten: fix34)
    assert len(labels) == len(result["ticked"]) + 1 and any("HoYoverse" in label for label in labels), labels
    assert len(keys) <= 25, len(keys)                       # was about 80


def test_the_embedders_late_ticks_leave_the_wording_being_typed_and_its_focus_alone(qtbot, monkeypatch):
    """Review 11: when the embedder's scores arrived, the list was refilled; its clear() selected no row, which
    disabled the wording and cues boxes while one had the focus: the focus jumped to "Add the ticked key points"
    and a Space typed in the wording accepted the dialog. The ticks now change in place."""
    from voiceprep.gui.widgets import bank_dialogs, common

    monkeypatch.setattr(bank_dialogs, "run_in_background", lambda *a, **k: None)     # the scores come by hand
    monkeypatch.setattr(common, "choose", lambda *a, **k: 1)                          # closing: Discard
    dialog = NotesDialog(None, "", "Why do you want to join Airwallex?")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.notes.setPlainText("- I love payments infrastructure and cross-border money\n"
                              "- Airwallex builds global accounts for businesses\n"
                              "- I led the migration of our ledger to Postgres in 2021\n")
    dialog.propose()
    accepted: list[bool] = []
    dialog.accepted.connect(lambda: accepted.append(True))
    dialog.list.setCurrentRow(1)
    dialog.label_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.label_edit)
    qtbot.keyClick(dialog.label_edit, Qt.Key.Key_End)
    qtbot.keyClicks(dialog.label_edit, " today")
    texts = [p.label for p in dialog.points]
    dialog._rerank(dialog._generation, texts, [0.9, 0.1, 0.2])
    QApplication.processEvents()
    assert dialog.ranked_by == "meaning" and dialog.list.currentRow() == 1
    assert QApplication.focusWidget() is dialog.label_edit and dialog.label_edit.isEnabled()
    assert dialog.cues_edit.isEnabled()
    assert dialog.label_edit.toPlainText().endswith(" today")
    assert dialog.ticked() == [p.ticked for p in dialog.points]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    qtbot.keyClicks(QApplication.focusWidget(), "again")
    assert not accepted and dialog.isVisible()
    assert dialog.points[1].label.endswith(" today again"), dialog.points[1].label


def test_a_repeated_prompt_warns_before_saving_a_too_long_target_says_the_limit_and_new_ids_are_not_shown(
        qtbot, services, data_home, monkeypatch):
    """Walkthrough 7 (48-dup, 49-dupsave, 29, 40): a second "Why Airwallex?" in a round saved with no word; 99999
    typed in Target time silently became 999 s; new items showed "prompt-2" and "point-3" as their ids."""
    from PySide6.QtWidgets import QMessageBox

    _window, editor = new_bank_in_active_window(qtbot, services, data_home)
    type_into(qtbot, editor, "id", "acme")
    editor.select(("rounds", 0))
    first = editor.add_prompt()
    assert field(editor, "id").text() == "" and "when you save" in field(editor, "id").placeholderText()
    type_into(qtbot, editor, "text", "Why Airwallex?")
    editor.add_key_point()
    assert field(editor, "id").text() == ""                                  # not "point-2"
    type_into(qtbot, editor, "label", "I want to build payments infrastructure")
    editor.select(("rounds", 0))
    editor.add_prompt()
    type_into(qtbot, editor, "text", "Why  airwallex")
    editor.add_key_point()
    type_into(qtbot, editor, "label", "Their payments scale")
    texts = [editor.problems.item(i).text() for i in range(editor.problems.count())]
    assert "Round 1 › “Why airwallex”: the same question as prompt 2; change one or remove it" in texts, texts
    asked: list[tuple[str, str]] = []

    def answer(box):
        asked.append((box.text(), box.defaultButton().text()))
        return QMessageBox.StandardButton.Cancel                          # Fix them first
    monkeypatch.setattr(QMessageBox, "exec", answer)
    editor.save_clicked()
    assert asked and asked[0][1] == "Fix them first" and "the same question as prompt 2" in asked[0][0], asked
    assert editor.doc.path is None                                           # not saved
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Save)      # Save anyway
    editor.save_clicked()
    assert editor.doc.path is not None and services.registry.find("acme") is not None    # a warning, still offered
    editor.select(first)
    assert field(editor, "id").text() == "airwallex"                         # saved: shown, and kept from now on

    spin = field(editor, "target_seconds")
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin.lineEdit(), "99999")
    limit = editor.form_scroll.widget().findChild(QLabel, "target_limit")
    assert spin.value() <= 1800 and spin.suffix() == " s"
    assert limit.text().startswith("99999 s is too long: from 10 s to 30 min (1800 s)"), limit.text()
    spin.selectAll()                                  # review 11: corrected, the warning stayed
    qtbot.keyClicks(spin.lineEdit(), "180")
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)          # taken on Enter (or leaving the field)
    assert spin.value() == 180 and limit.text() == "from 10 s to 30 min (1800 s); most answers aim for 2-3 min " \
        "(120-180 s)" and "color" not in limit.styleSheet(), (limit.text(), limit.styleSheet())


def test_practice_opens_on_the_bank_just_made_and_the_welcome_says_it_is_ready(qtbot, services, data_home):
    """Walkthrough 7: after Save, Close and Ctrl+1, Practice was still on the sample bank under "A sample bank is
    open to try it". A bank first saved (new or drafted) or duplicated is the one Practice opens on; the welcome
    says it is ready. A round going is never switched: its question stays, and Practice says where the bank is."""
    window = make_window(qtbot, services, data_home, welcome=True)
    page, ctl = window.practice, window.controller
    assert page.bank().id == "airwallex" and "A sample bank is open" in window.welcome.sample.text()
    window.nav.setCurrentRow(3)                                  # Banks, as the candidate went there (not the welcome)
    window.banks.new_bank()
    editor = window.banks.editor
    type_into(qtbot, editor, "title", "Platform engineer at Acme")
    type_into(qtbot, editor, "id", "acme-platform")
    editor.save()
    editor.save()                                                # saved again: nothing more happens
    window.nav.setCurrentRow(0)
    assert page.bank().id == "acme-platform" and page.round_box.currentIndex() == 0
    assert "A sample bank" not in window.welcome.sample.text()
    assert "“Platform engineer at Acme” is ready" in window.welcome.sample.text()
    assert not window.welcome.create_btn.isVisible() and window.welcome.dismiss_btn.isVisible()
    # said once (session 12: the welcome and Practice's card both said it, one under the other)
    assert "is ready" not in page.position.text() and page.position.text() == (     # walk67 7: the round chosen named
        f"Press Start round to begin “{page.bank().round(page.round_box.currentData()).title}”.")   # one round (read51b)
    window.welcome.dismiss()                                     # no welcome: Practice says it
    window.nav.setCurrentRow(3)
    window.banks.new_bank()
    type_into(qtbot, window.banks.editor, "title", "Payments at Acme")
    type_into(qtbot, window.banks.editor, "id", "acme-payments")
    window.banks.editor.save()
    window.nav.setCurrentRow(0)
    assert page.bank().id == "acme-payments" and "“Payments at Acme” is ready" in page.position.text()

    airwallex = services.registry.find("airwallex")              # a round going: not switched under it
    page.fill_banks(select="airwallex")
    ctl.start(Rehearsal.for_round(airwallex, airwallex.rounds[0]), speak=False)
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=10000)
    question = page.prompt_text.text()
    window.nav.setCurrentRow(3)
    window.banks.select_bank("senior-backend-payments")
    window.banks.edit_current()                                  # bundled: duplicated into my banks
    window.nav.setCurrentRow(0)
    assert page.bank().id == "airwallex" and ctl.rehearsal.bank.id == "airwallex"
    assert page.prompt_text.text() == question
    assert page.notice.isVisible() and "is saved: choose it under Bank when this round is done" in page.notice.text()


def test_a_bank_made_while_the_welcome_is_out_of_view_is_said_ready_once(qtbot, services, data_home):
    """session 40: `_bank_created` asked the welcome `isHidden()`, true on a page it is not placed on (History,
    Settings...), so Practice said the bank was ready and so did the welcome, one under the other, once she went back
    to Practice. Said once: by the welcome unless a round set it aside."""
    window = make_window(qtbot, services, data_home, welcome=True)
    page = window.practice
    window.nav.setCurrentRow([window.nav.item(i).text() for i in range(window.nav.count())].index("Settings"))
    assert window.welcome.isHidden() and not window.welcome.set_aside
    mine = data_home / "acme.toml"
    mine.write_text((BANKS / "airwallex.toml").read_text().replace('id = "airwallex"', 'id = "acme"', 1))
    assert window.banks.import_file(mine)
    window.nav.setCurrentRow(0)
    assert page.bank().id == "acme" and window.welcome.isVisible()
    assert "is ready" in window.welcome.sample.text()
    assert "is ready" not in page.position.text() and page.position.text() == (     # walk67 7: the round chosen named
        f"Press Start round to begin “{page.bank().round(page.round_box.currentData()).title}”.")   # one round (read51b)


def test_a_bank_named_as_a_bundled_one_says_mine_in_every_picker(qtbot, services, data_home):
    """Walkthrough 7: a bank drafted from Affirm's job post had the bundled Affirm bank's name: two identical rows in
    Practice, History, Progress and Banks."""
    affirm = (BANKS / "affirm-backend-platform.toml").read_text(encoding="utf-8")
    (data_home / "banks").mkdir(exist_ok=True)
    (data_home / "banks" / "affirm-drafted.toml").write_text(
        affirm.replace('id = "affirm-backend-platform"', 'id = "affirm-drafted"'), encoding="utf-8")
    services.reload_banks()
    window = make_window(qtbot, services, data_home)
    name = "Affirm — Software Engineer - Backend Platform"
    for box in (window.practice.bank_box, window.history.bank_filter, window.progress.bank_box):
        texts = {box.itemData(i): box.itemText(i) for i in range(box.count())}
        assert (texts["affirm-backend-platform"], texts["affirm-drafted"]) == (name, f"{name} (mine)"), texts
    listed = [window.banks.list.item(i).text().split("\n")[0] for i in range(window.banks.list.count())]
    assert name in listed and f"{name} (mine)" in listed


def test_the_tree_shows_a_label_or_title_as_it_is_typed(qtbot, services, data_home):
    """Walkthrough 7: a key point's label in the tree changed only when the focus left the field."""
    window, editor = new_bank_in_active_window(qtbot, services, data_home)
    prompt = ("rounds", 0, "prompts", 0)
    editor.select(prompt)
    editor.add_key_point()
    label = field(editor, "label")
    label.setFocus()
    qtbot.keyClicks(label, "I cut p99")
    assert editor.tree.currentItem().text(0) == "• I cut p99"            # at once, before any commit
    assert QApplication.focusWidget() is label
    editor.select(prompt)
    text = field(editor, "text")
    text.setFocus()
    text.selectAll()
    qtbot.keyClicks(text, "Why Acme?")
    assert editor.tree.currentItem().text(0) == "Why Acme?"
    editor.select(("rounds", 0))
    title = field(editor, "title")
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Onsite")
    assert editor.tree.currentItem().text(0) == "Round: Onsite"


def test_importing_a_bank_never_overwrites_a_bank_file_of_the_candidate(qtbot, services, data_home, tmp_path):
    """Review: import copied the file over one of the same name in the candidate's banks folder, checking only the
    bank's id, so importing someone's my-bank.toml (another id) silently replaced the candidate's own my-bank.toml."""
    window = make_window(qtbot, services, data_home)
    banks = window.banks
    mine = paths.user_banks_dir() / "my-bank.toml"
    mine.write_text((BANKS / "airwallex.toml").read_text().replace('id = "airwallex"', 'id = "mine"', 1))
    banks.reload()
    theirs = tmp_path / "my-bank.toml"
    theirs.write_text((BANKS / "airwallex.toml").read_text().replace('id = "airwallex"', 'id = "theirs"', 1))
    assert banks.import_file(theirs)
    assert 'id = "mine"' in mine.read_text()                       # the candidate's file is untouched
    assert services.registry.find("mine") and services.registry.find("theirs")


LONG_LABEL = ("I owned the result after we decided, and I wrote up what happened afterwards including the parts that "
              "went badly, like the migration that took two weeks longer than planned because the old replicas were "
              "lagging and we had to backfill the data by hand over a weekend")


def test_a_very_long_key_point_gets_a_gentle_hint_not_a_problem(qtbot, services, data_home, monkeypatch):
    """Walkthrough 10: a 48-word key point was accepted silently; its follow-up recited it whole. It is listed as a
    hint (split it?); the bank still saves without asking."""
    window = make_window(qtbot, services, data_home)
    window.banks.new_bank()
    editor = window.banks.editor
    type_into(qtbot, editor, "title", "Platform engineer at Acme")
    type_into(qtbot, editor, "id", "acme-long")
    prompt = ("rounds", 0, "prompts", 0)
    editor.select(prompt)
    editor.add_key_point()
    type_into(qtbot, editor, "label", LONG_LABEL)
    texts = [editor.problems.item(i).text() for i in range(editor.problems.count())]
    assert any("long (48 words): a key point is one thing you want to say; split it?" in t for t in texts), texts
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail(f"asked before saving: {box.text()}"))
    saved = []
    monkeypatch.setattr(editor, "save", lambda: saved.append(1))
    editor.save_clicked()
    assert saved == [1]
    type_into(qtbot, editor, "label", "I owned the result after we decided")
    texts = [editor.problems.item(i).text() for i in range(editor.problems.count())]
    assert not any("split it?" in t for t in texts), texts


def test_ctrl_w_closes_the_editor_and_asks_about_unsaved_changes(qtbot, services, data_home):
    """Walkthrough 10: the editor's Close had no key. Ctrl+W closes it, asking first when there are changes."""
    window, editor = new_bank_in_active_window(qtbot, services, data_home)
    type_into(qtbot, editor, "title", "Backend platform")
    asked = []

    def answer(button):
        def pick():
            box = QApplication.activeModalWidget()
            asked.append(box.text())
            box.button(button).click()
        when_modal(pick)

    from PySide6.QtWidgets import QMessageBox
    answer(QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(field(editor, "title"), Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["Save your changes to this bank?"] and window.banks.pages.currentWidget() is editor
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    answer(QMessageBox.StandardButton.Discard)
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 2 and window.banks.pages.currentWidget() is not editor
    assert "Ctrl+W" in editor.close_btn.toolTip()


def test_the_problems_come_after_the_form_and_typing_on_them_goes_into_the_field(qtbot, services, data_home):
    """Walkthrough 10 (38a, 41): with problems listed, Tab from the tree's ↓ went to the problems list before the
    form, and a key point typed there was lost (the list's type-ahead). The form comes first now; Enter or a click on
    a problem, or text typed on it, goes to the field it is about."""
    window, editor = new_bank_in_active_window(qtbot, services, data_home)
    editor.select(("rounds", 0, "prompts", 0))
    editor.add_key_point()                                     # an empty key point: a problem listed once left
    path = editor.node_path
    editor.select(("job",))
    editor.select(path)
    assert editor.problems.count() and editor.problems.isVisible()
    editor.tree.setFocus()
    stops = []
    for _ in range(7):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    assert stops[0] is field(editor, "label"), stops          # the form first (walk15: Add was)
    form = [f.widget for f in editor.fields]
    at = stops.index(editor.problems) if editor.problems in stops else None
    assert at is None or all(w in stops[:at] for w in form if w.isVisible()), stops   # only after the whole form
    editor.select(("job",))                                    # elsewhere in the tree, then type on the problems
    editor.problems.setFocus()
    editor.problems.setCurrentRow(0)
    qtbot.keyClicks(editor.problems, "I")
    assert editor.node_path == path and QApplication.focusWidget() is field(editor, "label")
    qtbot.keyClicks(QApplication.focusWidget(), " built it")
    assert field(editor, "label").toPlainText() == "I built it"


def test_undo_shows_what_it_undid(qtbot, services, data_home):
    """Walkthrough 10 (47b/c): Undo of an added key point put the selection on Job; it stays where the change was."""
    window, editor = new_bank_in_active_window(qtbot, services, data_home)
    prompt = ("rounds", 0, "prompts", 0)
    editor.select(prompt)
    editor.add_key_point()
    type_into(qtbot, editor, "label", "I wrote the runbook")
    point = editor.node_path
    editor.select(("job",))
    editor.undo()                                              # the label: back on that key point
    assert editor.node_path == point and field(editor, "label").toPlainText() == ""
    assert editor.status.text().startswith("Undone: your last edit to the key point “I wrote the runbook”"), \
        editor.status.text()                                   # walk15: said, not a blank line
    editor.undo()                                              # the point added: on the prompt it was added to
    assert editor.node_path == prompt
    assert editor.status.text().startswith("Undone: took out the key point you added"), editor.status.text()
    editor.redo()
    assert editor.node_path == point
    # walk17: Redo cleared the status line; it says what it did again, as Undo says what it took back
    assert editor.status.text() == "Redone: added the key point again. Undo (Ctrl+Z) takes it back.", \
        editor.status.text()
    editor.select(("job",))
    editor.redo()
    assert editor.node_path == point and field(editor, "label").toPlainText() == "I wrote the runbook"
    assert editor.status.text() == ("Redone: your last edit to the key point “I wrote the runbook”. Undo (Ctrl+Z) "
                                    "takes it back."), editor.status.text()


def test_a_bank_is_shared_by_export_and_imported_again_replaces_or_keeps_both(qtbot, services, data_home, tmp_path,
                                                                               monkeypatch):
    """Walkthrough 10 (113, 114): Banks > More had no way to share a bank, and importing a friend's updated copy of a
    bank already there ended in "A bank with id 'x' is already loaded." with OK only."""
    from PySide6.QtWidgets import QFileDialog

    from voiceprep.gui.widgets import common
    window = make_window(qtbot, services, data_home)
    banks = window.banks
    mine = paths.user_banks_dir() / "mine.toml"
    mine.write_text((BANKS / "airwallex.toml").read_text().replace('id = "airwallex"', 'id = "mine"', 1))
    banks.reload()
    banks.select_bank("mine")
    shared = tmp_path / "shared"                                     # no extension typed: .toml added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(shared), "Bank (*.toml)"))
    assert "Export this bank…" in [a.text() for a in banks.more_btn.menu().actions()]
    assert banks.export_current() == tmp_path / "shared.toml"
    assert (tmp_path / "shared.toml").read_text() == mine.read_text() and "shared.toml" in banks.notice.text()

    friend = tmp_path / "friend.toml"                                # the friend's updated copy, same id
    friend.write_text(mine.read_text().replace("What actually are we building", "What are we building", 1))
    asked = []

    def answer(pick: str):
        def choose(_parent, _title, text, options, cancel=None, default=0):
            asked.append((text, options))
            return options.index(pick)
        monkeypatch.setattr(common, "choose", choose)

    answer("Cancel")
    assert not banks.import_file(friend) and "What actually" in mine.read_text()
    text, options = asked[-1]
    assert options == ["Cancel", "Keep both", "Replace mine"] and " id" not in text and "already in your banks" in text
    answer("Keep both")
    assert banks.import_file(friend)
    kept = services.registry.find("mine-imported")
    assert kept is not None and kept.job.title.endswith("(imported)") and "What actually" in mine.read_text()
    answer("Replace mine")
    assert banks.import_file(friend)
    assert "What are we building" in mine.read_text() and services.registry.find("mine").source == mine
    [backup] = (paths.user_banks_dir() / "replaced").glob("mine-*.toml")
    assert "What actually" in backup.read_text() and str(backup) in banks.notice.text()
    answer("Keep both")                                              # a bundled bank: no replacing it
    copy = tmp_path / "airwallex.toml"
    copy.write_text((BANKS / "airwallex.toml").read_text().replace("[job]", "# my note\n[job]", 1))
    assert banks.import_file(copy) and asked[-1][1] == ["Cancel", "Keep both"]
    assert services.registry.find("airwallex-imported") is not None


def test_problems_name_the_round_by_its_title_warnings_are_marked_and_counted_apart(qtbot, services, data_home,
                                                                                     monkeypatch):
    """Walkthrough 10 (38.png): "Round 1 › prompt 4: Key points is empty: fill it in" for a round named
    "Behavioural"; the save dialog said "1 problem" while two lines were listed (the duplicate question is a warning
    that looked like a problem); "Competencies weights add up to 1.2"."""
    from PySide6.QtWidgets import QMessageBox

    from voiceprep.gui.widgets.bank_editor import KIND_ROLE

    _window, editor = new_bank_in_active_window(qtbot, services, data_home)
    editor.select(("rounds", 0))
    type_into(qtbot, editor, "title", "Behavioural")
    editor.select(("rounds", 0, "prompts", 0))
    editor.add_prompt("Tell me about yourself.")                  # the same question, and no key points
    rows = [(editor.problems.item(i).text(), editor.problems.item(i).data(KIND_ROLE))
            for i in range(editor.problems.count())]
    assert rows == [("Behavioural › “Tell me about yourself.”: This question has no key points yet: add one", "problem"),
                    ("Behavioural › “Tell me about yourself.”: the same question as prompt 1; change one or remove "
                     "it", "warning")], rows
    assert all(not editor.problems.item(i).icon().isNull() for i in range(editor.problems.count()))
    asked: list[str] = []

    def answer(box):
        asked.append(box.text())
        return QMessageBox.StandardButton.Cancel
    monkeypatch.setattr(QMessageBox, "exec", answer)
    editor.save_clicked()
    assert asked and asked[0].startswith("1 problem and 1 warning, listed under the editor."), asked
    editor.add_competency()
    editor.add_competency()
    field(editor, "weight").setValue(0.6)
    editor.commit()
    texts = [editor.problems.item(i).text() for i in range(editor.problems.count())]
    assert "Competency weights add up to 1.1; they should add up to 1" in texts, texts


def test_the_banks_preview_has_no_blank_line_above_the_last_prompts_key_points(qtbot, services, data_home):
    """Walkthrough 10 (docs/screenshots/6-banks.png): the preview showed a blank line between the last prompt of a
    round and its key points (Qt gave the list's bottom margin to that prompt's line)."""
    window = make_window(qtbot, services, data_home)
    window.nav.setCurrentRow(3)
    banks = window.banks
    row = next(i for i in range(banks.list.count()) if "Airwallex" in banks.list.item(i).text())
    banks.list.setCurrentRow(row)
    doc = banks.detail.document()
    prompts = [b for b in _blocks(doc) if b.text().startswith(tuple(p.text for r in
                                                                   services.registry.find("airwallex").rounds
                                                                   for p in r.prompts))]
    assert len(prompts) == 4
    assert [b.blockFormat().bottomMargin() for b in prompts] == [0, 0, 0, 0]


def _blocks(doc):
    block = doc.begin()
    while block.isValid():
        yield block
        block = block.next()


def test_a_bank_that_fails_to_import_names_its_rounds_by_their_titles(tmp_path):
    """Session 13's note: the import message said "Round 2 › prompt 1" for a round the file calls "Behavioural",
    while the editor names it by its title. A file that is TOML but not a valid bank gives its titles."""
    from voiceprep.core.banks import BankLoadError, load_bank
    from voiceprep.core.banks.document import NEW_BANK
    from voiceprep.gui.widgets.banks import import_problem

    text = NEW_BANK.format(id="mine", title="Support lead") + '''
[[rounds]]
id = "behavioural"
title = "Behavioural"

[[rounds.prompts]]
id = "conflict"
text = ""
'''
    path = tmp_path / "mine.toml"
    path.write_text(text)
    with pytest.raises(BankLoadError) as raised:
        load_bank(path)
    assert raised.value.round_titles == ("Round 1", "Behavioural")
    message, _ = import_problem(path, raised.value.errors, raised.value.round_titles)
    assert "Behavioural › prompt 1" in message and "Round 2" not in message, message


def test_a_proposal_from_notes_is_kept_as_a_plain_label_unless_cues_are_typed(qtbot, services, data_home,
                                                                            monkeypatch):
    """fix37: the cues the dialog proposed were saved as authored cues, and on the tuning corpus (dev2, 192 answers on
    6 plain-label banks) such automatic cues lowered the judge (F1 0.782 -> 0.753, recall 0.786 -> 0.711). A
    proposal is now added as a plain label, judged by its meaning; the automatic cues are only a hint in the cues
    box, which says cues are optional. Cues the candidate types are saved, with the cues needed as shown, and
    rewording leaves them as typed."""
    from tests.core.banks.test_notes import WALK12_NOTES
    from voiceprep.gui.widgets import bank_dialogs

    monkeypatch.setattr(bank_dialogs, "run_in_background", lambda *a, **k: None)
    window = make_window(qtbot, services, data_home)
    window.banks.new_bank()
    editor = window.banks.editor
    editor.select(("rounds", 0, "prompts", 0))
    dialog = NotesDialog(editor, WALK12_NOTES, "Tell me about the data pipeline you rebuilt.")
    qtbot.addWidget(dialog)
    dialog.propose()
    row = next(i for i, p in enumerate(dialog.points) if p.label.startswith("Say what I measured"))
    dialog.list.setCurrentRow(row)
    assert dialog.cues_edit.text() == ""                                        # nothing that will be saved
    # its names and numbers, as a hint (walk21: not a plain word of it, "e.g. earlier")
    assert dialog.cues_edit.placeholderText() == "optional, e.g. 12ms; 2ms", dialog.cues_edit.placeholderText()
    assert "optional" in dialog.cues_note.text() and "meaning" in dialog.cues_note.text()
    assert dialog.needed.value() == 0 and "meaning" in dialog.needed.specialValueText()
    dialog.label_edit.setPlainText("Throughput tripled and p99 went from 12 ms to 2 ms")
    assert dialog.cues_edit.text() == ""                                        # rewording writes no cues
    for i in range(dialog.list.count()):
        tick(dialog, i, i in (0, row))
    chosen = {p.label: p for p in dialog.chosen()}
    assert chosen["Throughput tripled and p99 went from 12 ms to 2 ms"].cues == []
    # cues typed by hand are saved, and stay as typed when the wording changes again
    dialog.cues_edit.setFocus()
    qtbot.keyClicks(dialog.cues_edit, "throughput; p99; tripled")
    assert dialog.needed.value() == 2 and dialog.needed.suffix() == " of 3"
    assert "Your cues" in dialog.cues_note.text()
    # review31 (finding 7): "2.5" became 2 without a word; refused, said beside the box, the value kept
    dialog.needed.setFocus()
    dialog.needed.selectAll()
    qtbot.keyClicks(dialog.needed.lineEdit(), "2.5")
    qtbot.keyClick(dialog.needed.lineEdit(), Qt.Key.Key_Return)
    assert dialog.needed.value() == 2
    assert dialog.cues_note.text() == ("2.5 is not a number of cues you can use: type 2 or 3 (from 1 to 3). Kept 2."), \
        dialog.cues_note.text()
    dialog.needed.setValue(1)                                                   # the candidate's choice is kept
    dialog.label_edit.setPlainText("Throughput tripled; p99 fell to 2 ms")
    assert dialog.cues_edit.text() == "throughput; p99; tripled"
    chosen = dialog.chosen()
    assert [(p.cues, p.min_cues) for p in chosen if p.label.startswith("Throughput")] == [
        (["throughput", "p99", "tripled"], 1)]
    dialog.accept()
    editor.add_key_points(chosen)
    prompt = ("rounds", 0, "prompts", 0)
    saved = {editor.doc.get(prompt + ("key_points", j), "label"): j
             for j in range(editor.doc.count(prompt, "key_points"))}
    plain = [lab for lab in saved if lab and not lab.startswith("Throughput")]
    assert plain and all(editor.doc.get(prompt + ("key_points", saved[lab]), "cues") is None for lab in plain)
    typed = prompt + ("key_points", saved["Throughput tripled; p99 fell to 2 ms"])
    assert editor.doc.get(typed, "cues") == ["throughput", "p99", "tripled"]
    assert editor.doc.get(typed, "min_cues") is None                            # 1, the default: not written
    bank = editor.doc.bank()
    kps = {k.label: k for k in bank.prompt(bank.all_prompts()[0].id).key_points}
    assert all(kps[lab].cues_from_label for lab in plain)
    assert not kps["Throughput tripled; p99 fell to 2 ms"].cues_from_label


def test_a_key_point_hard_to_check_gets_a_hint_beside_it(qtbot, services, data_home):
    """Walkthrough 12 (20.png, 96-c): "Good communication" and "Say what I measured and the number" got no word in the
    editor; the second was missed although the answer gave its numbers. A short hint shows beside the point while
    it is typed, and in the list under the editor (a hint: Save does not ask)."""
    window = make_window(qtbot, services, data_home)
    window.show()
    window.banks.new_bank()
    editor = window.banks.editor
    editor.select(("rounds", 0, "prompts", 0))
    editor.add_key_point()
    hint = editor.form_scroll.widget().findChild(QLabel, "label_hint")
    assert hint is not None and not hint.isVisibleTo(editor)
    type_into(qtbot, editor, "label", "Say what I measured and the number")
    hint = editor.form_scroll.widget().findChild(QLabel, "label_hint")
    assert hint.isVisibleTo(editor) and "names what to say without saying it" in hint.text()
    texts = [editor.problems.item(i).text() for i in range(editor.problems.count())]
    assert any("Hard to check" in t for t in texts) and editor.hints and not editor.warnings, texts
    field(editor, "label").setPlainText("Good communication")            # live, before the field commits
    assert "a quality, not something you say" in hint.text()
    type_into(qtbot, editor, "label", "Throughput tripled; p99 fell from 12 ms to 2 ms")
    hint = editor.form_scroll.widget().findChild(QLabel, "label_hint")
    assert not hint.isVisibleTo(editor) and not editor.hints


def no_question(monkeypatch) -> list[str]:
    """Any question asked (common.choose) is noted and answered "Keep"."""
    from voiceprep.gui.widgets import common

    asked: list[str] = []
    monkeypatch.setattr(common, "choose", lambda _parent, _title, text, *a, **k: asked.append(text) or 0)
    return asked


def delete_in_tree(qtbot, window, path) -> None:
    """Delete pressed on `path` in the bank editor's tree."""
    editor = window.banks.editor
    editor.select(path)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    editor.tree.setFocus()
    qtbot.waitUntil(editor.tree.hasFocus)
    qtbot.keyClick(editor.tree, Qt.Key.Key_Delete)


def undo_key(qtbot, editor) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_remove_goes_at_once_says_what_went_and_undo_brings_it_back(qtbot, services, data_home, monkeypatch):
    """Walkthrough 14: Remove asked "Remove …?" although Undo was there; the rest of the app acts at once and offers
    the undo (Skip: "Undo skip (Ctrl+Z)"). A question with its key points goes at once; the status line says what
    went and that Undo (Ctrl+Z) brings it back. The keyboard leaves the Remove button for the tree, so a sentence
    typed while Remove had the focus (walkthrough 12: all 5 prompts went, one per Space) removes one thing at most."""
    asked = no_question(monkeypatch)
    window, editor = new_bank_in_active_window(qtbot, services, data_home)
    prompt = ("rounds", 0, "prompts", 0)
    editor.select(prompt)
    type_into(qtbot, editor, "text", "Tell me about the data pipeline you rebuilt.")
    editor.add_key_point("We moved the log pipeline to Kafka")     # the example point went with the old question
    editor.add_key_point("Events now arrive in seconds, not hours")
    editor.add_prompt("Why payments?")
    editor.select(prompt)
    editor.remove_btn.setFocus()
    for key in "no numbers here":                          # typed on Remove, meant for a field
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space if key == " " else key)
    assert asked == [] and editor.doc.count(("rounds", 0), "prompts") == 1
    assert editor.doc.get(prompt, "text") == "Why payments?" and editor.doc.count((), "rounds") == 1
    assert editor.status.text() == ("Removed the question “Tell me about the data pipeline you rebuilt.” and its 2 "
                                    "key points. Undo (Ctrl+Z) brings it back."), editor.status.text()
    assert QApplication.focusWidget() is editor.tree
    undo_key(qtbot, editor)
    assert editor.doc.get(prompt, "text") == "Tell me about the data pipeline you rebuilt."
    assert editor.doc.count(prompt, "key_points") == 2
    # walk15: the status line went blank; it says what came back
    assert editor.status.text() == ("Undone: brought back the question “Tell me about the data pipeline you "
                                    f"rebuilt.” and its 2 key points. Redo ({editor.redo_key}) does it again."), \
        editor.status.text()
    editor.redo()                                           # walk17: said again, not a blank line
    assert editor.doc.count(("rounds", 0), "prompts") == 1
    assert editor.status.text() == ("Redone: removed the question “Tell me about the data pipeline you rebuilt.” and "
                                    "its 2 key points again. Undo (Ctrl+Z) takes it back."), editor.status.text()


def test_remove_says_what_a_key_point_competency_or_round_took_with_it(qtbot, services, data_home, monkeypatch):
    """Session 16 / review 16 asked before a written key point, a named competency, a titled round or a key point
    with only cues went; they go at once now (walkthrough 14), each said by name, and Undo brings it back."""
    asked = no_question(monkeypatch)
    window, editor = new_bank_in_active_window(qtbot, services, data_home)
    prompt = ("rounds", 0, "prompts", 0)
    editor.select(prompt)
    point = editor.add_key_point("We moved the log pipeline to Kafka")
    editor.select(prompt)
    cues = editor.add_key_point("", cues=["Kafka", "log pipeline"])
    editor.select(("competencies",))
    editor.add_competency()
    comp = editor.node_path
    type_into(qtbot, editor, "name", "Distributed systems")
    marked = sum(1 for j in range(editor.doc.count(prompt, "key_points"))
                 if editor.doc.get(prompt + ("key_points", j), "competency") == editor.doc.get(comp, "id"))
    assert marked >= 1
    editor.add_round()
    behavioural = editor.node_path
    type_into(qtbot, editor, "title", "Behavioural")
    before = editor.doc.text

    for path, said in ((comp, f"the competency “Distributed systems” (and from the {counted(marked, 'key point')} "
                              "that named it)"),
                       (cues, "the key point with no wording yet and its cues “Kafka”, “log pipeline”"),
                       (point, "the key point “We moved the log pipeline to Kafka”"),
                       (behavioural, "the round “Behavioural”")):
        delete_in_tree(qtbot, window, path)
        assert editor.status.text() == f"Removed {said}. Undo (Ctrl+Z) brings it back.", editor.status.text()
    assert asked == [] and editor.doc.count((), "rounds") == 1 and editor.doc.count((), "competencies") == 0
    for _ in range(4):
        undo_key(qtbot, editor)
    assert editor.doc.text == before
    # just added, nothing written: said as such
    editor.select(prompt)
    editor.add_key_point()
    editor.remove_current()
    assert editor.status.text() == "Removed an empty key point. Undo (Ctrl+Z) brings it back."


def test_the_id_comes_after_what_the_candidate_writes_in_every_form(qtbot, services, data_home):
    """Walkthrough 14: the Job form showed its Id before the candidate's own words (Must-haves, Description,
    Vocabulary). In every form (job, competency, round, question, key point) the Id is the last field, in view and in
    the Tab order; a new question's or key point's is made from its words when saved."""
    window = make_window(qtbot, services, data_home)
    window.banks.new_bank()
    editor = window.banks.editor
    editor.select(("competencies",))
    editor.add_competency()
    prompt = ("rounds", 0, "prompts", 0)
    for path in (("job",), ("competencies", 0), ("rounds", 0), prompt, prompt + ("key_points", 0)):
        editor.select(path)
        keys = [f.key for f in editor.fields]
        assert keys[-1] == "id" and len(keys) > 2, (path, keys)
        widgets = [f.widget for f in editor.fields]
        order = [w for w in editor.form_scroll.widget().findChildren(QWidget) if w in widgets]
        assert order[-1] is field(editor, "id"), path               # laid out (and tabbed to) last


DUPLICATE_IDS = bank_text({"id": "escalated", "label": "I called the bed manager and got an agency nurse"},
                          {"id": "escalated", "label": "I reallocated patients by acuity"})


def test_ids_are_under_more_shown_by_space_and_by_themselves_when_wrong(qtbot, services, data_home, tmp_path):
    """fixAJ 2 (walk41 7): every form showed an "Id" a candidate has no use for. It is under a "More" button, last
    in the form and in the Tab order: Space on it shows the Id (the next Tab stop) for the rest of the session. An Id
    with a problem (two key points with one id in a loaded bank) is shown by itself."""
    from voiceprep.core.banks.document import BankDocument

    window, editor = new_bank_in_active_window(qtbot, services, data_home)
    point = ("rounds", 0, "prompts", 0, "key_points", 0)
    editor.select(point)
    ident = field(editor, "id")
    assert not ident.isVisible() and editor.id_more.isVisible() and editor.id_more.text() == "More"
    stops = _tab_chain(qtbot, editor, 12)
    assert editor.id_more in stops and ident not in stops
    editor.id_more.setFocus()
    qtbot.waitUntil(editor.id_more.hasFocus, timeout=5000)
    qtbot.keyClick(editor.id_more, Qt.Key.Key_Space)
    assert ident.isVisible()
    qtbot.keyClick(editor.id_more, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is ident
    editor.select(("rounds", 0, "prompts", 0))                          # open for the session
    assert field(editor, "id").isVisible()

    path = tmp_path / "ward.toml"
    path.write_text(DUPLICATE_IDS, encoding="utf-8")
    editor.open_document(BankDocument.open(path))
    editor.select(point)
    assert not field(editor, "id").isVisible()                         # the first of the two: no problem here
    editor.select(point[:-1] + (1,))
    assert field(editor, "id").isVisible() and field(editor, "id").text() == "escalated"
    editor.select(("rounds", 0, "prompts", 0))
    assert not field(editor, "id").isVisible()                         # shown for its problem only


def test_the_cues_box_grows_with_the_cues_and_the_form_still_fits_at_1366(qtbot, services, data_home):
    """Walkthrough 14 (41-kp-added.png): the Cues box was 3 lines tall, the 4th cue behind a scroll bar, with half
    the form empty below it. It grows with its cues (one line more to type the next), and the key point's form still
    fits a 1366x768 window, its Id in view."""
    window = make_window(qtbot, services, data_home)
    window.resize(1366, 768)
    window.nav.setCurrentRow(3)
    window.banks.new_bank()
    editor = window.banks.editor
    editor.select(("rounds", 0, "prompts", 0))
    editor.add_key_point("Two concurrent requests with the same key: unique constraint, loser waits",
                         cues=["key"])
    qtbot.wait(50)
    cues = field(editor, "cues")
    short = cues.height()
    for n in (4, 8):
        editor.select(("rounds", 0, "prompts", 0))
        editor.add_key_point("The cues say it", cues=[f"cue number {i}" for i in range(n)])
        qtbot.wait(50)
        cues = field(editor, "cues")
        assert cues.verticalScrollBar().maximum() == 0, n        # every cue in view
        assert cues.height() > short, n
        ident = editor.id_more                                   # the "More" over its Id (fixAJ)
        assert editor.form_scroll.verticalScrollBar().maximum() == 0     # nothing of the form cut off ...
        assert ident.visibleRegion().boundingRect().height() == ident.height()     # ... its Id's More in view
    cues.setFocus()
    cues.moveCursor(cues.textCursor().MoveOperation.End)
    grown = cues.height()
    qtbot.keyClick(cues, Qt.Key.Key_Return)                 # typed: it grows with them
    qtbot.keyClicks(cues, "another cue")
    assert cues.height() > grown and cues.verticalScrollBar().maximum() == 0


def test_a_new_competency_gets_its_id_from_its_name_when_saved(qtbot, services, data_home):
    """Walkthrough 12 (09-10): a competency's id stayed "competency_1" after it was renamed "Distributed systems". A
    new competency's id is made from its name when the bank is first saved (the key points that name it follow);
    an id typed by hand, or one already in the saved file, stays."""
    window = make_window(qtbot, services, data_home)
    window.banks.new_bank()
    editor = window.banks.editor
    type_into(qtbot, editor, "id", "walk12-comps")
    editor.add_competency()
    type_into(qtbot, editor, "name", "Distributed systems")
    field(editor, "weight").setValue(0.6)
    editor.commit()
    assert field(editor, "id").text() == "" and "from its name" in field(editor, "id").placeholderText()
    editor.add_competency()
    type_into(qtbot, editor, "name", "Python and web services")
    type_into(qtbot, editor, "id", "competency_2")                  # typed by hand: kept
    kp = ("rounds", 0, "prompts", 0, "key_points", 0)
    assert editor.doc.get(kp, "competency") == "competency-1"
    editor.save()
    # walk21: dashes, as the editor's other new ids ("payments_reliability" beside "led-checkout-rewrite")
    assert editor.doc.ids((), "competencies") == ["distributed-systems", "competency_2"]
    assert editor.doc.get(kp, "competency") == "distributed-systems" and not editor.doc.problems()
    editor.select(("competencies", 0))
    type_into(qtbot, editor, "name", "Backend systems")
    editor.save()                                                   # saved once: history may know it
    assert editor.doc.ids((), "competencies")[0] == "distributed-systems"


def test_a_point_reworded_before_the_meaning_scores_arrive_keeps_its_score(qtbot, monkeypatch):
    """Review 15: the late re-rank looked scores up by the proposals' first wording, so a point the candidate had
    reworded meanwhile scored 0 and was unticked even when it was the closest to the prompt."""
    from voiceprep.gui.widgets import bank_dialogs, common

    monkeypatch.setattr(bank_dialogs, "run_in_background", lambda *a, **k: None)     # the scores come by hand
    monkeypatch.setattr(common, "choose", lambda *a, **k: 1)                          # closing: Discard
    dialog = NotesDialog(None, "", "Why do you want to join Airwallex?")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.notes.setPlainText("- I led the migration of our ledger to Postgres in 2021\n"
                              "- I love payments infrastructure and cross-border money\n"
                              "- I play the cello on weekends\n")
    dialog.propose()
    texts = [p.label for p in dialog.points]
    dialog.list.setCurrentRow(1)
    dialog.label_edit.setPlainText("Cross-border payments infrastructure is what I want to work on")
    # the embedder's cosines for these lines (measured, walk21): three lines with no heading are notes for this
    # prompt, all ticked but the one about something else; keyed by the old wording, the reworded one scored 0
    dialog._rerank(dialog._generation, texts, [0.196, 0.241, 0.043])
    assert dialog.ranked_by == "meaning"
    assert [p.ticked for p in dialog.points] == [True, True, False]


def problem_texts(editor) -> list[str]:
    return [editor.problems.item(i).text() for i in range(editor.problems.count())]


def test_a_new_empty_key_point_is_a_problem_only_once_left_or_saved(qtbot, services, data_home, monkeypatch):
    """Walkthrough 13: "Key point must not be empty" was listed before the candidate had typed anything. It waits
    until the field is left (or another node shown) or a save is tried; saving still refuses it."""
    from PySide6.QtWidgets import QMessageBox

    window, editor = new_bank_in_active_window(qtbot, services, data_home)
    editor.select(("rounds", 0, "prompts", 0))
    editor._add_from_menu(editor.add_key_point)
    label = field(editor, "label")
    assert QApplication.focusWidget() is label
    assert not any("must not be empty" in t for t in problem_texts(editor)), problem_texts(editor)
    qtbot.keyClick(label, Qt.Key.Key_Tab)                      # left without typing: now it is a problem
    assert any(t.endswith(EMPTY_POINT) for t in problem_texts(editor)), problem_texts(editor)

    editor.select(("rounds", 0, "prompts", 0))
    editor._add_from_menu(editor.add_key_point)                # another, never left: a save says it
    assert sum("must not be empty" in t for t in problem_texts(editor)) == 1, problem_texts(editor)
    told = []

    def answer(box):
        told.append(box.text())
        return QMessageBox.StandardButton.Cancel
    monkeypatch.setattr(QMessageBox, "exec", answer)
    saved = []
    monkeypatch.setattr(editor, "save", lambda: saved.append(1))
    editor.save_clicked()
    assert not saved and told and told[0].startswith("2 problems"), told
    assert sum(t.endswith(EMPTY_POINT) for t in problem_texts(editor)) == 2, problem_texts(editor)


def test_closing_with_save_says_the_empty_key_point_not_yet_listed(qtbot, services, data_home, monkeypatch):
    """Review 17: a new key point's "must not be empty" waits until it is left or a save is tried, but Close (Ctrl+W)
    then "Save" in "Save your changes?" wrote the empty key point without a word (the bank then not offered for
    practice). Saving from Close asks as Save does."""
    from PySide6.QtWidgets import QMessageBox

    window, editor = new_bank_in_active_window(qtbot, services, data_home)
    editor.select(("rounds", 0, "prompts", 0))
    editor._add_from_menu(editor.add_key_point)
    assert not any("must not be empty" in t for t in problem_texts(editor)), problem_texts(editor)
    told = []

    def answer(box):
        told.append(box.text())
        return QMessageBox.StandardButton.Save if len(told) == 1 else QMessageBox.StandardButton.Cancel
    monkeypatch.setattr(QMessageBox, "exec", answer)
    saved = []
    monkeypatch.setattr(editor, "save", lambda: saved.append(1))
    editor.close_clicked()
    assert not saved and len(told) == 2 and told[1].startswith("1 problem"), told
    assert editor.doc is not None                                # still open, the problem listed
    assert any(t.endswith(EMPTY_POINT) for t in problem_texts(editor)), problem_texts(editor)


def test_the_vocabulary_box_grows_with_its_names_as_the_cues_box_does(qtbot, services, data_home):
    """Session 19: the Job form's Vocabulary box was a fixed 3 lines, its 4th name behind a scroll bar. It grows with
    its names (one line more to type the next), as the Cues box does."""
    window = make_window(qtbot, services, data_home)
    window.resize(1366, 768)
    window.nav.setCurrentRow(3)
    window.banks.new_bank()
    editor = window.banks.editor
    editor.select(())
    qtbot.wait(50)
    vocab = field(editor, "@vocabulary")
    short = vocab.height()
    vocab.setFocus()
    qtbot.keyClicks(vocab, "Kafka")
    for name in ("Airwallex", "HoYoverse", "LMAX Disruptor", "Postgres", "Redis"):
        qtbot.keyClick(vocab, Qt.Key.Key_Return)
        qtbot.keyClicks(vocab, name)
    qtbot.wait(50)
    assert vocab.height() > short and vocab.verticalScrollBar().maximum() == 0      # every name in view
    editor.commit()
    assert editor.doc.get((), "vocabulary", []) == ["Kafka", "Airwallex", "HoYoverse", "LMAX Disruptor", "Postgres",
                                                     "Redis"]


def test_tab_from_the_tree_goes_to_the_form(qtbot, services, data_home):
    """Walk15: Tab from the tree went to Add, not to the form of the node chosen in it."""
    window, editor = new_bank_in_active_window(qtbot, services, data_home)
    editor.select(("rounds", 0, "prompts", 0))
    editor.tree.setFocus()
    qtbot.waitUntil(editor.tree.hasFocus, timeout=5000)
    qtbot.keyClick(editor.tree, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert editor.form_scroll.widget().isAncestorOf(focused), focused
    assert any(f.widget is focused for f in editor.fields), focused


def _tab_chain(qtbot, editor, n: int) -> list[QWidget]:
    editor.tree.setFocus()
    qtbot.waitUntil(editor.tree.hasFocus, timeout=5000)
    stops = []
    for _ in range(n):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    return stops


@pytest.mark.parametrize("path, keys", [
    (("job",), ["title", "company", "level", "must_haves", "description", "@vocabulary", "more"]),
    (("rounds", 0, "prompts", 0), ["text", "target_seconds", "follow_up", "more"]),
    (("rounds", 0, "prompts", 0, "key_points", 0),
     ["label", "cues", "min_cues", "competency", "weight", "follow_up", "more"]),
])
def test_tab_goes_through_each_form_as_drawn_then_to_the_tree_buttons(qtbot, qtlog, services, data_home, path, keys):
    """Walk17: with a key point selected, Tab went Key point, Cues, Cues needed, Competency, then Add, Remove, ↑, ↓
    and only then Weight, Follow-up, Id (the order came from the widgets' creation order), and app.log got
    "QWidget::setTabOrder: 'first' and 'second' must be in the same window" while the editor was used."""
    window, editor = new_bank_in_active_window(qtbot, services, data_home)
    if len(path) == 6 and editor.doc.count(path[:4], "key_points") == 0:
        editor.select(path[:4])
        editor.add_key_point("I cut p99 latency by 40%")
    editor.select(path)
    assert editor.node_path == path
    fields = [editor.id_more if k == "more" else field(editor, k) for k in keys]     # the Id under "More" (fixAJ)
    stops = _tab_chain(qtbot, editor, len(fields) + 12)
    form = [w for w in stops if editor.form_scroll.widget().isAncestorOf(w)]
    first_button = stops.index(editor.add_btn)
    assert [w for w in form if w in fields][:len(fields)] == fields, [type(w).__name__ for w in stops]
    assert all(stops.index(f) < first_button for f in fields), [type(w).__name__ for w in stops]
    enabled = [b for b in (editor.add_btn, editor.remove_btn, editor.up_btn, editor.down_btn) if b.isEnabled()]
    assert stops[first_button:first_button + len(enabled)] == enabled, [type(w).__name__ for w in stops]
    assert not [r.message for r in qtlog.records if "setTabOrder" in r.message]


def test_an_own_bank_is_duplicated_from_more_with_the_keyboard(qtbot, services, data_home):
    """Walk 19 (1): a bundled bank had "Duplicate to my banks", an own bank had Edit in its place and the More menu
    had no Duplicate, so a bank of the candidate's own could not be copied from the window."""
    window = make_window(qtbot, services, data_home)
    window.nav.setCurrentRow(3)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    banks = window.banks
    banks.select_bank("airwallex")
    banks.duplicate_current()                                        # "… (my copy)", one of the candidate's own
    banks.editor.close_clicked()
    assert banks.pages.currentWidget() is not banks.editor and banks.current().id == "airwallex-mine"
    assert banks.edit_btn.text() == "Edit"
    menu = banks.more_btn.menu()
    assert banks.more_btn.focusPolicy() & Qt.FocusPolicy.TabFocus
    duplicate = next(a for a in menu.actions() if a.text().startswith("Duplicate"))

    def pick():
        popup = QApplication.activePopupWidget()
        assert popup is menu
        while menu.activeAction() is not duplicate:
            qtbot.keyClick(menu, Qt.Key.Key_Down)
        qtbot.keyClick(menu, Qt.Key.Key_Return)
    when_modal(pick, popup=True)
    banks.more_btn.setFocus()
    qtbot.keyClick(banks.more_btn, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: banks.pages.currentWidget() is banks.editor)
    copy = load_bank(banks.editor.doc.path)
    title = load_bank(data_home / "banks" / "airwallex-mine.toml").job.title
    assert copy.job.title == f"{title.removesuffix(' (my copy)')} (my copy 2)" and copy.id != "airwallex-mine"


def test_esc_closes_the_editor_and_an_untouched_new_bank_closes_without_asking(qtbot, services, data_home):
    """Walk19 (18): Esc did not close the editor (Ctrl+W did), and closing a new bank never touched asked "Save your
    changes to this bank?": it has nothing to save, so it closes at once and leaves no file and no draft behind."""
    from PySide6.QtWidgets import QMessageBox

    window, editor = new_bank_in_active_window(qtbot, services, data_home)
    asked = []

    def answer(button):
        def pick():
            box = QApplication.activeModalWidget()
            if box is not None:
                asked.append(box.text())
                box.button(button).click()
        later(300, pick)

    answer(QMessageBox.StandardButton.Cancel)           # a question, were one asked, is answered
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, Qt.Key.Key_Escape)
    qtbot.wait(400)
    assert asked == [] and window.banks.pages.currentWidget() is not editor
    assert not list(paths.user_banks_dir().glob("*.toml")) and not load_drafts()
    assert "Resume editing" not in [w.text() for w in window.banks.findChildren(QWidget) if w.isVisible()
                                    and hasattr(w, "text")]
    window.banks.new_bank()                             # touched: asked, from a field as from the tree
    type_into(qtbot, editor, "title", "Backend platform")
    answer(QMessageBox.StandardButton.Discard)
    qtbot.keyClick(field(editor, "title"), Qt.Key.Key_Escape)
    assert asked == ["Save your changes to this bank?"] and window.banks.pages.currentWidget() is not editor
    assert not list(paths.user_banks_dir().glob("*.toml")) and not load_drafts()
    assert "Esc" in editor.close_btn.toolTip()


def test_ctrl_n_opens_the_add_menu_as_the_add_button_does_with_nothing_highlighted(qtbot, services, data_home):
    """Walkthrough 20 (18-ctrln-menu vs 12-add-menu): Ctrl+N opened the Add menu with "Competency" highlighted, so a
    stray Return added a competency; the Add button's menu highlights nothing."""
    _window, editor = new_bank_in_active_window(qtbot, services, data_home)
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(editor.add_menu.isVisible)
    assert editor.add_menu.activeAction() is None
    qtbot.keyClick(editor.add_menu, Qt.Key.Key_Return)                       # a stray Return adds nothing
    qtbot.keyClick(editor.add_menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not editor.add_menu.isVisible())
    assert editor.doc.count((), "competencies") == 0


def test_competencies_added_and_removed_keep_the_bank_saveable_in_plain_words(qtbot, services, data_home,
                                                                              monkeypatch):
    """Walkthrough 20 (16-q2-kps, 17-removed-comps, 19-fixed-comps): a first competency was put on every key point
    without a word; the second got weight 0.1 ("Weights add up to 1.10"); after both were removed every key point
    still named "competency_1" ("Competency names 'competency_1' but the bank defines no [[competencies]]"), and
    the list stayed after a key point's Competency was set to "(none)" until Save."""
    no_question(monkeypatch)
    window, editor = new_bank_in_active_window(qtbot, services, data_home)
    prompt = ("rounds", 0, "prompts", 0)
    editor.select(prompt)
    editor.add_key_point("I moved the log pipeline to Kafka")
    kps = editor.doc.key_point_paths()
    editor.add_competency()                     # the first: on the key points, and said
    first = editor.doc.get(("competencies", 0), "id")
    assert all(editor.doc.get(kp, "competency") == first for kp in kps)
    assert f"your {counted(len(kps), 'key point')} count toward it" in editor.status.text(), editor.status.text()
    editor.add_competency()                     # the second: on none, and the weights still add up to 1
    second = editor.doc.get(("competencies", 1), "id")
    assert all(editor.doc.get(kp, "competency") == first for kp in kps)
    assert [editor.doc.get(("competencies", i), "weight") for i in range(2)] == [0.5, 0.5]
    # saveable: no problem, but a warning that the second counts for nothing until a key point names it (walk68 5)
    assert editor.weight_sum.text() == "Weights add up to 1 ✓" and problem_texts(editor) == [
        "Competency 2 (weight 0.5) has no key point, so it counts for nothing in the overall: pick it as "
        "the Competency of the key points that show it"], problem_texts(editor)
    assert "add up to 1" in editor.status.text() and "“Competency 2” 0.5" in editor.status.text(), \
        editor.status.text()
    # a key point's Competency set to "(none)" and back: the list follows at once, in plain words
    editor.select(kps[0])
    box = field(editor, "competency")
    box.setCurrentIndex(0)
    editor.commit()
    assert problem_texts(editor) == [f"Round 1 › “Tell me about yourself.” › “{_elided(editor, kps[0])}”: Competency "
                                     "is empty: pick one (this bank has competencies, so each key point names one)"]
    box.setCurrentIndex(box.findData(second))
    editor.commit()
    assert not problem_texts(editor)
    # removing a competency takes it off the key points that named it, in one undo step (walk21: onto the one left)
    before = editor.doc.text()
    delete_in_tree(qtbot, window, ("competencies", 0))
    assert not any(editor.doc.get(kp, "competency") == first for kp in kps)
    texts = problem_texts(editor)
    assert not any("[[" in t or "competency_" in t or "Competency is empty" in t for t in texts), texts
    undo_key(qtbot, editor)
    assert editor.doc.text() == before
    delete_in_tree(qtbot, window, ("competencies", 0))
    delete_in_tree(qtbot, window, ("competencies", 0))                      # the last: no key point names any
    assert editor.doc.count((), "competencies") == 0 and not problem_texts(editor), problem_texts(editor)
    assert not any(editor.doc.get(kp, "competency") for kp in kps)


def _elided(editor, path) -> str:
    from voiceprep.gui.widgets.bank_editor import _elide

    return _elide(str(editor.doc.get(path, "label")), 40)


def test_a_key_point_naming_no_competency_of_the_bank_is_said_in_plain_words():
    """Walkthrough 20 (17-removed-comps): "Competency names 'competency_1' but the bank defines no [[competencies]]"
    (a file edited by hand can still say so)."""
    from voiceprep.gui.widgets.bank_editor import problem_text

    field_path = "rounds[0].prompts[0].key_points[0].competency"
    for message in ("names 'competency_1' but the bank defines no [[competencies]]",
                    "unknown competency 'competency_1' (known: 'design')"):
        assert problem_text(field_path, message, ["Round 1"], {"rounds[0].prompts[0]": "Why us?"}) == (
            "Round 1 › “Why us?” › key point 1: Competency “competency_1” is not one of this bank's competencies: "
            "pick one, or (none)")


def test_a_new_banks_id_follows_its_title_and_the_starter_point_goes_with_the_starter_question(
        qtbot, services, data_home):
    """Walkthrough 20 (04-job, 10-q1-kps): the Id stayed "my-bank" after the title became "Airwallex payments
    backend", and the starter key point "Say what you do now and what you are best at" stayed under the question
    rewritten as "Tell me about the Disruptor project."."""
    _window, editor = new_bank_in_active_window(qtbot, services, data_home)
    type_into(qtbot, editor, "title", "Airwallex payments backend")
    assert editor.doc.get(("job",), "id") == "airwallex-payments-backend"
    assert field(editor, "id").text() == "airwallex-payments-backend"
    editor.undo()                                               # one step: the title and the id it gave
    assert (editor.doc.get(("job",), "title"), editor.doc.get(("job",), "id")) == ("My interview", "my-bank")
    type_into(qtbot, editor, "id", "awx")                       # typed by hand: kept from now on
    type_into(qtbot, editor, "title", "Airwallex infra")
    assert editor.doc.get(("job",), "id") == "awx"
    prompt = ("rounds", 0, "prompts", 0)
    editor.select(prompt)
    type_into(qtbot, editor, "text", "Tell me about the Disruptor project.")
    assert editor.doc.count(prompt, "key_points") == 0
    assert "example key point" in editor.status.text(), editor.status.text()
    editor.undo()
    assert editor.doc.count(prompt, "key_points") == 1 and editor.doc.get(prompt, "text") == "Tell me about yourself."
    # a starter point the candidate reworded stays
    editor.select(prompt + ("key_points", 0))
    type_into(qtbot, editor, "label", "I run the payments platform team")
    editor.select(prompt)
    type_into(qtbot, editor, "text", "Tell me about your current role.")
    assert editor.doc.count(prompt, "key_points") == 1


def test_the_starter_points_removal_is_said_in_the_problems_list_until_the_question_has_a_point(
        qtbot, services, data_home):
    """Walk59 9d: the starter question's example key point went when she rewrote the question, said on the status
    line, which the next edits replaced ("Unsaved changes…"): the problems list said only "This question has no key
    points yet". Its line there says what went, and why, as long as the question has no key point."""
    from voiceprep.core.banks.document import STARTER_LABEL

    _window, editor = new_bank_in_active_window(qtbot, services, data_home)
    prompt = ("rounds", 0, "prompts", 0)
    editor.select(prompt)
    type_into(qtbot, editor, "text", "Tell me about the lab results feed.")
    assert editor.doc.count(prompt, "key_points") == 0
    type_into(qtbot, editor, "text", "Tell me about the lab results pipeline.")      # two more edits
    type_into(qtbot, editor, "target_seconds", "90")
    assert "example key point" not in editor.status.text()                 # the status line has moved on
    lines = [editor.problems.item(i).text() for i in range(editor.problems.count())]
    mine = [line for line in lines if "lab results pipeline" in line]
    assert len(mine) == 1 and f"example key point “{STARTER_LABEL}” went when you rewrote the question" in mine[0], lines
    assert "add your own" in mine[0], mine
    editor.add_key_point("Lab results reached the wards in fifteen minutes")
    lines = [editor.problems.item(i).text() for i in range(editor.problems.count())]
    assert not any(STARTER_LABEL in line for line in lines), lines
    editor.select(prompt + ("key_points", 0))                               # her own point removed: no example
    editor.remove_current()                                                 # to speak of any more
    lines = [editor.problems.item(i).text() for i in range(editor.problems.count())]
    assert any("This question has no key points yet" in line for line in lines), lines
    assert not any(STARTER_LABEL in line for line in lines), lines


def test_a_bank_saved_to_disk_keeps_its_id_when_its_title_changes(qtbot, services, data_home):
    _window, editor = new_bank_in_active_window(qtbot, services, data_home)
    type_into(qtbot, editor, "title", "Acme platform")
    editor.save()
    type_into(qtbot, editor, "title", "Acme platform team")
    assert editor.doc.get(("job",), "id") == "acme-platform"


def test_the_notes_status_counts_ticks_by_hand_without_the_claim_and_says_a_question_left_out(qtbot, monkeypatch):
    """Walk21 (09-proposed-sentences, 10-all-ticked): after ticking by hand the status still said "5 proposed, 5
    ticked, the closest to this prompt", and "What would I change?" was dropped without a word."""
    from tests.core.banks.test_notes import WALK21_PROMPT, WALK21_SENTENCES
    from voiceprep.gui.widgets import bank_dialogs, common

    monkeypatch.setattr(bank_dialogs, "run_in_background", lambda *a, **k: None)
    monkeypatch.setattr(common, "choose", lambda *a, **k: 1)                          # closing: Discard
    dialog = NotesDialog(None, "", WALK21_PROMPT)
    qtbot.addWidget(dialog)
    dialog.notes.setPlainText(WALK21_SENTENCES)
    dialog.propose()
    assert dialog.count.text() == "5 proposed, 5 ticked: your notes for this prompt, all of them; 1 question left " \
                                  "out", dialog.count.text()
    tick(dialog, 4, False)
    assert dialog.count.text() == "5 proposed, 4 ticked; 1 question left out", dialog.count.text()



def test_notes_pasted_for_one_prompt_are_all_ticked_and_a_line_not_ticked_says_why_on_the_dialog(qtbot, monkeypatch):
    """Walk40 (8-notes-to-key-points-2-of-7-ticked): seven lines pasted for the "why" prompt: "7 proposed, 2 ticked,
    the closest to this prompt", the unticked the core of the answer and nothing said of why."""
    from tests.core.banks.test_notes import WALK40_COSINES, WALK40_NOTES
    from voiceprep.gui.widgets import bank_dialogs, common

    monkeypatch.setattr(bank_dialogs, "run_in_background", lambda *a, **k: None)     # the scores come by hand
    monkeypatch.setattr(common, "choose", lambda *a, **k: 1)                          # closing: Discard
    prompt = "Why do you want to work at Airwallex?"
    dialog = NotesDialog(None, "", prompt)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.notes.setPlainText(WALK40_NOTES)
    dialog.propose()
    assert dialog.ticked() == [True] * 7 and dialog.why_note.text() == ""
    assert dialog.count.text() == "7 proposed, 7 ticked: your notes for this prompt, all of them"
    texts = [p.label for p in dialog.points]
    dialog._rerank(dialog._generation, texts, WALK40_COSINES[prompt])
    assert dialog.ticked() == [True, False, True, True, True, True, True]
    assert dialog.count.text() == "7 proposed, 6 ticked: your notes for this prompt, all but 1 (why below)"
    assert dialog.why_note.isVisible() and dialog.why_note.text() == (
        "Not ticked: “Under the hood: global distributed systems…” (about something else than this prompt, by its "
        "meaning). Tick any you want to keep.")
    assert "Not ticked: about something else" in dialog.list.item(1).toolTip()
    # keyboard only: the list has the focus; Down and Space tick the line the candidate wants
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.list)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    assert dialog.ticked() == [True] * 7 and dialog.why_note.text() == ""
    assert len(dialog.chosen()) == 7


def test_removing_one_of_two_competencies_moves_its_key_points_to_the_other_and_undo_says_only_what_it_brought_back(
        qtbot, services, data_home, monkeypatch):
    """Walk21 (15-removed, 16-undo): removing the competency the key points named, with one left, gave 5 "Competency
    is empty" errors; Ctrl+Z then said the removal's advice ("pick another under their Competency"); the form said
    "Weights add up to 0.50 … (add 0.50)" beside the list's "add up to 0.5"."""
    no_question(monkeypatch)
    window, editor = new_bank_in_active_window(qtbot, services, data_home)
    editor.select(("rounds", 0, "prompts", 0))
    editor.add_key_point("I moved the log pipeline to Kafka")
    kps = editor.doc.key_point_paths()
    editor.add_competency()
    editor.add_competency()
    editor.select(("competencies", 1))
    name = field(editor, "name")
    name.setText("Ownership")
    editor.commit()
    second = editor.doc.get(("competencies", 1), "id")
    before = editor.doc.text()
    delete_in_tree(qtbot, window, ("competencies", 0))
    assert all(editor.doc.get(kp, "competency") == second for kp in kps)
    texts = problem_texts(editor)
    assert not any("Competency is empty" in t for t in texts), texts
    said = editor.status.text()
    assert f"{counted(len(kps), 'key point')}" in said and "“Ownership”" in said and "pick another" not in said, said
    # the one left takes the whole weight (fix40: it kept 0.5, "weights add up to 0.5"), said
    assert "“Ownership” now carries all the weight." in said, said
    editor.select(("competencies", 0))
    assert editor.doc.get(("competencies", 0), "weight") == 1
    assert editor.weight_sum.text() == "Weights add up to 1 ✓"
    assert not any("weights add up" in t for t in texts), texts
    undo_key(qtbot, editor)                                                # one step: the competency and the weights
    assert editor.doc.text() == before
    assert [editor.doc.get(("competencies", i), "weight") for i in range(2)] == [0.5, 0.5]
    assert editor.status.text().startswith("Undone: brought back the competency “Competency 1”. Redo"), \
        editor.status.text()


def test_removing_a_competency_shares_its_weight_out_to_the_others_as_adding_one_does(qtbot, services, data_home,
                                                                                      monkeypatch):
    """Fix40 (fix34, fix38 left alone): adding a competency keeps the weights' sum at 1, removing one left it short
    ("weights add up to 0.5"). The others now grow in proportion to what they were, in the removal's undo step."""
    no_question(monkeypatch)
    window, editor = new_bank_in_active_window(qtbot, services, data_home)
    for _ in range(3):
        editor.add_competency()
    for i, weight in enumerate((0.5, 0.3, 0.2)):
        editor.select(("competencies", i))
        field(editor, "weight").setValue(weight)
        editor.commit()
    before = editor.doc.text()
    delete_in_tree(qtbot, window, ("competencies", 0))
    assert [editor.doc.get(("competencies", i), "weight") for i in range(2)] == [0.6, 0.4]
    assert not any("weights add up" in t for t in problem_texts(editor)), problem_texts(editor)
    # walk23: "The weights were shared out to keep their sum at 1 (now 0.6, 0.4)": which weight is whose, plainly
    assert "the others so they add up to 1: “Competency 2” now 0.6, “Competency 3” 0.4" in editor.status.text() \
        and "Undo" in editor.status.text(), editor.status.text()
    undo_key(qtbot, editor)
    assert editor.doc.text() == before


def test_removing_a_competency_leaving_one_says_it_carries_all_the_weight(qtbot, services, data_home, monkeypatch):
    """Walk23 (15-removed): one of two removed said "The weights were shared out to keep their sum at 1 (now 1)".
    The one left carries all the weight, said so by name."""
    no_question(monkeypatch)
    window, editor = new_bank_in_active_window(qtbot, services, data_home)
    editor.add_competency()
    editor.add_competency()
    editor.select(("competencies", 0))
    field(editor, "name").setText("Payments reliability")
    editor.select(("competencies", 1))
    field(editor, "name").setText("Distributed systems")
    editor.commit()
    delete_in_tree(qtbot, window, ("competencies", 0))
    assert editor.doc.get(("competencies", 0), "weight") == 1
    text = editor.status.text()
    assert "“Distributed systems” now carries all the weight." in text and "(now 1)" not in text, text


def test_adding_a_competency_says_each_ones_weight_by_name(qtbot, services, data_home):
    """Walk23: adding a second competency said "The weights were shared out to keep their sum at 1 (now 0.5)"; each
    weight is said with its competency's name."""
    window = make_window(qtbot, services, data_home)
    window.banks.new_bank()
    editor = window.banks.editor
    for _ in range(3):
        editor.add_competency()
    text = editor.status.text()
    assert "add up to 1: “Competency 1” now 0.333, “Competency 2” 0.333, “Competency 3” 0.334" in text, text


WALK21_NOTES = ("I led the checkout rewrite at a marketplace. We split the card authorization path from capture, so a "
                "slow acquirer no longer blocked orders. Retries used idempotency keys, e.g. the order id plus attempt. "
                "Chargebacks dropped by 18% after we added 3-D Secure. What would I change? I would add load tests "
                "earlier.")


def test_only_names_from_notes_go_into_the_vocabulary(qtbot, services, data_home):
    """Walk21: the bank was saved with `vocabulary = ["Secure"]` (from "3-D Secure") while the Vocabulary field was
    empty: an ordinary capitalised word taken for a name, and the real term missed."""
    editor, dialog = notes_on_a_new_bank(
        qtbot, services, data_home, WALK21_NOTES + " We moved the ledger to Postgres and LMAX Disruptor, with HoYoverse."
        " Python ran the nightly reconciliation jobs. Card payments went through Stripe from then on.")
    for i in range(len(dialog.points)):
        tick(dialog, i)
    chosen = dialog.chosen()
    dialog.accept()
    editor.add_key_points(chosen)
    # fix40: "Stripe" inside a sentence is a name although a plain word; "Python" first in its sentence is not told
    # from a capitalised plain word, so it waits until written inside a sentence or typed
    assert editor.doc.bank().vocabulary == ("3-D Secure", "Postgres", "LMAX Disruptor", "HoYoverse", "Stripe")


def test_a_key_point_without_cues_says_it_is_judged_by_its_meaning(qtbot, services, data_home, monkeypatch):
    """Walk21 (11-added): a key point with no cues showed "Cues needed: default (1)"; the notes dialog says "no cues:
    judged by its meaning", and its hint offered "e.g. earlier" (a plain word of the point) as a cue."""
    no_question(monkeypatch)
    window, editor = new_bank_in_active_window(qtbot, services, data_home)
    editor.select(("rounds", 0, "prompts", 0))
    editor.add_key_point("I would add load tests earlier")
    needed = field(editor, "min_cues")
    assert needed.text() == "no cues: judged by its meaning" and needed.isReadOnly()
    field(editor, "cues").setPlainText("load tests")
    assert not needed.isReadOnly() and needed.text() == "default (1)"
    dialog = NotesDialog(editor)
    qtbot.addWidget(dialog)
    dialog.notes.setPlainText(WALK21_NOTES)
    dialog.propose_btn.click()
    hints = {}
    for row, point in enumerate(dialog.points):
        dialog.list.setCurrentRow(row)
        hints[point.label] = dialog.cues_edit.placeholderText()
    assert hints["I would add load tests earlier"] == "optional", hints
    assert hints["Chargebacks dropped by 18% after we added 3-D Secure"] == "optional, e.g. 3-D Secure; 18%", hints
    dialog.reject()


def test_the_welcome_and_the_banks_page_name_a_new_bank_alike_and_the_preview_has_no_dangling_dash(
        qtbot, services, data_home):
    """Walk21 (35-crop): the preview read "Payments reliability (1.00) —" for a competency with no definition; the
    Banks page said "New bank" where the welcome banner said "Create my own bank"."""
    from voiceprep.core.banks.model import Competency

    window = make_window(qtbot, services, data_home, welcome=True)
    assert window.welcome.create_btn.text() == window.banks.new_btn.text()
    assert window.welcome.draft_btn.text() == window.banks.draft_btn.text()
    from voiceprep.gui.widgets.banks import competency_line
    assert competency_line(Competency(id="payments", name="Payments reliability", weight=1.0)) == \
        "<li><b>Payments reliability</b> (1)</li>"
    assert competency_line(Competency(id="d", name="Depth", weight=0.25, definition="Knows <why>")) == \
        "<li><b>Depth</b> (0.25) — Knows &lt;why&gt;</li>"


def test_a_new_key_point_takes_no_competency_it_was_not_clearly_meant_for(qtbot, services, data_home, monkeypatch):
    """Walk37: a key point added to "most impactful" got "Polished communicator", the bank's first competency (its
    other points tied between two), and nothing said so. A new point takes the competency most of its prompt's
    points use when one does; else none, and the form asks for one."""
    no_question(monkeypatch)
    _window, editor = new_bank_in_active_window(qtbot, services, data_home)
    prompt = ("rounds", 0, "prompts", 0)
    editor.add_competency()
    editor.add_competency()
    first, second = (editor.doc.get(("competencies", i), "id") for i in range(2))
    for kp in editor.doc.key_point_paths():                           # the template's points: no competency yet
        editor.doc.set(kp, "competency", "")
    editor.select(prompt)
    a = editor.add_key_point("I moved the log pipeline to Kafka")
    assert not editor.doc.get(a, "competency")                      # none used here: none (was the bank's first)
    editor.doc.set(a, "competency", second)
    b = editor.add_key_point("I cut p99 latency by 40% with a ring buffer")
    assert editor.doc.get(b, "competency") == second                 # what the prompt's points use
    editor.doc.set(b, "competency", first)
    c_ = editor.add_key_point("I led the on-call rotation for the payments team")
    assert not editor.doc.get(c_, "competency")                      # a tie: none, asked for
    editor.select(c_)
    assert field(editor, "competency").currentData() in (None, "")


def test_a_new_prompts_first_key_point_takes_the_competency_its_round_uses_most_and_says_so(
        qtbot, services, data_home, monkeypatch):
    """walk50: key points took the previous point's competency within a prompt but started at (none) in a new prompt,
    and a keyboard user could not see where the list started. A new prompt's first key point takes the competency the
    round's key points use most (a round tests a few competencies; one count over it, not one neighbour), else the
    bank's, else none on a tie; the status line names it; Ctrl+Z takes the point back whole."""
    no_question(monkeypatch)
    _window, editor = new_bank_in_active_window(qtbot, services, data_home)
    editor.add_competency()
    editor.add_competency()
    first, second = (editor.doc.get(("competencies", i), "id") for i in range(2))
    points = editor.doc.key_point_paths()
    for j, kp in enumerate(points):                                  # the template's points: the second one most
        editor.doc.set(kp, "competency", second if j or len(points) == 1 else first)
    editor.select(("rounds", 0, "prompts", 0))
    prompt = editor.add_prompt("How did you handle a conflict between two senior nurses?")
    assert prompt is not None and not editor.doc.count(prompt, "key_points")
    editor.select(prompt)
    a = editor.add_key_point("I met each nurse on their own first")
    assert editor.doc.get(a, "competency") == second
    name = editor.doc.get(("competencies", 1), "name")
    assert name in editor.status.text() and "most" in editor.status.text(), editor.status.text()
    editor.select(a)
    assert field(editor, "competency").currentData() == second
    editor.undo()
    assert not editor.doc.count(prompt, "key_points")               # one step: the point and its competency
    for kp in editor.doc.key_point_paths():                          # none used anywhere: none, asked for
        editor.doc.set(kp, "competency", "")
    editor.select(prompt)
    b = editor.add_key_point("I agreed the rota with both")
    assert not editor.doc.get(b, "competency")


def test_a_number_out_of_range_is_refused_whole_the_old_value_kept_and_said(qtbot, services, data_home):
    """Walk38 findings 4 and 5: "-2" typed into a key point's Weight became 2.0 without a word (Qt dropped the minus),
    and 5000 typed into Target time said "too long" but kept the 500 typed on the way, saved. Each is refused whole
    when the field is left: the value before is kept, and a line says the range and the value kept."""
    window, editor = new_bank_in_active_window(qtbot, services, data_home)
    prompt = ("rounds", 0, "prompts", 0)
    editor.select(prompt)
    before = editor.doc.get(prompt, "target_seconds", 120)
    spin = field(editor, "target_seconds")
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin.lineEdit(), "5000")
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Tab)
    editor.commit()
    limit = editor.form_scroll.widget().findChild(QLabel, "target_limit")
    assert spin.value() == before and editor.doc.get(prompt, "target_seconds", 120) == before
    assert limit.text() == (f"5000 s is too long: from 10 s to 30 min (1800 s); most answers aim for 2-3 min "
                            f"(120-180 s). Kept {before} s."), limit.text()
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin.lineEdit(), "600")                    # in range: taken, the line back to the limit
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Tab)
    editor.commit()
    assert editor.doc.get(prompt, "target_seconds") == 600 and "Kept" not in limit.text(), limit.text()

    editor.add_key_point("I cut p99 latency by 40% with a ring buffer")
    point = editor.node_path
    weight = field(editor, "weight")
    line = editor.form_scroll.widget().findChild(QLabel, "weight_limit")
    assert line.isHidden()                                      # nothing refused: no line (the form fits 1366x768)
    weight.setFocus()
    weight.selectAll()
    qtbot.keyClicks(weight.lineEdit(), "-2")
    qtbot.keyClick(weight.lineEdit(), Qt.Key.Key_Tab)
    editor.commit()
    assert weight.value() == 1.0 and editor.doc.get(point, "weight", 1.0) == 1.0
    assert not line.isHidden() and line.text() == ("-2 is not a weight you can use: from 0.1 to 10; 1 is a usual "
                                                   "point, 2 counts it double. Kept 1."), line.text()
    weight.setFocus()
    weight.selectAll()
    qtbot.keyClicks(weight.lineEdit(), "2")
    qtbot.keyClick(weight.lineEdit(), Qt.Key.Key_Tab)
    editor.commit()
    assert editor.doc.get(point, "weight") == 2.0 and line.isHidden()


def test_a_follow_up_with_no_letters_is_listed_as_a_warning_that_leads_to_it(qtbot, services, data_home):
    """Walk38 finding 9: "-2" typed into a key point's Follow-up was saved and asked as the interviewer's question
    ("What the interviewer would ask next: • -2"). It is listed under the editor, as a bad id is; Save asks first."""
    window, editor = new_bank_in_active_window(qtbot, services, data_home)
    editor.select(("rounds", 0, "prompts", 0))
    editor.add_key_point("I cut p99 latency by 40% with a ring buffer")
    type_into(qtbot, editor, "follow_up", "-2")
    warned = [editor.problems.item(i) for i in range(editor.problems.count())
              if "follow-up “-2” has no words" in editor.problems.item(i).text()]
    assert len(warned) == 1 and warned[0].data(KIND_ROLE) == "warning", problem_texts(editor)
    assert warned[0].text().endswith("write the question the interviewer would ask, or clear it"), warned[0].text()
    editor.select(("rounds", 0, "prompts", 0))
    item = next(editor.problems.item(i) for i in range(editor.problems.count())
                if "has no words" in editor.problems.item(i).text())
    editor._problem_activated(item)                            # Enter on it: the follow-up it is about
    assert editor.node_path == ("rounds", 0, "prompts", 0, "key_points", 1), editor.node_path
    assert QApplication.focusWidget() is field(editor, "follow_up")
    type_into(qtbot, editor, "follow_up", "What would you measure first?")
    assert not any("has no words" in t for t in problem_texts(editor)), problem_texts(editor)


def _type_and_enter(qtbot, spin, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)


@pytest.mark.parametrize(("typed", "value", "said"), [
    # a decimal in whole seconds: shown as typed and said (fix R: Qt dropped the point and took 125 without a word;
    # "12,5", the comma read as grouping thousands, was 125 too)
    ("12.5", 120, "12.5 s is not a whole number of seconds (type 12 or 13): from 10 s"),
    ("12,5", 120, "12,5 s is not a whole number of seconds (type 12 or 13): from 10 s"),
    ("1,500", 1500, None),         # Qt takes the group separator: taken, nothing refused (was "Kept 1500 s")
    ("-2", 120, "-2 s is too short"),
    ("5000", 120, "5000 s is too long"),
    ("120", 120, None),            # the value it had: nothing to say
    # review31 (finding 8): the advice named numbers the box refuses too, and the limit went unsaid
    ("0.5", 120, "0.5 s is too short: from 10 s"),             # was "(type 0 or 1)"
    ("5000.5", 120, "5000.5 s is too long: from 10 s"),        # was "(type 5000 or 5001)"
    ("12.", 120, "12. s is not a whole number of seconds (type 12 without the “.”): from 10 s"),   # was "(type 12)"
])
def test_target_time_refuses_only_what_qt_did_not_take(qtbot, services, data_home, typed, value, said):
    """Review30: typed text Qt could never take was let through and then put back without a word ("12.5" -> 120),
    and "1,500", which Qt takes, was refused while taken. Qt blocks what it never takes; what it put back is said."""
    _window, editor = new_bank_in_active_window(qtbot, services, data_home)
    editor.select(("rounds", 0, "prompts", 0))
    spin = field(editor, "target_seconds")
    limit = editor.form_scroll.widget().findChild(QLabel, "target_limit")
    _type_and_enter(qtbot, spin, typed)
    assert spin.value() == value
    if said is None:
        assert "Kept" not in limit.text(), limit.text()
    else:
        assert limit.text().startswith(said) and limit.text().endswith("Kept 120 s."), limit.text()


@pytest.mark.parametrize(("typed", "value", "said"), [
    ("1.23456", 1.234, False),     # Qt blocks a fourth decimal: 1.234 taken (was put back to 1)
    # fix R: Qt blocked the comma and "25 is not a weight you can use" quoted the box, not what was typed
    ("2,5", 1.0, "2,5 is not a weight you can use: use a dot for decimals, as in 2.5 (from 0.1 to 10"),
    ("-2", 1.0, "-2"),
    ("2", 2.0, False),
    # review31 (finding 8): "as in 25.5" over the maximum of 10; "as in 2" for "2,"
    ("25,5", 1.0, "25,5 is not a weight you can use: use a dot for decimals (from 0.1 to 10"),
    ("2,", 1.0, "2, is not a weight you can use: use a dot for decimals, as in 2.5 (from 0.1 to 10"),
])
def test_weight_refuses_only_what_qt_did_not_take(qtbot, services, data_home, typed, value, said):
    _window, editor = new_bank_in_active_window(qtbot, services, data_home)
    editor.select(("rounds", 0, "prompts", 0))
    editor.add_key_point("I cut p99 latency by 40% with a ring buffer")
    weight = field(editor, "weight")
    line = editor.form_scroll.widget().findChild(QLabel, "weight_limit")
    _type_and_enter(qtbot, weight, typed)
    assert weight.value() == pytest.approx(value)
    assert line.isHidden() is not bool(said), line.text()
    if said:
        assert line.text().startswith(said if " " in said else f"{said} is not a weight you can use") and \
            line.text().endswith("Kept 1."), line.text()


def test_a_decimal_typed_with_the_mark_the_locale_does_not_use_says_which_mark_to_use(qtbot, services, data_home):
    """Fix R: in a locale that writes 2,5 (German), "2.5" typed into a Weight is said as typed, with the comma to
    use; "2,5" is taken. A competency's Weight (0 to 1) says so too, with its own range."""
    _window, editor = new_bank_in_active_window(qtbot, services, data_home)
    editor.select(("rounds", 0, "prompts", 0))
    editor.add_key_point("I cut p99 latency by 40% with a ring buffer")
    weight = field(editor, "weight")
    weight.setLocale(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    line = editor.form_scroll.widget().findChild(QLabel, "weight_limit")
    _type_and_enter(qtbot, weight, "2.5")
    assert weight.value() == 1.0
    assert line.text() == ("2.5 is not a weight you can use: use a comma for decimals, as in 2,5 (from 0.1 to 10; 1 "
                           "is a usual point, 2 counts it double). Kept 1."), line.text()
    _type_and_enter(qtbot, weight, "2,5")
    assert weight.value() == 2.5 and line.isHidden()

    editor.add_competency()
    weight = field(editor, "weight")
    line = editor.form_scroll.widget().findChild(QLabel, "weight_limit")
    kept = weight.value()
    _type_and_enter(qtbot, weight, "0,5")
    assert weight.value() == kept
    assert line.text().startswith("0,5 is not a weight you can use: use a dot for decimals, as in 0.5 (from 0 to 1). "
                                  "Kept "), line.text()


@pytest.mark.parametrize(("typed", "value", "said"), [
    ("2.5", 0, "2.5 is not a whole number of cues (type 2 or 3): from 0 to 20. Kept the default."),
    ("25", 0, "25 is not a number of cues you can use: from 0 to 20. Kept the default."),    # was put back silently
    # review31 (finding 8): was "(type 25 or 26)" with a maximum of 20
    ("25.5", 0, "25.5 is not a whole number of cues (type a whole number): from 0 to 20. Kept the default."),
    ("3", 3, None),
])
def test_cues_needed_says_what_it_did_not_take(qtbot, services, data_home, typed, value, said):
    _window, editor = new_bank_in_active_window(qtbot, services, data_home)
    editor.select(("rounds", 0, "prompts", 0))
    editor.add_key_point("I cut p99 latency by 40% with a ring buffer")
    type_into(qtbot, editor, "cues", "ring buffer")
    needed = field(editor, "min_cues")
    assert not needed.isReadOnly()
    line = editor.form_scroll.widget().findChild(QLabel, "min_cues_limit")
    _type_and_enter(qtbot, needed, typed)
    assert needed.value() == value
    assert line.isHidden() is (said is None), line.text()
    if said:
        assert line.text() == said, line.text()


def test_cues_needed_says_what_the_judge_does_in_the_readmes_words(qtbot, services, data_home, monkeypatch):
    """fixCH: the tooltip said cues "must be heard for the point to count by words alone", more than the judge does (a
    matched cue is word evidence weighed with meaning). The editor's and the notes dialog's say the README's words."""
    from tests.core.banks.test_notes import WALK12_NOTES
    from voiceprep.gui.widgets import bank_dialogs

    monkeypatch.setattr(bank_dialogs, "run_in_background", lambda *a, **k: None)
    _window, editor = new_bank_in_active_window(qtbot, services, data_home)
    editor.select(("rounds", 0, "prompts", 0))
    editor.add_key_point("I cut p99 latency by 40% with a ring buffer")
    dialog = NotesDialog(editor, WALK12_NOTES, "Tell me about the data pipeline you rebuilt.")
    qtbot.addWidget(dialog)
    readme = (BANKS / "README.md").read_text(encoding="utf-8")
    said = " ".join(re.sub(r"^.*?#\s?", "", line) for line in readme.splitlines() if line.startswith("min_cues")
                    or re.match(r"\s{20,}#", line))
    for tip in (field(editor, "min_cues").toolTip(), dialog.needed.toolTip()):
        assert "words alone" not in tip and "meaning" in tip
        assert tip in " ".join(said.split()), (tip, said)


def _acme_listed_and_selected(qtbot, services, data_home):
    """A bank of the user's own (acme.toml, a copy of airwallex) listed and selected on the Banks page: its file and
    the page."""
    from voiceprep.core.banks.document import BankDocument

    path = data_home / "banks" / "acme.toml"
    BankDocument.copy_of((BANKS / "airwallex.toml").read_text(), "acme", "Acme backend").save(path)
    banks = make_window(qtbot, services, data_home).banks
    banks.reload()
    banks.select_bank("acme")
    assert banks.current().id == "acme"
    return path, banks


def test_edit_on_a_bank_whose_file_broke_since_it_was_listed_says_what_is_wrong_in_plain_words(qtbot, services,
                                                                                             data_home):
    """walk39 8 (fixX): Edit on a bank whose file was broken by hand after the list was read showed "…:4: not valid
    TOML; fix it in a text editor (voiceprep banks check shows the problem)"; it says what the Banks page says."""
    path, banks = _acme_listed_and_selected(qtbot, services, data_home)
    text = path.read_text()
    line = text[:text.index('title = "Acme backend"')].count("\n") + 1
    path.write_text(text.replace('title = "Acme backend"', 'title = "Acme backend', 1))    # a quote left open
    banks.edit_current()
    assert banks.editor.doc is None or banks.editor.doc.path != path          # not opened
    said = banks.notice.text()
    assert said == (f"“Airwallex — Acme backend” cannot be opened for editing: its file acme.toml changed and now has a "
                    f"problem:\nA quoted text is not closed on line {line}: add the closing \" at the end of the "
                    "text\nFix it in a text editor (More > Open the file in another editor), then More > Reload."), said
    assert "TOML" not in said and not banks.notice.isHidden()


def test_edit_on_a_bank_whose_file_was_deleted_since_it_was_listed_says_it_is_gone(qtbot, services, data_home):
    """review32 5: a file deleted after the list was read was told "changed and now has a problem: File not found.
    Fix it in a text editor", with no file to open."""
    path, banks = _acme_listed_and_selected(qtbot, services, data_home)
    path.unlink()
    banks.edit_current()
    assert banks.editor.doc is None or banks.editor.doc.path != path          # not opened
    said = banks.notice.text()
    assert said == ("“Airwallex — Acme backend” cannot be opened for editing: its file acme.toml is no longer there "
                    "(it was moved or deleted). More > Reload updates the list."), said
    assert "text editor" not in said and not banks.notice.isHidden()


def test_a_follow_up_naming_nothing_of_its_point_gets_a_tip_that_leads_to_it(qtbot, services, data_home, monkeypatch,
                                                                             tmp_path):
    """fixAC (judge52, walk39 finding 7): a candidate's own follow-up "How would that experience carry over to
    Airwallex's infrastructure?" for "Connect it to Airwallex: detecting routing and reliability issues early across
    cloud regions" named nothing of the point, so the answer to it could not count for the point. A tip (not a
    warning: Save does not ask) says which follow-up, which point, why, and words to name; Enter on it leads to the
    follow-up; naming the point's content clears it. Seen in a 1366x768 window."""
    window, editor = new_bank_in_active_window(qtbot, services, data_home)
    window.resize(1366, 768)
    type_into(qtbot, editor, "company", "Airwallex")
    editor.select(("rounds", 0, "prompts", 0))
    editor.add_key_point("Connect it to Airwallex: detecting routing and reliability issues early across cloud regions")
    type_into(qtbot, editor, "follow_up", "How would that experience carry over to Airwallex's infrastructure?")
    tips = [editor.problems.item(i) for i in range(editor.problems.count())
            if "names nothing of this point" in editor.problems.item(i).text()]
    assert len(tips) == 1 and tips[0].data(KIND_ROLE) == "hint" and not editor.warnings, problem_texts(editor)
    text = tips[0].text()
    assert "“Connect it to Airwallex: detecting rout…”: the follow-up “How would that experience carry over to…”" \
        in text, text
    assert text.endswith("an answer to it may not count for the point; name what the point is about, "
                         "e.g. “reliability” or “detecting”"), text
    qtbot.wait(50)
    assert editor.problems.isVisible() and window.height() <= 768
    rect = editor.problems.visualItemRect(tips[0])
    assert editor.problems.viewport().rect().intersects(rect)
    window.grab().save(str(tmp_path / "follow-up-tip-1366x768.png"))
    editor.select(("rounds", 0, "prompts", 0))
    editor.problems.setFocus()                                  # the list under the editor, by keyboard
    editor.problems.setCurrentItem(next(editor.problems.item(i) for i in range(editor.problems.count())
                                        if "names nothing of this point" in editor.problems.item(i).text()))
    qtbot.keyClick(editor.problems, Qt.Key.Key_Return)
    assert editor.node_path == ("rounds", 0, "prompts", 0, "key_points", 1), editor.node_path
    assert QApplication.focusWidget() is field(editor, "follow_up")
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail(f"asked before saving: {box.text()}"))
    saved = []
    monkeypatch.setattr(editor, "save", lambda: saved.append(1))
    editor.save_clicked()
    assert saved == [1]                                          # never a refusal to save
    type_into(qtbot, editor, "follow_up", "How would that experience help Airwallex catch routing issues early?")
    assert not any("names nothing of this point" in t for t in problem_texts(editor)), problem_texts(editor)


def test_names_a_removed_key_point_put_into_the_vocabulary_go_with_it(qtbot, services, data_home):
    """walk41 5: the names added with a key point from the notes stayed in the bank's Vocabulary when the point was
    removed, unsaid, and the transcriber then heard them in every answer ("WARD MANAGER"). They go with the point,
    unless another point still says them or the candidate typed them; Undo brings them back."""
    from tests.core.banks.test_notes import WARD_NOTES

    editor, dialog = notes_on_a_new_bank(qtbot, services, data_home, WARD_NOTES)
    editor.doc.set((), "vocabulary", ["Datix"])                  # typed by the candidate before
    for i in range(len(dialog.points)):
        tick(dialog, i)
    chosen = dialog.chosen()
    dialog.accept()
    editor.add_key_points(chosen)
    assert editor.doc.bank().vocabulary == ("Datix", "HCA", "BM")      # the page's title is no name (walk41 5)
    prompt = ("rounds", 0, "prompts", 0)

    def remove(start: str) -> None:
        labels = [editor.doc.get(prompt + ("key_points", j), "label")
                  for j in range(editor.doc.count(prompt, "key_points"))]
        editor.select(prompt + ("key_points", next(j for j, lab in enumerate(labels) if lab.startswith(start))))
        editor.remove_current()

    remove("Checked patient first")                              # its " - " is a colon now (mend56)
    assert editor.doc.bank().vocabulary == ("Datix", "HCA")
    assert "“BM” is out of the Vocabulary too" in editor.status.text()
    remove("Filled in Datix")                                    # the candidate's own name stays
    assert editor.doc.bank().vocabulary == ("Datix", "HCA")
    assert "Vocabulary" not in editor.status.text()
    remove("I called the bed manager")                           # no other point says HCA
    assert editor.doc.bank().vocabulary == ("Datix",)
    editor.undo()
    assert editor.doc.bank().vocabulary == ("Datix", "HCA")


def test_a_reworded_key_point_trades_its_old_names_for_its_new_ones(qtbot, services, data_home):
    """fixAJ 1: "Called in AGENCY NURSES" reworded "Called in bank staff" kept feeding "AGENCY NURSES" to the
    transcriber. The names only the old wording had go (unless another point says them or the candidate typed
    them), the new wording's come in, said on the status line; Undo takes the step back whole."""
    editor, dialog = notes_on_a_new_bank(qtbot, services, data_home, "- Called in AGENCY NURSES and told Datix\n"
                                                                     "- Moved the HCA to the busiest bay\n")
    editor.doc.set((), "vocabulary", ["Datix"])                  # typed by the candidate before
    for i in range(len(dialog.points)):
        tick(dialog, i)
    chosen = dialog.chosen()
    dialog.accept()
    editor.add_key_points(chosen)
    assert editor.doc.bank().vocabulary == ("Datix", "AGENCY NURSES", "HCA")
    point = next(kp for kp in editor.doc.key_point_paths() if "AGENCY" in editor.doc.get(kp, "label"))
    editor.select(point)
    type_into(qtbot, editor, "label", "Called in bank staff from the Bed Bureau")
    assert editor.doc.bank().vocabulary == ("Datix", "HCA", "Bed Bureau")     # the typed "Datix" stays
    assert "“AGENCY NURSES” is out of the Vocabulary" in editor.status.text()
    assert "Added “Bed Bureau”" in editor.status.text()
    assert editor.doc.get(point, "added_to_vocabulary") == ["Bed Bureau"]
    editor.undo()
    assert editor.doc.bank().vocabulary == ("Datix", "AGENCY NURSES", "HCA")


def test_the_candidates_own_vocabulary_words_never_go_with_a_key_point(qtbot, services, data_home):
    """review34 2: a name a point put in, cleared from the Vocabulary box and typed back by the candidate, went with
    the point, and so did "agency nurses" typed beside the point's "AGENCY NURSES"; a cue "I decided" went into the
    Vocabulary; a reword that only added a name said Undo "brings it back" (it takes it out)."""
    editor, dialog = notes_on_a_new_bank(qtbot, services, data_home, "- Called in AGENCY NURSES at 2am\n"
                                                                     "- Moved the HCA to the busiest bay\n")
    for i in range(len(dialog.points)):
        tick(dialog, i)
    chosen = dialog.chosen()
    dialog.accept()
    editor.add_key_points(chosen)
    assert editor.doc.bank().vocabulary == ("AGENCY NURSES", "HCA")
    agency = next(kp for kp in editor.doc.key_point_paths() if "AGENCY" in editor.doc.get(kp, "label"))
    hca = next(kp for kp in editor.doc.key_point_paths() if "HCA" in editor.doc.get(kp, "label"))

    editor.select(agency)                                        # a cue typed on the point names nothing
    type_into(qtbot, editor, "cues", "I decided")
    assert editor.doc.bank().vocabulary == ("AGENCY NURSES", "HCA")

    editor.select(hca)                                           # a reword that only adds a name: Undo takes it out
    type_into(qtbot, editor, "label", "Moved the HCA to the busiest bay and told the Bed Bureau")
    assert editor.doc.bank().vocabulary == ("AGENCY NURSES", "HCA", "Bed Bureau")
    assert "Undo (Ctrl+Z) takes it out." in editor.status.text() and "brings" not in editor.status.text()

    def vocabulary_typed(*names: str) -> None:                  # the Vocabulary box, by the keyboard
        editor.select(())
        box = field(editor, "@vocabulary")
        box.setFocus()
        box.selectAll()
        qtbot.keyClick(box, Qt.Key.Key_Delete)
        for n, name in enumerate(names):
            if n:
                qtbot.keyClick(box, Qt.Key.Key_Return)
            qtbot.keyClicks(box, name)
        editor.commit()
    vocabulary_typed("HCA", "Bed Bureau")                                              # cleared ...
    vocabulary_typed("HCA", "Bed Bureau", "AGENCY NURSES", "bed bureau")              # ... typed back
    editor.select(agency)
    editor.remove_current()
    assert editor.doc.bank().vocabulary == ("HCA", "Bed Bureau", "AGENCY NURSES", "bed bureau")
    editor.select(next(kp for kp in editor.doc.key_point_paths() if "HCA" in editor.doc.get(kp, "label")))
    editor.remove_current()                                      # its own exact "HCA", "Bed Bureau" go; not "bed bureau"
    assert editor.doc.bank().vocabulary == ("AGENCY NURSES", "bed bureau")


def test_a_name_corrected_in_the_vocabulary_goes_with_its_point_in_a_duplicated_bank(qtbot, services, data_home):
    """fixAS 2: a point's name corrected where it stands in the Vocabulary box ("AGENCY NURSES" made "Agency
    Nurses", a pause on the way) became the candidate's own, so removing the point left it; and the names must
    survive a copy: saved, duplicated to my banks, the copy loaded again, its point removed, the corrected name goes
    and the candidate's own "Datix" stays."""
    from voiceprep.core.banks.document import BankDocument

    editor, dialog = notes_on_a_new_bank(qtbot, services, data_home, "- Called in AGENCY NURSES at 2am\n"
                                                                     "- Moved the HCA to the busiest bay\n")
    for i in range(len(dialog.points)):
        tick(dialog, i)
    chosen = dialog.chosen()
    dialog.accept()
    editor.add_key_points(chosen)
    assert editor.doc.bank().vocabulary == ("AGENCY NURSES", "HCA")
    editor.select(())
    box = field(editor, "@vocabulary")
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)     # the first line, retyped
    qtbot.keyClick(box, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(box, "Agency Nurse")
    editor.commit()                                              # a pause on the way
    box = field(editor, "@vocabulary")
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(box, Qt.Key.Key_End)
    qtbot.keyClicks(box, "s")
    qtbot.keyClick(box, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClicks(box, "Datix")                               # the candidate's own
    editor.commit()
    assert editor.doc.bank().vocabulary == ("Agency Nurses", "HCA", "Datix")
    saved = editor.save()
    assert saved is not None
    banks = editor.parent()
    while not hasattr(banks, "duplicate_current"):
        banks = banks.parent()
    banks.select_bank(editor.doc.get(("job",), "id"))
    copied = banks.duplicate_current()
    assert copied is not None and copied != saved
    assert 'added_to_vocabulary = ["Agency Nurses"]' in copied.read_text(encoding="utf-8")
    editor.open_document(BankDocument.open(copied))             # as after a restart
    editor.select(next(kp for kp in editor.doc.key_point_paths() if "AGENCY" in editor.doc.get(kp, "label")))
    editor.remove_current()
    assert editor.doc.bank().vocabulary == ("HCA", "Datix")
    assert "“Agency Nurses” is out of the Vocabulary too" in editor.status.text()


def test_a_name_of_the_candidates_typed_over_a_points_name_stays_when_the_point_goes(qtbot, services, data_home):
    """review35a 3, 4: the candidate selects the point's "AGENCY NURSES" line and types "Bed Bureau" over it, a pause on
    the way ("Bed"): it is their own, so removing the point leaves it. Then "HCA" is retyped "Hca" at a pause and
    "Rota" typed above it in the same pause: the correction stays the other point's, "Rota" is the candidate's."""
    editor, dialog = notes_on_a_new_bank(qtbot, services, data_home, "- Called in AGENCY NURSES at 2am\n"
                                                                     "- Moved the HCA to the busiest bay\n")
    for i in range(len(dialog.points)):
        tick(dialog, i)
    chosen = dialog.chosen()
    dialog.accept()
    editor.add_key_points(chosen)
    assert editor.doc.bank().vocabulary == ("AGENCY NURSES", "HCA")
    editor.select(())
    box = field(editor, "@vocabulary")
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)     # the first line, selected
    qtbot.keyClick(box, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(box, "Bed")
    editor.commit()                                              # a pause on the way
    box = field(editor, "@vocabulary")
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(box, Qt.Key.Key_End)
    qtbot.keyClicks(box, " Bureau")
    editor.commit()
    box = field(editor, "@vocabulary")
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)     # the last line, "HCA"
    qtbot.keyClick(box, Qt.Key.Key_Home, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(box, "Hca")
    qtbot.keyClick(box, Qt.Key.Key_Home)
    qtbot.keyClicks(box, "Rota")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    editor.commit()
    assert editor.doc.bank().vocabulary == ("Bed Bureau", "Rota", "Hca")
    editor.select(next(kp for kp in editor.doc.key_point_paths() if "AGENCY" in editor.doc.get(kp, "label")))
    editor.remove_current()
    assert editor.doc.bank().vocabulary == ("Bed Bureau", "Rota", "Hca")
    editor.select(next(kp for kp in editor.doc.key_point_paths() if "HCA" in editor.doc.get(kp, "label")))
    editor.remove_current()
    assert editor.doc.bank().vocabulary == ("Bed Bureau", "Rota")


def test_a_key_points_names_are_known_to_it_after_the_bank_is_reopened(qtbot, services, data_home):
    """fixAJ 1: the names a point added were remembered only while the editor was open: saved, reopened, then
    removed, the point left them in the Vocabulary. They are written on the point in the file; an old file with
    no such field still loads and its Vocabulary names count as the candidate's own."""
    from voiceprep.core.banks.document import BankDocument

    editor, dialog = notes_on_a_new_bank(qtbot, services, data_home, "- Called in AGENCY NURSES at 2am\n"
                                                                     "- Moved the HCA to the busiest bay\n")
    for i in range(len(dialog.points)):
        tick(dialog, i)
    chosen = dialog.chosen()
    dialog.accept()
    editor.add_key_points(chosen)
    saved = editor.save()
    assert saved is not None
    assert 'added_to_vocabulary = ["AGENCY NURSES"]' in saved.read_text(encoding="utf-8")     # readable by hand
    editor.open_document(BankDocument.open(saved))              # as after a restart
    point = next(kp for kp in editor.doc.key_point_paths() if "AGENCY" in editor.doc.get(kp, "label"))
    editor.select(point)
    editor.remove_current()
    assert editor.doc.bank().vocabulary == ("HCA",)
    assert "“AGENCY NURSES” is out of the Vocabulary too" in editor.status.text()

    # the old format, as saved before this session: the same bank without the field
    saved.write_text(re.sub(r"(?m)^added_to_vocabulary = .*\n", "", saved.read_text(encoding="utf-8")),
                     encoding="utf-8")
    editor.open_document(BankDocument.open(saved))
    assert not editor.doc.problems()
    editor.select(next(kp for kp in editor.doc.key_point_paths() if "HCA" in editor.doc.get(kp, "label")))
    editor.remove_current()
    assert editor.doc.bank().vocabulary == ("AGENCY NURSES", "HCA")     # nothing says who put them there: they stay


def test_a_second_paste_replaces_the_notes_and_the_add_button_says_what_it_adds(qtbot, monkeypatch):
    """walk41 4 and 8: the dialog reopened with the whole page and a paste of one story went in before it (the cursor
    at its start), mixing the stories; four Shift+Tabs from the list wrapped round to "Add the ticked key points" and a
    Space added two points she had not meant. A paste now replaces the old notes; the keyboard flow from Propose is
    the list, and the button names how many it adds."""
    from tests.core.banks.test_notes import STAFFING, WARD_NOTES
    from voiceprep.gui.widgets import common

    monkeypatch.setattr(common, "choose", lambda *a, **k: 1)        # "Discard", when the test closes it
    dialog = NotesDialog(None, WARD_NOTES, STAFFING)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    story = WARD_NOTES.split("\n\n")[1]
    QApplication.clipboard().setText(story)
    dialog.notes.setFocus()
    qtbot.keyClick(dialog.notes, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert dialog.notes.toPlainText() == story
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.propose_btn
    qtbot.keyClick(dialog.propose_btn, Qt.Key.Key_Space)
    assert dialog.focusWidget() is dialog.list and dialog.list.currentRow() == 0
    assert [p.label for p, on in zip(dialog.points, dialog.ticked()) if on] == [
        "3 nurses called in sick, 4 of us for 28 patients",
        "I called the bed manager and got 1 agency nurse and pulled the HCA from day unit",
        "Reallocated patients by acuity, I took the 2 sickest myself",
        "Did safety huddle every 2 hours, nobody missed meds or obs",
        "Wrote it up and we changed the escalation flowchart after"]
    assert dialog.add_btn.text() == "Add 5 ticked key points"
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)                       # Space unticks the first
    assert dialog.add_btn.text() == "Add 4 ticked key points"
    assert "Left out: “Staffing crisis (night shift, flu season)” (a heading)." in dialog.why_note.text()
    assert not dialog.notes.textCursor().hasSelection()       # proposed: the old selection is not drawn on
    # the whole page again, by words: the story under the heading that matches is ticked, named on the dialog
    dialog.notes.setPlainText(WARD_NOTES)
    dialog.propose_btn.click()
    assert dialog.count.text() == "14 proposed, 5 ticked: the lines under “Staffing crisis (night shift, flu season)”"
    assert dialog.why_note.text().startswith(
        "Not ticked (not under the heading that matches this prompt): “New grad gave 10 units insulin instead of 1…”; ")


def test_a_line_left_out_says_how_to_keep_it_anyway(qtbot):
    """walk41 6: a line left out ("nothing specific to listen for") said nothing of how to get it back."""
    dialog = NotesDialog(None, "- Flu season\n- I want to lead a team, not just a shift\n",
                         "Why do you want to work at this hospital?")
    qtbot.addWidget(dialog)
    dialog.propose_btn.click()
    assert [p.label for p in dialog.points] == ["I want to lead a team, not just a shift"]
    assert dialog.why_note.text() == ("Left out: “Flu season” (too short to be a point). To keep one of these anyway, "
                                      "close this and use Add a key point, then type it.")

def test_the_editors_examples_are_in_words_any_trade_reads(qtbot, services, data_home):
    """walk41 finding 7: a charge nurse read "LMAX", "Kafka", "p99 latency" and "a hard bug you fixed" as the
    examples of a job, a prompt and a key point."""
    window = make_window(qtbot, services, data_home)
    window.banks.new_bank()
    editor = window.banks.editor
    shown = []
    for path in ((), ("rounds", 0, "prompts", 0), ("rounds", 0, "prompts", 0, "key_points", 0)):
        editor.select(path)
        shown += [f.widget.placeholderText() for f in editor.fields if hasattr(f.widget, "placeholderText")]
    words = set(" ".join(shown).lower().replace(",", " ").replace("(", " ").replace(")", " ").split())
    assert len(shown) >= 6
    trade = {"kafka", "airwallex", "p99", "latency", "bug", "payments"}
    assert not trade & words, [s for s in shown if trade & set(s.lower().split())]


def test_the_banks_preview_and_the_live_captions_draw_faint_text_in_the_secondary_colour(qtbot, services, data_home):
    """review37b: fixBL made secondary text readable through the palette's placeholder colour (SECONDARY_TEXT), but the
    Banks preview's "Bundled with voiceprep" and "(90 s)" and the live captions' tentative words stayed "gray"
    (#808080, 3.9:1 on the window)."""
    window = make_window(qtbot, services, data_home)
    for page in (window.banks, window.practice):
        palette = page.palette()
        palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#123456"))
        page.setPalette(palette)
    window.nav.setCurrentRow(3)
    banks = window.banks
    banks.list.setCurrentRow(next(i for i in range(banks.list.count()) if "Airwallex" in banks.list.item(i).text()))
    shown = banks.detail.toHtml()
    assert "#123456" in shown and "#808080" not in shown
    window.practice._on_caption("we moved the writes", "to one thread")
    shown = window.practice.captions.toHtml()
    assert "#123456" in shown and "#808080" not in shown


def test_a_plain_import_selects_the_new_bank_and_says_what_came_in(qtbot, services, data_home, tmp_path):
    """Walk50 finding 4: a file whose id is new was listed, but the notice kept the previous import's words and the
    previously selected bank stayed selected."""
    window = make_window(qtbot, services, data_home)
    banks = window.banks
    banks.select_bank("airwallex")
    banks.show_notice("Added ward-same.toml as “Ward (imported)” (ward-imported.toml); yours is unchanged.")
    theirs = tmp_path / "affirm-bom.toml"
    theirs.write_text((BANKS / "affirm-backend-platform.toml").read_text()
                      .replace('id = "affirm-backend-platform"', 'id = "affirm-bom"', 1))
    assert banks.import_file(theirs)
    bank = services.registry.find("affirm-bom")
    assert banks.current() is bank and banks.list.currentItem().isSelected()
    prompts = len(bank.all_prompts())
    assert banks.notice.text() == f"Imported affirm-bom.toml as “{bank.name}” ({prompts} prompts)."
    assert not banks.notice.isHidden()


def test_the_same_bank_imported_again_is_kept_once_and_an_edited_copy_is_named_apart(qtbot, services, data_home,
                                                                                      tmp_path, monkeypatch):
    """Walk50 finding 5: a byte-identical copy of a bank already there offered "Keep both" focused, and Enter made a
    second identical bank; an edited bundled bank imported twice gave two banks both named "… (my edit) (imported)".
    The same bank is said to be there already and nothing is added; the same file imported again is the earlier
    import; a changed copy may be kept beside it, numbered."""
    from PySide6.QtWidgets import QMessageBox

    from voiceprep.gui.widgets import common
    window = make_window(qtbot, services, data_home)
    banks = window.banks
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: told.append(text))
    monkeypatch.setattr(common, "choose", lambda _p, _t, text, options, cancel=None, default=0: options.index("Keep both"))
    same = tmp_path / "airwallex-copy.toml"
    same.write_text((BANKS / "airwallex.toml").read_text())
    count = len(services.registry.banks)
    assert not banks.import_file(same) and len(services.registry.banks) == count
    name = services.registry.find("airwallex").name
    assert banks.notice.text() == (f"airwallex-copy.toml is the same bank as “{name}”, word for word, so it was "
                                   "not added again: you already have it.")
    assert told == [] and not banks.notice.isHidden()       # said once, on the page (review, session 39: twice)
    assert banks.current().id == "airwallex"
    edited = tmp_path / "airwallex-edit.toml"
    edited.write_text(same.read_text().replace('title = "', 'title = "My edit of ', 1))
    assert banks.import_file(edited)
    first = banks.current()
    assert first.id == "airwallex-imported" and first.job.title.endswith("(imported)")
    assert not banks.import_file(edited) and len(services.registry.banks) == count + 1
    assert banks.notice.text().startswith(f"airwallex-edit.toml is the same bank as “{first.name}”") and told == []
    edited.write_text(edited.read_text().replace("[job]", "# my note\n[job]", 1))     # changed since: both kept
    assert banks.import_file(edited)
    second = banks.current()
    assert second.id != first.id and second.job.title == first.job.title.replace("(imported)", "(imported 2)")


def test_a_file_dropped_into_the_folder_with_her_banks_id_does_not_take_its_place(qtbot, services, data_home):
    """Walk50 finding 1: a friend's bank copied into the banks folder as ward-clash.toml, with the id of the
    candidate's practised bank, was listed in its place after More > Reload, and her own file was the one refused."""
    import os

    window = make_window(qtbot, services, data_home)
    banks = window.banks
    mine = paths.user_banks_dir() / "ward-manager.toml"
    mine.write_text((BANKS / "airwallex.toml").read_text().replace('id = "airwallex"', 'id = "ward"', 1))
    banks.reload()
    name = services.registry.find("ward").name
    clash = paths.user_banks_dir() / "a-ward-clash.toml"
    clash.write_text(mine.read_text().replace('title = "Infrastructure / Platform Engineer"', 'title = "Elderly Care"'))
    os.utime(clash, (1, 1))
    banks.reload()
    assert services.registry.find("ward").source == mine
    assert [banks.list.item(i).text().split("\n")[0] for i in range(banks.list.count())].count(name) == 1
    said = banks.errors.toPlainText()
    # the holder as she knows it, its title and file name; the whole path only where she goes to the file (session 40)
    assert not banks.errors.isHidden() and f"{clash.name}: job.id: 'ward' is already the id of “{name}” ({mine.name})" in said
    assert str(mine) not in said and str(clash) not in said, said
    assert banks.errors.document().find("Open the file").charFormat().toolTip() == str(clash)     # the link's tooltip
    assert "More > Import a bank file…, which offers to keep both" in said and "›" not in said, said
    assert "To use this one too, give it another id (job.id), or import it with More > Import" in said, said


def test_a_file_refused_for_the_id_of_her_broken_file_says_fix_it_or_remove_it(qtbot, services, data_home):
    """fixCI: her file broken mid-edit (in a text editor) while a friend's same-id file sat in the folder: after More >
    Reload the friend's bank was offered under her id, with her answers. Her file keeps the id; the page says which
    file to fix or remove, in the words `banks list` uses, and the editor's id check names it too."""
    import os

    window = make_window(qtbot, services, data_home)
    banks = window.banks
    mine = paths.user_banks_dir() / "ward-manager.toml"
    good = (BANKS / "airwallex.toml").read_text().replace('id = "airwallex"', 'id = "ward"', 1)
    mine.write_text(good)
    banks.reload()
    clash = paths.user_banks_dir() / "a-ward-clash.toml"
    clash.write_text(good.replace('title = "Infrastructure / Platform Engineer"', 'title = "Elderly Care"'))
    os.utime(clash, (1, 1))
    mine.write_text(good + "\n[[rounds\n")                          # half typed
    banks.reload()
    assert services.registry.find("ward") is None
    said = " ".join(banks.errors.toPlainText().split())
    assert (f"{clash.name}: job.id: 'ward' is already the id of {mine.name}, which has not loaded, so this file was not loaded "
            "either. Fix ward-manager.toml or remove it; to use this one too, give it another id (job.id)") in said, said
    banks.new_bank()
    type_into(qtbot, banks.editor, "id", "ward")
    texts = [banks.editor.problems.item(i).text() for i in range(banks.editor.problems.count())]
    assert any("'ward' is already the id of ward-manager.toml, which has not loaded" in t for t in texts), texts
    elsewhere = data_home / "ward-copy.toml"                          # imported meanwhile: said, not copied in
    elsewhere.write_text(clash.read_text())
    assert not banks.import_file(elsewhere) and not (paths.user_banks_dir() / "ward-copy.toml").exists()
    assert banks.notice.text() == ("ward-copy.toml was not imported: 'ward' is already the id of ward-manager.toml, which has "
                                   "not loaded. Fix ward-manager.toml or remove it; to use this one too, give it another "
                                   "id (job.id)."), banks.notice.text()


@pytest.mark.parametrize("kind", ["own", "bundled", "broken"])
def test_the_banks_page_and_banks_list_say_what_to_do_in_the_same_words(kind):
    """fixCI: the GUI said "give it another id (job.id)", `banks list` "give it another job.id": one thing, two
    wordings. Where they say the same thing the words are the same; only menus and shell steps differ."""
    from voiceprep.cli.banks_cmd import clash_todo as said_in_a_terminal
    from voiceprep.core.banks.load import IdHolder
    from voiceprep.gui.widgets.banks import clash_todo as said_here

    holder = IdHolder("ward", "/banks/ward-manager.toml", "" if kind == "broken" else "Riverside ward",
                      bundled=kind == "bundled", loaded=kind != "broken")
    gui, cli = said_here(holder), said_in_a_terminal(holder, "move")
    shared = "to use this one too, give it another id (job.id)"
    assert shared in gui and shared in cli
    if kind == "broken":
        assert gui == cli == f"fix ward-manager.toml or remove it; {shared}"
    else:
        assert ">" not in cli and "Import a bank file" in gui
        assert ("over /banks/ward-manager.toml" in cli) == (kind == "own"), cli


def test_a_problem_naming_another_line_still_gets_its_line_in_front():
    """Review (session 39): `_at_line` tested `"line 1" in said`, so a problem on line 1 naming line 12 lost its
    "line 1:"; only the problem's own line counts as named."""
    from voiceprep.gui.widgets.banks import _at_line

    assert _at_line(1, "the table opened on line 12 is not closed") == "line 1: the table opened on line 12 is not closed"
    assert _at_line(8, "a duplicate key on line 8") == "A duplicate key on line 8"


def test_a_bank_too_big_is_told_to_be_split_not_fixed_in_a_text_editor(tmp_path):
    """Review (session 39): under "split it into smaller banks, one for each round or two" the import and the editor
    added "Fix it in a text editor", which is no help for a file too big."""
    from tests.core.banks.test_load import GOOD
    from voiceprep.core.banks import BankLoadError
    from voiceprep.core.banks.load import SPLIT_IT
    from voiceprep.gui.widgets.banks import import_problem, open_problem

    big = tmp_path / "big.toml"
    big.write_text(GOOD + ("#" * 99 + "\n") * 3_000)      # many lines: no one of them makes it big
    with pytest.raises(BankLoadError) as raised:
        load_bank(big)
    errors = raised.value.errors
    for said in (import_problem(big, errors)[0], open_problem("Big", big, errors)):
        assert said.count(SPLIT_IT) == 1 and "text editor" not in said, said


def test_the_tree_wraps_a_long_prompt_and_gives_its_whole_text_to_hover_and_a_screen_reader(qtbot, services, data_home):
    """walk55 finding 7: the tree cut every prompt and key point at 70 characters and again at its pane's width
    ("Tell me about a payment system you design…"), at 1366 and at 2560/150 %: what told two apart was cut off. A row
    wraps to the pane's width, taller than one line; its whole text is the tooltip and the accessible text."""
    window = make_window(qtbot, services, data_home)
    window.resize(1366, 768)
    window.nav.setCurrentRow(3)
    window.banks.select_bank("senior-backend-payments")
    window.banks.edit_current()
    editor = window.banks.editor
    qtbot.waitUntil(lambda: editor.tree.topLevelItemCount() > 2, timeout=10000)
    prompt = editor.tree.topLevelItem(2).child(0)
    point = prompt.child(4)
    full = point.toolTip(0)
    assert point.text(0) == "• Why it mattered: no lost or duplicated money, fewer incidents" and "…" not in full
    assert point.data(0, Qt.ItemDataRole.AccessibleTextRole) == point.text(0)
    whole = prompt.data(0, Qt.ItemDataRole.AccessibleTextRole)
    assert whole.startswith("Tell me about a payment system you designed") and whole.endswith("How did you keep it reliable?")
    assert prompt.text(0) == whole and not prompt.text(0).endswith("…")
    editor.tree.resize(300, 600)
    qtbot.wait(50)
    one_line = editor.tree.fontMetrics().lineSpacing()
    assert editor.tree.visualItemRect(prompt).height() >= 3 * one_line, editor.tree.visualItemRect(prompt)
    assert editor.tree.visualItemRect(editor.tree.topLevelItem(1)).height() < 2 * one_line     # "Competencies (sum 1)"


def test_each_tree_row_is_as_tall_as_its_text_as_drawn_and_a_long_label_is_cut_at_tree_text_chars(qtbot, services,
                                                                                                 data_home):
    """read41b 4: at 1366 a key point's row was measured 2 px narrower than Qt draws its text (8 px taken off for
    the margins, 6 drawn), so it was three lines tall with two drawn, the third empty. Each row of Airwallex's tree
    has the lines its text takes where it is drawn; its 185-character label is cut to TREE_TEXT_CHARS, whole in its
    tooltip and to a screen reader."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QStyle

    from voiceprep.settings import TREE_ROW_PAD_PX, TREE_TEXT_CHARS

    window = make_window(qtbot, services, data_home)
    window.resize(1366, 768)
    window.nav.setCurrentRow(3)
    window.banks.select_bank("airwallex")
    window.banks.edit_current()
    tree = window.banks.editor.tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 2, timeout=10000)
    tree.expandAll()
    qtbot.wait(50)
    items = []

    def walk(it):
        items.append(it)
        for i in range(it.childCount()):
            walk(it.child(i))
    for i in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(i))
    label = next(it for it in items if it.text(0).startswith("• The hard problems under it"))
    whole = label.data(0, Qt.ItemDataRole.AccessibleTextRole)
    assert len(whole) > TREE_TEXT_CHARS and whole in label.toolTip(0), whole
    assert len(label.text(0)) == TREE_TEXT_CHARS and label.text(0).endswith("…") and whole.startswith(label.text(0)[:-1])
    margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1     # Qt's, each side
    line = tree.fontMetrics().lineSpacing()
    drawn = [(it.text(0), (tree.visualItemRect(it).height() - TREE_ROW_PAD_PX) // line,
              tree.fontMetrics().boundingRect(QRect(0, 0, tree.visualItemRect(it).width() - 2 * margin, 100000),
                                              int(Qt.TextFlag.TextWordWrap), it.text(0)).height() // line)
             for it in items if tree.visualItemRect(it).isValid()]
    assert len(drawn) == len(items) > 30
    assert [d for d in drawn if d[1] != d[2]] == [], drawn


def test_tree_rows_are_measured_again_when_the_vertical_scroll_bar_comes(qtbot):
    """fixDC (mendB noticed): were the tree's rows measured for the width without the vertical scroll bar only, a row
    that fitted one line before the bar came (the tree's own size unchanged: the bank opened, its rounds expanded) would
    be drawn in two, its second line cut. The tree is laid out again when its viewport is resized (WrappingTree's
    resizeEvent, which QAbstractScrollArea also sends the viewport's resizes: without it the row stays one line)."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QStyle, QTreeWidgetItem

    from voiceprep.gui.widgets.bank_editor import WrappingTree, set_row_text
    from voiceprep.settings import TREE_ROW_PAD_PX

    tree = WrappingTree()
    tree.setHeaderHidden(True)
    tree.setRootIsDecorated(False)
    tree.resize(420, 300)
    qtbot.addWidget(tree)
    tree.show()
    qtbot.waitExposed(tree)
    margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1
    metrics, bar = tree.fontMetrics(), tree.verticalScrollBar().sizeHint().width()
    wide = tree.viewport().width() - tree.indentation() - 2 * margin     # a child row's text, no scroll bar
    text = "measured"
    while metrics.horizontalAdvance(text + " again") < wide - bar:
        text += " again"
    while metrics.horizontalAdvance(text) <= wide - bar:
        text += " i"
    assert wide - bar < metrics.horizontalAdvance(text) <= wide - 2, (wide, bar, metrics.horizontalAdvance(text))
    parent = QTreeWidgetItem(tree)
    set_row_text(parent, "Round: the rows under it expanded bring the scroll bar")
    first = QTreeWidgetItem(parent)
    set_row_text(first, text)
    for i in range(40):
        set_row_text(QTreeWidgetItem(parent), f"row {i}")
    qtbot.wait(50)
    assert not tree.verticalScrollBar().isVisible()
    tree.expandAll()
    line = metrics.lineSpacing()
    assert tree.visualItemRect(first).height() < 2 * line                  # measured before the bar came: one line
    qtbot.waitUntil(lambda: tree.verticalScrollBar().isVisible(), timeout=5000)
    drawn = metrics.boundingRect(QRect(0, 0, tree.visualItemRect(first).width() - 2 * margin, 100000),
                                 int(Qt.TextFlag.TextWordWrap), text).height() // line
    assert drawn == 2
    qtbot.waitUntil(lambda: (tree.visualItemRect(first).height() - TREE_ROW_PAD_PX) // line == drawn, timeout=3000)


def test_a_huge_paste_into_a_key_point_is_said_too_long_where_it_is_and_nothing_is_lost(qtbot, services, data_home):
    """walk61 1: 352,200 characters of notes pasted into a key point's box held the window for minutes (and again on
    Undo), put "Monday" and "SQL" into the Vocabulary, and the only word was the whole file's size with the advice to
    split the bank. The label's length is said under the box and in the problems, at the key point, with what to do;
    its words are not read for names; what was pasted is kept, and Undo brings the label back."""
    _window, editor = new_bank_in_active_window(qtbot, services, data_home)
    type_into(qtbot, editor, "title", "Data Analyst")
    editor.select(("rounds", 0, "prompts", 0))
    type_into(qtbot, editor, "text", "Tell me about a time you worked with patient data.")
    editor.add_key_point()
    point = editor.doc.key_point_paths()[-1]
    editor.select(point)
    type_into(qtbot, editor, "label", "I gave access only to the people who needed it")
    vocabulary = editor.doc.bank().vocabulary
    limit = editor.limits.max_label_chars
    for paste in ("We met on Monday and ran the SQL on Friday. " * 20, "We met on Monday and ran the SQL. " * 10_000):
        box = field(editor, "label")
        box.setPlainText(paste)                                 # Ctrl+A, Ctrl+V
        editor.commit()
        hint = editor.findChild(QLabel, "label_hint")
        assert hint.text().startswith(f"Too long: this key point is {len(paste.strip()):,} characters; a key point is at "
                                      f"most {limit}: keep the one thing you want to say"), hint.text()
        problems = [editor.problems.item(i).text() for i in range(editor.problems.count())]
        said = [p for p in problems if "a key point is at most" in p]
        assert said and "“We met on Monday and ran the SQL" in said[0], problems
        assert f"Key point is {len(paste.strip()):,} characters" in said[0]
        assert not any("split it into smaller banks" in p or "long (" in p for p in problems), problems
        assert editor.doc.get(point, "label") == paste.strip()  # nothing lost
        assert (editor.doc.get((), "vocabulary", []) or []) == list(vocabulary)      # no names read from the paste
    editor.undo()
    assert editor.doc.get(point, "label") == ("We met on Monday and ran the SQL on Friday. " * 20).strip()
    editor.undo()
    assert editor.doc.get(point, "label") == "I gave access only to the people who needed it"


def test_a_duplicate_key_point_id_names_the_point_that_has_it_in_the_candidates_words(qtbot, services, data_home):
    """walk61 2: "…: Id duplicate key point id 'got-information-governance' (first used on line 92)": ungrammatical,
    and line 92 is of a file she never opened in the editor. The point that has the id is named by its words."""
    _window, editor = new_bank_in_active_window(qtbot, services, data_home)
    type_into(qtbot, editor, "title", "Data Analyst")
    editor.select(("rounds", 0, "prompts", 0))
    type_into(qtbot, editor, "text", "Tell me about a time you worked with patient data.")
    editor.add_key_point()
    first = editor.doc.key_point_paths()[-1]
    editor.select(first)
    type_into(qtbot, editor, "label", "I got information governance approval before starting")
    type_into(qtbot, editor, "id", "got-information-governance")
    editor.add_key_point()
    second = editor.doc.key_point_paths()[-1]
    editor.select(second)
    type_into(qtbot, editor, "label", "I gave access only to the people who needed it")
    type_into(qtbot, editor, "id", "got-information-governance")
    problems = [editor.problems.item(i).text() for i in range(editor.problems.count())]
    said = [p for p in problems if "got-information-governance" in p]
    assert said == ["Round 1 › “Tell me about a time you worked with pa…” › “I gave access only to the people who ne…”: "
                    "Id “got-information-governance” is already the id of the key point “I got information governance "
                    "approval before starting”: give this key point another id (More › Id), lowercase with dashes"], problems


def test_a_competency_is_tied_to_delivery_in_the_form_and_saved_as_the_readme_writes_it(qtbot, services, data_home):
    """walk61 4: `delivery` and `delivery_weight` (question_banks/README.md, "Delivery in a competency") could only be
    written in the TOML by hand. The competency form ticks the measures and sets their share, said plainly; they are
    saved to the same fields, read back when the bank is opened again, and taken out when unticked."""
    from PySide6.QtWidgets import QCheckBox

    from voiceprep.core.banks.document import BankDocument
    from voiceprep.gui.widgets.bank_editor import DELIVERY_EXPLAINED

    window = make_window(qtbot, services, data_home)
    window.banks.new_bank()
    editor = window.banks.editor
    type_into(qtbot, editor, "id", "walk61-delivery")
    type_into(qtbot, editor, "title", "Data Analyst")
    editor.add_competency()
    type_into(qtbot, editor, "name", "Clear communicator")
    field(editor, "weight").setValue(1.0)
    editor.commit()
    texts = [w.text() for w in editor.findChildren(QLabel)]
    assert DELIVERY_EXPLAINED in texts
    share = field(editor, "delivery_weight")
    assert not share.isEnabled()                                   # nothing ticked: no share to set
    editor.findChild(QCheckBox, "delivery_fillers").setChecked(True)
    editor.findChild(QCheckBox, "delivery_structure").setChecked(True)
    assert share.isEnabled()
    share.setValue(0.4)
    editor.commit()
    comp = ("competencies", 0)
    assert editor.doc.get(comp, "delivery") == ["fillers", "structure"] and editor.doc.get(comp, "delivery_weight") == 0.4
    path = editor.save()
    assert path is not None and not editor.doc.problems()
    bank = load_bank(path)
    assert bank.competencies[0].delivery == ("fillers", "structure") and bank.competencies[0].delivery_weight == 0.4
    assert "delivery = [" in path.read_text(encoding="utf-8") and "delivery_weight = 0.4" in path.read_text(encoding="utf-8")
    editor.open_document(BankDocument.open(path))                    # as after a restart
    editor.select(comp)
    assert editor.findChild(QCheckBox, "delivery_fillers").isChecked()
    assert editor.findChild(QCheckBox, "delivery_structure").isChecked()
    assert not editor.findChild(QCheckBox, "delivery_pace").isChecked()
    assert field(editor, "delivery_weight").value() == 0.4
    editor.findChild(QCheckBox, "delivery_fillers").setChecked(False)
    editor.findChild(QCheckBox, "delivery_structure").setChecked(False)
    editor.commit()
    assert editor.doc.get(comp, "delivery") is None and editor.doc.get(comp, "delivery_weight") is None
    assert not editor.doc.problems()


def test_the_add_menus_items_have_mnemonics_and_ctrl_n_then_a_letter_adds(qtbot, services, data_home):
    """walk63 9: the Add menu (Ctrl+N) had no underlined letters; each item has its own, and Ctrl+N then R adds a
    round."""
    _window, editor = new_bank_in_active_window(qtbot, services, data_home)
    letters = []
    for act in editor.add_menu.actions():
        assert act.text().count("&") == 1, act.text()
        letters.append(act.text()[act.text().index("&") + 1].lower())
    assert len(set(letters)) == len(letters) == 4, letters
    rounds = editor.doc.count((), "rounds")
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(editor.add_menu.isVisible)
    qtbot.keyClick(editor.add_menu, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: editor.doc.count((), "rounds") == rounds + 1, timeout=5000)


def test_invisible_characters_pasted_into_a_field_are_cleaned_on_save_and_said_once(qtbot, services, data_home):
    """walk63 3: a label pasted with a zero-width space, a joiner, a byte order mark and a soft hyphen was saved with
    them, invisible in every view, and spoken and shown in the follow-up built from it. They are taken out as the
    field is kept, the save says so once, and an emoji stays (the voice does not say it: speech.pronounce)."""
    window = make_window(qtbot, services, data_home)
    window.banks.new_bank()
    editor = window.banks.editor
    type_into(qtbot, editor, "title", "Backend platform")
    type_into(qtbot, editor, "id", "backend-platform")
    prompt = ("rounds", 0, "prompts", 0)
    editor.select(prompt)
    editor.add_key_point()
    label = field(editor, "label")                    # pasted (QTest types no character outside the BMP)
    label.setFocus()
    label.selectAll()
    label.insertPlainText("\ufeffA trade\u2011off I made\u200b between consis\u00adtency and availa\u200dbility 🙂")
    editor.commit()
    written = editor.save()
    assert written is not None
    saved = written.read_text(encoding="utf-8")
    assert not any(ch in saved for ch in "\u200b\u200d\ufeff\u00ad"), ascii(saved)
    assert "A trade\u2011off I made between consistency and availability 🙂" in saved
    said = editor.status.text()
    assert said.count("invisible") == 1 and re.search(r"Took out [34] invisible characters", said), said   # Qt drops a BOM
    editor.select(prompt)
    type_into(qtbot, editor, "text", "Tell me about a system you kept available.")
    editor.save()
    assert "invisible" not in editor.status.text(), editor.status.text()          # said once, for that save


def test_a_questions_own_vocabulary_is_shown_and_saved_on_its_form(qtbot, services, data_home):
    """hints50 (walk64 5): the prompt form has its own Vocabulary box, beside the Job form's bank-wide one: the
    Airwallex Disruptor question's terms are shown there, one per line, and a term typed there is saved for that
    question only."""
    window = make_window(qtbot, services, data_home)
    banks = window.banks
    banks.select_bank("airwallex")
    banks.edit_current()
    editor = banks.editor
    editor.select(("rounds", 0, "prompts", 0))
    assert field(editor, "vocabulary").toPlainText() == ""
    editor.select(("rounds", 0, "prompts", 3))
    box = field(editor, "vocabulary")
    assert box.toPlainText() == "ring buffer\nsingle writer\nsequencer"
    box.setPlainText(box.toPlainText() + "\nmatching engine")
    editor.commit()
    editor.save()
    bank = load_bank(editor.doc.path)
    assert bank.prompt("hardest-problem").vocabulary == ("ring buffer", "single writer", "sequencer", "matching engine")
    assert bank.vocabulary == load_bank(BANKS / "airwallex.toml").vocabulary
    assert all(not p.vocabulary for p in bank.all_prompts() if p.id != "hardest-problem")


def crowded_terms_tips(qtbot, services, data_home, label: str) -> tuple[BankEditor, list[str]]:
    """A new bank's first question with a key point `label` (no tip yet), then 30 names in the bank's Vocabulary: the
    editor and its crowded-terms tips on that question."""
    window = make_window(qtbot, services, data_home)
    window.show()
    window.banks.new_bank()
    editor = window.banks.editor
    editor.select(("rounds", 0, "prompts", 0))
    editor.add_key_point()
    type_into(qtbot, editor, "label", label)
    assert not editor.hints, editor.hints
    editor.doc.set((), "vocabulary", [f"Supplier{i}" for i in range(30)])
    editor._after_change()
    return editor, [text for field, text in editor.hints if field == "rounds[0].prompts[0].vocabulary"]


def test_a_question_whose_own_terms_the_vocabulary_crowds_out_gets_a_tip(qtbot, services, data_home):
    """read49a 8, read48c 6: a long bank Vocabulary filled the transcriber's 24 hints before a question's own names,
    and the editor said nothing. A tip on that question names what is left out; shortening the Vocabulary clears it."""
    editor, tips = crowded_terms_tips(qtbot, services, data_home, "I moved reconciliation onto Kubernetes with Debezium")
    assert len(tips) == 1 and "24 terms at most" in tips[0] and "“Debezium”" in tips[0], editor.hints
    editor.doc.set((), "vocabulary", ["Supplier1"])
    editor._after_change()
    assert not editor.hints, editor.hints


def test_the_crowded_terms_tip_says_one_term_in_the_singular(qtbot, services, data_home):
    """read51b 4: with one of the question's own terms left out the tip said "1 term of this question's own are
    left out … so they are heard"."""
    _editor, tips = crowded_terms_tips(qtbot, services, data_home, "I moved reconciliation onto Debezium")
    assert len(tips) == 1 and "1 term of this question's own is left out (“Debezium”)" in tips[0], tips
    assert "so it is heard" in tips[0], tips


def test_notes_dialog_sets_one_competency_for_the_ticked_points_and_they_load_without_a_problem(
        qtbot, services, data_home, monkeypatch):
    """Walk67 5: in a bank with competencies, each point Key points from my notes added had "(none)": five red
    "Competency is empty" problems, fixed one by one by keyboard. The dialog offers the bank's competencies once for
    all the ticked points, first the one a new point of the prompt takes; the points are added with it."""
    from voiceprep.core.banks.new_point import default_competency

    no_question(monkeypatch)
    _window, editor = new_bank_in_active_window(qtbot, services, data_home)
    editor.add_competency()
    editor.add_competency()
    ids = [editor.doc.get(("competencies", i), "id") for i in range(2)]
    prompt_path = ("rounds", 0, "prompts", 0)
    editor.select(prompt_path)
    before = editor.doc.count(prompt_path, "key_points")
    first = default_competency(editor.doc, prompt_path)[0]
    other = next(c for c in ids if c != first)
    seen: list[tuple[str | None, bool]] = []

    def pick_then_add():
        dialog = QApplication.activeModalWidget()
        dialog.notes.setPlainText("Moved the ledger to Kafka.\nCut payout errors by 40%.\nLed the on-call rota.")
        dialog.propose_btn.click()
        for i in range(dialog.list.count()):
            tick(dialog, i)
        box = dialog.competency_box
        seen.append((box.currentData() if box.currentIndex() >= 0 else None, dialog.add_btn.isEnabled()))
        box.setCurrentIndex(box.findData(other))
        dialog.add_btn.click()
    when_modal(pick_then_add)
    editor.key_points_from_notes()
    assert seen == [(first, first is not None)]       # the default offered; with none yet, Add waits for a pick
    added = [("rounds", 0, "prompts", 0, "key_points", k) for k in range(before, editor.doc.count(prompt_path, "key_points"))]
    assert len(added) == 3 and all(editor.doc.get(kp, "competency") == other for kp in added)
    assert not any("Competency is empty" in t for t in problem_texts(editor)), problem_texts(editor)


def test_notes_dialog_competency_pick_is_asked_before_adding_and_space_presses_add(qtbot, monkeypatch):
    """Walk67 5 and 7: with no competency to start from, Add waits for one and the dialog says why; a bank without
    competencies asks nothing. Space on the focused "Add N ticked key points" presses it, as on any button."""
    dialog = NotesDialog(None, "Moved the ledger to Kafka.\nCut payout errors by 40%.", "",
                         competencies=[("delivery", "Delivery"), ("ownership", "Ownership")])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.propose_btn.click()
    assert sum(dialog.ticked()) == 2 and dialog.competency() is None
    assert not dialog.add_btn.isEnabled() and "pick the one" in dialog.competency_note.text()
    dialog.competency_box.setFocus()
    qtbot.keyClick(dialog.competency_box, Qt.Key.Key_Down)
    assert dialog.competency() == "delivery" and dialog.add_btn.isEnabled()
    dialog.add_btn.setFocus()
    qtbot.waitUntil(lambda: dialog.add_btn.hasFocus(), timeout=5000)
    qtbot.keyClick(dialog.add_btn, Qt.Key.Key_Space)
    assert dialog.result() == NotesDialog.DialogCode.Accepted and not dialog.isVisible()
    plain = NotesDialog(None, "Moved the ledger to Kafka.", "")
    qtbot.addWidget(plain)
    plain.propose_btn.click()
    assert plain.competency_box.isHidden() and plain.competency() is None and plain.add_btn.isEnabled()
    chosen = NotesDialog(None, "", "", competencies=[("delivery", "Delivery"), ("ownership", "Ownership")],
                         competency="ownership")
    qtbot.addWidget(chosen)
    assert chosen.competency() == "ownership"


def test_notes_dialog_opening_text_says_add_waits_for_a_competency(qtbot):
    """read51b: mend59's competency choice greys Add until one is picked, and the dialog's opening text said only
    "then add the ticked ones". In a bank with competencies it says Add waits for one; without, nothing of them."""
    asked = NotesDialog(None, "", "", competencies=[("delivery", "Delivery"), ("ownership", "Ownership")])
    qtbot.addWidget(asked)
    assert asked.intro.text().endswith("then add the ticked ones, once you have picked their competency (this bank's "
                                       "key points each name one)."), asked.intro.text()
    plain = NotesDialog(None, "", "")
    qtbot.addWidget(plain)
    assert plain.intro.text().endswith("then add the ticked ones.") and "competency" not in plain.intro.text()


def test_practice_offers_another_round_only_when_the_bank_has_one():
    """read51b: "Press Start round to begin “Round 02”, or choose another round." was said of a bank with one round."""
    from voiceprep.core.banks import parse_bank
    from voiceprep.gui.widgets.practice import CHOOSE_ROUND, choice_text

    two_text = """
schema = 1
[job]
id = "two"
title = "Two rounds"
[[rounds]]
id = "r1"
title = "Phone screen"
[[rounds.prompts]]
id = "p1"
text = "Tell me about a migration you led."
[[rounds.prompts.key_points]]
id = "k1"
label = "I planned the cutover"
[[rounds]]
id = "r2"
title = "Onsite"
[[rounds.prompts]]
id = "p2"
text = "Tell me about an outage you handled."
[[rounds.prompts.key_points]]
id = "k2"
label = "I rolled back the release"
"""
    two = parse_bank(two_text)
    one = parse_bank(two_text.split("[[rounds]]\nid = \"r2\"")[0])
    assert len(one.rounds) == 1 and len(two.rounds) == 2
    assert choice_text(one, "r1") == "Press Start round to begin “Phone screen”."
    assert choice_text(two, "r2") == "Press Start round to begin “Onsite”, or choose another round."
    assert choice_text(one, "r1", "Mine") == "Your bank “Mine” is ready: press Start round to begin “Phone screen”."
    assert choice_text(two, "r1", "Mine").endswith("begin “Phone screen”, or choose another round.")
    assert choice_text(None, None) == CHOOSE_ROUND


def test_a_bank_file_added_while_the_app_runs_shows_without_reload_and_the_editor_keeps_its_text(
        qtbot, services, data_home):
    """walk67 7: a broken bank file dropped into the banks folder while the app ran showed only after More > Reload.
    The folder is watched: its problem (file, line, what to do) shows by itself, on Banks and Practice, and once the
    file is fixed and saved the bank is listed. The bank being written in the editor is not touched."""
    from voiceprep.gui.widgets.banks import ID_ROLE

    window = make_window(qtbot, services, data_home)
    banks = window.banks
    banks.new_bank()
    editor = banks.editor
    type_into(qtbot, editor, "title", "Half-written bank")
    good = (BANKS / "airwallex.toml").read_text().replace('id = "airwallex"', 'id = "dropped-in"', 1)
    title = next(line for line in good.splitlines() if line.startswith("title = "))
    broken = paths.user_banks_dir() / "broken.toml"
    broken.write_text(good.replace(title, title[:-1], 1))
    qtbot.waitUntil(lambda: "broken.toml:" in banks.errors.toPlainText(), timeout=10000)
    said = banks.errors.toPlainText()
    assert "a quoted text is not closed on line" in said and "Fix the file and save it" in said, said
    assert "broken.toml" in window.practice.bank_problems_btn.text()
    assert banks.pages.currentWidget() is editor and field(editor, "title").text() == "Half-written bank"
    broken.write_text(good)                                     # fixed and saved in a text editor
    qtbot.waitUntil(lambda: services.registry.find("dropped-in") is not None and not services.registry.errors,
                    timeout=10000)
    assert "dropped-in" in [banks.list.item(i).data(ID_ROLE) for i in range(banks.list.count())]
    assert banks.errors.isHidden() and not window.practice.bank_problems_btn.text()
    assert banks.pages.currentWidget() is editor and field(editor, "title").text() == "Half-written bank"


def test_a_bank_file_saved_by_replacing_it_is_watched_again_at_once_not_after_the_read(qtbot, services, data_home):
    """read52b 2: an editor's atomic save (a new file renamed over the old one) drops the file out of the watch; it was
    watched again only once the folder had been read, after BANKS_SETTLE_MS and the read. Written in place in between
    (by a second save, a sync tool), the change was never read: the list kept the file's old text or old problem."""
    import os

    window = make_window(qtbot, services, data_home)
    banks = window.banks
    good = (BANKS / "airwallex.toml").read_text().replace('id = "airwallex"', 'id = "replaced"', 1)
    mine = paths.user_banks_dir() / "replaced.toml"
    mine.write_text(good)
    qtbot.waitUntil(lambda: services.registry.find("replaced") is not None and str(mine) in banks._watcher.files()
                    and not banks._reading and not banks._settle.isActive(), timeout=10000)     # every read done
    banks._settle.setInterval(60_000)           # the read far off: what is watched meanwhile is the watcher's own doing
    swap = mine.parent / ".replaced.toml.swap"
    swap.write_text(good.replace('title = "', 'title = "Replaced ', 1))
    os.replace(swap, mine)
    qtbot.wait(300)                             # the watcher's events for it handled (watched still, before them)
    assert str(mine) in banks._watcher.files()
    banks._settle.setInterval(50)
    mine.write_text(good.replace('title = "', 'title = "In place ', 1))         # written in place now: seen and read
    qtbot.waitUntil(lambda: services.registry.find("replaced").job.title.startswith("In place "), timeout=10000)


TWO_ROUNDS = """schema = 1
[job]
id = "two"
title = "Two rounds"
[[rounds]]
id = "r1"
title = "Phone screen"
[[rounds.prompts]]
id = "p1"
text = "Tell me about a migration you led."
[[rounds.prompts.key_points]]
id = "k1"
label = "I planned the cutover"
[[rounds]]
id = "r2"
title = "Onsite"
[[rounds.prompts]]
id = "p2"
text = "Tell me about an outage you handled."
[[rounds.prompts.key_points]]
id = "k2"
label = "I rolled back the release"
"""


def test_practice_keeps_the_bank_chosen_through_its_file_failing_once_while_it_is_edited(qtbot, services, data_home):
    """read52b 3: with Banks watching the folder, a save of the candidate's bank file that does not load (a text
    editor's autosave, half-typed) is read at once: Practice showed the first bank instead, and kept showing it once
    the file was fixed; Start round began another bank's round. The bank and round chosen come back with the file."""
    window = make_window(qtbot, services, data_home)
    practice = window.practice
    mine = paths.user_banks_dir() / "two.toml"
    mine.write_text(TWO_ROUNDS)
    qtbot.waitUntil(lambda: practice.bank_box.findData("two") >= 0, timeout=10000)
    practice.bank_box.setCurrentIndex(practice.bank_box.findData("two"))
    practice.round_box.setCurrentIndex(practice.round_box.findData("r2"))
    mine.write_text(TWO_ROUNDS.replace("[job]", "[job", 1))                 # saved half-typed
    qtbot.waitUntil(lambda: "two.toml" in practice.bank_problems_btn.text(), timeout=10000)
    assert practice.bank_box.currentData() != "two"
    mine.write_text(TWO_ROUNDS)                                              # fixed
    qtbot.waitUntil(lambda: not practice.bank_problems_btn.text(), timeout=10000)
    assert (practice.bank_box.currentData(), practice.round_box.currentData()) == ("two", "r2")
    assert "“Onsite”" in practice.position.text()
    # a bank the candidate chose meanwhile stands
    mine.write_text(TWO_ROUNDS.replace("[job]", "[job", 1))
    qtbot.waitUntil(lambda: "two.toml" in practice.bank_problems_btn.text(), timeout=10000)
    other = next(i for i in range(practice.bank_box.count()) if i != practice.bank_box.currentIndex())
    practice.bank_box.setCurrentIndex(other)
    chosen = practice.bank_box.currentData()
    mine.write_text(TWO_ROUNDS)
    qtbot.waitUntil(lambda: not practice.bank_problems_btn.text(), timeout=10000)
    assert practice.bank_box.currentData() == chosen


@pytest.mark.xfail(strict=True, reason="read52b 4: History's bank filter falls back to All banks while the file fails "
                                       "to load and does not come back (Progress and the Banks list likewise)")
def test_history_keeps_its_bank_filter_through_the_file_failing_to_load_once(qtbot, services, data_home):
    """read52b 4: as Practice (read52b 3), History's bank filter goes to "All banks" when the chosen bank's file is
    read half-typed by the folder watch, and stays there once the file loads again."""
    window = make_window(qtbot, services, data_home)
    history = window.history
    mine = paths.user_banks_dir() / "two.toml"
    mine.write_text(TWO_ROUNDS)
    qtbot.waitUntil(lambda: history.bank_filter.findData("two") >= 0, timeout=10000)
    history.bank_filter.setCurrentIndex(history.bank_filter.findData("two"))
    mine.write_text(TWO_ROUNDS.replace("[job]", "[job", 1))
    qtbot.waitUntil(lambda: history.bank_filter.findData("two") < 0, timeout=10000)
    mine.write_text(TWO_ROUNDS)
    qtbot.waitUntil(lambda: history.bank_filter.findData("two") >= 0, timeout=10000)
    assert history.bank_filter.currentData() == "two"
