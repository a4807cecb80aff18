from __future__ import annotations

import pytest

from voiceprep.app import threads
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


@pytest.fixture(autouse=True)
def no_history_or_judging_on_the_gui_thread(monkeypatch):
    """Every GUI test fails if the app touches the history database or judges an answer on the GUI thread.

    (Test code that checks the database should open it with voiceprep.core.history.History directly.)"""
    monkeypatch.setenv("VOICEPREP_STRICT", "1")
    threads.violations.clear()
    yield
    found = list(threads.violations)
    threads.violations.clear()
    threads.forget_ui_thread()
    assert not found, "work on the GUI thread:\n" + "\n".join(found)


@pytest.fixture(autouse=True)
def garbage_collected_on_the_gui_thread(qapp):
    """As in the app (gui/app.py pins it): no collection runs on a worker thread while a test's windows live.
    Set up before and torn down after the test's background work has ended (see the fixture below)."""
    from voiceprep.gui.collector import GuiThreadCollector

    pinned = GuiThreadCollector()
    pinned.pin()
    yield pinned
    pinned.unpin()


@pytest.fixture(autouse=True)
def background_work_ends_with_its_test(qtbot, garbage_collected_on_the_gui_thread):
    """A test's background work (prompts rendered ahead, history queries, model loads) ends before the next test
    starts, so no test's windows meet another test's workers (CI once crashed inside espeak while a prompt was
    still being rendered for a closed window of the test before)."""
    from voiceprep.gui.operations import idle

    yield
    qtbot.waitUntil(idle, timeout=60000)
