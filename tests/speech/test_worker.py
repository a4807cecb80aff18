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
