"""Files are private (0600, folders 0700), including a data folder an older version made 0755."""

from __future__ import annotations

import os
import stat

import pytest

from voiceprep.app import HistoryAccess
from voiceprep.app.files import write_private


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_an_old_0755_data_folder_and_its_files_are_made_private(data_home):
    os.chmod(data_home, 0o755)
    log = data_home / "voiceprep.log"
    log.write_text("x")
    os.chmod(log, 0o644)
    cache = data_home / "tts-cache"
    cache.mkdir(mode=0o755)
    os.chmod(cache, 0o755)
    (cache / "a.wav").write_bytes(b"x")
    os.chmod(cache / "a.wav", 0o644)
    access = HistoryAccess(data_home / "history.sqlite3")
    access.history()
    assert mode(data_home) == mode(cache) == mode(data_home / "audio") == 0o700
    assert mode(log) == mode(cache / "a.wav") == mode(data_home / "history.sqlite3") == 0o600
    access.close_all()


def test_a_private_write_is_all_or_nothing(tmp_path):
    target = tmp_path / "export.md"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        from voiceprep.app.files import replacing

        with replacing(target) as f:
            f.write(b"half")
            raise RuntimeError("disk went away")
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["export.md"]
    write_private(target, "new")
    assert target.read_text() == "new" and mode(target) == 0o600
