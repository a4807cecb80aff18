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

from voiceprep.core.analysis.segments import NEGATORS, NOT_HYPOTHETICAL_AFTER
from voiceprep.core.analysis.text import DETERMINERS
from voiceprep.settings import REASON_SAID_WORDS

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
    with the midwife saying it's not active labour we carried on"); and of a thing only considered (`considered_thing`:
    "We considered Kafka"), from its subject to the thing."""
    out: set[int] = set()
    if _considered_act(words):
        for a, b in clauses:
            said = _CONSIDERED.search(" ".join(words[a:b + 1]))
            if said:
                at = a + " ".join(words[a:b + 1])[:said.start()].count(" ")
                out.update(range(max(a, at - 2), min(b, at + CONSIDERED_WORDS) + 1))     # "we talked about ..."
    if considered_thing(words) is not None:
        for a, b in clauses:
            if (thing := considered_thing(words[a:b + 1])) is not None:     # "we considered Kafka"
                out.update(range(max(a, a + thing[0] - 2), a + thing[1] + 1))
    return frozenset(out)


_TALK = re.compile(r"\b(?:talk|talked|talking|discuss|discussed|discussing|consider|considered|considering|debate|"
                   r"debated|thought|think|weigh|weighed|options?)\b", re.IGNORECASE)


def talks_over(label: str) -> bool:
    """Whether a key point is itself a talk or a weighing ("The captain and I talked through whether we needed to
    divert", "Considered the options"): what the answer only talked over is its evidence."""
    return bool(_TALK.search(label))


def considered_only(words: Sequence[str]) -> bool:
    """Whether a sentence (`clean` words) talks an act over ("We considered partitioning events by key") or a thing
    (`considered_thing`: "We considered Kafka.") and does not go on to say it was done."""
    return _considered_act(words) or considered_thing(words) is not None


def _considered_act(words: Sequence[str]) -> bool:
    """Whether a sentence (`clean` words) talks an act over ("We considered partitioning events by key") and does not
    go on to say it was done."""
    text = " ".join(words)
    said = _CONSIDERED.search(text)
    if not said or said.group("act").endswith("thing"):
        return False
    return not _THEN_DONE.search(text, said.end())


# a thing named only as weighed, an option: "We considered Kafka.", "We looked at Kafka.", "I had a look at Kafka",
# "We evaluated Kafka and RabbitMQ, but ...": a verb of weighing an option, in any of its forms (`_WEIGHING`), not "we
# considered it", "considered that ...", nor "was considered the best" (passive: a description)
_WEIGH_STEMS = ("consider", "debat", "weigh", "evaluat", "explor")      # + ed, ing ("a debate" is no act)
# ... a look said done, not one to take ("someone had the idea to look at garbage collection": an act, then done)
_LOOK = (r"(?:looked|looking)\s+(?:at|into)|(?:had|having|took|taking)\s+a\s+"
         r"(?:quick\s+|brief\s+|closer\s+|good\s+|hard\s+|first\s+)?look\s+at")
_WEIGHING = re.compile(r"\b(?:"
                       r"(?P<weigh>(?:" + "|".join(_WEIGH_STEMS) + r")(?:ed|ing)|(?:toy|toys|toyed|toying)\s+with)|"
                       r"(?P<look>" + _LOOK + r"))\s+(?!(?:that|it|this|them|these|those|whether|how|what|why|if|myself|"
                       r"ourselves|himself|herself|him|her|us|me|the\s+idea)\b)")
_BE = frozenset({"was", "were", "is", "are", "be", "been", "being"})
# ... of them, the verbs that also say an act of looking into something ("I looked at the traces", "evaluated the
# results", "explored the logs") weigh only an option named bare: "Kafka", "Kafka and RabbitMQ", not "the traces"
_INSPECTING = ("evaluat", "explor")
# (the shared DETERMINERS, whose "this/that/these/those" `_WEIGHING` already reads as no option, and a count or a
# question word: "all", "both", "one", "two", "three", "other", "where", "when", "which", "who")
_NOT_BARE = DETERMINERS | frozenset({"all", "both", "one", "two", "three", "other", "where", "when", "which", "who"})
# ... nor a cause looked into, or what shows one ("Then I looked at GC.", "I looked at logs", "had a look at heap dumps"):
# looking at it is investigating, an act done (judge63); only the object's first two words are read, and no word that
# also names an option ("lock": "We looked at finer-grained locks" weighs the LMAX bank's own alternative; read38a)
_LOOKED_INTO = frozenset({
    "gc", "garbage", "memory", "heap", "cpu", "disk", "io", "network", "logs", "log", "metrics", "traces", "trace",
    "dashboards", "dashboard", "graphs", "graph", "profiles", "profile", "profiler", "flamegraphs", "flame", "dumps",
    "dump", "queries", "query", "errors", "error", "alerts", "latency", "timeouts", "contention",
    "threads", "thread", "code", "data", "numbers", "packets", "pauses", "leak", "leaks", "load", "traffic",
    "config", "configuration", "connections", "stack", "spikes", "symptoms", "telemetry", "monitoring"})
# ... its object: at most this many words, then the clause ends or the sentence goes on to something else ("..., but
# we went with polling", "Kafka too", "Kafka first"); "I considered the customer's needs and redesigned the form"
# names no option
CONSIDERED_THING_WORDS = 4
_THING_ENDS = re.compile(r"\s*(?:$|\b(?:but|so|then|too|first|briefly|and\s+then|and\s+(?:we|i)|or\s+(?:we|i))\b)")
# ... and taken after all only when a later "went with", "chose", "did" refers back to it ("and in the end we went
# with it"): "we considered Kafka, but we went with polling" did not take Kafka
_TAKEN_BACK = re.compile(r"\b(?:we|i)\s+(?:\w+\s+)?(?:did(?!\s+not|n't)|went\s+(?:ahead\s+)?with|ended\s+up\s+(?:with|"
                         r"using|picking|choosing)|adopted|chose|picked|shipped|built|used)\s+(?:it|that|them|those|this)\b")


def considered_thing(words: Sequence[str]) -> tuple[int, int] | None:
    """Where a sentence or clause (`clean` words) names a thing only as considered ("We considered Kafka."): its
    verb and the thing's last word (word positions), or None, also when it goes on to say it was taken after all
    ("..., and in the end we went with it")."""
    text = " ".join(words)
    for said in _WEIGHING.finditer(text):
        rest = text[said.end():]
        ends = _THING_ENDS.search(rest)
        thing = rest[:ends.start() if ends else len(rest)].split()
        if not thing or len(thing) > CONSIDERED_THING_WORDS or _TAKEN_BACK.search(text, said.end()):
            continue
        before = text[:said.start()].split()
        if before and before[-1] in _BE and said.group().split()[0].endswith("ed"):
            continue        # "was considered the best": a description
        inspecting = said.group("look") or said.group("weigh").startswith(_INSPECTING)
        if inspecting and (thing[0] in _NOT_BARE or thing[0][:1].isdigit() or not _LOOKED_INTO.isdisjoint(thing[:2])):
            continue        # "I looked at the traces", "Then I looked at GC", "at lock contention": an act
        at = text[:said.start()].count(" ")
        return at, at + len(said.group().split()) + len(thing) - 1
    return None


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

# the reasons that are only a modal ("Kafka would add an ops team"): firm only with more (`firm_reason`)
MODAL_REASONS = frozenset({"would", "could"})
# a reason given against something: "because ...", "would still contend", "too slow", "it meant ...", "the problem with"
REASON = frozenset({"because", "since", "would", "wouldn't", "could", "couldn't", "can't", "cannot", "too", "meant",
                    "means", "risk", "risky", "problem", "issue", "cost", "costs", "costly", "break", "breaks",
                    "slower", "slow", "harder", "still", "expensive", "complex", "complexity", "overhead", "downside",
                    "trade-off", "tradeoff", "otherwise", "won't", "worse"})


def gives_reason(words: Sequence[str]) -> bool:
    """Whether `clean` words say a reason for or against something (`REASON`); not the "would" of a wish ("I would
    love to try Kafka one day", "I'd like to": `segments.NOT_HYPOTHETICAL_AFTER`)."""
    return any(w in REASON and not (w in MODAL_REASONS and nxt in NOT_HYPOTHETICAL_AFTER)
               for w, nxt in zip(words, [*words[1:], ""]))


def firm_reason(words: Sequence[str]) -> bool:
    """Whether `clean` words that argue against an alternative do so for real: a reason that is more than a modal
    ("because", "still", "too": `REASON`) or a turning down ("we didn't pick Kafka"). Its "would" is then inside the
    reason ("... because it would add an ops team"), and its denial is the turning down: neither is a plan or a
    denial of the point."""
    return any((w in REASON and w not in MODAL_REASONS) or w in NEGATORS for w in words)


# a reason that opens a clause ("because ...", "since ...") is said in a piece of a sentence only with
# settings.REASON_SAID_WORDS words after it: "We did not shard the order book, since my manager" is cut before its reason
REASON_OPENERS = frozenset({"because", "since"})


def carries_reason(words: Sequence[str]) -> bool:
    """Whether `clean` words (a piece of a long sentence) say a reason themselves (`gives_reason`), not only open one
    that the next piece says ("..., since my manager | and I spent a week ..."): a "because"/"since" needs
    REASON_SAID_WORDS words after it."""
    n = len(words)
    return any(w in REASON and not (w in MODAL_REASONS and nxt in NOT_HYPOTHETICAL_AFTER)
               and not (w in REASON_OPENERS and n - i - 1 < REASON_SAID_WORDS)
               for i, (w, nxt) in enumerate(zip(words, [*words[1:], ""])))
