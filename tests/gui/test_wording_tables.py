"""read47b 6: user-visible wording lives in the wording tables — core.wording and, in the GUI, a module's UPPER_CASE
constants (its own table, e.g. app.STARTING_*, practice.PROCESSING_TEXT) — not in a sentence written inside a
function: the start-failure message and the bank editor's "Took out N invisible characters" were."""

from __future__ import annotations

import ast
from pathlib import Path

import voiceprep

# sentences once worded inside a function, now kept in a table; each is found only in a module-level constant
KEPT_IN_TABLES = ("Details were written to", "Took out", "Restored your unsaved changes",
                  "Not saved yet: Save puts", "that came with what you pasted", "You can still type answers",
                  "Saved in ",   # read48b: the save line said it again inside BankEditor.save, beside OPENED["saved"]
                  "is replaced by the new one", "first count was not kept")     # mend50: Judge again's box


def _outside_tables(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, text) of each string constant not inside a module-level assignment to an UPPER_CASE name (nor a
    docstring)."""
    inside: set[int] = set()
    for node in ast.walk(tree):                 # docstrings are not shown
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            inside.add(id(node.value))
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if all(isinstance(t, ast.Name | ast.Subscript) for t in targets) and all(
                    (t.id if isinstance(t, ast.Name) else getattr(t.value, "id", "")).isupper() for t in targets):
                inside.update(id(n) for n in ast.walk(node))
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in inside]


def test_the_start_failure_and_the_editors_save_lines_are_worded_in_the_tables():
    found = []
    for path in sorted((Path(voiceprep.__file__).parent / "gui").rglob("*.py")):
        for line, text in _outside_tables(ast.parse(path.read_text(encoding="utf-8"))):
            if any(phrase in text for phrase in KEPT_IN_TABLES):
                found.append(f"{path.name}:{line}: {text[:80]}")
    assert not found, "\n".join(found)


def test_the_tables_say_them():
    from voiceprep.gui.app import STARTING_FAILED_TEXT, UNEXPECTED_ERROR
    from voiceprep.gui.widgets.bank_editor import invisible_taken_out, opened_text

    assert UNEXPECTED_ERROR.format(error="KeyError: 'x'", log="voiceprep.log").endswith(
        "history are safe. Details were written to voiceprep.log.")
    assert STARTING_FAILED_TEXT.format(error="OSError: disk full", log="voiceprep.log") == \
        "OSError: disk full\n\nDetails were written to voiceprep.log."
    assert invisible_taken_out(0) == ""
    assert invisible_taken_out(1).startswith(" Took out 1 invisible character that came with what you pasted (")
    assert invisible_taken_out(3).startswith(" Took out 3 invisible characters that came")
    assert opened_text(None) == "Not saved yet: Save puts it in your banks folder."
    assert opened_text(None, restored=True) == \
        "Restored your unsaved changes: not saved yet. Save puts them in your banks folder."
