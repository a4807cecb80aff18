"""Feature experiments for the semantic judge, on the DEV split only (never on test).

Computes, for every dev key-point decision (as text and, with --audio, through the cached transcripts), the
judge's features plus candidate features, and compares feature sets by repeated 5-fold cross-validation
(folds by answer, mean over several fold splits): P, R, F1 on text and audio, and the coverage error.

    .venv/bin/python bench/judge_cv.py --audio                 # every candidate set in SETS
    .venv/bin/python bench/judge_cv.py --audio --sets base,contrast
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench.judge_eval import CORPUS, load, spoken  # noqa: E402
from bench.judge_fit import fit, prf  # noqa: E402
from voiceprep.core.analysis.embedder import get_embedder  # noqa: E402
from voiceprep.core.analysis.evaluation import answer_judge  # noqa: E402
from voiceprep.core.analysis.judge import (  # noqa: E402
    Features,
    label_markers,
    own_stems,
    specific_words,
    usable,
)
from voiceprep.core.transcript import Transcript  # noqa: E402
from voiceprep.settings import AnalysisSettings  # noqa: E402

BASE = [n for n in Features.NAMES if n != "substance"]


def raw_features(items, banks, to_transcript, source: str) -> list[dict]:
    settings, model = AnalysisSettings(), get_embedder()
    rows = []
    for item in items:
        transcript = to_transcript(item)
        raw = [w.word for w in transcript.words()]
        prompt = banks[item.bank].prompt(item.prompt)
        judge = answer_judge(transcript, banks[item.bank], prompt, settings, model)      # others too (mendF)
        kps = prompt.key_points
        labels = model.embed([kp.label for kp in kps])
        pvec = model.embed([prompt.text])[0]
        vec = judge.vectors
        n_sent = sum(u.kind == "sentence" for u in judge.units)
        all_sims = vec @ labels.T if vec is not None else np.zeros((0, len(kps)))
        is_sent = np.array([u.kind == "sentence" for u in judge.units])
        kp_best = all_sims.max(axis=1)
        fillers = {"um", "uh", "like", "you", "know", "basically", "so", "yeah", "kind", "of", "sort", "i", "mean"}
        content = sum(1 for w in raw if w.strip(" ,.?!").lower() not in fillers)
        on_topic = {t: float(np.log1p((is_sent & (kp_best >= t)).sum() / len(kps))) for t in (0.2, 0.3, 0.4)}
        per_kp = []
        for k, kp in enumerate(kps):
            res = judge.judge(kp)
            f: Features = res.judgement.features
            allowed = label_markers(kp.label, judge.prompt)
            ok = np.array([usable(u, allowed) for u in judge.units])
            sims = np.where(ok[:, None], all_sims, -1.0)
            mine = sims[:, k]
            others = np.delete(sims, k, axis=1)
            other_best = others.max(axis=1) if others.shape[1] else np.full(len(mine), -1.0)
            best = int(np.argmax(mine))
            sent = np.array([u.kind == "sentence" for u in judge.units]) & ok
            s_sorted = np.sort(np.where(sent, all_sims[:, k], -1.0))[::-1]
            soft = np.exp(sims / 0.05)
            share = soft[:, k] / soft.sum(axis=1)
            d = dict(zip(BASE, f.vector()))
            unit = res.judgement.unit
            spec = specific_words(unit.text, own_stems(kp.label, kp.cues)) if unit else 0
            d.update(
                specific=float(np.log1p(spec)),
                specific_lex=float(np.log1p(spec)) * (d["authored_cues"] + d["label_words"]),
                contrast_best=float((mine - other_best).max()),
                contrast_at=float(mine[best] - other_best[best]),
                soft_max=float(share[ok].max()) if ok.any() else 0.0,
                soft_at=float(share[best]),
                top2=float(s_sorted[:2].mean()) if len(s_sorted) >= 2 else float(s_sorted[0]),
                top3=float(s_sorted[:3].mean()) if len(s_sorted) >= 3 else float(s_sorted.mean()),
                n_over40=float((s_sorted >= 0.40).sum()),
                n_over50=float((s_sorted >= 0.50).sum()),
                best_to_prompt=float(vec[best] @ pvec),
                label_to_prompt=float(labels[k] @ pvec),
                n_kp=float(len(kps)),
                log_sent=float(np.log1p(n_sent)),
                log_words=float(np.log1p(len(raw))),
                content_per_kp=float(np.log1p(content / len(kps) / 10)),
                on20=on_topic[0.2], on30=on_topic[0.3], on40=on_topic[0.4],
                sent_per_kp=float(np.log1p(n_sent / len(kps))),
                rank=float((np.array([sims[:, j].max() for j in range(len(kps))]) > mine.max()).sum()),
                rel_answer=float(mine.max() - np.mean([sims[:, j].max() for j in range(len(kps))])),
            )
            per_kp.append(d)
        for kp, d in zip(kps, per_kp):
            d.update(y=kp.id in item.hits, group=item.id, source=source, weight=kp.weight,
                     answer=f"{source}:{item.id}", kind=item.kind, kp=f"{item.prompt}/{kp.id}")
            rows.append(d)
    return rows


def derived(rows: list[dict]) -> None:
    for d in rows:
        lex = d["authored_cues"] + d["label_words"]
        d["label_x_lex"] = d["label"] * lex
        d["topic_x_lex"] = d["topic"] * lex
        d["contrast_x_label"] = d["contrast_best"] * d["label"]
        for h in (0.9, 1.0, 1.1, 1.3):
            d[f"long{h}"] = max(0.0, d["content_per_kp"] - h)


SETS: dict[str, list[str]] = {
    "base": BASE,
    "substance": BASE + ["content_per_kp"],
    "long0.9": BASE + ["long0.9"],
    "long1.0": BASE + ["long1.0"],
    "long1.1": BASE + ["long1.1"],
    "long1.3": BASE + ["long1.3"],
    "contrast_best": BASE + ["contrast_best"],
    "contrast_at": BASE + ["contrast_at"],
    "soft": BASE + ["soft_max"],
    "soft_at": BASE + ["soft_at"],
    "top2": BASE + ["top2"],
    "top3": BASE + ["top3"],
    "counts": BASE + ["n_over40", "n_over50"],
    "prompt": BASE + ["best_to_prompt", "label_to_prompt"],
    "size": BASE + ["n_kp", "log_sent"],
    "n_kp": BASE + ["n_kp"],
    "log_sent": BASE + ["log_sent"],
    "log_words": BASE + ["log_words"],
    "content_per_kp": BASE + ["content_per_kp"],
    "on20": BASE + ["on20"],
    "on30": BASE + ["on30"],
    "on40": BASE + ["on40"],
    "sent_per_kp": BASE + ["sent_per_kp"],
    "rank": BASE + ["rank"],
    "rel": BASE + ["rel_answer"],
    "inter": BASE + ["label_x_lex", "topic_x_lex"],
    "specific": BASE + ["specific"],
    "specific_lex": BASE + ["specific_lex"],
    "specific_both": BASE + ["specific", "specific_lex"],
}


def cv(rows: list[dict], names: list[str], l2: float, repeats: int, by_prompt: bool = False):
    x = np.array([[d[n] for n in names] for d in rows])
    y = np.array([d["y"] for d in rows])
    groups = [d["kp"].split("/")[0] if by_prompt else d["group"] for d in rows]
    ids = sorted(set(groups))
    scores = np.zeros((repeats, len(y)))
    for r in range(repeats):
        rng = np.random.default_rng(r)
        order = list(ids)
        rng.shuffle(order)
        fold_of = {a: k % 5 for k, a in enumerate(order)}
        folds = np.array([fold_of[g] for g in groups])
        for k in range(5):
            w = fit(x[folds != k], y[folds != k], l2)
            scores[r, folds == k] = 1 / (1 + np.exp(-x[folds == k] @ w))
    return y, scores


def report(rows: list[dict], y: np.ndarray, scores: np.ndarray, t: float) -> dict[str, float]:
    out: dict[str, float] = {}
    for source in ("text", "audio"):
        sel = np.array([d["source"] == source for d in rows])
        if not sel.any():
            continue
        ps, rs, fs, cov = [], [], [], []
        for s in scores:
            pred = s >= t
            p, r, f = prf(y[sel], pred[sel])
            ps.append(p)
            rs.append(r)
            fs.append(f)
            cov.append(coverage_error([d for d, m in zip(rows, sel) if m], y[sel], pred[sel]))
        out.update({f"{source}_P": np.mean(ps), f"{source}_R": np.mean(rs), f"{source}_F1": np.mean(fs),
                    f"{source}_cov": np.mean(cov)})
    return out


def coverage_error(rows: list[dict], y: np.ndarray, pred: np.ndarray) -> float:
    by: dict[str, list[float]] = {}
    for d, a, b in zip(rows, y, pred):
        h = by.setdefault(d["answer"], [0.0, 0.0, 0.0])
        h[0] += d["weight"] * a
        h[1] += d["weight"] * b
        h[2] += d["weight"]
    return float(np.mean([100 * abs(a - b) / w for a, b, w in by.values()]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--audio", action="store_true")
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--by-prompt", action="store_true", help="folds by prompt: no prompt seen in training")
    ap.add_argument("--cache", type=Path, default=REPO / "bench/out/judge-cv-rows.npy")
    ap.add_argument("--kinds", action="store_true", help="false hits and misses per kind (first fold split)")
    ap.add_argument("--fresh", action="store_true", help="recompute the features (after changing the judge)")
    args = ap.parse_args()
    if args.cache.exists() and not args.fresh:
        rows = list(np.load(args.cache, allow_pickle=True))
    else:
        items, banks = load("dev", CORPUS)
        rows = raw_features(items, banks, lambda i: Transcript.from_text(i.text), "text")
        if args.audio:
            cache = spoken(items, banks)
            rows += raw_features(items, banks, lambda i: cache[i.text], "audio")
        args.cache.parent.mkdir(parents=True, exist_ok=True)
        np.save(args.cache, np.array(rows, dtype=object), allow_pickle=True)
    derived(rows)
    for name in args.sets.split(","):
        names = SETS[name] if name in SETS else BASE + name.split("+")
        y, scores = cv(rows, names, args.l2, args.repeats, args.by_prompt)
        r = report(rows, y, scores, args.threshold)
        print(f"{name:16} " + "  ".join(f"{k} {v:.3f}" if not k.endswith("cov") else f"{k} {v:.1f}"
                                        for k, v in r.items()))
        reg_path = args.cache.parent / "cv-reg.npy"
        if reg_path.exists():       # fitted on all of dev, measured on the regression set (another answer style)
            reg = list(np.load(reg_path, allow_pickle=True))
            derived(reg)
            w = fit(np.array([[d[n] for n in names] for d in rows]), np.array([d["y"] for d in rows]), args.l2)
            xr = np.array([[d[n] for n in names] for d in reg])
            yr = np.array([d["y"] for d in reg])
            p, r, f = prf(yr, 1 / (1 + np.exp(-xr @ w)) >= args.threshold)
            print(f"{'':16} regression P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
        if args.kinds:
            pred = scores.mean(axis=0) >= args.threshold
            for kind in sorted({d["kind"] for d in rows}):
                sel = np.array([d["kind"] == kind for d in rows])
                print(f"    {kind:20} fp {int((pred & ~y & sel).sum()):3}  fn {int((~pred & y & sel).sum()):3}"
                      f"  of {int(sel.sum())}")


if __name__ == "__main__":
    main()
