"""A typed answer judged after Submit, cold and pre-embedded as it was typed (speed47; issue 11: judging a 2-minute
answer in <= 150 ms with the model loaded).

The bench's 2-minute answer (bench/answers.py, 150 wpm: the text `bench/analysis_speed.py` judges) is typed into the
app layer as the Type answer editor gives it: the whole text after every keystroke, `--cps` characters a second
(`--sentence-pause` more after each sentence's end; `--pause-s` more after every `--pause-every`th word that ends no
sentence: a pause inside a sentence, after which the whole text is embedded, its unfinished sentence too), to the
`TypedPreEmbedder` the controller makes, on this thread (marked as the GUI's: any model work on it would be a
violation). `--think` seconds after the last keystroke, Submit:
`stop()` and the judge (`app.judging.run_judge` on `Transcript.from_text`, as `PracticeSession.save_typed`). It
prints the share of the texts the judge embeds that were cached at Submit, what the typing cost (the offers' own time
on the typing thread, the worker's CPU), then, alternately, the judge cold (none of the answer's texts cached) and
with the texts the pre-embedder computed while typing cached, median and p95 in process CPU and wall time, the texts
run through the model after Submit, and whether both give the same analysis.

    .venv/bin/python bench/typed_answer.py [--cps 6] [--think 1.0] [--runs 20] [--pause-every 7 --pause-s 1.0]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench.analysis_speed import cold_and_pre_embedded  # noqa: E402
from bench.answers import answer_text  # noqa: E402
from voiceprep.app import threads  # noqa: E402
from voiceprep.app.judging import prepare_judge, run_judge  # noqa: E402
from voiceprep.app.preembed import TypedPreEmbedder, answer_texts, typed_words  # noqa: E402
from voiceprep.core.analysis.embedder import get_embedder, judge_status, warm_up  # noqa: E402
from voiceprep.core.banks import load_bank  # noqa: E402
from voiceprep.core.transcript import Transcript  # noqa: E402
from voiceprep.settings import AnalysisSettings  # noqa: E402


def type_answer(pre: TypedPreEmbedder, text: str, cps: float, sentence_pause: float, pause_every: int = 0,
                pause_s: float = 0.0) -> tuple[list[float], int]:
    """Type `text` a character at a time, offering the whole text after each (as the editor's textChanged); the
    offers' own times in ms, and how many pauses were taken inside a sentence (`pause_s` after every `pause_every`th
    word that ends no sentence, once its space is typed)."""
    took: list[float] = []
    step = 1.0 / cps
    due = time.perf_counter()
    words = inside = 0
    for end in range(1, len(text) + 1):
        if text[end - 1] == " " and text[end - 2:end - 1] in ".?!":
            due += sentence_pause
            words += 1
        elif text[end - 1] == " ":
            words += 1
            if pause_every and words % pause_every == 0:
                due += pause_s
                inside += 1
        due += step
        began = time.perf_counter()
        pre.offer_text(text[:end])
        took.append((time.perf_counter() - began) * 1000)
        time.sleep(max(0.0, due - time.perf_counter()))
    return took, inside


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cps", type=float, default=6.0, help="characters typed a second (6: ~70 words a minute)")
    ap.add_argument("--sentence-pause", type=float, default=0.0, help="seconds more after each sentence's end")
    ap.add_argument("--pause-every", type=int, default=0, help="pause after every Nth word that ends no sentence "
                    "(0: never)")
    ap.add_argument("--pause-s", type=float, default=1.0, help="seconds of each pause inside a sentence")
    ap.add_argument("--think", type=float, default=1.0, help="seconds from the last keystroke to Submit")
    ap.add_argument("--runs", type=int, default=20, help="timed runs of each kind")
    ap.add_argument("--seconds", type=int, default=120, help="the answer's length (bench/answers.py at 150 wpm)")
    ap.add_argument("--last", default="", help="a sentence added at the end (the bench's answer ends on a sentence "
                    "of its first paragraph, typed before: its vectors are cached whatever the --think)")
    args = ap.parse_args()
    settings = AnalysisSettings()
    bank = load_bank(REPO / "question_banks/airwallex.toml")
    prompt = bank.prompt("hardest-problem")
    text = " ".join([answer_text(args.seconds, wpm=150), *[args.last] * bool(args.last)])
    final = Transcript.from_text(text)
    warm_up()
    e = get_embedder()
    assert e is not None, judge_status().message
    e.forget()
    prepare_judge(prompt, settings, bank)
    needed = answer_texts(typed_words(text), settings, spoken=False)
    print(f"answer: {len(text.split())} words, {len(text)} characters, typed at {args.cps:g} characters/s "
          f"(+{args.sentence_pause:g} s a sentence; +{args.pause_s if args.pause_every else 0:g} s inside a sentence every "
          f"{args.pause_every} words), Submit {args.think:g} s after the last key; the judge embeds "
          f"{len(needed)} texts for it; prompt {prompt.id}; ends: {text[-60:]!r}")
    threads.mark_ui_thread()                # the typing thread plays the GUI's
    pre = TypedPreEmbedder(settings)
    load0 = os.getloadavg()[0]
    began = time.perf_counter()
    offers, inside = type_answer(pre, text, args.cps, args.sentence_pause, args.pause_every, args.pause_s)
    typed_s = time.perf_counter() - began
    time.sleep(args.think)
    pre.stop()                              # Submit
    at_submit = e.cached(needed)
    in_flight = not pre.join(0)
    pre.join()
    threads.forget_ui_thread()
    computed = list(pre.computed)
    offers.sort()
    print(f"typed in {typed_s:.0f} s, {pre.offers} offers, {inside} pauses inside a sentence: "
          f"each {statistics.median(offers):.3f} ms median, "
          f"max {offers[-1]:.1f} ms on the typing thread; the worker's CPU {pre.cpu_s:.2f} s (its thread) for "
          f"{len(computed)} texts; the worker still running at Submit: {in_flight}; GUI-thread violations "
          f"{len(threads.violations)}; load {load0:.1f} -> {os.getloadavg()[0]:.1f}")
    print(f"texts the judge embeds: {len(needed)}; cached at Submit: {len(at_submit)} "
          f"({100 * len(at_submit) / max(1, len(needed)):.0f}%); computed and not needed: "
          f"{len(set(computed) - set(needed))}")
    print("missed:", json.dumps([x for x in needed if x not in set(at_submit)]))
    run_judge(bank, prompt, final, settings)            # whatever the points need for this answer, cached as in use
    ours = set(computed) | set(needed)
    cold_and_pre_embedded(e, lambda: run_judge(bank, prompt, Transcript.from_text(text), settings), sorted(ours),
                          at_submit,   # what the typing had cached at Submit
                          lambda: TypedPreEmbedder(settings), args.runs, "Submit",
                          f"model threads {e.session.get_session_options().intra_op_num_threads}; ")


if __name__ == "__main__":
    main()
