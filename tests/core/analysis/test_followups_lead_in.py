"""Follow-ups for key points drafted from a candidate's notes, written "Lead-in: the note" (walk40, finding 4)."""

import pytest

from voiceprep.core.analysis.followups import follow_up_for
from voiceprep.core.banks.model import KeyPoint


@pytest.mark.parametrize(("label", "question"), [
    ("Result: p99 from 200 ms to under 5 ms, throughput up 8x, no out-of-order matches",
     "What was the result, in numbers?"),
    ("Results: the team deploys daily now", "What was the result?"),
    ("Situation: matching engine at 200 ms under peak load, orders queueing",
     "What was the situation when you started?"),
    ("Lesson: measure before you optimise", "What did you take away from it?"),
    ("Action: I built a replay harness that fed a day of production orders through both engines",
     "What did you do yourself, step by step?"),
    ("Example: a small business in Brazil selling to customers in Japan without thinking about payments",
     "Can you give me a concrete example?"),
])
def test_a_story_part_before_a_colon_is_asked_for_not_taken_as_the_topic(label, question):
    """Walk40: "Can you tell me more about situation?", "...about result?", "...about lesson?"."""
    asked = follow_up_for(KeyPoint("k", label, ()))
    assert asked == question
    assert "200" not in asked and "replay" not in asked and "Brazil" not in asked    # the answer is not handed over


def test_a_framing_lead_in_is_not_the_topic_the_note_after_it_is():
    """Walk40: "Can you tell me more about Under the hood?", "...about your overlap?"; and "You haven't said yet how
    you built a replay harness that fed a day of production orders through both engines and compared every fill"."""
    hood = follow_up_for(KeyPoint("k", "Under the hood: global distributed systems, multi-region consistency, "
                                       "low-latency payment routing, high availability for money-moving services", ()))
    assert hood == "Can you tell me about global distributed systems?"
    overlap = follow_up_for(KeyPoint("k", "My overlap: I built cross-region observability and multi-region "
                                          "monitoring, detecting routing issues early", ()))
    assert "overlap" not in overlap.lower() and overlap.startswith("You haven't said yet how you built cross-region")
    harness = follow_up_for(KeyPoint("k", "How I proved it: I built a replay harness that fed a day of production "
                                          "orders through both engines and compared every fill", ()))
    assert "production orders" not in harness and "fill" not in harness, harness
    said = follow_up_for(KeyPoint("k", "Behind the scenes: I built a replay harness that fed a day of production "
                                       "orders through both engines", ()))
    assert said == "You haven't said yet how you built a replay harness. Can you walk me through that?"


def test_a_topic_before_a_colon_is_still_the_topic():
    assert follow_up_for(KeyPoint("k", "Replication and failover: leader election, synchronous replicas", ())) == \
        "Can you tell me about replication and failover?"
    assert follow_up_for(KeyPoint("k", "The problem: lock contention", ())) == \
        "Can you tell me about the problem?"
