"""The feedback on one answer: scores, key-point checklist with evidence, delivery cards, transcript."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from voiceprep.core.analysis.analyze import AnswerAnalysis
from voiceprep.gui.widgets.common import ACCENT, BAD, GOOD, WARN, Card, ScoreBar, big_number, heading, muted, soft

STATUS_COLOR = {"good": GOOD, "warn": WARN, "info": ACCENT}


def fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return ""
    return f"{int(seconds) // 60}:{int(seconds) % 60:02d}"


class FeedbackView(QScrollArea):
    """Shows an AnswerAnalysis. Emits playFrom(seconds) when evidence is clicked."""

    playFrom = Signal(float)
    askFollowUps = Signal(list)
    noteChanged = Signal(str, int)          # note, rating (0 = none)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.analysis: AnswerAnalysis | None = None
        self._body = QWidget()
        self.setWidget(self._body)
        self._layout = QVBoxLayout(self._body)
        self._layout.addWidget(muted("Answer a prompt to see feedback here."))
        self.checklist_items: list[QLabel] = []

    def _clear(self) -> None:
        self._body = QWidget()
        self._layout = QVBoxLayout(self._body)
        self._layout.setSpacing(10)
        self.setWidget(self._body)
        self.checklist_items = []

    def show_analysis(self, a: AnswerAnalysis, note: str = "", rating: int = 0) -> None:
        self.analysis = a
        self._clear()
        lay = self._layout
        # scores
        top = QHBoxLayout()
        top.addWidget(big_number(a.overall, "overall / 100"))
        top.addWidget(big_number(a.coverage, "key points / 100"))
        top.addStretch(1)
        hits = sum(r.hit for r in a.key_points)
        top.addWidget(heading(f"{hits} of {len(a.key_points)} key points", 12))
        lay.addLayout(top)
        for cid, score in a.competencies.items():
            comp = a.bank.competency(cid)
            lay.addWidget(ScoreBar(comp.name if comp else cid, score, f"weight {comp.weight:.2f}" if comp else ""))
        # checklist
        lay.addWidget(heading("Your key points"))
        for r in a.key_points:
            lay.addWidget(self._key_point_card(a, r))
        if a.follow_ups:
            row = QHBoxLayout()
            row.addWidget(heading("What the interviewer would ask next", 11))
            ask = QPushButton("Ask them aloud")
            ask.clicked.connect(lambda: self.askFollowUps.emit([f["question"] for f in a.follow_ups]))
            row.addStretch(1)
            row.addWidget(ask)
            lay.addLayout(row)
            for f in a.follow_ups:
                lay.addWidget(QLabel(f"• {f['question']}"))
        # delivery
        lay.addWidget(heading("Delivery"))
        grid = QGridLayout()
        for i, f in enumerate(a.delivery.findings):
            card = Card(STATUS_COLOR.get(f.status, ACCENT))
            cl = QVBoxLayout(card)
            cl.addWidget(heading(f"{f.name.capitalize()}: {f.summary}", 10))
            tip = muted(f.tip)
            cl.addWidget(tip)
            grid.addWidget(card, i // 2, i % 2)
        lay.addLayout(grid)
        # transcript
        row = QHBoxLayout()
        row.addWidget(heading("Transcript"))
        row.addStretch(1)
        if a.timed:
            play = QPushButton("▶ Play answer")
            play.clicked.connect(lambda: self.playFrom.emit(0.0))
            row.addWidget(play)
        lay.addLayout(row)
        legend = muted("Highlighted: evidence for a key point · underlined: filler · italic: hedge")
        lay.addWidget(legend)
        self.transcript = QTextBrowser()
        self.transcript.setOpenLinks(False)
        self.transcript.setMinimumHeight(160)
        self.transcript.setHtml(transcript_html(a))
        self.transcript.anchorClicked.connect(lambda url: self.playFrom.emit(float(url.toString().split(":")[1])))
        lay.addWidget(self.transcript)
        # note and self-rating
        lay.addWidget(heading("Your note", 11))
        note_row = QHBoxLayout()
        self.note = QLineEdit(note)
        self.note.setPlaceholderText("What would you change next time?")
        note_row.addWidget(self.note, 3)
        self.rating = QButtonGroup(self)
        for i in range(1, 6):
            b = QRadioButton(str(i))
            b.setChecked(i == rating)
            self.rating.addButton(b, i)
            note_row.addWidget(b)
        save = QPushButton("Save note")
        save.clicked.connect(lambda: self.noteChanged.emit(self.note.text(), max(self.rating.checkedId(), 0)))
        note_row.addWidget(save)
        lay.addLayout(note_row)
        lay.addStretch(1)

    def _key_point_card(self, a: AnswerAnalysis, r) -> QWidget:
        card = Card(GOOD if r.hit else BAD)
        cl = QVBoxLayout(card)
        mark = "✓" if r.hit else "✗"
        title = QLabel(f"<b>{mark}</b> {html.escape(r.key_point.label)}")
        title.setWordWrap(True)
        title.setProperty("hit", r.hit)
        self.checklist_items.append(title)
        cl.addWidget(title)
        if r.hit:
            for ev in a.evidence.get(r.key_point.id, []):
                when = f' <a href="t:{ev.start}">▶ {fmt_time(ev.start)}</a>' if ev.start is not None else ""
                how = "by meaning" if ev.how == "meaning" else f"cue: {html.escape(ev.cue or '')}"
                q = QLabel(f"“{html.escape(ev.text)}”{when} <span style='color:gray'>({how})</span>")
                q.setWordWrap(True)
                q.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
                q.linkActivated.connect(lambda link: self.playFrom.emit(float(link.split(":")[1])))
                cl.addWidget(q)
        else:
            if r.matches:
                cl.addWidget(muted(f"Partly there: {len(r.matches)} of {r.key_point.min_cues} cues "
                                   f"({', '.join(m.cue for m in r.matches)})"))
            from voiceprep.core.analysis.followups import follow_up_for

            cl.addWidget(muted(f"Follow-up: {follow_up_for(r.key_point)}"))
        return card


def transcript_html(a: AnswerAnalysis) -> str:
    """The transcript with evidence highlighted, fillers underlined, hedges in italics, a time at each segment."""
    words = [w for w in a.transcript.words() if w.word.strip()]
    evidence = {i for spans in a.evidence.values() for ev in spans for i in range(ev.first_word, ev.last_word + 1)}
    fillers = set(a.delivery.fillers.get("at", []))
    hedges = set(a.delivery.hedges.get("at", []))
    segment_starts = set()
    count = 0
    for seg in a.transcript.segments:
        segment_starts.add(count)
        count += sum(1 for w in seg.words if w.word.strip())
    out = []
    for i, w in enumerate(words):
        text = html.escape(w.word.strip())
        if i in evidence:
            text = f"<span style='background:{soft(GOOD)}; font-weight:600'>{text}</span>"
        if i in fillers:
            text = f"<u style='color:{WARN}'>{text}</u>"
        if i in hedges:
            text = f"<i>{text}</i>"
        if a.timed and i in segment_starts:
            text = f"<a href='t:{w.start}' style='color:gray; text-decoration:none'>[{fmt_time(w.start)}]</a> " + text
        glue = " " if i and (w.word[:1].isspace() or i in segment_starts) else ""
        out.append(glue + text)
    return "<p style='line-height:150%'>" + "".join(out) + "</p>"
