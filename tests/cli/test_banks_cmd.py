from __future__ import annotations

from tests.conftest import BANKS
from tests.core.banks.test_load import GOOD
from voiceprep import __version__
from voiceprep.cli.main import main


def test_version(capsys):
    try:
        main(["--version"])
    except SystemExit as exc:
        assert exc.code == 0
    assert __version__ in capsys.readouterr().out


def test_banks_check_passes_the_bundled_banks(capsys):
    assert main(["banks", "check", *map(str, sorted(BANKS.glob("*.toml")))]) == 0
    out = capsys.readouterr().out
    assert out.count(": OK") == 3


def test_banks_check_fails_with_messages(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text(GOOD.replace('competency = "domain"', 'competency = "nope"'))
    good = tmp_path / "good.toml"
    good.write_text(GOOD)
    assert main(["banks", "check", str(bad), str(good)]) == 1
    out, err = capsys.readouterr()
    # walk48: the problems on stderr, as every other error; what passed on stdout
    assert f"{bad}:" in err and "unknown competency 'nope'" in err and f"{good}: OK" in out and "nope" not in out


def test_banks_check_lists_a_files_problems_from_its_top(tmp_path, capsys):
    """walk48: a misspelt `lable` gave two problems, line 21's printed before line 19's."""
    import re

    bad = tmp_path / "bad.toml"
    bad.write_text(GOOD.replace("label =", "lable =", 1))
    assert main(["banks", "check", str(bad)]) == 1
    lines = [int(m.group(1)) for m in re.finditer(r"bad\.toml:(\d+)", capsys.readouterr().err)]
    assert len(lines) >= 2 and lines == sorted(lines), lines


def test_banks_list_shows_bundled_and_own_banks_with_counts(data_home, capsys):
    (data_home / "banks").mkdir(exist_ok=True)
    (data_home / "banks" / "mine.toml").write_text(GOOD.replace('id = "demo"', 'id = "my-bank"'))
    (data_home / "banks" / "broken.toml").write_text("schema = ")
    assert main(["banks", "list"]) == 0
    out = capsys.readouterr().out
    assert "airwallex" in out and "4 prompts, 23 key points, 4 competencies" in out
    assert "my-bank" in out and "own;" in out
    assert "broken.toml:1" in out
    # `voiceprep banks` alone exited 2 with argparse's "ACTION required"; it lists them, as `history` lists answers
    assert main(["banks"]) == 0
    assert capsys.readouterr().out == out


def test_banks_draft_writes_a_bank_that_passes_check(tmp_path, capsys):
    from tests.core.banks.test_draft import seed

    for number in ("001", "002"):
        job = tmp_path / f"{number}.txt"
        job.write_text(seed(number))
        out = tmp_path / f"{number}.toml"
        assert main(["banks", "draft", str(job), "--out", str(out)]) == 0
        assert main(["banks", "check", str(out)]) == 0
    text = capsys.readouterr().out
    assert "4 prompts" in text and "11 prompts" in text and text.count(": OK") == 2
    assert main(["banks", "draft", str(job), "--out", str(out)]) == 1            # no silent overwrite
    assert "--force" in capsys.readouterr().err
    assert main(["banks", "draft", str(tmp_path / "missing.txt")]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_banks_check_names_a_round_and_prompt_by_id_not_a_zero_based_path(tmp_path, capsys, monkeypatch):
    """walk48: `rounds[0].prompts[0].key_points[1]` had to be counted from zero in the file; the app names a round
    and a prompt, `banks check` now says "round r1, prompt p1, key point 2" (a round with no id: "round 1")."""
    bad = tmp_path / "bad.toml"
    bad.write_text(GOOD.replace('label = "Give the latency result"', 'lable = "Give the latency result"')
                   .replace('competency = "design"', 'competency = "nope"'))
    assert main(["banks", "check", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "round r1, prompt p1, key point 2, lable: unknown field" in err, err
    monkeypatch.setenv("COLUMNS", "60")
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)            # on a terminal: wrapped, as every error
    assert main(["banks", "check", str(bad)]) == 1
    wrapped = capsys.readouterr().err.splitlines()
    assert len(wrapped) > 2 and all(len(line) <= 60 or " " not in line.strip() for line in wrapped), wrapped  # a path: whole
    assert " ".join(" ".join(wrapped).split()) == " ".join(err.split())
    monkeypatch.setattr("sys.stderr.isatty", lambda: False)
    assert "round r1, prompt p1, key point 1, competency: unknown competency 'nope'" in err, err
    assert "[0]" not in err and "[1]" not in err, err
    no_id = tmp_path / "no-id.toml"
    no_id.write_text(GOOD.replace('id = "r1"\n', "", 1).replace('lable', 'label'))
    assert "r1" not in no_id.read_text()
    main(["banks", "check", str(no_id)])
    assert "round 1: missing required field 'id'" in capsys.readouterr().err


def test_banks_list_fits_the_terminal_and_stays_one_line_per_field_when_piped(data_home, capsys, monkeypatch):
    """fixBR wrapped the other commands; `banks list` printed a bank's title and its counts past 80 columns on a
    terminal. Wrapped now, each line's next lines under its column; piped, as before."""
    monkeypatch.setenv("COLUMNS", "64")
    monkeypatch.setattr("sys.stdout.isatty", lambda: False)
    assert main(["banks", "list"]) == 0
    piped = capsys.readouterr().out.splitlines()
    assert max(map(len, piped)) > 64
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main(["banks", "list"]) == 0
    shown = capsys.readouterr().out.splitlines()
    long_words = [line for line in shown if " " not in line.strip()]      # a folder's path is one word: left whole
    assert all(len(line) <= 64 for line in shown if line not in long_words), shown
    assert len(shown) > len(piped) and " ".join(" ".join(shown).split()) == " ".join(" ".join(piped).split())
    titles = [i for i, line in enumerate(shown) if line.startswith("affirm-backend-platform ")]
    assert titles and shown[titles[0] + 1].startswith(" " * 29 + "Platform"), shown   # under its column


def test_a_file_with_the_id_of_a_bank_already_there_is_refused_by_list_and_check(data_home, tmp_path, capsys):
    """Walk50 findings 1 and 6: a friend's file copied in as ward-clash.toml with the id of the candidate's own bank
    was listed in its place (her file refused), and `banks check ward-clash.toml` said OK. The bank already there
    keeps the id; check names it, says the file would not be loaded and what to do, and exits 1."""
    import os

    folder = data_home / "banks"
    folder.mkdir(exist_ok=True)
    mine = folder / "ward-manager.toml"
    mine.write_text(GOOD.replace('title = "Demo"', 'title = "Riverside ward"'))
    assert main(["banks", "list"]) == 0 and "Riverside ward" in capsys.readouterr().out
    friend = tmp_path / "ward-clash.toml"
    friend.write_text(GOOD.replace('title = "Demo"', 'title = "Northgate ward"'))
    assert main(["banks", "check", str(friend)]) == 1
    out, err = capsys.readouterr()
    assert "OK" not in out and f"{friend}: job.id:" in err and str(mine) in err and "Riverside ward" in err
    assert "give it another id (job.id)" in err and "›" not in err and "Import a bank file" not in err   # no GUI words
    assert main(["banks", "check", str(mine)]) == 0 and f"{mine}: OK" in capsys.readouterr().out
    copied = folder / "a-ward-clash.toml"
    copied.write_text(friend.read_text())
    os.utime(copied, (1, 1))                     # first by name and older on disk: still the newcomer
    assert main(["banks", "list"]) == 0
    out = capsys.readouterr().out
    assert "Riverside ward" in out and "Northgate" not in out
    assert f"{copied}: job.id: 'demo' is already the id of “Riverside ward” ({mine.name})" in out
    assert "give it another id (job.id)" in out and "Import a bank file" not in out
    assert f"move it over {mine} to replace that bank (its answers stay)" in out
    assert main(["banks", "check", str(copied)]) == 1 and str(mine) in capsys.readouterr().err


def test_check_of_an_edited_copy_of_her_own_bank_says_it_would_replace_it(data_home, tmp_path, capsys):
    """Review (session 39): `banks check` of her bank edited outside the folder (same id, not yet copied in) told her
    to "import it with Banks › More › Import a bank file…", GUI words on a terminal. It says what copying it in does."""
    folder = data_home / "banks"
    folder.mkdir(exist_ok=True)
    mine = folder / "ward-manager.toml"
    mine.write_text(GOOD.replace('title = "Demo"', 'title = "Riverside ward"'))
    edited = tmp_path / "ward-manager.toml"
    edited.write_text(mine.read_text().replace("Riverside ward", "Riverside ward, edited"))
    assert main(["banks", "check", str(edited)]) == 1
    out, err = capsys.readouterr()
    assert "OK" not in out and "›" not in err and "Import a bank file" not in err, err
    assert f"{edited}: job.id: 'demo' is already the id of “Riverside ward” ({mine.name})" in err, err
    assert ("so this file would not be loaded; to use this one too, give it another id (job.id), or copy it over "
            f"{mine} to replace that bank (its answers stay)") in err, err


def test_a_file_refused_for_the_id_of_a_broken_file_says_fix_it_or_remove_it(data_home, tmp_path, capsys):
    """fixCI: her file broken while a friend's same-id file sat beside it: the friend's was offered under her id (her
    answers under the friend's bank) and `banks check` said OK. Her file keeps the id; list and check name it."""
    folder = data_home / "banks"
    folder.mkdir(exist_ok=True)
    mine = folder / "ward-manager.toml"
    mine.write_text(GOOD.replace('title = "Demo"', 'title = "Riverside ward"'))
    assert main(["banks", "list"]) == 0 and "Riverside ward" in capsys.readouterr().out
    mine.write_text(mine.read_text() + "\n[[rounds\n")          # mid-edit in a text editor
    friend = folder / "ward-clash.toml"
    friend.write_text(GOOD.replace('title = "Demo"', 'title = "Northgate ward"'))
    assert main(["banks", "list"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Northgate" not in out.split("problem")[0], out                      # not listed as a bank
    assert (f"{friend}: job.id: 'demo' is already the id of {mine.name}, which has not loaded, so this file was not loaded "
            "either; fix ward-manager.toml or remove it; to use this one too, give it another id (job.id)") in out, out
    assert main(["banks", "check", str(friend)]) == 1
    err = " ".join(capsys.readouterr().err.split())
    assert (f"{friend}: job.id: 'demo' is already the id of {mine.name}, which has not loaded, so this file would not be "
            "loaded; fix ward-manager.toml or remove it; to use this one too, give it another id (job.id)") in err, err
    mine.unlink()                                                   # removed: the friend's bank is offered
    assert main(["banks", "check", str(friend)]) == 0 and main(["banks", "list"]) == 0
    assert "Northgate ward" in capsys.readouterr().out
