"""Alternatives: what was considered and turned down, and key points that ask why not the alternative.

"We considered partitioning events by key, but we did not do that either", "... but we decided against it": a
negation that refers back ("that", "it") takes back what its sentence named. "We considered partitioning events by
key." alone talks an act over; it does not do it. And a key point that asks "Why not just use finer-grained locks" is
about the alternative: it is covered where the answer names the alternative (or refers back to it) and says why not,
not by the sentence that tells the chosen design (walk43).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# a later clause that turns down what the sentence named, by referring back to it ("did not do that either", "decided
# against it", "ruled it out", "dropped that idea", "never did it"); not "did it in two weeks" (done), "it did not
# lose a single event" (a result), "so we didn't do it by hand anymore" (how it is done now)
REFERS_BACK = re.compile(
    r"\b(?:we|i|the\s+team)\s+(?:\w+\s+)?(?:did\s+not|didn't|never|won't|wouldn't)\s+(?:actually\s+|really\s+)?"
    r"(?:end\s+up\s+)?(?:do|doing|go\s+ahead\s+with|pursue|try)\s+(?:that|it|this|them|so)\b"
    r"(?!\s+(?:until|by|without|using|for|with|manually|anymore|again|alone|twice|ourselves|myself|ever|any)\b)"
    r"|\b(?:we|i|the\s+team)\s+(?:\w+\s+)?(?:decided|went|voted|argued)\s+against\s+(?:it|that|this|them|doing)\b"
    r"|\b(?:we|i|the\s+team)\s+(?:\w+\s+)?ruled\s+(?:it|that|this|them)\s+out\b"
    r"|\b(?:we|i|the\s+team)\s+(?:\w+\s+)?(?:dropped|abandoned|scrapped|shelved|ditched|rejected|gave\s+up)\s+"
    r"(?:on\s+)?(?:that|the|this)\s+(?:idea|option|approach|plan)\b"
    r"|\b(?:that|it)\s+(?:never|did\s+not|didn't)\s+(?:happen|happened|go\s+anywhere|make\s+it)\b")

# an act talked over, not done: "considered partitioning", "looked at sharding", "thought about archiving"
_CONSIDERED = re.compile(r"\b(?:considered|considering|looked\s+at|thought\s+(?:about|of)|talked\s+about|"
                         r"discussed|debated|toyed\s+with)\s+(?:the\s+idea\s+of\s+)?(?P<act>[a-z-]+ing)\b")
# ... unless the answer then says it was done: "..., and then we did it", "and in the end we went with it"
_THEN_DONE = re.compile(r"(?:\b(?:and|so|then|eventually|finally|end)\b[^.]*?)?\b(?:we|i)\s+(?:\w+\s+)?"
                        r"(?:did(?!\s+not|n't)|went\s+(?:ahead\s+)?with|ended\s+up|adopted|chose|picked|shipped|built)\b")


def turned_down(words: Sequence[str], clauses: Sequence[tuple[int, int]]) -> frozenset[int]:
    """The words of a sentence's (`clean` words, its clause spans) clauses said before a later clause that turns down
    what they named by referring back to it (`REFERS_BACK`)."""
    out: set[int] = set()
    for a, b in clauses:
        if REFERS_BACK.search(" ".join(words[a:b + 1])):
            out.update(i for c, d in clauses if d < a for i in range(c, d + 1))
    return frozenset(out)


CONSIDERED_WORDS = 12     # what a consideration names: at most this many words on from its verb, within its clause


def considered_words(words: Sequence[str], clauses: Sequence[tuple[int, int]]) -> frozenset[int]:
    """The words of a sentence (`clean` words, its clause spans) that name an act only talked over (`considered_only`):
    from its subject (two words before the verb of considering) to CONSIDERED_WORDS words on, so that a long sentence
    heard without punctuation keeps what it then tells ("... we talked about going into Bordeaux or carrying on and
    with the midwife saying it's not active labour we carried on")."""
    if not considered_only(words):
        return frozenset()
    out: set[int] = set()
    for a, b in clauses:
        said = _CONSIDERED.search(" ".join(words[a:b + 1]))
        if said:
            at = a + " ".join(words[a:b + 1])[:said.start()].count(" ")
            out.update(range(max(a, at - 2), min(b, at + CONSIDERED_WORDS) + 1))     # "we talked about ..."
    return frozenset(out)


_TALK = re.compile(r"\b(?:talk|talked|talking|discuss|discussed|discussing|consider|considered|considering|debate|"
                   r"debated|thought|think|weigh|weighed|options?)\b", re.IGNORECASE)


def talks_over(label: str) -> bool:
    """Whether a key point is itself a talk or a weighing ("The captain and I talked through whether we needed to
    divert", "Considered the options"): what the answer only talked over is its evidence."""
    return bool(_TALK.search(label))


def considered_only(words: Sequence[str]) -> bool:
    """Whether a sentence (`clean` words) talks an act over ("We considered partitioning events by key") and does not
    go on to say it was done."""
    text = " ".join(words)
    said = _CONSIDERED.search(text)
    if not said or said.group("act").endswith("thing"):
        return False
    return not _THEN_DONE.search(text, said.end())


# a key point that asks why not the alternative: "Why not just use finer-grained locks or shard the order book",
# "Why Postgres rather than DynamoDB", "Why a queue instead of direct calls": its alternative is what it is about
ASKS_WHY_NOT = re.compile(r"^\s*(?:and\s+)?why\s+(?:not\s+(?:just\s+|simply\s+)?(?P<not>.+)|"
                          r".+?\b(?:instead\s+of|rather\s+than|over)\s+(?P<over>.+))$", re.IGNORECASE)


# verbs that make a following "over" a particle, not "X over Y" ("Why I took over the incident", "ran over budget",
# "moved over to Kafka", "handed over to the night shift"): their point asks no alternative (review35b)
_PARTICLE_VERBS = frozenset({"take", "takes", "took", "taken", "taking", "run", "runs", "ran", "go", "goes", "went",
                             "gone", "come", "comes", "came", "get", "gets", "got", "hand", "hands", "handing", "pass",
                             "passes", "passing", "win", "wins", "won", "fall", "falls", "fell", "turn", "turns", "move",
                             "moves", "moving", "step", "steps", "stepping", "start", "starts", "starting", "think",
                             "thinks", "thought", "talk", "talks", "talking", "look", "looks", "looking", "carry",
                             "carries", "carrying", "switch", "switches", "switching", "roll", "rolls", "rolling"})


def alternative_asked(label: str) -> str | None:
    """The alternative a "why not" key point asks about (`ASKS_WHY_NOT`), or None for other labels."""
    text = label.strip().rstrip("?. ")
    m = ASKS_WHY_NOT.match(text)
    if not m:
        return None
    if m.group("over") is not None:
        before = text[:m.start("over")].split()
        said = before[-2].lower() if len(before) >= 2 and before[-1].lower() == "over" else ""
        if said in _PARTICLE_VERBS or len(said) > 3 and said.endswith("ed"):
            return None
    return (m.group("not") or m.group("over")).strip(" ,.?")


# the verbs of choosing an alternative say nothing of which one ("use finer-grained locks", "just go with Redis")
CHOOSING = frozenset({"use", "using", "just", "simply", "go", "add", "adding", "pick", "choose", "try", "switch"})
# a sentence that refers back to the alternative the one before it named ("We did not do that because ...")
REFERS_TO_IT = re.compile(r"\b(?:that|it|this|them|those|either|neither|option|idea|approach)\b")

# a reason given against something: "because ...", "would still contend", "too slow", "it meant ...", "the problem with"
REASON = frozenset({"because", "since", "would", "wouldn't", "could", "couldn't", "can't", "cannot", "too", "meant",
                    "means", "risk", "risky", "problem", "issue", "cost", "costs", "costly", "break", "breaks",
                    "slower", "slow", "harder", "still", "expensive", "complex", "complexity", "overhead", "downside",
                    "trade-off", "tradeoff", "otherwise", "won't", "worse"})


def gives_reason(words: Sequence[str]) -> bool:
    """Whether `clean` words say a reason for or against something (`REASON`)."""
    return any(w in REASON for w in words)
