"""Try a key point the way you would say it (Qt-free): the bank editor's "Try it" box.

A candidate types a sentence or two as she would say them; the real judge checks the edited question (its prompt
and all its points, as written now, saved or not) and says whether this point would be counted, the words that
carry it, and if not, why, with a short phrase of hers to add as a cue (walk50: "logged it on Datix" was not
credited for "I reported the unsafe staffing", and she could not tell while writing the point). Nothing typed is
kept. While the meaning-based judge's model is still loading (the app loads it at start), the words alone decide,
and the result says so rather than wait.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from voiceprep.app import judging, threads
from voiceprep.core.analysis import embedder as model
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.judge import needed_part
from voiceprep.core.analysis.keypoints import FUNCTION_WORDS
from voiceprep.core.banks.model import Bank, KeyPoint
from voiceprep.core.transcript import Transcript
from voiceprep.settings import TRY_CUE_WORDS_MAX, TRY_CUES_TRIED, AnalysisSettings

STILL_LOADING = ("The meaning-based judge is still loading, so this was checked by its words only. "
                 "Try again in a moment for the full check.")
# words that say when, not what: a cue made of them ("next morning") would match any story
_WHEN = frozenset({
    "next", "morning", "afternoon", "evening", "day", "days", "week", "weeks", "month", "months", "year", "years",
    "later", "then", "after", "before", "first", "last", "soon", "once", "today", "yesterday", "tomorrow"
})
# words that carry no story, for a cue to start or end on: the judge's FUNCTION_WORDS, and more, for it keeps the
# pronouns, "and"/"or" and "had"/"did" out of that list (it reads them: who did it, one part or two, when)
_LIGHT = FUNCTION_WORDS | frozenset({
    "i", "we", "you", "he", "she", "they", "it", "its", "a", "an", "the", "and", "or", "but", "so", "to", "of",
    "in", "on", "at", "for", "with", "by", "from", "as", "that", "this", "exactly", "really", "these", "those",
    "was", "were", "is", "are", "be", "been", "had", "has", "have", "did", "do", "does", "my", "our", "your",
    "their", "her", "his", "him", "them", "us", "me", "just", "very", "also", "which", "who", "when", "what",
    "there", "here", "up", "out", "about", "into", "over"
})


@dataclass(frozen=True)
class Trial:
    """What the judge made of the wording, for this one point."""

    counted: bool
    evidence: str | None = None     # the words that carry it (counted)
    how: str | None = None          # "by meaning", "cues: ..." (counted)
    reason: str | None = None       # why not, in plain words (not counted)
    cue: str | None = None          # a short phrase of hers to add as a cue (not counted)
    cues: tuple[str, ...] = ()      # the lines adding it writes into Cues (`cues_added`)
    words_only: bool = False        # the meaning-based judge did not run
    note: str | None = None         # why it did not (still loading, turned off, cannot load)

    def text(self) -> str:
        """The result as one plain paragraph (shown, and read by a screen reader)."""
        if self.counted:
            said = f"Counted: “{self.evidence}”" if self.evidence else "Counted."
            said += f" ({self.how})." if self.how else ("." if self.evidence else "")
        else:
            said = f"Not counted. {self.reason}"
        return f"{said} {self.note}" if self.note else said


def cue_phrases(said: str, label: str = "", words_max: int = TRY_CUE_WORDS_MAX, most: int = TRY_CUES_TRIED) -> list[str]:
    """Short stretches of `said` (at most `words_max` words) to offer as a cue, best first: those that carry most of
    its own words (names and numbers first, then words not in the point's `label`; not its time words: "The next
    morning I logged it on Datix" -> "logged it on Datix", then shorter ones), each starting and ending on such a
    word; then its best single words. Empty when it has no such word."""
    words = [w.strip(" ,.;:!?\"“”()") for w in said.split()]
    words = [w for w in words if w]
    in_label = {w.lower() for w in re.findall(r"[\w'-]+", label)}

    def weight(i: int) -> int:
        w, low = words[i], words[i].lower()
        if low in _LIGHT or low in _WHEN or len(w) < 2:
            return 0
        concrete = any(ch.isdigit() for ch in w) or (i > 0 and w[0].isupper())
        return 3 if concrete else 1 if low in in_label else 2
    scores = [weight(i) for i in range(len(words))]
    spans = [(sum(scores[a:b + 1]), -(b - a), -a, a, b) for a in range(len(words)) if scores[a]
             for b in range(a, min(len(words), a + words_max)) if scores[b]]
    out: list[str] = []
    for *_rank, a, b in sorted(spans, reverse=True):
        phrase = " ".join(words[a:b + 1])
        if b > a and phrase.lower() not in (o.lower() for o in out):
            out.append(phrase)
        if len(out) >= most - 1:
            break
    single = max((i for i in range(len(words)) if scores[i]), key=lambda i: (scores[i], -i), default=None)
    if single is not None and words[single].lower() not in (o.lower() for o in out):
        out.append(words[single])
    return out[:most]


_CLAUSE = re.compile(r"\s*(?:[,;:]|\band\b|\bso\b|\bbecause\b|\bwhich\b|\bthen\b)\s*", re.IGNORECASE)
_OWNER = re.compile(r"^(?:i|we|my|our)\s+", re.IGNORECASE)


def label_cues(label: str) -> list[str]:
    """A point's own wording as cues, for a point that had none: its parts, without "I" ("I told the family openly,
    under duty of candour" -> "told the family openly", "under duty of candour"). A first cue written replaces the
    words the judge took from the label, and a plain retelling of the label was then no longer counted (measured:
    p 1.00 -> 0.49); a whole label as one cue is not matched either."""
    parts = [_OWNER.sub("", p.strip(" .!?")) for p in _CLAUSE.split(needed_part(label))]
    return list(dict.fromkeys(p for p in parts if any(w.lower() not in _LIGHT and len(w) > 2 for w in p.split())))


def cues_added(point: KeyPoint, phrase: str) -> list[str]:
    """The lines "Add as a cue" writes into the point's Cues: `phrase`, after the point's own wording when it had no
    cues of its own (`label_cues`)."""
    return [*(c for c in label_cues(point.label) if c.lower() != phrase.lower()), phrase] if point.cues_from_label \
        else [phrase]


def with_cues(bank: Bank, prompt_id: str, point_id: str, cues: Sequence[str]) -> Bank:
    """The bank with `cues` added to a point's, as the bank file would give it (cues written replace those made from
    its label; then one is needed unless the file says more: a `min_cues` written is kept, as the loader keeps it).
    A point with cues from its label shows no written `min_cues` apart from the loader's default for them (half of
    them); one written equal to that default is taken as not written."""
    def point(k: KeyPoint) -> KeyPoint:
        if k.id != point_id:
            return k
        if k.cues_from_label:
            written = k.min_cues != max(1, math.ceil(len(k.cues) / 2))      # load.py's default for derived cues
            return dataclasses.replace(k, cues=tuple(cues), min_cues=k.min_cues if written else 1,
                                       cues_from_label=False)
        return dataclasses.replace(k, cues=(*k.cues, *cues))
    rounds = tuple(dataclasses.replace(r, prompts=tuple(
        dataclasses.replace(p, key_points=tuple(point(k) for k in p.key_points)) if p.id == prompt_id else p
        for p in r.prompts)) for r in bank.rounds)
    return dataclasses.replace(bank, rounds=rounds)


def _counted(bank: Bank, prompt_id: str, point_id: str, said: str, settings: AnalysisSettings) -> bool:
    a = analyze_answer(bank, bank.prompt(prompt_id), Transcript.from_text(said), settings)
    return any(r.hit for r in a.key_points if r.key_point.id == point_id)


def _cue_to_add(bank: Bank, prompt_id: str, point: KeyPoint, said: str,
                settings: AnalysisSettings) -> tuple[str | None, bool]:
    """The phrase of `said` to offer as a cue, and whether the point's own words (its label said as it is) would still
    be counted once it is added (with `cues_added`): True when they were not counted before either. Each candidate is
    checked by the judge: the first that gets `said` counted and keeps the label counted, else the first that gets
    `said` counted; None when none does."""
    own = {c.lower() for c in point.cues if not point.cues_from_label}
    label_counted = _counted(bank, prompt_id, point.id, point.label, settings)     # checked once
    first: str | None = None
    for phrase in cue_phrases(said, point.label):
        if phrase.lower() in own:
            continue
        changed = with_cues(bank, prompt_id, point.id, cues_added(point, phrase))
        if _counted(changed, prompt_id, point.id, said, settings):
            if not label_counted or _counted(changed, prompt_id, point.id, point.label, settings):
                return phrase, True
            first = first or phrase
    return first, first is None


def try_point(bank: Bank, prompt_id: str, point_id: str, said: str,
              settings: AnalysisSettings | None = None, wait: bool = True) -> Trial:
    """Judge `said` (typed, as the candidate would say it) as an answer to the bank's prompt, and tell what it made of
    the point `point_id`. Never on the GUI thread. The model not loaded yet: loaded first (`wait`), else the words
    alone decide and the result says so (the bank editor: the app loads it at start, on its own lane)."""
    threads.check("trying a key point's wording")
    settings = settings or AnalysisSettings()
    if not said.strip():
        raise ValueError("Type a sentence or two the way you would say it, then check it.")
    prompt = bank.prompt(prompt_id)
    point = next((k for k in prompt.key_points if k.id == point_id), None)
    if point is None:
        raise KeyError(f"no key point {point_id!r} in question {prompt_id!r}")
    note = None
    if settings.semantic_judge and not wait and not model.settled():
        settings, note = dataclasses.replace(settings, semantic_judge=False), STILL_LOADING
    a = analyze_answer(bank, prompt, Transcript.from_text(said), settings)
    doc = judging.feedback_document(a, "typed")
    k = next(k for k in doc["key_points"] if k["id"] == point_id)
    words_only = a.judge.method != "semantic"
    if note is None and words_only:
        note = f"Checked by its words only: {a.judge.message}." if a.judge.message else "Checked by its words only."
    if k["hit"]:
        first = (k["evidence"] or [{}])[0]
        return Trial(True, evidence=first.get("text"), how=first.get("note"), words_only=words_only, note=note)
    reason = k["detail"] or "The judge did not find this point in what you wrote."
    reason = reason.rstrip() if reason.rstrip()[-1:] in (".", "?", "!", "…") else f"{reason.rstrip()}."
    cue, keeps = _cue_to_add(bank, prompt_id, point, said, settings)
    if cue is None:
        reason += (" No cue from your words would make it count either: say it as something you did, in a sentence of "
                   "its own, or reword the point closer to how you would say it.")
        return Trial(False, reason=reason, words_only=words_only, note=note)
    reason += f" Added as a cue, “{cue}” would make it count."
    if not keeps:
        reason += " But the point said in its own words would then no longer count: add a cue for them too."
    return Trial(False, reason=reason, cue=cue, cues=tuple(cues_added(point, cue)), words_only=words_only, note=note)
