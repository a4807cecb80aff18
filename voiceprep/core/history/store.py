"""Writing the history: attempts from the moment recording starts, each finished in one transaction."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sqlite3
import uuid
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from voiceprep import paths
from voiceprep.core.banks.load import parse_bank
from voiceprep.core.banks.model import Bank, Prompt, Round
from voiceprep.core.history.schema import migrate

log = logging.getLogger(__name__)
RECORDING, TRANSCRIBING, DONE, FAILED = "recording", "transcribing", "done", "failed"


class HistoryError(Exception):
    """The history database cannot be used; the message says why and what to do."""


class HistoryCorruptError(HistoryError):
    def __init__(self, path: Path, backup: Path, detail: str):
        self.path, self.backup = path, backup
        super().__init__(f"{path}: the history database is damaged ({detail}). A copy was saved to {backup}; "
                         "nothing was overwritten. Move the damaged file aside to start a new history, "
                         "or restore a backup.")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _private(path: Path) -> None:
    if path.exists():
        os.chmod(path, 0o600)


class History:
    def __init__(self, db: sqlite_utils.Database, path: Path, audio_dir: Path):
        self.db, self.path, self.audio_dir = db, path, audio_dir

    # -- opening ------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | None = None, audio_dir: Path | None = None) -> History:
        path = Path(path or paths.database_path())
        audio_dir = Path(audio_dir or (path.parent / "audio"))
        audio_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        existed = path.exists() and path.stat().st_size > 0
        if existed:
            cls._check(path)
        old_umask = os.umask(0o077)
        try:
            db = sqlite_utils.Database(path)
            db.enable_wal()
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA busy_timeout = 5000")
            migrate(db)
        except sqlite3.DatabaseError as exc:
            raise HistoryError(f"{path}: cannot open the history database ({exc})") from None
        finally:
            os.umask(old_umask)
        for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            _private(p)
        return cls(db, path, audio_dir)

    @staticmethod
    def _check(path: Path, full: bool = False) -> None:
        """Cheap at every open (header and schema readable); `full` scans every page (`verify`)."""
        try:
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                con.execute("SELECT count(*) FROM sqlite_master").fetchone()
                result = con.execute("PRAGMA quick_check").fetchone()[0] if full else "ok"
            finally:
                con.close()
        except sqlite3.DatabaseError as exc:
            result = str(exc)
        if result != "ok":
            backup = path.with_name(f"{path.name}.damaged-{datetime.now():%Y%m%d-%H%M%S}")
            shutil.copy2(path, backup)
            _private(backup)
            raise HistoryCorruptError(path, backup, result)

    def verify(self) -> None:
        """Full integrity check (seconds on a large history): raises HistoryCorruptError with a backup."""
        self._check(self.path, full=True)

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- banks and rounds ---------------------------------------------------------------------
    def snapshot_bank(self, bank: Bank) -> str:
        text = bank.text or json.dumps({"id": bank.id})
        digest = hashlib.sha256(text.encode()).hexdigest()[:20]
        if not self.db["bank_snapshots"].count_where("hash = ?", [digest]):
            self.db["bank_snapshots"].insert({"hash": digest, "bank_id": bank.id, "title": bank.job.title,
                                              "source": str(bank.source or ""), "toml": text, "created_at": now()})
        return digest

    def bank_snapshot(self, digest: str) -> Bank:
        row = self.db["bank_snapshots"].get(digest)
        return parse_bank(row["toml"], f"history snapshot of {row['bank_id']}")

    def start_round(self, bank: Bank, rnd: Round) -> int:
        digest = self.snapshot_bank(bank)
        return self.db["rounds"].insert({"bank_hash": digest, "bank_id": bank.id, "round_id": rnd.id,
                                         "title": rnd.title, "started_at": now(), "uid": uuid.uuid4().hex}).last_pk

    def finish_round(self, round_pk: int, summary: dict) -> None:
        self.db["rounds"].update(round_pk, {"finished_at": now(), "summary_json": json.dumps(summary)})

    # -- attempts -----------------------------------------------------------------------------
    def new_audio_path(self, suffix: str = ".wav") -> Path:
        return self.audio_dir / f"{datetime.now():%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:8]}{suffix}"

    def begin_attempt(self, bank: Bank, prompt: Prompt, round_id: str | None = None, round_pk: int | None = None,
                      audio_path: Path | None = None, state: str = RECORDING) -> int:
        """The row exists from the moment recording starts, so a crash can be recovered."""
        digest = self.snapshot_bank(bank)
        if round_id is None:
            round_id = next((r.id for r in bank.rounds if prompt in r.prompts), None)
        return self.db["attempts"].insert({
            "round_pk": round_pk, "bank_hash": digest, "bank_id": bank.id, "round_id": round_id,
            "prompt_id": prompt.id, "prompt_text": prompt.text, "started_at": now(), "state": state,
            "audio_path": str(audio_path) if audio_path else None, "uid": uuid.uuid4().hex,
        }).last_pk

    def set_state(self, attempt_id: int, state: str, detail: str | None = None) -> None:
        self.db["attempts"].update(attempt_id, {"state": state, "state_detail": detail})

    def finish_attempt(self, attempt_id: int, analysis, settings: dict | None = None,
                       audio_path: Path | None = None) -> None:
        """Store the transcript, words, key-point results and delivery of an attempt in one transaction."""
        a = analysis
        t = a.transcript
        d = a.delivery
        with self.db.conn:
            update = {"ended_at": now(), "state": DONE, "state_detail": None, "duration_s": d.duration_s,
                      "transcript": t.text, "model": t.model,
                      "settings_json": json.dumps(settings or {}), "coverage": a.coverage, "overall": a.overall,
                      "competencies_json": json.dumps(a.competencies)}
            if audio_path is not None:
                update["audio_path"] = str(audio_path)
            self.db["attempts"].update(attempt_id, update)
            self.db["transcripts"].insert({"attempt_id": attempt_id, "json": json.dumps(t.to_dict())}, replace=True)
            self.db["words"].delete_where("attempt_id = ?", [attempt_id])
            self.db["words"].insert_all(
                ({"attempt_id": attempt_id, "idx": i, "start": w.start, "end": w.end, "word": w.word,
                  "probability": w.probability} for i, w in enumerate(t.words())))
            self.db["key_point_results"].delete_where("attempt_id = ?", [attempt_id])
            rows = []
            for r in a.key_points:
                ev = (a.evidence.get(r.key_point.id) or [None])[0]
                rows.append({"attempt_id": attempt_id, "key_point_id": r.key_point.id, "label": r.key_point.label,
                             "competency": r.key_point.competency, "weight": r.key_point.weight, "hit": int(r.hit),
                             "confidence": r.confidence, "cue": r.matches[0].cue if r.matches else None,
                             "evidence": ev.text if ev else None, "start": ev.start if ev else None,
                             "end": ev.end if ev else None})
            self.db["key_point_results"].insert_all(rows)
            self.db["delivery"].insert({
                "attempt_id": attempt_id, "wpm": d.wpm, "fillers_total": d.fillers["total"],
                "fillers_per_min": d.fillers["per_minute"], "fillers_approx": int(d.fillers["approximate"]),
                "long_pauses": len(d.long_pauses), "hedges": d.hedges["total"], "numbers": len(d.numbers),
                "repeated": len(d.repeated_phrases), "star_present": len(d.star["present"]),
                "star_in_order": int(d.star["in_order"]), "i_share": d.ownership["i_share"],
                "json": json.dumps(d.to_dict()),
            }, replace=True)

    def save_analysis(self, analysis, audio: Path | None = None, settings: dict | None = None,
                      round_pk: int | None = None) -> int:
        """Store a finished analysis as a new attempt (headless use); audio is copied into the history."""
        attempt_id = self.begin_attempt(analysis.bank, analysis.prompt, round_pk=round_pk, state=TRANSCRIBING)
        kept = None
        if audio is not None:
            kept = self.new_audio_path(Path(audio).suffix or ".wav")
            shutil.copy2(audio, kept)
            _private(kept)
        self.finish_attempt(attempt_id, analysis, settings, audio_path=kept)
        return attempt_id

    def set_note(self, attempt_id: int, note: str | None = None, rating: int | None = None) -> None:
        if rating is not None and not 1 <= rating <= 5:
            raise HistoryError(f"self-rating must be 1 to 5, got {rating}")
        self.db["attempts"].update(attempt_id, {"note": note, "self_rating": rating})

    def delete_attempt(self, attempt_id: int) -> None:
        row = self.attempt_row(attempt_id)
        with self.db.conn:
            for table in ("words", "key_point_results", "delivery", "transcripts"):
                self.db[table].delete_where("attempt_id = ?", [attempt_id])
            self.db["attempts"].delete(attempt_id)
        if row.get("audio_path"):
            Path(row["audio_path"]).unlink(missing_ok=True)

    def attempt_row(self, attempt_id: int) -> dict:
        try:
            return self.db["attempts"].get(attempt_id)
        except sqlite_utils.db.NotFoundError:
            raise HistoryError(f"no attempt {attempt_id} in {self.path}") from None

    def apply_retention(self, bank_id: str, prompt_id: str, keep: int) -> list[int]:
        """Keep only the newest `keep` finished attempts of a prompt (0 = keep all); return deleted ids."""
        if keep <= 0:
            return []
        ids = [r[0] for r in self.db.execute(
            "SELECT id FROM attempts WHERE bank_id = ? AND prompt_id = ? AND state = ? "
            "ORDER BY started_at DESC, id DESC LIMIT -1 OFFSET ?", [bank_id, prompt_id, DONE, keep]).fetchall()]
        for i in ids:
            self.delete_attempt(i)
        return ids

    def unfinished(self) -> list[dict]:
        return list(self.db["attempts"].rows_where("state IN (?, ?)", [RECORDING, TRANSCRIBING], order_by="id"))
