"""Several windows and commands saving at once: every write waits its turn (BEGIN IMMEDIATE), none is lost."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO
from voiceprep.core.history import History


@pytest.mark.slow
def test_four_processes_save_one_hundred_answers_each(tmp_path):
    db = tmp_path / "history.sqlite3"            # new: the four also race to create and migrate it
    procs = [subprocess.Popen([sys.executable, "-m", "tests.app.proc", "saves", str(db), "100"], cwd=REPO,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(4)]
    results = [p.communicate(timeout=600) for p in procs]
    for p, (out, err) in zip(procs, results):
        assert p.returncode == 0 and out.strip() == "saved 100", out + err[-2000:]
    with History.open(db) as h:
        states = h.read("SELECT state, COUNT(*) AS n FROM attempts GROUP BY state")
        assert states == [{"state": "done", "n": 400}]
        assert h.read("SELECT COUNT(*) AS n FROM feedback")[0]["n"] == 400
