"""Map a field path such as ("rounds", 0, "prompts", 2, "text") to its line in a TOML file.

tomllib keeps no positions, so this scans the text for table headers and keys. It covers the
layout bank files use (tables, arrays of tables, bare keys); anything it cannot place falls
back to the nearest enclosing table's header line.
"""

from __future__ import annotations

import re

Path_ = tuple  # a field path: str keys and int array indices

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\s]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")


def index_lines(text: str) -> dict[Path_, int]:
    lines: dict[Path_, int] = {}
    array_counts: dict[Path_, int] = {}
    table: Path_ = ()
    in_multiline = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        if in_multiline:
            if line.count('"""') % 2 == 1 or line.count("'''") % 2 == 1:
                in_multiline = False
            continue
        header = _HEADER.match(line)
        if header:
            is_array = header.group(1) == "[["
            segments = [s.strip() for s in header.group(2).split(".")]
            path: Path_ = ()
            for seg in segments[:-1]:
                path += (seg,)
                if path in array_counts:
                    path += (array_counts[path] - 1,)
            path += (segments[-1],)
            if is_array:
                count = array_counts.get(path, 0)
                array_counts[path] = count + 1
                lines.setdefault(path, lineno)
                path += (count,)
            table = path
            lines[table] = lineno
            continue
        key = _KEY.match(line)
        if key:
            lines.setdefault(table + (key.group(1),), lineno)
            rest = line.split("=", 1)[1]
            if rest.count('"""') == 1 or rest.count("'''") == 1:
                in_multiline = True
    return lines


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
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
