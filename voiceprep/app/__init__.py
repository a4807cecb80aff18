"""The application layer, Qt-free: what the GUI and the CLI do, in one place.

- `PracticeSession` (session.py): the only way an answer gets into the history (and out of a crash).
- `HistoryService` (history_service.py): list, search, one attempt as shown, stats, compare, export, delete.
- `RehearsalState` (states.py): the rehearsal's states and the moves between them.

It imports the core and speech layers, never Qt, the GUI or the CLI; the core never imports it
(import-linter contracts in pyproject.toml).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from voiceprep.app.access import HistoryAccess, open_history
    from voiceprep.app.errors import AnswerNotSaved, NoAnswerHeard, user_message, voice_notice
    from voiceprep.app.history_service import Exported, HistoryService
    from voiceprep.app.session import Pending, PracticeSession, Recovered, Saved
    from voiceprep.app.states import Action, RehearsalState, StateMachine

# imported when first asked for, not with the package (walk62 4): the desktop app reads app/data_folder.py and
# app/memory.py before its first window, and the history database, numpy and the banks come after it
_WHERE = {"HistoryAccess": "access", "open_history": "access", "AnswerNotSaved": "errors", "NoAnswerHeard": "errors",
          "user_message": "errors", "voice_notice": "errors", "Exported": "history_service",
          "HistoryService": "history_service", "Pending": "session", "PracticeSession": "session",
          "Recovered": "session", "Saved": "session", "Action": "states", "RehearsalState": "states",
          "StateMachine": "states"}

__all__ = ["Action", "AnswerNotSaved", "Exported", "HistoryAccess", "HistoryService", "NoAnswerHeard", "Pending",
           "PracticeSession", "Recovered", "RehearsalState", "Saved", "StateMachine", "open_history",
           "user_message", "voice_notice"]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(importlib.import_module(f"voiceprep.app.{_WHERE[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'voiceprep.app' has no attribute {name!r}")
