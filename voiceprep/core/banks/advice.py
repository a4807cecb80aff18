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


def key_point_hint(label: str) -> str:
    """A short hint when the label will be hard to check, else "" (the point reads fine)."""
    text = " ".join(label.split()).rstrip(".")
    if not text:
        return ""
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", text)
    if words and len(words) <= MAX_QUALITY_WORDS and not re.search(r"\d", text) \
            and all(w.lower() in _QUALITIES for w in words):
        return ("Hard to check: a quality, not something you say. Write what you did that shows it, in your own "
                "words (e.g. \"I wrote the design doc and walked the team through it\").")
    if _TO_SELF.match(text) and _PLACEHOLDER.search(text):
        return ("Hard to check: it names what to say without saying it. Write the thing itself, in your own "
                "words (e.g. \"Throughput tripled; p99 fell from 12 ms to 2 ms\").")
    return ""
