"""mend54 (session 50): key points written as note headings, the way candidates jot them, asked as an interviewer
would. A heading written as the candidate's own question is asked as it is, turned to "you", with one question mark;
a noun heading's rider after a comma ("Budget overrun, and how I caught it") is kept and its plain first word
lowered; one after a colon ("Pushback: what the board objected to") is its content, neither read back nor garbled;
"numbers" and "figures" are things, not verbs ("The figures the board saw" is a noun phrase); a time marker ("six
months on") is said back with its number. The headings here are this file's own, of the forms the writer found wrong."""

from __future__ import annotations

import pytest

from voiceprep.core.analysis.followups import asked_follow_up
from voiceprep.core.banks.model import Bank, Job, KeyPoint, Prompt, Round

# other points of the same bank: it writes "over budget" and "complaints" in lower case somewhere, as a real bank does
_OTHERS = (KeyPoint(id="o1", label="The depot went over budget in the first quarter", cues=("over budget",)),
           KeyPoint(id="o2", label="Passenger complaints came in every week", cues=("complaints",)))


def _asked(label: str, cues: tuple[str, ...] = ("rota",)) -> str:
    point = KeyPoint(id="k", label=label, cues=cues)
    prompt = Prompt(id="p", text="Tell me about a time you turned round a failing depot.", key_points=(point, *_OTHERS))
    bank = Bank(schema=1, job=Job(id="b", title="Depot manager"), rounds=(Round(id="r", title="R", prompts=(prompt,)),))
    return asked_follow_up(point, bank)


@pytest.mark.parametrize("label, asked", [
    ("Why did the rota keep failing?", "Why did the rota keep failing?"),
    ("Why did the rota keep failing", "Why did the rota keep failing?"),         # was "Can you tell me why did ...?"
    ("Who did I bring in", "Who did you bring in?"),
    ("What did I change first", "What did you change first?"),
    ("How many drivers did we lose", "How many drivers did you lose?"),
    ("Why did the rota keep failing??", "Why did the rota keep failing?"),       # one question mark
    ("Why did the rota keep failing ?", "Why did the rota keep failing?"),       # was "... whether why did ...?"
    # the question before its notes: was "Can you tell me why did ...??" or "... about sickness and swaps?"
    ("Why did the rota keep failing?: sickness and swaps", "Why did the rota keep failing?"),
    ("What did I change first?: the rota", "What did you change first?"),
    ("What was really at the bottom of it.", "What was really at the bottom of it?"),     # its full stop no "?"
    # unchanged: a question-word topic, its subject before its verb, is asked about
    ("How the rota was fixed", "Can you tell me how the rota was fixed?"),
    ("What the board objected to", "Can you tell me what the board objected to?"),
])
def test_a_heading_written_as_a_question_is_asked_as_it_is(label, asked):
    assert _asked(label) == asked


@pytest.mark.parametrize("label, asked", [
    # after a colon, a question-word clause is the heading's content, not read back (test_followups_about); the
    # heading is asked about (was "Can you tell me about what the board?"); a word the bank never writes in lower case
    # keeps its capital: it may be a name (mend52)
    ("Budget overrun: who caught it", "Can you tell me about budget overrun?"),
    ("Pushback: what the board objected to", "Can you tell me about Pushback?"),
    # the rider said to "you" still lowers the plain first word (was "... about Budget overrun, and how you ...")
    ("Budget overrun, and how I caught it", "Can you tell me about budget overrun, and how you caught it?"),
    ("Budget overrun, and who caught it", "Can you tell me about budget overrun, and who caught it?"),
])
def test_a_noun_heading_keeps_its_rider_and_a_plain_first_word_is_lowered(label, asked):
    assert _asked(label, ("overspend",)) == asked


@pytest.mark.parametrize("label, asked", [
    # a plain plural is no name (was "... about Figures before and after?")
    ("Figures before and after", "Can you tell me about figures before and after?"),
    # the bank writes "complaints": "Complaint" is plain (was "... whether complaint numbers months?")
    ("Complaint numbers six months on", "Can you tell me about complaint numbers six months on?"),
    # a time marker keeps its number (was "... about the numbers months?", "... how many complaints, months?")
    ("The numbers six months on", "Can you tell me about the numbers six months on?"),
    ("How many complaints, six months on", "Can you tell me how many complaints, six months on?"),
    ("Sickness figures three months in", "Can you tell me about sickness figures three months in?"),
])
def test_numbers_and_figures_are_things_and_a_time_marker_keeps_its_number(label, asked):
    assert _asked(label, ("complaints",)) == asked


def test_a_span_that_is_the_answer_is_still_asked_for():
    assert _asked("Spent 2 weeks on discovery", ("discovery",)) == "How many weeks did you spend on discovery?"


@pytest.mark.parametrize("label, asked", [
    # a noun and its relative clause without "that" are a topic, not a statement asked "how" (was "Can you tell me how
    # things the board objected to?", "... how the figures the board saw?")
    ("Things the board objected to", "Can you tell me about things the board objected to?"),
    ("The figures the board saw", "Can you tell me about the figures the board saw?"),
    # unchanged: a statement whose subject has such a clause, and a relative clause with a pronoun
    ("The fix I shipped removed the race", "Can you tell me how the fix you shipped removed the race?"),
    ("The root cause I found", "Can you tell me about the root cause you found?"),
])
def test_a_noun_with_a_relative_clause_without_that_is_a_topic(label, asked):
    assert _asked(label, ("board",)) == asked
