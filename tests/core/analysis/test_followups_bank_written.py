"""A follow-up the bank writes for a point must not name what another point of the same question asks for (walk23:
airwallex's mechanics follow-up "How does the Disruptor actually avoid locks?" gave away "Name the LMAX Disruptor as
the design you chose" when that point was still to be said)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from voiceprep.core.banks.load import load_bank

_ROOT = Path(__file__).resolve().parents[3]


def _names(text: str) -> set[str]:
    """Words written as names (a capital not opening a sentence) or acronyms, without a plural or possessive "s"."""
    return {re.sub(r"(?<=[A-Z])s$", "", w.split("'")[0]) for sentence in re.split(r"[.?!]\s+", text)
            for i, w in enumerate(re.findall(r"[\w'-]+", sentence))
            if w[:1].isupper() and (i > 0 or w.isupper()) and w != "I"}


WRITTEN = [(path.stem, bank, kp)
           for path in [*sorted((_ROOT / "question_banks").glob("*.toml")),
                        *sorted((Path(__file__).parent / "data/judge/banks").glob("*.toml"))]
           for bank in [load_bank(path)] for prompt in bank.all_prompts() for kp in prompt.key_points if kp.follow_up]


@pytest.mark.parametrize("stem,bank,kp", WRITTEN, ids=[f"{s}:{k.id}" for s, _b, k in WRITTEN])
def test_a_written_follow_up_names_nothing_another_point_asks_for(stem, bank, kp):
    prompt = next(p for p in bank.all_prompts() if kp in p.key_points)
    known = _names(prompt.text) | _names(kp.label) | {bank.job.company}
    others = set().union(*(_names(k.label) for k in prompt.key_points if k is not kp))
    assert not (_names(kp.follow_up) & others) - known, (kp.follow_up, (_names(kp.follow_up) & others) - known)
