"""Welcome back: the last session in a sentence and what to work on next (Qt-free; the Practice page shows it)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import datetime
from typing import Any

from voiceprep.app.history_service import drill_queue, unanswered
from voiceprep.app.scored import answers_text, both_text
from voiceprep.core.banks.registry import lineage_of
from voiceprep.core.history.queries import local, rate_notes
from voiceprep.core.wording import counted, score_shown, score_text, with_follow_ups_text
from voiceprep.settings import WELCOME_BANKS_NAMED, HistorySettings

Row = dict[str, Any]

# read42a 1 / read42b 3: the welcome's weak point is the one "Drill my weak points" asks first of the weak points
# (queries.drill_points: not one of a question whose newest answer covered every point), not the one missed most
# (Progress's key-point table and `history stats`' "Most missed in ..." rank every weak point): said as what it is
DRILL_ASKS_NEXT = "Drill my weak points asks next"


def _day(iso: str, today: datetime | None = None) -> str:
    """"today", "yesterday" or "30 Nov", in the candidate's own time zone."""
    when = local(iso)
    now = (today or datetime.now().astimezone()).date()
    days = (now - when.date()).days
    return "today" if days == 0 else "yesterday" if days == 1 else f"on {when:%d %b}".replace(" 0", " ")


def bank_title(bank_id: str, find: Callable[[str], Any | None], labels: dict[str, str] | None = None) -> str:
    """The bank's name as the pickers and Banks show it (`labels`), in quotes: a comma in a job title made a list of
    banks ambiguous, and "Infrastructure / Platform Engineer" never named Airwallex (walkthrough 11)."""
    bank = find(bank_id)
    name = (labels or {}).get(bank_id) or (bank.name if bank is not None else bank_id)
    return f"“{name}”"


def copied_from_text(origin: str, copy: str, find: Callable[[str], Any | None],
                     labels: dict[str, str] | None = None) -> str:
    """The one wording for a bank a copy takes answers in from (its lineage, BankRegistry.lineage), wherever they
    are counted (Progress, Welcome back, "Last time"): "“Airwallex”, the bank this one was copied from", and for a
    copy of a copy, the bank the answers were really given with and the copies between: "“Airwallex”, the bank this
    one was copied from by way of “Airwallex (my copy)”" (session 20: Welcome back named the direct parent for
    answers given with its origin, and said "the bank it was copied from" where Progress said "this one")."""
    def parent(bank_id: str) -> str | None:
        return getattr(getattr(find(bank_id), "job", None), "copied_from", None)

    between: list[str] = []
    while (up := parent(between[-1] if between else copy)) and up not in (origin, copy, *between):
        between.append(up)
    if (parent(between[-1]) if between else origin) != origin:
        between = []                  # a bank in between is gone: the origin is known, the way to it is not
    via = " and ".join(bank_title(b, find, labels) for b in between)
    return f"{bank_title(origin, find, labels)}, the bank this one was copied from" + (f" by way of {via}" if via else "")


def skipped_prompts(recap: Row, find: Callable[[str], Any | None]) -> tuple[Any | None, list[str]]:
    """The bank the recap's skipped questions are on (None if gone or none skipped) and the texts of those still
    in it. When there are any, the welcome says "You skipped ...: answer it first today" and names a round left only
    where `left_offered` does, so Practice offers to continue it only then (review30)."""
    bank = find(recap.get("skipped_bank") or recap["bank_id"]) if recap.get("skipped") else None
    texts = []
    if bank is not None:                           # a deleted bank: its question ids are not shown
        for pid in recap.get("skipped") or []:
            try:
                texts.append(bank.prompt(pid).text.rstrip(" ."))
            except KeyError:
                continue
    return bank, texts


def left_offered(recap: Row, find: Callable[[str], Any | None]) -> Row | None:
    """The round left unfinished that the welcome names and Practice offers to continue (recap["left"]), or None.
    With a question skipped (`skipped_prompts`) that is a question of the round left, the skip alone is said (review30:
    one round, one place to start). A round left on another bank or another round is named and offered, the skip
    after it on the same line (fixCR, walk54: a round left half done after a round with skips went unmentioned,
    though it was the candidate's last act)."""
    left: Row | None = recap.get("left")
    bank, skipped = skipped_prompts(recap, find)
    if not left or not skipped or bank is None:
        return left
    stopped = find(left["bank_id"])
    rnd = next((r for r in stopped.rounds if r.id == left["round_id"]), None) if stopped is not None else None
    if stopped is None or rnd is None or (bank.id == stopped.id and
                                          set(recap.get("skipped") or []) & {p.id for p in rnd.prompts}):
        return None
    return left


def never_answered_text(texts: list[str]) -> str:
    """The one wording of a bank's questions never answered (HistoryService.never_answered), wherever they are named
    (Progress's key points, Welcome back, `history stats`): "Never answered: “What do you know about our products”",
    "… and 2 more questions" ("" for none). Walk45 2: a question never answered in a week was named nowhere."""
    if not texts:
        return ""
    more = f" and {counted(len(texts) - 1, 'more question', 'more questions')}" if len(texts) > 1 else ""
    return f"Never answered: “{texts[0].rstrip(' .')}”{more}"     # a question keeps its "?" (walk57 9)


def never_answered(recap: Row, find: Callable[[str], Any | None]) -> list[str]:
    """The texts of the questions of the recap's bank (the one Drill my weak points drills) never answered, in the
    bank's order, those skipped last time left out (the welcome asks for them already); [] when none, or the recap
    does not say which were answered (one stored before), or the bank is gone."""
    bank = find(recap["bank_id"]) if recap.get("answered") else None
    if bank is None:
        return []
    skipped = set(recap.get("skipped") or [])
    return [p.text for p in unanswered(bank, recap["answered"]) if p.id not in skipped]


def never_answered_in(recap: Row, find: Callable[[str], Any | None]) -> list[tuple[str, list[str]]]:
    """(bank id, texts) of each bank practised with questions never answered (`never_answered`: the chosen bank's
    skipped left out), the chosen bank first, then the last session's, then the others by their latest answer;
    fixBK: only the chosen bank's were named; fixBQ: only the last session's banks were counted."""
    chosen = never_answered(recap, find)
    out = [(recap["bank_id"], chosen)] if chosen else []
    for bank_id, answered in (recap.get("answered_in") or {}).items():
        bank = find(bank_id) if bank_id != recap["bank_id"] and answered else None
        texts = [p.text for p in unanswered(bank, answered)] if bank is not None else []
        out += [(bank_id, texts)] if texts else []
    return out


def never_answered_count_text(counts: list[tuple[str, int]], most: int | None = None, lead: str = "Never answered") -> str:
    """The one wording of never-answered questions in several banks (Welcome back, `history stats`), by bank name:
    "Never answered: 2 questions in Airwallex, 1 in Payments Q&A" ("" for none; `lead` opens it: "Also never
    answered"); past `most` banks, the rest counted together: "…, 5 more in 2 other banks" (two or more of them)."""
    if not counts:
        return ""
    (first, n), rest = counts[0], counts[1:]
    over = rest[most - 1:] if most and len(counts) > most + 1 else []      # one bank more is named
    rest = rest[:len(rest) - len(over)]
    return (f"{lead}: {counted(n, 'question')} in {first}" + "".join(f", {k} in {name}" for name, k in rest)
            + (f", {sum(k for _, k in over)} more in {counted(len(over), 'other bank')}" if over else ""))


def cut_off_said(recap: Row, find: Callable[[str], Any | None]) -> list[str]:
    """The welcome's line when the last session's last answer was cut off (the app quit mid-answer, "Keep it and
    quit"): it is kept but counted in nothing, and the welcome said only "1 drill" (walk45 7). [] otherwise, or when
    its bank or question is gone."""
    cut = recap.get("cut_last")
    bank = find(cut["bank_id"]) if cut else None
    try:
        asked = bank.prompt(cut["prompt_id"]).text.rstrip(" .") if bank is not None and cut else None
    except KeyError:
        asked = None
    return [f"Your last answer, to “{asked}”, was cut off: it is kept in History, not counted. Answer it again."] \
        if asked else []


def recap_lines(recap: Row, find: Callable[[str], Any | None], today: datetime | None = None,
                labels: dict[str, str] | None = None, picked: str | None = None,
                unloaded: Collection[str] = ()) -> tuple[str, str]:
    """(headline, details) for the last session, every bank of it; `find` gives a bank by id (None if it is gone)
    to name it and its questions; `labels` the names the pickers show (a look-alike bank with "(mine)"); `picked`
    the bank Practice's picker shows, named in the session's line and then "the bank chosen above" (walk15: a
    copy's long name five times over); `unloaded` the banks whose file did not load (BankRegistry.unloaded): their
    weak point has no drill until the file is fixed (walk68 3: the welcome said what the drill asks next, the drill
    then said "No weak points yet")."""
    def title(bank_id: str) -> str:
        return bank_title(bank_id, find, labels)

    def named(bank_id: str) -> str:
        return "the bank chosen above" if bank_id == picked else title(bank_id)

    banks = recap.get("banks") or [{"bank_id": recap["bank_id"], "answers": recap["answers"]}]
    n = recap["answers"]
    drills = recap.get("drills") or 0                # a drill counts for the points it drilled, not in the average
    follow_ups = recap.get("follow_ups") or 0        # nor does an answer to the follow-ups (queries.FOLLOW_UP)
    cut = recap.get("cut_off") or 0                  # an answer recovered cut off counts in nothing (walkthrough 9)
    # a follow-up answer adds to the answer it followed: the average is "before follow-ups" (app.scored, walk18:
    # "The follow-up answer is left out." read as if the round's 100 left something out)
    left = [f"the drill{'s' if drills != 1 else ''}"] * bool(drills) + \
        [f"the {'answer' if cut == 1 else f'{cut} answers'} cut off"] * bool(cut)
    # a skipped question is no answer: not in the average, only in its round's score as 0 (walk19: "Average per
    # answer, before follow-ups: 40" over 3 answers and a skip, beside the round's "before follow-ups 42").
    # Short statements, one after the other (walk15: "average 53 per answer (not counting the follow-up answer; a
    # skipped question counted as 0)" was hard to follow)
    told = []
    if left:
        out = f"{', '.join(left[:-1])} and {left[-1]}" if len(left) > 1 else left[0]
        plural = len(left) > 1 or (drills or cut) > 1
        told.append(f"{out} {'are' if plural else 'is'} left out")
    if told:
        told[0] = told[0][0].upper() + told[0][1:]
    whole = recap.get("whole")                       # the answers averaged (a recap stored before: unsaid)
    rnd = recap.get("round")
    before = (rnd or {}).get("before_follow_ups")      # its follow-ups raised it: both, each named (app.scored)
    both = rnd is not None and bool(rnd) and (before is not None or recap.get("average") is None
                                              or score_shown(rnd["overall"]) != score_shown(recap["average"]))
    # each question by its best try of the day, as Progress and the round count it (queries.BEST_OF_DAY; fixAR: it
    # averaged every try, "every try counted", beside charts counting the best); said when a question was tried again
    tries = recap.get("tries") or whole or 0
    # review35b: not "your one question, each by ..."; walk57 9: "each by its best try of 3 tries" read as 3 each
    retried = ((f", each by its best try ({counted(tries, 'try', 'tries')} in all)" if whole > 1 else
                f", by its best try of {counted(tries, 'try', 'tries')}") if whole and tries > whole else "")
    of = ("Score of your one question" + retried if retried else "Score of your one answer") if whole == 1 else \
        (f"Average of your {counted(whole, 'question')}{retried}" if retried else
         f"Average of your {counted(whole, 'answer')}") if whole else "Average per answer"
    # fixCW (walk55): the session on a copy and the bank it was copied from, the round on the origin: the average takes
    # in both (each question's best try, on either), the round only its own answers; each says which (75 beside 60
    # read as a contradiction)
    used = {b["bank_id"] for b in banks}
    rnd_bank = (rnd or {}).get("bank_id")
    origin = rnd_bank if rnd_bank and picked and rnd_bank != picked and picked in used and \
        rnd_bank in lineage_of(picked, find)[1:] else None
    with_origin = f", with {copied_from_text(origin, picked, find, labels)}" if origin and picked else ""
    average = (f"{of}{', before follow-ups' if follow_ups else ''}{with_origin}: {score_text(recap['average'])}."
               + (f" {'; '.join(told)}." if told else "")
               if recap.get("average") is not None else None)
    the_round = None
    if rnd and both:
        # two numbers for one day, each named (walkthrough 9: the round said 58, the welcome "average 73"), each on
        # its line (walk14: run on after the average); each question by its best try with what its follow-ups
        # added, weighed by its key points: not the average
        # what it weighs, as the bank is scored, and which of the day's runs it is (walk20: "weighed by competency"
        # for a bank without competencies; "the skipped one as 0" for the last of 2 runs, the first had answered it)
        missed, runs = rnd["skipped"], rnd.get("runs") or 1
        run = f", the last of your {runs} runs of it {_day(recap['started_at'], today)}" if runs > 1 else ""
        skip = (" in it" if runs > 1 else "") + " as 0"
        why = " (each question by its best try" + (" in that run" if runs > 1 else "") + (
            (", the one skipped" if runs > 1 else ", the skipped one") + skip + ")" if missed == 1 else
            f", the {missed} skipped{skip})" if missed else ")")
        # in the feedback's words (walk21: "weighed by competency" beside "weighted by the job's competencies")
        weighed = {"competency": ", weighted by the job's competencies",
                   "key points": ", weighted by its key points"}.get(rnd.get("weighed") or "", "")
        scored = both_text(before, rnd["overall"]).lower() if before is not None else score_text(rnd['overall'])
        there = f" on {bank_title(origin, find, labels)}, without your answers on this copy" if origin else ""
        the_round = f"Round score of “{rnd['title']}”{there}{run}{weighed}: {scored}{why}."
    on = (title(banks[0]["bank_id"]) if len(banks) == 1 else
          f"{len(banks)} banks (" + "; ".join(f"{answers_text(b['answers'], b.get('drills') or 0, b.get('follow_ups') or 0)}"
                                              f" on {title(b['bank_id'])}" for b in banks) + ")")
    # fixO: what to do next comes first, one step a line, then the last session in one line and the round's own score
    # when it differs (it was up to six lines, the session first and what to do last): "answer it first" or where the
    # round stopped (one of them: One prompt… opens on the skipped one first), what to drill, then the session
    session = f"Last session, {_day(recap['started_at'], today)}: {answers_text(n, drills, follow_ups)} on {on}." + (
        f" {average}" if average else "")
    said: list[str] = []
    bank, skipped = skipped_prompts(recap, find)
    left_at = left_offered(recap, find)
    stopped = find(left_at["bank_id"]) if left_at else None
    if left_at and stopped is not None:            # walk25: a restart did not say where the round stopped
        try:
            asked = stopped.prompt(left_at["prompt_id"]).text.rstrip(" .")
        except KeyError:
            asked = None
        if asked:
            # fixBZ: a round left on a day before the last session's, or on a bank it did not use, says which
            other_bank = len(banks) > 1 or all(b["bank_id"] != stopped.id for b in banks)
            when = _day(left_at["started_at"], today) if left_at.get("started_at") and \
                local(left_at["started_at"]).date() != local(recap["started_at"]).date() else ""
            there = f" on {named(stopped.id)}" if other_bank else ""
            # one "on" (read39a/b): "on “Airwallex” (4 Dec)", not "on “Airwallex” on 4 Dec"
            there = f"{there} ({when.removeprefix('on ')})" if there and when else there or (f" {when}" if when else "")
            said.append(left_round_text(left_at, asked, stopped, there))
    if skipped and bank is not None:
        # skipped on the bank a copy was made from, offered on the copy: said so, not "on the bank chosen above"
        # (walk37), nor with the origin's name while the picker shows the copy (walk15)
        origin = (recap.get("skipped_in") or bank.id) != bank.id
        also = bool(said)       # fixCR: a round left elsewhere said first, its button beside Start round: one line
        # read41: named whenever the line before it, the round left, is on another bank
        elsewhere = also and stopped is not None and stopped.id != bank.id
        where = (" on the bank " + ("the one chosen above" if bank.id == picked else title(bank.id)) + " was copied "
                 "from") if origin else f" on {named(bank.id)}" if len(banks) > 1 or elsewhere else ""
        ask = "them" if len(skipped) > 1 else "it"       # walk58 7: "… and 1 more: answer it first today"
        line = (f"You {'also ' * also}skipped “{skipped[0]}”" + (f" and {len(skipped) - 1} more" if len(skipped) > 1 else "")
                + where + (f": answer {ask} today too." if also else f": answer {ask} first today."))
        if also:
            said[-1] += " " + line
        else:
            said.append(line)
    never_said = ""
    several = never_answered_in(recap, find)      # the chosen bank's first, when it has any (`never_answered`)
    never = several[0][1] if several and several[0][0] == recap["bank_id"] else []
    # the first thing to practise (walk45 2: named nowhere), unless a question skipped or a round left unfinished is
    # said already: one "start here", at most four lines (fixO); in several banks, counted by bank (fixBK)
    if several and (len(several) > 1 or several[0][0] != recap["bank_id"]) and not said:    # read37: one other bank
        said.append(never_answered_count_text([(named(b), len(t)) for b, t in several], WELCOME_BANKS_NAMED)
                    + (". Choose it above and Drill my weak points asks " + ("it" if len(several[0][1]) == 1 else "them")
                       + " first." if len(several) == 1 else
                       ". Choose a bank above and Drill my weak points asks its questions first."))
    elif several and said:      # fixBQ noticed: a round left or a question skipped said, the count went unsaid
        waiting = _waiting_texts(left_at, stopped)       # the left round's: Continue asks them, not counted again
        # nor the questions skipped, said on the line (on a copy's origin too: the same text)
        rest = [(b, [t for t in texts if (b, t) not in waiting and t.rstrip(" .") not in skipped])
                for b, texts in several]
        counts = [(named(b), len(t)) for b, t in rest if t]
        if counts:              # on the "start here" line: at most four lines (fixO)
            said[-1] += " " + never_answered_count_text(counts, WELCOME_BANKS_NAMED, lead="Also never answered") + "."
    elif never and not said:
        never_said = never[0].rstrip(" .")      # "Drill my weak points asks it first" (or the first of them)
        said.append(never_answered_text(never) + (f" on {named(recap['bank_id'])}" if len(banks) > 1 else "")
                    + (". Drill my weak points asks it first." if len(never) == 1 else
                       ". Drill my weak points asks the first of them first."))
    said += cut_off_said(recap, find)
    weak = recap.get("weakest")
    if weak and (weak.get("bank_id") or recap["bank_id"]) in unloaded:
        said.append(unloaded_weak_text(weak["label"], title(weak.get("bank_id") or recap["bank_id"])))
    elif weak:
        where = named(weak.get("bank_id") or recap["bank_id"])
        older = rate_notes(weak)       # said in a follow-up (walk20), judged on its old wording (walkthrough 12)
        copy = weak.get("bank_id") or recap["bank_id"]
        given = weak.get("given_with") or {}       # a copy's answers take in its lineage's (walk15: unsaid)
        if given:
            them = [(f"{'all' if n == weak['attempts'] else n} of them given" if i == 0 else str(n))
                    + f" with {copied_from_text(b, copy, find, labels)}" for i, (b, n) in enumerate(given.items())]
            older = ", ".join([older] * bool(older) + them)
        # what the drill asks before the point (drill_queue), unless the line before named it as asked first
        ahead = _never_first(recap, weak, find, skipped if bank is not None else [])
        after = bool(never_said) and ahead.startswith(f"“{never_said}” (never answered), then ")
        said.append((DRILL_ASKS_NEXT if len(banks) == 1 or where == named(picked or "") else
                     f"Drill my weak points on {where} asks next")
                    + (", after it: " if after else ": " + ahead)
                    + f"“{weak['label']}” (covered in {weak['hits']} of {counted(weak['attempts'], 'recent answer')}"
                    + (f", {older}" if older else "") + ")"
                    + (f" on {where}." if len(banks) > 1 and where == named(picked or "") else "."))
    said += [line for line in (session, the_round) if line]
    return "Welcome back.", "\n".join(said)     # one thing a line (walkthrough 9: one dense paragraph)


def unloaded_weak_text(label: str, bank: str) -> str:
    """The welcome's line on a weak point of a bank whose file did not load (`bank` its title, quoted)."""
    return (f"Your weakest point, “{label}”, is on {bank}, whose file has a problem: no drill until the file is fixed "
            "and saved (see Banks).")


def _never_first(recap: Row, weak: Row, find: Callable[[str], Any | None], skipped: list[str]) -> str:
    """What the drill asks before the weak point `weak`, as the welcome's "asks next" line says it (drill_queue, the
    drill's one rule): "" when the weak point comes first; a question never answered, "“…” (never answered), then "
    (fixDJ, walks 57/58: the welcome named the weak point, the drill asked the question just skipped first); "the
    question you skipped, then " when it is the question the line before says was skipped (`skipped`, texts); with
    several asked first, "“…” and 1 more question (never answered), then "."""
    bank = find(recap["bank_id"]) if recap.get("answered") else None
    if bank is None:
        return ""
    queue = drill_queue(unanswered(bank, recap["answered"]), [weak],
                        recap.get("never_drilled", HistorySettings.never_answered_drilled))
    ahead = [bank.prompt(q["prompt_id"]).text.rstrip(" .") for q in queue if q is not weak]
    if not ahead:
        return ""
    if ahead == skipped:
        return f"the question{'s' * (len(ahead) > 1)} you skipped, then "
    more = f" and {counted(len(ahead) - 1, 'more question')}" if len(ahead) > 1 else ""
    return f"“{ahead[0]}”{more} (never answered), then "


def _waiting_texts(left: Row | None, bank: Any) -> set[tuple[str, str]]:
    """(bank id, text) of the questions the round left (`left`) still waits for (Continue asks them)."""
    rnd = next((r for r in bank.rounds if r.id == left["round_id"]), None) if left and bank is not None else None
    if rnd is None or left is None:
        return set()
    return {(bank.id, rnd.prompts[p - 1].text) for p in left.get("waiting") or [] if 0 < p <= len(rnd.prompts)}


def resume_index(left: Row, bank: Any) -> int:
    """Where the round the welcome says was left (`left`: HistoryService.recap's) takes up again: its first question
    with no answer, 0-based in `bank`'s round as it is now (0 when it is gone). The one rule of Welcome back's line
    and Practice's "Continue from question N" (walk47: questions 1-3 skipped, 4 answered, the line said "at question 1"
    and the candidate took Start round's question 1 for question 4)."""
    rnd = next((r for r in bank.rounds if r.id == left["round_id"]), None) if bank is not None else None
    return next((i for i, p in enumerate(rnd.prompts) if p.id == left["prompt_id"]), 0) if rnd else 0


def skipped_waiting(left: Row) -> list[int]:
    """The positions of the left round's questions skipped before one answered: they wait (1-based)."""
    last = left.get("last_answered") or 0
    return [p for p in left.get("waiting") or [] if p < last]


def positions_text(positions: list[int]) -> str:
    """"question 2", "questions 2 and 3", "questions 1–3", "questions 1, 3 and 5"."""
    if len(positions) == 1:
        return f"question {positions[0]}"
    if len(positions) > 2 and positions == list(range(positions[0], positions[-1] + 1)):
        return f"questions {positions[0]}–{positions[-1]}"
    return "questions " + ", ".join(str(p) for p in positions[:-1]) + f" and {positions[-1]}"


def left_round_text(left: Row, asked: str, bank: Any, on: str = "") -> str:
    """Welcome back's line for a round left unfinished: where it stopped, and, when questions were skipped before
    one answered, that they wait and the button that asks them first: "You left “Round 4” after question 4 of 4;
    questions 1–3, skipped, are waiting: Continue from question 1 asks “Why Airwallex” first." (`on`: where and
    when, if not the last session's bank and day: " on <bank>", " on 4 Dec", " on <bank> (4 Dec)", or "")."""
    total, skipped = left["total"], skipped_waiting(left)
    if not skipped:
        at = f"at question {left['position']} of {total}: " if total > 1 else "at "
        return f"You left “{left['title']}”{on} {at}“{asked}”."
    button = f"Continue from question {resume_index(left, bank) + 1}"
    waits = f"{positions_text(skipped)}, skipped, " + ("is" if len(skipped) == 1 else "are")
    return (f"You left “{left['title']}”{on} after question {left['last_answered']} of {total}; {waits} waiting: {button} "
            f"asks “{asked}” first.")


def copied_text(copied: list[Row], copy: str, find: Callable[[str], Any | None],
                labels: dict[str, str] | None = None) -> str:
    """What a copied bank's (`copy`) Progress takes in from the banks it was copied from (`copied`: [{"bank_id",
    "answers"}], HistoryService.copied), each named by copied_from_text: "Includes 3 answers given with
    “Airwallex”, the bank this one was copied from." ("" for none; the copy is the bank chosen above it). Walk15:
    counted, unsaid."""
    if not copied:
        return ""
    # counted as everywhere (app.scored: walk19 read "Includes 4 answers" for 3 answers and 1 follow-up)
    given = [f"{answers_text(c['answers'], c.get('drills') or 0, c.get('follow_ups') or 0)} given with " if i == 0
             else f"{answers_text(c['answers'], c.get('drills') or 0, c.get('follow_ups') or 0)} with "
             for i, c in enumerate(copied)]
    given = [g + copied_from_text(c["bank_id"], copy, find, labels) for g, c in zip(given, copied, strict=True)]
    said = given[0] if len(given) == 1 else f"{', '.join(given[:-1])}, and {given[-1]}"
    return f"Includes {said}."


def _when(iso: str, today: datetime | None = None) -> str:
    """"earlier today", "yesterday" or "30 Nov": when an earlier answer was given."""
    day = _day(iso, today)
    return "earlier today" if day == "today" else day.removeprefix("on ")


def last_given_with(previous: Row | None, bank_id: str, find: Callable[[str], Any | None],
                    labels: dict[str, str] | None = None) -> str:
    """The bank a last answer (or run) was given with, when not `bank_id`'s own, named by copied_from_text: a copy's
    last time can be its origin's (walk17: unsaid); "" when it is the bank's own."""
    given = (previous or {}).get("bank_id")
    return copied_from_text(given, bank_id, find, labels) if given and given != bank_id else ""


def since_last_time(previous: Row | None, now: float | None, what: str = "",
                    today: datetime | None = None, answered: tuple[int, int] | None = None,
                    origin: str = "") -> str | None:
    """An answer's (or with `what` = "this round", a round's) score beside the last one, from History, whichever
    session it was in: "Last time 31 (yesterday) → now 100 (+69)" (walkthrough 9: nothing said "you improved since
    yesterday"). None when there is no last time or no score now.

    A round's `answered` now, (answered, total), and the last run's ("answered", "total"): when either skipped a
    question both are said, and that a skipped question counts as missed (walkthrough 12: "64 → now 41 (−23)"
    compared a complete round with one that skipped 2 questions and did not say so). `origin` (last_given_with):
    the bank the last one was given with, a copy's origin: "(earlier today, with “Airwallex”, the bank this one
    was copied from)" (walk17: a copy's "Last time 15" was its origin's, unsaid). `previous`'s `with_follow_ups`
    (HistoryService.previous_answer): the key points its follow-up answers brought it to, said beside its score."""
    if previous is None or previous.get("overall") is None or now is None:
        return None
    delta = score_shown(now) - score_shown(previous["overall"])
    change = f" ({'+' if delta > 0 else '−'}{abs(delta)})" if delta else " (the same)"
    subject = f"Last time {what} scored" if what else "Last time"
    before = (previous["answered"], previous["total"]) if previous.get("answered") is not None and \
        previous.get("total") else None
    incomplete = [n for n in (before, answered) if n is not None and n[0] < n[1]]
    skipped = f", {before[0]} of {before[1]} answered" if before is not None and incomplete else ""
    when = _when(str(previous.get("finished_at") or previous["started_at"]), today)
    given = f", with {origin}" if origin else ""
    # what its follow-up answers added, as the round counted it (walk60 10: "Last time 42" of a question the round
    # counted 100 with its follow-ups)
    followed = previous.get("with_follow_ups")
    after = f"; {with_follow_ups_text(followed['hits'], followed['total'], followed['answers'])}" \
        if followed and followed["hits"] > followed["own"] else ""
    text = f"{subject} {score_text(previous['overall'])} ({when}{given}{skipped}{after}) → now {score_text(now)}"
    if answered is not None and incomplete:
        text += (f", {answered[0]} of {answered[1]} answered" if answered[0] < answered[1] else
                 f", all {answered[1]} answered")
    text += change
    if incomplete:
        text += "; a skipped question counts as missed"
    return text
