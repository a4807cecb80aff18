"""Real transcription with the bundled tiny.en model on real human speech."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest
import soundfile as sf

from voiceprep.cli.main import main
from voiceprep.core.analysis.text import wer
from voiceprep.settings import TranscriptionSettings
from voiceprep.speech.audio import AudioError, load_audio
from voiceprep.speech.transcriber import ModelError, Transcriber, resolve_model_path

# per-clip WER bounds, a little above what tiny.en reaches here (measured 2026-11-22)
WER_BOUND = {"jfk.wav": 0.10, "LJ001-0001.wav": 0.10, "LJ001-0002.wav": 0.20, "LJ001-0003.wav": 0.20,
             "LJ001-0004.wav": 0.20}


def references(speech_dir):
    with open(speech_dir / "references.tsv", newline="") as f:
        return [(r["file"], r["reference"]) for r in csv.DictReader(f, delimiter="\t")]


@pytest.mark.slow
def test_each_shared_clip_is_transcribed_within_its_wer_bound(speech_dir, transcriber):
    refs = references(speech_dir)
    assert {f for f, _ in refs} == set(WER_BOUND)
    for file, ref in refs:
        result = transcriber.transcribe(speech_dir / file)
        assert wer(ref, result.text) <= WER_BOUND[file], (file, result.text)
        words = result.words()
        assert words and all(w.end >= w.start for w in words)
        assert words[-1].end <= result.duration + 0.5


def test_22khz_audio_is_resampled_to_16khz(speech_dir):
    info = sf.info(str(speech_dir / "LJ001-0001.wav"))
    assert info.samplerate == 22050
    audio = load_audio(speech_dir / "LJ001-0001.wav")
    assert audio.dtype == np.float32 and abs(len(audio) / 16000 - info.duration) < 0.01


def test_stereo_44k_file_is_converted(tmp_path, speech_dir, transcriber):
    mono = load_audio(speech_dir / "jfk.wav", target=44100)
    sf.write(tmp_path / "stereo.flac", np.stack([mono, mono], axis=1), 44100)
    audio = load_audio(tmp_path / "stereo.flac")
    assert audio.ndim == 1 and abs(len(audio) / 16000 - len(mono) / 44100) < 0.01
    assert "ask not what your country" in transcriber.transcribe(audio).text.lower()


def test_unreadable_audio_and_bad_model_path_give_clear_errors(tmp_path):
    bad = tmp_path / "notes.wav"
    bad.write_text("not audio")
    with pytest.raises(AudioError, match="not a readable audio file"):
        load_audio(bad)
    with pytest.raises(ModelError, match="model directory not found"):
        resolve_model_path(tmp_path / "nope")
    (tmp_path / "empty-model").mkdir()
    with pytest.raises(ModelError, match="missing model.bin"):
        Transcriber(TranscriptionSettings(model_path=str(tmp_path / "empty-model")))


@pytest.mark.slow
def test_cli_transcribe_json_has_segments_and_words(speech_dir, capsys):
    assert main(["transcribe", str(speech_dir / "jfk.wav"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"text", "language", "duration", "model", "segments"}
    word = data["segments"][0]["words"][0]
    assert set(word) == {"start", "end", "word", "probability"}
    assert data["language"] == "en" and 10.5 < data["duration"] < 11.5


def test_cli_errors_are_one_line_without_traceback(tmp_path, capsys):
    assert main(["transcribe", str(tmp_path / "missing.wav")]) == 1
    err = capsys.readouterr().err
    assert err.strip().count("\n") == 0 and "no such file" in err
    assert main(["transcribe", str(tmp_path), "--model", str(tmp_path)]) == 1
    assert "directory" in capsys.readouterr().err


def test_dropped_speech_is_detected(speech_dir):
    from voiceprep.core.transcript import Segment, Transcript, Word
    from voiceprep.speech.transcriber import dropped_speech

    audio = load_audio(speech_dir / "jfk.wav")                     # 11 s, speech nearly throughout
    every_second = [Word(float(i), i + 0.5, " w") for i in range(11)]
    complete = Transcript("w", "en", 11.0, "t", [Segment(0, 11, "w", every_second)])
    skipped = Transcript("w", "en", 11.0, "t", [Segment(0, 11, "w", every_second[:2] + every_second[9:])])
    assert not dropped_speech(audio, complete)
    assert dropped_speech(audio, skipped)                          # 6.5 s of speech with no words
    silence = np.zeros(16000 * 8, dtype=np.float32)
    assert not dropped_speech(silence, Transcript("", "en", 8.0, "t", []))


@pytest.mark.slow
def test_cli_shows_progress_for_long_files(tmp_path, speech_dir, capsys):
    long = tmp_path / "long-answer.flac"
    sf.write(long, np.tile(load_audio(speech_dir / "jfk.wav"), 4), 16000)         # 44 s
    assert main(["transcribe", str(long)]) == 0
    captured = capsys.readouterr()
    assert captured.out.lower().count("ask not what your country") >= 3
    lines = [line for line in captured.err.splitlines() if line.startswith("Transcribing long-answer.flac: ")]
    assert lines and lines[-1].startswith("Transcribing long-answer.flac: 100% (0:44 of 0:44)")
