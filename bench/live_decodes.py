"""What the live path decodes, and what it decodes twice: audio seconds and process CPU seconds per kind of decode.

    .venv/bin/python bench/live_decodes.py --seconds 120 --step 1 [--step 3] [--json]

The shared human clips (../shared/speech and speech-spontaneous, as bench/live_latency.py `--voice human`) cycled
to `--seconds`, fed to `LiveTranscriber` pass by pass (every pass ends exactly at a step of `--step` seconds, as on
a machine whose passes keep up with that step; a longer step stands for a loaded machine's slower passes), then
`finish()`. Every call into the decoder is counted by kind:
- `pass`: a caption pass's first decode of its window `[commit_at, end]` (what is not yet committed);
- `tail`: `_decode_all` decoding again from where a decode stopped short of the window's speech;
- `retry`: a window decoded again without the hotwords / without any prompt (it jumped over speech);
- `final`: anything decoded inside `finish()` (the last window after the Stop);
- `(generate)`: of all these, the decoder's text generation (beam search) alone, its calls including the second
  one it makes without the earlier text when a window's text loops (the rest is encoding and aligning).
With `--terms`, the Airwallex bank's terms for its first prompt are the hotwords, as Practice passes them.
CPU seconds are `time.process_time()` (all threads of the process: CTranslate2's too), so the figures hold on a
loaded machine where wall time does not. Reported per second of answer, with the live WER (verbatim-normalised
reference, as live_latency), the load average, and `caption_behind_s_p50_p95`: how far each caption pass's last
word ends before the audio it covers (what the caption shows lags the speech by this, besides the pass's wall time).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench.live_latency import human_answer  # noqa: E402
from voiceprep.core.analysis.text import wer  # noqa: E402
from voiceprep.speech.audio import TARGET_RATE  # noqa: E402
from voiceprep.speech.live import LiveTranscriber  # noqa: E402
from voiceprep.speech.transcriber import Transcriber  # noqa: E402


def feed_pass_by_pass(live: LiveTranscriber, audio, step_s: float) -> None:
    """Feed `step_s` at a time and wait until a live pass covers it (a silent step gets no pass)."""
    step = int(step_s * TARGET_RATE)
    for end in range(step, len(audio) + step, step):
        live.feed(audio[end - step:end])
        if end < len(audio) and not live._silent_since(end - step, end):
            deadline = time.time() + 120
            while (live._last is None or live._last.end < end) and time.time() < deadline:
                time.sleep(0.01)


def counted(live: LiveTranscriber) -> dict:
    """Wrap the live stream's decodes so each is tallied by kind: {kind: [calls, audio s, CPU s]}."""
    stream = live.stream
    tally: dict = defaultdict(lambda: [0, 0.0, 0.0])
    state = {"final": False, "in_decode": 0, "in_all": 0}
    behind: list[float] = []
    tally["(behind)"] = behind          # kept apart from the counts below
    decode, decode_all, decode_once = stream.decode, stream._decode_all, stream._decode_once

    def wrapped_decode(start, end, *a, **k):
        state["in_decode"] = 0
        words = decode(start, end, *a, **k)
        if not state["final"]:      # how far a caption's words end before the audio it covers (its content's lag)
            behind.append(end / TARGET_RATE - (words[-1].end if words else start / TARGET_RATE))
        return words

    def wrapped_all(*a, **k):
        state["in_decode"] += 1
        state["in_all"] = 0
        return decode_all(*a, **k)

    def wrapped_once(start, end, *a, **k):
        state["in_all"] += 1
        kind = ("final" if state["final"] else "retry" if state["in_decode"] > 1
                else "tail" if state["in_all"] > 1 else "pass")
        cpu = time.process_time()
        try:
            return decode_once(start, end, *a, **k)
        finally:
            row = tally[kind]
            row[0] += 1
            row[1] += (end - start) / TARGET_RATE
            row[2] += time.process_time() - cpu

    stream.decode, stream._decode_all, stream._decode_once = wrapped_decode, wrapped_all, wrapped_once
    finish = live.finish

    def wrapped_finish(*a, **k):
        state["final"] = True
        return finish(*a, **k)

    live.finish = wrapped_finish
    generate = stream.decoder._generate

    def wrapped_generate(*a, **k):      # the decoder's own second generate for a loop is counted here too
        cpu = time.process_time()
        try:
            return generate(*a, **k)
        finally:
            row = tally["(generate)"]
            row[0] += 1
            row[2] += time.process_time() - cpu

    stream.decoder._generate = wrapped_generate
    return tally


def q(values: list[float], at: float) -> float:
    values = sorted(values) or [0.0]
    return values[min(len(values) - 1, int(round(at * (len(values) - 1))))]


def run(t: Transcriber, audio, text: str, step_s: float, hotwords: list[str] | None) -> dict:
    live = LiveTranscriber(t, hotwords=hotwords)
    tally = counted(live)
    behind = tally.pop("(behind)")
    live.start()
    cpu = time.process_time()
    feed_pass_by_pass(live, audio, step_s)
    final = live.finish()
    cpu = time.process_time() - cpu
    seconds = len(audio) / TARGET_RATE
    return {"step_s": step_s, "audio_s": round(seconds, 1), "passes": live.passes, "commits": len(live.stream.committed),
            "decoded": {k: {"calls": n, "audio_s": round(a, 1), "cpu_s": round(c, 2)}
                        for k, (n, a, c) in tally.items()},
            "audio_decoded_per_audio_s": round(sum(v[1] for k, v in tally.items() if k[0] != "(") / seconds, 2),
            "cpu_s_per_audio_s": round(cpu / seconds, 3),
            "decode_cpu_s_per_audio_s": round(sum(v[2] for k, v in tally.items() if k[0] != "(") / seconds, 3),
            "caption_behind_s_p50_p95": [round(q(behind, 0.5), 2), round(q(behind, 0.95), 2)],
            "wer_live": round(wer(text, final.text), 3), "load_avg_1min": round(os.getloadavg()[0], 1)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=120)
    ap.add_argument("--step", type=float, action="append", help="pass step in seconds (repeatable; default 1)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--terms", action="store_true", help="the Airwallex bank's terms for its first prompt as hotwords")
    args = ap.parse_args()
    audio, text = human_answer(args.seconds)
    t = Transcriber()
    t.load()
    hotwords = None
    if args.terms:
        from voiceprep.core.banks import load_bank

        bank = load_bank(REPO / "question_banks/airwallex.toml")
        hotwords = bank.terms(bank.rounds[0].prompts[0], t.settings)
    for step in args.step or [1.0]:
        row = run(t, audio, text, step, hotwords)
        row["terms"] = bool(hotwords)
        print(json.dumps(row) if args.json else row, flush=True)


if __name__ == "__main__":
    main()
