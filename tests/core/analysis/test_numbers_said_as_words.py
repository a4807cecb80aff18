"""A number said as a word is the number a key point writes as a digit ("two" is 2, a counting "one" is 1), and the
evidence quotes the sentence that says it; "one" as a pronoun is no 1 (walk41 findings 1 and 2)."""
from __future__ import annotations

import pytest

from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.text import tokenize_text
from voiceprep.core.banks import parse_bank
from voiceprep.core.transcript import Transcript

# walk41: a charge nurse's notes, written with digits, as "Key points from my notes…" makes them (labels, no cues)
LABELS = {
    "short": "3 nurses called in sick, only 4 of us for 28 beds",
    "agency": "I called the bed manager and got 1 agency nurse and pulled the HCA from day unit",
    "acuity": "Reallocated patients by acuity, I took the 2 sickest myself",
    "huddle": "Did safety huddle every 2 hours, nobody missed meds or obs",
    "flowchart": "Afterwards I wrote the escalation flowchart, now used on all 3 wards",
}
WARD_BANK = (
    'schema = 1\n[job]\nid = "ward"\ntitle = "Ward Manager"\ncompany = "Hospital"\n'
    '[[rounds]]\nid = "r"\ntitle = "R"\n'
    '[[rounds.prompts]]\nid = "staffing"\n'
    'text = "Tell me about a time you had to manage a staffing crisis on your ward."\n'
    + "".join(f'[[rounds.prompts.key_points]]\nid = "{k}"\nlabel = "{label}"\n' for k, label in LABELS.items()))


pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py


@pytest.fixture(scope="module")
def ward():
    return parse_bank(WARD_BANK)


def _results(bank, text: str):
    a = analyze_answer(bank, bank.prompt("staffing"), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    return {r.key_point.id: r for r in a.key_points}


def _values(text: str) -> list[str | None]:
    return [t.value for t in tokenize_text(text)]


def test_two_is_read_as_the_number_2_like_three_and_up():
    assert [t.norm for t in tokenize_text("my two sickest patients, every two hours")] == [
        "my", "2", "sickest", "patients", "every", "2", "hours"]
    assert [t.norm for t in tokenize_text("two-phase commit")] == ["2", "phase", "commit"]
    assert _values("three wards") == ["3", None]


@pytest.mark.parametrize("text", [
    "we got one agency nurse", "One nurse, one patient", "only one bed was free", "zero incidents since"])
def test_one_or_zero_that_counts_a_thing_says_its_number(text):
    counted = [t for t in tokenize_text(text) if t.norm in ("one", "zero")]
    assert counted and all(t.value in ("0", "1") and not t.is_number for t in counted)


@pytest.mark.parametrize("text", [
    "one of our nurses rang in sick", "the one who rang in sick", "no one missed meds", "I took the sickest one.",
    "one day we ran short", "each one of them", "at one point", "one is enough", "we coached them one to one",
    "one, maybe two", "zero"])
def test_one_as_a_pronoun_or_an_idiom_says_no_number(text):
    assert all(t.value is None for t in tokenize_text(text) if t.norm in ("one", "zero"))


@pytest.mark.parametrize("number", ["two", "2"])
def test_a_point_written_with_a_digit_is_met_by_the_number_said_as_a_word(ward, number):
    """walk41 finding 1: "my two sickest patients", "every two hours" were "Close, but without the number" for
    "... I took the 2 sickest myself" and "... huddle every 2 hours ..."; said with digits, both were hit."""
    r = _results(ward, f"I reallocated the patients by acuity, and I took my {number} sickest patients myself. "
                       f"I ran a quick safety huddle every {number} hours, and by the morning nobody had missed a "
                       "single medication or set of observations.")
    assert r["acuity"].hit and r["huddle"].hit
    assert f"every {number} hours" in r["huddle"].judgement.unit.text


def test_the_evidence_is_the_sentence_that_says_the_points_number_as_a_word(ward):
    """walk41 finding 2: "got 1 agency nurse" was ticked quoting "Three of my nurses rang in sick ... 28 patients",
    the one sentence with a number, not the one that says it."""
    r = _results(ward, "Three of my nurses rang in sick, so there were four of us for 28 patients. I phoned the site "
                       "manager, and we got one agency nurse, and I borrowed the healthcare assistant from the day "
                       "unit.")
    assert r["agency"].hit
    assert r["agency"].judgement.unit.text.startswith("I phoned the site manager, and we got one agency nurse")


@pytest.mark.parametrize("said,hit", [
    ("we got one agency nurse", True),
    ("the one who came was an agency nurse", False),
    ("one of the bank staff was an agency nurse", False),
])
def test_a_pronoun_one_is_not_the_points_1(ward, said, hit):
    r = _results(ward, f"I called the bed manager, and {said}, and I pulled the HCA from the day unit.")["agency"]
    assert r.hit is hit
    if not hit:
        assert r.judgement.excluded_why == "number"      # "Close, but without the number"


@pytest.mark.parametrize("said,hit", [
    ("we got a single agency nurse", True),
    ("we got one single agency nurse", True),
    ("we got an agency nurse", False),            # "an" is an article: the pronoun cases above say no 1 either
    ("a single nurse came from the agency", False),      # not the label's own word after "single"
])
def test_single_before_the_points_own_word_says_its_1_and_an_article_does_not(ward, said, hit):
    """fixBB: "a single agency nurse" said the label's "1 agency nurse" and was "Close, but without the number";
    "a"/"an" before a thing is an article, not a figure, and "single" counts only the label's own word."""
    r = _results(ward, f"I called the bed manager, and {said}, and I pulled the HCA from the day unit.")["agency"]
    assert r.hit is hit
    if not hit:
        assert r.judgement.excluded_why == "number"


def test_a_measure_said_with_a_is_the_points_1():
    """fixBB: "under a millisecond" says a label's "under 1 ms" ("a"/"an" before a measure is a figure, as the key
    point matcher reads "an hour"), so the sentence is no longer set aside as "Close, but without the number"; with no
    measure it still is. (That it is then ticked is judge61's `word_figures`: test_judge_word_figures.py.)"""
    from voiceprep.core.analysis.judge import ones_counted
    assert ones_counted("Cut p99 to under 1ms") == {"millisecond"} == ones_counted("under 1 ms")
    assert ones_counted("1 in 5 users") == frozenset()
    bank = parse_bank(
        'schema = 1\n[job]\nid = "j"\ntitle = "Backend Engineer"\ncompany = "Co"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
        '[[rounds.prompts]]\nid = "p"\ntext = "Tell me about a performance problem you fixed."\n'
        '[[rounds.prompts.key_points]]\nid = "result"\nlabel = "Cut p99 latency to under 1 ms"\n')

    def why(end: str) -> str:
        text = f"The matching engine was slow under load, so I moved it to a ring buffer. After the rewrite we {end}"
        return analyze_answer(bank, bank.prompt("p"), Transcript.from_text(text)).key_points[0].judgement.excluded_why
    assert why("cut the p99 latency to under a millisecond.") != "number"
    assert why("cut the p99 latency a lot.") == "number"
