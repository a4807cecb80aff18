"""walk42 1: a figure searched as it was said ("four milliseconds", "twenty thousand", "forty eight") or typed
without its comma ("20000") finds the answer whose transcript writes it "4 milliseconds", "20,000", "48"."""

from __future__ import annotations

import pytest

from voiceprep.core.history import queries

SAID = ("Our p99 fell from 4 milliseconds to under 200 microseconds. We moved 20,000 payments a second over "
        "48 partitions, and one person owned the rollout.")
OTHER = "We rebuilt the ledger and cut the batch window from 6 hours to 40 minutes."


@pytest.mark.parametrize("typed", ["four milliseconds", "twenty thousand", "forty eight", "20000",
                                   "forty-eight partitions", "two hundred microseconds", "20,000", "48 partitions",
                                   "Forty Eight"])
def test_a_figure_said_as_words_or_without_its_comma_finds_the_answer(history, save, typed):
    mine, other = save(SAID), save(OTHER)
    assert [r["id"] for r in queries.list_attempts(history, text=typed)] == [mine], typed
    assert [r["id"] for r in queries.search(history, typed)] == [mine], typed
    assert other != mine


def test_a_figure_searched_marks_the_words_it_found():
    words = SAID.split()
    found = {words[i] for i in queries.searched_words(words, "twenty thousand")}
    assert found == {"20,000"}
    found = {words[i] for i in queries.searched_words(words, "four milliseconds")}
    assert found == {"4", "milliseconds"}


def test_a_different_figure_is_not_found(history, save):
    save(SAID)
    for typed in ("forty nine", "twenty one thousand", "five milliseconds", "21000"):
        assert queries.list_attempts(history, text=typed) == [], typed


def test_number_words_that_are_no_figure_are_searched_as_words(history, save):
    """"one" stays a word, as the judge reads it; "and" only joins a figure between number words."""
    mine = save(SAID)
    assert [r["id"] for r in queries.list_attempts(history, text="one person")] == [mine]
    assert queries.fts_terms("one") == ['"one"']
    assert queries.fts_terms("forty and")[0] == '("forty" OR "40")'
    assert queries.fts_terms("forty eight") == ['("forty eight" OR "48")']
    assert queries.fts_terms("twenty thousand") == ['("twenty thousand" OR "20000" OR "20 000" OR "20 thousand")']


PERCENT = "We cut p99 latency by 48% and served 20,000 merchants."


@pytest.mark.parametrize("typed", ["forty eight percent", "48 percent", "48 per cent", "Forty-eight percent",
                                   "48%", "forty eight"])
def test_a_percentage_searched_as_said_finds_the_figure_written_with_a_percent_sign(history, save, typed):
    """review34 finding 9: the transcript writes "48%" and the index drops the "%", so "forty eight percent" and
    "48 percent" asked for "48" and "percent" and found nothing. A "percent" right after a figure is read with it."""
    mine = save(PERCENT)
    save(OTHER)
    assert [r["id"] for r in queries.list_attempts(history, text=typed)] == [mine], typed
    assert [r["id"] for r in queries.search(history, typed)] == [mine], typed


def test_a_different_percentage_or_percent_alone_is_not_found(history, save):
    save(PERCENT)
    for typed in ("forty nine percent", "49 percent", "percent"):
        assert queries.list_attempts(history, text=typed) == [], typed


@pytest.mark.parametrize("typed, terms", [
    ("48 percent growth", ['("48 percent" OR "48")', '("growth" OR "percentgrowth")']),
    ("cut 48 per cent growth", ['("cut" OR "cut48")', '("48 per cent" OR "48")', '("growth" OR "centgrowth")']),
    ("latency 48 % growth", ['("latency" OR "latency48")', '("48 %" OR "48")', '"growth"']),
    ("forty eight growth", ['("forty eight" OR "48")', '("growth" OR "fortygrowth")']),
    ("twenty thousand and forty per cent users", [
        '("twenty thousand and forty per cent" OR "twenty thousand and forty" OR "20040" OR "20 040")',
        '("users" OR "centusers")']),
    ("one two three percent", ['("one" OR "onetwo")', '("two" OR "2")', '("three percent" OR "three" OR "3")']),
    ("growth percent rate", ['("growth" OR "growthpercent")', '("percent" OR "growthpercent" OR "percentrate")',
                             '("rate" OR "percentrate")']),
    ('"48" percent', ['"48"', '"percent"']),
    ('48 "percent"', ['"48"', '"percent"']),
    ("48 per", ['("48" OR "48per")', '("per" OR "48per")']),
])
def test_the_terms_a_typed_search_asks_for(typed, terms):
    """The exact terms: a figure takes the "percent" typed right after it (not a quoted one, nor one after a word),
    and the word after them is also tried joined to the last word typed before it, as for any two typed words."""
    assert queries.fts_terms(typed) == terms
