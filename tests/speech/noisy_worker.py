"""A worker for tests/speech/test_worker.py: prints from Python and from C (file descriptor 1) while it serves."""

from __future__ import annotations

import os
import sys

from voiceprep.speech.worker import serve_lines, take_stdout


def main() -> int:
    replies = take_stdout()
    print("loading the engine...")                  # a library's print, before the greeting
    os.write(1, b"espeak: a C library writing to fd 1\n")

    def handle(request: dict) -> dict:
        print("Audio saved to", request["text"])
        os.write(1, b"more C output\n")
        return {"ok": True, "echo": request["text"]}

    serve_lines(handle, {"ready": True}, replies)
    return 0


if __name__ == "__main__":
    sys.exit(main())
