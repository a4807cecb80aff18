"""Did the candidate say anything? Silence or noise is not an answer: it is neither scored nor stored."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile as sf

from voiceprep.app.errors import NoAnswerHeard
from voiceprep.core.transcript import Transcript

BLOCK_S = 0.1

MIC_HINT = ("Check that the level meter moves when you speak (Settings: Test microphone) and that the right input "
            "device is chosen, then answer again.")
FILE_HINT = "Check that the file plays speech and is not silent or only noise."


def loud_seconds(path: Path, silence_rms: float) -> float:
    """Seconds of `path` louder than `silence_rms`, read in blocks (memory stays small for long files)."""
    try:
        info = sf.info(str(path))
    except (sf.LibsndfileError, RuntimeError, OSError):
        from voiceprep.speech.audio import load_audio, rms

        samples = load_audio(path)
        block = int(16000 * BLOCK_S)
        return sum(rms(samples[i:i + block]) >= silence_rms for i in range(0, len(samples), block)) * BLOCK_S
    block = max(1, int(info.samplerate * BLOCK_S))
    loud = 0
    for chunk in sf.blocks(str(path), blocksize=block, dtype="float32", always_2d=True):
        mono = chunk.mean(axis=1)
        if mono.size and float(np.sqrt(np.mean(np.square(mono, dtype=np.float64)))) >= silence_rms:
            loud += 1
    return loud * BLOCK_S


def heard(transcript: Transcript, audio: Path | None, silence_rms: float, min_speech_s: float) -> bool:
    """Words were transcribed and, when there is audio, it holds enough speech (voice activity detection, so
    noise that the transcriber turned into words is not an answer)."""
    if not any(w.word.strip() for w in transcript.words()) and not transcript.text.strip():
        return False
    if audio is None:
        return True
    from voiceprep.speech.vad import has_speech

    try:
        return has_speech(audio, min_speech_s)
    except Exception:  # the detector could not run: fall back to loudness
        return loud_seconds(audio, silence_rms) >= min_speech_s


def require_answer(transcript: Transcript, audio: Path | None, silence_rms: float, min_speech_s: float,
                   source: str | None = None) -> None:
    """Raise NoAnswerHeard (with a hint) when nothing was said."""
    if heard(transcript, audio, silence_rms, min_speech_s):
        return
    if source:
        raise NoAnswerHeard(f"{source}: I didn't hear an answer in this recording (silence or noise), so nothing "
                            f"was scored or saved. {FILE_HINT}")
    raise NoAnswerHeard(f"I didn't hear an answer, so nothing was scored or saved. {MIC_HINT}")
