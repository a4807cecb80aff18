"""has_speech: silence, noise and hum are not an answer; real speech, even soft or noisy, is. speech_spans and
snap_to_speech: word times where the speech is."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf

from voiceprep.core.transcript import Word
from voiceprep.settings import AnalysisSettings
from voiceprep.speech.audio import load_audio
from voiceprep.speech.vad import has_speech, snap_to_speech, speech_seconds, speech_spans

RATE = 16000
rng = np.random.default_rng(0)


@pytest.mark.parametrize("name, audio", [
    ("silence", np.zeros(RATE * 20, dtype=np.float32)),
    ("white noise", rng.normal(0, 0.05, RATE * 20).astype(np.float32)),
    ("loud white noise", rng.normal(0, 0.2, RATE * 20).astype(np.float32)),
    ("mains hum", (0.1 * np.sin(2 * np.pi * 50 * np.arange(RATE * 20) / RATE)).astype(np.float32)),
    ("rumble", (np.cumsum(rng.normal(0, 0.01, RATE * 20)) / 50).astype(np.float32)),
])
def test_no_speech_in_silence_or_noise(name, audio):
    assert not has_speech(audio), name


@pytest.mark.parametrize("gain, noise", [(1.0, 0.0), (0.05, 0.0), (1.0, 0.05)])
def test_real_speech_is_found_soft_or_noisy(speech_dir, gain, noise):
    audio = load_audio(speech_dir / "jfk.wav") * gain
    audio = audio + rng.normal(0, noise, len(audio)).astype(np.float32) if noise else audio
    assert has_speech(audio) and speech_seconds(audio) > 5.0


def test_a_file_is_checked_block_by_block(tmp_path, speech_dir):
    silent = tmp_path / "silent.flac"
    sf.write(silent, rng.normal(0, 0.02, RATE * 70).astype(np.float32), RATE)
    assert not has_speech(silent)
    late = tmp_path / "late.flac"                       # one sentence after a minute of room noise
    sf.write(late, np.concatenate([rng.normal(0, 0.02, RATE * 60).astype(np.float32),
                                   load_audio(speech_dir / "LJ001-0002.wav")]), RATE)
    assert has_speech(late)
    assert has_speech(speech_dir / "jfk.wav")


def test_seconds_and_spans_ask_the_vad_one_way_and_not_at_all_in_a_quiet_room(speech_dir, monkeypatch):
    """fixO: speech_seconds and speech_spans share one prelude (`_speech_chunks`): the samples flattened to float32,
    the VAD not run when nothing is loud enough, its chunks unpadded; each with its own minimum speech and silence."""
    from faster_whisper import vad as silero

    from voiceprep.speech import vad

    audio = load_audio(speech_dir / "jfk.wav")
    chunks = vad._speech_chunks(audio, vad.SECONDS_MIN_SPEECH_MS, vad.SECONDS_SILENCE_MS)
    assert speech_seconds(audio) == sum(c["end"] - c["start"] for c in chunks) / RATE > 5.0
    column = audio.reshape(-1, 1).astype(np.float64)             # a recorder's (n, 1) block, as another dtype
    assert speech_seconds(column) == speech_seconds(audio)
    spans = speech_spans(audio, offset=3.0)
    assert speech_spans(column, offset=3.0) == spans
    assert len(spans) == len(vad._speech_chunks(audio, vad.SPAN_MIN_SPEECH_MS, vad.SPAN_SILENCE_MS)) > 1
    assert spans[0][0] >= 3.0

    def no_vad(*_a, **_k):
        raise AssertionError("the VAD was run on a quiet room")
    monkeypatch.setattr(silero, "get_speech_timestamps", no_vad)
    for quiet in (np.full((RATE * 2, 1), 0.001), np.zeros(0, dtype=np.float32)):
        assert speech_seconds(quiet) == 0.0 and speech_spans(quiet) == []


def test_speech_spans_split_at_a_pause_and_start_at_the_sound(speech_dir):
    """Two real sentences, 1 s of silence before and 2 s between them, 10 s into the answer: the spans start
    within 0.1 s of where the sound starts and end within 0.15 s of where it ends (measured in the audio: 10 ms
    frames above 0.02 RMS; Silero's ends are 0.04-0.12 s late), and only the 2 s pause splits them by 1 s or more."""
    clips = [load_audio(speech_dir / f) for f in ("LJ001-0002.wav", "LJ001-0004.wav")]
    silence = [np.zeros(int(s * RATE), dtype=np.float32) for s in (1.0, 2.0)]
    audio = np.concatenate([silence[0], clips[0], silence[1], clips[1]])

    def sound(clip, at):
        frames = clip[:len(clip) // 160 * 160].reshape(-1, 160)
        loud = np.flatnonzero(np.sqrt(np.mean(frames ** 2, axis=1)) >= 0.02)
        return at + loud[0] / 100, at + (loud[-1] + 1) / 100
    first = sound(clips[0], 11.0)
    second = sound(clips[1], 11.0 + (len(clips[0]) + 2 * RATE) / RATE)
    spans = speech_spans(audio, offset=10.0)
    assert spans[0][0] == pytest.approx(first[0], abs=0.1) and spans[-1][1] == pytest.approx(second[1], abs=0.15)
    between = [(a, b) for a, b in zip([e for _, e in spans], [s for s, _ in spans[1:]]) if b - a >= 1.0]
    assert len(between) == 1, spans
    assert between[0] == pytest.approx((first[1], second[0]), abs=0.15)
    assert speech_spans(np.zeros(RATE * 5, dtype=np.float32)) == []
    assert speech_spans(rng.normal(0, 0.05, RATE * 5).astype(np.float32)) == []


def test_a_pause_between_spans_reads_as_long_as_the_silence(speech_dir, speaker):
    """fixL's leftover: Silero's speech ends are late (0.04-0.16 s), so every gap between spans read short and a true
    pause just over `long_pause_s` came out under it (the Pauses card missed it). Eight real sentences (espeak-ng and
    LJ Speech), each `long_pause_s` + 0.05 s of silence (sound to sound, 10 ms frames above 0.02 RMS) after the one
    before: in the median the spans end within 0.05 s of the sound's end (+0.03 s; the old spans +0.11 s) and their
    gaps are the silence within 0.08 s (-0.05 s, the spans' starts are padded; the old gaps -0.13 s)."""
    texts = ["Latency was spiking under load during the busiest trading hours.",
             "So I proposed the LMAX Disruptor, a ring buffer between the threads.",
             "We measured the ninety ninth percentile before and after every change.",
             "In the end the spikes were gone and the on call pages dropped by half."]
    clips = [load_audio(speaker.render(t)) for t in texts]
    clips += [load_audio(speech_dir / f"LJ001-000{i}.wav") for i in (1, 2, 3, 4)]
    silence = AnalysisSettings().long_pause_s + 0.05

    def sound(clip):
        frames = clip[:len(clip) // 160 * 160].reshape(-1, 160)
        loud = np.flatnonzero(np.sqrt(np.mean(frames ** 2, axis=1)) >= 0.02)
        return loud[0] / 100, (loud[-1] + 1) / 100
    parts, truth, at = [np.zeros(RATE, dtype=np.float32)], [], 1.0
    for clip in clips:
        a, b = sound(clip)
        if truth:
            n = int(round((truth[-1][1] + silence - at - a) * RATE))
            parts.append(np.zeros(n, dtype=np.float32))
            at += n / RATE
        truth.append((at + a, at + b))
        parts.append(clip)
        at += len(clip) / RATE
    spans = speech_spans(np.concatenate(parts))
    ends = [max(e for s, e in spans if s < b) - b for _, b in truth]
    gaps = [s2 - e1 for (_, e1), (s2, _) in zip(spans, spans[1:]) if s2 - e1 >= 1.0]
    assert len(gaps) == len(clips) - 1, spans
    assert abs(float(np.median(ends))) <= 0.05, np.round(ends, 3)
    assert abs(float(np.median(gaps)) - silence) <= 0.08, (np.round(gaps, 3), silence)


def test_a_word_stretched_over_a_silence_is_cut_to_its_sound():
    """walk37's words: "So" timed over the 4 s pause before it, "load." into it; a first word timed from 0.00."""
    spans = [(1.0, 4.4), (8.5, 10.0)]
    words = [Word(0.0, 1.3, " Latency", 0.9), Word(1.3, 4.8, " load."), Word(4.8, 9.0, " So"),
             Word(9.0, 9.4, " I"), Word(9.4, 9.9, " proposed")]
    snapped = snap_to_speech(words, spans)
    assert [(w.word, w.start, w.end) for w in snapped] == [
        (" Latency", 1.0, 1.3), (" load.", 1.3, 4.4), (" So", 8.5, 9.0), (" I", 9.0, 9.4), (" proposed", 9.4, 10.0)]
    assert snapped[0].probability == 0.9 and words[2].start == 4.8          # a copy: the pass's words are kept


def test_a_word_goes_to_the_span_it_overlaps_most_and_one_the_vad_did_not_hear_keeps_its_time():
    """"so" overlaps the first span 0.5 s and the second 0.3 s: it is cut to the first, and "right", the second's
    only word, covers all of its sound. "um" overlaps no span: kept as it was."""
    spans = [(1.0, 2.0), (2.1, 2.6)]
    words = [Word(0.2, 0.6, " um"), Word(0.9, 1.5, " yes"), Word(1.5, 2.4, " so"), Word(2.4, 3.5, " right")]
    snapped = snap_to_speech(words, spans)
    assert [(w.start, w.end) for w in snapped] == [(0.2, 0.6), (1.0, 1.5), (1.5, 2.0), (2.1, 2.6)]
    assert snap_to_speech(words, []) == words


def test_a_sentences_last_word_run_on_into_the_pause_stays_before_it():
    """Review29: " next." timed 16.9-20.4 over speech at 15-17.3 and 19.8-22 overlaps the later span more, and was
    moved after the pause (19.8-20.4): the pause was right, the word after it was not. A word that ends its sentence
    stays in the span it started in; a word that does not end one still goes where it overlaps most."""
    spans = [(15.0, 17.3), (19.8, 22.0)]
    words = [Word(15.0, 16.9, " went"), Word(16.9, 20.4, " next."), Word(20.4, 21.5, " Then")]
    snapped = snap_to_speech(words, spans)
    assert [(w.word, w.start, w.end) for w in snapped] == [
        (" went", 15.0, 16.9), (" next.", 16.9, 17.3), (" Then", 19.8, 22.0)]
    unended = snap_to_speech([Word(15.0, 16.9, " went"), Word(16.9, 20.4, " So")], spans)
    assert (unended[1].start, unended[1].end) == (19.8, 22.0)
