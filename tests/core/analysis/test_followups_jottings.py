"""mend56 (walk66 finding 5): key points made with "Key points from my notes…" from a candidate's jottings, asked as an
interviewer would. The note lines are the walk's own ("LMAX disruptor -- for solving concurrent order matching issue",
"Single writer thread on a ring buffer, no locks on the hot path", a change with its figures); the rest are this
file's, of the same forms. Also: the follow-up tests' cases over every bank, out-of-sample ones named neutrally."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.analysis.followup_cases import OUT_OF_SAMPLE, case_ids, quiet
from tests.core.analysis.test_followups_leftovers import WITH_BANKS
from voiceprep.core.analysis.followups import asked_follow_up, follow_up_for
from voiceprep.core.analysis.jottings import asked_as_change, dash_as_colon
from voiceprep.core.banks.model import Bank, Job, KeyPoint, Prompt, Round
from voiceprep.core.banks.notes import propose_key_points

_PROMPT = "Tell me about a real-time system you built."


def _asked(label: str) -> str:
    point = KeyPoint(id="k", label=label, cues=("ring buffer",))
    bank = Bank(schema=1, job=Job(id="b", title="Backend engineer"),
                rounds=(Round(id="r", title="R", prompts=(Prompt(id="p", text=_PROMPT, key_points=(point,)),)),))
    return asked_follow_up(point, bank)


@pytest.mark.parametrize("line, label", [
    ("LMAX disruptor -- for solving concurrent order matching issue",
     "LMAX disruptor: for solving concurrent order matching issue"),
    ("Order book — single writer", "Order book: single writer"),
    ("Order book \u2013 single writer", "Order book: single writer"),
    ("Kafka - events going out to the ledger", "Kafka: events going out to the ledger"),
])
def test_a_jottings_dash_is_its_colon_in_the_key_point(line, label):
    assert [p.label for p in propose_key_points(line, _PROMPT)] == [label]


@pytest.mark.parametrize("label", [
    "I checked patient first - BM every 30 mins, gave glucose",     # a clause going on past its dash
    "Led the migration 2019 - 2021",                                 # a range of years
    "Postmortem: blameless - no names in it",                        # a colon of its own
    "Seven steps from the loading dock to the rack - with the night shift and a pallet scanner",   # a sentence
])
def test_a_dash_that_is_no_jottings_separator_is_kept(label):
    assert dash_as_colon(label) == label


def test_the_walks_note_lines_are_asked_as_an_interviewer_would():
    # was "Can you tell me about LMAX disruptor -- for solving concurrent order matching issue?"
    assert _asked("LMAX disruptor -- for solving concurrent order matching issue") == "Can you tell me about LMAX disruptor?"
    # a key point stored with its dash before this (a bank edited by hand) is asked the same
    assert _asked("LMAX disruptor — for solving concurrent order matching issue") == "Can you tell me about LMAX disruptor?"
    # was "Can you tell me how single writer thread on a ring buffer, no locks on the hot path?"
    assert _asked("Single writer thread on a ring buffer, no locks on the hot path") == \
        "Can you tell me about the single writer thread on a ring buffer?"
    # was "Can you tell me how much median latency fell?"
    assert _asked("Median latency fell from 8 ms to 1 ms") == "How much did median latency fall?"


@pytest.mark.parametrize("told, asked", [
    ("Can you tell me how much median latency fell?", "How much did median latency fall?"),
    ("Can you tell me how much your team grew?", "How much did your team grow?"),
    ("Can you tell me how much latency went down?", "How much did latency go down?"),
    ("Can you tell me how much you reduced?", "Can you tell me how much you reduced?"),       # no change verb
    ("Can you tell me how much your p99 fell in 2019?", "Can you tell me how much your p99 fell in 2019?"),
])
def test_a_change_is_asked_as_a_question_about_it(told, asked):
    assert asked_as_change(told) == asked


def test_a_short_noun_heading_keeps_its_rider():
    """mend54's rider after a comma stays: only a long jotting whose label would be quoted as a clause is cut."""
    assert follow_up_for(KeyPoint(id="k", label="Budget overrun, and how I caught it", cues=("overspend",))) == \
        "Can you tell me about Budget overrun, and how you caught it?"


def test_the_follow_up_cases_cover_every_judge_bank_and_name_out_of_sample_ones_neutrally():
    folder = Path(__file__).parent / "data" / "judge" / "banks"
    stems = {path.stem for path in folder.glob("*.toml")}
    assert stems <= {stem for stem, _bank, _kp in WITH_BANKS}, "a judge bank no follow-up test asks"
    ids = case_ids(WITH_BANKS)
    assert len(set(ids)) == len(ids)
    held = [i for (stem, _b, _k), i in zip(WITH_BANKS, ids) if stem in OUT_OF_SAMPLE]
    assert len(OUT_OF_SAMPLE) == 3 and held and all(i.startswith("oos-bank-") and "-kp-" in i for i in held)
    assert not any(stem in i for i in ids for stem in OUT_OF_SAMPLE)


def test_an_out_of_sample_failure_is_said_without_its_label():
    with pytest.raises(AssertionError) as failed, quiet(OUT_OF_SAMPLE[0]):
        assert "a label" == "another", ("a label", "Can you tell me about a label?")
    assert "label is not shown" in str(failed.value) and "a label" not in str(failed.value)
    with pytest.raises(AssertionError) as failed, quiet("sre-mobile"):
        raise AssertionError("said as it is")
    assert "said as it is" in str(failed.value)
