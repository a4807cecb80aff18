"""What a round scored and what "per answer" counts: the one definition the round's summary, Welcome back and
Progress say (Qt-free). History's score column says the same thing its way: the answer's own score, then "+2 key
points" (app.followed.added_points: "+2 key points in follow-up" where there is room).

- An answer's score is the answer alone. A follow-up answer is no answer of its own: it adds the points it covered
  to the answer it followed (core.rehearsal.Rehearsal.record). "Per answer" averages count answers alone: "before
  follow-ups". A skipped question is no answer either: not in an average per answer, only in its round's score (and
  competencies) as 0 (walk19). Counts of answers are answers_text's, everywhere.
- A round scores each question by its best try with what its follow-ups added (Rehearsal.summary). When follow-ups
  changed that, both are said, each named: "Before follow-ups 50 · with follow-ups 100" (walk18: a big 100 over
  "Your answers scored 0 to 100. Drill your weak points next.", and Welcome back's "Average per answer: 50. The
  follow-up answer is left out." above "The round scored 100").
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from voiceprep.app.followed import added_points
from voiceprep.core.analysis.scoring import RoundSummary
from voiceprep.core.history.queries import kind_name, local
from voiceprep.core.history.skipped import PLOTTED, skipped_text
from voiceprep.core.rehearsal import Rehearsal
from voiceprep.core.wording import (
    ANSWERS_RANGED,
    BEST_TRIES_RANGED,
    BEST_TRIES_SAME,
    DELIVERY_NOT_IN_ROUND,
    LOWEST_TRY,
    ROUND_BOTH,
    WHOLE_ROUND_DONE,
    counted,
    delivery_not_scored,
    round_delivery_to_work_on,
    score_shown,
    score_text,
)
from voiceprep.settings import GOOD_SCORE


def headline(answered: int, total: int, overall: float, what: str = "Round", scores: Sequence[float] = (),
             weak: bool = True, tries: Sequence[float] | None = None, more_rounds: bool = True,
             round_done_today: bool = False) -> str:
    """What the candidate reads when a round (`what`: or a "Drill", a "Prompt") ends: one short headline over its
    summary, which shows the overall big, "answered 3 of 4" and which try of a question counts (walk14). It says what
    the summary does not: the range of the scores the overall
    counts (`scores`: each answered question's best try, its follow-ups' points in; walk21: "ranged from 0 to 80"
    mixed two tries of one question), named as the best tries' after a retry, with the lowest try when it is lower
    (walk24); a drill's none: its overall, on the points asked for, is its one number (walk38). "Well done" is for good
    scores only (settings.GOOD_SCORE, the score shown green), every try (`tries`, Rehearsal.counted_scores and a
    continued round's earlier sitting's scores, fixCK; default `scores`) included. A good overall reached by retrying
    is not told to "drill your weak points next" (walkthrough 11), nor is a round with nothing left to drill (`weak`
    False: walk18). A bank of one round (`more_rounds` False) is not told to pick another (walk21). Questions skipped
    are said first, in one wording (walk46 4: "Your scores ranged from 50 to 80" over "4 questions skipped"). One prompt
    of a round the candidate finished whole earlier today (`round_done_today`) is not told to try the whole round:
    to take it again another day (walk60 10)."""
    if answered == 0:
        return f"{what} ended without an answer. Start it again when you are ready."
    if answered < total:
        # the skips first: a range of the answered ones' scores over "4 questions skipped" ignored them (walk46 4)
        skipped = total - answered
        then = ", then drill your weak points" if weak else ""
        # not "answered 3 of 4" again: the summary shows it just under (walk14)
        return f"{counted(skipped, 'question', 'questions')} skipped — answer {'it' if skipped == 1 else 'them'} next{then}."
    tries = list(scores if tries is None else tries)
    done_today = round_done_today and what == "Prompt" and not more_rounds
    other = "pick another round" if more_rounds else \
        "try this round again another day" if what == "Round" else WHOLE_ROUND_DONE if done_today else \
        "try the whole round"
    if overall >= GOOD_SCORE and min(tries, default=overall) >= GOOD_SCORE:
        return f"Well done. {other.capitalize()}, or drill your weak points." if weak else \
            f"Well done. {other.capitalize()} next." if more_rounds else f"Well done. {other.capitalize()}."
    retried_up = len(tries) > len(scores) and overall >= GOOD_SCORE         # retried up to a good overall
    # a drill's one number is its overall, on the points asked for, beside it; a range of its questions' scores
    # over it was a second story (walk38: "ranged from 0 to 75" over "Drill complete 55", the questions' 0 and 75
    # and a competency's 0 under it): the questions' lines say each
    if len(scores) > 1 and what != "Drill":
        low, high = min(scores), max(scores)
        # a range said as one (walk20: "Your answers scored 0 to 100" read as the scale, not the answers' scores);
        # after a retry, the range is the best tries', and a lower try is said (walk24: "Your scores ranged from 73
        # to 100" over a sitting with an answer that scored 3)
        retried = len(tries) > len(scores)
        lowest = LOWEST_TRY.format(score=score_text(min(tries))) \
            if retried and score_shown(min(tries)) < score_shown(low) else ""
        same = score_shown(low) == score_shown(high)
        if retried:             # walk65 5: said plainly, not "Your best tries ranged from 25 to 100 (your lowest try: 0)"
            said = (BEST_TRIES_SAME.format(score=score_text(low)) if same else
                    BEST_TRIES_RANGED.format(low=score_text(low), high=score_text(high))) + f"{lowest}."
        else:
            said = f"Your answers all scored {score_text(low)}." if same else \
                ANSWERS_RANGED.format(low=score_text(low), high=score_text(high))
    else:
        said = f"{what} done."
    if retried_up or not weak:
        return f"{said} {other.capitalize()} next." if more_rounds else f"{said} {other.capitalize()}."
    # a drill ends under "Drill complete": its weak points again, not "next" (review30: "Drill done. Drill your
    # weak points next.")
    when = "again" if what == "Drill" else "next"
    if len(scores) > 1:
        return f"{said} Drill your weak points {when}."
    if done_today:          # not "…, or you did the whole round …"
        return f"{said} Drill your weak points {when}; {WHOLE_ROUND_DONE.split(':')[0]}."
    return f"{said} Drill your weak points {when}, or {other}."


def how_made(summary: RoundSummary, by_competency: bool, what: str = "Round") -> str | None:
    """The summary's clause on how its overall is made (walk41 finding 9: "15 overall / 100" over answers of 40, 0
    and 0, read as their average), or None for a round with no key point: "2 of the round's 13 key points said,
    each weighed by its key point's weight; not the average of the answers." """
    if not summary.points:
        return None
    weighed = "weighted by the job's competencies" if by_competency else "each weighted by its importance"
    # a competency tied to delivery puts how the answers were said into the overall: named, so 0 points said beside
    # an overall of 9 adds up (review33 4)
    share = round(100 * summary.delivery_share)
    spoken = f", and how you said them ({share}% of the overall)" if share else ""
    whose = "the question's" if what == "Prompt" else "the round's"        # One prompt is no round (walk60 10)
    return (f"{score_text(summary.overall)}: {summary.points_said} of {whose} {counted(summary.points, 'key point')} "
            f"said, {weighed}{spoken}; not the average of your answers.")


def delivery_lines(rehearsal: Rehearsal, what: str = "Round") -> tuple[str, str] | None:
    """The summary's two lines beside its overall when no competency of the bank is tied to delivery (None: one is,
    or a drill, whose one number is the points it asked for): that how the answers were said is not in its scores,
    and the Delivery cards to work on in the answers it counts, by question (walk60 8: a round of 100 over an answer
    with 52 fillers, nothing said of them)."""
    if what == "Drill" or any(c.delivery_weight for c in rehearsal.bank.competencies):
        return None
    cards = delivery_cards(rehearsal)
    if cards is None:
        return None
    return delivery_not_scored(bool(rehearsal.bank.competencies), whole_round=what == "Round"), cards


def delivery_cards(rehearsal: Rehearsal) -> str | None:
    """The Delivery cards to work on in the answers the summary counts, by question (None: nothing answered), whatever
    the bank scores: where a competency is tied to delivery they say what pulled it down (walk63 8)."""
    asked = list(dict.fromkeys(rehearsal.whole or rehearsal.prompts))
    # numbered as the round numbers them (the rest of a round left unfinished: its `numbers`, fixBQ)
    numbers = rehearsal.numbers if not rehearsal.whole and len(rehearsal.numbers) == len(asked) else \
        list(range(1, len(asked) + 1))
    answers = []
    for number, p in zip(numbers, asked, strict=True):
        counted_try = rehearsal.counted_try(p.id) if p in rehearsal.prompts else None
        if counted_try is not None:
            cards = counted_try.analysis.delivery.findings
            answers.append((number, [{"name": f.name, "status": f.status, "summary": f.summary} for f in cards]))
    if not answers:
        return None
    return round_delivery_to_work_on(answers, numbered=len(asked) > 1 or bool(rehearsal.numbers))


def delivery_beside(rehearsal: Rehearsal, what: str = "Round") -> tuple[str, str] | None:
    """What the summary shows beside its overall (`delivery_lines`): the short line (DELIVERY_NOT_IN_ROUND) and, for
    its tooltip, the whole statement and the cards to work on by question."""
    lines = delivery_lines(rehearsal, what)
    return None if lines is None else (DELIVERY_NOT_IN_ROUND, f"{lines[0]}\n{lines[1]}")


def skipped_line(answered: int, total: int) -> str | None:
    """The summary's line under its overall when questions were skipped (None: none was, or none was answered, which
    the headline says): "1 question skipped: it counts as not answered." """
    skipped = total - answered
    if not answered or skipped <= 0:
        return None
    return f"{counted(skipped, 'question')} skipped: {'it counts' if skipped == 1 else 'they count'} as not answered."


# what a competency's number counts, where the candidate reads it: a round's summary and Progress give the same
# round different numbers, both right (walk37: "Polished 38" in the summary, ~44 in Progress, nothing said why)
ROUND_COMPETENCIES = ("These bars weigh each question by its key points, follow-ups in; Progress averages each answer "
                      "alone, so its numbers differ.")
PROGRESS_COMPETENCIES = ("Each answer alone, averaged (follow-ups not in; a question answered again the same day "
                         "counts its best try, as a round's summary does); a round's summary weighs its questions by "
                         "their key points, follow-ups in, so its numbers differ.")


def progress_competencies(skipped: int = 0) -> str:
    """Progress's caption under its competency chart: PROGRESS_COMPETENCIES, and the skipped questions it leaves
    out, no answers, as the overall chart and Welcome back do ("Each answer alone, averaged, a skipped question not
    plotted: no answer …"; walk42: it said "each answer" and averaged a skip in; walk56: one rule, not 0 here)."""
    if not skipped:
        return PROGRESS_COMPETENCIES
    said = "Each answer alone, averaged"
    # the one rule and its words, as `history stats` says it ("not counted": core.history.skipped)
    return PROGRESS_COMPETENCIES.replace(said, f"{said}, {skipped_text(skipped, PLOTTED)}", 1)


def counted_scores(rehearsal: Rehearsal) -> list[float]:
    """Each answered question's score as the round's overall counts it (its best try, follow-ups' points in); a round
    taken up again: its earlier sitting's questions too, as its summary counts them (fixCK, fixCF noticed: "ranged
    from 14 to 18" was this sitting's, the overall both sittings'), in the round's order."""
    earlier = rehearsal.earlier_scores()
    scores = []
    for p in dict.fromkeys(rehearsal.whole or rehearsal.prompts):
        now = rehearsal.question(p.id) if p in rehearsal.prompts else None
        if now is not None:
            scores.append(now[0])
        elif p.id in earlier:
            scores.append(earlier[p.id])
    return scores


def round_message(rehearsal: Rehearsal, summary: RoundSummary, what: str = "Round",
                  round_finished: str | None = None) -> str:
    """The headline over `rehearsal`'s `summary`: its range is of the scores its overall counts (a round taken up
    again: both sittings'), so its words agree with the overall under it; drilling is advised only when the page
    lists points to drill (`drill_next`: a skipped question's points are not drilled, read39c 2). `round_finished`:
    when its round was last finished whole (HistoryService.round_finished), for One prompt (walk60 10)."""
    tries = rehearsal.counted_scores() + list(rehearsal.earlier_scores().values())   # an earlier answer: one try
    today = round_finished is not None and local(round_finished).date() == datetime.now().astimezone().date()
    return headline(summary.answered, summary.total, summary.overall, what, counted_scores(rehearsal),
                    bool(rehearsal.drill_next(summary)), tries, len(rehearsal.bank.rounds) > 1, today)


def off_topic_line(rehearsal: Rehearsal) -> str | None:
    """The summary's line on the answers that talked about something else (Rehearsal.off_topic; None: none did):
    "3 of 4 answers were off the question: …" (fixDJ, walk58 5: each feedback said it, the summary never did)."""
    off, answers = rehearsal.off_topic()
    if not off:
        return None
    if answers == 1:
        return "The answer was off the question: its feedback says what it talked about."
    return (f"{off} of {counted(answers, 'answer')} {'was' if off == 1 else 'were'} off the question: "
            f"{'its' if off == 1 else 'their'} feedback says what {'it' if off == 1 else 'each'} talked about.")


def what_name(rehearsal: Rehearsal) -> str:
    """What a sitting is called at its end: "Drill", "Prompt" (One prompt…) or "Round" (walk21: Start round on a
    round of one question ended "Prompt complete" under "One prompt: …")."""
    return "Drill" if rehearsal.focus else "Prompt" if rehearsal.one_prompt else "Round"


def both_text(before: float, with_follow_ups: float) -> str:
    """ "Before follow-ups 50 · with follow-ups 100": one number a label."""
    return f"Before follow-ups {score_text(before)} · with follow-ups {score_text(with_follow_ups)}"


def before_follow_ups(rehearsal: Rehearsal, summary: RoundSummary | None = None) -> float | None:
    """The round's overall counting the answers alone, when its follow-ups changed it (None: they did not, or none
    was answered): stored with the round's summary as "before_follow_ups" for Welcome back."""
    if not rehearsal.covered and not any(t.covered for tries in rehearsal.tries.values() for t in tries):
        return None
    overall = (summary or rehearsal.summary()).overall
    before = rehearsal.summary(follow_ups=False).overall
    return before if score_shown(before) != score_shown(overall) else None     # as both read


def before_and_with(rehearsal: Rehearsal, summary: RoundSummary | None = None) -> str | None:
    """The summary's line under its overall when follow-ups changed it (None otherwise), named as the round's score
    by its key points (walk66 8: "Before follow-ups 55" read as one more average beside the welcome's and Progress's)."""
    summary = summary or rehearsal.summary()
    before = before_follow_ups(rehearsal, summary)
    return ROUND_BOTH.format(what=what_name(rehearsal), before=score_text(before), after=score_text(summary.overall)) \
        if before is not None else None


def question_lines(rehearsal: Rehearsal) -> list[str]:
    """The summary's line a question (walk18: one number and "answered 2 of 2", 80% blank): its prompt, the score the
    round counts, its key points covered, what its follow-ups added and the answer's own score then, or "skipped"."""
    lines = []
    for p in dict.fromkeys(rehearsal.whole or rehearsal.prompts):     # a round taken up again: all of it (walk49 2)
        counted_now = rehearsal.question(p.id) if p in rehearsal.prompts else None
        if counted_now is None and p.id in rehearsal.earlier:
            hit = sum(kp.id in rehearsal.earlier[p.id] for kp in p.key_points)
            lines.append(f"{short(p.text)} — answered before this sitting · {hit} of "
                         f"{counted(len(p.key_points), 'key point')} (in History)")
            continue
        if counted_now is None:
            lines.append(f"{short(p.text)} — skipped")
            continue
        score, alone, hits, added = counted_now
        covered = sum(hit for _, hit in hits)
        # a drill's: of the points it asked for, as its overall counts them (walk38: read beside the answer's card)
        line = f"{short(p.text)} — {score_text(score)} · {covered} of {counted(len(hits), 'key point')}" + \
            (" asked for" if rehearsal.focus.get(p.id) else "")
        if added:
            line += f" ({added_points(added)}; the answer alone {score_text(alone)})"
        lines.append(line)
    return lines


def short(prompt: str) -> str:
    """A question as a summary line names it: up to 70 characters, cut at a word."""
    return textwrap.shorten(prompt, 70, placeholder="…")


def answers_text(n: int, drills: int = 0, follow_ups: int = 0) -> str:
    """`n` stored answers, drills and follow-up answers among them, counted so they add up: "2 answers and 1
    follow-up" (walk18: "3 answers … 1 follow-up answer" for 2 answers and 1 follow-up)."""
    parts = [counted(n - drills - follow_ups, "answer")] * bool(n - drills - follow_ups) + \
        [counted(drills, "drill")] * bool(drills) + [counted(follow_ups, "follow-up")] * bool(follow_ups)
    if not parts:
        return counted(0, "answer")
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def rows_text(rows: Sequence[dict[str, Any]]) -> str:
    """History's rows (or any stored answers, `queries.kind_name` telling them) counted as answers_text counts them:
    "3 answers and 1 follow-up" (walk19: History's status said "4 answers" where Progress said that)."""
    kinds = [kind_name(r) for r in rows]
    return answers_text(len(kinds), kinds.count("Drill"), kinds.count("Follow-up"))

