"""Audio files in and out: any format the app accepts, converted to 16 kHz mono float32.

Long files are read block by block (`iter_audio`), so memory does not grow with their length. A WAV that a
killed recording left behind is read to the end of the file, not to the length its (stale) header claims.
"""

from __future__ import annotations

import logging
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf
import soxr

TARGET_RATE = 16000
BLOCK_S = 10.0                 # iter_audio yields blocks of about this length
FORMATS_HINT = "use WAV, FLAC, OGG, MP3 or M4A"
log = logging.getLogger(__name__)


class AudioError(Exception):
    """An audio file could not be read or written; the message says which and why."""


def resample(samples: np.ndarray, rate: int, target: int = TARGET_RATE) -> np.ndarray:
    samples = np.asarray(samples, dtype=np.float32)
    if samples.ndim > 1:
        samples = samples.mean(axis=1)
    if rate == target or samples.size == 0:
        return samples
    return soxr.resample(samples, rate, target, quality="HQ").astype(np.float32)


@dataclass
class PcmWav:
    """Where the samples of a plain PCM WAV are, read from its chunks (not trusting the data size)."""

    data_offset: int
    frames: int               # counted from the file's size when the data chunk runs to the end
    rate: int
    channels: int
    width: int                # bytes per sample: 2 (int16) or 4 (int32)


def pcm_wav(path: Path) -> PcmWav | None:
    """The layout of a 16/32-bit PCM WAV whose data chunk is last, else None (let libsndfile read it)."""
    try:
        with open(path, "rb") as f:
            head = f.read(12)
            if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
                return None
            fmt = None
            while True:
                chunk = f.read(8)
                if len(chunk) < 8:
                    return None
                cid, size = chunk[:4], struct.unpack("<I", chunk[4:])[0]
                if cid == b"fmt ":
                    raw = f.read(size + size % 2)
                    if len(raw) < 16:
                        return None
                    fmt = struct.unpack("<HHIIHH", raw[:16])
                elif cid == b"data":
                    if fmt is None or fmt[0] != 1 or fmt[5] not in (16, 32) or fmt[1] < 1:
                        return None
                    offset = f.tell()
                    frame = fmt[1] * fmt[5] // 8
                    on_disk = (path.stat().st_size - offset) // frame
                    frames = min(size // frame, on_disk)
                    if on_disk > frames:             # more on disk than declared: a chunk, or unflushed audio?
                        f.seek(offset + size + size % 2)
                        after = f.read(8)
                        if not (len(after) == 8 and all(0x20 <= b < 0x7f for b in after[:4])):
                            frames = on_disk
                    return PcmWav(offset, frames, fmt[2], fmt[1], fmt[5] // 8)
                else:
                    f.seek(size + size % 2, 1)
    except OSError:
        return None


def _check_path(path: Path) -> None:
    if not path.exists():
        raise AudioError(f"{path}: no such file")
    if path.is_dir():
        raise AudioError(f"{path}: is a directory, not an audio file")


def _pcm_blocks(path: Path, wav: PcmWav, block_frames: int) -> Iterator[tuple[np.ndarray, int]]:
    dtype = "<i2" if wav.width == 2 else "<i4"
    scale = float(2 ** (8 * wav.width - 1))
    with open(path, "rb") as f:
        f.seek(wav.data_offset)
        left = wav.frames
        while left > 0:
            n = min(block_frames, left)
            raw = f.read(n * wav.channels * wav.width)
            usable = len(raw) // (wav.channels * wav.width)
            if not usable:
                return
            data = np.frombuffer(raw[:usable * wav.channels * wav.width], dtype=dtype)
            yield data.reshape(-1, wav.channels).astype(np.float32) / scale, wav.rate
            left -= usable


def _sf_blocks(path: Path, block_s: float) -> Iterator[tuple[np.ndarray, int]]:
    with sf.SoundFile(str(path)) as f:
        rate = f.samplerate
        for block in f.blocks(blocksize=max(1, int(block_s * rate)), dtype="float32", always_2d=True):
            yield block, rate


def _av_blocks(path: Path, block_s: float) -> Iterator[tuple[np.ndarray, int]]:
    import av

    resampler = av.audio.resampler.AudioResampler(format="s16", layout="mono", rate=TARGET_RATE)
    pending: list[np.ndarray] = []
    size = 0
    with av.open(str(path), mode="r", metadata_errors="ignore") as container:
        if not container.streams.audio:
            raise AudioError(f"{path}: has no audio track; {FORMATS_HINT}")
        for frame in _decodable(container):
            frame.pts = None
            for out in resampler.resample(frame):
                pending.append(out.to_ndarray().reshape(-1))
                size += out.samples
            if size >= block_s * TARGET_RATE:
                yield (np.concatenate(pending).astype(np.float32) / 32768.0).reshape(-1, 1), TARGET_RATE
                pending, size = [], 0
        for out in resampler.resample(None):
            pending.append(out.to_ndarray().reshape(-1))
    if pending:
        yield (np.concatenate(pending).astype(np.float32) / 32768.0).reshape(-1, 1), TARGET_RATE


def _decodable(container) -> Iterator:
    import av

    frames = container.decode(audio=0)
    while True:
        try:
            yield next(frames)
        except StopIteration:
            return
        except av.error.InvalidDataError:
            continue


def _raw_blocks(path: Path, block_s: float) -> Iterator[tuple[np.ndarray, int]]:
    wav = pcm_wav(path)
    if wav is not None:
        yield from _pcm_blocks(path, wav, max(1, int(block_s * wav.rate)))
        return
    try:
        sf.info(str(path))
    except (sf.LibsndfileError, RuntimeError, TypeError):
        yield from _av_blocks(path, block_s)
        return
    yield from _sf_blocks(path, block_s)


def iter_audio(path: str | Path, block_s: float = BLOCK_S, target: int = TARGET_RATE) -> Iterator[np.ndarray]:
    """The file as mono float32 blocks at `target` Hz, read and resampled block by block."""
    path = Path(path)
    _check_path(path)
    resampler = None
    try:
        for block, rate in _raw_blocks(path, block_s):
            mono = block.mean(axis=1).astype(np.float32) if block.shape[1] > 1 else block[:, 0].astype(np.float32)
            if rate != target:
                if resampler is None:
                    resampler = soxr.ResampleStream(rate, target, 1, dtype="float32", quality="HQ")
                mono = resampler.resample_chunk(mono)
            if len(mono):
                yield mono
        if resampler is not None:
            tail = resampler.resample_chunk(np.zeros(0, dtype=np.float32), last=True)
            if len(tail):
                yield tail
    except AudioError:
        raise
    except MemoryError:
        raise AudioError(f"{path}: too large to read") from None
    except Exception as exc:  # libsndfile and PyAV raise many types; all mean "cannot decode"
        log.info("cannot decode %s: %s", path, exc)        # the decoder's own words go to the log only
        raise AudioError(f"{path}: not a readable audio file: it is damaged, or not audio at all; "
                         f"{FORMATS_HINT}") from None


def audio_duration(path: str | Path) -> float | None:
    """Seconds of audio in the file (counting what a stale WAV header leaves out), or None if unknown."""
    path = Path(path)
    wav = pcm_wav(path)
    if wav is not None:
        return wav.frames / wav.rate
    try:
        info = sf.info(str(path))
        return info.frames / info.samplerate
    except (sf.LibsndfileError, RuntimeError, TypeError):
        pass
    try:
        import av

        with av.open(str(path), mode="r", metadata_errors="ignore") as container:
            return float(container.duration) / 1e6 if container.duration else None
    except Exception:  # unknown length is fine: progress then counts seconds, not a fraction
        return None


def load_audio(path: str | Path, target: int = TARGET_RATE) -> np.ndarray:
    """Read an audio file (WAV, FLAC, OGG via libsndfile; MP3, M4A and others via PyAV) as mono float32."""
    blocks = list(iter_audio(path, target=target))
    if not blocks:
        path = Path(path)
        if path.stat().st_size == 0:
            raise AudioError(f"{path}: the file is empty")
        return np.zeros(0, dtype=np.float32)
    return np.concatenate(blocks)


def rms(block: np.ndarray) -> float:
    """Root-mean-square level of a block, 0..1 for full-scale float audio."""
    if block.size == 0:
        return 0.0
    return float(np.sqrt(np.mean(np.square(block, dtype=np.float64))))


def frame_levels(audio: np.ndarray, frame: int, squared: bool = False) -> np.ndarray:
    """The RMS level (`rms`) of each whole `frame`-sample frame of `audio`, a partial last frame left out; with
    `squared`, the mean square (energy) instead, for levels of overlapping frames (decoder.drop_silent_words)."""
    n = len(audio) // frame
    if not n:
        return np.zeros(0, dtype=np.float32)
    energy = np.mean(np.square(audio[:n * frame].reshape(n, frame), dtype=np.float64), axis=1)
    return energy if squared else np.sqrt(energy)


def compress(path: str | Path, fmt: str = "FLAC") -> Path:
    """Re-encode a finished WAV answer as FLAC (lossless, about half the size); keep the WAV on failure."""
    path = Path(path)
    if fmt.upper() != "FLAC" or path.suffix.lower() != ".wav":
        return path
    target = path.with_suffix(".flac")
    try:
        with sf.SoundFile(str(target), "w", TARGET_RATE, 1, format="FLAC", subtype="PCM_16") as out:
            for block in iter_audio(path):
                out.write(block)
        target.chmod(0o600)
    except (sf.LibsndfileError, RuntimeError, OSError, AudioError):
        target.unlink(missing_ok=True)
        return path
    path.unlink()
    return target
