"""The interviewer's follow-up question for a key point the answer missed."""

from __future__ import annotations

from voiceprep.core.banks.model import KeyPoint

_IMPERATIVES = ("say", "name", "explain", "give", "tie", "connect", "quantify", "walk", "describe", "mention",
                "show", "state", "tell", "list")


def follow_up_for(kp: KeyPoint) -> str:
    """The bank's follow_up, else a question phrased from the key point's label."""
    if kp.follow_up:
        return kp.follow_up
    label = kp.label.strip().rstrip(".")
    first = label.split()[0].lower() if label else ""
    body = label[0].lower() + label[1:] if label else ""
    if first in _IMPERATIVES:
        return f"Could you {body}?"
    head = body.split(":")[0].strip()
    return f"Can you tell me more about {head}?"
