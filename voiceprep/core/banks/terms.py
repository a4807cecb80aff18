"""Words of a bank worth biasing the transcriber towards (its hotwords): names, acronyms and a key point's own
words that are not plain English ("chargebacks", "idempotency"), which Whisper hears as plain ones ("charge of
backs", walkthrough 13)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from voiceprep.core.analysis.text import stem
from voiceprep.settings import TranscriptionSettings

# Plain English: the whole words of the judge's tokenizer vocabulary (about 22,500; shipped with voiceprep)
PLAIN_WORDS = Path(__file__).resolve().parents[1] / "analysis" / "data" / "minilm-tokenizer.json"


@lru_cache(maxsize=1)
def plain_words() -> frozenset[str]:
    try:
        vocab = json.loads(PLAIN_WORDS.read_text(encoding="utf-8"))["model"]["vocab"]
    except (OSError, ValueError, KeyError, TypeError):
        return frozenset()
    return frozenset(w for w in vocab if w.isalpha())


# a word's stems (ending -> what replaces it), then the endings a stem may take, to find a plain word's other forms
STEMS = (("ies", "y"), ("ied", "y"), ("ier", "y"), ("es", ""), ("s", ""), ("ed", ""), ("d", ""), ("ing", ""), ("ing", "e"),
         ("e", ""))
ENDINGS = ("", "s", "d", "ed", "al", "ion")


@lru_cache(maxsize=1 << 16)
def is_plain(word: str) -> bool:
    """A plain English word or another form of one ("refunded", "symptom", "validate" are; "chargebacks" is not).
    Kept once worked out: `Bank.terms` asks of every key point's words for each question, and the bank editor's
    tip on crowded terms asks for every question at each change (read51b 2: 2.4 s on the GUI thread, 24 questions)."""
    w = word.lower()
    stems = {w} | {w[: -len(end)] + by for end, by in STEMS if w.endswith(end) and len(w) > len(end) + 2}
    return any(stem + end in plain_words() for stem in stems for end in ENDINGS)


def distinctive_words(label: str, min_letters: int = TranscriptionSettings.bank_term_min_letters) -> list[str]:
    """A key point's words that are not plain English, as written: "chargebacks", "idempotency". A hyphenated word
    is plain when each of its parts is ("lock-free"); a word of fewer than `min_letters` letters is left to the
    transcriber. None when the list of plain words cannot be read."""
    if not plain_words():
        return []
    words = re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", label)
    return [w for w in dict.fromkeys(words)
            if len(w.replace("-", "")) >= min_letters and not all(is_plain(part) for part in w.split("-"))]


def cue_terms(cues: tuple[str, ...], min_letters: int = TranscriptionSettings.bank_term_min_letters) -> list[str]:
    """The cues worth a hotword: names and acronyms (an alternative with a capital letter: "LMAX", "3-D Secure"), and
    phrases holding a word that is not plain English ("idempotency keys", heard as "item potency keen" without it;
    measured in docs/benchmarks.md, session 17)."""
    alternatives = [a.strip() for cue in cues for a in cue.split("|")]
    return [alt for alt in alternatives if alt and "{" not in alt and not alt.startswith("I ")
            and (any(ch.isupper() for ch in alt) or (" " in alt and distinctive_words(alt, min_letters)))]


@lru_cache(maxsize=1 << 16)
def term_family(term: str) -> str:
    """What the forms of one term share, so the transcriber gets one of them: lower case, without hyphens or spaces,
    an acronym's plural "s" dropped and the Snowball stem of the rest ("chargeback"/"chargebacks", "API"/"APIs",
    "low-latency"/"low latency", "idempotency key"/"idempotency keys" are one family; "SMBs"/"SMEs", "3DS"/"3-D
    Secure" are two)."""
    words = re.split(r"[\s-]+", term.strip())
    if re.fullmatch(r"[A-Z0-9]+s", words[-1]) and len(words[-1]) > 2:
        words[-1] = words[-1][:-1]              # "SDKs": Snowball keeps the "s" of a word with no vowel
    return stem("".join(words).lower())
