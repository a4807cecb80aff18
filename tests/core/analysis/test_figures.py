"""A figure a transcription slipped on ("99.95%" heard as "99.5%"): found beside the key point that states it."""

from __future__ import annotations

import pytest

from voiceprep.core.analysis.figures import figure_slips, slip_note


@pytest.mark.parametrize("label, quote, slips", [
    # walk46: "ninety nine point nine five percent" -> "99.5%", "fifty milliseconds" -> "150 milliseconds"
    ("Availability: 99.95% against a 99.9% SLO", "We reach 99.5% availability against 99.9 SLO.", [("99.5%", "99.95%")]),
    ("A p99 of 50 ms at 12,000 requests per second", "the latency target was 150 milliseconds for 12,000 requests",
     [("150", "50")]),
    ("p99 from 4 ms to under 200 microseconds", "P99 went from 4 milliseconds to under 2000 microseconds",
     [("2000", "200")]),
    # the figure said right, another figure of the label's said, a different claim of one digit, or none: no slip
    ("p99 from 4 ms to under 200 microseconds", "P99 went from 4 milliseconds to under 200 microseconds", []),
    ("99.95% availability", "We reached 99.95% availability, up from 99.5%.", []),
    ("Throughput up 6 times", "throughput went up 3 times", []),
    ("Availability: 99.95% against a 99.9% SLO", "We reached ninety-nine point nine five percent.", []),
    ("Cut the bill by 30%", "We cut the bill by 45%.", []),
    # figures in words are not a transcription's: "thirty" is not "3 months" slipped (d2q-046)
    ("Food cost went from 34 percent to 29 percent of sales in 3 months", "it needs to be under thirty.", []),
])
def test_a_figure_one_digit_off_the_points_is_a_slip(label, quote, slips):
    assert figure_slips(label, quote) == slips


def test_the_slip_is_said_in_the_candidates_words():
    note = slip_note("Availability: 99.95% against a 99.9% SLO", "We reach 99.5% availability against 99.9 SLO.")
    assert note == "heard 99.5% — the point says 99.95%; check the figure"
    assert slip_note("Throughput up 6 times", "throughput went up 6 times") == ""
