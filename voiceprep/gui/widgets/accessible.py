"""Names a screen reader says for each control (walk47 1: it heard values and glyphs, not labels).

`name` gives a control its name (and a description); `name_forms` links each label of a form to the control of
its row (QLabel.setBuddy) and names that control by the label, in one pass over a window. On Linux a combo box
gives its current text as its name and its label only through a label relation (QAccessibleComboBox), so a combo
box named here gets a label of its own, not shown, whose buddy it is."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLayout, QWidget

GLYPHS = "●▶↻✕■↑↓⌨×▲◆▼✚✓✗⏹"
_GLYPH_RUN = re.compile(f"[{GLYPHS}]+")


def spoken(text: str) -> str:
    """A button's or label's text as a name: no glyphs, no mnemonic "&", no double spaces, no trailing colon."""
    text = _GLYPH_RUN.sub("", text.replace("&&", "\0").replace("&", "").replace("\0", "&"))
    return re.sub(r"\s+", " ", text).strip().rstrip(":").strip()


def name(widget: QWidget, text: str, description: str = "") -> None:
    """Give `widget` the name `text` (glyphs dropped) and, if given, a description."""
    said = spoken(text)
    widget.setAccessibleName(said)
    if description:
        widget.setAccessibleDescription(description)
    if isinstance(widget, QComboBox):
        _label_combo(widget)


def _label_combo(box: QComboBox) -> None:
    """A combo box's name as a label relation: a hidden label beside it, whose buddy it is (once it has a parent;
    `name_forms` labels those named before they were put in a layout)."""
    parent = box.parentWidget()
    if parent is None or not box.accessibleName():
        return
    label = getattr(box, "_spoken_label", None)
    if any(isinstance(w, QLabel) and w.buddy() is box and w is not label for w in parent.children()):
        return                                  # a label of its own on screen says it
    if label is None or label.parentWidget() is not parent:
        label = QLabel(parent)
        label.hide()
        box._spoken_label = label       # type: ignore[attr-defined]
    label.setText(box.accessibleName())
    label.setBuddy(box)


def _first_focusable(item: QWidget | QLayout | None) -> QWidget | None:
    if isinstance(item, QWidget):
        if item.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return item
        children = [c for c in item.findChildren(QWidget) if c.focusPolicy() & Qt.FocusPolicy.TabFocus]
        return children[0] if children else None
    if isinstance(item, QLayout):
        for i in range(item.count()):
            sub = item.itemAt(i)
            found = _first_focusable(sub.widget() or sub.layout()) if sub is not None else None
            if found is not None:
                return found
    return None


def name_forms(root: QWidget) -> None:
    """Each labelled row of every form under `root`: its label's buddy is the row's first control, which is named
    by the label unless it has a name already; and each named combo box under `root` gets its label."""
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = label_item.widget() if label_item else None
            if not isinstance(label, QLabel) or not label.text().strip() or field_item is None:
                continue
            field = _first_focusable(field_item.widget() or field_item.layout())
            if field is None:
                continue
            if label.buddy() is None:
                label.setBuddy(field)
            if not field.accessibleName():
                name(field, label.text())
    for box in root.findChildren(QComboBox):
        _label_combo(box)
