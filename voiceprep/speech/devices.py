"""The microphones PortAudio knows, which one a saved name means, and seeing one plugged in since it started."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

_held = 0                     # streams open now (recordings, playback): PortAudio is not restarted under them
_lock = threading.RLock()     # a rescan never runs while the list is being read on another thread


@contextmanager
def holding_stream() -> Iterator[None]:
    """While inside, rescan_devices() leaves PortAudio alone (a restart would end the stream)."""
    global _held
    with _lock:
        _held += 1
    try:
        yield
    finally:
        with _lock:
            _held -= 1


def wait_for_rescan() -> None:
    """Until a rescan running now has ended (at once when none runs). Called off the GUI thread before a recording
    opens the microphone: Recorder.start, on the GUI thread, would otherwise wait there for PortAudio's restart
    (review37a: 0.06-0.69 s with a PulseAudio server, more with many ALSA devices)."""
    with _lock:
        pass


def list_input_devices(rescan: bool = False) -> list[dict]:
    """The microphones PortAudio knows: index, name, rate, host API (its name) and `default_api` (on the default
    host API). PortAudio lists devices once, when it starts: `rescan` restarts it so a headset plugged in since is
    seen, unless a recording or playback holds a stream (then the list as it was)."""
    import sounddevice as sd

    with _lock:
        if rescan:
            rescan_devices()
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
    import sounddevice as sd

    with _lock:
        if _held:
            return False
        sd._terminate()
        sd._initialize()
        return True


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
