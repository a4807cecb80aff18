"""The standard voice's own process: `python -m voiceprep.speech.pyttsx3_worker`.

pyttsx3 drives a native engine (libespeak-ng on Linux, SAPI5 on Windows, NSSpeechSynthesizer on macOS)
that keeps global state and is not made for several threads. Here it runs on this process's main thread
only, and a crash inside it (seen once: a segfault in espeak's Synth during a background render) ends this
process, not the app; the app starts a new one and renders again (voiceprep.speech.worker).

Requests, one JSON object per line: {"op": "voices"} and {"op": "render", "text", "out", "voice", "rate"}.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from pathlib import Path

from voiceprep.settings import TTS_FILE_SETTLE_S
from voiceprep.speech.worker import serve_lines, take_stdout

RENDER_TIMEOUT_S = 30.0
log = logging.getLogger(__name__)


def complete_wav(path: Path, settle_s: float = TTS_FILE_SETTLE_S) -> bool:
    """True once `path` is a readable WAV with audio whose size has stopped changing."""
    import soundfile as sf

    deadline = time.monotonic() + settle_s
    last = -1
    while time.monotonic() < deadline:
        size = path.stat().st_size if path.exists() else 0
        if size > 44 and size == last:
            try:
                return bool(sf.info(str(path)).frames > 0)
            except (sf.LibsndfileError, RuntimeError):
                pass
        last = size
        time.sleep(0.05)
    return False


class Engine:
    """pyttsx3, used from one thread. pyttsx3 2.99's `runAndWait()` returns before `save_to_file` has written,
    so a render waits for `finished-utterance`; and it renders only the last of several queued files, so one
    render at a time."""

    def __init__(self):
        import pyttsx3

        self.engine = pyttsx3.init()
        # the espeak driver prints "Audio saved to ..." for every render: to the log instead
        driver_module = sys.modules.get("pyttsx3.drivers.espeak")
        if driver_module is not None:
            driver_module.print = lambda *a, **k: log.debug(" ".join(map(str, a)))
        self.default_voice = self.engine.getProperty("voice")

    def voices(self) -> list[dict]:
        return [{"id": v.id, "name": v.name, "languages": [str(x) for x in (v.languages or ())]}
                for v in self.engine.getProperty("voices")]

    def _apply_properties(self, voice: str | None, rate: int) -> None:
        """Set voice and rate so that they apply to the very next render.

        pyttsx3 2.99 queues setProperty behind a busy flag and endLoop() clears that queue, so a changed
        rate was ignored for the next render (measured: 400 wpm came out at 175). The driver object
        applies them at once; fall back to the public call if its internals ever change.
        """
        engine = self.engine
        driver = getattr(getattr(engine, "proxy", None), "_driver", None) or engine
        voice = voice or self.default_voice     # no voice chosen means the default, not the last one used
        deadline = time.monotonic() + 3.0
        while True:
            for name, value in (("voice", voice), ("rate", rate)):
                if value is not None:
                    driver.setProperty(name, value)
            if engine.getProperty("rate") == rate:
                return
            if time.monotonic() > deadline:
                log.warning("speech engine kept rate %s instead of %s", engine.getProperty("rate"), rate)
                return
            time.sleep(0.05)     # still finishing the previous synthesis: it accepts once idle

    def render(self, text: str, out: Path, voice: str | None, rate: int) -> dict:
        for _attempt in range(2):       # one retry: the engine rarely reports done before the file is whole
            out.unlink(missing_ok=True)
            done = threading.Event()
            token = self.engine.connect("finished-utterance", lambda name, completed, done=done: done.set())
            try:
                self._apply_properties(voice, rate)
                self.engine.save_to_file(text, str(out))
                self.engine.runAndWait()
                if not done.wait(RENDER_TIMEOUT_S):      # the engine may be stuck: the app starts a new worker
                    return {"error": f"the speech engine did not finish rendering within {RENDER_TIMEOUT_S:.0f} s",
                            "restart": True}
            finally:
                self.engine.disconnect(token)
            if complete_wav(out):
                return {"ok": True}
        # seen under load in CI: both tries empty, and a new process then rendered the same text
        return {"error": "the speech engine produced no audio (is an espeak-ng voice installed?)", "retry": True}

    def handle(self, request: dict) -> dict:
        if request.get("op") == "voices":
            return {"voices": self.voices()}
        if request.get("op") == "render":
            return self.render(request["text"], Path(request["out"]), request.get("voice"), int(request["rate"]))
        return {"error": f"unknown request {request.get('op')!r}"}


def main() -> int:
    replies = take_stdout()
    try:
        engine = Engine()
    except Exception as exc:  # missing libespeak-ng raises OSError/RuntimeError/KeyError
        serve_lines(None, {"error": f"no text-to-speech engine ({type(exc).__name__}: {exc}); on Debian/Ubuntu "
                                    "install libespeak-ng1 (scripts/setup.sh does); prompts are shown as text"}, replies)
        return 0
    serve_lines(engine.handle, {"ready": True, "default_voice": engine.default_voice}, replies)
    return 0


if __name__ == "__main__":
    sys.exit(main())
