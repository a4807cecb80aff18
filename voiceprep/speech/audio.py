"""Audio files in and out: any format the app accepts, converted to 16 kHz mono float32."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile as sf
import soxr

TARGET_RATE = 16000


class AudioError(Exception):
    """An audio file could not be read or written; the message says which and why."""


def resample(samples: np.ndarray, rate: int, target: int = TARGET_RATE) -> np.ndarray:
    samples = np.asarray(samples, dtype=np.float32)
    if samples.ndim > 1:
        samples = samples.mean(axis=1)
    if rate == target or samples.size == 0:
        return samples
    return soxr.resample(samples, rate, target, quality="HQ").astype(np.float32)


def load_audio(path: str | Path, target: int = TARGET_RATE) -> np.ndarray:
    """Read an audio file (WAV, FLAC, OGG via libsndfile; MP3, M4A and others via PyAV) as mono float32."""
    path = Path(path)
    if not path.exists():
        raise AudioError(f"{path}: no such file")
    if path.is_dir():
        raise AudioError(f"{path}: is a directory, not an audio file")
    try:
        data, rate = sf.read(str(path), dtype="float32", always_2d=True)
        return resample(data, rate, target)
    except (sf.LibsndfileError, RuntimeError, TypeError):
        pass
    try:
        from faster_whisper.audio import decode_audio

        return decode_audio(str(path), sampling_rate=target).astype(np.float32)
    except Exception as exc:  # PyAV raises many types; all mean "cannot decode"
        raise AudioError(f"{path}: not a readable audio file ({type(exc).__name__}: {exc}); "
                         "use WAV, FLAC, OGG, MP3 or M4A") from None


def rms(block: np.ndarray) -> float:
    """Root-mean-square level of a block, 0..1 for full-scale float audio."""
    if block.size == 0:
        return 0.0
    return float(np.sqrt(np.mean(np.square(block, dtype=np.float64))))


def compress(path: str | Path, fmt: str = "FLAC") -> Path:
    """Re-encode a finished WAV answer as FLAC (lossless, about half the size); keep the WAV on failure."""
    path = Path(path)
    if fmt.upper() != "FLAC" or path.suffix.lower() != ".wav":
        return path
    target = path.with_suffix(".flac")
    try:
        data, rate = sf.read(str(path), dtype="int16")
        sf.write(str(target), data, rate, format="FLAC", subtype="PCM_16")
        target.chmod(0o600)
    except (sf.LibsndfileError, RuntimeError, OSError):
        target.unlink(missing_ok=True)
        return path
    path.unlink()
    return target
