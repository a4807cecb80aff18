"""dedup53: one reader of a word as a past verb (`segments.past_verb`), which slots and slot_fills read through."""
from __future__ import annotations

import pytest

from voiceprep.core.analysis import slot_fills, slots
from voiceprep.core.analysis.segments import past_verb


@pytest.mark.parametrize("word", ["caught", "lost", "drove", "used", "moved", "swapped"])
def test_irregular_and_regular_pasts_read_alike_in_each_module(word):
    assert past_verb(word) and slots._past(word) and slot_fills._past_verb(word)


@pytest.mark.parametrize("word", ["need", "proceed", "hundred", "exceed"])
def test_an_ed_word_that_is_no_past_is_no_past_in_any_of_them(word):
    assert not past_verb(word) and not slots._past(word) and not slot_fills._past_verb(word)


def test_slots_reads_a_past_like_its_present_as_past_and_slot_fills_a_state_as_no_act():
    assert slots._past("put") and slots._past("read") and not past_verb("put")
    assert slots._past("stuck") and not past_verb("stuck")         # "so we see stuck payments": no past told
    assert past_verb("seemed") and not slot_fills._past_verb("seemed")
