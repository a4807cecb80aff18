"""How a question skipped in a round counts outside the round's summary (one place; walkthrough 13).

The round summary counts a skipped question as not answered: its key points missed (core.analysis.scoring,
issue 11). Everything else History computes counts it the same way, as an answer that scored 0 with every point
missed: Progress's averages, day points and competencies, and the welcome back's average of the day. Before, they
left it out, so a competency whose only question was skipped showed the 100 of one stray point another question
touched, and three views of one session said 50, 39 and 52 without saying which counted what.

A skip is read from the finished round's stored summary (`skipped`); the competencies its points belong to from the
bank as the round asked it (its snapshot). A round whose answers were all deleted (History's Delete) counts no skips
either; one skipped through with no answer counts them all, as its summary does.
"""

from __future__ import annotations

import json
from typing import Any

from voiceprep.core.history.store import Banks, History, Row, bank_where


def skipped_text(n: int) -> str:
    """How an average says the skips in it: "a skipped question counted as 0", "2 skipped questions counted as 0"."""
    return f"{'a' if n == 1 else n} skipped question{'s' if n != 1 else ''} counted as 0"


def skipped_answers(h: History, bank: Banks | None = None, prompt: str | None = None,
                    since: str | None = None, until: str | None = None) -> list[Row]:
    """One row per question skipped in a finished round (of `bank`, `prompt`; finished in [`since`, `until`)), shaped
    as `queries.trends` rows: `overall` and `coverage` 0, each competency its points probe at 0, no delivery, at the
    round's end (`started_at`), `skipped` True, no `id`. Oldest first. `bank` may be a lineage (a bank and the banks
    it was copied from: store.Banks)."""
    where, args = ["summary_json IS NOT NULL", "finished_at IS NOT NULL"], []
    if bank:
        clause, ids = bank_where(bank)
        where.append(clause)
        args += ids
    for clause, value in (("finished_at >= ?", since), ("finished_at < ?", until)):
        if value:
            where.append(clause)
            args.append(value)
    rounds = h.read("SELECT bank_id, bank_hash, finished_at, summary_json, EXISTS (SELECT 1 FROM attempts a WHERE "
                    f"a.round_pk = rounds.id) AS kept FROM rounds WHERE {' AND '.join(where)} ORDER BY finished_at, id",
                    args)
    out: list[Row] = []
    for r in rounds:
        try:
            summary = json.loads(r["summary_json"]) or {}
        except ValueError:
            continue
        if summary.get("answered") and not r["kept"]:
            continue        # its answers were deleted in History: its skips go with them (review 17)
        skipped = [pid for pid in summary.get("skipped") or [] if prompt is None or pid == prompt]
        for pid in skipped:
            out.append({"id": None, "bank_id": r["bank_id"], "prompt_id": pid, "started_at": r["finished_at"],
                        "overall": 0.0, "coverage": 0.0, "competencies": _probed(h, r["bank_hash"], pid),
                        "input": None, "drill": None, "follow_up": None, "wpm": None, "fillers_per_min": None,
                        "fillers_total": None, "skipped": True})
    return out


def _probed(h: History, digest: str, prompt_id: str) -> dict[str, float]:
    """The competencies the prompt's key points probe, each at 0 (none: its bank snapshot is gone or unreadable)."""
    try:
        prompt = h.bank_snapshot(digest).prompt(prompt_id)
    except Exception:           # a snapshot that no longer parses, or a prompt no longer in it: no competencies
        return {}
    return {kp.competency: 0.0 for kp in prompt.key_points if kp.competency}


def with_skipped(rows: list[Row], skipped: list[Row], limit: int | None = None) -> list[Row]:
    """Answer rows (oldest first) and skipped ones merged in time order: the newest `limit` of them."""
    merged = sorted([*rows, *skipped], key=lambda r: str(r["started_at"] or ""))
    return merged[-limit:] if limit and limit > 0 else merged


def average_with_skipped(average: float | None, answers: int, skipped: int) -> float | None:
    """An average over `answers` with `skipped` questions counted as answers that scored 0."""
    if average is None and not skipped:
        return None
    total = (average or 0.0) * answers
    return round(total / (answers + skipped), 1) if answers + skipped else None     # rounded once, here


def competency_rows(skipped: list[Row]) -> dict[tuple[str, str], list[Any]]:
    """(bank id, competency id) -> the skipped questions' times that count it at 0."""
    out: dict[tuple[str, str], list[Any]] = {}
    for r in skipped:
        for comp in r["competencies"]:
            out.setdefault((r["bank_id"], comp), []).append(r["started_at"])
    return out
