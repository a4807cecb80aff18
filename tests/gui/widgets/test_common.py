"""Shared widgets: keyboard behaviour a candidate expects."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView

from voiceprep.gui.widgets.common import RowTable


def rows_table(qtbot, rows: int = 5) -> RowTable:
    """A shown RowTable of `rows` rows selected by row, several at a time (as History's)."""
    table = RowTable()
    table.setModel(QStandardItemModel(rows, 3, table))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    qtbot.addWidget(table)
    table.show()
    return table


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


def test_ctrl_home_and_ctrl_end_select_the_row_they_go_to(qtbot):
    """Walkthrough 6: in History, Ctrl+End moved to the last attempt but kept two others selected, so Delete
    offered to delete those two."""
    table = rows_table(qtbot)
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert sorted(i.row() for i in table.selectionModel().selectedRows()) == [1, 2]
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert table.currentIndex().row() == 4
    assert [i.row() for i in table.selectionModel().selectedRows()] == [4]
    qtbot.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert [i.row() for i in table.selectionModel().selectedRows()] == [0]
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)      # Shift still extends
    assert sorted(i.row() for i in table.selectionModel().selectedRows()) == [0, 1, 2, 3, 4]


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


def arrow_rows(table: RowTable, column: int) -> list[int]:
    """The sort arrow Qt draws in a header section, as the width of each of its rows of dark pixels, top down."""
    header = table.horizontalHeader()
    image = header.grab().toImage()
    right = header.sectionViewportPosition(column) + header.sectionSize(column)
    widths = [sum(1 for x in range(right - 24, right) if image.pixelColor(x, y).lightness() < 120)
              for y in range(image.height())]
    return [w for w in widths if w]


def test_the_sort_arrow_points_down_for_newest_first(qtbot):
    """Walkthrough 4: History's Date column, newest first, showed ▲, which reads "ascending" (Fusion draws the
    arrow Qt asks for: down for ascending)."""
    from PySide6.QtWidgets import QStyleFactory

    model = QStandardItemModel(3, 2)
    model.setHorizontalHeaderLabels(["Date", "Prompt"])
    table = RowTable()
    qtbot.addWidget(table)
    table.horizontalHeader().setStyle(QStyleFactory.create("Fusion"))     # the app's style (gui/app.py)
    table.setModel(model)
    table.setSortingEnabled(True)
    table.resize(400, 200)
    table.horizontalHeader().resizeSection(0, 200)
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    down = arrow_rows(table, 0)
    assert len(down) >= 3 and down == sorted(down, reverse=True) and down[0] > down[-1], down   # ▼: wide on top
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    up = arrow_rows(table, 0)
    assert up == sorted(up) and up[0] < up[-1], up                                              # ▲
    assert table.horizontalHeader().sectionsClickable() and table.horizontalHeader().highlightSections()


def test_two_attempts_can_be_picked_for_compare_with_the_keyboard_as_its_hint_says(qtbot):
    """Walkthrough 6: Compare's hint named only Ctrl+click. The keys it names pick two rows: Shift+Down the next,
    Ctrl+Down and Ctrl+Space one further away."""
    from voiceprep.gui.widgets.history import compare_hint

    table = rows_table(qtbot)
    hint = compare_hint(5)
    assert hint.startswith("5 answers are selected") and "Shift+↓" in hint and "Ctrl+Space" in hint
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert sorted(i.row() for i in table.selectionModel().selectedRows()) == [0, 1]
    table.selectRow(0)
    for _ in range(2):
        qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(table, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert sorted(i.row() for i in table.selectionModel().selectedRows()) == [0, 2]


def test_enter_presses_a_focused_button_both_ways_and_a_radio_button_only_where_each_button_is_watched(qtbot):
    """keyboard_buttons (Practice, first start) and enter_presses_buttons (History, Banks, Settings, the editor):
    Enter presses the focused button either way, also one added later on a page; it chooses a radio button (the
    feedback's rating) on Practice only."""
    from PySide6.QtWidgets import QApplication, QPushButton, QRadioButton, QVBoxLayout, QWidget

    from voiceprep.gui.widgets.common import enter_presses_buttons, keyboard_buttons

    def page(install):
        w = QWidget()
        lay = QVBoxLayout(w)
        button, radio = QPushButton("Go"), QRadioButton("1")
        lay.addWidget(button)
        lay.addWidget(radio)
        install(w)
        qtbot.addWidget(w)
        w.show()
        w.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
        return w, lay, button, radio

    def check(install, chooses_radio):
        w, lay, button, radio = page(install)
        install(w)                                              # twice: still one press per key
        pressed = []
        button.clicked.connect(lambda: pressed.append(1))
        button.setFocus()
        qtbot.keyClick(button, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: len(pressed) == 1)
        qtbot.wait(50)
        assert pressed == [1], install.__name__
        qtbot.keyClick(button, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)   # not with a modifier
        qtbot.wait(250)
        assert pressed == [1], install.__name__
        radio.setFocus()
        qtbot.keyClick(radio, Qt.Key.Key_Return)
        qtbot.wait(250)                                         # animateClick: a click after 100 ms
        assert radio.isChecked() is chooses_radio, install.__name__
        if install is enter_presses_buttons:                    # a button the page adds later is covered too
            later = QPushButton("Later")
            lay.addWidget(later)
            later.show()
            later.setFocus()
            with qtbot.waitSignal(later.clicked, timeout=1000):
                qtbot.keyClick(later, Qt.Key.Key_Return)

    check(keyboard_buttons, chooses_radio=True)
    check(enter_presses_buttons, chooses_radio=False)


def test_text_cut_at_a_word_has_no_comma_before_its_ellipsis_and_a_long_first_word_is_cut_inside():
    """review37b: Progress's `shortened` became textwrap.shorten (650c83fe, "no behaviour change"): "a manager,…" lost
    the old strip of a comma before the "…", and a first word longer than the room showed "…" alone. The round
    summary's point_shown and short_question are the same rule: one place (core.wording.cut_at_word)."""
    from voiceprep.gui.widgets import progress
    from voiceprep.gui.widgets.practice import point_shown
    from voiceprep.settings import DRILL_LABEL_CHARS

    assert not hasattr(progress, "shortened")           # fixBQ: a one-line wrapper of cut_at_word, gone
    # (cut_at_word's own cases: tests/core/test_wording.py)
    label = "x" * 90
    assert point_shown(label) == "x" * (DRILL_LABEL_CHARS - 1) + "…"


def test_a_row_tables_focus_ring_leaves_no_line_across_its_rows_when_it_scrolls(qtbot):
    """read48c (mend49, walk64 7 drew the ring inside the rows' area): scrolling moved the viewport's pixels, the ring
    on its edges with them, and only the uncovered strip was painted again: a ring line was left across the rows at
    every step. What the screen shows (the window's pixels, not a fresh render) has the ring only at its edges."""
    from PySide6.QtGui import QPalette

    table = rows_table(qtbot, 300)
    table.resize(500, 400)
    table.activateWindow()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus, timeout=5000)
    ring = table.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    bar = table.verticalScrollBar()
    for _ in range(5):
        bar.setValue(bar.value() + 3)
        qtbot.wait(20)
    image = table.screen().grabWindow(table.winId()).toImage()
    view = table.viewport().geometry()
    x = view.x() + view.width() // 2
    assert [y for y in range(view.y() + 4, view.bottom() - 4) if image.pixelColor(x, y) == ring] == []
