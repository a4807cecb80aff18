"""Dialogs around the bank editor: draft a bank from a job description; key points from prep notes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from voiceprep.core.banks import BankLoadError, parse_bank
from voiceprep.core.banks.draft import draft_bank, names_in
from voiceprep.core.banks.notes import (
    ProposedPoint,
    cue_examples,
    meaning_similarity,
    min_cues_for,
    propose_key_points,
    questions_left_out,
    tick_for_prompt,
)
from voiceprep.core.wording import counted
from voiceprep.gui.operations import run_in_background
from voiceprep.gui.widgets import accessible
from voiceprep.gui.widgets.bank_editor import CUES_NEEDED_TIP, plain_label
from voiceprep.gui.widgets.numbers import LimitedSpin, refusal

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


PASTED = "a pasted job description"     # where a draft's text came from when no file was opened
# the draft's summary always counts the competencies it found (walk68 2: none found, and the dialog did not say so)
DRAFT_NO_COMPETENCIES = ("0 competencies found: every key point will count alike. If the job gives weights, write "
                         "them as lines such as \u201cStakeholder management (30%)\u201d under a "
                         "\u201cCompetencies\u201d heading, or add them in the editor (Add > Competency).")


def draft_competencies(competencies) -> str:
    """The draft summary's line about the competencies found, with their weights as the editor shows them."""
    if not competencies:
        return DRAFT_NO_COMPETENCIES
    listed = ", ".join(f"{c.name} {c.weight:g}" for c in competencies)
    return f"{counted(len(competencies), 'competency', 'competencies')} found: {listed}"


class DraftDialog(QDialog):
    """Paste or open a job description; see what the draft will contain; open it in the editor to review."""

    def __init__(self, parent=None, text: str = "", source: str = PASTED):
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
        accessible.name(self.text, "Job description")
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
        self.text.textChanged.connect(self._text_changed)
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

    def _text_changed(self) -> None:
        """Cleared (Discard, or deleted by hand): what is pasted next comes from no file; it was drafted as coming
        from the file opened before."""
        if not self.text.toPlainText().strip():
            self.source = PASTED

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
        self.text.setPlainText(data.decode("utf-8", errors="replace"))
        self.source = path.name                 # after the text: clearing the old text says "pasted"
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
        parts.append(draft_competencies(bank.competencies))
        if bank.job.must_haves:
            parts.append(counted(len(bank.job.must_haves), "must-have"))
        parts.append(f"{counted(len(bank.rounds), 'round')}, {counted(len(prompts), 'prompt')}, "
                     f"{counted(sum(len(p.key_points) for p in prompts), 'key point')}. First prompt: {prompts[0].text}")
        self.summary.setText("\n".join(parts))
        self.review_btn.setEnabled(True)


WHY_LINES = 4      # lines said by name under "Not ticked" and "Left out"; the rest counted
# the notes dialog's one competency for all the ticked points, in a bank with competencies (walk67 5: five added
# points had "(none)", five red problems fixed one by one)
NOTES_COMPETENCY = "Competency of the ticked ones"
NOTES_COMPETENCY_PICK = "pick one"
NOTES_COMPETENCY_NOTE = "This bank's key points each name a competency: pick the one these show."
NOTES_COMPETENCY_SET = "Each ticked key point is added with this competency; change any of them in the editor."
NOTES_INTRO = ("Paste your prep notes for this prompt. Each idea (a sentence, a line, a bullet, a named example, a "
               "number) becomes a proposed key point. Notes for this prompt are all ticked (from a longer page, the few "
               "closest to it); any line left out or not ticked says why. Space ticks or unticks the one selected; edit "
               "its wording below the list (cues are optional), then add the ticked ones")
# read51b: Add stays greyed until a competency is picked, and the opening text did not say so
NOTES_INTRO_COMPETENCY = ", once you have picked their competency (this bank's key points each name one)."


class NotesDialog(QDialog):
    """Paste prep notes; tick the proposed key points to keep (a checkable list: arrows and Space), edit the current
    one's wording below it and, if the candidate wants, type cues for it.

    A key point is added as a plain label, judged by its meaning: the cues proposed from the notes are only a hint
    (measured in fix37, saved as cues they made the judge worse). Cues the candidate types are saved."""

    def __init__(self, parent=None, notes: str = "", prompt: str = "",
                 competencies: list[tuple[str, str]] | None = None, competency: str | None = None):
        """`competencies`: the bank's, as (id, name), offered for all the ticked points, `competency` chosen first
        (what a new key point of this prompt would take); none: the bank has none and nothing is asked."""
        super().__init__(parent)
        self.setWindowTitle("Key points from my notes")
        self.prompt = prompt
        self.points: list[ProposedPoint] = []
        self.ranked_by = ""                 # "words", then "meaning" once the judge's embedder re-ranked them
        self.plan = False                   # the notes read as this prompt's answer plan: all ticked (walk40)
        self.left_out: list[tuple[str, str]] = []     # lines of the notes proposed as nothing, with why
        self._touched = False               # the candidate ticked or unticked one: a late re-rank leaves them be
        self._generation = 0
        self._filling = False
        self._own_cues: dict[int, list[str]] = {}   # row -> the cues the candidate typed: the only cues saved
        self._own_needed: set[int] = set()    # rows whose "Cues needed" the candidate set
        lay = QVBoxLayout(self)
        self.intro = plain_label(NOTES_INTRO + (NOTES_INTRO_COMPETENCY if competencies else "."))
        lay.addWidget(self.intro)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText("e.g.  LMAX disruptor -- for solving concurrent order matching issue")
        accessible.name(self.notes, "Your notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlainText(notes)          # what was pasted earlier in this editor session
        # ... all selected, so a new paste replaces it (walk41: a second paste went in before the old page, with the
        # cursor at its start, and the two pages' stories were mixed); a click or an arrow keeps it
        self.notes.selectAll()
        lay.addWidget(self.notes, 2)
        row = QHBoxLayout()
        self.propose_btn = QPushButton("Propose key points")
        row.addWidget(self.propose_btn)
        self.count = plain_label("", wrap=False)
        row.addWidget(self.count, 1)
        lay.addLayout(row)
        self.why_note = plain_label("")       # walk40: 7 lines pasted, 2 ticked, and nothing said of the other 5
        self.why_note.setAccessibleName("Lines left out or not ticked, and why")
        self.why_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.why_note)
        self.list = QListWidget()
        self.list.setAccessibleName("Proposed key points")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(1)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lay.addWidget(self.list, 3)
        form = QFormLayout()
        self.label_edit = QPlainTextEdit()
        self.label_edit.setTabChangesFocus(True)
        self.label_edit.setAccessibleName("Key point (a plain sentence)")
        self.label_edit.setFixedHeight(self.label_edit.fontMetrics().lineSpacing() * 2 + 12)
        self.cues_edit = QLineEdit()
        self.cues_edit.setAccessibleName("Cues (optional, separated by ;)")
        self.needed = LimitedSpin()          # review31: "2.5" became 2 without a word; refused and said instead
        self.needed.setAccessibleName("Cues needed")
        self.needed.setToolTip(CUES_NEEDED_TIP)
        self.cues_note = plain_label("")
        needed_row = QHBoxLayout()
        needed_row.addWidget(self.needed)
        needed_row.addWidget(self.cues_note, 1)
        form.addRow("Key point", self.label_edit)
        form.addRow("Cues (optional, separated by ;)", self.cues_edit)
        form.addRow("Cues needed", needed_row)
        self.competency_box = QComboBox()
        self.competency_box.setAccessibleName(NOTES_COMPETENCY)
        self.competency_box.setPlaceholderText(NOTES_COMPETENCY_PICK)
        for cid, name in competencies or []:
            self.competency_box.addItem(name or cid, cid)
        self.competency_box.setCurrentIndex(self.competency_box.findData(competency) if competency else -1)
        self.competency_note = plain_label("")
        competency_row = QHBoxLayout()
        competency_row.addWidget(self.competency_box)
        competency_row.addWidget(self.competency_note, 1)
        if competencies:
            form.addRow(NOTES_COMPETENCY, competency_row)
        else:
            self.competency_box.hide()
            self.competency_note.hide()
        self.competency_box.currentIndexChanged.connect(lambda _i: self._count())
        lay.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_btn = self.buttons.addButton("Add the ticked key points", QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_btn.setEnabled(False)
        lay.addWidget(self.buttons)
        self.propose_btn.clicked.connect(self.propose)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.currentRowChanged.connect(self._show_current)
        self.list.itemChanged.connect(self._item_changed)
        self.label_edit.textChanged.connect(self._reworded)
        self.cues_edit.textEdited.connect(self._cues_typed)
        self.needed.valueChanged.connect(self._needed_set)
        self.needed.refused.connect(lambda typed: self.cues_note.setText(refusal(
            self.needed, typed, "a number of cues you can use",
            kept=str(self.needed.value() or self.needed.specialValueText()))))
        # one Tab stop for the whole list (arrows move, Space ticks), then the selected one's wording and cues
        tab_chain(self.buttons, [self.notes, self.propose_btn, self.list, self.label_edit, self.cues_edit,
                                 self.needed, *([self.competency_box] if competencies else [])])
        self._show_current(-1)
        _fit(self, 820, 640)

    def ticked(self) -> list[bool]:
        return [self.list.item(i).checkState() == Qt.CheckState.Checked for i in range(self.list.count())]

    def reject(self) -> None:
        """Cancel, Escape or closing the window: ask before ticked proposals are thrown away."""
        n = sum(self.ticked())
        if n:
            from voiceprep.gui.widgets import common

            what = "1 proposed key point" if n == 1 else f"{n} proposed key points"
            if common.choose(self, "Discard key points?", f"Discard {what}? They are not in the bank yet.",
                             ["Keep", "Discard"], cancel=0, default=0) == 0:
                return
        super().reject()

    def propose(self) -> None:
        notes = self.notes.toPlainText()[:MAX_PASTE_CHARS]
        if self.notes.textCursor().hasSelection():
            self.notes.moveCursor(QTextCursor.MoveOperation.End)      # the open's "select all" is not drawn on
        self.left_out = []
        self.points = propose_key_points(notes, self.prompt, left_out=self.left_out)
        self.plan = bool(self.prompt.strip()) and bool(self.points) and tick_for_prompt(self.points, self.prompt)
        self.ranked_by, self._touched = "words", False
        self._own_cues, self._own_needed = {}, set()
        self._generation += 1
        self._fill()
        if self.points:
            self.list.setCurrentRow(0)
            self.list.setFocus()            # arrows and Space at once
            if self.prompt.strip():
                generation = self._generation
                texts = [p.label for p in self.points] + sorted({p.heading for p in self.points if p.heading})
                run_in_background(meaning_similarity, self.prompt, texts, owner=self,
                                  on_done=lambda sims: self._rerank(generation, texts, sims))

    def _rerank(self, generation: int, texts: list[str], sims: list[float] | None) -> None:
        """The judge's embedder scored the proposals against the prompt: tick by meaning, unless the candidate has
        already ticked by hand or proposed again."""
        if sims is None or generation != self._generation or self._touched:
            return
        by_text = dict(zip(texts, sims))
        # a point reworded while the scores were on their way keeps its proposed wording's score (review 15: keyed
        # by the old text, it scored 0 and was always unticked)
        by_text.update((p.label, by_text.get(t, 0.0)) for p, t in zip(self.points, texts))
        self.plan = tick_for_prompt(self.points, self.prompt,
                                    lambda _prompt, asked: [by_text.get(t, 0.0) for t in asked])
        self.ranked_by = "meaning"
        # the ticks change in place: the list is not refilled, so the selected row, its wording and cues as typed
        # and the keyboard focus stay where the candidate is (a refill disabled the editors, the focus jumped to
        # "Add the ticked key points" and a Space meant for the wording accepted the dialog)
        self._filling = True
        for i, p in enumerate(self.points[:self.list.count()]):
            self.list.item(i).setCheckState(Qt.CheckState.Checked if p.ticked else Qt.CheckState.Unchecked)
            self.list.item(i).setToolTip(self._item_tip(i))
        self._filling = False
        self._count()

    def _fill(self) -> None:
        """The list from self.points, nothing selected; the editors follow only the row finally selected (no
        transient -1 from clear() that disables them while one may have the focus)."""
        self._filling = True
        self.list.blockSignals(True)
        self.list.clear()
        for row, p in enumerate(self.points):
            item = QListWidgetItem(p.label)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if p.ticked else Qt.CheckState.Unchecked)
            tip = self._item_tip(row)
            if p.rubric:
                item.setForeground(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            item.setToolTip(tip)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._filling = False
        self._show_current(self.list.currentRow())
        self._count()

    def _cues_tip(self, row: int) -> str:
        own = self._own_cues.get(row)
        return ("Your cues: " + "; ".join(own)) if own else "No cues: judged by its meaning"

    def _item_tip(self, row: int) -> str:
        why = self.points[row].why_not if 0 <= row < len(self.points) else ""
        return self._cues_tip(row) + (f"\nNot ticked: {why}" if why and not self.points[row].ticked else "")

    def _item_changed(self, _item: QListWidgetItem) -> None:
        if not self._filling:
            self._touched = True
            self._count()

    def _show_current(self, row: int) -> None:
        point = self.points[row] if 0 <= row < len(self.points) else None
        self._filling = True
        self.label_edit.setPlainText(point.label if point else "")
        self.cues_edit.setText("; ".join(self._own_cues.get(row, [])))
        self._show_hint(point)
        self._show_needed(row)
        self._filling = False
        for w in (self.label_edit, self.cues_edit, self.needed):
            w.setEnabled(point is not None)

    def _show_hint(self, point: ProposedPoint | None) -> None:
        """Cues the candidate might write, only as a hint: the point's names and numbers (walk21: "e.g. earlier", a
        plain word of it); automatic cues saved as cues made the judge worse (fix37)."""
        auto = cue_examples(point.label) if point else []
        self.cues_edit.setPlaceholderText(("optional, e.g. " + "; ".join(auto)) if auto else "optional")

    def _show_needed(self, row: int) -> None:
        """The current point's "Cues needed" (shown, never a hidden rule: walkthrough 12 found 2 of 4 set unseen)
        and what its cues do."""
        point = self.points[row] if 0 <= row < len(self.points) else None
        filling, self._filling = self._filling, True
        cues = self._own_cues.get(row, [])
        self.needed.setRange(1 if cues else 0, max(1, len(cues)))
        self.needed.setValue(min(point.min_cues, len(cues)) if point and cues else 0)
        self.needed.setSuffix(f" of {len(cues)}" if cues else "")
        self.needed.setSpecialValueText("no cues: judged by its meaning")
        self._filling = filling
        if point is None:
            self.cues_note.setText("")
        elif cues:
            self.cues_note.setText("Your cues: saved with the key point. It is also judged by its meaning.")
        else:
            self.cues_note.setText("Cues are optional: without them the key point is judged by its meaning, "
                                   "whatever words the answer uses.")

    def _reworded(self) -> None:
        """The wording changed: the list and the cues hint show it; cues the candidate typed stay as typed."""
        row = self.list.currentRow()
        if self._filling or not 0 <= row < len(self.points):
            return
        self.points[row].label = " ".join(self.label_edit.toPlainText().split())
        self._show_hint(self.points[row])
        self._filling = True
        self.list.item(row).setText(self.points[row].label)
        self._filling = False

    def _cues_typed(self, text: str) -> None:
        row = self.list.currentRow()
        if self._filling or not 0 <= row < len(self.points):
            return
        cues = [c.strip() for c in text.split(";") if c.strip()]
        self._own_cues[row] = cues
        if row not in self._own_needed:
            self.points[row].min_cues = min_cues_for(cues)
        self._show_needed(row)
        self.list.item(row).setToolTip(self._item_tip(row))

    def _needed_set(self, value: int) -> None:
        row = self.list.currentRow()
        if self._filling or not 0 <= row < len(self.points):
            return
        self.points[row].min_cues = max(1, value)
        self._own_needed.add(row)

    def _count(self) -> None:
        n = sum(self.ticked())
        empty = "No ideas found in these notes." if self.notes.toPlainText().strip() else "Paste your notes first."
        # the claim is the proposal's, not ticks by hand (walk21: "5 ticked, the closest to this prompt" after ticking)
        closest = ", the closest to this prompt" if self.prompt.strip() and n and not self._touched else ""
        if closest and self.plan:
            closest = f": your notes for this prompt, all but {len(self.points) - n} (why below)" \
                if n < len(self.points) else ": your notes for this prompt, all of them"
        ticked_under = {p.heading for p, tick in zip(self.points, self.ticked()) if tick}
        if closest and not self.plan and len(ticked_under) == 1 and any(
                p.why_not.startswith("not under the heading") for p in self.points):
            # walk41: the story under the heading that matches the prompt, named so the candidate sees why
            closest = f": the lines under “{ticked_under.pop()}”"
        if self.prompt.strip() and not n and self.points:
            closest = ": none is close to this prompt, tick the ones to keep"
        asked = len(questions_left_out(self.notes.toPlainText()[:MAX_PASTE_CHARS])) if self.points else 0
        left_out = f"; {counted(asked, 'question')} left out" if asked else ""    # walk21: "What would I change?"
        self.count.setText(f"{len(self.points)} proposed, {n} ticked{closest}{left_out}" if self.points else empty)
        self.why_note.setText(self._why_text())
        # the button says what it adds (walk41: four Shift+Tabs from the list wrapped round to it, and a Space meant for
        # the list added two ticked points she had not meant to keep)
        self.add_btn.setText(f"Add {counted(n, 'ticked key point')}" if n else "Add the ticked key points")
        asked = self.competency_box.count() > 0
        picked = not asked or self.competency() is not None
        self.competency_note.setText(NOTES_COMPETENCY_SET if picked else NOTES_COMPETENCY_NOTE)
        self.add_btn.setEnabled(n > 0 and picked)

    def competency(self) -> str | None:
        """The competency picked for all the ticked points (None: the bank has none, or none is picked yet)."""
        return self.competency_box.currentData() if self.competency_box.currentIndex() >= 0 else None

    def _why_text(self) -> str:
        """Each line proposed unticked and each line left out, with why, said on the dialog (not only in a
        tooltip): a heading, a question, a line said again, too short, about something else than this prompt."""
        def short(text: str) -> str:
            return text if len(text) <= 48 else text[:47].rsplit(" ", 1)[0].rstrip(",;: ") + "…"

        def listed(lines: list[str]) -> str:
            more = f"; and {len(lines) - WHY_LINES} more" if len(lines) > WHY_LINES else ""
            return "; ".join(lines[:WHY_LINES]) + more

        whys = [p.why_not for p, tick in zip(self.points, self.ticked()) if not tick and p.why_not]
        if len(set(whys)) == 1 and len(whys) > 1:
            # one reason for all, said once (walk41: "not under the heading that matches this prompt" nine times)
            lines = [f"“{short(p.label)}”" for p, tick in zip(self.points, self.ticked()) if not tick]
            unticked = [f"({whys[0]}): " + listed(lines)] if not self._touched else []
        else:
            unticked = [listed([f"“{short(p.label)}” ({p.why_not})" for p, tick in zip(self.points, self.ticked())
                                if not tick and p.why_not])] if whys and not self._touched else []

        left = [f"“{short(text)}” ({why})" for text, why in self.left_out]
        # how to keep one anyway, in plain words (walk41 6: "I want to lead a team, not just a shift" was left out and
        # nothing said how to get it back)
        keep = (" To keep one of these anyway, close this and use Add a key point, then type it."
                if any(why not in ("a heading", "said again") for _text, why in self.left_out) else "")
        return "\n".join((["Not ticked" + (" " if unticked[0][:1] == "(" else ": ") + unticked[0] +
                           ". Tick any you want to keep."] if unticked else []) +
                         (["Left out: " + listed(left) + "." + keep] if left else []))

    def chosen(self) -> list[ProposedPoint]:
        """The ticked points as plain labels with the cues the candidate typed, if any; the names in their wording
        go along as `names` (for the bank's vocabulary, not saved as cues)."""
        out = []
        for row, (point, tick) in enumerate(zip(self.points, self.ticked())):
            text = " ".join(point.label.split())
            if not tick or not text:
                continue
            cue_list = self._own_cues.get(row, [])
            out.append(ProposedPoint(text, cue_list, max(1, min(point.min_cues, len(cue_list))),    # as shown
                                     names=names_in(text)))
        return out
