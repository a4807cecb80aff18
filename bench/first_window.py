"""Time to the first window, as a user starts the app (walk62 4: at load 17-21 nothing showed for about a minute):
from the process's start to the first top-level window's show() and to the main window's, each run in a fresh
process with a fresh data folder (a first start), and the longest the GUI thread did not come back to its event loop
from the first window to the main window's show (`stall_s`: the worst gap of a 50 ms heartbeat timer; the starting
window is not repainted in it). `model_at_main`: whether faster_whisper was imported by then (the model's load
begun beside the window's construction).

    .venv/bin/python bench/first_window.py [--runs 3] [--tree PATH]

--tree runs another checkout's voiceprep (a base to compare with, back to back). Qt runs offscreen unless a display
is set. Times are CLOCK_MONOTONIC, shared by the processes; the load average is printed with them.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, os, sys, time
from PySide6.QtWidgets import QWidget
HEAVY = ("numpy", "sqlite_utils", "faster_whisper", "voiceprep.core.history", "voiceprep.gui.main_window")
real_show = QWidget.show
beats = []
def beat():
    beats.append(time.monotonic())
def show(self):
    now = time.monotonic()
    if not beats:                  # from the first window on: a 50 ms heartbeat on the GUI thread
        from PySide6.QtCore import QTimer
        global heart
        heart = QTimer()
        heart.timeout.connect(beat)
        heart.start(50)
        beats.append(now)
    ticks = beats + [now]
    print(json.dumps({"t": now, "window": type(self).__name__, "heavy": [m for m in HEAVY if m in sys.modules],
                      "stall": max((b - a for a, b in zip(ticks, ticks[1:])), default=0.0), "beats": len(beats),
                      "model": "faster_whisper" in sys.modules}), flush=True)
    if type(self).__name__ == "MainWindow":
        os._exit(0)
    real_show(self)
QWidget.show = show
from voiceprep.gui.app import run
run(["voiceprep"])
"""


def one(tree: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(tree), "VOICEPREP_HOME": tempfile.mkdtemp(prefix="voiceprep-first-")}
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    start = time.monotonic()
    out = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=600, cwd=tree)
    shows = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    if not shows:
        raise SystemExit(f"no window shown:\n{out.stderr[-2000:]}")
    main = next((s for s in shows if s["window"] == "MainWindow"), None)
    return {"first_s": round(shows[0]["t"] - start, 2), "first": shows[0]["window"], "heavy_at_first": shows[0]["heavy"],
            "main_s": round(main["t"] - start, 2) if main else None,
            "stall_s": round(main["stall"], 2) if main else None,
            "model_at_main": main["model"] if main else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tree", type=Path, default=REPO)
    args = parser.parse_args()
    runs = []
    for _ in range(args.runs):
        load = os.getloadavg()[0]
        result = one(args.tree.resolve()) | {"load": round(load, 1)}
        runs.append(result)
        print(json.dumps(result), flush=True)
    print(json.dumps({"tree": str(args.tree), "first_s_median": statistics.median(r["first_s"] for r in runs),
                      "main_s_median": statistics.median(r["main_s"] for r in runs if r["main_s"] is not None),
                      "stall_s_median": statistics.median(r["stall_s"] for r in runs if r["stall_s"] is not None)}))


if __name__ == "__main__":
    main()
