"""A plain key point's words count for it when they are said together, in one sentence, not scattered over the answer
(judge55: the most frequent false ticks on dev2 had a point's words said in unrelated sentences). The cues a bank
wrote still count wherever each is said (test_judge.py::test_paraphrase_without_cue_words_is_credited)."""
from __future__ import annotations

import pytest

from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.judge import needed_point
from voiceprep.core.banks import parse_bank
from voiceprep.core.transcript import Transcript

BANK = (
    'schema = 1\n[job]\nid = "eco"\ntitle = "Field ecologist"\n'
    '[[rounds]]\nid = "r"\ntitle = "R"\n'
    '[[rounds.prompts]]\nid = "incident"\ntext = "Tell me about a time something went wrong in the field."\n'
    '[[rounds.prompts.key_points]]\nid = "stopped"\nlabel = "I stopped the survey and got everyone somewhere safe"\n'
    '[[rounds.prompts.key_points]]\nid = "planning"\nlabel = "I changed how we plan lone working afterwards"\n')


pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py


def _stopped(text: str):
    bank = parse_bank(BANK)
    a = analyze_answer(bank, bank.prompt("incident"), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    return next(r for r in a.key_points if r.key_point.id == "stopped")


def test_a_plain_points_words_scattered_over_the_answer_count_as_the_most_said_in_one_sentence():
    scattered = _stopped("I did the bat survey on the north ridge with Sam in June. On the Tuesday I got a call from the "
                         "office about the next site. Afterwards I bought everyone on the team pizza at the pub.")
    need = needed_point(scattered.key_point).min_cues
    assert {m.cue for m in scattered.matches} >= {"survey", "got", "everyone"}    # each word is said somewhere ...
    assert scattered.judgement.features.lexical == pytest.approx(min(1.0, 1 / need))    # ... but one at a time
    together = _stopped("The storm came in fast. I stopped the survey and got everyone down to the vans.")
    assert together.judgement.features.lexical == pytest.approx(min(1.0, 4 / need))
    assert together.hit and together.judgement.probability > scattered.judgement.probability + 0.3
