"""How a question skipped in a round counts outside the round's summary: the one rule (walkthrough 13, walk19,
walk56, session 41).

A skip is not answered (issue 11: a round's summary counts it as not answered, never as full marks). The round's own
summary and score count it so, as 0 with its key points missed (core.analysis.scoring). Everything History computes
after the round leaves it out of its averages and counts it apart: `history stats`' average per answer and its
competencies (the average and the latest are the answers'), Progress's charts and their captions, Welcome back's
average. Before, `history stats`' competencies alone averaged a skip in as 0 (and made it the latest) beside
Progress and Welcome back leaving it out (fixDA noticed). So a skipped question's row here carries no score
(`overall`, `coverage` and each competency its points probe are None), and every view says how many were skipped with
`skipped_text`.

A skip is read from the finished round's stored summary (`skipped`); the competencies its points belong to from the
bank as the round asked it (its snapshot). A round whose answers were all deleted (History's Delete) counts no skips
either; one skipped through with no answer counts them all, as its summary does.
"""

from __future__ import annotations

import json

from voiceprep.core.history.store import Banks, History, Row, bank_where

COUNTED = "counted"         # how `history stats` leaves a skip out of a competency's average
PLOTTED = "plotted"         # how Progress leaves it off a chart


def skipped_text(n: int, left_out_of: str = COUNTED, why: bool = True) -> str:
    """How a number or a chart says the skips it left out: "a skipped question not counted: no answer", "2 skipped
    questions not plotted: no answer" (`left_out_of`: COUNTED, PLOTTED; `why` False: without ": no answer", where the
    line says it already, read42a 7)."""
    return f"{'a' if n == 1 else n} skipped question{'s' if n != 1 else ''} not {left_out_of}" + (": no answer" if why else "")


def is_skip(row: Row) -> bool:
    """Whether a `queries.trends` row is a question skipped in a round (`skipped_answers`), no answer."""
    return bool(row.get("skipped"))


def competency_skips(rows: list[Row]) -> int:
    """How many of `rows` (trends rows) are skips whose question probes a competency: those a competency chart or
    average leaves out (Progress's caption)."""
    return sum(1 for r in rows if is_skip(r) and r.get("competencies"))


def skipped_answers(h: History, bank: Banks | None = None, prompt: str | None = None,
                    since: str | None = None, until: str | None = None) -> list[Row]:
    """One row per question skipped in a finished round (of `bank`, `prompt`; finished in [`since`, `until`)), shaped
    as `queries.trends` rows: no score (`overall`, `coverage` and each competency its points probe None: not answered,
    in no average), no delivery, at the round's end (`started_at`), `skipped` True, no `id`. Oldest first. `bank`
    may be a lineage (a bank and the banks it was copied from: store.Banks)."""
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
                        "overall": None, "coverage": None, "competencies": _probed(h, r["bank_hash"], pid),
                        "input": None, "drill": None, "follow_up": None, "wpm": None, "fillers_per_min": None,
                        "fillers_total": None, "skipped": True})
    return out


def _probed(h: History, digest: str, prompt_id: str) -> dict[str, float | None]:
    """The competencies the prompt's key points probe, each None: not answered (none: its bank snapshot is gone or
    unreadable)."""
    try:
        prompt = h.bank_snapshot(digest).prompt(prompt_id)
    except Exception:           # a snapshot that no longer parses, or a prompt no longer in it: no competencies
        return {}
    return {kp.competency: None for kp in prompt.key_points if kp.competency}


def with_skipped(rows: list[Row], skipped: list[Row], limit: int | None = None) -> list[Row]:
    """Answer rows (oldest first) and skipped ones merged in time order: the newest `limit` of them."""
    merged = sorted([*rows, *skipped], key=lambda r: str(r["started_at"] or ""))
    return merged[-limit:] if limit and limit > 0 else merged


def competency_rows(skipped: list[Row]) -> dict[tuple[str, str], int]:
    """(bank id, competency id) -> how many skipped questions probe it: left out of its average, counted apart."""
    out: dict[tuple[str, str], int] = {}
    for r in skipped:
        for comp in r["competencies"]:
            out[(r["bank_id"], comp)] = out.get((r["bank_id"], comp), 0) + 1
    return out
