"""The judge's credit space (adapter.py): the shipped map, what it adds over MiniLM alone, and the judge without it."""

from __future__ import annotations

import numpy as np
import pytest

from tests.conftest import BANKS
from voiceprep.core.analysis import adapter
from voiceprep.core.analysis.embedder import get_embedder
from voiceprep.core.analysis.judge import AnswerJudge
from voiceprep.core.analysis.keypoints import TokenIndex
from voiceprep.core.analysis.text import tokenize_text
from voiceprep.core.banks import load_bank
from voiceprep.settings import AnalysisSettings

# new sentences (in no corpus): per label, one an interviewer credits and one on the same topic that says nothing of it
CREDITED_VS_TOPIC = [
    ("Explain the root cause in plain words",
     "It turned out the cache key ignored the currency, so two customers saw each other's balances.",
     "We spent the whole week on the incident and talked with the team about it a lot."),
    ("Your role and the decisions you made",
     "I was the one who decided to pause the launch and I wrote the plan for the fix myself.",
     "The launch involved a lot of teams and a lot of decisions across the company."),
    ("Say what you would do differently next time",
     "Next time I'd write the rollback plan before the migration, not after it broke.",
     "The migration was the biggest project our team shipped that year."),
    ("Quantify the result",
     "Checkout errors dropped from about two percent to under half a percent within a month.",
     "The result was really good and everyone on the team was happy with it."),
]


@pytest.fixture(scope="module")
def model():
    m = get_embedder()
    assert m is not None
    return m


def test_the_shipped_credit_space_is_a_trained_low_rank_map_of_unit_vectors(model):
    with np.load(adapter.ADAPTER_PATH) as data:
        p, q = data["p"], data["q"]
    assert p.shape == q.shape == (384, 32) and np.isfinite(p).all() and np.isfinite(q).all()
    assert np.linalg.norm(p @ q.T) > 1.0                      # trained, not the identity
    mapped = adapter.credit_space(model.embed(["a sentence", "another one"]))
    assert mapped is not None and np.allclose(np.linalg.norm(mapped, axis=1), 1.0, atol=1e-5)


def test_credited_sentences_come_closer_than_talk_on_the_same_topic(model):
    """MiniLM puts the label nearer the topic talk for three of the four; the credit space for at most one, and
    widens the credited sentence's lead for every label."""
    minilm_right = credit_right = 0
    for label, credited, topic in CREDITED_VS_TOPIC:
        v = model.embed([label, credited, topic])
        c = adapter.credit_space(v)
        assert c is not None
        minilm_gap, credit_gap = v[0] @ v[1] - v[0] @ v[2], c[0] @ c[1] - c[0] @ c[2]
        assert credit_gap > minilm_gap, label
        minilm_right += minilm_gap > 0
        credit_right += credit_gap > 0
    assert minilm_right <= 1 and credit_right >= 3


def test_without_the_credit_space_file_the_judge_reads_zero_for_it(model, monkeypatch, tmp_path):
    bank = load_bank(BANKS / "airwallex.toml")
    prompt = bank.prompt("hardest-problem")
    text = ("Our matching engine had every thread fighting over the same locks. I suggested one thread owns all the "
            "writes and events go through a pre-sized circular array. Median latency went from four milliseconds to "
            "three hundred microseconds.")
    words, settings = text.split(), AnalysisSettings()

    def credited() -> list[float]:
        judge = AnswerJudge(words, TokenIndex(tokenize_text(text), settings), model, settings, prompt)
        return [judge.judge(kp).judgement.features.credited for kp in prompt.key_points]

    assert max(credited()) > 0.3
    monkeypatch.setattr(adapter, "ADAPTER_PATH", tmp_path / "missing.npz")
    assert credited() == [0.0] * len(prompt.key_points)
