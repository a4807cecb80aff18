"""Seven near-duplicate "about / approximately" word sets in core/analysis (session 45's review): the words that say a
figure is approximate are one set, `text.APPROXIMATE`, that each reader of figures adds its own words to. "approximately"
was missing from delivery's and followups' sets, so "approximately 4 nurses" and "approximately 30%" were read unlike
"about 4 nurses" and "about 30%"."""

from __future__ import annotations

from voiceprep.core.analysis import delivery, followups, judge, keypoints
from voiceprep.core.analysis.text import APPROXIMATE


def test_every_reader_of_an_approximate_figure_reads_the_one_set():
    for words in (keypoints._ABOUT, judge._FROM_TO_SKIP, judge._STATE_BEFORE_NUMBER, delivery._MEASURE_WORDS,
                  delivery._COUNT_MODIFIERS, set(followups._ABOUT_WORDS)):
        assert words >= APPROXIMATE, sorted(APPROXIMATE - set(words))


def test_the_judges_sets_are_as_they_were():
    """keypoints' and judge's sets had every word already: the same sets, decisions unchanged."""
    assert {"about", "around", "roughly", "nearly", "almost", "approximately", "over", "under",
                                "below", "above", "less", "more", "than", "just", "only", "well", "maybe"} == keypoints._ABOUT
    assert {"about", "around", "roughly", "approximately", "nearly", "almost", "like", "just",
                                   "~", "under", "below", "over", "above", "less", "more", "than"} == judge._FROM_TO_SKIP
    assert {"was", "were", "had", "at", "around", "about", "roughly", "approximately",
                                          "nearly", "almost", "sat", "stood", "hovered", "averaged"} == judge._STATE_BEFORE_NUMBER


def test_a_count_said_approximately_gives_the_size_as_about_does():
    """"we had approximately 4 nurses" gives the situation's size as "we had about 4 nurses" does (delivery's count
    modifiers lacked "approximately")."""
    for said in ("about", "approximately"):
        raw = ["We", "had", said, "4", "nurses", "on", "shift."]
        assert delivery._gives_size(raw, 3), said
