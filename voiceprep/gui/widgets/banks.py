"""Banks: browse bundled and own banks, open in the editor, reload, import; errors with file and line."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from voiceprep import paths
from voiceprep.core.banks import BankLoadError, load_bank
from voiceprep.gui.widgets.common import BAD, heading, soft


class BanksPage(QWidget):
    reloaded = Signal()

    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.services = services
        root = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(heading("Question banks", 16))
        bar.addStretch(1)
        self.open_btn = QPushButton("Open in editor")
        self.folder_btn = QPushButton("Open my banks folder")
        self.import_btn = QPushButton("Import bank…")
        self.reload_btn = QPushButton("Reload")
        for b in (self.open_btn, self.folder_btn, self.import_btn, self.reload_btn):
            bar.addWidget(b)
        root.addLayout(bar)
        split = QSplitter()
        self.list = QListWidget()
        split.addWidget(self.list)
        self.detail = QTextBrowser()
        split.addWidget(self.detail)
        split.setSizes([350, 750])
        root.addWidget(split, 1)
        self.errors = QTextBrowser()
        self.errors.setMaximumHeight(140)
        self.errors.setStyleSheet(f"background: {soft(BAD)};")
        root.addWidget(self.errors)
        self.list.currentItemChanged.connect(self._show)
        self.open_btn.clicked.connect(self._open)
        self.folder_btn.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.user_banks_dir()))))
        self.import_btn.clicked.connect(self._import)
        self.reload_btn.clicked.connect(self.reload)
        self.fill()

    def fill(self) -> None:
        reg = self.services.registry
        self.list.clear()
        for b in reg.banks:
            where = "bundled" if b.id in reg.bundled else "yours"
            item = QListWidgetItem(f"{b.job.title}\n{len(b.all_prompts())} prompts · {where}")
            item.setData(256, b.id)
            self.list.addItem(item)
        self.errors.setVisible(bool(reg.errors))
        self.errors.setPlainText("Files with problems (not offered until fixed):\n" +
                                 "\n".join(str(e) for e in reg.errors))
        if self.list.count():
            self.list.setCurrentRow(0)

    def reload(self) -> None:
        self.services.reload_banks()
        self.fill()
        self.reloaded.emit()

    def current(self):
        item = self.list.currentItem()
        return self.services.registry.find(item.data(256)) if item else None

    def _show(self) -> None:
        b = self.current()
        if not b:
            return
        parts = [f"<h2>{html.escape(b.job.title)}</h2>"]
        if b.job.company:
            parts.append(f"<p><b>{html.escape(b.job.company)}</b> · {html.escape(b.job.level or '')}</p>")
        parts.append(f"<p style='color:gray'>{html.escape(str(b.source))}</p>")
        if b.job.must_haves:
            parts.append("<h4>Must-haves</h4><ul>" + "".join(f"<li>{html.escape(m)}</li>" for m in b.job.must_haves) + "</ul>")
        if b.competencies:
            parts.append("<h4>Competencies</h4><ul>" + "".join(
                f"<li><b>{html.escape(c.name)}</b> ({c.weight:.2f}) — {html.escape(c.definition)}</li>"
                for c in b.competencies) + "</ul>")
        for r in b.rounds:
            parts.append(f"<h3>{html.escape(r.title)}</h3><ol>")
            for p in r.prompts:
                kps = "".join(f"<li>{html.escape(k.label)}</li>" for k in p.key_points)
                parts.append(f"<li><b>{html.escape(p.text)}</b> <span style='color:gray'>({p.target_seconds} s)</span>"
                             f"<ul>{kps}</ul></li>")
            parts.append("</ol>")
        self.detail.setHtml("".join(parts))

    def _open(self) -> None:
        b = self.current()
        if b and b.source:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(b.source)))

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import a bank", str(Path.home()), "Bank (*.toml)")
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> bool:
        try:
            bank = load_bank(path)
        except BankLoadError as exc:
            QMessageBox.warning(self, "This bank has problems", "\n".join(str(e) for e in exc.errors))
            return False
        if self.services.registry.find(bank.id):
            QMessageBox.warning(self, "Already there", f"A bank with id {bank.id!r} is already loaded.")
            return False
        shutil.copy(path, paths.user_banks_dir() / path.name)
        self.reload()
        return True
