"""History shows an answer's standing with its follow-up answers, as Practice showed it after them (walkthrough 13:
Practice said "this question now has 3 of 5 key points", History kept the answer's "0 of 5")."""

from __future__ import annotations

from tests.core.test_rehearsal import FOLLOW_UP, MAIN
from voiceprep.app.followed import followed_text
from voiceprep.core.history import queries
from voiceprep.core.history.queries import is_follow_up
from voiceprep.core.history.store import TRANSCRIBING
from voiceprep.core.rehearsal import Rehearsal
from voiceprep.core.transcript import Transcript


def answered_with_follow_up(bank, session, prompt):
    """An answer to `prompt` and a follow-up answer that covered points it missed, as Practice records them: the
    rehearsal, both saved, the ids of the answer's own points and the labels of those the follow-up added."""
    r = Rehearsal.for_prompt(bank, prompt)
    main = session.save_typed(bank, prompt, MAIN)
    r.record(main.analysis)
    turn = r.ask_follow_ups()
    assert turn is not None
    follow = session.save_typed(bank, prompt, FOLLOW_UP, drill=list(turn.labels), follow_up=list(turn.questions))
    r.record(follow.analysis, turn)
    own = {k.key_point.id for k in main.analysis.key_points if k.hit}
    added = [kp.label for kp, hit in r.hits(prompt.id) if hit and kp.id not in own]
    assert added
    return r, main, follow, own, added


def test_an_answer_in_history_counts_what_its_follow_up_answers_covered_as_practice_did(bank, session, service):
    prompt = bank.prompt("product-range")
    r = Rehearsal.for_prompt(bank, prompt)
    main = session.save_typed(bank, prompt, MAIN)
    r.record(main.analysis)
    assert service.attempt(main.attempt_id)["with_follow_ups"] is None        # nothing followed it yet
    turn = r.ask_follow_ups()
    assert turn is not None
    follow = session.save_typed(bank, prompt, FOLLOW_UP, drill=list(turn.labels), follow_up=list(turn.questions))
    r.record(follow.analysis, turn)
    hits = r.hits(prompt.id)                      # what Practice said: "this question now has 5 of 6 key points"
    standing = service.attempt(main.attempt_id)["with_follow_ups"]
    own = {r.key_point.id for r in main.analysis.key_points if r.hit}
    assert standing == {"hits": sum(hit for _, hit in hits), "total": len(hits), "answers": 1,
                        "own": main.analysis.points_hit, "covered": [kp.id for kp, hit in hits if hit and kp.id not in own]}
    assert standing["hits"] > standing["own"]
    # walk57 4: the answer alone first, as the score above it counts, then with its follow-up answer
    assert followed_text(standing) == (f"This answer alone: {standing['own']} of {len(hits)} key points, as its score "
                                       f"counts them; with its follow-up answer: {standing['hits']} of {len(hits)}, as "
                                       "Practice showed it after the follow-ups")
    assert service.attempt(follow.attempt_id)["with_follow_ups"] is None      # a follow-up answer follows, is none
    again = session.save_typed(bank, prompt, "I am not sure.")            # a new answer: the follow-ups are behind
    assert service.attempt(again.attempt_id)["with_follow_ups"] is None
    assert service.attempt(main.attempt_id)["with_follow_ups"] == standing


def test_historys_list_and_compare_count_what_a_follow_up_answer_covered(bank, session, service):
    """Walk15: Practice said "this question now has 5 of 6", and History's detail did too, but its list and Compare
    ("Gained", "Still missing") counted the answer alone. An answer no follow-up answer followed reads as stored."""
    prompt = bank.prompt("product-range")
    before = session.save_typed(bank, prompt, MAIN)                       # no follow-up answer followed it
    r, main, follow, own, added = answered_with_follow_up(bank, session, prompt)
    listed = {row["id"]: row for row in service.attempts(bank=bank.id)}
    assert listed[main.attempt_id]["with_follow_ups"] == service.attempt(main.attempt_id)["with_follow_ups"]
    assert listed[main.attempt_id]["with_follow_ups"]["hits"] == sum(hit for _, hit in r.hits(prompt.id))
    assert listed[before.attempt_id]["with_follow_ups"] is None and listed[follow.attempt_id]["with_follow_ups"] is None
    c = service.compare(before.attempt_id, main.attempt_id)
    assert c["gained"] == added and not set(added) & set(c["missed"]), c
    n = len(prompt.key_points)
    # walk19: "5 of 6 -> 4 of 6 (the first with its follow-up answer)" beside an overall of the answers alone: each
    # number says which it is, and the answers alone are compared too
    assert c["metrics"]["key_points"]["text"] == (
        f"Key points covered: {len(own)} of {n} → {len(own)} of {n} in the answer itself, as scored "
        f"({len(own) + len(added)} of {n} with its follow-ups)")
    after = session.save_typed(bank, prompt, MAIN)                        # the same answer again, no follow-up
    c = service.compare(main.attempt_id, after.attempt_id)
    assert c["lost"] == added and not set(added) & set(c["missed"]), c


def test_compare_of_an_answer_with_its_own_follow_up_says_what_the_follow_up_added(bank, session, service):
    """Walk16: Compare of an answer with its own follow-up read as before/after: "Overall score 86 → 36 / 100 (−50)"
    in red, "Gained: none" though the follow-up added a point, and the whole answer marked as words removed. It says
    what the follow-up added and the question's count with it, with no score change and no word diff."""
    prompt = bank.prompt("product-range")
    r, main, follow, own, added = answered_with_follow_up(bank, session, prompt)
    n, hits = len(prompt.key_points), sum(hit for _, hit in r.hits(prompt.id))
    c = service.compare(follow.attempt_id, main.attempt_id)
    assert c["follow_up_added"] == {
        "covered": added, "with_follow_ups": {"hits": hits, "own": len(own), "total": n, "answers": 1},
        "text": f"The follow-up covered: {'; '.join(added)}. With it, answer 1 has {hits} of {n} key points "
                f"(on its own: {len(own)} of {n})"}, c
    assert c["gained"] == added and c["lost"] == [] and c["not_asked"] == [], c
    assert "overall" not in c["metrics"] and "key_points" not in c["metrics"], c["metrics"]   # no 86 → 36 (−50)
    assert c["diff"] == [], c["diff"]                    # not "words removed": the follow-up answers another question
    again = session.save_typed(bank, prompt, MAIN)       # two answers to the question still compare before/after
    c = service.compare(main.attempt_id, again.attempt_id)
    assert "follow_up_added" not in c and "overall" in c["metrics"] and c["diff"], c
    # a follow-up's own overall is no score of it ("1 of 1 asked" is): not shown, nor coloured as a fall, beside
    # another answer (walk16: "Overall score 86 → 36 / 100 (−50)" in red)
    c = service.compare(follow.attempt_id, again.attempt_id)
    overall = c["metrics"]["overall"]
    assert "follow_up_added" not in c and overall["first"] is None and overall["delta"] is None, overall
    assert overall["text"].startswith(f"Overall score none (follow-up) → {again.analysis.overall:.0f} / 100 (the "
                                      "first is a follow-up answer"), overall


def test_compare_of_an_answer_with_its_own_follow_up_compares_once(bank, session, service, monkeypatch):
    """Session 20: Compare of an answer with its own follow-up ran `queries.compare` twice (once with the follow-up's
    points counted, thrown away). Which pair it is is read from the two rows first; each Compare compares once."""
    from voiceprep.core.history import queries

    prompt = bank.prompt("product-range")
    r, main, follow, own, added = answered_with_follow_up(bank, session, prompt)
    again = session.save_typed(bank, prompt, MAIN)
    calls = []
    real = queries.compare
    monkeypatch.setattr(queries, "compare", lambda *a, **k: calls.append(k.get("covered")) or real(*a, **k))
    c = service.compare(follow.attempt_id, main.attempt_id)
    assert c["follow_up_added"]["covered"] == added and len(calls) == 1 and not calls[0], calls
    calls.clear()                          # an ordinary Compare: once too, with the follow-up's points counted
    c = service.compare(main.attempt_id, again.attempt_id)
    covered = set(service.attempt(main.attempt_id)["with_follow_ups"]["covered"])
    assert "follow_up_added" not in c and calls == [{main.attempt_id: covered}] and c["lost"] == added, calls


def test_compare_of_an_answer_with_its_own_follow_up_lists_what_its_text_says(bank, session, service):
    """fix23 left length, pace, fillers and hedges in the result (and `history compare --json`) of an answer with
    its own follow-up, though the dialog and the CLI's text show no metrics for it: the result says what the text
    says, the points covered and the answer's count with its follow-up."""
    prompt = bank.prompt("product-range")
    r, main, follow, own, added = answered_with_follow_up(bank, session, prompt)
    n, hits = len(prompt.key_points), sum(hit for _, hit in r.hits(prompt.id))
    c = service.compare(main.attempt_id, follow.attempt_id)
    assert c["metrics"] == {}, c["metrics"]
    assert c["follow_up_added"]["with_follow_ups"] == {"hits": hits, "own": len(own), "total": n, "answers": 1}, c


def test_the_hit_rates_follow_up_count_agrees_with_what_history_says_each_answer_gained(bank, session, service,
                                                                                          access):
    """`queries.key_point_rates`' `asked` (Progress's "+1 in follow-up", Welcome back's and `history stats`' "said
    when asked in a follow-up") is worked out in SQL; `standings` (History's "+1 key point", "With its follow-up
    answer: …") in Python. On one history of every shape, the rates count, for each point, exactly the answers
    counted for it whose follow-ups History says covered it (fix41): two follow-up answers to one answer, a retry,
    a drill followed by a follow-up, a follow-up that says nothing or a point it was not asked about, one cut off,
    and a follow-up of an answer that was itself cut off."""
    prompt = bank.prompt("product-range")
    p = [kp.label for kp in prompt.key_points]
    vague, unsure = "We did a lot of things and it went well.", "I am not sure."
    said = []
    for text, drill, follow in [
            (vague, None, None), (p[0], p[:2], ["And?"]), (p[1], p[:2], ["And?"]),          # two follow-up answers
            (f"{MAIN} {p[2]}", None, None),                                                 # a retry that said p[2]
            (unsure, [p[2]], None), (p[2], [p[2]], ["And?"]),                                # a drill of it, followed
            (vague, None, None), (unsure, p[:1], ["And?"]), (p[3], p[:1], ["And?"]),         # says nothing; another point
            (vague, None, None), (p[0], p[:1], ["And?"]),                                    # this follow-up is cut off
            (vague, None, None), (p[1], p[1:2], ["And?"])]:                                  # this answer is cut off
        said.append(session.save_typed(bank, prompt, text, drill=drill, follow_up=follow).attempt_id)
    h = access.history()
    for back, i in enumerate(reversed(said), start=1):   # each on a day of its own: every one counts (BEST_OF_DAY)
        h.db.execute("UPDATE attempts SET started_at = strftime('%Y-%m-%dT%H:%M:%S+00:00', started_at, ?) WHERE id = ?",
                     (f"-{back} days", i))
    for cut in (said[10], said[11]):
        h.db.execute("UPDATE attempts SET state_detail = 'cut off: recovered after the app closed' WHERE id = ?",
                     (cut,))
    h.db.commit()
    rows = service.attempts(bank=bank.id)
    assert {r["id"] for r in rows} == set(said)
    gained = {r["id"]: set((r["with_follow_ups"] or {}).get("covered", [])) for r in rows}
    assert any(gained.values()), gained
    rates = queries.key_point_rates(h, service.lineage(bank.id), last=len(said), prompt=prompt.id)
    counted = {r["id"]: r for r in rows if not is_follow_up(r) and r["state_detail"] is None}
    for rate in rates:
        point = rate["key_point_id"]
        label = next(kp.label for kp in prompt.key_points if kp.id == point)
        own = {a for a, r in counted.items() if r["drill"] is None or label in r["drill"]}
        hits = {k["attempt_id"] for k in h.read("SELECT attempt_id FROM key_point_results WHERE key_point_id = ? "
                                                 "AND hit", [point])}
        assert rate["attempts"] == len(own) and rate["hits"] == len(own & hits), (rate, own)
        assert rate["asked"] == sum(point in gained[a] for a in own - hits), (rate, gained)
    assert sum(r["asked"] for r in rates) >= 2, rates


def test_a_follow_up_answer_counts_for_another_missed_point_it_covered_in_history_as_in_practice(
        bank, session, service, access):
    """fixCN wish 4: a follow-up answer asked about one missed point that also covered another still missed counts
    for it as for the asked one, in History as in Practice (its standing, the rates' "said in a follow-up", the
    round taken up again), and its detail says "You also covered"; its own count stays the asked point's. One
    stored before (no still-missed points kept with it) still counts only for the points asked about."""
    from tests.core.test_rehearsal import ALSO_SCALE

    prompt = bank.prompt("product-range")
    r = Rehearsal.for_prompt(bank, prompt)
    main = session.save_typed(bank, prompt, MAIN)
    r.record(main.analysis)
    turn = r.ask_follow_ups()
    assert turn is not None and turn.others                        # scale, missed too, not asked about
    follow = session.save_typed(bank, prompt, ALSO_SCALE, drill=list(turn.labels), follow_up=list(turn.questions),
                                still_missed=list(turn.others))
    r.record(follow.analysis, turn)
    hits = r.hits(prompt.id)
    assert all(hit for _, hit in hits)                              # Practice: 6 of 6
    standing = service.attempt(main.attempt_id)["with_follow_ups"]
    assert standing["hits"] == len(hits) and standing["covered"] == ["embedded-finance", "scale"], standing
    row = service.attempt(follow.attempt_id)
    assert row["settings"][queries.STILL_MISSED] == list(turn.others)
    points = row["document"]["key_points"]
    assert [k["label"] for k in queries.also_covered(points, row)] == list(turn.others)
    assert queries.drilled(points, row["drill"]) == (1, 1)         # its own count: the point asked about
    h = access.history()
    rates = {k["key_point_id"]: k for k in queries.key_point_rates(h, service.lineage(bank.id), prompt=prompt.id)}
    assert rates["scale"]["asked"] == 1 and rates["embedded-finance"]["asked"] == 1, rates
    best = queries._best_hits(h, h.read(f"SELECT id, prompt_id, overall, {queries.WHOLE_ANSWER} AS whole, "
                                        f"{queries.FOLLOW_UP} AS follow_up FROM attempts ORDER BY id"))
    assert sorted(best[prompt.id]) == sorted(kp.id for kp in prompt.key_points)      # a round taken up again
    # Compare of the answer with its own follow-up names both; History's tooltip and the export say it
    c = service.compare(follow.attempt_id, main.attempt_id)
    assert c["follow_up_added"]["covered"] == [*turn.labels, *turn.others], c["follow_up_added"]
    listed = {x["id"]: x for x in service.attempts(bank=bank.id)}
    assert queries.asked_text(listed[follow.attempt_id]) == queries.asked_text(row) == (
        f"Follow-up answer: the interviewer asked “{turn.questions[0]}”; it counts for the point they asked about: "
        f"{turn.labels[0]}, and for any other point still missed that it covers")
    from voiceprep.core.history.export import to_markdown

    md = to_markdown(h, [follow.attempt_id])
    assert f"### You also covered\n\n*{queries.ALSO_COVERED_COUNTS}*\n\n- [x] {turn.others[0]} — “" in md, md
    # stored before this change: the same answer without the still-missed points counts for the asked one only
    old = session.save_typed(bank, prompt, MAIN)
    session.save_typed(bank, prompt, ALSO_SCALE, drill=list(turn.labels), follow_up=list(turn.questions))
    assert service.attempt(old.attempt_id)["with_follow_ups"]["covered"] == ["embedded-finance"]


def test_a_follow_up_answer_recovered_after_a_crash_keeps_its_still_missed_points(bank, session, service, speech_dir):
    """The still-missed points are stored when the follow-up answer begins: one recovered after a crash counts for
    them as it would have."""
    from tests.app.conftest import record
    from tests.app.test_session import died
    from tests.core.test_rehearsal import ALSO_SCALE

    prompt = bank.prompt("product-range")
    main = session.save_typed(bank, prompt, MAIN)
    labels = {kp.id: kp.label for kp in prompt.key_points}
    crashed = session.begin(bank, prompt, drill=[labels["embedded-finance"]], follow_up=["What is embedded finance?"],
                            still_missed=[labels["scale"]])
    record(speech_dir / "jfk.wav", crashed.audio_path)
    session.history().set_state(crashed.attempt_id, TRANSCRIBING)     # stopped whole, the app died transcribing it
    died(session, crashed.attempt_id)
    timed = Transcript.from_text(ALSO_SCALE)
    timed.model = "tiny.en"
    [result] = session.recover(lambda p: timed)
    assert result.outcome == "finished" and "counts as usual" in result.detail, result
    row = service.attempt(crashed.attempt_id)
    assert row["settings"][queries.STILL_MISSED] == [labels["scale"]] and row["settings"]["recovered"]
    assert service.attempt(main.attempt_id)["with_follow_ups"]["covered"] == ["embedded-finance", "scale"]
    assert [k["label"] for k in queries.also_covered(row["document"]["key_points"], row)] == [labels["scale"]]


def test_last_time_says_what_the_last_answers_follow_ups_added(bank, session, service):
    """walk60 10: One prompt after the round said "Last time 42 (earlier today) → now 100" where the round had counted
    that question with its follow-ups (every point). Last time says the last answer's key points with them too."""
    from voiceprep.app.recap import since_last_time

    prompt = bank.prompt("product-range")
    _, main, _, own, added = answered_with_follow_up(bank, session, prompt)
    again = session.save_typed(bank, prompt, MAIN)
    last = service.previous_answer(again.attempt_id)
    assert last is not None and last["id"] == main.attempt_id
    total = len(prompt.key_points)
    said = since_last_time(last, 100.0) or ""
    assert said.startswith(f"Last time {main.analysis.overall:.0f} (earlier today; "
                           f"{len(own) + len(added)} of {total} key points with its follow-up answer) → now 100"), said
    alone = session.save_typed(bank, prompt, MAIN)              # no follow-up after `again`: as before
    assert "follow-up" not in (since_last_time(service.previous_answer(alone.attempt_id), 100.0) or "")
