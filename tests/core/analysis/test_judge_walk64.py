"""walk64 1, typed through the real judge on the bundled Airwallex bank: one sentence that tells two things done by
the candidate with one subject ("I designed the metrics pipeline and led a team of three to roll it out across five
cloud regions") is read in its two halves (`segments.coordinated_halves`), and the half that says the cues the bank
wrote for a point speaks for it (`AnswerJudge.judge`): the role point is ticked, as it is when the same words are two
sentences, and the sentence still tells what was built."""
from __future__ import annotations

import dataclasses

import pytest

from tests.conftest import BANKS
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.segments import coordinated_halves, units
from voiceprep.core.banks import load_bank
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

ONE_SENTENCE = "I designed the metrics pipeline and led a team of three to roll it out across five cloud regions."


@pytest.fixture(scope="module")
def bank():
    return load_bank(BANKS / "airwallex.toml")


def judged(bank, text: str) -> dict:
    a = analyze_answer(bank, bank.prompt("most-impactful"), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    return {r.key_point.id: r for r in a.key_points}


def test_a_sentence_of_two_own_acts_is_read_in_halves():
    halves = [u.text for u in units(ONE_SENTENCE.split()) if u.kind == "half"]
    assert halves == ["I designed the metrics pipeline",
                      "and led a team of three to roll it out across five cloud regions."]


NO_ACT_AFTER_AND = "I designed the metrics pipeline and the dashboards for every region."


def halves_of(text: str) -> list[tuple[int, int]]:
    words = [w.strip(".,").lower() for w in text.split()]
    return coordinated_halves(words, 0, len(words) - 1, [(0, len(words) - 1)])


@pytest.mark.parametrize("text", ["I designed and built it myself last year.",          # each half under 4 words
                                  "The team designed the pipeline and rolled it out.",  # no subject of one's own
                                  "I think it was the pipeline and the dashboards.",    # no act of one's own
                                  NO_ACT_AFTER_AND])                                    # no act in the past after "and"
def test_other_sentences_are_not_cut(text):
    assert halves_of(text) == []


def test_without_a_past_verb_after_and_the_sentence_would_be_cut(monkeypatch):
    """read48e: the cases above passed with `past_verb` always true; this one is cut without it."""
    from voiceprep.core.analysis import segments
    monkeypatch.setattr(segments, "past_verb", lambda word: True)
    assert halves_of(NO_ACT_AFTER_AND) == [(0, 4), (5, 10)]


def test_the_role_is_ticked_in_one_sentence_as_in_two(bank):
    """walk64 1: main missed your-role (p 0.19, the whole sentence 0.18 from the label) while "I designed the metrics
    pipeline. I led a team of three ..." ticked it."""
    for text in (ONE_SENTENCE, ONE_SENTENCE.replace("pipeline and led", "pipeline. I led")):
        r = judged(bank, text)
        assert r["your-role"].hit, (text, r["your-role"].judgement.probability)
        assert r["what-built"].hit, (text, r["what-built"].judgement.probability)
        assert not r["who-benefited"].hit, (text, r["who-benefited"].judgement.probability)   # "a team" led


WE_DID_IT = "We designed the metrics pipeline and rolled it out across five cloud regions."


def test_a_half_without_the_cue_still_needs_to_be_close(bank):
    """A half that says no cue of the role point is no evidence for it: "we" did it, nobody's role is told; and a half
    far from a point alone ("and rolled it out across five cloud regions") is none for it either, though it says one of
    its cues ("Connect it to Airwallex: … across cloud regions")."""
    r = judged(bank, WE_DID_IT)
    assert not r["your-role"].hit, r["your-role"].judgement.probability
    assert not r["why-relevant"].hit, r["why-relevant"].judgement.probability


def test_without_the_half_gate_the_far_half_ticks_a_point(bank):
    """read48e: the test above passed with the half gate off (`half_sentence_min`); with it off, this one fails."""
    a = analyze_answer(bank, bank.prompt("most-impactful"), Transcript.from_text(WE_DID_IT),
                       dataclasses.replace(AnalysisSettings(), half_sentence_min=-1.0))
    assert "why-relevant" in {r.key_point.id for r in a.key_points if r.hit}

