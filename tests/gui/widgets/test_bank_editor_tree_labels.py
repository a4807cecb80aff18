"""The bank editor's tree labels follow the node that was edited, never the row selected next (walk68 6b: a key point
retyped, another Competency picked, then a key point of another prompt clicked: that row showed the previous text)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTreeWidgetItem

from tests.conftest import BANKS
from voiceprep.core.banks.document import BankDocument
from voiceprep.gui.widgets.bank_editor import PATH_ROLE, BankEditor

FIRST = ("rounds", 0, "prompts", 0)
OTHER = ("rounds", 0, "prompts", 1)


@pytest.fixture
def editor(qtbot):
    e = BankEditor()
    qtbot.addWidget(e)
    e.open_document(BankDocument.copy_of((BANKS / "airwallex.toml").read_text(), "tree-labels", "Tree labels"))
    e.resize(1000, 700)
    e.show()
    e.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is e)
    return e


def item_of(editor, path) -> QTreeWidgetItem:
    found = [it for it in _items(editor.tree.invisibleRootItem()) if tuple(it.data(0, PATH_ROLE)) == path]
    assert len(found) == 1, path
    return found[0]


def _items(parent: QTreeWidgetItem):
    for i in range(parent.childCount()):
        yield parent.child(i)
        yield from _items(parent.child(i))


def field(editor, key: str):
    return next(f.widget for f in editor.fields if f.key == key)


def click(qtbot, editor, path) -> None:
    """Select a tree row with the mouse, as the walker did (no commit of our own before it)."""
    it = item_of(editor, path)
    editor.tree.scrollToItem(it)
    rect = editor.tree.visualItemRect(it)
    qtbot.mouseClick(editor.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.node_path == path


def retype(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def every_label_is_its_nodes(editor) -> None:
    doc = editor.doc
    for it in _items(editor.tree.invisibleRootItem()):
        path = tuple(it.data(0, PATH_ROLE))
        if len(path) == 6:
            assert it.text(0).startswith("• " + str(doc.get(path, "label", ""))[:40]), (path, it.text(0))
        elif len(path) == 4:
            assert it.text(0).startswith(str(doc.get(path, "text", ""))[:40]), (path, it.text(0))


def test_a_point_retyped_with_another_competency_leaves_the_next_selected_rows_label_alone(qtbot, editor):
    point, other = FIRST + ("key_points", 1), OTHER + ("key_points", 0)
    click(qtbot, editor, point)
    retype(qtbot, field(editor, "label"), "I checked weekly log-ins for every account")
    box = field(editor, "competency")
    box.setCurrentIndex((box.currentIndex() + 1) % box.count())          # commits after a short delay
    click(qtbot, editor, other)                                          # before that delay is over
    assert editor.doc.get(point, "label") == "I checked weekly log-ins for every account"
    assert item_of(editor, point).text(0) == "• I checked weekly log-ins for every account"
    assert item_of(editor, other).text(0) == "• " + editor.doc.get(other, "label")
    every_label_is_its_nodes(editor)


def test_a_prompt_retyped_then_its_first_point_selected_keeps_both_labels(qtbot, editor):
    first_point = FIRST + ("key_points", 0)
    click(qtbot, editor, FIRST)
    retype(qtbot, field(editor, "text"), "Why do you want to work with us?")
    click(qtbot, editor, first_point)
    assert editor.doc.get(FIRST, "text") == "Why do you want to work with us?"
    assert item_of(editor, FIRST).text(0) == "Why do you want to work with us?"
    assert item_of(editor, first_point).text(0).startswith("• " + editor.doc.get(first_point, "label")[:40])
    every_label_is_its_nodes(editor)
