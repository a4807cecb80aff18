"""A thinking pause: the countdown before the silence stop, and an answer continued after it (walk24: a 6 s pause
ended the answer with no warning; the rest of the story could only start a new attempt)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from tests.app.conftest import record
from voiceprep.app import NoAnswerHeard
from voiceprep.app.pause import (
    countdown_text,
    may_be_mid_thought,
    silence_countdown,
    silence_stop_text,
    silence_stopped_line,
)
from voiceprep.core.history import queries
from voiceprep.core.transcript import Segment, Transcript, Word


def test_the_countdown_shows_only_in_the_last_seconds_before_the_stop_and_speech_cancels_it():
    # stop after 6 s of silence, warned 3 s before: nothing at 2.9 s of silence, then 3, 2, 1
    assert [silence_countdown(t, True, 6.0, 3.0) for t in (0.0, 2.9, 3.0, 3.1, 4.2, 5.5, 6.0)] == \
        [None, None, 3, 3, 2, 1, None]
    assert silence_countdown(4.0, False, 6.0, 3.0) is None      # nothing said yet: the no-speech stop, no warning
    assert silence_countdown(4.0, True, 0.0, 3.0) is None       # the silence stop is off
    assert silence_countdown(4.0, True, 6.0, 0.0) is None       # the warning is off
    assert countdown_text(3).startswith("Still there? Stopping in 3…")


def test_the_banner_after_the_silence_stop_offers_to_continue_and_to_start_over():
    text = silence_stop_text(22.0, 6.0)
    assert "is scored below" in text                # information over a scored answer, not a warning (walk44)
    assert "you last spoke at 0:16" in text and "Press C to continue this answer" in text and "R to start over" in text


def test_not_finished_press_c_is_for_an_answer_cut_mid_sentence_not_one_that_ended():
    """Walk37: every answer that ended the normal way (the candidate stopped; 53 s of a 120 s target, 5 of 6 points)
    got "Not finished? Press C", which read as a warning. It is for an answer broken off: its last sentence
    unfinished. Walk64 finding 6: short answers that ended with a finished sentence ("That's what I know mostly.",
    17 s of 150) got it too, by a rule on the time spoken; however short, a finished sentence is no cut."""
    ended = "So we cut the p99 latency by forty percent, and that is why I want to build platforms here."
    assert not may_be_mid_thought(ended)                                      # walk37's q1
    assert may_be_mid_thought("latency was spiking under load, so I")         # broken off
    assert may_be_mid_thought("The first thing we tried was, um")
    assert may_be_mid_thought("The first thing we tried was caching and.")   # "and." hangs
    assert may_be_mid_thought("Then we.")                                     # a pause written as a full stop
    assert not may_be_mid_thought("That's just how it is.") and not may_be_mid_thought("Where it came from.")
    assert may_be_mid_thought("And then we moved the whole thing to...")
    assert not may_be_mid_thought("Nobody knew the system better than I.")
    assert not may_be_mid_thought("And there was that.")                      # "that" ends a sentence
    assert not may_be_mid_thought("That's what I know mostly.")               # walk64's short, finished answer
    assert not may_be_mid_thought("")


def test_a_transcript_appended_shifts_the_words_said_after_by_the_first_parts_length():
    first = Transcript("I built a ledger.", "en", 4.0, "tiny.en",
                       [Segment(0.5, 2.0, "I built a ledger.", [Word(0.5, 2.0, "I built")])], filler_recall=0.9)
    more = Transcript("It balanced.", "en", 3.0, "tiny.en", [Segment(0.2, 1.0, "It balanced.",
                                                                     [Word(0.2, 1.0, " It balanced.")])])
    joined = first.appended(more, 4.0)
    assert joined.text == "I built a ledger. It balanced." and joined.duration == 7.0
    assert [(w.start, w.end) for w in joined.words()] == [(0.5, 2.0), (4.2, 5.0)]
    assert joined.filler_recall == 0.9 and more.segments[0].start == 0.2        # the part itself is untouched


def test_a_continued_answer_starts_a_new_sentence_after_words_that_did_not_end_one():
    """walk51 8: the part added with C was joined to a transcript that ended mid-sentence ("…from your shopping Sure,
    um, I owned…"): the judge and the reader saw one run-on sentence. The join ends the first part's sentence, in
    the text and in its last word (what the judge's sentences are cut from). A part that goes on with the sentence
    ("and it balanced", not capitalised) is joined as it was."""
    first = Transcript("you can pay from your shopping", "en", 4.0, "tiny.en",
                       [Segment(0.5, 2.0, " you can pay from your shopping",
                                [Word(0.5, 1.0, " you can pay"), Word(1.0, 2.0, " from your shopping")])])
    more = Transcript("Sure, um, I owned the design.", "en", 3.0, "tiny.en",
                      [Segment(0.2, 1.0, " Sure, um, I owned the design.",
                               [Word(0.2, 0.4, " Sure,"), Word(0.4, 1.0, " um, I owned the design.")])])
    joined = first.appended(more, 4.0)
    assert joined.text == "you can pay from your shopping. Sure, um, I owned the design."
    assert [w.word for w in joined.words()] == [" you can pay", " from your shopping.", " Sure,",
                                                " um, I owned the design."]
    assert " ".join(s.text.strip() for s in joined.segments) == joined.text
    assert first.text == "you can pay from your shopping" and first.words()[-1].word == " from your shopping"
    ended = Transcript.from_text("It balanced?").appended(Transcript.from_text("Yes."), 1.0)
    assert ended.text == "It balanced? Yes."                                    # a sentence already ended: as it was


@pytest.mark.slow
def test_an_answer_continued_after_the_silence_stop_is_one_attempt_with_all_its_audio_and_words(
        session, service, bank, transcriber, speech_dir, silence):
    prompt = bank.prompt("hardest-problem")
    jfk = speech_dir / "jfk.wav"
    first = session.begin(bank, prompt)
    record(jfk, first.audio_path)
    saved = session.finish(first, lambda: transcriber.transcribe(first.audio_path), {"reason": "silence"})
    kept = Path(saved.audio_path)
    first_s = sf.info(str(kept)).duration
    first_words = len(saved.analysis.transcript.words())

    more = session.begin_more(saved.attempt_id)                  # C: the same attempt, its own file until joined
    assert more.attempt_id == saved.attempt_id and more.audio_path != first.audio_path
    record(jfk, more.audio_path)
    added = transcriber.transcribe(more.audio_path)
    again = session.finish(more, lambda: added, {"reason": "manual"})

    assert again.attempt_id == saved.attempt_id
    rows = service.attempts(bank="airwallex", prompt="hardest-problem")
    assert [r["id"] for r in rows] == [saved.attempt_id]                        # one row in History
    row = queries.get_attempt(session.history(), saved.attempt_id)
    assert row["transcript"].lower().count("ask not what your country") == 2   # one transcript, both parts
    audio = Path(row["audio_path"])
    # both parts, less only the silence more than half the join's gap from the words: the first part's after its
    # last word, the continuation's before its first (jfk.wav starts with 0.3 s of it)
    gap = session.settings.audio.continue_gap_s
    kept_s = min(first_s, saved.analysis.transcript.words()[-1].end + gap / 2)
    skipped_s = max(0.0, added.words()[0].start - gap / 2)
    assert audio.suffix == ".flac" and sf.info(str(audio)).duration == pytest.approx(kept_s + first_s - skipped_s,
                                                                                     abs=0.05)
    assert sf.info(str(audio)).duration >= 2 * first_s - 1.0                  # no more than silence was cut
    assert not kept.exists() and not more.audio_path.exists()                  # the parts went once joined
    words = Transcript.from_dict(row["transcript_data"]).words()
    assert len(words) == len(again.analysis.transcript.words()) > first_words
    assert words[first_words].start >= kept_s - 0.05                           # shifted by the first part's length
    # spoken from the first word to the last: both parts, without jfk.wav's 0.3 s before its first word
    assert row["duration_s"] == pytest.approx(words[-1].end - words[0].start, abs=0.01)
    # both parts' spoken lengths and, between them, no more than the join's gap of silence (it was "2 x jfk.wav's 11 s
    # within 1 s", its silences counted: met by 0.12 s, and no longer once fixN trimmed the VAD's late speech ends)
    mine = saved.analysis.transcript.words(), added.words()
    both = sum(part[-1].end - part[0].start for part in mine)
    assert both < row["duration_s"] <= both + gap, (row["duration_s"], both)
    assert row["settings"]["continued"] == 1 and row["settings"]["reason"] == "manual"
    assert row["state_detail"] is None

    # nothing said in a continuation: the answer stays as it was, and its audio too
    quiet = session.begin_more(saved.attempt_id)
    record(silence, quiet.audio_path)
    with pytest.raises(NoAnswerHeard, match="Nothing more was heard, so your answer stays as it was"):
        session.finish(quiet, lambda: transcriber.transcribe(quiet.audio_path), {"reason": "silence"})
    assert queries.get_attempt(session.history(), saved.attempt_id)["transcript"] == row["transcript"]
    assert audio.exists() and not quiet.audio_path.exists()


def test_a_continuation_abandoned_keeps_the_answer_it_continues(session, bank, speech_dir):
    jfk = speech_dir / "jfk.wav"
    saved = session.save_file(bank, bank.prompt("hardest-problem"), Transcript.from_text("Ask not."), audio=jfk)
    more = session.begin_more(saved.attempt_id)
    record(jfk, more.audio_path)
    session.abandon(more)                                        # cancelled, or the microphone failed to start
    row = queries.get_attempt(session.history(), saved.attempt_id)
    assert row["state"] == "done" and Path(row["audio_path"]).exists() and not more.audio_path.exists()


def _spoken(text: str, start: float, end: float, duration: float) -> Transcript:
    """A transcript of `text` said evenly from `start` to `end` in a recording `duration` seconds long."""
    tokens = text.split()
    step = (end - start) / len(tokens)
    words = [Word(start + i * step, start + (i + 1) * step, (" " if i else "") + t) for i, t in enumerate(tokens)]
    return Transcript(text, "en", duration, "tiny.en", [Segment(start, end, text, words)])


def test_a_continued_answer_keeps_no_silence_stop_pause_and_no_leading_silence(session, bank, speech_dir, tmp_path):
    # the silence stop keeps its 6 s of trailing silence; the continuation starts after 2 s of thinking: the join
    # leaves only continue_gap_s between the last word and the next, so no long pause and no silent seconds
    jfk, _ = sf.read(str(speech_dir / "jfk.wav"), dtype="float32")
    jfk_s = len(jfk) / 16000
    gap = session.settings.audio.continue_gap_s
    story = "I built a ledger for the payments team and it balanced every night"
    first = session.begin(bank, bank.prompt("hardest-problem"))
    sf.write(str(first.audio_path), np.concatenate([jfk, np.zeros(16000 * 6, np.float32)]), 16000, subtype="PCM_16")
    saved = session.finish(first, lambda: _spoken(story, 0.5, jfk_s - 1.0, jfk_s + 6), {"reason": "silence"})

    more = session.begin_more(saved.attempt_id)
    sf.write(str(more.audio_path), np.concatenate([np.zeros(16000 * 2, np.float32), jfk]), 16000, subtype="PCM_16")
    again = session.finish(more, lambda: _spoken("and then we shipped it to every market", 2.5, jfk_s + 1.5,
                                                 jfk_s + 2), {"reason": "manual"})

    expected = (jfk_s - 1.0 + gap / 2) + (jfk_s + 2 - (2.5 - gap / 2))
    row = queries.get_attempt(session.history(), saved.attempt_id)
    assert sf.info(str(row["audio_path"])).duration == pytest.approx(expected, abs=0.05)
    assert row["duration_s"] == pytest.approx((jfk_s - 1.5) + gap + (jfk_s - 1.0), abs=0.05)  # words, one gap
    words = Transcript.from_dict(row["transcript_data"]).words()
    n = len(story.split())
    assert words[n].start - words[n - 1].end == pytest.approx(gap, abs=0.01)
    assert again.analysis.delivery.long_pauses == []


def test_a_continuation_the_microphone_cut_off_keeps_what_was_added_and_the_answers_status(
        session, bank, speech_dir):
    # review of fixA: a microphone lost while continuing marked the whole stored answer "cut off" (counted in
    # nothing), though its first part was whole: the answer keeps its status, and the words added before the loss
    jfk, _ = sf.read(str(speech_dir / "jfk.wav"), dtype="float32")
    jfk_s = len(jfk) / 16000
    first = session.begin(bank, bank.prompt("hardest-problem"))
    sf.write(str(first.audio_path), jfk, 16000, subtype="PCM_16")
    saved = session.finish(first, lambda: _spoken("I built a ledger", 0.5, jfk_s - 1, jfk_s), {"reason": "silence"})
    more = session.begin_more(saved.attempt_id)
    sf.write(str(more.audio_path), jfk, 16000, subtype="PCM_16")
    again = session.finish(more, lambda: _spoken("and it balanced", 0.5, jfk_s - 1, jfk_s), {"reason": "device_lost"})
    row = queries.get_attempt(session.history(), saved.attempt_id)
    assert row["state_detail"] is None and again.detail is None and row["state"] == "done"
    assert row["transcript"] == "I built a ledger and it balanced"


def test_a_part_whose_join_fails_again_at_the_next_start_is_kept_as_an_answer_of_its_own(session, service, bank,
                                                                                          speech_dir, monkeypatch):
    # fixE2 left this open: a part whose join failed in the app and again at the next start stayed (state failed,
    # its audio kept) and was shown nowhere, nor tried again: what the candidate said could not be seen or heard.
    # It is now stored as an answer of its own to the same question, marked (not counted), with its audio.
    from voiceprep.app import session as session_module

    jfk_s, saved, more = _adding(session, bank, speech_dir)
    _give_up(session, more)
    _died(session, more)

    def no_room(parts, target):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(session_module, "join_audio", no_room)        # the join fails again
    recovered = session.recover(lambda p: _spoken("and it balanced", 0.5, jfk_s - 1, jfk_s))
    assert [r.outcome for r in recovered] == ["finished"], recovered
    assert "kept as an answer of its own" in recovered[0].detail and "No space left" in recovered[0].detail
    h = session.history()
    first = queries.get_attempt(h, saved.attempt_id)
    assert first["transcript"] == "I built a ledger" and first["state"] == "done"          # as it was
    rows = service.attempts(bank="airwallex", prompt="hardest-problem")
    assert sorted(r["id"] for r in rows)[0] == saved.attempt_id and len(rows) == 2            # shown in History
    part = queries.get_attempt(h, max(r["id"] for r in rows))
    assert part["transcript"] == "and it balanced" and part["state"] == "done"
    assert "could not be joined" in part["state_detail"]           # marked: not counted, says why
    assert Path(part["audio_path"]).exists() and sf.info(part["audio_path"]).duration == pytest.approx(jfk_s, 0.01)
    assert h.read("SELECT * FROM continuations") == [] and not more.audio_path.exists()
    assert session.recover(lambda p: _spoken("x", 0, 1, 1)) == [] and session.sweep() == []
    assert Path(part["audio_path"]).exists() and Path(first["audio_path"]).exists()


def test_a_crash_while_a_part_is_kept_as_its_own_answer_recovers_that_answer_and_joins_nothing_twice(
        session, service, bank, speech_dir, monkeypatch):
    """The new answer's row is marked (and the part leaves the parts to join) before anything else: a crash before
    it is stored recovers it at the next start as that marked answer, and the part is not joined to the first."""
    from voiceprep.app import session as session_module

    class Killed(BaseException):
        """The process dies here."""

    jfk_s, saved, more = _adding(session, bank, speech_dir)
    _died(session, more)

    def no_room(parts, target):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(session_module, "join_audio", no_room)

    def judge_then_die(*a, **k):           # the join failed before judging: this is the new answer's, once made
        raise Killed
    monkeypatch.setattr(session_module, "run_judge", judge_then_die)
    with pytest.raises(Killed):
        session.recover(lambda p: _spoken("and it balanced", 0.5, jfk_s - 1, jfk_s))
    h = session.history()
    h.db.execute("UPDATE attempts SET owner = 'elsewhere:1:x' WHERE id != ?", [saved.attempt_id])
    monkeypatch.undo()                     # the next start: the disk has room again
    recovered = session.recover(lambda p: _spoken("and it balanced", 0.5, jfk_s - 1, jfk_s))
    assert [r.outcome for r in recovered] == ["finished"], recovered
    rows = service.attempts(bank="airwallex", prompt="hardest-problem")
    assert len(rows) == 2
    first = queries.get_attempt(h, saved.attempt_id)
    assert first["transcript"] == "I built a ledger"                        # not joined after all
    part = queries.get_attempt(h, max(r["id"] for r in rows))
    assert part["transcript"] == "and it balanced" and "could not be joined" in part["state_detail"]
    assert Path(part["audio_path"]).exists()
    assert session.recover(lambda p: _spoken("x", 0, 1, 1)) == []


def _stopped_answer(session, bank, jfk: np.ndarray, said: str = "I built a ledger"):
    """A stored answer the silence stop ended (its audio: `jfk`), as C continues one."""
    jfk_s = len(jfk) / 16000
    first = session.begin(bank, bank.prompt("hardest-problem"))
    sf.write(str(first.audio_path), jfk, 16000, subtype="PCM_16")
    return session.finish(first, lambda: _spoken(said, 0.5, jfk_s - 1, jfk_s), {"reason": "silence"})


def _adding(session, bank, speech_dir):
    """C pressed on a stored answer (JFK, stopped on silence) and its part (JFK again) recorded: (the clip's seconds,
    the answer, the part being added)."""
    jfk, _ = sf.read(str(speech_dir / "jfk.wav"), dtype="float32")
    saved = _stopped_answer(session, bank, jfk)
    more = session.begin_more(saved.attempt_id)
    sf.write(str(more.audio_path), jfk, 16000, subtype="PCM_16")
    return len(jfk) / 16000, saved, more


def _died(session, pending) -> None:
    """The process adding `pending` died (quit or crash): its part belongs to a process no longer running."""
    session.history().db.execute("UPDATE continuations SET owner = 'elsewhere:1:x' WHERE id = ?",
                                 [pending.continuation])


def _give_up(session, pending) -> None:
    """The part's transcription fails: the app gives up adding it (`_finish_more`), left for the next start."""
    def broken() -> Transcript:
        raise RuntimeError("the model ran out of memory")
    with pytest.raises(RuntimeError):
        session.finish(pending, broken, {"reason": "manual"})


@pytest.mark.parametrize("how, mark", [
    ("recording", "cut off: recovered after the app closed"),         # the crash ended the part: cut off
    ("quit", "cut off: recovered after the app closed"),              # Keep it and quit: stopped by the closing
    ("stopped", None),                                                # the part had ended: the answer as it was
])
def test_a_part_being_added_when_the_app_closed_is_joined_to_its_answer_at_the_next_start(session, bank, speech_dir,
                                                                                           how, mark):
    # fixA/fix51 left this open: the continuation's WAV belonged to no row, so the next start's sweep removed it and
    # the first part was scored as the whole answer
    jfk_s, saved, more = _adding(session, bank, speech_dir)
    if how != "recording":                  # finish() got as far as transcribing, then the process ended
        session.history().set_continuation_state(more.continuation, "transcribing",
                                                 "cut off: you closed the app while answering" if how == "quit"
                                                 else None)
    assert session.recover(lambda p: _spoken("x", 0, 1, 1)) == []       # a running window's part is left alone
    assert more.audio_path.exists()
    _died(session, more)

    recovered = session.recover(lambda p: _spoken("and it balanced every night", 0.5, jfk_s - 1, jfk_s))
    assert [r.outcome for r in recovered] == ["finished"] and "joined" in recovered[0].detail
    h = session.history()
    row = queries.get_attempt(h, saved.attempt_id)
    assert row["transcript"] == "I built a ledger and it balanced every night" and row["state"] == "done"
    assert row["state_detail"] == mark and row["settings"]["continued"] == 1
    assert sf.info(str(row["audio_path"])).duration > jfk_s + 5
    assert sorted(p.name for p in h.audio_dir.iterdir()) == [Path(row["audio_path"]).name]   # joined, parts gone
    assert h.read("SELECT * FROM continuations") == []


def test_a_part_with_nothing_said_is_dropped_at_the_next_start_and_the_answer_stays(session, bank, speech_dir,
                                                                                    silence):
    jfk, _ = sf.read(str(speech_dir / "jfk.wav"), dtype="float32")
    saved = _stopped_answer(session, bank, jfk)
    more = session.begin_more(saved.attempt_id)
    record(silence, more.audio_path)
    _died(session, more)
    recovered = session.recover(lambda p: Transcript("", "en", 6.0, "tiny.en", []))
    assert [r.outcome for r in recovered] == ["discarded"] and "the answer is as it was" in recovered[0].detail
    row = queries.get_attempt(session.history(), saved.attempt_id)
    assert row["transcript"] == "I built a ledger" and Path(row["audio_path"]).exists()
    assert not more.audio_path.exists() and session.history().read("SELECT * FROM continuations") == []


def test_the_sweep_keeps_a_part_being_added_and_deleting_the_answer_removes_it(session, bank, speech_dir):
    _, saved, more = _adding(session, bank, speech_dir)
    _died(session, more)
    session.history().set_continuation_state(more.continuation, "failed", "could not add it")   # a join that failed
    assert session.sweep() == [] and more.audio_path.exists()          # its audio is kept, as a failed answer's
    session.history().delete_attempt(saved.attempt_id)                  # deleting the answer takes its part too
    assert not more.audio_path.exists() and session.history().read("SELECT * FROM continuations") == []


def test_a_continuation_stopped_by_quitting_and_saved_before_the_exit_is_marked_cut_off(session, bank, speech_dir):
    jfk_s, saved, more = _adding(session, bank, speech_dir)
    again = session.finish(more, lambda: _spoken("and it balanced", 0.5, jfk_s - 1, jfk_s), {"reason": "quit"})
    row = queries.get_attempt(session.history(), saved.attempt_id)
    assert row["transcript"] == "I built a ledger and it balanced"
    assert row["state_detail"] == again.detail == "cut off: you closed the app while answering"
    assert session.history().read("SELECT * FROM continuations") == []


def test_a_continuation_that_failed_to_be_added_is_kept_and_joined_at_the_next_start(session, bank, speech_dir):
    # fixA: a continuation whose transcription or join failed said the answer stays as it was, and the next start's
    # sweep removed the part: it is kept and joined then (the GUI says so)
    jfk_s, saved, more = _adding(session, bank, speech_dir)
    _give_up(session, more)
    assert session.sweep() == [] and more.audio_path.exists()
    assert queries.get_attempt(session.history(), saved.attempt_id)["transcript"] == "I built a ledger"
    _died(session, more)
    recovered = session.recover(lambda p: _spoken("and it balanced", 0.5, jfk_s - 1, jfk_s))
    assert [r.outcome for r in recovered] == ["finished"]
    row = queries.get_attempt(session.history(), saved.attempt_id)
    assert row["transcript"] == "I built a ledger and it balanced" and row["state_detail"] is None



def test_retention_leaves_an_answer_being_continued_and_its_part_joins(access, settings, bank, speech_dir):
    """review33 1: with "Keep per prompt" at 1, another window's save deleted the answer C was adding a part to (the
    part's WAV went as it was written, and the join failed with NotFoundError). It is left for the next save."""
    from voiceprep.app import PracticeSession

    settings.practice.retention_per_prompt = 1
    one, two = PracticeSession(access, settings), PracticeSession(access, settings)
    jfk_s, saved, more = _adding(one, bank, speech_dir)
    other = two.save_typed(bank, bank.prompt("hardest-problem"), "I rebuilt the ledger so that it balanced.")
    assert other.removed == [] and more.audio_path.exists()
    again = one.finish(more, lambda: _spoken("and it balanced", 0.5, jfk_s - 1, jfk_s), {"reason": "manual"})
    assert again.attempt_id == saved.attempt_id and again.problem is None and again.removed == []
    assert queries.get_attempt(one.history(), saved.attempt_id)["transcript"] == "I built a ledger and it balanced"
    assert sorted(one.save_typed(bank, bank.prompt("hardest-problem"), "Ask not.").removed) == sorted(
        [saved.attempt_id, other.attempt_id])                   # the next save catches up


def test_deleting_an_answer_being_continued_for_good_is_refused_in_plain_words(session, service, bank, speech_dir):
    """review33 1: `voiceprep history delete` took the answer and the part being added to it."""
    from voiceprep.core.history import AnswerBeingContinued

    _, saved, more = _adding(session, bank, speech_dir)
    with pytest.raises(AnswerBeingContinued, match=r"^That answer is being added to right now"):
        service.delete([saved.attempt_id])
    with pytest.raises(AnswerBeingContinued):
        session.history().delete_attempt(saved.attempt_id)
    assert more.audio_path.exists() and service.attempt(saved.attempt_id)["id"] == saved.attempt_id


def test_a_part_the_app_gave_up_on_does_not_block_delete_and_is_back_on_undo(session, bank, speech_dir):
    """review33 5: a part whose transcription failed stayed "being added right now" for the whole run, so History's
    Delete was refused while the notice said the next start adds it. It is left for the next start: the delete goes
    through (the part kept with the deleted rows), Undo brings it back and the next start joins it."""
    jfk_s, saved, more = _adding(session, bank, speech_dir)
    _give_up(session, more)
    h = session.history()
    deleted = h.delete_undoably([saved.attempt_id])
    assert more.audio_path.exists()
    h.undo_delete(deleted)
    h.forget_deleted(deleted)
    assert more.audio_path.exists()
    _died(session, more)                    # the app closed: the next start
    recovered = session.recover(lambda p: _spoken("and it balanced", 0.5, jfk_s - 1, jfk_s))
    assert [r.outcome for r in recovered] == ["finished"]
    assert queries.get_attempt(h, saved.attempt_id)["transcript"] == "I built a ledger and it balanced"


def test_a_part_another_window_gave_up_on_is_joined_only_once_that_window_has_closed(session, bank, speech_dir):
    """fixAH left: a window that started while another window's given-up part waited joined that part at its own
    start, under the window that had it (its notice: "added at the next start"). Recovery joins the parts of a
    process that is gone: the window that gave up on the part (a live process here) keeps it until it closes."""
    import socket
    import subprocess
    import sys

    jfk_s, saved, more = _adding(session, bank, speech_dir)
    h = session.history()
    first_window = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        h.db.execute("UPDATE continuations SET owner = ? WHERE id = ?",      # the part is that running window's
                     [f"{socket.gethostname()}:{first_window.pid}:its-token", more.continuation])
        _give_up(session, more)                                             # ... and it gave up adding it
        assert h.being_continued([saved.attempt_id]) == []          # given up: Delete is not refused (review33 5)
        assert session.recover(lambda p: _spoken("and it balanced", 0.5, jfk_s - 1, jfk_s)) == []
        assert [p["id"] for p in h.unfinished_continuations()] == [more.continuation] and more.audio_path.exists()
        assert queries.get_attempt(h, saved.attempt_id)["transcript"] == "I built a ledger"
    finally:
        first_window.kill()
        first_window.wait()
    recovered = session.recover(lambda p: _spoken("and it balanced", 0.5, jfk_s - 1, jfk_s))   # it has closed
    assert [r.outcome for r in recovered] == ["finished"]
    assert queries.get_attempt(h, saved.attempt_id)["transcript"] == "I built a ledger and it balanced"
    assert h.unfinished_continuations() == []


def test_continuing_an_answer_deleted_meanwhile_says_so_in_the_candidates_words(session, bank, speech_dir):
    """fixAD: C pressed on an answer History or another window had deleted said "no answer #1 in
    /home/.../history.sqlite3" (and the GUI offered C again, failing again)."""
    from voiceprep.core.history import AnswerGone

    jfk = speech_dir / "jfk.wav"
    saved = session.save_file(bank, bank.prompt("hardest-problem"), Transcript.from_text("Ask not."), audio=jfk)
    session.history().delete_undoably([saved.attempt_id])
    with pytest.raises(AnswerGone, match=r"^That answer is no longer in your history \(it was deleted in History, "
                                         r"or in another voiceprep window\)"):
        session.begin_more(saved.attempt_id)
    assert session.history().read("SELECT count(*) AS n FROM continuations")[0]["n"] == 0


def test_another_windows_delete_cannot_come_between_reading_the_answer_and_beginning_its_part(session, bank,
                                                                                             speech_dir, monkeypatch):
    """refactor34: C checked that the answer was there, then read it, then began its part (which checked again): a
    delete in another window in between failed C with "no answer #1 in /home/.../history.sqlite3". The answer is
    read and its part begun in one transaction: a delete meanwhile waits for it (and is then refused)."""
    from voiceprep.core.history import AnswerBeingContinued, History, HistoryUnavailable

    jfk = speech_dir / "jfk.wav"
    saved = session.save_file(bank, bank.prompt("hardest-problem"), Transcript.from_text("Ask not."), audio=jfk)
    h = session.history()
    read, tried = queries.get_attempt, []

    def deleted_in_another_window_meanwhile(history, attempt_id, *args):
        with History.open(h.path, h.audio_dir, busy_timeout_s=0.2) as other:
            try:
                other.delete_attempt(attempt_id)
                tried.append("deleted")
            except HistoryUnavailable:
                tried.append("waited")
        return read(history, attempt_id, *args)
    monkeypatch.setattr(queries, "get_attempt", deleted_in_another_window_meanwhile)
    more = session.begin_more(saved.attempt_id)
    monkeypatch.undo()
    assert tried == ["waited"] and more.attempt_id == saved.attempt_id
    with History.open(h.path, h.audio_dir) as other, pytest.raises(AnswerBeingContinued):
        other.delete_attempt(saved.attempt_id)
    assert [p["attempt_id"] for p in h.unfinished_continuations()] == [saved.attempt_id]


def test_an_answer_being_continued_cannot_be_deleted_so_the_part_is_added_to_it(session, bank, speech_dir):
    """fixAD: deleted while C recorded a part, the answer's delete took the part being written, and the join then
    failed with "failed unexpectedly (NotFoundError)". The delete is refused; the part joins the answer."""
    from voiceprep.core.history import AnswerBeingContinued

    jfk = speech_dir / "jfk.wav"
    saved = session.save_file(bank, bank.prompt("hardest-problem"), Transcript.from_text("Ask not."), audio=jfk)
    more = session.begin_more(saved.attempt_id)
    record(jfk, more.audio_path)
    with pytest.raises(AnswerBeingContinued):
        session.history().delete_undoably([saved.attempt_id])
    added = Transcript.from_text("And so, my fellow Americans, ask not what your country can do for you.")
    again = session.finish(more, lambda: added, {"reason": "manual"})
    assert again.attempt_id == saved.attempt_id and again.problem is None
    row = queries.get_attempt(session.history(), saved.attempt_id)
    assert "fellow americans" in row["transcript"].lower() and Path(row["audio_path"]).exists()
    session.history().delete_undoably([saved.attempt_id])       # saved: now it can be deleted


def test_every_answer_the_silence_stop_ended_says_so_in_the_state_line():
    """Walk44 finding 4: the banner came after one silence-stopped answer, not another; the state line says it of
    each, as a fact, with the key that continues it."""
    line = silence_stopped_line(6.0, "C")
    assert line == "It stopped by itself after 6 s of silence; C continues this answer."


def test_an_answer_that_ended_for_a_while_is_finished():
    """read48c (mend49 added "while" to the words no sentence ends on): "It was failing for a while." ends a sentence,
    as often as any, and got "Not finished? Press C" again, what walk64 finding 6 took away."""
    assert not may_be_mid_thought("The job had been failing silently for a while.")
    assert not may_be_mid_thought("That took a while.")
    assert may_be_mid_thought("And then we.")
