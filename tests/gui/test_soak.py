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


def _ends_with_the_run() -> None:
    """In the session's process, before it runs: Linux kills it when the run that started it dies. A run ended by
    pytest-timeout's os._exit (a hung test) or a kill skips pytest_sessionfinish, and the session, started at
    collection, ran on alone for up to half an hour, a Qt window and a model on the 2 cores (review37a)."""
    import ctypes
    import signal

    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)        # 1: PR_SET_PDEATHSIG


class Soak:
    """The session's process, its output files and when it began."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="voiceprep-soak-"))
        self.began = time.monotonic()
        # files, not pipes: nothing reads a pipe until the test's turn, and a full one would stop the session
        with open(self.dir / "out", "w") as out, open(self.dir / "err", "w") as err:
            self.proc = subprocess.Popen([sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider",
                                          str(SESSION)], stdout=out, stderr=err, text=True, cwd=SESSION.parents[2],
                                         preexec_fn=_ends_with_the_run if sys.platform.startswith("linux") else None)

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


ORPHAN = """
import os, sys
from pathlib import Path
from tests.gui import test_soak
test_soak.SESSION = Path(sys.argv[1])
soak = test_soak.Soak()
print(soak.proc.pid, soak.dir, flush=True)
os._exit(0)            # as pytest-timeout ends a hung run: no pytest_sessionfinish
"""


def test_the_early_session_dies_with_a_run_that_ends_without_finishing(tmp_path):
    """review37a: the session's process is started at collection; a run killed, or ended by pytest-timeout's
    os._exit, never reaches pytest_sessionfinish and left it running. A stand-in session that waits a minute:
    once the run that started it is gone, so is it."""
    import os

    session = tmp_path / "standin_session.py"
    session.write_text("import time\n\n\ndef test_waits():\n    time.sleep(60)\n")
    run = subprocess.run([sys.executable, "-c", ORPHAN, str(session)], capture_output=True, text=True, timeout=60,
                         cwd=SESSION.parents[2])
    pid, out_dir = run.stdout.split()
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.kill(int(pid), 0)
            except ProcessLookupError:
                break
            if Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z":
                break                   # ended, not yet reaped (its parent is gone: init reaps it)
            time.sleep(0.1)
        else:
            pytest.fail(f"the session's process {pid} still runs after the run that started it ended")
    finally:
        try:
            os.kill(int(pid), 9)
        except ProcessLookupError:
            pass
        shutil.rmtree(out_dir, ignore_errors=True)
