"""Shared fixtures. Qt runs offscreen unless a display is set; every test gets its own data dir."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
BANKS = REPO / "question_banks"


@pytest.fixture(autouse=True)
def data_home(tmp_path_factory, monkeypatch) -> Path:
    home = tmp_path_factory.mktemp("voiceprep-home")
    monkeypatch.setenv("VOICEPREP_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def speech_dir() -> Path:
    path = SHARED / "speech"
    if not (path / "references.tsv").exists():
        pytest.fail(f"{path} is missing: tests need ../shared/speech beside the repository")
    return path


@pytest.fixture(scope="session")
def transcriber():
    """The real bundled tiny.en model, loaded once for the whole run."""
    from voiceprep.speech.transcriber import Transcriber

    t = Transcriber()
    t.load()
    return t


@pytest.fixture(scope="session")
def speaker(tmp_path_factory):
    from voiceprep.speech.tts import Speaker

    return Speaker(cache_dir=tmp_path_factory.mktemp("tts-cache"))
