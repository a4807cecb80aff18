"""Which sentence quotes a credited key point, when the judge's closest one only names the point's topic (quotes
only: no point is credited or refused here).

The judge quotes a point by the unit closest in meaning to its whole label (`AnswerJudge._quote_scores`). For a label
that lists what the point is made of after its colon ("The schema: a double-entry ledger, immutable entries, amounts
as integers or numeric, never floats"), a sentence that names only the topic ("Um, so, okay, the Postgres schema.")
is close to the whole label and was quoted over the sentence that tells its substance ("…it was kind of a double
entry ledger, … every movement of money was two rows…"): walk60 4, judge87's "not changed" note. Here such a point is
quoted by the unit that says its items best, when that unit says them clearly better than the quote does.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from voiceprep.core.analysis.alternatives import alternative_asked
from voiceprep.core.analysis.judge import ASKS_FOR_NUMBERS, AnswerJudge, facets, point_content
from voiceprep.core.analysis.keypoints import FUNCTION_WORDS, KeyPointResult
from voiceprep.core.analysis.products import similarities
from voiceprep.core.analysis.segments import Unit
from voiceprep.core.analysis.text import tokenize_text
from voiceprep.core.banks.model import KeyPoint


def items_of(label: str) -> list[str]:
    """What a label lists after its colon ("The schema: a double-entry ledger, immutable entries, …" -> the items);
    [] for a label without a list."""
    said = point_content(label)
    if ":" not in said:
        return []
    parts = facets(said)
    return parts[1:] if len(parts) > 1 else []


def substance_words(kp: KeyPoint) -> frozenset[str]:
    """The stems of what a listing label's point is made of: the words of its items and of its cues, less the words of
    its head (the topic: "schema" of "The schema: …") and function words."""
    items = items_of(kp.label)
    if not items:
        return frozenset()
    head = {t.stem for t in tokenize_text(point_content(kp.label).partition(":")[0])}
    said = [t for text in [*items, *(c.replace("|", " ") for c in kp.cues)] for t in tokenize_text(text)]
    return frozenset(t.stem for t in said if t.norm not in FUNCTION_WORDS and len(t.norm) > 2 and not t.is_number
                     and t.stem not in head)


def substance_quotes(judge: AnswerJudge, results: Sequence[KeyPointResult], margin: float) -> list[KeyPointResult]:
    """Re-quotes each credited point with a list of items (`items_of`) whose quote says none of its items' or cues'
    words (`substance_words`: the quote names only the topic) with the unit that says the items best (the mean of its
    similarity to its two closest items: "every movement of money was two rows, like a debit" for "a double-entry
    ledger", said in other words), when that is `margin` better than the quote's; only a unit the
    judge would let quote the point (its `quotes` above -1), no pair, none another credited point quotes. The points
    re-quoted, in order. Left as the judge quotes them: a point quoted by its cue words (method "words"), a why-not
    point (by its reason) and a point that asks for numbers (by a sentence with a figure)."""
    if judge.embedder is None or judge.vectors is None or not judge.units:
        return []
    vectors = judge.vectors[:len(judge.units)]
    spans = {(u.first, u.last): i for i, u in enumerate(judge.units)}
    placed = {(r.judgement.unit.first, r.judgement.unit.last) for r in results
              if r.hit and r.judgement is not None and r.judgement.unit is not None}
    moved = []
    for r in results:
        j, kp = r.judgement, r.key_point
        if not r.hit or j is None or j.unit is None or j.quotes is None or j.method == "words":
            continue
        if alternative_asked(kp.label) is not None or ASKS_FOR_NUMBERS.search(kp.label):
            continue
        items, substance = items_of(kp.label), substance_words(kp)
        if len(items) < 2 or {t.stem for t in tokenize_text(j.unit.text)} & substance:
            continue                      # the quote says something of what the point is made of
        own = (j.unit.first, j.unit.last)
        if any(says and own[0] <= u.first and u.last <= own[1]
               for u, says in zip(judge.units, judge._says_own_number(kp.label))):
            continue                      # "We got it to 99.95.": the quote gives the figure the label states
        others = placed - {own}

        def taken(u: Unit, others: set[tuple[int, int]] = others) -> bool:
            # a clause, half or window of a sentence another point quotes would be shown as that whole sentence
            return any(a <= u.last and u.first <= b for a, b in others)
        to_items = similarities(vectors, judge.embedder.embed(items))          # units x items
        top = np.sort(to_items, axis=1)[:, ::-1][:, :2].mean(axis=1)          # each unit's two closest items
        at = spans.get((j.unit.first, j.unit.last))
        now = float(top[at]) if at is not None else float(np.sort(similarities(
            judge.embedder.embed([j.unit.text]), judge.embedder.embed(items))[0])[::-1][:2].mean())
        free = [i for i, (u, q) in enumerate(zip(judge.units, j.quotes))
                if q > -1 and u.kind != "pair" and not taken(u) and float(top[i]) >= now + margin]
        wholes = (judge._whole(judge.units[i]) for i in sorted(free, key=lambda i: -float(top[i])))
        unit = next((w for w in wholes if not taken(w)), None)       # widened, it may reach another's quote
        if unit is None:
            continue
        placed.discard(own)
        placed.add((unit.first, unit.last))
        j.unit = unit
        judge._cues_follow(r)          # the cues said in the new quote are the ones shown with it
        moved.append(r)
    return moved
