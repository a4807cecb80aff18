"""A time phrase a label opens with: a time frame ("In six months", "Within two months") is kept as said; a span said as
a time marker ("A year later", "Two weeks later") is asked "When ...?" and never said back as the object; a time
frame alone is asked how long. (Written as fixBI and fixCB; folded here by topic, session 41.)"""

from __future__ import annotations

import pytest

from voiceprep.core.analysis.followups import broken_question, follow_up_for
from voiceprep.core.banks.model import KeyPoint


def _asked(label: str) -> str:
    return follow_up_for(KeyPoint(id="k", label=label, cues=()))


@pytest.mark.parametrize("label, asked", [
    ("In six months they had four front-page stories",                     # was "...that within months they had..."
     "You haven't said yet that in six months they had front-page stories. Can you tell me about that?"),
    ("Within two months the cell count was back under two hundred thousand",
     "You haven't said yet that within two months the cell count was back. Can you tell me about that?"),
    ("In 3 weeks we shipped the fix",
     "You haven't said yet how, in 3 weeks, you shipped the fix. Can you walk me through that?"),
    ("Within 2 days", "How long did it take?"),                             # a time frame alone: still how long
])
def test_a_time_frame_a_label_opens_with_is_kept_as_said(label, asked):
    assert _asked(label) == asked


@pytest.mark.parametrize("label, asked", [
    # was "Can you tell me how a year later the school was rated good?": the marker said back as the object
    ("A year later the school was rated good", "When was the school rated good?"),
    ("A year later, the school was rated good", "When was the school rated good?"),
    ("One month later, the team was hired", "When was the team hired?"),
    ("Six months later the ward was rated outstanding", "When was the ward rated outstanding?"),
    ("A year later we were profitable", "When were you profitable?"),
    ("A year later I was promoted to lead", "When were you promoted to lead?"),
    ("Two weeks later, the audit passed", "When did the audit pass?"),     # was "how the audit was passed"
    # fixBT's forms kept
    ("Two weeks later the audit passed", "When did the audit pass?"),
    ("A month later we shipped it", "When did you ship it?"),
])
def test_a_span_said_as_a_time_marker_is_asked_when_not_said_back(label, asked):
    question = _asked(label)
    assert question == asked
    assert "later" not in question and broken_question(label, question) is None


def test_a_marker_before_a_sentence_the_when_rule_cannot_read_is_left_out_of_the_question():
    question = _asked("A year later, our NPS had doubled")        # was "...how a year later, your NPS had doubled?"
    assert "later" not in question.lower() and "your NPS had doubled" in question
