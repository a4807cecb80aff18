"""History's Delete with Undo (fixX, walk39 9): the answer goes at once, without "This cannot be undone"; a notice
offers "Undo (Ctrl+Z)" for a while; undone, the answer is back as it was, recording and all; when the undo is over
(its time, another delete, the notice dismissed, the quit) its recording is really removed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.test_history_views import STRONG, WEAK, off_gui, rows, seed
from voiceprep.core.history import History


def with_recording(db: Path, attempt: int) -> Path:
    """Give a stored answer a recording on disk, as a spoken answer has."""
    def work() -> Path:
        with History.open(db) as h:
            audio = h.new_audio_path(".flac")
            audio.write_bytes(b"fLaC")
            h.db.execute("UPDATE attempts SET audio_path = ?, note = 'lead with the number' WHERE id = ?",
                         [str(audio), attempt])
            return audio
    return off_gui(work)


def stored(db: Path, sql: str) -> list[dict]:
    def work() -> list[dict]:
        with History.open(db) as h:
            return h.read(sql)
    return off_gui(work)


@pytest.fixture
def short_undo(monkeypatch):
    """The undo's time, short enough for a test to see it run out."""
    import voiceprep.gui.widgets.history as history

    monkeypatch.setattr(history, "UNDO_DELETE_S", 0.5)


def history_page(qtbot, window, services, answers):
    ids = seed(services.db_path, answers)
    window.resize(1366, 768)
    window.nav.setCurrentRow(1)
    page = window.history
    qtbot.waitUntil(lambda: sorted(rows(page)) == sorted(ids), timeout=10000)
    return page, ids


def delete_with_the_keyboard(qtbot, page, attempt: int) -> None:
    page.table.setFocus()
    page.table.selectRow(rows(page).index(attempt))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table, timeout=5000)
    left = len(rows(page)) - 1
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: len(rows(page)) == left and page.notice.isVisible(), timeout=10000)


def test_delete_then_ctrl_z_brings_the_answer_back_as_it_was(qtbot, window, services, monkeypatch):
    from voiceprep.gui.widgets import common

    page, ids = history_page(qtbot, window, services, [("hardest-problem", WEAK, 0.4),
                                                       ("hardest-problem", STRONG, 0.4),
                                                       ("why-airwallex", "I like global transfers.", None)])
    audio = with_recording(services.db_path, ids[1])
    before = stored(services.db_path, "SELECT * FROM attempts ORDER BY id")
    asked = []
    monkeypatch.setattr(common, "choose", lambda *a, **k: asked.append(a) or 0)
    delete_with_the_keyboard(qtbot, page, ids[1])
    assert asked == []                                            # no "This cannot be undone" question
    assert ids[1] not in rows(page) and audio.exists()
    text = page.notice.text()
    assert text.startswith("Answer deleted: “What is the most challenging") and ", score " in text, text
    assert page.notice.action_btn.isVisible() and page.notice.action_btn.text() == "Undo  (Ctrl+Z)"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: sorted(rows(page)) == sorted(ids), timeout=10000)
    qtbot.waitUntil(lambda: page.selected_ids() == [ids[1]], timeout=5000)      # the answer brought back, selected
    assert QApplication.focusWidget() is page.table and not page.notice.isVisible()
    assert stored(services.db_path, "SELECT * FROM attempts ORDER BY id") == before      # same id, time and note
    assert audio.exists()
    qtbot.waitUntil(lambda: page.detail.document is not None and page.current["id"] == ids[1], timeout=10000)
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)       # nothing left to undo
    qtbot.wait(200)
    assert sorted(rows(page)) == sorted(ids)


def test_the_notices_undo_button_works_from_the_keyboard(qtbot, window, services):
    page, ids = history_page(qtbot, window, services, [("hardest-problem", WEAK, 0.4),
                                                       ("hardest-problem", STRONG, 0.4)])
    delete_with_the_keyboard(qtbot, page, ids[0])
    page.table.setFocus()
    for _ in range(12):                                # Tab, as a keyboard user would, until the Undo button
        if QApplication.focusWidget() is page.notice.action_btn:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is page.notice.action_btn
    qtbot.keyClick(page.notice.action_btn, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: sorted(rows(page)) == sorted(ids), timeout=10000)


def test_when_the_undo_runs_out_the_recording_is_removed(qtbot, short_undo, window, services):
    page, ids = history_page(qtbot, window, services, [("hardest-problem", WEAK, 0.4),
                                                       ("hardest-problem", STRONG, 0.4)])
    audio = with_recording(services.db_path, ids[1])
    delete_with_the_keyboard(qtbot, page, ids[1])
    qtbot.waitUntil(lambda: not audio.exists() and not page.notice.isVisible(), timeout=10000)
    assert stored(services.db_path, "SELECT id FROM deleted") == []
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)      # too late: nothing comes back
    qtbot.wait(300)
    assert rows(page) == [ids[0]]


def test_another_delete_makes_the_one_before_final_and_undo_brings_back_the_last(qtbot, window, services):
    page, ids = history_page(qtbot, window, services, [("hardest-problem", WEAK, 0.4),
                                                       ("hardest-problem", STRONG, 0.4),
                                                       ("why-airwallex", "I like global transfers.", None)])
    first, second = with_recording(services.db_path, ids[0]), with_recording(services.db_path, ids[1])
    delete_with_the_keyboard(qtbot, page, ids[0])
    delete_with_the_keyboard(qtbot, page, ids[1])
    qtbot.waitUntil(lambda: not first.exists(), timeout=10000)
    assert second.exists()
    page.undo_delete()
    qtbot.waitUntil(lambda: sorted(rows(page)) == sorted(ids[1:]), timeout=10000)
    assert second.exists() and stored(services.db_path, "SELECT id FROM deleted") == []


def test_a_refused_delete_leaves_the_undo_before_it_and_its_recording(qtbot, window, services):
    """review33 2: a delete refused (an answer being added to right now, fixAD) first made the delete before it
    final: its Undo was gone and its recording removed, though nothing new was deleted."""
    page, ids = history_page(qtbot, window, services, [("hardest-problem", WEAK, 0.4),
                                                       ("hardest-problem", STRONG, 0.4)])
    first = with_recording(services.db_path, ids[0])
    delete_with_the_keyboard(qtbot, page, ids[0])
    undo = page._undoable

    def adding() -> Path:                                          # C is recording a part of the other answer
        with History.open(services.db_path) as h:
            part = h.new_audio_path(".wav")
            h.begin_continuation(ids[1], part)
            return part
    off_gui(adding)
    page.table.setFocus()
    page.table.selectRow(rows(page).index(ids[1]))
    page.delete_selected()
    qtbot.waitUntil(lambda: "being added to right now" in page.status.text(), timeout=10000)
    qtbot.wait(300)                                                # a final delete's removal would have run by now
    assert rows(page) == [ids[1]] and first.exists()
    assert page._undoable is undo and page.notice.isVisible()
    page.undo_delete()
    qtbot.waitUntil(lambda: sorted(rows(page)) == sorted(ids), timeout=10000)
    assert first.exists()


def test_dismissing_the_notice_or_quitting_makes_the_delete_final(qtbot, window, services):
    page, ids = history_page(qtbot, window, services, [("hardest-problem", WEAK, 0.4),
                                                       ("hardest-problem", STRONG, 0.4)])
    first, second = with_recording(services.db_path, ids[0]), with_recording(services.db_path, ids[1])
    delete_with_the_keyboard(qtbot, page, ids[0])
    page.notice.close_btn.click()                                  # ✕: the undo is over
    qtbot.waitUntil(lambda: not first.exists(), timeout=10000)
    delete_with_the_keyboard(qtbot, page, ids[1])
    window.close()                                                 # quitting: the delete is final
    qtbot.waitUntil(lambda: not second.exists(), timeout=10000)
    assert stored(services.db_path, "SELECT id FROM deleted") == []


def test_an_undo_that_fails_leaves_the_delete_undoable(qtbot, window, services, monkeypatch):
    """review32 1: a failed undo hid the notice and cleared the undo, so the next start made the delete final."""
    from voiceprep.core.history import HistoryBusyError

    page, ids = history_page(qtbot, window, services, [("hardest-problem", WEAK, 0.4),
                                                       ("hardest-problem", STRONG, 0.4)])
    audio = with_recording(services.db_path, ids[1])
    delete_with_the_keyboard(qtbot, page, ids[1])
    service = page.services.history
    real = service.undo_delete

    def busy(done):
        raise HistoryBusyError(services.db_path, 5)
    monkeypatch.setattr(service, "undo_delete", busy)
    page.undo_delete()
    qtbot.waitUntil(lambda: "still deleted" in page.notice.text(), timeout=10000)
    assert page.notice.isVisible() and page.notice.action_btn.isVisible()
    assert "kept the history busy" in page.notice.text() and rows(page) == [ids[0]]
    assert len(stored(services.db_path, "SELECT id FROM deleted")) == 1 and audio.exists()
    monkeypatch.setattr(service, "undo_delete", real)
    page.notice.action_btn.click()                                 # Undo again: this time it works
    qtbot.waitUntil(lambda: sorted(rows(page)) == sorted(ids), timeout=10000)
    assert audio.exists() and stored(services.db_path, "SELECT id FROM deleted") == []


def test_a_second_delete_made_while_the_first_is_running_makes_the_first_final(qtbot, window, services):
    """review32 2: with the history lane busy, delete A and B were both in flight; A's result set the undo, B's
    replaced it, and A was left pending, its recording kept after the quit."""
    import threading

    from voiceprep.gui.operations import query

    page, ids = history_page(qtbot, window, services, [("hardest-problem", WEAK, 0.4),
                                                       ("hardest-problem", STRONG, 0.4),
                                                       ("why-airwallex", "I like global transfers.", None)])
    first, second = with_recording(services.db_path, ids[0]), with_recording(services.db_path, ids[1])
    gate = threading.Event()
    query(lambda: gate.wait(10))                                   # the lane busy (an export, a reload)
    try:
        page.table.selectRow(rows(page).index(ids[0]))
        page.delete_selected()
        page.table.selectRow(rows(page).index(ids[1]))
        page.delete_selected()
    finally:
        gate.set()
    qtbot.waitUntil(lambda: rows(page) == [ids[2]] and page.notice.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: not first.exists(), timeout=10000)     # the first delete is final
    assert second.exists()
    window.close()
    qtbot.waitUntil(lambda: not second.exists(), timeout=10000)
    assert stored(services.db_path, "SELECT id FROM deleted") == []


def test_the_undo_notice_names_recordings_only_for_answers_that_have_them_and_no_score_for_a_failed_one():
    """review32 10: "3 answers deleted, with their recordings." for typed answers, and "…, score failed."."""
    from voiceprep.gui.widgets.history import deleted_text

    def row(input: str, overall: float | None = 80.0, state: str = "done") -> dict:
        return {"input": input, "overall": overall, "state": state, "prompt_text": "Why Airwallex?",
                "started_at": "2026-12-05T08:00:00+00:00",
                "score_text": state if overall is None else f"{overall:.0f}"}

    assert deleted_text([row("typed"), row("typed")]) == "2 answers deleted."
    assert deleted_text([row("typed"), row("voice"), row("file")]) == "3 answers deleted, with 2 recordings."
    assert deleted_text([row("typed"), row("voice")]) == "2 answers deleted, with 1 recording."
    failed = deleted_text([row("voice", None, "failed")])
    assert failed.startswith("Answer deleted: “Why Airwallex?”, ") and failed.endswith(", not scored."), failed
    assert deleted_text([row("voice")]).endswith(", score 80."), deleted_text([row("voice")])


def test_undo_after_the_same_answers_were_imported_again_says_so_and_keeps_the_recording(qtbot, window, services):
    """review32 6: a delete undone after a backup brought the same answers back said "Brought back 0 answers." and
    the recording went with the next start's sweep. It says they were already back, and the recording stays."""
    from voiceprep.core.history import export

    page, ids = history_page(qtbot, window, services, [("hardest-problem", WEAK, 0.4),
                                                       ("hardest-problem", STRONG, 0.4)])
    audio = with_recording(services.db_path, ids[1])
    def exported() -> str:
        with History.open(services.db_path) as h:
            return export.to_json(h, [ids[1]])
    backup = off_gui(exported)
    delete_with_the_keyboard(qtbot, page, ids[1])

    def imported() -> None:
        with History.open(services.db_path) as h:
            export.import_json(h, backup)
    off_gui(imported)
    page.undo_delete()
    qtbot.waitUntil(lambda: page.notice.isVisible() and "already back" in page.notice.text(), timeout=10000)
    assert page.notice.text() == ("That answer was already back from a backup you imported, with its "
                                  "recording."), page.notice.text()
    assert not page.notice.action_btn.isVisible()                  # nothing left to undo
    qtbot.waitUntil(lambda: sorted(rows(page)) == sorted(ids), timeout=10000)      # the copy, listed
    assert stored(services.db_path, "SELECT audio_path FROM attempts WHERE audio_path IS NOT NULL") == [
        {"audio_path": str(audio)}]
    assert audio.exists() and stored(services.db_path, "SELECT id FROM deleted") == []


def test_the_undo_says_how_many_it_put_back_and_how_many_an_import_had_brought_back():
    """fixAD: the answers an import had brought back are said with exactly the recordings they have ("recording, if
    any" said nothing about a typed answer, which has none, or a voice answer, which keeps its own)."""
    from voiceprep.gui.widgets.history import undone_text

    assert undone_text(2, 2, 0) == "Brought back 2 answers."
    assert undone_text(0, 2, 2) == ("Those 2 answers were already back from a backup you imported, with their "
                                    "recordings.")
    assert undone_text(0, 2, 0) == "Those 2 answers were already back from a backup you imported, with no recordings."
    assert undone_text(0, 1, 0) == "That answer was already back from a backup you imported, with no recording."
    assert undone_text(1, 3, 2) == ("Brought back 1 answer. 2 were already back from a backup you imported, with "
                                    "their recordings.")
    assert undone_text(0, 3, 1) == ("Those 3 answers were already back from a backup you imported, with 1 "
                                    "recording.")
    assert undone_text(2, 3, 1) == ("Brought back 2 answers. 1 was already back from a backup you imported, with "
                                    "its recording.")
