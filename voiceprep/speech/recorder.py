"""Record an answer: 16 kHz mono, written to disk as it arrives, with level, auto-stop and a hard cap.

The input stream is anything shaped like `sounddevice.InputStream` (the default); `FileStream` plays an
audio file into the same interface, which is how an imported answer and the tests stand in for a microphone.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soxr

from voiceprep.settings import AudioSettings
from voiceprep.speech.audio import TARGET_RATE, load_audio, rms
from voiceprep.speech.wavwriter import StreamingWav

log = logging.getLogger(__name__)
BLOCK_S = 0.1
DEVICE_LOST_AFTER_S = 2.0   # no audio for this long while recording means the device went away


class RecorderError(Exception):
    """Recording could not start; the message says why and what to do."""


@dataclass
class RecordingResult:
    path: Path
    seconds: float
    reason: str              # "manual", "silence", "time_cap", "device_lost", "end_of_file"
    device: str
    error: str | None = None


class FileStream:
    """An audio file presented as an input stream (same constructor and callback as sounddevice)."""

    def __init__(self, path: str | Path, realtime: bool = True, speed: float = 1.0):
        self.samples = load_audio(path)
        self.realtime = realtime
        self.speed = speed
        self.finished = threading.Event()

    def __call__(self, *, samplerate, channels, device, blocksize, dtype, callback):
        self._callback, self._block = callback, blocksize
        self.samplerate = samplerate
        self.active = False
        self._stop = threading.Event()
        return self

    def start(self):
        self.active = True
        self._thread = threading.Thread(target=self._run, name="file-stream", daemon=True)
        self._thread.start()

    def _run(self):
        start = time.perf_counter()
        for i in range(0, len(self.samples), self._block):
            if self._stop.is_set():
                break
            if self.realtime:
                due = start + i / TARGET_RATE / self.speed
                delay = due - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
            block = self.samples[i:i + self._block]
            if len(block) < self._block:
                block = np.pad(block, (0, self._block - len(block)))
            self._callback(block.reshape(-1, 1), len(block), None, None)
        self.active = False
        self.finished.set()

    def stop(self):
        self._stop.set()
        if getattr(self, "_thread", None):
            self._thread.join(timeout=2)
        self.active = False

    def close(self):
        self.stop()

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.close()


def list_input_devices() -> list[dict]:
    import sounddevice as sd

    return [{"index": i, "name": d["name"], "rate": d["default_samplerate"]}
            for i, d in enumerate(sd.query_devices()) if d["max_input_channels"] > 0]


class Recorder:
    """One answer's recording. Call start(); it stops on stop(), silence, the cap, or device loss."""

    def __init__(self, out_path: Path, settings: AudioSettings | None = None, target_seconds: int = 120,
                 stream_factory: Callable | None = None, on_level: Callable[[float], None] | None = None,
                 on_audio: Callable[[np.ndarray], None] | None = None,
                 on_stopped: Callable[[RecordingResult], None] | None = None):
        self.path = Path(out_path)
        self.settings = settings or AudioSettings()
        self.cap_s = self.settings.hard_cap_factor * target_seconds
        self.stream_factory = stream_factory
        self.on_level, self.on_audio, self.on_stopped = on_level, on_audio, on_stopped
        self._queue: queue.Queue = queue.Queue()
        self._stop_reason: str | None = None
        self._done = threading.Event()
        self.result: RecordingResult | None = None
        self.heard_speech = False
        self.trailing_silence = 0.0

    # -- opening the device -------------------------------------------------------------------
    def _open(self):
        if self.stream_factory is not None:
            stream = self.stream_factory(samplerate=TARGET_RATE, channels=1, device=self.settings.input_device,
                                         blocksize=int(TARGET_RATE * BLOCK_S), dtype="float32",
                                         callback=self._callback)
            return stream, TARGET_RATE, "file" if isinstance(self.stream_factory, FileStream) else "custom"
        try:
            import sounddevice as sd
        except OSError as exc:
            raise RecorderError(f"PortAudio is missing ({exc}); install libportaudio2, or import an audio file") from None
        device = self.settings.input_device
        try:
            info = sd.query_devices(device, kind="input")
        except (ValueError, sd.PortAudioError) as exc:
            what = f"input device {device!r}" if device is not None else "default input device"
            raise RecorderError(f"no {what} ({exc}); plug in a microphone, pick one in Settings, "
                                "or import a recorded answer / type it") from None
        last_error = None
        for rate in (TARGET_RATE, int(info["default_samplerate"])):
            try:
                stream = sd.InputStream(samplerate=rate, channels=1, device=device, dtype="float32",
                                        blocksize=int(rate * BLOCK_S), callback=self._callback)
                return stream, rate, info["name"]
            except sd.PortAudioError as exc:  # e.g. "Invalid sample rate": try the device's own rate
                last_error = exc
        raise RecorderError(f"{info['name']}: cannot record at {TARGET_RATE} Hz or its default rate ({last_error})")

    def _callback(self, indata, frames, time_info, status):
        if status:
            log.info("input status: %s", status)
        self._queue.put(indata[:, 0].copy())

    # -- running ------------------------------------------------------------------------------
    def start(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._writer = StreamingWav(self.path, TARGET_RATE)
        try:
            self._stream, rate, self.device_name = self._open()
            self._resampler = soxr.ResampleStream(rate, TARGET_RATE, 1, dtype="float32") if rate != TARGET_RATE else None
            self._stream.start()
        except Exception:
            self._writer.close()
            raise
        self._thread = threading.Thread(target=self._run, name="recorder", daemon=True)
        self._thread.start()

    def stop(self, reason: str = "manual") -> None:
        if self._stop_reason is None:
            self._stop_reason = reason

    def wait(self, timeout: float | None = None) -> RecordingResult | None:
        self._done.wait(timeout)
        return self.result

    @property
    def seconds(self) -> float:
        return self._writer.seconds

    def _run(self) -> None:
        error = None
        last_flush = last_audio = time.monotonic()
        try:
            while self._stop_reason is None:
                try:
                    block = self._queue.get(timeout=0.1)
                except queue.Empty:
                    if isinstance(self.stream_factory, FileStream) and self.stream_factory.finished.is_set():
                        self.stop("end_of_file")
                    elif time.monotonic() - last_audio > DEVICE_LOST_AFTER_S or not getattr(self._stream, "active", True):
                        error = "the microphone stopped delivering audio (unplugged?); what was recorded is kept"
                        self.stop("device_lost")
                    continue
                last_audio = time.monotonic()
                self._consume(block)
                if time.monotonic() - last_flush >= self.settings.flush_every_s:
                    self._writer.flush()
                    last_flush = time.monotonic()
        except Exception as exc:  # a failing stream must never lose what was recorded
            log.exception("recording failed")
            error, self._stop_reason = str(exc), "error"
        finally:
            try:
                self._stream.stop()
                self._stream.close()
            except Exception as exc:  # device already gone
                log.info("closing input stream: %s", exc)
            if self._stop_reason not in ("silence", "time_cap"):  # audio captured before a click is kept
                while not self._queue.empty():
                    self._consume(self._queue.get_nowait(), checks=False)
            if self._resampler is not None:
                tail = self._resampler.resample_chunk(np.zeros(0, dtype=np.float32), last=True)
                if len(tail):
                    self._write(tail)
            self._writer.close()
            self.result = RecordingResult(self.path, self._writer.seconds, self._stop_reason or "manual",
                                          getattr(self, "device_name", "?"), error)
            self._done.set()
            if self.on_stopped:
                self.on_stopped(self.result)

    def _write(self, block: np.ndarray) -> None:
        self._writer.write(block)
        if self.on_audio:
            self.on_audio(block)

    def _consume(self, block: np.ndarray, checks: bool = True) -> None:
        if self._resampler is not None:
            block = self._resampler.resample_chunk(block)
        if not len(block):
            return
        self._write(block)
        level = rms(block)
        if self.on_level:
            self.on_level(level)
        if not checks:
            return
        seconds = len(block) / TARGET_RATE
        if level >= self.settings.silence_rms:
            self.heard_speech, self.trailing_silence = True, 0.0
        else:
            self.trailing_silence += seconds
        if self.settings.silence_stop_s and self.heard_speech and self.trailing_silence >= self.settings.silence_stop_s:
            self.stop("silence")
        elif self._writer.seconds >= self.cap_s:
            self.stop("time_cap")
