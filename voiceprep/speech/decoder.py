"""One Whisper pass over a window of at most 30 s that costs what its audio needs.

faster-whisper's `transcribe()` pads every window to 30 s, so a 3 s live pass pays for 30 s of encoding.
CTranslate2 accepts shorter mel input, so a window is padded only to `MIN_WINDOW_S` (without any padding
short windows loop: "ask not to ask not to ..."), encoded once, decoded at temperature 0 with a token
budget, and its words are timed with the model's own cross-attention alignment (`model.align`), reusing
the same encoder output.
"""

from __future__ import annotations

import os
import re
import threading
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from voiceprep.core.transcript import Word
from voiceprep.settings import (
    FILLER_SPELLINGS,
    HOTWORD_COPY_TOKENS,
    HOTWORD_NO_REPEAT_NGRAM,
    HOTWORD_RETRY_SHORT_RATIO,
    HOTWORD_TOKENS,
    MAX_CONTEXT_TOKENS,
)
from voiceprep.speech.audio import TARGET_RATE, frame_levels, rms

MIN_WINDOW_S = 10.0          # pad shorter windows to this (measured: shorter loops, longer costs more)
MAX_WINDOW_S = 30.0          # Whisper's encoder cannot see more than this
MAX_TOKENS_PER_S = 6         # fast speech is ~4 tokens/s; more than this is a repetition loop
LOOP_COMPRESSION = 2.4       # zlib ratio above which a pass's text is a loop (Whisper's own threshold)
NO_SPEECH_PROB = 0.6         # with a low log-probability: the window is not speech
LOW_LOGPROB = -1.0
SQUEEZED_WORD_S = 0.05      # a repeated phrase said in less than this a word was not said: the alignment squeezed it
LOOP_PHRASE_WORDS = 30      # the longest phrase a window's trailing loop is looked for as (two sentences: fixCP)
SILENT_FRAME_S = 0.02        # a word is kept only if a frame this long within WORD_SLACK_S of it is audible
WORD_SLACK_S = 0.1
PREPEND = "\"'“¿([{-"
APPEND = "\"'.。,，!！?？:：”)]}、"
# oneDNN (inside CTranslate2) keeps a compiled primitive per input shape, up to 1024 of them, ~2.3 MB each
# measured; every live window length is a new shape, so a long session grew by hundreds of MB (405 -> 673 MB
# over 15 live answers, still climbing). A few entries keep it flat at the same speed (tests/speech/test_decoder.py).
PRIMITIVE_CACHE_CAPACITY = 8
os.environ.setdefault("ONEDNN_PRIMITIVE_CACHE_CAPACITY", str(PRIMITIVE_CACHE_CAPACITY))   # read at first use
# CTranslate2 runs its matrix products on Intel MKL on an Intel CPU and on oneDNN on any other. Every speed and
# memory figure in docs/benchmarks.md was measured with oneDNN and its cache capped as above; on CI's machine, not
# measured here, the 40-answer session (tests/gui/soak_session.py) grew 52 MB over its last 20 answers, peak
# 1125 MB, where here it stays flat (peak 697-738 MB). One backend on every CPU: the one that was measured.
GEMM_BACKEND_ENV = ("CT2_USE_MKL", "0")
os.environ.setdefault(*GEMM_BACKEND_ENV)                                                    # read at first use


class Cancel(threading.Event):
    """A cancel that also wakes whoever waits on it through `on_set` (a decoder waiting for its pass): the wait
    sleeps until the pass is done or the cancel comes, nothing polls (fixAZ polled every 10 ms)."""

    def __init__(self) -> None:
        super().__init__()
        self._wakers: set[threading.Event] = set()
        self._wakers_lock = threading.Lock()

    def set(self) -> None:
        super().set()
        with self._wakers_lock:
            wakers = list(self._wakers)
        for waker in wakers:
            waker.set()

    def wakes(self, waker: threading.Event) -> None:
        """`waker` is set with this cancel (at once when it is already set)."""
        with self._wakers_lock:
            self._wakers.add(waker)
        if self.is_set():
            waker.set()

    def forget(self, waker: threading.Event) -> None:
        with self._wakers_lock:
            self._wakers.discard(waker)


@dataclass
class PassResult:
    words: list[Word] = field(default_factory=list)
    no_speech_prob: float = 0.0
    avg_logprob: float = 0.0
    looped: bool = False

    @property
    def text(self) -> str:
        return "".join(w.word for w in self.words).strip()


def normalise_filler(word: str) -> str:
    """'Umm,' -> 'Um,': one spelling per filled pause, so the coaching's filler list finds them."""
    core = re.sub(r"[^\w]", "", word).lower()
    if core not in FILLER_SPELLINGS:
        return word
    lead = word[:len(word) - len(word.lstrip())]
    body = word.strip()
    start = body.lower().index(core[0])
    replacement = FILLER_SPELLINGS[core]
    if body[start].isupper():
        replacement = replacement.capitalize()
    return lead + body[:start] + replacement + body[start + len(core):]


def trim_repeats(words: list[Word], run: int = 3) -> list[Word]:
    """Cut a window's trailing loop: `run` or more identical words at the end keep one ("um, um, um, um"); `run`
    or more words with no time of their own at the end, or a phrase repeated right after itself with no time
    of its own, are dropped (the alignment squeezed them into the window's end: nothing was said there). A copy
    spoken in less than SQUEEZED_WORD_S a word has no time of its own even when the alignment gave its last word
    the window's last frames ("So reliability really matter." twice, the copy in 51.86-51.92 s: walkthrough 9).
    Cut until none is left: a loop of two sentences squeezed into 9.94 s, its last word to 10.28 s, and four more
    squeezed there ended "… Our" once the four were cut (fixCP)."""
    bare = [re.sub(r"[^\w']", "", w.word).lower() for w in words]
    n = 1
    while n < len(bare) and bare[-1 - n] == bare[-1]:
        n += 1
    if n >= run:
        return trim_repeats(words[:len(words) - n + 1], run)
    squeezed = 0                # a loop the alignment could only squeeze into the window's last frame
    while squeezed < len(words) and words[-1 - squeezed].end - words[-1 - squeezed].start < 0.02:
        squeezed += 1
    if squeezed >= run:         # and again: what is left can end in the loop's whole copy (fixCP)
        return trim_repeats(words[:len(words) - squeezed], run)
    for size in range(2, min(LOOP_PHRASE_WORDS, len(words) // 2) + 1):
        # the words repeating, `size` words back, the ones before them: a whole copy and maybe the start of
        # another ("… 7 milliseconds. Our problem … 7 milliseconds. Our": fixCP, a bank's terms as hotwords)
        copied = 0
        while copied < len(words) - size and bare[-1 - copied] == bare[-1 - copied - size]:
            copied += 1
        tail = words[len(words) - copied:]
        if copied >= size and (all(w.end - w.start < 0.05 for w in tail)
                               or tail[-1].end - tail[0].start < SQUEEZED_WORD_S * copied):
            return trim_repeats(words[:-copied], run)
    return words


def drop_silent_words(words: list[Word], audio: np.ndarray, offset: float, level: float) -> list[Word]:
    """Words timed where no 20 ms frame (within WORD_SLACK_S) reaches `level` were not said: with the earlier
    text as prompt, a window that is mostly silence is "transcribed" as that text again (session 14: seven
    seconds of silence after "Oh yeah" came out "Recording things like that inside it. ... Because it doesn't
    make when you pick it up", the last sentences before it)."""
    hop = int(SILENT_FRAME_S * TARGET_RATE) // 2
    energy = frame_levels(audio, hop, squared=True)              # each 10 ms; two of them make a 20 ms frame
    if len(energy) < 2:
        return words
    loud = np.sqrt((energy[:-1] + energy[1:]) / 2) >= level          # 20 ms frames, every 10 ms
    kept = []
    for w in words:
        a = max(0, int((w.start - offset - WORD_SLACK_S) * TARGET_RATE) // hop)
        b = min(len(loud), int((w.end - offset + WORD_SLACK_S) * TARGET_RATE) // hop)
        if loud[a:max(a + 1, b)].any():
            kept.append(w)
    return kept


def copy_start(tokens: list[int], shortest: int = HOTWORD_COPY_TOKENS) -> int | None:
    """Where the tokens' copy of themselves begins, if they end in at least `shortest` tokens that copy the ones
    right before them, a whole copy at least, maybe followed by the start of another ("A B A B A'", "to ask not to
    ask not to ask"): a window copying its own text (fixCX), not a repeat said before more words. What is before it
    keeps one copy ("A B")."""
    for size in range(1, len(tokens) // 2 + 1):
        copied = 0
        while copied < len(tokens) - size and tokens[-1 - copied] == tokens[-1 - copied - size]:
            copied += 1
        if copied >= max(size, shortest):
            return len(tokens) - copied
    return None


def ends_in_copy(tokens: list[int], shortest: int = HOTWORD_COPY_TOKENS) -> bool:
    return copy_start(tokens, shortest) is not None


def copies_itself(tokens: list[int], shortest: int = HOTWORD_COPY_TOKENS) -> bool:
    """Somewhere in the tokens, at least `shortest` of them copy the ones right before them, a whole copy at least:
    `ends_in_copy` anywhere in the window, for a loop that then ends on something else ("… at present consent consent
    consent consent consent consent consent consent consent. Printing, in the only sense …": fixDD, fixDL)."""
    for size in range(1, len(tokens) // 2 + 1):
        copied = 0
        for i in range(size, len(tokens)):
            copied = copied + 1 if tokens[i] == tokens[i - size] else 0
            if copied >= max(size, shortest):
                return True
    return False


def compression_ratio(text: str) -> float:
    data = text.encode("utf-8")
    return len(data) / max(1, len(zlib.compress(data)))


class WindowDecoder:
    """Encodes, decodes and word-aligns one window with a loaded faster-whisper `WhisperModel`."""

    def __init__(self, model: Any, beam_size: int = 5, silence_rms: float = 0.01):
        from faster_whisper.tokenizer import Tokenizer

        self.model = model
        self.beam_size = beam_size
        self.silence_rms = silence_rms
        self.timestamps = True      # timestamp tokens: measured to skip less of a long window's start
        self.tokenizer = Tokenizer(model.hf_tokenizer, model.model.is_multilingual, task="transcribe",
                                   language="en")
        self.suppress = self._suppressed_tokens()
        self._lock = threading.Lock()     # one window at a time on this model instance
        # the thread of the passes that can be cancelled (`decode`); concurrent.futures joins it at the interpreter's
        # exit, so a pass given up still inside CTranslate2 ends first (else the process aborts, as speech.live says)
        self._thread: ThreadPoolExecutor | None = None
        self._thread_lock = threading.Lock()
        self._pending = 0                 # cancellable passes submitted and not ended (run, given up or dropped)
        self._hotwords: dict[str, list[int]] = {}

    def _suppressed_tokens(self) -> list[int]:
        tok = self.tokenizer
        return sorted(set(tok.non_speech_tokens) | {tok.transcribe, tok.translate, tok.sot, tok.sot_prev,
                                                    tok.sot_lm, tok.no_speech})

    # -- building blocks --------------------------------------------------------------------------
    def _features(self, audio: np.ndarray) -> tuple[np.ndarray, int]:
        """Log-mel of the window padded to MIN_WINDOW_S; returns (mel, content frames)."""
        fe = self.model.feature_extractor
        hop = fe.hop_length
        n = min(len(audio), int(MAX_WINDOW_S * TARGET_RATE))
        padded = np.zeros(max(n, int(MIN_WINDOW_S * TARGET_RATE)), dtype=np.float32)
        padded[:n] = audio[:n]
        mel = fe(padded, padding=0)
        frames = min(mel.shape[-1], fe.nb_max_frames)
        frames -= frames % 2
        return np.ascontiguousarray(mel[:, :frames], dtype=np.float32), min(frames, n // hop)

    def _prompt(self, context: str | None, hotwords: str | None) -> list[int]:
        tok = self.tokenizer
        prompt: list[int] = []
        before: list[int] = []
        if hotwords:
            before += self.hotword_tokens(hotwords)
        if context:
            room = MAX_CONTEXT_TOKENS - len(before)
            before += tok.encode(" " + context.strip())[-room:]
        if before:
            prompt = [tok.sot_prev, *before]
        return [*prompt, *tok.sot_sequence] + ([] if self.timestamps else [tok.no_timestamps])

    def _before_copy(self, tokens: list[int], at: int) -> list[int]:
        """`tokens[:at]`, less the word the copy runs on in: a copy that begins inside a word (" x" then "x" "x" …)
        made that word too ("xx…" was not said)."""
        def text(t: int) -> str:
            return self.tokenizer.decode([t])

        if 0 < at < len(tokens) and text(tokens[at])[:1].isalnum():
            while at > 0 and not text(tokens[at - 1]).startswith(" "):
                at -= 1
            at = max(0, at - 1)
        return tokens[:at]

    def hotword_tokens(self, hotwords: str) -> list[int]:
        """The tokens of the comma-separated terms that fit in HOTWORD_TOKENS, whole terms in their order (cutting
        the tokens mid-term gave Whisper half a word: "3-D Secure, 3DS" ended "3")."""
        kept = self._hotwords.get(hotwords)
        if kept is None:
            kept = []
            for term in (t.strip() for t in hotwords.split(",")):
                more = self.tokenizer.encode((", " if kept else " ") + term) if term else []
                if len(kept) + len(more) > HOTWORD_TOKENS:
                    break
                kept += more
            self._hotwords[hotwords] = kept
        return kept

    def _align(self, encoded: Any, tokens: list[int], frames: int, offset: float) -> list[Word]:
        tok = self.tokenizer
        if not tokens:
            return []
        result = self.model.model.align(encoded, tok.sot_sequence, [tokens], frames, median_filter_width=7)[0]
        pairs = result.alignments
        text_idx = np.array([p[0] for p in pairs])
        time_idx = np.array([p[1] for p in pairs])
        words, word_tokens = tok.split_to_word_tokens(tokens + [tok.eot])
        if len(word_tokens) <= 1 or not len(text_idx):
            return []
        bounds = np.pad(np.cumsum([len(t) for t in word_tokens[:-1]]), (1, 0))
        jumps = np.pad(np.diff(text_idx), (1, 0), constant_values=1).astype(bool)
        jump_times = time_idx[jumps] / self.model.tokens_per_second
        starts, ends = jump_times[bounds[:-1]], jump_times[bounds[1:]]
        probs = [float(np.mean(result.text_token_probs[i:j])) for i, j in zip(bounds[:-1], bounds[1:])]
        merged = self._merge_punctuation(list(zip(words, starts, ends, probs)))
        return [Word(start=round(float(s) + offset, 3), end=round(float(e) + offset, 3), word=normalise_filler(w),
                     probability=round(p, 3)) for w, s, e, p in merged if w.strip()]

    @staticmethod
    def _merge_punctuation(items: list[tuple[str, float, float, float]]) -> list[tuple[str, float, float, float]]:
        out: list[list[Any]] = []
        carry = ""
        for word, start, end, prob in items:
            if word.startswith(" ") and word.strip() and word.strip() in PREPEND:
                carry += word
                continue
            if out and not out[-1][0].endswith(" ") and word and word in APPEND:
                out[-1][0] += word
                continue
            out.append([carry + word if carry else word, start, end, prob])
            carry = ""
        return [(w, s, e, p) for w, s, e, p in out]

    # -- one pass ---------------------------------------------------------------------------------
    def decode(self, audio: np.ndarray, *, offset: float = 0.0, context: str | None = None,
               hotwords: str | None = None, beam_size: int | None = None,
               cancelled: Cancel | None = None) -> PassResult:
        """Transcribe `audio` (16 kHz mono, at most 30 s); word times are shifted by `offset`.

        With `cancelled`, the model's work runs on a thread of its own, waited for until it ends or `cancelled` is
        set (nothing polls): once set, an empty result at once (the caller checks the event). CTranslate2 cannot be
        interrupted, so the given-up thread runs on to the end of its stage (encoding, generating, aligning), skips
        the rest and only then frees the model: one window at a time stays true. Before, a cancel waited for the
        whole window: 4-8 s under load (fixAV, fixAZ)."""
        audio = np.asarray(audio, dtype=np.float32)[:int(MAX_WINDOW_S * TARGET_RATE)]
        seconds = len(audio) / TARGET_RATE
        if seconds < 0.1 or rms(audio) < self.silence_rms / 4:
            return PassResult()
        beam = beam_size or self.beam_size
        if cancelled is None:
            with self._lock:
                done = self._model_pass(audio, seconds, offset, context, hotwords, beam, None)
        else:
            got = self._given_up_if(cancelled, audio, seconds, offset, context, hotwords, beam)
            if got is None:
                return PassResult()
            done = got
        if isinstance(done, PassResult):
            return done
        words, result, logprob, looped = done
        end = offset + seconds
        words = trim_repeats([w for w in words if w.start < end - 0.02])   # nothing past the audio's end
        words = drop_silent_words(words, audio, offset, self.silence_rms / 4)
        for w in words:
            w.end = min(w.end, round(end, 3))
        return PassResult(words, result.no_speech_prob, logprob, looped)

    def _given_up_if(self, cancelled: Cancel, *args: Any) -> Any:
        """`_model_pass(*args)` on the decoder's own thread, under the model's lock; None as soon as `cancelled` is
        set (that pass then ends on its own; the next waits for it, the interpreter's exit too)."""
        if not isinstance(cancelled, Cancel):       # a plain Event's set() would not wake the wait
            raise TypeError("a cancellable decode takes a decoder.Cancel")
        with self._thread_lock:             # one thread for the decoder's cancellable passes, made once
            if self._thread is None:
                self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="decoder")
            self._pending += 1
            future = self._thread.submit(self._locked_pass, *args, cancelled)
        future.add_done_callback(self._ended)
        woken = threading.Event()                   # by the pass's end or by the cancel, whichever comes first
        future.add_done_callback(lambda _: woken.set())
        cancelled.wakes(woken)
        try:
            woken.wait()
        except BaseException:       # Ctrl+C in the wait: the pass ends at its stage's end, not the window's (fixBR)
            cancelled.set()
            raise
        finally:
            cancelled.forget(woken)
        if cancelled.is_set():
            future.cancel()                         # still queued behind a pass given up before: never runs
            return None
        return future.result()

    def _ended(self, _future: Any) -> None:
        with self._thread_lock:
            self._pending -= 1

    def busy(self) -> bool:
        """A pass runs or waits for the model (a given-up one finishing its stage): its own count of the passes
        submitted and not ended, not the pool's private queue (fixBO: a pass taken off it but not yet on the model
        was not counted)."""
        with self._thread_lock:
            return self._lock.locked() or self._pending > 0

    def wait_idle(self) -> None:
        """Until the passes running or queued (given up ones too) have ended and freed the model."""
        with self._thread_lock:
            pool = self._thread
        if pool is not None:
            pool.submit(lambda: None).result()      # behind every pass queued before it
        with self._lock:
            pass

    def _locked_pass(self, *args: Any) -> Any:
        with self._lock:
            return self._model_pass(*args)

    def _model_pass(self, audio: np.ndarray, seconds: float, offset: float, context: str | None,
                    hotwords: str | None, beam: int, cancelled: threading.Event | None) -> Any:
        """Encode, generate and align one window (the caller holds the model's lock): (words, CTranslate2's
        result, log-probability, looped), or a PassResult when there is no speech or `cancelled` was set between
        two stages."""
        import ctranslate2

        def given_up() -> bool:
            return cancelled is not None and cancelled.is_set()

        if given_up():              # cancelled while it waited for the model (behind a pass given up before)
            return PassResult()
        mel, frames = self._features(audio)
        encoded = self.model.model.encode(ctranslate2.StorageView.from_array(mel[None]), to_cpu=False)
        if given_up():
            return PassResult()
        result = self._generate(encoded, self._prompt(context, hotwords), seconds, beam)
        tokens = [t for t in result.sequences_ids[0] if t < self.tokenizer.eot]
        copying = hotwords and copies_itself(tokens)     # anywhere in the window (fixDL), at its end (fixCX, fixCZ)
        if copying and not given_up():     # the terms made it copy itself
            copied = copy_start(tokens)
            own = self._before_copy(tokens, copied) if copied is not None else []
            retry = self._generate(encoded, self._prompt(context, hotwords), seconds, beam, HOTWORD_NO_REPEAT_NGRAM)
            retried = [t for t in retry.sequences_ids[0] if t < self.tokenizer.eot]
            # a retry with far fewer tokens than a first that ended in its copy stopped short of what the window said
            # (fixDI): the first, its copy cut (its score is the whole generation's, copy included, as before fixCX);
            # a loop inside the window (fixDL) has no such first to keep: the retry
            if copied is not None and len(own) >= HOTWORD_RETRY_SHORT_RATIO * len(retried):
                tokens = own
            else:
                result, tokens = retry, retried
        text = self.tokenizer.decode(tokens)
        looped = compression_ratio(text) > LOOP_COMPRESSION and len(text) > 40
        if looped and context and not given_up():     # earlier text is the usual cause of a loop: decode without it
            result = self._generate(encoded, self._prompt(None, hotwords), seconds, beam)
            tokens = [t for t in result.sequences_ids[0] if t < self.tokenizer.eot]
            looped = compression_ratio(self.tokenizer.decode(tokens)) > LOOP_COMPRESSION
        if given_up():
            return PassResult()
        logprob = result.scores[0] * len(tokens) / (len(tokens) + 1) if result.scores else 0.0
        if result.no_speech_prob > NO_SPEECH_PROB and logprob < LOW_LOGPROB:
            return PassResult(no_speech_prob=result.no_speech_prob, avg_logprob=logprob)
        return self._align(encoded, tokens, frames, offset), result, logprob, looped

    def _generate(self, encoded: Any, prompt: list[int], seconds: float, beam_size: int, no_repeat: int = 0) -> Any:
        """Text tokens for the window; with `no_repeat`, no run of that many tokens is generated twice."""
        budget = int(seconds * MAX_TOKENS_PER_S) + 10
        max_length = min(self.model.max_length, len(prompt) + budget)
        return self.model.model.generate(
            encoded, [prompt], beam_size=beam_size, max_length=max_length, return_scores=True,
            return_no_speech_prob=True, suppress_blank=True, suppress_tokens=self.suppress,
            max_initial_timestamp_index=50, no_repeat_ngram_size=no_repeat)[0]
