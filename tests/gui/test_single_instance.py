"""One voiceprep per data directory (walkthrough 11: a second and a third instance opened on top of the first, sharing
the microphone and the history)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from voiceprep.gui.single_instance import LOCK_NAME, SingleInstance, bring_forward

HOLD = textwrap.dedent("""
    import sys, time
    from PySide6.QtCore import QLockFile
    lock = QLockFile(sys.argv[1])
    assert lock.tryLock(0)
    print("locked", flush=True)
    time.sleep(60)
""")


def test_a_second_start_brings_the_first_forward_and_does_not_open(qtbot, tmp_path):
    shown = []
    first = SingleInstance(tmp_path, on_show=lambda: shown.append(True))
    assert first.claim()
    second = SingleInstance(tmp_path)
    try:
        assert not second.claim() and second.reached_first
        qtbot.waitUntil(lambda: shown == [True], timeout=5000)
        other = SingleInstance(tmp_path / "another-home")     # another data directory: another voiceprep
        assert other.claim()
        other.release()
    finally:
        first.release()
    third = SingleInstance(tmp_path)                           # the first closed: the next start opens
    assert third.claim()
    third.release()


def test_a_lock_left_by_a_killed_app_does_not_block_starting(tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path / LOCK_NAME)], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        alive = SingleInstance(tmp_path)
        assert not alive.claim()                               # held by a live app (that does not answer)
        assert not alive.reached_first                         # so the second start says "already open"
    finally:
        holder.kill()                                          # as a crash: the lock file stays behind
        holder.wait()
    assert (tmp_path / LOCK_NAME).exists()
    after = SingleInstance(tmp_path)
    assert after.claim()
    after.release()


def test_bring_forward_unminimizes_the_window(qtbot):
    from PySide6.QtWidgets import QWidget

    w = QWidget()
    qtbot.addWidget(w)
    w.showMinimized()
    bring_forward(w)
    assert w.isVisible() and not w.isMinimized()
