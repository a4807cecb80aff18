"""What the windows share: settings, the history (through the app layer), the loaded model, the voice."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from voiceprep import paths
from voiceprep.app import HistoryAccess, HistoryService, PracticeSession, threads
from voiceprep.app.files import PRIVATE_DIR, private_umask
from voiceprep.core.banks import BankRegistry
from voiceprep.settings import Settings
from voiceprep.speech.transcriber import Transcriber
from voiceprep.speech.tts import Speaker

log = logging.getLogger(__name__)


@dataclass
class Services:
    settings: Settings = field(default_factory=Settings.load)
    db_path: Path = field(default_factory=paths.database_path)
    registry: BankRegistry = field(default_factory=BankRegistry.discover)
    # Tests and "import audio" put a FileStream here; None means the microphone.
    input_override: Callable[..., Any] | None = None
    _transcriber: Transcriber | None = None
    _transcriber_key: tuple[Any, ...] | None = None
    _speaker: Speaker | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        private_umask()                 # log, voice cache, exports and audio: readable by the user only
        threads.mark_ui_thread()        # database and analysis work on this thread is a bug (see app/threads.py)
        self.access = HistoryAccess(self.db_path, self.settings.history)
        # one for the window's life: it keeps the last answers of an unchanged history (a page shown again);
        # a new one per call started with an empty cache, so every page switch ran its queries again
        self._history = HistoryService(self.access, lambda bank: self.registry.lineage(bank))

    @property
    def history(self) -> HistoryService:
        """Reviewing the history; call it from operations.query (never on the GUI thread)."""
        return self._history

    @property
    def session(self) -> PracticeSession:
        """Storing answers; call it on the "session" lane."""
        return PracticeSession(self.access, self.settings)

    def transcriber(self) -> Transcriber:
        """The loaded model; a new one only when the model path, compute type or threads change."""
        with self._lock:
            wanted = self.settings.transcription
            if self._transcriber is None or self._loaded_key() != _model_key(wanted):
                old, self._transcriber = self._transcriber, Transcriber(wanted)
                if old is not None:
                    self._transcriber.replaces(old)     # loaded once a cancelled import's window is done with it
            # what it was made for, kept apart: Settings changes `wanted` in place, and the transcriber holds that
            # very object, so comparing the two never saw a model changed in Settings (fixBJ)
            self._transcriber_key = _model_key(wanted)
            self._transcriber.settings = wanted     # beam, prompts etc. apply from the next pass
            return self._transcriber

    def _loaded_key(self) -> tuple[Any, ...]:
        assert self._transcriber is not None
        return self._transcriber_key or _model_key(self._transcriber.settings)

    def finishing_cancelled(self) -> bool:
        """The model chosen in Settings waits to load until a cancelled import's window, still running on the model
        it replaces, has ended (review36b 7: both at once could pass the 600 MB bound): cheap, for the GUI thread."""
        with self._lock:
            t = self._transcriber
            changed = t is not None and self._loaded_key() != _model_key(self.settings.transcription)
        if t is None:
            return False
        return t.busy() if changed else t.finishing_old()    # changed: replaced at the next answer, which waits

    def speaker(self) -> Speaker:
        with self._lock:
            s = self.settings.speech
            if self._speaker is None or (self._speaker.voice, self._speaker.rate) != (s.voice, s.rate):
                cache = paths.data_dir() / "tts-cache"
                cache.mkdir(mode=PRIVATE_DIR, exist_ok=True)
                self._speaker = Speaker(voice=s.voice, rate=s.rate, cache_dir=cache)
            return self._speaker

    def reload_banks(self) -> BankRegistry:
        self.registry = BankRegistry.discover()
        return self.registry


def _model_key(t: Any) -> tuple[Any, ...]:
    """What makes a new model: its path, compute type and threads (TranscriptionSettings)."""
    return (t.model_path, t.compute_type, t.cpu_threads)
