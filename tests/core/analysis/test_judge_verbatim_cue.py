"""judge71 (fixCH's "Try it" on walk50's ward bank), typed through the real judge: a cue the bank wrote, said word for
word or with ordinary inflection, counts even when it is the sentence's only content ("I logged it on Datix.", the
whole label as a cue); a first cue does not throw away the label's own words (the label said as it is still counts);
a lone everyday cue word in a bare sentence still counts for nothing."""
from __future__ import annotations

import pytest

from tests.core.banks.bank_text import bank_text
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.judge import said_verbatim
from voiceprep.core.banks.load import parse_bank
from voiceprep.core.transcript import Transcript

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

CANDOUR = {"id": "candour", "label": "I told the family openly, under duty of candour"}
REPORTED = {"id": "reported", "label": "I reported the unsafe staffing so the pattern could be reviewed"}


def judged(cues: list[str], said: str, point: str = "reported"):
    points = [dict(p, cues=cues) if p["id"] == point and cues else p for p in (CANDOUR, REPORTED)]
    bank = parse_bank(bank_text(*points))
    a = analyze_answer(bank, bank.prompt("staffing"), Transcript.from_text(said))
    assert a.judge.method == "semantic", a.judge.message
    return next(r for r in a.key_points if r.key_point.id == point)


@pytest.mark.parametrize("cue, said", [
    ("logged it on Datix", "The next morning I logged it on Datix with the acuity scores."),
    ("logged it on Datix", "The next morning I was logging it on Datix with the acuity scores."),
    ("logged on Datix", "The next morning I logged it on Datix with the acuity scores."),
])
def test_a_cue_said_word_for_word_or_inflected_counts(cue, said):
    """fixCH: "logged it on Datix" and "logged on Datix" were matched by the cue matcher but counted for nothing: with
    the name inside the cue, the sentence said no word beyond the point's own and was taken for a bare one (p 0.10)."""
    r = judged([cue], said)
    assert r.hit and [m.cue for m in r.matches] == [cue]
    assert r.judgement.features.lexical == 1.0 and "words" in r.judgement.method


@pytest.mark.parametrize("point, cue", [
    ("reported", REPORTED["label"]),
    ("candour", CANDOUR["label"]),
    ("candour", "told the family openly"),
])
def test_a_whole_label_or_a_phrase_of_it_as_a_cue_counts_when_said_as_it_is(point, cue):
    """fixCH: a whole label given as its only cue, said as it is, scored p 0.49 (its cue counted for nothing)."""
    label = CANDOUR["label"] if point == "candour" else REPORTED["label"]
    said = "I told the family openly." if cue == "told the family openly" else label + "."
    r = judged([cue], said, point)
    assert r.hit and r.judgement.features.lexical == 1.0


def test_a_first_cue_keeps_the_labels_own_words_as_evidence():
    """fixCH: with "logged it on Datix" as the only cue, "I reported the unsafe staffing to my matron…" went from p
    1.00 to 0.49: no cue said, it was set aside as a passing mention. The label's words said together still count."""
    said = "I reported the unsafe staffing to my matron so the pattern could be reviewed."
    assert judged([], said).hit
    r = judged(["logged it on Datix"], said)
    assert r.hit and not r.matches and r.judgement.probability > 0.9
    # ... but a point whose label is not said is not ticked by the cue's absence either
    assert not judged(["logged it on Datix"], "We had a lovely team lunch on Friday at Nando's.").hit


def test_which_cues_say_a_thing_by_themselves():
    assert said_verbatim("logged it on Datix") and said_verbatim("told the family openly")
    assert said_verbatim("I reported the unsafe staffing so the pattern could be reviewed")
    assert not said_verbatim("teams") and not said_verbatim("on-call") and not said_verbatim("I built")
    assert not said_verbatim("logged it") and not said_verbatim("rang her")


def test_a_lone_everyday_cue_in_a_bare_sentence_still_counts_for_nothing():
    """The rule said_verbatim narrows (walk22: "It was a team effort." for a cue "teams") holds for a one-word cue."""
    r = judged(["matron"], "I told my matron.")
    assert r.matches and r.judgement is not None and r.judgement.features.lexical == 0.0 and not r.hit


@pytest.mark.parametrize("said", [
    "The next morning I logged on Datix with the acuity scores.",
    "The next morning I logged the incident on Datix with the acuity scores.",
])
def test_a_cue_said_with_its_small_words_changed_counts(said):
    """judge75 (judge71's "noticed"): "logged it on Datix" did not match "I logged on Datix": every cue word was
    needed. Its content words in order in one clause now match, and count as the phrase said."""
    r = judged(["logged it on Datix"], said)
    assert r.hit and [m.cue for m in r.matches] == ["logged it on Datix"]
    assert r.judgement.features.lexical == 1.0


def test_i_and_its_contractions_are_no_names_in_a_cue():
    """judge75: "I'm", "I've", "I'd" were read as names (a capital after the first word), so a cue such as "then I'm
    on call" said a thing by itself however everyday its words."""
    assert not said_verbatim("then I'm on call") and not said_verbatim("so I've logged")
    assert not said_verbatim("and I'd rang") and not said_verbatim("so I\u2019ll ring")
    assert said_verbatim("then I'm on Datix")


def test_a_cue_opening_on_i_m_is_no_name_in_a_bare_sentence():
    """judge75: a cue opening on "I'm" was taken for a name the bank wrote ("Datix"), so it counted in a bare sentence
    (p 0.87 for "I'm the one who reported it."), where an everyday cue counts for nothing (now p 0.20)."""
    r = judged(["I'm the one who reported it"], "I'm the one who reported it.")
    assert r.matches and r.judgement.features.lexical == 0.0 and not r.hit
