"""Peak memory of a rehearsal with the semantic judge: whisper model + judge model + one spoken answer.

Loads the transcriber (bundled tiny.en) and the judge's model as the app does, speaks a 2-minute answer with
espeak-ng, transcribes it, analyses it, and reports the process's peak RSS (goal: <= 600 MB).

    .venv/bin/python bench/judge_memory.py
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench.answers import answer_text  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024   # Linux: kilobytes


def main() -> None:
    print(f"start: {peak_mb():.0f} MB")
    from voiceprep.core.analysis.analyze import analyze_answer
    from voiceprep.core.analysis.embedder import warm_up
    from voiceprep.core.banks import load_bank
    from voiceprep.speech.transcriber import Transcriber
    from voiceprep.speech.tts import Speaker

    bank = load_bank(REPO / "question_banks/airwallex.toml")
    transcriber = Transcriber()
    status = warm_up()
    print(f"whisper + judge model loaded ({status.method}): peak {peak_mb():.0f} MB")
    audio = Speaker(cache_dir=REPO / "bench/out/judge-memory-tts").render(answer_text(120, wpm=150))
    start = time.perf_counter()
    transcript = transcriber.transcribe(audio, hotwords=bank.terms())
    analysis = analyze_answer(bank, bank.prompt("hardest-problem"), transcript)
    print(f"answer: {transcript.duration:.0f} s, {len(transcript.words())} words; transcribed and judged in "
          f"{time.perf_counter() - start:.1f} s; {analysis.points_hit} of {analysis.points_total} key points")
    print(f"peak RSS of the rehearsal: {peak_mb():.0f} MB (goal <= 600 MB)")


if __name__ == "__main__":
    main()
