"""quote50: the covered points' quotes handed out together (`quote_assignment.joint_quotes`)."""
from __future__ import annotations

import itertools
import random

import pytest

from voiceprep.core.analysis.quote_assignment import joint_quotes

ALL = [[True] * 3] * 3


def test_three_points_that_rotate_each_take_the_next_unit():
    """Each point quotes the next point's unit best (0.9), its own less (0.5): no two of them look swapped (the one
    that would gain takes the other's unit, but the other quotes the unit left worse: 0.2), yet the rotation quotes
    every point better."""
    scores = [[0.5, 0.9, 0.2], [0.2, 0.5, 0.9], [0.9, 0.2, 0.5]]
    assert joint_quotes(scores, ALL) == [1, 2, 0]


def test_the_largest_sum_keeps_walk43s_pair_which_the_swap_rule_gives_back():
    """walk43's "Why Airwallex?" scores: business-impact held "I want to build the platforms…" (1.235), growth "What
    excites me… direct business impact" (0.739); swapped, 0.935 and 0.842. The sum falls (1.97 → 1.78), so the sum
    alone keeps the pair as the judge quoted it: that swap is `one_to_one`'s pairwise rule, not this."""
    assert joint_quotes([[1.235, 0.935], [0.842, 0.739]], [[True, True], [True, True]]) == [0, 1]


def test_a_swap_that_would_block_a_better_one_is_not_taken():
    """Point 2 (0.3 on its own unit) quotes point 0's unit better (0.8), and 0 quotes 2's unit better than 2 does: the
    pairwise pass swapped 0 and 2 (0 then quoted at 0.4) and so blocked the better swap: 1 and 2, where 2 gains nearly
    as much (0.7) and 1 loses nothing (0.9 either way)."""
    scores = [[0.9, 0.4, 0.4], [0.8, 0.9, 0.9], [0.8, 0.7, 0.3]]
    assert joint_quotes(scores, ALL) == [0, 2, 1]


def test_a_point_keeps_its_own_unit_on_a_tie_and_never_takes_a_forbidden_one():
    assert joint_quotes([[0.5, 0.5], [0.5, 0.5]], [[True, True], [True, True]]) == [0, 1]
    # the figure guard (or a unit that cannot quote the point) forbids 0 from taking 1's unit: nothing moves
    assert joint_quotes([[0.2, 0.9], [0.9, 0.1]], [[True, False], [True, True]]) == [0, 1]
    assert joint_quotes([[0.7]], [[True]]) == [0]
    assert joint_quotes([], []) == []


def test_the_hand_out_has_the_largest_sum():
    """Against every permutation of the allowed moves, on small random cases: the largest summed score, and of the
    hand-outs as good, the one that keeps the most points on their own units."""
    rng = random.Random(50)
    for _ in range(400):
        n = rng.randint(1, 6)
        scores = [[round(rng.uniform(-1, 2), 1) for _ in range(n)] for _ in range(n)]
        allowed = [[p == q or rng.random() < 0.7 for q in range(n)] for p in range(n)]

        def key(perm, scores=scores, n=n):
            return round(sum(scores[p][perm[p]] for p in range(n)), 6), sum(perm[p] == p for p in range(n))

        best = max(key(perm) for perm in itertools.permutations(range(n))
                   if all(allowed[p][perm[p]] for p in range(n)))
        got = joint_quotes(scores, allowed)
        assert all(allowed[p][got[p]] for p in range(n))
        assert key(got) == best


# `AnswerJudge._hand_out` on a real answer's units (walk63's pipeline answer), with three points' quote scores set so
# that each holds the sentence the next one quotes best
BANK = '''schema = 2

[job]
id = "quote50"
title = "Backend engineer"
company = "Example"
level = "senior"

[[rounds]]
id = "r"
title = "Behavioral"

[[rounds.prompts]]
id = "pipeline"
text = "Tell me about a time you rebuilt a data pipeline."
target_seconds = 120

[[rounds.prompts.key_points]]
id = "design"
label = "The design I chose"
competency = "systems"

[[competencies]]
id = "systems"
name = "Systems"
weight = 1.0
definition = "Designs systems."
'''

PIPELINE = (
    "Our event pipeline was a set of cron jobs that copied rows out of the main database every 15 minutes. That was "
    "far too slow. I proposed and designed a replacement built on Kafka. For the switch, we ran the old and the new "
    "path side by side for two weeks. The latency went from 15 minutes to under two seconds.")


def _judge(tmp_path, monkeypatch):
    from voiceprep.core.analysis.analyze import analyze_answer
    from voiceprep.core.analysis.judge import AnswerJudge
    from voiceprep.core.banks import load_bank
    from voiceprep.core.transcript import Transcript
    path = tmp_path / "quote50.toml"
    path.write_text(BANK, encoding="utf-8")
    bank = load_bank(path)
    seen = []
    monkeypatch.setattr(AnswerJudge, "one_to_one", lambda self, results: seen.append(self))
    analyze_answer(bank, bank.prompt("pipeline"), Transcript.from_text(PIPELINE))
    monkeypatch.undo()
    return seen[0]


def _point(judge, label, own, quotes):
    from types import SimpleNamespace

    import numpy as np
    q = np.full(len(judge.units), 0.1)
    for i, v in quotes.items():         # and any other unit of the same words (the judge finds a quote by its span)
        q[[k for k, u in enumerate(judge.units) if (u.first, u.last) == (judge.units[i].first, judge.units[i].last)]] = v
    return SimpleNamespace(key_point=SimpleNamespace(label=label), hit=True, said=[], matches=[],
                           judgement=SimpleNamespace(unit=judge.units[own], quotes=q))


@pytest.mark.usefixtures("fresh_judge")
def test_the_judge_hands_three_rotating_quotes_out_again(tmp_path, monkeypatch):
    """`AnswerJudge.one_to_one`: three covered points, each holding the sentence the next one quotes best (0.9 against
    0.5 for its own), rotate."""
    judge = _judge(tmp_path, monkeypatch)
    sentences = [i for i, u in enumerate(judge.units) if u.kind == "sentence"]
    a, b, c = sentences[0], sentences[2], sentences[3]
    points = [_point(judge, "Why the old pipeline was slow", a, {a: 0.5, b: 0.9}),
              _point(judge, "The design I chose", b, {b: 0.5, c: 0.9}),
              _point(judge, "How we switched over safely", c, {c: 0.5, a: 0.9})]
    judge.one_to_one(points)        # main's pairwise swaps: no two of them look swapped, nothing moved
    assert [r.judgement.unit.text for r in points] == [judge.units[i].text for i in (b, c, a)]


@pytest.mark.usefixtures("fresh_judge")
def test_no_point_is_handed_a_worse_unit_nor_a_number_point_one_without_its_figure(tmp_path, monkeypatch):
    judge = _judge(tmp_path, monkeypatch)
    sentences = [i for i, u in enumerate(judge.units) if u.kind == "sentence"]
    a, b, last = sentences[0], sentences[2], sentences[-1]
    assert judge.says_number[last] and not judge.says_number[b]
    # the design point would lose (0.5 → 0.3) for the other's gain: nothing moves, though the sum would rise
    points = [_point(judge, "Why the old pipeline was slow", a, {a: 0.2, b: 0.9}),
              _point(judge, "The design I chose", b, {b: 0.5, a: 0.3})]
    moved = []
    assert [i for _, i in judge._hand_out([(points[0], a), (points[1], b)], moved)] == [a, b] and not moved
    # a point that asks for a number keeps the sentence that says its figure, whatever it gains
    points = [_point(judge, "What changed afterwards, with a number", last, {last: 0.3, b: 0.9}),
              _point(judge, "The design I chose", b, {b: 0.5, last: 0.8})]
    assert [i for _, i in judge._hand_out([(points[0], last), (points[1], b)], moved)] == [last, b] and not moved
