"""Progress: scores over time per bank or per prompt, per competency, pace and fillers (spoken answers only),
and each key point's hit rate. Dates on the x-axis; the legend wraps instead of being cut. Each series has its
own colour and marker; series with equal values are drawn side by side a few pixels apart, and hovering a point
shows the true values there. A drill answer (given after being told which points to cover) has a hollow marker; a
question skipped in a round is not on the charts (no answer, as in the average per answer and Welcome back's), and
the charts' captions say so."""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QImage, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from voiceprep.app import user_message
from voiceprep.app.history_service import NOT_ASKED_YET, as_worded_now, unanswered
from voiceprep.app.recap import copied_text, never_answered_text
from voiceprep.app.scored import PROGRESS_COMPETENCIES, answers_text, progress_competencies
from voiceprep.core.history.queries import (
    DELIVERY_COUNTED,
    cut_off_count_text,
    in_follow_up_text,
    is_try,
    kind_name,
    local,
    older_wording_text,
    only_asked,
    outscored,
    retries_text,
    standing,
    standing_rule,
)
from voiceprep.core.history.skipped import competency_skips, is_skip
from voiceprep.core.wording import PROGRESS_AVERAGE, counted, cut_at_word, score_shown, score_text
from voiceprep.gui.operations import query, run_in_background
from voiceprep.gui.widgets import accessible
from voiceprep.gui.widgets.common import ACCENT, BAD, GOOD, WARN, heading, muted, sentence_case
from voiceprep.settings import COVERED_PARTLY, COVERED_WELL, PROGRESS_QUESTION_CHARS

SERIES_COLORS = [ACCENT, GOOD, WARN, BAD, "#8e5cc7", "#1aa3a3"]
MARKERS = ["circle", "square", "triangle", "diamond", "down", "plus"]       # one per colour, same order
GLYPHS = {"circle": "●", "square": "■", "triangle": "▲", "diamond": "◆", "down": "▼", "plus": "✚"}
MARKERS_UP_TO = 60          # a marker per attempt while they can be told apart; beyond that the line alone
SPARSE_MARKERS = 12         # ... or, with several series, this many along each line to tell them apart
SPREAD = 4.0                # px between series whose points coincide (their true values are in the tooltip)
TIP_RADIUS = 8.0            # px: how near the pointer must be to a point for its tooltip
RATES_ROWS = (3, 30)        # the key-point table is as tall as its rows, within these: the page scrolls, not it
NO_COMPETENCIES = "This bank has no competencies; its score is its key points."
NEVER_ANSWERED_TIP = ("No answer to this question yet, so none of its key points is counted: answer it first (One "
                      "prompt… on Practice; Drill my weak points asks it first)")
OLDER_WORDING_NOTE = ("* The count includes answers judged against an older wording of the key point (you reworded "
                      "it since). Judge them again in History to count them against the point as it reads now.")
Series = dict[str, list[tuple[datetime, float]]]
Tip = tuple[float, float, datetime, int, float]          # x, y as drawn, when, series index, true value


def parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone()


def value_ticks(lo: float, hi: float, count: int = 5) -> tuple[float, float, list[float]]:
    """Round axis values covering lo..hi, about `count` of them: (lo, hi, ticks). Steps of 1, 2 or 5 times a
    power of ten, not 2.5: "0, 2.5, 5, 7.5, 10" needs a decimal that "0, 2, 4, 6, 8, 10" does not."""
    raw = max(hi - lo, 1e-9) / max(count, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw * (1 - 1e-9))
    start, end = math.floor(lo / step) * step, math.ceil(hi / step) * step
    ticks = [round(start + i * step, 9) for i in range(round((end - start) / step) + 1)]
    return round(start, 9), round(end, 9), ticks


SCORE_UNIT = "score / 100"       # a chart of scores: its tooltips say them as every score is said


def tick_label(value: float, step: float) -> str:
    """The value with as many decimals as the step needs to be exact (2.5 -> "2.5", never "2")."""
    decimals = next((d for d in range(4) if abs(round(step, d) - step) < 1e-9 * max(1.0, abs(step))), 4)
    return f"{value:.{decimals}f}"


def value_text(number: float, score: bool = False) -> str:
    """A true value for a tooltip: "50", "66.7", "7.9"; a `score` as core.wording.score_text says it to one place
    (99.96 is "99.9": only full marks read 100)."""
    return (score_text(number, 1) if score else f"{number:.1f}").removesuffix(".0")


def day_label(t: datetime, with_year: bool = False) -> str:
    return t.strftime("%d %b %Y" if with_year else "%d %b").lstrip("0")


def date_ticks(first: datetime, last: datetime, count: int = 5) -> list[tuple[datetime, str]]:
    """Evenly spaced x-axis labels: dates ("3 Mar"), or times when everything is on one day."""
    span = (last - first).total_seconds()
    if span <= 0:
        return [(first, first.strftime("%d %b %H:%M").lstrip("0"))]
    same_day = first.date() == last.date()
    fmt = "%H:%M" if same_day else "%d %b" if first.year == last.year else "%b %Y"
    out, seen = [], set()
    for k in range(count):
        t = datetime.fromtimestamp(first.timestamp() + span * k / (count - 1), first.tzinfo)
        label = t.strftime(fmt) if same_day else t.strftime(fmt).lstrip("0")     # "3 Mar", but "00:12"
        if label not in seen:
            seen.add(label)
            out.append((t, label))
    return out


def day_ticks(days: list[datetime], count: int = 5) -> list[tuple[datetime, str]]:
    """X-axis labels for points that are each a day's average: dates only, never a time of day; up to `count`
    days, each one under its own point (a day's point sits at its last attempt, not where its date begins)."""
    return attempt_day_ticks(days, count) or [(days[0], day_label(days[0]))]


def x_times(spec: ChartSpec) -> list[datetime]:
    """The times the chart's x-axis spans, in order: `spec.places` (every answer's, valued or not, so that a typed
    answer is a gap on Pace at the same x as on the other charts, not a shift), else the points' own."""
    return list(spec.places) if spec.places else sorted({t for s in spec.series for t, _ in s})


def x_fractions(spec: ChartSpec) -> dict[datetime, float]:
    """With `spec.ordinal`: each attempt's place across the chart, 0..1, evenly spaced in the order given
    (walkthrough 11: one prompt's tries of one day stood on one x, a vertical zig-zag)."""
    times = x_times(spec)
    if len(times) < 2:
        return {t: 0.5 for t in times}
    return {t: i / (len(times) - 1) for i, t in enumerate(times)}


def ordinal_ticks(spec: ChartSpec, count: int = 5) -> list[tuple[float, str]]:
    """X-axis labels when attempts are evenly spaced: each day's date under the middle of its attempts (up to
    `count` days, spread out), or on one day the times of up to `count` attempts."""
    at = x_fractions(spec)
    if not at:
        return []
    times = sorted(at)
    days = list(local_days(times).values())
    if len(days) < 2:
        picked = sorted({round(k * (len(times) - 1) / max(count - 1, 1)) for k in range(count)})
        return [(at[times[i]], times[i].strftime("%H:%M")) for i in picked]
    with_year = times[0].year != times[-1].year
    ticks = [((at[day[0][0]] + at[day[-1][0]]) / 2, day_label(day[0][0], with_year)) for day in days]
    if len(ticks) > count:
        picked = sorted({round(k * (len(ticks) - 1) / (count - 1)) for k in range(count)})
        ticks = [ticks[i] for i in picked]
    return ticks


def axis_dates(spec: ChartSpec, count: int = 5) -> list[tuple[datetime, str]]:
    """The x-axis labels of a chart: (when, label); up to `count` days."""
    times = x_times(spec)
    if not times:
        return []
    if spec.daily:
        return day_ticks(times, count)
    return attempt_day_ticks(times, count) or date_ticks(min(times), max(times))      # one day: its times


LABEL_GAP = 8.0             # px at least between two x-axis labels


def x_labels(spec: ChartSpec, left: float, width: float, margin: float,
             advance: Callable[[str], float]) -> list[tuple[float, str]]:
    """Where the x-axis labels are drawn (their left edge) over a plot `width` px wide from `left` (`margin`: how far
    left of it a label may start), `advance` a label's width: every day with a point labelled when the labels fit,
    else as many days as fit, spread out, the first and last kept (walk45 8: "29 Nov" and "2 Dec" were left out of a
    week of seven days, five labels at most). A label that would still overlap the one before it is left out; the
    last day's is kept over the one before it."""
    def shares(count: int) -> list[tuple[float, str]]:
        return ordinal_ticks(spec, count) if spec.ordinal else time_shares(spec, count)
    every = shares(len(x_times(spec)))
    widest = max((advance(label) for _, label in every), default=1.0)
    count = max(2, int((width + LABEL_GAP) // (widest + LABEL_GAP)))
    ticks = [(left + width * share, label) for share, label in (every if len(every) <= count else shares(count))]
    out: list[tuple[float, str, float]] = []
    for x, label in ticks:
        w = advance(label)
        at = min(max(x - w / 2, left - margin), left + width + margin - w)
        if out and at < out[-1][0] + out[-1][2] + LABEL_GAP:
            if (x, label) != ticks[-1]:
                continue                             # would overlap the label before it
            out.pop()                                # the last day's label over the one before it
        out.append((at, label, w))
    return [(at, label) for at, label, _ in out]


def time_shares(spec: ChartSpec, count: int = 5) -> list[tuple[float, str]]:
    """axis_dates' labels as shares of the plot's width, the points placed by time."""
    times = x_times(spec)
    if not times:
        return []
    first, span = times[0], (times[-1] - times[0]).total_seconds()
    return [((t - first).total_seconds() / span if span > 0 else 0.5, label) for t, label in axis_dates(spec, count)]


def attempt_day_ticks(times: list[datetime], count: int = 5) -> list[tuple[datetime, str]]:
    """For points on two days or more, dates each under the middle of its own day's points: every day when they
    are `count` or fewer, else `count` of them, spread out (walkthrough 9: evenly spaced times put "1 Dec" where no
    attempt was, and a label "30 Nov" under 1 Dec's point); [] for points on one day."""
    days = [[t for t, in day] for day in local_days(sorted(times)).values()]
    if len(days) < 2:
        return []
    with_year = min(times).year != max(times).year
    ticks = [(day[0] + (day[-1] - day[0]) / 2, day_label(day[0], with_year)) for day in days]
    if len(ticks) > count:                           # the days nearest to evenly spaced moments, first and last kept
        first, last = ticks[0][0], ticks[-1][0]
        wanted = [first + (last - first) * k / (count - 1) for k in range(count)]
        picked = sorted({min(range(len(ticks)), key=lambda i: abs(ticks[i][0] - w)) for w in wanted})
        ticks = [ticks[i] for i in picked]
    return ticks


def local_days(when: list[datetime], *columns: list[Any]) -> dict[date, list[tuple[Any, ...]]]:
    """Answers grouped by the candidate's local day, days in the order first met: each day's (time, *values) rows,
    one per answer, in the order given (so a day's point sits at `rows[-1][0]`). The one grouping of Progress's
    daily points, hollow markers and date labels."""
    days: dict[date, list[tuple[Any, ...]]] = {}
    for row in zip(when, *columns, strict=False):     # as the loops it replaced: the shortest decides
        days.setdefault(row[0].astimezone().date(), []).append(row)
    return days


def by_day(when: list[datetime], values: list[float | None],
           drills: list[bool] | None = None) -> list[tuple[datetime, float | None]]:
    """One point per local day, the mean of its values (None when it has none), at the day's last attempt.
    `drills`: which answers were drills; a day's mean leaves them out (as every average does, see
    core.history.queries.WHOLE_ANSWER) unless the day had only drills (a hollow point, off the line).

    With every prompt shown, a line from one question's answer to another's is not a trend; a day's average is.
    """
    out: list[tuple[datetime, float | None]] = []
    for day in local_days(when, values, drills or [False] * len(when)).values():
        vs = [v for _, v, d in day if v is not None and not d] or [v for _, v, d in day if v is not None and d]
        out.append((day[-1][0], sum(vs) / len(vs) if vs else None))
    return out


def drill_times(when: list[datetime], values: list[float | None], drills: list[bool],
                daily: bool = False) -> frozenset[datetime]:
    """Where the points that show drill answers only are (drawn hollow): each drill answer with a value, or with
    `daily` (by_day's points), each day whose answers with a value were all drills."""
    if not daily:
        return frozenset(t for t, v, d in zip(when, values, drills) if d and v is not None)
    return frozenset(day[-1][0] for day in local_days(when, values, drills).values()
                     if (valued := [d for _, v, d in day if v is not None]) and all(valued))


SKIPPED_PLACE = "Skipped: no answer, not plotted"   # a skip's place on one prompt's charts, marked (fix33)


# under the charts when one prompt's shows a lower retry (walk57 3: said only in the ×'s tooltip, it read as a 0)
RETRY_NOTE = "×: a lower retry the same day, drawn at its score and not counted (the day's best try counts)."


def lower_retry_place(score: float) -> str:
    """What the place of a lower retry the same day (queries.outscored) says on one prompt's overall chart: marked,
    not plotted, as the line above the charts counts it (walk45 1)."""
    return f"Lower retry {score_text(score)} the same day: not counted (the day's best try counts)"


def competency_retry_place(scores: dict[str, float], competencies: Any) -> str:
    """What a lower retry's × says on the competencies chart: its scores there, by name (walk57 3)."""
    named = ", ".join(f"{c.name} {score_text(scores[c.id])}" for c in competencies if scores.get(c.id) is not None)
    return "Lower retry the same day: not counted (the day's best try counts)" + (f"; {named}" if named else "")


def overall_title(daily: bool, skips: bool) -> str:
    """The overall chart's title: what a point is, and that a skipped question is not one (it is no answer, as in
    the average per answer; fix31)."""
    notes = ["all prompts: each day's average per answer"] * daily + ["skipped questions not plotted: no answer"] * skips
    return "Overall score" + (f" ({'; '.join(notes)})" if notes else "")


def hollow_words(when: list[datetime], kinds: list[str | None], daily: bool = False) -> dict[datetime, str]:
    """What a hollow point's tooltip calls it where it is not a drill's: "(follow-up)" for an answer to the
    interviewer's follow-ups, with `daily` "(follow-ups only)" or "(drills and follow-ups only)" for a day's point.
    `kinds`: each answer's queries.kind_name ("Follow-up", "Drill", None)."""
    if not daily:
        return {t: " (follow-up)" for t, k in zip(when, kinds) if k == "Follow-up"}
    days = [(day[-1][0], {k for _, k in day if k}) for day in local_days(when, kinds).values()]
    return {last: " (follow-ups only)" if ks == {"Follow-up"} else " (drills and follow-ups only)"
            for last, ks in days if "Follow-up" in ks}


def hollow_note(kinds: set[str]) -> str:
    """The line under the charts that says what a hollow marker is: a drill, a follow-up answer or either."""
    drill = "a drill, answered after being told what to cover"
    follow_up = "a follow-up answer, answering the interviewer's follow-ups"
    if "Follow-up" not in kinds:
        return f"Hollow markers: {drill} (off the line, not in the averages; it counts only for the key points it drilled)."
    if "Drill" not in kinds:
        return (f"Hollow markers: {follow_up} (off the line, not in the averages; it counts only for the key points "
                "they asked about).")
    return (f"Hollow markers: {drill}, or {follow_up} (off the line, not in the averages; each counts only for the "
            "key points it was asked about).")


def summary_text(st: dict[str, Any]) -> str:
    """The line under Progress's title: attempts, typed and drills, minutes spoken, average and best of the whole
    answers ("no average yet (only a drill)" when there are none: walkthrough 6 said "average 0 · best 0")."""
    n, drills, follow_ups = st["attempts"], st.get("drills") or 0, st.get("follow_ups") or 0
    # counted so they add up, "2 answers and 1 follow-up" (walk18: "3 answers … 1 follow-up answer"); a follow-up
    # adds to the answer it followed: the average is "before follow-ups" (app.scored)
    left_out = f"{'the drill' if drills == 1 else 'the drills'} not in the average or best" if drills else ""
    notes = [f"{'all' if st['typed'] == n else st['typed']} typed: not in minutes, pace or fillers"] * bool(
        st["typed"]) + [left_out] * bool(left_out)
    typed = f" ({'; '.join(notes)})" if notes else ""
    cut = st.get("cut_off") or 0               # left out of everything here (core.history.queries.COMPLETE)
    typed += f" · {cut_off_count_text(cut)}" if cut else ""
    if st["avg_overall"] is None:
        scores = f"no average yet{only_asked(st)}"
    else:
        # a skipped question is no answer: not in it (walk19), only in its round's score as 0 (core.history.skipped)
        before = ", before follow-ups" if follow_ups else ""
        best = score_text(st["best_overall"] or 0)
        # a lower retry the same day is in no number here but the count and the best (queries.BEST_OF_DAY; fixAR)
        retries = retries_text(st.get("retries") or 0)
        scores = (PROGRESS_AVERAGE.format(score=score_text(st['avg_overall']), before=before) + f" · best {best}"
                  + (f" · {retries} (a question's best try of a day counts)" if retries else ""))
    # "answers", as the rest of the page says ("Includes 1 answer given with…", "per answer"; walk17 read "5 attempts"
    # then "Includes 1 answer")
    return f"{answers_text(n, drills, follow_ups)}{typed} · {st['minutes_spoken'] or 0} minutes spoken · {scores}"


def fall_text(days: list[tuple[float, datetime]]) -> str:
    """A fall from the best day to the latest (each day's best try, oldest first): "best 100 on 3 Dec, latest 50"
    ("" when the latest day is the best, or the best is the first day: latest vs first says that fall already).
    Walk45 3: 14, 100, 100, then 50 read "+36" against the first day, nothing said of the fall."""
    if len(days) < 3:
        return ""
    at = max(range(len(days) - 1), key=lambda i: (score_shown(days[i][0]), i))     # the later of equal bests
    (best, when), latest = days[at], days[-1][0]
    if at == 0 or score_shown(latest) >= score_shown(best):
        return ""
    return f"best {score_text(best)} on {day_label(when)}, latest {score_text(latest)}"


def improvement_text(rows: list[dict[str, Any]], prompt: str | None, limit: int | None = None,
                     beaten: list[bool] | None = None, names: dict[str, str] | None = None) -> str:
    """"Am I improving?" in one line, from the same question asked again (walkthrough 11: the all-prompts line is
    each day's average of whatever was answered that day, so a day of harder questions looked like a fall). Each
    prompt's first day against its latest, each day by its best try (queries.BEST_OF_DAY, as a round's summary counts
    its best try; walk42: a mistaken retry at 0 read "1 prompt lower" beside a summary counting the 83). Drills and
    follow-up answers are told what to cover: not compared. `rows`: Progress's answers, oldest first (the newest
    `limit` when the history is cut there); `beaten`: their `outscored` flags when the caller has them already
    (HistoryService.progress reads them with its lineage). A prompt whose latest day is below an earlier day's best
    says so (fall_text), named by `names` (prompt id -> its text) with every prompt."""
    beaten = outscored(rows) if beaten is None else beaten
    dated: dict[str, list[tuple[float, datetime]]] = {}     # prompt id -> each day's best try and when, oldest first
    tries: dict[str, list[tuple[float, bool]]] = {}
    for r, lower in zip(rows, beaten, strict=True):
        if is_try(r):
            tries.setdefault(r["prompt_id"], []).append((r["overall"], lower))
            if not lower:
                dated.setdefault(r["prompt_id"], []).append((r["overall"], local(str(r["started_at"]))))
    days = {pid: [v for v, _ in d] for pid, d in dated.items()}
    first = "first charted day" if limit is not None and len(rows) >= limit else "first day"
    if prompt:
        mine, every = days.get(prompt, []), tries.get(prompt, [])
        latest, lower = every[-1] if every else (None, False)
        retry = (f" Latest try {score_text(latest)} (a retry; the best that day {score_text(mine[-1])} counts)."
                 if lower and latest is not None else "")
        if len(mine) < 2:
            return ("Answer it again another day to see whether you improve: your latest day's best try is compared "
                    f"with your first day's.{retry}")
        change = score_shown(mine[-1]) - score_shown(mine[0])
        fell = fall_text(dated[prompt])
        fell = f" Down from your best: {fell}." if fell else ""
        return (f"Your {first} {score_text(mine[0])} → latest day {score_text(mine[-1])} ({_signed(change)}), each "
                f"day's best try; best {score_text(max(mine))}, {counted(len(every), 'try', 'tries')}.{fell}{retry}")
    again = {pid: v for pid, v in days.items() if len(v) > 1}
    if not again:
        return ("Am I improving? Answer a prompt again another day to see: each prompt's latest day is compared with "
                "its first, each day by its best try (the line below mixes whatever questions each day had).")
    changes = [score_shown(v[-1]) - score_shown(v[0]) for v in again.values()]
    up, down = sum(c > 0 for c in changes), sum(c < 0 for c in changes)
    same = len(changes) - up - down
    parts = [f"{counted(n, 'prompt')} {how}" for n, how in ((up, "higher"), (down, "lower"), (same, "the same")) if n]
    average = round(sum(changes) / len(changes))
    falls = [(pid, fell) for pid in again if (fell := fall_text(dated[pid]))]
    said = "; ".join(f"“{cut_at_word((names or {}).get(pid) or pid, PROGRESS_QUESTION_CHARS)}”, {fell}" for pid, fell in falls)
    fell = f" Down from {'its' if len(falls) == 1 else 'their'} best: {said}." if falls else ""
    return (f"Am I improving? Of the {counted(len(again), 'prompt')} you answered on more than one day, latest day "
            f"vs {first}, each day by its best try: {', '.join(parts)} (average change "
            f"{_signed(average) if average else '0'}).{fell}")


def key_points_title(window: int, prompt: str | None) -> str:
    """The key-point table's title: what it counts (key_point_rates: a question's best try of a day, as the charts)."""
    return (f"Key points, last {window} answers of " + ("this prompt" if prompt else "each prompt")
            + ", a question answered again the same day by its best try")


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else f"−{abs(n)}" if n < 0 else "no change"


@dataclass(frozen=True)
class ChartSpec:
    """Everything one drawing of a chart needs, copied off the widget so a worker thread can draw it."""
    unit: str
    y_range: tuple[float, float] | None
    band: tuple[float, float] | None
    series: tuple[tuple[tuple[datetime, float], ...], ...]
    width: int
    height: int
    ratio: float
    text_color: str
    font: str               # QFont.toString(): fonts are made on the thread that draws
    names: tuple[str, ...] = ()       # of the series, for tooltips
    daily: bool = False               # each point is a day's average: dates only on the axis and in tooltips
    background: str = "#ffffff"       # outlines markers so ones side by side stay apart
    hollow: tuple[frozenset[datetime], ...] = ()    # per series: the times of drill points (hollow markers)
    empty: str = ""                   # what an empty chart says, when not "No answers yet"
    hollow_words: tuple[tuple[datetime, str], ...] = ()   # a hollow point's name where not a drill's (hollow_words)
    ordinal: bool = False             # attempts evenly spaced in order, not by time (one prompt's tries of a day)
    places: tuple[datetime, ...] = ()   # sorted: every time on the x-axis, with a value or not (x_times)
    marked: tuple[tuple[datetime, str], ...] = ()   # places with no value marked on the axis, and their tooltip
    # of those, the ones marked at values (a lower retry's scores: walk57 3), a × at each; the others on the axis
    marked_at: tuple[tuple[datetime, tuple[float, ...]], ...] = ()


@dataclass(frozen=True)
class Drawn:
    """A chart's image and where its points landed (sorted by x), for tooltips without redrawing."""
    image: QImage
    tips: tuple[Tip, ...]
    xs: tuple[float, ...]           # the tips' x, to search by


def render(spec: ChartSpec) -> Drawn:
    """The chart as an image (QPainter on a QImage is safe off the GUI thread; a QPixmap is not)."""
    image = QImage(max(1, round(spec.width * spec.ratio)), max(1, round(spec.height * spec.ratio)),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(spec.ratio)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    font = QFont()
    font.fromString(spec.font)
    painter.setFont(font)
    try:
        tips = draw(painter, spec)
    finally:
        painter.end()
    tips.sort()                     # by x: runs already in order, so sorting is quick
    return Drawn(image, tuple(tips), tuple(tip[0] for tip in tips))


def dodge(ys: list[float], order: list[int], low: float, high: float) -> list[float]:
    """Y positions for points at one time: ones closer than SPREAD px are spread SPREAD apart around their mean,
    in `order` when equal (so a series keeps its place in a bundle), kept within low..high."""

    def first(total: float, n: int) -> float:         # where a bundle of n around its mean starts
        return min(max(total / n - SPREAD * (n - 1) / 2, low), high - SPREAD * (n - 1))

    groups: list[tuple[list[int], float, float]] = []   # members top to bottom, sum of their ys, first y
    for i in sorted(range(len(ys)), key=lambda i: (ys[i], order[i])):
        members, total, start = [i], ys[i], first(ys[i], 1)
        while groups:                                # merge while the bundle above reaches this one
            above, above_total, above_start = groups[-1]
            if above_start + SPREAD * len(above) <= start + 1e-9:
                break
            groups.pop()
            members, total = above + members, above_total + total
            start = first(total, len(members))
        groups.append((members, total, start))
    out = list(ys)
    for members, _, start in groups:
        for k, i in enumerate(members):
            out[i] = start + SPREAD * k
    return out


def draw_marker(p: QPainter, shape: str, x: float, y: float, r: float) -> None:
    if shape == "circle":
        p.drawEllipse(QPointF(x, y), r, r)
        return
    if shape == "square":
        s = r * 0.9
        pts = [(x - s, y - s), (x + s, y - s), (x + s, y + s), (x - s, y + s)]
    elif shape == "triangle":
        pts = [(x, y - r * 1.2), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)]
    elif shape == "down":
        pts = [(x, y + r * 1.2), (x + r * 1.1, y - r * 0.8), (x - r * 1.1, y - r * 0.8)]
    elif shape == "diamond":
        s = r * 1.25
        pts = [(x, y - s), (x + s, y), (x, y + s), (x - s, y)]
    else:                                            # plus
        a, b = r * 1.2, r * 0.45
        pts = [(x - b, y - a), (x + b, y - a), (x + b, y - b), (x + a, y - b), (x + a, y + b), (x + b, y + b),
               (x + b, y + a), (x - b, y + a), (x - b, y + b), (x - a, y + b), (x - a, y - b), (x - b, y - b)]
    p.drawPolygon(QPolygonF([QPointF(px, py) for px, py in pts]))


# what a chart of spoken answers only says with none to draw: typed answers have no pace nor fillers (walkthrough 13:
# "Fillers per minute: No attempts yet" after typed attempts)
SPOKEN_ONLY = {"words/min": "Pace is measured on spoken answers; none yet",
               "fillers/min": "Fillers are measured on spoken answers; none yet"}


def empty_text(spec: ChartSpec) -> str:
    """What a chart with nothing to draw says instead."""
    return spec.empty or SPOKEN_ONLY.get(spec.unit, "No answers yet")


# charts whose axis always starts at 0 (walk14: a flat 4.2 fillers a minute drew an axis of 3.6 to 4.8)
FROM_ZERO = {"fillers/min"}


def lonely_text(spec: ChartSpec) -> str:
    """What a chart with one point (one time with a value: typed answers are gaps on Pace) says beside it: one dot
    is no trend (walk14: a lonely dot, a meaningless axis); "" with more points, or none."""
    if len({t for s in spec.series for t, _ in s}) != 1:
        return ""
    if spec.unit in SPOKEN_ONLY:
        return ("One day of spoken answers so far: answer aloud on another day to see a trend" if spec.daily else
                "One spoken answer so far: answer aloud again to see a trend")
    return ("One day so far: practise on another day to see a trend" if spec.daily else
            "One answer so far: answer again to see a trend")


def y_axis(spec: ChartSpec) -> tuple[float, float, list[float]]:
    """The value axis: (lo, hi, ticks). The chart's fixed range, else round values around the points and the good
    band, from 0 when there is one point (no close-up of nothing) or the chart is one of FROM_ZERO."""
    values = [v for s in spec.series for _, v in s]
    lo, hi = spec.y_range or (min(values) * 0.9, max(values) * 1.1 or 1.0)
    if spec.band and not spec.y_range:
        lo, hi = min(lo, spec.band[0] * 0.9), max(hi, spec.band[1] * 1.1)
    if not spec.y_range and (spec.unit in FROM_ZERO or lonely_text(spec)):
        lo = min(lo, 0.0)
    if hi == lo:
        hi = lo + 1
    if not spec.y_range:
        return value_ticks(lo, hi)
    return lo, hi, [hi - (hi - lo) * k / 4 for k in range(5)]


def draw(p: QPainter, spec: ChartSpec) -> list[Tip]:
    """Lines over time, y-axis labelled with its unit, optional band of good values; where each point landed."""
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    text = QColor(spec.text_color)
    metrics = p.fontMetrics()
    left = metrics.horizontalAdvance("0000") + 12
    area = QRectF(left, 8, spec.width - left - 16, spec.height - 8 - metrics.height() * 2 - 6)
    points = [pt for s in spec.series for pt in s]
    p.setPen(text)
    if not points:
        p.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, empty_text(spec))
        return []
    lo, hi, ticks = y_axis(spec)
    step = abs(ticks[1] - ticks[0]) if len(ticks) > 1 else 1.0
    spanned = x_times(spec)
    first, last = spanned[0], spanned[-1]
    span = max((last - first).total_seconds(), 1.0)
    placed = x_fractions(spec) if spec.ordinal else {}

    def xy(t: datetime, v: float) -> QPointF:
        share = placed[t] if t in placed else (t - first).total_seconds() / span if last > first else 0.5
        return QPointF(area.left() + area.width() * share, area.bottom() - (v - lo) / (hi - lo) * area.height())
    grid = QColor(text)
    grid.setAlpha(40)
    for value in ticks:
        y = area.bottom() - (value - lo) / (hi - lo) * area.height()
        p.setPen(QPen(grid, 1))
        p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        p.setPen(text)
        p.drawText(QRectF(0, y - 8, left - 6, 16), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                   tick_label(value, step))
    if spec.band:
        band = QColor(GOOD)
        band.setAlpha(30)
        top, bottom = xy(first, min(spec.band[1], hi)).y(), xy(first, max(spec.band[0], lo)).y()
        p.fillRect(QRectF(area.left(), top, area.width(), bottom - top), band)
    for at, label in x_labels(spec, area.left(), area.width(), min(left / 2, 14.0), metrics.horizontalAdvance):
        p.drawText(QPointF(at, area.bottom() + metrics.height() + 2), label)
    p.drawText(QPointF(area.left(), spec.height - 4), spec.unit)
    # plain floats until drawing: Qt calls per point cost more than the arithmetic (this runs holding the GIL)
    x_at: dict[datetime, float] = {}
    for s in spec.series:
        for t, _ in s:
            if t not in x_at:
                x_at[t] = xy(t, lo).x()
    scale, bottom = area.height() / (hi - lo), area.bottom()
    ys = [[bottom - (v - lo) * scale for _, v in s] for s in spec.series]
    if len(ys) > 1:                                  # equal values side by side, not on top of each other
        at_time: dict[datetime, list[tuple[int, int]]] = {}
        for i, s in enumerate(spec.series):
            for j, (t, _) in enumerate(s):
                at_time.setdefault(t, []).append((i, j))
        for members in at_time.values():
            if len(members) < 2:
                continue
            here = [ys[i][j] for i, j in members]
            ordered = sorted(here)
            if all(b - a >= SPREAD for a, b in zip(ordered, ordered[1:])):
                continue                             # nothing hides anything here
            moved = dodge(here, [i for i, _ in members], area.top() - 5, area.bottom() + 3)  # within the margins
            for (i, j), y in zip(members, moved):
                ys[i][j] = y
    lines = [[(x_at[t], y) for (t, _), y in zip(s, col)] for s, col in zip(spec.series, ys)]
    for idx, pts in enumerate(lines):
        p.setPen(QPen(QColor(SERIES_COLORS[idx % len(SERIES_COLORS)]), 2))
        hollow = spec.hollow[idx] if idx < len(spec.hollow) else frozenset()
        if hollow:                                   # a drill is shown, off the line (not in any average)
            pts = [xy for (t, _), xy in zip(spec.series[idx], pts) if t not in hollow]
        p.drawLines([QLineF(x1, y1, x2, y2) for (x1, y1), (x2, y2) in zip(pts, pts[1:])])  # 30x faster than a path
    outline = QPen(QColor(spec.background), 1)
    for idx, pts in enumerate(lines):
        hollow = spec.hollow[idx] if idx < len(spec.hollow) else frozenset()
        if len(pts) <= MARKERS_UP_TO:
            marked = pts
        elif len(lines) > 1:
            marked = pts[::math.ceil(len(pts) / SPARSE_MARKERS)]
        else:
            marked = []
        color, shape = QColor(SERIES_COLORS[idx % len(SERIES_COLORS)]), MARKERS[idx % len(MARKERS)]
        drills = [xy for (t, _), xy in zip(spec.series[idx], pts) if t in hollow] if hollow else []
        if drills:
            skip = set(drills)
            marked = [xy for xy in marked if xy not in skip]
        p.setPen(outline)
        p.setBrush(color)
        for x, y in marked:
            draw_marker(p, shape, x, y, 3.5)
        p.setPen(QPen(color, 1.5))              # a drill: the series' colour around, the background inside
        p.setBrush(QColor(spec.background))
        for x, y in drills:                     # always marked, however many points the line has
            draw_marker(p, shape, x, y, 3.5)
    tips = [(x, y, t, idx, v) for idx, (s, pts) in enumerate(zip(spec.series, lines)) for (t, v), (x, y) in zip(s, pts)]
    # a place with no value (a skip on one prompt's chart) under the line joined over it: "skipped" in muted words
    # above the axis, a muted × where the words would overlap (fix33: the empty slot read as missing data), and for a
    # lower retry the same day (not counted: walk45 1); its tooltip says why (tip_text: series -1)
    faint = QColor(text)
    faint.setAlpha(150)
    p.setPen(QPen(faint, 1.5))
    word, right_of_last = "skipped", -math.inf
    at_values = dict(spec.marked_at)
    for t, why in spec.marked:
        x, y = xy(t, lo).x(), area.bottom() - 6
        w = metrics.horizontalAdvance(word)
        if at_values.get(t):                        # a lower retry: a × at each of its scores (walk57 3)
            for v in at_values[t]:
                y = xy(t, min(max(v, lo), hi)).y()
                p.drawLine(QLineF(x - 3, y - 3, x + 3, y + 3))
                p.drawLine(QLineF(x - 3, y + 3, x + 3, y - 3))
                tips.append((x, y, t, -1, v))
            continue
        if why == SKIPPED_PLACE and x - w / 2 > right_of_last + 4:
            p.drawText(QPointF(x - w / 2, area.bottom() - 3), word)
            right_of_last = x + w / 2
        else:
            p.drawLine(QLineF(x - 3, y - 3, x + 3, y + 3))
            p.drawLine(QLineF(x - 3, y + 3, x + 3, y - 3))
        tips.append((x, y, t, -1, 0.0))
    return tips


def tip_text(spec: ChartSpec, tips: tuple[Tip, ...], xs: tuple[float, ...], at: QPointF) -> str:
    """What the points nearest `at` are: when, and each series' true value there ("" when none is near)."""
    lo, hi = bisect.bisect_left(xs, at.x() - TIP_RADIUS), bisect.bisect_right(xs, at.x() + TIP_RADIUS)
    near = [tip for tip in tips[lo:hi] if math.hypot(tip[0] - at.x(), tip[1] - at.y()) <= TIP_RADIUS]
    if not near:
        return ""
    when = min(near, key=lambda tip: math.hypot(tip[0] - at.x(), tip[1] - at.y()))[2]
    same = sorted((tip for tip in tips[lo:hi] if tip[2] == when), key=lambda tip: tip[3])
    if same and same[0][3] < 0:          # a marked place (spec.marked), no value
        return f"{day_label(when, True)} {when.strftime('%H:%M')}\n{dict(spec.marked).get(when, '')}"
    head = f"{day_label(when, True)}: the day's average" if spec.daily else \
        f"{day_label(when, True)} {when.strftime('%H:%M')}"

    def said(tip: Tip) -> str:        # what the value is: a drill's or a follow-up's (a skip has none)
        if tip[3] >= len(spec.hollow) or tip[2] not in spec.hollow[tip[3]]:
            return ""
        return dict(spec.hollow_words).get(tip[2]) or (" (drills only)" if spec.daily else " (drill)")
    score = spec.unit == SCORE_UNIT
    if len(spec.series) == 1 or not spec.names:
        return head + "\n" + "\n".join(f"{value_text(tip[4], score)} {spec.unit}{said(tip)}" for tip in same)
    return head + "\n" + "\n".join(f"{spec.names[tip[3]]}: {value_text(tip[4], score)}{said(tip)}" for tip in same)


class Canvas(QWidget):
    """A chart drawn into an image on a worker thread (the "draw" lane) whenever its data, size or palette
    change; a paint only copies the image, so new data never costs the GUI thread the drawing. Until the new
    image arrives the previous one is shown."""

    def __init__(self, unit: str, y_range: tuple[float, float] | None, band: tuple[float, float] | None):
        super().__init__()
        self.unit, self.y_range, self.band = unit, y_range, band
        self.series: Series = {}
        self.drills: dict[str, frozenset[datetime]] = {}   # per series: the times of drill points
        self.hollow_words: dict[datetime, str] = {}         # a hollow point's name where not a drill's
        self.marked: dict[datetime, str] = {}          # places with no value marked on the axis (ChartSpec.marked)
        self.marked_at: dict[datetime, tuple[float, ...]] = {}    # ... of those, marked at values (ChartSpec.marked_at)
        self.daily = False                            # each point is a day's average
        self.ordinal = False                          # attempts evenly spaced in order (one prompt)
        self.places: tuple[datetime, ...] = ()        # every time on the x-axis, valued or not (x_times)
        self.empty = ""                               # what it says with nothing to draw ("" : no attempts yet)
        self._image: QImage | None = None
        self._tips: tuple[Tip, ...] = ()              # where _image's points are, sorted by x
        self._tip_xs: tuple[float, ...] = ()
        self._drawn: ChartSpec | None = None          # what _image shows
        self._asked: ChartSpec | None = None          # what is being drawn now
        self.setMinimumHeight(180)

    def spec(self) -> ChartSpec:
        palette = self.palette()
        return ChartSpec(self.unit, self.y_range, self.band, tuple(tuple(s) for s in self.series.values()),
                         self.width(), self.height(), self.devicePixelRatioF(),
                         palette.color(palette.ColorRole.WindowText).name(), self.font().toString(),
                         tuple(self.series), self.daily, palette.color(palette.ColorRole.Window).name(),
                         tuple(self.drills.get(name, frozenset()) for name in self.series), self.empty,
                         tuple(sorted(self.hollow_words.items())), self.ordinal, self.places,
                         tuple(sorted(self.marked.items())), tuple(sorted(self.marked_at.items())))

    def ready(self) -> bool:
        """The image on screen shows the current data at the current size."""
        return self._drawn is not None and self._drawn == self.spec()

    def invalidate(self) -> None:
        self.update()

    def tip_at(self, pos: QPointF) -> str:
        """The tooltip at `pos`: the true values of the points there (looked up, not drawn: no GUI-thread work)."""
        drawn = self._drawn
        if drawn is None or (drawn.width, drawn.height) != (self.width(), self.height()):
            return ""                                 # the image is stretched until redrawn: positions are off
        return tip_text(drawn, self._tips, self._tip_xs, pos)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._image is not None:
            painter = QPainter(self)
            if self._drawn is not None and (self._drawn.width, self._drawn.height) == (self.width(), self.height()):
                painter.drawImage(0, 0, self._image)
            else:
                painter.drawImage(QRectF(self.rect()), self._image)   # resized: stretched until redrawn
            painter.end()
        wanted = self.spec()
        if wanted != self._drawn and wanted != self._asked:
            self._asked = wanted
            run_in_background(render, wanted, lane="draw", owner=self,
                              on_done=lambda drawn: self._arrived(wanted, drawn))

    def _arrived(self, spec: ChartSpec, drawn: Drawn) -> None:
        if spec == self._asked:
            self._asked = None
        if spec == self.spec() or self._image is None:
            self._image, self._drawn, self._tips, self._tip_xs = drawn.image, spec, drawn.tips, drawn.xs
            self.update()


class LineChart(QWidget):
    """A titled chart with a legend below that wraps (two names a row) rather than truncating."""

    def __init__(self, title: str, unit: str, y_range: tuple[float, float] | None = None,
                 band: tuple[float, float] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.title = heading(title, 11)
        lay.addWidget(self.title)
        # one point is no trend: said under the title, not over the plot's lines (walk15: drawn across them)
        self.note = muted("")
        self.note.setWordWrap(True)
        self.note.hide()
        lay.addWidget(self.note)
        self.canvas = Canvas(unit, y_range, band)
        lay.addWidget(self.canvas, 1)
        self.legend = QGridLayout()
        self.legend.setHorizontalSpacing(16)
        lay.addLayout(self.legend)
        self.legend_labels: list[QLabel] = []

    @property
    def series(self) -> Series:
        return self.canvas.series

    def set_series(self, series: dict[str, list[tuple[datetime, float | None]]], daily: bool = False,
                   drills: dict[str, frozenset[datetime]] | None = None,
                   hollow_words: dict[datetime, str] | None = None, ordinal: bool = False,
                   marked: dict[datetime, str] | None = None,
                   marked_at: dict[datetime, tuple[float, ...]] | None = None) -> None:
        """Named series of (when, value); None values (e.g. typed answers' pace) are left out. `daily`: each
        point is a day's average (labelled by its date, never a time of day). `drills`: per series, the times of
        points that show drill answers only (drill_times), drawn hollow; `hollow_words`: what such a point's tooltip
        calls it where it is not a drill (hollow_words: "(follow-up)"). `ordinal`: attempts evenly spaced in the
        order given, labelled by day (one prompt's tries). Every time given keeps its place on the x-axis, with a
        value or not: a typed answer (no pace) is a gap on Pace where it stands on the other charts. `marked`: places
        with no value marked on the axis and what their tooltip says (a skip on one prompt's chart: no answer, no
        value, core.history.skipped); `marked_at`: of those, the ones marked at values instead (a lower retry's
        scores)."""
        self.canvas.daily = daily
        self.canvas.marked = dict(marked or {})
        self.canvas.marked_at = dict(marked_at or {})
        self.canvas.places = tuple(sorted({t for pts in series.values() for t, _ in pts}))
        self.canvas.ordinal = ordinal
        self.canvas.hollow_words = dict(hollow_words or {})
        self.canvas.drills = dict(drills or {})
        self.canvas.series = {k: [(t, v) for t, v in pts if v is not None] for k, pts in series.items()}
        self.canvas.series = {k: v for k, v in self.canvas.series.items() if v}
        for label in self.legend_labels:
            self.legend.removeWidget(label)
            label.deleteLater()
        self.legend_labels = []
        if len(self.canvas.series) > 1:
            for i, name in enumerate(self.canvas.series):
                color, glyph = SERIES_COLORS[i % len(SERIES_COLORS)], GLYPHS[MARKERS[i % len(MARKERS)]]
                label = QLabel(f"<span style='color:{color}'>{glyph}</span> {name}")
                label.setWordWrap(True)
                label.setToolTip(name)
                self.legend.addWidget(label, i // 2, i % 2)
                self.legend_labels.append(label)
        note = lonely_text(self.canvas.spec()) if self.canvas.series else ""
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.canvas.invalidate()


class ProgressPage(QScrollArea):
    def __init__(self, services: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self._generation = 0
        self._shown: tuple[Any, ...] | None = None
        self._followed: str | None = None       # Practice's bank when the page last followed it
        self.setWidgetResizable(True)
        body = QWidget()
        self.setWidget(body)
        root = QVBoxLayout(body)
        root.addWidget(heading("Progress", 16))
        # the pickers on a row of their own, the question's as wide as the page allows (walk14: beside the title, it
        # cut "What is the most challenging technical pr" at 1366x768)
        top = QHBoxLayout()
        self.bank_box = QComboBox()
        self.prompt_box = QComboBox()
        self.bank_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)     # a bank's whole name
        self.prompt_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.prompt_box.setMinimumContentsLength(28)
        accessible.name(self.bank_box, "Bank")
        accessible.name(self.prompt_box, "Question")
        top.addWidget(self.bank_box)
        top.addWidget(self.prompt_box, 1)
        root.addLayout(top)
        self.summary = muted("")
        root.addWidget(self.summary)
        self.copied_note = muted("")        # a copied bank's answers take in its origin's: said (walk15)
        self.copied_note.setWordWrap(True)
        self.copied_note.hide()
        root.addWidget(self.copied_note)
        self.improving = QLabel("")          # "Am I improving?": each prompt's latest try against its first
        self.improving.setWordWrap(True)
        root.addWidget(self.improving)
        grid = QGridLayout()
        s = services.settings.analysis
        self.overall = LineChart("Overall score", SCORE_UNIT, (0, 100))
        self.competencies = LineChart("Competencies", SCORE_UNIT, (0, 100))
        # what its numbers count, against the round summary's (walk37: two sets of numbers, nothing said why)
        self.competencies_about = muted(PROGRESS_COMPETENCIES)
        self.competencies_about.setWordWrap(True)
        if isinstance(chart := self.competencies.layout(), QVBoxLayout):
            chart.insertWidget(1, self.competencies_about)        # under its title
        self.pace = LineChart(f"Pace, spoken answers (good: {s.wpm_low}-{s.wpm_high} words/min)", "words/min",
                              band=(s.wpm_low, s.wpm_high))
        self.fillers = LineChart("Fillers per minute, spoken answers", "fillers/min")
        for spoken in (self.pace, self.fillers):       # the rule `history stats` says too (walk58 finding 2)
            spoken.setToolTip(f"{DELIVERY_COUNTED}.")
        grid.addWidget(self.overall, 0, 0)
        grid.addWidget(self.competencies, 0, 1)
        grid.addWidget(self.pace, 1, 0)
        grid.addWidget(self.fillers, 1, 1)
        root.addLayout(grid)
        self.drill_note = muted(hollow_note(set()))
        self.drill_note.hide()
        root.addWidget(self.drill_note)
        self.retry_note = muted(RETRY_NOTE)       # what a × on one prompt's charts is (walk57 3: only in its tooltip)
        self.retry_note.hide()
        root.addWidget(self.retry_note)
        self.rates_title = heading("", 12)
        root.addWidget(self.rates_title)
        # with every prompt shown, each prompt heads its own points, once (walk14: a Prompt column repeated it)
        self.rates = QTableWidget(0, 2)
        accessible.name(self.rates, "Key points, how often covered")
        self.rates.setTabKeyNavigation(False)
        self.rates.setHorizontalHeaderLabels(["Hit", "Key point"])
        hit_header = QTableWidgetItem("Hit")
        self.rates.setHorizontalHeaderItem(0, hit_header)
        hit_header.setToolTip(                              # the order and colour's rule (fix45)
            "How many of the answers counted covered the point; \"+1 in follow-up\": answers that missed it and "
            f"whose follow-up answer said it. Weakest first; Drill my weak points asks them in this order, less those of a "
            f"question your newest answer covered whole. {standing_rule()}")
        self.rates.verticalHeader().hide()
        self.rates.setWordWrap(True)
        header = self.rates.horizontalHeader()
        # sizes from the font, never measured over every row on the GUI thread (a 58 ms stall at 10,000 attempts)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        self.rates.setColumnWidth(0, max(self.rates.fontMetrics().horizontalAdvance(t)
                                         for t in ("100 of 100", "+100 in follow-up")) + 24)
        self.rates.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.rates.verticalHeader().setDefaultSectionSize(self.rates.fontMetrics().lineSpacing() * 2 + 10)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._fit_rates()
        root.addWidget(self.rates)
        self.wording_note = muted(OLDER_WORDING_NOTE)      # shown when a count mixes a point's wordings
        self.wording_note.setWordWrap(True)
        self.wording_note.hide()
        root.addWidget(self.wording_note)
        for box in (self.bank_box, self.prompt_box):      # Page Down scrolls the page (walk57 7), not the picker
            box.installEventFilter(self)
        self.bank_box.currentIndexChanged.connect(lambda _i: self._fill_prompts())
        self.prompt_box.currentIndexChanged.connect(self.refresh)
        self.fill_banks()

    def eventFilter(self, watched, event) -> bool:
        """Page Down / Page Up in a picker scroll the page (walk57 7: they changed the question, and no key scrolled
        Progress); the arrows still pick."""
        # (the scroll area filters its viewport's events from its making on, before the pickers are)
        if event.type() == QEvent.Type.KeyPress and watched in (getattr(self, "bank_box", None),
                                                                getattr(self, "prompt_box", None)) \
                and isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp) \
                and not event.modifiers():
            bar = self.verticalScrollBar()
            step = bar.pageStep() if event.key() == Qt.Key.Key_PageDown else -bar.pageStep()
            bar.setValue(bar.value() + step)
            return True
        return super().eventFilter(watched, event)

    def fill_banks(self) -> None:
        """(Re)fill the bank picker, keeping the bank and prompt chosen while they still exist (session 12: a bank
        saved anywhere put Progress back on the first bank)."""
        bank_id, prompt = self.bank_box.currentData(), self.prompt_box.currentData()
        self.bank_box.blockSignals(True)
        self.bank_box.clear()
        labels = self.services.registry.labels()          # "(mine)" beside a bank named as another
        for b in self.services.registry.banks:
            self.bank_box.addItem(labels[b.id], b.id)
        self.bank_box.setCurrentIndex(max(self.bank_box.findData(bank_id), 0) if bank_id else 0)
        self.bank_box.blockSignals(False)
        self._fill_prompts(prompt if self.bank_box.currentData() == bank_id else None)

    def follow_bank_in_use(self, bank_id: str | None) -> None:
        """Open on the bank being practised (Practice's bank), only when it changed since the page last followed
        it: a bank the candidate chose here stays chosen when they come back (session 12: it went back to
        Practice's bank on every visit, as after each answer stored)."""
        if bank_id != self._followed:
            self._followed = bank_id
            i = self.bank_box.findData(bank_id)
            if i >= 0 and i != self.bank_box.currentIndex():
                self.bank_box.setCurrentIndex(i)            # refreshes
                return
        self.refresh()

    def _fill_prompts(self, keep: str | None = None) -> None:
        self.prompt_box.blockSignals(True)
        self.prompt_box.clear()
        self.prompt_box.addItem("All prompts of this bank", None)
        bank = self.services.registry.find(self.bank_box.currentData() or "")
        for p in bank.all_prompts() if bank else []:
            self.prompt_box.addItem(p.text, p.id)
            self.prompt_box.setItemData(self.prompt_box.count() - 1, p.text, Qt.ItemDataRole.ToolTipRole)
        self.prompt_box.setCurrentIndex(max(self.prompt_box.findData(keep), 0) if keep else 0)
        self.prompt_box.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        bank_id = self.bank_box.currentData()
        if not bank_id:
            return
        self._generation += 1
        generation, prompt = self._generation, self.prompt_box.currentData()
        service, limit = self.services.history, self.services.settings.history.chart_attempts
        registry = self.services.registry
        def read() -> dict[str, Any]:
            data = service.progress(bank_id, prompt)
            data["when"] = [parse_time(r["started_at"]) for r in data["series"]]     # parsed here, not on the GUI
            data["improving"] = improvement_text(data["series"], prompt, limit, data["outscored"],
                                                 {p["prompt_id"]: p["prompt_text"] for p in data["prompts"]})
            # the points as the bank reads now: reworded, or added and not asked yet (walk42 7)
            bank = registry.find(bank_id)
            data["rates"] = as_worded_now(data["rates"], bank, prompt)
            # the questions never answered, named first in the table (walk45 2: named nowhere)
            answered = [r["prompt_id"] for r in data["prompts"]]       # HistoryService.prompts: those answered
            data["never"] = [q.text for q in unanswered(bank, answered)] if bank is not None and not prompt else []
            return data
        query(read, owner=self,
              on_done=lambda data: self._show(data, bank_id, prompt, generation),
              on_error=lambda e: self.summary.setText(sentence_case(user_message(e, "Reading your progress"))))

    def _show(self, data: dict[str, Any], bank_id: str, prompt: str | None, generation: int) -> None:
        if generation != self._generation or (bank_id, prompt, data) == self._shown:
            return                                  # stale, or nothing changed since it was drawn
        self._shown = (bank_id, prompt, data)
        bank = self.services.registry.find(bank_id)
        series, rates, st = data["series"], data["rates"], data["stats"]
        self.summary.setText(summary_text(st))
        labels = self.services.registry.labels()
        copied = copied_text(data.get("copied") or [], bank_id, self.services.registry.find, labels)
        self.copied_note.setText(copied)
        self.copied_note.setVisible(bool(copied))
        self.improving.setText(data.get("improving") or "")
        when = data["when"]

        daily, drills = not prompt, [bool(r.get("drill")) for r in series]
        skips = [is_skip(r) for r in series]   # a skipped question: not answered, no score (core.history.skipped)
        kinds = [kind_name(r) for r in series]           # a follow-up answer is hollow too, and named so
        words = hollow_words(when, kinds, daily)

        def show(chart: LineChart, named: dict[str, list[float | None]], marked: dict[datetime, str] | None = None,
                 marked_at: dict[datetime, tuple[float, ...]] | None = None) -> None:
            chart.set_series({k: by_day(when, v, drills) if daily else list(zip(when, v)) for k, v in named.items()},
                             daily,
                             {k: drill_times(when, v, drills, daily) for k, v in named.items()}, words,
                             ordinal=not daily, marked=marked, marked_at=marked_at)
        # a question's best try of a day counts, as in "Am I improving?" and a round's summary (walk42: a retry at 0
        # took a competency from 41 to 27 beside a summary that counted the 83); on both charts (walk45 1: the
        # overall one averaged every try under a line saying the lower retries were not counted)
        beaten = data["outscored"]          # the service's (HistoryService.progress), read off the GUI thread
        self.overall.title.setText(overall_title(daily, any(skips)))
        # a skip is no answer: not on the charts, as not in the average per answer above (fix29) nor in Welcome
        # back's (app.recap; walk56: the competencies counted it as 0 under an overall chart that left it out). One
        # prompt's chart keeps each try's place: a skip's is marked and says so (fix33: an empty slot read as missing
        # data), as is a lower retry's
        places = {} if daily else {t: SKIPPED_PLACE if skip else lower_retry_place(r["overall"])
                                   for t, r, skip, lower in zip(when, series, skips, beaten, strict=True) if skip or lower}
        # a lower retry's × at its score, on each chart (walk57 3: on the zero line it read as a 0), said under them
        retries = [] if daily else [(t, r) for t, r, skip, lower in zip(when, series, skips, beaten, strict=True)
                                    if lower and not skip]
        show(self.overall, {"overall": [None if skip or lower else r["overall"]
                                        for r, skip, lower in zip(series, skips, beaten, strict=True)]}, places,
             {t: (r["overall"],) for t, r in retries if r["overall"] is not None})
        self.retry_note.setVisible(bool(retries))
        comps = bank.competencies if bank else ()
        # "No attempts yet" after 13 attempts: a bank without competencies scores its key points only
        self.competencies.canvas.empty = "" if comps or bank is None else NO_COMPETENCIES
        self.competencies_about.setVisible(bool(comps))
        # the skips left out, said as such (walk42: "Each answer alone" with a skip averaged in; walk56)
        self.competencies_about.setText(progress_competencies(competency_skips(series)))
        show(self.competencies, {c.name: [None if skip or lower else r["competencies"].get(c.id)
                                          for r, skip, lower in zip(series, skips, beaten, strict=True)] for c in comps},
             {**places, **{t: competency_retry_place(r["competencies"] or {}, comps) for t, r in retries}},
             {t: tuple(v for c in comps if (v := (r["competencies"] or {}).get(c.id)) is not None) for t, r in retries})
        show(self.pace, {"words/min": [r["wpm"] or None for r in series]})
        show(self.fillers, {"fillers/min": [r["fillers_per_min"] for r in series]})
        self.drill_note.setText(hollow_note({k for k in kinds if k}))
        self.drill_note.setVisible(any(any(chart.canvas.drills.values())
                                       for chart in (self.overall, self.competencies, self.pace, self.fillers)))
        window = self.services.settings.history.weak_point_window
        # counted as the charts count (queries.BEST_OF_DAY; fixAR: the table counted every try of a day)
        self.rates_title.setText(key_points_title(window, prompt))
        self.rates.clearSpans()
        # each prompt's points under it, the prompt with the least covered point first (rates come worst first)
        groups: dict[str, list[dict[str, Any]]] = {}
        for r in rates:
            groups.setdefault(r["prompt_id"], []).append(r)
        shown: list[tuple[str | None, dict[str, Any]]] = [("never", {"prompt_text": text})
                                                          for text in data.get("never") or []] + [
            (kind, r) for mine in groups.values() for kind, r in ([] if prompt else [("prompt", mine[0])])
            + [(None, r) for r in mine]]
        self.rates.setRowCount(len(shown))
        bold = QFont(self.rates.font())
        bold.setBold(True)
        for i, (kind, r) in enumerate(shown):
            if kind == "never":                      # a question of the bank with no answer yet: the first to practise
                never = QTableWidgetItem(never_answered_text([r["prompt_text"]]))
                never.setToolTip(NEVER_ANSWERED_TIP)
                never.setFont(bold)
                never.setForeground(QColor(BAD))
                self.rates.setItem(i, 0, never)
                self.rates.setItem(i, 1, QTableWidgetItem(""))
                self.rates.setSpan(i, 0, 1, self.rates.columnCount())
                continue
            if kind == "prompt":
                asked = QTableWidgetItem(r["prompt_text"] or r["prompt_id"])
                asked.setToolTip(r["prompt_text"] or r["prompt_id"])
                asked.setFont(bold)
                self.rates.setItem(i, 0, asked)
                self.rates.setItem(i, 1, QTableWidgetItem(""))
                self.rates.setSpan(i, 0, 1, self.rates.columnCount())
                continue
            if r.get("not_asked"):                   # added to the bank since its question's last answer (walk42 7)
                hit = QTableWidgetItem(NOT_ASKED_YET)
                hit.setForeground(self.rates.palette().color(QPalette.ColorRole.PlaceholderText))
                hit.setToolTip("Added since your last answer to this question: no answer was judged against it yet")
                self.rates.setItem(i, 0, hit)
                label = QTableWidgetItem(r["label"])
                label.setToolTip(f"{r['label']}\n({r['prompt_text'] or r['prompt_id']})")
                self.rates.setItem(i, 1, label)
                continue
            older = older_wording_text(r)            # answers judged against the point's old wording (walkthrough 12)
            # the answers' own count, then the answers whose follow-up said it (History's "+1 key point" on each),
            # coloured as listed (fix45): said only when asked is not missed (fix41: "0 of 1" in red), nor said
            # unprompted (it was green, yet listed and drilled first)
            followed = r.get("asked") or 0
            said = in_follow_up_text(r)
            hit = QTableWidgetItem(f"{r['hits']} of {r['attempts']}" + (" *" if older else "")
                                   + (f"\n{said}" if said else ""))
            covered = standing(r)
            hit.setForeground(QColor(GOOD if covered >= COVERED_WELL else WARN if covered >= COVERED_PARTLY else BAD))
            if older or said:
                them = "its follow-up answer" if followed == 1 else "their follow-up answers"
                hit.setToolTip(f"{r['hits']} of {counted(r['attempts'], 'answer')} covered it"
                               + (f"; {said}: {counted(followed, 'answer')} missed it and {them} said it" if said else "")
                               + (f"; {older}: judge them again in History to count them against it as it reads now"
                                  if older else "")
                               + (f". {standing_rule()}" if said else ""))
            self.rates.setItem(i, 0, hit)
            label = QTableWidgetItem(r["label"])
            label.setToolTip(f"{r['label']}\n({r['prompt_text'] or r['prompt_id']})"
                             + (f"\n{hit.toolTip()}" if said else ""))
            self.rates.setItem(i, 1, label)
        self.wording_note.setVisible(any(older_wording_text(r) for r in rates))
        self._fit_rates()

    def _fit_rates(self) -> None:
        """The key-point table as tall as its rows (up to RATES_ROWS[1]): at 1366x768 it was a 4-row scroller inside
        the scrolling page (walkthrough 10, 107.png)."""
        low, high = RATES_ROWS
        rows = min(high, max(low, self.rates.rowCount()))
        self.rates.setFixedHeight(self.rates.horizontalHeader().sizeHint().height() + 2 * self.rates.frameWidth()
                                  + rows * self.rates.verticalHeader().defaultSectionSize())
