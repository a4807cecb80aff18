"""Progress's reads on a 10,000-attempt history: the CPU the Progress page's data costs (HistoryService.progress, a
fresh service each time: no cache) and `history stats` of every bank, with how many times each asks for the lower
retries (queries.outscored_ids) and the key-point rates (queries.key_point_rates).

Thread CPU ms (time.thread_time: the load's waiting left out), median of `--repeat`. `--code DIR` runs another
checkout's voiceprep on the same database (before/after); the database is made by bench/history_scale.py.

    .venv/bin/python bench/progress_reads.py --db /tmp/h.sqlite3 [--code /tmp/main-checkout] [--repeat 9] [--dump F]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def cpu_ms(fn: Callable[[], Any], repeat: int) -> tuple[float, float]:
    """Median and minimum thread CPU ms of `fn()`."""
    times = []
    for _ in range(repeat):
        start = time.thread_time()
        fn()
        times.append((time.thread_time() - start) * 1000)
    return round(statistics.median(times), 1), round(min(times), 1)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, required=True, help="a history (bench/history_scale.py --db makes one)")
    ap.add_argument("--code", type=Path, default=REPO, help="the checkout whose voiceprep is measured")
    ap.add_argument("--bank", default="airwallex")
    ap.add_argument("--prompt", default="hardest-problem")
    ap.add_argument("--repeat", type=int, default=9)
    ap.add_argument("--dump", type=Path, help="write what each call returned here (JSON), to compare two checkouts")
    args = ap.parse_args()
    sys.path.insert(0, str(args.code.resolve()))
    from voiceprep.app import HistoryAccess, HistoryService
    from voiceprep.core.history import queries

    calls = {"outscored_ids": 0, "key_point_rates": 0}
    for name in calls:
        real = getattr(queries, name)

        def counting(*a: Any, _real: Callable[..., Any] = real, _name: str = name, **k: Any) -> Any:
            calls[_name] += 1
            return _real(*a, **k)
        setattr(queries, name, counting)
    access = HistoryAccess(args.db)

    def fresh() -> HistoryService:
        return HistoryService(access)

    def counted(fn: Callable[[], Any]) -> dict[str, int]:
        for k in calls:
            calls[k] = 0
        fn()
        return dict(calls)
    measured: dict[str, Callable[[], Any]] = {
        f"progress({args.bank})": lambda: fresh().progress(args.bank),
        f"progress({args.bank}, {args.prompt})": lambda: fresh().progress(args.bank, args.prompt),
        "stats() (history stats, every bank)": lambda: fresh().stats(),
        f"stats({args.bank})": lambda: fresh().stats(args.bank),
    }
    import voiceprep
    if args.dump:
        banks = [r["bank_id"] for r in access.history().read("SELECT DISTINCT bank_id FROM attempts")]
        got = {f"progress({b}, {p})": fresh().progress(b, p) for b in banks for p in (None, args.prompt)}
        got["stats()"] = fresh().stats()
        got["stats(prompt)"] = fresh().stats(prompt=args.prompt)
        args.dump.write_text(json.dumps(got, indent=1, sort_keys=True, default=str))
    out: dict[str, Any] = {"code": str(Path(voiceprep.__file__).parents[1]), "attempts": access.history().read(
        "SELECT COUNT(*) AS n FROM attempts")[0]["n"]}
    for name, fn in measured.items():
        fn()                                    # warm: the first read of the file
        median, low = cpu_ms(fn, args.repeat)
        out[name] = {"cpu_ms_median": median, "cpu_ms_min": low, "calls": counted(fn)}
    access.close_all()
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
