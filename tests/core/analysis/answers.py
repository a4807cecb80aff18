"""An answer typed through the real judge, for the judge's tests in this folder: its analysis (by meaning, never the
word-matching fallback), the points it ticks, and one point's result."""

from __future__ import annotations

from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.transcript import Transcript


def analysed(bank, prompt_id: str, text: str):
    a = analyze_answer(bank, bank.prompt(prompt_id), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    return a


def hits(bank, prompt_id: str, text: str) -> set[str]:
    return {r.key_point.id for r in analysed(bank, prompt_id, text).key_points if r.hit}


def point(a, key: str):
    return next(r for r in a.key_points if r.key_point.id == key)
