"""The judge on a tuning split (dev, or dev2 with --split dev2), per bank, per prompt of the plain-label banks, and
label-only against authored key points: where recall on plain-sentence labels is lost (never test or holdout).

    .venv/bin/python bench/judge_banks.py [--split dev2] [--audio] [--errors PROMPT,PROMPT]   # named prompts' errors
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench import out_of_sample as out_of_sample_guard  # noqa: E402
from bench.judge_eval import CORPUS, load, spoken  # noqa: E402
from voiceprep.core.analysis.embedder import get_embedder  # noqa: E402
from voiceprep.core.analysis.evaluation import Scores, answer_judge  # noqa: E402
from voiceprep.core.analysis.scoring import weighted_hits  # noqa: E402
from voiceprep.core.transcript import Transcript  # noqa: E402
from voiceprep.settings import AnalysisSettings  # noqa: E402


def per_group(items, banks, to_transcript, show: set[str]) -> tuple[dict[str, Scores], list[str]]:
    settings, model = AnalysisSettings(), get_embedder()
    groups: dict[str, Scores] = defaultdict(Scores)
    shown: list[str] = []
    for item in items:
        prompt = banks[item.bank].prompt(item.prompt)
        transcript = to_transcript(item)
        judge = answer_judge(transcript, banks[item.bank], prompt, settings, model)      # others too (mendF)
        got = {}
        for kp in prompt.key_points:
            r = judge.judge(kp)
            got[kp.id] = r.hit
            where = f"{item.id} {item.kind:11} {item.prompt}/{kp.id}"
            keys = ["all", f"bank {item.bank}", "label-only" if kp.cues_from_label else "authored cues"]
            if kp.cues_from_label:
                keys.append(f"  prompt {item.prompt}")
            for k in keys:
                groups[k].add(kp.id in item.hits, r.hit, where)
            if item.prompt in show and (kp.id in item.hits) != r.hit:
                j = r.judgement
                extra = (f"p {j.probability:.2f} sim {j.similarity:.2f} feats "
                         + " ".join(f"{v:.2f}" for v in j.features.vector()[1:])
                         + f" | {j.unit.text if j.unit else ''}") if j else ""
                shown.append(f"{'missed' if kp.id in item.hits else 'false hit'} {where} {extra}")
        human = weighted_hits([(kp, kp.id in item.hits) for kp in prompt.key_points]) or 0.0
        judged = weighted_hits([(kp, got[kp.id]) for kp in prompt.key_points]) or 0.0
        groups["all"].coverage_diffs.append(abs(human - judged))
        groups[f"bank {item.bank}"].coverage_diffs.append(abs(human - judged))
    return groups, shown


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=["dev", "dev2"], default="dev", help="a tuning split (never a held-out one)")
    ap.add_argument("--writers", default="", help="dev2 only: these writers' answers (letters, e.g. cdefg)")
    ap.add_argument("--out-of-sample", action="store_true", help=out_of_sample_guard.HELP)
    ap.add_argument("--audio", action="store_true")
    ap.add_argument("--errors", default="", help="comma-separated prompt ids whose wrong decisions are listed")
    args = ap.parse_args()
    items, banks = load(f"{args.split}:{args.writers}" if args.writers else args.split, CORPUS, args.out_of_sample)
    inputs = {"text": lambda item: Transcript.from_text(item.text)}
    if args.audio:
        cache = spoken(items, banks)
        inputs["audio"] = lambda item: cache[item.text]
    show = set(filter(None, args.errors.split(",")))
    for name, to_transcript in inputs.items():
        groups, shown = per_group(items, banks, to_transcript, show)
        for key in sorted(groups, key=lambda k: (k != "all", k.startswith("  "), k)):
            print(f"{name:5} {key:40} {groups[key].row()}")
        print("\n".join("   " + e for e in shown))


if __name__ == "__main__":
    main()
