"""The crossed read of a credit space and logistic weights, on the tuning answers only (text): each writer group read
through a space (bench/judge_lowo.py) and weights (judge_fit's `fit`) not trained on it, the whole judge's decisions
and not the logistic's alone.

One pass of the real judge over every tuning answer records, per key-point decision, all that a new space or new
weights can change: the features but `credited`, the units `credited` is read over (`AnswerJudge._credited`), the
claimed acts' features (`_claims_probability`), the floor that applies (`_told_in_detail`) and whether a rule sets
the point aside whatever the probability (read with every weight 0 and a bias of 50, so that every gated rule runs).
Then any space, weights and threshold are read in numpy: `decide` is `AnswerJudge.judge`'s order of the floors and
set-asides. `--check` compares `decide` with the judge's own decisions (shipped space and weights): they must agree.

    .venv/bin/python bench/judge_cross.py --check
    .venv/bin/python bench/judge_cross.py --train 'dev,A-D;E-G,H-J' --rank 32 --ridge 0.01 --steps 150 --threads 1
    .venv/bin/python bench/judge_cross.py --read 'dev,A-D;E-G,H-J;K,L,M;N,O' --rank 32 --ridge 0.01 --steps 150
    .venv/bin/python bench/judge_cross.py --final --rank 32 --ridge 0.01 --steps 150 --folds '...' [--with-regression]
    .venv/bin/python bench/judge_cross.py --refit --l2 1e-4 --thresholds 0.5 --weight 'dev,regression=3' \
        [--fit-space 'dev=FILE;A-D=FILE'] [--toward-shipped] [--anchor --free bias,credited]   # the weights alone

Never the test, holdout or regression answers in a space; writer R (out of sample) in nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import pickle
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench import judge_probe as probe  # noqa: E402
from bench.judge_eval import CORPUS, load  # noqa: E402
from bench.judge_fit import answer_judge, fit  # noqa: E402
from bench.judge_lowo import GROUPS, OUT, train  # noqa: E402
from voiceprep.core.analysis import adapter  # noqa: E402
from voiceprep.core.analysis.embedder import get_embedder  # noqa: E402
from voiceprep.core.analysis.judge import CLAIM_MARGIN, AnswerJudge, Features  # noqa: E402
from voiceprep.core.transcript import Transcript  # noqa: E402
from voiceprep.settings import AnalysisSettings  # noqa: E402

READ = {**GROUPS, "regression": "regression"}     # regression: read (and, if asked, in the weight fit), never trained on
CRED = Features.NAMES.index("credited")


@dataclasses.dataclass
class Decisions:
    """Every recorded decision of one group (rows) and its answers' unit vectors."""
    x: np.ndarray            # [n, 14] features, `credited` as the shipped space read it
    y: np.ndarray            # [n] labelled covered
    hit: np.ndarray          # [n] the judge's own decision (shipped space and weights)
    answer: np.ndarray       # [n] index into units
    label: np.ndarray        # [n, D] the label's vector
    usable: list[np.ndarray]     # per row, the units `credited` is read over
    claims: list[np.ndarray]     # per row, the claimed acts' feature rows ([0, 14] for a cued label)
    plain: np.ndarray        # cues from the label (claims and the concrete floor) or not (the details floor)
    floor: np.ndarray        # the floor's condition (`AnswerJudge._told_in_detail` for a probability above its minimum)
    vetoed: np.ndarray       # a rule sets it aside whatever the probability
    units: list[np.ndarray]  # per answer [U, D]
    ids: list[str]           # per row, "answer id/key point id"


def _fingerprint() -> str:
    from voiceprep.core.analysis.embedder import MODEL_SHA256
    from voiceprep.core.analysis.judge import JUDGE_VERSION
    digest = hashlib.sha256(f"{JUDGE_VERSION}\n{MODEL_SHA256}\n{sorted(READ.items())}\nfloor 2".encode())
    for path in sorted(CORPUS.glob("*.toml")) + sorted((CORPUS / "banks").glob("*.toml")):
        digest.update(path.read_bytes())
    digest.update((REPO / "voiceprep/core/analysis/judge.py").read_bytes())
    digest.update((REPO / "voiceprep/settings.py").read_bytes())
    return digest.hexdigest()[:12]


def record(split: str) -> Decisions:
    """One group's decisions, read by the real judge (text), shipped space and weights."""
    settings, model = AnalysisSettings(), get_embedder()
    assert model is not None, "the sentence model is needed"
    forced = dataclasses.replace(settings, judge_weights=(50.0,) + (0.0,) * (len(settings.judge_weights) - 1))
    # every probability between the floor's minimum and the threshold: `_told_in_detail` is asked for every point
    mid = (settings.plain_concrete_min_probability + settings.judge_threshold) / 2
    under = dataclasses.replace(settings, judge_weights=(float(np.log(mid / (1 - mid))),)
                                + (0.0,) * (len(settings.judge_weights) - 1))
    seen: dict[str, Any] = {}
    originals = {name: getattr(AnswerJudge, name) for name in ("_credited", "_claims_probability", "_told_in_detail")}
    original_credited = originals["_credited"]

    def credited(self, label, usable_units):  # type: ignore[no-untyped-def]
        seen["label"], seen["usable"] = label.copy(), usable_units.copy()
        return original_credited(self, label, usable_units)

    # the floor's condition and the claimed acts' rows kept as judge_probe keeps them
    for name, method in {**probe.recording_methods(seen), "_credited": credited}.items():
        setattr(AnswerJudge, name, method)
    try:
        items, banks = load(split, CORPUS)
        out: dict[str, list] = {k: [] for k in ("x", "y", "hit", "answer", "label", "usable", "claims", "plain",
                                                "floor", "vetoed", "units", "ids")}
        for item in items:
            prompt = banks[item.bank].prompt(item.prompt)
            transcript = Transcript.from_text(item.text)
            judge = answer_judge(item, banks, transcript, settings, model)
            if judge.vectors is None:
                continue
            a = len(out["units"])
            out["units"].append(judge.vectors.astype(np.float32))
            for kp in prompt.key_points:
                seen.clear()
                result = judge.judge(kp)
                f = result.judgement.features
                out["x"].append(f.vector())
                out["y"].append(kp.id in item.hits)
                out["hit"].append(result.hit)
                out["answer"].append(a)
                out["label"].append(np.asarray(seen["label"], dtype=np.float32))
                out["usable"].append(np.asarray(seen["usable"], dtype=bool))
                out["claims"].append(np.array(seen.get("claims", []), dtype=float).reshape(-1, len(Features.NAMES)))
                out["plain"].append(kp.cues_from_label)
                judge.s = forced        # the weights are read nowhere else: the same judge, every gated rule run
                out["vetoed"].append(not judge.judge(kp).hit)
                judge.s = under         # the floor's own condition (`_told_in_detail` with p above its minimum)
                seen.pop("floor", None)
                judge.judge(kp)
                out["floor"].append(bool(seen["floor"]))
                judge.s = settings
                out["ids"].append(f"{item.id}/{kp.id}")
    finally:
        for name, method in originals.items():
            setattr(AnswerJudge, name, method)
    return Decisions(x=np.array(out["x"]), y=np.array(out["y"], dtype=bool), hit=np.array(out["hit"], dtype=bool),
                     answer=np.array(out["answer"]), label=np.stack(out["label"]), usable=out["usable"],
                     claims=out["claims"], plain=np.array(out["plain"], dtype=bool),
                     floor=np.array(out["floor"], dtype=bool), vetoed=np.array(out["vetoed"], dtype=bool),
                     units=out["units"], ids=out["ids"])


def recorded() -> dict[str, Decisions]:
    """Every group's decisions, once (cached in OUT by judge, model, corpus and settings)."""
    cache = OUT / f"cross-{_fingerprint()}.pkl"
    if cache.exists():
        return {g: Decisions(**fields) for g, fields in pickle.loads(cache.read_bytes()).items()}
    data = {}
    for group, split in READ.items():
        start = time.perf_counter()
        data[group] = record(split)
        print(f"recorded {group}: {len(data[group].y)} decisions, {time.perf_counter() - start:.0f} s", flush=True)
    OUT.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps({g: dataclasses.asdict(d) for g, d in data.items()}))   # plain: any importer reads it
    return data


def space_credited(d: Decisions, space: tuple[np.ndarray, np.ndarray] | None) -> np.ndarray:
    """Each decision's `credited` read through this space (p, q); None: the shipped one."""
    if space is None:
        with np.load(adapter.ADAPTER_PATH) as f:
            space = (f["p"], f["q"])
    p, q = space

    def mapped(v: np.ndarray) -> np.ndarray:
        m = v + (v @ q) @ p.T
        return m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12)

    units = [mapped(u) for u in d.units]
    labels = mapped(d.label)
    out = np.zeros(len(d.y))
    for i, (a, usable) in enumerate(zip(d.answer, d.usable)):
        if usable.any():
            out[i] = float(np.where(usable, units[a] @ labels[i], -1.0).max())
    return out


def features(d: Decisions, cred: np.ndarray) -> np.ndarray:
    x = d.x.copy()
    x[:, CRED] = cred
    return x


def decide(d: Decisions, cred: np.ndarray, w: np.ndarray, threshold: float, concrete_min: float) -> np.ndarray:
    """`AnswerJudge.judge`'s decision for every row, with this `credited`, these weights and this threshold."""
    def sig(z: np.ndarray | float) -> np.ndarray:
        return 1 / (1 + np.exp(-np.asarray(z)))
    p = sig(features(d, cred) @ w)
    for i in np.flatnonzero(d.plain):
        if len(d.claims[i]):
            c = d.claims[i].copy()
            c[:, CRED] = cred[i]
            claimed = float(sig(c @ w).max())
            if claimed >= threshold + CLAIM_MARGIN:
                p[i] = max(p[i], claimed)
    p = np.where(d.floor & (p >= concrete_min), np.maximum(p, threshold), p)
    return (p >= threshold) & ~d.vetoed


def counts(y: np.ndarray, pred: np.ndarray) -> tuple[int, int, int]:
    return int((y & pred).sum()), int((~y & pred).sum()), int((y & ~pred).sum())


def prf(tp: int, fp: int, fn: int) -> str:
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return f"{p:.3f} / {r:.3f} / {2 * p * r / max(p + r, 1e-9):.3f}, fp {fp}, fn {fn}"


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / max(2 * tp + fp + fn, 1)


def tag(rank: int, ridge: float, steps: int) -> str:
    return f"r{rank}-l{ridge:g}-s{steps}"


def space_path(fold: list[str], setting: str) -> Path:
    return OUT / f"cross-without-{'+'.join(fold)}-{setting}.npz"


def load_space(path: Path) -> tuple[np.ndarray, np.ndarray]:
    with np.load(path) as f:
        return f["p"], f["q"]


def bags(data: dict[str, Decisions], groups: list[str]):  # type: ignore[no-untyped-def]
    """judge_lowo's answers (group, kind, labels [K, D], units [U, D], credited [K]) from the recorded decisions."""
    out = []
    for g in groups:
        d = data[g]
        for a in range(len(d.units)):
            rows = np.flatnonzero(d.answer == a)
            out.append((g, "text", d.label[rows], d.units[a], d.y[rows]))
    return out


def _named(spec: str) -> dict[str, str]:
    """"dev,regression=3;A-D=2" -> {"dev": "3", "regression": "3", "A-D": "2"}."""
    out = {}
    for part in filter(None, spec.split(";")):
        names, _, value = part.partition("=")
        out.update({g: value for g in names.split(",")})
    return out


def refit(args: argparse.Namespace, data: dict[str, Decisions]) -> None:
    """The weights alone refitted on one space (the shipped one unless --space), read crossed: each group through
    weights fitted without it; an --inner group (dev, regression: one labeller each, whose other answers the shipped
    weights are meant to keep) in five folds by answer, each read through weights fitted on everything else, the
    group's other four fifths included. So dev's read is out of sample for its answers, as the test split is."""
    settings = AnalysisSettings()
    shipped_w = np.array(settings.judge_weights)
    concrete_min = settings.plain_concrete_min_probability
    groups = [g for g in READ if g in data and g not in args.skip.split(",")]
    fitted = [g for g in groups if g not in args.no_fit.split(",")]
    inner = [g for g in args.inner.split(",") if g in fitted]
    space = load_space(args.space) if args.space else None
    read_cred = {g: space_credited(data[g], space) for g in groups}
    for g, path in _named(args.cross_space).items():     # read and fitted through a space not trained on them
        read_cred[g] = space_credited(data[g], load_space(Path(path)))
    fit_cred = dict(read_cred)
    for g, path in _named(args.fit_space).items():       # the fit rows of groups the read space was trained on
        fit_cred[g] = space_credited(data[g], load_space(Path(path)))
    sample = {g: float(_named(args.weight).get(g, 1.0)) for g in groups}
    names = Features.NAMES
    free = [names.index(n) for n in args.free.split(",")] if args.free else list(range(len(names)))
    dropped = [names.index(n) for n in filter(None, args.drop.split(","))]
    free = [i for i in free if i not in dropped]
    folds_of = {}
    for g in inner:         # five folds by answer, fixed
        answers = np.unique(data[g].answer)
        np.random.default_rng(0).shuffle(answers)
        fold = {a: k % 5 for k, a in enumerate(answers)}
        folds_of[g] = np.array([fold[a] for a in data[g].answer])

    def design(g: str, cred: np.ndarray) -> np.ndarray:
        x = features(data[g], cred)
        if args.anchor:     # bias, the shipped weights' score, the free features (the bias always free)
            return np.column_stack([x[:, 0], x @ shipped_w] + [x[:, i] for i in free if i != 0])
        return x[:, [0] + [i for i in free if i != 0]]

    def weights(coef: np.ndarray) -> np.ndarray:
        w = coef[1] * shipped_w if args.anchor else np.zeros(len(names))
        w[0] += coef[0]
        for c, i in zip(coef[2 if args.anchor else 1:], [i for i in free if i != 0]):
            w[i] += c
        return w

    rows = {g: design(g, fit_cred[g]) for g in fitted}

    def fit_without(l2: float, out_group: str | None, out_mask: np.ndarray | None = None) -> np.ndarray:
        xs, ys, ss = [], [], []
        for g in fitted:
            keep = np.ones(len(data[g].y), dtype=bool)
            if g == out_group:
                keep = ~out_mask if out_mask is not None else ~keep
            xs.append(rows[g][keep])
            ys.append(data[g].y[keep])
            ss.append(np.full(int(keep.sum()), sample[g]))
        prior = None
        if args.toward_shipped:     # the ridge pulls toward the shipped weights (in this design's columns)
            prior = np.r_[0.0, 1.0, np.zeros(len(free) - (1 if 0 in free else 0))] if args.anchor \
                else shipped_w[[0] + [i for i in free if i != 0]]
        return weights(fit(np.vstack(xs), np.concatenate(ys), l2, np.concatenate(ss), prior))

    base = {g: counts(data[g].y, decide(data[g], read_cred[g], shipped_w, settings.judge_threshold, concrete_min))
            for g in groups}        # the shipped judge (its weights through the read spaces: as it runs, but for
    #                                 --cross-space's groups)
    total = tuple(sum(base[g][k] for g in groups) for k in range(3))
    crossed_groups = [g for g in groups if g != "regression"]
    ctotal = tuple(sum(base[g][k] for g in crossed_groups) for k in range(3))
    print(f"shipped weights, {settings.judge_threshold}: pooled (groups but regression) {prf(*ctotal)}; "
          f"with regression {prf(*total)}")
    print("  " + "; ".join(f"{g} {f1(*base[g]):.3f} fp {base[g][1]}" for g in groups))
    print(f"refit: space {args.space or 'shipped'}, crossed {args.cross_space or '-'}, "
          f"fit space {args.fit_space or '-'}, sample weights "
          f"{args.weight or '-'}, inner {','.join(inner)}, not fitted {args.no_fit or '-'}, "
          f"{'anchor + ' if args.anchor else ''}free {','.join(names[i] for i in free)}"
          f"{', ridge toward the shipped weights' if args.toward_shipped else ''}")
    thresholds = [float(t) for t in args.thresholds.split(",")]
    for l2 in (float(v) for v in args.l2.split(",")):
        scores: dict[str, list[np.ndarray]] = {}
        for g in groups:
            if g in inner:
                ws = [fit_without(l2, g, folds_of[g] == k) for k in range(5)]
                scores[g] = [ws[k] for k in folds_of[g]]            # per row: its fold's weights
            else:
                w = fit_without(l2, g if g in fitted else None)
                scores[g] = [w] * len(data[g].y)
        for t in thresholds:
            per = {}
            for g in groups:
                d = data[g]
                pred = np.zeros(len(d.y), dtype=bool)
                for w in {id(w): w for w in scores[g]}.values():
                    mine = np.array([v is w for v in scores[g]])
                    pred[mine] = decide(d, read_cred[g], w, t, concrete_min)[mine]
                per[g] = counts(d.y, pred)
            ptotal = tuple(sum(per[g][k] for g in crossed_groups) for k in range(3))
            worst = min(crossed_groups, key=lambda g: f1(*per[g]) - f1(*base[g]))
            print(f"  l2 {l2:g}, threshold {t}: pooled {prf(*ptotal)} (dF1 {f1(*ptotal) - f1(*ctotal):+.3f}, "
                  f"fp {ptotal[1] - ctotal[1]:+d}); worst {worst} {f1(*per[worst]) - f1(*base[worst]):+.3f}")
            print("    " + "; ".join(f"{g} {f1(*per[g]):.3f} fp {per[g][1]}" for g in groups))
    l2 = float(args.l2.split(",")[0])
    w = fit_without(l2, None)
    print(f"all rows, l2 {l2:g}: judge_weights = (" + ", ".join(f"{v:.3f}" for v in w) + ")")
    for t in thresholds:
        print(f"  in sample, threshold {t}: " + "; ".join(
            f"{g} {prf(*counts(data[g].y, decide(data[g], read_cred[g], w, t, concrete_min)))}"
            for g in ("dev", "regression") if g in groups))
        if probe.log_path().exists():       # the unit tests these weights would move (bench/judge_probe.py)
            moved = probe.flips(w, t)
            tests = sorted({r["test"].split("::")[-1] for r in moved})
            print(f"    unit-test decisions turned: {len(moved)}, in {len(tests)} tests: {', '.join(tests)}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true", help="decide() against the judge's own decisions")
    ap.add_argument("--rank", type=int, default=32)
    ap.add_argument("--ridge", type=float, default=0.01)
    ap.add_argument("--steps", type=int, default=150)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--train", help="train a space without each of these folds (;-separated, groups ,-separated)")
    ap.add_argument("--read", help="the crossed read over these folds (their spaces trained with --train)")
    ap.add_argument("--space-for", action="append", default=[], metavar="FOLD=FILE",
                    help="use this saved space for a fold (e.g. judge39's) instead of the trained one")
    ap.add_argument("--l2", default="1e-5", help="the logistic's ridge (comma-separated: each read)")
    ap.add_argument("--thresholds", default="0.45,0.5,0.55,0.6")
    ap.add_argument("--final", action="store_true", help="train on every group; weights on the crossed features of "
                    "--read's folds (spaces trained with --train); read every set")
    ap.add_argument("--with-regression", action="store_true", help="regression's rows in the final weight fit")
    ap.add_argument("--save", type=Path, help="with --final: train the space on every group and write it here")
    ap.add_argument("--space", type=Path, help="with --final: a space already trained on every group")
    ap.add_argument("--refit", action="store_true", help="the weights alone on one space (--space, else the "
                    "shipped one), read crossed (refit())")
    refit_only = ap.add_argument_group("with --refit")
    for flag, default, text in (
            ("--inner", "dev,regression", "groups read in five folds by answer"),
            ("--no-fit", "", "groups read but never in a fit (,-separated)"),
            ("--skip", "", "groups neither read nor fitted"),
            ("--weight", "", "sample weights, e.g. 'dev=4;regression=2'"),
            ("--fit-space", "", "these groups' fit rows read through this space (one not trained on them), "
                                "e.g. 'dev,A-D=FILE'"),
            ("--cross-space", "", "these groups read and fitted through this space (one not trained on them; the "
                                  "shipped weights read so too), e.g. 'dev=FILE;A-D=FILE'"),
            ("--free", "", "the features refitted (default all), e.g. bias,credited"),
            ("--drop", "", "features held at weight 0")):
        refit_only.add_argument(flag, default=default, help=text)
    refit_only.add_argument("--toward-shipped", action="store_true", help="the ridge (--l2) pulls toward the "
                            "shipped weights, not toward 0 (fewer of the unit tests' decisions turned)")
    refit_only.add_argument("--anchor", action="store_true", help="the shipped weights' score as one more "
                            "feature (so few free weights move the shipped ones)")
    args = ap.parse_args()
    data = recorded()
    if args.refit:
        refit(args, data)
        return
    settings = AnalysisSettings()
    shipped_w = np.array(settings.judge_weights)
    thresholds = [float(t) for t in args.thresholds.split(",")]
    setting = tag(args.rank, args.ridge, args.steps)
    trained_groups = list(GROUPS)

    if args.check:
        for g, d in data.items():
            mine = decide(d, space_credited(d, None), shipped_w, settings.judge_threshold,
                          settings.plain_concrete_min_probability)
            wrong = [d.ids[i] for i in np.flatnonzero(mine != d.hit)]
            print(f"{g}: {len(d.y)} decisions, {len(wrong)} differ {wrong[:5]}; judge {prf(*counts(d.y, d.hit))}")
        return

    if args.train:
        import torch
        torch.set_num_threads(args.threads)
        for fold in args.train.split(";"):
            out = fold.split(",")
            start = time.perf_counter()
            p, q = train(bags(data, [g for g in trained_groups if g not in out]), args.rank, args.ridge, args.steps)
            np.savez(space_path(out, setting), p=p.astype(np.float32), q=q.astype(np.float32))
            print(f"{setting} without {'+'.join(out)}: {time.perf_counter() - start:.0f} s", flush=True)
        if not args.final:
            return

    if args.final and args.save:
        import torch
        torch.set_num_threads(args.threads)
        start = time.perf_counter()
        p, q = train(bags(data, trained_groups), args.rank, args.ridge, args.steps)
        np.savez(args.save, p=p.astype(np.float32), q=q.astype(np.float32))
        print(f"{setting} on every group: {time.perf_counter() - start:.0f} s -> {args.save}", flush=True)
        if not args.read:
            return

    assert args.read, "--read FOLDS"
    folds = [f.split(",") for f in args.read.split(";")]
    given = dict(s.split("=", 1) for s in args.space_for)
    shipped_cred = {g: space_credited(data[g], None) for g in data}
    crossed: dict[str, np.ndarray] = {}
    for fold in folds:
        name = "+".join(fold)
        space = load_space(Path(given[name]) if name in given else space_path(fold, setting))
        for g in fold:
            crossed[g] = space_credited(data[g], space)
    groups = [g for fold in folds for g in fold]
    print(f"{setting}: crossed read, whole judge (text), P / R / F1, false ticks, misses")
    base = {g: counts(data[g].y, decide(data[g], shipped_cred[g], shipped_w, settings.judge_threshold,
                                         settings.plain_concrete_min_probability)) for g in groups}
    total = tuple(sum(base[g][k] for g in groups) for k in range(3))
    print(f"  shipped space and weights, {settings.judge_threshold}: pooled {prf(*total)}")
    for g in groups:
        print(f"    {g}: {prf(*base[g])}")
    for l2 in (float(v) for v in args.l2.split(",")):
        weights = {}
        for fold in folds:
            rest = [g for g in groups if g not in fold]
            x = np.vstack([features(data[g], crossed[g]) for g in rest])
            y = np.concatenate([data[g].y for g in rest])
            weights["+".join(fold)] = fit(x, y, l2)
        for t in thresholds:
            per = {}
            for fold in folds:
                w = weights["+".join(fold)]
                for g in fold:
                    pred = decide(data[g], crossed[g], w, t, settings.plain_concrete_min_probability)
                    per[g] = counts(data[g].y, pred)
            total = tuple(sum(per[g][k] for g in groups) for k in range(3))
            worst = min(f1(*per[g]) - f1(*base[g]) for g in groups)
            print(f"  l2 {l2:g}, threshold {t}: pooled {prf(*total)}; worst group dF1 {worst:+.3f}")
            print("    " + "; ".join(f"{g} {f1(*per[g]):.3f} fp {per[g][1]}" for g in groups))

    if args.final:
        l2 = float(args.l2.split(",")[0])
        rows = groups + (["regression"] if args.with_regression else [])
        space = load_space(args.save or args.space) if args.save or args.space else None
        final_cred = {g: space_credited(data[g], space) for g in data}
        # weights on the crossed features of every group (regression through the final space: never trained on)
        x = np.vstack([features(data[g], crossed[g] if g in crossed else final_cred[g]) for g in rows])
        y = np.concatenate([data[g].y for g in rows])
        w = fit(x, y, l2)
        print("judge_weights = (" + ", ".join(f"{v:.3f}" for v in w) + ")")
        for t in thresholds:
            print(f"  final space and weights, threshold {t}:")
            for g in data:
                pred = decide(data[g], final_cred[g], w, t, settings.plain_concrete_min_probability)
                print(f"    {g}: {prf(*counts(data[g].y, pred))}   (shipped {prf(*counts(data[g].y, data[g].hit))})")


if __name__ == "__main__":
    main()
