"""The interviewer's voice: pyttsx3 (espeak-ng on Linux) rendered to WAV, played with sounddevice.

Rendering to a file first makes speech interruptible (stop, skip, replay) and testable. pyttsx3 2.99's
`runAndWait()` returns before `save_to_file` has written, so we wait for `finished-utterance`; and it
renders only the last of several queued files, so renders are serialised.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from voiceprep.speech.player import PlaybackError, Player

RENDER_TIMEOUT_S = 30.0
log = logging.getLogger(__name__)


class TTSError(Exception):
    """No speech engine works here; the prompt is shown as text instead."""


@dataclass(frozen=True)
class Voice:
    id: str
    name: str
    languages: tuple[str, ...]


def _complete_wav(path: Path, settle_s: float = 2.0) -> bool:
    """True once `path` is a readable WAV with audio whose size has stopped changing."""
    import soundfile as sf

    deadline = time.monotonic() + settle_s
    last = -1
    while time.monotonic() < deadline:
        size = path.stat().st_size if path.exists() else 0
        if size > 44 and size == last:
            try:
                return sf.info(str(path)).frames > 0
            except (sf.LibsndfileError, RuntimeError):
                pass
        last = size
        time.sleep(0.05)
    return False


class Speaker:
    """Renders text to speech; one engine per process, used by one thread at a time."""

    _engine = None
    _engine_lock = threading.Lock()

    def __init__(self, voice: str | None = None, rate: int = 175, cache_dir: Path | None = None):
        self.voice = voice
        self.rate = rate
        self.cache_dir = cache_dir or Path(tempfile.gettempdir()) / "voiceprep-tts"
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        self._player = Player()

    @classmethod
    def _get_engine(cls):
        if cls._engine is None:
            try:
                import pyttsx3

                cls._engine = pyttsx3.init()
            except Exception as exc:  # missing libespeak-ng raises OSError/RuntimeError/KeyError
                raise TTSError(f"no text-to-speech engine ({type(exc).__name__}: {exc}); on Debian/Ubuntu "
                               "install libespeak-ng1 (scripts/setup.sh does); prompts are shown as text") from None
        return cls._engine

    def voices(self) -> list[Voice]:
        with self._engine_lock:
            engine = self._get_engine()
            return [Voice(v.id, v.name, tuple(str(x) for x in (v.languages or ())))
                    for v in engine.getProperty("voices")]

    def render(self, text: str, out: Path | None = None) -> Path:
        """Render `text` to a 22050 Hz mono WAV and return its path (cached by text, voice and rate)."""
        if not text.strip():
            raise TTSError("nothing to say: the text is empty")
        key = hashlib.sha1(f"{self.voice}|{self.rate}|{text}".encode()).hexdigest()[:16]
        cached = self.cache_dir / f"{key}.wav"
        if out is None and cached.exists() and cached.stat().st_size > 44:
            return cached
        target = Path(out) if out else cached
        tmp = target.with_name(target.stem + ".part.wav")
        for _attempt in range(2):       # one retry: the engine rarely reports done before the file is whole
            self._render_once(text, tmp)
            if _complete_wav(tmp):
                tmp.replace(target)
                return target
        raise TTSError("speech engine produced no audio (is an espeak-ng voice installed?)")

    def _apply_properties(self, engine) -> None:
        """Set voice and rate so that they apply to the very next render.

        pyttsx3 2.99 queues setProperty behind a busy flag and endLoop() clears that queue, so a changed
        rate was ignored for the next render (measured: 400 wpm came out at 175). The driver object
        applies them at once; fall back to the public call if its internals ever change.
        """
        driver = getattr(getattr(engine, "proxy", None), "_driver", None) or engine
        deadline = time.monotonic() + 3.0
        while True:
            for name, value in (("voice", self.voice), ("rate", self.rate)):
                if value is not None:
                    driver.setProperty(name, value)
            if engine.getProperty("rate") == self.rate:
                return
            if time.monotonic() > deadline:
                log.warning("speech engine kept rate %s instead of %s", engine.getProperty("rate"), self.rate)
                return
            time.sleep(0.05)     # still finishing the previous synthesis: it accepts once idle

    def _render_once(self, text: str, tmp: Path) -> None:
        tmp.unlink(missing_ok=True)
        with self._engine_lock:
            engine = self._get_engine()
            done = threading.Event()
            token = engine.connect("finished-utterance", lambda name, completed: done.set())
            try:
                self._apply_properties(engine)
                engine.save_to_file(text, str(tmp))
                with contextlib.redirect_stdout(io.StringIO()):  # the driver prints "Audio saved to ..."
                    engine.runAndWait()
                    finished = done.wait(RENDER_TIMEOUT_S)
                if not finished:
                    raise TTSError(f"speech engine did not finish rendering within {RENDER_TIMEOUT_S:.0f} s")
            finally:
                engine.disconnect(token)

    def stop(self) -> None:
        """Stop playback now (safe from any thread)."""
        self._player.stop()

    def play(self, wav: Path, device: int | str | None = None) -> bool:
        """Play a rendered WAV; return False if stopped early.

        Raises TTSError when there is no output device (the caller shows the text instead).
        """
        try:
            return self._player.play(wav, device=device)
        except PlaybackError as exc:
            raise TTSError(f"{exc}; the prompt is shown as text") from None

    def say(self, text: str, device: int | str | None = None) -> bool:
        return self.play(self.render(text), device=device)
