"""The stop cue is a short, quiet tone rendered in code, with no click at either end."""

from __future__ import annotations

import numpy as np

from voiceprep.speech.cue import RATE, stop_tone


def test_the_stop_cue_is_short_quiet_and_fades_in_and_out():
    tone = stop_tone(volume=0.15)
    assert tone.dtype == np.float32 and 0.15 <= len(tone) / RATE <= 0.4
    assert 0.12 <= float(np.abs(tone).max()) <= 0.15 + 1e-6
    assert abs(tone[0]) < 0.01 and abs(tone[-1]) < 0.01
    assert float(np.abs(stop_tone(volume=0.05)).max()) <= 0.05 + 1e-6
