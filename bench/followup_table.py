"""Print the follow-up question the app builds from every key point's label, over both bank folders (the bundled
question_banks/ and the judge corpus's banks), to read aloud as an interviewer would say it.

    .venv/bin/python -m bench.followup_table [--labels] > table.txt

One line a key point: "<bank file>:<key point id>  <question>" (with --labels, the label on the line before). The
bank's own written follow_up is left aside: the line is the question made from the label. --broken prints only the
questions `followups.broken_question` finds broken (a figure cut out of its phrase, a word left hanging), with why,
and their count (walk41 finding 3)."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from voiceprep.core.analysis.followups import asked_follow_up, broken_question
from voiceprep.core.banks import BankRegistry

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = [ROOT / "question_banks", ROOT / "tests/core/analysis/data/judge/banks"]


def rows() -> list[tuple[str, str, str]]:
    """(bank id:key point id, label, question) for every key point of every bank in both folders."""
    out = []
    for folder in FOLDERS:
        for bank in BankRegistry.discover([folder]).banks:
            for round_ in bank.rounds:
                for prompt in round_.prompts:
                    for kp in prompt.key_points:
                        question = asked_follow_up(dataclasses.replace(kp, follow_up=None), bank)   # as asked (fixDK)
                        out.append((f"{bank.id}:{kp.id}", kp.label, question))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", action="store_true", help="print each label above its question")
    parser.add_argument("--broken", action="store_true", help="only the questions that do not read as English")
    args = parser.parse_args()
    if args.broken:
        table = rows()
        broken = [(key, label, question, broken_question(label, question)) for key, label, question in table]
        for key, label, question, why in broken:
            if why:
                print(f"{key}  [{label}]\n    {question}  <- {why}")
        print(f"{sum(1 for *_, why in broken if why)} broken of {len(table)} follow-ups")
        return
    for key, label, question in rows():
        if args.labels:
            print(f"{key}  [{label}]")
        print(f"{key}  {question}")


if __name__ == "__main__":
    main()
