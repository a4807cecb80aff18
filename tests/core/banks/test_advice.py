"""A hint beside a key point that will be hard to check (walkthrough 12, item 4)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from voiceprep.core.banks.advice import key_point_hint

ROOT = Path(__file__).resolve().parents[3]


def test_a_bare_quality_and_a_note_to_self_get_a_hint():
    """Walkthrough 12 (20.png, 96-c): "Good communication" and "Say what I measured and the number" were accepted
    without a word, and the second was missed in an answer that gave the numbers."""
    for label in ("Good communication", "Teamwork", "Strong problem solving skills"):
        assert key_point_hint(label).startswith("Hard to check: a quality"), label
    for label in ("Say what I measured and the number", "Mention the results", "Explain how we rolled it out"):
        assert key_point_hint(label).startswith("Hard to check: it names what to say"), label


def test_specific_key_points_get_no_hint():
    for label in ("Explain the ring buffer and single writer", "I cut the number of pages by half",
                  "Leadership at Stripe: I ran the on-call rotation", "Lock contention in the order matcher was "
                  "the root cause", "We ran a failover drill every quarter", "Kafka", ""):
        assert key_point_hint(label) == "", label


def test_the_bundled_banks_key_points_get_no_hint():
    labels = [k["label"] for f in sorted((ROOT / "question_banks").glob("*.toml"))
              for r in tomllib.loads(f.read_text(encoding="utf-8")).get("rounds", [])
              for p in r.get("prompts", []) for k in p.get("key_points", [])]
    assert len(labels) > 50 and not [label for label in labels if key_point_hint(label)]


def test_a_note_to_self_that_then_says_the_thing_gets_no_hint_and_the_example_fits_any_job():
    """walk61 3: "State the result: fewer delayed discharges" says the result, yet was flagged, with a backend latency
    figure ("Throughput tripled; p99 fell from 12 ms to 2 ms") as the example in a hospital data analyst's bank."""
    for label in ("State the result: fewer delayed discharges", "Say what I measured: waiting times and bed days",
                  "Mention the number - 40%", "Name the outcome \u2014 two wards closed fewer beds"):
        assert key_point_hint(label) == "", label
    for label in ("Explain how I cut the backlog by a third", "Say what I automated", "Say how I checked the data quality",
                  "State the result:", "Mention the results: it"):
        hint = key_point_hint(label)
        assert hint.startswith("Hard to check: it names what to say"), label
        assert not any(word in hint for word in ("p99", "ms", "Throughput", "design doc")), hint
    for label in ("Name who I agreed the priorities with", "Describe the bed occupancy analysis I ran"):
        assert key_point_hint(label) == "", label
    assert "design doc" not in key_point_hint("Good communication")
