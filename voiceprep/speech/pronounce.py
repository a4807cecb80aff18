"""How the interviewer says the tech names its letter-to-sound rules get wrong.

espeak-ng (which both voices use to turn text into sounds) reads "Postgres" as "posters" and "Gunicorn" as
"unicorn"; an interviewer who says them that way sounds wrong and is misheard (bench/voice_bench.py). The
spoken text is respelled; what is shown, stored and compared stays the original text.
"""

from __future__ import annotations

import re

# Bump when a respelling changes: it is part of the prompt-audio cache key (speech.tts.Speaker.cache_key).
VERSION = "1"

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


def for_speech(text: str) -> str:
    """The text as the voice should say it."""
    return _PATTERN.sub(lambda m: RESPELLINGS[m.group(1)], text)
