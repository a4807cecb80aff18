"""read52a (session 52): the read-back of judge118, judge119 and mend60/61. A rate told with "before" or "after" and
what it is told of ("one a week after the fix") is still a rate (`quantities._point_in_time`); "I fixed that bug and
wrote ..., and we would add retries" is a plan, not what the speaker told (`segments._told_that`); a thing denied by
its noun phrase takes back only a clause that says the whole phrase (`negation_scope.named_back`). The strict xfails
are findings left for a later session (docs/benchmarks.md, read52a)."""

from __future__ import annotations

import pytest

from voiceprep.core.analysis.keypoints import denied_phrases
from voiceprep.core.analysis.negation_scope import named_back
from voiceprep.core.analysis.quantities import numbers_said
from voiceprep.core.analysis.segments import units
from voiceprep.core.analysis.text import tokenize_text


def words_of(text: str) -> list[str]:
    return text.split(" ")


def said(text: str) -> list[str]:
    raw = text.split()
    return [raw[i] for i in sorted(numbers_said(raw, tokenize_text(text)))]


@pytest.mark.parametrize(("text", "numbers"), [
    ("Jams went from five a day before the fix to one a week after it.", ["five", "one"]),
    ("Complaints fell to one a month after the change.", ["one"]),
    ("Jams went from every day to about one a week on average.", ["one"]),
    ("I kept one a week later.", []),
    ("I kept one a week after.", []),
])
def test_a_rate_followed_by_what_it_is_told_of_is_a_rate(text: str, numbers: list[str]) -> None:
    assert said(text) == numbers


def sentence_hypothetical(text: str) -> frozenset[str]:
    raw = text.split()
    return next(u.hypothetical for u in units(raw) if u.first == 0 and u.last == len(raw) - 1)


def test_a_would_after_the_speakers_next_act_is_a_plan() -> None:
    # "that" a determiner ("that bug"), the past after it the speaker's own next act: no telling, the "would" a plan
    assert sentence_hypothetical("I fixed that bug and wrote the postmortem, and we would add retries with backoff.")
    assert not sentence_hypothetical("I posted straight away that Saturday was understated and it would be right by "
                                     "lunchtime.")


@pytest.mark.xfail(strict=True, reason="read52a 2b: the next act with its own subject ('and I wrote') still reads as "
                                       "what was told; telling needs a verb of telling, left for a judge session")
def test_a_would_after_the_speakers_next_act_with_its_subject_is_a_plan() -> None:
    assert sentence_hypothetical("I fixed that bug and I wrote the postmortem and we would add retries with backoff.")


def test_a_denied_phrase_takes_back_only_a_clause_that_says_all_of_it() -> None:
    words = words_of("i proposed a new approach with an outbox but we didn't use the old approach in the end")
    assert named_back(words, [(0, 7), (8, 16)]) == frozenset()         # "the old approach" is not the new one
    words = words_of("i rewrote the old test suite but we didn't use the old test suite in the end")
    assert named_back(words, [(0, 5), (6, 16)]) == frozenset(range(0, 6))


@pytest.mark.xfail(strict=True, reason="read52a 4b: 'the Disruptor library' is not said whole in 'the LMAX "
                                       "Disruptor', so nothing is taken back (before judge119, its first word was)")
def test_a_denied_thing_named_with_a_longer_phrase_takes_its_clause_back() -> None:
    words = words_of("i prototyped with the lmax disruptor but we didn't use the disruptor library in the end")
    assert named_back(words, [(0, 5), (6, 15)]) == frozenset(range(0, 6))


@pytest.mark.xfail(strict=True, reason="read52a 5: `_coordinated_peer` cannot tell a noun from a modifier: 'no "
                                       "downtime or data loss' denies 'data' alone, so 'two terabytes of data' asserts it")
def test_a_coordinated_noun_is_not_denied_alone() -> None:
    assert ("data",) not in denied_phrases("Migrated with no downtime or data loss")


def test_a_skip_in_the_present_is_a_routine_not_a_step_left_out() -> None:
    from voiceprep.core.analysis.skipped import skipped_by_candidate
    words = words_of("after three retries we skip the poison message and move it to a dead-letter queue")
    assert not skipped_by_candidate(words, 4)
    assert skipped_by_candidate(words_of("we decided to skip canaries"), 3)
    assert skipped_by_candidate(words_of("idempotency keys were something we skipped"), 5)


@pytest.mark.xfail(strict=True, reason="read52a 1b: a skip told in the past is read as a step left out even when it "
                                       "is what the system did ('we skipped the poison message and moved it')")
def test_a_skip_of_a_message_told_in_the_past_is_done() -> None:
    from voiceprep.core.analysis.skipped import skipped_by_candidate
    assert not skipped_by_candidate(words_of("after three retries we skipped the poison message and moved it"), 4)


@pytest.mark.usefixtures("fresh_judge")        # tests/core/analysis/conftest.py
@pytest.mark.xfail(strict=True, reason="read52a 1c: a denial (now a skip too) spreads over a clause joined by 'and' "
                                       "with no subject of its own, as 'We didn't keep the sign-off and reconciled ...' "
                                       "did before judge119")
def test_a_skip_does_not_deny_the_next_act_of_its_sentence() -> None:
    from tests.conftest import BANKS
    from voiceprep.core.analysis.evaluation import judge_hits
    from voiceprep.core.banks import load_bank
    from voiceprep.core.transcript import Transcript
    from voiceprep.settings import AnalysisSettings
    bank = load_bank(BANKS / "senior-backend-payments.toml")
    text = ("We skipped the manual sign-off and reconciled our ledger against the processor's settlement files every "
            "night.")
    hits = judge_hits(Transcript.from_text(text), bank.prompt("postgres-reconciliation"), AnalysisSettings(), bank)
    assert "reconciliation" in hits
