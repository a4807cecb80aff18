"""Named points on the save path, where the crash test stops a real process to kill it (-9) from outside.

With VOICEPREP_PAUSE_AT=<name> set, reaching that point prints "PAUSED <name>" to stderr and waits forever;
unset (always, in normal use) a checkpoint costs one dictionary lookup.
"""

from __future__ import annotations

import os
import sys
import time

NAMES = (
    "begin.before", "begin.after", "stop.before-transcribing-state", "stop.transcribing",
    "judge.done", "flac.written", "flac.renamed", "store.in-transaction", "store.committed", "wav.deleted",
    "retention.before", "retention.done", "typed.begun", "typed.judged", "typed.committed",
    "copy.begun", "copy.written", "copy.committed",
    "more.begun", "more.transcribing", "more.joined", "more.committed",
)


def checkpoint(name: str) -> None:
    if os.environ.get("VOICEPREP_PAUSE_AT") != name:
        return
    sys.stderr.write(f"PAUSED {name}\n")
    sys.stderr.flush()
    while True:
        time.sleep(3600)
