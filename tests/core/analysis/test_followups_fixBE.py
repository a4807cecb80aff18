"""fixBE: review36a's findings 7 and 8 and its notes: a figure cut out of its phrase, a verb-first label's capital."""

from __future__ import annotations

import pytest

from voiceprep.core.analysis.followups import follow_up_for
from voiceprep.core.banks.model import KeyPoint


def _asked(label: str) -> str:
    return follow_up_for(KeyPoint(id="k", label=label, cues=()))


@pytest.mark.parametrize("label, asked", [
    ("Fix the N+1 queries", "What would you do about the N+1 queries?"),     # "N+1" is a name, not a figure
    ("Within 2 days", "How long did it take?"),                             # a time frame alone: how long
    ("In 3 weeks", "How long did it take?"),
    ("Was 2 weeks late", "How late was it?"),                               # not "how was weeks late"
    ("Shipped the migration two weeks early", "How early did you ship the migration?"),
    ("Resolve disputes between engineers", "What would you do about disputes between engineers?"),
    ("Spent 2 weeks on discovery", "How many weeks did you spend on discovery?"),
])
def test_a_figure_is_not_cut_out_of_its_phrase(label, asked):
    assert _asked(label) == asked


@pytest.mark.parametrize("label, asked", [
    ("Lower costs", "Can you tell me about lower costs?"),
    ("Use Kafka", "How would you use Kafka?"),
    ("Talk to Priya about the roadmap", "How would you talk to Priya about the roadmap?"),
    ("Stop paging people at night", "How would you stop paging people at night?"),
    ("Migrate to Kubernetes", "How would you migrate to Kubernetes?"),
    ("Use Spark for the batch jobs", "How would you use Spark for the batch jobs?"),
])
def test_a_verb_first_label_is_not_capitalised_mid_sentence(label, asked):
    assert _asked(label) == asked


@pytest.mark.parametrize("label, kept", [
    ("Kafka partitions", "Kafka"), ("LMAX Disruptor", "LMAX"), ("Priya's rota", "Priya"), ("London office", "London"),
])
def test_a_name_first_keeps_its_capital(label, kept):
    assert kept in _asked(label)


@pytest.mark.parametrize("label, asked", [
    ("Stop the line", "How would you stop the line?"),          # an action, not a trouble to deal with
    ("Kill the project", "How would you kill the project?"),
    ("Stop the double charges", "What would you do about the double charges?"),
])
def test_stopping_a_thing_is_asked_how(label, asked):
    assert _asked(label) == asked


@pytest.mark.parametrize("label, asked", [
    ("Spark jobs", "Can you tell me about Spark jobs?"),       # a name before a noun keeps its capital
    ("Ask for help early", "Can you tell me about ask for help early?"),
    ("Were 3 days over budget", "How far over budget was it?"),
])
def test_a_name_before_a_noun_is_kept_and_a_verb_before_its_object_lowered(label, asked):
    assert _asked(label) == asked


def test_a_measure_left_without_its_figure_reads_broken():
    """fixBE: "...how you shipped the migration weeks early" was not counted by `--broken`."""
    from voiceprep.core.analysis.followups import broken_question

    label = "Shipped the migration two weeks early"
    assert broken_question(label, "You haven't said yet how you shipped the migration weeks early. Can you walk me "
                                  "through that?")
    assert broken_question(label, _asked(label)) is None
