"""Scores: key-point coverage, per competency, and overall by the job's competency weights."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from voiceprep.core.banks.model import Bank, Competency, KeyPoint


# how the overall is made from the competency bars, in the candidate's words (walkthrough 10: bars 100 and 33, job
# weights 0.40 and 0.35, overall 52: the second had 3 key points, the first 1)
def shares_explained(of: Literal["question", "round"] = "question") -> str:
    """How an overall is made from its competency bars, for one question's feedback (`of` "question") or a round's
    summary ("round"): one wording for both (review 13: two near-copies)."""
    where = {"question": "this question", "round": "this round's questions"}[of]
    return (f"The overall adds up each competency's score by its share: its job weight times its key points' weight in "
            f"{where}, so more key points here count for more.")


SHARES_EXPLAINED = shares_explained("question")


def weighted_hits(pairs: list[tuple[KeyPoint, bool]]) -> float | None:
    """0-100 share of key-point weight that was hit; None when there is nothing to score."""
    total = sum(kp.weight for kp, _ in pairs)
    if not total:
        return None
    return round(100 * sum(kp.weight for kp, hit in pairs if hit) / total, 1)


def delivery_part(comp: Competency, delivery: Mapping[str, float | None] | None) -> float | None:
    """Mean of the delivery aspects a competency is tied to (None when none applies or none was measured: a typed
    answer's pace, fillers, hedges and pauses, delivery.SPOKEN_ASPECTS)."""
    if not comp.delivery or not comp.delivery_weight or delivery is None:
        return None
    values = [v for a in comp.delivery if (v := delivery.get(a)) is not None]
    return sum(values) / len(values) if values else None


def competency_scores(bank: Bank, pairs: list[tuple[KeyPoint, bool]],
                      delivery: Mapping[str, float | None] | None = None) -> dict[str, float]:
    """Score per competency, from the key points tagged with it (only competencies that were asked).

    A competency the bank ties to delivery (pace, fillers...) blends in the answer's delivery scores by
    its `delivery_weight`, and is always asked: every answer shows how it was said.
    """
    out = {}
    for comp in bank.competencies:
        score = weighted_hits([(kp, hit) for kp, hit in pairs if kp.competency == comp.id])
        said = delivery_part(comp, delivery)
        if said is not None:
            score = said if score is None else (1 - comp.delivery_weight) * score + comp.delivery_weight * said
        if score is not None:
            out[comp.id] = round(score, 1)
    return out


def _masses(competencies: Collection[str], points: Iterable[tuple[str | None, float]] | None,
            said_only: Mapping[str, float | None] | None = None) -> dict[str, float]:
    """The key-point weight each scored competency has among `points` ((competency, key-point weight)); a
    competency with none (scored from delivery alone) gets the average of the others times its delivery share
    (`said_only`: competency id -> `delivery_weight`; unknown: the whole average, as stored answers were scored):
    without points, 1 each."""
    points = list(points or [])
    if not points:
        return {c: 1.0 for c in competencies}
    probed = {c: sum(w for comp, w in points if comp == c) for c in competencies}
    with_points = [m for m in probed.values() if m > 0]
    typical = sum(with_points) / len(with_points) if with_points else 1.0
    known = said_only or {}
    share = {c: 1.0 if (w := known.get(c)) is None else float(w) for c in competencies}
    return {c: m if m > 0 else typical * (share[c] if with_points else 1.0) for c, m in probed.items()}


def overall_score(bank: Bank, competencies: dict[str, float], coverage: float | None,
                  pairs: list[tuple[KeyPoint, bool]] | None = None) -> float:
    """Mean of the competency scores, each weighted by the job's weight for it times the key-point
    weight this answer (or round) puts on it.

    A competency probed by one light key point of a prompt moves the overall by that key point's share,
    not by the competency's whole job weight: missing the one weight-1 point of 5.5 costs ~20 points,
    not the 37 it cost when every asked competency counted in full. A competency scored from delivery
    alone (no key point of its own here) counts as delivery counts in an asked competency: its `delivery_weight` of
    the average asked competency (issue 11: a STAR score of 40 on a competency the question does not probe took 18%
    of a typed strong answer's overall, 89 with every point covered). Without `pairs`
    every asked competency counts in full. A bank without competencies scores by coverage alone.
    `overall_shares` says each competency's part, as the feedback explains it.
    """
    if not bank.competencies or not competencies:
        return coverage or 0.0
    weights = {c.id: c.weight for c in bank.competencies}
    mass = _masses(competencies, [(kp.competency, kp.weight) for kp, _ in pairs or []],
                   {c.id: c.delivery_weight for c in bank.competencies})
    total = sum(weights[c] * mass[c] for c in competencies)
    return round(sum(weights[c] * mass[c] * s for c, s in competencies.items()) / total, 1)


def overall_shares(weights: Mapping[str, float | None], competencies: Collection[str],
                   points: Iterable[tuple[str | None, float]] | None,
                   said_only: Mapping[str, float | None] | None = None) -> dict[str, float]:
    """Each scored competency's share of the overall score (0-1, summing to 1), as `overall_score` weighs it: its
    job weight times its key points' weight here (`points`: (competency, key-point weight) of the answer's or
    round's key points). So "100 (job weight 0.40) and 33 (0.35) make 52" can be worked out on screen: the first
    has 1 key point, the second 3 (walkthrough 10). `said_only`: each competency's `delivery_weight` (unknown, as in
    answers stored before it was: a competency with no key point here counts as the average one). Empty when a
    weight is unknown."""
    if not competencies or any(weights.get(c) is None for c in competencies):
        return {}
    mass = _masses(competencies, points, said_only)
    parts = {c: float(weights[c] or 0.0) * mass[c] for c in competencies}
    total = sum(parts.values())
    return {c: p / total for c, p in parts.items()} if total else {}


def round_shares(bank: Bank, prompt_ids: list[str]) -> dict[str, float]:
    """Each competency's share of a round's overall before it is answered, as its summary will weigh it: `shares` of
    summarize_round (one rule), each answer spoken (a competency tied to delivery counts then). The bank editor says
    it where a competency carries far less than its weight (walk68 5: job weight 0.25, one key point: 4%)."""
    spoken: Said = {aspect: 0.0 for comp in bank.competencies for aspect in comp.delivery}
    return summarize_round(bank, prompt_ids, {}, dict.fromkeys(prompt_ids, spoken) if spoken else None).shares


@dataclass
class RoundSummary:
    competencies: dict[str, float]
    overall: float
    answered: int
    total: int
    coverage_by_prompt: dict[str, float]
    to_drill: list[tuple[str, str]]    # (prompt id, key point id) missed, heaviest first
    skipped: list[str] = field(default_factory=list)   # prompts of the round not answered (scored as misses)
    shares: dict[str, float] = field(default_factory=dict)    # competency id -> its share of `overall` (0-1)
    points_said: int = 0     # the round's key points said (hit), of `points` (walk41: how the overall is made)
    points: int = 0
    delivery_share: float = 0.0   # the part of `overall` that is how the answers were said (0-1; review33 4)

    @property
    def completion(self) -> float:
        return round(self.answered / self.total, 3) if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"competencies": self.competencies, "overall": self.overall, "answered": self.answered,
                "total": self.total, "completion": self.completion,
                "coverage_by_prompt": self.coverage_by_prompt, "skipped": self.skipped,
                "to_drill": [{"prompt_id": p, "key_point_id": k} for p, k in self.to_drill]}


Said = Mapping[str, float | None]     # one answer's delivery scores (delivery.delivery_scores)


def summarize_round(bank: Bank, prompt_ids: list[str], results: dict[str, list[tuple[KeyPoint, bool]]],
                    delivery: Mapping[str, Said | Sequence[Said]] | None = None,
                    drilled: Mapping[str, Collection[str]] | None = None) -> RoundSummary:
    """Round scores (`results`: prompt id -> key-point hits of its latest attempt).

    A prompt of the round that was skipped counts as not answered: its key points are misses, so a round
    with one good answer and three skipped prompts does not score full marks. `delivery` (prompt id ->
    delivery scores, or each of its tries' scores) feeds competencies tied to delivery, averaged over every answer
    given. `drilled` (a drill:
    prompt id -> the ids of the key points its notice asked for) counts only those points of that prompt, in the
    scores and in `to_drill`, as the history counts a drill answer (core.history.queries.COUNTS_FOR_POINT).
    """
    def hits_of(pid: str) -> list[tuple[KeyPoint, bool]]:
        if pid in results:
            pairs = results[pid]
        else:
            try:
                pairs = [(kp, False) for kp in bank.prompt(pid).key_points]
            except KeyError:
                return []
        if drilled and drilled.get(pid):
            return [(kp, hit) for kp, hit in pairs if kp.id in drilled[pid]]
        return pairs

    pairs = [pair for pid in prompt_ids for pair in hits_of(pid)]
    said: dict[str, float | None] | None = None
    if delivery:
        answered: list[Said] = []
        for p in prompt_ids:
            given = delivery.get(p)
            if isinstance(given, Mapping):
                answered.append(given)
            elif given is not None:
                answered += given
        aspects = {a for d in answered for a in d}
        said = {}
        for a in aspects:
            values = [v for d in answered if (v := d.get(a)) is not None]
            said[a] = sum(values) / len(values) if values else None
    comps = competency_scores(bank, pairs, said)
    coverage = weighted_hits(pairs)
    missed = [(pid, kp) for pid in prompt_ids for kp, hit in hits_of(pid) if not hit]
    missed.sort(key=lambda x: -x[1].weight)
    weights: dict[str, float | None] = {c.id: c.weight for c in bank.competencies}
    shares = overall_shares(weights, list(comps), [(kp.competency, kp.weight) for kp, _ in pairs],
                            {c.id: c.delivery_weight for c in bank.competencies})
    # a competency tied to delivery puts its `delivery_weight` of how the answers were said into the overall, all of
    # it when no key point of the round probes it (review33 4: "0 of the round's 6 key points said" beside 9)
    spoken = sum(shares.get(c.id, 0.0) * (c.delivery_weight if any(kp.competency == c.id for kp, _ in pairs) else 1.0)
                 for c in bank.competencies if c.id in comps and delivery_part(c, said) is not None)
    return RoundSummary(competencies=comps, overall=overall_score(bank, comps, coverage, pairs), shares=shares,
                        delivery_share=round(spoken, 3),
                        answered=sum(1 for p in prompt_ids if p in results), total=len(prompt_ids),
                        coverage_by_prompt={pid: weighted_hits(hits_of(pid)) or 0.0
                                            for pid in prompt_ids if pid in results},
                        to_drill=[(pid, kp.id) for pid, kp in missed],
                        skipped=[pid for pid in prompt_ids if pid not in results],
                        points_said=sum(1 for _, hit in pairs if hit), points=len(pairs))
