"""The steps the Practice page's tests take again and again: a round started, a key pressed as the candidate presses
it, a round taken to its summary (duplicates D3, refactor34)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from voiceprep.gui import controller as c
from voiceprep.settings import PracticeSettings

HELD = (Qt.Key.Key_R, Qt.Key.Key_N, Qt.Key.Key_F)    # one-letter commands that wait to see if a note begins
HOLD_MS = int(PracticeSettings.first_letter_hold_s * 1000)


def start(window, qtbot, bank="senior-backend-payments"):
    """A round of `bank` started on the Practice page; on return its first question has been asked."""
    page, ctl = window.practice, window.controller
    page.fill_banks(select=bank)
    page.start_btn.click()
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
    return page, ctl


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    """`key` pressed on `widget`; a held one-letter command (R, N, F) has run (or been dropped) on return: waited
    for, not slept on (a fixed 150 ms past the wait is thin on a loaded 2-core CI machine)."""
    widget.setFocus()
    qtbot.keyClick(widget, key, modifier)
    if key in HELD and modifier == Qt.KeyboardModifier.NoModifier:
        watch = widget.window().practice.typing_watch
        qtbot.waitUntil(lambda: watch.held() is None, timeout=HOLD_MS + 10000)


def to_the_summary(qtbot, page, ctl):
    """Next clicked on every question left in the round: on return the round's summary shows."""
    while ctl.state != c.FINISHED:
        qtbot.waitUntil(lambda: page.next_btn.isEnabled(), timeout=30000)
        page.next_btn.click()
    qtbot.waitUntil(lambda: page.stack.currentIndex() == 2, timeout=10000)


def typed_round(window, qtbot, text, bank="airwallex"):
    """A round of `bank` with its first question answered by typing `text` and the others skipped: on its summary."""
    page, ctl = start(window, qtbot, bank=bank)
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(text)
    to_the_summary(qtbot, page, ctl)
    return page, ctl
