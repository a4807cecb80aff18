"""A full stop the transcriber puts in or leaves out does not move a decision: one spoken answer, one score. "Money
can't go missing" denies a harm, as "we never lost a payment" does: it is the answer's evidence for the hard problem,
with the full stop or without, and a fragment as short as "you know, correctness." is read with the sentence after it.
Typed through the real judge (walk51's findings 1 and 1(b); folded here by topic, session 41)."""
from __future__ import annotations

import pytest

from tests.core.analysis.answers import analysed, hits, point

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py


WHY = ("I think moving money across borders is still way too hard for businesses. I've been doing backend where "
       "campaign systems for about six years. The thing that excites me is that you're building the rails yourselves. "
       "Local accounts in lots of countries, so a company can get paid like a local, and the problem space is hard in "
       "a good way, you know, correctness, money can't go missing, and latency matters,.")


def test_money_cant_go_missing_is_the_hard_problem_said_not_a_denial(airwallex):
    """walk51 1(b): "correctness, money can't go missing" scored 38 and "correctness. Money can't go missing" 15: the
    sentence that says the hard problem was set aside as said negatively ("can't"), and the point was decided by
    far weaker sentences at p 0.50, where one invented full stop moved it. "Money can't go missing" denies a harm,
    as "we never lost a payment" does: it is the answer's evidence for the point, with the full stop or without."""
    comma = point(analysed(airwallex, "why-airwallex", WHY), "hard-problems")
    stop = point(analysed(airwallex, "why-airwallex", WHY.replace("correctness, money", "correctness. Money")),
                 "hard-problems")
    assert comma.hit
    assert "money can't go missing" in comma.judgement.unit.text.lower()
    # the same best evidence either way (its closeness to the label), not a sentence set aside in one of them
    assert comma.judgement.features.label == pytest.approx(stop.judgement.features.label)
    assert stop.judgement.probability == pytest.approx(comma.judgement.probability, abs=0.05)


LIVE = ("Um, so why Airwallex? Uh, basically, I think moving money across borders is still way too hard for businesses. "
        "I've been doing backend where containment systems for about six years, and, uh, the thing that excites me is "
        "that you're building the rails yourselves. Local accounts in lots of countries, so a company can get paid "
        "like a local, and the problem space is hard in a good way, you know, correctness, money can't go missing, and "
        "latency matters. So that's, um, that's why. yourself check out, you can pay, you know, from your shopping")


def test_the_live_transcript_with_the_hard_problem_in_one_sentence_ticks_it(airwallex):
    """walk51 1: the same audio scored 21 with "correctness, money can't go missing" inside one sentence: no tick."""
    assert "hard-problems" in hits(airwallex, "why-airwallex", LIVE)


def test_a_full_stop_the_transcriber_invents_gives_the_same_decision(airwallex):
    """walk51 1(b), what judge68 left: "correctness, money can't go missing" ticked "the hard problems" (p 0.515) and
    "correctness. Money can't go missing" did not (0.491). The full stop cut "you know, correctness." off as a unit of
    its own (2 words), so the window that reads the fragment with what it introduces was gone. A fragment that short
    is read with the sentence after it: one decision, with the full stop or without."""
    comma = analysed(airwallex, "why-airwallex", WHY)
    stop = analysed(airwallex, "why-airwallex", WHY.replace("correctness, money", "correctness. Money"))
    assert point(comma, "hard-problems").hit == point(stop, "hard-problems").hit
    assert {r.key_point.id for r in comma.key_points if r.hit} == {r.key_point.id for r in stop.key_points if r.hit}
    assert point(stop, "hard-problems").judgement.probability == pytest.approx(
        point(comma, "hard-problems").judgement.probability, abs=0.01)
