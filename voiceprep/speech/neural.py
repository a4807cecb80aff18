"""The app's side of the natural voice: starts the worker process once and asks it for WAV files."""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path

from voiceprep.speech import piper_voice
from voiceprep.speech.worker import WorkerProcess

START_TIMEOUT_S = 60.0      # loading the 63 MB model takes ~1 s; a busy machine much longer
RENDER_TIMEOUT_S = 120.0
log = logging.getLogger(__name__)


class NeuralVoiceError(Exception):
    """The natural voice cannot speak here (not installed, or its process failed)."""


def available() -> str | None:
    """None when the natural voice can be used here, else why not (in the user's words)."""
    from voiceprep.speech import espeak_phonemes

    try:
        piper_voice.voice_files()
    except piper_voice.VoiceUnavailable as exc:
        return str(exc)
    if importlib.util.find_spec("onnxruntime") is None:   # not imported here: only the worker loads it
        return "onnxruntime is not installed: pip install onnxruntime into voiceprep's environment"
    if not espeak_phonemes.library_name():
        return "libespeak-ng is not installed (Debian/Ubuntu: apt install libespeak-ng1)"
    return None


class NeuralEngine:
    """The natural voice's worker process (voiceprep.speech.neural_worker); thread-safe."""

    def __init__(self):
        self._worker = WorkerProcess("voiceprep.speech.neural_worker", "the natural voice",
                                     START_TIMEOUT_S, RENDER_TIMEOUT_S)

    def render(self, text: str, out: Path, rate: int) -> None:
        """Write `text` spoken at `rate` words per minute to the WAV file `out`."""
        if self._worker.pid is None:       # checked before a start, as a running voice stays usable
            why = available()
            if why:
                raise NeuralVoiceError(why)
        self._worker.request({"text": text, "out": str(out), "length_scale": piper_voice.length_scale_for(rate)},
                             error=NeuralVoiceError)

    @property
    def pid(self) -> int | None:
        """The worker's process id while it runs."""
        return self._worker.pid

    def close(self) -> None:
        """End the worker (it also ends by itself when this process exits and its stdin closes)."""
        self._worker.close()
