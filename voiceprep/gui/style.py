"""The app's look: Qt's Fusion style with a keyboard focus that can be seen.

Fusion marks the focused button with a 1 px highlight outline, the same outline it gives the default button, so
"Start round" (the default) looked focused all the time and a focused "Start answer" looked like any default
button; a focused tree or table looked as it did unfocused (walkthrough leftover). Here the focused control gets a
2 px ring in the highlight colour, and the default button is told apart by a light tint of that colour instead of
the outline. A proxy style rather than a style sheet: a style sheet on buttons replaces Fusion's drawing of them.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QPlainTextEdit,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionButton,
    QStyleOptionComplex,
    QTextEdit,
    QWidget,
)

RING_WIDTH = 2          # px: the focus ring
DEFAULT_TINT = 40       # alpha (of 255) of the highlight colour over the default button's face
# secondary text (notes, hints, the question card's state line, placeholders): the palette's placeholder colour,
# which every muted line uses. Fusion's (#777 on #efefef, 3.9:1; on the question card's tint 3.7:1, walk47 5) is
# below WCAG's 4.5:1; these are 5:1 or more on the window, the text boxes and the cards' tints, light or dark
SECONDARY_TEXT = {"light": "#595959", "dark": "#bdbdbd"}

PE = QStyle.PrimitiveElement
# a control with the focus draws one of these: the ring goes around it
RINGED_PRIMITIVES = frozenset({PE.PE_PanelButtonCommand, PE.PE_Frame, PE.PE_PanelLineEdit})
RINGED_COMPLEX = frozenset({QStyle.ComplexControl.CC_ToolButton, QStyle.ComplexControl.CC_ComboBox,
                            QStyle.ComplexControl.CC_SpinBox, QStyle.ComplexControl.CC_Slider})


def ring_color(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)


def draw_ring(painter: QPainter, option: QStyleOption, inset: float = RING_WIDTH / 2) -> None:
    """A rounded ring inside `option.rect` (a widget paints only inside itself)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(ring_color(option.palette), RING_WIDTH))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    rect = QRectF(option.rect).adjusted(inset, inset, -inset, -inset)
    painter.drawRoundedRect(rect, 3, 3)
    painter.restore()


def _focused(option: QStyleOption) -> bool:
    state = option.state
    return bool(state & QStyle.StateFlag.State_HasFocus and state & QStyle.StateFlag.State_Enabled)


class FocusStyle(QProxyStyle):
    """Fusion, with a visible focus ring and a default button that does not look focused."""

    def __init__(self, base: str = "Fusion"):
        super().__init__(QStyleFactory.create(base))

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:
        if element not in RINGED_PRIMITIVES and element != PE.PE_FrameFocusRect:
            super().drawPrimitive(element, option, painter, widget)
            return
        if element == PE.PE_FrameFocusRect:
            # Fusion's is a faint grey box; on a check box or radio button (the rating) it is the only sign of
            # the focus. Items of a list keep Fusion's (the view around them has the ring).
            if isinstance(widget, QAbstractButton):
                draw_ring(painter, option)
            else:
                super().drawPrimitive(element, option, painter, widget)
            return
        if (element == PE.PE_PanelButtonCommand and isinstance(option, QStyleOptionButton)
                and option.features & QStyleOptionButton.ButtonFeature.DefaultButton):
            plain = QStyleOptionButton(option)
            plain.features &= ~QStyleOptionButton.ButtonFeature.DefaultButton
            plain.state &= ~QStyle.StateFlag.State_HasFocus                # the ring is ours
            super().drawPrimitive(element, plain, painter, widget)
            if option.state & QStyle.StateFlag.State_Enabled:
                tint = QColor(ring_color(option.palette))
                tint.setAlpha(DEFAULT_TINT)
                painter.save()
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(tint)
                painter.drawRoundedRect(QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5), 2, 2)
                painter.restore()
        else:
            super().drawPrimitive(element, option, painter, widget)
        if not _focused(option):
            return
        if element == PE.PE_Frame and not isinstance(widget, (QAbstractItemView, QTextEdit, QPlainTextEdit)):
            return                               # a page's scroll area (a ring round the page), a menu, a tooltip
        if element == PE.PE_PanelLineEdit and isinstance(widget and widget.parentWidget(), QComboBox):
            return                               # an editable combo box's field: the combo box has the ring
        draw_ring(painter, option)

    def drawComplexControl(self, control: QStyle.ComplexControl, option: QStyleOptionComplex, painter: QPainter,
                           widget: QWidget | None = None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in RINGED_COMPLEX and _focused(option):
            draw_ring(painter, option)


_installed: list[QStyle] = []        # the application's style lives as long as the application


def secondary_text(palette: QPalette) -> QColor:
    """The colour of secondary text on `palette` (SECONDARY_TEXT, by whether the window is dark)."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor(SECONDARY_TEXT["dark" if dark else "light"])


def apply() -> QStyle:
    """Give the application its look (Fusion follows the system's light or dark palette on every platform), with
    secondary text readable (SECONDARY_TEXT)."""
    style = FocusStyle()
    _installed[:] = [style]
    QApplication.setStyle(style)
    palette = QApplication.palette()
    palette.setColor(QPalette.ColorRole.PlaceholderText, secondary_text(palette))
    QApplication.setPalette(palette)
    return style

