"""walk66 7: under load a live caption showed the answer's opening again mid-answer ("… you know, you know, uh, so I
think high availability is really important. We, uh, used the database …"); the stored transcript was clean. A live
pass's decode stopped short after a loop of fillers, and the rest of its window was decoded again with the window's
words as the prompt: that short re-decode wrote the prompt out, and `repeats`, which compares it with only the last few
words before it, took it for new words. `echoes` compares it with the whole prompt."""
from __future__ import annotations

import time
from pathlib import Path

from voiceprep.core.transcript import Word
from voiceprep.settings import TranscriptionSettings
from voiceprep.speech.audio import load_audio
from voiceprep.speech.decoder import PassResult
from voiceprep.speech.live import LiveTranscriber
from voiceprep.speech.stream import WordStream, echoes

SPEECH = Path(__file__).parent / "data" / "opening-lost-on-redecode.flac"     # 14.5 s of speech throughout

ANSWER = ("Um, so I think high availability is really important. We, uh, used the database and we made sure it was, "
          "you know, you know, you know, uh,")
SAID = ANSWER.split()
OPENING = SAID[1:14]          # "so I think high availability is really important. We, uh, used the database"


class EchoingDecoder:
    """The window's first decode hears SAID (0.3-9.0 s) and stops there; a re-decode of the rest, prompted with those
    words, writes the opening out again (9.2-12.0 s), as tiny.en did."""

    def __init__(self):
        self.calls: list[float] = []

    def decode(self, window, offset=0.0, context=None, hotwords=None, cancelled=None):
        self.calls.append(offset)
        end = offset + len(window) / 16000
        if offset < 1.0:
            said, start, step = SAID, 0.3, (9.0 - 0.3) / len(SAID)
        elif offset < 10.0 and context and "important" in context:
            said, start, step = OPENING, 9.2, (12.0 - 9.2) / len(OPENING)
        else:
            said, start, step = [], offset, 0.1
        words = [Word(start + k * step, start + (k + 0.8) * step, " " + w) for k, w in enumerate(said)]
        return PassResult(words=[w for w in words if w.end <= end])


def test_a_re_decode_that_writes_out_its_prompt_is_left_out():
    fake = EchoingDecoder()
    stream = WordStream(fake)
    stream.feed(load_audio(SPEECH))
    words = stream.decode(0, stream.total)
    assert len(fake.calls) >= 2 and fake.calls[1] >= 8.5, fake.calls        # the rest was decoded again
    assert [w.word.strip() for w in words] == SAID, "".join(w.word for w in words)


def test_the_live_caption_does_not_show_the_opening_twice():
    class Transcriber:
        settings = TranscriptionSettings(live_step_s=1.0, live_commit_s=30.0, live_window_s=30.0)

        def stream(self, hotwords=None):
            return WordStream(EchoingDecoder())

    live = LiveTranscriber(Transcriber())
    live.feed(load_audio(SPEECH))
    live.start()
    deadline = time.time() + 30
    while not live.captions and time.time() < deadline:
        time.sleep(0.05)
    live.cancel()
    assert live.captions, "no caption"
    caption = live.captions[0].tentative
    assert caption.count("high availability") == 1, caption


def test_a_loop_of_fillers_or_a_short_repeat_is_no_echo():
    """What the speaker says again is kept: a loop of "you know", or a few words of the prompt."""
    before = [w.lower().strip(",.") for w in SAID]

    def words(text: str) -> list[Word]:
        return [Word(0, 0, " " + w) for w in text.split()]
    assert not echoes(before, words("you know, you know, you know, so"))
    assert not echoes(before, words("the database was down for an hour"))
    assert echoes(before, [Word(0, 0, " " + w) for w in OPENING])


class RestatingDecoder:
    """The window's first decode hears an opening (0.3-9.0 s); the rest is the speaker saying its point again, on
    purpose (9.2-14.0 s), heard so with or without a prompt."""

    FIRST = ("Um, so I think high availability is really important. We, uh, used the database and we made sure it "
             "was replicated across three zones.")
    AGAIN = "So again, high availability is really important to us."

    def __init__(self):
        self.calls: list[tuple[float, str | None]] = []

    def decode(self, window, offset=0.0, context=None, hotwords=None, cancelled=None):
        self.calls.append((offset, context))
        end = offset + len(window) / 16000
        text, start, stop = (self.FIRST, 0.3, 9.0) if offset < 1.0 else (self.AGAIN, 9.2, 14.0) if offset < 10.0 \
            else ("", offset, offset)
        said = text.split()
        step = (stop - start) / max(1, len(said))
        words = [Word(start + k * step, start + (k + 0.8) * step, " " + w) for k, w in enumerate(said)]
        return PassResult(words=[w for w in words if w.end <= end])


def test_a_phrase_said_again_on_purpose_is_kept():
    """read51b 1: a re-decode that says five words of its prompt in a row is an echo only if the audio does not say
    them: decoded with no prompt, the speaker's restatement is heard again, and kept in the stored transcript."""
    fake = RestatingDecoder()
    stream = WordStream(fake)
    stream.feed(load_audio(SPEECH))
    said = " ".join(w.word.strip() for w in stream.decode(0, stream.total))
    assert said.endswith("So again, high availability is really important to us."), said
    assert any(c is None and o >= 8.5 for o, c in fake.calls), fake.calls       # checked without a prompt
