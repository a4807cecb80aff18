"""Which try of a question counts on Progress (queries.BEST_OF_DAY): the best of a day, per question, a question
being a prompt in a bank (or in a bank of its lineage)."""

from __future__ import annotations

import pytest

from voiceprep.core.history import queries


def row(bank: str, prompt: str, when: str, overall: float) -> dict:
    return {"bank_id": bank, "prompt_id": prompt, "started_at": f"2026-12-05T{when}:00+00:00", "overall": overall,
            "drill": None}


def test_two_banks_sharing_a_prompt_id_are_two_questions():
    """review34 finding 8: the best try of a day was keyed by prompt id and day, without the bank: two banks that
    share a prompt id ("why-us"), answered the same day, hid the lower answer from "Am I improving?"."""
    rows = [row("acme", "why-us", "10:00", 80.0), row("globex", "why-us", "11:00", 40.0)]
    assert queries.outscored(rows) == [False, False]


def test_a_lower_retry_of_the_same_question_the_same_day_is_not_counted():
    rows = [row("acme", "why-us", "10:00", 80.0), row("acme", "why-us", "11:00", 40.0),
            row("acme", "why-us", "12:00", 80.0)]                     # a tie: the later one counts
    assert queries.outscored(rows) == [True, True, False]


def test_a_copied_banks_answers_count_with_those_of_the_bank_it_was_copied_from():
    lineage = {"acme-copy": ("acme-copy", "acme"), "acme": ("acme",), "globex": ("globex",)}.__getitem__
    rows = [row("acme", "why-us", "10:00", 80.0), row("acme-copy", "why-us", "11:00", 40.0),
            row("globex", "why-us", "12:00", 30.0)]
    assert queries.outscored(rows, lineage) == [False, True, False]


# -- every surface counts by it (fixAR): the key-point table and weak points, `history stats`, Welcome back ---------

def _store(history, bank, text: str, when: str, prompt_id: str = "hardest-problem") -> int:
    from voiceprep.app.judging import attempt_record
    from voiceprep.core.analysis.analyze import analyze_answer
    from voiceprep.core.history.store import TRANSCRIBING, TYPED
    from voiceprep.core.transcript import Transcript

    prompt = bank.prompt(prompt_id)
    attempt = history.begin_attempt(bank, prompt, state=TRANSCRIBING, input=TYPED, text=text)
    history.finish_attempt(attempt, attempt_record(analyze_answer(bank, prompt, Transcript.from_text(text)), TYPED))
    history.db.execute("UPDATE attempts SET started_at = ? WHERE id = ?", [when, attempt])
    history.db.conn.commit()
    return attempt


def _retried(history, bank) -> tuple[int, int]:
    """A strong answer, then a mistaken retry (WEAK) later the same day: (strong, weak)."""
    from tests.core.history.conftest import STRONG, WEAK
    return (_store(history, bank, STRONG, "2026-12-04T10:00:00+00:00"),
            _store(history, bank, WEAK, "2026-12-04T10:05:00+00:00"))


def test_the_key_point_table_and_weak_points_count_a_days_best_try(history, bank):
    strong, weak = _retried(history, bank)
    hits = {k["key_point_id"] for k in queries.get_attempt(history, strong)["key_points"] if k["hit"]}
    assert hits and hits != {k["key_point_id"] for k in queries.get_attempt(history, weak)["key_points"] if k["hit"]}
    rates = queries.key_point_rates(history, "airwallex")
    assert all(r["attempts"] == 1 and r["hits"] == (r["key_point_id"] in hits) for r in rates), rates
    assert {r["key_point_id"] for r in queries.weak_points(history, "airwallex", limit=10)}.isdisjoint(hits)
    # the same answers on two days: both count
    history.db.execute("UPDATE attempts SET started_at = '2026-12-03T10:00:00+00:00' WHERE id = ?", [strong])
    history.db.conn.commit()
    assert all(r["attempts"] == 2 for r in queries.key_point_rates(history, "airwallex"))


def test_history_stats_competencies_and_average_count_a_days_best_try(history, bank):
    strong, _ = _retried(history, bank)
    best = queries.get_attempt(history, strong)
    s = queries.stats(history, "airwallex")
    assert s["attempts"] == 2 and s["retries"] == 1
    assert s["avg_overall"] == pytest.approx(best["overall"]) and s["recent"]["answers"] == 1
    for cid, c in s["competencies"].items():
        assert (c["answers"], c["latest"]) == (1, best["competencies"][cid]), (cid, c)
        assert c["average"] == pytest.approx(best["competencies"][cid])


def test_two_banks_sharing_a_prompt_id_count_both_in_stats(history, bank):
    """Per bank: another bank's answer to a prompt of the same id, the same day, is another question."""
    from dataclasses import replace

    from tests.core.history.conftest import STRONG, WEAK
    _store(history, bank, STRONG, "2026-12-04T10:00:00+00:00")
    _store(history, replace(bank, job=replace(bank.job, id="globex")), WEAK, "2026-12-04T10:05:00+00:00")
    s = queries.stats(history)
    assert s["retries"] == 0 and set(s["competencies_by_bank"]) == {"airwallex", "globex"}
    assert len(queries.key_point_rates(history, "globex")) and all(
        r["attempts"] == 1 for r in queries.key_point_rates(history, "airwallex"))


def test_welcome_back_averages_each_questions_best_try_and_says_so(history, bank):
    from voiceprep.app.recap import recap_lines

    strong, _ = _retried(history, bank)
    recap = queries.recap(history)
    assert recap is not None and (recap["answers"], recap["whole"], recap["tries"]) == (2, 1, 2)
    best = queries.get_attempt(history, strong)["overall"]
    assert recap["average"] == pytest.approx(best)
    details = recap_lines(recap, {bank.id: bank}.get)[1]
    assert f"Score of your one question, by its best try of 2 tries: {best:.0f}." in details, details
