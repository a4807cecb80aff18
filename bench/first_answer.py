"""How long the first answer to a question takes to judge, against a later one, and with the question prepared.

The first analysis of a prompt embeds the prompt's own texts (its text, key-point labels, facets, intent examples,
category members, claimed acts: `judge.prompt_texts`); a later one finds them cached. The app now embeds them when
the question is asked (`judging.prepare_judge`, off the GUI thread). For each of a few dev prompts (one typed dev
answer each), alternating, with the model's cache emptied before each "first" and "prepared" run:

- first: the first answer, nothing prepared (as before perf36);
- prepared: `prepare_judge` (timed apart: the candidate does not wait for it), then the first answer;
- later: a later answer to the same prompt (the prompt's texts cached, none of the answer's own pieces: a fresh
  answer shares clauses with the one before, whose vectors would otherwise be cached);
- change: a question change in a bank already prepared for another of its questions: `prepare_judge` for the new
  one (timed apart, "change prep"), then its first answer.

`prepare_judge` is given the bank as the app gives it (its other questions, which `judge.nearer_another` weighs each
answer against: judge80; mendF); run against a tree whose `prepare_judge` takes `others` (before mendF), it is given
them, as that app gave them. "later" keeps the bank's question texts cached too, as the app has them by then.

    .venv/bin/python bench/first_answer.py [--prompts 8] [--repeats 5] [--cpu] [--long]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench.answers import answer_text  # noqa: E402
from bench.judge_eval import CORPUS, load  # noqa: E402
from voiceprep.app.judging import prepare_judge  # noqa: E402
from voiceprep.core.analysis.analyze import analyze_answer  # noqa: E402
from voiceprep.core.analysis.embedder import get_embedder, warm_up  # noqa: E402
from voiceprep.core.analysis.judge import prompt_texts, question_texts  # noqa: E402
from voiceprep.core.banks.model import Bank, Prompt  # noqa: E402
from voiceprep.core.transcript import Transcript  # noqa: E402


def prepare(prompt: Prompt, bank: Bank) -> int:
    """`prepare_judge` as the app calls it: with the bank."""
    return prepare_judge(prompt, None, bank)


def fresh(text: str, tag: str) -> Transcript:
    """The answer with every sentence changed a little."""
    return Transcript.from_text(". ".join(f"{s.strip()} ({tag})" for s in text.split(". ") if s.strip()))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--prompts", type=int, default=8)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--cpu", action="store_true", help="process CPU time (model threads included), not wall time")
    ap.add_argument("--long", action="store_true", help="bench/analysis_speed.py's case instead: a 2-minute answer "
                    "(314 words) to airwallex/hardest-problem")
    args = ap.parse_args()
    clock = time.process_time if args.cpu else time.perf_counter
    items, banks = load("dev", CORPUS)
    chosen: dict[tuple[str, str], str] = {}
    for item in sorted(items, key=lambda i: (i.bank, i.prompt, i.id)):
        chosen.setdefault((item.bank, item.prompt), item.text)
    keys = sorted(chosen)
    step = max(1, len(keys) // args.prompts)
    picked = keys[::step][:args.prompts]
    if args.long:
        picked = [("airwallex", "hardest-problem")]
        chosen[picked[0]] = answer_text(120, wpm=150)
    print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(warm_up())
    embedder = get_embedder()
    assert embedder is not None, "the semantic judge's model is needed"
    times: dict[str, list[float]] = {"first": [], "prepared": [], "later": [], "change": [], "prepare": [],
                                     "change prep": []}
    per_prompt: dict[tuple[str, str], dict[str, list[float]]] = {}
    n = 0
    for rep in range(args.repeats):
        for k, (bank_id, prompt_id) in enumerate(picked):
            bank = banks[bank_id]
            prompt = bank.prompt(prompt_id)
            own = set(prompt_texts(prompt)) | set(question_texts(bank.all_prompts()))    # as the app has them later
            mine = per_prompt.setdefault((bank_id, prompt_id), {"first": [], "prepared": [], "later": [], "change": []})
            order = ("first", "prepared") if (rep + k) % 2 == 0 else ("prepared", "first")
            for mode in order:
                n += 1
                embedder.forget()
                if mode == "prepared":
                    start = clock()
                    prepare(prompt, bank)
                    times["prepare"].append((clock() - start) * 1000)
                start = clock()
                analyze_answer(bank, prompt, fresh(chosen[(bank_id, prompt_id)], f"take {n}"))
                ms = (clock() - start) * 1000
                times[mode].append(ms)
                mine[mode].append(ms)
                n += 1
                embedder.forget(keep=own)     # a later answer: the prompt's texts cached, none of its own pieces
                start = clock()
                analyze_answer(bank, prompt, fresh(chosen[(bank_id, prompt_id)], f"take {n}"))
                ms = (clock() - start) * 1000
                times["later"].append(ms)
                mine["later"].append(ms)
            n += 1       # a question change: the bank prepared for another of its questions first
            embedder.forget()
            before = next(p for p in bank.all_prompts() if p.id != prompt.id)
            prepare(before, bank)
            start = clock()
            prepare(prompt, bank)
            times["change prep"].append((clock() - start) * 1000)
            start = clock()
            analyze_answer(bank, prompt, fresh(chosen[(bank_id, prompt_id)], f"take {n}"))
            ms = (clock() - start) * 1000
            times["change"].append(ms)
            mine["change"].append(ms)
    unit = "ms CPU" if args.cpu else "ms"
    print(f"{'prompt':45} {'first':>8} {'prepared':>9} {'later':>8} {'change':>8}  (medians, {unit})")
    for (bank_id, prompt_id), mine in per_prompt.items():
        print(f"{bank_id + '/' + prompt_id:45} {statistics.median(mine['first']):8.1f} "
              f"{statistics.median(mine['prepared']):9.1f} {statistics.median(mine['later']):8.1f} "
              f"{statistics.median(mine['change']):8.1f}")
    for mode, runs in times.items():
        print(f"{mode:9} {len(runs):3} runs: median {statistics.median(runs):7.1f} {unit}, "
              f"max {max(runs):7.1f}")
    print(f"load average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
