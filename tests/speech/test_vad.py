"""has_speech: silence, noise and hum are not an answer; real speech, even soft or noisy, is."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf

from voiceprep.speech.audio import load_audio
from voiceprep.speech.vad import has_speech, speech_seconds

RATE = 16000
rng = np.random.default_rng(0)


@pytest.mark.parametrize("name, audio", [
    ("silence", np.zeros(RATE * 20, dtype=np.float32)),
    ("white noise", rng.normal(0, 0.05, RATE * 20).astype(np.float32)),
    ("loud white noise", rng.normal(0, 0.2, RATE * 20).astype(np.float32)),
    ("mains hum", (0.1 * np.sin(2 * np.pi * 50 * np.arange(RATE * 20) / RATE)).astype(np.float32)),
    ("rumble", (np.cumsum(rng.normal(0, 0.01, RATE * 20)) / 50).astype(np.float32)),
])
def test_no_speech_in_silence_or_noise(name, audio):
    assert not has_speech(audio), name


@pytest.mark.parametrize("gain, noise", [(1.0, 0.0), (0.05, 0.0), (1.0, 0.05)])
def test_real_speech_is_found_soft_or_noisy(speech_dir, gain, noise):
    audio = load_audio(speech_dir / "jfk.wav") * gain
    audio = audio + rng.normal(0, noise, len(audio)).astype(np.float32) if noise else audio
    assert has_speech(audio) and speech_seconds(audio) > 5.0


def test_a_file_is_checked_block_by_block(tmp_path, speech_dir):
    silent = tmp_path / "silent.flac"
    sf.write(silent, rng.normal(0, 0.02, RATE * 70).astype(np.float32), RATE)
    assert not has_speech(silent)
    late = tmp_path / "late.flac"                       # one sentence after a minute of room noise
    sf.write(late, np.concatenate([rng.normal(0, 0.02, RATE * 60).astype(np.float32),
                                   load_audio(speech_dir / "LJ001-0002.wav")]), RATE)
    assert has_speech(late)
    assert has_speech(speech_dir / "jfk.wav")
