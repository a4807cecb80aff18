"""The feedback on one answer: scores, key-point checklist with evidence, delivery cards, transcript.

It renders a feedback document (voiceprep.app.judging): a fresh one in Practice, the stored one in History, so
both show exactly the same thing. It reads only the document's fields, never the judge's internals. The document
is laid out as one rich-text page (a dozen word-wrapped widgets cost a 50 ms layout; one page costs about 5 ms).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPalette, QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollBar,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from voiceprep.app.judging import by_weight, feedback_document
from voiceprep.core.analysis.scoring import SHARES_EXPLAINED, overall_shares
from voiceprep.core.history.queries import ALSO_COVERED_COUNTS, drilled, searched_words
from voiceprep.core.rehearsal import NextUp
from voiceprep.core.transcript import continues_figure
from voiceprep.core.wording import (
    AGAIN_UP_HEADING,
    ALSO_COUNTS_TEXT,
    ALSO_COVERED_HEADING,
    NEXT_UP_HEADING,
    asked_about_heading,
    delivery_not_scored_lines,
    delivery_shown,
    more_after_text,
    score_shown,
    score_text,
)
from voiceprep.gui.widgets import accessible
from voiceprep.gui.widgets.common import ACCENT, BAD, GOOD, WARN, score_color, soft

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


def e(text: object) -> str:
    return html.escape("" if text is None else str(text))


SEARCHED = "#f2c200"     # the words History's search found, in the transcript

class Colors:
    """Tints that read on the current palette (light or dark), as plain #rrggbb for rich text."""

    def __init__(self, palette: QPalette):
        self.base = palette.color(QPalette.ColorRole.Base)
        self.muted = palette.color(QPalette.ColorRole.PlaceholderText).name()

    def tint(self, color: str, amount: float = 0.16) -> str:
        c = QColor(color)
        mix = [round(getattr(self.base, ch)() * (1 - amount) + getattr(c, ch)() * amount) for ch in ("red", "green", "blue")]
        return QColor(*mix).name()


def card(colors: Colors, color: str, body: str) -> str:
    return (f"<table width='100%' cellspacing='0' cellpadding='7' style='margin-top:6px'><tr>"
            f"<td width='4' bgcolor='{color}'></td><td bgcolor='{colors.tint(color)}'>{body}</td></tr></table>")


def bar(colors: Colors, name: str, score: float | None, detail: str, basis: str = "", color: str | None = None) -> str:
    """A competency row: name, score, a bar drawn to the score's length (Qt's rich text ignores a nested
    table's own width, so the bar is a filled cell and an empty one sharing the row), `detail` (its share of the
    overall, its job weight); then what its score is made of (`basis`) on a line of its own under the name (walk14:
    the three percentages of both on one line beside the bar were hard to read). `color`: drawn in it, not by the
    score (a score from delivery alone on an answer about something else is no praise: fixDJ)."""
    filled = max(0, min(100, score_shown(score)))
    color = color or score_color(score)
    cells = (f"<td width='{filled}%' bgcolor='{color}'>&nbsp;</td>" if filled else "") + (
        f"<td width='{100 - filled}%' bgcolor='{colors.tint(colors.muted, 0.25)}'>&nbsp;</td>" if filled < 100 else "")
    under = (f"<tr><td colspan='4' style='padding:0 0 4px 12px'><span style='color:{colors.muted}'>{e(basis)}</span>"
             "</td></tr>") if basis else ""
    return (f"<tr><td width='28%'>{e(name)}</td>"
            f"<td width='6%' align='right' style='white-space:nowrap'><b style='color:{color}'>"
            f"{score_text(score)}</b></td>"
            f"<td width='30%'><table width='100%' cellspacing='0' cellpadding='1'><tr>{cells}</tr></table></td>"
            f"<td><span style='color:{colors.muted}'>{e(detail)}</span></td></tr>{under}")


def point_card(colors: Colors, k: Doc, tag: str | None) -> str:
    """One key point's card: ✓ or ✗, its label (with `tag`: "asked", "drilled"), its evidence and its notes."""
    tagged = f" <span style='color:{colors.muted}'>· {tag}</span>" if tag else ""
    body = [f"<b>{'✓' if k['hit'] else '✗'}</b> {e(k['label'])}{tagged}"]
    for ev in k["evidence"]:
        play = f" <a href='t:{ev['start']}'>▶ {fmt_time(ev['start'])}</a>" if ev.get("start") is not None else ""
        note = f" <span style='color:{colors.muted}'>({e(ev['note'])})</span>" if ev.get("note") else ""
        body.append(f"<br>“{e(ev['text'])}”{play}{note}")
    for extra in (k.get("detail"), f"Follow-up: {k['follow_up']}" if k.get("follow_up") else None):
        if extra:
            body.append(f"<br><span style='color:{colors.muted}'>{e(extra)}</span>")
    return card(colors, GOOD if k["hit"] else BAD, "".join(body))


def drill_html(doc: Doc, drill: list[str], colors: Colors, follow_up: str | None = None) -> str:
    """What a drill answer's scores rest on: only the points it asked for count, and the bars below are the drilled
    points' competencies only (a drill judged on one point read as a strong whole answer). `follow_up`: the answer
    answered the interviewer's follow-ups (a drill of the points they asked about): what it is measured by, in one
    sentence (what it adds to the answer it followed is in the headline)."""
    asked = [k for k in doc["key_points"] if k["label"] in drill]
    plural = "s" if len(asked) != 1 else ""
    if follow_up is not None:
        # fixCU: `also_covered` set (a list, maybe empty): other points were still missed when it was asked
        others = f" (and for {ALSO_COUNTS_TEXT})" if doc.get("also_covered") is not None else ""
        return (f"<p style='margin:4px 0 0 0'><b>Follow-up answer:</b> it counts for the point{plural} the "
                f"interviewer asked about{others}, and what it covers is added to the answer it follows. A follow-up "
                "answer is short: it is not held to the question's time or story shape.</p>")
    bars = (f" <span style='color:{colors.muted}'>The bars show only {'its' if len(asked) == 1 else 'their'} "
            "competencies: an answer told what to cover is practice, not a measure of the whole competency.</span>"
            if doc["competencies"] else "")
    return (f"<p style='margin:4px 0 0 0'><b>Drill · this answer only:</b> the point{plural} "
            f"you were asked for count for your progress, not the whole answer's score.{bars}</p>")


def headline_html(doc: Doc, colors: Colors, drill: list[str] | None = None, follow_up: str | None = None) -> str:
    """The big numbers: key points covered and the overall score; for a drill, the points it asked for covered,
    and the whole answer's score small, as not counted (walkthrough 6: a drill that covered the 1 point asked
    showed a red "1 of 5" and "18 / 100", a failed answer). A follow-up answer (`follow_up`: what the question now
    has in the round, "" when not known) has one count, the points asked about, and beside it what the question now
    has (walkthrough 10: "2 of 2 asked", "whole answer: 72, not counted (3 of 4)", "now has 4 of 4" and a bar "3 of
    3" on one screen)."""
    hits, total, overall = doc["hits"], doc["total"], doc["overall"]
    big = "font-size:22pt; font-weight:700"
    score = score_text(overall)

    def pair(covered: int, of: int, caption: str, right: str) -> str:
        share = 100 * covered / of if of else None
        return ("<table cellspacing='0' cellpadding='2'><tr>"
                f"<td><span style='{big}; color:{score_color(share)}'>{covered} of {of}</span>"
                f"<br><span style='color:{colors.muted}'>{caption}</span></td><td width='28'></td>"
                f"{right}</tr></table>")

    asked = drilled(doc["key_points"], drill)
    if asked and follow_up is not None:
        # not "1 of 1 point the follow-ups..." (walkthrough 11) nor "asked about in the follow-ups, covered" (walk57 9):
        # what of it, then what is counted; one follow-up is asked at a time (walk46 3)
        caption = f"covered, of the point{'s' if asked[1] != 1 else ''} the follow-up asked about"
        return pair(*asked, caption, f"<td valign='bottom'>{e(follow_up)}</td>" if follow_up else "")
    if asked:
        caption = f"asked-for point{'s' if asked[1] != 1 else ''} covered"
        return pair(*asked, caption,
                    f"<td valign='bottom'><span style='color:{colors.muted}'>whole answer: {score}, not counted"
                    f"<br>({hits} of {total} key points)</span></td>")
    # a bank with no competencies (affirm-backend-platform) scores its key points: no job weights to name
    weighted = by_weight(doc["key_points"])          # "1 of 2" beside 40 said why (walk15)
    basis = ("overall, weighted by the job's competencies" if doc["competencies"]
             else f"overall (this bank scores key points only{', ' + weighted if weighted else ''})")
    return pair(hits, total, "key points covered",
                f"<td><span style='{big}; color:{score_color(overall)}'>{score}</span> / 100"
                f"<br><span style='color:{colors.muted}'>{basis}</span></td>")


def _judge(version: str) -> tuple[str, str]:
    kind, _, number = str(version).partition("-")        # "semantic-45-rv": a provisional version too
    return kind, number


def judge_words(version: str) -> str:
    """The judge that scored an answer, in the candidate's words ("semantic-17" -> "judged by meaning"); its version
    is the detail's small print (judge_version_text: "v17" meant nothing there, walk18)."""
    kind, _ = _judge(version)
    if kind == "semantic":
        return "judged by meaning"
    if kind == "cues":
        return "judged by cue words (an older judge)"
    return "judged by words only (the meaning model was not available)"


def judge_version_text(version: str) -> str:
    """The small print under History's detail: which judge and version scored it ("" for no known judge)."""
    kind, number = _judge(version)
    name = {"semantic": "the meaning judge", "cues": "the cue-word judge"}.get(kind)
    return f"Scored by {name}, version {number}." if name else ""


def document_html(doc: Doc, colors: Colors, context: str | None = None, drill: list[str] | None = None,
                  *, since: str | None = None, follow_up: str | None = None) -> str:
    """The whole feedback page (everything but the buttons and the note). `drill`: the key-point labels a drill
    asked this answer to cover (its headline is then those points, its competency bars those points'
    competencies only); `follow_up`: it answered follow-ups about those points (drill_html). `since`: the score
    beside the last answer to the question ("Last time 31 (yesterday) → now 100 (+69)"), under the big numbers."""
    out = []
    if context is not None:
        out.append(f"<p style='font-size:14pt; font-weight:600; margin:0'>{e(doc['prompt']['text'])}</p>"
                   f"<p style='color:{colors.muted}; margin-top:2px'>{e(context).replace(chr(10), '<br>')}</p>")
    out.append(headline_html(doc, colors, drill, follow_up))
    shown = delivery_shown(doc["delivery"].get("findings", []))      # one rule with `score` and the export (mendJ)
    elsewhere, findings = shown["elsewhere"], shown["findings"]
    if elsewhere is not None:        # the whole answer was about something else: said first, once (walk42 finding 6)
        out.append(f"<p style='margin-top:4px'><b style='color:{WARN}'>{e(elsewhere['summary'])}</b><br>"
                   f"<span style='color:{colors.muted}'>{e(elsewhere['tip'])}</span></p>")
    if since:
        out.append(f"<p style='margin-top:2px'>{e(since)}</p>")
    competencies = doc["competencies"]
    # walk60 8: a rambling answer scored 100 on a job whose competencies are all technical; said once, by the score
    # (an answer stored before its competencies carried "delivery_weight" is not known: nothing said)
    if (unscored := delivery_not_scored_lines(competencies, findings, bool(drill) or follow_up is not None)) is not None:
        out.append(f"<p style='margin-top:4px'><b>{e(unscored[0])}</b><br>{e(unscored[1])}</p>")
    if drill:
        out.append(drill_html(doc, drill, colors, follow_up))
        drilled = {k.get("competency") for k in doc["key_points"] if k["label"] in drill}
        # a follow-up answer shows no bars: its competency scores rest on the whole answer's points, which it
        # does not answer (walkthrough 10: a bar said "3 of 3 key points" beside "2 of 2 asked")
        competencies = [c for c in competencies if c["id"] in drilled and follow_up is None]
    # what each bar counts for in the overall (a drill's overall is not counted: no shares)
    shares = {} if drill else overall_shares({c["id"]: c.get("weight") for c in competencies},
                                             [c["id"] for c in competencies],
                                             [(k.get("competency"), k.get("weight") or 1.0) for k in doc["key_points"]],
                                             {c["id"]: c.get("delivery_weight") for c in competencies})
    if competencies:
        out.append("<table width='100%' cellspacing='2' cellpadding='2' style='margin-top:6px'>")
        held = {k.get("competency") for k in doc["key_points"]}
        for c in competencies:
            weight = f"job weight {c['weight']:.2f}" if c.get("weight") is not None else ""
            share = f"{shares[c['id']]:.0%} of the overall" if len(shares) > 1 else ""
            detail = f"{share} ({weight})" if share and weight else share or weight
            # from delivery alone (no key point of the answer holds it) on an answer about something else: no praise
            neutral = elsewhere is not None and bool(c.get("delivery_weight")) and c["id"] not in held
            out.append(bar(colors, c["name"], c["score"], detail, c.get("basis") or "", colors.muted if neutral else None))
        out.append("</table>")
        if len(shares) > 1:
            out.append(f"<p style='color:{colors.muted}; margin:2px 0 0 0'>{e(SHARES_EXPLAINED)}</p>")
    points = doc["key_points"]
    if follow_up is not None and drill:        # the others were the answer before's (walkthrough 9: shown ✗ here)
        points = [k for k in points if k["label"] in drill]
        out.append(f"<h3>{asked_about_heading(len(points))}</h3>")
    else:
        out.append("<h3>Your key points</h3>")
    for k in points:
        tag = "asked" if follow_up is not None else "drilled"      # a follow-up's points were asked about, not drilled
        out.append(point_card(colors, k, tag if drill and k["label"] in drill else None))
    also = [k for k in doc["key_points"] if k["label"] in (doc.get("also_covered") or []) and k["hit"]] \
        if follow_up is not None and drill else []
    carded = [*points, *also]           # the transcript highlights the evidence of these cards only (below)
    if also:                # fixCU: a point not asked about, still missed, said in the follow-up answer counts too
        # its heading alone, as the Markdown export's (read41b 6: "You also covered: A; B" over cards naming A and B)
        out.append(f"<h3>{e(ALSO_COVERED_HEADING)}</h3>"
                   f"<p style='color:{colors.muted}; margin-top:0'>{e(ALSO_COVERED_COUNTS)}</p>")
        out += [point_card(colors, k, None) for k in also]
    next_up = doc.get("next_up")
    if next_up:                 # Practice: the one F asks next, and how many wait (fixBI: F asks one at a time)
        heading = AGAIN_UP_HEADING if next_up.get("repeat") else NEXT_UP_HEADING
        out.append(f"<h3>{heading}</h3><ul><li>{e(next_up['question'])}</li></ul>")
        if more := more_after_text(next_up["more"], next_up.get("again", 0)):
            out.append(f"<p style='color:{colors.muted}; margin-top:0'>{e(more)}</p>")
    elif doc["follow_ups"]:
        out.append(f"<h3>{NEXT_UP_HEADING}</h3><ul>")
        out += [f"<li>{e(q)}</li>" for q in doc["follow_ups"]]
        out.append("</ul>")
    out.append(f"<h3>{e(shown['heading'])}</h3>")      # on an answer about something else: "How it was said" (fixDJ)
    if shown["note"]:
        out.append(f"<p style='color:{colors.muted}; margin-top:0'>{e(shown['note'])}</p>")
    out.append("<table width='100%' cellspacing='0' cellpadding='0'>")
    for i in range(0, len(findings), 2):
        out.append("<tr>")
        for f in findings[i:i + 2]:
            text = f"<b>{e(f['name'].capitalize())}: {e(f['summary'])}</b><br><span style='color:{colors.muted}'>" \
                   f"{e(f['tip'])}</span>"
            out.append(f"<td width='50%' valign='top' style='padding-right:6px'>"
                       f"{card(colors, STATUS_COLOR.get(f['status'], ACCENT), text)}</td>")
        out.append("</tr>")
    out.append("</table>")
    out.append("<h3>Transcript</h3>")
    search = " · yellow: your search" if doc.get("searched") else ""
    out.append(f"<p style='color:{colors.muted}'>Highlighted: evidence for a key point · underlined: filler · "
               f"italic: hedge{search}</p>")
    out.append(transcript_html(doc, colors, carded))
    if context is not None and (judge := judge_version_text(doc.get("judge") or "")):   # History's small print
        out.append(f"<p style='color:{colors.muted}; font-size:small'>{e(judge)}</p>")
    return "".join(out)


# the feedback page's widest column, in (average) characters of its text: about 1200 px at the default size, wider
# with a larger text (walk38: a fixed 1280 px column in a 1650 px page at 2560x1440, the cards above it spanning it)
READABLE_CHARS = 200
RATING_SCALE = "How did it feel? 1 = rough, 5 = ready"
NOTE_ROW_SPLIT_BELOW = 800      # px: a narrower feedback view puts the note under the rating
SAVED_SHOWN_MS = 3000    # how long "Saved" stays beside Save note


class _RatingKeys(QObject):
    """The rating's keys. The arrow keys select the rating next to the focused one (Qt's radio buttons only move
    the focus while none is checked, so 1-5 looked chosen and was not), 1-5 select that rating, Delete or Backspace
    clears it (once set, it could only be changed), Space selects the focused one, as on any button.

    A Tab out of a note being written does not take the note's next keys: on the stop after it (Save note; the
    rating comes before the note, session 16) letters, digits, spaces, other text, Backspace and Delete go on into
    the note, at its end (so Backspace takes back the last letter; walkthrough 6: one Tab too many sent the note's
    "n" to Next and its spaces rated the answer; session 12: a Backspace cleared the rating). Enter there saves the
    note. Reached any other way, the page's keys work there as anywhere (walkthrough 7: rate, then R retries and N
    moves on)."""

    KEEP = (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason)   # the same visit goes on

    def __init__(self, group: QButtonGroup, note: QLineEdit, clear: Any):
        super().__init__(group)
        self.group = group
        self.note = note
        self.clear = clear
        self.writing = False          # the note was typed in since it got the focus
        self.left_writing = False     # ... and Tab has just taken the focus out of it (to Save note, as laid out)
        self.note_keys = False        # text typed on the stop after the note goes into the note (see the class)
        note.installEventFilter(self)
        note.textEdited.connect(self._edited)
        group.buttonClicked.connect(self._rated)          # a click (or Enter) on the focused rating is a rating key
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    def _edited(self, _text: str) -> None:
        if self.note.hasFocus():
            self.writing = True

    def _rated(self, _button: QAbstractButton) -> None:
        self.note_keys = False

    def _focus_moved(self, _old: QWidget | None, _new: QWidget | None) -> None:
        self.left_writing = False     # after the FocusIn of where it went: only a Tab straight to the rating counts

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QFocusEvent):
            self._focus(watched, event)
            return False
        if watched is self.note and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape \
                and not event.modifiers() and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            # walkthrough 13: Esc leaves the note (kept as typed), so N, R and F work again; the window's Esc
            # (stop the sound) still runs
            self.note.clearFocus()
            return False
        if not (isinstance(event, QKeyEvent) and isinstance(watched, QAbstractButton)):
            return False
        typed = event.text()
        plain = not event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        on_scale = watched in self.group.buttons()
        digit = self.group.button(int(typed)) if on_scale and plain and len(typed) == 1 and typed in "12345" \
            else None
        erase = not event.modifiers() and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        # Backspace and Delete edit the note as letters go on into it (session 12: a Backspace meant for the note
        # cleared the rating)
        to_note = self.note_keys and (erase or plain and digit is None and len(typed) == 1 and typed.isprintable())
        if to_note and event.type() == QEvent.Type.ShortcutOverride:
            event.accept()                   # the page's one-letter shortcuts and Space do not fire from here
            return True
        if event.type() != QEvent.Type.KeyPress:
            return False
        if to_note:
            self.note.setFocus(Qt.FocusReason.OtherFocusReason)
            self.note.end(False)
            if event.key() == Qt.Key.Key_Backspace:
                self.note.backspace()
            elif event.key() == Qt.Key.Key_Delete:
                self.note.del_()
            else:
                self.note.insert(typed)
            return True
        if not on_scale:
            return False
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1}
        if erase:
            self.note_keys = False
            self.clear()
            return True
        if digit is not None:
            there: QAbstractButton | None = digit
        elif not event.modifiers() and event.key() in steps:
            there = self.group.button(self.group.id(watched) + steps[Qt.Key(event.key())])
        else:
            return False
        self.note_keys = False
        if there is not None:
            there.setFocus(Qt.FocusReason.TabFocusReason)
            there.setChecked(True)
        return True                          # at either end the focus stays on the scale

    def _focus(self, watched: QObject, event: QFocusEvent) -> None:
        reason = event.reason()
        if reason in self.KEEP:
            return
        if watched is self.note:
            if event.type() == QEvent.Type.FocusIn:
                self.writing = False
            else:
                self.left_writing = self.writing and reason == Qt.FocusReason.TabFocusReason
        elif event.type() == QEvent.Type.FocusIn:
            self.note_keys = self.left_writing and reason == Qt.FocusReason.TabFocusReason
            self.left_writing = False


class PaneBrowser(QTextBrowser):
    """The feedback text as one Tab stop (walk51: Tab and Shift+Tab walked every time link of the transcript, one by
    one, before leaving the pane): Tab and Shift+Tab leave it, as any other field; Ctrl+Tab and Ctrl+Shift+Tab move
    between its links (past the last one, round to the first: Tab is the way out), and Enter plays the one selected."""

    LINK_KEYS = "Ctrl+Tab / Ctrl+Shift+Tab"
    # the shortcut sheet's line (the keys are the text browser's own, not a shortcut the sheet finds)
    SHEET_LINE = ("Ctrl+Tab or Ctrl+Shift+Tab", "In the feedback text: the next or previous time link (Enter plays "
                  "from it); Tab leaves the feedback text")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._to_links = False

    def _links(self) -> list[tuple[int, int]]:
        """Each link of the text, where it starts and ends (anchors with an href, the ones Qt's link walk visits)."""
        found = []
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                part = it.fragment()
                if part.charFormat().anchorHref():
                    found.append((part.position(), part.position() + part.length()))
                it += 1
            block = block.next()
        return found

    def focusNextPrevChild(self, next: bool) -> bool:
        if self._to_links:
            return super().focusNextPrevChild(next)
        return QTextEdit.focusNextPrevChild(self, next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            back = event.key() == Qt.Key.Key_Backtab or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            links, cursor = self._links(), self.textCursor()
            past = [a for a, b in links if b <= cursor.selectionStart()] if back else \
                [a for a, _ in links if a >= cursor.selectionEnd()]
            if not links:                       # a text with no link is left as Tab leaves it (Qt's walk would first
                QTextEdit.focusNextPrevChild(self, not back)      # put the cursor at the top: read40b)
                event.accept()
                return
            if not past:                        # round again from the far end, not out of the pane (walk51's leftover)
                cursor.movePosition(QTextCursor.MoveOperation.End if back else QTextCursor.MoveOperation.Start)
                self.setTextCursor(cursor)
            self._to_links = True
            try:
                self.focusNextPrevChild(not back)
            finally:
                self._to_links = False
            event.accept()
            return
        if event.modifiers() == Qt.KeyboardModifier.ControlModifier and event.key() in (Qt.Key.Key_End, Qt.Key.Key_Home):
            # the text's end or start (fixDJ, walk57 7: Ctrl+End did nothing in the read-only text), its cursor there
            # too, so Ctrl+Shift+Tab from the end goes to the last time link
            cursor = self.textCursor()
            end = event.key() == Qt.Key.Key_End
            cursor.movePosition(QTextCursor.MoveOperation.End if end else QTextCursor.MoveOperation.Start)
            self.setTextCursor(cursor)
            bar = self.verticalScrollBar()
            bar.setValue(bar.maximum() if end else 0)
            event.ignore()              # and up to the page, which shows the pane's end (practice._scroll_feedback)
            return
        super().keyPressEvent(event)


class FeedbackView(QWidget):
    """Shows a feedback document. Emits playFrom(seconds) when evidence or a transcript time is clicked."""

    playFrom = Signal(float)
    askFollowUps = Signal(list)
    noteChanged = Signal(str, int)          # note, rating (0 = none)
    noteEntered = Signal()                  # Enter in the note: saved, and the note is done with (walk58 finding 1)
    rejudgeRequested = Signal()

    def __init__(self, parent: QWidget | None = None, placeholder: str = "Answer a prompt to see feedback here.",
                 follow_ups: bool = False):
        super().__init__(parent)
        self.placeholder = placeholder
        self.follow_ups = follow_ups        # "Answer the next follow-up" is offered (Practice; History has no turn to take)
        self.document: Doc | None = None
        # the document's context, drill and follow-up line (re-rendered with `since`)
        self._shown: tuple[str | None, list[str] | None, str | None] = (None, None, None)
        self.since: str | None = None                # "Last time 31 (yesterday) → now 100 (+69)" (show_since)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        actions = QHBoxLayout()
        self.play = QPushButton("▶ Play answer")
        self.play.clicked.connect(lambda: self.playFrom.emit(0.0))
        accessible.name(self.play, "Play answer")
        # one at a time (walk46 3): "Answer the follow-ups" read as if F asked them all (fixBI noticed, review37a)
        self.ask = QPushButton("Answer the next follow-up")      # Practice adds its key, from its shortcut
        self.ask.setToolTip("The interviewer asks the next one (aloud when the voice is on); your next answer answers it "
                            "and counts for the point it asks about. Retry answers the whole question again.")
        self.ask.clicked.connect(lambda: self.askFollowUps.emit(list(self.document["follow_ups"]) if self.document else []))
        self.rejudge = QPushButton("Judge again with the current judge")
        self.rejudge.setToolTip("Scores are stored as they were shown. This re-scores the saved transcript with "
                                "today's judge against the question's key points as they read now, replaces them "
                                "and says what changed.")
        self.rejudge.clicked.connect(self.rejudgeRequested)
        for button in (self.play, self.ask, self.rejudge):
            actions.addWidget(button)
        actions.addStretch(1)
        lay.addLayout(actions)
        self.view = PaneBrowser()
        self.view.setOpenLinks(False)
        self.view.anchorClicked.connect(self._link)
        accessible.name(self.view, "Feedback", "The score, the key points with your words, and the transcript; "
                        f"{PaneBrowser.LINK_KEYS} move between its time links, Enter plays from one")
        # on a wide screen the page stays a readable column (about 150 characters a line), centred
        # (stretches either side take only what the view cannot: an aligned widget would shrink to its size hint)
        column = QHBoxLayout()
        column.addStretch(0)
        column.addWidget(self.view, 1)
        column.addStretch(0)
        lay.addLayout(column, 1)
        # the follow-ups asked over this feedback, under it: the page reads top to bottom in time order (walkthrough
        # 13: they replaced the question above the feedback they followed)
        self.asked = QLabel()
        self.asked.setWordWrap(True)
        self.asked.setTextFormat(Qt.TextFormat.PlainText)
        self.asked.setStyleSheet(f"QLabel {{ background: {soft(ACCENT)}; border-left: 4px solid {ACCENT}; "
                                 "padding: 6px; font-weight: 600; }")
        self.asked.hide()
        self._fit_column()                              # the follow-ups in the feedback's column (review 17)
        under = QHBoxLayout()
        under.addStretch(0)
        under.addWidget(self.asked, 1)
        under.addStretch(0)
        lay.addLayout(under)
        self.note = QLineEdit()
        self.note.setPlaceholderText("Your note: what would you change next time?")
        # the rating, then the note and Save note (session 16: Tab went note -> rating; a rating first, then a note)
        rating_row = QHBoxLayout()
        rating_row.setContentsMargins(0, 0, 0, 0)
        scale = QLabel("How did it feel?")
        scale.setToolTip(RATING_SCALE)
        rating_row.addWidget(scale)
        self.rating = QButtonGroup(self)
        keys = _RatingKeys(self.rating, self.note, self.clear_rating)
        for i in range(1, 6):
            choice = QRadioButton(str(i))
            choice.setToolTip(f"{RATING_SCALE} (Delete clears it)")
            accessible.name(choice, f"Rate {i} of 5", f"{RATING_SCALE} (Delete clears it)")
            choice.installEventFilter(keys)
            self.rating.addButton(choice, i)
            rating_row.addWidget(choice)
        self.unrate = QToolButton()                   # shown while a rating is set: back to no rating
        self.unrate.setText("×")
        self.unrate.setAutoRaise(True)
        self.unrate.setToolTip("Clear the rating (Delete on the rating)")
        self.unrate.setAccessibleName("Clear the rating")
        self.unrate.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # the mouse's way; the keyboard's is Delete on the scale
        self.unrate.clicked.connect(self.clear_rating)
        policy = self.unrate.sizePolicy()
        policy.setRetainSizeWhenHidden(True)          # the row does not shift when it comes and goes
        self.unrate.setSizePolicy(policy)
        rating_row.addWidget(self.unrate)
        self.rating_bar = QWidget()
        self.rating_bar.setLayout(rating_row)
        note_line = QHBoxLayout()                     # the note, Save note and "Saved"
        note_line.setContentsMargins(0, 0, 0, 0)
        note_line.addWidget(self.note, 1)
        accessible.name(self.note, "Your note", "What would you change next time? Enter saves it")
        self.save_note = QPushButton("Save note")
        self.save_note.clicked.connect(self.commit_note)
        self.save_note.installEventFilter(keys)       # the stop after the note: see _RatingKeys
        self.note.returnPressed.connect(self._note_entered)
        self._saved_note: tuple[str, int] = ("", 0)
        note_line.addWidget(self.save_note)
        self.saved = QLabel("Saved")                  # shown by note_saved(), once the note is stored
        self.saved.setStyleSheet(f"color: {GOOD};")
        self.saved.hide()
        note_line.addWidget(self.saved)
        self.note_bar = QWidget()
        self.note_bar.setLayout(note_line)
        self._saved_timer = QTimer(self)
        self._saved_timer.setSingleShot(True)
        self._saved_timer.setInterval(SAVED_SHOWN_MS)
        self._saved_timer.timeout.connect(self.saved.hide)
        self.note.textEdited.connect(lambda _t: self.saved.hide())        # changed since: no longer true
        self.rating.idToggled.connect(lambda _i, _on: self.saved.hide())
        self.rating.idToggled.connect(lambda _i, _on: self._rating_tab_stop())
        self.rating.idToggled.connect(lambda _i, _on: self.unrate.setVisible(self.rating.checkedId() > 0))
        self._note_grid = QGridLayout()
        self._note_grid.setContentsMargins(0, 0, 0, 0)
        self._note_two_rows: bool | None = None
        self.note_row = QWidget()
        self.note_row.setLayout(self._note_grid)
        self._place_note_row()
        lay.addWidget(self.note_row)
        scale_buttons = [self.rating.button(i) for i in range(1, 6)]
        for before, after in zip(scale_buttons, [*scale_buttons[1:], self.note, self.save_note]):
            QWidget.setTabOrder(before, after)        # Tab: the rating (one stop), the note, Save note
        self.clear()

    def readable_width(self) -> int:
        """The feedback column's widest, READABLE_CHARS characters of its text's size."""
        return self.view.fontMetrics().averageCharWidth() * READABLE_CHARS + 2 * self.view.frameWidth()

    def _fit_column(self) -> None:
        width = self.readable_width()
        self.view.setMaximumWidth(width)
        self.asked.setMaximumWidth(width)

    def set_text_size(self, points: float) -> None:
        """The feedback's text this size (pt), its column as wide as READABLE_CHARS of it (Practice's, larger in a
        large window: walk38)."""
        font = self.view.font()
        if font.pointSizeF() != points:
            font.setPointSizeF(points)
            self.view.setFont(font)
            self._fit_column()

    def _place_note_row(self) -> None:
        """The rating and the note on one row when there is room, else the note with Save note under the rating: in
        History's pane at 1366x768 the note field beside it was about 100 px wide (walkthrough 5)."""
        two_rows = self.width() < NOTE_ROW_SPLIT_BELOW
        if two_rows == self._note_two_rows:
            return
        self._note_two_rows = two_rows
        self._note_grid.removeWidget(self.rating_bar)
        self._note_grid.removeWidget(self.note_bar)
        self._note_grid.setColumnStretch(0, 0)
        self._note_grid.setColumnStretch(1, 0)
        if two_rows:
            self._note_grid.addWidget(self.rating_bar, 0, 0, Qt.AlignmentFlag.AlignLeft)
            self._note_grid.addWidget(self.note_bar, 1, 0)
            self._note_grid.setColumnStretch(0, 1)
        else:
            self._note_grid.addWidget(self.rating_bar, 0, 0)
            self._note_grid.addWidget(self.note_bar, 0, 1)
            self._note_grid.setColumnStretch(1, 1)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_note_row()

    def _rating_tab_stop(self) -> None:
        """The rating is one Tab stop, as a radio group: on its value, or on 1 when none is chosen. Qt moves a group's
        stop only to a button that gets the focus, so Tab entered on the last one focused ("5", on another
        attempt). A click focuses a rating too, so the arrows then move it."""
        stop = self.rating.checkedButton() or self.rating.button(1)
        for b in self.rating.buttons():
            b.setFocusPolicy(Qt.FocusPolicy.StrongFocus if b is stop else Qt.FocusPolicy.ClickFocus)

    def _set_rating(self, rating: int) -> None:
        self.rating.setExclusive(False)               # an exclusive group cannot uncheck its checked button
        for b in self.rating.buttons():
            b.setChecked(self.rating.id(b) == rating)
        self.rating.setExclusive(True)
        self._rating_tab_stop()
        self.unrate.setVisible(rating > 0)

    def clear_rating(self) -> None:
        """No rating (stored as none: History shows "–", the exports leave it out). The focus stays on the scale
        when it was there or on the clear button (which hides)."""
        focused = QApplication.focusWidget()
        on_scale = focused is self.unrate or focused in self.rating.buttons()
        if self.rating.checkedId() <= 0:
            return
        self._set_rating(0)
        self.saved.hide()
        if on_scale:
            self.rating.button(1).setFocus(Qt.FocusReason.OtherFocusReason)

    def verticalScrollBar(self) -> QScrollBar:
        return self.view.verticalScrollBar()

    def _link(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("t:"):
            self.playFrom.emit(float(text[2:]))

    def clear(self, text: str | None = None) -> None:
        """Back to the placeholder (History: nothing selected, or the attempt was filtered out or deleted)."""
        self.document = None
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.view.setHtml(f"<p style='color:{Colors(self.palette()).muted}'>{e(text or self.placeholder)}</p>")
        for w in (self.play, self.ask, self.rejudge, self.note_row):
            w.hide()

    def show_asked(self, questions: Sequence[str], how: str, count: str = "") -> None:
        """The interviewer's follow-up, asked after this feedback, under it, with `how` to answer; `count`: which of
        the open ones it is ("1 of 3": one is asked at a time, walk46 3)."""
        said = f"The interviewer follows up ({count}):" if count else "The interviewer follows up:"
        self.asked.setText(said + "\n" + "\n".join(questions) + f"\n{how}")
        self.asked.show()

    def show_analysis(self, analysis: Any, note: str = "", rating: int = 0, drill: list[str] | None = None,
                      follow_up: str | None = None, next_up: NextUp | None = None,
                      also: list[str] | None = None) -> None:
        """A fresh answer (Practice): rendered from the same document History stores; `next_up`: the follow-up F
        asks next and how many more wait after it (`Rehearsal.next_follow_up`), shown alone; `also`: a follow-up
        answer's points covered that it was not asked about and that count (FollowUpTurn.also_covered; [] none of
        them; None: no other point was still missed)."""
        doc = feedback_document(analysis)
        if also is not None:
            doc = {**doc, "also_covered": list(also)}
        if next_up is not None:
            doc = {**doc, "next_up": next_up._asdict()}
        self.show_document(doc, note, rating, drill=drill, follow_up=follow_up)

    def show_document(self, doc: Doc, note: str = "", rating: int = 0, context: str | None = None,
                      can_rejudge: bool = False, drill: list[str] | None = None, follow_up: str | None = None) -> None:
        """Render `doc`. `context` (History) names the question and when it was answered above the scores (a
        line each). `drill`: the points a drill asked this answer to cover (stored with the attempt)."""
        self.document, self._shown, self.since = doc, (context, drill, follow_up), None
        self.asked.hide()                       # a new answer's feedback: the follow-ups asked are behind it
        # A scroll bar from the start: "as needed" laid every long page out twice (full width, then again beside
        # the scroll bar it turned out to need), doubling the cost of opening an attempt on the GUI thread.
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.view.setHtml(document_html(doc, Colors(self.palette()), context, drill, follow_up=follow_up))
        self.play.setVisible(bool(doc["timed"]))
        self.ask.setVisible(self.follow_ups and bool(doc["follow_ups"]))
        self.rejudge.setVisible(can_rejudge)
        self.note.setText(note)
        self.note.setCursorPosition(0)          # a long note shows its beginning, not its last words
        self._set_rating(rating)
        self._saved_note = (note, rating)
        self.note_row.show()
        self.saved.hide()

    def show_since(self, since: str | None) -> None:
        """Add the comparison with the last answer (it comes from History after the feedback is up), where the
        reader was."""
        if self.document is None or since == self.since:
            return
        self.since = since
        at = self.view.verticalScrollBar().value()
        context, drill, follow_up = self._shown
        self.view.setHtml(document_html(self.document, Colors(self.palette()), context, drill, since=since,
                                        follow_up=follow_up))
        self.view.verticalScrollBar().setValue(at)

    def _note_now(self) -> tuple[str, int]:
        return self.note.text(), max(self.rating.checkedId(), 0)

    def commit_note(self) -> None:
        """Save the note and rating (the button, Enter in the note, or leaving the feedback with them changed)."""
        self._saved_note = self._note_now()
        self.noteChanged.emit(*self._saved_note)

    def _note_entered(self) -> None:
        """Enter in the note: saved as typed, then `noteEntered` (Practice gives the keyboard back to its keys)."""
        self.commit_note()
        self.noteEntered.emit()

    def note_saved(self) -> None:
        """Say "Saved" beside Save note for a few seconds (the note and rating are stored)."""
        self.saved.show()
        self._saved_timer.start()

    def has_unsaved_note(self) -> bool:
        return self.document is not None and not self.note_row.isHidden() and self._note_now() != self._saved_note

    def checklist(self) -> list[tuple[bool, str]]:
        """The key points as shown: (hit, label)."""
        return [(bool(k["hit"]), k["label"]) for k in (self.document or {}).get("key_points", [])]


def transcript_html(doc: Doc, colors: Colors | None = None, carded: list[Doc] | None = None) -> str:
    """The transcript with evidence highlighted, fillers underlined, hedges in italics, a time at each segment; the
    words History's search found (doc["searched"]: what was typed in it) marked in yellow. `carded`: the key points
    whose cards the page shows (default: all), the only evidence highlighted: a follow-up answer shows only the
    points asked about, and a sentence credited to another one, green beside a red ✗, read as evidence for the point
    missed (walk67 2, 07)."""
    highlight = colors.tint(GOOD, 0.3) if colors else "#c8e6d0"
    marker = colors.tint(SEARCHED, 0.5) if colors else "#f9e07f"
    muted = colors.muted if colors else "gray"
    segments = doc["transcript"].get("segments", [])
    words = [w for s in segments for w in s.get("words", []) if w["word"].strip()]
    if not words:
        return f"<p>{e(doc['transcript'].get('text') or '')}</p>"
    evidence = {i for k in (doc["key_points"] if carded is None else carded) for ev in k["evidence"]
                if ev.get("first_word") is not None and ev.get("last_word") is not None
                for i in range(ev["first_word"], ev["last_word"] + 1)}
    # every word of a phrase ("I think", "you know"); an answer saved before walk18 has only each one's first
    fillers, hedges = ({*(found.get("words") or found.get("at") or [])}
                       for found in (doc["delivery"].get(kind) or {} for kind in ("fillers", "hedges")))
    searched = searched_words([w["word"] for w in words], doc["searched"]) if doc.get("searched") else set()
    segment_starts = set()
    count = 0
    for seg in segments:
        segment_starts.add(count)
        count += sum(1 for w in seg.get("words", []) if w["word"].strip())
    out = []
    for i, w in enumerate(words):
        text = e(w["word"].strip())
        if i in searched:                       # inside the evidence's mark: its colour shows on evidence too
            text = f"<span style='background-color:{marker}'>{text}</span>"
        if i in evidence:
            text = f"<span style='background-color:{highlight}; font-weight:600'>{text}</span>"
        if i in fillers:
            text = f"<u style='color:{WARN}'>{text}</u>"
        if i in hedges:
            text = f"<i>{text}</i>"
        # a figure a window's seam split ("$200" | ",000 a year") goes on, with no time nor space inside (walk60 7)
        goes_on = bool(i) and continues_figure(words[i - 1]["word"], w["word"])
        if doc["timed"] and i in segment_starts and not goes_on:
            text = f"<a href='t:{w['start']}' style='color:{muted}; text-decoration:none'>[{fmt_time(w['start'])}]</a> " \
                   + text
        glue = " " if i and not goes_on and (w["word"][:1].isspace() or i in segment_starts) else ""
        out.append(glue + text)
    return "<p style='line-height:150%'>" + "".join(out) + "</p>"
