"""The stop cue: a short, quiet two-note tone rendered in code (no sound file, no dependency), played when the
silence stop ends an answer, so a candidate looking away hears that the recording stopped (walk24)."""

from __future__ import annotations

import numpy as np

RATE = 16000
NOTES = ((660.0, 0.09), (440.0, 0.14))      # a falling pair: Hz, seconds
FADE_S = 0.012


def stop_tone(volume: float = 0.15, rate: int = RATE) -> np.ndarray:
    """The cue's samples (mono float32), peaking at `volume`; each note fades in and out (no click)."""
    parts = []
    for freq, seconds in NOTES:
        t = np.arange(int(rate * seconds)) / rate
        note = np.sin(2 * np.pi * freq * t)
        fade = min(int(rate * FADE_S), len(t) // 2)
        ramp = np.linspace(0.0, 1.0, fade)
        note[:fade] *= ramp
        note[len(note) - fade:] *= ramp[::-1]
        parts.append(note)
    return (np.concatenate(parts) * volume).astype(np.float32)


def play_stop_cue(volume: float = 0.15) -> bool:
    """Play the cue on the default output; False where there is none (the cue is a courtesy, never an error)."""
    from voiceprep.speech.player import PlaybackError, Player

    try:
        return Player().play_samples(stop_tone(volume), RATE)
    except PlaybackError:
        return False
