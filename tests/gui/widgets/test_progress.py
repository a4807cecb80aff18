"""Progress chart axes: round values, each label once."""

import pytest

from voiceprep.gui.widgets.progress import tick_label, value_ticks


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
    monkeypatch.setattr(progress, "draw", lambda p, spec: (drawn_on.append(threading.current_thread()),
                                                           real_draw(p, spec)))
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


@pytest.mark.parametrize("lo, hi", [(0.0, 8.69), (6.3, 8.4), (0.0, 0.27), (40.0, 340.0), (1.2, 9.9)])
def test_axis_labels_are_the_exact_tick_values(lo, hi):
    """Fillers 0-8.7 read "0, 2, 5, 8, 10": ticks at 2.5 and 7.5 were rounded to integers."""
    _, _, ticks = value_ticks(lo, hi)
    step = ticks[1] - ticks[0]
    assert [float(tick_label(t, step)) for t in ticks] == pytest.approx(ticks, abs=1e-9)
    assert tick_label(2.5, 2.5) == "2.5" and tick_label(7.5, 2.5) == "7.5" and tick_label(0.25, 0.25) == "0.25"
