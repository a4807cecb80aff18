"""mendM's leftover: on a bank where no competency counts delivery, the feedback view says how it was said is coached,
not scored, with the Delivery cards to work on; `voiceprep score` (text and --json) and the Markdown export did not.
One rule now (`wording.delivery_not_scored_lines`) for all of them."""

from __future__ import annotations

import json

from tests.core.analysis.test_delivery import spoken
from voiceprep.cli.main import main

# walk60's rambling Q2 (tests/gui/widgets/test_feedback.py), fillers in nearly every phrase
RAMBLING = ("Um, so, okay, the Postgres schema. Um, so we had, uh, we had this, um, this ledger, and, um, it was kind "
            "of a double entry ledger, um, where every, um, movement of money was, uh, two rows, a debit and a credit. "
            "And we kept the amounts as, um, integers, in cents, uh, because, um, floats are bad for money. Um, and the "
            "entries were, um, append only, we never, uh, updated them. Um, every night, um, the processor sent us a "
            "settlement file, and, um, we had to, uh, match every line of that file against our own records.")
SAID = "Not in this score: how you said it. This job's competencies are all about what you say"
WORK_ON = "To work on in how you said it: Fillers — "


def _score(tmp_path, capsys, bank: str, prompt: str, *extra: str) -> str:
    path = tmp_path / "t.json"
    path.write_text(json.dumps(spoken(RAMBLING, 60.0).to_dict()))
    assert main(["score", "--bank", bank, "--prompt", prompt, "--transcript-json", str(path), *extra]) == 0
    return capsys.readouterr().out


def test_score_says_delivery_is_not_in_the_score_beside_it(tmp_path, capsys):
    out = _score(tmp_path, capsys, "senior-backend-payments", "postgres-reconciliation")
    assert out.count(SAID) == 1, out
    head = out.split("Key points:")[0]           # under the scores, before the key points, as the feedback says it
    assert SAID in head and WORK_ON in head and head.index(SAID) < head.index(WORK_ON), out
    assert "most often “um”" in head.split(WORK_ON)[1], out
    other = _score(tmp_path, capsys, "airwallex", "why-airwallex")      # a competency there holds delivery
    assert "Not in this score" not in other and WORK_ON not in other, other


def test_score_json_says_it_in_one_added_key_and_keeps_its_shape(tmp_path, capsys):
    doc = json.loads(_score(tmp_path, capsys, "senior-backend-payments", "postgres-reconciliation", "--json"))
    assert {"bank", "prompt_id", "key_points", "coverage", "competencies", "overall", "delivery", "delivery_scores",
            "delivery_shown", "follow_ups", "off_topic", "judge"} <= set(doc)
    assert isinstance(doc["competencies"], dict) and all({"hit", "evidence"} <= set(k) for k in doc["key_points"])
    assert doc["delivery_not_scored"]["said"].startswith(SAID), doc["delivery_not_scored"]
    assert doc["delivery_not_scored"]["work_on"].startswith(WORK_ON), doc["delivery_not_scored"]
    other = json.loads(_score(tmp_path, capsys, "airwallex", "why-airwallex", "--json"))
    assert other["delivery_not_scored"] is None


def test_the_export_says_delivery_is_not_in_the_score(tmp_path, capsys):
    _score(tmp_path, capsys, "senior-backend-payments", "postgres-reconciliation", "--save")
    _score(tmp_path, capsys, "airwallex", "why-airwallex", "--save")
    assert main(["history", "export", "--all", "--format", "md"]) == 0
    text = capsys.readouterr().out
    payments, airwallex = sorted(text.split("\n## ")[1:], key=lambda part: "Postgres" not in part.split("\n")[0])
    assert payments.count(SAID) == 1 and WORK_ON in payments, payments
    assert payments.index("/ 100") < payments.index(SAID) < payments.index(WORK_ON) < payments.index("### Key points")
    assert "Not in this score" not in airwallex and WORK_ON not in airwallex, airwallex
