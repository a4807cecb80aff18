"""Small helpers shared by the CLI commands."""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


class CliError(Exception):
    """A user-facing error: printed as one line, exit status 1."""


def _finite(x: Any) -> Any:
    """NaN and infinity as null: they are not valid JSON."""
    if isinstance(x, float):
        return x if math.isfinite(x) else None
    if isinstance(x, dict):
        return {k: _finite(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [_finite(v) for v in x]
    return x


def print_json(data: Any) -> None:
    json.dump(_finite(data), sys.stdout, indent=2, ensure_ascii=False, allow_nan=False)
    sys.stdout.write("\n")


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
# the columns a wrapped line's next lines start at: after "[x] ", "- ", "!! pace      ", an opening quote; else
# two past the line's own indent (walk48 2: the terminal broke them at column 80 and the columns dissolved)
_HANG = re.compile(r"^( *)(\[[x ]\] |- \[[x ]\] |[-+] |(?:ok|!!|--) +\S+ +|\"|\S+: (?=\S))?")
_COLUMN = re.compile(r"(?<=\S) {2,}(?=\S)")      # two spaces or more between words: a table's columns
MIN_WIDTH = 40


def out_width(stream: Any = None) -> int | None:
    """The terminal's width when `stream` (stdout) is one; None when piped: a line stays one line for grep, cut and
    the like (a pager wraps for itself), as `ls` and `git` do."""
    stream = stream or sys.stdout
    if not stream.isatty():
        return None
    if os.environ.get("COLUMNS", "").isdigit():         # set by the user, honoured first (as shutil does)
        return max(MIN_WIDTH, shutil.get_terminal_size().columns)
    try:        # the stream's own terminal: stderr's when stdout is piped (`history search x | wc -l`; read38b)
        return max(MIN_WIDTH, os.get_terminal_size(stream.fileno()).columns)
    except (AttributeError, OSError, ValueError):
        return max(MIN_WIDTH, shutil.get_terminal_size().columns)


def wrap_line(line: str, width: int) -> list[str]:
    """`line` broken at spaces to `width` visible columns (colour codes take none), its next lines indented so the
    columns it starts with stay clear (_HANG); a word longer than the line is left whole."""
    if _seen(line) <= width:
        return [line]
    m = _HANG.match(line)           # always matches (both groups may be empty)
    lead, mark = (m.group(1), m.group(2) or "") if m else ("", "")
    # a table's row goes on under its last column that starts in the line's first half ("  hit 0 of 1  prompt: label"),
    # prose at its own indent, a line at the margin two in
    columns = [g.end() for g in _COLUMN.finditer(line, len(lead)) if g.end() <= width // 2]
    hang = len(lead) + (len(mark) if mark and len(mark) < width // 2
                        else columns[-1] - len(lead) if columns and not mark else 0 if lead else 2)
    out, current = [], lead
    for word in line[len(current):].split(" "):
        if current.strip() and _seen(current) + 1 + _seen(word) > width:
            out.append(current.rstrip())
            # a word too long for the column goes on two past the line's own indent (fixBY: `history list`'s
            # "bank/question" under column 40 was 87 wide again)
            current = " " * (hang if hang + _seen(word) <= width else min(hang, len(lead) + 2)) + word
        else:
            current += (" " if current.strip() else "") + word
    out.append(current.rstrip())
    return out


def _seen(text: str) -> int:
    return len(_ANSI.sub("", text))


def emit(text: str, stream: Any = None) -> None:
    """Print `text` on `stream` (stdout), each line wrapped to the terminal's width (out_width); unwrapped when piped."""
    stream = stream or sys.stdout
    width = out_width(stream)
    for line in text.split("\n"):
        print("\n".join(wrap_line(line, width)) if width else line, file=stream)


def emit_error(text: str) -> None:
    """An error line on stderr, wrapped as `emit` wraps stdout's (fixBU: walk48 read them broken at column 80)."""
    emit(text, sys.stderr)


@contextmanager
def user_errors(doing: str) -> Iterator[None]:
    """Any failure inside becomes a CliError in the user's words (no traceback, no library text)."""
    from voiceprep.app import user_message

    try:
        yield
    except CliError:
        raise
    except (KeyboardInterrupt, BrokenPipeError):
        raise
    except Exception as exc:
        raise CliError(user_message(exc, doing)) from None


def bank_lineage() -> Callable[[str], tuple[str, ...]]:
    """A bank id's lineage (BankRegistry.lineage: a duplicated bank's answers take in those of the bank it was
    copied from), as the app reads it; the banks are read on the first call only, by a command that names a bank."""
    from voiceprep.core.banks import BankRegistry

    registry: list[BankRegistry] = []

    def lineage(bank_id: str) -> tuple[str, ...]:
        if not registry:
            registry.append(BankRegistry.discover())
        return registry[0].lineage(bank_id)
    return lineage


@contextmanager
def app_history() -> Iterator[Any]:
    """The user's history for one command: files private to the user, connections closed at the end. A bank's
    history follows its lineage, as the app's History and Progress do (bank_lineage)."""
    from voiceprep.app import HistoryService, PracticeSession, open_history
    from voiceprep.app.files import private_umask
    from voiceprep.settings import Settings

    private_umask()
    settings = Settings.load()
    access = open_history(settings=settings.history)
    try:
        yield HistoryService(access, bank_lineage()), PracticeSession(access, settings)
    finally:
        access.close_all()
