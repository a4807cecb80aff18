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
