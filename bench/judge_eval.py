"""The answer judge on the labelled corpus: precision, recall, F1 and coverage error, as text and through audio.

    .venv/bin/python bench/judge_eval.py --split dev [--errors] [--audio] [--methods judge,matcher,baseline]
    .venv/bin/python bench/judge_eval.py --split test [--audio]      # one summary line per method, no items
    .venv/bin/python bench/judge_eval.py --split holdout [--audio]   # the second held-out set, the same way
    .venv/bin/python bench/judge_eval.py --split regression          # the old 63 answers
    .venv/bin/python bench/judge_eval.py --split dev --half A --errors   # one half of dev, by prompt (see dev_half)
    .venv/bin/python bench/judge_eval.py --split dev2 [--half A] [--errors]   # the second tuning set (session 15)
    .venv/bin/python bench/judge_eval.py --split dev2 --writers cd   # only writers C and D's answers (session 17)
    # dev2 without --writers leaves out the out-of-sample writers (out_of_sample.txt in the corpus folder) and says
    # so; --out-of-sample or --writers naming them reads them (bench/out_of_sample.py)
    .venv/bin/python bench/judge_eval.py --split dev2 --writers e --adapter A.npz   # writer E (session 20), read
                                                     # through a credit space trained without E: out of sample
    .venv/bin/python bench/judge_eval.py --split dev2 --breakdown [--audio]   # why each strong answer under 85
                                                     # scores what it does (session 28, strong35)

Audio: each answer is spoken by espeak-ng (voiceprep.speech.tts.Speaker) and transcribed by the app's
transcriber with the hotwords the app gives (`bank.terms(prompt, settings)`; fixBU); transcripts are cached under
bench/out/judge-transcripts/app-hints/ (git-ignored), keyed by the hints given and the decoder (DECODER). Those cached
before fixBU (the top of bench/out/judge-transcripts/, another decoder and other hints) are no longer read (session 42).
Per-item errors are printed for the tuning splits (dev, dev2) and the regression set only: the test and holdout
splits are held out.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench import out_of_sample as out_of_sample_guard  # noqa: E402
from voiceprep.core.analysis import adapter  # noqa: E402
from voiceprep.core.analysis.analyze import analyze_answer  # noqa: E402
from voiceprep.core.analysis.evaluation import (  # noqa: E402
    Labeled,
    baseline_hits,
    evaluate,
    judge_hits,
    load_labeled,
    matcher_hits,
    stratified_subset,
)
from voiceprep.core.analysis.scoring import competency_scores, overall_score, weighted_hits  # noqa: E402
from voiceprep.core.banks import BankRegistry  # noqa: E402
from voiceprep.core.banks.model import Bank  # noqa: E402
from voiceprep.core.transcript import Transcript  # noqa: E402
from voiceprep.settings import TranscriptionSettings  # noqa: E402

CORPUS = REPO / "tests/core/analysis/data/judge"
REGRESSION = REPO / "tests/core/analysis/data/labeled_answers.toml"
OUT = REPO / "bench/out/judge-transcripts"
METHODS = {"judge": judge_hits, "matcher": matcher_hits, "baseline": baseline_hits}
HELD_OUT = ("test", "holdout")     # summary lines only: never list their items, never tune on them
TUNING = ("dev", "dev2")           # tune on these: --errors and --half allowed
STRONG = ("strong", "paraphrase-strong")    # the regression set's and the judge corpus's name for a strong answer
BREAKDOWN_BELOW = 85.0             # --breakdown lists the strong answers scoring under this
DECODER = "read51b"               # in the transcript cache's key: name the last change to how the app decodes
                                   # (voiceprep.speech.decoder/transcriber) here, so a new decoder transcribes anew


def load(split: str, corpus: Path, out_of_sample: bool = False) -> tuple[list[Labeled], dict[str, Bank]]:
    """A split's answers and every bank. "dev2:cd" is dev2's answers by writers C and D only (ids "d2c-", "d2d-").
    Plain "dev2" leaves out the out-of-sample writers (bench/out_of_sample.py) unless `out_of_sample`."""
    split, _, writers = split.partition(":")
    path = REGRESSION if split == "regression" else corpus / f"{split}.toml"
    dirs = [REPO / "question_banks"] + ([corpus / "banks"] if (corpus / "banks").is_dir() else [])
    banks = {b.id: b for b in BankRegistry.discover(dirs).banks}
    items = load_labeled(path)
    if split == "dev2":
        items = out_of_sample_guard.keep(items, writers, out_of_sample=out_of_sample, corpus=corpus)
    elif writers:
        raise SystemExit(f"{split}:{writers}: writers pick dev2 answers (dev2 only)")
    return items, banks


def dev_half(items: list[Labeled], half: str) -> list[Labeled]:
    """One fixed half of a tuning split's answers, by prompt, to design a change on one half and measure it on the
    other: the split's prompts sorted by (bank, prompt id); half A is the 1st, 3rd, 5th... of them, half B the 2nd,
    4th..."""
    prompts = sorted({(i.bank, i.prompt) for i in items})
    keep = {p for k, p in enumerate(prompts) if k % 2 == "AB".index(half)}
    return [i for i in items if (i.bank, i.prompt) in keep]


def of_bank(items: list[Labeled], bank: str) -> list[Labeled]:
    """The answers to `bank` (a bank id), or with "!id" the answers to every other bank."""
    if bank.startswith("!"):
        return [i for i in items if i.bank != bank[1:]]
    return [i for i in items if i.bank == bank]


def app_hints(bank: Bank, item: Labeled) -> list[str]:
    """The hotwords the app gives the transcriber for this answer's question (gui.controller, `score --audio`,
    `transcribe --bank --prompt`): `bank.terms(prompt, settings)`, with the default settings."""
    return bank.terms(bank.prompt(item.prompt), TranscriptionSettings())


def new_path(bank: Bank, item: Labeled) -> Path:
    """Where a transcript asked as the app asks is cached: the key holds the bank, the prompt, the text, the hints
    given (bench/hint_sets.py's way) and the decoder (DECODER), so a bank's new terms or a new decoder transcribe
    anew."""
    key = hashlib.sha256(json.dumps([item.bank, item.prompt, item.text, app_hints(bank, item), DECODER]).encode()).hexdigest()
    return OUT / "app-hints" / f"{key[:16]}.json"


def spoken(items: list[Labeled], banks: dict[str, Bank], transcriber=None, speaker=None) -> dict[str, Transcript]:
    """Each answer spoken and transcribed once, with the app's hints (app_hints), cached (new_path: the key holds the
    decoder, so a decoder change transcribes anew; the cache of before fixBU is not read). `transcriber`, `speaker`:
    loaded ones to use (the tests' own); by default loaded when the cache lacks one."""
    out: dict[str, Transcript] = {}
    start, fresh = time.perf_counter(), 0
    todo = []
    for item in items:
        cached = new_path(banks[item.bank], item)
        if cached.exists():
            out[item.text] = Transcript.from_dict(json.loads(cached.read_text()))
        elif all(cached != other for _, other in todo):     # an answer given twice is spoken once
            todo.append((item, cached))
    if todo and speaker is None:
        from voiceprep.speech.tts import Speaker
        speaker = Speaker(cache_dir=REPO / "bench/out/judge-tts")
    if todo and transcriber is None:
        from voiceprep.speech.transcriber import Transcriber
        transcriber = Transcriber()

    def render(text: str) -> Path:
        try:
            return speaker.render(text)
        except Exception:   # espeak-ng occasionally yields nothing when the machine is busy: one retry
            time.sleep(1)
            return speaker.render(text)
    # espeak-ng speaks in its worker process: each answer is spoken while the one before is transcribed (the decoder
    # has one thread on 2 cores), not after it (speed62)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="speak") as ahead:
        rendered = [ahead.submit(render, item.text) for item, _ in todo]
        for (item, cached), audio in zip(todo, rendered):
            t = transcriber.transcribe(audio.result(), hotwords=app_hints(banks[item.bank], item))
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_text(json.dumps(t.to_dict()))
            out[item.text] = t
            fresh += 1
    print(f"audio: {len(items)} answers ({fresh} newly spoken and transcribed in {time.perf_counter() - start:.0f} s; "
          f"decoder {DECODER})")
    return out


def overall_by_kind(items: list[Labeled], banks: dict[str, Bank], to_transcript) -> dict[str, list[float]]:
    by_kind: dict[str, list[float]] = defaultdict(list)
    for item in items:
        bank = banks[item.bank]
        by_kind[item.kind].append(analyze_answer(bank, bank.prompt(item.prompt), to_transcript(item)).overall)
    return by_kind


def breakdown(item: Labeled, bank: Bank, transcript: Transcript) -> dict[str, object]:
    """Where one answer's overall comes from: overall = the judge's coverage + the weighting effect (the job's
    competency weights against plain coverage, with perfect delivery) - the delivery cost (perfect delivery's overall
    minus the real one); the judge's coverage = the labellers' coverage - what the judge missed + its false ticks
    (each in points of coverage); and the overall the same answer gets with the labellers' ticks."""
    prompt = bank.prompt(item.prompt)
    a = analyze_answer(bank, prompt, transcript)
    pairs = a.hits()
    judged = dict(pairs)
    perfect = {k: (None if v is None else 100.0) for k, v in a.delivery_scores.items()}
    best = overall_score(bank, competency_scores(bank, pairs, perfect), a.coverage, pairs)
    human = [(kp, kp.id in item.hits) for kp in prompt.key_points]
    total = sum(kp.weight for kp in prompt.key_points) or 1.0
    missed = [kp for kp, hit in human if hit and not judged[kp]]
    false = [kp for kp, hit in human if not hit and judged[kp]]
    return {
        "id": item.id, "overall": a.overall, "coverage": a.coverage, "human_coverage": weighted_hits(human) or 0.0,
        "missed": [kp.id for kp in missed], "missed_cost": round(100 * sum(kp.weight for kp in missed) / total, 1),
        "false": [kp.id for kp in false], "false_gain": round(100 * sum(kp.weight for kp in false) / total, 1),
        "weighting": round(best - a.coverage, 1), "delivery_cost": round(best - a.overall, 1),
        "delivery": {k: round(v) for k, v in a.delivery_scores.items() if v is not None},
        "competencies": a.competencies,
        "with_human_ticks": overall_score(bank, competency_scores(bank, human, a.delivery_scores),
                                          weighted_hits(human), human),
    }


def breakdown_row(b: dict[str, object]) -> str:
    said = " ".join(f"{k} {v}" for k, v in b["delivery"].items()) or "none measured"
    missed = f"-{b['missed_cost']} ({', '.join(b['missed'])})" if b["missed"] else "0"
    false = f"+{b['false_gain']} ({', '.join(b['false'])})" if b["false"] else "0"
    return (f"| {b['id']} | {b['overall']:.1f} | {b['human_coverage']:.0f} | {missed} | {false} | "
            f"{b['weighting']:+.1f} | -{b['delivery_cost']:.1f} ({said}) | {b['with_human_ticks']:.1f} |")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=[*TUNING, *HELD_OUT, "regression"], default="dev")
    ap.add_argument("--corpus", type=Path, default=CORPUS,
                    help="corpus folder (dev.toml, dev2.toml, test.toml, holdout.toml, banks/)")
    ap.add_argument("--audio", action="store_true", help="also speak and transcribe every answer")
    ap.add_argument("--errors", action="store_true", help="list each wrong decision (not for the held-out splits)")
    ap.add_argument("--methods", default="judge,matcher,baseline")
    ap.add_argument("--subset", type=int, default=0,
                    help="only the fixed stratified subset of about N answers (the suite's audio test uses 30)")
    ap.add_argument("--overall", action="store_true", help="overall score per kind (strong >= 80, vague <= 25)")
    ap.add_argument("--breakdown", action="store_true",
                    help=f"each strong answer under {BREAKDOWN_BELOW:.0f}: its overall taken apart (`breakdown`)")
    ap.add_argument("--below", type=float, default=BREAKDOWN_BELOW,
                    help=f"with --breakdown: list the strong answers under this overall (default {BREAKDOWN_BELOW:.0f})")
    ap.add_argument("--half", choices=["A", "B"],
                    help="dev and dev2 only: the answers of half the prompts (dev_half)")
    ap.add_argument("--writers", help="dev2 only: these writers' answers (letters, e.g. cd = ids d2c-, d2d-)")
    ap.add_argument("--out-of-sample", action="store_true", help=out_of_sample_guard.HELP)
    ap.add_argument("--bank", help="only the answers to this bank (its id; '!id' = every bank but this one), e.g. a "
                    "writer's own bank read apart from their answers to the bundled prompts")
    ap.add_argument("--adapter", type=Path, help="credit-space adapter file (default: the shipped one; a missing "
                    "file = no adapter)")
    args = ap.parse_args(argv)
    if args.adapter:
        adapter.ADAPTER_PATH = args.adapter
    if args.writers and args.split != "dev2":
        ap.error("--writers picks dev2 answers by their writer (dev2 only)")
    if args.out_of_sample and args.split != "dev2":
        ap.error("--out-of-sample adds dev2's out-of-sample writers (dev2 only)")
    if args.half and args.split not in TUNING:
        ap.error("--half splits the tuning answers (dev, dev2) only")
    for shown, flag in ((args.errors, "errors"), (args.breakdown, "breakdown")):
        if shown and args.split in HELD_OUT:
            ap.error(f"the {args.split} split is held out: per-item {flag} are shown for dev, dev2 and regression "
                     "only")
    return args


def main() -> None:
    args = parse_args()
    items, banks = load(args.split + (f":{args.writers}" if args.writers else ""), args.corpus, args.out_of_sample)
    if args.half:
        items = dev_half(items, args.half)
    if args.bank:
        items = of_bank(items, args.bank)
    if args.subset:
        items = stratified_subset(items, args.subset)
    print(f"{args.split}: {len(items)} answers, "
          f"{sum(len(banks[i.bank].prompt(i.prompt).key_points) for i in items)} key-point decisions")
    inputs = {"text": lambda item: Transcript.from_text(item.text)}
    if args.audio:
        cache = spoken(items, banks)
        inputs["audio"] = lambda item: cache[item.text]
    for name, to_transcript in inputs.items():
        for method in args.methods.split(","):
            start = time.perf_counter()
            s = evaluate(items, banks, to_transcript, METHODS[method])
            print(f"{name:5} {method:8} {s.row()}  [{time.perf_counter() - start:.0f} s]")
            if args.errors and method == "judge":
                print("\n".join("   " + e for e in s.errors))
        if args.breakdown:
            print(f"{name:5} strong answers under {args.below:.0f}:\n| answer | overall | human coverage | "
                  "judge missed | false ticks | weighting | delivery cost | with human ticks |")
            for item in items:
                if item.kind in STRONG:
                    bank = banks[item.bank]
                    b = breakdown(item, bank, to_transcript(item))
                    if b["overall"] < args.below:
                        print(breakdown_row(b))
        if args.overall:
            for kind, values in sorted(overall_by_kind(items, banks, to_transcript).items()):
                print(f"{name:5} overall {kind:20} n={len(values):3} median {statistics.median(values):5.1f} "
                      f"min {min(values):5.1f} max {max(values):5.1f}")


if __name__ == "__main__":
    main()
