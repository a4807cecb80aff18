"""Crash-safe file steps and private permissions.

Every step that replaces a file writes the new one beside it, fsyncs it, renames it into place and fsyncs the
folder; only after the database points at the new file is the old one deleted (see session.py).
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

PRIVATE_FILE, PRIVATE_DIR = 0o600, 0o700


def private_umask() -> None:
    """New files and folders of this process are readable by the user only (log, cache, exports, audio)."""
    os.umask(0o077)


def make_private(folder: Path) -> None:
    """Tighten a data folder made by an older version (0755) and what sits directly in it and its subfolders."""
    try:
        entries = [folder, *folder.iterdir()]
    except OSError:
        return
    for entry in entries:
        try:
            st = entry.lstat()
            if stat.S_ISDIR(st.st_mode):
                if stat.S_IMODE(st.st_mode) & 0o077:
                    os.chmod(entry, PRIVATE_DIR)
                if entry != folder:
                    make_private_files(entry)
            elif stat.S_ISREG(st.st_mode) and stat.S_IMODE(st.st_mode) & 0o077:
                os.chmod(entry, PRIVATE_FILE)
        except OSError:
            continue


def make_private_files(folder: Path) -> None:
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            with contextlib.suppress(OSError):
                st = entry.lstat()
                if stat.S_ISREG(st.st_mode) and stat.S_IMODE(st.st_mode) & 0o077:
                    os.chmod(entry, PRIVATE_FILE)


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (a no-op where folders cannot be opened, e.g. Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def temp_beside(path: Path) -> Path:
    return path.with_name(path.name + ".tmp")


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[BinaryIO]:
    """Write `path` all-or-nothing: a private temp file beside it, fsynced, then renamed over it.

    On any error the temp file is removed and `path` is untouched (no partial file is ever left).
    """
    tmp = temp_beside(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def write_private(path: Path, data: bytes | str) -> Path:
    """Write an export or similar: complete or not at all, readable by the user only."""
    with replacing(path) as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def write_with(path: Path, writer: Callable[[BinaryIO], None]) -> Path:
    """Write `path` through `writer(file)` with the same all-or-nothing guarantee."""
    with replacing(path) as f:
        writer(f)
    return path
