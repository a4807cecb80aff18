"""The microphones PortAudio knows, which one a saved name means, and seeing one plugged in since it started."""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import ModuleType

from voiceprep.settings import SOUND_SERVER_WAIT_S

_held = 0                     # streams open now (recordings, playback): PortAudio is not restarted under them
_lock = threading.RLock()     # a rescan never runs while the list is being read on another thread
_seen: tuple | None = None    # device_signature() when PortAudio last read its devices (None: not known)
_read_at: float | None = None  # when it last read them (time.time(); None: not known)
_SOURCES_ARGS = ("list", "short", "sources")   # pactl's: one source a line, its name second


class StreamHold:
    """A stream's claim on PortAudio: while it is held, rescan_devices() leaves PortAudio alone (a restart would end
    the stream). Taken when made (waiting out a rescan running now), given up by release() once (again: nothing),
    on any thread. An answer's start makes one on the session lane and hands it to the recorder, so the GUI thread's
    Recorder.start never waits for a restart begun in between (fixBO; review37a waited first, then left that gap)."""

    def __init__(self) -> None:
        global _held
        with _lock:
            _held += 1
        self._released = False

    def release(self) -> None:
        global _held
        with _lock:
            if not self._released:
                self._released = True
                _held -= 1

    def __enter__(self) -> StreamHold:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def holding_stream() -> StreamHold:
    """While inside (`with holding_stream():`), rescan_devices() leaves PortAudio alone."""
    return StreamHold()


def portaudio() -> ModuleType:
    """sounddevice, imported here by every part of voiceprep (the player, the recorder, doctor): PortAudio starts,
    and reads its devices, at the import, so the baseline of changed_since_read() is taken then, whoever asks first
    (it was taken only when the microphone list came first: after the voice had played, Settings' first opening
    restarted PortAudio for nothing). Raises OSError where PortAudio is missing, as the import does. The first
    call reads device_signature(): not on the GUI thread."""
    global _seen, _read_at

    module = sys.modules.get("sounddevice")
    if module is not None:
        return module
    signature = device_signature()          # before: a device plugged in during the start is seen as new next time
    with _lock:
        module = sys.modules.get("sounddevice")
        if module is None:
            module = importlib.import_module("sounddevice")
            _seen, _read_at = signature, time.time()
        return module


def list_input_devices(rescan: bool = False) -> list[dict]:
    """The microphones PortAudio knows: index, name, rate, host API (its name) and `default_api` (on the default
    host API). PortAudio lists devices once, when it starts: `rescan` restarts it so a headset plugged in since is
    seen, unless a recording or playback holds a stream (then the list as it was)."""
    sd = portaudio()
    if rescan:                  # before the lock: its pactl (up to SOUND_SERVER_WAIT_S) holds no stream's claim back
        rescan_devices()
    with _lock:
        apis = [a["name"] for a in sd.query_hostapis()]
        try:
            default_api = int(sd.default.hostapi)
        except (AttributeError, TypeError, ValueError, sd.PortAudioError):
            default_api = 0
        return [{"index": i, "name": d["name"], "rate": d["default_samplerate"], "api": apis[d["hostapi"]],
                 "default_api": d["hostapi"] == default_api}
                for i, d in enumerate(sd.query_devices()) if d["max_input_channels"] > 0]


def rescan_devices() -> bool:
    """Restart PortAudio so its device list is read again (`sd._terminate()` then `sd._initialize()`, the way
    sounddevice's maintainer gives in its issue 125); False, and nothing done, while a recording or playback holds a
    stream (a restart ends every stream)."""
    global _seen, _read_at
    sd = portaudio()
    signature = device_signature()          # before: a device plugged in during the restart is seen as new next time;
    with _lock:                             # outside the lock (pactl's moment), which a stream's claim takes
        if _held:
            return False
        _seen = signature
        sd._terminate()
        sd._initialize()
        _read_at = time.time()
        return True


def device_signature() -> tuple | None:
    """What the system shows of its sound devices: on Linux /proc/asound/cards and /dev/snd's names
    (a USB headset plugged in or out changes both), and the sound server's sources (server_sources(): a Bluetooth
    or other headset only PulseAudio or PipeWire sees changes no card). None where none can be read (other
    systems): then only Settings' Refresh rescans. Runs pactl: never on the GUI thread."""
    parts: list = []
    try:
        parts.append(Path("/proc/asound/cards").read_text())
    except OSError:
        pass
    try:
        parts.append(tuple(sorted(os.listdir("/dev/snd"))))
    except OSError:
        pass
    sources = server_sources()
    if sources is not None:
        parts.append(("sound server", sources))
    return tuple(parts) or None


def server_sources() -> tuple[str, ...] | None:
    """The names of the sound server's sources (`pactl list short sources`: PulseAudio, or PipeWire's pulse
    server), sorted; their state (a source in use is RUNNING) and index left out, so only a source come or gone
    changes them. None without pactl, or with no server answering within settings.SOUND_SERVER_WAIT_S. A few
    milliseconds of a subprocess: off the GUI thread. Not run when no server's socket is there: pactl would start one
    (libpulse's autospawn, on where the user's session allows it)."""
    pactl = shutil.which("pactl")
    if pactl is None or not _server_socket():
        return None
    try:
        done = subprocess.run([pactl, *_SOURCES_ARGS], capture_output=True, text=True, timeout=SOUND_SERVER_WAIT_S,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return tuple(sorted(line.split("\t")[1] for line in done.stdout.splitlines() if line.count("\t") >= 1))


def _server_socket() -> bool:
    """Whether a sound server may answer: PULSE_SERVER set, or the user's pulse socket there (PulseAudio's, or
    PipeWire's pulse server's)."""
    if os.environ.get("PULSE_SERVER"):
        return True
    runtime = os.environ.get("XDG_RUNTIME_DIR") or (f"/run/user/{os.getuid()}" if hasattr(os, "getuid") else "")
    return bool(runtime) and Path(runtime, "pulse", "native").exists()


def stream_held() -> bool:
    """Whether a recording or playback holds a stream now (a rescan would leave PortAudio alone)."""
    return _held > 0


def changed_since_read() -> bool:
    """Whether the sound devices changed since PortAudio last read them, as far as device_signature() tells (False
    where it cannot tell; True when PortAudio read them is not known, and the signature is). Runs pactl (up to
    SOUND_SERVER_WAIT_S): off the GUI thread."""
    now = device_signature()
    return now is not None and now != _seen


def read_at() -> float | None:
    """When PortAudio last read its devices (time.time()), None when not known (started before the first list)."""
    return _read_at


def pick_microphone(saved: str, devices: list[dict]) -> tuple[dict | None, str]:
    """The microphone a saved name means among `devices` (list_input_devices'), and a note when it was a choice:
    the one with exactly that name first, else those whose name holds its words (as sounddevice matches); of
    several, the one on the default host API, else the first. None when none matches (not connected)."""
    exact = [d for d in devices if d["name"] == saved]
    words = saved.lower().split()

    def holds(d: dict) -> bool:
        text, pos = f"{d['name']}, {d.get('api', '')}".lower(), 0
        for word in words:
            pos = text.find(word, pos)
            if pos < 0:
                return False
            pos += len(word)
        return True
    found = exact or [d for d in devices if words and holds(d)]
    if not found:
        return None, ""
    on_default = [d for d in found if d.get("default_api")]
    chosen = (on_default or found)[0]
    if len(found) == 1:
        note = "" if exact else f"“{saved}” is “{chosen['name']}”."
        return chosen, note
    how = f"on {chosen['api']}" if on_default and len(on_default) < len(found) else "the first listed"
    return chosen, (f"{len(found)} microphones match “{saved}”: “{chosen['name']}” ({how}) is used. Choose one "
                    "in the list to use another.")
