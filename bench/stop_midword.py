"""Space pressed on the last word: how much of the answer's end the final pass keeps, by where the stop falls.

    .venv/bin/python bench/stop_midword.py [--per-clip 5] [--tail 0.4[,0.7]] [--skip-stop] [--json]
    .venv/bin/python bench/stop_midword.py --per-clip 5 --reach [--quiet 0,0.2,0.3] [--gains 1,0.3,0.1]   # no decoding
    .venv/bin/python bench/stop_midword.py --per-clip 5 --tail 0.4 --gain 0.1 [--quiet-s 0]   # quiet last syllables

Real speech (../shared/speech and ../shared/speech-spontaneous, human references there). The full clip is
transcribed once for word times; the words it got right (matched to the reference) with at least 0.25 s of sound
are the targets, a few per clip spread over it. For each target the candidate's answer is made to END on it: the
audio from a pause up to 8 s earlier through the word's end (+0.1 s: Whisper's word ends are early), then a quiet
microphone (noise at RMS 0.002). The stop falls at 30 % and 60 % into the word, at its end, or 0.5 s after it
(the control). The app's path then runs as it does at a stop: one caption pass 0.3 s before the stop
(`LiveTranscriber`'s pass, whose words `finish()` keeps up to its last 1.5 s), the rest fed, `finish()`.

Scored: errors on the last 3 reference words (substitutions and deletions of them, insertions after the first
of them) per 3 words, i.e. the word error rate of the answer's end; "last word kept" (the target word is in
the hypothesis at its aligned place); and the targets whose last word this stop lost while the control kept it
(the loss the stop itself causes: the control's own misses are the model's).

With `--tail S[,S2]` each stop is also run as the release tail records it: the recording goes on in 100 ms
blocks after the stop until the voice has been quiet (RMS < silence_rms) for release_tail_quiet_s, at most S s
(`voiceprep.speech.recorder.release_tail_end`, the product's rule; `--quiet-s 0` is fixY's rule: the first quiet
block ends it, and none starts after a quiet block). `--gain G` speaks the second half of each last word G times as
loud: a quiet last syllable (fixAD). `--reach` skips decoding and counts only whether the recording reaches the
last word's end.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from voiceprep.core.analysis.text import tokenize_text
from voiceprep.settings import AudioSettings
from voiceprep.speech.audio import TARGET_RATE, load_audio
from voiceprep.speech.live import LiveTranscriber, _Pass
from voiceprep.speech.scoring import normalise_verbatim
from voiceprep.speech.transcriber import Transcriber

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
DIRS = [SHARED / "speech", SHARED / "speech-spontaneous"]
CUTS = (("30%", 0.3), ("60%", 0.6), ("end", 1.0), ("after", None))
TAIL_WORDS = 3
CAPTION_BEFORE_S = 0.3
CONTEXT_S = 8.0
END_SEARCH_S = 0.3
QUIET_S = 1.5
QUIET_RMS = 0.002


def norm_words(text: str) -> list[str]:
    return [t.norm for t in tokenize_text(normalise_verbatim(text))]


def align(ref: list[str], hyp: list[str]) -> list[tuple[int | None, int | None]]:
    """Levenshtein alignment as (ref index | None, hyp index | None) pairs."""
    n, m = len(ref), len(hyp)
    d = np.zeros((n + 1, m + 1), dtype=int)
    d[:, 0], d[0, :] = np.arange(n + 1), np.arange(m + 1)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            d[i, j] = min(d[i - 1, j] + 1, d[i, j - 1] + 1, d[i - 1, j - 1] + (ref[i - 1] != hyp[j - 1]))
    pairs: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while i or j:
        if i and j and d[i, j] == d[i - 1, j - 1] + (ref[i - 1] != hyp[j - 1]):
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif i and d[i, j] == d[i - 1, j] + 1:
            pairs.append((i - 1, None))
            i -= 1
        else:
            pairs.append((None, j - 1))
            j -= 1
    return pairs[::-1]


def tail_errors(ref: list[str], hyp: list[str], k: int = TAIL_WORDS) -> tuple[int, bool]:
    """Errors on the last k reference words (and insertions after the first of them); was the last word kept."""
    first = len(ref) - k
    errors, seen, kept = 0, False, False
    for r, h in align(ref, hyp):
        if r is not None and r >= first:
            seen = True
            errors += h is None or ref[r] != hyp[h]
            if r == len(ref) - 1:
                kept = h is not None and ref[r] == hyp[h]
        elif r is None and seen:
            errors += 1
    return errors, kept


def release_end(audio: np.ndarray, stop: int, tail_s: float, silence_rms: float, quiet_s: float | None = None) -> int:
    from voiceprep.speech.recorder import release_tail_end

    quiet = AudioSettings().release_tail_quiet_s if quiet_s is None else quiet_s
    return release_tail_end(audio, stop, tail_s, silence_rms, quiet)


def quiet_ending(tg: Target, gain: float) -> Target:
    """The same answer with the second half of its last word spoken `gain` times as loud (a quiet last syllable)."""
    audio = tg.audio.copy()
    a = int((tg.word_start + tg.word_end) / 2 * TARGET_RATE)
    audio[a:int(tg.word_end * TARGET_RATE)] *= gain
    return Target(tg.clip, tg.ref, audio, tg.word_start, tg.word_end)


def reach(all_targets: list[Target], tail_s: float, quiet: list[float], gains: list[float], silence_rms: float) -> None:
    """Without decoding: does the recording reach the last word's end (its cut, `word_end`) when Space falls 30 % or
    60 % into the word or at its end, and how long does a stop 0.5 s after it (the candidate silent) record on?"""
    print(f"{len(all_targets)} targets; release tail {tail_s:g} s; word reached = the recording ends at or after "
          "the word's end")
    for gain in gains:
        answers = [quiet_ending(tg, gain) if gain != 1 else tg for tg in all_targets]
        for q in quiet:
            row = []
            for name, frac in CUTS:
                hits, extra = 0, []
                for tg in answers:
                    end = int(tg.word_end * TARGET_RATE)
                    stop_s = tg.word_end + 0.5 if frac is None else tg.word_start + frac * (tg.word_end - tg.word_start)
                    stop = int(stop_s * TARGET_RATE)
                    got = release_end(tg.audio, stop, tail_s, silence_rms, q)
                    hits += got >= end - int(0.01 * TARGET_RATE)
                    extra.append((got - stop) / TARGET_RATE)
                row.append(f"{name} {hits}/{len(answers)} (+{statistics.mean(extra):.2f} s, max {max(extra):.1f})"
                           if frac is not None else f"after: recorded on {statistics.mean(extra):.2f} s "
                           f"(max {max(extra):.1f})")
            print(f"last half x{gain:g}  quiet {q:g} s:  " + "  ".join(row))


@dataclass
class Target:
    clip: str
    ref: list[str]            # reference words from the window's first word through the target
    audio: np.ndarray         # the answer ending on the target, then quiet
    word_start: float         # the target's times in `audio`
    word_end: float


def targets(t: Transcriber, path: Path, reference: str, per_clip: int, rng: np.random.Generator) -> list[Target]:
    audio = load_audio(path)
    words = t.transcribe(audio).words()
    hyp = [norm_words(w.word) for w in words]
    flat, owner = [], []
    for i, parts in enumerate(hyp):
        flat += parts
        owner += [i] * len(parts)
    ref = norm_words(reference)
    matched = {r: owner[h] for r, h in align(ref, flat) if r is not None and h is not None and ref[r] == flat[h]
               and len(hyp[owner[h]]) == 1}
    usable = [r for r in sorted(matched) if r >= TAIL_WORDS and words[matched[r]].end - words[matched[r]].start >= 0.25]
    picks = [usable[int(i)] for i in np.linspace(0, len(usable) - 1, min(per_clip, len(usable)))] if usable else []
    out = []
    for r in picks:
        w = words[matched[r]]
        # the window starts in the gap before the earliest matched word within CONTEXT_S
        first = min((q for q in matched if q <= r - TAIL_WORDS and w.end - words[matched[q]].start <= CONTEXT_S),
                    default=r - TAIL_WORDS if r - TAIL_WORDS in matched else None)
        if first is None:
            continue
        k, j = matched[first], matched[r]
        start = 0.0 if k == 0 else (words[k - 1].end + words[k].start) / 2
        a, b = int(start * TARGET_RATE), speech_end(audio, w.end, words[j + 1] if j + 1 < len(words) else None)
        quiet = rng.normal(0, QUIET_RMS, int(QUIET_S * TARGET_RATE)).astype(np.float32)
        out.append(Target(path.name, ref[first:r + 1], np.concatenate([audio[a:b], quiet]), w.start - start,
                          b / TARGET_RATE - start))
    return out


def speech_end(audio: np.ndarray, end_s: float, following) -> int:
    """Where the answer ending on a word is cut: the quietest 10 ms frame from 50 ms before Whisper's end of the word
    to END_SEARCH_S after it (its ends are early), short of the middle of the next word."""
    limit = end_s + END_SEARCH_S if following is None else min(end_s + END_SEARCH_S, (following.start + following.end) / 2)
    frame = int(0.01 * TARGET_RATE)
    a, b = int((end_s - 0.05) * TARGET_RATE), min(len(audio), int(limit * TARGET_RATE))
    if b - a < frame:
        return min(len(audio), int(end_s * TARGET_RATE))
    levels = [float(np.sqrt(np.mean(audio[i:i + frame] ** 2))) for i in range(a, b - frame + 1, frame)]
    return a + frame * int(np.argmin(levels)) + frame // 2


def final_pass(t: Transcriber, audio: np.ndarray, stop_s: float, silence_rms: float) -> tuple[str, float]:
    """The app at a stop: a caption pass CAPTION_BEFORE_S earlier, the rest fed, `finish()`."""
    live = LiveTranscriber(t, silence_rms=silence_rms)
    stop = int(stop_s * TARGET_RATE)
    caption = max(int(0.5 * TARGET_RATE), stop - int(CAPTION_BEFORE_S * TARGET_RATE))
    live.feed(audio[:caption])
    words = live.stream.decode(0, caption)
    live._last = _Pass(live.stream.commit_at, caption, words)
    live.feed(audio[caption:stop])
    began = time.perf_counter()
    text = live.finish().text
    return text, time.perf_counter() - began


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-clip", type=int, default=4)
    ap.add_argument("--tail", default="", help="also run each stop with release tails this long (0.4 or 0.2,0.7)")
    ap.add_argument("--skip-stop", action="store_true", help="only the tails (the plain stops were run before)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--reach", action="store_true", help="no decoding: whether the recording reaches the last word's "
                    "end, by where the stop falls, for --quiet values and --gains (a quiet last syllable)")
    ap.add_argument("--quiet", default="0,0.3", help="with --reach: release_tail_quiet_s values (0 = fixY's rule)")
    ap.add_argument("--gains", default="1,0.3,0.1", help="with --reach: the last word's second half times this")
    ap.add_argument("--quiet-s", type=float, help="release_tail_quiet_s for the decoded tails (default: the setting)")
    ap.add_argument("--gain", type=float, default=1.0, help="decoded runs: the last word's second half times this")
    args = ap.parse_args()
    silence_rms = AudioSettings().silence_rms
    t = Transcriber()
    rng = np.random.default_rng(7)
    all_targets: list[Target] = []
    for d in DIRS:
        with open(d / "references.tsv", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                all_targets += targets(t, d / row["file"], row["reference"], args.per_clip, rng)
    if args.reach:
        reach(all_targets, float(args.tail or AudioSettings().release_tail_s), [float(q) for q in args.quiet.split(",")],
              [float(g) for g in args.gains.split(",")], silence_rms)
        return
    if args.gain != 1:
        all_targets = [quiet_ending(tg, args.gain) for tg in all_targets]
    tails = [float(x) for x in args.tail.split(",") if x]
    modes = ([] if args.skip_stop else ["stop"]) + [f"tail{x:g}" for x in tails]
    results: dict[tuple[str, str], list[tuple[int, bool]]] = {}     # per target, in order
    rows = []
    done: dict[tuple[int, int], tuple[str, float]] = {}
    for tg in all_targets:
        for name, frac in CUTS:
            stop_s = tg.word_end + 0.5 if frac is None else tg.word_start + frac * (tg.word_end - tg.word_start)
            for mode in modes:
                s = stop_s
                if mode.startswith("tail"):
                    s = release_end(tg.audio, int(stop_s * TARGET_RATE), float(mode[4:]), silence_rms,
                                    args.quiet_s) / TARGET_RATE
                key = (id(tg), int(s * TARGET_RATE))        # a stop the tail does not move: the same decode
                if key not in done:
                    done[key] = final_pass(t, tg.audio, s, silence_rms)
                text, seconds = done[key]
                errors, kept = tail_errors(tg.ref, norm_words(text))
                results.setdefault((name, mode), []).append((errors, kept))
                rows.append({"clip": tg.clip, "word": tg.ref[-1], "cut": name, "mode": mode, "stop_s": round(s, 2),
                             "errors": errors, "kept": kept, "final_s": round(seconds, 2),
                             "hyp_end": " ".join(text.split()[-5:])})
                if not args.json:
                    print(f"{tg.clip[:18]:18} {tg.ref[-1]:>14} {name:>5} {mode:7} stop {s:5.2f}s  err {errors}  "
                          f"{'kept' if kept else 'LOST'}  ...{' '.join(text.split()[-5:])}", flush=True)
    # the control: the same answer stopped 0.5 s after its last word (a stop in silence: no tail either way)
    summary = {f"{name}/{mode}": {"n": len(v), "tail_wer": round(sum(e for e, _ in v) / (TAIL_WORDS * len(v)), 3),
                                  "last_word_kept": round(statistics.mean(k for _, k in v), 3),
                                  "lost_where_after_kept": sum(not k and after[1] for (_, k), after
                                                               in zip(v, results[("after", mode)]))}
               for (name, mode), v in results.items()}
    if args.json:
        print(json.dumps({"targets": len(all_targets), "tails": tails, "summary": summary, "rows": rows}))
    else:
        print(f"\n{len(all_targets)} targets; tail WER = errors on the last {TAIL_WORDS} words / {TAIL_WORDS}")
        for label, v in summary.items():
            print(f"{label:14} n={v['n']:3}  tail WER {v['tail_wer']:.3f}  last word kept {v['last_word_kept']:.0%}  "
                  f"lost where the stop after it kept it: {v['lost_where_after_kept']}")


if __name__ == "__main__":
    main()
