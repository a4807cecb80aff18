"""Words committed pass by pass from a growing buffer of audio: the one path for live answers, imports and files.

A pass decodes the not-yet-committed audio `[commit_at, end]`. Words that end at least a margin before the
window's end are committed at the longest pause among them: they are final, their audio is dropped and they
become the next pass's context. The pause is found in the audio, not in the word times: Whisper's word times
are off by 0.1-0.3 s, so a cut between two words said without a pause, at the midpoint of their times, fell
inside a word ("And so my fellow" came out "And | all my fellow"). A commit cuts in the middle of a quiet
stretch near a gap between words, and a live pass with no such stretch commits nothing (its window grows until
one has it, or is caught up in batch windows); a batch window, which must move on, then cuts at the quietest
point near a gap. Memory is therefore bounded by one window, whatever the length of the answer. At the end,
everything left is decoded in windows of at most `BATCH_WINDOW_S`.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from voiceprep.core.transcript import Segment, Transcript, Word, join_said
from voiceprep.settings import FILLED_PAUSES
from voiceprep.speech.audio import TARGET_RATE, frame_levels
from voiceprep.speech.decoder import WORD_SLACK_S, Cancel, PassResult, WindowDecoder
from voiceprep.speech.models import filler_recall
from voiceprep.speech.vad import snap_to_speech, speech_seconds, speech_spans

log = logging.getLogger(__name__)
BATCH_WINDOW_S = 24.0      # catch-up and file windows: long enough for context, under Whisper's 30 s
BATCH_MARGIN_S = 4.0       # words this close to a batch window's end are decoded again in the next window
BATCH_LOOKBACK_S = 6.0     # a batch window is cut at the longest pause in its last seconds before the margin
MAX_REDECODES = 3          # a window whose decode stopped before its speech did is decoded again from there
UNCOVERED_S = 1.0          # audio after a window's last word shorter than this is not re-decoded
FINAL_UNCOVERED_S = 0.5    # ... at the end of the answer: a last word the pass stopped short of is decoded again
UNCOVERED_SPEECH_S = 0.4   # ... nor when the VAD finds less speech than this in it
PROMPT_WORDS = 24          # committed words passed as context
ECHO_RUN_WORDS = 5         # a re-decode that says this many words of its prompt in a row (half of it at least) copied it
ECHO_DISTINCT_WORDS = 4    # ... when they are this many different words (a loop of "you know" is said, not copied)
OPENING_MATCH_WORDS = 2    # a re-decode's first words found this many in a row later in the first decode, the last
OPENING_SLACK_S = 0.5      # ... timed over the same audio in both (this much slack): the words before it left out
MORE_WORDS_RATIO = 1.25    # a re-decode that also jumped over speech is kept if it heard this many times the words
FILLER_AHEAD_S = 0.1       # a filler another decode heard in place of other words ends before them, this much slack
KEPT_SPAN_WORDS = 2        # a term or filler only the other decode heard is taken in a difference of at most this many
SKIPPED_GAP_S = 3.0        # a gap between a window's words this long with speech in it: the decode jumped over it
SKIPPED_SPEECH_S = 1.5     # ... when the VAD finds at least this much speech in the gap
MIN_WORDS_PER_SPEECH_S = 1.0   # fewer words than this per second of speech (3+ s of it): words were skipped
PAUSE_FRAME_S = 0.01       # a commit cuts in a quiet stretch of the audio, measured in frames this long
MIN_PAUSE_S = 0.08         # ... at least this long (shorter dips are inside a word: a stop consonant's closure)
PAUSE_LEVEL = 0.05         # ... whose frames are below this fraction of the window's speech level (its 95th percentile)
PAUSE_SLACK_S = 0.25       # ... looked for this far around a gap between two words (their times are off by this much)


class TranscriptionCancelled(Exception):
    """The candidate cancelled; nothing was transcribed past this point."""

    def __init__(self, message: str = "Transcription cancelled."):
        super().__init__(message)


class TranscriptionError(Exception):
    """The speech model failed on this audio; the message says so in plain words (details are logged)."""


@dataclass
class Cut:
    words: list[Word]          # committed
    rest: list[Word]           # still tentative
    at: int                    # absolute sample where the next window starts


def cut_candidates(words: list[Word], horizon_s: float, lookback_s: float = math.inf) -> list[int]:
    """Indices of the words a commit may end after: those ending in the `lookback_s` before `horizon_s` (else the
    last one ending before it)."""
    cuts = [i for i in range(len(words) - 1) if horizon_s - lookback_s <= words[i].end <= horizon_s]
    return cuts or [i for i in range(len(words) - 1) if words[i].end <= horizon_s][-1:]


@dataclass
class Pause:
    after: int                 # index of the last word before it
    seconds: float             # length of its quiet stretch (0: no frame was quiet)
    at: int                    # absolute sample in the middle of the stretch (or of the quietest frame)
    level: float               # RMS of its quietest frame


def find_pauses(words: list[Word], candidates: list[int], audio: np.ndarray, start: int,
                silence_rms: float) -> list[Pause]:
    """For each candidate gap after `words[i]`, the longest quiet stretch of `audio` (which starts at absolute
    sample `start`) between the middles of the two words and within PAUSE_SLACK_S of their gap."""
    frame = int(PAUSE_FRAME_S * TARGET_RATE)
    levels = frame_levels(audio, frame)
    if not len(levels):
        return []
    quiet = levels < max(silence_rms, PAUSE_LEVEL * float(np.percentile(levels, 95)))
    last = len(levels) - 1
    pauses = []
    for i in candidates:
        a, b = words[i], words[i + 1]
        lo_s = max((a.start + a.end) / 2, a.end - PAUSE_SLACK_S)
        hi_s = min((b.start + b.end) / 2, b.start + PAUSE_SLACK_S)
        lo = min(last, max(0, int(lo_s * TARGET_RATE - start) // frame))
        hi = min(last + 1, max(lo + 1, -(-int(hi_s * TARGET_RATE - start) // frame)))
        longest, centre, run = 0, 0, 0
        for f in range(lo, hi):
            run = run + 1 if quiet[f] else 0
            if run > longest:
                longest, centre = run, f - (run - 1) // 2
        quietest = lo + int(np.argmin(levels[lo:hi]))
        if not longest:
            centre = quietest
        pauses.append(Pause(i, longest * PAUSE_FRAME_S, start + centre * frame + frame // 2, float(levels[quietest])))
    return pauses


def best_pause(words: list[Word], pauses: list[Pause], force: bool) -> Pause | None:
    """The longest real pause (a sentence end counts 0.3 s more); with `force` and none, the quietest point."""
    real = [p for p in pauses if p.seconds >= MIN_PAUSE_S - 1e-9]
    if real:
        return max(real, key=lambda p: p.seconds + (0.3 if words[p.after].word.strip()[-1:] in ".?!" else 0.0))
    if force and pauses:
        return min(pauses, key=lambda p: (-p.seconds, p.level))
    return None


def _bare(word: Word) -> str:
    return "".join(c for c in word.word.lower() if c.isalnum() or c == "'")


def repeats(words: list[Word], more: list[Word]) -> bool:
    """True if at least half of `more` repeats, in order, the words just before it."""
    from difflib import SequenceMatcher

    if not more:
        return False
    tail = [_bare(w) for w in words[-(len(more) + 5):]]
    matched = sum(b.size for b in SequenceMatcher(None, tail, [_bare(w) for w in more], autojunk=False)
                  .get_matching_blocks())
    return matched >= len(more) / 2


def echoes(before: list[str], more: list[Word]) -> bool:
    """True if `more`, a re-decode given `before` (the committed context and the window's words so far, bare) as its
    prompt, copies it: a run of ECHO_RUN_WORDS or more of its words, at least half of them, said in that order
    somewhere in `before`, with ECHO_DISTINCT_WORDS different words in it ("you know, you know, you know" is no copy).
    A short re-decode after a loop of fillers wrote the prompt out again: "… you know, you know, uh, so I think high
    availability is really important. We, uh, used the database …", the answer's opening, in a live caption at load 25
    (walk66 7); `repeats` only looks at the words just before it."""
    from difflib import SequenceMatcher

    said = [_bare(w) for w in more]
    if len(said) < ECHO_RUN_WORDS or not before:
        return False
    block = SequenceMatcher(None, before, said, autojunk=False).find_longest_match(0, len(before), 0, len(said))
    run = said[block.b:block.b + block.size]
    return block.size >= max(ECHO_RUN_WORDS, len(said) / 2) and len(set(run)) >= ECHO_DISTINCT_WORDS


def kept_opening(first: list[Word], again: list[Word]) -> list[Word]:
    """`again`, a decode of the same window that heard more, with the words `first` heard before `again`'s first
    words put back (walk51: a retry without the hotwords heard the rest of the answer but began "I think moving
    money…", its "I" stretched over "Um, so why Airwallex? Uh, honestly,", and the opening was lost for good).
    `again`'s first OPENING_MATCH_WORDS words are looked for further on in `first`, where the last of them is timed
    over the same audio (within OPENING_SLACK_S) in both: the same words, not a later "I think" (`again` cannot
    have heard what is before them after its first words). Their times are `first`'s: `again` stretched them over
    the opening ("I" 0.0-2.08 s, "think" from 2.08 s on an AVX2 CPU, fixDI; "I" 3.58 s after "think" 2.8 s on
    fixCD's). Before fixDI `first`'s words before them had to end by `again`'s second word's start: a time that
    stretch decides."""
    n = min(OPENING_MATCH_WORDS, len(again))
    if not first or not n:
        return again
    key = [_bare(w) for w in again[:n]]
    bare = [_bare(w) for w in first]
    last = again[n - 1]

    def same_time(w: Word) -> bool:
        return w.start < last.end + OPENING_SLACK_S and last.start < w.end + OPENING_SLACK_S

    at = next((k for k in range(1, len(first) - n + 1) if bare[k:k + n] == key and same_time(first[k + n - 1])), None)
    if at is None:
        return again
    after = again[n].start if len(again) > n else math.inf
    matched = []
    for heard, w in zip(first[at:at + n], again[:n]):
        start = min(heard.start, after)
        matched.append(Word(start, min(max(heard.end, start), max(after, start)), w.word, w.probability))
    return [*first[:at], *matched, *again[n:]]


def better(again: list[Word], again_logprob: float, again_skipped: bool, words: list[Word], logprob: float) -> bool:
    """Whether a re-decode of a window whose decode jumped over speech is the better decode: it did not jump, or
    it jumped too but heard MORE_WORDS_RATIO times the words, or about as many with a higher average log-probability
    per token. By word count alone a retry that heard one word more ("Um") was kept and its "why everyone" replaced
    the first decode's "why Airwallex" (walk51, fixCD)."""
    if not again_skipped:
        return True
    if len(again) >= MORE_WORDS_RATIO * len(words):
        return True
    return len(again) * MORE_WORDS_RATIO > len(words) and again_logprob > logprob


def term_words(hotwords: str | None) -> set[str]:
    """The bank's terms as bare words ("Genshin Impact" -> genshin, impact)."""
    return {b for term in (hotwords or "").split(",") for b in (_bare(Word(0, 0, t)) for t in term.split()) if b}


def kept_heard(words: list[Word], other: list[Word], hotwords: str | None,
               audible: Callable[[Word], bool] | None = None) -> list[Word]:
    """`words` with what `other`, another decode of the same window, heard where `words` heard something else or
    nothing: a bank's term (`hotwords`) in place of at most KEPT_SPAN_WORDS other words at the same time ("why
    everyone" -> "why Airwallex"), a filled pause between the same two words (or before the same first word) that
    `words` left out ("So why" -> "Um, so why"). Nothing else of `other` is taken.

    With `audible` (whether the audio holds sound at a word's time), also a filled pause `words` left out with more
    words around it, or that `other` heard last, before words it never reached: FEE013's "Yeah. Um." in one caption
    pass, "Yeah. when they're" in the next (`other` ended on the filler) and "Yeah. when you've got" after that
    ("Um, when they're," left out whole): walk58, fixDL. Only the filler is taken, not the words around it."""
    from difflib import SequenceMatcher

    terms = term_words(hotwords)
    a, b = [_bare(w) for w in words], [_bare(w) for w in other]
    out: list[Word] = []
    ops = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for k, (op, i1, i2, j1, j2) in enumerate(ops):
        mine, theirs = words[i1:i2], other[j1:j2]
        equal_before = k == 0 or ops[k - 1][0] == "equal"
        equal_around = equal_before and (k + 1 == len(ops) or ops[k + 1][0] == "equal")
        small = len(mine) <= KEPT_SPAN_WORDS and 0 < len(theirs) <= KEPT_SPAN_WORDS and equal_around
        fillers = [w for j, w in zip(range(j1, j2), theirs) if b[j] in FILLED_PAUSES]
        if op == "replace" and small and any(b[j] in terms for j in range(j1, j2)) \
                and not any(a[i] in terms for i in range(i1, i2)) \
                and theirs[0].start < mine[-1].end and mine[0].start < theirs[-1].end:
            out += theirs                                   # the term, where `words` heard something else
        elif op == "insert" and small and i1 < len(words) and len(fillers) == len(theirs) \
                and (not out or out[-1].end <= theirs[0].start + OPENING_SLACK_S) and theirs[-1].end < words[i1].end:
            out, words = _filler_put_back(out, theirs, words, i1, other, j2)   # a filler left out between the same words
        elif audible is not None and fillers and i1 < len(words) and (equal_around or op == "replace" and equal_before
                                                                      and j2 == len(other)) \
                and not any(a[i] in FILLED_PAUSES for i in range(i1, i2)):
            # before the words `words` heard in their place, in time too: heard where `words` heard nothing
            ahead = words[i1].start + FILLER_AHEAD_S if op == "replace" else words[i1].end
            heard = [w for w in fillers if w.end < ahead and (not out or out[-1].end <= w.start + OPENING_SLACK_S)
                     and audible(w)]
            if heard:
                out, words = _filler_put_back(out, heard, words, i1, other, j2 if op == "insert" else len(other))
            out += words[i1:i2]
        else:
            out += mine
    return out


def _filler_put_back(out: list[Word], fillers: list[Word], words: list[Word], i1: int, other: list[Word],
                     j2: int) -> tuple[list[Word], list[Word]]:
    """`out` with `fillers` after it, and `words` with its word `i1` (the one after them) no longer timed over them."""
    if out and out[-1].word.strip()[-1:] in ".?!" and fillers[0].word.strip()[:1].islower():
        w = fillers[0]                               # "Yeah. Um, when", not "Yeah. um, when"
        fillers = [Word(w.start, w.end, w.word.replace(w.word.strip()[0], w.word.strip()[0].upper(), 1), w.probability),
                   *fillers[1:]]
    # the next word was stretched over it ("So" timed 0.0-1.3 s over "Um, so"), and is written as `other` wrote it
    # after the filler ("Um, so", "Uh, honestly")
    head = words[i1]
    said = other[j2].word if j2 < len(other) and _bare(other[j2]) == _bare(head) else head.word
    words = [*words[:i1], Word(max(head.start, fillers[-1].end), head.end, said, head.probability), *words[i1 + 1:]]
    return out + fillers, words


def words_to_segment(words: list[Word]) -> Segment:
    return Segment(start=words[0].start, end=words[-1].end, text="".join(w.word for w in words), words=words)


class WordStream:
    """Audio in, committed words out. Thread-safe: `feed` from the recorder, passes from a worker."""

    def __init__(self, decoder: WindowDecoder, *, hotwords: str | None = None, filler_prompt: str | None = None,
                 model_name: str = "", silence_rms: float = 0.01):
        self.decoder = decoder
        self.silence_rms = silence_rms       # a commit's quiet stretch is below this (or PAUSE_LEVEL of the speech)
        self.hotwords = hotwords
        self.filler_prompt = filler_prompt
        self.model_name = model_name
        self._chunks: list[np.ndarray] = []
        self._base = 0                       # absolute sample index of the buffer's first sample
        self._total = 0
        self._lock = threading.Lock()        # the audio buffer
        self.state = threading.RLock()       # commits (held by whoever changes committed/commit_at)
        self.committed: list[Segment] = []
        self.commit_at = 0
        self.cancelled = Cancel()                # its set() wakes the decoder's wait for a pass

    # -- audio ------------------------------------------------------------------------------------
    def feed(self, block: np.ndarray) -> None:
        block = np.asarray(block, dtype=np.float32).reshape(-1)
        with self._lock:
            self._chunks.append(block)
            self._total += len(block)

    @property
    def total(self) -> int:
        return self._total

    def audio(self, start: int, end: int) -> np.ndarray:
        with self._lock:
            if len(self._chunks) > 1:
                self._chunks = [np.concatenate(self._chunks)]
            buf = self._chunks[0] if self._chunks else np.zeros(0, dtype=np.float32)
            return buf[max(0, start - self._base):max(0, end - self._base)]

    def _drop_before(self, sample: int) -> None:
        with self._lock:
            if self._chunks and sample > self._base:
                buf = np.concatenate(self._chunks) if len(self._chunks) > 1 else self._chunks[0]
                self._chunks = [buf[sample - self._base:].copy()]
                self._base = sample

    @property
    def buffered_s(self) -> float:
        return (self._total - self._base) / TARGET_RATE

    # -- passes -----------------------------------------------------------------------------------
    def _context_words(self) -> list[str]:
        """The committed words a pass is prompted with (`context`), bare."""
        return [_bare(Word(0.0, 0.0, t)) for t in " ".join(s.text.strip() for s in self.committed).split()[-PROMPT_WORDS:]]

    def context(self) -> str | None:
        words = " ".join(s.text.strip() for s in self.committed).split()[-PROMPT_WORDS:]
        parts = [p for p in (self.filler_prompt, " ".join(words)) if p]
        return " ".join(parts) or None

    def decode(self, start: int, end: int, uncovered_s: float = UNCOVERED_S) -> list[Word]:
        """Tentative words of `[start, end)` (at most 30 s), given the committed text as context.

        Whisper sometimes ends a window early; speech left after the last word (`uncovered_s` or more) is decoded
        again, so the words always reach where the audio's speech ends. With the bank's terms as hotwords tiny.en
        can also jump over whole sentences inside a window ("Most" at 0.0 s, "of" at 20.4 s): such a window is
        decoded again without them, and the better decode is kept (`better`); the terms and fillers the others
        heard where it heard something else are kept too (`kept_heard`).
        """
        words, logprob = self._decode_all(start, end, uncovered_s, self.hotwords, True)
        skipped = self.skipped_speech(words, start, end)
        if not skipped:
            return self.at_speech(words, start, end)
        tried = [words]
        # what the prompt carries is what makes it jump: without the hotwords, then without any prompt
        for hotwords, context in ((None, True), (None, False)):
            if (hotwords, context) == (self.hotwords, True):
                continue
            again, again_logprob = self._decode_all(start, end, uncovered_s, hotwords, context)
            again_skipped = self.skipped_speech(again, start, end)
            log.info("decode %.1f-%.1f s skipped speech (%d words, log-prob %.2f): %d words (%.2f)%s without %s",
                     start / TARGET_RATE, end / TARGET_RATE, len(words), logprob, len(again), again_logprob,
                     ", skipped too" if again_skipped else "", "hotwords" if context else "any prompt")
            tried.append(again)
            if better(again, again_logprob, again_skipped, words, logprob):
                words, logprob, skipped = kept_opening(words, again), again_logprob, again_skipped
                if not skipped:
                    break
        for other in tried:
            if other is not words:
                words = kept_heard(words, other, self.hotwords)
        return self.at_speech(words, start, end)

    def audible(self, word: Word) -> bool:
        """Whether the VAD hears speech within WORD_SLACK_S of the word's time (the audio still buffered)."""
        a, b = (int(max(0.0, t) * TARGET_RATE) for t in (word.start - WORD_SLACK_S, word.end + WORD_SLACK_S))
        return speech_seconds(self.audio(a, b)) > 0.0

    def at_speech(self, words: list[Word], start: int, end: int) -> list[Word]:
        """The words with their times cut to where the VAD hears speech in `[start, end)` (`vad.snap_to_speech`):
        Whisper's alignment stretches the word next to a silence over it, most of all the first word of a window
        that starts in a pause (walk37: a 4 s pause mid-answer was not seen, a 3 s one came out as 1.5 s)."""
        if not words:
            return words
        return snap_to_speech(words, speech_spans(self.audio(start, end), start / TARGET_RATE))

    def skipped_speech(self, words: list[Word], start: int, end: int) -> bool:
        """Whether a decode of `[start, end)` jumped over speech: a gap of SKIPPED_GAP_S or more (from the window's
        start, between words, not after the last: that is re-decoded anyway) or one word timed over that long, with
        speech in it; or far fewer words than the window's seconds of speech."""
        edges = [start / TARGET_RATE] + [t for w in words for t in (w.start, w.end)]
        # the gaps before and between words, and each word's own span (a word "timed" over 7 s of speech)
        spans = list(zip(edges[::2], edges[1::2])) + [(w.start, w.end) for w in words]
        for a, b in spans:
            if b - a >= SKIPPED_GAP_S and speech_seconds(self.audio(int(a * TARGET_RATE),
                                                                    int(b * TARGET_RATE))) >= SKIPPED_SPEECH_S:
                return True
        seconds = (end - start) / TARGET_RATE
        if seconds < 3.0 or len(words) >= MIN_WORDS_PER_SPEECH_S * seconds:
            return False                       # enough words for the whole window: the VAD is not asked
        speech = speech_seconds(self.audio(start, end))
        return speech >= 3.0 and len(words) < MIN_WORDS_PER_SPEECH_S * speech

    def _decode_all(self, start: int, end: int, uncovered_s: float, hotwords: str | None,
                    context: bool) -> tuple[list[Word], float]:
        """The window's words, decoded again from where a pass stopped short of its speech, and their average
        log-probability per token (the passes' weighted by their words)."""
        words: list[Word] = []
        weighted = 0.0
        for _ in range(MAX_REDECODES + 1):
            if self.cancelled.is_set():
                raise TranscriptionCancelled()
            extra = " ".join(w.word.strip() for w in words[-PROMPT_WORDS:]) or None
            result = self._decode_once(start, end, extra if context else None, hotwords, context)
            more = result.words
            if words and repeats(words, more):
                break                   # the first decode's last words were timed early: nothing was missing
            if words and context and self._echoed(words, more, start, end, hotwords):
                log.info("re-decode %.1f-%.1f s copied its prompt (%d words): left out", start / TARGET_RATE,
                         end / TARGET_RATE, len(more))
                break                   # it wrote out its prompt, not the audio (walk66 7)
            words += more
            weighted += result.avg_logprob * len(more)
            covered = int(words[-1].end * TARGET_RATE) if words else start
            if end - covered < int(uncovered_s * TARGET_RATE) or covered <= start:
                break
            if speech_seconds(self.audio(covered, end)) < UNCOVERED_SPEECH_S:
                break
            start = covered
        return words, weighted / max(1, len(words))

    def _echoed(self, words: list[Word], more: list[Word], start: int, end: int, hotwords: str | None) -> bool:
        """Whether `more`, a prompted re-decode of `[start, end)` after `words`, copied its prompt (`echoes`) and the
        audio does not say it: decoded with no prompt, which cannot be copied, the words are not heard again. A
        speaker who says a phrase again on purpose ("So again, high availability is really important to us.") is
        heard saying it both ways, and kept (read51b 1: it was left out of the stored transcript)."""
        before = [*self._context_words(), *(_bare(w) for w in words)]
        if not echoes(before, more):
            return False
        return not echoes(before, self._decode_once(start, end, None, hotwords, False).words)

    def _decode_once(self, start: int, end: int, extra: str | None, hotwords: str | None,
                     with_context: bool = True) -> PassResult:
        window = self.audio(start, end)
        context = " ".join(p for p in (self.context() if with_context else None, extra) if p) or None
        try:
            result = self.decoder.decode(window, offset=start / TARGET_RATE, context=context, hotwords=hotwords,
                                         cancelled=self.cancelled)
        except (RuntimeError, ValueError, MemoryError) as exc:     # CTranslate2 reports failures as these
            log.exception("decoding %.1f-%.1f s", start / TARGET_RATE, end / TARGET_RATE)
            raise TranscriptionError(f"The speech model failed on this answer ({type(exc).__name__}); the "
                                     "recording is kept. Try again, or choose another model in Settings.") from None
        if self.cancelled.is_set():             # the decoder may have given the window up midway: not its words
            raise TranscriptionCancelled()
        return result

    def commit(self, words: list[Word], end: int, margin_s: float, lookback_s: float = math.inf,
               force: bool = False) -> list[Word]:
        """Commit the words ending `margin_s` before `end`, cut in a quiet stretch of the audio near a gap between
        words; return the rest. With no such stretch nothing is committed, unless `force` (then the cut is at the
        quietest point near a gap)."""
        with self.state:
            start = self.commit_at
            candidates = cut_candidates(words, end / TARGET_RATE - margin_s, lookback_s)
            pauses = find_pauses(words, candidates, self.audio(start, end), start, self.silence_rms)
            pause = best_pause(words, pauses, force)
            if pause is None:
                return words
            done, rest = words[:pause.after + 1], words[pause.after + 1:]
            self.committed.append(words_to_segment(done))
            self.commit_at = max(pause.at, start + 1)
            self._drop_before(self.commit_at)
            return rest

    def skip_to(self, sample: int) -> None:
        """Nothing was said before `sample`: drop that audio."""
        with self.state:
            if sample > self.commit_at:
                self.commit_at = sample
                self._drop_before(sample)

    def catch_up(self, end: int, progress: Callable[[float], None] | None = None,
                 stop: threading.Event | None = None, window_s: float = BATCH_WINDOW_S,
                 shown: Callable[[list[Word], int], None] | None = None) -> None:
        """Decode and commit in windows of `window_s` until less than one window is left before `end` (or `stop`).
        `shown(rest, window_end)` after each window: its words after the commit (decoded again by the next window),
        for a live caption while the live path catches up (walk60 finding 5)."""
        window = int(window_s * TARGET_RATE)
        if window < 2:
            raise ValueError(f"a catch-up window of {window_s} s is too short to decode")
        # a window at or under the margin never moved on over silence (review34 finding 3): the margin is at most
        # half the window, so every window moves on
        margin_s = min(BATCH_MARGIN_S, window / TARGET_RATE / 2)
        while end - self.commit_at > window and not (stop is not None and stop.is_set()):
            start = self.commit_at
            words = self.decode(start, start + window)
            rest = self.commit(words, start + window, margin_s, BATCH_LOOKBACK_S, force=True)
            if self.commit_at == start:
                # nothing to cut at (silence, or one endless word): keep what was heard, move on
                with self.state:
                    horizon = start + window - int(margin_s * TARGET_RATE)
                    keep = [w for w in words if w.end * TARGET_RATE <= horizon]
                    rest = [w for w in words if w.end * TARGET_RATE > horizon]
                    if keep:
                        self.committed.append(words_to_segment(keep))
                    # a word ending at the window's start must not hold it there
                    self.skip_to(max(int(keep[-1].end * TARGET_RATE) if keep else horizon, start + 1))
            if shown:
                shown(rest, start + window)
            if progress:
                progress(self.commit_at / TARGET_RATE)

    def final(self, tail: list[Word]) -> Transcript:
        """The transcript: committed segments plus the last pass's words."""
        with self.state:
            segments = self.committed + ([words_to_segment(tail)] if tail else [])
        recall = filler_recall(self.model_name)
        return Transcript(text=join_said(s.text for s in segments), language="en",
                          duration=round(self._total / TARGET_RATE, 3), model=self.model_name, segments=segments,
                          filler_recall=recall if recall is not None else 0.0)

    def finish(self, progress: Callable[[float], None] | None = None,
               window_s: float = BATCH_WINDOW_S, heard: list[Word] | None = None) -> Transcript:
        """Decode everything not yet committed (in windows of at most `window_s`) and return the transcript.
        `heard`: words a live pass heard from `commit_at` on; a filler among them the last decode left out is kept
        (`kept_heard`) when that decode starts where they do."""
        end = self._total
        start = self.commit_at
        self.catch_up(end, progress, window_s=window_s)
        tail = (self.decode(self.commit_at, end, FINAL_UNCOVERED_S) if end - self.commit_at > TARGET_RATE // 10
                else [])
        if heard and tail and self.commit_at == start:
            tail = kept_heard(tail, heard, None, self.audible)
        if progress:
            progress(end / TARGET_RATE)
        return self.final(tail)
