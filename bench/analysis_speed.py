"""How long the analysis of one 2-minute answer takes (goal: <= 50 ms).

    .venv/bin/python bench/analysis_speed.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench.answers import answer_text  # noqa: E402
from voiceprep.core.analysis.analyze import analyze_answer  # noqa: E402
from voiceprep.core.banks import load_bank  # noqa: E402
from voiceprep.core.transcript import Segment, Transcript, Word  # noqa: E402


def timed_transcript(text: str, wpm: float = 150) -> Transcript:
    step = 60 / wpm
    words = [Word(i * step, i * step + step * 0.8, " " + w) for i, w in enumerate(text.split())]
    return Transcript(text, "en", len(words) * step, "bench", [Segment(0, len(words) * step, text, words)])


def main() -> None:
    bank = load_bank(REPO / "question_banks/airwallex.toml")
    prompt = bank.prompt("hardest-problem")
    t = timed_transcript(answer_text(120, wpm=150))
    print(f"answer: {len(t.words())} words, {t.duration:.0f} s; prompt {prompt.id} with {len(prompt.key_points)} key points")
    start = time.perf_counter()
    analyze_answer(bank, prompt, t)
    cold = (time.perf_counter() - start) * 1000
    runs = []
    for i in range(50):
        variant = timed_transcript(answer_text(120, wpm=150) + f" variant {i}")   # defeat per-text caches
        start = time.perf_counter()
        analyze_answer(bank, prompt, variant)
        runs.append((time.perf_counter() - start) * 1000)
    runs.sort()
    print(f"first call (cold caches, imports done): {cold:.1f} ms")
    print(f"50 runs: median {statistics.median(runs):.1f} ms, p95 {runs[int(0.95 * 49)]:.1f} ms, max {runs[-1]:.1f} ms")


if __name__ == "__main__":
    main()
