"""The answer's sentences embedded while the candidate speaks, so that after Stop the judge runs the model only on
what is new (issue 11: the wait from Stop to the feedback; perf45).

The live transcriber hands over its words after every pass (`LiveTranscriber(on_words=...)`): the committed ones and
the pass's tentative ones. A worker thread of its own, at the lowest CPU priority, works out the texts the judge will
embed for those words (`answer_texts`: the answer's units and read-on pairs, read as the judge reads them) and gives
the ones not yet cached to the embedder, a few at a time, newest words first taken. The judge after Stop is the
ordinary one: it finds those vectors in the embedder's cache (`Embedder._cache`, by text), and its decisions cannot
change, since a vector is the same computed in any batch (bench/analysis_speed.py --spoken checks the analysis).

`stop()` before judging (nothing more is started; it does not wait for a batch in flight), `discard()` when the
attempt is dropped: it also forgets the vectors it computed, so a discarded answer leaves nothing of its words in the
process.

A typed answer (speed47) is pre-embedded the same way as it is typed: `TypedPreEmbedder.offer_text` takes the Type
answer editor's whole text at every change (from the GUI thread: it only stores it), and its worker embeds the texts
the judge will embed for that text read as typed (`Transcript.from_text`, as `PracticeSession.save_typed` judges it),
at each sentence added at the end and once the text has rested a moment (`TYPED_PRE_EMBED_PAUSE_S`).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Sequence

from voiceprep.app import threads
from voiceprep.core.analysis import embedder as model
from voiceprep.core.analysis.analyze import words_read
from voiceprep.core.analysis.judge import embedded_texts
from voiceprep.core.analysis.segments import SENTENCE_END, units
from voiceprep.core.transcript import Transcript, Word
from voiceprep.settings import EMBED_BATCH, TYPED_PRE_EMBED_PAUSE_S, AnalysisSettings

log = logging.getLogger(__name__)
BATCH = EMBED_BATCH        # texts per embed call, so a stop waits for one batch only (settings.EMBED_BATCH)
_ENDS = (".", "?", "!")


def answer_texts(words: Sequence[Word], settings: AnalysisSettings, settled: bool = True, spoken: bool = True
                 ) -> list[str]:
    """The texts `judge.AnswerJudge` embeds for an answer of `words`: its units (sentences, windows, clauses) and the
    read-on texts of its sentence pairs, from the words as the judge reads them (`analyze_answer`: spoken,
    `unheard_denials`; `spoken=False`: a typed answer's, as written). `settled=False`: words still being said, read
    up to the last word that ends a sentence (the sentence after it goes on)."""
    if not settled:                     # up to the last word that ends a sentence
        words = words[:max((i + 1 for i, w in enumerate(words) if w.word.rstrip().endswith(_ENDS)), default=0)]
    if not words:
        return []
    read = words_read(words, settings, spoken)
    return list(dict.fromkeys(embedded_texts(read, units(read))[1]))


def typed_words(text: str) -> list[Word]:
    """A typed answer's words as the judge gets them (`Transcript.from_text`, as `PracticeSession.save_typed`)."""
    return Transcript.from_text(text).words()


def complete_sentences(text: str) -> tuple[str, ...]:
    """The typed text's words (`str.split`) up to the last one that ends a sentence as the judge splits them
    (`segments.SENTENCE_END`) and that is followed by a space or a new line: a word still being typed ("3." of
    "3.5") ends nothing yet."""
    tokens = text.split()
    typed = len(tokens) if text[-1:].isspace() else len(tokens) - 1
    return tuple(tokens[:max((i + 1 for i in range(typed) if SENTENCE_END.search(tokens[i])), default=0)])


def _lowest_priority() -> None:
    """This thread only, at the lowest CPU priority (Linux: a thread is a task of its own), so the live captions and
    the recorder come first on a busy machine. Elsewhere it runs as is."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
    except (AttributeError, OSError):
        pass


class PreEmbedder:
    """One spoken answer's pre-embedding: `offer` from the live transcriber's thread, `stop` before judging, `settle`
    after it (the unused vectors forgotten), `discard` when the attempt is dropped."""

    _failed = "embedding the answer while it was spoken failed"     # the worker's log line when it fails

    def __init__(self, settings: AnalysisSettings | None = None, tentative: bool = True):
        self.settings = settings or AnalysisSettings()
        self.tentative = tentative          # the pass's tentative words too (measured: bench/analysis_speed.py)
        self._latest: list[Word] | None = None
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None
        self.computed: list[str] = []       # texts this answer gave the model (its vectors were not cached)
        self.cpu_s = 0.0                    # the worker's CPU seconds (its thread's, model threads not counted)
        self.offers = 0
        self.unused: int | None = None      # texts computed that the judged answer did not need, once `settle`d
        self._discarded = False
        self.spoken = True                  # its words are read as the judge reads a recording's (`words_read`)

    @property
    def enabled(self) -> bool:
        return self.settings.semantic_judge and self.settings.pre_embed

    def offer(self, committed: Sequence[Word], tentative: Sequence[Word] = ()) -> None:
        """The newest words of the answer (any thread; returns at once): only the newest offer is ever worked on."""
        if not self.enabled or self._stopped.is_set():
            return
        with self._lock:
            self._latest = [*committed, *(tentative if self.tentative else ())]
            self.offers += 1
            self._start()
        self._wake.set()

    def _start(self) -> None:
        """The worker, on the first offer (under the lock)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="pre-embed", daemon=True)
            self._thread.start()

    def _loop(self) -> None:
        """The worker (spoken and typed alike): `_step` until stopped, waiting between steps for as long as it says
        (0: look again at once; None: until the next offer); at the lowest priority, its CPU time counted (`cpu_s`),
        and what a discarded answer computed forgotten as it ends."""
        _lowest_priority()
        began = time.thread_time()
        try:
            while not self._stopped.is_set():
                wait = self._step()
                if wait == 0.0:
                    continue
                if self._stopped.is_set():
                    break
                self._wake.wait(wait)
                self._wake.clear()
        except Exception:   # the judge after Stop/Submit embeds whatever is missing: never worth failing the answer for
            log.exception(self._failed)
        finally:
            self.cpu_s = time.thread_time() - began
            with self._lock:
                if self._discarded:
                    self._forget()

    def _step(self) -> float | None:
        """Embed the newest words offered, if any; then wait for the next offer (None)."""
        with self._lock:
            words, self._latest = self._latest, None
        if words and not self._stopped.is_set():
            self._embed(words)
        return None

    def _embed(self, words: list[Word], settled: bool = False, newer: Callable[[], bool] | None = None) -> bool:
        """Embed the texts of `words` not cached yet, a batch at a time; whether all were (not when stopped, or when
        newer words came: `newer`, by default any new offer)."""
        threads.check("embedding the answer while it is given")
        if not model.settled():             # the model is still loading at start: not this thread's job
            return False
        e = model.get_embedder()
        if e is None:
            return False
        texts = answer_texts(words, self.settings, settled=settled, spoken=self.spoken)
        have = set(e.cached(texts))         # once: the comprehension asked the cache again for every text
        todo = [t for t in texts if t not in have]
        newer = newer or (lambda: self._latest is not None)     # an offer since these words were taken
        for i in range(0, len(todo), BATCH):
            if self._stopped.is_set() or newer():       # stopped, or newer words came: start from those
                return False
            chunk = [t for t in todo[i:i + BATCH] if not e.cached([t])]
            if chunk:
                e.embed(chunk)
                with self._lock:
                    self.computed += chunk
        return not self._stopped.is_set()

    def stop(self) -> None:
        """No more embedding (the answer has stopped and is about to be judged). Returns at once: a batch still in
        the model ends on its own (at the lowest priority on a busy machine it could take long: waiting for it held
        the judge up by 340 ms at load 24; the judge embeds what is still missing itself)."""
        self._stopped.set()
        self._wake.set()

    def discard(self) -> None:
        """The attempt is dropped: stop, and forget the vectors this answer computed (a batch still in the model
        is forgotten by the worker as it ends)."""
        with self._lock:
            self._discarded = True
            self.stop()
            self._forget()

    def settle(self, words: Sequence[Word]) -> None:
        """The answer is judged (`words`: its final transcript's): forget the vectors computed for texts the judge did
        not need (tentative sentences a later pass changed), so that they do not fill the model's cache. Returns at
        once: the work (a `units` pass, ~5 ms) is done on a thread of its own at the lowest priority, after the
        worker's last batch."""
        if not self.enabled or self._discarded:
            return
        threading.Thread(target=self._settle, args=(list(words),), name="pre-embed-settle", daemon=True).start()

    def _settle(self, words: list[Word]) -> None:
        _lowest_priority()
        try:
            keep = set(answer_texts(words, self.settings, spoken=self.spoken))
            self.join()                         # the worker's last batch, still in the model at the Stop
            with self._lock:
                unused = [t for t in self.computed if t not in keep]
                self.computed = [t for t in self.computed if t in keep]
            e = model.get_embedder() if model.settled() else None
            if e is not None and unused:
                e.drop(unused)
            self.unused = len(unused)
        except Exception:   # only the cache's tidiness is at stake
            log.exception("forgetting the answer's unused pre-embedded texts failed")

    def _forget(self) -> None:
        e = model.get_embedder() if model.settled() else None
        if e is not None and self.computed:
            e.drop(self.computed)
        self.computed = []

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the worker to end (benchmarks and tests); whether it has."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return thread is None or not thread.is_alive()


class TypedPreEmbedder(PreEmbedder):
    """A typed answer's pre-embedding (speed47): the Type answer editor offers its whole text at every change
    (`offer_text`, from the GUI thread: it stores the text and returns). The worker, at the lowest priority, embeds
    the texts the judge will embed for it, read as typed: its complete sentences (`complete_sentences`) as soon as a
    sentence is added at the end, and the whole text, its last sentence too, once it has not changed for `pause`
    seconds (an edit inside it waits for that too). A text edited is another text: its old vector is never looked up
    for it. `stop` before judging, `settle` after, `discard` when the answer is closed unsent, as for a spoken one."""

    _failed = "embedding the answer while it was typed failed"

    def __init__(self, settings: AnalysisSettings | None = None, pause: float = TYPED_PRE_EMBED_PAUSE_S):
        super().__init__(settings, tentative=False)
        self.spoken = False                 # read as written, as `analyze_answer` reads a typed answer
        self.pause = pause
        self._text: str | None = None
        self._changed = 0.0                 # when the text last changed (time.monotonic)
        self._done: tuple[str, ...] = ()    # the complete sentences last embedded whole
        self._whole: str | None = None      # the whole text last embedded whole

    def offer_text(self, text: str) -> None:
        """The editor's text now (any thread; returns at once)."""
        if not self.enabled or self._stopped.is_set():
            return
        with self._lock:
            if text == self._text:
                return
            self._text, self._changed = text, time.monotonic()
            self.offers += 1
            self._start()
        self._wake.set()

    def offer(self, committed: Sequence[Word], tentative: Sequence[Word] = ()) -> None:
        """Words as a transcript's (tests): their text."""
        self.offer_text("".join(w.word for w in [*committed, *tentative]))

    def _step(self) -> float | None:
        """Embed what the newest text calls for, if anything: 0 when done (look again at once), else how long to wait
        for the next change (None: until there is one)."""
        with self._lock:
            text, changed = self._text, self._changed
        if text is None or text == self._whole:
            return None
        done = complete_sentences(text)
        rested = time.monotonic() - changed
        if len(done) > len(self._done) and done[:len(self._done)] == self._done:     # a sentence added at the end
            if self._embed(typed_words(" ".join(done)), True, lambda: complete_sentences(self._text or "") != done):
                self._done = done
                return 0.0
            return self._retry()        # stopped, the model not there yet, or newer words (the wait ends at once)
        if rested < self.pause:         # an edit inside the text, or the last sentence still typed: once it rests
            return self.pause - rested
        if self._embed(typed_words(text), True, lambda: self._text != text):     # rested: all of it, as judged now
            self._whole, self._done = text, done
            return 0.0
        return self._retry()

    def _retry(self) -> float | None:
        """How long to wait after the text's texts could not all be embedded: `pause` (the model still loading), or
        until the next change when its load ended without one (read47a: it woke every `pause` while the dialog
        was open, for nothing)."""
        return None if model.settled() and model.get_embedder() is None else self.pause
