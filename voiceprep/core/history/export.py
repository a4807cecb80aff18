"""Export a round, an attempt or everything as Markdown, JSON (re-importable) or CSV; import JSON."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from typing import Any

from voiceprep.core.analysis.scoring import SHARES_EXPLAINED, overall_shares
from voiceprep.core.banks.model import job_name
from voiceprep.core.history.queries import (
    ALSO_COVERED_COUNTS,
    also_covered,
    answer_name,
    asked_points,
    asked_text,
    clock,
    covered_text,
    cut_off_text,
    drilled,
    get_attempt,
    is_follow_up,
    kind_name,
    local,
    next_follow_ups,
    rescored_text,
    unfinished_reason,
)
from voiceprep.core.history.schema import LATEST
from voiceprep.core.history.store import (
    DONE,
    RECORDING,
    TRANSCRIBING,
    TYPED,
    Banks,
    History,
    HistoryError,
    Lineage,
    Row,
    bank_ids,
    bank_where,
    dumps,
)
from voiceprep.core.wording import (
    ALSO_COVERED_HEADING,
    asked_about_heading,
    counted,
    delivery_not_scored_lines,
    delivery_shown,
    score_text,
)

EXPORT_VERSION = 1
CSV_COLUMNS = ["id", "started_at", "bank_id", "round_id", "prompt_id", "prompt_text", "drill", "follow_up",
               "duration_s",
               "coverage", "key_points_covered", "key_points_total", "overall", "wpm", "fillers", "self_rating", "note",
               "transcript", "state"]     # state last (walk61 11): a column added after the ones read by position


def key_points_covered(a: Row) -> tuple[int, int]:
    """The key points covered and asked for, as the feedback counts them ("2 of 5 key points covered")."""
    return sum(1 for k in a["key_points"] if k["hit"]), len(a["key_points"])


def unfinished_ids(h: History, ids: list[int]) -> list[int]:
    """Those of `ids` not finished yet: still recording or transcribing, with no score (walk61 finding 11)."""
    wanted = set(ids)
    return [int(r["id"]) for r in h.read("SELECT id FROM attempts WHERE state IN (?, ?) ORDER BY id",
                                         [RECORDING, TRANSCRIBING])
            if int(r["id"]) in wanted]


def select_ids(h: History, attempt: int | None = None, round_pk: int | None = None, all_: bool = False,
               bank: Banks | None = None, prompt: str | None = None) -> list[int]:
    """The attempts to export: one attempt, one round's (its number, as `voiceprep history list` shows it after
    "round"), every attempt of a bank or of one of its prompts (`bank`, `prompt`: walkthrough 12 could only export
    everything or one round), or all. `bank` may be a lineage (see store.Banks): a copy's and its origins'."""
    if bank is not None or prompt is not None:
        where: list[str] = []
        args: list[Any] = []
        if bank is not None:
            clause, args = bank_where(bank)
            where.append(clause)
        if prompt is not None:
            where.append("prompt_id = ?")
            args.append(prompt)
        ids = [int(r["id"]) for r in h.read(f"SELECT id FROM attempts WHERE {' AND '.join(where)} ORDER BY id", args)]
        if not ids:
            own = bank_ids(bank)[0] if bank is not None else None
            what = " ".join(f"{n} {v}" for n, v in (("bank", own), ("prompt", prompt)) if v is not None)
            raise HistoryError(f"no answers of {what} in {h.path}")
        return ids
    if attempt is not None:
        h.attempt_row(attempt)
        return [attempt]
    if round_pk is not None:
        ids = [int(r["id"]) for r in h.read("SELECT id FROM attempts WHERE round_pk = ? ORDER BY id", [round_pk])]
        if not ids:
            raise HistoryError(f"no round {round_pk} with answers in {h.path}")
        return ids
    if all_:
        return [int(r["id"]) for r in h.read("SELECT id FROM attempts ORDER BY id")]
    raise HistoryError("say what to export: an answer, a round, a bank (and prompt), or all")


def to_json(h: History, ids: list[int]) -> str:
    attempts = [get_attempt(h, i) for i in ids]
    for a in attempts:
        a.pop("answer_number", None)     # counted from the history it is in, not carried between histories
        if a.get("follow_up") is None:   # only a follow-up answer carries it: a voiceprep before schema 6 refuses
            a.pop("follow_up", None)     # the field ("unknown field"), even as null
    hashes = sorted({a["bank_hash"] for a in attempts})
    rounds = sorted({a["round_pk"] for a in attempts if a["round_pk"]})
    return json.dumps({
        "voiceprep_export": EXPORT_VERSION,
        "history_schema": LATEST,        # from schema 6 on, an attempt without "follow_up" is not a follow-up answer
        "bank_snapshots": [h.table("bank_snapshots").get(x) for x in hashes],
        "rounds": [h.table("rounds").get(r) for r in rounds],
        "attempts": attempts,
    }, indent=2, ensure_ascii=False)


def safe_cell(value: object) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas: prefix those with a quote."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(h: History, ids: list[int]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for i in ids:
        a = get_attempt(h, i)
        d = a["delivery"] or {}
        # a drill or follow-up answer: the points it was asked about, as History counts it ("1/2 covered"; it
        # counted every point of the question, as if it were a whole answer)
        counts: tuple[int, int] | tuple[None, None] = drilled(a["key_points"], a["drill"]) or key_points_covered(a)
        if a["state"] != DONE:      # not judged yet (or failed): no count, not "0 of 0" (walk61 11); `state` says why
            counts = (None, None)
        covered, total = counts
        typed = a.get("input") == TYPED      # its pace and fillers are not measured: empty, not 0 or 1 (walk48 7)
        row = {**a, "wpm": None if typed else d.get("wpm"),
               "fillers": None if typed else (d.get("fillers") or {}).get("total"),
               "duration_s": None if typed else a.get("duration_s"),
               "key_points_covered": covered, "key_points_total": total,
               "drill": "; ".join(a["drill"]) if a["drill"] else None,    # the points asked for; empty: not a drill
               # a follow-up answer: the questions it answered ("-" when they were not stored); empty: not one
               "follow_up": ("; ".join(a["follow_up"]) or "-") if is_follow_up(a) else None}
        writer.writerow([safe_cell(row.get(c)) for c in CSV_COLUMNS])
    return out.getvalue()


def to_markdown(h: History, ids: list[int], now: datetime | None = None,
                lineage: Lineage = bank_ids) -> str:
    """What the feedback said about each attempt, under a header saying what the file holds (walkthrough 6: it had
    none; its times were UTC and in seconds, "at 1.2 s", where the app says 0:01). `lineage`: a bank id's lineage
    (see store.Banks), so "answer 2 to this question" counts the answers given in the bank a copy was made from."""
    when = (now or datetime.now(UTC)).astimezone().strftime("%Y-%m-%d %H:%M")
    parts: list[str] = [f"# voiceprep: {counted(len(ids), 'answer')}\n", f"*Exported {when}*\n"]
    for i in ids:
        a = get_attempt(h, i, lineage)
        kind = kind_name(a)                      # "Follow-up · ..." or "Drill · ...": what was asked
        parts.append(f"## {f'{kind} · ' if kind else ''}{a['prompt_text']}\n")
        # the job as the app names it, company and title (walk42: the title alone, two jobs of one title alike)
        job = (a.get("feedback") or {}).get("bank") or {}
        bank = job_name(job.get("company"), job["title"]) if job.get("title") else a["bank_id"]
        parts.append(f"*{bank} — {local(str(a['started_at'])):%Y-%m-%d %H:%M} — {answer_name(a)}*\n")
        if a["drill"] or is_follow_up(a):
            parts.append(f"{asked_text(a)}\n")
        if a["state"] != "done":
            parts.append(f"State: **{a['state']}** ({unfinished_reason(a)})\n")
        elif a.get("state_detail"):                 # "cut off: recovered after the app closed"
            parts.append(f"*{cut_off_text(a['state_detail'])}*\n")
        if (rescored := rescored_text(a)) is not None:   # the score below replaced the one first shown
            parts.append(f"*{rescored}.*\n")
        if a["overall"] is not None:         # in the feedback's words: "2 of 5 key points covered", "39 / 100"
            length = "typed answer" if a.get("input") == TYPED else f"{a['duration_s'] or 0:.0f} s"
            covered, total = key_points_covered(a)
            basis = ("overall, weighted by the job's competencies" if a["competencies"]
                     else "overall (this bank scores key points only)")          # as the feedback says it
            asked = drilled(a["key_points"], a["drill"])
            if asked and is_follow_up(a):     # as the feedback says it: one count, of the points asked about
                result = covered_text(asked, a)
                parts.append(f"**{result[:1].upper()}{result[1:]}** (follow-up answer) · {length}\n")
            elif asked:                  # a drill's own result first; its whole-answer score is not counted
                result = covered_text(asked, a)
                parts.append(f"**{result[:1].upper()}{result[1:]}** (drill) · whole answer: "
                             f"{score_text(a['overall'])} / 100, not counted ({covered} of {total} key points) · {length}\n")
            else:
                parts.append(f"**{covered} of {total} key points covered** · **{score_text(a['overall'])} / 100** {basis} · "
                             f"{length}\n")
        # as the feedback shows them (mendJ): an answer about something else says so under its scores, and its
        # Delivery cards are of how it was said (`delivery_shown`)
        cards = delivery_shown((a["delivery"] or {}).get("findings", []))
        if (elsewhere := cards["elsewhere"]) is not None:
            parts.append(f"**{elsewhere['summary']}.** {elsewhere['tip']}\n")
        # as the feedback says it (mendM): no competency counts how it was said (the stored feedback's competencies
        # tell; an answer stored without them is not known)
        feedback_comps = (a.get("feedback") or {}).get("competencies")
        if a["overall"] is not None and isinstance(feedback_comps, list) and (unscored := delivery_not_scored_lines(
                [c for c in feedback_comps if isinstance(c, dict)], cards["findings"],
                bool(a["drill"]) or is_follow_up(a))) is not None:
            parts.append(f"**{unscored[0]}**\n\n{unscored[1]}\n")
        shown = (a.get("feedback") or {}).get("competencies") or []       # names as the feedback showed them
        names = {c.get("id"): c.get("name") for c in shown if isinstance(c, dict)}
        competencies = a["competencies"]
        if a["drill"]:                   # as the feedback shows a drill: its drilled points' competencies only
            asked_for = {k["competency"] for k in a["key_points"] if k["label"] in a["drill"]}
            # (a follow-up answer: none, its competency scores rest on the whole question's points)
            competencies = {c: s for c, s in competencies.items() if c in asked_for and not is_follow_up(a)}
        # each competency's part of the overall, as the feedback says it (walkthrough 10: 100 and 33 made 52)
        weights = {str(c.get("id")): c.get("weight") for c in shown if isinstance(c, dict)}
        share = {} if a["drill"] else overall_shares(weights, list(competencies),
                                                     [(k["competency"], k.get("weight") or 1.0) for k in a["key_points"]],
                                                     {str(c.get("id")): c.get("delivery_weight") for c in shown
                                                      if isinstance(c, dict)})
        rests_on = {c.get("id"): c.get("basis") for c in shown if isinstance(c, dict)}   # as the feedback says it
        for c, value in competencies.items():
            of_overall = f" ({share[c]:.0%} of the overall)" if len(share) > 1 else ""
            parts.append(f"- {names.get(c) or c}: {score_text(value)}{of_overall}"
                         + (f"\n  - {rests_on[c]}" if rests_on.get(c) else ""))   # what it rests on (issue 11 item 4)
        if len(share) > 1:
            parts.append(f"\n*{SHARES_EXPLAINED}*")
        if competencies:
            parts.append("")
        # a follow-up answer: only the points its follow-ups asked about, as History shows it (the others were the
        # answer before's; the export listed them ✗ and asked their follow-ups next)
        points = asked_points(a["key_points"], a)
        parts.append("### Key points\n" if points is a["key_points"] else
                     f"### {asked_about_heading(len(points))}\n")
        feedback = a.get("feedback") or {}
        # what the feedback said under each point: why a missed one was missed ("Partly there: ..."), its follow-up
        seen = {k.get("id"): k for k in feedback.get("key_points") or [] if isinstance(k, dict)}
        also = also_covered(a["key_points"], a)         # fixCU: the points still missed it covered, unasked
        for n, k in enumerate([*points, *also]):
            if also and n == len(points):
                parts.append(f"\n### {ALSO_COVERED_HEADING}\n\n*{ALSO_COVERED_COUNTS}*\n")
            shown = seen.get(k["key_point_id"]) or {}
            # every piece of evidence the feedback showed (walkthrough 7: only the first was exported), with its note
            pieces = [p for p in shown.get("evidence") or [] if isinstance(p, dict) and p.get("text")] or (
                [{"text": k["evidence"], "start": k["start"]}] if k["evidence"] else [])
            ev = "; ".join(f"“{p['text']}”" + (f" at {clock(p['start'])}" if p.get("start") is not None else "")
                           + (f" ({p['note']})" if p.get("note") else "") for p in pieces) if k["hit"] else ""
            parts.append(f"- [{'x' if k['hit'] else ' '}] {k['label']}" + (f" — {ev}" if ev else ""))
            for extra in (shown.get("detail"), f"Follow-up: {shown['follow_up']}" if shown.get("follow_up") else None):
                if extra:
                    parts.append(f"  - {extra}")
        follow_ups = next_follow_ups(feedback, a)
        if follow_ups:
            parts.append("\n### What the interviewer would ask next\n")
            parts += [f"- {q}" for q in follow_ups]
        if a["delivery"]:
            parts.append(f"\n### {cards['heading']}\n")
            if cards["note"]:
                parts.append(f"*{cards['note']}*\n")
            for f in cards["findings"]:
                parts.append(f"- **{f['name']}**: {f['summary']}. {f['tip']}")
        said = [f"Note: {a['note']}"] if a.get("note") else []
        said += [f"Self-rating: {a['self_rating']}/5"] if a.get("self_rating") else []
        if said:                         # an empty note printed "Note:  (self-rating 1/5)"
            parts.append("\n" + " · ".join(said))
        parts.append(f"\n### Transcript\n\n> {a['transcript'] or ''}\n")
    return "\n".join(parts)


def render(h: History, ids: list[int], fmt: str, lineage: Lineage = bank_ids) -> str:
    """`ids` in `fmt`; `lineage` (see store.Banks) numbers the Markdown's answers as History does."""
    if fmt == "md":
        return to_markdown(h, ids, lineage=lineage)
    try:
        return {"json": to_json, "csv": to_csv}[fmt](h, ids)
    except KeyError:
        raise HistoryError(f"unknown format {fmt!r}: use md, json or csv") from None


ATTEMPT_FIELDS = {
    "id", "round_pk", "bank_hash", "bank_id", "round_id", "prompt_id", "prompt_text", "started_at", "ended_at",
    "state", "state_detail", "audio_path", "duration_s", "transcript", "model", "coverage", "overall", "note",
    "self_rating", "uid", "input", "transcript_data", "competencies", "settings", "key_points", "delivery",
    "feedback", "judge", "drill", "follow_up",
}
REQUIRED = ("uid", "bank_hash", "bank_id", "prompt_id", "started_at", "state")
KEY_POINT_FIELDS = {"attempt_id", "key_point_id", "label", "competency", "weight", "hit", "confidence", "cue",
                    "evidence", "start", "end"}


def _check_attempt(a: object, where: str) -> Row:
    if not isinstance(a, dict):
        raise HistoryError(f"{where}: should be an object with the attempt's fields")
    unknown = sorted(set(a) - ATTEMPT_FIELDS)
    if unknown:
        raise HistoryError(f"{where}: unknown field {unknown[0]!r} (is this file from a newer voiceprep?)")
    missing = [k for k in REQUIRED if not a.get(k)]
    if missing:
        raise HistoryError(f"{where}: missing {missing[0]!r}")
    drill = a.get("drill")
    if drill is not None and not (isinstance(drill, list) and all(isinstance(x, str) for x in drill)):
        raise HistoryError(f"{where}: drill: should be the list of key points the drill asked for, or null")
    follow_up = a.get("follow_up")
    if follow_up is not None and not (isinstance(follow_up, list) and all(isinstance(x, str) for x in follow_up)):
        raise HistoryError(f"{where}: follow_up: should be the list of follow-up questions answered, or null")
    for kp in a.get("key_points") or []:
        if not isinstance(kp, dict) or set(kp) - KEY_POINT_FIELDS or "key_point_id" not in kp:
            raise HistoryError(f"{where}: key_points: each needs key_point_id, label and hit")
    return a


def _delivery_row(delivery: Row) -> Row:
    fillers, star = delivery.get("fillers") or {}, delivery.get("star") or {}
    return {"wpm": delivery.get("wpm"), "fillers_total": fillers.get("total"),
            "fillers_per_min": fillers.get("per_minute"), "fillers_approx": int(bool(fillers.get("approximate"))),
            "long_pauses": len(delivery.get("long_pauses") or []), "hedges": (delivery.get("hedges") or {}).get("total"),
            "numbers": len(delivery.get("numbers") or []), "repeated": len(delivery.get("repeated_phrases") or []),
            "star_present": len(star.get("present") or []), "star_in_order": int(bool(star.get("in_order"))),
            "i_share": (delivery.get("ownership") or {}).get("i_share"), "json": dumps(delivery)}


def import_json(h: History, text: str, source: str = "<import>") -> Row:
    """Import an export; attempts already present (same uid) are skipped, so importing twice adds nothing.

    The whole file is checked before anything is written; a bad file changes nothing.
    """
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise HistoryError(f"{source}: not JSON ({exc})") from None
    if not isinstance(data, dict) or data.get("voiceprep_export") != EXPORT_VERSION:
        raise HistoryError(f"{source}: not a voiceprep JSON export (missing \"voiceprep_export\": {EXPORT_VERSION})")
    attempts = [_check_attempt(a, f"{source}: attempts[{i}]") for i, a in enumerate(data.get("attempts") or [])]
    snapshots, rounds = data.get("bank_snapshots") or [], data.get("rounds") or []
    for i, snap in enumerate(snapshots):
        if not isinstance(snap, dict) or not snap.get("hash") or "toml" not in snap:
            raise HistoryError(f"{source}: bank_snapshots[{i}]: needs hash and toml")
    for i, r in enumerate(rounds):
        if not isinstance(r, dict) or not r.get("uid") or "id" not in r:
            raise HistoryError(f"{source}: rounds[{i}]: needs id and uid")
    # an export from before schema 6 (session 12) stored a follow-up answer as a drill only; those of a round are
    # follow-up answers (schema._v6: a whole round asks no drill), with no questions. A later export writes
    # "follow_up" for a follow-up answer only, and says so (history_schema).
    schema = data.get("history_schema")
    before_6 = not isinstance(schema, int) or schema < 6
    added = skipped = 0
    with h.write():
        for snap in snapshots:
            h.table("bank_snapshots").insert(snap, ignore=True)
        round_map = {}
        for r in rounds:
            existing = h.read("SELECT id FROM rounds WHERE uid = ?", [r["uid"]])
            if existing:
                round_map[r["id"]] = existing[0]["id"]
            else:
                r = dict(r)
                old = r.pop("id")
                round_map[old] = h.table("rounds").insert(r).last_pk
        for a in attempts:
            if h.read("SELECT 1 FROM attempts WHERE uid = ?", [a["uid"]]):
                skipped += 1
                continue
            a = dict(a)
            a.pop("id", None)
            kps, delivery = a.pop("key_points", None) or [], a.pop("delivery", None)
            transcript = a.pop("transcript_data", None)
            feedback, judge = a.pop("feedback", None), a.pop("judge", None)
            a["competencies_json"] = dumps(a.pop("competencies", None) or {})
            a["settings_json"] = dumps(a.pop("settings", None) or {})
            drill = a.pop("drill", None)
            a["drill_json"] = dumps(drill) if drill else None
            follow_up = a.pop("follow_up", None)
            if follow_up is None and before_6 and drill and a.get("round_pk") in round_map:
                follow_up = []        # a round's drill in an export from before schema 6: as schema._v6 marks it
            a["follow_up_json"] = dumps(follow_up) if follow_up is not None else None
            a["round_pk"] = round_map.get(a.get("round_pk"))
            a["audio_path"] = None   # audio stays on the machine it was recorded on
            new_id = h.table("attempts").insert(a).last_pk
            if transcript is not None:
                h.table("transcripts").insert({"attempt_id": new_id, "json": dumps(transcript)})
            words = [w for s in (transcript or {}).get("segments", []) for w in s.get("words", [])]
            h.table("words").insert_all({"attempt_id": new_id, "idx": i, **w} for i, w in enumerate(words))
            h.table("key_point_results").insert_all({**k, "attempt_id": new_id} for k in kps)
            if delivery:
                h.table("delivery").insert({"attempt_id": new_id, **_delivery_row(delivery)})
            if feedback:
                h.table("feedback").insert({"attempt_id": new_id, "judge": judge or "", "judged_at": a.get("ended_at"),
                                            "json": dumps(feedback)})
            added += 1
    return {"added": added, "skipped": skipped}
