"""A follow-up the bank writes for a point must not name what another point of the same question asks for (walk23:
airwallex's mechanics follow-up "How does the Disruptor actually avoid locks?" gave away "Name the LMAX Disruptor as
the design you chose" when that point was still to be said)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from voiceprep.core.analysis.followups import follow_up_for
from voiceprep.core.analysis.keypoints import FUNCTION_WORDS
from voiceprep.core.analysis.text import tokenize_text
from voiceprep.core.banks.load import load_bank

_ROOT = Path(__file__).resolve().parents[3]


def _names(text: str) -> set[str]:
    """Words written as names (a capital not opening a sentence) or acronyms, without a plural or possessive "s"."""
    return {re.sub(r"(?<=[A-Z])s$", "", w.split("'")[0]) for sentence in re.split(r"[.?!]\s+", text)
            for i, w in enumerate(re.findall(r"[\w'-]+", sentence))
            if w[:1].isupper() and (i > 0 or w.isupper()) and w != "I"}


WRITTEN = [(path.stem, bank, kp)
           for path in [*sorted((_ROOT / "question_banks").glob("*.toml")),
                        *sorted((Path(__file__).parent / "data/judge/banks").glob("*.toml"))]
           for bank in [load_bank(path)] for prompt in bank.all_prompts() for kp in prompt.key_points if kp.follow_up]


@pytest.mark.parametrize("stem,bank,kp", WRITTEN, ids=[f"{s}:{k.id}" for s, _b, k in WRITTEN])
def test_a_written_follow_up_names_nothing_another_point_asks_for(stem, bank, kp):
    prompt = next(p for p in bank.all_prompts() if kp in p.key_points)
    known = _names(prompt.text) | _names(kp.label) | {bank.job.company}
    others = set().union(*(_names(k.label) for k in prompt.key_points if k is not kp))
    assert not (_names(kp.follow_up) & others) - known, (kp.follow_up, (_names(kp.follow_up) & others) - known)


# words that say nothing of a point's own content: asking words, the candidate, the verbs of an instruction
_NOT_CONTENT = FUNCTION_WORDS | {"and", "or", "but", "so", "not", "no", "what", "how", "why", "who", "when", "where",
                                 "which", "would", "could", "can", "did", "you", "i", "we", "me", "us", "they", "them",
                                 "he", "she", "there", "than", "then", "into", "across", "more", "most", "tell",
                                 "about", "say", "name", "give", "explain", "describe", "connect", "tie", "yet",
                                 "haven't", "point", "covered", "walk", "through"}


def _content(text: str, company: str | None) -> set[str]:
    """The stems of `text`'s content words (a cue's `{number}` slot left out); the bank's company names every
    question of its bank, so it says nothing of one point."""
    return {t.stem for t in tokenize_text(re.sub(r"\{\w+\}", " ", text))
            if t.norm.isalpha() and t.norm not in _NOT_CONTENT and t.norm != (company or "").lower()}


ASKED = [(path.stem, bank, kp)
         for path in sorted((_ROOT / "question_banks").glob("*.toml"))
         for bank in [load_bank(path)] for prompt in bank.all_prompts() for kp in prompt.key_points]


@pytest.mark.parametrize("stem,bank,kp", ASKED, ids=[f"{s}:{k.id}" for s, _b, k in ASKED])
def test_every_follow_up_of_a_bundled_bank_names_its_own_points_content(stem, bank, kp):
    """walk39 (finding 7): "How would that experience carry over to Airwallex's infrastructure?" asked about
    "Connect it to Airwallex: detecting routing and reliability issues early across cloud regions" and named none of
    it, so the answer to what was asked scored 0 of 1. Every follow-up, written by the bank or made from the label,
    names a content word of its point: of its label or of a cue (words the judge takes for it)."""
    question = follow_up_for(kp, bank)
    own = _content(kp.label, bank.job.company) | {s for cue in kp.cues for alt in cue.split("|")
                                                  for s in _content(alt, bank.job.company)}
    assert _content(question, bank.job.company) & own, (question, kp.label)
