"""The history database: attempts exist from the moment recording starts; each is finished in one transaction.

Every write waits its turn (BEGIN IMMEDIATE with a busy timeout), so several windows and commands can save at
once. SQLite errors come out as the HistoryError that names them (see errors.py).
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import math
import os
import shutil
import socket
import sqlite3
import sys
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils
from sqlite_utils.db import NotFoundError, Table

from voiceprep import paths
from voiceprep.core.banks.load import parse_bank
from voiceprep.core.banks.model import Bank, Prompt, Round
from voiceprep.core.history import schema, units
from voiceprep.core.history.errors import (
    AnswerBeingContinued,
    AnswerGone,
    HistoryCorruptError,
    HistoryError,
    HistoryUnavailable,
    UndoOverError,
    is_corruption,
    passing_problem,
)
from voiceprep.core.history.schema import migrate
from voiceprep.core.transcript import Transcript
from voiceprep.settings import HistorySettings

log = logging.getLogger(__name__)
RECORDING, TRANSCRIBING, DONE, FAILED = "recording", "transcribing", "done", "failed"
LEFT = "left"       # a continuation the app gave up adding (`leave_continuation`): its owner's next start joins it
VOICE, FILE, TYPED = "voice", "file", "typed"          # how an answer was given (attempts.input)
Row = dict[str, Any]

# A bank as the history reads it: its id, or its lineage (BankRegistry.lineage: its id, then the banks it was
# duplicated from), whose answers to the same question ids are this bank's history too (walkthrough 13)
Banks = str | Sequence[str]
# A bank id's lineage, by id (BankRegistry.lineage); `bank_ids` when a bank is its own only
Lineage = Callable[[str], Sequence[str]]


def bank_ids(bank: Banks) -> tuple[str, ...]:
    return (bank,) if isinstance(bank, str) else tuple(bank)


def bank_where(bank: Banks, column: str = "bank_id") -> tuple[str, list[Any]]:
    """SQL for "this bank's answers": `column` is the bank's id or one of its lineage's."""
    ids = bank_ids(bank)
    return f"{column} IN ({', '.join('?' for _ in ids)})", list(ids)


_OWNER_TOKEN = uuid.uuid4().hex[:8]


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def this_process() -> str:
    """Who owns an unfinished attempt: host, pid and a per-process token (a reused pid is not mistaken)."""
    return f"{socket.gethostname()}:{os.getpid()}:{_OWNER_TOKEN}"


def owner_alive(owner: str | None) -> bool:
    """True when the process that began an attempt still runs here (so recovery must leave it alone)."""
    if not owner:
        return False
    host, _, rest = owner.partition(":")
    pid_text, _, token = rest.partition(":")
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():               # this process, on every platform (review32 3: Windows forgot its own)
        return token == _OWNER_TOKEN
    if sys.platform == "win32":          # another process's: os.kill(pid, 0) cannot tell there
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def finite(value: float | None) -> float | None:
    """NaN and infinity are not numbers a candidate can read, nor valid JSON: store them as unknown."""
    return value if value is None or math.isfinite(value) else None


def _finite_values(row: Row) -> Row:
    """A row's float columns through `finite`, the others as they are."""
    return {k: finite(v) if isinstance(v, float) else v for k, v in row.items()}


def dumps(data: Any) -> str:
    """JSON with non-finite numbers as null (they would make the history unreadable as JSON)."""
    def clean(x: Any) -> Any:
        if isinstance(x, float):
            return finite(x)
        if isinstance(x, dict):
            return {k: clean(v) for k, v in x.items()}
        if isinstance(x, list | tuple):
            return [clean(v) for v in x]
        return x
    return json.dumps(clean(data), ensure_ascii=False)


def _pk(value: Any) -> int:
    if value is None:
        raise HistoryError("the history did not return the new row's id")
    return int(value)


def _private(path: Path) -> None:
    try:
        os.chmod(path, 0o600)
    except FileNotFoundError:
        pass


class Undone(list[int]):
    """What `History.undo_delete` did: the ids of the answers it put back (the list), and of the answers a backup
    imported meanwhile had brought back already, how many (`again`) and how many of those have a recording after the
    undo (`again_recorded`: the deleted answer's recording, given to the copy; a backup carries none)."""

    def __init__(self, ids: Sequence[int] = (), again: int = 0, again_recorded: int = 0):
        super().__init__(ids)
        self.again, self.again_recorded = again, again_recorded


@dataclass
class AttemptRecord:
    """Everything stored when an attempt is finished; the app layer builds it from the judged answer."""

    transcript: Transcript
    input: str                          # VOICE, FILE or TYPED
    duration_s: float | None            # None for typed answers: they have no duration
    coverage: float
    overall: float
    competencies: dict[str, float]
    key_points: list[Row]               # key_point_results rows (without attempt_id)
    delivery: Row | None                # delivery summary columns (without attempt_id and json)
    delivery_json: Row | None
    feedback: Row                       # what the candidate saw, exactly
    judge: str                          # the judge's version
    settings: Row = field(default_factory=dict)
    audio_path: Path | None = None
    detail: str | None = None           # said beside the finished attempt (state_detail): "cut off: recovered..."


class History:
    """One connection to the history database (use it on the thread that opened it)."""

    def __init__(self, db: sqlite_utils.Database, path: Path, audio_dir: Path, busy_timeout_s: float):
        self.db, self.path, self.audio_dir, self.busy_timeout_s = db, path, audio_dir, busy_timeout_s
        self._seen = self._data_version()        # what `fold_shell_writes` last saw of other connections' writes

    # -- opening ------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | None = None, audio_dir: Path | None = None,
             busy_timeout_s: float = HistorySettings.busy_timeout_s) -> History:
        path = Path(path or paths.database_path())
        audio_dir = Path(audio_dir or (path.parent / "audio"))
        try:
            audio_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise passing_problem(exc, audio_dir, busy_timeout_s) or HistoryError(f"{audio_dir}: {exc}") from None
        if path.exists() and path.stat().st_size > 0:
            cls._check(path, busy_timeout_s)
        old_umask = os.umask(0o077)
        conn = None
        try:
            conn = sqlite3.connect(str(path), timeout=busy_timeout_s, isolation_level="IMMEDIATE")
            db = sqlite_utils.Database(conn)
            db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_s * 1000)}")
            if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                db.enable_wal()
            db.execute("PRAGMA foreign_keys = ON")
            units.register(conn)         # the search's figure checks, once per connection (not at every search)
            schema.register(conn)        # the search's fold in SQL (and schema 9's migration, whose triggers call it)
            migrate(db)
            if db.execute(f"SELECT 1 FROM {schema.FOLD_DUE} LIMIT 1").fetchone() is not None:
                with db.conn:            # texts a sqlite3 shell wrote, indexed folded now (schema 10)
                    db.conn.execute("BEGIN IMMEDIATE")
                    schema.refold(conn)
        except sqlite3.Error as exc:
            if conn is not None:
                conn.close()
            raise cls._translate(exc, path, busy_timeout_s) from None
        finally:
            os.umask(old_umask)
        for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            _private(p)
        return cls(db, path, audio_dir, busy_timeout_s)

    @classmethod
    def _check(cls, path: Path, busy_timeout_s: float, full: bool = False) -> None:
        """Cheap at every open (header and schema readable); `full` scans every page (quick_check)."""
        try:
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=busy_timeout_s)
            try:
                con.execute("SELECT count(*) FROM sqlite_master").fetchone()
                result = con.execute("PRAGMA quick_check").fetchone()[0] if full else "ok"
            finally:
                con.close()
        except sqlite3.Error as exc:
            raise cls._translate(exc, path, busy_timeout_s) from None
        if result != "ok":
            raise cls._damaged(path, str(result))

    @classmethod
    def _translate(cls, exc: BaseException, path: Path, busy_timeout_s: float) -> HistoryError:
        if isinstance(exc, HistoryError):
            return exc
        problem = passing_problem(exc, path, busy_timeout_s)
        if problem is not None:
            return problem
        if isinstance(exc, sqlite3.Error) and is_corruption(exc):
            return cls._damaged(path, str(exc))
        return HistoryError(f"{path}: the history database failed ({exc})")

    @staticmethod
    def _damaged(path: Path, detail: str) -> HistoryCorruptError:
        """Keep one copy of the damaged file (named by its content, so reopening it adds no more copies)."""
        backup: Path | None = None
        try:
            digest = hashlib.sha256()
            with open(path, "rb") as f:
                for chunk in iter(lambda: f.read(1 << 20), b""):
                    digest.update(chunk)
            backup = path.with_name(f"{path.name}.damaged-{digest.hexdigest()[:12]}")
            if not backup.exists():
                tmp = backup.with_name(backup.name + ".tmp")
                try:
                    shutil.copyfile(path, tmp)
                    _private(tmp)
                    os.replace(tmp, backup)
                except OSError:
                    tmp.unlink(missing_ok=True)
                    raise
        except OSError as exc:
            log.warning("no backup of the damaged history %s: %s", path, exc)
            backup = None
        return HistoryCorruptError(path, backup, detail)

    def translate(self, exc: BaseException) -> HistoryError:
        """The HistoryError for an exception raised by SQLite or the file system while using this history."""
        return self._translate(exc, self.path, self.busy_timeout_s)

    def verify(self) -> None:
        """Full integrity check (about a second per 200 MB): raises HistoryCorruptError with one backup."""
        self._check(self.path, self.busy_timeout_s, full=True)

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def table(self, name: str) -> Table:
        return self.db.table(name)

    @contextmanager
    def write(self) -> Iterator[None]:
        """One write transaction that waits its turn (BEGIN IMMEDIATE); nested calls become savepoints. The
        answers' texts it wrote are indexed folded before it commits (schema.refold)."""
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self.translate(exc) from None
        try:
            yield
            schema.refold(conn)         # the texts this write stored, indexed folded ("３ms" found by "3ms")
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error as rollback_error:
                    log.warning("rollback failed: %s", rollback_error)
            if isinstance(exc, sqlite3.Error | OSError) and not isinstance(exc, HistoryError):
                raise self.translate(exc) from None
            raise

    def _data_version(self) -> int:
        return int(self.db.conn.execute("PRAGMA data_version").fetchone()[0])

    def fold_shell_writes(self) -> None:
        """Index folded the texts another connection wrote unfolded since (a sqlite3 shell: schema 10's triggers index
        as written), before a search reads the index (walk52 3: "７ms" was found only after a reopen). One pragma
        when no other connection committed since the last look, one read more when one did (the app's own writes, in
        any process, are folded before they commit); a write only when a shell left texts to fold. Inside a
        transaction, or with the file busy or read-only, the search goes on over the index as it is."""
        version = self._data_version()
        if version == self._seen or self.db.conn.in_transaction:
            return
        if self.db.execute(f"SELECT 1 FROM {schema.FOLD_DUE} LIMIT 1").fetchone() is not None:
            try:
                with self.write():          # `write` folds the noted rows before it commits
                    pass
            except HistoryError as exc:
                log.info("search over the index as it is (%s)", exc)
                return
        self._seen = version

    def read(self, sql: str, args: list[Any] | tuple[Any, ...] = ()) -> list[Row]:
        """Rows of a query, with SQLite errors named (damaged, busy...)."""
        try:
            return list(self.db.query(sql, list(args)))
        except sqlite3.Error as exc:
            raise self.translate(exc) from None

    # -- banks and rounds ---------------------------------------------------------------------
    def snapshot_bank(self, bank: Bank) -> str:
        text = bank.text or json.dumps({"id": bank.id})
        digest = hashlib.sha256(text.encode()).hexdigest()[:20]
        with self.write():
            self.table("bank_snapshots").insert(
                {"hash": digest, "bank_id": bank.id, "title": bank.job.title, "source": str(bank.source or ""),
                 "toml": text, "created_at": now()}, ignore=True)
        return digest

    def bank_snapshot(self, digest: str) -> Bank:
        row = self.table("bank_snapshots").get(digest)
        return _parsed_snapshot(row["toml"], row["bank_id"])

    def start_round(self, bank: Bank, rnd: Round) -> int:
        with self.write():
            digest = self.snapshot_bank(bank)
            pk = self.table("rounds").insert({"bank_hash": digest, "bank_id": bank.id, "round_id": rnd.id,
                                              "title": rnd.title, "started_at": now(),
                                              "uid": uuid.uuid4().hex}).last_pk
        return _pk(pk)

    def finish_round(self, round_pk: int, summary: Row) -> None:
        self._set_round_end(round_pk, now(), dumps(summary))

    def reopen_round(self, round_pk: int) -> None:
        """The round is being rehearsed again (Undo skip from its summary): not finished, as a round left before its
        end, until it is finished again."""
        self._set_round_end(round_pk, None, None)

    def _set_round_end(self, round_pk: int, finished_at: str | None, summary_json: str | None) -> None:
        with self.write():
            self.table("rounds").update(round_pk, {"finished_at": finished_at, "summary_json": summary_json})

    # -- attempts -----------------------------------------------------------------------------
    def new_audio_path(self, suffix: str = ".wav") -> Path:
        return self.audio_dir / f"{datetime.now():%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:8]}{suffix}"

    def begin_attempt(self, bank: Bank, prompt: Prompt, round_id: str | None = None, round_pk: int | None = None,
                      audio_path: Path | None = None, state: str = RECORDING, input: str = VOICE,
                      text: str | None = None, drill: list[str] | None = None,
                      follow_up: list[str] | None = None, settings: Row | None = None) -> int:
        """The row exists before any audio does, so a crash at any later instant can be recovered (and stays a
        drill: `drill` is the key points the drill notice asked to cover; None or empty: not a drill; or a follow-up
        answer: `follow_up` is the interviewer's follow-up questions it answers, its `drill` the points they ask
        about; None: not a follow-up answer). `settings`: what is known of it before it is judged (a follow-up answer's
        queries.STILL_MISSED), kept when it is finished (its record's settings hold it too) or recovered."""
        if round_id is None:
            round_id = next((r.id for r in bank.rounds if prompt in r.prompts), None)
        with self.write():
            digest = self.snapshot_bank(bank)
            pk = self.table("attempts").insert({
                "round_pk": round_pk, "bank_hash": digest, "bank_id": bank.id, "round_id": round_id,
                "prompt_id": prompt.id, "prompt_text": prompt.text, "started_at": now(), "state": state,
                "audio_path": str(audio_path) if audio_path else None, "uid": uuid.uuid4().hex, "input": input,
                "transcript": text, "owner": this_process(), "drill_json": dumps(list(drill)) if drill else None,
                "follow_up_json": dumps(list(follow_up)) if follow_up is not None else None,
                "settings_json": dumps(settings) if settings else None,
            }).last_pk
        return _pk(pk)

    def set_state(self, attempt_id: int, state: str, detail: str | None = None) -> None:
        with self.write():
            self.table("attempts").update(attempt_id, {"state": state, "state_detail": detail})

    def finish_attempt(self, attempt_id: int, r: AttemptRecord) -> None:
        """Store transcript, words, key-point results, delivery and the feedback shown, in one transaction."""
        t = r.transcript
        update: Row = {"ended_at": now(), "state": DONE, "state_detail": r.detail, "duration_s": finite(r.duration_s),
                       "transcript": t.text, "model": t.model, "input": r.input, "settings_json": dumps(r.settings),
                       "coverage": finite(r.coverage), "overall": finite(r.overall),
                       "competencies_json": dumps(r.competencies), "owner": None}
        if r.audio_path is not None:
            update["audio_path"] = str(r.audio_path)
        with self.write():
            self.table("attempts").update(attempt_id, update)
            self.table("transcripts").insert({"attempt_id": attempt_id, "json": dumps(t.to_dict())}, replace=True)
            self.table("words").delete_where("attempt_id = ?", [attempt_id])
            self.table("words").insert_all(
                ({"attempt_id": attempt_id, "idx": i, "start": w.start, "end": w.end, "word": w.word,
                  "probability": w.probability} for i, w in enumerate(t.words())))
            self.table("key_point_results").delete_where("attempt_id = ?", [attempt_id])
            self.table("key_point_results").insert_all(
                {**_finite_values(row), "attempt_id": attempt_id} for row in r.key_points)
            self.table("delivery").delete_where("attempt_id = ?", [attempt_id])
            if r.delivery is not None:
                self.table("delivery").insert({**_finite_values(r.delivery), "attempt_id": attempt_id,
                                               "json": dumps(r.delivery_json)})
            self.table("feedback").insert({"attempt_id": attempt_id, "judge": r.judge, "judged_at": now(),
                                           "json": dumps(r.feedback)}, replace=True)

    def set_note(self, attempt_id: int, note: str | None = None, rating: int | None = None) -> None:
        if rating is not None and not 1 <= rating <= 5:
            raise HistoryError(f"self-rating must be 1 to 5, got {rating}")
        self.attempt_row(attempt_id)
        with self.write():
            self.table("attempts").update(attempt_id, {"note": note, "self_rating": rating})

    def delete_attempt(self, attempt_id: int) -> None:
        """Delete the rows first, then the audio: a crash in between leaves a file the next sweep removes. A part
        being added to the answer (a continuation) left for the next start goes with it; one a running window is
        recording or joining right now raises AnswerBeingContinued and nothing is deleted (review33 1)."""
        row = self.attempt_row(attempt_id)
        with self.write():
            continuations = self.read("SELECT audio_path, owner, state FROM continuations WHERE attempt_id = ?",
                                      [attempt_id])
            if any(_being_added(r) for r in continuations):
                raise AnswerBeingContinued(several=False)
            parts = [Path(r["audio_path"]) for r in continuations if r["audio_path"]]
            for table in _ANSWER_TABLES[1:]:
                self.table(table).delete_where("attempt_id = ?", [attempt_id])
            self.table("attempts").delete(attempt_id)
        for path in ([Path(row["audio_path"])] if row.get("audio_path") else []) + parts:
            remove_audio(path)

    # -- a delete that can be undone (History's Delete, fixX) -------------------------------------
    def delete_undoably(self, ids: Sequence[int]) -> int:
        """Delete answers so that `undo_delete` can bring them back exactly: their rows go (from every list and
        count at once) into one row of `deleted`, in the same transaction; their audio stays on disk until
        `forget_deleted` (the undo is over) or, after a crash, `forget_abandoned_deletes` at the next start.
        Returns the delete's id."""
        ids = list(dict.fromkeys(int(i) for i in ids))
        if not ids:
            raise HistoryError("no answers to delete")
        marks = ", ".join("?" for _ in ids)
        # an answer's own row by its id, the rows that hang on it by their attempt_id
        where = {table: f"{'id' if table == 'attempts' else 'attempt_id'} IN ({marks})" for table in _ANSWER_TABLES}
        with self.write():
            # a part being recorded or joined right now (C, in this or another window): its answer stays, or the
            # part's audio would go with the delete while it is still being written (fixAD)
            if self.being_continued(ids):
                raise AnswerBeingContinued(several=len(ids) > 1)
            kept: dict[str, list[Row]] = {table: self.read(f"SELECT * FROM {table} WHERE {where[table]} ORDER BY rowid", ids)
                                          for table in _ANSWER_TABLES}
            missing = set(ids) - {r["id"] for r in kept["attempts"]}
            if missing:
                raise HistoryError(f"no answer #{min(missing)} in {self.path}")
            audio = [r["audio_path"] for r in kept["attempts"] + kept["continuations"] if r.get("audio_path")]
            pk = self.table("deleted").insert({"deleted_at": now(), "owner": this_process(),
                                               "rows_json": json.dumps(kept), "audio_json": json.dumps(audio)}).last_pk
            for table in reversed(_ANSWER_TABLES):          # the answers' own rows last (foreign keys)
                self.db.execute(f"DELETE FROM {table} WHERE {where[table]}", ids)
        return _pk(pk)

    def undo_delete(self, deleted: int) -> Undone:
        """Put a delete's answers back as they were, in one transaction: the same times, notes, scores and
        follow-ups, and the same ids (an id an answer recorded meanwhile took gets the answer a new one, its time
        unchanged, so its place in the lists, comparisons and Progress is the same). An answer imported again
        meanwhile (its uid is there) is not put back twice: the copy the import made (which has no audio: a backup
        carries none) takes the answer's recording and parts, so none is lost to the sweep (review32 6). Returns the
        ids of the answers put back (not those the import brought back), with how many the import brought back and
        how many of those have a recording now (`Undone`)."""
        with self.write():
            kept: dict[str, list[Row]] = json.loads(self._deleted_row(deleted)["rows_json"])
            answers = kept["attempts"]
            marks = ", ".join("?" for _ in answers)
            taken = {r["id"] for r in self.read(f"SELECT id FROM attempts WHERE id IN ({marks})",
                                                [r["id"] for r in answers])} if answers else set()
            copies = {r["uid"]: r for r in self.read(f"SELECT id, uid, audio_path FROM attempts WHERE uid IN ({marks})",
                                                      [r["uid"] for r in answers])} if answers else {}
            moved: dict[int, int] = {}
            imported: dict[int, int] = {}      # an answer imported again meanwhile: the id of its copy
            for answer in answers:
                copy = copies.get(answer.get("uid"))
                if copy is not None and not copy["audio_path"]:
                    imported[answer["id"]] = copy["id"]
                    if answer.get("audio_path"):
                        self.table("attempts").update(copy["id"], {"audio_path": answer["audio_path"]})
            back = [a for a in answers if a.get("uid") not in copies]   # imported again meanwhile: already back
            # the answers that keep their ids first: a new id SQLite gives is max(id)+1, which may be the id of
            # another of these answers (review32 1: its insert then failed on the id, and the undo with it)
            for answer in sorted(back, key=lambda a: a["id"] in taken):
                values = dict(answer)
                if values["id"] in taken:
                    del values["id"]
                pk = self.table("attempts").insert(values).last_pk
                moved[answer["id"]] = _pk(pk)
            for table in _ANSWER_TABLES[1:]:
                rows = [{**r, "attempt_id": moved[r["attempt_id"]]} for r in kept[table] if r["attempt_id"] in moved]
                if table == "continuations":
                    # ... and the parts of an answer imported again go with its copy (an import brings none)
                    rows += [{**r, "attempt_id": imported[r["attempt_id"]]} for r in kept[table]
                             if r["attempt_id"] in imported]
                    rows = [{k: v for k, v in r.items() if k != "id"} for r in rows]   # its own id is no one's
                if rows:
                    self.table(table).insert_all(rows)
            self.table("deleted").delete(deleted)
        recorded = sum(bool(copies[a["uid"]]["audio_path"] or a.get("audio_path")) for a in answers
                       if a.get("uid") in copies)
        return Undone([moved[a["id"]] for a in answers if a["id"] in moved], len(answers) - len(back), recorded)

    def forget_deleted(self, deleted: int) -> None:
        """The undo is over: the delete's row goes, then its audio (a crash in between leaves files the next
        sweep removes). A delete already forgotten or undone is no error."""
        try:
            row = self._deleted_row(deleted)
        except HistoryError:
            return
        with self.write():
            self.table("deleted").delete(deleted)
        for path in json.loads(row["audio_json"] or "[]"):
            remove_audio(Path(path))

    def forget_abandoned_deletes(self) -> int:
        """Deletes whose process is gone (it crashed or was killed before their undo was over) are final: their
        audio is removed, so none is left behind for ever. Returns how many."""
        gone = [r["id"] for r in self.read("SELECT id, owner FROM deleted ORDER BY id") if not owner_alive(r["owner"])]
        for deleted in gone:
            self.forget_deleted(deleted)
        return len(gone)

    def deleted_audio(self) -> set[str]:
        """The file names of the audio kept for deletes not yet over (a sweep leaves them alone)."""
        return {Path(p).name for r in self.read("SELECT audio_json FROM deleted")
                for p in json.loads(r["audio_json"] or "[]")}

    def _deleted_row(self, deleted: int) -> Row:
        return self._row("deleted", deleted, UndoOverError)

    def attempt_row(self, attempt_id: int) -> Row:
        return self._row("attempts", attempt_id, lambda: HistoryError(f"no answer #{attempt_id} in {self.path}"))

    def _row(self, table: str, pk: int, missing: Callable[[], HistoryError]) -> Row:
        """A table's row by its id: `missing()` raised when there is none, a database error in the user's words."""
        try:
            return dict(self.table(table).get(pk))
        except NotFoundError:
            raise missing() from None
        except sqlite3.Error as exc:
            raise self.translate(exc) from None

    def retention_victims(self, bank_id: str, prompt_id: str, keep: int) -> list[int]:
        """Finished attempts of a prompt beyond the newest `keep` (0 = keep all)."""
        if keep <= 0:
            return []
        return [r["id"] for r in self.read(
            "SELECT id FROM attempts WHERE bank_id = ? AND prompt_id = ? AND state = ? "
            "ORDER BY started_at DESC, id DESC LIMIT -1 OFFSET ?", [bank_id, prompt_id, DONE, keep])]

    def unfinished(self) -> list[Row]:
        return self.read("SELECT * FROM attempts WHERE state IN (?, ?) ORDER BY id", [RECORDING, TRANSCRIBING])

    # -- a part being added to a stored answer (C) ------------------------------------------------
    def begin_continuation(self, attempt_id: int, audio_path: Path) -> int:
        """The part's row exists before its audio does (as an attempt's), so a quit or a crash at any later instant
        leaves it for the next start to join to the answer. An answer deleted meanwhile (History, another window)
        raises AnswerGone and adds no row."""
        with self.write():
            if not self.read("SELECT id FROM attempts WHERE id = ?", [attempt_id]):
                raise AnswerGone()
            pk = self.table("continuations").insert({
                "attempt_id": attempt_id, "audio_path": str(audio_path), "state": RECORDING, "started_at": now(),
                "owner": this_process()}).last_pk
        return _pk(pk)

    def being_continued(self, ids: Sequence[int]) -> list[int]:
        """Those of `ids` a running window is adding a part to right now (C): not to be deleted."""
        ids = [int(i) for i in ids]
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        return sorted({r["attempt_id"] for r in self.read(
            f"SELECT attempt_id, owner, state FROM continuations WHERE attempt_id IN ({marks})", ids)
            if _being_added(r)})

    def leave_continuation(self, continuation_id: int) -> None:
        """The app gave up on adding this part (its transcription, join or store failed): it is left for the next
        start to join (state `LEFT`), so History's Delete is not refused for it meanwhile (review33 5). It keeps its
        owner: another window starting while this one still runs leaves it alone (recovery joins the parts of a
        process that is gone, refactor34); how far its recording got is in its `state_detail` (the closing's mark)."""
        with self.write():
            self.table("continuations").update(continuation_id, {"state": LEFT})

    def set_continuation_state(self, continuation_id: int, state: str, detail: str | None = None) -> None:
        with self.write():
            self.table("continuations").update(continuation_id, {"state": state, "state_detail": detail})

    def end_continuation(self, continuation_id: int) -> None:
        """The part is joined to its answer (call inside the transaction that stores it) or dropped."""
        with self.write():
            self.table("continuations").delete_where("id = ?", [continuation_id])

    def unfinished_continuations(self) -> list[Row]:
        """Parts being recorded or joined, or left for the next start (a dead process's are for recovery to join)."""
        return self.read("SELECT * FROM continuations WHERE state IN (?, ?, ?) ORDER BY id",
                         [RECORDING, TRANSCRIBING, LEFT])

    def referenced_stems(self) -> set[str]:
        """The file-name stems of every audio file an attempt points at (a.wav and a.flac share the stem a)."""
        return {Path(r["audio_path"]).name.split(".")[0]
                for r in self.read("SELECT audio_path FROM attempts WHERE audio_path IS NOT NULL UNION ALL "
                                   "SELECT audio_path FROM continuations WHERE audio_path IS NOT NULL")} | \
            {name.split(".")[0] for name in self.deleted_audio()}


def _being_added(part: Row) -> bool:
    """Whether a running window is recording or joining this part right now (C): its answer is not to be deleted. A
    part the app gave up on (`LEFT`) is not, nor one whose process is gone (or left by an older version: no owner)."""
    return part["state"] != LEFT and owner_alive(part["owner"])


# the tables that hold an answer's rows, the answer's own first (a delete that can be undone keeps them all)
_ANSWER_TABLES = ("attempts", "words", "key_point_results", "delivery", "transcripts", "feedback", "continuations")


def remove_audio(path: Path) -> None:
    """Remove an answer's audio and any sibling left by an interrupted conversion (a.wav, a.flac, a.flac.tmp)."""
    stem = path.name.split(".")[0]
    for sibling in path.parent.glob(f"{stem}.*"):
        try:
            sibling.unlink()
        except OSError as exc:
            log.warning("could not delete %s: %s", sibling, exc)


@functools.lru_cache(maxsize=32)
def _parsed_snapshot(text: str, bank_id: str) -> Bank:
    """A stored bank, parsed once per process (Bank is frozen; parsing took ~10 ms of every History open)."""
    return parse_bank(text, f"history snapshot of {bank_id}")


__all__ = ["DONE", "FAILED", "FILE", "LEFT", "RECORDING", "TRANSCRIBING", "TYPED", "VOICE", "AttemptRecord",
           "History", "HistoryError", "HistoryUnavailable", "now", "remove_audio"]
