"""Cut an answer into the pieces the judge compares with key points: sentences, clauses, pairs of sentences.

Each unit remembers its transcript word range, so evidence can be quoted and timed, and whether it is
said negatively or hypothetically ("we did not use a ring buffer", "I'd probably add indexes").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from voiceprep.core.analysis.plan_noun import acted_on_plan
from voiceprep.core.analysis.skipped import skipped_by_candidate
from voiceprep.core.analysis.text import ED_NOT_PAST, NUMBER_WORDS
from voiceprep.settings import COMPARED_WORDS, LEAD_WORDS, REASON_ACT_WORDS, REASON_OPENER_WORDS, ROUGH_FIGURE_WORDS

SENTENCE_END = re.compile(r"[.?!]['\")\]]*$")
CLAUSE_END = re.compile(r"[,;:\u2014]['\")\]]*$|--$")
# a new clause starts at these words even without a comma (spoken transcripts punctuate little)
CLAUSE_OPENERS = frozenset({"but", "so", "because", "although", "though", "whereas", "which", "while", "instead",
                            "however", "otherwise", "unless"})
# words that deny what the clause says ("we did not use", "never shipped"); quantifiers such as "no locks",
# "without locks" or "nothing blocks" describe the thing done and do not
NEGATORS = frozenset({"not", "never", "neither", "nor", "cannot", "didn't", "don't", "doesn't", "wasn't", "weren't",
                      "isn't", "aren't", "haven't", "hasn't", "hadn't", "won't", "wouldn't", "couldn't", "shouldn't",
                      "can't"})
# said as a plan or a possibility, not as something done
HYPOTHETICAL = frozenset({"would", "could", "might", "should", "i'd", "we'd", "you'd", "maybe", "perhaps",
                          "probably", "possibly", "hypothetically", "if", "someday", "eventually", "plan",
                          "planning", "hope", "hoping", "wish", "talked-about"})
# "would" that does not make a hypothesis: "I would say", "I'd like to"
NOT_HYPOTHETICAL_AFTER = frozenset({"say", "like", "love", "argue"})
# "The one I'd pick is the alerting pipeline I built", "I would choose the refunds project": a choice stated, the
# candidate's answer (the story they pick), not a plan; not "I'd pick up your stack", nor after an "if"
CHOICES = frozenset({"pick", "choose"})
# a clause opening with one of these is said for real again after a hypothetical one ("I'd like X, but we did Y")
CONTRAST_OPENERS = frozenset({"but", "however", "though", "although", "instead", "whereas", "actually", "yet", "except"})
# a modal after a relative pronoun or in a purpose clause says what a thing was for or able to do, not a plan:
# "a tool that could replay events", "signed so receivers could verify them"
PURPOSE_MODALS = frozenset({"could"})   # "would" there is as often counterfactual ("so everyone would have had")
RELATIVES = frozenset({"that", "which", "who"})
# "it took maybe twenty minutes", "probably a few hundred payouts a night", "maybe an hour before": a figure given
# roughly, as "about twenty minutes" is, tells what happened (judge86: `_rough_figure`)
ROUGH = frozenset({"maybe", "perhaps", "probably", "possibly"})
_ROUGH_BEFORE = frozenset({"a", "an", "about", "around", "like", "just", "over", "under", "only", "almost", "nearly"})
_ROUGH_AMOUNTS = frozenset({"few", "couple", "dozen", "third", "quarter", "half", "hour", "minute", "day", "week",
                            "month", "year", "second"})
# "I'm less sure about the card side", "less familiar with the API": what the candidate does not know (judge86)
UNSURE = frozenset({"sure", "familiar", "confident"})
# "Probably the deploy checker I wrote.", "So maybe the monitoring I built": the story picked, hedged, as "the one I'd
# pick is …" (`CHOICES`); the hedge opens its sentence (after these at most) and names a thing (judge86)
_PICK_OPENERS = frozenset({"so", "um", "uh", "erm", "er", "well", "hmm", "oh", "yeah", "and", "honestly"})
# "than the bank would give them", "than what a bank would charge you": a modal inside a comparison compares with what
# someone else does, no plan (judge86); not "older than thirty days would go to S3", where it is the main verb's
_THAN_SUBJECTS = frozenset({"the", "a", "an", "what", "their", "our", "my", "his", "her", "its", "your", "they", "we",
                            "i", "you", "he", "she", "it", "anyone", "most", "any"})
# said as done: with no modal, an "if" sentence in the past tells what happened
# Irregular simple pasts (not the "-ed" ones): no library in the environment lists them (lemminflect and pyinflect are
# not there; nltk's wheel ships no word data), so they are written here. Pasts the same as their present ("put",
# "cut", "read", "set", "hit") and ones said more often as other words ("a bit", "stuck", "a shot") are left out.
IRREGULAR_PAST = frozenset({
    "arose", "ate", "awoke", "bent", "bled", "blew", "bought", "broke", "dealt", "drank", "drew", "drove", "dug",
    "fed", "fell", "fled", "flew", "forbade", "forgave", "foresaw", "forgot", "fought", "froze", "grew", "heard", "hid",
    "hung", "lent", "lit", "meant", "misled", "mistook", "oversaw", "overrode", "overtook", "rang", "rebuilt", "redid",
    "rewrote", "rode", "rose", "sang", "sank", "sat", "shook", "shone", "slept", "slid", "sold", "sought", "spoke",
    "spun", "stole", "stood", "strove", "struck", "swam", "swept", "swore", "taught", "threw", "tore", "understood",
    "undertook", "undid", "upheld", "wept", "withdrew", "withheld", "woke", "wore"})
PAST = frozenset({"was", "were", "had", "did", "went", "built", "made", "took", "found", "got", "led", "ran", "saw",
                  "told", "gave", "wrote", "chose", "brought", "caught", "kept", "left", "lost", "paid", "said",
                  "sent", "spent", "thought", "won", "began", "became", "came", "knew", "felt", "held",
                  "met"}) | IRREGULAR_PAST
# verbs whose past is their present ("I read the docs", "I let the author walk me through", "I put every question in
# a doc"): with nothing else, a sentence of them tells no tense of its own (slot_fills); slots reads them as past
BASE_PASTS = frozenset({"read", "let", "put", "set", "cut", "hit", "quit", "shut", "split", "spread"})
# "I'd" before a past participle is "I had"
PARTICIPLES = frozenset({"been", "read", "seen", "done", "heard", "gone", "known", "made", "built", "had", "taken",
                         "written", "got", "gotten", "found", "run", "led", "spent", "left", "lost", "taught"})
_D_CONTRACTIONS = frozenset({"i'd", "we'd", "you'd"})
_HAD_ADVERBS = frozenset({"already", "never", "just", "always"})
# after "we'd already" a verb is a participle ("we'd already split the topic", "set up"), except these ("we'd already
# be done by then" is a plan)
_NOT_PARTICIPLES = frozenset({"be", "have", "know", "need", "want", "like", "love", "say", "do", "get", "go"})
_BARE_PARTICIPLES = frozenset({"run", "read"})
ADDITIVE = frozenset({"just", "only", "merely", "simply"})
# a denial of a harm reports a success: "we never lost a payment", "didn't drop a message"
HARM = frozenset({"lost", "lose", "losing", "broke", "break", "breaking", "broken", "failed", "fail", "missed",
                  "miss", "missing", "dropped", "drop", "duplicated", "double-charged", "crashed", "leaked", "leak"})
# "no" is a quantifier ("a single writer with no locks") except where it says a thing did not exist: "there's no
# API platform", "we had no monitoring", "without any tests" deny the thing (unless it is a harm: "we had no
# outages" reports a success)
EXISTS = frozenset({"there's", "theres", "there", "there're", "is", "are", "was", "were", "had", "have", "has",
                    "got", "we've", "i've", "they've", "we'd", "i'd"})
NO_HARM = HARM | frozenset({"incident", "incidents", "outage", "outages", "error", "errors", "downtime", "complaint",
                            "complaints", "fall", "falls", "failure", "failures", "bug", "bugs", "problem", "problems",
                            "issue", "issues", "duplicate", "duplicates", "loss", "losses", "regression",
                            "regressions", "surprises", "escalations", "data", "double", "missed", "lost"})
DENIALS = NEGATORS | frozenset({"no", "without"})
# "I wouldn't run it until the fire service said something", "I didn't change anything until I'd read the comments":
# an act held back until something else happened. Said so, it denies the act only until then: it tells an order, and
# is the evidence for a point that sets one ("I read the comments before changing anything"; `judge.label_markers`).
# The clause's marker is this one, not its negator's
HELD_UNTIL = "held-until"
UNTIL = frozenset({"until", "till", "til"})
MODALS_CARRY = frozenset({"would", "could", "might", "should", "i'd", "we'd", "you'd"})
# longer stretches (long run-on sentences, unpunctuated speech) are cut into windows of whole pieces, one window
# starting at each piece: a piece starts a clause (a comma, "but", "because"...) or one of SPOKEN_OPENERS, with
# which people string what they did together when they talk ("...their version and then I brought them
# together so..."). A piece longer than a window is cut into overlapping fixed windows. Fixed windows alone
# (24/14/7, was 40/24/12) cut "I sat down with each of them on their own first" in two; whole pieces: dev 5-fold
# CV F1 0.892 -> 0.906 (text); windows of 10-18 words measured 0.901-0.906.
MAX_UNIT_WORDS = 24
WINDOW_WORDS = 14
WINDOW_STEP = 7
SPOKEN_OPENERS = frozenset({"and", "then", "so", "after", "um", "uh"})


@lru_cache(maxsize=65536)      # pure, and called for every word of every answer many times over (perf35)
def clean(word: str) -> str:
    return re.sub(r"[^\w'’-]", "", word.lower()).replace("’", "'").strip("'-")


@dataclass(frozen=True)
class Unit:
    first: int            # transcript word range [first, last]
    last: int
    text: str
    kind: str             # "sentence", "clause", "half" (`coordinated_halves`) or "pair"
    negated: frozenset[str]        # negation words said in it (only clause-level units are trusted)
    hypothetical: frozenset[str]   # hypothetical markers said in it


def had(words: list[str], i: int, sure: bool = False) -> bool:
    """Whether the "I'd"/"we'd"/"you'd" at words[i] is "had", the past perfect ("I'd built a prototype", "we'd already
    moved the writes"), not "would" ("we'd move", "I'd probably add"): tiny.en writes both the same. With `sure`, not
    a participle said like its bare verb ("I'd run it on Gunicorn" is as often a plan; "I'd already run it" is not)."""
    if words[i] not in _D_CONTRACTIONS:
        return False
    after = words[i + 1:i + 3]
    if after[:1] == ["already"] and len(after) == 2 and after[1] and after[1] not in _NOT_PARTICIPLES:
        return True
    if not after or sure and after[0] in _BARE_PARTICIPLES:
        return False
    return any(a in PARTICIPLES or (len(a) > 4 and a.endswith("ed") and a not in ED_NOT_PAST)   # not "I'd proceed"
               for a in (after if after[0] in _HAD_ADVERBS else after[:1]))


def _tells_what_happened(words: list[str], subject_first: bool = False) -> bool:
    """Past tense (or a past perfect, `had`) and no modal: "If the processor timed out we retried" tells what the
    system did. "were" is a modal's ("if the queue were full") unless `subject_first` (`words` open with a subject
    of their own: "we were arguing about it")."""
    perfect = False
    for i, w in enumerate(words):
        if w in MODALS_CARRY or w in ("will", "i'll", "we'll") or (w == "were" and not (subject_first and i == 1)):
            if not had(words, i, sure=True):
                return False
            perfect = True
    return perfect or said_in_past(words)


# what makes an "if" a supposition: a modal, a future, a past said as the unreal ("if I had more time", "if it was
# mine"), a wish
_SUPPOSING = MODALS_CARRY | frozenset({"will", "i'll", "we'll", "you'll", "they'll", "it'll", "won't", "had", "were",
                                       "was", "wish", "hope", "maybe", "perhaps", "probably", "gonna", "going"})


def _tells_a_rule(words: list[str]) -> bool:
    """A conditional in the present with nothing of a supposition in it: "If a check fails, the owning team gets an
    alert", "if a row fails a check, we hold it back" tell how things are done, as "when" does (walk59); not "if I
    had more time I'd add alerts", "if it fails we will retry"."""
    return not any(w in _SUPPOSING or w.endswith("'d") for w in words) and not said_in_past(words)


# a "would" after a verb of agreeing, deciding or telling, told in the past, reports what was agreed or said ("we
# agreed that every deploy would go through a canary", "I told the family we would call by five"), not a plan
REPORTING = ("agree", "decide", "decidi", "promis", "told", "said", "explain", "confirm", "insist", "commit",
             "assured", "settled", "warned", "announced")


def _reported(before: list[str]) -> bool:
    """Whether the words before a "would" report, in the past, what was agreed, decided or said, within 6 words, or
    what the speaker told in the past with "that" (`_told_that`)."""
    return (any(w.startswith(REPORTING) for w in before[-6:]) and said_in_past(before)) or _told_that(before)


# the words a sentence may open with before its subject ("So I posted ...", "And then we told ...")
_OPENERS = frozenset({"so", "and", "then", "um", "uh", "erm", "er", "well", "okay", "ok", "honestly", "first"})


# what joins the speaker's next act to the one before it, the same subject: "I fixed that bug and wrote ..."
_OWN_NEXT_ACT = frozenset({"and", "then", "but", "or"})


def _told_that(before: list[str]) -> bool:
    """Whether a "would" is said inside what the speaker told, in the past, with "that", the tenses in sequence: the
    speaker's own past act before the "that" and a past verb after it ("I posted in the managers' channel straight
    away that Saturday was understated and it would be right by lunchtime": the future of what was told, as in "I
    told them we would", not a plan; judge118). Not in a supposition ("if", "whether", "unless"), nor "I built a tool
    that would flag it" (no past after the "that": what the thing would do), nor when the past after the "that" is
    the speaker's own next act, its verb right after "and" or "then": "I fixed that bug and wrote the postmortem, and
    we would add retries" (read52a 2: "that" a determiner, the "would" a plan)."""
    if "that" not in before or any(w in ("if", "whether", "unless") for w in before):
        return False
    k = len(before) - 1 - before[::-1].index("that")
    head, body = before[:k], before[k + 1:]
    past = next((j for j, w in enumerate(body) if said_in_past([w])), None)
    if past is not None and past > 0 and body[past - 1] in _OWN_NEXT_ACT:
        return False
    start = next((j for j, w in enumerate(head) if w not in _OPENERS), len(head))
    return head[start:start + 1] in (["i"], ["we"]) and said_in_past(head) and said_in_past(body)


# "we talked about adding a check", "we discussed moving it", "I thought about calling them": an act talked over, not
# done; the clause is as hypothetical as a plan (marked DISCUSSED, one of HYPOTHETICAL: a point about the future takes it)
TALKED_OVER = frozenset({"talked", "talk", "talking", "discussed", "discussing", "thought", "thinking", "considered",
                         "considering", "debated", "debating"})
DISCUSSED = "talked-about"


def _talked_over(words: list[str], i: int) -> bool:
    """Whether words[i] talks an act over ("talked about adding", "considered moving") rather than telling it."""
    if words[i] not in TALKED_OVER:
        return False
    k = i + 1 + (words[i + 1:i + 2] in (["about"], ["of"]))
    act = words[k] if k < len(words) else ""
    return len(act) > 4 and act.endswith("ing") and not act.endswith("thing")


# what "that" follows when it opens what was said, known or found, not a relative clause ("we decided that we would
# not", "the problem was that we didn't")
_THAT_HEADS = frozenset({"sure", "so", "such", "is", "was", "were", "are", "be", "been", "said", "say", "says", "told",
                         "tell", "knew", "know", "think", "thought", "found", "find", "saw", "see", "felt", "feel",
                         "meant", "mean", "means", "showed", "shown", "show", "learned", "learnt", "learn", "make",
                         "made", "believe", "hope", "wish", "realise", "realize", "noticed", "decided", "agreed",
                         "ensured", "and", "but", "or", "because", "now", "then", "not", "it's", "that's"})
_SHORT_SUBJECTS = frozenset({"we", "i", "they", "you", "it", "he", "she", "nobody", "people", "customers", "users"})
_AUXILIARIES = frozenset({"did", "do", "does", "was", "were", "is", "are", "had", "has", "have", "could", "would", "will",
                          "should", "can"})


_NOT_A_PLACE = frozenset({"at", "about", "on", "of", "out", "to", "and", "but", "so", "know", "work", "figure", "look",
                          "looked", "check", "ask", "wonder", "see", "saw", "showed", "find"})


def _place_relative(words: list[str], i: int) -> bool:
    """Whether the modal at `i` is in a relative clause of place after a noun: "a sandbox where you could create test
    shipments" says what the sandbox lets you do (judge74), not "I asked where we could cut" (a question) or "we'd
    see where we could" (a plan)."""
    if i < 3 or words[i - 2] != "where" or words[i - 1] not in _SHORT_SUBJECTS:
        return False
    head = words[i - 3]
    return head.isalpha() and head not in _NOT_A_PLACE and head not in _THAT_HEADS and not head.endswith("ed")


def _in_relative(words: list[str], i: int) -> bool:
    """Whether the denial at `i` is inside a relative clause that describes a noun ("any payment that did not match",
    "an immutable row that we never update", "a job which never retried"): it says what the thing is, not that the
    candidate did not act."""
    for j in range(max(0, i - 3), i):
        if words[j] not in RELATIVES or (j == 0 and words[j] == "that"):     # a clause may open at "which"
            continue
        between = words[j + 1:i]
        if any(b not in _SHORT_SUBJECTS and b not in _AUXILIARIES for b in between):
            continue
        head = words[j - 1] if j else ""
        if words[j] == "that" and (head in _THAT_HEADS or (len(head) > 4 and head.endswith("ed"))):
            continue
        return True
    return False


# A denial says the point, not that it was not done, when what it denies is a failing of the job done to the people
# served: taking a side, turning someone away ("I didn't take either side", "we didn't turn anyone away": fairness
# kept, everyone seen; judge77), as a denial of a harm reports a success (`HARM`). Not "I didn't take him aside".
_TAKE = frozenset({"take", "took", "taking", "taken"})
_SIDE_DETERMINERS = frozenset({"either", "any", "a", "one", "no", "their", "his", "her", "sides"})
_TURN = frozenset({"turn", "turned", "turning"})
_AWAY_WORDS = 6           # "didn't turn a single booked patient away"


def _denies_a_failing(words: list[str], i: int) -> bool:
    """Whether the denial at `i` denies taking a side ("didn't take either side", "never took sides") or turning
    someone away ("didn't turn anyone away"; not "didn't turn away from it")."""
    after = words[i + 1:i + 1 + _AWAY_WORDS]
    if after[:1] and after[0] in _TAKE:
        rest = after[1:3]
        return rest[:1] == ["sides"] or (len(rest) == 2 and rest[0] in _SIDE_DETERMINERS and rest[1] in ("side", "sides"))
    return bool(after[:1]) and after[0] in _TURN and len(after) > 2 and after[1] != "away" and "away" in after[2:]


# "a council tax reduction she didn't know about", "a rate they didn't understand": a relative clause without "that"
# after a noun, its subject another person, its verb's object the noun itself (the clause ends on the verb or a
# stranded preposition): what the thing was to them, not an act denied (judge77). Not "the driver said he didn't see
# him" (an object of its own), "a heat mat so she wasn't screaming" (no noun before the subject).
_OTHERS = frozenset({"she", "he", "they"})
_NOUN_DETERMINERS = frozenset({"a", "an", "the", "any", "every", "some", "each", "this", "that", "those", "these"})
_STRANDED = frozenset({"about", "of", "for", "to", "with", "on", "at", "either", "too", "yet", "anyway", "before"})
_NOT_NOUNS = frozenset({"and", "but", "so", "or", "because", "if", "when", "then", "that", "which", "who", "said",
                        "says", "told", "thought", "knew", "felt", "was", "were", "is", "are", "as", "until", "while"})


def _bare_relative(words: list[str], i: int) -> bool:
    """Whether the denial at `i` is in a relative clause without "that" whose subject is another person and whose
    object is the noun before it ("a reduction she didn't know about")."""
    j = i - 1
    if j >= 0 and words[j] in _AUXILIARIES and words[i] == "not":
        j -= 1
    if j < 2 or words[j] not in _OTHERS:
        return False
    noun = words[j - 1]
    if noun in _NOT_NOUNS or noun in _NOUN_DETERMINERS or (len(noun) > 4 and noun.endswith("ed")):
        return False
    if not any(w in _NOUN_DETERMINERS for w in words[max(0, j - 4):j - 1]):
        return False
    return i + 1 < len(words) and all(w in _STRANDED for w in words[i + 2:])


# "could" of past ability tells what became possible, a result: "latency fell by half and we could process four times
# the trades", "we could finally ship on Fridays". Narrow: after a coordinator and a subject, with something told in
# the past before them in the sentence (not "I thought we could", "if we could", "we could have"), or with a word
# that says it came true
REALISED = frozenset({"finally", "suddenly", "already"})
ABLE_SUBJECTS = frozenset({"i", "we", "they", "it", "he", "she", "you", "everyone", "customers", "users", "people",
                           "team"})
_NOT_ABLE = frozenset({"have", "be", "not", "n't"})
_CONDITIONS = frozenset({"if", "whether", "unless"})
_CHANGED = frozenset({"fell", "rose", "grew", "shrank", "sped", "cut", "beat", "hit", "sank"})   # "latency fell by half"


def _past_ability(context: list[str], after: list[str]) -> bool:
    """Whether the "could" between `context` (the sentence's words before it) and `after` tells a past ability."""
    if not after or after[0] in _NOT_ABLE or any(w in _CONDITIONS for w in context):
        return False
    if after[0] in REALISED:
        return True
    return (len(context) >= 3 and context[-1] in ABLE_SUBJECTS and context[-2] in ("and", "then")
            and (said_in_past(context[:-2]) or any(w in _CHANGED for w in context[:-2])))


# a "would" of past habit tells what used to happen in a story: "when the market got busy, latency would jump",
# "every quarter we'd do a restore drill", "...; the team would page me" after a sentence told in the past. Narrow:
# never after a condition or a view ("if", "I think"), never "would have"/"would like"/"I'd probably", and a "would"
# of I/we/you needs a "when" told in the past or a habit word ("every Friday", "usually") with the past around it.
HABIT_CUES = frozenset({"whenever", "usually", "often", "always", "sometimes", "typically", "normally", "regularly"})
HABIT_TIMES = frozenset({"time", "times", "day", "night", "morning", "evening", "week", "weekend", "month", "quarter",
                         "year", "shift", "break", "sprint", "release", "deploy", "spring", "summer", "winter",
                         "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "hour",
                         "incident", "launch", "peak", "close", "month-end", "quarter-end"})
# the subjects whose "would" is a habit only with a "when" or a habit word: I/we/you (a plan as often), and what a
# relative pronoun opens ("..., which would have meant": what it would have led to)
_HABIT_SUBJECTS = frozenset({"i", "we", "you", "i'd", "we'd", "you'd", "which", "that", "what", "who"})
_NOT_HABIT_AFTER = frozenset({"have", "probably", "likely", "like", "love", "rather", "want", "prefer", "need", "expect",
                              "imagine", "suggest", "recommend", "say", "argue", "also", "definitely", "certainly",
                              "still", "never", "then", "personally", "first"})
_NOT_HABIT_BEFORE = frozenset({"if", "unless", "whether", "suppose", "imagine", "think", "guess", "hope", "expect",
                               "bet", "or", "otherwise", "else", "than", "next", "now", "today", "future"})


# "..., and if the tote queue went past four hundred I'd pull pickers off": a condition told in a story says when the
# habit happened. Not when the candidate is its subject ("if I joined I'd add indexes", "if we had more time") or it
# says something unreal ("if it were up to me", "if the team had", a modal)
_CONDITION_SPEAKERS = frozenset({"i", "we", "you", "i'm", "we're", "you're", "i've", "we've", "i'd", "we'd", "you'd"})
_UNREAL = frozenset({"were", "had", "could", "would", "should", "might", "i'd", "we'd", "you'd"})
_WOULDS = frozenset({"would", "i'd", "we'd"})


def _told_condition(context: list[str]) -> bool:
    """Whether the last "if" of `context` (a sentence's words up to a "would") opens a condition told in the past in a
    story: its subject is not the candidate, it says nothing unreal, and the sentence told something in the past before
    it (a story in the sentence before is not enough: "I haven't had a serious one, the charge nurse handled them. But
    if a family came to me, I'd sit down with them" is a plan)."""
    k = max((j for j, w in enumerate(context) if w == "if"), default=None)
    if k is None:
        return False
    cond = context[k + 1:]
    if cond and cond[-1] in _WOULDS:
        cond = cond[:-1]                # the "I'd" the condition leads to
    if not cond or cond[0] in _CONDITION_SPEAKERS or any(w in _UNREAL for w in cond):
        return False
    return said_in_past(cond) and said_in_past(context[:k])


# fixO: a past routine told in a sentence ("Then at every briefing I picked one thing", "We used to get escalations")
# goes on in the "I'd" of the sentences after it ("In the air I'd pair up with whoever was struggling"); a "used to"
# or a past time frame ("at my last job", "back then", "in 2019", "two years ago") before the "would" tells the habit
# in its own sentence. Still never after a condition or a view, never "I'd have", "I'd probably".
_ROUTINE_AT = frozenset({"at", "after", "before", "on", "in", "during", "for"})
FRAME_WORDS = 10
_FRAME_OWNERS = frozenset({"my", "our"})
_FRAME_THEN = frozenset({"last", "previous", "old", "first", "former"})


# judge43: a routine goes on only in a contracted "I'd"/"we'd" ("I would set up a rotation" after one is a plan), and
# never into a sentence that looks back or says now ("In hindsight I'd ...", "Looking back, ...", "... today").
_REFLECTION_CUES = frozenset({"hindsight", "now", "nowadays", "today", "again", "instead", "differently"})


def _reflects(words: list[str]) -> bool:
    """Whether a sentence looks back on what was done or says now: "in hindsight", "looking back", "next time",
    "now", "today", "again", "instead", "differently"."""
    return any(w in _REFLECTION_CUES or (w, words[k + 1:k + 2]) in (("looking", ["back"]), ("next", ["time"]))
               for k, w in enumerate(words))


def used_to(words: list[str]) -> bool:
    """ "used to" said in `words` (cleaned: "we used to get", "I used to run"): how things were before; "use to" only
    after a negation ("we didn't use to have a pipeline", as transcripts write a spoken "used to"), not "the script we
    use to deploy"."""
    return any(words[k + 1:k + 2] == ["to"] and (w == "used" or w == "use" and (
        words[k - 1:k] in (["didn't"], ["didnt"], ["never"]) or words[max(0, k - 2):k] == ["did", "not"]))
        for k, w in enumerate(words))


def told_a_routine(words: list[str]) -> bool:
    """Whether a sentence tells a past routine: "used to", or something told in the past, with no modal, with a habit
    word ("usually", "whenever") or a time it came round ("every Friday", "at every briefing", "after each flight")."""
    if used_to(words):
        return True
    if not said_in_past(words) or any(w in MODALS_CARRY for w in words):
        return False                    # "I'd put timeouts and retries on every call" is a plan
    return any(w in HABIT_CUES for w in words) or any(
        w in ("every", "each") and (words[k - 1:k] and words[k - 1] in _ROUTINE_AT
                                    or any(t.rstrip("s") in HABIT_TIMES or t in PERIODS for t in words[k + 1:k + 3]))
        for k, w in enumerate(words))


def _past_frame(context: list[str]) -> bool:
    """Whether `context` sets the time in the past: "at my last job", "in my previous role", "back then", "back in
    2019", "in 2019", "two years ago", "when I was at Acme" (a "when" is `_habitual`'s own)."""
    for k, w in enumerate(context):
        nxt = context[k + 1:k + 3]
        if w in ("at", "in") and len(nxt) == 2 and nxt[0] in _FRAME_OWNERS and nxt[1] in _FRAME_THEN:
            return True
        if w == "back" and nxt[:1] and (nxt[0] in ("then", "in", "when")):
            return True
        if w == "ago" or (w in ("in", "during") and nxt[:1] and len(nxt[0]) == 4 and nxt[0].isdigit()
                          and nxt[0][:2] in ("19", "20")):
            return True
    return False


def _habitual(context: list[str], after: list[str], story: bool, routine: bool = False) -> bool:
    """Whether the "would" between `context` (the sentence's words before it) and `after` tells a past habit; `story`:
    the sentence before was told in the past; `routine`: the sentence before told a past routine (`told_a_routine`)."""
    if not after or after[0] in _NOT_HABIT_AFTER:
        return False
    blockers = {w for w in context if w in _NOT_HABIT_BEFORE}
    if blockers:                        # "if the queue went past 400 I'd pull pickers off", told in a story
        return blockers == {"if"} and _told_condition(context)
    near = context[-FRAME_WORDS:]        # a frame said long before, clauses back, sets no time for this "would"
    if routine or used_to(context) or (_past_frame(near) and "so" not in near):
        return True                     # "At every briefing I picked one thing. In the air I'd pair up with ..."
    past = said_in_past(context)
    when = next((k for k, w in enumerate(context) if w == "when"), None)
    if when is not None and said_in_past(context[when + 1:]):
        return True                     # "when the acquirer timed out we'd retry"
    cue = any(w in HABIT_CUES for w in context + after[:1]) or any(
        w in ("every", "each") and any(t.rstrip("s") in HABIT_TIMES or t in HABIT_TIMES for t in context[k + 1:k + 3])
        for k, w in enumerate(context))
    if cue and (past or story):
        return True                     # "every quarter we'd do a restore drill", after a sentence in the past
    subject = context[-1] if context else ""
    return (bool(subject) and subject not in _HABIT_SUBJECTS and after[0] != "be"
            and (story or past))        # "...; the team would page me": told in a story


def _if_habit(words: list[str], i: int, before: list[str], story: bool) -> bool:
    """Whether the "if" at words[i] opens a condition told in a story whose "would" tells a past habit (`_habitual`)."""
    m = next((j for j in range(i + 1, len(words)) if words[j] in _WOULDS), None)
    return m is not None and _habitual(before + words[:m + (words[m] != "would")], words[m + 1:m + 3], story)


_TILL_THINGS = frozenset({"the", "a", "each", "every", "our", "my", "their", "that", "this"})   # "the till": a cash till


# judge43: the "until" is looked for in the negator's own clause, a few words on ("I didn't escalate it, and the outage
# ran until four in the morning" holds nothing back)
_UNTIL_WORDS = 8        # "I didn't change a single item on the menu until ..."
_UNTIL_BREAKS = frozenset({"and", "but", "so", "because", "while"})
_HOLDERS = frozenset({"i", "we", "i'd", "we'd", "i'll", "we'll"})
_HOLDING_AUXILIARIES = frozenset({"did", "would", "could", "do", "will", "was", "were"})


def held_until(words: Sequence[str], i: int, own: bool = False) -> bool:
    """Whether the negator at words[i] holds an act back until something else happened: "until", "till" said after it
    ("it didn't improve until we added the index"), not a cash till ("we didn't check the till"). With `own`, only
    the candidate's own act, held back by choice ("I wouldn't run it until the fire service said something", "we did
    not lift a column until..."), not what others did late ("the floor didn't know anything until tables
    complained")."""
    if own and not (i > 0 and words[i - 1] in _HOLDERS or i > 1 and words[i - 1] in _HOLDING_AUXILIARIES
                    and words[i - 2] in _HOLDERS):
        return False
    for j in range(i + 1, min(len(words), i + 1 + _UNTIL_WORDS)):
        w = words[j].rstrip(",;:")
        if w in _UNTIL_BREAKS:
            return False
        if w in UNTIL and not (w != "until" and words[j - 1] in _TILL_THINGS):
            return words[j + 1:j + 2] != ["after"]     # "I didn't test it until after the launch": late, not first
        if words[j][-1:] in (",", ";", ":"):
            return False
    return False


def _markers(words: list[str], before: list[str] | None = None, story: bool = False, routine: bool = False,
             reasons: list[tuple[int, str]] | None = None) -> tuple[frozenset[str], frozenset[str]]:
    """The denial and hypothetical markers said in `words`; `before` is what the sentence said before them, `story`
    whether the sentence before it was told in the past, `routine` whether it told a past routine (`_habitual`).
    `reasons`, when given, collects each denial said in an opening reason (`_reason_act`) as (where the act's subject
    is, the denial): not the act's, but still the reason's own words' ("calm down" in "When it didn't calm down I
    referred it…")."""
    neg: set[str] = set()
    hyp: set[str] = set()
    for i, w in enumerate(words):
        if w in TALKED_OVER and _talked_over(words, i):
            hyp.add(DISCUSSED)
        nxt = words[i + 1] if i + 1 < len(words) else ""
        after = words[i + 1:i + 3]
        if (w == "no" and i > 0 and words[i - 1] in EXISTS) or (w == "without" and nxt == "any"):
            if not any(a in NO_HARM for a in after):
                neg.add(w)        # "there's no API platform", "without any tests"
        elif skipped_by_candidate(words, i):
            neg.add(w)            # "Idempotency keys were something we skipped": not done (walk67 1b, `skipped`)
        elif w == "less" and nxt in UNSURE:
            neg.add(w)            # "I'm less sure about the card side": not said, as "not sure about" (judge86)
        elif w in NEGATORS or w.endswith("n't"):
            if nxt in ADDITIVE:
                continue          # "not just my own patients"
            if any(a in HARM for a in after):
                continue          # "we never lost a payment" reports a success
            if _in_relative(words, i):
                continue          # "flagged any payment that did not match": what the payment was, not the act
            if _denies_a_failing(words, i) or _bare_relative(words, i):
                continue          # "I didn't take either side", "a reduction she didn't know about" (judge77)
            act = _reason_act(words, i)
            if act is not None:
                if reasons is not None:
                    reasons.append((act, w))
                continue          # "When it didn't calm down I referred it to mediation": why, not the act (judge90)
            neg.add(HELD_UNTIL if held_until(words, i, own=True) else w)    # "I didn't change anything until ..."
        elif w in HYPOTHETICAL:
            if w in ("would", "i'd", "we'd", "you'd", "could", "should") and nxt in NOT_HYPOTHETICAL_AFTER:
                continue
            if (w in ("would", "i'd") and nxt in CHOICES and words[i + 2:i + 3] != ["up"]
                    and not any(c in ("if", "unless", "whether") for c in (before or []) + words[:i])):
                continue          # "the one I'd pick is ...": the answer chosen, not a plan
            if w in ("could", "would") and nxt in ("not", "n't"):
                continue
            if _wanted_named(words, i, before or []):
                continue          # "The platform team is the bit I'd want: a single API": the thing named (judge90)
            if w in ROUGH and nxt == "the" and all(b in _PICK_OPENERS for b in (before or []) + words[:i]):
                continue          # "Probably the deploy checker I wrote": the story picked (judge86)
            if w in ROUGH and _rough_figure(words, i):
                continue          # "it took maybe twenty minutes": a figure given roughly, told (judge86)
            if w in ("would", "could", "might", "should") and _compared(words, i):
                continue          # "a better rate than the bank would give them": what another does (judge86)
            if w == "could" and _past_ability((before or []) + words[:i], words[i + 1:i + 3]):
                continue          # "..., and we could process four times the trades": a result
            if w in PURPOSE_MODALS and (words[i - 1:i] and words[i - 1] in RELATIVES or "so" in words[max(0, i - 5):i]
                                        or _place_relative(words, i)):
                continue
            if w in ("would", "i'd", "we'd", "they'd") and _reported(words[:i]) and nxt not in ("have", "not"):
                continue          # "we agreed that handoffs would happen at the bedside": what was agreed, told
            if w in ("would", "i'd", "we'd") and _habitual((before or []) + words[:i + (w != "would")], after, story,
                                                           routine and w != "would"):
                continue          # "every Friday latency would jump": what used to happen
            if had(words, i):
                continue          # "I'd read about the Disruptor", "we'd already split the topic": I had
            if w == "plan" and acted_on_plan(words, i, said_in_past, before or []):
                continue          # "I changed the plan each time": an act on a plan, done (`plan_noun`, judge112)
            if w == "eventually" and nxt in ("consistent", "consistency"):
                continue          # "reads were eventually consistent": the consistency model chosen, not a plan
            if w == "if" and (i > 1 or _tells_what_happened(words) or _tells_a_rule(words)
                              or _if_habit(words, i, before or [], story)):
                continue          # "failover if the primary went down": a condition, not a plan
            hyp.add(w)
    return frozenset(neg), frozenset(hyp)


# "When it didn't calm down I referred it to mediation", "because the first fix didn't hold we rang the vendor": a
# denial in a "when"/"because" clause that opens the clause says why the candidate then acted; the act that follows,
# the candidate's own in the past, is told (judge90). Not "When it didn't calm down I didn't call anyone" (the act's
# own denial counts), "I didn't refer it when it calmed down" (no opening "when")
_REASON_OPENERS = frozenset({"when", "because", "since", "once"})
# "when the van thing didn't stop": the opener REASON_OPENER_WORDS words before the denial at most; "... didn't calm down
# I referred": the candidate's act REASON_ACT_WORDS words after it at most (settings)


def _reason_act(words: list[str], i: int) -> int | None:
    """Where the candidate's own act told in the past ("I referred", "we added") starts, its subject, when the denial at
    words[i] is inside a "when"/"because" clause that opens the clause and the act follows it within a few words; else
    None. The words before it are the reason's, and keep its denial (read45a 2: "calm down" is not said as done)."""
    k = next((j for j in range(i - 1, max(-1, i - 1 - REASON_OPENER_WORDS), -1) if words[j] in _REASON_OPENERS), None)
    if k is None or any(w in ("i", "we") for w in words[k + 1:i]) or not all(w in _PICK_OPENERS for w in words[:k]):
        return None
    for j in range(i + 2, min(len(words) - 1, i + 2 + REASON_ACT_WORDS)):
        if words[j] in ("i", "we"):
            verb = words[j + 1]
            return j if not (verb in NEGATORS or verb.endswith("n't")) and said_in_past([verb]) else None
    return None


# "The platform team is the bit I'd want", "that's the role I'd want": a relative clause that ends on "want" says which
# thing the candidate means, as "the one I'd pick" (`CHOICES`); what it names is told. Not "what I'd want is to add
# metrics", "I'd want to add metrics", "the team I'd want to build" (a plan follows the verb)
_WANT_HEADS = frozenset({"bit", "part", "one", "thing", "team", "role", "job", "kind", "sort", "place", "work", "side"})


def _wanted_named(words: list[str], i: int, before: list[str]) -> bool:
    """Whether the modal at words[i] is in a relative clause that ends on "want" after a noun ("the bit I'd want")."""
    if words[i] == "would":
        head_at = i - 2 if i >= 2 and words[i - 1] in ("i", "we") else -1
    else:
        head_at = i - 1 if words[i] in ("i'd", "we'd") else -1
    return (head_at >= 1 and words[head_at] in _WANT_HEADS and words[head_at - 1] in ("the", "a", "that", "this")
            and words[i + 1:] == ["want"] and not any(c in _CONDITIONS for c in before + words[:i]))


def _rough_figure(words: list[str], i: int) -> bool:
    """Whether the hedge at words[i] ("maybe", "probably") gives a figure roughly: a number said next ("maybe twenty
    minutes", "probably 300"), or after "a"/"about"… an amount or a unit of time ("maybe a dozen", "maybe an hour"),
    within settings.ROUGH_FIGURE_WORDS words."""
    for j in range(i + 1, min(len(words), i + 1 + ROUGH_FIGURE_WORDS)):
        w = words[j]
        if w in NUMBER_WORDS or w[:1].isdigit() or (j > i + 1 and w in _ROUGH_AMOUNTS):
            return True
        if w not in _ROUGH_BEFORE:
            return False
    return False


def _compared(words: list[str], i: int) -> bool:
    """Whether the modal at words[i] is said inside a "than" comparison: "than" and its subject ("the bank", "what
    a bank", "they") just before it, within settings.COMPARED_WORDS words ("a better rate than the bank would give
    them")."""
    return any(words[j] == "than" and j + 1 < i and words[j + 1] in _THAN_SUBJECTS
               for j in range(max(0, i - COMPARED_WORDS), i))


# A key point that claims a change ("It cut p99 latency from 5 ms to under 1 ms", "latency down") or an outcome ("the fix
# and the measured result") is contradicted by a clause that says the change did not happen: "latency didn't really
# change", "it stayed around five milliseconds", "the retries made no difference". Narrow on purpose: a denial that
# describes a design ("we never block the event loop") says nothing about a change.
CHANGE_CLAIM = re.compile(r"^(?:cut|reduc|lower|drop|fell|fall|improv|faster|quicker|sped|speed|halv|doubl|tripl|sav|"
                          r"decreas|increas|shr[au]nk|down$|eliminat)")
OUTCOME_CLAIM = re.compile(r"^(?:result|outcome|fix|solv|resolv)")
_UNCHANGED_VERB = re.compile(r"^(?:chang|improv|help|work|mov|budg|fix|matter|shift|reduc|decreas|lower|speed|sped|"
                             r"solv|resolv|faster|quicker|better|differen)")
_STILL = frozenset({"stayed", "stay", "stays", "remained", "remain", "remains", "stuck", "hovered", "sat"})
_STILL_AT = frozenset({"the", "same", "flat", "around", "at", "about", "roughly", "unchanged", "where", "near",
                       "basically", "pretty", "much"})
_NO_CHANGE_NOUN = frozenset({"difference", "change", "improvement", "effect", "gain", "benefit", "impact", "better"})
_SKIP_AFTER_NOT = frozenset({"really", "actually", "much", "even", "seem", "seemed", "to", "make", "made", "any",
                             "a", "that", "all", "at", "have", "had", "get", "got", "go", "noticeably", "measurably",
                             "significantly", "do", "did", "be", "been", "being", "is", "was", "were", "anything",
                             "things", "it", "the", "needle", "real"})


def _counting_negators(words: list[str]) -> list[int]:
    """Positions of the negation words `_markers` counts as a denial ("not", "n't", "never"; not "never lost", nor one
    that holds an act back until something else happened, `held_until`)."""
    out = []
    for i, w in enumerate(words):
        if w in NEGATORS or w.endswith("n't"):
            after = words[i + 1:i + 3]
            if (words[i + 1:i + 2] and words[i + 1] in ADDITIVE) or any(a in HARM for a in after) \
                    or _in_relative(words, i) or held_until(words, i) or _denies_a_failing(words, i) \
                    or _bare_relative(words, i):
                continue          # ... nor "it didn't change until we added the index": it changed then
            out.append(i)
    return out


def denies_change(words: list[str], still: bool = True) -> bool:
    """Whether a clause says a change or an outcome did not happen: "didn't really change", "never helped", "made no
    difference", "nothing improved" and, with `still` (for a claimed change, not an outcome: "availability stayed
    at 99.99%" is a result), "stayed around five milliseconds", "same as before"."""
    for i in _counting_negators(words):
        for w in words[i + 1:i + 5]:
            if _UNCHANGED_VERB.match(w):
                return True
            if w not in _SKIP_AFTER_NOT:
                break
    for i, w in enumerate(words):
        nxt = words[i + 1:i + 3]
        if w in ("no", "nothing", "zero") and any(n in _NO_CHANGE_NOUN or _UNCHANGED_VERB.match(n) for n in nxt):
            return True
        if still and (w in _STILL and nxt and nxt[0] in _STILL_AT
                      or w == "unchanged" or (w == "same" and words[i + 1:i + 3] == ["as", "before"])):
            return True
    return False


def denied_targets(words: list[str]) -> list[int]:
    """The word each counted denial is about: the first word after it that is not an auxiliary or an adverb
    ("failover wasn't automatic" -> "automatic", "we never block the loop" -> "block")."""
    out = []
    for i in _counting_negators(words):
        for j in range(i + 1, min(len(words), i + 4)):
            if words[j] not in _DENIAL_SKIP:
                out.append(j)
                break
    return out


_DENIAL_SKIP = frozenset({"be", "been", "being", "is", "was", "were", "are", "really", "fully", "actually", "very",
                          "always", "even", "quite", "entirely", "completely", "yet", "ever", "too", "so"})


def _spans(raw: list[str]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Sentence spans and clause spans (inclusive word ranges) of the answer's words (computed once per answer: the
    units, the markers and the judge all ask)."""
    sentences, clauses = _spans_of(tuple(raw))
    return list(sentences), list(clauses)


@lru_cache(maxsize=8)
def _spans_of(raw: tuple[str, ...]) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    sentences: list[tuple[int, int]] = []
    clauses: list[tuple[int, int]] = []
    start = cstart = 0
    for i, w in enumerate(raw):
        word = w.strip()
        last = i == len(raw) - 1
        nxt = clean(raw[i + 1]) if not last else ""
        if SENTENCE_END.search(word) or last:
            sentences.append((start, i))
            clauses.append((cstart, i))
            start = cstart = i + 1
        elif ((CLAUSE_END.search(word) or nxt in CLAUSE_OPENERS or _corrects(raw, i + 1, cstart)) and i - cstart >= 2
              or CLAUSE_END.search(word) and i - cstart == 1 and clean(raw[cstart]) == "not"):     # "..., not postgres,"
            clauses.append((cstart, i))
            cstart = i + 1
    return tuple(sentences), tuple(clauses)


# a self-correction said after a denial: "we used not postgres sorry we used cassandra", "not MySQL no wait Postgres",
# "we didn't use X i mean we used Y". The denial's scope ends there: what follows is said for real. Not an apology
# ("I was sorry about the wait", "so sorry")
_APOLOGISERS = frozenset({"was", "were", "am", "is", "i'm", "be", "been", "felt", "feel", "so", "very", "really", "too",
                          "say", "said", "saying", "sincerely", "truly", "deeply", "i", "we", "they", "not"})


def _corrects(raw: tuple[str, ...], j: int, cstart: int) -> bool:
    """Whether raw[j] opens a self-correction ("sorry", "no wait", "I mean") after a denial said in the clause from
    raw[cstart]."""
    if j >= len(raw) or j < 1:
        return False
    w, prev, nxt = clean(raw[j]), clean(raw[j - 1]), clean(raw[j + 1]) if j + 1 < len(raw) else ""
    if not ((w == "sorry" and prev not in _APOLOGISERS) or (w, nxt) in (("no", "wait"), ("i", "mean"))):
        return False
    return any(c in NEGATORS or c.endswith("n't") for c in map(clean, raw[max(cstart, j - 8):j]))


def _clause_hypotheticals(words: list[str], sentences: list[tuple[int, int]], clauses: list[tuple[int, int]],
                           told: _Sentences) -> dict[tuple[int, int], frozenset[str]]:
    """Hypothetical markers each clause inherits from an earlier clause of its sentence, or from the sentence
    before.

    A modal scopes over the clauses listed after it ("I'd add metrics, tracing and alerts, and version the
    APIs") until a contrast opens a clause ("..., but we shipped it") or one opens with a subject of its own ("..., so
    i brought them both into the back office", "..., we'd degrade to the cached quote, I led the design":
    `_tells_own_act`). Transcripts cut such lists into
    sentences and lose the "I'd" of "and I'd track compliance": a sentence that says nothing in the past tense
    and opens with no contrast keeps the modals the sentence before it said (when that one was not past
    either), one sentence on.
    """
    out: dict[tuple[int, int], frozenset[str]] = {}
    before: frozenset[str] = frozenset()
    for a, b in sentences:
        story, routine = told.story(a), told.routine(a)
        carry: frozenset[str] = frozenset()
        if before and words[a] not in CONTRAST_OPENERS and not said_in_past(words[a:b + 1]):
            carry = before
        own: frozenset[str] = frozenset()
        for ca, cb in clauses:
            if ca < a or cb > b:
                continue
            if words[ca] in CONTRAST_OPENERS or _tells_own_act(words, ca, cb):
                carry = own = frozenset()   # "..., so i brought them into the back office", "..., I led the design"
            _, hyp = _markers(words[ca:cb + 1], words[a:ca], story, routine)
            out[(ca, cb)] = carry
            carry = carry | (hyp & MODALS_CARRY)
            own = own | (hyp & MODALS_CARRY)
        before = frozenset() if said_in_past(words[a:b + 1]) else own
    return out


# when something happened: "once", "two years ago", "last spring", "in 2021"
WHEN = frozenset({"once", "ago", "last", "recently", "yesterday", "previously", "earlier"})


# how often a routine is done: "each week", "every morning", "within a day", "daily". A routine said with its frequency
# ("I follow up with every customer within a day", "each week I review the queue") is a practice told, as a past habit
# in a story is ("I'd pull pickers off"), not a trait ("I always try to deliver value"); not "every time"
PERIODS = frozenset({"day", "week", "month", "morning", "evening", "night", "shift", "sprint", "quarter", "hour",
                     "handoff", "release", "deploy", "standup", "stand-up", "weekend", "term", "lesson"})
FREQUENCIES = frozenset({"daily", "weekly", "monthly", "nightly", "hourly", "fortnightly", "quarterly"})
_WITHIN = frozenset({"a", "an", "one", "two", "three", "four", "24", "48"})


def tells_a_routine(words: list[str]) -> bool:
    """Whether a sentence (cleaned words) says how often something is done: "each week", "every morning", "within a
    day", "within 24 hours", "daily"."""
    for i, w in enumerate(words):
        after = words[i + 1:i + 3]
        if w in FREQUENCIES or (w in ("each", "every") and after[:1] and after[0] in PERIODS) or (
                w == "within" and len(after) == 2 and after[0] in _WITHIN and after[1].rstrip("s") in PERIODS):
            return True
    return False


def tells_an_instance(words: list[str], routine: bool = True) -> bool:
    """Whether a sentence tells something that happened (past tense, or a when: "once", "last year", "in 2021") or a
    routine with its frequency (`tells_a_routine`; not with `routine` False), rather than a claim about oneself ("I
    learn quickly")."""
    return said_in_past(words) or (routine and tells_a_routine(words)) or any(
        w in WHEN or (len(w) == 4 and w.isdigit() and w[:2] in ("19", "20")) for w in words)


class _Sentences:
    """Where each sentence of an answer starts, and whether the sentence before it told something in the past (a story
    goes on: `_habitual`); worked out once per answer, not for every clause and unit asked about."""

    def __init__(self, words: list[str], sentences: list[tuple[int, int]]) -> None:
        self._firsts = [a for a, _b in sentences]
        self._lasts = [b for _a, b in sentences]
        past = [said_in_past(words[a:b + 1]) for a, b in sentences]
        self._story = [False, *past[:-1]]
        routine: list[bool] = []          # a past routine, told (`told_a_routine`) or gone on with in an "I'd"
        for k, (a, b) in enumerate(sentences):   # read as a habit ("...usually stepped in. But if it happened now,
            said = words[a:b + 1]                # I'd ...": a plan, the routine ends there)
            goes_on = bool(routine and routine[-1] and {"i'd", "we'd"} & set(said)) and not _reflects(said) and not (
                _markers(said, None, self._story[k], True)[1] & MODALS_CARRY)
            routine.append(told_a_routine(said) or goes_on)
        self._routine = [r and not _reflects(words[a:b + 1]) for r, (a, b) in zip([False, *routine[:-1]], sentences)]

    def _of(self, i: int) -> int | None:
        k = bisect_right(self._firsts, i) - 1
        return k if k >= 0 and i <= self._lasts[k] else None

    def start(self, i: int) -> int:
        """The first word of the sentence that word `i` is said in."""
        k = self._of(i)
        return self._firsts[k] if k is not None else i

    def story(self, i: int) -> bool:
        """Whether the sentence before the one word `i` is said in told something in the past."""
        k = self._of(i)
        return k is not None and self._story[k]

    def routine(self, i: int) -> bool:
        """Whether the sentence before the one word `i` is said in told a past routine (`told_a_routine`), or went on
        with one in an "I'd"."""
        k = self._of(i)
        return k is not None and self._routine[k]


def sentence_spans(raw: list[str]) -> list[tuple[int, int]]:
    """The answer's sentences, as inclusive word ranges."""
    return _spans(raw)[0]


def clause_spans(raw: list[str]) -> list[tuple[int, int]]:
    """The answer's clauses, as inclusive word ranges."""
    return _spans(raw)[1]


# A denial covers what its clause goes on to say after an aside: "there is no developer API, as far as I can tell,
# for other platforms to build on". A clause that is only an aside ("as far as I know", "I think", "honestly") or
# that goes on with a preposition ("for other platforms...", "to anyone outside") keeps the denial of the clause
# before it in its sentence. "with one thread owning the writes" after "there were no locks" describes the design
# and does not.
CONTINUES = frozenset({"for", "to", "in", "on", "from", "at", "of", "about", "by", "across", "between", "into",
                       "than", "outside", "beyond"})
ASIDES = (("as", "far", "as"), ("i", "think"), ("i", "guess"), ("i", "believe"), ("i", "suppose"), ("honestly",),
          ("frankly",), ("you", "know"), ("i", "mean"), ("at", "least"), ("as", "i", "said"), ("if", "i", "remember"),
          ("i'd", "say"), ("to", "be", "honest"), ("really",), ("actually",))
_ASIDE_FILLERS = frozenset({"um", "uh", "like", "and", "so", "well"})


def _aside(words: list[str]) -> bool:
    core = [w for w in words if w and w not in _ASIDE_FILLERS]
    return 0 < len(core) <= 6 and any(tuple(core[:len(a)]) == a for a in ASIDES)


def continued_denials(words: list[str], sentences: list[tuple[int, int]],
                      clauses: list[tuple[int, int]]) -> dict[tuple[int, int], frozenset[str]]:
    """For each clause, the denial words it keeps from the clause before it (see CONTINUES)."""
    out: dict[tuple[int, int], frozenset[str]] = {}
    for a, b in sentences:
        before: frozenset[str] = frozenset()
        for ca, cb in clauses:
            if ca < a or cb > b:
                continue
            own, _ = _markers(words[ca:cb + 1])
            first = next((w for w in words[ca:cb + 1] if w and w not in _ASIDE_FILLERS), "")
            keeps = bool(before) and not own and (first in CONTINUES or _aside(words[ca:cb + 1]))
            out[(ca, cb)] = before if keeps else frozenset()
            # "the cache in front, not postgres, for failure we ...": a "not X" tag corrects what was said before it
            # and denies nothing after it
            before = frozenset() if first == "not" and cb - ca <= 2 else own or out[(ca, cb)]
    return out


def said_in_past(words: list[str]) -> bool:
    """Something in the past tense ("we shipped", "it was")."""
    return any(w in PAST or (len(w) > 4 and w.endswith("ed")) for w in words)


def _windows(first: int, last: int, starts: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """A stretch as one unit, or when longer than MAX_UNIT_WORDS, as windows of whole pieces (a piece opens at
    each of `starts`), up to WINDOW_WORDS each; a longer piece is one unit up to MAX_UNIT_WORDS, else cut into
    fixed overlapping windows."""
    if last - first + 1 <= MAX_UNIT_WORDS:
        return [(first, last)]
    bounds = sorted({first} | {s for s in starts if first < s <= last}) + [last + 1]
    out: list[tuple[int, int]] = []
    for i, start in enumerate(bounds[:-1]):
        if bounds[i + 1] - start > WINDOW_WORDS:
            out += _fixed_windows(start, bounds[i + 1] - 1)
            continue
        j = i + 1
        while j + 1 < len(bounds) and bounds[j + 1] - start <= WINDOW_WORDS:
            j += 1
        out.append((start, bounds[j] - 1))
    return out                         # each window starts at its own word: none repeats


def _fixed_windows(first: int, last: int) -> list[tuple[int, int]]:
    if last - first + 1 <= MAX_UNIT_WORDS:
        return [(first, last)]
    out = []
    for s in range(first, last + 1, WINDOW_STEP):
        e = min(last, s + WINDOW_WORDS - 1)
        out.append((s, e))
        if e == last:
            break
    return out


_LEADING_FILLERS = SPOKEN_OPENERS | _ASIDE_FILLERS | {""}
_FILLERS_SKIPPED = 3


def _tells_own_act(words: list[str], first: int, last: int) -> bool:
    """Whether the stretch from word `first` to `last` opens, after a few spoken openers and fillers ("so, um,"),
    with a subject of its own and tells in its next few words what happened: its own act, outside the scope of a
    modal said before it. One rule for a spoken run ("we'd double allocated it ... so i brought them", judge59), a
    comma-run ("if pricing was down we'd degrade to the last cached quote, I led the design", fixBF) and a past
    perfect ("..., and we'd already split the topic", `had`). Not "..., so we see stuck payments", a plan's purpose,
    nor "..., so that concurrency is bounded": the "that" of a purpose clause is no subject (walk60)."""
    k = first
    while k <= last and words[k] in _LEADING_FILLERS and k - first < _FILLERS_SKIPPED:
        k += 1
    if k <= last and words[k] == "that" and k > first and words[k - 1] == "so":
        return False
    if k <= last and words[k] not in SUBJECTS and any(w in COORDINATORS for w in words[first:k]):
        k = _lead_subject(words, k, last)      # "..., and every morning we matched the report": a run-on's sentence
    return k <= last and words[k] in SUBJECTS and _tells_what_happened(words[k:min(k + 4, last + 1)], True)


# A sentence end tiny.en hears as a comma ("…one account could try an hour, and every morning we matched the settlement
# report…", audio46) leaves a run-on whose next sentence opens after a coordinator with a short lead of its own before
# its subject ("every morning", "the next day", "two weeks later"); said with its full stop, the sentence is its own
# and tells what it tells. A lead is a few words (settings.LEAD_WORDS) with no verb, modal or subordinator in it, and
# the subject after it a person's pronoun (not "that", "this": "and the one that failed was…" is a relative clause).
# Nor is "the" and a noun alone a lead: "and the time we missed it", "and the moment they rang" open a noun phrase
# the clause after it picks out (a relative clause without its "that"), not a sentence of their own (judge98r); "the
# next day we", "every morning we", "in the end we", "by the end we" are leads.
_LEAD_SUBJECTS = frozenset({"i", "we", "they", "he", "she", "it", "i'd", "we'd", "i've", "we've", "i'm", "we're",
                            "they've", "they'd"})
_NOT_A_LEAD = frozenset({"if", "when", "whenever", "unless", "because", "since", "while", "although", "though", "once",
                         "until", "before", "that", "which", "who", "whom", "whose", "what", "how", "where", "whether",
                         "why", "as", "not", "no", "never", "to", "is", "was", "were", "are", "be", "been", "had",
                         "have", "has", "did", "do", "does"})


def _lead_subject(words: list[str], k: int, last: int) -> int:
    """Where the subject after a short lead opening at word `k` is (settings.LEAD_WORDS), else `last + 1`: none after
    a lead of "the" and a noun alone ("and the time we missed it": a noun phrase and its relative clause)."""
    for j in range(k + 1, min(k + LEAD_WORDS, last) + 1):
        lead = words[k:j]
        if any(w in _NOT_A_LEAD or w in MODALS_CARRY or w in SUBJECTS or not w for w in lead) or said_in_past(lead):
            return last + 1
        if words[j] in _LEAD_SUBJECTS:
            return last + 1 if j - k == 2 and words[k] == "the" else j
    return last + 1


def _own_subject_since(words: list[str], first: int, a: int, starts: frozenset[int]) -> int:
    """Where, in the clause from word `first`, the stretch before word `a` that a modal said in it carries over to
    starts: the last piece (`_piece_starts`) that opens with a subject of its own ("so i brought them", "and they
    found"), else the clause's start. "Then I'd review the chart talk to the staff go back" keeps its "I'd"; in
    speech transcribed without punctuation, where the whole answer is one clause, "we'd double allocated it in the
    p m s the husband was shouting in the lobby so i brought them both into the back office" does not make the
    candidate's own act hypothetical (judge59: dev2 d2k-019, every window of it read as a hypothetical)."""
    since = first
    for k in range(first + 1, a):
        if k in starts and _tells_own_act(words, k, a - 1):
            since = k
    return since


def _in_number(words: list[str], i: int) -> bool:
    """Whether the "and" at i is inside a said number: "one hundred and twenty", tiny.en's "100 and 20"."""
    def numeric(w: str) -> bool:
        return w[:1].isdigit() or (w in NUMBER_WORDS and w != "point")
    return words[i] == "and" and 0 < i < len(words) - 1 and numeric(words[i - 1]) and numeric(words[i + 1])


def _piece_starts(words: list[str], clauses: list[tuple[int, int]]) -> frozenset[int]:
    """Where a new piece of a long sentence starts: each clause, and each run of SPOKEN_OPENERS (not the "and" of
    "100 and 20 milliseconds", which would cut the number a result is told with)."""
    spoken = {i for i in range(1, len(words)) if words[i] in SPOKEN_OPENERS and words[i - 1] not in SPOKEN_OPENERS
              and not _in_number(words, i)}
    return frozenset(a for a, _b in clauses) | spoken


def _transcript_words(raw: list[str]) -> bool:
    """Transcript words carry their own leading space, and a word without one continues the word before it
    (whisper's "99" + ".95", " 4" + ",000", "pre" + "-allocate"); plain word lists have no leading spaces."""
    return any(w[:1].isspace() for w in raw[1:])


def _continues(piece: str) -> bool:
    """A transcript piece that continues the word before it (no leading space: ",000" after " 4")."""
    return bool(piece[:1]) and not piece[:1].isspace()


# a contraction's verb without its "n't" ("didn't" -> "did", "can't" -> "can", "won't" -> "will")
_UNDENIED = {"ca": "can", "wo": "will", "sha": "shall"}


# the denials measured heard unsure when another word was said (judge82, judge85): "not", "never", "no" and the "n't"
# contractions; "without", "nor", "neither" were never heard so and are read as said
UNSURE_DENIALS = frozenset({"not", "never", "no", "cannot"})


def unheard_denials(raw: list[str], probabilities: Sequence[float], below: float) -> list[str]:
    """The words as the judge reads them: a denial the recogniser itself was unsure of (its probability under
    `below`) is read as not said. A misheard word is heard as a denial often ("APIs that other platforms build on" heard
    "API's not[0.15] other platforms build onto"); a denial said is heard surely: in dev's transcripts every denial
    heard under 0.3 was another word said (5 of 5), none a denial said (docs/benchmarks.md judge82). Only the denials
    so measured are dropped (`UNSURE_DENIALS`: "not", "never", "no", a "n't" contraction; not "without" or "nor":
    read43c, judge85), a contraction keeps its verb ("can't" -> "can"); the punctuation stays (a comma still ends a
    clause), so word positions and quotes are the transcript's."""
    out = list(raw)
    for i, (word, p) in enumerate(zip(raw, probabilities)):
        w = clean(word)
        if p >= below or not (w in UNSURE_DENIALS or w.endswith("n't")):
            continue
        base = w[:-3] if w.endswith("n't") else ""
        base = _UNDENIED.get(base, base) if w != "cannot" else "can"
        out[i] = re.sub(r"[\w'’-]+", base, word, count=1)
    return out


def joined(raw: list[str]) -> str:
    """The words as said (see `_transcript_words`); plain word lists are joined by spaces."""
    if _transcript_words(raw):
        return "".join(raw).strip()
    return " ".join(w.strip() for w in raw).strip()


def whole_words(raw: list[str], first: int, last: int) -> tuple[int, int]:
    """A span of transcript pieces widened to whole said words: whisper's " 8" + ",000" is one word, so a match on
    ",000 requests" is evidence "8,000 requests" (plain word lists are kept as they are)."""
    if not _transcript_words(raw):
        return first, last
    while first > 0 and _continues(raw[first]):
        first -= 1
    while last + 1 < len(raw) and _continues(raw[last + 1]):
        last += 1
    return first, last


def said_pieces(raw: list[str]) -> list[str]:
    """The words as said, one item per word: whisper's pieces joined (see `_transcript_words`). Plain word lists
    are kept."""
    if not _transcript_words(raw):
        return raw
    out: list[str] = []
    for w in raw:
        if out and _continues(w):
            out[-1] += w
        else:
            out.append(w)
    return out


def units(raw: list[str]) -> list[Unit]:
    """The answer's sentences (windowed when very long), and the clauses of sentences said partly
    negatively or hypothetically, so their plain clauses can still count.

    Pairs of adjacent sentences are not embedded: the judge averages their two sentence vectors.
    """
    words = [clean(w) for w in raw]
    sentences, clauses = _spans(raw)

    told = _Sentences(words, sentences)
    inherited = _clause_hypotheticals(words, sentences, clauses, told)
    continued = continued_denials(words, sentences, clauses)
    starts = _piece_starts(words, clauses)

    def carried(a: int) -> frozenset[str]:
        """The modals a unit starting at word `a` inherits: from its clause, and said earlier in that clause
        (a window cut from "Then I'd review the chart, talk to the staff, go back..." keeps the "I'd"); none when the
        unit is a piece of the clause with a subject and tense of its own ("...the cardiology lead could open the folder
        and I removed their access...": told, as it is after a comma; walk61 3)."""
        for ca, cb in clauses:
            if ca <= a <= cb:
                if ca < a and a in starts and _tells_own_act(words, a, cb):
                    return frozenset()
                since = _own_subject_since(words, ca, a, starts)
                return inherited.get((ca, cb), frozenset()) | (
                    _markers(words[since:a], words[told.start(ca):since], told.story(ca), told.routine(ca))[1]
                    & MODALS_CARRY)
        return frozenset()

    def denial_kept(a: int) -> frozenset[str]:
        return next((continued.get((ca, cb), frozenset()) for ca, cb in clauses if ca <= a <= cb), frozenset())

    conditional = [(a, b) for a, b in sentences if _opens_if(words, a, b)]

    acts: list[int] = []        # where the act after an opening reason's denial starts (`_reason_act`)

    def make(a: int, b: int, kind: str) -> Unit:
        reasons: list[tuple[int, str]] = []
        neg, hyp = _markers(words[a:b + 1], words[told.start(a):a], told.story(a), told.routine(a), reasons)
        if reasons:             # the unit says the reason's words too: its denial kept ("When it didn't calm down I
            #                     referred it…" is no telling of "it calmed down"); the act alone is a unit of its own
            neg = neg | {w for _j, w in reasons}
            acts.extend(a + j for j, _w in reasons)
        hyp = hyp | carried(a)
        if any(sa <= a and b <= sb and not (sa < a and _tells_own_act(words, a, b)) for sa, sb in conditional):
            hyp = hyp | {"if"}      # "But if a family came to me," of "..., I'd sit down with them": a condition
        neg = neg | denial_kept(a)
        return Unit(a, b, joined(raw[a:b + 1]), kind, neg, hyp)

    out: list[Unit] = []
    seen: set[tuple[int, int]] = set()
    for a, b in sentences:
        for s, e in _windows(a, b, starts):
            if any(words[s:e + 1]):
                out.append(make(s, e, "sentence"))
                seen.add((s, e))
    marked = [(u.first, u.last) for u in out
              if u.negated or u.hypothetical or denies_change(words[u.first:u.last + 1])]
    for a, b in clauses:
        if not any(s <= a and b <= e for s, e in marked):
            continue
        for s, e in _windows(a, b, starts):
            if (s, e) not in seen and any(words[s:e + 1]):
                out.append(make(s, e, "clause"))
                seen.add((s, e))
    for a, b in sentences:
        if b - a + 1 > MAX_UNIT_WORDS:
            continue                  # cut into windows of whole pieces already
        for s, e in coordinated_halves(words, a, b, clauses):
            if (s, e) not in seen:
                out.append(make(s, e, "half"))
                seen.add((s, e))
    for k in sorted(set(acts)):
        for a, b in clauses:
            if a <= k <= b:
                for s, e in _windows(k, b, starts):
                    if (s, e) not in seen and any(words[s:e + 1]):
                        out.append(make(s, e, "clause"))     # "I referred it to Calderdale Mediation": told
                        seen.add((s, e))
    return out


# "We ran Postgres with a hot standby, streaming replication to a second zone, and every quarter we did a failover
# drill": two things said in one sentence, joined by a coordinator after a comma, the second with a subject of its
# own. Each half is a unit too, so that each can speak for its own key point (the whole sentence is close to neither).
COORDINATORS = frozenset({"and", "but", "so", "then", "plus"})
SUBJECTS = frozenset({"i", "we", "they", "he", "she", "it", "i'd", "we'd", "i've", "we've", "i'm", "we're", "they've",
                      "they'd", "that", "this", "everyone", "nobody", "team"})
SUBJECT_WITHIN = 5        # the second half's subject comes within this many words of its coordinator
HALF_WORDS = 4            # each half says at least this many words


def coordinated_halves(words: list[str], a: int, b: int,
                       clauses: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The two halves of a sentence (cleaned words a..b) that joins two clauses with a coordinator that opens a clause
    ("..., and every quarter we did a failover drill"), cut at the first such join, or that tells two acts of one
    subject (`_shared_subject_halves`); [] for other sentences."""
    for ca, _cb in clauses:
        if not a < ca <= b or words[ca] not in COORDINATORS:
            continue
        if ca - a < HALF_WORDS or b - ca + 1 < HALF_WORDS:
            continue
        if any(w in SUBJECTS for w in words[ca + 1:ca + 1 + SUBJECT_WITHIN]):
            return [(a, ca - 1), (ca, b)]
    return _shared_subject_halves(words, a, b)


def past_verb(word: str) -> bool:
    """A verb told in the past: an irregular past (`PAST`) or a regular one ("-ed", not `ED_NOT_PAST`: "need",
    "proceed"). The one reader of a word as a past verb: slots' (with `BASE_PASTS`) and slot_fills' (less the verbs
    of being) are it (dedup53). `said_in_past` is the looser test of a stretch of words."""
    return word in PAST or (len(word) > 3 and word.endswith("ed") and word not in ED_NOT_PAST)


def _shared_subject_halves(words: list[str], a: int, b: int) -> list[tuple[int, int]]:
    """The two halves of a sentence that tells, after its own subject, two things done with one subject: "I designed
    the metrics pipeline and led a team of three to roll it out across five cloud regions" (walk64 1), cut before the
    first "and"/"then" that goes on with a verb in the past; each half at least `HALF_WORDS` words ("I designed and
    built it" stays whole)."""
    if not _tells_own_act(words, a, b):
        return []
    for k in range(a + HALF_WORDS, b - HALF_WORDS + 2):
        if words[k] in ("and", "then") and past_verb(words[k + 1]) and not _in_number(words, k):
            return [(a, k - 1), (k, b)]
    return []


def _opens_if(words: list[str], a: int, b: int) -> bool:
    """Whether the sentence from word a to b opens with "if" ("So if a customer called, I'd...") and does not tell, in
    the past with no modal, what happened ("If the processor timed out we retried"): hypothetical throughout."""
    opens = words[a] == "if" or (words[a] in ("so", "and", "but", "um", "uh") and a + 1 <= b and words[a + 1] == "if")
    return opens and not (_tells_what_happened(words[a:b + 1]) or _tells_a_rule(words[a:b + 1]))


def clause_markers(raw: list[str]) -> list[frozenset[str]]:
    """For each word, the negation and hypothetical markers of the clause it is said in.

    A sentence that opens with "if" is hypothetical throughout ("If I faced it again I'd try the Disruptor"), unless it
    tells in the past tense, with no modal, what happened ("If the processor timed out we retried"), but for a later
    clause that tells its own act ("..., we'd already set up replication": `_tells_own_act`).
    """
    words = [clean(w) for w in raw]
    sentences, clauses = _spans(raw)
    out: list[frozenset[str]] = [frozenset()] * len(raw)
    told = _Sentences(words, sentences)
    inherited = _clause_hypotheticals(words, sentences, clauses, told)
    starts = _piece_starts(words, clauses)
    for a, b in clauses:
        reasons: list[tuple[int, str]] = []
        neg, hyp = _markers(words[a:b + 1], words[told.start(a):a], told.story(a), told.routine(a), reasons)
        # a piece with a subject and tense of its own ends the scope of a modal said before it in the clause ("...the
        # cardiology lead could open the folder and I removed their access...": walk61 3), as `units` reads it
        told_from = next((k for k in range(a + 1, b + 1) if k in starts and _tells_own_act(words, k, b)), b + 1)
        for i in range(a, told_from):
            out[i] = neg | hyp | inherited[(a, b)]
        if told_from <= b:
            _, hyp_t = _markers(words[told_from:b + 1], words[told.start(a):told_from], told.story(a), told.routine(a))
            for i in range(told_from, b + 1):
                out[i] = neg | hyp_t         # its denials as the clause's (judge88's to read)
        for j, w in reasons:    # the reason's own words keep its denial, the act after it is told (read45a 2)
            for i in range(a, a + j):
                out[i] = out[i] | {w}
    for a, b in sentences:
        if _opens_if(words, a, b):
            told_after = [(ca, cb) for ca, cb in clauses if a < ca and cb <= b and _tells_own_act(words, ca, cb)]
            for i in range(a, b + 1):
                if not any(ca <= i <= cb for ca, cb in told_after):
                    out[i] = out[i] | {"if"}     # not "..., we'd already set up replication": told (`_tells_own_act`)
    return out


def kept_denials(raw: list[str]) -> list[frozenset[str]]:
    """For each word, the denial its clause keeps from the clause before it (`continued_denials`): "for other
    platforms" in "there is no developer API, as far as I can tell, for other platforms to build on"."""
    words = [clean(w) for w in raw]
    sentences, clauses = _spans(raw)
    out: list[frozenset[str]] = [frozenset()] * len(raw)
    for (a, b), kept in continued_denials(words, sentences, clauses).items():
        for i in range(a, b + 1):
            out[i] = kept
    return out


# a window this short that closes a long sentence ("..., and the problem space is hard, you know, correctness.") is a
# fragment the transcriber may close with a full stop or not (walk51 1(b), judge70)
FRAGMENT_WORDS = 3


def read_on(raw: list[str], fragment: Unit, after: Unit, starts: frozenset[int]) -> str | None:
    """A pair's text as said with a comma, when its first unit is a short fragment (`FRAGMENT_WORDS`) that closes a
    longer sentence and `after` opens the next one (`starts`: the sentences' first words): "you know, correctness.
    Money can't go missing" is read as "you know, correctness, money can't go missing", as the same words said with
    a comma are; None for any other pair. The pair is then embedded as that text, not as the mean of a fragment and
    a sentence."""
    size = sum(bool(clean(w)) for w in raw[fragment.first:fragment.last + 1])
    if fragment.first in starts or after.first not in starts or size > FRAGMENT_WORDS:
        return None
    said = list(raw[fragment.first:after.last + 1])
    k = fragment.last - fragment.first
    end = said[k].rstrip()
    said[k] = re.sub(r"[.!?]+([\"'\u201d)]*)$", r",\1", end) + said[k][len(end):]
    word = said[k + 1].lstrip()
    if word[:1].isupper() and word[1:2].islower():      # "Money" -> "money"; not "I", "I'm", "PCI"
        said[k + 1] = said[k + 1][:len(said[k + 1]) - len(word)] + word[:1].lower() + word[1:]
    return joined(said)


def pairs(sentences: list[Unit]) -> list[tuple[int, int]]:
    """Indices of adjacent sentences (in `sentences`) that are read together as one unit."""
    return [(i, i + 1) for i in range(len(sentences) - 1) if sentences[i + 1].first == sentences[i].last + 1]
