"""The suite's own guards: a GUI test that leaves a question unanswered fails with the question, it does not hang."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

PROBE = Path(__file__).with_name("unanswered_probe.py")


def test_an_unanswered_question_fails_its_test_and_names_it():
    env = dict(os.environ, VOICEPREP_TEST_MODAL_PATIENCE_S="2")
    started = time.monotonic()
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(PROBE)],
                         capture_output=True, text=True, timeout=300, cwd=PROBE.parents[2], env=env)
    out = run.stdout + run.stderr
    assert run.returncode == 1, out[-3000:]
    assert "1 error" in out or "1 failed" in out, out[-3000:]
    assert "left unanswered" in out and "Discard the pasted job description?" in out, out[-3000:]
    assert time.monotonic() - started < 120, "the question was answered by the run's timeout, not the guard"
