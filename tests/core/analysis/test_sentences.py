"""text.sentences is linear in the text's length and splits as before (walk61 1: a 352 KB paste into a key point
label held the GUI thread for minutes, the abbreviation check searching all the text before each full stop)."""
import re
import time
import tomllib
from pathlib import Path

from voiceprep.core.analysis.text import ABBREVIATION, sentences

REPO = Path(__file__).resolve().parents[3]
CORPUS = REPO / "tests/core/analysis/data/judge"


def quadratic_sentences(text: str) -> list[str]:
    """The splitter as it was before walk61 1: the reference the linear one must agree with."""
    out: list[str] = []
    start = 0
    for m in re.finditer(r"[.!?]+[\"'\u201d)]*\s+", text):
        if m.group(0).startswith(".") and ABBREVIATION.search(text[:m.start() + 1]):
            continue
        out.append(text[start:m.end()].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


def strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


TRICKY = ("We cut it, e.g. by batching. Then i.e. the U.S. team agreed. J. Smith and Dr. Lee met St. Mary's vs. "
          "No. 10 approx. twice, incl. Mr. and Mrs. Brown etc. and Ms. Green! The U.S.A. rollout went fine. "
          "p99 fell from 2.5 ms to v1.2. Really? \"Yes.\" (Done.) Ok. a. b. Xe.g. then. Approx. INCL. CF. done. "
          "foo.vs. bar. E.G. now.")


def test_the_linear_splitter_agrees_with_the_old_one_on_banks_corpus_answers_and_a_tricky_text():
    texts = [TRICKY, TRICKY * 3, " ".join(TRICKY.split()[::-1])]
    for bank in sorted((REPO / "question_banks").glob("*.toml")) + sorted((CORPUS / "banks").glob("*.toml")):
        texts.extend(strings(tomllib.loads(bank.read_text(encoding="utf-8"))))
    for split in (CORPUS / "dev.toml", REPO / "tests/core/analysis/data/labeled_answers.toml"):
        texts.extend(a["text"] for a in tomllib.loads(split.read_text(encoding="utf-8"))["answer"])
    assert len(texts) > 300
    for text in texts:
        assert sentences(text) == quadratic_sentences(text), text[:80]
    # every window around a stop: the abbreviation check sees the character before its window (`\b`)
    for k in range(len(TRICKY)):
        assert sentences(TRICKY[k:]) == quadratic_sentences(TRICKY[k:])


def test_a_huge_paste_splits_in_linear_time():
    """150 KB took ~8 s of CPU before (x2 text -> x4 time); linear, it takes a few hundredths."""
    text = ("I gave access only to the people who needed it, e.g. the analysts. We ran it weekly. " * 1800)
    assert len(text) > 150_000
    started = time.process_time()
    got = sentences(text)
    assert time.process_time() - started < 1.5
    assert len(got) == 3600
