"""Play a recorded answer from a given second (interruptible)."""

from __future__ import annotations

import threading

import numpy as np
import soundfile as sf


class PlaybackError(Exception):
    pass


class Player:
    def __init__(self):
        self._stop = threading.Event()

    def stop(self) -> None:
        self._stop.set()

    def play(self, path: str, start: float = 0.0, block_s: float = 0.05) -> bool:
        try:
            import sounddevice as sd
        except OSError as exc:
            raise PlaybackError(f"PortAudio is missing ({exc})") from None
        try:
            data, rate = sf.read(str(path), dtype="float32", always_2d=True)
        except (sf.LibsndfileError, RuntimeError, OSError) as exc:
            raise PlaybackError(f"{path}: cannot read ({exc})") from None
        self._stop.clear()
        data = data[int(start * rate):, 0]
        try:
            with sd.OutputStream(samplerate=rate, channels=1, dtype="float32") as stream:
                step = int(rate * block_s)
                for i in range(0, len(data), step):
                    if self._stop.is_set():
                        return False
                    stream.write(np.ascontiguousarray(data[i:i + step].reshape(-1, 1)))
        except sd.PortAudioError as exc:
            raise PlaybackError(f"no audio output device ({exc})") from None
        return True
