"""One voiceprep window per data directory (walkthrough 11: a second and a third instance opened on top of the first,
sharing the microphone and the history).

The first app to start holds a lock file in the data directory (QLockFile: a lock left by a crashed or killed app is
stale, its process gone, and is taken over) and listens on a local socket named after that directory. A second start
finds the lock held, asks the first over the socket to bring its window forward, and exits; when the first cannot be
reached (it is still starting, or hangs) it says "voiceprep is already open". The CLI takes no lock: `voiceprep
history ...` works beside the app, as before.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)
LOCK_NAME = "app.lock"
SHOW = b"show\n"
CONNECT_MS = 1000


def server_name(data_dir: Path) -> str:
    """The local socket's name for a data directory: short (a Unix socket path has ~100 bytes), per user."""
    key = hashlib.sha256(str(Path(data_dir).resolve()).encode()).hexdigest()[:16]
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    return f"voiceprep-{user}-{key}"


class SingleInstance(QObject):
    """`claim()`: True for the first app of a data directory (it keeps the lock and calls `on_show` when another start
    asks for its window); False when another app has it (that one was asked to show itself, if it could be)."""

    def __init__(self, data_dir: Path, on_show: Callable[[], None] | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.name = server_name(self.data_dir)
        self.on_show = on_show
        self.lock = QLockFile(str(self.data_dir / LOCK_NAME))
        self.lock.setStaleLockTime(0)          # stale only when its process is gone, never by age (a long session)
        self.server: QLocalServer | None = None
        self.reached_first = False             # after claim() returned False: the first app was asked to show

    def claim(self) -> bool:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if not self.lock.tryLock(0):
            if self.lock.error() == QLockFile.LockError.LockFailedError:
                self.reached_first = self._ask_first_to_show()
                return False
            # no permission, an unknown error: better a second window than no voiceprep at all
            log.warning("single-instance lock %s not taken (error %s): starting anyway",
                        self.data_dir / LOCK_NAME, self.lock.error())
            return True
        QLocalServer.removeServer(self.name)   # a socket left by a crashed app: ours now, we hold the lock
        self.server = QLocalServer(self)
        if not self.server.listen(self.name):
            log.warning("single-instance socket %s: %s", self.name, self.server.errorString())
        self.server.newConnection.connect(self._connected)
        return True

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        if self.lock.isLocked():
            self.lock.unlock()

    def _ask_first_to_show(self) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_MS):
            log.info("another voiceprep holds %s but does not answer: %s", self.data_dir / LOCK_NAME,
                     socket.errorString())
            return False
        socket.write(SHOW)
        sent = socket.waitForBytesWritten(CONNECT_MS)
        socket.disconnectFromServer()
        return sent

    def _connected(self) -> None:
        assert self.server is not None
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(SHOW.strip()) and self.on_show is not None:
            self.on_show()


def bring_forward(window) -> None:
    """Show the window of the app already open in front (un-minimized); the window manager may only flash it."""
    from PySide6.QtCore import Qt

    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
