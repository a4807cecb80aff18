"""From prep notes to proposed key points: one per idea (a sentence, a bullet, a named example, a number).

Offline and deterministic. Each proposal carries a plain-sentence label and cues taken from the
idea itself (names, numbers with their unit, its most specific words); the candidate edits or drops
each one before it is kept.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from voiceprep.core.analysis.text import tokenize_text
from voiceprep.core.banks.draft import GENERIC_NAMES, names_in
from voiceprep.core.banks.load import _STOPWORDS

MAX_WORDS = 32            # longer sentences are split at their clauses
MAX_CUES = 4
MIN_WORDS = 4             # shorter lines are headings ("project experience") unless they name something
_EXTRA_STOP = frozenset([
    "just", "really", "also", "very", "much", "more", "most", "thing", "things", "stuff", "like", "get", "got",
    "make", "made", "everything", "actually", "anything", "something", "because", "understand", "understands",
    "incredibly", "directly"
])


@dataclass
class ProposedPoint:
    label: str
    cues: list[str]
    min_cues: int = 1


def _clean(text: str) -> str:
    text = re.sub(r"!\[\[[^\]]*\]\]|!\[[^\]]*\]\([^)]*\)", " ", text)        # images and embeds
    text = re.sub(r"\[\[([^\]|]*)(?:\|[^\]]*)?\]\]", r"\1", text)             # [[wiki links]]
    text = re.sub(r"[\u201c\u201d\u201e\"]", "", text).replace("\u2019", "'")
    return re.sub(r"\s+", " ", text).strip(" -*\u2022'")


def _pieces(notes: str) -> list[str]:
    """Bullets and sentences, in order, with front matter, headings and rules dropped."""
    text = notes.replace("\r\n", "\n")
    text = re.sub(r"\A\s*---\n.*?\n---\s*\n", "", text, flags=re.S)            # YAML front matter
    out: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            joined = " ".join(paragraph)
            out.extend(s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"'\u201c])", joined))
            paragraph.clear()

    for raw in text.split("\n"):
        line = raw.strip()
        if not line or re.fullmatch(r"[-=_*]{3,}", line) or line.startswith("#"):
            flush()
            continue
        if re.match(r"^(?:[-*\u2022]|\d+[.)])\s+", line):
            flush()
            out.append(re.sub(r"^(?:[-*\u2022]|\d+[.)])\s+", "", line))
            continue
        paragraph.append(line)
    flush()
    return [c for c in (_clean(p) for p in out) if c]


def _split_long(sentence: str) -> list[str]:
    if len(sentence.split()) <= MAX_WORDS:
        return [sentence]
    parts = [p.strip(" ,") for p in re.split(r"\s*(?:;|:| - | -- |\u2014)\s*", sentence) if p.strip(" ,")]
    return parts if len(parts) > 1 else [sentence]


def _number_cues(idea: str) -> list[str]:
    """Cues for the numbers written in an idea, read as the matcher reads an answer: a number with the word after
    it ("40% lower" -> "{number} percent", "200ms" -> "{number} milliseconds", "12 engineers"), and a word
    that starts with digits but is no number ("1970s", "'80s", "5G") as that word: a decade read as a number and
    its "s" made the cue "{number} s", which the candidate read and no answer could match."""
    words, tokens = idea.split(), tokenize_text(idea)
    numbered = {t.word for t in tokens if t.is_number}          # "3x" is 3 and "times", "200ms" 200 and ...
    out: list[str] = []
    for i, t in enumerate(tokens):
        written = words[t.word].strip(".,;:!?()[]'\"")
        if not any(ch.isdigit() for ch in written):
            continue                                   # "one", "million": spelled, not written as a number
        if not t.is_number:
            if written[:1].isdigit() and t.word not in numbered:
                out.append(written)                    # "1970s", "5G"
            continue
        if i and tokens[i - 1].is_number and tokens[i - 1].word == t.word:
            continue                                   # the same number: "1.5 million", "24/7"
        after = next((u for u in tokens[i + 1:] if not u.is_number), None)       # "1.5 million users": users
        if after is None or not (after.norm.isalpha() and len(after.norm) > 1 and after.norm not in _STOPWORDS):
            continue
        # its unit ("200ms", "12 engineers", "1.5 million users"), not a word past a comma or a table's "|"
        if after.word == t.word or not any(re.search(r"[,;:.!?|)/]$", w) for w in words[t.word:after.word]):
            out.append(f"{{number}} {after.norm}")
    return list(dict.fromkeys(out))


def _cues(idea: str, known_names: set[str]) -> list[str]:
    cues: dict[str, None] = {}
    first = re.match(r"[A-Z][A-Za-z0-9]+", idea)
    for name in ([first.group(0)] if first and first.group(0) in known_names else []) + names_in(idea):
        cues.setdefault(name, None)
    for cue in _number_cues(idea):
        cues.setdefault(cue, None)
    taken = " ".join(cues).lower()
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z-]+(?![A-Za-z'])", idea)
             if w.lower() not in _STOPWORDS and w.lower() not in _EXTRA_STOP and len(w) >= 6
             and w.lower() not in taken]
    for word in sorted(dict.fromkeys(words), key=lambda w: -len(w))[:MAX_CUES]:
        if len(cues) >= MAX_CUES:
            break
        cues.setdefault(word.lower(), None)
    return list(cues)[:MAX_CUES]


def propose_key_points(notes: str) -> list[ProposedPoint]:
    """One proposal per idea in the notes, in the order they were written."""
    out: list[ProposedPoint] = []
    seen: set[str] = set()
    pieces = _pieces(notes)
    known_names = {word for piece in pieces for name in names_in(piece) for word in name.split()}
    for piece in pieces:
        for idea in _split_long(piece):
            idea = idea.strip().rstrip(".")
            words = idea.split()
            if idea.endswith((":", "?")) or not words:
                continue                            # a heading or a question (that is a prompt, not a point)
            named = all(w[:1].isupper() for w in words) and words[0] not in GENERIC_NAMES
            if len(words) < MIN_WORDS and not names_in(idea) and not re.search(r"\d", idea) and not named:
                continue
            key = idea.lower()
            if key in seen:
                continue
            seen.add(key)
            cues = [idea] if len(words) < MIN_WORDS and named else _cues(idea, known_names)
            if not cues:
                continue
            label = idea[0].upper() + idea[1:]
            out.append(ProposedPoint(label, cues, 1 if len(cues) <= 2 else math.ceil(len(cues) / 2)))
    return out
