"""read49a: review of judge103 (`slot_fills.py`), judge105 (`recital.py`), quote50 and hints50 (main 36004db6..aae2e147).
Each is a decision main credited before the range and loses after it, or a reader that breaks its own docstring. 1 and 5
are mended (dev2 V and X identical; dev2 A–T, dev and regression left to the integrator); 2-4 stay strict xfails."""
from __future__ import annotations

import pytest

from tests.core.analysis.answers import written_bank
from tests.core.analysis.walk63 import HEADINGS as BANK
from voiceprep.core.analysis.evaluation import judge_hits
from voiceprep.core.analysis.segments import clean
from voiceprep.core.analysis.slot_fills import told_with_base_pasts
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings

pytestmark = pytest.mark.usefixtures("fresh_judge")

LANGUAGE = '''
[[rounds.prompts]]
id = "picked-language"
text = "Tell me about a time you picked a language for a new service."
target_seconds = 120

[[rounds.prompts.key_points]]
id = "language"
label = "The language I picked"
competency = "technical-decisions"

[[rounds.prompts.key_points]]
id = "why"
label = "Why it was the right call"
competency = "technical-decisions"
'''


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    return written_bank(tmp_path_factory, "read49a-headings.toml",
                        BANK.replace("[[competencies]]", LANGUAGE.strip() + "\n\n[[competencies]]", 1))


def ticked(bank, text: str, prompt: str) -> set[str]:
    return judge_hits(Transcript.from_text(text), bank.prompt(prompt), AnalysisSettings(), bank)


# 1. judge105 `AnswerJudge._recitals`: a short name ("Go", "C#") is no word of content to `specific_words`, so the
# sentence that names the language is read as the heading said back; `_told_technologies.names` counts such names
# (mended: `AnswerJudge._short_names`, counted by both)
@pytest.mark.parametrize("name", ["Go", "C#"])
def test_a_short_name_fills_the_heading(bank, name):
    text = (f"We needed a new service for card authorisations. I picked {name}. It compiles to one binary and the "
            "team learned it in a week.")
    assert "language" in ticked(bank, text, "picked-language")


# 2. judge103 `noticed_a_state`: "there was X" / "had X" after "noticed" is read as a symptom whatever X is, and a
# thing noticed whose relative clause acts ("a bug ... that double-charged customers") as that thing's state
# (mended: judge108, `noticed_a_state` reads "there was X", "had X" as a thing named, and stops at the thing's own
# "that"/"which"/"who" clause)
@pytest.mark.parametrize("text", [
    "Checkout got slow every afternoon. I noticed there was a race condition in the cache invalidation, so two writers "
    "kept clobbering each other.",
    "Checkout got slow every afternoon. I noticed the connection pool had only two connections for forty workers.",
    "Checkout got slow every afternoon. I noticed a bug in the retry logic that double-charged customers."])
def test_a_cause_noticed_with_there_was_or_had_fills_the_cause_slot(bank, text):
    assert "root-cause" in ticked(bank, text, "debugged-performance")


# 3. judge103 `only_weighed`: a weighing after the act ("adopted Kafka after looking at the alternatives") voids it
# (mended: judge108, `only_weighed` counts a past act anywhere outside the weighing)
def test_a_technology_adopted_after_weighing_fills_the_technology_slot(bank):
    text = ("Our cron scripts kept losing events. We adopted Kafka after looking at the alternatives, because it let us "
            "replay a day of events.")
    assert "technology-needed" in ticked(bank, text, "time-pick-new-technology")


# 4. judge103 `explains_a_feeling`: any "was <feeling>" before "because" voids the cause, though the "because" tells
# a fault acting on a thing ("the retry job double-charged their cards"), not a state ("the deadline was close")
# (mended: judge108, `explains_a_feeling` reads the reason: an act on a thing is a cause)
def test_a_fault_told_after_how_people_felt_fills_the_cause_slot(bank):
    text = ("The payments API kept failing at noon. The customers were angry because the retry job double-charged "
            "their cards.")
    assert "root-cause" in ticked(bank, text, "debugged-performance")


# 5. judge103 `told_with_base_pasts`: "I'm", "I've", "we're" are the candidate's verbs too, in the present; only bare
# "i"/"we" are read as subjects, so "I read the docs and I'm a fast learner" counts as told in the past (mended:
# `_CONTRACTED`)
@pytest.mark.parametrize("said", ["I read the docs and I'm a fast learner.", "I read the docs, and we're quick at this."])
def test_a_present_claim_after_a_base_past_is_no_story(said):
    assert not told_with_base_pasts([clean(x) for x in said.split()], True)
