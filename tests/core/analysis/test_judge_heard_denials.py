"""A denial the recogniser barely heard is read as not said (judge82): espeak-ng's "APIs that other platforms build on"
was heard "API's not[0.15] other platforms build onto", and the point it says was set aside as "not done"."""

from __future__ import annotations

import pytest

from tests.conftest import BANKS
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.segments import unheard_denials
from voiceprep.core.banks import load_bank
from voiceprep.core.transcript import Segment, Transcript, Word

ANSWER = ("They have cards for staff and track what they spend. And there's the developer side, APIs not other platforms "
          "build onto offer financial stuff to their users.")


def heard(text: str, unsure: dict[str, float]) -> Transcript:
    """`text` as a transcript, each word heard with probability 0.95 but those in `unsure` (word: probability)."""
    words = [Word(start=i * 0.4, end=i * 0.4 + 0.35, word=" " + w, probability=unsure.get(w, 0.95))
             for i, w in enumerate(text.split())]
    return Transcript(text=text, language="en", duration=len(words) * 0.4, model="test",
                      segments=[Segment(0, len(words) * 0.4, text, words)])


@pytest.fixture(scope="module")
def airwallex():
    return load_bank(BANKS / "airwallex.toml")


def _hit(bank, transcript: Transcript, point: str) -> bool:
    a = analyze_answer(bank, bank.prompt("product-range"), transcript)
    return next(r for r in a.key_points if r.key_point.id == point).hit


def test_a_denial_barely_heard_does_not_set_the_point_aside(airwallex):
    assert _hit(airwallex, heard(ANSWER, {"not": 0.15}), "embedded-finance")


def test_a_denial_heard_surely_still_does(airwallex):
    assert not _hit(airwallex, heard(ANSWER, {"not": 0.9}), "embedded-finance")


def test_typed_words_mean_what_they_spell(airwallex):
    assert not _hit(airwallex, Transcript.from_text(ANSWER), "embedded-finance")


def test_the_reading_keeps_positions_punctuation_and_contractions_verbs():
    raw = [" We", " didn't", " lose", " not,", " a", " can't", " never", " cannot"]
    assert unheard_denials(raw, [0.9, 0.1, 0.9, 0.2, 0.9, 0.05, 0.95, 0.1], 0.3) == [
        " We", " did", " lose", " ,", " a", " can", " never", " can"]


def test_only_the_denials_measured_unsure_are_dropped():
    """read43c 7 (judge85): the evidence (dev's transcripts, judge82) was "not", "never", "no" heard for another word;
    "without" and "nor" were never heard so, and are read as said however unsure the recogniser was."""
    raw = [" no", " without", " nor", " never", " neither"]
    assert unheard_denials(raw, [0.1] * 5, 0.3) == [" ", " without", " nor", " ", " neither"]
