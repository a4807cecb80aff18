"""walk57 1 and 2: the incident's own figures, told before the candidate says what they did, are no measured result of
their fix (judge83: a latency that went up is no fix's result); and the quote shown for a tick is the sentence
that carries the point (a pair's sentence that says it, the sentence that says the point's words together), the same
in Try it as in Practice."""
from __future__ import annotations

import pytest

from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.banks import parse_bank
from voiceprep.core.transcript import Transcript

# a backend platform bank written the way the bank editor writes one: plain-sentence key points, no cues
BANK = (
    'schema = 2\n[job]\nid = "platform"\ntitle = "Backend Platform Engineer"\ncompany = "Lendly"\n'
    '[[rounds]]\nid = "r1"\ntitle = "Round 1"\n'
    '[[rounds.prompts]]\nid = "slow"\ntext = "Tell me about a performance problem you debugged across distributed services."\n'
    'follow_up = "How did you know the fix worked?"\n'
    '[[rounds.prompts.key_points]]\nid = "traced"\nlabel = "I found where the time went with tracing and metrics"\n'
    '[[rounds.prompts.key_points]]\nid = "cause"\nlabel = "I found the root cause"\n'
    '[[rounds.prompts.key_points]]\nid = "measured"\nlabel = "I shipped a fix and measured latency before and after"\n'
    '[[rounds.prompts]]\nid = "pipeline"\n'
    'text = "How would you design a pipeline that collects, validates and archives all our log events?"\n'
    '[[rounds.prompts.key_points]]\nid = "queue"\n'
    'label = "Put a durable queue like Kafka between the producers and the consumers"\n'
    '[[rounds.prompts.key_points]]\nid = "validate"\n'
    'label = "Validate each event against a schema and send bad ones to a dead letter queue"\n'
    '[[rounds.prompts.key_points]]\nid = "archive"\n'
    'label = "Archive raw events to cheap storage like S3 so they can be replayed"\n')

INCIDENT = ("In March our payments search got slow, p95 latency went from 300 milliseconds to 4 seconds. "
            "I used tracing in Tempo and our Prometheus metrics to find where the time went, and it was the pricing "
            "service. The root cause was a missing index on the quotes table, so every price lookup scanned it all. "
            "I added the index and rolled it out behind a feature flag.")
MEASURED = INCIDENT + " I measured the latency before and after the release: p95 came back down from 4 seconds to 250 ms."
# walk57's drill answer as tiny.en wrote it (the archive sentence garbled, so meaning alone is weak and its words decide)
PIPELINE = ("I would put Kafka in the middle, so produce a right event to a durable log and consumer read at their own "
            "pace. Each consumer motivates the event against a JSON schema, and anything that fails goes to an end "
            "letter topic that we alert on. Finally, I think John writes the raw event to let's read in our early "
            "partitions, so we can replay them if a consumer had a mug.")

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py


def _judge(prompt: str, text: str):
    bank = parse_bank(BANK)
    a = analyze_answer(bank, bank.prompt(prompt), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    return {r.key_point.id: (r.hit, (a.evidence.get(r.key_point.id) or [None])[0]) for r in a.key_points}, a


@pytest.mark.xfail(strict=True, reason="judge83: `result_ways_implied` (a quantity that got worse is no result) makes it "
                   "pass, but cost 2 true ticks on dev2 A-T for no false one; off by default, see test_judge_result_direction")
def test_the_incidents_own_figures_are_no_measured_result():
    # judge83: latency that went up (300 ms to 4 s) is the incident, not a fix's result: a point that asks for a result
    # is not said by a quantity moving the worse way (`better_ways`; judge81's "told before the first I/we" not taken)
    points, a = _judge("slow", INCIDENT)
    assert points["traced"][0] and points["cause"][0]
    assert not points["measured"][0]      # nothing was measured after the fix: the follow-up asks about it
    assert any(f["key_point_id"] == "measured" for f in a.follow_ups)


def test_the_measured_result_told_after_the_fix_still_counts():
    points, _ = _judge("slow", MEASURED)
    hit, quote = points["measured"]
    assert hit
    assert quote.text.startswith("I measured the latency before and after"), quote.text


def test_the_root_cause_is_quoted_by_the_root_cause_sentence():
    # the pair "The root cause was … . I added the index …" ticks it (its "I" is in the second sentence); the quote is
    # the sentence that says the cause. (Heard as a recording, "to find where the time went" also matches the label's
    # "found" by sound, and the point is quoted by that cue's sentence: left, see docs/benchmarks.md judge81.)
    points, _ = _judge("slow", INCIDENT)
    hit, quote = points["cause"]
    assert hit
    assert quote.text.startswith("The root cause was a missing index"), quote.text


def test_the_archive_point_is_quoted_by_the_sentence_that_says_it():
    points, _ = _judge("pipeline", PIPELINE)
    hit, quote = points["archive"]
    assert hit
    assert quote.text.startswith("Finally, I think John writes the raw event"), quote.text
    assert points["queue"][1].text.startswith("I would put Kafka in the middle")
