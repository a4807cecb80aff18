"""A key point's names in the bank's vocabulary, kept on the point in the file (fixAJ 1)."""
from __future__ import annotations

import pytest

from voiceprep.core.banks import point_names
from voiceprep.core.banks.document import BankDocument
from voiceprep.core.banks.load import BankLoadError, parse_bank

BANK = """schema = 1
vocabulary = ["Datix", "AGENCY NURSES", "HCA"]

[job]
id = "ward-manager"
title = "Ward Manager"

[[rounds]]
id = "behavioural"
title = "Behavioural"

[[rounds.prompts]]
id = "staffing"
text = "Tell me about a staffing crisis on your ward."

[[rounds.prompts.key_points]]
id = "agency"
label = "Called in AGENCY NURSES and moved the HCA"
added_to_vocabulary = ["AGENCY NURSES", "HCA"]

[[rounds.prompts.key_points]]
id = "huddle"
label = "Asked the HCA to run the safety huddle and logged it on Datix"
"""
FIRST, SECOND = ("rounds", 0, "prompts", 0, "key_points", 0), ("rounds", 0, "prompts", 0, "key_points", 1)


def test_the_field_loads_and_a_bad_entry_is_named():
    assert parse_bank(BANK).vocabulary == ("Datix", "AGENCY NURSES", "HCA")
    with pytest.raises(BankLoadError) as err:
        parse_bank(BANK.replace('added_to_vocabulary = ["AGENCY NURSES", "HCA"]', 'added_to_vocabulary = ["", 3]'))
    assert "added_to_vocabulary[0]: must be a non-empty string" in str(err.value)


def test_a_reworded_point_drops_only_what_it_alone_said_and_hands_on_what_another_point_says():
    """Reworded, the point drops "AGENCY NURSES" (said nowhere else); "HCA", which the other point says, stays and
    is now that point's, so it goes when that one does; "Datix", typed by the candidate, stays throughout."""
    doc = BankDocument(BANK)
    old = doc.get(FIRST, "label")
    doc.set(FIRST, "label", "Called in bank staff from the Bed Bureau")
    added, taken = point_names.reworded(doc, FIRST, old, [])
    assert (added, taken) == (["Bed Bureau"], ["AGENCY NURSES"])
    assert doc.get((), "vocabulary") == ["Datix", "HCA", "Bed Bureau"]
    assert doc.get(FIRST, point_names.ADDED) == ["Bed Bureau"]
    assert doc.get(SECOND, point_names.ADDED) == ["HCA"]
    theirs = point_names.added_by(doc, SECOND)
    doc.remove(SECOND)
    assert point_names.drop_unused(doc, theirs) == ["HCA"]
    assert doc.get((), "vocabulary") == ["Datix", "Bed Bureau"]
    assert 'added_to_vocabulary = ["Bed Bureau"]' in doc.text()       # readable, hand-editable


def test_names_come_from_the_label_and_the_first_spelling_of_a_capitalised_cue():
    assert point_names.wording_names("Moved the HCA to the Bed Bureau", ["HoYoverse|Hoyo verse", "ring buffer",
                                                                        "10 units"]) == ["HCA", "Bed Bureau",
                                                                                         "HoYoverse"]
