"""The rehearsal flow, Qt-free: walk a round's prompts in order, keep each prompt's tries this sitting (with what
their follow-up answers added); the round's summary counts each prompt's best try.

The GUI drives this; so can a script. Speech and storage are the caller's business: this object only
knows where the candidate is in the round and what they have scored so far.
"""

from __future__ import annotations

import textwrap
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from voiceprep.core.analysis.analyze import AnswerAnalysis
from voiceprep.core.analysis.keypoints import FUNCTION_WORDS
from voiceprep.core.analysis.scoring import RoundSummary, summarize_round
from voiceprep.core.analysis.specifics import GENERIC_POINT_STEMS
from voiceprep.core.analysis.text import tokenize_text
from voiceprep.core.banks.model import Bank, KeyPoint, Prompt, Round
from voiceprep.core.wording import NOTHING_MISSED, score_text

NOTE_CHARS = 160            # a retry shows the last attempt's note up to this many characters (cut at a word)


@dataclass(frozen=True)
class FollowUpTurn:
    """The interviewer's follow-ups to an answer, asked: the next answer answers them (walkthrough 9: it was judged
    as a whole new answer to the main question and replaced the one it followed). `labels`: the key points they ask
    about (stored as a drill of them); `others`: the question's other points still missed when it was asked (fixCU:
    a follow-up answer that also covers one of them counts for it as for an asked one; stored with the answer)."""

    prompt_id: str
    questions: tuple[str, ...]
    labels: tuple[str, ...]
    # one question is asked at a time (walk46 3: three in one 8.9 s breath): which of the open follow-ups it is
    number: int = 1
    of: int = 1
    others: tuple[str, ...] = ()

    def counts_for(self, analysis: AnswerAnalysis) -> list[KeyPoint]:
        """The points a follow-up answer (`analysis`) adds to the answer it follows, in the question's order: those
        asked about and the others still missed that it covered (one rule for Practice, the round and History)."""
        return [r.key_point for r in analysis.key_points
                if r.hit and (r.key_point.label in self.labels or r.key_point.label in self.others)]

    def also_covered(self, analysis: AnswerAnalysis) -> list[KeyPoint]:
        """Of `counts_for`, the points not asked about (shown under "You also covered", each on its card)."""
        return [kp for kp in self.counts_for(analysis) if kp.label not in self.labels]

    @property
    def count_text(self) -> str:
        """ "1 of up to 3" when more than one follow-up is open, "3 of 3" for the last, else "": a later one is asked
        only while a point it asks about is still missed, so an answer that covers them closes it (walk57 6: "Follow-up
        1 of 2", then no second)."""
        if self.of <= 1:
            return ""
        return f"{self.number} of {self.of}" if self.number >= self.of else f"{self.number} of up to {self.of}"

    @property
    def heading(self) -> str:
        """The follow-up questions, as the question on screen (one a line)."""
        return "\n".join(self.questions)


def asks_about(question: str, points: Sequence[KeyPoint], alone: bool) -> list[KeyPoint]:
    """The points a question that names none asks about: every one when it is asked `alone`; else those whose
    label shares a word of substance with it (not the general words every job's points use, `GENERIC_POINT_STEMS`):
    "How did you prove the new design was correct before shipping it?" asks about "Proved it with a replay
    harness...", not about "Result: p99 from 200 ms to under 5 ms"."""
    if alone:
        return list(points)
    asked = {t.stem for t in tokenize_text(question) if t.norm not in FUNCTION_WORDS} - GENERIC_POINT_STEMS
    return [kp for kp in points if asked & {t.stem for t in tokenize_text(kp.label)}]


@dataclass
class Try:
    """One whole answer to a prompt this sitting (a retry is another), with the points its follow-up answers covered
    (`covered`: of the points still missed, as `FollowUpTurn.counts_for` counts them)."""

    number: int                     # 1, 2, 3... this sitting ("Try 2 this session")
    analysis: AnswerAnalysis
    covered: set[str] = field(default_factory=set)
    cut_off: bool = False           # the microphone cut it off: shown, never counted (as History leaves it out)


@dataclass(frozen=True)
class BestTry:
    """What the summary says of a prompt answered more than once: which try counts and what the last one scored."""

    number: int
    score: float
    tries: int
    last: float
    last_number: int = 0    # the last counted try's number (tries are numbered as the sitting showed them, cut-off
                            # ones included, so the last counted try's number can be above `tries`)


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
    follow_up: FollowUpTurn | None = None      # follow-ups asked and not yet answered: the next answer answers them
    # prompt id -> ids of the key points its follow-up answers covered (of the points each asked about): the round
    # counts a point covered in the answer they followed or in one of them
    covered: dict[str, set[str]] = field(default_factory=dict)
    followed: dict[str, int] = field(default_factory=dict)  # prompt id -> follow-up answers to its latest answer
    # prompt id -> the follow-up questions asked of its latest answer, in order, one at a time (walk46 3): the next
    # asks the first open one not asked yet, then they are asked again from the first
    asked: dict[str, list[str]] = field(default_factory=dict)
    # prompt id -> its whole answers this sitting, in order: the summary counts the best (walkthrough 11: tries of
    # 89, 19, 2 ended "Overall 2/100", with "Drill next" listing points the first try covered)
    tries: dict[str, list[Try]] = field(default_factory=dict)
    # answers cut off (the microphone stopped; stored with a remark, core.history.queries.COMPLETE): left out of the
    # summary as History leaves them out of every number, and counted here for it to say so
    cut_off: int = 0
    # One prompt…: a question on its own, not a round (walk21: a round of one question was taken for one)
    one_prompt: bool = False
    # the rest of a round left unfinished (Welcome back's "Continue from question 4", walk38): how many of the
    # round's questions come before these, so the position reads as in the round ("question 4 of 4")
    first: int = 0
    # fixBQ: the round's positions (1-based) of `prompts` when questions of it are left out, the round's size, and
    # the positions left out as answered in it already (Welcome back's "Continue from question 1" asked them again)
    numbers: list[int] = field(default_factory=list)
    total: int = 0
    answered_before: list[int] = field(default_factory=list)
    # fixBX (walk49 2): a round left unfinished taken up again: the stored round it continues (its answers and summary
    # go there), the round's questions, and the key points hit by the answer each question answered in it before
    # counts (prompt id -> key point ids): the summary covers the whole round, both sittings, one score
    continues: int | None = None
    whole: list[Prompt] = field(default_factory=list)
    earlier: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def for_round(cls, bank: Bank, rnd: Round, start: int = 0, answered: Collection[str] = (),
                  earlier: Mapping[str, Collection[str]] | None = None, continues: int | None = None) -> Rehearsal:
        """The round; from its question `start` (0-based) on: the rest of it, left unfinished on another day, named
        so, without the questions `answered` in it already (ids; fixBQ), each numbered as in the round. Nothing left
        to ask: the rest of it, as before. `continues`, the stored round taken up, and `earlier` (prompt id -> the key
        point ids its answer there hit): the summary counts those answers where this sitting did not answer again."""
        if not 0 <= start < len(rnd.prompts):
            start = 0
        rest = list(enumerate(rnd.prompts))[start:]
        waiting = [(i, p) for i, p in rest if p.id not in answered] or rest
        kept = {p.id: set(ids) for p in rnd.prompts if (ids := (earlier or {}).get(p.id)) is not None}
        if start or len(waiting) < len(rest):
            return cls(bank, [p for _, p in waiting], f"{rnd.title}, continued", rnd.id, first=start,
                       numbers=[i + 1 for i, _ in waiting], total=len(rnd.prompts),
                       answered_before=[i + 1 for i, p in rest if (i, p) not in waiting], continues=continues,
                       whole=list(rnd.prompts) if continues is not None else [], earlier=kept)
        return cls(bank, list(rnd.prompts), rnd.title, rnd.id, continues=continues,
                   whole=list(rnd.prompts) if continues is not None else [], earlier=kept)

    @classmethod
    def for_prompt(cls, bank: Bank, prompt: Prompt) -> Rehearsal:
        rnd = next((r for r in bank.rounds if prompt in r.prompts), None)
        # where it comes from: the question itself is shown under this title (it was the title, said twice)
        return cls(bank, [prompt], f"One prompt · {rnd.title}" if rnd else "One prompt", rnd.id if rnd else None,
                   one_prompt=True)

    @classmethod
    def for_weak_points(cls, bank: Bank, weak: list[dict[str, Any]], practised: bool = False) -> Rehearsal:
        """A drill of the prompts whose key points are missed most (from history.queries.weak_points), in `weak`'s
        order, weakest first: the point Welcome back names is the first asked for (walk24: the drill began with the
        bank's first prompt, a point said in a follow-up, not the point missed outright). Nothing to drill: a bank
        `practised` (answered before) says so truly, not "rehearse a round first" (walk60 6)."""
        by_id = {p.id: p for p in bank.all_prompts()}
        prompts = [by_id[i] for i in dict.fromkeys(w["prompt_id"] for w in weak) if i in by_id]
        if not prompts:
            # read44a 2: weak points only of questions no longer in the bank are no proof that nothing was missed
            raise ValueError(NOTHING_MISSED if practised and not weak else "no weak points yet: rehearse a round first")
        focus: dict[str, list[str]] = {}
        for p in prompts:
            points = {kp.id: kp.label for kp in p.key_points}
            weak_ids = dict.fromkeys(w.get("key_point_id") for w in weak if w["prompt_id"] == p.id)
            focus[p.id] = [points[k] for k in weak_ids if k in points]
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
        """A retry says which try this is and how the last one did ("Try 3 this session · last time 62 (4 of 6 key
        points)"; a drill: the points it asked for), then, on a line of its own, the note written on that attempt
        ("what would you change next time?"), shortened. None before the question's first answer this sitting."""
        done, last = self.attempts.get(self.current.id, 0), self.results.get(self.current.id)
        if not done or last is None:
            return None
        asked = self.focus.get(self.current.id)
        # the points a follow-up answer to the last attempt covered that it had missed (a drill: of its points only,
        # as the round counts them; the line ignored them in a drill)
        counted = self._drilled(self.current.id)
        more = len({k for k in self.covered.get(self.current.id, set()) if not counted or k in counted}
                   - {r.key_point.id for r in last.key_points if r.hit})
        after = f", {more} more in the follow-up{'s' if self.followed.get(self.current.id, 0) > 1 else ''}" \
            if more else ""
        if asked:
            hit = sum(r.hit for r in last.key_points if r.key_point.label in asked)
            how = f"{hit} of the {len(asked)} point{'s' if len(asked) != 1 else ''} asked for{after}"
        else:
            total = last.points_total
            how = f"{score_text(last.overall)} ({last.points_hit} of {total} key point{'s' if total != 1 else ''}{after})"
        # "this session": the tries of this sitting, whole answers only; History's "answer 4 to this question" counts
        # every answer ever, follow-ups and drills too (walkthrough 10 read "Attempt 2" beside History's "answer 4")
        line = f"Try {done + 1} this session · last time {how}"
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
    def size(self) -> int:
        """The questions of what is rehearsed, as numbered: the whole round's when part of it is taken up."""
        return self.total if self.numbers else len(self.prompts) + self.first

    @property
    def position(self) -> str:
        at = self.numbers[self.index] if self.numbers else self.index + 1 + self.first
        return f"{at} of {self.size}"

    @property
    def context(self) -> str:
        """The line above the question: what is being rehearsed and where in it ("question 1 of 1" says nothing)."""
        return self.title if self.size == 1 else f"{self.title} · question {self.position}"

    @property
    def is_last(self) -> bool:
        return self.index >= len(self.prompts) - 1

    def record(self, analysis: AnswerAnalysis, follow_up: FollowUpTurn | None = None, cut_off: bool = False,
               continued: bool = False) -> None:
        """An answer to the current question; `follow_up`: the turn it answered (taken when the answer began), so
        it is no new attempt: it adds the points it asked about, and the others still missed, that it covered to the
        answer it followed (`FollowUpTurn.counts_for`).
        `cut_off`: the microphone cut it off (stored with a remark, counted in nothing History computes): it is a
        try (its feedback shows, "Try 2" follows it) but the summary leaves it out, and `scores` too.
        `continued`: the last answer recorded, continued after the silence stop ended it (the whole of it, judged
        again): it takes that answer's place, no new try."""
        pid = analysis.prompt.id
        if continued and self._continue(analysis, follow_up, cut_off):
            return
        self.follow_up = None                           # answered, or a new attempt: the follow-ups are behind
        self.cut_off += cut_off
        if follow_up is not None and follow_up.prompt_id == pid and pid in self.results:
            if cut_off:
                return      # adds nothing to the answer it follows
            self.covered.setdefault(pid, set()).update(kp.id for kp in follow_up.counts_for(analysis))
            if self.tries.get(pid):
                self.tries[pid][-1].covered |= self.covered[pid]
            self.followed[pid] = self.followed.get(pid, 0) + 1
            return          # no answer of its own in `scores`: it can only add points to the one it follows
        self.results[pid] = analysis
        self.covered.pop(pid, None)                     # a new whole answer: its own follow-ups, if any, count
        self.followed.pop(pid, None)
        self.asked.pop(pid, None)
        self.attempts[pid] = self.attempts.get(pid, 0) + 1
        self.tries.setdefault(pid, []).append(Try(self.attempts[pid], analysis, cut_off=cut_off))
        self.notes.pop(pid, None)        # the note was about the attempt before this one
        if cut_off:
            return
        asked = self._drilled(pid)
        hits = {pid: [(r.key_point, r.hit) for r in analysis.key_points]}
        self.scores.append(summarize_round(self.bank, [pid], hits, drilled={pid: asked}).overall if asked
                           else analysis.overall)

    def _continue(self, analysis: AnswerAnalysis, follow_up: FollowUpTurn | None, cut_off: bool) -> bool:
        """The last answer to the question replaced by itself continued (see `record`); False: there is none."""
        pid = analysis.prompt.id
        self.follow_up = None
        if follow_up is not None and follow_up.prompt_id == pid and pid in self.results:
            if not cut_off:
                self.covered.setdefault(pid, set()).update(kp.id for kp in follow_up.counts_for(analysis))
                if self.tries.get(pid):
                    self.tries[pid][-1].covered |= self.covered[pid]
            return True
        last = self.tries.get(pid, [])[-1:] or None
        if last is None or pid not in self.results:
            return False
        counted_before = not last[0].cut_off
        self.results[pid] = analysis
        last[0].analysis, last[0].cut_off = analysis, cut_off
        self.cut_off += cut_off and counted_before
        asked = self._drilled(pid)
        score = summarize_round(self.bank, [pid], {pid: [(r.key_point, r.hit) for r in analysis.key_points]},
                                drilled={pid: asked}).overall if asked else analysis.overall
        if counted_before and self.scores:
            self.scores.pop()
        if not cut_off:
            self.scores.append(score)
        return True

    def hits(self, prompt_id: str) -> list[tuple[KeyPoint, bool]]:
        """The prompt's result in the round: its latest answer's key points, a point also counted when a follow-up
        answer to it covered it."""
        extra = self.covered.get(prompt_id, set())
        return [(r.key_point, r.hit or r.key_point.id in extra) for r in self.results[prompt_id].key_points]

    def open_follow_ups(self) -> list[dict[str, str]]:
        """The current question's follow-ups still worth asking: those of its latest answer whose point no answer
        has covered since (the bank's own question for the prompt, key_point_id "", only before the first
        follow-up answer). None after a cut-off answer (review 15: its follow-up answers were lost)."""
        pid = self.current.id
        last = self.results.get(pid)
        if last is None or (self.tries.get(pid) and self.tries[pid][-1].cut_off):
            return []       # a cut-off answer counts in nothing: a follow-up answer would add to nothing
        missed = {kp.id for kp in self._missed(pid)}
        return [f for f in last.follow_ups if f["key_point_id"] in missed
                or (not f["key_point_id"] and missed and not self.followed.get(pid))]

    def _missed(self, pid: str) -> list[KeyPoint]:
        """The prompt's points still missed in the round that follow-ups may ask about (a drill: only its own)."""
        counted = self._drilled(pid)
        return [kp for kp, hit in self.hits(pid) if not hit and (not counted or kp.id in counted)]

    def _ordered_follow_ups(self) -> list[dict[str, str]]:
        """The open follow-ups in the order an interviewer asks them: the points' in the answer's own order
        (`followups.asked_next`: the heaviest missed first, or after an answer that covered none the heaviest that asks
        for no figure; read48c: sorting by weight again here undid that for F), the bank's own question for the
        prompt (no point) last."""
        return sorted(self.open_follow_ups(), key=lambda f: not f["key_point_id"])

    def more_to_ask(self) -> bool:
        """An open follow-up not asked yet of the current question's latest answer (asked after a follow-up answer)."""
        asked = self.asked.get(self.current.id, [])
        return any(f["question"] not in asked for f in self.open_follow_ups())

    def next_follow_up(self) -> NextUp | None:
        """What F asks next of the current question (the choice `ask_follow_ups` makes) and what waits after it: the
        open follow-ups not asked yet, then those asked and still missed, asked again; None: nothing open. The
        feedback shows that one, not the whole list (fixBI: it listed every open follow-up though F asks them one at
        a time). Counted as FollowUpTurn.count_text counts: after "2 of up to 3", 1 not asked yet (walk65 3)."""
        open_now = self._ordered_follow_ups()
        if not open_now:
            return None
        asked = self.asked.get(self.current.id, [])
        chosen = _next_to_ask(open_now, asked)
        others = [f for f in open_now if f is not chosen]
        if chosen["question"] in asked:          # every one asked: F starts again from the first, all of them repeats
            return NextUp(chosen["question"], 0, len(others), True)
        again = sum(f["question"] in asked for f in others)
        return NextUp(chosen["question"], len(others) - again, again, False)

    def ask_follow_ups(self) -> FollowUpTurn | None:
        """The interviewer asks the next open follow-up, one at a time (walk46 3): the heaviest missed point's first,
        then the next not asked yet, then from the first again; the next answer answers it (None: nothing left to
        ask). The bank's own question for the prompt names no point: asked as the only one open, it asks about
        every point still missed; else only about the missed points it is about (`asks_about`: walk40, "How did
        you prove the new design was correct?" read "5 of 5 asked about" though none asked for the result), or,
        when it is about none of them, those no other open follow-up asks about."""
        open_now = self._ordered_follow_ups()
        if not open_now:
            self.follow_up = None
            return None
        pid = self.current.id
        asked = self.asked.setdefault(pid, [])
        chosen = _next_to_ask(open_now, asked)
        if chosen["question"] in asked:
            asked.clear()                                   # every one asked: again from the first
        asked.append(chosen["question"])
        missed = self._missed(pid)
        if chosen["key_point_id"]:
            named = {chosen["key_point_id"]}
        else:
            others = {f["key_point_id"] for f in open_now if f["key_point_id"]}
            named = {kp.id for kp in asks_about(chosen["question"], missed, alone=not others)} or \
                {kp.id for kp in missed if kp.id not in others} or {kp.id for kp in missed}
        labels = tuple(kp.label for kp in missed if kp.id in named)
        still = [f for f in open_now if f["question"] not in asked]
        self.follow_up = FollowUpTurn(pid, (chosen["question"],), labels, number=len(asked), of=len(asked) + len(still),
                                      others=tuple(kp.label for kp in missed if kp.id not in named))
        return self.follow_up

    def answering(self) -> tuple[FollowUpTurn | None, list[str] | None]:
        """What the answer beginning now is: the follow-up turn it answers (None: an answer to the question) and
        the key-point labels it counts for alone, stored as its drill (None: every point)."""
        turn = self.follow_up if self.follow_up is not None and self.follow_up.prompt_id == self.current.id else None
        return turn, self.counted_for(self.current.id, turn)

    def counted_for(self, prompt_id: str, turn: FollowUpTurn | None = None) -> list[str] | None:
        """The key-point labels an answer to `prompt_id` counts for alone: those the follow-up `turn` it answers asks
        about, else a drill's (`focus`); None: every point. The GUI's "Still thinking?" asks only about these
        (review of fix50: a drill that covered every point drilled was questioned)."""
        return list(turn.labels) if turn is not None else self.focus.get(prompt_id)

    @property
    def asked_now(self) -> str:
        """What the interviewer asked last, as Replay says it again: the follow-ups being answered, else the
        question (walkthrough 9: Replay during a follow-up turn repeated the main question)."""
        turn, _ = self.answering()
        return " ".join(turn.questions) if turn is not None else self.current.text

    def next(self) -> Prompt | None:
        self.follow_up = None
        if self.is_last:
            return None
        self.index += 1
        return self.current

    def back(self) -> Prompt | None:
        """The question before this one again (a skip undone); None on the first."""
        if self.index == 0:
            return None
        self.follow_up = None
        self.index -= 1
        return self.current

    def _drilled(self, prompt_id: str) -> set[str]:
        """The ids of the key points a drill asked of this prompt (none: not a drill, or not this prompt)."""
        return self._ids(prompt_id, self.focus.get(prompt_id) or ())

    def _ids(self, prompt_id: str, labels: Sequence[str]) -> set[str]:
        if not labels:
            return set()
        prompt = next((p for p in self.prompts if p.id == prompt_id), None)
        return {kp.id for kp in prompt.key_points if kp.label in labels} if prompt else set()

    @staticmethod
    def _try_hits(t: Try, follow_ups: bool = True) -> list[tuple[KeyPoint, bool]]:
        return [(r.key_point, r.hit or (follow_ups and r.key_point.id in t.covered)) for r in t.analysis.key_points]

    def _try_score(self, pid: str, t: Try, follow_ups: bool = True) -> float:
        """A try's score as the round counts it: its points with what its follow-ups added (`follow_ups` False: the
        answer alone), its delivery; a drill's points only."""
        asked = self._drilled(pid)
        return summarize_round(self.bank, [pid], {pid: self._try_hits(t, follow_ups)},
                               delivery=None if asked else {pid: t.analysis.delivery_scores},
                               drilled={pid: asked} if asked else None).overall

    def _tries(self, pid: str) -> list[Try]:
        """The prompt's tries that count, cut-off ones left out (a rehearsal made from results alone: its latest
        answer, as one try)."""
        if self.tries.get(pid):
            return [t for t in self.tries[pid] if not t.cut_off]
        return [Try(1, self.results[pid], set(self.covered.get(pid, set())))] if pid in self.results else []

    def counted(self, prompt_id: str) -> bool:
        """Whether the prompt has a try the summary counts (answered, and not only cut off)."""
        return bool(self._tries(prompt_id))

    def drill_next(self, summary: RoundSummary) -> list[tuple[str, str]]:
        """The summary's missed points to drill, in its weight order: of the questions answered, this sitting
        (cut-off tries never count) or, a round taken up again, in its earlier sitting (walk52 1); a question not
        answered is skipped, not drilled."""
        return [(pid, kid) for pid, kid in summary.to_drill if self.counted(pid) or pid in self.earlier]

    def _best(self, pid: str, follow_ups: bool = True) -> Try | None:
        """The prompt's best try this sitting (a tie: the later one); cut-off tries never count."""
        tries = self._tries(pid)
        return max(tries, key=lambda t: (self._try_score(pid, t, follow_ups), t.number)) if tries else None

    def counted_try(self, pid: str) -> Try | None:
        """The prompt's try the summary counts (`question`'s), None when none does."""
        return self._best(pid)

    def question(self, pid: str) -> tuple[float, float, list[tuple[KeyPoint, bool]], int] | None:
        """The prompt's try the summary counts: its score, the answer's own (without what its follow-ups added), its
        key points as counted (a drill's: the points it asked for) and how many of them its follow-ups added; None
        when no try counts."""
        best = self._best(pid)
        if best is None:
            return None
        asked = self._drilled(pid)
        own = {r.key_point.id for r in best.analysis.key_points if r.hit}
        hits = [(kp, hit) for kp, hit in self._try_hits(best) if not asked or kp.id in asked]
        added = sum(1 for kp, hit in hits if hit and kp.id not in own)
        return self._try_score(pid, best), self._try_score(pid, best, False), hits, added

    def off_topic(self) -> tuple[int, int]:
        """(how many about something else, how many) of the tries the summary counts (cut-off ones never count; a
        follow-up answer is no try): an answer flagged off the question (AnswerAnalysis.off_topic). Walk58 5: 3 of 4
        answers were, each said in its feedback, and the round's summary said nothing of it."""
        tries = [t for pid in self.tries for t in self._tries(pid)]
        return sum(getattr(t.analysis, "off_topic", None) is not None for t in tries), len(tries)

    def counted_scores(self) -> list[float]:
        """Every try that counts, scored as the round counts it (what its follow-ups added in), in order."""
        return [self._try_score(pid, t) for pid in self.tries for t in self._tries(pid)]

    def earlier_scores(self) -> dict[str, float]:
        """A round taken up again: prompt id -> the score of each question answered only in its earlier sitting, as
        the summary counts it (the key points its best answer there hit, follow-ups in; no delivery: only this
        sitting's is known); fixCK: the headline's range counts them too."""
        return {p.id: summarize_round(self.bank, [p.id], {p.id: [(kp, kp.id in self.earlier[p.id])
                                                                 for kp in p.key_points]}).overall
                for p in dict.fromkeys(self.whole) if p.id in self.earlier and not self.counted(p.id)}

    def best_tries(self) -> dict[str, BestTry]:
        """Prompt id -> which of its tries the summary counts, for the prompts answered more than once (counting
        the tries that count: a cut-off one is none)."""
        out = {}
        for pid in self.tries:
            tries = self._tries(pid)
            best = self._best(pid)
            if best is not None and len(tries) > 1:
                out[pid] = BestTry(best.number, self._try_score(pid, best), len(tries),
                                   self._try_score(pid, tries[-1]), tries[-1].number)
        return out

    def summary(self, follow_ups: bool = True) -> RoundSummary:
        """The round's scores, each prompt by its best try this sitting (walkthrough 11: the last try counted, so a
        sitting of 89, 19 and 2 ended "Overall 2/100"); "Drill next" only the points no try covered. A drill's
        prompts count only the points it asked for (its "Drill next" too); a point a follow-up answer covered counts
        as covered in the try it followed. A competency tied to delivery blends in the delivery of every try that
        counts, as each answer's score does (walkthrough 9: the round left it out, "Polished communicator" 100 after
        answers of 97 and 98; walk24: only the best tries' delivery, 100 after a retried answer with 17 fillers a
        minute): how the sitting was said, not only its best answers; a drill's points only, as `record` scores it.
        `follow_ups` False: as if no follow-up was answered (walk18: the summary says both when they differ)."""
        drilled = {p.id: self._drilled(p.id) for p in self.prompts if self.focus.get(p.id)}
        best = {pid: t for pid in self.results if (t := self._best(pid, follow_ups)) is not None}
        delivery = {pid: [t.analysis.delivery_scores for t in self._tries(pid)] for pid in best if pid not in drilled}
        hits = {pid: self._try_hits(t, follow_ups) for pid, t in best.items()}
        for p in self.whole:                    # a round taken up again: its earlier sitting's answers (walk49 2)
            if p.id not in hits and p.id in self.earlier:
                hits[p.id] = [(kp, kp.id in self.earlier[p.id]) for kp in p.key_points]
        summary = summarize_round(self.bank, [p.id for p in self.whole or self.prompts], hits,
                                  delivery=delivery, drilled=drilled)
        covered = {(pid, kp.id) for pid in self.results for t in self._tries(pid)
                   for kp, hit in self._try_hits(t, follow_ups) if hit}
        summary.to_drill = [pair for pair in summary.to_drill if pair not in covered]
        return summary


class NextUp(NamedTuple):
    """The follow-up F asks next (`Rehearsal.next_follow_up`): its question, how many open ones not asked yet wait
    after it (`more`), how many asked before and still missed are asked again after those (`again`), and whether it
    is itself asked again (`repeat`)."""

    question: str
    more: int
    again: int = 0
    repeat: bool = False


def _next_to_ask(open_now: list[dict[str, str]], asked: list[str]) -> dict[str, str]:
    """The follow-up the interviewer asks next of `open_now` (in asking order): the first not `asked` yet, else, every
    one asked, the first again. One rule for F (`ask_follow_ups`) and what the feedback says F asks next
    (`next_follow_up`); it was written in both (review37a)."""
    return next((f for f in open_now if f["question"] not in asked), open_now[0])
