"""walk51's judge findings, typed through the real judge: one spoken answer, one score (a full stop the transcriber
puts in or leaves out does not move a decision), "I designed it" told after an echo of the question is the
candidate's role, a follow-up on another subject ticks no point it does not touch, and a seven-second passing
mention of a topic is no point made."""
from __future__ import annotations

import pytest

from tests.conftest import BANKS
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.intents import intent_examples
from voiceprep.core.banks import load_bank
from voiceprep.core.transcript import Transcript

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py


@pytest.fixture(scope="module")
def airwallex():
    return load_bank(BANKS / "airwallex.toml")


def analysed(bank, prompt_id: str, text: str):
    a = analyze_answer(bank, bank.prompt(prompt_id), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    return a


def hits(bank, prompt_id: str, text: str) -> set[str]:
    return {r.key_point.id for r in analysed(bank, prompt_id, text).key_points if r.hit}


WHY = ("I think moving money across borders is still way too hard for businesses. I've been doing backend where "
       "campaign systems for about six years. The thing that excites me is that you're building the rails yourselves. "
       "Local accounts in lots of countries, so a company can get paid like a local, and the problem space is hard in "
       "a good way, you know, correctness, money can't go missing, and latency matters,.")


def point(a, key: str):
    return next(r for r in a.key_points if r.key_point.id == key)


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
FOLLOW_UP = (" Sure, um, I owned the design, and I led to the engineer's audit. We measured it every week, and the error "
             "rate went down by about 40% in the first quarter.")


def test_the_live_transcript_with_the_hard_problem_in_one_sentence_ticks_it(airwallex):
    """walk51 1: the same audio scored 21 with "correctness, money can't go missing" inside one sentence: no tick."""
    assert "hard-problems" in hits(airwallex, "why-airwallex", LIVE)


def test_a_sentence_on_another_subject_ticks_no_point_it_does_not_touch(airwallex):
    """walk51 4: continuing with "I owned the design …" ticked "Tie it to your own cross-region observability …",
    quoted with a sentence that was there before: "your own" read as the ownership the added sentence tells."""
    before = hits(airwallex, "why-airwallex", LIVE)
    after = hits(airwallex, "why-airwallex", LIVE + FOLLOW_UP)
    assert "own-observability" not in after
    assert after == before
    assert not intent_examples("Tie it to your own cross-region observability and multi-region monitoring work")
    assert intent_examples("Say what you owned") and intent_examples("Your ownership of the rollout")


IMPACT = ("The most impactful thing I built was a reconciliation service at my last job. I designed it and wrote most "
          "of it, and it compared our ledger with the bank file every hour.")


def test_i_designed_it_is_the_role_said_even_after_the_questions_echo(airwallex):
    """walk51 3: "I designed it and wrote most of it" was "Close, but said as a general remark or a view": the
    matcher kept "I built" of "The most impactful thing I built was…" (the question's words, a bare sentence) and
    dropped the point's cue for it. The told mention is kept and quoted."""
    a = analysed(airwallex, "most-impactful", IMPACT)
    role = next(r for r in a.key_points if r.key_point.id == "your-role")
    assert role.hit
    assert role.judgement.unit.text.startswith("I designed it and wrote most of it")


def test_a_passing_mention_in_a_few_words_is_no_point(airwallex):
    """walk51 6: seven seconds of meeting speech, "So self-checkout, um, you can pay …", ticked "Accepting payments
    and spending" by meaning on the product-range question."""
    snippet = "So self-checkout, um, you can pay, um, you know, with, um, from your shopping"
    assert hits(airwallex, "product-range", snippet) == set()
    told = ("Airwallex lets online shops accept payments in local payment methods, and companies get cards for their "
            "staff with expense management built in.")
    assert "payments-cards" in hits(airwallex, "product-range", told)


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
