"""The voice bench's WER with hyphens joined: a hyphenated word counts as one word however the other text writes it."""

from __future__ import annotations

import pytest

from bench.voice_bench import joined_wer
from voiceprep.core.analysis.text import wer


@pytest.mark.parametrize(("reference", "heard", "app", "joined"), [
    ("Walk me through a Postgres schema.", "Walk me through a post-gres schema.", 2 / 6, 0.0),
    ("Tell me about a real-time service.", "Tell me about a real time service.", 0.0, 0.0),
    ("Tell me about a real-time service.", "Tell me about a realtime service.", 2 / 7, 0.0),
    ("Flask on Gunicorn?", "Flask on G Unicorn.", 2 / 3, 2 / 3),        # no hyphen written: still two words
    ("Walk me through a Postgres schema.", "Walk me through a post gres schema.", 2 / 6, 2 / 6),
    ("Why Affirm?", "Y firm?", 1.0, 1.0),
    ("for I/O-heavy payments", "for I owe heavy payments", 1 / 5, 1 / 5),      # "I/O" is no hyphenated word
    ("for I/O-heavy payments", "for I-O heavy payments", 0.0, 0.0),
])
def test_hyphens_are_joined_in_both_texts_and_nothing_else(reference, heard, app, joined):
    assert wer(reference, heard) == pytest.approx(app)
    assert joined_wer(reference, heard) == pytest.approx(joined)
