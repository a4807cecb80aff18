"""`voiceprep install-desktop` / `uninstall-desktop`: the launcher entry and icon for the current user (Linux).

Files go where the freedesktop.org specs say (XDG_DATA_HOME, default ~/.local/share):
applications/voiceprep.desktop and icons/hicolor/<size>/apps/voiceprep.{png,svg}. Nothing needs root.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from voiceprep import paths
from voiceprep.cli.common import CliError

APP_ID = "voiceprep"
ICON_SIZES = paths.ICON_SIZES


def register(sub) -> None:
    p = sub.add_parser("install-desktop", help="add voiceprep to your desktop's app menu, with its icon (Linux)")
    p.set_defaults(func=cmd_install)
    u = sub.add_parser("uninstall-desktop", help="remove what install-desktop added")
    u.set_defaults(func=cmd_uninstall)


def data_home() -> Path:
    value = os.environ.get("XDG_DATA_HOME", "")
    # The spec: a relative or empty value is invalid and means the default.
    return Path(value) if value and os.path.isabs(value) else Path.home() / ".local" / "share"


def targets(home: Path | None = None) -> list[Path]:
    """Every file install-desktop writes (and uninstall-desktop removes)."""
    home = home or data_home()
    icons = home / "icons" / "hicolor"
    return [home / "applications" / f"{APP_ID}.desktop", icons / "scalable" / "apps" / f"{APP_ID}.svg",
            *(icons / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in ICON_SIZES)]


def launcher_command() -> str:
    """The Exec= line's command: this installation's own `voiceprep` script (pipx, venv or system)."""
    script = Path(sys.executable).parent / ("voiceprep.exe" if os.name == "nt" else "voiceprep")
    parts = [str(script), "gui"] if script.is_file() else [sys.executable, "-m", "voiceprep", "gui"]
    return " ".join(_quote(p) for p in parts)


def _quote(arg: str) -> str:
    """Quote one Exec= argument as the Desktop Entry spec asks."""
    if not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`'):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{escaped}"'


def desktop_entry() -> str:
    template = (paths.assets_dir() / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    exec_line = launcher_command().replace("%", "%%")
    return "".join(f"Exec={exec_line}\n" if line.startswith("Exec=") else line
                   for line in template.splitlines(keepends=True))


def _refresh_caches(home: Path) -> None:
    """Tell the desktop about the change where its tools exist; desktops also notice on their own."""
    for cmd in (["update-desktop-database", "-q", str(home / "applications")],
                ["gtk-update-icon-cache", "-q", "-t", "-f", str(home / "icons" / "hicolor")]):
        if shutil.which(cmd[0]):
            try:
                subprocess.run(cmd, check=False, timeout=30, capture_output=True)
            except (OSError, subprocess.TimeoutExpired):
                pass


def _require_linux() -> None:
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        raise CliError("install-desktop is for Linux desktops; on macOS and Windows start `voiceprep` from a "
                       "terminal (or make a shortcut to it)")


def install(home: Path | None = None) -> list[Path]:
    _require_linux()
    home = home or data_home()
    entry, svg, *pngs = targets(home)
    sources = [paths.icon_path(), *(paths.icon_path(n) for n in ICON_SIZES)]
    missing = [str(s) for s in sources if not s.is_file()]
    if missing:
        raise CliError(f"this installation lacks its icons ({', '.join(missing)}); reinstall voiceprep")
    try:
        for source, target in zip(sources, [svg, *pngs]):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp = entry.with_suffix(".tmp")
        tmp.write_text(desktop_entry(), encoding="utf-8")
        tmp.replace(entry)
    except OSError as exc:
        raise CliError(f"cannot write to {home} ({exc.strerror}); check its permissions or set XDG_DATA_HOME") from None
    _refresh_caches(home)
    return [entry, svg, *pngs]


def uninstall(home: Path | None = None) -> list[Path]:
    home = home or data_home()
    removed = []
    for path in targets(home):
        try:
            path.unlink()
            removed.append(path)
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise CliError(f"cannot remove {path} ({exc.strerror})") from None
    if removed:
        _refresh_caches(home)
    return removed


def cmd_install(args) -> int:
    written = install()
    print(f"Added voiceprep to your app menu: {written[0]}")
    print(f"Icons: {len(written) - 1} files under {data_home() / 'icons' / 'hicolor'}")
    print(f"It starts: {launcher_command()}")
    print("Remove it with: voiceprep uninstall-desktop")
    return 0


def cmd_uninstall(args) -> int:
    removed = uninstall()
    if not removed:
        print(f"Nothing to remove: no voiceprep launcher under {data_home()}")
        return 0
    print(f"Removed the voiceprep launcher and icons ({len(removed)} files under {data_home()})")
    return 0
