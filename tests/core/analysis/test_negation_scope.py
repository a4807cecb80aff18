"""negation_scope.py's readers on plain words (walk67 finding 1)."""
from __future__ import annotations

import pytest

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


def test_a_thing_weighed_then_chosen_by_the_same_subject_is_chosen():
    """read51a 2: "We evaluated the Disruptor and a sharded lock design and chose the Disruptor" chose it (the
    subject not said again); judge117 read it as only weighed and missed "Name the LMAX Disruptor as the design you
    chose"."""
    words = words_of("we evaluated the lmax disruptor and a sharded lock design and chose the lmax disruptor")
    assert weighed_words(words, [(0, len(words) - 1)]) == frozenset()


def test_a_denied_thing_is_the_word_after_a_possessive_not_the_possessive():
    """read51a 1: "but we didn't use our old test suite" denies the suite, not every earlier clause that says "our":
    judge117 took back "I rewrote our billing service in Go"."""
    words = words_of("i rewrote our billing service in go but we didn't use our old test suite")
    assert named_back(words, [(0, 6), (7, 14)]) == frozenset()


def test_a_denied_thing_is_not_read_by_its_adjective():
    """read51a 1b: the denied thing is its noun phrase's last word ("suite"), not its first ("old")."""
    words = words_of("i rewrote the old billing service but we didn't use the old test suite")
    assert named_back(words, [(0, 5), (6, 13)]) == frozenset()


def test_a_denied_thing_named_by_several_words_takes_back_the_clause_that_named_it():
    words = words_of("i rewrote the old test suite but we didn't use the old test suite in the end")
    assert named_back(words, [(0, 5), (6, 16)]) == frozenset(range(0, 6))


def test_a_thing_never_used_in_the_past_tense_is_taken_back():
    """read51a 3: "we never adopted Kafka" (the module's own example) and "we never used the Disruptor" deny it as
    "we didn't use the Disruptor" does; judge117's pattern read the present form only."""
    words = words_of("i looked at the lmax disruptor ring buffer but we never used the disruptor in the end")
    assert named_back(words, [(0, 7), (8, 16)]) == frozenset(range(0, 8))


def test_one_a_week_later_is_no_rate():
    """read51a 4: "one a week later" is a point in time, not a rate ("one a fortnight")."""
    from voiceprep.core.analysis.quantities import numbers_said
    from voiceprep.core.analysis.text import tokenize_text
    text = "I kept one a week later"
    assert numbers_said(text.split(), tokenize_text(text)) == frozenset()
    text = "Jams went from every day to about one a fortnight"
    assert numbers_said(text.split(), tokenize_text(text)) == frozenset({7})     # "one"


def test_never_used_to_names_no_thing():
    """read51a 3: with the past tense read, "we never used to write tests" names no thing ("to")."""
    words = words_of("i moved the jobs to a queue but we never used to write tests for them")
    assert named_back(words, [(0, 5), (6, 14)]) == frozenset()


def test_a_modifier_coordinated_under_a_denial_is_denied_too():
    """walk67 1a: "no lost or duplicated money" denies "duplicated" as it denies "lost" (`_coordinated_peer`);
    a one-word peer needs the shared noun after it, and a longer first phrase keeps its own."""
    from voiceprep.core.analysis.keypoints import denied_phrases
    assert set(denied_phrases("Why it mattered: no lost or duplicated money, fewer incidents")) == {("lost",), ("duplic",)}
    assert denied_phrases("no manual steps or sign-offs") == (("manual", "step"),)


@pytest.mark.parametrize("text, skipped", [
    ("idempotency keys were something we skipped", True),
    ("we decided to skip the canary stage", True),
    ("i ended up skipping the load test", True),
    ("the duplicate was detected and skipped", False),
    ("the consumer skips it", False),
])
def test_a_thing_the_candidate_skipped_is_denied(text, skipped):
    """walk67 1b: the candidate as the one who skips denies the thing; a system skipping an item does not."""
    from voiceprep.core.analysis.skipped import SKIP_WORDS, skipped_by_candidate
    words = words_of(text)
    assert any(skipped_by_candidate(words, i) for i, w in enumerate(words) if w in SKIP_WORDS) is skipped
