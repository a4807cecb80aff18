"""judge77: a denial that says the point is no "not done". A denial of a failing of the job ("I didn't take either
side": fair; "we didn't turn anyone away": everyone seen) reports good practice, as "we never lost a payment" does; a
denial in a relative clause without "that" whose subject is another person and whose object is the noun before it ("a
council tax reduction she didn't know about") says what the thing was to her, not an act the candidate did not do
(dev2 d2t-016, d2o-028, d2t-002). A denial of the candidate's own act stays one (issue 11: "we did not use the
Disruptor"). And spoken "just" as "only": "we just kept tokens from the processor" is a limit told, "we just kept the
locks" things left as they were. Typed through the real judge (the corpus's housing-officer bank; bundled payments)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import BANKS
from tests.core.analysis.answers import analysed, point
from voiceprep.core.analysis.judge import retracting_clauses
from voiceprep.core.analysis.segments import clause_markers, clause_spans, clean
from voiceprep.core.banks import load_bank

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

CORPUS_BANKS = Path(__file__).parent / "data/judge/banks"
ARREARS = ("An older man, a widower, had stopped paying after his wife died and was nine hundred pounds behind. Letters "
           "got nothing, so I knocked on his door. I helped him claim a council tax reduction he didn't know about.")


def test_a_reduction_she_did_not_know_about_is_what_was_claimed():
    bank = load_bank(CORPUS_BANKS / "housing-officer-association.toml")
    r = point(analysed(bank, "rent-arrears", ARREARS), "entitlements")
    assert r.hit, r.judgement
    assert "council tax reduction" in r.judgement.unit.text


@pytest.mark.parametrize("said, denied", [
    ("I didn't take either side.", False),
    ("I never took sides.", False),
    ("We didn't turn anyone away.", False),
    ("We didn't turn a single booked patient away.", False),
    ("I got her a council tax reduction she didn't know about.", False),
    ("Drivers got chargebacks for every one they didn't recognise.", False),
    ("I didn't take him aside.", True),                       # an act not done (dev2 d2p-022, negated)
    ("We didn't turn away from the problem.", True),
    ("We did not use the Disruptor.", True),                   # issue 11
    ("The driver said he didn't see him.", True),              # an object of its own: no relative
    ("I put her on a heat mat so she wasn't screaming.", True),
    ("I got her a reduction she didn't ask for and a refund.", True),   # the clause goes on: not read as a relative
])
def test_which_denials_deny_an_act(said, denied):
    markers = clause_markers(said.split())
    assert any(m & {"not", "never", "didn't", "wasn't"} for m in markers) == denied, markers


def _kept(said: str) -> bool:
    raw = said.split()
    return bool(retracting_clauses([clean(w) for w in raw], clause_spans(raw)))


def test_just_kept_from_a_source_is_a_limit_told():
    assert not _kept("We just kept tokens from the processor.")
    assert _kept("We just kept the locks and added more threads.")
    assert _kept("We just kept the locks instead of a ring buffer.")
    bank = load_bank(BANKS / "senior-backend-payments.toml")
    said = ("Card numbers never touched our servers. We just kept tokens from the processor, so we stayed out of PCI "
            "scope.")
    r = point(analysed(bank, "payments-domain", said), "pci")
    assert r.hit, r.judgement
    assert r.judgement.excluded_why != "taken back"
