"""Follow-ups that read like an interviewer's question about a point the answer MISSED (fixAY, last session's walks):
an instruction to do something is asked what the candidate did or would do, not "Could you replace the locks?"; a
topic is asked "Can you tell me about ...?", not "...more about ...", which says the candidate spoke of it; no bare
verb after "how" ("how batch the writes"); a verb's capital is not kept mid-sentence ("...about Mentor juniors"), a
name's is ("the LMAX Disruptor")."""

from __future__ import annotations

import re

import pytest

from tests.core.analysis.followup_cases import case_ids, quiet
from tests.core.analysis.test_followups import _plain
from tests.core.analysis.test_followups_leftovers import WITH_BANKS
from voiceprep.core.analysis.followups import _IMPERATIVES, _PLAIN_VERBS, _verb, follow_up_for
from voiceprep.core.banks.model import Bank, Job, KeyPoint, Prompt, Round


def _under(label: str, prompt: str) -> str:
    """The follow-up for `label` asked under a bank prompt `prompt`."""
    point = KeyPoint(id="k", label=label, cues=())
    asked = Prompt(id="p", text=prompt, key_points=(point,))
    return follow_up_for(point, Bank(schema=1, job=Job(id="b", title="Engineer"),
                                     rounds=(Round(id="r", title="R", prompts=(asked,)),)))


STORY = "Tell me about a time you fixed a hard performance problem."
DESIGN = "How would you design a matching engine for a busy exchange?"


@pytest.mark.parametrize("label, story, design", [
    # a verb that deals with a trouble: what was done about it (the fix is the answer)
    ("Replace the locks with a single writer", "What did you do about the locks?", "What would you do about the locks?"),
    ("Get rid of the locks", "What did you do about the locks?", "What would you do about the locks?"),
    ("Avoid double charges", "What did you do about double charges?", "What would you do about double charges?"),
    # any other verb first: how the candidate did it / would do it, its verb lower-cased
    ("Mentor juniors through code reviews", "How did you mentor juniors through code reviews?",
     "How would you mentor juniors through code reviews?"),
    ("Build trust with the night staff", "How did you build trust with the night staff?",
     "How would you build trust with the night staff?"),
    ("Monitor p99 latency", "How did you monitor p99 latency?", "How would you monitor p99 latency?"),
    ("Keep the API working for old app versions", "How did you keep the API working for old app versions?",
     "How would you keep the API working for old app versions?"),
    ("Roll out in stages, a small percentage in the app store and canaries on the backend",
     "How did you roll out in stages?", "How would you roll out in stages?"),       # its list left to the candidate
    # a label with a figure: the figure is not said back
    ("Batch the writes to cut IO by 40%", "How did you batch the writes to cut IO?",
     "How would you batch the writes to cut IO?"),
    ("Hire two engineers", "How many engineers did you hire?", "How many engineers would you hire?"),
    ("Reduce p99 latency by 40%", "What did you do about p99 latency?", "What would you do about p99 latency?"),
    # a name keeps its capital, the verb before it does not
    ("Use Kafka for the event log", "How did you use Kafka for the event log?",
     "How would you use Kafka for the event log?"),
    ("Mentor Priya through her first on-call", "How did you mentor Priya through her first on-call?",
     "How would you mentor Priya through her first on-call?"),
])
def test_an_instruction_to_do_something_is_asked_what_the_candidate_did_or_would_do(label, story, design):
    assert _under(label, STORY) == story
    assert _under(label, DESIGN) == design
    assert follow_up_for(_plain(label)) == design          # as typed in the bank editor, no bank: "would"


@pytest.mark.parametrize("label, asked", [
    # an instruction to say something is the interviewer's own request: a name keeps its capitals
    ("Explain the LMAX Disruptor", "Could you explain the LMAX Disruptor?"),
    ("Describe the trade-offs", "Could you describe the trade-offs?"),
    ("Put a number on how big the problem was", "Could you put a number on how big the problem was?"),
    # a noun phrase: about it, not "more about" it
    ("Replication and failover", "Can you tell me about replication and failover?"),
    ("Kafka partitions", "Can you tell me about Kafka partitions?"),
    # a question of its own, said to the candidate
    ("What would I do differently?", "What would you do differently?"),
    ("Why this team: one API and abstractions", "Why this team?"),
    # the past of what the candidate did, with a figure: asked for the figure
    ("Hired 3 engineers in 2 months", "How many engineers did you hire?"),
    ("Trained 5 new nurses", "How many new nurses did you train?"),
    ("Hired 3 more engineers", "How many more engineers did you hire?"),
])
def test_the_rule_cases(label, asked):
    assert follow_up_for(KeyPoint(id="k", label=label, cues=())) == asked
    assert follow_up_for(_plain(label)) == asked


@pytest.mark.parametrize("label", ["Design reviews and RFCs", "Load balancing", "Test coverage across services",
                                   "Access to the data", "Build pipeline", "Cut p99 latency by 40% to 200ms",
                                   "Help desk rota", "Hire date", "Fix rate", "Mentor programme"])
def test_a_topic_or_a_past_that_starts_with_a_word_that_can_be_a_verb_is_not_asked_as_an_instruction(label):
    asked = follow_up_for(KeyPoint(id="k", label=label, cues=()))
    assert not asked.startswith(("How would you", "What would you", "Could you")), asked


# what an interviewer asks of a point the candidate missed: not "more about" (it was not said), not "Could you
# <do it>?" (an instruction read out), no bare verb after "how", no verb with its capital mid-sentence
_SAYING = frozenset(_IMPERATIVES) | {"put"}
_AFTER_HOW = frozenset({"much", "many", "far", "often", "long", "soon", "big", "well", "you", "your", "it", "they",
                        "we", "he", "she"})


def interviewer_wrong(question: str) -> str | None:
    """What makes a follow-up read unlike an interviewer asking about a missed point, or None."""
    if re.search(r"\bmore about\b", question):
        return "“more about”: says the candidate spoke of it"
    could = re.match(r"Could you (\w+)", question)
    if could and could.group(1).lower() not in _SAYING:
        return f"an instruction read out: “Could you {could.group(1)}”"
    how = re.search(r"\bhow ([a-z]+) (?:the|a|an|our|their|its|every|each)\b", question)
    if how and how.group(1) not in _AFTER_HOW and (_verb(how.group(1)) or how.group(1) in _PLAIN_VERBS):
        return f"a bare verb after “how”: {how.group(1)!r}"
    capital = re.search(r"\b(?:about|you|to) ([A-Z][a-z]+) [a-z]", question)
    word = capital.group(1).lower() if capital else ""
    if word and (_verb(word) or word in _PLAIN_VERBS) and word not in ("will", "may", "mark"):
        return f"a verb's capital mid-sentence: {capital.group(1)!r}"
    return None


def test_the_interviewer_check_finds_the_walks_findings():
    for bad in ("Could you replace the locks?", "Can you tell me more about replication and failover?",
                "Can you tell me how batch the writes to cut IO?", "Can you tell me about Mentor juniors?",
                "Could you keep the API working for old app versions?"):
        assert interviewer_wrong(bad), bad
    for good in ("What did you do about the locks?", "Can you tell me about replication and failover?",
                 "Could you explain the LMAX Disruptor?", "How much did latency go down?",
                 "You haven't said yet how you moved the shifts. Can you walk me through that?",
                 "Can you tell me about Kafka partitions?", "How would you mentor Priya through her first on-call?"):
        assert interviewer_wrong(good) is None, good


@pytest.mark.parametrize("stem,bank,kp", WITH_BANKS, ids=case_ids(WITH_BANKS))
def test_every_key_point_of_every_bank_is_asked_as_an_interviewer_would(stem, bank, kp):
    with quiet(stem):         # an out-of-sample bank: its label not shown (followup_cases)
        for q in (follow_up_for(kp, bank), follow_up_for(kp), follow_up_for(_plain(kp.label))):
            assert interviewer_wrong(q) is None, (kp.label, q, interviewer_wrong(q))
