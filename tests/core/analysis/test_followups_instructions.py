"""A label that opens with a verb, an instruction, is asked how the candidate would do it ("How would you automate the
release?") or, where the verb deals with a trouble, what they would do about its object ("What would you do about
manual steps?"); the object is kept whole ("the conflict between Ana and Tomás", "time to first byte") and a phrasal
verb keeps its particle. The walks' instructions under story and design questions are in
test_followups_interviewer.py. (Written as fixBE and review36a; folded here by topic, session 41.)"""

from __future__ import annotations

import pytest

from voiceprep.core.analysis.followups import follow_up_for
from voiceprep.core.banks.model import KeyPoint


def _asked(label: str) -> str:
    return follow_up_for(KeyPoint(id="k", label=label, cues=()))


@pytest.mark.parametrize("label, asked", [
    ("Stop the line", "How would you stop the line?"),          # an action, not a trouble to deal with
    ("Kill the project", "How would you kill the project?"),
    ("Stop the double charges", "What would you do about the double charges?"),
])
def test_stopping_a_thing_is_asked_how(label, asked):
    assert _asked(label) == asked


def test_a_conflict_between_two_people_keeps_both():
    """finding 2: "What would you do about the conflict between Ana?": the object was cut at its "and"."""
    assert _asked("Resolve the conflict between Ana and Tomás") == \
        "What would you do about the conflict between Ana and Tomás?"
    assert _asked("Remove the locks and add a queue") == "What would you do about the locks?"


def test_a_phrasal_verb_is_not_asked_about_its_particle():
    """finding 3: "What would you do about the first version down?"."""
    assert _asked("Cut the first version down") == "How would you cut the first version down?"


@pytest.mark.parametrize("label, asked", [                # finding 5: fixAY's verbs that are no noun, never read as one
    ("Automate the release", "How would you automate the release?"),
    ("Eliminate manual steps", "What would you do about manual steps?"),
    ("Delegate the on-call rota", "How would you delegate the on-call rota?"),
])
def test_a_verb_that_is_no_noun_is_asked_as_what_to_do(label, asked):
    assert _asked(label) == asked


@pytest.mark.parametrize("label, asked", [                # finding 6: "What would you do about time?"
    ("Reduce time to first byte", "What would you do about time to first byte?"),
    ("Minimise time to recovery", "What would you do about time to recovery?"),
    ("Reduce the load to the database", "What would you do about the load?"),
])
def test_time_to_something_is_one_object(label, asked):
    assert _asked(label) == asked
