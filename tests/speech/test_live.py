"""Live transcription logic: commits, silence handling and reuse of the last pass at stop."""

from __future__ import annotations

import numpy as np
import pytest

from voiceprep.core.analysis.text import wer
from voiceprep.settings import TranscriptionSettings
from voiceprep.speech.audio import load_audio
from voiceprep.speech.live import LiveTranscriber

JFK = "And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country."


def feed(live, audio, block=1600):
    for i in range(0, len(audio), block):
        live.feed(audio[i:i + block])


@pytest.mark.slow
def test_trailing_silence_reuses_the_last_pass(transcriber, speech_dir):
    audio = load_audio(speech_dir / "jfk.wav")
    live = LiveTranscriber(transcriber, TranscriptionSettings(live_step_s=1.0))
    live.start()
    feed(live, audio)
    import time

    deadline = time.time() + 30
    while (live._last is None or live._last.end < len(audio)) and time.time() < deadline:
        time.sleep(0.05)
    feed(live, np.zeros(16000 * 3, dtype=np.float32))       # what the silence auto-stop records
    passes = live.passes
    transcript = live.finish()
    assert live.final_reused and live.passes == passes      # no extra pass after the stop
    assert wer(JFK, transcript.text) <= 0.15


@pytest.mark.slow
def test_long_answer_commits_segments_and_keeps_memory_bounded(transcriber, speech_dir):
    clips = [load_audio(speech_dir / f) for f in ("LJ001-0001.wav", "LJ001-0003.wav", "jfk.wav")]
    audio = np.concatenate(clips)
    live = LiveTranscriber(transcriber, TranscriptionSettings(live_step_s=1.0, live_commit_s=6.0))
    live.start()
    import time

    for i in range(0, len(audio), 1600):
        live.feed(audio[i:i + 1600])
        time.sleep(0.02)            # ~5x real time, so passes interleave with feeding
    transcript = live.finish()
    assert live.stream.committed, "segments were committed while the answer went on"
    assert live.stream._base > 0, "committed audio was dropped from memory"
    assert "ask not what your country" in transcript.text.lower()
    assert transcript.segments == sorted(transcript.segments, key=lambda s: s.start)
    assert "woodcutter" in transcript.text.lower().replace(" ", "")     # "wood cutters", "woodcutter"…
