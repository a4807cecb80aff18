"""Is anything said at all? Silero VAD (shipped with faster-whisper) over the audio, after a cheap level check.

The app uses it to refuse storing a silent answer ("I didn't hear an answer"): a quiet room, hum or fan noise
has a level but no speech.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from voiceprep.speech.audio import TARGET_RATE, iter_audio, rms

MIN_SPEECH_S = 0.5          # less speech than this in a whole answer is not an answer
BLOCK_S = 0.1
QUIET_RMS = 0.003           # no 100 ms block louder than this: silence, the VAD is not even run


def _loud_enough(samples: np.ndarray) -> bool:
    block = int(BLOCK_S * TARGET_RATE)
    return any(rms(samples[i:i + block]) >= QUIET_RMS for i in range(0, len(samples), block))


def speech_seconds(samples: np.ndarray) -> float:
    """Seconds of speech the VAD finds in 16 kHz mono samples."""
    samples = np.asarray(samples, dtype=np.float32).reshape(-1)
    if not len(samples) or not _loud_enough(samples):
        return 0.0
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    chunks = get_speech_timestamps(samples, VadOptions(min_speech_duration_ms=200, min_silence_duration_ms=300,
                                                       speech_pad_ms=0))
    return sum(c["end"] - c["start"] for c in chunks) / TARGET_RATE


def has_speech(audio: np.ndarray | str | Path, min_speech_s: float = MIN_SPEECH_S) -> bool:
    """True if the samples (16 kHz mono) or the audio file contain at least `min_speech_s` of speech.

    A file is read in blocks and the answer is known as soon as enough speech is found.
    """
    if isinstance(audio, np.ndarray):
        return speech_seconds(audio) >= min_speech_s
    found = 0.0
    for block in iter_audio(audio, block_s=30.0):
        found += speech_seconds(block)
        if found >= min_speech_s:
            return True
    return False
