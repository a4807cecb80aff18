"""Import audio as a candidate without a microphone uses it: a long recording goes in with progress, can be
cancelled, and its transcript ends where the recording ends."""

from __future__ import annotations

import pytest

from tests.gui.practice_steps import start
from voiceprep.gui import controller as c
from voiceprep.gui.main_window import MainWindow


def answer(seconds: int) -> str:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from bench.answers import answer_text

    return answer_text(seconds) + " And that is how we cut the latency in half."


@pytest.fixture
def window(qtbot, services):
    services.settings.speech.rate = 400
    w = MainWindow(services, recover=False)
    qtbot.addWidget(w)
    w.show()
    start(w, qtbot, bank="airwallex")
    return w


@pytest.mark.slow
def test_a_long_import_shows_progress_and_keeps_its_last_words(window, qtbot, speaker, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    page, ctl = window.practice, window.controller
    audio = speaker.render(answer(150), out=tmp_path / "long.wav")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(audio), ""))
    progress: list[float] = []
    ctl.importProgress.connect(progress.append)
    with qtbot.waitSignal(ctl.analysisReady, timeout=240000) as sig:
        page.import_btn.click()
        qtbot.waitUntil(lambda: page.import_row.isVisible() and page.import_bar.value() > 0, timeout=60000)
    analysis, _attempt = sig.args
    assert progress[-1] == 1.0 and any(0 < p < 1 for p in progress)
    assert analysis.transcript.duration > 140
    tail = analysis.transcript.text.lower().split()[-6:]
    assert "half" in " ".join(tail) or "latency" in " ".join(tail), analysis.transcript.text[-200:]
    assert not page.import_row.isVisible()


@pytest.mark.slow
def test_cancelling_an_import_saves_nothing(window, qtbot, speaker, tmp_path, services):
    from voiceprep.core.history import History

    page, ctl = window.practice, window.controller
    audio = speaker.render(answer(200), out=tmp_path / "cancel.wav")
    notices: list[str] = []
    ctl.notice.connect(lambda text, _kind: notices.append(text))
    ctl.import_answer(audio)
    qtbot.waitUntil(lambda: ctl.state == c.RECORDING or ctl.state == c.PROCESSING, timeout=30000)
    page.cancel_import_btn.click()
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=60000)
    assert any("nothing was saved" in n for n in notices), notices
    with History.open(services.db_path) as h:
        assert h.db["attempts"].count == 0
