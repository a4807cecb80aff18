"""Fixtures shared by the judge's tests in this folder."""

from __future__ import annotations

import pytest

from voiceprep.core.analysis import embedder


@pytest.fixture
def fresh_judge():
    """The meaning-based judge on and its model state reset, before and after the test (a test of the fallback turns
    it off or fakes a missing model). A test module asks for it with `pytestmark = pytest.mark.usefixtures(...)`."""
    embedder.set_disabled(False)
    yield
    embedder.set_disabled(False)
