"""The data folder check at start (walk39 5: a read-only VOICEPREP_HOME stopped the app without a word)."""

from __future__ import annotations

import errno
import tempfile
from pathlib import Path

from voiceprep.app import data_folder


def test_a_writable_data_folder_has_no_problem(data_home):
    assert data_folder.data_folder_problem() is None
    assert not list(data_home.glob(".write-check-*"))          # the probe leaves nothing behind


def test_a_read_only_data_folder_is_named_with_what_to_do(data_home, monkeypatch):
    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system", str(data_home / "x"))

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", read_only)
    message = data_folder.data_folder_problem()
    assert message is not None
    assert str(data_home) in message and "cannot be written" in message and "read-only" in message
    assert "VOICEPREP_HOME" in message and "permissions" in message


def test_a_data_folder_that_cannot_be_created_is_reported_not_raised(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("VOICEPREP_HOME", str(blocker / "home"))
    message = data_folder.data_folder_problem()
    assert message is not None and str(blocker / "home") in message and "is a file" in message


def test_a_full_disk_says_to_free_space():
    message = data_folder.unwritable_message(Path(tempfile.gettempdir()), OSError(errno.ENOSPC, "No space left"))
    assert "the disk is full" in message and "Free some space" in message
