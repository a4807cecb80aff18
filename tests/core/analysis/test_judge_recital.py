"""judge105 (issue 11): a note heading said back with nothing in it fills no slot. On the banks written as note headings
(writer X's payroll bank, writer V's school library bank), an answer that recites the headings ("So I looked at why
the backlog kept growing and I got to the bottom of it ... the numbers after that were a lot better") is close in
meaning to each heading and filled none; once the question's and the headings' words and generic filler are taken
away, nothing is left (`recital`). A heading read back with its content after it (the verbatim kind) is still
credited, and so is a slot filled in one word ("It was the leavers"). Each recital is ticked with the rule off
(`recital_content_min` 0), so each test fails without it."""
from __future__ import annotations

from pathlib import Path

import pytest

from voiceprep.core.analysis.evaluation import judge_hits
from voiceprep.core.analysis.headings import slot_heading
from voiceprep.core.analysis.recital import recital_stems
from voiceprep.core.analysis.text import stem
from voiceprep.core.banks import load_bank
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

BANKS = Path(__file__).parent / "data/judge/banks"
OFF = AnalysisSettings(recital_content_min=0)


@pytest.fixture(scope="module")
def payroll():
    return load_bank(BANKS / "payroll-manager-manufacturing.toml")


@pytest.fixture(scope="module")
def library():
    return load_bank(BANKS / "school-librarian-secondary.toml")


def ticked(bank, prompt: str, text: str, settings: AnalysisSettings | None = None) -> set[str]:
    return judge_hits(Transcript.from_text(text), bank.prompt(prompt), settings or AnalysisSettings(), bank)


# writer X's recitals (vague, labelled 0 of 5, 0 of 5 and 0 of 4)
BACKLOG_RECITAL = (
    "So I looked at why the backlog kept growing and I got to the bottom of it. Then I changed what needed changing "
    "first, the most important things. I pulled in the right people to help us, and I made sure I got the team on "
    "side, because you can't do it without the team. And the numbers after that were a lot better, everybody could "
    "see the difference.")                                                                            # d2x-015
PROCESS_RECITAL = (
    "So the idea came from looking at the process, really. I came up with a fix and it got signed off. It did cost us "
    "something, as these things do, and a few people pushed back, as they always do, but we got there, and it's "
    "something I'd definitely keep doing.")                                                           # d2x-043
ERROR_RECITAL = (
    "So it came to light, and we looked at who was hit and by how much. Then we put it right for the people affected, "
    "as quickly as we could. And then we looked at what would stop it happening again and put that in place.")  # d2x-069


@pytest.mark.parametrize("prompt, text, recited", [
    ("backlog", BACKLOG_RECITAL, {"why-growing", "changed-first", "pulled-in", "team-on-side", "numbers-after"}),
    ("new-process", PROCESS_RECITAL, {"idea-from", "fix-signoff", "cost", "pushback"}),
    ("pay-error", ERROR_RECITAL, {"came-to-light", "put-right"}),
])
def test_headings_said_back_with_nothing_in_them_fill_no_slot(payroll, prompt, text, recited):
    assert recited <= ticked(payroll, prompt, text, OFF)        # the rule off: each heading "said" (semantic-88)
    assert not recited & ticked(payroll, prompt, text)


def test_a_heading_run_together_in_a_buzzword_answer_fills_no_slot(payroll, monkeypatch):
    """d2x-042: "There's always a cost and there's always pushback" ("pushback" is "Who pushed back" run together).
    Its sentence goes on "and you have to take people with you": talk in general, set aside since judge121
    (general_talk.py); with that rule off too, the recital rule alone keeps "cost" unticked."""
    monkeypatch.setattr("voiceprep.core.analysis.judge.talks_in_general", lambda words: False)
    text = ("I'm always looking for ways to improve how payroll works. I identified an opportunity, I built the business "
            "case, I got sign-off from the right people, and I managed the stakeholders through the change. There's "
            "always a cost and there's always pushback, and you have to take people with you. The key lesson for me is "
            "that communication is everything.")
    assert "cost" in ticked(payroll, "new-process", text, OFF)
    assert "cost" not in ticked(payroll, "new-process", text)


@pytest.mark.parametrize("prompt, text, recited", [
    # writer V's recitals (d2v-069, d2v-043)
    ("recurring-problem", "So I found the root cause of the problem. I brought in the right people to help. I changed "
     "the process so it didn't happen again. And the outcome was really positive, we saw a big improvement in the "
     "numbers and it hasn't really come back.", "who-involved"),
    ("new-system", "So I identified the right technology for the library and why we needed it. I looked at the old "
     "system and why it wasn't working. I learned the new one quickly. I got staff and students on board. And it saved "
     "us a lot of time, a really significant amount, which everybody noticed.", "tech-why"),
])
def test_a_librarys_headings_said_back_fill_no_slot(library, prompt, text, recited):
    assert recited in ticked(library, prompt, text, OFF)
    assert recited not in ticked(library, prompt, text)


@pytest.mark.parametrize("prompt, text, filled", [
    # the verbatim kind: the headings read back, each with its content (d2x-027, d2x-080)
    ("backlog", "Why the backlog kept growing: sickness forms went to the site managers and sat there, so nobody "
     "stopped the full pay. What I changed first: each site got a named payroll officer who chased the forms every "
     "Friday. Who I pulled in: the HR admin team, to key the sickness dates for us. How I got the team on side: I "
     "listened to them. The numbers after that: much better.", {"why-growing", "changed-first", "pulled-in"}),
    ("pay-error", "How it came to light: a night-shift operator rang me on pay day. Who was hit, and by how much: the "
     "Leicester night shift. Putting it right for the people affected: a same-day faster payment to each of them. What "
     "stops it happening again: a second check.", {"came-to-light", "put-right"}),
])
def test_a_heading_read_back_with_its_content_is_still_credited(payroll, prompt, text, filled):
    assert filled <= ticked(payroll, prompt, text)


def test_a_slot_named_then_filled_in_a_word_is_credited(payroll):
    """The heading said back and filled in the next sentence, "It was the leavers" (one word of content, d2x-009)."""
    text = ("So I looked at why the backlog kept growing. It was the leavers. When someone left, the site had to send us "
            "a leaver form, but the forms came through the site HR admin, and there was only one admin covering all "
            "three sites after a restructure, so they queued up on her desk for weeks.")
    assert "why-growing" in ticked(payroll, "backlog", text)


@pytest.mark.parametrize("label", [
    "Why the backlog kept growing", "What I changed first", "Who I pulled in", "The numbers after that",
    "The fix, and who signed it off", "Who was hit, and by how much", "Putting it right for the people affected",
    "The students, and why they weren't reading", "The technology and why I needed it", "The root cause I found",
])
def test_a_heading_is_read_by_its_form(label):
    assert slot_heading(label)


@pytest.mark.parametrize("label", [
    "I took over the pass and called every ticket myself",        # a sentence
    "Moved to Stripe, cut PCI scope by half",
    "Building a metrics pipeline across five cloud regions",     # a doing with content of its own
    "Picking up new technologies quickly: a concrete example",   # a topic and its content
    "What would you do differently?",                            # a question
    "The next day I went over with the team what worked and what did not",   # a sentence before its "what"
])
def test_a_label_that_says_its_content_is_no_slot_heading(label):
    assert not slot_heading(label)


def test_a_verb_run_into_its_particle_is_the_headings_word():
    own = recital_stems("Tell me about a time you changed the way payroll was done.",
                        ("Who pushed back, and on what", "The fix, and who signed it off"))
    assert {stem("pushback"), stem("signoff")} <= own


def test_a_verb_run_into_away_is_the_headings_word_too():
    """dedup53: the run-together reads the shared particles (`keypoints.PARTICLES`, "away" among them) and its own: "What
    I'd take away from it" makes "my takeaway" the heading's word."""
    own = recital_stems("Tell me about a time you changed the way payroll was done.", ("What I'd take away from it",))
    assert stem("takeaway") in own
