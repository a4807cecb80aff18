"""An answer told for another question of the bank (walk66 1b, judge114).

A candidate asked "Tell me about a real-time distributed web service you built" may tell the story they prepared
for another question of the same round ("For third-party developer APIs, I built a public REST API for our
merchants ... adoption grew to four hundred merchants"). Judge80 already reads such an answer as told elsewhere: its
sentences are on average `elsewhere_margin` nearer that other question's text and key point labels than this one's
(`told_for`). Yet the generic points of a story ("Your role and decisions", "The result, with a number") were still
ticked by a shared word ("I built") or by any figure, and the answer was not flagged as off the question.

So, in an answer told for another question, a credited point keeps its tick only when some piece of its evidence (the
quote it is shown by) is at least as close in meaning to the point (its label's content) as to that other question
(`nearer_the_other`): a story of this question's kind keeps what it says about this question's points; another
question's story keeps nothing by a shared word or a figure alone. Not for a question whose key points are mostly
note headings (`says_its_subject`). Evidence "as close to the point" means as close to the point's label or to this
question's own text and labels, the larger. And an answer told for another question that keeps no point is flagged as that
question's story (`analyze.analyze_answer`). Only the vectors the judge already has are read: the answer's own
units and the bank's question texts and labels, which the pre-embedders and `judging.prepare_judge` embed.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from voiceprep.core.analysis.embedder import Embedder
from voiceprep.core.analysis.products import similarities
from voiceprep.core.analysis.recital import slot_heading
from voiceprep.core.analysis.segments import Unit
from voiceprep.core.banks.model import Prompt
from voiceprep.settings import AnalysisSettings


def question_texts(prompts: Sequence[Prompt]) -> list[str]:
    """The texts `told_for` embeds for each of `prompts`: its text and its key point labels (for the bank's other
    questions: `judging.prepare_judge` embeds them with `prompt_texts`)."""
    return [t for p in prompts for t in (p.text, *(kp.label for kp in p.key_points))]


def told_for(embedder: Embedder, vectors: np.ndarray, told: Sequence[Unit], raw: Sequence[str], prompt: Prompt,
             others: Sequence[Prompt], settings: AnalysisSettings) -> Prompt | None:
    """The other question of the bank (`others`: its text and key point labels; each sentence's closest of them) that
    an answer's sentences (`told`, their `vectors`; of `off_topic_short_words` words or more) are on average nearest,
    when that is nearer than `prompt` by `elsewhere_margin` or more: the answer was told for that question ("why I
    want to join" given to "what do you know about our products"; judge80). None when there is none."""
    rows = [i for i, u in enumerate(told) if u.kind == "sentence"
            and sum(bool(w.strip()) for w in raw[u.first:u.last + 1]) >= settings.off_topic_short_words]
    if not rows:
        return None
    said = vectors[rows]

    def closeness(p: Prompt) -> float:
        return float(similarities(said, embedder.embed(question_texts([p]))).max(axis=1).mean())

    own = closeness(prompt)
    near = [(closeness(o), k) for k, o in enumerate(others) if o.id != prompt.id]
    best = max(near, default=None)
    return others[best[1]] if best is not None and best[0] >= own + settings.elsewhere_margin else None


def says_its_subject(prompt: Prompt) -> bool:
    """Whether a question's key points mostly say its subject (at most half of them note headings, `slot_heading`):
    only then does closeness to its text and labels measure what an answer is about. A question written as headings
    ("The root cause I found", "What I changed so it stopped") says nothing of its subject in its labels, and a story
    told for it reads as nearer another question of the bank that names the same things (a librarian's recurring
    lunchtime noise, nearer "reluctant readers"): its points are not set aside by `nearer_the_other`."""
    return 2 * sum(slot_heading(kp.label) for kp in prompt.key_points) <= len(prompt.key_points)


def closeness_to(embedder: Embedder, vectors: np.ndarray, other: Prompt) -> np.ndarray:
    """Per unit of the answer (`vectors`), its closeness in meaning to the other question (the closest of its text and
    key point labels)."""
    out: np.ndarray = similarities(vectors, embedder.embed(question_texts([other]))).max(axis=1)
    return out


def nearer_the_other(to_point: np.ndarray, to_other: np.ndarray, evidence: np.ndarray) -> bool:
    """Whether none of the units of a credited point's evidence (`evidence`: the units inside its quote) is as close in
    meaning to the point (`to_point`, per unit) as to the other question the answer was told for (`to_other`, per
    unit): the point is not said here, whatever word or figure the story shares with it ("For third-party developer
    APIs, I built a public REST API" for "Your role and decisions"; "Adoption grew to four hundred merchants" for
    "The result, with a number")."""
    return bool(evidence.any()) and not bool((evidence & (to_point >= to_other)).any())
