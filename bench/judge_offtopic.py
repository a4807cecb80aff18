"""How often a whole answer is named as about something else (`analyze.elsewhere`, walk42 finding 6), as text.

    .venv/bin/python bench/judge_offtopic.py [--sims 0.25,0.28] [--short-sim 0.09] [--words 25] [--list]

Reads the tuning splits only (dev, dev2 but its out-of-sample writers: bench/out_of_sample.py; the regression set),
never test or holdout. Each answer is analysed once, typed, with the threshold off (every answer with no key point
credited and enough words gets its closest similarity to the question and the key points); the counts are then
given per kind for a few thresholds of the long answers (`off_topic_answer_max_sim`), each answer named by the rule
the app reads it with (`analyze.elsewhere_limit`: one under `off_topic_answer_words` words at the short answers'
limit, `off_topic_short_answer_max_sim` or --short-sim, in every column; read44a 3). Real meeting talk
(../shared/speech-spontaneous/references.tsv) given as the answer to every prompt of those answers' banks is the other
side: it should be named. Nothing here reads hits or labels: only the answer texts and kinds.
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
from voiceprep.core.analysis.analyze import analyze_answer, elsewhere_limit  # noqa: E402
from voiceprep.core.analysis.evaluation import load_labeled  # noqa: E402
from voiceprep.core.banks import BankRegistry  # noqa: E402
from voiceprep.core.transcript import Transcript  # noqa: E402
from voiceprep.settings import AnalysisSettings  # noqa: E402

CORPUS = REPO / "tests/core/analysis/data/judge"
REGRESSION = REPO / "tests/core/analysis/data/labeled_answers.toml"
SPEECH = REPO.parent / "shared" / "speech-spontaneous" / "references.tsv"     # as tests/conftest.py finds it


Measured = tuple[float, int]       # an answer's closest similarity to its question and its words (analyze_answer's)


def named(answer: Measured, sim: float, app: AnalysisSettings) -> bool:
    """Whether the app names `answer` as about something else with the long answers' limit at `sim` and every other
    setting `app`'s: a short answer is read at its own limit, as analyze.elsewhere reads it (read44a 3: the long
    answers' thresholds were applied to short answers too)."""
    value, words = answer
    limit = elsewhere_limit(words, dataclasses.replace(app, off_topic_answer_max_sim=sim))
    return limit is not None and value < limit


def said_words(transcript: Transcript) -> int:
    """An answer's words as analyze_answer counts them for `elsewhere`."""
    return sum(bool(w.word.strip()) for w in transcript.words())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sims", default="0.25,0.28,0.30,0.32,0.35", help="off_topic_answer_max_sim values to count")
    ap.add_argument("--short-sim", type=float, default=None,
                    help="off_topic_short_answer_max_sim to try (default: the app's)")
    ap.add_argument("--words", type=int, default=None, help="off_topic_answer_words to try")
    ap.add_argument("--list", action="store_true", help="print each answer not off-topic that is named at --sims' "
                                                        "largest, and each off-topic one that is not at the smallest")
    ap.add_argument("--writers", help="dev2 writers to read (letters); default: all but the out-of-sample writers")
    ap.add_argument("--speech", type=Path, default=SPEECH)
    args = ap.parse_args()
    app = AnalysisSettings()                           # the limits the answers are read with (named)
    if args.words is not None:
        app.off_topic_answer_words = args.words
    if args.short_sim is not None:
        app.off_topic_short_answer_max_sim = args.short_sim
    # always measured; the limits are applied below (a short answer's too: mendJ)
    settings = dataclasses.replace(app, off_topic_answer_max_sim=1.01, off_topic_short_answer_max_sim=1.01)
    sims = [float(s) for s in args.sims.split(",")]
    banks = {b.id: b for b in BankRegistry.discover([REPO / "question_banks", CORPUS / "banks"]).banks}
    items = [("dev", i) for i in load_labeled(CORPUS / "dev.toml")]
    items += [("dev2", i) for i in out_of_sample_guard.keep(load_labeled(CORPUS / "dev2.toml"), args.writers)]
    items += [("regression", i) for i in load_labeled(REGRESSION)]
    closest: dict[str, list[Measured | None]] = defaultdict(list)     # per kind: None = not a candidate (a hit, short)
    listed: list[tuple[str, str, Measured]] = []
    for n, (split, item) in enumerate(items):
        bank = banks[item.bank]
        prompt = next(p for p in bank.all_prompts() if p.id == item.prompt)
        transcript = Transcript.from_text(item.text)
        a = analyze_answer(bank, prompt, transcript, settings)
        kind = "off-topic" if item.kind == "off-topic" else item.kind
        measured = (a.off_topic["closest"], said_words(transcript)) if a.off_topic else None
        closest[kind].append(measured)
        if measured is not None:
            listed.append((kind, f"{split}:{item.id}", measured))
        if n % 100 == 99:
            print(f"... {n + 1} of {len(items)}", file=sys.stderr, flush=True)
    with args.speech.open(encoding="utf-8") as f:
        talk = [row["reference"] for row in csv.DictReader(f, delimiter="\t")]
    asked = sorted({(i.bank, i.prompt) for _, i in items})
    for bank_id, prompt_id in asked:
        bank = banks[bank_id]
        prompt = next(p for p in bank.all_prompts() if p.id == prompt_id)
        for k, t in enumerate(talk):
            transcript = dataclasses.replace(Transcript.from_text(t), model="tts-150wpm")
            a = analyze_answer(bank, prompt, transcript, settings)
            closest["(meeting talk)"].append((a.off_topic["closest"], said_words(transcript)) if a.off_topic else None)
            if a.off_topic is None and args.list:
                hit = sum(r.hit for r in a.key_points)
                print(f"meeting talk {k + 1} not a candidate on {bank_id}/{prompt_id} ({hit} credited)")
    print(f"named at each long-answer limit; under {app.off_topic_answer_words} words at "
          f"{app.off_topic_short_answer_max_sim} (from {app.off_topic_short_answer_words} words)")
    print(f"{'kind':22} {'answers':>7} {'candidates':>10} " + " ".join(f"{'<' + str(s):>7}" for s in sims))
    for kind in sorted(closest, key=lambda k: (k != "off-topic", k != "(meeting talk)", k)):
        values = closest[kind]
        cands = [v for v in values if v is not None]
        print(f"{kind:22} {len(values):7} {len(cands):10} " + " ".join(f"{sum(named(v, s, app) for v in cands):7}"
                                                                          for s in sims))
    if args.list:
        for kind, ident, measured in sorted(listed, key=lambda x: x[2][0]):
            if (kind != "off-topic" and named(measured, max(sims), app)) or \
                    (kind == "off-topic" and not named(measured, min(sims), app)):
                print(f"{kind:20} {ident:24} closest {measured[0]:.3f} ({measured[1]} words)")
    print(f"kinds counted: {dict(Counter(k for k in closest for _ in closest[k]))}", file=sys.stderr)


if __name__ == "__main__":
    main()
