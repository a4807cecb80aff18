"""The judge's reading of a lost sentence end (issue 11, audio46's `runon.py` made repeatable): every answer of a tuning
split judged from its text and from the same words with every sentence end but the last made a comma (". And every
morning" -> ", and every morning": the shape tiny.en gives when a window runs sentences together). Prints the
punctuated reading's confusion counts and overall per kind, the run-on reading's, and every decision that differs
between them (with the label), then the counts of those.

    .venv/bin/python bench/runon_eval.py --split dev [--out decisions.jsonl]
    .venv/bin/python bench/runon_eval.py --split dev2 --writers abcdefghijklmnopqrst [--part 1/2]
    .venv/bin/python bench/runon_eval.py --split regression
    .venv/bin/python bench/runon_eval.py --split dev2 --writers abcdefghijklmnopqrst --subset 300   # a fixed subset

Tuning splits and the regression set only (the held-out splits are refused: their items are never listed). `--out`
writes one line per answer (both readings' ticks and overall) so that two judge versions can be compared decision by
decision; `--part k/n` judges every n-th answer from the k-th (to run halves side by side).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench.judge_eval import CORPUS, STRONG, load  # noqa: E402
from voiceprep.core.analysis.analyze import analyze_answer  # noqa: E402
from voiceprep.core.analysis.evaluation import stratified_subset  # noqa: E402
from voiceprep.core.transcript import Transcript  # noqa: E402

_END = re.compile(r"[.!?;]+(\s+)([\"'\u201c(]*)(\S+)")


def _lower(word: str) -> str:
    """The first word of a sentence run on after a comma, as tiny.en writes it: "And" -> "and"; not "I", "I'm", "PCI"
    (a capitalised name is lowered too: it cannot be told from a sentence's first word)."""
    if word == "I" or word.startswith(("I'", "I\u2019")) or word[1:2].isupper():
        return word
    return word[:1].lower() + word[1:]


def run_on(text: str) -> str:
    """Every sentence end but the last made a comma, the next word in lower case (audio46's probe)."""
    body = text.rstrip()
    return _END.sub(lambda m: "," + m.group(1) + m.group(2) + _lower(m.group(3)), body)


def judged(item, bank, text: str) -> tuple[set[str], float]:
    a = analyze_answer(bank, bank.prompt(item.prompt), Transcript.from_text(text))
    return {r.key_point.id for r in a.key_points if r.hit}, a.overall


def confusion(items, points, ticks) -> Counter:
    c: Counter = Counter()
    for it, ids, got in zip(items, points, ticks):
        for kp in ids:
            c[("t" if (kp in got) == (kp in it.hits) else "f") + ("p" if kp in got else "n")] += 1
    return c


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["dev", "dev2", "regression"], default="dev")
    ap.add_argument("--writers", help="dev2 only: these writers' answers (letters)")
    ap.add_argument("--part", default="1/1", help="k/n: every n-th answer from the k-th")
    ap.add_argument("--subset", type=int, default=0, help="a fixed stratified subset of about this many answers")
    ap.add_argument("--ids", type=Path, help="only the answers whose ids this file lists (one a line)")
    ap.add_argument("--out", type=Path, help="one JSON line per answer: both readings' ticks and overall")
    args = ap.parse_args()
    items, banks = load(args.split + (f":{args.writers}" if args.writers else ""), CORPUS, False)
    if args.subset:
        items = stratified_subset(items, args.subset)
    if args.ids:
        keep = set(args.ids.read_text().split())
        items = [i for i in items if i.id in keep]
    k, n = map(int, args.part.split("/"))
    items = items[k - 1::n]
    start = time.perf_counter()
    punct, runon, rows, points = [], [], [], []
    moved: Counter = Counter()
    overall: dict[str, dict[str, list[float]]] = {"punct": defaultdict(list), "run-on": defaultdict(list)}
    for it in items:
        bank = banks[it.bank]
        points.append([kp.id for kp in bank.prompt(it.prompt).key_points])
        a, oa = judged(it, bank, it.text)
        b, ob = judged(it, bank, run_on(it.text))
        punct.append(a)
        runon.append(b)
        overall["punct"][it.kind].append(oa)
        overall["run-on"][it.kind].append(ob)
        rows.append({"id": it.id, "kind": it.kind, "hits": sorted(it.hits), "punct": sorted(a), "runon": sorted(b),
                     "overall_punct": round(oa, 1), "overall_runon": round(ob, 1)})
        for kp in points[-1]:
            if (kp in a) != (kp in b):
                e = kp in it.hits
                was = ("t" if (kp in a) == e else "f") + ("p" if kp in a else "n")
                now = ("t" if (kp in b) == e else "f") + ("p" if kp in b else "n")
                moved[f"{was}->{now}"] += 1
                print(f"   {it.id:22} {it.kind:18} {kp:26} {was}->{now}  (overall {oa:.1f} -> {ob:.1f})")
    for name, ticks in (("punct", punct), ("run-on", runon)):
        c = confusion(items, points, ticks)
        p = c["tp"] / max(1, c["tp"] + c["fp"])
        r = c["tp"] / max(1, c["tp"] + c["fn"])
        print(f"{name:6} tp {c['tp']} fp {c['fp']} fn {c['fn']} tn {c['tn']}  P {p:.3f} R {r:.3f} "
              f"F1 {2 * p * r / max(1e-9, p + r):.3f}")
        for kind, values in sorted(overall[name].items()):
            print(f"{name:6} overall {kind:20} n={len(values):3} median {statistics.median(values):5.1f} "
                  f"min {min(values):5.1f} max {max(values):5.1f}")
    strong = [r for r in rows if r["kind"] in STRONG]
    print(f"strong under 80: punct {sum(r['overall_punct'] < 80 for r in strong)}, "
          f"run-on {sum(r['overall_runon'] < 80 for r in strong)} of {len(strong)}")
    print(f"{args.split}{':' + args.writers if args.writers else ''} part {args.part}: {len(items)} answers, "
          f"disagreements {sum(moved.values())} {dict(sorted(moved.items()))}  [{time.perf_counter() - start:.0f} s]")
    if args.out:
        args.out.write_text("".join(json.dumps(r) + "\n" for r in rows))


if __name__ == "__main__":
    main()
