"""A speech engine in a process of its own: one JSON request per line on its stdin, one JSON reply per line.

Both voices run this way. A native crash (libespeak-ng under pyttsx3 once segfaulted mid-render on a
background thread, taking the whole app with it) then costs one render, which is retried in a new process,
never the candidate's session. The worker also keeps each engine's global state on one thread of its own.
"""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any


class WorkerError(Exception):
    """The engine cannot do this here (not installed, failed to start, or failed twice)."""


class _WorkerStopped(Exception):
    """The worker process ended (crashed or was killed)."""


def _child_environment() -> dict[str, str]:
    """This environment, plus the folder holding the voiceprep package when that is a checkout rather than an
    installation's site-packages (which the worker's Python searches anyway, after the standard library)."""
    env = dict(os.environ)
    root = os.path.realpath(Path(__file__).resolve().parents[2])
    installed = {os.path.realpath(p) for p in (*site.getsitepackages(), site.getusersitepackages())}
    if root not in installed:
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    return env


class WorkerProcess:
    """The client side of `python -m <module>`; thread-safe (requests are serialised).

    The worker's first line is its greeting: {"ready": true, ...} (kept as `hello`) or {"error": "..."}.
    """

    def __init__(self, module: str, what: str, start_timeout: float, request_timeout: float):
        self.module = module
        self.what = what                     # "the natural voice": how errors name the engine
        self.start_timeout = start_timeout
        self.request_timeout = request_timeout
        self.hello: dict[str, Any] = {}
        self._proc: subprocess.Popen | None = None
        self._stderr: Any = None
        self._lock = threading.Lock()

    def request(self, message: dict[str, Any], error: type[Exception] = WorkerError) -> dict[str, Any]:
        """Send one request and return its reply. A worker that died, or that replies with "retry" (the engine
        failed in a way a new process may not), is started again, once; one that replies with "restart" (it may
        be stuck) is started again for the next request only.

        Raises `error` (with the worker's words) when it cannot start, takes too long, or replies with an error.
        """
        line = json.dumps(message)
        with self._lock:
            for attempt in range(2):
                if self.pid is None:
                    self._start(error)
                assert self._proc is not None and self._proc.stdin is not None
                try:
                    self._proc.stdin.write(line + "\n")
                    self._proc.stdin.flush()
                    reply = self._read_reply(self.request_timeout, error)
                except (OSError, _WorkerStopped) as exc:
                    self._kill()
                    if attempt:
                        raise error(str(exc) or f"{self.what} process stopped") from None
                    continue
                if "error" in reply:
                    if reply.get("retry") and not attempt:   # the engine failed in a way a new process may not
                        self._kill()
                        continue
                    if reply.get("retry") or reply.get("restart"):   # it may be stuck: the next request starts
                        self._kill()                                 # anew (a timeout is not waited out twice)
                    raise error(reply["error"])
                return reply
        raise AssertionError("unreachable")

    def start(self, error: type[Exception] = WorkerError) -> dict[str, Any]:
        """Start the worker now (e.g. during warm-up) unless it runs; return its greeting."""
        with self._lock:
            if self.pid is None:
                self._start(error)
            return self.hello

    def _read_reply(self, timeout: float, error: type[Exception]) -> dict[str, Any]:
        assert self._proc is not None and self._proc.stdout is not None
        stdout = self._proc.stdout
        result: list[str] = []
        reader = threading.Thread(target=lambda: result.append(stdout.readline()), daemon=True)
        reader.start()
        reader.join(timeout)
        if not result:
            why = f"{self.what} took longer than {timeout:.0f} s{self._stderr_tail()}"
            self._kill()
            raise error(why)
        if not result[0]:
            raise _WorkerStopped(f"{self.what} process stopped{self._stderr_tail()}")
        try:
            reply: dict[str, Any] = json.loads(result[0])
        except ValueError:                  # not a reply: the stream is out of step, so start again
            raise _WorkerStopped(f"{self.what} process wrote something that is not a reply") from None
        return reply

    def _stderr_tail(self) -> str:
        if self._stderr is None:
            return ""
        self._stderr.seek(0)
        tail = self._stderr.read().decode(errors="replace").strip().splitlines()[-3:]
        return f" ({' | '.join(tail)})" if tail else ""

    def _start(self, error: type[Exception]) -> None:
        self._kill()
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 (the worker writes to it while it lives)
        # -P: the current folder is not searched for modules (`-m` would search it first, and a json.py there
        # would stand in for Python's own); the folder this voiceprep was imported from is given instead
        self._proc = subprocess.Popen([sys.executable, "-P", "-m", self.module], env=_child_environment(),
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
                                      text=True, bufsize=1)
        try:
            hello = self._read_reply(self.start_timeout, error)
        except _WorkerStopped as exc:
            self._kill()
            raise error(str(exc)) from None
        if not hello.get("ready"):
            self._kill()
            raise error(hello.get("error", f"{self.what} did not start"))
        self.hello = hello

    def _kill(self) -> None:
        if self._proc is not None:
            if self._proc.poll() is None:
                self._proc.kill()
                self._proc.wait(timeout=10)
            self._proc = None
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None

    @property
    def pid(self) -> int | None:
        """The worker's process id while it runs."""
        proc = self._proc
        return proc.pid if proc is not None and proc.poll() is None else None

    def close(self) -> None:
        """End the worker (it also ends by itself when this process exits and its stdin closes)."""
        with self._lock:
            if self._proc is not None and self._proc.stdin is not None:
                try:
                    self._proc.stdin.close()
                    self._proc.wait(timeout=5)
                except (OSError, subprocess.TimeoutExpired):
                    pass
            self._kill()


def take_stdout():
    """The worker's reply stream, taken before anything is loaded: the real stdout, while file descriptor 1 and
    `sys.stdout` go to stderr from here on, so nothing a library prints (from Python or from C) gets in between
    two replies."""
    replies = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return replies


def serve_lines(handle, greeting: dict[str, Any], replies, requests=None) -> None:
    """The worker side: greet, then answer each request line with `handle(request) -> reply` until stdin closes.

    An exception in `handle` is replied as an error and the worker keeps serving: one bad text must not end the
    voice.
    """
    requests = requests or sys.stdin

    def reply(message: dict[str, Any]) -> None:
        replies.write(json.dumps(message) + "\n")
        replies.flush()

    reply(greeting)
    if not greeting.get("ready"):
        return
    for line in requests:
        try:
            reply(handle(json.loads(line)))
        except Exception as exc:
            reply({"error": f"{type(exc).__name__}: {exc}"})
