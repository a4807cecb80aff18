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


def spoken_pair(first_wpm: float, second_wpm: float) -> dict:
    a, b = answer(1, 40), answer(2, 60)
    for r, wpm in ((a, first_wpm), (b, second_wpm)):
        r.update(input=None, duration_s=60.0, transcript="We cached it. The p99 fell.")
        r["delivery"] = {**r["delivery"], "wpm": wpm}
    return {**result(a, b), "first": 1, "second": 2}


def test_a_pace_that_moves_into_the_good_band_is_coloured_as_an_improvement(qtbot):
    """Walk42 finding 8: "Pace 176 → 142 words/min (−34)" was black beside green filler and hedge drops, though 176
    was flagged "Fast" and 142 is inside 120-165. Nearer the band is better, further worse, both inside it neither."""
    from voiceprep.gui.widgets.compare import CompareView

    def colour(first: float, second: float) -> str:
        pair = spoken_pair(first, second)
        view = CompareView(pair, pace_band=(120, 165))
        qtbot.addWidget(view)
        cursor = view.summary.document().find(pair["metrics"]["wpm"]["text"])
        assert not cursor.isNull(), view.summary.toPlainText()
        return cursor.charFormat().foreground().color().name()

    assert colour(176, 142) == GOOD.lower()             # into the band
    assert colour(100, 112) == GOOD.lower()             # slow, nearer it
    assert colour(142, 176) == BAD.lower()              # out of it
    assert colour(150, 130) not in (GOOD.lower(), BAD.lower())     # both comfortable: not better or worse


def test_compare_copies_and_exports_what_the_cli_prints_from_the_keyboard(qtbot, tmp_path, monkeypatch):
    """Walk42 finding 8: the Compare dialog had only Close. Copy puts `voiceprep history compare`'s text on the
    clipboard; Export… writes it to a Markdown file; both are reached with Tab and pressed with Space."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QFileDialog

    from voiceprep.core.history.compared import compare_lines, compare_text
    from voiceprep.gui.widgets.compare import CompareDialog

    pair = spoken_pair(176, 142)
    dialog = CompareDialog(pair)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    reached, w = [], dialog.view.summary.nextInFocusChain()
    while w is not dialog.view.summary and len(reached) < 200:     # Tab from the summary reaches every button
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(dialog):
            reached.append(w)
        w = w.nextInFocusChain()
    assert {dialog.copy_btn, dialog.export_btn, dialog.close_btn} <= set(reached), reached
    QGuiApplication.clipboard().clear()
    dialog.copy_btn.setFocus()
    qtbot.keyClick(dialog.copy_btn, Qt.Key.Key_Space)
    text = QGuiApplication.clipboard().text()
    assert text == compare_text(pair) and text.splitlines() == compare_lines(pair)
    assert "Pace 176 → 142 words/min" in text and "What changed in what you said" in text
    out = tmp_path / "mine"                                  # typed without .md: written as mine.md
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "Markdown (*.md)"))
    dialog.export_btn.setFocus()
    qtbot.keyClick(dialog.export_btn, Qt.Key.Key_Space)
    written = (tmp_path / "mine.md").read_text(encoding="utf-8")
    assert written.startswith(f"# {dialog.windowTitle()}\n") and compare_text(pair) in written
    assert str(tmp_path / "mine.md") in dialog.status.text()


def test_the_words_that_differ_are_marked_by_more_than_colour_and_the_captions_say_which_answer(qtbot):
    """Walk47 4: removed and new words were only pink and green, and "Highlighted: words removed in this answer"
    under the earlier answer read as if that answer had removed them. Each differing run is marked with a sign a
    screen reader reads and struck through (gone) or underlined (new); the captions name the other answer."""
    from PySide6.QtWidgets import QLabel, QTextBrowser

    from voiceprep.gui.widgets.compare import CompareView

    pair = result(answer(1, 40), answer(2, 90))
    pair["attempts"][0]["transcript"], pair["attempts"][1]["transcript"] = "we used locks", "we used a ring buffer"
    pair["diff"] = [{"op": "equal", "first": "we used", "second": "we used"},
                    {"op": "replace", "first": "locks", "second": "a ring buffer"}]
    view = CompareView(pair)
    qtbot.addWidget(view)
    first, second = view.transcripts
    assert first.toPlainText() == "we used −locks" and second.toPlainText() == "we used +a ring buffer"
    gone, new = first.document().find("locks"), second.document().find("ring")
    assert gone.charFormat().fontStrikeOut() and not new.charFormat().fontStrikeOut()
    assert new.charFormat().fontUnderline() and not gone.charFormat().fontUnderline()
    captions = [w.text() for w in view.findChildren(QLabel) if w.text().startswith("Marked")]
    assert captions == ["Marked − and struck through: words not said again in answer 2 to this question",
                        "Marked + and underlined: words new in this answer (not in answer 1 to this question)"]
    assert [v.accessibleName() for v in view.transcripts] == [
        "Answer 1 to this question, what you said", "Answer 2 to this question, what you said"]
    assert view.summary.accessibleName() and all(isinstance(v, QTextBrowser) for v in view.transcripts)
