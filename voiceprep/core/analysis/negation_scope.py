"""Negation scope (walk67 finding 1): what a denial takes back beyond its own clause, and what it leaves unsaid.

- A key point whose cue was said only in a denial ("We didn't use idempotency keys in the end; retries were rare, so
  we accepted an occasional duplicate") is not made by the other cues said plainly after it when they are fewer than
  the bank asks (`min_cues`): the thing the point names was denied (`named_only_in_denial`).
- A later clause that denies using a thing by its name takes back the earlier clauses of the sentence that named it
  ("I looked at the LMAX Disruptor ring buffer, but we didn't use the Disruptor in the end"), as "… but we did not
  use it" does (`judge.RETRACTS`): `named_back`. The thing is its noun phrase's last word ("the old test suite":
  "suite", not "old").
- For a point that asks for what was chosen ("Name the LMAX Disruptor as the design you chose"), a thing looked at,
  considered or weighed was not chosen, even with an article ("I looked at the LMAX Disruptor"), unless the sentence
  goes on to take it (`alternatives._TAKEN_BACK`): `weighed_words`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from voiceprep.core.analysis.keypoints import FUNCTION_WORDS, KeyPointResult
from voiceprep.settings import DENIED_THING_WORDS, HAVING_DENIAL_WORDS

_GROUP_SPLIT = "|"


def _cue_group(cues: Sequence[str], alternative: str) -> int:
    """The index of the bank cue (its "a|b|c" alternatives) that `alternative` is one of; -1 when none."""
    for k, cue in enumerate(cues):
        if alternative in (a.strip() for a in cue.split(_GROUP_SPLIT)):
            return k
    return -1


# a denial of having or using the thing named: "didn't use idempotency keys", "never had a runbook", "had no alerts"
_DENIED_HAVING = frozenset({"use", "used", "using", "have", "had", "having", "adopt", "adopted", "add", "added",
                            "build", "built", "implement", "implemented", "need", "needed", "bother", "introduce",
                            "introduced", "keep", "kept"})
_DENIALS = frozenset({"not", "never", "no", "didn't", "don't", "doesn't", "wasn't", "weren't", "haven't", "hasn't",
                      "hadn't", "without"})
_FILLERS = frozenset({"a", "an", "the", "any", "really", "actually", "even", "ever", "bother", "to", "end", "up"})


def _denies_having(words: Sequence[str], first: int) -> bool:
    """Whether the words just before position `first` deny having or using what is named there ("we didn't use |
    idempotency keys", "we had no | idempotency keys"), not a harm denied ("didn't let | retries turn into ...")."""
    if words[first:first + 1] in (["no"], ["without"]):
        return True       # the cue matcher's span may start at its "no" ("had | no idempotency keys")
    core = [w for w in words[max(0, first - HAVING_DENIAL_WORDS):first] if w not in _FILLERS]
    if not core:
        return False
    if core[-1] in ("no", "without"):
        return True
    return core[-1] in _DENIED_HAVING and len(core) >= 2 and (core[-2] in _DENIALS or core[-2].endswith("n't"))


def named_only_in_denial(cues: Sequence[str], min_cues: int, lexical: KeyPointResult, words: Sequence[str]) -> bool:
    """Whether the point's first cue, the thing it names ("idempotency"), was said only in a denial of having or
    using it (`_denies_having`), and the cues said plainly are fewer than the bank asks (`min_cues`): "We didn't use
    idempotency keys …, so we accepted an occasional duplicate" says one cue ("duplicate") of two."""
    said = {_cue_group(cues, m.cue) for m in lexical.matches}
    if 0 in said or len(said) >= min_cues:
        return False
    return any(_cue_group(cues, m.cue) == 0 and _denies_having(words, m.first) for m in lexical.negated)


# a later clause that denies using a thing it names: "we didn't use the Disruptor in the end", "we never adopted Kafka"
_DENIED_USE = re.compile(
    r"\b(?:we|i|the team)\s+(?:\w+\s+)?(?:did not|didn't|never)\s+(?:actually\s+|really\s+|end up\s+)?"
    r"(?:use|using|ship|adopt|deploy|choose|pick|implement|go with|went with|"
    r"used|shipped|adopted|deployed|chose|picked|implemented)\s+"      # "we never adopted Kafka"
    r"(?:(?:the|a|an|our|my|your|their|his|her|its|this|that|these|those)\s+)?"      # the thing, not its determiner
    r"(?P<thing>[a-z][\w-]*)")
_NOT_A_THING = frozenset({"it", "them", "that", "this", "those", "these", "any", "anything", "much", "one", "either"})


def named_back(words: Sequence[str], clauses: Sequence[tuple[int, int]]) -> frozenset[int]:
    """The words of the clauses of a sentence (`clean` words, its clause spans) said before a later clause that
    denies using a thing they named, by its name (`_DENIED_USE`): "I looked at the LMAX Disruptor ring buffer, | but
    we didn't use the Disruptor in the end" takes back the first clause. Not a clause that does not name it."""
    out: set[int] = set()
    for a, b in clauses:
        text = " ".join(words[a:b + 1])
        for said in _DENIED_USE.finditer(text):
            thing = said.group("thing")
            if thing in _NOT_A_THING or thing in FUNCTION_WORDS:     # "we never used to ...": no thing named
                continue
            first = a + text[:said.start("thing")].count(" ")
            phrase = words[first:_head(words, first, b) + 1]
            out.update(i for c, d in clauses if d < a and all(w in words[c:d + 1] for w in phrase)
                       for i in range(c, d + 1))
    return frozenset(out)


def _head(words: Sequence[str], first: int, last: int) -> int:
    """Where the noun phrase that starts at `first` ends (up to `last`, a small word or `DENIED_THING_WORDS`), its
    last word the thing it names: "old test suite" -> "suite", "disruptor in the end" -> "disruptor" (read51a 1b: an
    adjective first, "the old test suite", names no thing of its own). An earlier clause names the thing when it says
    every word of the phrase: "the old approach" is not "a new approach with an outbox" (read52a 3)."""
    k = first
    while k + 1 <= last and k + 1 < first + DENIED_THING_WORDS and words[k + 1] not in FUNCTION_WORDS \
            and words[k + 1] not in _NOT_A_THING and words[k + 1] not in _NOT_HEAD:
        k += 1
    return k


# words after a thing that are not part of its name: "we didn't use Kafka anymore", "the Disruptor after all"
_NOT_HEAD = frozenset({"anymore", "after", "again", "either", "much", "then", "there", "here", "yet", "because", "since",
                       "so", "but", "and", "or", "until", "instead", "though", "all", "at", "in", "end", "finally",
                       "eventually", "directly", "ourselves", "myself", "themselves", "anyway", "now"})


# a point that asks for the thing chosen: "as the design you chose", "the option you picked", "what you went with"
ASKS_CHOSEN = re.compile(r"\b(?:you|we|i)\s+(?:chose|picked|selected|went\s+with|settled\s+on)\b|\bchosen\b",
                         re.IGNORECASE)
# a thing weighed, not yet taken: "looked at", "considered", "weighed", "evaluated", "explored", "thought about"
_WEIGHED = re.compile(r"\b(?:looked\s+(?:at|into)|had\s+a\s+look\s+at|considered|weighed|evaluated|explored|"
                      r"thought\s+(?:about|of))\s+\S")
# ... taken after all: "and in the end we went with it", "we chose the Disruptor", "we used it", and the same subject's
# next verb ("We evaluated the Disruptor and a sharded lock and chose the Disruptor")
_TAKEN = re.compile(r"(?:\b(?:we|i)\s+(?:(?!never\b|not\b|didn't\b|did\b)\w+\s+)?|"
                    r"\b(?:and|then)\s+(?:then\s+|finally\s+|eventually\s+)?)"    # "... and chose the Disruptor"
                    r"(?:went\s+(?:ahead\s+)?with|ended\s+up\s+(?:with|using|picking|choosing)|"
                    r"adopted|chose|picked|used|settled\s+on|built)\b(?!\s+(?:to|for)\b)")


def weighed_words(words: Sequence[str], clauses: Sequence[tuple[int, int]]) -> frozenset[int]:
    """The words of the clauses of a sentence (`clean` words, its clause spans) that name a thing only weighed
    (`_WEIGHED`: "I looked at the LMAX Disruptor"), from the verb to the clause's end, when the sentence does not go
    on to say it was taken (`_TAKEN`). For points that ask for what was chosen (`ASKS_CHOSEN`) only."""
    out: set[int] = set()
    for a, b in clauses:
        text = " ".join(words[a:b + 1])
        said = _WEIGHED.search(text)
        if not said:
            continue
        if _TAKEN.search(" ".join(words[a:max(d for _, d in clauses) + 1]), said.end()):
            continue
        at = a + text[:said.start()].count(" ")
        out.update(range(at, b + 1))
    return frozenset(out)
