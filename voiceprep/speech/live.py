"""Live transcription while the candidate speaks, so the final transcript is ready right after they stop.

Every `live_step_s` the not-yet-committed audio is transcribed again and shown as a caption. Once that
window is longer than `live_commit_s`, every Whisper segment but the last (which may still change) is
committed: its text and word timings are final and its audio is never transcribed again. When the answer
stops, only the short uncommitted tail is left to transcribe.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Callable

import numpy as np

from voiceprep.core.transcript import Segment, Transcript
from voiceprep.settings import TranscriptionSettings
from voiceprep.speech.audio import TARGET_RATE
from voiceprep.speech.transcriber import Transcriber

log = logging.getLogger(__name__)
FORCE_COMMIT_S = 20.0     # a window this long is committed even without a clean segment boundary
PROMPT_WORDS = 30         # committed words passed as context to the next window


@dataclass
class Caption:
    committed: str
    tentative: str
    audio_end: float       # seconds of audio covered by this caption
    lag_s: float           # wall time from that audio arriving to the caption being ready


class LiveTranscriber:
    def __init__(self, transcriber: Transcriber, settings: TranscriptionSettings | None = None,
                 hotwords: list[str] | None = None, on_caption: Callable[[Caption], None] | None = None):
        self.t = transcriber
        self.s = settings or transcriber.settings
        self.hotwords = hotwords
        self.on_caption = on_caption
        self._chunks: list[np.ndarray] = []
        self._arrival: list[tuple[int, float]] = []   # (sample count, wall time it arrived)
        self._samples = 0
        self._lock = threading.Lock()
        self._committed: list[Segment] = []
        self._commit_at = 0          # samples
        self._last: tuple[int, list[Segment]] | None = None   # (window end sample, segments) of last pass
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.captions: list[Caption] = []

    def feed(self, block: np.ndarray) -> None:
        """Append 16 kHz mono audio (from the recorder's thread)."""
        with self._lock:
            self._chunks.append(np.asarray(block, dtype=np.float32))
            self._samples += len(block)
            self._arrival.append((self._samples, time.perf_counter()))

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="live-transcriber", daemon=True)
        self._thread.start()

    def _audio(self) -> np.ndarray:
        with self._lock:
            if len(self._chunks) > 1:
                self._chunks = [np.concatenate(self._chunks)]
            return self._chunks[0] if self._chunks else np.zeros(0, dtype=np.float32)

    def _arrived_at(self, sample: int) -> float:
        with self._lock:
            for count, wall in self._arrival:
                if count >= sample:
                    return wall
        return time.perf_counter()

    def _prompt(self) -> str | None:
        words = " ".join(s.text.strip() for s in self._committed).split()
        return " ".join(words[-PROMPT_WORDS:]) or None

    def _pass(self, audio: np.ndarray, end: int) -> list[Segment]:
        window = audio[self._commit_at:end]
        offset = self._commit_at / TARGET_RATE
        result = self.t.transcribe(window, hotwords=self.hotwords, prompt=self._prompt(), offset=offset)
        return [s for s in result.segments if s.text.strip()]

    def _loop(self) -> None:
        last_end = 0
        while not self._stop.is_set():
            audio = self._audio()
            end = len(audio)
            if end - last_end < self.s.live_step_s * TARGET_RATE or end - self._commit_at < TARGET_RATE // 2:
                self._stop.wait(0.05)
                continue
            last_end = end
            segments = self._pass(audio, end)
            window_s = (end - self._commit_at) / TARGET_RATE
            if window_s >= self.s.live_commit_s and len(segments) >= 2 or window_s >= FORCE_COMMIT_S and segments:
                keep = segments[:-1] if len(segments) >= 2 else segments
                self._committed.extend(keep)
                self._commit_at = min(end, int(keep[-1].end * TARGET_RATE))
                segments = segments[len(keep):]
            self._last = (end, segments)
            caption = Caption(committed=" ".join(s.text.strip() for s in self._committed),
                              tentative=" ".join(s.text.strip() for s in segments), audio_end=end / TARGET_RATE,
                              lag_s=time.perf_counter() - self._arrived_at(end))
            self.captions.append(caption)
            if self.on_caption:
                self.on_caption(caption)

    def finish(self) -> Transcript:
        """Stop live passes and return the full transcript (only the tail is transcribed now)."""
        self._stop.set()
        if self._thread:
            self._thread.join()
        audio = self._audio()
        end = len(audio)
        if self._last is not None and self._last[0] == end:
            tail = self._last[1]
        elif end - self._commit_at > TARGET_RATE // 10:
            tail = self._pass(audio, end)
        else:
            tail = []
        segments = self._committed + tail
        return Transcript(text=" ".join(s.text.strip() for s in segments).strip(), language="en",
                          duration=round(end / TARGET_RATE, 3), model=self.t.model_name, segments=segments)
