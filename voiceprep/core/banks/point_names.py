"""The names a key point put into its bank's Vocabulary, kept with the point in the file.

A key point's wording names things ("Logged it on Datix", "Called in AGENCY NURSES"); the editor puts those names
into the bank's `vocabulary`, so the transcriber expects them. Which of them the point put there is written on the
point itself, `added_to_vocabulary = ["AGENCY NURSES"]`, so it is known for as long as the point exists (fixAF kept
it for the editor session only: reopened later, a removed point's names stayed). When the point goes, or is
reworded so it no longer says one of them, that name leaves the Vocabulary unless another key point or a prompt
still says it or another point put it there too. A name the candidate typed into the Vocabulary is on no point's
list, so it is never taken out, and lists are read case-exactly: "nhs professionals" typed beside a point's "NHS
Professionals" is the candidate's (review34 2b). A name the candidate clears from the Vocabulary leaves its point's
list, so typed back later it is theirs too (`keep_listed`, review34 2a); one corrected where it stands (a typo
fixed) stays the point's under its new spelling (`vocabulary_edited`, fixAS), while a different name typed over
it is the candidate's (`corrects`, review35a). Writing the field makes the bank schema 2 (load.SCHEMA_VERSION):
a voiceprep that reads only schema 1 then says so instead of "unknown field".
Qt-free: the editor calls these inside its undo step.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from difflib import SequenceMatcher

from voiceprep.core.analysis.keypoints import NUMBER
from voiceprep.core.banks.document import BankDocument, NodePath
from voiceprep.core.banks.draft import name_phrase, names_in
from voiceprep.core.banks.load import SCHEMA_VERSION
from voiceprep.settings import VOCABULARY_CORRECTION_RATIO

ADDED = "added_to_vocabulary"     # the key point's field: the names it put into the bank's vocabulary


def wording_names(label: str, cues: Iterable[str] = ()) -> list[str]:
    """The names a key point's wording says: its label's and its cues' (draft.names_in), a cue that is a name
    itself whole ("Bed Bureau", "Kafka": draft.name_phrase), each cue's first spelling only (its others are ways it
    may be heard: "Hoyo verse" for HoYoverse, walk24). A cue such as "I decided" names nothing (review34 2c)."""
    out: dict[str, str] = {}
    spellings = [str(c).split("|")[0].strip() for c in cues]
    for name in [*names_in(label), *(n for cue in spellings for n in ([cue] if name_phrase(cue) else names_in(cue)))]:
        name = name.strip()
        if name and NUMBER not in name and any(ch.isupper() for ch in name):
            out.setdefault(name.casefold(), name)
    return list(out.values())


def vocabulary(doc: BankDocument) -> list[str]:
    return [str(v) for v in doc.get((), "vocabulary", []) or []]


def added_by(doc: BankDocument, point: NodePath) -> list[str]:
    """The names `point` put into the vocabulary, as its file says (an old file: none)."""
    value = doc.get(point, ADDED, []) or []
    return [str(v) for v in value] if isinstance(value, list) else []


def _list_on(doc: BankDocument, point: NodePath, names: list[str]) -> None:
    """Write `point`'s list; a bank that has one is schema 2, which a voiceprep reading only 1 refuses by name."""
    doc.set(point, ADDED, names)
    schema = doc.get((), "schema")
    if names and isinstance(schema, int) and schema < SCHEMA_VERSION:
        doc.set((), "schema", SCHEMA_VERSION)


def keep_listed(doc: BankDocument) -> None:
    """After the candidate edited the Vocabulary itself: each point keeps on its list only the names still in it as
    written. A name cleared from the box is no longer the point's, so typed back later, or in another case, it is the
    candidate's own and no removal takes it (review34 2a)."""
    words = set(vocabulary(doc))
    for kp in doc.key_point_paths():
        mine = added_by(doc, kp)
        if any(n not in words for n in mine):
            doc.set(kp, ADDED, [n for n in mine if n in words])


def vocabulary_edited(doc: BankDocument, before: list[str]) -> None:
    """After the candidate edited the Vocabulary box, whose names were `before`. A point's name corrected where it
    stands (a typo fixed, "Bed Bureu" made "Bed Bureau"; the box commits at each pause, so also every start of it on
    the way, "Bed Bu") is still the point's under the new spelling, so it goes when the point goes (fixAS). Only a
    close one is (`corrects`): a different name typed over it is the candidate's, and of several lines changed at once
    each pairs with the one nearest it, not the one at its place (review35a 3, 4). A name cleared is no point's any
    more and one typed as a new entry is the candidate's (keep_listed)."""
    after = vocabulary(doc)
    owners = {kp: added_by(doc, kp) for kp in doc.key_point_paths()}
    renamed: dict[str, str] = {}
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if tag != "replace":
            continue
        # a name changed into one already in the box is no correction: that name stays whoever's it was
        news = [b for b in after[j1:j2] if b not in before]
        pairs = []
        for a in dict.fromkeys(before[i1:i2]):
            points = [kp for kp, mine in owners.items() if a in mine]
            wordings = [(str(doc.get(kp, "label") or ""), [str(c) for c in doc.get(kp, "cues", []) or []])
                        for kp in points]
            refs = [a, *(n for label, cues in wordings for n in wording_names(label, cues))]
            # near the line it replaces, and near what the point's wording says: a chain of small edits, each near
            # the one before, drifts no name away from the point's own (fixBB: "AGENCY NURSES" ... "ARGENT SOLAR")
            origin = [phrase for label, cues in wordings for phrase in said_phrases(label, cues)]
            anchored = bool(corrects(a, origin))
            pairs += [(score, n, a, b) for n, b in enumerate(news) if points and (score := corrects(b, refs))
                      and (not anchored or corrects(b, origin))]
        taken: set[str] = set()
        for _, _, a, b in sorted(pairs, key=lambda p: (-p[0], p[1])):     # the nearest first; a tie: the first line
            if a not in renamed and b not in taken:
                renamed[a] = b
                taken.add(b)
    for kp, mine in owners.items() if renamed else ():
        if any(n in renamed for n in mine):
            doc.set(kp, ADDED, list(dict.fromkeys(renamed.get(n, n) for n in mine)))
    keep_listed(doc)


# the most words of a point's wording read as one phrase a Vocabulary name may be (`said_phrases`)
_PHRASE_WORDS = 5


def said_phrases(label: str, cues: Iterable[str] = ()) -> list[str]:
    """What a point's wording says that a Vocabulary name of its may be the spelling of: its names (`wording_names`)
    and every run of up to five of its words, any case, any spelling of a cue ("bed bureau" in "called the bed
    bureau": a name handed on by drop_unused to a point that says it in lower case)."""
    out = wording_names(label, cues)
    for text in [label, *(alt for cue in cues for alt in str(cue).split("|"))]:
        words = re.findall(r"[\w'&.-]+", text)
        out += [" ".join(words[i:j]) for i in range(len(words))
                for j in range(i + 1, min(i + _PHRASE_WORDS, len(words)) + 1)]
    return list(dict.fromkeys(out))


def corrects(new: str, names: Iterable[str]) -> float:
    """How near `new` is to the nearest of `names`, case aside, if near enough to be its correction
    (settings.VOCABULARY_CORRECTION_RATIO), else 0. A start of a name ("Agen" of "AGENCY NURSES") is near: the box
    commits at every pause while a name is retyped."""
    typed = new.strip().casefold()
    best = 0.0
    for name in names:
        name = name.casefold()
        score = 1.0 if typed and name.startswith(typed) else SequenceMatcher(a=typed, b=name, autojunk=False).ratio()
        best = max(best, score)
    return best if best >= VOCABULARY_CORRECTION_RATIO else 0.0


def point_paths_under(doc: BankDocument, path: NodePath) -> list[NodePath]:
    """The key points at or under `path` (a prompt's, a round's, or the point itself)."""
    return [kp for kp in doc.key_point_paths() if kp[:len(path)] == path]


def add_new_names(doc: BankDocument, point: NodePath, names: Iterable[str]) -> list[str]:
    """Put into the vocabulary those of `names` it lacks, and write them on `point` as put there by it. Returns them."""
    have = {v.casefold() for v in vocabulary(doc)}
    new = []
    for name in names:
        if name.casefold() not in have:
            have.add(name.casefold())
            new.append(name)
    if new:
        doc.set((), "vocabulary", vocabulary(doc) + new)
        _list_on(doc, point, added_by(doc, point) + new)
    return new


def drop_unused(doc: BankDocument, candidates: Iterable[str]) -> list[str]:
    """Take out of the vocabulary those of `candidates` (names a removed or reworded point put there) that no key
    point or prompt says any more and no remaining point lists as its own. Only the exact entries listed are taken:
    a case variant in the vocabulary was typed by the candidate (review34 2b). A one-word name is said only as
    written ("told" is no "Told", walk50); a longer one in any case. Returns the names taken."""
    wanted = set(candidates)
    words = vocabulary(doc)
    if not wanted or not words:
        return []
    points = {kp: "\n".join([str(doc.get(kp, "label") or ""), *(str(c) for c in doc.get(kp, "cues", []) or [])])
              for kp in doc.key_point_paths()}
    owned = {n for kp in points for n in added_by(doc, kp)}
    prompts = "\n".join(str(doc.get(("rounds", r, "prompts", j), "text") or "")
                        for r in range(doc.count((), "rounds")) for j in range(doc.count(("rounds", r), "prompts")))

    def says(text: str, name: str) -> bool:
        return bool(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE))

    def names(text: str, name: str) -> bool:
        """Whether a point's wording says `name` as a name: in any case if it has several words ("the bed bureau"),
        as written if one ("I told the families" does not say the name "Told": walk50)."""
        return says(text, name) if " " in name.strip() else bool(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text))
    gone = []
    for name in (v for v in words if v in wanted and v not in owned):
        heir = next((kp for kp, text in points.items() if names(text, name)), None)
        if heir is not None:            # still said by another point: it goes when that one goes (or is reworded)
            _list_on(doc, heir, added_by(doc, heir) + [name])
        elif not names(prompts, name):
            gone.append(name)
    if gone:
        doc.set((), "vocabulary", [v for v in words if v not in gone])
    return gone


def reworded(doc: BankDocument, point: NodePath, old_label: str, old_cues: Iterable[str]) -> tuple[list[str], list[str]]:
    """After `point`'s label or cues changed from (`old_label`, `old_cues`): the names only the old wording had
    and that the point put into the vocabulary go (unless said or owned elsewhere, drop_unused), and the names only
    the new wording has go in, written on the point. Returns (added, taken)."""
    label = str(doc.get(point, "label") or "")
    cues = [str(c) for c in doc.get(point, "cues", []) or []]
    new = wording_names(label, cues)
    old = {n.casefold() for n in wording_names(old_label, old_cues)}
    now = {n.casefold() for n in new}
    mine = added_by(doc, point)
    said = "\n".join([old_label, *(str(c) for c in old_cues)])
    # a name the old wording said and the new one does not; a spelling the candidate corrected in the Vocabulary
    # ("Bed Bureau" for the point's "Bed Bureu": vocabulary_edited) was never said, and stays until the point goes
    stale = [n for n in mine if n.casefold() not in now
             and (n.casefold() in old or re.search(rf"(?<!\w){re.escape(n)}(?!\w)", said, re.IGNORECASE))]
    if stale:
        doc.set(point, ADDED, [n for n in mine if n not in stale])
    taken = drop_unused(doc, stale)
    added = add_new_names(doc, point, [n for n in new if n.casefold() not in old])
    return added, taken
