"""mend57 (issue 11, session 51): the app and the evaluation make one decision per key point. A "telling" point
(`analyze.telling_point`) was ticked in the app by the Numbers card (`analyze.told_points`: any number said) while
bench/judge_eval.py counted the judge's own decision (`evaluation.judge_hits`); on writer V they differed in 9
decisions, the app ticking 3 the labellers credit and 6 they do not ("year seven", "five minutes", a negated and an
off-topic answer's figures). A number heading ("The result, with a number") is now ticked as the judge decides it, the
card's figures its quotes; a point the card still decides ("Quantify the impact") is counted as the app shows it.
The decision is read as `voiceprep score --json` prints it: `app.judging.run_judge`, then key_points[].hit."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.analysis.walk63 import walk63_bank
from voiceprep.app.judging import run_judge
from voiceprep.core.analysis.analyze import card_decides, telling_point
from voiceprep.core.analysis.evaluation import judge_hits, load_labeled
from voiceprep.core.banks import load_bank, parse_bank
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

CORPUS = Path(__file__).parent / "data" / "judge"


def shown(bank, prompt, text: str) -> set[str]:
    """The points ticked as `voiceprep score --json` prints them (cli/score_cmd.py: run_judge, then to_dict)."""
    doc = run_judge(bank, prompt, Transcript.from_text(text), AnalysisSettings()).to_dict()
    return {k["id"] for k in doc["key_points"] if k["hit"]}


def test_writer_v_number_headings_are_decided_alike_by_the_app_and_the_evaluation():
    """Every answer of writer V (dev2, tuning data) to a question with a number heading: main's app ticked 9 points
    the evaluation did not (6 of them the labellers do not credit)."""
    bank = load_bank(CORPUS / "banks" / "school-librarian-secondary.toml")
    answers = [a for a in load_labeled(CORPUS / "dev2.toml") if a.id.startswith("d2v-") and a.bank == bank.id
               and any(telling_point(kp) for kp in bank.prompt(a.prompt).key_points)]
    assert len(answers) >= 50
    differ = []
    for a in answers:
        prompt = bank.prompt(a.prompt)
        app, counted = shown(bank, prompt, a.text), judge_hits(Transcript.from_text(a.text), prompt, AnalysisSettings(), bank)
        differ += [f"{a.id} {kp.id}" for kp in prompt.key_points if (kp.id in app) != (kp.id in counted)]
    assert differ == []


@pytest.fixture(scope="module")
def walk63(tmp_path_factory):
    return walk63_bank(tmp_path_factory)


def test_a_number_that_tells_no_result_does_not_tick_a_number_heading(walk63):
    """walk63's heading "The result, with a number": a number said where nothing changed ticked it in the app."""
    prompt = walk63.prompt("time-pick-new-technology")
    assert not card_decides(next(kp for kp in prompt.key_points if kp.id == "result-number"))
    text = "I learned Go for a service we inherited. The service still restarted about three times a day after that."
    assert "result-number" not in shown(walk63, prompt, text)


def test_a_number_heading_the_judge_ticks_is_quoted_by_the_numbers_card(walk63):
    prompt = walk63.prompt("time-pick-new-technology")
    text = ("I had to learn Go quickly because we inherited a Go service and its author was leaving in three weeks. I "
            "learned it by working through the Tour of Go in two evenings and pairing with the author every morning. I "
            "shipped a retry policy with it, and restarts went from three a day to none.")
    a = run_judge(walk63, prompt, Transcript.from_text(text), AnalysisSettings())
    assert "result-number" in {r.key_point.id for r in a.key_points if r.hit}
    assert a.evidence["result-number"] and all(e.note == "a number you gave" for e in a.evidence["result-number"])


def test_a_point_the_card_decides_is_counted_as_the_app_shows_it():
    """"Quantify the impact" and "Say your role" are still decided by the Numbers and Ownership cards (walk17): the
    evaluation counts that decision, not the judge's own."""
    bank = parse_bank('schema = 1\n[job]\nid = "x"\ntitle = "Ops"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
                      '[[rounds.prompts]]\nid = "p"\ntext = "Tell me about the most impactful thing you built."\n'
                      '[[rounds.prompts.key_points]]\nid = "role"\nlabel = "Say your role (I designed, I led)"\n'
                      '[[rounds.prompts.key_points]]\nid = "impact"\nlabel = "Quantify the impact"\n')
    prompt = bank.prompt("p")
    assert all(card_decides(kp) for kp in prompt.key_points)
    for text in ["I led the design of a new search index, which took query time from 20 minutes to 3 minutes for the "
                 "biggest reports.",
                 "The reporting jobs were slow and the team made them a lot faster, which had a big impact.",
                 "The design came from another team. I wasn't really involved, my manager drove it. It saved 3 hours."]:
        assert judge_hits(Transcript.from_text(text), prompt, AnalysisSettings(), bank) == shown(bank, prompt, text)
