"""Is anything said, and where? Silero VAD (shipped with faster-whisper) over the audio, after a cheap level check.

The app uses it to refuse storing a silent answer ("I didn't hear an answer"): a quiet room, hum or fan noise
has a level but no speech. And it puts word times where the speech is (`snap_to_speech`): Whisper's
cross-attention alignment stretches the word next to a silence over it (walk37: " So" timed 12.41-16.87 s over a
4 s pause, so the pause was not seen; every answer's first word started at 0.00).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from voiceprep.core.transcript import Word
from voiceprep.speech.audio import TARGET_RATE, iter_audio, rms

MIN_SPEECH_S = 0.5          # less speech than this in a whole answer is not an answer
BLOCK_S = 0.1
QUIET_RMS = 0.003           # no 100 ms block louder than this: silence, the VAD is not even run
SECONDS_MIN_SPEECH_MS = 200     # speech_seconds: shorter bursts are not speech
SECONDS_SILENCE_MS = 300        # ... and silences this long split the speech
SPAN_SILENCE_MS = 200       # speech spans for word times are split at silences this long (not a stop's closure)
SPAN_MIN_SPEECH_MS = 100    # ... and shorter bursts (a click) are not speech
SPAN_PAD_S = 0.05           # a span starts this much before the VAD's onset (measured 0.00-0.08 s late on espeak-ng)
# ... and ends this much before the VAD's end: Silero's ends are late (fixN, against the sound: median +0.05 s on
# espeak-ng, +0.13 on LJ Speech, +0.04 on jfk's and AMI's pauses; +0.01 to +0.16 in all), so gaps read 0.04-0.17 s
# short and a true pause just over `AnalysisSettings.long_pause_s` was missed. Trimmed, ends and gaps are centred
SPAN_END_TRIM_S = 0.08


def _loud_enough(samples: np.ndarray) -> bool:
    block = int(BLOCK_S * TARGET_RATE)
    return any(rms(samples[i:i + block]) >= QUIET_RMS for i in range(0, len(samples), block))


def _speech_chunks(samples: np.ndarray, min_speech_ms: int, min_silence_ms: int) -> list[dict[str, int]]:
    """The VAD's speech chunks ({"start", "end"} in samples) in 16 kHz mono samples, with no padding: none, and the
    VAD not even run, when no block is louder than QUIET_RMS."""
    samples = np.asarray(samples, dtype=np.float32).reshape(-1)
    if not len(samples) or not _loud_enough(samples):
        return []
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    return list(get_speech_timestamps(samples, VadOptions(min_speech_duration_ms=min_speech_ms,
                                                          min_silence_duration_ms=min_silence_ms, speech_pad_ms=0)))


def speech_seconds(samples: np.ndarray) -> float:
    """Seconds of speech the VAD finds in 16 kHz mono samples."""
    chunks = _speech_chunks(samples, SECONDS_MIN_SPEECH_MS, SECONDS_SILENCE_MS)
    return sum(c["end"] - c["start"] for c in chunks) / TARGET_RATE


def speech_spans(samples: np.ndarray, offset: float = 0.0) -> list[tuple[float, float]]:
    """Where the VAD hears speech in 16 kHz mono samples: (start, end) in seconds, shifted by `offset`, split at
    silences of SPAN_SILENCE_MS or more; each span widened by SPAN_PAD_S at its start and cut by SPAN_END_TRIM_S at
    its end, where the sound is."""
    spans: list[tuple[float, float]] = []
    for c in _speech_chunks(samples, SPAN_MIN_SPEECH_MS, SPAN_SILENCE_MS):
        start = max(c["start"] / TARGET_RATE - SPAN_PAD_S, spans[-1][1] - offset if spans else 0.0, 0.0)
        end = max(c["end"] / TARGET_RATE - SPAN_END_TRIM_S, c["start"] / TARGET_RATE)
        spans.append((offset + start, offset + end))
    return spans


def snap_to_speech(words: list[Word], spans: list[tuple[float, float]]) -> list[Word]:
    """The words' times where the speech is. Each word is cut to the speech span it overlaps most (a word stretched
    over a silence starts where the sound starts and ends where it ends); then a span's first word starts where the
    span starts and its last word ends where it ends, when no other word is there (Whisper also starts a word after
    a pause 0.1-0.2 s late). A word that overlaps no span (the VAD missed a quiet word, or heard no speech at all)
    keeps its time. The words stay in order and never overlap."""
    out: list[Word] = []
    owner: list[int | None] = []
    for w in words:
        overlaps = [(min(w.end, b) - max(w.start, a), k) for k, (a, b) in enumerate(spans) if a < w.end and b > w.start]
        k = max(overlaps)[1] if overlaps else None      # ties: the later span (the speech after a pause)
        # a sentence's last word run on into the pause after it ends its sentence where it started, not after the
        # pause (review29: " next." timed 16.9-20.4 over speech 15-17.3 and 19.8-22 was moved to 19.8)
        if k is not None and w.word.rstrip().endswith((".", "?", "!")):
            k = next((j for j, (a, b) in enumerate(spans[:k]) if a <= w.start < b), k)
        a, b = spans[k] if k is not None else (w.start, w.end)
        out.append(Word(start=round(max(w.start, a), 3), end=round(min(w.end, b), 3), word=w.word,
                        probability=w.probability))
        owner.append(k)
    for i, k in enumerate(owner):
        if k is None:
            continue
        a, b = spans[k]
        if (i == 0 or owner[i - 1] != k) and (i == 0 or out[i - 1].end <= a):
            out[i].start = round(min(out[i].start, a), 3)
        if (i == len(out) - 1 or owner[i + 1] != k) and (i == len(out) - 1 or out[i + 1].start >= b):
            out[i].end = round(max(out[i].end, b), 3)
    return out


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
