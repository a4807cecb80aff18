"""Drives one rehearsal for the GUI: speak, think, record with live captions, analyse, store.

Everything slow happens on other threads; results come back as Qt signals on the GUI thread.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.rehearsal import Rehearsal
from voiceprep.core.transcript import Transcript
from voiceprep.gui.services import Services
from voiceprep.gui.worker import run_in_background
from voiceprep.speech.audio import compress
from voiceprep.speech.live import LiveTranscriber
from voiceprep.speech.recorder import FileStream, Recorder, RecorderError, RecordingResult
from voiceprep.speech.tts import TTSError

log = logging.getLogger(__name__)
IDLE, SPEAKING, THINKING, RECORDING, PROCESSING, FEEDBACK, FINISHED = (
    "idle", "speaking", "thinking", "recording", "processing", "feedback", "finished")


class RehearsalController(QObject):
    stateChanged = Signal(str)
    promptChanged = Signal(object, str)        # Prompt, "2 of 4"
    level = Signal(float)
    elapsed = Signal(float, float)             # seconds recorded, target seconds
    caption = Signal(str, str)                 # committed, tentative
    thinkTick = Signal(int)
    analysisReady = Signal(object, int)        # AnswerAnalysis, attempt id
    roundFinished = Signal(object)             # RoundSummary
    notice = Signal(str)                       # something works differently here (no TTS, no mic)
    error = Signal(str)
    _recordingStopped = Signal(object)         # from the recorder's thread
    _captionFromThread = Signal(object)
    _levelFromThread = Signal(float)

    def __init__(self, services: Services, parent=None):
        super().__init__(parent)
        self.services = services
        self.state = IDLE
        self.rehearsal: Rehearsal | None = None
        self.round_pk: int | None = None
        self.recorder: Recorder | None = None
        self.live: LiveTranscriber | None = None
        self.attempt_id: int | None = None
        self.tts_ok = True
        self._think_left = 0
        self._think_timer = QTimer(self, interval=1000, timeout=self._think_step)
        self._elapsed_timer = QTimer(self, interval=100, timeout=self._tick)
        self._recordingStopped.connect(self._on_recording_stopped)
        self._captionFromThread.connect(lambda c: self.caption.emit(c.committed, c.tentative))
        self._levelFromThread.connect(self.level.emit)

    def _set(self, state: str) -> None:
        self.state = state
        self.stateChanged.emit(state)

    # -- round ----------------------------------------------------------------------------------
    def start(self, rehearsal: Rehearsal, speak: bool = True) -> None:
        self.rehearsal = rehearsal
        self.round_pk = None
        rnd = next((r for r in rehearsal.bank.rounds if r.id == rehearsal.round_id), None)
        if rnd is not None and len(rehearsal.prompts) == len(rnd.prompts):
            with self.services.history() as h:
                self.round_pk = h.start_round(rehearsal.bank, rnd)
        self._present(speak)

    def _present(self, speak: bool = True) -> None:
        r = self.rehearsal
        self.promptChanged.emit(r.current, r.position)
        self.caption.emit("", "")
        if speak:
            self.speak(r.current.text, then=self._after_prompt)
        else:
            self._after_prompt()

    def speak(self, text: str, then=None) -> None:
        """Say `text` off the GUI thread; where no voice works, the text stays on screen."""
        if not self.tts_ok:
            if then:
                then()
            return
        self._set(SPEAKING)
        speaker = self.services.speaker()

        def work():
            speaker.play(speaker.render(text))

        def failed(exc):
            if isinstance(exc, TTSError):
                self.tts_ok = False
                self.notice.emit("No speaker found, so the interviewer's questions are shown as text instead of "
                                 f"spoken. (Details: {exc})")
            else:
                self.error.emit(f"Speaking failed: {exc}")
            if then:
                then()
        run_in_background(work, on_done=lambda _: then() if then else None, on_error=failed)

    def stop_speaking(self) -> None:
        self.services.speaker().stop()

    def _after_prompt(self) -> None:
        seconds = self.services.settings.practice.think_seconds
        if seconds > 0:
            self._think_left = seconds
            self._set(THINKING)
            self.thinkTick.emit(seconds)
            self._think_timer.start()
        else:
            self._set(IDLE)

    def _think_step(self) -> None:
        self._think_left -= 1
        self.thinkTick.emit(self._think_left)
        if self._think_left <= 0:
            self._think_timer.stop()
            self.start_answer()

    # -- answering ------------------------------------------------------------------------------
    def start_answer(self, audio_file: Path | None = None, realtime: bool = True) -> None:
        """Record the answer from the microphone, or from an audio file standing in for it."""
        if self.state in (RECORDING, PROCESSING) or self.rehearsal is None:
            return
        self._think_timer.stop()
        self.stop_speaking()
        prompt = self.rehearsal.current
        settings = self.services.settings
        factory = self.services.input_override
        if audio_file is not None:
            factory = FileStream(audio_file, realtime=realtime)
        elif callable(factory) and not isinstance(factory, FileStream):
            factory = factory()
        with self.services.history() as h:
            audio_path = h.new_audio_path(".wav")
            self.attempt_id = h.begin_attempt(self.rehearsal.bank, prompt, round_id=self.rehearsal.round_id,
                                              round_pk=self.round_pk, audio_path=audio_path)
        transcriber = self.services.transcriber()
        self.live = LiveTranscriber(transcriber, settings.transcription, hotwords=self.rehearsal.bank.terms(),
                                    on_caption=self._captionFromThread.emit,
                                    silence_rms=settings.audio.silence_rms)
        self.recorder = Recorder(audio_path, settings.audio, prompt.target_seconds, stream_factory=factory,
                                 on_level=self._levelFromThread.emit, on_audio=self.live.feed,
                                 on_stopped=self._recordingStopped.emit)
        try:
            self.recorder.start()
        except RecorderError as exc:
            with self.services.history() as h:
                h.delete_attempt(self.attempt_id)
            self.attempt_id = None
            self.notice.emit(f"{exc}")
            self._set(IDLE)
            return
        self.live.start()
        self._elapsed_timer.start()
        self._set(RECORDING)

    def stop_answer(self) -> None:
        if self.recorder is not None and self.state == RECORDING:
            self.recorder.stop("manual")

    def _tick(self) -> None:
        if self.recorder is not None:
            self.elapsed.emit(self.recorder.seconds, float(self.rehearsal.current.target_seconds))

    def _on_recording_stopped(self, result: RecordingResult) -> None:
        self._elapsed_timer.stop()
        self._set(PROCESSING)
        if result.error:
            self.notice.emit(result.error)
        live, bank, prompt = self.live, self.rehearsal.bank, self.rehearsal.current
        attempt_id, services = self.attempt_id, self.services

        def work():
            transcript = live.finish()
            analysis = analyze_answer(bank, prompt, transcript, services.settings.analysis)
            audio = compress(result.path, services.settings.audio.audio_format)
            with services.history() as h:
                h.finish_attempt(attempt_id, analysis, {"reason": result.reason, "device": result.device,
                                                        "model": transcript.model}, audio_path=audio)
                keep = services.settings.practice.retention_per_prompt
                h.apply_retention(bank.id, prompt.id, keep)
            return analysis
        run_in_background(work, on_done=lambda a: self._analysed(a, attempt_id), on_error=self._failed)

    def answer_text(self, text: str) -> None:
        """A typed answer (no microphone): analysed the same way, without timing."""
        if self.rehearsal is None or not text.strip():
            return
        self._set(PROCESSING)
        bank, prompt, services = self.rehearsal.bank, self.rehearsal.current, self.services

        def work():
            analysis = analyze_answer(bank, prompt, Transcript.from_text(text), services.settings.analysis)
            with services.history() as h:
                attempt = h.save_analysis(analysis, settings={"typed": True}, round_pk=self.round_pk)
            return analysis, attempt
        run_in_background(work, on_done=lambda r: self._analysed(*r), on_error=self._failed)

    def _analysed(self, analysis, attempt_id: int) -> None:
        self.rehearsal.record(analysis)
        self._set(FEEDBACK)
        self.analysisReady.emit(analysis, attempt_id)
        if self.services.settings.speech.speak_follow_ups and analysis.follow_ups:
            self.ask_follow_ups([f["question"] for f in analysis.follow_ups])

    def _failed(self, exc: Exception) -> None:
        self.error.emit(f"Could not process the answer: {exc}. The recording is kept and will be "
                        "recovered at the next start.")
        self._set(IDLE)

    # -- moving on --------------------------------------------------------------------------------
    def retry(self) -> None:
        if self.rehearsal and self.services.settings.practice.allow_retry:
            self._present(speak=False)

    def next(self) -> None:
        if self.rehearsal is None:
            return
        if self.rehearsal.next() is None:
            self.finish_round()
        else:
            self._present()

    def finish_round(self) -> None:
        summary = self.rehearsal.summary()
        if self.round_pk is not None:
            with self.services.history() as h:
                h.finish_round(self.round_pk, summary.to_dict())
        self._set(FINISHED)
        self.roundFinished.emit(summary)

    def ask_follow_ups(self, questions: list[str]) -> None:
        if questions:
            self.speak(" ".join(questions), then=lambda: self._set(FEEDBACK))
