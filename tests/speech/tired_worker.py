"""A worker for tests/speech/test_worker.py whose replies follow the request's "reply" field, and which appends its
process id to the request's "log" file, so a test can count the processes a request took."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

if __name__ == "__main__":
    print('{"ready": true}', flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        with open(request["log"], "a") as log:
            log.write(f"{os.getpid()}\n")
        seen = len(Path(request["log"]).read_text().split())
        # "retry once": only the first process fails; "retry always" and "restart": every one does
        if request["reply"] == "retry once" and seen > 1 or request["reply"] == "ok":
            print(json.dumps({"ok": True}), flush=True)
        elif request["reply"] == "restart":
            print(json.dumps({"error": "stuck", "restart": True}), flush=True)
        else:
            print(json.dumps({"error": "no audio", "retry": True}), flush=True)
