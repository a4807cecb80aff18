"""A crash mid-answer: the next start finds the audio and finishes the attempt."""

from __future__ import annotations

import pytest

from voiceprep.core.history import queries
from voiceprep.core.history.recovery import recover
from voiceprep.settings import AudioSettings
from voiceprep.speech.recorder import FileStream, Recorder


@pytest.mark.slow
def test_unfinished_attempts_are_recovered_or_marked(history, bank, speech_dir, transcriber, tmp_path):
    prompt = bank.prompt("hardest-problem")
    audio = history.new_audio_path()
    crashed = history.begin_attempt(bank, prompt, audio_path=audio)
    rec = Recorder(audio, AudioSettings(silence_stop_s=0), 120,
                   stream_factory=FileStream(speech_dir / "jfk.wav", realtime=False))
    rec.start()
    rec.wait(10)                         # the app "dies" here: the attempt is never finished
    nothing = history.begin_attempt(bank, prompt, audio_path=tmp_path / "never-written.wav")
    assert {r["id"] for r in history.unfinished()} == {crashed, nothing}

    results = {r.attempt_id: r for r in recover(history, transcriber.transcribe)}
    assert results[crashed].outcome == "finished" and results[nothing].outcome == "failed"
    row = queries.get_attempt(history, crashed)
    assert row["state"] == "done" and "ask not what your country" in row["transcript"].lower()
    assert history.attempt_row(nothing)["state"] == "failed"
    assert history.unfinished() == []
