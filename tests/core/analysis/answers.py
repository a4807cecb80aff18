"""An answer typed through the real judge, for the judge's tests in this folder: its analysis (by meaning, never the
word-matching fallback), the points it ticks, each point's result and one point's; and a test's own bank, written
from its text."""

from __future__ import annotations

from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.banks import Bank, load_bank
from voiceprep.core.transcript import Transcript


def analysed(bank, prompt_id: str, text: str):
    a = analyze_answer(bank, bank.prompt(prompt_id), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    return a


def judged(bank, prompt_id: str, text: str) -> dict:
    """Each key point's result, by the point's id."""
    return {r.key_point.id: r for r in analysed(bank, prompt_id, text).key_points}


def hits(bank, prompt_id: str, text: str) -> set[str]:
    return {r.key_point.id for r in analysed(bank, prompt_id, text).key_points if r.hit}


def point(a, key: str):
    return next(r for r in a.key_points if r.key_point.id == key)


def written_bank(tmp_path_factory, name: str, text: str) -> Bank:
    """A bank of a test's own: `text` (the bank file's TOML) written as `name` in a folder of its own, and loaded
    (for a module-scoped fixture: `written_bank(tmp_path_factory, "data-analyst.toml", WALK61)`)."""
    path = tmp_path_factory.mktemp(name.removesuffix(".toml")) / name
    path.write_text(text, encoding="utf-8")
    return load_bank(path)
