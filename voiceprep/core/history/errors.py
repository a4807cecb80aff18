"""What can go wrong with the history, named as what it is: damage, or a passing problem (busy, full, read-only).

A passing problem never triggers a backup or a "damaged" message: nothing is wrong with the file.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

# SQLite primary result codes (https://sqlite.org/rescode.html)
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _PERM, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 3, 26


class HistoryError(Exception):
    """The history cannot do this; the message says why and what to do."""


class HistoryCorruptError(HistoryError):
    """The database file is damaged. One backup copy is kept per damaged file."""

    def __init__(self, path: Path, backup: Path | None, detail: str):
        self.path, self.backup = path, backup
        saved = (f"A copy was saved to {backup}; nothing was overwritten. " if backup else
                 "Nothing was overwritten. ")
        super().__init__(f"{path}: the history database is damaged ({detail}). {saved}"
                         "Move the damaged file aside to start a new history, or restore a backup.")


class UndoOverError(HistoryError):
    """A delete's undo is over (made final, or undone already): there is nothing left to bring back."""

    def __init__(self) -> None:
        super().__init__("the deleted answers can no longer be brought back: their undo is over")


class AnswerGone(HistoryError):
    """The answer C would add to is no longer in the history: History, or another voiceprep window, deleted it."""

    def __init__(self) -> None:
        super().__init__("That answer is no longer in your history (it was deleted in History, or in another voiceprep "
                         "window), so nothing can be added to it. Answer the question again to record a new one.")


class AnswerBeingContinued(HistoryError):
    """History's Delete of an answer a voiceprep window is adding a part to right now (C): nothing is deleted."""

    def __init__(self, several: bool) -> None:
        which = "One of these answers is" if several else "That answer is"
        super().__init__(f"{which} being added to right now (Continue, in a voiceprep window), so nothing was "
                         "deleted. Delete it once the part being added is saved.")


class HistoryUnavailable(HistoryError):
    """A passing problem (busy, disk full, read-only): the file is fine; try again once it is fixed."""


class HistoryBusyError(HistoryUnavailable):
    def __init__(self, path: Path, waited_s: float):
        super().__init__(f"{path}: another voiceprep window or command kept the history busy for more than "
                         f"{waited_s:.0f} s. Close it or wait for it to finish, then try again.")


class HistoryDiskFullError(HistoryUnavailable):
    def __init__(self, path: Path):
        super().__init__(f"the disk holding {path.parent} is full. Free some space, then try again.")


class HistoryReadOnlyError(HistoryUnavailable):
    def __init__(self, path: Path, detail: str = ""):
        extra = f" ({detail})" if detail else ""
        super().__init__(f"{path}: voiceprep cannot write here{extra}. Check the folder's permissions, or set "
                         "VOICEPREP_HOME to a folder you can write to.")


def _nearly_full(path: Path, spare: int = 1 << 20) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < spare
    except OSError:
        return False


def is_corruption(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_CORRUPT, _NOTADB)
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def passing_problem(exc: BaseException, path: Path, busy_timeout_s: float) -> HistoryUnavailable | None:
    """The transient error this is (busy, full, read-only, I/O), or None when it is not one of those."""
    if isinstance(exc, OSError) and not isinstance(exc, sqlite3.Error):
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return HistoryDiskFullError(path)
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return HistoryReadOnlyError(path, exc.strerror or "")
        return None
    if not isinstance(exc, sqlite3.Error):
        return None
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    text = str(exc).lower()
    if code in (_BUSY, _LOCKED) or "locked" in text or "busy" in text:
        return HistoryBusyError(path, busy_timeout_s)
    if code == _FULL or "disk is full" in text:
        return HistoryDiskFullError(path)
    if code in (_READONLY, _PERM, _CANTOPEN) or "readonly" in text or "unable to open" in text:
        return HistoryReadOnlyError(path, str(exc))
    if code == _IOERR or "disk i/o error" in text:
        if _nearly_full(path):          # SQLite reports some out-of-space writes as a plain I/O error
            return HistoryDiskFullError(path)
        return HistoryUnavailable(f"{path}: the disk reported an input/output error. Check the disk (is it "
                                  "full, unplugged or failing?), then try again.")
    return None
