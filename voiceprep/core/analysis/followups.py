"""The interviewer's follow-up question for a key point the answer missed."""

from __future__ import annotations

import re

from voiceprep.core.banks.model import KeyPoint

_IMPERATIVES = ("say", "name", "explain", "give", "tie", "connect", "quantify", "walk", "describe", "mention",
                "show", "state", "tell", "list")


_SECOND_PERSON = {"i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself", "we": "you",
                  "us": "you", "our": "your", "ours": "yours", "ourselves": "yourselves", "i'm": "you're",
                  "i've": "you've", "i'd": "you'd", "i'll": "you'll", "we're": "you're", "we've": "you've",
                  "we'd": "you'd", "we'll": "you'll", "am": "are"}


def _to_you(text: str) -> str:
    """A point the candidate wrote about themselves, said back to them: "I cut our latency" -> "you cut your latency"."""
    return re.sub(r"[A-Za-z']+", lambda m: _SECOND_PERSON.get(m.group(0).lower(), m.group(0)), text)


# first words of a label that are not names: lower-cased mid-sentence ("about the problem"); any other capitalised
# first word may be a name and is kept ("about Kafka partitions")
_COMMON_STARTS = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "your", "my", "our", "their", "its", "one", "two",
    "three", "some", "any", "each", "every", "all", "both", "how", "what", "why", "who", "when", "where",
    "which", "whether", "problem", "result", "results", "impact", "role", "decision", "decisions",
    "trade-offs", "trade-off", "tradeoffs", "lessons", "lesson", "scale", "measured", "measurable", "clear",
    "concrete", "specific", "real", "customer", "customers", "team", "teams", "business", "technical",
    "personal",
})


def _lower_first(text: str) -> str:
    """Lower-case a label's first word for mid-sentence use when it is a common word, not a name ("Kafka", "LMAX")."""
    first = text.split()[0] if text.split() else ""
    if first.lower().strip(":,") in _COMMON_STARTS or first.lower() in _IMPERATIVES:
        return text[0].lower() + text[1:]
    return text


def follow_up_for(kp: KeyPoint) -> str:
    """The bank's follow_up, else a question phrased from the key point's label."""
    if kp.follow_up:
        return kp.follow_up
    label = kp.label.strip().rstrip(".")
    first = label.split()[0].lower() if label else ""
    if first in _SECOND_PERSON:              # written in the first person: "I wrote the postmortem..."
        return f"You haven't said yet how {_to_you(label)}. Can you walk me through that?"
    body = _lower_first(label)
    if first in _IMPERATIVES:
        return f"Could you {_to_you(body)}?"
    head = body.split(":")[0].strip()
    return f"Can you tell me more about {_to_you(head)}?"
