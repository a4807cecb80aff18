"""Live transcription while the candidate speaks, so the final transcript is ready the moment they stop.

A pass costs what its audio needs (`speech.decoder`: windows padded to 10 s, not 30 s), so the design keeps the
not-yet-committed window short and passes frequent:

- Every `live_step_s`, if new sound arrived, the uncommitted audio is decoded and shown as a caption. Once that
  window is longer than `live_commit_s`, the words ending `COMMIT_MARGIN_S` before its end are committed at the
  longest pause (`speech.stream`). If the window falls behind (a stalled machine, or an imported file fed faster
  than real time), it is caught up in windows of `live_window_s`: no pass decodes more than that, since a pass's
  working set grows with its window (issue 11's peak RSS).
- When the answer stops, whatever ended it, a caption pass still running is let finish and commit: its words
  are the start of the final transcript. Then the last pass is reused if silence followed it (at least one
  100 ms block, nothing audible); otherwise only the audio after its stable words is decoded. One decode at a
  time: the final pass decoding beside a caption pass, two ~23 s windows at once, was the 40-answer session's
  peak memory (issue 11); the wait is at most the rest of one pass, and the final pass is shorter for it.
  Every sample fed is covered: the transcript ends where the audio ends.
"""

from __future__ import annotations

import atexit
import logging
import os
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from voiceprep.core.transcript import Transcript, Word, join_said
from voiceprep.settings import TranscriptionSettings
from voiceprep.speech.audio import TARGET_RATE, rms
from voiceprep.speech.stream import TranscriptionCancelled, kept_heard
from voiceprep.speech.transcriber import Transcriber

log = logging.getLogger(__name__)
COMMIT_MARGIN_S = 3.0      # words this close to the window's end may still change: never committed
FINAL_MARGIN_S = 1.5       # at a stop, only the last pass's final 1.5 s (and what came after) is decoded again
FINAL_LOOKBACK_S = 3.0     # at a stop, the last pass is cut at the longest pause in its last seconds before the margin
BLOCK_S = 0.1              # silence is judged per block: one audible block means something was said
__all__ = ["Caption", "LiveTranscriber", "TranscriptionCancelled"]


_running: weakref.WeakSet[threading.Thread] = weakref.WeakSet()


@atexit.register
def _join_running() -> None:
    """A caption pass still inside CTranslate2 when the interpreter exits aborts the process ("terminate called
    without an active exception"): let passes of a transcriber never finished (cancelled) end first."""
    for thread in list(_running):
        thread.join(timeout=10)


@dataclass
class Caption:
    committed: str
    tentative: str
    audio_end: float       # seconds of audio covered by this caption
    lag_s: float           # wall time from that audio arriving to the caption being ready


@dataclass
class _Pass:
    start: int             # absolute sample the pass started at (the commit point then)
    end: int               # absolute sample the pass covered up to
    words: list[Word]      # still tentative after the pass's commit


class LiveTranscriber:
    def __init__(self, transcriber: Transcriber, settings: TranscriptionSettings | None = None,
                 hotwords: list[str] | None = None, on_caption: Callable[[Caption], None] | None = None,
                 silence_rms: float = 0.01, after_pass: Callable[[], object] | None = None,
                 on_words: Callable[[list[Word], list[Word]], object] | None = None):
        """`after_pass` runs on the decoding thread after every pass and window (the app trims its memory there);
        `on_words(committed, tentative)` too, after each caption and each window of a backlog decoded after the stop,
        with the answer's words so far (the app embeds their sentences meanwhile, app/preembed.py: it must return at
        once)."""
        self.t = transcriber
        self.s = settings or transcriber.settings
        self.on_caption = on_caption
        self.on_words = on_words
        self.after_pass = after_pass or (lambda: None)
        self.silence_rms = silence_rms
        self.stream = transcriber.stream(hotwords)
        self.stream.silence_rms = silence_rms
        self._arrival: list[tuple[int, float]] = []
        self._arrival_lock = threading.Lock()
        self._last: _Pass | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.captions: list[Caption] = []
        self.passes = 0
        self.pass_log: list[tuple[float, float]] = []   # (window seconds, pass seconds), for diagnostics
        self.pass_cpu: list[float] = []                 # process CPU seconds during each pass
        self.window_log: list[float] = []               # wall seconds of each catch-up window (of live_window_s)
        self.caption_times: list[float] = []            # perf_counter() of each caption
        self._started = self._window_began = 0.0
        self.final_reused = False

    # -- input ------------------------------------------------------------------------------------
    def feed(self, block: np.ndarray) -> None:
        """Append 16 kHz mono audio (called from the recorder's thread)."""
        self.stream.feed(block)
        with self._arrival_lock:
            self._arrival.append((self.stream.total, time.perf_counter()))

    def _arrived_at(self, sample: int) -> float:
        with self._arrival_lock:
            self._arrival = [(n, t) for n, t in self._arrival if n >= self.stream.commit_at]
            return next((wall for count, wall in self._arrival if count >= sample), time.perf_counter())

    def _silent_since(self, sample: int, end: int) -> bool:
        """True if `[sample, end)` holds at least one full 100 ms block and none of its blocks is audible (quiet
        last words still count as sound). Less than a block, or nothing at all, is no evidence of silence: a pass
        that ended at the last sample fed is not followed by a pause."""
        audio = self.stream.audio(sample, end)
        block = int(BLOCK_S * TARGET_RATE)
        return len(audio) >= block and all(rms(audio[i:i + block]) < self.silence_rms
                                           for i in range(0, len(audio), block))

    @property
    def heard_seconds(self) -> float:
        """Seconds of audio received so far."""
        return self.stream.total / TARGET_RATE

    @property
    def done_seconds(self) -> float:
        """Seconds of audio whose words are final (progress while an import or a long tail is transcribed)."""
        return self.stream.commit_at / TARGET_RATE

    def cancel(self) -> None:
        """Stop transcribing: a running `finish()` raises TranscriptionCancelled at the next window."""
        self.stream.cancelled.set()
        self._stop.set()

    # -- passes -----------------------------------------------------------------------------------
    def _after_window(self, _seconds: float) -> None:
        now = time.perf_counter()
        self.window_log.append(now - self._window_began)
        self._window_began = now
        self.after_pass()

    def timing(self) -> str:
        """How the live passes kept pace, for the log at a stop (walk60 finding 5: a minute without a new caption
        could not be explained afterwards): passes, catch-up windows, the longest wait for a caption, the load."""
        ends = [self._started, *self.caption_times, time.perf_counter()]
        wait = max((b - a for a, b in zip(ends, ends[1:])), default=0.0)
        passes = max((p for _, p in self.pass_log), default=0.0)
        windows = max(self.window_log, default=0.0)
        lag = max((c.lag_s for c in self.captions), default=0.0)
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        return (f"{self.heard_seconds:.1f} s heard, {self.done_seconds:.1f} s committed; {self.passes} caption passes "
                f"(longest {passes:.1f} s), {len(self.window_log)} catch-up windows of {self.s.live_window_s:g} s "
                f"(longest {windows:.1f} s), "
                f"{len(self.captions)} captions (lag up to {lag:.1f} s, longest wait for one {wait:.1f} s); "
                f"load {load:.1f}")

    def start(self) -> None:
        self._started = time.perf_counter()
        self._thread = threading.Thread(target=self._loop, name="live-transcriber", daemon=True)
        self._thread.start()
        _running.add(self._thread)

    def _loop(self) -> None:
        try:
            self._run()
        except TranscriptionCancelled:
            pass
        except Exception:  # a failed caption pass must not end the recording; finish() decodes again
            log.exception("live transcription pass failed")

    def _run(self) -> None:
        step = int(self.s.live_step_s * TARGET_RATE)
        behind = int(self.s.live_window_s * TARGET_RATE)    # a longer window is caught up in windows this long
        while not self._stop.is_set():
            end, start = self.stream.total, self.stream.commit_at
            if end - start > behind:
                # each window is shown as it is committed: a live path that stays behind (passes slower than the
                # speech, a busy machine) still moves the captions on (walk60 finding 5: a minute unchanged)
                self._window_began = time.perf_counter()
                self.stream.catch_up(end, self._after_window, stop=self._stop, window_s=self.s.live_window_s,
                                     shown=self._show)
                continue
            last_end = self._last.end if self._last and self._last.start == start else start
            if end - last_end < step or end - start < TARGET_RATE // 2 or self._silent_since(last_end, end):
                self._stop.wait(0.05)
                continue
            began, cpu = time.perf_counter(), time.process_time()
            words = self.stream.decode(start, end)
            if self._last is not None and self._last.start == start:
                # a filler the last pass over this window heard between the same words is kept: a decode of a
                # longer window can drop it ("Um, so why… Uh, honestly" at 13.0 s, "So why… Honestly" at 13.5 s)
                # and the pass that commits is the one whose words stay (fixCD, walk51: 7 of 13 real "um"s)
                words = kept_heard(words, self._last.words, None, self.stream.audible)
            self.passes += 1
            self.pass_log.append(((end - start) / TARGET_RATE, time.perf_counter() - began))
            self.pass_cpu.append(time.process_time() - cpu)
            with self.stream.state:
                if (end - start) / TARGET_RATE >= self.s.live_commit_s:
                    words = self.stream.commit(words, end, COMMIT_MARGIN_S, self.s.live_commit_s / 2)
                self._last = _Pass(self.stream.commit_at, end, words)     # kept even after a stop: finish() uses it
            self._show(words, end)
            self.after_pass()                   # after the caption: it is not held up

    def _show(self, words: list[Word], end: int) -> None:
        """The caption of a pass or a catch-up window that covered the audio up to `end`: the committed words and
        `words`, the pass's tentative ones. After a stop, none: the final transcript follows."""
        with self.stream.state:
            caption = Caption(committed=join_said(s.text for s in self.stream.committed),
                              tentative="".join(w.word for w in words).strip(), audio_end=end / TARGET_RATE,
                              lag_s=time.perf_counter() - self._arrived_at(end))
            committed = [w for s in self.stream.committed for w in s.words] if self.on_words else []
        if not self._stop.is_set():
            self.captions.append(caption)
            self.caption_times.append(time.perf_counter())
            if self.on_caption:
                self.on_caption(caption)
            if self.on_words:               # after the caption: it is not held up
                self.on_words(committed, list(words))

    def finish(self, progress: Callable[[float], None] | None = None) -> Transcript:
        """Stop live passes and return the full transcript, covering every sample fed.

        Usually only a short tail is decoded now. After an import fed faster than real time, the rest is decoded
        in windows; `progress` then gets the fraction done and `cancel()` stops it (TranscriptionCancelled).
        """
        self._stop.set()
        if self._thread is not None:
            self._thread.join()                 # a pass or catch-up window in flight finishes and commits first
            log.info("live transcription at the stop: %s", self.timing())
        last = self._last
        end = self.stream.total
        heard: list[Word] = []
        if last is not None and last.start == self.stream.commit_at:
            if self._silent_since(last.end, end):
                self.final_reused = True
                return self.stream.final(last.words)
            # the last pass's words well before its end are as stable as a commit: decode only after them; a filler
            # among the rest is kept if the final decode leaves it out (walk58: "Yeah. Um." in the caption, not after)
            heard = self.stream.commit(last.words, last.end, FINAL_MARGIN_S, FINAL_LOOKBACK_S)

        def report(seconds: float) -> None:
            self.after_pass()
            if self.on_words:               # a backlog decoded after the stop: its words are handed over as they come
                with self.stream.state:
                    committed = [w for s in self.stream.committed for w in s.words]
                self.on_words(committed, [])
            if progress:
                progress(min(1.0, seconds / max(end / TARGET_RATE, 1e-6)))
        return self.stream.finish(report, window_s=self.s.live_window_s, heard=heard)
