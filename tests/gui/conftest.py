from __future__ import annotations

import pytest

from voiceprep.core.banks import BankRegistry
from voiceprep.gui.services import Services
from voiceprep.settings import Settings


@pytest.fixture
def services(data_home, transcriber):
    """Real services on a fresh data dir; the already-loaded model is reused to save time."""
    s = Services(settings=Settings(), db_path=data_home / "history.sqlite3", registry=BankRegistry.discover())
    s.settings.audio.silence_stop_s = 0
    s._transcriber = transcriber          # same model path and threads: reused, not reloaded
    return s
