"""Progress chart axes: round values, each label once."""

import pytest

from voiceprep.gui.widgets.progress import tick_label, value_ticks


@pytest.mark.parametrize("lo, hi", [(12.1, 17.6), (97.2, 202.4), (0.0, 100.0), (0.3, 1.4), (5.0, 5.5), (0.0, 14.0)])
def test_ticks_are_round_cover_the_data_and_read_once(lo, hi):
    start, end, ticks = value_ticks(lo, hi)
    assert start <= lo and end >= hi and 3 <= len(ticks) <= 7
    step = ticks[1] - ticks[0]
    mantissa = step / 10 ** __import__("math").floor(__import__("math").log10(step))
    assert round(mantissa, 6) in (1, 2, 2.5, 5)
    labels = [tick_label(t, step) for t in ticks]
    assert len(set(labels)) == len(labels), labels       # "16, 15, 14, 14, 13" was shown before
