"""Print a judge-corpus file for cold labelling: per answer only the prompt, its key-point labels and the text.

Kinds and hits are left out, and the answers are shuffled (a fixed seed, so the listing can be printed again).
Write the cold labels as `id = [hits]` lines, then compare them with the file's `hits`:

    python scripts/judge_label_listing.py tests/core/analysis/data/judge/holdout.toml > listing.txt
    python scripts/judge_label_listing.py tests/core/analysis/data/judge/holdout.toml --compare cold.toml

Runs no matcher or judge.
"""

from __future__ import annotations

import argparse
import random
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from voiceprep.core.banks import BankRegistry  # noqa: E402

BANK_DIRS = [REPO / "question_banks", REPO / "tests/core/analysis/data/judge/banks"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--compare", type=Path, help="cold labels (`id = [hits]`): list where they differ")
    args = parser.parse_args(argv)
    answers = tomllib.loads(args.corpus.read_text(encoding="utf-8"))["answer"]
    if args.compare:
        cold = tomllib.loads(args.compare.read_text(encoding="utf-8"))
        decisions = differ = 0
        banks = {b.id: b for b in BankRegistry.discover(BANK_DIRS).banks}
        for a in answers:
            points = [kp.id for kp in banks[a["bank"]].prompt(a["prompt"]).key_points]
            if a["id"] not in cold:
                print(f"{a['id']}: no cold label")
                continue
            for kp in points:
                decisions += 1
                if (kp in a["hits"]) != (kp in cold[a["id"]]):
                    differ += 1
                    print(f"{a['id']} {kp}: first pass {'hit' if kp in a['hits'] else 'miss'}, "
                          f"cold {'hit' if kp in cold[a['id']] else 'miss'}")
        print(f"{differ} of {decisions} key-point decisions differ")
        return 0
    banks = {b.id: b for b in BankRegistry.discover(BANK_DIRS).banks}
    random.Random(args.seed).shuffle(answers)
    for a in answers:
        prompt = banks[a["bank"]].prompt(a["prompt"])
        print(f"=== {a['id']}   {prompt.text}")
        for kp in prompt.key_points:
            print(f"  [{kp.id}] {kp.label}")
        print(f"\n{a['text']}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
