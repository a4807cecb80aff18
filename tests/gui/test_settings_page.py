"""Settings as a candidate uses it: Ctrl+S saves like the Save button, and the microphone test says in plain
words whether speech was heard (walkthrough 4)."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf
from PySide6.QtCore import Qt

from voiceprep.gui.main_window import MainWindow
from voiceprep.settings import Settings
from voiceprep.speech.recorder import FileStream


@pytest.fixture
def window(qtbot, services):
    w = MainWindow(services, recover=False)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitActive(w)
    w.nav.setCurrentRow(4)                       # Settings
    return w


def test_ctrl_s_saves_the_settings_as_the_save_button_does(window, qtbot, data_home):
    page = window.settings_page
    assert "Ctrl+S" in page.save_btn.text()
    page.think.setFocus()
    page.think.setValue(7)
    assert page.is_dirty()
    qtbot.keyClick(page.think, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not page.is_dirty() and page.dirty_label.text() == "All changes saved"
    assert window.services.settings.practice.think_seconds == 7
    assert Settings.load().practice.think_seconds == 7          # written to the settings file


@pytest.mark.parametrize("sound,said", [("speech", "Speech heard"), ("noise", "Only noise, no speech"),
                                        ("silence", "Only silence")])
def test_the_microphone_test_says_whether_speech_was_heard(window, qtbot, services, speech_dir, tmp_path, sound, said):
    page = window.settings_page
    path = speech_dir / "jfk.wav"
    if sound != "speech":
        rng = np.random.default_rng(2)
        samples = rng.standard_normal(16000 * 4) * (0.05 if sound == "noise" else 0.0)
        path = tmp_path / f"{sound}.wav"
        sf.write(path, samples.astype("float32"), 16000)
    services.input_override = lambda: FileStream(path, realtime=False)
    page.mic_test.click()
    qtbot.waitUntil(lambda: not page.mic_testing, timeout=30000)
    assert page.mic_status.text().startswith(said), page.mic_status.text()
    assert "test again" in page.mic_status.text() or sound == "speech"


def test_the_microphone_test_keeps_the_keyboard_on_its_button(window, qtbot, services, speech_dir):
    """Walkthrough 5: "Test (3 s)" disabled itself while testing, so the focus jumped to the voice list and the next
    Space opened it. The button keeps the focus; pressed again while testing, it is ignored."""
    starts = []
    services.input_override = lambda: starts.append(1) or FileStream(speech_dir / "jfk.wav", realtime=True)
    page = window.settings_page
    page.mic_test.setFocus()
    qtbot.keyClick(page.mic_test, Qt.Key.Key_Space)
    assert page.mic_test.hasFocus() and page.mic_testing
    qtbot.keyClick(page.mic_test, Qt.Key.Key_Space)           # again, while it records: no second test
    assert page.mic_test.hasFocus() and len(starts) == 1
    qtbot.waitUntil(lambda: not page.mic_testing, timeout=30000)
    assert page.mic_test.hasFocus() and page.mic_status.text().startswith("Speech heard")
    qtbot.keyClick(page.mic_test, Qt.Key.Key_Space)           # done: it tests again
    assert page.mic_testing and len(starts) == 2
    qtbot.waitUntil(lambda: not page.mic_testing, timeout=30000)
