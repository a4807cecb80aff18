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

A "you" that is not the generic actor is not read so: "you know" / "you see" / "you mean" (fillers), a "you" that opens
no clause ("which gives you", "I told you", "thank you"), and the listener's company addressed with no need or habit
said ("because you route payments between cloud regions").
"""

from __future__ import annotations

from collections.abc import Sequence

from voiceprep.core.analysis.segments import clean, tells_an_instance

GENERIC_YOU = frozenset({"you", "you've", "you're"})
# said between the generic "you" and its verb: "you basically onboard", "you just have to", "you kind of"
_BETWEEN = frozenset({"basically", "just", "really", "always", "usually", "normally", "typically", "generally", "often",
                      "also", "then", "actually", "kind", "sort", "of", "all", "sometimes", "probably", "still", "first"})
# what follows a "you" that is a filler, not an actor: "you know", "you see", "you mean", "you guys"
_FILLER_NEXT = frozenset({"know", "see", "mean", "guys", "what", "too", "and", "or", "but", "so", ""})
# a word after which a "you" opens a clause (else it is an object: "which gives you", "I told you", "thank you")
_CLAUSE_OPENERS = frozenset({"and", "but", "so", "or", "then", "because", "cos", "when", "whenever", "if", "once",
                             "where", "while", "that", "until", "unless", "before", "after", "um", "uh", "er", "basically",
                             "well", "now", "yeah", "right", "like"})
# what makes a "you" the generic one rather than the listener's company addressed ("because you route payments between
# regions"): a need or a habit said with it ("you have to", "you need to", "every September, you onboard")
_NEEDS = frozenset({("have", "to"), ("has", "to"), ("need", "to"), ("needs", "to"), ("got", "to")})
_HABITS = frozenset({"every", "always", "usually", "normally", "typically", "often", "whenever", "each", "must",
                     "should", "gotta"})


def generic_actor(raw: Sequence[str]) -> bool:
    """Whether the generic "you" acts in these words (as said, with their punctuation): a "you" that opens a clause
    and is followed by a verb ("you basically onboard", "you've got to"), not a filler ("you know", "you see"), nor
    an object ("which gives you", "I told you", "thank you")."""
    words = [clean(w) for w in raw]
    for i, w in enumerate(words):
        if w not in GENERIC_YOU:
            continue
        if i and not (raw[i - 1].rstrip()[-1:] in ",.;:?!" or words[i - 1] in _CLAUSE_OPENERS):
            continue
        if w != "you":
            return True
        j = i + 1
        while j < len(words) and words[j] in _BETWEEN:
            j += 1
        if (words[j] if j < len(words) else "") not in _FILLER_NEXT:
            return True
    return False


def talks_in_general(raw: Sequence[str]) -> bool:
    """Whether a sentence (its words as said) talks about how things go in general: it tells nothing that happened
    (`tells_an_instance`), its actor is the generic "you" (`generic_actor`), and it says a need or a habit with it
    ("you have to understand why", "every September, you basically onboard"). A general noun is no such actor: "the
    file upload now needs two people to approve it" tells how things stand, "about fifteen people" counts who was hit
    (dev2 writer X); nor is the listener's company addressed ("because you route payments between regions", writer N)."""
    words = [clean(w) for w in raw]
    if tells_an_instance(words) or not generic_actor(raw):
        return False
    return bool(_HABITS & set(words)) or any(pair in _NEEDS for pair in zip(words, words[1:]))
