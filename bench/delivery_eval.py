"""Delivery cards on the labelled answers: how often Ownership, Numbers, Repetition, Hedges, Fillers and Structure
praise or warn, by kind of answer, which hedge and filler words were counted, and how often the Structure card says
"no result" while the judge credited a key point that names the result.

The 212 typed answers of labeled_answers.toml and the judge's dev split, analysed as the app does
(`analyze_answer`, story prompts only for ownership). Not the judge's test split, which this bench read until session
34 (334 answers then): it is held out (issue 11). A strong answer should be praised, a vague or rambling one should
not.

    .venv/bin/python bench/delivery_eval.py [--list ownership|numbers|repetition|hedges|fillers|structure]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from voiceprep.core.analysis.analyze import analyze_answer  # noqa: E402
from voiceprep.core.analysis.evaluation import load_labeled  # noqa: E402
from voiceprep.core.banks import BankRegistry  # noqa: E402
from voiceprep.core.transcript import Transcript  # noqa: E402

DATA = REPO / "tests/core/analysis/data"
FILES = [DATA / "labeled_answers.toml", DATA / "judge/dev.toml"]         # never judge/test.toml (held out)
CARDS = ("ownership", "numbers", "repetition", "hedges", "fillers", "structure")
# a key point whose label names the result ("The measured result, with numbers", "Quantify the impact"; not "The
# symptom and its impact")
RESULT_LABEL = re.compile(r"\b(?<!its )(result|outcome|impact)s?\b", re.IGNORECASE)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--list", choices=CARDS, help="print each answer's card")
    args = ap.parse_args()
    banks = {b.id: b for b in BankRegistry.discover([REPO / "question_banks", DATA / "judge/banks"]).banks}
    items = [item for path in FILES for item in load_labeled(path)]
    cards: dict[str, dict[str, Counter[str]]] = {name: defaultdict(Counter) for name in CARDS}
    said = {"hedges": Counter[str](), "fillers": Counter[str]()}
    details = Counter[str]()
    stories = no_result = beside = 0
    for item in items:
        bank = banks[item.bank]
        analysis = analyze_answer(bank, bank.prompt(item.prompt), Transcript.from_text(item.text))
        d = analysis.delivery
        if d.story and "result" in d.star["missing"]:
            no_result += 1
            beside += any(r.hit and RESULT_LABEL.search(r.key_point.label) for r in analysis.key_points)
        stories += d.story
        details["all"] += len(d.numbers)
        said["hedges"].update(d.hedges["by_word"])
        said["fillers"].update(d.fillers["by_word"])
        found = {f.name: f for f in d.findings}
        for name in cards:
            f = found.get(name)
            cards[name][item.kind][f.status if f else "none"] += 1
            if args.list == name and f:
                print(f"{item.id:14} {item.kind:18} {f.status:5} {f.summary}")
    print(f"{len(items)} answers, {stories} to story prompts; {details['all']} quantified details in all")
    print(f"STAR with no result: {no_result} story answers, {beside} of them beside a credited key point that names "
          "the result")
    for name, by_kind in cards.items():
        total = sum(by_kind.values(), Counter())
        print(f"\n{name}: good {total['good']}, warn {total['warn']}, info {total['info']}, none {total['none']}")
        for kind in sorted(by_kind):
            c = by_kind[kind]
            print(f"  {kind:20} good {c['good']:3}  warn {c['warn']:3}  info {c['info']:3}  none {c['none']:3}")
        if name in said:
            print(f"  words counted: {', '.join(f'{w} {n}' for w, n in said[name].most_common())}")


if __name__ == "__main__":
    main()
