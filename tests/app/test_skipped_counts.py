"""A question skipped in a round is not answered (issue 11: never full marks). Its round's summary and score count it
as not answered, 0 (walkthrough 13: Progress showed a competency whose only question was skipped at 100). Everything
History computes after the round leaves it out of its averages and counts it apart (core.history.skipped, one rule):
the average per answer (walk19: "Average per answer, before follow-ups: 40" was 100, 33, 0 and 29 over 4), Progress's
charts (walk56), Welcome back, and `history stats`' competencies (session 41: they alone still averaged it in as 0)."""

from __future__ import annotations

from tests.conftest import BANKS
from voiceprep.core.banks import load_bank
from voiceprep.core.rehearsal import Rehearsal

KAFKA = ("We used Kafka topics with partitions and consumer groups, idempotency keys to deduplicate, and a dead "
         "letter queue with exponential backoff.")
LEDGER = "A double entry ledger with amounts as integers, EXPLAIN ANALYZE and indexes."


def test_a_skipped_question_is_in_no_average_and_is_counted_apart(session, service):
    bank = load_bank(BANKS / "senior-backend-payments.toml")
    rnd = bank.round("round-02")
    r = Rehearsal.for_round(bank, rnd)
    pk = session.start_round(bank, rnd)
    scores = []
    for text in (KAFKA, LEDGER):                  # two answered; payments-domain and python-services skipped
        saved = session.save_typed(bank, r.current, text, rnd.id, pk)
        r.record(saved.analysis)
        scores.append(saved.analysis.overall)
        r.next()
    r.next()
    summary = r.summary()
    session.finish_round(pk, summary.to_dict())
    assert summary.skipped == ["payments-domain", "python-services"]
    # backend_architecture is python-services' competency; the Kafka answer hit its one point there (100 alone)
    stats = service.stats(bank.id)
    arch = stats["competencies"]["backend_architecture"]
    assert summary.competencies["backend_architecture"] < 100
    # the round counts the skip as 0; stats leave it out of the competency (the Kafka answer's 100 alone), counted apart
    assert (arch["average"], arch["latest"], arch["attempts"], arch["answers"], arch["skipped"]) == (100, 100, 1, 1, 1)
    expected = round(sum(scores) / 2, 1)          # two answers; the two skips are no answers (walk19)
    assert stats["avg_overall"] == expected and stats["skipped"] == 2
    assert stats["recent"]["overall"] == expected     # the same answers, the same average
    recap = service.recap()
    assert round(recap["average"], 1) == expected and recap["skips"] == 2
    series = service.trends(bank.id)
    assert [row["prompt_id"] for row in series if row.get("skipped")] == ["payments-domain", "python-services"]
    skips = [row for row in series if row.get("skipped")]   # a skip carries no score: nothing to average in
    assert all(row["overall"] is None and row["coverage"] is None for row in skips)
    assert skips[-1]["competencies"] and set(skips[-1]["competencies"].values()) == {None}
    assert service.stats(bank.id, "python-services")["avg_overall"] is None   # the question alone: no answer


def test_a_round_whose_answers_were_deleted_no_longer_counts_its_skipped_questions(session, service):
    """Review 17: deleting a session's answers in History left its round's skipped questions counted as 0 in
    Progress ("average 0 per answer (2 skipped questions counted as 0)" with no answer left), and nothing deletes a
    round. Once none of a round's answers is left, its skips go with them; a round skipped through with no answer
    still counts them, as its summary does."""
    bank = load_bank(BANKS / "senior-backend-payments.toml")
    rnd = bank.round("round-02")
    ids = []
    for answered in ((KAFKA, LEDGER), ()):          # one round with two answers and two skips, one skipped through
        r = Rehearsal.for_round(bank, rnd)
        pk = session.start_round(bank, rnd)
        for text in answered:
            saved = session.save_typed(bank, r.current, text, rnd.id, pk)
            ids.append(saved.attempt_id)
            r.record(saved.analysis)
            r.next()
        session.finish_round(pk, r.summary().to_dict())
    assert service.stats(bank.id)["skipped"] == 2 + len(rnd.prompts)
    assert service.delete(ids) == 2
    stats = service.stats(bank.id)
    assert stats["skipped"] == len(rnd.prompts) and stats["avg_overall"] is None    # the one skipped through
    # its competencies have skips and no answer: no average, no latest (it read "latest 0 average 0")
    assert stats["competencies"] and all((c["answers"], c["attempts"], c["average"], c["latest"]) == (0, 0, None, None)
                                         and c["skipped"] for c in stats["competencies"].values())
    assert len([row for row in service.trends(bank.id) if row.get("skipped")]) == len(rnd.prompts)


def test_a_round_reopened_after_its_last_skip_was_undone_counts_as_left_not_finished(session, service):
    """Review of session 17: Undo skip on the last question, then leaving without answering it (another round, the
    app closed), kept the round stored as finished with that question skipped: Progress and the welcome back
    counted a skip the candidate took back, and the round's next run compared with it. A round reopened (its
    summary taken back) is one left before its end, as any round left unfinished: its answers count, it has no
    skips and no score, and it is no "last time"."""
    bank = load_bank(BANKS / "senior-backend-payments.toml")
    rnd = bank.round("round-02")
    r = Rehearsal.for_round(bank, rnd)
    pk = session.start_round(bank, rnd)
    saved = session.save_typed(bank, r.current, KAFKA, rnd.id, pk)
    r.record(saved.analysis)
    while r.next():
        pass
    session.finish_round(pk, r.summary().to_dict())
    assert service.stats(bank.id)["skipped"] == len(rnd.prompts) - 1
    session.reopen_round(pk)
    stats = service.stats(bank.id)
    assert stats["skipped"] == 0 and stats["attempts"] == 1 and stats["avg_overall"] == round(saved.analysis.overall, 1)
    row = session.history().read("SELECT finished_at, summary_json FROM rounds WHERE id = ?", [pk])[0]
    assert row == {"finished_at": None, "summary_json": None}
    assert service.previous_round(session.start_round(bank, rnd)) is None
    assert service.recap()["round"] is None and service.recap()["skips"] == 0
