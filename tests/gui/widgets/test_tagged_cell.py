"""History's question cell ending in its bank's name (tagged_cell)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics

from voiceprep.gui.widgets.tagged_cell import elide_tag, tagged_lines

QUESTION = "Describe a time your knowledge of payment flows, settlement or fraud changed an architectural decision."


def test_a_copys_name_keeps_my_copy_whole_and_is_cut_at_its_end(qapp):
    """walk55 finding 7: at 1366 History cut "Senior Backend Engineer, Payments (my copy)" in its middle, "Senior
    Backend En…ayments (my copy)", so a copy's answers and its origin's looked alike. The name is cut at its end,
    "(my copy)" whole; a name with nothing in brackets is still cut in its middle (its end tells "Round 4" apart)."""
    metrics = QFontMetrics(QFont())
    copy, origin = "Senior Backend Engineer, Payments (my copy)", "Senior Backend Engineer, Payments"
    width = metrics.horizontalAdvance(copy) * 2 // 3
    cut = elide_tag(copy, metrics, width)
    assert cut.endswith("… (my copy)") and cut.startswith("Senior Backend E"), cut
    assert metrics.horizontalAdvance(cut) <= width
    assert "(my copy)" not in elide_tag(origin, metrics, width)
    round4 = elide_tag("Airwallex — Senior Backend Engineer, Round 4", metrics, width)
    assert round4.startswith("Airwallex") and round4.endswith("Round 4") and "…" in round4, round4
    assert elide_tag(copy, metrics, 2 * width) == copy                     # room enough: whole
    # read41b 3: any closing bracket is kept whole, as the docstring says, not only "(my copy)"
    bracket = elide_tag("Airwallex — Senior Backend Engineer, Payments (Round 4)", metrics, width)
    assert bracket.endswith("… (Round 4)") and bracket.startswith("Airwallex — Sen"), bracket
    assert metrics.horizontalAdvance(bracket) <= width
    # in the cell, on its own last line or beside the question's
    for lines in (tagged_lines(QUESTION, f" · {copy}", metrics, width, 3),
                  tagged_lines("Why payments?", f" · {copy}", metrics, metrics.horizontalAdvance("Why payments?") + width, 1)):
        assert lines[-1].endswith("… (my copy)"), lines
        assert all(metrics.horizontalAdvance(line) <= max(width, metrics.horizontalAdvance("Why payments?") + width)
                   for line in lines), lines
