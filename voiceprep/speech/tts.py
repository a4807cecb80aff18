"""The interviewer's voice, rendered to WAV (cached per text, voice, rate and engine) and played with sounddevice.

Two engines: pyttsx3 (espeak-ng on Linux, SAPI5/NSSS elsewhere), the fallback everywhere; and the optional
natural voice (voiceprep.speech.neural, a Piper voice), chosen by its voice id. The app's default voice, `AUTO_VOICE`,
is the natural voice when it is installed and works here, else pyttsx3's default (`Speaker()` alone is pyttsx3's).
Rendering to a file first makes speech interruptible (stop, skip, replay), instant once cached, and
testable. Each engine renders in a process of its own (voiceprep.speech.pyttsx3_worker, .neural_worker):
a native crash in one costs a render, retried in a new process, not the app.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from voiceprep import paths
from voiceprep.speech import neural, piper_voice, pronounce
from voiceprep.speech.player import PlaybackError, Player
from voiceprep.speech.worker import WorkerProcess

STANDARD_START_TIMEOUT_S = 30.0     # python + pyttsx3 start in ~0.3 s; a busy machine much longer
STANDARD_RENDER_TIMEOUT_S = 75.0    # the worker itself gives up on a render after 2 x 30 s
log = logging.getLogger(__name__)


class TTSError(Exception):
    """No speech engine works here; the prompt is shown as text instead."""


class NoAudioOutput(TTSError):
    """Speech was rendered but there is nothing to play it on (no output device, or PortAudio missing)."""


@dataclass(frozen=True)
class Voice:
    id: str
    name: str
    languages: tuple[str, ...]


AUTO_VOICE = "auto"      # the natural voice when it is installed and works here, else the standard voice


def is_neural(voice: str | None) -> bool:
    return bool(voice) and str(voice).startswith("piper:")


def auto_voice() -> str | None:
    """The voice AUTO_VOICE stands for here: the natural voice when it is installed, else pyttsx3's default (None)."""
    return piper_voice.VOICE_ID if neural.available() is None else None


def auto_voice_label(voices: Iterable[Voice]) -> str:
    """What AUTO_VOICE is here, in the candidate's words (Settings' first choice), from `Speaker.voices()`, which
    lists the natural voice only when it is installed."""
    natural = next((v for v in voices if v.id == piper_voice.VOICE_ID), None)
    if natural is not None:
        return f"Default: {natural.name}"
    return "Default: the standard voice (no natural voice installed)"


def voice_label(voice: str | None, voices: Iterable[Voice]) -> str:
    """The voice setting `voice` (AUTO_VOICE, a voice id, None) in the words Settings shows it: auto_voice_label, the
    voice's name, or the standard voice (walk24: `voiceprep doctor` said pyttsx3 where Settings said Joe)."""
    voices = list(voices)
    if voice == AUTO_VOICE:
        return auto_voice_label(voices)
    named = next((v.name for v in voices if v.id == voice), None)
    return named or ("the standard voice" if voice is None else f"the voice {voice!r} (not installed here)")


def pyttsx3_version() -> str:
    """What changes pyttsx3's audio for the same text: its version and, on Linux, espeak-ng's."""
    from voiceprep.speech import espeak_phonemes

    try:
        version = importlib.metadata.version("pyttsx3")
    except importlib.metadata.PackageNotFoundError:
        version = "none"
    return f"pyttsx3 {version}; espeak-ng {espeak_phonemes.version()}"


_render_locks: dict[str, threading.Lock] = {}     # cache key -> lock (one render of a text at a time)
_render_locks_guard = threading.Lock()


class Speaker:
    """Renders text to speech; one worker process of each engine kind per app process, shared by every Speaker."""

    _standard: WorkerProcess | None = None
    _engines_guard = threading.Lock()
    _neural: neural.NeuralEngine | None = None
    _versions: dict[str, str] = {}

    def __init__(self, voice: str | None = None, rate: int = 175, cache_dir: Path | None = None):
        self.voice = voice                        # as chosen: a voice id, AUTO_VOICE, or None (pyttsx3's default)
        self._auto: tuple[str | None] | None = None
        self.rate = rate
        self.cache_dir = cache_dir or paths.data_dir() / "tts-cache"
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        self.fallback_reason: str | None = None   # why the natural voice was not used for the last render
        self._player = Player()

    @classmethod
    def engine_version(cls, voice: str | None) -> str:
        kind = "neural" if is_neural(voice) else "pyttsx3"
        if kind not in cls._versions:
            cls._versions[kind] = piper_voice.engine_version() if kind == "neural" else pyttsx3_version()
        return cls._versions[kind]

    @classmethod
    def _neural_engine(cls) -> neural.NeuralEngine:
        with cls._engines_guard:             # one worker, however many threads ask for it first at once
            if cls._neural is None:
                cls._neural = neural.NeuralEngine()
            return cls._neural

    @property
    def speaking_voice(self) -> str | None:
        """The voice id rendered with: AUTO_VOICE resolved (once per Speaker: it checks the installed files)."""
        if self.voice != AUTO_VOICE:
            return self.voice
        if self._auto is None:
            self._auto = (auto_voice(),)
        return self._auto[0]

    def cache_key(self, text: str, voice: str | None) -> str:
        raw = f"{self.engine_version(voice)}|{pronounce.VERSION}|{voice}|{self.rate}|{text}"
        return hashlib.sha1(raw.encode()).hexdigest()[:20]

    def cached(self, text: str) -> Path | None:
        """The cached rendering of `text` with this voice and rate, if there is one."""
        path = self.cache_dir / f"{self.cache_key(text, self.speaking_voice)}.wav"
        return path if path.exists() and path.stat().st_size > 44 else None

    def prerender(self, texts: Iterable[str], cancel: threading.Event | None = None,
                  progress: Callable[[int, int], None] | None = None) -> int:
        """Render every text not yet cached (run in the background when a round is chosen); return how many.

        Stops between texts when `cancel` is set. A text that cannot be rendered is logged and skipped:
        it is rendered (or shown as text) when it is asked.
        """
        todo = [t for t in dict.fromkeys(texts) if t.strip() and self.cached(t) is None]
        done = 0
        for i, text in enumerate(todo):
            if cancel is not None and cancel.is_set():
                break
            try:
                self.render(text)
                done += 1
            except TTSError as exc:
                log.warning("could not prerender %r: %s", text[:40], exc)
            if progress:
                progress(i + 1, len(todo))
        return done

    @classmethod
    def _standard_engine(cls) -> WorkerProcess:
        with cls._engines_guard:
            if cls._standard is None:
                cls._standard = WorkerProcess("voiceprep.speech.pyttsx3_worker", "the speech engine",
                                              STANDARD_START_TIMEOUT_S, STANDARD_RENDER_TIMEOUT_S)
            return cls._standard

    def voices(self) -> list[Voice]:
        """The voices to offer: the natural voice first when it is installed, then pyttsx3's."""
        extra = [] if neural.available() else [Voice(piper_voice.VOICE_ID, piper_voice.VOICE_NAME, ("en-us",))]
        try:
            listed = self._standard_engine().request({"op": "voices"}, error=TTSError)["voices"]
            return extra + [Voice(v["id"], v["name"], tuple(v["languages"])) for v in listed]
        except TTSError:
            if extra:
                return extra
            raise

    def render(self, text: str, out: Path | None = None) -> Path:
        """Render `text` to a 22050 Hz mono WAV and return its path (cached by text, voice, rate and engine).

        When the natural voice cannot speak here, pyttsx3's default voice does (`fallback_reason` says why).
        """
        if not text.strip():
            raise TTSError("nothing to say: the text is empty")
        self.fallback_reason = None
        voice = self.speaking_voice
        if is_neural(voice):
            why = neural.available() if voice == piper_voice.VOICE_ID else f"no natural voice called {voice!r}"
            if why is None:
                try:
                    return self._render_cached(text, out, voice)
                except neural.NeuralVoiceError as exc:
                    why = str(exc)
            log.warning("natural voice unavailable, using the standard voice: %s", why)
            self.fallback_reason = why
            voice = None
        return self._render_cached(text, out, voice)

    def _render_cached(self, text: str, out: Path | None, voice: str | None) -> Path:
        # one render of a given text at a time: a prompt rendered ahead (prerender) and the same prompt asked
        # for now must not write the same temporary file
        key = self.cache_key(text, voice)
        with _render_locks_guard:
            lock = _render_locks.setdefault(key, threading.Lock())
        with lock:
            return self._render_cached_locked(text, out, voice, key)

    def _render_cached_locked(self, text: str, out: Path | None, voice: str | None, key: str) -> Path:
        cached = self.cache_dir / f"{key}.wav"
        if out is None and cached.exists() and cached.stat().st_size > 44:
            return cached
        target = Path(out) if out else cached
        tmp = target.with_name(target.stem + ".part.wav")
        text = pronounce.for_speech(text)
        if is_neural(voice):
            self._neural_engine().render(text, tmp, self.rate)
            tmp.replace(target)
            return target
        self._render_once(text, tmp, voice)
        tmp.replace(target)
        return target

    def _render_once(self, text: str, tmp: Path, voice: str | None) -> None:
        self._standard_engine().request({"op": "render", "text": text, "out": str(tmp), "voice": voice,
                                         "rate": self.rate}, error=TTSError)

    def stop(self) -> None:
        """Stop playback now (safe from any thread)."""
        self._player.stop()

    def play(self, wav: Path, device: int | str | None = None,
             on_start: Callable[[float], None] | None = None, cancel: threading.Event | None = None) -> bool:
        """Play a rendered WAV; return False if stopped early (`on_start`, `cancel`: see Player.play).

        Raises TTSError when there is no output device (the caller shows the text instead).
        """
        try:
            return self._player.play(wav, device=device, on_start=on_start, cancel=cancel)
        except PlaybackError as exc:
            raise NoAudioOutput(f"{exc}; the prompt is shown as text") from None

    def say(self, text: str, device: int | str | None = None,
            on_start: Callable[[float], None] | None = None) -> bool:
        """Speak `text` (at once when it is cached: see prerender)."""
        return self.play(self.render(text), device=device, on_start=on_start)
