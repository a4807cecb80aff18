"""judge110 (issue 11, session 50): four more note headings read by their form (`voiceprep.core.analysis.slots`):
"Who pushed back, and on what" asks for someone named objecting and what they objected to (`tells_objection`); "Where
the idea came from" asks for a source named (`tells_source`); "How I let them choose" asks for the others choosing
(`tells_others_act`); "Putting it right for the people affected", a doing for people, asks for the candidate's own past
act that reaches them (`tells_act_for`). Not by a vague answer, a negated or hypothetical one, nor a recital of the
headings. The answers are written for these tests (writer X/V-like, not the corpus's)."""
from __future__ import annotations

import pytest

from tests.core.analysis.answers import written_bank
from voiceprep.core.analysis.evaluation import judge_hits
from voiceprep.core.analysis.headings import FOR_THEM, OBJECTED, OTHERS, SOURCE, read_heading
from voiceprep.core.analysis.judge import VAGUE as VAGUE_WORDS
from voiceprep.core.analysis.slots import (
    tells_act_for,
    tells_objection,
    tells_others_act,
    tells_source,
)
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

BANK = '''schema = 2

[job]
id = "judge110-headings"
title = "Facilities Manager"
company = "Riverside College"
level = "mid"

[[rounds]]
id = "interview"
title = "Interview with the estates director"

[[rounds.prompts]]
id = "change"
text = "Tell me about a change you brought in to how the estates team works."
target_seconds = 120

[[rounds.prompts.key_points]]
id = "idea-from"
label = "Where the idea came from"
competency = "change"

[[rounds.prompts.key_points]]
id = "pushback"
label = "Who pushed back, and on what"
competency = "change"

[[rounds.prompts]]
id = "outage"
text = "Tell me about a time a mistake of your team's left people without something they needed."
target_seconds = 120

[[rounds.prompts.key_points]]
id = "put-right"
label = "Putting it right for the people affected"
competency = "change"

[[rounds.prompts]]
id = "canteen"
text = "Tell me about a time you got a group to use a service they had been avoiding."
target_seconds = 120

[[rounds.prompts.key_points]]
id = "their-choice"
label = "How I let them choose"
competency = "change"

[[competencies]]
id = "change"
name = "Leading change"
weight = 1.0
definition = "Brings people with a change and puts things right."
'''

ROTA = (
    "We moved the caretakers from fixed rounds to a job list on a tablet. It started with a visit to a hospital estates "
    "office in Derby, where every porter had their jobs on a handheld. The deputy principal signed it off. The night "
    "caretakers objected, because the tablets would log when each job was closed and they felt watched.")
SUGGESTED = (
    "We started locking the sports hall store at six. A groundsman on the evening shift suggested it after the third "
    "lot of footballs went missing. The lettings officer was dead against it, her worry was the evening clubs "
    "losing their kit on match nights.")
SEEN = (
    "We put every boiler check on one shared calendar. I'd seen the same thing in a trade magazine article about a "
    "council depot. The heating contractor objected to the fixed slots, he had always picked his own days.")
VAGUE = (
    "The idea came from looking at how things were done, really. I got buy-in from the right people, a few people "
    "pushed back, as they always do, and we got there in the end.")
HYPOTHETICAL = (
    "If I brought in a job list, I'd get the idea from another college's estates office, and I'd expect the night "
    "caretakers to object because they'd feel watched.")
RECITAL = (
    "So the idea came from somewhere, and who pushed back and on what, well, some people pushed back on some things. "
    "We got there.")

REFUNDED = (
    "The heating in the east block failed over half term and forty boarders had no hot water for two days. We moved "
    "every one of them into the west block that night, and I wrote to each of their parents with what had happened.")
PAID_BACK = (
    "The canteen card machine charged about sixty students twice for lunch in one week. We refunded them through the "
    "card system the next morning and added a free lunch voucher for each of them.")
FIXED_ONLY = (
    "The heating in the east block failed over half term. We fixed the boiler controls and put a weekly check on the "
    "planner so it can't happen again.")
SORTED_VAGUE = (
    "There was an issue with the heating a while back and some people were affected. We got everybody sorted and "
    "reviewed our processes afterwards.")

PICKED = (
    "The sixth formers weren't using the canteen at all. I set aside one counter for them, and they ran a survey and "
    "picked the three hot dishes for it themselves each half term.")
CHOSEN_BY = (
    "The year nines avoided the canteen. The new menu was chosen by the student council after a tasting afternoon, and "
    "I just ordered what they voted for.")
I_PICKED = (
    "The year nines avoided the canteen. I picked the new menu myself from the supplier's list because I knew what "
    "sold.")
SAY_VAGUE = "The students avoided the canteen. I let the students have a say in things and it went well."


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    return written_bank(tmp_path_factory, "judge110-headings.toml", BANK)


def ticked(bank, text: str, prompt: str) -> set[str]:
    return judge_hits(Transcript.from_text(text), bank.prompt(prompt), AnalysisSettings(), bank)


@pytest.mark.parametrize("text", [ROTA, SUGGESTED, SEEN])
def test_a_source_heading_is_credited_by_a_source_named(bank, text):
    """"It started with a visit to a hospital estates office", "A groundsman on the evening shift suggested it", "I'd
    seen the same thing in a trade magazine article" (d2x-033, -039, -037 alike)."""
    assert "idea-from" in ticked(bank, text, "change")


def test_a_source_heading_is_not_credited_when_planned(bank):
    assert "idea-from" not in ticked(bank, HYPOTHETICAL, "change")


@pytest.mark.parametrize("text", [ROTA, SUGGESTED, SEEN])
def test_an_objection_heading_is_credited_by_someone_named_objecting_to_a_thing(bank, text):
    """"The night caretakers objected, because the tablets would log …", "The lettings officer was dead against it",
    "The heating contractor objected to the fixed slots" (d2x-035, -030, -036 alike)."""
    assert "pushback" in ticked(bank, text, "change")


def test_an_objection_heading_is_not_credited_when_planned(bank):
    assert "pushback" not in ticked(bank, HYPOTHETICAL, "change")


@pytest.mark.parametrize("text", [VAGUE, RECITAL])
def test_a_vague_or_recited_answer_names_no_source_nor_objection(text):
    """The slot readers find nothing in a vague answer or a recital of the headings (the meaning-based judge's own
    tick on this one-prompt bank is not theirs)."""
    own = frozenset(_w("who pushed back and on what where the idea came from"))
    for sentence in text.lower().replace(",", "").split(". "):
        words = sentence.strip(". ").split()
        assert not tells_source(words, own, VAGUE_WORDS, 2)
        assert not tells_objection(words, own, VAGUE_WORDS, 2)


@pytest.mark.parametrize("text", [REFUNDED, PAID_BACK])
def test_a_doing_for_people_is_credited_by_an_own_act_that_reaches_them(bank, text):
    """"We moved every one of them into the west block", "We refunded them through the card system" (d2x-056, -064
    alike)."""
    assert "put-right" in ticked(bank, text, "outage")


@pytest.mark.parametrize("text", [FIXED_ONLY, SORTED_VAGUE])
def test_a_doing_for_people_is_not_credited_by_a_fix_or_a_vague_sorting(bank, text):
    assert "put-right" not in ticked(bank, text, "outage")


@pytest.mark.parametrize("text", [PICKED, CHOSEN_BY])
def test_a_let_them_choose_heading_is_credited_by_the_others_choosing(bank, text):
    """"they ran a survey and picked the three hot dishes", "The new menu was chosen by the student council" (d2v-004,
    -009 alike)."""
    assert "their-choice" in ticked(bank, text, "canteen")


@pytest.mark.parametrize("text", [I_PICKED, SAY_VAGUE])
def test_a_let_them_choose_heading_is_not_credited_by_the_candidates_choice_or_a_say(bank, text):
    assert "their-choice" not in ticked(bank, text, "canteen")


def test_the_four_headings_are_read_by_their_form():
    """The form, not the words: any "Who …, and on what", "Where … from", "How I let … <verb>", "<doing> … for the …"."""
    assert read_heading("Who pushed back, and on what").slot == OBJECTED
    assert read_heading("Who objected and about what").slot == OBJECTED
    assert read_heading("Who I asked, and on what") is None      # the candidate as subject: no one objecting
    assert read_heading("Where the idea came from").slot == SOURCE
    assert read_heading("Where I got it from").slot == SOURCE
    let = read_heading("How we let the students decide")
    assert let is not None and let.slot == OTHERS and let.verb == "decide"
    assert read_heading("Putting it right for the people affected").slot == FOR_THEM
    assert read_heading("Making amends for our customers").slot == FOR_THEM
    assert read_heading("Getting staff and students using it") is None     # no one it is done for: not read yet


NONE: frozenset[str] = frozenset()


def _w(text: str) -> list[str]:
    return text.split()


def test_an_objection_names_who_and_what():
    said = _w("the site accountants objected because they would lose their own reports")
    assert tells_objection(said, NONE, VAGUE_WORDS, 2)
    assert not tells_objection(_w("hr grumbled at first but they got used to it"), NONE, VAGUE_WORDS, 2)
    assert not tells_objection(_w("i objected because the cost was too high"), NONE, VAGUE_WORDS, 2)
    assert not tells_objection(_w("a few people pushed back as they always do"), NONE, VAGUE_WORDS, 2)


def test_a_source_is_named():
    own = frozenset({"where", "the", "idea", "came", "from"})
    assert tells_source(_w("it started with a visit to a hospital estates office"), own, VAGUE_WORDS, 2)
    assert tells_source(_w("a colleague on the pension side suggested it"), own, VAGUE_WORDS, 2)
    assert not tells_source(_w("the idea came from looking at the process really"), own, VAGUE_WORDS, 2)
    assert not tells_source(_w("i proposed it and the director agreed"), own, VAGUE_WORDS, 2)
    assert not tells_source(_w("i got sign-off from the right people and moved on"), own, VAGUE_WORDS, 2)


def test_others_choose_and_an_act_reaches_people():
    assert tells_others_act(_w("they ran a club and picked each month's book"), "choose", NONE, VAGUE_WORDS, 2)
    assert not tells_others_act(_w("i picked their books at their level"), "choose", NONE, VAGUE_WORDS, 2)
    assert tells_act_for(_w("we refunded everyone in the next pay with a note"), NONE, VAGUE_WORDS, 2)
    assert not tells_act_for(_w("we fixed the codes and checked the batch"), NONE, VAGUE_WORDS, 2)
    assert not tells_act_for(_w("we got everybody sorted"), NONE, VAGUE_WORDS, 2)
    assert not tells_act_for(_w("we fixed the tax code loader and every batch now gets checked"), NONE, VAGUE_WORDS, 2)
