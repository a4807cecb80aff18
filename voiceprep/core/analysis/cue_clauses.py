"""A cue's own clause (judge104, walk64 2-3): the stretch of an answer that a cue word is said in, read as the clause
it belongs to, so that the judge can ask whether that clause is about the point the cue names or about another.

"Airwallex moves money in well over 100 countries and dozens of currencies at high volume every second, and none of
that money can ever be lost" says "countries", a cue of "Global transfers and FX: pay out to many countries ...", in
a clause about scale; "Airwallex exposes its accounts, payments and cards through APIs, so platforms ..." says
"cards" as one item of a list in a clause about embedded finance. The clause is the punctuation's (`clause_spans`),
widened over a comma inside a list ("accounts, payments and cards" is one clause, not three), and cut where a run-on
goes on with a coordinator and a subject of its own (as `segments.coordinated_halves` cuts a sentence: "... and we
paid out in euros"), so that an unpunctuated transcript, one "clause" from its first word to its last, is read in the
pieces it was said in. A clause longer than `segments.MAX_UNIT_WORDS` is not read as one (`own_clause` gives None).

`CueClauses` is the rule (clause107, back in clause109): a lone cue said only in clauses about another key point counts
for nothing. The clause texts it embeds are all offered by `clause_texts`, which `judge.embedded_texts` lists for the
pre-embedders (the <= 150 ms path after Stop); a unit of the answer is read by its own vector, already computed.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from voiceprep.core.analysis.keypoints import KeyPointResult
from voiceprep.core.analysis.segments import (
    CLAUSE_END,
    CLAUSE_OPENERS,
    CONTINUES,
    COORDINATORS,
    MAX_UNIT_WORDS,
    SUBJECT_WITHIN,
    SUBJECTS,
    clause_spans,
    clean,
    joined,
)
from voiceprep.core.banks.model import KeyPoint

# a list goes on after its comma with an item of a few words and then "and"/"or" or another comma ("accounts,
# payments and cards"; "accounts, transfers, cards"): the words of such an item
LIST_ITEM_WORDS = 3
_JOINS = frozenset({"and", "or"})
# a run-on's own subject when cutting it at a coordinator: `segments.SUBJECTS` without the words that as often go on
# as an object ("and led a team of three", "and kept that") and with tiny.en's "its" for "it's" ("and its aimed at")
_RUN_ON_SUBJECTS = (SUBJECTS - {"team", "that"}) | {"its"}
# a clause after a comma that carries on the one before it: its consequence or condition ("..., so one slow handler
# stalls everything"; "..., and if it blew that we served the cached one") or a pronoun that points back to it
_CARRIES_ON = frozenset({"so", "if", "unless", "which", "this", "that"})
_CARRY_SKIP = frozenset({"and", "but"})
# words no list item opens with: a clause of its own ("..., so platforms can", "..., which", "..., we")
_NOT_AN_ITEM = CLAUSE_OPENERS | CONTINUES | COORDINATORS | SUBJECTS | frozenset({
    "if", "when", "whenever", "since", "once", "until", "before", "as", "who", "whom", "whose", "what", "how", "where",
    "why", "whether", "not", "no", "never", "without", "with", "is", "was", "were", "are", "be", "been", "had", "have",
    "has", "did", "do", "does", "you", "he", "she", "they", "there", "then", "like", "um", "uh", "yeah", "well"})


def list_item(words: list[str], raw: list[str], a: int, b: int) -> bool:
    """Whether the clause of words a..b goes on with a list after the comma that ends the clause before it: it opens
    with an item of at most `LIST_ITEM_WORDS` words that no clause opens with, ended by "and"/"or" or by another
    comma ("payments and cards through APIs" after "Airwallex exposes its accounts,")."""
    if a == 0 or not CLAUSE_END.search(raw[a - 1].strip()) or not raw[a - 1].strip().endswith(","):
        return False
    for k in range(a, min(a + LIST_ITEM_WORDS, b + 1)):
        if not words[k] or words[k] in _NOT_AN_ITEM:
            return False
        if k + 1 <= b and words[k + 1] in _JOINS:
            return True
        if raw[k].strip().endswith(","):
            return True
    return False


def _run_on_starts(words: list[str], raw: list[str], a: int, b: int) -> list[int]:
    """Where, inside the clause a..b, a run-on goes on with a coordinator and a subject of its own within
    `SUBJECT_WITHIN` words before any comma ("... and we paid out in euros"), as `coordinated_halves` cuts a
    sentence; not "cards and payouts, and it works" (the subject is the next clause's)."""
    def subject_after(k: int) -> bool:
        for j in range(k + 1, min(k + 1 + SUBJECT_WITHIN, b + 1)):
            if words[j] in _RUN_ON_SUBJECTS:
                return True
            if CLAUSE_END.search(raw[j].strip()):
                return False
        return False
    return [k for k in range(a + 1, b) if words[k] in COORDINATORS and subject_after(k)]


def carries_on(words: list[str], raw: list[str], a: int, b: int) -> bool:
    """Whether the clause of words a..b, after a comma, goes on with what the clause before it said rather than a
    thing of its own: it opens (after an "and"/"but") with "so", "if", "which" or a pronoun pointing back ("..., so one
    slow handler stalls everything"; "..., and if it blew that we served the last cached multiplier")."""
    if a == 0 or not raw[a - 1].strip().endswith(","):
        return False
    k = a + 1 if words[a] in _CARRY_SKIP and a < b else a
    return words[k] in _CARRIES_ON


def own_clause(words: list[str], raw: list[str], clauses: list[tuple[int, int]], i: int) -> tuple[int, int] | None:
    """The clause word `i` is said in (see the module's docstring), as an inclusive word range; None when it is
    longer than `MAX_UNIT_WORDS` (a long stretch is no one clause to read)."""
    k = next((n for n, (ca, cb) in enumerate(clauses) if ca <= i <= cb), None)
    if k is None:
        return None
    first = k
    while first > 0 and list_item(words, raw, *clauses[first]):
        first -= 1
    last = k
    while last + 1 < len(clauses) and list_item(words, raw, *clauses[last + 1]):
        last += 1
    a, b = clauses[first][0], clauses[last][1]
    for s in _run_on_starts(words, raw, a, b):
        if s <= i:
            a = s
        else:
            b = s - 1
            break
    if b == clauses[last][1] and last + 1 < len(clauses) and carries_on(words, raw, *clauses[last + 1]):
        na, nb = clauses[last + 1]      # read with the consequence or condition it goes on to, up to that one's run-on,
        nb = next((s - 1 for s in _run_on_starts(words, raw, na, nb) if s > na + 1), nb)
        if nb - a + 1 <= MAX_UNIT_WORDS:                    # when the two are short enough to read as one
            b = nb
    return (a, b) if b - a + 1 <= MAX_UNIT_WORDS else None


def clause_spans_read(raw: list[str]) -> list[tuple[int, int]]:
    """Every clause `own_clause` can give for a word of the answer `raw`, each once, in order."""
    words = [clean(w) for w in raw]
    clauses = clause_spans(raw)
    spans = (own_clause(words, raw, clauses, i) for i in range(len(raw)))
    return list(dict.fromkeys(s for s in spans if s is not None))


def clause_texts(raw: list[str]) -> list[str]:
    """The texts of those clauses (`clause_spans_read`), as `CueClauses` embeds them: whatever the bank, so that the
    pre-embedders can offer them before the answer is judged (`judge.embedded_texts`)."""
    return list(dict.fromkeys(joined(raw[a:b + 1]) for a, b in clause_spans_read(raw)))


class CueClauses:
    """One answer's cue-clause reading for `judge.AnswerJudge` (`judge`; `needed_point`, `point_content`: judge.py's,
    passed in, as this module is imported by it)."""

    def __init__(self, judge: Any, needed_point: Callable[[KeyPoint], KeyPoint], point_content: Callable[[str], str]):
        self.j = judge
        self.needed = needed_point
        self.content = point_content
        self._vectors: dict[tuple[int, int], np.ndarray] = {}      # a cue's own clause, embedded once

    def elsewhere(self, kp: KeyPoint, lexical: KeyPointResult, label: np.ndarray) -> list[tuple[int, int, int]]:
        """For a point credited with fewer of the bank's cues than it asks, each said only in clauses of their own
        (`own_clause`) about another key point of the prompt (`about_another`), when no unit outside those clauses
        says the point (`says_it_apart`; `label`: each unit's closeness to the point's label): each such clause's first
        and last word and the cue's word; [] when a cue is said in a clause not about another point, or in no clause
        short enough to read. "...over 100 countries and dozens of currencies at high volume every second," is about
        scale, not "Global transfers and FX: pay out to many countries..."; "Airwallex exposes its accounts, payments
        and cards through APIs" is about embedded finance, not accepting payments and cards (walk64 2-3). The cue then
        counts for nothing (the judge), as a word of the point said in another sense or in passing."""
        j = self.j
        if kp.cues_from_label or j.embedder is None or len(j._points) < 2:
            return []
        if not 0 < len(lexical.matches) < self.needed(kp).min_cues:
            return []
        out: list[tuple[int, int, int]] = []
        mine = {j.index.tokens[t].word for _c, m in lexical.said for t in range(m.first, m.last + 1)}
        for cue in {cue for cue, _m in lexical.said}:
            for m in (m for said, m in lexical.said if said == cue):
                i = j.index.tokens[m.first].word
                span = own_clause(j._words, j.raw, j._clauses, i)
                if span is None or not self.about_another(kp, span, self._clause_vector(span), mine):
                    return []
                out.append((*span, i))
        return [] if self.says_it_apart(kp, label, out) else out

    def says_it_apart(self, kp: KeyPoint, label: np.ndarray, clauses: list[tuple[int, int, int]]) -> bool:
        """Whether a unit that overlaps none of `clauses` (first word, last word, a cue's word) says the point: it
        quotes it at least as well as any other point of the prompt (`_quote_all`), and is close to its label in its
        own right (`meaning_evidence_min`): "We batched it into a single query and the endpoint went from about three
        seconds to two hundred milliseconds" for the fix and its result, beside "the error rate was up to about four
        percent" (the symptom's clause, which says the point's "{number} percent"); or it comes nearer the label than
        the cue's clause does and is about no other point (`about_another`, on the unit's own vector): "I designed the
        metrics pipeline." beside "I led a team of three to roll it out across five cloud regions." for what you
        built."""
        j = self.j
        scores = j._quote_all()
        if scores is None or kp not in j._points or j.vectors is None:
            return False
        k = j._points.index(kp)
        nearest = max(self._closeness(kp, self._clause_vector((a, b))) for a, b, _i in clauses)
        for n, u in enumerate(j.units):
            if any(u.first <= b and a <= u.last for a, b, _i in clauses):
                continue
            if label[n] >= j.s.meaning_evidence_min and scores[n, k] >= scores[n].max():
                return True
            if label[n] > nearest and not self.about_another(kp, (u.first, u.last), j.vectors[n]):
                return True         # nearer the point than the cue's clause, and about no other point
        return False

    def about_another(self, kp: KeyPoint, span: tuple[int, int], vec: np.ndarray, mine: set[int] | None = None) -> bool:
        """Whether the words of `span` (their vector `vec`) are about another key point of the prompt than `kp`: they
        say as many of the cues the bank wrote for it as it asks (at least two: "100 countries", "currencies", "volume"
        for scale), or a cue of it and are nearer its label than `kp`'s ("exposes its accounts, payments and cards
        through APIs" for embedded finance). Not a clause nearer another point by meaning alone: "Airwallex also does
        payouts" names what the model does not place, and is no nearer embedded finance for saying none of its words;
        nor by a word of `kp`'s own cues (`mine`, word indexes) that the other point's cues also match: "All the
        matching logic is single-threaded now" says tradeoffs' "single-threaded", which is no "threads" of lock
        contention (clause107)."""
        j = self.j
        a, b = span
        own = self._closeness(kp, vec)
        for other in j._points:
            if other.id == kp.id:
                continue
            said = sum(any(a <= x and y <= b and not (mine and mine & set(range(x, y + 1))) for x, y in spans)
                       for spans in j._cue_spans(other))
            if not other.cues_from_label and said >= max(2, self.needed(other).min_cues):
                return True
            if said and self._closeness(other, vec) > own + j.s.cue_clause_margin:
                return True
        return False

    def _closeness(self, kp: KeyPoint, vec: np.ndarray) -> float:
        """How close `vec` comes to what `kp`'s label asks said."""
        return float(np.dot(vec, self.j._label_vector(self.content(kp.label))))

    def _clause_vector(self, span: tuple[int, int]) -> np.ndarray:
        """The vector of the words of `span`, a clause `clause_texts` offers (embedded once per span)."""
        vec = self._vectors.get(span)
        if vec is None:
            vec = self._vectors[span] = self.j.embedder.embed([joined(self.j.raw[span[0]:span[1] + 1])])[0]
        return vec
