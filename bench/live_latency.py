"""Live transcription latency: a spoken answer fed to the live path in real time, stopped at several moments.

    .venv/bin/python bench/live_latency.py --seconds 120 --json [--stops 8] [--voice espeak|human]

Prints one JSON line:
- final_after_stop_p95_s / _max_s: wall time from a manual Stop to the complete transcript. One stop is right
  after the last word of the whole answer (the full run); the others fall at random moments (mid-word too): for
  each, the `WARM_S` seconds before the stop are fed in real time after the earlier audio was fed fast, so the
  live state at the stop (window length, pass in flight) is the one a real-time answer has there.
- caption_lag_p95_s / _max_s: for each live caption of the full run, wall time from the newest audio it covers
  arriving to the caption being ready.
- wer_live (the full run's final transcript) and wer_batch (the same audio through `Transcriber.transcribe`).
- rss_peak_mb: this process's peak RSS during the live run (the speech path alone: model, audio, passes).
- window_s_mean / _max: seconds of audio a live pass decoded (the uncommitted window); commits: segments
  committed by the end of the full run.
- with `--stages`, `stages_cpu_s` / `stages_wall_s`: what the app does after a Stop besides the transcript, on the
  full run's answer (written as a WAV): `vad` (listening.require_answer, "was anything said"), `judge_cold` and
  `judge_warm` (app.judging.run_judge against Airwallex's first question, the model loaded before and the
  question's texts prepared, as Practice does; then once more), and `live_pass_cpu_per_audio_s`: the live
  passes' CPU seconds per second of answer (over the process's share of the cores, the live path falls behind
  and the Stop waits for the backlog).
- *_cpu_*: process CPU seconds (a pass's cost without the wait for a busy CPU), and the load average: on a
  shared machine wall times grow with the load, CPU times much less.

The answer is espeak-ng speech of bank material (bench/answers.py), or with `--voice human` the shared human
clips (../shared/speech and ../shared/speech-spontaneous) cycled to the length.

With `--pre-embed` (perf45) every live run has the app's pre-embedding attached (`app.preembed.PreEmbedder`, the
judge's model loaded and the question prepared first, as in the app): compare the caption lag with a run without it.
The row then adds `pre_embed_texts` (texts it gave the model in the full run), `pre_embed_cpu_s` (its thread's CPU)
and `pre_embed_hit` (the share of the full run's final transcript's judge texts embedded once it is stopped).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench.answers import answer_text, render  # noqa: E402
from bench.speech_bench import BLOCK, PeakRSS, feed_realtime  # noqa: E402
from voiceprep.core.analysis.text import wer  # noqa: E402
from voiceprep.speech.audio import TARGET_RATE, load_audio  # noqa: E402
from voiceprep.speech.live import LiveTranscriber  # noqa: E402
from voiceprep.speech.scoring import normalise_verbatim  # noqa: E402
from voiceprep.speech.transcriber import Transcriber  # noqa: E402

WARM_S = 12.0                  # real-time audio before each extra stop (longer than a live window)
CPU_AT_STOP: list[float] = []  # process CPU seconds from each Stop to its transcript (any pass still running too)
PRE_EMBED = False              # --pre-embed: each live run embeds the answer's sentences as it goes (app/preembed.py)


def pre_embedder():
    """A live run's pre-embedder (None without --pre-embed) and the `on_words` to give the live transcriber."""
    if not PRE_EMBED:
        return None, None
    from voiceprep.app.preembed import PreEmbedder

    pre = PreEmbedder()
    return pre, pre.offer


def human_answer(seconds: float) -> tuple[np.ndarray, str]:
    shared = REPO.parent / "shared"
    clips = []
    for folder in ("speech", "speech-spontaneous"):
        with open(shared / folder / "references.tsv", newline="") as f:
            clips += [(shared / folder / r["file"], normalise_verbatim(r["reference"]))
                      for r in csv.DictReader(f, delimiter="\t")]
    gap = np.zeros(TARGET_RATE // 2, dtype=np.float32)
    audio, text, i = [], [], 0
    while sum(len(a) for a in audio) < seconds * TARGET_RATE:
        path, ref = clips[i % len(clips)]
        audio += [load_audio(path), gap]
        text.append(ref)
        i += 1
    return np.concatenate(audio), " ".join(text)


def stop_after(t: Transcriber, audio: np.ndarray, stop_s: float) -> float:
    """Seconds from a Stop at `stop_s` to the final transcript, with real-time audio before it."""
    pre, on_words = pre_embedder()
    live = LiveTranscriber(t, on_words=on_words)
    live.start()
    warm_from = int(max(0.0, stop_s - WARM_S) * TARGET_RATE)
    fast_from = int(max(0.0, stop_s - WARM_S - 20.0) * TARGET_RATE)   # context for the prompt, fed fast
    for i in range(fast_from, warm_from, BLOCK):
        live.feed(audio[i:min(i + BLOCK, warm_from)])
    deadline = time.perf_counter() + 60
    while warm_from > fast_from and (live._last is None or live._last.end < warm_from - fast_from - TARGET_RATE) \
            and time.perf_counter() < deadline:
        time.sleep(0.05)                                                 # let a pass cover it before real time
    feed_realtime(live, audio[warm_from:int(stop_s * TARGET_RATE)])
    stopped, cpu = time.perf_counter(), time.process_time()
    live.finish()
    if pre is not None:
        pre.stop()
    CPU_AT_STOP.append(time.process_time() - cpu)
    return time.perf_counter() - stopped


def stages(audio: np.ndarray, final, out: Path, duration: float, live: LiveTranscriber) -> dict:
    """CPU and wall seconds of what follows the transcript after a Stop (see the module's docstring)."""
    import soundfile as sf

    from voiceprep.app.judging import prepare_judge, run_judge
    from voiceprep.app.listening import require_answer
    from voiceprep.core.analysis import embedder as model
    from voiceprep.core.banks import load_bank
    from voiceprep.settings import Settings

    settings = Settings()
    wav = out / f"stages-{int(duration)}s.wav"
    sf.write(str(wav), audio, TARGET_RATE)
    bank = load_bank(Path(__file__).resolve().parents[1] / "question_banks/airwallex.toml")
    prompt = bank.rounds[0].prompts[0]
    model.get_embedder()
    prepare_judge(prompt, settings.analysis, bank)           # as the app: with the bank's other questions
    cpu: dict[str, float] = {}
    wall: dict[str, float] = {}
    for name, step in (("vad", lambda: require_answer(final, wav, settings.audio.silence_rms,
                                                      settings.history.min_answer_speech_s, stopped="manual")),
                       ("judge_cold", lambda: run_judge(bank, prompt, final, settings.analysis)),
                       ("judge_warm", lambda: run_judge(bank, prompt, final, settings.analysis))):
        began, c0 = time.perf_counter(), time.process_time()
        step()
        cpu[name], wall[name] = round(time.process_time() - c0, 3), round(time.perf_counter() - began, 3)
    return {"stages_cpu_s": cpu, "stages_wall_s": wall,
            "live_pass_cpu_per_audio_s": round(sum(live.pass_cpu) / max(duration, 1e-6), 3),
            "live_passes_s_of_audio_decoded": round(sum(w for w, _ in live.pass_log), 1)}


def p95(values: list[float]) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]


def main() -> None:
    import faulthandler
    import signal

    from voiceprep.app import memory

    memory.limit_arenas()       # as the desktop app does at start (voiceprep/gui/app.py)

    faulthandler.register(signal.SIGUSR1, all_threads=True)     # `kill -USR1 PID` prints every thread's stack
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=30)
    ap.add_argument("--stops", type=int, default=8, help="extra stops at random moments (besides the end)")
    ap.add_argument("--voice", choices=["espeak", "human"], default="espeak")
    ap.add_argument("--json", action="store_true", help="print only the JSON line")
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--stages", action="store_true", help="also time the VAD check and the judge after the Stop")
    ap.add_argument("--pre-embed", action="store_true", help="embed the answer's sentences while it is spoken (perf45)")
    args = ap.parse_args()
    global PRE_EMBED
    PRE_EMBED = args.pre_embed
    if PRE_EMBED:                               # as the app: the judge's model loaded and the question prepared
        from voiceprep.app.judging import prepare_judge
        from voiceprep.core.analysis import embedder as model
        from voiceprep.core.banks import load_bank

        qbank = load_bank(REPO / "question_banks/airwallex.toml")
        model.get_embedder()
        prepare_judge(qbank.prompt("hardest-problem"), None, qbank)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.voice == "human":
        audio, text = human_answer(args.seconds)
    else:
        text = answer_text(args.seconds)
        wav = args.out / f"answer-{args.seconds}s.wav"
        if not wav.exists():
            render(text, wav)
        audio = load_audio(wav)
    t = Transcriber()
    t.load()
    rss = PeakRSS()
    rss.phase()

    pre, on_words = pre_embedder()
    live = LiveTranscriber(t, on_words=on_words)
    live.start()
    feed_realtime(live, audio)
    stopped, cpu = time.perf_counter(), time.process_time()
    final = live.finish()
    pre_row = {}
    if pre is not None:
        from voiceprep.app.preembed import answer_texts
        from voiceprep.core.analysis import embedder as model
        from voiceprep.settings import AnalysisSettings

        pre.stop()
        needed, e = answer_texts(final.words(), AnalysisSettings()), model.get_embedder()
        hit = f"{len(e.cached(needed)) if e else 0}/{len(needed)}"
        pre.join()
        pre_row = {"pre_embed_texts": len(pre.computed), "pre_embed_cpu_s": round(pre.cpu_s, 3), "pre_embed_hit": hit}
    stops = [time.perf_counter() - stopped]
    CPU_AT_STOP.append(time.process_time() - cpu)
    load = os.getloadavg()[0]
    rss_live = rss.phase()
    lags = [c.lag_s for c in live.captions] or [0.0]
    duration = len(audio) / TARGET_RATE
    rng = random.Random(args.seed)
    for _ in range(args.stops):
        stops.append(stop_after(t, audio, rng.uniform(min(WARM_S, duration / 2), duration)))
    batch = t.transcribe(audio)
    row = {"seconds": args.seconds, "voice": args.voice, "audio_s": round(duration, 1),
           "final_after_stop_p95_s": round(p95(stops), 3), "final_after_stop_max_s": round(max(stops), 3),
           "final_after_stop_s": [round(s, 3) for s in stops],
           "caption_lag_p95_s": round(p95(lags), 3), "caption_lag_max_s": round(max(lags), 3),
           "caption_lag_mean_s": round(sum(lags) / len(lags), 3), "passes": live.passes,
           "pass_s_mean": round(sum(p for _, p in live.pass_log) / max(1, len(live.pass_log)), 3),
           "window_s_mean": round(sum(w for w, _ in live.pass_log) / max(1, len(live.pass_log)), 2),
           "window_s_max": round(max((w for w, _ in live.pass_log), default=0.0), 2),
           "commits": len(live.stream.committed),
           "final_after_stop_cpu_p95_s": round(p95(CPU_AT_STOP), 3),
           "pass_cpu_s_mean": round(sum(c for c in live.pass_cpu) / max(1, len(live.pass_cpu)), 3),
           "load_avg_1min": round(load, 1), "cores": os.cpu_count(),
           "wer_live": round(wer(text, final.text), 3), "wer_batch": round(wer(text, batch.text), 3),
           "rss_peak_mb": round(rss_live)}
    if pre is not None:
        row.update(pre_row)
    if args.stages:
        row.update(stages(audio, final, args.out, duration, live))
    if not args.json:
        print(f"{args.seconds} s answer ({args.voice}); final transcript: {final.text[:200]}...")
    print(json.dumps(row))


if __name__ == "__main__":
    main()
