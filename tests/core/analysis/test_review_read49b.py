"""read49b (session 49): review of mend50, mend51 and judge102 (aae2e147..c9bcd819). Each probe fails on the code as
merged; marked strict xfail where the fix is not made here, so the fix turns it into a pass (and the mark must go)."""
from __future__ import annotations

import pytest

from tests.core.analysis.answers import written_bank
from tests.core.analysis.test_judge_slots import bank, ticked  # noqa: F401  (the module-scoped bank fixture)
from voiceprep.core.analysis.delivery import analyze_delivery
from voiceprep.core.analysis.evaluation import judge_hits
from voiceprep.core.analysis.followups import follow_up_for
from voiceprep.core.analysis.headings import read_heading
from voiceprep.core.analysis.judge import SLOT_WORDS, VAGUE
from voiceprep.core.analysis.slots import fills_act, fills_who, tells_result
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

OWN = frozenset(["what", "i", "changed", "so", "it", "stopped"]) | SLOT_WORDS


@pytest.mark.parametrize("text", [
    "i found the backlog was now three weeks behind on refunds",
    "i noticed the queue now held four thousand unread messages",
    "i realised the printer tray was full of old staples",
    "i explained to the head that parents would now get letters home",
    "we agreed that the tutors would now pass the notices on",
    "i reported the jams to the it technician every day",
    "i reviewed the printer logs every morning for a week",
    "i checked the trays every morning instead",
])
def test_a_finding_or_a_word_said_with_now_is_no_act_of_change(text):
    """slots.fills_act: any past verb after "I" with "now" or "instead" later in its clause, or a "re…ed" verb, was read
    as a change, though the module's NOT_ACTS (finding, knowing, saying) was never used: "I found the backlog was now
    three weeks behind" filled "What I changed so it stopped". Findings (`FINDINGS`) are refused (read49b); a word said
    (`SAYING`), a thing examined (`EXAMINING`) and a "re…ed" verb of either kind (`_redoes`) too (mend53)."""
    assert not fills_act(text.split(), OWN, VAGUE, AnalysisSettings().slot_filler_words)


@pytest.mark.parametrize("text", [
    "i rewrote the printer rota so every tray was checked at lunch",
    "i reorganised the fiction shelves by genre with big signs",
    "we rebuilt the booking form around the new system",
    "i reduced the loan period for the new laptops",
])
def test_a_verb_re_doing_a_change_is_still_a_change(text):
    """mend53: "re" and a verb of change ("rewrote", "rebuilt": read as past now), another "re…ed" verb ("reorganised",
    "reduced") still fill "What I changed so it stopped"."""
    assert fills_act(text.split(), OWN, VAGUE, AnalysisSettings().slot_filler_words)


@pytest.mark.parametrize("text", ["we used the school app instead of paper letters",
                                  "i let the students vote on the books instead",
                                  "we came up with a new paper rota for the printers"])
def test_an_own_act_told_with_instead_is_still_a_change(text):
    """The refusal is of findings only: NOT_ACTS whole would also refuse "used", "let", "came" ("… instead", "came up
    with"), acts of change by the labelling rules."""
    assert fills_act(text.split(), OWN, VAGUE, AnalysisSettings().slot_filler_words)


FOUND_NOW = (
    "The printers in the library jammed every day and I spent my lunch unjamming them. I looked into it and I found "
    "the paper in the recycling tray was now curled and full of staples from the art room. The jams carried on.")


def test_a_finding_told_with_now_does_not_tick_the_change_heading(bank):  # noqa: F811
    """semantic-90 ticked none of the four points; semantic-92 ticked "What I changed so it stopped"."""
    assert "the-fix" not in ticked(bank, FOUND_NOW)


BY_THE_TIME = (
    "The printers in the library jammed every day. By the time anyone noticed, forty students had lost their printed "
    "coursework and the queue was out of the door. I never found out what fixed it in the end.")


def test_the_size_of_the_problem_is_no_result(bank):  # noqa: F811
    """semantic-90: nothing ticked; semantic-92 ticks "The outcome, with a number" for the harm counted before anything
    was fixed ("By the time anyone noticed, forty students had lost …"); mend53: "by the time" it came to light
    (`slots._found_then`) is no time after the change."""
    assert "outcome-number" not in ticked(bank, BY_THE_TIME)


AFTERWARDS = (
    "The printers in the library jammed every day and the complaints piled up. I took the recycling tray away from the "
    "printers and put a ream of new paper in each one. Afterwards complaints went from forty a week to six.")


def test_a_figure_after_the_change_is_still_a_result(bank):  # noqa: F811
    assert "outcome-number" in ticked(bank, AFTERWARDS)


def test_now_looking_back_is_no_result():
    """mend53: a figure counts after "now" only in the clause "now" is said in (`slots._now_clause_end`); here it is in
    a clause of its own, after "I think"."""
    assert not tells_result(["now", "i", "look", "back", "i", "think", "three", "things", "went", "wrong"], [6])
    assert not tells_result(["by", "the", "time", "we", "found", "out", "it", "had", "cost", "us", "forty"], [10])


@pytest.mark.parametrize("text, figures", [
    ("the logins used to fail thirty times a week and now it's one or two", [5, 12, 14]),
    ("we now get about six complaints a term", [4]),
    ("now it's one or two a week", [2, 4]),
    ("by the time we finished the queue was down to forty", [10]),
    ("afterwards complaints went from forty to six", [4, 6]),
])
def test_a_figure_now_or_by_the_time_of_the_change_is_still_a_result(text, figures):
    assert tells_result(text.split(), figures)


NAMES = """schema = 2

[job]
id = "read49b-names"
title = "Operations Manager"
company = "Northgate Logistics"
level = "mid"

[[rounds]]
id = "interview"
title = "Interview"

[[rounds.prompts]]
id = "p1"
text = "Tell me about a project you led from start to finish."
target_seconds = 120

[[rounds.prompts.key_points]]
id = "office"
label = "London office move"
competency = "c"

[[rounds.prompts.key_points]]
id = "migration"
label = "Python migration"
competency = "c"

[[competencies]]
id = "c"
name = "Delivery"
weight = 1.0
definition = "Gets things done."
"""


def test_a_place_or_product_name_heading_keeps_its_capital(tmp_path_factory):
    """followups._heading_lowered: `_english` reads the sentence model's uncased vocabulary, which holds "london",
    "python", "google": "Can you tell me about london office move?" (before mend51: "London office move")."""
    names = written_bank(tmp_path_factory, "read49b-names.toml", NAMES)
    asked = [follow_up_for(kp, names) for kp in names.prompt("p1").key_points]
    assert asked == ["Can you tell me about London office move?", "Can you tell me about Python migration?"]


@pytest.mark.parametrize("text, numbers", [
    ("Of the 2000 tickets in the queue we closed most in a week.", ["2000"]),
    ("This 2000 person org had no on-call rota.", ["2000"]),
])
def test_a_count_after_a_determiner_is_still_a_quantified_detail(text, numbers):
    """mend50's _YEAR_BEFORE "the", "that", "this": before it both were listed; now neither is (a count that is not a
    year-like number, "the 1200 affected users", still is)."""
    assert analyze_delivery(Transcript.from_text(text), 120, AnalysisSettings(), timed=False).numbers == numbers


IF_WE_MOVED = "The printers jammed every day. If we moved the recycling tray away from the printer, the jams would stop."


def test_a_change_only_supposed_is_refused_by_the_callers_guard(bank, monkeypatch):  # noqa: F811
    """test_judge_slots' NEGATED and HYPOTHETICAL pass with the judge's usable-unit mask (`ok`) taken out of
    `_fills_heading`: slots' grammar refuses them first ("anyone" opens no person, "would" is no past verb). This one
    reaches the mask: refused with it, ticked without it."""
    import numpy as np

    from voiceprep.core.analysis import judge
    assert "the-fix" not in ticked(bank, IF_WE_MOVED)
    fills = judge.AnswerJudge._fills_heading
    monkeypatch.setattr(judge.AnswerJudge, "_fills_heading", lambda self, kp, ok: fills(self, kp, np.ones_like(ok)))
    assert "the-fix" in ticked(bank, IF_WE_MOVED)


@pytest.fixture(scope="module")
def walk63(tmp_path_factory):
    from tests.core.analysis.walk63 import walk63_bank
    return walk63_bank(tmp_path_factory)


def test_a_cause_found_that_no_one_did_something_is_a_cause(walk63):
    """mend50's `_finding_denied` reads "no one" in the three words after "it turned out" as the finding denied; here
    it is the cause found (semantic-90 ticked it; "nobody" in its place was missed since read48e already)."""
    text = "I traced it for two days and it turned out no one had renewed the TLS certificate on the gateway."
    assert "root-cause" in judge_hits(Transcript.from_text(text), walk63.prompt("debugged-performance"),
                                      AnalysisSettings(), walk63)


@pytest.mark.parametrize("after, denied", [
    ("no one had renewed the tls certificate", False), ("none of the hosts had been patched", False),
    ("nobody knew how the cache worked", True), ("no one could tell why", True), ("none of us had looked", True)])
def test_no_one_after_a_finding_denies_it_only_with_a_verb_of_knowing(after, denied):
    """judge108 (`slot_fills.no_one_knew`, read by judge.`_finding_denied`)."""
    from voiceprep.core.analysis.judge import _finding_denied
    words = ["it", "turned", "out", *after.split()]
    assert _finding_denied(words, 3) is denied


ON_MY_OWN = (
    "The printers in the library jammed every day. I worked on the paper rota since the old one was broken, and I sat "
    "in the back office because the wifi was better there. I sorted the jams out on my own.")


def test_a_place_or_a_thing_is_no_person_brought_in(bank):  # noqa: F811
    """slots.fills_who: INVOLVING's "worked", "sat" with _LINKS' "on", "in" and any opener: "the paper rota", "the back
    office" were read as the person brought in, and what follows as the reason. mend53: after a link, only "with" or
    "to" opens a person, unless the verb brings one with a particle (`slots.BRINGING`: "brought in")."""
    assert "who-involved" not in ticked(bank, ON_MY_OWN)


UNION_REP = (
    "The printers in the library jammed every day. I brought in our union rep because she knew the paper contract "
    "inside out, and I sat down with the business manager because she controls the budget. The jams stopped.")


def test_a_person_brought_in_with_a_particle_or_met_with_is_still_a_person(bank):  # noqa: F811
    assert "who-involved" in ticked(bank, UNION_REP)
    heading = read_heading("Who I brought in, and why")
    own = frozenset(["who", "i", "brought", "in", "and", "why"]) | SLOT_WORDS
    for text in ["i brought in our union rep because she knew the contract", "i went up to the deputy head because she "
                 "ran the rota", "i worked with the site manager because he held the keys",
                 "i sat down with the business manager because she controls the budget"]:
        assert fills_who(text.split(), [], heading, own, VAGUE, 2), text
    for text in ["i worked on the paper rota since the old one was broken",
                 "i sat in the back office because the wifi was better there",
                 "i went round every department meeting because they needed showing"]:
        assert not fills_who(text.split(), [], heading, own, VAGUE, 2), text
