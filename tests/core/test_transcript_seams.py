"""walk60 7: a transcription window's seam inside a figure ("$200" | ",000 a year") was stored "$200 ,000": History's
search did not find it by "200,000", "200000" nor "two hundred thousand", and marked it "$[200 ,000]"."""

from __future__ import annotations

from voiceprep.core.transcript import Segment, Transcript, Word, continues_figure, join_said, seams_mended


def test_a_window_seam_inside_a_figure_joins_without_a_space():
    assert join_said(["It would have been around $200", ",000 a year."]) == "It would have been around $200,000 a year."
    assert join_said(["the batch took 3", ".5 seconds"]) == "the batch took 3.5 seconds"
    # a comma or point that ends a sentence or a clause stays as a part of its own, after a space
    assert join_said(["we had 48", "partitions."]) == "we had 48 partitions."
    assert join_said(["in 2019", ", and then"]) == "in 2019 , and then"          # no digit after it: not a figure
    assert join_said(["payments", ",000"]) == "payments ,000"                     # no digit before it
    assert continues_figure("around $200 ", " ,000 a year") and not continues_figure("around $200", "a year")


def test_a_stored_transcript_split_inside_a_figure_reads_whole():
    assert seams_mended("around $200 ,000 a year, and 3 .5 seconds") == "around $200,000 a year, and 3.5 seconds"
    assert seams_mended("We had 48 partitions, 20,000 payments. Then 3 more.") == \
        "We had 48 partitions, 20,000 payments. Then 3 more."


def test_the_stream_final_text_joins_a_figure_split_by_a_window():
    words_a = [Word(0.0, 0.4, " around"), Word(0.4, 0.9, " $200")]
    words_b = [Word(1.0, 1.3, ",000"), Word(1.3, 1.6, " a"), Word(1.6, 1.9, " year.")]
    segments = [Segment(0.0, 0.9, " around $200", words_a), Segment(1.0, 1.9, ",000 a year.", words_b)]
    assert Transcript(text=join_said(s.text for s in segments), language="en", duration=2.0, model="tiny.en",
                      segments=segments).text == "around $200,000 a year."


def test_parts_joined_and_a_stored_text_mended_read_a_seam_by_one_rule():
    """mendL (session 44 review): `continues_figure` (a string test) and `seams_mended`'s regex were one rule written
    twice; they could drift apart. Two parts joined read as the stored text "a b" mended, whatever the parts."""
    parts = ["around $200", ",000 a year", "took 3", ".5 seconds", "in 2019", ", and then", "payments", ",000",
             "we had 48", "partitions.", "3", ".", "v2", ".1 shipped", "", "  ", "it cost 7 ", " ,5 euros", "x9", ",a"]
    for before in parts:
        for part in parts:
            if before.strip() and part.strip():
                joined = join_said([before, part])
                assert joined == seams_mended(f"{before.strip()} {part.strip()}"), (before, part, joined)
                assert continues_figure(before, part) == (joined == before.strip() + part.strip()), (before, part)
