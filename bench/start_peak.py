"""Peak memory and time to ready of the desktop app's start-up (issue 11: the whole app <= 600 MB), each run in a
fresh process, as a user starts it: the real window (offscreen unless a display is set) loads the speech model and
the judge's model in the background.

    .venv/bin/python bench/start_peak.py [--runs 2] [--recover 120] [--seconds 4] [--json]

`--recover S` first leaves what a crash mid-answer leaves (in another process, which then exits): an unfinished
attempt with S seconds of real speech on disk (../shared/speech clips, as bench/voice_peak.py), so the start also
transcribes and judges it, as the app does after a crash. Prints per run the process's peak RSS (`ru_maxrss`),
the top RSS while loading and after, when each model was ready (seconds after the window was shown), when the
recovered answer was stored, and RSS once settled. "Ready" is when both models are loaded (and the recovered answer
is stored): the first answer is then transcribed and judged without waiting.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024    # Linux: kilobytes


def seed(home: Path, seconds: float) -> None:
    """What a crash while recording leaves: an attempt begun and its WAV on disk (this process then exits)."""
    import soundfile as sf

    from bench.live_latency import human_answer
    from voiceprep import paths
    from voiceprep.app import HistoryAccess, PracticeSession
    from voiceprep.core.banks import BankRegistry
    from voiceprep.settings import Settings
    from voiceprep.speech.audio import TARGET_RATE

    settings = Settings()
    bank = BankRegistry.discover().get("airwallex")
    session = PracticeSession(HistoryAccess(paths.database_path(), settings.history), settings)
    pending = session.begin(bank, bank.prompt("hardest-problem"))
    audio, _ = human_answer(seconds)
    sf.write(pending.audio_path, audio, TARGET_RATE, subtype="PCM_16")


def child(seconds: float, recovering: bool) -> None:
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from voiceprep.app import memory
    from voiceprep.gui import collector
    from voiceprep.gui.main_window import MainWindow
    from voiceprep.gui.services import Services

    memory.limit_arenas()                      # as gui/app.py does
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    collector.pin_to_gui_thread(app)
    recovered: list[float] = []
    QMessageBox.information = lambda *a, **k: recovered.append(time.perf_counter())      # the "Recovered" box
    top = {"start": 0.0, "loading": 0.0, "ready": 0.0}
    phase = ["start"]
    stop = threading.Event()

    def sample() -> None:
        size = os.sysconf("SC_PAGE_SIZE") / 2**20
        while not stop.is_set():
            with open("/proc/self/statm", "rb") as f:
                mb = int(f.read().split()[1]) * size
            top[phase[0]] = max(top[phase[0]], mb)
            time.sleep(0.005)
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    before_window = peak_mb()
    phase[0] = "loading"
    window = MainWindow(Services(), recover=recovering)
    window.resize(1366, 768)
    window.show()
    shown = time.perf_counter()
    ready: dict[str, float] = {}

    def tick() -> None:
        now = time.perf_counter()
        if "model" not in ready and window.model_status.text().startswith("Transcription:"):
            ready["model"] = now - shown
        if "judge" not in ready and window.judge_status.text():
            ready["judge"] = now - shown
        if recovered and "recovered" not in ready:
            ready["recovered"] = recovered[0] - shown
        if phase[0] == "loading" and len(ready) == (3 if recovering else 2):
            ready["all"] = now - shown
            phase[0] = "ready"

    timer = QTimer(interval=5, timerType=Qt.TimerType.PreciseTimer, timeout=tick)
    timer.start()
    loop = QEventLoop()
    deadline = time.perf_counter() + 120

    def check() -> None:
        if time.perf_counter() > deadline or ("all" in ready and time.perf_counter() - shown > ready["all"] + seconds):
            loop.quit()
    QTimer(interval=50, timeout=check, parent=window).start()
    loop.exec()
    stop.set()
    sampler.join()
    with open("/proc/self/statm", "rb") as f:
        settled = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    print(json.dumps({"before_window_mb": round(before_window), "peak_rss_mb": round(peak_mb()),
                      "top_loading_mb": round(top["loading"]), "top_after_ready_mb": round(top["ready"]),
                      "settled_mb": round(settled), "ready_s": {k: round(v, 2) for k, v in ready.items()},
                      "load": os.getloadavg()[0]}))
    sys.stdout.flush()
    os._exit(0)                                 # the run is over; no teardown in the numbers


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--recover", type=float, default=0.0, metavar="S",
                    help="leave an interrupted answer of S seconds of speech for the start to recover")
    ap.add_argument("--seconds", type=float, default=4.0, help="how long to watch after everything is ready")
    ap.add_argument("--json", action="store_true", help="one JSON line per run only")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--seed", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    sys.path.insert(0, str(REPO))
    if args.seed:
        seed(Path(os.environ["VOICEPREP_HOME"]), args.recover)
        return
    if args.child:
        child(args.seconds, args.recover > 0)
        return
    rows = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="voiceprep-start-") as home:
            env = dict(os.environ, VOICEPREP_HOME=home)
            if args.recover:
                subprocess.run([sys.executable, __file__, "--seed", "--recover", str(args.recover)], env=env,
                               check=True, cwd=REPO)
            out = subprocess.run([sys.executable, __file__, "--child", "--seconds", str(args.seconds),
                                  "--recover", str(args.recover)], env=env, capture_output=True, text=True,
                                 check=True, cwd=REPO).stdout
        row = json.loads(out.strip().splitlines()[-1])
        rows.append(row)
        print(json.dumps(row) if args.json else
              f"peak {row['peak_rss_mb']} MB (loading top {row['top_loading_mb']}, after ready "
              f"{row['top_after_ready_mb']}, settled {row['settled_mb']}; before the window {row['before_window_mb']})"
              f"; ready after the window showed (s): {row['ready_s']}; load {row['load']:.1f}")
    if not args.json and len(rows) > 1:
        print(f"median peak {statistics.median(r['peak_rss_mb'] for r in rows):.0f} MB (goal <= 600 MB), median "
              f"ready {statistics.median(r['ready_s'].get('all', float('nan')) for r in rows):.2f} s")


if __name__ == "__main__":
    main()
