"""Drives one rehearsal for the GUI: speak, think, record with live captions, then hand the answer to the
practice session (voiceprep.app) to transcribe, judge and store.

The state and the moves between states live in voiceprep/app/states.py; this object moves it, the page renders
it. Everything slow or touching the history runs on an operations lane; results come back as signals.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal, Slot

from voiceprep.app import Action, NoAnswerHeard, Pending, RehearsalState, Saved, StateMachine, memory, user_message
from voiceprep.app.errors import voice_notice
from voiceprep.app.judging import prepare_judge
from voiceprep.app.listening import stood_in_text
from voiceprep.app.pause import may_be_mid_thought, silence_countdown
from voiceprep.app.preembed import PreEmbedder, TypedPreEmbedder
from voiceprep.app.scored import before_follow_ups
from voiceprep.app.session import DEVICE_STOPS, PracticeSession
from voiceprep.app.states import InvalidTransition
from voiceprep.app.threads import strict
from voiceprep.core.analysis.analyze import AnswerAnalysis
from voiceprep.core.analysis.scoring import RoundSummary
from voiceprep.core.banks.model import Bank
from voiceprep.core.history import AnswerGone
from voiceprep.core.history.store import FILE, VOICE
from voiceprep.core.rehearsal import FollowUpTurn, Rehearsal
from voiceprep.gui.operations import from_thread, query, run_in_background
from voiceprep.gui.services import Services
from voiceprep.settings import (
    QUIT_WAITS_FOR_IMPORT_S,
    QUIT_WAITS_FOR_RECORDER_S,
    QUIT_WAITS_FOR_START_S,
    TRANSCRIBING_SHOWN_AFTER_MS,
)
from voiceprep.speech import cue
from voiceprep.speech.devices import StreamHold
from voiceprep.speech.live import LiveTranscriber
from voiceprep.speech.recorder import FileStream, Recorder, RecorderError, RecordingResult
from voiceprep.speech.tts import TTSError

log = logging.getLogger(__name__)
S = RehearsalState
# the page compares against these names
IDLE, SPEAKING, THINKING, RECORDING, PROCESSING, FEEDBACK, FINISHED = (
    S.IDLE, S.SPEAKING, S.THINKING, S.RECORDING, S.PROCESSING, S.FEEDBACK, S.FINISHED)
# what a notice is about: the session (no voice, a drill that cannot start) or one answer (none heard, cancelled,
# the microphone failed it), which the next answer makes old
SESSION, ANSWER = "session", "answer"
# a drill that cannot start ("No weak points yet"): said of the banks as they were, gone once they are reloaded
# (walk68 3: it stayed above a welcome that named the next weak point of the bank just fixed)
DRILL = "drill"
# what a cancelled answer says, however it was cancelled (importing, recording, its microphone still opening: walk52 5)
CANCELLED_NOTHING_SAVED = "Cancelled: nothing was saved."
CANCELLED_KEPT_AS_IT_WAS = "Cancelled: your answer stays as it was."         # a continuation cancelled
# the recorder's stop reasons after which C continues the answer: the silence stop (walk24) and Space (walk38: a
# candidate who pressed it too early could only start over). Not a cut-off answer (the device), nor an import
CONTINUABLE_STOPS = ("silence", "manual")


def may_still_be_thinking(analysis: AnswerAnalysis, asked: Sequence[str] | None = None) -> bool:
    """Whether an answer the silence stop ended may have been cut in a thinking pause: it missed a key point
    (walkthrough 13: after a complete answer, "stopped by itself... Still thinking?" read as if something went wrong);
    for a follow-up answer, one of the points `asked` about (labels; walk24: "1 of 1" was questioned, judged against
    the whole question's points)."""
    if asked is not None:
        return any(not r.hit for r in analysis.key_points if r.key_point.label in asked)
    return analysis.points_hit < analysis.points_total


class Cancelled(Exception):
    """The candidate cancelled an import before it was stored."""


class _RoundRef:
    """The stored round's id, filled in on the session lane before any answer of the round is begun there."""

    pk: int | None = None
    finished = False        # its summary is stored: an answer after Undo skip from the summary stores it again


class RehearsalController(QObject):
    stateChanged = Signal(str)
    promptChanged = Signal(object, str)        # Prompt, "2 of 4"
    level = Signal(float)
    elapsed = Signal(float, float)             # seconds recorded, target seconds (0: none, a follow-up's answer)
    caption = Signal(str, str)                 # committed, tentative
    thinkTick = Signal(int)
    analysisReady = Signal(object, int)        # AnswerAnalysis, attempt id (-1 when it could not be stored)
    roundFinished = Signal(object)             # RoundSummary
    notice = Signal(str, str)                  # text, kind: something works differently here (SESSION: no voice;
                                               # ANSWER: about one answer, gone when the next answer starts)
    error = Signal(str)
    historyChanged = Signal()                  # an attempt was stored or changed: views refresh
    importProgress = Signal(float)             # 0..1 while an imported answer is read in; 1.0 when done
    # after a Stop, while the answer's words are still decoded (a live path behind on a busy machine: walk53 2, 47 s
    # for a 164 s answer): seconds of it not transcribed yet, the answer's seconds; (0, seconds) when only its
    # checking is left. First sent TRANSCRIBING_SHOWN_AFTER_MS after the Stop, then every tick until the feedback.
    transcribingLeft = Signal(float, float)
    followUpAsked = Signal(object)             # FollowUpTurn: the follow-ups are asked; the next answer answers them
    skipped = Signal(object)                   # Prompt: moved on from it unanswered; undo_skip() goes back to it
    countdown = Signal(int)                    # seconds left before the silence stop ends the answer (0: none near)
    silenceStopped = Signal(float, float)      # an answer the silence stop ended may have been cut mid-thought:
                                               # seconds recorded, the stop's seconds (continue_answer() goes on)
    preparing = Signal(bool)                   # the interviewer's words are being rendered (not cached yet): True
                                               # until the voice starts (False), so the page says so (fixG)
    _recordingStopped = Signal(object)         # from the recorder's thread
    _voiceFromThread = Signal(int, bool)       # (which speak(), rendering): from the speaking thread
    _captionFromThread = Signal(object)
    _levelFromThread = Signal(float)

    def __init__(self, services: Services, parent: QObject | None = None):
        super().__init__(parent)
        self.services = services
        self.machine = StateMachine()
        self.rehearsal: Rehearsal | None = None
        self.recorder: Recorder | None = None
        self.live: LiveTranscriber | None = None
        self.pending: Pending | None = None
        self.last_audio_path: str | None = None   # the answer just judged (for "play from here")
        self.last_analysis: AnswerAnalysis | None = None    # ... and its analysis
        self.last_problem: str | None = None                # ... and why it could not be saved, if it was not
        self.tts_ok = True
        # the follow-up turn the answer being recorded or judged answers (None: an answer to the question), and the
        # one the answer just judged answered (the page shows its feedback as a follow-up's)
        self.answering_follow_up: FollowUpTurn | None = None
        self.last_follow_up: FollowUpTurn | None = None
        self._round = _RoundRef()
        self._starting = False
        self._stop_early = False            # Space pressed while the microphone opened (fixBW)
        self._kind_starting = VOICE         # what the answer starting records from
        self._cancelled = False
        self._import_seconds: float | None = None
        self._import_name = ""            # the imported file's name (the import screen says it)
        # the transcriber still decoding an answer whose recording has stopped (an import's file is read in a few
        # seconds, then decoded for minutes: walk44, Cancel import reached only the recorder, long gone)
        self._transcribing: LiveTranscriber | None = None
        self._import_done = threading.Event()      # set: no import is being transcribed or dropped
        self._import_done.set()
        self._stopped: RecordingResult | None = None     # how the answer being judged stopped (None: typed)
        # the answer being typed: its sentences embedded as they are typed (speed47), judged or discarded with it
        self._typed_pre: TypedPreEmbedder | None = None
        self.stop_reason = ""             # why the last recording stopped (RecordingResult.reason)
        self.skip_undoable = False        # the question before was skipped and this one not yet answered
        # the answer just judged, stopped by the silence stop: (attempt id, the follow-up turn it answered), which
        # continue_answer() records more of; and the one being continued (recorded or judged) now
        self.continuable: tuple[int, FollowUpTurn | None] | None = None
        self.continuing: tuple[int, FollowUpTurn | None] | None = None
        self.spoken_before = ("", 0.0)    # a continued answer's words and seconds so far (captions, clock)
        self._countdown = 0
        self._speech = 0                  # which speak() is current: an older one's end no longer moves the state
        self._hush = threading.Event()    # set: the current speech is stopped, rendered or playing (stop_speaking)
        self._after_speech: tuple[int, Callable[[], None] | None] = (0, None)   # the current speech, what follows it
        self._think_left = 0
        self._typing_open = False         # the Type answer dialog is open: the think countdown waits (read47a)
        self._think_timer = QTimer(self)
        self._think_timer.setInterval(1000)
        self._think_timer.timeout.connect(self._think_step)
        self._elapsed_timer = QTimer(self)
        self._elapsed_timer.setInterval(100)
        self._elapsed_timer.timeout.connect(self._tick)
        self._finish_timer = QTimer(self)
        self._finish_timer.setInterval(TRANSCRIBING_SHOWN_AFTER_MS)
        self._finish_timer.timeout.connect(self._finish_tick)
        self._transcribed = threading.Event()      # set: the stopped answer's words are all decoded
        self._recordingStopped.connect(self._on_recording_stopped)
        self._captionFromThread.connect(
            lambda c: self.caption.emit(" ".join(t for t in (self.spoken_before[0], c.committed) if t), c.tentative))
        self._levelFromThread.connect(self.level.emit)
        self.voice_preparing = False      # the current speech is being rendered, its voice not started yet
        self._voiceFromThread.connect(self._on_voice)
        self._judge_prepared: object | None = None     # the question whose texts the judge has been given

    # -- state ------------------------------------------------------------------------------------
    @property
    def state(self) -> RehearsalState:
        return self.machine.state

    def can(self, action: Action) -> bool:
        """Whether the candidate can do `action` now (the page enables its buttons by this)."""
        if action in (Action.RETRY,) and not self.services.settings.practice.allow_retry:
            return False
        if self._starting:
            # every action waits while an answer's recording starts (its row being made, the microphone opening):
            # N would record this question's answer under the next; R, Type, Import, Replay or another question
            # would leave the answer half begun (fix51 held them only while C started)
            return False
        if action is Action.CONTINUE and self.continuable is None:
            return False
        return self.rehearsal is not None and self.machine.can(action) or (
            action is Action.CHOOSE and self.machine.can(action))

    def _move(self, state: RehearsalState) -> None:
        if state is not FEEDBACK and not (state is SPEAKING and self.state is FEEDBACK):
            self.continuable = None       # only the feedback of the answer it continues (follow-ups asked aloud too)
        if state in (FEEDBACK, FINISHED):
            # an answer (its feedback) or the round's end came after the skip; one begun and not heard is none
            # (review 16: it ended the undo). undo_skip() waits out an answer being recorded or judged.
            self.skip_undoable = False
        try:
            self.machine.move(state)
        except InvalidTransition:
            if strict():
                raise
            log.error("unexpected rehearsal move %s -> %s", self.machine.state, state)
            self.machine.state = state
        self.voice_preparing = False      # a new state (a new speech among them) is no voice being prepared yet
        self.stateChanged.emit(str(state))

    # -- round ----------------------------------------------------------------------------------
    def start(self, rehearsal: Rehearsal, speak: bool = True) -> None:
        if not self.can(Action.CHOOSE):
            return
        self.skip_undoable, self.continuable = False, None
        self.rehearsal = rehearsal
        self._round = ref = _RoundRef()
        rnd = next((r for r in rehearsal.bank.rounds if r.id == rehearsal.round_id), None)
        if rehearsal.continues is not None:     # a round taken up again: its answers and summary go to it (walk49)
            ref.pk = rehearsal.continues
        elif rnd is not None and len(rehearsal.prompts) == len(rnd.prompts):
            session, bank = self.services.session, rehearsal.bank

            def begin_round() -> None:
                ref.pk = session.start_round(bank, rnd)
            run_in_background(begin_round, lane="session", on_error=lambda e: log.warning("round not stored: %s", e))
        self._present(speak)

    def drill(self, bank: Bank) -> None:
        """A round of the bank's first question never answered, then the prompts whose key points are missed most
        (HistoryService.drill_plan: what to_drill asks and whether the bank was practised, in one read)."""
        service = self.services.history

        def start(found: tuple[list[dict[str, Any]], bool]) -> None:
            weak, practised = found
            try:
                self.start(Rehearsal.for_weak_points(bank, weak, practised))
            except ValueError as exc:
                self.notice.emit(str(exc).capitalize() + ".", DRILL)
        # walk60 6: a practised bank with nothing missed said "No weak points yet: rehearse a round first"
        query(lambda: service.drill_plan(bank), on_done=start, owner=self,  # not for a closed window
              on_error=lambda e: self.error.emit(user_message(e, "Finding your weak points")))

    def drill_points(self, bank: Bank, points: list[tuple[str, str]]) -> None:
        """A drill of the given (prompt id, key point id) pairs: the round summary's "Drill next"."""
        try:
            self.start(Rehearsal.for_weak_points(bank, [{"prompt_id": p, "key_point_id": k} for p, k in points],
                                                 practised=True))      # from a round's summary: a round was rehearsed
        except ValueError as exc:
            self.notice.emit(str(exc).capitalize() + ".", DRILL)

    def _present(self, speak: bool = True) -> None:
        r = self.rehearsal
        assert r is not None
        self.promptChanged.emit(r.current, r.position)
        self.caption.emit("", "")
        if speak:
            self.speak(r.current.text, then=self._after_prompt)
        else:
            self._after_prompt()

    def speak(self, text: str, then: Callable[[], None] | None = None) -> None:
        """Say `text` off the GUI thread; where no voice works, the text stays on screen."""
        if not self.tts_ok:
            if then:
                then()
            return
        self._move(SPEAKING)
        speaker = self.services.speaker()
        self._speech += 1
        this = self._speech
        hush = self._hush = threading.Event()
        self._after_speech = (this, then)

        voice = from_thread(self._voiceFromThread)      # (nothing once the window is gone)

        def work() -> None:
            if speaker.cached(text) is None:     # rendering takes seconds: "Preparing the question…" meanwhile
                voice(this, True)
            wav = speaker.render(text)
            if this == self._speech:             # not when N moved on while it was being rendered (review 14)
                speaker.play(wav, cancel=hush,   # nothing of it once stopped, even while it was being rendered
                             on_start=lambda _latency: voice(this, False))

        def failed(exc: BaseException) -> None:
            if isinstance(exc, TTSError):
                self.tts_ok = False
                self.notice.emit(voice_notice(exc), SESSION)
            else:
                self.error.emit(user_message(exc, "Speaking"))
            # as `done`: not once the candidate moved on (a slow render that then found no speaker moved a recording
            # begun meanwhile to IDLE: its answer went on unseen; CI, session 39)
            if then and this == self._speech and self.state is SPEAKING:
                then()

        def done(_: object) -> None:
            if self.state is not SPEAKING or this != self._speech:   # the candidate moved on meanwhile (started
                return                                                # answering, N to the next question)
            if then:
                then()
        run_in_background(work, on_done=done, on_error=failed, owner=self)

    def _on_voice(self, this: int, rendering: bool) -> None:
        """The speaking thread's word: `rendering` (True) or the voice started (False), for the speech `this`; an older
        speech's, or one said after the state moved on, changes nothing."""
        if this != self._speech:
            return
        if not rendering:
            self._prepare_judge()        # the voice plays: its rendering no longer wants the CPU
        rendering = rendering and self.state is SPEAKING
        if rendering != self.voice_preparing:
            self.voice_preparing = rendering
            self.preparing.emit(rendering)

    def stop_speaking(self) -> None:
        """Stop the interviewer whatever the phase: a playback now, a question still being rendered before it plays
        (fix41: Esc then stopped nothing and the voice started after it). The round goes on as when a voice ends."""
        self._hush.set()
        self.services.speaker().stop()

    def hush(self) -> None:
        """Esc: stop the interviewer and go on at once, as when the voice ends (walk23: a question still being
        rendered kept the state, "The interviewer is asking…", until its rendering ended ~2 s later). Its late end
        then moves nothing. Not while an answer starts (it goes on to the recording)."""
        self.stop_speaking()
        this, then = self._after_speech
        if self.state is SPEAKING and not self._starting and this == self._speech:
            self._speech += 1                    # the stopped speech's end (rendered, failed) no longer moves the state
            if then:
                then()

    def replay(self) -> None:
        """Hear the question again (the follow-ups, while they are being answered)."""
        if self.rehearsal is not None and self.can(Action.REPLAY):
            self.tts_ok = True          # asked for: try the voice again (a speaker may have been plugged in)
            back = FEEDBACK if self.state is FEEDBACK else IDLE
            self.speak(self.rehearsal.asked_now, then=lambda: self._move(back))

    def _prepare_judge(self) -> None:
        """Give the judge the question's texts now (`judging.prepare_judge`), on the load lane, once per question:
        its first answer is then judged as fast as the next (perf36). Called when the question's voice starts or
        it has been asked (no voice, or Esc): never while the voice is being rendered, nor on the session lane
        that starts the recording."""
        r = self.rehearsal
        if r is None or self._judge_prepared is r.current:
            return
        self._judge_prepared = r.current
        # the bank: its other questions, which `judge.nearer_another` reads, the cache embeds once per bank (mendF)
        run_in_background(prepare_judge, r.current, self.services.settings.analysis, r.bank, lane="load",
                          on_error=lambda e: log.info("judge not prepared for the question: %r", e))

    def _after_prompt(self) -> None:
        self._prepare_judge()
        if self._starting:          # the candidate started answering while the prompt was spoken
            return
        seconds = self.services.settings.practice.think_seconds
        if seconds > 0:
            self._think_left = seconds
            self._move(THINKING)
            self.thinkTick.emit(seconds)
            if not self._typing_open:       # else it starts when the dialog is closed unsent (resume_thinking)
                self._think_timer.start()
        else:
            self._move(IDLE)

    def _think_step(self) -> None:
        self._think_left -= 1
        self.thinkTick.emit(self._think_left)
        if self._think_left <= 0:
            self._think_timer.stop()
            self.start_answer()

    # -- answering ------------------------------------------------------------------------------
    def start_answer(self, audio_file: Path | None = None, realtime: bool = True, imported: bool = False) -> None:
        """Record the answer from the microphone, or from an audio file standing in for it (`imported`: an
        answer recorded elsewhere, taken whole with progress and cancel).

        The attempt is created first (on the session lane), then recording starts."""
        if self.rehearsal is None or not self.can(Action.ANSWER):
            return
        self._starting, self._cancelled, self._stop_early = True, False, False   # read38b: no stop left from a failed start
        self._think_timer.stop()
        self.stop_speaking()
        rehearsal, session, ref = self.rehearsal, self.services.session, self._round
        bank, prompt = rehearsal.bank, rehearsal.current
        override = self.services.input_override
        kind = self._kind_starting = FILE if audio_file is not None else VOICE
        # a follow-up answer, or a drill: the points it counts for (stored with it); else the whole answer counts
        self.answering_follow_up, drill = rehearsal.answering()
        asked = list(self.answering_follow_up.questions) if self.answering_follow_up is not None else None
        others = list(self.answering_follow_up.others) if self.answering_follow_up is not None else None

        def begin() -> tuple[Pending, Any, LiveTranscriber, Recorder | RecorderError]:
            factory: Any = override
            if audio_file is not None and imported:
                factory = FileStream.for_import(audio_file)             # checks the file: not on the GUI thread
            elif audio_file is not None:
                factory = FileStream(audio_file, realtime=realtime)
            elif callable(factory) and not isinstance(factory, FileStream):
                factory = factory()
            return self._holding(factory, lambda: session.begin(bank, prompt, round_id=rehearsal.round_id,
                                                                round_pk=ref.pk, input=kind, drill=drill,
                                                                follow_up=asked, still_missed=others),
                                 bank, session, calls)

        def failed(exc: BaseException) -> None:
            self._starting = False
            self.error.emit(user_message(exc, "Starting the answer"))
            self._move(IDLE if self.state in (SPEAKING, THINKING, IDLE) else self.state)
        calls = self._recorder_calls()
        run_in_background(begin, lane="session", on_done=lambda r: self._record(*r), on_error=failed, owner=self,
                          on_dropped=_close_started(session))
        self.stateChanged.emit(str(self.state))

    def import_answer(self, path: Path) -> None:
        """An answer recorded elsewhere, read in as if spoken now: importProgress reports, cancel() stops it."""
        self.start_answer(Path(path), realtime=False, imported=True)

    def _recorder_calls(self) -> dict[str, Callable[..., None]]:
        """The recorder's callbacks, made on the GUI thread (the recorder is made on the session lane)."""
        return {"on_level": from_thread(self._levelFromThread), "on_stopped": from_thread(self._recordingStopped)}

    def _holding(self, factory: Any, begin: Callable[[], Pending], bank: Bank, session: PracticeSession,
                 calls: dict[str, Callable[..., None]]) -> tuple[Pending, Any, LiveTranscriber, Recorder | RecorderError]:
        """On the session lane: the answer's row (`begin`), its live transcriber and its recorder, opened (the
        stream open and started, slow on some sound servers, fixBW: the GUI thread never waits for it), or why it
        could not open. The microphone's claim on PortAudio (`factory` None) is taken first: a Settings
        refresh restarting PortAudio is waited for here, and none begins before the recording opens it (review37a,
        fixBO). On any failure the claim is given back; the row is dropped here, or by `_record` for a RecorderError."""
        hold = StreamHold() if factory is None else None
        try:
            pending = begin()
            live = self._live_for(pending, bank, session)
            settings = self.services.settings
            recorder = Recorder(pending.audio_path, settings.audio, pending.prompt.target_seconds,
                                stream_factory=factory, on_audio=live.feed, hold=hold, **calls)
        except BaseException:
            if hold is not None:
                hold.release()
            raise
        try:
            recorder.open()
        except RecorderError as exc:        # said as the answer's notice (_record), the row dropped there
            return pending, factory, live, exc
        except BaseException:
            if hold is not None:
                hold.release()
            session.abandon(pending)
            raise
        return pending, factory, live, recorder

    def _live_for(self, pending: Pending, bank: Bank, session: PracticeSession) -> LiveTranscriber:
        """The live transcriber of the answer `pending` begins, built on the session lane with the answer's row
        (fixAX: built on the GUI thread it took 7-72 ms: the model handle under the services' lock, the bank's
        terms). It starts no thread until `_record` starts it; if it cannot be built, the row is dropped."""
        settings = self.services.settings
        try:
            # its sentences embedded while it is spoken (perf45): not a continuation's, judged joined to its answer
            pre = pending.pre = PreEmbedder(settings.analysis) if pending.more_of is None else None
            return LiveTranscriber(self.services.transcriber(), settings.transcription,
                                   hotwords=bank.terms(pending.prompt, settings.transcription),
                                   on_caption=from_thread(self._captionFromThread),
                                   silence_rms=settings.audio.silence_rms,
                                   after_pass=memory.release_if_grown,     # a long answer's passes: app/memory.py
                                   on_words=pre.offer if pre is not None else None)
        except Exception:
            session.abandon(pending)
            raise

    def _record(self, pending: Pending, factory: Any, live: LiveTranscriber, recorder: Recorder | RecorderError
                ) -> None:
        """On the GUI thread: the opened recorder runs (or, cancelled meanwhile, is closed and its row dropped; a
        stop pressed while it opened ends it at once, what it heard kept)."""
        self._starting = False
        stop_early, self._stop_early = self._stop_early, False
        rehearsal = self.rehearsal
        back = FEEDBACK if pending.more_of is not None else IDLE     # a continuation: the answer it continues
        if rehearsal is None or self._cancelled:
            _abandon_unstarted(self.services.session, pending, recorder)
            self._gave_up_continuing()
            if rehearsal is not None:                   # Esc while it opened: said, as the other cancels (walk52 5)
                self.notice.emit(CANCELLED_KEPT_AS_IT_WAS if pending.more_of is not None else CANCELLED_NOTHING_SAVED,
                                 ANSWER)
            self._move(back)
            return
        self.pending = pending
        self._import_seconds = (factory.duration_s or None) if isinstance(factory, FileStream) and factory.imported \
            else None
        self._import_name = factory.path.name if self._import_seconds is not None and factory.path else ""
        if self._import_seconds is not None:
            self._import_done.clear()
        self.live = live
        if isinstance(recorder, RecorderError):
            self.recorder = self.live = self.pending = None
            self._import_seconds = None
            self._import_done.set()
            self._discard(pending)
            self.notice.emit(f"{recorder}", ANSWER)
            self._gave_up_continuing()
            self._move(back)
            return
        self.recorder = recorder
        recorder.run()
        self.live.start()
        self._elapsed_timer.start()
        if self._import_seconds is not None:
            self.importProgress.emit(0.0)
        self._move(RECORDING)
        if self.recorder.stood_in_for:          # after the move: its notice is this answer's (PracticePage._on_state)
            self.notice.emit(stood_in_text(self.recorder.stood_in_for, self.recorder.device_name), ANSWER)
        if stop_early:
            self.stop_answer()

    def continue_answer(self) -> None:
        """Record more of the answer the silence stop just ended (C, "Continue this answer"): what is said now is
        appended to it, one attempt judged again as a whole (walk24: the rest of a story told after a thinking pause
        could only start over)."""
        if self.rehearsal is None or self.continuable is None or not self.can(Action.CONTINUE):
            return
        self.continuing, self.continuable = self.continuable, None
        attempt, self.answering_follow_up = self.continuing
        self._starting, self._cancelled, self._kind_starting, self._stop_early = True, False, VOICE, False
        self.stop_speaking()
        session, override = self.services.session, self.services.input_override
        bank = self.rehearsal.bank
        last = self.last_analysis
        self.spoken_before = (last.transcript.text, last.transcript.duration) if last is not None else ("", 0.0)

        def begin() -> tuple[Pending, Any, LiveTranscriber, Recorder | RecorderError]:
            factory: Any = override() if callable(override) and not isinstance(override, FileStream) else override
            return self._holding(factory, lambda: session.begin_more(attempt), bank, session, calls)

        def failed(exc: BaseException) -> None:
            self._starting = False
            if isinstance(exc, AnswerGone):      # deleted meanwhile (History, another window): C is not offered again
                self.continuing, self.answering_follow_up = None, None
            self._gave_up_continuing()
            self.error.emit(user_message(exc, "Continuing the answer"))
            self._move(FEEDBACK)
        calls = self._recorder_calls()
        run_in_background(begin, lane="session", on_done=lambda r: self._record(*r), on_error=failed, owner=self,
                          on_dropped=_close_started(session))
        self.stateChanged.emit(str(self.state))

    def _gave_up_continuing(self) -> None:
        """A continuation that did not happen (not heard, cancelled, failed): the answer stays as stored, and can
        still be continued."""
        if self.continuing is not None:
            self.continuable, self.continuing = self.continuing, None
            self.answering_follow_up = None
        self.spoken_before = ("", 0.0)

    def _discard(self, pending: Pending) -> None:
        session = self.services.session
        run_in_background(lambda: session.abandon(pending), lane="session",
                          on_error=lambda e: log.warning("could not discard attempt %s: %s", pending.attempt_id, e))

    def stop_answer(self) -> None:
        """Space: stop the answer. Said mid-word, the recorder first records the word's end (`stopping`, at most
        AudioSettings.release_tail_s); pressed again then, it stops at once. Pressed while the microphone opens,
        the answer stops as soon as it is open (fixBW)."""
        if self._starting:
            self._stop_early = True
        elif self.recorder is not None and self.state is RECORDING:
            self.recorder.stop("manual")

    @property
    def stopping(self) -> bool:
        """Stop was pressed while the candidate was still speaking: the recording ends after their last word."""
        return self.recorder is not None and self.state is RECORDING and self.recorder.stopping

    @property
    def recording_voice(self) -> bool:
        """An answer is being spoken into the microphone (not an imported file being read in)."""
        return self.recorder is not None and self.state is RECORDING and self._import_seconds is None

    @property
    def recording_from_microphone(self) -> bool:
        """The answer starting or recorded comes from a microphone (or its test stand-in), not a file."""
        return self._kind_starting != FILE

    @property
    def starting(self) -> bool:
        """An answer's recording is starting (its row being made on the session lane, the microphone opening)."""
        return self._starting

    def wait_until_started(self) -> None:
        """Wait (the GUI still answering) while an answer starts, so quitting sees it recording and asks about it,
        and stops it as a quit (C then Ctrl+Q at once: the part's recording started under a closed window); at most
        settings.QUIT_WAITS_FOR_START_S."""
        end = time.monotonic() + QUIT_WAITS_FOR_START_S
        while self._starting and time.monotonic() < end:
            loop = QEventLoop()
            QTimer.singleShot(20, loop.quit)
            loop.exec()

    def stop_for_quit(self) -> None:
        """The app is closing: stop the answer being recorded and wait until its stream is closed, before
        PortAudio is shut down at exit ("recording failed ... PortAudio not initialized" otherwise). The audio on
        disk is finished at the next start, as after a crash. Waits at most settings.QUIT_WAITS_FOR_RECORDER_S.
        An import is cancelled instead (the file is still there): waits at most settings.QUIT_WAITS_FOR_IMPORT_S."""
        if self.importing:                      # the file is still there: the import is dropped, not half kept
            self.cancel()
            self._wait_import_dropped(QUIT_WAITS_FOR_IMPORT_S)
            return
        recorder = self.recorder
        if recorder is None:
            return
        recorder.stop("quit")                   # cut off: marked so however far its save gets
        if recorder.wait(QUIT_WAITS_FOR_RECORDER_S) is None:
            log.warning("the recorder did not stop within %.0f s of closing", QUIT_WAITS_FOR_RECORDER_S)

    @property
    def importing(self) -> bool:
        """An imported file is being read in or transcribed (until its feedback or its cancel)."""
        return self._import_seconds is not None and not self._import_done.is_set()

    @property
    def import_file(self) -> tuple[str, float]:
        """The file being imported: its name and length in seconds ("", 0 when none)."""
        return (self._import_name, self._import_seconds or 0.0) if self._import_seconds is not None else ("", 0.0)

    @property
    def cancelling(self) -> bool:
        """Cancel was pressed and the answer is being dropped."""
        return self._cancelled

    def _wait_import_dropped(self, seconds: float) -> None:
        """Wait (the GUI still answering) until a cancelled import's attempt and audio are dropped."""
        end = time.monotonic() + seconds
        while not self._import_done.is_set() and time.monotonic() < end:
            loop = QEventLoop()
            QTimer.singleShot(20, loop.quit)
            loop.exec()
        if not self._import_done.is_set():
            log.warning("the cancelled import was not dropped within %.0f s of closing", seconds)

    @Slot()
    def cancel(self) -> None:
        """Cancel an answer being read in or recorded: nothing is stored."""
        self._cancelled = True
        for live in (self.live, self._transcribing):
            if live is not None:
                live.cancel()                   # a long import stops transcribing at its next decode
        if self.recorder is not None and self.state is RECORDING:
            self.recorder.stop("cancelled")

    def _tick(self) -> None:
        if self.recorder is not None and self.rehearsal is not None:
            seconds = self.recorder.seconds + self.spoken_before[1]
            # a follow-up's answer is held to no time (its feedback says so): 0, no target (walk53 3)
            target = 0.0 if self.answering_follow_up is not None else float(self.rehearsal.current.target_seconds)
            self.elapsed.emit(seconds, target)
            audio = self.services.settings.audio
            left = None if self._import_seconds is not None else silence_countdown(
                self.recorder.trailing_silence, self.recorder.heard_speech, audio.silence_stop_s, audio.silence_warn_s)
            self._say_countdown(left or 0)
            if self._import_seconds and self.live is not None:
                # words final so far: an import is read in at once and transcribed as fast as the model can
                self.importProgress.emit(min(0.95, self.live.done_seconds / self._import_seconds))

    def _say_countdown(self, left: int) -> None:
        if left != self._countdown:
            self._countdown = left
            self.countdown.emit(left)

    def _on_recording_stopped(self, result: RecordingResult) -> None:
        self._elapsed_timer.stop()
        self._say_countdown(0)
        self.stop_reason = result.reason
        audio = self.services.settings.audio
        if result.reason == "silence" and audio.stop_cue:        # heard by a candidate looking away (walk24)
            volume = audio.stop_cue_volume
            run_in_background(lambda: cue.play_stop_cue(volume), on_error=lambda e: log.info("stop cue: %s", e))
        live, pending = self.live, self.pending
        self.recorder = self.live = self.pending = None
        if live is None or pending is None:
            self._import_done.set()
            return
        self._stopped = result
        self._move(PROCESSING)
        if result.error:
            self.notice.emit(result.error, ANSWER)
        session = self.services.session
        meta = {"reason": result.reason, "device": result.device}

        importing = self._import_seconds is not None
        self._transcribing = live
        self._transcribed.clear()
        if not importing:
            self._finish_timer.start()          # an import says its own progress (importProgress)
        if self._cancelled:                     # cancelled while the file was still being read in
            live.cancel()

        def transcribe() -> Any:
            try:
                transcript = live.finish(progress=from_thread(self.importProgress) if importing else None)
            except Exception:
                if self._cancelled:          # whatever went wrong, the candidate no longer wants this answer
                    raise Cancelled() from None
                raise
            if self._cancelled:
                raise Cancelled()
            self._transcribed.set()
            return transcript

        def work() -> Saved:
            try:
                return session.finish(pending, transcribe, {**meta})
            except Cancelled:
                session.abandon(pending)
                raise
            finally:
                if importing:
                    self._import_done.set()     # stored or dropped: quitting need not wait any longer
        run_in_background(work, lane="session", on_done=self._analysed, on_error=self._failed, owner=self)

    def typing(self, text: str) -> None:
        """The Type answer editor's text as it changes (GUI thread; returns at once): its sentences are embedded for
        the judge off this thread, at the lowest priority (app.preembed.TypedPreEmbedder)."""
        if self._typed_pre is None:
            self._typed_pre = TypedPreEmbedder(self.services.settings.analysis)
        self._typed_pre.offer_text(text)

    def pause_thinking(self) -> None:
        """The Type answer dialog opens: the think countdown waits for it (read47a: it ran on behind the dialog and
        started the recording, and the answer typed was then refused). `resume_thinking` when it closes unsent."""
        self._typing_open = True
        self._think_timer.stop()

    def resume_thinking(self) -> None:
        """The Type answer dialog closed without an answer taken: the think countdown goes on from where it was."""
        self._typing_open = False
        if self.state is THINKING and self._think_left > 0 and not self._starting and not self._think_timer.isActive():
            self.thinkTick.emit(self._think_left)
            self._think_timer.start()

    def drop_typing(self) -> None:
        """The typed answer was closed unsent: its pre-embedding stops and its vectors are forgotten; the think
        countdown goes on."""
        pre, self._typed_pre = self._typed_pre, None
        if pre is not None:
            pre.discard()
        self.resume_thinking()

    def answer_text(self, text: str) -> bool:
        """A typed answer (no microphone): judged the same way, without timing. Whether it was taken: not when there
        is no text, or no answer can be given now (recording, judging); the think countdown then goes on."""
        pre, self._typed_pre = self._typed_pre, None
        if self.rehearsal is None or not text.strip() or not self.can(Action.TYPE):
            if pre is not None:
                pre.discard()
            self.resume_thinking()
            return False
        self._typing_open = False
        self._think_timer.stop()
        self.stop_speaking()
        rehearsal, session, ref = self.rehearsal, self.services.session, self._round
        bank, prompt = rehearsal.bank, rehearsal.current
        self.answering_follow_up, drill = rehearsal.answering()        # before the move: the page shows which
        self._stopped = None
        asked = list(self.answering_follow_up.questions) if self.answering_follow_up is not None else None
        others = list(self.answering_follow_up.others) if self.answering_follow_up is not None else None
        self._move(PROCESSING)
        run_in_background(lambda: session.save_typed(bank, prompt, text, rehearsal.round_id, ref.pk, drill, asked,
                                                     others, pre=pre),
                          lane="session", on_done=self._analysed, on_error=self._failed, owner=self)
        return True

    def _finish_tick(self) -> None:
        live = self._transcribing
        if live is None or self.state is not PROCESSING:
            self._finish_timer.stop()
            return
        total = live.heard_seconds + self.spoken_before[1]
        left = 0.0 if self._transcribed.is_set() else max(0.0, live.heard_seconds - live.done_seconds)
        self.transcribingLeft.emit(left, total)

    def _analysed(self, saved: Saved) -> None:
        self._finish_timer.stop()
        self._transcribing = None
        if self._import_seconds is not None:
            self.importProgress.emit(1.0)
            self._import_seconds = None
        assert self.rehearsal is not None
        follow_up, self.answering_follow_up = self.answering_follow_up, None
        self.last_follow_up = follow_up
        continued, self.continuing, self.spoken_before = self.continuing is not None, None, ("", 0.0)
        self.rehearsal.record(saved.analysis, follow_up, cut_off=saved.detail is not None,   # as History counts it
                              continued=continued)
        stopped = self._stopped
        if stopped is not None and stopped.reason in CONTINUABLE_STOPS and saved.attempt_id is not None \
                and saved.problem is None:
            self.continuable = (saved.attempt_id, follow_up)       # C goes on with it (before the move: the page
            #                                                        says so in the feedback's state line)
        if self._round.finished:
            # the last question brought back by Undo skip from the summary, answered: the stored round no longer
            # counts it as skipped, should the candidate leave before moving on (review 17: counted twice)
            self._store_summary()
        self.last_audio_path = str(saved.audio_path) if saved.audio_path else None
        self.last_analysis = saved.analysis
        self.last_problem = saved.problem       # why it could not be saved (the warning that follows says it)
        self._move(FEEDBACK)
        self.analysisReady.emit(saved.analysis, saved.attempt_id if saved.attempt_id is not None else -1)
        self._stopped = None
        said = saved.analysis.transcript
        # "Not finished? Press C" only for an answer cut mid-sentence (walk64 6: not over a short finished one)
        if stopped is not None and stopped.reason == "silence" and self.continuable is not None and \
                may_still_be_thinking(saved.analysis, self.rehearsal.counted_for(saved.analysis.prompt.id, follow_up)) \
                and may_be_mid_thought(said.text):
            self.silenceStopped.emit(stopped.seconds, self.services.settings.audio.silence_stop_s)
        elif stopped is not None and stopped.reason in DEVICE_STOPS and saved.attempt_id is not None and continued:
            self.notice.emit(f"{stopped.error or 'The microphone stopped.'} What you said until then is added to your "
                             "answer, scored again below; the answer counts as before. R answers again.", ANSWER)
        elif stopped is not None and stopped.reason in DEVICE_STOPS and saved.attempt_id is not None:
            self.notice.emit(f"{stopped.error or 'The microphone stopped.'} This answer is scored below and kept in "
                             f"History marked “cut off”: it does not count in your averages, Progress or weak points. "
                             "R answers again.", ANSWER)
        if saved.problem:
            self.error.emit(saved.problem)
        self.historyChanged.emit()
        # once, after an answer to the question; after a follow-up answer, the next follow-up not asked yet, if its
        # point is still missed (walk46 3: one at a time, as an interviewer asks; F asks the next too)
        if self.services.settings.speech.speak_follow_ups and (follow_up is None or self.rehearsal.more_to_ask()):
            self.ask_follow_ups()

    def _failed(self, exc: BaseException) -> None:
        self.answering_follow_up = None       # the turn stays open (Rehearsal.follow_up): Space answers it again
        self._finish_timer.stop()
        self._transcribing = None
        self._import_done.set()
        if self._import_seconds is not None:
            self.importProgress.emit(1.0)
            self._import_seconds = None
        if self.continuing is not None:       # the answer it continued stays as stored, its feedback shown
            self._gave_up_continuing()
            if not isinstance(exc, Cancelled | NoAnswerHeard):
                # the part is kept (its continuations row): the next start joins it, so C does not add another now
                self.continuable = None
            self.notice.emit(CANCELLED_KEPT_AS_IT_WAS if isinstance(exc, Cancelled) else
                             str(exc) if isinstance(exc, NoAnswerHeard) else
                             f"Could not add to the answer: {user_message(exc, 'Continuing the answer')} What you "
                             "added is kept: the next start adds it to this answer.", ANSWER)
            self._move(FEEDBACK)
            return
        if isinstance(exc, Cancelled):
            self.notice.emit(CANCELLED_NOTHING_SAVED, ANSWER)
        elif isinstance(exc, NoAnswerHeard):
            self.notice.emit(str(exc), ANSWER)
        else:
            self.error.emit(f"Could not process the answer: {user_message(exc, 'Processing the answer')} "
                            "The recording is kept and will be recovered at the next start.")
        self._move(IDLE)

    # -- after the answer -------------------------------------------------------------------------
    def save_note(self, attempt_id: int, note: str, rating: int, on_saved: Callable[[], object] | None = None) -> None:
        if attempt_id < 0:
            return
        service = self.services.history

        def saved(_: object) -> None:
            self.historyChanged.emit()
            if on_saved is not None:
                on_saved()
        query(lambda: service.set_note(attempt_id, note, rating or None), on_done=saved,   # saved whatever happens;
              on_error=lambda e: self.error.emit(user_message(e, "Saving the note")), owner=self)   # a closed window
        # is not told (CI: "Signal source has been deleted" when the window closed as a note was saved)

    def retry(self) -> None:
        if self.rehearsal and self.can(Action.RETRY):
            self.continuable = None
            self.rehearsal.follow_up = None          # a whole new answer, not one to the follow-ups
            self._present(speak=False)

    def next(self) -> None:
        if self.rehearsal is None or not self.can(Action.NEXT):
            return
        self._think_timer.stop()
        if self.state is SPEAKING:
            self.stop_speaking()                 # the question being read out is skipped
        left = self.rehearsal.current
        self.skip_undoable, self.continuable = False, None
        if self.rehearsal.next() is None:
            self.finish_round()             # the last question skipped: its summary, with the undo over it
        else:
            self._present()
        if left.id not in self.rehearsal.results:    # moved on unanswered: a skip, which undo_skip() takes back
            self.skip_undoable = True
            self.skipped.emit(left)

    def undo_skip(self) -> None:
        """Back to the question just skipped (Ctrl+Z, "Undo skip"), while the one after it is not yet answered, or,
        the last question skipped, from the round's summary (walkthrough 13: N there ended the round for good); the
        round is finished again, stored anew, when the candidate moves on from it or answers that question. From the
        summary the stored round is reopened: left there unanswered (another round, the app closed) it is a round
        left before its end, not one finished with a skip the candidate took back (review of session 17)."""
        if self.rehearsal is None or not self.skip_undoable or self._starting \
                or self.state not in (IDLE, SPEAKING, THINKING, FINISHED):
            return
        self.skip_undoable = False
        self._think_timer.stop()
        self.stop_speaking()
        if self.state is FINISHED:
            self._reopen_round()
            self._present()
        elif self.rehearsal.back() is not None:
            self._present()

    @property
    def round_pk(self) -> int | None:
        """The stored round being rehearsed (None: not a whole round, or not stored yet)."""
        return self._round.pk

    def finish_round(self) -> None:
        assert self.rehearsal is not None
        summary = self._store_summary()
        self._round.finished = True
        self._move(FINISHED)
        self.roundFinished.emit(summary)

    def _on_stored_round(self, change: Callable[[PracticeSession, int], None], failed: str) -> None:
        """`change(session, round pk)` on the session lane, after what was queued there before (the round's start,
        its answers, its summary); nothing for a round not stored."""
        session, ref = self.services.session, self._round

        def work() -> None:
            if ref.pk is not None:
                change(session, ref.pk)
        run_in_background(work, lane="session", on_error=lambda e: log.warning("%s: %s", failed, e))

    def _reopen_round(self) -> None:
        """The stored round is not finished any more (after its summary was stored)."""
        self._on_stored_round(lambda session, pk: session.reopen_round(pk), "round not reopened")

    def _store_summary(self) -> RoundSummary:
        """The round's summary as it stands, stored with the round (on the session lane)."""
        assert self.rehearsal is not None
        summary = self.rehearsal.summary()
        # what its answers alone scored, when follow-ups changed it: Welcome back says both (app.scored, walk18)
        stored = {**summary.to_dict(), "before_follow_ups": before_follow_ups(self.rehearsal, summary)}
        self._on_stored_round(lambda session, pk: session.finish_round(pk, stored),
                              "round summary not stored")
        return summary

    def ask_follow_ups(self) -> None:
        """The interviewer asks the follow-ups still open (aloud when a voice works; on screen always): the next
        answer (Space, Ctrl+T, Import) answers them; Retry and Next leave them."""
        r = self.rehearsal
        if r is None or self.state is not FEEDBACK:
            return
        turn = r.ask_follow_ups()
        if turn is None:
            return
        self.followUpAsked.emit(turn)
        self.speak(" ".join(turn.questions), then=lambda: self._move(FEEDBACK))


def _close_started(session: PracticeSession) -> Callable[[tuple[Pending, Any, LiveTranscriber, Recorder | RecorderError]],
                                                         None]:
    """For an answer's start whose window closed before it was opened (`run_in_background`'s on_dropped): the
    stream closed, the claim on PortAudio given back (fixBO: rescans were refused for the rest of the process),
    the row and its audio dropped."""
    def close(started: tuple[Pending, Any, LiveTranscriber, Recorder | RecorderError]) -> None:
        pending, _factory, _live, recorder = started
        _abandon_unstarted(session, pending, recorder)
    return close


def _abandon_unstarted(session: PracticeSession, pending: Pending, recorder: Recorder | RecorderError) -> None:
    """On the session lane, in order: an opened stream never run closed and its claim given back (a device's close
    can take as long as its open: not on the GUI thread, read38b), then the answer's row and audio dropped."""
    def drop() -> None:
        if isinstance(recorder, Recorder):
            recorder.close_unstarted()
        session.abandon(pending)
    run_in_background(drop, lane="session",
                      on_error=lambda e: log.warning("could not discard attempt %s: %s", pending.attempt_id, e))
