"""Key points written in plain sentences, without cues (issue 11, point 3): what such a label claims."""

from __future__ import annotations

from voiceprep.core.analysis import embedder
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.plain import claimed_acts, names_something
from voiceprep.core.banks import parse_bank
from voiceprep.core.transcript import Transcript

KITCHEN = """
schema = 1
[job]
id = "kitchen"
title = "Kitchen lead"
[[rounds]]
id = "r"
title = "R"
[[rounds.prompts]]
id = "p"
text = "Tell me about a night when the kitchen fell behind."
[[rounds.prompts.key_points]]
id = "staff"
label = "I moved a cook from prep to the grill and called in our part-timer"
[[rounds.prompts.key_points]]
id = "guests"
label = "I told the floor staff how long the wait was and we comped desserts for the worst tables"
"""


def test_a_plain_label_is_split_into_the_things_it_says_were_done():
    assert claimed_acts("I moved a cook from prep to the grill and called in our part-timer") == (
        "I moved a cook from prep to the grill", "I called in our part-timer")
    # the subject and its auxiliary carry over; a contrast after a thing done is not another thing done
    assert claimed_acts("I will stay close to the team and review every plan, not manage from a spreadsheet") == (
        "I will stay close to the team", "I will review every plan")
    # a new subject opens a new thing done
    assert claimed_acts("We agreed on a rota and I checked it a month later") == (
        "We agreed on a rota", "I checked it a month later")
    # one thing told, its objects joined by "and" or a "not" inside it: nothing to split
    assert claimed_acts("I found out what happened from the logs and the people on call") == ()
    assert claimed_acts("I fixed the rota so nobody would not get a weekend off") == ()
    # a label that lists its items after a colon is read by its facets
    assert claimed_acts("How I found it: logs, metrics and asking the team") == ()
    # a thing claimed in everyday verbs about what the other part names ("it") names nothing by itself (judged alone)
    assert claimed_acts("Rural clinics are short of nurses and I want to help fix it")[1] == "I want to help fix it"
    assert not names_something("I want to help fix it") and names_something("I checked it a month later")
    # one thing done set against another: the thing done is what the answer tells
    assert claimed_acts("I asked the regulars about the new menu instead of trusting the online reviews") == (
        "I asked the regulars about the new menu",)
    assert claimed_acts("I kept the talk on the guests, not on whose fault it was") == (
        "I kept the talk on the guests",)


def _probability(text: str, point: str) -> tuple[bool, float]:
    bank = parse_bank(KITCHEN)
    a = analyze_answer(bank, bank.prompt("p"), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    r = next(r for r in a.key_points if r.key_point.id == point)
    return r.hit, r.judgement.probability


def test_one_thing_a_plain_label_claims_told_in_other_words_covers_it():
    embedder.set_disabled(False)
    # "called in our part-timer", in other words: far from the whole sentence, close to that one thing
    assert _probability("I texted our part-timer and she came in within the hour.", "staff")[0]
    # the same night, telling neither thing, covers nothing
    assert not _probability("The kitchen was a mess that night and everyone was stressed.", "staff")[0]
    assert not _probability("I like working in busy kitchens.", "staff")[0]
    # a thing done is told as done: a view on it is not the story
    assert not _probability("I really value cooks who move between stations, and I think part-timers matter.",
                            "staff")[0]
    assert not _probability("I texted our part-timer and she came in within the hour.", "guests")[0]


MENU = KITCHEN + """
[[rounds.prompts.key_points]]
id = "regulars"
label = "I asked the regulars what they thought of the new menu instead of trusting the online reviews and the food critics"
"""


def test_a_plain_label_is_covered_by_what_it_says_was_done_not_by_what_it_sets_it_against():
    embedder.set_disabled(False)
    bank = parse_bank(MENU)

    def covered(text: str) -> bool:
        a = analyze_answer(bank, bank.prompt("p"), Transcript.from_text(text))
        return next(r for r in a.key_points if r.key_point.id == "regulars").hit

    # the contrast ("instead of trusting the online reviews and the food critics") pulls the whole label away from
    # an answer that tells the thing done in other words
    assert covered("I went round the tables and asked our regular guests how they liked the new dishes.")
    assert not covered("The new menu launched in May.")
