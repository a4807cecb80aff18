"""perf36: `judging.prepare_judge` gives the judge a question's texts before its first answer, off the GUI thread."""

from __future__ import annotations

import pytest

from voiceprep.app import threads
from voiceprep.app.judging import prepare_judge
from voiceprep.core.analysis import embedder
from voiceprep.core.analysis.judge import prompt_texts
from voiceprep.settings import AnalysisSettings


@pytest.fixture(autouse=True)
def fresh_judge():
    embedder.set_disabled(False)
    yield
    embedder.set_disabled(False)
    threads.forget_ui_thread()


def test_prepare_embeds_the_questions_texts_in_one_call(bank, monkeypatch):
    e = embedder.get_embedder()
    assert e is not None, embedder.judge_status().message
    e.forget()
    calls: list[list[str]] = []
    real = e.embed
    monkeypatch.setattr(e, "embed", lambda texts: calls.append(list(texts)) or real(texts))
    prompt = bank.prompt("hardest-problem")
    assert prepare_judge(prompt) == len(prompt_texts(prompt)) > len(prompt.key_points)
    assert calls == [prompt_texts(prompt)]
    assert all(t in e._cache for t in prompt_texts(prompt))


def test_prepare_does_nothing_when_the_meaning_based_judge_is_off(bank, monkeypatch):
    monkeypatch.setattr(embedder, "get_embedder", lambda: pytest.fail("the model was asked for"))
    assert prepare_judge(bank.prompt("hardest-problem"), AnalysisSettings(semantic_judge=False)) == 0
    embedder.set_disabled(True)
    monkeypatch.undo()
    assert prepare_judge(bank.prompt("hardest-problem")) == 0      # turned off, or the model cannot be used


def test_prepare_on_the_gui_thread_is_a_violation(bank, monkeypatch):
    monkeypatch.setenv("VOICEPREP_STRICT", "1")
    threads.mark_ui_thread()
    with pytest.raises(threads.OnGuiThreadError):
        prepare_judge(bank.prompt("hardest-problem"))
    threads.violations.clear()
