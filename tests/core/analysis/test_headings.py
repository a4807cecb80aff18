"""dedup54: a key point's heading form is read in one place (`headings.heading_form`), and the judge asks it."""

from __future__ import annotations

import pytest

from voiceprep.core.analysis.headings import ACT, NUMBER, WHO, heading_form


@pytest.mark.parametrize(("label", "slot", "numbered", "cause", "technology", "how", "names_slot"), [
    ("Who I brought in, and why", WHO, False, False, False, False, True),
    ("What I changed so it stopped", ACT, False, False, False, False, True),
    ("The numbers after that", NUMBER, False, False, False, False, True),
    ("The result, with a number", None, True, False, False, False, True),
    ("The root cause I found", None, False, True, False, False, True),
    ("The technology and why I needed it", None, False, False, True, False, True),
    ("How I got up to speed", None, False, False, False, True, True),
    ("Moved to Stripe, cut PCI scope by half", None, False, False, False, False, False),
])
def test_one_reader_reads_every_heading_form(label, slot, numbered, cause, technology, how, names_slot):
    form = heading_form(label)
    assert (form.slot.slot if form.slot else None) == slot
    assert (form.numbered, form.cause, form.technology, form.how, form.names_slot) == (
        numbered, cause, technology, how, names_slot)


def test_a_number_is_asked_by_a_with_a_number_rider_or_a_figures_heading():
    assert heading_form("The result, with a number").asks_number
    assert heading_form("Our figures afterwards").asks_number
    assert not heading_form("Who I pulled in").asks_number
