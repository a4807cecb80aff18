"""walk61 5 and walk62 5: a credited point's quote is the unit nearest the whole label, so a sentence that shares a
label word ("once we agreed the order", "because most discharges happened after four o'clock") or tells the scene
("When I joined the team …") was quoted over the one that tells the point: the candidate's own act for a label that
asks what they did, the result for one that asks for the result. Quotes only (analysis.quotes): every decision is the
same with the rule off (`telling_quote_margin` -1)."""
from __future__ import annotations

import types
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.conftest import BANKS
from tests.core.analysis.test_judge_walk61 import WALK61
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.judge import AnswerJudge
from voiceprep.core.analysis.quotes import asks_own_act, reads_as_result, tells_main_act
from voiceprep.core.banks import load_bank
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

# walk61's typed Q1 (/tmp/walk61/txt/a1.txt)
BACKLOG = (
    "When I joined the performance and information team at the trust, there were about ninety report requests "
    "sitting in the queue, some of them waiting for more than two months. Clinicians had stopped asking, because "
    "nothing ever came back. So the first thing I did was stop taking requests by email and put every one of them into "
    "a single list. Then I sat down with the divisional directors for surgery and for medicine, and with the chief "
    "operating officer, and we ranked the whole list together, by patient impact and by how often the report would be "
    "used. That conversation was hard, because everyone's request felt urgent to them, but once we agreed the order, "
    "nobody argued about it again. The biggest single job was the weekly emergency department performance report. An "
    "analyst used to spend most of every Monday copying numbers from three systems into a spreadsheet. I rewrote it as "
    "a scheduled SQL query feeding a Power BI dashboard, so it refreshed itself overnight, and that alone gave us back "
    "a day a week. We used that day on the oldest requests. After three months the queue had gone from ninety requests "
    "to sixty, so about a third smaller, and the average wait had halved. What I learned is that the backlog was a "
    "prioritisation problem before it was a capacity problem.")

# walk61's drill of Q2, told properly (/tmp/walk61/txt/d2.txt)
DECISION = (
    "The clearest example was last winter. Managers wanted twenty more beds for the medical wards. I pulled three years "
    "of admissions and discharges from the patient administration system and worked out, ward by ward and hour by "
    "hour, how full we really were. Before I trusted it, I compared my daily counts with the ward census the nurses "
    "keep by hand, and I found that transfers between wards were being counted twice, so I fixed that first. The "
    "picture was clear: the wards were not short of beds in the morning, they were full in the afternoon, because most "
    "discharges happened after four o'clock. So instead of new beds, the trust set up a discharge lounge and morning "
    "ward rounds. Three months later, patients waiting more than a day to leave after they were medically fit had "
    "fallen by about a quarter.")

# walk62's most-impactful answer (/tmp/walk62/wav/impact1.txt)
IMPACT = (
    "The most impactful thing I have built was a cross-region observability platform at my last company. We ran "
    "services in four cloud regions and every team had its own dashboards, so when routing broke between regions we "
    "often heard about it from customers first. I designed a single monitoring pipeline that pulled metrics and traces "
    "from every region into one place, and I led a team of three engineers to roll it out. I decided we would alert on "
    "what users feel, error rates and latency per region, rather than on machine metrics. As a result, our time to "
    "detect a regional routing problem fell from about forty minutes to under five minutes, and paging incidents "
    "dropped by sixty percent in the first quarter. The on-call engineers got their nights back, and customers saw "
    "fewer failed requests, which mattered to the business. That is directly relevant to Airwallex: spotting routing "
    "and reliability issues early across cloud regions is exactly what a platform that moves money needs.")

OFF = replace(AnalysisSettings(), telling_quote_margin=-1.0)


@pytest.fixture(scope="module")
def walk61(tmp_path_factory):
    path = Path(tmp_path_factory.mktemp("quote46")) / "data-analyst.toml"
    path.write_text(WALK61, encoding="utf-8")
    return load_bank(path)


def quotes(bank, prompt_id: str, text: str) -> dict[str, str]:
    """Each credited point's quote, with the rule on; the decisions asserted identical to the rule off."""
    prompt = bank.prompt(prompt_id)
    on = analyze_answer(bank, prompt, Transcript.from_text(text))
    off = analyze_answer(bank, prompt, Transcript.from_text(text), OFF)
    assert on.judge.method == "semantic", on.judge.message
    assert [(r.key_point.id, r.hit, r.confidence) for r in on.key_points] == \
        [(r.key_point.id, r.hit, r.confidence) for r in off.key_points]           # quotes only
    return {k: v[0].text for k, v in on.evidence.items() if v}


def test_the_main_act_is_the_candidates_own_past_act_not_a_scene_or_a_when_clause():
    assert tells_main_act("I rewrote it as a scheduled SQL query feeding a Power BI dashboard,")
    assert tells_main_act("Then I sat down with the divisional directors for surgery and for medicine,")
    assert tells_main_act("The most impactful thing I have built was a cross-region observability platform.")
    assert not tells_main_act("When I joined the performance and information team at the trust,")
    assert not tells_main_act("That conversation was hard, but once we agreed the order, nobody argued about it again.")
    assert not tells_main_act("What I learned is that the backlog was a prioritisation problem.")
    assert not tells_main_act("An analyst used to spend most of every Monday copying numbers into a spreadsheet.")
    assert not tells_main_act("I didn't write the migration.")
    assert not tells_main_act("I would rewrite it as a scheduled query.")


def test_a_result_is_a_change_said_not_its_cause():
    assert reads_as_result("Three months later, patients waiting more than a day had fallen by about a quarter.")
    assert reads_as_result("As a result, our time to detect fell from forty minutes to five.")
    assert not reads_as_result("because most discharges happened after four o'clock.")


def test_what_i_automated_is_quoted_by_the_act_not_the_scene(walk61):
    quote = quotes(walk61, "time-cleared-reporting-backlog", BACKLOG)["automated"]
    assert quote.startswith("I rewrote it as a scheduled SQL query"), quote


def test_who_i_agreed_the_priorities_with_is_quoted_by_the_sentence_that_names_them(walk61):
    quote = quotes(walk61, "time-cleared-reporting-backlog", BACKLOG)["agreed-priorities"]
    assert "divisional directors" in quote or "chief operating officer" in quote, quote


def test_the_result_is_quoted_by_the_result_not_its_cause(walk61):
    quote = quotes(walk61, "time-analysis-changed-decision", DECISION)["state-result-fewer"]
    assert "had fallen by about a quarter" in quote, quote


def test_your_role_is_quoted_by_what_you_designed_led_or_decided_not_the_opening():
    bank = load_bank(BANKS / "airwallex.toml")
    quote = quotes(bank, "most-impactful", IMPACT)["your-role"]
    assert not quote.startswith("The most impactful thing"), quote
    assert "I designed" in quote or "I led" in quote or "I decided" in quote, quote


def test_a_state_is_no_act_and_a_past_written_as_its_base_is_one():
    """dev nm-staff-03 and nm-complaint-05 (a first version moved both to a worse quote)."""
    assert not tells_main_act("We had a night where we were three nurses short.")
    assert tells_main_act("I read the chart and spoke to the night nurse.")


def test_an_act_told_as_what_it_was_is_an_act():
    """dev2 d2e-nm-qi-04: "What we ended up doing, I think the big thing, was a turning schedule" was moved off."""
    assert tells_main_act("What we ended up doing, I think the big thing, was a turning schedule.")
    assert tells_main_act("What I did do was get the foremen into the cabin each morning.")
    assert not tells_main_act("What I learned is that the backlog was a prioritisation problem.")


def test_a_subordinate_clause_before_the_act_leaves_the_act_told():
    """dev2 d2j-se-unsafe-07 and d2i-ph-service-02 were moved off their right quotes by a first version."""
    assert tells_main_act('Once he was on the ground I said, "Talk me through it."')
    assert tells_main_act("We tried it for one street area first, for a month.")


def test_a_when_clause_told_without_a_comma_leaves_the_act_after_it_told():
    """read46c 1: the first "I" after "When" ended the clause's reading, so the act after it was never read."""
    assert tells_main_act("When I joined I rewrote the runbook.")
    assert tells_main_act("Once we agreed the order we ranked the whole list together.")
    assert not tells_main_act("When I joined the team we had ninety requests waiting.")
    assert not tells_main_act("Once we agreed the order nobody argued about it again.")
    assert not tells_main_act("When I joined there were ninety requests.")


def test_a_label_that_asks_how_or_why_asks_for_the_way_or_the_reason_not_the_act():
    """read46c 3: "How I noticed the numbers were off" was read as an act label, so its quote ("The cause, when I found
    it, was…") was moved onto "So I phoned the trading director's office…" (dev2 d2h-da-error-02)."""
    judge = SimpleNamespace(story=True)
    judge._own_act = types.MethodType(AnswerJudge._own_act, judge)
    assert asks_own_act(judge, "Say what I automated")
    assert asks_own_act(judge, "I found out why it had happened")          # the act is finding out
    assert not asks_own_act(judge, "How I noticed the numbers were off")
    assert not asks_own_act(judge, "Explain why I chose a discharge lounge over new beds")
    assert not asks_own_act(judge, "Say why I picked the vendor")
    # read47a 3: a "how" whose verb is the act asks for the act done, its way told with it
    assert asks_own_act(judge, "How I changed the plan")
    assert asks_own_act(judge, "Say how I checked the data quality")
    assert asks_own_act(judge, "How I got the team on board")
    # an adverb before the verb of knowing keeps it a "how I came to know" label (read47c 5)
    assert not asks_own_act(judge, "How I first noticed the numbers were off")
    assert not asks_own_act(judge, "How we eventually discovered the leak")


# walk61's drill of Q2, the result told without a STAR cue and a far-off "In the end, …" after it
DECISION_FAR_END = DECISION.replace(
    "Three months later, patients waiting more than a day to leave after they were medically fit had fallen by about a "
    "quarter.",
    "Three months later, far fewer patients were stuck waiting a day to leave after they were medically fit, about a "
    "quarter fewer. In the end, the lounge cost less than one new bed.")


def test_a_far_off_in_the_end_does_not_take_a_result_points_quote(walk61):
    """read46c 2: the result rule took any sentence with a STAR result cue, however far from the label ("In the end,
    the lounge cost less than one new bed." 0.22 against the quote's 0.98)."""
    assert DECISION_FAR_END != DECISION
    quote = quotes(walk61, "time-analysis-changed-decision", DECISION_FAR_END)["state-result-fewer"]
    assert not quote.startswith("In the end"), quote


def test_a_result_told_as_went_to_gone_or_still_running_at_reads_as_a_result():
    """quote47's noticed gap: a result told "went to", "went back to", "was gone in a month", "still running at"
    did not read as one, so the result rule moved a result point's right quote to another result sentence (d2q-058:
    "Mis-picks went to point one two percent, …" → "After four weeks zone C's error rate was down by seventy
    percent…"; d2c-lo-proc-08: "…it's still running at about three days," → "Refund time went from eleven days to
    three")."""
    assert reads_as_result("Mis-picks went to point one two percent, and nine months later it was still point one three.")
    assert reads_as_result("Refund time went from eleven days to three")
    assert reads_as_result("latency went from 15 minutes to under two seconds")
    assert reads_as_result("and the backlog was gone in a month,")
    assert reads_as_result("and, um, it's still running at about three days,")
    # going to someone, or a person gone, is no result; nor a count picked from
    assert not reads_as_result("I went to two of the night nurses first.")
    assert not reads_as_result("So I went to the site manager and asked for an hour with the crew.")
    assert not reads_as_result("By the time I got there he was gone.")
    # "point" is a figure only before a number (read47c 2)
    assert not reads_as_result("So I went to point out the gap to the director.")
    assert not reads_as_result("We still point new starters at the old runbook.")


# dev2 d2q-015 (affirm-backend-platform, debug-performance): the fix told as what it was, its result in the same
# sentence as "p99 went back to about three hundred and twenty milliseconds"
FIX_THEN_RESULT = (
    "So checkout at the marketplace started timing out, not all the time, but every afternoon between about two and "
    "four the p99 on the checkout API went from three hundred milliseconds to over six seconds, and the payment step "
    "would just give up. Support noticed first, because people were emailing that they'd been charged but had no "
    "order. I started with our Jaeger traces for the slow requests and they all had the same shape: the time wasn't in "
    "checkout, it was in the inventory service, waiting for a database connection. Then the Postgres metrics showed "
    "the inventory database at a hundred percent of its connection limit at exactly those hours. It turned out a "
    "reporting job that the merchandising team ran every afternoon was using the same connection pool as live "
    "traffic, and it held connections open for minutes while it streamed a huge query, so checkout calls queued "
    "behind it. The fix was moving the report onto a read replica with its own pool, and p99 went back to about three "
    "hundred and twenty milliseconds the same day, and the charged-but-no-order emails stopped. Afterwards I wrote to "
    "all the teams explaining what had happened and asked everyone to be careful about running heavy queries against "
    "production, and we brought it up in the next engineering all-hands.")


@pytest.fixture(scope="module")
def affirm():
    return load_bank(BANKS / "affirm-backend-platform.toml")


@pytest.mark.parametrize("text", [FIX_THEN_RESULT, FIX_THEN_RESULT.replace(
    "own pool, and p99 went back to about three hundred and twenty milliseconds the same day, and the charged",
    "own pool. The charged")], ids=["result-in-its-sentence", "fix-alone"])
def test_the_fix_told_as_what_it_was_keeps_the_quote_of_the_fix_and_the_result(affirm, text):
    """quote47's noticed gaps: the result rule did not read "went back to about three hundred … milliseconds" as a
    result nor honour `FRAMED_ACT` as the act rule does, so "The fix was moving the report onto a read replica…" lost
    "The fix and the measured result" to the incident's "p99 … went from three hundred milliseconds to over six
    seconds" (d2q-015)."""
    quote = quotes(affirm, "debug-performance", text)["fix-and-result"]
    assert quote.startswith("The fix was moving the report"), quote
