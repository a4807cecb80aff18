"""Record an answer: 16 kHz mono, written to disk as it arrives, with level, auto-stop and a hard cap.

The input stream is anything shaped like `sounddevice.InputStream` (the default); `FileStream` plays an
audio file into the same interface, which is how an imported answer and the tests stand in for a microphone.
"""

from __future__ import annotations

import errno
import logging
import queue
import re
import sys
import threading
import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soxr

from voiceprep.settings import IMPORT_MIN_SOUND_S, AudioSettings
from voiceprep.speech.audio import TARGET_RATE, AudioError, audio_duration, iter_audio, load_audio, rms
from voiceprep.speech.devices import StreamHold, holding_stream, list_input_devices, pick_microphone, portaudio
from voiceprep.speech.wavwriter import StreamingWav

log = logging.getLogger(__name__)
BLOCK_S = 0.1
# no audio for this long from a stream that still says it is running means the device went away. Under load a
# PortAudio/PulseAudio input was measured pausing 1.2 s (load 6.7, 2 cores); at 2 s a loaded machine's pause could end
# an answer as "device lost" before a word was heard (walkthroughs 9 and 10: "I didn't hear an answer" at 0:00).
# A stream that stops (unplugged: no longer active) is still noticed at once.
DEVICE_LOST_AFTER_S = 5.0
DISK_FULL_ERRNOS = (errno.ENOSPC, errno.EDQUOT)   # "No space left on device", "Disk quota exceeded"
ALTERNATIVES_SHORT = "Import audio / Type answer"
ALTERNATIVES = "You can still rehearse: use Import audio or Type answer."


def quiet_long_enough(quiet: float, quiet_s: float) -> bool:
    """Whether `quiet` seconds of quiet since the voice was last heard end a manual stop at once (no `ReleaseTail`),
    or end the tail: at least `quiet_s` of it (any quiet block when `quiet_s` is 0). `quiet` is 0.0 when the last
    block was audible, infinite when no voice was heard at all."""
    return quiet > 0 and quiet >= quiet_s - 1e-9


class ReleaseTail:
    """Space pressed while the candidate is still saying their last word: the recording goes on, block by block,
    until the voice has been quiet for `quiet_s` (counting the quiet just before Space) or `seconds` have passed: the
    word is not cut off mid-word, a quiet last syllable included (docs/benchmarks.md, fixY and fixAD)."""

    def __init__(self, seconds: float, silence_rms: float, quiet_s: float, quiet_before: float = 0.0):
        self.seconds, self.silence_rms, self.quiet_s = seconds, silence_rms, quiet_s
        self.recorded, self.quiet = 0.0, quiet_before

    def take(self, block: np.ndarray) -> bool:
        """Count one block recorded after the stop; True when the recording should end after it."""
        length = len(block) / TARGET_RATE
        self.recorded += length
        self.quiet = self.quiet + length if rms(block) < self.silence_rms else 0.0
        return quiet_long_enough(self.quiet, self.quiet_s) or self.recorded >= self.seconds - 1e-9


def quiet_before(audio: np.ndarray, stop: int, silence_rms: float, block: int = int(BLOCK_S * TARGET_RATE)) -> float:
    """Seconds of quiet blocks just before `stop` (0.0 if the last block was audible), as the recorder counts them."""
    quiet, end = 0.0, stop
    while end > 0 and rms(audio[max(0, end - block):end]) < silence_rms:
        quiet += (end - max(0, end - block)) / TARGET_RATE
        end -= block
    return quiet if end > 0 else float("inf")       # nothing audible before: silent from the start


def release_tail_end(audio: np.ndarray, stop: int, seconds: float, silence_rms: float, quiet_s: float) -> int:
    """The sample a stop at `stop` ends the recording at when the recorder's blocks are read from `stop` on (the
    same rule as `Recorder`; for measuring, bench/stop_midword.py). A stop after `quiet_s` of quiet (any quiet block
    when `quiet_s` is 0, the rule before fixAD) still ends at once."""
    if seconds <= 0 or stop >= len(audio):
        return min(stop, len(audio))
    before = quiet_before(audio, stop, silence_rms)
    if quiet_long_enough(before, quiet_s):
        return stop
    tail, block, end = ReleaseTail(seconds, silence_rms, quiet_s, before), int(BLOCK_S * TARGET_RATE), stop
    while end < len(audio):
        chunk = audio[end:end + block]
        end += len(chunk)
        if tail.take(chunk):
            break
    return end


class RecorderError(Exception):
    """Recording could not start; the message says why and what to do."""


@dataclass
class RecordingResult:
    path: Path
    seconds: float
    reason: str              # "manual", "silence", "no_speech", "time_cap", "device_lost", "end_of_file", "error",
    #                          "cancelled", "quit" (the app closing mid-answer: app.session marks it cut off)
    device: str
    error: str | None = None


class FileStream:
    """An audio file presented as an input stream (same constructor and callback as sounddevice).

    `realtime=False` delivers it as fast as the consumer takes it: a fast microphone for tests. An *import*
    (`FileStream.for_import`) is also fast, and the recorder then takes the whole file: no silence auto-stop,
    no time cap. The file is read block by block; an unreadable file fails here, in the candidate's words.
    """

    def __init__(self, path: str | Path | None, realtime: bool = True, speed: float = 1.0, imported: bool = False):
        self.path = Path(path) if path is not None else None
        self.realtime = realtime
        self.speed = speed
        self.imported = imported
        self.finished = threading.Event()
        self.samples: np.ndarray | None = None
        self.duration_s = 0.0
        if self.path is not None:
            self.duration_s = audio_duration(self.path) or 0.0
            if not imported:
                self.samples = load_audio(self.path)
            else:
                self._check_sound(self.path)

    @staticmethod
    def _check_sound(path: Path) -> None:
        """An import with no audio, or less than IMPORT_MIN_SOUND_S of it (a file cut short), refused in the
        candidate's words before anything is saved (walk47: a WAV cut to 60 bytes imported as a 0.0004 s answer)."""
        heard, enough = 0, int(IMPORT_MIN_SOUND_S * TARGET_RATE)
        for block in iter_audio(path, block_s=1.0):      # decoded, not the header's word: a cut file's header lies
            heard += len(block)
            if heard >= enough:
                return
        seconds = heard / TARGET_RATE       # read37: one form of refusal; "0.0 s" said of a few samples read wrong
        held = "no sound" if not heard else "under 0.1 s of sound" if seconds < 0.05 else f"only {seconds:.1f} s of sound"
        raise AudioError(f"The file {path.name} holds {held} — it may be empty or cut short; nothing was saved")

    @classmethod
    def for_import(cls, path: str | Path) -> FileStream:
        """An answer recorded elsewhere, imported whole and fast (see `speech.importer`)."""
        return cls(path, realtime=False, imported=True)

    @classmethod
    def from_samples(cls, samples: np.ndarray, realtime: bool = True, speed: float = 1.0) -> FileStream:
        fs = cls(None, realtime=realtime, speed=speed)
        fs.samples = np.asarray(samples, dtype=np.float32)
        fs.duration_s = len(fs.samples) / TARGET_RATE
        return fs

    def _blocks(self):
        if self.samples is not None:
            yield from (self.samples[i:i + self._block] for i in range(0, len(self.samples), self._block))
            return
        assert self.path is not None
        rest = np.zeros(0, dtype=np.float32)
        for chunk in iter_audio(self.path, block_s=1.0):
            rest = np.concatenate([rest, chunk])
            usable = len(rest) - len(rest) % self._block
            yield from (rest[i:i + self._block] for i in range(0, usable, self._block))
            rest = rest[usable:]
        if len(rest):
            yield rest

    def __call__(self, *, samplerate, channels, device, blocksize, dtype, callback):
        self._callback, self._block = callback, blocksize
        self.samplerate = samplerate
        self.error: str | None = None
        self.active = False
        self._stop = threading.Event()
        return self

    def start(self):
        self.active = True
        self._thread = threading.Thread(target=self._run, name="file-stream", daemon=True)
        self._thread.start()

    def _run(self):
        start = time.perf_counter()
        sent = 0
        try:
            for block in self._blocks():
                if self._stop.is_set():
                    break
                if self.realtime:
                    delay = start + sent / TARGET_RATE / self.speed - time.perf_counter()
                    if delay > 0:
                        time.sleep(delay)
                if len(block) < self._block and not self.imported:
                    block = np.pad(block, (0, self._block - len(block)))   # a microphone sends whole blocks
                self._callback(block.reshape(-1, 1), len(block), None, None)
                sent += len(block)
        except AudioError as exc:
            self.error = str(exc)
            log.warning("reading %s: %s", self.path, exc)
        finally:
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


class Recorder:
    """One answer's recording. Call start(); it stops on stop(), silence, the cap, or device loss."""

    def __init__(self, out_path: Path, settings: AudioSettings | None = None, target_seconds: int = 120,
                 stream_factory: Callable | None = None, on_level: Callable[[float], None] | None = None,
                 on_audio: Callable[[np.ndarray], None] | None = None,
                 on_stopped: Callable[[RecordingResult], None] | None = None, hold: StreamHold | None = None):
        """`hold`: the microphone's claim on PortAudio taken before (off the GUI thread), released at the end."""
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
        self._file = stream_factory if isinstance(stream_factory, FileStream) else None
        self._hold = hold
        self.stood_in_for: str | None = None    # the microphone chosen, not connected, when the default records instead
        self.picked_note = ""                   # which of several microphones matching the saved name records
        self.trailing_silence = 0.0
        self._last_level = 0.0
        self._tail: ReleaseTail | None = None
        self._tail_deadline = 0.0

    # -- opening the device -------------------------------------------------------------------
    def _open(self):
        if self.stream_factory is not None:
            stream = self.stream_factory(samplerate=TARGET_RATE, channels=1, device=self.settings.input_device,
                                         blocksize=int(TARGET_RATE * BLOCK_S), dtype="float32",
                                         callback=self._callback)
            return stream, TARGET_RATE, "file" if isinstance(self.stream_factory, FileStream) else "custom"
        try:
            sd = portaudio()
        except OSError:
            raise RecorderError("Recording is not available on this computer (the PortAudio sound library is "
                                f"missing: install libportaudio2). {ALTERNATIVES}") from None
        device = self.settings.input_device
        try:
            try:
                info = sd.query_devices(device, kind="input")
            except ValueError as exc:
                if not str(exc).startswith("Multiple"):
                    raise
                # a name that two devices match is not "not connected": Settings' rule (exact name, then the
                # default host API, else the first), said by Settings (review36b 5)
                picked, self.picked_note = pick_microphone(device, list_input_devices())
                if picked is None:
                    raise
                device = picked["index"]
                info = sd.query_devices(device, kind="input")
        except (ValueError, sd.PortAudioError) as exc:
            device = self.settings.input_device
            log.info("querying input device %r: %s", device, exc)
            if device is None:
                raise RecorderError(f"No microphone found. Plug one in or choose one in Settings, or use "
                                    f"{ALTERNATIVES_SHORT}.") from None
            # the microphone chosen is unplugged: the system default records until it is back (walk45 5); the
            # choice stays saved, so it is used again once plugged in
            try:
                info = sd.query_devices(None, kind="input")
            except (ValueError, sd.PortAudioError):
                raise RecorderError(f"The microphone \u201c{device}\u201d chosen in Settings is not available. Plug "
                                    f"it in or choose another one in Settings, or use {ALTERNATIVES_SHORT}.") from None
            device, self.stood_in_for = None, device
        last_error = None
        for rate in (TARGET_RATE, int(info["default_samplerate"])):
            try:
                stream = sd.InputStream(samplerate=rate, channels=1, device=device, dtype="float32",
                                        blocksize=int(rate * BLOCK_S), callback=self._callback)
                return stream, rate, info["name"]
            except sd.PortAudioError as exc:  # e.g. "Invalid sample rate": try the device's own rate
                last_error = exc
        log.info("opening %s: %s", info["name"], last_error)
        raise RecorderError(not_opened(info["name"], last_error))

    def _callback(self, indata, frames, time_info, status):
        if status:
            log.info("input status: %s", status)
        self._queue.put(indata[:, 0].copy())

    # -- running ------------------------------------------------------------------------------
    def start(self) -> None:
        """Open the device and record (`open` then `run`)."""
        self.open()
        self.run()

    def open(self) -> None:
        """Open and start the stream (slow on some sound servers: the GUI calls it on the session lane, fixBW); its
        blocks wait in the queue until `run`. Raises RecorderError, the claim given back."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._writer = StreamingWav(self.path, TARGET_RATE)
        # PortAudio is not restarted (Settings' Refresh) under a microphone's stream; a hold taken before is used
        self._held = self._hold or (holding_stream() if self.stream_factory is None else nullcontext())
        self._held.__enter__()
        try:
            self._stream, rate, self.device_name = self._open()
            self._resampler = soxr.ResampleStream(rate, TARGET_RATE, 1, dtype="float32") if rate != TARGET_RATE else None
            self._start_stream()
        except Exception:
            self._writer.close()
            self._held.__exit__(None, None, None)
            raise

    def _start_stream(self) -> None:
        """Start the opened stream; a device that fails as it starts (unplugged meanwhile) says so in the candidate's
        words, as one that fails to open does (read38b: "Starting the answer failed unexpectedly (PortAudioError)")."""
        try:
            self._stream.start()
        except Exception as exc:
            sd = sys.modules.get("sounddevice")         # imported by `_open` for a PortAudio device
            if sd is None or not isinstance(exc, sd.PortAudioError):
                raise
            try:
                self._stream.close()
            except Exception as closing:        # the device is gone: the error that says so is the one shown
                log.info("closing input stream: %s", closing)
            log.info("starting %s: %s", self.device_name, exc)
            raise RecorderError(not_opened(self.device_name, exc)) from None

    def run(self) -> None:
        """Record what the opened stream sends (from its opening on) until a stop."""
        self._thread = threading.Thread(target=self._run, name="recorder", daemon=True)
        self._thread.start()

    def close_unstarted(self) -> None:
        """An opened recording never run (cancelled, its window closed while it opened): the stream closed, the
        claim on PortAudio given back, the file closed (the answer's row and audio are dropped by its caller)."""
        try:
            self._stream.stop()
            self._stream.close()
        except Exception as exc:  # device already gone
            log.info("closing input stream: %s", exc)
        finally:
            self._held.__exit__(None, None, None)
            self._writer.close()

    def stop(self, reason: str = "manual") -> None:
        """End the recording. A manual stop while the candidate is still speaking (the voice was heard within the
        last `release_tail_quiet_s`) records on for up to `release_tail_s` until the voice has been quiet that long
        (`ReleaseTail`): Space pressed on the last word keeps the word, a quiet last syllable too. A stop after a
        longer quiet, a second manual stop during the tail, or any other reason ends it at once."""
        if self._stop_reason is not None:
            return
        tail, quiet_s = self.settings.release_tail_s, self.settings.release_tail_quiet_s
        quiet = self.trailing_silence if self.heard_speech else float("inf")    # quiet since the voice was last heard
        if (reason == "manual" and self._tail is None and tail > 0 and not quiet_long_enough(quiet, quiet_s)
                and not (self._file is not None and self._file.imported)):
            # the deadline first: the recorder thread reads the tail with its deadline, and a tail seen before its
            # deadline was set (0.0) ended the recording at once, cutting the word (review32 11)
            self._tail_deadline = time.monotonic() + tail + 2 * BLOCK_S   # blocks stopped coming: end anyway
            self._tail = ReleaseTail(tail, self.settings.silence_rms, quiet_s, quiet)
            return
        self._stop_reason = reason

    @property
    def stopping(self) -> bool:
        """A manual stop is recording the end of the last word (`release_tail_s`): the recording ends shortly."""
        return self._tail is not None and self._stop_reason is None

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
                    if self._tail is not None and time.monotonic() > self._tail_deadline:
                        self._stop_reason = "manual"
                    elif self._file is not None and self._file.finished.is_set():
                        error = self._file.error
                        self.stop("end_of_file")
                    elif self._file is not None and self._file.imported:
                        continue                      # a slow decoder is not a lost device
                    elif time.monotonic() - last_audio > DEVICE_LOST_AFTER_S or not getattr(self._stream, "active", True):
                        error = ("The microphone stopped sending sound (unplugged?). What was recorded until then "
                                 "is kept.")
                        self.stop("device_lost")
                    continue
                last_audio = time.monotonic()
                self._consume(block)
                if time.monotonic() - last_flush >= self.settings.flush_every_s:
                    self._writer.flush()
                    last_flush = time.monotonic()
        except Exception as exc:  # a failing stream or a full disk must never lose what was recorded
            log.exception("recording failed")
            error, self._stop_reason = self._failure_message(exc), "error"
        finally:
            try:
                self._stream.stop()
                self._stream.close()
            except Exception as exc:  # device already gone
                log.info("closing input stream: %s", exc)
            self._held.__exit__(None, None, None)
            late: Exception | None = None   # the first failure while ending, said if nothing failed before
            try:  # the same full disk fails again here: the recording still ends, with what reached the file
                if self._stop_reason not in ("silence", "no_speech", "time_cap"):  # audio before a click is kept
                    while not self._queue.empty():
                        self._consume(self._queue.get_nowait(), checks=False)
                if self._resampler is not None:
                    tail = self._resampler.resample_chunk(np.zeros(0, dtype=np.float32), last=True)
                    if len(tail):
                        self._write(tail)
            except Exception as exc:
                log.warning("writing the end of the recording: %s", exc)
                late = exc
            try:
                self._writer.close()
            except OSError as exc:
                log.warning("closing %s: %s", self.path, exc)
                late = late or exc
            if error is None and late is not None:
                error, self._stop_reason = self._failure_message(late), "error"
            self.result = RecordingResult(self.path, self._writer.seconds, self._stop_reason or "manual",
                                          getattr(self, "device_name", "?"), error)
            log.info("recording stopped: %s after %.1f s (%s)", self.result.reason, self.result.seconds,
                     self.result.device)
            self._done.set()
            if self.on_stopped:
                self.on_stopped(self.result)

    def _failure_message(self, exc: BaseException) -> str:
        """Why the recording stopped, in the candidate's words: a full disk is named, with the folder to clear."""
        if isinstance(exc, OSError) and exc.errno in DISK_FULL_ERRNOS:
            return (f"Recording stopped: the disk is full (no space left in {self.path.parent}). Free some space "
                    "there, then answer again. What was recorded until then is kept.")
        return "Recording stopped because of a sound device error. What was recorded until then is kept."

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
        level = self._last_level = rms(block)
        importing = self._file is not None and self._file.imported
        if self.on_level and not importing:    # a file read in at hundreds of times real time: a level per block
            self.on_level(level)               # flooded the GUI thread's queue (fixAX: ~2 s late) and meant nothing
        if checks and self._tail is not None and self._stop_reason is None:
            if self._tail.take(block) or time.monotonic() > self._tail_deadline:
                self._stop_reason = "manual"
            return
        if not checks or importing:
            return                                    # an imported file is taken whole
        seconds = len(block) / TARGET_RATE
        if level >= self.settings.silence_rms:
            self.heard_speech, self.trailing_silence = True, 0.0
        else:
            self.trailing_silence += seconds
        if self.settings.silence_stop_s and self.heard_speech and self.trailing_silence >= self.settings.silence_stop_s:
            self.stop("silence")
        elif (self.settings.silence_stop_s and self.settings.no_speech_stop_s and not self.heard_speech
              and self._writer.seconds >= self.settings.no_speech_stop_s):
            self.stop("no_speech")
        elif self._writer.seconds >= self.cap_s:
            self.stop("time_cap")


# PortAudio's error codes for a microphone that will not open: "device unavailable" (busy), "illegal combination of
# I/O devices" and "unanticipated host error" (what ALSA's default device gives with no sound server behind it)
_BUSY, _NO_SERVER = (-9985,), (-9993, -9999, -10000)


def not_opened(name: str, exc: BaseException | None) -> str:
    """Why the microphone `name` could not be opened, from PortAudio's error `exc`, and what to do (walk43 finding
    8: a stopped sound server was blamed on "another program")."""
    args: tuple[object, ...] = exc.args if exc is not None else ()
    code = args[1] if len(args) > 1 and isinstance(args[1], int) else None
    found = re.search(r"PaErrorCode (-\d+)", str(exc))
    code = int(found.group(1)) if code is None and found else code
    text = str(exc).lower()
    if code in _BUSY or "busy" in text:
        return (f"The microphone \u201c{name}\u201d could not be opened: another program is using it. Close that "
                f"program or choose another microphone in Settings, or use {ALTERNATIVES_SHORT}.")
    if code in _NO_SERVER or "host error" in text or "illegal combination" in text:
        return (f"The microphone \u201c{name}\u201d could not be opened: the sound system did not answer (no audio "
                f"device, or the sound server such as PulseAudio or PipeWire is not running). Start the sound server "
                f"or plug in a microphone, then try again; or use {ALTERNATIVES_SHORT}.")
    return (f"The microphone \u201c{name}\u201d could not be opened. Check that it is plugged in and no other "
            f"program is using it, or choose another microphone in Settings, or use {ALTERNATIVES_SHORT}.")
