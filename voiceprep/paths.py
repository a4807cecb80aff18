"""Where voiceprep keeps things on disk (one place; override with VOICEPREP_HOME)."""

from __future__ import annotations

import atexit
import contextlib
import functools
import importlib.resources
import os
from pathlib import Path

import platformdirs

APP_NAME = "voiceprep"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)   # the PNGs in assets/icons (scripts/render_icons.py)
PACKAGE_DIR = Path(__file__).resolve().parent
# Bundled banks and assets sit at the top of the source tree; a wheel carries them inside the package
# (voiceprep/question_banks, voiceprep/assets: see setup.py), read through importlib.resources.
_SOURCE_ROOT = PACKAGE_DIR.parent
_resources = contextlib.ExitStack()
atexit.register(_resources.close)


@functools.cache
def _bundled(name: str) -> Path:
    source = _SOURCE_ROOT / name
    if source.is_dir() and (_SOURCE_ROOT / "pyproject.toml").is_file():
        return source       # a checkout (editable install or PYTHONPATH)
    # An installed copy: a real directory for a normal install; extracted once if the package is zipped.
    return _resources.enter_context(importlib.resources.as_file(importlib.resources.files("voiceprep") / name))


HOME_ENV = "VOICEPREP_HOME"


def data_home() -> Path:
    """The user's data directory as chosen (`HOME_ENV`, else the platform's), without creating it."""
    override = os.environ.get(HOME_ENV)
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def shown(path: Path) -> str:
    """A folder as the user reads it: under their home folder as "~/..." on Linux and macOS (fixCM: the whole path
    named the machine's user, in a screenshot a throw-away one), else whole."""
    home = Path.home()
    if os.name == "nt" or not path.is_relative_to(home) or path == home:
        return str(path)
    return str(Path("~") / path.relative_to(home))


def data_dir() -> Path:
    """The user's data directory (history database, audio, own banks, log), created if missing."""
    path = data_home()
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def user_banks_dir() -> Path:
    path = data_dir() / "banks"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def bank_files_record() -> Path:
    """Which file held each of the user's bank ids when the banks were last listed (BankRegistry.discover)."""
    return data_dir() / "bank-files.json"


def bundled_banks_dir() -> Path:
    return _bundled("question_banks")


def assets_dir() -> Path:
    """The app icon (SVG and PNG sizes) and the desktop entry."""
    return _bundled("assets")


def icon_path(size: int | None = None) -> Path:
    """The app icon: the SVG, or the PNG of `size` pixels."""
    return assets_dir() / ("voiceprep.svg" if size is None else f"icons/voiceprep-{size}.png")


def database_path() -> Path:
    return data_dir() / "history.sqlite3"


def audio_dir() -> Path:
    path = data_dir() / "audio"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def settings_path() -> Path:
    return data_dir() / "settings.json"


def log_path() -> Path:
    return data_dir() / "voiceprep.log"
