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
from bench.answers import answer_text, render  # noqa: E402
from voiceprep.core.analysis.text import wer  # noqa: E402
from voiceprep.speech.audio import TARGET_RATE, load_audio  # noqa: E402
from voiceprep.speech.live import LiveTranscriber  # noqa: E402
from voiceprep.speech.transcriber import Transcriber  # noqa: E402


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


def live_run(t: Transcriber, audio, trailing_silence_s: float):
    """Feed audio in real time like the recorder; stop at its end (plus silence, as auto-stop would)."""
    import numpy as np

    audio = np.concatenate([audio, np.zeros(int(trailing_silence_s * TARGET_RATE), dtype=np.float32)])
    live = LiveTranscriber(t)
    live.start()
    block = TARGET_RATE // 10
    start = time.perf_counter()
    for i in range(0, len(audio), block):
        delay = start + i / TARGET_RATE - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        live.feed(audio[i:i + block])
    stopped = time.perf_counter()
    final = live.finish()
    return final, time.perf_counter() - stopped, live


def run_one(t: Transcriber, seconds: int, out: Path, rss: PeakRSS, autostop: bool) -> dict:
    text = answer_text(seconds)
    wav = out / f"answer-{seconds}s.wav"
    if not wav.exists():
        render(text, wav)
    audio = load_audio(wav)
    duration = len(audio) / TARGET_RATE
    rss.phase()
    start = time.perf_counter()
    batch = t.transcribe(audio)
    batch_s = time.perf_counter() - start
    batch_rss = rss.phase()
    final, latency, live = live_run(t, audio, 0.0)
    live_rss = rss.phase()
    lags = sorted(c.lag_s for c in live.captions)
    row = {"target_s": seconds, "audio_s": round(duration, 1), "batch_s": round(batch_s, 2),
           "batch_rtf": round(batch_s / duration, 3), "final_after_stop_s": round(latency, 2),
           "final_after_autostop_s": None,
           "lag_mean_s": round(statistics.mean(lags), 2) if lags else None,
           "lag_p95_s": round(lags[int(0.95 * (len(lags) - 1))], 2) if lags else None,
           "lag_max_s": round(max(lags), 2) if lags else None, "passes": live.passes,
           "wer_batch": round(wer(text, batch.text), 3), "wer_live": round(wer(text, final.text), 3),
           "rss_batch_mb": round(batch_rss), "rss_live_mb": round(live_rss)}
    if autostop:
        _, latency_auto, live2 = live_run(t, audio, 3.0)
        row["final_after_autostop_s"] = round(latency_auto, 2)
    return row


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lengths", type=int, nargs="+", default=[30, 120, 300])
    ap.add_argument("--autostop", type=int, nargs="*", default=[30, 120],
                    help="lengths also measured with 3 s of trailing silence (the default auto-stop)")
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rss = PeakRSS()
    t = Transcriber()
    t.load()
    print(f"model {t.model_path} loaded in {t.load_seconds:.2f} s; cores {psutil.cpu_count()}; "
          f"RSS after load {psutil.Process().memory_info().rss / 1e6:.0f} MB")
    rows = [run_one(t, s, args.out, rss, s in args.autostop) for s in args.lengths]
    cols = list(rows[0])
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for r in rows:
        print("| " + " | ".join(str(r[c]) for c in cols) + " |")


if __name__ == "__main__":
    main()
