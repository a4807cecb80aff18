"""A sentence end the recogniser did not hear: tiny.en wrote "…one account could try an hour, and every morning we
matched the settlement report against our ledger, which is how we caught …" for the said "…try an hour. And every
morning we matched …" (dev2 d2f-pay-domain-01, a strong answer, tuning data, spoken by espeak-ng: audio46). Every word
of the point was heard, yet `reconciliation-loop` went from ticked (p 0.50) to missed (p 0.08): the judge reads the
run-on sentence differently from the same words with the full stop. audio46 recorded it as a known failure; judge96's
variant L (semantic-78: a modal's scope ends at ", and every morning we …") fixed it."""
from __future__ import annotations

from pathlib import Path

import pytest

from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.banks import BankRegistry
from voiceprep.core.transcript import Transcript

BANKS = Path(__file__).parents[3] / "question_banks"
HEARD = ("The thing that changed the design was chargebacks. We were about to build marketplace, payouts, that paid "
         "sellermats, who has thermators can't wanna prove, product wanted instant. I'd run this new set my previous "
         "job, so I knew my approval is just a fold. You don't have the money until you capture it, and require a set "
         "on the May or two later, and the Maya can still disuse it 60 days on, so I argued for it, and we decided, "
         "I'd sell a payout wait for settlement plus a reserve, and refunds come out of that reserve. That's what's "
         "just paying out money we'd later lose. I understood it at about 300,000 a quarter in charge of my losses "
         "we'd otherwise have eaten. Can't hummus ever touch tower servers, the hosted fields gave us a token, so we "
         "stayed on the lightest PCI questionnaire. New miles over the spend threshold got 3D secure, and we capped "
         "how many cars one account could try an hour, and every morning we matched the settlement report against "
         "our ledger, which is how we caught the acquire a quietly reversing some partial captures.")
WITH_STOP = HEARD.replace("try an hour, and every morning", "try an hour. And every morning")


def ticked(text: str) -> bool:
    bank = next(b for b in BankRegistry.discover([BANKS]).banks if b.id == "senior-backend-payments")
    a = analyze_answer(bank, bank.prompt("payments-domain"), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    return {r.key_point.id: r.hit for r in a.key_points}["reconciliation-loop"]


@pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py
def test_the_point_is_ticked_with_the_sentence_end_heard():
    assert ticked(WITH_STOP)


@pytest.mark.usefixtures("fresh_judge")
def test_the_point_is_ticked_when_the_sentence_end_is_lost():
    assert ticked(HEARD)
