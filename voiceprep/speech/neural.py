"""The app's side of the natural voice: starts the worker process once and asks it for WAV files."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from voiceprep.speech import piper_voice

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
        import onnxruntime  # noqa: F401
    except piper_voice.VoiceUnavailable as exc:
        return str(exc)
    except ImportError:
        return "onnxruntime is not installed: pip install 'voiceprep[neural]'"
    if not espeak_phonemes.library_name():
        return "libespeak-ng is not installed (Debian/Ubuntu: apt install libespeak-ng1)"
    return None


class NeuralEngine:
    """One worker process per engine; thread-safe (requests are serialised)."""

    def __init__(self):
        self._proc: subprocess.Popen | None = None
        self._stderr = None
        self._lock = threading.Lock()

    def _read_reply(self, timeout: float) -> dict:
        assert self._proc is not None and self._proc.stdout is not None
        result: list[str] = []
        reader = threading.Thread(target=lambda: result.append(self._proc.stdout.readline()), daemon=True)
        reader.start()
        reader.join(timeout)
        if not result or not result[0]:
            why = "took too long" if not result else "stopped"
            self._kill()
            raise NeuralVoiceError(f"the natural voice process {why}{self._stderr_tail()}")
        return json.loads(result[0])

    def _stderr_tail(self) -> str:
        if self._stderr is None:
            return ""
        self._stderr.seek(0)
        tail = self._stderr.read().decode(errors="replace").strip().splitlines()[-3:]
        return f" ({' | '.join(tail)})" if tail else ""

    def _start(self) -> None:
        why = available()
        if why:
            raise NeuralVoiceError(why)
        self._stderr = tempfile.TemporaryFile()
        self._proc = subprocess.Popen([sys.executable, "-m", "voiceprep.speech.neural_worker"],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
                                      text=True, bufsize=1)
        hello = self._read_reply(START_TIMEOUT_S)
        if not hello.get("ready"):
            self._kill()
            raise NeuralVoiceError(hello.get("error", "the natural voice did not start"))

    def render(self, text: str, out: Path, rate: int) -> None:
        """Write `text` spoken at `rate` words per minute to the WAV file `out`."""
        with self._lock:
            if self._proc is None or self._proc.poll() is not None:
                self._start()
            assert self._proc is not None and self._proc.stdin is not None
            request = {"text": text, "out": str(out), "length_scale": piper_voice.length_scale_for(rate)}
            try:
                self._proc.stdin.write(json.dumps(request) + "\n")
                self._proc.stdin.flush()
            except OSError:
                self._kill()
                raise NeuralVoiceError(f"the natural voice process stopped{self._stderr_tail()}") from None
            reply = self._read_reply(RENDER_TIMEOUT_S)
            if not reply.get("ok"):
                raise NeuralVoiceError(reply.get("error", "the natural voice failed"))

    def _kill(self) -> None:
        if self._proc is not None:
            if self._proc.poll() is None:
                self._proc.kill()
                self._proc.wait(timeout=10)
            self._proc = None

    def close(self) -> None:
        """End the worker (it also ends by itself when this process exits and its stdin closes)."""
        with self._lock:
            if self._proc is not None and self._proc.stdin is not None:
                try:
                    self._proc.stdin.close()
                    self._proc.wait(timeout=5)
                except (OSError, subprocess.TimeoutExpired):
                    pass
            self._kill()
