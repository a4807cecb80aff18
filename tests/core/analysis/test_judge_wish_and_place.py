"""judge74: "a sandbox where you could create test shipments" says what the sandbox lets you do (a relative clause
of place after a noun, as "a tool that could replay events"), no plan: it was set aside as hypothetical (dev2 d2q-020,
a strong answer at 75). Typed through the real judge (bundled Affirm bank). An indirect question ("I asked where we
could cut") and a plan ("Next time I could add…") are read as before. "The part I'd want: one API …" (dev2 d2s-052)
stays a plan: in a design answer "what I'd want" is one (test_judge.py), and only the prompt tells a why answer's wish
apart (not done here)."""
from __future__ import annotations

import pytest

from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.segments import clause_markers
from voiceprep.core.banks import BankRegistry
from voiceprep.core.transcript import Transcript
from voiceprep.paths import bundled_banks_dir

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

DEVELOPER_APIS = (
    "The one I'm proudest of is the public shipping API at a logistics company that online shops used to buy labels "
    "and track parcels, and I led it from the first design doc. The resources were shipments, labels and tracking "
    "events, REST with JSON, versioned by a date header so a shop never saw a change it hadn't asked for. For "
    "developers we did it properly: a sandbox where you could create test shipments and fire fake tracking events, "
    "client libraries in Python and PHP generated from the OpenAPI spec, and docs with a runnable example for every "
    "endpoint. Safety was API keys per shop, rate limits per key and idempotency keys on label purchase. It grew "
    "from a dozen pilot shops to about two thousand integrations in eighteen months.")


def _point(prompt_id: str, text: str, point: str):
    bank = next(b for b in BankRegistry.discover([bundled_banks_dir()]).banks if b.id == "affirm-backend-platform")
    a = analyze_answer(bank, bank.prompt(prompt_id), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    return next(r for r in a.key_points if r.key_point.id == point)


def test_what_a_sandbox_lets_you_do_is_what_it_is():
    r = _point("developer-apis", DEVELOPER_APIS, "dx")
    assert r.hit, r.judgement
    assert "sandbox" in r.judgement.unit.text


@pytest.mark.parametrize("said, hypothetical", [
    ("I'd want to build out the single API layer.", True),
    ("We built a sandbox where you could create test shipments.", False),
    ("I asked where we could cut the cost.", True),
    ("We'd see where we could cut the cost.", True),
    ("Next time I could add a sandbox.", True),
])
def test_which_modals_read_as_a_plan(said, hypothetical):
    markers = clause_markers(said.split())
    assert any(m & {"would", "could", "i'd", "we'd"} for m in markers) == hypothetical, markers
