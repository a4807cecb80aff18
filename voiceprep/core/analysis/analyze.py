"""One answer in, everything the candidate sees out: `analyze_answer`."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from voiceprep.core.analysis import embedder as model
from voiceprep.core.analysis.delivery import (
    Delivery,
    Finding,
    analyze_delivery,
    asks_for_story,
    delivery_scores,
    mark_complete,
    off_topic_tail,
    read_star_again,
    set_tail,
)
from voiceprep.core.analysis.followups import asked_follow_up, asked_next, missed_question, prompt_follow_up
from voiceprep.core.analysis.headings import heading_form
from voiceprep.core.analysis.judge import ASKS_FOR_NUMBERS, JUDGE_VERSION, YOUR_ROLE, AnswerJudge, other_questions
from voiceprep.core.analysis.keypoints import KeyPointResult, TokenIndex
from voiceprep.core.analysis.products import dots, similarities
from voiceprep.core.analysis.quantities import numbers_said
from voiceprep.core.analysis.quotes import reads_as_result, substance_quotes, telling_quotes
from voiceprep.core.analysis.scoring import competency_scores, overall_score, weighted_hits
from voiceprep.core.analysis.segments import (
    clause_markers,
    clause_spans,
    joined,
    sentence_spans,
    unheard_denials,
    whole_words,
)
from voiceprep.core.analysis.specifics import specifics_said
from voiceprep.core.analysis.text import tokenize
from voiceprep.core.banks.draft import OWNERSHIP_LABEL, RESULT_LABEL
from voiceprep.core.banks.model import Bank, KeyPoint, Prompt
from voiceprep.core.transcript import Transcript, Word
from voiceprep.core.wording import OFF_TOPIC_CARD, OTHER_STORY_LINE, OTHER_STORY_TIP, delivery_shown
from voiceprep.settings import AnalysisSettings


@dataclass
class Evidence:
    text: str
    start: float | None
    end: float | None
    first_word: int
    last_word: int
    cue: str | None = None      # the cue that matched, for word evidence
    how: str = "words"          # "meaning" (the sentence that carries the point), "sentence" (the sentence that
    #                             carries the cue words of a point credited by its words) or "words" (a cue)
    note: str | None = None     # what the evidence is, when not a cue ("a step you took")


@dataclass
class AnswerAnalysis:
    bank: Bank
    prompt: Prompt
    transcript: Transcript
    timed: bool
    key_points: list[KeyPointResult]
    evidence: dict[str, list[Evidence]]     # key point id -> the carrying sentence first, then one span per cue
    coverage: float
    competencies: dict[str, float]
    overall: float
    delivery: Delivery
    follow_ups: list[dict[str, str]]
    judge: model.JudgeStatus = model.JudgeStatus("lexical", None, None)
    delivery_scores: dict[str, float | None] = field(default_factory=dict)   # 0-100 per aspect (None: n/a)
    # the whole answer talked about something else (`elsewhere`): its first sentence and how close its closest
    # sentence came to the question or a key point
    off_topic: dict[str, Any] | None = None

    @property
    def points_hit(self) -> int:
        return sum(r.hit for r in self.key_points)

    @property
    def points_total(self) -> int:
        return len(self.key_points)

    def hits(self) -> list[tuple[KeyPoint, bool]]:
        return [(r.key_point, r.hit) for r in self.key_points]

    def to_dict(self) -> dict[str, Any]:
        kps = []
        for r in self.key_points:
            ev = self.evidence.get(r.key_point.id) or []
            j = r.judgement
            kps.append({
                "id": r.key_point.id, "label": r.key_point.label, "competency": r.key_point.competency,
                "hit": r.hit, "confidence": r.confidence, "cue": r.matches[0].cue if r.matches else None,
                "cues_matched": [m.cue for m in r.matches], "min_cues": r.key_point.min_cues,
                "method": j.method if j else "words", "similarity": j.similarity if j else None,
                "evidence": ({"text": ev[0].text, "start": ev[0].start, "end": ev[0].end, "how": ev[0].how}
                             if ev and r.hit else None),
                "all_evidence": [{"cue": e.cue, "how": e.how, "text": e.text, "start": e.start, "end": e.end,
                                  **({"note": e.note} if e.note else {})} for e in ev],
            })
        return {"bank": self.bank.id, "prompt_id": self.prompt.id, "prompt": self.prompt.text,
                "transcript": self.transcript.text, "key_points": kps, "coverage": self.coverage,
                "points_hit": self.points_hit, "points_total": self.points_total,
                "competencies": self.competencies, "overall": self.overall,
                "delivery": (delivery := self.delivery.to_dict()), "delivery_scores": self.delivery_scores,
                # mendJ: the cards as the feedback shows them (an answer about something else: no praise)
                "delivery_shown": {k: v for k, v in delivery_shown(delivery.get("findings") or []).items()
                                   if k != "elsewhere"},
                "follow_ups": self.follow_ups, "off_topic": self.off_topic,
                "judge": {**self.judge.to_dict(), "version": JUDGE_VERSION if self.judge.method == "semantic"
                          else "lexical"}}


def _find(raw: list[str], phrase: str) -> tuple[int, int] | None:
    """Where a phrase quoted from the answer (delivery's "I added", "forty percent") was said: its first and last
    word."""
    words = [w.strip(" ,.;:!?\"“”").lower() for w in raw]
    want = phrase.lower().split()
    for i in range(len(words) - len(want) + 1):
        if words[i:i + len(want)] == want:
            return i, i + len(want) - 1
    return None


def carrying_quote(raw: list[str], first: int, last: int, limit: int,
                   marks: list[frozenset[str]] | None = None) -> tuple[int, int, str | None]:
    """What to quote for a unit the judge found carries a point (a clause, a half or a window of a sentence): the
    whole sentence it is said in, when that has at most `limit` words and says nothing negatively or
    hypothetically that the unit does not, else the unit itself, marked with "…" where it cuts into a clause
    ("… the threads kept fighting over the same order book …"); the text is None when it is the words as said
    (walkthrough 14: "Our order matching engine was built around locks," was quoted, cut mid-thought). `marks`:
    `clause_markers(raw)`, when the caller has them (the judge does)."""
    sentence = next(((a, b) for a, b in sentence_spans(raw) if a <= first and last <= b), None)
    if sentence is None or sentence == (first, last):
        return first, last, None
    a, b = sentence
    marks = marks if marks is not None else clause_markers(raw)
    own = frozenset().union(*marks[first:last + 1])
    if b - a + 1 <= limit and all(m <= own for m in marks[a:b + 1]):
        return a, b, None
    starts = {ca for ca, _cb in clause_spans(raw)}
    piece = joined(raw[first:last + 1])
    if last == b:
        return first, last, None if first in starts else "… " + piece
    piece = piece.rstrip(",;:-\u2014 ")
    return first, last, ("" if first in starts else "… ") + piece + " …"


# the words of a label that asks only how a story is told ("Say your role (I designed, I led)", "Quantify the
# impact"): no topic a sentence could come close to in meaning
_TELLING_WORDS = frozenset({"say", "give", "name", "tell", "state", "show", "explain", "describe", "quantify", "put",
                            "your", "you", "own", "role", "part", "decision", "decisions", "made", "took", "i",
                            "designed", "led", "decided", "owned", "drove", "built", "proposed", "chose", "first",
                            "person", "yourself", "impact", "result", "results", "outcome", "number", "numbers",
                            "measured", "the", "a", "an", "and", "in", "with", "on", "of", "what", "it", "some"})

_LABEL_WORD = re.compile(r"[a-z']+")


# a story that states each key point in general terms ("I looked into it, spoke to them and fixed it"): the judge
# may credit the points by meaning, but an interviewer hears no substance (judge24: shown, not scored; a cap on the
# overall low enough for vague answers cost more answers that humans credited than it fixed). Not for an explanation or
# a "why": there the key points' own words are the substance asked for ("authorization, capture, clearing")
SPECIFICS = Finding("specifics", "warn", "Few details beyond the question's own words",
                    "Add specifics: a number, a name (a system, a person's role, a place), what you did yourself and "
                    "what changed because of it.")


def needs_specifics(delivery: Delivery, text: str, prompt: Prompt, settings: AnalysisSettings) -> bool:
    """Whether a story answer earns the Specifics card: few specifics said (`specifics_said`) and no quantified
    detail (its tip asks for a number: beside a Numbers card listing three, it contradicted the page, walk24; no vague
    answer of dev, dev2 or the regression set states one)."""
    return (delivery.story and not delivery.follow_up and not delivery.numbers
            and specifics_said(text, prompt) < settings.specifics_min)


def telling_point(kp: KeyPoint) -> str | None:
    """ "ownership" or "result" when a key point is the drafting tool's story point of that kind, or a plain label
    (no cues written for it) that asks only for the candidate's role ("Say your role (I designed, I led)") or only for
    numbers ("Quantify the impact"); else None."""
    label = kp.label.strip()
    if label in (OWNERSHIP_LABEL, RESULT_LABEL):
        return "ownership" if label == OWNERSHIP_LABEL else "result"
    if not kp.cues_from_label or not set(_LABEL_WORD.findall(label.lower())) <= _TELLING_WORDS:
        return None
    return "ownership" if YOUR_ROLE.search(label) else "result" if ASKS_FOR_NUMBERS.search(label) else None


def card_decides(kp: KeyPoint) -> bool:
    """Whether the Ownership or Numbers card, not the judge alone, decides `kp` in the app (`told_points`): a telling
    point, except a result point the judge reads as a number heading ("The result, with a number":
    `headings.heading_form`'s `asks_number`), which the judge's own rule decides (a figure told as the result) and the
    card only quotes (mend57: on writer V the card ticked "year seven", "five minutes", a negated and an off-topic
    answer's figures, 6 false ticks to 3 true). Where it does, the evaluation reads the app's decision
    (`evaluation.judge_hits`)."""
    kind = telling_point(kp)
    return kind == "ownership" or (kind == "result" and not heading_form(kp.label).asks_number)


def told_points(results: list[KeyPointResult], delivery: Delivery, raw: list[str],
                span: Callable[..., Evidence], evidence: dict[str, list[Evidence]],
                tells_result: Callable[[int], bool] | None = None,
                in_general: Callable[[int], bool] | None = None) -> None:
    """The drafting tool's two points about how a story is told (`draft.OWNERSHIP_LABEL`, `draft.RESULT_LABEL`), and a
    bank's plain points that ask only the same (`telling_point`), are judged as the Ownership and Numbers cards judge
    the same answer: a step the candidate says they took ("I added"), a quantity given as a measure. Their labels name
    no content a sentence could carry, so the judge by meaning missed "I designed ... I ran ... I added" in every
    answer of walkthrough 8 while the card praised it. A point whose label names a topic is judged as any other; a
    number heading's is ticked as the judge ticks it, the card's figures its quotes (`card_decides`).
    A result point lists first the numbers said where the answer tells its result (`tells_result`: of the number's first
    word), then the rest as said: "250 milliseconds", "95%" before the incident's "200 milliseconds",
    "two seconds" (walk63 2). A number said in a sentence that talks about how things go in general (`in_general`:
    "every September, you basically onboard 30 new customers") is no result of the story (walk68 1)."""
    for r in results:
        kind = telling_point(r.key_point)
        if kind == "ownership":
            found = [] if delivery.ownership.get("disowned") else list(delivery.ownership.get("steps") or [])
            note = "a step you took"
        elif kind == "result":
            found, note = list(delivery.numbers), "a number you gave"
            if in_general is not None:
                found = [n for n in found if (at := _find(raw, n)) is None or not in_general(at[0])]
            if not card_decides(r.key_point) and not (r.hit and found):
                continue                     # a number heading: the judge decides, the card's figures quote its tick
        else:
            continue
        r.hit, r.confidence, r.judgement = bool(found), 1.0, None
        if not found:
            r.matches = []                   # no "Partly there" from a cue: the card says what is missing
        located = [(phrase, _find(raw, phrase)) for phrase in found]
        if kind == "result" and tells_result is not None:
            located.sort(key=lambda p: not (p[1] is not None and tells_result(p[1][0])))
        spans = []
        for _phrase, at in located[:4]:
            if at is not None:
                e = span(*at)
                e.note = note
                spans.append(e)
        evidence[r.key_point.id] = spans


def on_question(embedder: model.Embedder, said: np.ndarray, spans: list[tuple[int, int]], raw: list[str],
                prompt: Prompt, after: int, settings: AnalysisSettings) -> list[bool | None]:
    """Per sentence (`spans` of `raw`, their vectors `said`: the judge's own), whether it is on the question: near in
    meaning to one of the prompt's key points or the question itself (`off_topic_point_sim`), or to the answer's own
    sentences up to word `after` (its last credited point's evidence: `off_topic_answer_sim`); None for a sentence
    too short to tell (`off_topic_short_words`). An answer's tail of sentences that are not is about something else
    (`delivery.off_topic_tail`). The question's and the labels' vectors come from the embedder's cache (the judge
    embedded them): nothing is embedded here."""
    if not spans:
        return []
    asked = embedder.embed([prompt.text, *(kp.label for kp in prompt.key_points)])
    near = similarities(said, asked).max(axis=1) >= settings.off_topic_point_sim
    body = said[[k for k, (a, _b) in enumerate(spans) if a <= after]].mean(axis=0)
    told = dots(said, body / max(float(np.linalg.norm(body)), 1e-12)) >= settings.off_topic_answer_sim
    long = [sum(bool(w.strip()) for w in raw[a:b + 1]) >= settings.off_topic_short_words for a, b in spans]
    return [bool(n or t) if ok else None for n, t, ok in zip(near, told, long)]


def answer_closes(said: np.ndarray, spans: list[tuple[int, int]], after: int) -> list[bool]:
    """Per sentence (`spans`, their vectors `said`), whether it reads as the answer's own close rather than the talk
    after it: nearer in meaning (cosine) to the answer's sentences up to word `after` (its last credited point's
    evidence) than to the sentences that follow it. The last sentence has none after it: False. fixAD: a close far
    from the question and its labels ("The team still runs it that way, and the on-call pages about it stopped.")
    was said to be where 20 s of talk about something else started."""
    if not spans:
        return []
    unit = said / np.maximum(np.linalg.norm(said, axis=1, keepdims=True), 1e-12)
    body = unit[[k for k, (a, _b) in enumerate(spans) if a <= after]].mean(axis=0)
    out = []
    for k in range(len(spans)):
        rest = unit[k + 1:].mean(axis=0) if k + 1 < len(spans) else None
        out.append(rest is not None and float(unit[k] @ body) / max(float(np.linalg.norm(body)), 1e-12) >
                   float(unit[k] @ rest) / max(float(np.linalg.norm(rest)), 1e-12))
    return out


# what the candidate is told when a whole answer talked about something else (walk42 finding 6)
OFF_TOPIC_LINE = "This answer talked about something else"
OFF_TOPIC = Finding(OFF_TOPIC_CARD, "warn", OFF_TOPIC_LINE,
                    "None of it came near the question or your key points: answer the question asked, and the tips on "
                    "length, structure and detail will follow from a real answer.")
# ... and when it told the story of another question of the bank (judge114, walk66 1b: `AnswerJudge.other_story`)
OTHER_STORY = Finding(OFF_TOPIC_CARD, "warn", OTHER_STORY_LINE, OTHER_STORY_TIP)
# the Delivery cards kept for an answer about something else: how it sounded, not what a real answer would need
SOUNDED = frozenset({"pace", "pauses", "fillers", "hedges"})
QUOTE_WORDS = 14                 # of its first sentence of half this or more, quoted to say what it talked about


def elsewhere_limit(said_words: int, settings: AnalysisSettings) -> float | None:
    """How close in meaning an answer of `said_words` words (no key point credited) may come to its question, at
    most, and still be named as about something else (`elsewhere`): `off_topic_answer_max_sim` from
    `off_topic_answer_words` words; a shorter one, of `off_topic_short_answer_words` or more, is named only far from
    the question, `off_topic_short_answer_max_sim` (mendJ); None for one shorter still (never named). The one rule,
    read by bench/judge_offtopic.py too (read44a 3)."""
    if said_words < settings.off_topic_short_answer_words:
        return None
    return settings.off_topic_answer_max_sim if said_words >= settings.off_topic_answer_words \
        else settings.off_topic_short_answer_max_sim


def elsewhere(embedder: model.Embedder, said: np.ndarray, spans: list[tuple[int, int]], raw: list[str],
              prompt: Prompt, settings: AnalysisSettings) -> dict[str, Any] | None:
    """Whether an answer with no key point credited talked about something else as a whole (walk42 finding 6: 30 s
    of meeting talk about a remote control was told "add the result and one concrete detail"): at least
    `off_topic_answer_words` words, and none of its sentences (`spans` of `raw`, their vectors `said`: the judge's
    own; of `off_topic_short_words` words or more) as close in meaning as `off_topic_answer_max_sim` to the question
    or a key point's label; a shorter one, of `off_topic_short_answer_words` or more, none as close as
    `off_topic_short_answer_max_sim` (mendJ). Then its first sentence of some length (`quote`) and the closest
    similarity (`closest`); else None.
    A vague or partial answer still speaks of the question's subject ("I always keep the team aligned" to a question
    on leading a team) and is not named so."""
    limit = elsewhere_limit(sum(bool(w.strip()) for w in raw), settings)
    if limit is None or not spans:
        return None
    long = [k for k, (a, b) in enumerate(spans)
            if sum(bool(w.strip()) for w in raw[a:b + 1]) >= settings.off_topic_short_words]
    if not long:
        return None
    asked = embedder.embed([prompt.text, *(kp.label for kp in prompt.key_points)])
    closest = float(similarities(said[long], asked).max())
    if closest >= limit:
        return None
    return {"quote": first_quote(spans, long, raw), "closest": round(closest, 3)}


def first_quote(spans: list[tuple[int, int]], long: list[int], raw: list[str]) -> str:
    """An answer's first sentence that says something (of `spans`, among the `long` ones; a fragment such as "button
    or something like that." tells little), cut to `QUOTE_WORDS`: what it talked about."""
    sizes = {k: sum(bool(w.strip()) for w in raw[spans[k][0]:spans[k][1] + 1]) for k in long}
    a, b = spans[next((k for k in long if sizes[k] >= QUOTE_WORDS // 2), max(long, key=sizes.__getitem__))]
    words = [w.strip() for w in raw[a:b + 1] if w.strip()]
    cut = len(words) > QUOTE_WORDS or not words[-1].endswith((".", "!", "?"))    # (a long sentence's window)
    return " ".join(words[:QUOTE_WORDS]) + ("…" if cut else "")


def other_story(judge: AnswerJudge, raw: list[str], settings: AnalysisSettings) -> dict[str, Any] | None:
    """Whether an answer with no key point credited told the story of another question of the bank (walk66 1b: the
    third-party-API story given to "Tell me about a real-time distributed web service you built"): the judge read
    it as told for that question (`AnswerJudge.other_story`, judge114). Then its first sentence (`quote`), how close
    its closest sentence came to this question (`closest`) and that other question (`other`, its id and text)."""
    other, to_own = judge.other_story, judge.to_own
    if other is None or to_own is None:
        return None
    kept = [k for k, u in enumerate(judge.units) if u.kind == "sentence"]
    spans = [(judge.units[k].first, judge.units[k].last) for k in kept]
    long = [i for i, (a, b) in enumerate(spans) if sum(bool(w.strip()) for w in raw[a:b + 1]) >= settings.off_topic_short_words]
    if not long:
        return None
    return {"quote": first_quote(spans, long, raw), "closest": round(float(to_own[[kept[i] for i in long]].max()), 3),
            "other": {"id": other.id, "text": other.text}}


def last_credited(results: list[KeyPointResult], evidence: dict[str, list[Evidence]]) -> int:
    """The last word of the evidence of any credited point: its quoted sentence, or for a point credited by its cue
    words alone, those words (a cue word said again later, "design" in talk about a remote's design, is not where
    the point was made); -1 when none is credited."""
    last = -1
    for r in results:
        spans = evidence[r.key_point.id] if r.hit else []
        if spans and spans[0].how in ("meaning", "sentence"):
            last = max(last, spans[0].last_word)
        elif spans:
            last = max(last, *(e.last_word for e in spans))
    return last


def words_read(words: Sequence[Word], settings: AnalysisSettings, spoken: bool = True) -> list[str]:
    """The words as the judge reads them, one place for `analyze_answer`, `evaluation.answer_judge` and
    `app.preembed.answer_texts`: spoken, a denial the recogniser barely heard (its probability under
    `heard_denial_min_probability`) is not read (`segments.unheard_denials`); typed (`spoken` False), as written."""
    raw = [w.word for w in words]
    return unheard_denials(raw, [w.probability for w in words], settings.heard_denial_min_probability) if spoken \
        else raw


def analyze_answer(bank: Bank, prompt: Prompt, transcript: Transcript,
                   settings: AnalysisSettings | None = None, follow_up: bool = False,
                   drilled: Collection[str] | None = None, heard: bool | None = None) -> AnswerAnalysis:
    """Key points, evidence, scores, delivery and follow-ups for one answer. `follow_up`: it answers the
    interviewer's follow-ups to an answer of `prompt` (its delivery is not held to the question's time or STAR).
    `drilled`: the labels of the points a drill asked it to cover; all of them covered, it is complete, and a short
    drill is not told to say more (walk37: "Too short to land the story" on a drill that covered its 3 of 3).
    `heard`: match the cue words by sound too, as for a recording (default: only for a recording's transcript).

    Loads the semantic model on first use (call `embedder.warm_up()` early, off the GUI thread); without
    it the cue matcher alone decides and `judge.message` says why.
    """
    settings = settings or AnalysisSettings()
    timed = transcript.model != "typed"
    words = transcript.words()
    raw = [w.word for w in words]
    # what the judge reads: a denial the recogniser barely heard is not read (quotes keep the words as heard)
    read = words_read(words, settings, spoken=timed)
    tokens = tokenize(read)
    # a typed "Mentoring" is not a misheard "monitoring"; `heard`: words typed as they will be said (the bank editor's
    # Try it) are matched as Practice will match their transcript, by sound too (walk57 2c)
    index = TokenIndex(tokens, settings, heard=timed if heard is None else heard)
    embedder = model.get_embedder() if settings.semantic_judge else None
    status = model.judge_status() if settings.semantic_judge else model.JudgeStatus(
        "lexical", None, "the meaning-based judge is turned off in settings; using word matching only")
    numbers = numbers_said(raw, tokens)      # one reading of the numbers said, for the judge and the Numbers card
    judge = AnswerJudge(read, index, embedder, settings, prompt, bank.job, numbers,
                        other_questions(bank.all_prompts(), prompt))
    results = [judge.judge(kp) for kp in prompt.key_points]
    judge.one_to_one(results)          # quotes only: no two points given each other's better sentence
    quoted = {r.key_point.id: r.judgement.unit for r in results if r.judgement is not None}
    # quotes only: not a topic named (walk60 4); the Structure and Ending cards read the points where the judge
    # quoted them (read45a 5), so a moved quote changes only what the key point card shows
    before = {r.key_point.id: quoted[r.key_point.id] for r in substance_quotes(judge, results,
                                                                               settings.substance_quote_margin)}
    # ... nor a scene, a cause or a clause sharing a label word for a point that asks for an act or a result (walk61 5)
    before |= {r.key_point.id: quoted[r.key_point.id] for r in telling_quotes(
        judge, results, settings.telling_quote_margin, settings.telling_cue_margin,
        settings.telling_result_margin)}

    def span(a: int, b: int, text: str | None = None, cue: str | None = None, how: str = "words") -> Evidence:
        # words carry their own leading space ("pre" + "-allocate" stays one word, as the transcript shows it);
        # a match on a piece quotes the whole word (" 8" + ",000")
        a, b = whole_words(raw, a, b)
        return Evidence(text=text if text is not None else "".join(w.word for w in words[a:b + 1]).strip(),
                        start=words[a].start if timed else None, end=words[b].end if timed else None,
                        first_word=a, last_word=b, cue=cue, how=how)

    evidence = {}
    for r in results:
        spans = []
        j = r.judgement
        if j is not None and j.unit is not None and r.hit:
            first, last, text = carrying_quote(raw, j.unit.first, j.unit.last, settings.evidence_max_words,
                                               judge.marks)
            spans.append(span(first, last, text, how="meaning" if j.method != "words" else "sentence"))
        for m in r.matches:
            spans.append(span(tokens[m.first].word, tokens[m.last].word, cue=m.cue))
        evidence[r.key_point.id] = spans
    read_before: dict[str, Evidence] = {}     # a re-quoted point's quote as the judge chose it, for the cards
    for kp_id, unit in before.items():
        if unit is not None:
            first, last, text = carrying_quote(raw, unit.first, unit.last, settings.evidence_max_words, judge.marks)
            read_before[kp_id] = span(first, last, text, how="meaning")

    def as_judged() -> dict[str, list[Evidence]]:
        return {k: [read_before[k], *v[1:]] if k in read_before and v else v for k, v in evidence.items()}

    # the key points the judge credited, where it heard them: the delivery notes must not contradict them
    def credited() -> list[tuple[str, int | None]]:
        shown = as_judged()
        return [(r.key_point.label, shown[r.key_point.id][0].first_word if shown[r.key_point.id] else None)
                for r in results if r.hit]
    judged = credited()
    delivery = analyze_delivery(transcript, prompt.target_seconds, settings, timed, asks_for_story(prompt.text),
                                judged, follow_up=follow_up, said_numbers=numbers)
    sentences = [(u.first, u.last, u.text) for u in judge.units if u.kind == "sentence"]

    # the candidate's first step told ("I added"): a change told before it is the incident's ("the 99th percentile
    # went from about 200 milliseconds to over two seconds"), not the result
    acted = min((at[0] for step in delivery.ownership.get("steps") or [] if (at := _find(raw, step)) is not None),
                default=-1)

    def tells_result(word: int) -> bool:
        return any(a <= word <= b and b >= acted and reads_as_result(text) for a, b, text in sentences)
    told_points(results, delivery, raw, span, evidence, tells_result, judge.said_in_general)
    if credited() != judged:
        # the Ownership and Numbers cards credited (or took back) a point: the Structure card reads the points as the
        # key point cards show them (fixH's leftover: "Give the result in numbers" ticked beside "STAR: no result")
        read_star_again(delivery, transcript, settings, credited())
    asked = [r for r in results if r.key_point.label in drilled] if drilled else []
    drill = bool(asked)
    asked = asked or results                 # a drill's points renamed since: the whole question, as before
    mark_complete(delivery, len(asked), [r.key_point.label for r in asked if not r.hit], settings, drill=drill)
    if embedder is not None and judge.vectors is not None and not follow_up and any(r.hit for r in results):
        kept = [k for k, u in enumerate(judge.units) if u.kind == "sentence"]    # long ones in windows
        told = [(judge.units[k].first, judge.units[k].last) for k in kept]
        last = last_credited(results, as_judged())
        on = on_question(embedder, judge.vectors[kept], told, raw, prompt, last, settings)
        closes = answer_closes(judge.vectors[kept], told, last)
        set_tail(delivery, off_topic_tail(words, told, on, last, timed, settings, closes), settings)
    if needs_specifics(delivery, transcript.text, prompt, settings):
        delivery.findings.append(SPECIFICS)
    off_topic = None
    if embedder is not None and judge.vectors is not None and not follow_up and not any(r.hit for r in results):
        kept = [k for k, u in enumerate(judge.units) if u.kind == "sentence"]
        off_topic = elsewhere(embedder, judge.vectors[kept], [(judge.units[k].first, judge.units[k].last)
                                                              for k in kept], raw, prompt, settings)
        if off_topic is None:        # ... or told another question's story, which that question names (judge114)
            off_topic = other_story(judge, raw, settings)
    if off_topic is not None:        # one line says so; no tip that assumes a real answer (walk42 finding 6)
        said_first = dataclasses.replace(OFF_TOPIC, summary=f"{OFF_TOPIC_LINE}: “{off_topic['quote']}”") \
            if "other" not in off_topic else dataclasses.replace(
                OTHER_STORY, summary=f"{OTHER_STORY_LINE}: “{off_topic['other']['text']}”")
        delivery.findings = [said_first, *(f for f in delivery.findings if f.name in SOUNDED)]
    pairs = [(r.key_point, r.hit) for r in results]
    coverage = weighted_hits(pairs) or 0.0
    said = delivery_scores(delivery, settings)
    comps = competency_scores(bank, pairs, said)
    missed = [missed_question(r.key_point, {"key_point_id": r.key_point.id, "question": asked_follow_up(r.key_point, bank)})
              for r in results if not r.hit]
    own = [{"key_point_id": "", "question": q} for q in prompt_follow_up(prompt, missed_any=bool(missed))]
    follow_ups = asked_next(own, missed, settings.max_follow_ups, named_nothing=not any(r.hit for r in results))
    return AnswerAnalysis(bank=bank, prompt=prompt, transcript=transcript, timed=timed, key_points=results,
                          evidence=evidence, coverage=coverage, competencies=comps,
                          overall=overall_score(bank, comps, coverage, pairs), delivery=delivery,
                          follow_ups=follow_ups, judge=status, delivery_scores=said, off_topic=off_topic)
