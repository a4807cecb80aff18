"""The bank as the rest of the app sees it: plain frozen dataclasses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from voiceprep.core.banks.terms import cue_terms, distinctive_words, term_family
from voiceprep.settings import TranscriptionSettings


@dataclass(frozen=True)
class Job:
    id: str
    title: str
    company: str | None = None
    level: str | None = None
    must_haves: tuple[str, ...] = ()
    description: str | None = None
    copied_from: str | None = None     # the id of the bank this one was duplicated from: its answers count here


DELIVERY_ASPECTS = ("pace", "fillers", "structure", "hedges", "pauses")


@dataclass(frozen=True)
class Competency:
    id: str
    name: str
    weight: float
    definition: str = ""
    delivery: tuple[str, ...] = ()     # delivery aspects that also count towards this competency
    delivery_weight: float = 0.0       # their share of the competency's score (0 when no aspects)


@dataclass(frozen=True)
class KeyPoint:
    id: str
    label: str
    cues: tuple[str, ...]
    min_cues: int = 1
    competency: str | None = None
    weight: float = 1.0
    follow_up: str | None = None
    cues_from_label: bool = False   # True when the file gave no cues and they were derived


@dataclass(frozen=True)
class Prompt:
    id: str
    text: str
    key_points: tuple[KeyPoint, ...]
    target_seconds: int = 120
    follow_up: str | None = None
    vocabulary: tuple[str, ...] = ()   # terms hinted to the transcriber for this prompt's answers only (hints50)


@dataclass(frozen=True)
class Round:
    id: str
    title: str
    prompts: tuple[Prompt, ...]
    description: str | None = None



def job_name(company: str | None, title: str) -> str:
    """A job as the app names it: "Airwallex — Infrastructure / Platform Engineer", the title alone when it names
    the company already or there is none (Bank.name; the Markdown export heads an answer with it: walk42 9)."""
    company = (company or "").strip()
    if not company or re.search(rf"(?<!\w){re.escape(company)}(?!\w)", title, re.IGNORECASE):
        return title
    return f"{company} — {title}"

@dataclass(frozen=True)
class Bank:
    schema: int
    job: Job
    rounds: tuple[Round, ...]
    competencies: tuple[Competency, ...] = ()
    vocabulary: tuple[str, ...] = ()
    source: Path | None = field(default=None, compare=False)
    text: str = field(default="", compare=False, repr=False)   # the TOML it was read from (history snapshots)

    @property
    def id(self) -> str:
        return self.job.id

    @property
    def name(self) -> str:
        """How the bank is named everywhere it is listed: "Airwallex — Infrastructure / Platform Engineer"; a title
        that names the company already is the name ("Backend engineer, Airwallex", not "Airwallex — Backend
        engineer, Airwallex": walk18)."""
        return job_name(self.job.company, self.job.title)

    def round(self, round_id: str) -> Round:
        for r in self.rounds:
            if r.id == round_id:
                return r
        raise KeyError(f"bank {self.id!r} has no round {round_id!r} "
                       f"(rounds: {', '.join(r.id for r in self.rounds)})")

    def prompt(self, prompt_id: str) -> Prompt:
        for r in self.rounds:
            for p in r.prompts:
                if p.id == prompt_id:
                    return p
        raise KeyError(f"bank {self.id!r} has no prompt {prompt_id!r} "
                       f"(prompts: {', '.join(p.id for p in self.all_prompts())})")

    def all_prompts(self) -> list[Prompt]:
        return [p for r in self.rounds for p in r.prompts]

    def competency(self, competency_id: str) -> Competency | None:
        return next((c for c in self.competencies if c.id == competency_id), None)

    def terms(self, prompt: Prompt | None = None, settings: TranscriptionSettings | None = None) -> list[str]:
        """Words worth biasing the transcriber towards, most useful first (the transcriber keeps those that fit its
        prompt), `settings.bank_terms` at most: `prompt`'s own `vocabulary`, the company and the bank's vocabulary; then,
        with `settings.key_point_terms`, `prompt`'s key points' terms and every other key point's. A prompt's vocabulary
        is hinted for that prompt only (hints50: "ring buffer", "single writer" in the bank's vocabulary changed how a
        recorded why-airwallex answer was heard; so did putting why-airwallex's key point terms before the company and
        the vocabulary). A key point's terms are its label's words that are not plain English ("chargebacks") and its
        cues' names, acronyms and phrases with such a word ("idempotency keys"). One form of each, the one that comes
        first: "API" and "APIs", "idempotency key" and "idempotency keys" are one term (`term_family`). A spelling a cue
        gives after its first ("HoYoverse|Hoyo verse") is a way it may be heard, never a term: in a vocabulary (the
        bank editor put it there before walk24), its cue's first spelling stands for it."""
        settings = settings or TranscriptionSettings()
        seen: dict[str, str] = {}
        canonical = self._canonical_spellings

        def add(*terms: str | None) -> None:
            for term in terms:
                if term:
                    seen.setdefault(term_family(term), term)
        own = prompt.vocabulary if prompt is not None else ()
        add(*(canonical.get(v.casefold(), v) for v in own), self.job.company,
            *(canonical.get(v.casefold(), v) for v in self.vocabulary))
        if not settings.key_point_terms:
            return list(seen.values())[:settings.bank_terms]
        for kp in prompt.key_points if prompt is not None else ():
            add(*self.point_terms(kp, settings))
        for kp in (kp for p in self.all_prompts() if p != prompt for kp in p.key_points):
            if len(seen) >= settings.bank_terms:
                break                    # a term added now would come after the cap
            add(*self.point_terms(kp, settings))
        return list(seen.values())[:settings.bank_terms]

    def point_terms(self, kp: KeyPoint, settings: TranscriptionSettings | None = None) -> tuple[str, ...]:
        """A key point's terms, as `terms` hints them: its label's words that are not plain English
        (`distinctive_words`), then its cues' names, acronyms and phrases with such a word (`cue_terms`). Worked out
        once per bank and kept: `terms` asks for every key point's for each question, and the bank editor's
        crowded-terms tip asks `terms` for every question at each change (read51b 2, mend60: quadratic in key
        points, 2.4 s on a 138-point bank before `is_plain` was cached)."""
        min_letters = (settings or TranscriptionSettings()).bank_term_min_letters
        key = (kp.label, kp.cues, min_letters)
        if (found := self._point_terms.get(key)) is None:
            found = self._point_terms[key] = (*distinctive_words(kp.label, min_letters), *cue_terms(kp.cues, min_letters))
        return found

    @cached_property
    def _point_terms(self) -> dict[tuple[str, tuple[str, ...], int], tuple[str, ...]]:
        """`point_terms` kept per (label, cues, fewest letters): a Bank is frozen, so what is worked out stays true."""
        return {}

    @cached_property
    def _canonical_spellings(self) -> dict[str, str]:
        """A cue's later spelling of its first one ("Hoyo verse" of "HoYoverse"), casefolded, -> the first: `terms`
        hints the first for it."""
        return {alt.strip().casefold(): alts[0].strip()
                for p in self.all_prompts() for kp in p.key_points for cue in kp.cues
                if len(alts := cue.split("|")) > 1 for alt in alts[1:]
                if term_family(alt) == term_family(alts[0])}

    def terms_left_out(self, prompt: Prompt, settings: TranscriptionSettings | None = None) -> list[str]:
        """`prompt`'s own terms (its `vocabulary`, then its key points' terms) that `terms` leaves out for it: the
        company and the bank's vocabulary come before them, and only `settings.bank_terms` are passed (read49a 8,
        read48c 6: a long vocabulary crowded a question's own terms out, and the editor did not say so). The decoder
        may pass fewer still (whole terms within HOTWORD_TOKENS); this counts the cap on terms only."""
        settings = settings or TranscriptionSettings()
        kept = {term_family(t) for t in self.terms(prompt, settings)}
        own = [*prompt.vocabulary]
        if settings.key_point_terms:
            own += [t for kp in prompt.key_points for t in self.point_terms(kp, settings)]
        out: dict[str, str] = {}
        for term in own:
            if term_family(term) not in kept:
                out.setdefault(term_family(term), term)
        return list(out.values())
