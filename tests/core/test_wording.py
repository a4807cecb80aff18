"""Counts read as words: "1 round", "3 rounds", never "round(s)" (walkthrough leftover)."""

import io
import re
import tokenize
from pathlib import Path

import voiceprep
from voiceprep.core.wording import counted, cut_at_word
from voiceprep.settings import PROGRESS_QUESTION_CHARS


def test_counted_says_one_and_many():
    assert counted(1, "round") == "1 round" and counted(3, "round") == "3 rounds" and counted(0, "prompt") == "0 prompts"
    assert counted(1, "competency", "competencies") == "1 competency"
    assert counted(2, "competency", "competencies") == "2 competencies"


def test_no_user_visible_string_says_word_s():
    """Every string literal in voiceprep/ (messages, labels, CLI output): "answer(s)" is a form, not a sentence."""
    found = []
    for path in Path(voiceprep.__file__).parent.rglob("*.py"):
        for token in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
            if token.type == tokenize.STRING and re.search(r"[A-Za-z]\(s\)", token.string):
                found.append(f"{path.name}:{token.start[0]}: {token.string[:80]}")
    assert not found, "\n".join(found)


def test_only_full_marks_read_100():
    """fixG: a score of 99.5-99.9 read "100" (one format rounding it up), beside a full answer's 100. One rule,
    core.wording.score_text: 100 only at full marks; 99.5..99.99 read 99 (99.9 to one place)."""
    from voiceprep.core.wording import score_shown, score_text

    assert [score_text(v) for v in (100, 100.0, 99.99, 99.8, 99.5, 99.4, 62.4, 0.2, None)] == \
        ["100", "100", "99", "99", "99", "99", "62", "0", "–"]
    assert [score_text(v, 1) for v in (100, 99.96, 99.94, 51.46)] == ["100.0", "99.9", "99.9", "51.5"]
    assert [score_shown(v) for v in (100, 99.7, 0.4, None)] == [100, 99, 0, 0]
    assert score_text(sum([100 / 3] * 3)) == "100"          # a sum a hair under 100 is still full


# what f-strings may round to a whole number or a tenth: not a score (the expression's words say which)
_SCORE_WORDS = re.compile(r"\b(overall|score|average|avg_overall|best|latest|last|low|high|tries|before|"
                          r"with_follow_ups|alone|mine|now|value|s)\b|\['(overall|latest|average|score|coverage)'\]")


def test_no_score_is_rounded_by_a_format_of_its_own():
    """fixG: a score is shown through core.wording.score_text everywhere (cards, History, the CLI, the export): an
    f-string giving a score a fixed-point format of its own (`{overall:.0f}`) rounds 99.6 up to 100."""
    import ast

    found = []
    for path in sorted(Path(voiceprep.__file__).parent.rglob("*.py")):
        if path.name == "wording.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FormattedValue) and node.format_spec is not None:
                spec = "".join(v.value for v in node.format_spec.values if isinstance(v, ast.Constant))
                expression = ast.unparse(node.value)
                if re.fullmatch(r"\d*\.\df", spec) and _SCORE_WORDS.search(expression):
                    found.append(f"{path.name}:{node.lineno}: {{{expression}:{spec}}}")
    assert not found, "\n".join(found)


def test_a_follow_up_answers_heading_and_what_waits_say_one_and_many():
    """fixBI: one point asked by one follow-up (walk46 3: one at a time) read "The point the follow-ups asked about"."""
    from voiceprep.core.wording import asked_about_heading, more_after_text

    assert asked_about_heading(1) == "The point the follow-up asked about"
    assert asked_about_heading(2) == "The points the follow-ups asked about"
    assert more_after_text(1) == "1 more after this." and more_after_text(2) == "2 more after this."
    assert more_after_text(2, 1) == "2 more after this, then 1 to ask again."


def test_text_cut_at_a_word_has_no_comma_before_its_ellipsis_and_a_long_first_word_is_cut_inside():
    """review37b: "a manager,…" kept the comma before the "…", and a first word longer than the room showed "…" alone
    (one rule for Progress, the round summary and Drill next's names)."""
    asked = "Tell me about a time you disagreed with a manager, and what you did about it afterwards"
    assert cut_at_word(asked, 52) == "Tell me about a time you disagreed with a manager…"
    assert cut_at_word("Supercalifragilisticexpialidocious is long", 20) == "Supercalifragilistic…"
    assert cut_at_word("A short question", PROGRESS_QUESTION_CHARS) == "A short question"
    assert cut_at_word("one  two\nthree four", 13) == "one two three…"
    assert cut_at_word("one two three", 13) == "one two three"


def test_what_a_follow_up_answer_also_counts_for_is_worded_once():
    """read41: the follow-up credit rule was worded three ways (Practice's line "any other point still missed", the
    feedback's "…that it covers", History's "…that it covered"): one wording, core.wording.ALSO_COUNTS_TEXT."""
    from voiceprep.core.history.queries import asked_text
    from voiceprep.core.wording import ALSO_COUNTS_TEXT

    found = []
    for path in Path(voiceprep.__file__).parent.rglob("*.py"):
        for token in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
            if token.type == tokenize.STRING and "other point still missed" in token.string and path.name != "wording.py":
                found.append(f"{path.name}:{token.start[0]}: {token.string[:80]}")
    assert not found, "\n".join(found)
    row = {"follow_up": ["Why?"], "drill": ["a"], "settings": {"still_missed": ["b"]}}
    assert asked_text(row).endswith(f", and for {ALSO_COUNTS_TEXT}")


def test_the_drills_nothing_missed_and_the_last_times_follow_up_clause_are_worded_here():
    """read44a 4: "nothing missed to drill" (core.rehearsal) and "Last time"'s "N of M key points with its follow-up
    answer" (app.recap) were worded in their modules: both are in core.wording now, and said from there."""
    import pytest

    from voiceprep.app.recap import since_last_time
    from voiceprep.core.banks import load_bank
    from voiceprep.core.rehearsal import Rehearsal
    from voiceprep.core.wording import NOTHING_MISSED, with_follow_ups_text

    assert with_follow_ups_text(3, 4, 1) == "3 of 4 key points with its follow-up answer"
    assert with_follow_ups_text(4, 4, 2) == "4 of 4 key points with its follow-up answers"
    previous = {"overall": 42.0, "started_at": "2026-12-06T10:00:00", "answered": None, "total": None,
                "with_follow_ups": {"hits": 4, "total": 4, "own": 2, "answers": 2}}
    line = since_last_time(previous, 80.0)
    assert line is not None and f"; {with_follow_ups_text(4, 4, 2)})" in line, line
    with pytest.raises(ValueError) as raised:
        Rehearsal.for_weak_points(load_bank(Path(voiceprep.__file__).parents[1] / "question_banks/airwallex.toml"), [],
                                  practised=True)
    assert str(raised.value) == NOTHING_MISSED
