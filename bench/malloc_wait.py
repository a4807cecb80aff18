"""Does one malloc arena make the GUI thread wait? A thread mallocs like a GUI thread while live passes decode.

One process: the decoding thread runs the app's live passes (20 s windows of real speech, `memory.release_if_grown`
after each, as the controller), while the main thread, inside C with the GIL released, mallocs, touches and frees
blocks of 32 B-256 KB in a burst every 0.2 ms for `--seconds` and times each burst. A burst during which the thread
made a voluntary context switch waited for a lock (malloc's arena lock: nothing else in the burst sleeps); the bench
counts those waits, their total and longest, and says whether each wait over 5 ms overlapped a `malloc_trim`.
Run it with `--arenas 1` (settings.MALLOC_ARENAS) and `--arenas 0` (glibc's default, 8 a core) in turn: the GUI
thread's own Python objects come from pymalloc, but Qt's allocations go through malloc. Needs a C compiler (`cc`).

    .venv/bin/python bench/malloc_wait.py --arenas 1 [--seconds 40] [--idle]
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

PROBE_C = r"""
#define _GNU_SOURCE
#include <stdlib.h>
#include <stdint.h>
#include <time.h>
#include <sys/resource.h>
static inline uint64_t now(void){
    struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return (uint64_t)t.tv_sec * 1000000000ull + t.tv_nsec;
}
static long nvcsw(void){struct rusage r; getrusage(RUSAGE_THREAD,&r); return r.ru_nvcsw;}
/* out = [bursts, max_ns, over_1ms, over_10ms, over_100ms, waits, wait_ns, wait_max_ns]; longs = (start, ns) of waits
   over 5 ms */
void probe(double seconds, uint64_t *out, uint64_t *longs, int nlongs){
    static const size_t sizes[] = {32, 256, 2048, 16384, 262144};
    void *keep[64] = {0};
    uint64_t end = now() + (uint64_t)(seconds*1e9), n = 0;
    int nl = 0;
    for (int i = 0; i < 8; i++) out[i] = 0;
    while (1) {
        long v0 = nvcsw();
        uint64_t t0 = now();
        if (t0 > end) break;
        for (int k = 0; k < 5; k++) {
            size_t s = sizes[(n + k) % 5];
            char *p = malloc(s); p[0] = 1; p[s-1] = 1;
            int slot = (n * 5 + k) % 64;
            free(keep[slot]); keep[slot] = p;
        }
        uint64_t d = now() - t0;
        long v1 = nvcsw();
        n++;
        if (d > out[1]) out[1] = d;
        if (d > 1000000) out[2]++;
        if (d > 10000000) out[3]++;
        if (d > 100000000) out[4]++;
        if (v1 != v0) {
            out[5]++; out[6] += d; if (d > out[7]) out[7] = d;
            if (d > 5000000 && nl < nlongs) { longs[2*nl] = t0; longs[2*nl+1] = d; nl++; }
        }
        struct timespec pause = {0, 200000}; nanosleep(&pause, 0);
    }
    for (int i = 0; i < 64; i++) free(keep[i]);
    out[0] = n;
}
"""


def build(tmp: Path) -> ctypes.CDLL:
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        raise SystemExit("bench/malloc_wait.py needs a C compiler (cc or gcc) to build its probe")
    (tmp / "probe.c").write_text(PROBE_C)
    subprocess.run([compiler, "-O2", "-shared", "-fPIC", "-o", str(tmp / "probe.so"), str(tmp / "probe.c")], check=True)
    lib = ctypes.CDLL(str(tmp / "probe.so"))
    lib.probe.argtypes = [ctypes.c_double, ctypes.POINTER(ctypes.c_uint64), ctypes.POINTER(ctypes.c_uint64),
                          ctypes.c_int]
    return lib


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--arenas", type=int, required=True, help="malloc arenas (0: glibc's default)")
    ap.add_argument("--seconds", type=float, default=40.0)
    ap.add_argument("--idle", action="store_true", help="no decoding thread (the probe alone)")
    args = ap.parse_args()
    from voiceprep.app import memory
    if args.arenas:
        memory.limit_arenas(args.arenas)          # before any thread, as the app
    from bench.live_latency import human_answer
    from voiceprep.speech.transcriber import Transcriber

    with tempfile.TemporaryDirectory() as tmp:
        lib = build(Path(tmp))
        audio, _ = human_answer(60)
        transcriber = Transcriber()
        transcriber.load()
        stream = transcriber.stream(None)
        stream.feed(audio)
        stop, passes, trims = threading.Event(), [0], []
        release = memory.release

        def timed_release() -> bool:
            began = time.monotonic_ns()
            try:
                return release()
            finally:
                trims.append((began, time.monotonic_ns() - began))
        memory.release = timed_release                  # type: ignore[assignment]

        def decode() -> None:
            while not stop.is_set():
                start = (passes[0] % 3) * 10 * 16000
                stream.decode(start, start + 20 * 16000)
                memory.release_if_grown()
                passes[0] += 1
        if not args.idle:
            threading.Thread(target=decode, daemon=True).start()
            time.sleep(2.0)
        out, longs = (ctypes.c_uint64 * 8)(), (ctypes.c_uint64 * 512)()
        lib.probe(args.seconds, out, longs, 256)
        stop.set()
    waits = [(longs[2 * i], longs[2 * i + 1]) for i in range(256) if longs[2 * i + 1]]
    print(json.dumps({"arenas": args.arenas or "glibc default", "decoding": not args.idle, "passes": passes[0],
                      "bursts": out[0], "max_ms": round(out[1] / 1e6, 2), "over_10ms": out[3], "over_100ms": out[4],
                      "lock_waits": out[5], "waited_ms": round(out[6] / 1e6, 1), "longest_wait_ms": round(out[7] / 1e6, 2),
                      "trims": len(trims), "longest_trim_ms": round(max((d for _, d in trims), default=0) / 1e6, 1),
                      "waits_over_5ms": [[round(d / 1e6, 1), any(b < t + d and b + n > t for b, n in trims)]
                                         for t, d in waits],
                      "load1": round(os.getloadavg()[0], 1)}))
    os._exit(0)                                         # the decoding thread may be mid-pass


if __name__ == "__main__":
    main()
