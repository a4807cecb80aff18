"""walk59 (judge84), typed through the real judge: a routine told "if X, we do Y" answers a "How do you...?"
question as "when X, we do Y" does, while "if I had..., I would..." stays a plan; a key point's own "not ..." said
as done ("bad rows were silently dropped" for "..., not silently dropped") or its subject said to be nobody ("nobody
on the owning team heard") is no evidence for it; an instruction-style point ("Say how you kept patient data
private") is compared by what it asks said, and the editor hints at the form."""
from __future__ import annotations

import pytest

from tests.conftest import BANKS
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.judge import point_content
from voiceprep.core.analysis.keypoints import asserted_denials
from voiceprep.core.analysis.segments import _tells_a_rule
from voiceprep.core.analysis.text import tokenize_text
from voiceprep.core.banks import load_bank
from voiceprep.core.banks.advice import key_point_hint
from voiceprep.core.transcript import Transcript

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

# walk59's own bank (docs/benchmarks.md, walk59), the two prompts the findings are about
BANK = """
schema = 2
[job]
id = "hospital-data-engineer"
title = "Hospital Data Engineer"
company = "Northfield NHS Trust"
level = "mid-level"
must_haves = ["Python and SQL", "Experience with patient data and privacy"]

[[rounds]]
id = "round-1"
title = "Round 1"

[[rounds.prompts]]
id = "pipeline"
text = "Tell me about a pipeline you built for clinical data."
target_seconds = 90

[[rounds.prompts.key_points]]
id = "carried"
label = "Explain what data the pipeline carried and who used it"

[[rounds.prompts.key_points]]
id = "private"
label = "Say how you kept patient data private"

[[rounds.prompts.key_points]]
id = "fifteen"
label = "Lab results reached the wards in fifteen minutes instead of the next morning"

[[rounds.prompts]]
id = "quality"
text = "How do you make sure data quality problems are caught before they reach a clinical dashboard?"
target_seconds = 120

[[rounds.prompts.key_points]]
id = "checks"
label = "Quality checks run automatically before the data is published"

[[rounds.prompts.key_points]]
id = "quarantine"
label = "Bad rows are held back in a quarantine table, not silently dropped"

[[rounds.prompts.key_points]]
id = "alert"
label = "The owning team gets an alert when a check fails"
"""


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    path = tmp_path_factory.mktemp("walk59") / "hospital-data-engineer.toml"
    path.write_text(BANK, encoding="utf-8")
    return load_bank(path)


def judged(bank, prompt_id: str, point: str, text: str):
    a = analyze_answer(bank, bank.prompt(prompt_id), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    return next(r for r in a.key_points if r.key_point.id == point)


@pytest.mark.parametrize("point, text", [
    ("alert", "If a check fails, the owning team gets an alert in their channel."),
    ("quarantine", "If a row fails a check, we hold it back in a quarantine table instead of dropping it, and someone "
                   "reviews it."),
])
def test_a_routine_told_with_if_answers_a_how_do_you_question(bank, point, text):
    """walk59 1: main refused these as "said as something you would do"; with "When" they were ticked."""
    r = judged(bank, "quality", point, text)
    assert r.hit, (r.judgement.probability, r.judgement.unit)


def test_the_bundled_python_services_case():
    """walk59 1: senior-backend-payments `python-services`, main quoted only "and raise a clear error type ..."."""
    b = load_bank(BANKS / "senior-backend-payments.toml")
    text = ("If a call to the processor times out, we retry it with the same idempotency key and raise a clear error "
            "type when the retries run out.")
    a = analyze_answer(b, b.prompt("python-services"), Transcript.from_text(text))
    r = next(r for r in a.key_points if r.key_point.label.startswith("Error handling"))
    assert r.hit


def test_if_i_had_i_would_is_still_a_plan(bank):
    r = judged(bank, "quality", "alert", "If I had more time, the owning team would get an alert when a check fails.")
    assert not r.hit


def test_which_conditionals_tell_a_rule():
    def rule(text: str) -> bool:
        return _tells_a_rule(text.split(" "))
    assert rule("if a check fails the owning team gets an alert")
    assert not rule("if i had more time i'd add alerts")
    assert not rule("if it fails we will retry it")
    assert not rule("if we were bigger we would shard it")


@pytest.mark.parametrize("point, text", [
    ("quarantine", "We didn't bother with a quarantine table; bad rows were silently dropped so the dashboard stayed "
                   "clean."),
    ("quarantine", "We dropped the quarantine idea: rows that failed a check were silently deleted so the dashboard "
                   "stayed clean."),
    ("quarantine", "If a row fails, we just drop it quietly so the dashboard stays clean and nobody has to look at it."),
    ("alert", "Honestly we had no alerting, so when a check failed nobody on the owning team heard about it."),
])
def test_the_opposite_of_the_point_is_no_evidence(bank, point, text):
    """walk59 2: main ticked the first, second and fourth (the third only once "if" tells a rule)."""
    r = judged(bank, "quality", point, text)
    assert not r.hit, (r.judgement.probability, r.judgement.unit)


def test_the_point_said_as_done_still_counts(bank):
    r = judged(bank, "quality", "quarantine", "When a row fails a check, we hold it back in a quarantine table instead "
                                               "of dropping it, and someone reviews it.")
    assert r.hit


def test_what_asserts_a_points_own_denial():
    label = "Bad rows are held back in a quarantine table, not silently dropped"

    def asserted(text: str) -> list[str]:
        tokens = tokenize_text(text)
        return [tokens[i].norm for i in sorted(asserted_denials(label, tokens))]
    assert asserted("bad rows were silently dropped so the dashboard stayed clean") == ["dropped"]
    assert asserted("we just drop it quietly so nobody has to look at it") == ["drop"]    # the manner word not needed
    assert asserted("we hold them back instead of dropping them") == []
    assert asserted("bad rows are never silently dropped") == []


def test_an_instruction_point_is_compared_by_what_it_asks_said(bank):
    """walk59 3: main missed the privacy point in her typed answer (1 of 3)."""
    text = ("At St Luke's I built the nightly feed that took blood test results out of the laboratory system and "
            "loaded them into our warehouse, so ward managers and the sepsis team could see them on their dashboards. "
            "Before anything left the clinical network we replaced NHS numbers and names with pseudonyms, and only "
            "analysts with approval could re-identify a patient. After the change, nurses saw new results about "
            "fifteen minutes after the lab signed them off, where before they waited until the following morning.")
    assert judged(bank, "pipeline", "private", text).hit


def test_what_an_instruction_asks_said():
    assert point_content("Say how you kept patient data private") == "we kept patient data private"
    assert point_content("Explain the ring buffer and single writer") == "the ring buffer and single writer"
    assert point_content("Lab results reached the wards in fifteen minutes") == "Lab results reached the wards in fifteen minutes"


def test_the_editor_hints_at_instruction_points():
    """walk59 3: the hint was on "Give a number that shows the result" only, not on these two."""
    for label in ("Explain what data the pipeline carried and who used it", "Say how you kept patient data private"):
        assert key_point_hint(label).startswith("Hard to check: it names what to say"), label
