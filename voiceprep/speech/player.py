"""Audio output, in one place: play a file from a given second, interruptibly."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np
import soundfile as sf

from voiceprep.settings import PLAYBACK_BLOCK_S, PLAYBACK_LATENCY_S, PLAYBACK_TAIL_BLOCKS
from voiceprep.speech.devices import holding_stream, portaudio


class PlaybackError(Exception):
    """No audio output here (no PortAudio or no output device), or the file cannot be read."""


class Player:
    """Each play has its own stop event: `stop` ends what is playing now, and a play begun just after it is not
    affected (one shared event, cleared by the next play, let the old question play on under the new one)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._playing: set[threading.Event] = set()

    def stop(self) -> None:
        """Stop playback now (safe from any thread)."""
        with self._lock:
            for stop in self._playing:
                stop.set()

    def play(self, path: str | Path, start: float = 0.0, device: int | str | None = None,
             block_s: float = PLAYBACK_BLOCK_S, on_start: Callable[[float], None] | None = None,
             cancel: threading.Event | None = None) -> bool:
        """Play `path` from `start` seconds; return False if stopped early.

        `on_start(latency_s)` is called as the first samples are handed to the device; `latency_s` is the
        device's own output latency, the time until they are heard. `cancel`: the caller's own stop, set before
        or during the play (set before it, nothing is played: `stop` reaches a play only once it has begun).
        """
        try:
            data, rate = sf.read(str(path), dtype="float32", always_2d=True)
        except (sf.LibsndfileError, RuntimeError, OSError) as exc:
            raise PlaybackError(f"{path}: cannot read ({exc})") from None
        return self.play_samples(data[int(start * rate):, 0], rate, device, block_s, on_start, cancel)

    def play_samples(self, data: np.ndarray, rate: int, device: int | str | None = None, block_s: float = PLAYBACK_BLOCK_S,
                     on_start: Callable[[float], None] | None = None, cancel: threading.Event | None = None) -> bool:
        """Play mono samples (as `play`, from their start)."""
        try:
            sd = portaudio()
        except OSError as exc:
            raise PlaybackError(f"PortAudio is missing ({exc}); install libportaudio2") from None
        stop = threading.Event()
        with self._lock:
            self._playing.add(stop)
        try:
            # a long device buffer (settings.PLAYBACK_LATENCY_S): a thread kept waiting under load no longer starves
            # the device, which cut the voice into fragments (walk24)
            with holding_stream(), sd.OutputStream(samplerate=rate, channels=1, device=device, dtype="float32",
                                                   latency=PLAYBACK_LATENCY_S) as stream:
                # then silence as long as the buffer: closing the stream drops what the buffer still holds (measured
                # on PulseAudio: the voice's last 0.45 s)
                if len(data):
                    tail = int(rate * (float(stream.latency) + PLAYBACK_TAIL_BLOCKS * block_s))
                    data = np.concatenate([data, np.zeros(tail, np.float32)])
                step = int(rate * block_s)
                for i in range(0, len(data), step):
                    if stop.is_set() or (cancel is not None and cancel.is_set()):
                        stream.abort()     # a stop is heard at once, not after the buffer
                        return False
                    if i == 0 and on_start is not None:
                        on_start(float(stream.latency))
                    stream.write(np.ascontiguousarray(data[i:i + step].reshape(-1, 1)))
        except sd.PortAudioError as exc:
            raise PlaybackError(f"no audio output device ({exc})") from None
        finally:
            with self._lock:
                self._playing.discard(stop)
        return True
