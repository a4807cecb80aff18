"""A point is quoted by the sentence that tells it, not by the next point's sentence that repeats its cue words
(walk48 1: "retries without an idempotency key" was quoted by the fix, "I added an idempotency key …")."""
from __future__ import annotations

import pytest

from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.banks import parse_bank
from voiceprep.core.transcript import Transcript

BANK = (
    'schema = 1\nvocabulary = ["Stripe", "Kafka", "Postgres"]\n'
    '[job]\nid = "my-payments"\ntitle = "Backend Engineer, Payments"\ncompany = "Acme Pay"\n'
    '[[rounds]]\nid = "tech"\ntitle = "Technical deep dive"\n'
    '[[rounds.prompts]]\nid = "double-charge"\ntext = "Tell me about a time you stopped customers being charged twice."\n'
    '[[rounds.prompts.key_points]]\nid = "cause"\nlabel = "Explain the root cause: retries without an idempotency key"\n'
    'cues = ["retry|retries", "idempotency key"]\n'
    '[[rounds.prompts.key_points]]\nid = "fix"\n'
    'label = "The fix: idempotency keys stored in Postgres with a unique constraint"\n'
    'cues = ["idempotency key", "unique constraint|unique index"]\n'
    '[[rounds.prompts.key_points]]\nid = "impact"\nlabel = "The result in numbers: duplicate charges fell to zero"\n'
    'cues = ["{number} percent|zero|none"]\n')
ANSWER = ("Last year our mobile app retried a payment request when the network timed out, and the server had no "
          "idempotency key, so some customers were charged twice. I added an idempotency key to every request and "
          "stored it in Postgres behind a unique constraint, so a retry returns the original result. After the "
          "release, duplicate charges fell to zero over the next three months.")

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py


def test_the_cause_is_quoted_by_the_cause_sentence_not_by_the_fix():
    bank = parse_bank(BANK)
    a = analyze_answer(bank, bank.prompt("double-charge"), Transcript.from_text(ANSWER))
    assert a.judge.method == "semantic", a.judge.message
    by = {r.key_point.id: r for r in a.key_points}
    assert by["cause"].hit and by["fix"].hit
    cause, fix = by["cause"].judgement.unit.text, by["fix"].judgement.unit.text
    assert "had no idempotency key" in cause and "I added" not in cause, cause
    assert fix.startswith("I added an idempotency key"), fix
    # the matcher reads "no idempotency key" as the label's own "without …", not as a denial
    assert [m.first for m in by["cause"].matches if m.cue == "idempotency key"] == [19]
    assert not by["cause"].negated
