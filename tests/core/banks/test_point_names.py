"""A key point's names in the bank's vocabulary, kept on the point in the file (fixAJ 1)."""
from __future__ import annotations

import pytest

from tests.core.banks.bank_text import bank_text
from voiceprep.core.banks import point_names
from voiceprep.core.banks.document import BankDocument
from voiceprep.core.banks.load import BankLoadError, parse_bank

BANK = bank_text(
    {"id": "agency", "label": "Called in AGENCY NURSES and moved the HCA", "added_to_vocabulary": ["AGENCY NURSES", "HCA"]},
    {"id": "huddle", "label": "Asked the HCA to run the safety huddle and logged it on Datix"},
    top={"vocabulary": ["Datix", "AGENCY NURSES", "HCA"]})
FIRST, SECOND = ("rounds", 0, "prompts", 0, "key_points", 0), ("rounds", 0, "prompts", 0, "key_points", 1)


def test_the_field_loads_and_a_bad_entry_is_named():
    assert parse_bank(BANK).vocabulary == ("Datix", "AGENCY NURSES", "HCA")
    with pytest.raises(BankLoadError) as err:
        parse_bank(BANK.replace('added_to_vocabulary = ["AGENCY NURSES", "HCA"]', 'added_to_vocabulary = ["", 3]'))
    assert "key point 1, added vocabulary word 1: must be a non-empty string" in str(err.value)   # read38a: from 1


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


def test_a_name_cleared_from_the_vocabulary_and_typed_back_is_the_candidates():
    """review34 2a: the candidate clears "AGENCY NURSES" from the Vocabulary box (the editor commits it and
    keep_listed), later types it back as their own: removing the point that once put it there leaves it."""
    doc = BankDocument(BANK)
    doc.set((), "vocabulary", ["Datix", "HCA"])
    point_names.keep_listed(doc)
    assert doc.get(FIRST, point_names.ADDED) == ["HCA"]
    doc.set((), "vocabulary", ["Datix", "HCA", "AGENCY NURSES"])
    point_names.keep_listed(doc)
    theirs = point_names.added_by(doc, FIRST)
    doc.remove(FIRST)
    assert point_names.drop_unused(doc, theirs) == []      # "HCA": the other point says it
    assert doc.get((), "vocabulary") == ["Datix", "HCA", "AGENCY NURSES"]


def test_a_case_variant_the_candidate_typed_stays_when_the_point_goes():
    """review34 2b: "agency nurses" typed beside the point's "AGENCY NURSES" is the candidate's; only the point's
    exact entry goes with it."""
    doc = BankDocument(BANK)
    doc.set((), "vocabulary", ["Datix", "AGENCY NURSES", "HCA", "agency nurses"])
    theirs = point_names.added_by(doc, FIRST)
    doc.remove(FIRST)
    assert point_names.drop_unused(doc, theirs) == ["AGENCY NURSES"]
    assert doc.get((), "vocabulary") == ["Datix", "HCA", "agency nurses"]


def test_a_cue_that_is_no_name_adds_nothing_to_the_vocabulary():
    """review34 2c: a cue typed in the editor, "I decided", is no name; a name inside a cue, or a cue that is a name,
    still is."""
    assert point_names.wording_names("Took the decision myself", ["I decided|I chose", "I led", "We agreed"]) == []
    assert point_names.wording_names("", ["I logged it on Datix", "Bed Bureau", "Kafka", "gRPC|g r p c"]) == [
        "Datix", "Bed Bureau", "Kafka", "gRPC"]
    doc = BankDocument(BANK)
    old = doc.get(SECOND, "label")
    doc.set(SECOND, "cues", ["I decided"])
    assert point_names.reworded(doc, SECOND, old, []) == ([], [])
    assert doc.get((), "vocabulary") == ["Datix", "AGENCY NURSES", "HCA"]


def test_writing_a_points_names_makes_the_bank_schema_2_and_schema_1_banks_still_load():
    """review34 2d: a bank with added_to_vocabulary is schema 2, so a voiceprep that reads only schema 1 refuses it
    by its schema ("unsupported schema 2"), not by an unknown field; schema 1 banks, with the field too (saved on
    the day it came), load; a bank from a newer voiceprep says so."""
    plain = BANK.replace('added_to_vocabulary = ["AGENCY NURSES", "HCA"]\n', "")
    assert parse_bank(plain).schema == 1 and parse_bank(BANK).schema == 1
    doc = BankDocument(plain)
    doc.set(SECOND, "label", "Asked the HCA to run the huddle and rang the Bed Bureau")
    added, _ = point_names.reworded(doc, SECOND, "Asked the HCA to run the safety huddle and logged it on Datix", [])
    assert added == ["Bed Bureau"]
    assert doc.text().startswith("schema = 2\n") and parse_bank(doc.text()).schema == 2
    untouched = BankDocument(plain)
    assert point_names.reworded(untouched, FIRST, str(untouched.get(FIRST, "label")), []) == ([], [])
    assert untouched.text().startswith("schema = 1\n")
    with pytest.raises(BankLoadError) as err:
        parse_bank(BANK.replace("schema = 1", "schema = 3"))
    assert "made by a newer voiceprep (schema 3); this one reads schema 1 to 2: update voiceprep" in str(err.value)


def _box(doc: BankDocument, *names: str) -> None:
    """The Vocabulary box committed with `names`, as the editor commits it (one of its 500 ms pauses)."""
    before = point_names.vocabulary(doc)
    doc.set((), "vocabulary", list(names))
    point_names.vocabulary_edited(doc, before)


def test_a_name_corrected_in_the_vocabulary_stays_its_points_and_goes_with_it():
    """fixAS 2a: the candidate fixes a point's name where it stands in the Vocabulary box ("AGENCY NURSES" made
    "Agency Nurses", through "Agency Nurse" at a pause); it stays the point's under the new spelling, an edit of the
    point's cues keeps it, and it goes with the point. "Bed Bureau" typed as a new entry is the candidate's; "Datix"
    cleared and typed back is theirs too (fixAO)."""
    doc = BankDocument(BANK)
    _box(doc, "Datix", "Agency Nurse", "HCA")
    _box(doc, "Datix", "Agency Nurses", "HCA", "Bed Bureau")
    assert point_names.added_by(doc, FIRST) == ["Agency Nurses", "HCA"]
    old = doc.get(FIRST, "label")
    doc.set(FIRST, "cues", ["I decided"])
    assert point_names.reworded(doc, FIRST, old, []) == ([], [])
    assert point_names.added_by(doc, FIRST) == ["Agency Nurses", "HCA"]
    _box(doc, "Agency Nurses", "HCA", "Bed Bureau")              # cleared ...
    _box(doc, "Agency Nurses", "HCA", "Bed Bureau", "Datix")     # ... and typed back: the candidate's own
    theirs = point_names.added_by(doc, FIRST)
    doc.remove(FIRST)
    assert point_names.drop_unused(doc, theirs) == ["Agency Nurses"]      # "HCA": the other point still says it
    assert doc.get((), "vocabulary") == ["HCA", "Bed Bureau", "Datix"]


def test_a_copied_bank_keeps_its_points_names_through_save_and_load(tmp_path):
    """fixAS 2b: a copy (Duplicate to my banks, an import under a new id, a drafted bank's fresh id: all
    BankDocument.copy_of) keeps each point's `added_to_vocabulary`; saved and loaded again, removing the point takes
    its names and leaves the candidate's ("Datix")."""
    copy = BankDocument.copy_of(BANK, "ward-manager-mine", "Ward Manager (my copy)", origin="ward-manager")
    saved = copy.save(tmp_path / "ward-manager-mine.toml")
    assert 'added_to_vocabulary = ["AGENCY NURSES", "HCA"]' in saved.read_text(encoding="utf-8")
    doc = BankDocument.open(saved)
    assert not doc.problems()
    theirs = point_names.added_by(doc, FIRST)
    doc.remove(FIRST)
    assert point_names.drop_unused(doc, theirs) == ["AGENCY NURSES"]
    assert doc.get((), "vocabulary") == ["Datix", "HCA"]
    assert point_names.added_by(doc, FIRST) == ["HCA"]            # handed on: the point left still says it


def test_a_point_name_changed_into_a_name_already_in_the_vocabulary_is_no_correction():
    """review35a: the candidate's own "Bed Bureau" is in the box; a point's "AGENCY NURSES" line changed into a second
    "Bed Bureau" made the candidate's name the point's, so removing the point took it out of the Vocabulary."""
    doc = BankDocument(BANK)
    _box(doc, "Datix", "AGENCY NURSES", "HCA", "Bed Bureau")
    _box(doc, "Datix", "Bed Bureau", "HCA", "Bed Bureau")
    assert point_names.added_by(doc, FIRST) == ["HCA"]
    theirs = point_names.added_by(doc, FIRST)
    doc.remove(FIRST)
    assert point_names.drop_unused(doc, theirs) == []
    assert "Bed Bureau" in doc.get((), "vocabulary")


def _typed_over(doc: BankDocument, line: int, *commits: str) -> None:
    """Line `line` of the Vocabulary box retyped, committed at each of `commits` (the box's pauses on the way)."""
    for text in commits:
        names = point_names.vocabulary(doc)
        _box(doc, *names[:line], text, *names[line + 1:])


def test_a_different_name_typed_over_a_points_name_is_the_candidates():
    """review35a 3: the candidate selects the point's "AGENCY NURSES" line and types a name of their own, "Bed Bureau"
    (committed at pauses on the way); "Agenda Board" starts like the point's name. Neither is a correction: removing
    the point leaves them."""
    for commits in (("Be", "Bed Bu", "Bed Bureau"), ("Ag", "Agen", "Agend", "Agenda Board")):
        doc = BankDocument(BANK)
        _typed_over(doc, 1, *commits)
        assert point_names.added_by(doc, FIRST) == ["HCA"]
        theirs = point_names.added_by(doc, FIRST)
        doc.remove(FIRST)
        assert point_names.drop_unused(doc, theirs) == []
        assert doc.get((), "vocabulary") == ["Datix", commits[-1], "HCA"]


def test_a_points_name_retyped_through_its_start_or_with_a_typo_fixed_stays_the_points():
    """The correction typed at pauses ("Ag", "Agen", "Agency Nurses"), or a typo fixed ("AGENCY NURSSE" then
    "AGENCY NURSES"), stays the point's and goes with it."""
    for commits in (("Ag", "Agen", "Agency Nurses"), ("AGENCY NURSSE", "AGENCY NURSES")):
        doc = BankDocument(BANK)
        _typed_over(doc, 1, *commits)
        assert point_names.added_by(doc, FIRST) == [commits[-1], "HCA"]
        theirs = point_names.added_by(doc, FIRST)
        doc.remove(FIRST)
        assert point_names.drop_unused(doc, theirs) == [commits[-1]]


def test_two_lines_changed_at_once_pair_by_likeness_not_place():
    """review35a 4: a line inserted above a corrected one in one commit (a paste, or both in one pause): the correction
    is the point's, the new "Rota" the candidate's."""
    doc = BankDocument(BANK)
    _box(doc, "Datix", "Rota", "Agency Nurses", "HCA")
    assert point_names.added_by(doc, FIRST) == ["Agency Nurses", "HCA"]
    theirs = point_names.added_by(doc, FIRST)
    doc.remove(FIRST)
    assert point_names.drop_unused(doc, theirs) == ["Agency Nurses"]
    assert doc.get((), "vocabulary") == ["Datix", "Rota", "HCA"]


def test_how_near_a_correction_must_be():
    assert point_names.corrects("Bed Bureau", ["Bed Bureu"]) > 0.9
    assert point_names.corrects("agency nurses", ["AGENCY NURSES"]) == 1.0
    assert point_names.corrects("Agen", ["AGENCY NURSES"]) == 1.0          # on the way
    assert point_names.corrects("Bank Nurses", ["AGENCY NURSES"]) == 0.0
    assert point_names.corrects("Rota", ["AGENCY NURSES", "Called"]) == 0.0


def test_a_chain_of_small_edits_does_not_drift_a_points_name_into_another():
    """fixBB (fixAW's note): each line was judged against the one it replaced only, so edits committed at pauses, each
    within VOCABULARY_CORRECTION_RATIO of the last, walked "AGENCY NURSES" to "ARGENT SOLAR" and kept it the point's
    (removing the point took the candidate's name out). A correction must also be near what the point's wording
    says: the chain leaves the point at the first step too far from it, and so does retyping the end word."""
    for commits in (("AGENCY NURSE", "AGENCY PURSE", "AGENT PURSE", "AGENT PULSE", "ARGENT PULSE", "ARGENT SOLAR"),
                    ("AGENCY NURS", "AGENCY", "AGENCY B", "AGENCY BO", "AGENCY BOAR", "AGENCY BOARD")):
        doc = BankDocument(BANK)
        _typed_over(doc, 1, *commits)
        assert point_names.added_by(doc, FIRST) == ["HCA"], commits
        theirs = point_names.added_by(doc, FIRST)
        doc.remove(FIRST)
        assert point_names.drop_unused(doc, theirs) == []
        assert doc.get((), "vocabulary") == ["Datix", commits[-1], "HCA"]
    # the small steps of a real correction all stay near the wording, and the name stays the point's
    doc = BankDocument(BANK)
    _typed_over(doc, 1, "AGENCY NURSE", "Agency Nurse", "Agency Nurses")
    assert point_names.added_by(doc, FIRST) == ["Agency Nurses", "HCA"]


def test_a_handed_on_name_said_in_lower_case_is_corrected_only_near_that_wording():
    """A name handed on to a point that says it in lower case ("the bed bureau": not in its `wording_names`) is still
    anchored to that wording (`said_phrases`): a typo fixed stays the point's, a drift away does not."""
    bank = bank_text({"id": "bureau", "label": "Rang the bed bureau for cover", "added_to_vocabulary": ["Bed Bureau"]},
                     top={"vocabulary": ["Bed Bureau"]})
    point = ("rounds", 0, "prompts", 0, "key_points", 0)
    doc = BankDocument(bank)
    _typed_over(doc, 0, "Bed Bureaux")
    assert point_names.added_by(doc, point) == ["Bed Bureaux"]
    _typed_over(doc, 0, "Bed Burrow", "Red Burrow", "Red Barrow")
    assert point_names.added_by(doc, point) == []
    assert "bed bureau" in point_names.said_phrases("Rang the bed bureau for cover")


@pytest.mark.parametrize("label", [
    "• Patient checked and safe first • Told the family – duty of candour • Datix + learning shared at huddle",
    "• Patient checked and safe first\n• Told the family – duty of candour\n• Datix + learning shared at huddle",
    "- Patient checked and safe first\n- Told the family - duty of candour\n- Datix + learning shared at huddle",
    "* Patient checked and safe first * Told the family * Datix + learning shared at huddle",
    "– Patient checked and safe first\n– Told the family\n– Datix + learning shared at huddle"])
def test_a_list_mark_starts_a_sentence(label):
    """Walk50 finding 3: "Told" after a "•" was read as a capital inside a sentence, so the editor put it into the
    Vocabulary as a name. A bullet, a "-", "*" or "–" list mark, or a new line, starts a sentence: its first word is
    no name unless marked as one ("Datix" here is such a first word: a name only by its own marks, as at any start)."""
    assert point_names.wording_names(label) == []
    assert point_names.wording_names("Logged it • then rang the PALS team – PCI-DSS and 3-D Secure kept") == [
        "PALS", "PCI-DSS", "3-D Secure"]


def test_a_one_word_name_is_not_handed_on_to_a_point_that_says_it_only_in_lower_case():
    """Walk50 finding 3: "Told", put in by one point's wording, was handed on when that point was reworded to a point
    that says "told the families" in lower case, so it stayed in the Vocabulary. One capitalised word said elsewhere
    only in lower case is an ordinary word there: it goes. A name of several words said in lower case ("the bed
    bureau") is still that name and is handed on (fixBB)."""
    bank = bank_text({"id": "a", "label": "Patient checked first; Told the family", "added_to_vocabulary": ["Told"]},
                     {"id": "b", "label": "I told the families about the delays"}, top={"vocabulary": ["Told"]})
    doc = BankDocument(bank)
    old = doc.get(FIRST, "label")
    doc.set(FIRST, "label", "The patient was checked and safe first")
    assert point_names.reworded(doc, FIRST, old, []) == ([], ["Told"])
    assert not doc.get((), "vocabulary") and point_names.added_by(doc, SECOND) == []
