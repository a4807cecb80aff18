"""Database schema as numbered migrations; PRAGMA user_version records which have run.

Never edit a released migration: add a new one. Version 1 is the first released schema.
"""

from __future__ import annotations

import sqlite_utils


def _v1(db: sqlite_utils.Database) -> None:
    db["bank_snapshots"].create({"hash": str, "bank_id": str, "title": str, "source": str, "toml": str,
                                 "created_at": str}, pk="hash")
    db["rounds"].create({"id": int, "bank_hash": str, "bank_id": str, "round_id": str, "title": str,
                         "started_at": str, "finished_at": str, "summary_json": str}, pk="id",
                        foreign_keys=[("bank_hash", "bank_snapshots", "hash")])
    db["attempts"].create({
        "id": int, "round_pk": int, "bank_hash": str, "bank_id": str, "round_id": str, "prompt_id": str,
        "prompt_text": str, "started_at": str, "ended_at": str, "state": str, "state_detail": str,
        "audio_path": str, "duration_s": float, "transcript": str, "transcript_json": str, "model": str,
        "settings_json": str, "coverage": float, "overall": float, "competencies_json": str, "note": str,
    }, pk="id", foreign_keys=[("round_pk", "rounds", "id"), ("bank_hash", "bank_snapshots", "hash")])
    db["words"].create({"attempt_id": int, "idx": int, "start": float, "end": float, "word": str,
                        "probability": float}, pk=("attempt_id", "idx"), foreign_keys=[("attempt_id", "attempts", "id")])
    db["key_point_results"].create({
        "attempt_id": int, "key_point_id": str, "label": str, "competency": str, "weight": float, "hit": int,
        "confidence": float, "cue": str, "evidence": str, "start": float, "end": float,
    }, pk=("attempt_id", "key_point_id"), foreign_keys=[("attempt_id", "attempts", "id")])
    db["delivery"].create({
        "attempt_id": int, "wpm": float, "fillers_total": int, "fillers_per_min": float, "fillers_approx": int,
        "long_pauses": int, "hedges": int, "numbers": int, "repeated": int, "star_present": int,
        "star_in_order": int, "i_share": float, "json": str,
    }, pk="attempt_id", foreign_keys=[("attempt_id", "attempts", "id")])
    db["attempts"].create_index(["bank_id", "prompt_id", "started_at"])
    db["attempts"].create_index(["started_at"])
    db["attempts"].create_index(["state"])
    db["key_point_results"].create_index(["key_point_id"])
    db["attempts"].enable_fts(["transcript", "prompt_text", "note"], create_triggers=True, tokenize="porter")


def _v2(db: sqlite_utils.Database) -> None:
    """Self-rating per attempt, and a stable uid so exports import once only."""
    db["attempts"].add_column("self_rating", int)
    db["attempts"].add_column("uid", str)
    db["rounds"].add_column("uid", str)
    db.execute("UPDATE attempts SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL")
    db.execute("UPDATE rounds SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL")
    db["attempts"].create_index(["uid"], unique=True)
    db["rounds"].create_index(["uid"], unique=True)


def _v3(db: sqlite_utils.Database) -> None:
    """Word timings (~20 KB an attempt) move to their own table, so scanning attempts stays fast at 10,000+;
    covering indexes answer the stats queries without touching the rows."""
    db["transcripts"].create({"attempt_id": int, "json": str}, pk="attempt_id",
                             foreign_keys=[("attempt_id", "attempts", "id")])
    db.execute("INSERT INTO transcripts (attempt_id, json) SELECT id, transcript_json FROM attempts "
               "WHERE transcript_json IS NOT NULL")
    db.execute("UPDATE attempts SET transcript_json = NULL")   # the column stays, unused (no table rebuild)
    db["attempts"].create_index(["bank_id", "state", "started_at", "overall", "duration_s"])
    db["attempts"].create_index(["state", "started_at", "overall", "duration_s"])


MIGRATIONS = [_v1, _v2, _v3]
LATEST = len(MIGRATIONS)


def migrate(db: sqlite_utils.Database, upto: int = LATEST) -> int:
    """Run the migrations this database has not had yet; return the version it is at now."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > LATEST:
        from voiceprep.core.history.store import HistoryError

        raise HistoryError(f"{db.conn}: made by a newer voiceprep (schema {version}, this one knows {LATEST}); "
                           "update voiceprep")
    for number in range(version + 1, upto + 1):
        with db.conn:
            MIGRATIONS[number - 1](db)
            db.execute(f"PRAGMA user_version = {number}")
    return max(version, upto)
