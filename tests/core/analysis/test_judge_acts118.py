"""judge118 (issue 11, session 52): an own act told in the trade's own words, read by its clause. "I posted in the store
managers' channel straight away that Saturday was understated for those stores and it would be right by lunchtime"
tells what the candidate told, in the past: its "would" is the future of what was told (the tenses in sequence, as in
"I told them we would"), not a plan (`segments._told_that`). The answer is writer H's d2h-da-error-03 (dev2 tuning),
told through the real judge with its bank."""

from __future__ import annotations

from pathlib import Path

import pytest

from voiceprep.core.analysis.evaluation import judge_hits
from voiceprep.core.analysis.segments import units
from voiceprep.core.banks import load_bank
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings

BANKS = Path(__file__).parent / "data/judge/banks"


def hypothetical(text: str) -> frozenset[str]:
    raw = text.split()
    return next(u.hypothetical for u in units(raw) if u.first == 0 and u.last == len(raw) - 1)


@pytest.mark.parametrize("text", [
    "I posted in the channel straight away that Saturday was understated and it would be right by lunchtime.",
    "So we emailed every customer that night that the file was late and it would arrive by noon.",
])
def test_a_would_in_what_the_speaker_told_is_told(text: str) -> None:
    assert hypothetical(text) == frozenset()


@pytest.mark.parametrize("text", [
    "I built a tool that would flag it.",                        # what the thing would do: no past after "that"
    "If I said that it was late it would be fixed.",             # a supposition
    "I posted that the file was late and it would have arrived by noon.",  # a counterfactual
])
def test_a_would_outside_what_the_speaker_told_stays_hypothetical(text: str) -> None:
    assert hypothetical(text)


@pytest.mark.usefixtures("fresh_judge")        # tests/core/analysis/conftest.py
def test_telling_the_users_with_a_reported_would_is_told() -> None:
    # writer H's d2h-da-error-03 (dev2, paraphrase-strong): "I told the people using the report straight away instead
    # of fixing it quietly" missed before, its sentence read as a plan for its "would"
    bank = load_bank(BANKS / "data-analyst-retail.toml")
    prompt = bank.prompt("data-mistake")
    text = ("Um, okay. So, I was about eight months in, and I looked after the daily sales dashboard for store managers. "
            "One Monday a store manager messaged me saying his Saturday looked way too low, like, he'd had a great day. "
            "I checked and a whole batch of Saturday transactions from eleven stores had loaded late, after my refresh, "
            "and my query just took whatever was there at six in the morning. I posted in the store managers' channel "
            "straight away that Saturday was understated for those stores and it would be right by lunchtime. Then I "
            "changed the job so it waits until the till feed says it's complete, and if it isn't by seven it sends me "
            "an alert instead of publishing half a day.")
    assert "told-users" in judge_hits(Transcript.from_text(text), prompt, AnalysisSettings(), bank)
