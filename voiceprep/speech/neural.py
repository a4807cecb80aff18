"""The app's side of the natural voice: starts the worker process once and asks it for WAV files."""

from __future__ import annotations

import importlib.util
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
    except piper_voice.VoiceUnavailable as exc:
        return str(exc)
    if importlib.util.find_spec("onnxruntime") is None:   # not imported here: only the worker loads it
        return "onnxruntime is not installed: pip install 'voiceprep[neural]'"
    if not espeak_phonemes.library_name():
        return "libespeak-ng is not installed (Debian/Ubuntu: apt install libespeak-ng1)"
    return None


class _WorkerStopped(Exception):
    """The worker process ended (crashed or was killed)."""


class NeuralEngine:
    """One worker process per engine; thread-safe (requests are serialised)."""

    def __init__(self):
        self._proc: subprocess.Popen | None = None
        self._stderr = None
        self._lock = threading.Lock()

    def _read_reply(self, timeout: float) -> dict:
        assert self._proc is not None and self._proc.stdout is not None
        stdout = self._proc.stdout
        result: list[str] = []
        reader = threading.Thread(target=lambda: result.append(stdout.readline()), daemon=True)
        reader.start()
        reader.join(timeout)
        if not result:
            why = f"the natural voice took longer than {timeout:.0f} s{self._stderr_tail()}"
            self._kill()
            raise NeuralVoiceError(why)
        if not result[0]:
            raise _WorkerStopped(f"the natural voice process stopped{self._stderr_tail()}")
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
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 (the worker writes to it while it lives)
        self._proc = subprocess.Popen([sys.executable, "-m", "voiceprep.speech.neural_worker"],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
                                      text=True, bufsize=1)
        try:
            hello = self._read_reply(START_TIMEOUT_S)
        except _WorkerStopped as exc:
            self._kill()
            raise NeuralVoiceError(str(exc)) from None
        if not hello.get("ready"):
            self._kill()
            raise NeuralVoiceError(hello.get("error", "the natural voice did not start"))

    def render(self, text: str, out: Path, rate: int) -> None:
        """Write `text` spoken at `rate` words per minute to the WAV file `out`."""
        request = json.dumps({"text": text, "out": str(out), "length_scale": piper_voice.length_scale_for(rate)})
        with self._lock:
            for attempt in range(2):    # a worker that died since the last request is started again, once
                if self._proc is None or self._proc.poll() is not None:
                    self._start()
                assert self._proc is not None and self._proc.stdin is not None
                try:
                    self._proc.stdin.write(request + "\n")
                    self._proc.stdin.flush()
                    reply = self._read_reply(RENDER_TIMEOUT_S)
                except (OSError, _WorkerStopped) as exc:
                    self._kill()
                    if attempt:
                        raise NeuralVoiceError(str(exc) or "the natural voice process stopped") from None
                    continue
                if not reply.get("ok"):
                    raise NeuralVoiceError(reply.get("error", "the natural voice failed"))
                return

    def _kill(self) -> None:
        if self._proc is not None:
            if self._proc.poll() is None:
                self._proc.kill()
                self._proc.wait(timeout=10)
            self._proc = None
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None

    @property
    def pid(self) -> int | None:
        """The worker's process id while it runs."""
        return self._proc.pid if self._proc is not None and self._proc.poll() is None else None

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
