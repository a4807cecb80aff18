"""A "Close, but…" tip quotes what was said up to its clause's end: no dangling comma before what to do (walk51 3:
"“I designed it and wrote most of it,” Say what you did.")."""
from __future__ import annotations

from tests.conftest import BANKS
from voiceprep.app.judging import _detail
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.banks import load_bank
from voiceprep.core.transcript import Transcript


def test_a_close_but_quote_ends_at_its_clause_not_on_a_comma():
    bank = load_bank(BANKS / "airwallex.toml")
    text = ("The most impactful thing was a reconciliation service at my last job. I would have designed it and written "
            "most of it, but it compared our ledger with the bank file every hour.")
    a = analyze_answer(bank, bank.prompt("most-impactful"), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    role = next(r for r in a.key_points if r.key_point.id == "your-role")
    assert not role.hit and role.judgement.excluded[0].text.endswith(",")     # the piece set aside ends on its comma
    said = _detail(role)
    assert said == ("Close, but said as something you would do, not something you did: "
                    "“I would have designed it and written most of it”")
