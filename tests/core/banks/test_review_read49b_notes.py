"""read49b (session 49): mend51's list of heading lines (`notes._heading_list`, walk65 2) also takes prose wrapped
with Return at a short width, and scratch jottings, as a list of points, each let past "too short" and "too general"."""
from __future__ import annotations

from voiceprep.core.banks.notes import propose_key_points

WRAPPED = """We moved the nightly batch job
onto a queue and then cut
the run from six hours to
forty minutes which freed up
the on call team"""


def test_prose_wrapped_mid_clause_is_not_a_list_of_headings():
    """Lines that end on "to" or open in lower case continue a sentence: before mend51 "the run from six hours to
    forty minutes which freed up" stayed one idea; now "The run from six hours to" is a point of its own."""
    labels = [p.label for p in propose_key_points(WRAPPED, "Tell me about a time you sped up a slow system")]
    assert "The run from six hours to" not in labels


def test_a_jotting_is_not_a_point():
    points = propose_key_points("Thoughts\nMostly went well\nNot sure\nTBD", "Tell me about an incident you handled")
    assert "Mostly went well" not in [p.label for p in points]
