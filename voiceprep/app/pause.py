"""A thinking pause and the silence stop: the countdown before it, and what is said after it (walk24: a 6 s pause
ended the answer with no warning, and "Still thinking? Press R" started over instead of going on)."""

from __future__ import annotations

import math


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
    the answer, and the feedback only said "Duration 16 s, short"): going on adds to this answer (walk24)."""
    spoke_until = int(max(0.0, seconds - silence_s))
    return (f"The answer stopped by itself after {silence_s:g} s of silence (you last spoke at {spoke_until // 60}:"
            f"{spoke_until % 60:02d}). Not finished? Press {continue_key} to continue this answer (what you add joins "
            f"it: one answer, scored again), or {again_key} to start over. Settings > Stop after silence sets how "
            "long a pause may be.")
