"""`voiceprep doctor`'s speech line names the voice the app speaks with (walk24: it said pyttsx3 where Settings said
the natural voice, Joe, was the default)."""

from __future__ import annotations

from pathlib import Path

from voiceprep.cli import doctor_cmd
from voiceprep.settings import Settings
from voiceprep.speech import piper_voice, tts

VOICES = [tts.Voice(piper_voice.VOICE_ID, piper_voice.VOICE_NAME, ("en-us",)),
          tts.Voice("gmw/en-GB-scotland", "English (Scotland)", ("en-gb-scotland",))]


def fake_engines(monkeypatch, fails: str | None = None) -> list[str | None]:
    """Voices and renders without the engines' processes; returns the voices rendered with."""
    used: list[str | None] = []

    def render(self, text: str, out: Path | None = None) -> Path:
        used.append(self.voice)
        self.fallback_reason = fails
        assert out is not None
        out.write_bytes(b"RIFF" + bytes(100))
        return out
    monkeypatch.setattr(tts.Speaker, "voices", lambda self: list(VOICES))
    monkeypatch.setattr(tts.Speaker, "render", render)
    return used


def test_doctor_names_the_voice_settings_names(monkeypatch, data_home):
    used = fake_engines(monkeypatch)
    check = doctor_cmd.check_tts()                       # the default: the natural voice when it is installed
    assert check.status == doctor_cmd.OK and used == [tts.AUTO_VOICE]
    assert check.detail.startswith(f"Default: {piper_voice.VOICE_NAME}, as in Settings"), check.detail
    assert "pyttsx3" not in check.detail
    settings = Settings.load()
    settings.speech.voice = "gmw/en-GB-scotland"         # a voice chosen in Settings
    settings.save()
    check = doctor_cmd.check_tts()
    assert used[-1] == "gmw/en-GB-scotland" and check.detail.startswith("English (Scotland), as in Settings"), check


def test_doctor_warns_when_the_chosen_voice_falls_back(monkeypatch, data_home):
    fake_engines(monkeypatch, fails="onnxruntime is not installed")
    check = doctor_cmd.check_tts()
    assert check.status == doctor_cmd.WARN
    assert "cannot speak here (onnxruntime is not installed): the standard voice speaks instead" in check.detail
