"""fixCK: a name the bank writes with a capital keeps it at a label's start ("Datix reports"), though it looks like a
past ("Ofsted rated the school good"); a word the bank does not write so is lowered as before ("churn")."""

from __future__ import annotations

import pytest

from voiceprep.core.analysis.followups import bank_names, broken_question, follow_up_for
from voiceprep.core.banks.model import Bank, Job, KeyPoint, Prompt, Round


def _bank(*points: KeyPoint, vocabulary: tuple[str, ...] = (), company: str | None = None) -> Bank:
    story = Prompt(id="p", text="Tell me about a time the ward's numbers moved.", key_points=points)
    return Bank(schema=1, job=Job(id="ward", title="Ward Manager", company=company),
                rounds=(Round(id="r", title="R", prompts=(story,)),), vocabulary=vocabulary)


DATIX = KeyPoint(id="datix", label="Datix reports fell by 5 points", cues=("incident reports",))


@pytest.mark.parametrize("other, vocabulary, company", [
    (KeyPoint(id="o", label="Handover was kept to 15 minutes", cues=("handover",)), ("Datix",), None),     # Vocabulary
    (KeyPoint(id="o", label="Handover was kept to 15 minutes", cues=("handover",)), (), "Datix Ltd"),      # company
    (KeyPoint(id="o", label="I logged it on Datix", cues=("logged",)), (), None),         # inside another label
    # failed on main: a possessive inside another label ("Datix's" was the name), a name written as another point's cue
    (KeyPoint(id="o", label="Learning from Datix's reports shared at huddle", cues=("learning",)), (), None),
    (KeyPoint(id="o", label="Reported the unsafe staffing", cues=("Datix|day tix", "incident form")), (), None),
])
def test_a_name_the_bank_writes_with_a_capital_keeps_it_at_a_labels_start(other, vocabulary, company):
    bank = _bank(DATIX, other, vocabulary=vocabulary, company=company)
    assert "Datix" in bank_names(bank)
    assert follow_up_for(DATIX, bank) == "Can you tell me how much Datix reports fell?"


def test_a_word_the_bank_writes_only_at_a_labels_start_is_lowered_as_a_thing():
    churn = KeyPoint(id="c", label="Churn fell by 5 points", cues=("retention",))
    bank = _bank(churn, KeyPoint(id="o", label="I logged it on Datix", cues=("logged",)))
    assert follow_up_for(churn, bank) == "Can you tell me how much churn fell?"


def test_a_plain_cue_or_one_made_from_its_label_names_nothing():
    plain = KeyPoint(id="o", label="Reported the unsafe staffing", cues=("incident form", "I decided"))
    from_label = KeyPoint(id="l", label="Churn fell by 5 points", cues=("Churn fell",), cues_from_label=True)
    assert bank_names(_bank(plain, from_label)) == frozenset()


OFSTED = KeyPoint(id="o", label="Got the ward ready for the Ofsted inspection", cues=("inspection",))


@pytest.mark.parametrize("label, asked", [
    # was "You haven't said yet how you ofsted rated the school good. ...": "Ofsted" read as a past ("-ed")
    ("Six months later Ofsted rated the school good", "When did Ofsted rate the school good?"),
    ("Six months later, Ofsted rated the school good", "When did Ofsted rate the school good?"),
    ("Ofsted rated the school good", "Can you tell me how Ofsted rated the school good?"),
])
def test_a_bank_name_that_looks_like_a_past_is_the_one_who_did_it(label, asked):
    point = KeyPoint(id="k", label=label, cues=("rated good",))
    question = follow_up_for(point, _bank(point, OFSTED))
    assert question == asked
    assert broken_question(label, question) is None


def test_a_past_the_bank_does_not_name_is_still_what_the_candidate_did():
    point = KeyPoint(id="k", label="Six months later we rated the school good", cues=("rated good",))
    assert follow_up_for(point, _bank(point, OFSTED)) == "When did you rate the school good?"
