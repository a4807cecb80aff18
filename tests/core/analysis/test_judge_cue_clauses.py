"""walk64 2-3, typed through the real judge on the bundled Airwallex bank: a lone cue of a point (fewer of the bank's
cues than the point asks) said in a clause about another point ticks that point. Strict xfails: judge104 (session 49)
built a rule that reads each cue's own clause (docs/judge104/cue-clause-rule.diff) and fixes both, but it lost true
ticks (dev2 A-T: 9 false ticks gone, 4 true ticks lost; walk64 1's "what you built" in test_judge_walk64.py), so it is
not in the judge (docs/benchmarks.md, judge104)."""
from __future__ import annotations

import pytest

from tests.conftest import BANKS
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.banks import load_bank
from voiceprep.core.transcript import Transcript

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

SCALE = ("The scale is the hard part. Airwallex moves money in well over 100 countries and dozens of currencies at high "
         "volume every second, and none of that money can ever be lost or double-counted, so every payment has to be "
         "exactly once and reconciled.")
EMBEDDED = ("Embedded finance is the other big part. Airwallex exposes its accounts, payments and cards through APIs, so "
            "platforms and marketplaces can build financial products on top of Airwallex for their own customers, "
            "without becoming a bank themselves.")


@pytest.fixture(scope="module")
def bank():
    return load_bank(BANKS / "airwallex.toml")


def judged(bank, text: str) -> dict:
    a = analyze_answer(bank, bank.prompt("product-range"), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    return {r.key_point.id: r for r in a.key_points}


@pytest.mark.xfail(strict=True, reason="walk64 2: no rule yet that is safe on dev2 (judge104)")
def test_a_lone_cue_in_a_clause_about_scale_does_not_tick_transfers(bank):
    """walk64 2: "countries" (one cue of transfers-fx's two) in a clause that says scale's cues ("100 countries",
    "currencies", "volume"): p 0.509 on main, 0.168 with judge104's rule."""
    r = judged(bank, SCALE)
    assert r["scale"].hit
    assert not r["transfers-fx"].hit, r["transfers-fx"].judgement.probability


@pytest.mark.xfail(strict=True, reason="walk64 3: no rule yet that is safe on dev2 (judge104)")
def test_one_item_of_a_list_in_a_clause_about_embedded_finance_does_not_tick_cards(bank):
    """walk64 3: "cards" as one item of "accounts, payments and cards through APIs", a clause nearer embedded finance
    that says its "APIs", and the piece cut at the list's comma ("payments and cards through APIs, so platforms"):
    p 0.949 on main, 0.125 with judge104's rule."""
    r = judged(bank, EMBEDDED)
    assert r["embedded-finance"].hit
    assert not r["payments-cards"].hit, r["payments-cards"].judgement.probability
