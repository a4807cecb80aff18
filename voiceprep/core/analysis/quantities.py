"""What counts as a number said: one rule for the judge (`AnswerJudge.says_number`, for a point that states a figure)
and delivery's Numbers card (`delivery._quantities`, which quotes those that measure something). A number is said by
a numeral, a number word before its unit ("one percent") or said as a rate ("one a fortnight", `rate_next`), a number
written with its unit ("2GB"), a figure said in words ("under a millisecond", `word_figures`), a fraction of one thing
("half a point", `fractions_of_one`), a change that ends at zero ("fell to zero", `to_zero`) or a change said as a
ratio ("doubled", "cut it in half", "twice as fast", `ratios`): `numbers_said`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from voiceprep.core.analysis.text import CLOCK_UNITS, NUMBER_WORDS, TIME_UNITS, Token, stem

_UNSAID = re.compile(r"[^\w'%$]")
# a word that ends a clause or sentence: what is said after it is not read with what came before
ENDS_CLAUSE = re.compile(r"[.,;:!?]$")


@lru_cache(maxsize=65536)
def clean_said(word: str) -> str:
    """A word as said, lower case, without its punctuation (keeps "'", "%" and "$"). Cached: every rule reading
    numbers cleans the same words again (perf44b)."""
    return _UNSAID.sub("", word.lower().replace("’", "'"))


@lru_cache(maxsize=65536)
def ends_clause(word: str) -> bool:
    """Whether a word as said ends with a clause's or sentence's punctuation ("pumps," "week.")."""
    return bool(ENDS_CLAUSE.search(word.strip()))


ARTICLES = frozenset({"a", "an"})

# the units a number is said with ("40 milliseconds", "2 million users")
UNITS = frozenset([
    "percent", "times", "milliseconds", "seconds", "minutes", "hours", "days", "weeks", "months", "years",
    "microseconds", "nanoseconds", "bytes", "kilobytes", "megabytes", "gigabytes", "terabytes", "petabytes",
    "users", "customers", "requests", "orders", "transactions", "engineers", "countries", "currencies", "dollars",
    "euros", "pounds", "x", "ms"
])
# a unit said after "one" ("one millisecond"); not "one day", "one customer": a when, a person
_SINGULAR_UNITS = frozenset({"percent", "millisecond", "second", "minute", "hour", "dollar", "euro", "pound",
                             "microsecond", "nanosecond", "byte", "kilobyte", "megabyte", "gigabyte", "terabyte"})


def said_unit(norm: str) -> bool:
    """Whether a (normalised) word is a unit a number is said with."""
    return norm in UNITS or norm in _SINGULAR_UNITS


# a measured result said in words, not digits (judge61): "under a millisecond", "within a minute", "sub-millisecond",
# "single-digit milliseconds", "(down) to / in / within a few milliseconds", "took a couple of seconds" (a clock's small
# units only, reached: "a few weeks later" is a time said in passing, "a replica that could be a few seconds behind" a
# state, no result). The unit is the figure: `AnswerJudge.says_number` counts it as a number said.
_FIGURE_UNITS = frozenset(stem(w) for w in (*CLOCK_UNITS, "day", "week", "month", "percent", "ms"))
_SMALL_UNITS = frozenset(stem(w) for w in ("millisecond", "microsecond", "nanosecond", "second", "ms"))
_WORD_BOUNDS = frozenset({"under", "below", "within", "less", "sub"})
# ... and with "than", an upper bound only ("less than a minute", "no more than a second"): a result reached; not "more
# than a day", "longer than a week", a time said (judge63)
_THAN_BOUNDS = (["less", "than"], ["fewer", "than"], ["no", "more", "than"], ["not", "more", "than"])
_FEW = frozenset({"few", "couple"})
_REACHED = frozenset({"to", "in", "within", "under", "below", "took", "takes", "take", "taking"})


def word_figures(tokens: Sequence[Token]) -> list[int]:
    """The positions (in `tokens`) of the units of the figures said in words: "sub-millisecond" (any unit after
    "sub"), "under / within / less than a minute" (an upper bound, `_THAN_BOUNDS`, then "a"/"an"), "single-digit
    milliseconds", "to a few / in a couple of seconds" (a small unit, `_SMALL_UNITS`, reached: `_REACHED`)."""
    return [k for k, t in enumerate(tokens) if _figure_words(tokens, k)]


def word_figure_start(tokens: Sequence[Token], k: int) -> int | None:
    """The first word (in the raw words) of the figure said in words whose unit is tokens[k] ("under" of "under a
    millisecond"), or None when tokens[k] is no such unit."""
    n = _figure_words(tokens, k)
    return tokens[k - n].word if n else None


def _figure_words(tokens: Sequence[Token], k: int) -> int:
    """How many words before tokens[k], a unit, say it as a figure in words (`word_figures`); 0 for none."""
    unit = tokens[k]
    if unit.stem not in _FIGURE_UNITS or unit.is_number:
        return 0
    before = [x.norm for x in tokens[max(0, k - 5):k]]
    last = before[-1] if before else ""
    if last == "sub":
        return 1
    if before[-2:] == ["single", "digit"]:
        return 2
    if last in ARTICLES and len(before) >= 2:
        if before[-2] in _WORD_BOUNDS:
            return 2
        bound = next((b for b in _THAN_BOUNDS if before[-1 - len(b):-1] == b), None)
        if bound:
            return 1 + len(bound)
    head = before[:-2] if before[-2:] == ["couple", "of"] else before[:-1] if last in _FEW else []
    if unit.stem in _SMALL_UNITS and head[-2:-1] != [] and head[-1] in ARTICLES and head[-2] in _REACHED:
        return len(before) - len(head) + 2
    return 0


# a number written with its unit in one word, which the tokenizer keeps as one word ("2gb")
WITH_UNIT = re.compile(r"\d+(\.\d+)?(kb|mb|gb|tb|pb|kbps|mbps|gbps|rps|qps|tps|ns|us|µs|hrs?|mins?|secs?)")
# a change said as a ratio, with no number in digits or the tokenizer's number words ("twice", "doubled")
MULTIPLE = re.compile(r"(\d+(\.\d+)?x|times)")
_COMPARED = frozenset({"faster", "slower", "quicker", "fewer", "more", "less", "cheaper", "smaller", "bigger", "larger",
                       "higher", "lower", "better", "shorter", "longer", "lighter", "greater"})
_RATIO_VERB = re.compile(r"(doubl|tripl|quadrupl|halv)(ed|ing)|(two|three|four|five|ten|hundred|thousand|\d+)fold")
# ... and its plain form, as a verb: after "to" or a subject ("managed to double throughput", "it triples"), or before
# what it changes ("double the throughput", "triple what it was"); not "a double charge" (read39a 2)
_RATIO_BASE = re.compile(r"(doubl|tripl|quadrupl)es?|halves?")
_BASE_AFTER = frozenset({"to", "we", "i", "it", "they", "would", "could", "will", "did", "can"})
_BASE_BEFORE = frozenset({"the", "our", "its", "their", "my", "what", "it", "them", "that", "this"})
# "double" as no ratio: "doubled down", "we double charged them", "to double check the config" (read39c 1)
_NOT_A_RATIO = re.compile(r"down|charg\w*|check\w*|count\w*|book\w*|click\w*|spend\w*|pay\w*|bill\w*")
_FRACTION = frozenset({"half", "third", "thirds", "quarter", "quarters", "fifth", "tenth"})
# what makes "in half" a change ("cut it in half"), not a shape ("folded in half")
_CHANGE_VERBS = frozenset({"cut", "cuts", "cutting", "dropped", "drops", "fell", "falls", "reduced", "reduces",
                           "reducing", "decreased", "shrank", "shrunk", "lowered", "slashed", "trimmed", "improved",
                           "increased", "grew", "rose", "went", "came", "got", "brought", "sped"})


def to_zero(raw: list[str], i: int) -> bool:
    """Whether raw[i] is the "zero" a change ends at: "duplicate charges fell to zero", "we got it down to zero",
    "from about 300 a week to zero" (walk48 5: "fell to zero" was no number beside a ticked "result in numbers")."""
    if i < len(raw) and clean_said(raw[i]) != "zero":
        return False                         # most words: nothing more to read
    clean = [clean_said(w) for w in raw[max(0, i - 7):i + 1]]
    if clean[-1] != "zero" or clean[-2:-1] != ["to"]:
        return False
    ends = [ends_clause(w) for w in raw[max(0, i - 7):i - 1]]
    start = max((k + 1 for k, end in enumerate(ends) if end), default=0)
    return any(w in _CHANGE_VERBS or w in ("down", "from") for w in clean[start:-2])


def compared(raw: list[str], last: int) -> int:
    """The last word of a multiple said at raw[last] with what it compares: "3x faster", "twice as many"."""
    nxt = [clean_said(w) for w in raw[last + 1:last + 3]]
    if nxt[:1] and nxt[0] in _COMPARED:
        return last + 1
    if len(nxt) == 2 and nxt[0] == "as":
        return last + 2
    return last


def ratios(clean: list[str]) -> list[tuple[int, int]]:
    """Where a change is said as a ratio (first and last word): "doubled", "halving", "tenfold", "cut it in half",
    "dropped by a third", "twice as fast", "two times faster", "by a factor of two", "an order of magnitude
    faster", "managed to double throughput", "triple what it was", "dropped to half", "down to a third of what it was".
    Not "half the team", "in half of them", "charged twice", "double-charged", "a double charge" or "two years ago"."""
    out = []
    for i, w in enumerate(clean):
        nxt = clean[i + 1] if i + 1 < len(clean) else ""
        if _RATIO_VERB.fullmatch(w) and not _NOT_A_RATIO.fullmatch(nxt):     # "doubled down" is no change
            out.append((i, i))
        elif _RATIO_BASE.fullmatch(w) and not _NOT_A_RATIO.fullmatch(nxt) and (
                (i and clean[i - 1] in _BASE_AFTER) or nxt in _BASE_BEFORE):
            out.append((i, i))                                           # "to double throughput", "triple what it was"
        elif w == "twice" and (nxt in _COMPARED or nxt in ("as", "the")):
            out.append((i, compared(clean, i) if nxt != "the" else min(i + 2, len(clean) - 1)))
        elif w == "two" and nxt in ("times", "x") and (end := compared(clean, i + 1)) > i + 1:
            out.append((i, end))                                         # "two times faster"
        elif w in ("by", "in", "to") and (fraction := _fraction_at(clean, i + 1)) is not None:
            if clean[fraction + 1:fraction + 3] == ["the", "time"]:
                out.append((i, fraction + 2))                            # "in half the time"
                continue
            verb = next((j for j in range(i - 1, max(i - 5, -1), -1) if clean[j] in _CHANGE_VERBS), None)
            if w == "in" and (verb is None or clean[fraction + 1:fraction + 2] == ["of"]):
                continue                                                 # "folded in half", "in half of them"
            # "to" a fraction is a change after a change verb or "down" ("dropped to half", "reduced costs to a third of
            # the original", "down to a third of what it was"); not "talked to half of them"
            if w == "to" and verb is None and (clean[i - 1:i] != ["down"] or (
                    clean[fraction + 1:fraction + 2] == ["of"] and clean[fraction + 2:fraction + 3] != ["what"])):
                continue
            out.append((verb if verb is not None else i, fraction))      # "cut it in half", "dropped by half"
        elif w == "factor" and nxt == "of" and i + 2 < len(clean) and (
                clean[i + 2] in NUMBER_WORDS or clean[i + 2][:1].isdigit()):
            start = i - 2 if clean[max(i - 2, 0):i] == ["by", "a"] else i
            out.append((start, i + 2))                                   # "by a factor of two"
        elif w in ("order", "orders") and nxt == "of" and clean[i + 2:i + 3] == ["magnitude"]:
            start = i - 1 if i and clean[i - 1] in ("an", "one", "two", "three") else i
            out.append((start, compared(clean, i + 2)))                 # "an order of magnitude faster"
    return out


def _fraction_at(clean: list[str], i: int) -> int | None:
    """The last word of a fraction said from clean[i] ("half", "a third", "two thirds"), or None."""
    if clean[i:i + 1] and clean[i] in _FRACTION:
        return i
    if clean[i + 1:i + 2] and clean[i] in ("a", "one", "two", "three") and clean[i + 1] in _FRACTION:
        return i + 1
    return None


def fractions_of_one(raw: list[str]) -> list[tuple[int, int]]:
    """Where a fraction of one thing is said (first and last word): "half a point", "half an hour", "a quarter of a
    second". Not "half the team", "a third of them" (a share), nor "Third, a concrete example" (an ordinal)."""
    clean = [clean_said(w) for w in raw]
    out = []
    for i, w in enumerate(clean):
        if w not in _FRACTION or i + 2 >= len(clean) or raw[i].strip()[-1:] in ",.;:!?":
            continue
        k = i + 1 + (clean[i + 1] == "of")
        if k + 1 < len(clean) and clean[k] in ARTICLES and clean[k + 1].isalpha():
            out.append((i - 1 if i and clean[i - 1] in ARTICLES else i, k + 1))
    return out


# what makes a number word a rate: "a" / "an" / "per" and a period after it ("about one a fortnight", "one per shift")
_PER = frozenset({"a", "an", "per"})
_PERIODS = frozenset(TIME_UNITS)
# ... not when a word after the period makes it a point in time: "I kept one a week later"; "after" and "before" only
# at the clause's end ("I kept one a week after."), as a preposition they open what the rate is told of ("from five a
# day before the fix to one a week after it", "one a month after the change": rates; read52a 1)
_WHEN = frozenset({"later", "earlier", "ago", "afterwards", "beforehand"})
_WHEN_AT_END = frozenset({"after", "before"})


def rate_next(raw: list[str], tokens: Sequence[Token], i: int) -> bool:
    """Whether the number word tokens[i] is said as a rate, a count per period, in one clause: "Jams went from every
    day to about one a fortnight" (judge116: writer V's d2v-056), "one per shift"; not "one of them", "one day", "one a
    bit older", "I kept one. A week later", "I kept one a week later" (a point in time: `_WHEN`)."""
    w = tokens[i].word
    return (i + 2 < len(tokens) and tokens[i + 1].norm in _PER and tokens[i + 2].norm in _PERIODS
            and tokens[i + 1].word == w + 1 and tokens[i + 2].word == w + 2
            and not any(ends_clause(x) for x in raw[w:w + 2])
            and not (i + 3 < len(tokens) and not ends_clause(raw[w + 2]) and _point_in_time(raw, tokens, i + 3)))


def _point_in_time(raw: list[str], tokens: Sequence[Token], k: int) -> bool:
    """Whether tokens[k], said after a rate's period, makes it a point in time (`_WHEN`, `_WHEN_AT_END`)."""
    t = tokens[k]
    if t.norm in _WHEN:
        return True
    return t.norm in _WHEN_AT_END and (ends_clause(raw[t.word]) or k + 1 == len(tokens) or tokens[k + 1].word != t.word + 1)


def numbers_said(raw: list[str], tokens: Sequence[Token]) -> frozenset[int]:
    """The words (positions in `raw`, as `tokens` read them) that say a number (see the module): a numeral; a number
    word before its unit ("one percent"; not "one of them"); a number written with its unit; the words of a figure
    said in words, of a change to zero and of a ratio."""
    out: set[int] = set()
    for i, t in enumerate(tokens):
        unit_next = i + 1 < len(tokens) and said_unit(tokens[i + 1].norm)
        if (t.is_number or (t.norm in NUMBER_WORDS and t.norm != "point" and (unit_next or rate_next(raw, tokens, i)))
                or to_zero(raw, t.word)):
            out.add(t.word)
    for k in word_figures(tokens):
        out |= set(range(tokens[k - _figure_words(tokens, k)].word, tokens[k].word + 1))
    out |= {i for i, w in enumerate(raw) if WITH_UNIT.fullmatch(clean_said(w))}
    clean = [clean_said(w) for w in raw]
    for first, last in ratios(clean) + fractions_of_one(raw):
        out |= set(range(first, last + 1))
    return frozenset(out)
