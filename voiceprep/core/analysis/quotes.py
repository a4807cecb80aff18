"""Which sentence quotes a credited key point, when the judge's closest one only names the point's topic (quotes
only: no point is credited or refused here).

The judge quotes a point by the unit closest in meaning to its whole label (`AnswerJudge._quote_scores`). For a label
that lists what the point is made of after its colon ("The schema: a double-entry ledger, immutable entries, amounts
as integers or numeric, never floats"), a sentence that names only the topic ("Um, so, okay, the Postgres schema.")
is close to the whole label and was quoted over the sentence that tells its substance ("…it was kind of a double
entry ledger, … every movement of money was two rows…"): walk60 4, judge87's "not changed" note. Here such a point is
quoted by the unit that says its items best, when that unit says them clearly better than the quote does
(`substance_quotes`); and a point that asks for the candidate's act or for the result, by a unit that tells it, not by
a scene or a clause sharing a label word (`telling_quotes`: walk61 5, walk62 5).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from voiceprep.core.analysis.alternatives import alternative_asked
from voiceprep.core.analysis.delivery import STAR_CUES, star_part
from voiceprep.core.analysis.followups import said_as_done
from voiceprep.core.analysis.judge import ASKS_FOR_NUMBERS, FRAMED_ACT, YOUR_ROLE, AnswerJudge, facets, point_content
from voiceprep.core.analysis.keypoints import FUNCTION_WORDS, KeyPointResult
from voiceprep.core.analysis.products import similarities
from voiceprep.core.analysis.segments import DENIALS, HYPOTHETICAL, Unit, clean
from voiceprep.core.analysis.text import NUMBER_WORDS, tokenize_text
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


# --- the sentence that tells the point (walk61 5, walk62 5) ---------------------------------------------------------
# A point that asks for the candidate's own act or role ("Say what I automated", "Name who I agreed the priorities
# with", "Say your role and the decisions you made") or for the result ("State the result: fewer delayed discharges")
# was quoted by the unit nearest the whole label, often a sentence that shares one label word in a clause of its own
# ("…, but once we agreed the order, nobody argued about it again.", "because most discharges happened after four
# o'clock.") or sets the scene ("When I joined the team at the trust, there were about ninety requests…").

# what opens a clause that is not the main one: the candidate's act after it is the scene or a condition, not the act
_SUBORDINATE = frozenset({"when", "once", "because", "after", "before", "if", "while", "until", "since", "though",
                          "although", "what", "whether", "unless", "whenever", "where", "how", "why"})
_FIRST_PERSON = frozenset({"i", "we", "i've", "we've"})
_PERFECT = frozenset({"have", "had", "has"})
# not an act told: "we used to", "I was going to", "I wanted to", "I will"; nor a state ("we were three nurses short")
_NOT_TOLD = frozenset({"used", "going", "will", "want", "wanted", "to", "was", "were"}) | HYPOTHETICAL
# a past written as its base, told by the candidate: "I read the chart"
_TOLD_AS_BASE = frozenset({"read"})
_CLAUSES = re.compile(r"[,;:.!?]+|\s[-\u2013\u2014]\s")
_STAR_RESULT = re.compile(STAR_CUES["result"], re.IGNORECASE)
# a change told in a perfect or a plain past: "had fallen by about a quarter", "the queue had gone from ninety to sixty"
_CHANGED = re.compile(r"\b(?:fallen|risen|grown|shrunk|come\s+down|came\s+down|gone\s+(?:up|down|from)|"
                      r"(?:fell|rose|grew|dropped|climbed)\s+(?:to|by|from))\b", re.IGNORECASE)
# a figure, said in digits or words, that is not a count of people or things picked from ("two of the nurses")
# ("point" only before a figure: "went to point one two percent", not "I went to point out the gap", read47c 2)
_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS - {"point"}, key=len, reverse=True))
_FIGURE = (r"(?:(?:about|around|roughly|under|over|below|just|nearly|almost|only)\s+)?(?:\d|(?:point\s+(?:\d|(?:"
           + _NUMBER_WORD + r")\b)|" + _NUMBER_WORD + r")\b)(?!\w*\s+of\b)")
# a level reached, a thing gone, a level that held (quote47's noticed gaps): "Mis-picks went to point one two percent",
# "p99 went back to about three hundred milliseconds", "the backlog was gone in a month", "it's still running at about
# three days", "it was still point one three"; not "I went to the site manager", "by then he was gone"
_LEVEL = re.compile(r"\bwent\s+(?:back\s+|down\s+|up\s+)?to\s+" + _FIGURE
                    + r"|\b(?:was|were|had\s+been)\s+gone\s+(?:in|within|after)\b"
                    + r"|\bstill\s+(?:(?:running|holding|sitting|at|under|below)\s+)?(?:at\s+)?" + _FIGURE,
                    re.IGNORECASE)


# "What we ended up doing … was a turning schedule", "What I did was get the foremen in": the act, told as what it was
_CLEFT_ACT = re.compile(r"^\W*(?:(?:so|and|but|then)\W+)?what\s+(?:i|we)\s+(?:did|did\s+do|ended\s+up\s+doing|decided|"
                        r"changed|chose|owned|built|proposed)\b", re.IGNORECASE)


def tells_main_act(text: str, main: bool = True) -> bool:
    """Whether the text tells the candidate's own act in the past in a clause of its own: "I" or "we", with no
    subordinating word just before it ("When I joined", "once we agreed", "What I learned": a later "I" of the same
    clause may tell it, "When I joined I rewrote the runbook"), followed within
    three words by a past verb ("I rewrote", "Then I sat down", "I have built", "we ranked the list"), not a habit of
    the past, a plan, a wish, a state or a denial ("we used to", "I would", "we were short", "I didn't"); or told as
    what it was ("What we ended up doing … was a turning schedule"). Not `main`: in any clause ("Say what I
    automated")."""
    for clause in _CLAUSES.split(text):
        if _CLEFT_ACT.match(clause):
            return True
        words = [clean(w) for w in clause.split()]
        for k, w in enumerate(words):
            if w not in _FIRST_PERSON:
                continue
            if main and any(x in _SUBORDINATE for x in words[max(0, k - 2):k]):
                continue                   # "once we agreed", "When I joined" (not "Once he was down I said"); the
                #                            clause's own act may follow it: "When I joined I rewrote the runbook"
            after = words[k + 1:k + 4]
            for n, x in enumerate(after):
                if x in DENIALS and "until" in words[k + n + 2:]:
                    return True           # "I didn't change a single item until I'd asked…": held back, told (judge40)
                if x in _NOT_TOLD or x in DENIALS:
                    break
                if x in _PERFECT:
                    continue
                if said_as_done(x) or x in _TOLD_AS_BASE:
                    if not any(y in DENIALS for y in after[n + 1:n + 2]):
                        return True
                    break
    return False


# the words of a label that ask how to tell it, not what it is about
_ASKING = frozenset({"say", "name", "tell", "state", "explain", "describe", "give", "show", "who", "what", "how", "why",
                     "your", "you", "i", "we", "my", "our", "me", "us"})


def _says_object(label: str, text: str) -> bool:
    """Whether the text says what the label's act is done to or about, beyond its verb: two of the label's words of
    content that are no verb's past ("root", "cause" of "I found the root cause"), or its one such word ("priorities"
    of "Name who I agreed the priorities with")."""
    own = {t.stem for t in tokenize_text(label) if t.norm not in FUNCTION_WORDS and t.norm not in _ASKING
           and len(t.norm) > 2 and not t.is_number and not said_as_done(t.norm)}
    said = {t.stem for t in tokenize_text(text)}
    return bool(own) and len(own & said) >= min(2, len(own))


def reads_as_result(text: str) -> bool:
    """Whether the text tells a result: a STAR result ("As a result", "dropped", "halved", "no longer"), a change
    told in the past ("had fallen by about a quarter", "had gone from ninety requests to sixty"), or a level reached,
    a thing gone or a level that held (`_LEVEL`: "went to point one two percent", "was gone in a month", "still
    running at about three days")."""
    return bool(_STAR_RESULT.search(text) or _CHANGED.search(text) or _LEVEL.search(text))


# a label that asks why the candidate acted ("Explain why I chose the lounge"), or how they came to know or choose
# ("How I noticed the numbers were off"): it asks for the reason or the way, not for the act (read46c 3). "How I
# changed the plan" asks for the act, its way told with it (read47a 3).
_ASKS_HOW_WHY = re.compile(r"^\W*(?:(?:say|explain|describe|tell|show|state)\s+(?:(?:me|us)\s+)?)?(?:why\b|how\s+(?:i|we)\s+"
                           r"(?:(?:first|\w+ly)\s+)?(?:noticed|knew|realised|realized|spotted|saw|discovered|caught|"
                           r"identified|found\s+out|worked\s+out|figured\s+out|decided|chose|picked)\b)", re.IGNORECASE)


def asks_own_act(judge: AnswerJudge, label: str) -> bool:
    """Whether the label asks for what the candidate did or decided ("Say what I automated", "Name who I agreed the
    priorities with", "Say your role and the decisions you made"), not for the result, nor how or why they did it
    ("How I noticed the numbers were off": `_ASKS_HOW_WHY`)."""
    return ((judge._own_act(label) or bool(YOUR_ROLE.search(label)) or tells_main_act(label, main=False))
            and star_part(label) != "result" and not _ASKS_HOW_WHY.match(label))


def telling_quotes(judge: AnswerJudge, results: Sequence[KeyPointResult], margin: float,
                   cue_margin: float, result_margin: float) -> list[KeyPointResult]:
    """Re-quotes a credited point whose quote does not tell what its label asks for with the unit that does. For a
    label that asks for the candidate's own act or role (`asks_own_act`), a quote in which they act in no clause of
    its own (`tells_main_act`; "The big change was separating…" is one) and that does not say what the act is done to
    (`_says_object`: "The root cause was a missing index…" for "I found the root cause"), by the closest unit that
    tells their act, among those at most `margin` less close to the label (`quotes`) than the quote (a pair of
    sentences close to the label admits its sentence that tells the act, ranked by its own closeness: "An analyst
    used to spend every Monday copying numbers… I rewrote it as a scheduled SQL query…"). For a label that asks for
    the result (STAR's), a quote that tells none (`reads_as_result`: a cause, "because most discharges happened after
    four o'clock"), nor the candidate's act (`FRAMED_ACT` too: "The fix was moving…"), by the closest unit that
    does, among those at most `result_margin` less close than the quote (a far-off "In the end, …" does not take
    it). A point quoted by its cue words (`_carrier`: the first sentence that says as many of them), by the closest
    sentence after it that says as many,
    when that is `cue_margin` closer (an opening that echoes the question is the topic; the role is told after it:
    "I led a team of three engineers…", not "The most impactful thing I have built was…" for "Say your role…").
    Only a unit the judge would let quote the point (`quotes` above -1), in no sentence another credited point
    quotes; no decision changes. A negative `margin` turns it off. The points re-quoted, in order."""
    if margin < 0 or judge.embedder is None or not judge.units:
        return []
    units = judge.units
    spans = {(u.first, u.last): i for i, u in enumerate(units)}
    placed = {(r.judgement.unit.first, r.judgement.unit.last) for r in results
              if r.hit and r.judgement is not None and r.judgement.unit is not None}
    moved = []
    for r in results:
        j, kp = r.judgement, r.key_point
        if not r.hit or j is None or j.unit is None or j.quotes is None:
            continue
        if alternative_asked(kp.label) is not None or ASKS_FOR_NUMBERS.search(kp.label):
            continue                      # by its reason (why-not) or by a figure (judge79)
        own = (j.unit.first, j.unit.last)
        inside = [i for i, u in enumerate(units) if u.kind != "pair" and own[0] <= u.first and u.last <= own[1]]
        at = spans.get(own)
        now = float(j.quotes[at]) if at is not None else max((float(j.quotes[i]) for i in inside), default=-2.0)
        others = placed - {own}

        def taken(u: Unit, others: set[tuple[int, int]] = others) -> bool:
            # a piece of a sentence another point quotes would be shown as that whole sentence (`carrying_quote`)
            a, b = _sentence_around(judge, u.first, u.last)
            return any(a <= y and x <= b for x, y in (_sentence_around(judge, f, t) for f, t in others))
        sentence = judge._sentence_of(j.unit.first)
        said = j.unit.text if sentence is None else " ".join(judge.raw[min(sentence[0], own[0]):max(sentence[1],
                                                                                                     own[1]) + 1])
        # (unit to quote, how close it is to the label) for each unit that tells what the label asks
        found: list[tuple[Unit, float]] = []
        if star_part(kp.label) == "result":
            if (reads_as_result(said) or reads_as_result(j.unit.text) or tells_main_act(said)
                    or FRAMED_ACT.match(j.unit.text)):
                continue                  # a result, or the candidate's act: the fix of "The fix and the result",
                #                           told as what it was too ("The fix was moving the report…", quote47)
            found = [(u, float(q)) for u, q in zip(units, j.quotes) if q > -1 and u.kind != "pair"
                     and float(q) >= now - result_margin and reads_as_result(u.text)]
        elif (asks_own_act(judge, kp.label) and not (tells_main_act(said) or tells_main_act(j.unit.text))
              and not FRAMED_ACT.match(j.unit.text) and not _says_object(kp.label, said)):
            near = {}                     # unit index -> its own closeness, for each unit that tells the act
            for i, (u, q) in enumerate(zip(units, j.quotes)):
                if q <= -1 or float(q) < now - margin:
                    continue
                if u.kind != "pair":
                    if tells_main_act(u.text):
                        near[i] = float(q)
                    continue
                # a pair close to the label: its sentence that tells the act, by how close that is on its own
                near |= {k: float(j.quotes[k]) for k, s in enumerate(units)
                         if s.kind == "sentence" and u.first <= s.first and s.last <= u.last and j.quotes[k] > -1
                         and tells_main_act(s.text)}
            found = [(units[i], q) for i, q in near.items()]
        elif j.method == "words" and not kp.cues_from_label:
            cues = judge._cues_said_in(kp)
            mine = max((int(cues[i]) for i in inside), default=0) if at is None else int(cues[at])
            found = [(u, float(q)) for u, q, c in zip(units, j.quotes, cues) if q > -1 and u.kind == "sentence"
                     and u.first > own[1] and int(c) >= mine > 0 and float(q) >= now + cue_margin]
        unit = _first_free(judge, found, taken)
        if unit is None or (unit.first, unit.last) == own:
            continue
        placed.discard(own)
        placed.add((unit.first, unit.last))
        j.unit = unit
        judge._cues_follow(r)
        moved.append(r)
    return moved


def _sentence_around(judge: AnswerJudge, first: int, last: int) -> tuple[int, int]:
    """The sentence a span is in, or the span itself when it runs across sentences (a pair)."""
    sentence = judge._sentence_of(first)
    return sentence if sentence is not None and last <= sentence[1] else (first, last)


def _first_free(judge: AnswerJudge, found: list[tuple[Unit, float]],
                taken: Callable[[Unit], bool]) -> Unit | None:
    """The closest of `found` that no other point quotes, widened as the judge widens a quote (`_whole`)."""
    for u, _q in sorted(found, key=lambda f: -f[1]):
        if taken(u):
            continue
        whole = judge._whole(u)
        if not taken(whole):
            return whole
    return None
