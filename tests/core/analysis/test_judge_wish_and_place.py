"""judge74: two modals a strong answer says that are no plan, typed through the real judge (bundled Affirm bank).
"The part I'd want: one API …" states the candidate's wish, as "I'd like" and "I'd love" already did (a why answer's
reasons are wishes; not "I'd want to build…", a plan, nor after an "if": dev af-why-10); "a sandbox where you could
create test shipments" says what the sandbox lets you do (a relative clause of place, as "an account that could
hold…"). Both were set aside as hypothetical (dev2 d2s-052, d2q-020: strong answers at 75). An indirect question
("I asked where we could cut") and a plan ("Next time I could add…") are read as before."""
from __future__ import annotations

import pytest

from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.segments import clause_markers
from voiceprep.core.banks import BankRegistry
from voiceprep.core.transcript import Transcript
from voiceprep.paths import bundled_banks_dir

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

WHY_AFFIRM = (
    "Part of it is personal: I've seen friends caught out by store cards where the real cost was hidden in the small "
    "print, and Affirm showing the whole cost before you agree is the honest version of credit. Banks still run their "
    "ledgers on decades-old systems and people don't trust them. The platform team is the part I'd want: a single API "
    "and shared building blocks that any new loan product is assembled from, and the real-time pipeline that every "
    "credit decision runs on. On fit, I've written Python services for years and I'm used to owning technical calls.")
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


def test_the_team_you_would_want_is_your_reason_for_it():
    r = _point("why-affirm", WHY_AFFIRM, "platform-team")
    assert r.hit, r.judgement
    assert "I'd want" in r.judgement.unit.text


def test_what_a_sandbox_lets_you_do_is_what_it_is():
    r = _point("developer-apis", DEVELOPER_APIS, "dx")
    assert r.hit, r.judgement
    assert "sandbox" in r.judgement.unit.text


@pytest.mark.parametrize("said, hypothetical", [
    ("The platform team is the part I'd want.", False),
    ("I'd want to build out the single API layer.", True),
    ("If I joined, the part I'd want is the API layer.", True),
    ("We built a sandbox where you could create test shipments.", False),
    ("I asked where we could cut the cost.", True),
    ("We'd see where we could cut the cost.", True),
    ("Next time I could add a sandbox.", True),
])
def test_which_modals_read_as_a_plan(said, hypothetical):
    markers = clause_markers(said.split())
    assert any(m & {"would", "could", "i'd", "we'd"} for m in markers) == hypothetical, markers
