"""The credit space: sentence vectors mapped so that a key point's label lies close to the sentences interviewers
credited for it, not only to sentences on the same topic.

A low-rank linear map of the MiniLM vectors, v -> normalise(v (I + P Q^T)^T), trained on the labelled tuning
answers (dev and dev2, as text and as transcripts; `bench/judge_adapter.py`): for each key point, the best
label-to-sentence similarity in this space should tell credited from not credited. It ships as
data/judge-adapter.npz (two 384 x rank matrices, ~100 KB); without the file the judge reads 0 for it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from voiceprep.core.analysis.products import similarities

ADAPTER_PATH = Path(__file__).parent / "data" / "judge-adapter.npz"


@lru_cache(maxsize=4)
def _factors(path: Path) -> tuple[np.ndarray, np.ndarray] | None:
    """(Q^T, P) of the map, rows contiguous for `similarities`, or None when the file is missing or unreadable."""
    try:
        with np.load(path) as data:
            p, q = data["p"].astype(np.float32), data["q"].astype(np.float32)
    except (OSError, KeyError, ValueError):
        return None
    return np.ascontiguousarray(q.T), np.ascontiguousarray(p)


def credit_space(vectors: np.ndarray, path: Path | None = None) -> np.ndarray | None:
    """Rows mapped into the credit space and L2-normalised; None without the adapter file. Computed as
    v + (v Q) P^T: two thin products, not one 384 x 384, without BLAS (`products`)."""
    factors = _factors(path or ADAPTER_PATH)
    if factors is None:
        return None
    qt, p = factors
    mapped: np.ndarray = vectors + similarities(similarities(vectors, qt), p)
    out: np.ndarray = mapped / np.maximum(np.linalg.norm(mapped, axis=1, keepdims=True), 1e-12)
    return out
