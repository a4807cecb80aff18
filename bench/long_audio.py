"""A long recording through the CLI (`voiceprep transcribe`, the path `score --audio` uses): time, peak RSS, progress.

The file is real speech (../shared/speech and ../shared/speech-spontaneous, cycled) written as FLAC. The CLI runs
in a child process whose RSS is sampled every 50 ms.

With `--import` the child imports the file as Practice's Import audio does instead (`speech.importer`: the recorder
and the live path, fed as fast as it is transcribed, one malloc arena and a trim after each window as the app), in
windows of `--window` seconds (default: the import's setting); it also reports its CPU seconds and WER.

    .venv/bin/python bench/long_audio.py [--minutes 20] [--import [--window S]]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import psutil
import soundfile as sf

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench.live_latency import human_answer  # noqa: E402
from voiceprep.core.analysis.text import wer  # noqa: E402
from voiceprep.speech.scoring import normalise_verbatim  # noqa: E402

# the child of `--import`: argv = file, window (or ""); prints one JSON line
IMPORT_CHILD = """
import dataclasses, json, resource, sys, tempfile
from pathlib import Path
from voiceprep.app import memory
memory.limit_arenas()
from voiceprep.speech import importer, live
from voiceprep.speech.transcriber import Transcriber
path, window = sys.argv[1], sys.argv[2]
t = Transcriber()
t.load()
if window:
    t.settings = dataclasses.replace(t.settings, live_window_s=float(window))
made = []
init = live.LiveTranscriber.__init__
def traced(self, *a, **k):
    k.setdefault("after_pass", memory.release_if_grown)          # as the app's controller
    init(self, *a, **k)
    made.append(self)
live.LiveTranscriber.__init__ = traced
before = resource.getrusage(resource.RUSAGE_SELF)
with tempfile.TemporaryDirectory() as tmp:
    answer = importer.import_answer(path, Path(tmp) / "copy.wav", t)
after = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"text": answer.transcript.text, "window_s": made[0].s.live_window_s,
                  "cpu_s": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 1)}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=20)
    ap.add_argument("--import", dest="imported", action="store_true", help="import the file as Practice does")
    ap.add_argument("--window", type=float, default=None, help="with --import: its window, seconds")
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"long-{args.minutes:g}min.flac"
    audio, reference = human_answer(args.minutes * 60)
    if not path.exists():
        sf.write(path, audio, 16000)
    command = [sys.executable, "-m", "voiceprep", "transcribe", str(path)]
    if args.imported:
        window = "" if args.window is None else str(args.window)
        command = [sys.executable, "-c", IMPORT_CHILD, str(path), window]
    began = time.perf_counter()
    child = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
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
    report = {"audio_min": round(sf.info(str(path)).duration / 60, 1), "wall_s": round(took, 1),
              "rtf": round(took / sf.info(str(path)).duration, 3), "peak_rss_mb": round(peak / 1e6),
              "progress_lines": len(progress), "last_progress": progress[-1] if progress else None,
              "words": len(out.split()), "exit": child.returncode}
    if args.imported and child.returncode == 0:
        child_report = json.loads(out.strip().splitlines()[-1])
        text = child_report.pop("text")
        report |= child_report | {"words": len(text.split()), "wer": round(wer(reference, normalise_verbatim(text)), 3),
                                  "load1": round(os.getloadavg()[0], 1)}
    elif child.returncode:
        report["error"] = err[-500:]
    print(json.dumps(report))


if __name__ == "__main__":
    main()
