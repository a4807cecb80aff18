"""review36a: labels a candidate would write in their own bank that fixAY's interviewer wording read wrong."""

from __future__ import annotations

import pytest

from voiceprep.core.analysis.followups import follow_up_for
from voiceprep.core.banks.model import KeyPoint


def _asked(label: str) -> str:
    return follow_up_for(KeyPoint(id="k", label=label, cues=()))


@pytest.mark.parametrize("label, not_asked", [
    ("Was 2 weeks late", "did you be"),                   # finding 1: "How many weeks did you be?"
    ("Were 3 days over budget", "did you be"),
])
def test_a_figure_after_was_is_not_asked_how_many_you_did_be(label, not_asked):
    assert not_asked not in _asked(label).lower(), _asked(label)



def test_a_conflict_between_two_people_keeps_both():
    """finding 2: "What would you do about the conflict between Ana?": the object was cut at its "and"."""
    assert _asked("Resolve the conflict between Ana and Tomás") == \
        "What would you do about the conflict between Ana and Tomás?"
    assert _asked("Remove the locks and add a queue") == "What would you do about the locks?"



def test_a_phrasal_verb_is_not_asked_about_its_particle():
    """finding 3: "What would you do about the first version down?"."""
    assert _asked("Cut the first version down") == "How would you cut the first version down?"


@pytest.mark.parametrize("label, asked", [
    ("Wrote 2 RFCs", "How many RFCs did you write?"),      # finding 4: "Can you tell me about wrote RFCs?"
    ("Onboarded 4 SREs", "How many SREs did you onboard?"),
])
def test_how_many_of_a_plural_written_in_capitals(label, asked):
    assert _asked(label) == asked


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
