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
"""
from __future__ import annotations

from voiceprep.core.analysis.segments import (
    CLAUSE_END,
    CLAUSE_OPENERS,
    CONTINUES,
    COORDINATORS,
    MAX_UNIT_WORDS,
    SUBJECT_WITHIN,
    SUBJECTS,
)

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
