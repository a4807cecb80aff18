"""A follow-up asks about its own point, so that answering what was asked can credit it (walk39, finding 7: "How would
that experience carry over to Airwallex's infrastructure?" was scored against "Connect it to Airwallex: detecting
routing and reliability issues early across cloud regions"; the spoken answer answered what was asked, got 0 of 1, and
the same question was offered again)."""

from __future__ import annotations

import re

from voiceprep.core.rehearsal import Rehearsal

# "most-impactful" told with every point but the tie to Airwallex
MAIN = ("I built global monitoring and observability for our payments platform, and the infrastructure tooling "
        "around it. I led the project: I designed the alerting pipeline myself and I decided we would trace every "
        "payment. Incidents fell by thirty percent and the time to resolve one went from forty minutes to four "
        "minutes. On-call engineers slept better, customers saw fewer failed payments, and the business saved money "
        "on refunds.")


def _said_back(question: str) -> str:
    """The question answered in its own words, as a candidate does: "How would that experience help X do Y?" ->
    "It does: that experience helps X do Y, because I have built exactly that kind of monitoring myself"; no word
    of the point that the question did not say ("carry over to Airwallex's infrastructure", the question walk39 was
    asked, said back is not credited)."""
    asked = re.match(r"How would that experience (\w+) (.+?)\?", question)
    assert asked, question
    verb = asked.group(1)
    verb = verb[:-1] + "ies" if verb.endswith("y") else verb + ("es" if verb.endswith(("s", "sh", "ch")) else "s")
    return f"It does: that experience {verb} {asked.group(2)}, because I have built exactly that kind of monitoring " \
           "myself."


def test_answering_the_follow_up_in_its_own_terms_credits_the_point_it_asks_about(bank, session):
    prompt = bank.prompt("most-impactful")
    r = Rehearsal.for_prompt(bank, prompt)
    main = session.save_typed(bank, prompt, MAIN)
    r.record(main.analysis)
    missed = [k.key_point.id for k in main.analysis.key_points if not k.hit]
    assert missed == ["why-relevant"], missed
    turn = r.ask_follow_ups()
    assert turn is not None
    (question,) = [f["question"] for f in main.analysis.follow_ups if f["key_point_id"] == "why-relevant"]
    assert question in turn.questions
    answer = _said_back(question)
    follow = session.save_typed(bank, prompt, answer, drill=list(turn.labels), follow_up=list(turn.questions))
    r.record(follow.analysis, turn)
    assert dict((k.key_point.id, k.hit) for k in follow.analysis.key_points)["why-relevant"], answer
    assert all(hit for _kp, hit in r.hits(prompt.id))
    assert r.ask_follow_ups() is None          # nothing left to ask: the same question is not offered again
