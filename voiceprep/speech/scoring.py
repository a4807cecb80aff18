"""Scoring a transcript against a verbatim reference: word error rate and filled-pause recall.

Verbatim meeting transcripts have their own conventions (AMI: `L_C_D_` is a spelled acronym, a lone letter or a
word ending in "-" is a cut-off fragment, "Mm-hmm" is a backchannel). They are normalised on both sides before
scoring, so a model is not charged for a convention, and a backchannel is never taken for a filled pause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from voiceprep.settings import BACKCHANNELS, FILLED_PAUSES, FILLER_SPELLINGS

SPELLING = {**FILLER_SPELLINGS, "'cause": "because", "cause": "because"}
KEEP_SINGLE = {"a", "i"}


def _bare(token: str) -> str:
    return re.sub(r"[^\w'-]", "", token.lower().replace("’", "'")).strip("-")


def normalise_verbatim(text: str) -> str:
    """Text with spelled acronyms joined, fragments and backchannels removed, filler spellings unified."""
    text = re.sub(r"\b((?:[A-Za-z]_){2,})", lambda m: m.group(1).replace("_", ""), text)
    out = []
    for token in text.split():
        bare = _bare(token)
        if not bare or bare in BACKCHANNELS:
            continue
        if token.rstrip(".,?!").endswith("-") or (len(bare) == 1 and bare not in KEEP_SINGLE and bare.isalpha()):
            continue                                     # cut-off fragment
        if bare in SPELLING:
            token = SPELLING[bare]
        out.append(token.replace("-", " "))
    return " ".join(out)


def filled_pauses(text: str) -> int:
    return sum(_bare(t) in FILLED_PAUSES for t in text.split())


@dataclass
class ClipScore:
    wer: float
    fillers_said: int
    fillers_found: int        # at most the number said
    fillers_invented: int     # transcribed but not said


def score_clip(reference: str, hypothesis: str) -> ClipScore:
    from voiceprep.core.analysis.text import wer

    ref, hyp = normalise_verbatim(reference), normalise_verbatim(hypothesis)
    said, heard = filled_pauses(ref), filled_pauses(hyp)
    return ClipScore(round(wer(ref, hyp), 3), said, min(said, heard), max(0, heard - said))
