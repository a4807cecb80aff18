"""One thing a label says was done, said unsure, does not carry the point alone (issue 11, walk68 1).

A plain-sentence label often tells two things done ("I set up a kickoff call and agreed one success goal with the
customer"), and the judge credits it when the answer tells one of them well in other words
(`plain.claimed_acts`, `judge.AnswerJudge._claims_probability`). "I did a kick off meeting at some point, I think,
with the deputy head" tells the first half only, and not well: the speaker is not sure it happened. An interviewer gives
that half a point at most. So a piece of the answer that hedges what it tells (`hedged`: "I think", "I guess", "I'd
say", "maybe", "probably", "sort of", as `precision.hedges` reads them), in its own words or in a tag right after them
(`settings.HEDGE_TAG_WORDS`: "..., I think,"), is no piece for a half of the label to be read on, nor, when it is far
from the whole label, for the label itself (`judge.AnswerJudge.judge`); a piece close to the whole label is read as
before (told in full, a hedge is judged by the rest of the judge). A hedge later in the sentence is about something
else: "I had him on the prep table within five minutes, and ... I told them, I think it's about even whether he gets
through" (dev2 writer O) tells its first act firmly.

"I think of onboarding as...", "I think about", "I believe in" are what one thinks of, not a hedge (as the Delivery
card reads them).
"""

from __future__ import annotations

from collections.abc import Sequence

from voiceprep.core.analysis.precision import hedges

# a speaker's stance on what they tell: "I did it, I think", "most of them, I'd say", "I guess we agreed"
STANCE_HEDGES = frozenset({("i", "think"), ("i", "guess"), ("i", "believe"), ("i'd", "say"), ("i", "suppose")})
# ... not what one thinks of or believes in: "I think of it as", "I think about latency", "I believe in testing"
_NOT_A_HEDGE = frozenset({"of", "about", "in"})


def hedged(words: Sequence[str]) -> bool:
    """Whether a sentence (`clean` words) hedges what it tells: a stance ("I think", "I'd say") not followed by "of",
    "about" or "in", or a hedge word or pair (`precision.hedges`: "maybe", "sort of")."""
    for i in range(len(words) - 1):
        if (words[i], words[i + 1]) in STANCE_HEDGES and (i + 2 >= len(words) or words[i + 2] not in _NOT_A_HEDGE):
            return True
    return hedges(words)
