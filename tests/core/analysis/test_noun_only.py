"""noun_only.py (judge113, walk66 1a, 1c): a piece of an answer that shares only a noun phrase with a key point."""
from __future__ import annotations

from voiceprep.core.analysis.noun_only import (
    acted_on,
    asks_for,
    noun_phrases,
    only_a_noun_phrase,
    own_naming_stems,
    rest_texts,
    subject_phrase,
)
from voiceprep.core.analysis.text import tokenize_text

CONTENTION = "The order book had lock contention under load"
MIGRATION = "How you would migrate from the old pipeline without losing events"


def stems(text: str) -> frozenset[str]:
    return frozenset(t.stem for t in tokenize_text(text))


def test_the_noun_phrases_of_a_label_and_their_rests():
    assert noun_phrases(CONTENTION) == [(stems("order book"), "The had lock contention under load"),
                                        (stems("load"), "The order book had lock contention under")]
    assert rest_texts(MIGRATION) == ["How you would migrate from the without losing events"]


def test_a_verb_or_a_relative_clause_is_no_noun_phrase():
    """ "to migrate", "that commit offsets", "without losing events": no article, possessive or preposition opens
    them."""
    assert [sorted(s) for s, _ in noun_phrases("Kafka consumers that commit offsets after the work is done")] == [["work"]]
    assert noun_phrases("Moved the writes to the new cluster without downtime") == [
        (stems("writes"), "Moved the to the new cluster without downtime"),
        (stems("new cluster"), "Moved the writes to the without downtime")]


def test_a_heading_or_a_thin_claim_has_no_noun_phrase_to_set_aside():
    """A heading's slot ("The root cause I found") or one word beside the phrase: nothing of a claim to compare."""
    assert noun_phrases("The root cause I found") == []
    assert noun_phrases("The fix and the measured result") == []
    assert noun_phrases("Migrate to the new cluster") == []


def test_a_label_that_asks_for_the_thing_named():
    assert asks_for("Name the LMAX Disruptor as the design you chose")
    assert asks_for("Idempotency: idempotency keys, deduplication, so a retried payment is never charged twice")
    assert asks_for("The change in practice we made, such as hourly rounding, a bundle or a checklist")
    assert not asks_for(CONTENTION) and not asks_for(MIGRATION)


def test_only_the_noun_phrase_said():
    own = own_naming_stems(CONTENTION, ())
    assert only_a_noun_phrase(stems("We put a mutex around the order book"), own, CONTENTION) == \
        (stems("order book"), "The had lock contention under load")
    # a word of the claim said too: more than a noun phrase
    assert only_a_noun_phrase(stems("The order book had a lot of contention"), own, CONTENTION) is None
    # nothing of the point's words said: judged by meaning as ever
    assert only_a_noun_phrase(stems("Threads kept waiting on each other"), own, CONTENTION) is None


def test_a_cue_word_said_is_more_than_the_noun_phrase():
    own = own_naming_stems(MIGRATION, ("cut over|cutover",))
    assert only_a_noun_phrase(stems("we did the cutover of the pipeline"), own, MIGRATION) is None
    assert only_a_noun_phrase(stems("I will split the pipeline into stages"), own, MIGRATION) is not None


def test_what_a_label_says_its_subject_was_or_had():
    assert subject_phrase(CONTENTION) == stems("order book")
    assert subject_phrase("Our p99 latency was 40 ms at peak") == stems("p99 latency")
    assert subject_phrase(MIGRATION) is None
    assert subject_phrase("We moved the order book to one thread") is None


def test_a_thing_acted_on_is_not_what_it_had():
    def read(text):
        toks = tokenize_text(text)
        return [t.norm for t in toks], [t.stem for t in toks]
    book = stems("order book")
    assert acted_on(*read("We put a mutex around the order book"), book)
    assert not acted_on(*read("The order book was where every thread waited"), book)
    assert not acted_on(*read("Our order book stalled at market open"), book)
