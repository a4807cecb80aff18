"""One rule for "a number said" (judge67): the judge's `says_number` (a point that states a figure) and delivery's
Numbers card read the same words (`quantities.numbers_said`); the card quotes those that measure something."""
from __future__ import annotations

import pytest

from voiceprep.core.analysis.delivery import analyze_delivery
from voiceprep.core.analysis.judge import AnswerJudge
from voiceprep.core.analysis.keypoints import TokenIndex
from voiceprep.core.analysis.quantities import numbers_said
from voiceprep.core.analysis.text import tokenize
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings


def _judge_says_number(text: str) -> bool:
    raw = text.split()
    judge = AnswerJudge(raw, TokenIndex(tokenize(raw), AnalysisSettings()), None, AnalysisSettings())
    return bool(judge.says_number.any())


def _card(text: str) -> list[str]:
    return analyze_delivery(Transcript.from_text(text), 120, AnalysisSettings(), timed=False).numbers


@pytest.mark.parametrize("text, quoted", [
    ("Checkout p99 fell to under a millisecond.", ["under a millisecond"]),
    ("The lookup is sub-millisecond now.", ["sub-millisecond"]),
    ("Duplicate charges fell to zero.", ["zero"]),
    ("We doubled throughput.", ["doubled"]),
    ("It is an order of magnitude faster now.", ["an order of magnitude faster"]),
    ("We store 2GB a day.", ["2GB"]),
    ("Our scores went up by about half a point.", ["half a point"]),
    ("It took a quarter of an hour.", ["a quarter of an hour"]),
])
def test_a_number_the_card_quotes_is_a_number_the_judge_reads(text, quoted):
    assert _card(text) == quoted
    assert _judge_says_number(text), text


@pytest.mark.parametrize("text", [
    "We managed to double throughput.", "It's triple what it was.", "The cost dropped to half.",
    "Latency came down to a third of what it was.", "It doubles the throughput.",
    "We reduced costs to a third of the original."])
def test_a_ratio_said_with_the_verbs_plain_form_or_to_is_a_number(text):
    """read39a 2: judge67's one rule read only "doubled", "halving"; intents' old list read "double", "triple",
    "half" anywhere. A ratio said with the verb's plain form or reached "to" a fraction is a number for the judge."""
    assert _judge_says_number(text), text


@pytest.mark.parametrize("text", ["We had a double charge on the card.", "I talked to half of them.",
                                  "We decided to double down on Kafka.", "We double charged them.",
                                  "It would double charge the customer.", "I wanted to double check the config.",
                                  "We doubled checked it."])
def test_a_double_that_is_no_change_is_no_number(text):
    assert not _judge_says_number(text), text


@pytest.mark.parametrize("text", ["Half the team was on leave.", "Third, a concrete plan.", "We got charged twice by the bank.",
                                  "I talked to the last quarter's lead."])
def test_a_share_or_a_repeat_is_no_number_for_either(text):
    """"half the team", "charged twice": no change said as a ratio (`quantities.ratios`), for the card as before and
    now for the judge too (it read any "half", "twice" or "quarter" as a figure)."""
    assert _card(text) == []
    assert not _judge_says_number(text), text


def test_numbers_said_are_the_words_of_each_kind():
    text = "Errors went to zero and latency dropped to under a millisecond, twice as fast"
    raw = text.split(" ")
    said = numbers_said(raw, tokenize(raw))
    assert [raw[i] for i in sorted(said)] == ["zero", "under", "a", "millisecond,", "twice", "as", "fast"]


def test_an_answer_reads_its_numbers_once_for_the_judge_and_the_card(monkeypatch):
    """judge70: `analyze_answer` reads the numbers said once and hands them to the judge and the Numbers card (they
    were read twice per answer); what each makes of them is unchanged."""
    from tests.conftest import BANKS
    from voiceprep.core.analysis import analyze, delivery, judge, quantities
    from voiceprep.core.banks import load_bank

    calls = []

    def counted(raw, tokens):
        calls.append(len(raw))
        return quantities.numbers_said(raw, tokens)

    for module in (analyze, delivery, judge):
        monkeypatch.setattr(module, "numbers_said", counted)
    bank = load_bank(BANKS / "airwallex.toml")
    text = "We cut p99 from 800 ms to 250 ms and duplicate charges fell to zero."
    a = analyze.analyze_answer(bank, bank.prompt("most-impactful"), Transcript.from_text(text),
                               AnalysisSettings(semantic_judge=False))
    assert len(calls) == 1
    assert a.delivery.numbers == _card(text) == ["800 ms", "250 ms", "zero"]
