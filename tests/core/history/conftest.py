from __future__ import annotations

import pytest

from tests.conftest import BANKS
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.banks import load_bank
from voiceprep.core.history import History
from voiceprep.core.transcript import Transcript

STRONG = ("At my previous company our order matching engine had lock contention. My task was to fix latency. "
          "I proposed the LMAX Disruptor: a ring buffer with a single writer, lock free, pre-allocated, batching. "
          "I benchmarked it and I implemented it. As a result latency fell forty percent and throughput doubled. "
          "The trade-off was complexity; I learned to measure first.")
WEAK = "We had some performance problems with locks in our matching engine and we fixed them with a new design."


def spoken(text: str) -> Transcript:
    """The text as a timed (spoken) answer: evenly paced words, so delivery has a pace to store."""
    t = Transcript.from_text(text)
    t.model = "tiny.en"
    return t


@pytest.fixture
def bank():
    return load_bank(BANKS / "airwallex.toml")


@pytest.fixture
def history(tmp_path):
    with History.open(tmp_path / "history.sqlite3") as h:
        yield h


@pytest.fixture
def save(history, bank):
    def _save(text: str, prompt_id: str = "hardest-problem") -> int:
        analysis = analyze_answer(bank, bank.prompt(prompt_id), spoken(text))
        return history.save_analysis(analysis)
    return _save
