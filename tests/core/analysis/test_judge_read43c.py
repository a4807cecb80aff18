"""read43c's review of session 43's judge changes (judge85), typed through the real judge: a praised one-word head
("I think I'd be a great fit") sets aside its own sentence, not the point, and a hedge is no praise; a pronoun refers
a move to the label's quantity only as the move's subject ("which grew the batch to 500" moves the batch); the
head-only guard (judge28) reads an instruction point by what it asks said ("Say what Airwallex builds: ..."), and
"State machine: ..." is a topic, not an instruction; "so nobody on the team has to watch dashboards" is a benefit,
not a denial of the team; a word of degree stays in a point's own denial ("not fully automated")."""
from __future__ import annotations

import pytest

from tests.core.analysis.answers import hits, written_bank
from tests.core.analysis.test_judge_walk59 import BANK as WALK59
from voiceprep.core.analysis.evaluation import answer_judge
from voiceprep.core.analysis.judge import PRAISE, direction_facets, moves_against, point_content
from voiceprep.core.analysis.keypoints import asserted_denials
from voiceprep.core.analysis.text import stem, tokenize_text
from voiceprep.core.banks import load_bank
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py


@pytest.fixture(scope="module")
def affirm():
    from tests.core.analysis.conftest import BANKS
    return load_bank(BANKS / "affirm-backend-platform.toml")


# 1. a praised head -------------------------------------------------------------------------------------------------

def test_a_praised_head_sets_aside_its_sentence_not_the_point(affirm):
    """Main set the fit point aside for the whole answer: "great" near "fit", and no cue said verbatim."""
    said = ("I think I'd be a great fit. I've spent six years building low-latency backend services in Go and Django, "
            "and on my team I'm the one who makes the design calls and owns them.")
    assert "fit" in hits(affirm, "why-affirm", said)


def test_a_head_only_praised_is_still_not_said(affirm):
    assert "fit" not in hits(affirm, "why-affirm", "I think I'd be a great fit for the team and the culture.")


def test_a_hedge_is_no_praise():
    assert not PRAISE & {"think", "thought", "feel", "felt", "want", "wanted", "believe"}
    assert {"resonates", "drawn", "great", "love"} <= PRAISE


# 2. a pronoun as the move's subject ---------------------------------------------------------------------------------

def test_a_pronoun_refers_a_move_only_as_its_subject():
    ways = direction_facets("The measured result, with numbers: latency down, throughput up")
    latency = stem("latency")

    def against(text: str) -> bool:
        words = text.split(" ")
        return moves_against(words, {i for i, w in enumerate(words) if w.isdigit()}, ways, (), latency)

    assert against("it went up to 50 milliseconds")
    assert against("then it grew to 500 milliseconds")
    assert against("which then went up to 50 ms")
    assert not against("which grew the batch to 500")
    assert not against("this meant we grew the batch to 500")


# 3. the head-only guard for an instruction point; "State machine" ---------------------------------------------------

@pytest.mark.parametrize("said", [
    "I've followed what Airwallex builds since 2019, when my friend Priya joined the Melbourne office. What Airwallex "
    "builds is what I want to work on.",
    "What Airwallex builds is exactly what I want to work on. At Wise I spent 3 years on the Kotlin services behind the "
    "London team's products.",
])
def test_naming_only_what_airwallex_builds_does_not_say_it(airwallex, said):
    """Main ticked both: the guard compared the facets with "Say what Airwallex builds", so it never fired."""
    assert "platform-scope" not in hits(airwallex, "why-airwallex", said)


def test_saying_what_airwallex_builds_still_counts(airwallex):
    said = ("What Airwallex builds is what I want to work on: multi-currency business accounts, global transfers and "
            "embedded finance for platforms.")
    assert "platform-scope" in hits(airwallex, "why-airwallex", said)


def test_state_machine_is_a_topic_not_an_instruction():
    assert point_content("State machine: draft, submitted, approved") == "State machine: draft, submitted, approved"
    assert point_content("State the trade-off you made") == "the trade-off we made"
    assert point_content("State what you measured") == "we measured"


def test_the_candidate_addressed_is_we_throughout():
    """dev2's false your-role ticks (judge84's read-off gave "our role and the decisions you made ...")."""
    assert (point_content("Say your role and the decisions you made (I designed, I led, I decided)")
            == "our role and the decisions we made (I designed, I led, I decided)")


# 4. "nobody has to" ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def walk59(tmp_path_factory):
    return written_bank(tmp_path_factory, "hospital-data-engineer.toml", WALK59)


def _contradicting(bank, text: str) -> list[str]:
    judge = answer_judge(Transcript.from_text(text), bank, bank.prompt("quality"), AnalysisSettings(), None)
    return [judge.raw[i].strip(" .,") for i in sorted(judge.contradicting("The owning team gets an alert when a check "
                                                                          "fails"))]


@pytest.mark.parametrize("text", [
    "When a check fails the owning team gets a page in their channel, so nobody on the team has to watch dashboards.",
    "The checks page the owning team, so nobody on the team needs to sit and watch the dashboards.",
])
def test_nobody_has_to_is_a_benefit_not_a_denial(walk59, text):
    assert _contradicting(walk59, text) == []


def test_nobody_on_the_team_heard_still_denies(walk59):
    text = "Honestly we had no alerting, so when a check failed nobody on the owning team heard about it."
    assert "nobody" in _contradicting(walk59, text)


# 5. a word of degree in a point's own denial -------------------------------------------------------------------

def test_a_degree_word_stays_in_the_denial():
    label = "Deploys are not fully automated"

    def asserted(text: str) -> list[str]:
        tokens = tokenize_text(text)
        return [tokens[i].norm for i in sorted(asserted_denials(label, tokens))]
    assert asserted("our deploys are mostly automated") == []
    assert asserted("our deploys are fully automated") == ["fully", "automated"]
