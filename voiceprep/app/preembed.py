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
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Sequence

from voiceprep.app import threads
from voiceprep.core.analysis import embedder as model
from voiceprep.core.analysis.analyze import words_read
from voiceprep.core.analysis.judge import embedded_texts
from voiceprep.core.analysis.segments import units
from voiceprep.core.transcript import Word
from voiceprep.settings import EMBED_BATCH, AnalysisSettings

log = logging.getLogger(__name__)
BATCH = EMBED_BATCH        # texts per embed call, so a stop waits for one batch only (settings.EMBED_BATCH)
_ENDS = (".", "?", "!")


def answer_texts(words: Sequence[Word], settings: AnalysisSettings, settled: bool = True) -> list[str]:
    """The texts `judge.AnswerJudge` embeds for a spoken answer of `words`: its units (sentences, windows, clauses)
    and the read-on texts of its sentence pairs, from the words as the judge reads them (`analyze_answer`:
    `unheard_denials`). `settled=False`: words still being said, read up to the last word that ends a sentence
    (the sentence after it goes on)."""
    if not settled:                     # up to the last word that ends a sentence
        words = words[:max((i + 1 for i, w in enumerate(words) if w.word.rstrip().endswith(_ENDS)), default=0)]
    if not words:
        return []
    read = words_read(words, settings)
    return list(dict.fromkeys(embedded_texts(read, units(read))[1]))


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
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="pre-embed", daemon=True)
                self._thread.start()
        self._wake.set()

    def _loop(self) -> None:
        _lowest_priority()
        began = time.thread_time()
        try:
            while not self._stopped.is_set():
                self._wake.wait()
                self._wake.clear()
                with self._lock:
                    words, self._latest = self._latest, None
                if words and not self._stopped.is_set():
                    self._embed(words)
        except Exception:   # the judge after Stop embeds whatever is missing: never worth failing the answer for
            log.exception("embedding the answer while it was spoken failed")
        finally:
            self.cpu_s = time.thread_time() - began
            with self._lock:
                if self._discarded:
                    self._forget()

    def _embed(self, words: list[Word]) -> None:
        threads.check("embedding the answer while it is spoken")
        if not model.settled():             # the model is still loading at start: not this thread's job
            return
        e = model.get_embedder()
        if e is None:
            return
        texts = answer_texts(words, self.settings, settled=False)
        have = set(e.cached(texts))         # once: the comprehension asked the cache again for every text
        todo = [t for t in texts if t not in have]
        for i in range(0, len(todo), BATCH):
            if self._stopped.is_set() or self._wake.is_set():      # stopped, or newer words came: start from those
                return
            chunk = [t for t in todo[i:i + BATCH] if not e.cached([t])]
            if chunk:
                e.embed(chunk)
                with self._lock:
                    self.computed += chunk

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
            keep = set(answer_texts(words, self.settings))
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
