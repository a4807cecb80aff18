"""voiceprep.paths: a folder as the user reads it."""

from __future__ import annotations

from pathlib import Path

from voiceprep import paths


def test_a_folder_under_home_is_shown_from_tilde_and_any_other_whole(monkeypatch, tmp_path):
    """fixCM: Settings' data directory (and so a screenshot of it) named the machine's own path. (Linux and macOS:
    on Windows a path is shown whole.)"""
    monkeypatch.setattr(paths.os, "name", "posix")
    home = tmp_path / "home" / "ann"
    monkeypatch.setenv("HOME", str(home))
    assert paths.shown(home / ".local" / "share" / "voiceprep") == "~/.local/share/voiceprep"
    assert paths.shown(home) == str(home)
    assert paths.shown(Path("/srv/voiceprep")) == "/srv/voiceprep"
    assert paths.shown(tmp_path / "home" / "annie") == str(tmp_path / "home" / "annie")     # not a prefix by letters
