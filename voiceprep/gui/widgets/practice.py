"""Practice: pick a bank and round, hear the prompt, answer out loud, see feedback."""

from __future__ import annotations

import dataclasses
import html
import logging
import textwrap
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QPalette, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from voiceprep.app import Action, RehearsalState, scored
from voiceprep.app.pause import countdown_text, silence_stop_text, silence_stopped_line
from voiceprep.app.question_names import short_questions
from voiceprep.app.recap import (
    cut_off_said,
    last_given_with,
    left_offered,
    positions_text,
    recap_lines,
    resume_index,
    since_last_time,
    skipped_prompts,
    skipped_waiting,
)
from voiceprep.core.analysis.scoring import shares_explained
from voiceprep.core.banks.load import BankError
from voiceprep.core.banks.model import Bank
from voiceprep.core.rehearsal import NextUp, Rehearsal
from voiceprep.core.transcript import join_said
from voiceprep.core.wording import ALSO_COUNTS_YOUR_ANSWER, TYPED_AND_TRIED, counted, cut_at_word, score_text
from voiceprep.gui import controller as c
from voiceprep.gui.operations import query
from voiceprep.gui.widgets import accessible, common
from voiceprep.gui.widgets.app_events import watch
from voiceprep.gui.widgets.common import (
    BAD,
    WARN,
    Card,
    LineButton,
    ScoreBar,
    big_number,
    flow_row,
    heading,
    keyboard_buttons,
    muted,
    plain,
    sentence_case,
    soft,
)
from voiceprep.gui.widgets.feedback import READABLE_CHARS, FeedbackView, fmt_time
from voiceprep.gui.widgets.shortcuts import described, key_text, keys_text
from voiceprep.gui.widgets.typing_guard import SINGLE_KEYS, TypeAhead, TypingWatch
from voiceprep.settings import (
    BANK_PROBLEM_CHARS,
    DRILL_LABEL_CHARS,
    FEEDBACK_FIT_LINES,
    FEEDBACK_MIN_LINES,
    RECAP_LARGE,
    SPOKEN_PROGRESS_EVERY_S,
    SPOKEN_PROGRESS_POINTS,
)

log = logging.getLogger(__name__)

_now = time.monotonic          # the clock of what a screen reader hears of a counting line (tests set it)
READY_STATES = (c.IDLE, c.SPEAKING, c.THINKING, c.RECORDING)     # a question is up; Space answers or stops
BANK_EDITED = "bank edited"     # a notice's kind: the bank of the round going was edited (NoticeBar.kind)
AUDIO_FILTER = "Audio (*.wav *.flac *.ogg *.mp3 *.m4a);;All files (*)"



# what each of the Practice page's keys does, on the keyboard-shortcuts sheet (F1)
PROCESSING_TEXT = "Finishing the transcript and checking your key points…"
CANCELLING_IMPORT = "Cancelling the import… nothing is saved."
# the answer waits: the model changed in Settings loads once the cancelled import's last window is done (fixBJ)
STARTING_MIC = "Starting the microphone… press {space} to stop."     # its stream opening (0.9 s under PulseAudio)
STOPPING_AT_OPEN = "Stopping as soon as the microphone is open…"
CANCELLING_MIC = "Cancelling the answer… nothing is saved."     # Esc while the microphone opens
FINISHING_CANCELLED = "Finishing the last transcription before the new model loads…"   # read37: not only after a cancel
SPEAK_CAPTIONS = "Live captions appear here while you speak."
IMPORT_CAPTIONS = "The file's words appear here as it is transcribed."
# F with no follow-up open (walk57 6: F did nothing, silently, under "Follow-up 1 of 2")
NO_FOLLOW_UP_LEFT = "{n}: no follow-up left to ask about this answer (one is asked only about a key point still missed)."
# Welcome back's button for the question it says was skipped, and its tooltip (read42b 6: they were inline)
ANSWER_SKIPPED = "Answer it now"
# a typed answer Submit could not hand over (no answer can be given now): kept as the dialog's draft (read47a)
TYPED_NOT_TAKEN = "Your typed answer could not be checked now. It is kept: Type answer ({key}) opens it again."
ANSWER_SKIPPED_TIP = ("Asks “{question}”, the question you skipped, on its own (as One prompt… does); Start round asks "
                      "the round from its first question.")
# the same button for the question whose last answer was cut off (walk62 7: "… Answer it again." had no button)
ANSWER_CUT_OFF_TIP = ("Asks “{question}”, the question your last answer was cut off on, on its own (as One prompt… "
                      "does); Start round asks the round from its first question.")
# a drill answer cut off: its points asked again (read46c 7: the whole question was asked)
ANSWER_CUT_OFF_DRILL_TIP = ("Asks “{question}” again as the drill your last answer was cut off on, for its points: "
                            "{points}. Start round asks the round from its first question.")
# what the card says before a round: with one chosen, Start round begins it (walk67 7: "Choose a round" with one chosen)
CHOOSE_ROUND = "Choose a bank and a round, then press Start round."
ROUND_CHOSEN = "Press Start round to begin “{round}”{another}."
BANK_READY = "Your bank “{name}” is ready: press Start round to begin “{round}”{another}."
ANOTHER_ROUND = ", or choose another round"      # said only when the bank has another (read51b: said with one round)
BANK_READY_NO_ROUND = "Your bank “{name}” is ready: choose a round, then press Start round."


def choice_text(bank: Bank | None, round_id: str | None, ready: str = "") -> str:
    """What Start round will do, said before a round: begin the round chosen (named; "or choose another round" only
    when the bank has another), else choose one; `ready`: a bank just made, said ready too."""
    title = bank.round(round_id).title if bank is not None and round_id is not None else ""
    another = ANOTHER_ROUND if bank is not None and len(bank.rounds) > 1 else ""
    return (BANK_READY.format(name=ready, round=title, another=another) if ready and title else
            BANK_READY_NO_ROUND.format(name=ready) if ready else
            ROUND_CHOSEN.format(round=title, another=another) if title else CHOOSE_ROUND)


DRILL_AGAIN_TITLE = "Drill: the points your cut-off answer asked for"
NEXT_PENDING = PROCESSING_TEXT + " Next question as soon as your feedback is saved ({n} again or Esc: stay on it)."
COMMANDS = {"Space": "Start or stop your answer", "R": "Retry this question (start over)", "N": "Next question",
            "C": "Continue the answer just stopped, by Space or the silence (what you add joins it)",
            "F": "Answer the follow-up questions", "Ctrl+P": "Replay the question", "Ctrl+I": "Import audio as "
            "your answer", "Ctrl+T": "Type an answer", "Ctrl+Z": "Bring back the question you just skipped",
            "Alt+N": "Write a note on the answer (its feedback's note field)",
            "Alt+B": "Choose the bank to rehearse (the Bank box), from anywhere on this page"}

class LevelMeter(QProgressBar):
    def __init__(self):
        super().__init__()
        self.setRange(0, 100)
        self.setTextVisible(False)
        self.setFixedHeight(10)
        self.setStyleSheet("QProgressBar { border: none; border-radius: 5px; background: rgba(128,128,128,0.2); }"
                           "QProgressBar::chunk { border-radius: 5px; background: #2e9d57; }")

    def set_level(self, rms: float) -> None:
        import math

        db = 20 * math.log10(max(rms, 1e-5))          # -100 .. 0 dBFS
        self.setValue(int(max(0.0, min(100.0, (db + 60) / 60 * 100))))


class NoticeBar(QFrame):
    """A dismissible notice above the prompt ("No microphone found…")."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("notice")
        self.setStyleSheet(f"QFrame#notice {{ background: {soft(WARN)}; border-radius: 6px; }}")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        self.label = plain()
        self.label.setWordWrap(True)
        row.addWidget(self.label, 1)
        # ✕ is made first, so Tab reaches it before the action drawn left of it (walk17: Tab meant for ✕ stopped on
        # "Restart the round now" just before it, and Space restarted the round; a setTabOrder here is lost when the
        # bar is put in the page)
        self.close_btn = QToolButton(self)
        self.close_btn.setText("✕")
        self.close_btn.setToolTip("Dismiss")
        accessible.name(self.close_btn, "Dismiss")
        self.close_btn.setAutoRaise(True)
        self.close_btn.clicked.connect(self.hide)
        self.action_btn = QPushButton(self)      # what the notice offers to do about it ("Undo skip")
        self.action_btn.hide()
        self.action_btn.clicked.connect(lambda: self._action() if self._action is not None else None)
        row.addWidget(self.action_btn, 0, Qt.AlignmentFlag.AlignTop)
        self._action: Callable[[], None] | None = None
        self._said = ""                         # the text show_text said (show_also adds a line under it)
        row.addWidget(self.close_btn, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

        self.kind = c.SESSION                   # what the notice shown is about (c.ANSWER: one answer)

    def show_text(self, text: str, kind: str = c.SESSION, action: tuple[str, Callable[[], None]] | None = None) -> None:
        """Show `text`; `action` (a button's text, what it does): a button beside it."""
        self.label.setText(text)
        self._said = text
        self.kind = kind
        self._action = action[1] if action is not None else None
        self.action_btn.setText(action[0] if action is not None else "")
        self.action_btn.setVisible(action is not None)
        # tabbed as it reads, the button then ✕ (walk57 5: Shift+Tab from ✕ to reach "Interface size…" landed on
        # Drill my weak points); a restart of the round keeps ✕ first (walk17). Set here: the bar is in the page now
        if kind == BANK_EDITED:
            QWidget.setTabOrder(self.close_btn, self.action_btn)
        else:
            QWidget.setTabOrder(self.action_btn, self.close_btn)
        self.show()

    def text(self) -> str:
        return self.label.text()

    def show_also(self, text: str, kind: str = c.SESSION) -> None:
        """Show `text`; when the bar says one answer's notice with its button ("Skipped …  Undo skip", a continued
        round's "… left out  Ask it again too"), `text` is said on a line under it, the button kept (walk49: the
        speaker's notice replaced the left-out one and its button was never seen)."""
        if self.isVisible() and self.kind == c.ANSWER and self._action is not None:
            self.label.setText(f"{self._said}\n{text}")
            return
        self.show_text(text, kind)


class TypeAnswerDialog(QDialog):
    """Type an answer instead of speaking it: wrapped text, a word count, Ctrl+Enter submits."""

    SUBMIT_KEYS = ("Ctrl+Return", "Ctrl+Enter")      # its keys, also on the keyboard-shortcuts sheet (sheet_lines)
    SUBMIT = "Type answer: check what you typed"

    @classmethod
    def sheet_lines(cls) -> list[tuple[str, str]]:
        """The dialog's keys for the F1 sheet, whether or not it is open."""
        return [(keys_text(cls.SUBMIT_KEYS), cls.SUBMIT)]

    def __init__(self, prompt_text: str, draft: str = "", parent: QWidget | None = None,
                 on_text: Callable[[str], None] | None = None):
        super().__init__(parent)
        self.on_text = on_text          # the text at every change (the controller's pre-embedding; returns at once)
        self.setWindowTitle("Type your answer")
        self.resize(640, 420)
        lay = QVBoxLayout(self)
        question = heading(prompt_text, 12)
        lay.addWidget(question)
        self.editor = QPlainTextEdit(draft)
        self.editor.moveCursor(QTextCursor.MoveOperation.End)      # a draft goes on where it ended (read47a)
        accessible.name(self.editor, "Your answer", prompt_text)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.editor.setPlaceholderText("Answer as you would say it. Typed answers are checked against your key "
                                       f"points; pace and pauses are only measured for spoken answers. {TYPED_AND_TRIED}")
        self.editor.setToolTip(TYPED_AND_TRIED)
        lay.addWidget(self.editor, 1)
        row = QHBoxLayout()
        self.count = muted("")
        row.addWidget(self.count, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_btn = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        lay.addLayout(row)
        for key in self.SUBMIT_KEYS:
            submit = described(QShortcut(QKeySequence(key), self), self.SUBMIT)
            submit.activated.connect(self._submit)
        self.ok_btn.setText(f"Check my answer  ({key_text(submit)})")     # named by the last: "Ctrl+Enter"
        self.editor.textChanged.connect(self._update)
        self._update()
        self.editor.setFocus()

    def text(self) -> str:
        return self.editor.toPlainText()

    def _update(self) -> None:
        text = self.text()
        words = len(text.split())
        self.count.setText(f"{words} words")
        self.ok_btn.setEnabled(words > 0)
        if self.on_text is not None:
            self.on_text(text)

    def _submit(self) -> None:
        if self.text().strip():
            self.accept()


ROUND_SHARES_EXPLAINED = shares_explained("round")
# by the summary's bars when a question was skipped: they count it as 0 (walk16: Depth 59 here, 100 in the one
# answered question's feedback, and nothing said why)
SKIPPED_IN_BARS = "Skipped questions count as 0 in these bars."
QUESTION_BY_QUESTION = "Question by question"     # the round summary's column of lines that open in History
# the round summary's toggle for the Delivery cards to work on (mendM's leftover: they were only in a tooltip; walk63 8:
# where a competency scores delivery too); its arrow says shut or open
DELIVERY_CARDS_BUTTON = ("Delivery ▸", "Delivery ▾")
DELIVERY_CARDS_NAME = "Delivery: how you said it, the cards to work on by question"
# the welcome back's lines wrap at the panel's width, at most this many (average) characters wide: a readable line
# in a very wide window (walk23: broken at 95, ~830 px of the 1366x768 window's panel, its right half empty; walk38:
# at 160 it broke at two thirds of the card at 2560x1440). The feedback's column is as wide.
RECAP_CHARS = READABLE_CHARS


def clock_text(seconds: float, target: float) -> str:
    """The recording's clock: "0:17 / 3:00" against the question's target; a follow-up's answer (`target` 0) is held
    to no time: "0:17 · no time target"."""
    if target <= 0:
        return f"{fmt_time(seconds)} · no time target"
    return f"{fmt_time(seconds)} / {fmt_time(target)}"


def transcribing_done(left: float, seconds: float) -> int:
    """The percentage of the answer transcribed, as its state line says it (0-99)."""
    return max(0, min(99, round(100 * (seconds - left) / seconds))) if seconds > 0 else 0


def transcribing_left_text(left: float, seconds: float) -> str:
    """The state line after a Stop while the answer's words are still decoded (a busy machine: walk53 2, 47 s
    of "processing" alone): what is left and how far it is, then what follows. Under a second left: only the
    checking is (PROCESSING_TEXT)."""
    if left < 1.0 or seconds <= 0:
        return PROCESSING_TEXT
    done = transcribing_done(left, seconds)
    def span(x: float) -> str:
        return f"{int(round(x))} s" if x < 59.5 else fmt_time(x)
    if done == 0:                   # read40d: not "the last 2 s of your 2 s answer (0% done)"
        return f"Transcribing your {span(seconds)} answer, then checking your key points…"
    return (f"Transcribing the last {span(left)} of your {span(seconds)} answer ({done}% done), then "
            "checking your key points…")


def round_message(answered: int, total: int, overall: float, what: str = "Round",
                  scores: Sequence[float] = (), weak: bool = True, tries: Sequence[float] | None = None) -> str:
    """The headline over a round's summary (app.scored.headline)."""
    return scored.headline(answered, total, overall, what, scores, weak, tries)


CONTINUING_LINE = "Continuing your answer: what you say now is added to it, and the whole answer is scored again."


def skipped_heading(n: int) -> str:
    """The summary's list of the questions skipped, headed in their number (walk14: "these" of one)."""
    return f"Skipped: answer {'it' if n == 1 else 'these'} next time"


def best_try_lines(rehearsal: Rehearsal, what: str) -> list[str]:
    """Under a summary's overall: which try of a question answered more than once counts (its best), and what the
    last one scored (walkthrough 11: tries of 89, 19 and 2 ended "Overall 2/100" with no word of the first)."""
    best = rehearsal.best_tries()
    if what == "Prompt" and best:
        b = next(iter(best.values()))
        return [f"Counting your best of {b.tries} tries: try {b.number}, {score_text(b.score)}"
                + ("" if b.number == b.last_number else f" (the last, try {b.last_number}, scored {score_text(b.last)})") + "."]
    lines = []
    for p in rehearsal.prompts:
        if (t := best.get(p.id)) is not None:
            question = textwrap.shorten(p.text, 70, placeholder="…")
            lines.append(f"“{question}”: best of {t.tries} tries counted, try {t.number} ({score_text(t.score)})"
                         + ("" if t.number == t.last_number else f"; the last scored {score_text(t.last)}"))
    return lines


def point_shown(label: str) -> str:
    """A key point's label as "Drill next" lists it: DRILL_LABEL_CHARS at most, cut at a word ("…", no comma before)."""
    return cut_at_word(label, DRILL_LABEL_CHARS - 1)


def drill_next_lines(bank: Bank, missed: Sequence[tuple[str, str]], limit: int | None = None,
                     named: bool = True, short: bool = True) -> list[str]:
    """The summary's "Drill next", a line a (prompt id, key point id): the point's wording (DRILL_LABEL_CHARS at
    most, `short`; whole, and its question whole, not `short`: the line's tooltip) and its question's, short
    (walk46 5: "The result, with a number" — which question?; walkthrough 12: one wording twice, no question named).
    Only the first `limit` are listed, then how many more were missed (walk22: 6 of 10 listed, 4 unsaid). `named`
    False (One prompt…: its question is the summary's title), the points alone."""
    shown = missed[:limit] if limit is not None else missed
    points = [(bank.prompt(pid), next(k for k in bank.prompt(pid).key_points if k.id == kid)) for pid, kid in shown]
    more = len(missed) - len(shown)

    names = short_questions([p.text for p, _ in points])

    def line(question: str, label: str) -> str:
        if not short:
            return label + (f" (in “{question.rstrip(' ')}”)" if named else "")
        return point_shown(label) + (f" (in “{names[question]}”)" if named else "")
    return [line(p.text, kp.label) for p, kp in points] + \
        [f"…and {counted(more, 'more missed point')}, not in this drill"] * bool(more)


def cut_off_line(rehearsal: Rehearsal) -> str | None:
    """Under a summary's overall: the answers the microphone cut off, left out of it as History leaves them out of
    every number (session 14: History left one out, the summary counted it)."""
    return f"{counted(rehearsal.cut_off, 'answer')} cut off, not counted (as in History)." if rehearsal.cut_off else None


class RecapLine(QLabel):
    """A line of the welcome back: wrapped at the panel's width, at most RECAP_CHARS characters wide. Its height is
    its text's at the width it is laid out at (a maximum width alone left it the panel's width's height: its lines
    were cut off)."""

    def __init__(self, text: str):
        super().__init__(text)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)

    def setFont(self, font) -> None:
        super().setFont(font)
        margins = self.contentsMargins()
        self.setMaximumWidth(self.fontMetrics().averageCharWidth() * RECAP_CHARS + 2 * self.margin()
                             + margins.left() + margins.right())

    def heightForWidth(self, width: int) -> int:
        return super().heightForWidth(min(width, self.maximumWidth()))


def bank_problems_text(errors: Sequence[BankError]) -> tuple[str, str]:
    """Practice's line for the bank files that did not load, and the first problem whole (for its tooltip): which
    files, where to see every problem (the Banks page), and the first problem as `banks check` words it, by file name
    ("broken.toml:9: a quoted text is not closed on line 9: ...", cut at a word; fixCI noticed the files only);
    ("", "") for none."""
    names = list(dict.fromkeys(Path(e.file).name for e in errors))
    if not names:
        return "", ""
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    have = "has problems and is" if len(names) == 1 else "have problems and are"
    see = "it" if len(errors) == 1 else f"all {len(errors)}"
    error = dataclasses.replace(errors[0], file=Path(errors[0].file).name)
    first = str(error)
    said = cut_at_word(first, BANK_PROBLEM_CHARS)
    message, where = error.message, first[:len(first) - len(error.message)].rstrip()
    if len(first) > BANK_PROBLEM_CHARS and first.endswith(message) and len(message) <= BANK_PROBLEM_CHARS:
        # walk68 3: the line was cut before its "did you mean 'stakeholder-management'?": the problem itself goes on
        # a line of its own, whole; its place is what is cut
        said = f"{cut_at_word(where, BANK_PROBLEM_CHARS)}\n{message}"
    return (f"{counted(len(names), 'bank file')} {have} not offered ({shown}): see {see}, with what to do, in Banks\n"
            f"{'The problem' if len(errors) == 1 else 'The first'}: {said}"), first


class PracticePage(QWidget):
    playAudio = Signal(str, float)      # audio path, start seconds
    historyChanged = Signal()
    openQuestion = Signal(str, str)     # bank id, prompt id: its answers in History
    openBanks = Signal()                # the Banks page, where the bank files with problems are listed
    # the bank or round in the boxes changed, or was offered, chosen or practised: the window writes it down at once
    # (walk61 9: written only at a clean quit, a killed window's next start opened on the first bank)
    lastBankChanged = Signal()
    recapShown = Signal()               # a welcome back is shown: there is a history (the first start's welcome goes)
    scrolls_itself = True               # the main window does not wrap this page in a scroll area

    def __init__(self, controller: c.RehearsalController, parent=None):
        super().__init__(parent)
        self.ctl = controller
        self.services = controller.services
        self.attempt_id: int | None = None
        self._attempt_prompt: str | None = None     # the prompt id of the attempt the feedback shows
        self.audio_path: str | None = None
        # everything scrolls in a small window except the answer buttons, which stay in view
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.page_scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # no invisible Tab stop before the Bank list
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        root = QVBoxLayout(body)
        root.setContentsMargins(0, 0, 6, 0)
        self._page_layout = root                # its least height: does the page fit (_fit_feedback)
        root.setSpacing(10)

        # choose what to rehearse: the lists shrink (long names elide, the full name is the tooltip) and the
        # buttons wrap to a second line in a narrow window
        pick = QHBoxLayout()
        self.bank_box = QComboBox()
        self.round_box = QComboBox()
        for box in (self.bank_box, self.round_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(10)
            box.currentIndexChanged.connect(lambda _i, b=box: b.setToolTip(b.currentText()))
        self.start_btn = QPushButton("▶ Start round")
        self.start_btn.setDefault(True)
        self.prompt_btn = QPushButton("One prompt…")
        self.drill_btn = QPushButton("Drill my weak points")
        weak = self.services.settings.history
        # the two drills pick different points (walkthrough leftover: nothing said why): each button says which
        # ... true before any answer too (walkthrough 20: on first launch it spoke of points "you missed most")
        self.drill_btn.setToolTip(f"Once you have answered questions of this bank, asks again the "
                                  f"{weak.weak_points_drilled} key points you missed most, over the last "
                                  f"{weak.weak_point_window} answers to each question (your history, not only the last "
                                  "round; not a question your newest answer covered whole, unless all are)"
                                  + (f", after the first {counted(weak.never_answered_drilled, 'question')}"
                                     " of the bank you have never answered, if any"
                                     if weak.never_answered_drilled else "")
                                  + ". Before your first answers there is nothing to drill yet.")
        self.bank_label = QLabel("Bank")         # its key is added once the shortcut is made (Alt+B)
        pick.addWidget(self.bank_label)
        pick.addWidget(self.bank_box, 3)
        round_label = QLabel("Round")
        round_label.setBuddy(self.round_box)         # a screen reader says "Round" before the round (walk47 1)
        self.bank_label.setBuddy(self.bank_box)
        pick.addWidget(round_label)
        pick.addWidget(self.round_box, 2)
        root.addLayout(pick)
        self._pick = pick
        for box in (self.bank_box, self.round_box):
            box.currentIndexChanged.connect(lambda _i: self._share_pick_row())
        # a bank file with problems is not in the Bank list: said here too, with the way to the Banks page that
        # lists the problems (walk39 8: the banks were simply absent from Practice)
        self.bank_problems_btn = QPushButton()
        self.bank_problems_btn.setFlat(True)
        self.bank_problems_btn.setStyleSheet("text-align: left;")
        self.bank_problems_btn.clicked.connect(self.openBanks.emit)
        self.bank_problems_btn.hide()
        root.addWidget(self.bank_problems_btn)
        # Welcome back's "You left “Round 4” at question 4 of 4": Start round began at question 1 (walk38); this
        # takes the round up where it was left, shown with the welcome back only
        self.resume_btn = QPushButton("Continue from question 2")
        self.resume_btn.setAutoDefault(True)           # Enter presses it once it has the keyboard, as Space does
        self.resume_btn.hide()
        # (bank id, round id, question index, ids of the questions answered in it, the stored round's id, the key points
        # each earlier answer hit) it continues
        self._left: tuple[str, str, int, tuple[str, ...], int | None, dict] | None = None
        # Welcome back's "You skipped “…”: answer it first today": asks it on its own, as Continue takes a round up
        # (fixDC: no key nor default button reached it, One prompt… only through its list)
        self.skipped_btn = QPushButton(ANSWER_SKIPPED)
        self.skipped_btn.setAutoDefault(True)          # Enter presses it once it has the keyboard, as Space does
        self.skipped_btn.hide()
        self._skipped: tuple[str, str] | None = None   # (bank id, prompt id) it asks
        self._skipped_drill: list[str] = []           # a cut-off drill answer's points: asked again as that drill
        root.addWidget(flow_row(self.start_btn, self.resume_btn, self.skipped_btn, self.prompt_btn, self.drill_btn))

        self.notice = NoticeBar()
        root.addWidget(self.notice)

        # the prompt
        card = Card()
        cl = QVBoxLayout(card)
        row = QHBoxLayout()
        self.position = muted(CHOOSE_ROUND)
        self._choice_said = CHOOSE_ROUND         # the position's text while it says what Start round will do
        row.addWidget(self.position, 1)
        self.replay_btn = QPushButton("↻ Replay")            # its key added from its shortcut, below
        row.addWidget(self.replay_btn, 0, Qt.AlignmentFlag.AlignTop)
        cl.addLayout(row)
        self.attempt_line = muted("")            # a retry: "Try 2 this session · last time 62 (4 of 6 key points)"
        self.attempt_line.hide()
        cl.addWidget(self.attempt_line)
        self._silence_notice = ""         # the silence stop's "Not finished? Press C" notice, while it may show
        self._before_continuing: tuple[bool, str] | None = None     # the line "Continuing your answer" covers
        self.prompt_text = heading("", 17)
        self.prompt_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        cl.addWidget(self.prompt_text)
        # a drill's points to cover belong to the question: under it, not in the notice bar, which any notice
        # ("I didn't hear an answer", "No speaker found") replaced, so the candidate lost what they were asked
        self.drill_note = plain("")
        self.drill_note.setWordWrap(True)
        self.drill_note.hide()
        cl.addWidget(self.drill_note)
        self.state_label = muted("")
        self._spoken_progress: tuple[int, float] | None = None   # a counting line's last spoken count, and when
        self.state_label.hide()                  # shown with something to say (_say_state)
        cl.addWidget(self.state_label)
        # the welcome back's recap: a line each in the text colour, spaced, in a readable column (walk14: dense small
        # grey lines 250 characters long at 2560x1440), in the card under the headline
        self._card_layout = cl
        cl.setSpacing(max(cl.spacing(), 6))
        self.recap_labels: list[QLabel] = []
        self._recap = ""
        root.addWidget(card)

        # answering / feedback
        self.stack = QStackedWidget()
        answer = QWidget()
        al = QVBoxLayout(answer)
        al.setContentsMargins(0, 0, 0, 0)
        meters = QHBoxLayout()
        self.mic_label = QLabel("Mic")
        meters.addWidget(self.mic_label)
        self.meter = LevelMeter()
        meters.addWidget(self.meter, 1)
        self.clock = QLabel("0:00 / 2:00")
        meters.addWidget(self.clock)
        al.addLayout(meters)
        self.time_bar = QProgressBar()
        self._clock_target = 1.0            # the clock's target as last shown (0: a follow-up's, no bar)
        self.time_bar.setTextVisible(False)
        self.time_bar.setFixedHeight(6)
        al.addWidget(self.time_bar)
        importing = QHBoxLayout()
        self.import_bar = QProgressBar()
        self.import_bar.setRange(0, 100)
        self.import_bar.setFormat("Reading the recording… %p%")
        self.cancel_import_btn = QPushButton("Cancel import")
        self.cancel_import_btn.clicked.connect(self.cancel_import)
        importing.addWidget(self.import_bar, 1)
        importing.addWidget(self.cancel_import_btn)
        self.import_row = QWidget()
        self.import_row.setLayout(importing)
        self.import_row.hide()
        al.addWidget(self.import_row)
        # the file's name and length, and whether it runs over the question's target (walk44: "Mic 1:15 / 2:30")
        self.import_note = plain("")
        self.import_note.setWordWrap(True)
        self.import_note.hide()
        al.addWidget(self.import_note)
        self.captions = QTextEdit()
        self.captions.setReadOnly(True)
        self.captions.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # shown, not used: no Tab stop before Start answer
        self.captions.setPlaceholderText(SPEAK_CAPTIONS)
        font = self.captions.font()
        font.setPointSize(font.pointSize() + 3)
        self.captions.setFont(font)
        self.captions.setMinimumHeight(80)
        # the last seconds before the silence stop: "Still there? Stopping in 3…" (walk24: no warning)
        self.countdown = QLabel()
        self.countdown.setObjectName("countdown")
        self.countdown.setStyleSheet(f"QLabel#countdown {{ background: {soft(WARN)}; border-radius: 6px; "
                                     "padding: 4px 8px; font-weight: bold; }")
        self.countdown.hide()
        al.addWidget(self.countdown)
        al.addWidget(self.captions, 1)
        self.stack.addWidget(answer)
        self.feedback = FeedbackView(follow_ups=True)
        self.stack.addWidget(self.feedback)
        self.summary = QWidget()
        self.stack.addWidget(self.summary)
        root.addWidget(self.stack, 1)
        self.stack.currentChanged.connect(self._size_by_shown_page)
        self.stack.currentChanged.connect(lambda _i: self._fit_feedback())
        scroll.viewport().installEventFilter(self)       # its height: the feedback's room (_fit_feedback)
        scroll.installEventFilter(self)                  # keys no widget in it took: the feedback's (_scroll_feedback)
        # a scored answer's feedback is brought into view as the page settles, until the candidate scrolls
        self._into_view = False
        bar = scroll.verticalScrollBar()
        bar.rangeChanged.connect(lambda _lo, _hi: self._feedback_into_view())
        bar.actionTriggered.connect(lambda _action: setattr(self, "_into_view", False))

        # controls (wrap to two lines when the window is narrow)
        self.answer_btn = QPushButton("● Start answer")        # each with its key, from its shortcut, below
        self.import_btn = QPushButton("Import audio…")
        self.type_btn = QPushButton("Type answer…")
        # only after an answer stopped by the silence (walk24) or by Space (walk38: pressed too early, it could only
        # start over)
        self.continue_btn = QPushButton("Continue answer")
        self.continue_btn.setToolTip("Record more of the answer just stopped: what you add joins it, and the "
                                     "whole answer is scored again as one.")
        self.continue_btn.hide()
        self.retry_btn = QPushButton("Retry")
        self.next_btn = QPushButton("Next")
        outer.addWidget(flow_row(self.answer_btn, self.import_btn, self.type_btn, self.continue_btn, self.retry_btn,
                                 self.next_btn))
        self._drafts: dict[str, str] = {}       # typed answers cancelled before sending, by prompt id
        self._was_ready = False                 # the last state was one in which Space answers (or stops)
        self._refocus = False                   # the keyboard's focus goes to the answer button when it can
        self.next_pending = False               # N pressed while the answer was checked: next once it is saved
        self._next_focus: QPushButton | None = None  # ... or to the next action after a summary or a feedback
        self._from_dialog = False               # the answer being judged was typed or imported (its feedback focuses)
        self._import_fraction = 0.0             # how much of the file being imported is transcribed
        self._last_state: str | None = None
        self._prerender_cancel: threading.Event | None = None
        self._recap_prompt: tuple[str, str] | None = None   # (bank id, prompt id) the welcome asks to answer first
        self._recap_headline: str | None = None     # the welcome back's headline as shown (showing_recap)
        self.mic_note = ""          # the welcome's line on a chosen microphone not connected (Settings: walk45 5)
        self._recap_details = ""    # the welcome back's lines under it (set_mic_note shows them again)
        self._edit_told: Rehearsal | None = None    # the round told its bank was edited (said once a round)
        self._edit_notice: tuple | None = None      # ... that notice (text, action), kept up until the round ends
        self._restarted: tuple[Rehearsal, str] | None = None    # the round just restarted with the edits, said

        # wiring
        self.notice.close_btn.clicked.connect(self._notice_dismissed)
        self.bank_box.currentIndexChanged.connect(lambda _i: self._fill_rounds())
        self._bank_chosen = False                    # the candidate picked a bank: a later welcome back keeps it
        # the bank and round chosen when its file stopped loading, and the bank shown instead: chosen again when the
        # file loads again, unless another was chosen meanwhile (read52b 3)
        self._awaited: tuple[str, str | None, str | None] | None = None
        self.bank_box.activated.connect(lambda _i: setattr(self, "_bank_chosen", True))
        # a bank only offered (just made or imported: offer_bank), not chosen in the box nor practised: a restart
        # opens where the welcome back points instead (walk50: three imports looked at, the last one reopened)
        self.offered_bank: str | None = None
        self.bank_box.activated.connect(lambda _i: setattr(self, "offered_bank", None))
        for signal in (self.bank_box.currentIndexChanged, self.round_box.currentIndexChanged, self.bank_box.activated,
                       self.round_box.activated):
            signal.connect(lambda _i: self.lastBankChanged.emit())
        self.round_box.currentIndexChanged.connect(lambda _i: self.prerender_round())
        self.round_box.currentIndexChanged.connect(lambda _i: self._picked())
        self.start_btn.clicked.connect(self.start_round)
        self.resume_btn.clicked.connect(lambda: self.continue_left_round())
        self.skipped_btn.clicked.connect(self.answer_skipped)
        self.prompt_btn.clicked.connect(self.start_one_prompt)
        self.drill_btn.clicked.connect(self.start_drill)
        self.replay_btn.clicked.connect(self.ctl.replay)
        self.answer_btn.clicked.connect(self.toggle_answer)
        self.import_btn.clicked.connect(self.import_audio)
        self.type_btn.clicked.connect(self.type_answer)
        self.retry_btn.clicked.connect(self.ctl.retry)
        self.continue_btn.clicked.connect(self.ctl.continue_answer)
        self.next_btn.clicked.connect(self.ctl.next)
        # Window-wide while this page is shown, whatever has focus (the sidebar, a button, a list); text fields
        # keep their keys (Qt gives a focused editor the plain keys first), hidden pages' shortcuts are off.
        self.shortcuts: dict[str, QShortcut] = {}
        self.question_lines: list[LineButton] = []     # the round summary's, when it is shown
        self.delivery_btn: QPushButton | None = None   # ... and its Delivery toggle and cards, when it has them
        self.delivery_cards: QLabel | None = None

        def clicks(button: QAbstractButton) -> Callable[[], None]:
            def click() -> None:
                if button.isEnabled():
                    button.click()
            return click

        # F: the feedback's "Answer the next follow-up" (walkthrough 10: about 14 Tabs through the feedback's links);
        # only while it is offered (shown): a hidden button's click would still ask them
        commands = {"Space": self._space, "R": clicks(self.retry_btn), "N": self._next_key,
                    "C": clicks(self.continue_btn),
                    "F": self._answer_follow_ups, "Ctrl+P": clicks(self.replay_btn),
                    "Ctrl+I": clicks(self.import_btn), "Ctrl+T": clicks(self.type_btn), "Ctrl+Z": self.ctl.undo_skip,
                    # the note, from anywhere (walk37: Tab walked every evidence link first, F1 listed no key)
                    "Alt+N": self._to_note,
                    # walk40: from a round's summary the Bank box was 4-8 Shift+Tabs away, and F1 listed no key
                    "Alt+B": self._to_bank}
        # a one-letter key amid typing is a letter of the sentence, not a command: refused, and said once
        self.typing_watch = TypingWatch(self, self, lambda: self.services.settings.practice.typing_gap_s,
                                        sink=self._typing_to_note)
        watch(self.typing_watch, QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress)
        self.typing_watch.dropped.connect(self._say_typing)
        # letters typed at the Bank or Round box pick by name (walk50), unless a round is going: then R/N/F/C are
        # commands there too (review, session 39)
        self._type_ahead = TypeAhead(self, lambda: self.ctl.rehearsal is None or self.ctl.state == c.FINISHED)
        for box in (self.bank_box, self.round_box):
            box.installEventFilter(self._type_ahead)
        self._typing_said = False
        self._before_note: QWidget | None = None     # where the keyboard was before the note took it (_note_done)
        for key, command in commands.items():
            sc = described(QShortcut(QKeySequence(key), self), COMMANDS[key])
            sc.setContext(Qt.ShortcutContext.WindowShortcut)
            sc.setAutoRepeat(False)
            sc.activated.connect(self._guarded(key, command) if key in SINGLE_KEYS else self._after_held(command))
            self.shortcuts[key] = sc
        for key, button in (("Ctrl+P", self.replay_btn), ("Ctrl+I", self.import_btn), ("Ctrl+T", self.type_btn),
                            ("Space", self.answer_btn), ("R", self.retry_btn), ("N", self.next_btn),
                            ("C", self.continue_btn),
                            ("F", self.feedback.ask)):
            button.setText(self._keyed(button.text(), key))       # the label says its real key
        self.bank_label.setText(self._keyed("Bank", "Alt+B"))
        accessible.name(self.bank_box, "Bank", "Alt+B chooses the bank from anywhere on this page")
        accessible.name(self.round_box, "Round")
        for button in (self.start_btn, self.replay_btn):
            accessible.name(button, button.text())
        self.feedback.note.setPlaceholderText(self._keyed("Your note: what would you change next time?", "Alt+N"))
        self.ctl.stateChanged.connect(self._on_state)
        self.ctl.promptChanged.connect(self._on_prompt)
        self.ctl.level.connect(self.meter.set_level)
        self.ctl.elapsed.connect(self._on_elapsed)
        self.ctl.caption.connect(self._on_caption)
        self.ctl.thinkTick.connect(
            lambda s: self._say_state(f"Think time: {s} s — answer starts automatically "
                                      f"({self.key_name('Space')}: start now)"))
        self.ctl.analysisReady.connect(self._on_analysis)
        self.ctl.analysisReady.connect(self._next_when_saved)      # after the feedback is shown (connected after)
        self.ctl.historyChanged.connect(self.historyChanged)
        self.ctl.roundFinished.connect(self._on_round_finished)
        self.ctl.notice.connect(self.show_notice)
        self.ctl.countdown.connect(self._on_countdown)
        self.ctl.silenceStopped.connect(self._on_silence_stop)
        self.ctl.importProgress.connect(self._on_import_progress)
        self.ctl.transcribingLeft.connect(self._on_transcribing_left)
        self.ctl.error.connect(lambda m: QMessageBox.warning(self, "voiceprep", sentence_case(m)))
        self.feedback.playFrom.connect(lambda t: self.audio_path and self.playAudio.emit(self.audio_path, t))
        self.feedback.askFollowUps.connect(lambda _questions: self.ctl.ask_follow_ups())
        self.ctl.followUpAsked.connect(self._on_follow_up_asked)
        self.ctl.skipped.connect(self._on_skipped)
        self.ctl.preparing.connect(self._on_preparing)
        self.feedback.noteChanged.connect(self._save_note)
        self.feedback.noteEntered.connect(self._note_done)
        self.fill_banks()
        keyboard_buttons(self)
        self._on_state(c.IDLE)

    def _ready_for_answer(self) -> bool:
        """A question is up and Space answers it (or stops the answer): the page's next action is the answer."""
        return (self.ctl.rehearsal is not None and self.ctl.state in READY_STATES
                and self.answer_btn.isEnabled())

    def _focus_answer(self) -> None:
        """Give the keyboard's focus to the answer button, so Space answers: a Start round, Drill, Retry or Next
        pressed from the keyboard is not the next action once the question is up (Space pressed it again and
        restarted the round). Focus outside the page (the sidebar) stays there; a hidden page does it when shown."""
        self._refocus = True
        if not self.isVisible() or not self.answer_btn.isEnabled():
            return
        self._refocus = False
        focused = QApplication.focusWidget()
        if focused is None or self.isAncestorOf(focused):
            self.answer_btn.setFocus(Qt.FocusReason.OtherFocusReason)

    def take_focus(self) -> None:
        """The keyboard back on the page after a dialog over it (the quit question): on the answer button when it is
        live, else on the page until its next action is (a closed dialog handed the focus to the page list)."""
        self._refocus = not self.answer_btn.isEnabled()     # the answer being judged: its feedback takes it after
        (self.answer_btn if self.answer_btn.isEnabled() else self).setFocus(Qt.FocusReason.OtherFocusReason)

    def take_keyboard(self) -> None:
        """Ctrl+1: the keyboard on what the page offers, wherever it was (fixDJ, walk58 6: left on the sidebar, where
        Enter did nothing; walk57 5: left on Drill my weak points before the bank editor, so the first Space drilled).
        A round going keeps it where `_shown` put it (its answer button) unless it is off the page; else the button
        the welcome gives it (Continue from question N, Answer it now: `_offer_left_round`, `_offer_skipped`), else
        Start round, a round's summary too (walk62 6: "Ctrl+1, Enter" started its "Drill these now"; the summary gives
        that button the keyboard when it appears, and it stays one Tab away)."""
        if not self.isVisible():
            return
        focused = QApplication.focusWidget()
        if self.ctl.rehearsal is not None and self.ctl.state != c.FINISHED:
            if focused is None or not self.isAncestorOf(focused) or not focused.isVisible():
                self.take_focus()
            return
        offered = [b for b in (self.resume_btn if self._left is not None else None,
                               self.skipped_btn if self._skipped is not None else None, self.start_btn)
                   if b is not None and b.isVisible() and b.isEnabled()]
        (offered[0] if offered else self).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # after the page stack has put the focus back where it was (Ctrl+1 brought it back to Start round)
        QTimer.singleShot(0, self, self._shown)

    def _shown(self) -> None:
        if self._next_focus is not None:
            self._focus_next()
        elif self._refocus or self._ready_for_answer():
            self._focus_answer()
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused) and not focused.isVisible():
            # the page stack gave back a focus left on a widget hidden meanwhile (walkthrough 14: on the summary's
            # "Drill these now", Space drilled a round no longer on screen): the page's next action has it
            next_action = next((b for b in (self.answer_btn, self.start_btn) if b.isEnabled()), self)
            next_action.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_next(self) -> None:
        """The keyboard goes to `_next_focus`, wherever it was: a finished round's next action ("Drill these now",
        else Start round; the answer and Next buttons it was on are off now), a typed or imported answer's
        (_focus_after_feedback). A hidden page does it when shown."""
        if not self.isVisible():
            return
        button, self._next_focus = self._next_focus, None
        if button is not None and button.isVisible() and button.isEnabled():
            button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _guarded(self, key: str, command: Callable[[], None]) -> Callable[[], None]:
        """`command` for a one-letter shortcut: it does nothing amid typing, and a letter waits to see whether it
        begins a note (TypingWatch.press); its button shows pressed while it waits."""
        buttons = {"R": self.retry_btn, "N": self.next_btn, "F": self.feedback.ask, "C": self.continue_btn}

        def shown() -> None:
            if self.isVisible():                 # not once another page is up
                command()

        def pressed() -> None:
            practice = self.services.settings.practice
            button = buttons.get(key)
            # a letter whose button is off does nothing, at once: waiting, it ran when the button came on (review
            # 16: N pressed while the answer was judged skipped its feedback as it came)
            hold = practice.first_letter_hold_s if button is None or button.isVisible() and button.isEnabled() else 0
            if not self.typing_watch.press(key, shown, practice.typing_gap_s, hold, button if hold else None):
                self._say_typing(key)
                return
            self._typing_said = False
        return pressed

    def _after_held(self, command: Callable[[], None]) -> Callable[[], None]:
        """`command` for a page key that is no letter (Ctrl+T...): a letter waiting (`_guarded`) runs first."""
        def pressed() -> None:
            self.typing_watch.flush()
            command()
        return pressed

    def _typing_to_note(self, text: str) -> bool:
        """Typing seen where no text goes while an answer's feedback shows: it is a note (walk37: "need real numbers
        and my own role" typed on the feedback's buttons went nowhere). The text typed so far goes at the note's
        end and the note takes the keyboard, so the rest follows; False when no note is shown."""
        note = self.feedback.note
        # shown on screen, not just on this page: typing on History with a feedback left open is History's (review29)
        if self.stack.currentWidget() is not self.feedback or self.attempt_id is None \
                or not note.isVisible() or not note.isEnabled():
            return False
        before = QApplication.focusWidget()
        if before is not None and before is not note:
            self._before_note = before
        note.setFocus(Qt.FocusReason.OtherFocusReason)
        note.end(False)
        if text and note.text() and not note.text()[-1].isspace() and not text[0].isspace():
            text = f" {text}"                    # after what the note says already, a word of its own
        note.insert(text)
        return True

    def _note_done(self) -> None:
        """Enter in the note (saved): the keyboard goes back where it was before the note took it (Alt+N, or
        typing that became the note), else to Next, Try again or the follow-up's button, where the page's
        one-letter keys work again. Walk58 finding 1: it stayed in the note, the next F was typed into it and
        saved ("test notef") and no follow-up was asked."""
        before, self._before_note = self._before_note, None
        texts = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)
        for there in (before, self.next_btn, self.retry_btn, self.feedback.ask):
            if there is not None and shiboken6.isValid(there) and there.isVisible() and there.isEnabled() \
                    and there.focusPolicy() != Qt.FocusPolicy.NoFocus and not isinstance(there, texts) \
                    and there.window() is self.window():
                there.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        self.feedback.note.clearFocus()            # as Esc does

    def _to_bank(self) -> None:
        """Alt+B: the keyboard on the Bank box (arrows choose a bank), wherever it was on the page: a round's
        summary, the feedback, the sidebar. Said when the box cannot be chosen now (an answer being recorded or judged)."""
        if self.bank_box.isEnabled():
            self.bank_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.show_notice("The bank can be changed once this answer is recorded and judged.")

    def _to_note(self) -> None:
        """Alt+N: the keyboard at the end of the answer's note, while its feedback shows."""
        self._typing_to_note("")

    def _say_typing(self, key: str) -> None:
        """A one-letter key was typing, not a command: said once while the typing goes on (not when it went into
        the note: `_typing_to_note`)."""
        if self.feedback.note.hasFocus():
            return
        if not self._typing_said:
            self._typing_said = True
            self.show_notice(f"{key} was not taken as a command: it came while you were typing, and the "
                             "keyboard was not in a text field. To write a note on an answer, press "
                             f"{self.key_name('Alt+N')} on its feedback.", c.ANSWER)     # the next answer makes it old

    def _answer_follow_ups(self) -> None:
        """F: "Answer the next follow-up", while the feedback offers it (a hidden button's click would still ask them)."""
        if self.feedback.ask.isVisible() and self.feedback.ask.isEnabled():
            self.feedback.ask.click()
        elif self.stack.currentWidget() is self.feedback and self.ctl.state == c.FEEDBACK \
                and self.ctl.rehearsal is not None and self.ctl.rehearsal.follow_up is None \
                and not self.ctl.rehearsal.open_follow_ups():
            self._say_state(NO_FOLLOW_UP_LEFT.format(n=self.key_name("F")))

    def _next_key(self) -> None:
        """N: Next; while the answer is being checked (Next is off), remembered: the next question comes as soon as
        the feedback is saved, and the state line says so; N again (or Esc) takes it back. Walk42 finding 2: N
        then was dropped without a sign, and the Space that followed recorded a retry of the same question, so the
        answer to the next question was scored against this one's key points."""
        if self.next_btn.isEnabled():
            self.next_btn.click()
        elif self.next_pending:
            self.cancel_next_pending()
        elif self.ctl.rehearsal is not None and self.ctl.state == c.PROCESSING:
            self.next_pending = True
            self._say_state(NEXT_PENDING.format(n=self.key_name("N")))

    def cancel_next_pending(self) -> bool:
        """Take back an N pressed while the answer was checked (N again, Esc); True when there was one."""
        if not self.next_pending:
            return False
        self.next_pending = False
        if self.ctl.state == c.PROCESSING:
            self._say_state(f"{PROCESSING_TEXT} Next cancelled: your feedback will stay up.")
        return True

    def _next_when_saved(self, *_args: object) -> None:
        """The answer is saved and its feedback shown: an N pressed meanwhile moves on now (after the rest of the
        answer's own handling, this event loop turn). An answer that could not be saved keeps the candidate on it,
        its warning up (review34 finding 4: N moved on behind the warning, then said the answer was saved)."""
        if not self.next_pending:
            return
        self.next_pending = False
        if self.ctl.last_problem:
            self._say_state("Here is your feedback. It could not be saved (the warning says why), so Next waits: "
                            f"{self.key_name('N')} moves on when you are ready.")
            return
        QTimer.singleShot(0, self, self._go_on)

    def _go_on(self) -> None:
        if not self.next_btn.isEnabled():
            return
        left, done = self.ctl.rehearsal.current if self.ctl.rehearsal else None, self.ctl.last_analysis
        self.next_btn.click()            # as N would (the follow-ups being asked aloud are skipped with it)
        if left is not None and done is not None and self.ctl.state != c.FINISHED:
            # its feedback was not seen: where it is, and what it scored (a round's last question: its summary)
            asked = textwrap.shorten(left.text, 60, placeholder="…")
            self.notice.show_text(f"Your answer to “{asked}” is saved: {done.points_hit} of {done.points_total} key "
                                  f"points, {score_text(done.overall)} / 100. Its feedback is in History.", c.ANSWER)

    def _no_feedback_came(self) -> None:
        """Back to the feedback with no new one (a continuation not heard: the answer stays as it was): an N
        pressed meanwhile is dropped, not kept for the next answer's feedback."""
        self.next_pending = False

    def _space(self) -> None:
        """Space answers (and stops), unless the keyboard is on another button: then it presses that button, as
        Space does everywhere (buttons take focus from Tab only, so clicking Next with the mouse keeps Space here)."""
        focused = QApplication.focusWidget()
        if isinstance(focused, QAbstractButton) and focused is not self.answer_btn and focused.isVisible() \
                and self.isAncestorOf(focused):
            if focused.isEnabled():
                focused.click()          # not animateClick: it holds the button down and the key's release
            return                       # pressed it a second time (Drill started twice)
        if self.answer_btn.isEnabled():
            self.answer_btn.click()

    def resizeEvent(self, event) -> None:  # the question stays readable without crowding a small window
        size = 17 if self.width() >= 900 and self.height() >= 620 else 14
        font = self.prompt_text.font()
        if font.pointSize() != size:
            font.setPointSize(size)
            self.prompt_text.setFont(font)
        if self.recap_labels and self.recap_labels[0].font().pointSizeF() != self._recap_size():
            self._set_recap(self._recap)
        # the feedback's text as much larger as the welcome back's, its column as wide (walk38: a 1280 px column of
        # small text in a ~1650 px page at 2560x1440, the question card above spanning the page)
        wide, high, more = RECAP_LARGE
        window = self.window()
        large = window.width() >= wide and window.height() >= high
        self.feedback.set_text_size(self.font().pointSizeF() + (more if large else 0))
        super().resizeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.page_scroll.viewport():
            self._fit_feedback()
        # a key no widget in the page took reaches the page's scroll area, which takes Page Down for the page alone
        if event.type() == QEvent.Type.KeyPress and watched is self.page_scroll and \
                self._scroll_feedback(event):     # type: ignore[arg-type]
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._scroll_feedback(event):          # from the answer buttons under the scroll area, not in it
            event.accept()
            return
        super().keyPressEvent(event)

    def _scroll_feedback(self, event: QKeyEvent) -> bool:
        """Page Down, Page Up, Ctrl+End and Ctrl+Home that no field took, while the feedback is shown: they scroll its
        text, in its own pane, and the page to show it (fixDJ, walk57 7: at 1366x768, with the keyboard on a button
        as after an answer, Page Down scrolled the page once, then nothing; Ctrl+End did nothing: the feedback's end
        was out of reach). Page Down goes down the text, then the page below it; Page Up up the text, then the page."""
        if self.stack.currentWidget() is not self.feedback or event.type() != QEvent.Type.KeyPress:
            return False
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key, bar, page = event.key(), self.feedback.view.verticalScrollBar(), self.page_scroll.verticalScrollBar()
        if mods == Qt.KeyboardModifier.ControlModifier and key in (Qt.Key.Key_End, Qt.Key.Key_Home):
            end = key == Qt.Key.Key_End
            bar.setValue(bar.maximum() if end else 0)
            if end:
                self._show_feedback_end()
            else:
                page.setValue(0)
            return True
        if mods != Qt.KeyboardModifier.NoModifier or key not in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            return False
        down = key == Qt.Key.Key_PageDown
        step = QAbstractSlider.SliderAction.SliderPageStepAdd if down else QAbstractSlider.SliderAction.SliderPageStepSub
        if bar.value() < bar.maximum() if down else bar.value() > 0:
            bar.triggerAction(step)
            if down:
                self._show_feedback_end()
        else:
            page.triggerAction(step)
        return True

    def _show_feedback_end(self) -> None:
        """The page scrolled, when needed, so the feedback text's pane ends in view (its last line on screen)."""
        view, page = self.feedback.view, self.page_scroll.verticalScrollBar()
        below = view.mapTo(self.page_scroll.viewport(), view.rect().bottomLeft()).y() - self.page_scroll.viewport().height()
        if below > 0:
            page.setValue(min(page.maximum(), page.value() + below + 1))

    def _fit_feedback(self) -> None:
        """While the feedback is shown, its text keeps FEEDBACK_MIN_LINES lines in a small window, and the page scrolls
        to it rather than squeezing it under the question; no taller than the page shows at once with the feedback's
        buttons, rating and note (a large system font). Not while another page is shown: the recording's is as it was."""
        view = self.feedback.view
        rows = self.feedback.height() - view.height()           # the pages of the stack share one geometry
        viewport = self.page_scroll.viewport().height()
        room = viewport - rows
        shown = self.stack.currentWidget() is self.feedback
        line = view.fontMetrics().lineSpacing()
        lines = line * FEEDBACK_MIN_LINES + 2 * view.frameWidth()
        fit = viewport - (self._page_layout.minimumSize().height() - view.minimumHeight())    # the page as shown
        if fit >= line * FEEDBACK_FIT_LINES + 2 * view.frameWidth():
            lines = min(lines, fit)                              # one scroll bar: the feedback's own
        view.setMinimumHeight(max(0, min(lines, room)) if shown else 0)

    def _recap_size(self) -> float:
        """The welcome back's text size: a point over the page's, more in a large window (walk15: at 2560x1440 a
        narrow column of small text in the card's left third)."""
        wide, high, more = RECAP_LARGE
        window = self.window()
        return self.font().pointSizeF() + (more if window.width() >= wide and window.height() >= high else 1)

    # -- choosing -------------------------------------------------------------------------------
    def fill_banks(self, select: str | None = None, round_id: str | None = None, reopened: bool = False) -> None:
        """List the banks and choose `select` (else the first) and its round `round_id`. The same bank chosen again
        (a bank saved or reloaded) keeps its round: it went back to the first one, under a round in progress too.
        `reopened`: `select` is the bank the candidate last used (a restart), kept as their choice: the welcome back
        does not switch it (walk24: a restart reopened the welcome back's bank, not the last one used)."""
        self._bank_chosen = self._bank_chosen or reopened
        if self._awaited is not None:       # the bank chosen before its file broke, back: chosen again, with its round
            awaited, awaited_round, shown = self._awaited
            if select != shown:
                self._awaited = None        # another bank chosen meanwhile: that choice stands
            elif self.services.registry.find(awaited) is not None:
                self._awaited, select, round_id = None, awaited, round_id or awaited_round
        if round_id is None and select is not None and select == self.bank_box.currentData():
            round_id = self.round_box.currentData()
        self.bank_box.blockSignals(True)
        self.bank_box.clear()
        labels = self.services.registry.labels()          # "(mine)" beside a bank named as another (walkthrough 7)
        for bank in self.services.registry.banks:
            self.bank_box.addItem(labels[bank.id], bank.id)
        self.bank_box.blockSignals(False)
        if select:
            i = self.bank_box.findData(select)
            if i >= 0:
                self.bank_box.setCurrentIndex(i)
            elif self._awaited is None:
                # its file no longer loads (a half-typed save, read by Banks' watch of the folder): another bank is
                # shown, and the choice is kept for when the file loads again (read52b 3: it stayed on the first bank)
                self._awaited = (select, round_id, self.bank_box.currentData())
        self._fill_rounds(round_id)
        self._say_bank_edited()
        self._say_bank_problems()

    def _say_bank_problems(self) -> None:
        said, first = bank_problems_text(self.services.registry.errors)
        self.bank_problems_btn.setText(f"⚠ {said}" if said else "")
        self.bank_problems_btn.setToolTip(f"{first}\n\nThe Banks page lists each problem with its line and what to do."
                                          if first else "")
        self.bank_problems_btn.setVisible(bool(said))

    def _say_bank_edited(self) -> None:
        """The bank of the round going was edited (Banks, saved): the round keeps the questions it started with (an
        answer given or being given stays theirs), and the page says so once, with a way to start it again with the
        edits (walkthrough 14: the question stayed as it was and nothing said why)."""
        r = self.ctl.rehearsal
        if r is None or self.ctl.state == c.FINISHED or r is self._edit_told:
            return
        edited = self.services.registry.find(r.bank.id)
        if edited is None or edited == r.bank:
            return
        self._edit_told = r
        what = scored.what_name(r).lower()
        # nothing answered yet in it (walk17: at question 1 it said "Your answers so far are saved")
        saved = " Your answers so far are saved in History." if r.results else ""
        text = (f"You edited this bank: this {what} keeps the questions it started with, and your changes apply from "
                f"your next {what}.{saved}")
        again = self._with_edits(r, edited)
        self._edit_notice = (text, (f"Restart the {what} now", self._restart_edited) if again is not None else None)
        self.notice.show_text(text, BANK_EDITED, self._edit_notice[1])

    def _keep_edit_notice(self) -> None:
        """The edited bank's notice stays for the rest of its round (walkthrough 15: it went at the next question,
        when the candidate saw the old text): back once another notice (a skip's) goes, until the round ends, is
        restarted or the notice is dismissed."""
        r = self.ctl.rehearsal
        if self._edit_notice is None or r is None or r is not self._edit_told or self.ctl.state == c.FINISHED:
            return
        if not self.notice.isVisible():
            self.notice.show_text(self._edit_notice[0], BANK_EDITED, self._edit_notice[1])

    def _notice_dismissed(self) -> None:
        if self.notice.kind == BANK_EDITED:
            self._edit_notice = None

    @staticmethod
    def _with_edits(r: Rehearsal, bank: Bank) -> Rehearsal | None:
        """`r` started again from the edited `bank`: the same round, or the same one prompt (None: a drill, or the
        round or prompt is gone from the bank)."""
        if r.focus:
            return None
        if r.one_prompt:
            prompt = next((p for p in bank.all_prompts() if p.id == r.prompts[0].id), None)
            return Rehearsal.for_prompt(bank, prompt) if prompt is not None else None
        rnd = next((x for x in bank.rounds if x.id == r.round_id), None)
        return Rehearsal.for_round(bank, rnd) if rnd is not None else None

    def _restart_edited(self) -> None:
        """The notice's "Restart the round now": the edited bank's round from its first question. Not while an answer
        is recorded or checked (it would be lost): said, the button kept."""
        r = self.ctl.rehearsal
        bank = self.services.registry.find(r.bank.id) if r is not None else None
        again = self._with_edits(r, bank) if r is not None and bank is not None else None
        if again is None:
            self.notice.hide()
            return
        if not self.ctl.can(Action.CHOOSE):
            self.notice.show_text("Your answer is being recorded or checked: restart once its feedback shows.",
                                  BANK_EDITED, (self.notice.action_btn.text(), self._restart_edited))
            return
        self._edit_notice = None
        # said at its first question; a restarted round is a new round: a later edit is said again (walk17: it was
        # not, said once a round)
        self._restarted = (again, " Your answers so far stay in History." if r is not None and r.results else "")
        self._start(again)

    def offer_bank(self, bank_id: str, name: str, say_ready: bool = True) -> bool:
        """Open on a bank the candidate just made, unless a round or drill is going (its question stays; the notice
        says where their bank is). False when it was not chosen. `say_ready` False: the welcome above says the bank
        is ready, so the page does not say it again (session 12: both said it, one under the other)."""
        r = self.ctl.rehearsal
        if r is not None and self.ctl.state != c.FINISHED:
            self.show_notice(f"Your bank “{name}” is saved: choose it under Bank when this round is done.")
            return False
        i = self.bank_box.findData(bank_id)
        if i < 0:
            return False
        self.bank_box.setCurrentIndex(i)
        self.offered_bank = bank_id
        self.lastBankChanged.emit()
        if r is None:           # a welcome-back recap named the last bank's points: not this bank's
            self._say_choice(name if say_ready else "")
            self.position.show()
            self.prompt_text.setText("")
            self._say_state("")
            self._set_recap("")
        return True

    def cancel_prerender(self) -> None:
        """Stop rendering prompts ahead (the window is closing): nothing keeps speaking into a closed window."""
        if self._prerender_cancel is not None:
            self._prerender_cancel.set()

    def prerender_round(self) -> None:
        """Render the chosen round's prompts in the background, so Start round and Replay speak at once."""
        from voiceprep.gui.operations import run_in_background

        if self._prerender_cancel is not None:
            self._prerender_cancel.set()
        bank = self.bank()
        if bank is None or self.round_box.currentData() is None:
            return
        texts = [p.text for p in bank.round(self.round_box.currentData()).prompts]
        cancel = self._prerender_cancel = threading.Event()
        speaker = self.services.speaker()
        run_in_background(speaker.prerender, texts, cancel=cancel, lane="render",
                          on_error=lambda e: None, owner=self)

    def _fill_rounds(self, round_id: str | None = None) -> None:
        """The chosen bank's rounds, `round_id` chosen when the bank has it (else the first); the pickers' followers
        (prompts rendered ahead, what Start round will do) hear of the choice once."""
        self.round_box.blockSignals(True)
        self.round_box.clear()
        bank = self.bank()
        if bank:
            for r in bank.rounds:
                self.round_box.addItem(f"{r.title} ({counted(len(r.prompts), 'prompt')})", r.id)
        if round_id is not None and (i := self.round_box.findData(round_id)) >= 0:
            self.round_box.setCurrentIndex(i)
        self.round_box.blockSignals(False)
        self.round_box.currentIndexChanged.emit(self.round_box.currentIndex())

    def _picked(self) -> None:
        """The bank or round picker moved away from the question on screen: say what Start round will do."""
        r, bank = self.ctl.rehearsal, self.bank()
        if bank is None or self.round_box.currentData() is None:
            return
        if r is None or self.ctl.state == c.FINISHED:
            if r is not None and (r.bank.id, r.round_id) == (bank.id, self.round_box.currentData()):
                return          # the same choice again (a bank saved or reloaded refills the pickers): keep the summary
            self._show_choice(bank.round(self.round_box.currentData()), finished=r is not None)
            return
        if (r.bank.id, r.round_id) == (bank.id, self.round_box.currentData()):
            if self.notice.kind != BANK_EDITED:      # the bank's pickers refilled as it was saved: that stays
                self.notice.hide()
            return
        chosen = bank.round(self.round_box.currentData()).title
        self.show_notice(f"Press Start round to begin “{chosen}” ({bank.name}). The question below is still "
                         f"from “{r.title}”; your answers to it are saved in History.")

    def _say_choice(self, ready: str = "") -> None:
        """What Start round will do: begin the round chosen (named), else choose one; `ready`, a bank just made,
        said ready too."""
        self._choice_said = choice_text(self.bank(), self.round_box.currentData(), ready)
        self.position.setText(self._choice_said)

    def _show_choice(self, rnd, finished: bool) -> None:
        """No round going: the view is the chosen round's, not the last one's (its summary, its clock)."""
        self._show_clock(0.0, float(rnd.prompts[0].target_seconds if rnd.prompts else 0))
        if not finished:                # before any round: a welcome-back recap may be on screen; it stays
            if self.position.text() == self._choice_said:      # the round named is the one now chosen
                self._say_choice()
            return
        self.stack.setCurrentIndex(0)
        self.captions.clear()
        self.meter.setValue(0)
        self.notice.hide()
        self.drill_note.hide()
        self.attempt_line.hide()
        self._say_choice()
        self.next_btn.setText(self._keyed("Next", "N"))     # not the last round's "Finish round" (walkthrough 11)
        self.position.show()
        self.prompt_text.setText("")
        self._say_state("")
        self._set_recap("")
        # the last round's summary goes with it: its "Drill these now", hidden, kept the keyboard and drilled the old
        # bank's points on Space while the picker showed another bank (walkthrough 14)
        held = self._set_summary(QWidget())
        self._next_focus = self.start_btn if held else None     # Start round: what the page now offers
        self._focus_next()

    def _set_summary(self, page: QWidget) -> bool:
        """`page` is the summary (the stack's third page), the old one deleted; True when the keyboard was on it (also
        while another page of the window is up: the page stack gives it back there), which is then cleared."""
        old = self.stack.widget(2)
        focused = self.focusWidget()
        held = old is not None and focused is not None and old.isAncestorOf(focused)
        if held:
            focused.clearFocus()
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self.summary = page
        self.stack.insertWidget(2, page)
        return held

    def bank(self):
        return self.services.registry.find(self.bank_box.currentData()) if self.bank_box.count() else None

    def show_recap(self, recap: dict | None) -> None:
        """Welcome back (before a round starts): the last session and what to work on next."""
        if recap is None or self.ctl.rehearsal is not None:
            return
        # the bank of the point it names is chosen, so "Drill my weak points" drills that point (walkthrough 6:
        # the recap of two banks named one, and the button drilled the other)
        i = self.bank_box.findData(recap["bank_id"])
        if i >= 0 and not self._bank_chosen:         # not over a bank the candidate chose meanwhile (the welcome
            self.bank_box.setCurrentIndex(i)         # is asked again after a long recovery) or last used (a restart)
        registry = self.services.registry
        headline, details = recap_lines(recap, registry.find, labels={**registry.unloaded_titles, **registry.labels()},
                                        picked=self.bank_box.currentData(), unloaded=registry.unloaded)
        skipped = recap.get("skipped") or []
        left = recap.get("left")             # else the question a round was left at (walk25), as the welcome names it
        self._recap_prompt = (recap.get("skipped_bank") or recap["bank_id"], skipped[0]) if skipped else \
            (left["bank_id"], left["prompt_id"]) if left else None
        self.drill_note.hide()
        self.attempt_line.hide()
        self.position.hide()                         # "Choose a bank..." (and a Replay of nothing) above "Welcome
        self.replay_btn.hide()                       # back." read before the heading; a round shows them again
        self.prompt_text.setText(headline)
        self._recap_headline = headline
        self._say_state("")
        self._recap_details = details
        self._set_recap("\n".join(line for line in (self.mic_note, details) if line))
        # offered only when the recap names the round left (review30: the button was there under "You skipped ...",
        # with no round named; fixCR: a round left elsewhere is named beside the skip, and offered)
        self.recapShown.emit()                       # before the keyboard goes on what it offers
        self._offer_left_round(left_offered(recap, self.services.registry.find))
        self._offer_skipped(recap)

    def set_mic_note(self, note: str) -> None:
        """The welcome back's line on the microphone saved in Settings ("" when it is connected), changed in place
        while the welcome back is shown (fixBO: a Refresh, or a headset plugged in, left it saying "not connected")."""
        if note == self.mic_note:
            return
        self.mic_note = note
        if self.showing_recap():
            self._set_recap("\n".join(line for line in (note, self._recap_details) if line), keep_offer=True)

    def banks_reloaded(self) -> None:
        """More > Reload: a drill's "cannot start" notice was said of the banks as they were (walk68 3)."""
        if self.ctl.rehearsal is None and self.notice.kind == c.DRILL:
            self.notice.hide()

    def showing_recap(self) -> bool:
        """Whether Practice shows the welcome back now (no round going, its headline still the one shown)."""
        return self.ctl.rehearsal is None and bool(self._recap_headline) and \
            self.prompt_text.text() == self._recap_headline

    def _offer_left_round(self, left: dict | None) -> None:
        """"Continue from question N" beside Start round, for the round the welcome says was left at question N (N
        over 1, or questions skipped before one answered: walk47; the question still in the bank's round)."""
        self._left = None
        bank = self.services.registry.find(left["bank_id"]) if left else None
        if left and bank is not None:
            rnd = next((r for r in bank.rounds if r.id == left["round_id"]), None)
            at = resume_index(left, bank)            # the welcome's line says the same question (walk47)
            if rnd is not None and (at > 0 or skipped_waiting(left)):
                self._left = (bank.id, rnd.id, at, tuple(left.get("answered") or ()), left.get("round_pk"),
                              left.get("earlier") or {})
                self.resume_btn.setText(f"Continue from question {at + 1}")
                self.resume_btn.setToolTip(f"“{rnd.title}” from question {at + 1}, where you left it; the questions "
                                           "answered in it are left out: your earlier answers to it are in History.")
        self.resume_btn.setVisible(self._left is not None)
        focused = QApplication.focusWidget()
        if self._left is not None and (focused is None or focused in (self.start_btn, self.skipped_btn) or focused is self):
            # the keyboard on what the welcome suggests (walk49: Space on Start round asked question 1 again, the
            # answered one); Start round stays one Shift+Tab away. "Answer it now" gives it up: shown again (a bank
            # reloaded) with a round left elsewhere now offered too, Continue takes the keyboard (read42b 7)
            self._next_focus = self.resume_btn
            self._focus_next()

    def _offer_skipped(self, recap: dict) -> None:
        """"Answer it now" beside Start round, for the question the welcome says was skipped (the first, where several
        were), with the keyboard on it unless Continue has it (the welcome's first line then: the skip is "today too")."""
        bank, texts = skipped_prompts(recap, self.services.registry.find)
        ids = {p.id for p in bank.all_prompts()} if bank is not None and texts else set()
        asked = next((pid for pid in recap.get("skipped") or [] if pid in ids), None)     # texts[0]'s question
        self._skipped = (bank.id, asked) if bank is not None and asked is not None else None
        self._skipped_drill = []
        if self._skipped is not None and bank is not None:
            self.skipped_btn.setToolTip(ANSWER_SKIPPED_TIP.format(question=texts[0]))
        elif (cut := self._cut_off_prompt(recap)) is not None:      # "… was cut off … Answer it again." (walk62 7)
            self._skipped = cut[:2]
            self._skipped_drill = cut[3]
            self.skipped_btn.setToolTip(ANSWER_CUT_OFF_DRILL_TIP.format(question=cut[2], points="; ".join(cut[3]))
                                        if cut[3] else ANSWER_CUT_OFF_TIP.format(question=cut[2]))
        self.skipped_btn.setVisible(self._skipped is not None)
        focused = QApplication.focusWidget()
        if self._skipped is not None and self._left is None and (focused is None or focused is self.start_btn
                                                                  or focused is self):
            self._next_focus = self.skipped_btn        # the keyboard on what the welcome suggests, as Continue
            self._focus_next()

    def _cut_off_prompt(self, recap: dict) -> tuple[str, str, str, list[str]] | None:
        """(bank id, prompt id, its text, the drill's points it still has: [] for a whole answer) of the question the
        welcome says the last answer was cut off on, as `cut_off_said` names it; None when the welcome says nothing
        of it."""
        cut = recap.get("cut_last")
        bank = self.services.registry.find(cut["bank_id"]) if cut else None
        if cut is None or bank is None or not cut_off_said(recap, self.services.registry.find):
            return None
        prompt = bank.prompt(cut["prompt_id"])
        labels = {kp.label for kp in prompt.key_points}
        return bank.id, prompt.id, prompt.text.rstrip(" ."), [p for p in cut.get("drill") or [] if p in labels]

    def answer_skipped(self) -> None:
        """The question the welcome back says was skipped, asked on its own (One prompt): on the bank chosen when it
        is the bank it was skipped on or a copy of it and has that question, else on the bank it was skipped on."""
        if self._skipped is None or not self.confirm_leave_round():
            return
        bank_id, prompt_id = self._skipped
        chosen = self.bank()
        # the chosen bank only when it is the skip's bank or a copy of it: two own banks share question ids
        # (read42b 2: "tell-me-about-yourself" skipped on one was asked from the other)
        mine = chosen if chosen is not None and bank_id in self.services.registry.lineage(chosen.id) else None
        for bank in (mine, self.services.registry.find(bank_id)):
            asked = next((p for p in bank.all_prompts() if p.id == prompt_id), None) if bank is not None else None
            if bank is not None and asked is not None:
                points = [p for p in self._skipped_drill if p in {kp.label for kp in asked.key_points}]
                # a cut-off drill answer: that drill again, its points under the question (read46c 7)
                self._start(Rehearsal(bank, [asked], DRILL_AGAIN_TITLE, focus={asked.id: points}) if points
                            else Rehearsal.for_prompt(bank, asked))
                return

    def continue_left_round(self, redo: bool = False) -> None:
        """The round the welcome back says was left unfinished, from the question it was left at, without the
        questions answered in it (fixBQ: they were asked again), said once in a notice whose button asks them too
        (`redo`)."""
        if self._left is None or not self.confirm_leave_round():
            return
        left = self._left
        bank_id, round_id, at, answered, round_pk, earlier = left
        bank = self.services.registry.find(bank_id)
        rnd = next((r for r in bank.rounds if r.id == round_id), None) if bank is not None else None
        if bank is None or rnd is None:
            return
        # the stored round goes on (its answers and summary there: walk49 2, 3), its earlier answers counted
        rehearsal = Rehearsal.for_round(bank, rnd, start=at, answered=() if redo else answered, earlier=earlier,
                                        continues=round_pk)
        self._start(rehearsal)
        out = rehearsal.answered_before
        if not out or self.ctl.rehearsal is not rehearsal:
            return

        def again() -> None:                         # before the first answer only: nothing of this sitting is lost
            if self.ctl.rehearsal is rehearsal and not rehearsal.results and rehearsal.index == 0:
                self._left = left
                self.continue_left_round(redo=True)
        said = positions_text(out)
        one = len(out) == 1
        self.notice.show_text(f"{said[0].upper()}{said[1:]}, answered in this round already, {'is' if one else 'are'} "
                              f"left out: {'its answer is' if one else 'their answers are'} in History.", c.ANSWER,
                              ("Ask it again too" if one else "Ask them again too", again))

    def _keyed(self, label: str, key: str) -> str:
        """A button's label with its key, named from the shortcut itself: "Retry  (R)" (fix41: the one-letter keys'
        labels were written by hand, as the Ctrl ones were before session 22)."""
        return f"{label}  ({self.key_name(key)})"

    def _say_state(self, text: str, spoken: str | None = None) -> None:
        """The state line under the question; hidden when it has nothing to say, so its empty line is no gap under
        the headline (a round's summary, the welcome back's recap: session 19). `spoken`: what a screen reader
        gets as its accessible name instead of `text` (`_say_progress`); None: the text itself."""
        label = self.state_label
        if spoken is not None:
            if label.accessibleName() != spoken:
                label.setAccessibleName(spoken)     # first: a label with a name of its own is re-read on no setText
            label.setText(text)
        else:
            self._spoken_progress = None
            label.setText(text)
            if label.accessibleName():
                label.setAccessibleName("")         # after: the change of name announces the new text once
        label.setVisible(bool(text))

    def _say_progress(self, text: str, done: int) -> None:
        """A state line that counts (`done`, a percentage): shown as it moves, while what a screen reader hears
        changes only when the count moved SPOKEN_PROGRESS_POINTS or SPOKEN_PROGRESS_EVERY_S passed since it last
        did (fixCS: "Transcribing the last 40 s…" was a new line every 500 ms)."""
        now, last = _now(), self._spoken_progress
        if last is None or abs(done - last[0]) >= SPOKEN_PROGRESS_POINTS or now - last[1] >= SPOKEN_PROGRESS_EVERY_S:
            self._spoken_progress = (done, now)
            spoken = text
        else:
            spoken = self.state_label.accessibleName() or text
        self._say_state(text, spoken)

    def _set_recap(self, text: str, keep_offer: bool = False) -> None:
        """Show the welcome back's recap, one label a line ("" hides it, and what it offered, unless `keep_offer`: the
        welcome back is still shown)."""
        layout = self._card_layout
        for label in self.recap_labels:
            layout.removeWidget(label)
            label.deleteLater()
        self.recap_labels = []
        self._recap = text
        if not text and not keep_offer:
            self._left = self._skipped = None        # the welcome back went: what it offered goes with it
            self.resume_btn.hide()
            self.skipped_btn.hide()
        for line in text.splitlines():
            label = RecapLine(line)
            font = label.font()
            font.setPointSizeF(self._recap_size())
            label.setFont(font)
            layout.addWidget(label)
            self.recap_labels.append(label)

    def recap_text(self) -> str:
        """The welcome back's recap as shown, a line each ("" when none is shown)."""
        return self._recap if self.recap_labels else ""

    def round_in_progress(self) -> bool:
        """A round that has started and not finished, past its very first moment."""
        r = self.ctl.rehearsal
        if r is None or self.ctl.state == c.FINISHED:
            return False
        return bool(r.results) or r.index > 0 or self.ctl.state not in (c.IDLE, c.SPEAKING, c.THINKING)

    def confirm_leave_round(self) -> bool:
        if not self.round_in_progress():
            return True
        r = self.ctl.rehearsal
        if r is None:
            return True
        answered = len(r.results)
        where = f"question {r.position} of “{r.title}”" if r.size > 1 else f"“{r.current.text}”"
        return common.choose(self, "Leave this round?",
                             f"You are on {where} ({answered} answered; those are "
                             "saved in History).\n\nLeave it and start something else?",
                             ["Keep rehearsing", "Leave round"], cancel=0) == 1

    def _start(self, rehearsal: Rehearsal) -> None:
        self._recap_prompt = None                    # the welcome's "answer it first" is behind once one starts
        self._left = self._skipped = None
        self.offered_bank = None                     # practised: the bank used last
        self.lastBankChanged.emit()
        self.resume_btn.hide()
        self.skipped_btn.hide()
        self.ctl.stop_speaking()
        self.notice.hide()
        self.ctl.start(rehearsal)

    def start_round(self) -> None:
        bank = self.bank()
        if bank and self.confirm_leave_round():
            self._start(Rehearsal.for_round(bank, bank.round(self.round_box.currentData())))

    def start_one_prompt(self) -> None:
        bank = self.bank()
        if not bank or not self.confirm_leave_round():
            return
        prompts = bank.all_prompts()
        # on the question the welcome asked to answer first (walkthrough 9: it opened on the bank's first)
        first = next((i for i, p in enumerate(prompts) if (bank.id, p.id) == self._recap_prompt), 0)
        text, ok = QInputDialog.getItem(self, "One prompt", "Prompt:", [p.text for p in prompts], first, False)
        if ok:
            self._start(Rehearsal.for_prompt(bank, next(p for p in prompts if p.text == text)))

    def start_drill(self) -> None:
        bank = self.bank()
        if not bank or not self.confirm_leave_round():
            return
        self.ctl.stop_speaking()
        self.notice.hide()
        self.ctl.drill(bank)

    # -- answering ------------------------------------------------------------------------------
    def toggle_answer(self) -> None:
        if self.ctl.starting and self.ctl.cancelling:   # Esc while it opened: Space waits for the cancel (fixCA)
            return
        self._from_dialog = False                    # spoken: its feedback leaves the keyboard here (a typed or
        if self.ctl.starting:                        # the microphone opening (fixBW): it stops once open
            self.ctl.stop_answer()
            self.answer_btn.setText(self._keyed("■ Stopping…", "Space"))
            accessible.name(self.answer_btn, self.answer_btn.text())
            self._say_state(STOPPING_AT_OPEN)
        elif self.ctl.can(Action.STOP):              # imported answer that failed is behind)
            self.ctl.stop_answer()
            if self.ctl.stopping:                    # still speaking: the last word is recorded to its end
                space = self.key_name("Space")
                self.answer_btn.setText(self._keyed("■ Stopping…", "Space"))
                accessible.name(self.answer_btn, self.answer_btn.text())
                self._say_state(f"Stopping after your last word… press {space} again to stop now.")
        elif self.ctl.can(Action.ANSWER):
            self.ctl.start_answer()          # the RECORDING state shows the prompt page (_on_state)

    def import_audio(self) -> None:
        if not self.ctl.rehearsal:
            return
        path, _ = QFileDialog.getOpenFileName(self, "Import a recorded answer", str(Path.home()), AUDIO_FILTER)
        if path:
            self.stack.setCurrentIndex(0)
            self.import_bar.setValue(0)
            self.import_row.show()
            self._from_dialog = True
            self.ctl.import_answer(Path(path))

    def cancel_opening(self) -> bool:
        """Esc while the microphone opens ("Starting the microphone…", fixBW): the answer is cancelled as the
        controller's cancel does (the stream closed once open, its claim given back, no row kept; a continuation
        stays as stored). True when there was one to cancel."""
        if not self.ctl.starting or not self.ctl.recording_from_microphone or self.ctl.cancelling:
            return False
        self.ctl.cancel()
        self.answer_btn.setText("Cancelling…")     # Space does nothing meanwhile: no key named (read39b 9)
        accessible.name(self.answer_btn, self.answer_btn.text())
        self._say_state(CANCELLING_MIC)
        return True

    def cancel_import(self) -> bool:
        """Cancel import (or Esc on the Practice page): the file stops being read and transcribed, nothing is
        saved. True when there was an import to cancel."""
        if not self.ctl.importing:
            return False
        self.ctl.cancel()
        focused = QApplication.focusWidget()
        if focused is not None and self.import_row.isAncestorOf(focused):
            # the keys stay on the page, not handed by the hidden button to the page list (whose arrows change
            # page); the answer button takes them once it is live again
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            self._refocus = True
        self.import_row.hide()
        self._say_state(CANCELLING_IMPORT)
        return True

    def _on_import_progress(self, fraction: float) -> None:
        if fraction >= 1.0 or self.ctl.cancelling:      # a window decoded as the cancel came does not bring it back
            self.import_row.hide()
            if fraction >= 1.0 and not self.ctl.cancelling and self.ctl.state == c.PROCESSING and not self.next_pending:
                self._say_state(PROCESSING_TEXT)        # transcribed whole: only its checking is left
            return
        self._show_importing(True)
        self._import_fraction = fraction
        self.import_bar.setValue(int(fraction * 100))
        self.import_bar.setFormat(self._transcribing_text())
        if self.ctl.state == c.PROCESSING and not self.next_pending:
            self._say_progress(self._transcribing_text() + "…", round(100 * fraction))

    def _on_transcribing_left(self, left: float, seconds: float) -> None:
        """After a Stop, while the answer's last words are decoded: how much is left (walk53 2)."""
        if self.ctl.state != c.PROCESSING or self.next_pending or self.ctl.importing:
            return
        text = transcribing_left_text(left, seconds)
        if text == PROCESSING_TEXT:
            self._say_state(text)                   # only the checking is left: said at once
        else:
            self._say_progress(text, transcribing_done(left, seconds))

    def _transcribing_text(self) -> str:
        """What an import is doing while its file is decoded: "Transcribing a.flac — 0:23 of 4:04" (fixAV's
        state line said "Finishing the transcript…" all along, minutes before the end)."""
        name, seconds = self.ctl.import_file
        return f"Transcribing {name} — {fmt_time(self._import_fraction * seconds)} of {fmt_time(seconds)}"

    def _show_importing(self, importing: bool) -> None:
        """An imported file is read in: its name, length and progress, no microphone level, clock or speaking hint."""
        for w in (self.mic_label, self.meter, self.clock):
            w.setVisible(not importing)
        # a follow-up's answer has no bar, after an import too (read40d)
        self.time_bar.setVisible(not importing and self._clock_target > 0)
        self.captions.setPlaceholderText(IMPORT_CAPTIONS if importing else SPEAK_CAPTIONS)
        self.import_row.setVisible(importing)
        name, seconds = self.ctl.import_file
        r = self.ctl.rehearsal
        if importing and name and r is not None:
            target = float(r.current.target_seconds)
            over = (f" It is longer than this question's {fmt_time(target)} target: it is still transcribed whole "
                    "and scored." if seconds > target else "")
            self.import_note.setText(f"Importing {name} ({fmt_time(seconds)}).{over} Esc or Cancel import stops it; "
                                     "nothing is saved then.")
        self.import_note.setVisible(importing and bool(name))

    def type_answer(self) -> None:
        if not self.ctl.rehearsal:
            return
        prompt = self.ctl.rehearsal.current
        turn, _points = self.ctl.rehearsal.answering()       # the follow-ups asked: the answer is theirs
        key = f"{prompt.id}#follow-up" if turn else prompt.id
        dialog = TypeAnswerDialog(turn.heading if turn else prompt.text, self._drafts.get(key, ""), self,
                                  on_text=self.ctl.typing)        # its sentences embedded as they are typed (speed47)
        self.ctl.pause_thinking()                   # no recording starts behind the dialog (read47a)
        if self._silence_banner_up():               # walk64 6: "Not finished? Press C" stayed over the dialog; the
            self.notice.hide()                      # state line says C continues the answer, as without the banner
            said = self.state_label.text()
            if self._silence_line() not in said:
                self._say_state(f"{said} {self._silence_line()}".strip())
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        text = dialog.text()
        if accepted and text.strip():
            self._from_dialog = True
            if self.ctl.answer_text(text):
                self._drafts.pop(key, None)
            else:                                   # not taken (read47a: it was lost): kept, and said
                self._from_dialog = False
                self._drafts[key] = text
                self.show_notice(TYPED_NOT_TAKEN.format(key=self.key_name("Ctrl+T")), c.SESSION)
        else:
            self.ctl.drop_typing()                  # closed unsent: its vectors forgotten (the draft is offered again)
            if text.strip():
                self._drafts[key] = text            # nothing typed is lost by closing the dialog
        self.take_focus()                            # keys (R, N, Space) keep working after the dialog

    def show_notice(self, text: str, kind: str = c.SESSION) -> None:
        """A notice (the controller's: the voice failing); an answer's notice with its button stays said above it."""
        self.notice.show_also(text, kind)

    def _on_skipped(self, prompt) -> None:
        """A question left unanswered with N: said, with the way back (a slip of N lost a question, session 16); the
        notice goes once this question is answered (an ANSWER notice), as the undo does."""
        asked = textwrap.shorten(prompt.text, 70, placeholder="…")
        self.notice.show_text(f"Skipped “{asked}”: it counts as not answered.", c.ANSWER,
                              (f"Undo skip  ({key_text(self.shortcuts['Ctrl+Z'])})", self.ctl.undo_skip))

    # -- updates from the controller ------------------------------------------------------------
    def _on_prompt(self, prompt, position: str) -> None:
        self.notice.hide()                          # the last question's notice is not this one's
        self._keep_edit_notice()                    # ... but a bank edited under the round stays said
        if self._restarted is not None and self._restarted[0] is self.ctl.rehearsal:       # goes once answered
            self.notice.show_text(f"Restarted with your edits: back at question 1.{self._restarted[1]}", c.ANSWER)
        self._restarted = None
        self._refocus = True                        # a new question: Space answers it (once the state allows)
        self._next_focus = None                     # the last round's summary is gone
        self._from_dialog = False                   # ... and an answer typed or imported to the last question
        self.position.show()
        self.replay_btn.show()
        r = self.ctl.rehearsal
        if r is None:
            return
        self._show_question()
        self._clear_answer()
        self.stack.setCurrentIndex(0)

    def _show_question(self, turn=None) -> None:
        """The question being answered above the answer: the prompt with its attempt line (and a drill's points),
        or, for the follow-ups asked (`turn`), their questions with what they follow (walkthrough 9: the header
        still said "Attempt 2 · last time 100" while the follow-up, attempt 3, was answered)."""
        r = self.ctl.rehearsal
        if r is None:
            return
        if turn is not None:
            n, asked = len(turn.questions), textwrap.shorten(r.current.text, 90, placeholder="…")
            which = f" {turn.count_text}" if turn.count_text else ""
            points = f"point{'s' if len(turn.labels) != 1 else ''} {'they ask' if n > 1 else 'it asks'} about"
            # fixCU: another point still missed, covered, counts as the asked one does
            line = f"Follow-up{'s' if n > 1 else ''}{which} to your answer to “{asked}” · " + (
                f"counts for the {points} and {ALSO_COUNTS_YOUR_ANSWER}" if turn.others else
                f"only the {points} count{'' if len(turn.labels) != 1 else 's'}")
            self.prompt_text.setText(turn.heading)
            # held to no time, as its clock says (walk53 3: "aim for 2:30" stood over the follow-up)
            self.position.setText(f"{r.context} · a follow-up, no time target")
        else:
            line = r.attempt_note or ""
            self.prompt_text.setText(r.current.text)
            self.position.setText(f"{r.context} · aim for {fmt_time(r.current.target_seconds)}")
        self.attempt_line.setText(line)
        self.attempt_line.setVisible(bool(line))
        note = r.focus_note if turn is None else None    # a drill says which points to bring in this time
        self.drill_note.setText(note or "")
        self.drill_note.setVisible(bool(note))

    def _clear_answer(self) -> None:
        """A new answer starts: no captions, clock or level of the last one (walkthrough 9: the follow-up's recording
        showed the answer before's captions)."""
        r = self.ctl.rehearsal
        target = r.current.target_seconds if r is not None and self.ctl.answering_follow_up is None else 0
        self.captions.clear()
        self.meter.setValue(0)
        self._show_clock(0.0, target)

    def _on_follow_up_asked(self, turn) -> None:
        """The interviewer asks the follow-ups: Space (Ctrl+T, Import) answers them. Over the feedback they follow, they
        come under it, the question it answered staying above (walkthrough 13: they replaced the question, above the
        older feedback); they are the question once the answer to them starts (_on_state). "Not finished? Press C"
        goes: the interviewer has moved on (walk37: it stayed while the follow-up was asked)."""
        if self.notice.isVisible() and self.notice.text() == self._silence_notice:
            self.notice.hide()
        if self.stack.currentWidget() is self.feedback:
            them = "them" if len(turn.questions) > 1 else "it"
            rest = f" {self.key_name('F')} asks the next one." if turn.number < turn.of else ""
            self.feedback.show_asked(turn.questions, f"{self.key_name('Space')} answers {them} ({self._type_key()} to type)."
                                     + rest, turn.count_text)
        else:
            self._show_question(turn)
        self._focus_answer()

    def _type_key(self) -> str:
        return self.key_name("Ctrl+T")

    def key_name(self, key: str) -> str:
        """The key of the page's shortcut `key` as labels show it ("Space", "Ctrl+T")."""
        return key_text(self.shortcuts[key])

    def _speaking_text(self) -> str:
        """The state line while the interviewer speaks: "Preparing the question…" while its voice is rendered (not
        cached yet: seconds with nothing heard, fixG), then "The interviewer is asking…". While the follow-ups are
        spoken (asked, or replayed while they are open: `Rehearsal.asked_now`), "Preparing the follow-up…" (or "follow-ups"): they
        are new text, rendered every time, and on screen already (fixJ: it said "the question", which was not what
        would be heard)."""
        r = self.ctl.rehearsal
        turn = r.answering()[0] if r is not None else None
        what = "the question" if turn is None else "the follow-up" + ("s" if len(turn.questions) > 1 else "")
        now = f"Preparing {what}…" if self.ctl.voice_preparing else "The interviewer is asking…"
        return f"{now} ({self.key_name('Space')}: answer now)"

    def _on_preparing(self, _preparing: bool) -> None:
        # not while an answer starts (Space while the question was rendered): "Starting the microphone…" stays (fixCA)
        if self.ctl.state == c.SPEAKING and self.ctl.rehearsal is not None and not self.ctl.starting:
            self._say_state(self._speaking_text())

    def _on_state(self, state: str) -> None:
        focused = QApplication.focusWidget()
        space = self.key_name("Space")                  # each key named from its shortcut (fix41)
        texts = {c.IDLE: f"Ready: press {space} or Start answer when you are.",
                 c.SPEAKING: self._speaking_text(),
                 c.THINKING: "Think time…",
                 c.RECORDING: f"Listening… press {space} to stop (stops by itself after a silence).",
                 c.PROCESSING: PROCESSING_TEXT,
                 c.FEEDBACK: "Here is your feedback. Retry or go to the next question.",
                 c.FINISHED: ""}                  # the summary below says it (it was said three times)
        r = self.ctl.rehearsal
        # the last question's N finishes (walk15: "go to the next question" beside "Finish round")
        alone = r is not None and len(r.prompts) == 1 and scored.what_name(r) != "Round"     # not a round (walk21)
        finish = ("finish" if alone else "finish the round") if r is not None and r.is_last else ""
        if finish:
            texts[c.FEEDBACK] = f"Here is your feedback. Retry, or {finish}."
        if self.ctl.can(Action.CONTINUE) and self.ctl.stop_reason == "silence":
            # the banner says it, with its button, when it is up (walk57 9: three lines for one stop)
            texts[c.FEEDBACK] += "" if self._silence_banner_up() else " " + self._silence_line()
        elif self.ctl.can(Action.CONTINUE):
            texts[c.FEEDBACK] += f" {self.key_name('C')} continues this answer."
        if state in (c.FEEDBACK, c.IDLE) and r is not None and r.follow_up is not None:
            # (IDLE: an answer to them was not heard or failed; the follow-ups are still open)
            moves = f"{self.key_name('N')} to {finish}." if finish else f"{self.key_name('N')} moves on."
            texts[RehearsalState(state)] = (
                f"Press {space} to answer the follow-up" + ("s" if len(r.follow_up.questions) > 1 else "")
                + f" ({self._type_key()} to type)."
                + (f" {self.key_name('R')} answers the whole question again, {moves}" if state == c.FEEDBACK
                   else f" {moves}"))
        if self.next_pending and state == c.FEEDBACK:
            QTimer.singleShot(0, self, self._no_feedback_came)     # its feedback comes at once, or none does
        elif self.next_pending and state != c.PROCESSING:
            self.next_pending = False                # not heard, failed or cancelled: no feedback to move on from
        self._say_state(texts.get(RehearsalState(state), "") if r else "")
        opening = self.ctl.starting and state != c.RECORDING and self.ctl.recording_from_microphone
        if opening:
            self._say_state(STARTING_MIC.format(space=space))
        if self.ctl.starting and state != c.RECORDING and self.ctl.services.finishing_cancelled():
            self._say_state(FINISHING_CANCELLED)
        if self.next_pending and state == c.PROCESSING:
            self._say_state(NEXT_PENDING.format(n=self.key_name("N")))
        if r is not None and self.recap_labels:
            self._set_recap("")                      # the welcome is behind once a round starts
        if state in (c.IDLE, c.FEEDBACK, c.FINISHED):
            self._show_importing(False)
        elif self.ctl.importing and not self.ctl.cancelling:
            self._show_importing(True)
            if state == c.RECORDING:
                self._import_fraction = 0.0
                self._say_state(f"Reading in {self.ctl.import_file[0]}…")
            elif state == c.PROCESSING and not self.next_pending:
                self._say_state(self._transcribing_text() + "…")     # the file is read: its words are decoded now
        elif self.ctl.importing and state == c.PROCESSING:
            self._say_state(CANCELLING_IMPORT)           # cancelled while the file was read in: still being dropped
        if state != c.FEEDBACK and self.attempt_id is not None and self.feedback.has_unsaved_note():
            self.feedback.commit_note()              # retry, next or a new answer keeps a note not yet saved
        recording = state == c.RECORDING
        if not recording:
            self.meter.setValue(0)                   # the level is the microphone's now, not the last block's (a
            # meter left at 80% beside "I didn't hear an answer" told the candidate the opposite, walkthrough 10)
        self.answer_btn.setText(self._keyed("■ Stop" if recording or opening else "● Start answer", "Space"))
        accessible.name(self.answer_btn, self.answer_btn.text())
        self.answer_btn.setEnabled(self.ctl.can(Action.ANSWER) or self.ctl.can(Action.STOP) or opening)
        # Space is the answer key only while there is an answer to start or stop; otherwise it presses the
        # focused button (Start round, Got it...) as everywhere else
        self.shortcuts["Space"].setEnabled(self.answer_btn.isEnabled())
        before, self._last_state = self._last_state, state
        if state == c.IDLE and before in (c.RECORDING, c.PROCESSING) and r is not None:
            # no answer came of it (not heard, cancelled, failed): no time of it stays (walk58 9: "0:20 / 3:00"
            # beside "I didn't hear an answer")
            self._clear_answer()
        if state == c.RECORDING and self.ctl.continuing is not None and self._before_continuing is None:
            self._before_continuing = (self.attempt_line.isVisibleTo(self), self.attempt_line.text())   # before C
        if r is not None and ((state == c.RECORDING and before != c.RECORDING)
                              or (state == c.PROCESSING and before not in (c.RECORDING, c.PROCESSING))):
            self._clear_answer()                     # an answer starts (a typed one at PROCESSING): its own header,
            self._show_question(self.ctl.answering_follow_up)    # a follow-up's or the question's with its attempt
        # an answer starts (a typed one at PROCESSING): "I didn't hear an answer" was about the last one and stood
        # above this one's feedback; this answer's own notice (the microphone failed it) comes after the move
        if state in (c.RECORDING, c.PROCESSING) and self.notice.kind == c.ANSWER:
            self.notice.hide()
            self._keep_edit_notice()
        if state in (c.SPEAKING, c.THINKING, c.RECORDING) and not (state == c.SPEAKING and before == c.FEEDBACK):
            self.stack.setCurrentIndex(0)            # the last answer's feedback is not this answer's
        # the follow-ups asked aloud, or the question replayed, over the feedback: it stays in view
        self.continue_btn.setVisible(self.ctl.can(Action.CONTINUE))
        if state != c.RECORDING:
            self.countdown.hide()
        if state == c.RECORDING and self.ctl.continuing is not None:
            self.attempt_line.setText(CONTINUING_LINE)
            self.attempt_line.setVisible(True)
        elif state != c.RECORDING and self._before_continuing is not None:
            # the recording's line only (walk25: it stayed once the continuation was stopped or scored); a line
            # shown since (another question's) stays
            (visible, line), self._before_continuing = self._before_continuing, None
            if self.attempt_line.text() == CONTINUING_LINE:
                self.attempt_line.setText(line)
                self.attempt_line.setVisible(visible)
        if state == c.FEEDBACK and self.attempt_id is not None and self.stack.currentIndex() == 0 \
                and self.ctl.last_analysis is not None and before in (c.RECORDING, c.PROCESSING):
            self.stack.setCurrentIndex(1)            # a continuation not heard: the answer's feedback is back
        for button, action in ((self.import_btn, Action.IMPORT), (self.type_btn, Action.TYPE),
                               (self.retry_btn, Action.RETRY), (self.next_btn, Action.NEXT),
                               (self.replay_btn, Action.REPLAY)):
            button.setEnabled(self.ctl.can(action))
        for b in (self.start_btn, self.resume_btn, self.skipped_btn, self.prompt_btn, self.drill_btn, self.bank_box,
                  self.round_box):
            b.setEnabled(self.ctl.can(Action.CHOOSE))       # never lose an answer by starting something else
        if self.ctl.rehearsal and self.ctl.rehearsal.is_last:
            # one prompt is no round (walkthrough 9: it ended with "Round complete")
            alone = len(self.ctl.rehearsal.prompts) == 1 and scored.what_name(self.ctl.rehearsal) != "Round"
            self.next_btn.setText(self._keyed("Finish" if alone else "Finish round", "N"))
        else:
            self.next_btn.setText(self._keyed("Next", "N"))
        if focused is not None and self.isAncestorOf(focused) and not focused.isEnabled():
            self._refocus = True                    # the focused button is no longer an action (Stop, Retry, Next)
            now = QApplication.focusWidget()
            if now is None or not self.isAncestorOf(now):
                # Qt passed the focus on to the next widget that takes it: past the disabled buttons, round to the
                # sidebar's page list, where the arrow keys change page (walkthrough 9). The page keeps it until
                # its next action is live.
                self.setFocus(Qt.FocusReason.OtherFocusReason)
        ready = self._ready_for_answer()
        if ready and not self._was_ready:
            self._refocus = True                    # a round, drill, retry or the first question starts
        self._was_ready = ready
        if self._refocus:
            self._focus_answer()                    # when the answer button is live (also after feedback)

    def _on_elapsed(self, seconds: float, target: float) -> None:
        if self.ctl.importing:
            return                                   # a file's reading, not a spoken answer's time
        self._show_clock(seconds, target)

    def _show_clock(self, seconds: float, target: float) -> None:
        """The answer's time against its target; `target` 0: a follow-up's answer, held to none (walk53 3: it showed
        the question's "0:17 / 3:00"), so its time alone and no bar."""
        self.clock.setText(clock_text(seconds, target))
        self._clock_target = target
        self.time_bar.setVisible(target > 0 and not self.ctl.importing)
        self.time_bar.setMaximum(max(1, int(target * 10)))
        self.time_bar.setValue(int(min(seconds, target) * 10))
        over = 0 < target < seconds
        self.clock.setStyleSheet(f"color: {BAD};" if over else "")

    def _on_countdown(self, left: int) -> None:
        """The silence stop is near: said on the recording, gone when speech comes back (or the answer stops)."""
        self.countdown.setText(countdown_text(left) if left else "")
        self.countdown.setVisible(bool(left) and self.ctl.state == c.RECORDING)

    def _on_silence_stop(self, seconds: float, silence_s: float) -> None:
        """Over the feedback of an answer the silence stop may have cut mid-thought: continue it, or start over."""
        keys = self.key_name("C"), self.key_name("R")
        self._silence_notice = silence_stop_text(seconds, silence_s, *keys)
        self.notice.show_text(self._silence_notice, c.ANSWER,
                              (f"Continue this answer  ({keys[0]})", self.continue_btn.click))
        said = self.state_label.text()
        if f" {self._silence_line()}" in said:            # the banner says it now, with its button (walk57 9)
            self._say_state(said.replace(f" {self._silence_line()}", ""))

    def _silence_line(self) -> str:
        return silence_stopped_line(self.ctl.services.settings.audio.silence_stop_s, self.key_name("C"))

    def _silence_banner_up(self) -> bool:
        """The silence stop's "Not finished? Press C" banner shows."""
        return bool(self._silence_notice) and self.notice.isVisible() and self.notice.text() == self._silence_notice

    def _on_caption(self, committed: str, tentative: str) -> None:
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()     # secondary text (style.SECONDARY_TEXT)
        # a word a window cut goes on without a space ("Mm" + "-hmm.": walk58 finding 3; core.transcript.join_said)
        gap = "" if join_said([committed, tentative]) == committed.strip() + tentative.strip() else " "
        self.captions.setHtml(f"{html.escape(committed)}{gap}<span style='color: {muted}'>{html.escape(tentative)}</span>")
        self.captions.verticalScrollBar().setValue(self.captions.verticalScrollBar().maximum())

    def _on_analysis(self, analysis, attempt_id: int) -> None:
        self.attempt_id = attempt_id
        self._attempt_prompt = analysis.prompt.id
        self.audio_path = self.ctl.last_audio_path
        r = self.ctl.rehearsal
        turn = self.ctl.last_follow_up                  # the answer answered the follow-ups: a drill of their points
        if turn is not None and r is not None and analysis.prompt.id in r.results:
            hits = r.hits(analysis.prompt.id)
            now = (f"With the answer it follows, this question now has {sum(hit for _, hit in hits)} of {len(hits)} "
                   f"key point{'s' if len(hits) != 1 else ''}.")
            # what the interviewer would still ask: the follow-ups of the answer it followed, left open
            analysis = dataclasses.replace(analysis, follow_ups=r.open_follow_ups())
            # fixCU: the other points still missed that it covered count as the asked ones do (as the round counted
            # them: a cut-off answer adds nothing)
            also = [kp.label for kp in turn.also_covered(analysis) if kp.id in r.covered.get(analysis.prompt.id, ())] \
                if turn.others else None
            self.feedback.show_analysis(analysis, drill=list(turn.labels), follow_up=now, next_up=self._next_up(),
                                        also=also)
        else:
            drill = r.focus.get(analysis.prompt.id) if r else None
            self.feedback.show_analysis(analysis, drill=drill, next_up=self._next_up())
            if attempt_id >= 0 and not drill:       # a drill's whole-answer score is not counted: nothing to compare
                self._show_since(attempt_id, analysis.overall, r.bank.id if r else "")
        self.stack.setCurrentIndex(1)
        self._into_view = True
        QTimer.singleShot(0, self, self._feedback_into_view)
        if self._from_dialog:
            self._from_dialog = False
            self._focus_after_feedback()

    def _next_up(self) -> NextUp | None:
        """The follow-up F asks next of the answer just scored and how many wait after it (None: none open, or no
        round): the feedback names that one, not every open follow-up (fixBI)."""
        r = self.ctl.rehearsal
        return r.next_follow_up() if r is not None and r.current.id == self._attempt_prompt \
            and r.current.id in r.results else None

    def _feedback_into_view(self) -> None:
        """A scored answer's feedback comes into view: in a small window (640x520) the page stayed at the question and
        the candidate saw the question, not the result (fixH's leftover). The page scrolls as little as it takes to
        show the whole feedback, so as much of the question as fits stays above it; if the feedback is taller than the
        page shows at once, its top (the headline and scores) is shown. Nothing moves when it is in view already.
        The feedback settles over a few passes of the event loop (its note row rearranges at the page's width), so
        this runs again whenever the page's height changes, until the candidate scrolls or the feedback goes.
        Not QScrollArea.ensureWidgetVisible (fixJ): it centres a widget larger than the view, sideways too, so with a
        large system font (16 pt at 640x520) the page moved 37 px left and cut the headline's first letters."""
        if self.stack.currentWidget() is not self.feedback:
            self._into_view = False
        if not self._into_view:
            return
        viewport = self.page_scroll.viewport()
        top = self.feedback.mapTo(viewport, self.feedback.rect().topLeft()).y()
        bar = self.page_scroll.verticalScrollBar()
        below = top + self.feedback.height() - viewport.height()    # how far its bottom is under the page's
        step = top if top < 0 else min(max(below, 0), top)            # never past its top
        if step:
            bar.setValue(bar.value() + step)

    def _focus_after_feedback(self) -> None:
        """A typed or imported answer's feedback: the keyboard on its next step, shown focused, the same for both
        (walkthrough 14: the page itself had it after a typed answer, Start answer after an imported one):
        "Answer the next follow-up" while offered (Space asks it, the next Space answers it), else Next. A spoken
        answer's stays on the answer button, where Space just stopped it: a second Space does not move on."""
        r = self.ctl.rehearsal
        if r is None or r.follow_up is not None:     # asked already: the answer button has it (_on_follow_up_asked)
            return
        ask = self.feedback.ask
        self._next_focus = ask if ask.isVisibleTo(self) and ask.isEnabled() else self.next_btn
        self._focus_next()

    def _show_since(self, attempt_id: int, overall: float, bank_id: str) -> None:
        """The last answer to this question from History, whichever session it was in, beside this one's score
        (walkthrough 9: "Attempt 2 · last time" only showed after a retry in the same sitting), and the bank it was
        given with when a copy's last one was its origin's (walk17)."""
        service, registry = self.services.history, self.services.registry

        def shown(previous: dict | None) -> None:
            if self.attempt_id == attempt_id:          # still this answer's feedback
                origin = last_given_with(previous, bank_id, registry.find, registry.labels())
                self.feedback.show_since(since_last_time(previous, overall, origin=origin))
        query(lambda: service.previous_answer(attempt_id), on_done=shown, owner=self,
              on_error=lambda exc: log.info("no last time to compare: %s", exc))

    def _share_pick_row(self) -> None:
        """The Bank and Round lists share their row as their names' lengths do (walk47 7: at 1366x768 and 1.25x the
        round, "Round 4 - Why Airwallex and your experience (4 prompts)", was cut with room left in the Bank list)."""
        for box in (self.bank_box, self.round_box):
            self._pick.setStretchFactor(box, max(1, box.fontMetrics().horizontalAdvance(box.currentText())))

    def _size_by_shown_page(self, index: int) -> None:
        """Only the page shown sets the stack's height: a round summary left behind the feedback (after "Drill
        these now") made the page taller than a 1366x768 window, so the note row scrolled out of view."""
        for i in range(self.stack.count()):
            w = self.stack.widget(i)
            if w is None:
                continue
            w.setSizePolicy(QSizePolicy.Policy.Preferred,
                            QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored)
        self.stack.updateGeometry()

    def _save_note(self, note: str, rating: int) -> None:
        if self.attempt_id is not None:
            self.ctl.save_note(self.attempt_id, note, rating, on_saved=self.feedback.note_saved)
        r = self.ctl.rehearsal
        if r is not None and self._attempt_prompt is not None:
            r.set_note(self._attempt_prompt, note)         # a retry shows it above the question
            # saved on leaving: the retry is on screen (while the feedback shows, the line above is still this
            # attempt's, not the next one's)
            if (self.attempt_line.isVisibleTo(self) and r.current.id == self._attempt_prompt
                    and self.ctl.state != c.FEEDBACK and r.answering()[0] is None):    # not over a follow-up's line
                self.attempt_line.setText(r.attempt_note or "")

    def _on_round_finished(self, summary) -> None:
        rehearsal = self.ctl.rehearsal
        if rehearsal is None:
            return
        bank = rehearsal.bank
        # scrolls by itself, its lines wrapped to the page's width (in the stack, it was laid out at its narrow size
        # hint: tall, it pushed "Skipped" below the fold at 1366x768, walkthrough 13)
        page = QScrollArea()
        page.setWidgetResizable(True)
        page.setFrameShape(QFrame.Shape.NoFrame)
        page.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget()
        lay = QVBoxLayout(body)
        # a drill's end said "Round complete" (walkthrough 6), and so did one prompt's (walkthrough 9)
        what = scored.what_name(rehearsal)
        top = QHBoxLayout()              # one row: the summary fits a 1366x768 screen (walkthrough 13)
        unscored = scored.delivery_beside(rehearsal, what)
        titled = QVBoxLayout()           # the heading, and under it the Delivery toggle (in the big number's height)
        titled.addWidget(heading(f"{what} complete", 16))
        self.delivery_btn = self.delivery_cards = None
        # walk63 8: the cards whenever there are some, where a competency scores delivery too ("Clear communication
        # 79": what pulled it down)
        to_read = unscored[1] if unscored is not None else scored.delivery_cards(rehearsal)
        if to_read is not None:
            # mendM's leftover: the cards were in a tooltip only; shown under the overall on demand (the summary
            # still fits 1366x768 shut), by mouse or keyboard
            cards = plain(to_read)
            cards.setWordWrap(True)
            cards.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            cards.hide()
            toggle = QPushButton(DELIVERY_CARDS_BUTTON[0])
            toggle.setCheckable(True)
            toggle.setAccessibleName(DELIVERY_CARDS_NAME)
            toggle.setToolTip(DELIVERY_CARDS_NAME)

            def shown_cards(on: bool, toggle: QPushButton = toggle, cards: QLabel = cards) -> None:
                toggle.setText(DELIVERY_CARDS_BUTTON[on])
                cards.setVisible(on)
                if on:
                    QTimer.singleShot(0, lambda: page.ensureWidgetVisible(cards))
            toggle.toggled.connect(shown_cards)
            titled.addWidget(toggle, 0, Qt.AlignmentFlag.AlignLeft)
            self.delivery_btn, self.delivery_cards = toggle, cards
        titled.setSpacing(0)             # the two in the height of the big number and its caption (1366x768)
        top.addLayout(titled)
        top.setAlignment(titled, Qt.AlignmentFlag.AlignVCenter)
        top.addSpacing(24)
        # a drill's one number, saying what it counts (walk38: four numbers for two answers, each explained apart)
        counts = "/ 100 on the points asked for" if what == "Drill" else "overall / 100"
        top.addWidget(big_number(summary.overall, f"{counts} · answered {summary.answered} of {summary.total}"), 1)
        beside = QVBoxLayout()           # what the overall is made of, and what it leaves out, beside it
        if what != "Drill" and (made := scored.how_made(summary, bool(summary.competencies), what)) is not None:
            # walk41: "15 overall" over answers of 40, 0 and 0 was not explained; beside it, so the summary still
            # fits a 1366x768 screen (walkthrough 13)
            beside.addWidget(muted(made))
        if unscored is not None:
            # walk60 8: a round of 100 over an answer with 52 fillers, nothing said: once, beside the overall (in the
            # big number's height: a line under it pushed "Drill these now" out of a 1366x768 screen)
            said = plain(unscored[0])
            said.setWordWrap(True)
            said.setStyleSheet("font-weight: 600")
            said.setToolTip(unscored[1])
            beside.addWidget(said)
        if beside.count():
            beside.setSpacing(2)
            top.addLayout(beside, 2)
            top.setAlignment(beside, Qt.AlignmentFlag.AlignVCenter)
        lay.addLayout(top)
        if self.delivery_cards is not None:
            lay.addWidget(self.delivery_cards)
        if (skips := scored.skipped_line(summary.answered, summary.total)) is not None:     # not the headline (walk37)
            lay.addWidget(muted(skips))
        if (elsewhere := scored.off_topic_line(rehearsal)) is not None:       # walk58 5: said in each feedback only
            lay.addWidget(muted(elsewhere))
        if (both := scored.before_and_with(rehearsal, summary)) is not None:     # one number a label (walk18)
            lay.addWidget(muted(both))
        for line in best_try_lines(rehearsal, what):   # which try counts, when a question was answered again
            lay.addWidget(muted(line))
        if (cut := cut_off_line(rehearsal)) is not None:
            lay.addWidget(muted(cut))
        since = muted("")                  # "Last time this round scored 58 (yesterday) → now 88 (+30)", from History
        since.hide()
        lay.addWidget(since)
        if self.ctl.round_pk is not None:
            service, pk = self.services.history, self.ctl.round_pk

            def shown(previous: dict | None) -> None:
                origin = last_given_with(previous, bank.id, self.services.registry.find,
                                         self.services.registry.labels())
                if self.summary is page and (text := since_last_time(
                        previous, summary.overall, "this round", answered=(summary.answered, summary.total),
                        origin=origin)):
                    since.setText(text)
                    since.show()
            query(lambda: service.previous_round(pk), on_done=shown, owner=page,
                  on_error=lambda exc: log.info("no last round to compare: %s", exc))
        shares = summary.shares if len(summary.shares) > 1 and what != "Drill" else {}
        # no competency bars for a drill: made of the few points it asked for, "Depth 0" beside the answer's own
        # "Depth 40" was another number to explain (walk38); the questions' lines say what each covered
        competencies = summary.competencies if what != "Drill" else {}
        for cid, score in competencies.items():
            comp = bank.competency(cid)
            weight = f"job weight {comp.weight:.2f}" if comp else ""    # as the feedback's bars say it
            detail = f"{shares[cid]:.0%} of the overall" + (f" ({weight})" if weight else "") if cid in shares \
                else weight
            lay.addWidget(ScoreBar(comp.name if comp else cid, score, detail))
        if shares:                       # how the overall is made from the bars (walkthrough 10)
            explained = muted(ROUND_SHARES_EXPLAINED)
            explained.setWordWrap(True)
            lay.addWidget(explained)
        if competencies and summary.skipped:             # scored as misses (summarize_round)
            lay.addWidget(muted(SKIPPED_IN_BARS))
        if competencies:                                 # why Progress shows other numbers for this round (walk37)
            about = muted(scored.ROUND_COMPETENCIES)
            about.setWordWrap(True)
            lay.addWidget(about)
        answered = rehearsal.drill_next(summary)         # both sittings of a round taken up again
        # not answered, or only cut off (not counted): to answer next time
        skipped = list(dict.fromkeys(p.id for p in rehearsal.prompts if not rehearsal.counted(p.id)))
        to_drill = answered[:self.services.settings.practice.summary_drill_points]
        # side by side, one grid (its rows fit their wrapped lines): "Skipped" was below the fold at 1366x768
        # (walkthrough 13)
        prompts = list(dict.fromkeys(rehearsal.whole or rehearsal.prompts))        # scored.question_lines' order
        self.question_lines = []
        lists = QGridLayout()
        lists.setHorizontalSpacing(24)
        lay.addLayout(lists)
        # a line a question: its score, key points, what its follow-ups added, or skipped (walk18: 80% blank); a
        # column beside the others, so the summary still fits 1366x768
        lists_shown = [(title, lines) for title, lines in (
            (QUESTION_BY_QUESTION, scored.question_lines(rehearsal)),
            ("Drill next", drill_next_lines(bank, answered, len(to_drill), named=what != "Prompt")),
            (skipped_heading(len(skipped)), [bank.prompt(pid).text + (" (cut off)" if pid in rehearsal.results
                                                                          else "") for pid in skipped])) if lines]
        whole = drill_next_lines(bank, answered, len(to_drill), named=what != "Prompt", short=False)
        for col, (title, lines) in enumerate(lists_shown):
            # "Drill next" the widest: each point names its question (walk46 5), and still fits 1366x768
            lists.setColumnStretch(col, 3 if title == "Drill next" else 2)
            column = QVBoxLayout()           # a column of its own: a long line in one does not space out the others
            lists.addLayout(column, 0, col)
            column.addWidget(heading(title, 12))
            for i, line in enumerate(lines):
                text = f"• {line}"             # every column bulleted (walk19: questions ran into each other)
                if title == QUESTION_BY_QUESTION:       # a line a question: Tab, arrows, Enter/Space/click open it
                    button = LineButton(text, self.question_lines, prompts[i].id)
                    button.setToolTip("Show this question's answers in History")
                    button.clicked.connect(lambda _=False, pid=prompts[i].id: self.openQuestion.emit(bank.id, pid))
                    column.addWidget(button)
                    continue
                item = plain(text)
                item.setWordWrap(True)
                if title == "Drill next" and i < len(whole) and whole[i] != line:
                    item.setToolTip(whole[i])           # the point and its question as the bank words them
                column.addWidget(item)
            if title == "Drill next":
                # exactly these points: "Drill my weak points" above picks from the whole history instead
                self.drill_these_btn = QPushButton("Drill these now")
                self.drill_these_btn.setToolTip(
                    "Asks again exactly the points listed above, the ones this round's answers missed, told which "
                    "to cover (Drill my weak points picks from the last "
                    f"{self.services.settings.history.weak_point_window} answers to each question instead)")
                self.drill_these_btn.clicked.connect(lambda: self.ctl.drill_points(bank, to_drill))
                column.addWidget(flow_row(self.drill_these_btn))
            column.addStretch(1)
        lay.addStretch(1)
        page.setWidget(body)
        keyboard_buttons(page)                       # Enter presses "Drill these now" as Space does (walkthrough 9)
        self.notice.hide()
        self.drill_note.hide()                       # a drill's "bring in these points" is not the summary's
        self.attempt_line.hide()
        self._set_summary(page)
        self.stack.setCurrentIndex(2)
        self._size_by_shown_page(2)
        self.prompt_text.setText(scored.round_message(rehearsal, summary, what))
        if what == "Prompt" and rehearsal.round_id is not None and len(bank.rounds) == 1 and \
                len(bank.rounds[0].prompts) > 1:
            # walk60 10: "Try the whole round." right after the whole round; History says when it was last done whole
            # (not on a round of one question: One prompt of it is stored as the round itself, read45a 6)
            service, round_id = self.services.history, rehearsal.round_id

            def round_done(finished: str | None) -> None:
                if finished is not None and self.summary is page:
                    self.prompt_text.setText(scored.round_message(rehearsal, summary, what, round_finished=finished))
            query(lambda: service.round_finished(bank.id, round_id), on_done=round_done, owner=page,
                  on_error=lambda exc: log.info("no whole round to name: %s", exc))
        self.position.setText(f"One prompt: {rehearsal.prompts[0].text}" if what == "Prompt" else rehearsal.title)
        self._next_focus = self.drill_these_btn if to_drill else self.start_btn
        self._focus_next()
        self.historyChanged.emit()
