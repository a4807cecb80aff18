"""Small pieces of the app's wording shared by the core, the app layer, the CLI and the GUI (Qt-free)."""

from __future__ import annotations


def counted(n: int, word: str, plural: str | None = None) -> str:
    """ "1 attempt", "3 attempts", "0 fillers": a count and its noun (a plain "s" plural, or `plural`: "1 competency",
    "2 competencies"), never a form's "(s)"."""
    return f"{n} {word if n == 1 else plural or word + 's'}"


def capitalised(text: str) -> str:
    """Text with its first letter capitalised, as a label starts, unless its first word is written as an identifier
    and so kept as written: a digit in it ("p99", "k8s") or a capital after its first letter ("iOS", "gRPC", "eBPF").
    Fix34 left "p99 fell under 2 ms" reading "P99 fell ..."."""
    first = text.split()[0] if text.split() else ""
    if any(ch.isdigit() for ch in first) or any(ch.isupper() for ch in first[1:]):
        return text
    return text[:1].upper() + text[1:]


def score_text(score: float | None) -> str:
    """A score as every screen and command shows it: a whole number, rounded once from the stored value ("–" for
    none). Walk24: `history stats` said "best 99.8" where Progress showed 100."""
    return "–" if score is None else f"{score:.0f}"
