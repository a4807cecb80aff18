"""The feedback on one answer: scores, key-point checklist with evidence, delivery cards, transcript.

It renders a feedback document (voiceprep.app.judging): a fresh one in Practice, the stored one in History, so
both show exactly the same thing. It reads only the document's fields, never the judge's internals.
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

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

from voiceprep.app.judging import feedback_document
from voiceprep.gui.widgets.common import ACCENT, BAD, GOOD, WARN, Card, ScoreBar, heading, muted, score_color, soft

STATUS_COLOR = {"good": GOOD, "warn": WARN, "info": ACCENT}
Doc = dict[str, Any]


def fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return ""
    return f"{int(seconds) // 60}:{int(seconds) % 60:02d}"


def when(started_at: str) -> str:
    """"12 Mar 14:05" in local time (with the year when it is not this year)."""
    try:
        t = datetime.fromisoformat(started_at).astimezone()
    except ValueError:
        return started_at[:16].replace("T", " ")
    return t.strftime("%d %b %H:%M" if t.year == datetime.now().year else "%d %b %Y %H:%M").lstrip("0")


def _big(text: str, caption: str, color: str) -> QWidget:
    w = QWidget()
    lay = QVBoxLayout(w)
    lay.setContentsMargins(0, 0, 12, 0)
    lay.setSpacing(0)
    num = QLabel(text)
    font = num.font()
    font.setPointSize(24)
    font.setBold(True)
    num.setFont(font)
    num.setStyleSheet(f"color: {color};")
    lay.addWidget(num)
    lay.addWidget(muted(caption))
    return w


class FeedbackView(QScrollArea):
    """Shows a feedback document. Emits playFrom(seconds) when evidence or a transcript time is clicked."""

    playFrom = Signal(float)
    askFollowUps = Signal(list)
    noteChanged = Signal(str, int)          # note, rating (0 = none)
    rejudgeRequested = Signal()

    def __init__(self, parent: QWidget | None = None, placeholder: str = "Answer a prompt to see feedback here."):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.placeholder = placeholder
        self.document: Doc | None = None
        self.checklist_items: list[QLabel] = []
        self.clear()

    def _fresh(self) -> QVBoxLayout:
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setSpacing(10)
        self.setWidget(body)
        self.checklist_items = []
        return lay

    def clear(self, text: str | None = None) -> None:
        """Back to the placeholder (History: nothing selected, or the attempt was filtered out or deleted)."""
        self.document = None
        lay = self._fresh()
        lay.addWidget(muted(text or self.placeholder))
        lay.addStretch(1)

    def show_analysis(self, analysis: Any, note: str = "", rating: int = 0) -> None:
        """A fresh answer (Practice): rendered from the same document History stores."""
        self.show_document(feedback_document(analysis), note, rating)

    def show_document(self, doc: Doc, note: str = "", rating: int = 0, context: str | None = None,
                      can_rejudge: bool = False) -> None:
        """Render `doc`. `context` (History) names the question and when it was answered above the scores."""
        self.document = doc
        lay = self._fresh()
        if context is not None:
            title = heading(doc["prompt"]["text"], 14)
            title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            lay.addWidget(title)
            row = QHBoxLayout()
            row.addWidget(muted(context), 1)
            if can_rejudge:
                again = QPushButton("Judge again with the current judge")
                again.setToolTip("Scores are stored as they were shown. This re-scores the saved transcript with "
                                 "today's judge and replaces them.")
                again.clicked.connect(self.rejudgeRequested)
                row.addWidget(again)
            lay.addLayout(row)
        self._scores(lay, doc)
        lay.addWidget(heading("Your key points"))
        for k in doc["key_points"]:
            lay.addWidget(self._key_point_card(k))
        if doc["follow_ups"]:
            row = QHBoxLayout()
            row.addWidget(heading("What the interviewer would ask next", 11))
            ask = QPushButton("Ask them aloud")
            ask.clicked.connect(lambda: self.askFollowUps.emit(list(doc["follow_ups"])))
            row.addStretch(1)
            row.addWidget(ask)
            lay.addLayout(row)
            for q in doc["follow_ups"]:
                label = QLabel(f"• {q}")
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setWordWrap(True)
                lay.addWidget(label)
        self._delivery(lay, doc)
        self._transcript(lay, doc)
        self._note(lay, note, rating)
        lay.addStretch(1)

    # -- parts ------------------------------------------------------------------------------------
    def _scores(self, lay: QVBoxLayout, doc: Doc) -> None:
        top = QHBoxLayout()
        hits, total = doc["hits"], doc["total"]
        share = 100 * hits / total if total else None
        top.addWidget(_big(f"{hits} of {total}", "key points covered", score_color(share)))
        overall = doc["overall"]
        top.addWidget(_big("–" if overall is None else f"{overall:.0f} / 100",
                           "overall, weighted by the job's competencies", score_color(overall)))
        top.addStretch(1)
        lay.addLayout(top)
        for c in doc["competencies"]:
            weight = f"weight {c['weight']:.2f}" if c.get("weight") is not None else ""
            lay.addWidget(ScoreBar(c["name"], c["score"], weight))

    def _key_point_card(self, k: Doc) -> QWidget:
        card = Card(GOOD if k["hit"] else BAD)
        cl = QVBoxLayout(card)
        title = QLabel(f"<b>{'✓' if k['hit'] else '✗'}</b> {html.escape(k['label'])}")
        title.setWordWrap(True)
        title.setProperty("hit", bool(k["hit"]))
        self.checklist_items.append(title)
        cl.addWidget(title)
        for ev in k["evidence"]:
            when = f' <a href="t:{ev["start"]}">▶ {fmt_time(ev["start"])}</a>' if ev.get("start") is not None else ""
            note = f" <span style='color:gray'>({html.escape(ev['note'])})</span>" if ev.get("note") else ""
            q = QLabel(f"“{html.escape(ev['text'])}”{when}{note}")
            q.setWordWrap(True)
            q.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            q.linkActivated.connect(lambda link: self.playFrom.emit(float(link.split(":")[1])))
            cl.addWidget(q)
        if k.get("detail"):
            cl.addWidget(muted(k["detail"]))
        if k.get("follow_up"):
            cl.addWidget(muted(f"Follow-up: {k['follow_up']}"))
        return card

    def _delivery(self, lay: QVBoxLayout, doc: Doc) -> None:
        lay.addWidget(heading("Delivery"))
        if not doc["timed"]:
            lay.addWidget(muted("Typed answer: no length, pace or pauses."))
        grid = QGridLayout()
        for i, f in enumerate(doc["delivery"].get("findings", [])):
            card = Card(STATUS_COLOR.get(f["status"], ACCENT))
            cl = QVBoxLayout(card)
            cl.addWidget(heading(f"{f['name'].capitalize()}: {f['summary']}", 10))
            cl.addWidget(muted(f["tip"]))
            grid.addWidget(card, i // 2, i % 2)
        lay.addLayout(grid)

    def _transcript(self, lay: QVBoxLayout, doc: Doc) -> None:
        row = QHBoxLayout()
        row.addWidget(heading("Transcript"))
        row.addStretch(1)
        if doc["timed"]:
            play = QPushButton("▶ Play answer")
            play.clicked.connect(lambda: self.playFrom.emit(0.0))
            row.addWidget(play)
        lay.addLayout(row)
        lay.addWidget(muted("Highlighted: evidence for a key point · underlined: filler · italic: hedge"))
        self.transcript = QTextBrowser()
        self.transcript.setOpenLinks(False)
        self.transcript.setMinimumHeight(160)
        self.transcript.setHtml(transcript_html(doc))
        self.transcript.anchorClicked.connect(lambda url: self.playFrom.emit(float(url.toString().split(":")[1])))
        lay.addWidget(self.transcript)

    def _note(self, lay: QVBoxLayout, note: str, rating: int) -> None:
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


def transcript_html(doc: Doc) -> str:
    """The transcript with evidence highlighted, fillers underlined, hedges in italics, a time at each segment."""
    segments = doc["transcript"].get("segments", [])
    words = [w for s in segments for w in s.get("words", []) if w["word"].strip()]
    if not words:
        return f"<p>{html.escape(doc['transcript'].get('text') or '')}</p>"
    evidence = {i for k in doc["key_points"] for ev in k["evidence"]
                if ev.get("first_word") is not None and ev.get("last_word") is not None
                for i in range(ev["first_word"], ev["last_word"] + 1)}
    fillers = set(doc["delivery"].get("fillers", {}).get("at", []))
    hedges = set(doc["delivery"].get("hedges", {}).get("at", []))
    segment_starts = set()
    count = 0
    for seg in segments:
        segment_starts.add(count)
        count += sum(1 for w in seg.get("words", []) if w["word"].strip())
    out = []
    for i, w in enumerate(words):
        text = html.escape(w["word"].strip())
        if i in evidence:
            text = f"<span style='background:{soft(GOOD)}; font-weight:600'>{text}</span>"
        if i in fillers:
            text = f"<u style='color:{WARN}'>{text}</u>"
        if i in hedges:
            text = f"<i>{text}</i>"
        if doc["timed"] and i in segment_starts:
            text = (f"<a href='t:{w['start']}' style='color:gray; text-decoration:none'>[{fmt_time(w['start'])}]</a> "
                    + text)
        glue = " " if i and (w["word"][:1].isspace() or i in segment_starts) else ""
        out.append(glue + text)
    return "<p style='line-height:150%'>" + "".join(out) + "</p>"
