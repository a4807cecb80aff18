"""Small pieces of the app's wording shared by the core, the app layer, the CLI and the GUI (Qt-free)."""

from __future__ import annotations

from typing import Any


def counted(n: int, word: str, plural: str | None = None) -> str:
    """ "1 attempt", "3 attempts", "0 fillers": a count and its noun (a plain "s" plural, or `plural`: "1 competency",
    "2 competencies"), never a form's "(s)"."""
    return f"{n} {word if n == 1 else plural or word + 's'}"


def capitalised(text: str) -> str:
    """Text with its first letter capitalised, as a label starts, unless its first word is written as an identifier
    and so kept as written: a digit in it ("p99", "k8s") or a capital after its first letter ("iOS", "gRPC", "eBPF").
    Fix34 left "p99 fell under 2 ms" reading "P99 fell ..."."""
    first = text.split()[0] if text.split() else ""
    if any(ch.isdigit() for ch in first) or any(ch.isupper() for ch in first[1:]):
        return text
    return text[:1].upper() + text[1:]


def asked_about_heading(points: int) -> str:
    """The heading over a follow-up answer's points, in the feedback, History and the export: one point was asked by
    one follow-up (walk46 3: they are asked one at a time), not "The point the follow-ups asked about" (fixBG's
    leftover); several: an answer stored before fixBG, when the follow-ups were asked together."""
    return "The point the follow-up asked about" if points == 1 else "The points the follow-ups asked about"


# what a re-asked follow-up says it is: History's "would ask next" of a follow-up answer, and Practice's next one when
# every open follow-up was asked once (walk65 3: the very question just answered offered as the next, unmarked)
ASK_AGAIN_TEXT = "{question} (asked again: I did not find it in this answer yet)"
# a follow-up answer in which the judge found none of the points asked (the Duration card): the app's reading, not a
# verdict on the candidate (walk65 4: "none of what was asked — Nothing of what the follow-up asked was said yet" on
# an answer that said it, which the judge had missed, read as if the app had not listened)
FOLLOW_UP_NOT_FOUND = "I could not find what was asked"
FOLLOW_UP_NOT_FOUND_TIP = ("I could not find what the follow-up asked in this answer. If you said it, my reading missed "
                           "it; if not, answer it in a sentence or two, with what you did and a detail only you would "
                           "know.")
# the round's headline after a retry: each question's best try counts, and a lower try is said (walk65 5: "Your best
# tries ranged from 25 to 100 (your lowest try: 0)." was hard to parse on first read)
# mend56 (walk66 finding 8): "Each question's best try scored between 0 and 100" read as the scale, a truism: the
# weakest and the strongest question named as such, as the round without a retry says its answers
BEST_TRIES_RANGED = "Your weakest question scored {low} on its best try, your strongest {high}"
ANSWERS_RANGED = "Your weakest answer scored {low}, your strongest {high}."
# the summary's two overalls of one round (walk66 8: "Before follow-ups 55 · with follow-ups 66" under a big 66, beside
# the welcome's average of answers and Progress's): what they are, the round's key points, not an average of answers
ROUND_BOTH = "{what} score by its key points: before follow-ups {before} · with follow-ups {after}"
# Progress's average: each day's answers on the bank and prompts shown, not the last session's (the welcome's)
PROGRESS_AVERAGE = "average {score} per answer over every day shown{before}"
BEST_TRIES_SAME = "Each question's best try scored {score}"
LOWEST_TRY = "; your lowest try scored {score}"
NEXT_UP_HEADING = "What the interviewer would ask next"
AGAIN_UP_HEADING = "What the interviewer would ask again"


def more_after_text(more: int, again: int = 0) -> str:
    """What waits after the follow-up shown as asked next (with its full stop): `more` not asked yet, then `again`
    asked before and still missed, which F asks once more from the first (walk65 3: "Follow-up 2 of up to 3" read
    with "2 more after this" made four questions; the count now says what it counts): "1 more after this, then 1 to
    ask again.", "After this, 2 to ask again."."""
    if more and again:
        return f"{more} more after this, then {again} to ask again."
    if again:
        return f"After this, {again} to ask again."
    return f"{more} more after this." if more else ""


# fixCU: what else a follow-up answer counts for besides the points it was asked about (Practice's line over it, its
# feedback, History's asked text): one wording (read41: it was worded three ways)
_STILL_MISSED_COVERED = "still missed that {} covers"
ALSO_COUNTS_TEXT = "any other point " + _STILL_MISSED_COVERED.format("it")
# Practice's line over the follow-ups: "the points they ask about and … that it covers" read as two subjects (read41d)
ALSO_COUNTS_YOUR_ANSWER = "any other point " + _STILL_MISSED_COVERED.format("your answer")
ALSO_COVERED_HEADING = "You also covered"      # over those points in the feedback and the export (read41d)


def others_covered_text(n: int) -> str:
    """How many points still missed a follow-up answer covers besides those asked, as ALSO_COUNTS_TEXT words them:
    "1 other point still missed that it covers" (Compare's key points line; read41d: it said "…that it covered")."""
    return f"{counted(n, 'other point')} {_STILL_MISSED_COVERED.format('it')}"


def with_follow_ups_text(hits: int, total: int, answers: int) -> str:
    """What a last answer's follow-up answers brought it to, as its round counted it, said beside its "Last time"
    score (walk60 10: "Last time 42" of a question the round counted 100 with its follow-ups): "3 of 4 key points
    with its follow-up answer" (read44a 4: the clause was worded in app.recap)."""
    return f"{hits} of {total} key points with its follow-up answer{'s' if answers != 1 else ''}"


# walk60 6: "Drill my weak points" on a practised bank whose recent answers (retries and follow-ups counted) left no
# key point missed: the true thing, not "No weak points yet: rehearse a round first" (shown capitalised, with a full
# stop; read44a 4: it was worded in core.rehearsal)
NOTHING_MISSED = ("nothing missed to drill: your recent answers to this bank covered every key point "
                  "(with what your retries and follow-ups added)")


# fixDK (walk57 2c): how typed words are read, one rule said alike where words are typed. Practice's typed answer IS
# the answer: read as written (a typed "Mentoring" is not the cue "monitoring"). The bank editor's Try it previews a
# spoken answer: read as Practice hears one, so a word also counts for a cue that sounds like it ("find" heard as
# "found"). The typed answer dialog and Try it both say this sentence.
# read43a 6: it says where each rule holds, as Try it's tooltip shows it while its author types in Try it's own box.
TYPED_AND_TRIED = ("In Practice, a typed answer is read as written; Try it, in the bank editor, reads your words as a "
                   "spoken answer is heard, so a word that sounds like a cue counts there.")


FULL_MARKS = 100.0      # the top of every score's 0-100 scale


def score_text(score: float | None, places: int = 0) -> str:
    """A score as every screen, command and export shows it ("–" for none): rounded once from the stored value, to
    `places` decimals, except that only full marks read 100: 99.5-99.99 read "99" ("99.9" to one place). Walk24:
    `history stats` said "best 99.8" where Progress showed 100; fixG: 99.6 read "100" on a card beside a full one."""
    if score is None:
        return "–"
    text = f"{score:.{places}f}"
    if float(text) >= FULL_MARKS and not is_full(score):
        text = f"{FULL_MARKS - 10 ** -places:.{places}f}"
    return text


def score_shown(score: float | None) -> int:
    """The whole number a score reads as (score_text): for a bar's fill and a change between two shown scores, so
    "99 → 100 (+1)" adds up and a bar is full only at full marks. None reads 0."""
    return 0 if score is None else int(score_text(score))


def is_full(score: float) -> bool:
    """Full marks (a float sum that lands a hair under 100 is still full)."""
    return score >= FULL_MARKS - 1e-9


def cut_at_word(text: str, most: int) -> str:
    """`text`, its spaces collapsed, cut at a word to at most `most` characters with "…" after them where cut (no
    comma or colon before it: "a manager…"); a first word longer than `most` is cut inside. One rule for Progress's
    question names and the round summary's points and questions."""
    whole = " ".join(text.split())
    if len(whole) <= most:
        return whole
    kept = whole[:most + 1]
    cut = kept.rsplit(" ", 1)[0].rstrip(" ,;:") if " " in kept else ""
    return (cut or whole[:most]) + "…"


# fixDJ (walk58 5): on an answer about something else (its "topic" card: analyze.OFF_TOPIC), the Delivery cards'
# heading and the line under it; their praise is shown as no praise (a "good" card as "info"): how it sounded, not
# praise of the answer. mendJ: one rule for the feedback view, `score` (text and --json) and the history's export
OFF_TOPIC_CARD = "topic"
DELIVERY_HEADING = "Delivery"
OFF_TOPIC_DELIVERY_HEADING = "How it was said"
OFF_TOPIC_DELIVERY = "Of how it was said only, not of the answer: it talked about something else."
# judge114 (walk66 1b): the "topic" card of an answer that told the story of another question of the bank (its
# summary names that question; analyze.OTHER_STORY)
OTHER_STORY_LINE = "This answer told the story of another question"
OTHER_STORY_TIP = ("It came nearer another question of this bank than the one asked, and none of your key points "
                   "for this question was said: answer the question asked with a story of its own.")


def delivery_shown(findings: list[dict[str, Any]]) -> dict[str, Any]:
    """How an answer's Delivery cards (`findings`, as dicts: name, status, summary, tip) are shown: `elsewhere`, the
    card saying the whole answer talked about something else (said once, first; None when it did not), `heading` and
    `note` (None on an answer on the question) over the other cards, `findings`, each with the status it is shown
    by: on an answer about something else a "good" card is "info" (no praise), warnings unchanged."""
    elsewhere = next((f for f in findings if f.get("name") == OFF_TOPIC_CARD), None)
    rest = [f for f in findings if f is not elsewhere]
    if elsewhere is None:
        return {"elsewhere": None, "heading": DELIVERY_HEADING, "note": None, "findings": rest}
    return {"elsewhere": elsewhere, "heading": OFF_TOPIC_DELIVERY_HEADING, "note": OFF_TOPIC_DELIVERY,
            "findings": [{**f, "status": "info"} if f.get("status") == "good" else f for f in rest]}


# walk60 8: on a job whose competencies are all about what is said (seed 002's payments bank), a rambling answer with
# 52 fillers scored 100 everywhere, and nothing near the 100 said that how it was said is not in it. Said once, beside
# the score (an answer's feedback, a round's summary), with the Delivery cards to work on right under it.
# (Not "the other Delivery cards": Ownership and Numbers can decide a key point that asks only what they read,
# `analyze.told_points`, and so be part of the score: read45a 1)
DELIVERY_NOT_SCORED = ("Not in {score}: how you said it. {whose}, so fillers, pace, pauses and hedges "
                       "are coaching only.")
# a round's summary says it short, beside its overall: a longer line pushed "Drill these now" off a 1366x768 screen
DELIVERY_NOT_IN_ROUND = "How you said it (fillers, pace) is coached, not scored: Delivery shows what to work on."
DELIVERY_TO_WORK_ON = "To work on in how you said it"
# walk60 10: One prompt right after the whole round said "Well done. Try the whole round."
WHOLE_ROUND_DONE = "you did the whole round earlier today: try it again another day"
DELIVERY_NOTHING_TO_WORK_ON = "How you said it: nothing to work on."
SOUNDED_FIRST = ("fillers", "pace")          # the delivery a candidate hears first, named first


def delivery_not_scored(by_competency: bool, whole_round: bool = False) -> str:
    """The line beside a score no competency of which is tied to delivery: "Not in this score: how you said it.
    This job's competencies are all about what you say, so …" (`by_competency` False: a bank with no competencies,
    which scores its key points only; `whole_round`: a round's summary, "these scores")."""
    whose = "This job's competencies are all about what you say" if by_competency else \
        "This bank scores only what you say (its key points)"
    return DELIVERY_NOT_SCORED.format(score="these scores" if whole_round else "this score", whose=whose)


def delivery_to_work_on(findings: list[dict[str, Any]]) -> str:
    """The Delivery cards to work on (status "warn"), fillers and pace first, each named with its summary: "To work
    on in how you said it: Fillers — 49 fillers, about one every 2 s, most often “um” (35) · Structure — STAR: no
    result"; none: DELIVERY_NOTHING_TO_WORK_ON."""
    warned = [f for f in findings if f.get("status") == "warn" and f.get("name") != OFF_TOPIC_CARD]    # said first
    warned.sort(key=lambda f: SOUNDED_FIRST.index(f["name"]) if f.get("name") in SOUNDED_FIRST else len(SOUNDED_FIRST))
    if not warned:
        return DELIVERY_NOTHING_TO_WORK_ON
    return f"{DELIVERY_TO_WORK_ON}: " + " · ".join(f"{capitalised(f['name'])} — {f['summary']}" for f in warned)


def delivery_not_scored_lines(competencies: list[dict[str, Any]], findings: list[dict[str, Any]],
                              asked_only: bool = False) -> tuple[str, str] | None:
    """The two lines said beside an answer's score when no competency of it counts how it was said
    (`delivery_not_scored`, then `delivery_to_work_on`), one rule for the feedback view, `voiceprep score` and the
    Markdown export. `competencies`: the feedback document's, each with its "delivery_weight" (an answer stored before
    they carried it is not known: None); `asked_only`: a drill or a follow-up answer, whose number is the points it
    asked for (None); none at all: a bank that scores its key points only."""
    if asked_only or not all("delivery_weight" in c and not c["delivery_weight"] for c in competencies):
        return None
    return delivery_not_scored(bool(competencies)), delivery_to_work_on(findings)


def round_delivery_to_work_on(answers: list[tuple[int, list[dict[str, Any]]]], numbered: bool = True) -> str:
    """A round's Delivery cards to work on, from its counted answers (`answers`: each question's number and its
    cards): one question's (`numbered` False: One prompt) as delivery_to_work_on; otherwise each card by the
    questions it warned on, fillers and pace with each question's summary ("Fillers — question 2: 49 fillers, …;
    question 4: 9 fillers · Structure — questions 2 and 3")."""
    if not numbered and len(answers) == 1:
        return delivery_to_work_on(answers[0][1])
    where: dict[str, list[tuple[int, str]]] = {}
    for number, findings in answers:
        for f in findings:
            if f.get("status") == "warn" and f.get("name") != OFF_TOPIC_CARD:      # off_topic_line's
                where.setdefault(f["name"], []).append((number, f["summary"]))
    if not where:
        return DELIVERY_NOTHING_TO_WORK_ON
    names = sorted(where, key=lambda n: SOUNDED_FIRST.index(n) if n in SOUNDED_FIRST else len(SOUNDED_FIRST))
    parts = []
    for name in names:
        if name in SOUNDED_FIRST:
            said = "; ".join(f"question {n}: {summary}" for n, summary in where[name])
        else:
            numbers = [str(n) for n, _ in where[name]]
            said = f"question {numbers[0]}" if len(numbers) == 1 else \
                f"questions {', '.join(numbers[:-1])} and {numbers[-1]}"
        parts.append(f"{capitalised(name)} — {said}")
    return f"{DELIVERY_TO_WORK_ON}: " + " · ".join(parts)
