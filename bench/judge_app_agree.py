"""Whether the evaluation measures what the app shows: each key-point decision as `voiceprep score --json` prints it
(key_points[].hit, through `app.judging.run_judge`) against `evaluation.judge_hits` (what bench/judge_eval.py counts),
on the tuning splits and the regression set (mend57, session 51).

    .venv/bin/python bench/judge_app_agree.py --split dev2 --writers v [--list]

Prints the count of decisions that differ, and tp/fp/fn/tn of both readings against the labels; `--list` names each
differing decision. Never for the held-out splits (test, holdout) nor the out-of-sample writers (bench/out_of_sample.py).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench.judge_eval import CORPUS, load  # noqa: E402
from voiceprep.app.judging import run_judge  # noqa: E402
from voiceprep.core.analysis.evaluation import Scores, judge_hits  # noqa: E402
from voiceprep.core.transcript import Transcript  # noqa: E402
from voiceprep.settings import AnalysisSettings  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=["dev", "dev2", "regression"], default="dev")
    ap.add_argument("--writers", help="dev2 only: these writers' answers (letters)")
    ap.add_argument("--list", action="store_true", help="name each decision that differs")
    args = ap.parse_args()
    items, banks = load(args.split + (f":{args.writers}" if args.writers else ""), CORPUS)
    settings = AnalysisSettings()
    app, judged, differ = Scores(), Scores(), []
    start = time.perf_counter()
    for item in items:
        bank = banks[item.bank]
        prompt = bank.prompt(item.prompt)
        transcript = Transcript.from_text(item.text)
        shown = {k["id"] for k in run_judge(bank, prompt, transcript, settings).to_dict()["key_points"] if k["hit"]}
        counted = judge_hits(transcript, prompt, settings, bank)
        for kp in prompt.key_points:
            where = f"{item.id} {item.kind} {kp.id}"
            app.add(kp.id in item.hits, kp.id in shown, where)
            judged.add(kp.id in item.hits, kp.id in counted, where)
            if (kp.id in shown) != (kp.id in counted):
                differ.append(f"{where}: app {kp.id in shown} evaluation {kp.id in counted} label {kp.id in item.hits}")
    print(f"{args.split}{':' + args.writers if args.writers else ''}: {len(items)} answers, "
          f"{len(differ)} decisions differ  [{time.perf_counter() - start:.0f} s]")
    print(f"  app (score --json)       tp {app.tp} fp {app.fp} fn {app.fn} tn {app.tn}")
    print(f"  evaluation (judge_hits)  tp {judged.tp} fp {judged.fp} fn {judged.fn} tn {judged.tn}")
    if args.list:
        print("\n".join("   " + d for d in differ))


if __name__ == "__main__":
    main()
