"""The out-of-sample guard for the judge's bench tools: one list of the dev2 writers no tool reads by default.

The list is `tests/core/analysis/data/judge/out_of_sample.txt` (one writer letter a line). Every tool that reads
dev2 passes its answers through `keep()`: writers named on that list are left out, with a line saying so on stderr,
unless the tool was asked for them by name (`--writers s`) or with `--out-of-sample`.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from operator import attrgetter
from pathlib import Path
from typing import TypeVar

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests/core/analysis/data/judge"
LIST = "out_of_sample.txt"
HELP = "also read dev2's out-of-sample writers (tests/core/analysis/data/judge/out_of_sample.txt); default: left out"
T = TypeVar("T")


def writers(corpus: Path = CORPUS) -> frozenset[str]:
    """The out-of-sample writers' letters (lower case), from the corpus folder's list (none if it has no list)."""
    path = corpus / LIST
    if not path.exists():
        return frozenset()
    letters = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip().lower()
        if not word:
            continue
        if len(word) != 1 or not word.isalpha():
            raise SystemExit(f"{path}: {word!r} is not a writer letter (one letter a line, e.g. s for ids d2s-)")
        letters.add(word)
    return frozenset(letters)


def banks(corpus: Path = CORPUS) -> frozenset[str]:
    """The out-of-sample writers' bank files (their stems, e.g. "wind-turbine-service-lead"), read from the corpus
    README's table ("| `banks/X.toml` | dev2 writer U's bank ..."), never from the banks or the answers: tests name
    them neutrally and keep their labels out of their messages (mend56)."""
    held = writers(corpus)
    readme = corpus / "README.md"
    if not held or not readme.exists():
        return frozenset()
    rows = re.findall(r"^\|\s*`banks/([\w-]+)\.toml`\s*\|\s*dev2 writer ([A-Z])'s bank", readme.read_text(encoding="utf-8"),
                      re.MULTILINE)
    return frozenset(stem for stem, letter in rows if letter.lower() in held)


def writer_of(answer_id: str) -> str | None:
    """A dev2 answer's writer letter ("d2s-007" -> "s"); None for any other id."""
    head = answer_id.split("-", 1)[0]
    return head[2].lower() if head.startswith("d2") and len(head) == 3 else None


def keep(items: Sequence[T], named: str | None = None, *, out_of_sample: bool = False, corpus: Path = CORPUS,
         label: str = "dev2", id_of: Callable[[T], str] | None = None) -> list[T]:
    """`items` (dev2 answers) without the out-of-sample writers' ones, saying on stderr what was left out.

    `named` is the writers the tool was asked for (letters, e.g. "cd"): only theirs are kept, out of sample or not,
    since naming a writer is asking for them. `out_of_sample` keeps every writer. `id_of` reads an item's answer
    id (default: its `id` attribute)."""
    ident: Callable[[T], str] = id_of or attrgetter("id")
    if named:
        wanted = set(named.lower())
        return [i for i in items if writer_of(ident(i)) in wanted]
    if out_of_sample:
        return list(items)
    held = writers(corpus)
    left = Counter(w for i in items if (w := writer_of(ident(i))) in held)
    if left:
        said = ", ".join(f"writer {w.upper()}'s {n}" for w, n in sorted(left.items()))
        print(f"{label}: left out {said} answers (out of sample: {LIST}); --out-of-sample or --writers "
              f"{''.join(sorted(left))} reads them", file=sys.stderr)
    return [i for i in items if writer_of(ident(i)) not in held]

