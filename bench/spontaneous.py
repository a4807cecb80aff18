"""Real spontaneous speech (../shared/speech-spontaneous): word error rate and filled-pause recall per model.

References are verbatim meeting transcripts; their conventions (spelled acronyms, cut-off fragments,
backchannels) are normalised on both sides (`voiceprep.speech.scoring`). Each clip goes through the batch path
(`Transcriber.transcribe`) and the live path (fed in real time, stopped right after the clip, as a manual Stop).

    .venv/bin/python bench/spontaneous.py [--model DIR ...] [--no-live] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench.speech_bench import feed_realtime  # noqa: E402
from voiceprep.settings import TranscriptionSettings  # noqa: E402
from voiceprep.speech.audio import TARGET_RATE, load_audio  # noqa: E402
from voiceprep.speech.live import LiveTranscriber  # noqa: E402
from voiceprep.speech.scoring import ClipScore, score_clip  # noqa: E402
from voiceprep.speech.transcriber import Transcriber  # noqa: E402

CLIPS = REPO.parent / "shared" / "speech-spontaneous"


def clips() -> list[tuple[Path, str]]:
    with open(CLIPS / "references.tsv", newline="") as f:
        return [(CLIPS / r["file"], r["reference"]) for r in csv.DictReader(f, delimiter="\t")]


def live_text(t: Transcriber, audio) -> str:
    live = LiveTranscriber(t)
    live.start()
    feed_realtime(live, audio)
    return live.finish().text


def summarise(scores: list[ClipScore]) -> dict:
    said = sum(s.fillers_said for s in scores)
    return {"wer_mean": round(sum(s.wer for s in scores) / len(scores), 3),
            "filler_recall": round(sum(s.fillers_found for s in scores) / max(1, said), 3),
            "fillers": f"{sum(s.fillers_found for s in scores)}/{said}",
            "fillers_invented": sum(s.fillers_invented for s in scores)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", action="append", default=[], help="a model directory (default: the bundled tiny.en)")
    ap.add_argument("--no-live", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    rows = []
    for model in args.model or [None]:
        t = Transcriber(TranscriptionSettings(model_path=model))
        t.load()
        paths = {"batch": [], "live": []}
        for path, reference in clips():
            audio = load_audio(path)
            began = time.perf_counter()
            batch = t.transcribe(audio).text
            took = time.perf_counter() - began
            paths["batch"].append(score_clip(reference, batch))
            line = {"model": t.model_name, "clip": path.name, "batch_rtf": round(took / (len(audio) / TARGET_RATE), 3),
                    "batch": paths["batch"][-1].__dict__, "batch_text": batch}
            if not args.no_live:
                live = live_text(t, audio)
                paths["live"].append(score_clip(reference, live))
                line.update(live=paths["live"][-1].__dict__, live_text=live)
            if not args.json:
                print(json.dumps(line))
        row = {"model": t.model_name, "load_s": round(t.load_seconds or 0, 2), "batch": summarise(paths["batch"])}
        if paths["live"]:
            row["live"] = summarise(paths["live"])
        rows.append(row)
        print(json.dumps(row))


if __name__ == "__main__":
    main()
