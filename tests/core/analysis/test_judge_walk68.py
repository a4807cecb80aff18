"""walk68 findings 1 and 4 (docs/walk68/README.md), typed through the real judge on the walker's own bank
(docs/walk68/csm-bank.toml, a teacher's Customer Success Manager bank). Finding 1: a rambling answer scored 82 with
no result told, from a sentence about the job in general (general_talk.py) and one half of a two-part point said
unsure (hedged_claims.py). Finding 4, a paraphrase missed by meaning alone, has no general rule yet: a strict xfail."""
from __future__ import annotations

from pathlib import Path

import pytest

from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.general_talk import generic_actor, talks_in_general
from voiceprep.core.analysis.hedged_claims import hedged
from voiceprep.core.analysis.segments import clean
from voiceprep.core.banks import load_bank
from voiceprep.core.transcript import Transcript

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

BANK = Path(__file__).resolve().parents[3] / "docs" / "walk68" / "csm-bank.toml"
ONBOARD = "onboard-new-customers-and"
SEPTEMBER = ("So, the thing about teaching is, um, every September, you basically onboard 30 new customers, the kids, "
             "and, uh, parents, and you know, it's a lot.")
RAMBLE = ("Right. Um, so, onboarding, yeah. " + SEPTEMBER + " And, um, I think, I think the main thing is just being "
          "organized, and being, you know, friendly. I remember one year, we, we had a new timetable system, and it was "
          "chaos. Honestly, everybody was confused, the printer broke, um, and the head was away. We, uh, we sort of got "
          "through it. I did a kick off meeting at some point, I think, with the deputy head, and people were using it "
          "after a while, most of them I'd say.")
CHAMPION = ("I also picked one enthusiastic form tutor and asked her to help me shape the programme from the very start, "
            "because the other tutors listened to her.")


@pytest.fixture(scope="module")
def bank():
    return load_bank(BANK)


def judged(bank, prompt: str, text: str) -> dict:
    a = analyze_answer(bank, bank.prompt(prompt), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    return {r.key_point.id: r for r in a.key_points}


def words(text: str) -> list[str]:
    return [clean(w) for w in text.split()]


def test_the_rambling_answer_ticks_only_its_first_person(bank):
    """walk68 1: main ticked 4 of 5 (82). The walker credits the first person only: no result is told ("every
    September you onboard 30 new customers" is the job in general), the kickoff half is said unsure and the goal
    half not at all, and 30 new pupils is no result of the story."""
    r = judged(bank, ONBOARD, RAMBLE)
    assert {k for k, v in r.items() if v.hit} == {"say-what-you"}, {k: v.hit for k, v in r.items()}


def test_the_general_sentence_is_shown_as_close_but_general(bank):
    """The September sentence is still named as what came close for the results point, as a general remark."""
    j = judged(bank, ONBOARD, RAMBLE)["first-value-within"].judgement
    assert j.excluded and "every September" in j.excluded[0].text and j.excluded_why == "general"


def test_a_result_told_with_a_number_still_counts(bank):
    """The same opening, then a result told: the results point and the numbers point are ticked by the result."""
    text = (SEPTEMBER + " Last year I ran the kickoff with the deputy head, and within a month 52 of the 60 teachers "
            "had logged in and run their first course.")
    r = judged(bank, ONBOARD, text)
    assert r["first-value-within"].hit and r["give-the-result"].hit


@pytest.mark.parametrize("text, general", [
    (SEPTEMBER, True),
    ("About fifteen people, short maybe a thousand each by then.", False),    # a count, no actor
    ("The file upload now needs two people to approve it in the bank portal.", False),   # how things stand now
    ("You have to be patient in this job.", True),
    ("It was chaos, you know, and I fixed the timetable.", False),    # a filler "you know", and a past told
    ("I told you the printer broke.", False),
    ("Every September I meet each new form tutor for ten minutes.", False),   # the candidate's own routine
    ("Thank you, that is a good question.", False),
    ("Because you route payments between cloud regions, the sooner you see one region going bad, the less money gets "
     "stuck.", False),                                     # the listener's company, addressed
])
def test_what_talks_in_general(text, general):
    assert talks_in_general(text.split()) is general


def test_the_generic_you_acts():
    assert generic_actor(["every", "September,", "you", "basically", "onboard", "new", "customers"])
    assert not generic_actor(["and", "you", "know", "it's", "a", "lot"])
    assert not generic_actor(["a", "ring", "buffer,", "which", "gives", "you", "mechanical", "sympathy"])    # an object


@pytest.mark.parametrize("text, unsure", [
    ("I did a kick off meeting at some point, I think, with the deputy head", True),
    ("most of them I'd say", True),
    ("we sort of got through it", True),
    ("I did a kick off meeting with the deputy head", False),
    ("I think of onboarding as a project", False),
    ("I believe in agreeing one goal first", False),
])
def test_what_hedges_what_it_tells(text, unsure):
    assert hedged(words(text)) is unsure


@pytest.mark.xfail(strict=True, reason="walk68 4: a champion told as 'one enthusiastic form tutor ... the other "
                                       "tutors listened to her' (similarity 0.30); no general rule found")
def test_a_champion_in_other_words(bank):
    assert judged(bank, "built-trusted-relationships-with", CHAMPION)["day-users"].hit
