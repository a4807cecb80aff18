"""Two answers compared, as text: `voiceprep history compare` prints it, and Compare's Copy and Export… give the same
(walk42 finding 8). Its "What changed in what you said": sentence by sentence, "-" for the first answer's, "+" for the
second's, the sentences both said counted, not repeated (walk24: "[a b] -> [c d]" word runs were hard to read). On a
terminal the lines are coloured and the words that changed stand out (`colour`); elsewhere, it is plain text."""

from __future__ import annotations

import difflib
import re
from typing import Any

from voiceprep.core.history.queries import (
    answer_name,
    diff_key,
    not_asked_text,
    removed_text,
    reworded_text,
    word_diff,
)
from voiceprep.core.wording import counted

RED, GREEN, BOLD, RESET = "\x1b[31m", "\x1b[32m", "\x1b[1;7m", "\x1b[0m"


def sentences(text: str) -> list[str]:
    """`text` split after each sentence's end (. ! ?), as the transcript reads."""
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


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


def compare_lines(c: dict[str, Any], colour: bool = False) -> list[str]:
    """Two answers compared (`HistoryService.compare`'s result), line by line, as `voiceprep history compare` prints
    them: the question, the two answers, what changed, the points gained and lost, and what changed in what was
    said."""
    a, b = c["attempts"]          # named as History names them ("answer 1 to this question", "follow-up to ...")
    out = [c["prompt_text"], f"Answer #{c['first']} ({a['started_at'][:10]}, {answer_name(a)}) -> "
                             f"answer #{c['second']} ({b['started_at'][:10]}, {answer_name(b)})"]
    if c.get("follow_up_added"):         # an answer and its own follow-up: what it added, not before/after (walk16)
        return [*out, f"  {c['follow_up_added']['text']}"]
    out += [f"  {m['text']}" for m in c["metrics"].values()]
    for word, labels in (("gained", c["gained"]), ("lost", c["lost"])):
        out += [f"  {'+' if word == 'gained' else '-'} {word}: {label}" for label in labels]
    out += [f"  Note: {line}" for line in reworded_text(c)]     # a point reworded between the two judgings (walk 12)
    if c.get("removed"):                 # taken out of the bank between the two answers (review29)
        out.append(f"  {removed_text(c)}")
    if c["not_asked"]:                   # a drill or follow-up answer: only the points it was asked about compare
        out += [f"  {not_asked_text(c)}:", *(f"    {label}" for label in c["not_asked"])]
    out.append(f"What changed in what you said (- answer #{c['first']}, + answer #{c['second']}):")
    return out + said_diff_lines(a["transcript"] or "", b["transcript"] or "", colour)


def compare_text(c: dict[str, Any]) -> str:
    """`compare_lines` as one plain text (no colour), ending with a newline: what Compare copies and exports."""
    return "\n".join(compare_lines(c)) + "\n"
