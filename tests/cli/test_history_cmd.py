from __future__ import annotations

import json

from voiceprep.cli.main import main

ANSWER = ("I proposed the LMAX Disruptor: a ring buffer with a single writer, lock free. "
          "Latency fell forty percent.")


def test_score_save_then_history_commands(tmp_path, capsys):
    answer = tmp_path / "a.txt"
    answer.write_text(ANSWER)
    for _ in range(2):
        assert main(["score", "--bank", "airwallex", "--prompt", "hardest-problem", "--text-file", str(answer),
                     "--save"]) == 0
    capsys.readouterr()
    assert main(["history", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 2 and rows[0]["prompt_id"] == "hardest-problem"
    assert main(["history", "search", "ring", "buffer"]) == 0
    assert "[ring] [buffer]" in capsys.readouterr().out
    assert main(["history", "stats", "--bank", "airwallex"]) == 0
    assert "Most missed in airwallex" in capsys.readouterr().out
    assert main(["history", "compare", str(rows[1]["id"]), str(rows[0]["id"])]) == 0
    assert "overall" in capsys.readouterr().out
    out = tmp_path / "export.json"
    assert main(["history", "export", "--all", "--format", "json", "--out", str(out)]) == 0
    assert main(["history", "delete", str(rows[0]["id"])]) == 0
    assert main(["history", "import", str(out)]) == 0
    assert "imported 1 attempt(s); 1 already present" in capsys.readouterr().out
    assert main(["history", "show", "999"]) == 1
    assert "no attempt 999" in capsys.readouterr().err


def test_score_json_has_the_documented_shape(tmp_path, capsys):
    answer = tmp_path / "a.txt"
    answer.write_text(ANSWER)
    assert main(["score", "--bank", "airwallex", "--prompt", "hardest-problem", "--text-file", str(answer),
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"bank", "prompt_id", "transcript", "key_points", "coverage", "competencies", "overall",
                         "delivery", "follow_ups"}
    kp = data["key_points"][0]
    assert set(kp) >= {"id", "label", "hit", "confidence", "cue", "evidence"}
    assert set(data["delivery"]) >= {"duration_s", "wpm", "fillers", "long_pauses", "repeated_phrases", "hedges",
                                     "numbers", "star", "ownership"}
    assert set(data["delivery"]["fillers"]) >= {"total", "per_minute", "by_word", "approximate"}
    mech = next(k for k in data["key_points"] if k["id"] == "mechanics")
    assert mech["hit"] and "ring buffer" in mech["evidence"]["text"]   # evidence: the sentence that carried it


def test_score_unknown_bank_or_prompt_is_one_line(capsys, tmp_path):
    answer = tmp_path / "a.txt"
    answer.write_text(ANSWER)
    assert main(["score", "--bank", "nope", "--prompt", "x", "--text-file", str(answer)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no bank 'nope'" in err
    assert main(["score", "--bank", "airwallex", "--prompt", "nope", "--text-file", str(answer)]) == 1
    assert "has no prompt 'nope'" in capsys.readouterr().err
