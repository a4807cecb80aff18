"""A point is ticked only where the answer tells it: a follow-up sentence on another subject ticks no point it does not
touch ("your own" in a label is no ownership to look for), and a seven-second passing mention of a topic is no point
made. Typed through the real judge (walk51's findings 4 and 6; folded here by topic, session 41)."""
from __future__ import annotations

import pytest

from tests.core.analysis.answers import hits
from tests.core.analysis.test_judge_transcriber_stops import LIVE
from voiceprep.core.analysis.intents import intent_examples

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

FOLLOW_UP = (" Sure, um, I owned the design, and I led to the engineer's audit. We measured it every week, and the error "
             "rate went down by about 40% in the first quarter.")


def test_a_sentence_on_another_subject_ticks_no_point_it_does_not_touch(airwallex):
    """walk51 4: continuing with "I owned the design …" ticked "Tie it to your own cross-region observability …",
    quoted with a sentence that was there before: "your own" read as the ownership the added sentence tells."""
    before = hits(airwallex, "why-airwallex", LIVE)
    after = hits(airwallex, "why-airwallex", LIVE + FOLLOW_UP)
    assert "own-observability" not in after
    assert after == before
    assert not intent_examples("Tie it to your own cross-region observability and multi-region monitoring work")
    assert intent_examples("Say what you owned") and intent_examples("Your ownership of the rollout")


def test_a_passing_mention_in_a_few_words_is_no_point(airwallex):
    """walk51 6: seven seconds of meeting speech, "So self-checkout, um, you can pay …", ticked "Accepting payments
    and spending" by meaning on the product-range question."""
    snippet = "So self-checkout, um, you can pay, um, you know, with, um, from your shopping"
    assert hits(airwallex, "product-range", snippet) == set()
    told = ("Airwallex lets online shops accept payments in local payment methods, and companies get cards for their "
            "staff with expense management built in.")
    assert "payments-cards" in hits(airwallex, "product-range", told)
