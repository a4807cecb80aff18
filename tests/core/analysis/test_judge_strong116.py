"""judge116 (issue 11, session 51): two strong answers' points missed for words misread, not for meaning. "two hundred
and thirty people across all three sites" names who was hit: "across" ends in "s" but is no plural, so "people" is
no modifier of it (`AnswerJudge._modifiers`, `text.NOT_PLURAL`). "Jams went from every day to about one a fortnight"
says a number: "one" said as a rate (`quantities.rate_next`). The answers are writers X's and V's (dev2 tuning), told
through the real judge with their banks."""

from __future__ import annotations

from pathlib import Path

import pytest

from voiceprep.core.analysis.evaluation import judge_hits
from voiceprep.core.analysis.quantities import numbers_said
from voiceprep.core.analysis.text import tokenize_text
from voiceprep.core.banks import load_bank
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings

BANKS = Path(__file__).parent / "data/judge/banks"


def said(text: str) -> list[str]:
    raw = text.split()
    return [raw[i] for i in sorted(numbers_said(raw, tokenize_text(text)))]


@pytest.mark.parametrize("text, number", [
    ("Jams went from every day to about one a fortnight.", "one"),
    ("We got it down to one per shift.", "one"),
    ("After that it was one a week at most.", "one"),
])
def test_one_said_as_a_rate_is_a_number(text: str, number: str) -> None:
    assert said(text) == [number]


@pytest.mark.parametrize("text", [
    "One of them came back.",
    "I had one a bit older.",
    "I kept one. A week later it jammed again.",
    "One day later it was fixed.",
])
def test_one_said_as_no_rate_is_no_number(text: str) -> None:
    assert said(text) == []


@pytest.mark.usefixtures("fresh_judge")        # tests/core/analysis/conftest.py
def test_a_count_of_people_across_sites_names_who_was_hit() -> None:
    # writer X's d2x-058 (dev2, paraphrase-strong): "Who was hit, and by how much" missed before, the sentence's
    # "people" read as the modifier of "across"
    bank = load_bank(BANKS / "payroll-manager-manufacturing.toml")
    prompt = bank.prompt("pay-error")
    text = ("Holiday pay. A shop steward at Kettering came to me with a bundle of payslips and said, look, when my lads "
            "take holiday they get their basic and nothing for the overtime they always do. She was right. When I "
            "looked, it was around two hundred and thirty people across all three sites, short by an average of about "
            "three hundred pounds each over the year. We worked out every person's figure, paid it in one lump in the "
            "next pay with a letter explaining it, and met the stewards to go through the method so they could check "
            "it. Now the holiday rate is worked out automatically from the last fifty-two weeks of pay, and I review "
            "the calculation every quarter.")
    assert "who-hit" in judge_hits(Transcript.from_text(text), prompt, AnalysisSettings(), bank)


@pytest.mark.usefixtures("fresh_judge")
def test_an_outcome_said_as_one_a_fortnight_has_its_number() -> None:
    # writer V's d2v-056 (dev2, paraphrase-strong): "The outcome, with a number" missed before, set aside as no
    # number said
    bank = load_bank(BANKS / "school-librarian-secondary.toml")
    prompt = bank.prompt("recurring-problem")
    text = ("The printers. The library printers jammed every single day and it was my whole lunch unjamming them. The "
            "IT technician kept fixing each jam, but when I sat and watched, it was always the same thing: students "
            "were loading scrap paper from the recycling tray, which was curled and had staples in. I asked the "
            "business manager to come down because she controls the paper budget, and we agreed she'd put a ream a "
            "week in the library. I took the recycling tray away from the printer and put it by the art room. Jams "
            "went from every day to about one a fortnight.")
    assert "outcome-number" in judge_hits(Transcript.from_text(text), prompt, AnalysisSettings(), bank)
