"""Map a field path such as ("rounds", 0, "prompts", 2, "text") to its line in a TOML file.

tomllib keeps no positions, so `scan` reads the text once, left to right, with a small lexer
(strings, comments, brackets; no regular expressions, so its cost is linear in the text). It
records the line of every table header and key, and how deeply values and keys nest, so the
loader can refuse a pathological file before handing it to tomllib. It never raises, whatever
the text: anything it cannot read is skipped to the end of the line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Path_ = tuple[str | int, ...]  # a field path: str keys and int array indices

_BARE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_SHOWN_KEY_CHARS = 40
_INDEXED_PARTS = 64      # longer dotted keys are not indexed (indexing them costs the square of their length)


@dataclass
class Scan:
    """What one pass over the text found."""

    lines: dict[Path_, int] = field(default_factory=dict)
    max_nesting: int = 0          # deepest [ / { nesting inside a value
    nesting_line: int = 0         # where that depth was first reached
    max_key_parts: int = 0        # most dotted parts in one key or table header
    key_parts_line: int = 0


class _Lexer:
    def __init__(self, text: str):
        self.text = text
        self.n = len(text)
        self.i = 0
        self.line = 1
        self.scan = Scan()
        self.arrays: dict[Path_, int] = {}
        self.table: Path_ = ()

    # -- characters -------------------------------------------------------------------------
    def peek(self, k: int = 0) -> str:
        j = self.i + k
        return self.text[j] if j < self.n else ""

    def skip_blank(self) -> None:
        while self.i < self.n and self.text[self.i] in " \t":
            self.i += 1

    def skip_line(self) -> None:
        """Skip to the start of the next line (the newline is consumed)."""
        j = self.text.find("\n", self.i)
        self.i = self.n if j < 0 else j + 1
        if j >= 0:
            self.line += 1

    def skip_string(self) -> str:
        """Consume a string starting at self.i; return its content (escapes left as written)."""
        text, i = self.text, self.i
        quote = text[i]
        if text.startswith(quote * 3, i):
            end = i + 3
            j = self.n
            while True:
                j = text.find(quote * 3, end)
                if j < 0:
                    j = self.n
                    break
                if quote == '"' and _escaped(text, j):
                    end = j + 1
                    continue
                break
            while j + 3 < self.n and text[j + 3] == quote:   # """a"""" closes on the last three quotes
                j += 1
            self.line += text.count("\n", i, j)
            self.i = min(self.n, j + 3)
            return text[i + 3:j]
        j = i + 1
        while j < self.n and text[j] != quote and text[j] != "\n":
            if quote == '"' and text[j] == "\\":
                j += 1
            j += 1
        j = min(j, self.n)
        self.i = j + 1 if j < self.n and text[j] == quote else j
        return text[i + 1:j]

    # -- statements -------------------------------------------------------------------------
    def key(self) -> list[str] | None:
        """A dotted key at self.i (bare or quoted parts); None if there is none."""
        parts: list[str] = []
        while True:
            self.skip_blank()
            c = self.peek()
            if c in ('"', "'"):
                parts.append(self.skip_string())
            elif c in _BARE and c:
                j = self.i
                while j < self.n and self.text[j] in _BARE:
                    j += 1
                parts.append(self.text[self.i:j])
                self.i = j
            else:
                return None
            self.skip_blank()
            if self.peek() != ".":
                break
            self.i += 1
        if len(parts) > self.scan.max_key_parts:
            self.scan.max_key_parts, self.scan.key_parts_line = len(parts), self.line
        return parts

    def header(self) -> None:
        line = self.line
        is_array = self.peek(1) == "["
        self.i += 2 if is_array else 1
        parts = self.key()
        if parts is None or len(parts) > _INDEXED_PARTS:   # nothing to locate in it; the loader refuses it
            self.skip_line()
            return
        path: Path_ = ()
        for seg in parts[:-1]:
            path += (seg,)
            self.scan.lines.setdefault(path, line)       # tables a typo'd header creates implicitly
            if path in self.arrays:
                path += (self.arrays[path] - 1,)
        path += (parts[-1],)
        if is_array:
            count = self.arrays.get(path, 0)
            self.arrays[path] = count + 1
            self.scan.lines.setdefault(path, line)
            path += (count,)
        self.table = path
        self.scan.lines[path] = line
        self.rest_of_line()

    def key_value(self) -> None:
        line = self.line
        parts = self.key()
        if parts is None or len(parts) > _INDEXED_PARTS or self.peek() != "=":
            self.skip_line()
            return
        self.i += 1
        path = self.table
        for seg in parts:
            path += (seg,)
            self.scan.lines.setdefault(path, line)
        self.value()

    def value(self) -> None:
        """Consume a value up to the end of its (last) line, tracking strings and nesting."""
        depth = 0
        text = self.text
        while self.i < self.n:
            c = text[self.i]
            if c in ('"', "'"):
                self.skip_string()
                continue
            if c == "#":
                j = text.find("\n", self.i)
                self.i = self.n if j < 0 else j
                continue
            if c == "\n":
                self.i += 1
                self.line += 1
                if depth == 0:
                    return
                continue
            if c in "[{":
                depth += 1
                if depth > self.scan.max_nesting:
                    self.scan.max_nesting, self.scan.nesting_line = depth, self.line
            elif c in "]}":
                depth = max(0, depth - 1)
            self.i += 1

    def rest_of_line(self) -> None:
        self.value()

    def run(self) -> Scan:
        while self.i < self.n:
            self.skip_blank()
            c = self.peek()
            if c == "\n" or c == "\r" or c == "#" or c == "":
                self.skip_line()
            elif c == "[":
                self.header()
            else:
                self.key_value()
        return self.scan


def _escaped(text: str, j: int) -> bool:
    """Is text[j] preceded by an odd number of backslashes?"""
    k = j - 1
    while k >= 0 and text[k] == "\\":
        k -= 1
    return (j - 1 - k) % 2 == 1


def scan(text: str) -> Scan:
    """One linear pass over TOML text (valid or not)."""
    return _Lexer(text).run()


def index_lines(text: str) -> dict[Path_, int]:
    return scan(text).lines


def line_of(lines: dict[Path_, int], path: Path_) -> int | None:
    path = tuple(path)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None


def format_path(path: Path_) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
            continue
        shown = part if part and all(ch in _BARE for ch in part) else _quote(part)
        if len(shown) > _SHOWN_KEY_CHARS:
            shown = shown[:_SHOWN_KEY_CHARS - 1] + "…"
        out += f".{shown}" if out else shown
    return out


def _quote(key: str) -> str:
    body = "".join(ch if ch.isprintable() and ch not in '"\\' else ascii(ch)[1:-1] if ch not in '"\\' else "\\" + ch
                   for ch in key[:_SHOWN_KEY_CHARS])
    return f'"{body}"'
