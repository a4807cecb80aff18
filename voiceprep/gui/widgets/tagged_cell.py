"""A table cell of wrapped text ending in a tag that is never cut: History's question cell with its bank's name,
"Why Airwallex? ... · Airwallex" (walk15: at 1366x768 the cell's eliding cut the bank's name off a long question;
the question is shortened instead, the tag kept whole on its last line)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

TAG_ROLE = Qt.ItemDataRole.UserRole + 1       # the model's tag for a cell (" · Airwallex"), None for none
TAG_SHARE = 0.6                               # the most of a line's width a tag takes


def elide_tag(tag: str, metrics: QFontMetrics, width: int) -> str:
    """A bank's name cut to `width`: in its middle, so the end that tells two banks apart shows ("Airwallex —
    Sen…Round 4"), but a closing bracket, "(my copy)" or "(Round 4)", kept whole and the name before it cut at its
    end (fixCW, walk55 finding 7: "Senior Backend En…ayments (my copy)" read like its origin's row): "Senior Backend
    Engineer, Pay… (my copy)". Too narrow for a few letters before the bracket, it is cut in its middle after all."""
    if metrics.horizontalAdvance(tag) <= width:
        return tag
    name, paren, note = tag.rstrip().rpartition(" (")
    if paren and note.endswith(")") and name.strip(" ·"):
        suffix = f" ({note}"
        room = width - metrics.horizontalAdvance(suffix)
        if room > metrics.horizontalAdvance("Wwww…"):
            return metrics.elidedText(name, Qt.TextElideMode.ElideRight, room) + suffix
    return metrics.elidedText(tag, Qt.TextElideMode.ElideMiddle, width)


def tagged_lines(text: str, tag: str, metrics: QFontMetrics, width: int, lines: int) -> list[str]:
    """`text` word-wrapped to `width` in at most `lines` lines, the last ending with `tag` whole: the text is
    shortened with "…" when it does not fit beside it. A tag wider than TAG_SHARE of a line has that line alone."""
    def fits(s: str) -> bool:
        return metrics.horizontalAdvance(s) <= width

    most = int(width * TAG_SHARE)          # a long tag takes the last line of its own (walk24: cut in its middle
    if metrics.horizontalAdvance(tag) > most and lines > 1 and text.strip():  # to 60 %, "Airwallex — Sen…Round 4"
        text_lines = tagged_lines(text, "", metrics, width, lines - 1)       # hid what told two banks apart)
        return [*text_lines, elide_tag(tag.strip(" ·"), metrics, width)]
    if metrics.horizontalAdvance(tag) > most:      # one line: cut to TAG_SHARE, so the text keeps room, as elide_tag
        tag = elide_tag(tag, metrics, most)      # cuts it: "Airwallex — Infra… (my copy)", "Airwallex — Sen…Round 4"

    words, i = text.split(), 0
    out: list[str] = []
    while i < len(words) and len(out) < lines - 1:
        line = words[i]
        i += 1
        while i < len(words) and fits(f"{line} {words[i]}"):
            line += f" {words[i]}"
            i += 1
        if i == len(words) and not fits(line + tag):
            out.append(line)                   # all of it, the tag on the next line
            return [*out, tag.strip(" ·")] if len(out) < lines else out
        out.append(line)
    rest = " ".join(words[i:])
    if not rest:
        out[-1] += tag
        return out
    room = max(0, width - metrics.horizontalAdvance(tag))
    if metrics.horizontalAdvance(rest) > room:
        rest = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, room)
    return [*out, rest + tag]


class TaggedTextDelegate(QStyledItemDelegate):
    """Paints a cell whose model gives a TAG_ROLE (its display text ends with that tag) as tagged_lines(), in as
    many lines as the row's height holds; any other cell as usual."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        tag = index.data(TAG_ROLE)
        if not tag:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text.removesuffix(tag)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is None:
            super().paint(painter, option, index)
            return
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)   # background, focus
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, opt.widget) + 1
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget).adjusted(
            margin, 0, -margin, 0)
        metrics = opt.fontMetrics
        lines = tagged_lines(text, tag, metrics, area.width(), max(1, area.height() // metrics.lineSpacing()))
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setPen(opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        top = area.top() + (area.height() - len(lines) * metrics.lineSpacing()) // 2
        for n, line in enumerate(lines):
            painter.drawText(QRect(area.left(), top + n * metrics.lineSpacing(), area.width(), metrics.lineSpacing()),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), line)
        painter.restore()
