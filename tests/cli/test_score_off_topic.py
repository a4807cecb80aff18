"""mendJ (fixDJ's leftover): the feedback view stopped praising the delivery of an answer about something else
(walk58 5), but `voiceprep score` (text and --json) and the history's export (`history show`, Markdown) still
listed its cards under "Delivery" with "ok" marks. One rule now (`wording.delivery_shown`) for all three."""

from __future__ import annotations

import json

from tests.core.analysis.test_delivery import spoken
from voiceprep.cli.main import main
from voiceprep.core.wording import OFF_TOPIC_DELIVERY, OFF_TOPIC_DELIVERY_HEADING

# fixDJ's 20 s sourdough story told to "Why Airwallex?" (tests/gui/widgets/test_feedback.py)
TALK = ("Last weekend I baked a sourdough loaf. The starter needs feeding twice a day, and the dough rests overnight "
        "in the fridge. In the morning you shape it, score the top, and bake it in a hot cast iron pot for about "
        "forty minutes until the crust is dark.")
ON = ("Airwallex moves money across borders for businesses, and I want to build the global payments infrastructure "
      "that makes that fast and reliable, because fintech at this scale excites me.")
OFF_LINE = "This answer talked about something else"


def _score(tmp_path, capsys, text: str, seconds: float, *extra: str) -> str:
    path = tmp_path / "t.json"
    path.write_text(json.dumps(spoken(text, seconds).to_dict()))
    assert main(["score", "--bank", "airwallex", "--prompt", "why-airwallex", "--transcript-json", str(path),
                 *extra]) == 0
    return capsys.readouterr().out


def test_score_says_an_off_topic_answers_delivery_is_no_praise(tmp_path, capsys):
    out = _score(tmp_path, capsys, TALK, 20.0)
    head, _, cards = out.partition(f"\n{OFF_TOPIC_DELIVERY_HEADING}:\n")
    assert cards and OFF_TOPIC_DELIVERY in cards and "\nDelivery:\n" not in out, out
    assert not any(line.startswith("  ok ") for line in out.splitlines()), out          # no card marked as praise
    assert f"!! {OFF_LINE}" in head.split("Key points:")[0] and out.count(OFF_LINE) == 1, out  # said once, first
    on = _score(tmp_path, capsys, ON, 14.0)
    assert "\nDelivery:\n" in on and any(line.startswith("  ok ") for line in on.splitlines()), on
    assert OFF_TOPIC_DELIVERY_HEADING not in on and OFF_LINE not in on


def test_score_json_adds_the_cards_as_shown_and_keeps_its_shape(tmp_path, capsys):
    off = json.loads(_score(tmp_path, capsys, TALK, 20.0, "--json"))
    on = json.loads(_score(tmp_path, capsys, ON, 14.0, "--json"))
    assert off["off_topic"] and not on["off_topic"]
    assert any(f["status"] == "good" for f in off["delivery"]["findings"])             # as measured, unchanged
    shown = off["delivery_shown"]
    assert shown["heading"] == OFF_TOPIC_DELIVERY_HEADING and shown["note"] == OFF_TOPIC_DELIVERY
    assert shown["findings"] and not any(f["status"] == "good" for f in shown["findings"])
    assert {"bank", "prompt_id", "key_points", "coverage", "competencies", "overall", "delivery", "delivery_scores",
            "follow_ups", "off_topic", "judge"} <= set(off)
    assert on["delivery_shown"]["heading"] == "Delivery" and on["delivery_shown"]["note"] is None
    assert any(f["status"] == "good" for f in on["delivery_shown"]["findings"])


def test_the_export_says_an_off_topic_answers_delivery_is_no_praise(tmp_path, capsys):
    _score(tmp_path, capsys, TALK, 20.0, "--save")
    _score(tmp_path, capsys, ON, 14.0, "--save")
    assert main(["history", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert main(["history", "export", "--all", "--format", "md"]) == 0
    text = capsys.readouterr().out
    off, on = sorted(text.split("\n## ")[1:], key=lambda part: OFF_LINE not in part)
    assert len(rows) == 2 and OFF_LINE in off and OFF_LINE not in on
    assert f"### {OFF_TOPIC_DELIVERY_HEADING}\n\n*{OFF_TOPIC_DELIVERY}*" in off and "### Delivery" not in off, off
    assert off.index(OFF_LINE) < off.index("### Key points") and off.count(OFF_LINE) == 1, off
    assert "### Delivery" in on and OFF_TOPIC_DELIVERY_HEADING not in on, on
