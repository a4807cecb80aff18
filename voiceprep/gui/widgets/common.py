"""Small shared pieces: colours that work on light and dark palettes, headings, score bars."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QProgressBar, QWidget

GOOD, WARN, BAD, ACCENT = "#2e9d57", "#d98e04", "#d0453b", "#3b7ddd"


def is_dark() -> bool:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def soft(hex_color: str) -> str:
    """A translucent tint of a colour, readable on light and dark backgrounds."""
    return f"rgba({int(hex_color[1:3], 16)}, {int(hex_color[3:5], 16)}, {int(hex_color[5:7], 16)}, 0.16)"


def score_color(score: float | None) -> str:
    if score is None:
        return ACCENT
    return GOOD if score >= 70 else WARN if score >= 40 else BAD


def heading(text: str, size: int = 13, bold: bool = True) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSize(size)
    font.setBold(bold)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def muted(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


class ScoreBar(QWidget):
    """A labelled 0-100 bar."""

    def __init__(self, name: str, score: float | None, detail: str = "", parent=None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 2, 0, 2)
        label = QLabel(name)
        label.setMinimumWidth(200)
        label.setWordWrap(True)
        bar = QProgressBar()
        bar.setRange(0, 100)
        bar.setValue(int(round(score or 0)))
        bar.setFormat(f"{score:.0f}" if score is not None else "–")
        bar.setTextVisible(True)
        bar.setFixedHeight(18)
        bar.setStyleSheet(f"QProgressBar {{ border: none; border-radius: 4px; background: {soft('#808080')}; "
                          f"text-align: center; }} QProgressBar::chunk {{ border-radius: 4px; "
                          f"background: {score_color(score)}; }}")
        row.addWidget(label, 2)
        row.addWidget(bar, 3)
        if detail:
            row.addWidget(muted(detail))


class Card(QFrame):
    def __init__(self, color: str = ACCENT, parent=None):
        super().__init__(parent)
        self.setObjectName("card")
        self.setStyleSheet(f"QFrame#card {{ background: {soft(color)}; border-left: 4px solid {color}; "
                           f"border-radius: 6px; }}")


def big_number(value: float | None, caption: str) -> QWidget:
    w = QWidget()
    lay = QHBoxLayout(w)
    lay.setContentsMargins(0, 0, 0, 0)
    num = QLabel("–" if value is None else f"{value:.0f}")
    font = QFont(num.font())
    font.setPointSize(30)
    font.setBold(True)
    num.setFont(font)
    num.setStyleSheet(f"color: {score_color(value)};")
    lay.addWidget(num)
    cap = QLabel(caption)
    cap.setAlignment(Qt.AlignmentFlag.AlignBottom)
    lay.addWidget(cap)
    lay.addStretch(1)
    return w
