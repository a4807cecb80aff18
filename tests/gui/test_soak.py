"""The long session (`soak_session.py`: 40 spoken answers back to back through the real window) run in a process of
its own, so its memory samples are the app's and not those of the hundreds of tests run before it in the same
process. In one process with the whole suite, their leftovers made the samples step up by ~25 MB mid-session
(806 -> 874 MB) where the same session alone stays flat (537 -> 541 MB, 2026-12-01)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SESSION = Path(__file__).with_name("soak_session.py")
# the session's own test has 1700 s (SESSION_TIMEOUT_S there, which says why; not imported: importing it would set
# the allocator's arenas for this whole process); its process 100 s more, to start and to print every thread's stack
PROCESS_TIMEOUT_S = 1800


@pytest.mark.slow
@pytest.mark.timeout(PROCESS_TIMEOUT_S + 100)
def test_forty_answers_back_to_back_in_a_process_of_its_own():
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider", str(SESSION)],
                         capture_output=True, text=True, timeout=PROCESS_TIMEOUT_S, cwd=SESSION.parents[2])
    print(run.stdout[-4000:])
    assert run.returncode == 0, run.stdout[-8000:] + run.stderr[-2000:]
    assert "1 passed" in run.stdout, run.stdout[-2000:]
