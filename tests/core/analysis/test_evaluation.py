"""Regression floors for key-point matching on the labeled set (numbers in docs/benchmarks.md)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import BANKS
from voiceprep.core.analysis.evaluation import baseline_hits, evaluate, load_labeled, matcher_hits
from voiceprep.core.banks import BankRegistry
from voiceprep.core.transcript import Transcript

LABELED = Path(__file__).parent / "data" / "labeled_answers.toml"


@pytest.fixture(scope="module")
def items():
    return load_labeled(LABELED)


@pytest.fixture(scope="module")
def banks():
    return {b.id: b for b in BankRegistry.discover([BANKS]).banks}


def test_labeled_set_is_large_and_varied(items, banks):
    assert len(items) >= 60
    assert {i.kind for i in items} >= {"strong", "partial", "off-topic", "paraphrased", "rambling", "asr"}
    assert {i.bank for i in items} == set(banks)
    assert {(i.bank, i.prompt) for i in items} == {(b.id, p.id) for b in banks.values() for p in b.all_prompts()}


def test_text_f1_floor_and_beats_the_baseline(items, banks):
    matcher = evaluate(items, banks, lambda i: Transcript.from_text(i.text), matcher_hits)
    baseline = evaluate(items, banks, lambda i: Transcript.from_text(i.text), baseline_hits)
    assert matcher.f1 >= 0.92, matcher.row()      # measured 0.934
    assert matcher.precision >= 0.94 and matcher.recall >= 0.89
    assert matcher.f1 > baseline.f1 + 0.03


def test_the_spoken_third_covers_every_kind_and_bank(items):
    spoken = items[::AUDIO_EVERY]
    assert len(spoken) >= 20
    assert {i.kind for i in spoken} == {i.kind for i in items} and {i.bank for i in spoken} == {i.bank for i in items}


@pytest.mark.slow
def test_audio_f1_floor(items, banks, speaker, transcriber):
    """Every third answer of the file (a fixed rule, not a choice of answers), each spoken with espeak-ng and
    transcribed with tiny.en, then matched. Until trim47 all 63 were spoken (~69 s of CI's 27 min); the third is
    40% of their words. All 63 through audio: `bench/keypoint_eval.py --audio`."""
    cache = {}
    third = items[::AUDIO_EVERY]
    # speech.render is espeak-ng in its worker process: each answer is spoken while the one before is transcribed
    # (on one decoding thread), not after it (speed62: the two took turns on one of the 2 cores)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="speak") as ahead:
        rendered = {item.text: ahead.submit(speaker.render, item.text) for item in third}

        def spoken(item):
            if item.text not in cache:
                cache[item.text] = transcriber.transcribe(rendered[item.text].result(), hotwords=banks[item.bank].terms())
            return cache[item.text]
        matcher = evaluate(third, banks, spoken, matcher_hits)
        baseline = evaluate(third, banks, spoken, baseline_hits)
    assert matcher.f1 >= AUDIO_F1_FLOOR, matcher.row()
    assert matcher.f1 > baseline.f1


AUDIO_EVERY = 3            # 21 of the 63 answers, every kind and bank
# measured 0.913 on the third (baseline 0.847) and 0.895 on all 63 (baseline 0.839), trim47, 2026-12-05; was 0.891
# on all 63 (docs/benchmarks.md). The floor is the one all 63 had: the third is a subset, not a new target
AUDIO_F1_FLOOR = 0.87


def test_the_evaluation_matches_typed_text_by_sound_no_more_than_the_app_does():
    """Session 14 (judge17): the evaluation matched typed text by sound ("rider" for "retry"), which the app never
    does for a typed answer; a transcript may still match by sound."""
    import dataclasses

    from voiceprep.core.banks.model import KeyPoint
    from voiceprep.settings import AnalysisSettings

    prompt = BankRegistry.discover().find("senior-backend-payments").all_prompts()[0]
    # judge87: a match by sound also needs the letters close ("rider"/"retry" no longer; "mentoring"/"monitoring" is)
    prompt = dataclasses.replace(prompt, key_points=(KeyPoint("r", "Monitoring", ("monitoring",)),))
    typed = Transcript.from_text("We set up mentoring dashboards for the whole service.")
    heard = dataclasses.replace(typed, model="tiny.en")
    assert matcher_hits(typed, prompt, AnalysisSettings()) == set()
    assert matcher_hits(heard, prompt, AnalysisSettings()) == {"r"}
