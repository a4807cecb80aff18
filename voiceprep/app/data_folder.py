"""Whether the data folder can be written, checked once at start, and what to tell the candidate when it cannot.

A read-only mount, a folder without write permission or a full disk (walk39 5: `VOICEPREP_HOME` on a read-only
mount) used to stop the app before any window, with a line on a terminal pointing at a log it could not write.
"""

from __future__ import annotations

import errno
import tempfile
from pathlib import Path

from voiceprep import paths
from voiceprep.paths import HOME_ENV

_WHY = {errno.EROFS: "it is on a read-only disk", errno.EACCES: "you do not have permission to write there",
        errno.EPERM: "you do not have permission to write there", errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "your disk quota is used up", errno.ENOTDIR: "part of its path is a file, not a folder",
        errno.EEXIST: "a file of that name is in the way"}


def data_folder_problem() -> str | None:
    """None when the data folder exists (or can be made) and a file can be written in it; else the message."""
    folder = paths.data_home()
    try:
        folder = paths.data_dir()
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-check-"):
            pass
    except OSError as exc:
        return unwritable_message(folder, exc)
    return None


def unwritable_message(folder: Path, exc: OSError) -> str:
    why = _WHY.get(exc.errno or 0) or (exc.strerror or str(exc)).lower()
    fix = ("Free some space on that disk" if exc.errno in (errno.ENOSPC, errno.EDQUOT) else
           "Make the folder writable (check its permissions, or remount the disk read-write)")
    return (f"voiceprep keeps your answers and history in {folder}, but that folder cannot be written ({why}).\n\n"
            f"{fix}, or start voiceprep with {HOME_ENV} set to a folder you can write to, for example:\n"
            f"    {HOME_ENV}=~/voiceprep-data voiceprep\n\n"
            "Nothing was changed.")
