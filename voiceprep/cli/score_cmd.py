"""`voiceprep score`: analyse one answer (audio, text or transcript JSON) against a prompt's key points."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from voiceprep.cli.common import CliError, app_history, emit, print_json, user_errors
from voiceprep.core.banks import Bank, BankLoadError, BankRegistry, Prompt
from voiceprep.core.transcript import Transcript
from voiceprep.core.wording import delivery_not_scored_lines, delivery_shown, score_text
from voiceprep.settings import Settings


def register(sub: Any) -> None:
    p = sub.add_parser("score", help="check an answer against a prompt's key points")
    p.add_argument("--bank", required=True, metavar="FILE_OR_ID",
                   help="the bank: its id (`voiceprep banks list`) or a bank file")
    p.add_argument("--prompt", required=True, metavar="PROMPT_ID",
                   help="the question answered: its id in the bank (an unknown id lists them)")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--audio", type=Path, metavar="FILE",
                     help="a recorded answer (WAV, FLAC, MP3, M4A...), transcribed here")
    src.add_argument("--text-file", type=Path, metavar="FILE", help="a typed answer, as plain text (no timing: no pace)")
    src.add_argument("--transcript-json", type=Path, metavar="FILE", help="output of `voiceprep transcribe --json`")
    p.add_argument("--model", metavar="PATH", help="transcription model directory (with --audio)")
    p.add_argument("--json", action="store_true", help="print the result as one JSON object")
    p.add_argument("--save", action="store_true", help="store the answer in the history")
    p.set_defaults(func=cmd_score)


def resolve_prompt(bank_ref: str, prompt_id: str) -> tuple[Bank, Prompt]:
    bank = resolve_bank(bank_ref)
    try:
        return bank, bank.prompt(prompt_id)
    except KeyError as exc:
        raise CliError(exc.args[0]) from None


def resolve_bank(bank_ref: str) -> Bank:
    """The bank by id or file, or an error in the user's words (an unknown id lists the banks)."""
    try:
        return BankRegistry.discover().get(bank_ref)
    except KeyError as exc:
        raise CliError(exc.args[0]) from None
    except BankLoadError as exc:
        from voiceprep.app.errors import user_message  # the app's words: the first problem from the top, "(+N more)"
        raise CliError(user_message(exc)) from None


def load_transcript(args: argparse.Namespace, bank: Bank, prompt: Prompt | None = None) -> Transcript:
    if args.audio:
        from voiceprep.cli.speech_cmd import transcribe_file

        return transcribe_file(args.audio, args.model, bank, prompt)
    if args.text_file:
        return Transcript.from_text(read_text_answer(args.text_file))
    try:
        return Transcript.from_dict(json.loads(args.transcript_json.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CliError(f"{args.transcript_json}: not a transcript from `voiceprep transcribe --json` ({exc})") from None


AUDIO_SUFFIXES = {".wav", ".flac", ".mp3", ".m4a", ".ogg", ".opus", ".aac", ".wma", ".webm", ".aiff", ".aif"}


def read_text_answer(path: Path) -> str:
    """A typed answer's text, or an error in the user's words (walk48: "cannot read ('utf-8' codec can't decode
    byte 0xb8 ...)" for a WAV; a missing file said it unlike a missing audio file)."""
    if not path.exists():
        raise CliError(f"{path}: no such file")       # as --audio says it (speech.audio)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise CliError(f"{path}: is a directory, not a text file") from None
    except OSError as exc:
        raise CliError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        if path.suffix.lower() in AUDIO_SUFFIXES or data[:4] in (b"RIFF", b"fLaC", b"OggS", b"ID3\x03", b"ID3\x04"):
            raise CliError(f"{path}: this is a recording, not a text file: give it with --audio {path}") from None
        raise CliError(f"{path}: not plain text (UTF-8); save the answer as a plain .txt file") from None


def cmd_score(args: argparse.Namespace) -> int:
    from voiceprep.app.judging import run_judge
    from voiceprep.app.listening import require_answer

    bank, prompt = resolve_prompt(args.bank, args.prompt)
    transcript = load_transcript(args, bank, prompt)
    settings = Settings.load()
    with user_errors("Scoring the answer"):
        if args.save:
            with app_history() as (_, session):
                saved = session.save_file(bank, prompt, transcript, audio=args.audio)
            analysis = saved.analysis
            if not args.json:
                print(f"saved as answer #{saved.attempt_id}")
        else:
            if args.audio:
                require_answer(transcript, args.audio, settings.audio.silence_rms,
                               settings.history.min_answer_speech_s, source=str(args.audio))
            analysis = run_judge(bank, prompt, transcript, settings.analysis)
    if args.json:
        from voiceprep.app.judging import feedback_document

        # one key added (mendP): what the text says beside the score when no competency counts how it was said
        doc = feedback_document(analysis)
        unscored = delivery_not_scored_lines(doc["competencies"], delivery_shown(doc["delivery"].get("findings", []))
                                             ["findings"])
        print_json({**analysis.to_dict(),
                    "delivery_not_scored": None if unscored is None else dict(zip(("said", "work_on"), unscored))})
    else:
        emit(render_report(analysis))
    return 0


def _t(sec: float | None) -> str:
    return "" if sec is None else f" [{int(sec) // 60}:{sec % 60:04.1f}]"


def render_report(a: Any) -> str:
    """The feedback as text, from the same document the app's feedback view shows."""
    from voiceprep.app.judging import feedback_document

    return render_document(feedback_document(a))


DELIVERY_MARKS = {"good": "ok", "info": "--"}      # "--": not measured, no warning (walk48: "!! pace not measured")


def render_document(doc: dict[str, Any]) -> str:
    """A feedback document (app.judging.feedback_document) as text for `score` (`history show` prints the Markdown export
    as terminal text instead)."""
    lines = [f"{doc['bank']['title']}: {doc['prompt']['text']}", ""]
    lines.append(f"Key points {doc['hits']} of {doc['total']}   Coverage {score_text(doc['coverage'] or 0)}/100 (by weight)   "
                 f"Overall {score_text(doc['overall'] or 0)}/100")
    for c in doc["competencies"]:
        weight = f"  (weight {c['weight']:.2f})" if c["weight"] is not None else ""
        lines.append(f"  {c['name']:45} {score_text(c['score'] or 0):>5}{weight}")
        if c.get("basis"):                # what it rests on, as the feedback says it (issue 11 item 4)
            lines.append(f"      {c['basis']}")
    lines += ["", "Key points:"]
    for k in doc["key_points"]:
        lines.append(f"  {'[x]' if k['hit'] else '[ ]'} {k['label']}")
        for ev in k["evidence"]:
            note = f"  ({ev['note']})" if ev.get("note") else ""
            lines.append(f"        \"{ev['text']}\"{_t(ev['start'])}{note}")
        if k["detail"]:
            lines.append(f"        {k['detail']}")
    # as the feedback shows them (mendJ): an answer about something else says so first, then its cards are of how it
    # was said, no praise ("ok") among them
    shown = delivery_shown((doc.get("delivery") or {}).get("findings", []))
    # as the feedback says it (mendM): no competency counts how it was said, said under the scores
    if (unscored := delivery_not_scored_lines(doc["competencies"], shown["findings"])) is not None:
        lines[3:3] = list(unscored)
    if (elsewhere := shown["elsewhere"]) is not None:
        lines[3:3] = [f"!! {elsewhere['summary']}", f"   {elsewhere['tip']}"]      # under the scores, as the feedback
    lines += ["", f"{shown['heading']}:"] + ([f"  {shown['note']}"] if shown["note"] else [])
    for f in shown["findings"]:
        lines.append(f"  {DELIVERY_MARKS.get(f['status'], '!!'):2} {f['name']:10} {f['summary']}")
        lines.append(f"     {'':10} {f['tip']}")
    if doc["follow_ups"]:
        lines += ["", "Follow-up questions:"]
        lines += [f"  - {q}" for q in doc["follow_ups"]]
    lines += ["", "Transcript:", f"  {doc['transcript']['text']}"]
    return "\n".join(lines)
