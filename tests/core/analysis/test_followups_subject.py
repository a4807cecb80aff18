"""A follow-up asks about a point's subject and leaves its content to the candidate (walk23: on a bank made from
pasted notes every follow-up read the whole key point back: "Can you tell me how p99 latency of the payouts API went
from 900ms to 180ms after you added a Redis cache?"). Numbers and their units, "from X to Y", "by half", the cause
("after ...", "by adding ..."), the purpose ("so ...", "to keep ...") and a second clause joined by a comma are
left out; where it moved to ("to Stripe") too."""

from __future__ import annotations

import re

import pytest

from voiceprep.core.analysis.followups import follow_up_for
from voiceprep.core.banks.model import KeyPoint

NOTES = [
    ("idempotency keys on every payment request so retries never double charge",
     "Can you tell me about idempotency keys on every payment request?"),
    ("I ran Kafka consumers per merchant shard to keep ordering",
     "You haven't said yet how you ran Kafka consumers. Can you walk me through that?"),
    ("p99 latency of the payouts API went from 900ms to 180ms after I added a Redis cache",
     "Can you tell me what happened to p99 latency of the payouts API?"),
    ("I moved to Stripe from an in-house card processor, cut PCI scope by half, and kept chargebacks flat",
     "You haven't said yet how you moved from an in-house card processor. Can you walk me through that?"),
    ("We reduced on-call pages from 30 a week to 5 by adding SLO alerts",
     "You haven't said yet how you reduced on-call pages. Can you walk me through that?"),
    ("I migrated the ledger to Postgres to get strict ordering",
     "You haven't said yet how you migrated the ledger. Can you walk me through that?"),
    ("Retries used idempotency keys so a payment was never charged twice",
     "Can you tell me how retries used idempotency keys?"),
    ("Cut p99 routing latency by 40% to 200ms", "How much did you cut p99 routing latency by?"),     # fixBN
    ("Deploys went from weekly to twenty a day after we split the monolith",
     "Can you tell me what happened to deploys?"),
    ("Zooms were kept to 15 minutes", "Can you tell me how zooms were kept?"),
    # a contrast, a time it lasted, a participle clause: "instead of ...", "until ...", ", rolling back ..."
    ("I took ownership and answered the same day instead of passing them from team to team",
     "You haven't said yet how you took ownership and answered the same day. Can you walk me through that?"),
    ("We stopped the bleeding first, rolling back or switching the feature off, before hunting for the cause",
     "You haven't said yet how you stopped the bleeding first. Can you walk me through that?"),
    ("I gave a clear recommendation in plain language, not just a dashboard",
     "You haven't said yet how you gave a clear recommendation in plain language. Can you walk me through that?"),
    ("Remote feature flags, so a broken feature can be turned off without shipping a new build",
     "Can you tell me about remote feature flags?"),
    # the means is the answer too: "with a read-through cache", "per merchant shard"
    ("Cut p99 latency by 40% with a read-through cache", "How much did you cut p99 latency by?"),    # fixBN
    ("I fixed the hazard itself with a change to equipment, layout or process",
     "You haven't said yet how you fixed the hazard itself. Can you walk me through that?"),
]


@pytest.mark.parametrize("label, asked", NOTES)
def test_a_pasted_point_is_asked_about_its_subject(label, asked):
    assert follow_up_for(KeyPoint(id="k", label=label, cues=())) == asked


@pytest.mark.parametrize("label", [label for label, _asked in NOTES])
def test_no_number_or_result_name_is_read_back_and_the_question_is_shorter(label):
    asked = follow_up_for(KeyPoint(id="k", label=label, cues=()))
    numbers = {w for w in re.findall(r"[\w%]+", label) if re.fullmatch(r"\d[\w%]*", w)}
    assert not numbers & set(re.findall(r"[\w%]+", asked)), asked
    moved_to = re.findall(r"\b(?:to|into|onto)\s+([A-Z]\w+)", label)
    assert not any(name in asked for name in moved_to), asked
    said = [w for w in re.findall(r"[\w'-]+", label.lower()) if w in asked.lower().split()]
    assert len(said) < len(label.split()), asked


@pytest.mark.parametrize("label, asked", [
    # the same words, kept: a complement, not a purpose; "how much" for a change, as before
    ("I learned what the customer was trying to achieve as a business",
     "You haven't said yet how you learned what the customer was trying to achieve as a business. "
     "Can you walk me through that?"),
    ("I decided to migrate the ledger", "You haven't said yet how you decided to migrate the ledger. "
                                        "Can you walk me through that?"),
    ("PCI scope shrank by half", "How much did PCI scope shrink?"),
    ("The customer was unhappy with the delay", "Can you tell me how the customer was unhappy with the delay?"),
    ("The service, which handles payouts, was rewritten in Go",
     "You haven't said yet that the service, which handles payouts, was rewritten in Go. "
     "Can you tell me about that?"),
])
def test_a_complement_an_aside_and_a_change_are_asked_as_before(label, asked):
    assert follow_up_for(KeyPoint(id="k", label=label, cues=())) == asked
