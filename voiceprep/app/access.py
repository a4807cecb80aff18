"""Where the history lives and how it is reached: one connection per thread, opened on first use and closed when
its thread ends (the thread's local storage holds the only strong reference).

The deep integrity scan runs once per process (and is skipped while the file is unchanged since the last clean
scan), before the first answer is saved, so damage is found before a save fails on it.
"""

from __future__ import annotations

import logging
import threading
import weakref
from pathlib import Path

from voiceprep.app import files, threads
from voiceprep.core.history import History, HistoryError
from voiceprep.settings import HistorySettings

log = logging.getLogger(__name__)


class HistoryAccess:
    def __init__(self, path: Path, settings: HistorySettings | None = None, audio_dir: Path | None = None):
        self.path = Path(path)
        self.audio_dir = Path(audio_dir or self.path.parent / "audio")
        self.settings = settings or HistorySettings()
        self._local = threading.local()
        self._lock = threading.Lock()
        # for close_all; weak, so an ended thread's connection closes with it (a list kept them all open: two
        # files and ~0.5 MB more per answer saved from a thread of its own, tests/app/test_access.py)
        self._open: weakref.WeakSet[History] = weakref.WeakSet()
        self._verified = False
        self._prepared = False

    def _prepare(self) -> None:
        """Once: a private data folder (fixing a 0755 one an older version made)."""
        if self._prepared:
            return
        files.make_private(self.path.parent)
        self._prepared = True

    def history(self) -> History:
        """This thread's connection (never the GUI thread's: see threads.py)."""
        threads.check("history database")
        h: History | None = getattr(self._local, "history", None)
        if h is None:
            self._prepare()
            h = History.open(self.path, self.audio_dir, busy_timeout_s=self.settings.busy_timeout_s)
            h.db.conn.set_trace_callback(self._traced)
            self._local.history = h
            with self._lock:
                self._open.add(h)
        return h

    @staticmethod
    def _traced(sql: str) -> None:
        if threads.on_ui_thread():
            threads.check(f"SQL {sql[:60]!r}")

    def _stamp(self) -> Path:
        return self.path.with_name(self.path.name + ".verified")

    def _signature(self) -> str:
        st = self.path.stat()
        return f"{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"

    def verify(self, force: bool = False) -> None:
        """Scan every page once per process (HistoryCorruptError with one backup if damaged).

        Skipped when the file is unchanged since the last clean scan (a stamp beside it records that)."""
        if self._verified and not force:
            return
        h = self.history()
        stamp = self._stamp()
        try:
            if not force and stamp.exists() and stamp.read_text() == self._signature():
                self._verified = True
                return
        except OSError:
            pass
        h.verify()
        self._verified = True
        try:
            files.write_private(stamp, self._signature())
        except OSError as exc:     # a read-only or full disk: the scan simply runs again next time
            log.info("could not record the integrity scan: %s", exc)

    def close_all(self) -> None:
        """Close every connection (at exit; each thread's own, from the thread that closes the app)."""
        with self._lock:
            for h in list(self._open):
                try:
                    h.close()
                except Exception as exc:  # closing from another thread is refused by sqlite3; it closes at exit
                    log.debug("closing history connection: %s", exc)
            self._open.clear()
        self._local = threading.local()


def open_history(path: Path | None = None, settings: HistorySettings | None = None) -> HistoryAccess:
    """The user's history (or the one at `path`)."""
    from voiceprep import paths

    return HistoryAccess(Path(path or paths.database_path()), settings)


__all__ = ["HistoryAccess", "HistoryError", "open_history"]
