"""judge73, typed through the real judge: a clause that opens with "no" and names the point's own thing ("no timeouts
on those calls, no retry logic", "no outbox, no sagas") says it was not there, so it is no evidence for the point; the
thing said as done still counts, a "no" inside a clause is a design's quantifier ("one writer thread, no locks" for a
lock-free design), and a harm said absent ("no outages") is a result."""
from __future__ import annotations

import pytest

from tests.conftest import BANKS
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.judge import said_absent
from voiceprep.core.banks import load_bank
from voiceprep.core.transcript import Transcript

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

CHAT = ("I built the chat backend for a dating app on websockets, about fifty thousand people connected in the "
        "evenings. ")


def judged(bank_id: str, prompt_id: str, point: str, text: str):
    bank = load_bank(BANKS / f"{bank_id}.toml")
    a = analyze_answer(bank, bank.prompt(prompt_id), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    return next(r for r in a.key_points if r.key_point.id == point)


@pytest.mark.parametrize("bank_id, prompt_id, point, text", [
    ("affirm-backend-platform", "realtime-service", "failure-handling",
     CHAT + "It called a profile service for every message, no timeouts on those calls, no retry logic, so when the "
            "profile service stalled every chat stalled with it."),
    ("senior-backend-payments", "kafka-payments", "eventual-consistency",
     "Our payments ran through Kafka, about two thousand events a second at peak across forty partitions. Honestly "
     "the services were not consistent with each other: no outbox, no sagas, the services just called each other "
     "and hoped, so every week finance found payments that one service had and another did not."),
])
def test_the_points_own_thing_said_absent_is_no_evidence(bank_id, prompt_id, point, text):
    """dev2 d2n-055, d2f-pay-kafka-04: main ticked these (p 0.72, 0.98) with the "no …" clause as the quote."""
    r = judged(bank_id, prompt_id, point, text)
    assert not r.hit, (r.judgement.probability, r.judgement.unit)


def test_the_thing_said_as_done_still_counts():
    r = judged("affirm-backend-platform", "realtime-service", "failure-handling",
               CHAT + "Every call to the profile service had a two second timeout and one retry with the same "
                      "idempotency key, so when it stalled the chats carried on.")
    assert r.hit


def test_which_words_a_no_clause_says_absent():
    assert said_absent(["no", "retry", "logic"]) == [1, 2]
    assert said_absent(["no", "outbox"]) == [1]
    assert said_absent(["no", "outages", "since"]) == []          # a harm said absent: a result
    assert said_absent(["no", "methotrexate", "direction", "error"]) == []     # ... its head noun last (dev2 d2i-ph-error-02)
    assert said_absent(["one", "writer", "thread", "no", "locks"]) == []   # a quantifier inside a clause
    assert said_absent(["no"]) == []


def test_a_lock_free_design_said_as_no_locks_still_counts():
    """The label says the absence itself ("lock-free"): "no locks" says it, it does not deny it."""
    r = judged("airwallex", "hardest-problem", "mechanics",
               "The matching engine was stalling on lock contention at peak, so I moved it to the LMAX Disruptor "
               "pattern. One ring buffer, pre-allocated at start-up, one writer thread claiming slots by sequence "
               "number. No locks anywhere, and consumers read in batches.")
    assert r.hit
