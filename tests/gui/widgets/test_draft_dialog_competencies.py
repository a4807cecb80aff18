"""The draft dialog says how many competencies the job description gave, none included (walk68 2)."""

from __future__ import annotations

from tests.core.banks.test_draft import CSM_POST
from voiceprep.gui.widgets.bank_dialogs import DRAFT_NO_COMPETENCIES, DraftDialog


def test_the_draft_summary_counts_the_competencies_found_with_their_weights(qtbot):
    dialog = DraftDialog(text=CSM_POST)
    qtbot.addWidget(dialog)
    assert ("4 competencies found: Stakeholder management 0.3, Communication and training 0.25, Problem solving and "
            "de-escalation 0.25, Data-driven account management 0.2") in dialog.summary.text()


def test_the_draft_summary_says_none_were_found_and_what_to_do(qtbot):
    dialog = DraftDialog(text=CSM_POST.split("What we look for:")[0])
    qtbot.addWidget(dialog)
    assert DRAFT_NO_COMPETENCIES in dialog.summary.text()
    assert DRAFT_NO_COMPETENCIES.startswith("0 competencies found") and "Competencies" in DRAFT_NO_COMPETENCIES
