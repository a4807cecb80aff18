"""judge88 (issue 11, judge86's groups D and G), typed through the real judge on the bundled banks: a point whose label
denies something ("..., never floats") lets a sentence's denial count only when it denies what the label denies — "the
schema I inherited wasn't a proper ledger" denies the ledger, not the floats."""
from __future__ import annotations

import pytest

from tests.conftest import BANKS
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.banks import load_bank
from voiceprep.core.transcript import Transcript

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py


@pytest.fixture(scope="module")
def payments():
    return load_bank(BANKS / "senior-backend-payments.toml")


def judged(bank, prompt_id: str, point: str, text: str):
    a = analyze_answer(bank, bank.prompt(prompt_id), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    return next(r for r in a.key_points if r.key_point.id == point)


# d2e-pay-pg-03's denial (main: ledger-schema ticked at p 0.978 on its first sentence)
NOT_A_LEDGER = ("Honestly, the schema I inherited wasn't a proper ledger. It was one transactions table with a balance "
                "column that got updated in place, and the amounts were stored as floats, which, yeah, caused rounding "
                "issues. I didn't get to redesign it. What I did do was the query work for the reconciliation report: "
                "it was taking about twelve minutes, so I added a partial index on unreconciled rows only, and it "
                "dropped to around fifteen seconds.")


def test_a_denial_of_another_word_is_no_evidence_for_a_point_that_denies_floats(payments):
    r = judged(payments, "postgres-reconciliation", "ledger-schema", NOT_A_LEDGER)
    assert not r.hit, (r.judgement.probability, r.judgement.unit)


@pytest.mark.parametrize("text", [
    "Our schema was a double-entry ledger: every movement was two immutable entries, and we never stored amounts as "
    "floats, only integer cents.",
    "We kept a double-entry ledger with append-only entries, and amounts weren't floats, they were integer minor units.",
])
def test_a_denial_of_what_the_label_denies_still_says_it(payments, text):
    assert judged(payments, "postgres-reconciliation", "ledger-schema", text).hit
