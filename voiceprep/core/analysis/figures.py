"""Figures a transcription may have slipped on: a quote that says "99.5%" where its key point says "99.95%" (walk46:
"ninety nine point nine five percent" heard as "99.5%", "fifty milliseconds" as "150 milliseconds"). The point is
judged as it is; the feedback asks the candidate to check the figure rather than leave a quote that reads wrong."""

from __future__ import annotations

from voiceprep.core.analysis.text import tokenize_text
from voiceprep.settings import SLIP_MIN_DIGITS


def _near_miss(heard: str, wanted: str) -> bool:
    """Whether one figure is the other with one digit (or point) dropped or added: "99.5" / "99.95", "150" / "50",
    "2000" / "200"; not the same figure, nor one of a single digit."""
    short, long = sorted((heard, wanted), key=len)
    if len(long) != len(short) + 1 or len(long.replace(".", "")) < SLIP_MIN_DIGITS:
        return False
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _figures(text: str) -> list[tuple[str, str]]:
    """The numerals `text` says: each as the tokenizer reads it ("99.5") and as written ("99.5%")."""
    raw = text.split()
    return [(t.norm, raw[t.word].strip(",.;:!?\"“”()…")) for t in tokenize_text(text)
            if t.is_number and t.word < len(raw)]


def figure_slips(label: str, quote: str) -> list[tuple[str, str]]:
    """Each figure of `quote` that the key point's `label` does not state and that is a near miss (`_near_miss`) of
    one it states and the quote does not say, both written in digits: (as heard, as the label writes it), e.g.
    ("99.5%", "99.95%")."""
    said, stated = _figures(quote), _figures(label)
    said_norms, stated_norms = {n for n, _ in said}, {n for n, _ in stated}
    wanted = [(n, w) for n, w in stated if n not in said_norms and _digits(w)]
    return list(dict.fromkeys((h, w) for n, h in said if n not in stated_norms and _digits(h)
                              for m, w in wanted if _near_miss(n, m)))


def _digits(written: str) -> bool:
    """Whether a figure is written in digits, as a transcription writes one: "thirty" typed for "three months" is
    another figure, not a slip of one digit."""
    return any(c.isdigit() for c in written)


def slip_note(label: str, quote: str) -> str:
    """What the feedback says of the slips (`figure_slips`): "heard 99.5% — the point says 99.95%; check the
    figure" ("" when none)."""
    slips = figure_slips(label, quote)
    if not slips:
        return ""
    heard = ", ".join(h for h, _ in slips)
    wanted = ", ".join(dict.fromkeys(w for _, w in slips))
    return f"heard {heard} — the point says {wanted}; check the figure"
