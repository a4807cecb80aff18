"""walk65 6: History's search for "councillor" found nothing; tiny.en wrote "councilor" for what was said. A searched
word also finds its British or American spelling (core.history.spelling), and the transcript marks it."""

from __future__ import annotations

import pytest

from voiceprep.core.history import queries
from voiceprep.core.history.queries import searched_words
from voiceprep.core.history.spelling import spelling_variants


@pytest.mark.parametrize(("typed", "other"), [
    ("councillor", "councilor"), ("councilor", "councillor"), ("colour", "color"), ("favourite", "favorite"),
    ("behaviour", "behavior"), ("organise", "organize"), ("organisation", "organization"), ("analyse", "analyze"),
    ("centre", "center"), ("fibres", "fibers"), ("travelled", "traveled"), ("modeling", "modelling"),
])
def test_each_rule_works_both_ways(typed, other):
    assert other in spelling_variants(typed) and typed in spelling_variants(other)


@pytest.mark.parametrize("word", ["floor", "filled", "filed", "failed", "four", "hour", "for", "your", "Kafka"])
def test_words_the_rules_must_leave_alone(word):
    """ "floor" is not "flour", "filled" not "filed": an o before -or, a one-syllable word before a doubled l, and
    short words are left as typed."""
    real = {"floor": "flour", "filled": "filed", "filed": "filled", "failed": "failled", "four": "for",
            "hour": "hor", "for": "four", "your": "yor"}
    assert real.get(word, word) not in spelling_variants(word)


def test_a_search_finds_the_other_spelling_and_marks_it(history, save):
    said = "She was councilor Maria Lopez, and she chairs the infrastructure committee of the city centre."
    found = save(said)
    save("We moved the payouts service to Kafka and ran both pipelines side by side.")
    assert [r["id"] for r in queries.search(history, "councillor")] == [found]
    assert [r["id"] for r in queries.search(history, "center")] == [found]
    words = said.split()
    assert [words[i] for i in sorted(searched_words(words, "councillor center"))] == ["councilor", "centre."]
