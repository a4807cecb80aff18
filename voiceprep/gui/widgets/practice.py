"""Practice: pick a bank and round, hear the prompt, answer out loud, see feedback."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from voiceprep.core.rehearsal import Rehearsal
from voiceprep.gui import controller as c
from voiceprep.gui.widgets.common import BAD, WARN, Card, ScoreBar, big_number, heading, muted, soft
from voiceprep.gui.widgets.feedback import FeedbackView, fmt_time

AUDIO_FILTER = "Audio (*.wav *.flac *.ogg *.mp3 *.m4a);;All files (*)"


class LevelMeter(QProgressBar):
    def __init__(self):
        super().__init__()
        self.setRange(0, 100)
        self.setTextVisible(False)
        self.setFixedHeight(10)
        self.setStyleSheet("QProgressBar { border: none; border-radius: 5px; background: rgba(128,128,128,0.2); }"
                           "QProgressBar::chunk { border-radius: 5px; background: #2e9d57; }")

    def set_level(self, rms: float) -> None:
        import math

        db = 20 * math.log10(max(rms, 1e-5))          # -100 .. 0 dBFS
        self.setValue(int(max(0.0, min(100.0, (db + 60) / 60 * 100))))


class PracticePage(QWidget):
    playAudio = Signal(str, float)      # audio path, start seconds
    historyChanged = Signal()

    def __init__(self, controller: c.RehearsalController, parent=None):
        super().__init__(parent)
        self.ctl = controller
        self.services = controller.services
        self.attempt_id: int | None = None
        self.audio_path: str | None = None
        root = QVBoxLayout(self)
        root.setSpacing(12)

        # choose what to rehearse
        pick = QHBoxLayout()
        self.bank_box = QComboBox()
        self.round_box = QComboBox()
        self.start_btn = QPushButton("Start round")
        self.start_btn.setDefault(True)
        self.prompt_btn = QPushButton("One prompt…")
        self.drill_btn = QPushButton("Drill my weak points")
        pick.addWidget(QLabel("Bank"))
        pick.addWidget(self.bank_box, 3)
        pick.addWidget(QLabel("Round"))
        pick.addWidget(self.round_box, 2)
        pick.addWidget(self.start_btn)
        pick.addWidget(self.prompt_btn)
        pick.addWidget(self.drill_btn)
        root.addLayout(pick)

        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(f"background: {soft(WARN)}; border-radius: 6px; padding: 8px;")
        self.notice.hide()
        root.addWidget(self.notice)

        # the prompt
        card = Card()
        cl = QVBoxLayout(card)
        row = QHBoxLayout()
        self.position = muted("Choose a bank and a round, then press Start round.")
        row.addWidget(self.position, 1)
        self.replay_btn = QPushButton("↻ Replay")
        row.addWidget(self.replay_btn)
        cl.addLayout(row)
        self.prompt_text = heading("", 17)
        self.prompt_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        cl.addWidget(self.prompt_text)
        self.state_label = muted("")
        cl.addWidget(self.state_label)
        root.addWidget(card)

        # answering / feedback
        self.stack = QStackedWidget()
        answer = QWidget()
        al = QVBoxLayout(answer)
        al.setContentsMargins(0, 0, 0, 0)
        meters = QHBoxLayout()
        meters.addWidget(QLabel("Mic"))
        self.meter = LevelMeter()
        meters.addWidget(self.meter, 1)
        self.clock = QLabel("0:00 / 2:00")
        meters.addWidget(self.clock)
        al.addLayout(meters)
        self.time_bar = QProgressBar()
        self.time_bar.setTextVisible(False)
        self.time_bar.setFixedHeight(6)
        al.addWidget(self.time_bar)
        self.captions = QTextEdit()
        self.captions.setReadOnly(True)
        self.captions.setPlaceholderText("Live captions appear here while you speak.")
        font = self.captions.font()
        font.setPointSize(font.pointSize() + 3)
        self.captions.setFont(font)
        al.addWidget(self.captions, 1)
        self.stack.addWidget(answer)
        self.feedback = FeedbackView()
        self.stack.addWidget(self.feedback)
        self.summary = QWidget()
        self.stack.addWidget(self.summary)
        root.addWidget(self.stack, 1)

        # controls
        controls = QHBoxLayout()
        self.answer_btn = QPushButton("● Start answer  (Space)")
        self.import_btn = QPushButton("Import audio…")
        self.type_btn = QPushButton("Type answer…")
        self.retry_btn = QPushButton("Retry  (R)")
        self.next_btn = QPushButton("Next  (N)")
        for b in (self.answer_btn, self.import_btn, self.type_btn):
            controls.addWidget(b)
        controls.addStretch(1)
        controls.addWidget(self.retry_btn)
        controls.addWidget(self.next_btn)
        root.addLayout(controls)

        # wiring
        self.bank_box.currentIndexChanged.connect(self._fill_rounds)
        self.start_btn.clicked.connect(self.start_round)
        self.prompt_btn.clicked.connect(self.start_one_prompt)
        self.drill_btn.clicked.connect(self.start_drill)
        self.replay_btn.clicked.connect(lambda: self.ctl.speak(self.ctl.rehearsal.current.text,
                                                               then=lambda: self.ctl._set(c.IDLE))
                                        if self.ctl.rehearsal else None)
        self.answer_btn.clicked.connect(self.toggle_answer)
        self.import_btn.clicked.connect(self.import_audio)
        self.type_btn.clicked.connect(self.type_answer)
        self.retry_btn.clicked.connect(self.ctl.retry)
        self.next_btn.clicked.connect(self.ctl.next)
        for key, slot in (("Space", self.toggle_answer), ("R", self.ctl.retry), ("N", self.ctl.next),
                          ("Ctrl+P", self.replay_btn.click)):
            QShortcut(QKeySequence(key), self, activated=slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.ctl.stateChanged.connect(self._on_state)
        self.ctl.promptChanged.connect(self._on_prompt)
        self.ctl.level.connect(self.meter.set_level)
        self.ctl.elapsed.connect(self._on_elapsed)
        self.ctl.caption.connect(self._on_caption)
        self.ctl.thinkTick.connect(lambda s: self.state_label.setText(f"Think time: {s} s — answer starts automatically"))
        self.ctl.analysisReady.connect(self._on_analysis)
        self.ctl.roundFinished.connect(self._on_round_finished)
        self.ctl.notice.connect(self.show_notice)
        self.ctl.error.connect(lambda m: QMessageBox.warning(self, "voiceprep", m))
        self.feedback.playFrom.connect(lambda t: self.audio_path and self.playAudio.emit(self.audio_path, t))
        self.feedback.askFollowUps.connect(self.ctl.ask_follow_ups)
        self.feedback.noteChanged.connect(self._save_note)
        self.fill_banks()
        self._on_state(c.IDLE)

    # -- choosing -------------------------------------------------------------------------------
    def fill_banks(self, select: str | None = None) -> None:
        self.bank_box.blockSignals(True)
        self.bank_box.clear()
        for bank in self.services.registry.banks:
            company = f"{bank.job.company} — " if bank.job.company else ""
            self.bank_box.addItem(f"{company}{bank.job.title}", bank.id)
        self.bank_box.blockSignals(False)
        if select:
            i = self.bank_box.findData(select)
            if i >= 0:
                self.bank_box.setCurrentIndex(i)
        self._fill_rounds()

    def _fill_rounds(self) -> None:
        self.round_box.clear()
        bank = self.bank()
        if bank:
            for r in bank.rounds:
                self.round_box.addItem(f"{r.title} ({len(r.prompts)} prompts)", r.id)

    def bank(self):
        return self.services.registry.find(self.bank_box.currentData()) if self.bank_box.count() else None

    def start_round(self) -> None:
        bank = self.bank()
        if bank:
            self.ctl.start(Rehearsal.for_round(bank, bank.round(self.round_box.currentData())))

    def start_one_prompt(self) -> None:
        bank = self.bank()
        if not bank:
            return
        prompts = bank.all_prompts()
        text, ok = QInputDialog.getItem(self, "One prompt", "Prompt:", [p.text for p in prompts], 0, False)
        if ok:
            self.ctl.start(Rehearsal.for_prompt(bank, next(p for p in prompts if p.text == text)))

    def start_drill(self) -> None:
        from voiceprep.core.history import queries

        bank = self.bank()
        if not bank:
            return
        with self.services.history() as h:
            weak = queries.weak_points(h, bank.id)
        try:
            self.ctl.start(Rehearsal.for_weak_points(bank, weak))
        except ValueError as exc:
            self.show_notice(str(exc).capitalize() + ".")

    # -- answering ------------------------------------------------------------------------------
    def toggle_answer(self) -> None:
        if self.ctl.state == c.RECORDING:
            self.ctl.stop_answer()
        elif self.ctl.rehearsal and self.ctl.state in (c.IDLE, c.THINKING, c.SPEAKING, c.FEEDBACK):
            self.stack.setCurrentIndex(0)
            self.ctl.start_answer()

    def import_audio(self) -> None:
        if not self.ctl.rehearsal:
            return
        path, _ = QFileDialog.getOpenFileName(self, "Import a recorded answer", str(Path.home()), AUDIO_FILTER)
        if path:
            self.stack.setCurrentIndex(0)
            self.ctl.start_answer(Path(path), realtime=False)

    def type_answer(self) -> None:
        if not self.ctl.rehearsal:
            return
        text, ok = QInputDialog.getMultiLineText(self, "Type your answer", self.ctl.rehearsal.current.text)
        if ok and text.strip():
            self.ctl.answer_text(text)

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()

    # -- updates from the controller ------------------------------------------------------------
    def _on_prompt(self, prompt, position: str) -> None:
        self.position.setText(f"{self.ctl.rehearsal.title} · question {position} · aim for {fmt_time(prompt.target_seconds)}")
        self.prompt_text.setText(prompt.text)
        self.captions.clear()
        self.meter.setValue(0)
        self.clock.setText(f"0:00 / {fmt_time(prompt.target_seconds)}")
        self.time_bar.setValue(0)
        self.stack.setCurrentIndex(0)

    def _on_state(self, state: str) -> None:
        texts = {c.IDLE: "Ready: press Space or Start answer when you are.", c.SPEAKING: "The interviewer is asking…",
                 c.THINKING: "Think time…", c.RECORDING: "Listening… press Space to stop (stops by itself after a silence).",
                 c.PROCESSING: "Finishing the transcript and checking your key points…",
                 c.FEEDBACK: "Here is your feedback. Retry or go to the next question.",
                 c.FINISHED: "Round complete."}
        self.state_label.setText(texts.get(state, "") if self.ctl.rehearsal else "")
        has = self.ctl.rehearsal is not None
        recording = state == c.RECORDING
        self.answer_btn.setText("■ Stop  (Space)" if recording else "● Start answer  (Space)")
        self.answer_btn.setEnabled(has and state in (c.IDLE, c.THINKING, c.SPEAKING, c.RECORDING, c.FEEDBACK))
        for b in (self.import_btn, self.type_btn):
            b.setEnabled(has and state in (c.IDLE, c.THINKING, c.SPEAKING, c.FEEDBACK))
        self.retry_btn.setEnabled(has and state == c.FEEDBACK and self.services.settings.practice.allow_retry)
        self.next_btn.setEnabled(has and state in (c.FEEDBACK, c.IDLE))
        self.replay_btn.setEnabled(has and state in (c.IDLE, c.FEEDBACK, c.THINKING))
        busy = state in (c.RECORDING, c.PROCESSING)      # never lose an answer by starting something else
        for b in (self.start_btn, self.prompt_btn, self.drill_btn, self.bank_box, self.round_box):
            b.setEnabled(not busy)
        if self.ctl.rehearsal and self.ctl.rehearsal.is_last:
            self.next_btn.setText("Finish round  (N)")
        else:
            self.next_btn.setText("Next  (N)")

    def _on_elapsed(self, seconds: float, target: float) -> None:
        self.clock.setText(f"{fmt_time(seconds)} / {fmt_time(target)}")
        self.time_bar.setMaximum(int(target * 10))
        self.time_bar.setValue(int(min(seconds, target) * 10))
        over = seconds > target
        self.clock.setStyleSheet(f"color: {BAD};" if over else "")

    def _on_caption(self, committed: str, tentative: str) -> None:
        self.captions.setHtml(f"{committed} <span style='color: gray'>{tentative}</span>")
        self.captions.verticalScrollBar().setValue(self.captions.verticalScrollBar().maximum())

    def _on_analysis(self, analysis, attempt_id: int) -> None:
        self.attempt_id = attempt_id
        with self.services.history() as h:
            self.audio_path = h.attempt_row(attempt_id).get("audio_path")
        self.feedback.show_analysis(analysis)
        self.stack.setCurrentIndex(1)
        self.historyChanged.emit()

    def _save_note(self, note: str, rating: int) -> None:
        if self.attempt_id is not None:
            with self.services.history() as h:
                h.set_note(self.attempt_id, note, rating or None)
            self.historyChanged.emit()

    def _on_round_finished(self, summary) -> None:
        bank = self.ctl.rehearsal.bank
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(heading("Round complete", 16))
        lay.addWidget(big_number(summary.overall, f"overall / 100 · answered {summary.answered} of {summary.total}"))
        for cid, score in summary.competencies.items():
            comp = bank.competency(cid)
            lay.addWidget(ScoreBar(comp.name if comp else cid, score, f"weight {comp.weight:.2f}" if comp else ""))
        if summary.to_drill:
            lay.addWidget(heading("Drill next", 12))
            for pid, kid in summary.to_drill[:6]:
                kp = next(k for k in bank.prompt(pid).key_points if k.id == kid)
                lay.addWidget(QLabel(f"• {kp.label}"))
        lay.addStretch(1)
        old = self.stack.widget(2)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.summary = page
        self.stack.insertWidget(2, page)
        self.stack.setCurrentIndex(2)
        self.prompt_text.setText("Well done. Pick another round, or drill your weak points.")
        self.position.setText(self.ctl.rehearsal.title)
        self.historyChanged.emit()
