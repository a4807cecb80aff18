"""Speech benchmark: batch vs live transcription of 30 s, 120 s and 300 s answers on this machine.

Each answer is espeak-ng speech (bench/answers.py) fed to LiveTranscriber in real time, exactly as the
recorder would, then transcribed in one batch for comparison. Reports batch time, the final-transcript
latency after the answer stops, caption lag, real-time factor, peak RSS and WER.

    .venv/bin/python bench/speech_bench.py [--lengths 30 120 300] [--out bench/out]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.answers import answer_text, render
from voiceprep.core.analysis.text import wer
from voiceprep.speech.audio import TARGET_RATE, load_audio
from voiceprep.speech.live import LiveTranscriber
from voiceprep.speech.transcriber import Transcriber


class PeakRSS:
    """Samples this process's RSS every 50 ms; `phase()` restarts the maximum for one phase."""

    def __init__(self):
        self.proc, self.peak, self._stop = psutil.Process(), 0, threading.Event()
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, self.proc.memory_info().rss)
            time.sleep(0.05)

    def phase(self) -> float:
        peak, self.peak = self.peak / 1e6, self.proc.memory_info().rss
        return peak


BLOCK = TARGET_RATE // 10      # the recorder delivers 100 ms blocks


def feed_realtime(live: LiveTranscriber, audio) -> None:
    """Feed `audio` to the live transcriber in 100 ms blocks at the pace a microphone would."""
    start = time.perf_counter()
    for i in range(0, len(audio), BLOCK):
        delay = start + i / TARGET_RATE - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        live.feed(audio[i:i + BLOCK])


def live_run(t: Transcriber, audio, trailing_silence_s: float):
    """Feed audio in real time like the recorder; stop at its end (plus silence, as auto-stop would)."""
    import numpy as np

    audio = np.concatenate([audio, np.zeros(int(trailing_silence_s * TARGET_RATE), dtype=np.float32)])
    live = LiveTranscriber(t)
    live.start()
    feed_realtime(live, audio)
    stopped = time.perf_counter()
    final = live.finish()
    return final, time.perf_counter() - stopped, live


def run_phase(seconds: int, phase: str, out: Path) -> dict:
    """One measurement in this (fresh) process: "batch", "live" (stop at the last word) or "autostop"."""
    text = answer_text(seconds)
    wav = out / f"answer-{seconds}s.wav"
    audio = load_audio(wav)
    t = Transcriber()
    t.load()
    rss = PeakRSS()
    rss.phase()
    if phase == "batch":
        start = time.perf_counter()
        batch = t.transcribe(audio)
        took = time.perf_counter() - start
        return {"audio_s": round(len(audio) / TARGET_RATE, 1), "batch_s": round(took, 2),
                "batch_rtf": round(took / (len(audio) / TARGET_RATE), 3), "wer_batch": round(wer(text, batch.text), 3),
                "rss_batch_mb": round(rss.phase())}
    final, latency, live = live_run(t, audio, 3.0 if phase == "autostop" else 0.0)
    lags = sorted(c.lag_s for c in live.captions)
    key = "final_after_autostop_s" if phase == "autostop" else "final_after_stop_s"
    row = {key: round(latency, 2)}
    if phase == "live":
        row.update({"lag_mean_s": round(statistics.mean(lags), 2), "lag_p95_s": round(lags[int(0.95 * (len(lags) - 1))], 2),
                    "lag_max_s": round(max(lags), 2), "passes": live.passes, "wer_live": round(wer(text, final.text), 3),
                    "rss_live_mb": round(rss.phase())})
    return row


def main() -> None:
    import json
    import subprocess

    ap = argparse.ArgumentParser()
    ap.add_argument("--lengths", type=int, nargs="+", default=[30, 120, 300])
    ap.add_argument("--autostop", type=int, nargs="*", default=[30, 120],
                    help="lengths also measured with 3 s of trailing silence (the default auto-stop)")
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.phase:
        print(json.dumps(run_phase(args.lengths[0], args.phase, args.out)))
        return
    for seconds in args.lengths:                  # render once (setup, not measured)
        wav = args.out / f"answer-{seconds}s.wav"
        if not wav.exists():
            render(answer_text(seconds), wav)
    print(f"{psutil.cpu_count()} cores; each phase runs in a fresh process (peak RSS is that phase's alone)")
    rows = []
    for seconds in args.lengths:
        row = {"target_s": seconds}
        phases = ["batch", "live"] + (["autostop"] if seconds in args.autostop else [])
        for phase in phases:
            done = subprocess.run([sys.executable, __file__, "--lengths", str(seconds), "--phase", phase,
                                   "--out", str(args.out)], capture_output=True, text=True, check=True)
            row.update(json.loads(done.stdout.strip().splitlines()[-1]))
        rows.append(row)
    cols = ["target_s", "audio_s", "batch_s", "batch_rtf", "final_after_stop_s", "final_after_autostop_s",
            "lag_mean_s", "lag_p95_s", "lag_max_s", "passes", "wer_batch", "wer_live", "rss_batch_mb", "rss_live_mb"]
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for r in rows:
        print("| " + " | ".join(str(r.get(c, "–")) for c in cols) + " |")


if __name__ == "__main__":
    main()
