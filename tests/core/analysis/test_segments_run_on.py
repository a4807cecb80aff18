"""A sentence end the recogniser heard as a comma (issue 11, audio46, judge96): "…one account could try an hour, and
every morning we matched the settlement report…" for the said "…try an hour. And every morning we matched…". Read as
its punctuated self, the modal's scope would end at the clause that opens with a coordinator and a short lead before a
subject of its own and tells what happened, and a long run-on would be cut where its full stops were. judge96 measured
both (docs/benchmarks.md); the first (variant L, semantic-78) is taken, the second is not: its strict xfail below is
what such a reading must pass; the others guard what it must keep. The judge's decision on audio46's answer:
test_judge_lost_sentence_end.py."""
from __future__ import annotations

import pytest

from voiceprep.core.analysis.segments import clause_markers, sentence_spans, units

RUN_ON = ("We capped how many cards one account could try an hour, and every morning we matched the settlement report "
          "against our ledger, which is how we caught the acquirer quietly reversing some partial captures.")
PUNCTUATED = RUN_ON.replace("an hour, and every", "an hour. And every")


def words(text: str) -> list[str]:
    return text.split()


def marks_of(text: str, word: str) -> frozenset[str]:
    w = words(text)
    return clause_markers(w)[next(i for i, x in enumerate(w) if x.strip(",.") == word)]


@pytest.mark.parametrize("text", [RUN_ON, PUNCTUATED], ids=["run-on", "punctuated"])
def test_the_modal_of_the_first_sentence_does_not_reach_what_was_done_every_morning(text):
    assert marks_of(text, "could") == {"could"}
    assert not marks_of(text, "matched") and not marks_of(text, "caught")


@pytest.mark.parametrize("lead", ["and if it failed we", "and whoever failed we", "and not once we"])
def test_a_lead_that_is_a_condition_or_a_denial_keeps_the_modal(lead):
    text = f"We could retry the capture from the queue, {lead} paged someone from the payments team."
    assert "could" in marks_of(text, "paged")


@pytest.mark.xfail(strict=True, reason="judge96: variant V measured (a run-on over 40 words cut), not taken")
def test_a_long_run_on_sentence_is_cut_where_its_full_stop_was():
    run_on = ("New rules over the spend threshold got 3D Secure, and we capped how many cards one account could try an "
              "hour, and every morning we matched the settlement report against our ledger, which is how we caught the "
              "acquirer quietly reversing some partial captures.")
    w = words(run_on)
    first = next(i for i, x in enumerate(w) if x == "every") - 1     # the "and" after "an hour,"
    assert (first, len(w) - 1) in sentence_spans(w)
    assert any(u.kind == "sentence" and (u.first, u.last) == (first, len(w) - 1) and not u.hypothetical
               for u in units(w))


@pytest.mark.parametrize("text", [
    "We ran Postgres with a standby, and every quarter we did a failover drill.",
    # 32 words: a written sentence keeps its windows (cut at 24 words, the clause "so I phoned the house supervisor" was
    # read with the "couldn't" after it: dev2 d2d-nm-staff-01 lost `escalate`, judge96's variant T)
    "That still left us tight, so I phoned the house supervisor, told her I couldn't safely take the two admissions "
    "sitting in the ED, and she held them downstairs until day shift.",
])
def test_a_sentence_of_forty_words_or_fewer_stays_one_sentence(text):
    w = words(text)
    assert sentence_spans(w) == [(0, len(w) - 1)]


@pytest.mark.parametrize("lead", ["and the time we", "and the moment we", "and the day they"])
def test_a_noun_after_the_is_no_lead_and_keeps_the_modal(lead):
    """judge98r: "and the time we missed it" opens a noun phrase the clause after it picks out (its relative clause
    said without "that"), not a run-on's next sentence: the modal before it still reaches it."""
    text = f"We could retry the capture from the queue, {lead} paged someone went into the report."
    assert "could" in marks_of(text, "paged")


@pytest.mark.parametrize("lead", ["and every morning we", "and the next day we", "and two weeks later we",
                                  "and in the end we", "and by the end we"])
def test_a_lead_of_its_own_ends_the_modal(lead):
    text = f"We could retry the capture from the queue, {lead} paged someone from the payments team."
    assert not marks_of(text, "paged")


@pytest.mark.parametrize("extra, lead", [(0, True), (1, False)])
def test_a_lead_reaches_as_far_as_its_setting(extra: int, lead: bool) -> None:
    """read47c 4: a lead is at most settings.LEAD_WORDS words (was 3 in the code)."""
    from voiceprep.settings import LEAD_WORDS

    words_before = " ".join(["every", *["single"] * (LEAD_WORDS - 2 + extra), "morning"])
    text = f"We could retry the capture from the queue, and {words_before} we paged someone from the payments team."
    assert (not marks_of(text, "paged")) is lead
