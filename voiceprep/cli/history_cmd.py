"""`voiceprep history ...`: list, show, search, stats, compare, export, import, delete."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from voiceprep.app.followed import added_points
from voiceprep.app.history_service import SUFFIXES, answers, unfinished_text
from voiceprep.app.recap import never_answered_count_text, never_answered_text
from voiceprep.app.scored import answers_text
from voiceprep.cli.common import CliError, app_history, emit, emit_error, print_json, user_errors
from voiceprep.cli.said_diff import use_colour
from voiceprep.core.history.compared import compare_lines
from voiceprep.core.history.queries import (
    BEST_TRY_COUNTED,
    DELIVERY_COUNTED,
    NO_MATCH_TIP_TEXT,
    NO_WORD_TEXT,
    SEARCH_SYNTAX_TEXT,
    ApartWhy,
    NotOneQuestion,
    averaged_text,
    cut_off_count_text,
    found_text,
    has_words,
    in_follow_up_text,
    kind_name,
    older_wording_text,
    only_asked,
    own_score,
    rescored_text,
    retries_text,
)
from voiceprep.core.history.skipped import skipped_text
from voiceprep.core.wording import counted, score_text

STATS_HELP = """Progress, hit rates and weak points, of one bank (--bank), one prompt (--prompt) or everything.

--json prints one object: bank, prompt (as asked, or null), attempts, typed, drills, follow_ups, cut_off (answers
cut off, counted in nothing), skipped (questions skipped in rounds: not answered, in no average, counted apart),
avg_overall (unrounded), best_overall, minutes_spoken, first, last (ISO times),
recent and earlier ({overall, wpm, fillers_per_min} unrounded; answers: how many whole answers the overall averages,
the last 5 and up to 5 before them; spoken: how many spoken answers wpm and fillers_per_min average, the last 5
and up to 5 before them, a lower retry of a day too, as Progress's pace and fillers charts),
weak_points (--prompt's points alone when given; {bank id: [{prompt_id, prompt_text, key_point_id, label, competency,
hits, attempts, rate, weight (the point's: a tie goes to the heavier),
asked (answers that missed it and whose follow-up answer said it: "+1 in follow-up"),
standing (0 to 1: hits, each of asked as part of a hit, per answer counted; weakest first)}]}: the 5 weakest),
weak_points_missed ({bank id: how many points were missed in all}: weak_points lists the first 5 of them),
never_answered ({bank id: [prompt id]}: each bank's questions with no answer yet, in the bank's order; none with
--prompt, nor for a bank never practised),
retries (lower tries of a question answered again the same day: counted and in best_overall, not in avg_overall,
the overall of recent and earlier, the competencies nor weak points, which count each question's best try of a
day, as Progress does),
competencies_by_bank ({bank id: {competency id: {latest, average, attempts, answers, skipped}}}; latest and average
of its answers alone (answers: how many), skipped: the skipped questions probing it, left out; latest and average
null when it has no answer), and competencies: the competencies of the one
bank counted ({competency id: {latest, average, attempts, answers, skipped}}), or null when answers of two banks or
more are counted (read competencies_by_bank then)."""

LIST_LIMIT = 20             # answers `history list` shows, newest first


def register(sub: Any) -> None:
    h = sub.add_parser("history", help="review, search and compare past answers (alone: the recent answers)",
                       description="Review, search and compare past answers. Alone, `voiceprep history` lists the "
                                   "recent answers, as `voiceprep history list` does.")
    hs = h.add_subparsers(dest="history_command", metavar="ACTION")
    # `voiceprep history` alone lists the recent answers, as `history list` (walk19: "ACTION required", exit 2)
    h.set_defaults(func=cmd_list, bank=None, prompt=None, limit=LIST_LIMIT, json=False)
    p = hs.add_parser("list", help="recent answers",
                      description="Recent answers, newest first: id, time, score, length, bank/prompt, and "
                                  "\"round N\" for an answer given in a round (N is what `voiceprep history export "
                                  "--round` takes).")
    p.add_argument("--bank", metavar="BANK_ID", help="only this bank's answers (its id: `voiceprep banks list`); "
                                                      "a bank you duplicated takes in those of the bank it was "
                                                      "copied from, as in the app")
    p.add_argument("--prompt", metavar="PROMPT_ID", help="only this prompt's answers (its id, as the list shows "
                                                        "after the bank: bank/prompt)")
    p.add_argument("--limit", type=int, default=LIST_LIMIT,
                   help="how many answers, newest first (default: %(default)s)")
    p.add_argument("--json", action="store_true", help="print the answers as a JSON list")
    p.set_defaults(func=cmd_list)
    p = hs.add_parser("show", help="one answer in full (its id: the first column of `voiceprep history list`)")
    p.add_argument("id", type=int, help="the answer's id: the first column of `voiceprep history list`")
    p.add_argument("--json", action="store_true", help="print the answer as one JSON object")
    p.set_defaults(func=cmd_show)
    p = hs.add_parser("search", help="full-text search over what you said, the questions and your notes",
                      description="Find answers by the words in what you said, the questions and your notes, best "
                                  f"first. Every word must be found; {SEARCH_SYNTAX_TEXT}. A word also finds its "
                                  "other endings (latency: latencies). Finding nothing gives exit status 1, as grep does.")
    p.add_argument("text", nargs="+", action=_Words, metavar="WORD", help="the words to find (see above)")
    p.set_defaults(func=cmd_search)
    p = hs.add_parser("stats", help="progress, hit rates and weak points", description=STATS_HELP,
                      formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--bank", metavar="BANK_ID", help="one bank's progress; a bank you duplicated takes in the "
                                                      "answers given in the bank it was copied from, as Progress does")
    p.add_argument("--prompt", metavar="PROMPT_ID", help="one prompt's progress (its id, as `voiceprep history list` "
                                                        "shows it after the bank: bank/prompt)")
    p.add_argument("--json", action="store_true", help="print one JSON object (its fields are listed above)")
    p.set_defaults(func=cmd_stats)
    p = hs.add_parser("compare", help="two answers to one question (their ids)")
    p.add_argument("id1", type=int, help="the earlier answer's id (`voiceprep history list`)")
    p.add_argument("id2", type=int, help="the later answer's id")
    p.add_argument("--json", action="store_true", help="print the comparison as one JSON object")
    p.set_defaults(func=cmd_compare)
    p = hs.add_parser("export", help="export as Markdown, JSON or CSV",
                      description="Export answers as Markdown, JSON or CSV: one answer, one round, a bank's or "
                                  "one prompt's, or all. `voiceprep history list` shows each answer's id and, "
                                  "after \"round\", the number of the round it was part of.")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--round", type=int, dest="round_pk", metavar="ROUND",
                       help="the answers of one round (its number: `voiceprep history list` shows it after \"round\")")
    which.add_argument("--attempt", type=int, metavar="ID", help="one answer (its id: the first column of "
                                                                 "`voiceprep history list`)")
    which.add_argument("--bank", metavar="BANK_ID", help="every answer of this bank (with --prompt: of one prompt); "
                                                          "a bank you duplicated takes in those of the bank it was "
                                                          "copied from")
    which.add_argument("--all", action="store_true", help="every answer (the default)")
    p.add_argument("--prompt", metavar="PROMPT_ID", help="with --bank: only this prompt's answers")
    p.add_argument("--format", choices=("md", "json", "csv"),
                   help="md: Markdown to read; json: everything, for `voiceprep history import`; csv: a spreadsheet "
                        "(default: --out's extension, else md)")
    p.add_argument("--out", type=Path, help="write to this file (default: print)")
    p.set_defaults(func=cmd_export)
    p = hs.add_parser("import", help="import a JSON export (answers already present are skipped)")
    p.add_argument("file", type=Path, help="a file written by `voiceprep history export --format json`")
    p.set_defaults(func=cmd_import)
    p = hs.add_parser("delete", help="delete an answer and its audio for good (its id; asks first)",
                      description="Delete an answer and its recording for good: there is no undo here (the app's "
                                  "History has Undo for a delete made there). On a terminal it asks first; from a "
                                  "script, add --yes.")
    p.add_argument("id", type=int, help="the answer's id: the first column of `voiceprep history list`")
    p.add_argument("-y", "--yes", action="store_true", help="delete without asking (needed when not at a terminal)")
    p.set_defaults(func=cmd_delete)
    p = hs.add_parser("rejudge", help="score a stored answer again with the current judge, against the question's "
                                      "key points as they read now (replaces its scores)")
    p.add_argument("id", type=int, help="the answer's id: the first column of `voiceprep history list`")
    p.set_defaults(func=cmd_rejudge)


def _score(v: float | None) -> str:
    return "  -" if v is None else f"{score_text(v):>3}"


def _length(r: dict[str, Any]) -> str:
    return "typed" if r.get("input") == "typed" else f"{(r['duration_s'] or 0):4.0f}s"


def _marks(r: dict[str, Any]) -> str:
    """What list and search say after an attempt's question: "drill" (told what to cover), "follow-up" (answered
    the interviewer's follow-ups), an unfinished state, "cut off" (the app closed or the microphone stopped
    mid-answer: counted in nothing), "+1 key point in follow-up" (points its follow-up answers added), comma apart."""
    state = r["state"] if r["state"] != "done" else "cut off" if r.get("state_detail") else ""
    part = f"round {r['round_pk']}" if r.get("round_pk") is not None else ""   # what `export --round` takes
    again = "re-scored" if rescored_text(r) else ""          # its score replaced the one first shown
    followed = r.get("with_follow_ups")                        # what its follow-up answers added, as History says it
    added = added_points(len(followed["covered"])) if followed and followed["covered"] else ""
    return ", ".join(m for m in ((kind_name(r) or "").lower(), state, again, added, part) if m)   # apart (walk19)


def cmd_list(args: argparse.Namespace) -> int:
    with user_errors("Listing the history"), app_history() as (service, _):
        rows = service.attempts(bank=args.bank, prompt=args.prompt, limit=args.limit)
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        emit("No answers yet. Rehearse in the app, or: voiceprep score ... --save")
    # a drill's or follow-up answer's own count, as History shows it ("1/2 covered"), not its uncounted score; the
    # column as wide as its widest cell, so the columns after it line up (session 14)
    scores = [own_score(r) or _score(r["overall"]) for r in rows]
    header = bool(rows) and sys.stdout.isatty()     # on a terminal (walk48: no header); piped, records only
    width = max((len(s) for s in scores), default=0)
    if header:
        width = max(width, len("score"))
        emit(f"{'id':>5}  {'when':16}  {'score':>{width}}  {'length':>6}  bank/question  notes")
    for r, score in zip(rows, scores, strict=True):      # wrapped on a terminal, a row a line when piped (fixBY)
        emit(f"{r['id']:5}  {r['started_at'][:16].replace('T', ' ')}  {score:>{width}}  {_length(r):>{6 if header else 5}}  "
             f"{r['bank_id']}/{r['prompt_id']}  {_marks(r)}".rstrip())
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with user_errors("Showing the answer"), app_history() as (service, _):
        if args.json:
            print_json(service.attempt(args.id))
        else:
            emit(terminal_text(service.render([args.id], "md")))
    return 0


def terminal_text(markdown: str) -> str:
    """One answer's Markdown export as a terminal page: no export header ("# voiceprep: 1 answer", "*Exported ...*",
    walk48 7), no Markdown marks; headings end in a colon, lists and the transcript indented."""
    lines: list[str] = []
    for line in markdown.splitlines():
        if line.startswith("# voiceprep:") or re.fullmatch(r"\*Exported [^*]*\*", line):
            continue
        line = line.replace("**", "")
        if re.fullmatch(r"\*[^*].*\*", line):          # an emphasised line: *Airwallex — ... — answer 1 ...*
            line = line[1:-1]
        if line.startswith("### "):
            line = f"{line[4:]}:"
        elif line.startswith("## "):
            line = line[3:]
        elif line.startswith("> "):
            line = f"  {line[2:]}"
        elif line.lstrip().startswith("- "):
            line = f"  {line}"
        if line or (lines and lines[-1]):
            lines.append(line)
    return "\n".join(lines).strip("\n")


class _Words(argparse.Action):
    """`history search`'s words: a search of no word ("", spaces, "%") is a usage error, exit 2, saying what to type
    (fixBY: it printed NO_WORD_TEXT on stdout and exited 0, as if searched). History's empty box lists every answer
    and its "%" says NO_WORD_TEXT: the same words."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        if not has_words(" ".join(values)):       # as parser.error says it, wrapped as every error (emit_error)
            parser.print_usage(sys.stderr)
            emit_error(f"{parser.prog}: error: {NO_WORD_TEXT[0].lower()}{NO_WORD_TEXT[1:]} (what you said, the "
                       "questions and your notes are searched by their words): `voiceprep history search WORD`, or "
                       "`voiceprep history list` for every answer")
            parser.exit(2)
        setattr(namespace, self.dest, values)


def cmd_search(args: argparse.Namespace) -> int:
    text = " ".join(args.text)
    with user_errors("Searching the history"), app_history() as (service, _):
        rows = service.search(text)
    if not rows:        # on stderr, exit 1, as grep: `history search X | wc -l` counts answers (fixBU)
        emit_error("No answer matches (searched what you said, the questions and your notes). "
                   f"{NO_MATCH_TIP_TEXT}")
        return 1
    emit("\n".join(f"{r['id']:5}  {r['started_at'][:10]}  {r['bank_id']}/{r['prompt_id']}  "
                   f"{_marks(r) + '  ' if _marks(r) else ''}{found_text(r)}" for r in rows))
    return 0


def delivery_text(stats: dict) -> str:
    """Stats' recent (vs earlier) pace and fillers, of the spoken answers (DELIVERY_COUNTED), saying how many when they
    are not the answers the overall beside them counts (walk58 finding 2: "pace –" beside Progress's 121); compared
    only when the overall is (walk60 9)."""
    recent, earlier = stats["recent"].get("spoken") or 0, stats["earlier"].get("spoken") or 0
    if not stats["earlier"].get("answers"):
        # the line says "(none before them to compare)": no comparison after it either (walk60 9: "6.4 vs 0.0 (of the
        # last 5 spoken answers vs the 1 before)", the one before a lower retry of a question counted once)
        earlier = 0
    if not recent:
        return "no pace or fillers (no spoken answer: a typed one has neither)"
    sides = ("recent", "earlier") if earlier else ("recent",)

    def both(key: str, places: int) -> str:
        return " vs ".join("–" if (v := stats[when][key]) is None else f"{v:.{places}f}" for when in sides)
    said = f"pace {both('wpm', 0)} words/min, fillers/min {both('fillers_per_min', 1)}"
    if (recent, earlier) == (stats["recent"].get("answers"), stats["earlier"].get("answers")) and not stats.get("typed") \
            and not stats.get("retries"):
        return said                              # the same answers as the overall's
    return said + (f" (of the last {counted(recent, 'spoken answer')}" + (f" vs the {earlier} before" if earlier else "")
                   + ")")


def cmd_stats(args: argparse.Namespace) -> int:
    from voiceprep.core.banks import BankRegistry
    registry = BankRegistry.discover()
    with user_errors("Reading your progress"), app_history() as (service, _):
        s = service.stats(args.bank, args.prompt)
        # each bank's questions never answered, named before its most missed points (walk45 2: named nowhere)
        never = {} if args.prompt else {b: service.never_answered(bank) for b in s["weak_points"]
                                        if (bank := registry.find(b)) is not None}
    s["never_answered"] = {b: [p.id for p in prompts] for b, prompts in never.items() if prompts}
    if args.json:
        print_json(s)
        return 0
    notes = [f"{s['typed']} typed, not counted in minutes or pace"] if s["typed"] else []
    notes += [f"the drill{'s' * (s['drills'] > 1)}, answered after being told which points to cover, not in the "
              "averages or best"] if s["drills"] else []
    follow_ups = s.get("follow_ups") or 0
    notes += [f"the follow-up{'s' * (follow_ups > 1)}, answering the interviewer's follow-ups, not in the "
              "averages or best"] if follow_ups else []
    typed = f" ({'; '.join(notes)})" if notes else ""
    # only drills: no whole answer to average (it printed "average overall 0, best 0"); as Progress says it: a
    # skipped question is no answer, not in it (walk19), and a follow-up adds to the answer it followed (app.scored)
    before = " before follow-ups" if follow_ups else ""
    # the unrounded mean, rounded once as the app shows it (walk22: 51.46 was "51" on one screen, "52" on another)
    best = score_text(s["best_overall"])
    # a lower retry the same day is in no number but the count and the best (queries.BEST_OF_DAY), as on Progress
    retries = retries_text(s.get("retries") or 0)
    average = (f"average overall {score_text(s['avg_overall'])} per answer{before}, best {best}"
               if s["avg_overall"] is not None
               else "no average yet" + only_asked(s))
    # a cut-off answer is no attempt: said after, as Progress says it (review 16: only --json had it)
    cut = f"; {cut_off_count_text(s['cut_off'])}" if s.get("cut_off") else ""
    # counted as the app counts them, so they add up (walk19: "5 answers (…; 1 follow-up answer …)")
    said = answers_text(s["attempts"], s["drills"], follow_ups)
    emit(f"{said}{typed}, {s['minutes_spoken'] or 0} minutes spoken; {average}{cut}")
    # the answers each side averages, as counted (walk25: "Recent 5 vs the 5 before" of 6 answers, one before)
    recent, earlier = s["recent"].get("answers"), s["earlier"].get("answers")
    sides = ("recent", "earlier") if earlier else ("recent",)

    def both(key: str, places: int = 0) -> str:   # "–", not Python's "None", where there is nothing to average
        shown = (lambda v: score_text(v, places)) if key == "overall" else (lambda v: f"{v:.{places}f}")   # a score
        return " vs ".join("–" if (v := s[when][key]) is None else shown(v) for when in sides)
    if recent:
        which = f"Recent {counted(recent, 'answer')}" + (f" vs the {earlier} before" if earlier else
                                                          " (none before them to compare)")
        emit(f"{which}: overall {both('overall')}, {delivery_text(stats=s)}")
    by_bank = s.get("competencies_by_bank") or {}
    names = registry.labels()
    # counted as Progress counts them: a question answered again the same day by its best try (queries.BEST_OF_DAY;
    # fixAR: the competencies and weak points counted every try beside Progress's charts counting the best)
    if retries:
        emit(f"{BEST_TRY_COUNTED}: {counted(s['retries'], 'lower retry', 'lower retries')} left out.")
        if s["recent"].get("spoken"):
            emit(f"{DELIVERY_COUNTED}.")         # the pace beside it is not the best tries' (walk58 finding 2)
    for bank_id, comps in by_bank.items():   # per bank, by name (walkthrough 11: two banks' ids in one list)
        bank = registry.find(bank_id)
        emit(f"Competencies in {names.get(bank_id, bank_id)}:")
        named = {cid: comp.name if bank is not None and (comp := bank.competency(cid)) is not None else cid
                 for cid in comps}
        column = max(map(len, named.values()), default=0)   # as wide as its longest name (walk48: rows over 80)
        for cid, c in comps.items():
            name = named[cid]
            if c["average"] is None:        # probed only by skipped questions, no answer (core.history.skipped)
                emit(f"  {name:{column}}  no answer yet ({skipped_text(c['skipped'], why=False)})")   # said once
                continue
            emit(f"  {name:{column}}  latest {score_text(c['latest'] or 0):>5}  average {score_text(c['average'] or 0, 1):>5}  "
                  f"({averaged_text(c)})")
    for bank_id in s["weak_points"]:        # a bank answered with none: said, not left out (session 14)
        bank = registry.find(bank_id)
        if bank_id not in by_bank and bank is not None and not bank.competencies:
            emit(f"Competencies in {names.get(bank_id, bank_id)}: none (the bank is scored by its key points)")
    several = [(names.get(b, b), len(prompts)) for b, prompts in never.items() if prompts]
    if len(several) > 1:                    # fixBK: counted by bank first, as Welcome back says it
        emit(f"{never_answered_count_text(several)}.")
    for bank_id, prompts in never.items():
        if prompts:
            for p in prompts:           # each line names its bank (walk48: the lines after the first did not)
                emit(f"{never_answered_text([p.text])} ({p.id}) in {names.get(bank_id, bank_id)}")
    for bank, weak in s["weak_points"].items():
        if weak:
            emit(most_missed_heading(names.get(bank, bank), len(weak), s["weak_points_missed"][bank]))
            for w in weak:              # weakest first: said only in a follow-up after missed outright (fix45)
                said = in_follow_up_text(w)      # said in a follow-up (walk20), beside the count as Progress has it
                older = older_wording_text(w)    # judged on its old wording (walkthrough 12)
                emit(f"  hit {w['hits']} of {w['attempts']}" + (f", {said}" if said else "")
                      + f"  {w['prompt_id']}: {w['label']}" + (f" ({older})" if older else ""))
    return 0


def most_missed_heading(bank_name: str, shown: int, missed: int) -> str:
    """"Most missed in <bank>:" by name, as above (review 14), and how many of how many when it lists fewer than
    were missed (walk59 10: the top 5 of 6, unsaid; Progress's key-point table lists them all)."""
    if shown >= missed:
        return f"Most missed in {bank_name}:"
    return f"Most missed in {bank_name} ({shown} of {missed} missed points; the app's Progress page lists them all):"


# what to do when two answers do not compare, in a terminal's words (History says "select two answers ...")
GIVE_TWO = {ApartWhy.DIFFERENT_QUESTIONS: "the same question", ApartWhy.SAME_WORDING: "one of them"}


def cmd_compare(args: argparse.Namespace) -> int:
    with user_errors("Comparing"), app_history() as (service, _):
        try:
            c = service.compare(args.id1, args.id2)
        except NotOneQuestion as exc:       # core's reason, then what to do here (walk48: History's "select" was said)
            raise CliError(f"{exc.apart.text}: give the ids of two answers to {GIVE_TWO[exc.apart.why]} "
                           "(`voiceprep history list --prompt PROMPT_ID` lists one question's answers)") from None
    if args.json:
        print_json(c)
        return 0
    for line in compare_lines(c, use_colour(sys.stdout)):
        emit(line)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with user_errors("Exporting"), app_history() as (service, _):
        if args.prompt is not None and args.bank is None:
            raise CliError("--prompt needs --bank (a prompt's id is its bank's): "
                           "voiceprep history export --bank BANK_ID --prompt PROMPT_ID --format md")
        chosen = args.attempt is not None or args.round_pk is not None or args.bank is not None
        ids = service.select(attempt=args.attempt, round_pk=args.round_pk, all_=args.all or not chosen, bank=args.bank,
                             prompt=args.prompt)    # nothing chosen: every answer (walk48 7: two usage errors first)
        fmt = args.format or (SUFFIXES.get(args.out.suffix.lower(), "md") if args.out else "md")
        if args.out:
            print(service.export(ids, fmt, args.out))
        else:
            text = service.render(ids, fmt)
            sys.stdout.write(text if text.endswith("\n") else text + "\n")    # CSV ended "\r\n\n": an empty row
            if note := unfinished_text(len(service.unfinished(ids))):     # the export alone on stdout (walk61 11)
                emit_error(f"{answers(len(ids))} exported{note}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    with user_errors("Importing"), app_history() as (service, _):
        result = service.import_file(args.file)
    print(f"imported {counted(result['added'], 'answer')}; {result['skipped']} already present")
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    """Asked first on a terminal, refused without --yes from a script (walk48 8: one mistyped id lost a recording
    for good, with no question asked)."""
    with user_errors("Deleting"), app_history() as (service, _):
        row = service.attempt(args.id)
        if not args.yes:
            what = (f"answer #{args.id} ({row['started_at'][:16].replace('T', ' ')}, {row['bank_id']}/{row['prompt_id']}"
                    f"{', typed' if row.get('input') == 'typed' else ', with its recording'})")
            keep = f"voiceprep history export --attempt {args.id} --out answer-{args.id}.json"
            if not sys.stdin.isatty():
                raise CliError(f"{what} not deleted: a delete cannot be undone, so it needs --yes when not asked at a "
                               f"terminal (voiceprep history delete {args.id} --yes). To keep a copy first: {keep}")
            print(f"Delete {what} for good? It cannot be undone here; to keep a copy first: {keep}",
                  file=sys.stderr)
            print("Delete it? [y/N] ", end="", file=sys.stderr, flush=True)
            try:
                reply = input()
            except EOFError:
                reply = ""
            if reply.strip().lower() not in ("y", "yes"):
                print(f"answer #{args.id} kept", file=sys.stderr)
                return 1
        service.delete([args.id])
    print(f"deleted answer #{args.id} and its audio")
    return 0


def cmd_rejudge(args: argparse.Namespace) -> int:
    """As History's Judge again: against the question's key points as they read now (the banks as the other
    commands load them), saying what changed (session 14: it judged against the bank as answered, and printed the
    new result only)."""
    from voiceprep.app.session import rejudged_text
    from voiceprep.core.banks import BankRegistry

    with user_errors("Judging again"), app_history() as (_, session):
        bank_id = session.history().attempt_row(args.id)["bank_id"]
        doc = session.rejudge(args.id, BankRegistry.discover().find(bank_id))
    print(f"Answer #{args.id}: {rejudged_text(doc)}")
    return 0



