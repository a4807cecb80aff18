"""Settings: microphone (with a live test meter), voice and rate, model, auto-stop, pace band, fillers."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from voiceprep import paths
from voiceprep.app.errors import user_message
from voiceprep.app.listening import missing_microphone_text
from voiceprep.gui import app
from voiceprep.gui.app import SCALE_ENV
from voiceprep.gui.operations import from_thread, run_in_background
from voiceprep.gui.widgets import accessible
from voiceprep.gui.widgets.common import (
    WARN,
    WrappedLine,
    enter_presses_buttons,
    heading,
    muted,
    sentence_case,
    size_fits,
)
from voiceprep.gui.widgets.numbers import LimitedNumber, LimitedSpin, number_text, refusal
from voiceprep.gui.widgets.practice import LevelMeter
from voiceprep.gui.widgets.shortcuts import described, key_text
from voiceprep.settings import INTERFACE_SIZES


class StatusLine(WrappedLine):
    """A muted line saying how a test or a check went; it takes no room while it has nothing to say (an empty line
    left a gap under the microphone and the voice)."""

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setHidden(not text)


def stacked(*parts: QWidget | QHBoxLayout) -> QVBoxLayout:
    """A form field of several lines (a row of controls, its status line), one under the other, no gap between."""
    column = QVBoxLayout()
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    for part in parts:
        if isinstance(part, QWidget):
            column.addWidget(part)
        else:
            column.addLayout(part)
    return column


FOLDER = "folder"          # the model list's entry for the folder in the box under it
JUDGE_LOADING = "Checking… (the meaning model loads after start-up)"


def judge_said(status) -> str:
    """How answers are judged, from the judge's status (embedder.JudgeStatus): Settings' line, the status bar's
    tooltip."""
    if status.method == "semantic":
        return ("By meaning: key points are checked by what you mean and by your words, with a small model that "
                "comes with the app.")
    why = (status.message or "the meaning model is not available").rstrip(".")
    return f"Words only: key points are checked by the words you use, not by meaning, because {why}."


LOOKING = "Looking for microphones…"
LOOK_RANK = {(False, False): 0, (None, False): 1, (True, False): 2, (True, True): 3}   # SettingsPage._look's asks
REFRESH_TIP = "Look again for microphones plugged in or unplugged since the list was read"


class SettingsPage(QScrollArea):
    saved = Signal()
    micsListed = Signal()              # the microphone list was read (Welcome back's line follows it)
    _micLevel = Signal(float)          # from the recorder's thread

    def __init__(self, services, parent=None):
        super().__init__(parent)
        enter_presses_buttons(self)          # Enter presses a button reached with Tab, as Space does
        self.services = services
        self.setWidgetResizable(True)
        body = QWidget()
        self.setWidget(body)
        root = QVBoxLayout(body)
        root.addWidget(heading("Settings", 16))
        s = services.settings
        # each row with a control has an Alt+letter on its label that puts the keyboard on it (walk55: about 22 Tab
        # presses reached Interface size; Alt+I now does); Tab goes down the page as it reads (the form's order)
        form = self.form = QFormLayout()
        self.mic = QComboBox()
        mic_row = QHBoxLayout()
        mic_row.addWidget(self.mic, 1)
        # PortAudio lists its devices once: Refresh (and Settings shown after a sound card came or went) reads them
        # anew, for a headset plugged in since (fixBD: "— not connected" until a restart)
        self.mic_refresh = QPushButton("Refresh")
        self.mic_refresh.setToolTip(REFRESH_TIP)
        mic_row.addWidget(self.mic_refresh)
        self.mic_test = QPushButton("Test (3 s)")
        self.mic_testing = False                # a test is recording: the button ignores presses
        self.mic_refreshing = False
        self.mics_read = False                  # the list has been read once (else "Looking for microphones…")
        self._look_after: tuple[bool | None, bool] | None = None    # a look asked for while one ran: run after it
        mic_row.addWidget(self.mic_test)
        self.mic_meter = LevelMeter()
        self.mic_status = StatusLine("")
        self._mic_said = ""                     # what the line under the list says of the microphone (not a test's)
        self._mic_test_said = ""                # what it says of the last microphone test (kept over a rescan's list)
        self.mic_note, self.mic_missing, self._no_mic = "", None, False
        # the list is read on the "devices" lane (PortAudio starts there): the choice saved is shown meanwhile
        # (fixBO: read on the GUI thread while the page was built)
        self.mic.addItem(self.services.settings.audio.input_device or "System default", s.audio.input_device)
        self._mic_looking(LOOKING)
        form.addRow("&Microphone", mic_row)
        form.addRow("", stacked(self.mic_meter, self.mic_status))
        self.voice = QComboBox()
        self.voice.addItem("Default voice", "auto")              # tts.AUTO_VOICE, named once the voices are known
        self.voice.addItem("Standard voice", None)
        self.voice.setCurrentIndex(max(self.voice.findData(s.speech.voice), 0))
        self.rate = LimitedSpin()
        self.rate.setRange(80, 320)
        self.rate.setValue(s.speech.rate)
        voice_row = QHBoxLayout()
        voice_row.addWidget(self.voice, 1)
        voice_row.addWidget(QLabel("rate"))
        accessible.name(self.rate, "Voice rate, words per minute")
        voice_row.addWidget(self.rate)
        self.voice_test = QPushButton("Test voice")
        voice_row.addWidget(self.voice_test)
        self.voice_status = StatusLine()
        form.addRow("Interviewer &voice", stacked(voice_row, self.voice_status,
                                                 self._refusals(self.rate, "a rate you can use", "words/min")))
        self.auto_follow = QCheckBox("Ask the follow-up questions &aloud right after each answer")
        self.auto_follow.setChecked(s.speech.speak_follow_ups)
        form.addRow("", self.auto_follow)
        # one choice, the list; the box under it a folder to use instead (walk20: "Transcription model", a path box,
        # above "Installed models", a list, read as two controls for one thing)
        self.model = QLineEdit(s.transcription.model_path or "")
        self.model.setPlaceholderText("Empty: the model picked above")
        browse = QPushButton("Choose…")
        self.model_row = QHBoxLayout()
        self.model_row.addWidget(self.model, 1)
        self.model_row.addWidget(browse)
        self._add_model_choice(form)
        form.addRow("Or a model &folder", self.model_row)
        self.model_used = WrappedLine("Used to transcribe: the model picked above, or the folder in this box when "
                                      "it names one.")
        form.addRow("", self.model_used)
        self.model.textChanged.connect(self._sync_model_choice)
        self._sync_model_choice()
        # how answers are judged, read-only (walk20: the status bar said "Judge: by meaning", Settings nothing)
        self.judge_line = WrappedLine(JUDGE_LOADING)
        form.addRow("Answers judged", self.judge_line)
        # review31: "2,5" typed here was taken as 25 s without a word; a number the box cannot take is refused whole
        # and said under it (`numbers.refusal`), as in the bank editor
        self.silence = LimitedNumber()
        self.silence.setRange(0, 30)
        self.silence.setSuffix(" s (0 = off)")
        self.silence.setValue(s.audio.silence_stop_s)
        form.addRow("Stop after &silence", stacked(self.silence, self._refusals(self.silence, "a time you can use",
                                                                                "s")))
        self.stop_cue = QCheckBox("Play a short tone when a silence stops the answer")
        self.stop_cue.setChecked(s.audio.stop_cue)
        form.addRow("", self.stop_cue)
        self.cap = LimitedNumber()
        self.cap.setRange(1, 10)
        self.cap.setSuffix(" × target")
        self.cap.setValue(s.audio.hard_cap_factor)
        form.addRow("Hard time &cap", stacked(self.cap, self._refusals(self.cap, "a cap you can use", "× target")))
        self.think = LimitedSpin()
        self.think.setRange(0, 120)
        self.think.setSuffix(" s")
        self.think.setValue(s.practice.think_seconds)
        form.addRow("T&hink time before answering", stacked(self.think, self._refusals(self.think, "a time you can use",
                                                                                        "s")))
        self.retry = QCheckBox("Allow &retry")
        self.retry.setChecked(s.practice.allow_retry)
        form.addRow("", self.retry)
        band = QHBoxLayout()
        # fixV: the whole-number boxes read "2,5" as 25 too (Qt drops the comma as a group separator); refused and
        # said as the seconds boxes above are, one line under the pace band for both its ends
        self.wpm_low, self.wpm_high = LimitedSpin(), LimitedSpin()
        band_refused = StatusLine(muted=False)
        for w, v in ((self.wpm_low, s.analysis.wpm_low), (self.wpm_high, s.analysis.wpm_high)):
            w.setRange(60, 260)
            w.setValue(v)
            band.addWidget(w)
            self._refusals(w, "a pace you can use", "words/min", band_refused)
        form.addRow("Good &pace (words/min)", stacked(band, band_refused))
        accessible.name(self.wpm_low, "Good pace from, words per minute")
        accessible.name(self.wpm_high, "Good pace up to, words per minute")
        self.fillers = QLineEdit(", ".join(s.analysis.fillers))
        form.addRow("Filler &words", self.fillers)
        self.retention = LimitedSpin()
        self.retention.setRange(0, 1000)
        self.retention.setSpecialValueText("Keep every answer")
        self.retention.setValue(s.practice.retention_per_prompt)
        form.addRow("&Keep per prompt", stacked(self.retention, self._refusals(
            self.retention, "a number of answers to keep", "", kept_unit="answers")))
        self.interface_size = QComboBox()
        for percent in INTERFACE_SIZES:
            self.interface_size.addItem("As the system (100%)" if percent == 100 else f"{percent}%", percent)
        self.interface_size.setToolTip("Makes text, buttons and the window's layout larger, on top of the system's "
                                       "own scaling (at 2560x1440 without scaling, 150% reads like a laptop screen)")
        self.interface_size.setCurrentIndex(max(self.interface_size.findData(s.interface.size_percent), 0))
        # what this run of the app was started with: the stored size, or the largest that fitted the screen
        self._started = app.started
        self._size_running = self._started.used if self._started else s.interface.size_percent
        self._disable_sizes_that_do_not_fit()
        self.size_note = muted("")
        size_row = QHBoxLayout()
        size_row.addWidget(self.interface_size)
        size_row.addWidget(self.size_note, 1)
        form.addRow("&Interface size", size_row)
        data = muted(f"{paths.shown(paths.data_dir())}  (set VOICEPREP_HOME to use another folder; nothing is moved)")
        data.setToolTip(str(paths.data_dir()))
        form.addRow("Data directory", data)
        for w in (self.silence, self.cap, self.think, self.wpm_low, self.wpm_high, self.retention, self.rate):
            w.setMaximumWidth(190)

        band.addStretch(1)
        root.addLayout(form)
        root.addStretch(1)
        # Save and Revert stay in view under the scrolled form, in the area's bottom margin (walk47 7: at 1366x768
        # and 1.25x the row was half below the fold, under everything else)
        self.button_bar = QWidget(self)
        buttons = QHBoxLayout(self.button_bar)
        buttons.setContentsMargins(root.contentsMargins().left(), 6, root.contentsMargins().right(), 6)
        self.save_btn = QPushButton("Save settings")        # its key added from its shortcut, below
        self.revert_btn = QPushButton("Revert")
        self.dirty_label = muted("")
        buttons.addWidget(self.save_btn)
        buttons.addWidget(self.revert_btn)
        buttons.addWidget(self.dirty_label, 1)
        self._micLevel.connect(self.mic_meter.set_level)
        browse.clicked.connect(self._browse)
        self.save_btn.clicked.connect(self.save)
        # Ctrl+S saves as the button does, wherever the focus is on this page (off while another page is shown)
        self.save_shortcut = described(QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self), "Save the settings")
        self.save_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.save_shortcut.activated.connect(lambda: self.save_btn.isEnabled() and self.save_btn.click())
        self.save_btn.setText(f"Save settings  ({key_text(self.save_shortcut)})")
        self.revert_btn.clicked.connect(self.revert)
        self.voice_test.clicked.connect(self._test_voice)
        self._saved = self._values()
        for w in self._inputs():
            for signal in ("currentIndexChanged", "valueChanged", "textChanged", "toggled"):
                if hasattr(w, signal):
                    getattr(w, signal).connect(self._update_dirty)
                    break
        self._update_dirty()
        self.mic_test.clicked.connect(self._test_mic)
        self.mic_refresh.clicked.connect(self.refresh_mics)
        self.mic.currentIndexChanged.connect(self._say_missing_mic)
        self._look(rescan=False)
        run_in_background(lambda: services.speaker().voices(), on_done=self._fill_voices,
                          on_error=lambda e: self._status(self.voice_status, f"No voices: {e}"), owner=self)

    def _fill_mics(self, devices: list[dict], log_detail: str = "", keep: str | None = None) -> None:
        """The microphone list from `devices` (list_input_devices'), `keep` chosen when it is still there (else the
        one saved): the saved one not connected is shown missing and kept (walk45 5); a saved name that another
        device's name holds, or that several match, is shown with the one that records (fixBJ)."""
        from voiceprep.speech.recorder import pick_microphone

        self.mics_read = True
        saved = self.services.settings.audio.input_device
        picked, self.mic_note = pick_microphone(saved, devices) if saved else (None, "")
        self.mic_missing = saved if saved and picked is None else None
        self._no_mic = not devices
        self._no_mic_text = ("No microphone found: you can still rehearse with Import audio or Type answer."
                             f" {log_detail}").strip()
        blocked = self.mic.blockSignals(True)
        self.mic.clear()
        self.mic.addItem("System default", None)
        for d in devices:
            self.mic.addItem(f"{d['name']} ({d['rate']:.0f} Hz)", d["name"])
        if self.mic_missing:
            self.mic.addItem(f"{self.mic_missing} — not connected", self.mic_missing)
        elif picked is not None and saved not in [d["name"] for d in devices]:
            self.mic.addItem(f"{saved} — uses {picked['name']}", saved)
        found = self.mic.findData(keep)
        self.mic.setCurrentIndex(found if found >= 0 else max(self.mic.findData(saved), 0))
        self.mic.blockSignals(blocked)
        self._say_missing_mic(refreshed=True)
        self.micsListed.emit()

    def _say_missing_mic(self, _index: int = 0, refreshed: bool = False) -> None:
        """The line under the microphone says the one chosen is not connected while it is the one shown, which
        device a saved name uses, or that there is no microphone at all. A list `refreshed` in the background
        leaves a microphone test's line alone, running or done (CI: a rescan begun as Settings opened ended after
        the test and put "No microphone found" over its verdict)."""
        if refreshed and (self.mic_testing or (self._mic_test_said and self.mic_status.text() == self._mic_test_said)):
            self._mic_said = ""
            return
        said = ""
        if self.mic_missing and self.mic.currentData() == self.mic_missing:
            said = missing_microphone_text(self.mic_missing, others=not self._no_mic)
        elif self.mic_note and self.mic.currentData() == self.services.settings.audio.input_device:
            said = self.mic_note
        elif self._no_mic:
            said = self._no_mic_text
        if said:
            self.mic_status.setText(said)
        elif self._mic_said and self.mic_status.text() == self._mic_said:
            self.mic_status.setText("")
        self._mic_said = said

    def resizeEvent(self, event) -> None:
        """The Save row under the scrolled form, as wide as the form shows."""
        high = self.button_bar.sizeHint().height()
        if self.viewportMargins().bottom() != high:
            self.setViewportMargins(0, 0, 0, high)
        super().resizeEvent(event)
        shown = self.viewport().geometry()
        self.button_bar.setGeometry(shown.left(), shown.bottom() + 1, shown.width(), high)

    def showEvent(self, event) -> None:
        """Settings opened: the microphones are read again when a sound card came or went since PortAudio read them
        (devices.changed_since_read, asked off the GUI thread: it runs pactl); PortAudio is not restarted on every
        opening (review37a 7)."""
        super().showEvent(event)
        self.look_if_changed()

    def look_if_changed(self) -> None:
        """Read the microphones again, off the GUI thread, if the system's sound devices changed since PortAudio read
        them (a USB headset plugged in or out); nothing otherwise."""
        self._look(rescan=None)

    def refresh_mics(self) -> None:
        """Refresh: read the microphones anew off the GUI thread (PortAudio restarted unless a recording or the voice
        holds a stream: then the list as PortAudio has it, and the line says so); not while the microphone test
        records."""
        self._look(rescan=True, asked=True)

    def _look(self, rescan: bool | None, asked: bool = False) -> None:
        """The microphone list read on the "devices" lane: `rescan` True restarts PortAudio, None only when
        devices.changed_since_read() (else nothing is read), False reads it as PortAudio has it. `asked`: Refresh
        pressed, the line says what came of it."""
        if self.mic_testing:
            return
        if self.mic_refreshing:             # a look runs (the start's, Settings opened): this one runs after it, not
            queued = self._look_after        # dropped; of several asked meanwhile, the one that does most
            if queued is None or LOOK_RANK[(rescan, asked)] > LOOK_RANK[queued]:
                self._look_after = (rescan, asked)
            return
        from voiceprep.speech import devices as sound_devices
        from voiceprep.speech.recorder import list_input_devices

        self.mic_refreshing = True
        if asked:
            self._mic_looking("")

        def look() -> tuple[list[dict], float | None, bool] | None:
            restart = sound_devices.changed_since_read() if rescan is None else rescan
            if rescan is None and not restart:
                return None
            before = sound_devices.read_at()
            listed = list_input_devices(rescan=restart)
            read = sound_devices.read_at()
            # a restart refused: PortAudio's list unchanged and a stream holding it
            return listed, read, bool(restart and read == before and sound_devices.stream_held())

        def done(got) -> None:
            self.mic_refreshing = False
            if got is not None:
                devices, read, refused = got
                self._fill_mics(devices, keep=self.mic.currentData())
                self._after_look(read, asked, refused, len(devices))
                self._update_dirty()
            self._look_queued()

        def failed(exc: BaseException) -> None:
            self.mic_refreshing = False
            self._fill_mics([], exc.__class__.__name__, keep=self.mic.currentData())
            self._update_dirty()
            self._look_queued()
        run_in_background(look, on_done=done, on_error=failed, lane="devices", owner=self)

    def _look_queued(self) -> None:
        """The look asked for while the one just ended ran."""
        if self._look_after is not None:
            (rescan, asked), self._look_after = self._look_after, None
            self._look(rescan, asked)

    def _after_look(self, read: float | None, asked: bool, refused: bool, count: int) -> None:
        """Refresh's tooltip says when the list was read; after Refresh pressed (`asked`), the line under the list
        says what came of it when it says nothing else: looked again, or not (`refused`: a stream held PortAudio)."""
        when = time.strftime("%H:%M", time.localtime(read)) if read is not None else ""
        self.mic_refresh.setToolTip(f"{REFRESH_TIP} (at {when})" if when else REFRESH_TIP)
        if not asked or self.mic_status.text():
            return
        if refused:
            said = ("Not looked again: a recording or the interviewer's voice is using the sound device. Press "
                    "Refresh once it has stopped.")
        else:
            said = f"Looked again at {time.strftime('%H:%M')}: {count} microphone{'' if count == 1 else 's'} found."
        self.mic_status.setText(said)
        self._mic_said = said

    def _mic_looking(self, text: str) -> None:
        """The line under the list while the microphones are read for the first time ("" clears a note of a
        Refresh before)."""
        if text or (self._mic_said and self.mic_status.text() == self._mic_said):
            self.mic_status.setText(text)
            self._mic_said = text

    def welcome_note(self) -> str:
        """What Welcome back says of the microphone saved in Settings: that it is not connected ("" when it is)."""
        saved = self.services.settings.audio.input_device
        return missing_microphone_text(saved, welcome=True, others=not self._no_mic) \
            if saved and saved == self.mic_missing else ""

    # -- unsaved changes ------------------------------------------------------------------------
    def _inputs(self) -> list[QWidget]:
        return [self.mic, self.voice, self.rate, self.auto_follow, self.model, self.silence, self.cap, self.think,
                self.retry, self.wpm_low, self.wpm_high, self.fillers, self.retention, self.interface_size]

    def _values(self) -> list:
        out = []
        for w in self._inputs():
            if isinstance(w, QComboBox):
                out.append(w.currentData())
            elif isinstance(w, QCheckBox):
                out.append(w.isChecked())
            elif isinstance(w, QLineEdit):
                out.append(w.text())
            elif isinstance(w, (QSpinBox, QDoubleSpinBox)):
                out.append(w.value())
        return out

    @staticmethod
    def _refusals(box: LimitedSpin | LimitedNumber, what: str, unit: str, line: StatusLine | None = None,
                  kept_unit: str | None = None) -> StatusLine:
        """The line under a number field that says a number typed there was refused and what was kept; gone once a
        number is taken. `line`: one already made, shared by two boxes (the pace band's ends); `kept_unit`: the unit
        after the number kept when not `unit` ("Kept 10 answers.")."""
        if line is None:
            line = StatusLine(muted=False)
        line.setStyleSheet(f"color: {WARN};")
        line.setObjectName("refused")

        def kept() -> str:
            if box.specialValueText() and box.value() == box.minimum():
                return f"“{box.specialValueText()}”"                # "Keep every answer", not "0 answers"
            return f"{number_text(box, box.value())} {unit if kept_unit is None else kept_unit}"
        box.refused.connect(lambda typed: line.setText(refusal(box, typed, what, unit=unit, kept=kept())))
        box.valueChanged.connect(lambda _value: line.setText(""))
        return line

    def is_dirty(self) -> bool:
        return self._values() != self._saved

    def _update_dirty(self, *_) -> None:
        self._size_hint()
        dirty = self.is_dirty()
        self.save_btn.setEnabled(dirty)
        self.revert_btn.setEnabled(dirty)
        self.dirty_label.setText("Unsaved changes" if dirty else "All changes saved")

    def _disable_sizes_that_do_not_fit(self) -> None:
        """A size at which the window's minimum would not fit this screen is not offered (200 % of a 1366x768
        laptop leaves 683x384 for a 640x520 window); one already chosen stays selectable."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        running = 1.0 if os.environ.get(SCALE_ENV) else self._size_running / 100
        free = screen.availableSize()
        model = self.interface_size.model()
        for i in range(self.interface_size.count()):
            percent = self.interface_size.itemData(i)
            if not size_fits(percent, (free.width() * running, free.height() * running)) \
                    and percent not in (100, self._size_running, self.services.settings.interface.size_percent):
                item = model.item(i)
                item.setEnabled(False)
                item.setToolTip("Too large for this screen: the window would not fit")

    def _size_hint(self) -> None:
        """Qt takes its scale once, at start: say when the size chosen is not the one the app is showing."""
        if os.environ.get(SCALE_ENV):        # the user's own: voiceprep takes its factor back out once Qt read it
            text = f"{SCALE_ENV} is set in your environment: it decides the size"
        elif (size := self._started) is not None and size.fell_back and self.interface_size.currentData() == size.stored:
            free = f" ({size.free[0]}x{size.free[1]} free)" if size.free else ""
            text = f"Too large for this screen{free}: shown at {size.used}%, kept for a larger screen"
        elif self.interface_size.currentData() != self._size_running:
            text = "Takes effect when you restart voiceprep"
        else:
            text = ""
        self.size_note.setText(text)

    def revert(self) -> None:
        """Put every field back to the saved settings."""
        s = self.services.settings
        i = self.mic.findData(s.audio.input_device)
        self.mic.setCurrentIndex(max(i, 0))
        i = self.voice.findData(s.speech.voice)
        self.voice.setCurrentIndex(max(i, 0))
        self.rate.setValue(s.speech.rate)
        self.auto_follow.setChecked(s.speech.speak_follow_ups)
        self.model.setText(s.transcription.model_path or "")
        self.silence.setValue(s.audio.silence_stop_s)
        self.stop_cue.setChecked(s.audio.stop_cue)
        self.cap.setValue(s.audio.hard_cap_factor)
        self.think.setValue(s.practice.think_seconds)
        self.retry.setChecked(s.practice.allow_retry)
        self.wpm_low.setValue(s.analysis.wpm_low)
        self.wpm_high.setValue(s.analysis.wpm_high)
        self.fillers.setText(", ".join(s.analysis.fillers))
        self.retention.setValue(s.practice.retention_per_prompt)
        self.interface_size.setCurrentIndex(max(self.interface_size.findData(s.interface.size_percent), 0))
        self._saved = self._values()
        self._update_dirty()

    def _fill_voices(self, voices) -> None:
        import shiboken6

        if not shiboken6.isValid(self.voice):
            return
        current = self.services.settings.speech.voice
        was_dirty = self.is_dirty()
        from voiceprep.speech.piper_voice import INSTALL
        from voiceprep.speech.tts import auto_voice_label

        self.voice.setItemText(0, auto_voice_label(voices))
        for v in voices:
            if any(lang.startswith("en") for lang in v.languages) or v.id.startswith("gmw/en"):
                self.voice.addItem(v.name, v.id)
        if not any(v.id.startswith("piper:") for v in voices):
            self.voice_status.setText(f"A natural voice is available: {INSTALL}")
        i = self.voice.findData(current)
        if i >= 0:
            self.voice.setCurrentIndex(i)
        if not was_dirty:
            self._saved = self._values()
        self._update_dirty()

    def _add_model_choice(self, form: QFormLayout) -> None:
        """Installed models, with what each costs on this machine (measured on demand, off the GUI thread)."""
        from voiceprep.speech import models

        self.model_choice = QComboBox()
        found = models.installed()
        for inst in found:
            alone = len(found) == 1 and inst.model.label_alone
            self.model_choice.addItem(alone or inst.model.label, inst.model.id)
        current = models.known(self.model.text().strip() or models.TINY_EN.id)
        if current is not None:
            self.model_choice.setCurrentIndex(max(0, self.model_choice.findData(current.id)))
        self.model_measure = QPushButton("Measure speed")
        row = self.model_choice_row = QHBoxLayout()
        row.addWidget(self.model_choice, 1)
        row.addWidget(self.model_measure)
        self.model_cost = WrappedLine()
        self._show_model_facts()
        form.addRow("&Transcription model", row)
        form.addRow("", self.model_cost)
        self.model_choice.activated.connect(self._choose_model)
        self.model_measure.clicked.connect(self._measure_model)

    def _model_facts(self) -> str:
        from voiceprep.speech import models

        m = models.known(self.model_choice.currentData() or "")
        if m is None:
            return ""
        # errors out of 100, not words right in 10: tiny.en's 0.12 and base's 0.06 both rounded to "9 in 10" (read41c/d)
        right = (f"About {round(m.spontaneous_wer * 100)} words in 100 wrong on a whole recording of real, unscripted "
                 "speech; " if m.spontaneous_wer else "")
        heard = (f"hears {m.filler_recall:.0%} of “um”s and “uh”s" if m.filler_recall is not None
                 else "counts of “um” and “uh” are approximate")
        said = f"{right}{heard}." + (f" {m.live_note}." if m.live_note else "")
        return said[0].upper() + said[1:]

    def _model_measures(self) -> str:
        """The measures behind _model_facts' plain words, in their technical terms: the line's tooltip (walk21)."""
        from voiceprep.speech import models

        m = models.known(self.model_choice.currentData() or "")
        if m is None:
            return ""
        wer = (f"Word error rate {m.spontaneous_wer:.2f} on whole recordings of real spontaneous speech "
               f"({models.WER_WHILE_SPEAKING}). " if m.spontaneous_wer else "")
        recall = f"Filled-pause recall {m.filler_recall:.0%}" if m.filler_recall is not None else "Filled pauses"
        return f"{wer}{recall}: {m.filler_evidence}."

    def _show_model_facts(self, before: str = "") -> None:
        self.model_cost.setText(before + self._model_facts())
        self.model_cost.setToolTip(self._model_measures())

    def _choose_model(self) -> None:
        from voiceprep.speech import models

        mid = self.model_choice.currentData()
        if mid == FOLDER:                               # the folder in the box: choose one
            self._browse()
            return
        self.model.setText("" if mid == models.TINY_EN.id else mid)
        self._show_model_facts()

    def _sync_model_choice(self) -> None:
        """The list shows what is used: the installed model the box names (empty: tiny.en), else "The model folder
        below", an entry there only while the box names a folder."""
        from voiceprep.speech import models

        named = models.known(self.model.text().strip() or models.TINY_EN.id)
        index = self.model_choice.findData(named.id) if named is not None else -1
        folder = self.model_choice.findData(FOLDER)
        if index < 0 and folder < 0:
            self.model_choice.addItem("The model folder below", FOLDER)
            folder = self.model_choice.count() - 1
        self.model_choice.setCurrentIndex(index if index >= 0 else folder)
        if index >= 0 and folder >= 0:
            self.model_choice.removeItem(folder)
        self.model_measure.setEnabled(index >= 0)       # measures an installed model, not a folder
        self._show_model_facts()

    def show_judge(self, status) -> None:
        """How answers are judged (embedder.JudgeStatus, once the judge has loaded), in judge_said's words."""
        self.judge_line.setText(judge_said(status))
        self.judge_line.setToolTip(f"The meaning model: {status.model}, run on this computer" if status.model else "")

    def _measure_model(self) -> None:
        from voiceprep.speech import models

        mid = self.model_choice.currentData()
        self.model_cost.setText("Measuring… (loads the model and transcribes a sentence)")
        self.model_measure.setEnabled(False)

        def show(text: str) -> None:
            import shiboken6

            if shiboken6.isValid(self.model_measure):        # the page may have closed while it ran
                self.model_measure.setEnabled(True)
                self.model_cost.setText(text)
        run_in_background(lambda: models.measure_cost(mid, models.sample_speech()),
                          on_done=lambda cost: show(f"{models.describe(cost)}. {self._model_facts()}"),
                          on_error=lambda exc: show(str(exc)), owner=self)

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "A CTranslate2 Whisper model directory")
        if path:
            self.model.setText(path)

    def save(self) -> None:
        s = self.services.settings
        s.audio.input_device = self.mic.currentData()
        s.audio.silence_stop_s = self.silence.value()
        s.audio.stop_cue = self.stop_cue.isChecked()
        s.audio.hard_cap_factor = self.cap.value()
        s.speech.voice = self.voice.currentData()
        s.speech.rate = self.rate.value()
        s.speech.speak_follow_ups = self.auto_follow.isChecked()
        s.transcription.model_path = self.model.text().strip() or None
        s.practice.think_seconds = self.think.value()
        s.practice.allow_retry = self.retry.isChecked()
        s.practice.retention_per_prompt = self.retention.value()
        s.analysis.wpm_low, s.analysis.wpm_high = sorted((self.wpm_low.value(), self.wpm_high.value()))
        s.analysis.fillers = tuple(f.strip().lower() for f in self.fillers.text().split(",") if f.strip())
        s.interface.size_percent = self.interface_size.currentData()
        s.save()
        self._saved = self._values()
        self._update_dirty()
        self.saved.emit()

    def _test_voice(self) -> None:
        """Speak with the voice and rate as they are on screen now, saved or not (nothing is saved)."""
        from voiceprep.speech.tts import NoAudioOutput, Speaker, TTSError

        speaker = Speaker(voice=self.voice.currentData(), rate=self.rate.value(),
                          cache_dir=paths.data_dir() / "tts-cache")
        self.voice_status.setText("Speaking…")

        def failed(exc):
            if isinstance(exc, NoAudioOutput):       # not "(Error querying device -1)"
                text = ("The voice was made, but no speaker or headphones were found to play it. "
                        "Connect one and test again.")
            elif isinstance(exc, TTSError):
                text = str(exc)
            else:
                text = sentence_case(user_message(exc, "Testing the voice"))
            self._status(self.voice_status, text)

        def done(_) -> None:   # the natural voice falls back to the standard one: say so, and why
            why = speaker.fallback_reason
            self._status(self.voice_status, f"Done, with the standard voice: {why}" if why else "Done.")
        run_in_background(lambda: speaker.say("Tell me about the hardest problem you have solved."),
                          on_done=done, on_error=failed, owner=self)

    def _test_mic(self) -> None:
        """Record 3 s, then say in plain words whether speech was heard, only noise, or only silence, and what to
        do (the same level and speech detector that decide whether an answer was heard)."""
        if self.mic_testing:        # pressed again while testing: ignored, the button stays enabled (disabled, it
            return                  # sent the keyboard's focus to the voice list, and the next Space opened it)
        from voiceprep.app.listening import mic_check, mic_check_text, testing_default_text
        from voiceprep.settings import AudioSettings
        from voiceprep.speech.recorder import FileStream, Recorder

        s = self.services.settings
        silence_rms, min_speech_s = s.audio.silence_rms, s.history.min_answer_speech_s
        settings = AudioSettings(input_device=self.mic.currentData(), silence_stop_s=0, hard_cap_factor=1.0,
                                 silence_rms=silence_rms, release_tail_s=0)
        factory = self.services.input_override          # tests (and a recording standing in for a microphone)
        if callable(factory) and not isinstance(factory, FileStream):
            factory = factory()
        path = Path(tempfile.gettempdir()) / "voiceprep-mic-test.wav"
        rec = Recorder(path, settings, target_seconds=3, stream_factory=factory, on_level=from_thread(self._micLevel))
        self.mic_testing = True
        missing = self.mic_missing if self.mic.currentData() == self.mic_missing else None
        self._mic_test_said = testing_default_text(missing) if missing else "Recording 3 s… speak now"
        self.mic_status.setText(self._mic_test_said)

        def work() -> str:
            rec.start()
            result = rec.wait(10)
            if result is None:
                rec.stop()                      # the microphone is released, not left recording
                return "The microphone test did not finish. Choose another microphone above and test again."
            if result.error:
                return result.error
            verdict, seconds = mic_check(result.path, silence_rms, min_speech_s)
            said = mic_check_text(verdict, seconds, result.device)
            if rec.stood_in_for:                # the one chosen is not connected: the default was what spoke
                return testing_default_text(rec.stood_in_for, said)
            return f"{said} {rec.picked_note}".strip()

        def done(text: str) -> None:
            import shiboken6

            if shiboken6.isValid(self):
                self.mic_testing = False
                self._mic_test_said = text
            self._status(self.mic_status, text)
        run_in_background(work, on_done=done, on_error=lambda e: done(str(e)), owner=self)

    @staticmethod
    def _status(label: QLabel, text: str) -> None:
        """Show a background job's outcome, unless the page was closed while it ran."""
        import shiboken6

        if shiboken6.isValid(label):
            label.setText(text)
