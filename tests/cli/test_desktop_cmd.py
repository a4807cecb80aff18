"""`voiceprep install-desktop` / `uninstall-desktop` into a temporary XDG data directory."""

from __future__ import annotations

import configparser
import shlex
from pathlib import Path

from PySide6.QtGui import QImage

from voiceprep.cli import desktop_cmd
from voiceprep.cli.main import main


def entry_of(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str            # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_install_adds_a_launcher_and_icons_and_uninstall_removes_them(tmp_path, monkeypatch, capsys):
    data = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    assert main(["install-desktop"]) == 0
    assert "uninstall-desktop" in capsys.readouterr().out
    entry = entry_of(data / "applications" / "voiceprep.desktop")
    assert entry["Type"] == "Application" and entry["Icon"] == "voiceprep" and entry["Terminal"] == "false"
    command = shlex.split(entry["Exec"])
    assert Path(command[0]).is_file() and command[-1] == "gui"
    for size in desktop_cmd.ICON_SIZES:
        image = QImage(str(data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "voiceprep.png"))
        assert (image.width(), image.height()) == (size, size)
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "voiceprep.svg").read_text().lstrip().startswith("<?xml")
    assert main(["install-desktop"]) == 0          # again: overwrites, no error

    assert main(["uninstall-desktop"]) == 0
    assert "Removed" in capsys.readouterr().out
    assert not [p for p in data.rglob("*") if p.is_file()]
    assert main(["uninstall-desktop"]) == 0
    assert "Nothing to remove" in capsys.readouterr().out


def test_without_xdg_data_home_the_launcher_goes_under_home(tmp_path, monkeypatch):
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    written = desktop_cmd.install()
    assert written[0] == tmp_path / ".local" / "share" / "applications" / "voiceprep.desktop"
    assert len(desktop_cmd.uninstall()) == len(written)


def test_an_unwritable_data_directory_is_a_clear_error(tmp_path, monkeypatch, capsys):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the directory should be")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocked))
    assert main(["install-desktop"]) == 1
    err = capsys.readouterr().err
    assert "cannot write to" in err and str(blocked) in err and "Traceback" not in err


def test_exec_arguments_with_spaces_are_quoted():
    assert desktop_cmd._quote("/opt/my apps/voiceprep") == '"/opt/my apps/voiceprep"'
    assert desktop_cmd._quote("/usr/bin/voiceprep") == "/usr/bin/voiceprep"
