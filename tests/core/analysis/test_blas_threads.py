"""numpy's BLAS runs on one thread once the judge's model loads (perf43): its products are small and a second BLAS
thread woken for each cost ~60 ms CPU a 2-minute answer on a loaded 2-core machine."""

from __future__ import annotations

import ctypes
import sys
from pathlib import Path

import numpy as np
import pytest

from voiceprep.core.analysis import embedder
from voiceprep.settings import AnalysisSettings


def _openblas() -> ctypes.CDLL | None:
    """numpy's OpenBLAS, when this process has one (Linux wheels)."""
    if not sys.platform.startswith("linux"):
        return None
    np.ones((2, 2)) @ np.ones((2, 2))
    for line in Path("/proc/self/maps").read_text().splitlines():
        path = line.split()[-1]
        if "openblas" in path.rsplit("/", 1)[-1].lower():
            return ctypes.CDLL(path)
    return None


def _threads(lib: ctypes.CDLL) -> int:
    for name in ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads64_", "openblas_get_num_threads"):
        getter = getattr(lib, name, None)
        if getter is not None:
            return int(getter())
    pytest.skip("this OpenBLAS has no thread count to read")


def _set(lib: ctypes.CDLL, threads: int) -> None:
    for name in ("scipy_openblas_set_num_threads64_", "openblas_set_num_threads64_", "openblas_set_num_threads"):
        setter = getattr(lib, name, None)
        if setter is not None:
            setter(threads)
            return


@pytest.fixture
def blas():
    lib = _openblas()
    if lib is None:
        pytest.skip("numpy here has no OpenBLAS")
    before = _threads(lib)
    yield lib
    _set(lib, before)


def test_limit_blas_threads_caps_numpys_openblas(blas):
    _set(blas, 2)
    assert _threads(blas) == 2
    assert embedder.limit_blas_threads(1) is True
    assert _threads(blas) == 1


def test_loading_the_judge_model_leaves_blas_as_numpy_set_it_by_default(blas):
    """The cap is off by default (it changed Whisper's words on a knife-edge window, settings.judge_blas_threads)."""
    assert AnalysisSettings().judge_blas_threads == 0
    _set(blas, 2)
    embedder.set_disabled(False, reload=True)           # a fresh load, as at the app's start
    try:
        status = embedder.warm_up()
        if status.method != "semantic":
            pytest.skip(f"no model here: {status.message}")
        assert _threads(blas) == 2
    finally:
        embedder.set_disabled(False)
