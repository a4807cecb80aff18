"""judge112 (issue 11, session 50): "plan" named as the object of the candidate's own past act ("I changed the plan
each time", "we worked out a plan together") marks no hypothetical (`voiceprep.core.analysis.plan_noun`); a plan to
act, a plan only had ("we had a solid disaster recovery plan in place") and the verb still do. The answer is writer V's
(dev2 tuning), told through the real judge with its bank."""
from __future__ import annotations

from pathlib import Path

import pytest

from voiceprep.core.analysis.evaluation import judge_hits
from voiceprep.core.analysis.plan_noun import acted_on_plan, names_a_plan
from voiceprep.core.analysis.segments import clause_markers, said_in_past
from voiceprep.core.banks import load_bank
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings

BANK = Path(__file__).parent / "data/judge/banks/school-librarian-secondary.toml"


def marks(text: str) -> frozenset[str]:
    return frozenset().union(*clause_markers(text.split()))


@pytest.mark.parametrize("text", [
    "Every two weeks I gave them a short paper and I changed the plan each time from what it showed.",
    "So I went to the English department and we worked out a plan together.",
    "I made up a shelf plan for every fridge, laminated, raw at the bottom.",
    "We agreed a payment plan of five pounds a week.",
])
def test_a_plan_acted_on_marks_nothing(text: str) -> None:
    assert "plan" not in marks(text)


@pytest.mark.parametrize("text", [
    "We plan to move it next year.",
    "The plan was to add alerts.",
    "My plan is to grow into a lead.",
    "I'd plan the rota differently.",
    "Backups were automated and we had a solid disaster recovery plan in place.",
    "I was trying to sort the table plan at the same time.",
    "Since their gig workers there were the whole launch plan.",
])
def test_a_plan_to_act_or_only_had_is_still_hypothetical(text: str) -> None:
    assert "plan" in marks(text)


def test_names_a_plan_reads_the_noun_not_the_verb() -> None:
    words = ["we", "plan", "to", "change", "the", "plan"]
    assert not names_a_plan(words, 1) and names_a_plan(words, 5)
    assert acted_on_plan(["and", "i", "changed", "the", "plan"], 4, said_in_past)
    assert not acted_on_plan(["we", "had", "a", "recovery", "plan"], 4, said_in_past)


@pytest.mark.usefixtures("fresh_judge")        # tests/core/analysis/conftest.py
def test_working_with_a_department_told_as_a_plan_worked_out_together() -> None:
    # writer V's d2v-013 (dev2, labelled "english-dept"): missed before, its one sentence marked hypothetical by "plan"
    bank = load_bank(BANK)
    prompt = bank.prompt("reluctant-readers")
    text = ("So I went to the English department and we worked out a plan together. They'd give up ten minutes at the "
            "start of every lesson for reading, any book, and I'd make sure every student had a book in their bag by "
            "running a quick issue in form time. That's where most of it came from really. By the end of the year we'd "
            "gone from about four thousand loans to nearly seven thousand.")
    assert "english-dept" in judge_hits(Transcript.from_text(text), prompt, AnalysisSettings(), bank)
