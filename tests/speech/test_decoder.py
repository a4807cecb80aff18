"""One pass over a window: padded to 10 s (not 30 s), words timed inside the audio, loops cut."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from voiceprep.core.transcript import Word
from voiceprep.speech.audio import load_audio
from voiceprep.speech.decoder import (
    MIN_WINDOW_S,
    Cancel,
    copies_itself,
    drop_silent_words,
    ends_in_copy,
    normalise_filler,
    trim_repeats,
)


def test_a_short_window_is_encoded_at_10_s_not_30(transcriber, speech_dir):
    d = transcriber.decoder()
    mel, frames = d._features(load_audio(speech_dir / "LJ001-0002.wav"))        # 1.9 s
    assert mel.shape[-1] == int(MIN_WINDOW_S * 100) and 185 <= frames <= 195
    mel, _ = d._features(np.zeros(16000 * 40, dtype=np.float32))
    assert mel.shape[-1] == 3000                                                 # never more than Whisper sees


def test_words_are_timed_inside_the_audio(transcriber, speech_dir):
    audio = load_audio(speech_dir / "jfk.wav")
    result = transcriber.decoder().decode(audio, offset=100.0)
    words = result.words
    assert "ask not what your country" in result.text.lower()
    assert words[0].start >= 100.0 and words[-1].end <= 100.0 + len(audio) / 16000
    assert all(a.start <= b.start for a, b in zip(words, words[1:]))


def test_a_long_context_and_many_bank_terms_never_overflow_the_prompt(transcriber, speech_dir):
    """Issue 9.2: "The length of the prompt is 304 ... exceeds the max_length of the Whisper model: 448"."""
    context = " ".join(["the ring buffer with a single writer and a sequencer"] * 60)
    terms = ", ".join(f"Term{i}" for i in range(300))
    audio = np.tile(load_audio(speech_dir / "jfk.wav"), 3)[:16000 * 30]
    result = transcriber.decoder().decode(audio, context=context, hotwords=terms)
    assert "ask not" in result.text.lower()


def test_silence_is_not_decoded(transcriber):
    assert transcriber.decoder().decode(np.zeros(16000 * 5, dtype=np.float32)).words == []


def test_a_window_that_can_be_cancelled_decodes_the_same_words(transcriber, speech_dir):
    """With a cancel event (not set) the window is decoded on the decoder's own thread: the same words."""
    audio = np.tile(load_audio(speech_dir / "jfk.wav"), 2)
    d = transcriber.decoder()
    plain, cancellable = d.decode(audio, context="Kennedy"), d.decode(audio, context="Kennedy",
                                                                      cancelled=Cancel())
    assert plain.words == cancellable.words and "ask not" in plain.text.lower()
    assert not d._lock.locked()


class HeldModel:
    """The model wrapped so a generation ends only when the test sets `release` (`started` says it began, `aligned`
    that the alignment ran)."""

    def __init__(self, model, started, release, aligned=None):
        self.model, self.started, self.release, self.aligned = model, started, release, aligned

    def generate(self, *args, **kwargs):
        self.started.set()
        self.release.wait(10)
        return self.model.generate(*args, **kwargs)

    def align(self, *args, **kwargs):
        if self.aligned is not None:
            self.aligned.set()
        return self.model.align(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.model, name)


def test_a_cancel_mid_window_gives_the_window_up_at_once(transcriber, speech_dir, monkeypatch):
    """fixAZ: Cancel import waited for the window being decoded (4-8 s under load, fixAV). A cancel while the model
    works on a window returns at once; the model's pass runs on to the end of its stage, skips the rest, and frees
    the model after it (one window at a time)."""
    import threading
    import time

    d = transcriber.decoder()
    release, started, aligned = threading.Event(), threading.Event(), threading.Event()

    monkeypatch.setattr(d.model, "model", HeldModel(d.model.model, started, release, aligned))
    cancelled = Cancel()
    got: list = []
    worker = threading.Thread(target=lambda: got.append(d.decode(load_audio(speech_dir / "jfk.wav"),
                                                                 cancelled=cancelled)))
    worker.start()
    assert started.wait(30)
    began = time.monotonic()
    cancelled.set()
    worker.join(5)
    assert not worker.is_alive() and time.monotonic() - began < 1.0
    assert got[0].words == []
    assert d._lock.locked()                          # the generation still runs: no other window beside it
    release.set()
    assert d._lock.acquire(timeout=10)               # ... and frees the model when it ends, not aligning after it
    d._lock.release()
    assert not aligned.is_set()


def test_a_window_given_up_before_its_turn_never_reaches_the_model(transcriber, speech_dir, monkeypatch):
    """review36b: Cancel then Start then Cancel again while a given-up window still runs queued the second window
    behind it, and that window, cancelled before its turn, was still encoded in full (seconds of CPU on a 30 s
    window) before the cancel was looked at."""
    import threading

    d = transcriber.decoder()
    release, started = threading.Event(), threading.Event()
    encoded: list[int] = []

    class Model:                                     # a generation that ends only when the test says
        def __init__(self, model):
            self.model = model

        def encode(self, *args, **kwargs):
            encoded.append(1)
            return self.model.encode(*args, **kwargs)

        def generate(self, *args, **kwargs):
            started.set()
            release.wait(10)
            return self.model.generate(*args, **kwargs)

        def __getattr__(self, name):
            return getattr(self.model, name)
    monkeypatch.setattr(d.model, "model", Model(d.model.model))
    audio = load_audio(speech_dir / "jfk.wav")
    first, second = Cancel(), Cancel()
    runner = threading.Thread(target=lambda: d.decode(audio, cancelled=first))
    runner.start()
    assert started.wait(30)
    first.set()                                      # given up mid-generation: it runs on to the end of its stage
    runner.join(5)
    queued = threading.Thread(target=lambda: d.decode(audio, cancelled=second))
    queued.start()                                   # waits behind the given-up window ...
    second.set()                                     # ... and is given up before its turn
    queued.join(5)
    assert not queued.is_alive()
    release.set()
    assert d._lock.acquire(timeout=10)
    d._lock.release()
    d._thread.submit(lambda: None).result(10)        # the queue has drained
    assert encoded == [1], "a window cancelled before its turn was encoded"


def w(text: str, start: float, end: float) -> Word:
    return Word(start, end, " " + text)


def test_trailing_loops_are_cut():
    said = [w("so", 0.0, 0.3), w("we", 0.3, 0.5), w("shipped", 0.5, 0.9), w("it.", 0.9, 1.2)]
    assert trim_repeats(said + [w("Um,", 1.3, 1.3), w("um,", 1.3, 1.3), w("um,", 1.3, 1.3)]) == said + [w("Um,", 1.3, 1.3)]
    squeezed = [w("I", 1.2, 1.2), w("wonder", 1.2, 1.2), w("if", 1.2, 1.2), w("so", 1.2, 1.2)]
    assert trim_repeats(said + squeezed) == said
    again = [w("shipped", 1.2, 1.2), w("it.", 1.2, 1.2)]                        # "...shipped it. shipped it."
    assert trim_repeats(said + again) == said
    assert trim_repeats(said) == said
    real_repeat = [w("um,", 0.0, 0.3), w("um,", 0.5, 0.8)]                       # twice is speech
    assert trim_repeats(real_repeat) == real_repeat


def test_a_sentence_repeated_into_the_windows_last_frames_is_cut():
    """Walkthrough 9: one pass over 41-52 s emitted "So reliability really matter." twice (real model, replayed);
    the copy was squeezed into 51.86-51.92 s, its last word given the window's last 60 ms, so it was kept and the
    Repetition card said "said 2 times". These are the stored words."""
    said = [w("lost.", 49.9, 50.28), w("So", 50.72, 50.78), w("reliability", 50.78, 51.22), w("really", 51.22, 51.64),
            w("matter.", 51.64, 51.86)]
    copy = [w("So", 51.86, 51.86), w("reliability", 51.86, 51.86), w("really", 51.86, 51.86),
            w("matter.", 51.86, 51.92)]
    assert trim_repeats(said + copy) == said
    spoken_twice = said + [w("So", 52.3, 52.4), w("reliability", 52.4, 52.9), w("really", 52.9, 53.2),
                           w("matter.", 53.2, 53.5)]
    assert trim_repeats(spoken_twice) == spoken_twice                           # said twice: kept
    quick = [w("a", 0.0, 0.1), w("big", 0.1, 0.3), w("win,", 0.3, 0.5), w("big", 0.5, 0.62), w("win.", 0.62, 0.75)]
    assert trim_repeats(quick) == quick                                          # fast, but in time of its own


def test_a_two_sentence_loop_ending_in_the_start_of_a_third_copy_is_cut():
    """walk54 2 (fixCP): a 10.3 s `say` WAV with the Airwallex bank's terms as hotwords; tiny.en's pass emitted its
    last two sentences again, squeezed into 9.94 s, then "Our" to 10.28 s and four more words squeezed there. Cutting
    the four left the copy ending "… milliseconds. Our": a copy and a word, not a copy right after itself. These are
    the pass's words (the first ten left out)."""
    said = [w("transfers.", 3.52, 4.1), w("Our", 4.78, 5.04), w("problem", 5.04, 5.34), w("at", 5.34, 5.54),
            w("HoYoverse", 5.54, 6.16), w("was", 6.16, 6.36), w("multi-region", 6.36, 7.04), w("monitoring.", 7.04, 7.58),
            w("I", 7.98, 8.06), w("cut", 8.06, 8.2), w("alert", 8.2, 8.52), w("latency", 8.52, 8.9), w("to", 8.9, 9.22),
            w("7", 9.22, 9.5), w("milliseconds.", 9.5, 9.86)]
    copy = [w(x.word.strip(), 9.94, 9.94) for x in said[1:]]
    loop = copy + [w("Our", 9.94, 10.28)] + [w(x, 10.28, 10.28) for x in ("problem", "at", "HoYoverse", "was")]
    assert trim_repeats(said + loop) == said
    assert trim_repeats(said + loop[:-4]) == said
    spoken_again = said + [w(x.word.strip(), 10.0 + 0.3 * k, 10.25 + 0.3 * k) for k, x in enumerate(said[1:])]
    assert trim_repeats(spoken_again) == spoken_again                         # said twice, in time of its own: kept


def test_filler_spellings_are_unified():
    assert normalise_filler(" Umm,") == " Um,"
    assert normalise_filler(" uhh...") == " uh..."
    assert normalise_filler(" Hmmm?") == " Hmm?"
    assert normalise_filler(" summer") == " summer"


def test_many_window_lengths_do_not_grow_memory(speech_dir):
    """oneDNN kept a compiled primitive per window length (~2.3 MB each, up to 1024): a live session grew
    without end. Run in a fresh process, as the cache is read once, with the environment the app starts with."""
    import os
    import subprocess
    import sys

    probe = f"""
import numpy as np
from voiceprep.app import memory
memory.limit_arenas()
from voiceprep.speech.audio import load_audio
from voiceprep.speech.transcriber import Transcriber
clips = [load_audio(p) for p in sorted(__import__("pathlib").Path({str(speech_dir)!r}).glob("*.wav"))]
audio = np.concatenate(clips * 4)[:16000 * 30]
d = Transcriber().decoder()
d.decode(audio)                       # the longest window first: buffers reach their size
memory.release()
rss = lambda: int(open("/proc/self/statm").read().split()[1]) * 4096 / 2**20
before = rss()
for i in range(24):                   # 24 lengths never seen before
    d.decode(audio[:int(16000 * (10.2 + 0.4 * i))])
memory.release()
print(rss() - before)
"""
    env = {k: v for k, v in os.environ.items() if k != "ONEDNN_PRIMITIVE_CACHE_CAPACITY"}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=300, env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    grew = float(out.stdout.strip().splitlines()[-1])
    # measured: 12-18 MB with the capacity set, 56-57 MB with oneDNN's default
    assert grew < 35, f"memory grew {grew:.0f} MB over 24 window lengths"


def test_one_matrix_backend_on_every_cpu():
    """CTranslate2 picks Intel MKL on an Intel CPU, oneDNN elsewhere; the app's speed and memory were measured with
    oneDNN (the 40-answer session grew on an unmeasured machine), so it asks for oneDNN everywhere."""
    import os
    import subprocess
    import sys

    probe = """
from voiceprep.speech.transcriber import Transcriber
import os
Transcriber().decoder()
print(os.environ.get("CT2_USE_MKL"))
"""
    env = {k: v for k, v in os.environ.items() if k != "CT2_USE_MKL"} | {"CT2_VERBOSE": "1"}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=300, env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "0"
    assert "Use Intel MKL: false" in out.stderr and "SGEMM backend: DNNL" in out.stderr, out.stderr[-1500:]


def test_words_timed_over_silence_were_not_said():
    """Session 14: with the earlier text as prompt, seven seconds of silence after "Oh yeah" came out as the
    sentences before it again. A word is kept only where its audio (give or take 0.1 s) has an audible frame."""
    audio = np.zeros(16000 * 8, dtype=np.float32)
    audio[int(0.5 * 16000):int(1.0 * 16000)] = 0.05                      # "Oh yeah", then silence
    audio[int(6.0 * 16000):int(6.02 * 16000)] = 0.05                     # a click: one 20 ms frame
    words = [Word(10.5, 0.8 + 10, " Oh"), Word(10.8, 11.05, " yeah."), Word(12.0, 12.5, " Recording"),
             Word(12.5, 13.0, " things"), Word(15.9, 16.0, " Because")]
    kept = drop_silent_words(words, audio, offset=10.0, level=0.0025)
    assert [w.word for w in kept] == [" Oh", " yeah.", " Because"]
    assert drop_silent_words(words, np.zeros(1, dtype=np.float32), 10.0, 0.0025) == words   # nothing to judge by


def test_the_bank_terms_kept_in_the_prompt_are_whole_terms_within_the_cap(transcriber):
    """Session 17: the payments bank's terms took 60 tokens, cut at 50 mid-term ("..., 3-D Secure, 3DS" ended in
    half a term). Whole terms are kept, in their order, within HOTWORD_TOKENS."""
    from voiceprep.settings import HOTWORD_TOKENS

    d = transcriber.decoder()
    terms = ["Kafka", "Postgres", "idempotency keys", "chargebacks", "3-D Secure"] * 8
    kept = d.tokenizer.decode(d.hotword_tokens(", ".join(terms))).strip()
    assert 0 < len(d.hotword_tokens(", ".join(terms))) <= HOTWORD_TOKENS
    names = kept.split(", ")
    assert names == terms[:len(names)] and len(names) < len(terms), kept
    assert d.hotword_tokens("Kafka, asyncio") == d.tokenizer.encode(" Kafka, asyncio")      # all fit: as before


def _loop_clip_decode(transcriber, generated: list[tuple[int, list[int]]], looping_first: bool = False,
                      looping_mid: bool = False):
    """The loop clip decoded with why-airwallex's terms and the filler prompt, recording each generation's
    no_repeat and tokens; `looping_first`: the first generation is given a copy of its own last 12 tokens (what tiny.en
    generated on fixCS's machine), so the retry is exercised whatever this CPU's rounding makes of the clip;
    `looping_mid`: its 4 tokens before the middle three times more there, the rest after them (a loop that ends on
    something else, fixDD's live windows: "… your country. Printing. Printing. Printing. Printing can do for you")."""
    from pathlib import Path

    from voiceprep.core.banks import load_bank
    from voiceprep.paths import bundled_banks_dir

    bank = load_bank(bundled_banks_dir() / "airwallex.toml")
    terms = ", ".join(bank.terms(bank.prompt("why-airwallex"), transcriber.settings))
    d = transcriber.decoder()
    assert len(d.hotword_tokens(terms)) >= 30            # the long prompt of names that made it loop
    generate = d._generate

    def recorded(encoded, prompt, seconds, beam_size, no_repeat=0):
        result = generate(encoded, prompt, seconds, beam_size, no_repeat)
        if (looping_first or looping_mid) and not generated:
            tokens = [t for t in result.sequences_ids[0] if t < d.tokenizer.eot]
            half = len(tokens) // 2
            forced = tokens + tokens[-12:] if looping_first else tokens[:half] + tokens[half - 4:half] * 3 + tokens[half:]
            result = SimpleNamespace(sequences_ids=[forced], scores=result.scores, no_speech_prob=result.no_speech_prob)
        generated.append((no_repeat, [t for t in result.sequences_ids[0] if t < d.tokenizer.eot]))
        return result

    d._generate = recorded
    try:
        audio = load_audio(Path(__file__).parent / "data" / "loop-with-hotwords.flac")
        return d, d.decode(audio, context=transcriber.settings.filler_prompt, hotwords=terms)
    finally:
        del d._generate


def test_a_banks_terms_do_not_make_the_window_copy_its_own_text(transcriber):
    """fixCS item 3 (fixCX): loop-with-hotwords.flac ends right after its last word; with why-airwallex's terms and the
    filler prompt tiny.en generated its last two sentences again and "Our problem at HoYoverse was" to the token
    budget (64 tokens; trim_repeats cut them afterwards). A window ending in a copy of itself is generated again with
    no 4 tokens repeated: that one ends at once (fixCZ: only then, a spoken repeat is kept). Session 42: on another
    CPU (AVX2, no AVX-512) the same clip is generated cleanly at once, so the copy is also given to the decoder
    (`looping_first`) and the real retry must end it; the clip as it comes is heard once, retried only if it copied."""
    from voiceprep.settings import HOTWORD_NO_REPEAT_NGRAM

    generated: list[tuple[int, list[int]]] = []
    d, result = _loop_clip_decode(transcriber, generated, looping_first=True)
    assert [no_repeat for no_repeat, _ in generated] == [0, HOTWORD_NO_REPEAT_NGRAM], generated
    assert ends_in_copy(generated[0][1]) and not ends_in_copy(generated[1][1])
    retried = d.tokenizer.decode(generated[1][1])
    assert retried.lower().count("milliseconds") == 1 and retried.count("HoYoverse") == 1, retried
    assert "Airwallex" in result.text and result.text.rstrip(".").endswith("milliseconds"), result.text

    plain: list[tuple[int, list[int]]] = []
    _, result = _loop_clip_decode(transcriber, plain)
    first_copied = ends_in_copy(plain[0][1])
    assert [no_repeat for no_repeat, _ in plain] == ([0, HOTWORD_NO_REPEAT_NGRAM] if first_copied else [0]), plain
    assert result.text.lower().count("milliseconds") == 1 and result.text.count("HoYoverse") == 1, result.text
    assert "Airwallex" in result.text and result.text.rstrip(".").endswith("milliseconds"), result.text


def test_a_window_that_copies_itself_and_then_goes_on_is_generated_again(transcriber):
    """fixDD: four live windows with terms looped and then ended on something else ("… at present consent consent
    consent consent consent consent consent consent consent. Printing, in the only sense …"), so `ends_in_copy` let
    the loop through into the caption and the transcript. A copy of 8+ tokens anywhere in a window is a loop too:
    the window is generated again with no 4 tokens twice, as a window ending in one is."""
    from voiceprep.settings import HOTWORD_NO_REPEAT_NGRAM

    generated: list[tuple[int, list[int]]] = []
    d, result = _loop_clip_decode(transcriber, generated, looping_mid=True)
    first = generated[0][1]
    assert copies_itself(first) and not ends_in_copy(first), d.tokenizer.decode(first)
    assert [no_repeat for no_repeat, _ in generated] == [0, HOTWORD_NO_REPEAT_NGRAM], generated
    assert not copies_itself(generated[1][1]), d.tokenizer.decode(generated[1][1])
    assert result.text.lower().count("milliseconds") == 1 and result.text.count("HoYoverse") == 1, result.text
    assert "Airwallex" in result.text and result.text.rstrip(".").endswith("milliseconds"), result.text


def test_a_repeat_said_with_a_banks_terms_is_kept(transcriber, speaker):
    """fixCZ: with the Airwallex terms every window was generated with no 4 tokens twice (fixCX), which turned what was
    said twice into something else ("we have to measure first. We have to measure fast", "let me check for ledger",
    "you know" x3 -> x2). Only a window that ends in a copy of itself is generated so now; these are heard as said."""
    from voiceprep.core.banks import load_bank
    from voiceprep.paths import bundled_banks_dir

    bank = load_bank(bundled_banks_dir() / "airwallex.toml")
    terms = ", ".join(bank.terms(bank.prompt("why-airwallex"), transcriber.settings))
    d = transcriber.decoder()
    assert len(d.hotword_tokens(terms)) >= 30            # as many term tokens as made the looping clip loop
    said = {"The main thing I learned is that we have to measure first, we have to measure first before we change "
            "anything.": "we have to measure first",
            "The reconciliation job failed, so I said let me check the ledger, let me check the ledger again.":
            "let me check the ledger",
            "It was, you know, you know, you know, a hard quarter for the payments team in Singapore.": "you know"}
    for sentence, repeated in said.items():
        heard = d.decode(load_audio(speaker.render(sentence)), context=transcriber.settings.filler_prompt,
                         hotwords=terms).text.lower()
        assert heard.count(repeated) >= sentence.lower().count(repeated), heard


def test_a_window_ending_in_a_copy_of_itself_is_told_from_a_repeat_said_before_more_words():
    loop = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2]       # two sentences' tokens again, and more
    assert ends_in_copy(loop) and ends_in_copy(loop[:18])
    said = [1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6, 10, 11]                     # a phrase said twice, then the sentence goes on
    assert not ends_in_copy(said)
    assert not ends_in_copy(said[:12])                                      # a short repeat at the end: fewer than 8 tokens
    assert not ends_in_copy(loop[:17])                                      # not a whole copy
    assert ends_in_copy([5, 1, 2, 3] * 4) and not ends_in_copy([5, 1, 2, 3] * 2 + [1, 2, 3])   # a short loop, 8+ copied


def test_a_copy_of_itself_anywhere_in_a_window_is_found():
    """fixDD's live windows: the loop ends and other words follow it ("consent consent … consent. Printing, in …")."""
    loop = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]   # a whole copy of 9 tokens, then more
    assert copies_itself(loop) and not ends_in_copy(loop)
    assert copies_itself([1, 2] + [7] * 9 + [3, 4])                          # "consent consent …" (9 times), then more
    assert not copies_itself([1, 2] + [7] * 8 + [3, 4])                      # 7 tokens copied: under 8
    said = [1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6, 10, 11]                      # a phrase said twice, then the sentence goes on
    assert not copies_itself(said)                                          # 6 tokens copied: a repeat said
    assert not copies_itself([1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8, 10])   # not a whole copy
    for tokens in ([1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2], [5, 1, 2, 3] * 4, said, said[:12]):
        assert copies_itself(tokens) or not ends_in_copy(tokens)             # a window's end is part of it


def test_waiting_for_a_cancellable_window_does_not_poll(transcriber, speech_dir, monkeypatch):
    """fixBJ (review36b): the wait for a cancellable pass looked at its cancel every 10 ms (100 wake-ups a second
    for the whole pass); now the pass's end or the cancel wakes it, and a cancel is still taken at once."""
    import threading
    import time
    from concurrent.futures import Future

    import pytest

    d = transcriber.decoder()
    release, started = threading.Event(), threading.Event()

    monkeypatch.setattr(d.model, "model", HeldModel(d.model.model, started, release))
    looks: list[float | None] = []
    result = Future.result

    def counted(self, timeout=None):
        looks.append(timeout)
        return result(self, timeout)
    monkeypatch.setattr(Future, "result", counted)
    cancelled = Cancel()
    got: list = []
    worker = threading.Thread(target=lambda: got.append(d.decode(load_audio(speech_dir / "jfk.wav"),
                                                                 cancelled=cancelled)))
    worker.start()
    assert started.wait(30)
    time.sleep(0.5)                                  # the pass runs: its waiter sleeps
    began = time.monotonic()
    cancelled.set()
    worker.join(5)
    assert not worker.is_alive() and time.monotonic() - began < 1.0 and got[0].words == []
    assert len(looks) <= 1, f"the wait looked {len(looks)} times in 0.5 s"
    release.set()
    assert d._lock.acquire(timeout=10)
    d._lock.release()
    with pytest.raises(TypeError):                   # a plain Event's set() would never wake the wait
        d.decode(load_audio(speech_dir / "jfk.wav"), cancelled=threading.Event())


def test_a_pass_taken_off_the_queue_but_not_yet_on_the_model_is_busy(transcriber, speech_dir, monkeypatch):
    """fixBO (review37a 9): `busy` read the pool's private `_work_queue`: a pass its thread had taken off that queue
    but that had not yet taken the model's lock was not busy (a model changed then was dropped under it). The
    decoder keeps its own count of the passes submitted and not ended."""
    import threading

    d = transcriber.decoder()
    at_lock, go = threading.Event(), threading.Event()
    locked_pass = d._locked_pass

    def held_before_the_lock(*args):
        at_lock.set()
        assert go.wait(10)
        return locked_pass(*args)
    monkeypatch.setattr(d, "_locked_pass", held_before_the_lock)
    worker = threading.Thread(target=lambda: d.decode(load_audio(speech_dir / "jfk.wav"), cancelled=Cancel()))
    worker.start()
    assert at_lock.wait(30)
    assert not d._lock.locked()
    assert d.busy(), "a pass on its way to the model is not busy"
    go.set()
    worker.join(60)
    assert not worker.is_alive() and not d.busy()


def test_ctrl_c_while_a_window_is_decoded_gives_the_window_up(transcriber, speech_dir, monkeypatch):
    """walk48 3: Ctrl+C in `score --audio` printed "interrupted", then the exit waited 16 s for the window in flight
    to be decoded and aligned in full: the interrupt left the pass's cancel unset. It is set: the pass ends at its
    stage's end and aligns nothing."""
    import os
    import signal
    import threading

    import pytest

    d = transcriber.decoder()
    release, started, aligned = threading.Event(), threading.Event(), threading.Event()
    monkeypatch.setattr(d.model, "model", HeldModel(d.model.model, started, release, aligned))
    cancelled = Cancel()
    # Python's own Ctrl+C handler for the test's length (session 42: in CI's order the SIGINT raised nothing, twice, on
    # this machine, while the test passes alone and in its file; the cause is not found, and this rules out a handler
    # left by an earlier test)
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    threading.Thread(target=lambda: started.wait(30) and os.kill(os.getpid(), signal.SIGINT), daemon=True).start()
    try:
        with pytest.raises(KeyboardInterrupt):
            d.decode(load_audio(speech_dir / "jfk.wav"), cancelled=cancelled)
    finally:
        signal.signal(signal.SIGINT, before)
    assert cancelled.is_set()
    release.set()
    assert d._lock.acquire(timeout=10)
    d._lock.release()
    assert not aligned.is_set()


@pytest.mark.xfail(strict=True, reason="known, measured and left (fixDG): a window's search gets ~half its budget")
def test_a_window_of_fast_speech_gets_its_whole_token_budget(transcriber, tmp_path):
    """fixDD, fixDG: CTranslate2's Whisper search returns at most min(max_length - prompt + 1, max_length // 2)
    tokens, so with max_length = prompt + budget a 12 s window with only the filler prompt stops at 45 tokens, not
    its 82: fast speech is cut mid-window ("… from wood blocks and written") and `_decode_all` decodes the rest.
    max_length = max(prompt + budget - 1, 2 * budget) passed this but cost 30 % more live decode CPU without terms and
    made batch WER on ../shared/speech-spontaneous worse (0.133 -> 0.146, a clip's first words lost): not kept
    (docs/benchmarks.md, fixDG). Strict: it fails the day the budget is given, so this note is revisited then."""
    from voiceprep.speech.tts import Speaker

    text = ("Printing, in the only sense with which we are at present concerned, differs from most if not from all the "
            "arts and crafts represented in the Exhibition, in being comparatively modern. For although the Chinese "
            "took impressions from wood blocks engraved in relief for centuries before the woodcutters of the "
            "Netherlands, by a similar process produced the block books.")
    audio = load_audio(Speaker(rate=260, cache_dir=tmp_path).render(text))[:16000 * 12]   # 12 s, ~4.8 tokens a second
    d = transcriber.decoder()
    generate, lengths = d._generate, []

    def counted(*args, **kwargs):
        result = generate(*args, **kwargs)
        lengths.append(len([t for t in result.sequences_ids[0] if t < d.tokenizer.eot]))
        return result
    d._generate = counted
    try:
        heard = d.decode(audio, context=transcriber.settings.filler_prompt).text.lower()
    finally:
        del d._generate                   # the shared decoder is left as it was for the tests after this one
    assert lengths[0] > 46 and "netherlands" in heard, (lengths, heard)     # read to the window's end, not cut at 45


OPENING_SAID = ("Um, so why Airwallex? Uh, honestly, I think moving money across borders is still way too hard for businesses. "
                "I've been doing backend work on payment systems for about six years and uh, the thing that")
OPENING_RETRIED = ("So, why Airwallex? Honestly, I think moving money across borders is still way too hard for businesses. "
                   "I've been doing")


def _opening_generated(transcriber, first: str, copy: list[int], retry: str) -> tuple[list[int], object]:
    """walk51's recorded answer (its first 14.5 s) decoded with why-airwallex's terms, the generations given: the
    first `first`'s tokens and then `copy`, the retry with no 4 tokens repeated `retry`'s. The no_repeat of each
    generation made, and the result."""
    from pathlib import Path

    from voiceprep.core.banks import load_bank
    from voiceprep.paths import bundled_banks_dir

    bank = load_bank(bundled_banks_dir() / "airwallex.toml")
    terms = ", ".join(bank.terms(bank.prompt("why-airwallex"), transcriber.settings))
    d = transcriber.decoder()
    made: list[int] = []

    def given(encoded, prompt, seconds, beam_size, no_repeat=0):
        text = retry if no_repeat else first
        tokens = d.tokenizer.encode(" " + text) + ([] if no_repeat else copy)
        made.append(no_repeat)
        return SimpleNamespace(sequences_ids=[tokens], scores=[-0.3], no_speech_prob=0.02)

    d._generate = given
    try:
        audio = load_audio(Path(__file__).parent / "data" / "opening-lost-on-redecode.flac")
        return made, d.decode(audio, context=transcriber.settings.filler_prompt, hotwords=terms)
    finally:
        del d._generate                   # the shared decoder is left as it was for the tests after this one


def test_a_retry_that_stopped_short_does_not_replace_the_window_its_copy_cut(transcriber):
    """fixDI (walk51 2 on an AVX2 CPU): with the bank's terms tiny.en heard the whole window ("Um, so why Airwallex? Uh,
    … the thing that") and then generated " x" and "x" to the token budget: a copy of itself, so the window was
    generated again with no 4 tokens repeated, and that retry (kept whole) dropped "Um", "Uh" and stopped at 8.9 s
    of 14.5 ("… I've been doing"). The stream then took the window for one that jumped over speech and kept a decode
    beginning "I think". A retry with far fewer tokens than the first generation without its copy stopped short: the
    first is kept, its copy cut, and the word the copy ran on in ("xx…") with it."""
    x, xx = transcriber.decoder().tokenizer.encode(" x"), transcriber.decoder().tokenizer.encode("x")
    made, result = _opening_generated(transcriber, OPENING_SAID, x + xx * 40, OPENING_RETRIED)
    assert made == [0, 4]
    assert result.text == OPENING_SAID, result.text


def test_a_retry_as_long_as_the_window_without_its_copy_is_kept(transcriber):
    """fixCX's loop: the window's last words generated again ("A B A B"): the retry, which ends at once, is as long as
    the first without its copy, and is kept as before (its copy cut at a word's start, the first keeps every word)."""
    tok = transcriber.decoder().tokenizer
    last = " about six years and uh, the thing that"
    made, result = _opening_generated(transcriber, OPENING_SAID, tok.encode(last) * 2, OPENING_SAID.replace("Uh,", "Oh,"))
    assert made == [0, 4]
    assert result.text == OPENING_SAID.replace("Uh,", "Oh,"), result.text
