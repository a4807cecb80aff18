"""How far two careful people agree on the judge corpus's test split: the ceiling for any judge.

A second annotator labelled tests/core/analysis/data/judge/test.toml blind (shuffled, no labels, no kinds):
test_second_annotator.toml. This prints per-decision agreement, Cohen's kappa, the second annotator's
P/R/F1 against the first, and the mean coverage difference, plus where they disagree by answer kind.

    .venv/bin/python bench/annotator_agreement.py
"""

from __future__ import annotations

import sys
import tomllib
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from voiceprep.core.banks import BankRegistry  # noqa: E402

DATA = REPO / "tests/core/analysis/data/judge"


def main() -> None:
    first = {a["id"]: a for a in tomllib.loads((DATA / "test.toml").read_text())["answer"]}
    second = {a["id"]: a for a in tomllib.loads((DATA / "test_second_annotator.toml").read_text())["answer"]}
    banks = {b.id: b for b in BankRegistry.discover([REPO / "question_banks", DATA / "banks"]).banks}
    tp = fp = fn = tn = 0
    coverage_gap, where = [], Counter()
    for answer_id, a in first.items():
        key_points = banks[a["bank"]].prompt(a["prompt"]).key_points
        one, two = set(a["hits"]), set(second[answer_id]["hits"])
        for kp in key_points:
            x, y = kp.id in one, kp.id in two
            tp, fp, fn, tn = tp + (x and y), fp + (y and not x), fn + (x and not y), tn + (not x and not y)
            if x != y:
                where[a["kind"]] += 1
        total = sum(kp.weight for kp in key_points)
        coverage_gap.append(abs(sum(kp.weight for kp in key_points if kp.id in one)
                                - sum(kp.weight for kp in key_points if kp.id in two)) * 100 / total)
    n = tp + fp + fn + tn
    observed = (tp + tn) / n
    chance = ((tp + fn) / n) * ((tp + fp) / n) + ((tn + fp) / n) * ((tn + fn) / n)
    p, r = tp / (tp + fp), tp / (tp + fn)
    print(f"{len(first)} answers, {n} key-point decisions")
    print(f"agreement {observed:.3f}  Cohen's kappa {(observed - chance) / (1 - chance):.3f}")
    print(f"second vs first: P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r):.3f}")
    print(f"coverage difference: mean {sum(coverage_gap) / len(coverage_gap):.1f} points")
    print("disagreements by kind:", dict(where.most_common()))


if __name__ == "__main__":
    main()
