"""Two attempts of one prompt side by side: what changed in words (metrics), key points gained and lost, and the
two transcripts in two columns with what differs highlighted in each."""

from __future__ import annotations

import html
import math
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QHelpEvent, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QTextBrowser,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from voiceprep.core.history.compared import compare_text
from voiceprep.core.history.queries import (
    answer_name,
    asked_text,
    kind_name,
    not_asked_text,
    removed_text,
    reworded_text,
)
from voiceprep.gui.widgets import accessible
from voiceprep.gui.widgets.common import BAD, GOOD, fit_to_screen, heading, keyboard_buttons, muted, window_state
from voiceprep.gui.widgets.feedback import Colors, when
from voiceprep.settings import AnalysisSettings

BETTER_UP = {"overall", "key_points"}          # a rise is good; for fillers and hedges a fall is
BETTER_DOWN = {"fillers", "hedges"}
NEW_POINT = " (new point: added to the bank after the first answer)"
_PACE = AnalysisSettings()


def pace_change(first: float, second: float, low: float, high: float) -> int:
    """+1 when the second pace is nearer the good band (`low`-`high` words/min) than the first (176 "Fast" -> 142:
    into it, walk42 finding 8), -1 when further from it, 0 when as near (both inside it: neither better nor
    worse)."""
    def off(wpm: float) -> float:
        return max(low - wpm, wpm - high, 0.0)
    return (off(first) > off(second)) - (off(first) < off(second))


# how the words one transcript has and the other has not are marked, besides their colour (walk47 4: colour only,
# nothing a screen reader or a colour-blind eye could tell): the first answer's struck through after a "−", the
# second's underlined after a "+" (not bold too: a mostly new answer read as one heavy block at 1366x768)
DIFF_MARKS = {"first": ("−", "text-decoration: line-through"),
              "second": ("+", "text-decoration: underline")}


def diff_caption(side: str, other: str) -> str:
    """What the marks in one transcript mean, `other` the other answer's name ("answer 3 to this question")."""
    mark = DIFF_MARKS[side][0]
    if side == "first":
        return f"Marked {mark} and struck through: words not said again in {other}"
    return f"Marked {mark} and underlined: words new in this answer (not in {other})"


def side_html(diff: list[dict[str, str]], side: str, colors: Colors) -> str:
    """One transcript of the pair, with the words the other one does not have marked (DIFF_MARKS) and highlighted."""
    color = colors.tint(BAD if side == "first" else GOOD, 0.3)
    mark, style = DIFF_MARKS[side]
    parts = []
    for d in diff:
        words = html.escape(d[side])
        if not words:
            continue
        parts.append(words if d["op"] == "equal" else
                     f"<b>{mark}</b><span style='background-color:{color}; {style}'>{words}</span>")
    return "<p style='line-height:150%'>" + (" ".join(parts) or "<i>(nothing was said)</i>") + "</p>"


def summary_html(result: dict[str, Any], colors: Colors,
                 pace_band: tuple[float, float] = (_PACE.wpm_low, _PACE.wpm_high)) -> str:
    """The prompt, the two attempts, the metrics in words and the key points gained, lost and still missing. A pace
    is better nearer `pace_band` (settings: wpm_low, wpm_high)."""
    a, b = result["attempts"]
    kinds = {"typed": "typed", "file": "imported recording"}

    def kind(r: dict[str, Any]) -> str:
        return kinds.get(r["input"] or "", "spoken") + (f", {(kind_name(r) or '').lower()}" if kind_name(r) else "")
    def asked(r: dict[str, Any]) -> str:         # "Follow-up to answer 1: the interviewer asked ...", said once
        text = asked_text(r)
        return text.removeprefix("Follow-up answer: ") if answer_name(r).lower().startswith("follow-up") else text
    drills = "".join(f"<br>{answer_name(r).capitalize()}: {html.escape(asked(r))}" for r in (a, b) if kind_name(r))
    out = [f"<p style='font-size:14pt; font-weight:600; margin:0'>{html.escape(result['prompt_text'])}</p>",
           f"<p style='color:{colors.muted}'>{answer_name(a).capitalize()} ({when(a['started_at'])}, {kind(a)}) → "
           f"{answer_name(b)} ({when(b['started_at'])}, {kind(b)}){drills}</p>"]
    added = result.get("follow_up_added")
    if added:       # an answer and its own follow-up: not before/after (walk16), what the follow-up added
        tint = GOOD if added["covered"] else colors.muted
        return "".join(out) + (f"<p><b>What the follow-up added</b><br><span style='color:{tint}'>"
                               f"{html.escape(added['text'])}</span></p>")
    out += ["<table width='100%' cellspacing='0' cellpadding='6'><tr><td width='34%' valign='top'>"
           "<b>What changed</b>"]
    for name, m in result["metrics"].items():
        color = None
        if m["delta"] and not m.get("plain"):    # a drill's or follow-up's score: not better or worse, said why
            up = m["delta"] > 0
            if name in BETTER_UP:
                color = GOOD if up else BAD
            elif name in BETTER_DOWN:
                color = BAD if up else GOOD
            elif name == "wpm" and (towards := pace_change(m["first"], m["second"], *pace_band)):
                color = GOOD if towards > 0 else BAD
        style = f" style='color:{color}'" if color else ""
        tip = f" title='{html.escape(m['plain'], quote=True)}'" if m.get("plain") else ""
        out.append(f"<br><span{style}{tip}>{html.escape(m['text'])}</span>")
    out.append("</td>")
    reworded = {r["label"] for r in result.get("reworded") or []}   # judged on two wordings (walkthrough 12)
    # a point added to the bank since the first answer: not gained, said as new (walk37)
    new = result.get("new") or []
    fresh = [n["label"] for n in new if n["hit"]], [n["label"] for n in new if not n["hit"]]
    for caption, labels, mark, color in (("Gained", [*result["gained"], *fresh[0]], "✓", GOOD),
                                         ("Lost", result["lost"], "✗", BAD),
                                         ("Still missing", [*result["missed"], *fresh[1]], "–", colors.muted)):
        out.append(f"<td width='22%' valign='top'><b>{caption}</b>")
        items = [f"<br><span style='color:{color}'>{mark} {html.escape(t)}{' *' if t in reworded else ''}"
                 f"{NEW_POINT if t in fresh[0] + fresh[1] else ''}</span>" for t in labels]
        out.append("".join(items) or f"<br><span style='color:{colors.muted}'>none</span>")
        out.append("</td>")
    out.append("</tr></table>")
    for line in reworded_text(result):
        out.append(f"<p style='color:{colors.muted}'>* {html.escape(line)}. Judge it again in History to compare "
                   "both against the point as it reads now.</p>")
    if result.get("removed"):            # taken out of the bank between the two answers: neither lost nor kept
        out.append(f"<p style='color:{colors.muted}'>{html.escape(removed_text(result))}</p>")
    if result.get("not_asked"):          # a drill or follow-up answer: only the points it was asked about compare
        out.append(f"<p style='color:{colors.muted}'>{html.escape(not_asked_text(result))}: "
                   f"{html.escape('; '.join(result['not_asked']))}</p>")
    return "".join(out)


class TipBrowser(QTextBrowser):
    """Rich text whose spans' `title` shows as a tooltip where the pointer rests (QTextBrowser shows none)."""

    def tip_at(self, pos: QPoint) -> str:
        """The tooltip of the text at `pos` (viewport coordinates; "" for none, or off the text)."""
        scrolled = QPointF(pos) + QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        at = self.document().documentLayout().hitTest(scrolled, Qt.HitTestAccuracy.ExactHit)
        if at < 0:
            return ""
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(at + 1, self.document().characterCount() - 1))     # the format of the character at
        return cursor.charFormat().toolTip()

    def viewportEvent(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            tip = self.tip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)


class CompareView(QWidget):
    """Rich text throughout: one page for the summary, one per transcript (fast to lay out, easy to copy from)."""

    def __init__(self, result: dict[str, Any], parent: QWidget | None = None,
                 pace_band: tuple[float, float] = (_PACE.wpm_low, _PACE.wpm_high)):
        super().__init__(parent)
        colors = Colors(self.palette())
        lay = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Vertical)
        self.summary = TipBrowser()
        self.summary.setHtml(summary_html(result, colors, pace_band))
        accessible.name(self.summary, "What changed between the two answers")
        split.addWidget(self.summary)
        below = QWidget()
        columns = QHBoxLayout(below)
        columns.setContentsMargins(0, 0, 0, 0)
        self.transcripts = []
        own = bool(result.get("follow_up_added"))   # the follow-up answers other questions: no word diff (walk16)
        first, second = result["attempts"]
        for side, attempt, other in (("first", first, second), ("second", second, first)):
            column = QVBoxLayout()
            title = f"{answer_name(attempt).capitalize()} · {when(attempt['started_at'])}"
            column.addWidget(heading(title, 11))
            caption = diff_caption(side, answer_name(other))
            if not own:
                column.addWidget(muted(caption))
            view = QTextBrowser()
            accessible.name(view, f"{answer_name(attempt).capitalize()}, what you said", "" if own else caption)
            view.setHtml(side_html([{"op": "equal", side: attempt["transcript"] or ""}] if own else result["diff"],
                                   side, colors))
            self.transcripts.append(view)
            column.addWidget(view, 1)
            columns.addLayout(column, 1)
        split.addWidget(below)
        split.setStretchFactor(1, 1)          # a taller window gives the transcripts the room, not the summary
        split.setSizes([330, 370])
        lay.addWidget(split, 1)
        self.split = split
        self._sized_by_hand = False           # the candidate dragged the divider: it stays where they put it
        split.splitterMoved.connect(lambda *_: setattr(self, "_sized_by_hand", True))

    def fit_summary(self) -> None:
        """The summary pane as tall as its text (at 1366x768 it was a fixed 330 px, a third of it empty with a few
        changes), at most half of the view; the transcripts get the rest."""
        total = sum(self.split.sizes())
        if self._sized_by_hand or total <= 0:
            return
        doc = self.summary.document()
        doc.setTextWidth(self.summary.viewport().width())
        frame = self.summary.height() - self.summary.viewport().height()
        top = min(math.ceil(doc.size().height()) + frame + 2, total // 2)
        self.split.setSizes([top, total - top])

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.fit_summary()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_summary()           # its text wraps again at another width


COMPARE_SIZE = (1100, 700)      # the dialog's smallest default size (shrunk to fit a smaller screen)
COMPARE_SHARE = 0.75            # ... or this share of the screen's free area, when that is larger


def compare_size(available: QRect, saved: QSize | None) -> QSize:
    """The Compare dialog's size on a screen with `available` free area: the size the candidate last gave it, else
    three quarters of the screen (it was a fixed 1100x700, a small box in the middle of 2560x1440), never less than
    1100x700 where that fits, always on the screen."""
    if isinstance(saved, QSize) and saved.isValid():
        wanted = saved
    else:
        wanted = QSize(max(COMPARE_SIZE[0], round(available.width() * COMPARE_SHARE)),
                       max(COMPARE_SIZE[1], round(available.height() * COMPARE_SHARE)))
    return fit_to_screen(QRect(available.topLeft(), wanted), available).size()


def compare_title(a: dict[str, Any], b: dict[str, Any]) -> str:
    """The dialog's title, read naturally (walk15: "Compare answer 1 to this question and answer 2"): "Compare
    answers 1 and 2 to this question", "Compare answer 1 and its follow-up", "... and the follow-up to answer 2"."""
    first, second = answer_name(a).removesuffix(" to this question"), answer_name(b).removesuffix(" to this question")
    if first.startswith("answer ") and second.startswith("answer "):
        return f"Compare answers {first.removeprefix('answer ')} and {second.removeprefix('answer ')} to this question"
    if second == f"follow-up to {first}":
        return f"Compare {first} and its follow-up"
    return f"Compare {first} and {'the ' if second.startswith('follow-up') else ''}{second}"


def compare_markdown(title: str, result: dict[str, Any]) -> str:
    """What Export… writes: the dialog's title as the heading, then `voiceprep history compare`'s text as it prints
    (kept as written: its "+"/"-" lines and indents would otherwise be read as Markdown lists)."""
    return f"# {title}\n\n```text\n{compare_text(result)}```\n"


def export_name(result: dict[str, Any]) -> str:
    """The file Export… offers: both answers' ids, as `voiceprep history compare FIRST SECOND` takes them."""
    return f"voiceprep-compare-{result['first']}-{result['second']}.md"


class CompareDialog(QDialog):
    """The comparison, with Copy (the text `voiceprep history compare` prints, to the clipboard), Export… (the same,
    as a Markdown file) and Close (walk42 finding 8: Close only, and what a candidate sends themselves is this)."""

    def __init__(self, result: dict[str, Any], parent: QWidget | None = None,
                 pace_band: tuple[float, float] = (_PACE.wpm_low, _PACE.wpm_high)):
        super().__init__(parent)
        a, b = result["attempts"]
        self.compared = result
        self.setWindowTitle(compare_title(a, b))
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        saved = window_state().value("compare_size")
        self.resize(compare_size(screen.availableGeometry(), saved if isinstance(saved, QSize) else None))
        lay = QVBoxLayout(self)
        self.view = CompareView(result, self, pace_band)
        lay.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.status = QLabel("")             # "Copied…" / "Saved to …": said beside the buttons, not in a box
        row.addWidget(self.status, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_btn = buttons.addButton("&Copy", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_btn.setToolTip("Copy this comparison as text (the same as `voiceprep history compare`)")
        self.export_btn = buttons.addButton("&Export…", QDialogButtonBox.ButtonRole.ActionRole)
        self.export_btn.setToolTip("Save this comparison as a Markdown file")
        self.close_btn = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.copy_btn.clicked.connect(self.copy)
        self.export_btn.clicked.connect(self.export)
        buttons.rejected.connect(self.reject)
        for button in (self.copy_btn, self.export_btn, self.close_btn):
            button.setAutoDefault(False)     # Enter in the text does not press one; Tab reaches each
        row.addWidget(buttons)
        lay.addLayout(row)
        keyboard_buttons(self)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(compare_text(self.compared))
        self.status.setText("Copied: paste it where you keep your notes.")

    def export(self) -> None:
        start = window_state().value("compare_export_dir") or str(Path.home())
        path, _ = QFileDialog.getSaveFileName(self, "Export comparison", str(Path(str(start)) / export_name(
            self.compared)), "Markdown (*.md)")
        if not path:
            return
        target = Path(path) if Path(path).suffix else Path(path).with_suffix(".md")
        try:
            target.write_text(compare_markdown(self.windowTitle(), self.compared), encoding="utf-8")
        except OSError as exc:
            QMessageBox.warning(self, "Export comparison", f"Could not save {target.name}: {exc.strerror or exc}. "
                                                            "Pick another folder and try again.")
            return
        window_state().setValue("compare_export_dir", str(target.parent))
        self.status.setText(f"Saved to {target}")

    def done(self, result: int) -> None:
        """Closing keeps the size the candidate gave it for the next comparison (not a maximized one)."""
        if not self.isMaximized() and not self.isFullScreen():
            window_state().setValue("compare_size", self.size())
        super().done(result)
