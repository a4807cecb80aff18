"""A window at once on launch (walk62 4: at load 17-21 the launcher showed nothing for about a minute while numpy,
the history database, the banks and the whole GUI were imported before the first window): the first window is
shown before any heavy module is imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# at the first window's show(): which of these are already imported (the probe exits there: nothing else runs)
PROBE = r"""
import json, os, sys
from PySide6.QtWidgets import QWidget
HEAVY = ("numpy", "sqlite_utils", "sounddevice", "faster_whisper", "ctranslate2", "onnxruntime",
         "voiceprep.core.history", "voiceprep.core.banks", "voiceprep.core.analysis", "voiceprep.gui.main_window")
def show(self):
    print(json.dumps({"window": type(self).__name__, "title": self.windowTitle(),
                      "heavy": [m for m in HEAVY if m in sys.modules]}), flush=True)
    os._exit(0)
QWidget.show = show
if sys.argv[1] == "cli":
    from voiceprep.cli.main import main      # how the launcher, `voiceprep` and `python -m voiceprep` start it
    main(sys.argv[2:])
else:
    from voiceprep.gui.app import run
    run(["voiceprep"])
"""


@pytest.mark.parametrize("how", [["gui"], ["cli"], ["cli", "gui"]])
def test_the_first_window_is_shown_before_the_heavy_modules_are_imported(tmp_path, how):
    """Through `gui.app.run` and through the command line the launcher runs (`voiceprep`, `voiceprep gui`): read46c 1
    found `cli.main` imported the history command (the judge, numpy, the database) before the starting window."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "VOICEPREP_HOME": str(tmp_path),
           "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", PROBE, *how], env=env, capture_output=True, text=True, timeout=300,
                         cwd=ROOT)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    assert lines, (out.stdout, out.stderr)
    first = json.loads(lines[0])
    assert first["heavy"] == [], first
    assert "voiceprep" in first["title"], first
