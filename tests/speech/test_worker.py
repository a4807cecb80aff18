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
