"""A follow-up the bank writes for a point must not name what another point of the same question asks for (walk23:
airwallex's mechanics follow-up "How does the Disruptor actually avoid locks?" gave away "Name the LMAX Disruptor as
the design you chose" when that point was still to be said)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.core.analysis.followup_cases import case_ids, quiet
from voiceprep.core.analysis.followups import content_words, follow_up_for, follow_up_misses_point
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


@pytest.mark.parametrize("stem,bank,kp", WRITTEN, ids=case_ids(WRITTEN))
def test_a_written_follow_up_names_nothing_another_point_asks_for(stem, bank, kp):
    with quiet(stem):         # an out-of-sample bank: its label not shown (followup_cases)
        prompt = next(p for p in bank.all_prompts() if kp in p.key_points)
        known = _names(prompt.text) | _names(kp.label) | {bank.job.company}
        others = set().union(*(_names(k.label) for k in prompt.key_points if k is not kp))
        assert not (_names(kp.follow_up) & others) - known, (kp.follow_up, (_names(kp.follow_up) & others) - known)


def _content(text: str, company: str | None) -> set[str]:
    return set(content_words(text, company))


ASKED = [(path.stem, bank, kp)
         for path in sorted((_ROOT / "question_banks").glob("*.toml"))
         for bank in [load_bank(path)] for prompt in bank.all_prompts() for kp in prompt.key_points]


@pytest.mark.parametrize("stem,bank,kp", ASKED, ids=case_ids(ASKED))
def test_every_follow_up_of_a_bundled_bank_names_its_own_points_content(stem, bank, kp):
    """walk39 (finding 7): "How would that experience carry over to Airwallex's infrastructure?" asked about
    "Connect it to Airwallex: detecting routing and reliability issues early across cloud regions" and named none of
    it, so the answer to what was asked scored 0 of 1. Every follow-up, written by the bank or made from the label,
    names a content word of its point: of its label or of a cue (words the judge takes for it)."""
    with quiet(stem):         # an out-of-sample bank: its label not shown (followup_cases)
        question = follow_up_for(kp, bank)
        own = _content(kp.label, bank.job.company) | {s for cue in kp.cues for alt in cue.split("|")
                                                      for s in _content(alt, bank.job.company)}
        assert _content(question, bank.job.company) & own, (question, kp.label)
        assert not follow_up_misses_point(question, kp.label, kp.cues, bank.job.company)


def test_a_follow_up_naming_none_of_its_point_is_found_with_the_points_words_to_name():
    """fixAC: the check the bundled banks pass, for a candidate's own bank: judge52's airwallex example before and
    after its rewrite; a cue's word counts as the point's, by stem; the company alone names nothing."""
    label = "Connect it to Airwallex: detecting routing and reliability issues early across cloud regions"
    assert follow_up_misses_point("How would that experience carry over to Airwallex's infrastructure?", label, [],
                                  "Airwallex") == ["reliability", "detecting"]
    assert not follow_up_misses_point("How would that experience help Airwallex detect routing and reliability "
                                      "issues early across its cloud regions?", label, [], "Airwallex")
    assert not follow_up_misses_point("What would you monitor first?", "Catch outages early", ["monitoring|alerts"])
    assert follow_up_misses_point("Why Airwallex?", "Airwallex moves money across borders", [], "Airwallex") \
        == ["borders", "moves"]
    assert not follow_up_misses_point("", label)          # nothing asked: the follow-up is made from the label
