"""Fixtures shared by the judge's tests in this folder."""

from __future__ import annotations

import pytest

from tests.conftest import BANKS
from voiceprep.core.analysis import embedder
from voiceprep.core.banks import load_bank


@pytest.fixture
def fresh_judge():
    """The meaning-based judge on and its model state reset, before and after the test (a test of the fallback turns
    it off or fakes a missing model). A test module asks for it with `pytestmark = pytest.mark.usefixtures(...)`."""
    embedder.set_disabled(False)
    yield
    embedder.set_disabled(False)


@pytest.fixture(scope="module")
def airwallex():
    """The bundled Airwallex bank, loaded once a module."""
    return load_bank(BANKS / "airwallex.toml")
