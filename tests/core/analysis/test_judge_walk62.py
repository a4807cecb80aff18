"""walk62 1 (judge94), typed through the real judge on the bundled Airwallex bank: a listing point ("Accepting payments
and spending: online payments, local payment methods, cards and expense management") is not credited by a sentence
that says only the topic word its head shares with its items ("payments have to be rounded fast"), and a point that
says what the thing takes away ("... without the cost and complexity of banks") is not credited below its min_cues when
the answer says no word of that burden ("financial plumbing for companies that trade across borders")."""
from __future__ import annotations

import pytest

from tests.conftest import BANKS
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.banks import load_bank
from voiceprep.core.transcript import Transcript

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

# walk62's why-airwallex answer, spoken into a product-range drill (tiny.en's transcript, cut off as it was)
WHY_AIRWALLEX = (
    "Honestly, what pulls me to airwalks is that it is quietly becoming the financial plumbing for companies that trade "
    "across borders. You give a business one account that holds lots of currencies, you move its money between "
    "countries, and you let other platforms plug your financial products straight into their own ads, doing that well "
    "as a genuinely hard engineering problem. The systems are spread across regions, the data has to stay consistent "
    "between them, payments have to be rounded fast, and anything that moves money has to stay up. And it all has to be "
    "automated enough that hundreds of engineers can ship safely. What excites me is that infrastructure work shows up")

# walk62's day 2 product-range answer (its transcript): every point told
PRODUCT_RANGE = (
    "Airwallex is building the financial infrastructure for businesses that operate in more than one country. First, "
    "there's the global business account, a company can open accounts and lots of currencies, collect money from "
    "customers abroad and hold it without converting. Second, it can pay suppliers and staff in well over 100 countries, "
    "converting that close to the inner bank rate instead of a bank's markup. Third, there's the payment side, taking "
    "card payments online and local payment methods like picks in Brazil, plus corporate cards and expense management "
    "for the team. And fourth, embedded finance, APIs that let market places and software platforms offer accounts, "
    "payouts and cards to their own users, built on airwallex. What it solves is that a small business selling across "
    "borders used to face slow, expensive bank transfers and a pile of complexity. Airwallex makes that feel like one "
    "domestic account. And the scale is serious, dozens of currencies, huge transaction volumes and money that must "
    "never go missing. So reliability is the product.")


@pytest.fixture(scope="module")
def bank():
    return load_bank(BANKS / "airwallex.toml")


def judged(bank, text: str) -> dict:
    a = analyze_answer(bank, bank.prompt("product-range"), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    return {r.key_point.id: r for r in a.key_points}


def test_a_listing_point_is_not_ticked_by_its_heads_topic_word(bank):
    """walk62 1: main ticked payments-cards by meaning, quoting "payments have to be rounded fast," (no cue said)."""
    for text in (WHY_AIRWALLEX, "The systems are spread across regions, the data has to stay consistent between them, "
                                "payments have to be rounded fast, and anything that moves money has to stay up."):
        r = judged(bank, text)["payments-cards"]
        assert not r.hit, (r.judgement.probability, r.judgement.unit)


def test_a_without_point_is_not_ticked_when_its_burden_is_never_said(bank):
    """walk62 1: main ticked who-and-why (min_cues 3) with two cues ("across borders", "businesses") and no word of
    the cost, the complexity or the banks."""
    r = judged(bank, WHY_AIRWALLEX)["who-and-why"]
    assert not r.hit, (r.judgement.probability, r.judgement.unit, [m.cue for m in r.matches])


def test_the_product_range_answer_still_covers_both(bank):
    results = judged(bank, PRODUCT_RANGE)
    assert results["payments-cards"].hit and results["who-and-why"].hit
    assert all(r.hit for r in results.values()), {k: r.hit for k, r in results.items()}


def test_the_points_are_still_ticked_in_other_words(bank):
    """Said in other words, with the burden named and the items' own words: judged as ever."""
    r = judged(bank, "We help small online sellers take card payments from shoppers abroad and give their staff "
                     "corporate cards, so every expense lands in one place.")["payments-cards"]
    assert r.hit, (r.judgement.probability, r.judgement.unit)
    r = judged(bank, "It serves small businesses that sell across borders, which used to pay high fees to banks and "
                     "wait days for every transfer.")["who-and-why"]
    assert r.hit, (r.judgement.probability, r.judgement.unit)
