"""Small shared pieces: colours that work on light and dark palettes, headings, score bars."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSettings,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLayoutItem,
    QProgressBar,
    QRadioButton,
    QSizePolicy,
    QStyleOption,
    QStyleOptionHeader,
    QTableView,
    QWidget,
)

from voiceprep import paths
from voiceprep.core.wording import score_shown, score_text
from voiceprep.gui.style import RING_WIDTH, draw_ring
from voiceprep.settings import FAIR_SCORE, GOOD_SCORE

GOOD, WARN, BAD, ACCENT = "#2e9d57", "#d98e04", "#d0453b", "#3b7ddd"


def sentence_case(text: str) -> str:
    """A message shown on its own starts with a capital: the history's own errors are written lowercase to follow
    another sentence ("voiceprep: error: these two attempts...", the CLI's style), walkthrough 10's Compare box."""
    return text[:1].upper() + text[1:]


MINIMUM_SIZE = (640, 520)      # the window's: half of a 1366-wide screen, beside one's notes; pages scroll below


def size_fits(percent: int, free: tuple[float, float]) -> bool:
    """Whether the window's minimum fits a screen whose free area (without its panels) is `free` at the system's own
    scaling, at an interface size of `percent` (200 % of a 1366x768 laptop leaves 683x384 for a 640x520 window)."""
    return free[0] * 100 / percent >= MINIMUM_SIZE[0] and free[1] * 100 / percent >= MINIMUM_SIZE[1]


def fit_to_screen(wanted: QRect, available: QRect, margin: int = 24) -> QRect:
    """`wanted` moved and shrunk so that the whole window, buttons and status bar included, is on screen."""
    width = min(wanted.width(), available.width() - margin)
    height = min(wanted.height(), available.height() - margin)
    x = min(max(wanted.x(), available.x()), available.right() - width)
    y = min(max(wanted.y(), available.y()), available.bottom() - height)
    return QRect(x, y, width, height)


def window_state() -> QSettings:
    """Window geometry and the last bank, kept in the data directory with everything else (VOICEPREP_HOME
    moves it too, so tests and throw-away homes never touch the candidate's own window state)."""
    return QSettings(str(paths.data_dir() / "window.ini"), QSettings.Format.IniFormat)


def is_dark() -> bool:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def soft(hex_color: str) -> str:
    """A translucent tint of a colour, readable on light and dark backgrounds."""
    return f"rgba({int(hex_color[1:3], 16)}, {int(hex_color[3:5], 16)}, {int(hex_color[5:7], 16)}, 0.16)"


def score_color(score: float | None) -> str:
    """A score's colour by the bands of voiceprep.settings (GOOD_SCORE, FAIR_SCORE); no score: the accent."""
    if score is None:
        return ACCENT
    return GOOD if score >= GOOD_SCORE else WARN if score >= FAIR_SCORE else BAD


def choose(parent: QWidget | None, title: str, text: str, options: list[str], cancel: int | None = None,
           default: int = 0, closed_by: Any = None, follows: Any = None) -> int:
    """Ask a question with named answers (plain text); return the index of the one chosen.

    `cancel` is the option Esc or closing the box means, `default` the one Enter presses. `closed_by`: a signal
    that makes the question moot (the answer it asks about stopped): the box closes as if cancelled (walkthrough 11:
    "An answer is being recorded" stayed up over the answer's feedback). One place for every question the app asks,
    so tests can answer them.

    `follows`: (signal, ask) for a question whose premise can change under it: at each emission ask() returns the
    question's new (text, options), the options in the same order and meaning, or None while it still holds; the box
    changes in place (walk66 finding 4: "An answer is being recorded… Keep recording" stayed up after the silence stop
    had ended and scored the answer)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    buttons = [box.addButton(o, QMessageBox.ButtonRole.AcceptRole) for o in options]
    box.setDefaultButton(buttons[default])
    if cancel is not None:
        box.setEscapeButton(buttons[cancel])
    if closed_by is not None:
        closed_by.connect(box.reject)

    def follow(*_args: Any) -> None:
        now = follows[1]()
        if now is not None:
            box.setText(now[0])
            for button, option in zip(buttons, now[1]):
                button.setText(option)
    if follows is not None:
        follows[0].connect(follow)
    try:
        box.exec()
    finally:
        if closed_by is not None:
            closed_by.disconnect(box.reject)
        if follows is not None:
            follows[0].disconnect(follow)
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else (cancel if cancel is not None else len(options) - 1)


def plain(text: str = "") -> QLabel:
    """A label that shows its text literally: bank text such as "<img src=...>" is never rendered as HTML."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class LineButton(QAbstractButton):
    """A line of wrapped text that is a button: a Tab stop with the app's focus ring, pressed by a click, Space or
    Enter (keyboard_buttons); Up/Down (Left/Right) move to the line before or after it in `lines`, the list it
    joins (session 22: the round summary's question lines were labels the keyboard could not reach)."""

    def __init__(self, text: str, lines: list[LineButton], key: str = ""):
        super().__init__()
        self.lines, self.key = lines, key           # key: what the line is about (the summary's: a prompt id)
        lines.append(self)
        self.label = plain(text)
        self.label.setWordWrap(True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)     # the click is the button's
        lay = QHBoxLayout(self)
        lay.setContentsMargins(*(RING_WIDTH + 2,) * 4)                               # room for the ring
        lay.addWidget(self.label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def paintEvent(self, event: Any) -> None:
        if self.hasFocus():
            option = QStyleOption()
            option.initFrom(self)
            draw_ring(QPainter(self), option)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Left: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_Right: 1}.get(
            Qt.Key(event.key()))
        if step is None or event.modifiers():
            super().keyPressEvent(event)
            return
        to = self.lines.index(self) + step
        if 0 <= to < len(self.lines):
            self.lines[to].setFocus(Qt.FocusReason.TabFocusReason)


def heading(text: str, size: int = 13, bold: bool = True) -> QLabel:
    label = plain(text)
    font = label.font()
    font.setPointSize(size)
    font.setBold(bold)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def muted(text: str) -> QLabel:
    label = plain(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


class ScoreBar(QWidget):
    """A labelled 0-100 bar: name, the score beside the bar in its colour (drawn on the bar, the number crossed the
    fill's edge and was hard to read at some scores), the bar, a detail."""

    def __init__(self, name: str, score: float | None, detail: str = "", parent=None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 2, 0, 2)
        label = plain(name)
        label.setMinimumWidth(120)
        label.setWordWrap(True)
        self.value = QLabel(score_text(score))
        self.value.setStyleSheet(f"color: {score_color(score)}; font-weight: 700;")
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bold = QFont(self.value.font())
        bold.setBold(True)
        self.value.setMinimumWidth(QFontMetrics(bold).horizontalAdvance("100") + 4)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setValue(score_shown(score))
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(14)
        self.bar.setStyleSheet(f"QProgressBar {{ border: none; border-radius: 4px; background: {soft('#808080')}; }} "
                               f"QProgressBar::chunk {{ border-radius: 4px; background: {score_color(score)}; }}")
        row.addWidget(label, 2)
        row.addWidget(self.value)
        row.addWidget(self.bar, 3)
        if detail:
            # a share of the row, as the name's: on one line where the row has room (at its size hint it wrapped,
            # doubling each bar's height: the round summary ran below the fold at 1366x768, walkthrough 13), wrapped
            # in a narrow window
            row.addWidget(muted(detail), 2)


class Card(QFrame):
    def __init__(self, color: str = ACCENT, parent=None):
        super().__init__(parent)
        self.setObjectName("card")
        self.setStyleSheet(f"QFrame#card {{ background: {soft(color)}; border-left: 4px solid {color}; "
                           f"border-radius: 6px; }}")


def big_number(value: float | None, caption: str) -> QWidget:
    w = QWidget()
    lay = QHBoxLayout(w)
    lay.setContentsMargins(0, 0, 0, 0)
    num = QLabel(score_text(value))
    font = QFont(num.font())
    font.setPointSize(30)
    font.setBold(True)
    num.setFont(font)
    num.setStyleSheet(f"color: {score_color(value)};")
    lay.addWidget(num)
    cap = plain(caption)
    cap.setWordWrap(True)
    cap.setAlignment(Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft)
    lay.addWidget(cap, 1)          # the room left, not a word-wrapped label's narrow hint (walk15: it wrapped)
    return w


class FlowLayout(QLayout):
    """Lays widgets out left to right and wraps to a new line when the width runs out (Qt's flow layout
    example): rows of buttons stay reachable in a narrow window instead of being clipped."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, apply: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint()
            if item.spacerItem() is not None or item.expandingDirections() & Qt.Orientation.Horizontal:
                hint = QSize(max(hint.width(), 0), hint.height())
            if x + hint.width() > area.right() + 1 and line > 0:
                x, y, line = area.x(), y + line + self._spacing, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + m.bottom()


def flow_row(*widgets: QWidget) -> QWidget:
    """A widget holding `widgets` in a FlowLayout (wraps when narrow)."""
    holder = QWidget()
    holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    lay = FlowLayout(holder)
    for w in widgets:
        lay.addWidget(w)
    return holder


class _EnterPresses(QObject):
    """Enter or Return presses a focused, enabled button, as Space does (Qt only does this inside dialogs). One
    filter, installed one of two ways:
    - on each button (keyboard_buttons): the key reaches the button first; `radio` True, so Enter on a radio button
      chooses it (the feedback's rating on Practice: Enter sets the focused value, as Space does);
    - on a page (enter_presses_buttons): a button ignores Enter outside a dialog, so the key no widget took goes up to
      the page, which presses the focused button under it (buttons the page adds later, the bank editor's rows, are
      covered too); `radio` False, so Enter on a radio button chooses nothing (History's rating)."""

    def __init__(self, parent: QObject, radio: bool):
        super().__init__(parent)
        self.radio = radio

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() != QEvent.Type.KeyPress
                or event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter)       # type: ignore[attr-defined]
                or event.modifiers()):                                            # type: ignore[attr-defined]
            return False
        on_button = isinstance(watched, QAbstractButton)
        button = watched if on_button else QApplication.focusWidget()
        if (isinstance(button, QAbstractButton) and button.isEnabled()
                and (self.radio or not isinstance(button, QRadioButton))
                and (on_button or (isinstance(watched, QWidget) and watched.isAncestorOf(button)))):
            button.animateClick()
            return True
        return False


def enter_presses_buttons(page: QWidget) -> None:
    """Enter or Return on a button reached with Tab presses it, as Space does, anywhere on `page` (walkthrough 11:
    on History only Space did; the README says Enter presses it). Not a radio button's (_EnterPresses)."""
    if not any(not f.radio for f in page.findChildren(_EnterPresses)):
        page.installEventFilter(_EnterPresses(page, radio=False))


def keyboard_buttons(root: QWidget) -> None:
    """Buttons under `root` take focus from Tab only (a mouse click leaves the focus where it was, so the page's
    Space key still answers after clicking Next), and a focused button is pressed by Space, Enter or Return.
    Radio buttons keep their own (a click focuses one, so the arrow keys then move the choice; the feedback's
    rating, the only group: Space there sets the focused value, and answers everywhere else), Enter choosing the
    focused one as Space does, and a button that takes no focus (the rating's clear button: Delete on the rating is
    its key) keeps taking none."""
    clicks = next((f for f in root.findChildren(_EnterPresses) if f.radio), None) or _EnterPresses(root, radio=True)
    for button in root.findChildren(QAbstractButton):
        if not isinstance(button, QRadioButton) and button.focusPolicy() != Qt.FocusPolicy.NoFocus:
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.removeEventFilter(clicks)
        button.installEventFilter(clicks)


class SortHeader(QHeaderView):
    """A header whose sort arrow points the way the values run, as in most desktop apps: ▲ ascending, ▼ descending
    (newest first). Qt's header asks the style for a down arrow when ascending, which Fusion draws as ▼, so a
    newest-first Date column showed ▲."""

    FLIP = {QStyleOptionHeader.SortIndicator.SortUp: QStyleOptionHeader.SortIndicator.SortDown,
            QStyleOptionHeader.SortIndicator.SortDown: QStyleOptionHeader.SortIndicator.SortUp}

    def initStyleOptionForIndex(self, option: QStyleOptionHeader, logicalIndex: int) -> None:
        super().initStyleOptionForIndex(option, logicalIndex)
        option.sortIndicator = self.FLIP.get(option.sortIndicator, option.sortIndicator)


class RowTable(QTableView):
    """A table read row by row: Home and End go to the first and last row, as in a list (QTableView's own Home
    and End stay in the row and move between columns). Its sort arrow reads the usual way (SortHeader)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        header = SortHeader(Qt.Orientation.Horizontal, self)
        header.setSectionsClickable(True)          # as QTableView's own header
        header.setHighlightSections(True)
        self.setHorizontalHeader(header)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """With no row selected (the table reached with Tab), the first Down or Up selects the row the keyboard is on
        (the first): it moved on first, so the first Down selected the second row (walkthrough 7); Home, End, Page Up
        and Page Down select the row they land on, the one it was on too (walk63 9)."""
        current, selection = self.currentIndex(), self.selectionModel()
        if (event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and event.modifiers() == Qt.KeyboardModifier.NoModifier
                and current.isValid() and selection is not None and not selection.hasSelection()):
            selection.select(current, QItemSelectionModel.SelectionFlag.ClearAndSelect
                             | QItemSelectionModel.SelectionFlag.Rows)
            event.accept()
            return
        super().keyPressEvent(event)
        # walk63 9: Home on the row the keyboard is already on (the first, reached with F6) moved nothing, so it
        # selected nothing: the row it is on is selected, as after any move
        current = self.currentIndex()
        if (event.key() in (Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
                and event.modifiers() == Qt.KeyboardModifier.NoModifier
                and current.isValid() and selection is not None and not selection.hasSelection()):
            selection.select(current, QItemSelectionModel.SelectionFlag.ClearAndSelect
                             | QItemSelectionModel.SelectionFlag.Rows)

    def paintEvent(self, event: Any) -> None:
        """The rows, then, with the keyboard here, the focus ring inside the rows' area as well: the style's ring on
        the table's 1 px frame was hardly seen, on an empty table not at all (walk64 7: Tab from History's search,
        which found nothing, seemed to skip the answers list)."""
        super().paintEvent(event)
        if self.hasFocus():
            option = QStyleOption()
            option.initFrom(self.viewport())
            option.rect = self.viewport().rect()
            painter = QPainter(self.viewport())
            draw_ring(painter, option)
            painter.end()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        """Scrolled, the viewport's pixels are moved, the ring painted on its edges with them: drawn again whole, so no
        ring line is left across the rows (read48c)."""
        super().scrollContentsBy(dx, dy)
        if self.hasFocus():
            self.viewport().update()

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        if action in (QAbstractItemView.CursorAction.MoveHome, QAbstractItemView.CursorAction.MoveEnd):
            modifiers |= Qt.KeyboardModifier.ControlModifier
        return super().moveCursor(action, modifiers)

    def selectionCommand(self, index: QModelIndex | QPersistentModelIndex,
                         event: QEvent | None = None) -> QItemSelectionModel.SelectionFlag:
        """Ctrl+Home and Ctrl+End select the row they go to, as Home and End do: Qt moves only the current row on a
        Ctrl key, which left other attempts selected for Delete (walkthrough 6). Shift still extends."""
        if (isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Home, Qt.Key.Key_End)
                and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            return (QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
        return super().selectionCommand(index, event)


class WrappedLine(QLabel):
    """A muted note of a line or so, wrapped when the page is narrow. Its size hint is its text on one line: the
    form sizes a wrapped label by the height its text takes at QLabel's own narrow hint, three lines for one, which
    left gaps under the microphone and the model and made Settings scroll by a row at 1366x768 with the first-start
    welcome open (fix41). Narrower, it wraps and is as tall as its lines (its height for its width). `muted`: in
    the muted colour of a note (else the text colour)."""

    def __init__(self, text: str = "", muted: bool = True):
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        if muted:
            self.setStyleSheet("color: palette(placeholder-text);")
        self.setText(text)

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        width = (max((self.fontMetrics().horizontalAdvance(line) for line in self.text().splitlines()), default=0)
                 + 2 * self.margin() + margins.left() + margins.right() + 1)
        return QSize(width, self.heightForWidth(width))
