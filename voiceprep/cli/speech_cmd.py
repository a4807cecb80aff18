"""`voiceprep transcribe` and `voiceprep say`."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from voiceprep.cli.common import CliError, emit, print_json
from voiceprep.settings import Settings, TranscriptionSettings

if TYPE_CHECKING:
    from voiceprep.core.banks import Bank, Prompt
    from voiceprep.speech.transcriber import Transcriber


def register(sub) -> None:
    t = sub.add_parser("transcribe", help="transcribe an audio file locally")
    t.add_argument("audio", type=Path, metavar="AUDIO", help="the audio file (WAV, FLAC, MP3, M4A...)")
    t.add_argument("--model", metavar="PATH", help="a CTranslate2 Whisper model directory, or \"base\" with the "
                   "[accurate] extra (default: bundled tiny.en)")
    t.add_argument("--bank", metavar="FILE_OR_ID", help="hear the bank's words (its company, vocabulary and key "
                   "points' terms), as the app and `score --audio` do: \"idempotency key\", not \"hidden potency key\"")
    t.add_argument("--prompt", metavar="PROMPT_ID", help="with --bank: the question answered, its terms first")
    t.add_argument("--json", action="store_true", help="segments and word timestamps as JSON")
    t.set_defaults(func=cmd_transcribe)
    s = sub.add_parser("say", help="speak text with the interviewer's voice, or save it as WAV")
    s.add_argument("text", nargs="?", help="what to say (quote it); not needed with --list-voices")
    s.add_argument("--voice", help="voice id (see `voiceprep say --list-voices`)")
    s.add_argument("--rate", type=int, help="words per minute")
    s.add_argument("--out", type=Path, metavar="FILE.wav", help="write a WAV file instead of playing")
    s.add_argument("--list-voices", action="store_true", help="list the available voices and exit")
    s.set_defaults(func=cmd_say)


def transcribe_file(audio: Path, model: str | None = None, bank: Bank | None = None, prompt: Prompt | None = None,
                    progress: bool = True):
    """Transcribe a file of any length, block by block, showing progress on stderr for long files; with `bank`, its
    words are hotwords as the app asks for them (`bank.terms(prompt, settings)`: `transcribe` and `score --audio`)."""
    from voiceprep.speech.audio import AudioError, audio_duration
    from voiceprep.speech.stream import TranscriptionError
    from voiceprep.speech.transcriber import ModelError

    settings = Settings.load().transcription
    if model:
        settings.model_path = model
    hotwords = bank.terms(prompt, settings) if bank is not None else None
    try:
        duration = audio_duration(audio) if audio.is_file() else None
        show = _Progress(audio.name, duration) if progress and duration and duration >= PROGRESS_MIN_S else None
        if show:
            show(0.0)           # at once, before the model loads (walk48 3: nothing for the first 27 s)
        try:
            return loaded_transcriber(settings).transcribe(audio, hotwords=hotwords, progress=show)
        finally:
            if show:
                show.close()
    except (AudioError, ModelError, TranscriptionError) as exc:
        raise CliError(str(exc)) from None


_loaded: list[tuple[str, Transcriber]] = []     # [(settings as text, Transcriber)]: the last model this process loaded


def loaded_transcriber(settings: TranscriptionSettings) -> Transcriber:
    """A Transcriber for `settings`, the same one (its model loaded once) for every command run in this process with
    the same settings: one command per process loads it once anyway; a process running several (the CLI's tests:
    18 `score --audio`/`transcribe` runs) no longer loads tiny.en for each (0.3-2.5 s each). Only the last is kept."""
    from voiceprep.speech.transcriber import Transcriber

    key = repr(settings)
    if not _loaded or _loaded[0][0] != key:
        _loaded[:] = [(key, Transcriber(settings))]
    return _loaded[0][1]


def decoding() -> bool:
    """A model pass still runs on the decoder's thread (one given up by Ctrl+C runs on to its stage's end)."""
    return any(t.busy() for _, t in _loaded)


PROGRESS_MIN_S = 30.0       # shorter files are done before progress would help


class _Progress:
    """"Transcribing answer.wav: 42% (2:06 of 5:00)" on stderr: one updating line on a terminal, else every 10%."""

    def __init__(self, name: str, duration: float):
        self.name, self.duration = name, duration
        self.tty = live_line(sys.stderr)
        self.shown = -1

    def __call__(self, fraction: float) -> None:
        pct = int(fraction * 100)
        step = 1 if self.tty else 10
        if self.shown >= 0 and pct // step <= self.shown // step:
            return
        self.shown = pct
        done = fraction * self.duration
        line = f"Transcribing {self.name}: {pct}% ({_mmss(done)} of {_mmss(self.duration)})"
        print(("\r" + line) if self.tty else line, end="" if self.tty else "\n", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.tty and self.shown >= 0:
            print(file=sys.stderr)


def live_line(stream) -> bool:
    """One line updated with \r: on a terminal that can do it (walk48: TERM=dumb got \r too)."""
    return stream.isatty() and os.environ.get("TERM") != "dumb"


def _mmss(seconds: float) -> str:
    return f"{int(seconds) // 60}:{int(seconds) % 60:02d}"


def cmd_transcribe(args) -> int:
    bank = prompt = None
    if args.prompt and not args.bank:
        raise CliError("--prompt needs --bank: the question is one of a bank's, as in "
                       "voiceprep transcribe answer.wav --bank BANK_ID --prompt PROMPT_ID")
    if args.bank:
        from voiceprep.cli.score_cmd import resolve_bank, resolve_prompt

        bank, prompt = resolve_prompt(args.bank, args.prompt) if args.prompt else (resolve_bank(args.bank), None)
    transcript = transcribe_file(args.audio, args.model, bank, prompt)
    if args.json:
        print_json(transcript.to_dict())
    else:
        emit(transcript.text)           # wrapped on a terminal; piped, one line (fixBY)
    return 0


def cmd_say(args) -> int:
    from voiceprep.speech.tts import NoAudioOutput, Speaker, TTSError

    settings = Settings.load().speech
    speaker = Speaker(voice=args.voice or settings.voice, rate=args.rate or settings.rate)
    try:
        if args.list_voices:
            for v in speaker.voices():
                print(f"{v.id:24} {v.name} {','.join(v.languages)}")
            return 0
        if args.text is None:
            raise CliError('nothing to say: give the text in quotes, as in voiceprep say "Tell me about a project", '
                           "or list the voices with voiceprep say --list-voices")
        if args.voice and args.voice not in {v.id for v in speaker.voices()}:
            raise CliError(f"unknown voice {args.voice!r}; list them with `voiceprep say --list-voices`")
        if args.out:
            path = speaker.render(args.text, out=args.out)
            print(f"wrote {path}")
        else:
            speaker.say(args.text)
    except NoAudioOutput as exc:        # walk48 6: it said "the prompt is shown as text" and showed nothing
        print(args.text)
        reason = str(exc).split(";")[0]
        raise CliError(f"{reason}: the text above was not spoken. Connect speakers or headphones (`voiceprep doctor` "
                       "says what works here), or save it as a WAV file to play elsewhere: add --out FILE.wav") from None
    except TTSError as exc:
        if args.text and not args.out and not args.list_voices:
            print(args.text)            # as the app shows a prompt it cannot speak
        raise CliError(str(exc)) from None
    return 0
