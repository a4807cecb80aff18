"""How far two careful people agree on the judge corpus's labels: the ceiling for any judge.

A second annotator labels a split blind (shuffled, no labels, no kinds); this compares the two label sets on the
answers the second file holds. It prints per-decision agreement, Cohen's kappa, the second annotator's P/R/F1
against the first, and the mean coverage difference, plus where they disagree by answer kind.

    .venv/bin/python bench/annotator_agreement.py          # test.toml against test_second_annotator.toml
    .venv/bin/python bench/annotator_agreement.py --first dev2 --second dev2_second_annotator.toml --by writer
    .venv/bin/python bench/annotator_agreement.py --first dev2 --second dev2_second_annotator.toml --disagreements

--first is a split of the corpus (dev, dev2, test, holdout); --second is a file in the corpus folder (or a path).
Only the answers in the second file are compared, so a second annotator may label part of a split (dev2's
writers K, L and M, session 29). --by adds the same numbers per writer (dev2's d2k- ids are writer K), kind or
bank. --disagreements lists every differing decision; it is refused for the held-out splits.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench import out_of_sample as out_of_sample_guard  # noqa: E402
from voiceprep.core.banks import BankRegistry  # noqa: E402
from voiceprep.core.banks.model import KeyPoint  # noqa: E402

DATA = REPO / "tests/core/analysis/data/judge"
SPLITS = ("dev", "dev2", "test", "holdout")
HELD_OUT = ("test", "holdout")     # aggregate numbers only: never list their items


@dataclass(frozen=True)
class Pair:
    """One answer as both annotators labelled it."""

    id: str
    kind: str
    bank: str
    key_points: tuple[KeyPoint, ...]
    first: frozenset[str]
    second: frozenset[str]


def writer(answer_id: str) -> str:
    """dev2's ids carry their writer ("d2k-051" is writer K); other ids are grouped by their first part."""
    head = answer_id.split("-", 1)[0]
    return head[2:].upper() if head.startswith("d2") and len(head) == 3 else head


def load_pairs(first_split: str, second_file: str, out_of_sample: bool = False) -> list[Pair]:
    first = {a["id"]: a for a in tomllib.loads((DATA / f"{first_split}.toml").read_text())["answer"]}
    second_path = Path(second_file) if Path(second_file).is_absolute() else DATA / second_file
    second = tomllib.loads(second_path.read_text())["answer"]
    if first_split == "dev2":
        second = out_of_sample_guard.keep(second, out_of_sample=out_of_sample, corpus=DATA, id_of=lambda a: a["id"])
    missing = [a["id"] for a in second if a["id"] not in first]
    if missing:
        raise SystemExit(f"{second_path.name} has answers that {first_split}.toml does not: {', '.join(missing[:5])}")
    banks = {b.id: b for b in BankRegistry.discover([REPO / "question_banks", DATA / "banks"]).banks}
    pairs = []
    for b in second:
        a = first[b["id"]]
        if (a["bank"], a["prompt"]) != (b["bank"], b["prompt"]):
            raise SystemExit(f"{b['id']}: the two files disagree on its bank or prompt")
        key_points = tuple(banks[a["bank"]].prompt(a["prompt"]).key_points)
        unknown = set(b["hits"]) - {kp.id for kp in key_points}
        if unknown:
            raise SystemExit(f"{b['id']}: the second file credits key points its prompt lacks: {sorted(unknown)}")
        pairs.append(Pair(a["id"], a["kind"], a["bank"], key_points, frozenset(a["hits"]), frozenset(b["hits"])))
    return pairs


def coverage(key_points: Iterable[KeyPoint], hits: frozenset[str]) -> float:
    points = list(key_points)
    return sum(kp.weight for kp in points if kp.id in hits) * 100 / sum(kp.weight for kp in points)


@dataclass(frozen=True)
class Agreement:
    """The two annotators' decisions over a set of answers, counted with the first as the reference."""

    answers: int
    both: int            # credited by both
    first_only: int
    second_only: int
    neither: int
    coverage_gap: float  # mean absolute difference of the answers' weighted coverage, in points
    first_coverage: float
    second_coverage: float

    @property
    def decisions(self) -> int:
        return self.both + self.first_only + self.second_only + self.neither

    @property
    def observed(self) -> float:
        return (self.both + self.neither) / self.decisions

    @property
    def kappa(self) -> float:
        n = self.decisions
        first_yes, second_yes = (self.both + self.first_only) / n, (self.both + self.second_only) / n
        chance = first_yes * second_yes + (1 - first_yes) * (1 - second_yes)
        return (self.observed - chance) / (1 - chance) if chance < 1 else 1.0

    @property
    def precision(self) -> float:
        return self.both / (self.both + self.second_only) if self.both + self.second_only else 0.0

    @property
    def recall(self) -> float:
        return self.both / (self.both + self.first_only) if self.both + self.first_only else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def agreement(pairs: list[Pair]) -> Agreement:
    decisions = Counter((kp.id in p.first, kp.id in p.second) for p in pairs for kp in p.key_points)
    firsts = [coverage(p.key_points, p.first) for p in pairs]
    seconds = [coverage(p.key_points, p.second) for p in pairs]
    return Agreement(len(pairs), decisions[True, True], decisions[True, False], decisions[False, True],
                     decisions[False, False], sum(abs(x - y) for x, y in zip(firsts, seconds)) / len(pairs),
                     sum(firsts) / len(pairs), sum(seconds) / len(pairs))


def summary(pairs: list[Pair]) -> str:
    a = agreement(pairs)
    return (f"{a.answers} answers, {a.decisions} key-point decisions, {a.first_only + a.second_only} disagreements "
            f"({a.first_only} credited by the first only, {a.second_only} by the second only)\n"
            f"agreement {a.observed:.3f}  Cohen's kappa {a.kappa:.3f}\n"
            f"second vs first: P {a.precision:.3f} R {a.recall:.3f} F1 {a.f1:.3f}\n"
            f"coverage difference: mean {a.coverage_gap:.1f} points "
            f"(mean coverage: first {a.first_coverage:.1f}, second {a.second_coverage:.1f})")


def disagreements_by_kind(pairs: list[Pair]) -> Counter[str]:
    return Counter(p.kind for p in pairs for kp in p.key_points if (kp.id in p.first) != (kp.id in p.second))


GROUPS = {"writer": lambda p: writer(p.id), "kind": lambda p: p.kind, "bank": lambda p: p.bank}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--first", default="test", choices=SPLITS, help="the split holding the first labels")
    parser.add_argument("--second", default="test_second_annotator.toml", help="the second annotator's file")
    parser.add_argument("--by", choices=sorted(GROUPS), help="repeat the numbers for each writer, kind or bank")
    parser.add_argument("--disagreements", action="store_true", help="list every differing decision")
    parser.add_argument("--out-of-sample", action="store_true", help=out_of_sample_guard.HELP)
    args = parser.parse_args(argv)
    if args.disagreements and args.first in HELD_OUT:
        parser.error(f"{args.first} is held out: its items are never listed")
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    pairs = load_pairs(args.first, args.second, args.out_of_sample)
    print(summary(pairs))
    print("disagreements by kind:", dict(disagreements_by_kind(pairs).most_common()))
    if args.by:
        groups: dict[str, list[Pair]] = defaultdict(list)
        for p in pairs:
            groups[GROUPS[args.by](p)].append(p)
        for name in sorted(groups):
            print(f"\n{args.by} {name}:\n{summary(groups[name])}")
    if args.disagreements:
        print("\nid\tkey point\tfirst\tsecond\tkind")
        for p in pairs:
            for kp in p.key_points:
                if (kp.id in p.first) != (kp.id in p.second):
                    print(f"{p.id}\t{kp.id}\t{'hit' if kp.id in p.first else 'miss'}\t"
                          f"{'hit' if kp.id in p.second else 'miss'}\t{p.kind}")


if __name__ == "__main__":
    main()
