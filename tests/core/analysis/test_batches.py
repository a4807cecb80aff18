"""The judge's model calls (perf46): `embedder.batches` chooses them by length, and no vector depends on the choice."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest

from voiceprep.core.analysis import embedder
from voiceprep.core.analysis.embedder import batches
from voiceprep.settings import EMBED_BATCH_MAX, EMBED_CALL_TOKENS

# the 16 texts' token lengths of the bench's 2-minute answer (bench/analysis_speed.py), sorted
BENCH = [6, 13, 16, 16, 16, 16, 17, 18, 25, 25, 26, 27, 28, 29, 29, 34]


def cost(lengths: list[int], runs: list[tuple[int, int]], call: int = EMBED_CALL_TOKENS) -> int:
    return sum(call + (end - start) * lengths[end - 1] for start, end in runs)


def fixed(lengths: list[int], size: int) -> list[tuple[int, int]]:
    return [(s, min(s + size, len(lengths))) for s in range(0, len(lengths), size)]


def test_the_calls_cover_every_text_once_in_order_and_none_is_too_big():
    rng = random.Random(46)
    for n in (0, 1, 2, 5, 17, 40, 100):
        lengths = sorted(rng.randint(3, 80) for _ in range(n))
        runs = batches(lengths)
        assert [i for s, e in runs for i in range(s, e)] == list(range(n))
        assert all(0 < e - s <= EMBED_BATCH_MAX for s, e in runs)


def test_no_other_split_costs_less():
    """Against every split of short lists (brute force), with the fixed cost of a call and a cap of 3 texts."""
    rng = random.Random(7)
    for _ in range(60):
        lengths = sorted(rng.randint(2, 40) for _ in range(rng.randint(1, 8)))
        best = min(cost(lengths, runs) for runs in _splits(len(lengths), 3))
        assert cost(lengths, batches(lengths, most=3)) == best


def _splits(n: int, most: int):
    for cuts in itertools.product((False, True), repeat=n - 1):
        bounds = [0, *(i + 1 for i, c in enumerate(cuts) if c), n]
        runs = list(zip(bounds, bounds[1:]))
        if all(e - s <= most for s, e in runs):
            yield runs


def test_the_bench_answer_costs_less_than_four_texts_a_call():
    assert cost(BENCH, batches(BENCH)) < cost(BENCH, fixed(BENCH, 4))
    assert batches([5] * 16) == [(0, 16)]          # equal lengths pad nothing: one call
    assert batches([5, 200]) == [(0, 1), (1, 2)]    # a long text padding a short one costs more than a call


@pytest.mark.usefixtures("fresh_judge")
def test_a_text_has_the_same_vector_bit_for_bit_whatever_call_it_is_in():
    e = embedder.get_embedder()
    if e is None:
        pytest.skip("the meaning-based model is not installed")
    texts = ["We sharded the ledger by account.", "Um.", "I owned the rollout plan and wrote the runbook myself, then "
             "we moved the reconciliation job to a queue so that it could retry without double counting payouts.",
             "p99 latency fell from 800 ms to 120 ms", "So yeah", "The team agreed after two design reviews.",
             "I would do the migration in smaller steps next time, with a dry run against last month's data."]
    e.forget()
    alone = np.vstack([e._run([t], batch=1) for t in texts])
    for batch in (None, 2, 4, len(texts)):
        assert np.array_equal(e._run(texts, batch=batch), alone)
    e.forget()
