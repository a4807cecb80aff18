"""fixBT: a candidate's own act by a figure asked how much whoever says it; how long a thing takes now, how much a thing
changed by, when it happened a span later; the broken-question check sees a figure's measure left behind."""

from __future__ import annotations

import pytest

from voiceprep.core.analysis.followups import broken_question, follow_up_for
from voiceprep.core.banks.model import KeyPoint


def _asked(label: str) -> str:
    return follow_up_for(KeyPoint(id="k", label=label, cues=()))


@pytest.mark.parametrize("label, asked", [
    # the label tells the candidate's own act and its figure: the figure is what they should say, asked for whether
    # or not the label says "we" (was "how you cut cloud costs": the act they did say, not the figure they missed)
    ("We cut cloud costs by 30%", "How much did you cut cloud costs by?"),
    ("I cut costs by 30%", "How much did you cut costs by?"),
    ("Cut cloud costs by 30%", "How much did you cut cloud costs by?"),
    ("We grew the team by 4 engineers", "How many engineers did you grow the team by?"),
    ("Beat quota by 30% two years running", "How much did you beat quota by?"),     # was "about Beat quota years running"
    ("Beat quota by 30%", "How much did you beat quota by?"),                       # was "How much would you ..."
    # an instruction stays what to do (fixAY)
    ("Reduce p99 latency by 40%", "What would you do about p99 latency?"),
])
def test_own_act_by_a_figure_is_asked_how_much_whoever_says_it(label, asked):
    assert _asked(label) == asked


@pytest.mark.parametrize("label, asked", [
    ("Handover now takes 15 minutes instead of 40", "How long does handover take now?"),   # fixCB: "handover"
    ("Deploys now take 5 minutes instead of an hour", "How long do deploys take now?"),
    ("The build took 3 hours", "How long did the build take?"),
    ("Reports took 3 days to reach the board", "How long did reports take to reach the board?"),   # was "took days"
    ("We saved 6 hours of admin a week", "How many hours of admin a week did you save?"),   # was the plain fallback
    ("The product launch slipped by a month", "How much did the product launch slip by?"),
    ("Six months later the ward passed its inspection", "When did the ward pass its inspection?"),
    ("The roadmap slipped by one quarter", "How much did the roadmap slip by?"),       # was "...slipped by one quarter"
    ("The launch slipped by two weeks", "How much did the launch slip by?"),
    ("Two weeks later the audit passed", "When did the audit pass?"),                   # was "how the audit was passed"
    ("A week later the team shipped it", "When did the team ship it?"),
])
def test_a_things_figure_is_asked_for_not_said_back(label, asked):
    assert _asked(label) == asked


@pytest.mark.parametrize("label, question", [
    ("Handover now takes 15 minutes instead of 40",
     "You haven't said yet that Handover now takes instead. Can you tell me about that?"),
    ("Beat quota by 30% two years running", "Can you tell me about Beat quota years running?"),
    ("We beat the target by 15% three quarters running",
     "You haven't said yet how you beat the target quarters running. Can you walk me through that?"),
])
def test_broken_question_sees_a_figure_and_its_measure_cut_out(label, question):
    assert broken_question(label, question)


@pytest.mark.parametrize("label", ["Handover now takes 15 minutes instead of 40", "Beat quota by 30% two years running",
                                   "The roadmap slipped by one quarter", "Two weeks later the audit passed"])
def test_these_follow_ups_read_whole(label):
    assert broken_question(label, _asked(label)) is None
