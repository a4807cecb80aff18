"""walk63 2 (quote49): with every tick right, the evidence quoted the wrong sentence on a bank written the way walk63
wrote its own (key points as note headings). `AnswerJudge.one_to_one` gave two points each other's sentences when
a point that asks for a result or a number, whose meaning scores are low and flat, preferred the other's sentence by a
hair ("What changed afterwards, with a number": 0.305 against 0.297 for its own latency sentence) and so lost the
sentence that says its figure. Quotes only: every decision is the same either way."""
from __future__ import annotations

import pytest

from tests.core.analysis.walk63 import BACKEND, walk63_bank
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.judge import AnswerJudge
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

# walk63's pipeline answer as tiny.en heard it ("frog team", "that ID and same transaction is the data")
PIPELINE = (
    "Our event pipeline was a set of cron jobs that copied rows out of the main database every 15 minutes. That was "
    "far too slow for the frog team. We needed events within seconds, and every batch put heavy load on production. I "
    "proposed and designed a replacement built on Kafka. Services published each event once, keyed by account, and "
    "separate consumers feed the ledger, the risk models and the warehouse. To stop events from going missing or being "
    "applied twice, every event carries a unique ID, consumers write that ID and same transaction is the data and skip "
    "anything they have already seen. For the switch, we ran the old then the new path side by side for two weeks and "
    "compared the totals every day. Then we turned the cron jobs off. The latency went from 15 minutes to under two "
    "seconds and month in reconciliation went from three days to half a day.")

# walk63's debugging answer, typed
DEBUGGED = (
    "Last year our checkout got slow at peak: the 99th percentile went from about 200 milliseconds to over two "
    "seconds. Every team said their own service looked fine, so I added distributed tracing with open telemetry across "
    "checkout, the ledger and the risk service. The traces showed that almost all the extra time was spent waiting in "
    "the ledger service for a database connection. The real cause was that each G unicorn worker opened its own pool, "
    "so at peak we ran the Postgres server out of connections. We could have raised the connection limit or rewritten "
    "the ledger to be async. I chose PG bouncer in front of Postgres, because it fixed the cause in a day without a "
    "rewrite, and raising the limit would only have moved the problem. After the change p99 went back under 250 "
    "milliseconds and timeouts dropped by 95%.")


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    return walk63_bank(tmp_path_factory, BACKEND)


def quotes(bank, prompt: str, text: str) -> dict[str, str]:
    a = analyze_answer(bank, bank.prompt(prompt), Transcript.from_text(text), AnalysisSettings())
    assert all(r.hit for r in a.key_points), [r.key_point.id for r in a.key_points if not r.hit]
    return {k: v[0].text for k, v in a.evidence.items() if v}


def test_a_result_point_keeps_its_figure_sentence_and_the_no_loss_point_its_own(bank):
    """main: "How we made sure no events were lost…" quoted "We needed events within seconds…" and "What changed
    afterwards, with a number" the no-loss sentence; the latency sentence was not quoted at all."""
    q = quotes(bank, "pipeline", PIPELINE)
    assert q["no-loss"].startswith("To stop events from going missing"), q["no-loss"]
    assert "from 15 minutes to under two seconds" in q["after"], q["after"]


def test_the_fix_point_keeps_the_sentence_of_the_fix(bank):
    """main: "The fix I chose and why…" quoted the tracing sentence, after `one_to_one` had given the fix the
    result's sentence (the result point preferred the fix's sentence by 0.034) and a later quote rule moved it on."""
    q = quotes(bank, "debugged", DEBUGGED)
    assert q["fix"].startswith("I chose PG bouncer"), q["fix"]
    assert q["root-cause"].startswith("The real cause was"), q["root-cause"]


def test_without_the_figure_guard_the_swap_comes_back(bank, monkeypatch):
    """The guard is what keeps them: without it (main's `one_to_one`) the two points swap again."""
    monkeypatch.setattr(AnswerJudge, "_loses_its_figure", lambda self, kp, quoted, to: False)
    q = quotes(bank, "pipeline", PIPELINE)
    assert not q["after"].startswith("The latency went"), q["after"]


def test_a_result_point_told_by_its_numbers_lists_the_result_before_the_incident(bank):
    """walk63 2: "The result, with a number" (quoted by the Numbers card when ticked, `analyze.told_points`) listed the incident's
    "200 milliseconds", "two seconds" first, then the result's; the result is told after the candidate's first step
    ("I added"), and its figures come first, the rest after, as said."""
    a = analyze_answer(bank, bank.prompt("debugged"), Transcript.from_text(DEBUGGED), AnalysisSettings())
    assert [e.text.rstrip(".") for e in a.evidence["result"]] == [
        "250 milliseconds", "95%", "200 milliseconds", "two seconds"]
    # the Numbers card itself lists them as said
    assert a.delivery.numbers == ["200 milliseconds", "two seconds", "250 milliseconds", "95%"]
