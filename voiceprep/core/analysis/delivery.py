"""How the answer sounded: pace, fillers, pauses, repetition, hedges, numbers, STAR structure, ownership.

Every finding carries one plain-English tip. Thresholds come from settings.AnalysisSettings.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from voiceprep.core.analysis.quantities import (
    MULTIPLE,
    UNITS,
    WITH_UNIT,
    clean_said,
    compared,
    ends_clause,
    fractions_of_one,
    numbers_said,
    ratios,
    said_unit,
    word_figure_start,
)
from voiceprep.core.analysis.segments import HYPOTHETICAL, PAST, said_pieces
from voiceprep.core.analysis.text import APPROXIMATE, NUMBER_WORDS, Token, compound, stem, tokenize, written_names
from voiceprep.core.transcript import Transcript, Word
from voiceprep.core.wording import FOLLOW_UP_NOT_FOUND, FOLLOW_UP_NOT_FOUND_TIP, counted
from voiceprep.settings import (
    BACKCHANNELS,
    BARE_COUNT_BELOW,
    FILLED_PAUSES,
    FILLER_LEADER_MIN,
    FILLER_SPELLINGS,
    FILLERS_NOTICEABLE_TIMES,
    HABIT_ZERO_TIMES,
    NUMBERS_LISTED,
    STAR_PREVENTED_CHARS,
    TAIL_QUOTE_WORDS,
    TEAM_STEPS_TIMES,
    AnalysisSettings,
)

_STOP = frozenset([
    "a", "an", "and", "the", "of", "to", "in", "on", "for", "is", "it", "that", "this", "was", "we", "i", "you",
    "so", "with", "as", "at", "be"
])
_LIKE_FILLER_BEFORE = FILLED_PAUSES | frozenset({"was", "were", "is", "and", "but", "so", "just", "it's", "like"})
_KIND_OF_LEGIT_BEFORE = frozenset({"what", "this", "that", "a", "the", "some", "any", "which", "every", "same", "one"})


# walk41 finding 7: words any trade reads (a nurse read "latency, throughput" on her insulin answer)
NUMBERS_TIP = "Add a number: how many, how much, how long or how often, or what it was before and after."


# when something happened, not what it achieved: "two years ago", "three months later", "for two years"
_TIME_UNITS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days"})
_WHEN_AFTER = frozenset({"ago", "later", "earlier", "back", "before", "after"})
_WHEN_BEFORE = frozenset({"past", "last", "next", "first", "over"})
_TENURE = frozenset({"year", "years", "month", "months"})
# a year said bare after these is a date ("in 2019", "back in 2019")
_YEAR_BEFORE = frozenset({"in", "since", "until", "till", "by", "from", "of", "around", "early", "late", "mid", "back",
                          "during"})
# after a determiner a year names a time ("In the 2021 boom", "that 2019 outage": the screenshots' Numbers card listed
# "2021" as a quantified detail), unless a plural or a count-per-head word follows: a count ("Of the 2000 tickets",
# "This 2000 person org": mend52, read49b 4)
_YEAR_DETERMINERS = frozenset({"the", "that", "this"})
_PER_HEAD = frozenset({"person", "strong", "seat", "bed", "member", "user", "head"})
# days and months: capitalised, but a count after one is no version ("On the Saturday two chefs walked out")
_CALENDAR = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                       "february", "march", "april", "may", "june", "july", "august", "september", "october",
                       "november", "december", "christmas", "easter"})
# a number that is part of a name: "Java 8", "Python 3.11", "version 2", "P-99", "HTTP/2"
_NAME_BEFORE = frozenset({"version", "v", "release", "level", "tier", "phase", "step", "round", "stage", "gen",
                          "generation", "number", "no", "chapter", "question", "page", "line", "room", "ward", "bed"})
# a number word or numeral, for "from six hours to twenty minutes"
_NUM = (r"(\d[\d.,]*%?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
        r"forty|fifty|sixty|seventy|eighty|ninety|(a |one )?hundred|(a |one )?thousand|half|a (few|couple))")
_ABOUT = r"(about |around |roughly |over |under |nearly |almost |more than |less than |just )?"
# a measured change (walk15: "Latency came down by about 60 percent and we could handle three times the orders"
# read as no result): "down by a third", "up by 40 percent", "three times the orders", "5x faster", "twice as fast"
_CHANGE = (rf"\b(down|up) by {_ABOUT}({_NUM}|(a |one |two )?(third|quarter|fifth|tenth)s?)\b|"
           rf"\b({_NUM} ?(times|x)|twice) (the|as|more|fewer|less|faster|slower|quicker|cheaper|smaller|bigger|"
           r"larger|higher|lower|better)\b")
STAR_CUES = {
    "situation": r"\b(when i was|at my (previous|last|old)|(in )?my (previous|last|old|former) (role|job|company|team|employer)|"
                 r"the situation|the context|"
                 r"back (then|when)|we had (a|an)\b|there was (a|an)\b|our (team|system|service)|last year|previously|"
                 # "Our nightly reconciliation took six hours", "some of our customers were charged twice"
                 r"our (\w+ ){1,3}(was|were|took|had|kept|used to|would|could not|couldn't|ran)\b)",
    "task": r"\b(my (task|job|goal|role) was|i was (responsible|asked|tasked)|the goal was|the challenge was|"
            r"i needed to|i had to|we needed to|we had to|the problem was|our goal|"
            r"(i|we) wanted to|i set out to|i was (hired|brought in) to|the (ask|aim|issue|brief) was|"
            # what someone else asked of the work: "the product team wanted a response in under fifty milliseconds"
            r"(wanted|needed|asked for|expected|required) (a|an|the|us|me|it|them|every|all)\b|"
            r"(it|this|that|they|everything) (had|needed) to|"
            r"the (bottleneck|requirement|target|deadline|constraint|risk) was|hit a wall)",
    "action": r"\b(i (designed|built|implemented|decided|proposed|led|wrote|introduced|created|chose|moved|changed|"
              r"rewrote|benchmarked|prototyped|set up|added|migrated|drove|owned|started)|so i\b|what i did)",
    "result": r"\b(as a result|the ((measured|end|final|net|overall|real|main) )?results?|resulted in|"
              r"which (led|meant)|in the end|outcome|reduced|improved|increased|cut|saved|dropped|"
              # "latency went down", not "I went up to the office"
              r"went (up|down|from)(?! to (a|an|the|my|our|his|her|their|see|talk|tell)\b)|"
              r"so that|we (shipped|launched|reached)|"
              # "It now runs in 20 minutes", "now it takes seconds", "halved", "from six hours to twenty minutes"
              r"(it|this|that|which|they|everything) now|now,? (it|this|that|they|everything)\b|"
              # "down to 20 minutes", not "it came down to a choice"
              r"halved|doubled|tripled|no longer|down to(?! (a|an|the|my|our|his|her|their|who|what|how|which|whether)\b)|"
              r"fell (to|by|from)|"
              # what the work kept from happening (walk60 10: "prevented ... $200,000 a year of revenue loss" was no
              # result), not what stood in its way ("the lock prevented us from scaling"); within its clause (a comma
              # only inside a figure: "avoided a rewrite, but the outages kept coming" is none) and not denied
              # ("our old rules never prevented fraud": read44a 1)
              r"(?<!never )(?<!not )(?<!n't )(prevented|avoided|averted)\b"
              rf"(?:[^.?!,;]|,(?=\d)){{0,{STAR_PREVENTED_CHARS}}}?\b"
              r"(loss|losses|lost|outages?|downtime|incidents?|"
              r"chargebacks?|fraud|churn|fines?|penalty|penalties|breach|breaches|failures?|errors?|refunds?)\b|"
              rf"from {_ABOUT}{_NUM}\b[^.?!]{{0,40}}?\bto {_ABOUT}{_NUM}\b)|{_CHANGE}",
}
# saying a view is not doing something: "I think", "I guess", "I feel" are neither an action nor ownership
STANCE = frozenset({"think", "thought", "guess", "guessed", "feel", "felt", "believe", "believed", "mean", "meant",
                    "suppose", "supposed", "know", "knew", "assume", "assumed", "reckon", "hope", "hoped", "wonder",
                    "wondered", "suspect", "suspected", "imagine", "imagined", "bet", "figure", "figured"})
# "I wanted to", "I needed to", "I liked" say what was wanted, not what was done
_NOT_DONE = STANCE | frozenset({"wanted", "needed", "liked", "loved", "hated", "enjoyed", "preferred", "wished",
                                "seemed"})
# past tenses of things done that do not end in -ed
DONE_IRREGULAR = frozenset({"built", "rebuilt", "made", "wrote", "rewrote", "led", "ran", "set", "put", "cut", "split",
                            "took", "drove", "found", "got", "brought", "chose", "sent", "spent", "kept", "broke",
                            "began", "did", "gave", "sold", "taught", "told", "met", "paid", "won", "caught", "threw",
                            "shut", "held", "went", "fought", "undid", "laid", "stood", "dug",
                            "sat", "spoke", "read", "rang", "said", "overrode", "withdrew", "undertook", "oversaw", "redid"})
# walk43 finding 3: a story told in the present tense ("I own the redesign. I replace the locks with ..."), as people
# and tiny.en tell them: what "I" does there is a step too. Actions only: not a view ("I think", STANCE), what one
# would do ("I would"), a habit or a role ("I usually", "I always", "I work", "I lead a team") or filler ("I mean")
PRESENT_STEPS = frozenset({
    "own", "replace", "add", "remove", "design", "redesign", "decide", "propose", "profile", "measure", "fix", "change",
    "move", "migrate", "rewrite", "refactor", "rework", "deploy", "ship", "launch", "roll", "test", "call", "email",
    "escalate", "stop", "introduce", "implement", "automate", "trace", "debug", "investigate", "benchmark",
    "plan", "coordinate", "organise", "organize", "convince", "pitch", "present", "pull", "push", "merge", "document",
    "train", "coach", "mentor", "hire", "split", "shard", "partition", "cache", "batch", "switch", "swap", "drop",
    "cut", "track", "contact", "sketch", "prototype", "draft", "schedule", "negotiate", "delegate", "assign", "revert",
    "restore", "patch", "block", "flag", "raise", "spot", "notice", "bisect", "reproduce", "isolate", "compare",
    "analyse", "analyze", "update", "upgrade", "build", "rebuild", "write", "simplify", "optimise", "optimize",
    "tune", "reduce", "set", "put", "bring", "choose", "send", "dig", "pick", "grab", "open",
    "gather", "interview", "survey", "rewire", "redo", "undo", "persuade", "pair", "shadow", "sit", "ring",
    "phone", "message", "pause", "halt", "shut", "lock", "unblock", "review", "audit", "check",
})
# an answer that says what the candidate does as a rule, not a story told in the present ("When something goes wrong I
# act fast, I isolate problems", "I take ownership, I lead from the front": dev2's vague answers)
_HABIT = re.compile(r"^when\b|\b(i (always|usually|normally|typically|generally|often|tend to|try to|like to|would|will|"
                    r"believe)|i'll|i'd|(my|that|this) (approach|process|rule|style|philosophy)|in general|whenever|"
                    r"every time|each time|any time)\b")
_CONDITIONS = frozenset({"when", "whenever", "once", "if", "until", "unless"})
# words said between the subject and the verb: "I also added", "we then moved"
_BETWEEN = frozenset({"also", "then", "first", "finally", "eventually", "quickly", "personally", "later", "just",
                      "immediately", "actually", "basically", "really", "even", "myself", "ourselves", "initially",
                      "originally", "instead", "still", "soon", "carefully", "manually", "together", "once"})
# "just" hedges a view ("I just think", "I just felt"), not "it just returned the first result"
_JUST_HEDGES = STANCE | frozenset({"kind", "sort", "maybe", "wanted", "want", "wondering",
                                   # "I just helped a bit" plays down your part (walkthrough 11)
                                   "helped", "help", "assisted", "supported", "followed", "tagged", "watched"})
_I = frozenset({"i", "i've"})
_WE = frozenset({"we", "we've"})
# a prompt that asks for a story ("Tell me about a time...", "the hardest problem you have solved"), where the
# STAR shape is coached; "Why Airwallex?" or "How would you architect...?" are not stories and are not held to it
STORY_PROMPT = re.compile(
    r"\b(tell me about|describe|walk me through|give (me )?an example|a time (you|when)|a situation|"
    r"you('ve| have)? (built|solved|led|designed|created|implemented|improved|shipped|fixed|debugged|delivered)|"
    # "How did you handle a conflict…" asks what you did (walk50 9); "How would/do you handle…" asks an approach
    r"how (did|have) you (handled?|deal|dealt|approach(ed)?|managed?|resolved?|navigated?|tackled?|respond(ed)?|"
    r"react(ed)?|coped?|overcome|overcame|work(ed)? through|g[eo]t through|go(ne)? about|recover(ed)?)|"
    r"what did you do (when|after|about))\b",
    re.IGNORECASE)
# "Walk me through how a card payment settles" asks for an explanation, not a story: a story prompt names
# something you did ("Walk me through how you designed...", "Describe a time...")
EXPLAIN_PROMPT = re.compile(
    r"\b(walk me through|talk me through|take me through|describe|explain|tell me about)\s+"
    r"(how|what|why|where|when|which|the (difference|way|flow|lifecycle|life cycle|steps))\b", re.IGNORECASE)
_YOU_DID = re.compile(r"\byou(r|'ve| have)?\b(?!'d| would| could| might| should| will)", re.IGNORECASE)


def asks_for_story(prompt_text: str) -> bool:
    """Whether a prompt asks for something the candidate did (coached as Situation, Task, Action, Result)."""
    if not STORY_PROMPT.search(prompt_text):
        return False
    explain = EXPLAIN_PROMPT.search(prompt_text)
    return not explain or bool(_YOU_DID.search(prompt_text, explain.end()))


@dataclass
class Finding:
    name: str
    status: str        # "good", "warn" or "info"
    summary: str
    tip: str


@dataclass
class Delivery:
    duration_s: float | None     # None for typed answers: no timing, so no duration, pace or pauses
    speaking_s: float | None
    target_s: int
    words: int
    wpm: float | None
    fillers: dict[str, Any]
    long_pauses: list[dict[str, Any]]
    repeated_phrases: list[dict[str, Any]]
    hedges: dict[str, Any]
    numbers: list[str]
    star: dict[str, Any]
    ownership: dict[str, Any]
    findings: list[Finding] = field(default_factory=list)
    timed: bool = True
    story: bool = True           # the prompt asks for a story: structure is coached as STAR
    follow_up: bool = False      # an answer to the interviewer's follow-ups: no time target, no STAR asked of it
    complete: bool = False       # the judge credited every key point: a short answer is not told to say more
    points: int = 0              # the key points it was judged on (a drill's: those asked for), set by mark_complete
    missed: list[str] = field(default_factory=list)    # ... the labels of those not credited
    drill: bool = False          # ... asked for by a drill: "every point asked for", not "every key point"
    tail: dict[str, Any] | None = None    # the stretch at its end about something else (`off_topic_tail`), if any

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# one way a word is read as said, for the card's spans and `numbers_said` (cached there: perf35, perf44b)
_clean = clean_said


# a sentence that opens with "so" and goes straight on ("So one thread now owns the book", "So we cached it") joins
# what was done to its cause, as ", so" does: a filler only as a discourse word, "So, um," "So uh" "So yeah." (and
# as an answer's first word, which joins nothing); walkthrough 14
_DISCOURSE = FILLED_PAUSES | frozenset({"yeah", "yes", "okay", "ok", "well", "anyway",
                        "basically", "actually", "like", "so", "right"})
# "I think of a platform as plumbing", "I think about latency a lot", "I believe in testing": what you think of or
# about, not a hedge ("I think maybe we" is one); walkthrough 14
_NOT_HEDGES = frozenset({("i think", "of"), ("i think", "about"), ("i believe", "in")})


def _discourse_so(words: list[str], raw: list[str], i: int) -> bool:
    """Whether the sentence-opening "so" at `i` is a discourse word: a comma or the sentence's end after it, or
    another discourse word."""
    return bool(re.search(r"[,.?!]$", raw[i].strip())) or i + 1 >= len(words) or words[i + 1] in _DISCOURSE


@lru_cache(maxsize=64)
def _by_first_word(phrases: tuple[str, ...]) -> dict[str, list[tuple[str, list[str]]]]:
    """The phrases by their first word, each with its words, longest first (ties in the given order): the order
    `_phrase_hits` tries them in, sorted once per list of phrases instead of once per word of every answer."""
    out: dict[str, list[tuple[str, list[str]]]] = {}
    for phrase in sorted(phrases, key=lambda p: -len(p.split())):
        parts = phrase.split()
        out.setdefault(parts[0] if parts else "", []).append((phrase, parts))
    return out


def _phrase_hits(words: list[str], raw: list[str], phrases: tuple[str, ...]) -> list[tuple[str, int]]:
    """(phrase, word index) for each occurrence of the given filler/hedge phrases, with context rules; the longest
    phrase that starts at a word ("seems like", not "seems"), and none inside another."""
    hits: list[tuple[str, int]] = []
    by_first = _by_first_word(phrases)
    for i in range(len(words)):
        if hits and i < hits[-1][1] + len(hits[-1][0].split()):
            continue
        for phrase, parts in by_first.get(words[i], []) + by_first.get("", []):   # "": a blank phrase, said anywhere
            if words[i:i + len(parts)] != parts:
                continue
            prev = words[i - 1] if i else ""
            nxt = words[i + len(parts)] if i + len(parts) < len(words) else ""
            sentence_start = i == 0 or bool(re.search(r"[.?!]$", raw[i - 1].strip()))
            if phrase == "like":
                after_comma = i and raw[i - 1].strip().endswith(",")
                before_comma = raw[i].strip().endswith(",")
                if not (prev in _LIKE_FILLER_BEFORE or after_comma or before_comma or sentence_start):
                    continue
            elif (phrase in ("kind of", "sort of") and prev in _KIND_OF_LEGIT_BEFORE
                  or phrase == "so" and not (i == 0 or sentence_start and _discourse_so(words, raw, i))
                  or phrase == "just" and (i + 1 >= len(words) or words[i + 1] not in _JUST_HEDGES)
                  or (phrase, nxt) in _NOT_HEDGES):
                continue      # "it just returned the first result" is "only", not a hedge; "I just think" is one
            hits.append((phrase, i))
            break
    return hits


def _covered(hits: list[tuple[str, int]]) -> list[int]:
    """Every word index the hits' phrases cover, so the transcript marks "I think", not its "I" (walk18)."""
    return [i + k for phrase, i in hits for k in range(len(phrase.split()))]


# a quantity and what goes with it: "from 40 minutes to 90 seconds ... from 40 minutes to 2 minutes" says a number
# twice on purpose (before and after, target and result), "p99", "requests per second": not a verbal tic
_NUMBER_RE = re.compile(r"[$£€]?\d[\d.,]*(%|x|k|m|ms|s|th|st|nd|rd)?|(" + "|".join(
    sorted(NUMBER_WORDS, key=len, reverse=True)) + ")+")
_MEASURE_WORDS = APPROXIMATE | {"per", "country", "currency", "percentage", "from", "to", "by", "under", "over", "than",
                               "within", "below", "above", "up", "down"}


def _measure_word(token: str) -> bool:
    return (token in _STOP or token in UNITS or token + "s" in UNITS or token in _MEASURE_WORDS or len(token) == 1
            or _NUMBER_RE.fullmatch(token) is not None)


def _a_measure(toks: list[str]) -> bool:
    """A phrase that only says a quantity: measure words with a number or a rate in them ("40 minutes to",
    "requests per second"), not "our customers, our customers" (review 12: "customers" is a unit word)."""
    return all(map(_measure_word, toks)) and any(t == "per" or _NUMBER_RE.fullmatch(t) is not None for t in toks)


# single-word fillers: no word of a repeated phrase of its own ("i guess um" said twice is no repetition)
_FILLER_WORDS = FILLED_PAUSES | frozenset({"like", "so", "basically", "actually", "literally"})


_LIST_JOINS = frozenset({"and", "or", "but", "then"})


def _openings(raw: list[str], words: list[str]) -> set[int]:
    """Word indices that open a sentence or clause: first, after a comma or a stop, or after "and" (", and we")."""
    def after_stop(i: int) -> bool:
        return i <= 0 or ends_clause(raw[i - 1])
    return {i for i in range(len(words)) if after_stop(i) or words[i - 1] in _LIST_JOINS and after_stop(i - 1)}


def _repeated(raw: list[str], words: list[str], min_n: int) -> list[dict[str, Any]]:
    """Phrases of `min_n` words or more said more than once. Not a list told in parallel, each item opening its own
    clause and going on in its own words ("we measured the queue depth, we measured the error rate, and we measured
    the p99", walk24)."""
    found: dict[str, int] = {}
    openings = _openings(raw, words)
    for n in range(6, min_n - 1, -1):
        at: dict[str, list[int]] = {}
        for i in range(len(words) - n + 1):
            at.setdefault(" ".join(words[i:i + n]), []).append(i)
        for gram, spots in at.items():
            toks, count = gram.split(), len(spots)
            # "i guess um" is a hedge and a filler said twice, not a phrase repeated (walkthrough 11)
            if count < 2 or sum(t not in _STOP and t not in _FILLER_WORDS for t in toks) < 2 or _a_measure(toks):
                continue
            if all(i in openings and not ends_clause(raw[i + n - 1]) for i in spots):
                continue        # each opens a clause that goes on differently; a clause said twice is a repeat
            if any(gram in longer for longer in found):
                continue
            found[gram] = count
    return [{"phrase": g, "count": c} for g, c in sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))][:8]


def _verb_after(words: list[str], i: int) -> int | None:
    """Index of the verb after the subject at `i`, past an adverb or two ("I also added", "we then moved")."""
    j = i + 1
    while j < len(words) and j - i <= 2 and words[j] in _BETWEEN:
        j += 1
    return j if j < len(words) else None


def _done_by(words: list[str], subjects: frozenset[str], present: frozenset[str] = frozenset()) -> list[int]:
    """Word indices where a subject says it did something ("I added", "we also moved", "I built", or a verb of
    `present` as said: "I replace"); not "I think", "I wanted to" or "I was"."""
    out = []
    for i, w in enumerate(words):
        j = _verb_after(words, i) if w in subjects else None
        if j is None:
            continue
        verb, nxt = words[j], words[j + 1] if j + 1 < len(words) else ""
        if verb in _NOT_DONE or verb == "used" and nxt == "to":
            continue
        if verb in DONE_IRREGULAR or len(verb) > 3 and verb.endswith("ed") or verb in present:
            out.append(i)
    return out


# "I learned a lot", "I went home", "I got there": said with "I", but no step taken in the work ("I went through
# the traces", "I got a float nurse" are)
_NOT_A_STEP = frozenset({"learned", "learnt", "realised", "realized", "enjoyed", "wondered", "happened"})
_NOT_A_STEP_BEFORE = {"went": {"home", "there", "back", "on", "quiet"}, "got": {"there", "home", "back", "lucky", "bored",
                                                                            "tired", "used", "better", "sick"},
                      "came": {"home", "there", "back", "in", "across", "to"}}
# someone other than the candidate doing the work: "the team looked at", "my manager drove it"
_OTHERS = frozenset({"team", "teams", "manager", "managers", "lead", "boss", "colleague", "colleagues", "cto",
                     "architect", "director", "engineers"})
_DISOWNED = re.compile(
    r"\bi (wasn't|was not|didn't|did not|never|had no) (really |actually |directly |personally |much |that )*"
    r"(involved|part of|a part of|own|lead|drive|do (much|it|that|anything)|work on|take part|role)\b|"
    r"\b(it|that|this) (wasn't|was not) (really )?(my|me)\b", re.IGNORECASE)


# "I was the lead on rebuilding checkout", "I was the tech lead": a part the candidate played, said as their role
_ROLE_WORDS = frozenset({"tech", "technical", "team", "project", "engineering"})
_ROLES = frozenset({"lead", "owner"})
# "We also turned on idempotency keys": the verb's particle is part of the step ("turned on", not "turned")
_PARTICLES = frozenset({"on", "off", "up", "down", "out", "back", "over", "away"})


def held_roles(clean: list[str]) -> list[tuple[int, int]]:
    """The spans where the candidate says the role they held ("I was the lead", "I was the tech lead"): the one reader
    of a role held, for the Ownership card and for the judge's role points (`AnswerJudge`, walk66 2)."""
    out = []
    for i in range(len(clean) - 2):
        if clean[i] != "i" or clean[i + 1] != "was":
            continue
        j = i + 2 + (clean[i + 2] in ("the", "a"))
        j += j < len(clean) and clean[j] in _ROLE_WORDS
        if j < len(clean) and clean[j] in _ROLES:
            out.append((i, j))
    return out


def _steps(raw: list[str], clean: list[str]) -> tuple[list[str], list[str]]:
    """What the answer says the candidate did ("I profiled", "I added", the role they held: "I was the lead") and
    what others did ("we went", "the team looked"), quoted as said. "I've built many...", "if I designed it", "I
    learned a lot" are no step taken."""
    def words(i: int, j: int) -> str:
        return " ".join(w.strip(" ,.;:!?\"“”") for w in raw[i:j + 1])

    def quote(i: int) -> str:
        j = _verb_after(clean, i)
        j = j if j is not None else i
        if j + 1 < len(clean) and clean[j + 1] in _PARTICLES and not raw[j].endswith((",", ".", ";", ":", "!", "?")):
            j += 1
        return words(i, j)

    def step(i: int) -> bool:
        j = _verb_after(clean, i) or i
        after = clean[j + 1] if j + 1 < len(clean) else ""
        return (i == 0 or clean[i - 1] != "if") and clean[j] not in _NOT_A_STEP \
            and after not in _NOT_A_STEP_BEFORE.get(clean[j], ())

    def told(i: int) -> bool:
        """A step said in the present is one of a story told so, not a habit: no "I always", "my approach", "I try
        to" in the answer, no "when", "once", "if" earlier in its sentence ("Once I find the cause, I fix it"), not
        "I still ring him"."""
        j = _verb_after(clean, i) or i
        if clean[j] not in PRESENT_STEPS or clean[j] in DONE_IRREGULAR:
            return True                                 # said in the past ("I replaced", "I set up")
        if habit or "still" in clean[i + 1:j]:
            return False
        start = max((k + 1 for k in range(i) if raw[k].rstrip("\"'”)").endswith((".", "?", "!", ";"))), default=0)
        return not _CONDITIONS.intersection(clean[start:i])

    habit = bool(_HABIT.search(" ".join(clean)))
    own = [words(i, j) for i, j in held_roles(clean)] + [quote(i) for i in _done_by(clean, frozenset({"i"}), PRESENT_STEPS)
                                                       if step(i) and told(i)]
    others = [quote(i) for i in _done_by(clean, _WE)]
    others += [raw[i - 1].strip(" ,.;:").lower() + " " + quote(i) for i in _done_by(clean, _OTHERS)
               if i and clean[i - 1] in ("the", "my", "our", "another", "other", "their")]
    return own, others


def _stance(words: list[str], i: int) -> bool:
    """Whether the "I" at `i` says a view ("I think", "I really feel"), not something done."""
    j = _verb_after(words, i)
    return j is not None and words[j] in STANCE


def _quantities(raw: list[str], numbers: frozenset[int] | None = None) -> list[str]:
    """Numbers said in the answer (`quantities.numbers_said`) with their unit, quoted as spoken ("forty percent", "3x
    faster", "4,000", "2 million users", "under a millisecond"), and changes said as a ratio ("doubled", "dropped by
    half", "twice as fast"), each when it measures something (`_measured`, not a small bare count). `numbers`: those
    the judge already read in these words (`analyze_answer`), used when no piece is joined here."""
    said_raw = said_pieces(raw)
    tokens = tokenize(said_raw)
    said = numbers if numbers is not None and said_raw == raw else numbers_said(said_raw, tokens)
    raw = said_raw
    spans: list[tuple[int, int]] = []
    said_up_to = -1                              # the last word already quoted in a quantity
    for i, t in enumerate(tokens):
        if t.word <= said_up_to or t.word not in said or t.norm == "1" and not (
                i + 1 < len(tokens) and said_unit(tokens[i + 1].norm)):
            continue                         # "one of them": no number; "one percent", "two milliseconds" (walk20)
        if not (t.is_number or t.norm in NUMBER_WORDS):
            continue                         # a word of a figure said in words or of a ratio: below
        last = t.word
        while last + 1 < len(raw) and (_clean(raw[last + 1]) in NUMBER_WORDS or _clean(raw[last + 1]) == "and" and (
                last + 2 < len(raw) and _clean(raw[last + 2]) in NUMBER_WORDS and _clean(raw[last]) in _SCALE_WORDS
                and not ends_clause(raw[last]))):
            last += 1                        # "2 million", "two hundred and fifty": one quantity, several words
        after = next((u for u in tokens[i + 1:] if u.word > last), None)
        unit = after is not None and said_unit(after.norm)
        if unit and after is not None:
            last = after.word
        if MULTIPLE.fullmatch(_clean(raw[last])):
            last = compared(raw, last)       # "3x faster", "ten times fewer", "three times as many"
        said_up_to = last
        if _measured(raw, t.word, last, unit) and not _bare_count(raw, t, last, unit):
            # "a thousand users", "a hundred and fifty": the "a" is the figure's 1 (fixBB: quoted "thousand users")
            a = t.word - 1 if t.word and _clean(raw[t.word]) in _SCALE_WORDS and _clean(raw[t.word - 1]) in ("a", "an") \
                and not ends_clause(raw[t.word - 1]) else t.word
            spans.append((a, last))
    for k, t in enumerate(tokens):           # "under a millisecond", "sub-millisecond": from its bound to its unit
        if t.word in said and not t.is_number and (first := word_figure_start(tokens, k)) is not None \
                and not any(a <= t.word <= b for a, b in spans):
            spans.append((first, t.word))
    for i, w in enumerate(raw):
        if i > said_up_to and i in said and WITH_UNIT.fullmatch(_clean(w)) and not any(a <= i <= b for a, b in spans):
            spans.append((i, i))             # "2GB", "500rps", "10TB": a number and its unit in one word
    cleaned = [_clean(w) for w in raw]
    for first, last in fractions_of_one(raw) + ratios(cleaned):     # "half a point"; "doubled", "cut it in half"
        if any(re.search(r"[.;:!?]$", raw[j].strip()) for j in range(first, last)):
            continue                         # across a sentence: "twice. The decision" (walk60 10) is no ratio
        inside = [(a, b) for a, b in spans if first <= a and b <= last]    # "by a factor of two": the change, not "two"
        if not any(a <= last and first <= b for a, b in spans if (a, b) not in inside):
            spans = [s for s in spans if s not in inside] + [(first, last)]
    # a number said again without its unit is the same quantity ("80 milliseconds ... from about 80 down to 5
    # milliseconds": walkthrough 10 listed "80 milliseconds, 80, 5 milliseconds"), not one that counts a thing of its
    # own, quoted with it ("leaving in three weeks … from three restarts a day to none": walk63 9 listed "three weeks")
    value = {t.word: t.norm for t in tokens if t.is_number}
    with_unit = {value.get(w) for a, b in spans if b > a for w in range(a, b + 1)} - {None}
    out: list[str] = []
    for first, last in sorted(spans):
        if first == last and value.get(first) in with_unit:
            through = _counted_through(raw, first)
            if through is None:
                continue
            last = through
        phrase = _COMPOUND.sub(lambda m: compound(m[1], m[2]) or m[0],
                               " ".join(w.strip() for w in raw[first:last + 1]).strip(" ,.;"))
        if phrase and phrase.lower() not in (o.lower() for o in out):   # each figure once, however often said (walk56)
            out.append(phrase)
    return out


# the number words a figure said with "a" starts with ("a hundred", "a thousand"), and after which an "and" goes on
# with it ("a hundred and fifty")
_SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion"})
# "100 and 50": whisper's digits for "one hundred and fifty", quoted as the one number said (text.compound)
_COMPOUND = re.compile(r"\b(\d+) and (\d+)\b")
# words that make a bare number one end of a change or a comparison: "from two to five", "down to 3", "fewer than 4",
# "no burns, against six the year before"
_CHANGE_BEFORE = frozenset({"from", "to", "by", "than", "against", "versus", "vs", "under", "below", "over", "above", "only",
                            "just"})
_CHANGE_AFTER = frozenset({"to", "down", "up", "out", "percent"})


# words after a bare number that are no thing it counts ("from about 80 down to 5", "80 or so", "3 before")
_NOT_COUNTED = _STOP | _CHANGE_BEFORE | _CHANGE_AFTER | _WHEN_AFTER | frozenset({
    "or", "times", "more", "less", "fewer", "then", "now", "again", "each", "per", "every", "instead", "total", "other",
    "others"})


def _counts_its_own(raw: list[str], i: int) -> bool:
    """Whether the bare number at word `i` is followed, in its clause, by a word it counts ("three restarts a day"),
    not by the rest of a change ("80 down to 5") or nothing."""
    if i + 1 >= len(raw) or ends_clause(raw[i]):
        return False
    after = _clean(raw[i + 1])
    # not an adverb, a verb or a preposition: "down to 200 consistently", "80 became 5", "at 80 across" (read48d 3)
    return (after.isalpha() and len(after) >= 3 and after not in NUMBER_WORDS and after not in _NOT_COUNTED
            and not after.endswith(("ly", "ed")) and after not in PAST and after not in _PREPOSITIONS)


def _counted_through(raw: list[str], i: int) -> int | None:
    """The last word of the thing the bare repeat at `i` counts, or None: "three restarts", and through
    a participle before its plural noun, "3 dedicated servers", "5 affected customers" (read48e 7; not "80 remained
    stable")."""
    if _counts_its_own(raw, i):
        return i + 1
    if i + 2 >= len(raw) or ends_clause(raw[i]) or ends_clause(raw[i + 1]):
        return None
    mid, noun = _clean(raw[i + 1]), _clean(raw[i + 2])
    if (mid.isalpha() and mid.endswith("ed") and mid not in PAST and noun.isalpha() and len(noun) > 3
            and noun.endswith("s") and not noun.endswith("ss") and noun not in _NOT_COUNTED and noun not in _PREPOSITIONS):
        return i + 2
    return None


def _bare_count(raw: list[str], t: Token, last: int, unit: bool) -> bool:
    """Whether the number at `t` is a small count said alone: below BARE_COUNT_BELOW, with no unit, in no change or
    comparison and giving no size (`_gives_size`): "One or two people had looked at it", "two locks", "It took two of
    us a week" (review33 7: every spoken "two" was a quantified detail once "two" read as 2), where "from two to five
    incidents", "two hours" and "3 nurses called in sick" still count."""
    if unit or last != t.word or not t.norm.isdigit() or int(t.norm) >= BARE_COUNT_BELOW:
        return False
    before = [_clean(w) for w in raw[max(0, t.word - 2):t.word]]
    nxt = _clean(raw[last + 1]) if last + 1 < len(raw) else ""
    return not (any(w in _CHANGE_BEFORE for w in before) or nxt in _CHANGE_AFTER or _gives_size(raw, t.word))


# what a count has, is or loses: "we had 4 nurses", "there were three of us", "we lost two calves", "a ward with 3"
_HAVING = frozenset({"had", "have", "has", "having", "lost", "lose", "loses", "losing", "were", "was", "are", "is",
                     "been", "being", "with", "without", "short", "hired", "we've", "they've", "i've", "there's"})
# said between the verb and its count: "we had only about 4", "we lost another two", "there were all of 3"
_COUNT_MODIFIERS = APPROXIMATE | {"maybe", "another", "the", "our", "my", "their", "his", "her", "all", "those", "these",
                                 "exactly", "barely", "still", "now", "probably", "perhaps", "some", "like"}
# a group whose size the count gives: "a team of four", "a herd of 6", "a brigade of five"
_GROUPS = frozenset({"team", "group", "crew", "staff", "shift", "ward", "herd", "flock", "brigade", "squad", "family",
                     "class", "unit", "department", "kitchen", "section", "panel", "board", "committee", "cohort",
                     "litter", "party", "band", "household", "pod", "team's"})
# a count that lists what the speaker is about to say, grammar, not a size: "two things", "three reasons"
_ENUMERATING = frozenset({"things", "thing", "reasons", "ways", "points", "parts", "steps", "options", "choices",
                          "ideas", "lessons", "questions", "sides", "kinds", "types", "aspects", "examples", "goals",
                          "approaches", "words", "takeaways", "stages", "phases", "bits", "main", "key", "big"})
# a word that opens a clause, so a count after it is (part of) the clause's subject: "when three nurses called in"
_CLAUSE_OPENERS = frozenset({"and", "but", "when", "because", "while", "since", "after", "until", "where", "so",
                             "then", "though", "although", "if", "once", "whereas", "plus"})
# said straight after a clause's subject: its verb ("3 nurses called in sick", "two of the six pumps failed")
_SUBJECT_VERBS = frozenset({"were", "was", "are", "is", "had", "have", "has", "did", "do", "does", "could", "couldn't",
                            "would", "wouldn't", "can", "can't", "will", "won't", "weren't", "wasn't", "didn't",
                            "came", "left", "quit", "fell", "got", "rang", "stayed", "worked", "needed", "went", "ran",
                            "covered", "handled", "shared", "took", "died", "calved", "walked", "phoned", "turned"})
# "two of us", "two of the six pumps", "three of our cows"
_PARTITIVE = frozenset({"us", "them", "you", "the", "our", "my", "their", "those", "these", "his", "her", "its",
                        "whom", "which"})
_PREPOSITIONS = frozenset({"between", "of", "in", "on", "at", "for", "from", "into", "onto", "across", "over", "under",
                           "by", "about", "through", "among", "behind", "after", "before", "during", "within", "per"})
_PRONOUNS = frozenset({"i", "we", "you", "they", "he", "she", "it", "that", "which", "who", "this"})
# "4 of us for 28 patients", "one nurse per eight beds", "two of the six pumps", "3 out of 5 cows"
_RATIO_WORDS = frozenset({"for", "per", "to", "of", "between", "across", "among", "covering"})


def _number_word(word: str) -> bool:
    return word[:1].isdigit() or word in NUMBER_WORDS and word != "point"


# what a speaker has or talks with in their own life, not a size of the situation: "I have two kids", "I had two
# conversations with him" (review34 6)
_PERSONAL = frozenset({"kids", "kid", "children", "child", "sons", "daughters", "boys", "girls", "brothers", "sisters",
                       "siblings", "cousins", "grandchildren", "grandkids", "dogs", "cats", "pets", "friends",
                       "calls", "interviews", "jobs", "degrees", "coffees", "drinks", "languages", "hobbies",
                       "weddings", "holidays", "cars", "houses"})
# talks had, whoever had them: "we had two conversations with the vendor" is how often, not how big
_TALKS = frozenset({"conversations", "chats", "talks", "discussions", "meetings", "arguments"})
_BE = frozenset({"was", "were", "am", "is", "are", "been", "being"})
# said between a subject and its verb: "I also had", "I still have", "I've only got"
_SUBJECT_ADVERBS = frozenset({"also", "still", "just", "only", "already", "actually", "really", "then", "both", "all",
                              "even", "once"})


def _own_company(clean: list[str], ends: list[bool], j: int, i: int) -> bool:
    """Whether the count at clean[i], after the having word clean[j], is the speaker's own life or company, not a size
    of the situation (review34 6): "I have two kids", "I had two conversations with him", "I was with two colleagues"
    (company kept, not a size), talks had by anyone ("we had two meetings"), where "we had 4 nurses", "I had 4 nurses
    on my shift", "we were two people short", "the aide had six other patients" and "we had two kids with burns on
    the ward" are sizes. The subject is the word before the verb, past adverbs said between."""
    if clean[j] == "with":
        return j > 0 and not ends[j - 1] and clean[j - 1] in _BE            # "I was with two colleagues"
    noun = next((w for w, end in zip(clean[i + 1:i + 3], ends[i + 1:i + 3]) if w in _PERSONAL | _TALKS or end), "")
    if noun in _TALKS:
        return True
    if noun not in _PERSONAL:
        return False
    if clean[j] in ("i've", "i'd"):
        return True                                                          # "I've two kids"
    k = j - 1
    while k >= 0 and clean[k] in _SUBJECT_ADVERBS and not ends[k]:
        k -= 1
    return k >= 0 and not ends[k] and clean[k] == "i"                        # "I have two kids", not "we had two kids"


def _gives_size(raw: list[str], i: int) -> bool:
    """Whether the small count at raw[i] gives the size of the situation (fixAK): what a clause has, is or loses
    ("we had 4 engineers", "there were three of us", "we lost two calves", "down to 3 nurses" is a change), a group's
    size ("a team of four"), a count set against another count ("4 of us for 28 patients", "two of the six pumps"),
    or a clause's subject, a count with its noun and then a verb ("3 nurses called in sick", "and two of the heifers
    went lame"). Not a count that is only grammar: an estimate ("one or two people had looked"), a list to come ("two
    things I learned"), a count a verb of doing takes ("The job took two locks", "It took two of us a week") or a
    preposition ("between two regions"). A small rule, not a parser: spaCy's tagger needs a model this project does
    not ship."""
    clean = [_clean(w) for w in raw]
    prev, nxt = (clean[i - 1] if i else ""), (clean[i + 1] if i + 1 < len(clean) else "")
    if "or" in (prev, nxt) or nxt in _ENUMERATING:
        return False                                     # "one or two", "two or so", "two things"
    ends = [ends_clause(w) for w in raw]
    j = i - 1
    while j >= 0 and clean[j] in _COUNT_MODIFIERS and not ends[j]:
        j -= 1
    if j >= 0 and not ends[j] and (clean[j] in _HAVING and not _own_company(clean, ends, j, i)
                                   or clean[j] == "of" and j and clean[j - 1] in _GROUPS):
        return True
    at = i - 2 if i > 1 and prev in _PARTITIVE and clean[i - 2] == "of" else i - 1
    if at >= 0 and clean[at] in _RATIO_WORDS and any(
            _number_word(clean[k]) for k in range(max(0, at - 4), at) if not any(ends[k:at])):
        return True                                      # the whole: "two of the six pumps", "4 of us for 8 beds"
    for k in range(i + 1, min(i + 6, len(clean) - 1)):  # a count against another in the same clause
        if ends[k - 1]:
            break
        if clean[k] in _RATIO_WORDS and not ends[k]:
            at = k + 2 if clean[k] == "of" and clean[k + 1] in _PARTITIVE else k + 1
            if at < len(clean) and _number_word(clean[at]) and (at == k + 1 or not ends[k + 1]):
                return True
        if clean[k] == "out" and clean[k + 1] == "of" and k + 2 < len(clean) and _number_word(clean[k + 2]):
            return True
    if nxt == "of" and i + 2 < len(clean) and clean[i + 2] in _PARTITIVE and (
            i == 0 or ends[i - 1] or prev in _CLAUSE_OPENERS):
        return True                                      # "Four of us covered", "and 4 of us on shift"
    if prev in _PREPOSITIONS:
        return False                                     # "the network between two regions went bad": no subject
    for k in range(i + 1, min(i + 4, len(clean))):       # "3 nurses called in sick", "two night nurses were off"
        w = clean[k]
        if k > i + 1 and (w in _SUBJECT_VERBS or w in DONE_IRREGULAR or len(w) > 4 and w.endswith("ed")):
            return True                                  # not "two bugs I fixed": its subject is "I"
        if ends[k] or w in _PRONOUNS or w in _STOP or w in _CLAUSE_OPENERS:
            break                                        # "two suppliers and booked": not its verb
    return False


def _counts_after(raw: list[str], last: int) -> bool:
    """Whether the word after a year-like number said after a determiner makes it a count: a plural ("the 2000
    tickets") or a count-per-head word ("this 2000 person org"), said in the same sentence."""
    if last + 1 >= len(raw) or re.search(r"[.!?;:,]$", raw[last].strip()):
        return False
    nxt = _clean(raw[last + 1])
    return nxt in _PER_HEAD or len(nxt) > 3 and nxt.endswith("s") and not nxt.endswith(("ss", "us", "is"))


def _measured(raw: list[str], first: int, last: int, unit: bool) -> bool:
    """Whether the number said in raw[first..last] measures something (a result, a size, a time taken), not when
    something happened ("two years ago, or three", "for three years", "in 2019") or a name ("P-99", "Java 8")."""
    word = raw[first].strip()
    before = [_clean(w) for w in raw[max(0, first - 3):first]]
    nxt = _clean(raw[last + 1]) if last + 1 < len(raw) else ""
    if re.search(r"[A-Za-z][-/]?\d|^\d+-[A-Za-z]$", word.strip(".,;:!?")):
        return False                     # "P-99", "HTTP/2", "v2", "3-D Secure": a name with a number in it
    unit_word, prev_word = _clean(raw[last]), before[-1] if before else ""
    # how long a result took (walk48 5), not how long a plan will take ("I'll roll it out over the next three months")
    span = before[-3:] in (["over", "the", "next"], ["within", "the", "next"]) and not _planned(raw, first)
    if unit_word in _TIME_UNITS and (nxt in _WHEN_AFTER or prev_word in _WHEN_BEFORE and not span
                                     or prev_word == "for" and unit_word in _TENURE):
        return False       # "two years ago", "three months later", "the past six weeks", "for eight years" (not
        #                    "logs kept for seven days": a retention is a measure)
    if before[-2:-1] and before[-2] in _WHEN_AFTER and prev_word in ("or", "and", "maybe", "to"):
        return False                     # "two years ago, or three"
    if unit:
        return True
    if re.fullmatch(r"(19|20)\d\d", word.strip(".,;:!?")) and before[-1:] and (
            before[-1] in _YEAR_BEFORE or before[-1] in _YEAR_DETERMINERS and not _counts_after(raw, last)):
        return False                     # "in 2019", "the 2021 boom": a date; not "the 2000 tickets": a count
    if before[-1:] and before[-1] in _NAME_BEFORE:
        return False                     # "version 3", "step 2"
    prev = raw[first - 1].strip() if first else ""
    # "Java 8", "Postgres 14": a bare number right after a name (`written_names`: a capitalised word inside the
    # sentence, not its first, nor the first after a colon or a quote, "The plan: When two chefs..."; not a day or a
    # month: "On the Saturday two chefs walked out")
    return not (first and written_names(tuple(raw))[first - 1] and prev.strip(",;").isalpha()
                and prev.strip(",;").lower() not in _CALENDAR)


# what makes a sentence a plan: "we'll", "I'm gonna", "the plan is", "I'd", "we want to"
_PLAN_WORDS = HYPOTHETICAL | {"will", "i'll", "we'll", "they'll", "it'll", "gonna", "want", "wants", "intend"}


def _planned(raw: list[str], i: int) -> bool:
    """Whether the number at raw[i] is said in a plan: a word of one (`_PLAN_WORDS`) earlier in its sentence."""
    start = max((k + 1 for k in range(i) if re.search(r"[.!?;]$", raw[k].strip())), default=0)
    return any(_clean(w) in _PLAN_WORDS for w in raw[start:i])


# a key point's label that names the result in its heading: "The measured result, with numbers: ...", "Outcome: ...",
# "Quantify the impact: ...", "The fix and the measured result"; not "The symptom and its impact" (the scene) or
# "Infra work with direct business impact" (what a job offers)
_NAMES_RESULT = re.compile(r"^([^:,;]*?\b(the|your|a|an)\s+)?(\w+\s+){0,2}?(results?|outcomes?|impact)\b",
                           re.IGNORECASE)


def star_part(label: str) -> str | None:
    """The STAR part a key point's label reads as, the latest one when it reads as several ("I cut the job from
    six hours to twenty minutes" is the result), or None ("Authorization and capture are separate steps")."""
    parts = [part for part, pattern in STAR_CUES.items() if re.search(pattern, label, re.IGNORECASE)]
    if _NAMES_RESULT.search(label):
        parts.append("result")
    words = [_clean(w) for w in label.split()]
    if "action" not in parts and _done_by(words, _I | _WE):
        parts.append("action")
    order = list(STAR_CUES)
    return max(parts, key=order.index) if parts else None


_SCENE = re.compile(r"\b(was|were|took|had|kept|used to|would)\b", re.IGNORECASE)
# an opening told in the past sets the scene too: "One Monday our checkout API started timing out"
_SCENE_PAST = re.compile(r"\b(\w{2,}ed|" + "|".join(sorted(DONE_IRREGULAR)) + r")\b", re.IGNORECASE)


def _star(text: str, extra: dict[str, list[int]] | None = None) -> dict[str, Any]:
    """Which STAR parts are present, and whether they can be read in order (each after the previous).

    `extra` adds where a part was said without a cue: actions found by their verb ("I partitioned the table"),
    key points the judge credited ("It now runs in twenty minutes" for "I cut the job to twenty minutes")."""
    found = {part: [m.start() for m in re.finditer(pattern, text, re.IGNORECASE)] for part, pattern in STAR_CUES.items()}
    for part, spots in (extra or {}).items():
        found[part] = sorted(set(found[part]) | set(spots))
    if not found["situation"]:
        # a sentence that sets the scene in the past, with no action or result in it and before the result:
        # "Reconciliation was slow.", "Sure. One Monday our checkout API started timing out..."
        first_result = min(found["result"], default=len(text))
        for m in re.finditer(r"[^.?!]+[.?!]*", text):
            if m.start() >= first_result:
                break
            inside = any(m.start() <= p < m.end() for part in ("action", "result") for p in found[part])
            if not inside and (_SCENE.search(m.group()) or _SCENE_PAST.search(m.group())):
                found["situation"] = [m.start()]
                break
    implied = []
    if not found["task"] and found["situation"] and any(p > min(found["situation"]) for p in found["action"]):
        # the scene set up a problem and the candidate acted on it: the goal is implied, as interviewers read it
        found["task"] = [min(found["situation"]) + 1]
        implied.append("task")
    positions: dict[str, int | None] = {}
    in_order, last = True, -1
    for part, spots in found.items():
        if not spots:
            positions[part] = None
            continue
        after = [p for p in spots if p > last]
        in_order = in_order and bool(after)
        here = after[0] if after else spots[0]
        positions[part] = here
        last = here
    present = [p for p in STAR_CUES if positions[p] is not None]
    return {"present": present, "missing": [p for p in STAR_CUES if positions[p] is None],
            "in_order": in_order, "positions": positions, "implied": implied}


def backchannels_out(raw: Sequence[str], clean: Sequence[str]) -> list[str]:
    """`clean` (the words `raw` cleaned) with each backchannel's words blanked ("" counts as no filler): "Mm-hmm",
    and its halves where Whisper's word timings split it ("Mm", "-hmm.": a word beginning with "-" goes on the word
    before it, in the same segment or the next window's: walk58 finding 3, "hmm" coached as a filler)."""
    out = list(clean)
    for i, (word, said) in enumerate(zip(raw, clean, strict=True)):
        if said in BACKCHANNELS:
            out[i] = ""
        elif i and word.lstrip().startswith("-") and clean[i - 1] + said in BACKCHANNELS:
            out[i - 1] = out[i] = ""
    return out


def analyze_delivery(transcript: Transcript, target_s: int, settings: AnalysisSettings,
                     timed: bool = True, story: bool = True,
                     credited: Sequence[tuple[str, int | None]] = (), follow_up: bool = False,
                     said_numbers: frozenset[int] | None = None) -> Delivery:
    """Delivery metrics for one answer. `timed` is False for typed answers (no pace or pauses); `story` is False
    when the prompt does not ask for a story (its structure is then not held to STAR); `follow_up`: the answer
    answers the interviewer's follow-ups, short by nature (walkthrough 10: a 20 s follow-up answer was "Short for
    the time you have" against the question's 120 s and "STAR: no situation, task"): no time target, no STAR.

    `credited` lists the key points the judge credited, as (label, index in `transcript.words()` where it was
    said, or None): a credited key point that reads as a STAR part counts as that part, so the structure card
    never says "no result" next to a result the judge credited. Whether the judge credited every key point (a short
    answer is then told what a usual length is, not to say more) is set afterwards, by `mark_complete`.
    `said_numbers`: the words of `transcript.words()` that say a number (`quantities.numbers_said`), when the caller read
    them already (`analyze_answer`, for the judge); else they are read here.
    """
    all_words = transcript.words()
    kept = [i for i, w in enumerate(all_words) if w.word.strip()]
    words: list[Word] = [all_words[i] for i in kept]
    raw = [w.word for w in words]
    clean = [_clean(w) for w in raw]
    n = sum(1 for c in clean if c)
    speaking = (words[-1].end - words[0].start) if words else 0.0
    # how long the answer was spoken, first word to last: its length, minutes spoken, pace and fillers per minute all
    # count this one span (walk22: "you last spoke at 0:26", yet "32 s" with the silence that stopped it by itself);
    # the recording keeps that silence. An answer with no word timed keeps the recording's length.
    duration = speaking if speaking > 0 else transcript.duration
    wpm = n / (speaking / 60) if speaking > 1 else 0.0
    minutes = max(duration, 1e-6) / 60

    # a pause as Whisper or a typist may spell it ("umm", "uhh", "erm") counts as the filler it is (walk55: "Fillers: 0")
    filler_hits = _phrase_hits([FILLER_SPELLINGS.get(c, c) for c in backchannels_out(raw, clean)], raw,
                               tuple(settings.fillers))
    if sum(p == "so" for p, _ in filler_hits) < settings.so_openings_overused:
        filler_hits = [h for h in filler_hits if h[0] != "so"]      # "So, why payments?" once or twice is speech
    by_word = Counter(p for p, _ in filler_hits)
    recall = transcript.filler_recall if transcript.filler_recall is not None else settings.measured_filler_recall
    approximate = recall < settings.filler_recall_ok
    fillers = {"total": len(filler_hits), "per_minute": round(len(filler_hits) / minutes, 1) if timed else None,
               "by_word": dict(by_word.most_common()), "approximate": approximate,
               "at": [i for _, i in filler_hits], "words": _covered(filler_hits)}
    hedge_hits = _phrase_hits(clean, raw, tuple(settings.hedges))
    hedges = {"total": len(hedge_hits), "per_100_words": round(100 * len(hedge_hits) / max(n, 1), 1),
              "by_word": dict(Counter(p for p, _ in hedge_hits).most_common()),
              "at": [i for _, i in hedge_hits], "words": _covered(hedge_hits)}
    pauses = []
    if timed:
        for a, b in zip(words, words[1:]):
            gap = b.start - a.end
            if gap >= settings.long_pause_s:
                pauses.append({"start": round(a.end, 2), "end": round(b.start, 2), "duration": round(gap, 2),
                               "after": a.word.strip()})
    text = " ".join(w.strip() for w in raw)
    numbers = _quantities(raw, said_numbers if len(kept) == len(all_words) else None)
    # "I think" says a view, not a part you played
    i_count = sum(c in ("i", "me", "my", "i'm", "i've", "i'd", "mine") and not (c == "i" and _stance(clean, k))
                  for k, c in enumerate(clean))
    we_count = sum(c in ("we", "us", "our", "we're", "we've", "ours") for c in clean)
    steps, others = _steps(raw, clean)
    disowned = _DISOWNED.search(text)
    ownership = {"i": i_count, "we": we_count,
                 "i_share": round(i_count / (i_count + we_count), 2) if i_count + we_count else None,
                 "i_did": len(steps), "steps": steps, "others": others,
                 "disowned": disowned.group().strip() if disowned else None}
    d = Delivery(duration_s=round(duration, 2) if timed else None, speaking_s=round(speaking, 2) if timed else None,
                 target_s=target_s, words=n, wpm=round(wpm, 1) if timed else None, fillers=fillers,
                 long_pauses=pauses, repeated_phrases=_repeated(raw, clean, settings.repeated_phrase_min_words),
                 hedges=hedges, numbers=numbers, star=_star_read(kept, raw, clean, text, credited),
                 ownership=ownership, timed=timed, story=story, follow_up=follow_up)
    d.findings = _findings(d, settings, timed)
    return d


def _star_read(kept: list[int], raw: list[str], clean: list[str], text: str,
               credited: Sequence[tuple[str, int | None]]) -> dict[str, Any]:
    """The STAR parts of the answer's spoken words `raw` (at `kept` in the transcript's words; `text` joins them),
    its actions found by their verbs and the `credited` key points that read as a part counted."""
    starts, at = [], 0
    for w in raw:
        starts.append(at)
        at += len(w.strip()) + 1
    extra: dict[str, list[int]] = {"action": [starts[i] for i in sorted(_done_by(clean, _I) + _done_by(clean, _WE))]}
    for label, first in credited:
        part = star_part(label)
        if part is None:
            continue
        spot = next((k for k, i in enumerate(kept) if first is not None and i >= first), None)
        extra.setdefault(part, []).append(starts[spot] if spot is not None else max(len(text) - 1, 0))
    return _star(text, extra)


def read_star_again(d: Delivery, transcript: Transcript, settings: AnalysisSettings,
                    credited: Sequence[tuple[str, int | None]]) -> None:
    """`d`'s Structure card read again with the key points as finally `credited` (`analyze.told_points` changed
    them), and its cards written again: nothing else in a delivery reads the credited points, so the rest is not
    measured again (fixJ: the whole `analyze_delivery` ran again; the same delivery, in about a third of its time)."""
    all_words = transcript.words()
    kept = [i for i, w in enumerate(all_words) if w.word.strip()]
    raw = [all_words[i].word for i in kept]
    d.star = _star_read(kept, raw, [_clean(w) for w in raw], " ".join(w.strip() for w in raw), credited)
    d.findings = _findings(d, settings, d.timed)


def mark_complete(d: Delivery, points: int, missed: Sequence[str], settings: AnalysisSettings,
                  drill: bool = False) -> None:
    """Records how many key points the answer was judged on (`drill`: the points a drill asked for) and the labels
    of those the judge did not credit, and writes the cards again when that changes: the key points the Ownership and
    Numbers cards decide (`analyze.told_points`) are credited only after the delivery is analysed (walk25: a 60 s
    answer with every key point in was told "Short for the time you have: say more"). Every one credited, it is
    `complete`; nearly all (`nearly_complete_share`), a short answer is told to spend its time on the ones missing."""
    complete = points > 0 and not missed
    if (d.complete, d.points, d.missed, d.drill) != (complete, points, list(missed), drill):
        d.complete, d.points, d.missed, d.drill = complete, points, list(missed), drill
        d.findings = _findings(d, settings, d.timed)


# words of four letters or more that say nothing of what a sentence is about (data, not a threshold: the sentence
# is read by how many other words it shares, `off_topic_shared_words`)
_PLAIN_WORDS = frozenset({
    "that", "this", "with", "have", "they", "there", "their", "what", "when", "then", "just", "like", "know", "think",
    "really", "something", "things", "thing", "about", "would", "could", "should", "because", "also", "were", "been",
    "from", "into", "some", "more", "very", "yeah", "okay", "actually", "kind", "sort", "well", "mean", "going",
    "make", "made", "said", "your", "them", "than", "only", "still", "even", "much", "many", "other", "these",
    "those", "which", "where", "while", "over", "here", "want", "time", "good", "does", "doing", "done", "being",
    "will", "dont", "didn't", "don't", "it's", "that's", "you're", "we're", "they're", "i've", "you've", "gets",
})


def _said_stems(said: Sequence[Word]) -> set[str]:
    """The stems of the content words said (four letters or more, not a plain word)."""
    return {t.stem for t in tokenize([w.word for w in said]) if len(t.norm) >= 4 and t.norm.isalpha()
            and t.norm not in _PLAIN_WORDS}


def _clock(seconds: float) -> str:
    """"1:42" for 102 s."""
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


# a sentence that opens by turning to another subject: "Separately, ...", "On another note", "By the way" (not "Another
# thing we did", which adds to the story)
_TURNS_AWAY = re.compile(
    r"^((oh|and|also|but|so|um|uh|er|ok|okay|right)\b,? )*(separately|unrelated(ly)?|incidentally|"
    r"(on|as) (an?|another|a different|an unrelated|a separate|a side|a totally different|a completely different) "
    r"(note|topic|subject|side note)|side note|by the way|in other news|speaking of|"
    r"(apart|aside) from that|besides that|other than that|outside (of )?(that|work)|off topic|"
    r"changing (the )?subject|on a different (subject|topic))\b")


# markers that add to the story as often as they leave it ("By the way, that design is still in production"): the
# sentence they open turns away only when it is not about the story (review34 5)
_ADDS_AS_OFTEN = re.compile(r"^(by the way|incidentally|speaking of|(apart|aside) from that|besides that|other than that)$")
_RESULT = re.compile(STAR_CUES["result"], re.IGNORECASE)
# an outcome that lasts, said with no number ("By the way, that design is still in production", "the team still runs
# it that way", "it went live", "to this day"): a thing's state, not a person's ("I'm still running marathons", "my
# podcast went live"); read after the marker, so "By the way I still..." has no subject "the way" (review35a)
_LASTS = re.compile(
    r"\b(?P<subject>it|that|this|which|they|we|everyone|(the|that|this|these|those|our) (\w+ ){0,2}\w+)"
    r"('s|'re| is| are| was| were| has| have)? (still (in production|in use|in place|live|used|working|"
    r"running(?=[ ,.;]*(today|now|fine|smoothly|in|on|at|without|every|and|$))|(run|use|follow)s? (it|that|this|them|the)\b)|"
    r"(went|gone|been|is|are) live\b|never (failed|broke|went down|recurred|happened|came back) again\b|.*\bto this day\b)",
    re.IGNORECASE)
# a subject that is the story's own thing, said before ("that design", "it"), and the words after a subject that
# point back to it ("we still use that runbook", "the team still runs it that way")
_REFERS_BACK = frozenset({"it", "that", "this", "which", "these", "those", "them"})
# the words of `_LASTS` itself: saying them is no story ("still running", "follow", "live")
_LASTS_WORDS = frozenset(stem(w) for w in (
    "still", "production", "place", "live", "used", "working", "running", "run", "use", "follow", "went", "gone",
    "been", "never", "failed", "broke", "down", "recurred", "happened", "came", "back", "again", "day", "today", "now",
    "fine", "smoothly", "every", "without"))


_THIS_DAY = re.compile(r"\bto this day\b", re.IGNORECASE)


def _carries_story(found: re.Match[str], story: set[str]) -> bool:
    """Whether a lasting outcome (`_LASTS`, matched after the marker) is the story's: its subject is a thing the story
    said ("it", "that design"), a word after the subject points back to it ("we still use that runbook"), or the
    sentence from its subject on says a word of the story's own beyond `_LASTS`'s ("the new rota is still in place"
    after a story of the rota). A team's or a person's habit or state the story never said is an aside, however
    lasting ("By the way, we still follow the Premier League", "we still support Arsenal to this day": fixBB)."""
    subject = found.group("subject").lower().split()
    if subject[0] in _REFERS_BACK and subject[0] != "them":
        return True
    rest = [_clean(w) for w in _THIS_DAY.sub(" ", found.string[found.end("subject"):]).split()]
    words = [w for w in [_clean(w) for w in subject[1:]] + rest if w]      # the subject may take its verb in
    if any(w in _REFERS_BACK for w in words):
        return True
    return bool({t.stem for t in tokenize(words) if len(t.norm) >= 3 and t.norm.isalpha() and t.norm not in _STOP
                 and t.norm not in _PLAIN_WORDS and t.stem not in _LASTS_WORDS} & story)


def _story_stems(said: Sequence[Word]) -> set[str]:
    """The stems of the content words of the story (three letters or more: "fix", "rota"), for `_carries_story`."""
    return {t.stem for t in tokenize([w.word for w in said]) if len(t.norm) >= 3 and t.norm.isalpha()
            and t.norm not in _STOP and t.norm not in _PLAIN_WORDS}


def _turns_away(words: Sequence[Word], sentence: tuple[int, int], on_topic: bool | None = None) -> bool:
    """Whether the sentence opens by turning to something else ("Separately, we also moved our build pipeline...").
    After a marker that adds to the story as often as it leaves it ("By the way", "Besides that"), a sentence about the
    story is no turn (review34 5): one that reads as on the question ("By the way, the ring buffer design is still
    what the matching engine runs on"), says a result ("By the way, that design … handles ten times the volume") or
    an outcome that lasts, with no number ("By the way, that design is still in production": `_LASTS`, fixAS), of the
    story's own (`_carries_story`, over the words before the sentence: "we still follow the Premier League" is a
    tangent, fixBB). Not words shared with the story: "By the way, I also play five-a-side football on Tuesdays with
    some of the team" shares two ("side", "team") and is a tangent."""
    cleaned = [_clean(w.word) for w in words[sentence[0]:min(sentence[1] + 1, sentence[0] + 8)]]
    opening = " ".join(cleaned)
    found = _TURNS_AWAY.match(opening)
    if not found:
        return False
    if not _ADDS_AS_OFTEN.match(found.group(3)):
        return True
    said = " ".join(w.word.strip() for w in words[sentence[0]:sentence[1] + 1])
    if on_topic is True or _RESULT.search(said):
        return False
    marker = next(k for k in range(1, len(cleaned) + 1) if len(" ".join(cleaned[:k])) >= found.end())
    after = " ".join(w.word.strip() for w in words[sentence[0] + marker:sentence[1] + 1]).replace("’", "'")
    story = _story_stems(words[:sentence[0]])
    return not any(_carries_story(m, story) for m in _LASTS.finditer(after))


def off_topic_tail(words: Sequence[Word], sentences: Sequence[tuple[int, int]], on_topic: Sequence[bool | None],
                   after: int, timed: bool, settings: AnalysisSettings,
                   closes: Sequence[bool] | None = None) -> dict[str, Any] | None:
    """The stretch at the end of an answer that is about something else (walk39, finding 4: a complete "why
    Airwallex" answer, then 37 s of meeting talk about a remote control's menu, scored 99 with nothing said of it):
    the answer's last sentences (`sentences`, inclusive ranges of `words`) that all start after word `after` (the last
    word of any credited key point's evidence) and are none of them `on_topic` (None: too short to tell, "Yeah."),
    from the first that is not, at least `off_topic_tail_s` long (typed: as many words as that is at the middle of
    the pace band). None when there is no such stretch, or it would be the whole answer (nothing on the question
    before it to end at). `closes`: per sentence, whether it reads as the answer's own close (`analyze.answer_closes`:
    nearer the answer than what follows it); the stretch starts after such a close, as after one in the answer's
    own words. Its first and last word, where it starts (seconds, timed only), its length, and the words it opens
    with and those the answer should have ended with."""
    k = len(sentences)
    while k > 0 and on_topic[k - 1] is not True and sentences[k - 1][0] > after:
        k -= 1
    while k < len(sentences) and on_topic[k] is None:
        k += 1                               # "Yeah. Um." before the talk: not where it is said to start
    # a sentence that goes on with the answer's own words ("They launched on next-day, and moved to real-time" after
    # a story of next-day and real-time payouts) is its close, not the talk: the talk starts after it. The answer's
    # own words are those up to its last credited point: a tangent's after it ("last spring") shared with the chat
    # ("the match last night?") ended the answer inside the chat (review33 3)
    told = _said_stems(words[:min(sentences[k][0], after + 1)]) if k < len(sentences) else set()
    while k < len(sentences) - 1 and (on_topic[k] is None or (closes is not None and closes[k]) or len(_said_stems(
            words[sentences[k][0]:sentences[k][1] + 1]) & told) >= settings.off_topic_shared_words):
        k += 1
    if k < len(sentences):
        # a tangent announced after the last credited point ("Separately, we also moved our build pipeline...") is
        # about something else however near the answer its sentences read: the tail starts at it (review33 3, fixAK),
        # unless as much of what follows it up to the talk is on the question as is not
        turn = next((j for j in range(k) if sentences[j][0] > after
                     and _turns_away(words, sentences[j], on_topic[j])), None)
        stretch = [on_topic[j] is True for j in range(turn, k)] if turn is not None else []
        if turn is not None and stretch.count(True) < stretch.count(False):
            k = turn
    end = k
    while end > 0 and on_topic[end - 1] is None:
        end -= 1                             # the answer ends at its last sentence that says something
    if end == 0 or k == len(sentences):
        return None
    first, last = sentences[k][0], sentences[-1][1]
    said = [w.word.strip() for w in words[first:last + 1] if w.word.strip()]
    seconds = words[last].end - words[first].start if timed else None
    if seconds is not None and seconds < settings.off_topic_tail_s:
        return None
    if seconds is None and len(said) < settings.off_topic_tail_s * (settings.wpm_low + settings.wpm_high) / 2 / 60:
        return None
    a, b = sentences[end - 1]
    before = [w.word.strip() for w in words[a:b + 1] if w.word.strip()]
    opening = [w.word.strip() for w in words[first:sentences[k][1] + 1] if w.word.strip()]
    return {"first_word": first, "last_word": last, "start": round(words[first].start, 2) if timed else None,
            "seconds": round(seconds, 1) if seconds is not None else None, "words": len(said),
            "sentences": len(sentences) - k,
            # its first sentence, or the start of it; the last words of the answer's last sentence on the question
            "opens": " ".join(opening[:TAIL_QUOTE_WORDS]) + ("…" if len(opening) > TAIL_QUOTE_WORDS else ""),
            "ends": ("…" if len(before) > TAIL_QUOTE_WORDS else "") + " ".join(before[-TAIL_QUOTE_WORDS:])}


def set_tail(d: Delivery, tail: dict[str, Any] | None, settings: AnalysisSettings) -> None:
    """Records the answer's off-topic `tail` (`off_topic_tail`) and writes the cards again when it changes."""
    if d.tail != tail:
        d.tail = tail
        d.findings = _findings(d, settings, d.timed)


def _tail_finding(tail: dict[str, Any]) -> Finding:
    """The Delivery card that names an off-topic tail: how long, where it starts, where to have ended."""
    if tail.get("seconds") is not None and tail.get("start") is not None:
        summary = f"the last {tail['seconds']:.0f} s, from {_clock(tail['start'])}, were about something else"
    else:
        summary = f"the last {counted(tail['words'], 'word')} were about something else"
    return Finding("ending", "warn", summary,
                   f"From “{tail['opens']}” on, nothing matched your key points or the question. Stop once your "
                   f"last point is made, here at “{tail['ends']}”")


def _nearly_complete(d: Delivery, s: AnalysisSettings) -> bool:
    """Some key points missed, and at least `nearly_complete_share` of them credited (walk37: 5 of 6)."""
    return bool(d.missed) and d.points - len(d.missed) >= s.nearly_complete_share * d.points


def _named(labels: Sequence[str]) -> str:
    """Labels quoted and listed: "“A”", "“A” and “B”", "“A”, “B” and “C”"."""
    quoted = [f"“{label}”" for label in labels]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _too_short_tip(d: Delivery) -> str:
    """What a short answer should add: only what it lacks (numbers said are concrete detail)."""
    if not d.story:
        return "Short for the time you have: back each reason with one specific example."
    if "result" in d.star["missing"]:
        return ("Too short to land the story: add the result" + ("." if d.numbers else " and one concrete detail."))
    if d.numbers:
        return "Short for the time you have: say more about how you did it and why you chose that way."
    return "Short for the time you have: say more about how you did it, with one concrete detail."


def _ramp(value: float, good: float, zero: float) -> float:
    """100 up to `good`, falling linearly to 0 at `zero`."""
    if value <= good:
        return 100.0
    return round(max(0.0, 100 * (zero - value) / (zero - good)), 1)


def _rated(total: int, rate: float, least: int, warn: float) -> float:
    """0-100 for a habit said `total` times at `rate`: full below `least` times or at most `warn`, 0 at
    HABIT_ZERO_TIMES x `warn`.
    The card praises exactly when this is full, and `delivery_scores` (the competencies, `score --json`) gives it."""
    return 100.0 if total < least else _ramp(rate, warn, HABIT_ZERO_TIMES * warn)


def fillers_score(d: Delivery, s: AnalysisSettings) -> float | None:
    """The fillers' 0-100 (None for an answer with no timing: no filler was heard)."""
    per_min = d.fillers["per_minute"]
    return None if not d.timed or per_min is None else _rated(d.fillers["total"], per_min, s.fillers_min_warn,
                                                                s.fillers_per_min_warn)


def hedges_score(d: Delivery, s: AnalysisSettings) -> float:
    """The hedges' 0-100, from their rate per 100 words."""
    return _rated(d.hedges["total"], hedges_per_100_words(d), s.hedges_min_warn, s.hedges_per_100_words_warn)


def hedges_per_100_words(d: Delivery) -> float:
    """Hedges per 100 words (answers stored before walk24 carry only the count)."""
    return float(d.hedges.get("per_100_words", round(100 * d.hedges["total"] / max(d.words, 1), 1)))


def _leader(by_word: dict[str, int]) -> tuple[str, int] | None:
    """The filler said most, when one leads: FILLER_LEADER_MIN times or more, and more than the next (walk24: "most
    often “so” (1)")."""
    ranked = sorted(by_word.values(), reverse=True)
    if not ranked or ranked[0] < FILLER_LEADER_MIN or len(ranked) > 1 and ranked[1] == ranked[0]:
        return None
    return next((w, n) for w, n in by_word.items() if n == ranked[0])


def _fillers(d: Delivery, s: AnalysisSettings) -> Finding:
    """The fillers card: how bad it is and which filler leads, if one does (walkthrough 11: 32 fillers in 44 s got
    the tip 4 fillers got, and never named the "like" said 14 times)."""
    total, rate = d.fillers["total"], d.fillers["per_minute"] or 0.0
    approx = " (approximate: the transcriber drops some fillers)" if d.fillers["approximate"] else ""
    if fillers_score(d, s) == 100:
        return Finding("fillers", "good", f"{counted(total, 'filler')}{approx}", "Few fillers: clean delivery.")
    lead = _leader(d.fillers["by_word"])
    worst = f"“{lead[0]}”" if lead else "a filler"
    most = "" if lead is None else f", all {worst}" if lead[1] == total else f", most often {worst} ({lead[1]})"
    every = f", about one every {60 / rate:.0f} s" if rate > FILLERS_NOTICEABLE_TIMES * s.fillers_per_min_warn else ""
    summary = f"{counted(total, 'filler')}{every}{most}{approx}"
    if rate > HABIT_ZERO_TIMES * s.fillers_per_min_warn:
        tip = (f"Fillers are taking over: slow down and say less per breath. Rehearse your first two sentences until "
               f"they come out with no {lead and worst or 'filler'}, and let a silent pause stand where "
               f"{worst} was; it reads as thinking.")
    elif rate > FILLERS_NOTICEABLE_TIMES * s.fillers_per_min_warn:
        tip = ((f"Noticeable: catch the {worst} first. Pause" if lead else "Noticeable: pause") +
               " in silence instead, and outline your points before you start so you are not searching "
               "mid-sentence.")
    else:
        tip = f"Swap {worst if lead else 'each filler'} for a short silence; it sounds more confident."
    return Finding("fillers", "warn", summary, tip)


# a typed answer's fillers and pace cards, and how its competencies' delivery part reads (app.judging): one wording
NOT_MEASURED_TYPED = "not measured for a typed answer"


def _on_question_s(d: Delivery) -> float | None:
    """How long a timed answer with an off-topic tail (`off_topic_tail`, the Ending card) was on the question: from
    its first word to where the tail starts (its length, first word to last, less the tail's, which runs to the last
    word). None with no such tail, for a follow-up (no Ending card) or with no timing."""
    if d.tail is None or d.follow_up or d.duration_s is None or d.tail.get("seconds") is None:
        return None
    return max(0.0, d.duration_s - float(d.tail["seconds"]))


def no_answer(d: Delivery, s: AnalysisSettings) -> bool:
    """Whether a follow-up answer says nothing of what was asked (fixCW, walk55 finding 6): judged on points, it
    covered none of them (a short answer that covered one is an answer, mendA); judged on none, it said fewer than
    `follow_up_min_words` words besides its fillers."""
    if d.points:
        return len(d.missed) >= d.points
    return d.words - int(d.fillers.get("total") or 0) < s.follow_up_min_words


def _duration(d: Delivery, s: AnalysisSettings) -> Finding:
    """The Duration card of a timed answer. Beside the Ending card it judges the answer up to where the drift
    starts, in the same bands, and says so (walk39: "72 s ... with time to spare" next to "the last 42 s, from 0:30,
    were about something else")."""
    assert d.duration_s is not None
    lo, hi = d.target_s * (1 - s.duration_tolerance), d.target_s * (1 + s.duration_tolerance)
    on = _on_question_s(d)
    length = (f"{d.duration_s:.0f} s" + ("" if on is None else f", {on:.0f} s of it on the question,")
              + f" of a {d.target_s} s target")
    seconds = d.duration_s if on is None else on
    if d.follow_up and no_answer(d, s):
        if d.points:            # none of the points asked was found: the judge's reading, which can miss (walk65 4)
            return Finding("duration", "warn", f"{seconds:.0f} s, a follow-up answer: {FOLLOW_UP_NOT_FOUND}",
                           FOLLOW_UP_NOT_FOUND_TIP)
        return Finding("duration", "warn", f"{seconds:.0f} s, a follow-up answer: a few words",
                       "A few words are not an answer yet: answer it in a sentence or two, with what you did and a "
                       "detail only you would know.")
    if d.follow_up:
        long = seconds > s.follow_up_long_s
        return Finding("duration", "warn" if long else "good",
                       f"{seconds:.0f} s" + (": long for a follow-up" if long else ", a follow-up answer"),
                       "Answer what was asked in a few sentences, then stop: the interviewer asks again if "
                       "they want more." if long else "Short and to the point, as a follow-up answer should be.")
    if seconds < lo and d.complete:
        return Finding("duration", "good", f"{length}: short, and "
                       + ("every point asked for is in" if d.drill else "every key point is in"),
                       f"Complete: no need to fill the time. Answers here usually run {lo:.0f}-{hi:.0f} s; "
                       "more is worth it only for a detail you have not said.")
    if seconds < lo and _nearly_complete(d, s):
        # walk37: a 5-of-6 answer was told "back each reason with one specific example": what it lacks is the
        # point it missed, and the time left is room for it
        what = "points asked for" if d.drill else "key points"
        one = len(d.missed) == 1
        return Finding("duration", "warn", f"{length}: {d.points - len(d.missed)} of {d.points} {what} in",
                       f"Nearly complete, with time to spare: use it on the {'point' if one else 'points'} "
                       f"still missing, {_named(d.missed)}. Answers here usually run {lo:.0f}-{hi:.0f} s.")
    if seconds < lo:
        return Finding("duration", "warn", length, _too_short_tip(d))
    if seconds > hi:
        return Finding("duration", "warn", length,
                       "Over time: lead with the headline and cut the background to two sentences.")
    if seconds > d.target_s * (1 + s.duration_tolerance / 2):
        # walk39 (finding 4): 141 s of a 120 s target read "Good length: keep this shape." Still in the band (and
        # scored as before), but the overrun is named: the upper half of the band is time to trim
        over = round(seconds - d.target_s)
        return Finding("duration", "good", length,
                       f"{over} s over your {d.target_s // 60}:{d.target_s % 60:02d} target: still a good "
                       "length; trim the ending.")
    return Finding("duration", "good", length, "Good length: keep this shape.")


def _findings(d: Delivery, s: AnalysisSettings, timed: bool) -> list[Finding]:
    out = []
    if not timed or d.duration_s is None or d.wpm is None:
        out.append(Finding("pace", "info", NOT_MEASURED_TYPED,
                           "Length and pauses too: say it out loud to get pace and timing feedback."))
    else:
        out.append(_duration(d, s))
        if d.wpm and d.wpm < s.wpm_low:
            out.append(Finding("pace", "warn", f"{d.wpm:.0f} words/min (aim {s.wpm_low}-{s.wpm_high})",
                               "A little slow: rehearse the opening sentence until it flows."))
        elif d.wpm > s.wpm_high:
            out.append(Finding("pace", "warn", f"{d.wpm:.0f} words/min (aim {s.wpm_low}-{s.wpm_high})",
                               "Fast: pause after each key point so it can land."))
        elif d.wpm:
            out.append(Finding("pace", "good", f"{d.wpm:.0f} words/min", "Comfortable pace."))
        pauses = len(d.long_pauses)
        many_pauses = pauses >= s.long_pauses_warn
        out.append(Finding("pauses", "warn" if many_pauses else "good",
                           f"{counted(pauses, 'pause')} of {s.long_pause_s:g} s or more",
                           "Long silences mid-answer read as lost: outline your three points before you start."
                           if many_pauses else "Pauses are short: a deliberate pause before the result is fine."))
    if d.tail is not None and not d.follow_up:       # walk39 (finding 4): the drift itself named, not only the overrun
        out.append(_tail_finding(d.tail))
    if timed:
        out.append(_fillers(d, s))
    else:                   # words typed can be edited before they are sent: no filler was heard, none counted
        out.append(Finding("fillers", "info", NOT_MEASURED_TYPED, "Say it out loud to hear how many fillers you use."))
    if d.repeated_phrases:
        top = d.repeated_phrases[0]
        out.append(Finding("repetition", "warn", f"\"{top['phrase']}\" said {top['count']} times",
                           "Vary the wording or cut the repeat; say each point once, clearly."))
    hedgy = hedges_score(d, s) < 100
    rate = f", {hedges_per_100_words(d):g} per 100 words" if d.hedges["total"] else ""
    out.append(Finding("hedges", "warn" if hedgy else "good", f"{counted(d.hedges['total'], 'hedge')}{rate}",
                       "Own your claims: replace \"I think\" and \"maybe\" with what you know and how."
                       if hedgy else "Assertive: you state things plainly." if not d.hedges["total"]
                       else "Mostly assertive: a hedge or two is fine."))
    if d.numbers:
        shown = NUMBERS_LISTED          # all of them, or the first few and how many more (walkthrough 11: 7, listed 3)
        listed = ", ".join(d.numbers if len(d.numbers) <= shown + 1 else d.numbers[:shown])
        more = f" and {len(d.numbers) - shown} more" if len(d.numbers) > shown + 1 else ""
        out.append(Finding("numbers", "good", f"{counted(len(d.numbers), 'quantified detail')}: {listed}{more}",
                           "Numbers make impact believable: keep them."))
    elif d.story and not d.follow_up:
        out.append(Finding("numbers", "warn", "0 quantified details",
                           NUMBERS_TIP))
    star = d.star
    if d.follow_up:
        out.append(Finding("structure", "info", "Follow-up answer: no whole story needed",
                           "Answer what was asked in your first sentence, then one specific: the step you took or "
                           "the number."))
    elif not d.story:
        # an explanation or a "why" answer: no STAR, no impact number and no "say what you did" asked of it
        out.append(Finding("structure", "info", "Not a story question: no STAR shape needed",
                           "Answer in your first sentence, then take two or three points in order, each with one "
                           "specific."))
    elif not star["missing"] and star["in_order"] and star.get("implied"):
        out.append(Finding("structure", "good", "Situation, action, result, in order (your goal was implied)",
                           "Clear story shape. Naming the goal in one sentence (\"My job was to...\") makes it "
                           "sharper."))
    elif not star["missing"] and star["in_order"]:
        out.append(Finding("structure", "good", "Situation, task, action, result, in order",
                           "Clear story shape."))
    else:
        if star["missing"]:
            headline = "STAR: no " + ", ".join(star["missing"]) + ("" if star["in_order"] else "; parts out of order")
        else:
            headline = "STAR: all four parts, but out of order"
        tip = "Tell it as Situation, Task, Action, Result; close with the result in one sentence."
        if star["missing"] == ["task"] and star["in_order"]:
            tip = "Say in one sentence what you set out to do (\"My job was to...\") before what you did."
        elif star["missing"] == ["result"] and star["in_order"]:
            tip = "Close with the result in one sentence: what changed, with a number if you have one."
        out.append(Finding("structure", "warn", headline, tip))
    if d.story:
        # a follow-up answers what was asked, not held to the question's story: praised for a step it names, never
        # flagged (walk16: a two-sentence lesson read '"I" 2, "we" 0: no step you took' in orange)
        out.extend(f for f in _ownership(d, s) if not (d.follow_up and f.status == "warn"))
    return out


def _quote(phrases: list[str]) -> str:
    """Up to three phrases as said, each once: "I profiled", "I added"."""
    return ", ".join(f"\"{p}\"" for p in dict.fromkeys(phrases[:3]))


def _ownership(d: Delivery, s: AnalysisSettings) -> list[Finding]:
    """What the answer says the candidate did, not a count of "I" against "we": praise needs a step you took ("I
    added", "I rewrote"), and more of them than the team's; "I think", "I learned a lot" and "I wasn't involved"
    are no part you played."""
    own = d.ownership
    steps, others = own.get("steps", []), own.get("others", [])
    say_it = "Say what you did yourself: \"I designed\", \"I decided\"; interviewers score your part."
    if own.get("disowned"):
        return [Finding("ownership", "warn", f"You said \"{own['disowned']}\"",
                        "If it was someone else's work, tell a story where you did the work; if you did take part, "
                        "say which steps were yours.")]
    if not steps:
        if others:
            return [Finding("ownership", "warn", f"No step of your own: {_quote(others)}", say_it)]
        if own["i_share"] is not None:
            return [Finding("ownership", "warn", f"\"I\" {own['i']}, \"we\" {own['we']}: no step you took", say_it)]
        return []
    if len(others) >= s.team_steps_warn and len(others) > TEAM_STEPS_TIMES * len(steps):
        return [Finding("ownership", "warn", f"Mostly the team's steps: {_quote(others)}; yours: {_quote(steps)}",
                        say_it)]
    return [Finding("ownership", "good", f"Your steps: {_quote(steps)}", "Your own role comes through.")]


# how an answer was said: not measured on a typed answer (walk14: typed words scored "how you said it 100", as if
# spoken without a filler or a hedge; they can be edited before they are sent). The story's shape is in the words.
SPOKEN_ASPECTS = ("pace", "fillers", "hedges", "pauses")


def delivery_scores(d: Delivery, s: AnalysisSettings) -> dict[str, float | None]:
    """0-100 per delivery aspect, for competencies a bank ties to delivery; None when not measurable (every one of
    SPOKEN_ASPECTS on a typed answer)."""
    pace = None
    if d.wpm:
        off = max(s.wpm_low - d.wpm, d.wpm - s.wpm_high, 0.0)
        pace = _ramp(off, 0.0, s.wpm_low * s.pace_zero_share)
    star = d.star
    structure = (max(0.0, 25.0 * len(star["present"]) - (0 if star["in_order"] else 10))
                 if d.story and not d.follow_up else None)
    per_min = d.fillers["per_minute"]
    if not d.timed or per_min is None:
        return {"pace": None, "fillers": None, "structure": structure, "hedges": None, "pauses": None}
    return {
        "pace": pace,
        "fillers": fillers_score(d, s),
        "structure": structure,
        "hedges": hedges_score(d, s),
        "pauses": _ramp(len(d.long_pauses), s.long_pauses_warn - 1, s.long_pauses_warn + 4),
    }
