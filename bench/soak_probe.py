"""The desktop app, unchanged, with a soak's probes inside it (soak41): where a long session's memory goes.

    VOICEPREP_HOME=... .venv/bin/python bench/soak_probe.py --out DIR [--every 60] [--trace-at 10] [--frames 8]
        [--trace-until 25]

Runs `voiceprep.gui.app.run()` and, from the GUI thread, writes:
- DIR/status.json once a second: the practice state, the page shown, the bank and round chosen, the screen centres of
  the buttons a driver clicks (Start round, Next…) and the history row count, so an xdotool driver knows where the
  app is without reading pixels;
- DIR/probe.jsonl once every `--every` seconds: RSS, anonymous and file-backed resident memory (smaps_rollup),
  glibc's mallinfo2 (in use, free in arenas, mmapped), the Python objects gc tracks (total and the 25 most common
  types), the widgets and top-level QObjects alive, threads, tracemalloc's traced size (once started);
- DIR/trace-NN.txt: from minute `--trace-at` on, tracemalloc (started then, so only what is allocated after the
  warm-up is traced) compared with its first snapshot every `--trace-every` minutes, the 40 biggest growths by
  call site.

Bench only: nothing here changes what the app does; gc.get_objects() takes ~0.1-0.3 s on the GUI thread once a probe.
It counts no QObject children: `findChildren` makes a Python wrapper for every QTextTable of the feedback's documents,
and the wrappers of tables a new feedback replaced stayed (soak41's run: +190 QTextTable objects in 40 minutes, the
probe's own, while the widgets stayed 472).
"""

from __future__ import annotations

import argparse
import collections
import ctypes
import gc
import json
import os
import sys
import threading
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


class MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks",
                 "keepcost")]


def mallinfo() -> dict[str, float]:
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = MallInfo2
        m = libc.mallinfo2()
    except (OSError, AttributeError):
        return {}
    mb = 2**20
    return {"heap_mb": round(m.arena / mb, 1), "in_use_mb": round(m.uordblks / mb, 1),
            "free_mb": round(m.fordblks / mb, 1), "mmapped_mb": round(m.hblkhd / mb, 1), "mmaps": m.hblks}


def smaps() -> dict[str, float]:
    out: dict[str, float] = {}
    try:
        for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in ("Rss", "Anonymous", "Pss_File", "Swap"):
                out[key.lower() + "_mb"] = round(int(rest.split()[0]) / 1024, 1)
    except OSError:
        pass
    return out


COLUMNS = ("minute", "rss_mb", "anonymous_mb", "pss_file_mb", "heap_mb", "in_use_mb", "free_mb", "mmapped_mb",
           "gc_objects", "frozen", "widgets", "traced_mb", "tracemalloc_overhead_mb")


def summary(path: Path, every: int, warmup: float) -> str:
    """probe.jsonl as a table (every `every`-th row) and each column's least-squares slope a minute after `warmup`."""
    import statistics

    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    cols = [c for c in COLUMNS if any(c in r for r in rows)]
    out = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    out += ["| " + " | ".join(str(r.get(c, "")) for c in cols) + " |"
            for i, r in enumerate(rows) if i % every == 0 or i == len(rows) - 1]
    late = [r for r in rows if r["minute"] >= warmup]
    for c in cols[1:]:
        pts = [(r["minute"], float(r[c])) for r in late if r.get(c) is not None]
        if len(pts) >= 3:
            fit = statistics.linear_regression(*zip(*pts, strict=True))
            out.append(f"{c}: {min(p[1] for p in pts)}-{max(p[1] for p in pts)}, slope {fit.slope:+.3f}/min "
                       f"after minute {warmup:g} ({len(pts)} samples)")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--summary", type=Path, help="only print a probe.jsonl written before as a table, with slopes")
    ap.add_argument("--rows-every", type=int, default=5)
    ap.add_argument("--warmup", type=float, default=10.0)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--every", type=float, default=60.0)
    ap.add_argument("--trace-at", type=float, default=10.0, help="minute tracemalloc starts (negative: never)")
    ap.add_argument("--trace-every", type=float, default=10.0)
    ap.add_argument("--trace-until", type=float, default=-1.0,
                    help="minute tracemalloc stops and its snapshots are dropped (negative: never; soak42: the "
                         "rest of the run without its bookkeeping, to see its share of the peak)")
    ap.add_argument("--frames", type=int, default=8)
    args = ap.parse_args()
    if args.summary:
        print(summary(args.summary, args.rows_every, args.warmup))
        return 0
    if args.out is None:
        ap.error("give --out DIR (or --summary probe.jsonl)")
    args.out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from voiceprep.gui import app as gui_app
    from voiceprep.gui import main_window

    state: dict = {"window": None, "first": None, "n": 0}
    original_init = main_window.MainWindow.__init__

    def centre(w) -> list[int] | None:
        if w is None or not w.isVisible():
            return None
        p = w.mapToGlobal(w.rect().center())
        return [p.x(), p.y(), int(w.isEnabled())]

    def status() -> None:
        win = state["window"]
        if not win.isVisible():          # still being built, a part per turn of the event loop (fixDP)
            return
        try:
            pr = win.practice
            ctl = win.controller
            rows = None
            buttons = {name: centre(getattr(pr, name, None)) for name in
                       ("start_btn", "answer_btn", "next_btn", "retry_btn", "continue_btn", "drill_btn")}
            buttons["ask"] = centre(getattr(pr.feedback, "ask", None))
            fw = QApplication.focusWidget()
            s = {"t": round(time.time() - t0, 1), "state": str(ctl.state), "page": win.stack.currentIndex(),
                 "bank": pr.bank_box.currentText(), "banks": [pr.bank_box.itemText(i) for i in range(pr.bank_box.count())],
                 "round": pr.round_box.currentText(),
                 "rounds": [pr.round_box.itemText(i) for i in range(pr.round_box.count())],
                 "position": pr.position.text() if hasattr(pr, "position") else "",
                 "buttons": buttons, "rows": rows,
                 "focus": f"{type(fw).__name__}:{getattr(fw, 'text', lambda: '')() if hasattr(fw, 'text') else ''}"
                 if fw is not None else None,
                 "modal": (m.windowTitle() if (m := QApplication.activeModalWidget()) is not None else None),
                 "popup": (type(p).__name__ if (p := QApplication.activePopupWidget()) is not None else None)}
            tmp = args.out / "status.json.tmp"
            tmp.write_text(json.dumps(s))
            tmp.replace(args.out / "status.json")
        except Exception as exc:        # a probe never stops the app
            (args.out / "status-error.txt").write_text(repr(exc))

    def probe() -> None:
        minute = (time.time() - t0) / 60
        started = time.perf_counter()
        counts = collections.Counter(type(o).__name__ for o in gc.get_objects())
        row = {"minute": round(minute, 2), "utc": time.strftime("%H:%M:%S", time.gmtime()),
               **smaps(), **mallinfo(), "gc_objects": sum(counts.values()),
               "frozen": gc.get_freeze_count(),
               "widgets": len(QApplication.allWidgets()), "top_level": len(QApplication.topLevelWidgets()),
               "threads_py": threading.active_count(), "gc_counts": gc.get_count(), "garbage": len(gc.garbage),
               "types": counts.most_common(25)}
        if tracemalloc.is_tracing() and 0 <= args.trace_until <= minute:
            tracemalloc.stop()
            state["first"] = None
            row["trace_stopped"] = True
        if tracemalloc.is_tracing():
            cur, peak = tracemalloc.get_traced_memory()
            row.update(traced_mb=round(cur / 2**20, 2), traced_peak_mb=round(peak / 2**20, 2),
                       tracemalloc_overhead_mb=round(tracemalloc.get_tracemalloc_memory() / 2**20, 1))
        elif args.trace_at >= 0 and minute >= args.trace_at and not (0 <= args.trace_until <= minute):
            tracemalloc.start(args.frames)
            row["trace_started"] = True
        if tracemalloc.is_tracing():
            snap = tracemalloc.take_snapshot().filter_traces(
                (tracemalloc.Filter(False, tracemalloc.__file__),))
            if state["first"] is None:
                state["first"] = snap
            elif minute - state.get("last_diff", 0) >= args.trace_every:
                state["last_diff"] = minute
                state["n"] += 1
                lines = [f"minute {minute:.1f} vs tracemalloc start; traced {row.get('traced_mb')} MB"]
                for stat in snap.compare_to(state["first"], "traceback")[:40]:
                    lines.append(f"{stat.size_diff / 1024:+.1f} KiB, {stat.count_diff:+d} blocks "
                                 f"(now {stat.size / 1024:.1f} KiB)")
                    lines.extend("    " + line for line in stat.traceback.format()[-2 * min(args.frames, 6):])
                (args.out / f"trace-{state['n']:02d}.txt").write_text("\n".join(lines) + "\n")
        row["probe_s"] = round(time.perf_counter() - started, 2)
        with (args.out / "probe.jsonl").open("a") as f:
            f.write(json.dumps(row) + "\n")

    def patched_init(self, *a, **kw) -> None:
        original_init(self, *a, **kw)
        if state["window"] is None:
            state["window"] = self
            (args.out / "pid").write_text(str(os.getpid()))
            for every, fn in ((1.0, status), (args.every, probe)):
                timer = QTimer(self)
                timer.timeout.connect(fn)
                timer.start(int(every * 1000))
            QTimer.singleShot(2000, probe)

    main_window.MainWindow.__init__ = patched_init      # type: ignore[method-assign]
    return gui_app.run(sys.argv[:1])


if __name__ == "__main__":
    raise SystemExit(main())
