"""What covering an abstract key point usually sounds like, for any bank.

A label such as "The result, with a number" or "Your role and decisions" names an intent, not a topic, and a
sentence-embedding model finds a concrete answer ("p99 went from 800 to 120 ms") far from it. For a few common
interview intents, recognised by words in the label, the judge also compares the answer with a handful of
example sentences. The examples were written once from general interview knowledge (not from any labelled
answer) and do not depend on a bank.
"""

from __future__ import annotations

import re

INTENTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"\bresults?\b|\bimpact\b|\boutcome\b|\bmeasured\b|\bquantif|\bnumbers?\b|\bbefore and after\b", (
        "Response time dropped from two seconds to about two hundred milliseconds.",
        "We cut the error rate by forty percent.",
        "It went from a dozen incidents a month down to two.",
        "That saved roughly a hundred thousand dollars a year.",
        "Throughput doubled and costs fell by a third.",
        "Within three months the rate was down from six percent to under one percent.",
    )),
    # "own" as owning the work ("what you owned"), not the possessive of "your own cross-region observability work"
    # or "ran on its own" (walk51 4: there "I owned the design", said in a follow-up on another subject, ticked the
    # point)
    (r"\brole\b|\bdecisions?\b|\bdecided\b|\bown(?:ed|ership)\b"
     r"|(?<!\byour )(?<!\bmy )(?<!\bour )(?<!\btheir )(?<!\bits )(?<!\bhis )(?<!\bher )\bown\b"
     r"|\bi led\b|\bproposed\b|\bdrove\b", (
        "I led the project and made the main design decisions myself.",
        "I proposed the approach, built a prototype and convinced the team to adopt it.",
        "It was my call, so I decided we would go that way.",
        "I owned the design end to end and drove the rollout.",
    )),
    (r"\b(root )?causes?\b|\bwhy it happened\b|\bfound it\b", (
        "It turned out the real cause was a missing index on a large table.",
        "We traced it back to a connection pool that was far too small.",
        "The problem came from a configuration change that nobody had reviewed.",
        "The actual reason was that two processes were fighting over the same lock.",
    )),
    (r"\btrade-?offs?\b|\blessons?\b|\bdownsides?\b|\bdifferently\b", (
        "The downside was that the system became harder to reason about.",
        "In hindsight I would do it differently and start with something simpler.",
        "We gave up some flexibility to get the speed, and that had a cost.",
        "The lesson I took from it was to measure before optimizing.",
    )),
    (r"\blearn(ing|ed)?\b|\bpick(ing)? up\b|\bnew technolog", (
        "I had to learn it from scratch, so I read the documentation and built a small project in a week.",
        "I'm taking a course and shadowing someone who does it every day.",
    )),
    (r"\bbenefit|\bmattered\b|\bwhy it matter|\bprevented\b", (
        "It helped the on-call engineers and, in the end, our customers.",
        "That meant no lost money and far fewer incidents for the business.",
        "Because of that decision we avoided a lot of outages and revenue loss.",
    )),
    (r"\bagreed?\b|\bexpectations\b|\bfollowed up\b", (
        "We agreed on clear expectations and I checked back a few weeks later to make sure it stuck.",
    )),
    (r"\blisten|\backnowledg|\bhear (both|their)|\btheir side\b", (
        "I sat down with them and let them tell me everything without interrupting.",
        "I spoke to each person on their own first and heard their side.",
    )),
    (r"\bscale\b|\bvolume\b|\bhow many\b|\badoption\b|\bused it\b", (
        "It handled about thirty thousand requests a second for a few million users.",
        "Around forty partner companies and a few hundred developers ended up using it.",
        "We processed a couple of million transactions a day.",
    )),
    (r"\bprevent|\bnot happen again\b|\bso it would not\b|\bfrom slipping\b|\bkept it\b", (
        "To stop it from happening again we added an alert and a load test to the release process.",
        "We made it part of the standard routine so it would stick.",
    )),
)
# a label asking for a quantity: the sentence that covers it says a number
_WANTS_NUMBER = re.compile(r"number|measured|quantif|how many|scale|before and after|result", re.IGNORECASE)
_COMPILED = tuple((re.compile(pattern, re.IGNORECASE), examples) for pattern, examples in INTENTS)


def intent_examples(label: str) -> list[str]:
    """Example sentences for every common intent the label names (empty for a topic-only label)."""
    return [e for rx, examples in _COMPILED if rx.search(label) for e in examples]


def wants_number(label: str) -> bool:
    """The key point asks for a quantity ("The result, with a number", "What it did and its scale")."""
    return bool(_WANTS_NUMBER.search(label))
