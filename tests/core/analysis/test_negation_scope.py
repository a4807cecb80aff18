"""negation_scope.py's readers on plain words (walk67 finding 1)."""
from __future__ import annotations

from voiceprep.core.analysis.negation_scope import ASKS_CHOSEN, named_back, weighed_words


def words_of(text: str) -> list[str]:
    return text.split(" ")


def test_a_later_clause_that_denies_a_named_thing_takes_its_clause_back():
    words = words_of("i looked at the lmax disruptor ring buffer but we didn't use the disruptor in the end")
    assert named_back(words, [(0, 7), (8, 16)]) == frozenset(range(0, 8))


def test_a_denial_of_another_thing_takes_nothing_back():
    words = words_of("we used kafka for the events but we didn't use the outbox at all")
    assert named_back(words, [(0, 5), (6, 13)]) == frozenset()


def test_a_thing_weighed_is_not_chosen():
    words = words_of("i looked at the lmax disruptor")
    assert weighed_words(words, [(0, 5)]) == frozenset(range(1, 6))


def test_a_thing_weighed_then_taken_is_chosen():
    words = words_of("i looked at the lmax disruptor and in the end we went with it")
    assert weighed_words(words, [(0, 5), (6, 13)]) == frozenset()


def test_only_a_point_that_asks_for_the_choice_reads_weighing():
    assert ASKS_CHOSEN.search("Name the LMAX Disruptor as the design you chose")
    assert not ASKS_CHOSEN.search("Explain the mechanics: ring buffer, single writer")
