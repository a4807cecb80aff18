"""Number fields that take a typed number whole or not at all, and say why not (the bank editor's since fix R; the
Settings page, History's "score ≥" and the notes dialog's "Cues needed" since fix U).

Qt's own spin boxes read a decimal written with a mark they do not read as a decimal point silently: "2,5" typed
into "Stop after silence" became 25 s, "7,5" in History's "score ≥" 75 (Qt drops the comma as a group separator),
and "2.5" in "Cues needed" became 2 (review31, finding 7). `LimitedSpin` and `LimitedNumber` show such a number as
typed, put the old value back when the field is left, and send what was typed on `refused`; `refusal` says it: what
was typed, what to type (only numbers the box takes, `decimal_advice`), and what was kept."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox

from voiceprep.core.banks.load import weight_text

Box = QSpinBox | QDoubleSpinBox


def number_text(box: Box, value: float) -> str:
    """A number as `box` shows it, without its prefix and suffix: "2.5" ("2,5" in a locale that writes so), "12"."""
    if isinstance(box, QSpinBox):
        return str(int(value))
    return weight_text(value).replace(".", box.locale().decimalPoint())


def typed_number(box: Box) -> re.Pattern[str]:
    """A number as it may be typed into `box`, a minus on the way included: whole digits in a QSpinBox; in a
    QDoubleSpinBox the locale's decimal point and up to `decimals` digits after it. A decimal written with a mark the
    box does not read is shown too, and said (`decimal_typo`); anything else stays Qt's to block key by key."""
    if isinstance(box, QDoubleSpinBox):
        point = re.escape(box.locale().decimalPoint())
        return re.compile(rf"-?\d*(?:{point}\d{{0,{box.decimals()}}})?")
    return re.compile(r"-?\d*")


def decimal_typo(box: Box, typed: str) -> float | None:
    """The number meant when `typed` is a decimal written with a mark `box` does not read as a decimal point: "2,5"
    in a decimal box whose locale writes 2.5 (or "2.5" where it writes 2,5), any decimal in a whole-number box
    ("12.5", or "12,5", which Qt reads as 125 when the comma groups thousands; "1,500" is a grouping and stays
    Qt's). None when `typed` is no such number. Fix R: "2,5" typed into a Weight read "25 is not a weight you can
    use", the comma dropped by Qt and the box's content quoted, not what was typed."""
    m = re.fullmatch(r"(-?\d+)([.,])(\d*)", typed)          # "2," on the way to "2,5" too
    if m is None:
        return None
    locale = box.locale()
    if isinstance(box, QDoubleSpinBox) and m[2] == locale.decimalPoint():
        return None
    group = re.escape(locale.groupSeparator())
    if isinstance(box, QSpinBox) and group and re.fullmatch(rf"-?\d{{1,3}}(?:{group}\d{{3}})+", typed):
        return None
    return float(f"{m[1]}.{m[3] or 0}")


def span_text(box: Box) -> str:
    """The numbers `box` takes, as said after a refused one: "from 0 to 30"."""
    return f"from {number_text(box, box.minimum())} to {number_text(box, box.maximum())}"


def decimal_advice(box: Box, typed: str) -> str:
    """What to type instead of a decimal the box did not read (`decimal_typo`), naming only numbers the box takes
    (review31, finding 8: "0.5" in Target time advised "type 0 or 1" under a minimum of 10; "25,5" in a Weight "as in
    25.5" over its maximum): the locale's own decimal point, or the whole numbers either side of it; none out of
    range (the caller says the range, as `refusal` does). A mark typed last ("2,", "12.") is said as such, not quoted
    as a number ("as in 2")."""
    meant = decimal_typo(box, typed)
    if meant is None:
        return f"type a number {span_text(box)}"
    mark = typed[-1] if typed[-1] in ".," else ""            # "2," on the way to a decimal, the digits not typed
    low, high = box.minimum(), box.maximum()
    if isinstance(box, QSpinBox):
        whole = sorted({n for n in (math.floor(meant), math.ceil(meant)) if low <= n <= high})
        if not whole:
            return "type a whole number"
        if mark:
            return f"type {whole[0]} without the “{mark}”"
        return "type " + " or ".join(str(n) for n in whole)
    point = box.locale().decimalPoint()
    name = {".": "dot", ",": "comma"}.get(point, f"“{point}”")
    example = meant + 0.5 if mark else meant                 # "2," -> as in 2.5, a decimal, not 2
    if not low <= example <= high:
        return f"use a {name} for decimals"
    return f"use a {name} for decimals, as in {number_text(box, example)}"


def refusal(box: Box, typed: str, what: str, kept: str, unit: str = "") -> str:
    """The line that says a number typed into `box` was refused: what was typed, what to type, what was kept.
    "2,5 s is not a time you can use: use a dot for decimals, as in 2.5 (from 0 to 30). Kept 3 s." `what`: "a time
    you can use"; `unit` follows the typed number ("s")."""
    said = f"{typed}{' ' + unit if unit else ''}" if typed else "Nothing"
    if decimal_typo(box, typed) is None:
        return f"{said} is not {what}: type a number {span_text(box)}. Kept {kept}."
    return f"{said} is not {what}: {decimal_advice(box, typed)} ({span_text(box)}). Kept {kept}."


def typed_text(box: Box, text: str) -> str:
    """What was typed into a spin box's line, without its prefix and suffix."""
    return text.removeprefix(box.prefix()).removesuffix(box.suffix()).strip()


def _qt_state(box: Box, text: str) -> QValidator.State:
    """What Qt's own validator (not ours, `_validate`) says of `text` in `box`."""
    if isinstance(box, QDoubleSpinBox):
        result: Any = QDoubleSpinBox.validate(box, text, len(text))
    else:
        result = QSpinBox.validate(box, text, len(text))
    return result[0] if isinstance(result, tuple) else result


def _qt_takes(box: Box, typed: str) -> bool:
    """Whether Qt itself takes `typed` as the box's value: its own validator accepts it, after its fixup when
    needed, and it reads as the value the box holds."""
    if decimal_typo(box, typed) is not None:
        return False                    # shown as typed (`_validate`) and put back: said, not read as 25
    text = box.prefix() + typed + box.suffix()
    if _qt_state(box, text) != QValidator.State.Acceptable:
        fixed: Any = QDoubleSpinBox.fixup(box, text) if isinstance(box, QDoubleSpinBox) else QSpinBox.fixup(box, text)
        text = fixed if isinstance(fixed, str) else text
        if _qt_state(box, text) != QValidator.State.Acceptable:
            return False
    return bool(box.valueFromText(text) == box.value())


def _refusing(box: Box, refused: Callable[[str], None]) -> None:
    """A spin box that takes a typed number whole or not at all (walk38: "-2" typed into a Weight became 2.0, Qt
    dropping the minus without a word; 5000 typed into Target time kept the 500 typed on the way, a number never
    chosen). What is typed shows as typed; the value changes when the field is left or Enter pressed (no keyboard
    tracking). What Qt did then decides: the value taken, or already the typed number, says nothing; typed text Qt
    put the old value back for is refused, `refused` saying what was typed (review30: "1,500", which Qt takes as
    1500, was refused while taken; "2,5" was put back without a word)."""
    box.setKeyboardTracking(False)
    pending: list[str] = []

    def edited(text: str) -> None:
        pending[:] = [typed_text(box, text)]

    def taken(_value: object) -> None:
        pending.clear()

    def finished() -> None:
        if pending:
            typed = pending.pop()
            if typed and not _qt_takes(box, typed):
                refused(typed)
    box.lineEdit().textEdited.connect(edited)
    box.valueChanged.connect(taken)
    box.editingFinished.connect(finished)


def _validate(box: Box, result: Any, text: str, pos: int) -> Any:
    """A number out of range shows as typed (refused whole on leaving, `_refusing`), not dropped key by key; what
    the box could never take (a decimal point in a whole number, a fourth decimal) Qt still blocks."""
    state = result[0] if isinstance(result, tuple) else result
    typed = typed_text(box, text)
    if decimal_typo(box, typed) is not None or \
            (state == QValidator.State.Invalid and typed_number(box).fullmatch(typed)):
        state = QValidator.State.Intermediate
        return (state, text, pos) if isinstance(result, tuple) else state
    return result


class LimitedSpin(QSpinBox):
    """A whole-number spin box that says when a typed number is over its maximum (Qt dropped the keystroke without
    a word), and refuses a number out of range whole, keeping its value (`_refusing`)."""

    over_limit = Signal(str)
    refused = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        _refusing(self, self.refused.emit)

    def validate(self, text: str, pos: int):
        result = super().validate(text, pos)          # PySide6: (state, text, pos)
        digits = typed_text(self, text)
        if digits.isdigit() and int(digits) > self.maximum():
            self.over_limit.emit(digits)
        return _validate(self, result, text, pos)

    def fixup(self, text: str) -> str:
        # "2,5" is not 25: Qt's fixup drops the comma as a group separator; a decimal typo stays as typed, and so
        # is put back and said (`_refusing`)
        return text if decimal_typo(self, typed_text(self, text)) is not None else super().fixup(text)


class LimitedNumber(QDoubleSpinBox):
    """A decimal spin box that refuses a number out of range whole, keeping its value (`_refusing`)."""

    refused = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        _refusing(self, self.refused.emit)

    def validate(self, text: str, pos: int):
        return _validate(self, super().validate(text, pos), text, pos)

    def fixup(self, text: str) -> str:
        # "2,5" where the locale writes 2.5: Qt's fixup would drop the comma as a group separator (25)
        return text if decimal_typo(self, typed_text(self, text)) is not None else super().fixup(text)
