"""The hotwords a bank gives the transcriber (Bank.terms): walkthrough 13 heard "chargebacks", a word of the key
point, as "charge of backs"."""

from __future__ import annotations

from dataclasses import replace

from tests.conftest import BANKS
from voiceprep.core.banks import load_bank
from voiceprep.core.banks.model import Bank
from voiceprep.core.banks.terms import cue_terms, distinctive_words, term_family
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
    assert "chargebacks" in bank.terms(settings=EVERY) and "idempotency key" in terms
    assert terms[:len(bank.vocabulary)] == list(bank.vocabulary)
    asked = bank.terms(flow)
    assert asked[:len(bank.vocabulary)] == list(bank.vocabulary)
    assert asked[len(bank.vocabulary):len(bank.vocabulary) + 2] == ["refunds", "chargebacks"], asked
    assert len(asked) == 24 and len({t.casefold() for t in asked}) == 24                # each once, capped
    assert not {"settlement", "authorization", "capture", "payment"} & {t.casefold() for t in bank.terms(settings=EVERY)}


def test_a_questions_own_vocabulary_is_hinted_first_and_for_that_question_only():
    """hints50 (walk64 5, stop 58): "ring buffer", "single writer", "sequencer" in the Airwallex bank's vocabulary went
    to every question's decode and changed how a recorded why-airwallex answer was heard; on the Disruptor question's
    own `vocabulary` they lead that question's hints and reach no other question's, nor the bank-wide list."""
    airwallex = load_bank(BANKS / "airwallex.toml")
    hardest = airwallex.prompt("hardest-problem")
    assert hardest.vocabulary == ("ring buffer", "single writer", "sequencer")
    assert airwallex.terms(hardest)[:3] == ["ring buffer", "single writer", "sequencer"]
    mechanics = {"ring buffer", "single writer"}
    assert not mechanics & set(airwallex.terms(settings=EVERY))
    for prompt in airwallex.all_prompts():
        if prompt is not hardest:
            assert not mechanics & set(airwallex.terms(prompt, EVERY)), prompt.id
    # ahead of the bank's whole vocabulary, however long (the decoder keeps the hints that fit its token budget)
    from dataclasses import replace

    crowded = replace(airwallex, vocabulary=tuple(f"Name{i}" for i in range(40)))
    assert crowded.terms(hardest)[:5] == ["ring buffer", "single writer", "sequencer", "Airwallex", "Name0"]


def test_one_form_of_a_word_is_a_term_the_one_written_first():
    """Session 18: near-duplicates spent the hotword budget twice on one word: the payments bank's "idempotency key"
    and "idempotency keys", "retried" and "retries"; the Airwallex bank's "API" and "APIs", "low-latency" and "low
    latency", "HoYoverse" and "Hoyo verse", "Canadian dollars" and "Canadian dollar"."""
    payments = load_bank(PAYMENTS)
    kafka = payments.terms(payments.prompt("kafka-payments"))
    assert "idempotency key" in kafka and "idempotency keys" not in kafka, kafka
    assert "retried" in kafka and "retries" not in kafka, kafka
    services = payments.terms(payments.prompt("python-services"))
    assert "retries" in services and "retried" not in services, services      # that question writes "retries" first
    airwallex = load_bank(BANKS / "airwallex.toml")
    products = airwallex.terms(airwallex.prompt("product-range"))
    assert {"API", "low-latency", "HoYoverse"} <= set(products), products
    assert not {"APIs", "low latency", "Hoyo verse"} & set(products), products
    why = airwallex.terms(airwallex.prompt("why-airwallex"))
    assert "Canadian dollars" in why and "Canadian dollar" not in why, why
    affirm = load_bank(BANKS / "affirm-backend-platform.toml")
    pipeline = affirm.terms(affirm.prompt("pipeline-next"))
    assert "idempotent" in pipeline and "idempotency" not in pipeline, pipeline
    apis = affirm.terms(affirm.prompt("developer-apis"))
    assert "SDK" in apis and "SDKs" not in apis, apis
    assert len(kafka) == len(products) == len(pipeline) == 24          # the room left goes to other distinct terms


def test_a_cues_other_spelling_in_the_vocabulary_reaches_the_transcriber_as_its_first():
    """Walk24: the bank editor put a cue's other spelling ("Hoyo verse", a way HoYoverse may be heard) in the bank's
    vocabulary, which goes first to the transcriber; only the spelling the candidate writes is a term."""
    from voiceprep.core.banks.load import parse_bank

    text = (BANKS / "airwallex.toml").read_text(encoding="utf-8")
    start = text.index("vocabulary = [")
    bank = parse_bank(text[:start] + 'vocabulary = ["Hoyo verse", "Mihoyo", "Airwallex"]\n'
                      + text[text.index("]", start) + 2:], "airwallex")
    assert "Hoyo verse" in bank.vocabulary
    terms = bank.terms(settings=EVERY)
    assert terms[:3] == ["Airwallex", "HoYoverse", "Mihoyo"], terms      # another name is kept as written
    assert "Hoyo verse" not in terms


def test_distinct_terms_that_look_alike_are_all_kept():
    payments = load_bank(PAYMENTS)
    terms = payments.terms(payments.prompt("payments-domain"), EVERY)
    assert {"PCI", "PCI DSS", "3-D Secure", "3DS", "three D secure", "EXPLAIN", "EXPLAIN ANALYZE", "outbox",
            "transactional outbox", "backoff", "exponential backoff", "idempotency", "idempotency key"} <= set(terms)
    airwallex = load_bank(BANKS / "airwallex.toml")
    terms = airwallex.terms(settings=EVERY)
    assert {"SMBs", "SMEs", "Genshin", "Genshin Impact", "LMAX", "LMAX Disruptor", "BRL", "Brazilian real"} \
        <= set(terms), terms
    affirm = load_bank(BANKS / "affirm-backend-platform.toml")
    terms = affirm.terms(settings=EVERY)
    assert {"API", "single API", "one API", "API keys", "SLO", "SLA", "RPS", "QPS", "SDK"} <= set(terms), terms


def test_forms_of_one_term_and_terms_that_differ():
    for a, b in (("chargeback", "chargebacks"), ("API", "APIs"), ("SDK", "SDKs"), ("low-latency", "low latency"),
                 ("lock-free", "lockfree"), ("reconcile", "reconciled"), ("idempotency keys", "Idempotency key")):
        assert term_family(a) == term_family(b), (a, b)
    for a, b in (("SMBs", "SMEs"), ("3DS", "3-D Secure"), ("EXPLAIN", "EXPLAIN ANALYZE"), ("Async", "asyncio"),
                 ("API", "API keys"), ("SLO", "SLA")):
        assert term_family(a) != term_family(b), (a, b)


def test_the_hotword_limits_are_settings():
    """How many terms and how long a key point's word must be are transcription settings, as they were (24, 5)."""
    assert (TranscriptionSettings().bank_terms, TranscriptionSettings().bank_term_min_letters) == (24, 5)
    bank = load_bank(PAYMENTS)
    assert len(bank.terms(settings=TranscriptionSettings(bank_terms=10))) == 10
    flow = bank.prompt("payments-domain")
    assert "refunds" in bank.terms(flow)                                          # 7 letters
    assert "refunds" not in bank.terms(flow, TranscriptionSettings(bank_term_min_letters=8))


def test_without_key_point_terms_the_hints_are_the_company_and_the_vocabulary_only():
    """`key_point_terms = false` leaves out every key point's words (hints48's "names" set): what is left is the
    bank's company and its vocabulary, in their order, after the question's own vocabulary (hints50)."""
    bank = load_bank(PAYMENTS)
    flow = bank.prompt("payments-domain")
    names = TranscriptionSettings(key_point_terms=False)
    assert "refunds" in bank.terms(flow) and "refunds" not in bank.terms(flow, names)
    assert bank.terms(flow, names) == bank.terms(settings=names) == [*([bank.job.company] if bank.job.company else []),
                                                                     *bank.vocabulary]
    airwallex = load_bank(BANKS / "airwallex.toml")
    assert airwallex.terms(airwallex.prompt("hardest-problem"), names) == ["ring buffer", "single writer", "sequencer",
                                                                           *airwallex.vocabulary]


def test_a_questions_own_terms_left_out_by_the_cap_are_named():
    """read49a 8, read48c 6: a long vocabulary fills the hint list before a question's own terms, silently.
    `terms_left_out` names them (the bank editor shows them as a tip); none is left out in the bundled banks."""
    airwallex = load_bank(BANKS / "airwallex.toml")
    hardest = airwallex.prompt("hardest-problem")
    for bank in (airwallex, load_bank(PAYMENTS), load_bank(BANKS / "affirm-backend-platform.toml")):
        assert not any(bank.terms_left_out(p) for p in bank.all_prompts()), bank.job.id
    crowded = replace(airwallex, vocabulary=tuple(f"Name{i}" for i in range(40)))
    left = crowded.terms_left_out(hardest)
    assert left and "ring buffer" not in left                   # its own vocabulary still leads
    own = set(crowded.terms(hardest, EVERY))
    assert set(left) <= own and not set(left) & set(crowded.terms(hardest))
    assert crowded.terms_left_out(hardest, TranscriptionSettings(bank_terms=1000)) == []


def six_times(bank: Bank) -> Bank:
    """The bank with its rounds six times over, ids made unique (airwallex: 24 questions, 138 key points)."""
    return replace(bank, rounds=tuple(
        replace(r, id=f"{r.id}{i}", prompts=tuple(replace(p, id=f"{p.id}{i}") for p in r.prompts))
        for i in range(6) for r in bank.rounds))


def test_a_words_plainness_and_family_are_worked_out_once():
    """read51b 2: the bank editor's crowded-terms tip runs `terms_left_out` for every question at each change, on the
    GUI thread, and `terms` works out every key point's terms for each question: uncached, 24 questions (138 key
    points) took 2.4 s a change. Each word's plainness and each term's family are worked out once."""
    from voiceprep.core.banks.terms import is_plain

    airwallex = load_bank(BANKS / "airwallex.toml")
    big = six_times(airwallex)
    [big.terms_left_out(p) for p in big.all_prompts()]            # every word seen once
    before_plain, before_family = is_plain.cache_info().misses, term_family.cache_info().misses
    assert [big.terms_left_out(p) for p in big.all_prompts()] == [airwallex.terms_left_out(p)
                                                                  for _ in range(6) for p in airwallex.all_prompts()]
    assert (is_plain.cache_info().misses, term_family.cache_info().misses) == (before_plain, before_family)


def test_each_key_points_terms_are_worked_out_once_per_bank(monkeypatch):
    """mend60 1 (read51b 2, session 51's read-back): `terms` worked out every key point's terms for each question, and
    the crowded-terms tip asks it for every question at each change: quadratic in key points. `terms` and
    `terms_left_out` now share `point_terms`, worked out once per bank (and per label and cues) and kept."""
    import voiceprep.core.banks.model as model

    labels: list[str] = []
    real = model.distinctive_words
    monkeypatch.setattr(model, "distinctive_words", lambda label, letters: labels.append(label) or real(label, letters))
    airwallex = load_bank(BANKS / "airwallex.toml")
    big = six_times(airwallex)
    left = [big.terms_left_out(p, EVERY) for p in big.all_prompts()]
    points = [kp for p in airwallex.all_prompts() for kp in p.key_points]
    assert sorted(labels) == sorted({kp.label for kp in points}), len(labels)          # 23 labels, each once
    assert all(big.point_terms(kp) == (*real(kp.label), *cue_terms(kp.cues)) for kp in points)
    assert left == [airwallex.terms_left_out(p, EVERY) for _ in range(6) for p in airwallex.all_prompts()]
    assert big.terms(big.all_prompts()[5]) == airwallex.terms(airwallex.all_prompts()[1])
