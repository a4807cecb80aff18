"""walk48/fixBR: `history search "Kafka OR Postgres"` and a word's beginning ("retr") found nothing. An OR typed in
capitals between words finds an answer matching either side (each side all its words, as before); a "*" after a
word's beginning finds every word that begins so. History's search box and `history search` share the rule
(queries.fts_query, figure_checks, searched_spans)."""

from __future__ import annotations

from voiceprep.core.history import queries

KAFKA = "We used Kafka topics with 48 partitions and consumer groups."
POSTGRES = "Postgres held the ledger behind a unique index; writes fell 30 percent."
RETRIES = "We added retries with backoff and a dead letter queue."


def _found(history, typed: str) -> set[int]:
    listed = {r["id"] for r in queries.list_attempts(history, text=typed)}
    searched = {r["id"] for r in queries.search(history, typed)}
    assert listed == searched, typed            # History's list and `history search`: one rule
    return listed


def test_or_in_capitals_finds_an_answer_matching_either_side(history, save):
    kafka, postgres, retries = save(KAFKA), save(POSTGRES), save(RETRIES)
    assert _found(history, "Kafka OR Postgres") == {kafka, postgres}
    assert _found(history, "Kafka topics OR dead letter") == {kafka, retries}      # each side all its words
    assert _found(history, "Kafka ledger OR backoff") == {retries}
    assert _found(history, '"unique index" OR "consumer groups"') == {kafka, postgres}
    assert _found(history, "Kafka or Postgres") == set()          # "or" in small letters is a word, as before
    assert _found(history, "OR Kafka OR") == {kafka}               # an OR with nothing on a side asks nothing
    assert _found(history, "Kafka") == {kafka}


def test_or_keeps_each_sides_figure_with_its_unit(history, save):
    """A figure with a unit ("48 partitions") or a percentage ("30 percent") is checked on its own side only."""
    kafka, postgres, retries = save(KAFKA), save(POSTGRES), save(RETRIES)
    assert _found(history, "48 partitions OR 30 percent") == {kafka, postgres}
    assert _found(history, "48 partitions OR backoff") == {kafka, retries}
    assert _found(history, "30 partitions OR 48 percent") == set()
    assert _found(history, "30 percent OR nothing") == {postgres}


def test_a_star_after_a_words_beginning_finds_the_words_that_begin_so(history, save):
    kafka, _, retries = save(KAFKA), save(POSTGRES), save(RETRIES)
    assert _found(history, "retr") == set()                       # a word is a whole word (its other endings too)
    assert _found(history, "retr*") == {retries}
    assert _found(history, "retr* back*") == {retries}
    assert _found(history, "Kaf* OR retr*") == {kafka, retries}
    words = RETRIES.split()
    assert {words[i] for i in queries.searched_words(words, "retr*")} == {"retries"}
    assert "[retries]" in queries.snippet(RETRIES, "retr*")
    assert {words[i] for i in queries.searched_words(words, "retr* OR dead")} == {"retries", "dead"}


def test_the_no_match_tip_puts_the_star_where_search_reads_it(history, save):
    """Walk52 4: the tip said "Add * to the start of a word … (retr*)": the * goes after a word's beginning, as
    search reads it (and as SEARCH_SYNTAX_TEXT says)."""
    retries = save(RETRIES)
    tip = queries.NO_MATCH_TIP_TEXT
    assert "start of a word" not in tip and "* after a word's beginning" in tip and "(retr*" in tip, tip
    assert _found(history, "retr*") == {retries} and _found(history, "*retr") == set()
