"""What does not fill a note heading's slot though its words look as if they do (judge103; read48d 2, read48e 3-5).

The judge credits "The root cause I found", "The technology and why I needed it" and "How I …" headings by what fills
their slot (judge.py: `_told_causes`, `_told_technologies`, `_self_claims`). These readers say, from grammar, when a
sentence only looks like a filler:

- a symptom noticed is no cause found (`noticed_a_state`): "I noticed the p99 had doubled after the deploy", "the queue
  was long"; a noticed cause relates the problem to another thing ("I noticed the timeouts lined up with the nightly
  reindex job", "the cron job was locking the orders table", "it was because …");
- "it turned out no one had renewed the certificate" finds a cause, someone not acting; "it turned out nobody knew"
  denies the finding (`no_one_knew`);
- "it turned out fine" tells how things went, not what was found (`turned_out_how_it_went`);
- a "because" that explains how the story felt or how hard it was ("It was a stressful project because …", "It was
  hard because …") gives no cause of the problem (`explains_a_feeling`);
- a technology only planned, weighed or turned down ("We were going to try GraphQL because …", "We considered
  Terraform because …", "We looked at X") was not brought in (`only_weighed`);
- "I read …, then I let … while I put …" after a sentence told in the past is a story told, not a claim about oneself
  in the present: these verbs' past is their present (`told_with_base_pasts`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from voiceprep.core.analysis.segments import BASE_PASTS, PAST, past_verb, said_in_past
from voiceprep.core.analysis.slots import FINDINGS
from voiceprep.core.analysis.text import DETERMINERS, NUMBER_WORDS

# the verbs of being, having and becoming: what a state is told with ("the queue was long", "latency had doubled")
_BE = frozenset({"was", "were", "is", "are", "am", "had", "has", "have", "been", "being", "got", "became", "seemed",
                 "felt", "looked", "stayed", "kept"})
# said between a verb and what it acts on or relates to: particles and adverbs ("lined up exactly with", "had doubled
# right after"; any "-ly" word too)
_BETWEEN = frozenset({"up", "out", "down", "off", "just", "all", "always", "still", "right", "really", "only", "also",
                      "even", "basically", "pretty", "very", "constantly", "suddenly", "exactly"})
# what relates the thing noticed to another thing, a cause beneath it ("lined up with the reindex job", "coming from
# the payments service"); not a time ("right after the deploy") nor a measure ("went from 200 to 600")
_RELATING = frozenset({"with", "from", "behind", "against", "into", "onto"})
_PRONOUNS = frozenset({"it", "them", "us", "him", "her", "everything", "everyone", "everybody"})
# an object that only says how much ("complaining a lot", "a bit", "a little")
_QUANTITY = frozenset({"lot", "lots", "bit", "little", "ton", "tons", "bunch", "while", "few"})
_CAUSAL = frozenset({"because", "cos", "cuz", "coz", "due", "caused", "causing"})
_CLAUSE_ENDS = frozenset({"and", "but", "so", "because", "cos", "which", "while", "then"})


def _object(words: Sequence[str], i: int) -> bool:
    """Whether words[i] opens a thing acted on or related to: a determiner, pronoun or number, not a quantity."""
    if i >= len(words):
        return False
    w = words[i]
    if w in DETERMINERS - {"no"}:
        return i + 1 < len(words) and words[i + 1] not in _QUANTITY
    return w in _PRONOUNS or w in NUMBER_WORDS or w[:1].isdigit()


def _past_verb(w: str) -> bool:
    return w not in _BE and past_verb(w)


# a relative clause: what the thing noticed does, said of it, not the state it is in
_RELATIVE = frozenset({"that", "which", "who"})
# "there was/were …" names a thing; "had …" a thing the one noticed holds
_EXIST = frozenset({"was", "were", "is", "are"})
_HAVE = frozenset({"had", "has", "have"})


def noticed_a_state(words: Sequence[str]) -> bool:
    """Whether what is said after "noticed" (`clean` words, to its sentence's end) tells only a state of the thing
    noticed, a symptom ("the p99 latency had doubled right after the Tuesday deploy", "the dashboards were red"): its
    first verb neither acts on another thing ("was hammering the cluster", "held a lock on the table") nor relates to
    one ("lined up exactly with the nightly reindex job"), and no "because"/"due to" tells a cause in it. With no verb
    ("I noticed a missing index"), or none before the thing's own "that"/"which"/"who" clause ("a bug in the retry
    logic that double-charged customers"), nothing is said of a state: False; nor with "there was X" or "had X", a
    thing named ("there was a race condition", "the pool had only two connections": read49a 2)."""
    words = list(words[1:] if words[:1] == ["that"] else words)
    if _CAUSAL & set(words):
        return False
    verb = next((k for k, w in enumerate(words) if w in _BE or said_in_past([w]) or w in _RELATIVE), None)
    if verb is None or words[verb] in _RELATIVE:    # "a bug in the retry logic that double-charged customers": the
        return False                                # thing's own clause, no state of it (read49a 3)
    if words[verb] in _EXIST and words[verb - 1:verb] == ["there"]:
        return False                    # "there was a race condition in the cache": the thing found, named (read49a 2)
    if words[verb] in _HAVE:            # "the pool had only two connections for forty workers", "had no index"
        k = verb + 1
        while k < len(words) and (words[k] in _BETWEEN or words[k].endswith("ly")):
            k += 1
        if k < len(words) and not (words[k] in _BE or said_in_past(words[k:k + 1])) and (
                words[k] == "no" or _object(words, k)):
            return False
    return not _acts_on_a_thing(words, verb)


def _acts_on_a_thing(words: Sequence[str], verb: int) -> bool:
    """Whether the verb at words[verb] (with its auxiliaries and adverbs) acts on another thing ("was hammering the
    same cluster", "double-charged their cards") or relates to one ("lined up exactly with the nightly reindex job"),
    not a state ("had doubled right after the deploy", "was tight")."""
    k = verb
    while k < len(words) and (words[k] in _BE or words[k] in _BETWEEN or words[k].endswith("ly")):
        k += 1                          # "had been", "was really", "lined up exactly"
    acting = k < len(words) and (_past_verb(words[k]) or words[k].endswith("ing"))
    if acting:                          # the verb after its auxiliaries: "was hammering", "had doubled", "lined up"
        k += 1
        while k < len(words) and (words[k] in _BETWEEN or words[k].endswith("ly")):
            k += 1
    if k < len(words) and words[k] in _RELATING and _object(words, k + 1):
        return True                     # "... with the nightly reindex job"
    return acting and _object(words, k)     # "was hammering the same cluster"


# "nobody", "no one", "none" (of us) as the subject of what is said after a finding
_NO_ONE = frozenset({"nobody", "noone", "no-one", "none"})
# what no one did that leaves the finding unmade: knowing, perceiving ("no one knew", "nobody had looked", "no one could
# tell"; slots' FINDINGS and their base forms)
_KNOWING = FINDINGS | frozenset({"understood", "understand", "realise", "realize", "notice", "see", "figure", "discover",
                                 "spot", "tell", "knows", "guessed", "guess"})


def no_one_knew(words: Sequence[str]) -> bool:
    """Whether the words after a finding (`clean` words) say that no one made it: "nobody",
    "no one" or "none" in its next three words, with a verb of knowing (`_KNOWING`) in the four after that ("it turned
    out nobody knew how the cache worked", "no one could tell", "none of us had looked"); not someone not acting, a
    cause found ("it turned out no one had renewed the TLS certificate": read49b 6)."""
    for k in range(min(len(words), 3)):
        if words[k] in _NO_ONE or (words[k] == "no" and words[k + 1:k + 2] == ["one"]):
            start = k + (2 if words[k] == "no" else 1)
            return bool(_KNOWING & set(words[start:start + 4]))
    return False


def turned_out_how_it_went(words: Sequence[str]) -> bool:
    """Whether what is said after "turned out" (`clean` words) tells how things went ("fine in the end", "well"), not
    what was found: no "that"/"to", no thing named first and no verb before its clause ends ("It turned out fine in the
    end and the customers were happy again"); not "the pods were being rescheduled", "to be the pricing service"."""
    if not words or words[0] in ("that", "to") or words[0] in DETERMINERS or words[0] in _PRONOUNS:
        return False
    for w in words:
        if w in _CLAUSE_ENDS:
            return True
        if w in _BE or w in PAST or said_in_past([w]):
            return False
    return True


# how a story felt or how hard it was, to the people in it: the experience, not the work's state ("It was a stressful
# project", "It was hard", "my manager was worried", "everyone was frustrated")
EXPERIENCE = frozenset({
    "hard", "difficult", "tough", "tricky", "challenging", "stressful", "frustrating", "scary", "fun", "exciting",
    "interesting", "boring", "painful", "intense", "exhausting", "tiring", "overwhelming", "nerve-wracking",
    "nervewracking", "worrying", "rewarding", "awkward", "embarrassing", "annoying", "hectic", "nightmare", "worried",
    "stressed", "frustrated", "nervous", "anxious", "upset", "angry", "unhappy", "happy", "pleased", "relieved",
    "excited", "scared", "confused", "panicking", "panicked", "tense"})
# said between the verb and the word of experience ("was a really stressful", "felt kind of scary")
_DEGREE = frozenset({"really", "very", "so", "quite", "pretty", "super", "incredibly", "extremely", "a", "an", "bit",
                     "little", "kind", "sort", "of", "genuinely", "such", "too", "fairly", "rather", "properly", "the",
                     "most", "massively", "hugely", "absolutely", "honestly", "just", "all", "getting"})


def explains_a_feeling(words: Sequence[str], reason: Sequence[str] = ()) -> bool:
    """Whether the clause said before a "because" (`clean` words) tells how the story felt or how hard it was ("It was a
    stressful project", "It was hard", "we were all stressed"): its "because" gives the reason for the experience, not
    the cause of the problem (read48e 5); not when the reason said after it (`reason`, to its sentence's end) tells a
    thing acting on another ("The customers were angry because the retry job double-charged their cards": read49a 5),
    not a state ("because the deadline was close")."""
    verb = next((k for k, w in enumerate(reason) if w in _BE or said_in_past([w])), None)
    if verb is not None and _acts_on_a_thing(reason, verb):
        return False
    for i, w in enumerate(words):
        if w not in _BE:
            continue
        k = i + 1
        while k < len(words) and words[k] in _DEGREE:
            k += 1
        if k < len(words) and words[k] in EXPERIENCE:
            return True
    return False


# a thing named as planned, weighed or turned down, not brought in: "were going to try", "we considered", "thought
# about", "looked at", "ruled out" (the forms of alternatives.py's weighing, and the future of the past)
_WEIGHED = re.compile(r"\b(?:going to|gonna|(?:planned|planning|intended|intending|meant|hoped|hoping|supposed|about|"
                      r"wanted) to|consider(?:ed|ing)|(?:thought|thinking|talked|talking) (?:about|of)|discuss(?:ed|ing)|"
                      r"debat(?:ed|ing)|weigh(?:ed|ing)|evaluat(?:ed|ing)|explor(?:ed|ing)|toy(?:ed|ing) with|"
                      r"(?:looked|looking) (?:at|into)|(?:had|took) a (?:\w+ )?look at|rejected|ruled out|"
                      r"decided against|turned down)\b")


def only_weighed(words: Sequence[str]) -> bool:
    """Whether the words that name a technology (`clean` words, before its reason) name it only as planned, weighed or
    turned down ("We were going to try GraphQL", "We considered Terraform", "We thought about Elixir"): the last such
    verb is not followed by an act told in the past ("we evaluated Kafka and RabbitMQ and picked Kafka" names one
    brought in), nor is there one anywhere outside the weighing ("We adopted Kafka after looking at the alternatives":
    read49a 4; "were" in "we were going to" is no act)."""
    text = " ".join(words)
    ends = [m.end() for m in _WEIGHED.finditer(text)]
    if not ends or said_in_past(text[ends[-1]:].split()):
        return False
    return not any(_past_verb(w) for w in _WEIGHED.sub(" ", text).split())


_HABITUAL = frozenset({"always", "usually", "generally", "typically", "normally", "often", "sometimes", "tend",
                       "tends", "whenever"})
_SUBJECTS = frozenset({"i", "we"})
# the candidate with a verb of the present or the future run into it ("I'm a fast learner", "we're quick at this"):
# a verb of its own, never one whose past is its present (read49a 5)
_CONTRACTED = frozenset({"i'm", "im", "i've", "ive", "i'll", "we're", "we've", "we'll"})


def told_with_base_pasts(words: Sequence[str], story: bool) -> bool:
    """Whether a sentence (`clean` words) that shows no past of its own is told in the story's past: `story` (the
    sentence before it was told in the past), the candidate's every verb one whose past is its present (`BASE_PASTS`,
    after "I"/"we" and its adverbs: "then I let the author walk me through"), and nothing said as a habit ("I usually
    just read the docs", "every time"), nor a present run into "I"/"we" ("and I'm a fast learner": read49a 5).
    read48d 2: not a claim about oneself ("I pick things up fast")."""
    if not story or _HABITUAL & set(words):
        return False
    verbs = []
    for i, w in enumerate(words):
        if w in _CONTRACTED:
            return False
        if w not in _SUBJECTS:
            continue
        k = i + 1
        while k < len(words) and (words[k] in ("then", "first", "just", "also", "actually", "finally", "quickly")
                                  or words[k].endswith("ly")):
            k += 1
        if k < len(words):
            verbs.append(words[k])
    return bool(verbs) and all(v in BASE_PASTS for v in verbs)
