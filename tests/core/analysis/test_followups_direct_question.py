"""read50a (session 50 review of mend54): a heading "What <noun> were/was <done>" is a question-word topic, its noun
the subject and "what" the thing done to it ("What customers were told": what they were told); asked as it stands,
"What customers were told?" asks which customers were. Only an auxiliary followed by its own subject ("What data did
we lose", "Which shift did the drivers hate") makes such a heading a direct question."""

from __future__ import annotations

import pytest

from voiceprep.core.analysis.followups import asked_follow_up
from voiceprep.core.banks.model import Bank, Job, KeyPoint, Prompt, Round


def _asked(label: str) -> str:
    point = KeyPoint(id="k", label=label, cues=("rota",))
    prompt = Prompt(id="p", text="Tell me about a time you turned round a failing depot.", key_points=(point,))
    bank = Bank(schema=1, job=Job(id="b", title="Depot manager"), rounds=(Round(id="r", title="R", prompts=(prompt,)),))
    return asked_follow_up(point, bank)


@pytest.mark.parametrize("label, asked", [
    ("What customers were told", "Can you tell me what customers were told?"),
    ("What drivers were asked to do", "Can you tell me what drivers were asked to do?"),
    ("What staff had tried before", "Can you tell me what staff had tried before?"),
])
def test_a_question_word_topic_with_a_bare_noun_subject_is_asked_about(label, asked):
    assert _asked(label) == asked


@pytest.mark.parametrize("label, asked", [
    ("What data did we lose", "What data did you lose?"),
    ("Which shift did the drivers hate", "Which shift did the drivers hate?"),
    ("How many drivers did we lose", "How many drivers did you lose?"),
    ("What was really at the bottom of it", "What was really at the bottom of it?"),
])
def test_an_inverted_question_is_still_asked_as_it_is(label, asked):
    assert _asked(label) == asked
