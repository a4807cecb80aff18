"""Train the judge's credit space (voiceprep/core/analysis/adapter.py) on the tuning answers only (dev, dev2).

For every tuning answer (as text and as its cached transcript) and key point, the "bag" is the label's MiniLM vector
and the vectors of the answer's units (sentences, windows, halves, pairs: `AnswerJudge.units`). A low-rank map
W = I + P Q^T is trained so that the best label-to-unit cosine in W's space, through a fitted sigmoid, tells the
points a careful interviewer credited (the labels) from the rest (binary cross-entropy, ridge on P Q^T, Adam, 150
full-batch steps). Never the test, holdout or regression answers.

Needs PyTorch for training only (voiceprep itself reads the result with numpy): `pip install torch==2.13.0`.

    .venv/bin/python bench/judge_adapter.py --train dev,dev2 --out voiceprep/core/analysis/data/judge-adapter.npz
    .venv/bin/python bench/judge_adapter.py --train dev --check dev2   # label-similarity AUC on answers not trained on
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench.judge_eval import CORPUS, TUNING, load, spoken  # noqa: E402
from bench.judge_fit import answer_judge  # noqa: E402
from voiceprep.core.analysis.embedder import get_embedder  # noqa: E402
from voiceprep.core.transcript import Transcript  # noqa: E402
from voiceprep.settings import AnalysisSettings  # noqa: E402

Bag = tuple[np.ndarray, np.ndarray, bool]       # label vector, unit vectors (one array per answer, shared), credited


def bags(split: str, without: str = "") -> list[Bag]:
    """The split's bags, as text and as transcripts (the key points of one answer share its unit array); `without`: leave
    that bank's answers out (bench/judge_lobo.py)."""
    items, banks = load(split, CORPUS)
    items = [i for i in items if i.bank != without]
    settings, model = AnalysisSettings(), get_embedder()
    assert model is not None, "the sentence model is needed"
    heard_as = spoken(items, banks)
    out: list[Bag] = []
    for transcript_of in (lambda i: Transcript.from_text(i.text), lambda i: heard_as[i.text]):
        for item in items:
            prompt = banks[item.bank].prompt(item.prompt)
            judge = answer_judge(item, banks, transcript_of(item), settings, model)
            if judge.vectors is None:
                continue
            labels = model.embed([kp.label for kp in prompt.key_points])
            units = judge.vectors.copy()
            out += [(label, units, kp.id in item.hits) for kp, label in zip(prompt.key_points, labels)]
    return out


def tensors(data: list[Bag]):  # type: ignore[no-untyped-def]
    """(labels [B, D], units [A, U, D] once per answer, mask [A, U], answer of each bag [B], credited [B])."""
    import torch
    answers: dict[int, int] = {}
    arrays = []
    for _, u, _ in data:
        if id(u) not in answers:
            answers[id(u)] = len(arrays)
            arrays.append(u)
    n = max(len(u) for u in arrays)
    units = torch.zeros(len(arrays), n, data[0][0].shape[0])
    mask = torch.zeros(len(arrays), n, dtype=torch.bool)
    for i, u in enumerate(arrays):
        units[i, :len(u)] = torch.tensor(u)
        mask[i, :len(u)] = True
    labels = torch.tensor(np.stack([lab for lab, _, _ in data]))
    of = torch.tensor([answers[id(u)] for _, u, _ in data])
    return labels, units, mask, of, torch.tensor([float(y) for _, _, y in data])


def best_similarity(p, q, labels, units, mask, of):  # type: ignore[no-untyped-def]
    """Each bag's best label-to-unit cosine in the space v -> v + (v Q) P^T (the units mapped once per answer)."""
    import torch
    lab = torch.nn.functional.normalize(labels + (labels @ q) @ p.T, dim=-1)
    un = torch.nn.functional.normalize(units + (units @ q) @ p.T, dim=-1)
    sims = torch.einsum("bud,bd->bu", un[of], lab)
    return sims.masked_fill(~mask[of], -2.0).max(dim=1).values


def train(data: list[Bag], rank: int, ridge: float, steps: int = 150) -> tuple[np.ndarray, np.ndarray]:
    import torch
    torch.manual_seed(0)
    labels, units, mask, of, y = tensors(data)
    p = torch.zeros(labels.shape[1], rank, requires_grad=True)
    q = (torch.randn(labels.shape[1], rank) * 0.01).requires_grad_()
    scale, shift = torch.tensor(10.0, requires_grad=True), torch.tensor(0.5, requires_grad=True)
    opt = torch.optim.Adam([p, q, scale, shift], lr=3e-3)
    for _ in range(steps):
        opt.zero_grad()
        s = best_similarity(p, q, labels, units, mask, of)
        loss = torch.nn.functional.binary_cross_entropy_with_logits(scale * (s - shift), y) + ridge * ((p @ q.T) ** 2).sum()
        loss.backward()
        opt.step()
    return p.detach().numpy(), q.detach().numpy()


def auc(scores: np.ndarray, y: np.ndarray) -> float:
    pos, neg = scores[y], scores[~y]
    return float((pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", default="dev,dev2", help="tuning splits to train on (dev, dev2; dev2:ab = dev2 writers A "
                    "and B only)")
    ap.add_argument("--out", type=Path, help="where to write the adapter (.npz with p and q)")
    ap.add_argument("--check", help="a tuning split not trained on: label-similarity AUC before and after")
    ap.add_argument("--rank", type=int, default=32)
    ap.add_argument("--ridge", type=float, default=0.01)
    args = ap.parse_args()
    splits = args.train.split(",")
    if not {s.partition(":")[0] for s in splits} <= set(TUNING) or (args.check and args.check.partition(":")[0] not in TUNING):
        ap.error(f"train and check on the tuning splits only ({', '.join(TUNING)})")
    data = [b for s in splits for b in bags(s)]
    p, q = train(data, args.rank, args.ridge)
    if args.out:
        np.savez(args.out, p=p.astype(np.float32), q=q.astype(np.float32))
        print(f"wrote {args.out} ({len(data)} bags from {args.train})")
    if args.check:
        import torch
        labels, units, mask, of, y = tensors(bags(args.check))
        zero = torch.zeros(labels.shape[1], 1)
        for name, pq in (("MiniLM", (zero, zero)), ("credit space", (torch.tensor(p), torch.tensor(q)))):
            s = best_similarity(*pq, labels, units, mask, of).numpy()
            print(f"{args.check}: best label similarity, {name}: AUC {auc(s, y.numpy().astype(bool)):.3f}")


if __name__ == "__main__":
    main()
