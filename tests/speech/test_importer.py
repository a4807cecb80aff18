"""Import audio: any length, through the live path, with progress, cancel and errors in plain words."""

from __future__ import annotations

import threading

import numpy as np
import pytest
import soundfile as sf

from voiceprep.core.analysis.text import wer
from voiceprep.speech.audio import AudioError, load_audio
from voiceprep.speech.importer import import_answer
from voiceprep.speech.stream import TranscriptionCancelled

LAST = "I wonder if incorporating that into the design of a remote control might be useful, so you've got a " \
       "little LCD display."


@pytest.fixture(scope="module")
def five_minutes(tmp_path_factory, speech_dir):
    """Five minutes of real speech (read and spontaneous), ending with the spontaneous clip's last sentence."""
    clips = [load_audio(speech_dir / f) for f in ("jfk.wav", "LJ001-0001.wav", "LJ001-0003.wav", "LJ001-0004.wav")]
    ending = load_audio(speech_dir.parent / "speech-spontaneous" / "ami_es2004c_FEE016_b.wav")
    gap = np.zeros(8000, dtype=np.float32)
    parts: list[np.ndarray] = []
    while sum(len(p) for p in parts) < (300 - 27) * 16000:
        for c in clips:
            parts += [c, gap]
    path = tmp_path_factory.mktemp("import") / "five-minutes.flac"
    sf.write(path, np.concatenate(parts + [ending]), 16000)
    return path


@pytest.mark.slow
def test_a_five_minute_answer_is_imported_whole_with_progress(five_minutes, transcriber, tmp_path):
    progress: list[float] = []
    answer = import_answer(five_minutes, tmp_path / "copy.wav", transcriber, on_progress=progress.append)
    seconds = sf.info(str(five_minutes)).duration
    assert answer.recording.reason == "end_of_file" and abs(answer.recording.seconds - seconds) < 0.2
    assert abs(sf.info(str(tmp_path / "copy.wav")).duration - seconds) < 0.2
    text = answer.transcript.text
    assert answer.transcript.words()[-1].end > seconds - 2.0             # ends where the audio ends
    assert wer(LAST, " ".join(text.split()[-len(LAST.split()):])) <= 0.2, text[-300:]
    assert text.lower().count("not what your country") >= 8              # every repetition, none skipped
    assert progress == sorted(progress) and progress[-1] == 1.0 and len(set(progress)) >= 5


@pytest.mark.slow
def test_an_import_can_be_cancelled(five_minutes, transcriber, tmp_path):
    cancel = threading.Event()
    seen: list[float] = []

    def progress(fraction: float) -> None:
        seen.append(fraction)
        if fraction > 0.1:
            cancel.set()
    with pytest.raises(TranscriptionCancelled):
        import_answer(five_minutes, tmp_path / "copy.wav", transcriber, on_progress=progress, cancel=cancel)
    assert seen and max(seen) < 0.9
    assert not (tmp_path / "copy.wav").exists()


def test_importing_what_is_not_audio_says_so(tmp_path, transcriber):
    notes = tmp_path / "answer.m4a"
    notes.write_text("these are my notes, not a recording")
    with pytest.raises(AudioError) as err:
        import_answer(notes, tmp_path / "copy.wav", transcriber)
    assert "answer.m4a" in str(err.value) and "use WAV, FLAC, OGG, MP3 or M4A" in str(err.value)
    assert not (tmp_path / "copy.wav").exists()
