"""What an answer covered with the follow-up answers that followed it, as Practice counted it: the one place History's
list, its detail and Compare read it from (walkthrough 13: Practice said "this question now has 3 of 5 key points"
after the follow-ups, History kept the answer's "0 of 5"; walk15: History's score column and Compare's "Gained" and
"Still missing" still counted the answer alone).

A follow-up answer counts only for the points its follow-ups asked about (queries.FOLLOW_UP) and the question's other
points still missed then (queries.FOLLOW_UP_POINT, fixCU), and what it covered of them is added to the answer it
followed (core.rehearsal.Rehearsal.record): the last answer to the question before it that is not a follow-up answer
(queries.answer_name). A cut-off follow-up answer adds nothing, as in Practice. An answer no follow-up answer followed
(every answer stored before follow-ups existed) reads as it was stored.
"""

from __future__ import annotations

import json

from voiceprep.core.history import History
from voiceprep.core.history.queries import COMPLETE, FOLLOW_UP, FOLLOW_UP_POINT, is_follow_up
from voiceprep.core.history.store import DONE, Row
from voiceprep.core.wording import counted


def standings(h: History, rows: list[Row]) -> dict[int, Row]:
    """Attempt id -> its standing, for the finished answers among `rows` (rows with `id`, `bank_id`, `prompt_id`,
    `state` and `follow_up`, as `queries.list_attempts` and `get_attempt` read them) that follow-up answers
    followed: `hits` of `total` key points with what they covered, `own` hits of its own, how many follow-up
    `answers`, and the ids of the points they `covered` that it missed. Left out: a follow-up answer, an answer
    not finished or with no key points, one no follow-up answer followed. A few queries for all the rows."""
    wanted = {r["id"]: r for r in rows if r.get("state") == DONE and not is_follow_up(r)}
    if not wanted:
        return {}
    # the finished answers to their questions from the first of them on, in order: each follow-up answer follows
    # the last answer before it that is not one (only the newest few hundred are read for History's list)
    followers, last = [], {}
    for t in h.read(
            f"SELECT id, bank_id, prompt_id, drill_json, {FOLLOW_UP} AS follow_up, {COMPLETE} AS complete "
            "FROM attempts WHERE state = ? AND bank_id IN (SELECT value FROM json_each(?)) AND prompt_id IN "
            "(SELECT value FROM json_each(?)) AND started_at >= ? ORDER BY started_at, id",
            [DONE, json.dumps(sorted({r["bank_id"] for r in wanted.values()})),
             json.dumps(sorted({r["prompt_id"] for r in wanted.values()})),
             min(r["started_at"] for r in wanted.values())]):
        question = (t["bank_id"], t["prompt_id"])
        if not t["follow_up"]:
            last[question] = t["id"]
        elif last.get(question) in wanted:
            followers.append({**t, "followed": last[question]})
    if not followers:
        return {}
    answers: dict[int, int] = {}
    for f in followers:
        answers[f["followed"]] = answers.get(f["followed"], 0) + 1
    by_follower = {f["id"]: f["followed"] for f in followers if f["complete"] and f["drill_json"]}
    covered: dict[int, set[str]] = {}
    for k in h.read("SELECT k.attempt_id, k.key_point_id FROM attempts a JOIN key_point_results k ON "
                    f"k.attempt_id = a.id WHERE a.id IN (SELECT value FROM json_each(?)) AND k.hit AND {FOLLOW_UP_POINT}",
                    [json.dumps(sorted(by_follower))]):
        covered.setdefault(by_follower[k["attempt_id"]], set()).add(k["key_point_id"])
    own: dict[int, list[Row]] = {}
    for k in h.read("SELECT attempt_id, key_point_id, hit FROM key_point_results WHERE attempt_id IN "
                    "(SELECT value FROM json_each(?)) ORDER BY rowid", [json.dumps(sorted(answers))]):
        own.setdefault(k["attempt_id"], []).append(k)
    out = {}
    for attempt, points in own.items():
        extra = covered.get(attempt, set())
        out[attempt] = {"hits": sum(1 for k in points if k["hit"] or k["key_point_id"] in extra),
                        "total": len(points), "own": sum(1 for k in points if k["hit"]), "answers": answers[attempt],
                        "covered": [k["key_point_id"] for k in points if not k["hit"] and k["key_point_id"] in extra]}
    return out


def followed_text(standing: Row) -> str:
    """History's line for it: "This answer alone: 0 of 5 key points, as its score counts them; with its follow-up
    answer: 3 of 5, as Practice showed it after the follow-ups" (walk57 4: the count with the follow-up first, over
    the big "2 of 3 / 67" of the answer alone, read as two bases)."""
    n = standing["answers"]
    return (f"This answer alone: {standing['own']} of {standing['total']} key points, as its score counts them; with "
            f"its follow-up answer{'s' if n != 1 else ''}: {standing['hits']} of {standing['total']}, as Practice showed "
            "it after the follow-ups")


def added_text(standing: Row) -> str:
    """History's score column's second line for it: the points its follow-up answers added, "+1 key point" (the
    column is 100 px at 1366x768 and the prompt's needs the rest: "in follow-up" is in its tooltip, "With its
    follow-up answer: …")."""
    return added_points(len(standing["covered"]), said_where=False)


def added_points(n: int, said_where: bool = True) -> str:
    """The key points follow-up answers added, in the one wording History, `history list` and the round's summary
    say: "+3 key points in follow-up" (walk19: "+3 in follow-up" beside scores read as 3 points of score);
    without `said_where`, "+3 key points" where room is short and the follow-up is said beside it."""
    return f"+{counted(n, 'key point')}" + (" in follow-up" if said_where else "")


def is_own_follow_up(a: Row, b: Row) -> bool:
    """Two answers to a question, older first (rows read with `queries.drill_labels`, with their `answer_number`): an
    answer and a follow-up answer that followed it. The follow-up answers the interviewer's questions after that
    answer, it is not a second try at the question (walk16). Read before comparing them (session 20: Compare ran
    twice to find out)."""
    return (is_follow_up(b) and not is_follow_up(a) and bool(a.get("answer_number"))
            and b.get("answer_number") == a["answer_number"])


def follow_up_compared(result: Row, standing: Row | None) -> Row:
    """Compare of an answer alone (`result`: `queries.compare` with nothing counted as covered) with its own follow-up
    answer, as what the follow-up added (walk16: "Overall score 86 → 36 / 100 (−50)" in red, "Gained: none" and the
    whole answer marked as words removed): `follow_up_added` says which asked-about points the follow-up `covered`
    and, from `standing` (`standings`), the answer's count `with_follow_ups` ({"hits", "own", "total", "answers"},
    None without one), in words as `text`; no metrics, score or word diff (the dialog and `history compare` show
    none: session 20, the JSON listed length, pace, fillers and hedges), and no "not compared" list (the follow-up
    was never meant to cover the other points)."""
    a = result["attempts"][0]
    covered = list(result["gained"])
    said = f"The follow-up covered: {'; '.join(covered)}." if covered else \
        "The follow-up covered none of the points it was asked about."
    counts = None
    if standing:
        total, n = standing["total"], standing["answers"]
        said += (f" With {'it' if n == 1 else 'its follow-up answers'}, answer {a['answer_number']} has "
                 f"{standing['hits']} of {total} key points (on its own: {standing['own']} of {total})")
        counts = {k: standing[k] for k in ("hits", "own", "total", "answers")}
    return {**result, "follow_up_added": {"covered": covered, "with_follow_ups": counts, "text": said}, "metrics": {},
            "lost": [], "not_asked": [], "reworded": [], "diff": []}
