"""judge103: what only looks as if it fills a heading's slot (`slot_fills.py`), read alone and through the judge: a
symptom noticed, "it turned out fine", a "because" after how it felt, a technology only planned or weighed, and the
verbs whose past is their present told in a past story. Each reader is also asked what it must keep."""
from __future__ import annotations

import pytest

from tests.core.analysis.walk63 import walk63_bank
from voiceprep.core.analysis.evaluation import judge_hits
from voiceprep.core.analysis.segments import clean
from voiceprep.core.analysis.slot_fills import (
    explains_a_feeling,
    noticed_a_state,
    only_weighed,
    told_with_base_pasts,
    turned_out_how_it_went,
)
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings


def w(text: str) -> list[str]:
    return [clean(x) for x in text.split()]


@pytest.mark.parametrize("said", ["the p99 latency had doubled right after the Tuesday deploy.",
                                  "the dashboards were red and the customers were complaining a lot.",
                                  "the queue was long.", "that checkout was really slow every afternoon.",
                                  "the pool had been slow for weeks.", "it was there."])
def test_a_state_noticed_is_a_symptom(said):
    assert noticed_a_state(w(said))


@pytest.mark.parametrize("said", [
    "the timeouts lined up exactly with the nightly reindex job, which was hammering the same Elasticsearch cluster",
    "that the cron job was locking the orders table", "every worker opened its own pool",
    "it was because the cache was cold", "the errors were all coming from the payments service",
    "a missing index on the orders table",
    # judge108: a thing named ("there was", "had" with a thing; read49a 2), a thing's own clause (read49a 3)
    "there was a race condition in the cache invalidation", "the connection pool had only two connections",
    "the orders table had no index on customer id", "a bug in the retry logic that double-charged customers"])
def test_a_cause_noticed_is_no_mere_state(said):
    assert not noticed_a_state(w(said))


@pytest.mark.parametrize("said, went", [("fine in the end and the customers were happy again.", True),
                                        ("well.", True),
                                        ("the inventory pods were being rescheduled", False),
                                        ("to be the pricing service", False),
                                        ("kids were loading scrap paper", False),
                                        ("every worker was opening its own pool", False)])
def test_turned_out_how_it_went(said, went):
    assert turned_out_how_it_went(w(said)) is went


@pytest.mark.parametrize("before, feeling", [("It was a stressful project", True), ("It was hard", True),
                                             ("we were all really stressed", True),
                                             ("and it was lunchtime,", False),
                                             ("it was the desk being empty at lunch", False),
                                             ("the checkout kept timing out", False)])
def test_a_because_after_how_it_felt(before, feeling):
    assert explains_a_feeling(w(before)) is feeling


@pytest.mark.parametrize("reason, feeling", [("the retry job double-charged their cards", False),   # judge108
                                             ("the cron job was locking the orders table", False),
                                             ("the deadline was close and my manager was worried", True),
                                             ("the services were owned by different teams", True)])
def test_a_because_after_how_it_felt_that_tells_an_act_on_a_thing(reason, feeling):
    """read49a 5: the reason after "because" voids the cause only when it tells a state, not an act on a thing."""
    assert explains_a_feeling(w("The customers were angry"), w(reason)) is feeling


@pytest.mark.parametrize("thing, weighed", [("We were going to try GraphQL", True), ("We considered Terraform", True),
                                            ("We thought about Elixir", True), ("we looked at Kafka", True),
                                            ("we evaluated Kafka and RabbitMQ and picked Kafka", False),
                                            ("We inherited a Go service", False),
                                            ("we got a self-issue kiosk", False),
                                            # judge108: an act before the weighing (read49a 4)
                                            ("we adopted kafka after looking at the alternatives", False),
                                            ("we were planning to move to kafka", True)])
def test_a_technology_only_weighed(thing, weighed):
    assert only_weighed(w(thing)) is weighed


@pytest.mark.parametrize("said, story, told", [
    ("I read the Tour of Go first, then I let the author walk me through the service while I put every question in "
     "a doc.", True, True),
    ("I read the Tour of Go first.", False, False),                    # no past story before it: no tense to read
    ("I usually just read the docs.", True, False),                    # a habit
    ("I read the docs and I pick things up fast.", True, False),       # "pick": a present of its own
    ("I'm a fast learner.", True, False)])
def test_base_pasts_told_in_a_past_story(said, story, told):
    assert told_with_base_pasts(w(said), story) is told


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    return walk63_bank(tmp_path_factory)


@pytest.mark.usefixtures("fresh_judge")
@pytest.mark.parametrize("text", [
    "The search API timed out every night at two. I noticed the timeouts lined up exactly with the nightly reindex "
    "job, which was hammering the same Elasticsearch cluster the API read from.",
    "Checkout got slow every afternoon. I noticed that the cron job was locking the orders table for minutes."])
def test_a_cause_noticed_still_fills_the_cause_slot(bank, text):
    assert "root-cause" in judge_hits(Transcript.from_text(text), bank.prompt("debugged-performance"),
                                      AnalysisSettings(), bank)


@pytest.mark.usefixtures("fresh_judge")
@pytest.mark.parametrize("text", [
    "Last year our catalogue kept crashing. We evaluated Koha and Oliver and picked Oliver because the school servers "
    "were being switched off.",
    "We looked at a few options and brought in RFID tags because books were walking out of the library."])
def test_a_technology_weighed_then_picked_still_fills_the_technology_slot(bank, text):
    assert "technology-needed" in judge_hits(Transcript.from_text(text), bank.prompt("time-pick-new-technology"),
                                             AnalysisSettings(), bank)
