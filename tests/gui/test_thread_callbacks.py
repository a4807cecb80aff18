"""A worker thread's callback into a Qt object that is gone: the recorder's thread ended a recording after the
test's window (and its controller) was deleted, and `on_stopped` = the controller's signal's emit raised
"RuntimeError: Signal source has been deleted" in thread recorder. Every callback the controller hands to a
worker thread goes through operations.from_thread, which drops the call when its object is gone."""

from __future__ import annotations

import threading
from types import SimpleNamespace

import shiboken6
from PySide6.QtCore import QObject, Signal

from voiceprep.gui import controller as c
from voiceprep.gui import operations


def call_on_a_thread(callback, *args) -> list[BaseException]:
    raised: list[BaseException] = []

    def run() -> None:
        try:
            callback(*args)
        except BaseException as exc:  # the test reports whatever escaped
            raised.append(exc)
    t = threading.Thread(target=run, name="recorder")
    t.start()
    t.join(5)
    return raised


class _Source(QObject):
    said = Signal(object)


def test_a_deleted_objects_signal_called_from_a_thread_raises_nothing(qtbot):
    source = _Source()
    heard: list[object] = []
    source.said.connect(heard.append)
    safe = operations.from_thread(source.said)
    assert call_on_a_thread(safe, 1) == []
    qtbot.waitUntil(lambda: heard == [1])       # alive: delivered (queued to this thread)
    plain = source.said.emit
    shiboken6.delete(source)
    assert call_on_a_thread(safe, 2) == []
    assert any("deleted" in str(e) for e in call_on_a_thread(plain, 3))   # what the wrapper is there for


def test_the_controllers_recorder_callbacks_survive_the_controller(services, monkeypatch):
    handed: dict[str, object] = {}

    class FakeLive:
        def __init__(self, *args, **kwargs):
            handed.update(kwargs)

        def feed(self, block):
            pass

        def start(self):
            pass

    class FakeRecorder:
        stood_in_for = None             # the chosen microphone was there (review36b: the default standing in is said)

        def __init__(self, *args, **kwargs):
            handed.update(kwargs)

        def run(self):
            pass
    monkeypatch.setattr(c, "LiveTranscriber", FakeLive)
    monkeypatch.setattr(c, "Recorder", FakeRecorder)
    ctl = c.RehearsalController(services)
    ctl.rehearsal = SimpleNamespace(bank=SimpleNamespace(terms=lambda prompt, settings: []))
    pending = SimpleNamespace(audio_path=None, prompt=SimpleNamespace(target_seconds=60), more_of=None)
    monkeypatch.setattr(services, "transcriber", lambda: None)
    live = ctl._live_for(pending, ctl.rehearsal.bank, services.session)      # on the session lane in the app
    ctl._record(pending, None, live, c.Recorder(None, **ctl._recorder_calls(), on_audio=live.feed))
    ctl._elapsed_timer.stop()
    shiboken6.delete(ctl)
    calls = {"on_stopped": (SimpleNamespace(reason="manual"),), "on_level": (0.5,),
             "on_caption": (SimpleNamespace(committed="", tentative=""),),
             "on_words": ((), ())}        # perf45: the pre-embedder's offer, a plain object's, no Qt in it
    untested = {k for k in handed if k.startswith("on_")} - {"on_audio"} - set(calls)   # on_audio: the live feed
    assert not untested, f"a new callback handed to the recorder: test it here too ({untested})"
    for name, args in calls.items():
        assert call_on_a_thread(handed[name], *args) == [], name
    pending.pre.stop()                  # its worker, if the offer started one, ends
