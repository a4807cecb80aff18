"""A sentence about how things go in general is no evidence of a story's point (issue 11, walk68 1).

Asked for a story ("Tell me about a time you onboarded a new customer"), a rambling answer often talks about the job in
general before (or instead of) telling one: "So, the thing about teaching is, every September, you basically onboard 30
new customers, the kids, and parents". Such a sentence tells nothing that happened (`segments.tells_an_instance`: no
past, no when, no routine of the candidate's) and its actor is the generic "you". It is close in meaning to a point
like "Within a month they ran their first course and most teachers had logged in" (onboarding, customers, a school
year), yet it says that nothing in particular was done by anyone. For a story prompt the judge sets such sentences
aside for points that are not the candidate's own act, as it sets aside a view ("I think onboarding is about being
friendly"), and a number said there is no result (`analyze.told_points`); an own act already needs the candidate
acting.

A "you" that is not the generic actor is not read so: "you know" / "you see" / "you mean" (fillers), and a "you" after
a verb or a preposition ("I told you", "thank you", "for you").
"""

from __future__ import annotations

from collections.abc import Sequence

from voiceprep.core.analysis.segments import tells_an_instance

GENERIC_YOU = frozenset({"you", "you've", "you're"})
# said between the generic "you" and its verb: "you basically onboard", "you just have to", "you kind of"
_BETWEEN = frozenset({"basically", "just", "really", "always", "usually", "normally", "typically", "generally", "often",
                      "also", "then", "actually", "kind", "sort", "of", "all", "sometimes", "probably", "still", "first"})
# what follows a "you" that is a filler, not an actor: "you know", "you see", "you mean", "you guys"
_FILLER_NEXT = frozenset({"know", "see", "mean", "guys", "what", "too", "and", "or", "but", "so", ""})
# a "you" that is someone spoken to or about, not the generic actor: "I told you", "thank you", "for you", "as you"
_NOT_ACTOR_BEFORE = frozenset({"thank", "told", "tell", "asked", "ask", "showed", "show", "gave", "give", "to", "for",
                               "with", "about", "at", "from", "than", "as", "let", "help", "helped"})


def generic_actor(words: Sequence[str]) -> bool:
    """Whether the generic "you" acts somewhere in these words (`clean` words): "you basically onboard", "you've got
    to", "you're always chasing"; not "you know", "I told you", "thank you"."""
    for i, w in enumerate(words):
        if w not in GENERIC_YOU:
            continue
        if i and words[i - 1] in _NOT_ACTOR_BEFORE:
            continue
        if w != "you":
            return True
        j = i + 1
        while j < len(words) and words[j] in _BETWEEN:
            j += 1
        if (words[j] if j < len(words) else "") not in _FILLER_NEXT:
            return True
    return False


def talks_in_general(words: Sequence[str]) -> bool:
    """Whether a sentence (`clean` words) talks about how things go in general: it tells nothing that happened
    (`tells_an_instance`) and its actor is the generic "you" (`generic_actor`). A general noun is no such actor: "the
    file upload now needs two people to approve it" tells how things stand, "about fifteen people" counts who was hit
    (dev2 writer X)."""
    if tells_an_instance(list(words)):
        return False
    return generic_actor(words)
