"""judge62: in an answer of `plain_detailed_details` details, a plain point whose nearest sentence is its own (that
sentence quotes it at least as well as any other key point of the prompt) counts from `plain_own_min_probability`:
the story tells this point there, in its own words, far from the label's general ones ("That was one witness, so I
wouldn't run it until the fire service said something" for "I held back anything we had from only one source until
someone else confirmed it"). A partial answer whose nearest sentence is another point's stays unticked. Typed answers
(dev2 tuning writers N, S, Q) through the real judge."""
from __future__ import annotations

from pathlib import Path

import pytest

from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.banks import BankRegistry
from voiceprep.core.transcript import Transcript

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

BANKS = Path(__file__).parent / "data/judge/banks"

BREAKING = (
    "Nine o'clock on a Tuesday, first edition off at quarter to eleven, and the recycling plant at Stowe goes up. I had "
    "four people in. Priya went to the scene, Tom took the fire service and the police on the phone, Gemma took "
    "residents and social media, and Dan kept the web page going. Within twenty minutes Facebook had \"two workers "
    "dead\". That was one witness, so I wouldn't run it until the fire service said something, and at ten they said one "
    "man taken to hospital, nobody dead. On the live page we had a box near the top: we don't know yet what caused it, "
    "we don't know if anyone else was inside. Around ten police arrested a sixteen-year-old, and a neighbour gave us his "
    "name, so I rang our lawyer at home before a word of it went anywhere, and she said no, he's a juvenile, we don't "
    "name him. Next morning at ten the five of us got round a table for twenty minutes: what went well, what was slow.")
MILKING = (
    "Kasia. Good worker, fast, but the cell counts on her milkings were always higher, and the parlour computer showed "
    "her clusters were coming off early. So I did the Tuesday afternoon milking with her, side by side, not saying much, "
    "just watching, and she was skipping the fore-strip when the cows were backing up in the collecting yard. "
    "Afterwards over a brew I told her why each bit is there: the fore-strip shows you a mastitis case before it goes in "
    "the tank, the dip needs its thirty seconds to kill anything, and the cow needs that time anyway to let her milk "
    "down, so you don't actually save time skipping it. Then I printed the routine out big and laminated it and stuck "
    "it up at both ends of the pit, for everyone, not just her. And I was in the pit with her once a week for the next "
    "month or so, and I kept an eye on her milkings on the computer. Her numbers came right within a few weeks.")
WRONG_STRENGTH = (
    "We gave a lady amlodipine ten milligram instead of five. Her daughter rang on the Thursday because her mum was "
    "dizzy and the box looked different from usual. I rang the GP surgery straight away, spoke to the duty doctor, and "
    "then went round to the house myself after we closed, with the right tablets, and I told them plainly that it was "
    "our mistake, that we'd put the wrong strength in the bag, and what to watch for. She was fine, her blood pressure "
    "settled in a couple of days. Then I sat down with it properly, because the dispenser, Kerry, has been with us nine "
    "years and she doesn't make that kind of mistake. What I found was that the two strengths had come in from the "
    "wholesaler in near-identical boxes that month, same colour, same size, and they were sitting side by side on the "
    "shelf, and it was a Monday with two of us off. So it wasn't carelessness, it was the set-up. What I did about it "
    "was talk to Kerry one to one, go over the checking steps with her again and ask her to slow down and double-check "
    "strengths on busy days, and I did the same reminder with the others individually. Then at the Wednesday team "
    "huddle I took everyone through what had happened, the boxes, the Monday, the daughter's call, so all of us, not "
    "just Kerry, knew the trap.")


def _point(bank_id: str, prompt_id: str, text: str, point: str):
    bank = next(b for b in BankRegistry.discover([BANKS]).banks if b.id == bank_id)
    a = analyze_answer(bank, bank.prompt(prompt_id), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    return next(r for r in a.key_points if r.key_point.id == point)


@pytest.mark.parametrize("bank,prompt,text,point,quoted", [
    ("news-editor-regional", "breaking-news", BREAKING, "second-source", "one witness"),
    ("dairy-herd-manager", "team-member", MILKING, "explained-why", "why each bit is there"),
])
def test_a_plain_point_told_in_its_own_sentence_of_a_detailed_story_is_ticked(bank, prompt, text, point, quoted):
    """Before (semantic-46): p 0.078 and 0.034, under the detailed story's floor (0.10): not ticked."""
    r = _point(bank, prompt, text, point)
    assert r.hit, r.judgement.probability
    assert quoted in r.judgement.unit.text


def test_a_point_whose_nearest_sentence_is_another_points_stays_unticked():
    """The partial answer reminds each dispenser of the checks (p 0.090); its nearest sentence for "changed the
    process" quotes another point better: the point is not told there."""
    r = _point("pharmacist-community", "dispensing-error", WRONG_STRENGTH, "changed-process")
    assert not r.hit, r.judgement.probability
