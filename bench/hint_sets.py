"""Which bank words to give the transcriber as hints, judged through audio (hints48, session 38).

Each answer of a fixed subset of the tuning splits (dev, dev2 without the out-of-sample writers) is spoken by espeak-ng
once and transcribed by the app's transcriber with each hint set, the way the app asks (`bank.terms(prompt, settings)`):

    all    today's default: company, vocabulary, the prompt's key-point terms, then every other key point's
    names  the company and the bank's vocabulary only (`key_point_terms = false`)
    none   no hints (`use_bank_vocabulary = false`)

For each set: the judge's precision/recall/F1 and false ticks, WER, bank terms heard (the terms of `all` the answer text
says and the transcript keeps) and false term insertions (a term in the transcript more often than the text says it),
and the median decode time per answer. Transcripts are cached per set under bench/out/hint-sets/<set>/ (git-ignored);
the key holds the bank, the prompt, the text and the hints given, so sets never mix.

    nice -n 10 .venv/bin/python bench/hint_sets.py --dev 30 --dev2 30 [--sets all,names,none] [--show]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
from itertools import zip_longest
from pathlib import Path

import soundfile as sf

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench.judge_eval import CORPUS, load  # noqa: E402
from voiceprep.core.analysis.evaluation import Labeled, evaluate, judge_hits, stratified_subset  # noqa: E402
from voiceprep.core.analysis.text import tokenize_text, wer  # noqa: E402
from voiceprep.core.banks.model import Bank  # noqa: E402
from voiceprep.core.transcript import Transcript  # noqa: E402
from voiceprep.settings import TranscriptionSettings  # noqa: E402

OUT = REPO / "bench/out/hint-sets"
SETS = {
    "all": TranscriptionSettings(),
    "names": TranscriptionSettings(key_point_terms=False),
    "none": TranscriptionSettings(use_bank_vocabulary=False),
}


def hints(bank: Bank, item: Labeled, name: str) -> list[str] | None:
    settings = SETS[name]
    return bank.terms(bank.prompt(item.prompt), settings) if settings.use_bank_vocabulary else None


def norm(text: str) -> str:
    return " " + " ".join(t.norm for t in tokenize_text(text)) + " "


def term_counts(terms: list[str], reference: str, hypothesis: str) -> tuple[int, int, int, list[str]]:
    """(times the text says a term, times the transcript keeps it, insertions, the inserted terms)."""
    ref, hyp = norm(reference), norm(hypothesis)
    said = kept = inserted = 0
    extra: list[str] = []
    for term in terms:
        t = norm(term)
        if t.strip():
            r, h = ref.count(t), hyp.count(t)
            said, kept = said + r, kept + min(r, h)
            if h > r:
                inserted += h - r
                extra.append(term)
    return said, kept, inserted, extra


def cache_path(bank: Bank, item: Labeled, name: str) -> Path:
    given = hints(bank, item, name)
    key = hashlib.sha256(json.dumps([item.bank, item.prompt, item.text, given]).encode()).hexdigest()[:16]
    return OUT / name / f"{key}.json"


def transcribed(items: list[Labeled], banks: dict[str, Bank], names: list[str]) -> dict[str, dict[str, dict]]:
    """{set: {item id: {"transcript", "seconds", "audio_s"}}}, cached; the sets interleaved per answer so the
    machine's load falls on each alike."""
    speaker = transcriber = None
    out: dict[str, dict[str, dict]] = {n: {} for n in names}
    for k, item in enumerate(items):
        for name in names:
            given = hints(banks[item.bank], item, name)
            cached = cache_path(banks[item.bank], item, name)
            if not cached.exists():
                if transcriber is None:
                    from voiceprep.speech.transcriber import Transcriber
                    from voiceprep.speech.tts import Speaker
                    speaker, transcriber = Speaker(cache_dir=REPO / "bench/out/judge-tts"), Transcriber()
                    transcriber.transcribe(speaker.render("Warm up."))    # the model's load is not an answer's time
                audio = speaker.render(item.text)
                start = time.perf_counter()
                t = transcriber.transcribe(audio, hotwords=given)
                seconds = time.perf_counter() - start
                cached.parent.mkdir(parents=True, exist_ok=True)
                cached.write_text(json.dumps({"transcript": t.to_dict(), "seconds": seconds,
                                              "audio_s": sf.info(str(audio)).duration, "hints": given}))
            out[name][item.id] = json.loads(cached.read_text())
        print(f"  {k + 1}/{len(items)} {item.id}", file=sys.stderr, flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dev", type=int, default=30, help="dev's fixed stratified subset of about N answers")
    ap.add_argument("--dev2", type=int, default=30, help="dev2's (in-sample writers only) subset of about N")
    ap.add_argument("--sets", default="all,names,none")
    ap.add_argument("--show", action="store_true", help="each answer whose judge decisions differ between sets")
    ap.add_argument("--cached-only", action="store_true",
                    help="only the answers every set has in the cache already (a run cut short; say so)")
    args = ap.parse_args()
    names = args.sets.split(",")
    dev, banks = load("dev", CORPUS)
    dev2, _ = load("dev2", CORPUS)      # leaves the out-of-sample writers out and says so
    a, b = stratified_subset(dev, args.dev), stratified_subset(dev2, args.dev2)
    items = [i for pair in zip_longest(a, b) for i in pair if i is not None]    # taken in turn: a cut run has both
    if args.cached_only:
        items = [i for i in items if all(cache_path(banks[i.bank], i, n).exists() for n in names)]
    print(f"{len(items)} answers ({args.dev} dev, {args.dev2} dev2), {len({i.bank for i in items})} banks, "
          f"{sum(len(banks[i.bank].prompt(i.prompt).key_points) for i in items)} key-point decisions")
    got = transcribed(items, banks, names)
    by_id = {i.id: i for i in items}
    for name in names:
        to_t = {i.id: Transcript.from_dict(got[name][i.id]["transcript"]) for i in items}
        s = evaluate(items, banks, lambda item, to_t=to_t: to_t[item.id], judge_hits)
        said = kept = inserted = 0
        extras: list[str] = []
        for i in items:
            bank = banks[i.bank]
            a, b, c, e = term_counts(bank.terms(bank.prompt(i.prompt)), i.text, to_t[i.id].text)
            said, kept, inserted = said + a, kept + b, inserted + c
            extras += [f"{i.id}:{x}" for x in e]
        secs = [got[name][i.id]["seconds"] for i in items]
        rtf = [got[name][i.id]["seconds"] / got[name][i.id]["audio_s"] for i in items]
        w = statistics.mean(wer(i.text, to_t[i.id].text) for i in items)
        print(f"{name:5} judge {s.row()}  false ticks {s.fp}")
        print(f"      WER {w:.3f}  terms heard {kept}/{said}  false term insertions {inserted}  "
              f"decode median {statistics.median(secs):.2f} s/answer (RTF {statistics.median(rtf):.3f})")
        print(f"      inserted: {', '.join(extras) or 'none'}")
    if args.show:
        for i in items:
            rows = {}
            for name in names:
                t = Transcript.from_dict(got[name][i.id]["transcript"])
                s = evaluate([by_id[i.id]], banks, lambda _item, t=t: t, judge_hits)
                rows[name] = (s.tp, s.fp, s.fn, "; ".join(s.errors))
            if len({r[:3] for r in rows.values()}) > 1:
                print(f"\n{i.id}")
                for name, r in rows.items():
                    print(f"  {name:5} tp {r[0]} fp {r[1]} fn {r[2]}  {r[3]}")


if __name__ == "__main__":
    main()
