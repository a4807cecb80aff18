"""Live transcription while the candidate speaks, so the final transcript is ready right after they stop.

Whisper encodes a padded 30 s window on every call, so a pass costs about the same (~0.6-0.9 s here with
tiny.en) whatever its length: the design therefore minimises passes, not window length.

- Every `live_step_s`, if new *speech* arrived, the not-yet-committed audio is transcribed at full quality
  (beam search, word timings) and shown as a caption. Silence triggers no pass.
- Once that window is longer than `live_commit_s`, the words that end at least `COMMIT_MARGIN_S` before the
  window's end are committed, cut at the longest pause among them: final, and their audio is dropped.
- When the answer stops, the last pass is reused if only silence followed it (always the case with the
  silence auto-stop); otherwise only the short uncommitted tail is transcribed, at once, on the second
  core, without waiting for a caption pass still running (its result is discarded).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from voiceprep.core.transcript import Segment, Transcript
from voiceprep.settings import TranscriptionSettings
from voiceprep.speech.audio import TARGET_RATE, rms
from voiceprep.speech.transcriber import Transcriber

log = logging.getLogger(__name__)
COMMIT_MARGIN_S = 2.0     # words this close to the window's end may still change: never committed
PROMPT_WORDS = 10         # committed words passed as context: 10 measured best (30 cost +0.45 s a pass)


@dataclass
class Caption:
    committed: str
    tentative: str
    audio_end: float       # seconds of audio covered by this caption
    lag_s: float           # wall time from that audio arriving to the caption being ready


@dataclass
class _Pass:
    end: int               # absolute sample the pass covered up to
    segments: list[Segment]


class LiveTranscriber:
    def __init__(self, transcriber: Transcriber, settings: TranscriptionSettings | None = None,
                 hotwords: list[str] | None = None, on_caption: Callable[[Caption], None] | None = None,
                 silence_rms: float = 0.01):
        self.t = transcriber
        self.s = settings or transcriber.settings
        self.hotwords = hotwords
        self.on_caption = on_caption
        self.silence_rms = silence_rms
        self._chunks: list[np.ndarray] = []     # audio from `_base` onwards
        self._base = 0                          # absolute sample index of _chunks[0][0]
        self._total = 0
        self._arrival: list[tuple[int, float]] = []
        self._lock = threading.Lock()           # guards the audio buffer
        self._state = threading.Lock()          # guards commits against finish()
        self._committed: list[Segment] = []
        self._commit_at = 0
        self._last: _Pass | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.captions: list[Caption] = []
        self.passes = 0
        self.pass_log: list[tuple[float, float]] = []   # (window seconds, pass seconds), for diagnostics
        self.final_reused = False

    # -- input ------------------------------------------------------------------------------------
    def feed(self, block: np.ndarray) -> None:
        """Append 16 kHz mono audio (called from the recorder's thread)."""
        with self._lock:
            self._chunks.append(np.asarray(block, dtype=np.float32))
            self._total += len(block)
            self._arrival.append((self._total, time.perf_counter()))

    def _window(self, start: int, end: int) -> np.ndarray:
        with self._lock:
            if len(self._chunks) > 1:
                self._chunks = [np.concatenate(self._chunks)]
            buf = self._chunks[0] if self._chunks else np.zeros(0, dtype=np.float32)
            return buf[start - self._base:end - self._base]

    def _drop_before(self, sample: int) -> None:
        with self._lock:
            if self._chunks and sample > self._base:
                buf = np.concatenate(self._chunks) if len(self._chunks) > 1 else self._chunks[0]
                self._chunks = [buf[sample - self._base:].copy()]
                self._base = sample
            self._arrival = [(n, t) for n, t in self._arrival if n >= sample]

    def _arrived_at(self, sample: int) -> float:
        with self._lock:
            return next((wall for count, wall in self._arrival if count >= sample), time.perf_counter())

    def _silent_since(self, sample: int, end: int) -> bool:
        return end - sample < TARGET_RATE // 10 or rms(self._window(sample, end)) < self.silence_rms

    # -- passes -----------------------------------------------------------------------------------
    def _prompt(self) -> str | None:
        words = " ".join(s.text.strip() for s in self._committed).split()
        return " ".join(words[-PROMPT_WORDS:]) or None

    def _pass(self, end: int) -> list[Segment]:
        self.passes += 1
        window = self._window(self._commit_at, end)
        start = time.perf_counter()
        result = self.t.transcribe(window, hotwords=self.hotwords, prompt=self._prompt(),
                                   offset=self._commit_at / TARGET_RATE, fallback=False)
        self.pass_log.append((len(window) / TARGET_RATE, time.perf_counter() - start))
        return [s for s in result.segments if s.text.strip()]

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="live-transcriber", daemon=True)
        self._thread.start()

    def _commit(self, segments: list[Segment], end: int) -> list[Segment]:
        """Commit stable words, cut at the longest pause; return the segments still tentative."""
        words = [w for seg in segments for w in seg.words]
        horizon = end / TARGET_RATE - COMMIT_MARGIN_S
        cuts = [i for i in range(len(words) - 1) if words[i].end <= horizon]
        if not cuts:
            return segments

        def pause_after(i: int) -> float:
            sentence_end = 0.3 if words[i].word.strip()[-1:] in ".?!" else 0.0
            return words[i + 1].start - words[i].end + sentence_end
        cut = max(cuts, key=pause_after)
        done, rest = words[:cut + 1], words[cut + 1:]
        self._committed.append(Segment(start=done[0].start, end=done[-1].end,
                                       text="".join(w.word for w in done), words=done))
        self._commit_at = int(round((words[cut].end + words[cut + 1].start) / 2 * TARGET_RATE))
        self._drop_before(self._commit_at)
        return [Segment(start=rest[0].start, end=rest[-1].end, text="".join(w.word for w in rest), words=rest)]

    def _loop(self) -> None:
        step = int(self.s.live_step_s * TARGET_RATE)
        while not self._stop.is_set():
            end = self._total
            last_end = self._last.end if self._last else self._commit_at
            if end - last_end < step or end - self._commit_at < TARGET_RATE // 2 or self._silent_since(last_end, end):
                self._stop.wait(0.05)
                continue
            segments = self._pass(end)
            with self._state:
                if self._stop.is_set():          # finish() has taken over; this result is not needed
                    return
                if (end - self._commit_at) / TARGET_RATE >= self.s.live_commit_s:
                    segments = self._commit(segments, end)
                self._last = _Pass(end, segments)
                caption = Caption(committed=" ".join(s.text.strip() for s in self._committed),
                                  tentative=" ".join(s.text.strip() for s in segments), audio_end=end / TARGET_RATE,
                                  lag_s=time.perf_counter() - self._arrived_at(end))
            self.captions.append(caption)
            if self.on_caption:
                self.on_caption(caption)

    def finish(self) -> Transcript:
        """Stop live passes and return the full transcript (at most the short tail is transcribed now)."""
        with self._state:
            self._stop.set()
        end = self._total
        last = self._last
        if last is not None and self._silent_since(last.end, end):
            tail, self.final_reused = last.segments, True
        elif end - self._commit_at > TARGET_RATE // 10:
            tail = self._pass(end)
        else:
            tail = []
        segments = self._committed + tail
        return Transcript(text=" ".join(s.text.strip() for s in segments).strip(), language="en",
                          duration=round(end / TARGET_RATE, 3), model=self.t.model_name, segments=segments)
