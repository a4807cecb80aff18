"""perf36: `judging.prepare_judge` gives the judge a question's texts before its first answer, off the GUI thread."""

from __future__ import annotations

import pytest

from voiceprep.app import threads
from voiceprep.app.judging import prepare_judge
from voiceprep.core.analysis import embedder
from voiceprep.core.analysis.judge import prompt_texts
from voiceprep.settings import AnalysisSettings

pytestmark = pytest.mark.usefixtures("fresh_judge")       # tests/app/conftest.py


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


def test_a_banks_other_questions_are_embedded_once_per_bank_and_again_when_it_changes(bank, monkeypatch):
    """mendF (review read42): each question asked embedded every other question of the bank again (`judge.
    nearer_another` weighs an answer against them, judge80). What the model computes: the first question's texts and
    the other questions' at once; a question change computes that question's own new texts alone (the others are
    the cache's); a bank edited computes its edited question, and after the model's cache is emptied, the others
    again. mendJ: asserted on what the model runs (`_run`) and holds, not on how prepare_judge calls the embedder
    (its once-per-bank key, `Embedder.embed_once`, is gone: the cache alone did it)."""
    from dataclasses import replace

    from voiceprep.core.analysis.judge import question_texts

    e = embedder.get_embedder()
    assert e is not None, embedder.judge_status().message
    e.forget()
    computed: list[str] = []
    real = e._run
    monkeypatch.setattr(e, "_run", lambda texts, *a, **k: computed.extend(texts) or real(texts, *a, **k))
    first, second = bank.prompt("hardest-problem"), bank.prompt("why-airwallex")
    others = question_texts([p for p in bank.all_prompts() if p != first])
    union = set(prompt_texts(first)) | set(others)
    prepare_judge(first, None, bank)
    assert set(computed) == union and len(computed) == len(union)       # each text once
    assert all(t in e._cache for t in question_texts(bank.all_prompts()))
    computed.clear()
    prepare_judge(second, None, bank)
    assert set(computed) == set(prompt_texts(second)) - union          # a question change: its own new texts only
    assert computed and not set(computed) & set(others)
    computed.clear()
    prepare_judge(first, None, bank)
    assert computed == []                                              # back to a prepared question: nothing
    edited = replace(second, text=second.text + " In one sentence.")
    rounds = tuple(replace(r, prompts=tuple(edited if p == second else p for p in r.prompts)) for r in bank.rounds)
    prepare_judge(first, None, replace(bank, rounds=rounds))
    assert computed == [edited.text]                                   # the bank edited: its edited question
    e.forget()
    computed.clear()
    prepare_judge(second, None, bank)
    assert set(others) - set(prompt_texts(second)) <= set(computed)     # the cache emptied: again
