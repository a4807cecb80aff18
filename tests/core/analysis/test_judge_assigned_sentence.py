"""judge66: the prompt's key points are given the answer's sentences jointly (`quote_assignment.assignment`, the maximum-weight
one-to-one assignment of points to single units by `_quote_all`; pairs of sentences mix two points and take no part),
and in an answer of `plain_detailed_details` details a plain point whose assigned unit quotes it at least as well as
any other point counts from `plain_own_min_probability`, as judge62's own nearest sentence does: a sentence that
tells a neighbour is spent on that neighbour, and the point keeps the unit that is its own ("I wrote it up as 'go
with four o'clock, here's why'" for the recommendation; "I did a roll call, seven back, one missing" for everyone
accounted for, whose nearest unit is a pair with the neighbour's sentence). Typed answers (dev2 tuning writers H, R,
Q) through the real judge; a partial answer whose point has no unit of its own stays unticked."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.core.analysis.test_judge_own_sentence import WRONG_STRENGTH
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.quote_assignment import assignment
from voiceprep.core.banks import BankRegistry
from voiceprep.core.transcript import Transcript

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

BANKS = Path(__file__).parent / "data/judge/banks"

MARKDOWNS = (
    "Um, so this was my first year, I was a junior on the fresh team, and, yeah, I'll give a bit of background first. "
    "We had this weekly waste report and it was mostly me refreshing it. Then the head of produce asked whether we "
    "should move the yellow-sticker reductions from seven in the evening to four. And I asked her, kind of nervously, "
    "what she'd actually do with the answer, and it was, she had to pick one time for every store for the new season. "
    "So, er, I pulled the markdown data from the tills myself, and I found that the waste figures for about fifteen "
    "stores were typed in by hand by the store, not scanned, so I left those out and said so. A few stores had already "
    "tried four o'clock on their own, so I lined them up with stores that stuck with seven, over the same weeks. And "
    "the earlier time cut waste without hurting full-price sales much. I wrote it up as \"go with four o'clock, here's "
    "why\" in about half a page. They went with it, and waste on salads and bakery came down about eighteen percent, "
    "which finance put at around ninety thousand pounds over the season.")
BAT_SURVEY = (
    "The one I think about is a dusk bat survey on a country estate, and one of our surveyors, Lena, didn't come back "
    "to the meeting point at the end. Her phone went to voicemail. So I called it there and then, nobody goes back out, "
    "everyone stays at the vehicles with the hazards on, and I did a roll call, seven back, one missing, and I knew from "
    "the survey plan she'd been on the lake side of the woodland. Me and one other went along her route with head "
    "torches and found her about twenty minutes later, she'd gone over on her ankle in a rabbit hole and her phone had "
    "no signal down there. She was sore, that's all. I logged it as an incident that night, and the manager was a bit "
    "\"do we need to\", and I said yes, we had someone missing for twenty minutes in the dark. We now pair everyone up "
    "for dusk and dawn surveys, no lone positions in woodland, and each pair carries a radio as well as phones.")


def _point(bank_id: str, prompt_id: str, text: str, point: str):
    bank = next(b for b in BankRegistry.discover([BANKS]).banks if b.id == bank_id)
    a = analyze_answer(bank, bank.prompt(prompt_id), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    return next(r for r in a.key_points if r.key_point.id == point)


def test_the_assignment_gives_each_point_its_own_unit_for_the_most_in_all():
    # unit 0 is both points' best; point 0 needs it more, so point 1 takes unit 2
    weights = np.array([[0.9, 0.6], [0.1, 0.2], [0.3, 0.5]])
    assert assignment(weights) == [0, 2]
    assert assignment(weights[:, ::-1]) == [2, 0]
    assert sorted(assignment(np.ones((4, 3)))) == sorted(set(assignment(np.ones((4, 3)))))


@pytest.mark.parametrize("bank,prompt,text,point,quoted", [
    ("data-analyst-retail", "decision-analysis", MARKDOWNS, "recommendation", "go with four o'clock"),
    ("field-ecologist-consultancy", "field-incident", BAT_SURVEY, "accounted-for", "roll call"),
])
def test_a_plain_point_given_its_own_unit_in_a_detailed_story_is_ticked_and_quoted_there(bank, prompt, text, point,
                                                                                           quoted):
    """Before (semantic-52): p 0.092 and 0.083, under the detailed story's floor (0.10), and the nearest unit
    (a pair) quotes a neighbour better: not ticked. Quoted by its assigned unit, not by a neighbour's sentence ("so I
    left those out and said so.")."""
    r = _point(bank, prompt, text, point)
    assert r.hit, r.judgement.probability
    assert quoted in r.judgement.unit.text


def test_a_point_whose_assigned_unit_is_another_points_stays_unticked():
    """The partial answer never says how the stock was held since (p 0.082): every unit that comes near it is
    assigned to a neighbour or quotes one better."""
    r = _point("pharmacist-community", "dispensing-error", WRONG_STRENGTH, "held-since")
    assert not r.hit, r.judgement.probability
