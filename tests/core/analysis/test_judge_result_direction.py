"""judge83: wrong ticks found on walks. A point that asks for a result is not said by a figure that got worse (walk57 1:
"p95 latency went from 300 milliseconds to 4 seconds" is the incident, not "I shipped a fix and measured latency
before and after"; that test is test_judge_incident_figures.py's, no longer an xfail); judge79's direction rule reads
a pronoun ("it went up to fifty milliseconds" after "the p99 latency") and a factor with no figure ("latency
doubled"); a sentence set aside for saying the opposite is hinted as saying the opposite, not as a general remark; a
mission only liked ("I'm really drawn to the mission") is not the mission. Typed answers in my own words through the
real judge (the bundled Airwallex and Affirm banks, and the walk57 bank of test_judge_incident_figures)."""
from __future__ import annotations

import pytest

from tests.core.analysis.answers import analysed, hits, point
from tests.core.analysis.test_judge_incident_figures import BANK, INCIDENT
from voiceprep.app.judging import _detail
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.text import stem, tokenize_text
from voiceprep.core.banks import parse_bank
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

PEAK = "Our order matching engine had a real problem at peak."


# a figure that got worse is no result --------------------------------------------------------------------------------

@pytest.mark.parametrize("said", [
    f"{PEAK} The p99 latency was our main worry. Under load it went up to fifty milliseconds.",
    f"{PEAK} The p99 latency was fine at first, but under load it went up to fifty milliseconds.",
    f"{PEAK} Under load latency doubled.",
    f"{PEAK} Under load the p99 latency went from five milliseconds to fifty.",
])
def test_a_quantity_getting_worse_does_not_say_the_measured_result(airwallex, said):
    assert "measured-result" not in hits(airwallex, "hardest-problem", said)


@pytest.mark.parametrize("said", [
    "After the rewrite our p99 latency went from fifty milliseconds to four.",
    f"{PEAK} We rewrote the matching engine. The p99 latency was our main worry. After the rewrite it came down to four "
    "milliseconds.",
    "Once we moved to the ring buffer, latency halved and throughput doubled.",
])
def test_a_quantity_getting_better_still_says_it(airwallex, said):
    assert "measured-result" in hits(airwallex, "hardest-problem", said)


IMPLIED = AnalysisSettings(result_ways_implied=True)     # off by default: see settings.py


def _slow(text: str, settings: AnalysisSettings = IMPLIED):
    bank = parse_bank(BANK)
    a = analyze_answer(bank, bank.prompt("slow"), Transcript.from_text(text), settings)
    assert a.judge.method == "semantic", a.judge.message
    return a


def test_the_incidents_own_figures_are_no_measured_result_with_the_worse_way_read():
    r = point(_slow(INCIDENT), "measured")
    assert not r.hit, r.judgement
    assert point(_slow(INCIDENT, AnalysisSettings()), "measured").hit     # the default: as main


def test_the_fixs_result_told_with_our_and_no_i_still_counts():
    said = INCIDENT + " After the release our p95 went from 4 seconds to 250 milliseconds."
    r = point(_slow(said), "measured")
    assert r.hit, r.judgement


@pytest.mark.parametrize("label, quantities", [
    ("I shipped a fix and measured latency before and after", {"latency", "throughput"}),
    ("The fix and the measured result", {"latency", "errors", "throughput"}),
    ("The measured result, with numbers: latency down, throughput up", {"latency", "throughput"}),
    ("I noticed the warning signs early, like falling usage or our main contact leaving", set()),
    ("The symptom and its impact: latency spike, timeouts, who noticed", set()),
])
def test_which_points_want_a_quantity_moved_the_better_way(label, quantities):
    from voiceprep.core.analysis.judge import better_ways
    ways = dict(better_ways(label))
    assert {q for q in quantities if stem(q) in ways} == quantities
    assert ways.get(stem("latency"), "down") == "down" and ways.get(stem("throughput"), "up") == "up"


@pytest.mark.parametrize("said, ways", [
    ("latency went from 300 milliseconds to 4 seconds", ["up"]),
    ("p99 went from 2 seconds to 300 ms", ["down"]),
    ("from five milliseconds to fifty", ["up"]),
    ("errors went from 5 to 0.1 percent", ["down"]),
    ("from about forty minutes to under five", ["down"]),
    ("we moved from Postgres to Kafka", []),
])
def test_which_way_from_and_to_figures_go(said, ways):
    from voiceprep.core.analysis.judge import figure_moves
    assert [way for _, way in figure_moves(tokenize_text(said))] == ways


# "Close, but it says the opposite" ----------------------------------------------------------------------------------

def test_a_sentence_that_says_the_opposite_is_hinted_as_such(airwallex):
    r = point(analysed(airwallex, "hardest-problem", f"{PEAK} Under load latency doubled."), "measured-result")
    assert not r.hit
    assert r.judgement.excluded_why == "opposite"
    detail = _detail(r)
    assert detail.startswith("Close, but it says the opposite of the point: “Under load latency doubled.”"), detail
    assert "general remark" not in detail


def test_the_incidents_figures_are_hinted_as_the_opposite_of_the_measured_result():
    r = point(_slow(INCIDENT), "measured")
    assert not r.hit
    assert _detail(r).startswith("Close, but it says the opposite of the point: “In March our payments search got slow, "
                                 "p95 latency went from 300 milliseconds to 4 seconds.”")


# the mission liked, never said ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def affirm():
    from tests.core.analysis.conftest import BANKS
    from voiceprep.core.banks import load_bank
    return load_bank(BANKS / "affirm-backend-platform.toml")


@pytest.mark.parametrize("said", [
    "I'm really drawn to the mission and to consumer finance in general. It's a space that needs new ideas and I think "
    "Affirm is doing great things.",
    "Affirm has a great mission and a strong culture, and consumer finance is a space that's ready for new ideas. I'm "
    "passionate about building products that make a difference in people's lives.",
])
def test_a_mission_liked_but_never_said_is_not_the_mission(affirm, said):
    assert "mission" not in hits(affirm, "why-affirm", said)


@pytest.mark.parametrize("said", [
    "The mission is what drew me in. Affirm is transparent about what a loan costs and never charges late fees.",
    "I'm drawn to the mission: friendlier, more transparent financial products that improve lives.",
])
def test_a_mission_liked_and_said_is_the_mission(affirm, said):
    assert "mission" in hits(affirm, "why-affirm", said)


def test_a_head_of_many_words_liked_is_no_mission_liked(airwallex):
    # "The hard problems under it: ..." (a head of more than one word): "I want to be the person who builds ..." says
    # "builds" near a word of liking, and the point is still judged by meaning (the rule's first form lost it)
    said = ("What I like is what you build underneath. The hard part is infrastructure: systems spread over several "
            "regions that have to agree on balances, payments that need a fast path, and services that just can't go "
            "down. Long term I want to be the person who builds the foundations under products like that.")
    assert "hard-problems" in hits(airwallex, "why-airwallex", said)


def test_a_move_after_and_is_not_read_back_to_the_quantity_before_it():
    """read43c 2: "We halved p99 latency and doubled throughput" was read as "latency up" (the quantity before "and"
    taken for "doubled"), so the best result sentence was "Close, but it says the opposite"."""
    from voiceprep.core.analysis.judge import direction_facets, moves_against

    ways = direction_facets("The measured result, with numbers: latency down, throughput up")
    assert ways

    def against(text: str) -> bool:
        return moves_against(text.split(" "), set(), ways)

    assert not against("we halved p99 latency and doubled throughput")
    assert not against("latency halved and throughput doubled")
    assert against("we doubled p99 latency")
    assert against("latency doubled and throughput halved")
