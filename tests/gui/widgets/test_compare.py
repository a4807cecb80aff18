"""fix33: Compare coloured a drill's score change green or red as if the two answers were measured alike. A drill or
follow-up answer's score change is shown plainly (no better/worse colour), with why in its tooltip."""

from __future__ import annotations

from voiceprep.core.history.queries import _metrics
from voiceprep.gui.widgets.common import BAD, GOOD


def answer(n: int, overall: float, drill: list[str] | None = None) -> dict:
    return {"id": n, "answer_number": n, "started_at": f"2026-12-0{n}T10:00:00+00:00", "input": "typed",
            "overall": overall, "drill": drill, "follow_up": None, "duration_s": None,
            "key_points": [{"label": "a", "hit": n > 1}, {"label": "b", "hit": False}],
            "delivery": {"fillers": {"total": 1}, "hedges": {"total": 3 - n}}}


def result(first: dict, second: dict) -> dict:
    return {"prompt_text": "Tell me about a hard problem.", "attempts": [first, second], "gained": [], "lost": [],
            "kept": [], "missed": [], "not_asked": [], "reworded": [], "metrics": _metrics(first, second), "diff": []}


def test_a_drills_score_change_is_shown_plainly_with_why_in_its_tooltip(qtbot):
    from PySide6.QtCore import QPoint

    from voiceprep.gui.widgets.compare import CompareView

    both = result(answer(1, 40), answer(2, 90))
    fair = CompareView(both)                                # two whole answers: a rise is good, as before
    qtbot.addWidget(fair)
    rise = fair.summary.document().find(both["metrics"]["overall"]["text"])
    assert rise.charFormat().foreground().color().name() == GOOD.lower() and not rise.charFormat().toolTip()
    drilled = result(answer(1, 40), answer(2, 90, drill=["a"]))
    view = CompareView(drilled)
    qtbot.addWidget(view)
    page = view.summary.toHtml()
    for name in ("overall", "key_points"):
        line = drilled["metrics"][name]["text"]
        cursor = view.summary.document().find(line)
        assert not cursor.isNull(), line
        fmt = cursor.charFormat()
        assert fmt.foreground().color().name() not in (GOOD.lower(), BAD.lower()), (name, page)
        assert fmt.toolTip() == drilled["metrics"][name]["plain"]
    hedges = view.summary.document().find(drilled["metrics"]["hedges"]["text"])
    assert hedges.charFormat().foreground().color().name() == GOOD.lower()      # fewer hedges: still told
    view.show()
    cursor = view.summary.document().find(drilled["metrics"]["overall"]["text"])
    cursor.setPosition(cursor.selectionStart() + 2)
    at = view.summary.cursorRect(cursor).center()
    assert view.summary.tip_at(at) == drilled["metrics"]["overall"]["plain"]
    assert view.summary.tip_at(QPoint(at.x(), at.y() + 500)) == ""


def test_a_key_point_added_between_the_answers_is_said_as_new_not_gained(qtbot):
    """Walk37: a key point written into the bank between the two answers was listed under "Gained". It is listed
    with the points the second answer covered (or missed), said to be new."""
    from PySide6.QtGui import QPalette

    from voiceprep.gui.widgets.compare import NEW_POINT, summary_html
    from voiceprep.gui.widgets.feedback import Colors

    both = {**result(answer(1, 40), answer(2, 90)), "gained": ["a"],
            "new": [{"label": "monitoring for every region", "hit": True}, {"label": "the cost", "hit": False}]}
    page = summary_html(both, Colors(QPalette()))
    gained, missing = page.split("<b>Gained</b>")[1].split("<b>Lost</b>"), page.split("<b>Still missing</b>")[1]
    assert f"monitoring for every region{NEW_POINT}" in gained[0] and "✓ a<" in gained[0]
    assert f"the cost{NEW_POINT}" in missing
