"""How many specifics an answer says (the Specifics card): numbers, names and concrete words of its own or of its
key points, not the question's words said back nor the general words every job's key points use."""

from __future__ import annotations

from voiceprep.core.analysis.judge import details_beyond, own_stems
from voiceprep.core.analysis.text import tokenize_text
from voiceprep.core.banks.model import Prompt

# stems said in the key points of four or more of the eleven banks read (bundled and judge banks but writer J's): the
# general words any job's points use ("the problem", "the result", "the team", "what I learned"), which say no
# specific. A point's other words are its substance ("LMAX Disruptor", "ring buffer", "a player in Brazil pays in
# BRL"): on a bank written from the candidate's own notes, saying them is saying their specifics (walk24 finding 5)
GENERIC_POINT_STEMS = frozenset({
    "a", "afterward", "agre", "alert", "an", "and", "api", "as", "at", "befor", "build", "by", "caus", "chang",
    "check", "clear", "concret", "consist", "custom", "data", "decid", "decis", "did", "do", "down", "error",
    "explain", "first", "fix", "for", "found", "from", "got", "happen", "honest", "how", "i", "in", "incid",
    "involv", "it", "just", "kept", "learn", "led", "like", "made", "make", "mani", "measur", "miss", "myself",
    "new", "no", "not", "number", "of", "off", "on", "one", "or", "order", "other", "out", "peopl", "plan",
    "problem", "product", "rate", "report", "result", "safe", "say", "show", "so", "someth", "support", "talk",
    "team", "that", "the", "their", "them", "they", "time", "to", "up", "updat", "use", "version", "volum", "was",
    "we", "were", "what", "whi", "who", "with", "without", "work", "would", "wrote",
})


def specifics_said(text: str, prompt: Prompt) -> int:
    """How many different words of content (and numbers) an answer says beyond the question's own words and the
    general words of its key points (`GENERIC_POINT_STEMS`). Not the judge's `details_said`, which also leaves out
    every word of the key points (what a story says beyond what the bank spelt out)."""
    generic: set[str] = set()
    for kp in prompt.key_points:
        generic |= own_stems(kp.label, kp.cues) & GENERIC_POINT_STEMS
    return details_beyond(tokenize_text(text), own_stems(prompt.text) | generic)
