"""The long session (`soak_session.py`: 40 spoken answers back to back through the real window) run in a process of
its own, so its memory samples are the app's and not those of the hundreds of tests run before it in the same
process. In one process with the whole suite, their leftovers made the samples step up by ~25 MB mid-session
(806 -> 874 MB) where the same session alone stays flat (537 -> 541 MB, 2026-12-01).

The process is started as soon as the run's tests are collected (`start_early`, called by tests/conftest.py), not when
this test's turn comes: its ~6 minutes, mostly audio paced at 6x, then overlap the tests before it instead of adding
to the suite's time (trim47); the test waits for it and asserts on its output as before."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

SESSION = Path(__file__).with_name("soak_session.py")
# the session's own test has 1700 s (SESSION_TIMEOUT_S there, which says why; not imported: importing it would set
# the allocator's arenas for this whole process); its process 100 s more, to start and to print every thread's stack
PROCESS_TIMEOUT_S = 1800


class Soak:
    """The session's process, its output files and when it began."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="voiceprep-soak-"))
        self.began = time.monotonic()
        # files, not pipes: nothing reads a pipe until the test's turn, and a full one would stop the session
        with open(self.dir / "out", "w") as out, open(self.dir / "err", "w") as err:
            self.proc = subprocess.Popen([sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider",
                                          str(SESSION)], stdout=out, stderr=err, text=True, cwd=SESSION.parents[2])

    def result(self) -> tuple[int, str, str]:
        """Wait for the process (its PROCESS_TIMEOUT_S counted from its start) and give its exit code and output."""
        try:
            code = self.proc.wait(timeout=max(1.0, PROCESS_TIMEOUT_S - (time.monotonic() - self.began)))
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            code = None
        out, err = (self.dir / "out").read_text(), (self.dir / "err").read_text()
        shutil.rmtree(self.dir, ignore_errors=True)
        if code is None:
            pytest.fail(f"the session's process did not end within {PROCESS_TIMEOUT_S} s:\n{out[-8000:]}{err[-2000:]}")
        return code, out, err

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


_early: list[Soak] = []


def start_early(items: list[pytest.Item]) -> None:
    """Start the session's process if this run will run its test (after -k/-m selection) and it is not started yet."""
    if not _early and any(item.nodeid.endswith(f"test_soak.py::{NAME}") for item in items):
        _early.append(Soak())


def stop_early() -> None:
    """At the run's end: a process whose test never ran (stopped run, -x) is not left behind."""
    while _early:
        _early.pop().stop()


@pytest.mark.slow
@pytest.mark.timeout(PROCESS_TIMEOUT_S + 100)
def test_forty_answers_back_to_back_in_a_process_of_its_own():
    soak = _early[0] if _early else Soak()          # started at collection unless run some other way
    code, out, err = soak.result()
    print(f"(started {time.monotonic() - soak.began:.0f} s before its result was read)\n" + out[-4000:])
    assert code == 0, out[-8000:] + err[-2000:]
    assert "1 passed" in out, out[-2000:]


NAME = test_forty_answers_back_to_back_in_a_process_of_its_own.__name__
