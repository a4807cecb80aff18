"""The rehearsal history: a local SQLite file (sqlite-utils), Qt-free."""

from voiceprep.core.history.store import History, HistoryCorruptError, HistoryError

__all__ = ["History", "HistoryCorruptError", "HistoryError"]
