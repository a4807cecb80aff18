"""A real second process for the crash and concurrency tests: `python -m tests.app.proc MODE DB ...`.

- saves DB N: save N typed answers through the session; print "saved N".
- answer DB AUDIO: record AUDIO as the microphone would (real time x4), then finish the answer like the GUI.
- typed DB: save one typed answer.
- cli DB AUDIO: `voiceprep score --save` path (PracticeSession.save_file) with the real model.
- continue DB AUDIO: answer with AUDIO (stopped by the silence stop), print "ANSWERED"; then continue that answer (C)
  with AUDIO again as the microphone would (real time x4) and finish it like the GUI.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.conftest import BANKS
from voiceprep.app import HistoryAccess, PracticeSession
from voiceprep.core.banks import load_bank
from voiceprep.settings import AudioSettings, Settings

ANSWER = ("At my previous company our order matching engine had lock contention. I proposed the LMAX Disruptor, "
          "a ring buffer with a single writer. Latency fell forty percent.")


def main(argv: list[str]) -> int:
    mode, db = argv[0], Path(argv[1])
    settings = Settings()
    settings.practice.retention_per_prompt = int(dict(a.split("=") for a in argv[2:] if "=" in a).get("keep", 0))
    session = PracticeSession(HistoryAccess(db, settings.history), settings)
    bank = load_bank(BANKS / "airwallex.toml")
    prompt = bank.prompt("hardest-problem")
    if mode == "saves":
        n = int(argv[2])
        for i in range(n):
            saved = session.save_typed(bank, prompt, f"{ANSWER} Attempt {i}.")
            if saved.problem:
                print(f"FAILED {saved.problem}", flush=True)
                return 1
        print(f"saved {n}", flush=True)
        return 0
    if mode == "typed":
        session.save_typed(bank, prompt, ANSWER)
        return 0
    from voiceprep.speech.recorder import FileStream, Recorder
    from voiceprep.speech.transcriber import Transcriber

    transcriber = Transcriber(settings.transcription)
    audio = Path(argv[2])
    if mode == "cli":
        session.save_file(bank, prompt, transcriber.transcribe(audio), audio=audio)
        return 0
    if mode == "continue":
        first = session.begin(bank, prompt)
        rec = Recorder(first.audio_path, AudioSettings(silence_stop_s=0), 120,
                       stream_factory=FileStream(audio, realtime=False))
        rec.start()
        rec.wait(60)
        saved = session.finish(first, lambda: transcriber.transcribe(first.audio_path), {"reason": "silence"})
        print("ANSWERED", flush=True)
        pending = session.begin_more(saved.attempt_id)
    else:
        pending = session.begin(bank, prompt)
    rec = Recorder(pending.audio_path, AudioSettings(silence_stop_s=0, flush_every_s=0.25), 120,
                   stream_factory=FileStream(audio, realtime=True, speed=4.0))
    rec.start()
    print("RECORDING", flush=True)
    rec.wait(60)
    session.finish(pending, lambda: transcriber.transcribe(pending.audio_path), {"reason": "end_of_file"})
    print("DONE", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
