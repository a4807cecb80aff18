"""`voiceprep history compare`'s colour: on a terminal the lines are coloured and the words that changed stand out;
piped, it is plain text. The text itself is `core.history.compared`'s, which Compare's Copy and Export… share."""

from __future__ import annotations

import os
from typing import TextIO

from voiceprep.core.history.compared import BOLD, GREEN, RED, RESET, said_diff_lines, sentences

__all__ = ["BOLD", "GREEN", "RED", "RESET", "said_diff_lines", "sentences", "use_colour"]


def use_colour(stream: TextIO) -> bool:
    """Colour only on a terminal that takes it (not piped, NO_COLOR unset, TERM not "dumb")."""
    return stream.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
