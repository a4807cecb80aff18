"""judge61: a measured result said in words ("under a millisecond", "sub-millisecond", "a few milliseconds", "a couple
of seconds") is a figure: a point that states a number is ticked by it where the answer tells the result, typed
through the real judge; a time said in passing ("a few weeks later") is no figure."""
from __future__ import annotations

import pytest

from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.quantities import word_figures
from voiceprep.core.analysis.text import tokenize_text
from voiceprep.core.banks import parse_bank
from voiceprep.core.transcript import Transcript

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

BANK = ('schema = 1\n[job]\nid = "j"\ntitle = "Backend Engineer"\ncompany = "Co"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
        '[[rounds.prompts]]\nid = "p"\ntext = "Tell me about a performance problem you fixed."\n'
        '[[rounds.prompts.key_points]]\nid = "result"\nlabel = "Cut p99 latency from 40 ms to under 5 ms"\n')
STORY = ("The matching engine got slow under load because every order thread fought over one lock, so I moved it to "
         "a ring buffer with a single writer. After the rewrite we {end}")


def _result(end: str):
    bank = parse_bank(BANK)
    a = analyze_answer(bank, bank.prompt("p"), Transcript.from_text(STORY.format(end=end)))
    assert a.judge.method == "semantic", a.judge.message
    return a.key_points[0]


@pytest.mark.parametrize("end", [
    "cut the p99 latency to under a millisecond.",
    "got the p99 latency down to sub-millisecond.",
    "cut the p99 latency to a few milliseconds.",
])
def test_a_result_said_in_words_is_a_figure_and_ticks_a_point_with_a_number(end):
    """Before: the number feature read digits and number words only; "to a few milliseconds" was "Close, but without
    the number" and "under a millisecond" was not ticked."""
    r = _result(end)
    assert r.hit, (end, r.judgement.excluded_why)


def test_a_result_with_no_figure_is_still_without_the_number():
    r = _result("cut the p99 latency a lot.")
    assert not r.hit and r.judgement.excluded_why == "number"


@pytest.mark.parametrize("text,figures", [
    ("it answers in under a millisecond", ["millisecond"]),
    ("sub-millisecond reads", ["millisecond"]),
    ("it failed over in a couple of seconds", ["seconds"]),
    ("a replica that could be a few seconds behind", []),   # a state, not a result reached
    ("within a minute of the alert", ["minute"]),
    ("single-digit milliseconds", ["milliseconds"]),
    ("a few weeks later she came back", []),             # a time in passing, not a measured result
    ("we got an agency nurse for a day", []),
    ("once a week we met", []),
    ("it answers in less than a millisecond", ["millisecond"]),    # a bound from below: a measured result
    ("no more than a second of downtime", ["second"]),
    ("the migration took more than a day", []),               # judge63: a time said, no result reached
    ("it ran for longer than a week", []),
])
def test_word_figures(text, figures):
    tokens = tokenize_text(text)
    assert [tokens[k].norm for k in word_figures(tokens)] == figures


def test_more_than_a_day_is_no_figure_said():
    """judge63 (judge61 left): `_said_as_figure` took any "than a <unit>" as a bound: "more than a day" said the
    label's number, so a point that states one was ticked by an answer that gives no result."""
    r = _result("cut the p99 latency a lot, though the rollout took more than a day.")
    assert not r.hit and r.judgement.excluded_why == "number", (r.hit, r.judgement.excluded_why)
