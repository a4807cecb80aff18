"""A piece of an answer that shares only a noun phrase with a key point claims nothing of the point's kind (walk66 1a,
1c; issue 11, judge113).

"I will split the pipeline into stages." is close in meaning to "How you would migrate from the old pipeline without
losing events", and "We put a mutex around the order book" to "The order book had lock contention under load": the
sentence and the label name the same thing, the answer's own topic, and a sentence embedding is drawn near whatever
names what it names. What the label claims of that thing (a migration, contention under load) is never said.

So a piece whose only words in common with a point (its label's naming words and its cues') are some of one noun
phrase of the label (`noun_phrases`: a run of naming words after an article, a possessive or a preposition, "order
book", "old pipeline"), where the label says more than that phrase, is compared with the label without the phrase
(`rest`: "The had lock contention under load"). It can speak for the point only when it is that near the rest
(`AnalysisSettings.noun_only_rest_min`). A piece that says none of the point's words is judged by meaning as ever, and
one that says a word of the claim too ("contention", "migrated") shares more than a noun phrase; for a point that is
the candidate's own act, a piece that tells the candidate acting is judged as ever ("I did sit with her on her
drafts" for "I went through their drafts with them"), and a label that asks for a thing named or lists what it asks
(`asks_for`) keeps its nouns as the claim. The rest texts are the label's, embedded with the prompt's texts
(`judge.prompt_texts`), never the answer's own words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from voiceprep.core.analysis.keypoints import FUNCTION_WORDS
from voiceprep.core.analysis.text import tokenize_text
from voiceprep.settings import NOUN_ONLY_CLAIM_WORDS

# what opens a noun phrase: an article, a possessive or a preposition ("the order book", "from the old pipeline",
# "under load"); not "to" ("to migrate") nor "without" ("without losing events": a gerund)
OPENERS = frozenset({"the", "a", "an", "our", "my", "your", "their", "its", "his", "her", "this", "these",
                     "those", "of", "on", "in", "under", "for", "from", "with", "by", "at", "about", "into", "across",
                     "over", "between", "per", "each", "every"})
# words that name nothing: grammar, the person addressed, what asks ("How you would ...")
GRAMMAR = FUNCTION_WORDS | OPENERS | frozenset({
    "and", "or", "but", "so", "not", "no", "nor", "what", "how", "why", "who", "when", "where", "which", "whether",
    "would", "could", "should", "can", "will", "did", "had", "has", "was", "were", "you", "i", "we", "me", "us",
    "they", "them", "he", "she", "it", "there", "than", "then", "to", "without", "after", "before", "while", "if",
    "because", "some", "all", "more", "most", "very", "just", "only", "also", "own", "enough", "really", "still",
    "even", "well"})
# a label claims something beside its noun phrases when `NOUN_ONLY_CLAIM_WORDS` (settings) of its naming words are in
# none of them ("had lock contention", "migrate ... losing events"); not a heading's slot ("The root cause I found",
# "Why the old system was not good enough": what fills the slot is the claim, and no piece of the label says it)


# what a label that asks for something opens with: "Name the LMAX Disruptor as the design you chose" asks for the
# noun phrase itself, which is then no mere topic
ASKING = frozenset({"name", "say", "explain", "describe", "mention", "state", "give", "show", "tell", "walk", "share",
                    "list", "quantify", "connect", "tie", "cite", "identify"})


def asks_for(label: str) -> bool:
    """Whether a label is an instruction (`ASKING`): "Name the LMAX Disruptor as the design you chose"; or lists the
    things it asks for (a heading and its items, "Idempotency: idempotency keys, deduplication, ...", or examples,
    "The change in practice we made, such as hourly rounding, a bundle or a checklist"): a thing it names is then
    what it asks, not the topic."""
    first = tokenize_text(label.split()[0]) if label.split() else []
    return (bool(first) and first[0].norm in ASKING) or bool(_LISTS.search(label))


_LISTS = re.compile(r":|\bsuch\s+as\b|\be\.g\.", re.IGNORECASE)


def _naming(norm: str) -> bool:
    return norm not in GRAMMAR and len(norm) > 1 and any(c.isalpha() for c in norm)


def noun_phrases(label: str) -> list[tuple[frozenset[str], str]]:
    """Each noun phrase of a label that makes a claim beside it: the stems of a run of naming words opened by an
    article, a possessive or a preposition, and the label without that run (its `rest`), when `NOUN_ONLY_CLAIM_WORDS`
    of the label's naming words are in no such run (its claim: "had lock contention", "migrate ... losing events"). "The
    order book had lock contention under load" -> ({order, book}, "The had lock contention under load"), ({load}, "The order
    book had lock contention under"); none for "The fix and the measured result" (only noun phrases) nor "The root
    cause I found" (a heading's slot)."""
    words = label.split()
    toks = [tokenize_text(w) for w in words]
    norms = [t[0].norm if t else "" for t in toks]
    runs: list[tuple[int, int, bool]] = []      # [i, j) and whether a noun phrase
    i = 0
    while i < len(words):
        if not _naming(norms[i]):
            i += 1
            continue
        j = i + 1
        while j < len(words) and _naming(norms[j]) and words[j - 1][-1:] not in ",;:":
            j += 1
        runs.append((i, j, i > 0 and norms[i - 1] in OPENERS and words[i - 1][-1:] not in ",;:"))
        i = j
    if sum(j - i for i, j, phrase in runs if not phrase) < NOUN_ONLY_CLAIM_WORDS:
        return []
    return [(frozenset(t.stem for k in range(i, j) for t in toks[k]), " ".join(words[:i] + words[j:]))
            for i, j, phrase in runs if phrase]


def rest_texts(label: str) -> list[str]:
    """The texts `only_a_noun_phrase` may compare a piece of an answer with: each rest of the label."""
    return [rest for _stems, rest in noun_phrases(label)]


def only_a_noun_phrase(said: Iterable[str], own: frozenset[str], label: str) -> tuple[frozenset[str], str] | None:
    """The noun phrase of the label (its stems) and the rest of the label a piece of an answer must be near when the
    only words of the point it says (`said`: its stems; `own`: the point's naming stems, label's and cues') are some
    of that one noun phrase; None otherwise."""
    shared = own & frozenset(said)
    if not shared:
        return None
    for stems, rest in noun_phrases(label):
        if shared <= stems:
            return stems, rest
    return None


# what a label says its subject was or had: "The order book had lock contention under load", "The cache was cold"
STATES = frozenset({"had", "has", "have", "was", "were", "is", "are", "became", "got", "kept"})


def subject_phrase(label: str) -> frozenset[str] | None:
    """The stems of the noun phrase a label opens with when it says what that phrase was or had (`STATES`): "The
    order book had lock contention under load" -> {order, book}; None for any other label ("We moved the order book
    to ...", "How you would migrate ...")."""
    words = label.split()
    norms = [t[0].norm if (t := tokenize_text(w)) else "" for w in words]
    i = 1 if norms[:1] and norms[0] in OPENERS else 0
    j = i
    while j < len(words) and _naming(norms[j]) and norms[j] not in STATES:
        j += 1
    if j == i or j >= len(words) or norms[j] not in STATES:
        return None
    return frozenset(t.stem for w in words[i:j] for t in tokenize_text(w))


# the speaker as the subject of a piece of an answer: "We put a mutex around the order book"
SPEAKERS = frozenset({"i", "we", "i've", "we've", "i'd", "we'd", "i'll", "we'll"})


def acted_on(norms: list[str], stems: list[str], phrase: frozenset[str]) -> bool:
    """Whether a piece of an answer (its words' norms and stems) names the phrase only after the speaker as subject
    ("We put a mutex around the order book"): something done to the thing, not what it was or had ("The order book
    was where everything waited")."""
    at = [k for k, s in enumerate(stems) if s in phrase]
    return bool(at) and any(n in SPEAKERS for n in norms[:at[0]])


def own_naming_stems(label: str, cues: Iterable[str]) -> frozenset[str]:
    """The stems of a point's naming words: its label's and its cues' (each alternative of a cue, its slots left
    out)."""
    texts = [label, *(alt for cue in cues for alt in cue.split("|") if "{" not in alt)]
    return frozenset(t.stem for text in texts for t in tokenize_text(text) if _naming(t.norm))
