"""Turn transcript words into normalised tokens that remember where they came from.

"Multi-currency" -> multi, currency; "didn't" -> did, not; "forty percent" / "40%" -> 40, percent;
"6M" / "six million" -> 6000000; "two" -> 2 (a transcriber writes small numbers as words). "One" stays a word (it is
mostly a pronoun: "one of our nurses", "no one"), and knows the number it says when it counts a thing ("we got one
agency nurse": `Token.value` 1). Each token keeps the index of the transcript word it came from, so a
match can be quoted and timed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from text_to_num import alpha2digit

_stemmer = snowballstemmer.stemmer("english")

CONTRACTIONS = {
    "can't": "can not", "cannot": "can not", "won't": "will not", "shan't": "shall not", "n't": " not",
    "i'm": "i am", "'re": " are", "'ve": " have", "'ll": " will", "'d": " would", "let's": "let us",
    "it's": "it is", "that's": "that is", "there's": "there is", "what's": "what is", "he's": "he is",
    "she's": "she is", "here's": "here is", "who's": "who is",
}
_CONTRACTION_RE = re.compile(r"(can't|cannot|won't|shan't|i'm|let's|it's|that's|there's|what's|he's|she's|here's|"
                             r"who's|n't|'re|'ve|'ll|'d)\b")
# Units of time, singular: the one list the analysis's unit words are made from (judge46: keypoints' quantities said
# with "a"/"an", the judge's measures, the follow-ups' time spans and figures' units): the clock's, the calendar's and
# work's own
CLOCK_UNITS = ("nanosecond", "microsecond", "millisecond", "second", "minute", "hour")
TIME_UNITS = (*CLOCK_UNITS, "day", "night", "week", "fortnight", "month", "quarter", "year", "decade", "sprint", "shift")
# words ending "-ed" that are no past tense nor participle ("we proceed", "I'd speed it up"): followups' past tense
# and segments' past perfect ("I'd" + a participle) read them alike
ED_NOT_PAST = frozenset({"need", "speed", "seed", "feed", "bleed", "breed", "greed", "indeed", "exceed", "succeed",
                         "proceed", "embed", "hundred", "sacred", "naked", "wicked", "rugged"})
# the words that say a figure is approximate ("about 40", "roughly two hours", "approximately 3%"): one set, each
# reader of figures adding the words of its own (keypoints, judge, delivery, followups)
APPROXIMATE = frozenset({"about", "around", "roughly", "approximately", "nearly", "almost"})
# words ending in "s" that are no plural noun ("people across all three sites", "by 40% across regions", "grew
# this year"): followups' units a figure counts (fixBN) and the judge's modifiers of a plural (`AnswerJudge._modifiers`)
NOT_PLURAL = frozenset({"this", "its", "his", "hers", "was", "has", "does", "is", "as", "us", "thus", "plus", "less",
                        "unless", "across", "versus", "whereas", "always", "perhaps", "afterwards", "towards", "besides",
                        "sometimes", "nowadays", "thanks", "percent"})
# the words that open a noun phrase, its article, demonstrative, possessive or quantifier ("the traces", "our logs",
# "every service"): followups reads a phrase's shape by them, alternatives a thing named not bare
DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "your", "my", "our", "their", "its",
                         "his", "her", "some", "any", "each", "every", "no"})
# The readers below open a phrase by sets that differ from `DETERMINERS` on purpose, each for what it reads; they are
# kept here, in one place, as each reader measured them (dedup54: none was made `DETERMINERS`, no decision moved).
# "the" and a possessive open a thing of this story: a note heading that names a slot ("The numbers after that", "Our
# figures"), not "a", "this" or "some" ("A quick fix", "This year": headings.slot_heading)
DEFINITE = frozenset({"the", "my", "our", "its", "their", "his", "her"})
# before "plan", the words that make it a noun naming one plan: determiners, possessives and the adjectives of one
# plan ("a new plan", "the whole plan", "one plan": plan_noun); not "some", "any", "no", "these"
PLAN_DETERMINERS = frozenset({"the", "a", "an", "our", "my", "their", "his", "her", "its", "your", "this", "that",
                              "each", "every", "new", "whole", "same", "one"})
# before "kind of"/"sort of", the words that make it a noun ("that kind of query", "what sort of retry", "the same
# kind of"), not a hedge (precision.hedges): the interrogatives and "same" too; not the possessives
KIND_DETERMINERS = frozenset({"a", "an", "the", "that", "this", "what", "which", "some", "any", "every", "one", "same",
                              "those", "these"})
# the small words a label's head drops before its one word is read ("The mission", "Our product": judge's
# `_praised_head`): the articles and "our", "your", "its", "their" only
HEAD_DETERMINERS = frozenset({"the", "our", "your", "its", "their", "a", "an"})
# the words that open a person named as a clause's subject, counts and "another" too ("the reporter", "my old team
# lead", "two engineers", "another nurse": judge's `_head_is_someone`); not "your", "some", "every"
PERSON_DETERMINERS = frozenset({"the", "a", "an", "my", "our", "his", "her", "their", "one", "two", "another", "this"})
# a singular word after these is the head of its phrase ("every engineer gets paged"), not a modifier
SINGULAR_DETERMINERS = frozenset({"every", "each", "a", "an", "one", "any", "no", "another"})
# a noun after these, "one" and "another" too ("every thread was waiting on one new fix": judge's nouns of a verb)
NOUN_DETERMINERS = DETERMINERS | frozenset({"one", "another"})
NUMBER_WORDS = frozenset(
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
        "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion",
        "trillion", "point"
    ]
)
# the number words the tokenizer leaves as words (alpha2digit's threshold: "two" and up are digits): "one" is mostly a
# pronoun or "a" ("one of our nurses", "the one who", "one day"), "zero" mostly "none" ("zero downtime")
WORD_VALUES = {"zero": "0", "one": "1"}
_DIGITS_FROM = 2
# around a "one" that is no count of things: after a determiner ("the one who", "no one", "this one", "each one") or
# before "of", a relative, a verb or a clause's end ("one of our nurses", "one who", "one is enough", "the right one.")
_NOT_COUNTED_AFTER = frozenset({"the", "a", "an", "no", "this", "that", "which", "each", "every", "any", "some",
                                "another", "what", "whichever"})
_NOT_COUNTED_BEFORE = frozenset({"of", "who", "whom", "whose", "that", "which", "another", "by", "else", "and", "or",
                                 "but", "is", "was", "are", "were", "has", "had", "have", "can", "could", "would",
                                 "should", "will", "may", "might", "must", "does", "did", "do", "i", "we", "you", "he",
                                 "she", "they", "it", "thing", "way", "day", "time", "point", "side", "hand", "to"})
SCALES = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "mm": 1_000_000, "million": 1_000_000,
          "b": 1_000_000_000, "bn": 1_000_000_000, "billion": 1_000_000_000}
SYMBOLS = {"%": " percent ", "$": " dollars ", "€": " euros ", "£": " pounds ", "&": " and ", "+": " plus "}
_NUM_SUFFIX = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mm|b|bn|x|ms)$")
_NUMERIC = re.compile(r"^\d+(?:\.\d+)?$")
SENTENCE_END = re.compile(r"[.?!]\s*$")
CLAUSE_END = re.compile(r"[.?!,;:]\s*$")


@dataclass(frozen=True)
class Token:
    norm: str           # lower-case, normalised form ("40", "percent", "multi")
    stem: str           # Snowball stem of norm
    word: int           # index of the transcript word it came from
    sentence_start: bool = False
    clause_start: bool = False   # first token after , ; : or a sentence end
    counts: bool = False         # "one" or "zero" said as a number of things ("one agency nurse", not "one of us")

    @property
    def is_number(self) -> bool:
        return _numeric(self.norm)

    @property
    def value(self) -> str | None:
        """The number the token says, as digits, for comparing with a number written as one ("2 sickest" with "two
        sickest", "1 agency nurse" with "one agency nurse"): a numeral's own, a counting "one" or "zero"'s; None for
        a word."""
        return self.norm if self.is_number else WORD_VALUES[self.norm] if self.counts else None


@lru_cache(maxsize=65536)
def _numeric(norm: str) -> bool:
    return bool(_NUMERIC.match(norm))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return str(_stemmer.stemWord(word))


@lru_cache(maxsize=65536)      # pure, and an answer's words are tokenized two or three times (perf35)
def _split_word(raw: str) -> tuple[str, ...]:
    """One transcript word -> normalised pieces (before number-word conversion)."""
    w = raw.strip().lower().replace("’", "'").replace("‘", "'")
    w = re.sub(r"(?<=\d),(?=\d{3})", "", w)          # 1,000 -> 1000
    w = _CONTRACTION_RE.sub(lambda m: CONTRACTIONS[m.group(1)], w)
    w = re.sub(r"(\d)\+", r"\1 ", w)                   # 150+ -> 150
    for sym, rep in SYMBOLS.items():
        w = w.replace(sym, rep)
    pieces: list[str] = []
    for part in re.split(r"[^a-z0-9.']+", w):
        part = part.strip(".'")
        if not part:
            continue
        if "." in part and not _NUMERIC.match(part):
            pieces.extend(p for p in part.split(".") if p)
            continue
        m = _NUM_SUFFIX.match(part)
        if m:
            num, suffix = m.groups()
            if suffix in SCALES:
                pieces.append(_fmt(float(num) * SCALES[suffix]))
            else:
                pieces.extend([num, {"x": "times", "ms": "milliseconds"}[suffix]])
            continue
        pieces.append(part.replace("'", ""))
    return tuple(pieces)


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def compound(hundreds: str, rest: str) -> str | None:
    """The one number a spoken "one hundred and fifty" is when whisper writes it "100 and 50" (walk22: the Numbers
    card listed "100, 50 countries"): hundreds (100 to 900) and a number below 100; None for two numbers ("100 and
    200", "2000 and 5")."""
    if not (hundreds.isdigit() and rest.isdigit()):
        return None
    h, r = int(hundreds), int(rest)
    return str(h + r) if 100 <= h <= 900 and h % 100 == 0 and 0 < r < 100 else None


def _convert_numbers(pieces: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Replace runs of number words by digits, and fold "6 million" into 6000000."""
    out: list[tuple[str, int]] = []
    i = 0
    while i < len(pieces):
        text, word = pieces[i]
        if text in SCALES and out and _NUMERIC.match(out[-1][0]):
            out.append((text, word))        # "2 million" as whisper writes it: folded below, not 2 and 1000000
            i += 1
            continue
        if text in NUMBER_WORDS and text != "point":
            j = i + 1
            while j < len(pieces) and (pieces[j][0] in NUMBER_WORDS or (
                    pieces[j][0] == "and" and j + 1 < len(pieces) and pieces[j + 1][0] in NUMBER_WORDS)):
                j += 1
            run = " ".join(p for p, _ in pieces[i:j])
            converted = alpha2digit(run, "en", threshold=_DIGITS_FROM)
            for piece in converted.split():
                out.append((piece, word))
            i = j
            continue
        out.append((text, word))
        i += 1
    # fold a digit and a following scale word: 6 million -> 6000000
    folded: list[tuple[str, int]] = []
    for text, word in out:
        if folded and text in SCALES and len(text) > 2 and _NUMERIC.match(folded[-1][0]):
            folded[-1] = (_fmt(float(folded[-1][0]) * SCALES[text]), folded[-1][1])
        else:
            folded.append((text, word))
    # "100 and 50" as whisper writes "one hundred and fifty": one number, as alpha2digit makes the words (150)
    joined: list[tuple[str, int]] = []
    for text, word in folded:
        if len(joined) >= 2 and joined[-1][0] == "and" and (value := compound(joined[-2][0], text)) is not None:
            joined[-2:] = [(value, joined[-2][1])]
        else:
            joined.append((text, word))
    return joined


def tokenize(words: list[str]) -> list[Token]:
    """Normalise transcript words (as spoken, with their punctuation) into tokens."""
    return list(_tokenize(tuple(words)))


@lru_cache(maxsize=256)
def _tokenize(words: tuple[str, ...]) -> tuple[Token, ...]:
    """`tokenize`, cached (tokens are frozen): an answer's words are tokenized by the judge and again by delivery's
    Numbers card, and the labels' texts for every answer (perf44b)."""
    pieces: list[tuple[str, int]] = []
    starts: set[int] = {0}
    clauses: set[int] = {0}
    for i, raw in enumerate(words):
        for p in _split_word(raw):
            pieces.append((p, i))
        if SENTENCE_END.search(raw):
            starts.add(i + 1)
        if CLAUSE_END.search(raw):
            clauses.add(i + 1)
    tokens = []
    seen_words: set[int] = set()
    converted = _convert_numbers(pieces)
    for k, (text, word) in enumerate(converted):
        first = word not in seen_words
        seen_words.add(word)
        tokens.append(Token(norm=text, stem=stem(text), word=word, sentence_start=first and word in starts,
                            clause_start=first and word in clauses,
                            counts=text in WORD_VALUES and _counts(converted, k, clauses)))
    return tuple(tokens)


def _counts(pieces: list[tuple[str, int]], k: int, clauses: set[int]) -> bool:
    """Whether the number word at k counts the thing after it ("we got one agency nurse", "zero incidents"), not a
    pronoun ("one of our nurses", "the one who", "no one", "the right one.") nor "one day", "one thing" (`_NOT_COUNTED_*`)."""
    word = pieces[k][1]
    before = pieces[k - 1][0] if k > 0 and (pieces[k - 1][1] == word or word not in clauses) else ""
    after = pieces[k + 1] if k + 1 < len(pieces) else None
    return (before not in _NOT_COUNTED_AFTER and after is not None and (after[1] == word or after[1] not in clauses)
            and after[0].isalpha() and after[0] not in _NOT_COUNTED_BEFORE)


def tokenize_text(text: str) -> list[Token]:
    return tokenize(text.split())


def wer(reference: str, hypothesis: str) -> float:
    """Word error rate after the same normalisation the matcher uses (case, punctuation, numbers)."""
    import jiwer

    ref = " ".join(t.norm for t in tokenize_text(reference))
    hyp = " ".join(t.norm for t in tokenize_text(hypothesis))
    return float(jiwer.wer(ref, hyp)) if ref else float(bool(hyp))


# a full stop after these ends no sentence: "e.g.", "i.e.", "U.S.", an initial ("J. Smith"), "vs.", "incl.", "Dr."
ABBREVIATION = re.compile(r"(?:\b(?:[A-Za-z]\.){2,}|\b[A-Za-z]\.|\b(?i:vs|etc|approx|incl|cf)\.|"
                          r"\b(?:Mr|Mrs|Ms|Dr|St|No)\.)\Z")
# how far back from a full stop an abbreviation can start: the longest, "approx.", is 7 characters ("U.S.A." needs
# only its last "A." to be one: `\b[A-Za-z]\.`), so a window this long finds whatever the whole text before would
ABBREVIATION_REACH = 8


def sentences(text: str) -> list[str]:
    """Written text's sentences, each with its full stop, "!" or "?" (and a closing quote or bracket): one ends at
    such a mark and a space whatever case follows ("... the hot path. p99 fell under 2 ms"), except after an
    abbreviation ("e.g. by batching", "Dr. Lee"); "2.5 ms" and "v1.2" have no space after their dot. One splitter
    for the notes' ideas and a follow-up's one question (fix40: two lists of abbreviations disagreed). Linear in the
    text's length."""
    out: list[str] = []
    start = 0
    for m in re.finditer(r"[.!?]+[\"'\u201d)]*\s+", text):
        # only the few characters before the stop are searched (`\b` still sees the one before them; `endpos` ends the
        # text at the stop for `\Z`): a search of all the text before each stop made a 352 KB paste take ~45 s (walk61 1)
        end = m.start() + 1
        if m.group(0).startswith(".") and ABBREVIATION.search(text, max(0, end - ABBREVIATION_REACH), end):
            continue
        out.append(text[start:m.end()].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


# words all in capitals that are still no acronym: the candidate's "OK" and "I'M" ("IT", "US" are acronyms)
_NEVER_ACRONYMS = frozenset({"ok", "i'm", "i've", "i'd", "i'll"})
# words that name nothing however they are written: a capital on them is a transcriber's or a typist's ("and Then
# we", "the The"), as on the candidate's "I" and "OK"
_NEVER_NAMES = _NEVER_ACRONYMS | frozenset({
    "i", "okay", "a", "an", "the", "and", "or", "but", "so", "then", "because", "when", "while", "after", "before",
    "also", "now", "well", "yes", "yeah", "no", "not", "this", "that", "these", "those", "it", "it's", "we", "they",
    "he", "she", "you", "my", "our", "their", "his", "her", "its", "what", "how", "why", "which", "who", "where",
    "there", "here", "if", "of", "to", "in", "on", "at", "for", "with", "by", "from", "is", "was", "were", "are", "be",
    "been", "had", "have", "has", "did", "do", "just", "first", "next", "finally", "again", "still", "only", "even",
    "very", "really", "um", "uh"})
# what opens a sentence inside one: a quote or a bracket ("he said: “Then we roll back”")
_OPENERS = "\"'“‘(["
_CLOSERS = "\"'”’)]"


def acronym(word: str) -> bool:
    """Whether a word as written is an acronym, all capitals ("AWS", "PCI", "IT"; not "I", "A", "OK")."""
    w = word.strip().strip(_OPENERS + _CLOSERS + ".,;:!?")
    letters = [ch for ch in w if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters) and w.lower() not in _NEVER_ACRONYMS


@lru_cache(maxsize=64)
def written_names(raw: tuple[str, ...]) -> tuple[bool, ...]:
    """Per transcript word as written (a transcriber's leading space and all), whether it is written as a name: an
    acronym anywhere ("AWS", "PCI"), or a capitalised word inside a sentence ("Redis", "Dan", "Saturday") that is not
    where a sentence starts inside one (after a colon or an opening quote: "the rule: Then we roll back", "he said
    “Let's wait”"), not a word that names nothing (`_NEVER_NAMES`: "and Then we", the candidate's "I"), and not an
    ordinary word the same answer writes in lower case elsewhere (a stray capital: "the Team ... the team")."""
    words = [w.strip() for w in raw]
    lower = {w.strip(_OPENERS + _CLOSERS + ".,;:!?").lower() for w in words
             if w[:1].isalpha() and w[:1].islower()}
    out = []
    starts = True
    for w in words:
        bare = w.lstrip(_OPENERS)
        opened = starts or bare != w or not bare
        core = bare.strip(_CLOSERS + ".,;:!?")
        if acronym(w):
            out.append(True)
        else:
            out.append(bool(core[:1].isupper()) and not opened and core.lower() not in _NEVER_NAMES
                       and core.lower() not in lower)
        tail = w.rstrip(_CLOSERS)
        starts = not bare or bool(re.search(r"[.?!:]$", tail)) or (not core and bool(w))
    return tuple(out)
