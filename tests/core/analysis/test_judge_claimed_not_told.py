"""A vague answer claims a point in general words ("I involved the relevant people like the head of year", "I found the
root cause and implemented a fix"): in an answer that tells no number and few details of its own, a sentence whose
words stand in for the specifics is a claim, not the story, and is no evidence for a key point (judge89, issue 11:
dev2's vague answers are labelled with no point; the judge ticked 122 in them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.judge import claims_in_general_words
from voiceprep.core.banks import BankRegistry
from voiceprep.core.transcript import Transcript

BANKS = Path(__file__).parent / "data" / "judge" / "banks"


@pytest.mark.parametrize("said, claimed", [
    ("and I involved the relevant people like the head of year and his parents.", True),
    ("I found the root cause, which was in one of the downstream dependencies, and I implemented a fix.", True),
    ("I looked at the assignments and made some adjustments, and I escalated where I needed to.", True),
    ("I listened to the family's concerns with empathy.", True),
    ("Food safety is something I take really seriously.", True),
    ("We went through all the options and the costs.", True),
    ("I looked into what happened with the staff and the records.", True),
    ("I set clear expectations and I was consistent with them, and after that things improved for him.", True),
    ("I rang his mum on the Tuesday and got the head of year in.", False),
    ("The root cause was a missing index on the payments table.", False),
    ("I fixed it properly in 2 days.", False),
])
def test_a_sentence_that_stands_in_for_the_specifics_claims(said: str, claimed: bool) -> None:
    assert claims_in_general_words(said) is claimed


VAGUE = ("There was a student whose behaviour was affecting the lessons. In the moment I stayed calm and didn't make it "
         "a big scene. Then I had a one-to-one conversation with him to understand what was going on, and I involved "
         "the relevant people like the head of year and his parents. I set clear expectations and I was consistent "
         "with them, and after that things improved for him and for the class.")
TOLD = ("There was a Year 10 student, Jordan, who kept talking over me in period 5. I didn't argue with him in front of "
        "the class; I moved on and asked him to stay behind. One-to-one he told me things were hard at home. I rang his "
        "mum that evening and got Mrs Khan, the head of year, in on the Thursday. We agreed he'd sit at the front and "
        "start each lesson with the starter sheet, and I stuck to it every single lesson. Within 3 weeks his "
        "detentions went from 4 a week to none.")


@pytest.mark.usefixtures("fresh_judge")     # tests/core/analysis/conftest.py
@pytest.mark.parametrize("said, expected", [(VAGUE, set()), (TOLD, {"brought-in-help"})])
def test_a_vague_answer_claims_the_help_it_brought_in(said: str, expected: set[str]) -> None:
    """dev2 d2g-mt-behave-06 (vague, no point labelled): main ticked brought-in-help and clear-expectations."""
    bank = next(b for b in BankRegistry.discover([BANKS]).banks if b.id == "maths-teacher-secondary")
    prompt = bank.prompt("disruptive-student")
    a = analyze_answer(bank, prompt, Transcript.from_text(said))
    hit = {r.key_point.id for r in a.key_points if r.hit}
    assert hit & {"brought-in-help", "clear-expectations"} == expected, hit
