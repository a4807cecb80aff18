"""fixDK (walk57 2c): the typed answer dialog (Ctrl+T) and the bank editor's Try it say the same rule for typed words
(core.wording.TYPED_AND_TRIED): a typed answer is read as written, Try it reads them as a spoken answer is heard."""

from __future__ import annotations

from tests.app.test_trial import CANDOUR, REPORTED
from tests.core.banks.bank_text import bank_text
from voiceprep.core.banks.document import BankDocument
from voiceprep.core.wording import TYPED_AND_TRIED
from voiceprep.gui.widgets.bank_editor import BankEditor
from voiceprep.gui.widgets.practice import TypeAnswerDialog


def test_the_typed_answer_dialog_and_try_it_say_the_same_rule(qtbot):
    dialog = TypeAnswerDialog("Why payments?", "", None)
    qtbot.addWidget(dialog)
    assert TYPED_AND_TRIED in dialog.editor.placeholderText() and dialog.editor.toolTip() == TYPED_AND_TRIED
    editor = BankEditor()
    qtbot.addWidget(editor)
    editor.open_document(BankDocument(bank_text(CANDOUR, REPORTED)))
    editor.select(("rounds", 0, "prompts", 0, "key_points", 0))
    assert editor.try_box is not None and TYPED_AND_TRIED in editor.try_box.toolTip()


def test_try_its_screen_reader_description_says_the_rule_too(qtbot):
    """mendG (walk59's brief): Try it's accessible description was "Press Enter to check it" alone; the typed-vs-Try-it
    rule was in its tooltip only, which a screen reader does not read. Its description says it, before a check and
    once a result is cleared by a rewording."""
    editor = BankEditor()
    qtbot.addWidget(editor)
    editor.open_document(BankDocument(bank_text(CANDOUR, REPORTED)))
    editor.select(("rounds", 0, "prompts", 0, "key_points", 0))
    assert editor.try_box is not None
    assert editor.try_box.accessibleDescription().startswith("Press Enter to check it")
    assert TYPED_AND_TRIED in editor.try_box.accessibleDescription()
    editor._say_trial("")                   # a result taken away (the point reworded): the description as at first
    assert TYPED_AND_TRIED in editor.try_box.accessibleDescription()
