"""walk42 7: right after a key point was reworded or added and the bank saved, Progress showed the point's old
wording and no new point until the next answer. It shows the bank as it reads now: the new wording, its answers
marked as judged against an older one, and a new point as "not asked yet"."""

from __future__ import annotations

from dataclasses import replace

from tests.conftest import BANKS
from voiceprep.app.history_service import as_worded_now
from voiceprep.core.banks import load_bank
from voiceprep.core.banks.model import KeyPoint
from voiceprep.core.history.queries import older_wording_text

ANSWER = ("I proposed the LMAX Disruptor: a ring buffer with a single writer, lock free. I benchmarked it and "
          "latency fell forty percent.")


def edited(bank, prompt_id: str, rename: str, to: str, added: KeyPoint):
    return replace(bank, rounds=tuple(replace(r, prompts=tuple(
        replace(p, key_points=(*(replace(k, label=to) if k.id == rename else k for k in p.key_points), added))
        if p.id == prompt_id else p for p in r.prompts)) for r in bank.rounds))


def test_a_point_reworded_or_added_shows_as_the_bank_reads_now(session, service):
    bank = load_bank(BANKS / "airwallex.toml")
    prompt = bank.prompt("hardest-problem")
    session.save_typed(bank, prompt, ANSWER)
    session.save_typed(bank, bank.prompt("why-airwallex"), "I like the company.")
    rates = service.key_point_rates(bank.id)
    renamed = prompt.key_points[-1]
    added = KeyPoint(id="why-not-lock-free", label="Why not a lock-free queue or more shards",
                     cues=("lock-free queue",), competency=renamed.competency)
    now = edited(bank, prompt.id, renamed.id, "The result in numbers: p99 from 4 ms to under 200 microseconds", added)
    shown = as_worded_now(rates, now)
    mine = {r["key_point_id"]: r for r in shown if r["prompt_id"] == prompt.id}
    assert mine[renamed.id]["label"] == "The result in numbers: p99 from 4 ms to under 200 microseconds"
    assert older_wording_text(mine[renamed.id]) == "all of them judged against an older wording"
    assert mine[added.id]["not_asked"] and mine[added.id]["attempts"] == 0 and mine[added.id]["label"] == added.label
    assert [r["key_point_id"] for r in shown][-1] == added.id               # listed after the answered ones
    unchanged = {r["key_point_id"]: r for r in rates}
    for kp in prompt.key_points[:-1]:                                       # the rest as they were
        assert mine[kp.id] == unchanged[kp.id]
    assert not any(r.get("not_asked") for r in shown if r["prompt_id"] != prompt.id)
    assert {r["label"] for r in rates} == {r["label"] for r in service.key_point_rates(bank.id)}   # not changed
    assert as_worded_now(rates, bank) == rates                              # as it was judged: nothing to say


def test_a_question_shown_alone_lists_its_new_point_even_before_any_answer_to_it(service):
    bank = load_bank(BANKS / "airwallex.toml")
    added = KeyPoint(id="new", label="A point written today", cues=("today",), competency=None)
    now = edited(bank, "hardest-problem", "none", "", added)
    shown = as_worded_now([], now, "hardest-problem")
    assert [r["key_point_id"] for r in shown] == [k.id for k in now.prompt("hardest-problem").key_points]
    assert all(r["not_asked"] for r in shown)
