"""Reading audio: block by block, and a killed recording's WAV read to the end of what is on disk."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
import soundfile as sf

from voiceprep.speech.audio import AudioError, audio_duration, compress, iter_audio, load_audio
from voiceprep.speech.wavwriter import StreamingWav


def stale_wav(tmp_path, speech_dir):
    """What a kill -9 leaves: 11 s on disk, but the header was last patched at 8 s."""
    audio = load_audio(speech_dir / "jfk.wav")
    w = StreamingWav(tmp_path / "rec.wav", 16000)
    w.write(audio[:8 * 16000])
    w.flush()
    w.write(audio[8 * 16000:])
    w._f.flush()                                   # the bytes reach the file, the header is not patched
    killed = tmp_path / "killed.wav"
    shutil.copy(w.path, killed)
    w.close()
    return killed, audio


def test_a_stale_wav_header_does_not_hide_audio_on_disk(tmp_path, speech_dir):
    killed, audio = stale_wav(tmp_path, speech_dir)
    assert abs(sf.info(str(killed)).duration - 8.0) < 0.01          # what the header claims
    assert abs(audio_duration(killed) - len(audio) / 16000) < 0.01
    recovered = load_audio(killed)
    assert len(recovered) == len(audio)
    assert np.max(np.abs(recovered - audio)) < 1e-3
    flac = compress(killed)                                          # kept answers keep the whole tail too
    assert abs(sf.info(str(flac)).duration - len(audio) / 16000) < 0.01


def test_a_wav_with_a_chunk_after_its_data_keeps_its_declared_length(tmp_path, speech_dir):
    path = tmp_path / "tagged.wav"
    sf.write(path, load_audio(speech_dir / "jfk.wav"), 16000, subtype="PCM_16")
    with open(path, "ab") as f:                     # a LIST chunk after the data, as editors write
        f.write(b"LIST" + (26).to_bytes(4, "little") + b"INFOISFT" + (14).to_bytes(4, "little") + b"voiceprep tst\0")
    assert len(load_audio(path)) == sf.info(str(path)).frames


def test_long_files_are_read_in_bounded_blocks(tmp_path, speech_dir):
    one = load_audio(speech_dir / "LJ001-0001.wav", target=44100)
    path = tmp_path / "long.flac"
    sf.write(path, np.tile(one, 8), 44100)                           # 78 s at 44.1 kHz
    blocks = list(iter_audio(path, block_s=10.0))
    assert len(blocks) >= 7 and max(len(b) for b in blocks) <= 10.5 * 16000
    assert abs(sum(len(b) for b in blocks) / 16000 - 8 * len(one) / 44100) < 0.05


def test_compressed_formats_are_decoded_too(tmp_path, speech_dir):
    import av

    audio = load_audio(speech_dir / "jfk.wav")
    path = tmp_path / "answer.m4a"
    with av.open(str(path), "w") as out:
        stream = out.add_stream("aac", rate=16000)
        frame = av.AudioFrame.from_ndarray((audio * 32767).astype(np.int16)[None, :], format="s16", layout="mono")
        frame.sample_rate = 16000
        for packet in stream.encode(frame):
            out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    decoded = load_audio(path)
    assert abs(len(decoded) / 16000 - 11.0) < 0.2


def test_missing_empty_and_foreign_files_are_named(tmp_path):
    with pytest.raises(AudioError, match="no such file"):
        load_audio(tmp_path / "nope.wav")
    (tmp_path / "empty.wav").write_bytes(b"")
    with pytest.raises(AudioError, match="empty.wav"):
        load_audio(tmp_path / "empty.wav")
    (tmp_path / "notes.txt").write_text("my answer notes")
    with pytest.raises(AudioError, match="not a readable audio file") as raised:
        load_audio(tmp_path / "notes.txt")
    assert "Errno" not in str(raised.value) and "Invalid data" not in str(raised.value)   # no decoder text


def test_frame_levels_are_each_whole_frames_rms_or_its_energy():
    """The one computation of per-frame levels (the live commit's cut, the decoder's silent words)."""
    from voiceprep.speech.audio import frame_levels, rms

    audio = np.random.default_rng(1).normal(0, 0.1, 1000).astype(np.float32)
    levels = frame_levels(audio, 160)
    assert len(levels) == 6                                              # the partial last frame left out
    assert [float(v) for v in levels] == [rms(audio[i:i + 160]) for i in range(0, 960, 160)]
    assert np.allclose(frame_levels(audio, 160, squared=True), np.square(levels), rtol=1e-12, atol=0)
    assert len(frame_levels(audio[:100], 160)) == 0
