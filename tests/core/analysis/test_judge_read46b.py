"""read46b's findings on judge93/judge94's set-aside rules, typed through the real judge: a "without X" label whose
burden the bank wrote no cue for ("without data loss") is judged by meaning, not set aside for never saying "loss";
and the floor's denial veto reads only the words after the denial ("I got sign-off from information governance before
we started so nobody could say we did not follow the rules" names the point told)."""
from __future__ import annotations

import pytest

from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.banks import load_bank
from voiceprep.core.transcript import Transcript

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

BANK = """schema = 1

[job]
id = "platform"
title = "Platform Engineer"

[[rounds]]
id = "r1"
title = "Round 1"

[[rounds.prompts]]
id = "migration"
text = "Tell me about a migration you led."
target_seconds = 120

[[rounds.prompts.key_points]]
id = "no-loss"
label = "Moved the ledger to Postgres without data loss"
cues = ["postgres", "dual-wrote|dual writes|wrote to both", "backfill"]
min_cues = 3

[[rounds.prompts.key_points]]
id = "cutover"
label = "Explain how I planned the cutover"
"""

ANSWER = ("We moved the payments ledger from the old Oracle box to Postgres last spring. For a month we wrote to both "
          "stores on every transaction and compared every account balance each night, and when we switched over not a "
          "single entry went missing, every balance matched to the cent.")


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    path = tmp_path_factory.mktemp("read46b") / "platform.toml"
    path.write_text(BANK, encoding="utf-8")
    return load_bank(path)


def test_a_burden_the_bank_wrote_no_cue_for_is_judged_by_meaning(bank):
    """read46b 1: with no cue naming "data loss", a told "not a single entry went missing" was set aside below
    min_cues (two of three cues said) because the answer never says "data" or "loss"."""
    a = analyze_answer(bank, bank.prompt("migration"), Transcript.from_text(ANSWER))
    assert a.judge.method == "semantic", a.judge.message
    r = {r.key_point.id: r for r in a.key_points}["no-loss"]
    assert r.hit, (r.judgement.probability, r.judgement.unit, [m.cue for m in r.matches])
