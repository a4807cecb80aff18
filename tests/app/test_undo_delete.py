"""History's Delete through the app layer (fixX, walk39 9): undone, it brings back what Progress and Compare showed;
its recording outlives the sweep until the undo is over, and a crash leaves nothing behind."""

from __future__ import annotations

from voiceprep.core.transcript import Transcript

LOCK = ("We had lock contention in the matching engine, so I proposed the LMAX Disruptor, a ring buffer with a "
        "single writer. I benchmarked it and latency fell forty percent; the trade-off was complexity.")
SHORT = "We had some locks and fixed them."


def recorded(session, bank, access, text: str = LOCK):
    """A typed answer given a recording on disk, as a spoken one has."""
    saved = session.save_typed(bank, bank.prompt("hardest-problem"), text)
    h = access.history()
    audio = h.new_audio_path(".flac")
    audio.write_bytes(b"fLaC")
    h.db.execute("UPDATE attempts SET audio_path = ? WHERE id = ?", [str(audio), saved.attempt_id])
    return saved.attempt_id, audio


def test_undo_brings_back_what_progress_and_compare_showed(session, service, bank, access):
    first, _ = recorded(session, bank, access, SHORT)
    second, audio = recorded(session, bank, access)
    service.set_note(second, "lead with the number", 4)
    progress, compared = service.progress("airwallex"), service.compare(first, second)
    shown = service.attempt(second)
    deleted = service.delete_undoably([second])
    assert deleted.count == 1
    assert [r["id"] for r in service.attempts()] == [first]
    assert service.progress("airwallex") != progress                  # Progress counts it gone at once
    assert service.undo_delete(deleted) == [second]
    assert service.progress("airwallex") == progress
    assert service.compare(first, second) == compared
    assert service.attempt(second) == shown and audio.exists()


def test_the_sweep_keeps_a_pending_deletes_recording_and_the_end_of_the_undo_removes_it(session, service, bank,
                                                                                       access):
    attempt, audio = recorded(session, bank, access)
    deleted = service.delete_undoably([attempt])
    assert session.sweep() == [] and audio.exists()                  # another window's start must not take it
    assert session.recover(lambda p: Transcript.from_text("")) == [] and audio.exists()   # this process is alive
    service.forget_deleted(deleted)
    assert not audio.exists()


def test_after_a_crash_the_next_start_makes_the_delete_final_and_removes_the_recording(session, service, bank,
                                                                                     access):
    attempt, audio = recorded(session, bank, access)
    deleted = service.delete_undoably([attempt])
    access.history().db.execute("UPDATE deleted SET owner = 'elsewhere:1:gone' WHERE id = ?", [deleted.id])
    session.recover(lambda p: Transcript.from_text(""))
    assert not audio.exists() and list(access.audio_dir.iterdir()) == []
    assert [r["id"] for r in service.attempts()] == []
    assert access.history().read("SELECT count(*) AS n FROM deleted")[0]["n"] == 0


def test_a_busy_history_when_making_abandoned_deletes_final_does_not_fail_the_recovery(session, service, bank,
                                                                                        access, monkeypatch):
    """review32 7: the answers just recovered were reported as "Recovery failed" when the history was busy at the
    last step; the abandoned delete stays pending (its recording kept) for the next start."""
    from voiceprep.core.history import HistoryBusyError

    h = access.history()
    attempt, audio = recorded(session, bank, access)
    deleted = service.delete_undoably([attempt])
    h.db.execute("UPDATE deleted SET owner = 'elsewhere:1:gone' WHERE id = ?", [deleted.id])
    typed = h.begin_attempt(bank, bank.prompt("hardest-problem"), state="transcribing", input="typed", text=LOCK)
    h.db.execute("UPDATE attempts SET owner = 'elsewhere:1:x' WHERE id = ?", [typed])

    def busy():
        raise HistoryBusyError(access.history().path, 5)
    monkeypatch.setattr(access.history(), "forget_abandoned_deletes", busy)
    [result] = session.recover(lambda p: Transcript.from_text(""))
    assert (result.attempt_id, result.outcome) == (typed, "finished")
    assert audio.exists() and h.read("SELECT count(*) AS n FROM deleted")[0]["n"] == 1
