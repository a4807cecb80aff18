"""How often the off-topic tail (`delivery.off_topic_tail`, walk39 finding 4) fires, as text (session 32, judge52).

    .venv/bin/python bench/judge_tail.py [--point 0.40] [--answer 0.35] [--list]

Strong answers of the tuning splits (dev, dev2 but its out-of-sample writers: bench/out_of_sample.py; never test or
holdout) should not fire; the
same answers with real spontaneous meeting talk appended (../shared/speech-spontaneous/references.tsv, or
--speech) should. Each answer is read twice: typed, and as a timed transcript at 150 words/min (the typed
transcript's own spacing, marked spoken). Nothing here reads hits or labels: only the answer texts and kinds.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench import out_of_sample as out_of_sample_guard  # noqa: E402
from voiceprep.core.analysis.analyze import analyze_answer  # noqa: E402
from voiceprep.core.analysis.evaluation import load_labeled  # noqa: E402
from voiceprep.core.banks import BankRegistry  # noqa: E402
from voiceprep.core.transcript import Transcript  # noqa: E402
from voiceprep.settings import AnalysisSettings  # noqa: E402

CORPUS = REPO / "tests/core/analysis/data/judge"
SPEECH = REPO.parent / "shared" / "speech-spontaneous" / "references.tsv"     # as tests/conftest.py finds it
STRONG = ("strong", "paraphrase-strong")


def spoken(text: str) -> Transcript:
    return dataclasses.replace(Transcript.from_text(text), model="tts-150wpm")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--point", type=float, default=None, help="off_topic_point_sim to try")
    ap.add_argument("--answer", type=float, default=None, help="off_topic_answer_sim to try")
    ap.add_argument("--list", action="store_true", help="print each strong answer that fires")
    ap.add_argument("--writers", help="dev2 writers to read (letters); default: all but the out-of-sample writers")
    ap.add_argument("--out-of-sample", action="store_true", help=out_of_sample_guard.HELP)
    ap.add_argument("--speech", type=Path, default=SPEECH)
    ap.add_argument("--tails", default="talk 1,talk 2,talk 3,all three", help="which talk to append, comma-separated")
    args = ap.parse_args()
    settings = AnalysisSettings()
    if args.point is not None:
        settings.off_topic_point_sim = args.point
    if args.answer is not None:
        settings.off_topic_answer_sim = args.answer
    banks = {b.id: b for b in BankRegistry.discover([REPO / "question_banks", CORPUS / "banks"]).banks}
    items = [i for i in load_labeled(CORPUS / "dev.toml")]
    items += out_of_sample_guard.keep(load_labeled(CORPUS / "dev2.toml"), args.writers,
                                      out_of_sample=args.out_of_sample)
    with args.speech.open(encoding="utf-8") as f:
        talk = [row["reference"] for row in csv.DictReader(f, delimiter="\t")]
    tails = {"all three": " ".join(talk), **{f"talk {k + 1}": t for k, t in enumerate(talk)}}
    tails = {name: tails[name] for name in args.tails.split(",")}
    fired: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    early: Counter[str] = Counter()
    strong = [i for i in items if i.kind in STRONG]
    for n, item in enumerate(strong):
        bank = banks[item.bank]
        prompt = next(p for p in bank.all_prompts() if p.id == item.prompt)
        answer_words = len(item.text.split())
        # the strong answer typed, and spoken with each stretch of meeting talk after it
        runs = [("strong, typed", Transcript.from_text(item.text))]
        runs += [(f"strong + {name}, timed", spoken(f"{item.text} {t}")) for name, t in tails.items()]
        for kind, transcript in runs:
            a = analyze_answer(bank, prompt, transcript, settings)
            seen[kind] += 1
            if a.delivery.tail is not None:
                fired[kind] += 1
            if a.delivery.tail is not None and "+" in kind and a.delivery.tail["first_word"] < answer_words:
                early[kind] += 1           # the tail said to start inside the answer, not where the talk starts
            if args.list and (a.delivery.tail is not None) == (kind == "strong, typed"):
                print(kind, item.id, a.delivery.tail, sep="\t", flush=True)
        if n % 25 == 24:
            print(f"... {n + 1} of {len(strong)}", file=sys.stderr, flush=True)
    for kind in seen:
        starts = f", {early[kind]} of them starting inside the answer" if "+" in kind else ""
        print(f"{kind:30} fired {fired[kind]:3} of {seen[kind]:3}{starts}")


if __name__ == "__main__":
    main()
