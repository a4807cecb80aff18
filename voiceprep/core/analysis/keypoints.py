"""Did the answer cover each key point? Cue matching that holds up on transcribed speech.

A cue is "a|b|c": ways of saying one idea. Each way is a short phrase whose words must appear close
together (a few words apart at most), in order; a phrase of two content words or more may also be said with its
small words changed, in one clause ("logged it on Datix": "I logged the incident on Datix"). A word matches a cue
word when it is the same after stemming, when adjacent words join into it ("multi currency" = "multicurrency",
"l max" = "lmax"), when it is close in spelling (rapidfuzz: "disrupter" ~ "disruptor", "air wallets" ~ "airwallex") or in sound
(metaphone). A mention right after a negation in the same sentence ("we did not use a ring buffer")
does not count.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import jellyfish
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from voiceprep.core.analysis.segments import ADDITIVE, CHANGE_CLAIM, CLAUSE_OPENERS, HYPOTHETICAL, said_in_past
from voiceprep.core.analysis.segments import NEGATORS as DENIALS
from voiceprep.core.analysis.text import APPROXIMATE, TIME_UNITS, WORD_VALUES, Token, stem, tokenize_text
from voiceprep.core.banks.model import KeyPoint
from voiceprep.settings import LOOSE_CUE_QUALITY, AnalysisSettings

NUMBER = "{number}"
MAX_JOIN = 3  # transcript words that may join into one cue word
NEGATORS = frozenset({"not", "no", "never", "without", "neither", "nor", "none", "nothing"})
NOUN_NEGATORS = frozenset({"no", "without", "none", "nothing"})     # deny a thing, not a verb
# what a verb takes straight after it: an object pronoun ("finally fixed it", "they rang me") or a particle ("rolled
# it out", "backed off"), read by the judge (`judge._AFTER_VERB`: an "-ed" word before one is a verb) and by a plain
# point's verb-first test (`followups._VERB_OBJECTS`, `_OBJECT_PREPOSITIONS`)
OBJECT_PRONOUNS = frozenset({"it", "them", "him", "her", "me", "us"})
PARTICLES = frozenset({"up", "down", "out", "off", "away"})
NEGATION_BREAKS = frozenset({"but", "instead", "rather", "however", "although"})
# single letters a transcriber writes for a spoken word ("Q" for "queue")
LETTER_SOUNDS = {"q": ("queue", "cue"), "c": ("see", "sea"), "u": ("you",), "r": ("are",), "y": ("why",),
                 "i": ("eye",), "b": ("be", "bee"), "t": ("tea",), "k": ("kay",), "o": ("oh",)}
EXACT, JOINED, FUZZY, PHONETIC = 1.0, 0.95, 0.85, 0.75
DERIVED = 0.9        # the same word as a verb and its noun ("detect" / "detection"): a one-word cue only
_TURNING = frozenset({"of", "for"})       # "pool of connections" is "connection pool"
_ARTICLES = frozenset({"a", "an", "the", "our", "their", "its", "your", "my", "each", "every", "all"})

# What a key point's own wording denies ("amounts as integers, never floats", "avoid locks", "lock-free"): an
# answer that asserts it ("amounts were stored as floats") says the opposite of the point. Words that, in the
# mention's clause, deny or replace the thing again ("no floats anywhere", "we stopped using floats") keep it
# on the point's side.
LABEL_DENIALS = frozenset({"not", "no", "never", "without", "avoid", "avoiding", "nor"})
FUNCTION_WORDS = frozenset({"a", "an", "the", "be", "been", "being", "is", "are", "was", "were", "their", "its", "our",
                          "my", "your", "on", "from", "about", "to", "of", "any", "it", "get", "getting", "by", "in",
                          "at", "for", "with", "as", "that", "this", "ever", "single", "one", "do", "does", "using",
                          "use", "have", "having"})
# words said in their own right, never a piece of a longer word misheard apart ("I moved" for "improved", "a proved"
# for "approved"): pronouns and articles. A preposition may be (judge49: "for casting" is "forecasting", "on calls"
# "oncall", "in bounds" "inbound", "with drawls" "withdrawals").
STANDALONE = frozenset({"i", "we", "you", "he", "she", "they", "me", "us", "him", "her", "them", "it", "my", "our",
                        "your", "his", "their", "its", "a", "an", "the"})
_DENIED_END = frozenset({"and", "or", "but", "so", "because", "while"})
UNDOING = frozenset({"not", "no", "never", "without", "none", "nothing", "nor", "nobody", "zero", "avoid", "avoided",
                     "avoiding", "avoids", "stop", "stopped", "stopping", "instead", "rather", "replace", "replaced",
                     "replacing", "remove", "removed", "removing", "ban", "banned", "eliminate", "eliminated", "switch",
                     "switched", "migrate", "migrated", "moved", "away", "unlike", "free", "prevent", "prevented",
                     "rid", "ditch", "ditched", "drop", "dropped", "forbid", "forbade", "forbidden", "fixed", "fix"})


# "Time to detect went from about an hour to under five minutes": a quantity's change, said without a change verb,
# reads as the change a cue of change verbs ("reduced|cut|improved|faster") names
FROM_TO_CUE = "from {number} to {number}"
_ABOUT = APPROXIMATE | {"over", "under", "below", "above", "less", "more", "than", "just", "only", "well", "maybe"}
_YEAR = re.compile(r"(?:19|20)\d\d")
_SMALL_NUMBERS = frozenset(WORD_VALUES)     # the number words the tokenizer leaves as words ("zero", "one")


def change_cue(cue: str) -> bool:
    """A cue whose ways of saying it are change verbs, two or more ("reduced|cut|improved|faster|saved"; not
    "double-entry|ledger" nor "fallback|circuit breaker")."""
    return sum(1 for a in cue.split("|") if a.strip().isalpha() and CHANGE_CLAIM.match(a.strip().lower())) >= 2


# The units of time or measure a quantity said with "a"/"an"/"half" is counted in ("an hour", "a dozen", "half a day").
_UNITS = frozenset(stem(w) for w in (
    *TIME_UNITS, "ms", "dozen", "hundred", "thousand", "million", "billion", "percent", "third", "half", "couple", "few",
    "handful", "fraction", "tenth"))


def _quantity(tokens: list[Token], i: int) -> int | None:
    """Where a quantity said from token i ends (the index after it): "about 40", "under 5", "an hour" (a unit after
    "a"/"an"); a year ("from 2019 to 2021") is a date, not a quantity. None when no quantity starts there."""
    n = len(tokens)
    while i < n and tokens[i].norm in _ABOUT and i + 1 < n and not tokens[i + 1].sentence_start:
        i += 1
    if i >= n or tokens[i].sentence_start:
        return None
    t = tokens[i]
    if t.is_number or t.norm in _SMALL_NUMBERS:
        return None if _YEAR.fullmatch(t.norm) else i + 1
    if t.norm == "half" and i + 2 < n and tokens[i + 1].norm in ("a", "an"):
        i += 1                          # "half an hour"
    if t.norm in ("a", "an", "half") and i + 1 < n and not tokens[i + 1].sentence_start \
            and tokens[i + 1].stem in _UNITS:
        return i + 2                    # judge43: a unit only, not "from a spreadsheet to a proper database"
    return None


def quantity_changes(tokens: list[Token]) -> list[tuple[int, int]]:
    """The spans (first, last token) of "from X to Y" with a quantity on both sides, in one sentence: "from about an
    hour to under five minutes", "from two days to four hours"; not "from London to Berlin" nor "from 2019 to 2021"."""
    out = []
    for i, t in enumerate(tokens):
        if t.norm != "from" or (end := _quantity(tokens, i + 1)) is None:
            continue
        to = next((k for k in range(end, min(end + 3, len(tokens))) if tokens[k].norm == "to"), None)
        if to is None or any(tokens[k].sentence_start for k in range(i + 1, to + 1)):
            continue
        last = _quantity(tokens, to + 1)
        if last is not None:
            out.append((i, last - 1))
    return out


@lru_cache(maxsize=1024)
def label_tokens(label: str) -> tuple[Token, ...]:
    """A key point label's tokens (labels are judged many times: once per answer and point)."""
    return tuple(tokenize_text(label))


@lru_cache(maxsize=1024)
def denied_phrases(label: str, whole: bool = False) -> tuple[tuple[str, ...], ...]:
    """The stems of what a label denies, one phrase per denial: "amounts as integers, never floats" -> (("float",),);
    "avoid locks / single writer" -> (("lock",),); "lock-free" -> (("lock",),). At most three content words, up
    to the clause's end or an "and"/"or"; "without" denies an action ("without losing events"), while "without the
    cost of banks" names a burden taken away, whose mention is the point's own problem. `whole`: every word after
    each denial up to the clause's end (the words the label's own negation scopes over)."""
    out: list[tuple[str, ...]] = [(stem(m.lower()),) for m in re.findall(r"([A-Za-z]+)-free\b", label)]
    tokens = tokenize_text(label.replace("/", ","))
    for i, t in enumerate(tokens):
        if t.norm not in LABEL_DENIALS:
            continue
        rest = tokens[i + 1:]
        if not whole and t.norm == "without" and not (rest and rest[0].norm.endswith("ing")):
            continue
        phrase: list[str] = []
        for k, u in enumerate(rest):
            if u.clause_start or (not whole and (u.norm in _DENIED_END or len(phrase) == 3)):
                peer = _coordinated_peer(phrase, rest, k) if not whole else None
                if peer is not None:
                    out.append((peer,))         # "no lost or duplicated money": "duplicated" is denied as "lost" is
                break
            if u.norm not in FUNCTION_WORDS and u.norm not in LABEL_DENIALS:
                phrase.append(u.stem)
        if phrase:
            out.append(tuple(phrase))
    return tuple(dict.fromkeys(out))


def _coordinated_peer(phrase: list[str], rest: list[Token], k: int) -> str | None:
    """After a denial's one-word phrase that an "or" ends ("no lost | or duplicated money"), the word that stands
    with it under the same denial and before the same noun (walk67 1a): "duplicated". Only one modifier for one:
    "no manual steps or sign-offs" keeps its first phrase alone."""
    if len(phrase) != 1 or rest[k].norm not in ("or", "nor") or k + 2 >= len(rest):
        return None
    peer, head = rest[k + 1], rest[k + 2]
    if peer.clause_start or head.clause_start or peer.norm in FUNCTION_WORDS or head.norm in FUNCTION_WORDS \
            or peer.norm in _DENIED_END or head.norm in _DENIED_END or rest[k - 1].stem != phrase[0]:
        return None
    return peer.stem


# words in "ly" that are no manner adverb ("not the family", "never apply it")
_LY_NOT_MANNER = frozenset({"only", "family", "families", "apply", "supply", "reply", "rely", "ally", "assembly",
                            "anomaly", "italy", "july", "fly", "ugly", "holy", "early", "daily", "weekly", "monthly",
                            "yearly", "hourly", "nightly", "likely", "friendly", "lonely", "silly", "jelly", "belly"})
# ... nor is a word of degree: "not fully automated" is not denied by "it's mostly automated" (read43c)
_LY_DEGREE = frozenset({"fully", "completely", "entirely", "totally", "wholly", "partly", "partially", "mostly",
                        "largely", "mainly", "nearly", "barely", "hardly", "only", "purely", "strictly", "truly",
                        "really", "highly", "heavily", "slightly"})


# after a consequence ("..., so nobody has to look at it"), a "nobody" or "nothing" tells a result, not an undoing
_CONSEQUENCE = frozenset({"so", "because"})
_NONE = frozenset({"no", "nobody", "nothing", "none", "zero"})


def asserted_denials(label: str, tokens: list[Token]) -> frozenset[int]:
    """Token positions where the answer asserts what the label denies: every word of a denied phrase in one clause,
    and nothing from there to the sentence's end that denies or replaces it ("amounts were stored as floats, which
    hurt" for "never floats"; not "we stopped using floats", "no floats anywhere", "we used floats, then switched
    to cents")."""
    phrases = denied_phrases(label)
    if not phrases:
        return frozenset()
    out: set[int] = set()
    n = len(tokens)
    starts = [i for i, t in enumerate(tokens) if i == 0 or t.clause_start or t.sentence_start
              or t.norm in CLAUSE_OPENERS] + [n]
    # the phrase's own words undo nothing ("bad rows were silently dropped" for "..., not silently dropped"), and a
    # manner word is not needed ("we just drop it quietly" asserts "silently dropped" too): walk59
    denied = frozenset(s for phrase in phrases for s in phrase)
    manner = frozenset(t.stem for t in tokenize_text(label) if t.norm.endswith("ly")
                       and t.norm not in _LY_NOT_MANNER | _LY_DEGREE)
    needed = [frozenset(phrase) - manner or frozenset(phrase) for phrase in phrases]
    for a, b in zip(starts, starts[1:]):
        end = next((i for i in range(a + 1, n) if tokens[i].sentence_start), n)
        after = next((i for i in range(b, end) if tokens[i].norm in _CONSEQUENCE), end)
        if any((t.norm in UNDOING and t.stem not in denied and not (k >= after and t.norm in _NONE))
               or t.norm.endswith("n't") for k, t in enumerate(tokens[a:end], start=a)):
            continue
        for phrase in needed:
            at = [i for i in range(a, b) if tokens[i].stem in phrase]
            if phrase <= {tokens[i].stem for i in at}:
                out.update(at)
    return frozenset(out)


@dataclass(frozen=True)
class Match:
    cue: str            # the cue alternative that matched, as written in the bank
    first: int          # token index range [first, last]
    last: int
    quality: float      # 1.0 exact ... 0.75 phonetic


@dataclass
class KeyPointResult:
    key_point: KeyPoint
    hit: bool
    confidence: float
    matches: list[Match] = field(default_factory=list)   # best match per distinct cue
    negated: list[Match] = field(default_factory=list)   # mentions that did not count
    # every mention that counted, with its cue as the bank wrote it (all alternatives), not only each cue's best
    said: list[tuple[str, Match]] = field(default_factory=list)
    judgement: Any = None     # judge.Judgement when the semantic judge decided

    @property
    def cues_matched(self) -> int:
        return len(self.matches)


# judge75: a cue phrase's small words, free when it is said again ("logged it on Datix": "I logged on Datix",
# "logged the incident on Datix"): articles, pronouns, possessives and prepositions
SMALL_WORDS = frozenset({"a", "an", "the", "it", "its", "this", "that", "these", "those", "them", "i", "we", "me", "us",
                         "my", "our", "your", "their", "his", "her", "on", "in", "at", "to", "into", "onto", "for", "of",
                         "with", "from", "by", "up", "out", "off", "over", "about"})


def content_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """A compiled cue phrase's words but its small ones (`SMALL_WORDS`): ("logged", "datix") for "logged it on
    Datix"."""
    return tuple(w for w in words if w not in SMALL_WORDS)


@lru_cache(maxsize=4096)
def compile_alternative(alternative: str) -> tuple[str, ...]:
    if NUMBER in alternative:
        head, _, tail = alternative.partition(NUMBER)
        return (*compile_alternative(head.strip()), NUMBER, *compile_alternative(tail.strip()))
    return tuple(t.norm for t in tokenize_text(alternative)) if alternative.strip() else ()


@lru_cache(maxsize=65536)
def _metaphone(s: str) -> str:
    return jellyfish.metaphone(s)


INFLECTIONS = frozenset({"", "s", "es", "ed", "d", "ing", "ings", "er", "ers", "e", "y", "ies", "ied"})
_AGENT = frozenset({"er", "ers"})     # after a whole word in "-e": another word, not its inflection


def _inflection(a: str, b: str) -> bool:
    """Same stem and only an inflection apart ("optimised"/"optimise"), not "expensive"/"expenses". A word in "-e"
    takes "-r" for "-er" ("safe"/"safer"), so "-er" after its whole "-e" makes another word ("engine"/"engineers",
    "engineer"/"engines": walk40)."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    if n and a[n - 1] == "e" and (a[n:] in _AGENT or b[n:] in _AGENT):
        return False
    return a[n:] in INFLECTIONS and b[n:] in INFLECTIONS


# the noun a verb makes (detect/detection, deploy/deployment, automate/automation); not "-ation" on a bare stem
# ("inform"/"information", "present"/"presentation") nor "-ive", "-al", "-er" ("detective", "national", "manager")
NOMINAL = frozenset({"ion", "ions", "ment", "ments"})
DERIVED_MIN_STEM = 5     # a shorter stem is too ambiguous to join a verb and a noun by


def derived(a: str, b: str) -> bool:
    """One word the noun of the other, by word form ("detect" / "detection", "deployed" / "deployment",
    "automate" / "automation"): the same Snowball stem of DERIVED_MIN_STEM letters or more, one an inflection of
    it and the other its `NOMINAL` noun, after the letters both share ("automat-e" / "automat-ion")."""
    s = stem(a)
    if len(s) < DERIVED_MIN_STEM or s != stem(b) or not (a.startswith(s) and b.startswith(s)):
        return False
    ra, rb = a[len(s):], b[len(s):]
    for k in range(min(len(ra), len(rb)) + 1):
        if k and ra[k - 1] != rb[k - 1]:
            break
        if (ra[k:] in INFLECTIONS and rb[k:] in NOMINAL) or (rb[k:] in INFLECTIONS and ra[k:] in NOMINAL):
            return True
    return False


def inflected(a: str, b: str) -> bool:
    """The same word, inflected ("manages"/"manage"), not a derivative with the same stem ("manager"/"manage")."""
    return stem(a) == stem(b) and _inflection(a, b)


def _prefixed(a: str, b: str) -> bool:
    """True for a prefixed derivative ("deduplicate" / "duplicated"): a different word, not a mishearing."""
    sa, sb = stem(a), stem(b)
    return (len(sb) >= 4 and a.find(sb) > 0) or (len(sa) >= 4 and b.find(sa) > 0)


class TokenIndex:
    """The answer's tokens, indexed for fast lookup of each cue word (cached per word)."""

    def __init__(self, tokens: list[Token], settings: AnalysisSettings, *, heard: bool = True):
        """heard: the tokens come from speech recognition, so a word may also match by how it sounds
        ("mentoring" for "monitoring"); a typed answer means the words it spells (a one-letter typo still matches)."""
        self.tokens = tokens
        self.s = settings
        self.heard = heard
        # joined forms of 1..MAX_JOIN adjacent tokens: text -> list of (start, length)
        self.joined: dict[str, list[tuple[int, int]]] = {}
        self.by_stem: dict[str, list[int]] = {}
        # one word said in pieces ("air wallets") has no comma inside; a sound-alike is no filler ("like, as" is
        # not "locks")
        fillers = {f for f in settings.fillers if " " not in f}
        filled: set[str] = set()
        clean: set[str] = set()
        for i, t in enumerate(tokens):
            self.by_stem.setdefault(t.stem, []).append(i)
            for n in range(1, MAX_JOIN + 1):
                if i + n > len(tokens):
                    break
                if n > 1 and (tokens[i + n - 1].clause_start or tokens[i + n - 1].sentence_start):
                    break
                text = "".join(x.norm for x in tokens[i:i + n])
                self.joined.setdefault(text, []).append((i, n))
                (filled if n > 1 and any(x.norm in fillers for x in tokens[i:i + n]) else clean).add(text)
        self._filled = filled - clean             # said only with a filler in it: exact matches only
        # the fuzzy candidates by their first letter, in order: a mishearing keeps the onset (`find`), so a cue word is
        # scored against those only (the same matches as scoring all of them, at a fraction of the cost)
        self._choices: dict[str, list[str]] = {}
        for text in self.joined:
            if text not in self._filled:
                self._choices.setdefault(text[:1], []).append(text)
        self._cache: dict[str, dict[int, tuple[int, float]]] = {}
        self._by_sound: dict[str, list[str]] | None = None
        self._by_letter: dict[str, list[int]] | None = None

    def _sounds(self) -> dict[str, list[str]]:
        """Joined forms of 4+ letters by their phonetic code (computed once per answer)."""
        if self._by_sound is None:
            self._by_sound = {}
            for text in self.joined:
                if len(text) >= 4 and text not in self._filled:
                    self._by_sound.setdefault(_metaphone(text), []).append(text)
        return self._by_sound

    def _letters(self) -> dict[str, list[int]]:
        """Each word a letter said alone sounds like ("queue" for "q") -> the positions of that letter, in order
        (computed once per answer: `find` looked at every token for every cue word)."""
        if self._by_letter is None:
            self._by_letter = {}
            for i, t in enumerate(self.tokens):
                for sound in LETTER_SOUNDS.get(t.norm, ()):
                    self._by_letter.setdefault(sound, []).append(i)
        return self._by_letter

    def find(self, word: str) -> dict[int, tuple[int, float]]:
        """Positions where cue word `word` matches: start -> (tokens consumed, quality)."""
        if word in self._cache:
            return self._cache[word]
        found: dict[int, tuple[int, float]] = {}

        def add(pos: int, n: int, q: float) -> None:
            if pos not in found or found[pos][1] < q:
                found[pos] = (n, q)

        if word == NUMBER:
            for i, t in enumerate(self.tokens):
                if t.is_number:
                    add(i, 1, EXACT)
        else:
            for i in self.by_stem.get(stem(word), ()):
                if _inflection(self.tokens[i].norm, word):
                    add(i, 1, EXACT)
            for i, n in self.joined.get(word, ()):
                add(i, n, EXACT if n == 1 else JOINED)
            if self.heard:
                for i in self._letters().get(word, ()):
                    add(i, 1, PHONETIC)
            if len(word) >= self.s.fuzzy_min_len and not word.isdigit():
                cutoff = self.s.fuzzy_min_ratio if len(word) >= 8 else max(self.s.fuzzy_min_ratio, 88.0)
                for text, score, _ in process.extract(word, self._choices.get(word[0], ()), scorer=fuzz.ratio,
                                                      score_cutoff=cutoff, limit=None):
                    if text.isdigit() or _prefixed(text, word):
                        continue   # same onset (`_choices` is by first letter); sound-alikes are matched phonetically below
                    if not self.heard and OSA.distance(text, word) > 1:
                        continue   # typed: one typo ("disrupter"), not another word ("mentoring"/"monitoring")
                    for i, n in self.joined[text]:
                        if n <= 2 and not self._word_apart(i, n):   # three words run together are too loose
                            add(i, n, FUZZY * score / 100 + (0.1 if score >= 95 else 0))
                code = _metaphone(word) if self.heard else ""      # typed: no match by sound
                if len(code) >= 3:
                    for text in self._sounds().get(code, ()):
                        if abs(len(text) - len(word)) <= 3 and fuzz.ratio(text, word) >= self.s.phonetic_min_ratio:
                            for i, n in self.joined[text]:
                                if n <= 2 and not self._word_apart(i, n):   # "role I built" is not "reliability"
                                    add(i, n, PHONETIC)
        self._cache[word] = found
        return found

    def _word_apart(self, i: int, n: int) -> bool:
        """Whether words i..i+n-1, run together, hold a word said in its own right (a pronoun or an article: "I moved"
        is not "improved", "a proved" not "approved"): such a join matches a cue word only exactly ("a sync" =
        "async"), never by a near spelling or sound. A preposition is a misheard piece often ("for casting")."""
        return n > 1 and any(self.tokens[k].norm in STANDALONE for k in range(i, i + n))

    def match_alternative(self, words: tuple[str, ...]) -> list[tuple[int, int, float]]:
        """All occurrences of a cue phrase: (first token, last token, quality)."""
        if not words:
            return []
        results = []
        if len(words) == 1 and words[0] != NUMBER:   # a one-word cue said as its verb or noun ("detect", "detection")
            results += [(i, i, DERIVED) for i in self.by_stem.get(stem(words[0]), ())
                        if derived(self.tokens[i].norm, words[0]) and not self._modifier(i, words[0])]
        gap = self.s.cue_window_extra
        # the whole phrase may be said as one word ("multicurrency") or split differently ("air wallets")
        joined = "".join(w for w in words if w != NUMBER)
        if len(words) > 1 and NUMBER not in words:
            for pos, (n, q) in self.find(joined).items():
                results.append((pos, pos + n - 1, q))
        for pos, (n, q) in self.find(words[0]).items():
            end, qualities = pos + n - 1, [q]
            for w in words[1:]:
                spots = self.find(w)
                nxt = next((p for p in range(end + 1, end + 2 + gap) if p in spots
                            and not self.crosses_sentence(end, p) and not self.denied_between(end, p)), None)
                if nxt is None:
                    break
                end = nxt + spots[nxt][0] - 1
                qualities.append(spots[nxt][1])
            else:
                results.append((pos, end, sum(qualities) / len(qualities)))
        if len(words) == 2 and NUMBER not in words and not any(w in FUNCTION_WORDS for w in words):
            results += self._compound_turned(words)
        starts = {first for first, _, _ in results}
        return results + [r for r in self.loosely(words) if r[0] not in starts]

    def loosely(self, words: tuple[str, ...]) -> list[tuple[int, int, float]]:
        """A cue phrase of two or more content words said with its small words (`SMALL_WORDS`) changed, added or
        dropped (judge75: "logged it on Datix" said "I logged on Datix", "logged the incident on Datix"): its content
        words in order, each within `cue_window_extra` words of the last plus the small words the cue has between
        them, in one clause (no comma, sentence end or clause opener between), with no negation or hypothetical
        between ("logged it but not on Datix", "logged what I could on Datix"). Not a number cue, and not a cue of
        one content word ("on the ward") or of number words ("one-to-one": "one chat with one nurse"): that one word
        alone would be a lone everyday word."""
        content = content_words(words)
        if NUMBER in words or len(content) == len(words) or sum(w not in _SMALL_NUMBERS for w in content) < 2:
            return []
        at = [i for i, w in enumerate(words) if w not in SMALL_WORDS]
        allowed = [self.s.cue_window_extra + b - a - 1 for a, b in zip(at, at[1:])]
        results = []
        for pos, (n, q) in self.find(content[0]).items():
            end, qualities = pos + n - 1, [q]
            for w, gap in zip(content[1:], allowed):
                spots = self.find(w)
                nxt = next((p for p in range(end + 1, end + 2 + gap) if p in spots), None)
                if nxt is None or not self._one_clause(end, nxt):
                    break
                end = nxt + spots[nxt][0] - 1
                qualities.append(spots[nxt][1])
            else:
                results.append((pos, end, LOOSE_CUE_QUALITY * sum(qualities) / len(qualities)))
        return results

    def _one_clause(self, end: int, nxt: int) -> bool:
        """Whether tokens end+1..nxt stay in token end's clause and say no negation or hypothetical between."""
        for t in self.tokens[end + 1:nxt + 1]:
            if t.clause_start or t.sentence_start or t.norm in CLAUSE_OPENERS:
                return False
        between = self.tokens[end + 1:nxt]
        return not any(t.norm in NEGATORS or t.norm in DENIALS or t.norm in HYPOTHETICAL or t.norm.endswith("n't")
                       for t in between)

    def denied_between(self, end: int, nxt: int) -> bool:
        """Whether tokens end+1..nxt-1, the words said between two of a cue's words, hold a negation (judge79: "logged
        it on Datix" is not said by "I logged it but not on Datix", as the loose route already refused); "not just"
        and "not only" add rather than deny ("logged it not just on paper but on Datix")."""
        between = self.tokens[end + 1:nxt]
        return any((t.norm in NEGATORS or t.norm in DENIALS or t.norm.endswith("n't"))
                   and not (k + 1 < len(between) and between[k + 1].norm in ADDITIVE)
                   for k, t in enumerate(between))

    def _compound_turned(self, words: tuple[str, ...]) -> list[tuple[int, int, float]]:
        """A two-word compound said the other way round with "of" or "for" between ("connection pool": "a pool of
        connections", "business account": "an account for a business"), in one clause."""
        first, second = self.find(words[0]), self.find(words[1])
        out = []
        for pos, (n, q) in second.items():
            end = pos + n - 1
            link = end + 1
            if link >= len(self.tokens) or self.tokens[link].norm not in _TURNING or self.tokens[link].clause_start:
                continue
            after = link + 1
            nxt = next((p for p in range(after, after + 2) if p in first and not any(
                self.tokens[k].clause_start or self.tokens[k].sentence_start for k in range(link, p + 1))), None)
            if nxt is not None and all(self.tokens[k].norm in _ARTICLES for k in range(after, nxt)):
                out.append((pos, nxt + first[nxt][0] - 1, (q + first[nxt][1]) / 2 * JOINED))
        return out

    def _modifier(self, i: int, cue: str) -> bool:
        """Whether the answer's noun at token i, for a verb `cue`, names a kind of another noun ("the development
        team", "a management role") rather than the act (judge43: "Developed the test harness"). A noun that is its
        sentence's subject, a verb after it, names the act whatever the verb's tense: "Detection improved a lot",
        "Detection takes an hour" (judge46: the same reading for both tenses). A word in -s after it is read as a
        present verb only when the noun opens its clause (judge49: "I moved into management roles." is no act)."""
        if cue.endswith(tuple(NOMINAL)) or not self.tokens[i].norm.endswith(tuple(NOMINAL)) or i + 1 >= len(self.tokens):
            return False
        nxt = self.tokens[i + 1]
        return not (nxt.clause_start or nxt.sentence_start) and nxt.norm.isalpha() and nxt.norm not in FUNCTION_WORDS \
            and not said_in_past([nxt.norm]) and not (self._subject(i) and self._present_verb(i + 1))

    def _subject(self, i: int) -> bool:
        """Whether the noun at token i opens its sentence or clause, alone or after an article ("Detection takes",
        "Our deployment runs"), as a subject does; not an object or a modifier ("into management roles", "the
        development teams", "new detection systems")."""
        k = i
        while k > 0 and not (self.tokens[k].clause_start or self.tokens[k].sentence_start) \
                and self.tokens[k - 1].norm in _ARTICLES:
            k -= 1
        return k == 0 or self.tokens[k].clause_start or self.tokens[k].sentence_start

    def _present_verb(self, i: int) -> bool:
        """Whether token i reads as a verb in the present after its subject ("Detection takes an hour", "deployment
        runs every night"): a word in -s (not -ss) followed by an article, a number or a clause's end; a noun after a
        noun ("deployment scripts were", "management roles at") is followed by something else."""
        t = self.tokens[i]
        if not (t.norm.endswith("s") and not t.norm.endswith("ss") and len(t.norm) > 3):
            return False
        after = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        return after is None or after.clause_start or after.sentence_start or after.is_number \
            or after.norm in _ARTICLES or after.norm in _SMALL_NUMBERS

    def crosses_sentence(self, end: int, nxt: int) -> bool:
        """A cue's words stay inside one sentence ("four. It cut the time" is not "four times")."""
        return any(self.tokens[p].sentence_start for p in range(end + 1, nxt + 1))

    def negated(self, first: int, own: frozenset[str] = frozenset()) -> bool:
        """A negation before the mention, in its clause; `own` negators belong to the key point's wording."""
        for i in range(first - 1, max(-1, first - 1 - self.s.negation_window), -1):
            t = self.tokens[i]
            if t.norm in NEGATION_BREAKS:
                return False
            if t.norm in NEGATORS and t.norm not in own:
                # "not just my own patients and budgets": adds to what follows, denies nothing (as `segments`)
                return not (i + 1 < first and self.tokens[i + 1].norm in ADDITIVE)
            if t.clause_start:
                return False
        return False


def match_key_point(kp: KeyPoint, index: TokenIndex,
                    unsaid: Callable[[int], bool] | None = None) -> KeyPointResult:
    """The cues said plainly. A negation that belongs to the key point's own wording is no negation only for a
    mention of what the wording denies ("without the cost of banks" for "...without the cost and complexity of
    banks", not "we did not add alerts" for "...so it would not happen again: alerts"); a mention that asserts
    what the wording denies ("we ended up with a fall" for "no falls") does not count, nor one starting at a token
    for which `unsaid` is true (the judge's: said hypothetically, or only as a view or a claim), so that a cue's
    plain mention elsewhere in the answer can count instead. A negator of a thing agrees with the wording's own
    negator of a thing ("the server had no idempotency key" for "retries without an idempotency key": walk48); a
    negated verb does not ("couldn't send the money twice" for "no lost or duplicated money")."""
    own = frozenset(t.norm for t in label_tokens(kp.label) if t.norm in NEGATORS)
    own = own | NOUN_NEGATORS if own & NOUN_NEGATORS else own
    denied = frozenset(s for phrase in denied_phrases(kp.label, whole=True) for s in phrase)
    label_words = {t.stem: t.norm for t in label_tokens(kp.label)}
    opposite = asserted_denials(kp.label, index.tokens)
    matches, negated = [], []
    said: list[tuple[str, Match]] = []
    changes = None
    for cue in kp.cues:
        best: Match | None = None
        found = [(a, index.match_alternative(compile_alternative(a))) for a in (a.strip() for a in cue.split("|"))]
        if change_cue(cue):
            changes = quantity_changes(index.tokens) if changes is None else changes
            found.append((FROM_TO_CUE, [(first, last, JOINED) for first, last in changes]))
        for alternative, spans in found:
            for first, last, quality in spans:
                m = Match(alternative, first, last, round(quality, 3))
                span = range(first, last + 1)
                mine = own if any(index.tokens[i].stem in denied
                                  and inflected(index.tokens[i].norm, label_words.get(index.tokens[i].stem, ""))
                                  for i in span) else frozenset()
                if index.negated(first, mine) or any(i in opposite for i in span) or (unsaid and unsaid(first)):
                    negated.append(m)
                else:
                    said.append((cue, m))
                    if best is None or (m.quality, -m.first) > (best.quality, -best.first):
                        best = m
        if best is not None:
            matches.append(best)
    matches.sort(key=lambda m: m.first)
    hit = len(matches) >= kp.min_cues
    if hit:
        top = sorted((m.quality for m in matches), reverse=True)[:kp.min_cues]
        confidence = sum(top) / len(top)
    else:
        confidence = 1.0 - 0.5 * len(matches) / kp.min_cues
    return KeyPointResult(kp, hit, round(confidence, 3), matches, negated, said)
