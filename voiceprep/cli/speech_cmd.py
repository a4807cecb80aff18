"""`voiceprep transcribe` and `voiceprep say`."""

from __future__ import annotations

from pathlib import Path

from voiceprep.cli.common import CliError, print_json
from voiceprep.settings import Settings


def register(sub) -> None:
    t = sub.add_parser("transcribe", help="transcribe an audio file locally")
    t.add_argument("audio", type=Path, metavar="AUDIO")
    t.add_argument("--model", metavar="PATH", help="a CTranslate2 Whisper model directory (default: bundled tiny.en)")
    t.add_argument("--json", action="store_true", help="segments and word timestamps as JSON")
    t.set_defaults(func=cmd_transcribe)
    s = sub.add_parser("say", help="speak text with the interviewer's voice, or save it as WAV")
    s.add_argument("text")
    s.add_argument("--voice", help="voice id (see `voiceprep say --list-voices x`)")
    s.add_argument("--rate", type=int, help="words per minute")
    s.add_argument("--out", type=Path, metavar="FILE.wav", help="write a WAV file instead of playing")
    s.add_argument("--list-voices", action="store_true", help="list the available voices and exit")
    s.set_defaults(func=cmd_say)


def transcribe_file(audio: Path, model: str | None = None, hotwords: list[str] | None = None):
    from voiceprep.speech.audio import AudioError, load_audio
    from voiceprep.speech.transcriber import ModelError, Transcriber

    settings = Settings.load().transcription
    if model:
        settings.model_path = model
    try:
        samples = load_audio(audio)
        return Transcriber(settings).transcribe(samples, hotwords=hotwords)
    except (AudioError, ModelError) as exc:
        raise CliError(str(exc)) from None


def cmd_transcribe(args) -> int:
    transcript = transcribe_file(args.audio, args.model)
    if args.json:
        print_json(transcript.to_dict())
    else:
        print(transcript.text)
    return 0


def cmd_say(args) -> int:
    from voiceprep.speech.tts import Speaker, TTSError

    settings = Settings.load().speech
    speaker = Speaker(voice=args.voice or settings.voice, rate=args.rate or settings.rate)
    try:
        if args.list_voices:
            for v in speaker.voices():
                print(f"{v.id:24} {v.name} {','.join(v.languages)}")
            return 0
        if args.voice and args.voice not in {v.id for v in speaker.voices()}:
            raise CliError(f"unknown voice {args.voice!r}; list them with `voiceprep say --list-voices x`")
        if args.out:
            path = speaker.render(args.text, out=args.out)
            print(f"wrote {path}")
        else:
            speaker.say(args.text)
    except TTSError as exc:
        raise CliError(str(exc)) from None
    return 0
