"""`voiceprep transcribe` and `score --audio` run several times in one process."""

from __future__ import annotations

import json

import pytest

from voiceprep.cli.main import main


@pytest.mark.slow
def test_commands_in_one_process_load_the_model_once_per_settings(speaker, tmp_path, capsys, monkeypatch):
    """The CLI's tests run 18 transcriptions in one process; each loaded tiny.en again (0.3-2.5 s) before."""
    from voiceprep.cli import speech_cmd
    from voiceprep.speech.transcriber import Transcriber, default_model_path

    loads: list[str] = []
    real = Transcriber._load_one
    monkeypatch.setattr(Transcriber, "_load_one", lambda self: loads.append(str(self.model_path)) or real(self))
    monkeypatch.setattr(speech_cmd, "_loaded", [])
    wav = speaker.render("We cut the checkout latency by forty percent.", out=tmp_path / "a.wav")
    texts = []
    for args in (["transcribe", str(wav), "--json"], ["transcribe", str(wav), "--json"],
                 ["transcribe", str(wav), "--json", "--model", str(default_model_path())]):
        assert main(args) == 0
        texts.append(json.loads(capsys.readouterr().out)["text"].lower())
    assert all("check" in t and "40" in t for t in texts) and len(set(texts)) == 1, texts
    # the same settings twice: one load; other settings (a model named on the command line): a load of their own
    assert len(loads) == 2, loads


def test_a_long_file_says_it_is_transcribing_at_once_and_dumb_terminals_get_no_carriage_return(tmp_path, capsys,
                                                                                                 monkeypatch):
    """walk48 3: nothing on screen for the first 27 s of a 5-minute file (the first progress came at 6 %); under
    TERM=dumb the progress line still used \\r."""
    import numpy as np
    import soundfile as sf

    from voiceprep.cli import speech_cmd

    wav = tmp_path / "long.wav"
    sf.write(wav, np.zeros(16000 * 40, dtype=np.float32), 16000)

    class Stuck:
        def transcribe(self, audio, hotwords=None, progress=None):
            raise KeyboardInterrupt          # the first block: whatever was said came before it

    monkeypatch.setattr(speech_cmd, "loaded_transcriber", lambda settings: Stuck())
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    for term, start in (("xterm", "\rTranscribing long.wav: 0% (0:00 of 0:40)"),
                        ("dumb", "Transcribing long.wav: 0% (0:00 of 0:40)\n")):
        monkeypatch.setenv("TERM", term)
        with pytest.raises(KeyboardInterrupt):
            speech_cmd.transcribe_file(wav)
        assert capsys.readouterr().err.startswith(start), term


def test_say_without_a_speaker_shows_the_text_and_says_what_to_do(tmp_path, capsys, monkeypatch):
    """walk48 6: "no audio output device (...); the prompt is shown as text", exit 1, and nothing shown; and
    `say --list-voices` wanted a dummy text."""
    from voiceprep.speech.tts import NoAudioOutput, Speaker

    def no_device(self, wav, **kwargs):
        raise NoAudioOutput("no audio output device (Error querying device -1); the prompt is shown as text")

    monkeypatch.setattr(Speaker, "render", lambda self, text, out=None: tmp_path / "x.wav")
    monkeypatch.setattr(Speaker, "play", no_device)
    assert main(["say", "Tell me about a project."]) == 1
    out, err = capsys.readouterr()
    assert out == "Tell me about a project.\n"
    assert "no audio output device (Error querying device -1): the text above was not spoken" in err
    assert "--out FILE.wav" in err and "shown as text" not in err
    assert main(["say"]) == 1
    assert "nothing to say: give the text in quotes" in capsys.readouterr().err
    assert main(["say", "--list-voices"]) == 0
    assert capsys.readouterr().out.strip()


def test_transcribe_with_a_bank_hears_its_words_as_score_and_the_app_do(tmp_path, capsys, monkeypatch):
    """walk48/fixBR: `transcribe` had no --bank, so it wrote "a hidden potency key" where `score --audio` (the bank's
    words as hotwords) wrote "idempotency key". Both now ask the transcriber with `bank.terms(prompt, settings)`, as the
    app does; --bank alone gives the bank's words for any of its questions."""
    import numpy as np
    import soundfile as sf

    from voiceprep.cli import speech_cmd
    from voiceprep.core.banks import BankRegistry
    from voiceprep.core.transcript import Transcript
    from voiceprep.settings import Settings

    wav = tmp_path / "a.wav"
    sf.write(wav, np.zeros(16000, dtype=np.float32), 16000)
    asked: list[list[str] | None] = []

    class Heard:
        def transcribe(self, audio, hotwords=None, progress=None):
            asked.append(hotwords)
            return Transcript.from_text("an idempotency key")

    monkeypatch.setattr(speech_cmd, "loaded_transcriber", lambda settings: Heard())
    bank = BankRegistry.discover().get("airwallex")
    prompt = bank.prompt("hardest-problem")
    settings = Settings.load().transcription
    assert main(["transcribe", str(wav), "--bank", "airwallex", "--prompt", "hardest-problem"]) == 0
    assert main(["transcribe", str(wav), "--bank", "airwallex"]) == 0
    assert main(["transcribe", str(wav)]) == 0
    assert asked == [bank.terms(prompt, settings), bank.terms(None, settings), None]
    assert asked[0] != asked[1]                     # the question's own terms come first
    capsys.readouterr()
    assert main(["transcribe", str(wav), "--prompt", "hardest-problem"]) == 1
    assert "--prompt needs --bank" in capsys.readouterr().err
    assert main(["transcribe", str(wav), "--bank", "airwallex", "--prompt", "nope"]) == 1
    assert "hardest-problem" in capsys.readouterr().err          # an unknown id lists the bank's ids, as score does


def test_transcribe_fits_the_terminal_and_is_one_line_when_piped(tmp_path, capsys, monkeypatch):
    """fixBR wrapped score's transcript; `transcribe` printed it as one line past 80 columns on a terminal. Wrapped
    to the terminal now; piped, the transcript stays one line."""
    import numpy as np
    import soundfile as sf

    from voiceprep.cli import speech_cmd
    from voiceprep.core.transcript import Transcript

    wav = tmp_path / "a.wav"
    sf.write(wav, np.zeros(16000, dtype=np.float32), 16000)
    said = "We kept a single writer on the ring buffer and measured the latency under replayed traffic " * 3

    class Heard:
        def transcribe(self, audio, hotwords=None, progress=None):
            return Transcript.from_text(said)

    monkeypatch.setattr(speech_cmd, "loaded_transcriber", lambda settings: Heard())
    monkeypatch.setenv("COLUMNS", "60")
    monkeypatch.setattr("sys.stdout.isatty", lambda: False)
    assert main(["transcribe", str(wav)]) == 0
    piped = capsys.readouterr().out.splitlines()
    assert len(piped) == 1 and len(piped[0]) > 60
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main(["transcribe", str(wav)]) == 0
    shown = capsys.readouterr().out.splitlines()
    assert len(shown) > 1 and max(map(len, shown)) <= 60 and " ".join(" ".join(shown).split()) == piped[0].strip(), shown
