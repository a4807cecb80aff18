"""Long spoken answers for benchmarks: real bank material, rendered with pyttsx3 (espeak-ng)."""

from __future__ import annotations

from pathlib import Path

PARAGRAPHS = [
    "At my previous company we ran a trading platform whose order matching engine suffered from heavy lock "
    "contention. Latency spiked whenever volume grew, and customers noticed.",
    "My task was to make matching predictable under load. I studied the problem, benchmarked a few designs, "
    "and proposed the LMAX Disruptor.",
    "It uses a ring buffer with a single writer and a sequencer, so the hot path is lock free. We pre-allocated "
    "every event to avoid garbage collection, and batched work to keep caches warm.",
    "I implemented the core and led the rollout. As a result, median latency dropped by forty percent and "
    "throughput went up three times.",
    "The trade-off was complexity: the business logic had to be single threaded, and debugging became harder. "
    "I learned to measure first and to document the design well.",
    "Airwallex is building a global financial platform, from multi-currency business accounts to global "
    "transfers and embedded finance.",
    "Under the hood this needs global distributed systems, multi-region consistency, low latency payment "
    "routing and high availability for services that move money.",
    "In my last role I built cross-region observability and multi-region monitoring, so I know how critical "
    "it is to detect routing issues early and keep reliability across cloud regions.",
    "Take HoYoverse with Genshin Impact: players in one hundred and fifty countries buy in-game currency in "
    "their local currencies, a player in Brazil pays in BRL while a developer in Montreal gets paid in CAD.",
    "For the payments system we consumed transactions from Kafka topics with idempotency keys, so a retried "
    "message never charged a customer twice, and failed messages went to a dead letter queue.",
]


def answer_text(seconds: float, wpm: float = 160) -> str:
    """About `seconds` of speech at `wpm`, cycling through the paragraphs."""
    words_needed = int(seconds * wpm / 60)
    out, i = [], 0
    while sum(len(p.split()) for p in out) < words_needed:
        out.append(PARAGRAPHS[i % len(PARAGRAPHS)])
        i += 1
    return " ".join(out)


def render(text: str, out: Path, rate: int = 165) -> Path:
    from voiceprep.speech.tts import Speaker

    return Speaker(rate=rate, cache_dir=out.parent).render(text, out=out)
