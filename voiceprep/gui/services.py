"""What the windows share: settings, the loaded model, the voice, where the history lives."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from voiceprep import paths
from voiceprep.core.banks import BankRegistry
from voiceprep.core.history import History
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
    input_override: Callable | None = None
    _transcriber: Transcriber | None = None
    _speaker: Speaker | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def history(self) -> History:
        """A connection for the calling thread (SQLite connections stay on the thread that made them)."""
        return History.open(self.db_path)

    def transcriber(self) -> Transcriber:
        """The loaded model; a new one only when the model path, compute type or threads change."""
        def key(t):
            return (t.model_path, t.compute_type, t.cpu_threads)
        with self._lock:
            wanted = self.settings.transcription
            if self._transcriber is None or key(self._transcriber.settings) != key(wanted):
                self._transcriber = Transcriber(wanted)
            self._transcriber.settings = wanted     # beam, prompts etc. apply from the next pass
            return self._transcriber

    def speaker(self) -> Speaker:
        with self._lock:
            s = self.settings.speech
            if self._speaker is None or (self._speaker.voice, self._speaker.rate) != (s.voice, s.rate):
                self._speaker = Speaker(voice=s.voice, rate=s.rate, cache_dir=paths.data_dir() / "tts-cache")
            return self._speaker

    def reload_banks(self) -> BankRegistry:
        self.registry = BankRegistry.discover()
        return self.registry
