"""A figure searched with its unit ("48 partitions", "3ms") is found said in that order: the unit right after the
figure, glued to it ("3ms"), or one word later ("48 Kafka partitions"). Never a unit before it ("12 partitions, 48
hours"), a percentage ("48% of partitions"), another figure ("48.5", "48,000", "48 thousand partitions") nor across
a sentence ("we had 48. Kafka partitions"). The search index's NEAR finds the candidates but has no order: queries'
search asks this of each row it found, in SQL (`SQL_NAME`, registered by `register` once per connection: History.open)."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from voiceprep import settings
from voiceprep.core.analysis.text import NUMBER_WORDS, tokenize_text
from voiceprep.core.history.schema import fold

SQL_NAME = "voiceprep_figure_unit"
FIGURE_SQL_NAME = "voiceprep_figure_said"
PERCENT = frozenset({"percent", "%", "pct"})
# words after a figure that are no unit of it ("48 and 49", "48 in 2019"): the figure is searched alone; nor a word
# between a figure and its unit ("48 of partitions")
NOT_UNITS = frozenset({"and", "or", "not", "the", "a", "an", "in", "of", "to", "for", "with", "by", "at", "on", "from",
                       "vs", "than", "per"})

# fixCR (walk54: "7ms" did not find "7 milliseconds"): the spellings of one unit, which a search finds each other by,
# either way ("7ms", "7 ms", "7 msec", "seven milliseconds"; "3s", "3 sec", "three seconds"), as the index's words
# (porter finds "milliseconds" by "millisecond"). A unit of none of these is searched as typed (and its other
# endings). "k" after a figure is no unit but a thousand (queries._pieces: "20k" is 20000); "%" is a percentage's.
UNIT_SPELLINGS = (("ms", "msec", "millisecond"), ("s", "sec", "second"))
_stem_word = snowballstemmer.stemmer("porter").stemWord      # the index's tokenizer is "porter" (schema.TOKENIZE)
_DECADE_S = "s"         # "90s", "1990s": a decade, not 90 seconds, when a figure ending in 0 has an "s" glued to it
# a glued "90s" in a text is a decade after one of these words ("the 90s", "early 90s", "in their 30s") or an
# apostrophe ("'90s"), or with four digits ("1990s"); else seconds ("it took 30s"), found by "30 seconds" as "30s"
# typed finds "30 seconds" (fixDB, mendA noticed)
DECADE_BEFORE = frozenset({"the", "early", "mid", "late", "their", "his", "her", "my", "our", "your"})
# read42a 3: after "the" and the possessives a glued "30s" right before a thing measured in time is seconds ("the 30s
# timeout", "our 60s limit"). mendF (review read42): read42a made it seconds before any word not of a list of
# non-nouns, so "the 90s boom" was seconds; the nouns a decade names are any ("the 90s boom", "her 30s career"), those
# a duration names are few: these (porter stems, as the index's words), else a decade. read43b 1: read among the next
# few words of the phrase (settings.DECADE_WORDS_AFTER: "the 30s connection timeout", "our 60s idle timeout"), so no
# word that a decade names as readily ("job", "startup", "build", "run", "test", "load", "rule", "hold", "session":
# "my 20s job hunting", "the 90s startup scene")
DECADE_UNLESS_TIMED = frozenset({"the", "their", "his", "her", "my", "our", "your"})
TIMED_AFTER = frozenset(_stem_word(w) for w in (
    "timeout", "timeouts", "delay", "wait", "window", "interval", "limit", "cap", "budget", "pause", "gap", "ttl",
    "backoff", "cooldown", "poll", "polling", "heartbeat", "retry", "grace", "sla", "deadline", "latency", "lag",
    "cutoff", "threshold", "lease", "expiry", "spike", "stall", "sleep", "tick", "cycle", "mark", "target", "lock",
    "freeze", "outage", "downtime", "blip", "hiccup", "warmup", "boot", "restart", "failover", "rollback", "deploy",
    "query", "call", "request", "response", "timer", "countdown", "span", "duration", "period", "setting", "default",
    "max", "maximum", "minimum", "average", "median", "p99", "p95", "p50", "check", "probe"))
# what ends the phrase after a glued "90s" (read43b 1): a little word, a pronoun, a verb of being or having ("in the
# 90s we had a timeout", "the 90s and their deadlines"); a word in -ed is a verb, no thing measured ("in the 90s
# people waited")
_PHRASE_ENDS = NOT_UNITS | frozenset({"i", "we", "you", "he", "she", "they", "it", "its", "is", "are", "was", "were",
                                      "be", "been", "had", "has", "have", "when", "while", "that", "which", "who", "but",
                                      "so", "because", "as", "if", "then", "there", "this", "these", "those"})
# mendJ: a noun of time itself, heading a compound that names a duration ("the 30s build time", "our 60s page load
# times", "the 30s session length"): seconds, whatever its first words name (the words a decade names as readily,
# read43b's "build", "load", "run", stay out of TIMED_AFTER). Not the first word after the figure: there it may be
# the sentence's own ("in the 90s time flew", "the 90s length of a song")
TIME_HEADS = frozenset(_stem_word(w) for w in ("time", "times", "length", "lengths"))
# mendL (mendJ noticed): after a person's possessive ("my", "our", "their" … 20s), "time" after one of these is a
# stretch of a life, not a duration: "my 20s free time", "her 20s spare time" are an age (a decade of one's life);
# "our 60s page load times" stays seconds. Porter stems, as TIME_HEADS
LIFE_TIME_BEFORE = frozenset(_stem_word(w) for w in ("free", "spare", "leisure", "own", "personal", "family",
                                                     "quality", "social", "private"))
_DECADE_LINKS = frozenset({"and", "or", "to", "through"})      # "the 70s and 80s": the second a decade too
# how much text on either side of a glued "90s" is read to tell a decade from seconds (the words next to it)
DECADE_CONTEXT_CHARS = 40
_APOSTROPHES = ("'", "\u2019")

_TOKEN = re.compile(r"[^\W_]+")          # as the index's unicode61 splits a text: runs of letters and digits
_GAP = re.compile(r"[\s\-]+")            # what may stand between a figure, a word and the unit: spaces, a hyphen
_WORD_BEFORE = re.compile(r"([^\W_]+)[\s\-]+$")
_WORD_AFTER = re.compile(r"[\s\-]+([^\W_]+)")       # a word after, a space or a hyphen before it
_DECADE_TOKEN = re.compile(r"(\d*0)(s)[\s\-]+[^\W_]+[\s\-]+$", re.IGNORECASE)   # "70s and " before a figure
# the index's tokenizer is "porter" (schema.TOKENIZE); kept per word, as a search asks it of every row it found
_stem = lru_cache(maxsize=4096)(_stem_word)


def spellings(unit: str) -> list[str]:
    """`unit` as typed, then its other spellings (UNIT_SPELLINGS) that a search finds it by; [unit] for another."""
    low = unit.lower()
    stem = _stem(low)
    group = next((g for g in UNIT_SPELLINGS if low in g or stem in g), ())
    return list(dict.fromkeys([unit, *(u for u in group if u not in (low, stem))]))


def decade(figure: str, glued: str, before: str = "", after: str = "") -> bool:
    """Whether `figure` with `glued` written right after it, no space between, reads as a decade ("90s", "1990s"), no
    figure of seconds: "90 s" spaced is seconds (mendA). `before`: the text before it, where a decade is told from
    seconds written glued (DECADE_BEFORE: "the 90s" is a decade, "it took 30s" seconds); after "the" or a possessive,
    `after`, the text after it, must not go on with a thing measured in time ("the 30s timeout" is seconds, "the 90s
    boom" a decade: TIMED_AFTER); after "and", "or", "to" a decade ("the 70s and 80s") it is one too. A four-digit
    figure is a decade whatever comes before it."""
    if glued != _DECADE_S or not figure.isdigit() or not figure.endswith("0"):
        return False
    if len(figure) == 4 or before.endswith(_APOSTROPHES):
        return True
    before = before[-DECADE_CONTEXT_CHARS:]
    word = _WORD_BEFORE.search(before)          # the word right before it, a space or a hyphen between
    said = word.group(1).lower() if word is not None else ""
    if said in _DECADE_LINKS and (prior := _DECADE_TOKEN.search(before)):
        return decade(prior.group(1), prior.group(2).lower(), before[:prior.start()], f" {said}")
    if said not in DECADE_BEFORE:
        return False
    if said not in DECADE_UNLESS_TIMED:
        return True                                 # "early", "mid", "late"
    return not _timed_after(after[:DECADE_CONTEXT_CHARS], owned=said != "the")


def _timed_after(after: str, owned: bool = False) -> bool:
    """Whether the phrase `after` a glued "30s" names a thing measured in time (TIMED_AFTER) among its first
    settings.DECADE_WORDS_AFTER words, read to punctuation or a word that ends the phrase (_PHRASE_ENDS): "the 30s
    connection timeout", not "the 90s startup scene", "in the 90s we had a timeout", "the 90s, timeouts aside"; or a
    compound headed by a noun of time itself (TIME_HEADS) after a first word: "the 30s build time". `owned`: the
    figure follows a possessive ("my 20s"), where a time of a life (LIFE_TIME_BEFORE: "my 20s free time") is an age."""
    at, before = 0, ""
    for n in range(settings.DECADE_WORDS_AFTER):
        nxt = _WORD_AFTER.match(after, at)
        if nxt is None:
            return False                            # the end, punctuation
        word = nxt.group(1).lower()
        if word in _PHRASE_ENDS:
            return False
        if _stem(word) in TIMED_AFTER and not word.endswith("ed"):
            return True
        if n > 0 and _stem(word) in TIME_HEADS:
            return not (owned and _stem(before) in LIFE_TIME_BEFORE)
        at, before = nxt.end(), word
    return False


def _may_come_between(token: str) -> bool:
    """A word that may stand between a figure and its unit ("Kafka" in "48 Kafka partitions"): a word of letters,
    no number word, percent or little word (NOT_UNITS)."""
    return token.isalpha() and token not in NUMBER_WORDS and token not in PERCENT and token not in NOT_UNITS


def says(text: str, figures: list[str] | tuple[str, ...], unit: str, typed_glued: int = 0) -> bool:
    """Whether `text` says one of `figures` (each as written in a search: "48", "forty eight", "20 000") with `unit`
    after it, as the module says (`typed_glued`: as `spans`)."""
    return bool(spans(text, figures, unit, typed_glued))


@dataclass(frozen=True)
class _Asked:
    """What one search asks of every row it checks, worked out once per query (`_asked`): the unit as typed, its
    spellings and their stems, and each figure's tokens (lower-cased)."""
    unit: str
    names: frozenset[str]
    stems: frozenset[str]
    figures: tuple[tuple[str, ...], ...]


@lru_cache(maxsize=64)
def _asked(figures: tuple[str, ...], unit: str) -> _Asked:
    """`spans`' query, once per search: the SQL function asks it of each row the index found with the same arguments
    (fixDB: the unit's spellings were worked out for every row, ~0.8 s a unit search of 10,000 answers)."""
    unit = unit.lower()
    names = spellings(unit)                  # fixCR: "ms" is also "millisecond", "msec" (UNIT_SPELLINGS)
    wants = (tuple(t.lower() for t in _TOKEN.findall(figure)) for figure in figures)
    return _Asked(unit, frozenset(names), frozenset(_stem(u) for u in names), tuple(w for w in wants if w))


class _Tokens:
    """A text's tokens (lower-cased, start, end) from a place on, read only as far as they are asked for: a row's
    check reads the few after each place its figure may be said, not the whole transcript."""

    def __init__(self, text: str, at: int):
        self._read = _TOKEN.finditer(text, at)
        self.items: list[tuple[str, int, int]] = []

    def has(self, k: int) -> bool:
        """Whether there is a k-th token (0 is the first)."""
        while len(self.items) <= k:
            m = next(self._read, None)
            if m is None:
                return False
            self.items.append((m.group().lower(), m.start(), m.end()))
        return True

    def word(self, k: int) -> str:
        return self.items[k][0] if self.has(k) else ""

    def joined(self, text: str, a: int) -> bool:
        """Whether tokens a and a + 1 (both read) are apart by a space or a hyphen only."""
        return bool(_GAP.fullmatch(text[self.items[a][2]:self.items[a + 1][1]]))


def _token_starts(low: str, first: str) -> Iterator[int]:
    """Where a token of `low` begins with `first` (a token: a run of letters and digits, as _TOKEN reads one)."""
    at = low.find(first)
    while at >= 0:
        if not at or not low[at - 1].isalnum():
            yield at
        at = low.find(first, at + 1)


DECADE_ONLY = 2         # `spans`' typed_glued for a search that reads as a decade ("the 90s": queries._side_terms)


def spans(text: str, figures: list[str] | tuple[str, ...], unit: str, typed_glued: int = 0) -> list[tuple[int, int]]:
    """Where `text` says one of `figures` with `unit` after it: (start, end) of the figure and of its unit (of the one
    token when glued: "3ms"), not of a word between. `typed_glued`: the search wrote the unit glued to the figure; a
    decade so typed ("90s") is searched in both its meanings, the decade and the seconds (mendA: "30s" finds "30
    seconds"); typed apart ("90 s") it is seconds only, and a decade in `text` is no "90 s". DECADE_ONLY: typed with
    words that make it a decade ("the 90s", read as `decade` reads a text; mendF), the decade alone."""
    asked = _asked(tuple(figures), unit)
    unit, names, stems = asked.unit, asked.names, asked.stems

    def is_unit(token: str) -> bool:
        return token in names or _stem(token) in stems
    out: list[tuple[int, int]] = []
    low = text.lower()
    if len(low) != len(text):          # a letter whose lower case is longer ("İ"): its places kept, case as is
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for want in asked.figures:
        n = len(want)
        for begin in _token_starts(low, want[0]):     # the only places it may be said ("3" of "3ms")
            found = _Tokens(text, begin)               # found.items[0] is the token beginning with want[0]
            last = n - 1
            if not found.has(last) or any(found.items[k][0] != want[k] for k in range(n - 1)):
                continue
            start = found.items[0][1]
            if start >= 2 and text[start - 1] in ".," and text[start - 2].isdigit():
                continue                                            # "1.48", "1,048": another figure
            end = found.items[last][2]
            if found.items[last][0] != want[-1]:
                glued = found.items[last][0]                        # "3ms", "1.5ms": the unit glued to the figure
                rest = glued[len(want[-1]):]            # a decade "90s" is no "90 seconds", unless searched glued too
                at = found.items[last][1]
                read = decade(want[-1], rest, text[max(0, at - DECADE_CONTEXT_CHARS):at], text[end:end + DECADE_CONTEXT_CHARS])
                if want[-1].isdigit() and glued.startswith(want[-1]) and is_unit(rest) and (
                        read if typed_glued == DECADE_ONLY else typed_glued and rest == unit or not read):
                    out.append((start, end))
                continue
            if typed_glued == DECADE_ONLY:
                continue                                            # "90 seconds", "90 s": no decade
            if text[end:end + 1] == "%" or (text[end:end + 1] in (".", ",") and text[end + 1:end + 2].isdigit()):
                continue                                            # "48%", "48.5", "48,000"
            at = last          # the unit right after the figure, or after at most FIGURE_WORDS_BETWEEN (settings)
            for between in range(settings.FIGURE_WORDS_BETWEEN + 1):
                if not found.has(at + 1) or not found.joined(text, at) or between and not _may_come_between(found.word(at)):
                    break
                if is_unit(found.word(at + 1)):
                    out += [(start, end), found.items[at + 1][1:]]
                    break
                at += 1
                while (found.has(at + 1) and text[found.items[at][2]:found.items[at + 1][1]] == "-"
                       and _may_come_between(found.word(at)) and not is_unit(found.word(at + 1))):
                    at += 1                                 # a compound between is one word: "day-shift"
    return out


_ORDINAL = frozenset({"st", "nd", "rd", "th"})
# "20k" glued is twenty thousand (fixCR), so no "20" glued to a unit: a bare "20" does not find it (fixCR noticed)
THOUSAND_SUFFIX = "k"


def figure_spans(text: str, figure: str, spelt: bool = True) -> list[tuple[int, int]]:
    """Whether `text` says the whole number `figure`, and where: (start, end) of each place, in order; the one reader
    of a bare figure for the search's filter (`figure_said`, in SQL) and its marks (queries.searched_spans; mendF,
    review read42: the marks read the index's words and marked "twenty" inside "twenty five"). Written as that figure
    (`written_spans`: "3", "3ms"; not "3.5k", "30ms", "3rd") or, with `spelt`, said otherwise as the judge's reader
    reads figures (`spelt_spans`: "twenty", "twenty thousand", "20k", "20,000"; "twenty" of "twenty five" is 25, no
    20: read42a 4)."""
    out = written_spans(text, figure)
    return sorted(set(out + spelt_spans(text, figure))) if spelt else out


def figure_said(figure: str, spelt: int, *texts: str | None) -> int:
    """The SQL function: 1 when one of the texts (NFKC-folded, as the index holds them: fixBQ) says the whole number
    `figure` as `figure_spans` reads it (`spelt`: 0 when the row holds none of the figure's other spellings, so only
    the figure as written is looked for: the judge's reader is not run on it), else 0."""
    return int(any(written_spans(t := fold(text), figure) or spelt and spelt_spans(t, figure) for text in texts if text))


def spelt_spans(text: str, figure: str) -> list[tuple[int, int]]:
    """Where `text`, read as the judge's reader reads figures (analysis.text: "twenty five" is 25, "1,000,000" one
    figure), says the whole number `figure` in words or another spelling than its digits: the words of each reading
    ("twenty thousand", "20k"). A reading of one word that begins with the figure's digits ("3ms", "1.5k") is left to
    `written_spans`, which reads those."""
    words = text.split()
    starts, at = [], 0
    for w in words:
        at = text.index(w, at)
        starts.append(at)
        at += len(w)
    tokens = _read_figures(text)
    out = []
    for k, (norm, first) in enumerate(tokens):
        if norm != figure:
            continue
        last = next((w for _, w in tokens[k + 1:] if w != first), len(words)) - 1
        run = [n for n, w in tokens if w == first]
        if len(run) > 1 and last > first:       # "twenty and thirty": 20, "and", 30, each of the word "twenty"
            first, last = _own_words(words, first, last, run, k - next(j for j, (_, w) in enumerate(tokens) if w == first))
        while last > first and not _TOKEN.search(words[last]):
            last -= 1
        lead = _LEADING_DIGITS.match(words[first])
        if last == first and lead is not None and lead.group(1) == figure:
            continue                                    # "3ms", "20%", the "1" of "1.5k": written_spans' to read
        head, tail = _TOKEN.search(words[first]), [*_TOKEN.finditer(words[last])]
        if head is not None and tail:                   # the words' letters and digits, not a quote or comma beside
            out.append((starts[first] + head.start(), starts[last] + tail[-1].end()))
    return out


def _own_words(words: list[str], first: int, last: int, run: list[str], piece: int) -> tuple[int, int]:
    """The words `first`..`last` of `words` that the reader's `piece`-th token of `run` was read from: the reader gives
    every token of a run of number words the run's first word (analysis.text._convert_numbers: "twenty and thirty" is
    20, "and", 30, all of "twenty"; read43b 5), so the words are read again, one more each time, until they give the
    run's tokens up to that one ("twenty" is 20; "twenty and thirty" gives 30 after "twenty and"). `first`, `last`
    when no reading does."""
    start, end = first, first - 1
    for p in range(piece + 1):
        for j in range(max(end, first), last + 1):
            read = [n for n, _ in _read_figures(" ".join(words[first:j + 1]))]
            if read[:p + 1] == run[:p + 1]:
                start, end = (j if j == end else end + 1), j
                break
        else:
            return first, last
    return start, end


_LEADING_DIGITS = re.compile(r"[^\w]*(\d+)")


@lru_cache(maxsize=256)
def _read_figures(text: str) -> tuple[tuple[str, int], ...]:
    """A text's tokens as the judge's reader reads them: (norm, the word of `text.split()` it begins at)."""
    return tuple((t.norm, t.word) for t in tokenize_text(text))


def written_spans(text: str, figure: str) -> list[tuple[int, int]]:
    """Where `text` writes the whole number `figure` as that figure: alone ("3", "3." ending a sentence) or glued to
    a unit ("3ms", fixBE: one token in the index, which a search for the figure does not match); not as the start or
    end of another figure ("3.5", "3.5k", "3,000", "1.3", "30ms", "3rd", "3k": fixCY, fixDB): (start, end) of each
    such token, in order."""
    return sorted(alone_spans(text, figure) + glued_spans(text, figure))


def alone_spans(text: str, figure: str) -> list[tuple[int, int]]:
    """Where `text` writes the whole number `figure` alone: the token itself, with no digit and point or comma before
    or after it ("1" of "1.5k", "20" of "20,000" are parts of other figures; the index holds them as tokens of
    their own, so a search's FTS match finds them: fixDB)."""
    out = []
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        if m.group().lower() == figure and not (start >= 2 and text[start - 1] in ".," and text[start - 2].isdigit()) \
                and not (text[end:end + 1] in (".", ",") and text[end + 1:end + 2].isdigit()):
            out.append((start, end))
    return out


def glued_spans(text: str, figure: str) -> list[tuple[int, int]]:
    """Where `text` writes `figure` glued to a unit, as `written` reads it: (start, end) of each such token."""
    out = []
    for m in _TOKEN.finditer(text):
        token, start = m.group().lower(), m.start()
        rest = token[len(figure):]
        if token.startswith(figure) and rest.isalpha() and rest not in _ORDINAL and rest != THOUSAND_SUFFIX and not (
                start >= 2 and text[start - 1] in ".," and text[start - 2].isdigit()):
            out.append(m.span())
    return out


def figure_then_unit(figures_json: str, unit: str, typed_glued: int, *texts: str | None) -> int:
    """The SQL function: 1 when one of the texts (a row's transcript, question, note) `says` a figure of the JSON list
    with `unit` after it (`typed_glued`: 1 when the search wrote it glued, "90s"; DECADE_ONLY, "the 90s"), else 0;
    NFKC-folded, as the index holds it (fixBQ)."""
    figures = _listed(figures_json)
    return int(any(says(fold(t), figures, unit, typed_glued) for t in texts if t))


@lru_cache(maxsize=64)
def _listed(figures_json: str) -> tuple[str, ...]:
    """A search's figures, read once per query, not per row."""
    return tuple(json.loads(figures_json))


def register(conn: sqlite3.Connection) -> None:
    """Make `SQL_NAME(figures_json, unit, typed_glued, transcript, prompt_text, note)` and `FIGURE_SQL_NAME(figure,
    spelt, transcript, prompt_text, note)` callable on `conn` (idempotent)."""
    conn.create_function(SQL_NAME, 6, figure_then_unit, deterministic=True)
    conn.create_function(FIGURE_SQL_NAME, 5, figure_said, deterministic=True)
