"""The CLI's shared helpers: wrapping to the terminal's width."""

from __future__ import annotations

from voiceprep.cli.common import emit, wrap_line


def test_a_long_line_wraps_with_a_hanging_indent_that_keeps_its_columns():
    """walk48 2: lines up to 271 characters, broken by the terminal at column 80 with no indent."""
    point = "  [x] Explain the mechanics: ring buffer, single writer / sequencer, lock-free, pre-allocation, batching"
    assert wrap_line(point, 80) == ["  [x] Explain the mechanics: ring buffer, single writer / sequencer, lock-free,",
                                    "      pre-allocation, batching"]
    quote = '        "I added an idempotency key to every request and stored it in Postgres behind a unique constraint."'
    assert wrap_line(quote, 60)[1].startswith(" " * 9 + "stored")               # inside the quote mark
    finding = "  !! structure  STAR: no task; parts out of order, and a tip long enough to need a second line here"
    second = wrap_line(finding, 80)[1]
    assert second.startswith(" " * 16) and second[16] != " "                    # under the summary, not the mark
    prose = "Infrastructure / Platform Engineer: What is the most challenging technical problem you have solved?"
    assert wrap_line(prose, 80)[1].startswith("  problem")
    coloured = "\x1b[32m+ " + "word " * 15 + "\x1b[0m"                          # colour takes no column
    assert wrap_line(coloured, 80) == [coloured.rstrip()]
    row = "  hit 0 of 1  hardest-problem: Trade-offs and lessons: added complexity, single-threaded logic, memory"
    assert wrap_line(row, 80)[1] == " " * 14 + "single-threaded logic, memory"  # under its last column, not the count
    assert wrap_line("x" * 100, 80) == ["x" * 100]                             # a word longer than the line: whole


def test_emit_wraps_on_a_terminal_only(capsys, monkeypatch):
    line = "  - " + "word " * 30
    monkeypatch.setenv("COLUMNS", "60")
    monkeypatch.setattr("sys.stdout.isatty", lambda: False)
    emit(line)
    assert capsys.readouterr().out == line + "\n"                               # piped: one line for grep and cut
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    emit(line)
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 3 and all(len(x) <= 60 for x in out) and out[1].startswith("    word")


def test_a_word_too_long_for_its_column_goes_on_at_the_lines_own_indent():
    """fixBY: `history list` at 80 columns moved "senior-backend-payments/postgres-reconciliation" under its column
    (40) and the line was 87 wide again. A word that does not fit under the column goes on two past the line's own
    indent."""
    row = "    4  2026-12-06 05:09      0   typed  senior-backend-payments/postgres-reconciliation"
    assert wrap_line(row, 80) == ["    4  2026-12-06 05:09      0   typed",
                                  "      senior-backend-payments/postgres-reconciliation"]
    assert wrap_line(row + "  round 7, follow-up", 80)[1:] == ["      senior-backend-payments/postgres-reconciliation  round "
                                                               "7, follow-up"]
