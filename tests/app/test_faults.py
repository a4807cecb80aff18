"""A full disk and a read-only data folder, for real (a 2 MB tmpfs in a private mount namespace): the problem is
named as what it is, nothing is marked damaged or backed up, no half-written or world-readable file is left, and
once space is back the next start finishes what was kept."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO


def run_in_namespace(mode: str, jfk: str) -> dict:
    if not shutil.which("unshare"):
        pytest.fail("`unshare` (util-linux) is needed to mount a small tmpfs for this test: apt-get install util-linux")
    for prefix in (["unshare", "-m"], ["unshare", "-rm"]):
        result = subprocess.run([*prefix, sys.executable, "-m", "tests.app.fault_proc", mode, jfk], cwd=REPO,
                                capture_output=True, text=True, timeout=300)
        if result.returncode == 0:
            return json.loads(result.stdout.strip().splitlines()[-1])
        if "Operation not permitted" not in result.stderr and "mount" not in result.stderr:
            break
    pytest.fail(f"could not run in a private mount namespace (needs root or user namespaces):\n{result.stderr[-3000:]}")


def assert_no_debris(files: list[dict]) -> None:
    for f in files:
        assert not f["path"].endswith(".tmp") and ".damaged" not in f["path"], f
        assert f["mode"] == ("0o700" if f["dir"] else "0o600"), f


@pytest.mark.slow
def test_a_full_disk_is_named_and_leaves_nothing_behind(speech_dir):
    r = run_in_namespace("full", str(speech_dir / "jfk.wav"))
    assert r["first"][0] == 0
    for key in ("typed", "audio"):
        rc, err = r[key]
        assert rc == 1 and "is full. Free some space, then try again." in err, (key, err)
        assert "Traceback" not in err and "damaged" not in err and err.count("\n") == 1
    assert_no_debris(r["files_when_full"])
    assert all(row["state"] != "recording" for row in r["rows_when_full"])
    assert_no_debris(r["files_after"])
    assert all(row["state"] == "done" for row in r["rows_after"]), r["rows_after"]


@pytest.mark.slow
def test_a_read_only_data_folder_is_named_not_called_damaged(speech_dir):
    r = run_in_namespace("readonly", str(speech_dir / "jfk.wav"))
    assert r["first"][0] == 0
    for key in ("list", "save"):
        rc, err = r[key]
        assert rc == 1 and "cannot write here" in err and "VOICEPREP_HOME" in err, (key, err)
        assert "Traceback" not in err and "damaged" not in err
    assert not [f for f in r["doctor_files"] if ".damaged" in f["path"]]
