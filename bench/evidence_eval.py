"""Is the judge's quote the sentence a careful interviewer would quote? On the labelled evidence set.

    .venv/bin/python bench/evidence_eval.py [--list] [--set dev|dev2] [--split dev|test]

--set dev (the default) reads tests/core/analysis/data/judge/evidence.toml (21 dev answers); --set dev2 reads
evidence_dev2.toml (dev2 answers of writers A-T, session 52), whose --split dev (the default) is for tuning quote
rules and whose --split test is for the integrator only, once per quote rule.

For every key point that both the labels and the judge credit, the judge's first evidence (the sentence it quotes for
the point) is right when at least half of its words lie in one of the sentences labelled for that point. Typed text,
as `voiceprep score --text-file` reads it. Prints the share right; --list prints each quote that is wrong, with the
sentences labelled for it.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench import out_of_sample as out_of_sample_guard  # noqa: E402
from voiceprep.core.analysis.analyze import analyze_answer  # noqa: E402
from voiceprep.core.analysis.evaluation import load_labeled  # noqa: E402
from voiceprep.core.banks import BankRegistry  # noqa: E402
from voiceprep.core.transcript import Transcript  # noqa: E402

CORPUS = REPO / "tests/core/analysis/data/judge"


def spans_of(words: list[str], sentence: str) -> tuple[int, int]:
    """The word span of a labelled sentence in the answer's words."""
    target = sentence.split()
    for i in range(len(words) - len(target) + 1):
        if words[i:i + len(target)] == target:
            return i, i + len(target) - 1
    raise ValueError(f"labelled sentence not in its answer: {sentence!r}")


SETS = {"dev": ("evidence.toml", "dev.toml"), "dev2": ("evidence_dev2.toml", "dev2.toml")}


def measure(listing: bool = False, labels: str = "dev", split: str = "dev") -> tuple[int, int, int]:
    """(quotes right, quotes judged, labelled points the judge did not credit) on one labelled set (`SETS`); of a set
    whose answers carry a `split`, only the answers of `split`."""
    labels_file, answers_file = SETS[labels]
    data = tomllib.loads((CORPUS / labels_file).read_text())
    dev = {i.id: i for i in out_of_sample_guard.keep(load_labeled(CORPUS / answers_file))}   # dev2: never W, Z
    banks = {b.id: b for b in BankRegistry.discover([REPO / "question_banks", CORPUS / "banks"]).banks}
    right = judged = missed = 0
    for answer in data["answer"]:
        if answer.get("split", "dev") != split:
            continue
        item = dev.get(answer["id"])
        bank_id, prompt_id, text = ((item.bank, item.prompt, item.text) if item else
                                    (answer["bank"], answer["prompt"], answer["text"]))
        bank = banks[bank_id]
        analysis = analyze_answer(bank, bank.prompt(prompt_id), Transcript.from_text(text))
        words = text.split()
        results = {r.key_point.id: r for r in analysis.key_points}
        for kp, sentences in answer["quotes"].items():
            ev = analysis.evidence.get(kp) or []
            if not results[kp].hit or not ev:
                missed += 1
                continue
            judged += 1
            quote = range(ev[0].first_word, ev[0].last_word + 1)
            ok = any(2 * sum(a <= w <= b for w in quote) >= len(quote)
                     for a, b in (spans_of(words, s) for s in sentences))
            right += ok
            if listing and not ok:
                print(f"{answer['id']} / {kp}:\n   quoted   {ev[0].text!r}\n   labelled " +
                      "\n            ".join(repr(s) for s in sentences))
    return right, judged, missed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--list", action="store_true", help="list every wrong quote")
    ap.add_argument("--set", choices=sorted(SETS), default="dev", dest="labels", help="which labelled set")
    ap.add_argument("--split", choices=("dev", "test"), default="dev",
                    help="of --set dev2: its tuning part (dev) or the integrator's held-out part (test)")
    args = ap.parse_args()
    right, judged, missed = measure(args.list, args.labels, args.split)
    print(f"evidence: {right} of {judged} quotes right ({right / max(judged, 1):.3f}); "
          f"{missed} labelled points not credited by the judge")


if __name__ == "__main__":
    main()
