"""The errors the app layer raises, and the one function that turns any exception into words for the user."""

from __future__ import annotations

import logging

from voiceprep import paths
from voiceprep.core.history import HistoryError, HistoryUnavailable

log = logging.getLogger(__name__)


class NoAnswerHeard(Exception):
    """The recording holds no speech (silence or noise): nothing is scored or stored."""


class AnswerNotSaved(Exception):
    """Judged, but the history could not store it; the message says whether the audio is kept for later."""


def user_message(exc: BaseException, doing: str = "This") -> str:
    """What to show a candidate for `exc`: our own errors speak for themselves; anything else is named
    without a traceback or a library's text, and logged in full."""
    from voiceprep.core.banks import BankLoadError
    from voiceprep.speech.audio import AudioError
    from voiceprep.speech.recorder import RecorderError
    from voiceprep.speech.transcriber import ModelError
    from voiceprep.speech.tts import TTSError

    if isinstance(exc, BankLoadError):
        first = str(exc.errors[0]) if exc.errors else str(exc)
        return first + (f" (+{len(exc.errors) - 1} more)" if len(exc.errors) > 1 else "")
    if isinstance(exc, NoAnswerHeard | AnswerNotSaved | HistoryError | AudioError | RecorderError | ModelError
                  | TTSError):
        return str(exc)
    if isinstance(exc, MemoryError):
        return f"{doing} ran out of memory. Close other programs, or use a shorter recording."
    if isinstance(exc, OSError) and exc.strerror:
        where = f" ({exc.filename})" if exc.filename else ""
        return f"{doing} failed: {exc.strerror.lower()}{where}."
    log.error("%s failed", doing, exc_info=(type(exc), exc, exc.__traceback__))
    return (f"{doing} failed unexpectedly ({type(exc).__name__}). The details are in the log: "
            f"{paths.log_path()}")


def voice_notice(exc: BaseException) -> str:
    """Why the interviewer is silent, for the notice bar: what happened and what to do, in plain words."""
    from voiceprep.speech.tts import NoAudioOutput

    if isinstance(exc, NoAudioOutput):
        return ("No speaker or headphones found, so the interviewer's questions are shown as text. "
                "Connect one and press Ctrl+P to hear the question.")
    log.warning("voice unavailable: %s", exc)
    return (f"The interviewer's voice is not working here ({exc}), so questions are shown as text. "
            "Press Ctrl+P to try again.")


__all__ = ["AnswerNotSaved", "HistoryError", "HistoryUnavailable", "NoAnswerHeard", "user_message", "voice_notice"]
