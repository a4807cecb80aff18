"""judge88 (issue 11, judge86's groups D and G), typed through the real judge on the bundled banks: a point whose label
denies something ("..., never floats") lets a sentence's denial count only when it denies what the label denies — "the
schema I inherited wasn't a proper ledger" denies the ledger, not the floats."""
from __future__ import annotations

import pytest

from tests.conftest import BANKS
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.evaluation import answer_judge
from voiceprep.core.analysis.judge import said_missing
from voiceprep.core.banks import load_bank
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py


@pytest.fixture(scope="module")
def payments():
    return load_bank(BANKS / "senior-backend-payments.toml")


def judged(bank, prompt_id: str, point: str, text: str):
    a = analyze_answer(bank, bank.prompt(prompt_id), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    return next(r for r in a.key_points if r.key_point.id == point)


# d2e-pay-pg-03's denial (main: ledger-schema ticked at p 0.978 on its first sentence)
NOT_A_LEDGER = ("Honestly, the schema I inherited wasn't a proper ledger. It was one transactions table with a balance "
                "column that got updated in place, and the amounts were stored as floats, which, yeah, caused rounding "
                "issues. I didn't get to redesign it. What I did do was the query work for the reconciliation report: "
                "it was taking about twelve minutes, so I added a partial index on unreconciled rows only, and it "
                "dropped to around fifteen seconds.")


def test_a_denial_of_another_word_is_no_evidence_for_a_point_that_denies_floats(payments):
    r = judged(payments, "postgres-reconciliation", "ledger-schema", NOT_A_LEDGER)
    assert not r.hit, (r.judgement.probability, r.judgement.unit)


@pytest.mark.parametrize("text", [
    "Our schema was a double-entry ledger: every movement was two immutable entries, and we never stored amounts as "
    "floats, only integer cents.",
    "We kept a double-entry ledger with append-only entries, and amounts weren't floats, they were integer minor units.",
])
def test_a_denial_of_what_the_label_denies_still_says_it(payments, text):
    assert judged(payments, "postgres-reconciliation", "ledger-schema", text).hit


# d2i-ph-service-03: a need told by its own denial ("the medicine wasn't ready") for a label whose denial tells the need
# ("patients we were not reaching") is not a denial of the point; a contraction that denies none of the label's words
# stays a contrast, as on main
def test_a_need_told_by_a_denial_still_says_it():
    bank = load_bank(BANKS.parent / "tests/core/analysis/data/judge/banks/pharmacist-community.toml")
    text = ("I set up a text reminder for repeat prescriptions. Before, patients came to collect and the medicine "
            "wasn't ready, we had maybe thirty people a day waiting fifteen, twenty minutes at the counter. I set up the "
            "texts myself on the PMR, and launched it to everyone on the Monday.")
    assert judged(bank, "new-service", "the-need", text).hit


@pytest.fixture(scope="module")
def affirm():
    return load_bank(BANKS / "affirm-backend-platform.toml")


# d2f-af-ha-03's opening (main: replication ticked at p 0.993 on "We had a primary and a replica in MySQL,")
@pytest.mark.parametrize("text", [
    "We had a primary and a replica in MySQL, but there was no automatic failover: if the primary died, someone got "
    "paged and promoted the replica by hand. We did have nightly dumps and we tested restoring them every quarter.",
    "We ran MySQL with a primary and a replica, but we didn't have automatic failover: if the primary died someone "
    "promoted the replica by hand. We backed up every night.",
    "We had a primary and a replica, but no automatic failover. Backups were nightly and we tested the restore.",
])
def test_no_automatic_failover_inside_a_clause_denies_the_point(affirm, text):
    r = judged(affirm, "ha-storage", "replication", text)
    assert not r.hit, (r.judgement.probability, r.judgement.unit)


@pytest.mark.parametrize("text", [
    "We had a primary and two replicas, and there was no automatic failover at first, so we added Patroni, and after "
    "that a replica was promoted in about thirty seconds when the primary died.",
    "We ran a primary and two replicas with Patroni handling automatic failover, so there was no manual promotion and "
    "no outage when the primary died.",
])
def test_failover_missing_once_and_remedied_still_counts(affirm, text):
    assert judged(affirm, "ha-storage", "replication", text).hit


def missing(clause: str) -> list[int]:
    return said_missing(clause.split())


def test_missing_words_of_a_clause():
    assert missing("but there was no automatic failover") == [5]
    assert missing("but no automatic failover") == [3]
    assert missing("we didn't have any automatic failover") == [5]
    assert 3 in missing("there was no versioning at all")
    assert 4 in missing("we never had idempotency keys and there was no dead letter queue")   # regression #45
    assert 4 not in missing("i said there's no wrong answer here")                # "wrong" modifies "answer"
    assert missing("we didn't have to tip away any milk") == []      # a chore spared
    assert missing("there were no outages") == []                    # a result
    assert missing("a single writer with no locks") == []            # a quantifier


@pytest.fixture(scope="module")
def airwallex():
    return load_bank(BANKS / "airwallex.toml")


# d2p-044's last sentence: `_markers` reads it as a denial (judge86), main's cue matcher still counted "card" and
# "expense management" in it
@pytest.mark.parametrize("text, said", [
    ("That's about what I know, honestly I'm less sure about the card and expense management side.", False),
    ("We issue cards to their staff and the expense management side reconciles what they spend.", True),
])
def test_the_cue_matcher_reads_an_unsure_denial_as_the_judge_does(airwallex, text, said):
    prompt = airwallex.prompt("product-range")
    point = next(kp for kp in prompt.key_points if kp.id == "payments-cards")
    judge = answer_judge(Transcript.from_text(text), airwallex, prompt, AnalysisSettings(), None)
    assert judge.said_plainly(point).hit is said
