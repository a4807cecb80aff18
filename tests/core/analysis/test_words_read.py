"""The words as the judge reads them (a denial the recogniser barely heard is not read, judge82) were made three times:
`analyze_answer`, `evaluation.answer_judge` and `app.preembed.answer_texts` (session 45's review). One helper now,
`analyze.words_read`, read by all three."""

from __future__ import annotations

from tests.conftest import BANKS
from tests.core.analysis.test_judge_heard_denials import ANSWER, heard
from voiceprep.core.analysis import analyze, evaluation
from voiceprep.core.banks import load_bank
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings


def test_words_read_drops_a_denial_barely_heard_and_only_from_spoken_words():
    settings = AnalysisSettings()
    spoken = heard(ANSWER, {"not": 0.15}).words()
    read = analyze.words_read(spoken, settings)
    assert len(read) == len(spoken) and " not" in [w.word for w in spoken] and " not" not in read
    assert analyze.words_read(heard(ANSWER, {"not": 0.9}).words(), settings) == [w.word for w in heard(ANSWER, {}).words()]
    typed = Transcript.from_text(ANSWER).words()
    assert analyze.words_read(typed, settings, spoken=False) == [w.word for w in typed]


def test_the_judge_the_evaluation_and_the_pre_embedder_read_the_words_through_it(monkeypatch):
    from voiceprep.app import preembed

    calls: list[str] = []
    real = analyze.words_read

    def spy(module: str):
        def read(*args, **kwargs):
            calls.append(module)
            return real(*args, **kwargs)
        return read

    for module in (analyze, evaluation, preembed):
        monkeypatch.setattr(module, "words_read", spy(module.__name__), raising=False)
    bank = load_bank(BANKS / "airwallex.toml")
    prompt = bank.prompt("product-range")
    t = heard(ANSWER, {"not": 0.15})
    settings = AnalysisSettings(semantic_judge=False)
    analyze.analyze_answer(bank, prompt, t, settings)
    evaluation.answer_judge(t, bank, prompt, settings, None)
    preembed.answer_texts(t.words(), settings)
    assert sorted(set(calls)) == sorted({analyze.__name__, evaluation.__name__, preembed.__name__}), calls
