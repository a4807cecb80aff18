"""kill -9 of a real process at 25 points of record -> stop -> transcribe -> judge -> FLAC -> store -> retention
(and of the typed and CLI save paths): at the next start every answer that existed is recovered, and nothing is
left behind (no unfinished row, no temp file, no orphaned audio)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

import pytest
import soundfile as sf

from tests.conftest import REPO
from voiceprep.app import HistoryAccess, PracticeSession
from voiceprep.app.checkpoints import NAMES
from voiceprep.app.session import AUDIO_NAME
from voiceprep.core.history import History
from voiceprep.settings import Settings

ANSWER_POINTS = ["begin.before", "begin.after", "stop.before-transcribing-state", "stop.transcribing", "judge.done",
                 "flac.written", "flac.renamed", "store.in-transaction", "store.committed", "wav.deleted",
                 "retention.before", "retention.done"]
# killed mid-recording, with this much audio on disk: the first flushes, the middle, and late enough that "country" was
# said. 3.0 and 7.0 s were dropped (trim47): the same state as their neighbours (cut off, a transcript, one FLAC), each
# a process start and a recovery more
RECORDED_SECONDS = [1.5, 5.0, 9.0]
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


def fresh_history(folder: Path) -> Path:
    """An empty history in a folder of its own, for one scenario."""
    db = folder / "history.sqlite3"
    db.parent.mkdir()
    History.open(db).close()
    return db


def next_start(db: Path, transcriber, columns: str) -> tuple[PracticeSession, list, list[dict], list[str]]:
    """The next start after the kill: its session, its recovery's outcomes, the attempts' `columns`, the audio files."""
    settings = Settings()
    session = PracticeSession(HistoryAccess(db, settings.history), settings)
    recovered = session.recover(transcriber.transcribe)
    h = session.history()
    return session, recovered, h.read(f"SELECT {columns} FROM attempts"), sorted(p.name for p in h.audio_dir.iterdir())


Job = TypeVar("Job")


def crashed_two_at_a_time(jobs: list[Job], crash: Callable[[Job], float]) -> Iterator[tuple[Job, float]]:
    """Each job's process started and killed by `crash(job)` (which returns when it began), two processes at a time
    (the scenarios are independent: a history folder each), handed on in order for the next start and its checks in
    this thread. On 2 cores each scenario is mostly one busy core (Python and model start, one decoding thread):
    run one after another, the suite's slowest test waited ~200 s on one core (speed62)."""
    pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="crash")
    try:
        futures = [pool.submit(crash, job) for job in jobs]
        for job, future in zip(jobs, futures):
            yield job, future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)      # a failed check waits for the processes already started


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
    folders: dict[int, Path] = {}

    def crash(scenario) -> float:
        i, (mode, how, point) = scenario
        db = folders[i] = fresh_history(tmp_path / f"run-{i}")
        began = time.time()
        args = [jfk] if mode in ("answer", "cli") else []
        if how == "checkpoint":
            proc = start(mode, db, *args, pause=str(point))
            kill_at_checkpoint(proc, str(point))
        else:
            proc = start(mode, db, *args)
            kill_while_recording(proc, db, float(point))
        return began

    for (i, (mode, how, point)), began in crashed_two_at_a_time(list(enumerate(scenarios())), crash):
        db = folders[i]
        session, recovered, rows, files = next_start(db, transcriber,
                                                     "id, state, state_detail, input, transcript, audio_path")
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


CONTINUE_POINTS = ["more.begun", "more.transcribing", "more.joined", "more.committed"]


def kill_while_continuing(proc: subprocess.Popen, db: Path, seconds: float) -> None:
    """Killed while the continuation (C) is recorded, with `seconds` of it on disk (the first part is stored as
    FLAC by then: the only WAV in the folder is the part being added)."""
    assert proc.stdout.readline().strip() == "ANSWERED"
    assert proc.stdout.readline().strip() == "RECORDING"
    audio_dir = db.parent / "audio"
    end = time.time() + 60
    while not any(p.suffix == ".wav" and p.stat().st_size >= 44 + 32000 * seconds for p in audio_dir.iterdir()):
        assert time.time() < end and proc.poll() is None, "the continuation was never recorded that far"
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


@pytest.mark.slow
def test_kill_minus_nine_while_continuing_an_answer_loses_nothing_added(tmp_path, speech_dir, transcriber):
    """fixA left this open: a crash while C recorded more of an answer kept the first part only (the part added
    belonged to no row, and the next start's sweep removed it). Killed while the part is recorded or anywhere on its
    way into the answer, the next start joins it: one answer holding both parts' words and audio, marked cut off
    only when the part was cut off by the crash."""
    jfk = str(speech_dir / "jfk.wav")
    first_s = sf.info(jfk).duration
    report = []
    folders: dict[int, Path] = {}

    def crash(scenario) -> float:
        i, point = scenario
        db = folders[i] = fresh_history(tmp_path / f"run-{i}")
        began = time.time()
        if isinstance(point, float):
            proc = start("continue", db, jfk)
            kill_while_continuing(proc, db, point)
        else:
            proc = start("continue", db, jfk, pause=point)
            kill_at_checkpoint(proc, point)
        return began

    for (i, point), began in crashed_two_at_a_time(list(enumerate([9.0, *CONTINUE_POINTS])), crash):
        db = folders[i]
        joining = time.time()
        session, recovered, rows, files = next_start(db, transcriber, "id, state, state_detail, transcript, audio_path")
        h = session.history()
        joining = time.time() - joining
        label = f"continuation killed at {point}"
        report.append(f"{label}: {[(r.outcome, r.detail) for r in recovered]} -> {[r['state'] for r in rows]} "
                      f"{files} (recovery {joining:.1f} s, all {time.time() - began:.1f} s)")

        assert len(rows) == 1 and rows[0]["state"] == "done", (label, rows)
        row = rows[0]
        assert files == [Path(row["audio_path"]).name] and files[0].endswith(".flac"), (label, files)
        if point == "more.begun":           # killed before any of the part reached the disk: the answer as it was
            assert row["transcript"].lower().count("ask not") == 1 and row["state_detail"] is None, (label, row)
            assert [r.outcome for r in recovered] == ["discarded"], (label, recovered)
            assert not h.read("SELECT * FROM continuations"), label
            session.access.close_all()
            continue
        assert row["transcript"].lower().count("ask not") == 2, (label, row["transcript"])   # both parts' words
        joined_s = sf.info(str(row["audio_path"])).duration
        assert joined_s > first_s + 5, (label, joined_s)                                     # and both parts' audio
        cut = isinstance(point, float)      # the crash ended the part, not the candidate
        assert row["state_detail"] == ("cut off: recovered after the app closed" if cut else None), (label, row)
        if point != "more.committed":       # joined by this start (at more.committed it was stored already)
            assert [r.outcome for r in recovered] == ["finished"], (label, recovered)
        assert not h.read("SELECT * FROM continuations"), label                              # nothing left to join
        session.access.close_all()
    print("\n" + "\n".join(report))
