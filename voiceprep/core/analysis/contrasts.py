"""The alternative a key point sets its claim against, told instead of the claim (issue 11, judge111).

Candidates write key points that set what they did against the easy way ("I changed the sequence or the method, not
just asked for longer hours", "I went to see them at home instead of sending letters", "I edited with them rather than
rewriting the copy myself"). An answer that tells the easy way ("so we did longer days and Saturdays, same sequence as
before", "I sent the letters", "I rewrote most of his copy myself") is close in meaning to the whole label, whose words
it shares, but it tells the opposite of the point: the labels' "Denials are misses" (labelling_notes.md).

So a covered point with such a contrast (`judge.CONTRASTED`) is set aside when the sentence that carries it is nearer
in meaning to the alternative (`alternative`: "asked for longer hours") than to the claim (`judge.needed_part`: "I
changed the sequence or the method") by `AnalysisSettings.contrast_margin`, turns to nothing else (`turns`: "as
charge I can fix one shift, but ..."), and no usable piece of the answer is as near the claim as it is to the
alternative (a strong story tells the claim too). A sentence that tells the claim and names the alternative only to
turn it down ("I changed the order, not just asked for longer hours") is nearer the claim.
Both texts are the label's, embedded with the prompt's texts (`judge.prompt_texts`), never the answer's own words.
"""

from __future__ import annotations

import re

import numpy as np

from voiceprep.core.analysis.products import dots

# the contrast marker and a "just" after it: "not just asked for longer hours", "instead of just sending letters"
_MARKER = re.compile(r"^\s*,?\s*(?:not\s+just|instead\s+of|rather\s+than)\s+(?:just\s+)?", re.IGNORECASE)


def alternative(contrast: str) -> str | None:
    """The alternative a label's contrast (the text `judge.CONTRASTED` matched: ", not just asked for longer hours")
    sets the claim against, without its marker ("asked for longer hours"); None when nothing is left."""
    alt = _MARKER.sub("", contrast).strip(" ,.;:")
    return alt or None


# a sentence that turns from one thing to another ("as charge I can fix one shift, but the same problems come back")
# sets the alternative against something: it does not tell the alternative instead of the claim
TURNS = frozenset({"but", "instead", "rather", "however", "though", "although", "whereas"})


def turns(text: str) -> bool:
    """Whether a piece of an answer turns from one thing to another (`TURNS`)."""
    return any(w.strip(".,;:!?\"'()").lower() in TURNS for w in text.split())


def _cos(vectors: np.ndarray, v: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=-1) * float(np.linalg.norm(v))
    out: np.ndarray = np.divide(dots(vectors, v), norms, out=np.zeros(norms.shape, dtype=float), where=norms > 0)
    return out


def tells_alternative(unit: np.ndarray, claim: np.ndarray, alt: np.ndarray, margin: float,
                      others: np.ndarray | None = None) -> bool:
    """Whether a sentence (its vector) is nearer the alternative than the claim by `margin` (cosine similarity) and,
    given the vectors of the answer's other usable pieces (`others`), none of them is as near the claim as this one is
    to the alternative: a story that tells the claim somewhere ("I traced it back: ...") and the alternative elsewhere
    ("so I binned all the rice") tells the point."""
    to_alt = float(_cos(unit[None, :], alt)[0])
    if to_alt < float(_cos(unit[None, :], claim)[0]) + margin:
        return False
    return others is None or not len(others) or float(_cos(others, claim).max()) < to_alt
