"""Freed memory goes back to the system after an answer (glibc arenas otherwise keep it)."""

from __future__ import annotations

import sys
import threading

import psutil
import pytest

from voiceprep.app import memory


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator is Linux's")
def test_release_gives_memory_freed_by_a_worker_thread_back():
    process = psutil.Process()

    kept = []

    def churn():
        blocks = [bytearray(4000) for _ in range(50_000)]       # 200 MB in small blocks: heap, not mmap
        kept.append(blocks[-1])          # the top of the arena stays in use, so only a trim gives the rest back
        blocks.clear()                   # (with holes alone glibc sometimes trimmed by itself: a flaky 27-65 MB)

    worker = threading.Thread(target=churn)
    worker.start()
    worker.join()
    before = process.memory_info().rss
    assert memory.release()
    assert (before - process.memory_info().rss) / 2**20 > 150


def test_limiting_arenas_is_accepted():
    assert memory.limit_arenas() is sys.platform.startswith("linux")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator is Linux's")
def test_release_if_grown_trims_only_when_the_process_grew_by_more_than_the_limit():
    """During a long answer each live pass frees its working set (~100 MB for a 24 s window at beam 5) into the
    allocator's free lists, where it stayed until the answer ended: the whole app's peak. A trim after a pass gives
    it back, but only when the process has grown enough since the last trim to be worth one."""
    process = psutil.Process()
    memory.release()
    assert not memory.release_if_grown(limit_mb=32)                    # nothing grew since
    kept = []

    def churn():
        blocks = [bytearray(4000) for _ in range(50_000)]       # 200 MB in small blocks: heap, not mmap
        kept.append(blocks[-1])
        blocks.clear()

    worker = threading.Thread(target=churn)
    worker.start()
    worker.join()
    before = process.memory_info().rss
    assert not memory.release_if_grown(limit_mb=400)                   # grew less than that: left alone
    assert (before - process.memory_info().rss) / 2**20 < 50
    assert memory.release_if_grown(limit_mb=32)
    assert (before - process.memory_info().rss) / 2**20 > 150
    assert not memory.release_if_grown(limit_mb=32)                    # given back: not again until it grows


FREED_BY_A_WORKER = """
import threading
from voiceprep.app import memory
memory.limit_arenas()                          # as the app does at start, before any thread
big = b"\x01" * 30 * 2**20; del big            # glibc now serves blocks up to 30 MB from the heap and trims its
                                               # top only past 60 MB by itself (its dynamic thresholds)
def decode():                                  # a live pass on the decoding thread: its working set, then freed
    blocks = [b"\x01" * 2**20 for _ in range(50)]     # touched: resident
    blocks.clear()
worker = threading.Thread(target=decode)
worker.start(); worker.join()
before = memory.resident_bytes()
memory.release()
print((before - memory.resident_bytes()) / 2**20)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator is Linux's")
def test_a_trim_gives_back_what_a_pass_on_another_thread_freed():
    """rss42: with a second arena the decoding thread's freed working set stayed resident after every trim
    (malloc_trim trims the free top of the main heap only): 20-23 MB at rest, and a pass peaked ~27 MB higher.
    With the app's arena limit the worker's blocks come from the main heap, and a trim gives them back."""
    import subprocess

    out = subprocess.run([sys.executable, "-c", FREED_BY_A_WORKER], capture_output=True, text=True, check=True,
                         timeout=60)
    assert float(out.stdout) > 40, out.stdout
