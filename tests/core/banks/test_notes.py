"""Prep notes to proposed key points (issue 14.3): one per idea, with cues from the idea itself."""

from __future__ import annotations

from tests.core.banks.test_draft import seed
from voiceprep.core.banks.notes import propose_key_points


def test_seed_000_notes_become_one_point_per_idea():
    points = propose_key_points(seed("000"))
    labels = [p.label for p in points]
    assert 10 <= len(points) <= 30
    lmax = next(p for p in points if p.label.startswith("LMAX disruptor"))
    assert "LMAX" in lmax.cues and "disruptor" in lmax.cues
    hoyo = next(p for p in points if "HoYoverse" in p.label)
    assert {"HoYoverse", "Genshin Impact", "{number} countries"} <= set(hoyo.cues)
    assert any("Brazil" in p.cues and "Japan" in p.cues for p in points)
    assert not any(label.endswith("?") for label in labels)                 # questions are prompts, not points
    assert not any("draft: true" in label or "png" in label for label in labels)   # front matter, embeds
    for p in points:
        assert 1 <= len(p.cues) <= 4 and 1 <= p.min_cues <= len(p.cues)


def test_bullets_numbers_and_short_headings():
    notes = "Project experience\n\n- Cut p99 latency by 40% with a ring buffer\n- Led 5 engineers\n* Kafka\n"
    points = propose_key_points(notes)
    assert [p.label for p in points] == ["Cut p99 latency by 40% with a ring buffer", "Led 5 engineers", "Kafka"]
    assert "{number} engineers" in points[1].cues and points[2].cues == ["Kafka"]


def test_empty_notes_propose_nothing():
    assert propose_key_points("") == [] and propose_key_points("---\n\n???\n") == []
