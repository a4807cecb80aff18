"""perf45: the answer's sentences are embedded while it is spoken (`app.preembed`), so that after Stop the judge runs
the model only on what is new. The analysis is the cold one's; the work is off the GUI thread; a discarded attempt
stops it and leaves none of its vectors behind."""

from __future__ import annotations

import json
import time

import numpy as np
import pytest
import soundfile as sf

from voiceprep.app import session as session_module
from voiceprep.app import threads
from voiceprep.app.judging import prepare_judge
from voiceprep.app.preembed import BATCH, PreEmbedder, TypedPreEmbedder, answer_texts
from voiceprep.core.analysis import embedder
from voiceprep.core.analysis.analyze import analyze_answer, words_read
from voiceprep.core.analysis.cue_clauses import clause_texts
from voiceprep.core.analysis.judge import unit_texts
from voiceprep.core.analysis.segments import clean, units
from voiceprep.core.transcript import Segment, Transcript, Word
from voiceprep.settings import AnalysisSettings

SAID = ("At my previous company our matching engine suffered from heavy lock contention. Latency spiked whenever "
        "volume grew, and customers noticed. I studied the problem and proposed the LMAX Disruptor, a ring buffer "
        "with a single writer. We didn't use locks on the hot path, and we would have batched more if we could. "
        "As a result, median latency dropped by forty percent and throughput went up three times. I learned to "
        "measure first.")


def spoken(text: str = SAID, unsure: int | None = None) -> Transcript:
    """A transcript as the live path gives it: timed words with the recogniser's probabilities (`unsure`: the
    index of a word heard at 0.1, read by the judge as not said when it is a denial)."""
    words = [Word(i * 0.4, i * 0.4 + 0.3, (" " if i else "") + w, 0.1 if i == unsure else 0.95)
             for i, w in enumerate(text.split())]
    return Transcript(text, "en", len(words) * 0.4, "base.en", [Segment(0.0, len(words) * 0.4, text, words)])


def as_said(pre: PreEmbedder, words: list[Word], step: int = 7) -> None:
    """Offer the words as the live path does: after each pass, the committed ones and the pass's tentative ones."""
    for end in range(step, len(words) + step, step):
        committed = words[:max(0, end - 2 * step)]
        pre.offer(committed, words[len(committed):min(end, len(words))])
        time.sleep(0.01)


pytestmark = pytest.mark.usefixtures("fresh_judge")       # tests/app/conftest.py


def counting(e, monkeypatch) -> list[str]:
    computed: list[str] = []
    real = e._run
    monkeypatch.setattr(e, "_run", lambda texts, *a, **k: computed.extend(texts) or real(texts, *a, **k))
    return computed


def analysis(bank, prompt, transcript) -> str:
    return json.dumps(analyze_answer(bank, prompt, transcript).to_dict(), sort_keys=True, default=str)


@pytest.mark.parametrize("unsure", [None, 37], ids=["heard-surely", "an-unsure-denial"])
def test_the_pre_embedded_answer_is_judged_as_the_cold_one_and_the_model_runs_on_none_of_its_sentences(
        bank, model, monkeypatch, unsure):
    prompt = bank.prompt("hardest-problem")
    transcript = spoken(unsure=unsure)
    assert unsure is None or transcript.words()[unsure].word == " didn't"
    model.forget()
    prepare_judge(prompt, None, bank)
    cold = analysis(bank, prompt, transcript)
    model.forget()
    prepare_judge(prompt, None, bank)
    pre = PreEmbedder()
    as_said(pre, transcript.words())
    deadline = time.time() + 60
    while not set(answer_texts(transcript.words(), AnalysisSettings())) <= set(model._cache) and time.time() < deadline:
        time.sleep(0.05)
    pre.stop()
    assert pre.join(30) and pre.computed
    computed = counting(model, monkeypatch)
    assert analysis(bank, prompt, transcript) == cold
    answer = {clean(w) for w in SAID.split()}
    # what the model still runs on after Stop are texts of the question's points (their claims, facets), never the
    # answer's: a text made of the answer's words alone would be a unit the pre-embedding missed
    assert not [t for t in computed if {clean(w) for w in t.split()} <= answer]


def test_the_texts_are_the_ones_the_judge_embeds(bank, model, monkeypatch):
    """`answer_texts` follows `AnswerJudge`: the texts it gives the model for every answer (its units and read-on
    pairs, at once), then the clauses a lone cue may be read in (`cue_clauses.clause_texts`, embedded when one is:
    clause109), no more."""
    prompt = bank.prompt("hardest-problem")
    transcript = spoken(unsure=37)
    model.forget()
    prepare_judge(prompt, None, bank)
    analyze_answer(bank, prompt, spoken("We used a ring buffer. Latency dropped by forty percent."))  # points' texts
    model.drop(answer_texts(spoken("We used a ring buffer. Latency dropped by forty percent.").words(),
                            AnalysisSettings()))
    calls: list[list[str]] = []
    real = model.embed
    monkeypatch.setattr(model, "embed", lambda texts: calls.append(list(texts)) or real(texts))
    analyze_answer(bank, prompt, transcript)
    texts = answer_texts(transcript.words(), AnalysisSettings())
    read = words_read(transcript.words(), AnalysisSettings(), True)
    eager = list(dict.fromkeys(unit_texts(read, units(read))[1]))
    assert calls[0][:len(eager)] == eager or set(calls[0]) == set(eager)
    assert texts == list(dict.fromkeys(eager + clause_texts(read)))
    # words still being said: up to the last sentence's end only
    words = transcript.words()
    cut = next(i for i, w in enumerate(words) if w.word.endswith("contention."))
    assert answer_texts(words[:cut + 4], AnalysisSettings(), settled=False) == answer_texts(words[:cut + 1],
                                                                                             AnalysisSettings())


def test_offering_returns_at_once_and_the_model_runs_on_its_own_low_priority_thread(held, monkeypatch):
    monkeypatch.setenv("VOICEPREP_STRICT", "1")
    threads.mark_ui_thread()             # offered from the "GUI" thread: the work still happens on its own thread
    ran, release = held
    pre = PreEmbedder()
    words = spoken().words()
    pre.offer(words[:40], words[40:60])
    deadline = time.time() + 30
    while not ran and time.time() < deadline:
        time.sleep(0.01)
    for end in range(41, 61):            # the model is busy: newer words are taken and the offer returns
        pre.offer(words[:end], [])
    assert not release.is_set()
    pre.stop()                           # returns with the batch still in the model
    assert not release.is_set()
    release.set()
    assert pre.join(30)
    assert ran and set(ran) == {"pre-embed"}
    assert not threads.violations


def test_a_discarded_attempt_stops_the_work_and_forgets_its_vectors(bank, session, model, held):
    """Cancelled (or nothing heard): `PracticeSession.abandon` discards it without waiting for the batch in the
    model; nothing more is embedded, and once that batch ends the answer's vectors are gone from the model's cache."""
    _, release = held
    pending = session.begin(bank, bank.prompt("hardest-problem"))
    pending.pre = PreEmbedder()
    words = spoken().words()
    pending.pre.offer(words, [])
    time.sleep(0.1)                                  # the first batch is in the model
    began = time.perf_counter()
    session.abandon(pending)
    assert time.perf_counter() - began < 5            # not held by the batch in the model
    assert pending.pre._thread is not None and pending.pre._thread.is_alive()
    release.set()
    assert pending.pre.join(30)                       # the batch ended, nothing after it
    assert pending.pre.computed == []
    assert not set(answer_texts(words, AnalysisSettings())) & set(model._cache)
    pending.pre.offer(words, [])                     # the live path's last pass, after the discard: ignored
    time.sleep(0.1)
    assert not set(answer_texts(words, AnalysisSettings())) & set(model._cache)


def test_a_failed_transcription_still_stops_the_work(bank, session):
    """read45a 7: transcribing the answer fails (not Cancelled, not "nothing heard"): the pre-embedder is stopped all
    the same, so its thread ends instead of waiting for words forever."""
    pending = session.begin(bank, bank.prompt("hardest-problem"))
    pending.pre = PreEmbedder()
    pending.pre.offer(spoken().words()[:20], [])

    def broken():
        raise RuntimeError("the decoder failed")
    with pytest.raises(RuntimeError):
        session.finish(pending, broken)
    assert pending.pre._stopped.is_set()
    assert pending.pre.join(30)


def test_nothing_is_embedded_when_the_meaning_based_judge_is_off(monkeypatch):
    monkeypatch.setattr(embedder, "get_embedder", lambda: pytest.fail("the model was asked for"))
    for settings in (AnalysisSettings(semantic_judge=False), AnalysisSettings(pre_embed=False)):
        pre = PreEmbedder(settings)
        pre.offer(spoken().words(), [])
        pre.stop()
        assert pre._thread is None


def test_once_judged_the_vectors_of_words_a_later_pass_changed_are_forgotten_and_the_answers_kept(bank, session, model,
                                                                                                 monkeypatch):
    """perf46 (perf45's leftover): a tentative sentence the next pass heard otherwise was embedded while it was said;
    after the judge it is dropped from the model's cache (it would only fill it), and the answer's own vectors stay
    (judging it again finds them). The work is on a thread of its own: `finish` does not wait for it."""
    model.forget()
    pending = session.begin(bank, bank.prompt("hardest-problem"))
    pending.pre = pre = PreEmbedder()
    misheard = spoken("We also rewrote the building service in rust.").words()
    transcript = spoken()
    pre.offer(transcript.words()[:30], misheard)         # a pass's tentative words, heard otherwise later
    deadline = time.time() + 60
    while not any("rust" in t for t in pre.computed) and time.time() < deadline:
        time.sleep(0.05)
    pre.offer(transcript.words(), [])
    wanted = set(answer_texts(transcript.words(), AnalysisSettings()))
    while not wanted <= set(model._cache) and time.time() < deadline:
        time.sleep(0.05)
    tentative = [t for t in pre.computed if "rust" in t]
    assert tentative and wanted <= set(model._cache)
    monkeypatch.setattr(session_module, "require_answer", lambda *a, **k: None)   # no speech recorded: taken as heard
    sf.write(str(pending.audio_path), np.zeros(16000, np.float32), 16000, subtype="PCM_16")
    session.finish(pending, lambda: transcript)
    deadline = time.time() + 60
    while pre.unused is None and time.time() < deadline:
        time.sleep(0.05)
    assert pre.unused is not None and pre.unused >= len(tentative)
    assert not set(tentative) & set(model._cache)
    assert wanted <= set(model._cache) and set(pre.computed) <= wanted


@pytest.mark.parametrize("kind, said", [(PreEmbedder, "spoken"), (TypedPreEmbedder, "typed")])
@pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning")    # the failure stays in the worker
def test_a_failing_worker_says_which_and_ends_without_failing_the_answer(kind, said, monkeypatch, caplog):
    """dedup48: both workers run one loop (`PreEmbedder._loop`, each its own `_step`): a failure in it is logged as
    the spoken or the typed answer's, the thread ends with its CPU time counted, and nothing reaches the caller (the
    judge after Stop or Submit embeds whatever is missing)."""
    def broken(self, *a, **k):
        raise RuntimeError("the model broke")
    monkeypatch.setattr(kind, "_embed", broken)
    pre = kind()
    pre.offer(spoken("We used a ring buffer. Latency dropped by forty percent. And").words(), [])
    assert pre.join(30)
    assert f"embedding the answer while it was {said} failed" in caplog.text and "the model broke" in caplog.text
    assert pre.cpu_s > 0
    pre.stop()


def test_the_first_offer_is_worked_on_at_once_and_newer_words_offered_mid_batch_before_the_rest_of_it(model, held):
    """read48a: the spoken worker's "newer words came" is a new offer waiting (`_latest`), not the wake event (the
    shared loop's first step runs with the first offer's wake still set): the first offer's first batch goes to the
    model, and words offered while it is there are worked on next, the older offer's other batches left."""
    ran, release = held
    settings = AnalysisSettings()
    pre = PreEmbedder(settings)
    older = spoken().words()
    newer = spoken("Our billing exports timed out every night. I split the job into small shards and queued them. "
                   "The export finished in ten minutes instead of three hours.").words()
    wanted = answer_texts(newer, settings, settled=False)
    pre.offer(older, [])
    deadline = time.time() + 30
    while not ran and time.time() < deadline:
        time.sleep(0.01)
    assert ran, "the first offer's words never reached the model"
    pre.offer(newer, [])
    release.set()
    deadline = time.time() + 30
    while len(model.cached(wanted)) < len(wanted) and time.time() < deadline:
        time.sleep(0.01)
    pre.stop()
    assert pre.join(30)
    old = set(answer_texts(older, settings, settled=False))
    assert len(old) > BATCH and set(model.cached(wanted)) == set(wanted)
    assert len([t for t in pre.computed if t in old]) <= BATCH      # its first batch only
