"""Advice on writing a key point: a short hint when a label will be hard for the judge to check.

The judge compares what the candidate said with the key point's label (question_banks/README.md, "Key points:
the label is enough"). A good label is one thing, in the candidate's own words for what they did or know ("I cut
p99 latency from 900 ms to 40 ms with a ring buffer"). Two kinds of label give the judge little to go on:
a note to self that names what to say without saying it ("Say what I measured and the number"), and a bare
quality ("Good communication"). Offline and deterministic; the editor shows the hint beside the point.
"""

from __future__ import annotations

import re

# "what I measured", "how we rolled it out", "the number", "the results": a slot the answer should fill
# ... "how you kept it private", "what data the pipeline carried" (walk59: the judge compares content, not the ask)
_PLACEHOLDER = re.compile(r"\b(?:what|how|why|which|who|where|when)\s+(?:I|we|my|our|you|your)\b|"
                          r"\b(?:what|which)\s+[a-z]+\s+(?:the|a|an|I|we|you|my|our|your|they|it)\b|"
                          r"\bthe\s+(?:numbers?|metrics?|results?|impact|outcome|details?|figures?)\b(?!\s+of\b)",
                          re.IGNORECASE)
_TO_SELF = re.compile(r"(?:say|mention|talk\s+about|tell|give|explain|describe|remember|don'?t\s+forget|"
                      r"be\s+sure|make\s+sure|bring\s+up|state|add|include|show)\b", re.IGNORECASE)
# qualities an interviewer looks for: a label made of them says nothing the answer could be matched with
_QUALITIES = frozenset(re.findall(r"\S+", """
good great strong excellent solid clear effective real genuine deep high positive
communication communicator communicating teamwork team player collaboration collaborative leadership leader
ownership initiative passion passionate motivation motivated attitude culture fit skills skill technical soft
problem solving problem-solving critical thinking experience knowledge expertise adaptability flexibility
curiosity curious growth mindset empathy integrity professionalism professional work ethic hard-working
detail-oriented attention to detail organised organized reliable proactive creative creativity impact
"""))
MAX_QUALITY_WORDS = 4         # "Strong problem solving skills" is a quality; a longer label says more
# ... and what follows a colon or a dash after the slot fills it: "State the result: fewer delayed discharges" says the
# result (walk61 3); two words at least ("Say the number: 40%" is one, and still says it: a figure counts)
_SAID_AFTER = re.compile(r"\s*(?::|\s[-\u2013\u2014])\s*(?:\S+\s+\S|\S*\d)")
# the examples shown fit any job (walk61 3: a latency figure was shown in a hospital data analyst's bank)
SAID_EXAMPLE = "We finished two weeks early and cut the cost by a tenth"


def key_point_hint(label: str) -> str:
    """A short hint when the label will be hard to check, else "" (the point reads fine)."""
    text = " ".join(label.split()).rstrip(".")
    if not text:
        return ""
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", text)
    if words and len(words) <= MAX_QUALITY_WORDS and not re.search(r"\d", text) \
            and all(w.lower() in _QUALITIES for w in words):
        return ("Hard to check: a quality, not something you say. Write what you did that shows it, in your own "
                "words (e.g. \"I wrote the plan and walked the team through it\").")
    slot = _PLACEHOLDER.search(text) if _TO_SELF.match(text) else None
    if slot and not _SAID_AFTER.search(text, slot.end()):
        return ("Hard to check: it names what to say without saying it. Write the thing itself, in your own "
                f"words (e.g. \"{SAID_EXAMPLE}\").")
    return ""
