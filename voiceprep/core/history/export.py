"""Export a round, an attempt or everything as Markdown, JSON (re-importable) or CSV; import JSON."""

from __future__ import annotations

import csv
import io
import json

from voiceprep.core.history.queries import get_attempt
from voiceprep.core.history.store import History, HistoryError

EXPORT_VERSION = 1
CSV_COLUMNS = ["id", "started_at", "bank_id", "round_id", "prompt_id", "prompt_text", "duration_s", "coverage",
               "overall", "wpm", "fillers", "self_rating", "note", "transcript"]


def select_ids(h: History, attempt: int | None = None, round_pk: int | None = None, all_: bool = False) -> list[int]:
    if attempt is not None:
        h.attempt_row(attempt)
        return [attempt]
    if round_pk is not None:
        ids = [r["id"] for r in h.db.query("SELECT id FROM attempts WHERE round_pk = ? ORDER BY id", [round_pk])]
        if not ids:
            raise HistoryError(f"no round {round_pk} with attempts in {h.path}")
        return ids
    if all_:
        return [r["id"] for r in h.db.query("SELECT id FROM attempts ORDER BY id")]
    raise HistoryError("say what to export: an attempt, a round, or all")


def to_json(h: History, ids: list[int]) -> str:
    attempts = [get_attempt(h, i) for i in ids]
    hashes = sorted({a["bank_hash"] for a in attempts})
    rounds = sorted({a["round_pk"] for a in attempts if a["round_pk"]})
    return json.dumps({
        "voiceprep_export": EXPORT_VERSION,
        "bank_snapshots": [h.db["bank_snapshots"].get(x) for x in hashes],
        "rounds": [h.db["rounds"].get(r) for r in rounds],
        "attempts": attempts,
    }, indent=2, ensure_ascii=False)


def safe_cell(value) -> str:
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
        row = {**a, "wpm": d.get("wpm"), "fillers": (d.get("fillers") or {}).get("total")}
        writer.writerow([safe_cell(row.get(c)) for c in CSV_COLUMNS])
    return out.getvalue()


def to_markdown(h: History, ids: list[int]) -> str:
    parts = []
    for i in ids:
        a = get_attempt(h, i)
        parts.append(f"## {a['prompt_text']}\n")
        parts.append(f"*{a['bank_id']} / {a['prompt_id']} — {a['started_at']} — attempt {a['id']}*\n")
        if a["state"] != "done":
            parts.append(f"State: **{a['state']}** {a.get('state_detail') or ''}\n")
        if a["overall"] is not None:
            parts.append(f"**Overall {a['overall']:.0f}/100**, coverage {a['coverage']:.0f}/100, "
                         f"{a['duration_s'] or 0:.0f} s\n")
        for c, s in a["competencies"].items():
            parts.append(f"- {c}: {s:.0f}")
        if a["competencies"]:
            parts.append("")
        parts.append("### Key points\n")
        for k in a["key_points"]:
            ev = f" — “{k['evidence']}”" + (f" at {k['start']:.1f} s" if k["start"] is not None else "") if k["hit"] else ""
            parts.append(f"- [{'x' if k['hit'] else ' '}] {k['label']}{ev}")
        d = a["delivery"]
        if d:
            parts.append("\n### Delivery\n")
            for f in d.get("findings", []):
                parts.append(f"- **{f['name']}**: {f['summary']}. {f['tip']}")
        if a.get("note") or a.get("self_rating"):
            parts.append(f"\nNote: {a.get('note') or ''} (self-rating {a.get('self_rating') or '-'}/5)")
        parts.append(f"\n### Transcript\n\n> {a['transcript'] or ''}\n")
    return "\n".join(parts)


def render(h: History, ids: list[int], fmt: str) -> str:
    try:
        return {"json": to_json, "csv": to_csv, "md": to_markdown}[fmt](h, ids)
    except KeyError:
        raise HistoryError(f"unknown format {fmt!r}: use md, json or csv") from None


def import_json(h: History, text: str, source: str = "<import>") -> dict:
    """Import an export; attempts already present (same uid) are skipped, so importing twice adds nothing."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise HistoryError(f"{source}: not JSON ({exc})") from None
    if not isinstance(data, dict) or data.get("voiceprep_export") != EXPORT_VERSION:
        raise HistoryError(f"{source}: not a voiceprep JSON export (missing \"voiceprep_export\": {EXPORT_VERSION})")
    added = skipped = 0
    with h.db.conn:
        for snap in data.get("bank_snapshots", []):
            h.db["bank_snapshots"].insert(snap, ignore=True)
        round_map = {}
        for r in data.get("rounds", []):
            existing = next(h.db["rounds"].rows_where("uid = ?", [r["uid"]]), None)
            if existing:
                round_map[r["id"]] = existing["id"]
            else:
                old = r.pop("id")
                round_map[old] = h.db["rounds"].insert(r).last_pk
        for a in data.get("attempts", []):
            if h.db["attempts"].count_where("uid = ?", [a["uid"]]):
                skipped += 1
                continue
            a = dict(a)
            a.pop("id")
            kps, delivery = a.pop("key_points"), a.pop("delivery")
            transcript = a.pop("transcript_data")
            a["competencies_json"] = json.dumps(a.pop("competencies"))
            a["settings_json"] = json.dumps(a.pop("settings"))
            a["round_pk"] = round_map.get(a.get("round_pk"))
            a["audio_path"] = None   # audio stays on the machine it was recorded on
            new_id = h.db["attempts"].insert(a).last_pk
            if transcript is not None:
                h.db["transcripts"].insert({"attempt_id": new_id, "json": json.dumps(transcript)})
            words = [w for s in (transcript or {}).get("segments", []) for w in s.get("words", [])]
            h.db["words"].insert_all({"attempt_id": new_id, "idx": i, **w} for i, w in enumerate(words))
            h.db["key_point_results"].insert_all({**k, "attempt_id": new_id} for k in kps)
            if delivery:
                h.db["delivery"].insert({
                    "attempt_id": new_id, "wpm": delivery["wpm"], "fillers_total": delivery["fillers"]["total"],
                    "fillers_per_min": delivery["fillers"]["per_minute"],
                    "fillers_approx": int(delivery["fillers"]["approximate"]),
                    "long_pauses": len(delivery["long_pauses"]), "hedges": delivery["hedges"]["total"],
                    "numbers": len(delivery["numbers"]), "repeated": len(delivery["repeated_phrases"]),
                    "star_present": len(delivery["star"]["present"]), "star_in_order": int(delivery["star"]["in_order"]),
                    "i_share": delivery["ownership"]["i_share"], "json": json.dumps(delivery)})
            added += 1
    return {"added": added, "skipped": skipped}
