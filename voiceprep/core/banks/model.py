"""The bank as the rest of the app sees it: plain frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


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


@dataclass(frozen=True)
class Round:
    id: str
    title: str
    prompts: tuple[Prompt, ...]
    description: str | None = None


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
        """How the bank is named everywhere it is listed: "Airwallex — Infrastructure / Platform Engineer"."""
        return f"{self.job.company} — {self.job.title}" if self.job.company else self.job.title

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

    def terms(self, limit: int = 24) -> list[str]:
        """Words worth biasing the transcriber towards: company, vocabulary, then names and acronyms in cues."""
        seen: dict[str, None] = {}
        for term in (self.job.company, *self.vocabulary):
            if term:
                seen.setdefault(term, None)
        for prompt in self.all_prompts():
            for kp in prompt.key_points:
                for cue in kp.cues:
                    for alt in (a.strip() for a in cue.split("|")):
                        if alt and "{" not in alt and any(ch.isupper() for ch in alt) and not alt.startswith("I "):
                            seen.setdefault(alt, None)
        return list(seen)[:limit]
