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
