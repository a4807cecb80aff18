"""A bank file being edited: tomlkit keeps its comments and layout; every edit can be undone.

Nodes are addressed by paths like ("rounds", 0, "prompts", 2, "key_points", 1); ("job",) is the job
table and () the file's top level. Validation is the loader's own (`parse_bank`), so the editor shows
exactly the file:line messages `voiceprep banks check` prints for the text that would be saved.
"""

from __future__ import annotations

import os
import re
import tempfile
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.items import AoT, Table
from tomlkit.toml_document import TOMLDocument

from voiceprep.core.banks.load import BankError, BankLoadError, parse_bank, read_bank_text
from voiceprep.core.banks.model import Bank
from voiceprep.core.banks.toml_words import toml_problem
from voiceprep.core.invisible import without_invisible
from voiceprep.settings import BankSettings

NodePath = tuple[str | int, ...]
CHILDREN = {"competencies": "competency", "rounds": "round", "prompts": "prompt", "key_points": "key point"}
_LONG_LIST = 100     # characters: longer lists are written one item per line
_SLUG_STRIP = re.compile(r"[^a-z0-9]+")

NEW_BANK = '''# My own question bank. Edit it in voiceprep (Banks > Edit) or in any text editor;
# the format is described in question_banks/README.md.
schema = 1

[job]
id = "{id}"
title = "{title}"

[[rounds]]
id = "round-1"
title = "Round 1"

[[rounds.prompts]]
id = "prompt-1"
text = "Tell me about yourself."
target_seconds = 120

[[rounds.prompts.key_points]]
id = "current-role"
label = "My current role and what I am best at"
'''
# the starter question's example key point above: it goes when the question is rewritten and it is still as made
STARTER_ID, STARTER_LABEL = "current-role", "My current role and what I am best at"


def slugify(text: str, taken: set[str] | frozenset[str] = frozenset(), fallback: str = "item", words: int = 4) -> str:
    """A slug from text's first words, made unique against `taken` with -2, -3..."""
    parts = [p for p in _SLUG_STRIP.split(text.lower()) if p][:words]
    base = "-".join(parts)
    if len(base) > 40:
        base = base[:41].rsplit("-", 1)[0]
    base = base.strip("-") or fallback
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _table(values: dict[str, Any], blank_after: bool = True) -> Table:
    table = tomlkit.table()
    for key, value in values.items():
        table[key] = value
    if blank_after:
        table.add(tomlkit.nl())
    return table


def copy_title(title: str, taken: set[str]) -> str:
    """The title of a new copy of a bank titled `title`: "X (my copy)", then "X (my copy 2)" and on when those are
    taken; a copy of a copy is numbered, not marked twice ("X (my copy) (my copy)", session 20)."""
    base = re.sub(r"\s*\(my copy(?: \d+)?\)$", "", title)
    n = 1
    while (name := f"{base} (my copy{'' if n == 1 else f' {n}'})") in taken:
        n += 1
    return name


def syntax_problem(text: str, exc: BaseException) -> tuple[int | None, str]:
    """Why tomlkit could not read `text` (its error `exc`), as the line it is on and the candidate's words: the
    loader's (tomllib's message in plain words), or, for the rare text tomllib reads and tomlkit does not, its line."""
    try:
        tomllib.loads(text)
    except ValueError as read:              # TOMLDecodeError, and int() refusing a 5,000-digit number
        return toml_problem(str(read), text)
    line = getattr(exc, "line", None)
    return line, (f"line {line} cannot be read for editing: check it in a text editor (every quoted text closed, "
                  "one name = value a line)" if line else "the file cannot be read for editing: check it in a text "
                  "editor")


class BankDocument:
    """One bank's TOML, editable, with undo/redo and the loader's validation."""

    def __init__(self, text: str, path: Path | None = None, limits: BankSettings | None = None):
        self.limits = limits or BankSettings()
        self.doc: TOMLDocument = tomlkit.parse(text)
        self.path = path
        self.saved_text = text if path is not None else ""
        # each step: the text before it, and the node it was about before and after it (undo shows the first,
        # redo the second: an undone "add" shows the prompt it was added to, not the job)
        self._undo: list[tuple[str, NodePath, NodePath]] = []
        self._redo: list[tuple[str, NodePath, NodePath]] = []
        self.where: NodePath | None = None      # the node the last undo or redo changed
        self.blank: str | None = None           # a new bank's text as made: nothing of the candidate's to save
        self._grouped = False                   # inside step(): one undo step for several edits
        self.invisible_removed = 0              # invisible characters taken out of fields set since the last save
        self._invisible_in: dict[tuple[NodePath, str], int] = {}   # how many the last text given for each field held (read47b 4)

    # -- making one -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path, limits: BankSettings | None = None) -> BankDocument:
        """Raises BankLoadError when the file cannot be read or is not TOML at all: its syntax problem in the plain
        words the Banks page and Practice use (core.banks.toml_words; walk39 8: the editor said "not valid TOML")."""
        text = read_bank_text(path, limits)
        try:
            return cls(text, path, limits)
        except Exception as exc:
            line, message = syntax_problem(text, exc)
            raise BankLoadError([BankError(str(path), line, "", message, syntax=True)]) from None

    @classmethod
    def new(cls, bank_id: str, title: str) -> BankDocument:
        doc = cls(NEW_BANK.format(id=bank_id, title=title.replace('"', "'")))
        doc.blank = doc.text()
        return doc

    @classmethod
    def copy_of(cls, text: str, bank_id: str, title: str, origin: str | None = None) -> BankDocument:
        """A new, unsaved bank from another bank's text (comments kept), under a new id and title. `origin`: the id
        of the bank it duplicates, kept as job.copied_from so the answers to its questions follow the copy."""
        doc = cls(text)
        doc.doc["job"]["id"] = bank_id          # type: ignore[index]
        doc.doc["job"]["title"] = title         # type: ignore[index]
        if origin:
            doc.doc["job"]["copied_from"] = origin      # type: ignore[index]
        return doc

    # -- reading ----------------------------------------------------------------------------
    def text(self) -> str:
        return self.doc.as_string()

    @property
    def modified(self) -> bool:
        """Changed since saved; a new bank as made (or edited back to it) is not (walk19: closing one never touched
        asked to save it, and Save wrote the template as a bank)."""
        text = self.text()
        return text != self.saved_text and text != self.blank

    def node(self, path: NodePath) -> Any:
        node: Any = self.doc
        for part in path:
            node = node[part]
        return node

    def get(self, path: NodePath, key: str, default: Any = None) -> Any:
        """A field's plain Python value (str, int, float, list of str) or `default`."""
        try:
            node = self.node(path)
        except (KeyError, IndexError, TypeError):
            return default
        if not isinstance(node, (Table, dict)) or key not in node:
            return default
        value = node[key]
        return value.unwrap() if hasattr(value, "unwrap") else value

    def count(self, path: NodePath, key: str) -> int:
        try:
            value = self.node(path + (key,))
        except (KeyError, IndexError, TypeError):
            return 0
        return len(value) if isinstance(value, (AoT, list)) else 0

    def ids(self, path: NodePath, key: str) -> list[str]:
        return [str(self.get(path + (key, i), "id", "")) for i in range(self.count(path, key))]

    def all_prompt_ids(self) -> set[str]:
        out: set[str] = set()
        for r in range(self.count((), "rounds")):
            out.update(self.ids(("rounds", r), "prompts"))
        return out

    def key_point_paths(self) -> list[NodePath]:
        """Every key point's path, round by round and prompt by prompt."""
        out: list[NodePath] = []
        for r in range(self.count((), "rounds")):
            for p in range(self.count(("rounds", r), "prompts")):
                prompt = ("rounds", r, "prompts", p)
                out.extend(prompt + ("key_points", j) for j in range(self.count(prompt, "key_points")))
        return out

    def bank(self) -> Bank:
        """The bank as the app would load it; raises BankLoadError."""
        return parse_bank(self.text(), str(self.path or "new bank"), self.limits)

    def problems(self) -> list[BankError]:
        try:
            self.bank()
        except BankLoadError as exc:
            return exc.errors
        return []

    # -- editing (each call is one undo step) -------------------------------------------------
    def _snapshot(self, before: NodePath, after: NodePath | None = None) -> None:
        if self._grouped:
            return                              # inside step(): the step's snapshot covers it
        self._undo.append((self.text(), before, before if after is None else after))
        del self._undo[:-self.limits.undo_steps]
        self._redo.clear()

    @contextmanager
    def step(self, before: NodePath, after: NodePath | None = None) -> Iterator[None]:
        """The edits made inside as one undo step (a competency removed with the key points' mentions of it);
        none when they changed nothing."""
        if self._grouped:
            yield
            return
        text = self.text()
        self._snapshot(before, after)
        self._grouped = True
        try:
            yield
        finally:
            self._grouped = False
            if self.text() == text:
                self._undo.pop()

    def _count_invisible(self, path: NodePath, key: str, gone: int) -> None:
        """Counts the invisible characters a field's text brings beyond those its last text given held: the editor
        gives a field's whole text again at each commit, the pasted characters with it (read47b 4: one zero-width
        space pasted, then words typed, was "Took out 4")."""
        before = self._invisible_in.get((tuple(path), key), 0)
        self._invisible_in[(tuple(path), key)] = gone
        self.invisible_removed += max(0, gone - before)

    def set(self, path: NodePath, key: str, value: Any) -> bool:
        """Set a field; None, "" or [] removes it. Returns False when nothing changed."""
        if isinstance(value, str):
            value, gone = without_invisible(value)
            self._count_invisible(path, key, gone)
            value = value.strip()
        if isinstance(value, list):
            cleaned = [without_invisible(v) for v in value if isinstance(v, str)]
            self._count_invisible(path, key, sum(gone for _v, gone in cleaned))
            value = [v.strip() for v, _gone in cleaned if v.strip()]
        current = self.get(path, key)
        empty = value is None or value == "" or value == []
        if current == value or (empty and current is None):
            return False
        self._snapshot(path)
        table = self.node(path)
        if isinstance(value, list) and len(repr(value)) > _LONG_LIST:
            array = tomlkit.array()
            array.extend(value)
            array.multiline(True)
            value = array
        if empty:
            del table[key]
        elif key in table:
            table[key] = value
        else:
            self._insert_key(table, key, value)
        return True

    @staticmethod
    def _insert_key(table: Any, key: str, value: Any) -> None:
        """Add a key after the table's last plain value, so comments and child tables stay where they were."""
        plain = [k for k, v in table.items() if not isinstance(v, (Table, AoT))]
        container = getattr(table, "value", None)
        if plain and container is not None and hasattr(container, "_insert_after"):
            try:
                container._insert_after(plain[-1], key, value)
                # the table's dict too, as tomlkit's own __setitem__ does: else deleting the key again raised
                # KeyError once the text had lost it (walkthrough 20: a Competency set to "(none)" left the
                # problems list stale)
                dict.__setitem__(table, key, container[key])
                return
            except Exception:
                pass
        table[key] = value

    def add(self, parent: NodePath, key: str, values: dict[str, Any], at: int | None = None) -> int:
        """Add a child table (a competency, round, prompt or key point); return its index."""
        table = self.doc if not parent else self.node(parent)
        child = _table(values)
        if key not in table:
            self._snapshot(parent, parent + (key, 0))
            new = tomlkit.aot()
            new.append(child)
            table[key] = new
            return 0
        aot: Any = table[key]
        index = len(aot) if at is None else max(0, min(at, len(aot)))
        self._snapshot(parent, parent + (key, index))
        if index == len(aot) and aot and not aot[-1].as_string().endswith("\n\n"):
            # after a last block with no blank line under it (the end of the file): the blank line goes between
            # the two, and the new block ends the file as the old one did (its header was glued to the block
            # above, and the file ended with a blank line)
            aot[-1].add(tomlkit.nl())
            child = _table(values, blank_after=False)
        aot.insert(index, child)
        for before, table in zip(aot, list(aot)[1:]):
            # tomlkit gives a table put into a new array of tables a leading newline (its "indent"), and the ones
            # inserted after it copy it: under a block that already ends with a blank line that made two
            # (walkthrough 10: double blank lines between a prompt's later key points)
            if before.as_string().endswith("\n\n") and table.trivia.indent.startswith("\n"):
                table.trivia.indent = table.trivia.indent.lstrip("\n")
        return index

    def remove(self, path: NodePath) -> None:
        self._snapshot(path, path[:-1])
        parent = self.node(path[:-1])
        del parent[int(path[-1])]
        if not len(parent):
            owner = self.node(path[:-2]) if len(path) > 2 else self.doc
            del owner[str(path[-2])]

    def move(self, path: NodePath, delta: int) -> int:
        """Move a child up (-1) or down (+1) among its siblings; return its new index."""
        parent = self.node(path[:-1])
        i = int(path[-1])
        j = max(0, min(len(parent) - 1, i + delta))
        if i == j:
            return i
        self._snapshot(path[:-1] + (i,), path[:-1] + (j,))
        indents = [table.trivia.indent for table in parent]
        item = parent.pop(i)
        parent.insert(j, item)
        for table, indent in zip(parent, indents):
            # the space above a block belongs to its place, not to the block (walkthrough 12: a prompt added to an
            # empty round carries a leading newline; moved under the round's blank line it made two)
            table.trivia.indent = indent
        return j

    # -- undo -------------------------------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def next_undo(self) -> tuple[NodePath, NodePath] | None:
        """Where the change Undo takes back was: (before, after) as `where` reads after an undo and a redo
        (a removal's after is its list, an addition's its new node, an edit's its node)."""
        return self._undo[-1][1:] if self._undo else None

    @property
    def next_redo(self) -> tuple[NodePath, NodePath] | None:
        """Where the change Redo does again was: (before, after), as `next_undo`."""
        return self._redo[-1][1:] if self._redo else None

    def undo(self) -> bool:
        if not self._undo:
            return False
        text, before, after = self._undo.pop()
        self._redo.append((self.text(), before, after))
        self.doc = tomlkit.parse(text)
        self.where = before
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        text, before, after = self._redo.pop()
        self._undo.append((self.text(), before, after))
        self.doc = tomlkit.parse(text)
        self.where = after
        return True

    # -- saving -----------------------------------------------------------------------------
    def save(self, path: Path | None = None) -> Path:
        """Write atomically (temporary file, fsync, rename): a crash leaves the old or the new file."""
        path = path or self.path
        if path is None:
            raise ValueError("no file to save to")
        text = self.text()
        write_atomically(path, text)
        self.path, self.saved_text = path, text
        return path


def write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
