"""Which try of a question counts on Progress (queries.BEST_OF_DAY): the best of a day, per question, a question
being a prompt in a bank (or in a bank of its lineage)."""

from __future__ import annotations

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
