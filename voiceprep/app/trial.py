"""Try a key point the way you would say it (Qt-free): the bank editor's "Try it" box.

A candidate types a sentence or two as she would say them; the real judge checks the edited question (its prompt
and all its points, as written now, saved or not) and says whether this point would be counted, the words that
carry it, and if not, why, with a short phrase of hers to add as a cue (walk50: "logged it on Datix" was not
credited for "I reported the unsafe staffing", and she could not tell while writing the point). Nothing typed is
kept. While the meaning-based judge's model is still loading (the app loads it at start), the words alone decide,
and the result says so rather than wait.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from voiceprep.app import judging, threads
from voiceprep.core.analysis import embedder as model
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.delivery import asks_for_story
from voiceprep.core.analysis.judge import OTHER_SUBJECTS, OWN_SUBJECTS, needed_part, tells_own_act
from voiceprep.core.analysis.keypoints import FUNCTION_WORDS, TokenIndex, match_key_point
from voiceprep.core.analysis.segments import PARTICIPLES, PAST, WHEN
from voiceprep.core.analysis.text import ED_NOT_PAST, tokenize
from voiceprep.core.banks.load import label_min_cues
from voiceprep.core.banks.model import Bank, KeyPoint
from voiceprep.core.transcript import Transcript
from voiceprep.settings import TRY_CUE_WORDS_MAX, TRY_CUES_TRIED, AnalysisSettings

STILL_LOADING = ("The meaning-based judge is still loading, so this was checked by its words only. "
                 "Try again in a moment for the full check.")
# words that say when, not what: a cue made of them ("next morning") would match any story. Core's `segments.WHEN`
# ("once", "ago", "last"...) and more: a step's order ("then", "next") and parts of the day say no act either; not all
# of text.TIME_UNITS ("night shift", "the second nurse" name things a cue may carry)
_WHEN = WHEN | frozenset({
    "next", "morning", "afternoon", "evening", "day", "days", "week", "weeks", "month", "months", "year", "years",
    "later", "then", "after", "before", "first", "soon", "today", "tomorrow"
})
# words that carry no story, for a cue to start or end on: the judge's FUNCTION_WORDS, and more, for it keeps the
# pronouns, "and"/"or" and "had"/"did" out of that list (it reads them: who did it, one part or two, when)
_LIGHT = FUNCTION_WORDS | frozenset({
    "i", "we", "you", "he", "she", "they", "it", "its", "a", "an", "the", "and", "or", "but", "so", "to", "of",
    "in", "on", "at", "for", "with", "by", "from", "as", "that", "this", "exactly", "really", "these", "those",
    "was", "were", "is", "are", "be", "been", "had", "has", "have", "did", "do", "does", "my", "our", "your",
    "their", "her", "his", "him", "them", "us", "me", "just", "very", "also", "which", "who", "when", "what",
    "there", "here", "up", "out", "about", "into", "over"
})


@dataclass(frozen=True)
class Trial:
    """What the judge made of the wording, for this one point."""

    counted: bool
    evidence: str | None = None     # the words that carry it (counted)
    how: str | None = None          # "by meaning", "cues: ..." (counted)
    reason: str | None = None       # why not, in plain words (not counted)
    cue: str | None = None          # a short phrase of hers to add as a cue (not counted)
    cues: tuple[str, ...] = ()      # the lines adding it writes into Cues (`cues_added`)
    words_only: bool = False        # the meaning-based judge did not run
    note: str | None = None         # why it did not (still loading, turned off, cannot load)

    def text(self) -> str:
        """The result as one plain paragraph (shown, and read by a screen reader)."""
        if self.counted:
            said = f"Counted: “{self.evidence}”" if self.evidence else "Counted."
            said += f" ({self.how})." if self.how else ("." if self.evidence else "")
        else:
            # neutral: she may have typed it to check it is NOT counted (walk55); any advice is offered "if" she meant it
            said = f"Not counted for this point: {_lowered(self.reason or 'the judge did not find it.')}"
        return f"{said} {self.note}" if self.note else said


def _lowered(reason: str) -> str:
    """A reason's first word in lower case to follow a colon ("Close, but …" -> "close, but …"), unless it is "I…",
    a word with a capital past its first letter ("PCI", "gRPC" keep theirs) or a quote (it starts with "“"). The
    reasons start with the judge's own words, so a name with one capital ("Datix") is lowered as any first word."""
    first = reason.split(" ", 1)[0]
    if not first[:1].isupper() or first[:1] == "I" and (len(first) == 1 or first[1] in "'’") \
            or any(c.isupper() for c in first[1:]):
        return reason
    return reason[:1].lower() + reason[1:]


# words that say someone was there, not what was done: "Mrs Patel came" is the scene of any story with her in it
_SCENE = frozenset({
    "came", "come", "comes", "coming", "went", "go", "goes", "going", "arrived", "got", "get", "gets", "said", "say",
    "says"
})
_TITLES = frozenset({"mrs", "mr", "ms", "miss", "dr"})
_PUNCT = re.compile(r"[,.;:!?()\"“”—–]+|\s-\s")
_WORD = re.compile(r"[\w'’-]*\w")


def _segments(said: str) -> list[list[str]]:
    """Her words, in the stretches punctuation leaves (a cue never runs across a comma: "clippers down, let")."""
    return [ws for part in _PUNCT.split(said) if (ws := _WORD.findall(part))]


# her own subjects ("I", "we", "I'd", "we've"...) and another's ("he", "she'd", "they've"...) are the judge's
# OWN_SUBJECTS and OTHER_SUBJECTS: it reads who acts in a clause the same way (`judge.acts_of_others`)

# words that join her clauses and keep their owner: not segments.SPOKEN_OPENERS ("and", "then", "so", "after", "um"),
# for "after" opens a clause of its own here (the scene: "after he snapped") and "but", "that" go on with the owner
_JOIN = frozenset({"and", "but", "so", "then", "that"})
# words that open a clause whose subject says whose it is ("when Mrs Patel came", "when I saw"): the judge's clause
# openers mix both kinds (and, so, that...), segments.CLAUSE_OPENERS has no "when", "after", "if"
_OPENS = frozenset({"when", "while", "whilst", "after", "before", "as", "once", "until", "since", "if", "because",
                    "although", "though"})


def _low(word: str) -> str:
    return word.lower().replace("\u2019", "'")          # "I’ve" as typed on a Mac


def _clauses(seg: list[str]) -> list[tuple[int, int]]:
    """Where a stretch of words splits into clauses: before "I"/"we" (not right after "and", "when"...), "when",
    "and", "so"... ("When Mrs Patel came to collect Bailey | I explained he had snapped | and that we had stopped")."""
    cuts = [i for i, w in enumerate(seg) if i and (_low(w) in OWN_SUBJECTS | _OPENS | (_JOIN - {"that"}))
            and not (_low(w) in OWN_SUBJECTS and _low(seg[i - 1]) in _JOIN | _OPENS)]
    edges = [0, *cuts, len(seg)]
    return list(zip(edges, edges[1:]))


def her_passive_by(words: Sequence[str]) -> tuple[int, int] | None:
    """Where the doer of a passive who is the candidate stands in `words`: (its "by", the end of whom it names), or None.
    A form of "be" or "get", a past participle after it, then "by" and whom the judge reads as her acting
    (`judge.tells_own_act`: "me", "us", "my team"; not "my manager"): "The family were told by me", "the rollback was
    run by my team". Not "Mrs Patel sat by me"; in "The bin by me was emptied by me", the second "by me" (fixDC: the
    first was taken, though it is "beside me")."""
    low = [_low(w) for w in words]
    for j, w in enumerate(low):
        if w != "by" or not tells_own_act(" ".join(low[j + 1:j + 3])):
            continue
        be = next((i for i in range(j) if low[i] in _PASSIVE_BE), None)
        if be is not None and any(v in PAST or v in PARTICIPLES or (v.endswith("ed") and v not in ED_NOT_PAST)
                                  for v in low[be + 1:j]):
            return j, j + 3 if low[j + 1] in ("my", "our") else j + 2     # "by my team", "by me"
    return None


def done_by_her(words: Sequence[str]) -> bool:
    """Whether a clause is a passive one whose doer is the candidate (`her_passive_by`)."""
    return her_passive_by(words) is not None


# the auxiliaries of a passive ("were told", "got logged")
_PASSIVE_BE = frozenset({"was", "were", "is", "are", "be", "been", "being", "got", "get", "gets"})


@dataclass(frozen=True)
class _Clause:
    words: tuple[tuple[str, bool], ...]     # each word, with whether it names someone or something
    hers: bool                              # says what she (or her team) did, not the scene


def _is_name(seg: list[str], i: int, opens: bool) -> bool:
    """Whether `seg[i]` names someone or something: a number, a title, or capitalised not opening a sentence (`opens`:
    `seg` does; a first word is a name only before another capitalised one: "Mrs Patel came", not "Logged it")."""
    w = seg[i]
    if any(ch.isdigit() for ch in w) or w.lower() in _TITLES:
        return True
    if not w[0].isupper() or w.lower() in _LIGHT:
        return False
    return not opens or i > 0 or (i + 1 < len(seg) and seg[i + 1][:1].isupper())


def _parts(said: str) -> list[_Clause]:
    """`said` in clauses, each word with whether it names (`_is_name`). A clause is hers when she is its subject or the
    doer of its passive (`done_by_her`: "The family were told by me"), not when it opens with a name or another's
    subject ("When Mrs Patel came to collect Bailey", "he snapped", "The next morning"); one with no subject
    of its own goes on from the clause before ("I rang her daughter, explained what had happened and apologised" is
    all hers)."""
    out: list[_Clause] = []
    for sentence in re.split(r"(?<=[.!?])\s+", said):
        hers = True               # "Rang her daughter." is hers too
        for k, seg in enumerate(_segments(sentence)):
            for lo, hi in _clauses(seg):
                at = next((i for i in range(lo, hi) if seg[i].lower() not in _JOIN), lo)
                opener, then = _low(seg[at]), _low(seg[at + 1]) if at + 1 < hi else ""
                if opener in OWN_SUBJECTS or done_by_her(seg[at:hi]):
                    hers = True       # "I told the family", "The family were told by me"
                elif opener in _OPENS:
                    hers = then in OWN_SUBJECTS
                elif _is_name(seg, at, opens=k == 0) or opener in _LIGHT or opener in OTHER_SUBJECTS:
                    hers = False      # someone else's doing ("Mrs Patel came", "he snapped", "The next morning")
                # else a verb going on from the clause before ("explained exactly what had happened"): its owner's
                out.append(_Clause(tuple((seg[i], _is_name(seg, i, opens=k == 0)) for i in range(lo, hi)), hers))
    return out


def _her_agent(clause: _Clause) -> tuple[int, int] | None:
    """Where the "by me" ("by us", "by my team") of a passive with her as its doer stands in the clause (its "by", and
    the end of whom it names: `her_passive_by`), so a cue offered from it keeps her as the doer: "Datix was logged"
    alone would credit anyone's logging (fixCT noticed). None when the clause is no such passive."""
    return her_passive_by([w for w, _ in clause.words])


def cue_phrases(said: str, label: str = "", words_max: int = TRY_CUE_WORDS_MAX, most: int = TRY_CUES_TRIED) -> list[str]:
    return [p for p, _hers in _ranked_phrases(said, label, words_max, most)]


def _ranked_phrases(said: str, label: str, words_max: int = TRY_CUE_WORDS_MAX,
                    most: int = TRY_CUES_TRIED) -> list[tuple[str, bool]]:
    """Short stretches of `said` (at most `words_max` words, in one clause, never across punctuation) to offer as a
    cue, best first: those in her own clauses (`_parts`), then those that carry most of its own words (names and
    numbers first, then words not in the point's `label`; not its time words: "The next morning I logged it on Datix"
    -> "logged it on Datix", then shorter ones), each starting and ending on such a word and saying what was done: a
    word that is no name, number, time or light word ("Mrs Patel came" is the scene, not the point: walk54); then its
    best single such word. Empty when it has none."""
    in_label = {w.lower() for w in re.findall(r"[\w'-]+", label)}
    words: list[str] = []
    scores: list[int] = []
    doing: list[bool] = []        # a word that says what was done
    alone: list[bool] = []        # a word that may be offered on its own
    spans = []
    for clause in _parts(said):
        start = len(words)
        agent = _her_agent(clause)         # "by me" of her passive: a phrase before it takes it along (fixCT noticed)
        for k, (w, name) in enumerate(clause.words):
            low = _low(w)
            done = not name and not (low in _LIGHT or low in OWN_SUBJECTS or low in OTHER_SUBJECTS or low in _WHEN
                                     or low in _SCENE or len(w) < 2 or agent is not None and agent[0] <= k < agent[1])
            words.append(w)
            alone.append(agent is None)    # a word of her passive alone ("logged") would lose "by me" too
            scores.append(3 if name else (1 if low in in_label else 2) if done else 0)
            doing.append(done)
        spans += [(clause.hers, sum(scores[a:b + 1]), -(b - a), -a, a,
                   start + agent[1] - 1 if agent and b < start + agent[0] else b)
                  for a in range(start, len(words)) if scores[a]
                  for b in range(a, min(len(words), a + words_max)) if scores[b] and any(doing[a:b + 1])]
    out: list[tuple[str, bool]] = []
    for hers, *_rank, a, b in sorted(spans, reverse=True):
        phrase = " ".join(words[a:b + 1])
        if b > a and phrase.lower() not in (o.lower() for o, _ in out):
            out.append((phrase, hers))
        if len(out) >= most - 1:
            break
    single = max((i for i in range(len(words)) if doing[i] and alone[i]), key=lambda i: (scores[i], -i), default=None)
    if single is not None and words[single].lower() not in (o.lower() for o, _ in out):
        out.append((words[single], False))
    return out[:most]


def controls(said: str) -> list[str]:
    """Sentences built from `said` that do not say the point, to check a cue against before it is offered: its scene
    (the clauses not hers, `_parts`: "When Mrs Patel came to collect Bailey") with her doing nothing of note, and its
    names and numbers on a day when nothing happened (walk54: "Mrs Patel came to collect Bailey at five and I said he
    had been a good boy, nothing to report" was counted by the cue "Mrs Patel came")."""
    parts = _parts(said)
    scene = " ".join(w for c in parts if not c.hers for w, _ in c.words)
    names = " ".join(dict.fromkeys(w for c in parts for w, name in c.words if name))
    return [*([f"{scene} and I said all was well, nothing to report."] if scene else []),
            *([f"{names} was there and it was an ordinary day: I said all was well, nothing to report."] if names else [])]


def cues_added(phrase: str) -> list[str]:
    """The lines "Add as a cue" adds to the point's Cues: her phrase alone. Since semantic-59 (judge71) a point with
    cues written no longer sets its label's words aside as a passing mention, so the label said as written is still
    counted beside a first cue in the cases measured (walk50, walk54: fixCH wrote the label's parts in as cues for it,
    p 1.00 -> 0.49 without them); where it is not, the result says so (`_cue_to_add`)."""
    return [phrase]


def with_cues(bank: Bank, prompt_id: str, point_id: str, cues: Sequence[str]) -> Bank:
    """The bank with `cues` added to a point's, as the bank file would give it (cues written replace those made from
    its label; then one is needed unless the file says more: a `min_cues` written is kept, as the loader keeps it, up
    to the cues there are).
    A point with cues from its label shows no written `min_cues` apart from the loader's default for them (half of
    them); one written equal to that default is taken as not written."""
    def point(k: KeyPoint) -> KeyPoint:
        if k.id != point_id:
            return k
        if k.cues_from_label:
            written = k.min_cues != label_min_cues(k.cues)      # the loader's default for cues made from the label
            # a "Cues needed" written above the cues there now are is lowered to them, as the editor then writes it
            # (read40c: 2 needed of 1 cue does not load)
            return dataclasses.replace(k, cues=tuple(cues), min_cues=min(k.min_cues, len(cues)) if written else 1,
                                       cues_from_label=False)
        return dataclasses.replace(k, cues=(*k.cues, *cues))
    rounds = tuple(dataclasses.replace(r, prompts=tuple(
        dataclasses.replace(p, key_points=tuple(point(k) for k in p.key_points)) if p.id == prompt_id else p
        for p in r.prompts)) for r in bank.rounds)
    return dataclasses.replace(bank, rounds=rounds)


def _counted(bank: Bank, prompt_id: str, point_id: str, said: str, settings: AnalysisSettings) -> bool:
    a = analyze_answer(bank, bank.prompt(prompt_id), Transcript.from_text(said), settings, heard=True)
    return any(r.hit for r in a.key_points if r.key_point.id == point_id)


def _nearest_first(phrases: list[tuple[str, bool]], label: str, settings: AnalysisSettings) -> list[str]:
    """`phrases` (each with whether it is in her own clauses), hers first, and within each, those of more than one word
    nearest the point's label in meaning first (when the meaning-based judge runs): of "stopped halfway" and "explained
    he had snapped", the second for "I told the owner honestly what happened" (walk54). Single words stay last."""
    several = [(p, hers) for p, hers in phrases if " " in p]
    embedder = model.get_embedder() if settings.semantic_judge and len(several) > 1 else None
    if embedder is None:
        return [p for p, _ in phrases]
    vectors = embedder.embed([needed_part(label), *(p for p, _ in several)])
    near = vectors[1:] @ vectors[0]
    ranked = sorted(zip(several, near), key=lambda x: (not x[0][1], -x[1]))
    return [*(p for (p, _), _ in ranked), *(p for p, _ in phrases if " " not in p)]


def _cue_to_add(bank: Bank, prompt_id: str, point: KeyPoint, said: str,
                settings: AnalysisSettings) -> tuple[str | None, bool, bool]:
    """The phrase of `said` to offer as a cue, whether the point's own words (its label said as it is) would still be
    counted once it is added (with `cues_added`), and whether a phrase that got `said` counted was held back. Each
    candidate (`cue_phrases`, `_nearest_first`) is checked by the judge: one that gets `said` counted but also a
    sentence built from hers that does not say the point (`controls`; one the judge did not count before) is held
    back, so a cue offered carries the point, not the scene (walk54); of the rest, the first that keeps the label
    counted (or any, when the label was not counted before either), else the first; None when none does."""
    own = {c.lower() for c in point.cues if not point.cues_from_label}
    label_counted = _counted(bank, prompt_id, point.id, point.label, settings)     # checked once (fixCO)
    checks = controls(said)
    before: dict[str, bool] = {}            # each control as the bank now judges it

    def loose(changed: Bank) -> bool:
        for control in checks:
            if control not in before:
                before[control] = _counted(bank, prompt_id, point.id, control, settings)
            if not before[control] and _counted(changed, prompt_id, point.id, control, settings):
                return True
        return False
    first: str | None = None
    held = False
    for phrase in _nearest_first(_ranked_phrases(said, point.label), point.label, settings):
        if phrase.lower() in own:
            continue
        lines = cues_added(phrase)
        changed = with_cues(bank, prompt_id, point.id, lines)
        if not _counted(changed, prompt_id, point.id, said, settings):
            continue
        if loose(changed):
            held = True
            continue
        if not label_counted or _counted(changed, prompt_id, point.id, point.label, settings):
            return phrase, True, held
        first = first or phrase
    return first, first is None, held


def _cues_written(point: KeyPoint, said: str, settings: AnalysisSettings) -> list[str]:
    """The words of `said` that say one of the point's cues (the bank's, or its label's words), as the plain cue matcher
    finds them before the judge sets anything aside (a view, a habit, things kept as they were), one per cue. [] where
    the matcher does not count the point by them (judge76: one cue of two needed is no cue "in your words already")."""
    raw = said.split()
    index = TokenIndex(tokenize(raw), settings)
    result = match_key_point(point, index)
    if not result.hit:
        return []
    return list(dict.fromkeys(" ".join(w.strip(" ,.;:!?\"“”") for w in raw[index.tokens[m.first].word:
                                                                               index.tokens[m.last].word + 1])
                              for m in result.matches))


# the judge's advice on how to say a point (app.judging's reasons: "Say what you did or changed.", "Make it your point:
# say it plainly, in one sentence of its own."), after what it quotes of the answer
_ADVICE = re.compile(r"(?:^|(?<=[.!?…”]))\s+((?:Say|Make it)\b.*)$", re.S)


def judged_advice(reason: str) -> tuple[str, str]:
    """A missed point's reason (judging's `detail`) split into why and the advice after it, if any: ("Close, but said
    as something left as it was or taken back, not as what you did: “We kept the tokens.”", "Say what you did or
    changed."). The advice is looked for after the quote of the answer only (a quote may hold "Say")."""
    reason = reason.strip()
    end = reason.rfind("”") + 1
    found = _ADVICE.search(reason, end) if end else _ADVICE.search(reason)
    if found is None or end and found.start() < end:
        return reason, ""
    return reason[:found.start()].rstrip(), found.group(1).strip()


def try_point(bank: Bank, prompt_id: str, point_id: str, said: str,
              settings: AnalysisSettings | None = None, wait: bool = True) -> Trial:
    """Judge `said` (typed, as the candidate would say it) as an answer to the bank's prompt, and tell what it made of
    the point `point_id`. Never on the GUI thread. The model not loaded yet: loaded first (`wait`), else the words
    alone decide and the result says so (the bank editor: the app loads it at start, on its own lane)."""
    threads.check("trying a key point's wording")
    settings = settings or AnalysisSettings()
    if not said.strip():
        raise ValueError("Type a sentence or two the way you would say it, then check it.")
    prompt = bank.prompt(prompt_id)
    point = next((k for k in prompt.key_points if k.id == point_id), None)
    if point is None:
        raise KeyError(f"no key point {point_id!r} in question {prompt_id!r}")
    note = None
    if settings.semantic_judge and not wait and not model.settled():
        settings, note = dataclasses.replace(settings, semantic_judge=False), STILL_LOADING
    # heard: the words are read as Practice reads them said aloud (its transcript's words also match by sound), so Try
    # it counts and quotes what Practice would (walk57 2c: "find" heard as "found" in Practice, not in Try it)
    a = analyze_answer(bank, prompt, Transcript.from_text(said), settings, heard=True)
    doc = judging.feedback_document(a, "typed")
    k = next(k for k in doc["key_points"] if k["id"] == point_id)
    words_only = a.judge.method != "semantic"
    if note is None and words_only:
        note = f"Checked by its words only: {a.judge.message}." if a.judge.message else "Checked by its words only."
    if k["hit"]:
        first = (k["evidence"] or [{}])[0]
        return Trial(True, evidence=first.get("text"), how=first.get("note"), words_only=words_only, note=note)
    why, advice = judged_advice(k["detail"] or "The judge did not find this point in what you wrote.")
    reason = why if why[-1:] in (".", "?", "!", "…", "”") else f"{why}."
    cue, keeps, held = _cue_to_add(bank, prompt_id, point, said, settings)
    # neutral first (fixCY): the judge's advice on how to say it ("Say what you did or changed.") is for one who
    # meant it to count, so it follows that heading, as every cue is (fixDC; mendC noticed it before)
    # ... after a comma when the advice has a colon of its own ("Make it your point: say it plainly": read42a 5)
    meant = (" If you meant it to count," if ":" in advice else " If you meant it to count:") + \
        (f" {advice[:1].lower()}{advice[1:]}" if advice else "")
    if cue is None and held:
        reason += (meant + (" Each" if advice else " each") + " short phrase of yours that would count it would also "
                   "count unrelated sentences, so a cue would have to say what you did (the action and what it was "
                   "done to).")
        return Trial(False, reason=reason, words_only=words_only, note=note)
    written = _cues_written(point, said, settings) if cue is None else []
    if written:       # walk55 1: set aside for how it is said, not for its words ("we only kept tokens …")
        # the reason's own "Say what you did…" is not said twice (judge76): it stands for the plain advice
        reason += (f" If you meant it to count: its cues are in your words already ({', '.join(f'“{w}”' for w in written)}), "
                   "so a cue would not change this: the judge set the sentence aside for how it is said. "
                   + (advice or "Say it plainly as something you did, in a sentence of its own."))
        return Trial(False, reason=reason, words_only=words_only, note=note)
    if cue is None:
        # the advice said, its clause is not said again; a question that does not ask what she did is never told to
        # say what she did (judging's `_detail`, walkthrough 11); read42a 5
        how = "" if advice else ("say it as something you did, in a sentence of its own, or " if asks_for_story(prompt.text)
                                 else "say it plainly, in a sentence of its own, or ")
        reason += (meant + (" No cue from your words would make it count either; you could also reword the point closer "
                            "to how you would say it." if advice else
                            f" no cue from your words would make it count either; {how}reword the point closer to how "
                            "you would say it."))
        return Trial(False, reason=reason, words_only=words_only, note=note)
    reason += meant + (" Added" if advice else " added") + f" as a cue, “{cue}” would make it count."
    if not keeps:
        reason += " But the point said in its own words would then no longer count: add a cue for them too."
    return Trial(False, reason=reason, cue=cue, cues=tuple(cues_added(cue)), words_only=words_only, note=note)
