"""History at scale: 10,000 attempts (generated), then time list, search, stats, one attempt, compare, the integrity
scan and start-up, through the app layer (voiceprep.app.HistoryService) the GUI and CLI use.

Goal: list, search, stats and opening an attempt each <= 100 ms; start-up as fast as with an empty history.

    .venv/bin/python bench/history_scale.py [--attempts 10000] [--db PATH (kept and reused)]
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
from voiceprep.app import HistoryAccess, HistoryService  # noqa: E402
from voiceprep.app.judging import attempt_record  # noqa: E402
from voiceprep.core.analysis.analyze import analyze_answer  # noqa: E402
from voiceprep.core.banks import BankRegistry  # noqa: E402
from voiceprep.core.history import History  # noqa: E402
from voiceprep.core.history.store import TRANSCRIBING, TYPED, VOICE  # noqa: E402
from voiceprep.core.transcript import Transcript  # noqa: E402


def generate(path: Path, n: int) -> None:
    """n attempts over a year, every prompt of every bundled bank, one in ten typed; stored as the app stores them."""
    banks = BankRegistry.discover([REPO / "question_banks"]).banks
    records = []
    for i, (bank, prompt) in enumerate((b, p) for b in banks for p in b.all_prompts()):
        text = " ".join(PARAGRAPHS[(i + k) % len(PARAGRAPHS)] for k in range(4))   # ~2 minutes of words
        spoken = analyze_answer(bank, prompt, timed_transcript(text))
        typed = analyze_answer(bank, prompt, Transcript.from_text(text))
        records.append((bank, prompt, attempt_record(spoken, VOICE), attempt_record(typed, TYPED)))
    start_day = datetime.now(UTC) - timedelta(days=365)
    with History.open(path) as h:
        for i in range(n):
            bank, prompt, spoken, typed = records[i % len(records)]
            kind = TYPED if i % 10 == 9 else VOICE
            with h.write():
                attempt = h.begin_attempt(bank, prompt, state=TRANSCRIBING, input=kind)
                h.finish_attempt(attempt, typed if kind == TYPED else spoken)
                h.db.execute("UPDATE attempts SET started_at = ? WHERE id = ?",
                             [(start_day + timedelta(minutes=50 * i)).isoformat(timespec="seconds"), attempt])


def timeit(fn, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def measure(path: Path) -> dict:
    def startup():
        access = HistoryAccess(path)
        HistoryService(access).attempts(limit=500)
        access.close_all()
    access = HistoryAccess(path)
    s = HistoryService(access)

    def fresh() -> HistoryService:
        return HistoryService(access)
    newest = s.attempts(limit=1)
    some = newest[0]["id"] if newest else None
    pair = [r["id"] for r in s.attempts(bank="airwallex", prompt="hardest-problem", limit=2)]
    out = {
        "attempts": access.history().read("SELECT COUNT(*) AS n FROM attempts")[0]["n"],
        "db_mb": round(os.path.getsize(path) / 1e6, 1),
        "start_ms (open + History's first 500 rows)": timeit(startup),
        # a fresh service each time: the service answers a page shown again from its cache (the last line)
        "list_ms (500 newest, the History table)": timeit(lambda: fresh().attempts(limit=500)),
        "list_ms (bank+prompt filter)": timeit(lambda: fresh().attempts(bank="airwallex", prompt="hardest-problem")),
        "search_ms (History search 'ring buffer')": timeit(lambda: fresh().attempts(text="ring buffer")),
        "search_ms (typing: 'r')": timeit(lambda: fresh().attempts(text="r")),
        "search_ms (no hit: 'failover', its spellings tried)": timeit(lambda: fresh().attempts(text="failover")),
        # a figure said (walk42 1): its digits and written forms tried too
        "search_ms (a figure said: 'forty percent')": timeit(lambda: fresh().attempts(text="forty percent")),
        "search_ms (a figure said: 'twenty thousand')": timeit(lambda: fresh().attempts(text="twenty thousand")),
        # a figure with its unit: each row the index found is asked the order in Python (units.spans; ~40% say it)
        "search_ms (a figure and its unit: 'three times')": timeit(lambda: fresh().attempts(text="three times")),
        "search_ms (a figure and its unit: '150 countries')": timeit(lambda: fresh().attempts(text="150 countries")),
        "list_ms (the same page shown again, cached)": timeit(lambda: s.attempts(limit=500)),
        "open_ms (one attempt as shown)": timeit(lambda: s.attempt(some)) if some else "-",
        "compare_ms": timeit(lambda: s.compare(*pair)) if len(pair) == 2 else "-",
        "progress_ms (one bank: series, rates, stats)": timeit(lambda: fresh().progress("airwallex")),
        "stats_ms (all banks)": timeit(lambda: s.stats()),
        "integrity scan_ms (once per process)": timeit(lambda: access.history().verify(), repeat=3),
    }
    access.close_all()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--attempts", type=int, default=10000)
    ap.add_argument("--db", type=Path, help="generate here once and reuse it (also used by bench/history_gui.py)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    empty = tmp / "empty.sqlite3"
    History.open(empty).close()
    big = args.db or tmp / "big.sqlite3"
    if not big.exists():
        start = time.perf_counter()
        generate(big, args.attempts)
        print(f"generated {args.attempts} attempts in {time.perf_counter() - start:.0f} s")
    rows = {"empty": measure(empty), "big": measure(big)}
    keys = list(rows["empty"])
    print(f"| measure | empty | {rows['big']['attempts']} attempts |")
    print("|---|---|---|")
    for k in keys:
        print(f"| {k} | " + " | ".join(str(r[k]) for r in rows.values()) + " |")


if __name__ == "__main__":
    main()
