"""walk18 (27, 28): History's search found an answer "in what you said", but nothing in the transcript showed where.
The words a search matched, as its full-text index matches them (a word's other endings, a phrase, a word written
with a space inside), are found in the transcript's words."""

from __future__ import annotations

from voiceprep.core.history.queries import searched_words

SAID = ("At my company our order matching engine had lock contention. I proposed a ring buffer, lock-free; the locks "
        "were gone and we could fail over in seconds.")
WORDS = SAID.split()


def marked(text: str) -> list[str]:
    return [WORDS[i] for i in sorted(searched_words(WORDS, text))]


def test_each_word_searched_is_found_with_its_other_endings():
    assert marked("lock") == ["lock", "lock-free;", "locks"]
    assert marked("locking proposal") == ["lock", "proposed", "lock-free;", "locks"]
    assert marked("Contention") == ["contention."]


def test_a_quoted_phrase_is_found_only_where_its_words_are_together():
    assert marked('"ring buffer"') == ["ring", "buffer,"]
    assert marked('"buffer ring"') == []


def test_a_word_written_with_a_space_inside_is_found_too():
    assert marked("failover") == ["fail", "over"]
    assert marked("") == [] and marked('"') == []


def test_short_or_unrelated_words_are_not_found():
    assert marked("ring") == ["ring"]
    assert marked("a") == ["a"]                 # the word itself, not every word starting with it
    assert marked("engineering") == []          # not "engine": the index finds neither
