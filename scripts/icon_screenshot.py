"""Screenshot of the app's window with its icon in the title bar, as a desktop shows it.

Xvfb has no window manager, so this starts openbox (apt install openbox) to draw the title bar, starts the
real app, and grabs the screen. Writes docs/screenshots/7-window-icon.png.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/icon_screenshot.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "screenshots" / "7-window-icon.png"


def main() -> int:
    if not os.environ.get("DISPLAY") or not shutil.which("openbox"):
        raise SystemExit("run under xvfb-run, with openbox installed (apt install openbox)")
    env = dict(os.environ, VOICEPREP_HOME=tempfile.mkdtemp(prefix="voiceprep-icon-"),
               PYTHONPATH=str(REPO), QT_QPA_PLATFORM="xcb")
    wm = subprocess.Popen(["openbox"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    app = subprocess.Popen([sys.executable, "-m", "voiceprep", "gui"], env=env, cwd=REPO)
    try:
        time.sleep(8)                     # the window maps and paints
        from PySide6.QtGui import QGuiApplication

        qt = QGuiApplication(sys.argv[:1])
        from PySide6.QtCore import Qt

        shot = qt.primaryScreen().grabWindow(0).toImage()
        # the title bar's top-left corner: the first non-black pixel on the diagonal scan
        x, y = next((i, j) for j in range(shot.height()) for i in range(0, shot.width(), 2)
                    if shot.pixelColor(i, j).value() > 40)
        corner = shot.copy(max(0, x - 8), max(0, y - 8), 520, 200)
        OUT.parent.mkdir(parents=True, exist_ok=True)
        corner.scaled(corner.width() * 2, corner.height() * 2, Qt.AspectRatioMode.KeepAspectRatio,
                      Qt.TransformationMode.SmoothTransformation).save(str(OUT))
        print(OUT.relative_to(REPO))
    finally:
        app.terminate()
        app.wait(timeout=10)
        wm.terminate()
        wm.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
