"""Small pieces of the app's wording shared by the core, the app layer, the CLI and the GUI (Qt-free)."""

from __future__ import annotations


def counted(n: int, word: str, plural: str | None = None) -> str:
    """ "1 attempt", "3 attempts", "0 fillers": a count and its noun (a plain "s" plural, or `plural`: "1 competency",
    "2 competencies"), never a form's "(s)"."""
    return f"{n} {word if n == 1 else plural or word + 's'}"
