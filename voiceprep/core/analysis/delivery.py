"""How the answer sounded: pace, fillers, pauses, repetition, hedges, numbers, STAR structure, ownership.

Every finding carries one plain-English tip. Thresholds come from settings.AnalysisSettings.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from voiceprep.core.analysis.text import tokenize
from voiceprep.core.transcript import Transcript, Word
from voiceprep.settings import AnalysisSettings

_STOP = frozenset([
    "a", "an", "and", "the", "of", "to", "in", "on", "for", "is", "it", "that", "this", "was", "we", "i", "you",
    "so", "with", "as", "at", "be"
])
_LIKE_FILLER_BEFORE = frozenset({"was", "were", "is", "and", "but", "so", "just", "um", "uh", "it's", "like"})
_KIND_OF_LEGIT_BEFORE = frozenset({"what", "this", "that", "a", "the", "some", "any", "which", "every", "same", "one"})
UNITS = frozenset([
    "percent", "times", "milliseconds", "seconds", "minutes", "hours", "days", "weeks", "months", "years",
    "users", "customers", "requests", "orders", "transactions", "engineers", "countries", "currencies", "dollars",
    "euros", "pounds", "x"
])
STAR_CUES = {
    "situation": r"\b(when i was|at my (previous|last|old)|(in )?my (previous|last|old|former) (role|job|company|team|employer)|"
                 r"the situation|the context|"
                 r"back (then|when)|we had (a|an)\b|there was (a|an)\b|our (team|system|service)|last year|previously)",
    "task": r"\b(my (task|job|goal|role) was|i was (responsible|asked|tasked)|the goal was|the challenge was|"
            r"i needed to|i had to|we needed to|we had to|the problem was|our goal)",
    "action": r"\b(i (designed|built|implemented|decided|proposed|led|wrote|introduced|created|chose|moved|changed|"
              r"rewrote|benchmarked|prototyped|set up|added|migrated|drove|owned|started)|so i\b|what i did)",
    "result": r"\b(as a result|the result|resulted in|which (led|meant)|in the end|outcome|reduced|improved|"
              r"increased|cut|saved|dropped|went (up|down|from)|so that|we (shipped|launched|reached))",
}
# a prompt that asks for a story ("Tell me about a time...", "the hardest problem you have solved"), where the
# STAR shape is coached; "Why Airwallex?" or "How would you architect...?" are not stories and are not held to it
STORY_PROMPT = re.compile(
    r"\b(tell me about|describe|walk me through|give (me )?an example|a time (you|when)|a situation|"
    r"you('ve| have)? (built|solved|led|designed|created|implemented|improved|shipped|fixed|debugged|delivered))\b",
    re.IGNORECASE)


def asks_for_story(prompt_text: str) -> bool:
    """Whether a prompt asks for something the candidate did (coached as Situation, Task, Action, Result)."""
    return bool(STORY_PROMPT.search(prompt_text))


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

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _clean(word: str) -> str:
    return re.sub(r"[^\w'%$]", "", word.lower().replace("’", "'"))


def _phrase_hits(words: list[str], raw: list[str], phrases: tuple[str, ...]) -> list[tuple[str, int]]:
    """(phrase, word index) for each occurrence of the given filler/hedge phrases, with context rules."""
    hits = []
    for i in range(len(words)):
        for phrase in phrases:
            parts = phrase.split()
            if words[i:i + len(parts)] != parts:
                continue
            prev = words[i - 1] if i else ""
            sentence_start = i == 0 or bool(re.search(r"[.?!]$", raw[i - 1].strip()))
            if phrase == "like":
                after_comma = i and raw[i - 1].strip().endswith(",")
                before_comma = raw[i].strip().endswith(",")
                if not (prev in _LIKE_FILLER_BEFORE or after_comma or before_comma or sentence_start):
                    continue
            elif (phrase in ("kind of", "sort of") and prev in _KIND_OF_LEGIT_BEFORE
                  or phrase == "so" and not sentence_start or phrase == "just" and prev in ("not", "is", "was")):
                continue
            hits.append((phrase, i))
    return hits


def _repeated(words: list[str], min_n: int) -> list[dict[str, Any]]:
    found: dict[str, int] = {}
    for n in range(6, min_n - 1, -1):
        grams = Counter(" ".join(words[i:i + n]) for i in range(len(words) - n + 1))
        for gram, count in grams.items():
            toks = gram.split()
            if count < 2 or sum(t not in _STOP for t in toks) < 2:
                continue
            if any(gram in longer for longer in found):
                continue
            found[gram] = count
    return [{"phrase": g, "count": c} for g, c in sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))][:8]


def _quantities(raw: list[str]) -> list[str]:
    """Numbers said in the answer with their unit, quoted as spoken ("forty percent", "3x")."""
    tokens = tokenize(raw)
    out: list[str] = []
    for i, t in enumerate(tokens):
        if not t.is_number or t.norm == "1" and (i + 1 >= len(tokens) or tokens[i + 1].norm not in UNITS):
            continue
        last = t.word
        if i + 1 < len(tokens) and tokens[i + 1].norm in UNITS:
            last = tokens[i + 1].word
        phrase = " ".join(w.strip() for w in raw[t.word:last + 1]).strip(" ,.;")
        if phrase and (not out or out[-1] != phrase):
            out.append(phrase)
    return out


def _star(text: str) -> dict[str, Any]:
    """Which STAR parts are present, and whether they can be read in order (each after the previous)."""
    found = {part: [m.start() for m in re.finditer(pattern, text, re.IGNORECASE)] for part, pattern in STAR_CUES.items()}
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
            "in_order": in_order, "positions": positions}


def analyze_delivery(transcript: Transcript, target_s: int, settings: AnalysisSettings,
                     timed: bool = True, story: bool = True) -> Delivery:
    """Delivery metrics for one answer. `timed` is False for typed answers (no pace or pauses); `story` is False
    when the prompt does not ask for a story (its structure is then not held to STAR)."""
    words: list[Word] = [w for w in transcript.words() if w.word.strip()]
    raw = [w.word for w in words]
    clean = [_clean(w) for w in raw]
    n = sum(1 for c in clean if c)
    speaking = (words[-1].end - words[0].start) if words else 0.0
    duration = transcript.duration or speaking
    wpm = n / (speaking / 60) if speaking > 1 else 0.0
    minutes = max(duration, 1e-6) / 60

    filler_hits = _phrase_hits(clean, raw, tuple(settings.fillers))
    by_word = Counter(p for p, _ in filler_hits)
    recall = transcript.filler_recall if transcript.filler_recall is not None else settings.measured_filler_recall
    approximate = recall < settings.filler_recall_ok
    fillers = {"total": len(filler_hits), "per_minute": round(len(filler_hits) / minutes, 1) if timed else None,
               "by_word": dict(by_word.most_common()), "approximate": approximate,
               "at": [i for _, i in filler_hits]}
    hedge_hits = _phrase_hits(clean, raw, tuple(settings.hedges))
    hedges = {"total": len(hedge_hits), "by_word": dict(Counter(p for p, _ in hedge_hits).most_common()),
              "at": [i for _, i in hedge_hits]}
    pauses = []
    if timed:
        for a, b in zip(words, words[1:]):
            gap = b.start - a.end
            if gap >= settings.long_pause_s:
                pauses.append({"start": round(a.end, 2), "end": round(b.start, 2), "duration": round(gap, 2),
                               "after": a.word.strip()})
    text = " ".join(w.strip() for w in raw)
    numbers = _quantities(raw)
    i_count = sum(c in ("i", "me", "my", "i'm", "i've", "i'd", "mine") for c in clean)
    we_count = sum(c in ("we", "us", "our", "we're", "we've", "ours") for c in clean)
    ownership = {"i": i_count, "we": we_count,
                 "i_share": round(i_count / (i_count + we_count), 2) if i_count + we_count else None}
    d = Delivery(duration_s=round(duration, 2) if timed else None, speaking_s=round(speaking, 2) if timed else None,
                 target_s=target_s, words=n, wpm=round(wpm, 1) if timed else None, fillers=fillers,
                 long_pauses=pauses, repeated_phrases=_repeated(clean, settings.repeated_phrase_min_words),
                 hedges=hedges, numbers=numbers, star=_star(text), ownership=ownership, timed=timed,
                 story=story)
    d.findings = _findings(d, settings, timed)
    return d


def _too_short_tip(d: Delivery) -> str:
    """What a short answer should add: only what it lacks."""
    if not d.story:
        return "Short for the time you have: back each reason with one specific example."
    if "result" in d.star["missing"]:
        return "Too short to land the story: add the result and one concrete detail."
    return "Short for the time you have: say more about how you did it, with one concrete detail."


def _findings(d: Delivery, s: AnalysisSettings, timed: bool) -> list[Finding]:
    out = []
    if not timed or d.duration_s is None or d.wpm is None:
        out.append(Finding("pace", "info", "Typed answer: pace, length and pauses not measured",
                           "Say it out loud to get pace and timing feedback."))
    else:
        lo, hi = d.target_s * (1 - s.duration_tolerance), d.target_s * (1 + s.duration_tolerance)
        if d.duration_s < lo:
            out.append(Finding("duration", "warn", f"{d.duration_s:.0f} s of a {d.target_s} s target",
                               _too_short_tip(d)))
        elif d.duration_s > hi:
            out.append(Finding("duration", "warn", f"{d.duration_s:.0f} s of a {d.target_s} s target",
                               "Over time: lead with the headline and cut the background to two sentences."))
        else:
            out.append(Finding("duration", "good", f"{d.duration_s:.0f} s of a {d.target_s} s target",
                               "Good length: keep this shape."))
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
                           f"{pauses} pause(s) of {s.long_pause_s:g} s or more",
                           "Long silences mid-answer read as lost: outline your three points before you start."
                           if many_pauses else "Pauses are short: a deliberate pause before the result is fine."))
    per_min = d.fillers["per_minute"]
    approx = " (approximate: the transcriber drops some fillers)" if d.fillers["approximate"] else ""
    many = d.fillers["total"] >= 3 and (per_min is None or per_min > s.fillers_per_min_warn)
    out.append(Finding("fillers", "warn" if many else "good", f"{d.fillers['total']} filler(s){approx}",
                       "Swap fillers for a short silence; it sounds more confident." if many
                       else "Few fillers: clean delivery."))
    if d.repeated_phrases:
        top = d.repeated_phrases[0]
        out.append(Finding("repetition", "warn", f"\"{top['phrase']}\" said {top['count']} times",
                           "Vary the wording or cut the repeat; say each point once, clearly."))
    hedgy = d.hedges["total"] >= s.hedges_warn
    out.append(Finding("hedges", "warn" if hedgy else "good", f"{d.hedges['total']} hedge(s)",
                       "Own your claims: replace \"I think\" and \"maybe\" with what you know and how."
                       if hedgy else "Assertive: you state things plainly." if not d.hedges["total"]
                       else "Mostly assertive: a hedge or two is fine."))
    out.append(Finding("numbers", "good" if d.numbers else "warn",
                       f"{len(d.numbers)} quantified detail(s)" + (f": {', '.join(d.numbers[:3])}" if d.numbers else ""),
                       "Numbers make impact believable: keep them." if d.numbers
                       else "Add a number: latency, throughput, cost, users or time saved."))
    star = d.star
    if not d.story:
        out.append(Finding("structure", "info", "Not a story question: no STAR shape needed",
                           "Answer in your first sentence, then give two or three reasons, each with one specific."))
    elif not star["missing"] and star["in_order"]:
        out.append(Finding("structure", "good", "Situation, task, action, result, in order",
                           "Clear story shape."))
    else:
        if star["missing"]:
            headline = "STAR: no " + ", ".join(star["missing"]) + ("" if star["in_order"] else "; parts out of order")
        else:
            headline = "STAR: all four parts, but out of order"
        out.append(Finding("structure", "warn", headline,
                           "Tell it as Situation, Task, Action, Result; close with the result in one sentence."))
    share = d.ownership["i_share"]
    if share is not None and d.ownership["we"] >= 4 and share < 1 - s.we_share_warn:
        out.append(Finding("ownership", "warn", f"\"we\" {d.ownership['we']} times, \"I\" {d.ownership['i']}",
                           "Say what *you* did: \"I designed\", \"I decided\"; interviewers score your part."))
    elif share is not None:
        out.append(Finding("ownership", "good", f"\"I\" {d.ownership['i']}, \"we\" {d.ownership['we']}",
                           "Your own role comes through."))
    return out


def delivery_scores(d: Delivery, s: AnalysisSettings) -> dict[str, float | None]:
    """0-100 per delivery aspect, for competencies a bank ties to delivery; None when not measurable."""
    def ramp(value: float, good: float, zero: float) -> float:
        """100 up to `good`, falling linearly to 0 at `zero`."""
        if value <= good:
            return 100.0
        return round(max(0.0, 100 * (zero - value) / (zero - good)), 1)

    pace = None
    if d.wpm:
        off = max(s.wpm_low - d.wpm, d.wpm - s.wpm_high, 0.0)
        pace = ramp(off, 0.0, s.wpm_low * s.pace_zero_share)
    words = max(d.words, 1)
    per_min = d.fillers["per_minute"]
    if per_min is None:   # typed: fillers per minute at a typical speaking pace
        per_min = d.fillers["total"] / words * (s.wpm_low + s.wpm_high) / 2
    star = d.star
    structure = max(0.0, 25.0 * len(star["present"]) - (0 if star["in_order"] else 10)) if d.story else None
    return {
        "pace": pace,
        "fillers": ramp(per_min, s.fillers_per_min_warn, s.fillers_per_min_warn * 4),
        "structure": structure,
        "hedges": ramp(d.hedges["total"], s.hedges_warn - 1, s.hedges_warn + 4),
        "pauses": ramp(len(d.long_pauses), s.long_pauses_warn - 1, s.long_pauses_warn + 4) if d.timed else None,
    }
