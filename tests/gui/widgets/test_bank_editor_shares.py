"""The bank editor says what a competency will weigh (walk68 5): a weighted competency no key point names is a warning;
one far below its weight in a round gets a tip with the share the round's summary will give it (scoring.round_shares,
the summary's own rule)."""

from __future__ import annotations

import pytest

from tests.core.banks.bank_text import bank_text
from voiceprep.core.analysis.scoring import round_shares, summarize_round
from voiceprep.core.banks.document import BankDocument
from voiceprep.gui.widgets.bank_editor import KIND_ROLE, BankEditor

COMPETENCIES = ({"id": "stakeholders", "name": "Stakeholder management", "weight": 0.5},
                {"id": "training", "name": "Communication and training", "weight": 0.5})


def points(on_stakeholders: int, on_training: int) -> list[dict]:
    return [{"id": f"s{i}", "label": f"I met sponsor number {i} every month", "competency": "stakeholders"}
            for i in range(on_stakeholders)] + \
        [{"id": f"t{i}", "label": f"I trained group number {i} of teachers", "competency": "training"}
         for i in range(on_training)]


def listed(qtbot, *kps: dict) -> list[tuple[str, str]]:
    editor = BankEditor()
    qtbot.addWidget(editor)
    editor.open_document(BankDocument(bank_text(*kps, competencies=COMPETENCIES)))
    items = [editor.problems.item(i) for i in range(editor.problems.count())]
    return [(it.data(KIND_ROLE), it.text()) for it in items]


def test_a_weighted_competency_with_no_key_point_is_a_warning(qtbot):
    said = listed(qtbot, *points(3, 0))
    assert ("warning", "Competency 2 “Communication and training” (weight 0.5) has no key point, so it counts for "
                       "nothing in the overall: pick it as the Competency of the key points that show it") in said, said
    assert not any(kind == "problem" for kind, _ in said)


def test_a_competency_far_below_its_weight_says_the_share_the_round_summary_gives_it(qtbot):
    said = listed(qtbot, *points(5, 1))
    assert ("hint", "Competency 2 “Communication and training” (weight 0.5) will carry about 17% of the overall of "
                    "round “Behavioural”, not 50%: 1 of the round's 6 key points is on it. Give it more key points "
                    "there, or a lower weight") in said, said
    assert listed(qtbot, *points(3, 2)) == []                     # 40% for 50%: near its weight, nothing said


def test_the_editors_share_is_the_round_summarys():
    from voiceprep.core.banks import parse_bank

    bank = parse_bank(bank_text(*points(5, 1), competencies=COMPETENCIES))
    ids = [p.id for p in bank.rounds[0].prompts]
    answered = {ids[0]: [(kp, i % 2 == 0) for i, kp in enumerate(bank.rounds[0].prompts[0].key_points)]}
    assert round_shares(bank, ids) == pytest.approx(summarize_round(bank, ids, answered).shares)
    assert round_shares(bank, ids)["training"] == pytest.approx(1 / 6)
