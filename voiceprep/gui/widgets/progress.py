"""Progress: scores over time, per competency, pace and fillers, and key-point hit rates."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from voiceprep.core.history import queries
from voiceprep.gui.widgets.common import ACCENT, BAD, GOOD, WARN, heading, muted

CHART_ATTEMPTS = 200       # the charts show the newest attempts
SERIES_COLORS = [ACCENT, GOOD, WARN, BAD, "#8e5cc7", "#1aa3a3"]


class LineChart(QWidget):
    """A small line chart: several series over attempt number, optional band of good values."""

    def __init__(self, title: str, y_range: tuple[float, float] | None = None,
                 band: tuple[float, float] | None = None, parent=None):
        super().__init__(parent)
        self.title, self.y_range, self.band = title, y_range, band
        self.series: dict[str, list[float]] = {}
        self.setMinimumHeight(190)

    def set_series(self, series: dict[str, list[float | None]]) -> None:
        """Series aligned on attempts; None where an attempt has no value for that series."""
        self.series = {k: v for k, v in series.items() if any(x is not None for x in v)}
        self.update()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(pal.ColorRole.WindowText)
        p.setPen(text)
        p.drawText(QRectF(8, 4, self.width() - 16, 20), Qt.AlignmentFlag.AlignLeft, self.title)
        area = QRectF(40, 28, self.width() - 56, self.height() - 64)
        values = [v for s in self.series.values() for v in s if v is not None]
        if not values:
            p.drawText(area, Qt.AlignmentFlag.AlignCenter, "No attempts yet")
            return
        lo, hi = self.y_range or (min(values) * 0.9, max(values) * 1.1 or 1)
        if hi == lo:
            hi = lo + 1
        n = max(len(s) for s in self.series.values())

        def pt(i, v):
            x = area.left() + (area.width() * i / max(n - 1, 1))
            y = area.bottom() - (v - lo) / (hi - lo) * area.height()
            return QPointF(x, y)
        grid = QColor(text)
        grid.setAlpha(40)
        p.setPen(QPen(grid, 1))
        for k in range(5):
            y = area.top() + area.height() * k / 4
            p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            label = hi - (hi - lo) * k / 4
            p.drawText(QRectF(0, y - 8, 36, 16), Qt.AlignmentFlag.AlignRight, f"{label:.0f}")
        if self.band:
            band = QColor(GOOD)
            band.setAlpha(30)
            top, bottom = pt(0, min(self.band[1], hi)).y(), pt(0, max(self.band[0], lo)).y()
            p.fillRect(QRectF(area.left(), top, area.width(), bottom - top), band)
        legend_x = area.left()
        metrics = p.fontMetrics()
        for idx, (name, s) in enumerate(self.series.items()):
            color = QColor(SERIES_COLORS[idx % len(SERIES_COLORS)])
            points = [pt(i, v) for i, v in enumerate(s) if v is not None]
            p.setPen(QPen(color, 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            path = QPainterPath(points[0])
            for q in points[1:]:
                path.lineTo(q)
            p.drawPath(path)
            p.setBrush(color)
            for q in points:
                p.drawEllipse(q, 3, 3)
            label = metrics.elidedText(f"● {name}", Qt.TextElideMode.ElideRight,
                                       int(max(40, area.right() - legend_x)))
            p.drawText(QPointF(legend_x, area.bottom() + 30), label)
            legend_x += metrics.horizontalAdvance(label) + 16


class ProgressPage(QScrollArea):
    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.services = services
        self.setWidgetResizable(True)
        body = QWidget()
        self.setWidget(body)
        root = QVBoxLayout(body)
        top = QHBoxLayout()
        top.addWidget(heading("Progress", 16))
        top.addStretch(1)
        self.bank_box = QComboBox()
        top.addWidget(self.bank_box)
        root.addLayout(top)
        self.summary = muted("")
        root.addWidget(self.summary)
        grid = QGridLayout()
        self.overall = LineChart("Overall score", (0, 100))
        self.competencies = LineChart("Competencies", (0, 100))
        s = services.settings.analysis
        self.pace = LineChart(f"Pace (words/min; band {s.wpm_low}-{s.wpm_high})", band=(s.wpm_low, s.wpm_high))
        self.fillers = LineChart("Fillers per minute")
        grid.addWidget(self.overall, 0, 0)
        grid.addWidget(self.competencies, 0, 1)
        grid.addWidget(self.pace, 1, 0)
        grid.addWidget(self.fillers, 1, 1)
        root.addLayout(grid)
        root.addWidget(heading("Key points, last 6 attempts of each prompt", 12))
        self.rates = QTableWidget(0, 3)
        self.rates.setHorizontalHeaderLabels(["Hit", "Prompt", "Key point"])
        self.rates.verticalHeader().hide()
        self.rates.horizontalHeader().setStretchLastSection(True)
        self.rates.setMinimumHeight(220)
        root.addWidget(self.rates)
        self.bank_box.currentIndexChanged.connect(self.refresh)
        self.fill_banks()

    def fill_banks(self) -> None:
        self.bank_box.blockSignals(True)
        self.bank_box.clear()
        for b in self.services.registry.banks:
            self.bank_box.addItem(b.job.title, b.id)
        self.bank_box.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        bank_id = self.bank_box.currentData()
        if not bank_id:
            return
        bank = self.services.registry.find(bank_id)
        with self.services.history() as h:
            series = queries.trends(h, bank_id, limit=CHART_ATTEMPTS)
            rates = queries.key_point_rates(h, bank_id)
            st = queries.stats(h, bank_id)
        self.summary.setText(f"{st['attempts']} attempts · {st['minutes_spoken'] or 0} minutes spoken · "
                             f"average {st['avg_overall'] or 0} · best {st['best_overall'] or 0}")
        self.overall.set_series({"overall": [r["overall"] for r in series]})
        self.competencies.set_series({c.name: [r["competencies"].get(c.id) for r in series] for c in bank.competencies})
        self.pace.set_series({"wpm": [r["wpm"] or None for r in series]})
        self.fillers.set_series({"fillers/min": [r["fillers_per_min"] for r in series]})
        self.rates.setRowCount(len(rates))
        for i, r in enumerate(rates):
            hit = QTableWidgetItem(f"{r['hits']} of {r['attempts']}")
            hit.setForeground(QColor(GOOD if r["rate"] >= 0.8 else WARN if r["rate"] >= 0.4 else BAD))
            self.rates.setItem(i, 0, hit)
            self.rates.setItem(i, 1, QTableWidgetItem(r["prompt_id"]))
            self.rates.setItem(i, 2, QTableWidgetItem(r["label"]))
        self.rates.resizeColumnsToContents()
