"""The one way an answer gets into the history: begin -> transcript -> judge -> keep audio (FLAC) -> store ->
retention, and crash recovery of whatever a crash interrupted. The GUI, the CLI and recovery all call this.

Crash-safe order for every file step: the row exists before the audio does; a new file is written beside the old,
fsynced and renamed into place; the database is pointed at it; only then is the old file deleted. A kill at any
instant leaves either a finished attempt or an unfinished one whose audio the next start recovers.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import soundfile as sf

from voiceprep.app import files, memory
from voiceprep.app.access import HistoryAccess
from voiceprep.app.checkpoints import checkpoint
from voiceprep.app.errors import NoAnswerHeard
from voiceprep.app.judging import attempt_record, feedback_document, run_judge, whole
from voiceprep.app.listening import require_answer
from voiceprep.app.preembed import PreEmbedder
from voiceprep.core.analysis.analyze import AnswerAnalysis
from voiceprep.core.banks.model import Bank, Prompt, Round
from voiceprep.core.history import AnswerBeingContinued, HistoryError, HistoryUnavailable
from voiceprep.core.history.queries import STILL_MISSED
from voiceprep.core.history.queries import still_missed as stored_missed
from voiceprep.core.history.store import (
    DONE,
    FAILED,
    FILE,
    RECORDING,
    TRANSCRIBING,
    TYPED,
    VOICE,
    History,
    Row,
    dumps,
    now,
    owner_alive,
    remove_audio,
)
from voiceprep.core.transcript import Transcript
from voiceprep.core.wording import score_text
from voiceprep.settings import Settings

log = logging.getLogger(__name__)
AUDIO_NAME = re.compile(r"^\d{8}-\d{6}-[0-9a-f]{8}\.")   # History.new_audio_path's names
BLOCK = 16000 * 10


@dataclass
class Pending:
    """An answer being recorded: its row exists, its audio is being written to `audio_path`."""

    attempt_id: int
    audio_path: Path
    bank: Bank
    prompt: Prompt
    input: str = VOICE
    follow_up: bool = False     # it answers the interviewer's follow-ups (judged as one: no time target, no STAR)
    # continuing a stored answer the silence stop ended (walk24): that answer's kept audio, to which this recording
    # is appended; the attempt stays one (one transcript, one judgement, one row)
    more_of: Path | None = None
    continuation: int | None = None     # its row in `continuations` (History.begin_continuation): kept until joined
    drill: list[str] | None = None      # the points a drill asked it to cover (by label)
    # a follow-up answer: the question's other points still missed when it was asked (it counts for those it covers)
    still_missed: list[str] | None = None
    # its sentences embedded while it is spoken (app/preembed.py): stopped before it is judged, discarded with it
    pre: PreEmbedder | None = field(default=None, compare=False, repr=False)


@dataclass
class Saved:
    """A judged answer; `problem` says why it could not be stored (the feedback is still worth showing)."""

    attempt_id: int | None
    analysis: AnswerAnalysis
    document: Row
    audio_path: Path | None = None
    removed: list[int] = field(default_factory=list)     # older attempts dropped by the retention setting
    problem: str | None = None
    # stored with a remark (attempts.state_detail, e.g. CUT_OFF_BY_DEVICE): it counts in nothing History computes
    # (core.history.queries.COMPLETE), nor in its sitting's summary (Rehearsal.record's `cut_off`)
    detail: str | None = None


# a recovered spoken answer ended when the app did, not when the candidate stopped: said in History and its feedback
CUT_OFF = "cut off: recovered after the app closed"
# a spoken answer the microphone ended (unplugged, a sound device error), not the candidate: marked and counted as a
# recovered one is (walkthrough 11: a 10 s stub was stored as a normal drill, "1/4 drilled", and counted)
CUT_OFF_BY_DEVICE = "cut off: the microphone stopped sending sound"
CUT_OFF_BY_ERROR = "cut off: the recording stopped on an error"     # a disk, device or decoding error (review 14:
#                                                                     it was said to be the microphone)
DEVICE_STOPS = {"device_lost": CUT_OFF_BY_DEVICE, "error": CUT_OFF_BY_ERROR}   # speech.recorder's stop reasons that
#                                                                               are not the candidate's, as marked
# ... and the app's own stop when it closes mid-answer (gui controller's stop_for_quit): cut off too. Saved in full
# before the exit, it says so; its save interrupted by the exit, recovery marks it CUT_OFF (session 16: recovery
# leaves an answer stopped before the crash unmarked; fix17: a quit one saved normally read "recovered")
CUT_OFF_BY_QUIT = "cut off: you closed the app while answering"
CUT_OFF_STOPS = {**DEVICE_STOPS, "quit": CUT_OFF_BY_QUIT}
# a continuation in which nothing was said: the answer it continued is left as it was stored
# a part added with C whose join failed in the app and again at the next start: stored as an answer of its own to the
# same question, with this remark (so it counts in nothing, like a cut-off answer), rather than kept unseen (fixE2)
PART_KEPT = ("added with Continue to the answer before it, but it could not be joined to it, so it is kept here as an "
             "answer of its own")
NOTHING_MORE = ("Nothing more was heard, so your answer stays as it was (its feedback is below). Continue again to "
                "add to it, or answer again to start over.")


def _still_missed(follow_up: object, labels: list[str] | None) -> Row:
    """What a follow-up answer (`follow_up` not None) keeps in its settings of the question's other points still
    missed when it was asked ({} for none, or for any other answer): it counts for those it covers (fixCU)."""
    return {STILL_MISSED: list(labels)} if follow_up is not None and labels else {}


def _kept_missed(row: Row) -> Row:
    """An interrupted attempt's raw row: the still-missed points stored when it began (`_still_missed`), kept when it
    is recovered (read as everything reads them: queries.still_missed)."""
    labels = stored_missed(row)
    return {STILL_MISSED: labels} if labels else {}


def _asked(row: Row) -> str:
    """The question an interrupted attempt answered, as the recovery message names it."""
    text = " ".join(str(row.get("prompt_text") or row.get("prompt_id") or "a question").split())
    return "“" + (text if len(text) <= 80 else text[:79] + "…") + "”"


@dataclass
class Recovered:
    attempt_id: int
    outcome: str    # "finished", "failed", "discarded" (no speech) or "waiting" (a passing problem: next start)
    detail: str


def encode_flac(source: Path, target: Path, written: str = "flac.written") -> Path:
    """`source` (any readable audio) as 16-bit FLAC at `target`, all-or-nothing, in blocks (bounded memory)."""
    def write(f: Any) -> None:
        try:
            info = sf.info(str(source))
        except (sf.LibsndfileError, RuntimeError):
            from voiceprep.speech.audio import load_audio

            with sf.SoundFile(f, mode="w", samplerate=16000, channels=1, format="FLAC", subtype="PCM_16") as out:
                out.write(load_audio(source))
        else:
            with sf.SoundFile(f, mode="w", samplerate=info.samplerate, channels=info.channels, format="FLAC",
                              subtype="PCM_16") as out:
                for block in sf.blocks(str(source), blocksize=BLOCK, dtype="int16", always_2d=True):
                    out.write(block)
        checkpoint(written)
    return files.write_with(target, write)


def join_audio(parts: list[Path | tuple[Path, float, float]], target: Path) -> Path:
    """`parts` one after the other as one 16 kHz mono 16-bit WAV at `target`, all-or-nothing, in blocks; a part
    given as (path, start_s, end_s) keeps only those seconds."""
    def write(f: Any) -> None:
        with sf.SoundFile(f, mode="w", samplerate=16000, channels=1, format="WAV", subtype="PCM_16") as out:
            for part in parts:
                path, start_s, end_s = part if isinstance(part, tuple) else (part, 0.0, float("inf"))
                info = sf.info(str(path))
                if info.samplerate == 16000 and info.channels == 1:
                    first = int(round(start_s * 16000))
                    stop = None if end_s == float("inf") else int(round(end_s * 16000))
                    for block in sf.blocks(str(path), blocksize=BLOCK, dtype="int16", always_2d=True,
                                           start=first, stop=stop):
                        out.write(block)
                else:
                    from voiceprep.speech.audio import load_audio

                    samples = load_audio(path)
                    out.write(samples[int(round(start_s * 16000)):None if end_s == float("inf")
                                      else int(round(end_s * 16000))])
    return files.write_with(target, write)


def join_span(first: Transcript, first_s: float, more: Transcript, gap_s: float) -> tuple[float, float]:
    """Where to cut an answer and its continuation so the join leaves `gap_s` between the last word before and
    the first word after (the silence stop's trailing silence and the continuation's leading silence go): the
    seconds of the first part kept, and the seconds skipped at the start of the continuation."""
    before, after = first.words(), more.words()
    keep = min(first_s, before[-1].end + gap_s / 2) if before else first_s
    skip = max(0.0, after[0].start - gap_s / 2) if after else 0.0
    return keep, skip


class PracticeSession:
    def __init__(self, access: HistoryAccess, settings: Settings | None = None):
        self.access = access
        self.settings = settings or Settings()

    def history(self) -> History:
        return self.access.history()

    # -- rounds -------------------------------------------------------------------------------
    def start_round(self, bank: Bank, rnd: Round) -> int:
        return self.history().start_round(bank, rnd)

    def finish_round(self, round_pk: int, summary: Row) -> None:
        self.history().finish_round(round_pk, summary)

    def reopen_round(self, round_pk: int) -> None:
        """Undo skip from the round's summary: the round is not finished until it is again (History.reopen_round)."""
        self.history().reopen_round(round_pk)

    # -- a recorded answer (microphone or an imported file played in) -------------------------
    def begin(self, bank: Bank, prompt: Prompt, round_id: str | None = None, round_pk: int | None = None,
              input: str = VOICE, drill: list[str] | None = None, follow_up: list[str] | None = None,
              still_missed: list[str] | None = None) -> Pending:
        """Create the attempt before any audio exists; record into `Pending.audio_path`. `drill`: the key points a
        drill notice asked to cover (stored with the row, so an answer recovered after a crash is still a drill);
        `follow_up`: the follow-up questions it answers (a follow-up answer: `drill` is the points they ask about,
        `still_missed` the question's other points still missed, which it counts for too when it covers them:
        core.rehearsal.FollowUpTurn.others, stored in its settings as queries.STILL_MISSED)."""
        self.access.verify()
        h = self.history()
        audio = h.new_audio_path(".wav")
        checkpoint("begin.before")
        missed = _still_missed(follow_up, still_missed)
        attempt = h.begin_attempt(bank, prompt, round_id=round_id, round_pk=round_pk, audio_path=audio, input=input,
                                  drill=drill, follow_up=follow_up, settings=missed)
        checkpoint("begin.after")
        return Pending(attempt, audio, bank, prompt, input, follow_up=follow_up is not None, drill=drill,
                       still_missed=still_missed if missed else None)

    def begin_more(self, attempt_id: int) -> Pending:
        """Record more of a stored spoken answer (the silence stop ended it mid-thought): the same attempt, judged
        against the bank as it was answered; the new audio goes to a file of its own until `finish` joins it. The
        part is recorded in `continuations` before its audio exists, so after a quit or a crash the next start joins
        it to the answer (`recover`)."""
        from voiceprep.core.history import queries

        self.access.verify()
        h = self.history()
        audio = h.new_audio_path(".wav")
        with h.write():     # the part's row and the answer it continues, in one transaction: no delete between them
            # AnswerGone when the answer was deleted meanwhile, here or in another window (fixAD)
            continuation = h.begin_continuation(attempt_id, audio)
            row = queries.get_attempt(h, attempt_id)
            if row["state"] != DONE or not row.get("audio_path") or not row.get("transcript_data"):
                raise HistoryError(f"answer {attempt_id} is not a finished recording, so it cannot be continued")
            bank = h.bank_snapshot(row["bank_hash"])
        checkpoint("more.begun")
        return Pending(attempt_id, audio, bank, bank.prompt(row["prompt_id"]), row.get("input") or VOICE,
                       follow_up=queries.is_follow_up(row), more_of=Path(row["audio_path"]),
                       continuation=continuation)

    def abandon(self, pending: Pending) -> None:
        """Drop an attempt that never became an answer (recording failed to start, cancelled, nothing said); a
        continuation drops only its own part (the answer it continued stays as stored)."""
        if pending.pre is not None:
            pending.pre.discard()
        if pending.more_of is not None:
            self._drop_part(pending.continuation, pending.audio_path)
            return
        self.history().delete_attempt(pending.attempt_id)
        remove_audio(pending.audio_path)

    def _drop_part(self, continuation: int | None, audio: Path) -> None:
        """The row first, then the audio: a crash in between leaves a file the next sweep removes."""
        if continuation is not None:
            self.history().end_continuation(continuation)
        remove_audio(audio)

    def finish(self, pending: Pending, transcribe: Callable[[], Transcript], meta: Row | None = None) -> Saved:
        """The recording has stopped: transcribe, check something was said, judge, keep the audio, store.

        Raises NoAnswerHeard (the attempt and its audio are removed) when nothing was said; a continuation
        (`pending.more_of`) is joined to the answer it continues, which stays as it was when nothing more was said."""
        if pending.more_of is not None:
            return self._finish_more(pending, transcribe, meta or {})
        h = self.history()
        checkpoint("stop.before-transcribing-state")
        # the recording is whole from here on (a crash now recovers it unmarked), unless the device or the app's
        # closing ended it
        detail = CUT_OFF_STOPS.get((meta or {}).get("reason") or "")
        problem = self._try(lambda: h.set_state(pending.attempt_id, TRANSCRIBING, detail))
        checkpoint("stop.transcribing")
        try:
            transcript = transcribe()
            require_answer(transcript, pending.audio_path, self.settings.audio.silence_rms,
                           self.settings.history.min_answer_speech_s, stopped=(meta or {}).get("reason", ""))
        except NoAnswerHeard:
            self._try(lambda: self.abandon(pending))
            raise
        finally:
            if pending.pre is not None:
                pending.pre.stop()          # nothing more started (its thread ends, even if transcribing failed);
                #                             the judge embeds what is still missing
        analysis = run_judge(pending.bank, pending.prompt, transcript, self.settings.analysis, pending.follow_up,
                             pending.drill)
        if pending.pre is not None:
            pending.pre.settle(transcript.words())      # its unused vectors forgotten, on its own thread
        checkpoint("judge.done")
        try:
            if problem:
                return self._unsaved(pending.attempt_id, analysis, pending.input, problem, kept=True)
            return self._store(pending.attempt_id, analysis, pending.input,
                               {**(meta or {}), **_still_missed(True, pending.still_missed)}, pending.audio_path,
                               detail=detail)
        finally:
            memory.release()        # the recording's buffers and the decoder's scratch go back to the system

    def _finish_more(self, pending: Pending, transcribe: Callable[[], Transcript], meta: Row) -> Saved:
        """The stored answer with this recording appended: one audio file, one transcript (the new words' timings
        shifted by the first part's length), judged again as one answer and stored in the same row. A part that
        could not be added (its transcription, join or store failed) is left for the next start to join, as the
        notice says: no longer being added, so History's Delete is not refused for it meanwhile (review33 5); still
        this process's, so another window starting meanwhile does not join it (refactor34)."""
        try:
            saved = self._join_more(pending, transcribe, meta)
        except NoAnswerHeard:
            raise
        except Exception:
            self._leave_part(pending.continuation)
            raise
        if saved.problem is not None:
            self._leave_part(pending.continuation)
        return saved

    def _leave_part(self, continuation: int | None) -> None:
        if continuation is None:
            return
        try:
            self.history().leave_continuation(continuation)
        except HistoryError as exc:         # a busy history: it stays this run's (Delete refuses it) until restart
            log.warning("leaving a part for the next start: %s", exc)

    def _join_more(self, pending: Pending, transcribe: Callable[[], Transcript], meta: Row) -> Saved:
        from voiceprep.core.history import queries

        assert pending.more_of is not None
        h = self.history()
        cid = pending.continuation
        # the part is whole from here on (a crash now joins it unmarked), unless the app's closing ended it
        quit_mark = CUT_OFF_BY_QUIT if meta.get("reason") == "quit" else None
        if cid is not None:
            self._try(lambda: h.set_continuation_state(cid, TRANSCRIBING, quit_mark))
        checkpoint("more.transcribing")
        transcript = transcribe()
        try:
            require_answer(transcript, pending.audio_path, self.settings.audio.silence_rms,
                           self.settings.history.min_answer_speech_s, stopped=meta.get("reason", ""))
        except NoAnswerHeard:
            self._try(lambda: self._drop_part(cid, pending.audio_path))
            raise NoAnswerHeard(NOTHING_MORE) from None
        row = queries.get_attempt(h, pending.attempt_id)
        # the answer keeps its status: a microphone lost while continuing cuts off only the part added, which
        # keeps what was said before the loss (review of fixA: it marked a whole answer "cut off"); closing the
        # app while adding to it cuts it off, as it does an answer
        try:
            return self._append(row, pending.bank, pending.prompt, pending.follow_up, pending.input, pending.more_of,
                                pending.audio_path, transcript, meta, quit_mark or row.get("state_detail"), cid)
        finally:
            memory.release()

    def _append(self, row: Row, bank: Bank, prompt: Prompt, follow_up: bool, input: str, first: Path, part: Path,
                transcript: Transcript, meta: Row, detail: str | None, continuation: int | None) -> Saved:
        """Join `part` (transcribed as `transcript`) to the stored answer `row` whose audio is `first`: the audio
        cut so the join keeps no pause, the words shifted, judged again as one answer and stored in the same row,
        the part's `continuation` row removed in that transaction; then the two parts' files go."""
        h = self.history()
        before = Transcript.from_dict(row["transcript_data"])
        keep, skip = join_span(before, sf.info(str(first)).duration, transcript, self.settings.audio.continue_gap_s)
        joined = join_audio([(first, 0.0, keep), (part, skip, float("inf"))], h.new_audio_path(".wav"))
        checkpoint("more.joined")
        whole_answer = before.appended(transcript, keep, skip)
        analysis = run_judge(bank, prompt, whole_answer, self.settings.analysis, follow_up, row.get("drill"))
        earlier = row.get("settings") or {}
        stored = {**earlier, **meta, "continued": earlier.get("continued", 0) + 1}
        saved = self._store(int(row["id"]), analysis, input, stored, joined, detail=detail,
                            also=None if continuation is None else lambda: h.end_continuation(continuation))
        checkpoint("more.committed")
        if saved.problem is None:
            first.unlink(missing_ok=True)       # the row points at the joined audio now
            part.unlink(missing_ok=True)
            files.fsync_dir(first.parent)
        return saved

    # -- a typed answer -----------------------------------------------------------------------
    def save_typed(self, bank: Bank, prompt: Prompt, text: str, round_id: str | None = None,
                   round_pk: int | None = None, drill: list[str] | None = None,
                   follow_up: list[str] | None = None, still_missed: list[str] | None = None,
                   pre: PreEmbedder | None = None) -> Saved:
        """Judge typed text (no timing: no duration, pace or pauses) and store it like any answer (`drill` and
        `follow_up` as in begin). `pre`: the text's pre-embedding while it was typed (`TypedPreEmbedder`), stopped
        before the judge and settled after it."""
        if pre is not None:
            pre.stop()          # first (its thread ends whatever fails below); the judge embeds what is still missing
        attempt: int | None = None
        missed = _still_missed(follow_up, still_missed)
        try:
            attempt = self.history().begin_attempt(bank, prompt, round_id=round_id, round_pk=round_pk,
                                                   state=TRANSCRIBING, input=TYPED, text=text, drill=drill,
                                                   follow_up=follow_up, settings=missed)
            checkpoint("typed.begun")
            problem = None
        except HistoryError as exc:
            problem = str(exc)
        transcript = Transcript.from_text(text)
        analysis = run_judge(bank, prompt, transcript, self.settings.analysis, follow_up is not None, drill)
        if pre is not None:
            pre.settle(transcript.words())  # the vectors of sentences edited since forgotten, on its own thread
        checkpoint("typed.judged")
        if attempt is None:
            return self._unsaved(None, analysis, TYPED, problem or "", kept=False)
        saved = self._store(attempt, analysis, TYPED, {"typed": True, **missed}, None)
        checkpoint("typed.committed")
        return saved

    # -- an answer from a file or transcript (CLI) ----------------------------------------------
    def save_file(self, bank: Bank, prompt: Prompt, transcript: Transcript, audio: Path | None = None,
                  meta: Row | None = None) -> Saved:
        """Store an answer given as a file (`voiceprep score --save`): the audio is kept as FLAC, like a live one.

        Raises NoAnswerHeard, storing nothing, when the recording holds no speech."""
        if audio is not None:
            require_answer(transcript, audio, self.settings.audio.silence_rms,
                           self.settings.history.min_answer_speech_s, source=str(audio))
        elif not transcript.text.strip():
            raise NoAnswerHeard("the answer is empty, so nothing was scored or saved")
        self.access.verify()
        h = self.history()
        kind = TYPED if transcript.model == "typed" else FILE
        kept = h.new_audio_path(".flac") if audio is not None else None
        attempt = h.begin_attempt(bank, prompt, state=TRANSCRIBING, input=kind, audio_path=kept,
                                  text=transcript.text if audio is None else None)
        checkpoint("copy.begun")
        if audio is not None and kept is not None:
            try:
                encode_flac(audio, kept, written="copy.written")
            except BaseException:
                self._try(lambda: h.delete_attempt(attempt))
                raise
        analysis = run_judge(bank, prompt, transcript, self.settings.analysis)
        saved = self._store(attempt, analysis, kind, {**(meta or {}), "source": str(audio) if audio else None},
                            kept, convert=False)
        checkpoint("copy.committed")
        if saved.problem:
            raise HistoryError(saved.problem)
        return saved

    # -- storing --------------------------------------------------------------------------------
    def _keep_audio(self, audio: Path | None, convert: bool) -> Path | None:
        """The kept copy: FLAC beside the WAV (written, fsynced, renamed); the WAV stays until the DB points away."""
        if audio is None or not convert or self.settings.audio.audio_format.upper() != "FLAC" \
                or audio.suffix.lower() != ".wav":
            return audio
        target = audio.with_suffix(".flac")
        try:
            encode_flac(audio, target)
        except (sf.LibsndfileError, RuntimeError, OSError) as exc:
            log.warning("keeping %s as WAV: %s", audio, exc)
            return audio
        checkpoint("flac.renamed")
        return target

    def _store(self, attempt: int, analysis: AnswerAnalysis, input: str, meta: Row, audio: Path | None,
               convert: bool = True, detail: str | None = None, also: Callable[[], None] | None = None) -> Saved:
        """Keep the audio and store the judged answer in one transaction (with `also`, in that transaction)."""
        h = self.history()
        kept = self._keep_audio(audio, convert)
        record = attempt_record(analysis, input, meta, kept)
        record.detail = detail
        try:
            with h.write():
                h.finish_attempt(attempt, record)
                if also is not None:
                    also()
                checkpoint("store.in-transaction")
        except HistoryUnavailable as exc:
            if kept is not None and kept != audio:
                kept.unlink(missing_ok=True)   # the WAV the row points at stays: recovery uses it
            return self._unsaved(attempt, analysis, input, str(exc), kept=audio is not None or input == TYPED)
        checkpoint("store.committed")
        if audio is not None and kept is not None and kept != audio:
            audio.unlink(missing_ok=True)
            files.fsync_dir(audio.parent)
            checkpoint("wav.deleted")
        removed = self._retention(analysis.bank.id, analysis.prompt.id, attempt)
        return Saved(attempt, analysis, whole(record.feedback, analysis.transcript.to_dict()), kept, removed,
                     detail=detail)

    def _retention(self, bank_id: str, prompt_id: str, stored: int) -> list[int]:
        """The prompt's answers beyond "Keep per prompt", deleted; never the answer just `stored` (a part joined to
        an older answer keeps it until the next save) nor one a window is adding a part to (review33 1)."""
        keep = self.settings.practice.retention_per_prompt
        h = self.history()
        checkpoint("retention.before")
        removed: list[int] = []
        try:
            for attempt in h.retention_victims(bank_id, prompt_id, keep):
                if attempt == stored:
                    continue
                try:
                    h.delete_attempt(attempt)
                except AnswerBeingContinued:    # a window is adding a part to it: left for the next save (review33 1)
                    continue
                removed.append(attempt)
        except HistoryUnavailable as exc:       # retention catches up after the next answer
            log.warning("retention postponed: %s", exc)
            return removed
        checkpoint("retention.done")
        return removed

    @staticmethod
    def _try(fn: Callable[[], object]) -> str | None:
        try:
            fn()
        except HistoryUnavailable as exc:
            return str(exc)
        return None

    @staticmethod
    def _unsaved(attempt: int | None, analysis: AnswerAnalysis, input: str, problem: str, kept: bool) -> Saved:
        if kept and input == TYPED:
            tail = "The typed text is kept and will be scored and saved at the next start."
        elif kept:
            tail = "The recording is kept and will be saved at the next start."
        else:
            tail = "It is not in your history."
        return Saved(attempt, analysis, feedback_document(analysis, input),
                     problem=f"This answer was scored but could not be saved: {problem} {tail}")

    # -- after a crash --------------------------------------------------------------------------
    def recover(self, transcribe: Callable[[Path], Transcript]) -> list[Recovered]:
        """Finish every unfinished attempt a dead process left (audio on disk, or typed text); then sweep."""
        h = self.history()
        out = []
        for row in h.unfinished():
            if owner_alive(row.get("owner")):
                continue                    # another window or command is still working on it
            out.append(self._recover_one(row, transcribe))
        for part in h.unfinished_continuations():
            if owner_alive(part.get("owner")):
                continue                    # still being recorded or joined by a running window, or left by one
                #                             that gave up on it: joined once that window has closed (refactor34)
            out.append(self._recover_part(part, transcribe))
        try:                                # deleted in History by a window that crashed before its Undo was over
            h.forget_abandoned_deletes()
        except HistoryError as exc:         # a busy history: they stay pending (the sweep keeps their audio), and
            log.warning("making abandoned deletes final: %s", exc)      # the next start tries again (review32 7)
        self.sweep()
        return out

    def _recover_part(self, part: Row, transcribe: Callable[[Path], Transcript]) -> Recovered:
        """A part a dead process was adding to a stored answer (C; the app quit or crashed meanwhile): joined to the
        answer as `finish` would have, marked cut off when the process died while it was recorded (or its
        closing stopped it); dropped when it holds no speech (the answer stays as it was)."""
        from voiceprep.core.history import queries

        h = self.history()
        attempt, cid, audio = int(part["attempt_id"]), int(part["id"]), Path(part["audio_path"])
        row: Row = {"prompt_id": "a question"}
        transcript: Transcript | None = None
        try:
            row = queries.get_attempt(h, attempt)
            if not self._holds_enough(audio):
                self._drop_part(cid, audio)
                return Recovered(attempt, "discarded", f"{_asked(row)}: more was being added to this answer when "
                                                       "the app closed, but none of it was saved; the answer is as "
                                                       "it was")
            transcript = transcribe(audio)
            try:
                require_answer(transcript, audio, self.settings.audio.silence_rms,
                               self.settings.history.min_answer_speech_s)
            except NoAnswerHeard:
                self._drop_part(cid, audio)
                return Recovered(attempt, "discarded", f"{_asked(row)}: what was being added to this answer when "
                                                       "the app closed holds no speech; the answer is as it was")
            bank = h.bank_snapshot(row["bank_hash"])
            mark: str | None = row.get("state_detail")
            if part.get("state") == RECORDING or part.get("state_detail") == CUT_OFF_BY_QUIT:
                mark = CUT_OFF
            saved = self._append(row, bank, bank.prompt(row["prompt_id"]), queries.is_follow_up(row),
                                 row.get("input") or VOICE, Path(row["audio_path"]), audio, transcript,
                                 {"recovered": True}, mark, cid)
            seconds = f"{saved.analysis.delivery.duration_s:.0f} s"
            if mark == CUT_OFF:
                return self._outcome(attempt, row, saved, f"joined what you were adding when the app closed to this "
                                                          f"answer (now {seconds}), cut off when the app closed; it "
                                                          "is in History, marked, and not counted in your "
                                                          "averages, Progress or weak points")
            return self._outcome(attempt, row, saved, f"joined the part you had added before the app closed to this "
                                                      f"answer (now {seconds}); it is in History and counts as "
                                                      "before")
        except HistoryUnavailable as exc:
            return Recovered(attempt, "waiting", f"{_asked(row)}: not yet: {exc}")
        except Exception as exc:  # recovery must never stop the app from starting
            log.exception("joining part %s to attempt %s", cid, attempt)
            why = f"{type(exc).__name__}: {exc}"
            try:
                alone = self._part_alone(row, cid, audio, transcript or transcribe(audio))
            except Exception:
                log.exception("keeping part %s of attempt %s as an answer of its own", cid, attempt)
            else:
                if alone.problem:
                    return Recovered(attempt, "waiting", f"{_asked(row)}: {alone.problem}")
                return Recovered(attempt, "finished", f"{_asked(row)}: could not add what you had added to this "
                                                      f"answer with Continue ({why}), so it is kept as an answer of "
                                                      "its own in History, marked, and not counted in your averages, "
                                                      "Progress or weak points; the answer before it is as it was")
            detail = f"could not add the part being recorded ({why}); its audio is kept"
            self._try(lambda: h.set_continuation_state(cid, FAILED, detail))
            return Recovered(attempt, "failed", f"{_asked(row)}: {detail}")

    def _part_alone(self, row: Row, cid: int, audio: Path, transcript: Transcript) -> Saved:
        """A part that could not be joined to the answer `row` (twice: in the app, then at the next start), stored as
        an answer of its own to the same question (a drill or follow-up answer's kind kept), marked PART_KEPT, its
        audio kept; its `continuations` row goes in the transaction that stores it. The new row is marked before
        anything else (and the part leaves the parts to join), so a crash on the way recovers it as that answer."""
        from voiceprep.core.history import queries

        h = self.history()
        bank = h.bank_snapshot(row["bank_hash"])
        prompt = bank.prompt(row["prompt_id"])
        input = row.get("input") or VOICE
        with h.write():
            new = h.begin_attempt(bank, prompt, round_id=row.get("round_id"), round_pk=row.get("round_pk"),
                                  audio_path=audio, state=TRANSCRIBING, input=input, drill=row.get("drill"),
                                  follow_up=row.get("follow_up"))
            h.set_state(new, TRANSCRIBING, PART_KEPT)
            h.set_continuation_state(cid, FAILED, f"kept as answer {new}")
        analysis = run_judge(bank, prompt, transcript, self.settings.analysis, queries.is_follow_up(row),
                             row.get("drill"))
        return self._store(new, analysis, input, {"recovered": True, "part_of": int(row["id"])}, audio,
                           detail=PART_KEPT, also=lambda: h.end_continuation(cid))

    def _recorded_audio(self, row: Row) -> Path | None:
        """The most complete audio of an interrupted attempt: a finished FLAC beside it, else the WAV."""
        if not row.get("audio_path"):
            return None
        path = Path(row["audio_path"])
        flac = path.with_suffix(".flac")
        if flac.exists() and flac.stat().st_size > 0:
            return flac
        return path if self._holds_enough(path) else None

    def _holds_enough(self, path: Path) -> bool:
        """Whether a recording's file exists and, as a WAV still being written, holds at least a header and
        `min_answer_speech_s` of 16 kHz audio."""
        least = 44 + int(32000 * self.settings.history.min_answer_speech_s)   # a header and that much 16 kHz audio
        return path.exists() and (path.suffix.lower() != ".wav" or path.stat().st_size >= least)

    def _recover_one(self, row: Row, transcribe: Callable[[Path], Transcript]) -> Recovered:
        from voiceprep.core.history import queries

        h = self.history()
        attempt = int(row["id"])
        try:
            bank = h.bank_snapshot(row["bank_hash"])
            prompt = bank.prompt(row["prompt_id"])
            audio = self._recorded_audio(row)
            follow_up = row.get("follow_up_json") is not None
            # the raw row holds the drill's points as drill_json (review29: read as "drill", a recovered drill was
            # judged as the whole question)
            drill = queries.drill_labels(dict(row))["drill"]
            # which kind of answer it was, as History marks it (walk62 7: the box did not say it was a drill; read46c
            # 6: nor, typed, that it was a drill or a follow-up)
            kind = "follow-up " if follow_up else "drill " if drill else ""
            if audio is None and row.get("transcript"):
                analysis = run_judge(bank, prompt, Transcript.from_text(row["transcript"]), self.settings.analysis,
                                     follow_up, drill)
                saved = self._store(attempt, analysis, TYPED, {"typed": True, "recovered": True, **_kept_missed(row)},
                                    None)
                return self._outcome(attempt, row, saved, f"recovered the typed {kind}answer")
            if audio is None and row.get("input") == FILE:
                h.delete_attempt(attempt)         # the answer is the candidate's own file, which is untouched
                return Recovered(attempt, "discarded", f"{_asked(row)}: a save from a file was interrupted before "
                                                       "its audio was copied; the original file is unchanged")
            if audio is None:
                detail = "interrupted before any audio was saved"
                h.set_state(attempt, FAILED, detail)
                return Recovered(attempt, "failed", f"{_asked(row)}: {detail}")
            transcript = transcribe(audio)
            try:
                require_answer(transcript, audio, self.settings.audio.silence_rms,
                               self.settings.history.min_answer_speech_s)
            except NoAnswerHeard:
                h.delete_attempt(attempt)
                return Recovered(attempt, "discarded", f"{_asked(row)}: the interrupted recording holds no speech; "
                                                       "nothing was kept")
            analysis = run_judge(bank, prompt, transcript, self.settings.analysis, follow_up, drill)
            wav = Path(row["audio_path"])
            # cut off only when the app closed while recording (or its closing stopped it); an answer stopped before
            # (its transcription or saving interrupted) is whole, or keeps what stopped it (session 16: a whole one
            # was marked cut off)
            mark: str | None = row.get("state_detail")
            if row.get("state") == RECORDING or mark == CUT_OFF_BY_QUIT:
                mark = CUT_OFF
            saved = self._store(attempt, analysis, row.get("input") or VOICE, {"recovered": True, **_kept_missed(row)},
                                audio, convert=audio == wav, detail=mark)
            if saved.problem is None and audio != wav:
                wav.unlink(missing_ok=True)     # the FLAC was complete; the WAV is the old copy
            seconds = f"{analysis.delivery.duration_s:.0f} s"
            if mark is None:
                return self._outcome(attempt, row, saved, f"recovered the whole {kind}answer ({seconds}): it had ended "
                                                          "before the app closed; it is in History and counts as usual")
            why = "cut off when the app closed" if mark == CUT_OFF else mark
            return self._outcome(attempt, row, saved, f"recovered {'a' if kind else 'an'} {kind}answer of {seconds}, "
                                                      f"{why}; it is in History, "
                                                      "marked, and not counted in your averages, Progress or weak "
                                                      "points")
        except HistoryUnavailable as exc:
            return Recovered(attempt, "waiting", f"{_asked(row)}: not yet: {exc}")
        except Exception as exc:  # recovery must never stop the app from starting
            log.exception("recovering attempt %s", attempt)
            detail = f"could not recover ({type(exc).__name__}: {exc}); the audio is kept"
            self._try(lambda: h.set_state(attempt, FAILED, detail))
            return Recovered(attempt, "failed", f"{_asked(row)}: {detail}")

    @staticmethod
    def _outcome(attempt: int, row: Row, saved: Saved, detail: str) -> Recovered:
        """The recovery message's line for an answer scored again; like every line, it names its question."""
        if saved.problem:
            return Recovered(attempt, "waiting", f"{_asked(row)}: {saved.problem}")
        return Recovered(attempt, "finished", f"{_asked(row)}: {detail}")

    def sweep(self) -> list[Path]:
        """Remove debris a crash can leave in the audio folder: half-written temp files, a WAV whose FLAC is
        stored, and audio no attempt points at. Files of answers still being recorded elsewhere are left alone."""
        h = self.history()
        try:
            listed = [p for p in h.audio_dir.iterdir() if AUDIO_NAME.match(p.name)]
        except OSError:
            return []
        rows = {Path(r["audio_path"]).name.split(".")[0]: r for r in h.read(
            "SELECT audio_path, state, owner FROM attempts WHERE audio_path IS NOT NULL")}
        # a part being added to an answer (C), or one whose join failed: kept until joined or dropped (fixA: a crash
        # while continuing lost it here)
        parts = {Path(r["audio_path"]).name for r in h.read(
            "SELECT audio_path FROM continuations WHERE audio_path IS NOT NULL")}
        parts |= h.deleted_audio()          # deleted in History, its Undo not over yet (a running window's)
        removed = []
        for path in listed:
            if path.name in parts:
                continue
            row = rows.get(path.name.split(".")[0])
            if row is not None and row["state"] not in (DONE, FAILED):
                continue          # recording or being saved (recover() handles the dead ones first)
            if row is not None and Path(row["audio_path"]).name == path.name:
                continue
            try:
                path.unlink()
                removed.append(path)
            except OSError as exc:
                log.info("could not remove %s: %s", path, exc)
        return removed

    # -- judging again --------------------------------------------------------------------------
    def rejudge(self, attempt_id: int, current: Bank | None = None) -> Row:
        """Score a stored answer again with the current judge (an explicit action): replaces what is stored.

        `current` is the bank as it is loaded now: when it still has the question, the answer is scored against its
        key points as they read today (walkthrough 10: a candidate who reworded a point re-checks old answers
        against it) and the attempt points at that version of the bank; else against the bank as it was answered.
        The result before is kept in the attempt's settings (`rejudged_from`, newest last). The document returned
        says which (`rejudged_against`: "current" or "as answered") and what changed (`rejudge_change`)."""
        from voiceprep.core.history import queries

        h = self.history()
        row = queries.get_attempt(h, attempt_id)
        if row["state"] != DONE or not row.get("transcript_data"):
            raise HistoryError(f"attempt {attempt_id} has no finished transcript to judge again")
        bank, against, why = h.bank_snapshot(row["bank_hash"]), "as answered", "the question is no longer in the bank"
        drill = row.get("drill")
        if current is not None and current.id == row["bank_id"] and \
                any(p.id == row["prompt_id"] for p in current.all_prompts()):
            # a drill or a follow-up answer names the points it was asked about by label: a reworded point is
            # renamed by its id, or it would count for no point ("0/0 asked"); a point gone from the question
            # cannot be, and the answer is judged against the bank as it was answered
            drill = relabelled(drill, row.get("key_points") or [], current.prompt(row["prompt_id"]))
            if drill is None and row.get("drill"):
                drill, why = row.get("drill"), "a point it was asked about is no longer in the question"
            else:
                bank, against, why = current, "current", ""
        transcript = Transcript.from_dict(row["transcript_data"])
        analysis = run_judge(bank, bank.prompt(row["prompt_id"]), transcript, self.settings.analysis,
                             queries.is_follow_up(row), drill)
        points = row.get("key_points") or []
        earlier = {"overall": row.get("overall"), "hits": sum(1 for k in points if k.get("hit")), "total": len(points),
                   "judge": row.get("judge"), "bank_hash": row["bank_hash"], "at": now()}   # when it was replaced
        asked_before = queries.drilled(points, row.get("drill"))
        if asked_before is not None:    # a drill's or follow-up's own count, as its row showed it (walk63 3: "first
            earlier["asked"] = list(asked_before)           # scored 55 (2 of 4 key points)" of a "0/1 covered" one)
        settings = {**row["settings"], "rejudged": True,
                    "rejudged_from": [*row["settings"].get("rejudged_from", []), earlier]}
        if against == "current" and queries.STILL_MISSED in settings:   # named by label too (FOLLOW_UP_POINT): mendA
            settings[queries.STILL_MISSED] = relabelled_missed(queries.still_missed(row), row.get("key_points") or [],
                                                               bank.prompt(row["prompt_id"]))
        record = attempt_record(analysis, row.get("input") or VOICE, settings,
                                Path(row["audio_path"]) if row.get("audio_path") else None)
        record.detail = row.get("state_detail")          # still cut off
        doc = whole(record.feedback, transcript.to_dict())
        # a drill or follow-up answer is measured by the points it was asked about, as its feedback and History
        # count it ("1/2 covered"): what changed is said in that count (its whole-answer overall counts for nothing)
        asked_after = queries.drilled(record.key_points, drill) if asked_before is not None else None
        if asked_before is None or asked_after is None:
            change, same = rejudge_change(earlier, doc), unchanged(earlier, doc)
        else:
            change, same = asked_change(asked_before, asked_after, queries.is_follow_up(row)), asked_before == asked_after
        if same:       # kept, but the answer is not called re-scored (walk47: "no change", the row said "re-scored")
            earlier["same"] = True
        with h.write():                                  # the results and the labels that name the asked points
            h.finish_attempt(attempt_id, record)
            if against == "current":
                digest = h.snapshot_bank(bank)
                if digest != row["bank_hash"] or drill != row.get("drill"):
                    h.table("attempts").update(attempt_id, {"bank_hash": digest,
                                                            "drill_json": dumps(drill) if drill else None})
        return {**doc, "rejudged_against": against, "rejudged_why": why, "rejudge_change": change}


def relabelled(drill: list[str] | None, stored: list[Row], prompt: Prompt) -> list[str] | None:
    """The labels a drill or follow-up answer asked about (`drill`), as `prompt`'s key points read now: each found
    by its key-point id among the answer's `stored` key-point results. None when one cannot be (its point is gone
    from the question, or was never among the results); `drill` itself when it is not a drill."""
    if not drill:
        return drill
    ids = {k["label"]: k["key_point_id"] for k in stored}
    now = {k.id: k.label for k in prompt.key_points}
    if not all(ids.get(label) in now for label in drill):
        return None
    return [now[ids[label]] for label in drill]


def relabelled_missed(labels: list[str], stored: list[Row], prompt: Prompt) -> list[str]:
    """A follow-up answer's still-missed points (`labels`, queries.STILL_MISSED) as `prompt`'s key points read now,
    as `relabelled` renames its asked ones: each by its key-point id among the `stored` results; one whose point is
    gone from the question is dropped (it can count for no point now)."""
    ids = {k["label"]: k["key_point_id"] for k in stored}
    now = {k.id: k.label for k in prompt.key_points}
    return [now[ids[label]] for label in labels if ids.get(label) in now]


def asked_change(before: tuple[int, int], after: tuple[int, int], follow_up: bool) -> str:
    """What judging a drill or a follow-up answer again changed in its own count, (covered, asked) before and
    after, in its feedback's words: "covered 1 of 2 asked in the follow-up → 2 of 2", "no change (1 of 1
    asked-for point covered)"."""
    from voiceprep.core.history.queries import covered_text

    kind: Row = {"follow_up": []} if follow_up else {}
    if before == after:
        return f"no change ({covered_text(after, kind)})"
    return f"{covered_text(before, kind)} → {after[0]} of {after[1]}"


def rejudged_text(doc: Row) -> str:
    """What Judge again says when done, in History and in `voiceprep history rejudge`: against which key points,
    and what changed ("Judged again against the key points as they read now: 5 of 6 key points → 4 of 6, overall
    90 → 72.")."""
    against = ("against the key points as they read now" if doc["rejudged_against"] == "current" else
               "against the key points as they were when you answered "
               f"({doc.get('rejudged_why') or 'the question is no longer in the bank'})")
    return f"Judged again {against}: {doc['rejudge_change']}."


def unchanged(before: Row, after: Row) -> bool:
    """Whether judging again left the key points covered and the overall as shown before."""
    return (before.get("hits"), before.get("total"), score_text(before.get("overall"))) == \
        (after.get("hits"), after.get("total"), score_text(after.get("overall")))


def rejudge_change(before: Row, after: Row) -> str:
    """What judging again changed, in words: "3 of 4 key points → 4 of 4, overall 52 → 76", or "no change"."""
    def points(d: Row) -> str:
        return f"{d.get('hits')} of {d.get('total')}"

    def score(value: Any) -> str:
        return score_text(value)
    if unchanged(before, after):
        return f"no change ({points(after)} key points, overall {score(after.get('overall'))})"
    return (f"{points(before)} key points → {points(after)}, overall {score(before.get('overall'))} → "
            f"{score(after.get('overall'))}")
