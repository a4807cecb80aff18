"""Welcome back: the last session in a sentence and what to work on next (Qt-free; the Practice page shows it)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

Row = dict[str, Any]


def _day(iso: str, today: datetime | None = None) -> str:
    """"today", "yesterday" or "30 Nov", in the candidate's own time zone."""
    when = datetime.fromisoformat(iso)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    local = when.astimezone()
    now = (today or datetime.now().astimezone()).date()
    days = (now - local.date()).days
    return "today" if days == 0 else "yesterday" if days == 1 else f"on {local:%d %b}".replace(" 0", " ")


def recap_lines(recap: Row, bank: Any | None, today: datetime | None = None) -> tuple[str, str]:
    """(headline, details) for the last session; `bank` (or None if it is gone) names its questions."""
    title = bank.job.title if bank is not None else recap["bank_id"]
    n = recap["answers"]
    drills = recap.get("drills") or 0                # a drill counts for the points it drilled, not in the average
    left_out = f" (not counting the drill{'s' if drills != 1 else ''})" if drills else ""
    average = f", average {recap['average']:.0f}{left_out}" if recap.get("average") is not None else ""
    said = [f"Last session, {_day(recap['started_at'], today)}: {n} answer{'s' if n != 1 else ''} on {title}{average}."]
    skipped = []
    if bank is not None:                           # a deleted bank: its question ids are not shown
        for pid in recap.get("skipped") or []:
            try:
                skipped.append(bank.prompt(pid).text.rstrip(" .?!"))
            except KeyError:
                continue
    if skipped:
        said.append(f"You skipped “{skipped[0]}”" + (f" and {len(skipped) - 1} more" if len(skipped) > 1 else "")
                    + ": answer it first today.")
    weak = recap.get("weakest")
    if weak:
        said.append(f"Most missed: “{weak['label']}” (covered in {weak['hits']} of {weak['attempts']} recent answers). "
                    "Drill my weak points brings it back.")
    return "Welcome back.", " ".join(said)
