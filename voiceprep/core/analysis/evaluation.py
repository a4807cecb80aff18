"""Key-point matching quality on a labeled set: precision, recall and F1, with a naive baseline."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from voiceprep.core.analysis.analyze import analyze_answer, card_decides, words_read
from voiceprep.core.analysis.embedder import Embedder, get_embedder
from voiceprep.core.analysis.judge import AnswerJudge, other_questions
from voiceprep.core.analysis.keypoints import TokenIndex, match_key_point
from voiceprep.core.analysis.scoring import weighted_hits
from voiceprep.core.analysis.text import tokenize
from voiceprep.core.banks.model import Bank, Prompt
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings


@dataclass
class Labeled:
    bank: str
    prompt: str
    kind: str
    text: str
    hits: frozenset[str]
    id: str = ""


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    errors: list[str] = field(default_factory=list)
    coverage_diffs: list[float] = field(default_factory=list)   # |judge - human| coverage per answer, points

    def add(self, expected: bool, got: bool, where: str) -> None:
        if expected and got:
            self.tp += 1
        elif got:
            self.fp += 1
            self.errors.append(f"false hit  {where}")
        elif expected:
            self.fn += 1
            self.errors.append(f"missed     {where}")
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def coverage_error(self) -> float:
        """Mean absolute difference between the judge's and the human's coverage (0-100 points)."""
        return sum(self.coverage_diffs) / len(self.coverage_diffs) if self.coverage_diffs else 0.0

    def row(self) -> str:
        counts = f"tp {self.tp} fp {self.fp} fn {self.fn} tn {self.tn}"
        return (f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  "
                f"coverage error {self.coverage_error:.2f}  ({counts})")


def load_labeled(path: Path) -> list[Labeled]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [Labeled(a["bank"], a["prompt"], a["kind"], a["text"].strip(), frozenset(a["hits"]), a.get("id", f"#{i}"))
            for i, a in enumerate(data["answer"])]


Method = Callable[[Transcript, Prompt, AnalysisSettings, Bank | None], set[str]]


def heard(transcript: Transcript) -> bool:
    """Whether words may match by sound, as in the app (`analyze`): a transcript, not a typed answer (session 14:
    the evaluation matched typed text by sound too, which the app never does)."""
    return transcript.model != "typed"


def matcher_hits(transcript: Transcript, prompt: Prompt, settings: AnalysisSettings, bank: Bank | None = None) -> set[str]:
    index = TokenIndex(tokenize([w.word for w in transcript.words()]), settings, heard=heard(transcript))
    return {kp.id for kp in prompt.key_points if match_key_point(kp, index).hit}


def answer_judge(transcript: Transcript, bank: Bank | None, prompt: Prompt, settings: AnalysisSettings,
                 embedder: Embedder | None) -> AnswerJudge:
    """The judge of one answer to `prompt` of `bank`, built as the app builds it (`analyze_answer`): words matched by
    sound for a transcript only (`heard`), the bank's job, and the bank's other questions (`judge.other_questions`:
    judge80's `nearer_another` gate reads them). Every evaluation builds its judge here: bench/judge_fit.py,
    judge_cv.py and judge_banks.py built it without the other questions, the gate off, until mendF."""
    raw = words_read(transcript.words(), settings, spoken=heard(transcript))     # as `analyze_answer` reads them
    return AnswerJudge(raw, TokenIndex(tokenize(raw), settings, heard=heard(transcript)), embedder, settings, prompt,
                       bank.job if bank else None, others=other_questions(bank.all_prompts(), prompt) if bank else ())


def judge_hits(transcript: Transcript, prompt: Prompt, settings: AnalysisSettings, bank: Bank | None = None) -> set[str]:
    """The semantic judge (cue matcher alone when the model is unavailable), as the app runs it (`answer_judge`). For a
    prompt with a point the Ownership or Numbers card decides in the app (`analyze.card_decides`: "Quantify the
    impact"), the app's whole analysis, so what is counted is what `voiceprep score --json` shows (mend57)."""
    if bank is not None and any(card_decides(kp) for kp in prompt.key_points):
        return {r.key_point.id for r in analyze_answer(bank, prompt, transcript, settings).key_points if r.hit}
    judge = answer_judge(transcript, bank, prompt, settings, get_embedder())
    return {kp.id for kp in prompt.key_points if judge.judge(kp).hit}


def baseline_hits(transcript: Transcript, prompt: Prompt, settings: AnalysisSettings | None = None,
                  bank: Bank | None = None) -> set[str]:
    """Exact, case-insensitive substring of any cue alternative; min_cues distinct cues."""
    text = transcript.text.lower()
    out = set()
    for kp in prompt.key_points:
        found = sum(any(alt.strip().lower() in text for alt in cue.split("|") if "{" not in alt) for cue in kp.cues)
        if found >= kp.min_cues:
            out.add(kp.id)
    return out


def stratified_subset(items: list[Labeled], size: int) -> list[Labeled]:
    """A fixed subset of about `size` answers with every kind in proportion (at least one each),
    evenly spaced in id order within a kind: the same answers on every run."""
    by_kind: dict[str, list[Labeled]] = {}
    for item in sorted(items, key=lambda i: i.id):
        by_kind.setdefault(item.kind, []).append(item)
    out: list[Labeled] = []
    for _kind, group in sorted(by_kind.items()):
        n = max(1, round(size * len(group) / len(items)))
        step = len(group) / n
        out += [group[int(k * step)] for k in range(n)]
    return out


def evaluate(items: list[Labeled], banks: dict[str, Bank], to_transcript: Callable[[Labeled], Transcript],
             method: Method = matcher_hits, settings: AnalysisSettings | None = None) -> Scores:
    settings = settings or AnalysisSettings()
    scores = Scores()
    for i, item in enumerate(items):
        prompt = banks[item.bank].prompt(item.prompt)
        unknown = item.hits - {kp.id for kp in prompt.key_points}
        if unknown:
            raise ValueError(f"answer {i}: unknown key points {sorted(unknown)} for {item.prompt}")
        got = method(to_transcript(item), prompt, settings, banks[item.bank])
        for kp in prompt.key_points:
            scores.add(kp.id in item.hits, kp.id in got, f"{item.id or i} {item.kind:11} {item.prompt}/{kp.id}")
        human = weighted_hits([(kp, kp.id in item.hits) for kp in prompt.key_points]) or 0.0
        judged = weighted_hits([(kp, kp.id in got) for kp in prompt.key_points]) or 0.0
        scores.coverage_diffs.append(abs(human - judged))
    return scores
