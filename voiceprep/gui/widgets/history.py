"""History: every attempt, filterable and searchable; open one as it was shown, compare two, delete, export.

All reads and changes run on the history lane (gui/operations.py); the search waits for typing to pause.
"""

from __future__ import annotations

import logging
import re
import textwrap
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QBoxLayout,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from voiceprep.app import user_message
from voiceprep.app.followed import added_text, followed_text
from voiceprep.app.history_service import FORMATS, Deleted, Exported, answers, export_target, unfinished_text
from voiceprep.app.scored import rows_text
from voiceprep.app.session import rejudged_text
from voiceprep.core.history import Undone, UndoOverError
from voiceprep.core.history.queries import (
    NO_MATCH_TIP_TEXT,
    NO_WORD_TEXT,
    SEARCH_SYNTAX_TEXT,
    STILL_MISSED,
    Apart,
    ApartWhy,
    NotOneQuestion,
    also_covered,
    answer_name,
    apart,
    asked_text,
    covered_text,
    cut_off_text,
    drilled,
    drilled_text,
    found_text,
    has_words,
    is_follow_up,
    kind_name,
    length,
    next_follow_ups,
    own_score,
    rescored_text,
    unfinished_reason,
)
from voiceprep.core.wording import counted, score_text
from voiceprep.gui.operations import query
from voiceprep.gui.widgets import accessible, common
from voiceprep.gui.widgets.common import RowTable, enter_presses_buttons, muted, sentence_case
from voiceprep.gui.widgets.compare import CompareDialog
from voiceprep.gui.widgets.feedback import FeedbackView, judge_words, when
from voiceprep.gui.widgets.numbers import LimitedSpin, refusal
from voiceprep.gui.widgets.practice import NoticeBar
from voiceprep.gui.widgets.shortcuts import described, key_text, over_text_fields
from voiceprep.gui.widgets.tagged_cell import TAG_ROLE, TaggedTextDelegate
from voiceprep.settings import (
    EXPORTED_SHOWN_MS,
    HISTORY_LIST_QUESTION_CHARS,
    HISTORY_NARROW_PX,
    HISTORY_SEARCH_FRAME_PX,
    UNDO_DELETE_S,
)

log = logging.getLogger(__name__)
COLUMNS = ["Date", "Prompt", "Score", "Length", "Rating"]
Index = QModelIndex | QPersistentModelIndex


def short_bank_names(registry: Any) -> dict[str, str]:
    """Each bank by the shortest name that still tells it apart, for the question cell with "All banks": its company
    ("Airwallex"), else its job title; when two share a company, the company with the mark a title ends with
    ("Airwallex (my copy)" beside "Airwallex": walk17, the full names were cut into "Airwalle…r (my copy)" at
    1366x768); else its job title, the part that tells banks of one company apart (walk24: "Airwallex — Sen…Round
    4", the full name cut in its middle, hid it); the name Banks shows when even that is shared."""
    labels = registry.labels()
    short = {b.id: b.job.company or b.job.title for b in registry.banks}
    marked = {b.id: f"{b.job.company} {m.group(1)}" if b.job.company and (m := re.search(r"(\([^()]*\))$", b.job.title))
              else short[b.id] for b in registry.banks}
    named = {i: name if list(short.values()).count(name) == 1 else marked[i] for i, name in short.items()}
    taken = list(named.values())
    titles = [b.job.title for b in registry.banks]

    def apart(b: Any) -> str:
        if taken.count(named[b.id]) == 1:
            return named[b.id]
        return b.job.title if titles.count(b.job.title) == 1 and b.job.title not in taken else \
            labels.get(b.id, named[b.id])
    return {b.id: apart(b) for b in registry.banks}


def undone_text(back: int, deleted: int, recorded: int) -> str:
    """What Undo says it did: the answers it put back, and those a backup imported meanwhile had brought back already
    (review32 6: "Brought back 0 answers." for two answers back in the list, their recordings dropped), with how many
    of those have their recording (`recorded`: the undo gives a copy the deleted answer's recording; a typed answer
    has none), said exactly, not "if any" (fixAD)."""
    again = deleted - back
    if again <= 0:
        return f"Brought back {answers(back)}."
    if back:
        those = f"{again} {'was' if again == 1 else 'were'}"
    else:
        those = "That answer was" if again == 1 else f"Those {again} answers were"
    if again == 1:
        recordings = "its recording" if recorded else "no recording"
    else:
        recordings = ("their recordings" if recorded >= again else counted(recorded, "recording") if recorded
                      else "no recordings")
    told = f"{those} already back from a backup you imported, with {recordings}."
    return told if not back else f"Brought back {answers(back)}. {told}"


def deleted_text(chosen: list[dict[str, Any]]) -> str:
    """What the undo notice says was deleted: the answer, by its question, time and score; or how many."""
    if len(chosen) != 1:
        # a typed answer has no recording (review32 10: "with their recordings" for typed answers)
        recorded = sum(r.get("input") != "typed" for r in chosen)
        return f"{len(chosen)} answers deleted" + (f", with {counted(recorded, 'recording')}." if recorded else ".")
    r = chosen[0]
    asked = textwrap.shorten(r["prompt_text"], 70, placeholder="…")
    # no score: its state, said as one (review32 10: "score failed.")
    score = f"score {r['score_text']}" if r.get("overall") is not None else \
        "not scored" if r.get("state") == "failed" else r["score_text"]
    return f"Answer deleted: “{asked}”, {when(r['started_at'])}, {score}."


def table_rows(rows: list[dict[str, Any]], banks: dict[str, str] | None = None,
               full: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """What the table shows for each attempt, formatted once (on the history lane, not at paint time). A drill
    answer (given after being told which points to cover) says so before its prompt, and so does a follow-up answer
    (answering the interviewer's follow-ups: "Follow-up · ..."); so does a search hit found in the note only (a hit
    in what was said shows in the transcript, one in the question in the cell itself); the tooltip says where any
    search hit is. `banks` (short names by bank id): the rows of every bank are shown, so each question cell ends
    with its bank, "Why Airwallex?... · Airwallex" (walkthrough 11: no column had room for it at 1366x768), where
    the cell's eliding cuts the bank, not the question (walkthrough 13: "Senior Backend Engineer, Payments · " took
    the question's first line). `full` (the names Banks shows, by bank id): the bank in the tooltip, else `banks`."""
    out = []
    several = banks is not None and len({r["bank_id"] for r in rows}) > 1
    for r in rows:
        drill, found, kind = r.get("drill"), found_text(r), kind_name(r)
        prompt = f"{kind} · {r['prompt_text']}" if kind else r["prompt_text"]
        tag = f" · {banks.get(r['bank_id'], r['bank_id'])}" if several and banks is not None else None
        prompt += tag or ""                    # kept whole by the cell's delegate (walk15: cut at 1366x768)
        cut_off = r.get("state") == "done" and r.get("state_detail")        # "cut off: recovered after the app closed"
        if cut_off:
            prompt = f"Cut off · {prompt}"
        if (r.get("found_in") or [None])[0] == "note":
            prompt = f"In your note · {prompt}"
        # a drill's own result, not its whole-answer score (walkthrough 6: a drill that covered the 1 point asked
        # read "18", a failed answer; the 18 is in its tooltip, not counted)
        own = own_score(r)
        score = own or (score_text(r['overall']) if r["overall"] is not None else r["state"])
        rescored = rescored_text(r)
        # its score replaced the one first shown (walkthrough 12), said on the row's second line: "1/1 drilled ·
        # re-scored" on one wrapped mid-word at 1366x768 (session 16); so are the points its follow-up answers
        # added, "+1 key point" (walk15: Practice said "now has 5 of 6", the row kept the answer alone)
        followed = r.get("with_follow_ups")
        marks = ["re-scored"] * (rescored is not None) + ([added_text(followed)] if followed and followed["covered"]
                                                         else [])
        cell = "\n".join([score, " · ".join(marks)] if marks else [score])
        display = (when(r["started_at"]), prompt, cell,
                   "typed" if r.get("input") == "typed" else "–" if r["duration_s"] is None else length(r["duration_s"]),
                   f"{r['self_rating']}/5" if r["self_rating"] else "–")
        shown = 100 * r["drilled"][0] / r["drilled"][1] if drill and r.get("drilled") and r["drilled"][1] else None
        score_key = shown if shown is not None else r["overall"] if r["overall"] is not None else -1   # as shown
        sort = (r["started_at"], r["prompt_text"], score_key, r["duration_s"] or -1, r["self_rating"] or 0)
        # "1/2 covered" in words: "Covered 1 of 2 asked in the follow-up" (a drill's "1/2 drilled" says it)
        said = covered_text(r["drilled"], r) if own and is_follow_up(r) else ""
        mark = asked_text(r) + (f"\n{said[:1].upper()}{said[1:]}" if said else "")
        tip = f"{r['prompt_text']}\n({(full or banks or {}).get(r['bank_id'], r['bank_id'])})" + (f"\n{mark}" if kind else "") + \
            (f"\nWhole answer: {score_text(r['overall'])} / 100, not counted" if drill and r["overall"] is not None
             and not is_follow_up(r) else "") + \
            (f"\nFound {found}" if found else "") + (f"\n{cut_off_text(cut_off)}" if cut_off else "") + \
            (f"\n{rescored}" if rescored else "") + (f"\n{followed_text(followed)}" if followed else "")
        out.append({**r, "display": display, "sort": sort, "tip": tip, "score_text": cell.replace("\n", " · "),
                    "tag": tag})
    return out


COMPARE_KEY = "Ctrl+D"      # Compare two's key (walk47 3: it had none)
COMPARE_DESCRIPTION = f"Compares the two selected answers ({COMPARE_KEY})"   # Compare two's, while it is on


def compare_hint(selected: int) -> str:
    """How to pick the two attempts Compare needs, by mouse and by keyboard (walkthrough 6: with 5 selected it said
    only "Ctrl+click")."""
    how = ("Select two answers to the same question: Ctrl+click the second, or with the keyboard Shift+↓ for the next "
           f"one (Ctrl+↑/↓ then Ctrl+Space for one further away); then {COMPARE_KEY} compares them.")
    return how if selected < 3 else f"{selected} answers are selected; Compare takes two. {how}"


# what to do when two answers do not compare, in History's words (the CLI says "give the ids of two answers ...")
SELECT_TWO = {ApartWhy.DIFFERENT_QUESTIONS: "select two answers to the same question",
              ApartWhy.SAME_WORDING: "select two answers to one of them"}


def apart_text(why: Apart) -> str:
    """Why two answers do not compare (core's reason), then what to do here: Compare two's tooltip and its message."""
    return f"{sentence_case(why.text)}: {SELECT_TWO[why.why]}."


# Judge again's box, asked before it judges (`rejudge_question`): the question, what happens to the score or count
# shown, what is kept
REJUDGE = {
    "ask": "Score this answer again with today's judge, against the question's key points as they read now (as "
           "answered, if the question was removed)?",
    "replaced": "Its {what} shown now ({shown}) is replaced by the new one; the first {what} stays in its record and "
                "History says it was re-scored if anything changes.",
    # read48b 1: a drill or follow-up judged again before its count was kept (mend48) has no first count saved
    "first_not_kept": "Its count shown now ({shown}) is replaced by the new one, and History says it was re-scored if "
                      "anything changes; its first count was not kept when an earlier version judged it again.",
    "kept": "Your transcript, recording, note and rating are kept.",
}


def rejudge_question(attempt: dict[str, Any]) -> str:
    """What Judge again will do to this answer, asked before it does it."""
    shown = score_text(attempt["overall"]) if attempt.get("overall") is not None else "no score"
    what = "score"
    # a drill or follow-up answer by its own count, as its row shows it (walk63 3: "Its score shown now (55)" of a
    # follow-up only ever shown "0/1 covered")
    if (asked := drilled(attempt.get("key_points") or [], attempt.get("drill"))) is not None:
        shown, what = drilled_text(asked, is_follow_up(attempt)), "count"
    # its first judging again, from before a drill's count was kept, is what History says as "first" (`rescored_text`)
    earlier = attempt.get("rejudged_from") or (attempt.get("settings") or {}).get("rejudged_from") or []
    lost = what == "count" and bool(earlier) and not earlier[0].get("asked")
    replaced = REJUDGE["first_not_kept" if lost else "replaced"].format(what=what, shown=shown)
    return f"{REJUDGE['ask']} {replaced} {REJUDGE['kept']}"


class AttemptsModel(QAbstractTableModel):
    """The listed attempts, as table_rows() formatted them."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.rows_as_loaded: list[dict[str, Any]] | None = None
        self.sorting: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.DescendingOrder)

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.rows_as_loaded = rows
        self.beginResetModel()
        self.rows = self._sorted(rows)
        self.endResetModel()

    def _sorted(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        col, order = self.sorting
        return sorted(rows, key=lambda r: r["sort"][col], reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted in Python (a proxy model would call data() thousands of times on every reload)."""
        self.sorting = (column, order)
        self.layoutAboutToBeChanged.emit()
        self.rows = self._sorted(self.rows)
        self.layoutChanged.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return r["display"][index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return r["id"]
        if role == TAG_ROLE and index.column() == 1:
            return r.get("tag")
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (1, 2):     # the score: a drill's whole answer
            return r["tip"]
        return None


class HistoryPage(QWidget):
    playAudio = Signal(str, float)
    changed = Signal()

    def __init__(self, services: Any, parent: QWidget | None = None):
        super().__init__(parent)
        enter_presses_buttons(self)          # Enter presses a button reached with Tab, as Space does
        self.services = services
        self.current: dict[str, Any] | None = None
        self._generation = 0           # a newer refresh or selection makes older answers stale
        # last rows, the bank names they were shown with, and their table form
        self._formatted: tuple[list[Any], tuple[dict[str, str], dict[str, str]] | None, list[dict[str, Any]]] = ([], None, [])
        self._detail_generation = 0
        self._select_after_reload: int | None = None   # a delete: select the row that took the deleted one's place
        self._select_ids: set[int] = set()   # an undone delete: select the answers it brought back
        self._undoable: Deleted | None = None        # the last delete, while Undo can bring it back
        self._shown_generation = 0     # the last refresh whose rows are on screen
        self._to_results = False       # Down or Enter in the search: the keyboard goes to the rows once they are in
        self._newest = False           # ... and to the newest answer among them (show_question)
        self._apart_said: tuple[str, str] | None = None   # Ctrl+D's reason on the status line, and the text it replaced
        root = QVBoxLayout(self)
        # filters beside the actions when wide; stacked, like the list above the feedback, when narrow
        self.bar = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        filters, actions = QHBoxLayout(), QHBoxLayout()
        self.bank_filter = QComboBox()
        self.prompt_filter = QComboBox()
        self.prompt_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.prompt_filter.setMinimumContentsLength(18)
        self.min_score = LimitedSpin()       # review31: "7,5" was taken as 75 without a word; refused and said instead
        self.min_score.setRange(0, 100)
        self.min_score.setPrefix("score ≥ ")
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.compare_btn = QPushButton("Compare two")
        self.compare_btn.setToolTip(compare_hint(0))
        accessible.name(self.compare_btn, "Compare two", COMPARE_DESCRIPTION)
        self.delete_btn = QPushButton("Delete")
        self.export_btn = QPushButton("Export…")
        self.export_btn.setToolTip("Export the answers shown, or only the selected ones (it asks which)")
        for combo in (self.bank_filter, self.prompt_filter):
            combo.setMinimumWidth(120)
        filters.addWidget(self.bank_filter, 2)
        filters.addWidget(self.prompt_filter, 2)
        filters.addWidget(self.min_score)
        actions.addWidget(self.search, 3)
        # Delete drawn last and the page's last Tab stop (walk67 6: Tab ×3 and Space from the search, meant for
        # Export…, deleted an answer): a destructive button is on the way to nothing
        for b in (self.compare_btn, self.export_btn, self.delete_btn):
            actions.addWidget(b)
        accessible.name(self.bank_filter, "Bank shown")
        accessible.name(self.prompt_filter, "Question shown")
        accessible.name(self.min_score, "Minimum score", "Lists only the answers that scored at least this")
        self.bar.addLayout(filters, 5)
        self.bar.addLayout(actions, 5)
        root.addLayout(self.bar)
        self.notice = NoticeBar()             # "Answer deleted … Undo (Ctrl+Z)"
        root.addWidget(self.notice)
        self.status = muted("")
        root.addWidget(self.status)
        split = self.split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        self.model = AttemptsModel(self)
        self.table = RowTable()
        self.table.setTabKeyNavigation(False)     # Tab moves on to the detail pane; arrows move between rows
        self.table.setModel(self.model)
        accessible.name(self.table, "Answers", f"Select one to see its feedback; two, then {COMPARE_KEY}, to compare them")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(True)                # prompts get two lines (a fixed height: nothing measured)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().lineSpacing() * 2 + 10)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        header = self.table.horizontalHeader()     # widths from the font, never measured over 500 rows
        metrics = self.table.fontMetrics()
        # the score column holds a drill's "10/10 drilled" or a follow-up's "9/9 covered" on one line ("Score" wide,
        # "1/2 drilled" wrapped); the follow-ups ask about a question's missed points, fewer than 10 (a "10/10
        # covered" would take the row's second line, not the prompt column's room at 1366x768)
        widest = max(drilled_text((10, 10)), drilled_text((9, 9), True), key=metrics.horizontalAdvance)
        for col, sample in enumerate(("30 Sep 2026 23:59", "", widest, "Length", "Rating")):
            if sample:
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
                self.table.setColumnWidth(col, metrics.horizontalAdvance(sample) + 24)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setItemDelegateForColumn(1, TaggedTextDelegate(self.table))
        split.addWidget(self.table)
        self.detail = FeedbackView(placeholder="Select an answer to see its feedback as it was shown.")
        split.addWidget(self.detail)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 4)
        root.addWidget(split, 1)
        self._search_timer = QTimer(self)          # the search runs once typing pauses
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(services.settings.history.search_debounce_ms)
        self._search_timer.timeout.connect(self.refresh)
        self.bank_filter.currentIndexChanged.connect(lambda _i: self._fill_prompts())
        self.prompt_filter.currentIndexChanged.connect(self.refresh)
        self.min_score.valueChanged.connect(lambda _: self._search_timer.start())
        self.min_score.refused.connect(lambda typed: self.status.setText(refusal(
            self.min_score, typed, "a score you can use", kept=f"score ≥ {self.min_score.value()}")))
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.search.textEdited.connect(self._typing_on)
        self.table.selectionModel().selectionChanged.connect(self._open_selected)
        self.compare_btn.clicked.connect(self.compare_selected)
        # a key of its own (walk47 3: Compare two was 8 to 10 Tabs from the table, past Judge again)
        # from the search and the note too, where GNOME's and KDE's text boxes take Ctrl+D as Delete (fixBP)
        self.compare_shortcut = over_text_fields(described(
            QShortcut(QKeySequence(COMPARE_KEY), self, self.compare_selected),
            "Compare the two selected answers (from the search and your note too)"), self.search, self.detail.note)
        self.compare_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # its label says its key, as Practice's buttons do ("Type answer…  (Ctrl+T)"; walk64 7: found in the source)
        self.compare_btn.setText(f"Compare two  ({key_text(self.compare_shortcut)})")
        self.delete_btn.clicked.connect(self.delete_selected)
        self.export_btn.clicked.connect(self.export_selected)
        # the table's own: a window-wide Delete asked to delete the selected attempts from a filter or a button
        self._delete_shortcut = described(QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table,
                                                    self.delete_selected), "Delete the selected answers")
        self._delete_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undo_shortcut = described(QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self, self.undo_delete),
                                       "Bring back the answers just deleted")
        self.undo_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_btn.setToolTip(f"Delete the selected answers and their audio ({key_text(self._delete_shortcut)} "
                                   f"key); {key_text(self.undo_shortcut)} brings them back for a while")
        self._undo_timer = QTimer(self)            # how long Undo can bring the last delete back
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(int(UNDO_DELETE_S * 1000))
        self._undo_timer.timeout.connect(self._end_undo)
        self.notice.close_btn.clicked.connect(self._end_undo)     # dismissed: the delete is final
        find = described(QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.focus_search),  # while shown
                         "Search what you said")
        # the hint whole where it fits, else its key alone (walk47 7: "Search (Ctrl+F): what you …" at 1.25x and 2x);
        # the tooltip and the screen reader's description say the rest
        self._search_hints = (f"Search ({key_text(find)}): what you said, notes, questions", f"Search ({key_text(find)})")
        self.search.setPlaceholderText(self._search_hints[0])
        self.search.installEventFilter(self)
        accessible.name(self.search, "Search history", f"{key_text(find)}: finds the words in what you said, your "
                        "notes and the questions")
        self.search.setToolTip(f"Finds the words in what you said, your notes and the questions ({key_text(find)}): "
                               f"{SEARCH_SYNTAX_TEXT}")
        # walk51: from the feedback (its links, the rating, the note) back to the answers in one key, and back: F6,
        # the desktops' key between a window's panes (Tab leaves the feedback text as one stop; Ctrl+Tab walks its links)
        self.pane_shortcut = described(QShortcut(QKeySequence("F6"), self, self.switch_pane),
                                       "Between the answers and their feedback")
        self.pane_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # Down or Enter in the search: into the results, on the first row (it took three Tabs, and the first Down
        # then selected the second row)
        down = described(QShortcut(QKeySequence("Down"), self.search, self.to_results),
                         "From the search box to the results (Enter too)")
        down.setContext(Qt.ShortcutContext.WidgetShortcut)   # (a fourth argument is not the context in PySide6)
        self.search.returnPressed.connect(self.to_results)
        self.detail.playFrom.connect(self._play)
        self.detail.noteChanged.connect(self._save_note)
        self.detail.rejudgeRequested.connect(self._rejudge)
        self._tab_order_set = False
        self.fill_banks()

    def switch_pane(self) -> None:
        """F6: from the answers table to the feedback; from anywhere else on the page (the feedback, the search, the
        filters) to the answers table (walk60 10: from the search box it went to the feedback, so Shift+Down scrolled
        it and Compare said "Select two answers…")."""
        focused = QApplication.focusWidget()
        there = self.detail.view if focused is self.table else self.table
        there.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def showEvent(self, event: Any) -> None:
        if not self._tab_order_set and not self.isWindow():
            self._tab_order_set = True
            self._table_first()
        super().showEvent(event)

    def _table_first(self) -> None:
        """Tab order as the page is drawn: the filters, the search, the answers, the actions on them, their
        feedback (its buttons, then its text, rating and note), then the notice's buttons (walk45 6: from the
        search Tab went to Compare two, Delete, Export… and the page list, the answers out of reach; walk41 8
        had put the answers first, the filters after the feedback).
        The order is set once the page is in its window: in a page of its own the focus chain is a ring that starts
        at the page, and QWidget.setTabOrder(a, b) does nothing when only widgets that take no focus stand between
        a and b (fixAG's call did nothing). In the window the page's chain is a stretch of the window's, between the
        page list and the next page."""
        def takes_tab(w: QWidget) -> bool:
            return bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus)
        feedback: list[QWidget] = []
        w = self.nextInFocusChain()
        while w is not None and w is not self and self.isAncestorOf(w):
            if self.detail.isAncestorOf(w) and takes_tab(w):
                feedback.append(w)
            w = w.nextInFocusChain()
        # the actions on the selected answers right after them (walk47 3: Tab Tab Space from two selected rows,
        # meant for Compare two, judged one again; Judge again asks first now), then the feedback's as drawn: its
        # buttons above the text, Judge again among them (walk59 9c: last, it came after the note and Save note)
        order: list[QWidget] = [self.bank_filter, self.prompt_filter, self.min_score, self.search, self.table,
                                self.compare_btn, self.export_btn, *feedback,
                                *(b for b in self.notice.findChildren(QAbstractButton) if takes_tab(b)), self.delete_btn]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.Resize:
            room = self.search.width() - 2 * self.search.fontMetrics().averageCharWidth() - HISTORY_SEARCH_FRAME_PX
            whole = self.search.fontMetrics().horizontalAdvance(self._search_hints[0]) <= room
            self.search.setPlaceholderText(self._search_hints[0 if whole else 1])
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: Any) -> None:
        narrow = event.size().width() < HISTORY_NARROW_PX
        self.bar.setDirection(QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight)
        orientation = Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal
        if self.split.orientation() != orientation:
            self.split.setOrientation(orientation)
        self.table.setMaximumWidth(self._list_width() if not narrow else 16777215)     # QWIDGETSIZE_MAX
        super().resizeEvent(event)

    def _list_width(self) -> int:
        """The widest the list is beside the feedback: its columns, the question's a line of
        HISTORY_LIST_QUESTION_CHARS characters (walk57 10), from the font, nothing measured over the rows."""
        header = self.table.horizontalHeader()
        fixed = sum(header.sectionSize(col) for col in range(self.model.columnCount()) if col != 1)
        question = self.table.fontMetrics().averageCharWidth() * HISTORY_LIST_QUESTION_CHARS
        return fixed + question + 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width()

    # -- filters --------------------------------------------------------------------------------
    def fill_banks(self) -> None:
        """(Re)fill the bank filter, keeping the bank and prompt chosen while they still exist (session 12: a bank
        saved anywhere put the filter back on "All banks")."""
        bank_id, prompt = self.bank_filter.currentData(), self.prompt_filter.currentData()
        self.bank_filter.blockSignals(True)
        self.bank_filter.clear()
        self.bank_filter.addItem("All banks", None)
        labels = self.services.registry.labels()          # "(mine)" beside a bank named as another
        for b in self.services.registry.banks:
            self.bank_filter.addItem(labels[b.id], b.id)
        self.bank_filter.setCurrentIndex(max(self.bank_filter.findData(bank_id), 0) if bank_id else 0)
        self.bank_filter.blockSignals(False)
        self._fill_prompts(prompt if bank_id and self.bank_filter.currentData() == bank_id else None)

    def _fill_prompts(self, keep: str | None = None) -> None:
        self.prompt_filter.blockSignals(True)
        self.prompt_filter.clear()
        self.prompt_filter.addItem("All prompts", None)
        bank = self.services.registry.find(self.bank_filter.currentData() or "")
        for p in bank.all_prompts() if bank else []:
            self.prompt_filter.addItem(p.text, p.id)
            self.prompt_filter.setItemData(self.prompt_filter.count() - 1, p.text, Qt.ItemDataRole.ToolTipRole)
        self.prompt_filter.setCurrentIndex(max(self.prompt_filter.findData(keep), 0) if keep else 0)
        self.prompt_filter.setEnabled(bank is not None)
        self.prompt_filter.blockSignals(False)
        self.refresh()

    def show_question(self, bank_id: str, prompt_id: str) -> None:
        """The answers to one question: its bank and question chosen in the filters (the round summary's lines)."""
        self.bank_filter.blockSignals(True)
        self.bank_filter.setCurrentIndex(max(self.bank_filter.findData(bank_id), 0))
        self.bank_filter.blockSignals(False)
        self._fill_prompts(prompt_id)
        self._newest = True                         # its newest answer selected, the keyboard on it (walk21)
        self.to_results()

    def focus_search(self) -> None:
        """Ctrl+F: the search box, its text selected (typing replaces the last search)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def to_results(self) -> None:
        """The keyboard to the first row of the results; those of a search typed a moment ago once they are in."""
        if self._search_timer.isActive():
            self.refresh()                          # Enter: no need to wait for the typing pause
        if self._shown_generation != self._generation:
            self._to_results = True
            return
        self._enter_results()

    def _typing_on(self, _text: str) -> None:
        """The candidate types on after Enter or Down: the keyboard stays in the search (a later refresh, such as
        an answer saved from Practice, moved it to the table and opened the first row)."""
        self._to_results = self._newest = False

    def _enter_results(self) -> None:
        self._to_results, newest, self._newest = False, self._newest, False
        rows = self.model.rows
        if not rows:
            return                                  # nothing found: the keyboard stays in the search
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        row = max(range(len(rows)), key=lambda i: rows[i]["started_at"]) if newest else 0
        self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)
        self.table.scrollTo(self.model.index(row, 0))

    def _filters(self) -> tuple[Any, Any, str | None, int | None]:
        """Bank, prompt, search text and minimum score as chosen (None: not filtered by it)."""
        text = self.search.text().strip()
        return (self.bank_filter.currentData(), self.prompt_filter.currentData(), text if has_words(text) else None,
                self.min_score.value() or None)

    def refresh(self) -> None:
        """Load the attempts the filters select (newest first), off the GUI thread."""
        self._search_timer.stop()
        self._generation += 1
        generation = self._generation
        service = self.services.history
        bank, prompt, text, min_score = self._filters()
        self.status.setText("Searching…" if text else "Loading…")
        registry = self.services.registry
        names = None if bank else (short_bank_names(registry), registry.labels())   # every bank: each row names its own
        def load() -> list[dict[str, Any]]:
            found = service.attempts(bank=bank, prompt=prompt, text=text, min_score=min_score)
            last_found, last_names, last_rows = self._formatted    # only ever touched on the history lane
            if last_names == names and len(found) == len(last_found) and all(a is b for a, b in zip(found, last_found)):
                return last_rows                               # the history answered from its cache: same rows
            self._formatted = (found, names, table_rows(found, *names) if names else table_rows(found))
            return self._formatted[2]
        query(load, on_done=lambda rows: self._show_rows(rows, generation), owner=self,
              on_error=lambda e: self._failed(e, "Loading the history"))

    def _show_rows(self, rows: list[dict[str, Any]], generation: int) -> None:
        if generation != self._generation:
            return                                  # the filters changed while this was loading
        self._shown_generation = generation
        limit = self.services.settings.history.list_limit
        more = f" (the newest {limit}; narrow the filters to see older ones)" if len(rows) >= limit else ""
        # counted as Progress counts them (walk19: "4 answers" here, "3 answers and 1 follow-up" there)
        # fixBK: a search of no word ("%", '""') searches nothing: said so, and the filters' answers are listed
        wordless = f"{NO_WORD_TEXT}. " if self.search.text().strip() and not has_words(self.search.text()) else ""
        searched = has_words(self.search.text())        # fixBU: what to try next, as `history search` says it
        self.status.setText(f"{wordless}{rows_text(rows)}{more}" if rows else
                            f"{wordless}No answers match.{' ' + NO_MATCH_TIP_TEXT if searched else ''}")
        if rows == self.model.rows_as_loaded:
            if self._to_results:
                self._enter_results()
            return                                  # nothing changed (e.g. the page was shown again)
        selected = set(self.selected_ids())
        self.table.selectionModel().blockSignals(True)
        self.model.set_rows(rows)
        self.table.selectionModel().blockSignals(False)
        ids = {r["id"] for r in rows}
        if self.current is not None and self.current["id"] not in ids:
            self._clear_detail()                     # filtered out: the detail must not show a hidden attempt
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row, r in enumerate(self.model.rows):
            if r["id"] in selected:
                self.table.selectionModel().select(self.model.index(row, 0), flags)
        after, self._select_after_reload = self._select_after_reload, None
        if after is not None and self.model.rows:          # after a delete: the next attempt, keyboard on the table
            self.table.selectRow(min(after, len(self.model.rows) - 1))
            self.table.setFocus()
        back, self._select_ids = self._select_ids, set()
        brought = [row for row, r in enumerate(self.model.rows) if r["id"] in back]
        if brought:                                         # after an undo: the answers brought back, keyboard on them
            self.table.selectionModel().clearSelection()
            for row in brought:
                self.table.selectionModel().select(self.model.index(row, 0), flags)
            self.table.selectionModel().setCurrentIndex(self.model.index(brought[0], 0), flags)
            self.table.scrollTo(self.model.index(brought[0], 0))
            self.table.setFocus()
        if self._to_results:
            self._enter_results()

    def _clear_detail(self) -> None:
        self.current = None
        self._detail_generation += 1
        self.detail.clear()

    def _failed(self, exc: BaseException, doing: str) -> None:
        self._to_results = self._newest = False   # a later refresh (an answer saved in Practice) must not take the keyboard
        self.status.setText(sentence_case(user_message(exc, doing)))

    # -- one attempt ----------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.rows[r]["id"] for r in rows]

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _compare_apart(self) -> None:
        """Compare two is off, its tooltip saying why, while the two answers selected are to different questions
        (walk37: it was on, then refused with a message); on otherwise, its tooltip how to pick two."""
        ids = self.selected_ids()
        rows = [r for r in self.model.rows if r["id"] in ids]
        registry = self.services.registry
        why = apart(rows[0], rows[1], registry.lineage,
                    lambda r: f"“{registry.labels().get(r['bank_id']) or r['bank_id']}”") if len(rows) == 2 else None
        self.compare_btn.setEnabled(why is None)
        self.compare_btn.setToolTip(apart_text(why) if why else compare_hint(len(ids)))
        self.compare_btn.setAccessibleDescription(f"Off: {apart_text(why)}" if why else COMPARE_DESCRIPTION)
        said, self._apart_said = self._apart_said, None
        if said is not None and QToolTip.isVisible() and QToolTip.text() == said[0] != self.compare_btn.toolTip():
            QToolTip.hideText()                # walk59 9b: Ctrl+D's reason, shown by it, goes with the selection
        if said is not None and self.status.text() == said[0]:    # Ctrl+D's reason still on the status line
            if said[0] == self.compare_btn.toolTip():
                self._apart_said = said        # still true
            else:
                self.status.setText(said[1])   # read41b 1: gone, the status line it replaced comes back

    def _open_selected(self, *_: Any) -> None:
        self._compare_apart()
        if self.detail.has_unsaved_note():
            self.detail.commit_note()          # a note typed but not saved is kept when another attempt opens
        ids = self.selected_ids()
        if len(ids) != 1:
            if not ids:
                self._clear_detail()
            return
        self._detail_generation += 1
        generation = self._detail_generation
        service = self.services.history
        query(lambda: service.attempt(ids[0]), on_done=lambda a: self._show_attempt(a, generation), owner=self,
              on_error=lambda e: self._failed(e, "Opening the answer"))

    def _show_attempt(self, attempt: dict[str, Any], generation: int) -> None:
        if generation != self._detail_generation:
            return
        self.current = attempt
        doc = attempt.get("document")
        if doc is None:
            self.detail.clear(f"This answer has no feedback: {attempt['state']} "
                              f"({unfinished_reason(attempt)}).")
            return
        kind = {"typed": "typed", "file": "imported recording"}.get(attempt.get("input") or "", "spoken")
        # the bank by its short name, as the pickers and the list's cells name it (walk16: its job title); a bank
        # since deleted by the title stored with the feedback
        bank = short_bank_names(self.services.registry).get(attempt["bank_id"], doc["bank"]["title"])
        context = f"{bank} · {when(attempt['started_at'])} · {kind} · {answer_name(attempt)} · " \
                  f"{judge_words(doc['judge'])}"
        if attempt.get("drill") or is_follow_up(attempt):
            context += "\n" + asked_text(attempt, with_points=False)      # what it counts for: the feedback says
        if attempt.get("with_follow_ups"):       # as Practice showed it after them, beside its own count
            context += "\n" + followed_text(attempt["with_follow_ups"])
        if attempt.get("state_detail"):          # a finished attempt's own remark: "cut off: recovered after..."
            context += "\n" + cut_off_text(attempt["state_detail"])
        if (rescored := rescored_text(attempt)) is not None:     # the scores below replaced the ones first shown
            context += f"\n{rescored}"
        found = next((found_text(r) for r in self.model.rows if r["id"] == attempt["id"]), "")
        if found:                               # why the search listed it, as the row's tooltip says
            context += f"\nYour search found this {found}"
        # what was still open after it, as Practice showed it (a follow-up answer: its asked points' missed ones)
        doc = {**doc, "follow_ups": next_follow_ups(doc, attempt)}
        if STILL_MISSED in (attempt.get("settings") or {}):    # fixCU: what it also covered of the points still missed
            doc["also_covered"] = [k["label"] for k in also_covered(doc.get("key_points") or [], attempt)]
        if found:                               # its words marked in the transcript (walk18)
            doc["searched"] = self.search.text()
        self.detail.show_document(doc, attempt.get("note") or "", attempt.get("self_rating") or 0, context=context,
                                  can_rejudge=bool(attempt.get("transcript_data")), drill=attempt.get("drill"),
                                  # as Practice showed it: the points the follow-ups asked about (its questions
                                  # are in the context above)
                                  follow_up="" if is_follow_up(attempt) else None)

    def _play(self, seconds: float) -> None:
        if self.current and self.current.get("audio_path"):
            self.playAudio.emit(self.current["audio_path"], seconds)

    def _save_note(self, note: str, rating: int) -> None:
        if self.current:
            attempt, service = self.current["id"], self.services.history
            query(lambda: service.set_note(attempt, note, rating or None), owner=self,
                  on_done=lambda _: self._changed("Note saved."), on_error=lambda e: self._failed(e, "Saving the note"))

    def _rejudge(self) -> None:
        if not self.current:
            return
        attempt, session = self.current["id"], self.services.session
        current = self.services.registry.find(self.current["bank_id"])     # its key points as they read now
        # it replaces the score shown: said first, and asked (walk47 3: a stray Space re-scored with no word)
        if common.choose(self, "Judge again", rejudge_question(self.current), ["Judge again", "Cancel"], cancel=1,
                         default=1) != 0:
            return
        self.status.setText("Judging again…")

        def done(doc: dict[str, Any]) -> None:
            text = rejudged_text(doc)          # as `voiceprep history rejudge` says it
            self._changed(text, reopen=True)
            self._tell("Judged again", text)
        query(lambda: session.rejudge(attempt, current), owner=self, on_done=done,
              on_error=lambda e: self._failed(e, "Judging again"))

    # -- several attempts -----------------------------------------------------------------------
    def compare_selected(self) -> None:
        """Compare two (or its key): the two selected answers side by side. While the button is off for two answers
        to different questions, its key says why where the button does, in its tooltip and on the status line, and
        opens nothing (walk55 finding 8: the greyed button and Ctrl+D's message disagreed on whether it was on)."""
        ids = self.selected_ids()
        if len(ids) != 2:
            QMessageBox.information(self, "Compare", compare_hint(len(ids)))
            # the keys it names (Shift+↓, Ctrl+↑/↓, Ctrl+Space) are the list's: the keyboard goes there, from
            # wherever Ctrl+D was pressed (walk62 10: it went back to the feedback pane)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if not self.compare_btn.isEnabled():
            why = self.compare_btn.toolTip()
            if self._apart_said is None or self.status.text() != self._apart_said[0]:
                self._apart_said = (why, self.status.text())      # the reason said, and the status line it replaced
            self.status.setText(why)
            QToolTip.showText(self.compare_btn.mapToGlobal(self.compare_btn.rect().bottomLeft()), why, self.compare_btn)
            return
        service = self.services.history
        query(lambda: service.compare(*ids), owner=self, on_done=self._show_compare,
              on_error=lambda e: self._tell("Compare", apart_text(e.apart) if isinstance(e, NotOneQuestion)
                                            else sentence_case(user_message(e, "Comparing"))))

    def delete_selected(self) -> None:
        """Delete at once, with "Answer deleted · Undo (Ctrl+Z)" for UNDO_DELETE_S (walk39 9: it asked first, "This
        cannot be undone"). Another delete makes the one before final: Undo brings back the last delete."""
        ids = self.selected_ids()
        if not ids:
            return
        chosen = [r for r in self.model.rows if r["id"] in ids]
        place = min(i for i, r in enumerate(self.model.rows) if r["id"] in ids)
        service = self.services.history

        def deleted(done: Deleted) -> None:
            # the delete before is final only now that this one went through: a refused delete leaves its Undo and
            # recordings alone (review33 2); one whose result came back first (the lane was busy, review32 2) is
            # final now too: it was left pending, its recordings kept after the quit
            self._end_undo()
            self._select_after_reload = place
            if self.current is not None and self.current["id"] in ids:
                self._clear_detail()
            self._offer_undo(done, deleted_text(chosen))
            self._changed(f"Deleted {answers(done.count)}.", reload=True)
        query(lambda: service.delete_undoably(ids), owner=self, on_done=deleted,
              on_error=lambda e: self._failed(e, "Deleting"))

    def undo_delete(self) -> None:
        """Ctrl+Z or the notice's Undo: the last delete's answers back as they were, the first of them selected."""
        done, self._undoable = self._undoable, None
        self._undo_timer.stop()
        self.notice.hide()
        if done is None:
            return
        service = self.services.history

        def back(ids: Undone) -> None:
            self._select_ids = set(ids)
            text = undone_text(len(ids), done.count, ids.again_recorded)
            self._changed(text, reload=True)
            if len(ids) < done.count:      # in the notice bar: the status line turns into the count on the reload
                self.notice.show_text(text)

        def failed(exc: BaseException) -> None:
            """Nothing came back (the undo is one transaction): the delete stays pending and Undo can try again,
            unless its undo is over or another delete took its place (review32 1: it was made final silently)."""
            self._failed(exc, "Bringing back the deleted answers")
            if self._undoable is None and not isinstance(exc, UndoOverError):
                self._offer_undo(done, f"{self.status.text()} The answers are still deleted: Undo tries again.")
        query(lambda: service.undo_delete(done), owner=self, on_done=back, on_error=failed)

    def _offer_undo(self, done: Deleted, text: str) -> None:
        self._undoable = done
        self._undo_timer.start()
        self.notice.show_text(text, action=(f"Undo  ({key_text(self.undo_shortcut)})", self.undo_delete))

    def _end_undo(self) -> None:
        """The undo is over (its time ran out, the notice dismissed, another delete, the quit): the deleted answers'
        recordings are removed, off the GUI thread."""
        done, self._undoable = self._undoable, None
        self._undo_timer.stop()
        if done is None:
            return
        self.notice.hide()
        service = self.services.history
        query(lambda: service.forget_deleted(done), on_error=lambda e: log.warning("removing deleted answers: %s", e))

    def close_undo(self) -> None:
        """The app quits: a delete not undone is final."""
        self._end_undo()

    def export_selected(self) -> None:
        """Export the attempts the list shows, or only the selected ones: with some but not all selected it asks
        which (a candidate who had one attempt open and pressed Export got one attempt and no word about the rest);
        the save dialog and the confirmation name how many."""
        shown, selected = [r["id"] for r in self.model.rows], self.selected_ids()
        if not shown:
            self._tell("Export", "There is nothing to export: no answers are shown (change the filters or the "
                                 "search).")
            return
        ids, what = shown, f"all {len(shown)} answers shown" if len(shown) > 1 else "the 1 answer shown"
        if not any(self._filters()) and len(shown) >= self.services.settings.history.list_limit:
            ids, what = [], "your whole history"      # the list shows only the newest; a backup wants them all
        if selected and len(selected) < len(shown):
            one = len(selected) == 1
            chosen = common.choose(
                self, "Export", f"{'1 answer is' if one else f'{len(selected)} answers are'} selected of the "
                f"{len(shown)} shown. Export which?",
                ["Cancel", f"Selected ({len(selected)})", "Whole history" if not ids else f"All {len(shown)} shown"],
                cancel=0, default=2 if one else 1)   # one selected is usually the one open; several: chosen on purpose
            if chosen == 0:
                return
            if chosen == 1:
                ids, what = selected, f"{answers(len(selected))} selected of the {len(shown)} shown"
        path, fmt_name = QFileDialog.getSaveFileName(self, f"Export {what}", str(Path.home() / "voiceprep-export.md"),
                                                     "Markdown (*.md);;JSON (*.json);;CSV (*.csv)")
        if not path:
            return
        fmt, target = export_target(path, fmt_name)
        if str(target) != path and target.exists() and QMessageBox.question(
                self, "Export", f"{target.name} already exists. Replace it?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return                    # the dialog asked about the name as typed, not with the extension added
        service = self.services.history
        self.status.setText("Exporting…")

        def exported(result: Exported) -> None:          # the whole history's count is known once written
            self._exported(result, what if ids else f"{what} ({answers(result.count)})")
        query(lambda: service.export(ids, fmt, target), owner=self, on_done=exported,
              on_error=lambda e: self._tell("Export", sentence_case(user_message(e, "Exporting")), warn=True))

    def _changed(self, text: str, reload: bool = False, reopen: bool = False) -> None:
        self.status.setText(text)
        if reload:
            self.refresh()
        if reopen:
            self._open_selected()
        self.changed.emit()

    def _show_compare(self, result: dict[str, Any]) -> None:
        band = self.services.settings.analysis
        CompareDialog(result, self, (band.wpm_low, band.wpm_high)).exec()

    def _tell(self, title: str, text: str, warn: bool = False) -> None:
        (QMessageBox.warning if warn else QMessageBox.information)(self, title, text)

    def _exported(self, result: Exported, what: str) -> None:
        """Said once, in the window's status bar (the page's line when it has none), not in a modal box (walk61
        finding 12: its OK had to be pressed before Ctrl+Q or anything else worked; walk63 9: it was said twice, on
        the page's line under the toolbar too)."""
        text = f"Wrote {what} as {FORMATS[result.format]} to {result.path}{unfinished_text(result.unfinished)}."
        window = self.window()
        if isinstance(window, QMainWindow):
            self.status.clear()
            window.statusBar().showMessage(text, EXPORTED_SHOWN_MS)
        else:
            self.status.setText(text)
