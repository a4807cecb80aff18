"""History: every attempt, filterable and searchable; open one, compare two, delete, export."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.history import export, queries
from voiceprep.core.transcript import Transcript
from voiceprep.gui.widgets.common import BAD, GOOD, soft
from voiceprep.gui.widgets.feedback import FeedbackView

COLUMNS = ["Date", "Bank", "Prompt", "Score", "Seconds", "Rating"]


def analysis_for(h, attempt: dict):
    """Rebuild the feedback of a stored attempt from its transcript and the bank as it was then."""
    bank = h.bank_snapshot(attempt["bank_hash"])
    transcript = Transcript.from_dict(attempt["transcript_data"])
    return analyze_answer(bank, bank.prompt(attempt["prompt_id"]), transcript)


class HistoryPage(QWidget):
    playAudio = Signal(str, float)
    changed = Signal()

    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.services = services
        root = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.bank_filter = QComboBox()
        self.prompt_filter = QComboBox()
        self.min_score = QSpinBox()
        self.min_score.setRange(0, 100)
        self.min_score.setPrefix("score ≥ ")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search what you said…")
        self.search.setClearButtonEnabled(True)
        self.compare_btn = QPushButton("Compare two")
        self.delete_btn = QPushButton("Delete")
        self.export_btn = QPushButton("Export…")
        bar.addWidget(self.bank_filter, 2)
        bar.addWidget(self.prompt_filter, 2)
        bar.addWidget(self.min_score)
        bar.addWidget(self.search, 3)
        for b in (self.compare_btn, self.delete_btn, self.export_btn):
            bar.addWidget(b)
        root.addLayout(bar)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setSortingEnabled(True)
        split.addWidget(self.table)
        self.detail = FeedbackView()
        split.addWidget(self.detail)
        split.setSizes([520, 680])
        root.addWidget(split, 1)
        self.bank_filter.currentIndexChanged.connect(self._fill_prompts)
        self.prompt_filter.currentIndexChanged.connect(self.refresh)
        self.min_score.valueChanged.connect(self.refresh)
        self.search.textChanged.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._open_selected)
        self.compare_btn.clicked.connect(self.compare_selected)
        self.delete_btn.clicked.connect(self.delete_selected)
        self.export_btn.clicked.connect(self.export_selected)
        self.detail.playFrom.connect(self._play)
        self.detail.noteChanged.connect(self._save_note)
        self.current: dict | None = None
        self.fill_banks()

    def fill_banks(self) -> None:
        self.bank_filter.blockSignals(True)
        self.bank_filter.clear()
        self.bank_filter.addItem("All banks", None)
        for b in self.services.registry.banks:
            self.bank_filter.addItem(b.job.title, b.id)
        self.bank_filter.blockSignals(False)
        self._fill_prompts()

    def _fill_prompts(self) -> None:
        self.prompt_filter.blockSignals(True)
        self.prompt_filter.clear()
        self.prompt_filter.addItem("All prompts", None)
        bank = self.services.registry.find(self.bank_filter.currentData() or "")
        for p in bank.all_prompts() if bank else []:
            self.prompt_filter.addItem(p.text[:60], p.id)
        self.prompt_filter.setEnabled(bank is not None)
        self.prompt_filter.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        with self.services.history() as h:
            text = self.search.text().strip()
            if text:
                ids = [r["id"] for r in queries.search(h, text, limit=200)]
                rows = [h.attempt_row(i) for i in ids]
                bank, prompt = self.bank_filter.currentData(), self.prompt_filter.currentData()
                rows = [r for r in rows if (not bank or r["bank_id"] == bank) and (not prompt or r["prompt_id"] == prompt)
                        and (r["overall"] or 0) >= self.min_score.value()]
            else:
                rows = queries.list_attempts(h, bank=self.bank_filter.currentData(),
                                             prompt=self.prompt_filter.currentData(),
                                             min_score=self.min_score.value() or None, limit=500)
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            values = [r["started_at"][:16].replace("T", " "), r["bank_id"], r["prompt_text"],
                      r["overall"], r["duration_s"], r.get("self_rating")]
            for j, v in enumerate(values):
                item = QTableWidgetItem()
                if isinstance(v, float):
                    item.setData(Qt.ItemDataRole.DisplayRole, round(v))
                elif v is None:
                    item.setText("–" if j != 3 else r["state"])
                else:
                    item.setData(Qt.ItemDataRole.DisplayRole, v)
                item.setData(Qt.ItemDataRole.UserRole, r["id"])
                self.table.setItem(i, j, item)
        self.table.setSortingEnabled(True)
        for col in (0, 1, 3, 4, 5):
            self.table.resizeColumnToContents(col)

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows]

    def _open_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        with self.services.history() as h:
            attempt = queries.get_attempt(h, ids[0])
            if attempt["state"] != "done" or not attempt["transcript_data"]:
                self.current = None
                return
            analysis = analysis_for(h, attempt)
        self.current = attempt
        self.detail.show_analysis(analysis, attempt.get("note") or "", attempt.get("self_rating") or 0)

    def _play(self, seconds: float) -> None:
        if self.current and self.current.get("audio_path"):
            self.playAudio.emit(self.current["audio_path"], seconds)

    def _save_note(self, note: str, rating: int) -> None:
        if self.current:
            with self.services.history() as h:
                h.set_note(self.current["id"], note, rating or None)
            self.refresh()

    def compare_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 2:
            QMessageBox.information(self, "Compare", "Select two attempts of the same prompt (Ctrl+click).")
            return
        with self.services.history() as h:
            try:
                result = queries.compare(h, *sorted(ids))
            except Exception as exc:
                QMessageBox.information(self, "Compare", str(exc))
                return
        CompareDialog(result, self).exec()

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if QMessageBox.question(self, "Delete", f"Delete {len(ids)} attempt(s) and their audio?") != \
                QMessageBox.StandardButton.Yes:
            return
        with self.services.history() as h:
            for i in ids:
                h.delete_attempt(i)
        self.refresh()
        self.changed.emit()

    def export_selected(self) -> None:
        ids = self.selected_ids()
        path, chosen = QFileDialog.getSaveFileName(self, "Export", str(Path.home() / "voiceprep-export.md"),
                                                   "Markdown (*.md);;JSON (*.json);;CSV (*.csv)")
        if not path:
            return
        fmt = "json" if "JSON" in chosen else "csv" if "CSV" in chosen else "md"
        with self.services.history() as h:
            ids = ids or export.select_ids(h, all_=True)
            Path(path).write_text(export.render(h, ids, fmt), encoding="utf-8")


class CompareDialog(QDialog):
    def __init__(self, result: dict, parent=None):
        super().__init__(parent)
        self.setWindowTitle(f"Attempt {result['first']} vs {result['second']}")
        self.resize(900, 600)
        lay = QVBoxLayout(self)
        view = QTextBrowser()
        parts = [f"<h3>{html.escape(result['prompt_id'])}: attempt {result['first']} → {result['second']}</h3><table>"]
        for name, m in result["metrics"].items():
            delta = "" if m["delta"] is None else f"{m['delta']:+g}"
            parts.append(f"<tr><td>{name}</td><td>{m['first']}</td><td>→ {m['second']}</td><td><b>{delta}</b></td></tr>")
        parts.append("</table>")
        for label in result["gained"]:
            parts.append(f"<p style='color:{GOOD}'>+ {html.escape(label)}</p>")
        for label in result["lost"]:
            parts.append(f"<p style='color:{BAD}'>− {html.escape(label)}</p>")
        parts.append("<h4>What you said</h4><p style='line-height:150%'>")
        for d in result["diff"]:
            if d["op"] == "equal":
                parts.append(html.escape(d["first"]))
            else:
                if d["first"]:
                    parts.append(f"<s style='background:{soft(BAD)}'>{html.escape(d['first'])}</s>")
                if d["second"]:
                    parts.append(f"<span style='background:{soft(GOOD)}'>{html.escape(d['second'])}</span>")
        parts.append("</p>")
        view.setHtml(" ".join(parts))
        lay.addWidget(view)
