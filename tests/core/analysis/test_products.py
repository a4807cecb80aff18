"""The judge's vector products go through `products`, never numpy's BLAS (perf44b): a BLAS product of an answer's
size woke a second OpenBLAS thread (4-35 ms each on a loaded machine), and capping BLAS is process-wide."""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np

from voiceprep.core.analysis import adapter
from voiceprep.core.analysis.products import dots, similarities

ANALYSIS = Path(__file__).resolve().parents[3] / "voiceprep" / "core" / "analysis"
# one vector by one vector (a BLAS dot of 384 numbers, never threaded): the only `@` left in the judge's modules
VECTOR_DOTS = {("analyze.py", "answer_closes"), ("judge.py", "_lone_name_parts")}


def _unit(rows: int, seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).standard_normal((rows, 384)).astype(np.float32)
    out: np.ndarray = v / np.linalg.norm(v, axis=1, keepdims=True)
    return out


def test_similarities_and_dots_are_the_matrix_products():
    rows, others = _unit(54, 1), _unit(7, 2)
    sims = similarities(rows, others)
    assert sims.shape == (54, 7) and sims.dtype == np.float32
    assert np.abs(sims - rows @ others.T).max() < 1e-6
    assert np.abs(dots(rows, others[0]) - rows @ others[0]).max() < 1e-6


def test_the_credit_space_is_the_adapters_map():
    factors = adapter._factors(adapter.ADAPTER_PATH)
    assert factors is not None
    qt, p = factors
    v = _unit(54, 3)
    mapped = v + (v @ qt.T) @ p.T
    expected = mapped / np.linalg.norm(mapped, axis=1, keepdims=True)
    got = adapter.credit_space(v)
    assert got is not None and np.abs(got - expected).max() < 1e-6


def test_the_judges_matrix_products_go_through_products():
    found = set()
    for path in sorted(ANALYSIS.glob("*.py")):
        for fn in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                found |= {(path.name, fn.name) for n in ast.walk(fn)
                          if isinstance(n, ast.BinOp) and isinstance(n.op, ast.MatMult)}
    assert found <= VECTOR_DOTS, f"a matrix product through numpy's BLAS: {sorted(found - VECTOR_DOTS)}"
