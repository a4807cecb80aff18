from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from tests.conftest import BANKS
from voiceprep.app import HistoryAccess, HistoryService, PracticeSession, threads
from voiceprep.core.analysis import embedder
from voiceprep.core.banks import load_bank
from voiceprep.settings import AudioSettings, Settings
from voiceprep.speech.recorder import FileStream, Recorder


@pytest.fixture
def fresh_judge():
    """The judge's model enabled before and after, and no thread marked as the GUI's after: for the tests that switch
    the model off or mark a thread (`pytestmark = pytest.mark.usefixtures("fresh_judge")`), not every app test."""
    embedder.set_disabled(False)
    yield
    embedder.set_disabled(False)
    threads.forget_ui_thread()


@pytest.fixture
def model():
    """The judge's model (`embedder.get_embedder()`), loaded: the pre-embedding tests' (test_trial.py has its own)."""
    e = embedder.get_embedder()
    assert e is not None, embedder.judge_status().message
    return e


@pytest.fixture
def held(model, monkeypatch):
    """The judge's model (`embedder.get_embedder()`) busy: its cache emptied, and each of its runs held until the event
    is set (30 s at most). The list gets the name of the thread each run was on (the pre-embedding tests). Once the test
    has ended, a run still held fails instead (read48a): a test that fails before setting the event leaves no worker to
    fill the next tests' cache with its texts."""
    model.forget()
    ran: list[str] = []
    release = threading.Event()
    ended = threading.Event()
    real = model._run

    def run(texts, *a, **k):
        ran.append(threading.current_thread().name)
        release.wait(30)
        if ended.is_set():
            raise RuntimeError("a model run held past the end of its test")
        return real(texts, *a, **k)
    monkeypatch.setattr(model, "_run", run)
    yield ran, release
    ended.set()
    release.set()


@pytest.fixture
def bank():
    return load_bank(BANKS / "airwallex.toml")


@pytest.fixture
def settings():
    s = Settings()
    s.audio.silence_stop_s = 0
    return s


@pytest.fixture
def access(data_home, settings):
    a = HistoryAccess(data_home / "history.sqlite3", settings.history)
    yield a
    a.close_all()


@pytest.fixture
def session(access, settings):
    return PracticeSession(access, settings)


@pytest.fixture
def service(access):
    return HistoryService(access)


def record(source: Path, into: Path) -> Path:
    """Play `source` into the real recorder, as the microphone would (no real-time wait)."""
    rec = Recorder(into, AudioSettings(silence_stop_s=0), 120, stream_factory=FileStream(source, realtime=False))
    rec.start()
    rec.wait(30)
    return into


def write_wav(path: Path, samples: np.ndarray, rate: int = 16000) -> Path:
    sf.write(str(path), samples.astype(np.float32), rate, subtype="PCM_16")
    return path


@pytest.fixture
def silence(tmp_path) -> Path:
    return write_wav(tmp_path / "silence.wav", np.zeros(16000 * 6))


@pytest.fixture
def noise(tmp_path) -> Path:
    rng = np.random.default_rng(7)
    return write_wav(tmp_path / "noise.wav", rng.normal(0, 0.05, 16000 * 6))


def audio_files(access: HistoryAccess) -> list[str]:
    return sorted(p.name for p in access.audio_dir.iterdir())
