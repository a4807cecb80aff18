"""Dialogs around the bank editor: draft a bank from a job description; key points from prep notes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from voiceprep.core.banks import BankLoadError, parse_bank
from voiceprep.core.banks.draft import draft_bank
from voiceprep.core.banks.notes import ProposedPoint, propose_key_points
from voiceprep.gui.widgets.bank_editor import plain_label

MAX_PASTE_CHARS = 200_000


def _fit(dialog: QDialog, width: int, height: int) -> None:
    """A size that fits the screen the dialog opens on (down to ~800x600)."""
    screen = dialog.screen().availableGeometry() if dialog.screen() else None
    if screen is not None:
        width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
    dialog.resize(width, height)


def tab_chain(buttons: QDialogButtonBox, widgets: list[QWidget]) -> None:
    """Tab through `widgets`, then the dialog's buttons in the order they are drawn (Cancel, a standard button
    made first, would otherwise come before the button drawn to its left)."""
    box = buttons.layout()
    items = [box.itemAt(i) for i in range(box.count())] if box is not None else []
    drawn: list[QWidget] = [w for w in (it.widget() if it is not None else None for it in items)
                            if isinstance(w, QPushButton)]
    chain = widgets + drawn
    for before, after in zip(chain, chain[1:]):
        QWidget.setTabOrder(before, after)


class DraftDialog(QDialog):
    """Paste or open a job description; see what the draft will contain; open it in the editor to review."""

    def __init__(self, parent=None, text: str = "", source: str = "a pasted job description"):
        super().__init__(parent)
        self.setWindowTitle("Draft a bank from a job description")
        self.source = source
        self.toml = ""
        lay = QVBoxLayout(self)
        lay.addWidget(plain_label("Paste the job post or spec (or open a text file). voiceprep drafts prompts from "
                                  "its responsibilities and \"what we look for\" lines, keeps its competencies "
                                  "and weights, and you review everything in the editor before saving. "
                                  "Nothing leaves this computer."))
        row = QHBoxLayout()
        self.open_btn = QPushButton("Open a text file…")
        row.addWidget(self.open_btn)
        row.addStretch(1)
        lay.addLayout(row)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText("Paste the job description here")
        self.text.setTabChangesFocus(True)
        lay.addWidget(self.text, 1)
        self.summary = plain_label("")
        lay.addWidget(self.summary)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.review_btn = self.buttons.addButton("Review in the editor", QDialogButtonBox.ButtonRole.AcceptRole)
        self.review_btn.setEnabled(False)
        lay.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.update_draft)
        self.text.textChanged.connect(self._timer.start)
        self.open_btn.clicked.connect(self._open)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        tab_chain(self.buttons, [self.open_btn, self.text])      # Review before Cancel, as drawn
        if text:
            self.text.setPlainText(text)        # what was pasted earlier in this session
            self.update_draft()
        self.text.setFocus()
        _fit(self, 760, 620)

    def reject(self) -> None:
        """Cancel, Escape or closing the window: ask before a pasted job description is thrown away."""
        if self.text.toPlainText().strip():
            from voiceprep.gui.widgets import common

            if common.choose(self, "Discard the job description?", "Discard the pasted job description?",
                             ["Keep", "Discard"], cancel=0, default=0) == 0:
                return
            self.text.clear()
        super().reject()

    def _open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open a job description", str(Path.home()),
                                              "Text (*.txt *.md);;All files (*)")
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        try:
            with path.open("rb") as f:
                data = f.read(MAX_PASTE_CHARS + 1)
        except OSError as exc:
            self.summary.setText(f"Cannot read {path.name}: {exc.strerror or exc}")
            return
        if len(data) > MAX_PASTE_CHARS:
            self.summary.setText(f"{path.name} is larger than {MAX_PASTE_CHARS // 1000} KB; paste the job "
                                 "description itself instead.")
            return
        self.source = path.name
        self.text.setPlainText(data.decode("utf-8", errors="replace"))
        self.update_draft()

    def update_draft(self) -> None:
        self._timer.stop()
        text = self.text.toPlainText()[:MAX_PASTE_CHARS]
        if not text.strip():
            self.toml = ""
            self.summary.setText("")
            self.review_btn.setEnabled(False)
            return
        self.toml = draft_bank(text, self.source)
        try:
            bank = parse_bank(self.toml)
        except BankLoadError as exc:
            self.summary.setText("The draft has problems (it opens in the editor anyway):\n" +
                                 "\n".join(str(e) for e in exc.errors[:5]))
            self.review_btn.setEnabled(True)
            return
        prompts = bank.all_prompts()
        parts = [bank.job.title + (f" at {bank.job.company}" if bank.job.company else "") +
                 (f" ({bank.job.level})" if bank.job.level else "")]
        if bank.competencies:
            parts.append("Competencies: " + ", ".join(f"{c.name} {c.weight:g}" for c in bank.competencies))
        if bank.job.must_haves:
            parts.append(f"{len(bank.job.must_haves)} must-haves")
        parts.append(f"{len(bank.rounds)} round(s), {len(prompts)} prompts, "
                     f"{sum(len(p.key_points) for p in prompts)} key points. First prompt: {prompts[0].text}")
        self.summary.setText("\n".join(parts))
        self.review_btn.setEnabled(True)


def _small_text(text: str, lines: int) -> QPlainTextEdit:
    """A wrapping, Tab-friendly text box `lines` high (long sentences stay readable)."""
    w = QPlainTextEdit(text)
    w.setTabChangesFocus(True)
    w.setFixedHeight(w.fontMetrics().lineSpacing() * lines + 12)
    return w


class NotesDialog(QDialog):
    """Paste prep notes; tick, edit or drop each proposed key point before it is kept."""

    def __init__(self, parent=None, notes: str = ""):
        super().__init__(parent)
        self.setWindowTitle("Key points from my notes")
        self.rows: list[tuple[QCheckBox, QPlainTextEdit, QPlainTextEdit]] = []
        lay = QVBoxLayout(self)
        lay.addWidget(plain_label("Paste your prep notes for this prompt. Each idea (a sentence, a bullet, a named "
                                  "example, a number) becomes a proposed key point: edit the wording and the cues, "
                                  "untick what you do not want, then add them."))
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText("e.g.  LMAX disruptor -- for solving concurrent order matching issue")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlainText(notes)          # what was pasted earlier in this editor session
        lay.addWidget(self.notes, 2)
        row = QHBoxLayout()
        self.propose_btn = QPushButton("Propose key points")
        row.addWidget(self.propose_btn)
        self.count = plain_label("", wrap=False)
        row.addWidget(self.count, 1)
        lay.addLayout(row)
        self.proposals = QScrollArea()
        self.proposals.setWidgetResizable(True)
        self.proposals.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.proposals.setFocusPolicy(Qt.FocusPolicy.NoFocus)     # no invisible Tab stop before the first proposal
        lay.addWidget(self.proposals, 3)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_btn = self.buttons.addButton("Add the ticked key points", QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_btn.setEnabled(False)
        lay.addWidget(self.buttons)
        self.propose_btn.clicked.connect(self.propose)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._tab_chain([self.notes, self.propose_btn])
        _fit(self, 820, 640)

    def _tab_chain(self, widgets: list[QWidget]) -> None:
        tab_chain(self.buttons, widgets)

    def reject(self) -> None:
        """Cancel, Escape or closing the window: ask before ticked proposals are thrown away."""
        n = sum(1 for tick, _, _ in self.rows if tick.isChecked())
        if n:
            from voiceprep.gui.widgets import common

            what = "1 proposed key point" if n == 1 else f"{n} proposed key points"
            if common.choose(self, "Discard key points?", f"Discard {what}? They are not in the bank yet.",
                             ["Keep", "Discard"], cancel=0, default=0) == 0:
                return
        super().reject()

    def propose(self) -> None:
        points = propose_key_points(self.notes.toPlainText()[:MAX_PASTE_CHARS])
        host = QWidget()
        grid = QGridLayout(host)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        grid.addWidget(plain_label("Key point (a plain sentence)", wrap=False), 0, 1)
        grid.addWidget(plain_label("Cues (separated by ;)", wrap=False), 0, 2)
        self.rows = []
        for i, p in enumerate(points, start=1):
            tick = QCheckBox()
            tick.setChecked(True)
            tick.setAccessibleName(f"Keep key point {i}")
            label = _small_text(p.label, 3)
            label.setAccessibleName(f"Key point {i}")
            cues = _small_text("; ".join(p.cues), 3)
            cues.setAccessibleName(f"Cues of key point {i}")
            grid.addWidget(tick, i, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, i, 1)
            grid.addWidget(cues, i, 2)
            self.rows.append((tick, label, cues))
            tick.toggled.connect(self._count)
        grid.setRowStretch(len(points) + 1, 1)
        self.proposals.setWidget(host)
        # Tab goes from the notes and Propose through the proposals, then to the buttons as drawn
        self._tab_chain([self.notes, self.propose_btn] + [w for row in self.rows for w in row])
        self._count()

    def _count(self) -> None:
        n = sum(1 for tick, _, _ in self.rows if tick.isChecked())
        empty = "No ideas found in these notes." if self.notes.toPlainText().strip() else "Paste your notes first."
        self.count.setText(f"{len(self.rows)} proposed, {n} ticked" if self.rows else empty)
        self.add_btn.setEnabled(n > 0)

    def chosen(self) -> list[ProposedPoint]:
        out = []
        for tick, label, cues in self.rows:
            text = " ".join(label.toPlainText().split())
            if not tick.isChecked() or not text:
                continue
            cue_list = [c.strip() for c in cues.toPlainText().replace("\n", ";").split(";") if c.strip()]
            min_cues = min(len(cue_list), max(1, (len(cue_list) + 1) // 2)) if len(cue_list) > 2 else 1
            out.append(ProposedPoint(text, cue_list, min_cues))
        return out
