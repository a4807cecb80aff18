"""judge92: a point told as an instance in the story's own words (issue 11, judge90's group B, "M1").

A strong answer tells the point as what was done in this story, far in meaning from the label's general words: "So we
got a boom lift with some outreach for that side and put road plates over the trench" for "We made the safe way the
easy way: the right kit and access on hand" (dev2 d2j-se-unsafe-07, p 0.107), "We worked out five pounds a week on top
of the rent" for "We agreed a repayment plan they could actually keep up" (dev2 d2t-002, p 0.119).

judge92 measured a second floor for such points (an own-act label, 40+ details, the quoting sentence tells the
candidate's own act and is this point's best sentence and no other point's, no denial or plan, p >= 0.10): dev2 A-T
+10 true, +6 false ticks, so it was not taken (docs/benchmarks.md). judge95 took it made precise
(`AnswerJudge._told_as_own_instance`: the story told for this question by its words, the sentence nearer this point
than any other, "us"/"me" as an object no own act): the boom lift is credited; the repayment plan is not yet (a strict
xfail). judge92's false ticks are the guards below, with one more of rule B's: whatever reading credits the instances
must not credit these (a rambling answer's "they stayed with us" for "I told them the decision myself", a colleague
who did the talking for "I went and spoke to the passenger", an off-topic hygiene inspection's "I went through every
cupboard" for "I stopped the food being used", "and I just listened" for "I sorted it there and then")."""
from __future__ import annotations

from pathlib import Path

import pytest

from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.banks import BankRegistry
from voiceprep.core.transcript import Transcript

CORPUS = Path(__file__).parent / "data" / "judge"

pytestmark = pytest.mark.usefixtures("fresh_judge")     # tests/core/analysis/conftest.py

UNSAFE_07 = (
    "Cladding on a warehouse. I look up and one of the fixers has climbed out of the scissor lift and he's standing on "
    "the steel to reach a bracket. I shouted up, \"Down, now, everybody down.\" We lost the rest of that morning on that "
    "elevation. Once he was on the ground I said, \"Talk me through it, why were you up there?\" He said, \"The lift "
    "won't reach past the drainage trench, boss, it can't get close enough.\" And he was right, the trench was open all "
    "along that wall. So we got a boom lift with some outreach for that side and put road plates over the trench so the "
    "scissor lifts could get in too. Next morning at the briefing, with every trade there, I told the story, no names, "
    "and showed them the road plates.")
ARREARS_002 = (
    "So, um, a young mum, Kayleigh, two kids, she'd gone from housing benefit onto Universal Credit and the housing bit "
    "just... wasn't there. She'd put the wrong rent on the form. She was eleven hundred behind by the time it landed "
    "with me. Letters weren't doing anything so I went out to the flat. We rang the UC helpline together from her sofa, "
    "got the housing costs added and backdated, and I got her a council tax reduction she didn't know about either. We "
    "worked out five pounds a week on top of the rent, because honestly anything more and she'd have been choosing "
    "between that and the electric. I did have the option to serve notice and I didn't, there was no point, she was "
    "engaging. She was clear in seven months, and she's still in the flat.")
SAYING_NO_04 = (
    "Oh, okay, um, saying no, yeah. So, there was this, uh, this time, well, there were a few times honestly, it's kind "
    "of constant in payments, everyone wants something, you know? Um, let me think which one. Okay, so, there was a "
    "partner, a platform, a pretty big one, and, you know, they had, um, ideas about what we should build, lots of "
    "ideas, some of them good, honestly. And I think, like, it's always a balance, right, between keeping people happy "
    "and, you know, doing the right thing for the product, and I, um, I try to be thoughtful about it. So what I did "
    "was, um, I pulled the numbers, like, the request would've been about ten weeks of two engineers, and it helped that "
    "one partner, whereas the thing it would have pushed out, the refunds API, had, I think, forty-something customers "
    "waiting on it. So, yeah, it was kind of clear after that. Anyway, um, there were some meetings, a lot of meetings "
    "actually, and people had opinions. But in the end, you know, they stayed with us, they actually signed a bigger "
    "contract the next year, so it worked out. Yeah.")
PASSENGER_007 = (
    "It was a stag do again, they're always stag dos. Two of them were singing and throwing peanuts and one was "
    "standing in the aisle when the belt sign was on. My colleague Aoife went to talk to them, she's brilliant, she's "
    "got this way with groups. While she did that I sorted out the people around them, there was an older couple right "
    "behind and I brought them up to the empty row by the wing, and I told the rest of the crew to do the service from "
    "the other end so nobody had to walk past the lads with a hot drinks trolley. I let the captain know, yeah, once it "
    "was clear they weren't going to stop, and he said he'd get the police to meet us.")
HYGIENE_021 = (
    "The one I'd talk about is our hygiene inspection last year. We'd been a three, which for a place like ours is "
    "embarrassing, and the owner asked me to get us to a five. So I spent two months on it. I went through every "
    "cupboard with the team, we deep-cleaned the extraction, replaced all the chopping boards with the colour-coded "
    "ones, redid the cleaning rota so it's signed off every night, and I put together a folder with all our supplier "
    "details and training certificates. When the inspector came she spent three hours with us and we got the five. The "
    "team were over the moon, we put the sticker in the window.")


def _hit(bank_id: str, prompt_id: str, point: str, said: str) -> bool:
    bank = next(b for b in BankRegistry.discover([CORPUS / "banks"]).banks if b.id == bank_id)
    prompt = bank.prompt(prompt_id)
    a = analyze_answer(bank, prompt, Transcript.from_text(said))
    return next(r for r in a.key_points if r.key_point.id == point).hit


def test_an_own_act_told_as_an_instance_in_the_questions_story_is_credited() -> None:
    """judge95: judge92's rule B made precise (`AnswerJudge._told_as_own_instance`): the boom lift is the candidate's
    own act, the sentence this point quotes best and no other point's, nearer this point than any other, in a story
    told for this question."""
    assert _hit("site-engineer-construction", "unsafe-work", "safe-way-easy", UNSAFE_07)


@pytest.mark.xfail(strict=True, reason="M1: the point told as an instance, far from the label (issue 11; not "
                                       "reached by judge95's rule)")
def test_a_point_told_as_an_instance_is_credited() -> None:
    assert _hit("housing-officer-association", "rent-arrears", "affordable-plan", ARREARS_002)


LISTENED_024 = (
    "What I learned from this one is that some people mostly need to be heard. A regular of ours, Mr Okafor, came in "
    "from a conference furious that his usual room had been given to someone else. He's been coming for eleven years. "
    "I took him to a quiet corner of the lobby bar, away from the desk, and I let him talk it through, and every "
    "grievance he'd been saving up for about two years came out, the parking, the new carpets, everything, and I just "
    "listened. I told him I'd take it all to the general manager and get back to him about his room for future stays. "
    "That evening I knocked on his door with a note from the GM, asked if he was settled, and he was fine by then.")


@pytest.mark.parametrize("bank_id, prompt_id, point, said", [
    ("product-manager-payments", "saying-no", "told-them", SAYING_NO_04),
    # judge95: "and I just listened" is nearer another point (heard out) than "sorted it there and then"
    ("hotel-front-office", "angry-guest", "put-right", LISTENED_024),
    ("cabin-purser-airline", "disruptive-passenger", "spoke-alone", PASSENGER_007),
    ("sous-chef-restaurant", "food-safety", "stopped-use", HYGIENE_021),
])
def test_a_neighbouring_act_is_no_instance_of_the_point(bank_id: str, prompt_id: str, point: str, said: str) -> None:
    """The false ticks of judge92's measured floor: each is the nearest own act of a detailed answer to a point it
    does not tell."""
    assert not _hit(bank_id, prompt_id, point, said)


@pytest.mark.parametrize("theirs, told", [
    (1, True),       # the other point's best is the next sentence: this sentence is this point's own
    (2, False),      # the other point's best is the pair holding this sentence: it tells that point too
])
def test_a_sentence_inside_another_points_best_unit_is_no_instance_of_its_own(theirs: int, told: bool) -> None:
    """judge98r: units overlap (a pair of sentences, a window of a long one), so "no other point's best" reads the
    words a unit says, not its index: a sentence inside the pair another point quotes best is refused."""
    import numpy as np

    from voiceprep.core.analysis.judge import AnswerJudge
    from voiceprep.core.analysis.segments import Unit
    from voiceprep.core.banks.model import KeyPoint
    from voiceprep.settings import AnalysisSettings

    ours = KeyPoint("told-them", "I told them the decision myself", ("told them",), cues_from_label=True)
    other = KeyPoint("next-step", "Agreed the next step with the team", ("next step",), cues_from_label=True)
    judge = object.__new__(AnswerJudge)
    judge.s = AnalysisSettings()
    judge.concrete, judge.elsewhere, judge.said_of_question = True, False, 1.0
    judge._points = [ours, other]
    judge.units = [Unit(0, 4, "I rang them that afternoon.", "sentence", frozenset(), frozenset()),
                   Unit(5, 10, "Then we went through the plan together.", "sentence", frozenset(), frozenset()),
                   Unit(0, 10, "I rang them that afternoon. Then we went through the plan together.", "pair",
                        frozenset(), frozenset())]
    judge._own_act_units = np.array([True, True, True])
    quotes = np.array([[0.50, 0.30], [0.10, 0.40], [0.30, 0.35]])
    quotes[theirs, 1] = 0.60                   # the other point's best unit
    judge._quotes = quotes
    closeness = quotes[:, 0].copy()
    p = judge.s.plain_detailed_min_probability
    assert judge._told_as_own_instance(ours, p, True, closeness) is told
