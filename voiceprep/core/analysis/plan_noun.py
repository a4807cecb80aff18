""""Plan" said as a plan the candidate acted on, not as a plan to act (judge112, issue 11).

"plan" is one of the hypothetical markers (`segments.HYPOTHETICAL`): "we plan to move it", "the plan is to add
alerts" say what is not done yet, and "we had a solid disaster recovery plan in place" claims a readiness without
telling anything done. But "I changed the plan each time from what it showed", "we worked out a plan together", "I
made up a shelf plan for every fridge" tell an act done on a plan that exists: a clause marked hypothetical for it
cannot be a point's evidence, so a strong answer's own act went unread ("Every two weeks I gave them a short paper and
I changed the plan each time" for "I checked regularly ... and adjusted", dev2 d2g-mt-behind-03). `acted_on_plan`
tells that case from the verb, from a plan to act and from a plan only had."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from voiceprep.core.analysis.text import PLAN_DETERMINERS

# words before "plan" that do not modify a noun: a subject or an auxiliary makes it a verb ("we plan", "I'd plan",
# "to plan"), a joiner leaves it open ("and plan the rota")
_NOT_MODIFIERS = frozenset({"i", "we", "you", "they", "he", "she", "it", "to", "will", "would", "could", "should",
                            "might", "may", "can", "must", "i'd", "we'd", "you'd", "they'd", "i'll", "we'll", "and",
                            "or", "then", "also", "just", "still", "always", "never", "not", "don't", "didn't", "do",
                            "did", "was", "were", "is", "are", "be", "been", "no", "so", "but", "if", "what", "how"})
# the candidate as the subject of the act ("I changed the plan", "we worked out a plan")
_SUBJECTS = frozenset({"i", "we"})
# verbs that have or are, not act: "we had a recovery plan in place", "I was trying to sort the table plan"
_NO_ACT = frozenset({"had", "have", "has", "was", "were", "is", "are", "am", "be", "been", "being", "would", "could",
                     "should", "might", "will", "can", "may", "must"})
# words between the subject and its verb that leave the act as it is ("I also changed", "we then drew up")
_BETWEEN = frozenset({"also", "then", "just", "quickly", "soon", "together", "finally", "first", "all", "both"})
# particles of a phrasal verb that keep the plan its object ("worked out a plan", "drew up a plan", "made up a plan")
_PARTICLES = frozenset({"up", "out", "together"})
# words that put the plan in a phrase of its own, not the act's object ("from the survey plan", "on the plan")
_PREPOSITIONS = frozenset({"from", "on", "in", "to", "with", "for", "by", "at", "of", "about", "under", "into", "onto",
                           "off", "over", "against", "as", "without", "through"})
_REACH = 6        # the subject this many words before "plan" at most: "I changed the plan", "we worked out a new plan"


def names_a_plan(words: Sequence[str], i: int, before: Sequence[str] = ()) -> bool:
    """Whether the "plan" at words[i] (cleaned words; `before`: the sentence's words before them) is a noun naming a
    plan: after a determiner ("the plan", "a plan") or a noun that modifies it ("payment plan", "shelf plan"), and not
    a plan to act ("the plan to move it", "the plan was to add", "the plan is")."""
    if words[i] != "plan":
        return False
    prev = words[i - 1] if i > 0 else (before[-1] if before else "")
    nxt = list(words[i + 1:i + 2])
    if nxt and nxt[0] in ("to", "is", "was", "will"):
        return False
    if prev in PLAN_DETERMINERS:
        return True
    return bool(prev) and prev.isalpha() and prev not in _NOT_MODIFIERS and not prev.endswith("ly")


def acted_on_plan(words: Sequence[str], i: int, past: Callable[[list[str]], bool], before: Sequence[str] = ()) -> bool:
    """Whether the "plan" at words[i] names a plan (`names_a_plan`) that the candidate acted on in the past, in the
    same clause: "I" or "we" at most `_REACH` words before it, then a verb told in the past (`past`:
    `segments.said_in_past`) that is no having or being ("we had a recovery plan in place" is a claim, not an act)."""
    if not names_a_plan(words, i, before):
        return False
    for k in range(i - 1, max(-1, i - 1 - _REACH), -1):
        if words[k] in _SUBJECTS:
            j = k + 1
            while j < i and words[j] in _BETWEEN:
                j += 1
            verb = words[j] if j < i else ""
            # the plan is the act's object: nothing but a particle, a determiner or a modifier between ("I changed
            # the plan", "we worked out a plan"); not "I knew from the survey plan", where it is where she was
            object_ = all(w in _PARTICLES or w in PLAN_DETERMINERS or (w.isalpha() and w not in _PREPOSITIONS)
                          for w in words[j + 1:i])
            return bool(verb) and verb not in _NO_ACT and past([verb]) and object_
    return False
