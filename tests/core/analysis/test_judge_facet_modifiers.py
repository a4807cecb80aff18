"""judge65: a label's list split at its commas keeps coordinated modifiers together. "The mission: friendlier, more
transparent financial products that improve lives" lists one thing, products that are friendlier and more
transparent: "friendlier" alone is no facet (a bare adjective carries no meaning of its own, judge62), it joins the
item it modifies. An item list of nouns ("retries, timeouts, idempotency") keeps its one-word items."""
from __future__ import annotations

from pathlib import Path

import pytest

from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.judge import facets
from voiceprep.core.banks import BankRegistry
from voiceprep.core.transcript import Transcript

BANKS = Path(__file__).parents[3] / "question_banks"

MISSION = "The mission: friendlier, more transparent financial products that improve lives"


def test_a_bare_modifier_before_a_graded_item_joins_it():
    assert facets(MISSION) == ["The mission", "friendlier, more transparent financial products that improve lives"]
    assert facets("What we aim for: simpler, less costly releases") == ["What we aim for", "simpler, less costly releases"]


def test_one_word_items_of_a_list_stay_items():
    assert facets("How it stayed up: retries, timeouts, idempotency, graceful degradation") == [
        "How it stayed up", "retries", "timeouts", "idempotency", "graceful degradation"]
    assert facets("Your fit: Python, real-time distributed services, owning technical decisions") == [
        "Your fit", "Python", "real-time distributed services", "owning technical decisions"]
    assert facets("The scale: many countries and currencies, more volume") == [
        "The scale", "many countries", "currencies", "more volume"]



def test_a_noun_in_er_before_more_of_a_thing_stays_an_item():
    """judge67: "server" ends in -er but is a noun, and "more replicas" grades no modifier (more of a plural thing):
    both stay items."""
    assert facets("Scaling reads: a cache, server, more replicas") == [
        "Scaling reads", "a cache", "server", "more replicas"]
    assert facets("What we added: more buffer, more queues") == ["What we added", "more buffer", "more queues"]


def test_an_adjective_in_s_after_more_is_graded_still():
    """read39a 4: judge67's plural test also took "seamless" and "serious" for plurals ("more replicas"), splitting
    "faster, more seamless checkout" in two again."""
    assert facets("The goal: faster, more seamless checkout") == ["The goal", "faster, more seamless checkout"]
    assert facets("The cost: cheaper, more serious incidents") == ["The cost", "cheaper, more serious incidents"]

@pytest.mark.usefixtures("fresh_judge")     # tests/core/analysis/conftest.py
def test_a_friendlier_office_is_not_the_mission():
    """Typed through the real judge: "friendlier" said of the people met is no facet of the mission met (a bare
    facet "friendlier" put it at facet 0.43, p 0.42; the joined facet puts it at 0.24, p 0.22)."""
    bank = next(b for b in BankRegistry.discover([BANKS]).banks if b.id == "affirm-backend-platform")
    text = "Honestly the people I met there were friendlier than anywhere else I interviewed."
    a = analyze_answer(bank, bank.prompt("why-affirm"), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    mission = next(r for r in a.key_points if r.key_point.id == "mission")
    assert not mission.hit
    assert mission.judgement.features.facet_max < 0.3
    assert mission.judgement.probability < 0.3
