"""`voiceprep banks list|check|draft`."""

from __future__ import annotations

import sys
from pathlib import Path

from voiceprep import paths
from voiceprep.cli.common import emit, emit_error
from voiceprep.core.banks import BankLoadError, BankRegistry, load_bank, parse_bank
from voiceprep.core.banks.document import write_atomically
from voiceprep.core.banks.draft import draft_bank
from voiceprep.core.banks.load import IdHolder
from voiceprep.core.wording import counted

MAX_JOB_BYTES = 1_000_000


def register(sub) -> None:
    banks = sub.add_parser("banks", help="list, check or draft question banks (alone: list them)",
                           description="List, check or draft question banks. Alone, `voiceprep banks` lists the "
                                       "banks, as `voiceprep banks list` does.")
    bsub = banks.add_subparsers(dest="banks_command", metavar="ACTION")
    banks.set_defaults(func=cmd_list)       # `voiceprep banks` alone lists them (it said "ACTION required", exit 2)
    bsub.add_parser("list", help="list bundled and own banks with counts").set_defaults(func=cmd_list)
    check = bsub.add_parser("check", help="validate bank files; exit 1 if any is invalid")
    check.add_argument("files", nargs="+", type=Path, metavar="FILE", help="one or more bank files (.toml)")
    check.set_defaults(func=cmd_check)
    draft = bsub.add_parser("draft", help="draft a bank from a job description (offline); review it before use")
    draft.add_argument("job", type=Path, metavar="JOB.txt", help="the job description as plain text")
    draft.add_argument("--out", type=Path, metavar="FILE.toml", help="write the bank here (default: print it)")
    draft.add_argument("--force", action="store_true", help="overwrite FILE.toml if it exists")
    draft.set_defaults(func=cmd_draft)


def cmd_list(args) -> int:
    registry = BankRegistry.discover()      # wrapped on a terminal, each line under its column; piped, whole (fixBY)
    emit(f"Bundled banks: {paths.bundled_banks_dir()}")
    emit(f"Your banks:    {paths.user_banks_dir()}")
    emit("")
    for bank in registry.banks:
        prompts = bank.all_prompts()
        kps = sum(len(p.key_points) for p in prompts)
        where = "bundled" if bank.id in registry.bundled else "own"
        company = f" ({bank.job.company})" if bank.job.company else ""
        emit(f"{bank.id:28} {bank.job.title}{company}")
        emit(f"{'':28} {where}; {counted(len(bank.rounds), 'round')}, {counted(len(prompts), 'prompt')}, "
             f"{counted(kps, 'key point')}, {counted(len(bank.competencies), 'competency', 'competencies')}")
    if registry.errors:
        emit("")
        emit(f"{counted(len(registry.errors), 'problem')} in bank files (those files are not offered):")
        for err in registry.errors:
            emit(f"  {err}" + (f"; {clash_todo(err.holder, 'move')}" if err.holder else ""))
    return 0


def clash_todo(holder: IdHolder, how: str) -> str:
    """What to do with a file refused for its id (`how` it would go over the holder's file: "move", "copy"), in a
    terminal's words; the GUI's Banks page says the same in its menus (gui.widgets.banks.clash_todo)."""
    return holder.todo("" if holder.bundled else f"or {how} it over {holder.file} to replace that bank (its answers stay)")


def cmd_check(args) -> int:
    bad = 0
    registry = BankRegistry.discover()      # a file valid alone, whose id a bank there holds, is refused there too
    for file in args.files:
        try:
            bank = load_bank(file)
        except BankLoadError as exc:
            bad += 1
            for err in exc.errors:     # on stderr, as every error (walk48), top to bottom (BankLoadError)
                emit_error(str(err))
            continue
        holder = registry.holder(bank.id, file)
        if holder is not None:
            bad += 1            # walk50: "OK" to a file that, copied into the banks folder, is not loaded
            emit_error(f"{file}: job.id: {holder.reason}, so this file would not be loaded; {clash_todo(holder, 'copy')}")
            continue
        prompts = bank.all_prompts()
        print(f"{file}: OK ({bank.id}: {len(prompts)} prompts, "
              f"{sum(len(p.key_points) for p in prompts)} key points)")
    return 1 if bad else 0


def cmd_draft(args) -> int:
    try:
        if args.job.stat().st_size > MAX_JOB_BYTES:
            print(f"{args.job}: larger than 1 MB; a job description is a few KB of text", file=sys.stderr)
            return 1
        text = args.job.read_bytes().decode("utf-8", errors="replace")
    except OSError as exc:
        print(f"{args.job}: cannot read: {exc.strerror or exc}", file=sys.stderr)
        return 1
    toml = draft_bank(text, args.job.name)
    try:
        bank = parse_bank(toml, str(args.out or args.job))
    except BankLoadError as exc:            # a drafting bug; say so instead of writing a broken bank
        print("The draft did not pass the bank check (please report this with the job description):", file=sys.stderr)
        for err in exc.errors:
            emit_error(f"  {err}")
        return 1
    if args.out is None:
        print(toml, end="")
        return 0
    if args.out.exists() and not args.force:
        print(f"{args.out} exists; choose another --out or add --force to overwrite it", file=sys.stderr)
        return 1
    try:
        write_atomically(args.out, toml)
    except OSError as exc:
        print(f"{args.out}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 1
    prompts = bank.all_prompts()
    print(f"{args.out}: drafted {bank.id!r}: {counted(len(bank.rounds), 'round')}, {counted(len(prompts), 'prompt')}, "
          f"{counted(sum(len(p.key_points) for p in prompts), 'key point')}, "
          f"{counted(len(bank.competencies), 'competency', 'competencies')}")
    print("Review it before rehearsing: reword prompts and make the key points your own "
          f"(voiceprep banks check {args.out}; copy it into {paths.user_banks_dir()} to use it).")
    return 0
