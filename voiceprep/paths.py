"""Where voiceprep keeps things on disk (one place; override with VOICEPREP_HOME)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "voiceprep"
PACKAGE_DIR = Path(__file__).resolve().parent
# Bundled banks sit at the top of the source tree; installed wheels carry them as package data.
_SOURCE_BANKS = PACKAGE_DIR.parent / "question_banks"
_PACKAGED_BANKS = PACKAGE_DIR / "question_banks"


def data_dir() -> Path:
    """The user's data directory (history database, audio, own banks, log)."""
    override = os.environ.get("VOICEPREP_HOME")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def user_banks_dir() -> Path:
    path = data_dir() / "banks"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def bundled_banks_dir() -> Path:
    return _SOURCE_BANKS if _SOURCE_BANKS.is_dir() else _PACKAGED_BANKS


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
