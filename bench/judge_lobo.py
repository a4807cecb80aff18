"""Leave one bank out: train the credit space (bench/judge_adapter.py) on the shipped space's answers (dev and dev2
writers A, B) without one bank's, fit the combination's weights (bench/judge_fit.py, l2 1e-5, text and transcripts) on
dev without that bank, and read the bank's answers by the writers neither was trained on (dev2 C-G) through the
shipped space and weights and through the ones that never saw the bank. Whether the known banks read better than a new
one because their own key points were fitted. Tuning splits only; needs PyTorch (as judge_adapter.py).

    python bench/judge_lobo.py --bank nurse-manager-medsurg [--read cdefg]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench.judge_adapter import bags, train  # noqa: E402
from bench.judge_eval import CORPUS, load, spoken  # noqa: E402
from bench.judge_fit import features, fit  # noqa: E402
from voiceprep.core.analysis import adapter  # noqa: E402
from voiceprep.core.analysis.evaluation import evaluate, judge_hits  # noqa: E402
from voiceprep.core.transcript import Transcript  # noqa: E402
from voiceprep.settings import AnalysisSettings  # noqa: E402

OUT = REPO / "bench/out/judge-lobo"


def read(items, banks, space: Path, weights: tuple[float, ...] | None) -> str:
    adapter.ADAPTER_PATH = space
    settings = AnalysisSettings(judge_weights=weights) if weights else AnalysisSettings()
    s = evaluate(items, banks, lambda i: Transcript.from_text(i.text), judge_hits, settings)
    return f"P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f} (tp {s.tp} fp {s.fp} fn {s.fn})"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bank", required=True, help="the bank left out")
    ap.add_argument("--read", default="cdefg", help="dev2 writers whose answers on the bank are read")
    ap.add_argument("--l2", default="1e-5,1e-4,1e-3,1e-2", help="ridge penalties to fit the weights with")
    args = ap.parse_args()
    shipped = adapter.ADAPTER_PATH
    OUT.mkdir(parents=True, exist_ok=True)
    space = OUT / f"without-{args.bank}.npz"
    if not space.exists():
        data = bags("dev", args.bank) + bags("dev2:ab", args.bank)
        p, q = train(data, 32, 0.01)
        np.savez(space, p=p.astype(np.float32), q=q.astype(np.float32))
        print(f"trained {space.name} on {len(data)} bags")
    adapter.ADAPTER_PATH = space
    dev, banks = load("dev", CORPUS)
    dev = [i for i in dev if i.bank != args.bank]
    heard = spoken(dev, banks)
    xt, yt, _ = features(dev, banks, lambda i: Transcript.from_text(i.text))
    xa, ya, _ = features(dev, banks, lambda i: heard[i.text])
    x, y = np.vstack([xt, xa]), np.r_[yt, ya]
    items, _ = load(f"dev2:{args.read}", CORPUS)
    items = [i for i in items if i.bank == args.bank]
    print(f"{args.bank}: {len(items)} answers of dev2 {args.read}")
    print(f"  shipped space and weights:          {read(items, banks, shipped, None)}")
    print(f"  space without it, shipped weights:  {read(items, banks, space, None)}")
    for l2 in (float(v) for v in args.l2.split(",")):
        weights = tuple(round(float(w), 3) for w in fit(x, y, l2))
        print(f"  space and weights without it, l2 {l2:g}: {read(items, banks, space, weights)}")

if __name__ == "__main__":
    main()
