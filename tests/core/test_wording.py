"""Counts read as words: "1 round", "3 rounds", never "round(s)" (walkthrough leftover)."""

import io
import re
import tokenize
from pathlib import Path

import voiceprep
from voiceprep.core.wording import counted


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
