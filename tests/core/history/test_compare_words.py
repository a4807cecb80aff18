"""Walk19: `voiceprep history compare` said "Overall 33 -> 67 (+33)" where the app said +34, and "Fillers 1 -> 0"
for two typed answers (the app: not measured for a typed answer)."""

from __future__ import annotations

from voiceprep.core.history.queries import _metrics, describe_change


def side(overall: float, typed: bool = True) -> dict:
    return {"overall": overall, "key_points": [{"label": "a", "hit": True}, {"label": "b", "hit": False}],
            "duration_s": None if typed else 30.0, "input": "typed" if typed else "mic", "drill": None,
            "delivery": {"wpm": 150.0, "fillers": {"total": 1}, "hedges": {"total": 2}}}


def test_a_change_is_the_difference_of_the_numbers_shown():
    assert describe_change("Overall score", 33.4, 66.6, "/ 100") == "Overall score 33 → 67 / 100 (+34)"
    assert describe_change("Overall score", 66.6, 33.4, "/ 100") == "Overall score 67 → 33 / 100 (−34)"
    assert describe_change("Overall score", 33.4, 33.6, "/ 100") == "Overall score 33 → 34 / 100 (+1)"
    m = _metrics(side(33.4), side(66.6))
    assert m["overall"]["delta"] == 34 and m["overall"]["text"].endswith("(+34)"), m["overall"]


def test_fillers_are_not_measured_on_a_typed_answer_as_the_app_says():
    m = _metrics(side(50), side(60))
    assert m["fillers"]["first"] is None and m["fillers"]["text"] == "Fillers: not measured (both typed)", m["fillers"]
    assert m["hedges"]["text"] == "Hedges 2 → 2"            # written words hedge too
    mixed = _metrics(side(50, typed=False), side(60))
    assert mixed["fillers"]["text"] == "Fillers 1 → none (typed)", mixed["fillers"]


def test_a_drills_score_change_is_not_called_better_or_worse():
    """fix33: Compare coloured "Overall score 40 → 100 (+60)" green beside a drill, as if a fair comparison; a drill
    (told which points to cover) or a follow-up answer counts only for the points asked: its score's change is said
    plainly, with why (`plain`); two whole answers' changes are compared as before."""
    drill = {**side(100), "drill": ["a"]}
    m = _metrics(side(40), drill)
    for name in ("overall", "key_points"):
        assert m[name]["plain"] == ("Not marked better or worse: the second is a drill (a drill counts only for the "
                                    "points it asked for), so the two are not measured alike"), m[name]
    assert "plain" not in m["hedges"] and "plain" not in _metrics(side(40), side(100))["overall"]


def test_the_key_points_line_says_each_answers_points_covered_of_those_it_was_held_to():
    """fixCR (walk53 5): "Key points with follow-ups 2 of 6 → 4 of 4 asked (the answers alone, as the score: 1 of 6 →
    4 of 4)" was read twice. Each side now says its count in words: of the question's points, of those a drill or the
    follow-ups asked, and with the follow-ups' points beside the answer's own (as its score counts them)."""
    from voiceprep.core.history.queries import key_points_text
    whole, drill, follow = {"drill": None}, {"drill": ["a", "b", "c", "d"]}, {"drill": ["a"], "follow_up": ["Why?"]}
    assert key_points_text(whole, drill, (2, 6), (4, 4), ((1, 6), (4, 4))) == (
        "Key points covered: 1 of 6 in the answer itself, as scored (2 of 6 with its follow-ups) → 4 of the 4 points "
        "the drill asked for")
    assert key_points_text(whole, whole, (4, 6), (3, 6)) == "Key points covered: 4 of 6 → 3 of 6"
    assert key_points_text(drill, follow, (3, 4), (0, 1), ((3, 4), (0, 1))) == (
        "Key points covered: 3 of the 4 points the drill asked for → 0 of the one point its follow-ups asked about")


def test_the_key_points_line_counts_what_a_follow_up_answer_also_covered():
    """read41: a follow-up answer that also covered a point still missed was "1 of the one point its follow-ups asked
    about" beside Gained listing both; the line counts the also-covered point too."""
    from voiceprep.core.history.queries import STILL_MISSED, key_points_text
    whole = {"drill": None}
    follow = {"drill": ["a"], "follow_up": ["Why?"], "settings": {STILL_MISSED: ["b", "c"]},
              "key_points": [{"label": "a", "hit": True}, {"label": "b", "hit": True}, {"label": "c", "hit": False}]}
    assert key_points_text(whole, follow, (1, 3), (1, 1)) == (
        "Key points covered: 1 of 3 → 2 of the 2 points it counts for: the one its follow-ups asked about, and 1 other "
        "point still missed that it covers")


def test_the_overall_line_does_not_say_only_where_a_follow_up_answer_also_covered_a_point():
    """read41d: Compare's Overall line and tooltip said "a follow-up answer counts only for the points its follow-ups
    asked about" over a key points line counting "1 other still missed that it covered"."""
    from voiceprep.core.history.queries import STILL_MISSED
    from voiceprep.core.wording import ALSO_COUNTS_TEXT
    follow = {**side(100), "drill": ["a"], "follow_up": ["Why?"], "settings": {STILL_MISSED: ["b", "c"]},
              "key_points": [{"label": "a", "hit": True}, {"label": "b", "hit": True}, {"label": "c", "hit": False}]}
    m = _metrics(side(40), follow)
    why = f"a follow-up answer counts for the points its follow-ups asked about and {ALSO_COUNTS_TEXT}"
    assert m["overall"]["text"].endswith(f"(the second is a follow-up answer: {why})"), m["overall"]
    assert all("only" not in m[name]["plain"] and why in m[name]["plain"] for name in ("overall", "key_points")), m
    # nothing else covered: "only" stays
    plain = {**follow, "key_points": [{"label": "a", "hit": True}, {"label": "b", "hit": False}]}
    assert "counts only for the points its follow-ups asked about" in _metrics(side(40), plain)["overall"]["text"]
