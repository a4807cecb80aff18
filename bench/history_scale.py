"""History at scale: 10,000 attempts (generated), then time list, search, stats and start-up.

Goal: list, search and stats each <= 100 ms; start-up as fast as with an empty history.

    .venv/bin/python bench/history_scale.py [--attempts 10000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench.analysis_speed import timed_transcript  # noqa: E402
from bench.answers import PARAGRAPHS  # noqa: E402
from voiceprep.core.analysis.analyze import analyze_answer  # noqa: E402
from voiceprep.core.banks import BankRegistry  # noqa: E402
from voiceprep.core.history import History, queries  # noqa: E402


def generate(path: Path, n: int) -> None:
    banks = BankRegistry.discover([REPO / "question_banks"]).banks
    analyses = []
    for i, (bank, prompt) in enumerate((b, p) for b in banks for p in b.all_prompts()):
        text = " ".join(PARAGRAPHS[(i + k) % len(PARAGRAPHS)] for k in range(4))   # ~2 minutes of words
        analyses.append(analyze_answer(bank, prompt, timed_transcript(text)))
    start_day = datetime.now(UTC) - timedelta(days=365)
    with History.open(path) as h:
        for i in range(n):
            a = analyses[i % len(analyses)]
            attempt = h.begin_attempt(a.bank, a.prompt, state="transcribing")
            h.finish_attempt(attempt, a)
            h.db["attempts"].update(attempt, {"started_at": (start_day + timedelta(minutes=50 * i)).isoformat()})


def timeit(fn, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(path: Path) -> dict:
    def startup():
        with History.open(path) as h:
            queries.list_attempts(h, limit=50)
    with History.open(path) as h:
        return {
            "attempts": h.db["attempts"].count,
            "db_mb": round(os.path.getsize(path) / 1e6, 1),
            "start_ms (open + first page)": round(timeit(startup), 1),
            "list_ms (50 newest)": round(timeit(lambda: queries.list_attempts(h, limit=50)), 1),
            "list_ms (bank+prompt filter)": round(timeit(lambda: queries.list_attempts(
                h, bank="airwallex", prompt="hardest-problem", limit=50)), 1),
            "search_ms ('ring buffer')": round(timeit(lambda: queries.search(h, "ring buffer")), 1),
            "stats_ms (one bank)": round(timeit(lambda: queries.stats(h, "airwallex")), 1),
            "stats_ms (all banks)": round(timeit(lambda: queries.stats(h)), 1),
        }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--attempts", type=int, default=10000)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    empty = tmp / "empty.sqlite3"
    History.open(empty).close()
    big = tmp / "big.sqlite3"
    start = time.perf_counter()
    generate(big, args.attempts)
    print(f"generated {args.attempts} attempts in {time.perf_counter() - start:.0f} s")
    rows = {"empty": measure(empty), f"{args.attempts}": measure(big)}
    keys = list(rows["empty"])
    print("| measure | " + " | ".join(rows) + " |")
    print("|---|" + "---|" * len(rows))
    for k in keys:
        print(f"| {k} | " + " | ".join(str(r[k]) for r in rows.values()) + " |")


if __name__ == "__main__":
    main()
