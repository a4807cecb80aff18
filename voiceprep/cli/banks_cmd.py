"""`voiceprep banks list|check`."""

from __future__ import annotations

from pathlib import Path

from voiceprep import paths
from voiceprep.core.banks import BankLoadError, BankRegistry, load_bank


def register(sub) -> None:
    banks = sub.add_parser("banks", help="list or check question banks")
    bsub = banks.add_subparsers(dest="banks_command", metavar="ACTION", required=True)
    bsub.add_parser("list", help="list bundled and own banks with counts").set_defaults(func=cmd_list)
    check = bsub.add_parser("check", help="validate bank files; exit 1 if any is invalid")
    check.add_argument("files", nargs="+", type=Path, metavar="FILE")
    check.set_defaults(func=cmd_check)


def cmd_list(args) -> int:
    registry = BankRegistry.discover()
    print(f"Bundled banks: {paths.bundled_banks_dir()}")
    print(f"Your banks:    {paths.user_banks_dir()}")
    print()
    for bank in registry.banks:
        prompts = bank.all_prompts()
        kps = sum(len(p.key_points) for p in prompts)
        where = "bundled" if bank.id in registry.bundled else "own"
        company = f" ({bank.job.company})" if bank.job.company else ""
        print(f"{bank.id:28} {bank.job.title}{company}")
        print(f"{'':28} {where}; {len(bank.rounds)} round(s), {len(prompts)} prompts, {kps} key points, "
              f"{len(bank.competencies)} competencies")
    if registry.errors:
        print()
        print(f"{len(registry.errors)} problem(s) in bank files (those files are not offered):")
        for err in registry.errors:
            print(f"  {err}")
    return 0


def cmd_check(args) -> int:
    bad = 0
    for file in args.files:
        try:
            bank = load_bank(file)
        except BankLoadError as exc:
            bad += 1
            for err in exc.errors:
                print(err)
            continue
        prompts = bank.all_prompts()
        print(f"{file}: OK ({bank.id}: {len(prompts)} prompts, "
              f"{sum(len(p.key_points) for p in prompts)} key points)")
    return 1 if bad else 0
