"""fixBI: a figure asked for as an interviewer would, a time frame kept as said, a bank's name first is no verb."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from voiceprep.core.analysis.followups import follow_up_for
from voiceprep.core.banks import load_bank
from voiceprep.core.banks.model import Bank, KeyPoint

BANKS = Path(__file__).parent / "data" / "judge" / "banks"


def _asked(label: str) -> str:
    return follow_up_for(KeyPoint(id="k", label=label, cues=()))


def _in_bank(bank: Bank, label: str) -> str:
    """The follow-up of `label` as a point of the bank's first question (the bank's names known)."""
    point = KeyPoint(id="fixbi", label=label, cues=("x",))
    first = bank.rounds[0]
    prompt = dataclasses.replace(first.prompts[0], key_points=(point,))
    rounds = (dataclasses.replace(first, prompts=(prompt, *first.prompts[1:])), *bank.rounds[1:])
    return follow_up_for(point, dataclasses.replace(bank, rounds=rounds))


@pytest.mark.parametrize("label, asked", [
    ("Cut costs by 30%", "How much did you cut costs by?"),                 # was "Can you tell me about cut costs?"
    ("Reduced costs by 30%", "How much did you reduce costs by?"),          # was "...about reduced costs?"
    ("Grew revenue by 20%", "How much did you grow revenue by?"),           # was "...about grew revenue?"
    ("Cut costs by 30% in a year", "How much did you cut costs by?"),       # was "What would you do about costs?"
    ("Reduced p99 latency by 40% with a cache", "How much did you reduce p99 latency by?"),   # was "...about reduced..."
    ("Reduce p99 latency by 40%", "What would you do about p99 latency?"),  # an instruction: what to do (fixAY)
    ("We cut cloud costs by 30%", "How much did you cut cloud costs by?"),     # fixBT: own act's figure, with "we" too
    ("Cut p99 latency by 40%", "How much did you cut p99 latency by?"),     # fixBN: one rule, whatever the object
])
def test_what_was_done_by_a_figure_is_asked_how_much(label, asked):
    assert _asked(label) == asked


@pytest.mark.parametrize("label, asked", [
    ("In six months they had four front-page stories",                     # was "...that within months they had..."
     "You haven't said yet that in six months they had front-page stories. Can you tell me about that?"),
    ("Within two months the cell count was back under two hundred thousand",
     "You haven't said yet that within two months the cell count was back. Can you tell me about that?"),
    ("In 3 weeks we shipped the fix",
     "You haven't said yet how, in 3 weeks, you shipped the fix. Can you walk me through that?"),
    ("Within 2 days", "How long did it take?"),                             # a time frame alone: still how long
])
def test_a_time_frame_a_label_opens_with_is_kept_as_said(label, asked):
    assert _asked(label) == asked


@pytest.mark.parametrize("bank_file, label, asked", [
    # the banks' own names ("Play Console", "Harvest Lane Supermarkets"), also verbs: were "How did you Play Console
    # crash reports?", "How did you Harvest Lane's store data?"
    ("sre-mobile.toml", "Play Console crash reports", "Can you tell me about Play Console crash reports?"),
    ("sre-mobile.toml", "Play Console vitals for the crash rate",
     "Can you tell me about Play Console vitals for the crash rate?"),
    ("data-analyst-retail.toml", "Harvest Lane's store data", "Can you tell me about Harvest Lane's store data?"),
])
def test_a_banks_name_that_is_also_a_verb_is_not_read_as_one(bank_file, label, asked):
    assert _in_bank(load_bank(BANKS / bank_file), label) == asked
