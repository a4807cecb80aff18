"""How often a whole answer is named as about something else (`analyze.elsewhere`, walk42 finding 6), as text.

    .venv/bin/python bench/judge_offtopic.py [--sim 0.30] [--words 25] [--list]

Reads the tuning splits only (dev, dev2 but its out-of-sample writers: bench/out_of_sample.py; the regression set),
never test or holdout. Each answer is analysed once, typed, with the threshold off (every answer with no key point
credited and enough words gets its closest similarity to the question and the key points); the counts are then
given per kind for a few thresholds. Real meeting talk (../shared/speech-spontaneous/references.tsv) given as
the answer to every prompt of those answers' banks is the other side: it should be named. Nothing here reads hits
or labels: only the answer texts and kinds.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import sys
from collections import Counter, defaultdict
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
REGRESSION = REPO / "tests/core/analysis/data/labeled_answers.toml"
SPEECH = REPO.parent / "shared" / "speech-spontaneous" / "references.tsv"     # as tests/conftest.py finds it


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sims", default="0.25,0.28,0.30,0.32,0.35", help="off_topic_answer_max_sim values to count")
    ap.add_argument("--words", type=int, default=None, help="off_topic_answer_words to try")
    ap.add_argument("--list", action="store_true", help="print each answer not off-topic that is named at --sims' "
                                                        "largest, and each off-topic one that is not at the smallest")
    ap.add_argument("--writers", help="dev2 writers to read (letters); default: all but the out-of-sample writers")
    ap.add_argument("--speech", type=Path, default=SPEECH)
    args = ap.parse_args()
    settings = AnalysisSettings()
    settings.off_topic_answer_max_sim = 1.01          # always measured; the thresholds are applied below
    settings.off_topic_short_answer_max_sim = 1.01    # (a short answer too: mendJ)
    if args.words is not None:
        settings.off_topic_answer_words = args.words
    sims = [float(s) for s in args.sims.split(",")]
    banks = {b.id: b for b in BankRegistry.discover([REPO / "question_banks", CORPUS / "banks"]).banks}
    items = [("dev", i) for i in load_labeled(CORPUS / "dev.toml")]
    items += [("dev2", i) for i in out_of_sample_guard.keep(load_labeled(CORPUS / "dev2.toml"), args.writers)]
    items += [("regression", i) for i in load_labeled(REGRESSION)]
    closest: dict[str, list[float | None]] = defaultdict(list)     # per kind: None = not a candidate (a hit, short)
    named: list[tuple[str, str, float]] = []
    for n, (split, item) in enumerate(items):
        bank = banks[item.bank]
        prompt = next(p for p in bank.all_prompts() if p.id == item.prompt)
        a = analyze_answer(bank, prompt, Transcript.from_text(item.text), settings)
        kind = "off-topic" if item.kind == "off-topic" else item.kind
        value = a.off_topic["closest"] if a.off_topic else None
        closest[kind].append(value)
        if value is not None:
            named.append((kind, f"{split}:{item.id}", value))
        if n % 100 == 99:
            print(f"... {n + 1} of {len(items)}", file=sys.stderr, flush=True)
    with args.speech.open(encoding="utf-8") as f:
        talk = [row["reference"] for row in csv.DictReader(f, delimiter="\t")]
    asked = sorted({(i.bank, i.prompt) for _, i in items})
    for bank_id, prompt_id in asked:
        bank = banks[bank_id]
        prompt = next(p for p in bank.all_prompts() if p.id == prompt_id)
        for k, t in enumerate(talk):
            a = analyze_answer(bank, prompt, dataclasses.replace(Transcript.from_text(t), model="tts-150wpm"),
                               settings)
            value = a.off_topic["closest"] if a.off_topic else None
            closest["(meeting talk)"].append(value)
            if value is None and args.list:
                hit = sum(r.hit for r in a.key_points)
                print(f"meeting talk {k + 1} not a candidate on {bank_id}/{prompt_id} ({hit} credited)")
    print(f"{'kind':22} {'answers':>7} {'candidates':>10} " + " ".join(f"{'<' + str(s):>7}" for s in sims))
    for kind in sorted(closest, key=lambda k: (k != "off-topic", k != "(meeting talk)", k)):
        values = closest[kind]
        cands = [v for v in values if v is not None]
        print(f"{kind:22} {len(values):7} {len(cands):10} " + " ".join(f"{sum(v < s for v in cands):7}" for s in sims))
    if args.list:
        for kind, ident, value in sorted(named, key=lambda x: x[2]):
            if (kind != "off-topic" and value < max(sims)) or (kind == "off-topic" and value >= min(sims)):
                print(f"{kind:20} {ident:24} closest {value:.3f}")
    print(f"kinds counted: {dict(Counter(k for k in closest for _ in closest[k]))}", file=sys.stderr)


if __name__ == "__main__":
    main()
