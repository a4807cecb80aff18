"""The rehearsal history: a local SQLite file (sqlite-utils), Qt-free. The app layer (voiceprep.app) is its only
writer of attempts; this package knows tables and queries, not how an answer is judged."""

from voiceprep.core.history.errors import (
    AnswerBeingContinued,
    AnswerGone,
    HistoryBusyError,
    HistoryCorruptError,
    HistoryDiskFullError,
    HistoryError,
    HistoryReadOnlyError,
    HistoryUnavailable,
    UndoOverError,
)
from voiceprep.core.history.store import AttemptRecord, History, Undone

__all__ = ["AnswerBeingContinued", "AnswerGone", "AttemptRecord", "History", "HistoryBusyError",
           "HistoryCorruptError", "HistoryDiskFullError", "HistoryError", "HistoryReadOnlyError", "HistoryUnavailable",
           "UndoOverError", "Undone"]
