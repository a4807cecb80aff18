"""A thinking pause and the silence stop: the countdown before it, and what is said after it (walk24: a 6 s pause
ended the answer with no warning, and "Still thinking? Press R" started over instead of going on)."""

from __future__ import annotations

import math
import re

# words an unfinished sentence ends on: a thought broken off ("...and", "so, um"); mend49: a subject, an "if" or a
# possessive with nothing after it ("and then we.": a pause may be written with a full stop); not "while" ("for a
# while." ends one: read48c)
HANGING = frozenset({"and", "so", "but", "or", "because", "then", "which", "who", "where", "when", "like",
                     "um", "uh", "er", "the", "a", "an", "to", "of", "with", "for", "my", "our",
                     "we", "they", "he", "she", "if", "their", "your", "its"})


def may_be_mid_thought(text: str) -> bool:
    """Whether an answer the silence stop ended (and that missed a point) looks cut mid-sentence, so "Not finished?
    Press C" helps: its last words end no sentence (no . ? ! after them, an ellipsis, or a word no sentence ends on,
    `HANGING`: "and", "um", "was"). Walk37: after answers that ended the normal way (53 s, 5 of 6 points) the banner
    read as a warning; walk64 finding 6: so it did after short answers that ended with a finished sentence ("That's
    what I know mostly.", 17 s of 150), which a rule by the time spoken (under a quarter of the target) showed it
    for. However short, an answer that ended its sentence was finished; the state line still says C continues it."""
    said = text.strip()
    if not said:
        return False
    words = re.findall(r"[\w']+", said.lower())
    return said[-1] not in ".?!" or said.endswith("...") or bool(words) and words[-1] in HANGING


def silence_countdown(trailing_s: float, heard_speech: bool, stop_s: float, warn_s: float) -> int | None:
    """Whole seconds left before the silence stop ends the answer, once it is `warn_s` away or nearer; None while
    there is no stop to warn of (speech since, nothing said yet: the no-speech stop's case, the stop or the warning
    off)."""
    if not stop_s or not warn_s or not heard_speech:
        return None
    left = stop_s - trailing_s
    if left > warn_s or left <= 0:
        return None
    return math.ceil(left - 1e-9)


def countdown_text(left: int) -> str:
    """The recording's warning: any speech cancels it."""
    return f"Still there? Stopping in {left}…  Keep talking to go on."


def silence_stop_text(seconds: float, silence_s: float, continue_key: str = "C", again_key: str = "R") -> str:
    """Said over the feedback of an answer that the silence stop ended (walkthrough 11: a 4 s thinking pause ended
    the answer, and the feedback only said "Duration 16 s, short"): going on adds to this answer (walk24). Said as
    information: the answer is scored below (walk44 finding 4: it read like a warning)."""
    spoke_until = int(max(0.0, seconds - silence_s))
    return (f"The answer stopped by itself after {silence_s:g} s of silence (you last spoke at {spoke_until // 60}:"
            f"{spoke_until % 60:02d}) and is scored below. Not finished? Press {continue_key} to continue this answer "
            f"(what you add joins it: one answer, scored again), or {again_key} to start over. Settings > Stop after "
            "silence sets how long a pause may be.")


def silence_stopped_line(silence_s: float, continue_key: str = "C") -> str:
    """The state line's fact under the feedback of every answer the silence stop ended (the banner above comes only
    when it may be cut mid-thought: walk44 finding 4 saw it after one such answer and not the other)."""
    return f"It stopped by itself after {silence_s:g} s of silence; {continue_key} continues this answer."

