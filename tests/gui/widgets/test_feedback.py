"""The feedback page's competency bars are drawn to the score's length."""

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTextBrowser

from voiceprep.gui.widgets.common import score_color
from voiceprep.gui.widgets.feedback import Colors, bar


def filled_width(qtbot, score: float) -> int:
    view = QTextBrowser()
    qtbot.addWidget(view)
    view.resize(800, 120)
    view.setHtml("<table width='100%'>" + bar(Colors(view.palette()), "Depth", score, "weight 0.25") + "</table>")
    view.show()
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage()
    target = QColor(score_color(score)).rgb()
    return max(sum(1 for x in range(image.width()) if image.pixel(x, y) == target) for y in range(image.height()))


def test_bars_are_as_long_as_their_scores(qtbot):
    widths = {s: filled_width(qtbot, s) for s in (10, 50, 90)}
    assert widths[10] < widths[50] / 3 and widths[50] < widths[90] * 0.7, widths
    assert filled_width(qtbot, 0) < 30        # only the score's digit, no bar
