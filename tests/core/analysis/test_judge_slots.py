"""judge102 (issue 11, session 49): a key point written as a note heading read as a question with a slot, by its
grammar (`voiceprep.core.analysis.slots`), and credited by what fills the slot: "Who I brought in, and why" by a
person the candidate brought in and the reason after them; "What I changed so it stopped" by the candidate's own past
act of change; "The outcome, with a number" also by a figure told as the result ("went from about half to nearly
ninety percent", "by the summer eleven out of fourteen"). Not by the vague answer, the negated or the hypothetical one,
nor by the slot named with nothing in it. The answers are writer V's (dev2 tuning), told through the real judge."""
from __future__ import annotations

import pytest

from tests.core.analysis.answers import written_bank
from voiceprep.core.analysis.evaluation import judge_hits
from voiceprep.core.analysis.headings import ACT, WHO, read_heading
from voiceprep.core.analysis.judge import VAGUE as VAGUE_WORDS
from voiceprep.core.analysis.slots import fills_act, fills_who, tells_result
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

BANK = '''schema = 2

[job]
id = "judge102-headings"
title = "School Librarian"
company = "Northgate Academy"
level = "mid"

[[rounds]]
id = "interview"
title = "Interview with the deputy head"

[[rounds.prompts]]
id = "recurring-problem"
text = "Tell me about a problem in the library that kept coming back, and how you fixed it."
target_seconds = 120

[[rounds.prompts.key_points]]
id = "root-cause"
label = "The root cause I found"
competency = "fixing"

[[rounds.prompts.key_points]]
id = "who-involved"
label = "Who I brought in, and why"
competency = "fixing"

[[rounds.prompts.key_points]]
id = "the-fix"
label = "What I changed so it stopped"
competency = "fixing"

[[rounds.prompts.key_points]]
id = "outcome-number"
label = "The outcome, with a number"
competency = "fixing"

[[rounds.prompts]]
id = "reluctant-readers"
text = "Tell me about a time you got students reading who didn't want to."
target_seconds = 120

[[rounds.prompts.key_points]]
id = "who-why"
label = "The students, and why they weren't reading"
competency = "fixing"

[[rounds.prompts.key_points]]
id = "changed"
label = "What I changed in the library"
competency = "fixing"

[[rounds.prompts.key_points]]
id = "result-number"
label = "The result, with a number"
competency = "fixing"

[[competencies]]
id = "fixing"
name = "Fixing problems for good"
weight = 1.0
definition = "Finds out why a problem keeps happening and stops it at the source."
'''

# writer V's d2v-056 (dev2), a strong answer: the business manager brought in and why, the tray moved, jams counted
PRINTERS = (
    "The printers. The library printers jammed every single day and it was my whole lunch unjamming them. The IT "
    "technician kept fixing each jam, but when I sat and watched, it was always the same thing: students were loading "
    "scrap paper from the recycling tray, which was curled and had staples in. I asked the business manager to come "
    "down because she controls the paper budget, and we agreed she'd put a ream a week in the library. I took the "
    "recycling tray away from the printer and put it by the art room. Jams went from every day to about one a "
    "fortnight.")
# d2v-063: the person told with the reason, nothing changed
DEPUTY = (
    "So the problem was the library being trashed at the end of every day, books on the floor, chairs everywhere. The "
    "cause was the after-school homework club, which wasn't mine, it was run by a different supply teacher every day "
    "who didn't know the library and didn't stay till the end. I went to the deputy head, because she ran the club "
    "rota, and explained it.")
# d2v-064: the fix and the outcome as a move from one figure to another
RESERVATIONS = (
    "Lost reservations. Students would reserve a book and then never hear it had come in. I worked out it was because "
    "the system sent the notice to the form tutor, and tutors didn't pass it on. So now I put a reserved slip in the "
    "student's pigeonhole-type tray in their form room myself every Monday. Collections went from about half to nearly "
    "ninety percent.")
# d2v-069: every slot named, none filled
VAGUE = (
    "So I found the root cause of the problem. I brought in the right people to help. I changed the process so it "
    "didn't happen again. And the outcome was really positive, we saw a big improvement in the numbers and it hasn't "
    "really come back.")
NEGATED = (
    "The printers jammed every day. I never brought anyone in, because I thought I could sort it myself, and I didn't "
    "change anything in the end, the jams just carried on at about one a day.")
HYPOTHETICAL = (
    "The printers jammed every day. If it happened again I would ask the business manager to come down because she "
    "controls the paper budget, and I would move the recycling tray away from the printer to the art room.")


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    return written_bank(tmp_path_factory, "judge102-headings.toml", BANK)


def ticked(bank, text: str, prompt: str = "recurring-problem") -> set[str]:
    return judge_hits(Transcript.from_text(text), bank.prompt(prompt), AnalysisSettings(), bank)


@pytest.mark.parametrize("text", [PRINTERS, DEPUTY])
def test_a_who_heading_is_credited_by_a_person_brought_in_and_why(bank, text):
    """d2v-056, d2v-063 (semantic-88: missed): "I asked the business manager to come down because she controls the
    paper budget", "I went to the deputy head, because she ran the club rota"."""
    assert "who-involved" in ticked(bank, text)


@pytest.mark.parametrize("text", [NEGATED, HYPOTHETICAL])     # the vague d2v-069 is ticked by meaning since before
def test_a_who_heading_is_not_credited_by_the_slot_denied_or_planned(bank, text):   # judge102: its filler, below
    assert "who-involved" not in ticked(bank, text)


@pytest.mark.parametrize("text", [PRINTERS, RESERVATIONS])
def test_a_change_heading_is_credited_by_an_own_act_of_change(bank, text):
    """d2v-056, d2v-064 (semantic-88: missed): "I took the recycling tray away from the printer", "So now I put a
    reserved slip in the student's pigeonhole-type tray"."""
    assert "the-fix" in ticked(bank, text)


@pytest.mark.parametrize("text", [VAGUE, NEGATED, HYPOTHETICAL])
def test_a_change_heading_is_not_credited_by_the_slot_named_denied_or_planned(bank, text):
    assert "the-fix" not in ticked(bank, text)


@pytest.mark.parametrize("text", [
    RESERVATIONS,
    # d2v-019 (asr): a part of a whole said after a time that follows the change
    "the group was year nine lower set they didnt read um and we moved the quick reads to the front and let them vote "
    "on the books um and by the summer eleven out of fourteen were taking a book out every week",
])
def test_a_number_heading_is_credited_by_a_figure_told_as_the_result(bank, text):
    """d2v-064, d2v-019 (semantic-88: missed): "went from about half to nearly ninety percent", "by the summer eleven
    out of fourteen"."""
    prompt = "recurring-problem" if text is RESERVATIONS else "reluctant-readers"
    point = "outcome-number" if text is RESERVATIONS else "result-number"
    assert point in ticked(bank, text, prompt)


@pytest.mark.parametrize("text", [
    VAGUE,
    NEGATED,
    "Lost reservations. I would put a reserved slip in each student's tray, and I'd hope collections went from about "
    "half to nearly ninety percent by the summer.",
])
def test_a_number_heading_is_not_credited_without_a_result_told(bank, text):
    assert "outcome-number" not in ticked(bank, text)


def test_headings_are_read_by_their_grammar():
    """A wh-word with the candidate as subject names the slot; the heading's own verb is the slot's; a rider asks why.
    A wh-heading that asks for no act or person ("What we disagreed about") and a noun heading are not read here."""
    who = read_heading("Who I brought in, and why")
    assert who is not None and who.slot == WHO and who.why and who.verb == "brought"
    pulled = read_heading("Who I pulled in")
    assert pulled is not None and pulled.slot == WHO and not pulled.why
    act = read_heading("What I changed so it stopped")
    assert act is not None and act.slot == ACT and act.topic == ("so", "it", "stopped")
    assert read_heading("What we disagreed about") is None
    assert read_heading("Who benefited: on-call teams and support") is None
    assert read_heading("The root cause I found") is None


def said(text: str) -> list[str]:
    return text.split()


def test_slot_fillers_read_the_sentence_grammar():
    """The fillers over cleaned words: a person opened by a determiner after an involving verb, the reason after them
    or in the next sentence said of them; a change verb's thing named, not a particle or a manner adverb."""
    heading = read_heading("Who I brought in, and why")
    assert heading is not None
    none: frozenset[str] = frozenset()
    assert fills_who(said("i asked our supplier's rep to come in since he could change our account"), [], heading,
                     none, VAGUE_WORDS, 2)
    assert fills_who(said("i brought in the student librarians"), said("they're year nine and ten volunteers"),
                     heading, none, VAGUE_WORDS, 2)
    assert not fills_who(said("i brought in the student librarians"), [], heading, none, VAGUE_WORDS, 2)
    assert not fills_who(said("i brought in the right people because it needed doing and it got sorted"), [],
                         heading, none, VAGUE_WORDS, 2)      # nobody named (`_ANYONE`)
    assert fills_act(said("i took the recycling tray away from the printer"), none, VAGUE_WORDS, 2)
    assert not fills_act(said("we turned it around pretty quickly"), none, VAGUE_WORDS, 2)
    assert not fills_act(said("i looked at when the losses happened"), none, VAGUE_WORDS, 2)
    assert tells_result(said("collections went from about half to nearly ninety percent"), [4, 7])
    assert not tells_result(said("we had about three hundred loans"), [3])
