"""The bank editor's "Try it" (fixCH): a key point tried the way the candidate would say it, through the real judge
off the GUI thread; "Add as a cue" and the check again; a model still loading; nothing typed kept in the bank."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.app.test_trial import CANDOUR, DATIX, RANG, REPORTED
from tests.core.banks.bank_text import bank_text
from voiceprep.app import threads
from voiceprep.app.trial import STILL_LOADING
from voiceprep.core.analysis import embedder
from voiceprep.core.banks.document import BankDocument
from voiceprep.core.banks.load import BankError, BankLoadError
from voiceprep.gui import operations
from voiceprep.gui.widgets import bank_editor
from voiceprep.gui.widgets.bank_editor import BankEditor

POINT = ("rounds", 0, "prompts", 0, "key_points", 0)


@pytest.fixture
def editor(qtbot):
    status = embedder.warm_up()                 # the app loads it at start (MainWindow._load_judge)
    assert status.method == "semantic", status.message
    e = BankEditor()
    qtbot.addWidget(e)
    e.open_document(BankDocument(bank_text(CANDOUR, REPORTED)))
    e.resize(1000, 700)
    e.show()
    e.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is e)
    e.select(POINT)
    return e


def check(qtbot, editor, said: str) -> str:
    """Type `said` into Try it, press Enter, and wait for the result."""
    start(qtbot, editor, said)
    qtbot.waitUntil(lambda: editor.try_result.text() not in ("", "Checking…"), timeout=60000)
    return editor.try_result.text()


def test_a_concrete_wording_missed_then_added_as_a_cue_is_counted(qtbot, editor):
    said = check(qtbot, editor, RANG)
    assert said.startswith("Not counted for this point: ") and "“rang her daughter” would make it count" in said
    assert editor.try_result.accessibleName() == said                   # read by a screen reader
    assert editor.try_box.accessibleDescription() == said               # ... where the keyboard is
    add = editor.try_cue
    assert add.isVisible() and add.text() == "Add “rang her daughter” as a cue"
    add.setFocus()
    qtbot.keyClick(add, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: editor.try_result.text().startswith("Counted"), timeout=60000)
    assert "daughter" in editor.try_result.text() and not add.isVisible()
    assert editor.doc.get(POINT, "cues") == ["rang her daughter"]        # her words alone (semantic-59 keeps the label's)
    assert "Added “rang her daughter” to Cues" in editor.status.text()
    # the keyboard is in the Try it box, where Ctrl+Z undoes her typing, not the cue (review of fixCH 2)
    assert "The Undo button (or Ctrl+Z outside a text field) takes it out." in editor.status.text()
    assert editor.try_box.hasFocus()
    # nothing typed in the box is in the bank (its cues are)
    assert "daughter that afternoon" not in editor.doc.text()
    assert not threads.violations


def test_try_it_is_reached_by_tab_from_the_point_and_enter_checks(qtbot, editor):
    follow = next(f.widget for f in editor.fields if f.key == "follow_up")
    follow.setFocus()
    qtbot.keyClick(follow, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.try_box
    assert editor.try_box.accessibleName().startswith("Try it")
    qtbot.keyClick(editor.try_box, Qt.Key.Key_Return)                # empty: says what to do
    assert editor.try_result.text().startswith("Type a sentence or two")


def test_a_model_still_loading_says_so_and_checks_by_words(qtbot, editor):
    embedder.set_disabled(False)              # as before the app's start-up load ended
    try:
        said = check(qtbot, editor, "I told the family openly about it under duty of candour.")
        assert STILL_LOADING in said and said.startswith("Counted")
        assert not embedder.settled()          # the check did not load the model on its lane
    finally:
        embedder.warm_up()


class Held:
    """The bank editor's parse held until `gate` is set; `calls` counts the checks that reached it."""

    def __init__(self, monkeypatch):
        self.gate, self.started, self.calls = threading.Event(), threading.Event(), 0
        parse = bank_editor.parse_bank

        def held(*args, **kwargs):
            self.calls += 1
            self.started.set()
            assert self.gate.wait(30)
            return parse(*args, **kwargs)
        monkeypatch.setattr(bank_editor, "parse_bank", held)


def start(qtbot, editor, said: str) -> None:
    """Type `said` into Try it (replacing what is there) and press Enter, not waiting for the result."""
    box = editor.try_box
    box.setFocus()
    box.clear()
    qtbot.keyClicks(box, said)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def test_the_gui_thread_is_not_blocked_while_it_checks(qtbot, editor, monkeypatch):
    held = Held(monkeypatch)
    gate, started = held.gate, held.started
    box = editor.try_box
    box.setFocus()
    qtbot.keyClicks(box, RANG)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert editor.try_result.text() == "Checking…"
    qtbot.waitUntil(started.is_set)
    qtbot.keyClicks(box, " Then")                   # the window still takes keys while the judge works
    assert box.text().endswith(" Then")
    assert not operations.idle()
    gate.set()
    qtbot.waitUntil(lambda: editor.try_result.text().startswith("Not counted"), timeout=60000)
    assert not threads.violations


def test_what_was_typed_stays_with_the_point_not_in_the_bank_and_a_reworded_point_drops_its_old_result(qtbot, editor):
    check(qtbot, editor, RANG)
    editor.select(("rounds", 0, "prompts", 0, "key_points", 1))         # another point: its own, empty box
    assert editor.try_box.text() == ""
    editor.select(POINT)                                                # back: what she typed, kept while the
    assert editor.try_box.text() == RANG                                # editor is open, never in the bank
    assert "daughter" not in editor.doc.text()
    check(qtbot, editor, RANG)
    assert editor.try_result.isVisible()
    label = next(f.widget for f in editor.fields if f.key == "label")
    label.setFocus()
    qtbot.keyClicks(label, " and apologised")
    assert not editor.try_result.isVisible() and not editor.try_cue.isVisible()


def test_another_bank_opened_in_the_same_editor_has_an_empty_box_and_no_late_result(qtbot, editor, monkeypatch):
    """Review of fixCH 1: the Banks page keeps one editor for every bank; what was typed for bank A's first point
    showed under bank B's, and a check still running for A showed its result on B's point at the same place."""
    held = Held(monkeypatch)
    start(qtbot, editor, RANG)
    qtbot.waitUntil(held.started.is_set)
    editor.open_document(BankDocument(bank_text(REPORTED, CANDOUR)))     # another bank
    editor.select(POINT)
    assert editor.try_box.text() == "" and not editor.try_result.isVisible()
    held.gate.set()
    qtbot.waitUntil(operations.idle, timeout=60000)
    assert editor.try_result.text() == "" and not editor.try_cue.isVisible()


def test_what_was_typed_goes_with_its_point_when_another_takes_its_place(qtbot, editor):
    editor.try_box.setFocus()
    qtbot.keyClicks(editor.try_box, RANG)
    editor.remove_current()                             # the point "reported" is now the first
    editor.select(POINT)
    assert editor.doc.get(POINT, "id") == "reported" and editor.try_box.text() == ""
    editor.undo()
    editor.select(POINT)
    assert editor.doc.get(POINT, "id") == "candour" and editor.try_box.text() == RANG


def test_a_point_reworded_drops_any_result_and_a_check_still_running_for_it(qtbot, editor, monkeypatch):
    """Review of fixCH 4 and 6: rewording the point after "Type a sentence…" left it, and a check running showed its
    result of the point as it was; outdated checks waiting their turn were still run."""
    qtbot.keyClick(editor.try_box, Qt.Key.Key_Return)                    # empty: says what to do
    assert editor.try_result.isVisible()
    label = next(f.widget for f in editor.fields if f.key == "label")
    qtbot.keyClicks(label, " and")
    assert not editor.try_result.isVisible()
    held = Held(monkeypatch)
    for n, said in enumerate((RANG, DATIX), 1):     # two take the lane's two workers (each in before the next is
        start(qtbot, editor, said)                  # typed: one outdated before it began would stop at once)
        qtbot.waitUntil(lambda n=n: held.calls == n, timeout=30000)
    start(qtbot, editor, RANG)                      # the third waits its turn
    label = next(f.widget for f in editor.fields if f.key == "label")
    label.setFocus()
    qtbot.keyClicks(label, " apologised")
    assert not editor.try_result.isVisible()
    held.gate.set()
    qtbot.waitUntil(operations.idle, timeout=60000)
    assert editor.try_result.text() == "" and not editor.try_cue.isVisible()
    assert held.calls == 2                          # the third, outdated before it began, stopped before parsing


def test_add_as_a_cue_keeps_what_the_commit_said_about_the_vocabulary(qtbot, editor):
    """Review of fixCH 3: a name added to the Vocabulary was said, then overwritten by the add-cue sentence."""
    said = check(qtbot, editor, "I rang PALS that afternoon and apologised.")
    assert said.startswith("Not counted for this point: ") and "PALS" in editor.try_cue.text(), said
    editor.try_cue.click()
    status = editor.status.text()
    assert "PALS" in editor.doc.get((), "vocabulary", []), (status, editor.doc.text())
    assert status.startswith("Added “PALS” to the bank's Vocabulary") and ". Added “" in status, status


def test_a_check_blocked_by_the_bank_names_a_problem_listed_not_one_waiting(qtbot, editor):
    """Review of fixCH 5: the first error could be one `_waits` hides (a point just added, empty), while the result
    said "listed below"."""
    new = editor.add_key_point()
    assert new is not None and editor._untouched == new
    waiting = BankError("bank", 9, f"rounds[0].prompts[0].key_points[{new[-1]}].label", "must not be empty")
    listed = BankError("bank", 12, "rounds[0].prompts[0].follow_up", "must not be empty")
    said = editor._trial_problem(BankLoadError([waiting, listed]))
    assert "(listed below)" in said and "follow-up" in said.lower() and "key point" not in said.lower(), said
    said = editor._trial_problem(BankLoadError([waiting]))
    assert "listed below" not in said and "just added" in said, said


def test_a_cue_added_to_a_point_that_wrote_cues_needed_lowers_it_to_the_cues_there_are(qtbot, editor):
    """read40c: "Cues needed" 2 written on a point with no cues of its own; "Add as a cue" adds one line, and 2 of 1
    would not load: it is lowered to 1, said on the status line, and the bank still loads."""
    from voiceprep.core.banks.load import parse_bank

    editor.open_document(BankDocument(bank_text({**CANDOUR, "min_cues": 2}, REPORTED)))
    editor.select(POINT)
    said = check(qtbot, editor, RANG)
    assert "“rang her daughter” would make it count" in said, said
    editor.try_cue.click()
    qtbot.waitUntil(lambda: editor.try_result.text().startswith("Counted"), timeout=60000)
    assert editor.doc.get(POINT, "cues") == ["rang her daughter"] and editor.doc.get(POINT, "min_cues") == 1
    assert "(Cues needed lowered to 1)" in editor.status.text(), editor.status.text()
    parse_bank(editor.doc.text())
