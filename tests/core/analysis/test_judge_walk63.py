"""walk63 1 (judge97), typed through the real judge on a bank written the way walk63 wrote its own, key points as
note headings: a heading that names a result and asks for its number ("The result, with a number", "What it saved,
with a number") is credited when the answer tells the result with a figure that measures it ("went from three restarts
a day to none"), not by a bare number, a number that says nothing changed, or a plan. judge99: a heading that names
the technology and why ("The technology and why I needed it") or the cause ("The root cause I found") is credited by
the sentence that fills the slot, a thing named with its reason, a cause told as found, not by the vague answer, a
plan, the old system or the slot named with nothing in it."""
from __future__ import annotations

import pytest

from tests.core.analysis.walk63 import walk63_bank
from voiceprep.core.analysis.evaluation import judge_hits
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

# walk63's typed answer to the new-technology prompt (its strong story)
GO_STORY = (
    "Last spring our team inherited a Go service that handled card authorisations, and nobody on the team had written "
    "Go. The original author was leaving in three weeks, and we could not touch the service safely without someone who "
    "understood it. I took it on. I worked through the Tour of Go in two evenings, then paired with the author every "
    "morning and read the service end to end, writing down every question. In the second week I added tracing and "
    "fixed a goroutine leak that had been causing restarts. Before the author left I shipped a retry policy for the "
    "upstream card network, and the service went from three restarts a day to none for the next two months.")


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    return walk63_bank(tmp_path_factory)


def ticked(bank, text: str, prompt: str = "time-pick-new-technology") -> set[str]:
    """The points the judge itself ticks (as bench/judge_eval.py reads it, and as the app shows them: the Numbers card
    only quotes the figures of "The result, with a number" when the judge ticks it, `analyze.card_decides`, mend57)."""
    return judge_hits(Transcript.from_text(text), bank.prompt(prompt), AnalysisSettings(), bank)


@pytest.mark.parametrize("text", [
    GO_STORY,
    # walk63's v2.txt, the story told short
    "I had to learn Go quickly because we inherited a Go service and its author was leaving in three weeks. I learned "
    "it by working through the Tour of Go in two evenings and pairing with the author every morning. I shipped a retry "
    "policy with it, and restarts went from three a day to none.",
])
def test_a_result_heading_is_credited_by_the_result_told_with_its_number(bank, text):
    """walk63 1: the restarts going from three a day to none is the result, with a number (main: not ticked)."""
    assert "result-number" in ticked(bank, text)


@pytest.mark.parametrize("text", [
    # walk63's vague answer to the same prompt: no result, no number
    "Yeah, I pick things up pretty fast. I usually just read the docs and try stuff out, and I ask people.",
    # a number, but nothing changed
    "I learned Go for a service we inherited. The service still restarted about three times a day after that.",
    # a plan with a number
    "I would learn Go from the Tour of Go, and I would hope to get restarts down from three a day to none.",
    # the heading said back with no result
    "The result, with a number: it went really well and everyone was happy with how fast I learned it.",
])
def test_a_result_heading_is_not_credited_without_a_measured_result(bank, text):
    assert "result-number" not in ticked(bank, text)


# walk63 5 (judge100): "How I learned it fast" asks for this story's way of learning; a claim about oneself in the
# present ("I'm a fast learner", "I pick things up quickly") names the manner and tells no way, even in an answer
# with a story's details around it
SELF_CLAIM_STORY = (
    "Last year we inherited a Go service from the payments team, 40,000 lines, and I had three weeks before its author "
    "left. I'm a fast learner, and I pick things up quickly. I shipped a retry policy and restarts went from three a "
    "day to none.")


@pytest.mark.parametrize("text", [
    SELF_CLAIM_STORY,
    "Yeah, I pick things up pretty fast. I usually just read the docs and try stuff out, and I ask people.",
])
def test_a_how_heading_is_not_credited_by_a_claim_about_oneself(bank, text):
    assert "learned-fast" not in ticked(bank, text)


@pytest.mark.parametrize("text", [
    GO_STORY,
    # the heading read back before a colon is no claim about oneself: what follows it tells the way
    "The technology was Go, for a card service we inherited. How I learned it fast: I worked through the Tour of Go in "
    "two evenings and paired with the author every morning.",
])
def test_a_how_heading_is_credited_by_the_way_told(bank, text):
    assert "learned-fast" in ticked(bank, text)


# walk63's typed reply to its own follow-up "Can you tell me about the technology and why you needed it?" (0 of 1)
GO_REPLY = ("It was Go. We inherited a Go service that handled card payments, and its only author was leaving in three "
            "weeks, so someone on the team had to be able to change it safely.")


@pytest.mark.parametrize("text", [
    GO_REPLY,
    "I had to learn Go quickly because we inherited a Go service and its author was leaving in three weeks.",
    # the thing in its own sentence, the reason in the next (writer V, d2v-041)
    "A Go service. The reason was that its only author was leaving in three weeks and nobody else had written Go.",
])
def test_a_technology_heading_is_credited_by_the_thing_named_with_its_reason(bank, text):
    """judge99 (walk63 1): "The technology and why I needed it" is a slot; Go named and why it had to be learned fills
    it (main: not ticked)."""
    assert "technology-needed" in ticked(bank, text)


# read48e: the negatives for the old system and for a reason given for one's own act were refused before their guards
# were reached (no reason word; "she is", present), so they passed with the guard taken out; these reach them
OLD_SYSTEM = "Our old billing service kept crashing because it only ran on one server."
OWN_ACT_REASON = "I got the database administrator down, because she was the only one who could see the server settings."


@pytest.mark.parametrize("text", [
    # walk63's vague answer
    "I pick things up pretty fast. I usually just read the docs.",
    # a plan
    "I would pick Go because it is fast and simple, so the team could change it safely.",
    # the old system, and no new one named (writer V, d2v-050, said with a reason so that `OLD_WORDS` decides it)
    OLD_SYSTEM,
    # "the new one", no name
    "We got the new one in because the old one kept failing.",
])
def test_a_technology_heading_is_not_credited_without_a_thing_named_and_its_reason(bank, text):
    assert "technology-needed" not in ticked(bank, text)


@pytest.mark.parametrize("text", [
    # walk63's debugging answer, typed and as tiny.en heard it
    "Checkout timeouts spiked at peak, so I added distributed tracing with OpenTelemetry. The real cause was that each "
    "Gunicorn worker opened its own pool, so Postgres ran out of connections.",
    "so i added distributed tracing with open telemetry and the real cause was that each g unicorn worker opened its "
    "own pool and ran the post for a server out of connections",
    "The timeouts kept coming back. It turned out every worker was opening its own pool of database connections.",
    # a cause told with "because" after a finding, the finding a unit of its own (writer V, d2v-058)
    "I realised it was because the nightly batch job held a lock on the orders table.",
])
def test_a_cause_heading_is_credited_by_a_cause_told(bank, text):
    """judge99: "The root cause I found" is filled by the cause told as found (main: not ticked for the last two)."""
    assert "root-cause" in ticked(bank, text, "debugged-performance")


@pytest.mark.parametrize("text", [
    "I looked at the traces for a week but I never found out why the pool was running out of connections.",
    "I would add tracing to find out whether each worker opened its own pool of connections.",
    # a "because" that gives the reason for the candidate's own act, not a cause (writer V, d2v-079; told in the past,
    # so that the actor check decides it)
    OWN_ACT_REASON,
    # a figure come down, not a cause (dev2 d2n-062)
    "The bundle was huge. I split the bundle, lazy-loaded the charts, and it came down to under two seconds.",
    # a "because" said of how things always are, no cause found in this story (dev2 d2b-af-debug-04)
    "Performance across services, yeah, that happens a lot, right, because, like, everything calls everything.",
    # someone noticed the symptom; nothing found (dev2 d2f-af-debug-02)
    "Our biggest customer's ops team was the one who noticed, they emailed our CEO, and I never nailed down why.",
])
def test_a_cause_heading_is_not_credited_without_a_cause_told(bank, text):
    assert "root-cause" not in ticked(bank, text, "debugged-performance")


def test_slot_headings_are_read_as_headings_only():
    """A heading that names the slot (and, for the technology, asks why) is read as one; an instruction or a heading
    that asks no why is judged as before (`CAUSE_HEADING`, `TECH_HEADING`)."""
    from voiceprep.core.analysis.judge import CAUSE_HEADING, TECH_HEADING

    assert all(CAUSE_HEADING.match(x) for x in ("The root cause I found", "The root cause, named precisely",
                                                 "What caused it", "The real cause"))
    assert not any(CAUSE_HEADING.match(x) for x in ("Explain the root cause in plain words",
                                                     "How I found the causes: audits and chart reviews"))
    assert all(TECH_HEADING.match(x) for x in ("The technology and why I needed it",
                                                "The tool we picked, and why we chose it"))
    assert not any(TECH_HEADING.match(x) for x in ("The new system", "Picking up new technologies quickly: a concrete example"))


@pytest.mark.parametrize("text, point, prompt, guard, removed", [
    (OLD_SYSTEM, "technology-needed", "time-pick-new-technology", "OLD_WORDS", frozenset()),
    (OWN_ACT_REASON, "root-cause", "debugged-performance", "speaks_as_actor", lambda *a, **k: False)])
def test_the_old_system_and_a_reason_for_ones_own_act_are_refused_by_their_guards(bank, monkeypatch, text, point, prompt,
                                                                                  guard, removed):
    """Each negative above is refused by its own guard: with it taken out, the slot is filled."""
    from voiceprep.core.analysis import judge
    assert point not in ticked(bank, text, prompt)
    monkeypatch.setattr(judge, guard, removed)
    assert point in ticked(bank, text, prompt)
