"""A new key point's competency (core.banks.new_point), the rule the bank editor's Add key point uses."""

from __future__ import annotations

from voiceprep.core.banks.document import BankDocument
from voiceprep.core.banks.new_point import default_competency, most_used

TEXT = '''schema = 1

[job]
id = "ward"
title = "Ward manager"

[[competencies]]
id = "people"
name = "Leading people"
weight = 0.5

[[competencies]]
id = "safety"
name = "Patient safety"
weight = 0.5

[[rounds]]
id = "r1"
title = "Round 1"

[[rounds.prompts]]
id = "conflict"
text = "Tell me about a conflict in your team."

[[rounds.prompts.key_points]]
id = "a"
label = "I met each of them alone"
competency = "people"

[[rounds.prompts.key_points]]
id = "b"
label = "I agreed the rota with both"
competency = "people"

[[rounds.prompts.key_points]]
id = "c"
label = "I logged it on Datix"
competency = "safety"

[[rounds.prompts]]
id = "empty"
text = "Tell me about a hard week."

[[rounds]]
id = "r2"
title = "Round 2"

[[rounds.prompts]]
id = "new"
text = "Why this ward?"
'''
CONFLICT, EMPTY, NEW = ("rounds", 0, "prompts", 0), ("rounds", 0, "prompts", 1), ("rounds", 1, "prompts", 0)


def test_a_prompts_point_takes_what_its_points_use_most_else_none():
    doc = BankDocument(TEXT)
    assert default_competency(doc, CONFLICT) == ("people", "prompt's")
    doc.set(CONFLICT + ("key_points", 1), "competency", "safety")
    assert default_competency(doc, CONFLICT) == ("safety", "prompt's")
    doc.set(CONFLICT + ("key_points", 2), "competency", "")
    assert default_competency(doc, CONFLICT) == (None, "prompt's")         # a tie (walk37): none, asked for


def test_a_new_prompts_first_point_takes_its_rounds_most_used_then_the_banks():
    doc = BankDocument(TEXT)
    assert default_competency(doc, EMPTY) == ("people", "round's")          # walk50: it started at none
    assert default_competency(doc, NEW) == ("people", "bank's")             # round 2 has no points yet
    for j in range(3):
        doc.set(CONFLICT + ("key_points", j), "competency", "")
    assert default_competency(doc, EMPTY) == (None, "")


def test_a_bank_with_no_competencies_gives_none():
    doc = BankDocument(TEXT.split("[[competencies]]")[0] + "[[rounds]]" + TEXT.split("[[rounds]]", 1)[1])
    assert default_competency(doc, CONFLICT) == (None, "")


def test_most_used_is_none_on_a_tie_or_with_none_named():
    doc = BankDocument(TEXT)
    points = [CONFLICT + ("key_points", j) for j in range(3)]
    assert most_used(doc, points) == "people"
    assert most_used(doc, points[1:]) is None                               # one each
    assert most_used(doc, []) is None
