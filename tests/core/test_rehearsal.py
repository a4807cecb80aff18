from __future__ import annotations

import pytest

from tests.conftest import BANKS
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.banks import load_bank
from voiceprep.core.rehearsal import Rehearsal
from voiceprep.core.transcript import Transcript


def test_walks_the_round_in_order_and_summarises():
    bank = load_bank(BANKS / "senior-backend-payments.toml")
    r = Rehearsal.for_round(bank, bank.round("round-02"))
    seen = [r.current.id]
    while (p := r.next()) is not None:
        seen.append(p.id)
    assert seen == ["kafka-payments", "postgres-reconciliation", "payments-domain", "python-services"]
    r.record(analyze_answer(bank, bank.prompt("kafka-payments"), Transcript.from_text("Kafka idempotency keys")))
    s = r.summary()
    assert s.answered == 1 and s.total == 4 and "distributed_systems_design" in s.competencies


def test_weak_point_drill_needs_history():
    bank = load_bank(BANKS / "airwallex.toml")
    with pytest.raises(ValueError, match="rehearse a round first"):
        Rehearsal.for_weak_points(bank, [])
    drill = Rehearsal.for_weak_points(bank, [{"prompt_id": "hardest-problem"}, {"prompt_id": "why-airwallex"}])
    assert [p.id for p in drill.prompts] == ["why-airwallex", "hardest-problem"]
    focused = Rehearsal.for_weak_points(bank, [{"prompt_id": "hardest-problem", "key_point_id": "disruptor"}])
    assert focused.focus_note is not None and "• Name the LMAX Disruptor" in focused.focus_note
    assert drill.focus_note is None                      # no weak point named: nothing to single out
