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


def contrast(a: str, b: str) -> float:
    """WCAG's contrast ratio of two #rrggbb colours."""
    def lum(c: str) -> float:
        ch = [int(c[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4 for x in ch]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_secondary_text_reads_at_4_5_to_1_on_the_window_the_boxes_and_the_cards():
    """Walk47 5: notes and hints (#777 on #efefef, 3.9:1) and the question card's state line (3.7:1) were below
    WCAG's 4.5:1. Their colour (the palette's placeholder text, SECONDARY_TEXT) is 4.5:1 or more on a light and a
    dark palette's window and text boxes, and on the question card's tint of the accent over the window."""
    from PySide6.QtGui import QColor

    from voiceprep.gui.style import secondary_text
    from voiceprep.gui.widgets.common import ACCENT, WARN

    light = QApplication.style().standardPalette()
    dark = QPalette(light)
    for role, color in ((QPalette.ColorRole.Window, "#353535"), (QPalette.ColorRole.Base, "#2a2a2a")):
        dark.setColor(role, QColor(color))
    for palette in (light, dark):
        text = secondary_text(palette).name()
        window = palette.color(QPalette.ColorRole.Window)
        cards = []
        for tint in (ACCENT, WARN):                  # common.soft: the colour at 16 % over the window
            c = QColor(tint)
            cards.append(QColor(*(round(getattr(window, ch)() * 0.84 + getattr(c, ch)() * 0.16)
                                  for ch in ("red", "green", "blue"))).name())
        for background in (window.name(), palette.color(QPalette.ColorRole.Base).name(), *cards):
            assert contrast(text, background) >= 4.5, (text, background, contrast(text, background))
    assert contrast("#777777", "#efefef") < 4.5            # Fusion's own, as walk47 measured it
