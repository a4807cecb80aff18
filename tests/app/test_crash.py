"""kill -9 of a real process at 28 points of record -> stop -> transcribe -> judge -> FLAC -> store -> retention
(and of the typed and CLI save paths): at the next start every answer that existed is recovered, and nothing is
left behind (no unfinished row, no temp file, no orphaned audio)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO
from voiceprep.app import HistoryAccess, PracticeSession
from voiceprep.app.checkpoints import NAMES
from voiceprep.app.session import AUDIO_NAME
from voiceprep.core.history import History
from voiceprep.settings import Settings

ANSWER_POINTS = ["begin.before", "begin.after", "stop.before-transcribing-state", "stop.transcribing", "judge.done",
                 "flac.written", "flac.renamed", "store.in-transaction", "store.committed", "wav.deleted",
                 "retention.before", "retention.done"]
RECORDED_SECONDS = [1.5, 3.0, 5.0, 7.0, 9.0]     # killed mid-recording, with this much audio on disk
TYPED_POINTS = ["typed.begun", "typed.judged", "typed.committed"]
CLI_POINTS = ["copy.begun", "copy.written", "copy.committed"]


def start(mode: str, db: Path, *args: str, pause: str | None = None) -> subprocess.Popen:
    env = dict(os.environ, VOICEPREP_PAUSE_AT=pause or "")
    return subprocess.Popen([sys.executable, "-m", "tests.app.proc", mode, str(db), *args], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def kill_at_checkpoint(proc: subprocess.Popen, name: str, timeout: float = 120) -> None:
    end = time.time() + timeout
    for line in proc.stderr:
        if line.strip() == f"PAUSED {name}":
            break
        if time.time() > end:
            break
    else:
        out, _ = proc.communicate()
        pytest.fail(f"{name}: the process ended without reaching it (exit {proc.returncode}): {out}")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL


def kill_while_recording(proc: subprocess.Popen, db: Path, seconds: float) -> None:
    assert proc.stdout.readline().strip() == "RECORDING"
    with History.open(db) as h:
        wav = Path(h.read("SELECT audio_path FROM attempts")[0]["audio_path"])
    end = time.time() + 60
    while not (wav.exists() and wav.stat().st_size >= 44 + 32000 * seconds):
        assert time.time() < end and proc.poll() is None, "the recording never got that far"
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


def scenarios() -> list[tuple[str, str, str | float]]:
    out: list[tuple[str, str, str | float]] = [("answer", "checkpoint", p) for p in ANSWER_POINTS]
    out += [("answer", "recording", s) for s in RECORDED_SECONDS]
    out += [("typed", "checkpoint", p) for p in TYPED_POINTS]
    out += [("cli", "checkpoint", p) for p in CLI_POINTS]
    return out


def test_every_checkpoint_is_a_real_name_and_there_are_at_least_twenty_points():
    assert {p for mode, how, p in scenarios() if how == "checkpoint"} <= set(NAMES)
    assert len(scenarios()) >= 20


@pytest.mark.slow
def test_kill_minus_nine_anywhere_loses_no_answer(tmp_path, speech_dir, transcriber):
    jfk = str(speech_dir / "jfk.wav")
    report = []
    for i, (mode, how, point) in enumerate(scenarios()):
        db = tmp_path / f"run-{i}" / "history.sqlite3"
        db.parent.mkdir()
        History.open(db).close()
        began = time.time()
        args = [jfk] if mode in ("answer", "cli") else []
        if how == "checkpoint":
            proc = start(mode, db, *args, pause=str(point))
            kill_at_checkpoint(proc, str(point))
        else:
            proc = start(mode, db, *args)
            kill_while_recording(proc, db, float(point))

        settings = Settings()
        session = PracticeSession(HistoryAccess(db, settings.history), settings)   # the next start
        recovered = session.recover(transcriber.transcribe)
        h = session.history()
        rows = h.read("SELECT id, state, state_detail, input, transcript, audio_path FROM attempts")
        files = sorted(p.name for p in h.audio_dir.iterdir())
        label = f"{mode} killed at {point}"
        report.append(f"{label}: {[r.outcome for r in recovered]} -> {[r['state'] for r in rows]} {files} "
                      f"({time.time() - began:.1f} s)")

        assert all(r["state"] in ("done", "failed") for r in rows), label          # nothing stuck
        assert not any(f.endswith(".tmp") for f in files), label                    # no half-written file
        if point in ("begin.before", "copy.begun", "copy.written"):   # nothing reached voiceprep yet (a CLI's
            # answer is the candidate's own file, untouched): nothing is kept, nothing is left behind
            assert rows == [] and files == [], label
            continue
        assert len(rows) == 1, label
        row = rows[0]
        if point == "begin.after":        # killed before a single sample reached the disk: nothing to recover
            assert row["state"] == "failed" and files == [], label
            continue
        assert row["state"] == "done", (label, row)
        # cut off only when killed before the recording had ended (session 16: a whole answer was marked)
        ended = mode != "answer" or (how == "checkpoint" and ANSWER_POINTS.index(str(point)) >=
                                     ANSWER_POINTS.index("stop.transcribing"))
        assert row["state_detail"] == (None if ended else "cut off: recovered after the app closed"), (label, row)
        if mode == "typed":
            assert "disruptor" in row["transcript"].lower() and files == [], label
            continue
        assert row["transcript"].strip(), label
        if how == "checkpoint" or float(point) >= 9.0:
            assert "country" in row["transcript"].lower(), (label, row["transcript"])
        assert files == [Path(row["audio_path"]).name] and files[0].endswith(".flac"), (label, files)
        assert all(AUDIO_NAME.match(f) for f in files)
        session.access.close_all()
    print("\n" + "\n".join(report))
