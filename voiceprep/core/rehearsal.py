"""The rehearsal flow, Qt-free: walk a round's prompts in order, keep each prompt's latest result.

The GUI drives this; so can a script. Speech and storage are the caller's business: this object only
knows where the candidate is in the round and what they have scored so far.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import Any

from voiceprep.core.analysis.analyze import AnswerAnalysis
from voiceprep.core.analysis.scoring import RoundSummary, summarize_round
from voiceprep.core.banks.model import Bank, Prompt, Round

NOTE_CHARS = 160            # a retry shows the last attempt's note up to this many characters (cut at a word)


@dataclass
class Rehearsal:
    bank: Bank
    prompts: list[Prompt]
    title: str
    round_id: str | None = None
    index: int = 0
    results: dict[str, AnswerAnalysis] = field(default_factory=dict)
    attempts: dict[str, int] = field(default_factory=dict)   # prompt id -> number of attempts this sitting
    focus: dict[str, list[str]] = field(default_factory=dict)  # a drill: prompt id -> labels of its weak points
    notes: dict[str, str] = field(default_factory=dict)    # prompt id -> the note written on its last attempt
    # every answer's overall score this sitting, retries too; a drill answer's counts only the points it asked for,
    # as the drill's summary does (its whole-answer score is not counted)
    scores: list[float] = field(default_factory=list)

    @classmethod
    def for_round(cls, bank: Bank, rnd: Round) -> Rehearsal:
        return cls(bank, list(rnd.prompts), rnd.title, rnd.id)

    @classmethod
    def for_prompt(cls, bank: Bank, prompt: Prompt) -> Rehearsal:
        rnd = next((r for r in bank.rounds if prompt in r.prompts), None)
        # where it comes from: the question itself is shown under this title (it was the title, said twice)
        return cls(bank, [prompt], f"One prompt · {rnd.title}" if rnd else "One prompt", rnd.id if rnd else None)

    @classmethod
    def for_weak_points(cls, bank: Bank, weak: list[dict[str, Any]]) -> Rehearsal:
        """A drill of the prompts whose key points are missed most (from history.queries.weak_points)."""
        ids = list(dict.fromkeys(w["prompt_id"] for w in weak))
        prompts = [p for p in bank.all_prompts() if p.id in ids]
        if not prompts:
            raise ValueError("no weak points yet: rehearse a round first")
        focus: dict[str, list[str]] = {}
        for p in prompts:
            weak_ids = {w.get("key_point_id") for w in weak if w["prompt_id"] == p.id}
            focus[p.id] = [kp.label for kp in p.key_points if kp.id in weak_ids]
        return cls(bank, prompts, "Drill: your weak points", focus=focus)

    @property
    def focus_note(self) -> str | None:
        """What a drill asks of the current question: the whole answer again, with its weak points in it (one
        paragraph: shown under the question, it leaves the feedback room on a laptop screen)."""
        labels = self.focus.get(self.current.id)
        if not labels:
            return None
        return ("Answer the whole question again, and this time cover (only these count for your progress):  "
                + "   ".join(f"• {label}" for label in labels))

    @property
    def attempt_note(self) -> str | None:
        """A retry says which attempt this is and how the last one did ("Attempt 3 · last time 62 (4 of 6 key
        points)"; a drill: the points it asked for), then, on a line of its own, the note written on that attempt
        ("what would you change next time?"), shortened. None before the question's first answer this sitting."""
        done, last = self.attempts.get(self.current.id, 0), self.results.get(self.current.id)
        if not done or last is None:
            return None
        asked = self.focus.get(self.current.id)
        if asked:
            hit = sum(r.hit for r in last.key_points if r.key_point.label in asked)
            how = f"{hit} of the {len(asked)} point{'s' if len(asked) != 1 else ''} asked for"
        else:
            total = last.points_total
            how = f"{last.overall:.0f} ({last.points_hit} of {total} key point{'s' if total != 1 else ''})"
        line = f"Attempt {done + 1} · last time {how}"
        note = self.notes.get(self.current.id)
        if note:
            line += f"\nYour note: “{textwrap.shorten(note, NOTE_CHARS, placeholder='…')}”"
        return line

    def set_note(self, prompt_id: str, note: str) -> None:
        """The note written on the prompt's last attempt (shown by `attempt_note` on a retry)."""
        if note.strip():
            self.notes[prompt_id] = note.strip()
        else:
            self.notes.pop(prompt_id, None)

    @property
    def current(self) -> Prompt:
        return self.prompts[self.index]

    @property
    def position(self) -> str:
        return f"{self.index + 1} of {len(self.prompts)}"

    @property
    def context(self) -> str:
        """The line above the question: what is being rehearsed and where in it ("question 1 of 1" says nothing)."""
        return self.title if len(self.prompts) == 1 else f"{self.title} · question {self.position}"

    @property
    def is_last(self) -> bool:
        return self.index >= len(self.prompts) - 1

    def record(self, analysis: AnswerAnalysis) -> None:
        self.results[analysis.prompt.id] = analysis
        self.attempts[analysis.prompt.id] = self.attempts.get(analysis.prompt.id, 0) + 1
        pid, asked = analysis.prompt.id, self._drilled(analysis.prompt.id)
        hits = {pid: [(r.key_point, r.hit) for r in analysis.key_points]}
        self.scores.append(summarize_round(self.bank, [pid], hits, drilled={pid: asked}).overall if asked
                           else analysis.overall)
        self.notes.pop(analysis.prompt.id, None)        # the note was about the attempt before this one

    def next(self) -> Prompt | None:
        if self.is_last:
            return None
        self.index += 1
        return self.current

    def _drilled(self, prompt_id: str) -> set[str]:
        """The ids of the key points a drill asked of this prompt (none: not a drill, or not this prompt)."""
        labels = self.focus.get(prompt_id)
        if not labels:
            return set()
        prompt = next((p for p in self.prompts if p.id == prompt_id), None)
        return {kp.id for kp in prompt.key_points if kp.label in labels} if prompt else set()

    def summary(self) -> RoundSummary:
        """The round's scores; a drill's prompts count only the points it asked for (its "Drill next" too). A
        competency tied to delivery blends in the answers' delivery as each answer's score does (walkthrough 9: the
        round left it out, "Polished communicator" 100 after answers of 97 and 98); a drill's points only, as
        `record` scores it."""
        drilled = {p.id: self._drilled(p.id) for p in self.prompts if self.focus.get(p.id)}
        delivery = {pid: a.delivery_scores for pid, a in self.results.items() if pid not in drilled}
        return summarize_round(self.bank, [p.id for p in self.prompts],
                               {pid: [(r.key_point, r.hit) for r in a.key_points] for pid, a in self.results.items()},
                               delivery=delivery, drilled=drilled)
