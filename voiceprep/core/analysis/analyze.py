"""One answer in, everything the candidate sees out: `analyze_answer`."""

from __future__ import annotations

from dataclasses import dataclass

from voiceprep.core.analysis.delivery import Delivery, analyze_delivery
from voiceprep.core.analysis.followups import follow_up_for
from voiceprep.core.analysis.keypoints import KeyPointResult, TokenIndex, match_key_point
from voiceprep.core.analysis.scoring import competency_scores, overall_score, weighted_hits
from voiceprep.core.analysis.text import tokenize
from voiceprep.core.banks.model import Bank, Prompt
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings


@dataclass
class Evidence:
    text: str
    start: float | None
    end: float | None
    first_word: int
    last_word: int


@dataclass
class AnswerAnalysis:
    bank: Bank
    prompt: Prompt
    transcript: Transcript
    timed: bool
    key_points: list[KeyPointResult]
    evidence: dict[str, list[Evidence]]     # key point id -> one span per matched cue
    coverage: float
    competencies: dict[str, float]
    overall: float
    delivery: Delivery
    follow_ups: list[dict]

    def hits(self):
        return [(r.key_point, r.hit) for r in self.key_points]

    def to_dict(self) -> dict:
        kps = []
        for r in self.key_points:
            ev = self.evidence.get(r.key_point.id) or []
            kps.append({
                "id": r.key_point.id, "label": r.key_point.label, "competency": r.key_point.competency,
                "hit": r.hit, "confidence": r.confidence, "cue": r.matches[0].cue if r.matches else None,
                "cues_matched": [m.cue for m in r.matches], "min_cues": r.key_point.min_cues,
                "evidence": ({"text": ev[0].text, "start": ev[0].start, "end": ev[0].end} if ev else None),
                "all_evidence": [{"cue": m.cue, "text": e.text, "start": e.start, "end": e.end}
                                 for m, e in zip(r.matches, ev)],
            })
        return {"bank": self.bank.id, "prompt_id": self.prompt.id, "prompt": self.prompt.text,
                "transcript": self.transcript.text, "key_points": kps, "coverage": self.coverage,
                "competencies": self.competencies, "overall": self.overall,
                "delivery": self.delivery.to_dict(), "follow_ups": self.follow_ups}


def analyze_answer(bank: Bank, prompt: Prompt, transcript: Transcript,
                   settings: AnalysisSettings | None = None) -> AnswerAnalysis:
    settings = settings or AnalysisSettings()
    timed = transcript.model != "typed"
    words = transcript.words()
    tokens = tokenize([w.word for w in words])
    index = TokenIndex(tokens, settings)
    results = [match_key_point(kp, index) for kp in prompt.key_points]
    evidence = {}
    for r in results:
        spans = []
        for m in r.matches:
            a, b = tokens[m.first].word, tokens[m.last].word
            spans.append(Evidence(text="".join(w.word for w in words[a:b + 1]).strip(),
                                  start=words[a].start if timed else None, end=words[b].end if timed else None,
                                  first_word=a, last_word=b))
        evidence[r.key_point.id] = spans
    pairs = [(r.key_point, r.hit) for r in results]
    coverage = weighted_hits(pairs) or 0.0
    comps = competency_scores(bank, pairs)
    follow_ups = [{"key_point_id": r.key_point.id, "question": follow_up_for(r.key_point)}
                  for r in results if not r.hit]
    return AnswerAnalysis(bank=bank, prompt=prompt, transcript=transcript, timed=timed, key_points=results,
                          evidence=evidence, coverage=coverage, competencies=comps,
                          overall=overall_score(bank, comps, coverage),
                          delivery=analyze_delivery(transcript, prompt.target_seconds, settings, timed),
                          follow_ups=follow_ups)
