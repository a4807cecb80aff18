"""Questions the history answers: list, show, search, stats (hit rates, trends), compare."""

from __future__ import annotations

import difflib
import json

from voiceprep.core.history.store import DONE, History, HistoryError

LIST_COLUMNS = ("id, bank_id, round_id, prompt_id, prompt_text, started_at, state, duration_s, coverage, overall, "
                "self_rating")


def list_attempts(h: History, bank: str | None = None, prompt: str | None = None, round_id: str | None = None,
                  since: str | None = None, until: str | None = None, min_score: float | None = None,
                  max_score: float | None = None, limit: int = 50, offset: int = 0) -> list[dict]:
    where, args = [], []
    for column, value, op in (("bank_id", bank, "="), ("prompt_id", prompt, "="), ("round_id", round_id, "="),
                              ("started_at", since, ">="), ("started_at", until, "<="),
                              ("overall", min_score, ">="), ("overall", max_score, "<=")):
        if value is not None:
            where.append(f"{column} {op} ?")
            args.append(value)
    sql = f"SELECT {LIST_COLUMNS} FROM attempts"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?"
    return list(h.db.query(sql, [*args, limit, offset]))


def get_attempt(h: History, attempt_id: int) -> dict:
    """Everything needed to show an attempt again."""
    row = h.attempt_row(attempt_id)
    row.pop("transcript_json", None)     # moved to the transcripts table (schema 3)
    stored = next(h.db["transcripts"].rows_where("attempt_id = ?", [attempt_id]), None)
    row["transcript_data"] = json.loads(stored["json"]) if stored else None
    row["competencies"] = json.loads(row.pop("competencies_json") or "{}")
    row["settings"] = json.loads(row.pop("settings_json") or "{}")
    row["key_points"] = list(h.db["key_point_results"].rows_where("attempt_id = ?", [attempt_id]))
    delivery = h.db["delivery"].rows_where("attempt_id = ?", [attempt_id])
    d = next(iter(delivery), None)
    row["delivery"] = json.loads(d["json"]) if d else None
    return row


def search(h: History, text: str, limit: int = 20) -> list[dict]:
    """Full-text search over transcripts (porter stemming), with [highlighted] snippets."""
    query = " ".join(f'"{w}"' for w in text.replace('"', " ").split())
    if not query:
        return []
    return list(h.db.query(
        "SELECT attempts.id, attempts.bank_id, attempts.prompt_id, attempts.started_at, attempts.overall, "
        "snippet(attempts_fts, 0, '[', ']', '…', 12) AS snippet FROM attempts_fts "
        "JOIN attempts ON attempts.rowid = attempts_fts.rowid WHERE attempts_fts MATCH ? "
        "ORDER BY rank LIMIT ?", [query, limit]))


def key_point_rates(h: History, bank: str, last: int = 6) -> list[dict]:
    """Per key point: hits over the last `last` finished attempts of its prompt ("hit 4 of 6")."""
    return list(h.db.query(
        """WITH recent AS (
             SELECT id, prompt_id, ROW_NUMBER() OVER (PARTITION BY prompt_id ORDER BY started_at DESC, id DESC) AS n
             FROM attempts WHERE bank_id = ? AND state = ?)
           SELECT r.prompt_id, k.key_point_id, k.label, k.competency, SUM(k.hit) AS hits, COUNT(*) AS attempts,
                  ROUND(1.0 * SUM(k.hit) / COUNT(*), 3) AS rate
           FROM recent r JOIN key_point_results k ON k.attempt_id = r.id
           WHERE r.n <= ? GROUP BY r.prompt_id, k.key_point_id ORDER BY rate ASC, attempts DESC""",
        [bank, DONE, last]))


def weak_points(h: History, bank: str, last: int = 6, limit: int = 5) -> list[dict]:
    """The points most often missed recently: the "drill my weak points" round."""
    return [r for r in key_point_rates(h, bank, last) if r["rate"] < 1.0][:limit]


def _finished(bank: str | None, prefix: str = "") -> tuple[str, list]:
    """WHERE clause for finished attempts, optionally of one bank."""
    where, args = f"{prefix}state = ?", [DONE]
    if bank:
        where += f" AND {prefix}bank_id = ?"
        args.append(bank)
    return where, args


def trends(h: History, bank: str | None = None, limit: int | None = None) -> list[dict]:
    """One row per finished attempt, oldest first (the newest `limit`): scores, competencies, pace, fillers."""
    where, args = _finished(bank, "a.")
    rows = list(h.db.query(
        f"SELECT a.id, a.bank_id, a.prompt_id, a.started_at, a.overall, a.coverage, a.competencies_json, "
        f"d.wpm, d.fillers_per_min, d.fillers_total FROM attempts a LEFT JOIN delivery d ON d.attempt_id = a.id "
        f"WHERE {where} ORDER BY a.started_at DESC, a.id DESC LIMIT ?", [*args, limit or -1]))
    rows.reverse()
    for r in rows:
        r["competencies"] = json.loads(r.pop("competencies_json") or "{}")
    return rows


def stats(h: History, bank: str | None = None, last: int = 6) -> dict:
    """Totals, recent vs earlier averages, per-competency latest/average, and weak points (SQL-side)."""
    where, args = _finished(bank)
    summary = next(h.db.query(
        f"SELECT COUNT(*) AS attempts, ROUND(AVG(overall), 1) AS avg_overall, MAX(overall) AS best_overall, "
        f"ROUND(SUM(duration_s) / 60.0, 1) AS minutes_spoken, MIN(started_at) AS first, MAX(started_at) AS last "
        f"FROM attempts WHERE {where}", args))
    result = {"bank": bank, **summary}
    series = trends(h, bank, limit=10)
    recent, earlier = series[-5:], series[:-5]

    def avg(rows, key):
        values = [r[key] for r in rows if r.get(key) is not None]
        return round(sum(values) / len(values), 1) if values else None
    result["recent"] = {k: avg(recent, k) for k in ("overall", "wpm", "fillers_per_min")}
    result["earlier"] = {k: avg(earlier, k) for k in ("overall", "wpm", "fillers_per_min")}
    where_a, args_a = _finished(bank, "a.")
    comps = h.db.query(
        f"""SELECT key, ROUND(AVG(value), 1) AS average, COUNT(*) AS attempts,
                   MAX(CASE WHEN n = 1 THEN value END) AS latest
            FROM (SELECT j.key, j.value, ROW_NUMBER() OVER (PARTITION BY j.key ORDER BY a.started_at DESC, a.id DESC) AS n
                  FROM attempts a, json_each(a.competencies_json) j WHERE {where_a})
            GROUP BY key ORDER BY key""", args_a)
    result["competencies"] = {c["key"]: {"latest": c["latest"], "average": c["average"], "attempts": c["attempts"]}
                              for c in comps}
    banks = [bank] if bank else [r["bank_id"] for r in h.db.query("SELECT DISTINCT bank_id FROM attempts")]
    result["weak_points"] = {b: weak_points(h, b, last) for b in banks}
    return result


def compare(h: History, first: int, second: int) -> dict:
    a, b = get_attempt(h, first), get_attempt(h, second)
    if (a["bank_id"], a["prompt_id"]) != (b["bank_id"], b["prompt_id"]):
        raise HistoryError(f"attempts {first} and {second} answer different prompts "
                           f"({a['bank_id']}/{a['prompt_id']} vs {b['bank_id']}/{b['prompt_id']}); "
                           "compare two attempts of the same prompt")
    hits_a = {k["key_point_id"]: k for k in a["key_points"]}
    hits_b = {k["key_point_id"]: k for k in b["key_points"]}
    gained = [hits_b[k]["label"] for k in hits_b if hits_b[k]["hit"] and not hits_a.get(k, {}).get("hit")]
    lost = [hits_a[k]["label"] for k in hits_a if hits_a[k]["hit"] and not hits_b.get(k, {}).get("hit")]
    metrics = {}
    for name, get in (("overall", lambda r: r["overall"]), ("coverage", lambda r: r["coverage"]),
                      ("duration_s", lambda r: r["duration_s"]),
                      ("wpm", lambda r: (r["delivery"] or {}).get("wpm")),
                      ("fillers", lambda r: ((r["delivery"] or {}).get("fillers") or {}).get("total"))):
        va, vb = get(a), get(b)
        metrics[name] = {"first": va, "second": vb,
                         "delta": round(vb - va, 1) if va is not None and vb is not None else None}
    words_a, words_b = (a["transcript"] or "").split(), (b["transcript"] or "").split()
    diff = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=words_a, b=words_b, autojunk=False).get_opcodes():
        diff.append({"op": op, "first": " ".join(words_a[i1:i2]), "second": " ".join(words_b[j1:j2])})
    return {"first": first, "second": second, "prompt_id": a["prompt_id"], "gained": gained, "lost": lost,
            "metrics": metrics, "diff": diff}
