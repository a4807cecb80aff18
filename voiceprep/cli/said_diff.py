"""`voiceprep history compare`'s "What changed in what you said": sentence by sentence, "-" for the first answer's,
"+" for the second's, the sentences both said counted, not repeated (walk24: "[a b] -> [c d]" word runs were hard
to read). On a terminal the lines are coloured and the words that changed stand out; piped, it is plain text."""

from __future__ import annotations

import difflib
import os
import re
import sys
from typing import TextIO

from voiceprep.core.history.queries import diff_key, word_diff
from voiceprep.core.wording import counted

RED, GREEN, BOLD, RESET = "\x1b[31m", "\x1b[32m", "\x1b[1;7m", "\x1b[0m"


def sentences(text: str) -> list[str]:
    """`text` split after each sentence's end (. ! ?), as the transcript reads."""
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def use_colour(stream: TextIO) -> bool:
    """Colour only on a terminal that takes it (not piped, NO_COLOR unset, TERM not "dumb")."""
    return stream.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def _marked(old: list[str], new: list[str], colour: bool) -> tuple[list[str], list[str]]:
    """The two runs of sentences, each word that changed between them marked (with colour only)."""
    if not colour or not old or not new:        # a sentence only one answer says is marked by its line
        return old, new
    sides: tuple[list[str], list[str]] = ([], [])
    for d in word_diff(" ".join(old), " ".join(new)):
        for side, words in zip(sides, (d["first"].split(), d["second"].split()), strict=True):
            side.extend(w if d["op"] == "equal" else f"{BOLD}{w}{RESET}" for w in words)
    out = []
    for run, words in zip((old, new), sides, strict=True):
        lines, at = [], 0
        for s in run:
            n = len(s.split())
            lines.append(" ".join(words[at:at + n]))
            at += n
        out.append(lines)
    return out[0], out[1]


def said_diff_lines(first: str, second: str, colour: bool = False) -> list[str]:
    """The lines that say what changed between two transcripts, sentence by sentence."""
    a, b = sentences(first), sentences(second)
    matcher = difflib.SequenceMatcher(a=[" ".join(diff_key(w) for w in s.split()) for s in a],
                                      b=[" ".join(diff_key(w) for w in s.split()) for s in b], autojunk=False)
    lines = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            lines.append(f"  ({counted(i2 - i1, 'sentence')} the same)")
            continue
        old, new = _marked(a[i1:i2], b[j1:j2], colour)
        for sign, run, tint in (("-", old, RED), ("+", new, GREEN)):
            for s in run:
                line = f"  {sign} {s}"
                lines.append(f"{tint}{line.replace(RESET, RESET + tint)}{RESET}" if colour else line)
    return lines or ["  (the same words)"]


def print_said_diff(first: str, second: str, first_id: int, second_id: int, stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    print(f"What changed in what you said (- answer #{first_id}, + answer #{second_id}):", file=stream)
    for line in said_diff_lines(first, second, use_colour(stream)):
        print(line, file=stream)
