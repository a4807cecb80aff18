"""Leave one writer group out for the judge's credit space (bench/judge_adapter.py), on the tuning answers only.

Every tuning answer's bags (the label vectors of its prompt's key points and its unit vectors: `judge_adapter.bags`)
are built once, as text (and as transcripts with --audio, cached ones only: nothing is spoken here), and kept in
bench/out/judge-lowo/. For each writer group a space is trained on the other groups and read on the group left out:
the label-similarity AUC (the best label-to-unit cosine alone) and, with --judge, the whole judge's text P/R/F1 with
the shipped weights, against the shipped space on the same answers. Never the test, holdout or regression answers.

The groups: dev (the first writer, who also labelled test), dev2 writers A-D, E-G, H-J, K, L, M, N, O, P and Q (writer
R, out of sample, in none).

    .venv/bin/python bench/judge_lowo.py --folds 'dev;K,L,M;E-G,H-J' --rank 32 --ridge 0.01 --steps 150 [--judge]
    .venv/bin/python bench/judge_lowo.py --final --out voiceprep/core/analysis/data/judge-adapter.npz

Needs PyTorch for training only (as judge_adapter.py). The trainer here is judge_adapter.train's, with each answer's
key points batched against its own units (same loss, initialisation and optimiser; no per-bag copy of the units).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench.judge_adapter import auc  # noqa: E402
from bench.judge_eval import CORPUS, load  # noqa: E402
from bench.judge_eval import OUT as TRANSCRIPTS  # noqa: E402
from bench.judge_fit import answer_judge  # noqa: E402
from voiceprep.core.analysis import adapter  # noqa: E402
from voiceprep.core.analysis.embedder import get_embedder  # noqa: E402
from voiceprep.core.analysis.evaluation import evaluate, judge_hits  # noqa: E402
from voiceprep.core.transcript import Transcript  # noqa: E402
from voiceprep.settings import AnalysisSettings  # noqa: E402

OUT = REPO / "bench/out/judge-lowo"
GROUPS = {"dev": "dev", "A-D": "dev2:abcd", "E-G": "dev2:efg", "H-J": "dev2:hij", "K": "dev2:k", "L": "dev2:l",
          "M": "dev2:m", "N": "dev2:n", "O": "dev2:o", "P": "dev2:p", "Q": "dev2:q", "R": "dev2:r",
          "S": "dev2:s", "T": "dev2:t", "V": "dev2:v", "X": "dev2:x"}
# every tuning writer, none on the corpus's out_of_sample.txt (tests/core/analysis/test_out_of_sample.py checks it)
Answer = tuple[str, str, np.ndarray, np.ndarray, np.ndarray]    # group, input, labels [K, D], units [U, D], credited [K]


def cached_transcript(item) -> Transcript | None:  # type: ignore[no-untyped-def]
    """The answer's transcript if bench/judge_eval.spoken has already made it (nothing is rendered here)."""
    key = hashlib.sha256(f"{item.bank}\n{item.text}".encode()).hexdigest()[:16]
    path = TRANSCRIPTS / f"{key}.json"
    return Transcript.from_dict(json.loads(path.read_text())) if path.exists() else None


def _fingerprint() -> str:
    """What the cached bags depend on: the judge's version, the sentence model's file and the tuning answers."""
    import hashlib

    from voiceprep.core.analysis.embedder import MODEL_SHA256
    from voiceprep.core.analysis.judge import JUDGE_VERSION

    digest = hashlib.sha256(f"{JUDGE_VERSION}\n{MODEL_SHA256}".encode())
    for path in sorted(CORPUS.glob("*.toml")) + sorted((CORPUS / "banks").glob("*.toml")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def answers(audio: bool) -> list[Answer]:
    """Every tuning answer's bag arrays, once (cached in OUT by input)."""
    OUT.mkdir(parents=True, exist_ok=True)
    out: list[Answer] = []
    settings, model = AnalysisSettings(), get_embedder()
    assert model is not None, "the sentence model is needed"
    for kind in ("text", "audio") if audio else ("text",):
        cache = OUT / f"bags-{kind}-{_fingerprint()}.pkl"     # a new judge, model or corpus: built anew (review29)
        if kind == "text" and cache.exists():
            out += pickle.loads(cache.read_bytes())
            continue
        part: list[Answer] = []
        for group, split in GROUPS.items():
            items, banks = load(split, CORPUS)
            for item in items:
                transcript = Transcript.from_text(item.text) if kind == "text" else cached_transcript(item)
                if transcript is None:
                    continue
                prompt = banks[item.bank].prompt(item.prompt)
                judge = answer_judge(item, banks, transcript, settings, model)
                if judge.vectors is None:
                    continue
                labels = model.embed([kp.label for kp in prompt.key_points])
                y = np.array([kp.id in item.hits for kp in prompt.key_points])
                part.append((group, kind, labels.astype(np.float32), judge.vectors.astype(np.float32), y))
        if kind == "text":
            cache.write_bytes(pickle.dumps(part))
        print(f"{kind}: {len(part)} answers, {sum(len(a[4]) for a in part)} bags")
        out += part
    return out


def padded(data: list[Answer]):  # type: ignore[no-untyped-def]
    import torch
    k, u, d = max(len(a[2]) for a in data), max(len(a[3]) for a in data), data[0][2].shape[1]
    labels, units = torch.zeros(len(data), k, d), torch.zeros(len(data), u, d)
    lmask, umask = torch.zeros(len(data), k, dtype=torch.bool), torch.zeros(len(data), u, dtype=torch.bool)
    y = torch.zeros(len(data), k)
    for i, (_, _, lab, un, cred) in enumerate(data):
        labels[i, :len(lab)], units[i, :len(un)] = torch.tensor(lab), torch.tensor(un)
        lmask[i, :len(lab)], umask[i, :len(un)] = True, True
        y[i, :len(cred)] = torch.tensor(cred.astype(np.float32))
    return labels, units, lmask, umask, y


def best(p, q, labels, units, umask):  # type: ignore[no-untyped-def]
    """Each key point's best label-to-unit cosine in the space v -> v + (v Q) P^T ([answers, key points])."""
    import torch
    lab = torch.nn.functional.normalize(labels + (labels @ q) @ p.T, dim=-1)
    un = torch.nn.functional.normalize(units + (units @ q) @ p.T, dim=-1)
    sims = torch.einsum("aud,akd->aku", un, lab)
    return sims.masked_fill(~umask[:, None, :], -2.0).max(dim=2).values


def train(data: list[Answer], rank: int, ridge: float, steps: int) -> tuple[np.ndarray, np.ndarray]:
    """judge_adapter.train on padded answers: BCE of scale * (best - shift), ridge on P Q^T, Adam 3e-3 (answers in
    buckets of similar length, so that little of the padding is computed)."""
    import torch
    torch.manual_seed(0)
    order = sorted(data, key=lambda a: len(a[3]))
    size = -(-len(order) // 8)
    buckets = [padded(order[i:i + size]) for i in range(0, len(order), size)]
    dim = data[0][2].shape[1]
    p = torch.zeros(dim, rank, requires_grad=True)
    q = (torch.randn(dim, rank) * 0.01).requires_grad_()
    scale, shift = torch.tensor(10.0, requires_grad=True), torch.tensor(0.5, requires_grad=True)
    opt = torch.optim.Adam([p, q, scale, shift], lr=3e-3)
    y = torch.cat([b[4][b[2]] for b in buckets])
    for _ in range(steps):
        opt.zero_grad()
        s = torch.cat([best(p, q, labels, units, umask)[lmask] for labels, units, lmask, umask, _ in buckets])
        loss = torch.nn.functional.binary_cross_entropy_with_logits(scale * (s - shift), y) \
            + ridge * ((p @ q.T) ** 2).sum()
        loss.backward()
        opt.step()
    return p.detach().numpy(), q.detach().numpy()


def similarity_auc(data: list[Answer], pq: tuple[np.ndarray, np.ndarray] | None) -> float:
    scores, ys = [], []
    for _, _, lab, un, cred in data:
        if pq is not None:
            p, q = pq
            lab, un = lab + (lab @ q) @ p.T, un + (un @ q) @ p.T
        lab = lab / np.linalg.norm(lab, axis=1, keepdims=True)
        un = un / np.linalg.norm(un, axis=1, keepdims=True)
        scores.append((un @ lab.T).max(axis=0))
        ys.append(cred)
    return auc(np.concatenate(scores), np.concatenate(ys))


def judge_read(group: str, space: Path) -> str:
    adapter.ADAPTER_PATH = space
    items, banks = load(GROUPS[group], CORPUS)
    s = evaluate(items, banks, lambda i: Transcript.from_text(i.text), judge_hits, AnalysisSettings())
    return f"P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f} fp {s.fp} cov {s.coverage_error:.2f}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rank", type=int, default=32)
    ap.add_argument("--ridge", type=float, default=0.01)
    ap.add_argument("--steps", type=int, default=150)
    ap.add_argument("--audio", action="store_true", help="also the cached transcripts (none is made here)")
    ap.add_argument("--folds", default=";".join(GROUPS), help="the groups to leave out together, fold by fold "
                    "(;-separated folds of ,-separated groups), each read on its own")
    ap.add_argument("--judge", action="store_true", help="also read the whole judge (text, shipped weights)")
    ap.add_argument("--save", action="store_true", help="keep each space as OUT/without-GROUP-SETTING.npz")
    ap.add_argument("--final", action="store_true", help="train one space on every group")
    ap.add_argument("--out", type=Path, help="with --final: where to write it")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--name", default="", help="added to the spaces' file names (keeps another run's spaces)")
    args = ap.parse_args()
    import torch
    torch.set_num_threads(args.threads)
    data = answers(args.audio)
    tag = f"r{args.rank}-l{args.ridge:g}-s{args.steps}" + ("-audio" if args.audio else "") + args.name
    if args.final:
        start = time.perf_counter()
        p, q = train(data, args.rank, args.ridge, args.steps)
        out = args.out or OUT / f"all-{tag}.npz"
        np.savez(out, p=p.astype(np.float32), q=q.astype(np.float32))
        print(f"wrote {out} ({len(data)} answers, {time.perf_counter() - start:.0f} s)")
        return
    shipped = adapter.ADAPTER_PATH
    with np.load(shipped) as f:
        shipped_pq = (f["p"], f["q"])
    aucs = []
    for fold in args.folds.split(";"):
        start = time.perf_counter()
        out = fold.split(",")
        pq = train([a for a in data if a[0] not in out], args.rank, args.ridge, args.steps)
        space = OUT / f"without-{'+'.join(out)}-{tag}.npz"
        if args.save or args.judge:
            np.savez(space, p=pq[0].astype(np.float32), q=pq[1].astype(np.float32))
        print(f"{tag} without {'+'.join(out)}: trained in {time.perf_counter() - start:.0f} s", flush=True)
        for group in out:
            held = [a for a in data if a[0] == group and a[1] == "text"]
            a0, a1, a2 = similarity_auc(held, None), similarity_auc(held, shipped_pq), similarity_auc(held, pq)
            aucs.append(a2)
            print(f"  {group:4} AUC MiniLM {a0:.3f}  shipped {a1:.3f}  left-out space {a2:.3f}", flush=True)
            if args.judge:
                print(f"     judge, shipped space:  {judge_read(group, shipped)}", flush=True)
                print(f"     judge, left-out space: {judge_read(group, space)}", flush=True)
    print(f"{tag}: mean left-out AUC {np.mean(aucs):.3f}")


if __name__ == "__main__":
    main()
