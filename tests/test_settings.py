"""settings.json keeps what the candidate chose, and only that."""

from __future__ import annotations

import json

from voiceprep.settings import FITTED, Settings


def test_saving_writes_only_what_differs_from_the_defaults(tmp_path):
    """Walkthrough 4: saving the voice once froze every threshold and the judge's 13 weights in settings.json, so a
    later version's refitted judge would have run with this version's weights."""
    path = tmp_path / "settings.json"
    s = Settings()
    s.speech.voice = "piper:en_US-joe-medium"
    s.practice.think_seconds = 10
    s.save(path)
    assert json.loads(path.read_text()) == {"speech": {"voice": "piper:en_US-joe-medium"},
                                            "practice": {"think_seconds": 10}}
    again = Settings.load(path)
    assert again.speech.voice == "piper:en_US-joe-medium" and again.practice.think_seconds == 10
    assert again.analysis == Settings().analysis


def test_a_file_from_an_older_version_cannot_pin_the_judges_fitted_values(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"analysis": {"judge_weights": [0.0] * 13, "judge_threshold": 0.9,
                                             "measured_filler_recall": 0.1, "wpm_high": 170}}))
    s = Settings.load(path)
    fresh = Settings().analysis
    assert s.analysis.judge_weights == fresh.judge_weights and s.analysis.judge_threshold == fresh.judge_threshold
    assert s.analysis.measured_filler_recall == fresh.measured_filler_recall
    assert s.analysis.wpm_high == 170                        # a threshold the candidate can set is kept
    s.save(path)
    assert all(name not in json.loads(path.read_text()).get(group, {}) for group, name in FITTED)


def test_a_new_user_hears_the_natural_voice_and_a_chosen_voice_is_kept(tmp_path):
    """Walkthrough 9: the interviewer spoke with espeak ("Default voice") though Joe was installed. The default is
    now "auto" (the natural voice when it works here); choosing the standard voice (None) is saved and kept."""
    from voiceprep.speech.tts import AUTO_VOICE

    assert Settings().speech.voice == AUTO_VOICE
    path = tmp_path / "settings.json"
    Settings().save(path)
    assert json.loads(path.read_text()) == {}                   # a user who never chose follows the default
    s = Settings()
    s.speech.voice = None
    s.save(path)
    assert json.loads(path.read_text()) == {"speech": {"voice": None}}
    assert Settings.load(path).speech.voice is None
    path.write_text(json.dumps({"speech": {"voice": "gmw/en-us"}, "audio": {"silence_rms": None}}))
    loaded = Settings.load(path)
    assert loaded.speech.voice == "gmw/en-us" and loaded.audio.silence_rms == 0.01   # null only where None is allowed
