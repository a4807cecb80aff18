"""read48d: review of judge100 ("How I …" headings), judge98r (a subject said in the object's form) and quote49 (a bare
repeat of a figure that counts a thing of its own). Each test fails on the reviewed code; a strict xfail is a finding
left for its author."""
from __future__ import annotations

import pytest

from tests.core.analysis.answers import written_bank
from tests.core.analysis.test_judge_walk63 import BANK, GO_STORY, ticked
from voiceprep.core.analysis.delivery import analyze_delivery
from voiceprep.core.analysis.judge import acts_itself
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    return written_bank(tmp_path_factory, "walk63-headings.toml", BANK)


# 1. judge100: the heading said back before a colon was read for the sentence's tense ("How I learned it fast:" is
# past), so the claim after it ("I pick things up quickly") was never a self-claim and the heading was credited
HEADING_THEN_CLAIM = ("Last year our team inherited a Go service and nobody knew Go. How I learned it fast: I pick "
                      "things up quickly. The service went from three restarts a day to none.")


def test_a_claim_after_the_how_heading_said_back_does_not_credit_it(bank):
    assert "learned-fast" not in ticked(bank, HEADING_THEN_CLAIM)


# 2. judge100: a way told in the past with verbs whose past is their present ("read", "let", "put", "set") reads as no
# instance, so `_self_claims` takes it for a claim about oneself and the "How I …" heading loses it (judge103:
# `told_with_base_pasts`)
PAST_SAID_AS_PRESENT = GO_STORY.replace(
    "I worked through the Tour of Go in two evenings, then paired with the author every morning and read the service "
    "end to end, writing down every question.",
    "I read the Tour of Go first, then I let the author walk me through the service end to end while I put every "
    "question in a doc.")


def test_a_way_told_with_read_let_put_in_a_past_story_is_no_claim_about_oneself(bank):
    assert PAST_SAID_AS_PRESENT != GO_STORY
    assert "learned-fast" in ticked(bank, PAST_SAID_AS_PRESENT)


# 3. quote49: `_counts_its_own` takes any word of three letters or more after a bare repeat for a thing it counts
@pytest.mark.parametrize("text, numbers", [
    ("Latency was 200 milliseconds and we got it down to 200 consistently after the change.", ["200 milliseconds"]),
    ("The p99 was 80 milliseconds, and after the fix 80 became 5 milliseconds.", ["80 milliseconds", "5 milliseconds"]),
    ("It took 80 milliseconds per call, and by Friday we were at 80 across every region.", ["80 milliseconds"]),
])
def test_a_bare_repeat_followed_by_no_noun_is_not_a_figure_of_its_own(text, numbers):
    assert analyze_delivery(Transcript.from_text(text), 120, AnalysisSettings(), timed=False).numbers == numbers


# 4. judge98r: `_verb_next` skips any "-ly" word, adjectives too ("only", "weekly", "early"), and an "-ed" word after
# it reads as a verb, so "of us" as an object is read as a subject
@pytest.mark.parametrize("text", [
    "They gave each of us only limited access.",
    "They sent both of us weekly updated reports.",
])
def test_of_us_before_an_ly_adjective_stays_an_object(text):
    assert acts_itself(text) is False
