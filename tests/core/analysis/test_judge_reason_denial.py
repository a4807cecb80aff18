"""read45a 2 (judge93): judge90's opening reason ("When it didn't calm down I referred it to Calderdale Mediation") reads
the denial as why the candidate acted, and the act after it as told; the reason's own words keep their denial, so "calm
down" is not read as said: no unit that says them is free of it, and the act is a unit of its own."""
from __future__ import annotations

import pytest

from voiceprep.core.analysis.segments import clause_markers, units

DENIED = {"not", "never", "didn't", "wasn't", "weren't", "couldn't", "don't", "doesn't", "no"}

SAID = [
    ("When it didn't calm down I referred it to Calderdale Mediation and they did two sessions with them.", "calm", "referred"),
    ("When the retries didn't help we added an idempotency key to every call.", "help", "added"),
    ("Because the first fix didn't hold I rang the vendor that afternoon.", "hold", "rang"),
    ("Parking, of all things. When it didn't calm down I referred it to Calderdale Mediation and they did two sessions "
     "with them, and it's settled now, the van goes round the corner.", "calm", "referred"),   # dev2 d2t-016, windowed
]


def _at(raw: list[str], word: str) -> int:
    return next(i for i, w in enumerate(raw) if w.strip(",.").lower() == word)


@pytest.mark.parametrize("said, reason, act", SAID)
def test_the_reason_keeps_its_denial_and_the_act_is_told(said: str, reason: str, act: str) -> None:
    raw = said.split()
    marks = clause_markers(raw)
    assert marks[_at(raw, reason)] & DENIED          # "calm down": not said as done
    assert not marks[_at(raw, act)] & DENIED         # "I referred it": told (judge90)


@pytest.mark.parametrize("said, reason, act", SAID)
def test_a_unit_saying_the_reason_is_denied_and_the_act_is_a_unit_of_its_own(said: str, reason: str, act: str) -> None:
    raw = said.split()
    r, a = _at(raw, reason), _at(raw, act)
    found = units(raw)
    assert all(u.negated for u in found if u.first <= r <= u.last)
    assert any(u.first == a - 1 and not u.negated for u in found)      # "I referred it to …", from its subject
