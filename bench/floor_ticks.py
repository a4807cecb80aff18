"""Every tick the told-in-detail floor makes (`AnswerJudge._told_in_detail`), with what might tell its true ticks from
its false ones, on a tuning split: one JSON line per decision the floor was asked about, then a table of true and
false floored ticks per feature (judge115, session 51; docs/benchmarks.md).

    .venv/bin/python bench/floor_ticks.py --split dev2 --writers abcdefghijklmnopqrst --out floor.jsonl
    .venv/bin/python bench/floor_ticks.py --split dev2 --writers v --out floor-v.jsonl
    .venv/bin/python bench/floor_ticks.py --table floor.jsonl            # the table again, from a dump

Per floored decision: the probability before the floor, the unit the floor rests on (the argmax of `_quote_scores`),
its closeness, its details of its own (`details_beyond` the question's words), how many of the label's namable stems it
says, how many other points quote it better (`_quote_all`), how far it stands above the answer's other units, whether
it tells the candidate's own act, and how many of the prompt's points passed before any floor. Held-out splits are
refused; dev2 leaves out the out-of-sample writers as bench/judge_eval.py does.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench.judge_eval import CORPUS, TUNING, load  # noqa: E402
from voiceprep.core.analysis import judge as J  # noqa: E402
from voiceprep.core.analysis.evaluation import answer_judge, get_embedder  # noqa: E402
from voiceprep.core.analysis.text import tokenize_text  # noqa: E402
from voiceprep.core.banks.model import KeyPoint, Prompt  # noqa: E402
from voiceprep.core.transcript import Transcript  # noqa: E402
from voiceprep.settings import AnalysisSettings  # noqa: E402


def _features(judge: J.AnswerJudge, prompt: Prompt, kp: KeyPoint, closeness: np.ndarray) -> dict[str, Any]:
    """What the floor rests on: the unit that would quote the point, and how it stands among the answer's units."""
    b = int(np.argmax(closeness))
    u = judge.units[b]
    tokens = [t for t in judge.index.tokens if u.first <= t.word <= u.last]
    label = {t.stem for t in tokenize_text(J.point_content(kp.label)) if J._namable(t) and not t.is_number}
    usable = closeness > -1
    apart = [float(closeness[i]) for i, v in enumerate(judge.units) if usable[i] and (v.last < u.first or v.first > u.last)]
    scores = judge._quote_all()
    ids = [q.id for q in judge._points]
    out: dict[str, Any] = {
        "unit": u.text, "unit_kind": u.kind, "closeness": float(closeness[b]),
        "unit_details": J.details_beyond(tokens, J._question_stems(prompt)),
        "label_stems_said": len({t.stem for t in tokens if J._namable(t)} & label), "label_stems": len(label),
        "nearest_own": bool(judge._nearest_is_its_own(kp, closeness)), "taken": bool(judge._taken(kp)[b]),
        "own_act": bool(judge._own_acts()[b]),
        "above_rest": float(closeness[b] - max(apart)) if apart else 1.0,
        "above_mean": float(closeness[b] - closeness[usable].mean()),
    }
    if scores is not None and kp.id in ids:
        out["better_quoted"] = int((scores[b] > scores[b, ids.index(kp.id)]).sum())
    return out


def dump(split: str, out: Path) -> None:
    asked: dict[str, dict[str, Any]] = {}
    current: list[Prompt] = []
    original = J.AnswerJudge._told_in_detail

    def told_in_detail(self: J.AnswerJudge, kp: KeyPoint, p: float, own: bool, closeness: np.ndarray) -> bool:
        told = original(self, kp, p, own, closeness)
        row: dict[str, Any] = {"kp": kp.id, "label": kp.label, "p": p, "own": own, "plain": kp.cues_from_label,
                               "details": self.details, "told": told}
        if told and len(closeness) and float(closeness.max()) > -1:
            row.update(_features(self, current[0], kp, closeness))
        asked[kp.id] = row
        return told

    J.AnswerJudge._told_in_detail = told_in_detail      # type: ignore[method-assign]
    items, banks = load(split, CORPUS)
    settings, embedder = AnalysisSettings(), get_embedder()
    with out.open("w") as f:
        for item in items:
            asked.clear()
            prompt = banks[item.bank].prompt(item.prompt)
            current[:] = [prompt]
            judge = answer_judge(Transcript.from_text(item.text), banks[item.bank], prompt, settings, embedder)
            hits = {kp.id: judge.judge(kp).hit for kp in prompt.key_points}
            before = sum(kp.id not in asked for kp in prompt.key_points) / len(prompt.key_points)
            for kp in prompt.key_points:
                if kp.id in asked:
                    row = {**asked[kp.id], "id": item.id, "answer_kind": item.kind, "truth": kp.id in item.hits,
                           "hit": hits[kp.id], "passed_before_floor": before}
                    f.write(json.dumps(row) + "\n")
    J.AnswerJudge._told_in_detail = original      # type: ignore[method-assign]


def table(path: Path) -> None:
    rows = [json.loads(line) for line in path.open()]
    floored = [r for r in rows if r["told"] and r["hit"]]
    print(f"floored ticks {len(floored)}: true {sum(r['truth'] for r in floored)}, "
          f"false {sum(not r['truth'] for r in floored)}  (true, false) per value:")
    bins = {"unit_details": lambda v: min(v, 12), "label_stems_said": lambda v: v, "better_quoted": lambda v: min(v, 3),
            "nearest_own": lambda v: v, "taken": lambda v: v, "own_act": lambda v: v, "own": lambda v: v,
            "plain": lambda v: v, "unit_kind": lambda v: v, "closeness": lambda v: round(v, 1),
            "above_rest": lambda v: round(v, 1), "above_mean": lambda v: round(v, 1), "p": lambda v: round(v, 1),
            "passed_before_floor": lambda v: round(v * 5) / 5, "answer_kind": lambda v: v}
    for name, bin_of in bins.items():
        counts: dict[Any, list[int]] = defaultdict(lambda: [0, 0])
        for r in floored:
            if name in r:
                counts[bin_of(r[name])][0 if r["truth"] else 1] += 1
        print(f"  {name}: " + ", ".join(f"{k}: {t}/{f}" for k, (t, f) in sorted(counts.items(), key=lambda kv: str(kv[0]))))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=[*TUNING, "regression"], default="dev")
    ap.add_argument("--writers", help="dev2 only: these writers' answers (as bench/judge_eval.py)")
    ap.add_argument("--out", type=Path, help="write the dump here, then its table")
    ap.add_argument("--table", type=Path, help="only the table of an existing dump")
    args = ap.parse_args()
    if args.table:
        table(args.table)
        return
    if not args.out:
        ap.error("--out or --table")
    dump(args.split + (f":{args.writers}" if args.writers else ""), args.out)
    table(args.out)


if __name__ == "__main__":
    main()
