"""walk67 finding 1 (docs/walk67/README.md), typed through the real judge on the bundled banks
(`senior-backend-payments`, `airwallex`): a thing the candidate says they did not use, had not, skipped, or only
looked at is not ticked. What is not fixed yet stays a strict xfail; what is already right is asserted."""
from __future__ import annotations

import pytest

from tests.conftest import BANKS
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.banks import load_bank
from voiceprep.core.transcript import Transcript

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

KAFKA_OPENING = "We built the payments pipeline on Kafka, with twelve topics and about three thousand payments a second. "
NEG1 = (KAFKA_OPENING + "We didn't use idempotency keys in the end; retries were rare, so we accepted an occasional "
        "duplicate and refunded it by hand. When a consumer failed we retried with backoff and parked the message in a "
        "dead letter queue.")
MATCHING_OPENING = "At my previous company our order matching engine had heavy lock contention between threads. "
NEG2 = (MATCHING_OPENING + "I looked at the LMAX Disruptor ring buffer, but we didn't use the Disruptor in the end. "
        "Instead we sharded the order books by instrument, one thread per shard, and p99 latency dropped from eight "
        "milliseconds to one.")


@pytest.fixture(scope="module")
def payments():
    return load_bank(BANKS / "senior-backend-payments.toml")


@pytest.fixture(scope="module")
def airwallex():
    return load_bank(BANKS / "airwallex.toml")


def judged(bank, prompt: str, text: str) -> dict:
    a = analyze_answer(bank, bank.prompt(prompt), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    return {r.key_point.id: r for r in a.key_points}


def ticked(bank, prompt: str, text: str) -> set[str]:
    return {k for k, r in judged(bank, prompt, text).items() if r.hit}


# --- already right: plain negations are read ---------------------------------------------------------------------

@pytest.mark.parametrize("variant", [
    "We didn't use idempotency keys in the end.",
    "We never used idempotency keys; retries were rare.",
    "We did not use idempotency keys.",
    "We accepted an occasional duplicate and refunded it by hand.",
])
def test_a_plain_negation_ticks_no_idempotency(payments, variant):
    t = ticked(payments, "kafka-payments", KAFKA_OPENING + variant)
    assert "idempotency" not in t and "revenue-impact" not in t, t


@pytest.mark.parametrize("variant", [
    "We didn't use the Disruptor in the end.",
    "We considered the LMAX Disruptor but rejected it.",
])
def test_a_plain_negation_ticks_no_disruptor(airwallex, variant):
    assert "disruptor" not in ticked(airwallex, "hardest-problem", MATCHING_OPENING + variant)


def test_the_disruptor_chosen_is_ticked(airwallex):
    """The counterpart: the design said as chosen still ticks."""
    text = MATCHING_OPENING + "We replaced the locks with the LMAX Disruptor, a ring buffer with a single writer thread."
    assert "disruptor" in ticked(airwallex, "hardest-problem", text)


def test_idempotency_used_is_ticked(payments):
    text = KAFKA_OPENING + "We used idempotency keys, so a retried payment was never charged twice."
    assert "idempotency" in ticked(payments, "kafka-payments", text)


def test_the_negated_answer_keeps_what_it_did(payments):
    """The rest of walk67's negated answer is said for real: retries with backoff and a dead letter queue."""
    assert "graceful-failure" in ticked(payments, "kafka-payments", NEG1)


# --- walk67 finding 1 (negation_scope.py) -----------------------------------------------------------------------

def test_a_negation_then_another_cue_ticks_no_idempotency(payments):
    """walk67 1a: "We didn't use idempotency keys in the end; ..., so we accepted an occasional duplicate": the thing
    the point names is denied, and "duplicate" alone is one cue of the two the bank asks (`named_only_in_denial`)."""
    assert "idempotency" not in ticked(payments, "kafka-payments", NEG1)


def test_the_negated_sentence_alone_ticks_no_idempotency(payments):
    text = KAFKA_OPENING + ("We didn't use idempotency keys in the end; retries were rare, so we accepted an "
                            "occasional duplicate and refunded it by hand.")
    assert "idempotency" not in ticked(payments, "kafka-payments", text)


def test_had_no_is_a_negation(payments):
    """walk67 1b: "had no" denies the thing: "We had no idempotency keys, so duplicates happened." """
    assert "idempotency" not in ticked(payments, "kafka-payments", KAFKA_OPENING + "We had no idempotency keys, so "
                                       "duplicates happened.")


def test_a_harm_denied_keeps_its_point(payments):
    """Not a denial of having the thing: "we didn't let retries turn into double charges" (dev pay-kafka-10) keeps
    retries as the point's evidence, with the dead-letter topic."""
    text = KAFKA_OPENING + ("We didn't let retries turn into double charges, and after three attempts a poison message "
                            "went to a dead-letter topic.")
    assert "graceful-failure" in ticked(payments, "kafka-payments", text)


def test_looked_at_is_not_chosen(airwallex):
    """walk67 1c: looking at a design is not choosing it, for a point that asks for the design chosen."""
    assert "disruptor" not in ticked(airwallex, "hardest-problem", MATCHING_OPENING + "I looked at the LMAX Disruptor.")


def test_looked_at_then_taken_is_chosen(airwallex):
    text = MATCHING_OPENING + "I looked at the LMAX Disruptor, and in the end we went with it, one writer thread."
    assert "disruptor" in ticked(airwallex, "hardest-problem", text)


def test_a_later_denial_takes_the_design_back(airwallex):
    """walk67 1c: "..., but we didn't use the Disruptor in the end" takes back the clause that named it
    (`named_back`), as "but we didn't use it" does."""
    assert "disruptor" not in ticked(airwallex, "hardest-problem", NEG2)


def test_a_duplicate_accepted_is_no_money_kept(payments):
    """walk67 1a: "we accepted an occasional duplicate" says the harm that "no lost or duplicated money" denies
    ("duplicated" stands under the label's "no" with "lost": `keypoints._coordinated_peer`)."""
    assert "revenue-impact" not in ticked(payments, "kafka-payments", NEG1)


def test_skipped_is_a_negation(payments):
    """walk67 1b: a thing the candidate skipped was not done (`skipped.py`)."""
    t = ticked(payments, "kafka-payments", KAFKA_OPENING + "Idempotency keys were something we skipped.")
    assert "idempotency" not in t, t
