"""A part of a two-word name said once, in a sentence not about the point, names nothing (walk47 2, hints48: "because
of locks" heard as "because of LMAX", the Airwallex bank's own word, ticked "Name the LMAX Disruptor ...")."""
from __future__ import annotations

import pytest

from tests.conftest import BANKS
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.judge import two_word_names
from voiceprep.core.banks.load import load_bank
from voiceprep.core.transcript import Transcript

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py


def _disruptor(text: str):
    bank = load_bank(BANKS / "airwallex.toml")
    a = analyze_answer(bank, bank.prompt("hardest-problem"), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    return next(r for r in a.key_points if r.key_point.id == "disruptor")


def test_a_lone_part_of_the_name_heard_for_a_plain_word_ticks_nothing():
    heard = _disruptor("So, the matching engine was slow because of LMAX. We replaced the queue with a ring buffer "
                       "and it was faster afterwards, a lot faster.")
    assert not heard.hit, heard.judgement


@pytest.mark.parametrize("text", ["We went with LMAX because it avoids locks.", "So we used the Disruptor.",
                                  "The engine was slow because of LMAX. So we picked LMAX's design.",
                                  "We chose the LMAX Disruptor because the engine was slow."])
def test_the_name_said_as_what_was_chosen_still_counts(text):
    assert _disruptor(text).hit, text


def test_two_word_names_are_the_capitalised_runs_after_the_first_word():
    assert two_word_names("Name the LMAX Disruptor as the design you chose") == (("lmax", "disruptor"),)
    assert two_word_names("Explain why not Apache Kafka.") == (("apache", "kafka"),)
    assert two_word_names("Moved to Stripe, cut PCI scope") == ()


def test_a_part_of_the_name_after_a_determiner_is_a_thing_named():
    """d2f-aw-hard-02 (dev2): "We ended up moving to the Disruptor and median latency dropped ..." names the design
    chosen, though the sentence is as much about the result."""
    assert _disruptor("Basically we kept adding threads and it kept getting slower, because they were all fighting "
                      "over the one lock on the book. We ended up moving to the Disruptor and median latency dropped "
                      "from about half a millisecond to sixty, seventy microseconds.").hit


def test_a_lone_part_of_the_name_in_a_long_run_on_sentence_names_nothing():
    """A run-on sentence longer than a unit is read as windows: the window that says the lone word decides (judge67;
    judge64's rule read only a sentence that was one whole unit)."""
    heard = _disruptor("So the matching engine was really slow and the traders kept complaining about it every single "
                       "day because of LMAX and we had to look at the whole thing again and again and we replaced the "
                       "queue with a ring buffer and it was faster afterwards, a lot faster.")
    assert not heard.hit, heard.judgement


def test_a_possessive_part_of_the_name_is_a_part_said():
    """"LMAX's Disruptor" says both parts of the name (dev2 d2l-050: "LMAX's" read as no part, "Disruptor" as lone,
    once judge67 read run-on sentences too)."""
    assert _disruptor("We moved the order book onto LMAX's Disruptor, so one thread owns the book and does all the "
                      "matching, everything comes in through a ring buffer that is allocated up front, and there are "
                      "no locks anywhere on the hot path.").hit
