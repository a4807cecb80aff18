"""How long Cancel import waits: from `LiveTranscriber.cancel()` to `finish()` giving up, on an import's windows.

    python bench/import_cancel.py [--file bench/out/long-4min.flac] [--cancels 6] [--whole-window] [--json]

An imported file is read in at once and decoded in `live_window_s` windows (the app's settings, one arena as the
app); Cancel is pressed at a random moment of the decoding (after the first window). `--whole-window` gives the
decoder no cancel event, as before fixAZ: the window being decoded finishes first. It also times each stage of a
window (features + encoder, decoder, alignment) on the file's first windows, since a cancel now waits for at most
the stage it comes in. glibc's default arenas (the app's one arena changes memory, not these times much). The file
is bench/out/long-4min.flac (bench/long_audio.py writes it) or any audio file.
Give `uptime`'s load with the numbers: wall times under load are the load's as much as the code's.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def stage_times(transcriber, audio, window_s: float, windows: int) -> list[dict]:
    """Seconds of each stage of the decoder's first `windows` windows of `audio` (16 kHz mono)."""
    import ctranslate2

    from voiceprep.speech.audio import TARGET_RATE

    d = transcriber.decoder()
    rows = []
    n = int(window_s * TARGET_RATE)
    for i in range(windows):
        chunk = audio[i * n:(i + 1) * n]
        t0 = time.perf_counter()
        mel, frames = d._features(chunk)
        encoded = d.model.model.encode(ctranslate2.StorageView.from_array(mel[None]), to_cpu=False)
        t1 = time.perf_counter()
        result = d._generate(encoded, d._prompt(None, None), len(chunk) / TARGET_RATE, d.beam_size)
        tokens = [t for t in result.sequences_ids[0] if t < d.tokenizer.eot]
        t2 = time.perf_counter()
        d._align(encoded, tokens, frames, 0.0)
        t3 = time.perf_counter()
        rows.append({"encode_s": round(t1 - t0, 3), "generate_s": round(t2 - t1, 3), "align_s": round(t3 - t2, 3)})
    return rows


def one_cancel(transcriber, settings, path: Path, whole_window: bool, rng: random.Random) -> dict:
    from voiceprep.speech.live import LiveTranscriber
    from voiceprep.speech.recorder import FileStream, Recorder
    from voiceprep.speech.stream import TranscriptionCancelled

    live = LiveTranscriber(transcriber, settings.transcription, silence_rms=settings.audio.silence_rms)
    if whole_window:                         # the decoder never sees the cancel: as before fixAZ
        decoder = live.stream.decoder
        plain = decoder.decode
        live.stream.decoder = type("WholeWindow", (), {"decode": staticmethod(
            lambda *a, cancelled=None, **k: plain(*a, **k)), "__getattr__": lambda self, name: getattr(decoder, name)})()
    out = Path(os.environ.get("TMPDIR", "/tmp")) / f"import-cancel-{os.getpid()}.wav"
    recorder = Recorder(out, settings.audio, 0, stream_factory=FileStream.for_import(path), on_audio=live.feed)
    recorder.start()
    live.start()
    recorder.wait()
    windows: list[float] = []
    result: dict = {}

    def finish() -> None:
        try:
            live.finish(progress=lambda f: windows.append(time.perf_counter()))
            result["finished"] = True
        except TranscriptionCancelled:
            result["cancelled_at"] = time.perf_counter()
    thread = threading.Thread(target=finish)
    thread.start()
    while not windows and thread.is_alive():        # the first window decoded: the decoding is under way
        time.sleep(0.01)
    time.sleep(rng.uniform(0.0, 3.0))               # somewhere in a later window
    pressed = time.perf_counter()
    live.cancel()
    thread.join()
    out.unlink(missing_ok=True)
    if "cancelled_at" not in result:
        return {"finished_before_cancel": True}
    return {"wait_s": round(result["cancelled_at"] - pressed, 3), "windows_before": len(windows)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--file", type=Path, default=ROOT / "bench" / "out" / "long-4min.flac")
    ap.add_argument("--cancels", type=int, default=6)
    ap.add_argument("--whole-window", action="store_true", help="the decoder gets no cancel (before fixAZ)")
    ap.add_argument("--stages", type=int, default=3, help="time the stages of this many windows (0: none)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    import numpy as np

    from voiceprep.settings import Settings
    from voiceprep.speech.audio import iter_audio
    from voiceprep.speech.transcriber import Transcriber

    settings = Settings()
    transcriber = Transcriber(settings.transcription)
    transcriber.load()
    rng = random.Random(args.seed)
    load = [os.getloadavg()[0]]
    window_s = settings.transcription.live_window_s
    stages = stage_times(transcriber, np.concatenate(list(iter_audio(args.file))), window_s, args.stages) \
        if args.stages else []
    runs = [one_cancel(transcriber, settings, args.file, args.whole_window, rng) for _ in range(args.cancels)]
    load.append(os.getloadavg()[0])
    waits = [r["wait_s"] for r in runs if "wait_s" in r]
    summary = {"whole_window": args.whole_window, "window_s": settings.transcription.live_window_s,
               "waits_s": waits, "median_s": round(statistics.median(waits), 3) if waits else None,
               "max_s": max(waits, default=None), "stages": stages, "load": [round(x, 1) for x in load]}
    print(json.dumps(summary) if args.json else "\n".join(f"{k}: {v}" for k, v in summary.items()))


if __name__ == "__main__":
    main()
