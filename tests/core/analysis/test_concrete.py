"""How concrete an answer is (judge.concreteness): numbers and names said, which a recital of generic acts lacks."""

from __future__ import annotations

from voiceprep.core.analysis.judge import AnswerJudge
from voiceprep.core.analysis.keypoints import TokenIndex
from voiceprep.core.analysis.text import tokenize_text
from voiceprep.settings import AnalysisSettings


def concrete(text: str) -> float:
    settings = AnalysisSettings()
    words = text.split()
    return AnswerJudge(words, TokenIndex(tokenize_text(text), settings), None, settings).concrete


def test_a_recital_of_generic_acts_is_not_concrete():
    assert concrete("I planned ahead, had the right people in the right place, kept a close eye on things. "
                    "The team was brilliant and it was a success.") == 0.0
    assert concrete("Safety is always my priority. I made sure everyone was safe and I shared the learnings.") == 0.0


def test_numbers_and_names_count_but_not_a_sentence_start_or_i():
    settings = AnalysisSettings()
    assert settings.concrete_anchors == 4
    # "We", "Then" start sentences and "I" is always capitalised: none counts; 40, October, Reno, three do
    assert concrete("We hired 40 temps in October. Then I trained them at the Reno site in three days.") == 1.0
    assert concrete("We hired temps. Then I trained them at the Reno site.") == 0.25
    # a transcript in lower case still says its numbers
    assert concrete("so we went from about forty minutes to under five") == 0.5
