"""judge111 (issue 11): a key point that sets its claim against an alternative ("I changed the sequence or the method,
not just asked for longer hours") is not covered by a sentence that tells the alternative instead ("the steel erectors
doing ten-hour days"): it tells the opposite of the point (`contrasts`). A sentence that
tells the claim and names the alternative only to turn it down still covers it. The first answer is ticked with the
rule off (`contrast_margin` 2: no sentence is that much nearer), so the test fails without it."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from voiceprep.core.analysis.contrasts import alternative, tells_alternative
from voiceprep.core.analysis.evaluation import judge_hits
from voiceprep.core.analysis.judge import contrast_texts, prompt_texts
from voiceprep.core.banks import load_bank
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

BANKS = Path(__file__).parent / "data/judge/banks"
OFF = AnalysisSettings(contrast_margin=2.0)


@pytest.fixture(scope="module")
def site():
    return load_bank(BANKS / "site-engineer-construction.toml")


def ticked(bank, prompt: str, text: str, settings: AnalysisSettings | None = None) -> set[str]:
    return judge_hits(Transcript.from_text(text), bank.prompt(prompt), settings or AnalysisSettings(), bank)


def test_the_alternative_and_the_claim_of_a_label():
    assert contrast_texts("I changed the sequence or the method, not just asked for longer hours") == (
        "I changed the sequence or the method", "asked for longer hours")
    assert contrast_texts("I told the designer straight away rather than covering it up") == (
        "I told the designer straight away", "covering it up")
    assert contrast_texts("I worked out which activities were really holding up the finish date") is None
    assert alternative(", instead of just sending letters") == "sending letters"


def test_nearer_the_alternative_by_the_margin():
    unit, claim, alt = np.array([1.0, 0.2]), np.array([0.0, 1.0]), np.array([1.0, 0.0])
    assert tells_alternative(unit, claim, alt, 0.10)
    assert not tells_alternative(unit, alt, claim, 0.10)


def test_the_texts_are_pre_embedded_with_the_prompt(site):
    """The rule embeds the label's claim and alternative only, offered with the prompt's texts (the pre-embedding
    contract: tests/app/test_preembed.py)."""
    texts = prompt_texts(site.prompt("behind-programme"))
    assert {"I changed the sequence or the method", "asked for longer hours"} <= set(texts)


LONGER_HOURS = (            # d2q-038 (paraphrase-partial): changed-method labelled a miss
    "This was a primary school extension, and by the end of the groundworks we were fifteen days down. Two reasons: "
    "we'd hit an old foundation that wasn't on any survey, which took a week to break out, and then three weeks of rain "
    "that flooded the excavations. So the first thing I did was go back through the programme with the planner and work "
    "out what actually mattered. A lot of stuff was behind but didn't touch the end date. What did was the steel frame, "
    "because the roof, the watertightness and then all the internals hung off it, and the drainage under the slab, "
    "because you can't pour the slab until it's in. Everything else had float. To get those back we went to long days "
    "and weekends: the groundworkers on Saturdays and Sundays for five weeks, the steel erectors doing ten-hour days, "
    "and I got the client to agree to extended working hours with the neighbours. And every morning at half seven I had "
    "the foremen from each trade in the cabin for fifteen minutes, groundworks, steel, drainage, scaffold, and we went "
    "through who needed which bit of the site that day and what was in the way, which stopped a lot of the standing "
    "around. By the roof going on we'd clawed back twelve of the fifteen days and the school opened on time in "
    "September.")
CHANGED_ORDER = (           # d2j-se-behind-06 (verbatim): changed-method labelled a hit
    "On the frame of our residential block we were fifteen days behind after a wet October. What had put us behind in "
    "the first place was the rain plus late rebar deliveries. I worked out which activities were really holding up the "
    "finish date, and it was the slab cycle. I changed the sequence and the method, not just asked for longer hours: "
    "split pours and prefabricated column cages. I got the subcontractors' foremen together every morning to agree the "
    "day. And we clawed back 12 of the 15 days we had lost.")


def test_the_alternative_told_instead_does_not_cover_the_point(site):
    assert "changed-method" in ticked(site, "behind-programme", LONGER_HOURS, OFF)
    assert "changed-method" not in ticked(site, "behind-programme", LONGER_HOURS)


def test_the_claim_told_with_the_alternative_turned_down_still_covers_it(site):
    assert "changed-method" in ticked(site, "behind-programme", CHANGED_ORDER)
