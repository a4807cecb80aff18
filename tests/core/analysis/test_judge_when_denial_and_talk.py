"""judge90: two markers that hid a point a strong answer told.

A denial inside a "when"/"because" clause that opens the sentence says why the candidate acted, not that they did not:
"When it didn't calm down I referred it to Calderdale Mediation" tells the referral (dev2 d2t-016, strong: its
`mediation` point set aside at p 0.009, the only sentence that says it read as denied). The act denied in the main
clause keeps its denial ("When it didn't calm down I didn't call anyone").

A key point that is itself a talk ("The captain and I talked through whether we needed to divert") is said by a
clause that talks an act over: "me and the captain, we talked about going into Bordeaux or carrying on" (dev2 d2m-023,
labelled covered, set aside as hypothetical: `DISCUSSED`). A point about the act itself still is not ("we talked about
adding a check" for "I added a check")."""
from __future__ import annotations

import pytest

from voiceprep.core.analysis.judge import label_markers
from voiceprep.core.analysis.segments import DISCUSSED, clause_markers

DENIED = {"not", "never", "didn't", "wasn't", "weren't", "couldn't", "don't", "doesn't", "no"}


def _denied_at(said: str, word: str) -> bool:
    """Whether the clause the first `word` of `said` is in carries a denial."""
    raw = said.split()
    marks = clause_markers(raw)
    k = next(i for i, w in enumerate(raw) if w.strip(",.").lower() == word)
    return bool(marks[k] & DENIED)


@pytest.mark.parametrize("said, word, denied", [
    ("When it didn't calm down I referred it to Calderdale Mediation and they did two sessions.", "referred", False),
    ("When the retries didn't help we added an idempotency key to every call.", "added", False),
    ("Because the first fix didn't hold I rang the vendor that afternoon.", "rang", False),
    ("When it didn't calm down I didn't call anyone.", "call", True),           # the main clause's own denial
    ("I didn't refer it to mediation when it calmed down.", "refer", True),     # no "when" before the denial
    ("When I saw it I didn't tell anyone.", "tell", True),
    ("We didn't have alerts when it failed.", "alerts", True),
])
def test_a_denial_in_an_opening_when_clause_is_not_the_act(said: str, word: str, denied: bool) -> None:
    assert _denied_at(said, word) == denied


def test_a_talked_over_clause_is_no_plan_for_a_point_that_is_the_talk() -> None:
    raw = "and me and the captain we talked about going into Bordeaux or carrying on".split()
    assert DISCUSSED in clause_markers(raw)[-1]                    # still a talk, not the act, for any other point
    assert DISCUSSED in label_markers("The captain and I talked through whether we needed to divert")
    assert DISCUSSED in label_markers("The next day we discussed it as a team")
    assert DISCUSSED not in label_markers("I added a check so it would not happen again")
    assert DISCUSSED not in label_markers("Infra work: a business sells abroad without thinking about payments")
