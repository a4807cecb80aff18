"""Floors for the semantic judge on the labelled corpus, dev and test splits (numbers in docs/benchmarks.md).

The floors sit a little under the measured values so timing noise cannot flake them; the test split is
never used to tune anything (bench/judge_fit.py fits on dev only).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import BANKS
from voiceprep.core.analysis import embedder
from voiceprep.core.analysis.evaluation import (
    Labeled,
    Scores,
    evaluate,
    judge_hits,
    load_labeled,
    matcher_hits,
    stratified_subset,
)
from voiceprep.core.banks import BankRegistry
from voiceprep.core.transcript import Transcript

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "judge"


@pytest.fixture(scope="module")
def banks():
    return {b.id: b for b in BankRegistry.discover([BANKS, CORPUS / "banks"]).banks}


def text(item: Labeled) -> Transcript:
    return Transcript.from_text(item.text)


def run(split: str, banks, method=judge_hits) -> Scores:
    embedder.set_disabled(False)
    assert embedder.warm_up().method == "semantic", embedder.warm_up().message
    path = DATA / "labeled_answers.toml" if split == "regression" else CORPUS / f"{split}.toml"
    return evaluate(load_labeled(path), banks, text, method)


def test_dev_split_floor_and_beats_the_cue_matcher(banks):
    judge, matcher = run("dev", banks), run("dev", banks, matcher_hits)
    assert judge.f1 >= 0.88 and judge.precision >= 0.89, judge.row()        # measured F1 0.913, P 0.906 (semantic-5)
    assert judge.coverage_error <= 12.0, judge.row()                          # measured 9.2
    assert judge.f1 >= matcher.f1 + 0.05, (judge.row(), matcher.row())        # matcher 0.790


def test_test_split_floor(banks):
    judge = run("test", banks)
    assert judge.f1 >= 0.87 and judge.precision >= 0.87, judge.row()        # measured F1 0.887, P 0.879 (semantic-5)
    assert judge.coverage_error <= 12.0, judge.row()                          # measured 9.9


def test_regression_set_floor(banks):
    judge = run("regression", banks)
    assert judge.f1 >= 0.90 and judge.precision >= 0.89, judge.row()        # measured F1 0.921, P 0.910 (semantic-5)


def test_audio_subset_is_fixed_and_covers_every_kind():
    items = load_labeled(CORPUS / "test.toml")
    subset = stratified_subset(items, AUDIO_SUBSET)
    assert [i.id for i in subset] == [i.id for i in stratified_subset(list(reversed(items)), AUDIO_SUBSET)]
    assert {i.kind for i in subset} == {i.kind for i in items}
    assert AUDIO_SUBSET - 3 <= len(subset) <= AUDIO_SUBSET + 5 and len({i.id for i in subset}) == len(subset)


@pytest.mark.slow
def test_test_subset_through_audio_floor(banks, transcriber):
    """A fixed stratified third of the test answers, each spoken by espeak-ng and transcribed by the app
    (bench/judge_eval.py caches the transcripts under bench/out/, git-ignored: a fresh checkout speaks and
    transcribes them, ~2-3 minutes on 2 cores). The whole split through audio is measured by
    `bench/judge_eval.py --split test --audio`, with its numbers in docs/benchmarks.md."""
    from bench.judge_eval import spoken

    items = stratified_subset(load_labeled(CORPUS / "test.toml"), AUDIO_SUBSET)
    cache = spoken(items, banks, transcriber)       # the suite's loaded tiny.en, not a load of its own
    embedder.set_disabled(False)
    judge = evaluate(items, banks, lambda i: cache[i.text], judge_hits)
    assert judge.f1 >= AUDIO_F1_FLOOR, judge.row()


AUDIO_SUBSET = 30
# measured 0.830 on these 28 answers on the machine of 2026-11-30, and exactly 0.800 (116/145) on the one of
# 2026-12-01 with the same code and judge: the spoken answers' transcripts differ between machines (all 122:
# docs/benchmarks.md); the floor guards against a collapse, not a percent
AUDIO_F1_FLOOR = 0.78


def test_judge_evals_audio_asks_the_transcriber_as_the_app_does_and_caches_by_decoder(tmp_path, monkeypatch, banks):
    """fixBU (walk48/fixBR): `judge_eval --audio` gave `bank.terms()` (no prompt) where the app gives
    `bank.terms(prompt, settings)`. Transcriptions are asked as the app asks, cached under a key holding the hints
    (bench/hint_sets.py's way) and the decoder (session 42, read42a: a transcript of another decoder, or one cached
    before fixBU under the bank and text alone, is never read as today's)."""
    import hashlib
    import json

    from bench import judge_eval
    from voiceprep.settings import TranscriptionSettings

    monkeypatch.setattr(judge_eval, "OUT", tmp_path)
    bank = banks["airwallex"]
    old, new = (Labeled("airwallex", "hardest-problem", "strong", text, frozenset(), f"x{k}")
                for k, text in enumerate(["We used a ring buffer.", "We cut latency by forty percent."]))
    before_fixbu = hashlib.sha256((old.bank + "\n" + old.text).encode()).hexdigest()[:16]       # its old key
    old_file = tmp_path / f"{before_fixbu}.json"
    old_file.write_text(json.dumps(Transcript.from_text("from the old cache").to_dict()))
    asked: list[list[str] | None] = []

    class Heard:
        def transcribe(self, audio, hotwords=None, progress=None):
            asked.append(hotwords)
            return Transcript.from_text("transcribed now")

    class Voice:
        def render(self, text):
            return tmp_path / "x.wav"

    got = judge_eval.spoken([old, new], banks, Heard(), speaker=Voice())
    assert got[old.text].text == "transcribed now" and got[new.text].text == "transcribed now"
    assert asked[0] == bank.terms(bank.prompt("hardest-problem"), TranscriptionSettings()) and len(asked) == 2
    assert asked[0] != bank.terms()
    assert json.loads(old_file.read_text())["text"] == "from the old cache"       # left alone, not read
    judge_eval.spoken([old, new], banks, Heard(), speaker=Voice())
    assert len(asked) == 2                                               # both cached under their new key
    monkeypatch.setattr(judge_eval, "DECODER", "a decoder after " + judge_eval.DECODER)
    judge_eval.spoken([old, new], banks, Heard(), speaker=Voice())
    assert len(asked) == 4                                               # another decoder: transcribed anew
