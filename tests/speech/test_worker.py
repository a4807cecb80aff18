"""The speech engines' worker processes (voiceprep.speech.worker), with small stand-in workers."""

from __future__ import annotations

import pytest

from voiceprep.speech.worker import WorkerError, WorkerProcess


def test_what_a_worker_prints_from_python_or_c_never_gets_between_its_replies():
    worker = WorkerProcess("tests.speech.noisy_worker", "the test voice", 30, 30)
    try:
        assert worker.start()["ready"]
        for text in ("one", "two", "three"):
            assert worker.request({"text": text}) == {"ok": True, "echo": text}
    finally:
        worker.close()


def test_a_line_that_is_not_a_reply_is_the_engine_failing_not_a_crash_of_the_caller():
    """Review: a stray line on the reply stream escaped as a JSONDecodeError, which callers that handle the
    engine's errors (prerender, doctor, the practice page) did not catch, and left the stream out of step."""
    worker = WorkerProcess("tests.speech.garbled_worker", "the test voice", 30, 30)
    try:
        with pytest.raises(WorkerError, match="not a reply"):
            worker.request({"text": "hello"})
        assert worker.pid is None                 # killed, not left out of step: the next request starts anew
    finally:
        worker.close()


def test_a_worker_started_from_a_folder_with_a_module_named_like_the_standard_library_still_starts(
        tmp_path, monkeypatch):
    """`python -m` searches the current folder first: a candidate who starts voiceprep from a folder holding a
    `json.py` of their own had every voice worker import it instead of Python's, and no voice at all."""
    (tmp_path / "json.py").write_text("raise ImportError('the json.py of the current folder was imported')\n")
    monkeypatch.chdir(tmp_path)
    worker = WorkerProcess("tests.speech.noisy_worker", "the test voice", 30, 30)
    try:
        assert worker.start()["ready"]
        assert worker.request({"text": "still mine"}) == {"ok": True, "echo": "still mine"}
    finally:
        worker.close()


def _pids(log) -> list[str]:
    return log.read_text().split()


def test_an_engine_that_produced_nothing_twice_is_asked_again_in_a_fresh_process(tmp_path):
    """CI, session 27: under load the standard voice's worker rendered an empty file on both of its own tries and
    the render failed; a new process of the same engine rendered it. Such a reply asks for that one retry."""
    log = tmp_path / "pids"
    worker = WorkerProcess("tests.speech.tired_worker", "the test voice", 30, 30)
    try:
        assert worker.request({"reply": "retry once", "log": str(log)}) == {"ok": True}
        first, second = _pids(log)
        assert first != second and worker.pid == int(second)
    finally:
        worker.close()


def test_a_fresh_process_is_tried_once_not_forever(tmp_path):
    log = tmp_path / "pids"
    worker = WorkerProcess("tests.speech.tired_worker", "the test voice", 30, 30)
    try:
        with pytest.raises(WorkerError, match="no audio"):
            worker.request({"reply": "retry always", "log": str(log)})
        assert len(set(_pids(log))) == 2
        assert worker.request({"reply": "ok", "log": str(log)}) == {"ok": True}   # and the next request works
    finally:
        worker.close()


def test_a_stuck_engine_is_not_retried_so_its_wait_is_not_doubled(tmp_path):
    """A render that timed out already cost the candidate its whole timeout: it fails at once, and the next
    request starts a new process."""
    log = tmp_path / "pids"
    worker = WorkerProcess("tests.speech.tired_worker", "the test voice", 30, 30)
    try:
        with pytest.raises(WorkerError, match="stuck"):
            worker.request({"reply": "restart", "log": str(log)})
        assert len(_pids(log)) == 1 and worker.pid is None
    finally:
        worker.close()
