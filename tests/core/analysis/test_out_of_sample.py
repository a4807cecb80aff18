"""The out-of-sample guard of the judge's bench tools (bench/out_of_sample.py): dev2's out-of-sample writers, named in
the corpus folder's out_of_sample.txt, are left out of every tool's read of dev2 unless asked for by name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench import annotator_agreement, out_of_sample
from bench.judge_eval import load

REPO = Path(__file__).resolve().parents[3]
CORPUS = Path(__file__).parent / "data" / "judge"


def answer(answer_id: str) -> str:
    return (f'[[answer]]\nid = "{answer_id}"\nbank = "airwallex"\nprompt = "why-airwallex"\nkind = "vague"\n'
            f'text = "I like the company."\nhits = []\n\n')


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "dev2.toml").write_text(answer("d2a-001") + answer("d2s-001") + answer("d2s-002") + answer("d2t-001"))
    (tmp_path / "out_of_sample.txt").write_text("# out of sample\ns\nt  # two writers\n")
    return tmp_path


def test_the_corpus_list_names_writer_u_this_session():
    assert "u" in out_of_sample.writers(CORPUS)


def test_a_bad_line_in_the_list_is_refused_clearly(tmp_path: Path):
    (tmp_path / "out_of_sample.txt").write_text("writer s\n")
    with pytest.raises(SystemExit, match="'writer s' is not a writer letter"):
        out_of_sample.writers(tmp_path)


def test_dev2_leaves_out_the_listed_writers_and_says_so(corpus: Path, capsys):
    items, _ = load("dev2", corpus)
    assert [i.id for i in items] == ["d2a-001"]
    err = capsys.readouterr().err
    assert "left out writer S's 2, writer T's 1 answers" in err and "--writers st" in err


def test_naming_a_writer_or_asking_reads_them(corpus: Path, capsys):
    assert [i.id for i in load("dev2:s", corpus)[0]] == ["d2s-001", "d2s-002"]
    assert [i.id for i in load("dev2:as", corpus)[0]] == ["d2a-001", "d2s-001", "d2s-002"]
    assert len(load("dev2", corpus, out_of_sample=True)[0]) == 4
    assert "left out" not in capsys.readouterr().err


def test_without_a_list_nothing_is_left_out(corpus: Path):
    (corpus / "out_of_sample.txt").unlink()
    assert len(load("dev2", corpus)[0]) == 4


def test_annotator_agreement_leaves_them_out_of_dev2(corpus: Path, monkeypatch, capsys):
    monkeypatch.setattr(annotator_agreement, "DATA", corpus)
    (corpus / "banks").mkdir()
    second = corpus / "second.toml"
    second.write_text(answer("d2a-001") + answer("d2s-001"))
    assert [p.id for p in annotator_agreement.load_pairs("dev2", str(second))] == ["d2a-001"]
    assert "left out writer S's 1" in capsys.readouterr().err
    assert len(annotator_agreement.load_pairs("dev2", str(second), out_of_sample=True)) == 2


def test_every_bench_tool_that_opens_dev2_goes_through_the_guard():
    """A tool that reads dev2.toml itself (not through judge_eval.load) must filter it with out_of_sample.keep."""
    bench = REPO / "bench"
    readers = [p for p in sorted(bench.glob("*.py")) if re.search(r"dev2\.toml|f\"\{\w+\}\.toml\"", p.read_text())]
    assert readers, "no bench tool reads dev2.toml any more: this test reads the wrong files"
    unguarded = [p.name for p in readers if "out_of_sample_guard.keep(" not in p.read_text()]
    assert not unguarded, f"read dev2 without the out-of-sample guard: {unguarded}"


def test_the_crossed_reads_groups_are_every_tuning_writer_and_no_out_of_sample_one():
    """review33 8: `judge_lowo.GROUPS` (judge_cross's folds too) named its writers by hand and still left R out after R
    became tuning data; the groups are every dev2 writer but those on out_of_sample.txt."""
    from bench import judge_lowo

    grouped = "".join(g.split(":", 1)[1] for g in judge_lowo.GROUPS.values() if g.startswith("dev2:"))
    ids = re.findall(r'^id = "(d2\w)-', (CORPUS / "dev2.toml").read_text(encoding="utf-8"), flags=re.M)
    every = {i[2] for i in ids}
    assert len(grouped) == len(set(grouped)), grouped
    assert set(grouped) == every - out_of_sample.writers(), sorted(every - out_of_sample.writers() ^ set(grouped))
