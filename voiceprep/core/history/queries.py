"""Questions the history answers: list and search, one attempt, stats (hit rates, trends), compare."""

from __future__ import annotations

import difflib
import json
import re
import sqlite3
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from enum import Enum
from functools import lru_cache
from itertools import accumulate
from typing import Any

from voiceprep.core.analysis.text import NUMBER_WORDS, WORD_VALUES, tokenize_text
from voiceprep.core.history import units
from voiceprep.core.history.schema import FOLD_SQL_NAME, TOKENIZE, fold
from voiceprep.core.history.skipped import (
    competency_rows,
    skipped_answers,
    skipped_text,
    with_skipped,
)
from voiceprep.core.history.spelling import spelling_variants
from voiceprep.core.history.store import (
    DONE,
    FAILED,
    TYPED,
    Banks,
    History,
    HistoryError,
    Lineage,
    Row,
    bank_ids,
    bank_where,
)
from voiceprep.core.transcript import seams_mended
from voiceprep.core.wording import ALSO_COUNTS_TEXT, ASK_AGAIN_TEXT, counted, others_covered_text, score_shown, score_text
from voiceprep.settings import FIGURE_NEAR_TOKENS, FOLLOW_UP_CREDIT, SNIPPET_WORDS

LIST_COLUMNS = ("a.id, a.bank_id, a.round_pk, a.round_id, a.prompt_id, a.prompt_text, a.started_at, a.state, a.state_detail, "
                "a.duration_s, a.coverage, a.overall, a.self_rating, a.input, a.note, a.drill_json, a.follow_up_json, "
                "CASE WHEN json_valid(a.settings_json) THEN json_extract(a.settings_json, '$.rejudged_from') END "
                "AS rejudged_json, CASE WHEN json_valid(a.settings_json) THEN json_extract(a.settings_json, "
                "'$.still_missed') END AS still_missed_json")   # one broken row must not break the whole list (review 15)
# (still_missed_json: a follow-up answer's STILL_MISSED, fixCU)


def drill_labels(row: Row) -> Row:
    """`row` with its drill_json column as `drill`: the key points a drill asked to cover (None: not a drill), and
    its follow_up_json as `follow_up`: the follow-up questions a follow-up answer answered (None: not one; see
    FOLLOW_UP)."""
    text = row.pop("drill_json", None)
    row["drill"] = json.loads(text) if text else None
    asked = row.pop("follow_up_json", None)
    row["follow_up"] = json.loads(asked) if asked is not None else None
    if "rejudged_json" in row:                    # a list row: what judging again replaced (see rescored_text)
        text = row.pop("rejudged_json")
        row["rejudged_from"] = json.loads(text) if text else None
    if "still_missed_json" in row:                # a list row: a follow-up answer's still-missed points (still_missed)
        text = row.pop("still_missed_json")
        row["still_missed"] = json.loads(text) if text else None
    return row


def rescored_text(row: Row) -> str | None:
    """An answer scored again says so wherever its score shows (walkthrough 12: re-judged 50 → 100, nothing in History,
    its detail or the export said the score had been replaced): "Re-scored on 2 Dec 08:45; first scored 50 (1 of 2
    key points)". None for an answer never scored again, or only to the same result. Its
    `rejudged_from` (a list row's, or its settings')."""
    earlier = row.get("rejudged_from")
    if earlier is None:
        earlier = (row.get("settings") or {}).get("rejudged_from")
    # a judging again that changed nothing ("same") is not a re-score (walk47: "no change", the row said "re-scored")
    earlier = earlier or []
    changed = [e for e in earlier if not e.get("same")]
    if not changed:
        return None
    first, at = earlier[0], changed[-1].get("at")
    when = f" on {local(str(at)):%d %b %H:%M}".replace(" 0", " ", 1) if at else ""
    times = f" ({len(changed)} times)" if len(changed) > 1 else ""
    if row.get("drill"):
        # a drill or follow-up answer is said by its own count, as its row showed it: "first covered 0 of 1 asked in
        # the follow-up" (walk63 3: "first scored 55 (2 of 4 key points)" of one only ever shown "0/1 covered"); one
        # judged again before that count was kept says no first score (its whole-answer overall counted for nothing)
        asked = first.get("asked")
        return f"Re-scored{when}{times}" + (f"; first {covered_text((asked[0], asked[1]), row)}" if asked else "")
    score = score_text(first['overall']) if first.get("overall") is not None else "no score"
    points = f" ({first['hits']} of {first['total']} key points)" if first.get("total") else ""
    return f"Re-scored{when}{times}; first scored {score}{points}"


# How a follow-up answer is told from a drill (one place; session 13). An answer to the interviewer's follow-ups
# (core.rehearsal.FollowUpTurn) is stored as a drill of the points they asked about (drill_json), so it counts as a
# drill does (WHOLE_ANSWER: left out of averages and "last time"; not in a point's hit rate either, key_point_rates),
# and is marked by attempts.follow_up_json: the questions asked, a JSON list ([]: not stored, a follow-up answer from
# before schema 6). Everywhere an answer is named (History, Progress, the recap, the CLI, the exports, Compare) it
# is a follow-up, not a drill: the candidate was asked a question, not told what to cover. `drills` in stats and the
# recap counts drills only; `follow_ups` counts follow-up answers.
FOLLOW_UP = "follow_up_json IS NOT NULL"
ONLY_DRILL = f"drill_json IS NOT NULL AND NOT {FOLLOW_UP}"


def is_follow_up(row: Row) -> bool:
    """An answer to the interviewer's follow-ups (a row read with drill_labels)."""
    return row.get("follow_up") is not None


def kind_name(row: Row) -> str | None:
    """What an answer that counts only for some points is, as History names it before its question: "Follow-up" or
    "Drill" (None: a whole answer)."""
    return "Follow-up" if is_follow_up(row) else "Drill" if row.get("drill") else None


def asked_text(row: Row, with_points: bool = True) -> str:
    """What an answer was asked, for History's detail and tooltip, the exports and the CLI: a drill's points to
    cover, a follow-up answer's questions and (`with_points`) what it counts for ("" for a whole answer). History's
    detail leaves that out: the feedback under it says it (walk15: explained twice)."""
    labels = (row.get("drill") or []) if with_points or not is_follow_up(row) else []
    if is_follow_up(row):
        questions = " ".join(f"“{q}”" for q in row["follow_up"])
        # fixCU: one with other points still missed counts for those it covers too
        others = still_missed(row)
        points = (f"; it counts {'for' if others else 'only for'} the point{'s' if len(labels) != 1 else ''} they "
                  "asked about: " + "; ".join(labels) + (f", and for {ALSO_COUNTS_TEXT}"
                                                         if others else "")) if labels else ""
        return (f"Follow-up answer: the interviewer asked {questions}" if questions else
                "Follow-up answer (its questions were not stored)") + points
    return "Drill: you were asked to cover: " + "; ".join(labels) if labels else ""


def covered_text(result: tuple[int, int], row: Row) -> str:
    """What a drill or a follow-up answer is measured by, in words: "1 of 2 asked-for points covered" (a drill),
    "covered 1 of 2 asked in the follow-up"."""
    if is_follow_up(row):
        return f"covered {result[0]} of {result[1]} asked in the follow-up"
    return f"{result[0]} of {result[1]} asked-for point{'s' if result[1] != 1 else ''} covered"


def asked_points(points: list[Row], row: Row) -> list[Row]:
    """The key points an answer is shown with (History's detail, the Markdown export, `history show`): a follow-up
    answer's are only the points its follow-ups asked about, the others were covered or not by the answer it
    followed (walkthrough 9: shown ✗ under it); any other answer's are all of them. `points`: rows with `label`."""
    drill = row.get("drill") or []
    return [k for k in points if k.get("label") in drill] if is_follow_up(row) and drill else points


def next_follow_ups(feedback: Row, row: Row) -> list[str]:
    """What the interviewer would ask next after an answer, from its stored feedback: a follow-up answer's are the
    follow-ups of the question's other points still missed when it was asked that it did not cover either (in its
    stored list's order and number: the stored list asks about every point of the question, as if it were a whole
    answer), then those of the points it was asked about and missed, said as asked again (ASK_AGAIN_TEXT; walk65 3:
    the very question it answered was offered as the next one, where Practice had named another). Any other
    answer's, the stored list."""
    if is_follow_up(row) and row.get("drill"):
        points = [k for k in feedback.get("key_points") or [] if isinstance(k, dict)]
        others = set(still_missed(row))
        open_now = {k["follow_up"] for k in points if k.get("label") in others and not k.get("hit") and k.get("follow_up")}
        # in the order and number the answer's own list asks them (settings.max_follow_ups), as Practice does
        new = [q for q in feedback.get("follow_ups") or [] if q in open_now]
        return new + [ASK_AGAIN_TEXT.format(question=k["follow_up"]) for k in asked_points(points, row)
                      if not k.get("hit") and k.get("follow_up")]
    return list(feedback.get("follow_ups") or [])


# The key points a drill asked for, among its key_point_results (attempts a, key_point_results k)
DRILLED_POINT = "k.label IN (SELECT value FROM json_each(a.drill_json))"
# fixCU: a follow-up answer counts for the points its follow-ups asked about (its drill_json) and for the question's
# other points still missed when they were asked (its settings' STILL_MISSED: core.rehearsal.FollowUpTurn.others),
# the ones it covered: what it adds to the answer it followed (app.followed, key_point_rates' `asked`, _best_hits),
# as Practice's round counts it (FollowUpTurn.counts_for). Answers stored before hold no such list: asked ones only.
STILL_MISSED = "still_missed"
FOLLOW_UP_POINT = (f"({DRILLED_POINT} OR k.label IN (SELECT value FROM json_each(CASE WHEN json_valid(a.settings_json) "
                   f"THEN json_extract(a.settings_json, '$.{STILL_MISSED}') END)))")


# what a point a follow-up answer covered without being asked about it counts for (its feedback, the export)
ALSO_COVERED_COUNTS = ("Not asked about and still missed before: it counts for this question, as a point the follow-up "
                       "asked about does.")


def stored_settings(row: Row) -> Row:
    """An attempt's settings (the answer's meta: typed, recovered, STILL_MISSED, ...): parsed (`settings`, as
    get_attempt reads them) or as stored (a raw row's `settings_json`); {} for none or unreadable. The one reader
    (fixDB: session._kept_missed parsed settings_json itself beside still_missed)."""
    if "settings" in row:
        settings = row["settings"]
    else:
        try:
            settings = json.loads(row.get("settings_json") or "{}")
        except ValueError:
            settings = {}
    return settings if isinstance(settings, dict) else {}


def still_missed(row: Row) -> list[str]:
    """A follow-up answer's other points still missed when it was asked (STILL_MISSED: its settings', parsed or as
    stored, see stored_settings, or a list row's `still_missed`); [] for none, or for one stored before they were
    kept."""
    labels = row["still_missed"] if "still_missed" in row else stored_settings(row).get(STILL_MISSED)
    return [str(x) for x in labels] if isinstance(labels, list) else []


def also_covered(points: list[Row], row: Row) -> list[Row]:
    """A follow-up answer's key points (rows with `label` and `hit`) it covered that its follow-ups did not ask about
    and that were still missed (FOLLOW_UP_POINT), shown under wording.ALSO_COVERED_HEADING. [] for any other answer, and
    for a cut-off one (it adds nothing: COMPLETE)."""
    others = still_missed(row)
    if not is_follow_up(row) or row.get("state_detail"):
        return []
    return [k for k in points if k.get("hit") and k.get("label") in others]


def _drilled_points(h: History, drills: list[int], columns: str) -> list[Row]:
    """`columns` of the key point results that the drills `drills` (attempt ids) asked for."""
    if not drills:
        return []
    return h.read(f"SELECT {columns} FROM attempts a JOIN key_point_results k ON k.attempt_id = a.id "
                  f"WHERE a.id IN (SELECT value FROM json_each(?)) AND {DRILLED_POINT}", [json.dumps(drills)])


def with_drilled(h: History, rows: list[Row]) -> list[Row]:
    """`rows` (with `drill`) with `drilled`: of the key points a drill asked for, (covered, asked); None for an
    answer that was not a drill. One query for the drills among them (walkthrough 6: History showed a drill that
    covered the 1 point it asked for as "18")."""
    counts: dict[int, tuple[int, int]] = {}
    for k in _drilled_points(h, [r["id"] for r in rows if r["drill"]], "k.attempt_id, k.hit"):
        hits, asked = counts.get(k["attempt_id"], (0, 0))
        counts[k["attempt_id"]] = (hits + bool(k["hit"]), asked + 1)
    for r in rows:
        r["drilled"] = counts.get(r["id"], (0, 0)) if r["drill"] else None
    return rows


def drilled(key_points: list[Row], drill: list[str] | None) -> tuple[int, int] | None:
    """Of the key points a drill asked for, (covered, asked) among an answer's `key_points` (rows with `label`
    and `hit`; None: not a drill). What a drill answer is measured by: its whole-answer score is not counted."""
    if not drill:
        return None
    asked = [k for k in key_points if k["label"] in drill]
    return sum(1 for k in asked if k["hit"]), len(asked)


def drilled_text(result: tuple[int, int], follow_up: bool = False) -> str:
    """A drill's own result, short, where an answer's score would be (History's score column): "1/1 drilled"; a
    follow-up answer's, the points covered of those its follow-ups asked about: "1/2 covered" (walk14: "1/2 asked"
    read as how many were asked)."""
    return f"{result[0]}/{result[1]} {'covered' if follow_up else 'drilled'}"


def own_score(row: Row) -> str | None:
    """What a drill or follow-up answer shows where an answer's score would be (History's score column, `history
    list`): its own count, "1/1 drilled", "1/2 covered" (a row from list_attempts, with `drilled`); None for a whole
    answer or one not scored (walkthrough 6: a drill that covered the 1 point asked read "18", a failed answer)."""
    if row.get("drill") and row.get("drilled") and row.get("overall") is not None:
        return drilled_text(row["drilled"], is_follow_up(row))
    return None


# Where a search looks (attempts_fts's columns, in its order), as a hit names them, and in the candidate's words
FOUND_IN = {"transcript": "transcript", "prompt": "prompt_text", "note": "note"}
FOUND_WORDS = {"transcript": "what you said", "prompt": "the question", "note": "your note"}


def where_found(h: History, rows: list[Row], text: str, snippets: tuple[str, ...] = tuple(FOUND_IN)) -> list[Row]:
    """Search hits with `found_in`, the columns holding any of the searched words (in FOUND_IN's order), and
    `snippet`, from the first of them with the words in [brackets] when that column is in `snippets` ("" when not).

    Each column is asked once for all its rows (limiting a column's query to the listed rows with `rowid IN (...)`
    cost more), the transcript only when a row was found elsewhere too (all the words matched somewhere, so a row
    found in neither the question nor the note was found in what was said). A snippet is cut from its column's text
    by `searched_spans`, the rule the detail's word marks use (fixBK: FTS5's snippet() could bracket "30ms" for a
    "3" that found "3ms"); it tokenizes that one text, which History asks for notes only and the CLI for 20 rows."""
    ids = {r["id"] for r in rows}
    typed = _terms(text)
    plain = " OR ".join(t.fts for t in typed if t.check != _UNIT_CHECK and not t.glued)

    def found(column: str) -> set[int]:
        """fixBE (review36a 10): a figure and its unit found in this column in order, a whole number's prefix narrowed
        to it alone or glued ("3ms", not "30ms"), as `search` asks of the row."""
        asked = [("attempts_fts MATCH ?", [f"{{{column}}} : ({plain})"])] if plain else []
        for t in typed:
            if t.check == _UNIT_CHECK:
                asked.append((f"attempts_fts MATCH ? AND {units.SQL_NAME}(?, ?, ?, attempts_fts.{column}, NULL, NULL)",
                               [f"{{{column}}} : ({t.fts})", *t.args]))
            elif t.glued:       # the figure as units.figure_spans reads it, in this column, as _FIGURE_CHECK asks
                other = t.args[1] if t.check == _FIGURE_CHECK else ""
                said = f"{units.FIGURE_SQL_NAME}(?, {_SPELT_FOUND if other else 0}, attempts_fts.{column}, NULL, NULL)"
                asked.append((f"attempts_fts MATCH ? AND {said}",
                              [f"{{{column}}} : ({t.fts})", t.glued, *([f"{{{column}}} : ({other})"] if other else [])]))
        return ids & {r["rowid"] for where, args in asked
                      for r in h.read(f"SELECT rowid FROM attempts_fts WHERE {where}", args)}
    prompt, note = found("prompt_text"), found("note")
    said = ids - prompt - note | (found("transcript") if prompt | note else set())
    names = list(FOUND_IN)
    for r in rows:
        r["found_in"] = [n for n, hit in zip(names, (said, prompt, note), strict=True) if r["id"] in hit]
        first = r["found_in"][0] if r["found_in"] else None
        r["snippet"] = ""
        if first in snippets:
            got = h.read(f"SELECT {FOUND_IN[first]} AS t FROM attempts WHERE id = ?", [r["id"]])   # as written
            r["snippet"] = snippet(got[0]["t"] or "", text) if got else ""
    return rows


def found_text(row: Row) -> str:
    """Where a search hit is, in words: "in your note: “next time name the [ring] [buffer]”" ("" for a row not
    from a search)."""
    found = row.get("found_in") or []
    if not found:
        return ""
    text = f"in {FOUND_WORDS[found[0]]}" + (f": “{row['snippet']}”" if row.get("snippet") else "")
    also = [FOUND_WORDS[f] for f in found[1:]]
    return text + (f" (also in {' and '.join(also)})" if also else "")


SPLIT_PART = 4          # a word searched is also found written as two words of at least this many letters ("fail
#                        over"), or a word of 3+ and a particle ("set up", "trade off"): review 14, "overall" found
#                        "we went over all the logs", "notable" "not able", "indeed" "in deed"
SPLIT_PARTICLES = frozenset({"off", "up", "out", "in", "on", "down", "over", "back"})
# walk63 7: a first part of two letters is an acronym said apart ("PG bouncer", "DB proxy"): two letters no English
# word starts with (no vowel, no onset such as "st", "gr", "th"; "notable" is not "no table", "growth" not "gr owth"),
# what follows them SPLIT_PART+ letters
_ONSETS = frozenset({"bl", "br", "ch", "cl", "cr", "dr", "dw", "fl", "fr", "gh", "gl", "gn", "gr", "kn", "ph", "pl", "pr",
                     "ps", "rh", "sc", "sh", "sk", "sl", "sm", "sn", "sp", "sq", "st", "sw", "th", "tr", "tw", "wh", "wr"})


def spellings(word: str) -> list[str]:
    """The ways one typed word may be written with a space inside, as FTS phrases: "failover" -> "fail over",
    "setup" -> "set up" (two parts of SPLIT_PART letters or more, or 3+ and a particle after it), "pgbouncer" -> "pg
    bouncer" (an acronym of two letters first, no English word), "fail-over"
    -> "failover" (FTS reads the hyphen as a space already). Only for words of letters and digits."""
    if re.fullmatch(r"\w+(?:-\w+)+", word):
        return [word.replace("-", "")]
    if not word.isalnum():
        return []
    low = word.lower()
    acronym = [f"{word[:2]} {word[2:]}"] if len(word) - 2 >= SPLIT_PART and low[:2].isalpha() and \
        not set(low[:2]) & set("aeiouy") and low[:2] not in _ONSETS else []
    return acronym + [f"{word[:i]} {word[i:]}" for i in range(3, len(word))
                      if (i >= SPLIT_PART and len(word) - i >= SPLIT_PART) or low[i:] in SPLIT_PARTICLES]


_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def number_words(digits: str) -> str | None:
    """A figure of digits as said in words, as the search index holds them ("forty-eight" is "forty eight" there):
    "48" -> "forty eight", "20000" -> "twenty thousand", "4.5" -> "four point five"; None past the billions."""
    whole, _, fraction = digits.partition(".")
    n = int(whole)
    if n >= 1_000_000_000_000:
        return None

    def below_thousand(k: int) -> list[str]:
        out = [_ONES[k // 100], "hundred"] if k >= 100 else []
        k %= 100
        return out + ([_ONES[k]] if k < 20 else [_TENS[k // 10]] + ([_ONES[k % 10]] if k % 10 else [])) if k else out

    said: list[str] = []
    for scale, name in ((1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand"), (1, "")):
        if n >= scale:
            said += below_thousand(n // scale) + ([name] if name else [])
            n %= scale
    said = said or ["zero"]
    return " ".join(said + (["point", *(_ONES[int(d)] for d in fraction)] if fraction else []))


@lru_cache(maxsize=1024)
def _read(typed: str) -> tuple[str, ...]:
    """Typed words as the judge's reader reads them; kept, since a pasted run repeats its words and windows."""
    return tuple(t.norm for t in tokenize_text(typed))


_SCALES = ("hundred", "thousand", "million", "billion")


def with_and(spoken: str) -> str | None:
    """`number_words` said with the "and" before its last part under a hundred, as many say it: "two hundred fifty"
    -> "two hundred and fifty", "one thousand fifty" -> "one thousand and fifty"; None when it has no such part."""
    whole, point, fraction = spoken.partition(" point ")
    words = whole.split()
    last = max((i for i, w in enumerate(words) if w in _SCALES), default=-1)
    if last < 0 or last == len(words) - 1:
        return None
    return " ".join([*words[:last + 1], "and", *words[last + 1:]]) + (point + fraction if point else "")


def figure_spellings(words: list[str], with_unit: bool = False) -> list[str]:
    """The ways a figure typed in a search may be written in a transcript, as FTS phrases: said as words, "forty
    eight" -> "48", "twenty thousand" -> "20000", "20 000" (FTS reads "20,000" as two tokens) and "20 thousand";
    typed as digits, "20000" -> "20 000", "20,000" -> "20000" (walk42: a candidate searches for what they said, and
    the transcript writes "4 milliseconds", "20,000", "48"). The number words are read by the judge's own reader
    (analysis.text: alpha2digit, as fixAE set it), so "one" stays a word. [] when `words` is no figure."""
    said = _read(" ".join(words))
    if len(said) != 1 or not _NUMBER.fullmatch(said[0]):
        return []
    digits = said[0]
    typed = " ".join(words).lower()
    forms = [digits] if digits != typed else []
    # typed as digits, also as said in words (fixAR: "48" did not find a typed answer's "forty eight"); "one" and
    # "zero" are mostly no figure ("one of us", "zero downtime"): their words are searched only with a unit after them
    spoken = number_words(digits)
    if spoken and spoken != typed and (with_unit or spoken not in WORD_VALUES):
        forms.append(spoken)
        british = with_and(spoken)          # review35b: "250" did not find "two hundred and fifty"
        if british and british != typed:
            forms.append(british)
    whole, _, fraction = digits.partition(".")
    if len(whole) > 3:
        forms.append(f"{int(whole):,}".replace(",", " ") + (f".{fraction}" if fraction else ""))   # 20,000
        for scale, name in ((1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand")):
            if not fraction and int(whole) % scale == 0:
                forms.append(f"{int(whole) // scale} {name}")                                       # 20 thousand
                break
    if not fraction and 1000 <= int(whole) < 1_000_000 and int(whole) % 100 == 0:
        forms.append(f"{int(whole) / 1000:g}{units.THOUSAND_SUFFIX}")                              # 20k (fixCR)
    return forms


_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_FIGURE_WORDS = NUMBER_WORDS | {"and"}
# the most words a figure said in words is read from: the longest below a trillion (number_words' limit), "nine
# hundred and ninety nine billion nine hundred and ninety nine million ...", is 23, with room for a few decimals;
# a longer run is no figure and is tried only this far from each start, so pasted text searches promptly
# (review35a 6: "forty " x 400 took 4.5 s, x 2000 did not finish)
MAX_FIGURE_WORDS = 32


def _figures(pieces: list[tuple[bool, list[str]]]) -> list[tuple[bool, list[str]]]:
    """Typed words with each unquoted run of number words ("forty eight", "two hundred and fifty") as one piece,
    so the run is searched as one figure (figure_spellings); a run that is no figure stays word by word."""
    out: list[tuple[bool, list[str]]] = []
    i = 0
    while i < len(pieces):
        quoted, words = pieces[i]
        if not quoted and _scaled(pieces, i):          # fixCR: "20 thousand" is one figure, as "twenty thousand" is
            out.append((False, [words[0], pieces[i + 1][1][0]]))
            i += 2
            continue
        # text.WORD_VALUES: number words the judge's reader keeps as words, figures only before a unit
        if not quoted and words[0].lower() in WORD_VALUES and _before_unit(pieces, i):
            out.append((False, [WORD_VALUES[words[0].lower()]]))      # fixCR: "one second" is "1s", as "two seconds" is "2s"
            i += 1
            continue
        j = i
        while (j < len(pieces) and j - i < MAX_FIGURE_WORDS and not pieces[j][0] and pieces[j][1][0].lower() in _FIGURE_WORDS
               and (pieces[j][1][0].lower() in NUMBER_WORDS - {"point"} or j > i)):
            j += 1
        while j > i + 1 and pieces[j - 1][1][0].lower() in {"and", "point"}:      # "forty and": the "and" is a word
            j -= 1
        run = [p[1][0] for p in pieces[i:j]]
        if j > i + 1 and figure_spellings(run):
            out.append((False, run))
            i = j
        else:
            out.append((quoted, words))
            i += 1
    return out


def _scaled(pieces: list[tuple[bool, list[str]]], i: int) -> bool:
    """Whether piece `i` is a figure in digits with a scale word after it ("20 thousand", "1.5 million")."""
    return (i + 1 < len(pieces) and not pieces[i + 1][0] and len(pieces[i][1]) == 1 and bool(_NUMBER.fullmatch(pieces[i][1][0]))
            and pieces[i + 1][1][0].lower() in _SCALES)


def _before_unit(pieces: list[tuple[bool, list[str]]], i: int) -> bool:
    """Whether piece `i` has a unit of UNIT_SPELLINGS or a percent typed right after it ("one second", "one %")."""
    if i + 1 >= len(pieces) or pieces[i + 1][0]:
        return False
    word = pieces[i + 1][1][0].lower()
    return word in units.PERCENT or len(units.spellings(word)) > 1 or _percent_after(pieces, i) > 0


def fts_terms(text: str, bare: bool = True) -> list[str]:
    """What the candidate typed as FTS terms: each word quoted, and words they put in double quotes kept together
    as one phrase ("single writer"), so FTS syntax in what was typed is never interpreted, but for two forms a search box
    is known by (fixBU, SEARCH_SYNTAX_TEXT): OR in capitals between words (`_alternatives`; fts_query asks either side,
    these are every side's terms) and a * after a word's beginning ("retr*": FTS5's prefix query). An unclosed quote is
    read as a plain word. A term also matches the word written with a space or a hyphen inside, or without one
    (session 14: "failover" did not find "fail over" nor "fail-over", "real time" not "realtime"): each is an OR
    of its spellings, and two typed words side by side may be one word written together. A figure, said as words
    or typed as digits, also matches the ways a transcript writes it (figure_spellings: "forty eight" finds "48",
    "48" finds "forty eight"). A figure with a unit after it ("48 partitions", "four milliseconds", "3ms") is that
    figure with that unit (fixAR: "48 percent" found "48 partitions"): the unit right after it, glued to it or a word
    later ("48 Kafka partitions"; mend36), NEAR in the index, in order as `figure_checks` asks (core.history.units);
    a percentage also matches the bare figure, as the index holds "48%" ("%" is no token): `figure_checks` keeps
    those that write it with a "%" (`bare` False: without the bare figure, for marking the words found)."""
    return [term.fts for term in _terms(text, bare)]


@dataclass(frozen=True)
class _Term:
    """One typed term: its FTS query, the SQL condition on `attempts a` it also asks with its arguments (a
    percentage's or a unit's, see figure_checks; "" for none), and a percentage's figure in digits (for marks)."""
    fts: str
    check: str = ""
    args: tuple[Any, ...] = ()
    percent: str = ""
    glued: str = ""         # a whole number, found where units.figure_spans reads it ("3" finds "3ms", fixBE; not
    #                         "3.5k", fixDB; "twenty", not the "twenty" of "twenty five", read42a 4), for marks too


def _terms(text: str, bare: bool = True) -> list[_Term]:
    """fts_terms, each with the check figure_checks asks of it: those of every side of an OR (_alternatives)."""
    return [t for side in _alternatives(text) for t in _terms_of(side, bare)]


# fixBU (walk48): what a terminal's and History's search box understand besides words and "quoted phrases", in the
# user's words: `history search --help`, History's search tooltip
SEARCH_SYNTAX_TEXT = ('"in quotes" finds the words together; OR in capitals finds either side (Kafka OR Postgres); '
                      "a * after a word's beginning finds every word that begins so (retr* finds retry, retries)")
# what finding nothing suggests next
NO_MATCH_TIP_TEXT = ("Put * after a word's beginning to find every word that begins so (retr* finds retry, retries); OR finds "
                     "either of two words (Kafka OR Postgres).")
OR = "OR"                               # in capitals, as FTS5 and web searches write it: "or" stays a word
_PREFIX = re.compile(r"([^\W_]+)\*")    # "retr*": a word's beginning


def _alternatives(text: str) -> list[str]:
    """What was typed, cut at each OR in capitals outside quotes ("Kafka OR Postgres": "Kafka", "Postgres"); a side
    with no word is dropped ("OR Kafka"). Without an OR, or with no word beside one ('" OR ) ('), the text as typed
    (there "OR" is a word)."""
    sides: list[list[str]] = [[]]
    for m in re.finditer(r'"[^"]*"|\S+', fold(text)):
        if m.group() == OR:
            sides.append([])
        else:
            sides[-1].append(m.group())
    found = [side for words in sides if has_words(side := " ".join(words))] if len(sides) > 1 else []
    return found or [text]


@lru_cache(maxsize=64)
def _terms_of(text: str, bare: bool = True) -> tuple[_Term, ...]:
    """The terms of one side of an OR (all of them must match); worked out once per search, not for each row whose
    words are marked or cut into a snippet (searched_spans: fixDB, the unit's spellings were worked out per row)."""
    return tuple(_side_terms(text, bare))


def _side_terms(text: str, bare: bool = True) -> list[_Term]:
    pieces = _figures(_pieces(text))
    terms: list[_Term] = []
    skip = 0
    for i, (quoted, words) in enumerate(pieces):
        if skip:
            skip -= 1
            continue
        if not quoted and len(words) == 1 and (prefix := _PREFIX.fullmatch(words[0])):
            terms.append(_Term(f'"{prefix.group(1)}"*'))      # FTS5's prefix query, stemmed as the index is
            continue
        forms = [" ".join(words)]
        check: tuple[str, tuple[Any, ...], str] | None = None
        figure = figure_spellings(words) if not quoted else []
        is_figure = not quoted and (bool(figure) or bool(_NUMBER.fullmatch(forms[0])))
        unit = _unit_after(pieces, i) if is_figure else None
        if is_figure and (skip := _percent_after(pieces, i)):
            # "48 percent", "forty eight per cent", "48%": said in the transcript, or written "48%", which the index
            # holds as "48" (the "%" is no token): the bare figure is a candidate that figure_checks narrows down
            said = list(dict.fromkeys([forms[0], *figure_spellings(words, with_unit=True)]))
            forms = [f"{f} {p}" for f in said for p in ("percent", "per cent")]
            digits = forms[0].split()[0] if _NUMBER.fullmatch(words[0]) else next(
                (f for f in figure if _NUMBER.fullmatch(f)), "")
            if digits:
                phrases = "(" + " OR ".join(f'"{f}"' for f in forms) + ")"
                check = (_PERCENT_CHECK, (phrases, f"*[^0-9.,]{digits}%*", f"*[^0-9.,]{digits} %*"), digits)
                forms += [digits] if bare else []
        elif unit is not None:
            # "48 partitions": that figure with that unit, however the figure is written (fixAR), glued to it ("3ms")
            # or a word between ("48 Kafka partitions"): NEAR has no order, the check has (mend36)
            skip = 1
            said = list(dict.fromkeys([forms[0], *figure_spellings(words, with_unit=True)]))
            named = units.spellings(unit)                  # fixCR: "ms", "msec"; "90s" typed glued: a decade too
            near = [f'NEAR("{f}" "{u}", {FIGURE_NEAR_TOKENS})' for f in said for u in named] + \
                [f'"{f}{u}"' for f in said if _NUMBER.fullmatch(f) for u in named]
            typed_glued = int(isinstance(pieces[i + 1][1], _GluedUnit))
            # mendF (review read42): "the 90s" listed "90 seconds" first; typed with words that make it a decade, read
            # as a text's "90s" is (units.decade), it is the decade alone: no seconds listed (the list's order is the
            # index's rank or the newest first, for every search: no order of its own for one meaning). Alone ("90s")
            # it is both (mendA)
            before, after = (_typed_text(part) for part in (pieces[:i], pieces[i + 2:]))
            if typed_glued and (before or after) and units.decade(forms[0], unit.lower(), before + " ", " " + after):
                typed_glued = units.DECADE_ONLY
            terms.append(_Term("(" + " OR ".join(near) + ")", _UNIT_CHECK, (json.dumps(said), unit, typed_glued)))
            continue
        elif figure:
            forms += figure
        elif quoted:
            forms += ["".join(words)] if len(words) == 2 and all(w.isalnum() for w in words) else []
        else:
            forms += spellings(words[0]) + spelling_variants(words[0])    # walk65 6: "councillor" finds "councilor"
            for pair in (pieces[i - 1:i + 1] if i else [], pieces[i:i + 2]):      # with the word before, after
                if len(pair) == 2 and not any(q for q, _ in pair) and all(w[0].isalnum() and not _PREFIX.fullmatch(w[0])
                                                                          for _, w in pair):
                    forms.append(pair[0][1][0] + pair[1][1][0])
        forms = list(dict.fromkeys(forms))
        quoted_forms = [f'"{f}"' for f in forms]
        fts = quoted_forms[0] if len(forms) == 1 else "(" + " OR ".join(quoted_forms) + ")"
        whole = next((f for f in forms if f.isdigit()), "") if is_figure and not check else ""
        if whole:
            # fixBE (review36a 9): "3" also finds "3ms", one token in the index: its prefix, narrowed to the figure
            # said alone or glued to a unit (not "30ms", "3rd"); marks read it apart (searched_words)
            # fixDB: and as written alone, not the "1" of "1.5k" or the "20" of "20,000" (tokens of their own in the
            # index): narrowed to where units.figure_spans reads the figure, written or in its other spellings
            other = [f'"{f}"' for f in forms if f != whole]
            spelt = other[0] if len(other) == 1 else "(" + " OR ".join(other) + ")" if other else ""
            if bare:
                narrowed, by = (_FIGURE_CHECK, (whole, spelt)) if spelt else (_WRITTEN_CHECK, (whole,))
                terms.append(_Term(f'({fts} OR "{whole}"*)', narrowed, by, glued=whole))
            else:
                terms.append(_Term("", glued=whole))     # marks: where units.figure_spans reads it, as the filter
            continue
        terms.append(_Term(fts, *check) if check else _Term(fts))
    return terms


# fixBK: what a search with no word in it says (`history search ""`, History's search box holding only "%" or '""'),
# not "No answer matches": nothing was searched
NO_WORD_TEXT = "Type a word to search"


def has_words(text: str) -> bool:
    """Whether a search holds a word or figure to look for (letters or digits, NFKC-folded: "３" is one)."""
    return bool(re.search(r"[^\W_]", fold(text)))


def fts_query(text: str) -> str:
    """Every term must match (see fts_terms); with OR, every term of one side (_alternatives)."""
    sides = [q for q in (_side_query(side) for side in _alternatives(text)) if q]
    return sides[0] if len(sides) == 1 else " OR ".join(f"({q})" for q in sides)


def _side_query(side: str) -> str:
    return " AND ".join(t.fts for t in _terms_of(side))


# What a search for a percentage asks of a row besides its FTS terms (figure_checks): one of its phrases said, or the
# figure written with "%" (after no digit, point or comma: "148%" is not "48%") in the transcript, question or note
_SEARCHED_TEXT = (f"{FOLD_SQL_NAME}(' ' || coalesce(a.transcript, '') || ' ' || coalesce(a.prompt_text, '') || ' ' || "
                  "coalesce(a.note, ''))")       # folded, as the index (fixBQ: "４８％")
_PERCENT_CHECK = (f"(a.rowid IN (SELECT rowid FROM attempts_fts WHERE attempts_fts MATCH ?) OR {_SEARCHED_TEXT} GLOB ? "
                  f"OR {_SEARCHED_TEXT} GLOB ?)")


# What a search for a figure with a unit asks of a row besides its NEAR terms: that figure, then that unit, in order
# (core.history.units; History.open registers the function on its connection). Of the index's columns, so
# that it runs on the rows the index found only: on `a`'s, a bank and prompt filter ran it first on every answer of
# the question (84 ms for 666 answers)
_UNIT_CHECK = f"{units.SQL_NAME}(?, ?, ?, attempts_fts.transcript, attempts_fts.prompt_text, attempts_fts.note)"


# What a search for a whole number asks of a row its FTS terms found ("3"* finds "30ms", "3" the "3" of "3.5k"): that
# the row says the figure as units.figure_spans reads it, the one reader the marks read too (mendF): written as that
# figure, alone or glued to a unit, or in another spelling read as the judge's reader reads figures ("twenty" of
# "twenty five" is no "20", the "1 000" of "1,000,000" no "1000": read42a 4), that reader run only on a row its
# other spellings matched (_SPELT_FOUND; else 0); _WRITTEN_CHECK when the figure has no other spelling
_SPELT_FOUND = "attempts_fts.rowid IN (SELECT rowid FROM attempts_fts WHERE attempts_fts MATCH ?)"
_FIGURE_CHECK = (f"{units.FIGURE_SQL_NAME}(?, {_SPELT_FOUND}, attempts_fts.transcript, attempts_fts.prompt_text, "
                 "attempts_fts.note)")
_WRITTEN_CHECK = f"{units.FIGURE_SQL_NAME}(?, 0, attempts_fts.transcript, attempts_fts.prompt_text, attempts_fts.note)"


def figure_checks(text: str) -> tuple[list[str], list[Any]]:
    """SQL conditions on `attempts a` joined with `attempts_fts` (and their arguments) that a search's percentages
    and figures with a unit ask besides fts_query: "48 percent" finds "48%", "48 %" and "forty eight per cent", not
    the "48" of "48 partitions" (fixAR); "48 partitions" finds "48 Kafka partitions", not "12 partitions, 48 hours"
    (mend36). History.open's connection has their functions (`units.register`)."""
    sides = [(q, [t for t in _terms_of(side) if t.check]) for side in _alternatives(text) if (q := _side_query(side))]
    if len(sides) == 1:
        checked = sides[0][1]
        return [t.check for t in checked], [a for t in checked for a in t.args]
    if not any(checked for _, checked in sides):
        return [], []
    # with OR, a side's checks hold where that side matched: one condition, an OR of the sides (fixBU)
    matched = "attempts_fts.rowid IN (SELECT rowid FROM attempts_fts WHERE attempts_fts MATCH ?)"
    conditions = ["(" + " AND ".join([matched, *(t.check for t in checked)]) + ")" for _, checked in sides]
    return ["(" + " OR ".join(conditions) + ")"], [a for q, checked in sides for a in (q, *(a for t in checked
                                                                                         for a in t.args))]


def _unit_after(pieces: list[tuple[bool, list[str]]], i: int) -> str | None:
    """The unit typed right after the figure of piece `i` ("partitions" in "48 partitions"), or None."""
    if i + 1 >= len(pieces) or pieces[i + 1][0]:
        return None
    word = pieces[i + 1][1][0]
    low = word.lower()
    return word if word.isalpha() and low not in units.NOT_UNITS and low not in NUMBER_WORDS else None


def _percent_after(pieces: list[tuple[bool, list[str]]], i: int) -> int:
    """How many typed pieces after piece `i` say "percent" ("percent", "%", "per cent"): 0, 1 or 2."""
    after = [words[0].lower() if len(words) == 1 and not quoted else "" for quoted, words in pieces[i + 1:i + 3]]
    if after[:1] and after[0] in units.PERCENT:
        return 1
    return 2 if after == ["per", "cent"] else 0


_FIGURE_PERCENT = re.compile(r"(\d[\d.,]*)%")
# a figure glued to its unit ("3ms", "1.5GB"; not an ordinal, "90th", nor "p99" or "4xx"'s letters first)
_FIGURE_UNIT = re.compile(r"(\d+(?:\.\d+)?)((?!(?:st|nd|rd|th)$)[^\W\d_]+)", re.IGNORECASE)


def _times_thousand(figure: str) -> str:
    """A figure written with "k" after it, in digits: "20" -> "20000", "1.5" -> "1500", "1.2345" -> "1234.5"."""
    whole, _, fraction = figure.partition(".")
    digits = (whole + (fraction + "000")[:3]).lstrip("0") or "0"
    return digits + (f".{fraction[3:]}" if fraction[3:] else "")


def _typed_text(pieces: list[tuple[bool, list[str]]]) -> str:
    """Typed pieces put back together as a text reads, a unit typed glued to its figure glued again ("the 70s and"):
    units.decade reads a decade after "and" only with its "s" glued (read43b 4: "the 70 s and" left "80s" seconds)."""
    out = ""
    for _, words in pieces:
        out += ("" if isinstance(words, _GluedUnit) or not out else " ") + " ".join(words)
    return out


class _GluedUnit(list[str]):
    """The words of a unit typed glued to its figure ("ms" of "3ms", "s" of "90s"): a decade only so (units.spans)."""


def _pieces(text: str) -> list[tuple[bool, list[str]]]:
    """What was typed in the search: (quoted, its words) for each word or "quoted phrase"; "48%" is "48" and "%",
    "3ms" is "3" and "ms" (mend36: not read as a figure), the "ms" marked as typed glued (`_GluedUnit`)."""
    out: list[tuple[bool, list[str]]] = []
    text = fold(text)     # fixBK: "３ms" typed with an IME is "3ms"
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', text):
        if not phrase and (m := _FIGURE_PERCENT.fullmatch(word)):
            out += [(False, [m.group(1)]), (False, ["%"])]
        # fixCR: "20k" glued is twenty thousand, searched and found as any figure is (units.THOUSAND_SUFFIX)
        elif not phrase and (m := _FIGURE_UNIT.fullmatch(word)) and m.group(2).lower() == units.THOUSAND_SUFFIX:
            out.append((False, [_times_thousand(m.group(1))]))          # fixCR: "20k" is 20000, "1.5k" 1500
        elif not phrase and (m := _FIGURE_UNIT.fullmatch(word)):
            out += [(False, [m.group(1)]), (False, _GluedUnit([m.group(2)]))]
        elif words := (phrase or word).replace('"', " ").split():
            out.append((bool(phrase), words))
    return out


_MARK = "\x01"          # around a matched token in highlight()'s text (never in a transcript's words)


def searched_words(words: list[str], text: str) -> set[int]:
    """The indices of the transcript's `words` that the search `text` matched (walk18: the detail said "Your
    search found this in what you said" and nothing showed where), as `searched_spans` marks them."""
    said = " ".join(w.replace(_MARK, " ") for w in words)
    starts = list(accumulate(len(w) + 1 for w in words[:-1]))      # where each word starts in `said`, after the first
    return {i for start, end in searched_spans(said, text)
            for i in range(bisect_right(starts, start), bisect_right(starts, end - 1) + 1)}


def snippet(said: str, text: str) -> str:
    """SNIPPET_WORDS (settings.py) words of `said` around the most of what the search `text` matched, those in [brackets]
    (`searched_spans`), "…" where it was cut: "next time name the [ring] [buffer]". fixBK: FTS5's snippet() chose
    and bracketed by the index's terms, so "3" (its prefix "3"*) showed "[30ms]" and could leave the "3ms" found out.
    A figure a window's seam split in a stored transcript is shown whole ("$[200,000]", not "$[200 ,000]": walk60 7)."""
    said = seams_mended(said)
    found = searched_spans(said, text)
    tokens = [m.span() for m in _WORD.finditer(said)]
    if not tokens:
        return said
    first = 0
    if len(tokens) > SNIPPET_WORDS:
        starts = [t[0] for t in tokens]
        at = [bisect_right(starts, start) - 1 for start, _ in found]
        tries = sorted({max(0, min(i - 2, len(tokens) - SNIPPET_WORDS)) for i in at}) or [0]
        first = max(tries, key=lambda c: (sum(c <= i < c + SNIPPET_WORDS for i in at), -c))
    last = min(first + SNIPPET_WORDS, len(tokens)) - 1
    begin = tokens[first][0] if first else 0
    end = tokens[last][1] if last < len(tokens) - 1 else len(said)
    out, here = ["…" if first else ""], begin
    for start, stop in found:
        start, stop = max(start, begin), min(stop, end)
        if start < stop:
            out += [said[here:start], "[", said[start:stop], "]"]
            here = stop
    return "".join(out) + said[here:end] + ("…" if end < len(said) else "")


_WORD = re.compile(r"[^\W_]+")       # a token as the index's unicode61 reads one


def _folded(said: str) -> str:
    """`said` with each character NFKC-folded where it stays one character ("３" -> "3"), so places in it hold."""
    return "".join(f if len(f := fold(c)) == 1 else c for c in said)


def searched_spans(said: str, text: str) -> list[tuple[int, int]]:
    """Where in `said` the search `text` matched, (start, end) in order, as the index matched it: the words, in a
    table of the index's own tokenizer (TOKENIZE), marked by FTS5's highlight() for the search's terms (a word's
    other endings, a quoted phrase where its words are together, a word written with a space inside; a hand-written
    stemmer standing in for Porter disagreed with the search on "queueing", "latencies": fix33); a figure with its
    unit in order (units.spans: the index's NEAR has none, fixBE), a whole number alone or glued to a unit ("3ms"
    for "3", not "30ms"), a percentage written "48%" (not the "48" of "48 partitions", fixAR)."""
    said = _folded(said.replace(_MARK, " "))
    typed = _terms(text, bare=False)
    found: list[tuple[int, int]] = []
    for t in typed:
        if t.percent:
            # "48%" or "48 %", as _PERCENT_CHECK finds them
            found += [m.span() for m in re.finditer(rf"(?<![\d.,]){re.escape(t.percent)} ?%", said)]
        if t.glued:
            found += units.figure_spans(said, t.glued)
        if t.check == _UNIT_CHECK:
            found += units.spans(said, json.loads(t.args[0]), t.args[1], t.args[2])
    terms = " OR ".join(t.fts for t in typed if t.check != _UNIT_CHECK and t.fts)
    if terms:
        with closing(sqlite3.connect(":memory:")) as db:
            db.execute(f"CREATE VIRTUAL TABLE said USING fts5(transcript, tokenize='{TOKENIZE}')")
            db.execute("INSERT INTO said VALUES (?)", [said])
            got = db.execute("SELECT highlight(said, 0, ?, ?) FROM said WHERE said MATCH ?",
                             [_MARK, _MARK, terms]).fetchone()
        at = 0
        for k, piece in enumerate(got[0].split(_MARK) if got else []):
            if k % 2:                              # between two marks: a matched token, or a phrase's tokens
                found.append((at, at + len(piece)))
            at += len(piece)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start < merged[-1][1]:       # overlapping ("3ms" as glued and as highlighted): one mark
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def list_attempts(h: History, bank: Banks | None = None, prompt: str | None = None, round_id: str | None = None,
                  since: str | None = None, until: str | None = None, min_score: float | None = None,
                  max_score: float | None = None, text: str | None = None, limit: int = 50,
                  offset: int = 0) -> list[Row]:
    """Attempts, newest first, filtered in one query; `text` searches transcripts, prompts and notes (each row
    found then says where: `found_in`, and `snippet` for a hit in a note, see where_found)."""
    where: list[str] = []
    args: list[Any] = []
    if bank:
        clause, ids = bank_where(bank, "a.bank_id")
        where.append(clause)
        args.extend(ids)
    for column, value, op in (("prompt_id", prompt, "="), ("round_id", round_id, "="),
                              ("started_at", since, ">="), ("started_at", until, "<="),
                              ("overall", min_score, ">="), ("overall", max_score, "<=")):
        if value is not None:
            where.append(f"a.{column} {op} ?")
            args.append(value)
    sql = f"SELECT {LIST_COLUMNS} FROM attempts a"
    query = fts_query(text or "")
    if query:
        h.fold_shell_writes()
        sql += " JOIN attempts_fts ON a.rowid = attempts_fts.rowid"
        where.insert(0, "attempts_fts MATCH ?")
        args.insert(0, query)
        checks, checked = figure_checks(text or "")      # a percentage written "48%" (fixAR), a unit after its figure
        where += checks
        args += checked
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY a.started_at DESC, a.id DESC LIMIT ? OFFSET ?"
    rows = with_drilled(h, [drill_labels(r) for r in h.read(sql, [*args, limit, offset])])
    return where_found(h, rows, text or "", snippets=("note",)) if query else rows


def get_attempt(h: History, attempt_id: int, lineage: Lineage = bank_ids) -> Row:
    """Everything stored about an attempt: the row, transcript with timings, key points, delivery, feedback.
    `answer_number` counts the answers to its question in its bank's lineage (`lineage`, see Banks): an answer in a
    duplicated bank follows those given in the bank it was copied from."""
    row = h.attempt_row(attempt_id)
    row.pop("transcript_json", None)     # moved to the transcripts table (schema 3)
    row.pop("owner", None)
    one = {t: h.read(f"SELECT * FROM {t} WHERE attempt_id = ?", [attempt_id])
           for t in ("transcripts", "delivery", "feedback")}
    row["transcript_data"] = json.loads(one["transcripts"][0]["json"]) if one["transcripts"] else None
    row["competencies"] = json.loads(row.pop("competencies_json") or "{}")
    row["settings"] = stored_settings({"settings_json": row.pop("settings_json", None)})
    drill_labels(row)
    row["key_points"] = h.read("SELECT * FROM key_point_results WHERE attempt_id = ? ORDER BY rowid", [attempt_id])
    row["delivery"] = json.loads(one["delivery"][0]["json"]) if one["delivery"] else None
    fb = one["feedback"][0] if one["feedback"] else None
    row["feedback"] = json.loads(fb["json"]) if fb else None
    row["judge"] = fb["judge"] if fb else None
    row["answer_number"] = answer_number(h, row, lineage)
    return row


def answer_number(h: History, row: Row, lineage: Lineage = bank_ids) -> int | None:
    """Which answer to its question an attempt (a row with id, bank_id, prompt_id, started_at and state) is, in its
    bank's lineage; None when it was not finished. "Your 3rd answer to this question": the database id counts every
    question's attempts, deleted ones too. A follow-up answer is not an answer to the question (session 14: it read
    "answer 2 to this question"): it is not counted, and its number is that of the answer it followed, the last one
    before it (see answer_name)."""
    if row["state"] != DONE:
        return None
    of_bank, ids = bank_where(lineage(row["bank_id"]))
    return int(h.read(
        f"SELECT COUNT(*) AS n FROM attempts WHERE {of_bank} AND prompt_id = ? AND state = ? AND NOT {FOLLOW_UP} "
        "AND (started_at < ? OR (started_at = ? AND id <= ?))",
        [*ids, row["prompt_id"], DONE, row["started_at"], row["started_at"], row["id"]])[0]["n"])


def answer_name(attempt: Row) -> str:
    """How the candidate knows an attempt: "answer 3 to this question", a follow-up answer "follow-up to answer 2 to
    this question" (the answer it followed; walk56: "follow-up to answer 6" read like History's row 6, another
    question; "follow-up answer" when that one was deleted), "unfinished answer #12" (its id) when it
    was never finished. History's detail, Compare, `history show` and `compare`, the Markdown export."""
    n = attempt.get("answer_number")
    if is_follow_up(attempt) and attempt.get("answer_number") is not None:
        return f"follow-up to answer {n} to this question" if n else "follow-up answer"
    return f"answer {n} to this question" if n else f"unfinished answer #{attempt['id']}"


def search(h: History, text: str, limit: int = 20) -> list[Row]:
    """Full-text search over transcripts, prompts and notes (porter stemming), best first; each row says where
    the words were found (`found_in`, `snippet` with the hits in [brackets]) and carries `drill`."""
    query = fts_query(text)
    if not query:
        return []
    h.fold_shell_writes()
    checks, checked = figure_checks(text)                # a percentage written "48%" (fixAR), a unit after its figure
    rows = h.read(
        "SELECT a.id, a.bank_id, a.prompt_id, a.prompt_text, a.started_at, a.overall, a.state, a.drill_json, "
        "a.follow_up_json "
        "FROM attempts_fts JOIN attempts a ON a.rowid = attempts_fts.rowid WHERE attempts_fts MATCH ? "
        + "".join(f"AND {c} " for c in checks) + "ORDER BY rank LIMIT ?", [query, *checked, limit])
    return where_found(h, with_drilled(h, [drill_labels(r) for r in rows]), text)


# How a drill answer counts (one place; walkthrough 5). A drill (attempts.drill_json: the key-point labels its
# notice told the candidate to cover) is judged on all the prompt's points, but it was given after being told what
# to say, so it counts only for the points it drilled: in a point's hit rate ("1 of 2", weak points, "Drill my weak
# points", the recap's weak point) a drill is one of that point's answers only when it drilled the point, and it
# is left out of every score summary (averages, best, recent vs earlier, competencies, the recap's average).
# Progress still shows drills (hollow markers), off the averaged lines; History, the exports and the CLI mark them.
WHOLE_ANSWER = "drill_json IS NULL"
COUNTS_FOR_POINT = f"(a.drill_json IS NULL OR {DRILLED_POINT})"

# How a cut-off answer counts (one place; walkthrough 9). An answer recovered after the app closed mid-answer is
# finished with the remark CUT_OFF, one the microphone ended (unplugged: walkthrough 11) with CUT_OFF_BY_DEVICE, one
# the app's closing stopped and saved in full with CUT_OFF_BY_QUIT
# (app.session; attempts.state_detail; no other finished answer has a remark): it ended when the app or the
# microphone did, not when the candidate stopped, so it is not their answer's measure. It is kept in History (marked "Cut
# off", said in its detail, the exports and the recovery message) and left out of everything else: averages, best,
# competencies, Progress (its series, hit rates and totals; `stats` counts it in `cut_off`), weak points, "Drill my
# weak points" and the recap's average and weak point (a 20 s fragment dropped the welcome's average from 85 to 75).
COMPLETE = "state_detail IS NULL"
NOT_COUNTED = "not counted in your averages, Progress or weak points"


def cut_off_count_text(n: int) -> str:
    """How many answers cut off were left out, as Progress and `history stats` say it."""
    return f"{counted(n, 'answer')} cut off (the app closed or the microphone stopped): not counted"


def cut_off_text(detail: str) -> str:
    """A cut-off answer's remark as History shows it: "Cut off: recovered after the app closed; not counted in..."."""
    return f"{detail[:1].upper()}{detail[1:]}; {NOT_COUNTED}"


def unfinished_reason(row: Row) -> str:
    """Why an unfinished attempt has no feedback, as History and `history show` say it after its state: a failed
    one's reason, else "it was not finished". A row still recording or transcribing holds only the cut-off mark its
    stop set for when it is finished (app.session), no reason: it read "transcribing (cut off: recovered after the
    app closed)" before anything was recovered (review 16)."""
    return (row.get("state_detail") if row.get("state") == FAILED else None) or "it was not finished"


def key_point_rates(h: History, bank: Banks, last: int = 6, prompt: str | None = None,
                    beaten: list[int] | None = None) -> list[Row]:
    """Per key point: hits over the last `last` finished answers of its prompt that count for it ("hit 4 of 6"):
    every whole answer, and the drills that drilled this point (COUNTS_FOR_POINT). A drill that covered the one
    point asked does not make every other point of the prompt "1 of 2". A follow-up answer is not counted: it was
    asked about a point its answer missed, which that answer counts already (app.scored: per answer is the answer
    alone; fix33: "covered in 0 of 2 recent answers" for one answer and its follow-up). `label` is the wording the point was last
    judged against; `older`: how many of the answers counted were judged against another (older_wording_text);
    `inherited`: how many were given in a bank `bank` was copied from (the rest of its lineage, see Banks), and
    `given_with` how many with each of them ({bank id: answers}, nearest first; {} for none). `asked`: how many of
    the answers counted missed it and had it said in a follow-up answer that followed them (as app.followed counts
    what a follow-up added: the last answer before it, not a follow-up, to the question in its bank): not in
    `hits`, said beside them (in_follow_up_text; walk20: "covered in 0 of 1" for a point the follow-up covered).
    `standing`: the share covered with a follow-up's worth FOLLOW_UP_CREDIT of a hit (see standing), the rows' order
    (weakest first, ties broken as weakest_first says), as Progress colours and lists them; the drill takes them
    in this order, less those of a question whose newest answer covered every point (drill_points);
    `weight`: the point's weight when it was last judged; `answers_overall`: the average score of the answers
    counted, `last_at`: when the last of them began. A question answered more than once in a day counts its best
    try that day (BEST_OF_DAY, outscored_ids), as the charts do;
    `beaten`: outscored_ids(h, bank, prompt) when the caller has it already (stats)."""
    extra, args = ("AND prompt_id = ?", [prompt]) if prompt else ("", [])
    of_bank, ids = bank_where(bank)
    of_follow_up, _ = bank_where(bank, "a.bank_id")
    # Only a prompt's attempts down to its `last`-th newest whole answer can be in any point's window (every point
    # counts every whole answer): ranking the key points of those alone costs 29-30 ms of CPU for a bank of 10,000
    # attempts (23-27 ms before drills were told apart; 70-73 ms ranking every attempt's points; docs/benchmarks.md).
    rows = h.read(
        f"""WITH recent AS (
             SELECT id, bank_id, prompt_id, prompt_text, drill_json, started_at, overall,
                    SUM(drill_json IS NULL) OVER (PARTITION BY prompt_id ORDER BY started_at DESC, id DESC
                                                  ROWS UNBOUNDED PRECEDING) AS whole_n
             FROM attempts WHERE {of_bank} AND state = ? AND {COMPLETE} AND NOT {FOLLOW_UP} {extra}
                   AND id NOT IN (SELECT value FROM json_each(?))),
           counted AS (
             SELECT a.id, a.bank_id, a.prompt_id, a.prompt_text, k.key_point_id, k.label, k.competency, k.hit,
                    k.weight, a.overall, a.started_at,
                    ROW_NUMBER() OVER (PARTITION BY a.prompt_id, k.key_point_id
                                       ORDER BY a.started_at DESC, a.id DESC) AS n
             FROM recent a JOIN key_point_results k ON k.attempt_id = a.id
             WHERE a.whole_n <= ? AND {COUNTS_FOR_POINT}),
           worded AS (
             SELECT c.*, FIRST_VALUE(c.label) OVER (PARTITION BY c.prompt_id, c.key_point_id
                                                    ORDER BY f.judged_at DESC, c.n) AS wording,
                    FIRST_VALUE(c.weight) OVER (PARTITION BY c.prompt_id, c.key_point_id
                                                ORDER BY f.judged_at DESC, c.n) AS weighed
             FROM counted c LEFT JOIN feedback f ON f.attempt_id = c.id WHERE c.n <= ?),
           since AS (SELECT prompt_id, MIN(started_at) AS since FROM recent WHERE whole_n <= ? GROUP BY prompt_id),
           asked AS MATERIALIZED (
             SELECT k.key_point_id,
                    (SELECT p.id FROM attempts p WHERE p.bank_id = a.bank_id AND p.prompt_id = a.prompt_id
                       AND p.state = ? AND p.started_at <= a.started_at AND p.follow_up_json IS NULL
                       AND (p.started_at < a.started_at OR p.id < a.id)
                     ORDER BY p.started_at DESC, p.id DESC LIMIT 1) AS followed
             FROM since s CROSS JOIN attempts a ON a.prompt_id = s.prompt_id AND a.started_at >= s.since
                  JOIN key_point_results k ON k.attempt_id = a.id
             WHERE {of_follow_up} AND a.state = ? AND {COMPLETE} AND {FOLLOW_UP} AND k.hit AND {FOLLOW_UP_POINT})
           SELECT prompt_id, MAX(prompt_text) AS prompt_text, key_point_id, MAX(wording) AS label, competency,
                  SUM(hit) AS hits, COUNT(*) AS attempts, ROUND(1.0 * SUM(hit) / COUNT(*), 3) AS rate,
                  MAX(weighed) AS weight,
                  SUM(label != wording) AS older, SUM(bank_id != ?) AS inherited,
                  AVG(overall) AS answers_overall, MAX(started_at) AS last_at,
                  json_group_array(bank_id) FILTER (WHERE bank_id != ?) AS given_json,
                  SUM(NOT hit AND EXISTS (SELECT 1 FROM asked s WHERE s.followed = worded.id
                                          AND s.key_point_id = worded.key_point_id)) AS asked
           FROM worded GROUP BY prompt_id, key_point_id ORDER BY rate ASC, attempts DESC""",
        [*ids, DONE, *args, json.dumps(outscored_ids(h, bank, prompt) if beaten is None else beaten), last, last, last,
         DONE, *ids, DONE, ids[0], ids[0]])
    for r in rows:          # a copy of a copy: which bank each was given with, in lineage order (session 20)
        given = json.loads(r.pop("given_json") or "[]")
        r["given_with"] = {b: given.count(b) for b in ids if b in given}
        r["standing"] = standing(r)
    # fix45: ordered by the answers' own count, a point said only in a follow-up came first (shown green)
    return sorted(rows, key=weakest_first)


def standing(rate: Row) -> float:
    """How well a key point's answers (key_point_rates) covered it, 0 to 1: each hit counts 1, each answer that
    missed it but whose follow-up answer said it (`asked`) FOLLOW_UP_CREDIT: said only when asked is weaker than
    said unprompted, not as weak as missed (fix45). What Progress colours a point by and lists it by, and what
    "Drill my weak points" and Welcome back's "Drill my weak points asks next" pick by."""
    attempts = rate.get("attempts") or 0
    if not attempts:
        return float(rate.get("rate") or 0.0)
    return round(float(rate["hits"] + FOLLOW_UP_CREDIT * (rate.get("asked") or 0)) / attempts, 3)


def standing_rule() -> str:
    """The rule `standing` follows, in words, where points are listed or coloured by it (Progress's tooltips)."""
    credit = "half a hit" if FOLLOW_UP_CREDIT == 0.5 else f"{FOLLOW_UP_CREDIT:g} of a hit"
    return (f"Said only when asked, a point counts {credit}: listed and coloured after the points missed outright, "
            "before those said unprompted.")


def weakest_first(rate: Row) -> tuple[float, int, float, float, float]:
    """key_point_rates' order: the least covered (standing) first, the one with the most answers first among equals,
    then the heavier point (`weight`: it costs the answer more), then the one whose answers scored lowest
    (`answers_overall`, their average), then the one answered last (`last_at`). Walk38: a point missed in an answer
    of 73 was "Most missed" and drilled first, before the five missed in yesterday's answer of 20 (each "0 of 1"):
    the tie was the database's order. Walk45 4: a "2 of 6" point of weight 1.5 was left out of the 5-point drill
    for three "2 of 6" points of weight 1, their answers' average deciding."""
    score = rate.get("answers_overall")
    last = rate.get("last_at")
    try:
        when = local(str(last)).timestamp() if last else 0.0
    except ValueError:
        when = 0.0
    return (rate.get("standing", standing(rate)), -(rate.get("attempts") or 0), -float(rate.get("weight") or 1.0),
            float(score) if score is not None else 101.0, -when)


def older_wording_text(rate: Row) -> str:
    """A key point's hit rate (key_point_rates) counting answers judged against another wording of it, in words:
    "3 of them judged against an older wording" ("" when none). Walkthrough 12: after a point was reworded, Progress
    ("2 of 4") and Welcome back ("Most missed: ...") counted the answers judged on its old wording, silently. The
    wording shown is the one it was last judged against (an answer judged again takes the point as it reads now)."""
    older = rate.get("older") or 0
    if not older:
        return ""
    them = "all of them" if older == rate.get("attempts") else f"{older} of them"
    return f"{them} judged against an older wording"


def in_follow_up_text(rate: Row) -> str:
    """A key point's hit rate (key_point_rates) beside what follow-up answers said of it: "+1 in follow-up" (how
    many of the answers counted missed it and had their follow-up answer say it; "" when none). One wording
    wherever a count is shown (fix45): Progress under "0 of 1", Welcome back's "covered in 0 of 1 recent answer,
    +1 in follow-up", `history stats`' "hit 0 of 1, +1 in follow-up"; as History's "+1 key point in follow-up" on
    the answer. The count is the answers' own (a follow-up adds to the answer it followed, app.scored); walk20 read
    "covered in 0 of 1 recent answer" for a point the follow-up answer covered, with nothing said of it."""
    asked = rate.get("asked") or 0
    return f"+{asked} in follow-up" if asked else ""


def rate_notes(rate: Row) -> str:
    """What a key point's hit rate says beside its count, wherever it is said (Welcome back, Progress, `history
    stats`): in_follow_up_text, then older_wording_text, comma-apart ("" for neither)."""
    return ", ".join(t for t in (in_follow_up_text(rate), older_wording_text(rate)) if t)


def weak_points(h: History, bank: Banks, last: int = 6, limit: int | None = 5, prompt: str | None = None,
                beaten: list[int] | None = None) -> list[Row]:
    """The points most often missed recently, weakest first (standing: one said only in a follow-up after those
    missed outright): Progress's key-point table and `history stats`' "Most missed in ...". "Drill my weak points"
    asks them in this order less those of a question whose newest answer covered every point (drill_points). A
    drill counts for the points it drilled only, see key_point_rates. `prompt`: that prompt's points only (walk42:
    `history stats --prompt` listed others')."""
    return _weak(key_point_rates(h, bank, last, prompt, beaten), limit)


def _weak(rates: list[Row], limit: int | None) -> list[Row]:
    """The weak points of key_point_rates' `rates` (standing below 1: missed at least once), at most `limit` (None:
    all)."""
    return [r for r in rates if r["standing"] < 1.0][:limit]


def drill_points(h: History, bank: Banks, last: int = 6, limit: int | None = 5) -> list[Row]:
    """What "Drill my weak points" asks after the questions never answered, weakest first: the weak points
    (weak_points), leaving out those of a question whose newest answer covered every key point (answered_fully),
    unless every weak point is of such a question. fixDC (session 41's leftover): a drill right after a 6 of 6
    answer asked that question again, its older tries' misses counted as much as the newest try. Welcome back's
    "Drill my weak points asks next: ..." names the first of them (not the point missed most: read42a 1)."""
    return drill_order(weak_points(h, bank, last, limit=None), answered_fully(h, bank), limit)


def drill_order(weak: list[Row], full: set[str], limit: int | None) -> list[Row]:
    """`weak` (weak points, weakest first) as the drill takes them: those of the questions in `full` (their newest
    answer covered every key point) left out, unless they are all of such questions; at most `limit` (None: all)."""
    fresh = [w for w in weak if w["prompt_id"] not in full]
    return (fresh or weak)[:limit]


def answered_fully(h: History, bank: Banks) -> set[str]:
    """The ids of the questions of `bank` (a lineage, see Banks) whose newest finished answer (not a follow-up answer,
    nor one cut off: COMPLETE) covered every key point it was judged on, with what the follow-up answers after it
    added (FOLLOW_UP_POINT: as app.followed counts it, the "6 of 6" Practice showed). A drill answer is judged on the
    whole question too: full when it covered every point, not only those it asked for. A follow-up answer follows the
    last answer before it to the question in its bank (app.followed)."""
    of_bank, ids = bank_where(bank)
    rows = h.read(
        f"""WITH newest AS MATERIALIZED (
             SELECT id, bank_id, prompt_id, started_at FROM (
               SELECT id, bank_id, prompt_id, started_at,
                      ROW_NUMBER() OVER (PARTITION BY prompt_id ORDER BY started_at DESC, id DESC) AS n
               FROM attempts WHERE {of_bank} AND state = ? AND {COMPLETE} AND NOT {FOLLOW_UP}) WHERE n = 1),
           added AS MATERIALIZED (
             SELECT DISTINCT w.id AS answer, k.key_point_id
             FROM newest w JOIN attempts a ON a.bank_id = w.bank_id AND a.prompt_id = w.prompt_id
                  AND a.started_at >= w.started_at AND (a.started_at > w.started_at OR a.id > w.id)
                  JOIN key_point_results k ON k.attempt_id = a.id
             WHERE a.state = ? AND a.{COMPLETE} AND a.{FOLLOW_UP} AND k.hit AND {FOLLOW_UP_POINT})
           SELECT w.prompt_id FROM newest w JOIN key_point_results k ON k.attempt_id = w.id
           GROUP BY w.id
           HAVING SUM(k.hit OR EXISTS (SELECT 1 FROM added d WHERE d.answer = w.id
                                       AND d.key_point_id = k.key_point_id)) = COUNT(*)""",
        [*ids, DONE, DONE])
    return {r["prompt_id"] for r in rows}


def answered_prompts(h: History, bank: Banks) -> list[str]:
    """The ids of the questions of `bank` (a lineage, see Banks) with a finished answer that counts (COMPLETE), in the
    order first answered: a bank's question not among them was never answered (walk45 2: named nowhere)."""
    of_bank, ids = bank_where(bank)
    return [r["prompt_id"] for r in h.read(f"SELECT prompt_id FROM attempts WHERE {of_bank} AND state = ? AND {COMPLETE} "
                                           "GROUP BY prompt_id ORDER BY MIN(started_at)", [*ids, DONE])]


def local(iso: str) -> datetime:
    """A stored time (UTC; one written without a zone is UTC too) in the candidate's own time zone."""
    when = datetime.fromisoformat(iso)
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone()


def local_day(iso: str) -> tuple[str, str]:
    """The candidate's own day (their time zone) around a stored UTC time, as stored times bound it: [first, after).
    A session near midnight UTC is one evening, not two days (a UTC date prefix split it)."""
    day = local(iso).date()
    # a naive local midnight, placed by the system's rules (a day with a clock change is 23 or 25 hours)
    return tuple(datetime.combine(d, time()).astimezone().astimezone(UTC).isoformat()    # type: ignore[return-value]
                 for d in (day, day + timedelta(days=1)))


def recap(h: History, last: int = 6, lineage: Lineage = bank_ids) -> Row | None:
    """The candidate's last session (every finished answer on the day of the newest, on any bank), for "welcome
    back": its day, how many answers (`drills`: how many of them were drills, `cut_off`: recovered cut off) and the
    average score of its `whole` answers, each question's best try of the day (BEST_OF_DAY; `tries`: every whole
    answer, retries too), to how many `questions` (drills and cut-off answers left out, see
    WHOLE_ANSWER and COMPLETE; `skips`: questions skipped in rounds finished that day, no answers, so not in it:
    walk19, see core.history.skipped), `round`:
    the last round finished that day with its own overall (title, overall, answered, total, skipped; None if none),
    `banks`: each bank used with its answers ([{"bank_id", "answers"}], most answers first), the questions the last
    round on those banks skipped (`skipped`, of `skipped_bank`, less those answered whole since it finished;
    `skipped_in` the bank of that round, which
    `skipped_bank` is a copy of when the welcome picks the copy), and
    `weakest`: the point "Drill my weak points" asks first on those banks (drill_points' first, not always the one
    missed most: read42a 1), with its `bank_id` (None
    before the first answer); `cut_last`: the last answer's bank and prompt ids when it was cut off (COMPLETE), and
    its `drill` (the points a drill answer asked for, else None), else None. `bank_id` is the weakest point's bank,
    or the most used one: the bank "Drill my weak points" should drill;
    `answered`: the ids of its questions answered so far, any day (answered_prompts: the welcome names one never answered), and
    `answered_in` those of every bank practised, any day (the session's banks first, then by latest answer). A bank's weak
    points take in the answers given in the banks it was copied from (`lineage`, see Banks), as its Progress does.

    Walkthrough 6: the recap described only the bank of the newest answer (1 answer on a 1-prompt bank, after 8
    on another the same day), and named that bank's weakest point."""
    newest = h.read("SELECT started_at FROM attempts WHERE state = ? ORDER BY started_at DESC, id DESC LIMIT 1",
                    [DONE])
    if not newest:
        return None
    started = str(newest[0]["started_at"])
    first, after = local_day(started)
    columns = (f"SELECT bank_id, prompt_id, overall, {WHOLE_ANSWER} AS whole, {FOLLOW_UP} AS follow_up, {COMPLETE} AS complete, "
               "started_at, drill_json FROM attempts WHERE state = ? ")
    day = h.read(columns + "AND started_at >= ? AND started_at < ? ORDER BY started_at DESC, id DESC",
                 [DONE, first, after])
    # a time written another way (an imported "2026-12-01 10:00:00") sorts outside the day's bounds: the newest
    # answer is its session then
    day = day or h.read(columns + "AND started_at = ? ORDER BY id DESC", [DONE, started])
    counts: dict[str, int] = {}
    kinds: dict[str, list[bool]] = {}               # per bank, each answer a follow-up or not (walk19: counted as one)
    for r in day:                                   # newest first: a tie keeps the bank used last first
        counts[r["bank_id"]] = counts.get(r["bank_id"], 0) + 1
        kinds.setdefault(r["bank_id"], []).append(bool(r["follow_up"]))
    banks = sorted(counts, key=lambda b: -counts[b])
    tried = [r for r in day if r["overall"] is not None and r["whole"] and r["complete"]][::-1]    # oldest first
    # each question by its best try of the day (BEST_OF_DAY), as the round's summary and Progress count it (fixAR:
    # the welcome averaged every try, "every try counted", beside a Progress that counted the best)
    averaged = [r for r, lower in zip(tried, outscored(tried, lineage), strict=True) if not lower]
    scores = [r["overall"] for r in averaged]
    skips = len(skipped_answers(h, since=first, until=after))      # each no answer, counted apart (core.history.skipped)
    marks = ", ".join("?" for _ in banks)
    rounds = h.read(f"SELECT id, bank_id, round_id, title, finished_at, summary_json FROM rounds WHERE bank_id IN ({marks}) "
                    "AND summary_json IS NOT NULL ORDER BY finished_at DESC, id DESC LIMIT 1", banks)
    summary = (json.loads(rounds[0]["summary_json"]) or {}) if rounds else {}
    skipped = summary.get("skipped", [])
    # the round finished that day, with its own score (its skipped questions count as misses, the average's are not
    # answers at all: walkthrough 9 read "average 73" the day after a round that said 58)
    the_round = None
    if rounds and summary.get("overall") is not None and first <= str(rounds[0]["finished_at"] or "") < after:
        the_round = {"title": rounds[0]["title"], "bank_id": rounds[0]["bank_id"],
                     "overall": summary["overall"], "answered": summary.get("answered"),
                     "total": summary.get("total"), "skipped": len(skipped),
                     "before_follow_ups": summary.get("before_follow_ups"),    # its answers alone (app.scored)
                     # what its overall weighs (scoring.overall_score: a bank without competencies scores by its key
                     # points; walk20 read "weighed by competency" for one), and the day's runs of it (walk20: the
                     # last of 2 runs, which skipped the question the first had answered)
                     "weighed": ("competency" if summary["competencies"] else "key points")
                     if "competencies" in summary else None,
                     "runs": h.read("SELECT COUNT(*) AS n FROM rounds WHERE bank_id = ? AND round_id IS ? AND "
                                    "summary_json IS NOT NULL AND finished_at >= ? AND finished_at < ?",
                                    [rounds[0]["bank_id"], rounds[0]["round_id"], first, after])[0]["n"]}
    # the point the drill asks first (drill_points: not one of a question just answered fully), as the line says
    weak = [{**w[0], "bank_id": b} for b in banks if (w := drill_points(h, lineage(b), last, 1))]
    weakest = min(weak, key=weakest_first) if weak else None   # key_point_rates' order
    # fixCW (walk55): the weakest on a bank a copy of which the session used too is named on that copy, whose weak
    # points take the origin's answers in: "Drill my weak points" named the origin while the picker showed the copy
    copies = [b for b in banks if weakest and b != weakest["bank_id"] and weakest["bank_id"] in lineage(b)]
    weakest = next((w for w in weak if copies and w["bank_id"] == copies[0]), weakest)
    chosen = weakest["bank_id"] if weakest else banks[0]
    skipped_bank = rounds[0]["bank_id"] if rounds else None
    if skipped_bank is not None and skipped_bank in lineage(chosen):
        skipped_bank = chosen       # the bank the welcome picks, a copy of the one skipped in (walk15: named its origin)
    # read42b 1: a skipped question answered since (a whole, complete answer outside the round, in the skipped bank's
    # lineage: "Answer it now", One prompt) is not offered again; the round's own count of skips stays
    still_skipped = list(skipped)
    if skipped and skipped_bank is not None:
        where, args = bank_where(lineage(skipped_bank))
        since = {r["prompt_id"] for r in h.read(
            f"SELECT prompt_id FROM attempts WHERE state = ? AND {WHOLE_ANSWER} AND {COMPLETE} AND {where} "
            "AND started_at >= ? AND round_pk IS NOT ?", [DONE, *args, str(rounds[0]["finished_at"] or ""), rounds[0]["id"]])}
        still_skipped = [p for p in skipped if p not in since]
    # fixBK: each bank's answered questions, so the welcome names every bank's never answered (not only chosen's);
    # fixBQ: of every bank practised (one with an answer that counts), the session's first, then by latest answer
    practised = [r["bank_id"] for r in h.read(f"SELECT bank_id FROM attempts WHERE state = ? AND {COMPLETE} "
                                              "GROUP BY bank_id ORDER BY MAX(started_at) DESC", [DONE])]
    answered_in = {b: answered_prompts(h, lineage(b)) for b in dict.fromkeys([*banks, *practised])}
    return {"bank_id": chosen, "started_at": started, "answers": len(day),
            "drills": sum(1 for r in day if not r["whole"] and not r["follow_up"]),
            "follow_ups": sum(1 for r in day if r["follow_up"]),
            "cut_off": sum(1 for r in day if not r["complete"]),
            "average": sum(scores) / len(scores) if scores else None, "whole": len(scores),
            "questions": len(scores), "tries": len(tried),      # each question's best try; every try of them
            "skips": skips,
            "banks": [{"bank_id": b, "answers": counts[b], "follow_ups": sum(kinds[b]),
                       "drills": sum(1 for r in day if r["bank_id"] == b and not r["whole"] and not r["follow_up"])}
                      for b in banks],
            "skipped": still_skipped, "skipped_bank": skipped_bank, "weakest": weakest,
            "skipped_in": rounds[0]["bank_id"] if rounds else None,     # where it was skipped (walk37)
            "round": the_round, "left": left_round(h), "answered": answered_in[chosen],
            "answered_in": answered_in,
            # the session's last answer, when it was cut off (quit mid-answer: walk45 7, the welcome said "1 drill")
            # and a drill's points (read46c 7: "Answer it now" asked the whole question): None for any other answer
            "cut_last": {"bank_id": day[0]["bank_id"], "prompt_id": day[0]["prompt_id"],
                         "drill": json.loads(day[0]["drill_json"]) if day[0]["drill_json"] and not day[0]["follow_up"]
                         else None}
            if day and not day[0]["complete"] else None}


def left_round(h: History) -> Row | None:
    """The round started last (fixBZ: on any day, not only on the last session's: a round left on Monday, then a drill
    on Tuesday, is offered on Wednesday; a round started since, finished or answered in, is the last), when it was left
    unfinished (quit or left in the middle): its bank and round ids, title, `started_at`, and the question it stopped
    at (`prompt_id`, its `position` of `total`: the first of the round, in its order as rehearsed, with no answer in
    it; `waiting`, the positions with no answer, `answered` the ids of those answered, and `last_answered`, the last
    position answered, 0 for none). None when that round finished, or nothing in it is left to answer (walk25: a
    restart did not say where the round stopped).
    Answered are its own answers, stored with it: its first sitting's and those of "Continue from question N" (the
    rest taken up goes on as the stored round, fixBX; review30: the welcome offered it again; an older Continue's
    sitting of two questions or more is given to it by schema 11, fixCL). An answer in no stored
    round was given outside it, to its question alone: a drill, even one asking the whole question (walk52 2: stored
    with the round's id and no drill points, it moved "You left … at question" on), One prompt, `score --save`; it
    answers none of the round's questions. A cut-off answer does not answer its question, nor does a drill's answer
    to some of its points (only a whole answer does, as `earlier` counts it)."""
    # a round started and quit before any answer is passed over: it would hide an older round left with answers in
    # it (fixBZ noticed); a finished round, or one with an answer of its own as `given` reads them (saved, not cut
    # off), counts
    rows = h.read("SELECT id, bank_hash, bank_id, round_id, title, started_at, finished_at FROM rounds r "
                  "WHERE r.finished_at IS NOT NULL OR EXISTS (SELECT 1 FROM attempts a WHERE a.round_pk = r.id AND "
                  f"a.state = ? AND a.{COMPLETE}) ORDER BY started_at DESC, id DESC LIMIT 1", [DONE])
    if not rows or rows[0]["finished_at"] is not None:
        return None
    row = rows[0]
    try:
        prompts = h.bank_snapshot(row["bank_hash"]).round(row["round_id"]).prompts
    except (KeyError, ValueError, TypeError):
        return None                              # a snapshot that no longer reads: nothing named
    # a cut-off answer (the app or the device ended it: COMPLETE) does not answer its question: the round goes on
    # from it (walk39: recovery's cut-off answer took "Continue from question 4" away)
    given = h.read(
        f"SELECT id, prompt_id, overall, {WHOLE_ANSWER} AS whole, {FOLLOW_UP} AS follow_up FROM attempts "
        f"WHERE state = ? AND {COMPLETE} AND round_pk = ? ORDER BY started_at, id", [DONE, row["id"]])
    answered = {r["prompt_id"] for r in given if r["whole"]}
    left = next(((i, p) for i, p in enumerate(prompts) if p.id not in answered), None)
    if left is None:
        return None
    # which are still to answer, and the last answered: questions skipped before an answer wait (walk47: 1-3 skipped,
    # 4 answered, read "You left … at question 1 of 4")
    return {"bank_id": row["bank_id"], "round_id": row["round_id"], "title": row["title"],
            "started_at": row["started_at"], "prompt_id": left[1].id,
            "position": left[0] + 1, "total": len(prompts),
            "waiting": [i + 1 for i, p in enumerate(prompts) if p.id not in answered],
            "answered": [p.id for p in prompts if p.id in answered],      # fixBQ: Continue leaves them out
            "last_answered": max((i + 1 for i, p in enumerate(prompts) if p.id in answered), default=0),
            "round_pk": row["id"], "earlier": _best_hits(h, given)}


def _best_hits(h: History, given: list[Row]) -> dict[str, list[str]]:
    """prompt id -> the key point ids hit by its best whole answer among `given` (id, prompt_id, overall, whole,
    follow_up; in order) with what the follow-up answers that followed it covered of the points they count for (as
    Practice and app.followed count it: a follow-up answer adds to the last answer before it to the question that is
    not one; fixBZ, fixBX noticed: the answer's own points only), as a round's summary counts each question by its
    best try (walk49 2: a round taken up again counts them). The best: the most key-point weight hit so, then the
    higher score of its own, then the first."""
    followed: dict[int, int] = {}                       # follow-up answer id -> the answer it followed
    last: dict[str, int] = {}
    for r in given:
        if not r["follow_up"]:
            last[r["prompt_id"]] = r["id"]
        elif r["prompt_id"] in last:
            followed[r["id"]] = last[r["prompt_id"]]
    whole = [r for r in given if r["whole"]]            # not a follow-up's answer nor a drill's
    if not whole:
        return {}
    hits: dict[int, dict[str, float]] = {r["id"]: {} for r in whole}
    ids = [r["id"] for r in whole] + list(followed)
    for k in h.read("SELECT k.attempt_id, k.key_point_id, k.weight, k.label, a.drill_json FROM key_point_results k "
                    "JOIN attempts a ON a.id = k.attempt_id WHERE k.hit = 1 AND k.attempt_id IN "
                    f"(SELECT value FROM json_each(?)) AND ({COUNTS_FOR_POINT} OR ({FOLLOW_UP} AND {FOLLOW_UP_POINT}))",
                    [json.dumps(ids)]):
        to = followed.get(k["attempt_id"], k["attempt_id"])
        if to in hits:
            hits[to][k["key_point_id"]] = k["weight"] or 0.0
    best: dict[str, Row] = {}
    for r in whole:
        if r["prompt_id"] not in best or (sum(hits[r["id"]].values()), r["overall"] or 0) > \
                (sum(hits[best[r["prompt_id"]]["id"]].values()), best[r["prompt_id"]]["overall"] or 0):
            best[r["prompt_id"]] = r
    return {pid: list(hits[r["id"]]) for pid, r in best.items()}


def previous_answer(h: History, attempt_id: int,
                    lineage: Lineage = bank_ids) -> Row | None:
    """The answer to the same question before `attempt_id` that counts (a whole, complete answer: not a drill, not
    cut off), from any session: its `id`, `started_at`, `overall`, `bank_id` and `prompt_id`, for "Last time 31
    (yesterday) → now 100" (walkthrough 9: only a retry in the same sitting compared). None for the question's first
    answer. An answer in a duplicated bank follows those in the bank it was copied from (`lineage`, see Banks)."""
    own = h.read("SELECT bank_id FROM attempts WHERE id = ?", [attempt_id])
    if not own:
        return None
    of_bank, ids = bank_where(lineage(own[0]["bank_id"]), "p.bank_id")
    rows = h.read(
        f"SELECT p.id, p.started_at, p.overall, p.bank_id, p.prompt_id FROM attempts a JOIN attempts p ON {of_bank} "
        f"AND p.prompt_id = a.prompt_id AND p.state = ? AND p.{WHOLE_ANSWER} AND p.{COMPLETE} AND p.overall IS NOT NULL "
        f"AND (p.started_at < a.started_at OR (p.started_at = a.started_at AND p.id < a.id)) WHERE a.id = ? "
        f"ORDER BY p.started_at DESC, p.id DESC LIMIT 1", [*ids, DONE, attempt_id])
    return rows[0] if rows else None


def round_finished(h: History, banks: Banks, round_id: str) -> str | None:
    """When a run of the round `round_id` of `banks` last finished with every question answered (a round left before
    its end has no summary and is not a run; one with a question skipped was not done whole), None for none: One
    prompt right after it is not told to try the whole round (walk60 10)."""
    where, ids = bank_where(banks)
    rows = h.read(f"SELECT finished_at, summary_json FROM rounds WHERE {where} AND round_id = ? AND summary_json IS NOT "
                  "NULL AND finished_at IS NOT NULL ORDER BY finished_at DESC, id DESC", [*ids, round_id])
    for row in rows:
        summary = json.loads(row["summary_json"] or "{}") or {}
        if summary.get("answered") and summary.get("answered") == summary.get("total"):
            return str(row["finished_at"])
    return None


def previous_round(h: History, round_pk: int, lineage: Lineage = bank_ids) -> Row | None:
    """The run of the same round (bank and round id) finished before the round `round_pk` began: `id`, `finished_at`,
    `bank_id` and its summary's `overall`, `answered` and `total`, for the round summary's "last time 58". A round left before
    its end has no summary and is not a run. None for the first. A duplicated bank's round follows the runs of it
    in the bank it was copied from (`lineage`, see Banks)."""
    own = h.read("SELECT bank_id FROM rounds WHERE id = ?", [round_pk])
    if not own:
        return None
    of_bank, ids = bank_where(lineage(own[0]["bank_id"]), "p.bank_id")
    rows = h.read(
        f"SELECT p.id, p.finished_at, p.bank_id, p.summary_json FROM rounds r JOIN rounds p ON {of_bank} "
        "AND p.round_id = r.round_id AND p.id < r.id AND p.summary_json IS NOT NULL WHERE r.id = ? "
        "ORDER BY p.id DESC LIMIT 1", [*ids, round_pk])
    if not rows:
        return None
    summary = json.loads(rows[0].pop("summary_json") or "{}") or {}
    if summary.get("overall") is None:
        return None
    return {**rows[0], **{k: summary.get(k) for k in ("overall", "answered", "total")}}


def _finished(bank: Banks | None, prompt: str | None = None, prefix: str = "",
              complete: bool = True) -> tuple[str, list[Any]]:
    """WHERE clause for finished attempts that count (`complete`: not cut off, COMPLETE), optionally of one bank
    and prompt."""
    where, args = f"{prefix}state = ?" + (f" AND {prefix}{COMPLETE}" if complete else ""), [DONE]
    if bank:
        clause, ids = bank_where(bank, f"{prefix}bank_id")
        where += f" AND {clause}"
        args.extend(ids)
    if prompt:
        where += f" AND {prefix}prompt_id = ?"
        args.append(prompt)
    return where, args


def trends(h: History, bank: Banks | None = None, limit: int | None = None, prompt: str | None = None,
           whole_only: bool = False, skips: bool = True, leaving_out: list[int] | None = None) -> list[Row]:
    """One row per finished attempt and per question skipped in a round (`skipped`: no answer, no score, see
    core.history.skipped), oldest first (the newest `limit`): date, scores, competencies, pace and
    fillers per minute for spoken answers only (None for typed ones), and `drill` (the points a drill asked for;
    a drill's competencies are only those of the points it asked for: walkthrough 6 plotted a drill's 0 for
    competencies it never asked about; a follow-up answer's, none). `whole_only`: without drill answers
    (WHOLE_ANSWER), for averages. `skips` False: answers only, no skipped questions. `leaving_out`: attempt ids not
    read (the lower tries of a day, for `stats`' last answers counted)."""
    where, args = _finished(bank, prompt, "a.")
    where += f" AND a.{WHOLE_ANSWER}" if whole_only else ""
    if leaving_out:
        where += " AND a.id NOT IN (SELECT value FROM json_each(?))"
        args.append(json.dumps(leaving_out))
    rows = h.read(
        f"SELECT a.id, a.bank_id, a.prompt_id, a.started_at, a.overall, a.coverage, a.competencies_json, a.input, "
        f"a.drill_json, a.follow_up_json, d.wpm, d.fillers_per_min, d.fillers_total "
        f"FROM attempts a LEFT JOIN delivery d ON d.attempt_id = a.id "
        f"WHERE {where} ORDER BY a.started_at DESC, a.id DESC LIMIT ?", [*args, limit or -1])
    rows.reverse()
    for r in rows:
        r["competencies"] = json.loads(r.pop("competencies_json") or "{}")
        drill_labels(r)
        if r["input"] == TYPED:
            r["wpm"] = r["fillers_per_min"] = None
    asked: dict[int, set[str]] = {}
    for k in _drilled_points(h, [r["id"] for r in rows if r["drill"]], "DISTINCT k.attempt_id, k.competency"):
        asked.setdefault(k["attempt_id"], set()).add(k["competency"])
    for r in rows:
        if r["drill"]:      # a follow-up answer: none, its competency scores rest on the whole question's points,
            r["competencies"] = {c: v for c, v in r["competencies"].items()     # as its feedback hides them
                                 if c in asked.get(r["id"], ()) and not is_follow_up(r)}
    # the questions skipped in rounds, each no answer and no score (core.history.skipped), in time order
    return with_skipped(rows, skipped_answers(h, bank, prompt), limit) if skips else rows


# Which try of a question counts on Progress (walk42 3): a question answered more than once in a day counts its best
# try of the day (a tie: the later one), as a round's summary counts its best try of the sitting. A mistaken retry at
# 0 made "Am I improving?" say "1 prompt lower" and a competency line fall, beside a summary that counted the 83.
BEST_OF_DAY = "a question answered more than once in a day counts its best try that day, as a round's summary does"


def is_try(row: Row) -> bool:
    """Whether a trends row is a whole try of its question (not a drill, a follow-up answer nor a skip) with a score."""
    return row.get("drill") is None and row.get("overall") is not None and not row.get("skipped")


def outscored(rows: list[Row], lineage: Lineage = bank_ids) -> list[bool]:
    """For trends rows (oldest first): True for a try that another try of the same question the same local day
    scored more than (or as much as, later): not counted on Progress (BEST_OF_DAY). The same question is the same
    prompt id in the same bank, or in a bank of its lineage (`lineage`, see Banks: a copy's answers count with
    those of the bank it was copied from); two banks that merely share a prompt id ("why-us") are two questions
    (review34 finding 8: the lower one was hidden)."""
    best: dict[tuple[Any, Any, Any], int] = {}
    tries = [is_try(r) for r in rows]
    roots: dict[Any, Any] = {}          # each bank's lineage, asked once per bank (a registry's lookup)
    for i, r in enumerate(rows):
        if tries[i]:
            bank = r.get("bank_id")
            if bank not in roots:
                roots[bank] = lineage(bank)[-1] if bank is not None else None
            key = (roots[bank], r.get("prompt_id"), local(str(r["started_at"])).date())
            if key not in best or r["overall"] >= rows[best[key]]["overall"]:
                best[key] = i
    counted_ = set(best.values())
    return [tried and i not in counted_ for i, tried in enumerate(tries)]


def scored_tries(h: History, bank: Banks | None = None, prompt: str | None = None) -> list[Row]:
    """The finished whole answers with a score (of `bank`, a lineage, and `prompt`), oldest first, as `outscored`
    reads them (id, bank_id, prompt_id, started_at, overall)."""
    where, args = _finished(bank, prompt)
    return h.read(f"SELECT id, bank_id, prompt_id, started_at, overall FROM attempts WHERE {where} AND {WHOLE_ANSWER} "
                  "AND overall IS NOT NULL ORDER BY started_at, id", args)


def outscored_ids(h: History, bank: Banks | None = None, prompt: str | None = None,
                  lineage: Lineage | None = None, rows: list[Row] | None = None) -> list[int]:
    """The ids of the finished whole answers (of `bank`, a lineage, and `prompt`) that `outscored` leaves out: the
    one rule (BEST_OF_DAY) by which Progress's charts, its key-point table, `history stats`' competencies, weak points
    and Welcome back count a question answered more than once in a day (fixAR: the table and the CLI counted
    every try beside charts that counted the best). `lineage` by default: `bank`'s answers are one bank's. `rows`:
    scored_tries(h, bank, prompt) when the caller has read them already (`stats` of every bank)."""
    rows = scored_tries(h, bank, prompt) if rows is None else rows
    if lineage is None:
        ids = bank_ids(bank) if bank else ()
        lineage = (lambda _b: ids) if ids else bank_ids
    return [r["id"] for r, lower in zip(rows, outscored(rows, lineage), strict=True) if lower]


# Where Progress and `history stats` say how they count, when some question was answered again the same day (fixAR)
BEST_TRY_COUNTED = ("The average, recent answers, competencies and key points count a question answered again the "
                    "same day by its best try that day")


def retries_text(n: int) -> str:
    """How many tries `outscored_ids` left out, as Progress and `history stats` say it beside what they count."""
    return f"{counted(n, 'lower retry', 'lower retries')} the same day not counted" if n else ""


# Which answers pace and fillers count (walk58 finding 2: `history stats` said "pace –" beside Progress's pace of 121 for
# the same answers: stats took them from each question's best try of the day, typed, and dropped the spoken tries as
# lower retries). BEST_OF_DAY is about scores; how you spoke is in every spoken answer.
DELIVERY_COUNTED = "Pace and fillers count every spoken answer, a lower retry the same day too (a typed answer has neither)"


def spoken_delivery(h: History, bank: Banks | None = None, prompt: str | None = None, last: int = 10) -> list[Row]:
    """The newest `last` spoken whole answers (of `bank`, a lineage, and `prompt`; not drills nor follow-up answers,
    as stats' averages), oldest first: id, wpm, fillers_per_min (DELIVERY_COUNTED: lower retries of a day too)."""
    where, args = _finished(bank, prompt, "a.")
    rows = h.read(f"SELECT a.id, d.wpm, d.fillers_per_min FROM attempts a JOIN delivery d ON d.attempt_id = a.id "
                  f"WHERE {where} AND a.{WHOLE_ANSWER} AND a.input IS NOT '{TYPED}' AND d.wpm IS NOT NULL "
                  f"ORDER BY a.started_at DESC, a.id DESC LIMIT ?", [*args, last])
    rows.reverse()
    return rows


def _avg(rows: list[Row], key: str) -> float | None:
    """The mean, unrounded: each screen rounds it once as it shows it (walk22: rounded here to 51.5, then to 52 by
    Progress, beside Welcome back's 51 for the same 51.46)."""
    values = [r[key] for r in rows if r.get(key) is not None]
    return sum(values) / len(values) if values else None


def stats(h: History, bank: Banks | None = None, last: int = 6, prompt: str | None = None,
          weak_limit: int = 5, lineage: Lineage | None = None, beaten: list[int] | None = None,
          rates: list[Row] | None = None) -> Row:
    """Totals, recent vs earlier averages, per-competency latest/average, and weak points (SQL-side).

    Minutes spoken and pace count spoken answers only: a typed answer has no duration. Recent and earlier's pace
    and fillers (wpm, fillers_per_min) average the last 5 spoken whole answers and up to 5 before them (`spoken`: how
    many), a lower retry of a day too (DELIVERY_COUNTED), their overall the last 5 whole answers counted and up to 5
    before them (`answers`). `drills`: how many of
    the attempts were drills; they are in `attempts` and minutes spoken, and left out of every average, best,
    recent vs earlier and competency number (WHOLE_ANSWER); weak points count them for the points they drilled.
    `cut_off`: how many answers recovered cut off were left out of everything here (COMPLETE).
    `competencies_by_bank`: bank id -> competency id -> {latest, average, attempts, answers (the answers averaged, as
    attempts), skipped (skipped questions probing it: left out, counted apart; latest and average None when it has
    only those: core.history.skipped)}; `competencies`: that of the one
    bank counted (`bank`, or the only bank answered), None when answers of several banks are counted. `bank` may be
    a lineage (Banks): its answers count as the first id's. The average, recent vs earlier and competencies count a
    question answered more than once in a day by its best try that day (BEST_OF_DAY, as Progress's charts, key points
    and Welcome back; `lineage`: which banks' answers are one question's, see outscored_ids); `retries`: how many
    lower tries that left out of them (still in `attempts`, minutes spoken and `best_overall`). Progress, which
    reads both already, hands them in: `beaten`, outscored_ids(h, bank, prompt, lineage); `rates`,
    key_point_rates(h, bank, last, prompt, beaten) of `bank` (its weak points are theirs).
    """
    own = bank_ids(bank)[0] if bank else None
    where, args = _finished(bank, prompt)
    # lower tries the same day: in no average (BEST_OF_DAY); of every bank, read once for each bank's weak points too
    tries = scored_tries(h, bank, prompt) if beaten is None and not bank else None
    if beaten is None:
        beaten = outscored_ids(h, bank, prompt, lineage, tries)
    counts = f"{WHOLE_ANSWER} AND id NOT IN (SELECT value FROM json_each(?))"
    summary = h.read(
        f"SELECT COUNT(*) AS attempts, AVG(CASE WHEN {counts} THEN overall END) AS avg_overall, "
        f"MAX(CASE WHEN {WHOLE_ANSWER} THEN overall END) AS best_overall, "
        f"ROUND(SUM(CASE WHEN input IS NOT '{TYPED}' THEN duration_s END) / 60.0, 1) AS minutes_spoken, "
        f"SUM(input IS '{TYPED}') AS typed, SUM({ONLY_DRILL}) AS drills, SUM({FOLLOW_UP}) AS follow_ups, "
        f"MIN(started_at) AS first, MAX(started_at) AS last, COUNT(DISTINCT bank_id) AS banks, "
        f"MIN(bank_id) AS one_bank "
        f"FROM attempts WHERE {where}", [json.dumps(beaten), *args])[0]
    answered_banks, one_bank = summary.pop("banks"), summary.pop("one_bank")
    # a lineage's skips are its first bank's, like its answers' competencies below; a skipped question is no answer:
    # not in the average per answer (walk19); the average is unrounded, as the recent ones and Welcome back's are:
    # rounded once, where it is shown (walk22: 51.46 was 51.5 here, then "52" on Progress beside Welcome back's 51)
    skips = [{**r, "bank_id": own} if own else r for r in skipped_answers(h, bank, prompt)]
    result: Row = {"bank": own, "prompt": prompt, **summary, "skipped": len(skips)}
    result["typed"] = result["typed"] or 0
    result["drills"] = result["drills"] or 0
    result["follow_ups"] = result["follow_ups"] or 0
    where_all, args_all = _finished(bank, prompt, complete=False)
    result["cut_off"] = h.read(f"SELECT COUNT(*) AS n FROM attempts WHERE {where_all} AND NOT {COMPLETE}",
                               args_all)[0]["n"]
    series = trends(h, bank, limit=10, prompt=prompt, whole_only=True, skips=False, leaving_out=beaten)  # the last 10
    recent, earlier = series[-5:], series[:-5]
    # with how many answers each averages (walk25: "Recent 5 vs the 5 before" of 6 answers, one before)
    # pace and fillers of the spoken answers, the last 5 vs up to 5 before them (DELIVERY_COUNTED; `spoken`: how many)
    spoken = spoken_delivery(h, bank, prompt, 10)
    for side, rows, said in (("recent", recent, spoken[-5:]), ("earlier", earlier, spoken[:-5])):
        result[side] = {"overall": _avg(rows, "overall"), "wpm": _avg(said, "wpm"),
                        "fillers_per_min": _avg(said, "fillers_per_min"), "answers": len(rows), "spoken": len(said)}
    where_a, args_a = _finished(bank, prompt, "a.")
    # per bank: two banks' competency ids are not one list (walkthrough 11), and may even share an id; a lineage's
    # answers are one bank's
    owner, owner_args = ("?", [own]) if own else ("a.bank_id", [])
    result["retries"] = len(beaten)
    comps = h.read(
        f"""SELECT bank_id, key, AVG(value) AS average, COUNT(*) AS attempts,
                   MAX(CASE WHEN n = 1 THEN value END) AS latest
            FROM (SELECT {owner} AS bank_id, j.key, j.value, a.started_at,
                         ROW_NUMBER() OVER (PARTITION BY {owner}, j.key ORDER BY a.started_at DESC, a.id DESC) AS n
                  FROM attempts a, json_each(a.competencies_json) j WHERE {where_a} AND a.{WHOLE_ANSWER}
                        AND a.id NOT IN (SELECT value FROM json_each(?)))
            GROUP BY bank_id, key ORDER BY bank_id, key""", [*owner_args, *owner_args, *args_a, json.dumps(beaten)])
    by_bank: dict[str, dict[str, Row]] = {}
    # a skipped question is not answered: in no competency's average nor its latest, counted apart (core.history.skipped,
    # as Progress and Welcome back; session 41: only here was it averaged in as 0, and made the latest)
    skipped = competency_rows(skips)
    for c in comps:
        by_bank.setdefault(c["bank_id"], {})[c["key"]] = {
            # rounded to 0.1 once, here, as before skips left it (read42a 8: `stats --json` read 16.666666666666668)
            "latest": c["latest"], "average": None if c["average"] is None else round(c["average"], 1),
            "attempts": c["attempts"], "answers": c["attempts"],
            "skipped": skipped.pop((c["bank_id"], c["key"]), 0)}
    for (bank_id, key), n in skipped.items():         # probed only by skipped questions: no answer to average
        by_bank.setdefault(bank_id, {})[key] = {"latest": None, "average": None, "attempts": 0, "answers": 0,
                                                "skipped": n}
    result["competencies_by_bank"] = by_bank
    # one bank's: `bank`'s, or with every bank, those of the one bank answered; None when answers of two banks or
    # more are counted (session 14: it was {} then, "no competencies", with the data in competencies_by_bank)
    result["competencies"] = by_bank.get(own, {}) if own else by_bank.get(one_bank, {}) if answered_banks <= 1 \
        else None
    # of `prompt` alone when one is asked for, as everything above is (walk42: other prompts' points were listed)
    if bank:
        weak = {own: weak_points(h, bank, last, None, prompt, beaten) if rates is None
                else _weak(rates, None)}    # read once
    else:       # each bank's own lower tries (as outscored_ids(h, b, prompt)), from the rows read above
        banks = [r["bank_id"] for r in h.read("SELECT DISTINCT bank_id FROM attempts")]
        weak = {b: weak_points(h, b, last, None, prompt, None if tries is None else outscored_ids(
            h, b, prompt, rows=[r for r in tries if r["bank_id"] == b])) for b in banks}
    result["weak_points"] = {b: points[:weak_limit] for b, points in weak.items()}
    # how many were missed in all (walk59 10: "Most missed" listed the top 5 of 6 without saying so)
    result["weak_points_missed"] = {b: len(points) for b, points in weak.items()}
    return result


def averaged_text(competency: Row) -> str:
    """What a competency's average (stats' `competencies`) counts, in words: "5 answers, a skipped question not
    counted: no answer" (walk42: "(6 answers)" counted the skip, which is no answer, as one; core.history.skipped)."""
    skipped = competency.get("skipped") or 0
    answers = int(competency.get("answers", competency["attempts"]) or 0)
    return counted(answers, "answer") + (f", {skipped_text(skipped)}" if skipped else "")


def only_asked(st: Row) -> str:
    """Why `stats` (`st`) has no average when every answer it counts was a drill or a follow-up answer, for "no
    average yet": " (only a drill)", " (only follow-up answers)", " (only drills and follow-up answers)"; "" when
    some answer was neither (Progress and `history stats` say the same)."""
    n, drills, follow_ups = st["attempts"], st.get("drills") or 0, st.get("follow_ups") or 0
    if not n or drills + follow_ups != n:
        return ""
    if not follow_ups:
        return f" (only {'a drill' if drills == 1 else 'drills'})"
    if not drills:
        return f" (only {'a follow-up answer' if follow_ups == 1 else 'follow-up answers'})"
    return " (only drills and follow-up answers)"


def clock(seconds: float) -> str:
    """A time in a recording as the app shows it: "0:01", "2:05"."""
    return f"{int(seconds) // 60}:{int(seconds) % 60:02d}"


def length(seconds: float) -> str:
    """An answer's length, to the nearest second as the feedback says it ("23 s" is 0:23, not 0:22)."""
    return clock(round(seconds))


SCORE = "score"     # describe_change's format of a score: core.wording.score_text (only full marks read 100)


def shown_delta(first: float, second: float, fmt: str = "{:.0f}") -> int:
    """A change as the two numbers shown make it, rounded once (walk19: "33 -> 67 (+33)" took 33.4 from 66.6); `fmt`
    "score": as a score reads (core.wording.score_text)."""
    if fmt == SCORE:
        return score_shown(second) - score_shown(first)
    return round(float(fmt.format(second)) - float(fmt.format(first)))


def describe_change(label: str, first: float | None, second: float | None, unit: str = "",
                    fmt: str = "{:.0f}", missing: tuple[str, str] = ("–", "–")) -> str:
    """A metric change in words: "Pace 162 → 150 words/min (−12)"; `missing` says why a side has no value."""
    def show(v: float | None, why: str) -> str:       # "none (typed)", not "Pace typed → 211" (walk14)
        if v is None:
            return why if why == "–" else f"none ({why})"
        return length(v) if fmt == "clock" else score_text(v) if fmt == SCORE else fmt.format(v)
    unit = f" {unit}" if unit else ""
    if first is None and second is None:          # not "Pace typed → typed words/min"
        both = missing[0] if missing[0] == missing[1] and missing[0] != "–" else ""
        return f"{label}: not measured" + (f" (both {both})" if both else "")
    if second is None:
        return f"{label} {show(first, missing[0])}{unit} → {show(None, missing[1])}"
    text = f"{label} {show(first, missing[0])} → {show(second, missing[1])}{unit}"
    if first is not None and second is not None and fmt != "clock":
        delta = shown_delta(first, second, fmt)
        if delta:
            text += f" ({'+' if delta > 0 else '−'}{abs(delta)})"
    return text


def length_in_words(a: Row, b: Row) -> str:
    """Compare's length of two answers, one typed or both: in words, a typed answer having no length in time (walk14:
    "Length typed → 0:43"), the spoken one's time beside its words: "Length 96 words (typed) → 118 words (0:43)"."""
    def words(r: Row) -> int | None:
        n = (r.get("delivery") or {}).get("words")
        return None if n is None else int(n)

    def side(r: Row) -> str:
        n = words(r)
        if r.get("input") == TYPED:
            return "typed" if n is None else f"{n} words (typed)"
        spoken = length(r["duration_s"]) if r.get("duration_s") is not None else None
        return (spoken or "–") if n is None else f"{n} words" + (f" ({spoken})" if spoken else "")
    if a.get("input") == TYPED and b.get("input") == TYPED and None not in (words(a), words(b)):
        return f"Length {words(a)} → {words(b)} words (both typed)"
    return f"Length {side(a)} → {side(b)}"


def _key_points(r: Row) -> tuple[int, int]:
    """(covered, counted) of an answer's key points: a drill's or follow-up answer's, those it was asked about."""
    asked = set(r.get("drill") or [])
    points = [k for k in r["key_points"] if not asked or k["label"] in asked]
    return sum(1 for k in points if k["hit"]), len(points)


def key_points_text(a: Row, b: Row, first: tuple[int, int], second: tuple[int, int],
                    alone: tuple[tuple[int, int], tuple[int, int]] | None = None) -> str:
    """Compare's key points line, each answer's points covered of those it was held to (fixCR, walk53 5: "Key points
    with follow-ups 2 of 6 → 4 of 4 asked (the answers alone, as the score: 1 of 6 → 4 of 4)" was read twice): "Key
    points covered: 1 of 6 in the answer itself, as scored (2 of 6 with its follow-ups) → 4 of the 4 points the drill
    asked for" (walk57 4: "3 of 3 → 3 of 3 with its follow-ups" beside "Overall score 100 → 67" read as two bases).
    `alone`: (covered, counted) of each answer before its follow-ups added, where they did (as its score counts)."""
    def side(r: Row, got: tuple[int, int], before: tuple[int, int] | None) -> str:
        # mendA (read41): a follow-up answer counts for the points still missed it covered too, as Gained lists them
        also = len(also_covered(r.get("key_points") or [], r))
        if also:
            said = (f"{got[0] + also} of the {got[1] + also} points it counts for: "
                    + (f"the {got[1]}" if got[1] != 1 else "the one") + " its follow-ups asked about, and "
                    + others_covered_text(also))
        elif r.get("drill"):
            whose = "its follow-ups asked about" if is_follow_up(r) else "the drill asked for"
            said = f"{got[0]} of the {got[1]} points {whose}" if got[1] != 1 else f"{got[0]} of the one point {whose}"
        else:
            said = f"{got[0]} of {got[1]}"
        if before is not None and before != got:     # the answer itself first, as the score beside it (walk57 4)
            said = f"{before[0]} of {before[1]} in the answer itself, as scored ({said} with its follow-ups)"
        return said
    return f"Key points covered: {side(a, first, alone and alone[0])} → {side(b, second, alone and alone[1])}"


def _metrics(a: Row, b: Row) -> dict[str, Row]:
    kp = _key_points

    def delivery(r: Row, *keys: str) -> float | None:
        value: Any = r["delivery"] or {}
        for k in keys:
            value = (value or {}).get(k)
        return None if r.get("input") == TYPED and keys[0] in ("wpm", "fillers") else value   # not measured (walk19)

    def scored(r: Row) -> float | None:      # a follow-up's own overall is no score of it: "1 of 1 asked" is (walk16)
        return None if is_follow_up(r) else r["overall"]

    (ha, _), (hb, _) = kp(a), kp(b)
    rows: list[tuple[str, str, float | None, float | None, str, str]] = [
        ("overall", "Overall score", scored(a), scored(b), "/ 100", SCORE),
        ("key_points", "Key points", ha, hb, "", "{:.0f}"),
        ("duration_s", "Length", a["duration_s"], b["duration_s"], "", "clock"),
        ("wpm", "Pace", delivery(a, "wpm"), delivery(b, "wpm"), "words/min", "{:.0f}"),
        ("fillers", "Fillers", delivery(a, "fillers", "total"), delivery(b, "fillers", "total"), "", "{:.0f}"),
        ("hedges", "Hedges", delivery(a, "hedges", "total"), delivery(b, "hedges", "total"), "", "{:.0f}"),
    ]
    out: dict[str, Row] = {}
    typed = ("typed" if a.get("input") == TYPED else "–", "typed" if b.get("input") == TYPED else "–")
    follow_ups = ("follow-up" if is_follow_up(a) else "–", "follow-up" if is_follow_up(b) else "–")
    for name, label, va, vb, unit, fmt in rows:
        spoken_only = name in ("duration_s", "wpm", "fillers")   # a typed answer has no length, pace or fillers
        missing = typed if spoken_only else follow_ups if name == "overall" else ("–", "–")
        out[name] = {"label": label, "first": va, "second": vb, "unit": unit,
                     "delta": (shown_delta(va, vb, fmt) if fmt != "clock" else round(vb - va, 1))
                     if va is not None and vb is not None else None,
                     "text": describe_change(label, va, vb, unit, fmt, missing)}
    if TYPED in (a.get("input"), b.get("input")):
        out["duration_s"]["text"] = length_in_words(a, b)
    # "Overall score 23 → 100" compared a drill's uncounted score as if it were one; a follow-up answer is named so
    parts = [(side, "follow-up answer" if is_follow_up(r) else "drill") for side, r in (("first", a), ("second", b))
             if r.get("drill")]
    if parts:
        nouns = {noun for _, noun in parts}
        which = (f"the {parts[0][0]} is a {parts[0][1]}" if len(parts) == 1 else f"both are {parts[0][1]}s"
                 if len(nouns) == 1 else f"the first is a {parts[0][1]}, the second a {parts[1][1]}")
        # read41d: not "only" where a follow-up answer also counts for points still missed it covered (the line below)
        also = any(also_covered(r.get("key_points") or [], r) for r in (a, b))
        why = ("each counts only for the points it was asked about" if len(nouns) == 2 and not also else
               f"each counts for the points it was asked about (a follow-up answer also for {ALSO_COUNTS_TEXT})"
               if len(nouns) == 2 else
               f"a follow-up answer counts for the points its follow-ups asked about and {ALSO_COUNTS_TEXT}" if also
               else "a follow-up answer counts only for the points its follow-ups asked about" if "drill" not in nouns
               else "a drill counts only for the points it asked for")
        out["overall"]["text"] += f" ({which}: {why})"
        # its score and key points are not measured as the other answer's: no better or worse (fix33: Compare
        # coloured a drill's +60 green), and why, for Compare's tooltip
        for name in ("overall", "key_points"):
            out[name]["plain"] = f"Not marked better or worse: {which} ({why}), so the two are not measured alike"
    return out


def diff_key(word: str) -> str:
    """A word as Compare matches it: without the punctuation around it, and without case ("Time," and "time." are
    the same word), NFKC-folded as search is ("ｐ９９" is "p99", walk49). Inside a word punctuation stays ("3.5" is
    not "35", "1.5%" not "15%"), and so do symbols ("$5" is not "5")."""
    word = fold(word)
    start, end = 0, len(word)
    while start < end and unicodedata.category(word[start]).startswith("P"):
        start += 1
    while end > start and unicodedata.category(word[end - 1]).startswith("P"):
        end -= 1
    return word[start:end].casefold()


def word_diff(first: str, second: str) -> list[Row]:
    """The word-level differences between two transcripts, matched without punctuation and case; each side keeps
    its own words as they were said ("first" and "second" of an equal run may differ in punctuation)."""
    words_a, words_b = first.split(), second.split()
    matcher = difflib.SequenceMatcher(a=[diff_key(w) for w in words_a], b=[diff_key(w) for w in words_b],
                                      autojunk=False)
    return [{"op": op, "first": " ".join(words_a[i1:i2]), "second": " ".join(words_b[j1:j2])}
            for op, i1, i2, j1, j2 in matcher.get_opcodes()]


def _bank_title(h: History, row: Row) -> str:
    titles = h.read("SELECT title FROM bank_snapshots WHERE hash = ?", [row.get("bank_hash")])
    return f"“{titles[0]['title']}”" if titles and titles[0]["title"] else str(row["bank_id"])


class ApartWhy(Enum):
    """Why two answers do not compare: each front end says what to do by it (fixBY: core said History's "select two
    answers ..." and the CLI rewrote that sentence with a regex)."""
    DIFFERENT_QUESTIONS = "different questions"
    SAME_WORDING = "two questions that read the same"


@dataclass(frozen=True)
class Apart:
    """Why two answers are not to one question: `why` (what to do follows from it) and `text`, the reason in words
    ("these two answers are to different questions (“…” and “…”)"), with no what-to-do."""
    why: ApartWhy
    text: str


class NotOneQuestion(HistoryError):
    """Compare was given answers to two questions; `apart` says why (its text is the message)."""

    def __init__(self, apart: Apart) -> None:
        super().__init__(apart.text)
        self.apart = apart


def different_question(h: History, a: Row, b: Row, lineage: Lineage) -> Apart | None:
    """Why two answers are not to the same question (None: they are): `apart`, the banks named from the history's
    snapshots."""
    return apart(a, b, lineage, lambda row: _bank_title(h, row))


def apart(a: Row, b: Row, lineage: Lineage, bank_title: Callable[[Row], str]) -> Apart | None:
    """Why two answers (rows with bank_id, prompt_id, prompt_text) are not to the same question (None: they are);
    `bank_title` names an answer's bank. The same question: the same question id, in one bank or in a bank and a
    duplicate of it (`lineage`, see Banks), or reading the same word for word (a copy made before copies recorded
    their origin). Walkthrough 13: a duplicated bank's answer and the original's were refused as "different
    questions", quoting the same question twice. History's Compare two says it before it is pressed (walk37)."""
    related = a["bank_id"] == b["bank_id"] or a["bank_id"] in lineage(b["bank_id"]) \
        or b["bank_id"] in lineage(a["bank_id"])
    same_text = " ".join(a["prompt_text"].split()) == " ".join(b["prompt_text"].split())
    if a["prompt_id"] == b["prompt_id"] and (related or same_text):
        return None
    if not same_text:
        return Apart(ApartWhy.DIFFERENT_QUESTIONS, f"these two answers are to different questions "
                                                   f"(“{a['prompt_text']}” and “{b['prompt_text']}”)")
    where = "in one bank" if a["bank_id"] == b["bank_id"] else \
        f"one in {bank_title(a)}, the other in {bank_title(b)}"
    return Apart(ApartWhy.SAME_WORDING, f"these two answers are to two different questions that read the same, "
                                        f"“{a['prompt_text']}” ({where})")


def compare(h: History, first: int, second: int, lineage: Lineage = bank_ids,
            covered: dict[int, set[str]] | None = None) -> Row:
    """Two attempts of one prompt: key points gained, lost and kept; metrics in words; both transcripts and
    the word-level differences between them. `lineage`: a bank id's lineage (see Banks); by default a bank is its
    own only. `covered`: attempt id -> the ids of the key points its follow-up answers covered (app.followed),
    counted as covered (walk15: "Still missing" listed a point Practice said the follow-up answer covered)."""
    a, b = get_attempt(h, first, lineage), get_attempt(h, second, lineage)
    why = different_question(h, a, b, lineage)
    if why:
        raise NotOneQuestion(why)
    covered = covered or {}
    alone = [_key_points(r) for r in (a, b)]          # before what follow-ups added: as the overall counts them
    for r in (a, b):
        later = covered.get(r["id"]) or set()
        r["key_points"] = [{**k, "hit": k["hit"] or k["key_point_id"] in later} for k in r["key_points"]]
    hits_a = {k["key_point_id"]: k for k in a["key_points"]}
    hits_b = {k["key_point_id"]: k for k in b["key_points"]}
    # a drill or follow-up answer counts only for the points it was asked about (session 14: Compare of a follow-up
    # answer with the answer it followed listed as "lost" every point it was never asked about): only the points
    # both answers were asked about are compared; the others are `not_asked`
    # (fixCU: a follow-up answer's other points still missed that it covered count as asked ones: also_covered)
    asked = [{k["key_point_id"] for k in r["key_points"] if k["label"] in r["drill"]} |
             {k["key_point_id"] for k in also_covered(r["key_points"], r)} if r.get("drill") else None
             for r in (a, b)]
    outside = {k for k in (*hits_a, *hits_b) if any(ids is not None and k not in ids for ids in asked)}
    not_asked = [(hits_b.get(k) or hits_a[k])["label"] for k in dict.fromkeys((*hits_b, *hits_a)) if k in outside]
    hits_a = {k: v for k, v in hits_a.items() if k not in outside}
    hits_b = {k: v for k, v in hits_b.items() if k not in outside}
    # a point added to the bank between the two answers was not there to gain (walk37: listed under "Gained"):
    # `new`, each with whether the second answer covered it
    new = [k for k in hits_b if k not in hits_a]
    gained = [hits_b[k]["label"] for k in hits_b if hits_b[k]["hit"] and k in hits_a and not hits_a[k]["hit"]]
    lost = [hits_a[k]["label"] for k in hits_a if hits_a[k]["hit"] and k in hits_b and not hits_b[k]["hit"]]
    # ... and one taken out of the bank between them was not there to lose (review29): `removed`
    removed = [hits_a[k]["label"] for k in hits_a if k not in hits_b]
    kept = [hits_b[k]["label"] for k in hits_b if hits_b[k]["hit"] and hits_a.get(k, {}).get("hit")]
    missed = [hits_b[k]["label"] for k in hits_b if not hits_b[k]["hit"] and k in hits_a and not hits_a[k]["hit"]]
    # a point reworded between the two judgings: "Gained" compared two different sentences (walkthrough 12)
    reworded = [{"label": hits_b[k]["label"], "was": hits_a[k]["label"]} for k in hits_b
                if k in hits_a and hits_a[k]["label"] != hits_b[k]["label"]]
    diff = word_diff(a["transcript"] or "", b["transcript"] or "")
    sides = [{k: r[k] for k in ("id", "started_at", "input", "overall", "duration_s", "transcript", "drill",
                                "follow_up", "answer_number")} for r in (a, b)]
    metrics = _metrics(a, b)
    # which number is which (walk19: "5 of 6 -> 4 of 6 (the first with its follow-up answer)" beside an overall of the
    # answers alone): with follow-ups, as Gained and Still missing; the answer itself beside it, as the score
    metrics["key_points"]["text"] = key_points_text(a, b, _key_points(a), _key_points(b), (alone[0], alone[1]))
    return {"first": first, "second": second, "bank_id": a["bank_id"], "prompt_id": a["prompt_id"],
            "prompt_text": a["prompt_text"], "attempts": sides, "gained": gained, "lost": lost, "kept": kept,
            "missed": missed, "not_asked": not_asked, "reworded": reworded, "metrics": metrics, "diff": diff,
            "new": [{"label": hits_b[k]["label"], "hit": bool(hits_b[k]["hit"])} for k in new], "removed": removed}


def reworded_text(result: Row) -> list[str]:
    """The points `compare` judged against two wordings (`reworded`), a sentence each: "“A hot standby kept in sync”
    was judged against an older wording in the first answer: “Postgres with streaming replication”". Judging the
    first answer again in History compares them on one wording."""
    return [f"“{r['label']}” was judged against an older wording in the first answer: “{r['was']}”"
            for r in result.get("reworded") or []]


def removed_text(result: Row) -> str:
    """The points taken out of the bank between the two answers (`compare`'s `removed`), in words: "Taken out of
    the question since the first answer (not compared): “...”" ("" for none)."""
    labels = result.get("removed") or []
    if not labels:
        return ""
    quoted = "; ".join(f"“{label}”" for label in labels)
    return f"Taken out of the question since the first answer (not compared): {quoted}"


def not_asked_text(result: Row) -> str:
    """Why Compare leaves out some points (`compare`'s `not_asked`), in words: "Not compared: the follow-up answer
    was not asked about these 3 points" ("" when every point was compared)."""
    labels = result.get("not_asked") or []
    if not labels:
        return ""
    nouns = ["follow-up answer" if is_follow_up(r) else "drill" for r in result["attempts"] if r.get("drill")]
    these = "this point" if len(labels) == 1 else f"these {len(labels)} points"
    if len(nouns) == 1:
        return f"Not compared: the {nouns[0]} was not asked about {these}"
    return f"Not compared: {these} {'was' if len(labels) == 1 else 'were'} not asked about in both answers"
