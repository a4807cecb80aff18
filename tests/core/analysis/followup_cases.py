"""The follow-up tests' cases over every bank under tests/core/analysis/data/judge/banks/ (and the bundled ones): each
named by its bank and key point ("sre-mobile:user-impact"), an out-of-sample writer's bank (bench/out_of_sample.py:
out_of_sample.txt's letters, their banks) neutrally ("oos-bank-1-kp-3"), and a failure on one said without its label
or its question (`quiet`), so a test run never shows what the integrator reads once per judge version (mend56)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from bench.out_of_sample import banks

OUT_OF_SAMPLE = sorted(banks())


def case_ids(cases: Iterable[tuple[Any, ...]]) -> list[str]:
    """Test ids for (stem, ..., key point) cases: "stem:kp-id", or "oos-bank-N-kp-M" for an out-of-sample bank (N its
    place among them, M the point's place in it, from 1)."""
    seen: Counter[str] = Counter()
    out = []
    for case in cases:
        stem, kp = case[0], case[-1]
        if stem in OUT_OF_SAMPLE:
            seen[stem] += 1
            out.append(f"oos-bank-{OUT_OF_SAMPLE.index(stem) + 1}-kp-{seen[stem]}")
        else:
            out.append(f"{stem}:{kp.id}")
    return out


@contextmanager
def quiet(stem: str) -> Iterator[None]:
    """Around a case's checks: an out-of-sample bank's failure is said by its test id alone, its label, its question
    and the compared values left out (the assertion's own message and pytest's explanation would show them)."""
    if stem not in OUT_OF_SAMPLE:
        yield
        return
    try:
        yield
    except AssertionError:
        raise AssertionError("an out-of-sample bank's key point failed this check (its label is not shown: see the "
                             "test id; the integrator reads it)") from None
