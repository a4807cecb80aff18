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
NOTHING_IN_FILE = f"I didn't hear an answer in this recording (silence or noise), so nothing was scored or saved. {FILE_HINT}"


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


SPEECH, NOISE, SILENCE = "speech", "noise", "silence"


def mic_check(path: Path, silence_rms: float, min_speech_s: float) -> tuple[str, float]:
    """What a microphone test recorded: SPEECH, NOISE (sound above the silence level, but no speech in it) or
    SILENCE (nothing above it), with the seconds of speech (or of sound) found."""
    loud = loud_seconds(path, silence_rms)
    if loud < BLOCK_S:
        return SILENCE, 0.0
    from voiceprep.speech.audio import load_audio
    from voiceprep.speech.vad import speech_seconds

    try:
        found = speech_seconds(load_audio(path))          # a test is a few seconds: read whole
    except Exception:  # the detector could not run: the level decides, as for answers
        return (SPEECH if loud >= min_speech_s else NOISE), loud
    return (SPEECH if found >= min_speech_s else NOISE), found


def mic_check_text(verdict: str, seconds: float, device: str) -> str:
    """The microphone test's outcome in plain words, and what to do about it."""
    if verdict == SPEECH:
        return f"Speech heard ({seconds:.1f} s) from {device}: the microphone works. You are ready to rehearse."
    if verdict == NOISE:
        return (f"Only noise, no speech, from {device}. Speak closer to the microphone (or turn its input volume "
                "up), or choose another microphone above, then test again.")
    return (f"Only silence from {device}: nothing louder than a quiet room. Check that the microphone is plugged in "
            "and not muted in the system's sound settings, or choose another microphone above, then test again.")


EARLY_STOP_S = 1.5   # a recording stopped by the candidate this soon was a key pressed twice, not an answer


def no_answer_text(reason: str, seconds: float) -> str:
    """Why nothing was heard in a recording that ended for `reason` after `seconds`, in words that fit it: the
    microphone hint fits silence, not a Space pressed twice or a device that stopped (walkthroughs 9 and 10: "check
    that the level meter moves" while it moved)."""
    if reason == "device_lost":
        return ("The microphone stopped sending sound before an answer was heard, so nothing was scored or saved. "
                "Check it in Settings (Test microphone), then answer again.")
    if reason == "end_of_file":                  # an imported recording: the file, not the microphone
        return NOTHING_IN_FILE
    if reason == "manual" and seconds < EARLY_STOP_S:
        return (f"The answer was stopped after {seconds:.1f} s, before anything was said, so nothing was saved. "
                "Press Space to answer, and Space again when you have finished.")
    return f"I didn't hear an answer, so nothing was scored or saved. {MIC_HINT}"


def require_answer(transcript: Transcript, audio: Path | None, silence_rms: float, min_speech_s: float,
                   source: str | None = None, stopped: str = "") -> None:
    """Raise NoAnswerHeard (with a hint) when nothing was said; `stopped`: why the recording ended (the
    recorder's reason), for a hint that fits it."""
    if heard(transcript, audio, silence_rms, min_speech_s):
        return
    if source:
        raise NoAnswerHeard(f"{source}: {NOTHING_IN_FILE}")
    try:
        seconds = sf.info(str(audio)).duration if audio is not None else 0.0
    except (OSError, RuntimeError):   # unreadable or gone: the general hint
        seconds = EARLY_STOP_S
    raise NoAnswerHeard(no_answer_text(stopped, seconds))


def missing_microphone_text(name: str, welcome: bool = False, others: bool = True) -> str:
    """What Settings (and with `welcome`, Welcome back) says of a chosen microphone that is not connected; `others`
    False: no microphone is connected at all, so no system default records either."""
    meanwhile = ("answers use the system default until you plug it in or choose another" if others else
                 "no other microphone was found: plug it in, or rehearse with Import audio or Type answer")
    if welcome:
        return f"Your microphone “{name}” is not connected; {meanwhile}" + (" in Settings." if others else ".")
    return f"“{name}” — not connected; {meanwhile}."


def stood_in_text(chosen: str, used: str) -> str:
    """The notice of an answer recorded with another microphone than the one chosen in Settings (`chosen`, not
    connected): review36b, the recording was made on `used` and nothing said it."""
    return (f"Your microphone “{chosen}” is not connected: this answer is recorded with “{used}”. Plug it in, or "
            "choose another in Settings.")


def testing_default_text(chosen: str, done: str = "") -> str:
    """Settings' microphone test on a chosen microphone that is not connected: the system default is what is
    tested, said before it records and with its outcome (`done`, mic_check_text's), so the candidate knows which
    device spoke (review36b 4: it read as if the choice were fine)."""
    if done:
        return f"“{chosen}” isn't connected, so the system default was tested: {done}"
    return f"“{chosen}” isn't connected — testing the system default instead. Recording 3 s… speak now"
