"""How the round summary's "Drill next" names a question (app.question_names), without a window."""

from __future__ import annotations

from tests.conftest import BANKS
from voiceprep.app.question_names import shared_opening, short_question, short_questions
from voiceprep.core.banks import load_bank
from voiceprep.settings import DRILL_QUESTION_CHARS


def test_a_question_is_named_without_its_opener_cut_at_a_word():
    assert short_question("Tell me about the data pipeline you rebuilt.") == "data pipeline you rebuilt."
    assert short_question("Tell me about a time when you disagreed with a manager") == "disagreed with a manager"
    assert short_question("Tell me about ") == "Tell me about"                # nothing after the opener: whole
    long = short_question("What is the hardest technical problem you have solved?")
    assert long == "What is the hardest…" and len(long) <= DRILL_QUESTION_CHARS


def test_questions_that_open_alike_are_named_by_the_words_after_the_opening():
    """walk51 8: "What is the most…" and "What are the most…" named alike in Drill next."""
    bank = load_bank(BANKS / "airwallex.toml")
    texts = [bank.prompt(p).text for p in ("most-impactful", "hardest-problem", "why-airwallex")]
    names = short_questions(texts + texts[:1])                      # a question twice is named once
    assert list(names) == texts
    assert [names[t] for t in texts[:2]] == ["…impactful things you have…", "…challenging technical…"], names
    assert names[texts[2]] == short_question(texts[2])              # opening like no other: its short name
    assert all(len(n) <= DRILL_QUESTION_CHARS for n in names.values()), names


def test_a_shared_opening_is_two_words_or_more_and_never_the_whole_question():
    assert shared_opening("What are the most impactful things", ["What is the most challenging problem"]) == 4
    assert shared_opening("What went wrong", ["Why did it fail"]) == 0
    assert shared_opening("What is your role", ["What was the hardest part"]) == 0          # one word only
    assert shared_opening("What is it", ["What is it about this team"]) == 0                # the whole question
