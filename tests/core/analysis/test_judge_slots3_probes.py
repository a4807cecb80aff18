"""read50a (session 50 review of judge110): probes of `slots`' "How I let them choose" reading (`_LET_HEADING`,
`tells_others_act`). Strict xfail: each fails on the reviewed code."""
from __future__ import annotations

import pytest

from voiceprep.core.analysis.headings import OTHERS, read_heading
from voiceprep.core.analysis.judge import VAGUE as VAGUE_WORDS
from voiceprep.core.analysis.segments import clean
from voiceprep.core.analysis.slots import tells_others_act

NONE: frozenset[str] = frozenset()


def _w(text: str) -> list[str]:
    return [clean(w) for w in text.split()]


@pytest.mark.parametrize("verb, said", [
    ("swap", "the drivers swapped shifts with each other through the new app"),
    ("try", "the drivers tried each new route for a whole fortnight"),
    ("plan", "the drivers planned their own summer rota together"),
])
def test_others_doing_the_headings_verb_in_its_regular_past_fill_the_slot(verb, said):
    assert tells_others_act(_w(said), verb, NONE, VAGUE_WORDS, 2)


@pytest.mark.xfail(strict=True, reason="read50a: _LET_HEADING takes the heading's last word for its verb")
def test_a_let_heading_with_an_object_reads_its_verb_not_its_last_word():
    heading = read_heading("How I let them choose their own books")
    assert heading is not None and heading.slot == OTHERS and heading.verb == "choose"
