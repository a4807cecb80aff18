"""mendQ (walk63, finding 4): a key point written as a heading, a noun phrase the candidate names ("A trade-off I made
between consistency and availability", "The fix I chose and why I picked it"), is asked about as a topic, never as
a statement ("Can you tell me whether a trade-off you made between consistency and availability?", spoken aloud);
a heading that asks for "a number" is asked for it in numbers; a denial inside what was made sure of is no denial
of the point's own verb."""

from __future__ import annotations

import pytest

from tests.core.analysis.test_followups_open import _story, presupposes
from voiceprep.core.analysis.followups import asked_follow_up


@pytest.mark.parametrize("label, asked", [
    ("A trade-off I made between consistency and availability",
     "Can you tell me about a trade-off you made between consistency and availability?"),
    ("The fix I chose and why I picked it over the other options",
     "Can you tell me about the fix you chose and why you picked it over the other options?"),
    ("A decision we made under pressure", "Can you tell me about a decision you made under pressure?"),
    # a noun phrase that is the subject of its own verb is a statement, asked how (read47b 1)
    ("The fix I shipped removed the race", "Can you tell me how the fix you shipped removed the race?"),
    # unchanged: a heading with no clause in it, and a clause whose subject is a noun phrase
    ("The root cause I found", "Can you tell me about the root cause you found?"),
    ("The technology and why I needed it", "Can you tell me about the technology and why you needed it?"),
    ("How I learned it fast", "Can you tell me how you learned it fast?"),
    ("Why the old pipeline was not good enough", "Can you tell me why the old pipeline was not good enough?"),
])
def test_a_heading_the_candidate_names_is_asked_about_as_a_topic(label, asked):
    point, bank = _story(label)
    assert asked_follow_up(point, bank) == asked
    assert presupposes(asked, label) is None


@pytest.mark.parametrize("label, asked", [
    ("The result, with a number", "What was the result, in numbers?"),
    ("The result with a number", "What was the result, in numbers?"),
    ("Results, with numbers", "What was the result, in numbers?"),          # plural, as the story parts read it (read47b 5)
    ("What changed afterwards, with a number", "Can you tell me what changed afterwards, in numbers?"),
    ("What difference it made, with a number", "Can you tell me what difference it made, in numbers?"),
])
def test_a_heading_that_asks_for_a_number_is_asked_for_it_in_numbers(label, asked):
    point, bank = _story(label)
    assert asked_follow_up(point, bank) == asked


def test_a_denial_in_what_was_made_sure_of_is_not_turned_round():
    point, bank = _story("How we made sure no events were lost or counted twice")
    assert asked_follow_up(point, bank) == "Can you tell me how you made sure no events were lost or counted twice?"
    point, bank = _story("We ensured nothing was charged twice")
    assert "whether or not" not in asked_follow_up(point, bank)
