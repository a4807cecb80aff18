"""Two attempts of one prompt side by side: what changed in words (metrics), key points gained and lost, and the
two transcripts in two columns with what differs highlighted in each."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from voiceprep.gui.widgets.common import BAD, GOOD, Card, heading, muted, soft
from voiceprep.gui.widgets.feedback import when

BETTER_UP = {"overall", "key_points"}          # a rise is good; for fillers and hedges a fall is
BETTER_DOWN = {"fillers", "hedges"}


def _label(text: str, color: str | None = None) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if color:
        label.setStyleSheet(f"color: {color};")
    return label


def side_html(diff: list[dict[str, str]], side: str) -> str:
    """One transcript of the pair, with the words the other one does not have highlighted."""
    color = BAD if side == "first" else GOOD
    parts = []
    for d in diff:
        words = html.escape(d[side])
        if not words:
            continue
        parts.append(words if d["op"] == "equal" else f"<span style='background:{soft(color)}'>{words}</span>")
    return "<p style='line-height:150%'>" + (" ".join(parts) or "<i>(nothing was said)</i>") + "</p>"


class CompareView(QWidget):
    def __init__(self, result: dict[str, Any], parent: QWidget | None = None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        title = heading(result["prompt_text"], 14)
        lay.addWidget(title)
        a, b = result["attempts"]
        kinds = {"typed": "typed", "file": "from a file"}
        lay.addWidget(muted(f"Attempt {a['id']} ({when(a['started_at'])}, {kinds.get(a['input'] or '', 'spoken')}) "
                            f"→ attempt {b['id']} ({when(b['started_at'])}, {kinds.get(b['input'] or '', 'spoken')})"))
        top = QHBoxLayout()
        metrics = Card()
        ml = QVBoxLayout(metrics)
        ml.addWidget(heading("What changed", 11))
        self.metric_labels = []
        for name, m in result["metrics"].items():
            color = None
            if m["delta"]:
                up = m["delta"] > 0
                if name in BETTER_UP:
                    color = GOOD if up else BAD
                elif name in BETTER_DOWN:
                    color = BAD if up else GOOD
            label = _label(m["text"], color)
            self.metric_labels.append(label)
            ml.addWidget(label)
        ml.addStretch(1)
        top.addWidget(metrics, 2)
        points = Card()
        pl = QGridLayout(points)
        pl.addWidget(heading("Key points", 11), 0, 0, 1, 3)
        for col, (caption, labels, mark, color) in enumerate((
                ("Gained", result["gained"], "✓", GOOD), ("Lost", result["lost"], "✗", BAD),
                ("Still missing", result["missed"], "–", None))):
            pl.addWidget(heading(caption, 10), 1, col)
            for row, text in enumerate(labels or ["none"], start=2):
                pl.addWidget(_label(f"{mark} {text}" if labels else "none", color if labels else None), row, col,
                             Qt.AlignmentFlag.AlignTop)
        pl.setRowStretch(pl.rowCount(), 1)
        top.addWidget(points, 3)
        lay.addLayout(top)
        columns = QHBoxLayout()
        self.transcripts = []
        for side, attempt, caption in (("first", a, "removed"), ("second", b, "new")):
            column = QVBoxLayout()
            column.addWidget(heading(f"Attempt {attempt['id']} · {when(attempt['started_at'])}", 11))
            column.addWidget(muted(f"Highlighted: words {caption} in this attempt"))
            view = QTextBrowser()
            view.setHtml(side_html(result["diff"], side))
            self.transcripts.append(view)
            column.addWidget(view, 1)
            columns.addLayout(column, 1)
        lay.addLayout(columns, 1)


class CompareDialog(QDialog):
    def __init__(self, result: dict[str, Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"Compare attempt {result['first']} and {result['second']}")
        self.resize(1100, 700)
        lay = QVBoxLayout(self)
        self.view = CompareView(result, self)
        lay.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
