"""The judge's vector products, computed without numpy's BLAS (perf44b).

They are small (an answer's ~54 unit vectors by a few label vectors, or by the credit space's 384 x 32 factors), and
numpy's OpenBLAS hands a product of that size (m * n * k above ~260,000, or a matrix-vector product of 54 x 384) to
two threads: on a loaded 2-core machine waking the second one cost 4-35 ms a product (perf43). Capping BLAS at one
thread is process-wide and changed Whisper's log-mel features in the last bits (session 43), so these products go
through `np.einsum` without `optimize`, which never calls BLAS and starts no thread: the same sums, in float32,
~0.05-0.2 ms each. A result may differ from BLAS's in the last bits (~1e-7 on unit vectors).
"""

from __future__ import annotations

import numpy as np


def similarities(rows: np.ndarray, others: np.ndarray) -> np.ndarray:
    """`rows @ others.T`: each row's dot product with each of `others` (both 2-D, the same width)."""
    out: np.ndarray = np.einsum("ij,kj->ik", rows, others)
    return out


def dots(rows: np.ndarray, vector: np.ndarray) -> np.ndarray:
    """`rows @ vector`: each row's dot product with one vector."""
    out: np.ndarray = np.einsum("ij,j->i", rows, vector)
    return out
