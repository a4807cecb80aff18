"""walk61 (judge91), through the real judge on walk61's own bank (a hospital data analyst's, written in the editor): the
told-in-detail floor should not lift a point whose nearest telling in the answer is its denial ("We also did not go to the
information government's team for approval before we started." for "I got information governance approval before
starting"), and a past "could" of ability does not carry its modal over "and I <past verb>" ("…the cardiology lead
could open the folder and I removed their access…": told, not planned)."""
from __future__ import annotations

import pytest

from tests.core.analysis.answers import judged, written_bank

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

WALK61 = """schema = 1
vocabulary = ["Power BI", "NHS number", "pseudonymised"]

[job]
id = "data-analyst"
title = "Data Analyst"
company = "Northgate Hospitals NHS Trust"
level = "Band 6"
must_haves = ["SQL and Power BI", "Information governance"]
description = "Performance and information team, reporting for clinical divisions"

[[rounds]]
id = "round-1"
title = "Round 1"

[[rounds.prompts]]
id = "time-cleared-reporting-backlog"
text = "Tell me about a time you cleared a reporting backlog."
target_seconds = 120
follow_up = "Who did you have to persuade, and how?"

[[rounds.prompts.key_points]]
id = "cut-backlog-third"
label = "Explain how I cut the backlog by a third"
competency = "analysis"

[[rounds.prompts.key_points]]
id = "agreed-priorities"
label = "Name who I agreed the priorities with"
competency = "communication"

[[rounds.prompts.key_points]]
id = "automated"
label = "Say what I automated"
competency = "analysis"

[[rounds.prompts]]
id = "time-analysis-changed-decision"
text = "Tell me about a time your analysis changed a decision."
target_seconds = 120
follow_up = "What happened after the decision?"

[[rounds.prompts.key_points]]
id = "bed-occupancy-analysis"
label = "Describe the bed occupancy analysis I ran"
competency = "analysis"

[[rounds.prompts.key_points]]
id = "checked-data-quality"
label = "Say how I checked the data quality"
competency = "analysis"

[[rounds.prompts.key_points]]
id = "state-result-fewer"
label = "State the result: fewer delayed discharges"
competency = "analysis"

[[rounds.prompts]]
id = "time-explained-data-people"
text = "Tell me about a time you explained data to people without a technical background."
target_seconds = 120
follow_up = "How did you know they understood?"

[[rounds.prompts.key_points]]
id = "presented-ward-managers"
label = "I presented to ward managers without jargon"
competency = "communication"

[[rounds.prompts.key_points]]
id = "used-one-chart"
label = "I used one chart per message"
competency = "communication"

[[rounds.prompts.key_points]]
id = "followed-written-summary"
label = "I emailed a one-page summary to every ward manager the next day"
competency = "communication"

[[rounds.prompts]]
id = "time-worked-patient-identifiable"
text = "Tell me about a time you worked with patient-identifiable data."
target_seconds = 120
follow_up = "What would you do differently?"

[[rounds.prompts.key_points]]
id = "pseudonymised-data-analysis"
label = "I pseudonymised the data before analysis"
competency = "information-governance"

[[rounds.prompts.key_points]]
id = "got-information-governance"
label = "I got information governance approval before starting"
competency = "information-governance"

[[rounds.prompts.key_points]]
id = "gave-access-people"
label = "I gave access only to the people who needed it"
competency = "information-governance"


[[competencies]]
weight = 0.4
id = "analysis"
name = "Analysis"

[[competencies]]
id = "communication"
name = "Communication"
weight = 0.3

[[competencies]]
id = "information-governance"
name = "Information governance"
weight = 0.3

"""

# Q4 as tiny.en wrote it (walk61 finding 1): says the opposite of two points
STORED4 = (
    'This was a project on remission within 30 days for heart failure patients. Honestly, we were under a'
    ' lot of time pressure, so we did not suit on my medicine. We worked straight on the full '
    'identifiable extract, with the patient names. Addresses and NHS numbers in it, because it was '
    "quicker to link the records that way. We also did not go to the information government's team for "
    'approval before we started. We thought it would take weeks and the cardology lead wanted the results'
    ' for a board paper. What we did do carefully was the access. The extract sat in a restricted folder '
    'not only the two analysts on the project, and the cardology lead could open, and I removed the '
    'access as soon as the paper was done. The analysis itself found that patients, who had a follow-up '
    'phone call within a week of discharge were read me that much less often, and the trust has since '
    'made that call standard for heart failure patients. Looking back, the result was good, but I know '
    'that way we handled the data would not pass an audit.')


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    return written_bank(tmp_path_factory, "data-analyst.toml", WALK61)


def test_a_denied_point_is_not_floored_by_a_detailed_story(bank):
    """walk61 1: main ticked "I got information governance approval before starting" at exactly 0.50 (the floor),
    quoting its denial; typed with "governance" heard right the same words were refused. The only sentence that names
    the point's words denies it (judge93: `_named_only_denied`)."""
    results = judged(bank, "time-worked-patient-identifiable", STORED4)
    assert not results["got-information-governance"].hit
    assert results["gave-access-people"].hit            # the access, told, stays


def test_the_same_sentence_told_ticks_the_point(bank):
    """The same answer with the governance sentence told, not denied: ticked."""
    told = STORED4.replace("We also did not go to", "We also went to")
    assert told != STORED4
    assert judged(bank, "time-worked-patient-identifiable", told)["got-information-governance"].hit


@pytest.mark.parametrize("comma", ["", ","])
def test_could_of_ability_does_not_carry_over_and_i_removed(bank, comma):
    """walk61 3: without the comma after "folder" main read "and I removed their access" as a plan."""
    text = ("Only the two analysts on the project and the cardiology lead could open the folder" + comma
            + " and I removed their access on the day the board paper went out.")
    assert judged(bank, "time-worked-patient-identifiable", text)["gave-access-people"].hit
