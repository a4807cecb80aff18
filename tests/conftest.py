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


def pytest_collection_finish(session: pytest.Session) -> None:
    """The long session's process starts now, beside the tests before it (tests/gui/test_soak.py says why)."""
    if not session.config.option.collectonly:
        from tests.gui.test_soak import start_early

        start_early(session.items)


def pytest_sessionfinish(session: pytest.Session) -> None:
    from tests.gui.test_soak import stop_early

    stop_early()


# A data engineer's own bank of one question whose points state numbers ("three teams", "two days to four hours"):
# the judge's tests and the "Partly there" tests judge answers against the same one (walk38).
GREENGRID = """
schema = 1
[job]
id = "greengrid"
title = "Data Engineer, Climate Analytics"
[[rounds]]
id = "r"
title = "Round 1"
[[rounds.prompts]]
id = "p"
text = "Tell me about a data pipeline you built that other teams relied on."
[[rounds.prompts.key_points]]
id = "airflow"
label = "I moved the satellite weather data into a nightly Airflow pipeline that three teams used"
[[rounds.prompts.key_points]]
id = "checks"
label = "I added data quality checks so bad sensor readings were caught before the dashboards"
[[rounds.prompts.key_points]]
id = "fresh"
label = "It cut the time to a fresh forecast from two days to four hours"
"""
GREENGRID_BEFORE = "We used to pull the satellite weather files by hand. "   # what the answers say came before


@pytest.fixture
def greengrid():
    """GREENGRID parsed: its one prompt is "p"."""
    from voiceprep.core.banks import parse_bank

    return parse_bank(GREENGRID)


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
