"""History connections: one per thread, and none kept after its thread has ended."""

from __future__ import annotations

import gc
import threading

import psutil

from voiceprep.app import HistoryAccess


def _open_on_db(path) -> int:
    return sum(1 for f in psutil.Process().open_files() if f.path.startswith(str(path)))


def test_a_finished_threads_connection_is_closed_not_kept(data_home):
    # found with 150 answers saved each from a thread of its own: two more open files and ~0.5 MB per answer,
    # because the access kept every thread's connection for close_all; a long session would run out of files
    access = HistoryAccess(data_home / "history.sqlite3")
    try:
        def save():
            access.history().db.execute("SELECT 1")

        for _ in range(3):               # warm up: the first opening may create and migrate the file
            worker = threading.Thread(target=save)
            worker.start()
            worker.join()
        gc.collect()
        before = _open_on_db(access.path)
        for _ in range(20):
            worker = threading.Thread(target=save)
            worker.start()
            worker.join()
        gc.collect()
        assert _open_on_db(access.path) <= before, "connections of ended threads are still open"
    finally:
        access.close_all()


def test_close_all_still_closes_a_running_threads_connection(data_home):
    access = HistoryAccess(data_home / "history.sqlite3")
    opened, release = threading.Event(), threading.Event()

    def hold():
        access.history().db.execute("SELECT 1")
        opened.set()
        release.wait(10)

    worker = threading.Thread(target=hold)
    worker.start()
    opened.wait(10)
    assert _open_on_db(access.path) > 0
    access.history().db.execute("SELECT 1")       # and this thread's own
    access.close_all()
    release.set()
    worker.join()
    gc.collect()
    assert _open_on_db(access.path) == 0


def test_a_thread_asking_again_gets_the_connection_it_has(data_home):
    # what lets recovery's helpers (`_recover_part`, `_part_alone`, `_store`) each ask `history()`: one thread's asks
    # open nothing again (fixJ), another thread gets its own
    access = HistoryAccess(data_home / "history.sqlite3")
    try:
        first = access.history()
        assert access.history() is first
        other: list[object] = []
        worker = threading.Thread(target=lambda: other.append(access.history()))
        worker.start()
        worker.join()
        assert other and other[0] is not first
    finally:
        access.close_all()
