"""Are pauses where the speech stops? Silences of known length inserted into espeak-ng speech, through the live path.

    .venv/bin/python bench/pause_timing.py [--pauses 1,2,3,4,5] [--lead 1.0] [--step 1.0] [--batch] [--json]

walk37 (finding 1): a 4 s pause mid-answer came out as 0 pauses, the word after it stretched over the silence; a
3 s one as 1.5 s; every answer's first word started at 0.00. This renders one sentence per pause (espeak-ng),
puts `--lead` seconds of silence before the first and each pause after a sentence, feeds it to `LiveTranscriber`
`--step` seconds at a time, each step covered by a live pass before the next (commits fall where they fall on a
machine whose passes keep up, under any load), and prints per pause: the true silence (the last sentence's sound
ending to the next one's starting, measured in the audio), the gap the saved words show there, and how far the first
word after it starts from the true onset; and the first word's start against the speech onset. `--batch` adds the
same audio through `Transcriber.transcribe` (one file's windows).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from voiceprep.core.transcript import Transcript, Word  # noqa: E402
from voiceprep.speech.audio import TARGET_RATE, load_audio  # noqa: E402

SENTENCES = [
    "Latency was spiking under load during the busiest trading hours of the day.",
    "So I proposed the LMAX Disruptor, a ring buffer between the matching threads.",
    "And the embedded finance side is where I want to grow next.",
    "We measured the ninety ninth percentile before and after every change.",
    "Then I wrote a short design note and walked the team through it.",
    "In the end the spikes were gone and the on call pages dropped by half.",
]
ONSET_LEVEL = 0.02           # a 10 ms frame this loud (RMS) is sound: speech onsets and ends are measured at it


def espeak(text: str, out: Path, rate: int = 165) -> np.ndarray:
    subprocess.run(["espeak-ng", "-s", str(rate), "-w", str(out), text], check=True, capture_output=True)
    return load_audio(out)


def sound_span(audio: np.ndarray) -> tuple[float, float]:
    """First and last 10 ms frame of `audio` at least ONSET_LEVEL loud, in seconds."""
    frame = TARGET_RATE // 100
    n = len(audio) // frame
    levels = np.sqrt(np.mean(audio[:n * frame].reshape(n, frame) ** 2, axis=1))
    loud = np.flatnonzero(levels >= ONSET_LEVEL)
    return float(loud[0] * frame / TARGET_RATE), float((loud[-1] + 1) * frame / TARGET_RATE)


def build(pauses: list[float], lead_s: float, folder: Path) -> tuple[np.ndarray, list[tuple[float, float]]]:
    """The answer's audio and each sentence's sound span (absolute seconds)."""
    parts, spans, at = [np.zeros(int(lead_s * TARGET_RATE), dtype=np.float32)], [], lead_s
    for i, text in enumerate(SENTENCES[:len(pauses) + 1]):
        clip = espeak(text, folder / f"s{i}.wav")
        a, b = sound_span(clip)
        spans.append((at + a, at + b))
        parts.append(clip)
        at += len(clip) / TARGET_RATE
        if i < len(pauses):
            parts.append(np.zeros(int(pauses[i] * TARGET_RATE), dtype=np.float32))
            at += pauses[i]
    return np.concatenate(parts), spans


def measure(words: list[Word], spans: list[tuple[float, float]]) -> dict:
    """Per inserted pause: the true silence, the gap the words show, the next word's start error."""
    rows = []
    for (_, end), (onset, _) in zip(spans, spans[1:]):
        after = next((k for k, w in enumerate(words) if w.end > onset + 0.05), None)
        if after is None or after == 0:
            rows.append({"true_s": round(onset - end, 2), "gap_s": None, "onset_error_s": None})
            continue
        a, b = words[after - 1], words[after]
        rows.append({"true_s": round(onset - end, 2), "gap_s": round(b.start - a.end, 2),
                     "onset_error_s": round(b.start - onset, 2), "words": f"{a.word.strip()} | {b.word.strip()}",
                     "next_word": [b.start, b.end]})
    first = words[0] if words else None
    return {"pauses": rows, "first_word": first.word.strip() if first else None,
            "first_start_error_s": round(first.start - spans[0][0], 2) if first else None,
            "first_word_s": round(first.end - first.start, 2) if first else None,
            "max_word_s": round(max((w.end - w.start for w in words), default=0.0), 2)}


def live(t, audio: np.ndarray, step_s: float) -> Transcript:
    from voiceprep.speech.live import LiveTranscriber

    lt = LiveTranscriber(t)
    lt.start()
    step = int(step_s * TARGET_RATE)
    for end in range(step, len(audio) + step, step):
        lt.feed(audio[end - step:end])
        deadline = time.time() + 60
        while end < len(audio) and (lt._last is None or lt._last.end < end) and time.time() < deadline \
                and not lt._silent_since(lt._last.end if lt._last else lt.stream.commit_at, lt.stream.total):
            time.sleep(0.02)
    lt.feed(np.zeros(TARGET_RATE * 3, dtype=np.float32))       # the silence that stops it by itself
    return lt.finish()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pauses", default="1,2,3,4,5")
    ap.add_argument("--lead", type=float, default=1.0)
    ap.add_argument("--step", type=float, default=1.0)
    ap.add_argument("--batch", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    from voiceprep.speech.transcriber import Transcriber

    pauses = [float(p) for p in args.pauses.split(",")]
    t = Transcriber()
    t.load()
    with tempfile.TemporaryDirectory() as tmp:
        audio, spans = build(pauses, args.lead, Path(tmp))
    runs = {"live": live(t, audio, args.step)}
    if args.batch:
        runs["batch"] = t.transcribe(audio)
    out = {name: measure(tr.words(), spans) for name, tr in runs.items()}
    if args.json:
        print(json.dumps(out))
        return
    for name, m in out.items():
        print(f"{name}: first word {m['first_word']!r} starts {m['first_start_error_s']:+.2f} s from the onset, "
              f"lasts {m['first_word_s']:.2f} s; longest word {m['max_word_s']:.2f} s")
        for r in m["pauses"]:
            print(f"  pause {r['true_s']:.2f} s: words show {r['gap_s']} s, next word starts "
                  f"{r['onset_error_s']} s from its onset ({r.get('words')}, {r.get('next_word')})")


if __name__ == "__main__":
    main()
