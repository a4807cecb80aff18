"""judge79: walk56's wrong ticks. A figure said moving the other way than a point's direction ("latency down": "the p99
went up to fifty milliseconds") does not say the point; people whose agreement was got ("buy-in from the team") are
not the people who benefited; a cue phrase's words do not run across a negation ("logged it but not on Datix"); and a
point that asks for numbers is quoted by a sentence that says one when the answer has one. Typed answers in my own
words through the real judge (the bundled Airwallex bank)."""
from __future__ import annotations

import pytest

from tests.core.analysis.answers import analysed, hits, point
from voiceprep.core.analysis.keypoints import TokenIndex, match_key_point
from voiceprep.core.analysis.text import stem, tokenize_text
from voiceprep.core.banks.model import KeyPoint
from voiceprep.settings import AnalysisSettings

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py


# 1. a figure moving the wrong way ------------------------------------------------------------------------------------

@pytest.mark.parametrize("said", [
    "Under heavy traffic the p99 went up to fifty milliseconds.",
    "Once volume doubled, our latency rose to sixty milliseconds at the ninety-ninth percentile.",
    "After the change throughput fell to two thousand orders a second.",
])
def test_a_figure_moving_against_the_points_direction_does_not_say_it(airwallex, said):
    assert "measured-result" not in hits(airwallex, "hardest-problem", said)


@pytest.mark.parametrize("said", [
    "After the rewrite the p99 went down from fifty to four milliseconds.",
    "Once we moved to the ring buffer, latency dropped to four milliseconds and throughput went up three times.",
    "We cut latency from fifty milliseconds to four.",
])
def test_a_figure_moving_the_points_way_still_says_it(airwallex, said):
    assert "measured-result" in hits(airwallex, "hardest-problem", said)


def test_the_problem_before_and_the_result_after_quote_the_result(airwallex):
    said = ("At peak the p99 went up to fifty milliseconds, which was the problem. After the rewrite the p99 went "
            "down to four milliseconds.")
    r = point(analysed(airwallex, "hardest-problem", said), "measured-result")
    assert r.hit, r.judgement
    assert "down to four" in r.judgement.unit.text


@pytest.mark.parametrize("label, directions", [
    ("The measured result, with numbers: latency down, throughput up", {("latency", "down"), ("throughput", "up")}),
    ("Why it mattered: no lost or duplicated money, fewer incidents", {("incidents", "down")}),
    ("How it stayed up: retries, timeouts, idempotency, graceful degradation", set()),
    ("I cut the first version down to something we could ship in a quarter and said what was left out", set()),
    ("Picking up new technologies quickly: a concrete example", set()),
])
def test_which_labels_name_a_direction(label, directions):
    from voiceprep.core.analysis.judge import direction_facets
    assert set(direction_facets(label)) == {(stem(q), d) for q, d in directions}


# 2. agreement from colleagues is no benefit --------------------------------------------------------------------------

IMPACT = ("The most impactful thing I built was a monitoring platform that watched every cloud region. I designed the "
          "alerting and the dashboards myself.")


@pytest.mark.parametrize("said", [
    "I got buy-in from the team early, which made the rollout easy.",
    "Before we started I got sign-off from my manager and the whole team agreed to the plan.",
])
def test_people_whose_agreement_was_got_did_not_benefit(airwallex, said):
    assert "who-benefited" not in hits(airwallex, "most-impactful", f"{IMPACT} {said}")


def test_people_served_still_benefit_beside_a_buy_in(airwallex):
    said = "I got buy-in from the team early. The on-call engineers got paged half as often."
    assert "who-benefited" in hits(airwallex, "most-impactful", f"{IMPACT} {said}")


# 3. the exact cue matcher stops at a negation ------------------------------------------------------------------------

def _matched(cue: str, said: str) -> bool:
    kp = KeyPoint(id="k", label="l", cues=(cue,))
    return match_key_point(kp, TokenIndex(tokenize_text(said), AnalysisSettings())).hit


@pytest.mark.parametrize("said", [
    "I logged it but not on Datix.",
    "I logged it, never on Datix.",
    "We logged it but didn't on Datix.",
])
def test_a_cue_phrase_does_not_run_across_a_negation(said):
    assert not _matched("logged it on Datix", said)


@pytest.mark.parametrize("said", [
    "I logged it on Datix.",
    "I logged it straight away on Datix.",        # words between, none a negation
])
def test_a_cue_phrase_with_no_negation_between_still_matches(said):
    assert _matched("logged it on Datix", said)


# 4. a point that asks for numbers is quoted by a sentence with one ---------------------------------------------------

@pytest.mark.parametrize("said, figure", [
    ("The most impactful thing I built, I think, is the global monitoring platform, and it reduced incidents and cut "
     "downtime for every region. I led the design. Time to detect an outage dropped from forty minutes to under "
     "five minutes.", "forty minutes"),
    ("The most impactful thing I built, I think, is the global monitoring platform that cut incident costs. It took "
     "six months. On-call engineers used to wait 40 minutes for an alert and now it is under five minutes.",
     "40 minutes"),
])
def test_a_point_asking_for_numbers_quotes_the_sentence_with_the_figure(airwallex, said, figure):
    r = point(analysed(airwallex, "most-impactful", said), "quantified-impact")
    assert r.hit, r.judgement
    assert figure in r.judgement.unit.text, r.judgement.unit.text
