"""Evidence quotes handed out together for the covered key points of one answer (quote50).

Each covered point comes with the unit the judge quoted for it and a quote score for every unit (`Judgement.quotes`).
`joint_quotes` hands those same units out again, one per point, all at once, for the largest summed score over the
moves allowed (`AnswerJudge._hand_out` allows a point only a unit that quotes it better than its own), a point keeping
its own unit on a tie: exact, the Hungarian method in Python integers (scores to a millionth). Where each of three
points holds the sentence the next one quotes best, no swap of two finds the rotation; this does.
"""
from __future__ import annotations

from collections.abc import Sequence

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
    return _hungarian([[cost[p][q] if ok[p][q] else forbidden for q in range(n)] for p in range(n)])


def _hungarian(cost: list[list[int]]) -> list[int]:
    """The column of each row in the square assignment of least total cost (potentials, O(n^3), exact integers)."""
    n = len(cost)
    u, v = [0] * (n + 1), [0] * (n + 1)
    row_of = [0] * (n + 1)          # each column's row, 1-based (0: none)
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        row_of[0], j0 = i, 0
        minv: list[int | None] = [None] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = row_of[j0], None, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    m = minv[j]
                    if m is None or cur < m:
                        minv[j], way[j], m = cur, j0, cur
                    if delta is None or m < delta:
                        delta, j1 = m, j
            assert delta is not None
            for j in range(n + 1):
                if used[j]:
                    u[row_of[j]] += delta
                    v[j] -= delta
                else:
                    m = minv[j]
                    if m is not None:
                        minv[j] = m - delta
            j0 = j1
            if row_of[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            row_of[j0] = row_of[j1]
            j0 = j1
    out = [0] * n
    for j in range(1, n + 1):
        out[row_of[j] - 1] = j - 1
    return out
