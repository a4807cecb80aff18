"""What the app says when it cannot start in its data folder (walk39 5: a read-only VOICEPREP_HOME)."""

from __future__ import annotations

import errno
import logging
import tempfile

from PySide6.QtWidgets import QApplication, QMessageBox

from tests.gui.modal import when_modal
from voiceprep.gui import app as gui_app
from voiceprep.gui import main_window


def test_an_unwritable_data_folder_is_shown_in_a_dialog_before_any_window(qapp, data_home, monkeypatch):
    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system", str(data_home / "voiceprep.log"))

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", read_only)
    monkeypatch.setattr(logging, "FileHandler", read_only)             # the log cannot be written either
    monkeypatch.setattr(gui_app, "install_excepthook", lambda: None)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    windows = []
    monkeypatch.setattr(main_window.MainWindow, "show", lambda self: windows.append(self))
    root = logging.getLogger()
    handlers = list(root.handlers)
    shown = []
    asked = []
    critical = QMessageBox.critical

    def recorded(parent, title, text, *args):
        # what the app asked to show (CI3, session 41: a poll left over from an earlier test closed the box before
        # ours read it, `shown` empty; polls now end with their test, tests/gui/conftest.py)
        asked.append((title, text))
        return critical(parent, title, text, *args)

    monkeypatch.setattr(QMessageBox, "critical", recorded)

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        shown.append((box.windowTitle(), box.text()) if isinstance(box, QMessageBox) else None)
        if box is not None:
            box.close()

    when_modal(read_and_close, QMessageBox)
    try:
        assert gui_app.run([]) == 2
    finally:
        for handler in set(root.handlers) - set(handlers):
            root.removeHandler(handler)
    assert not windows
    assert len(asked) == 1 and shown == asked, (asked, shown)       # shown, and read by this test's own poll
    title, text = asked[0]
    assert "cannot be written" in title
    assert str(data_home) in text and "read-only" in text and "VOICEPREP_HOME" in text
