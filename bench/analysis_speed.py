"""How long the analysis of one 2-minute answer takes, with the semantic judge's model loaded (goal: <= 150 ms).

Key points, evidence, scores, delivery and follow-ups, each run on fresh text (no cached sentence vectors).
Also prints the model's load time (done once, off the GUI thread) and the lexical-only time for comparison.

    .venv/bin/python bench/analysis_speed.py [--cpu]     # --cpu: process CPU time (model threads included)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench.answers import answer_text  # noqa: E402
from voiceprep.core.analysis.analyze import analyze_answer  # noqa: E402
from voiceprep.core.analysis.embedder import judge_status, warm_up  # noqa: E402
from voiceprep.core.banks import load_bank  # noqa: E402
from voiceprep.core.transcript import Segment, Transcript, Word  # noqa: E402
from voiceprep.settings import AnalysisSettings  # noqa: E402


def timed_transcript(text: str, wpm: float = 150) -> Transcript:
    step = 60 / wpm
    words = [Word(i * step, i * step + step * 0.8, " " + w) for i, w in enumerate(text.split())]
    return Transcript(text, "en", len(words) * step, "bench", [Segment(0, len(words) * step, text, words)])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=None, help="model threads (default: settings.judge_threads)")
    ap.add_argument("--cpu", action="store_true", help="time the 30 runs in process CPU time, not wall time")
    args = ap.parse_args()
    clock = time.process_time if args.cpu else time.perf_counter
    bank = load_bank(REPO / "question_banks/airwallex.toml")
    prompt = bank.prompt("hardest-problem")
    t = timed_transcript(answer_text(120, wpm=150))
    print(f"answer: {len(t.words())} words, {t.duration:.0f} s; prompt {prompt.id} with {len(prompt.key_points)} key points")
    start = time.perf_counter()
    status = warm_up(args.threads)
    print(f"model load: {(time.perf_counter() - start) * 1000:.0f} ms ({status.method}"
          f"{': ' + status.message if status.message else ''})")
    start = time.perf_counter()
    analyze_answer(bank, prompt, t)
    cold = (time.perf_counter() - start) * 1000
    print(f"first call (label vectors not cached yet): {cold:.1f} ms")
    sentences = answer_text(120, wpm=150).split(". ")
    for name, settings in (("semantic", AnalysisSettings()), ("lexical only", AnalysisSettings(semantic_judge=False))):
        runs = []
        for i in range(30):
            # fresh sentences every run: the answer's sentence vectors are never served from the cache
            text = ". ".join(f"{s} (take {i})" for s in sentences)
            variant = timed_transcript(text)
            start = clock()
            analyze_answer(bank, prompt, variant, settings)
            runs.append((clock() - start) * 1000)
        runs.sort()
        what = f"{name:12} 30 runs{' (CPU)' if args.cpu else ''}"
        print(f"{what}: median {statistics.median(runs):.1f} ms, p95 {runs[int(0.95 * 29)]:.1f} ms, "
              f"max {runs[-1]:.1f} ms")
    print(f"judge: {judge_status().to_dict()}")


if __name__ == "__main__":
    main()
