"""judge80 (walk56 finding 1, issue 11): a "why I want to join" answer given to the product-range question of the
Airwallex bank scored 6 of 6. Its floor ticks (judge26/28: a story told in many details counts a point from a low
probability) came from sentences about the candidate's career ("building those underlying platforms" for embedded
finance, "high availability for systems where an outage really hurts" for the scale). An answer whose sentences are on
average nearer another question of the bank than this one was told for that question: its details are no evidence
here, and neither floor counts. Told for its own question, the same answer keeps its floor tick. Typed through the real
judge, my own wording."""
from __future__ import annotations

import pytest

from tests.core.analysis.answers import analysed, point
from voiceprep.core.analysis.embedder import get_embedder
from voiceprep.core.analysis.judge import nearer_another
from voiceprep.core.analysis.segments import units
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

WHY_JOIN = (
    "So why do I want to join this company? Honestly it comes down to the kind of engineering problems I want to "
    "spend the next few years on. For the last six years I have worked on backend infrastructure, mostly keeping "
    "services up across several cloud regions, and what I enjoy most is the stuff underneath: latency, routing "
    "requests to the right place, and high availability for systems where an outage really hurts. At a payments "
    "company those problems are sharper because the services actually move money, so a dropped request is somebody's "
    "salary or a supplier not getting paid. I also like that the engineering organisation is big enough that internal "
    "tooling matters, you have hundreds of engineers who need good automation and good deployment pipelines. Where I "
    "want to grow is building those underlying platforms that other teams rely on, rather than one feature at a time. "
    "And culturally, the people I spoke to talked about ownership and moving quickly, which is how I like to work. My "
    "previous team was around twelve people in Singapore and I led the migration of our monitoring stack to a "
    "multi-region setup, so I think I can contribute from day one while learning a lot about the payments side.")


def test_a_why_join_answer_is_nearer_the_why_question_than_the_product_question(airwallex):
    raw = [w.word for w in Transcript.from_text(WHY_JOIN).words()]
    told = units(raw)
    embedder = get_embedder()
    assert embedder is not None
    vectors = embedder.embed([u.text for u in told])
    prompts = airwallex.all_prompts()
    settings = AnalysisSettings()
    product, why = airwallex.prompt("product-range"), airwallex.prompt("why-airwallex")
    assert nearer_another(embedder, vectors, told, raw, product, prompts, settings)
    assert not nearer_another(embedder, vectors, told, raw, why, prompts, settings)


def test_a_why_join_answer_does_not_cover_the_product_range(airwallex):
    a = analysed(airwallex, "product-range", WHY_JOIN)
    ticked = {r.key_point.id for r in a.key_points if r.hit}
    # main (semantic-64): embedded-finance and scale by the cued floor, payments-cards by meaning ("the payments side")
    assert not ticked & {"embedded-finance", "scale", "accounts", "transfers-fx", "who-and-why"}, [
        (r.key_point.id, r.judgement.probability, r.judgement.unit.text) for r in a.key_points if r.hit]
    assert len(ticked) <= 1
    assert point(a, "embedded-finance").judgement.probability < 0.5


def test_told_for_its_own_question_the_same_answer_keeps_its_floor(airwallex):
    a = analysed(airwallex, "why-airwallex", WHY_JOIN)
    ticked = {r.key_point.id for r in a.key_points if r.hit}
    assert ticked >= {"hard-problems", "own-observability", "growth", "business-impact"}, ticked
    assert point(a, "business-impact").judgement.probability == pytest.approx(0.5)     # the cued floor (judge28)


def test_every_evaluation_builds_the_judge_as_the_app_does_with_the_banks_other_questions(airwallex):
    """mendF (review read42): bench/judge_fit.py, judge_cv.py and judge_banks.py built the judge without the bank's
    other questions, so judge80's gate was off in them (judge_eval's `evaluate` gave them). Every evaluation builds
    it through `evaluation.answer_judge`: the gate on, the app's hits."""
    from bench.judge_fit import answer_judge as fit_judge
    from voiceprep.core.analysis.evaluation import Labeled, answer_judge, evaluate, judge_hits

    product = airwallex.prompt("product-range")
    transcript = Transcript.from_text(WHY_JOIN)
    settings = AnalysisSettings()
    app = {r.key_point.id for r in analysed(airwallex, "product-range", WHY_JOIN).key_points if r.hit}
    judge = answer_judge(transcript, airwallex, product, settings, get_embedder())
    assert judge.elsewhere                                          # told for another question of the bank
    assert {kp.id for kp in product.key_points if judge.judge(kp).hit} == app == judge_hits(
        transcript, product, settings, airwallex)
    item = Labeled(airwallex.id, product.id, "vague", WHY_JOIN, frozenset())
    assert fit_judge(item, {airwallex.id: airwallex}, transcript, settings, get_embedder()).elsewhere   # main: False
    scores = evaluate([item], {airwallex.id: airwallex}, lambda _i: transcript, judge_hits, settings)
    assert scores.fp == len(app), scores.fp
