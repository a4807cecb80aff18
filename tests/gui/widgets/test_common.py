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
