"""A WAV file written as audio arrives, valid on disk after every flush (crash-safe)."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import numpy as np


class StreamingWav:
    """16-bit mono PCM WAV whose RIFF sizes are patched at every flush, so a kill loses only unflushed audio."""

    def __init__(self, path: Path, rate: int):
        self.path = Path(path)
        self.rate = rate
        self.frames = 0
        self._f = open(self.path, "wb")  # noqa: SIM115 (kept open while recording; closed in close())
        os.chmod(self.path, 0o600)
        self._f.write(self._header(0))

    def _header(self, frames: int) -> bytes:
        data = frames * 2
        return (b"RIFF" + struct.pack("<I", 36 + data) + b"WAVE" + b"fmt " +
                struct.pack("<IHHIIHH", 16, 1, 1, self.rate, self.rate * 2, 2, 16) + b"data" + struct.pack("<I", data))

    def write(self, samples: np.ndarray) -> None:
        pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2")
        self._f.write(pcm.tobytes())
        self.frames += len(pcm)

    def flush(self) -> None:
        pos = self._f.tell()
        self._f.seek(4)
        self._f.write(struct.pack("<I", 36 + self.frames * 2))
        self._f.seek(40)
        self._f.write(struct.pack("<I", self.frames * 2))
        self._f.seek(pos)
        self._f.flush()
        os.fsync(self._f.fileno())

    @property
    def seconds(self) -> float:
        return self.frames / self.rate

    def close(self) -> None:
        if not self._f.closed:
            try:
                self.flush()
            finally:           # a full disk fails the flush: the file is closed all the same, as last flushed
                self._f.close()
