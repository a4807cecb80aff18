"""A question named in a few words, as the round summary's "Drill next" names the question of each point (Qt-free)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from voiceprep.core.wording import cut_at_word
from voiceprep.settings import DRILL_OPENING_WORDS, DRILL_QUESTION_CHARS

# how questions open, left out of their short form: "Tell me about a payment system you designed…" is "payment
# system you designed…" (walk46 5 expected "(real-time service)")
QUESTION_OPENER = re.compile(r"^(?:tell me about|walk me through|describe|how would you|how did you|how do you|"
                             r"what is your experience with|give me an example of|can you)\s+"
                             r"(?:a time (?:when )?|an? |the |how |when )*(?:you\s+)?", re.IGNORECASE)


def short_question(text: str) -> str:
    """A question named in a few words, beside a point of it: its opener left out, cut at a word."""
    return cut_at_word(QUESTION_OPENER.sub("", text) or text, DRILL_QUESTION_CHARS - 1)


def shared_opening(text: str, others: Sequence[str]) -> int:
    """How many of `text`'s first words open one of `others` too, a word swapped or added here and there ("What are
    the most impactful…" and "What is the most challenging…" share "What are the most": 4); 0 when fewer than two."""
    words = [w.strip(",.?!").lower() for w in text.split()][:DRILL_OPENING_WORDS]
    most = 0
    for other in others:
        theirs = [w.strip(",.?!").lower() for w in other.split()][:DRILL_OPENING_WORDS]
        end: tuple[int, int] | None = None
        for a, b, size in SequenceMatcher(None, words, theirs, autojunk=False).get_matching_blocks():
            if not size:
                break
            if end is None and (a, b) != (0, 0) or end is not None and (a - end[0] > 1 or b - end[1] > 1):
                break
            end = (a + size, b + size)
        most = max(most, end[0] if end else 0)
    return most if 2 <= most < len(text.split()) else 0


def short_questions(texts: Sequence[str]) -> dict[str, str]:
    """Each question named in a few words (`short_question`); questions that open alike ("What is the most…", "What
    are the most…": walk51 8) are named by the words after their shared opening, "…most impactful things…"."""
    bare = {t: QUESTION_OPENER.sub("", t) or t for t in dict.fromkeys(texts)}
    names = {}
    for text, body in bare.items():
        n = shared_opening(body, [o for t, o in bare.items() if t != text])
        names[text] = "…" + cut_at_word(" ".join(body.split()[n:]), DRILL_QUESTION_CHARS - 2) if n else \
            short_question(text)
    return names
