"""judge90: three markers that hid a point an answer told.

A denial inside a "when"/"because" clause that opens the sentence says why the candidate acted, not that they did not:
"When it didn't calm down I referred it to Calderdale Mediation" tells the referral (dev2 d2t-016, strong: its
`mediation` point set aside at p 0.009, the only sentence that says it read as denied). The act denied in the main
clause keeps its denial ("When it didn't calm down I didn't call anyone").

A key point that is itself a talk ("The captain and I talked through whether we needed to divert") is said by a
clause that talks an act over: "me and the captain, we talked about going into Bordeaux or carrying on" (dev2 d2m-023,
labelled covered, set aside as hypothetical: `DISCUSSED`). A point about the act itself still is not ("we talked about
adding a check" for "I added a check").

"The platform team is the bit I'd want: a single API …" names the thing meant, as "the one I'd pick" does (dev2 d2s-052,
strong: set aside as a plan)."""
from __future__ import annotations

from pathlib import Path

import pytest

from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.judge import label_markers
from voiceprep.core.analysis.segments import DISCUSSED, clause_markers
from voiceprep.core.banks import BankRegistry
from voiceprep.core.transcript import Transcript

CORPUS = Path(__file__).parent / "data" / "judge"

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
    said = "and me and the captain we talked about going into Bordeaux or carrying on"
    assert DISCUSSED in clause_markers(said.split())[-1]                    # still a talk, not the act, for any other point
    assert DISCUSSED in label_markers("The captain and I talked through whether we needed to divert")
    assert DISCUSSED in label_markers("The next day we discussed it as a team")
    assert DISCUSSED not in label_markers("I added a check so it would not happen again")
    assert DISCUSSED not in label_markers("I talked to each person privately first to hear their side")
    assert DISCUSSED not in label_markers("Infra work: a business sells abroad without thinking about payments")


@pytest.mark.usefixtures("fresh_judge")     # tests/core/analysis/conftest.py
def test_the_talk_told_ticks_the_talk_and_the_talk_denied_does_not() -> None:
    """dev2 d2m-023 (labelled covered: set aside as hypothetical on main) and d2m-026 (a denied talk, labelled not
    covered: its cue words "captain" before the denial would count once the talk is allowed)."""
    bank = next(b for b in BankRegistry.discover([CORPUS / "banks"]).banks if b.id == "cabin-purser-airline")
    prompt = bank.prompt("medical-emergency")

    def hit(said: str) -> bool:
        a = analyze_answer(bank, prompt, Transcript.from_text(said))
        return next(r for r in a.key_points if r.key_point.id == "diversion-talk").hit

    told = ("yeah so the one i remember is a lady on the way to malaga who went into labour well we thought it was "
            "labour it turned out to be braxton hicks but we didnt know that at the time so i said to carla youre with "
            "her to ben get the medical kit and the maternity pack and to me i was on the phone to the front so everyone "
            "had their own bit i put out a p a asking for any doctors or a mid wife and we had a midwife which was "
            "amazing and me and the captain we talked about going into bordo or carrying on and with the midwife "
            "saying its not active labour we carried on")
    denied = ("A passenger had a bad asthma attack and her inhaler was in the hold. We didn't need to ask for any "
              "doctors in the end, my number three is a former paramedic, so she took over. Me and the captain never "
              "discussed diverting, she was fine within ten minutes on oxygen. What I'm glad about is that the service "
              "kept running, and I went down the cabin telling people quietly it was under control, and after we'd "
              "landed I checked in with the crew, one of them had asthma herself and it had upset her.")
    assert hit(told)
    assert not hit(denied)


HYPOTHETICAL = {"would", "could", "i'd", "we'd"}


@pytest.mark.parametrize("said, hypothetical", [
    ("The platform team is the bit I'd want: a single API and a set of building blocks.", False),
    ("That's the role I would want, owning the ledger end to end.", False),
    ("What I'd want is to add metrics and alerts.", True),
    ("I'd want to add metrics and alerts.", True),
    ("The team I'd want to build would own the ledger.", True),
    ("If I joined, the bit I'd want: the ledger.", True),
])
def test_the_thing_the_candidate_would_want_named_is_no_plan(said: str, hypothetical: bool) -> None:
    """dev2 d2s-052 (strong): "The platform team is the bit I'd want: a single API and a set of building blocks that any
    new loan product is put together from, and the real-time pipeline that every decision runs on." was set aside as a
    plan for "Why this team: one API and abstractions to build any financial product, plus the real-time data
    pipeline" (the "I'd" carried over the whole list)."""
    assert any(m & HYPOTHETICAL for m in clause_markers(said.split())) == hypothetical
