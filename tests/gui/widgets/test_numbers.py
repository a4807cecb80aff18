"""The shared number fields' words (review31, findings 7 and 8): a refused decimal is said as typed, and the advice
names only numbers the box takes, or its range."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox

from voiceprep.gui.widgets.numbers import LimitedNumber, LimitedSpin, decimal_advice, refusal


def _spin(qtbot, lo: int, hi: int) -> QSpinBox:
    box = LimitedSpin()
    qtbot.addWidget(box)
    box.setRange(lo, hi)
    return box


def _number(qtbot, lo: float, hi: float) -> QDoubleSpinBox:
    box = LimitedNumber()
    qtbot.addWidget(box)
    box.setDecimals(3)
    box.setRange(lo, hi)
    return box


@pytest.mark.parametrize(("lo", "hi", "typed", "advice"), [
    (10, 1800, "12.5", "type 12 or 13"),
    (10, 1800, "0.5", "type a whole number"),          # was "type 0 or 1" under a minimum of 10
    (10, 1800, "5000.5", "type a whole number"),       # was "type 5000 or 5001" over a maximum of 1800
    (10, 1800, "10.5", "type 10 or 11"),
    (10, 1800, "1800.5", "type 1800"),                 # 1801 is over the maximum
    (0, 20, "25.5", "type a whole number"),            # Cues needed: was "type 25 or 26"
    (10, 1800, "12.", "type 12 without the “.”"),      # was "(type 12)" after "12. s"
    (0, 20, "2,", "type 2 without the “,”"),
])
def test_a_whole_number_box_advises_only_numbers_it_takes(qtbot, lo, hi, typed, advice):
    assert decimal_advice(_spin(qtbot, lo, hi), typed) == advice


@pytest.mark.parametrize(("lo", "hi", "typed", "advice"), [
    (0.1, 10, "2,5", "use a dot for decimals, as in 2.5"),
    (0.1, 10, "25,5", "use a dot for decimals"),         # was "as in 25.5" over a maximum of 10
    (0.1, 10, "2,", "use a dot for decimals, as in 2.5"),  # was "as in 2": a decimal is shown, not the whole 2
    (0.1, 10, "10,", "use a dot for decimals"),          # 10.5 is over the maximum: no example
    (0, 1, "0,5", "use a dot for decimals, as in 0.5"),
])
def test_a_decimal_box_gives_an_example_only_inside_its_range(qtbot, lo, hi, typed, advice):
    assert decimal_advice(_number(qtbot, lo, hi), typed) == advice


def test_a_refusal_says_what_was_typed_what_to_type_and_what_was_kept(qtbot):
    silence = _number(qtbot, 0, 30)
    assert refusal(silence, "2,5", "a time you can use", kept="3 s", unit="s") == \
        "2,5 s is not a time you can use: use a dot for decimals, as in 2.5 (from 0 to 30). Kept 3 s."
    assert refusal(silence, "45", "a time you can use", kept="3 s", unit="s") == \
        "45 s is not a time you can use: type a number from 0 to 30. Kept 3 s."
    assert refusal(_spin(qtbot, 0, 20), "25.5", "a number of cues you can use", kept="2") == \
        "25.5 is not a number of cues you can use: type a whole number (from 0 to 20). Kept 2."
