"""walk46: a spoken Affirm answer run on with commas (tiny.en), a told consistency choice, quotes cut short."""

from __future__ import annotations

from dataclasses import replace

from tests.conftest import BANKS
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.keypoints import KeyPointResult
from voiceprep.core.analysis.segments import units
from voiceprep.core.banks.load import load_bank
from voiceprep.core.transcript import Transcript

# realtime-service as tiny.en wrote it: one comma-run from "I designed..." to the end
REALTIME_RUN = (
    "So, um, well, I'm proudest of a real time quote, serviced for card payments. It handled about, uh, 12,000 "
    "requests per second at peak, and latency target 150 milliseconds at the 99 for around 2 million users. I designed "
    "it and free services behind the load balancer, with Kafka filaments, and Redis caching in front and postgres, "
    "wait, no, sorry, the cache one in front on the pricing service, not postgres, for failure we can time out on "
    "every call, retry with Macov, and idempotency keys, and if pricing was now we'd be drained to the last cached "
    "quote, I led the design and I decided to split the right path out, in the end the 99 latency dropped from 100 "
    "and 20 milliseconds to 40 milliseconds, so I'm out three times faster.")
WHY_AFFIRM_RUN = (
    "Um, so why Affirm? Uh, honestly, I like Net of the Platform team builds, well, API Net every product sits on, "
    "Uh, I spent the last four-year mon cross-region observability, and distributed infrastructure tooling, so, you "
    "know, building the platform underneath in exactly what I want to draw into.")
CONSISTENCY = ("And on consistency, the payments writes stayed strongly consistent on the primary, and reads for "
               "dashboards were eventually consistent from the replicas.")


def spoken(text: str) -> Transcript:
    """The text as a transcribed answer (misheard words are read as heard), not as a typed one."""
    return replace(Transcript.from_text(text), model="tiny.en")


def point(prompt: str, text: str, kp: str, heard: bool = False) -> tuple[KeyPointResult, str]:
    """The key point's result, and the quote shown for it ("" when none)."""
    bank = load_bank(BANKS / "affirm-backend-platform.toml")
    answer = spoken(text) if heard else Transcript.from_text(text)
    a = analyze_answer(bank, bank.prompt(prompt), answer)
    quotes = a.evidence.get(kp, [])
    return next(r for r in a.key_points if r.key_point.id == kp), quotes[0].text if quotes else ""


def test_a_told_step_after_a_comma_runs_would_is_not_a_plan():
    """"..., and if pricing was down we'd degrade to the last cached quote, I led the design, ...": the "we'd" scoped
    over every clause after it, so the result said at the end of the run was a plan."""
    raw = REALTIME_RUN.split()
    led = raw.index("led")
    told = [u for u in units(raw) if u.first <= led <= u.last or u.first > led]
    assert told and not any(u.hypothetical for u in told), [(u.text, u.hypothetical) for u in told]


def test_a_number_said_with_and_is_not_cut_into_two_windows():
    raw = REALTIME_RUN.split()
    at = raw.index("20")
    assert not any(u.first == at - 1 for u in units(raw) if u.kind == "sentence"), "a window opens at '100 and 20''s and"


def test_the_result_at_the_end_of_a_comma_run_is_found():
    for heard in (False, True):
        result, quote = point("realtime-service", REALTIME_RUN, "result", heard)
        assert result.hit, (heard, result.confidence)
        assert "40 milliseconds" in quote, quote


def test_a_told_consistency_choice_is_not_a_view():
    """"reads were eventually consistent" names the consistency model chosen: "eventually" is no plan there."""
    raw = CONSISTENCY.split()
    assert not any(u.hypothetical for u in units(raw)), [(u.text, u.hypothetical) for u in units(raw)]
    consistency, _ = point("ha-storage", CONSISTENCY, "consistency")
    assert consistency.hit, consistency.confidence
    # still a plan when it is one
    plan, _ = point("ha-storage", "We would eventually move the reads to the replicas, I think.", "consistency")
    assert not plan.hit


def test_a_quote_keeps_the_window_that_says_the_rest_of_the_point():
    """The team point quoted "well, API Net every product sits on …" without "the Platform team builds" just before
    it, and the architecture point "… free services behind the load balancer, with Kafka filaments …" without
    "Redis caching": a window of a long run is joined with the next when the two say more of the point's cues."""
    team, quote = point("why-affirm", WHY_AFFIRM_RUN, "platform-team", heard=True)
    assert team.hit and "Platform team builds" in quote and "API" in quote, quote
    architecture, quote = point("realtime-service", REALTIME_RUN, "architecture", heard=True)
    assert architecture.hit and "Kafka" in quote and "Redis caching" in quote, quote


def test_a_point_set_aside_is_never_explained_by_a_bare_opener():
    """fixBH 3 (fixBF left): "And on consistency," alone was the "Close, but…" quote, explained as "a general remark or
    a view"; a set-aside quote is quoted as evidence is, with what its sentence says after the opener."""
    denied, _ = point("ha-storage", "And on consistency, we didn't keep the writes strongly consistent on the primary.",
                      "consistency")
    assert not denied.hit
    shown = [u.text for u in denied.judgement.excluded]
    assert shown and all(len(t.split()) >= 6 for t in shown), shown
    assert denied.judgement.excluded_why == "not done", denied.judgement.excluded_why
