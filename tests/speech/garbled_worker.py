"""A worker for tests/speech/test_worker.py that greets, then answers every request with a line that is not a reply
(what a library printing onto the reply stream did before `take_stdout`)."""

from __future__ import annotations

import sys

if __name__ == "__main__":
    print('{"ready": true}', flush=True)
    for _line in sys.stdin:
        print("Audio saved to somewhere", flush=True)
