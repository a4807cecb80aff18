from __future__ import annotations

import os
import time

import pytest

from voiceprep.app import threads
from voiceprep.core.banks import BankRegistry
from voiceprep.gui.services import Services, _model_key
from voiceprep.settings import Settings


@pytest.fixture(scope="session")
def shared_tts_cache(tmp_path_factory):
    """One interviewer-voice cache for the GUI tests: a window renders its round's prompts ahead as soon as a bank is
    chosen, and the natural voice takes ~0.6 s of CPU a prompt: the same prompts, for hundreds of tests (trim45)."""
    return tmp_path_factory.mktemp("gui-tts-cache")


@pytest.fixture
def services(data_home, transcriber, shared_tts_cache):
    """Real services on a fresh data dir; the already-loaded model is reused to save time, and so are the prompts
    earlier tests rendered (a test that changes the voice or rate gets a speaker of its data dir, as the app does;
    the tests of a question still being rendered use voices of their own)."""
    from voiceprep.speech.tts import Speaker

    s = Services(settings=Settings(), db_path=data_home / "history.sqlite3", registry=BankRegistry.discover())
    s.settings.audio.silence_stop_s = 0
    s._transcriber = transcriber          # same model path and threads: reused, not reloaded
    # made for these settings, as Services.transcriber() says when it makes one: the shared model otherwise kept an
    # earlier test's settings object (Services hands it its own), and a model changed there read as changed here
    transcriber.settings = s.settings.transcription
    s._transcriber_key = _model_key(s.settings.transcription)
    speech = s.settings.speech            # Services.speaker() keeps this one while the voice and rate stay these
    s._speaker = Speaker(voice=speech.voice, rate=speech.rate, cache_dir=shared_tts_cache)
    return s


@pytest.fixture
def window(qtbot, services):
    """The main window, shown and active (its window-wide keys need an active window)."""
    from voiceprep.gui.main_window import MainWindow

    w = MainWindow(services, recover=False)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitActive(w)
    return w


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
def nothing_of_a_test_acts_in_the_next(qapp):
    """What a test leaves in the application ends with it (tests/gui/leak_probe.py shows each acting in the next):

    - its dialog polls and timers (tests/gui/modal.py): one left over closed the next test's dialog (CI3, 8f9c5414);
    - a modifier key held: `qtbot.keyClick(w, Qt.Key.Key_Tab, ControlModifier)` leaves Qt's keyboard state at
      Ctrl, as no Ctrl release follows, until the next key event; a later test's `table.selectRow` then added a
      row to the selection, as Ctrl+click does (fixDE: History showed the follow-up answer, not the one selected,
      run after tests/gui/widgets/test_feedback.py's last test, Ctrl+Tab). The keys are let go, as a hand would."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    from tests.gui import modal

    yield
    modal.stop_all()
    if QGuiApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        hand = QWidget()          # never shown: Qt's keyboard state is the last key event's modifiers, and this
        QTest.keyRelease(hand, Qt.Key.Key_Control, Qt.KeyboardModifier.NoModifier)     # release has none
        hand.deleteLater()


@pytest.fixture(autouse=True)
def background_work_ends_with_its_test(qtbot, garbage_collected_on_the_gui_thread, nothing_of_a_test_acts_in_the_next):
    """A test's background work (prompts rendered ahead, history queries, model loads) ends before the next test
    starts, so no test's windows meet another test's workers (CI once crashed inside espeak while a prompt was
    still being rendered for a closed window of the test before)."""
    from voiceprep.gui.operations import idle

    yield
    qtbot.waitUntil(idle, timeout=60000)


# longer than any test keeps a dialog of its own open on purpose (lowered only by the test of this guard)
MODAL_PATIENCE_S = float(os.environ.get("VOICEPREP_TEST_MODAL_PATIENCE_S", "120"))


@pytest.fixture(autouse=True)
def no_question_left_unanswered(qapp):
    """A modal dialog nobody answers fails its test (with the dialog's title and text) instead of hanging the run.

    Offscreen, a question the test did not expect (e.g. "Discard the paste?" when a dialog closes) waits forever in
    its own event loop; the timer still runs there, closes the dialog after MODAL_PATIENCE_S and the test fails."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen: dict[int, float] = {}
    left_open: list[str] = []

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        first = seen.setdefault(id(dialog), time.monotonic())
        if time.monotonic() - first >= MODAL_PATIENCE_S:
            text = dialog.text() if isinstance(dialog, QMessageBox) else ""
            left_open.append(f"{dialog.windowTitle()!r}: {text!r}")
            dialog.reject()

    timer = QTimer()
    timer.setInterval(1000)
    timer.timeout.connect(check)
    timer.start()
    yield left_open
    timer.stop()
    assert not left_open, ("a modal dialog was left unanswered (answer it in the test, e.g. monkeypatch "
                           "voiceprep.gui.widgets.common.choose):\n" + "\n".join(left_open))
