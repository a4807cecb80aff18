"""A story told in a trade's own talk and in many details covers a plain key point from a lower probability than
judge26's concrete floor (judge58): "I rang the practice and had her here that week" is the dairy bank's "got the vet
in early", though the sentence model puts the farm's words far from the label's general ones (p 0.15)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.banks import BankRegistry
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings

BANK = Path(__file__).parent / "data" / "judge" / "banks" / "dairy-herd-manager.toml"
VET = "Then I rang the practice and had her here that week to blood test them, I didn't want to be sat there guessing."
# writer S's strong answer d2s-007 (dev2, tuning data): 50 details of its own
STORY = ("Right, so, um, we had Johne's come up, well, we thought it was Johne's, we had four cows go thin and scour "
         "in a month. I moved those four into the end pen on their own the same day, well clear of the calving boxes "
         f"especially, because that's where it spreads. {VET} Two were positive. I dug out the purchase records and "
         "the quarterly test results, and all four traced back to a batch of heifers we'd bought in three years "
         "before. So after that the calving pens get mucked out after every single calving, not every few days, and "
         "colostrum only comes from tested-clean cows. The cell count had gone up with it, about two hundred and "
         "forty, and six weeks after all that it was down to one seventy.")

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py


def _hits(text: str, settings: AnalysisSettings | None = None) -> dict[str, bool]:
    bank = next(b for b in BankRegistry.discover([BANK.parent]).banks if b.id == "dairy-herd-manager")
    a = analyze_answer(bank, bank.prompt("herd-health"), Transcript.from_text(text), settings)
    assert a.judge.method == "semantic", a.judge.message
    return {r.key_point.id: r.hit for r in a.key_points}


def test_a_detailed_story_in_a_trades_own_talk_covers_its_plain_points():
    hits = _hits(STORY)
    assert hits["vet-early"] and hits["changed-routine"], hits


def test_judge26s_floor_alone_misses_them():
    """The behaviour the settings add: at the concrete floor (0.20) the same story misses both points (judge62's
    floor for a point told in its own sentence, `plain_own_min_probability`, set to it too)."""
    hits = _hits(STORY, replace(AnalysisSettings(), plain_detailed_min_probability=0.20, plain_own_min_probability=0.20))
    assert not hits["vet-early"] and not hits["changed-routine"], hits


def test_the_same_sentence_in_a_short_answer_is_not_enough():
    assert not _hits(f"Four cows went thin. {VET} Two were positive.")["vet-early"]
