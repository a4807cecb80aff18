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


class _JumpingDecoder:
    """A decoder seam that jumps over speech the way tiny.en did with a prompt (dev answer pay-py-01: "Most" at
    0.0 s, then "of" at 20.4 s): whenever `jumps(context, hotwords)` says so, it hears the first and the last
    second only; else a word every 0.4 s of the window."""

    def __init__(self, jumps):
        self.jumps, self.calls = jumps, []

    def decode(self, audio, *, offset=0.0, context=None, hotwords=None, cancelled=None):
        from voiceprep.core.transcript import Word
        from voiceprep.speech.decoder import PassResult

        self.calls.append((context, hotwords))
        seconds = len(audio) / 16000
        times = [0.0, seconds - 1.0] if self.jumps(context, hotwords) else np.arange(0.0, seconds - 0.5, 0.4)
        return PassResult(words=[Word(offset + t, offset + t + 0.3, " w") for t in times])


@pytest.mark.slow
@pytest.mark.parametrize("jumps, prompt_kept", [
    (lambda context, hotwords: hotwords is not None, True),    # the bank's terms did it: heard without them
    (lambda context, hotwords: context is not None, False),    # the prompt did it: heard without any
])
def test_a_window_decode_that_jumps_over_speech_is_decoded_again(speech_dir, jumps, prompt_kept):
    """Session 14: 6 of 382 judge-corpus answers (dev, test and holdout) lost 20-50 words or most of a short answer:
    a window's decode jumped over seconds of speech or timed one word over 7 s of it, and only a whole answer given
    as samples was checked. Each window is checked now, and decoded again without hotwords, then without a prompt."""
    from voiceprep.speech.stream import WordStream

    audio = load_audio(speech_dir / "jfk.wav")                     # 11 s, speech nearly throughout
    decoder = _JumpingDecoder(jumps)
    stream = WordStream(decoder, hotwords="Kafka, asyncio", filler_prompt="Um, uh, hmm.")
    stream.feed(audio)
    words = stream.decode(0, len(audio))
    assert len(words) >= 20 and words[1].start < 1.0, [w.start for w in words]
    context, hotwords = decoder.calls[-1]
    assert hotwords is None and (context is not None) == prompt_kept, decoder.calls


@pytest.mark.slow
def test_a_pause_between_words_is_not_taken_for_skipped_speech(speech_dir):
    """A real pause (silence between two stretches of speech) is no jump: one decode, no second."""
    from voiceprep.speech.stream import WordStream

    clip = load_audio(speech_dir / "LJ001-0001.wav")[:16000 * 4]
    audio = np.concatenate([clip, np.zeros(16000 * 5, dtype=np.float32), clip])
    decoder = _JumpingDecoder(lambda context, hotwords: False)
    decoder.decode = lambda a, **kw: _pause_words(a, kw.get("offset", 0.0), decoder)
    stream = WordStream(decoder, hotwords="Kafka")
    stream.feed(audio)
    stream.decode(0, len(audio))
    assert len(decoder.calls) == 1


def _pause_words(audio, offset, decoder):
    from voiceprep.core.transcript import Word
    from voiceprep.speech.decoder import PassResult

    decoder.calls.append(None)
    times = [t for t in np.arange(0.0, len(audio) / 16000 - 0.5, 0.4) if not 4.2 < t < 8.8]    # nothing in the pause
    return PassResult(words=[Word(offset + t, offset + t + 0.3, " w") for t in times])


@pytest.mark.slow
def test_a_spoken_answer_that_tiny_en_jumped_over_keeps_its_words(transcriber):
    """The real case: dev answer pay-py-01 as espeak-ng spoke it (its first 26 s, the samples as rendered, 22 kHz),
    the payments bank's terms as hotwords. tiny.en heard "Maybe" at 20.0 s and nothing before it: 21 words."""
    from pathlib import Path

    from voiceprep.core.banks import load_bank
    from voiceprep.paths import bundled_banks_dir

    bank = load_bank(bundled_banks_dir() / "senior-backend-payments.toml")
    transcript = transcriber.transcribe(Path(__file__).parent / "data" / "jumped-over-with-hotwords.flac",
                                        hotwords=bank.terms())
    said = ("Most of what a payment service does is wait on something, the processor, the bank, the database, so I "
            "write them on asyncio. One event loop per process, an async HTTP client with a shared connection pool "
            "per provider, and a semaphore capping how many calls are in flight to each provider, so a slow bank "
            "can't eat all our connections. Anything CPU-heavy or any library that blocks goes into a thread pool,")
    assert transcript.words()[1].start < 1.0, transcript.text
    assert wer(said, " ".join(transcript.text.split()[:len(said.split())])) <= 0.45, transcript.text


@pytest.mark.slow
def test_a_short_answer_with_a_banks_terms_is_not_repeated(transcriber):
    """walk54 2 (fixCP): a 10 s answer `voiceprep say` rendered (22 kHz, as rendered), scored with the Airwallex
    bank's why-airwallex terms as hotwords: tiny.en's one pass looped its last two sentences into the window's end
    and the transcript said them twice and ended "Our" (pace 240 words/min in History). Without the terms it did not."""
    from pathlib import Path

    from voiceprep.core.banks import load_bank
    from voiceprep.paths import bundled_banks_dir

    bank = load_bank(bundled_banks_dir() / "airwallex.toml")
    transcript = transcriber.transcribe(Path(__file__).parent / "data" / "loop-with-hotwords.flac",
                                        hotwords=bank.terms(bank.prompt("why-airwallex"), transcriber.settings))
    said = ("Airwallex builds business accounts in many currencies and global transfers. Our problem at HoYoverse "
            "was multi-region monitoring. I cut alert latency to 7 milliseconds.")
    assert transcript.text.lower().count("milliseconds") == 1, transcript.text
    assert len(transcript.words()) <= len(said.split()) + 2, transcript.text
    assert wer(said, transcript.text) <= 0.2, transcript.text


def test_the_model_decodes_on_one_worker(transcriber):
    """mem23: an answer's passes run one at a time (speech/live.py), so CTranslate2's second worker served only a
    crash's answer recovered at start; it kept its own working set: one long spoken answer (200 s at 6x,
    bench/voice_peak.py) peaked at 448-452 MB with two workers and 396-408 MB with one, its transcript no later."""
    assert transcriber.load().model.num_workers == 1


def test_a_model_that_replaces_another_loads_once_its_given_up_window_is_done(transcriber, speech_dir, monkeypatch):
    """review36b 7: a model changed right after Cancel import loaded while the given-up window still ran on the old
    model: both at once (bench/model_switch_peak.py: peak 468-532 MB against 404 MB waiting, base after tiny.en)."""
    import threading
    import time

    from voiceprep.settings import TranscriptionSettings
    from voiceprep.speech.audio import load_audio
    from voiceprep.speech.decoder import Cancel
    from voiceprep.speech.transcriber import Transcriber

    d = transcriber.decoder()
    generating, release = threading.Event(), threading.Event()

    class Held:
        def __init__(self, model):
            self.model = model

        def generate(self, *args, **kwargs):
            generating.set()
            release.wait(30)
            return self.model.generate(*args, **kwargs)

        def __getattr__(self, name):
            return getattr(self.model, name)
    monkeypatch.setattr(d.model, "model", Held(d.model.model))
    cancel = Cancel()
    given_up = threading.Thread(target=lambda: d.decode(load_audio(speech_dir / "jfk.wav"), cancelled=cancel))
    given_up.start()
    assert generating.wait(30)
    cancel.set()
    given_up.join(5)
    assert not given_up.is_alive() and transcriber.busy()
    new = Transcriber(TranscriptionSettings(cpu_threads=1))
    new.replaces(transcriber)
    assert new.finishing_old()
    loading = threading.Thread(target=new.load)
    loading.start()
    time.sleep(0.5)
    assert new._model is None, "the new model loaded beside the old one's window"
    release.set()
    loading.join(60)
    assert new._model is not None and new.waited_s >= 0.4 and not transcriber.busy() and not new.finishing_old()


@pytest.mark.slow
def test_the_disruptor_questions_own_vocabulary_hears_single_writer(transcriber, tmp_path):
    """walk64 5 (hints50): tiny.en heard "a ring buffer with a single rider" in the Disruptor answer. The Airwallex
    bank's hardest-problem question has its own vocabulary ("ring buffer", "single writer", "sequencer"), hinted for
    its answers only: the sentence in the app's voice is heard "single writer" with that question's terms (main's
    hints: "single rider" twice)."""
    from voiceprep.core.banks import load_bank
    from voiceprep.paths import bundled_banks_dir
    from voiceprep.speech.tts import Speaker

    bank = load_bank(bundled_banks_dir() / "airwallex.toml")
    audio = Speaker(cache_dir=tmp_path).render("I replaced the locks with a ring buffer with a single writer, and a "
                                              "sequencer hands out the slots, so there is a single writer for every slot.")
    heard = transcriber.transcribe(audio, hotwords=bank.terms(bank.prompt("hardest-problem"), transcriber.settings))
    assert heard.text.lower().count("single writer") == 2, heard.text
