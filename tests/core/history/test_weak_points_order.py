"""The order of weak points (key_point_rates, weakest_first): what "Drill my weak points" takes first."""

from voiceprep.core.history import queries


def test_among_points_missed_as_often_the_heavier_one_comes_first(history, save, bank):
    """walk45 4: hardest-problem's "measured result, with numbers" (weight 1.5, 2 of 6) was left out of the 5-point
    drill for three "2 of 6" points of weight 1: the tie went to the answers' average score, never the weight."""
    save("We had some performance problems with locks in our matching engine.")    # misses most points
    rates = queries.key_point_rates(history, ("airwallex",))
    weights = {k.id: k.weight for k in bank.prompt("hardest-problem").key_points}
    assert all(r["weight"] == weights[r["key_point_id"]] for r in rates), rates
    missed = [r for r in rates if r["hits"] == 0]
    assert {r["weight"] for r in missed} == {1.0, 1.5}, missed          # both weights among the points missed
    assert [r["weight"] for r in missed] == sorted((r["weight"] for r in missed), reverse=True), missed
    heavy = [r["key_point_id"] for r in missed if r["weight"] == 1.5]
    drilled = [w["key_point_id"] for w in queries.weak_points(history, ("airwallex",), limit=len(heavy))]
    assert drilled == heavy


def test_weight_breaks_a_tie_before_the_answers_average_score():
    same = {"standing": 2 / 6, "hits": 2, "attempts": 6, "last_at": "2026-12-04T10:00:00+00:00"}
    light_low = {**same, "weight": 1.0, "answers_overall": 20.0}
    heavy_high = {**same, "weight": 1.5, "answers_overall": 60.0}
    assert sorted([light_low, heavy_high], key=queries.weakest_first) == [heavy_high, light_low]
    fewer = {**heavy_high, "attempts": 5}           # the most answers first still decides before the weight
    assert sorted([fewer, light_low], key=queries.weakest_first) == [light_low, fewer]


def _covers(history, attempt, points=None, day=None):
    """The stored answer as one that covered `points` (ids; None: every key point) and missed the rest, given on `day`
    of December 2026 (a day each: a question's best try of a day is counted, BEST_OF_DAY)."""
    if day is not None:
        history.db.execute("UPDATE attempts SET started_at = ? WHERE id = ?", [f"2026-12-{day:02d}T10:00:00+00:00", attempt])
    for k in history.read("SELECT rowid, key_point_id FROM key_point_results WHERE attempt_id = ?", [attempt]):
        history.db.execute("UPDATE key_point_results SET hit = ? WHERE rowid = ?",
                           [int(points is None or k["key_point_id"] in points), k["rowid"]])
    history.db.conn.commit()


def test_a_question_just_answered_fully_is_not_the_next_drill_unless_every_weak_point_is_one(history, save, bank):
    """fixDC (session 41's leftover): a drill right after a 6 of 6 answer asked that question again: its older tries'
    misses weighed as much as the newest try. The drill (and Welcome back's "Most missed", which says the drill brings
    it back) leave out the points of a question whose newest answer covered every key point; when every weak point is
    of such a question, they are drilled as before."""
    lineage = ("airwallex",)
    other = bank.prompt("most-impactful").id
    _covers(history, save("I am not sure.", other), set(), day=1)
    _covers(history, save("I am not sure.", other), day=2)             # most-impactful: missed, then 6 of 6
    for day in (1, 2, 3):
        _covers(history, save("I am not sure."), set(), day=day)      # hardest-problem: missed 3 times
    assert queries.answered_fully(history, lineage) == {other}
    assert {w["prompt_id"] for w in queries.weak_points(history, lineage, limit=None)} == {"hardest-problem", other}
    assert {w["prompt_id"] for w in queries.drill_points(history, lineage, limit=50)} == {"hardest-problem"}
    _covers(history, save("I am not sure.", other), set(), day=3)      # most-impactful: 1 of 3
    _covers(history, save("I am not sure."), day=4)                    # hardest-problem: 6 of 6 now, 1 of 4
    assert queries.answered_fully(history, lineage) == {"hardest-problem"}
    assert queries.weak_points(history, lineage)[0]["prompt_id"] == "hardest-problem"     # main's drill asked it first
    drilled = queries.drill_points(history, lineage, limit=50)
    assert drilled and {w["prompt_id"] for w in drilled} == {other}, drilled
    recap = queries.recap(history)
    assert recap is not None and recap["weakest"]["prompt_id"] == other          # the welcome names what it drills
    _covers(history, save("I am not sure.", other), day=5)             # both just answered fully: drilled as before
    assert queries.answered_fully(history, lineage) == {"hardest-problem", other}
    assert queries.drill_points(history, lineage) == queries.weak_points(history, lineage)


def test_a_follow_up_answer_that_covered_the_rest_makes_its_answer_full(history, save, bank):
    """The "6 of 6" Practice showed after the follow-ups (app.followed): the newest answer missed a point, its follow-up
    answer, asked about it, covered it; the question counts as just answered fully."""
    from voiceprep.app.judging import attempt_record
    from voiceprep.core.analysis.analyze import analyze_answer
    from voiceprep.core.history.store import TRANSCRIBING
    from voiceprep.core.transcript import Transcript

    lineage = ("airwallex",)
    prompt = bank.prompt("hardest-problem")
    missed = prompt.key_points[0]
    answer = save("I am not sure.")
    _covers(history, answer, {k.id for k in prompt.key_points} - {missed.id})
    assert queries.answered_fully(history, lineage) == set()
    follow = history.begin_attempt(bank, prompt, state=TRANSCRIBING, input="typed", text="x", drill=[missed.label],
                                   follow_up=["Which design did you choose?"])
    history.finish_attempt(follow, attempt_record(analyze_answer(bank, prompt, Transcript.from_text("x")), "typed"))
    _covers(history, follow, {missed.id})
    assert queries.answered_fully(history, lineage) == {"hardest-problem"}
