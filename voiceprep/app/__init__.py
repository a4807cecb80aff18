"""The application layer, Qt-free: what the GUI and the CLI do, in one place.

- `PracticeSession` (session.py): the only way an answer gets into the history (and out of a crash).
- `HistoryService` (history_service.py): list, search, one attempt as shown, stats, compare, export, delete.
- `RehearsalState` (states.py): the rehearsal's states and the moves between them.

It imports the core and speech layers, never Qt, the GUI or the CLI; the core never imports it
(import-linter contracts in pyproject.toml).
"""

from voiceprep.app.access import HistoryAccess, open_history
from voiceprep.app.errors import AnswerNotSaved, NoAnswerHeard, user_message, voice_notice
from voiceprep.app.history_service import Exported, HistoryService
from voiceprep.app.session import Pending, PracticeSession, Recovered, Saved
from voiceprep.app.states import Action, RehearsalState, StateMachine

__all__ = ["Action", "AnswerNotSaved", "Exported", "HistoryAccess", "HistoryService", "NoAnswerHeard", "Pending",
           "PracticeSession", "Recovered", "RehearsalState", "Saved", "StateMachine", "open_history",
           "user_message", "voice_notice"]
