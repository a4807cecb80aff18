"""Which dev2 answers tests/core/analysis/data/judge/evidence_dev2.toml labels, and each one's split (session 52).

    .venv/bin/python bench/evidence_select.py

Among dev2 answers of writers A–T (ids "d2a-" to "d2t-") with three or more key points labelled covered, outside
affirm-backend-platform/debug-performance: 20 drawn at random from debugging or incident prompts (INCIDENT) and 60
from the rest (random.Random(SEED)); plus every A–T answer of affirm-backend-platform/debug-performance with one or
more points covered. Answers said as one unpunctuated run (one sentence) are then left out: any quote lies in their
only sentence, so they could not tell a good quote rule from a bad one. Each answer left is put in "dev" or "test"
3:1 by a second seeded shuffle. Prints `id split` lines in file order.
"""

from __future__ import annotations

import random
import re
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench import out_of_sample as out_of_sample_guard  # noqa: E402
from voiceprep.core.analysis.segments import sentence_spans  # noqa: E402

CORPUS = REPO / "tests/core/analysis/data/judge"
SEED = 52
WRITERS = re.compile(r"d2[a-t]-")
# prompts that ask for a debugging story, an incident, an emergency or a mistake and how it was handled
INCIDENT = frozenset({"payout-incident", "major-incident", "safety-incident", "field-incident", "dispensing-error",
                      "data-mistake", "breakdown", "show-stop", "service-crisis", "medical-emergency",
                      "emergency-full-day", "breaking-news", "got-it-wrong", "built-wrong", "hardest-problem"})
FULL = ("affirm-backend-platform", "debug-performance")


def select() -> list[tuple[str, str]]:
    """(answer id, split) for every labelled answer, in dev2.toml's order."""
    every = out_of_sample_guard.keep(tomllib.loads((CORPUS / "dev2.toml").read_text())["answer"], id_of=lambda a: a["id"])
    answers = [a for a in every if WRITERS.match(a["id"])]
    pool = [a for a in answers if len(a["hits"]) >= 3 and (a["bank"], a["prompt"]) != FULL]
    rng = random.Random(SEED)
    incident = [a["id"] for a in pool if a["prompt"] in INCIDENT]
    rest = [a["id"] for a in pool if a["prompt"] not in INCIDENT]
    chosen = set(rng.sample(incident, 20)) | set(rng.sample(rest, 60))
    chosen |= {a["id"] for a in answers if (a["bank"], a["prompt"]) == FULL and a["hits"]}
    ordered = [a["id"] for a in answers if a["id"] in chosen and len(sentence_spans(a["text"].split())) > 1]
    shuffled = sorted(ordered)
    random.Random(SEED + 1).shuffle(shuffled)
    test = set(shuffled[: len(shuffled) // 4])
    return [(i, "test" if i in test else "dev") for i in ordered]


if __name__ == "__main__":
    for answer_id, split in select():
        print(answer_id, split)
