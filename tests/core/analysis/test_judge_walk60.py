"""walk60 (judge87), typed through the real judge on the bundled senior-backend-payments bank: the opposite of a point
("we did not tokenize anything ... full card numbers ... in our own Postgres") is no evidence for it, a point's topic
nouns alone ("We used Kafka, and our consumers read the payment events") do not say what the point says was done, a
purpose clause ("..., so that concurrency is bounded") is as hypothetical as the "I would" it serves, and a spoken word
that is spelt right is not matched to a different cue word by sound alone."""
from __future__ import annotations

import pytest

from tests.conftest import BANKS
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.keypoints import TokenIndex, match_key_point
from voiceprep.core.analysis.segments import clause_markers
from voiceprep.core.analysis.text import tokenize_text
from voiceprep.core.banks import load_bank
from voiceprep.core.banks.model import KeyPoint
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py


@pytest.fixture(scope="module")
def bank():
    return load_bank(BANKS / "senior-backend-payments.toml")


def judged(bank, prompt_id: str, point: str, text: str):
    a = analyze_answer(bank, bank.prompt(prompt_id), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    return next(r for r in a.key_points if r.key_point.id == point)


def test_a_purpose_clause_keeps_its_main_clauses_would():
    """walk60 3: "..., and I would put a semaphore around each provider, so that concurrency is bounded" — main read
    "so that concurrency is bounded" as a clause telling its own past ("that" a subject, "bounded" a past)."""
    text = ("I would use an async HTTP client with a connection pool, and I would put a semaphore around each downstream "
            "provider, so that concurrency is bounded and one slow provider cannot eat every connection.")
    raw = text.split()
    markers = clause_markers(raw)
    assert "would" in markers[raw.index("concurrency")]
    assert "would" in markers[raw.index("bounded")]


def test_a_hypothetical_is_not_credited_through_its_so_that_clause(bank):
    """walk60 3: main ticked Async, quoting "so that concurrency is bounded and one slow provider cannot eat every
    connection."."""
    text = ("I would probably start from asyncio, because payment operations mostly wait on the network. I would use an "
            "async HTTP client with a connection pool, and I would put a semaphore around each downstream provider, so "
            "that concurrency is bounded and one slow provider cannot eat every connection.")
    r = judged(bank, "python-services", "async", text)
    assert not r.hit, (r.judgement.probability, r.judgement.unit)


def test_so_that_said_as_done_still_counts(bank):
    text = ("We used asyncio with an async HTTP client and a connection pool, and we put a semaphore around each "
            "downstream provider, so that concurrency was bounded and one slow provider could not eat every connection.")
    assert judged(bank, "python-services", "async", text).hit


@pytest.mark.parametrize("text", [
    "We did not tokenize anything. The full card numbers were stored in our own Postgres database. PCI compliance did "
    "not shape the design.",
    "We never tokenized card data; full card numbers sat in our Postgres database, so we were fully in PCI scope.",
])
def test_the_opposite_of_the_pci_point_is_no_evidence(bank, text):
    """walk60 1: main ticked "PCI compliance: tokenization, keeping card data out of scope" (`min_cues` 1: "card
    numbers" or "PCI" carried it) and did not read "we did not tokenize" / "we never tokenized"."""
    r = judged(bank, "payments-domain", "pci", text)
    assert not r.hit, (r.judgement.probability, r.judgement.unit)


def test_the_pci_point_said_as_done_still_counts(bank):
    text = ("We tokenized every card with our processor's vault, so the full card numbers never touched our servers and "
            "we stayed out of PCI scope.")
    assert judged(bank, "payments-domain", "pci", text).hit


@pytest.mark.parametrize("text", [
    "We used Kafka, and our consumers read the payment events.",
    "We versioned every Kafka event with a schema version field, and consumers accepted both the old and the new "
    "version during a migration.",
])
def test_the_points_nouns_alone_do_not_say_what_it_says_was_done(bank, text):
    """walk60 2: main ticked "Distributed pieces: Kafka consumers that commit offsets only after the work is done"
    for its nouns (cues: Kafka, consumers); the act its label tells ("that commit offsets ...") is never said."""
    r = judged(bank, "python-services", "kafka-consumers", text)
    assert not r.hit, (r.judgement.probability, r.judgement.unit)


def test_the_kafka_consumers_point_said_still_counts(bank):
    text = ("Our Kafka consumers committed their offsets only after the payment was written to Postgres, so a crash "
            "meant the message was processed again.")
    assert judged(bank, "python-services", "kafka-consumers", text).hit


@pytest.mark.parametrize("said, cue", [("instant", "incident"), ("double", "table"), ("still", "settle")])
def test_a_heard_word_is_not_another_cue_word_by_its_sound_alone(said, cue):
    """walk60 4: spoken "instant payouts" matched the cue "incident" (metaphone INSTNT for both) and quoted the opening
    sentence for "...what it prevented (revenue loss, incidents)"; the two words share the sound key, not the letters."""
    kp = KeyPoint(id="k", label="l", cues=(cue,), min_cues=1)
    index = TokenIndex(tokenize_text(f"we were adding {said} payouts to sellers"), AnalysisSettings(), heard=True)
    assert not match_key_point(kp, index).hit


@pytest.mark.parametrize("said, cue", [("mentoring", "monitoring"), ("tokens", "tokenize"), ("pulling", "pooling")])
def test_a_heard_sound_alike_close_in_letters_still_matches(said, cue):
    kp = KeyPoint(id="k", label="l", cues=(cue,), min_cues=1)
    index = TokenIndex(tokenize_text(f"we talked about {said} for a while"), AnalysisSettings(), heard=True)
    assert match_key_point(kp, index).hit
