"""Key-point matching: precision / recall / F1 on the labeled set, as text and through audio.

Audio: each answer is spoken with pyttsx3 (espeak-ng), transcribed with the bundled model, then matched.
The exact-substring baseline is scored on the same inputs.

    .venv/bin/python bench/keypoint_eval.py [--audio] [--errors]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from voiceprep.core.analysis.evaluation import baseline_hits, evaluate, load_labeled, matcher_hits  # noqa: E402
from voiceprep.core.banks import BankRegistry  # noqa: E402
from voiceprep.core.transcript import Transcript  # noqa: E402

LABELED = REPO / "tests/core/analysis/data/labeled_answers.toml"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--audio", action="store_true", help="also speak and transcribe every answer")
    ap.add_argument("--errors", action="store_true", help="list each wrong decision")
    args = ap.parse_args()
    items = load_labeled(LABELED)
    banks = {b.id: b for b in BankRegistry.discover([REPO / "question_banks"]).banks}
    print(f"{len(items)} labeled answers, {sum(len(banks[i.bank].prompt(i.prompt).key_points) for i in items)} "
          "key-point decisions")
    inputs = {"text": lambda item: Transcript.from_text(item.text)}
    if args.audio:
        from voiceprep.speech.transcriber import Transcriber
        from voiceprep.speech.tts import Speaker

        speaker, transcriber = Speaker(cache_dir=REPO / "bench/out/eval-tts"), Transcriber()
        cache: dict[str, Transcript] = {}
        start = time.perf_counter()
        for item in items:
            bank = banks[item.bank]
            cache[item.text] = transcriber.transcribe(speaker.render(item.text), hotwords=bank.terms())
        print(f"spoke and transcribed {len(items)} answers in {time.perf_counter() - start:.0f} s")
        inputs["audio"] = lambda item: cache[item.text]
    for name, to_transcript in inputs.items():
        for label, method in (("matcher", matcher_hits), ("baseline", baseline_hits)):
            s = evaluate(items, banks, to_transcript, method)
            print(f"{name:5} {label:8} {s.row()}")
            if args.errors and label == "matcher":
                print("\n".join("   " + e for e in s.errors))


if __name__ == "__main__":
    main()
