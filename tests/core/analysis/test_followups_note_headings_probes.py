"""read50a (session 50 review of mend54): `_plain_plural` lowers a heading's first word when its singular is in the
sentence model's vocabulary, which is uncased and holds first names, so a surname or product that looks plural
("Evans", "Hughes", "Windows") is lowered though the bank never writes it so: the module's own rule is that a capital
is a small wart and a lowered name a wrong sentence. Fixed after the review: only measure plurals ("Figures") are
lowered without the bank writing them."""

from __future__ import annotations

import pytest

from tests.core.analysis.test_followups_direct_question import _asked


@pytest.mark.parametrize("label, asked", [
    ("Evans audit findings", "Can you tell me about Evans audit findings?"),
    ("Hughes review, and what it found", "Can you tell me about Hughes review, and what it found?"),
    ("Windows upgrade across the depots", "Can you tell me about Windows upgrade across the depots?"),
])
def test_a_name_that_looks_plural_keeps_its_capital(label, asked):
    assert _asked(label) == asked
