"""The interviewer's follow-up question for a key point the answer missed."""

from __future__ import annotations

import re

from voiceprep.core.banks.model import KeyPoint, Prompt

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
    head = label.split(":")[0].strip() or label          # what comes before the items a label lists
    if first in _SECOND_PERSON:              # written in the first person: "I wrote the postmortem..."
        if _NEGATIVE.search(" ".join(head.split()[1:3])):   # "We never store card numbers": that, not how
            return f"You haven't said yet that {_to_you(head)}. Can you tell me more about that?"
        return f"You haven't said yet how {_to_you(head)}. Can you walk me through that?"
    if first in _IMPERATIVES:
        return f"Could you {_to_you(_lower_first(label))}?"
    if _is_clause(head):                     # "Finance could close the books the same morning": a statement
        return f"You didn't mention this point: “{_to_you(head)}”. Can you tell me about that?"
    return f"Can you tell me more about {_to_you(_lower_first(head))}?"


def prompt_follow_up(prompt: Prompt, missed_any: bool) -> list[str]:
    """The bank's own follow-up for the prompt: asked first, when the answer missed a point."""
    return [prompt.follow_up] if prompt.follow_up and missed_any else []


_WH = frozenset({"what", "how", "why", "who", "when", "where", "which", "whether"})
_NEGATIVE = re.compile(r"\b(never|not|no|without)\b|n't\b", re.IGNORECASE)
_VERBS = frozenset({"is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "can",
                    "could", "will", "would", "should", "must", "may", "might", "went", "got", "made", "cut", "grew",
                    "fell", "rose", "took", "kept", "keeps", "matches", "means", "runs", "ran"})


def _is_clause(text: str) -> bool:
    """A label that says something happened or is so ("Duplicate charges dropped to zero"), not a topic
    ("Idempotency keys and deduplication"): "tell me more about" would not fit it."""
    words = [w.lower().strip(",;") for w in text.split()]
    if not words or words[0] in _WH:         # "What you changed so it would not happen again": a topic
        return False
    return len(words) >= 4 and any(w in _VERBS or (len(w) > 4 and w.endswith("ed")) for w in words[1:])
