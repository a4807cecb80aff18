"""After a crash: finish attempts whose recording was interrupted, from the audio left on disk."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from voiceprep.core.history.store import FAILED, History
from voiceprep.core.transcript import Transcript

log = logging.getLogger(__name__)
MIN_AUDIO_BYTES = 44 + 16000  # a header plus half a second of 16-bit audio


@dataclass
class Recovered:
    attempt_id: int
    outcome: str    # "finished" or "failed"
    detail: str


def recover(h: History, transcribe: Callable[[Path], Transcript], settings=None) -> list[Recovered]:
    """Transcribe and score every unfinished attempt that left audio; mark the others failed."""
    from voiceprep.core.analysis.analyze import analyze_answer

    out = []
    for row in h.unfinished():
        audio = Path(row["audio_path"]) if row.get("audio_path") else None
        if audio is None or not audio.exists() or audio.stat().st_size < MIN_AUDIO_BYTES:
            detail = "interrupted before any audio was saved"
            h.set_state(row["id"], FAILED, detail)
            out.append(Recovered(row["id"], "failed", detail))
            continue
        try:
            bank = h.bank_snapshot(row["bank_hash"])
            prompt = bank.prompt(row["prompt_id"])
            analysis = analyze_answer(bank, prompt, transcribe(audio), settings)
            h.finish_attempt(row["id"], analysis, {"recovered": True})
            out.append(Recovered(row["id"], "finished", f"recovered {analysis.delivery.duration_s:.0f} s of audio"))
        except Exception as exc:  # recovery must never stop the app from starting
            log.exception("recovering attempt %s", row["id"])
            detail = f"could not recover: {exc}"
            h.set_state(row["id"], FAILED, detail)
            out.append(Recovered(row["id"], "failed", detail))
    return out
