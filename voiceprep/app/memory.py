"""Hand memory freed after an answer back to the system.

glibc keeps freed blocks in per-thread arenas: measured in a 40-answer session (tests/gui/test_soak.py) the
process grew from 687 to 1216 MB although nothing leaked (malloc_trim at the end gave 230 MB back).
Fewer arenas and a trim after each answer keep it flat: one arena (settings.MALLOC_ARENAS), since `malloc_trim`
gives back the free top of the main heap only, never that of a thread's own arena. Both are no-ops where glibc is
not the allocator.

Within an answer too: every live pass frees its working set (a 24 s window at beam 5 is ~100 MB) into the
free lists, and over a long answer 150-200 MB of it was held until the answer ended; that, not a pass, set the
whole app's peak (the 40-answer session's 645 MB, docs/benchmarks.md). `release_if_grown` after each pass gives
it back when the process has grown enough since the last trim to be worth one (~15 ms).
"""

from __future__ import annotations

import ctypes
import functools
import logging
import os
import sys

from voiceprep.settings import HELD_LIMIT_MB, MALLOC_ARENAS

log = logging.getLogger(__name__)

M_ARENA_MAX = -8           # glibc's mallopt parameter number
_last = [0]                # resident bytes after the last release


@functools.cache
def _glibc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.malloc_trim, libc.mallopt          # noqa: B018 (musl has neither)
    except (OSError, AttributeError):
        return None
    return libc


def limit_arenas(count: int = MALLOC_ARENAS) -> bool:
    """Cap the allocator's arenas for threads started from now on (call once, early)."""
    libc = _glibc()
    return bool(libc and libc.mallopt(M_ARENA_MAX, count))


def resident_bytes() -> int | None:
    """This process's resident memory (Linux), None where unknown."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def release_if_grown(limit_mb: float = HELD_LIMIT_MB) -> bool:
    """`release()` when the process has grown by more than `limit_mb` since the last release (or its size is
    unknown); True when something was given back. Cheap when it has not: one read of /proc."""
    now = resident_bytes()
    if now is not None and now - _last[0] <= limit_mb * 2**20:
        return False
    return release()


def release() -> bool:
    """Return freed heap memory to the system; True when something was given back."""
    libc = _glibc()
    if libc is None:
        return False
    try:
        return bool(libc.malloc_trim(0))
    except OSError as exc:          # never let housekeeping fail an answer
        log.debug("malloc_trim failed: %s", exc)
        return False
    finally:
        _last[0] = resident_bytes() or 0
