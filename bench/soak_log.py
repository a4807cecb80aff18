"""A soak's log: one row a minute of a running app's memory, threads, CPU and the machine's load, to a CSV, until the
process ends; then whether memory or threads kept growing after the warm-up (walk40: a 46-minute session in one
process). Linux only (reads /proc).

    .venv/bin/python bench/soak_log.py PID [--every 60] [--out soak.csv] [--warmup 10]
    .venv/bin/python bench/soak_log.py --summary soak.csv [--warmup 10]

Columns: minute, utc, rss_mb, hwm_mb (the peak RSS since the start, VmHWM: what a limit on peak memory is about,
caught between the samples too), threads, cpu_s, load1, load5. The summary fits a straight line to RSS and to the
thread count from minute `--warmup` on (all samples, and the samples taken at rest: the fewest threads seen), in MB
or threads a minute, each with its standard error (soak41: one sample sits 20-60 MB above or below its neighbours by
where the answer it falls in is, so a 45-minute slope of +0.4 MB/min is within its own noise); a leak shows as a
slope that stays positive, several standard errors from zero, over a long run, not as one high sample.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import sys
import time
from pathlib import Path

FIELDS = ("minute", "utc", "rss_mb", "hwm_mb", "threads", "cpu_s", "load1", "load5")


def sample(pid: int, start: float) -> dict[str, str]:
    """One row for the process now; raises OSError once it has gone."""
    proc = Path(f"/proc/{pid}")
    status = dict(line.split(":", 1) for line in (proc / "status").read_text().splitlines() if ":" in line)
    stat = (proc / "stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    load1, load5, *_ = Path("/proc/loadavg").read_text().split()
    return {"minute": str(int((time.time() - start) // 60)), "utc": time.strftime("%H:%M:%S", time.gmtime()),
            "rss_mb": str(int(status["VmRSS"].split()[0]) // 1024),
            "hwm_mb": str(int(status["VmHWM"].split()[0]) // 1024), "threads": status["Threads"].strip(),
            "cpu_s": f"{(int(stat[11]) + int(stat[12])) / ticks:.1f}", "load1": load1, "load5": load5}


def slope(points: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of y over x (None with fewer than 3 points or one x)."""
    fit = slope_se(points)
    return None if fit is None else fit[0]


def slope_se(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """The least-squares slope of y over x and its standard error (residual spread over the spread of x), None
    with fewer than 3 points or one x."""
    if len(points) < 3 or len({x for x, _ in points}) < 2:
        return None
    xs, ys = zip(*points, strict=True)
    fit = statistics.linear_regression(xs, ys)
    mean = statistics.fmean(xs)
    sxx = sum((x - mean) ** 2 for x in xs)
    residual = sum((y - fit.intercept - fit.slope * x) ** 2 for x, y in points) / (len(points) - 2)
    return fit.slope, (residual / sxx) ** 0.5


def summary(rows: list[dict[str, str]], warmup: int) -> str:
    rows = [r for r in rows if r["minute"].isdigit()]        # a line a shell logger added ("gone,07:27:05")
    late = [r for r in rows if int(r["minute"]) >= warmup]
    if not late:
        return f"no samples after minute {warmup}"
    rest = min(int(r["threads"]) for r in late)
    rested = [r for r in late if int(r["threads"]) <= rest + 3]

    def fit(of: list[dict[str, str]], key: str) -> str:
        s = slope_se([(float(r["minute"]), float(r[key])) for r in of])
        return "n/a" if s is None else f"{s[0]:+.2f} ± {s[1]:.2f}/min"
    rss = [int(r["rss_mb"]) for r in late]
    peak = max((int(r["hwm_mb"]) for r in rows if r.get("hwm_mb")), default=None)     # walk40's CSV has none
    return (f"{len(rows)} samples, minutes 0-{rows[-1]['minute']}; after minute {warmup}: RSS {min(rss)}-{max(rss)} MB, "
            f"slope {fit(late, 'rss_mb')} (at rest, <= {rest + 3} threads: {fit(rested, 'rss_mb')}); threads "
            f"{rest}-{max(int(r['threads']) for r in late)}, slope {fit(late, 'threads')}"
            + ("" if peak is None else f"; peak RSS (VmHWM) {peak} MB"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pid", nargs="?", type=int, help="the app's process id")
    ap.add_argument("--every", type=float, default=60.0, help="seconds between samples")
    ap.add_argument("--out", type=Path, default=Path("soak.csv"))
    ap.add_argument("--warmup", type=int, default=10, help="minutes left out of the slopes")
    ap.add_argument("--summary", type=Path, help="only summarise a CSV written before")
    args = ap.parse_args(argv)
    if args.summary:
        with args.summary.open() as f:
            print(summary(list(csv.DictReader(f)), args.warmup))
        return 0
    if args.pid is None:
        ap.error("give the app's PID, or --summary CSV")
    start, rows = time.time(), []
    with args.out.open("w", newline="") as f:
        out = csv.DictWriter(f, FIELDS)
        out.writeheader()
        while True:
            try:
                row = sample(args.pid, start)
            except OSError:
                break
            rows.append(row)
            out.writerow(row)
            f.flush()
            time.sleep(args.every)
    print(f"process {args.pid} ended at {time.strftime('%H:%M:%S', time.gmtime())} UTC", file=sys.stderr)
    print(summary(rows, args.warmup))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
