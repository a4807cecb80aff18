"""Fit the semantic judge's combination weights on the tuning splits only (never on test or holdout).

Computes each key-point decision's features (label and facet similarities, cue evidence) with the real
model, fits a logistic regression (Newton's method, small L2), reports 5-fold cross-validated P/R/F1
(folds by answer) and prints the weights to put in settings.AnalysisSettings.judge_weights.

    .venv/bin/python bench/judge_fit.py --audio   # --audio adds the dev answers' transcripts
    .venv/bin/python bench/judge_fit.py --audio --fit-on dev,dev2 --adapter-for dev=A_DEV2.npz --adapter-for dev2=A_DEV.npz

The `credited` feature must be read through a credit space not trained on dev (the shipped one was, and looks perfect
there): the weights in use were fitted with `--adapter` set to one trained on dev2 alone (`bench/judge_adapter.py
--train dev2 --out ...`; docs/benchmarks.md, "The credit space").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench.judge_eval import CORPUS, load, spoken  # noqa: E402
from voiceprep.core.analysis import adapter, evaluation  # noqa: E402
from voiceprep.core.analysis.embedder import get_embedder  # noqa: E402
from voiceprep.core.analysis.judge import AnswerJudge, Features  # noqa: E402
from voiceprep.core.transcript import Transcript  # noqa: E402
from voiceprep.settings import AnalysisSettings  # noqa: E402


def answer_judge(item, banks, transcript: Transcript, settings: AnalysisSettings, model) -> AnswerJudge:
    """The judge of one labelled answer (as text or as its transcript), as the app builds it
    (`evaluation.answer_judge`: with the bank's other questions)."""
    bank = banks[item.bank]
    return evaluation.answer_judge(transcript, bank, bank.prompt(item.prompt), settings, model)   # others too (mendF)


def features(items, banks, to_transcript) -> tuple[np.ndarray, np.ndarray, list[str]]:
    settings, model = AnalysisSettings(), get_embedder()
    xs, ys, groups = [], [], []
    for item in items:
        prompt = banks[item.bank].prompt(item.prompt)
        judge = answer_judge(item, banks, to_transcript(item), settings, model)
        for kp in prompt.key_points:
            f: Features = judge.judge(kp).judgement.features
            xs.append(f.vector())
            ys.append(kp.id in item.hits)
            groups.append(item.id)
    return np.array(xs), np.array(ys), groups


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1e-4, sample: np.ndarray | None = None,
        prior: np.ndarray | None = None) -> np.ndarray:
    """Logistic weights by Newton's method, ridge `l2` per decision (not on the bias); `sample`: each row's weight in
    the likelihood (default 1), the ridge then per unit of weight; `prior`: the ridge pulls toward these weights
    (e.g. the shipped ones) instead of toward 0."""
    sample = np.ones(len(y)) if sample is None else np.asarray(sample, dtype=float)
    centre = np.zeros(x.shape[1]) if prior is None else np.asarray(prior, dtype=float)
    w = np.zeros(x.shape[1])
    reg = l2 * sample.sum() * np.diag(np.r_[0.0, np.ones(x.shape[1] - 1)])
    for _ in range(60):
        p = 1 / (1 + np.exp(-x @ w))
        w -= np.linalg.solve((x * (sample * p * (1 - p))[:, None]).T @ x + reg,
                             x.T @ (sample * (p - y)) + reg @ (w - centre))
    return w


def prf(y: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    tp, fp, fn = int((y & pred).sum()), int((~y & pred).sum()), int((y & ~pred).sum())
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return p, r, 2 * p * r / max(p + r, 1e-9)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--audio", action="store_true")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--l2", type=float, default=1e-5, help="ridge penalty per decision (1e-5: best mean F1 on the "
                    "writer groups left out of the fit, docs/benchmarks.md judge23)")
    ap.add_argument("--repeats", type=int, default=5, help="fold splits to average")
    ap.add_argument("--adapter", type=Path, help="credit-space adapter file (default: the shipped one; a missing "
                    "file = no adapter)")
    ap.add_argument("--fit-on", default="dev", help="tuning splits to fit on, e.g. dev,dev2 (dev2:ab = writers A, B)")
    ap.add_argument("--adapter-for", action="append", default=[], metavar="SPLIT=FILE",
                    help="read this split's `credited` through this adapter (one not trained on it); else --adapter")
    ap.add_argument("--report-on", help="read the CV numbers on these of the fitted splits only (default: all)")
    ap.add_argument("--by-split", action="store_true", help="also leave each --fit-on split out of the fit in turn and "
                    "read it (text): P/R/F1 and false ticks per split, and the weights fitted without it")
    ap.add_argument("--drop", default="", help="features to leave out (0 in every row), e.g. concrete: an ablation")
    args = ap.parse_args()
    if args.adapter:
        adapter.ADAPTER_PATH = args.adapter
    crossed = dict(a.split("=", 1) for a in args.adapter_for)
    parts: list[tuple[np.ndarray, np.ndarray, list[str], np.ndarray]] = []
    origin: list[str] = []
    for split in args.fit_on.split(","):
        adapter.ADAPTER_PATH = Path(crossed[split]) if split in crossed else (args.adapter or adapter.ADAPTER_PATH)
        items, banks = load(split, args.corpus)
        x, y, groups = features(items, banks, lambda i: Transcript.from_text(i.text))
        parts.append((x, y, groups, np.ones(len(y), dtype=bool)))
        origin += [split] * len(y) * (2 if args.audio else 1)
        if args.audio:
            cache = spoken(items, banks)
            xa, ya, ga = features(items, banks, lambda i, heard_as=cache: heard_as[i.text])
            parts.append((xa, ya, ga, np.zeros(len(ya), dtype=bool)))
    x, y = np.vstack([p[0] for p in parts]), np.concatenate([p[1] for p in parts])
    groups = [g for p in parts for g in p[2]]
    text = np.concatenate([p[3] for p in parts])
    shown = np.isin(origin, (args.report_on or args.fit_on).split(","))     # the rows the CV numbers are read on
    for name in filter(None, args.drop.split(",")):
        x[:, Features.NAMES.index(name)] = 0.0
    results: dict[float, list[tuple[float, float, float, float]]] = {}
    for split in range(args.repeats):     # mean over several fold splits: one split's luck is +-0.005 F1
        ids = sorted(set(groups))
        rng = np.random.default_rng(split)
        rng.shuffle(ids)
        fold_of = {a: k % 5 for k, a in enumerate(ids)}
        folds = np.array([fold_of[g] for g in groups])
        scores = np.zeros(len(y))
        for k in range(5):
            w = fit(x[folds != k], y[folds != k], args.l2)
            scores[folds == k] = 1 / (1 + np.exp(-x[folds == k] @ w))
        for t in (0.4, 0.45, 0.5, 0.55, 0.6):
            p, r, f = prf(y[text & shown], scores[text & shown] >= t)
            fa = prf(y[~text & shown], scores[~text & shown] >= t)[2] if args.audio else float("nan")
            results.setdefault(t, []).append((p, r, f, fa))
    for t, rows in results.items():
        p, r, f, fa = np.mean(rows, axis=0)
        print(f"5-fold CV (mean of {args.repeats} splits), threshold {t:.2f}: text P {p:.3f}  R {r:.3f}  F1 {f:.3f}"
              + (f"   audio F1 {fa:.3f}" if args.audio else ""))
    if args.by_split:       # each split (writer group) read through weights fitted on the others only
        splits = args.fit_on.split(",")
        where = np.array(origin)
        without = {s: fit(x[where != s], y[where != s], args.l2) for s in splits}
        for t in (0.45, 0.5, 0.55, 0.6, 0.65):
            row = []
            for s in splits:
                rows = (where == s) & text
                pred = 1 / (1 + np.exp(-x[rows] @ without[s])) >= t
                p, r, f = prf(y[rows], pred)
                row.append(f"{s} {p:.3f}/{r:.3f}/{f:.3f} fp {int((~y[rows] & pred).sum())}")
            print(f"left out, threshold {t:.2f}: " + "; ".join(row))
        for s, w in without.items():
            print(f"without {s}: (" + ", ".join(f"{v:.3f}" for v in w) + ")")
    w = fit(x, y, args.l2)
    print("features:", ", ".join(Features.NAMES))
    print("judge_weights = (" + ", ".join(f"{v:.3f}" for v in w) + ")")


if __name__ == "__main__":
    main()
