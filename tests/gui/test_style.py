"""The app's style: the keyboard's focus is seen, and the default button does not look focused (walkthrough
leftover: in Fusion the default "Start round" wore the same 1 px outline as a focused button, a focused button
showed little else, and a focused tree looked as it did unfocused)."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QTreeWidget, QTreeWidgetItem, QWidget

from voiceprep.gui.style import FocusStyle


def ring_pixels(widget: QWidget, inset: int = 1) -> int:
    """Pixels of the highlight colour along the widget's edges, `inset` px in (a ring, not a selected row)."""
    image: QImage = widget.grab().toImage()
    color = widget.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight).rgb()
    w, h = image.width(), image.height()
    edge = [(x, y) for x in range(w) for y in (inset, h - 1 - inset)] + [
        (x, y) for y in range(h) for x in (inset, w - 1 - inset)]
    return sum(1 for x, y in edge if image.pixel(x, y) == color)


def test_the_focus_ring_shows_where_the_keyboard_is_and_the_default_button_is_not_focused(qtbot):
    style = FocusStyle()
    window = QWidget()
    row = QHBoxLayout(window)
    default, other = QPushButton("▶ Start round"), QPushButton("Drill my weak points")
    default.setDefault(True)
    tree = QTreeWidget()
    QTreeWidgetItem(tree, ["Job: My interview"])
    tree.setCurrentItem(tree.topLevelItem(0))       # a selected row: drawn in the highlight colour either way
    for w in (default, other, tree):
        w.setStyle(style)
        row.addWidget(w)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    def seen(focused: QWidget) -> dict[str, int]:
        focused.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is focused)
        return {"default": ring_pixels(default), "other": ring_pixels(other), "tree": ring_pixels(tree, 0)}

    on_default, on_other, on_tree = seen(default), seen(other), seen(tree)
    assert on_default["default"] > default.width() + default.height(), on_default       # most of the way round
    assert on_other["other"] > other.width() + other.height(), on_other
    assert on_other["default"] == 0, "the default button, not focused, looks focused"
    assert on_default["other"] == 0 and on_tree["other"] == 0
    assert on_tree["tree"] > tree.height(), "a focused tree has no ring"
    assert on_default["tree"] == 0 and on_other["tree"] == 0
