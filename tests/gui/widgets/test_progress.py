"""Progress chart axes: round values, each label once."""

import pytest

from voiceprep.core.history.queries import outscored
from voiceprep.gui.widgets.progress import tick_label, value_ticks


def page_services(find):
    """The few services a ProgressPage asks for, with `find(bank_id)` for its banks and no history."""
    from types import SimpleNamespace

    return SimpleNamespace(registry=SimpleNamespace(banks=[], find=find, labels=dict),
                           settings=SimpleNamespace(analysis=SimpleNamespace(wpm_low=120, wpm_high=165),
                                                    history=SimpleNamespace(weak_point_window=6,
                                                                             chart_attempts=200)),
                           history=None)


@pytest.mark.parametrize("lo, hi", [(12.1, 17.6), (97.2, 202.4), (0.0, 100.0), (0.3, 1.4), (5.0, 5.5), (0.0, 14.0)])
def test_ticks_are_round_cover_the_data_and_read_once(lo, hi):
    start, end, ticks = value_ticks(lo, hi)
    assert start <= lo and end >= hi and 3 <= len(ticks) <= 7
    step = round(ticks[1] - ticks[0], 9)                 # 5.1 - 5.0 is 0.0999...96 in floating point
    mantissa = step / 10 ** __import__("math").floor(__import__("math").log10(step))
    assert round(mantissa, 6) in (1, 2, 2.5, 5)
    labels = [tick_label(t, step) for t in ticks]
    assert len(set(labels)) == len(labels), labels       # "16, 15, 14, 14, 13" was shown before


def test_charts_are_drawn_off_the_gui_thread_and_follow_data_and_size(qtbot, monkeypatch):
    """New data or a new size costs the GUI thread a copy of an image, never the drawing (issue 12)."""
    import threading
    from datetime import UTC, datetime, timedelta

    from PySide6.QtGui import QColor

    from voiceprep.gui.widgets import progress
    from voiceprep.gui.widgets.progress import SERIES_COLORS, LineChart

    drawn_on = []
    real_draw = progress.draw
    def draw(p, spec):
        drawn_on.append(threading.current_thread())
        return real_draw(p, spec)
    monkeypatch.setattr(progress, "draw", draw)
    chart = LineChart("Overall score", "score / 100", (0, 100))
    qtbot.addWidget(chart)
    chart.resize(500, 300)
    chart.show()
    start = datetime(2026, 11, 1, tzinfo=UTC)
    chart.set_series({"overall": [(start + timedelta(days=i), 20.0 + 7 * i) for i in range(10)]})
    qtbot.waitUntil(chart.canvas.ready, timeout=5000)
    assert drawn_on and threading.main_thread() not in drawn_on
    image = chart.canvas.grab().toImage()
    line = QColor(SERIES_COLORS[0])
    assert any(image.pixelColor(x, y) == line for x in range(0, image.width(), 2) for y in range(image.height()))

    first = len(drawn_on)
    chart.set_series({"overall": [(start, 50.0), (start + timedelta(days=1), 60.0)]})
    assert not chart.canvas.ready()                        # the old image is shown until the new one arrives
    qtbot.waitUntil(chart.canvas.ready, timeout=5000)
    chart.resize(700, 320)
    qtbot.waitUntil(lambda: chart.canvas.ready() and len(drawn_on) >= first + 2, timeout=5000)
    assert chart.canvas._image.width() == round(chart.canvas.width() * chart.canvas.devicePixelRatioF())


def _spec(series, names=(), daily=False, y_range=(0, 100), unit="score / 100", width=500, height=260):
    from voiceprep.gui.widgets.progress import ChartSpec

    return ChartSpec(unit, y_range, None, tuple(tuple(s) for s in series), width, height, 1.0, "#000000",
                     __import__("PySide6.QtGui", fromlist=["QFont"]).QFont().toString(), names=tuple(names),
                     daily=daily)


@pytest.mark.parametrize("lo, hi", [(0.0, 8.69), (6.3, 8.4), (0.0, 0.27), (40.0, 340.0), (1.2, 9.9)])
def test_axis_labels_are_the_exact_tick_values(lo, hi):
    """Fillers 0-8.7 read "0, 2, 5, 8, 10": ticks at 2.5 and 7.5 were rounded to integers."""
    _, _, ticks = value_ticks(lo, hi)
    step = ticks[1] - ticks[0]
    assert [float(tick_label(t, step)) for t in ticks] == pytest.approx(ticks, abs=1e-9)
    assert tick_label(2.5, 2.5) == "2.5" and tick_label(7.5, 2.5) == "7.5" and tick_label(0.25, 0.25) == "0.25"


def test_competencies_with_equal_scores_are_each_visible_and_keep_their_true_values(qtbot):
    """Four competencies all at 50 then 100 showed two lines: the later ones covered the earlier ones."""
    from datetime import UTC, datetime, timedelta

    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor

    from voiceprep.gui.widgets.progress import SERIES_COLORS, LineChart, render

    start = datetime(2026, 11, 30, 10, tzinfo=UTC)
    days = [start + timedelta(days=i) for i in range(3)]
    same = [(days[0], 50.0), (days[1], 75.0), (days[2], 100.0)]
    names = ["Distributed Systems Design", "Database Optimization", "Payments Domain Expertise", "Backend"]
    image = render(_spec([same] * 4, names)).image
    for i in range(4):
        color = QColor(SERIES_COLORS[i])
        seen = sum(image.pixelColor(x, y) == color for x in range(image.width()) for y in range(image.height()))
        assert seen >= 150, (i, seen)                   # a line's worth of its own colour, not a fringe

    chart = LineChart("Competencies", "score / 100", (0, 100))
    qtbot.addWidget(chart)
    chart.resize(500, 300)
    chart.show()
    chart.set_series({n: same for n in names})
    qtbot.waitUntil(chart.canvas.ready, timeout=5000)
    xs = sorted({x for x, *_ in chart.canvas._tips})
    ys = [y for x, y, *_ in chart.canvas._tips if x == xs[0]]
    tip = chart.canvas.tip_at(QPointF(xs[0], sum(ys) / len(ys)))
    assert all(f"{n}: 50" in tip for n in names), tip     # the true value, not the drawn offset
    assert "30 Nov" in tip and "average" not in tip
    assert chart.canvas.tip_at(QPointF(xs[0] + 100, 5)) == ""
    glyphs = [label.text().split("</span>")[0][-1] for label in chart.legend_labels]
    assert len(set(glyphs)) == 4, glyphs                  # the legend shows each series' own marker


def test_a_days_average_is_labelled_with_its_date_not_a_time():
    """"Overall (all prompts: each day's average)" with one day showed "01 Dec 04:58"."""
    from datetime import datetime

    from voiceprep.gui.widgets.progress import axis_dates, parse_time

    when = parse_time("2026-12-01T04:58:00+00:00")
    assert [label for _, label in axis_dates(_spec([[(when, 50.0)]], daily=True))] == [when.strftime("%d %b").lstrip("0")]
    one = axis_dates(_spec([[(when, 50.0)]]))        # a single attempt keeps its time of day
    assert one[0][1].endswith(when.strftime("%H:%M"))
    days = [datetime.fromisoformat(f"2026-12-0{d}T23:30:00").astimezone() for d in (1, 2, 4)]
    labels = [label for _, label in axis_dates(_spec([[(t, 50.0) for t in days]], daily=True))]
    assert labels == ["1 Dec", "2 Dec", "4 Dec"]                 # each day under its own point
    assert all(":" not in label for label in labels)


def test_with_all_prompts_the_page_draws_days_and_with_one_prompt_attempts(qtbot):
    """The page tells the charts whether a point is a day's average (all prompts) or one attempt."""
    from types import SimpleNamespace

    from voiceprep.gui.widgets.progress import ProgressPage

    comps = [SimpleNamespace(id=f"c{i}", name=f"Competency {i}") for i in range(4)]
    bank = SimpleNamespace(competencies=comps, id="b", name="Bank", all_prompts=lambda: [])
    page = ProgressPage(page_services(lambda _id: bank))
    qtbot.addWidget(page)
    rows = [{"started_at": "2026-12-01T04:58:00+00:00", "overall": 50.0, "wpm": 150.0, "fillers_per_min": 7.9,
             "competencies": {c.id: 50.0 for c in comps}}]
    data = {"series": rows, "rates": [], "when": [parse(r["started_at"]) for r in rows], "outscored": outscored(rows),
            "stats": {"typed": 0, "attempts": 1, "minutes_spoken": 1, "avg_overall": 50, "best_overall": 50}}
    page._show(data, "b", None, page._generation)
    assert page.summary.text().startswith("1 answer · ")        # walkthrough 6: "1 attempts"; walk17: one word
    charts = (page.overall, page.competencies, page.pace, page.fillers)
    assert all(chart.canvas.spec().daily for chart in charts)
    page._show(dict(data), "b", "p1", page._generation)
    assert not any(chart.canvas.spec().daily for chart in charts)


def parse(text):
    from voiceprep.gui.widgets.progress import parse_time

    return parse_time(text)


def test_a_drill_point_is_hollow_says_so_and_a_day_is_a_drill_only_if_all_its_answers_were():
    """Drill answers (given after being told which points to cover) are drawn hollow: the series' colour around,
    the background inside, whatever the number of points; the tooltip says "(drill)"."""
    from dataclasses import replace
    from datetime import UTC, datetime, timedelta

    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor

    from voiceprep.gui.widgets.progress import SERIES_COLORS, drill_times, render, tip_text

    start = datetime(2026, 11, 2, 10, tzinfo=UTC)
    days = [start + timedelta(days=i) for i in range(3)]
    spec = replace(_spec([[(days[0], 40.0), (days[1], 60.0), (days[2], 80.0)]]), background="#ffffff",
                   hollow=(frozenset({days[1]}),))
    drawn = render(spec)
    (x0, y0, *_), (x1, y1, *_), _ = drawn.tips
    image = drawn.image
    assert image.pixelColor(round(x0), round(y0)) == QColor(SERIES_COLORS[0])      # filled
    assert image.pixelColor(round(x1), round(y1)) == QColor("#ffffff")             # hollow ...
    blue = QColor(SERIES_COLORS[0])
    ring = [image.pixelColor(round(x1), round(y1) + dy) for dy in (-5, -4, -3, 3, 4, 5)]     # above and below
    assert any(max(abs(c.red() - blue.red()), abs(c.green() - blue.green()), abs(c.blue() - blue.blue())) < 40
               for c in ring), [c.name() for c in ring]                            # ... in the series' colour
    assert tip_text(spec, drawn.tips, drawn.xs, QPointF(x1, y1)).endswith("60 score / 100 (drill)")
    assert "(drill" not in tip_text(spec, drawn.tips, drawn.xs, QPointF(x0, y0))
    many = [(start + timedelta(hours=i), 50.0) for i in range(100)]                # beyond MARKERS_UP_TO
    crowded = render(replace(spec, series=(tuple(many),), hollow=(frozenset({many[50][0]}),)))
    x, y, *_ = crowded.tips[50]
    assert crowded.image.pixelColor(round(x), round(y)) == QColor("#ffffff")       # a drill is always marked
    off = render(replace(spec, series=((((days[0], 40.0), (days[1], 95.0), (days[2], 40.0))),)))
    (xa, ya, *_), (xb, yb, *_), _ = off.tips                                    # a drill is off the line:
    assert off.image.pixelColor(round((xa + xb) / 2), round((ya + yb) / 2)).alpha() == 0     # nothing drawn there
    joined = [off.image.pixelColor(round((xa + xb) / 2), round(ya) + dy) for dy in (-1, 0, 1)]   # whole answers
    assert any(max(abs(c.red() - blue.red()), abs(c.green() - blue.green()), abs(c.blue() - blue.blue())) < 40
               for c in joined), [c.name() for c in joined]

    # local wall-clock times (the days are the candidate's local days: in UTC+13:45 10:00 and 18:00 UTC fall on two)
    morning, evening, next_day = (datetime(2026, 11, d, h).astimezone() for d, h in ((2, 10), (2, 18), (3, 10)))
    when = [morning, evening, next_day]
    assert drill_times(when, [50.0, 60.0, 70.0], [True, False, True]) == {morning, next_day}
    assert drill_times(when, [50.0, None, 70.0], [False, True, True]) == {next_day}     # no value: not drawn
    assert drill_times(when, [50.0, 60.0, 70.0], [True, False, True], daily=True) == {next_day}   # a mixed day
    assert drill_times(when, [50.0, None, 70.0], [True, False, True], daily=True) == {evening, next_day}


def _one_attempt_on_two_banks(qtbot, competencies: dict[str, float]):  # type: ignore[no-untyped-def]
    """A Progress page over a bank without competencies ("none") and one with competency "c" ("some"), and the data of
    one attempt scoring `competencies`."""
    from types import SimpleNamespace

    from voiceprep.gui.widgets.progress import ProgressPage

    banks = {"none": SimpleNamespace(competencies=[], id="none", name="No competencies", all_prompts=lambda: []),
             "some": SimpleNamespace(competencies=[SimpleNamespace(id="c", name="C")], id="some", name="Some",
                                     all_prompts=lambda: [])}
    page = ProgressPage(page_services(banks.get))
    qtbot.addWidget(page)
    rows = [{"started_at": "2026-12-01T04:58:00+00:00", "overall": 75.0, "wpm": 150.0, "fillers_per_min": 2.0,
             "competencies": competencies}]
    data = {"series": rows, "rates": [], "when": [parse(r["started_at"]) for r in rows], "outscored": outscored(rows),
            "stats": {"typed": 0, "attempts": 1, "minutes_spoken": 1, "avg_overall": 75, "best_overall": 75}}
    return page, data


def test_a_bank_without_competencies_says_so_instead_of_no_attempts_yet(qtbot):
    """Walkthrough 5: on affirm-backend-platform (no competencies) Progress said "Competencies: No attempts yet"
    after 13 attempts. It says the bank's score is its key points; a bank with competencies still says no attempts."""
    from voiceprep.gui.widgets.progress import NO_COMPETENCIES, empty_text

    page, data = _one_attempt_on_two_banks(qtbot, {})
    page._show(data, "none", None, page._generation)
    assert empty_text(page.competencies.canvas.spec()) == NO_COMPETENCIES
    assert empty_text(page.overall.canvas.spec()) == "No answers yet"
    page._show(dict(data, series=[], outscored=[]), "some", None, page._generation)
    assert empty_text(page.competencies.canvas.spec()) == "No answers yet"


def test_each_days_label_sits_under_that_days_attempts():
    """Walkthrough 9: attempts late on 30 Nov and in the morning of 1 Dec drew "1 Dec" a quarter of the way in,
    where no attempt was, and 1 Dec's attempts at the right edge under no label: ticks were evenly spaced times."""
    from datetime import datetime

    from voiceprep.gui.widgets.progress import axis_dates

    times = [datetime.fromisoformat(t).astimezone() for t in
             ("2026-11-30T22:00:00", "2026-11-30T22:30:00", "2026-12-01T09:00:00", "2026-12-01T10:00:00")]
    ticks = axis_dates(_spec([[(t, 50.0) for t in times]]))
    assert [label for _, label in ticks] == ["30 Nov", "1 Dec"]
    (late, _), (morning, _) = ticks
    assert times[0] <= late <= times[1] and times[2] <= morning <= times[3]


def test_with_more_days_than_labels_each_label_still_sits_under_its_own_days_point():
    """The Progress screenshot: six days of daily averages put "30 Nov" under 1 Dec's point (evenly spaced times)."""
    from datetime import datetime, timedelta

    from voiceprep.gui.widgets.progress import axis_dates, day_label

    start = datetime.fromisoformat("2026-11-20T02:27:00").astimezone()
    days = [start + timedelta(days=d, hours=d % 3 * 7) for d in (0, 1, 2, 3, 5, 6, 8, 9)]
    for daily in (True, False):
        ticks = axis_dates(_spec([[(t, 50.0) for t in days]], daily=daily))
        assert 3 <= len(ticks) <= 5 and ticks[0][0] == days[0] and ticks[-1][0] == days[-1]
        for when, label in ticks:
            assert when in days and label == day_label(when), (when, label)


def test_the_key_point_table_is_as_tall_as_its_rows_so_the_page_scrolls_not_the_table(qtbot):
    """Walkthrough 10 (107.png): at 1366x768 the key-point table was a 4-row scroller inside the scrolling page."""
    from types import SimpleNamespace

    from voiceprep.gui.widgets import progress
    from voiceprep.gui.widgets.progress import ProgressPage

    most = getattr(progress, "RATES_ROWS", (3, 30))[1]
    bank = SimpleNamespace(competencies=[], id="b", name="Bank", all_prompts=lambda: [])
    page = ProgressPage(page_services(lambda _id: bank))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    rows = [{"started_at": "2026-12-01T04:58:00+00:00", "overall": 50.0, "wpm": 150.0, "fillers_per_min": 2.0,
             "competencies": {}}]

    def show(n):
        rates = [{"hits": 1, "attempts": 1, "rate": 1.0, "label": f"Point {i}", "prompt_text": "Why?",
                  "prompt_id": "p"} for i in range(n)]
        page._show({"series": rows, "rates": rates, "when": [parse(r["started_at"]) for r in rows], "outscored": outscored(rows),
                    "stats": {"typed": 0, "attempts": 1, "minutes_spoken": 1, "avg_overall": 50,
                              "best_overall": 50}}, "b", None, page._generation)
        qtbot.waitUntil(lambda: page.rates.viewport().height() > 0)
        return page.rates

    table = show(12)
    assert table.viewport().height() >= 12 * table.verticalHeader().defaultSectionSize(), table.viewport().height()
    assert not table.verticalScrollBar().isVisible()
    table = show(most + 10)                                # a sensible maximum: then it scrolls itself
    assert table.height() < (most + 1) * table.verticalHeader().defaultSectionSize() + 80


def test_an_error_reading_progress_is_shown_as_a_sentence(qtbot):
    """The history's own errors are written lowercase to follow "voiceprep: error:" in the CLI; shown alone in
    Progress they start with a capital (session 13's note: Progress still showed "no attempt 7 in ...")."""
    from types import SimpleNamespace

    from voiceprep.core.history.errors import HistoryError
    from voiceprep.gui.widgets.progress import ProgressPage

    bank = SimpleNamespace(competencies=[], id="b", name="B", all_prompts=lambda: [])
    services = page_services({"b": bank}.get)

    def broken(*_):
        raise HistoryError("the history database was made by a newer voiceprep")

    services.history = SimpleNamespace(progress=broken)
    page = ProgressPage(services)
    qtbot.addWidget(page)
    page.bank_box.addItem("B", "b")
    page.refresh()
    qtbot.waitUntil(lambda: page.summary.text().startswith("The history database"), timeout=5000)


def test_progress_groups_answers_by_local_day_in_one_place():
    """Session 14: by_day, drill_times, hollow_words and attempt_day_ticks each grouped answers by local day in a
    loop of their own; one helper now (behaviour unchanged: the tests of each above)."""
    from voiceprep.gui.widgets.progress import local_days, parse_time

    # ten minutes apart: one local day in any time zone
    morning, noon, next_day = (parse_time(t) for t in ("2026-03-01T10:00:00+00:00", "2026-03-01T10:10:00+00:00",
                                                        "2026-03-03T10:00:00+00:00"))
    days = local_days([morning, noon, next_day], [1.0, None, 3.0], [True, False, False])
    assert list(days.values()) == [[(morning, 1.0, True), (noon, None, False)], [(next_day, 3.0, False)]]
    assert list(days) == [morning.date(), next_day.date()]


def test_one_prompts_tries_of_a_day_are_spread_in_order_not_stacked_on_one_x(qtbot):
    """Walkthrough 11: per prompt, three tries minutes apart on one day and one the next day were drawn as a vertical
    zig-zag at each day's x. With one prompt the tries are evenly spaced in order, each day labelled under its own."""
    from dataclasses import replace
    from datetime import datetime

    from voiceprep.gui.widgets.progress import ordinal_ticks, render

    times = [datetime.fromisoformat(t).astimezone() for t in
             ("2026-12-02T10:00:00", "2026-12-02T10:02:00", "2026-12-02T10:04:00", "2026-12-03T09:00:00")]
    spec = replace(_spec([[(t, v) for t, v in zip(times, (58.0, 25.0, 100.0, 25.0))]]), ordinal=True)
    xs = sorted(tip[0] for tip in render(spec).tips)
    gaps = [b - a for a, b in zip(xs, xs[1:])]
    assert min(gaps) > 50 and max(gaps) - min(gaps) < 1, xs          # evenly spaced, one x per try
    stacked = sorted(tip[0] for tip in render(replace(spec, ordinal=False)).tips)
    assert stacked[2] - stacked[0] < 5                                # as it was: the day's tries on one x
    ticks = ordinal_ticks(spec)
    assert [label for _, label in ticks] == ["2 Dec", "3 Dec"] and ticks[0][0] == pytest.approx(1 / 3)


def test_the_page_spreads_one_prompts_tries_and_says_whether_you_improved(qtbot):
    from types import SimpleNamespace

    from voiceprep.gui.widgets.progress import ProgressPage, improvement_text

    bank = SimpleNamespace(competencies=[], id="b", name="Bank", all_prompts=lambda: [])
    page = ProgressPage(page_services(lambda _id: bank))
    qtbot.addWidget(page)
    rows = [{"started_at": f"2026-12-0{d}T10:00:00+00:00", "overall": v, "wpm": None, "fillers_per_min": None,
             "competencies": {}, "prompt_id": p, "drill": drill}
            for d, v, p, drill in ((1, 58.0, "py", None), (1, 30.0, "kafka", None), (2, 100.0, "py", None),
                                   (2, 20.0, "kafka", ["A point"]), (3, 70.0, "why", None))]
    data = {"series": rows, "rates": [], "when": [parse(r["started_at"]) for r in rows],
            "outscored": outscored(rows), "improving": "said",
            "stats": {"typed": 0, "attempts": 5, "minutes_spoken": 1, "avg_overall": 50, "best_overall": 100}}
    page._show(data, "b", "py", page._generation)
    assert page.overall.canvas.spec().ordinal and page.improving.text() == "said"
    page._show(dict(data, improving="all"), "b", None, page._generation)
    assert not page.overall.canvas.spec().ordinal                    # all prompts: each day's average, by date
    # the drill to "kafka" is no try of it: one prompt answered twice, improved
    assert improvement_text(rows, None) == ("Am I improving? Of the 1 prompt you answered on more than one day, "
                                            "latest day vs first day, each day by its best try: 1 prompt higher "
                                            "(average change +42).")
    assert improvement_text(rows, "py") == ("Your first day 58 → latest day 100 (+42), each day's best try; best 100, "
                                            "2 tries.")
    assert improvement_text(rows, "why").startswith("Answer it again another day to see whether you improve")
    assert improvement_text(rows[:2], None).startswith("Am I improving? Answer a prompt again another day to see")
    later = "2026-12-04T10:00:00+00:00"
    worse = rows + [{**rows[1], "overall": 10.0, "started_at": later}, {**rows[4], "overall": 70.0, "started_at": later}]
    assert improvement_text(worse, None).endswith("1 prompt higher, 1 prompt lower, 1 prompt the same (average "
                                                  "change +7).")
    # walk15: "1 lower" read as a score; a number of prompts, in the right number
    twice = worse + [{**rows[0], "prompt_id": "x", "overall": 10.0}, {**rows[2], "prompt_id": "x", "overall": 90.0}]
    assert "2 prompts higher, 1 prompt lower, 1 prompt the same" in improvement_text(twice, None)
    assert "first charted day" in improvement_text(rows, None, limit=5)   # the oldest may be cut off the chart


def test_a_lower_retry_the_same_day_is_no_fall_on_progress_as_in_the_rounds_summary(qtbot):
    """walk42 3: Postgres 83 on 3 Dec, 83 today, then a mistaken retry at 0: "Am I improving?" said "1 prompt lower"
    and Database Optimization fell 41 → 27, while the round's summary counted the best try (83). Progress counts a
    question's best try of a day too, and says so, and that the latest try was a lower retry."""
    from types import SimpleNamespace

    from voiceprep.app.scored import PROGRESS_COMPETENCIES
    from voiceprep.gui.widgets.progress import ProgressPage, improvement_text

    def row(when: str, pid: str, overall: float, db: float | None = None) -> dict:
        return {"started_at": when, "overall": overall, "wpm": None, "fillers_per_min": None, "prompt_id": pid,
                "drill": None, "competencies": {} if db is None else {"db": db}}
    rows = [row("2026-12-03T10:00:00+00:00", "pg", 83.0, 80.0), row("2026-12-03T10:05:00+00:00", "kafka", 40.0),
            row("2026-12-05T10:00:00+00:00", "kafka", 67.0), row("2026-12-05T10:05:00+00:00", "pg", 83.0, 80.0),
            row("2026-12-05T10:09:00+00:00", "pg", 0.0, 0.0)]
    said = improvement_text(rows, None)
    assert "1 prompt higher, 1 prompt the same" in said and "lower" not in said, said
    assert "each day by its best try" in said
    one = improvement_text(rows, "pg")
    assert one.startswith("Your first day 83 → latest day 83 (no change), each day's best try; best 83, 3 tries."), one
    assert one.endswith("Latest try 0 (a retry; the best that day 83 counts)."), one
    bank = SimpleNamespace(competencies=[SimpleNamespace(id="db", name="Database")], id="b", name="Bank",
                           all_prompts=lambda: [])
    page = ProgressPage(page_services(lambda _id: bank))
    qtbot.addWidget(page)
    page._show({"series": rows, "rates": [], "when": [parse(r["started_at"]) for r in rows], "outscored": outscored(rows),
                "stats": {"typed": 0, "attempts": 5, "minutes_spoken": 0, "avg_overall": 50, "best_overall": 83}},
               "b", None, page._generation)
    line = page.competencies.canvas.series["Database"]
    assert [v for _, v in line if v is not None] == [80.0, 80.0]      # each day's point: the retry's 0 not in it
    assert "counts its best try" in PROGRESS_COMPETENCIES and page.competencies_about.text() == PROGRESS_COMPETENCIES


def test_a_typed_try_keeps_its_place_on_pace_a_gap_not_a_shift(qtbot):
    """Session 14: with one prompt, a typed try (no pace) moved the later tries' x on the Pace chart, so its points
    stood under other tries than on Overall. Every try keeps its x on every chart; Pace has a gap where it is."""
    from dataclasses import replace
    from types import SimpleNamespace

    from voiceprep.gui.widgets.progress import ProgressPage, render

    bank = SimpleNamespace(competencies=[], id="b", name="Bank", all_prompts=lambda: [])
    page = ProgressPage(page_services(lambda _id: bank))
    qtbot.addWidget(page)
    rows = [{"started_at": f"2026-12-0{d}T10:00:00", "overall": v, "wpm": wpm, "fillers_per_min": fpm,
             "competencies": {}, "prompt_id": "py", "drill": None}
            for d, v, wpm, fpm in ((1, 40.0, 150.0, 2.0), (2, 60.0, None, None), (3, 70.0, 140.0, 1.0),
                                   (4, 80.0, 130.0, 0.5))]
    data = {"series": rows, "rates": [], "when": [parse(r["started_at"]) for r in rows], "outscored": outscored(rows),
            "stats": {"typed": 1, "attempts": 4, "minutes_spoken": 1, "avg_overall": 62, "best_overall": 80}}
    for prompt in ("py", None):                       # one prompt's tries in order, and all prompts by day
        page._show(data, "b", prompt, page._generation)

        def x_of(chart):
            spec = replace(chart.canvas.spec(), width=500, height=260, ratio=1.0)
            return {t: x for x, _, t, _, _ in render(spec).tips}
        overall, pace, fillers = x_of(page.overall), x_of(page.pace), x_of(page.fillers)
        assert len(overall) == 4 and len(pace) == len(fillers) == 3
        assert all(pace[t] == pytest.approx(overall[t]) == pytest.approx(fillers[t]) for t in pace), (prompt, pace,
                                                                                                      overall)


def test_pace_and_fillers_say_they_are_measured_on_spoken_answers_when_every_answer_was_typed(qtbot):
    """Walkthrough 13: after typed answers only, Progress said "Fillers per minute: No attempts yet"."""
    from types import SimpleNamespace

    from voiceprep.gui.widgets.progress import ProgressPage, empty_text

    bank = SimpleNamespace(competencies=[], id="b", name="B", all_prompts=lambda: [])
    page = ProgressPage(page_services({"b": bank}.get))
    qtbot.addWidget(page)
    rows = [{"started_at": "2026-12-01T04:58:00+00:00", "overall": 75.0, "wpm": None, "fillers_per_min": None,
             "competencies": {}, "input": "typed"}]
    data = {"series": rows, "rates": [], "when": [parse(r["started_at"]) for r in rows], "outscored": outscored(rows),
            "stats": {"typed": 1, "attempts": 1, "minutes_spoken": None, "avg_overall": 75, "best_overall": 75}}
    page._show(data, "b", None, page._generation)
    assert empty_text(page.fillers.canvas.spec()) == "Fillers are measured on spoken answers; none yet"
    assert empty_text(page.pace.canvas.spec()) == "Pace is measured on spoken answers; none yet"


def test_a_skipped_question_is_on_neither_the_overall_nor_the_competencies_chart(qtbot):
    """Review of session 17: a skip's point said "0 score / 100" like an answer that scored 0. fix31: the overall
    chart plotted it at 0 and a day's point averaged it in, while the average per answer above leaves skips out
    (fix29): the overall chart leaves it out too (the day's point is 50, not 25) and its title says so. walk56 5: the
    competencies chart still counted it as 0 beside that title; one rule, Welcome back's (app.recap): left out of
    both, its place marked on one prompt's charts, the caption saying so."""
    from dataclasses import replace
    from types import SimpleNamespace

    from PySide6.QtCore import QPointF

    from voiceprep.gui.widgets.progress import ProgressPage, render, tip_text

    comps = [SimpleNamespace(id="arch", name="Architecture"), SimpleNamespace(id="sql", name="SQL")]
    bank = SimpleNamespace(competencies=comps, id="b", name="Bank", all_prompts=lambda: [])
    page = ProgressPage(page_services(lambda _id: bank))
    qtbot.addWidget(page)
    rows = [{"started_at": f"2026-12-0{d}T10:00:00+00:00", "overall": v, "wpm": None, "fillers_per_min": None,
             "competencies": c, "prompt_id": "py", "drill": None, "skipped": skipped}
            for d, v, c, skipped in ((1, 60.0, {"arch": 60.0, "sql": 40.0}, False), (2, 0.0, {"arch": 0.0}, True),
                                     (3, 80.0, {"arch": 80.0, "sql": 90.0}, False))]
    rows.append({**rows[1], "started_at": "2026-12-02T09:00:00+00:00", "overall": 50.0, "skipped": False,
                 "competencies": {"arch": 50.0}})          # an answer that day too, before the round ended
    rows.sort(key=lambda r: r["started_at"])
    data = {"series": rows, "rates": [], "when": [parse(r["started_at"]) for r in rows], "outscored": outscored(rows),
            "stats": {"typed": 0, "attempts": 3, "minutes_spoken": 1, "avg_overall": 47.5, "best_overall": 80,
                      "skipped": 1}}

    def tips(chart):
        """Each point's tooltip, by its day and hour (local time)."""
        spec = replace(chart.canvas.spec(), width=500, height=260, ratio=1.0)
        drawn = render(spec)
        return {(t.day, t.hour): tip_text(spec, drawn.tips, drawn.xs, QPointF(x, y)) for x, y, t, _, _ in drawn.tips}

    skip = (parse(rows[2]["started_at"]).day, parse(rows[2]["started_at"]).hour)
    assert rows[2]["skipped"]
    page._show(data, "b", "py", page._generation)              # one prompt: each try, the skip not plotted
    overall = tips(page.overall)
    # fix33: its place on the axis was an empty slot under the line, read as missing data: marked plainly, said
    assert len(overall) == 4 and overall[skip].endswith("\nSkipped: no answer, not plotted"), overall
    assert sum("kipped" in t for t in overall.values()) == 1
    assert page.overall.title.text() == "Overall score (skipped questions not plotted: no answer)"
    arch = tips(page.competencies)
    assert arch[skip].endswith("\nSkipped: no answer, not plotted") and "Architecture: 0" not in arch[skip], arch
    assert sum("kipped" in text for text in arch.values()) == 1
    assert page.competencies_about.text().startswith("Each answer alone, averaged, a skipped question not plotted: "
                                                     "no answer (follow-ups not in"), page.competencies_about.text()
    page._show(dict(data), "b", None, page._generation)         # all prompts: the day's average leaves it out
    days = tips(page.overall)
    assert len(days) == 3 and days[skip].endswith("\n50 score / 100"), days
    assert not any("skipped" in text for text in days.values())
    assert page.overall.title.text() == ("Overall score (all prompts: each day's average per answer; skipped "
                                         "questions not plotted: no answer)")
    comps = tips(page.competencies)                # the day's Architecture leaves it out: 50, not 25 (walk56)
    assert "Architecture: 50" in comps[skip] and "skipped" not in comps[skip] and "SQL" not in comps[skip], comps


def _one_series(unit, values, daily=False, y_range=None, band=None):
    """A chart's spec with `values`, one a minute."""
    from datetime import timedelta

    from voiceprep.gui.widgets.progress import ChartSpec

    start = parse("2026-12-02T22:00:00+00:00")
    points = tuple((start + timedelta(minutes=i), v) for i, v in enumerate(values))
    return ChartSpec(unit, y_range, band, (points,), 500, 200, 1.0, "#000000", "", daily=daily,
                     ordinal=not daily, places=tuple(t for t, _ in points))


def test_a_chart_of_one_point_says_so_and_its_axis_starts_at_0():
    """Walk14 (29-progress.png): one attempt drew a lonely dot on a fillers axis of 3.6 to 4.8, meaningless. With one
    point the chart says "answer again to see a trend" and its axis starts at 0; fillers per minute always do (a
    flat 4.2 spanned 3.6-4.8 too)."""
    from voiceprep.gui.widgets.progress import lonely_text, y_axis

    one = _one_series("fillers/min", [4.2])
    lo, hi, ticks = y_axis(one)
    assert lo == 0 and hi >= 4.2 and ticks[0] == 0, (lo, hi, ticks)
    assert lonely_text(one) == "One spoken answer so far: answer aloud again to see a trend"
    assert lonely_text(_one_series("score / 100", [60], y_range=(0, 100))) == \
        "One answer so far: answer again to see a trend"
    assert lonely_text(_one_series("score / 100", [60], daily=True, y_range=(0, 100))) == \
        "One day so far: practise on another day to see a trend"
    assert y_axis(_one_series("fillers/min", [4.2, 4.2, 4.2]))[0] == 0                     # flat: from 0 as well
    assert lonely_text(_one_series("fillers/min", [4.2, 4.2])) == ""
    pace = _one_series("words/min", [211], band=(120, 165))
    assert y_axis(pace)[0] == 0 and lonely_text(pace)
    assert y_axis(_one_series("words/min", [150, 211], band=(120, 165)))[0] > 0           # a trend keeps its close-up
    # one spoken answer among typed ones: the typed answers keep their places on the axis (gaps), still one point
    import dataclasses
    from datetime import timedelta

    gap = dataclasses.replace(pace, places=pace.places + (pace.places[0] + timedelta(days=1),))
    assert lonely_text(gap) == "One spoken answer so far: answer aloud again to see a trend" and y_axis(gap)[0] == 0
    assert lonely_text(dataclasses.replace(gap, daily=True)) == \
        "One day of spoken answers so far: answer aloud on another day to see a trend"


def test_the_key_point_table_names_each_prompt_once_over_its_points(qtbot):
    """Walk14 (64-big-progress.png): the key-point table repeated the Prompt column on every row. With every prompt
    shown, each prompt heads its own points, once; with one prompt chosen, it is not repeated at all (the title says
    "this prompt")."""
    from types import SimpleNamespace

    from voiceprep.gui.widgets.progress import ProgressPage

    bank = SimpleNamespace(competencies=[], id="b", name="Bank", all_prompts=lambda: [])
    page = ProgressPage(page_services(lambda _id: bank))
    qtbot.addWidget(page)
    rows = [{"started_at": "2026-12-01T04:58:00+00:00", "overall": 50.0, "wpm": 150.0, "fillers_per_min": 2.0,
             "competencies": {}}]
    rates = [{"hits": h, "attempts": 3, "rate": h / 3, "label": label, "prompt_text": text, "prompt_id": pid}
             for h, label, text, pid in ((0, "Trade-offs", "Hardest problem?", "hard"),
                                         (0, "Business impact", "Why Airwallex?", "why"),
                                         (1, "The numbers", "Hardest problem?", "hard"),
                                         (3, "Excitement", "Why Airwallex?", "why"))]
    stats = {"typed": 0, "attempts": 1, "minutes_spoken": 1, "avg_overall": 50, "best_overall": 50}

    def cells():
        t = page.rates
        return [[(t.item(r, c).text() if t.item(r, c) else "") for c in range(t.columnCount())
                 if not t.isColumnHidden(c)] for r in range(t.rowCount())]
    page._show({"series": rows, "rates": rates, "when": [parse(r["started_at"]) for r in rows],
                "outscored": outscored(rows), "stats": stats},
               "b", None, page._generation)
    shown = cells()
    texts = [t for row in shown for t in row]
    assert texts.count("Hardest problem?") == 1 and texts.count("Why Airwallex?") == 1, shown
    assert shown == [["Hardest problem?", ""], ["0 of 3", "Trade-offs"], ["1 of 3", "The numbers"],
                     ["Why Airwallex?", ""], ["0 of 3", "Business impact"], ["3 of 3", "Excitement"]], shown
    assert page.rates.columnSpan(0, 0) == page.rates.columnCount()       # the prompt heads the whole row
    mine = [r for r in rates if r["prompt_id"] == "hard"]
    page._show({"series": rows, "rates": mine, "when": [parse(r["started_at"]) for r in rows],
                "outscored": outscored(rows), "stats": stats},
               "b", "hard", page._generation)
    assert cells() == [["0 of 3", "Trade-offs"], ["1 of 3", "The numbers"]]


def test_the_prompt_picker_shows_a_whole_question_at_1366x768(qtbot):
    """Walk14 (30-progress-prompt.png): the prompt picker beside the bank's cut the question ("What is the most
    challenging technical pr"). It has a row of its own, as wide as the page allows."""
    from types import SimpleNamespace

    from tests.conftest import BANKS
    from voiceprep.core.banks import load_bank
    from voiceprep.gui.widgets.progress import ProgressPage

    bank = load_bank(BANKS / "airwallex.toml")
    services = page_services(lambda _id: bank)
    services.registry.banks = [bank]
    services.registry.labels = lambda: {bank.id: bank.name}
    services.history = SimpleNamespace(progress=lambda *a: {"series": [], "rates": [], "stats": {
        "typed": 0, "attempts": 0, "minutes_spoken": 0, "avg_overall": None, "best_overall": None}})
    page = ProgressPage(services)
    qtbot.addWidget(page)
    page.resize(1366 - 140, 700)                      # the page beside the sidebar in a 1366x768 window
    page.show()
    qtbot.waitExposed(page)
    box = page.prompt_box
    for prompt in bank.all_prompts():
        box.setCurrentIndex(box.findData(prompt.id))
        qtbot.wait(10)
        room = box.style().subControlRect(box.style().ComplexControl.CC_ComboBox, _combo_option(box),
                                          box.style().SubControl.SC_ComboBoxEditField, box).width()
        assert box.fontMetrics().horizontalAdvance(prompt.text) <= room, (prompt.text, room)


def _combo_option(box):
    from PySide6.QtWidgets import QStyleOptionComboBox

    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    return option


def test_a_copied_banks_progress_says_how_many_answers_came_from_its_origin(qtbot):
    """Walk15: a copied bank's Progress counted its origin's answers with its own (by design) without saying so. A
    line under the summary says how many, naming the bank it was copied from; none for a bank that is no copy."""
    from types import SimpleNamespace

    from voiceprep.gui.widgets.progress import ProgressPage

    names = {"mine": "Airwallex (my copy)", "airwallex": "Airwallex"}
    page = ProgressPage(page_services(lambda b: SimpleNamespace(competencies=[], id=b, name=names[b],
                                                                all_prompts=lambda: []) if b in names else None))
    qtbot.addWidget(page)
    rows = [{"started_at": "2026-12-01T04:58:00+00:00", "overall": 50.0, "wpm": 150.0, "fillers_per_min": 2.0,
             "competencies": {}}]
    stats = {"typed": 0, "attempts": 4, "minutes_spoken": 1, "avg_overall": 50, "best_overall": 50}
    data = {"series": rows, "rates": [], "when": [parse(r["started_at"]) for r in rows],
            "outscored": outscored(rows), "stats": stats,
            "copied": [{"bank_id": "airwallex", "answers": 3}]}
    page.show()
    page._show(data, "mine", None, page._generation)
    assert page.copied_note.isVisible()
    assert page.copied_note.text() == ("Includes 3 answers given with “Airwallex”, the bank this one was copied "
                                       "from."), page.copied_note.text()
    page._show({**data, "copied": []}, "airwallex", None, page._generation)
    assert not page.copied_note.isVisible()


def test_a_one_point_charts_note_is_under_its_title_not_over_the_plot(qtbot):
    """Walk15: "One day so far: practise on another day to see a trend" was drawn across the chart's grid lines.
    It is said under the chart's title, above the plot, and goes once there is a trend."""
    from datetime import UTC, datetime, timedelta

    from voiceprep.gui.widgets.progress import LineChart

    chart = LineChart("Overall score", "score / 100", (0, 100))
    qtbot.addWidget(chart)
    chart.resize(500, 300)
    chart.show()
    start = datetime(2026, 11, 1, tzinfo=UTC)
    chart.set_series({"overall": [(start, 60.0)]}, daily=True)
    qtbot.waitUntil(chart.canvas.ready, timeout=5000)
    assert chart.note.isVisible() and chart.note.text() == "One day so far: practise on another day to see a trend"
    assert chart.note.geometry().bottom() < chart.canvas.geometry().top()
    chart.set_series({"overall": [(start, 60.0), (start + timedelta(days=1), 70.0)]}, daily=True)
    assert not chart.note.isVisible()


def test_progress_counts_answers_and_follow_ups_so_they_add_up():
    """Walk18: "3 answers (3 typed…) · 1 follow-up answer (not in the average or best) · average 50 per answer" for
    2 answers and 1 follow-up, beside a round that scored 100 with the follow-up's points (app.scored)."""
    from voiceprep.gui.widgets.progress import summary_text

    st = {"attempts": 3, "typed": 3, "drills": 0, "follow_ups": 1, "minutes_spoken": 0, "avg_overall": 50.0,
          "best_overall": 100.0}
    assert summary_text(st) == ("2 answers and 1 follow-up (all typed: not in minutes, pace or fillers) · 0 minutes "
                                "spoken · average 50 per answer over every day shown, before follow-ups · best 100")
    drill = summary_text({**st, "typed": 0, "drills": 1, "follow_ups": 0})
    assert drill.startswith("2 answers and 1 drill (the drill not in the average or best) ·"), drill


def test_a_point_said_only_in_a_follow_up_says_so_beside_its_hit_count(qtbot):
    """Walk20: Progress read "0 of 1" for a point the follow-up answer covered (after fix33, which counts answers
    alone), nothing said of the follow-up. The count stays; beside it "+1 in follow-up", as History's "+1 key point"
    on that answer, and it is coloured by the answers with their follow-ups (fix41: it stayed red)."""
    from types import SimpleNamespace

    from PySide6.QtGui import QColor

    from voiceprep.gui.widgets.common import BAD, GOOD, WARN
    from voiceprep.gui.widgets.progress import ProgressPage

    bank = SimpleNamespace(competencies=[], id="b", name="Bank", all_prompts=lambda: [])
    page = ProgressPage(page_services(lambda _id: bank))
    qtbot.addWidget(page)
    rows = [{"started_at": "2026-12-01T04:58:00+00:00", "overall": 50.0, "wpm": 150.0, "fillers_per_min": 2.0,
             "competencies": {}}]
    rates = [{"hits": 0, "attempts": 1, "rate": 0.0, "label": "Journaling was batched", "prompt_text": "Disruptor?",
              "prompt_id": "d", "asked": 1},
             {"hits": 1, "attempts": 1, "rate": 1.0, "label": "The numbers", "prompt_text": "Disruptor?",
              "prompt_id": "d", "asked": 0}]
    stats = {"typed": 0, "attempts": 1, "minutes_spoken": 1, "avg_overall": 50, "best_overall": 50}
    page._show({"series": rows, "rates": rates, "when": [parse(r["started_at"]) for r in rows],
                "outscored": outscored(rows), "stats": stats},
               "b", "d", page._generation)
    t = page.rates
    assert [[t.item(r, c).text() for c in range(2)] for r in range(t.rowCount())] == \
        [["0 of 1\n+1 in follow-up", "Journaling was batched"], ["1 of 1", "The numbers"]]
    # fix45: the tooltip says "+1 in follow-up" as the cell does (it said "said when asked in a follow-up"), what
    # it means, and the rule the order and the colour follow
    assert t.item(0, 0).toolTip() == (
        "0 of 1 answer covered it; +1 in follow-up: 1 answer missed it and its follow-up answer said it. Said only "
        "when asked, a point counts half a hit: listed and coloured after the points missed outright, before those "
        "said unprompted.")
    assert "Said only when asked, a point counts half a hit" in t.horizontalHeaderItem(0).toolTip()
    assert t.item(1, 0).toolTip() == ""
    # fix41: the point the follow-up covered is not coloured as missed; fix45: nor as said unprompted (it was green,
    # yet listed first and drilled first): half covered, amber, as it is ordered
    assert t.item(0, 0).foreground().color() == QColor(WARN)
    assert t.item(1, 0).foreground().color() == QColor(GOOD)
    assert t.item(0, 0).toolTip() in t.item(0, 1).toolTip()
    rates = [{**rates[0], "attempts": 2}, rates[1]]  # 0 of 2, the follow-up of one of them said it: a quarter
    page._show({"series": rows, "rates": rates, "when": [parse(r["started_at"]) for r in rows],
                "outscored": outscored(rows), "stats": stats},
               "b", "d", page._generation)
    assert t.item(0, 0).text() == "0 of 2\n+1 in follow-up"
    assert t.item(0, 0).foreground().color() == QColor(BAD)
    fm = t.fontMetrics()                             # the column shows the line whole
    assert all(fm.horizontalAdvance(line) < t.columnWidth(0) for line in t.item(0, 0).text().splitlines())


def test_the_competencies_chart_says_what_its_numbers_count_against_the_rounds_summary(qtbot):
    """Walk37: the round summary said Polished 38, Progress about 44 for the same round, and neither said why. The
    chart says it averages each answer alone (the summary weighs questions by key points, follow-ups in), and only
    for a bank with competencies."""
    from voiceprep.app.scored import PROGRESS_COMPETENCIES

    page, data = _one_attempt_on_two_banks(qtbot, {"c": 60.0})
    page._show(data, "some", None, page._generation)
    about = page.competencies_about
    assert about.text() == PROGRESS_COMPETENCIES and about.isVisibleTo(page)
    assert "round's summary" in about.text() and "follow-ups" in about.text()
    page._show(data, "none", None, page._generation)
    assert not about.isVisibleTo(page)


def test_the_competencies_caption_says_a_skipped_question_is_left_out(qtbot):
    """walk42 4: the chart averaged a skipped question in at 0 under "Each answer alone, averaged" and did not say so.
    walk56 5: it is left out, as on the overall chart and in Welcome back's average; the caption says so, and only
    while a skip is in the bank's answers."""
    from voiceprep.app.scored import PROGRESS_COMPETENCIES

    page, data = _one_attempt_on_two_banks(qtbot, {"c": 60.0})
    skip = {"started_at": "2026-12-01T05:30:00+00:00", "overall": 0.0, "wpm": None, "fillers_per_min": None,
            "competencies": {"c": 0.0}, "skipped": True, "prompt_id": "p"}
    rows = [*data["series"], skip]
    page._show({**data, "series": rows, "when": [parse(r["started_at"]) for r in rows],
                "outscored": outscored(rows)}, "some", None,
               page._generation)
    about = page.competencies_about.text()
    assert about.startswith("Each answer alone, averaged, a skipped question not plotted: no answer (follow-ups not "
                            "in"), about
    page._show(data, "some", "p", page._generation)
    assert page.competencies_about.text() == PROGRESS_COMPETENCIES


def test_a_key_point_added_since_the_last_answer_reads_not_asked_yet(qtbot):
    """walk42 7: a point added to the bank showed nowhere on Progress until the next answer."""
    from types import SimpleNamespace

    from voiceprep.gui.widgets.progress import ProgressPage

    bank = SimpleNamespace(competencies=[], id="b", name="Bank", all_prompts=lambda: [])
    page = ProgressPage(page_services(lambda _id: bank))
    qtbot.addWidget(page)
    rates = [{"prompt_id": "p", "prompt_text": "Q?", "key_point_id": "old", "label": "Said before", "hits": 1,
              "attempts": 2, "rate": 0.5, "older": 0, "asked": 0},
             {"prompt_id": "p", "prompt_text": "Q?", "key_point_id": "new", "label": "Written today", "hits": 0,
              "attempts": 0, "rate": None, "older": 0, "asked": 0, "standing": None, "not_asked": True}]
    page._show({"series": [], "rates": rates, "when": [],
                "outscored": [], "stats": {"typed": 0, "attempts": 2, "minutes_spoken": 0,
                                                                    "avg_overall": 50, "best_overall": 60}},
               "b", "p", page._generation)
    t = page.rates
    assert (t.item(0, 0).text(), t.item(0, 1).text()) == ("1 of 2", "Said before")
    assert (t.item(1, 0).text(), t.item(1, 1).text()) == ("not asked yet", "Written today")
    assert "no answer was judged against it yet" in t.item(1, 0).toolTip()
    assert not page.wording_note.isVisibleTo(page)


def test_the_key_point_table_and_summary_count_a_days_best_try_and_say_so(qtbot, data_home, tmp_path):
    """fixAR: after session 34 the charts counted a question's best try of a day, while the key-point table beside
    them counted every try ("0 of 2" for a point the best try covered). The page reads one rule from the history
    (HistoryService.outscored, queries.outscored_ids): the table says "1 of 1" and what it counts; the summary says
    the lower retry is not counted. Real services, real SQLite."""
    from voiceprep.core.banks import BankRegistry
    from voiceprep.gui.services import Services
    from voiceprep.gui.widgets.progress import ProgressPage
    from voiceprep.settings import Settings

    services = Services(settings=Settings(), db_path=data_home / "history.sqlite3", registry=BankRegistry.discover())
    bank = services.registry.find("airwallex")
    prompt = bank.prompt("hardest-problem")
    point = prompt.key_points[0]
    import threading

    def answer() -> None:                                   # off the GUI thread, as the app stores answers
        services.session.save_typed(bank, prompt, point.label)                                  # covers the point
        services.session.save_typed(bank, prompt, "I think it was fine, we did a lot of things.")   # a mistaken retry
    worker = threading.Thread(target=answer)
    worker.start()
    worker.join()
    page = ProgressPage(services)
    qtbot.addWidget(page)
    page.resize(1366, 1400)
    page.show()
    page.follow_bank_in_use(bank.id)
    qtbot.waitUntil(lambda: page._shown is not None and page._shown[0] == bank.id, timeout=20000)
    t = page.rates
    cells = {t.item(r, 1).text(): t.item(r, 0).text() for r in range(t.rowCount()) if t.item(r, 1) and t.item(r, 1).text()}
    assert cells[point.label] == "1 of 1", cells
    assert all(v in ("0 of 1", "1 of 1") for v in cells.values()), cells
    assert page.rates_title.text().endswith(", a question answered again the same day by its best try")
    assert "1 lower retry the same day not counted" in page.summary.text(), page.summary.text()
    page.grab().save(str(tmp_path / "progress-best-try.png"))
    services.access.close_all()


def test_the_overall_chart_counts_a_days_best_try_per_question_as_the_line_above_it_says(qtbot):
    """walk45 1: 4 Dec plotted 44.1, the mean of all six tries, under "6 lower retries the same day not counted"
    and beside Welcome back's 56 (each question by its best try). Both charts count the best try of a day; with one
    prompt a lower retry keeps its place, marked and said, not plotted."""
    from types import SimpleNamespace

    from voiceprep.gui.widgets.progress import ProgressPage, lower_retry_place

    def row(when: str, pid: str, overall: float) -> dict:
        return {"started_at": when, "overall": overall, "wpm": None, "fillers_per_min": None, "prompt_id": pid,
                "drill": None, "competencies": {"db": overall}}
    rows = [row("2026-12-04T09:57:00+00:00", "most", 81.8), row("2026-12-04T10:00:00+00:00", "hard", 14.3),
            row("2026-12-04T10:03:00+00:00", "why", 0.0), row("2026-12-04T20:09:00+00:00", "why", 37.1),
            row("2026-12-04T20:12:00+00:00", "most", 81.4), row("2026-12-04T20:15:00+00:00", "hard", 50.0)]
    bank = SimpleNamespace(competencies=[SimpleNamespace(id="db", name="Database")], id="b", name="Bank",
                           all_prompts=lambda: [])
    page = ProgressPage(page_services(lambda _id: bank))
    qtbot.addWidget(page)
    data = {"series": rows, "rates": [], "when": [parse(r["started_at"]) for r in rows], "outscored": outscored(rows),
            "stats": {"typed": 0, "attempts": 6, "minutes_spoken": 0, "avg_overall": 56.3, "best_overall": 81.8}}
    page._show(data, "b", None, page._generation)
    [(_, day)] = page.overall.canvas.series["overall"]
    assert day == pytest.approx((81.8 + 37.1 + 50.0) / 3), day               # 56.3, as Welcome back says; not 44.1
    [(_, competency)] = page.competencies.canvas.series["Database"]
    assert competency == pytest.approx(day)                                   # one rule for both charts
    hard = [r for r in rows if r["prompt_id"] == "hard"]
    page._show({**data, "series": hard, "when": [parse(r["started_at"]) for r in hard], "outscored": outscored(hard)},
               "b", "hard", page._generation)
    assert [v for _, v in page.overall.canvas.series["overall"]] == [50.0]
    assert page.overall.canvas.marked == {parse(hard[0]["started_at"]): lower_retry_place(14.3)}
    assert lower_retry_place(14.3) == "Lower retry 14 the same day: not counted (the day's best try counts)"


def test_every_day_with_a_point_gets_its_label_when_they_fit_and_they_thin_out_when_not():
    """walk45 8: a week of seven days showed five labels ("29 Nov" and "2 Dec" missing on the week chart, "3 Dec"
    on one prompt's), though the points sat there and the labels fitted."""
    from dataclasses import replace
    from datetime import datetime, timedelta

    from voiceprep.gui.widgets.progress import LABEL_GAP, day_label, x_labels

    def advance(text: str) -> float:
        return 7.0 * len(text)                         # "30 Nov": 42 px, about the app's font
    start = datetime.fromisoformat("2026-11-28T09:03:00").astimezone()
    week = [start + timedelta(days=d, minutes=3 * d) for d in range(7)]
    tries = week + [week[-1] + timedelta(hours=10)]    # one prompt: two tries on the last day
    for spec in (_spec([[(t, 50.0) for t in week]], daily=True),
                 replace(_spec([[(t, 50.0) for t in tries]]), ordinal=True)):
        labels = [label for _, label in x_labels(spec, 40.0, 485.0, 14.0, advance)]
        assert labels == [day_label(t) for t in week], labels
    many = [start + timedelta(days=d) for d in range(30)]
    drawn = x_labels(_spec([[(t, 50.0) for t in many]], daily=True), 40.0, 485.0, 14.0, advance)
    assert 5 <= len(drawn) < 30 and drawn[0][1] == day_label(many[0]) and drawn[-1][1] == day_label(many[-1])
    ends = [(at, at + advance(label)) for at, label in drawn]
    assert all(b[0] >= a[1] + LABEL_GAP for a, b in zip(ends, ends[1:])), drawn      # none overlaps another
    assert all(at >= 26.0 and end <= 40.0 + 485.0 + 14.0 for at, end in ends), drawn   # within the chart


def test_a_question_that_fell_from_its_best_says_so_beside_its_change_from_the_first_day():
    """walk45 3: hardest-problem scored 14 (28 Nov), 100 (1 Dec), 100 (3 Dec), 50 (4 Dec): Progress said "3 prompts
    higher (+46)" and "first day 14 → latest day 50 (+36)", nothing of the fall from 100."""
    from voiceprep.gui.widgets.progress import improvement_text

    def row(day: int, pid: str, overall: float) -> dict:
        month = "11" if day > 20 else "12"
        return {"started_at": f"2026-{month}-{day:02d}T10:00:00+00:00", "overall": overall, "prompt_id": pid,
                "drill": None, "competencies": {}}
    rows = [row(28, "hard", 14.3), row(28, "why", 0.0), row(1, "hard", 100.0), row(3, "hard", 100.0),
            row(3, "why", 84.6), row(4, "hard", 50.0), row(4, "why", 37.1)]
    names = {"hard": "What is the most challenging technical problem you have solved?", "why": "Why Airwallex?"}
    one = improvement_text(rows, "hard")
    assert one.startswith("Your first day 14 → latest day 50 (+36), each day's best try; best 100, 4 tries."), one
    assert one.endswith(" Down from your best: best 100 on 3 Dec, latest 50."), one
    every = improvement_text(rows, None, names=names)
    assert "2 prompts higher" in every
    assert every.endswith(" Down from their best: “What is the most challenging technical problem you have…”, best "
                          "100 on 3 Dec, latest 50; “Why Airwallex?”, best 85 on 3 Dec, latest 37."), every
    rising = [r for r in rows if r["started_at"] < "2026-12-04"]
    assert "Down from" not in improvement_text(rising, None, names=names) + improvement_text(rising, "hard")


def test_a_question_never_answered_heads_the_key_point_table(qtbot, data_home):
    """walk45 2: product-range had no answer in a week and had no row in Progress's key-point table: a returning
    candidate expects it named as the first thing to practise. Real services, real SQLite."""
    import threading

    from voiceprep.core.banks import BankRegistry
    from voiceprep.gui.services import Services
    from voiceprep.gui.widgets.progress import ProgressPage
    from voiceprep.settings import Settings

    services = Services(settings=Settings(), db_path=data_home / "history.sqlite3", registry=BankRegistry.discover())
    bank = services.registry.find("airwallex")
    why, product, *others = bank.all_prompts()
    worker = threading.Thread(target=lambda: [services.session.save_typed(bank, p, "We built things.")
                                              for p in (why, *others)])   # off the GUI thread, as the app stores them
    worker.start()
    worker.join()
    page = ProgressPage(services)
    qtbot.addWidget(page)
    page.resize(1366, 1400)
    page.show()
    page.follow_bank_in_use(bank.id)
    qtbot.waitUntil(lambda: page._shown is not None and page._shown[0] == bank.id, timeout=20000)
    first = page.rates.item(0, 0)
    assert first.text() == f"Never answered: “{product.text.rstrip(' .')}”" and page.rates.columnSpan(0, 0) == 2
    assert "answer it first" in first.toolTip()
    texts = [page.rates.item(r, 0).text() for r in range(page.rates.rowCount()) if page.rates.item(r, 0)]
    assert sum(t.startswith("Never answered") for t in texts) == 1 and why.text in texts   # the answered ones follow
    page.prompt_box.setCurrentIndex(page.prompt_box.findData(why.id))                   # one prompt: its points only
    qtbot.waitUntil(lambda: page._shown is not None and page._shown[1] == why.id, timeout=20000)
    assert not any(page.rates.item(r, 0).text().startswith("Never answered")
                   for r in range(page.rates.rowCount()) if page.rates.item(r, 0))
    services.access.close_all()


def test_a_lower_retry_is_drawn_at_its_score_and_a_caption_says_what_the_cross_is(qtbot):
    """walk57 3: one prompt's chart drew the 67 retry as a grey × on the zero line ("my second try scored 0"); what ×
    means was only in its tooltip, which the keyboard never reaches. The × sits at its score, on both charts, and a
    caption under the charts says what it is."""
    from dataclasses import replace
    from types import SimpleNamespace

    from voiceprep.gui.widgets.progress import RETRY_NOTE, ProgressPage, render

    def row(when: str, overall: float, comp: float) -> dict:
        return {"started_at": when, "overall": overall, "wpm": None, "fillers_per_min": None, "prompt_id": "perf",
                "drill": None, "competencies": {"db": comp}}
    rows = [row("2026-12-06T14:13:00+00:00", 100.0, 100.0), row("2026-12-06T14:16:00+00:00", 67.0, 50.0)]
    bank = SimpleNamespace(competencies=[SimpleNamespace(id="db", name="Database")], id="b", name="Bank",
                           all_prompts=lambda: [])
    page = ProgressPage(page_services(lambda _id: bank))
    qtbot.addWidget(page)
    data = {"series": rows, "rates": [], "when": [parse(r["started_at"]) for r in rows], "outscored": outscored(rows),
            "stats": {"typed": 0, "attempts": 2, "minutes_spoken": 1, "avg_overall": 100, "best_overall": 100}}
    assert not page.retry_note.isVisibleTo(page)
    page._show(data, "b", "perf", page._generation)
    retry = parse(rows[1]["started_at"])

    def place(chart) -> tuple[float, float, float]:
        """Where the retry's × is drawn, and where 0 and 100 are on that chart."""
        spec = replace(chart.canvas.spec(), width=500, height=260, ratio=1.0)
        drawn = render(spec)
        [(_, y, _, _, _)] = [tip for tip in drawn.tips if tip[2] == retry]
        [(_, top, _, _, _)] = [tip for tip in drawn.tips if tip[2] != retry]       # the 100
        return y, top, spec.height
    y, top, height = place(page.overall)
    bottom = top + (y - top) / (1 - 0.67)               # where 0 is, from where 100 and the 67 are drawn
    assert y < height / 2 and abs((bottom - y) / (bottom - top) - 0.67) < 0.02, (y, top, bottom)
    y, top, _ = place(page.competencies)
    assert abs((y - top) / (bottom - top) - 0.5) < 0.02, (y, top)               # the competency's 50
    assert page.retry_note.isVisibleTo(page) and page.retry_note.text() == RETRY_NOTE
    assert RETRY_NOTE == ("×: a lower retry the same day, drawn at its score and not counted (the day's best try "
                          "counts).")
    page._show(data, "b", None, page._generation)       # every prompt: each day's point, no × and no caption
    assert not page.retry_note.isVisibleTo(page)
    page._show(data, "b", "perf", page._generation)
    assert page.competencies.canvas.marked[retry] == ("Lower retry the same day: not counted (the day's best try "
                                                      "counts); Database 50")


def test_page_down_in_a_picker_scrolls_the_page_not_the_picker(qtbot):
    """walk57 7: on Progress, Page Down with the question box focused changed the question (Qt's combo box) and no
    key scrolled the page. Page Down and Page Up in either picker scroll the page; the arrows still pick."""
    from types import SimpleNamespace

    from PySide6.QtCore import Qt

    from voiceprep.gui.widgets.progress import ProgressPage

    bank = SimpleNamespace(competencies=[], id="b", name="Bank", all_prompts=lambda: [])
    page = ProgressPage(page_services(lambda _id: bank))
    qtbot.addWidget(page)
    for i in range(3):
        page.prompt_box.addItem(f"Question {i}", f"q{i}")
    page.prompt_box.setCurrentIndex(1)
    page.resize(600, 300)
    page.show()
    qtbot.waitExposed(page)
    bar = page.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(0)
    for box in (page.prompt_box, page.bank_box):
        before = page.prompt_box.currentIndex()
        qtbot.keyClick(box, Qt.Key.Key_PageDown)
        assert bar.value() > 0 and page.prompt_box.currentIndex() == before
        qtbot.keyClick(box, Qt.Key.Key_PageUp)
        assert bar.value() == 0
