"""Playback stops for what is playing now, and only for that (review 14: N while the question was read)."""

from __future__ import annotations

import sys
import threading
import time
import types

import numpy as np
import soundfile as sf

from voiceprep.speech.player import Player


class _Device:
    """sounddevice's OutputStream as a seam: each block takes 10 ms to "play"."""

    latency = 0.0

    def __init__(self, **_):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *_):
        return False

    def write(self, block):
        time.sleep(0.01)

    def abort(self):
        pass


def test_stop_ends_the_playing_question_and_not_the_next_one(tmp_path, monkeypatch):
    """The controller stops the question being read and at once plays the next one on another thread. One shared
    stop event, cleared as the next play began, let the old question play to its end under the new one."""
    fake = types.SimpleNamespace(OutputStream=_Device, PortAudioError=RuntimeError)
    monkeypatch.setitem(sys.modules, "sounddevice", fake)
    wav = tmp_path / "q.wav"
    sf.write(wav, np.zeros(16000 * 2, dtype=np.float32), 16000)          # 40 blocks of 50 ms: ~0.4 s here
    player, results = Player(), {}
    started = threading.Event()

    def play(name, **kw):
        results[name] = player.play(wav, **kw)
    old = threading.Thread(target=play, args=("old",), kwargs={"on_start": lambda _l: started.set()})
    old.start()
    assert started.wait(5)
    player.stop()
    new = threading.Thread(target=play, args=("new",))
    new.start()
    old.join(5)
    new.join(5)
    assert results == {"old": False, "new": True}


def test_a_play_cancelled_before_it_begins_plays_nothing(tmp_path, monkeypatch):
    """fix41: Esc while the question was still being rendered reached no playback (`stop` stops only one that has
    begun), and the question played after it. The controller's own `cancel`, set before the play, plays nothing;
    set during it, it stops it."""
    written = []

    class Counted(_Device):
        def write(self, block):
            written.append(len(block))
            super().write(block)
    monkeypatch.setitem(sys.modules, "sounddevice", types.SimpleNamespace(OutputStream=Counted,
                                                                          PortAudioError=RuntimeError))
    wav = tmp_path / "q.wav"
    sf.write(wav, np.zeros(16000 * 2, dtype=np.float32), 16000)
    cancel = threading.Event()
    cancel.set()
    assert Player().play(wav, cancel=cancel, on_start=lambda _l: written.append("started")) is False
    assert written == []
    cancel = threading.Event()
    threading.Timer(0.1, cancel.set).start()
    assert Player().play(wav, cancel=cancel) is False
    assert 0 < len(written) < 40


def test_a_stop_aborts_the_device_buffer_and_a_play_asks_for_the_long_one(tmp_path, monkeypatch):
    """fixD: the device keeps settings.PLAYBACK_LATENCY_S of sound so a busy machine does not cut the voice into
    fragments; a stop must then abort that buffer (heard at once), and a play to its end must not (its tail of
    silence, as long as the buffer, is written so the voice's last words are heard)."""
    from voiceprep.settings import PLAYBACK_LATENCY_S
    seen: dict[str, object] = {"aborted": 0, "written": 0}

    class Buffered(_Device):
        latency = PLAYBACK_LATENCY_S

        def __init__(self, **kw):
            seen["latency"] = kw.get("latency")

        def write(self, block):
            seen["written"] = int(seen["written"]) + len(block)
            super().write(block)

        def abort(self):
            seen["aborted"] = int(seen["aborted"]) + 1
    monkeypatch.setitem(sys.modules, "sounddevice", types.SimpleNamespace(OutputStream=Buffered,
                                                                          PortAudioError=RuntimeError))
    wav = tmp_path / "q.wav"
    sf.write(wav, np.zeros(16000, dtype=np.float32), 16000)             # 1 s
    assert Player().play(wav) is True
    assert seen["latency"] == PLAYBACK_LATENCY_S and seen["aborted"] == 0
    assert int(seen["written"]) >= 16000 * (1 + PLAYBACK_LATENCY_S)     # the voice, then the buffer's silence
    player = Player()
    threading.Timer(0.1, player.stop).start()
    assert player.play(wav) is False
    assert seen["aborted"] == 1
