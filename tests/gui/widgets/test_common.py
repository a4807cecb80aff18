"""Shared widgets: keyboard behaviour a candidate expects."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView

from voiceprep.gui.widgets.common import RowTable


def test_home_and_end_go_to_the_first_and_last_row_of_a_row_table(qtbot):
    """Walkthrough 3: in History, Home went to the first column of the same row (Qt's default)."""
    model = QStandardItemModel(5, 3)
    for r in range(5):
        for c in range(3):
            model.setItem(r, c, QStandardItem(f"{r},{c}"))
    table = RowTable()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    qtbot.addWidget(table)
    table.show()
    table.setCurrentIndex(model.index(2, 1))
    qtbot.keyClick(table, Qt.Key.Key_End)
    assert table.currentIndex().row() == 4
    qtbot.keyClick(table, Qt.Key.Key_Home)
    assert table.currentIndex().row() == 0


def test_a_score_bar_shows_its_number_beside_the_bar_not_over_its_fill(qtbot):
    """Walkthrough 4: the round summary's score, centred on the bar, crossed the fill's edge (hard to read at some
    scores). At every score it is beside the bar, whole, in the score's colour."""
    from voiceprep.gui.widgets.common import ScoreBar, score_color

    for score in (None, 0, 9, 48, 50, 55, 88, 100):
        w = ScoreBar("Depth in own work", score, "weight 0.25")
        qtbot.addWidget(w)
        for width in (420, 1200, 2400):
            w.resize(width, 40)
            w.show()
            qtbot.waitExposed(w)
            assert not w.bar.isTextVisible()
            assert w.value.text() == ("–" if score is None else f"{score:.0f}")
            assert not w.value.geometry().intersects(w.bar.geometry()), (score, width)
            assert w.value.width() >= w.value.fontMetrics().horizontalAdvance(w.value.text())     # not cut
            assert score_color(score) in w.value.styleSheet()
