"""An answer's standing with the follow-up answers that followed it, as Practice showed it after them (walkthrough
13: Practice said "this question now has 3 of 5 key points" after the follow-ups, History kept the answer's "0 of 5").

A follow-up answer counts only for the points its follow-ups asked about (queries.FOLLOW_UP), and what it covered of
them is added to the answer it followed (core.rehearsal.Rehearsal.record): the last answer to the question before it
that is not a follow-up answer (queries.answer_name). A cut-off follow-up answer adds nothing, as in Practice.
"""

from __future__ import annotations

import json

from voiceprep.core.history.queries import COMPLETE, FOLLOW_UP, is_follow_up
from voiceprep.core.history.store import DONE, History, Row


def with_follow_ups(h: History, row: Row) -> Row | None:
    """For a finished answer (a `queries.get_attempt` row) that follow-up answers followed: `hits` of `total` key
    points with what they covered, `own` hits of its own, and how many follow-up `answers`. None for a follow-up
    answer, an answer not finished, or one no follow-up answer followed."""
    if row.get("state") != DONE or is_follow_up(row) or not row.get("key_points"):
        return None
    later = h.read(
        f"SELECT id, drill_json, {FOLLOW_UP} AS follow_up, {COMPLETE} AS complete FROM attempts WHERE bank_id = ? "
        "AND prompt_id = ? AND state = ? AND (started_at > ? OR (started_at = ? AND id > ?)) ORDER BY started_at, id",
        [row["bank_id"], row["prompt_id"], DONE, row["started_at"], row["started_at"], row["id"]])
    followers = []
    for r in later:
        if not r["follow_up"]:
            break                        # the next answer to the question: the ones after it follow that one
        followers.append(r)
    if not followers:
        return None
    covered: set[str] = set()
    for r in followers:
        asked = set(json.loads(r["drill_json"] or "[]"))
        if r["complete"] and asked:
            covered |= {k["key_point_id"] for k in h.read(
                "SELECT key_point_id, label FROM key_point_results WHERE attempt_id = ? AND hit", [r["id"]])
                if k["label"] in asked}
    own = row["key_points"]
    return {"hits": sum(1 for k in own if k["hit"] or k["key_point_id"] in covered), "total": len(own),
            "own": sum(1 for k in own if k["hit"]), "answers": len(followers)}


def followed_text(standing: Row) -> str:
    """History's line for it: "With its follow-up answer: 3 of 5 key points (this answer alone: 0 of 5), as
    Practice showed it after the follow-ups"."""
    n = standing["answers"]
    return (f"With its follow-up answer{'s' if n != 1 else ''}: {standing['hits']} of {standing['total']} key points "
            f"(this answer alone: {standing['own']} of {standing['total']}), as Practice showed it after the "
            "follow-ups")
