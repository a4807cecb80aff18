"""The hotwords a bank gives the transcriber (Bank.terms): walkthrough 13 heard "chargebacks", a word of the key
point, as "charge of backs"."""

from __future__ import annotations

from tests.conftest import BANKS
from voiceprep.core.banks import load_bank
from voiceprep.core.banks.terms import cue_terms, distinctive_words
from voiceprep.settings import TranscriptionSettings

PAYMENTS = BANKS / "senior-backend-payments.toml"
EVERY = TranscriptionSettings(bank_terms=1000)


def test_a_key_points_own_words_that_are_not_plain_english_are_hotwords():
    assert distinctive_words("The payment flow: authorization, captured, settlement, settled and chargebacks") == \
        ["chargebacks"]
    assert distinctive_words("Idempotency keys stop a lock-free worker from charging twice") == ["Idempotency"]
    assert cue_terms(("idempotency|idempotency keys", "LMAX|ring buffer", "settlement file")) == \
        ["idempotency keys", "LMAX"]


def test_the_questions_own_terms_come_after_the_vocabulary_and_before_the_rest_of_the_bank():
    bank = load_bank(PAYMENTS)
    flow = next(p for p in bank.all_prompts() if any("chargebacks" in k.label for k in p.key_points))
    terms = bank.terms()
    assert "chargebacks" in bank.terms(settings=EVERY) and "idempotency keys" in terms
    assert terms[:len(bank.vocabulary)] == list(bank.vocabulary)
    asked = bank.terms(flow)
    assert asked[:len(bank.vocabulary)] == list(bank.vocabulary)
    assert asked[len(bank.vocabulary):len(bank.vocabulary) + 2] == ["refunds", "chargebacks"], asked
    assert len(asked) == 24 and len({t.casefold() for t in asked}) == 24                # each once, capped
    assert not {"settlement", "authorization", "capture", "payment"} & {t.casefold() for t in bank.terms(settings=EVERY)}


def test_the_hotword_limits_are_settings():
    """How many terms and how long a key point's word must be are transcription settings, as they were (24, 5)."""
    assert (TranscriptionSettings().bank_terms, TranscriptionSettings().bank_term_min_letters) == (24, 5)
    bank = load_bank(PAYMENTS)
    assert len(bank.terms(settings=TranscriptionSettings(bank_terms=10))) == 10
    flow = bank.prompt("payments-domain")
    assert "refunds" in bank.terms(flow)                                          # 7 letters
    assert "refunds" not in bank.terms(flow, TranscriptionSettings(bank_term_min_letters=8))
