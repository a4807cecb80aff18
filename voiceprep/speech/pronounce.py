"""How the interviewer says the tech names its letter-to-sound rules get wrong.

espeak-ng (which both voices use to turn text into sounds) reads "Postgres" as "posters" and "Gunicorn" as
"unicorn"; an interviewer who says them that way sounds wrong and is misheard (bench/voice_bench.py). The
spoken text is respelled; what is shown, stored and compared stays the original text.
"""

from __future__ import annotations

import re

from voiceprep.core.invisible import INVISIBLE

# Bump when a respelling changes: it is part of the prompt-audio cache key (speech.tts.Speaker.cache_key).
VERSION = "2"          # 2: emoji and invisible characters not spoken (walk63 3)

# written form -> how it is said, each checked with espeak-ng's phonemes (voiceprep.speech.espeak_phonemes)
RESPELLINGS: dict[str, str] = {
    "Postgres": "Postgress",         # default: "posters"
    "PostgreSQL": "Postgress Q L",
    "Gunicorn": "G-unicorn",         # default: "unicorn"
    "nginx": "engine X",
    "Nginx": "engine X",
    "SQLite": "S Q Lite",
    "kubectl": "cube control",
}

_PATTERN = re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(RESPELLINGS, key=len, reverse=True)) + r")\b")


# walk63 3: what a pasted label brings into a question built from it. Invisible characters (zero-width space and
# joiners, word joiner, byte order mark, soft hyphen) split a word in two for espeak-ng ("trade off"); an emoji is read
# by its name mid-question ("... C P vs A P slightly smiling face?"). The question shown keeps the emoji; the voice
# says neither (the invisible ones: core.invisible, which the bank editor takes out on save). A symbol of the text
# (×, →, °, quotes) is left to the voice.
_EMOJI = re.compile("(?:\\s*[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF\U000E0020-\U000E007F]"
                    "[\uFE0F\u20E3\U0001F3FB-\U0001F3FF]*(?:\u200d[\U0001F000-\U0001FAFF\u2600-\u27BF][\uFE0F]*)*)+")


def for_speech(text: str) -> str:
    """The text as the voice should say it: without emoji and invisible characters, names respelled."""
    text = INVISIBLE.sub("", _EMOJI.sub("", text)).strip()
    return _PATTERN.sub(lambda m: RESPELLINGS[m.group(1)], text)
