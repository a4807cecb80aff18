"""speed47: a typed answer's sentences are embedded as they are typed (`app.preembed.TypedPreEmbedder`), so that after
Submit the judge runs the model only on what is new. The analysis is the cold one's; offering the editor's text
returns at once and the model runs on the worker only; an edited sentence is embedded again as edited, and its old
vector is forgotten once the answer is judged."""

from __future__ import annotations

import json
import time

import numpy as np
import pytest

from tests.app.test_preembed import SAID, counting
from voiceprep.app import threads
from voiceprep.app.judging import prepare_judge
from voiceprep.app.preembed import TypedPreEmbedder, answer_texts, complete_sentences, typed_words
from voiceprep.core.analysis import embedder
from voiceprep.core.analysis.analyze import words_read
from voiceprep.core.analysis.judge import unit_texts
from voiceprep.core.analysis.segments import clean, units
from voiceprep.settings import AnalysisSettings

pytestmark = pytest.mark.usefixtures("fresh_judge")       # tests/app/conftest.py


def typed(pre: TypedPreEmbedder, text: str, chunk: int = 6, pause: float = 0.004) -> None:
    """Type `text` into the editor a few characters at a time, as the dialog offers it: its whole text each time."""
    for end in range(chunk, len(text) + chunk, chunk):
        pre.offer_text(text[:end])
        time.sleep(pause)


def texts_of(text: str) -> list[str]:
    return answer_texts(typed_words(text), AnalysisSettings(), spoken=False)


def wait_cached(model, texts, seconds: float = 60) -> bool:
    deadline = time.time() + seconds
    while not set(texts) <= set(model._cache) and time.time() < deadline:
        time.sleep(0.02)
    return set(texts) <= set(model._cache)


def answer_only(computed: list[str], text: str) -> list[str]:
    """The texts of `computed` made of the answer's words alone: a unit the pre-embedding missed (the model still
    runs on the question's points' texts, their claims and facets, which are never the answer's)."""
    words = {clean(w) for w in text.split()}
    return [t for t in computed if {clean(w) for w in t.split()} <= words]


def document(saved) -> str:
    return json.dumps(saved.analysis.to_dict(), sort_keys=True, default=str)


def test_the_typed_texts_are_the_ones_the_judge_embeds_and_the_complete_sentences_end_with_a_space():
    assert complete_sentences("We used locks. Latency was") == ("We", "used", "locks.")
    assert complete_sentences("We used locks. Latency was 3.") == ("We", "used", "locks.")   # "3." of "3.5"
    assert complete_sentences("We used locks. Latency was 3. ") == (
        "We", "used", "locks.", "Latency", "was", "3.")
    assert complete_sentences('He said "no." Then') == ("He", "said", '"no."')
    assert complete_sentences("") == () and complete_sentences("no end yet ") == ()
    # read as typed: a typed "didn't" is read whatever its (typed) probability
    assert texts_of(SAID) == answer_texts(typed_words(SAID), AnalysisSettings())


def test_a_typed_answer_pre_embedded_as_typed_is_judged_as_the_cold_one(bank, session, model, monkeypatch):
    """The same key points, evidence, scores and cards with and without pre-embedding, and after Submit the model
    runs on none of the answer's texts; the vectors found in the cache are bit for bit the cold ones."""
    prompt = bank.prompt("hardest-problem")
    model.forget()
    prepare_judge(prompt, None, bank)
    cold = session.save_typed(bank, prompt, SAID)
    # every text the cold judge embedded (its units and read-on pairs; a cue's clause only when read: clause109)
    cold_vectors = {t: model._cache[t].copy() for t in texts_of(SAID) if t in model._cache}
    read = words_read(typed_words(SAID), AnalysisSettings(), False)
    assert set(unit_texts(read, units(read))[1]) <= set(cold_vectors)
    model.forget()
    prepare_judge(prompt, None, bank)
    session.save_typed(bank, prompt, "We used a ring buffer.")       # the points' texts, cached as in use
    model.drop(texts_of("We used a ring buffer."))
    assert not set(texts_of(SAID)) & set(model._cache)
    pre = TypedPreEmbedder(pause=0.2)
    typed(pre, SAID)
    assert wait_cached(model, texts_of(SAID)), "the typed answer was not embedded while it rested"
    assert {t: np.array_equal(model._cache[t], v) for t, v in cold_vectors.items()} == dict.fromkeys(cold_vectors, True)
    computed = counting(model, monkeypatch)
    warm = session.save_typed(bank, prompt, SAID, pre=pre)
    assert pre._stopped.is_set()
    assert document(warm) == document(cold)
    assert not answer_only(computed, SAID), answer_only(computed, SAID)


def test_each_sentence_is_embedded_as_soon_as_it_is_complete_without_waiting_for_a_pause(model):
    """A sentence typed to its end and a space is embedded without waiting for the pause (a typist who never
    pauses); the sentence still being typed is not."""
    model.forget()
    pre = TypedPreEmbedder(pause=60)                # no pause ever long enough
    first = "At my previous company our matching engine suffered from heavy lock contention. "
    typed(pre, first + "Latency spiked whenever volu")
    try:
        assert wait_cached(model, texts_of(first), 30)
        assert not [t for t in pre.computed if "Latency" in t]
    finally:
        pre.discard()


def test_offering_the_typed_text_returns_at_once_and_the_model_runs_on_its_own_thread(held, monkeypatch):
    """The GUI never blocks while typing: with the model busy, every keystroke's offer returns at once, and the model
    runs only on the "pre-embed" thread (strict GUI-thread mode: no violation)."""
    monkeypatch.setenv("VOICEPREP_STRICT", "1")
    threads.mark_ui_thread()             # offered from the "GUI" thread: the work still happens on its own thread
    ran, release = held
    pre = TypedPreEmbedder(pause=0.05)
    pre.offer_text(SAID[:200])
    deadline = time.time() + 30
    while not ran and time.time() < deadline:
        time.sleep(0.01)
    assert ran, "the model was never asked"
    slowest = 0.0
    for end in range(201, len(SAID) + 1):   # the model is busy: every keystroke's text is taken and the offer returns
        began = time.perf_counter()
        pre.offer_text(SAID[:end])
        slowest = max(slowest, time.perf_counter() - began)
    assert slowest < 1.0 and not release.is_set()      # an offer waiting for the model would wait for `release`
    pre.stop()                           # returns with the batch still in the model
    release.set()
    assert pre.join(30)
    assert set(ran) == {"pre-embed"}
    assert not threads.violations


def test_an_edited_sentence_is_embedded_as_edited_and_its_old_vector_forgotten(bank, session, model, monkeypatch):
    """A sentence typed, embedded, then edited inside the text: the judge reads the edited one (the same analysis as
    the edited text judged cold, none of its texts run after Submit), and the old sentence's vector, never used for
    the new text, is gone from the model's cache once the answer is judged."""
    prompt = bank.prompt("hardest-problem")
    old = SAID.replace("the LMAX Disruptor", "a bigger database")
    assert old != SAID
    model.forget()
    prepare_judge(prompt, None, bank)
    cold = session.save_typed(bank, prompt, SAID)
    model.forget()
    prepare_judge(prompt, None, bank)
    session.save_typed(bank, prompt, "We used a ring buffer.")
    model.drop(texts_of("We used a ring buffer."))
    pre = TypedPreEmbedder(pause=0.2)
    typed(pre, old)
    assert wait_cached(model, texts_of(old))
    stale = [t for t in texts_of(old) if "bigger database" in t]
    assert stale and set(stale) <= set(pre.computed)
    at = old.index("a bigger database")     # the candidate goes back and edits the sentence
    for n in range(len("a bigger database"), -1, -1):
        pre.offer_text(old[:at] + "a bigger database"[:n] + old[at + len("a bigger database"):])
        time.sleep(0.004)
    for n in range(1, len("the LMAX Disruptor") + 1):
        pre.offer_text(old[:at] + "the LMAX Disruptor"[:n] + old[at + len("a bigger database"):])
        time.sleep(0.004)
    assert wait_cached(model, texts_of(SAID))
    computed = counting(model, monkeypatch)
    warm = session.save_typed(bank, prompt, SAID, pre=pre)
    assert document(warm) == document(cold)
    assert not answer_only(computed, SAID)
    deadline = time.time() + 30
    while pre.unused is None and time.time() < deadline:
        time.sleep(0.02)
    assert pre.unused is not None and not set(stale) & set(model._cache)
    assert set(texts_of(SAID)) <= set(model._cache)          # the answer's own stay


def test_a_typed_answer_closed_unsent_forgets_its_vectors(model):
    model.forget()
    pre = TypedPreEmbedder(pause=0.05)
    typed(pre, SAID)
    assert wait_cached(model, texts_of(SAID))
    pre.discard()
    assert pre.join(30)
    assert not set(texts_of(SAID)) & set(model._cache) and pre.computed == []
    pre.offer_text(SAID + " More.")           # after the discard: ignored
    time.sleep(0.1)
    assert not set(texts_of(SAID)) & set(model._cache)


def test_nothing_is_embedded_for_a_typed_answer_when_the_meaning_based_judge_is_off(monkeypatch):
    monkeypatch.setattr(embedder, "get_embedder", lambda: pytest.fail("the model was asked for"))
    for settings in (AnalysisSettings(semantic_judge=False), AnalysisSettings(pre_embed=False)):
        pre = TypedPreEmbedder(settings)
        pre.offer_text(SAID)
        pre.stop()
        assert pre._thread is None


def test_the_worker_waits_for_the_next_change_when_the_model_could_not_load(monkeypatch):
    """read47a: with no model (its load ended without one) the worker woke every `pause` for as long as the dialog was
    open; it now waits for the next change, and tries once more then."""
    monkeypatch.setattr(embedder, "settled", lambda: True)
    monkeypatch.setattr(embedder, "get_embedder", lambda: None)
    steps = []
    real_step = TypedPreEmbedder._step
    monkeypatch.setattr(TypedPreEmbedder, "_step", lambda self: steps.append(time.monotonic()) or real_step(self))
    pre = TypedPreEmbedder(pause=0.02)
    pre.offer_text("We used Kafka. With partitions")
    time.sleep(0.5)                         # 25 pauses: woken ~25 times on main
    woken = len(steps)
    pre.offer_text("We used Kafka. With partitions.")
    time.sleep(0.3)
    again = len(steps) - woken
    pre.stop()
    assert pre.join(10)
    assert 1 <= woken <= 3 and 1 <= again <= 3 and pre.computed == []
