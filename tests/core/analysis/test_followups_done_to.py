"""fixCM: a thing that was done, written without its "was" ("Learning from Datix's reports shared at huddle"), is
asked as something done to it ("how ... was shared at huddle"), and `broken_question` sees the "how <thing> shared"
that has lost its object."""

from __future__ import annotations

import pytest

from voiceprep.core.analysis.followups import broken_question, follow_up_for
from voiceprep.core.banks.model import Bank, Job, KeyPoint, Prompt, Round


def _bank(*points: KeyPoint) -> Bank:
    story = Prompt(id="p", text="Tell me about a time you learned from an incident on the ward.", key_points=points)
    return Bank(schema=1, job=Job(id="ward", title="Ward Manager"), rounds=(Round(id="r", title="R", prompts=(story,)),))


@pytest.mark.parametrize("label, question", [
    # fixCK's finding: the follow-up made on main, which the check let through
    ("Learning from Datix's reports shared at huddle", "Can you tell me how learning from Datix's reports shared?"),
    ("Learning from Datix's reports shared at huddle", "Can you tell me how learning from Datix's reports shared at huddle?"),
    ("Incident findings discussed with the team", "Can you tell me how incident findings discussed with the team?"),
    ("The audit results reviewed monthly", "Can you tell me how the audit results reviewed monthly?"),
])
def test_a_thing_done_to_asked_without_its_was_is_broken(label, question):
    assert broken_question(label, question)


@pytest.mark.parametrize("label, question", [
    ("Learning from Datix's reports was shared at huddle",
     "Can you tell me how learning from Datix's reports was shared at huddle?"),
    ("I shared the learning at huddle", "How did you share the learning at huddle?"),
    ("We shared learning from Datix at huddle", "Can you tell me how you shared learning from Datix at huddle?"),
    ("The repair was agreed with the engineer", "Can you tell me how the repair was agreed with the engineer?"),
    ("Our team grew from 4 to 12", "Can you tell me how your team grew?"),
    ("The whole team learned from it", "Can you tell me how the whole team learned from it?"),
])
def test_a_question_with_its_was_or_its_object_is_not(label, question):
    assert broken_question(label, question) is None


@pytest.mark.parametrize("label, asked", [
    ("Learning from Datix's reports shared at huddle", "Can you tell me how learning from Datix's reports was shared at huddle?"),
    ("Incident findings discussed with the team", "Can you tell me how incident findings were discussed with the team?"),
    ("Lessons learned shared with the team", "Can you tell me how lessons learned were shared with the team?"),
])
def test_a_thing_done_to_is_asked_with_its_was(label, asked):
    point = KeyPoint(id="k", label=label, cues=("huddle",))
    question = follow_up_for(point, _bank(point))
    assert question == asked
    assert broken_question(label, question) is None


def test_nothing_done_is_not_asked_how_nothing_was_done():
    """read40c: the "was" branch ran before fixK's guard: "Nothing shared with the press" became "how nothing was shared"."""
    point = KeyPoint(id="k", label="Nothing shared with the press", cues=("press",))
    question = follow_up_for(point, _bank(point))
    assert "how nothing" not in question.lower(), question
