"""A candidate's own key point said back to them swaps "I/we/us/our" for "you/your", and nothing else (walk25: "...
saved 200 us (microseconds)" was asked "... saved 200 you", and a note "Helped us ship ..." was asked "how you
helped you ship ..."). "us" after a number is microseconds; "US" in capitals is a name; "us" as the object of what
the candidate did is their team. fixO: the figure is not read back at all ("how much the ring buffer saved")."""

from __future__ import annotations

import re

import pytest

from voiceprep.core.analysis.followups import follow_up_for, second_person
from voiceprep.core.banks.model import KeyPoint


def asked(label: str) -> str:
    return follow_up_for(KeyPoint(id="k", label=label, cues=()))


@pytest.mark.parametrize("label, question", [
    ("The ring buffer saved 200 us (microseconds) per message",
     "How much did the ring buffer save?"),
    ("I saved 200 us (microseconds) per message with the LMAX Disruptor", "Can you tell me how much you saved?"),
    ("The Disruptor helped us hit 200 us p99", "Can you tell me how the Disruptor helped you hit p99?"),
    ("p99 of 200 us", "Can you tell me about p99?"),
    ("Latency under 200us", "Can you tell me about latency?"),
    # an amount in microseconds is left out like one in milliseconds (fix46), not read back as "you"
    ("Single writer thread cut latency to 50 us", "Can you tell me how single writer thread cut latency?"),
    ("Matching latency went from 900 us to 180 us after I pinned threads",
     "Can you tell me what happened to matching latency?"),
    ("Cut p99 latency by 40% to 200 µs", "How much did you cut p99 latency by?"),      # fixBN: as "Cut costs by 30%"
])
def test_a_number_in_microseconds_is_never_said_back_as_you(label, question):
    assert asked(label) == question


@pytest.mark.parametrize("label, question", [
    ("I wrote the US expansion plan",
     "You haven't said yet how you wrote the US expansion plan. Can you walk me through that?"),
    ("The US team adopted the runbook", "Can you tell me how the US team adopted the runbook?"),
])
def test_us_in_capitals_is_a_name(label, question):
    assert asked(label) == question


@pytest.mark.parametrize("label, question", [
    # a note without its subject: what the candidate did for their team, not "you helped you"
    ("Helped us ship the ring buffer in 3 weeks",
     "You haven't said yet how you helped your team ship the ring buffer. Can you walk me through that?"),
    ("helped us cut GC pauses",
     "You haven't said yet how you helped your team cut GC pauses. Can you walk me through that?"),
    ("I got us a second on-call engineer",
     "You haven't said yet how you got your team a second on-call engineer. Can you walk me through that?"),
    # someone else helped: "us" is the candidate, said "you" as before
    ("My manager helped us ship the ring buffer",
     "You haven't said yet how your manager helped you ship the ring buffer. Can you walk me through that?"),
    ("Kafka helped us scale", "Can you tell me how Kafka helped you scale?"),
    ("The lead asked us to cut latency", "Can you tell me how the lead asked you to cut latency?"),
])
def test_us_after_what_the_candidate_did_is_their_team(label, question):
    assert asked(label) == question


def test_a_missing_part_is_said_back_the_same_way():
    """"Partly there" names a missing part with the same swap (app/judging.py)."""
    assert second_person("how you helped us ship in 200 us") == "how you helped your team ship in 200 us"
    assert second_person("our p99 of 200us and the US launch") == "your p99 of 200us and the US launch"


@pytest.mark.parametrize("label", [
    "The ring buffer saved 200 us (microseconds) per message", "Helped us ship the ring buffer in 3 weeks",
    "I saved 200 us per message", "Latency under 200us", "I helped us move to Kafka",
])
def test_never_you_twice_and_never_a_number_then_you(label):
    question = asked(label)
    assert not re.search(r"\d\s*you\b", question), question
    assert not re.search(r"\byou\s+\w+\s+you\b", question), question
