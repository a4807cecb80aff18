"""History's Delete can be undone (fixX, walk39 9): the answers go at once, and come back exactly until the undo is
over; then, or after a crash, their recordings are really removed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.core.history.conftest import STRONG, WEAK
from voiceprep.core.history import HistoryError, queries
from voiceprep.core.history.store import _ANSWER_TABLES, DONE


def everything(history) -> dict[str, list[dict]]:
    """Every row an answer has, table by table, as stored (in no particular order: where a row sits on disk is not
    what the candidate sees)."""
    return {t: sorted(history.read(f"SELECT * FROM {t}"), key=lambda r: json.dumps(r, sort_keys=True))
            for t in _ANSWER_TABLES}


def recorded(history, save, text: str = STRONG) -> tuple[int, object]:
    """A stored answer with a recording on disk, a note and a part a crash left (the next start adds it to the
    answer; a part being added right now holds the delete off: test_an_answer_being_continued_is_not_deleted)."""
    attempt = save(text)
    audio = history.new_audio_path(".flac")
    audio.write_bytes(b"fLaC....")
    with history.write():
        history.table("attempts").update(attempt, {"audio_path": str(audio)})
    history.set_note(attempt, "say the number first", 4)
    part = history.new_audio_path(".wav")
    part.write_bytes(b"RIFF")
    part_id = history.begin_continuation(attempt, part)
    with history.write():
        history.table("continuations").update(part_id, {"owner": "a-crashed-host:1:gone"})
    return attempt, audio


def test_a_deleted_answer_comes_back_exactly(history, save):
    kept = save(WEAK)
    attempt, audio = recorded(history, save)
    before = everything(history)
    assert before["words"] and before["key_point_results"] and before["continuations"]
    deleted = history.delete_undoably([attempt])
    # gone from every list and search at once, its recording still on disk for the undo
    assert [r["id"] for r in queries.list_attempts(history)] == [kept]
    assert not [r for r in queries.search(history, "Disruptor")]
    with pytest.raises(HistoryError, match=f"no answer #{attempt}"):
        history.attempt_row(attempt)
    assert audio.exists()
    assert history.undo_delete(deleted) == [attempt]
    assert everything(history) == before                       # same id, time, note, scores, words and parts
    assert queries.search(history, "Disruptor")[0]["id"] == attempt      # its words are found again
    assert history.read("SELECT count(*) AS n FROM deleted")[0]["n"] == 0
    with pytest.raises(HistoryError, match="can no longer be brought back"):
        history.undo_delete(deleted)                            # undone once: nothing left to bring back


def test_several_answers_deleted_at_once_come_back_together(history, save):
    ids = [save(STRONG), save(WEAK), save(STRONG)]
    before = everything(history)
    deleted = history.delete_undoably(ids[:2])
    assert [r["id"] for r in queries.list_attempts(history)] == ids[2:]
    assert sorted(history.undo_delete(deleted)) == ids[:2]
    assert everything(history) == before


def test_when_the_undo_is_over_the_recording_is_removed(history, save):
    attempt, audio = recorded(history, save)
    part = history.read("SELECT audio_path FROM continuations")[0]["audio_path"]
    deleted = history.delete_undoably([attempt])
    history.forget_deleted(deleted)
    assert not audio.exists() and not audio.with_name(part.rsplit("/", 1)[-1]).exists()
    assert history.read("SELECT count(*) AS n FROM deleted")[0]["n"] == 0
    with pytest.raises(HistoryError, match="can no longer be brought back: their undo is over"):
        history.undo_delete(deleted)
    history.forget_deleted(deleted)                             # twice (the timer and the quit): no error


def test_a_crash_before_the_undo_is_over_leaves_nothing_behind(history, save):
    """The window that deleted died: the delete stands (as the candidate asked), and the next start removes its
    recording, so crashes do not pile up files; a running window's pending delete is left alone."""
    dead, dead_audio = recorded(history, save)
    alive, alive_audio = recorded(history, save, WEAK)
    gone = history.delete_undoably([dead])
    pending = history.delete_undoably([alive])
    with history.write():
        history.table("deleted").update(gone, {"owner": "another-host:12345:deadbeef"})
    assert history.forget_abandoned_deletes() == 1
    assert not dead_audio.exists() and alive_audio.exists()
    assert history.deleted_audio() == {alive_audio.name, *(p.name for p in alive_audio.parent.glob("*.wav"))}
    assert history.undo_delete(pending) == [alive]              # the running window's undo still works
    with pytest.raises(HistoryError, match="can no longer be brought back"):
        history.undo_delete(gone)


def test_an_id_taken_meanwhile_gives_the_answer_back_a_new_one_at_its_own_time(history, save):
    first = save(WEAK)
    newest = save(STRONG)
    history.set_note(newest, "my best one", 5)
    started = history.attempt_row(newest)["started_at"]
    deleted = history.delete_undoably([newest])
    meanwhile = save(WEAK)                     # SQLite gives the next answer the freed id
    assert meanwhile == newest
    back, = history.undo_delete(deleted)
    assert back not in (first, meanwhile)
    row = history.attempt_row(back)
    assert (row["started_at"], row["note"], row["state"]) == (started, "my best one", DONE)
    assert history.read("SELECT count(*) AS n FROM key_point_results WHERE attempt_id = ?", [back])[0]["n"] > 0
    assert history.attempt_row(meanwhile)["note"] is None       # the answer given meanwhile is untouched


def test_deleting_an_answer_that_is_not_there_says_so_and_deletes_nothing(history, save):
    kept = save(WEAK)
    with pytest.raises(HistoryError, match="no answer #999"):
        history.delete_undoably([kept, 999])
    assert [r["id"] for r in queries.list_attempts(history)] == [kept]


def test_an_answer_imported_again_before_the_undo_is_not_put_back_twice(history, save):
    from voiceprep.core.history import export

    kept, again = save(WEAK), save(STRONG)
    backup = export.to_json(history, [kept, again])
    deleted = history.delete_undoably([kept, again])
    export.import_json(history, backup)                     # the backup brought both back meanwhile
    uids = [r["uid"] for r in history.read("SELECT uid FROM attempts")]
    assert history.undo_delete(deleted) == []               # nothing twice, and no database error
    assert sorted(r["uid"] for r in history.read("SELECT uid FROM attempts")) == sorted(uids)
    assert history.read("SELECT count(*) AS n FROM deleted")[0]["n"] == 0


def test_an_answer_imported_again_before_the_undo_keeps_its_recording_and_parts(history, save):
    """review32 6: the backup's copy has no audio (a backup carries none); the undo skipped the answer and removed
    its delete row, so the recording and the part being added were left to the next start's sweep. The copy now
    takes them: nothing is put back twice, and no recording is lost."""
    from voiceprep.core.history import export

    attempt, audio = recorded(history, save)
    typed = save(WEAK)
    backup = export.to_json(history, [attempt, typed])
    parts = [r["audio_path"] for r in history.read("SELECT audio_path FROM continuations")]
    deleted = history.delete_undoably([attempt, typed])
    export.import_json(history, backup)
    assert history.read("SELECT count(*) AS n FROM attempts WHERE audio_path IS NULL")[0]["n"] == 2
    undone = history.undo_delete(deleted)
    assert undone == []
    # fixAD: what came back is counted exactly (the undo said "recording, if any"): both answers, one recording
    assert (undone.again, undone.again_recorded) == (2, 1)
    copy = history.read("SELECT id, audio_path FROM attempts WHERE audio_path IS NOT NULL")
    assert [r["audio_path"] for r in copy] == [str(audio)], copy
    assert [r["audio_path"] for r in history.read("SELECT audio_path FROM continuations WHERE attempt_id = ?",
                                                   [copy[0]["id"]])] == parts
    assert history.read("SELECT count(*) AS n FROM attempts")[0]["n"] == 2
    assert audio.exists() and all(Path(p).exists() for p in parts)
    # what the next start's sweep keeps: the recording and the part, now the copy's
    kept = history.referenced_stems()
    assert {Path(p).name.split(".")[0] for p in [str(audio), *parts]} <= kept, kept


def test_several_answers_come_back_when_an_answer_saved_meanwhile_took_the_first_id(history, save):
    """review32 1: answers 1, 2, 3; 2 and 3 deleted; a new answer takes id 2. Answer 2 needs a new id, and SQLite's
    next one (max + 1) was answer 3's own: the undo failed on the id and the answers were lost."""
    ids = [save(STRONG), save(WEAK), save(STRONG)]
    deleted = history.delete_undoably(ids[1:])
    meanwhile = save(WEAK)
    assert meanwhile == ids[1]
    history.set_note(meanwhile, "given meanwhile", 2)
    back = history.undo_delete(deleted)
    assert len(back) == 2 and ids[2] in back and meanwhile not in back
    listed = {r["id"] for r in queries.list_attempts(history)}
    assert listed == {ids[0], meanwhile, *back}
    assert history.attempt_row(meanwhile)["note"] == "given meanwhile"       # untouched
    assert history.read("SELECT count(*) AS n FROM deleted")[0]["n"] == 0


def test_an_undo_that_fails_leaves_the_delete_pending(history, save, monkeypatch):
    """Whatever makes an undo fail, its transaction is undone whole: the delete can still be undone afterwards."""
    ids = [save(STRONG), save(WEAK)]
    deleted = history.delete_undoably(ids)
    real = history.table

    def broken(name):
        if name == "key_point_results":
            raise HistoryError("the disk went away")
        return real(name)
    monkeypatch.setattr(history, "table", broken)
    with pytest.raises(HistoryError, match="the disk went away"):
        history.undo_delete(deleted)
    monkeypatch.setattr(history, "table", real)
    assert not queries.list_attempts(history)                   # nothing half back
    assert sorted(history.undo_delete(deleted)) == ids           # and the undo still works


def test_this_process_pending_delete_is_not_made_final_on_windows(history, save, monkeypatch):
    """review32 3: on Windows `owner_alive` could not tell, and start-up recovery made this window's own pending
    delete final while its notice still offered Undo."""
    import sys

    from voiceprep.core.history.store import owner_alive, this_process

    attempt, audio = recorded(history, save)
    pending = history.delete_undoably([attempt])
    gone = history.delete_undoably([save(WEAK)])
    with history.write():
        history.table("deleted").update(gone, {"owner": "another-host:12345:deadbeef"})
    monkeypatch.setattr(sys, "platform", "win32")
    assert owner_alive(this_process())
    assert history.forget_abandoned_deletes() == 1              # the other one only
    assert audio.exists()
    assert history.undo_delete(pending) == [attempt]


def test_an_answer_being_continued_is_not_deleted_and_one_deleted_cannot_be_continued(history, save):
    """fixAD: History's Delete (in this window or another) of the answer C is adding a part to took the part's row
    and audio into the delete while the part was still being recorded: undone too late, or not at all, what the
    candidate was saying went with the next sweep. The delete is refused now, in words, and deletes nothing; once
    the part is saved (its row ends) the answer can be deleted, and then no part can be begun on it."""
    from voiceprep.core.history import AnswerBeingContinued, AnswerGone

    attempt, other = save(STRONG), save(WEAK)
    part = history.begin_continuation(attempt, history.new_audio_path(".wav"))
    with pytest.raises(AnswerBeingContinued, match="being added to right now .* so nothing was deleted"):
        history.delete_undoably([other, attempt])
    assert {r["id"] for r in queries.list_attempts(history)} == {attempt, other}
    assert history.read("SELECT count(*) AS n FROM deleted")[0]["n"] == 0
    history.end_continuation(part)                          # the part is joined (or dropped)
    history.delete_undoably([attempt])
    with pytest.raises(AnswerGone, match="no longer in your history"):
        history.begin_continuation(attempt, history.new_audio_path(".wav"))
    assert history.read("SELECT count(*) AS n FROM continuations")[0]["n"] == 0
