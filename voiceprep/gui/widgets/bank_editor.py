"""The bank editor: job, competencies (weights with their live sum), rounds, prompts and key points.

Edits go into a BankDocument (tomlkit: the file keeps its comments and layout), one undo step per
field change or structural action. The loader validates the text after every change and its
file:line messages are listed below; unsaved work is written to a draft on disk after each
committed edit (fields commit half a second after typing stops), so closing the app loses nothing.
Bank text is shown as plain text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from voiceprep import paths
from voiceprep.app.trial import Trial, try_point
from voiceprep.core.analysis.followups import follow_up_misses_point
from voiceprep.core.analysis.scoring import round_shares
from voiceprep.core.banks import point_names
from voiceprep.core.banks.advice import key_point_hint
from voiceprep.core.banks.document import STARTER_ID, STARTER_LABEL, BankDocument, NodePath, slugify
from voiceprep.core.banks.drafts import discard_draft, new_draft_file, save_draft
from voiceprep.core.banks.load import (
    DEFAULT_DELIVERY_WEIGHT,
    NAMED_PLACES,
    TARGET_SECONDS_RANGE,
    WEIGHT_TOLERANCE,
    BankLoadError,
    default_cues,
    label_too_long,
    parse_bank,
    weight_text,
)
from voiceprep.core.banks.model import DELIVERY_ASPECTS, Bank
from voiceprep.core.banks.new_point import default_competency
from voiceprep.core.banks.notes import ProposedPoint
from voiceprep.core.wording import TYPED_AND_TRIED, counted
from voiceprep.gui.operations import run_in_background
from voiceprep.gui.widgets import accessible
from voiceprep.gui.widgets.common import WARN, WrappedLine, enter_presses_buttons
from voiceprep.gui.widgets.numbers import LimitedNumber, LimitedSpin, decimal_advice, decimal_typo
from voiceprep.gui.widgets.shortcuts import SECTION, key_text
from voiceprep.settings import (
    TREE_ROW_PAD_PX,
    TREE_TEXT_CHARS,
    TREE_WRAP_MIN_PX,
    AnalysisSettings,
    BankSettings,
    TranscriptionSettings,
)

# fixCM: what Cues needed does, as the judge does it (its cue share is matched cues / min_cues, weighed with meaning:
# judge.py `_cue_share`) and as question_banks/README.md says it, word for word
CUES_NEEDED_TIP = ("How many different cues must be heard for the strongest word match (default 1 when cues are "
                   "written; with none, half of the words the label gives as cues, rounded up). The judge weighs it "
                   "with meaning, which can credit the point with fewer; cues heard do not always count it alone.")

PATH_ROLE = Qt.ItemDataRole.UserRole
MESSAGE_ROLE = Qt.ItemDataRole.UserRole + 1        # a problem's message (a missing field is named in it)
KIND_ROLE = Qt.ItemDataRole.UserRole + 2           # "problem" (stops practice), "warning" (Save asks), "hint"
KIND_TIPS = {"problem": "A problem: the bank is not offered for practice until it is fixed.",
             "warning": "A warning: the bank still works; Save asks first.",
             "hint": "A tip: it does not stop anything."}
COMMIT_DELAY_MS = 500
VOCABULARY_LINES_MAX = 8        # the Job form's Vocabulary box grows with its names to this many lines
CUES_LINES_MAX = 12             # the Cues box grows with its cues to this many lines (a key point's form fits 1366x768)
PLACEHOLDER_ID = re.compile(r"(prompt|point)(-\d+)?")       # a new item's id until it is named from its words
# a new competency's id until it is named from its name ("competency_1" in a draft kept from before walk21)
COMPETENCY_PLACEHOLDER = re.compile(r"competency[-_]\d+")
TARGET_MIN_S, TARGET_MAX_S = TARGET_SECONDS_RANGE          # the loader's limits for a prompt's target time
LIMIT_TEXT = (f"from {TARGET_MIN_S} s to {TARGET_MAX_S // 60} min ({TARGET_MAX_S} s); most answers aim for 2-3 min "
              "(120-180 s)")


def _field_of(path: NodePath) -> str:
    """A node's field path in the problems' form: ("rounds", 0, "prompts", 3) -> "rounds[0].prompts[3]"."""
    return ".".join(f"{path[i]}[{path[i + 1]}]" for i in range(0, len(path) - 1, 2))


def saved_where(path: Path) -> str:
    """Where a bank is saved, as the editor's status line says it: a file in the banks folder by its name ("your banks
    folder, as acme.toml"; fixCM: the whole path was a machine's own, in a screenshot too), any other by its path."""
    if path.parent.resolve() == paths.user_banks_dir().resolve():
        return f"{BANKS_FOLDER}, as {path.name}"
    return str(path)


def invisible_taken_out(n: int) -> str:
    """What the save line adds when it took invisible characters out of what was pasted (walk63 3), once."""
    return INVISIBLE_TAKEN_OUT.format(characters=counted(n, "invisible character")) if n else ""


def opened_text(path: Path | None, restored: bool = False) -> str:
    """The editor's status line as a bank opens (OPENED): where it is saved; unsaved changes restored are not saved
    yet, even in a bank that has a file."""
    where = saved_where(path) if path else BANKS_FOLDER
    return OPENED["restored" if restored else "saved" if path else "new"].format(where=where)


def plain_label(text: str = "", wrap: bool = True) -> QLabel:
    """A label that never renders its text as rich text (bank text may contain <img> or <a>)."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def plain_tooltip(text: str) -> str:
    """Tooltips auto-detect rich text: escape and wrap so bank text shows literally."""
    return f"<p>{html.escape(text)}</p>" if text else ""


def _sentence(text: str) -> str:
    """`text` ending as a sentence does (a full stop added when it has none), for another to follow it."""
    text = text.rstrip()
    return text if not text or text[-1] in ".?!…" else f"{text}."


def _elide(text: str, n: int = 70) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[:n - 1] + "…"


class _WrappedRowDelegate(QStyledItemDelegate):
    """A row as tall as its text wrapped to the width the tree draws it in: the row's, less the style's text margins
    (Qt's tree measures a row unwrapped; read41b 4: 8 px taken off for them, 6 in Fusion, wrapped a key point at
    1366 to three lines where two were drawn, the third empty)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        tree = self.parent()
        if not isinstance(tree, QTreeWidget):
            return size
        depth, up = 1, index.parent()
        while up.isValid():
            depth, up = depth + 1, up.parent()
        if not tree.rootIsDecorated():
            depth -= 1
        margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1   # as Qt draws it
        width = tree.columnWidth(0) - tree.indentation() * depth - 2 * margin
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if width < TREE_WRAP_MIN_PX or not text:
            return size
        rect = option.fontMetrics.boundingRect(QRect(0, 0, width, 100000), int(Qt.TextFlag.TextWordWrap), text)
        return QSize(size.width(), max(size.height(), rect.height() + TREE_ROW_PAD_PX))


class WrappingTree(QTreeWidget):
    """The editor's tree: its rows wrap instead of eliding (walk55 finding 7: at 1366 and at 2560/150 % every prompt
    and key point read "Tell me about a payment system you design…", the part that told them apart cut off), laid
    out again when its viewport is resized (the pane, or the vertical scroll bar coming or going); each row's whole
    text is its tooltip and what a screen reader reads."""

    def __init__(self) -> None:
        super().__init__()
        self.setItemDelegate(_WrappedRowDelegate(self))
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def resizeEvent(self, event) -> None:
        # a scroll area's resizeEvent is its viewport's (QAbstractScrollArea): the pane resized, and the vertical
        # scroll bar coming or going (the tree's own size unchanged), re-measure every row for the width drawn
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()       # row heights follow the new width


def set_row_text(it: QTreeWidgetItem, text: str) -> None:
    """A tree row's text: wrapped whole (up to TREE_TEXT_CHARS), whole in its tooltip and to a screen reader."""
    it.setText(0, _elide(text, TREE_TEXT_CHARS))
    it.setToolTip(0, plain_tooltip(text))
    it.setData(0, Qt.ItemDataRole.AccessibleTextRole, " ".join(str(text).split()))


def id_from_text(text: str, taken: set[str], fallback: str, words: int = 3) -> str:
    """An id from a prompt's or key point's content words: "I cut p99 latency by 40%" -> "cut-p99-latency"."""
    return slugify(" ".join(default_cues(text)) if text.strip() else "", taken, fallback=fallback, words=words)


TAB_POLICIES = (Qt.FocusPolicy.TabFocus, Qt.FocusPolicy.StrongFocus, Qt.FocusPolicy.WheelFocus)


def _tab_stops(layout: QLayout | None) -> list[QWidget]:
    """The widgets Tab stops on in `layout`, in the order they are drawn (rows top to bottom, left to right); a
    widget's own parts (a combo box's popup, a spin box's line edit) are not stops of their own."""
    stops: list[QWidget] = []
    if layout is None:
        return stops
    if isinstance(layout, QFormLayout):
        roles = (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole, QFormLayout.ItemRole.SpanningRole)
        items = [layout.itemAt(row, role) for row in range(layout.rowCount()) for role in roles]
    else:
        items = [layout.itemAt(i) for i in range(layout.count())]
    for item in items:
        if item is None:
            continue
        if item.layout() is not None:
            stops += _tab_stops(item.layout())
        elif (w := item.widget()) is not None:
            if w.focusPolicy() in TAB_POLICIES:
                stops.append(w)
            elif w.layout() is not None:
                stops += _tab_stops(w.layout())
    return stops


# the status line as a bank opens (opened_text); walk63 3: "Restored your unsaved changes. Saved in your banks folder,
# as X.toml." under a title marked unsaved: restored changes are not saved yet, even in a bank that has a file
BANKS_FOLDER = "your banks folder"
OPENED = {"saved": "Saved in {where}.", "new": "Not saved yet: Save puts it in {where}.",
          "restored": "Restored your unsaved changes: not saved yet. Save puts them in {where}."}
# what the save line adds when it took invisible characters out of what was pasted (walk63 3; read47b 6: it was worded
# in a function), once
INVISIBLE_TAKEN_OUT = (" Took out {characters} that came with what you pasted (zero-width spaces, joiners, soft "
                       "hyphens): they split words when the interviewer reads your points aloud.")
CLOSE_EDITOR = "Close the bank editor"      # Ctrl+W's line on the shortcuts sheet, Esc's beside it (MainWindow)


def _shortcut(keys: QKeySequence, parent: QWidget, slot: Callable[[], Any], context: Qt.ShortcutContext,
              what: str) -> QShortcut:
    """A key for the editor, saying on the keyboard-shortcuts sheet (F1) what it does."""
    shortcut = QShortcut(keys, parent)
    shortcut.setWhatsThis(what)
    shortcut.setContext(context)
    shortcut.activated.connect(slot)
    return shortcut


ID_TIP = ("A short name kept in your history (lowercase, dashes). Renaming it starts a new history for this item. "
          "A new prompt or key point gets one from its words when the bank is first saved with it.")
PLACES = NAMED_PLACES
FIELDS = {"title": "Title", "text": "Prompt", "label": "Key point", "id": "Id", "name": "Name", "weight": "Weight",
          "competency": "Competency", "cues": "Cues", "min_cues": "Cues needed", "target_seconds": "Target time",
          "follow_up": "Follow-up", "company": "Company", "level": "Level", "description": "Description"}


def field_parts(field: str | None) -> list[tuple[str, str]]:
    """A problem's field path as (name, index or "") pairs: "rounds[0].prompts[1].text" ->
    [("rounds", "0"), ("prompts", "1"), ("text", "")]."""
    return re.findall(r"(\w+)(?:\[(\d+)\])?", field or "")


# Try it's description, read by a screen reader where the keyboard is: the rule its tooltip says too (walk59's brief:
# it said "Press Enter to check it" alone)
TRY_IT_DESCRIPTION = f"Press Enter to check it. {TYPED_AND_TRIED}"
EMPTY_POINT_FIX = "type what you want to say, or remove it with Remove (Delete in the tree)"
EMPTY = {"key_points": "This question has no key points yet: add one",
         "prompts": "This round has no questions yet: add one",
         "rounds": "This bank has no rounds yet: add one"}


# a competency's delivery (question_banks/README.md, "Delivery in a competency"), in the form's words (walk61 4)
DELIVERY_EXPLAINED = ("Optional: tick how you speak, if it counts for this competency (e.g. “Clear communicator”). "
                      "Each ticked measure scores 0-100 from the delivery feedback of every spoken answer; a typed "
                      "answer has only its structure measured.")
DELIVERY_TIPS = {"pace": "Pace: words a minute, neither rushed nor slow",
                 "fillers": "Fillers: few “um”, “uh”, “you know”",
                 "structure": "Structure: situation, task, action, result",
                 "hedges": "Hedges: few “I think”, “maybe”, “sort of”",
                 "pauses": "Pauses: few long silences"}
DELIVERY_SHARE_TIP = ("How much of this competency's score comes from the ticked measures (0.3: 30%); the rest comes "
                      "from its key points")


# the starter question's example key point, gone when the question was rewritten (_follow): said on the status line,
# and on the question's line in the problems list while it has no point of its own (walk59 9d: the status line's
# sentence was replaced by the next edits, the list said only "no key points yet")
ADD_YOUR_OWN = "add your own (Add a key point, or Key points from my notes…)"
EXAMPLE_WENT = f"The example key point “{STARTER_LABEL}” went with the old question: {ADD_YOUR_OWN}."
EXAMPLE_GONE = (f"This question has no key points yet: the example key point “{STARTER_LABEL}” went when you "
                f"rewrote the question; {ADD_YOUR_OWN}")


# a weighted competency no key point names: it counts for nothing (walk68 5: a misclick left one so, nothing said)
NO_KEY_POINT = ("{named} (weight {weight}) has no key point, so it counts for nothing in the overall: pick it "
                "as the Competency of the key points that show it")
# a competency far below its weight in a round, as the round summary will weigh it (scoring.round_shares)
FAR_BELOW = ("{named} (weight {weight}) will carry about {share:.0%} of the overall of round “{round}”, not "
             "{fair:.0%}: {points} of the round's {total} key points {are} on it. Give it more key points there, or a lower "
             "weight")


def problem_place(field: str | None, round_titles: Sequence[str] = (), names: Mapping[str, str] | None = None) -> str:
    """Where a problem is, as the tree names it: "Behavioural › “Tell me about a conflict.” › key point 2" (a round by
    its title, walkthrough 10: "Round 1" for a round named "Behavioural"; "Round 1" when it has none; a prompt or
    key point by its words from `names`, walkthrough 12: "prompt 2" had to be counted in the tree), "Job",
    "Competency 2". `names` maps a node's field path ("rounds[0].prompts[1]") to its text."""
    where: list[str] = []
    prefix = ""
    for part, index in field_parts(field):
        prefix += f"{'.' if prefix else ''}{part}" + (f"[{index}]" if index else "")
        text = " ".join(str((names or {}).get(prefix, "")).split())
        if part == "rounds" and index:
            title = round_titles[int(index)].strip() if int(index) < len(round_titles) else ""
            where.append(title or f"Round {int(index) + 1}")
        elif part in ("prompts", "key_points") and index and text:
            where.append(f"“{_elide(text, 40)}”")
        elif part in PLACES and index:
            where.append(f"{PLACES[part]} {int(index) + 1}")
        elif part == "job":
            where.append("job")
    place = " › ".join(where)
    return place[:1].upper() + place[1:]


def problem_text(field: str | None, message: str, round_titles: Sequence[str] = (),
                 names: Mapping[str, str] | None = None, other: str = "") -> str:
    """A bank problem as the editor's user reads it: "Behavioural › prompt 2: Prompt is empty", not
    "line 9: rounds[0].prompts[1]: missing required field 'text'" (the file's view is in the tooltip).
    `round_titles` names the rounds by their titles (the editor knows them; a file that did not load does not);
    `other`, a duplicate id's first holder (BankError.other), is named by its words, not its line in the file."""
    name = None
    for part, index in field_parts(field):
        if not (part in PLACES and index) and part != "job":
            name = part
    place = problem_place(field, round_titles, names)
    duplicate = re.fullmatch(r"duplicate ([a-z ]+) id '([^']*)' \(first used on line \d+\)", message)
    if duplicate and other:
        what, value = duplicate.groups()
        words = " ".join(str((names or {}).get(other, "")).split())
        parts = field_parts(other)
        if not words and parts and parts[0][0] == "rounds" and len(parts) == 1 and parts[0][1]:
            words = round_titles[int(parts[0][1])].strip() if int(parts[0][1]) < len(round_titles) else ""
        holder = f"the {what} “{_elide(words, 60)}”" if words else problem_place(other, round_titles, names) or f"another {what}"
        said = (f"Id “{value}” is already the id of {holder}: give this {what} another id (More › Id), lowercase "
                "with dashes")
        return f"{place}: {said}" if place else said
    missing = re.fullmatch(r"missing required field '(\w+)'.*", message)
    if missing and missing.group(1) == "competency":
        return f"{place}: Competency is empty: pick one (this bank has competencies, so each key point names one)"
    if name == "competency" and (unknown := re.match(r"(?:names|unknown competency) '([^']*)'", message)):
        what = unknown.group(1)         # walkthrough 20: "names 'competency_1' but the bank defines no [[competencies]]"
        return f"{place}: Competency “{what}” is not one of this bank's competencies: pick one, or (none)"
    if missing and missing.group(1) in EMPTY:
        return f"{place}: {EMPTY[missing.group(1)]}" if place else EMPTY[missing.group(1)]
    if missing:
        name, text = missing.group(1), "is empty: fill it in"
    elif name == "label" and message == "must not be empty":    # walk43 finding 7: say the way out
        text = f"{message}: {EMPTY_POINT_FIX}"
    else:
        text = message
    if name == "competencies" and not place:        # "Competency weights add up to 1.2; ...", not "Competencies w..."
        return f"Competency {text}"
    label = FIELDS.get(name or "", name.replace("_", " ").capitalize() if name else "")
    if place:
        return f"{place}: {label + ' ' if label else ''}{text}"
    said = f"{label + ' ' if label else ''}{text}"
    return said[:1].upper() + said[1:]          # a sentence of its own (walk61 1: "the file is 355,112 characters")


def problem_field(field: str | None, message: str = "") -> str | None:
    """The form field a problem is about: "rounds[0].prompts[1].text" -> "text"; a missing field is named in the
    message ("missing required field 'label'")."""
    missing = re.fullmatch(r"missing required field '(\w+)'.*", message)
    if missing:
        return missing.group(1)
    names = [name for name, index in field_parts(field) if not index and name not in PLACES and name != "job"]
    return names[-1] if names else None


class _Field:
    """One form field bound to a key of the node being edited."""

    def __init__(self, key: str, widget: QWidget, read: Callable[[], Any]):
        self.key, self.widget, self.read = key, widget, read
        self.initial: Any = None        # the value shown when the form opened: only real edits are written


class BankEditor(QWidget):
    saved = Signal(str)          # the file written
    closed = Signal()
    changed = Signal()

    def __init__(self, limits: BankSettings | None = None, parent=None):
        super().__init__(parent)
        self.setProperty(SECTION, "Bank editor")      # its keys have their own heading on the shortcuts sheet (F1)
        enter_presses_buttons(self)          # Enter presses a button reached with Tab, as Space does
        self.limits = limits or BankSettings()
        self.doc: BankDocument | None = None
        self.draft_file: Path | None = None
        self.fields: list[_Field] = []
        self.id_more: QToolButton | None = None          # the current form's "More" button over its Id
        self._show_id: Callable[[bool], None] | None = None
        self._ids_shown = False                          # "More" opened: the Ids are shown for the session
        self.node_path: NodePath = ("job",)
        self.id_conflict: Callable[[str, Path | None], str | None] = lambda _id, _path: None
        # a bank id from a title, unique among the banks (the Banks page knows them)
        self.unique_id: Callable[[str], str] = lambda title: slugify(title, fallback="my-bank", words=8)
        self._building = False
        self._texts_at_open: dict[tuple[str, ...], str] = {}     # ("prompt id",) / ("prompt id", "point id") -> text
        self._pinned_ids: set[tuple[str, ...]] = set()            # ids the candidate typed: never re-derived
        self._notes: dict[str, str] = {}          # prompt id -> notes pasted into Key points from my notes
        self._example_gone: set[str] = set()      # prompt ids whose example key point went with the old question
        self.warnings: list[tuple[str, str]] = []  # listed with the problems; Save asks first (see _repeats)
        self.hints: list[tuple[str, str]] = []     # listed too, Save does not ask (see _long_labels)
        # a prompt or key point just added, empty: "must not be empty" waits until its field is left, another node
        # is shown or a save is tried (walkthrough 13: the error was listed before anything was typed)
        self._untouched: NodePath | None = None
        # the key point form's "Try it": what was typed there, per point by (prompt id, point id), while this bank is
        # open (never in the bank; the Banks page keeps one editor for every bank: `open_document` empties it)
        self._tried: dict[tuple[str, ...], str] = {}
        self._trial_seq = 0                         # the latest check: an older one's late result is not shown
        self.analysis: Callable[[], AnalysisSettings] = AnalysisSettings      # the judge's settings (Banks page)
        self.try_box: QLineEdit | None = None
        self.try_result: QLabel | None = None
        self.try_cue: QPushButton | None = None
        self._trial: Trial | None = None             # the result shown (its cue for "Add as a cue")
        self._commit_timer = QTimer(self)
        self._commit_timer.setSingleShot(True)
        self._commit_timer.setInterval(COMMIT_DELAY_MS)
        self._commit_timer.timeout.connect(self.commit)
        self._build()

    # -- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.title = plain_label("", wrap=False)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        font = self.title.font()
        font.setPointSize(13)
        font.setBold(True)
        self.title.setFont(font)
        top.addWidget(self.title, 1)
        self.save_btn = QPushButton("Save")
        self.undo_btn = QPushButton("Undo")
        self.redo_btn = QPushButton("Redo")
        self.close_btn = QPushButton("Close")
        for b in (self.save_btn, self.undo_btn, self.redo_btn, self.close_btn):
            top.addWidget(b)
        root.addLayout(top)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        self.tree = WrappingTree()
        self.tree.setHeaderHidden(True)
        self.tree.setMinimumWidth(160)
        left_lay.addWidget(self.tree, 1)
        actions = QHBoxLayout()
        self.add_btn = QToolButton()
        self.add_btn.setText("Add")
        self.add_btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_menu = QMenu(self.add_btn)
        # from the menu the keyboard was on Add or in the tree: it goes to the new item's first field, as after the
        # form's "Add a prompt to this round" (walkthrough 7: typed letters were lost, Space reopened the menu)
        self.add_competency_act = self.add_menu.addAction("&Competency", lambda: self._add_from_menu(self.add_competency))
        self.add_round_act = self.add_menu.addAction("&Round", lambda: self._add_from_menu(self.add_round))
        self.add_prompt_act = self.add_menu.addAction("&Prompt in this round",
                                                      lambda: self._add_from_menu(self.add_prompt))
        self.add_point_act = self.add_menu.addAction("&Key point for this prompt",
                                                     lambda: self._add_from_menu(self.add_key_point))
        self.add_btn.setMenu(self.add_menu)
        self.remove_btn = QToolButton()
        self.remove_btn.setText("Remove")
        self.up_btn = QToolButton()
        self.up_btn.setText("↑")
        self.down_btn = QToolButton()
        self.down_btn.setText("↓")
        # names a screen reader says (fixBP: the outline had none, the arrows were said as glyphs)
        accessible.name(self.tree, "Bank outline", "The bank's job, competencies, rounds, prompts and key points")
        accessible.name(self.up_btn, "Move up")
        accessible.name(self.down_btn, "Move down")
        for tool in (self.add_btn, self.remove_btn, self.up_btn, self.down_btn):
            actions.addWidget(tool)
        actions.addStretch(1)
        left_lay.addLayout(actions)
        split.addWidget(left)

        self.form_scroll = QScrollArea()
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # not an invisible Tab stop between the tree's buttons and the form's first field (it scrolls to the
        # focused field by itself)
        self.form_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        split.addWidget(self.form_scroll)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setSizes([240, 600])
        root.addWidget(split, 1)

        self.status = plain_label("")
        root.addWidget(self.status)
        self.problems = QListWidget()
        self.problems.setMaximumHeight(110)
        self.problems.setWordWrap(True)
        # Enter or a click on a problem puts the keyboard in its field; text typed on the list goes there too
        # (walkthrough 10: Tab from the tree's buttons landed here, before the form, and a key point typed was lost)
        self.problems.installEventFilter(self)
        # named for a screen reader: since mendG it also shows on a new bank (the starter's example point that went)
        accessible.name(self.problems, "Problems to fix before saving", "Enter on a problem puts the keyboard in its field")
        root.addWidget(self.problems)

        self.save_btn.clicked.connect(self.save_clicked)
        self.undo_btn.clicked.connect(self.undo)
        self.redo_btn.clicked.connect(self.redo)
        self.close_btn.clicked.connect(self.close_clicked)
        self.remove_btn.clicked.connect(self.remove_current)
        self.up_btn.clicked.connect(lambda: self.move_current(-1))
        self.down_btn.clicked.connect(lambda: self.move_current(1))
        self.tree.currentItemChanged.connect(self._tree_changed)
        self.problems.itemActivated.connect(self._problem_activated)
        self.problems.itemClicked.connect(self._problem_activated)
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        # Ctrl+S saves wherever the focus is while the editor is shown (after a dialog or a click on the page list
        # it was outside the editor, and nothing happened); a hidden editor's shortcut is off, so Settings' works
        save = _shortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save_clicked,
                         Qt.ShortcutContext.WindowShortcut, "Save the bank")
        self.undo_key = key_text(_shortcut(QKeySequence(QKeySequence.StandardKey.Undo), self, self.undo, ctx, "Undo"))
        self.redo_key = key_text(_shortcut(QKeySequence(QKeySequence.StandardKey.Redo), self, self.redo, ctx, "Redo"))
        up = _shortcut(QKeySequence("Alt+Up"), self, lambda: self.move_current(-1), ctx, "Move the selected item up")
        down = _shortcut(QKeySequence("Alt+Down"), self, lambda: self.move_current(1), ctx,
                         "Move the selected item down")
        _shortcut(QKeySequence("Delete"), self.tree, self.remove_current, Qt.ShortcutContext.WidgetShortcut,
                  "Remove the selected item")
        # Ctrl+N: the Add menu (walk18: Add had no key and no tooltip)
        add = _shortcut(QKeySequence(QKeySequence.StandardKey.New), self, self.show_add_menu, ctx,
                        "Add a competency, round, prompt or key point")
        # Ctrl+W closes, as in a desktop editor (asking about unsaved changes); a hidden editor's shortcut is off.
        # Esc closes it too, through the window's Esc (it stops playback first: MainWindow.stop_sound); an open
        # menu or dialog takes its own Esc.
        close = _shortcut(QKeySequence("Ctrl+W"), self, self.close_clicked, Qt.ShortcutContext.WindowShortcut,
                          CLOSE_EDITOR)
        # the buttons name the keys above (session 22: written by hand, Redo said Ctrl+Shift+Z where the platform's
        # Redo key is Ctrl+Y, as on Windows and offscreen); Esc is the window's (MainWindow.stop_sound)
        self.save_btn.setToolTip(f"Save to my banks ({key_text(save)})")
        self.undo_btn.setToolTip(f"Undo the last change ({self.undo_key} outside a text field)")
        self.redo_btn.setToolTip(f"Redo ({self.redo_key})")
        self.close_btn.setToolTip(f"Close the editor ({key_text(close)} or Esc); it asks first when there are "
                                  "unsaved changes")
        self.add_btn.setToolTip(f"Add a competency, round, prompt or key point ({key_text(add)})")
        self.up_btn.setToolTip(f"Move up ({key_text(up)})")
        self.down_btn.setToolTip(f"Move down ({key_text(down)})")

    def show_add_menu(self) -> None:
        """Ctrl+N: the Add menu under its button (not a blocking exec), nothing highlighted, as from the button
        (walkthrough 20: "Competency" was, and a stray Return added one); Down goes to its first entry."""
        self.add_menu.popup(self.add_btn.mapToGlobal(self.add_btn.rect().bottomLeft()))

    # -- opening --------------------------------------------------------------------------------
    def open_document(self, doc: BankDocument, draft_file: Path | None = None) -> None:
        self.doc = doc
        self.draft_file = draft_file or new_draft_file()
        self.node_path = ("job",)
        self._texts_at_open, self._pinned_ids = self._texts_by_id(doc), set()
        self._notes, self._example_gone = {}, set()
        self._tried, self._trial = {}, None     # another bank's Try it text and result are not this one's
        self._trial_seq += 1                    # nor a check still running for it
        self._ids_shown = False             # each bank opens with its Ids under "More"
        self.refresh(select=("job",))
        self.status.setText(opened_text(doc.path, restored=draft_file is not None))
        self.status.setToolTip(f"The bank's file: {doc.path}" if doc.path else "")

    # -- tree -----------------------------------------------------------------------------------
    def refresh(self, select: NodePath | None = None) -> None:
        """Rebuild the tree from the document and re-open the form of `select` (or the current node)."""
        doc = self.doc
        if doc is None:
            return
        select = select if select is not None else self.node_path
        self._building = True
        self.tree.clear()
        target: QTreeWidgetItem | None = None

        def item(parent: QTreeWidgetItem | QTreeWidget, text: str, path: NodePath) -> QTreeWidgetItem:
            nonlocal target
            it = QTreeWidgetItem(parent)
            set_row_text(it, text)
            it.setData(0, PATH_ROLE, path)
            if path == select:
                target = it
            return it

        item(self.tree, f"Job: {doc.get(('job',), 'title', '')}", ("job",))
        comps = item(self.tree, f"Competencies ({self._weight_sum_text()})", ("competencies",))
        for i in range(doc.count((), "competencies")):
            c = ("competencies", i)
            item(comps, f"{doc.get(c, 'name', '') or doc.get(c, 'id', '')} · {doc.get(c, 'weight', '')}", c)
        for r in range(doc.count((), "rounds")):
            rp: NodePath = ("rounds", r)
            rit = item(self.tree, f"Round: {doc.get(rp, 'title', '') or doc.get(rp, 'id', '')}", rp)
            for p in range(doc.count(rp, "prompts")):
                pp = rp + ("prompts", p)
                pit = item(rit, doc.get(pp, "text", "") or "(no text yet)", pp)
                for k in range(doc.count(pp, "key_points")):
                    kp = pp + ("key_points", k)
                    item(pit, "• " + (doc.get(kp, "label", "") or "(no label yet)"), kp)
        self.tree.expandAll()
        self._building = False
        first = target or self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        self._show_form(self._path_of(self.tree.currentItem()))
        self._after_change(validate_only=True)

    @staticmethod
    def _path_of(it: QTreeWidgetItem | None) -> NodePath:
        return tuple(it.data(0, PATH_ROLE)) if it is not None else ("job",)

    def _tree_changed(self, current: QTreeWidgetItem | None, _previous=None) -> None:
        if self._building or current is None:
            return
        self.commit()
        self._show_form(self._path_of(current))

    def select(self, path: NodePath) -> None:
        self.commit()
        self.refresh(select=path)

    # -- forms ----------------------------------------------------------------------------------
    def _show_form(self, path: NodePath) -> None:
        old_host, focused = self.form_scroll.widget(), QApplication.focusWidget()
        in_form = old_host is not None and focused is not None and old_host.isAncestorOf(focused)
        focused_key = next((f.key for f in self.fields if f.widget is focused), None) if in_form else None
        same_node = path == self.node_path
        self.node_path = path
        if self._untouched is not None and path != self._untouched:
            self.touched()
        self.fields = []
        self.id_more, self._show_id = None, None
        form_host = QWidget()
        outer = QVBoxLayout(form_host)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(self.form)
        kind = self._kind(path)
        self._building = True
        getattr(self, f"_form_{kind}")(path)
        self._building = False
        for f in self.fields:
            f.initial = f.read()
        outer.addStretch(1)
        self.form_scroll.setWidget(form_host)
        # the problems come after the form in the Tab order (the form is built after them, so they came first);
        # the form's stops as drawn, not in creation order (walk17: a key point's Competency box brought its popup,
        # another window, into the chain, and Add, Remove, ↑, ↓ came between Competency and Weight)
        stops = _tab_stops(outer)
        if stops:
            # ... and the form right after the tree (walk15: Tab from the tree went to Add)
            for first, second in zip([self.tree, *stops], [*stops, self.problems]):
                QWidget.setTabOrder(first, second)
        if in_form:         # the focused field or button was rebuilt away: keep the keyboard here, not in the sidebar
            self._focus_field(focused_key if same_node else None)
        self.remove_btn.setEnabled(kind in ("competency", "round", "prompt", "key_point"))
        self.up_btn.setEnabled(kind in ("competency", "round", "prompt", "key_point"))
        self.down_btn.setEnabled(kind in ("competency", "round", "prompt", "key_point"))
        self.add_prompt_act.setEnabled(len(path) >= 2 and path[0] == "rounds")
        self.add_point_act.setEnabled(len(path) >= 4 and path[0] == "rounds")

    def _add_from_menu(self, add: Callable[[], Any]) -> None:
        before = self.node_path
        add()
        if self.node_path != before:
            self._focus_field(select_all=True)

    def _focus_field(self, key: str | None = None, select_all: bool = False) -> None:
        """Focus the form's field `key`, else its first field (a new item's Name, Prompt or Key point)."""
        if key == "id" and self._show_id is not None:
            self._show_id(True)             # a problem with the Id, reached from the list: shown, not under More
        widget = next((f.widget for f in self.fields if f.key == key), None) or \
            (self.fields[0].widget if self.fields else None)
        if widget is None:
            host = self.form_scroll.widget()
            widget = next((w for w in _tab_stops(host.layout()) if w.isEnabled()), None) if host else None
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if select_all and isinstance(widget, QLineEdit):
                widget.selectAll()          # a new item's "Round 2" or "Competency 2": typing replaces it
            self.form_scroll.ensureWidgetVisible(widget)

    @staticmethod
    def _kind(path: NodePath) -> str:
        if path == ("job",):
            return "job"
        if path == ("competencies",):
            return "competencies"
        if path[0] == "competencies":
            return "competency"
        return {2: "round", 4: "prompt", 6: "key_point"}.get(len(path), "job")

    def _line(self, key: str, label: str, placeholder: str = "", path: NodePath | None = None) -> QLineEdit:
        path = path or self.node_path
        w = QLineEdit(str(self.doc.get(path, key, "") if self.doc else ""))
        w.setPlaceholderText(placeholder)
        w.textEdited.connect(self._field_edited)
        w.editingFinished.connect(self.commit)
        self.fields.append(_Field(key, w, w.text))
        self.form.addRow(label, w)
        return w

    def _id_line(self, placeholder: str = "") -> QLineEdit:
        """The node's Id, last, under a "More" button (walk41 7: an Id on the job, every prompt and key point, of no
        use to a candidate; new ones are made from the words). The button is a Tab stop, Space opens it, and it stays
        open while the bank is, once opened; an Id with a problem (a duplicate in a loaded bank) is shown by itself."""
        more = QToolButton()
        more.setObjectName("more_ids")
        more.setText("More")
        more.setCheckable(True)
        more.setAutoRaise(True)
        more.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        more.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        more.setToolTip("Show the Id the bank file uses for this (made from its words; you rarely need it)")
        self.form.addRow("", more)
        line = self._line("id", "Id", placeholder)

        def show(on: bool) -> None:
            self.form.setRowVisible(line, on)
            more.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
            more.blockSignals(True)
            more.setChecked(on)
            more.blockSignals(False)

        def toggled(on: bool) -> None:
            self._ids_shown = on
            show(on)
            if on:
                self.form_scroll.ensureWidgetVisible(line)
        more.toggled.connect(toggled)
        self.id_more, self._show_id = more, show
        show(self._ids_shown or self._id_wrong())
        return line

    def _id_wrong(self) -> bool:
        """Whether the problems list names the current node's id (a duplicate, a bad form, another bank's)."""
        here = f"{_field_of(self.node_path) or 'job'}.id"
        return any(self.problems.item(i).data(PATH_ROLE) == here and self.problems.item(i).data(KIND_ROLE) == "problem"
                   for i in range(self.problems.count()))

    def _text(self, key: str, label: str, placeholder: str = "", lines: int = 3, as_list: bool = False,
              grow_to: int = 0) -> QPlainTextEdit:
        """A text field `lines` tall; `grow_to`: it grows with its text up to that many lines (a line more than the
        text, to type the next one), then scrolls. A `key` "@name" is the bank's own top-level field (vocabulary)."""
        path, name = ((), key[1:]) if key.startswith("@") else (self.node_path, key)
        value = self.doc.get(path, name, "") if self.doc else ""
        w = QPlainTextEdit("\n".join(value) if isinstance(value, list) else str(value or ""))
        w.setPlaceholderText(placeholder)
        w.setTabChangesFocus(True)

        def fit(*_args) -> None:
            shown = lines if not grow_to else min(grow_to, max(lines, int(w.document().size().height()) + 1))
            w.setFixedHeight(w.fontMetrics().lineSpacing() * shown + 14)
        fit()
        if grow_to:
            w.document().documentLayout().documentSizeChanged.connect(fit)      # typed, or wrapped anew
        w.textChanged.connect(self._field_edited)
        w.installEventFilter(self)            # leaving a new node's field lists its problems (see _untouched)
        if as_list:
            self.fields.append(_Field(key, w, lambda: [s for s in w.toPlainText().split("\n") if s.strip()]))
        else:
            self.fields.append(_Field(key, w, lambda: " ".join(w.toPlainText().split())))
        self.form.addRow(label, w)
        return w

    def _spin(self, key: str, label: str, lo: int, hi: int, default: int, special: str = "",
              suffix: str = "") -> LimitedSpin:
        w = LimitedSpin()
        w.setRange(lo, hi)
        w.setSuffix(suffix)
        if special:
            w.setSpecialValueText(special)
        value = self.doc.get(self.node_path, key, None) if self.doc else None
        w.setValue(int(value) if isinstance(value, int) and lo <= value <= hi else default)
        w.valueChanged.connect(self._field_edited)
        self.fields.append(_Field(key, w, lambda: (w.value() or None) if special else w.value()))
        self.form.addRow(label, w)
        return w

    def _number(self, key: str, label: str, lo: float, hi: float, default: float | None, step: float,
                usual: str = "") -> LimitedNumber:
        """A decimal field from `lo` to `hi`; a number typed out of that range is refused whole and the value kept,
        said on a line under it with the range and `usual` (walk38: "-2" became 2.0 without a word)."""
        w = LimitedNumber()
        w.setRange(lo, hi)
        w.setDecimals(3)
        w.setSingleStep(step)
        value = self.doc.get(self.node_path, key, None) if self.doc else None
        w.setValue(float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else (default or lo))
        w.valueChanged.connect(self._field_edited)
        w.valueChanged.connect(lambda _v: self._commit_timer.start())
        self.fields.append(_Field(key, w, lambda: round(w.value(), 4)))
        self.form.addRow(label, w)
        limit = plain_label("")
        limit.setObjectName(f"{key}_limit")
        limit.setStyleSheet(f"color: {WARN};")
        limit.hide()                                # until a number is refused: the form fits 1366x768 as it did
        self.form.addRow("", limit)
        span = f"from {weight_text(lo)} to {weight_text(hi)}" + (f"; {usual}" if usual else "")

        def refused(typed: str) -> None:
            meant = decimal_typo(w, typed)
            advice = f"{decimal_advice(w, typed)} ({span})" if meant is not None else span
            limit.setText(f"{typed or 'Nothing'} is not a {label.lower()} you can use: {advice}. Kept "
                          f"{weight_text(w.value())}.")
            limit.show()
        w.refused.connect(refused)
        w.valueChanged.connect(lambda _value: limit.hide())          # a number taken: the refusal is behind
        return w

    def _unnamed_id(self, w: QLineEdit, path: NodePath) -> None:
        """A new prompt's or key point's placeholder id ("prompt-2", "point-3") is not shown: it gets an id from its
        words when the bank is first saved (name_new_ids); an id typed here is kept."""
        w.setToolTip(ID_TIP)
        key = self._id_key(path, w.text())
        saved = self._saved_ids()
        if PLACEHOLDER_ID.fullmatch(w.text()) and saved is not None and key not in saved \
                and key not in self._pinned_ids:
            w.clear()
            w.setPlaceholderText("made from its words when you save (or type one)")

    def _form_job(self, path: NodePath) -> None:
        self.form.addRow(plain_label("The job you are preparing for. Only the title is required."))
        self._line("title", "Title", "e.g. Ward Manager, Sous Chef or Backend Engineer")
        self._line("company", "Company", "optional")
        self._line("level", "Level", "optional, e.g. senior")
        self._text("must_haves", "Must-haves", "optional: one per line", 3, as_list=True)
        self._text("description", "Description", "optional", 3)
        # vocabulary lives at the top level: a second binding on the root; it grows with its names as Cues does
        self._text("@vocabulary", "Vocabulary", "optional: names and terms the transcriber should expect (the company, a "
                   "system, a team or a product), one per line", 3, as_list=True, grow_to=VOCABULARY_LINES_MAX)
        # last, as in every form: the candidate's own words come first (walkthrough 14)
        self._id_line("lowercase-with-dashes, unique among your banks").setToolTip(ID_TIP)

    def _form_competencies(self, path: NodePath) -> None:
        self.form.addRow(plain_label("Competencies weight the overall score. Optional; when present every key point "
                                     "names one, and the weights sum to 1.0."))
        self.weight_sum = plain_label(self._weight_sum_text(long=True))
        self.form.addRow(self.weight_sum)
        add = QPushButton("Add a competency")
        add.clicked.connect(self.add_competency)
        self.form.addRow(add)

    def _form_competency(self, path: NodePath) -> None:
        self._line("name", "Name", "e.g. Distributed Systems Design")
        self._number("weight", "Weight", 0.0, 1.0, 0.25, 0.05)
        self.weight_sum = plain_label(self._weight_sum_text(long=True))
        self.form.addRow("", self.weight_sum)
        self._text("definition", "Definition", "optional: what good looks like", 3)
        self._delivery_fields()
        cid = self._id_line("lowercase-with-dashes")
        cid.setToolTip(ID_TIP)
        saved = self._saved_competency_ids()
        if COMPETENCY_PLACEHOLDER.fullmatch(cid.text()) and saved is not None and cid.text() not in saved \
                and ("@competency", cid.text()) not in self._pinned_ids:
            cid.clear()         # "competency_1" is not the name: one is made from the Name when the bank is saved
            cid.setPlaceholderText("made from its name when you save (or type one)")

    def _delivery_fields(self) -> None:
        """A competency's link to how the candidate speaks (question_banks/README.md, "Delivery in a competency"): the
        aspects that count for it (`delivery`) and their share of its score (`delivery_weight`), said plainly (walk61
        4: only hand-written TOML could say them). Unticked, neither is written; an aspect the editor does not know,
        written in the file, is kept."""
        written = self.doc.get(self.node_path, "delivery", []) if self.doc else []
        written = [str(a) for a in written] if isinstance(written, list) else []
        self.form.addRow(plain_label(DELIVERY_EXPLAINED))
        row = QHBoxLayout()
        boxes: dict[str, QCheckBox] = {}
        for aspect in DELIVERY_ASPECTS:
            box = QCheckBox(aspect.capitalize())
            box.setObjectName(f"delivery_{aspect}")
            box.setToolTip(DELIVERY_TIPS[aspect])
            box.setChecked(aspect in written)
            box.toggled.connect(self._field_edited)
            box.toggled.connect(lambda _on: self._commit_timer.start())
            accessible.name(box, f"Delivery: {aspect}", DELIVERY_TIPS[aspect])
            boxes[aspect] = box
            row.addWidget(box)
        row.addStretch(1)
        self.form.addRow("Delivery", row)
        others = [a for a in written if a not in DELIVERY_ASPECTS]

        def aspects() -> list[str]:
            return [a for a, box in boxes.items() if box.isChecked()] + others
        self.fields.append(_Field("delivery", boxes[DELIVERY_ASPECTS[0]], aspects))
        share = self._number("delivery_weight", "Delivery share", 0.0, 1.0, DEFAULT_DELIVERY_WEIGHT, 0.05,
                             f"{weight_text(DEFAULT_DELIVERY_WEIGHT)} when left as it is")
        share.setToolTip(DELIVERY_SHARE_TIP)
        field = self.fields[-1]
        field.read = lambda: round(share.value(), 4) if aspects() else None      # unticked: neither is written

        def enable() -> None:
            share.setEnabled(bool(aspects()))
        for box in boxes.values():
            box.toggled.connect(lambda _on: enable())
        enable()

    def _form_round(self, path: NodePath) -> None:
        self._line("title", "Title", "e.g. Round 2 - Behavioral")
        self._text("description", "Description", "optional", 2)
        self._id_line().setToolTip(ID_TIP)
        add = QPushButton("Add a prompt to this round")
        add.clicked.connect(lambda: self.add_prompt())         # not clicked(checked) as the text
        self.form.addRow(add)

    def _form_prompt(self, path: NodePath) -> None:
        self._text("text", "Prompt", "What the interviewer asks, e.g. Tell me about a time you handled a crisis.", 3)
        target = self._spin("target_seconds", "Target time", TARGET_MIN_S, TARGET_MAX_S, 120, suffix=" s")
        limit = plain_label(LIMIT_TEXT)
        limit.setObjectName("target_limit")
        self.form.addRow("", limit)
        # a number over the limit was dropped key by key (99999 became 999 s with no word): say the limit
        target.over_limit.connect(lambda typed: limit.setText(f"{typed} s is too long: {LIMIT_TEXT}."))
        target.over_limit.connect(lambda _typed: limit.setStyleSheet(f"color: {WARN};"))
        target.valueChanged.connect(lambda _value: limit.setText(LIMIT_TEXT))       # corrected: the limit again
        target.valueChanged.connect(lambda _value: limit.setStyleSheet(""))

        def refused(typed: str) -> None:
            # left over the limit: the number before is kept, and said (walk38: 5000 kept the 500 typed on its way)
            meant = decimal_typo(target, typed)
            try:
                value = meant if meant is not None else float(typed)
                # out of range first (review31: "5000.5" was advised "type 5000 or 5001", the limit unsaid)
                why = "too long" if value > TARGET_MAX_S else "too short" if value < TARGET_MIN_S else \
                    f"not a whole number of seconds ({decimal_advice(target, typed)})"
            except ValueError:
                why = "not a time in seconds"
            limit.setText(f"{typed or 'Nothing'} s is {why}: {LIMIT_TEXT}. Kept {target.value()} s.")
            limit.setStyleSheet(f"color: {WARN};")
        target.refused.connect(refused)
        self._text("follow_up", "Follow-up", "optional: asked when the answer misses points", 2)
        # the Job form's Vocabulary goes to every answer; this one only to this question's (hints50: walk64 5)
        self._text("vocabulary", "Vocabulary", "optional: terms the transcriber should expect in this answer only "
                   "(e.g. ring buffer), one per line", 2, as_list=True, grow_to=VOCABULARY_LINES_MAX).setToolTip(
            "Heard first in this question's answers only. The bank's Vocabulary, under Job, goes to every answer.")
        self._unnamed_id(self._id_line(), path)
        row = QHBoxLayout()
        add = QPushButton("Add a key point")
        add.clicked.connect(lambda: self.add_key_point())
        notes = QPushButton("Key points from my notes…")
        notes.setToolTip("Paste your prep notes and pick the ideas to keep")
        notes.clicked.connect(self.key_points_from_notes)
        self.notes_btn = notes
        row.addWidget(add)
        row.addWidget(notes)
        row.addStretch(1)
        self.form.addRow(row)

    def _form_key_point(self, path: NodePath) -> None:
        label = self._text("label", "Key point", "A plain sentence: what you want to say, e.g. "
                                                 "I trained 3 new starters in my first month.", 3)
        # beside the point while it is written: a label the judge will find hard to check (walkthrough 12: "Good
        # communication" and "Say what I measured and the number" got no word)
        hint = plain_label("")
        hint.setObjectName("label_hint")
        hint.setStyleSheet(f"color: {WARN};")
        self.form.addRow("", hint)

        def show_hint() -> None:
            typed = label.toPlainText()
            too_long = label_too_long(len(typed.strip()), self.limits)      # its length first: no work on a paste's words
            text = f"Too long: this key point {too_long}." if too_long else key_point_hint(typed)
            hint.setText(text)
            hint.setVisible(bool(text))
        label.textChanged.connect(show_hint)
        show_hint()
        cues = self._text("cues", "Cues", "optional: how you would say it, one per line; a|b = two ways of saying one "
                                          "idea. Without cues the key point's own words are used.", 4, as_list=True,
                          grow_to=CUES_LINES_MAX)
        needed = self._spin("min_cues", "Cues needed", 0, 20, 0, special="default (1)")
        needed.setToolTip(CUES_NEEDED_TIP)
        needed_limit = plain_label("")
        needed_limit.setObjectName("min_cues_limit")
        needed_limit.setStyleSheet(f"color: {WARN};")
        needed_limit.hide()                     # until a number is refused, as a Weight's line

        def needed_refused(typed: str) -> None:
            # fix R: "2.5" or "25" typed into Cues needed was put back without a word
            meant = decimal_typo(needed, typed)
            what = "a number of cues you can use" if meant is None else \
                f"a whole number of cues ({decimal_advice(needed, typed)})"
            needed_limit.setText(f"{typed} is not {what}: from {needed.minimum()} to {needed.maximum()}. Kept "
                                 f"{needed.value() or 'the default'}.")
            needed_limit.show()
        needed.refused.connect(needed_refused)
        needed.valueChanged.connect(lambda _value: needed_limit.hide())
        self.form.addRow("", needed_limit)

        def show_needed() -> None:
            # no cues, nothing to count: said as the notes dialog says it (walk21: "default (1)" with no cues)
            has = bool(cues.toPlainText().strip())
            needed.setSpecialValueText("default (1)" if has else "no cues: judged by its meaning")
            needed.setReadOnly(not has)            # still a Tab stop, the form's order kept
        cues.textChanged.connect(show_needed)
        show_needed()
        comp_ids = self.doc.ids((), "competencies") if self.doc else []
        box = QComboBox()
        box.addItem("(none)", "")
        for i, cid in enumerate(comp_ids):
            name = self.doc.get(("competencies", i), "name", "") if self.doc else ""
            box.addItem(name or cid, cid)                      # the id stays internal where a name exists
        current = self.doc.get(path, "competency", "") if self.doc else ""
        if current and box.findData(current) < 0:
            box.addItem(current, current)
        box.setCurrentIndex(max(0, box.findData(current)))
        box.currentIndexChanged.connect(self._field_edited)
        box.currentIndexChanged.connect(lambda _i: self._commit_timer.start())
        self.fields.append(_Field("competency", box, lambda: box.currentData() or None))
        self.form.addRow("Competency", box)
        self._number("weight", "Weight", 0.1, 10.0, 1.0, 0.5, "1 is a usual point, 2 counts it double")
        self._text("follow_up", "Follow-up", "optional: asked when this point is missed", 2)
        self._try_row(path, label, cues)
        self._unnamed_id(self._id_line(), path)

    # -- trying a key point ---------------------------------------------------------------------
    def _try_row(self, path: NodePath, label: QPlainTextEdit, cues: QPlainTextEdit) -> None:
        """"Try it": a sentence or two the way the candidate would say it, checked by the real judge against the point
        as written now (walk50: a plain label missed "logged it on Datix", and she could not tell while writing it).
        Enter checks; off the GUI thread; nothing typed here goes into the bank."""
        key = self._id_key(path, str(self.doc.get(path, "id", "") or "")) if self.doc is not None else ()
        box = QLineEdit(self._tried.get(key, ""))
        box.setObjectName("try_it")
        box.setPlaceholderText("Type it the way you would say it, then press Enter")
        box.setToolTip(f"Checks whether the judge would count this key point for what you type (not saved). {TYPED_AND_TRIED}")
        box.textEdited.connect(lambda text: self._tried.__setitem__(key, text))
        check = QPushButton("Check")
        check.setObjectName("try_check")
        check.setToolTip("Check this wording against the key point as written now")
        row = QHBoxLayout()
        row.addWidget(box, 1)
        row.addWidget(check)
        self.form.addRow("Try it", row)
        accessible.name(box, "Try it: a sentence the way you would say it", TRY_IT_DESCRIPTION)
        result = WrappedLine("", muted=False)   # a wrapped label's own hint left a gap of lines above it (fix41)
        result.setObjectName("try_result")
        result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        result.hide()
        add = QPushButton("")
        add.setObjectName("try_add_cue")
        add.hide()
        under = QVBoxLayout()                   # one row: a wrapped label alone in a form row got a gap above it
        under.setContentsMargins(0, 0, 0, 0)
        under.addWidget(result)
        button_row = QHBoxLayout()
        button_row.addWidget(add)
        button_row.addStretch(1)                # the button as wide as its words, not the form's
        under.addLayout(button_row)
        self.form.addRow("", under)
        self.try_box, self.try_result, self.try_cue = box, result, add
        box.returnPressed.connect(self.try_wording)
        for edited in (label, cues):            # a result of the point as it was is not left beside it reworded,
            edited.textChanged.connect(self._drop_trial)                # nor one of a check still running
        check.clicked.connect(lambda: self.try_wording())

        def add_cue() -> None:
            trial = self._trial
            if trial is None or not trial.cue:
                return
            typed = [c for c in cues.toPlainText().split("\n") if c.strip()]
            lines = [*typed, *(c for c in trial.cues if c.lower() not in {t.strip().lower() for t in typed})]
            cues.setPlainText("\n".join(lines))
            needed = next((f.widget for f in self.fields if f.key == "min_cues"), None)
            lowered = False
            if isinstance(needed, LimitedSpin) and needed.value() > len(lines):
                needed.setValue(len(lines))     # "2 needed" of 1 cue would not load (read40c): as try_point judged it
                lowered = True
            earlier = self.commit()                             # e.g. "Datix" added to the Vocabulary: kept
            added = (f"Added “{trial.cue}” to Cues" + (f" (Cues needed lowered to {len(lines)})" if lowered else "") +
                     f": edit it there to the words you would use. The Undo button (or {self.undo_key} outside a text "
                     "field) takes it out.")    # in the Try it box, where the keyboard stays, Ctrl+Z is the box's own
            self.status.setText(f"{_sentence(earlier)} {added}" if earlier else added)
            box.setFocus(Qt.FocusReason.OtherFocusReason)       # the button hides: the keyboard stays here
            self.try_wording()
        add.clicked.connect(lambda: add_cue())

    def _drop_trial(self) -> None:
        """The point reworded: the result shown (a check's, "Could not check it…", the empty box's prompt) goes, and
        a check still running is outdated (its result is not shown; it stops before judging if it has not begun)."""
        self._trial_seq += 1
        self._say_trial("")

    def _say_trial(self, text: str, trial: Trial | None = None) -> None:
        """Show a check's result (and its "Add as a cue"), read by a screen reader: the label's name, and the box's
        description, so it is said where the keyboard is."""
        result, box, add = self.try_result, self.try_box, self.try_cue
        if result is None or box is None or add is None or not shiboken6.isValid(result):
            return
        self._trial = trial
        cue = trial.cue if trial is not None else None
        result.setText(text)
        result.setVisible(bool(text))
        accessible.name(result, text or "Try it result")
        box.setAccessibleDescription(text or TRY_IT_DESCRIPTION)
        add.setText(f"Add “{cue}” as a cue" if cue else "")
        accessible.name(add, f"Add {cue} as a cue and check again" if cue else "")
        add.setVisible(bool(cue))

    def try_wording(self) -> None:
        """Check the Try it box's words against the current key point, off the GUI thread (the "work" lane)."""
        box, doc, path = self.try_box, self.doc, self.node_path
        if box is None or doc is None or self._kind(path) != "key_point":
            return
        said = box.text().strip()
        if not said:
            self._say_trial("Type a sentence or two the way you would say it, then press Enter to check it.")
            return
        self.commit()                               # the point as typed so far (the document, not the file)
        if self.node_path != path or self.try_box is None:
            return                                  # committing rebuilt the editor elsewhere
        self._trial_seq += 1
        seq = self._trial_seq
        text, source = doc.text(), str(doc.path or "new bank")
        prompt_id, point_id = str(doc.get(path[:4], "id") or ""), str(doc.get(path, "id") or "")
        settings = self.analysis()
        self._say_trial("Checking…")

        def work() -> Trial | None:
            if seq != self._trial_seq:
                return None                         # outdated before it began (a newer check, a reworded point)
            bank = parse_bank(text, source, self.limits)
            return try_point(bank, prompt_id, point_id, said, settings, wait=False)

        def done(trial: Trial | None) -> None:
            if trial is not None and seq == self._trial_seq and self.node_path == path:   # not an older check's
                self._say_trial(trial.text(), trial)

        def failed(exc: BaseException) -> None:
            if seq == self._trial_seq and self.node_path == path:
                self._say_trial(self._trial_problem(exc))
        run_in_background(work, lane="work", owner=self, on_done=done, on_error=failed)

    def _trial_problem(self, exc: BaseException) -> str:
        """Why a check could not run, in the editor's words: a problem of the bank, the first one listed below (not
        one `_waits` hides, of a question or point just added and not yet left: that one's is said as "finish it")."""
        if isinstance(exc, BankLoadError) and exc.errors:
            shown = [e for e in exc.errors if not self._waits(e.field, e.message)]
            first = (shown or exc.errors)[0]
            said = problem_text(first.field, first.message, self._round_titles(), self._node_names(), first.other)
            if shown:
                return f"Could not check it: fix the bank's problem first (listed below): {said}"
            return f"Could not check it: finish the question or key point just added first: {said}"
        return f"Could not check it: {exc}"

    # -- committing -----------------------------------------------------------------------------
    def _field_edited(self, *_args) -> None:
        if not self._building:
            self._commit_timer.start()
            self._relabel()             # the tree follows the typing (it waited for the focus to leave)

    def commit(self) -> str:
        """Write the form's fields into the document (one undo step per changed field). What it said on the status line
        (a key point gone, names added to the Vocabulary), else ""."""
        self._commit_timer.stop()
        if self.doc is None or not self.fields:
            return ""
        changed, said, vocabulary = False, "", ""
        for f in self.fields:
            path, key = (((), "vocabulary") if f.key == "@vocabulary" else (self.node_path, f.key))
            value = f.read()
            if value == f.initial:
                continue                                # untouched: a default shown is not written to the file
            f.initial = value
            if key == "id" and self._kind(path) in ("prompt", "key_point"):
                self._pinned_ids.add(self._id_key(path, str(value)))
            if key == "id" and self._kind(path) == "competency":
                self._pinned_ids.add(("@competency", str(value)))
            if key == "id" and path == ("job",):
                self._pinned_ids.add(("@job",))
            try:
                with self.doc.step(path):               # with what follows it: one undo step
                    wording = (str(self.doc.get(path, "label") or ""),
                               [str(c) for c in self.doc.get(path, "cues", []) or []])
                    names = point_names.vocabulary(self.doc)
                    if self.doc.set(path, key, value):
                        changed = True
                        if path == ():                  # the vocabulary: a name cleared here is no point's any more,
                            point_names.vocabulary_edited(self.doc, names)      # one corrected still is
                            continue
                        said = self._follow(path, key) or said
                        if self._kind(path) == "key_point" and key in ("label", "cues") \
                                and not self._too_long(wording[0], self.doc.get(path, "label")):
                            vocabulary = self._reworded_names(path, *wording) or vocabulary
            except (KeyError, IndexError, TypeError, ValueError):
                continue                                # the node went away (undo); the form is rebuilt anyway
        if changed:
            self._after_change()
            self._relabel()
        if said:
            self.refresh(select=self.node_path)         # a key point went: the tree shows it
            self.status.setText(said)
            return said
        if vocabulary:
            self.status.setText(vocabulary)
        return vocabulary

    def _too_long(self, *labels: object) -> bool:
        """Whether a key point label, before or after an edit, is over the length limit: its names are then not read
        (walk61 1: a 352 KB paste, and its undo, held the GUI thread for minutes and put "Monday", "SQL" into the
        Vocabulary); its length is said as a problem and under the box."""
        return any(bool(label_too_long(len(str(label or "").strip()), self.limits)) for label in labels)

    def _reworded_names(self, point: NodePath, old_label: str, old_cues: list[str]) -> str:
        """A key point reworded: the names only its old wording had and that it put into the Vocabulary go, unless
        another point or a prompt still says them; its new wording's names go in (review of walk41 5: "Called in
        AGENCY NURSES" renamed "Called in bank staff" still fed "AGENCY NURSES" to the transcriber). What changed, said
        as a removal says it; "" when nothing did."""
        assert self.doc is not None
        added, taken = point_names.reworded(self.doc, point, old_label, old_cues)

        def listed(names: list[str]) -> str:
            return ", ".join(f"“{n}”" for n in names)
        parts = ([f"{listed(taken)} {'is' if len(taken) == 1 else 'are'} out of the Vocabulary: the key point no "
                  "longer says " + ("it" if len(taken) == 1 else "them") + " and nothing else does."] if taken else []) + \
                ([f"Added {listed(added)} to the bank's Vocabulary (under Job), so the transcriber expects "
                  f"{'it' if len(added) == 1 else 'them'}."] if added else [])
        undo = (f"Undo ({self.undo_key}) brings {'it' if len(taken) == 1 else 'them'} back." if not added else
                f"Undo ({self.undo_key}) takes {'it' if len(added) == 1 else 'them'} out." if not taken else
                f"Undo ({self.undo_key}) brings back {listed(taken)} and takes out {listed(added)}.")
        return " ".join(parts + [undo]) if parts else ""

    def _follow(self, path: NodePath, key: str) -> str:
        """What follows a field just changed (walkthrough 20): a new bank's id follows its title until the bank is
        saved or the id typed (04-job: "my-bank" under "Airwallex payments backend"); the starter question's example
        key point goes when the question is rewritten and the point is still as made (10-q1-kps), said on the
        status line."""
        doc = self.doc
        assert doc is not None
        if path == ("job",) and key == "title" and doc.path is None and doc.blank is not None \
                and ("@job",) not in self._pinned_ids:
            title = str(doc.get(path, "title", "") or "")
            if title and doc.set(path, "id", self.unique_id(title)):
                self._show_value("id", str(doc.get(path, "id", "")))
        if self._kind(path) == "prompt" and key == "text" and doc.count(path, "key_points") == 1:
            kp = path + ("key_points", 0)
            if (doc.get(kp, "id"), doc.get(kp, "label")) == (STARTER_ID, STARTER_LABEL) and not doc.get(kp, "cues"):
                doc.remove(kp)
                self._example_gone.add(str(doc.get(path, "id", "")))
                return f"{EXAMPLE_WENT} Undo (Ctrl+Z) brings it back."
        return ""

    def _show_value(self, key: str, value: str) -> None:
        """Show a value set for the form's line `key` by what followed another field (not an edit of its own)."""
        for f in self.fields:
            if f.key == key and isinstance(f.widget, QLineEdit):
                self._building = True
                f.widget.setText(value)
                self._building = False
                f.initial = f.read()

    def _item_at(self, path: NodePath) -> QTreeWidgetItem | None:
        """The tree row of the node at `path` (the current row when it is that node's)."""
        current = self.tree.currentItem()
        if current is not None and self._path_of(current) == path:
            return current
        rows = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while rows:
            it = rows.pop()
            if it is None:
                continue
            if self._path_of(it) == path:
                return it
            rows.extend(it.child(i) for i in range(it.childCount()))
        return None

    def _relabel(self) -> None:
        """Update the tree row of the node whose form is shown after a field change, without rebuilding the form. Its
        row, not the current one: a change committed as another row is clicked is the form's node's (walk68 6b: the row
        clicked took the previous key point's text)."""
        p = self.node_path
        doc, it = self.doc, self._item_at(p)
        if doc is None or it is None:
            return
        kind = self._kind(p)
        typed = {f.key: f.read for f in self.fields}

        def value(key: str) -> Any:     # as typed in the form (not committed yet), else as in the document
            return typed[key]() if key in typed else doc.get(p, key, "")
        text = {"job": lambda: f"Job: {value('title')}",
                "competency": lambda: f"{value('name')} · {value('weight')}",
                "round": lambda: f"Round: {value('title')}",
                "prompt": lambda: value("text") or "(no text yet)",
                "key_point": lambda: "• " + (value("label") or "(no label yet)")}.get(kind)
        if text:
            set_row_text(it, text())
        comps = self.tree.topLevelItem(1)
        if comps is not None:
            comps.setText(0, f"Competencies ({self._weight_sum_text()})")
        if hasattr(self, "weight_sum") and self._kind(p) in ("competency", "competencies"):
            try:
                self.weight_sum.setText(self._weight_sum_text(long=True))
            except RuntimeError:
                pass

    def _weight_sum_text(self, long: bool = False) -> str:
        doc = self.doc
        n = doc.count((), "competencies") if doc else 0
        if not n or doc is None:
            return "none: every key point counts alike" if long else "none"
        weights = [doc.get(("competencies", i), "weight", 0) for i in range(n)]
        total = sum(w for w in weights if isinstance(w, (int, float)))
        ok = abs(total - 1.0) <= WEIGHT_TOLERANCE
        if not long:
            return f"sum {weight_text(total)}" + ("" if ok else " ≠ 1")
        if ok:
            return "Weights add up to 1 ✓"
        # plain words (walkthrough 10: "off by +0.600" left the sign's meaning open), numbers as the problems list
        # writes them (walk21: "0.50 … (add 0.50)" beside "add up to 0.5")
        change = f"take {weight_text(total - 1)} off" if total > 1 else f"add {weight_text(1 - total)}"
        return f"Weights add up to {weight_text(total)}; they should add up to 1 ({change})"

    def _after_change(self, validate_only: bool = False) -> None:
        doc = self.doc
        if doc is None:
            return
        problems = doc.problems()
        self.problems.clear()
        titles, names = self._round_titles(), self._node_names()
        icons = {"problem": QStyle.StandardPixmap.SP_MessageBoxCritical,
                 "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
                 "hint": QStyle.StandardPixmap.SP_MessageBoxInformation}

        def add(text: str, field: str | None, kind: str, tip: str = "") -> QListWidgetItem:
            """One line of the list, marked by its kind (walkthrough 10: the save dialog counted "1 problem" while
            two lines were listed, one of them a warning that looked the same)."""
            it = QListWidgetItem(self.style().standardIcon(icons[kind]), text)
            it.setToolTip(plain_tooltip(KIND_TIPS[kind] + (f"\n{tip}" if tip else "")))
            it.setData(PATH_ROLE, field)
            it.setData(KIND_ROLE, kind)
            self.problems.addItem(it)
            return it

        gone = self._examples_gone()
        for err in problems:
            if self._waits(err.field, err.message):
                continue
            text = problem_text(err.field, err.message, titles, names, err.other)
            if err.field in gone and err.message.startswith("missing required field 'key_points'"):
                text = text.replace(EMPTY["key_points"], EXAMPLE_GONE)
            it = add(text, err.field, "problem",
                     f"In the file: line {err.line}, {err.place or err.field}" if err.line else str(err.place or err.field))
            it.setData(MESSAGE_ROLE, err.message)
        conflict = self.id_conflict(str(doc.get(("job",), "id", "")), doc.path)
        if conflict:
            add(conflict, "job.id", "problem")
        try:
            bank: Bank | None = doc.bank()          # once, for the tips of a bank that loads
        except BankLoadError:
            bank = None
        far_below, unpointed = self._competency_shares(bank) if bank is not None else ([], [])
        self.warnings = self._repeats() + unpointed
        self.hints = self._long_labels() + (self._crowded_terms(bank) if bank is not None else []) + far_below
        for field, text in self.warnings:
            add(text, field, "warning")
        for field, text in self.hints:
            add(text, field, "hint")
        self.problems.setVisible(self.problems.count() > 0)
        if self._show_id is not None and self._id_wrong():
            try:
                self._show_id(True)
            except RuntimeError:            # the form was rebuilt away
                pass
        rows = min(4, max(1, self.problems.count()))
        self.problems.setFixedHeight(self.problems.fontMetrics().lineSpacing() * rows * 2 + 8)
        title = doc.get(("job",), "title", "") or "Untitled bank"
        where = str(doc.path) if doc.path else "not saved yet"
        self._full_title = f"{title}{' •' if doc.modified else ''}"
        self._elide_title()
        self.title.setToolTip(plain_tooltip(f"{title} — {where}"))
        if not validate_only:
            self.status.setText("Unsaved changes (kept as a draft until you save)." if doc.modified else "")
            self.write_draft()          # after every committed change: closing or a crash loses nothing
            self.changed.emit()
        self.undo_btn.setEnabled(doc.can_undo)
        self.redo_btn.setEnabled(doc.can_redo)

    def _waits(self, field: str | None, message: str) -> bool:
        """An empty field's problem on the node just added (`_untouched`), not shown until it is touched."""
        if self._untouched is None or not (message == "must not be empty" or message.startswith("missing required")):
            return False
        path = self._untouched
        node = _field_of(path)
        return field is not None and (field == node or field.rpartition(".")[0] == node)

    def touched(self) -> None:
        """The node just added was left (or a save tried): its empty fields' problems are listed now."""
        if self._untouched is not None:
            self._untouched = None
            self._after_change(validate_only=True)

    def _examples_gone(self) -> set[str]:
        """The field paths ("rounds[0].prompts[1]") of the prompts whose example key point went (_follow) and that
        have no point of their own since; a prompt given one is forgotten (its example is old news)."""
        doc, out = self.doc, set()
        for pp in self._prompt_paths(doc):
            assert doc is not None
            pid = str(doc.get(pp, "id", ""))
            if pid not in self._example_gone:
                continue
            if any(doc.get(pp + ("key_points", k), "id") != STARTER_ID for k in range(doc.count(pp, "key_points"))):
                self._example_gone.discard(pid)     # a point of her own since: old news
            else:
                out.add(f"rounds[{pp[1]}].prompts[{pp[3]}]")
        return out

    def _round_titles(self) -> list[str]:
        doc = self.doc
        return [str(doc.get(("rounds", r), "title", "") or "") for r in range(doc.count((), "rounds"))] if doc else []

    def _node_names(self) -> dict[str, str]:
        """Each prompt's text and key point's label by its field path ("rounds[0].prompts[1]"), for the problems."""
        out: dict[str, str] = {}
        for pp in self._prompt_paths(self.doc):
            assert self.doc is not None
            field = f"rounds[{pp[1]}].prompts[{pp[3]}]"
            out[field] = str(self.doc.get(pp, "text", "") or "")
            for k in range(self.doc.count(pp, "key_points")):
                out[f"{field}.key_points[{k}]"] = str(self.doc.get(pp + ("key_points", k), "label", "") or "")
        doc = self.doc
        for c in range(doc.count((), "competencies") if doc is not None else 0):
            assert doc is not None
            out[f"competencies[{c}]"] = str(doc.get(("competencies", c), "name", "") or "")     # a duplicate id's
        return out

    def _place(self, path: NodePath) -> str:
        """A node's place in the problems' words: ("rounds", 0, "prompts", 3) -> "Behavioural › “Why us?”"."""
        return problem_place(_field_of(path), self._round_titles(), self._node_names())

    def _repeats(self) -> list[tuple[str, str]]:
        """Warnings the loader does not give (the bank still loads): a prompt asked twice in a round, a key point
        written twice for a prompt, a follow-up with no letters. (field path, text) pairs, in the problems' words."""
        doc = self.doc
        if doc is None:
            return []
        out: list[tuple[str, str]] = []

        def same(text: object) -> str:
            return " ".join(re.findall(r"\w+", str(text or "").casefold()))

        for r in range(doc.count((), "rounds")):
            seen: dict[str, int] = {}
            for p in range(doc.count(("rounds", r), "prompts")):
                pp = ("rounds", r, "prompts", p)
                text = same(doc.get(pp, "text", ""))
                if text and text in seen:
                    out.append((f"rounds[{r}].prompts[{p}].text", f"{self._place(pp)}: the same "
                                f"question as prompt {seen[text] + 1}; change one or remove it"))
                seen.setdefault(text, p)
                labels: dict[str, int] = {}
                for k in range(doc.count(pp, "key_points")):
                    label = same(doc.get(pp + ("key_points", k), "label", ""))
                    if label and label in labels:
                        out.append((f"rounds[{r}].prompts[{p}].key_points[{k}].label",
                                    f"{self._place(pp + ('key_points', k))}: the same as key point "
                                    f"{labels[label] + 1}; change one or remove it"))
                    labels.setdefault(label, k)
                # a follow-up with no letters ("-2", a weight typed in the wrong field) was asked as the interviewer's
                # question (walk38): said as the id's problem is, the bank still works
                for node in [pp] + [pp + ("key_points", k) for k in range(doc.count(pp, "key_points"))]:
                    asked = str(doc.get(node, "follow_up", "") or "").strip()
                    if asked and not any(ch.isalpha() for ch in asked):
                        out.append((f"{_field_of(node)}.follow_up",
                                    f"{self._place(node)}: the follow-up “{_elide(asked, 30)}” "
                                    "has no words; write the question the interviewer would ask, or clear it"))
        return out

    def _long_labels(self) -> list[tuple[str, str]]:
        """Gentle hints: a key point longer than `limits.long_label_words` words is several things to say, and the
        interviewer's follow-up about it could only recite it (walkthrough 10: a 48-word label was accepted silently);
        one the judge will find hard to check (key_point_hint: a bare quality, a note to self).
        (field path, text) pairs; they do not stop a save."""
        doc = self.doc
        if doc is None:
            return []
        out: list[tuple[str, str]] = []
        for r in range(doc.count((), "rounds")):
            for p in range(doc.count(("rounds", r), "prompts")):
                pp = ("rounds", r, "prompts", p)
                for k in range(doc.count(pp, "key_points")):
                    label = str(doc.get(pp + ("key_points", k), "label", "") or "")
                    words, field = len(label.split()), f"rounds[{r}].prompts[{p}].key_points[{k}].label"
                    if self._too_long(label):
                        continue                # its length is a problem listed, said with what to do
                    if words > self.limits.long_label_words:
                        out.append((field, f"{self._place(pp + ('key_points', k))}: long ({words} words): a key "
                                    "point is one thing you want to say; split it?"))
                    elif hint := key_point_hint(label):
                        out.append((field, f"{self._place(pp + ('key_points', k))}: {hint}"))
                    out.extend(self._follow_up_off_point(pp + ("key_points", k), label))
        return out

    def _crowded_terms(self, bank: Bank | None = None) -> list[tuple[str, str]]:
        """A tip on a question whose own terms (its Vocabulary, its key points' names) are not passed to the
        transcriber because the bank's Vocabulary fills the hint list first (read49a 8, read48c 6: the editor said
        nothing, and the question's names were heard no better). (field path, text) pairs; only a bank that loads
        (`bank`, else loaded here)."""
        if bank is None:
            if self.doc is None:
                return []
            try:
                bank = self.doc.bank()      # loaded once (`problems()` loads it too: mend60)
            except BankLoadError:
                return []
        settings = TranscriptionSettings()
        out: list[tuple[str, str]] = []
        for r, rnd in enumerate(bank.rounds):
            for p, prompt in enumerate(rnd.prompts):
                if not (left := bank.terms_left_out(prompt, settings)):
                    continue
                names = ", ".join(f"“{t}”" for t in left[:4]) + (f" and {len(left) - 4} more" if len(left) > 4 else "")
                out.append((f"rounds[{r}].prompts[{p}].vocabulary",
                            f"{self._place(('rounds', r, 'prompts', p))}: the transcriber is told {settings.bank_terms} "
                            f"terms at most, and {counted(len(left), 'term')} of this question's own "
                            f"{'is' if len(left) == 1 else 'are'} left out ({names}); shorten the Vocabulary (under "
                            f"Job, or this question's) so {'it is' if len(left) == 1 else 'they are'} heard"))
        return out

    def _competency_shares(self, bank: Bank) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """(hints, warnings) on what each competency will weigh, only for a bank that loads (walk68 5: job weights
        30/25/25/20, the round summary said "4% of the overall" for a weight of 0.25, the editor nothing): a round where
        a competency carries under `limits.share_far_below` of its weight's share, as the round's summary will weigh
        it (scoring.round_shares), a tip; a weighted competency no key point names (nor delivery), a warning."""
        hints: list[tuple[str, str]] = []
        warnings: list[tuple[str, str]] = []
        named = {kp.competency for p in bank.all_prompts() for kp in p.key_points}
        for i, comp in enumerate(bank.competencies):
            if comp.weight and comp.id not in named and not (comp.delivery and comp.delivery_weight):
                warnings.append((f"competencies[{i}].name", NO_KEY_POINT.format(
                    named=self._competency_named(i, comp.name or comp.id), weight=f"{comp.weight:g}")))
        for rnd in bank.rounds:
            shares = round_shares(bank, [p.id for p in rnd.prompts])
            total = sum(c.weight for c in bank.competencies if c.id in shares)
            points = [kp for p in rnd.prompts for kp in p.key_points]
            for i, comp in enumerate(bank.competencies):
                share = shares.get(comp.id)
                if len(shares) < 2 or share is None or not total or share >= self.limits.share_far_below * comp.weight / total:
                    continue
                on = sum(1 for kp in points if kp.competency == comp.id)
                hints.append((f"competencies[{i}].weight", FAR_BELOW.format(
                    named=self._competency_named(i, comp.name or comp.id), weight=f"{comp.weight:g}",
                    share=share, fair=comp.weight / total, round=rnd.title, points=on, total=len(points),
                    are="is" if on == 1 else "are")))
        return hints, warnings

    def _competency_named(self, i: int, name: str) -> str:
        """"Competency 2 “Communication”", or "Competency 2" while that is its name (a new one's)."""
        place = self._place(("competencies", i))
        return place if name == place else f"{place} “{name}”"

    def _follow_up_off_point(self, kp: NodePath, label: str) -> list[tuple[str, str]]:
        """A tip when a key point's written follow-up names nothing of the point (judge52: "How would that
        experience carry over to Airwallex's infrastructure?" for "Connect it to Airwallex: detecting routing and
        reliability issues early across cloud regions"; the answer to what was asked could not count for it)."""
        assert self.doc is not None
        asked = str(self.doc.get(kp, "follow_up", "") or "").strip()
        cues = [str(c) for c in self.doc.get(kp, "cues", []) or []]
        words = follow_up_misses_point(asked, label, cues, str(self.doc.get(("job",), "company", "") or ""))
        if not words:
            return []
        named = " or ".join(f"“{w}”" for w in words)
        return [(f"{_field_of(kp)}.follow_up",
                 f"{self._place(kp)}: the follow-up “{_elide(asked, 40)}” names nothing of this point, so an answer "
                 f"to it may not count for the point; name what the point is about, e.g. {named}")]

    def _problem_activated(self, it: QListWidgetItem) -> None:
        """Jump to the node a problem is about (its field path, e.g. rounds[0].prompts[1].text)."""
        path: NodePath = ()
        field, message = str(it.data(PATH_ROLE) or ""), str(it.data(MESSAGE_ROLE) or "")   # the list is rebuilt
        for name, index in field_parts(field):
            if name in PLACES and index:
                path += (name, int(index))
            elif name == "job" and not path:
                path = ("job",)
                break
        if path:
            self.select(path)
            self._focus_field(problem_field(field, message))

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.FocusOut and self._untouched == self.node_path and isinstance(event, QFocusEvent) \
                and event.reason() not in (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason) \
                and any(f.widget is watched for f in self.fields):
            self.touched()
        if watched is self.problems and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            text = event.text()
            typed = len(text) == 1 and text.isprintable() and text != " " and not event.modifiers() & ~(
                Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
            item = self.problems.currentItem() or self.problems.item(0)
            if typed and item is not None:
                self._problem_activated(item)
                focused = QApplication.focusWidget()
                if focused is not None and focused is not self.problems:
                    QApplication.sendEvent(focused, QKeyEvent(event.type(), event.key(), event.modifiers(), text))
                return True
        return super().eventFilter(watched, event)

    # -- structure ------------------------------------------------------------------------------
    def _structural(self, action: Callable[[], NodePath | None]) -> None:
        self.commit()
        if self.doc is None:
            return
        target = action()
        self._after_change()
        self.refresh(select=target)

    def add_competency(self) -> None:
        """A new competency, its weight keeping the sum at 1: what the weights still miss (walkthrough 12: 0.1 after
        a first one of 0.4), else an equal share with the others scaled down to make room (walkthrough 20: 0.1 after
        a first one of 1.0, "Weights add up to 1.10"). The first one goes on the key points, which must each name one
        now, and the status line says so; a later one goes on none (walkthrough 20: put on every key point, unsaid).
        One undo step."""
        said: list[str] = []

        def act() -> NodePath:
            doc = self.doc
            assert doc is not None
            ids = set(doc.ids((), "competencies"))
            n = doc.count((), "competencies")
            cid = slugify(f"competency {n + 1}", ids)    # dashes, as every new id (walk21)
            weights = self._weights()
            missing = round(1.0 - sum(weights), 4)
            with doc.step((), ("competencies", n)):
                if missing > WEIGHT_TOLERANCE:
                    weight = missing
                else:
                    scale = (1.0 - 1.0 / (n + 1)) / sum(weights)
                    for j, w in enumerate(weights):
                        doc.set(("competencies", j), "weight", round(w * scale, 3))
                    weight = round(1.0 - sum(round(w * scale, 3) for w in weights), 3)
                i = doc.add((), "competencies", {"id": cid, "name": f"Competency {n + 1}", "weight": weight})
                if missing <= WEIGHT_TOLERANCE:
                    said.append(self._weights_said("The weights still add up to 1"))
                if n == 0:
                    bare = [kp for kp in doc.key_point_paths() if not doc.get(kp, "competency")]
                    for kp in bare:
                        doc.set(kp, "competency", cid)
                    if bare:
                        said.append(f"Added a competency: your {counted(len(bare), 'key point')} count toward it (with "
                                    "competencies each key point names one; pick another under its Competency).")
            return ("competencies", i)
        self._structural(act)
        if said:
            self.status.setText(" ".join(said))

    def add_round(self) -> None:
        def act() -> NodePath:
            assert self.doc is not None
            n = self.doc.count((), "rounds")
            rid = slugify(f"round {n + 1}", set(self.doc.ids((), "rounds")))
            i = self.doc.add((), "rounds", {"id": rid, "title": f"Round {n + 1}"})
            return ("rounds", i)
        self._structural(act)

    def add_prompt(self, text: str = "") -> NodePath | None:
        path = self.node_path
        if len(path) < 2 or path[0] != "rounds":
            if self.doc is None or not self.doc.count((), "rounds"):
                return None
            path = ("rounds", 0)
        round_path = path[:2]
        result: list[NodePath] = []

        def act() -> NodePath:
            assert self.doc is not None
            pid = id_from_text(text, self.doc.all_prompt_ids(), fallback="prompt", words=4)
            at = int(path[3]) + 1 if len(path) >= 4 else None
            i = self.doc.add(round_path, "prompts", {"id": pid, "text": text or "", "target_seconds": 120}, at=at)
            result.append(round_path + ("prompts", i))
            self._untouched = None if text else result[0]
            return result[0]
        self._structural(act)
        return result[0] if result else None

    def add_key_point(self, label: str = "", cues: list[str] | None = None, min_cues: int | None = None,
                      competency: str | None = None) -> NodePath | None:
        """A new key point after the one selected (else last) in the current prompt; its competency `competency`, else
        the one default_competency chooses."""
        path = self.node_path
        if len(path) < 4 or path[0] != "rounds":
            return None
        prompt_path = path[:4]
        result: list[NodePath] = []
        taken: list[tuple[str | None, str]] = []        # its competency and where from, once the form is committed

        def act() -> NodePath:
            assert self.doc is not None
            taken.append((competency, "chosen") if competency else default_competency(self.doc, prompt_path))
            comp = taken[-1][0]
            values: dict[str, Any] = {"id": id_from_text(label, set(self.doc.ids(prompt_path, "key_points")),
                                                         fallback="point"),
                                      "label": label}
            if cues:
                values["cues"] = cues
                if min_cues and min_cues > 1:
                    values["min_cues"] = min_cues
            if comp:
                values["competency"] = comp
            at = int(path[5]) + 1 if len(path) >= 6 else None
            i = self.doc.add(prompt_path, "key_points", values, at=at)
            result.append(prompt_path + ("key_points", i))
            self._untouched = None if label or cues else result[0]
            return result[0]
        self._structural(act)
        comp, source = taken[-1] if taken else (None, "")
        if comp and source not in ("prompt's", "chosen") and self.doc is not None:   # walk50: where it starts, said
            name = next((self.doc.get(("competencies", c), "name") or comp for c in range(self.doc.count((), "competencies"))
                         if self.doc.get(("competencies", c), "id") == comp), comp)
            self.status.setText(f"Competency: {name}, the one this {source} key points use most; pick another if this "
                                "point shows another.")
        return result[0] if result else None

    def add_key_points(self, points: list[ProposedPoint], competency: str | None = None) -> None:
        """Add several proposals to the current prompt as one step per point, each with `competency` if given; the
        first added one is then open in the form with the keyboard in its Key point field."""
        prompt_path = self.node_path[:4]
        added = []
        for p in points:
            self.node_path = prompt_path
            added.append(self.add_key_point(p.label, p.cues, p.min_cues, competency))
        first = next((a for a in added if a is not None), None)
        names: list[str] = []
        if self.doc is not None:
            # the names in the notes go into the bank's vocabulary, so the transcriber is told them in a round
            # (walkthrough 6: "co-yovers" for HoYoverse from a bank whose key points named it); each point keeps
            # in the file which it put there, so they go with it (point_names)
            doc = self.doc

            def add_names() -> NodePath:
                with doc.step(first or prompt_path):
                    for p, at in zip(points, added):
                        if at is not None:
                            names.extend(point_names.add_new_names(doc, at, point_names.wording_names(
                                "", [*p.cues, *p.names])))
                return first or prompt_path
            self._structural(add_names)
        self.select(first or prompt_path)
        if names:           # said (walk21: the file was saved with a vocabulary the Vocabulary box never showed)
            listed = ", ".join(f"“{n}”" for n in names)
            self.status.setText(f"Added {listed} to the bank's Vocabulary (under Job), so the transcriber expects "
                                f"{'it' if len(names) == 1 else 'them'}.")
        if first is not None:
            self._focus_field()
            focused = next((f.widget for f in self.fields if f.key == "label"), None)
            if isinstance(focused, QPlainTextEdit):
                # at the end of the wording: a key meant for the list goes after it (walk41: Spaces went in front of
                # the words, "      WARD MANAGER INTERVIEW - my stories")
                focused.moveCursor(QTextCursor.MoveOperation.End)

    def remove_current(self) -> None:
        """Remove the selected competency, round, prompt or key point at once, as the app does what Undo takes back
        (Skip: "Undo skip"); the status line says what went and that Undo (Ctrl+Z) brings it back (walkthrough 14: it
        asked first, although Undo was there). The keyboard goes to the tree, off the Remove button: a sentence typed
        while Remove had the focus removed one prompt per Space (walkthrough 12); now one thing at most, said."""
        path = self.node_path
        if self._kind(path) not in ("competency", "round", "prompt", "key_point"):
            return
        self.commit()
        what = self._removed_what(path)
        shared: list[float] = []
        unsaid: list[str] = []

        def act() -> NodePath:
            doc = self.doc
            assert doc is not None
            with doc.step(path, path[:-1]):
                theirs = [n for kp in point_names.point_paths_under(doc, path) for n in point_names.added_by(doc, kp)]
                if self._kind(path) == "competency":
                    # off the key points that named it (walkthrough 20: they kept "competency_1", in file jargon)
                    # ... onto the one left when one is (walk21: 5 "Competency is empty" errors)
                    cid, n = doc.get(path, "id"), doc.count((), "competencies")
                    other = doc.get(("competencies", 1 - int(path[-1])), "id") if n == 2 else None
                    for kp in doc.key_point_paths():
                        if cid and doc.get(kp, "competency") == cid:
                            doc.set(kp, "competency", other or None)
                    shared.extend(self._share_removed_weight(int(path[-1])))
                doc.remove(path)
                unsaid.extend(point_names.drop_unused(doc, theirs))
            parent = path[:-2] or ("job",)
            left = doc.count(path[:-2], str(path[-2]))
            return path[:-1] + (min(int(path[-1]), left - 1),) if left else (parent if parent != () else ("job",))
        self._structural(act)
        weights = " " + self._weights_said("Its weight went to the others so they add up to 1") if shared else ""
        names = (" " + ", ".join(f"“{n}”" for n in unsaid) +
                 f" {'is' if len(unsaid) == 1 else 'are'} out of the Vocabulary too: added with it, used nowhere else."
                 if unsaid else "")
        self.status.setText(f"Removed {what}.{weights}{names} Undo ({self.undo_key}) brings it back.")
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _weights(self) -> list[float]:
        """The competencies' weights in order, one that is no number as 0."""
        doc = self.doc
        assert doc is not None
        weights = [doc.get(("competencies", j), "weight", 0) for j in range(doc.count((), "competencies"))]
        return [float(w) if isinstance(w, (int, float)) and not isinstance(w, bool) else 0.0 for w in weights]

    def _weights_said(self, lead: str) -> str:
        """The competencies' weights after the editor changed them to add up to 1, each by name after `lead`; one
        left "carries all the weight" (walk23: "shared out to keep their sum at 1 (now 1)", the weights unnamed)."""
        doc = self.doc
        assert doc is not None
        n = doc.count((), "competencies")
        names = [_elide(str(doc.get(("competencies", j), "name", "") or doc.get(("competencies", j), "id", "")), 40)
                 for j in range(n)]
        if n == 1:
            return f"“{names[0]}” now carries all the weight."
        each = ", ".join(f"“{name}” {'now ' if j == 0 else ''}{weight_text(w)}"
                         for j, (name, w) in enumerate(zip(names, self._weights())))
        return f"{lead}: {each}; change them under Weight."

    def _share_removed_weight(self, removed: int) -> list[float]:
        """Before competency `removed` goes: the others' weights made to add up to 1 again, each in proportion to what
        it was (alike when all were 0), as adding one keeps the sum at 1 (fix40: one of two removed left "weights add
        up to 0.5"). The new weights, or [] when they already add up to 1."""
        doc = self.doc
        assert doc is not None
        weights = [w for j, w in enumerate(self._weights()) if j != removed]
        total = sum(weights)
        if not weights or abs(total - 1.0) <= WEIGHT_TOLERANCE:
            return []
        shares = [round(w / total if total > 0 else 1 / len(weights), 3) for w in weights]
        shares[-1] = round(1.0 - sum(shares[:-1]), 3)
        for j, share in zip((j for j in range(len(weights) + 1) if j != removed), shares):
            doc.set(("competencies", j), "weight", share)
        return shares

    def _removed_what(self, path: NodePath, advice: bool = True) -> str:
        """What removing `path` takes away, named for the status line ("the question “…” and its 2 key points"); a
        competency with what becomes of the key points that named it unless `advice` is False (Undo: walk21)."""
        doc, kind = self.doc, self._kind(path)
        assert doc is not None
        if kind == "key_point":
            label = _elide(str(doc.get(path, "label", "") or ""), 60)
            if label:
                return f"the key point “{label}”"
            cues = [str(c).strip() for c in doc.get(path, "cues", []) or [] if str(c).strip()]
            said = _elide(", ".join(f"“{c}”" for c in cues), 60)
            return f"the key point with no wording yet and its cues {said}" if cues else "an empty key point"
        if kind == "competency":
            cid, name = doc.get(path, "id", ""), _elide(str(doc.get(path, "name", "") or ""), 60)
            marked = sum(1 for kp in doc.key_point_paths() if cid and doc.get(kp, "competency") == cid) \
                if advice else 0
            n = doc.count((), "competencies")
            other = ("competencies", 1 - int(path[-1]))
            other_name = _elide(str(doc.get(other, "name", "") or doc.get(other, "id", "")), 60) if n == 2 else ""
            points = counted(marked, "key point")
            return (f"the competency “{name or cid}”"
                    + (f" (and from the {points} that named it)" if marked and n == 1 else
                       f": its {points} now count{'s' * (marked == 1)} toward “{other_name}”" if marked and n == 2
                       else f" ({points} named it: pick another under their Competency)" if marked else ""))
        if kind == "prompt":
            n, text = doc.count(path, "key_points"), _elide(str(doc.get(path, "text", "") or "").strip(), 60)
            what, inside = (f"the question “{text}”" if text else "a question with no text yet"), "key point"
        else:
            n, title = doc.count(path, "prompts"), str(doc.get(path, "title", "") or "").strip()
            what, inside = f"the round “{_elide(title or str(doc.get(path, 'id', '')), 60)}”", "question"
        return f"{what} and its {counted(n, inside)}" if n else what

    def move_current(self, delta: int) -> None:
        path = self.node_path
        if self._kind(path) not in ("competency", "round", "prompt", "key_point"):
            return

        def act() -> NodePath:
            assert self.doc is not None
            return path[:-1] + (self.doc.move(path, delta),)
        self._structural(act)

    def undo(self) -> None:
        self.commit()
        step = self.doc.next_undo if self.doc else None
        # what it takes back, named while it is there (walk15: the status line went blank)
        said = self._undone_what(*step) if step is not None else ""
        if self.doc and self.doc.undo():
            self._after_change()
            self.refresh(select=self._nearest(self.doc.where))
            if step is not None and len(step[1]) < len(step[0]):     # a removal: named now that it is back
                said = f"brought back {self._removed_what(step[0], advice=False)}"
            self.status.setText(f"Undone: {said}. Redo ({self.redo_key}) does it again.")

    def _undone_what(self, before: NodePath, after: NodePath) -> str:
        """The change an undo takes back, in words, read before it is undone (see BankDocument.next_undo)."""
        if len(after) > len(before):
            return f"took out the {self._kind_words(after)} you added"
        if before == after:
            return f"your last edit to {self._named(before)}"
        return f"moved {self._named(after)} back" if len(after) == len(before) else "your last change"

    def _kind_words(self, path: NodePath) -> str:
        return {"key_point": "key point", "prompt": "question"}.get(self._kind(path), self._kind(path))

    def _named(self, path: NodePath) -> str:
        """A node by its words: "the key point “…”", "the question “…”", "the round “…”", "the job"."""
        doc, kind = self.doc, self._kind(path)
        if doc is None or kind not in ("key_point", "prompt", "competency", "round"):
            return "the job" if kind == "job" else "the bank"
        key = {"key_point": "label", "prompt": "text", "competency": "name", "round": "title"}[kind]
        words = _elide(str(doc.get(path, key, "") or "").strip(), 60)
        return f"the {self._kind_words(path)} “{words}”" if words else f"a {self._kind_words(path)} with no words yet"

    def redo(self) -> None:
        self.commit()
        step = self.doc.next_redo if self.doc else None
        # what it does again, as Undo says what it took back (walk17: Redo left a blank status line); a removal is
        # named while it is there, an edit or a move once it is done
        removed = self._removed_what(step[0]) if step is not None and len(step[1]) < len(step[0]) else ""
        if self.doc and self.doc.redo():
            self._after_change()
            self.refresh(select=self._nearest(self.doc.where))
            if step is None:
                return
            before, after = step
            said = (f"removed {removed} again" if removed else
                    f"added the {self._kind_words(after)} again" if len(after) > len(before) else
                    f"your last edit to {self._named(after)}" if before == after else
                    f"moved {self._named(after)} again")
            self.status.setText(f"Redone: {said}. Undo ({self.undo_key}) takes it back.")

    def _nearest(self, path: NodePath | None) -> NodePath:
        """The tree's node for `path` (what an undo or redo changed), else the nearest one above it that is there
        (an undone "add" shows the prompt it was added to; walkthrough 10: Undo jumped to Job)."""
        if not path or self.doc is None:
            return self.node_path if path is None else ("job",)
        while path:
            if path == ("competencies",):
                return path
            if path == ("job",) or len(path) in (2, 4, 6) and path[0] in ("competencies",
                                                                                               "rounds"):
                try:
                    self.doc.node(path)
                    return path
                except (KeyError, IndexError, TypeError):
                    pass
            path = path[:-1]
        return ("job",)

    # -- notes ----------------------------------------------------------------------------------
    def key_points_from_notes(self) -> None:
        from voiceprep.gui.widgets.bank_dialogs import NotesDialog

        prompt_id = str(self.doc.get(self.node_path[:4], "id", "")) if self.doc is not None else ""
        prompt = str(self.doc.get(self.node_path[:4], "text", "") or "") if self.doc is not None else ""
        # the bank's competencies offered once for all the ticked points, first the one a new point here would take
        # (walk67 5: each added point had "(none)", five problems fixed one by one)
        doc = self.doc
        competencies = [(str(doc.get(("competencies", i), "id", "")), str(doc.get(("competencies", i), "name", "") or ""))
                        for i in range(doc.count((), "competencies"))] if doc is not None else []
        first = default_competency(doc, self.node_path[:4])[0] if doc is not None and competencies else None
        dialog = NotesDialog(self, self._notes.get(prompt_id, ""), prompt,      # ticks the points closest to it
                             competencies=[c for c in competencies if c[0]], competency=first)
        accepted = dialog.exec()
        self._notes[prompt_id] = dialog.notes.toPlainText()       # shown again when it is reopened
        if accepted:
            self.add_key_points(dialog.chosen(), dialog.competency())

    # -- saving and closing ---------------------------------------------------------------------
    # -- ids ------------------------------------------------------------------------------------
    @staticmethod
    def _prompt_paths(doc: BankDocument | None) -> list[NodePath]:
        if doc is None:
            return []
        return [("rounds", r, "prompts", p) for r in range(doc.count((), "rounds"))
                for p in range(doc.count(("rounds", r), "prompts"))]

    def _id_key(self, path: NodePath, node_id: str) -> tuple[str, ...]:
        """A prompt's id as ("prompt id",), a key point's as ("prompt id", "point id") (unique within its prompt)."""
        if self._kind(path) == "key_point" and self.doc is not None:
            return (str(self.doc.get(path[:4], "id", "")), node_id)
        return (node_id,)

    @classmethod
    def _texts_by_id(cls, doc: BankDocument | None) -> dict[tuple[str, ...], str]:
        """Each prompt's text and key point's label, by `_id_key`."""
        out = dict[tuple[str, ...], str]()
        for pp in cls._prompt_paths(doc):
            assert doc is not None
            pid = str(doc.get(pp, "id", ""))
            out[(pid,)] = str(doc.get(pp, "text", "") or "")
            for k in range(doc.count(pp, "key_points")):
                kp = pp + ("key_points", k)
                out[(pid, str(doc.get(kp, "id", "")))] = str(doc.get(kp, "label", "") or "")
        return out

    def _saved_ids(self) -> set[tuple[str, ...]] | None:
        """The prompt and key point ids of the file as last saved (what history can know); None if unreadable."""
        doc = self.doc
        if doc is None or not doc.saved_text:
            return set()
        try:
            saved = BankDocument(doc.saved_text)
        except (ValueError, RecursionError):
            return None
        return set(self._texts_by_id(saved))

    def name_new_ids(self) -> int:
        """Give prompts and key points that are new since the last save an id from the text the candidate wrote.

        New items start as "prompt-2" or "point-2" (or the starter bank's "current-role"); when the bank is saved,
        an item whose id is not in the saved file (so no practice history can use it), that the candidate did
        not name by hand, and whose text was written or rewritten since, gets an id from its text. Ids already
        in the saved file never change. Returns the number of ids changed."""
        doc, saved = self.doc, self._saved_ids()
        if doc is None or saved is None:
            return 0
        renamed = 0

        def wanted(key: tuple[str, ...], text: str) -> bool:
            if not text or key in saved or key in self._pinned_ids:
                return False
            return bool(PLACEHOLDER_ID.fullmatch(key[-1])) or self._texts_at_open.get(key) != text

        for pp in self._prompt_paths(doc):
            pid = str(doc.get(pp, "id", ""))
            for k in range(doc.count(pp, "key_points")):
                kp = pp + ("key_points", k)
                kid, label = str(doc.get(kp, "id", "")), str(doc.get(kp, "label", "") or "")
                if wanted((pid, kid), label):
                    others = set(doc.ids(pp, "key_points")) - {kid}
                    renamed += doc.set(kp, "id", id_from_text(label, others, fallback="point"))
            text = str(doc.get(pp, "text", "") or "")
            if wanted((pid,), text):
                renamed += doc.set(pp, "id", id_from_text(text, doc.all_prompt_ids() - {pid}, "prompt", words=4))
        return renamed + self._name_new_competencies()

    def _saved_competency_ids(self) -> set[str] | None:
        doc = self.doc
        if doc is None or not doc.saved_text:
            return set()
        try:
            return set(BankDocument(doc.saved_text).ids((), "competencies"))
        except (ValueError, RecursionError):
            return None

    def _name_new_competencies(self) -> int:
        """A new competency's "competency-1" becomes an id from its name ("distributed-systems"), with the key points
        that name it (walkthrough 12: the id stayed competency_1 after the competency was renamed). Only ids the
        saved file does not have (no history can use them) and the candidate did not type."""
        doc, saved = self.doc, self._saved_competency_ids()
        if doc is None or saved is None:
            return 0
        renamed = 0
        for i in range(doc.count((), "competencies")):
            cp = ("competencies", i)
            cid, name = str(doc.get(cp, "id", "")), " ".join(str(doc.get(cp, "name", "") or "").split())
            if not COMPETENCY_PLACEHOLDER.fullmatch(cid) or cid in saved or ("@competency", cid) in self._pinned_ids \
                    or not name or re.fullmatch(r"Competency \d+", name):
                continue
            new = slugify(name, set(doc.ids((), "competencies")) - {cid}, fallback=cid, words=4)
            if new == cid or not doc.set(cp, "id", new):
                continue
            renamed += 1
            for pp in self._prompt_paths(doc):
                for k in range(doc.count(pp, "key_points")):
                    if doc.get(pp + ("key_points", k), "competency") == cid:
                        doc.set(pp + ("key_points", k), "competency", new)
        return renamed

    def target_path(self) -> Path:
        """Where Save writes: the file being edited, else a new file named after the bank id in my banks."""
        assert self.doc is not None
        if self.doc.path is not None:
            return self.doc.path
        folder = paths.user_banks_dir()
        stem = slugify(str(self.doc.get(("job",), "id", "") or "my-bank"), fallback="my-bank", words=8)
        path, n = folder / f"{stem}.toml", 2
        while path.exists():
            path, n = folder / f"{stem}-{n}.toml", n + 1
        return path

    def save(self) -> Path | None:
        """Save now, valid or not (the registry reports an invalid file); returns the file written."""
        self.commit()
        self._untouched = None
        if self.doc is None:
            return None
        renamed = self.name_new_ids()
        try:
            written = self.doc.save(self.target_path())
        except OSError as exc:
            QMessageBox.warning(self, "Cannot save", f"Could not write the bank: {exc.strerror or exc}.\n\n"
                                                     "Your changes are kept as a draft.")
            self.write_draft()
            return None
        if self.draft_file:
            discard_draft(self.draft_file)
        self._texts_at_open = self._texts_by_id(self.doc)
        self.status.setText(opened_text(written) + invisible_taken_out(self.doc.invisible_removed))     # OPENED's
        self.doc.invisible_removed = 0          # said once, for the save that took them out
        self.status.setToolTip(f"The bank's file: {written}")
        if renamed:
            self.refresh()                  # the Id fields and problems show the new ids
        else:
            self._after_change(validate_only=True)
        self.saved.emit(str(written))
        return written

    def save_clicked(self) -> None:
        self.save_checked()

    def save_checked(self) -> Path | None:
        """Save, asking first when the bank has problems or warnings (Save, Ctrl+S, and Save from Close: review 17,
        Close's Save wrote a new empty key point whose problem was not yet listed); None: not saved."""
        self.commit()
        self._untouched = None                  # a save tried: every problem is listed
        if self.doc is None:
            return None
        self._after_change(validate_only=True)
        problems = self.problems.count() - len(self.warnings) - len(self.hints)     # hints do not stop a save
        if problems or self.warnings:
            warned = f" and {counted(len(self.warnings), 'warning')}" if self.warnings else ""
            text = (f"{counted(problems, 'problem')}{warned}, listed under the editor. A bank with problems is not "
                    "offered for practice until they are fixed." if problems else
                    f"{counted(len(self.warnings), 'warning')}, listed under the editor: "
                    + "; ".join(t.split(";")[0] for _f, t in self.warnings[:2]) + ".")
            box = QMessageBox(QMessageBox.Icon.Warning, "This bank has problems" if problems else "Check this bank",
                              text + "\n\nSave it anyway?",
                              QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel, self)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.button(QMessageBox.StandardButton.Save).setText("Save anyway")
            box.button(QMessageBox.StandardButton.Cancel).setText("Fix them first")
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)       # Enter does not save a broken bank
            if box.exec() != QMessageBox.StandardButton.Save:
                return None
        return self.save()

    def write_draft(self) -> None:
        if self.doc is None or self.draft_file is None:
            return
        if not self.doc.modified:
            discard_draft(self.draft_file)
            return
        try:
            save_draft(self.draft_file, self.doc.path, self.doc.text())
        except OSError as exc:
            self.status.setText(f"Could not keep a draft of your changes: {exc.strerror or exc}")

    def close_editor(self, discard: bool = False) -> None:
        self.commit()
        if discard and self.draft_file:
            discard_draft(self.draft_file)
        else:
            self.write_draft()
        self.doc = None
        self.closed.emit()

    def close_clicked(self) -> None:
        self.commit()
        if self.doc is not None and self.doc.modified:
            box = QMessageBox(QMessageBox.Icon.Question, "Unsaved changes", "Save your changes to this bank?",
                              QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                              | QMessageBox.StandardButton.Cancel, self)
            answer = box.exec()
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and self.save_checked() is None:
                return
            self.close_editor(discard=answer == QMessageBox.StandardButton.Discard)
            return
        self.close_editor(discard=True)

    def _elide_title(self) -> None:
        full = getattr(self, "_full_title", "")
        self.title.setText(self.title.fontMetrics().elidedText(full, Qt.TextElideMode.ElideRight,
                                                               max(40, self.title.width())))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide_title()

    def hideEvent(self, event) -> None:
        self.commit()
        self.write_draft()
        super().hideEvent(event)
