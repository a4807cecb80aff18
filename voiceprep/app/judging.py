"""Judge an answer and describe the result as data: the feedback document the view renders and the history stores.

The document is what the candidate saw. History shows the stored document, never a re-run of a newer judge;
`rejudge` is the explicit way to score an old answer again. Only this module knows the judge's result types,
so when the judge changes, this is the one place to follow it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from voiceprep.app import threads
from voiceprep.core.analysis import embedder as model
from voiceprep.core.analysis.analyze import AnswerAnalysis, analyze_answer
from voiceprep.core.analysis.delivery import NOT_MEASURED_TYPED, asks_for_story
from voiceprep.core.analysis.figures import slip_note
from voiceprep.core.analysis.followups import (
    asked_follow_up,
    asked_next,
    missed_question,
    prompt_follow_up,
    said_as_done,
    second_person,
)
from voiceprep.core.analysis.judge import needed_part, other_questions, prompt_texts, question_texts
from voiceprep.core.analysis.scoring import delivery_part
from voiceprep.core.analysis.text import stem
from voiceprep.core.banks.load import _STOPWORDS
from voiceprep.core.banks.model import Bank, Prompt
from voiceprep.core.history.store import TYPED, AttemptRecord, Row
from voiceprep.core.transcript import Transcript
from voiceprep.core.wording import score_text
from voiceprep.settings import AnalysisSettings

DOCUMENT_FORMAT = 1
_UNTIMED = ("duration_s", "speaking_s", "wpm")


def judge_version(a: AnswerAnalysis | None = None) -> str:
    """The judge that scored `a` (stored with each attempt, so old scores are read as what they were):
    the meaning-based judge's version, or "lexical" when it could not run and word matching alone decided."""
    from voiceprep.core.analysis import judge as judge_module

    method = getattr(getattr(a, "judge", None), "method", "semantic")
    return str(getattr(judge_module, "JUDGE_VERSION", "cues-1")) if method == "semantic" else "lexical"


def run_judge(bank: Bank, prompt: Prompt, transcript: Transcript, settings: AnalysisSettings | None,
              follow_up: bool = False, drilled: Sequence[str] | None = None) -> AnswerAnalysis:
    """The judge, never on the GUI thread (`follow_up`: the answer answers the interviewer's follow-ups; `drilled`:
    the points a drill asked for, by label)."""
    threads.check("judging an answer")
    return analyze_answer(bank, prompt, transcript, settings, follow_up=follow_up, drilled=drilled)


def prepare_judge(prompt: Prompt, settings: AnalysisSettings | None = None, bank: Bank | None = None) -> int:
    """Embed, in one call, the texts the judge embeds for `prompt` whatever the answer (`judge.prompt_texts`), so its
    first answer is judged as fast as the next (perf36: the first took 0.6-1.3 s more, nine small model calls), with
    the texts of `bank`'s other questions, which `judge.nearer_another` weighs every answer against (judge80). After
    the bank's first question those are the embedder's cache hits (mendF measured 0.009-0.017 ms for a bank's 18-33
    questions), and again embedded only when a bank is edited or the cache lost them. Never on the GUI thread; loads
    the model if it is not yet. How many texts it gave the embedder (0: the meaning-based judge is off or cannot
    run)."""
    threads.check("preparing the judge for a question")
    if not (settings or AnalysisSettings()).semantic_judge:
        return 0
    embedder = model.get_embedder()
    if embedder is None:
        return 0
    others = question_texts(other_questions(bank.all_prompts(), prompt)) if bank is not None else []
    texts = list(dict.fromkeys([*prompt_texts(prompt), *others]))
    embedder.embed(texts)
    return len(texts)


def _attr(obj: object, name: str, default: Any = None) -> Any:
    return getattr(obj, name, default)


def _shown_cue(cue: str) -> str:
    """A cue as a candidate reads it: "{number} percent" is "N percent"."""
    return cue.replace("{number}", "N").replace("|", " / ")


def _said(text: str) -> str:
    """Words of the answer as said, without the punctuation around them ("locks," -> "locks")."""
    return text.strip().strip(",.;:!?\"“”()")


MAX_CUE_EVIDENCE = 4        # cue matches listed for a point judged by its words alone


def _evidence(a: AnswerAnalysis, result: Any) -> list[Row]:
    """The sentence that carries the point ("by meaning", naming the cue words inside it), else the words that
    matched a cue, with times. Cue words elsewhere in the answer are not listed beside a sentence that carries the
    point: a walkthrough found 7-10 per point, some from unrelated sentences ("customers" at 0:01)."""
    found = list(a.evidence.get(result.key_point.id) or [])
    note = ""
    # a key point written without cues is matched on its own words: not called cues (walk21: "cues: marketplace,
    # checkout" under a point whose candidate wrote none); beside the sentence that carries it, the words it shares
    plain = result.key_point.cues_from_label
    cues, cue = ("shares", "said") if plain else ("cues", "cue")
    meaning = next((ev for ev in found if _attr(ev, "how", "words") in ("meaning", "sentence")), None)
    if meaning is not None:
        first, last = _attr(meaning, "first_word"), _attr(meaning, "last_word")
        # the cue words as the candidate said them ("I wrote", "forty percent"), not the cue they matched ("I
        # rewrote", "{number} percent"): walkthrough 14 read "cues: I rewrote" under a sentence that said "I wrote"
        cued = [ev for ev in found if ev is not meaning and _attr(ev, "cue") and first is not None
                and last is not None and first <= _attr(ev, "first_word", -1) <= last]
        inside = [said for ev in cued if (said := _said(ev.text)) and not any(   # "lock" inside "lock contention"
                  o is not ev and o.first_word <= ev.first_word and ev.last_word <= o.last_word
                  and (o.first_word, o.last_word) != (ev.first_word, ev.last_word) for o in cued)]
        # a key point without cues is judged by its meaning, as the bank editor says, even when its own words carried
        # the verdict: not "by its words" (walk23: "by its words · said: payouts" on a bank with no cues)
        by = "by meaning" if plain or _attr(meaning, "how") == "meaning" else "by its words"
        # ... and cue words that counted for nothing (judge53: "order", a trade's, for "..., ordering", in a story told
        # for another question) are not named beside it as if they had: the point was ticked by meaning alone
        judged = getattr(result, "judgement", None)
        if not plain and judged is not None and judged.features.lexical == 0:
            inside = []
        note = by + (f" · {cues}: {', '.join(dict.fromkeys(inside))}" if inside else "")
        found = [meaning]
    out = []
    for ev in found[:MAX_CUE_EVIDENCE]:
        matched = _attr(ev, "cue")
        shown = note if ev is meaning else _attr(ev, "note") or (f"{cue}: {_shown_cue(matched)}" if matched else None)
        out.append({"text": ev.text, "start": ev.start if a.timed else None, "end": ev.end if a.timed else None,
                    "first_word": _attr(ev, "first_word"), "last_word": _attr(ev, "last_word"), "note": shown})
    if out:
        out[0]["note"] = noted_slip(out[0]["note"], result.key_point.label, out[0]["text"], cue_word=meaning is None)
    return out


def noted_slip(note: str | None, label: str, quote: str, cue_word: bool) -> str | None:
    """A quote's note with what it says of a figure one digit off the point's (`slip_note`: "99.5%" for "99.95%", a
    transcription slip, walk46), left to the candidate to check: the point stands, the quote would read wrong without
    a word. Only beside a sentence that carries the point, not a cue word quoted alone (`cue_word`). The one rule for
    the live feedback (`_evidence`) and History's document rebuilt from the stored rows (`stored_document`)."""
    slip = "" if cue_word else slip_note(label, quote or "")
    return " · ".join(n for n in (note, slip) if n) or note


def by_weight(points: list[dict[str, Any]]) -> str:
    """Key points of unequal weight, what the covered ones weigh: "by weight 1 of 2.5" ("" when all weigh the same:
    "1 of 2" is then the share). Walk15: "1 of 2 key points" beside 40, the points weighted 1 and 1.5, unexplained."""
    weights = [k.get("weight") or 1.0 for k in points]
    if len(set(weights)) < 2:
        return ""
    hit = sum(w for w, k in zip(weights, points) if k.get("hit"))
    return f"by weight {round(hit, 2):g} of {round(sum(weights), 2):g}"


DELIVERY_ALONE = "from delivery alone (no key point here is about it)"


def delivery_alone(aspects: tuple[str, ...], said: dict[str, float | None] | None = None, typed: bool = False) -> str:
    """The basis of a competency no key point of the question holds, scored from how the answer was said alone
    (issue 11 item 4: its bar said "how you said it 87", not where the 87 came from): "from delivery alone (no key
    point here is about it): pace 90, fillers 100, hedges 70", each aspect the bank ties to it with its score (they
    average to the bar's); one not measured is said so; with no scores (a stored answer), the aspects alone."""
    if not said:
        return f"{DELIVERY_ALONE}: {', '.join(aspects)}"
    measured = [f"{a} {score_text(v)}" for a in aspects if (v := said.get(a)) is not None]
    missing = [a for a in aspects if said.get(a) is None]
    why = NOT_MEASURED_TYPED if typed else "not measured here"
    return f"{DELIVERY_ALONE}: {', '.join(measured)}" + (f"; {', '.join(missing)} {why}" if missing else "")


# a competency scored from delivery alone on an answer about something else (walk47: "Polished communicator 97"
# beside 0 of 6 points and an overall of 9): what its number is, and is not, said beside it
NOT_WHAT_YOU_SAID = "how it was said, not what: this answer talked about something else"


def _basis(comp: Any, cid: str, key_points: list[dict[str, Any]],
           said: dict[str, float | None] | None = None, typed: bool = False, off_topic: bool = False) -> str:
    """What a competency's score here rests on, so "Excited about Airwallex 0" reads as "0 of 1 key point"; with
    the answer's delivery scores (`said`), how much of it is delivery: "0 of 1 key point + how you said it 87
    (30% of this score)" (walkthrough 11: "Polished communicator 26: 0 of 1 key point + how you said it"). A
    `typed` answer's delivery was not measured, and counts for nothing: said so, with no number (walk14: "how you
    said it 100"). On an `off_topic` answer a score from delivery alone says it is not about what was said."""
    mine = [k for k in key_points if k.get("competency") == cid]
    if comp is not None and comp.delivery and comp.delivery_weight and not mine:
        return delivery_alone(comp.delivery, said, typed) + (f" — {NOT_WHAT_YOU_SAID}" if off_topic else "")
    weighted = by_weight(mine)
    parts = [f"{sum(1 for k in mine if k['hit'])} of {len(mine)} key point{'s' if len(mine) != 1 else ''}"
             + (f" ({weighted})" if weighted else "")] if mine else []
    if comp is not None and comp.delivery and comp.delivery_weight:
        value = delivery_part(comp, said) if said else None
        if value is None:
            parts.append(f"how you said it: {NOT_MEASURED_TYPED}" if typed else "how you said it")
        else:
            share = f" ({comp.delivery_weight:.0%} of this score)" if mine else ""
            parts.append(f"how you said it {score_text(value)}{share}")
    return " + ".join(parts)


# words that say nothing of a point whatever the question: function words, fillers and the light verbs any sentence
# is built with (walkthrough 10: "you said “we kind”, “went”"). Content words are judged by the question instead
# (common_words): a hand-kept list of "words any answer says" dropped "team" even for a point about a team.
_LIGHT_WORDS = _STOPWORDS | frozenset({
    "kind", "sort", "like", "thing", "things", "stuff", "lot", "lots", "bit", "way", "well", "yeah", "yes", "okay",
    "ok", "um", "uh", "go", "goes", "going", "went", "gone", "get", "gets", "got", "getting", "make", "makes", "made",
    "do", "doing", "take", "takes", "took", "taken", "come", "came", "put", "want", "wanted", "need", "know", "think",
    "said", "one", "i'm", "it's", "we're", "that's", "there's", "don't", "didn't", "up", "down", "now", "here", "even",
    "still", "many", "much", "something", "anything", "everything",
})
_LIGHT_STEMS = frozenset(stem(w) for w in _LIGHT_WORDS - _STOPWORDS)      # "wants", "needs", "things"
_WORD = re.compile(r"[a-z][a-z'-]*")


def _stems(text: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(text.lower()) if w not in _LIGHT_WORDS} - _LIGHT_STEMS


def common_words(bank: Bank, prompt: Prompt) -> frozenset[str]:
    """Stems of words that tell no key point of `prompt` from another, so a "Partly there" line does not quote them:
    the question's own words (an answer says them back), words more than half of its key points share, and words
    in the key points of more than half of the bank's questions (walk20: "you said “working”, “problems”" on a
    generic answer). Measured on the bundled banks in docs/benchmarks.md (session 23, fix42)."""
    common = _stems(prompt.text)
    for labels in ([k.label for k in prompt.key_points],
                   [" ".join(k.label for k in p.key_points) for p in bank.all_prompts()]):
        if len(labels) >= 3:            # one or two: "shared by most" would be every word of them
            counts = Counter(s for label in labels for s in _stems(label))
            common |= {s for s, n in counts.items() if n > len(labels) / 2}
    return frozenset(common)


def _carries(word: str, common: frozenset[str] = frozenset()) -> bool:
    """A word that says something of a point: not a function word or one of the question's `common` words, and
    longer than two letters unless a number or an acronym ("80", "AI", "QA": review 13)."""
    low = word.lower()
    return bool(word) and low not in _LIGHT_WORDS and stem(low) not in _LIGHT_STEMS | common and (
        len(word) > 2 or any(ch.isdigit() for ch in word) or (len(word) > 1 and word.isupper()))


def _meaningful(fragment: str, common: frozenset[str] = frozenset()) -> str | None:
    """The words of a heard fragment worth quoting back (not a lone function word), or None."""
    words = [w.strip(" ,.;:!?\"“”") for w in fragment.split()]
    if not any(_carries(w, common) for w in words):
        return None
    return " ".join(w for w in words if w)


def _detail(result: Any, heard: list[str] | None = None, story: bool = True,
            common: frozenset[str] = frozenset()) -> str | None:
    """Why a missed point was missed, when the judge says (said only negatively or hypothetically, partly there).

    `heard`: the answer's own words that matched the point's cues, quoted rather than the cue ("Mentoring", not
    the cue "monitoring" it sounded like). `story`: the question asks what the candidate did; a point of a question
    that does not ("Say what Airwallex builds") is not told "Say what you did" (walkthrough 11). `common`: stems
    of words that tell no point of the question from another (common_words), not quoted."""
    given = _attr(result, "detail")
    if given:
        return str(given)
    if result.hit:
        return None
    judgement = _attr(result, "judgement")
    excluded = list(_attr(judgement, "excluded", None) or [])
    if excluded and _attr(excluded[0], "text"):
        said = excluded[0].text.rstrip(" ,;:-–—")   # ends at its clause: no dangling comma before "Say what you did."
        return {"not done": f"Close, but said as not done: “{said}”",
                "hypothetical": f"Close, but said as something you would do, not something you did: “{said}”",
                # the point states a number or asks for one, and the answer says none (walk38: "The forecasts got a
                # lot fresher." for "...from two days to four hours" was told "Say what you did")
                "number": f"Close, but without the number: “{said}” Say it with the number.",
                # walk55 1: "We just kept tokens from the processor." is no general remark: kept as it was
                "taken back": f"Close, but said as something left as it was or taken back, not as what you did: "
                              f"“{said}” Say what you did or changed.",
                # judge83: "In March p95 latency went from 300 ms to 4 seconds" for "I shipped a fix and measured
                # latency before and after" is no general remark: it says the opposite
                "opposite": f"Close, but it says the opposite of the point: “{said}”" + (
                    " Say what you did and what changed." if story else ""),
                "general": f"Close, but said as a general remark or a view, not as what you did: “{said}” "
                           "Say what you did." if story else
                           f"Close, but it came out as a passing remark: “{said}” Make it your point: say it "
                           "plainly, in one sentence of its own."}.get(_attr(judgement, "excluded_why", "") or "",
                                                    f"Close, but said as not done or hypothetical: “{said}”")
    matches = list(_attr(result, "matches", None) or [])
    if not matches:
        return _cue_asked(result, judgement)
    cues = list(dict.fromkeys(c.split("|")[0] for c in (_attr(m, "cue") for m in matches) if c))
    # not "1 of 2 cues": with the judge by meaning, cue counts are hints, and another point may be credited
    # with fewer of them; say what was heard and what is missing
    words = list(dict.fromkeys(m for w in heard or [] if (m := _meaningful(w, common))))
    if heard and not words:
        return None     # only function words heard ("we kind", "went": walkthrough 10), no part of the point
    probability = _attr(judgement, "probability")
    if (probability is not None and probability < AnalysisSettings.partly_there_min_probability
            and _attr(_attr(result, "key_point"), "cues_from_label", False)
            and len({w.lower() for w in words} or set(cues)) < 2):
        return None     # one plain word of the label said in passing ("day") is not part of the point
    said = (f"you said {', '.join(f'“{w}”' for w in words)}" if words else
            f"you mentioned {', '.join(cues)}" if cues else "you touched on it")
    missing = _missing_parts(str(_attr(_attr(result, "key_point"), "label", "") or ""), [*words, *cues], common)
    if missing:
        return f"Partly there: {said}, but not yet {missing}."
    return f"Partly there: {said}, but not the whole point. Say it in one clear sentence."


# a point whose bank asks for one of its words to be said (`cues`, `min_cues`), close in meaning but none said (walk67 2)
CUE_ASKED = ("Close, but this key point counts only when you say {words}: its bank asks for those words. If your own "
             "words should count, try them on the point in the bank editor (Try it).")
CUE_ASKED_SHOWN = 6             # words listed; the rest as "…"


def _cue_asked(result: Any, judgement: Any) -> str | None:
    """Why a point close in meaning was not credited when the bank wrote its cues and none was said: the bank asks for
    them (`min_cues`), so a plain description is not enough (walk67 2: "Every morning we matched the processor
    settlement file against our ledger…" for "Closing the loop: reconciliation caught what the flow missed", a red ✗
    with nothing said why). Said only when the judge found the point at least `cue_asked_min_probability` likely.
    Each cue's forms said once ("mismatch", not "mismatches" too); with more than one needed, each cue's forms joined
    by "or"."""
    kp = _attr(result, "key_point")
    probability = _attr(judgement, "probability")
    if (kp is None or _attr(kp, "cues_from_label", False) or not _attr(kp, "cues", ()) or probability is None
            or probability < AnalysisSettings.cue_asked_min_probability):
        return None
    needed = max(1, min(int(_attr(kp, "min_cues", 1) or 1), len(kp.cues)))
    groups = []
    for cue in kp.cues:
        forms = list({stem(w.lower()): w for w in reversed(cue.split("|")) if w.strip()}.values())[::-1]
        groups.append(forms)
    words = [w for g in groups for w in g] if needed == 1 else [" or ".join(g) for g in groups]
    listed = ", ".join(words[:CUE_ASKED_SHOWN]) + (", …" if len(words) > CUE_ASKED_SHOWN else "")
    if len(words) == 1:
        return CUE_ASKED.format(words=f"“{words[0]}”")
    return CUE_ASKED.format(words=f"{'one' if needed == 1 else needed} of: {listed}")


def _missing_parts(label: str, said: list[str], common: frozenset[str] = frozenset()) -> str | None:
    """The parts of a point not said yet, as a candidate reads them ("how you drove the change"), or None when it
    has one part or every part was said (walk23). Its parts: the list after its colon, else its comma-joined
    clauses ("you proposed it, prototyped or benchmarked it, and drove the change"); a part is said when one of
    its own words (not a function word or one of the question's `common` words) was."""
    text = needed_part(re.sub(r"\s*\([^)]*\)", "", label))     # not what it contrasts away ("..., not just ...")
    text = text.split(":", 1)[1] if ":" in text else text
    parts = [p.strip() for p in re.split(r"[;,]\s*(?:and\s+|or\s+)?", text) if p.strip()]
    heard = {s for w in said for s in _stems(w)}
    left = [p for p in parts if (own := _stems(p) - common) and not own & heard]
    if len(parts) < 2 or not left or len(left) == len(parts):
        return None
    done, things = [], []
    for part in left:
        words = part.split()
        if words[0].lower() in ("i", "we", "you") and len(words) > 1:
            done.append(" ".join(words[1:]))
        elif said_as_done(words[0].lower()):
            done.append(part[0].lower() + part[1:])
        else:
            things.append(part if words[0].isupper() else part[0].lower() + part[1:])
    named = ([f"how you {' and '.join(done)}"] if done else []) + things
    return second_person(", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else named[0])


def feedback_document(a: AnswerAnalysis, input: str | None = None) -> Row:
    """Everything the feedback view shows for one judged answer, as plain JSON-able data."""
    bank, prompt = a.bank, a.prompt
    kind = input or ("voice" if a.timed else TYPED)
    follow = {f["key_point_id"]: f["question"] for f in a.follow_ups}
    story, common = asks_for_story(prompt.text), common_words(bank, prompt)
    key_points = [{
        "id": r.key_point.id, "label": r.key_point.label, "competency": r.key_point.competency,
        "weight": r.key_point.weight, "hit": bool(r.hit), "confidence": r.confidence,
        "evidence": _evidence(a, r) if r.hit else [],
        "detail": _detail(r, [ev.text for ev in a.evidence.get(r.key_point.id) or [] if _attr(ev, "cue")], story,
                          common),
        "follow_up": None if r.hit else follow.get(r.key_point.id) or asked_follow_up(r.key_point, bank),
    } for r in a.key_points]
    competencies = []
    for cid, score in a.competencies.items():
        comp = bank.competency(cid)
        competencies.append({"id": cid, "name": comp.name if comp else cid,
                             "weight": comp.weight if comp else None, "score": score,
                             # its share of the overall when no key point here holds it (scoring.overall_shares)
                             "delivery_weight": comp.delivery_weight if comp else None,
                             "basis": _basis(comp, cid, key_points, _attr(a, "delivery_scores"), not a.timed,
                                            bool(_attr(a, "off_topic")))})
    delivery = a.delivery.to_dict()
    if not a.timed:
        delivery.update({k: None for k in _UNTIMED})
    return {
        "format": DOCUMENT_FORMAT, "judge": judge_version(a), "input": kind, "timed": a.timed,
        "judge_note": _attr(_attr(a, "judge"), "message"),
        "bank": {"id": bank.id, "title": bank.job.title, "company": bank.job.company},
        "prompt": {"id": prompt.id, "text": prompt.text, "target_seconds": prompt.target_seconds},
        "overall": a.overall, "coverage": a.coverage,
        "hits": sum(1 for k in key_points if k["hit"]), "total": len(key_points),
        "competencies": competencies, "key_points": key_points,
        "follow_ups": [f["question"] for f in a.follow_ups], "delivery": delivery,
        "transcript": a.transcript.to_dict(),
    }


def stored_part(doc: Row) -> Row:
    """The document as stored: without the transcript, which the history keeps once, in its own table."""
    return {k: v for k, v in doc.items() if k != "transcript"}


def whole(stored: Row, transcript: Row | None) -> Row:
    """A stored document with its transcript put back."""
    return {**stored, "transcript": transcript or {"text": "", "segments": []}}


def attempt_record(a: AnswerAnalysis, input: str, settings: Row | None = None,
                   audio_path: Path | None = None) -> AttemptRecord:
    """The rows the history stores for a judged answer (typed answers: no duration, no pace)."""
    doc = feedback_document(a, input)
    d = a.delivery
    timed = a.timed and input != TYPED
    rows = []
    for k in doc["key_points"]:
        first = k["evidence"][0] if k["evidence"] else None
        cue = (first or {}).get("note") or ""
        rows.append({"key_point_id": k["id"], "label": k["label"], "competency": k["competency"],
                     "weight": k["weight"], "hit": int(k["hit"]), "confidence": k["confidence"],
                     "cue": cue[5:] if cue.startswith("cue: ") else None,
                     "evidence": first["text"] if first else None, "start": first["start"] if first else None,
                     "end": first["end"] if first else None})
    delivery = {
        "wpm": d.wpm if timed else None, "fillers_total": d.fillers["total"],
        "fillers_per_min": d.fillers.get("per_minute") if timed else None,
        "fillers_approx": int(bool(d.fillers.get("approximate"))), "long_pauses": len(d.long_pauses),
        "hedges": d.hedges["total"], "numbers": len(d.numbers), "repeated": len(d.repeated_phrases),
        "star_present": len(d.star.get("present", [])), "star_in_order": int(bool(d.star.get("in_order"))),
        "i_share": d.ownership.get("i_share"),
    }
    return AttemptRecord(
        transcript=a.transcript, input=input, duration_s=d.duration_s if timed else None, coverage=a.coverage,
        overall=a.overall, competencies=dict(a.competencies), key_points=rows, delivery=delivery,
        delivery_json=doc["delivery"], feedback=stored_part(doc), judge=doc["judge"], settings=settings or {},
        audio_path=audio_path)


def _locate(words: list[str], text: str | None) -> tuple[int | None, int | None]:
    """Word range of an evidence quote in the transcript (for highlighting answers stored before schema 4)."""
    if not text:
        return None, None
    want = [re.sub(r"\W", "", w.lower()) for w in text.split()]
    have = [re.sub(r"\W", "", w.lower()) for w in words]
    for i in range(len(have) - len(want) + 1):
        if have[i:i + len(want)] == want:
            return i, i + len(want) - 1
    return None, None


def stored_document(attempt: Row, bank: Bank | None) -> Row:
    """The feedback of a stored attempt: the saved document, or for answers saved before the document was kept,
    one assembled from the stored rows (key points, evidence, scores and delivery as they were saved)."""
    transcript = attempt.get("transcript_data") or {"text": attempt.get("transcript") or "", "segments": []}
    if attempt.get("feedback"):
        return whole(attempt["feedback"], transcript)
    words = [w["word"] for s in transcript.get("segments", []) for w in s.get("words", []) if w["word"].strip()]
    typed = attempt.get("input") == TYPED
    prompt = None
    if bank is not None:
        try:
            prompt = bank.prompt(attempt["prompt_id"])
        except KeyError:
            prompt = None
    by_id = {k.id: k for k in prompt.key_points} if prompt else {}
    key_points = []
    for k in attempt.get("key_points") or []:
        first, last = _locate(words, k.get("evidence"))
        hit = bool(k.get("hit"))
        ev = [{"text": k["evidence"], "start": None if typed else k.get("start"), "end": None if typed else k.get("end"),
               "first_word": first, "last_word": last,
               "note": noted_slip(f"cue: {_shown_cue(k['cue'])}" if k.get("cue") else None, k["label"],
                                  k.get("evidence") or "", cue_word=bool(k.get("cue")))}]
        kp = by_id.get(k["key_point_id"])
        key_points.append({"id": k["key_point_id"], "label": k["label"], "competency": k.get("competency"),
                           "weight": k.get("weight"), "hit": hit, "confidence": k.get("confidence"),
                           "evidence": ev if hit and k.get("evidence") else [], "detail": None,
                           "follow_up": None if hit or kp is None else asked_follow_up(kp, bank)})
    competencies = []
    for cid, score in (attempt.get("competencies") or {}).items():
        comp = bank.competency(cid) if bank else None
        competencies.append({"id": cid, "name": comp.name if comp else cid, "weight": comp.weight if comp else None,
                             "score": score, "basis": _basis(comp, cid, key_points)})
    delivery = dict(attempt.get("delivery") or {})
    if typed:
        delivery.update({k: None for k in _UNTIMED})
    return {
        "format": DOCUMENT_FORMAT, "judge": attempt.get("judge") or "cues-1 (stored before schema 4)",
        "input": attempt.get("input") or "voice", "timed": not typed,
        "bank": {"id": attempt["bank_id"], "title": bank.job.title if bank else attempt["bank_id"],
                 "company": bank.job.company if bank else None},
        "prompt": {"id": attempt["prompt_id"], "text": attempt.get("prompt_text") or "",
                   "target_seconds": prompt.target_seconds if prompt else None},
        "overall": attempt.get("overall"), "coverage": attempt.get("coverage"),
        "hits": sum(1 for k in key_points if k["hit"]), "total": len(key_points),
        "competencies": competencies, "key_points": key_points,
        "follow_ups": asked_next(
            prompt_follow_up(prompt, missed_any=any(not k["hit"] for k in key_points)) if prompt else [],
            [missed_question(by_id[k["id"]], k["follow_up"], k.get("weight") or 1.0) for k in key_points if k["follow_up"]],
            AnalysisSettings.max_follow_ups, named_nothing=not any(k["hit"] for k in key_points)),
        "delivery": delivery,
        "transcript": transcript,
    }
