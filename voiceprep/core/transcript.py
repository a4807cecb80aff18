"""A transcript with word timings: what speech produces and analysis and history consume."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

SENTENCE_ENDS = ".?!…"


# walk60 7: a transcription window's seam inside a figure ("$200" | ",000 a year"): a comma or point then a digit,
# right after a digit, goes on the figure; stored with a space before it ("$200 ,000"), it was not found by "200,000".
# The one rule of such a seam: parts joined (continues_figure) and a stored text mended (seams_mended) read it
_SEAM_IN_FIGURE = re.compile(r"(?<=\d) +(?=[.,]\d)")


def continues_figure(before: str, part: str) -> bool:
    """Whether `part` (a segment's or a word's text) goes on the figure `before` ends with: ",000 a year" after
    "around $200", ".5 seconds" after "took 3" (walk60 7: a window's seam split "$200,000"): the two joined with a
    space have a seam inside a figure there (_SEAM_IN_FIGURE, as seams_mended reads it)."""
    head = before.rstrip()
    return _SEAM_IN_FIGURE.match(f"{head} {part.lstrip()}", len(head)) is not None


def seams_mended(text: str) -> str:
    """`text` without the space a window's seam left inside a figure ("around $200 ,000 a year" is "around $200,000 a
    year"): a text stored before join_said knew it (walk60 7) read as it was said. A space never stands before a comma
    or point in written text, so nothing else changes."""
    return _SEAM_IN_FIGURE.sub("", text)


def join_said(parts: Iterable[str]) -> str:
    """Segments' (or a caption's) texts as one text, a space between them, none before a part that goes on the word
    before it: a live window can cut a hyphened word over two segments (walk58: "Mm" | "-hmm. Actually" was captioned
    and stored "Mm -hmm. Actually"), or a figure (walk60 7: "$200" | ",000 a year" was stored "$200 ,000 a year")."""
    out = ""
    for part in (p.strip() for p in parts):
        if part:
            glued = not out or (part[0] == "-" and part[1:2].isalnum()) or continues_figure(out, part)
            out += part if glued else " " + part
    return out


def _ended(text: str) -> str:
    """`text` ending a sentence: "…matters," is "…matters." (spaces before it kept)."""
    body = text.rstrip()
    return body.rstrip(",;:-– ") + "." + text[len(body):]


def _sentence_ended(segments: list[Segment]) -> list[Segment]:
    """Copies of `segments` with the last one's text and last word ending a sentence."""
    if not segments:
        return segments
    last = segments[-1]
    words = [*last.words[:-1], Word(last.words[-1].start, last.words[-1].end, _ended(last.words[-1].word),
                                    last.words[-1].probability)] if last.words else []
    return [*segments[:-1], Segment(last.start, last.end, _ended(last.text), words)]


@dataclass
class Word:
    start: float
    end: float
    word: str
    probability: float = 1.0


@dataclass
class Segment:
    start: float
    end: float
    text: str
    words: list[Word] = field(default_factory=list)


@dataclass
class Transcript:
    text: str
    language: str
    duration: float
    model: str
    segments: list[Segment] = field(default_factory=list)
    # measured share of filled pauses ("um", "uh") the model transcribes (speech.models); 0.0 if never measured;
    # None (typed text, transcripts stored before this was recorded): AnalysisSettings.measured_filler_recall
    filler_recall: float | None = None

    def words(self) -> list[Word]:
        return [w for s in self.segments for w in s.words]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Transcript:
        segments = [Segment(start=float(s["start"]), end=float(s["end"]), text=s["text"],
                            words=[Word(**w) for w in s.get("words", [])]) for s in data.get("segments", [])]
        text = data.get("text") or " ".join(s.text.strip() for s in segments)
        return cls(text=text, language=data.get("language", "en"), duration=float(data.get("duration", 0.0)),
                   model=data.get("model", ""), segments=segments, filler_recall=data.get("filler_recall"))

    def appended(self, more: Transcript, offset: float, skip: float = 0.0) -> Transcript:
        """This transcript with `more` said after it, as if one recording (an answer continued after the silence
        stop ended it): this one's audio kept to `offset` seconds, `more`'s first `skip` seconds cut, so `more`'s
        timings move by `offset - skip` (none before `offset`)."""
        def at(t: float) -> float:
            return offset + max(0.0, t - skip)

        def shifted(s: Segment) -> Segment:
            return Segment(at(s.start), at(s.end), s.text,
                           [Word(at(w.start), at(w.end), w.word, w.probability) for w in s.words])
        before, after = self.text.strip(), more.text.strip()
        segments = list(self.segments)
        if before and after and before[-1] not in SENTENCE_ENDS and not after[0].islower():
            # the part said after begins a sentence (walk51: "…from your shopping Sure, um, I owned…"): the first
            # part's ends; one that goes on with "and it balanced" goes on with the same sentence
            before, segments = _ended(before), _sentence_ended(segments)
        return Transcript(text=" ".join(t for t in (before, after) if t),
                          language=self.language, duration=offset + max(0.0, more.duration - skip),
                          model=self.model or more.model, segments=[*segments, *(shifted(s) for s in more.segments)],
                          filler_recall=self.filler_recall)

    @classmethod
    def from_text(cls, text: str) -> Transcript:
        """A typed answer: no timing, one segment, words spaced at an even speaking pace."""
        tokens = text.split()
        step = 60.0 / 150  # assume 150 wpm so pacing metrics stay neutral
        words = [Word(start=i * step, end=(i + 1) * step, word=(" " if i else "") + t) for i, t in enumerate(tokens)]
        seg = Segment(start=0.0, end=len(tokens) * step, text=text, words=words)
        return cls(text=text.strip(), language="en", duration=len(tokens) * step, model="typed", segments=[seg])
