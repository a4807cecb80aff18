"""Database schema as numbered migrations; PRAGMA user_version records which have run.

Never edit a released migration: add a new one. Version 1 is the first released schema.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from bisect import bisect_left
from datetime import UTC, datetime
from typing import Any, overload

import sqlite_utils

from voiceprep.core.banks.load import BankLoadError, parse_bank
from voiceprep.core.history.errors import HistoryError
from voiceprep.core.transcript import seams_mended
from voiceprep.settings import OLD_CONTINUE_SITTING_GAP_S

# The search index's tokenizer (attempts_fts, made by _v1): queries.searched_words marks a transcript's words with it,
# so the words marked are those the search matched. A history made before a change here keeps its index's.
TOKENIZE = "porter"
# fixBQ (schema 9): the index holds each text NFKC-folded ("３ms" as "3ms", "ｋａｆｋａ" as "kafka"), as a search is
# folded (queries._pieces). The texts themselves are stored as written. Schema 9's triggers called this SQL function;
# since schema 10 (fixBZ) no trigger does (a plain sqlite3 shell can edit an answer): the searches' percentage check
# and _v9 call it, `register` makes it on History's connection.
FOLD_SQL_NAME = "voiceprep_fold"
# fixBZ (schema 10): the answers whose indexed texts were written since `refold` last ran (by the index's triggers, in
# built-in SQL, whoever wrote them: History, or a sqlite3 shell); `refold` indexes them folded.
FOLD_DUE = "attempts_fold_due"
_INDEXED = ("transcript", "prompt_text", "note")


@overload
def fold(text: str) -> str: ...
@overload
def fold(text: None) -> None: ...
def fold(text: str | None) -> str | None:
    """`text` NFKC-folded, as the search index holds it (None stays None): the one fold of search, the index, the
    figure checks and Compare's words ("ｐ９９" is "p99"); a figure a window's seam split ("$200 ,000") whole, as said
    (walk60 7: the figure checks read it folded, so a transcript stored split is found by "200,000" and "200000")."""
    return seams_mended(unicodedata.normalize("NFKC", text)) if text else text


def register(conn: sqlite3.Connection) -> None:
    """Make FOLD_SQL_NAME(text) callable on `conn` (idempotent): the index's triggers need it."""
    conn.create_function(FOLD_SQL_NAME, 1, lambda text: fold(text), deterministic=True)


def _v1(db: sqlite_utils.Database) -> None:
    db.table("bank_snapshots").create({"hash": str, "bank_id": str, "title": str, "source": str, "toml": str,
                                 "created_at": str}, pk="hash")
    db.table("rounds").create({"id": int, "bank_hash": str, "bank_id": str, "round_id": str, "title": str,
                         "started_at": str, "finished_at": str, "summary_json": str}, pk="id",
                        foreign_keys=[("bank_hash", "bank_snapshots", "hash")])
    db.table("attempts").create({
        "id": int, "round_pk": int, "bank_hash": str, "bank_id": str, "round_id": str, "prompt_id": str,
        "prompt_text": str, "started_at": str, "ended_at": str, "state": str, "state_detail": str,
        "audio_path": str, "duration_s": float, "transcript": str, "transcript_json": str, "model": str,
        "settings_json": str, "coverage": float, "overall": float, "competencies_json": str, "note": str,
    }, pk="id", foreign_keys=[("round_pk", "rounds", "id"), ("bank_hash", "bank_snapshots", "hash")])
    db.table("words").create({"attempt_id": int, "idx": int, "start": float, "end": float, "word": str,
                        "probability": float}, pk=("attempt_id", "idx"), foreign_keys=[("attempt_id", "attempts", "id")])
    db.table("key_point_results").create({
        "attempt_id": int, "key_point_id": str, "label": str, "competency": str, "weight": float, "hit": int,
        "confidence": float, "cue": str, "evidence": str, "start": float, "end": float,
    }, pk=("attempt_id", "key_point_id"), foreign_keys=[("attempt_id", "attempts", "id")])
    db.table("delivery").create({
        "attempt_id": int, "wpm": float, "fillers_total": int, "fillers_per_min": float, "fillers_approx": int,
        "long_pauses": int, "hedges": int, "numbers": int, "repeated": int, "star_present": int,
        "star_in_order": int, "i_share": float, "json": str,
    }, pk="attempt_id", foreign_keys=[("attempt_id", "attempts", "id")])
    db.table("attempts").create_index(["bank_id", "prompt_id", "started_at"])
    db.table("attempts").create_index(["started_at"])
    db.table("attempts").create_index(["state"])
    db.table("key_point_results").create_index(["key_point_id"])
    db.table("attempts").enable_fts(["transcript", "prompt_text", "note"], create_triggers=True, tokenize=TOKENIZE)


def _v2(db: sqlite_utils.Database) -> None:
    """Self-rating per attempt, and a stable uid so exports import once only."""
    db.table("attempts").add_column("self_rating", int)
    db.table("attempts").add_column("uid", str)
    db.table("rounds").add_column("uid", str)
    db.execute("UPDATE attempts SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL")
    db.execute("UPDATE rounds SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL")
    db.table("attempts").create_index(["uid"], unique=True)
    db.table("rounds").create_index(["uid"], unique=True)


def _v3(db: sqlite_utils.Database) -> None:
    """Word timings (~20 KB an attempt) move to their own table, so scanning attempts stays fast at 10,000+;
    covering indexes answer the stats queries without touching the rows."""
    db.table("transcripts").create({"attempt_id": int, "json": str}, pk="attempt_id",
                             foreign_keys=[("attempt_id", "attempts", "id")])
    db.execute("INSERT INTO transcripts (attempt_id, json) SELECT id, transcript_json FROM attempts "
               "WHERE transcript_json IS NOT NULL")
    db.execute("UPDATE attempts SET transcript_json = NULL")   # the column stays, unused (no table rebuild)
    db.table("attempts").create_index(["bank_id", "state", "started_at", "overall", "duration_s"])
    db.table("attempts").create_index(["state", "started_at", "overall", "duration_s"])


def _v4(db: sqlite_utils.Database) -> None:
    """What the candidate saw: the judged feedback as shown, with the judge's version. How the answer was given
    (voice, file, typed), and no invented timing for typed answers. The process that owns an unfinished attempt,
    so recovery leaves a running window's answer alone."""
    db.table("feedback").create({"attempt_id": int, "judge": str, "judged_at": str, "json": str}, pk="attempt_id",
                                foreign_keys=[("attempt_id", "attempts", "id")])
    db.table("attempts").add_column("input", str)
    db.table("attempts").add_column("owner", str)
    db.execute("UPDATE attempts SET input = CASE WHEN model = 'typed' OR settings_json LIKE '%\"typed\": true%' "
               "THEN 'typed' ELSE 'voice' END")
    db.execute("UPDATE attempts SET duration_s = NULL WHERE input = 'typed'")
    db.execute("UPDATE delivery SET wpm = NULL, fillers_per_min = NULL "
               "WHERE attempt_id IN (SELECT id FROM attempts WHERE input = 'typed')")
    db.table("attempts").create_index(["bank_id", "prompt_id", "state", "started_at"])


def _v5(db: sqlite_utils.Database) -> None:
    """A drill answer is marked: the key-point labels the drill notice asked the candidate to cover, as a JSON list
    (NULL: not a drill). Answers from before stay NULL: nothing recorded which of them were drills."""
    db.table("attempts").add_column("drill_json", str)


def _v6(db: sqlite_utils.Database) -> None:
    """A follow-up answer is marked: the interviewer's follow-up questions it answered, as a JSON list (NULL: not a
    follow-up answer). It is still stored as a drill of the points they asked about (drill_json): that is how it
    counts. Follow-up answers from before were stored as drills only; those in a stored round are marked, with no
    questions ([]): only a whole round is stored, and a whole round asks no drill, so its answers with drill_json
    are follow-up answers ("Drill my weak points" and "Drill these now" store no round). Follow-up answers given
    outside a round (One prompt) stay drills: nothing told them apart."""
    db.table("attempts").add_column("follow_up_json", str)
    db.execute("UPDATE attempts SET follow_up_json = '[]' WHERE drill_json IS NOT NULL AND round_pk IS NOT NULL")


def _v7(db: sqlite_utils.Database) -> None:
    """A part being added to a stored answer (C, "Continue answer") until it is joined to it: the answer it
    continues, its own audio, the process recording it and how far it got (state "recording", then "transcribing"
    once it stopped, with state_detail as an attempt's; "left" once that process gave up adding it, refactor34,
    the same column's values, no new schema). The answer's own row stays done meanwhile; after a quit or a
    crash the next start joins the part to it (a row here is removed in the transaction that stores the joined
    answer, or when the part is dropped). Additive: a history from before has no part being added."""
    db.table("continuations").create({"id": int, "attempt_id": int, "audio_path": str, "state": str,
                                      "state_detail": str, "started_at": str, "owner": str}, pk="id",
                                     foreign_keys=[("attempt_id", "attempts", "id")])
    db.table("continuations").create_index(["attempt_id"])


def _v8(db: sqlite_utils.Database) -> None:
    """Answers deleted from History, kept until their Undo is over (fixX, walk39 9): each row is one delete, with
    every row it removed (by table, as JSON) and the audio files it left on disk, and the process that deleted them.
    Undo puts the rows back as they were (same ids and times) and removes the row here; when the undo is over (its
    time ran out, another delete, the app quit) the row goes and its audio is removed. A row whose process is gone
    (a crash) is purged at the next start, so nothing deleted stays behind. Additive: a history from before has
    nothing deleted pending."""
    db.table("deleted").create({"id": int, "deleted_at": str, "owner": str, "rows_json": str, "audio_json": str},
                               pk="id")


def _v9(db: sqlite_utils.Database) -> None:
    """fixBQ: the search index holds each text NFKC-folded (FOLD_SQL_NAME), so "３ms" written full width is found by
    "3ms" as typed. The index is made again from every answer, in this migration's one transaction (a failure
    leaves schema 8 and its index as they were); its content is still read from `attempts` as written. An answer is
    indexed again only when an indexed text (or its id) changes, not at every state change."""
    register(db.conn)
    columns = ", ".join(f"[{c}]" for c in _INDEXED)

    def folded(row: str) -> str:
        return ", ".join(f"{FOLD_SQL_NAME}({row}[{c}])" for c in _INDEXED)
    for trigger in ("attempts_ai", "attempts_ad", "attempts_au"):
        db.execute(f"DROP TRIGGER IF EXISTS [{trigger}]")
    db.execute("DROP TABLE IF EXISTS attempts_fts")
    db.execute(f"CREATE VIRTUAL TABLE attempts_fts USING fts5({columns}, tokenize='{TOKENIZE}', content='attempts')")
    insert = f"INSERT INTO attempts_fts (rowid, {columns}) VALUES (new.rowid, {folded('new.')});"
    delete = f"INSERT INTO attempts_fts (attempts_fts, rowid, {columns}) VALUES ('delete', old.rowid, {folded('old.')});"
    db.execute(f"CREATE TRIGGER attempts_ai AFTER INSERT ON attempts BEGIN {insert} END")
    db.execute(f"CREATE TRIGGER attempts_ad AFTER DELETE ON attempts BEGIN {delete} END")
    db.execute(f"CREATE TRIGGER attempts_au AFTER UPDATE OF id, {columns} ON attempts BEGIN {delete} {insert} END")
    db.execute(f"INSERT INTO attempts_fts (rowid, {columns}) SELECT rowid, {folded('')} FROM attempts")


def _v10(db: sqlite_utils.Database) -> None:
    """fixBZ: the index's triggers use built-in SQL only, so the history stays editable in a plain sqlite3 shell or DB
    Browser (schema 9's called FOLD_SQL_NAME: "no such function" there). The index keeps its own copy of each text,
    folded (no external content: FTS5's 'rebuild' rebuilds from that copy, still folded, and a row leaves the index
    by its rowid alone, whatever text it holds). Its triggers index a text as written and note its answer in
    FOLD_DUE; History indexes it folded before its write commits (`refold`), and a text a shell wrote at the next
    open. An edit re-indexes the texts it changed only. Made again from every answer in this migration's one
    transaction."""
    columns = ", ".join(f"[{c}]" for c in _INDEXED)
    new = ", ".join(f"new.[{c}]" for c in _INDEXED)
    for trigger in ("attempts_ai", "attempts_ad", "attempts_au"):
        db.execute(f"DROP TRIGGER IF EXISTS [{trigger}]")
    db.execute("DROP TABLE IF EXISTS attempts_fts")
    db.execute(f"CREATE VIRTUAL TABLE attempts_fts USING fts5({columns}, tokenize='{TOKENIZE}')")
    db.execute(f"CREATE TABLE {FOLD_DUE} (id INTEGER PRIMARY KEY)")
    due = f"INSERT OR IGNORE INTO {FOLD_DUE} (id) VALUES (new.rowid);"
    insert = f"INSERT INTO attempts_fts (rowid, {columns}) VALUES (new.rowid, {new});"
    # an edit re-indexes the texts it changed only: a note edited in a shell leaves the transcript's folded copy
    kept = ", ".join(f"[{c}] = CASE WHEN new.[{c}] IS old.[{c}] THEN [{c}] ELSE new.[{c}] END" for c in _INDEXED)
    update = f"UPDATE attempts_fts SET rowid = new.rowid, {kept} WHERE rowid = old.rowid;"
    delete = f"DELETE FROM attempts_fts WHERE rowid = old.rowid; DELETE FROM {FOLD_DUE} WHERE id = old.rowid;"
    db.execute(f"CREATE TRIGGER attempts_ai AFTER INSERT ON attempts BEGIN {insert} {due} END")
    db.execute(f"CREATE TRIGGER attempts_ad AFTER DELETE ON attempts BEGIN {delete} END")
    db.execute(f"CREATE TRIGGER attempts_au AFTER UPDATE OF id, {columns} ON attempts BEGIN {update} {due} END")
    db.execute(f"INSERT INTO attempts_fts (rowid, {columns}) SELECT rowid, {columns} FROM attempts")
    _refold(db.conn, f"SELECT rowid, {columns} FROM attempts")


def refold(conn: sqlite3.Connection) -> None:
    """Index folded the texts of the answers noted in FOLD_DUE, and forget them (inside the caller's write
    transaction; nothing to do, one read)."""
    if conn.execute(f"SELECT 1 FROM {FOLD_DUE} LIMIT 1").fetchone() is None:
        return
    columns = ", ".join(f"a.[{c}]" for c in _INDEXED)
    _refold(conn, f"SELECT a.rowid, {columns} FROM attempts a JOIN {FOLD_DUE} d ON a.rowid = d.id")
    conn.execute(f"DELETE FROM {FOLD_DUE}")


def _refold(conn: sqlite3.Connection, select: str) -> None:
    """The index's copy of each text `select` reads (rowid, then _INDEXED) made folded, where folding changes it."""
    sets = ", ".join(f"[{c}] = ?" for c in _INDEXED)
    changed = []
    for rowid, *texts in conn.execute(select):
        folded = [fold(t) for t in texts]
        if folded != texts:
            changed.append((*folded, rowid))
    conn.executemany(f"UPDATE attempts_fts SET {sets} WHERE rowid = ?", changed)


def _v11(db: sqlite_utils.Database) -> None:
    """fixCL: answers a "Continue from question N" older than fixBX (session 38) stored with no round (round_pk NULL)
    are given to the round they continued, so a round finished or taken further that way is not offered again by
    Welcome back (queries.left_round counts a round's own answers only, fixCF). Such answers look like a drill's or
    One prompt's to one question of the round (the round's id, no drill points, no round), so only a sitting that
    cannot be one drill is given: of a round left unfinished, answers after its start and before the next round's,
    one after another with nothing else between (OLD_CONTINUE_SITTING_GAP_S at most apart), each a whole answer or a
    follow-up answer to its questions, answering two questions or more whole ("Drill my weak points" asks one never
    answered whole, then drills: drill points break the sitting). One old Continue answer alone stays as it was (its
    question is offered again; the answer stays in History). One prompt stores its answers the same way (the
    round's id, no round), so a sitting is given only when it goes on as a Continue did (read40a): its first whole
    answer is to the round's first question its own answers left, the others follow in the round's order (read from
    the round's stored bank; one that no longer reads gives nothing). Two One-prompt answers that happen to do just
    that are given too: the round was, in effect, taken up. A stored time that does not read ends a sitting. A
    Continue older than fixBQ asked answered questions again: such a sitting is not in order and stays as it was."""
    rounds = list(db.execute("SELECT id, bank_id, round_id, started_at, finished_at, bank_hash FROM rounds "
                             "WHERE typeof(started_at) = 'text' ORDER BY started_at, id").fetchall())
    answers = list(db.execute("SELECT id, round_pk, bank_id, round_id, prompt_id, started_at, drill_json, follow_up_json "
                              "FROM attempts WHERE typeof(started_at) = 'text' ORDER BY started_at, id").fetchall())
    times = [a[5] for a in answers]
    for i, (pk, bank_id, round_id, started, finished, digest) in enumerate(rounds):
        if finished is not None:
            continue
        until = rounds[i + 1][3] if i + 1 < len(rounds) else None   # (stored to the second: a tie is the later round's)
        sitting: list[Any] = []
        for a in answers[bisect_left(times, started):bisect_left(times, until) if until is not None else None]:
            continued = a[1] is None and (a[2], a[3]) == (bank_id, round_id) and (a[6] is None or a[7] is not None)
            if continued and (not sitting or _seconds(sitting[-1][5], a[5]) <= OLD_CONTINUE_SITTING_GAP_S):
                sitting.append(a)
                continue
            _give(db, pk, digest, round_id, sitting)
            sitting = [a] if continued else []
        _give(db, pk, digest, round_id, sitting)


def _give(db: sqlite_utils.Database, round_pk: int, digest: str, round_id: str, sitting: list[Any]) -> None:
    """The answers of an old Continue's `sitting` stored with its round, when they answer two questions or more whole,
    from the first its round's own answers left, in the round's order."""
    asked = list(dict.fromkeys(a[4] for a in sitting if a[6] is None))     # whole answers' questions, retries once
    if len(asked) < 2:
        return
    order = _round_order(db, digest, round_id)
    # its own answers as left_round reads them: saved ("done", as store.DONE wrote it) and not cut off (read40d: a cut-off
    # answer recovered leaves its question to answer, and the Continue went on from it)
    own = {r[0] for r in db.execute("SELECT prompt_id FROM attempts WHERE round_pk = ? AND drill_json IS NULL AND "
                                    "state = 'done' AND state_detail IS NULL", [round_pk])}
    left = [p for p in order if p not in own]
    if not left or asked[0] != left[0] or any(p not in left for p in asked):
        return
    places = [left.index(p) for p in asked]
    if places == sorted(places):
        db.conn.executemany("UPDATE attempts SET round_pk = ? WHERE id = ?", [(round_pk, a[0]) for a in sitting])


def _round_order(db: sqlite_utils.Database, digest: str, round_id: str) -> list[str]:
    """The round's question ids in its order, from its stored bank ([] when that no longer reads)."""
    row = db.execute("SELECT toml, bank_id FROM bank_snapshots WHERE hash = ?", [digest]).fetchone()
    try:
        return [p.id for p in parse_bank(row[0], f"history snapshot of {row[1]}").round(round_id).prompts]
    except (BankLoadError, KeyError, ValueError, TypeError, IndexError):
        return []


def _seconds(earlier: str, later: str) -> float:
    """Seconds from one stored time to another (one written without a zone is UTC)."""
    def when(iso: str) -> datetime:
        t = datetime.fromisoformat(iso)
        return t if t.tzinfo else t.replace(tzinfo=UTC)
    try:
        return (when(later) - when(earlier)).total_seconds()
    except (ValueError, TypeError):
        return float("inf")                 # a time a shell wrote that does not read: not one sitting (read40a)


MIGRATIONS = [_v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8, _v9, _v10, _v11]
LATEST = len(MIGRATIONS)


def user_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite_utils.Database, upto: int = LATEST) -> int:
    """Run the migrations this database has not had yet; return the version it is at now.

    Each step runs in a write transaction that re-reads the version first, so several processes opening a new
    history at once migrate it once.
    """
    version = user_version(db)
    if version > LATEST:
        raise HistoryError(f"the history database was made by a newer voiceprep (schema {version}, this one knows {LATEST}); "
                           "update voiceprep")
    for number in range(version + 1, upto + 1):
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            if user_version(db) < number:
                MIGRATIONS[number - 1](db)
                db.execute(f"PRAGMA user_version = {number}")
        except BaseException:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise
        db.conn.execute("COMMIT")
    return max(version, upto)
