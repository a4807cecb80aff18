"""`voiceprep score`: analyse one answer (audio, text or transcript JSON) against a prompt's key points."""

from __future__ import annotations

import json
from pathlib import Path

from voiceprep.cli.common import CliError, print_json
from voiceprep.core.banks import BankLoadError, BankRegistry
from voiceprep.core.transcript import Transcript
from voiceprep.settings import Settings


def register(sub) -> None:
    p = sub.add_parser("score", help="check an answer against a prompt's key points")
    p.add_argument("--bank", required=True, metavar="FILE_OR_ID")
    p.add_argument("--prompt", required=True, metavar="PROMPT_ID")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--audio", type=Path, metavar="FILE")
    src.add_argument("--text-file", type=Path, metavar="FILE")
    src.add_argument("--transcript-json", type=Path, metavar="FILE", help="output of `voiceprep transcribe --json`")
    p.add_argument("--model", metavar="PATH", help="transcription model directory (with --audio)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--save", action="store_true", help="store the attempt in the history")
    p.set_defaults(func=cmd_score)


def resolve_prompt(bank_ref: str, prompt_id: str):
    try:
        bank = BankRegistry.discover().get(bank_ref)
        return bank, bank.prompt(prompt_id)
    except KeyError as exc:
        raise CliError(exc.args[0]) from None
    except BankLoadError as exc:
        raise CliError(str(exc.errors[0]) + (f" (+{len(exc.errors) - 1} more)" if len(exc.errors) > 1 else "")) from None


def load_transcript(args, bank) -> Transcript:
    if args.audio:
        from voiceprep.cli.speech_cmd import transcribe_file

        return transcribe_file(args.audio, args.model, hotwords=bank.terms())
    if args.text_file:
        try:
            return Transcript.from_text(args.text_file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise CliError(f"{args.text_file}: cannot read ({exc})") from None
    try:
        return Transcript.from_dict(json.loads(args.transcript_json.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CliError(f"{args.transcript_json}: not a transcript from `voiceprep transcribe --json` ({exc})") from None


def cmd_score(args) -> int:
    from voiceprep.core.analysis.analyze import analyze_answer

    bank, prompt = resolve_prompt(args.bank, args.prompt)
    transcript = load_transcript(args, bank)
    analysis = analyze_answer(bank, prompt, transcript, Settings.load().analysis)
    if args.save:
        from voiceprep.core.history import History

        with History.open() as history:
            attempt_id = history.save_analysis(analysis, audio=args.audio)
        if not args.json:
            print(f"saved as attempt {attempt_id}")
    if args.json:
        print_json(analysis.to_dict())
    else:
        print(render_report(analysis))
    return 0


def _t(sec) -> str:
    return "" if sec is None else f" [{int(sec) // 60}:{sec % 60:04.1f}]"


def render_report(a) -> str:
    lines = [f"{a.bank.job.title}: {a.prompt.text}", ""]
    lines.append(f"Coverage {a.coverage:.0f}/100   Overall {a.overall:.0f}/100")
    for cid, score in a.competencies.items():
        comp = a.bank.competency(cid)
        lines.append(f"  {comp.name if comp else cid:45} {score:5.0f}  (weight {comp.weight:.2f})")
    lines += ["", "Key points:"]
    for r in a.key_points:
        mark = "[x]" if r.hit else "[ ]"
        lines.append(f"  {mark} {r.key_point.label}")
        for ev in (a.evidence.get(r.key_point.id, []) if r.hit else []):
            how = "by meaning" if ev.how == "meaning" else f"cue: {ev.cue}"
            lines.append(f"        \"{ev.text}\"{_t(ev.start)}  ({how})")
        if not r.hit and r.matches:
            lines.append(f"        {len(r.matches)} of {r.key_point.min_cues} cues needed")
    lines += ["", "Delivery:"]
    for f in a.delivery.findings:
        lines.append(f"  {'ok' if f.status == 'good' else '!!':2} {f.name:10} {f.summary}")
        lines.append(f"     {'':10} {f.tip}")
    if a.follow_ups:
        lines += ["", "Follow-up questions:"]
        lines += [f"  - {f['question']}" for f in a.follow_ups]
    lines += ["", "Transcript:", f"  {a.transcript.text}"]
    return "\n".join(lines)
