"""The question's words said back ("The most impactful thing I built was …") take no point's evidence: "I designed it"
told after them is the candidate's role, kept and quoted. Typed through the real judge (walk51's finding 3; folded here
by topic, session 41)."""
from __future__ import annotations

import pytest

from tests.core.analysis.answers import analysed

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py


IMPACT = ("The most impactful thing I built was a reconciliation service at my last job. I designed it and wrote most "
          "of it, and it compared our ledger with the bank file every hour.")


def test_i_designed_it_is_the_role_said_even_after_the_questions_echo(airwallex):
    """walk51 3: "I designed it and wrote most of it" was "Close, but said as a general remark or a view": the
    matcher kept "I built" of "The most impactful thing I built was…" (the question's words, a bare sentence) and
    dropped the point's cue for it. The told mention is kept and quoted."""
    a = analysed(airwallex, "most-impactful", IMPACT)
    role = next(r for r in a.key_points if r.key_point.id == "your-role")
    assert role.hit
    assert role.judgement.unit.text.startswith("I designed it and wrote most of it")
