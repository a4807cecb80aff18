"""A long recording through the CLI (`voiceprep transcribe`, the path `score --audio` uses): time, peak RSS, progress.

The file is real speech (../shared/speech and ../shared/speech-spontaneous, cycled) written as FLAC. The CLI runs
in a child process whose RSS is sampled every 50 ms.

    .venv/bin/python bench/long_audio.py [--minutes 20]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import psutil
import soundfile as sf

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench.live_latency import human_answer  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=20)
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"long-{args.minutes:g}min.flac"
    if not path.exists():
        audio, _ = human_answer(args.minutes * 60)
        sf.write(path, audio, 16000)
    began = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "voiceprep", "transcribe", str(path)], cwd=REPO,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc, peak = psutil.Process(child.pid), 0
    while child.poll() is None:
        try:
            peak = max(peak, proc.memory_info().rss)
        except psutil.NoSuchProcess:
            break
        time.sleep(0.05)
    out, err = child.communicate()
    took = time.perf_counter() - began
    progress = [line for line in err.splitlines() if line.startswith("Transcribing")]
    print(json.dumps({"audio_min": round(sf.info(str(path)).duration / 60, 1), "wall_s": round(took, 1),
                      "rtf": round(took / sf.info(str(path)).duration, 3), "peak_rss_mb": round(peak / 1e6),
                      "progress_lines": len(progress), "last_progress": progress[-1] if progress else None,
                      "words": len(out.split()), "exit": child.returncode}))


if __name__ == "__main__":
    main()
