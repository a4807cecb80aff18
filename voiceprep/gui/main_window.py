"""The main window: Practice, History, Progress, Banks, Settings."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStatusBar,
    QWidget,
)

from voiceprep.gui.controller import RehearsalController
from voiceprep.gui.services import Services
from voiceprep.gui.widgets.banks import BanksPage
from voiceprep.gui.widgets.first_start import install_first_start
from voiceprep.gui.widgets.history import HistoryPage
from voiceprep.gui.widgets.practice import PracticePage
from voiceprep.gui.widgets.progress import ProgressPage
from voiceprep.gui.widgets.settings_page import SettingsPage
from voiceprep.gui.worker import run_in_background
from voiceprep.speech.player import Player

log = logging.getLogger(__name__)
PAGES = ["Practice", "History", "Progress", "Banks", "Settings"]


class MainWindow(QMainWindow):
    def __init__(self, services: Services | None = None, recover: bool = True):
        super().__init__()
        self.services = services or Services()
        self.setWindowTitle("voiceprep — interview rehearsal")
        self.setMinimumSize(1000, 640)
        self.controller = RehearsalController(self.services, self)
        self.player = Player()
        self.nav = QListWidget()
        self.nav.setFixedWidth(150)
        self.nav.setStyleSheet("QListWidget { border: none; font-size: 14px; background: transparent; } "
                               "QListWidget::item { padding: 10px 12px; border-radius: 6px; } "
                               "QListWidget::item:selected { background: palette(highlight); "
                               "color: palette(highlighted-text); }")
        for name in PAGES:
            QListWidgetItem(name, self.nav)
        self.stack = QStackedWidget()
        self.practice = PracticePage(self.controller)
        self.history = HistoryPage(self.services)
        self.progress = ProgressPage(self.services)
        self.banks = BanksPage(self.services)
        self.settings_page = SettingsPage(self.services)
        for page in (self.practice, self.history, self.progress, self.banks, self.settings_page):
            self.stack.addWidget(page)
        central = QWidget()
        row = QHBoxLayout(central)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.setStatusBar(QStatusBar())
        self.model_status = QLabel("Loading the transcription model…")
        self.statusBar().addPermanentWidget(self.model_status)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.currentRowChanged.connect(self._page_shown)
        for i in range(len(PAGES)):
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self, activated=lambda i=i: self.nav.setCurrentRow(i))
        self.practice.playAudio.connect(self.play)
        self.history.playAudio.connect(self.play)
        self.practice.historyChanged.connect(self._history_changed)
        self.history.changed.connect(self._history_changed)
        self.banks.reloaded.connect(self._banks_reloaded)
        self.nav.setCurrentRow(0)
        self._restore()
        install_first_start(self)       # first start: a sensible bank, the loop explained, "create/draft my bank"
        # the model loads in the background, before the first answer ends
        run_in_background(lambda: self.services.transcriber().load(), on_done=self._model_ready,
                          on_error=lambda e: self._model_failed(e))
        if recover:
            QTimer.singleShot(0, self._recover)
            QTimer.singleShot(0, self._verify)

    # -- state ----------------------------------------------------------------------------------
    def _restore(self) -> None:
        qs = QSettings("voiceprep", "voiceprep")
        geometry = qs.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 820)
        bank = qs.value("last_bank")
        if bank:
            self.practice.fill_banks(select=str(bank))

    def closeEvent(self, event) -> None:
        qs = QSettings("voiceprep", "voiceprep")
        qs.setValue("geometry", self.saveGeometry())
        qs.setValue("last_bank", self.practice.bank_box.currentData())
        self.player.stop()
        if self.controller.recorder is not None:
            self.controller.recorder.stop("manual")
        super().closeEvent(event)

    def _page_shown(self, index: int) -> None:
        if PAGES[index] == "History":
            self.history.refresh()
        elif PAGES[index] == "Progress":
            i = self.progress.bank_box.findData(self.practice.bank_box.currentData())
            if i >= 0 and i != self.progress.bank_box.currentIndex():
                self.progress.bank_box.setCurrentIndex(i)    # refreshes
            else:
                self.progress.refresh()

    def _history_changed(self) -> None:
        self.history.refresh()
        self.progress.refresh()

    def _banks_reloaded(self) -> None:
        self.practice.fill_banks(self.practice.bank_box.currentData())
        self.history.fill_banks()
        self.progress.fill_banks()

    def _model_ready(self, _model) -> None:
        t = self.services.transcriber()
        self.model_status.setText(f"Model: {t.model_name} · loaded in {t.load_seconds:.1f} s")

    def _model_failed(self, exc) -> None:
        self.model_status.setText("No transcription model")
        QMessageBox.warning(self, "Transcription model", f"{exc}\n\nYou can still type answers; set a model "
                                                         "in Settings.")

    def _recover(self) -> None:
        """Finish attempts a crash interrupted (their audio is on disk)."""
        from voiceprep.core.history.recovery import recover

        with self.services.history() as h:
            if not h.unfinished():
                return
        self.statusBar().showMessage("Recovering an interrupted answer…")
        services = self.services

        def work():
            with services.history() as h:
                return recover(h, services.transcriber().transcribe, services.settings.analysis)

        def done(results):
            finished = [r for r in results if r.outcome == "finished"]
            lines = [f"Attempt {r.attempt_id}: {r.detail}" for r in results]
            QMessageBox.information(self, "Recovered after an interruption",
                                    f"voiceprep found {len(results)} unfinished answer(s); "
                                    f"{len(finished)} were transcribed and scored.\n\n" + "\n".join(lines))
            self._history_changed()
            self.statusBar().clearMessage()
        run_in_background(work, on_done=done, on_error=lambda e: self.statusBar().showMessage(f"Recovery failed: {e}"))

    def _verify(self) -> None:
        """The full integrity check scans the whole file: off the GUI thread, after the window is up."""
        def failed(exc):
            QMessageBox.critical(self, "History damaged", f"{exc}\n\nRehearsing still works, but close voiceprep "
                                                          "and move the damaged file aside before relying on it.")
        run_in_background(lambda: self.services.history().verify(), on_error=failed)

    def play(self, path: str, start: float) -> None:
        def failed(exc):
            self.statusBar().showMessage(f"Cannot play audio: {exc}", 8000)
        self.player.stop()
        run_in_background(self.player.play, path, start, on_error=failed)
