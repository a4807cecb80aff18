"""Real pyttsx3/espeak-ng speech: rendering, and the round trip through the transcriber."""

from __future__ import annotations

import pytest
import soundfile as sf

from voiceprep.cli.main import main
from voiceprep.core.analysis.text import wer
from voiceprep.speech.tts import Speaker, TTSError


def test_render_waits_for_the_file_and_writes_22khz_mono(speaker, tmp_path):
    out = speaker.render("Tell me about the hardest problem you solved.", out=tmp_path / "p.wav")
    info = sf.info(str(out))
    assert info.samplerate == 22050 and info.channels == 1 and info.duration > 1.5


def test_renders_are_cached_and_serialised(speaker):
    a = speaker.render("First prompt.")
    b = speaker.render("Second prompt, a little longer than the first.")
    assert a != b and sf.info(str(b)).duration > sf.info(str(a)).duration
    assert speaker.render("First prompt.") == a


def test_voices_are_listed(speaker):
    voices = speaker.voices()
    assert any("en" in v.id for v in voices)


def test_empty_text_is_refused(speaker):
    with pytest.raises(TTSError, match="empty"):
        speaker.render("   ")


def test_playback_without_an_output_device_raises_a_clear_error(speaker, monkeypatch):
    import sounddevice as sd

    def no_device(*a, **k):
        raise sd.PortAudioError("Error querying device -1")
    monkeypatch.setattr(sd, "OutputStream", no_device)
    with pytest.raises(TTSError, match="no audio output device.*shown as text"):
        speaker.say("Hello.")


@pytest.mark.slow
def test_round_trip_text_to_speech_to_text(speaker, transcriber, tmp_path):
    text = ("I proposed the Disruptor because our order matching engine suffered from lock contention. "
            "Latency dropped by forty percent.")
    wav = speaker.render(text, out=tmp_path / "answer.wav")
    assert wer(text, transcriber.transcribe(wav).text) <= 0.25


def test_cli_say_writes_a_wav(tmp_path, capsys):
    out = tmp_path / "say.wav"
    assert main(["say", "Why Airwallex?", "--out", str(out), "--rate", "150"]) == 0
    assert sf.info(str(out)).duration > 0.5
    assert main(["say", "x", "--voice", "no-such-voice", "--out", str(out)]) == 1
    assert "unknown voice" in capsys.readouterr().err


def test_a_changed_rate_applies_to_the_very_next_render(tmp_path):
    """pyttsx3 queues property changes; a new rate used to be ignored for the next render."""
    fast, slow = Speaker(rate=400, cache_dir=tmp_path), Speaker(rate=175, cache_dir=tmp_path)
    text = "Tell me about the hardest problem you solved."
    durations = []
    for i, s in enumerate([fast, slow, slow, fast, slow, fast]):
        durations.append((s.rate, sf.info(str(s.render(text, out=tmp_path / f"{i}.wav"))).duration))
    for rate, seconds in durations:
        assert (seconds < 1.6) if rate == 400 else (seconds > 2.2), durations
