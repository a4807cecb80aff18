"""mend56 (walk66 finding 5): key points written as a candidate jots them, read as an interviewer asks them.

A dash between a jotting's head and its note ("LMAX disruptor -- for solving concurrent order matching issue",
"Order book — single writer") separates them as a colon does: `dash_as_colon` writes it as one, for "Key points from
my notes" and for the follow-up rules, which read a colon's head and note. `asked_as_change` asks a change told as a
statement ("Median latency fell from 8 ms to 1 ms") as a question about it: "How much did median latency fall?", not
"Can you tell me how much median latency fell?". `topic_of_jotting` reads a long noun-phrase jotting with a note after
its comma ("Single writer thread on a ring buffer, no locks on the hot path") as the topic before the comma, asked
about with its article: "Can you tell me about the single writer thread on a ring buffer?"."""

from __future__ import annotations

import re
from collections.abc import Callable

# a spaced dash between words: " -- ", " - ", an en or em dash (spaced or not, as typed); not "2019-2021", "p99-ish"
_DASH = re.compile(r"\s+(?:--|-|\u2013)\s+|\s*\u2014\s*")
MOST_HEAD_WORDS = 6          # a jotting's head before its dash: "LMAX disruptor", "Order book"; longer is a sentence
# a head that opens on its subject is a clause going on past its dash ("I checked patient first - BM every 30 mins")
_SUBJECTS = frozenset({"i", "we", "you", "they", "he", "she", "it"})

# a change's verb, past, and how it is asked ("fell" -> "did ... fall"); "went down" -> "did ... go down"
_CHANGE_BASE = {"fell": "fall", "rose": "rise", "grew": "grow", "shrank": "shrink", "dropped": "drop",
                "climbed": "climb", "jumped": "jump", "decreased": "decrease", "increased": "increase",
                "improved": "improve", "saved": "save", "went down": "go down", "went up": "go up",
                "came down": "come down"}
_TOLD_CHANGE = re.compile(r"Can you tell me how much (?P<thing>(?!you\b)[^?]+?) (?P<verb>" +
                          "|".join(sorted(_CHANGE_BASE, key=len, reverse=True)) + r")\?")

# a preposition after a topic's head noun: what the topic is pinned to ("thread on a ring buffer"), so it takes "the"
_PINNED = re.compile(r"\s(?:on|in|of|for|with|behind|between|across|inside|over|under)\s+(?:a|an|the|our|my)\s")


def dash_as_colon(label: str) -> str:
    """`label` with its first spaced dash written as a colon, when it separates a short head (no clause: not "I
    checked patient first - BM every 30 mins") from a note and the label has no colon of its own; else `label`."""
    if ":" in label:
        return label
    dash = _DASH.search(label)
    if dash is None:
        return label
    head, note = label[:dash.start()].strip(), label[dash.end():].strip()
    if not re.search(r"[A-Za-z]", head) or not re.search(r"[A-Za-z]", note) or len(head.split()) > MOST_HEAD_WORDS \
            or head.split()[0].lower() in _SUBJECTS:
        return label
    return f"{head}: {note}"


def asked_as_change(question: str) -> str:
    """"Can you tell me how much X fell?" asked as "How much did X fall?"; any other question as it is."""
    told = _TOLD_CHANGE.fullmatch(question)
    if told is None:
        return question
    return f"How much did {told.group('thing')} {_CHANGE_BASE[told.group('verb')]}?"


def topic_of_jotting(head: str, has_verb: Callable[[str], bool]) -> str | None:
    """The topic of a noun-phrase jotting with a note after its first comma, when neither part has a verb
    (`has_verb`: followups' test of one): the part before the comma, with "the" when it is pinned by a preposition
    ("Single writer thread on a ring buffer" -> "the single writer thread on a ring buffer"). None otherwise."""
    if "," not in head:
        return None
    topic, note = (part.strip() for part in head.split(",", 1))
    if len(topic.split()) < 2 or not note or has_verb(topic) or _says_a_verb(note, has_verb):
        return None
    return topic


def _says_a_verb(note: str, has_verb: Callable[[str], bool]) -> bool:
    """Whether a jotting's note is a clause ("I added locks"), not a noun phrase ("no locks on the hot path")."""
    words = note.split()
    return has_verb(note) and not (words[0].lower() in ("no", "not", "with", "without") and len(words) > 1)


def with_article(topic: str) -> str:
    """`topic` (lowered as asked) with "the" before it when a preposition pins it and it opens with a plain word."""
    first = topic.split()[0] if topic.split() else ""
    if first[:1].islower() and first not in ("the", "a", "an", "my", "our", "your", "their", "its") \
            and _PINNED.search(f" {topic} "):
        return f"the {topic}"
    return topic
