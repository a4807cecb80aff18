"""Text to IPA phonemes with the system's libespeak-ng (the front end Piper voices were trained on).

Loaded through ctypes, exactly as pyttsx3 loads it; nothing of espeak-ng is bundled. libespeak-ng keeps
global state, so this runs only inside the neural-voice worker process (voiceprep.speech.neural_worker),
never in the process where pyttsx3 uses the same library.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import re
import sys

AUDIO_OUTPUT_RETRIEVAL = 1
CHARS_UTF8 = 1
PHONEMES_IPA = 0x02
# A clause ends at punctuation followed by a space or the end; Piper keeps that mark as a phoneme.
_CLAUSE = re.compile(r"(.+?)([.,;:!?]+)(?=\s|$)|(.+?)$", re.S)
_SENTENCE_END = set(".!?")


class PhonemizerError(Exception):
    """libespeak-ng is missing or refused to start."""


def library_name() -> str | None:
    return ctypes.util.find_library("espeak-ng")


def version() -> str:
    """libespeak-ng's version ("1.51"), or "none" when it is not installed; safe without initialising."""
    name = library_name()
    if not name:
        return "none"
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return "none"
    lib.espeak_Info.restype = ctypes.c_char_p
    lib.espeak_Info.argtypes = [ctypes.c_void_p]
    return (lib.espeak_Info(None) or b"?").decode()


class Phonemizer:
    def __init__(self, voice: str = "en-us"):
        if "pyttsx3.drivers._espeak" in sys.modules:
            # re-initialising the shared library under pyttsx3 makes its next synthesis hang (seen in tests)
            raise PhonemizerError("the phonemizer must run in its own process, not beside pyttsx3's espeak-ng")
        name = library_name()
        if not name:
            raise PhonemizerError("libespeak-ng is not installed (Debian/Ubuntu: apt install libespeak-ng1)")
        lib = ctypes.CDLL(name)
        lib.espeak_Initialize.restype = ctypes.c_int
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_TextToPhonemes.restype = ctypes.c_char_p
        lib.espeak_TextToPhonemes.argtypes = [ctypes.POINTER(ctypes.c_char_p), ctypes.c_int, ctypes.c_int]
        if lib.espeak_Initialize(AUDIO_OUTPUT_RETRIEVAL, 0, None, 0) <= 0:
            raise PhonemizerError("libespeak-ng could not start (is espeak-ng-data installed?)")
        if lib.espeak_SetVoiceByName(voice.encode()) != 0:
            raise PhonemizerError(f"libespeak-ng has no voice {voice!r}")
        self._lib = lib

    def _clause(self, text: str) -> str:
        buf = ctypes.create_string_buffer(text.encode())
        ptr = ctypes.c_char_p(ctypes.addressof(buf))
        parts = []
        while ptr.value:
            out = self._lib.espeak_TextToPhonemes(ctypes.byref(ptr), CHARS_UTF8, PHONEMES_IPA)
            if out:
                parts.append(out.decode().strip())
        return " ".join(p for p in parts if p)

    def sentences(self, text: str) -> list[str]:
        """IPA phonemes, one string per sentence, each clause followed by its punctuation mark."""
        sentences: list[str] = []
        current = ""
        for m in _CLAUSE.finditer(" ".join(text.split())):
            words, punct = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), "")
            phonemes = self._clause(words.strip()) if words.strip() else ""
            mark = punct[-1] if punct else ""
            if phonemes or mark:
                current = f"{current} {phonemes}{mark}".strip() if current else f"{phonemes}{mark}"
            if mark in _SENTENCE_END and current:
                sentences.append(current)
                current = ""
        if current:
            sentences.append(current)
        return sentences
