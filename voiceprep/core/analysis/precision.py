"""A point that asks for something named precisely ("The root cause, named precisely", "exactly what broke") is not
said by a piece of the answer that hedges what it names: "it was, uh, the database, kind of, maybe, or, like, one of
the services" names no cause precisely (walk66 1d). `AnswerJudge.judge` sets such units aside for those points only;
for any other point a hedge is judged as before (`_vague_units`: a hedge with nothing specific)."""
from __future__ import annotations

import re
from collections.abc import Sequence

from voiceprep.core.analysis.text import KIND_DETERMINERS

PRECISE_LABEL = re.compile(r"\b(precisely|exactly|precise|exact)\b", re.IGNORECASE)
# one word that hedges what follows it ("maybe the database", "probably the pool")
HEDGE_WORDS = frozenset({"maybe", "perhaps", "probably", "possibly", "kinda", "sorta", "somehow"})
# two words that do ("kind of", "sort of", "or something", "i guess"); "kind of" / "sort of" after a determiner is a
# noun ("that kind of query", "a sort of retry storm"), no hedge
HEDGE_PAIRS = frozenset({("kind", "of"), ("sort", "of"), ("or", "something"), ("i", "guess")})


def asks_precision(label: str) -> bool:
    """Whether the point asks for something named precisely."""
    return bool(PRECISE_LABEL.search(label))


def hedges(words: Sequence[str]) -> bool:
    """Whether these words (lower case, as `segments.clean` reads them) hedge what they name."""
    for i, w in enumerate(words):
        if w in HEDGE_WORDS:
            return True
        if i + 1 < len(words) and (w, words[i + 1]) in HEDGE_PAIRS and (i == 0 or words[i - 1] not in KIND_DETERMINERS):
            return True
    return False
