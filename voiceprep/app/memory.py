"""Hand memory freed after an answer back to the system.

glibc keeps freed blocks in per-thread arenas: measured in a 40-answer session (tests/gui/test_soak.py) the
process grew from 687 to 1216 MB although nothing leaked (malloc_trim at the end gave 230 MB back).
Fewer arenas and a trim after each answer keep it flat. Both are no-ops where glibc is not the allocator.
"""

from __future__ import annotations

import ctypes
import functools
import logging
import sys

log = logging.getLogger(__name__)

M_ARENA_MAX = -8           # glibc's mallopt parameter number
ARENAS = 2                 # worker threads share two arenas (glibc's default allows 8 per core)


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


def limit_arenas(count: int = ARENAS) -> bool:
    """Cap the allocator's arenas for threads started from now on (call once, early)."""
    libc = _glibc()
    return bool(libc and libc.mallopt(M_ARENA_MAX, count))


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
