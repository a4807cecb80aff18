"""Peak RSS when the model is changed right after Cancel import (review36b 7): the given-up window still runs its
stage on the old model while the new one loads and decodes, so two models and two working sets are held at once.

    .venv/bin/python bench/model_switch_peak.py --mode overlap|wait [--new base] [--json]

One fresh process per mode, the app's memory settings (one malloc arena, memory.release after a load): tiny.en
loads and decodes a 20 s window (the app warm, as after an import's first windows), then a 30 s window is decoded
with a cancel, cancelled `--cancel-after` s in (inside the encoder or the generation); then the new model
(`--new`, a known id or a directory) loads and decodes a 20 s window. `overlap` loads it at once (main before
fixBJ); `wait` waits for the given-up window first (`Transcriber.load` waiting for the one it replaces, fixBJ).
Prints RSS before the cancel, the peak from the cancel to the new model's first window (sampled every 10 ms, and
VmHWM reset at the cancel through /proc/self/clear_refs), and the wait. The audio is bench/out/long-4min.flac
(bench/long_audio.py) or jfk.wav repeated. Give `uptime`'s load with the numbers.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("overlap", "wait"), required=True)
    parser.add_argument("--new", default="base", help="the model chosen after the cancel (a known id or a folder)")
    parser.add_argument("--cancel-after", type=float, default=1.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    from voiceprep.app import memory

    memory.limit_arenas()
    import numpy as np

    from voiceprep.settings import TranscriptionSettings
    from voiceprep.speech.audio import TARGET_RATE, load_audio
    from voiceprep.speech.decoder import Cancel
    from voiceprep.speech.transcriber import Transcriber

    source = ROOT / "bench" / "out" / "long-4min.flac"
    if source.exists():
        audio = load_audio(source)
    else:
        audio = np.tile(load_audio(ROOT.parent / "shared" / "speech" / "jfk.wav"), 4)
    old = Transcriber(TranscriptionSettings())
    old.load()
    memory.release()
    old.decoder().decode(audio[:20 * TARGET_RATE])
    memory.release()
    before_kb = status_kb("VmRSS")
    peak = [before_kb]
    sampling = threading.Event()

    def sample() -> None:
        while not sampling.is_set():
            peak[0] = max(peak[0], status_kb("VmRSS"))
            time.sleep(0.01)
    cancel = Cancel()
    given_up = threading.Thread(target=lambda: old.decoder().decode(audio[20 * TARGET_RATE:50 * TARGET_RATE],
                                                                    cancelled=cancel))
    given_up.start()
    time.sleep(args.cancel_after)
    Path("/proc/self/clear_refs").write_text("5")          # VmHWM from here
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    cancel.set()
    given_up.join()
    t0 = time.perf_counter()
    new = Transcriber(TranscriptionSettings(model_path=args.new))
    if args.mode == "wait":
        new.replaces(old)
    old = None
    new.load()
    waited = new.waited_s if args.mode == "wait" else 0.0
    memory.release()
    new.decoder().decode(audio[50 * TARGET_RATE:70 * TARGET_RATE])
    took = time.perf_counter() - t0
    sampling.set()
    sampler.join()
    row = {"mode": args.mode, "new": args.new, "rss_before_mb": round(before_kb / 1024),
           "peak_mb": round(max(peak[0], status_kb("VmHWM")) / 1024), "sampled_peak_mb": round(peak[0] / 1024),
           "waited_s": round(waited, 2), "load_and_window_s": round(took, 1)}
    print(json.dumps(row) if args.json else "  ".join(f"{k}={v}" for k, v in row.items()))


if __name__ == "__main__":
    main()
