"""Evidence quotes handed out together for the covered key points of one answer (quote50).

Each covered point comes with the unit the judge quoted for it and a quote score for every unit (`Judgement.quotes`).
`joint_quotes` hands those same units out again, one per point, all at once, for the largest summed score over the
moves allowed (`AnswerJudge._hand_out` allows a point only a unit that quotes it better than its own), a point keeping
its own unit on a tie: exact, the Hungarian method (`assignment`, which the judge also gives the prompt's points their
units with, judge66) on integer costs (scores to a millionth). Where each of three points holds the sentence the next
one quotes best, no swap of two finds the rotation; this does.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

SCALE = 10 ** 6         # scores compared to a millionth, so that sums are exact


def joint_quotes(scores: Sequence[Sequence[float]], allowed: Sequence[Sequence[bool]]) -> list[int]:
    """For n points, each holding slot i (its current unit), with `scores[p][q]` how well slot q's unit quotes point p
    and `allowed[p][q]` whether p may take it (a point may always keep its own: `allowed[p][p]` is taken as true),
    the slot each point takes: the permutation of the allowed moves with the largest summed score, keeping a point in
    its own slot on a tie."""
    n = len(scores)
    if n < 2:
        return list(range(n))
    ok = [[q == p or bool(allowed[p][q]) for q in range(n)] for p in range(n)]
    # times n + 1, less one for keeping its own slot: a tie keeps what the judge quoted; a forbidden slot costs more
    # than any hand-out of allowed ones
    cost = [[-round(float(scores[p][q]) * SCALE) * (n + 1) - (q == p) if ok[p][q] else 0 for q in range(n)]
            for p in range(n)]
    forbidden = 1 + 2 * n * max(abs(c) for row in cost for c in row)
    full = np.array([[cost[p][q] if ok[p][q] else forbidden for q in range(n)] for p in range(n)], dtype=float)
    return assignment(-full.T)      # exact in float64: every cost and potential is an integer far below 2 ** 53


def assignment(weights: np.ndarray) -> list[int]:
    """For each column of `weights` (rows >= columns: units x key points), its row in the one-to-one assignment of
    columns to rows with the largest total weight (the Hungarian method, O(columns^2 x rows))."""
    cost = -weights.T
    n, m = cost.shape
    u, v = np.zeros(n + 1), np.zeros(m + 1)
    point_of = np.zeros(m + 1, dtype=int)      # each row's column, 1-based (0: none)
    way = np.zeros(m + 1, dtype=int)
    for i in range(1, n + 1):
        point_of[0], j0 = i, 0
        minv, used = np.full(m + 1, np.inf), np.zeros(m + 1, dtype=bool)
        while True:
            used[j0] = True
            i0 = point_of[j0]
            cur = cost[i0 - 1] - u[i0] - v[1:]
            free = ~used[1:]
            better = free & (cur < minv[1:])
            minv[1:][better] = cur[better]
            way[1:][better] = j0
            j1 = 1 + int(np.argmin(np.where(free, minv[1:], np.inf)))
            delta = minv[j1]
            u[point_of[used]] += delta
            v[used] -= delta
            minv[1:][free] -= delta
            j0 = j1
            if point_of[j0] == 0:
                break
        while j0:
            point_of[j0] = point_of[way[j0]]
            j0 = way[j0]
    out = [0] * n
    for j in range(1, m + 1):
        if point_of[j]:
            out[point_of[j] - 1] = j - 1
    return out
