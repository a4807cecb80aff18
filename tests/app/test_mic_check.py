"""The microphone test says what it heard: speech, only noise, or only silence (walkthrough 4)."""

from __future__ import annotations

import numpy as np
import soundfile as sf

from voiceprep.app.listening import NOISE, SILENCE, SPEECH, mic_check, mic_check_text
from voiceprep.settings import Settings


def test_speech_noise_and_silence_are_told_apart(tmp_path, speech_dir):
    s = Settings()
    level, least = s.audio.silence_rms, s.history.min_answer_speech_s
    rng = np.random.default_rng(1)
    sf.write(tmp_path / "noise.wav", (rng.standard_normal(48000) * 0.05).astype("float32"), 16000)   # a fan
    sf.write(tmp_path / "hum.wav", (0.05 * np.sin(2 * np.pi * 50 * np.arange(48000) / 16000)).astype("float32"), 16000)
    sf.write(tmp_path / "quiet.wav", (rng.standard_normal(48000) * level / 4).astype("float32"), 16000)
    verdicts = {name: mic_check(tmp_path / f"{name}.wav", level, least)[0] for name in ("noise", "hum", "quiet")}
    assert verdicts == {"noise": NOISE, "hum": NOISE, "quiet": SILENCE}
    verdict, seconds = mic_check(speech_dir / "jfk.wav", level, least)
    assert verdict == SPEECH and seconds > 3


def test_each_outcome_says_what_to_do():
    assert mic_check_text(SPEECH, 2.04, "USB mic").startswith("Speech heard (2.0 s) from USB mic: the microphone works")
    assert "Only noise, no speech" in mic_check_text(NOISE, 0, "USB mic")
    assert "test again" in mic_check_text(NOISE, 0, "USB mic")
    quiet = mic_check_text(SILENCE, 0, "USB mic")
    assert quiet.startswith("Only silence") and "muted" in quiet and "test again" in quiet


def test_a_chosen_microphone_not_connected_is_named_and_what_records_meanwhile_is_said():
    """walk45 5: Settings and Welcome back say a saved microphone is not connected; with no microphone at all they
    do not promise the system default."""
    from voiceprep.app.listening import missing_microphone_text

    assert missing_microphone_text("Jabra") == ("“Jabra” — not connected; answers use the system default until you "
                                                "plug it in or choose another.")
    alone = missing_microphone_text("Jabra", welcome=True, others=False)
    assert alone == ("Your microphone “Jabra” is not connected; no other microphone was found: plug it in, or "
                     "rehearse with Import audio or Type answer.")


def test_an_answer_recorded_on_the_system_default_says_so():
    """review36b: with the chosen microphone unplugged the answer was recorded on another one and nothing said it
    (Welcome back says it only when it was unplugged at the app's start)."""
    from voiceprep.app.listening import stood_in_text

    said = stood_in_text("Jabra", "Built-in Mic")
    assert said == ("Your microphone “Jabra” is not connected: this answer is recorded with “Built-in Mic”. Plug it in, "
                    "or choose another in Settings.")


def test_a_test_of_a_microphone_not_connected_says_the_system_default_is_tested():
    """review36b 4: "Test (3 s)" on "Jabra — not connected" recorded the system default and read as if the choice
    were fine; it says so before it records and with the outcome."""
    from voiceprep.app.listening import testing_default_text

    assert testing_default_text("Jabra") == ("“Jabra” isn't connected — testing the system default instead. "
                                             "Recording 3 s… speak now")
    done = mic_check_text(SPEECH, 2.0, "Built-in Mic")
    assert testing_default_text("Jabra", done) == ("“Jabra” isn't connected, so the system default was tested: "
                                                   "Speech heard (2.0 s) from Built-in Mic: the microphone works. "
                                                   "You are ready to rehearse.")
