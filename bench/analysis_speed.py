"""How long the analysis of one 2-minute answer takes, with the semantic judge's model loaded (goal: <= 150 ms).

Key points, evidence, scores, delivery and follow-ups, each run on fresh text (no cached sentence vectors).
Also prints the model's load time (done once, off the GUI thread) and the lexical-only time for comparison, the model's
share of each semantic run (`Embedder._run`, same clock) and the rest, and the model calls for one answer's texts
(chosen by length, `embedder.batches`, against 4 texts a call as before perf46).

    .venv/bin/python bench/analysis_speed.py [--cpu]     # --cpu: process CPU time (model threads included)
    .venv/bin/python bench/analysis_speed.py --spoken [--seconds 120] [--runs 20]

`--spoken` (perf45) also times judging a real spoken answer after Stop: an espeak-ng answer (bench/answers.py, rendered
into bench/out) fed in real time through the live path (`LiveTranscriber`, as bench/live_latency.py), with the app's
pre-embedding attached (`app.preembed.PreEmbedder`: the answer's units embedded while it is spoken). It prints the
share of the final transcript's texts the judge found embedded at the Stop (and what committed words alone would
have given), then, alternately, the judge on the final transcript cold (none of the answer's texts cached) and with
the texts the pre-embedder computed during the speech cached (`stop()` + the judge: the time from the transcript to
the analysis done), median and p95 in process CPU and wall time, and checks that both give the same analysis.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench.answers import answer_text  # noqa: E402
from voiceprep.core.analysis.analyze import analyze_answer  # noqa: E402
from voiceprep.core.analysis.embedder import batches, get_embedder, judge_status, warm_up  # noqa: E402
from voiceprep.core.banks import load_bank  # noqa: E402
from voiceprep.core.transcript import Segment, Transcript, Word  # noqa: E402
from voiceprep.settings import AnalysisSettings  # noqa: E402

if TYPE_CHECKING:
    from voiceprep.app.preembed import PreEmbedder


def timed_transcript(text: str, wpm: float = 150) -> Transcript:
    step = 60 / wpm
    words = [Word(i * step, i * step + step * 0.8, " " + w) for i, w in enumerate(text.split())]
    return Transcript(text, "en", len(words) * step, "bench", [Segment(0, len(words) * step, text, words)])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=None, help="model threads (default: settings.judge_threads)")
    ap.add_argument("--cpu", action="store_true", help="time the 30 runs in process CPU time, not wall time")
    ap.add_argument("--spoken", action="store_true", help="also: a spoken answer judged cold and pre-embedded (perf45)")
    ap.add_argument("--seconds", type=int, default=120, help="--spoken: the answer's length")
    ap.add_argument("--runs", type=int, default=20, help="--spoken: timed runs of each kind")
    ap.add_argument("--silence", type=float, default=1.0, help="--spoken: seconds of silence before the Stop")
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
    e = get_embedder()
    model_ms: list[float] = []
    if e is not None:                       # the model's own share of each run (perf46), in the same clock
        real = e._run

        def timed_run(texts, *a, **k):
            start = clock()
            try:
                return real(texts, *a, **k)
            finally:
                model_ms.append((clock() - start) * 1000)
        e._run = timed_run                  # type: ignore[method-assign]
    for name, settings in (("semantic", AnalysisSettings()), ("lexical only", AnalysisSettings(semantic_judge=False))):
        runs, models = [], []
        for i in range(30):
            # fresh sentences every run: the answer's sentence vectors are never served from the cache
            text = ". ".join(f"{s} (take {i})" for s in sentences)
            variant = timed_transcript(text)
            model_ms.clear()
            start = clock()
            analyze_answer(bank, prompt, variant, settings)
            runs.append((clock() - start) * 1000)
            models.append(sum(model_ms))
        rest = sorted(r - m for r, m in zip(runs, models))
        runs.sort()
        models.sort()
        what = f"{name:12} 30 runs{' (CPU)' if args.cpu else ''}"
        print(f"{what}: median {statistics.median(runs):.1f} ms, p95 {runs[int(0.95 * 29)]:.1f} ms, "
              f"max {runs[-1]:.1f} ms")
        if name == "semantic" and e is not None:
            print(f"{'':12} of which the model (Embedder._run): median {statistics.median(models):.1f} ms, p95 "
                  f"{models[int(0.95 * 29)]:.1f} ms; the rest: median {statistics.median(rest):.1f} ms, p95 "
                  f"{rest[int(0.95 * 29)]:.1f} ms")
    if e is not None:
        e._run = real                       # type: ignore[method-assign]
        calls(e, [f"{s} (take 999)" for s in sentences], bank, prompt)
    print(f"judge: {judge_status().to_dict()}, model threads {e.session.get_session_options().intra_op_num_threads if e else 0}"
          f", load {os.getloadavg()[0]:.1f}")
    if args.spoken:
        spoken(bank, args.seconds, args.runs, args.silence)


def calls(e, sentences: list[str], bank, prompt) -> None:
    """The model calls for one fresh answer's texts: how many, and the tokens padded (perf46: `embedder.batches`, chosen
    by length, against the 4 texts a call before it)."""
    asked: list[list[str]] = []
    real = e._run
    e._run = lambda texts, *a, **k: asked.append(list(texts)) or real(texts, *a, **k)   # type: ignore[method-assign]
    try:
        analyze_answer(bank, prompt, timed_transcript(". ".join(sentences)))
    finally:
        e._run = real                       # type: ignore[method-assign]
    for texts in asked:
        lengths = sorted(len(enc.ids) for enc in e.tokenizer.encode_batch(texts))
        for name, runs in (("by length", batches(lengths)),
                           ("4 a call", [(s, min(s + 4, len(lengths))) for s in range(0, len(lengths), 4)])):
            padded = sum((end - start) * lengths[end - 1] for start, end in runs)
            print(f"model calls for the answer's {len(texts)} texts ({sum(lengths)} tokens), {name}: {len(runs)} calls, "
                  f"{padded} tokens padded")


def _p95(values: list[float]) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]


def spoken(bank, seconds: int, runs: int, silence: float) -> None:
    """perf45: the live path on a spoken answer with the pre-embedder attached, then cold vs pre-embedded judging."""
    import numpy as np

    from bench.answers import render
    from bench.speech_bench import feed_realtime
    from voiceprep.app.judging import prepare_judge
    from voiceprep.app.preembed import PreEmbedder, answer_texts
    from voiceprep.speech.audio import load_audio
    from voiceprep.speech.live import LiveTranscriber
    from voiceprep.speech.transcriber import Transcriber

    settings = AnalysisSettings()
    prompt = bank.prompt("hardest-problem")
    wav = REPO / "bench" / "out" / f"answer-{seconds}s.wav"
    if not wav.exists():
        render(answer_text(seconds), wav)
    audio = load_audio(wav)
    audio = np.concatenate([audio, np.zeros(int(silence * 16000), dtype=np.float32)])   # a pause, then Stop
    e = get_embedder()
    assert e is not None
    e.forget()                              # nothing of the answer cached (the runs above cached bench sentences)
    prepare_judge(prompt, settings, bank)
    t = Transcriber()
    t.load()
    snapshots: list[tuple[list, list]] = []
    pre = PreEmbedder(settings)

    def on_words(committed, tentative):
        snapshots.append((list(committed), list(tentative)))
        pre.offer(committed, tentative)
    live = LiveTranscriber(t, on_words=on_words)
    live.start()
    load0 = os.getloadavg()[0]
    cpu0 = time.process_time()
    feed_realtime(live, audio)
    final = live.finish()
    live_cpu = time.process_time() - cpu0
    pre.stop()
    needed = answer_texts(final.words(), settings)
    at_stop = e.cached(needed)              # what the judge finds (a batch still in the model is not waited for)
    in_flight = not pre.join(0)
    pre.join()
    committed_only = set()
    for committed, _ in snapshots:
        committed_only.update(answer_texts(committed, settings, settled=False))
    with_tentative = set()
    for committed, tentative in snapshots:
        with_tentative.update(answer_texts([*committed, *tentative], settings, settled=False))
    computed = list(pre.computed)
    ours = set(computed) | set(needed) | committed_only | with_tentative
    print(f"spoken answer: {len(final.words())} words, {final.duration:.0f} s ({silence:.1f} s of silence before the "
          f"Stop, last pass reused: {live.final_reused}), {len(snapshots)} offers, "
          f"load {load0:.1f} -> {os.getloadavg()[0]:.1f}; live path CPU {live_cpu:.1f} s of which pre-embedding "
          f"{pre.cpu_s:.2f} s (its thread) for {len(computed)} texts; a batch in the model at the Stop: {in_flight}")
    print(f"texts the judge embeds for the final transcript: {len(needed)}; embedded at the Stop: {len(at_stop)} "
          f"({100 * len(at_stop) / max(1, len(needed)):.0f}%); committed words alone would give "
          f"{len(set(needed) & committed_only)}, every offer's words {len(set(needed) & with_tentative)}; "
          f"computed and not needed: {len(set(computed) - set(needed))}")
    print("missed:", json.dumps([x for x in needed if x not in set(at_stop)]))
    analyze_answer(bank, prompt, final, settings)        # whatever the labels need for this answer, cached as in use
    cold_and_pre_embedded(e, lambda: analyze_answer(bank, prompt, final, settings), sorted(ours),
                          computed,    # as during the speech
                          lambda: PreEmbedder(settings), runs, "Stop")


def cold_and_pre_embedded(e, judge: Callable[[], Any], ours: list[str], cached: list[str],
                          pre_embedder: Callable[[], PreEmbedder], runs: int, moment: str, more: str = "") -> bool:
    """The judge (`judge()`) timed `runs` times each, cold and pre-embedded, alternating (perf45 spoken, speed47
    typed): before each run the answer's texts (`ours`) are dropped from the model's cache, and for a pre-embedded
    run `cached` embedded again and a fresh pre-embedder (`pre_embedder()`) stopped inside the timing, as at the
    `moment` (Stop, Submit). Prints the texts the model runs on after it (the first pre-embedded run), then each
    kind's median and p95 in process CPU and wall time and those texts' count, and whether both gave the same analysis
    (then `more`, and the load); returns that."""
    run_texts: list[str] = []
    real = e._run
    e._run = lambda texts, *a, **k: run_texts.extend(texts) or real(texts, *a, **k)   # the model's calls counted
    times: dict[str, list[tuple[float, float]]] = {"cold": [], "pre-embedded": []}
    after: dict[str, int] = {}
    outputs: dict[str, str] = {}
    try:
        for i in range(runs):
            for kind in ("cold", "pre-embedded") if i % 2 == 0 else ("pre-embedded", "cold"):
                e.drop(ours)
                p = None
                if kind == "pre-embedded":
                    e.embed(cached)
                    p = pre_embedder()
                run_texts.clear()
                w0, c0 = time.perf_counter(), time.process_time()
                if p is not None:
                    p.stop()
                a = judge()
                times[kind].append(((time.process_time() - c0) * 1000, (time.perf_counter() - w0) * 1000))
                after[kind] = len(run_texts)
                if kind == "pre-embedded" and i == 0:
                    print(f"run through the model after {moment}:", json.dumps(run_texts))
                outputs.setdefault(kind, json.dumps(a.to_dict(), sort_keys=True, default=str))
    finally:
        e._run = real
    for kind, rows in times.items():
        cpu = sorted(c for c, _ in rows)
        wall = sorted(w for _, w in rows)
        print(f"{kind:12} {len(rows)} runs: CPU median {statistics.median(cpu):.1f} ms, p95 {_p95(cpu):.1f}; wall "
              f"median {statistics.median(wall):.1f} ms, p95 {_p95(wall):.1f}; texts run through the model "
              f"after {moment}: {after[kind]}")
    same = outputs["cold"] == outputs["pre-embedded"]
    print(f"same analysis cold and pre-embedded: {same}; {more}load {os.getloadavg()[0]:.1f}")
    return same


if __name__ == "__main__":
    main()
