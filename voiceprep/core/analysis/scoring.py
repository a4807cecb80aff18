"""Scores: key-point coverage, per competency, and overall by the job's competency weights."""

from __future__ import annotations

from dataclasses import dataclass

from voiceprep.core.banks.model import Bank, KeyPoint


def weighted_hits(pairs: list[tuple[KeyPoint, bool]]) -> float | None:
    """0-100 share of key-point weight that was hit; None when there is nothing to score."""
    total = sum(kp.weight for kp, _ in pairs)
    if not total:
        return None
    return round(100 * sum(kp.weight for kp, hit in pairs if hit) / total, 1)


def competency_scores(bank: Bank, pairs: list[tuple[KeyPoint, bool]]) -> dict[str, float]:
    """Score per competency, from the key points tagged with it (only competencies that were asked)."""
    out = {}
    for comp in bank.competencies:
        score = weighted_hits([(kp, hit) for kp, hit in pairs if kp.competency == comp.id])
        if score is not None:
            out[comp.id] = score
    return out


def overall_score(bank: Bank, competencies: dict[str, float], coverage: float | None) -> float:
    """Sum of competency weight x score, renormalised over the competencies this answer was asked about.

    A bank without competencies scores by coverage alone.
    """
    if not bank.competencies or not competencies:
        return coverage or 0.0
    weights = {c.id: c.weight for c in bank.competencies}
    total = sum(weights[c] for c in competencies)
    return round(sum(weights[c] * s for c, s in competencies.items()) / total, 1)


@dataclass
class RoundSummary:
    competencies: dict[str, float]
    overall: float
    answered: int
    total: int
    coverage_by_prompt: dict[str, float]
    to_drill: list[tuple[str, str]]    # (prompt id, key point id) missed, heaviest first

    @property
    def completion(self) -> float:
        return round(self.answered / self.total, 3) if self.total else 0.0

    def to_dict(self) -> dict:
        return {"competencies": self.competencies, "overall": self.overall, "answered": self.answered,
                "total": self.total, "completion": self.completion,
                "coverage_by_prompt": self.coverage_by_prompt,
                "to_drill": [{"prompt_id": p, "key_point_id": k} for p, k in self.to_drill]}


def summarize_round(bank: Bank, prompt_ids: list[str], results: dict[str, list[tuple[KeyPoint, bool]]]) -> RoundSummary:
    """Round scores over the prompts answered (`results`: prompt id -> key-point hits of its latest attempt)."""
    pairs = [pair for pid in prompt_ids if pid in results for pair in results[pid]]
    comps = competency_scores(bank, pairs)
    coverage = weighted_hits(pairs)
    missed = [(pid, kp) for pid in prompt_ids if pid in results for kp, hit in results[pid] if not hit]
    missed.sort(key=lambda x: -x[1].weight)
    return RoundSummary(competencies=comps, overall=overall_score(bank, comps, coverage),
                        answered=sum(1 for p in prompt_ids if p in results), total=len(prompt_ids),
                        coverage_by_prompt={pid: weighted_hits(results[pid]) or 0.0
                                            for pid in prompt_ids if pid in results},
                        to_drill=[(pid, kp.id) for pid, kp in missed])
