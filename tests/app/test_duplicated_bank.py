"""Walkthrough 13: duplicating a bank (to add a key point) cut Progress and Compare off from the earlier answers to
the same questions. A duplicate records the bank it came from (job.copied_from); its history takes theirs in."""

from __future__ import annotations

import pytest

from tests.conftest import BANKS
from voiceprep.app import HistoryService
from voiceprep.core.banks import BankRegistry
from voiceprep.core.banks.document import BankDocument
from voiceprep.core.banks.load import parse_bank
from voiceprep.core.history import HistoryError
from voiceprep.core.history.queries import ApartWhy


@pytest.fixture
def banks(bank):
    """The bundled bank, the candidate's duplicate of it, and an unrelated copy made by hand (same text, no origin)."""
    text = (BANKS / "airwallex.toml").read_text(encoding="utf-8")
    copy = BankDocument.copy_of(text, f"{bank.id}-mine", "My copy", origin=bank.id)
    by_hand = BankDocument.copy_of(text, "by-hand", "By hand")
    registry = BankRegistry()
    registry.banks = [bank, *(parse_bank(d.text(), "copy") for d in (copy, by_hand))]
    return registry


def test_a_duplicate_records_its_origin_and_its_lineage_follows_it(bank, banks):
    mine = banks.find(f"{bank.id}-mine")
    assert mine is not None and mine.job.copied_from == bank.id
    assert banks.lineage(mine.id) == (mine.id, bank.id)
    assert banks.lineage(bank.id) == (bank.id,)                        # the original does not take in the copy's
    assert banks.lineage("by-hand") == ("by-hand",)


def test_a_duplicated_banks_progress_and_compare_take_in_the_answers_given_before(bank, banks, access, session):
    service = HistoryService(access, banks.lineage)
    prompt = bank.prompt("hardest-problem")
    mine = banks.find(f"{bank.id}-mine")
    before = session.save_typed(bank, prompt, "I fixed some locks in the matching engine.")
    after = session.save_typed(mine, mine.prompt(prompt.id), "Lock contention: I proposed the LMAX Disruptor.")
    progress = service.progress(mine.id)
    assert progress["stats"]["attempts"] == 2 and len(progress["series"]) == 2
    assert [p["prompt_id"] for p in progress["prompts"]] == [prompt.id]
    assert {r["id"] for r in service.attempts(bank=mine.id)} == {before.attempt_id, after.attempt_id}
    assert service.previous_answer(after.attempt_id)["id"] == before.attempt_id
    assert service.progress(bank.id)["stats"]["attempts"] == 1          # the original's own answers only
    compared = service.compare(before.attempt_id, after.attempt_id)
    assert compared["prompt_text"] == prompt.text and compared["attempts"][0]["id"] == before.attempt_id


def test_compare_says_what_differs_when_it_refuses(bank, banks, access, session):
    service = HistoryService(access, banks.lineage)
    by_hand = banks.find("by-hand")
    hardest, why = bank.prompt("hardest-problem"), bank.prompt("why-airwallex")
    first = session.save_typed(bank, hardest, "I fixed some locks.")
    same_text = session.save_typed(by_hand, by_hand.prompt(hardest.id), "I fixed the locks again.")
    other = session.save_typed(bank, why, "Multi-currency accounts.")
    # the same question word for word in a copy made before copies recorded their origin: compared
    assert service.compare(first.attempt_id, same_text.attempt_id)["prompt_id"] == hardest.id
    with pytest.raises(HistoryError, match="different questions .“.*” and “.*”.$") as refused:   # the reason only:
        service.compare(first.attempt_id, other.attempt_id)       # each front end says what to do (fixBY)
    assert refused.value.apart.why is ApartWhy.DIFFERENT_QUESTIONS
    moved = session.save_typed(by_hand, by_hand.prompt(why.id), "Multi-currency.")
    session.history().db.execute("UPDATE attempts SET prompt_id = 'renamed', prompt_text = ? WHERE id = ?",
                                 [hardest.text, moved.attempt_id])
    with pytest.raises(HistoryError) as refused:
        service.compare(first.attempt_id, moved.attempt_id)
    told = str(refused.value)
    assert refused.value.apart.why is ApartWhy.SAME_WORDING and "select" not in told
    assert "two different questions that read the same" in told and told.count(hardest.text) == 1, told
    assert f"“{bank.job.title}”" in told and "“By hand”" in told, told


def test_a_question_skipped_in_the_original_bank_counts_0_in_the_duplicates_progress(bank, banks, access, session):
    """Both session-17 changes together: the copy's Progress takes in the original's answers and its skipped
    questions (core.history.skipped), each under the copy's own id."""
    from voiceprep.core.rehearsal import Rehearsal

    service = HistoryService(access, banks.lineage)
    rnd = bank.rounds[0]
    r = Rehearsal.for_round(bank, rnd)
    pk = session.start_round(bank, rnd)
    saved = session.save_typed(bank, r.current, "I built cross-region monitoring with Prometheus and Thanos.",
                               rnd.id, pk)
    r.record(saved.analysis)
    while r.next():
        pass
    summary = r.summary()
    session.finish_round(pk, summary.to_dict())
    assert summary.skipped
    mine = f"{bank.id}-mine"
    stats = service.stats(mine)
    assert stats["bank"] == mine and stats["skipped"] == len(summary.skipped)
    assert stats["avg_overall"] == round(saved.analysis.overall, 1)          # a skip is no answer (walk19)
    assert set(stats["competencies_by_bank"]) == {mine}


def a_day_back(access, attempt_id: int) -> None:
    """An answer given the day before: a question answered in the origin and its copy the same day counts its best
    try of the day only (queries.BEST_OF_DAY), so the answers taken in from the origin are given another day."""
    h = access.history()
    h.db.execute("UPDATE attempts SET started_at = strftime('%Y-%m-%dT%H:%M:%S+00:00', started_at, '-1 day') "
                 "WHERE id = ?", [attempt_id])
    h.db.conn.commit()


def test_a_duplicated_banks_welcome_back_last_round_and_answer_numbers_take_in_the_originals(bank, banks, access,
                                                                                           session):
    """Review of session 17: Progress followed a copy's lineage, but the welcome back's "Most missed", the round's
    "last time" and "answer 2 to this question" read the copy by its own id: a point missed in the original and
    again in the copy was "covered in 0 of 1", the copy's first run of a round had no last time, its answer was
    "answer 1" in History, `history show` and the export."""
    from voiceprep.app.recap import recap_lines

    service = HistoryService(access, banks.lineage)
    mine = banks.find(f"{bank.id}-mine")
    rnd = bank.rounds[0]
    prompt = rnd.prompts[0]
    vague = "I think it was fine, we did a lot of things and it went well."
    pk = session.start_round(bank, rnd)
    before = session.save_typed(bank, prompt, vague, rnd.id, pk)
    a_day_back(access, before.attempt_id)
    session.finish_round(pk, {"overall": 20.0, "answered": 1, "total": len(rnd.prompts), "skipped": []})
    again = session.start_round(mine, mine.round(rnd.id))
    after = session.save_typed(mine, mine.prompt(prompt.id), vague, rnd.id, again)
    recap = service.recap()
    weakest = recap["weakest"]
    assert weakest["bank_id"] == mine.id and weakest["attempts"] == 2, weakest       # both answers, the copy's id
    details = recap_lines(recap, banks.find)[1]
    assert "of 2 recent answers" in details, details
    last = service.previous_round(again)
    assert last is not None and last["id"] == pk and last["overall"] == 20.0
    assert service.previous_round(pk) is None                       # the original's first run has none
    assert service.attempt(after.attempt_id)["answer_number"] == 2
    assert service.attempt(before.attempt_id)["answer_number"] == 1     # not the copy's answers
    assert "answer 2 to this question" in service.render([after.attempt_id], "md")


def test_a_copys_welcome_back_and_progress_say_which_answers_its_origin_gave(bank, banks, access, session):
    """Walk15: Progress and Welcome back counted a copy's answers with its origin's (by design) without saying so,
    and Welcome back named the origin for a question skipped there while the picker showed the copy. Both say how
    many answers came from the bank it was copied from, by name; the skipped question is the picked copy's."""
    from voiceprep.app.recap import copied_text, recap_lines

    service = HistoryService(access, banks.lineage)
    mine = banks.find(f"{bank.id}-mine")
    rnd = bank.rounds[0]
    vague = "I think it was fine, we did a lot of things and it went well."
    pk = session.start_round(bank, rnd)
    a_day_back(access, session.save_typed(bank, rnd.prompts[0], vague, rnd.id, pk).attempt_id)
    session.save_typed(bank, rnd.prompts[2], vague, rnd.id, pk)
    session.finish_round(pk, {"overall": 20.0, "answered": 2, "total": len(rnd.prompts),
                              "skipped": [rnd.prompts[1].id]})
    session.save_typed(mine, mine.prompt(rnd.prompts[0].id), vague)
    recap = service.recap()
    assert recap["bank_id"] == mine.id and recap["skipped_bank"] == mine.id, recap
    labels = {b.id: b.name for b in banks.banks}
    details = recap_lines(recap, banks.find, labels=labels)[1]
    skipped = next(line for line in details.splitlines() if line.startswith("You skipped"))
    # fixBW: the line goes on with the questions never answered in each bank, the origin's own by its name
    skipped, _also, never = skipped.partition(" Also never answered: ")
    assert f"“{bank.name}”" not in skipped, details
    assert never == f"1 question in “{mine.name}”, 1 in “{bank.name}”.", details     # not the one skipped again
    # walk37: with the copy picked, "on the bank chosen above" said a skip on the origin was on the copy
    picked = recap_lines(recap, banks.find, labels=labels, picked=mine.id)[1]
    skipped = next(line for line in picked.splitlines() if line.startswith("You skipped")).partition(" Also")[0]
    assert skipped.endswith(" on the bank the one chosen above was copied from: answer it first today."), picked
    assert recap["skipped_in"] == bank.id
    weak = next(line for line in details.splitlines() if line.startswith("Drill my weak points"))
    assert f"1 of them given with “{bank.name}”, the bank this one was copied from" in weak, details
    picked = recap_lines(recap, banks.find, labels=labels, picked=mine.id)[1]    # as Practice shows it
    assert picked.count(f"“{mine.name}”") == 1 and "You skipped" in picked, picked     # in the session's line

    progress = service.progress(mine.id)
    assert progress["copied"] == [{"bank_id": bank.id, "answers": 2, "drills": 0, "follow_ups": 0}], progress["copied"]
    assert service.progress(bank.id)["copied"] == []
    assert copied_text(progress["copied"], mine.id, banks.find, labels) == (
        f"Includes 2 answers given with “{bank.name}”, the bank this one was copied from.")
    assert service.progress(mine.id, rnd.prompts[2].id)["copied"] == [{"bank_id": bank.id, "answers": 1, "drills": 0,
                                                                         "follow_ups": 0}]


def test_a_copys_last_time_says_it_was_given_with_the_bank_it_was_copied_from(bank, banks, access, session):
    """Walk17: a copy's feedback said "Last time 15 (earlier today) → now 54 (+39)" where the 15 was given with the
    original bank; it says so, by name. The original's own last time, and a round's, say which bank the same way."""
    from voiceprep.app.recap import last_given_with, since_last_time

    service = HistoryService(access, banks.lineage)
    mine = banks.find(f"{bank.id}-mine")
    prompt = bank.prompt("hardest-problem")
    before = session.save_typed(bank, prompt, "I fixed some locks in the matching engine.")
    after = session.save_typed(mine, mine.prompt(prompt.id), "Lock contention: I proposed the LMAX Disruptor.")
    last = service.previous_answer(after.attempt_id)
    origin = last_given_with(last, mine.id, banks.find, banks.labels())
    assert origin == f"“{bank.name}”, the bank this one was copied from"
    was = round(before.analysis.overall)
    assert since_last_time(last, 54.0, origin=origin) == \
        f"Last time {was} (earlier today, with “{bank.name}”, the bank this one was copied from) → now 54 " + \
        (f"({'+' if was < 54 else '−'}{abs(54 - was)})" if was != 54 else "(the same)")
    again = session.save_typed(bank, prompt, "Locks again.")
    own = service.previous_answer(again.attempt_id)
    assert own is not None and last_given_with(own, bank.id, banks.find, banks.labels()) == ""
    assert "copied from" not in (since_last_time(own, 50.0) or "")
    rnd = bank.rounds[0]
    pk = session.start_round(bank, rnd)
    session.finish_round(pk, {"overall": 20.0, "answered": 1, "total": 1, "skipped": []})
    run = service.previous_round(session.start_round(mine, mine.round(rnd.id)))
    assert run is not None and last_given_with(run, mine.id, banks.find, banks.labels()) == origin


def test_a_copy_of_a_copy_names_the_bank_its_answers_were_given_with(bank, banks, access, session):
    """Session 20: a copy of a copy takes in its grand-origin's answers (its lineage), but Welcome back named only its
    direct parent ("1 of them given with “Airwallex (my copy)”, the bank it was copied from", given with Airwallex),
    and Progress and "Last time" called the grand-origin "the bank this one was copied from". One wording, in
    recap.copied_from_text, names the bank each answer was given with and how this one was copied from it."""
    from voiceprep.app.recap import copied_from_text, copied_text, last_given_with, recap_lines, since_last_time

    mine = banks.find(f"{bank.id}-mine")
    again = parse_bank(BankDocument.copy_of((BANKS / "airwallex.toml").read_text(encoding="utf-8"), "mine-again",
                                            "My copy again", origin=mine.id).text(), "copy")
    banks.banks.append(again)
    assert banks.lineage(again.id) == (again.id, mine.id, bank.id)
    labels = {b.id: b.name for b in banks.banks}
    service = HistoryService(access, banks.lineage)
    prompt = bank.prompt("hardest-problem")
    vague = "I think it was fine, we did a lot of things and it went well."
    before = session.save_typed(bank, prompt, vague)
    a_day_back(access, before.attempt_id)
    after = session.save_typed(again, again.prompt(prompt.id), vague)
    through = f"“{bank.name}”, the bank this one was copied from by way of “{mine.name}”"
    assert copied_from_text(bank.id, again.id, banks.find, labels) == through
    assert copied_from_text(mine.id, again.id, banks.find, labels) == f"“{mine.name}”, the bank this one was copied from"
    # Welcome back
    recap = service.recap()
    assert recap["weakest"]["bank_id"] == again.id and recap["weakest"]["given_with"] == {bank.id: 1}, recap
    weak = next(line for line in recap_lines(recap, banks.find, labels=labels)[1].splitlines()
                if line.startswith("Drill my weak points"))
    assert f"(covered in 0 of 2 recent answers, 1 of them given with {through})" in weak, weak
    # Progress
    assert copied_text(service.progress(again.id)["copied"], again.id, banks.find, labels) == \
        f"Includes 1 answer given with {through}."
    # Last time
    origin = last_given_with(service.previous_answer(after.attempt_id), again.id, banks.find, labels)
    assert origin == through
    said = since_last_time(service.previous_answer(after.attempt_id), 54.0, origin=origin) or ""
    assert said.startswith(f"Last time {round(before.analysis.overall)} (yesterday, with {through}) → now 54"), said
    # with answers given with both: each named with its own words
    session.save_typed(mine, mine.prompt(prompt.id), vague)
    assert copied_text(service.progress(again.id)["copied"], again.id, banks.find, labels) == (
        f"Includes 1 answer given with “{mine.name}”, the bank this one was copied from, and 1 answer with {through}.")


def test_a_follow_up_is_counted_apart_from_answers_on_every_screen(bank, banks, access, session):
    """Walk19: Progress "4 answers and 1 follow-up … Includes 4 answers given with “Airwallex — …”" and Welcome back
    "(4 on “Airwallex — …”; 1 on …)" for 3 answers and 1 follow-up; History's status "4 answers". One count
    (app.scored.answers_text) everywhere."""
    from voiceprep.app.recap import copied_text, recap_lines
    from voiceprep.app.scored import rows_text

    service = HistoryService(access, banks.lineage)
    mine = banks.find(f"{bank.id}-mine")
    prompt = bank.rounds[0].prompts[0]
    vague = "I think it was fine, we did a lot of things and it went well."
    session.save_typed(bank, prompt, vague)
    session.save_typed(bank, prompt, vague, drill=[prompt.key_points[-1].label], follow_up=["And then?"])
    session.save_typed(mine, mine.prompt(prompt.id), vague)
    labels = {b.id: b.name for b in banks.banks}
    copied = service.progress(mine.id)["copied"]
    assert copied_text(copied, mine.id, banks.find, labels) == (
        f"Includes 1 answer and 1 follow-up given with “{bank.name}”, the bank this one was copied from.")
    details = recap_lines(service.recap(), banks.find, labels=labels)[1]
    assert f"(1 answer and 1 follow-up on “{bank.name}”; 1 answer on “{mine.name}”)" in details, details
    assert rows_text(service.attempts(bank=bank.id)) == "1 answer and 1 follow-up"


def test_the_welcome_speaks_of_the_copy_in_use_for_its_drill_its_average_and_the_origins_round(bank, banks, access,
                                                                                                session):
    """walk55: a round on the origin (60), then a question again on the copy, with the copy in the picker: Welcome
    back said "Drill my weak points on “<origin>” brings it back" and put the best-try average of both banks (75)
    beside the round's 60 without a word. The weakest point is the copy's (its weak points take the origin's answers
    in), the average says it takes in the origin's answers, and the round says it was the origin's, without the
    copy's answers."""
    from voiceprep.app.recap import recap_lines

    service = HistoryService(access, banks.lineage)
    mine = banks.find(f"{bank.id}-mine")
    rnd = bank.rounds[0]
    vague = "I think it was fine, we did a lot of things and it went well."
    pk = session.start_round(bank, rnd)
    for prompt in rnd.prompts[:2]:
        session.save_typed(bank, prompt, vague, rnd.id, pk)
    session.finish_round(pk, {"overall": 5.0, "answered": 2, "total": 2, "skipped": []})
    session.save_typed(mine, mine.prompt(rnd.prompts[0].id), "Our matching engine had lock contention, so I proposed "
                       "the LMAX Disruptor: a ring buffer with a single writer. Latency fell by forty percent.")
    recap = service.recap()
    assert recap["weakest"]["bank_id"] == mine.id and recap["bank_id"] == mine.id, recap["weakest"]
    labels = {b.id: b.name for b in banks.banks}
    details = recap_lines(recap, banks.find, labels=labels, picked=mine.id)[1]
    weak = next(line for line in details.splitlines() if line.startswith("Drill my weak points"))
    assert weak.startswith("Drill my weak points asks next: ") and weak.endswith(" on the bank chosen above."), details
    assert f"Drill my weak points on “{bank.name}”" not in details, details
    average = next(line for line in details.splitlines() if line.startswith("Last session"))
    assert f", with “{bank.name}”, the bank this one was copied from: " in average, details
    the_round = next(line for line in details.splitlines() if line.startswith("Round score"))
    assert the_round.startswith(f"Round score of “{rnd.title}” on “{bank.name}”, without your answers on this copy"), \
        details
    # the origin picked: said as before, nothing of a copy
    plain = recap_lines(recap, banks.find, labels=labels, picked=bank.id)[1]
    assert "without your answers on this copy" not in plain and "the bank this one was copied from:" not in plain, plain
