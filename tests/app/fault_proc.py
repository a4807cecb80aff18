"""Run inside a private mount namespace (`unshare -m`) by test_faults.py: a 2 MB tmpfs as the data folder, then a
full disk or a read-only remount. Prints one JSON report on stdout."""

from __future__ import annotations

import contextlib
import io
import json
import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path


def cli(*argv: str) -> tuple[int, str]:
    from voiceprep.cli.main import main

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        rc = main(list(argv))
    return rc, err.getvalue()


def files(root: Path) -> list[dict]:
    return [{"path": str(p.relative_to(root)), "mode": oct(stat.S_IMODE(p.stat().st_mode)), "dir": p.is_dir()}
            for p in sorted(root.rglob("*"))]


def rows(db: Path) -> list[dict]:
    import sqlite3

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [{"state": s, "input": i} for s, i in con.execute("SELECT state, input FROM attempts ORDER BY id")]
    finally:
        con.close()


def main(mode: str, jfk: str) -> None:
    mnt = Path(tempfile.mkdtemp(prefix="voiceprep-fault-"))
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m,mode=0755", "tmpfs", str(mnt)], check=True)
    home = mnt / "home"
    home.mkdir()
    os.environ["VOICEPREP_HOME"] = str(home)
    answer = mnt / "answer.txt"
    answer.write_text("I proposed the LMAX Disruptor, a ring buffer with a single writer. Latency fell forty percent.")
    score = ["score", "--bank", "airwallex", "--prompt", "hardest-problem"]
    report: dict = {"first": cli(*score, "--text-file", str(answer), "--save")}
    if mode == "full":
        with contextlib.suppress(OSError), open(mnt / "filler", "wb", buffering=0) as f:   # unbuffered: no flush
            while True:                                                                   # left for close()
                f.write(b"\0" * 65536)
        report["typed"] = cli(*score, "--text-file", str(answer), "--save")
        report["audio"] = cli(*score, "--audio", jfk, "--save")
        report["files_when_full"] = files(home)
        (mnt / "filler").unlink()
        report["rows_when_full"] = rows(home / "history.sqlite3")     # as the failed saves left them
        from voiceprep.app import HistoryAccess, PracticeSession
        from voiceprep.speech.transcriber import Transcriber

        session = PracticeSession(HistoryAccess(home / "history.sqlite3"))
        report["recovered"] = [r.outcome for r in session.recover(Transcriber().transcribe)]
        session.access.close_all()
        report["rows_after"] = rows(home / "history.sqlite3")
        report["files_after"] = files(home)
    else:
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        report["list"] = cli("history", "list")
        report["save"] = cli(*score, "--text-file", str(answer), "--save")
        report["doctor_files"] = files(home)
    print(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
