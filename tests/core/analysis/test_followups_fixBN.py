"""fixBN: one rule for what was done by a figure, a figure's unit and time words go with it, a name run is no verb."""

from __future__ import annotations

import pytest

from voiceprep.core.analysis.followups import broken_question, follow_up_for
from voiceprep.core.banks.model import KeyPoint


def _asked(label: str) -> str:
    return follow_up_for(KeyPoint(id="k", label=label, cues=()))


@pytest.mark.parametrize("label, asked", [
    # one rule whatever the object's words: "Cut costs by 30%" was asked how much, "Cut p99 latency by 40%" how
    ("Cut p99 latency by 40%", "How much did you cut p99 latency by?"),
    ("Cut cloud costs by 30%", "How much did you cut cloud costs by?"),
    ("Cut costs by 30%", "How much did you cut costs by?"),
    ("Grew monthly recurring revenue by 20%", "How much did you grow monthly recurring revenue by?"),
    ("Cut p99 latency by 40% to 200 µs", "How much did you cut p99 latency by?"),
    ("Cut the error rate by half", "How much did you cut the error rate by?"),     # was "What would you do about..."
    # an instruction in the base form stays what to do about its object (fixAY)
    ("Reduce p99 latency by 40%", "What would you do about p99 latency?"),
    ("Reduce costs by 30%", "What would you do about costs?"),
])
def test_what_was_done_by_a_figure_is_asked_how_much_whatever_its_object(label, asked):
    assert _asked(label) == asked


@pytest.mark.parametrize("label, asked", [
    ("Grew the team by 4 engineers", "How many engineers did you grow the team by?"),   # was "...grew the team engineers"
    ("Improved Press Ganey scores by 12 points", "How many points did you improve Press Ganey scores by?"),
    ("We grew the team by 4 engineers", "How many engineers did you grow the team by?"),    # fixBT: with "we" too
    ("Grew the team from 4 to 12 engineers",
     "You haven't said yet how you grew the team. Can you walk me through that?"),
    ("Cut 40 minutes of waiting", "How many minutes of waiting did you cut?"),              # was "how you cut of waiting"
    ("Saved 3 hours of manual work", "How many hours of manual work did you save?"),
    ("Shortened the sales cycle by 10 days", "How many days did you shorten the sales cycle by?"),   # was "...how you"
    ("Marked 30 essays a week with written feedback", "How many essays a week did you mark?"),  # was "about marked essays"
    ("Hired 3 engineers in 2 months", "How many engineers did you hire?"),                       # fixAY, unchanged
    ("NPS went up 15 points after the change", "Can you tell me how NPS went up after the change?"),   # was "up points"
    ("Our scores dropped 5 places in the league table",                                    # was "dropped places in ..."
     "You haven't said yet how your scores dropped in the league table. Can you walk me through that?"),
    ("We improved 3 workflows on the ward",                                                # a count kept its noun
     "You haven't said yet how you improved workflows on the ward. Can you walk me through that?"),
])
def test_a_figures_unit_is_not_left_dangling(label, asked):
    assert _asked(label) == asked


@pytest.mark.parametrize("label, asked", [
    ("They got their licence and building started only six weeks late",          # was "...building started weeks late"
     "Can you tell me how they got their licence and building started?"),
    ("Building started only six weeks late", "How late did building start?"),
    ("The project finished two weeks early", "How early did the project finish?"),   # was the plain "with the numbers"
    ("The project was two weeks over budget", "How far over budget was the project?"),
    ("We shipped three days late", "How late did you ship?"),                           # fixBE, unchanged
])
def test_a_figure_dropped_from_a_time_phrase_takes_its_words(label, asked):
    assert _asked(label) == asked


@pytest.mark.parametrize("label, asked", [
    ("Press Ganey scores", "Can you tell me about Press Ganey scores?"),                 # was "about press Ganey scores"
    ("Press Ganey scores below target", "Can you tell me about Press Ganey scores below target?"),   # was "that ... scores"
    ("Press Ganey patient experience scores", "Can you tell me about Press Ganey patient experience scores?"),
    ("Press Ganey scores that the board watches", "Can you tell me about Press Ganey scores that the board watches?"),
    ("Harvest Lane stores", "Can you tell me about Harvest Lane stores?"),              # was "How would you harvest ...?"
    ("Harvest Lane stores in the north region", "Can you tell me about Harvest Lane stores in the north region?"),
    # a subject after a plural: the plural is no verb ("we" is no verb either: "wed")
    ("Google Analytics events we tracked", "Can you tell me about Google Analytics events you tracked?"),
    ("Salesforce reports we built", "Can you tell me about Salesforce reports you built?"),
    # a verb before a name and its object, or a name and its verb, as before
    ("Google Cloud runs the cluster", "Can you tell me how Google Cloud runs the cluster?"),
    ("Use Kafka topics", "How would you use Kafka topics?"),
    ("Migrate Postgres tables to Aurora", "How would you migrate Postgres tables to Aurora?"),
    ("Airwallex moves money across borders",
     "You haven't said yet that Airwallex moves money across borders. Can you tell me about that?"),
])
def test_a_capitalised_name_run_before_a_plural_noun_is_a_name(label, asked):
    assert _asked(label) == asked


@pytest.mark.parametrize("label, question", [
    ("Grew the team by 4 engineers", "You haven't said yet how you grew the team engineers. Can you walk me through that?"),
    ("They got their licence and building started only six weeks late",
     "Can you tell me how they got their licence and building started weeks late?"),
    ("Cut 40 minutes of waiting", "You haven't said yet how you cut of waiting. Can you walk me through that?"),
    ("Press Ganey scores rose 12 points", "Can you tell me how Press Ganey scores rose points?"),
])
def test_broken_question_sees_a_figures_words_left_behind(label, question):
    assert broken_question(label, question)


@pytest.mark.parametrize("label", ["Hired 3 engineers", "Grew revenue by 20%", "Press Ganey scores up 12 points",
                                   "Cut 40 minutes of waiting", "Press Ganey scores rose 12 points"])
def test_no_follow_up_made_here_reads_broken(label):
    assert broken_question(label, _asked(label)) is None
