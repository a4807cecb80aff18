"""An answer that says next to nothing of its own (few details beyond the question's and its key points' words, no
number, no name) is a general account: in it a key point counts only when one sentence says the label's own words,
not by closeness in meaning alone (judge57: on dev2 most of the vague answers' false ticks were a generality close
in meaning to the point: "I made sure everyone was safe straight away" for "First I made the area safe ...")."""
from __future__ import annotations

from dataclasses import replace

import pytest

from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.judge import label_share, names_beyond
from voiceprep.core.analysis.segments import sentence_spans
from voiceprep.core.analysis.text import tokenize_text
from voiceprep.core.banks import parse_bank
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings

BANK = (
    'schema = 1\n[job]\nid = "ops"\ntitle = "Warehouse operations manager"\n'
    '[[rounds]]\nid = "r"\ntitle = "R"\n'
    '[[rounds.prompts]]\nid = "injury"\ntext = "Tell me about a time someone was hurt at work on your shift."\n'
    '[[rounds.prompts.key_points]]\nid = "made-safe"\n'
    'label = "First I made the area safe and looked after the person who was hurt"\n'
    '[[rounds.prompts.key_points]]\nid = "real-cause"\n'
    'label = "I found out why it really happened, by talking to the people involved and checking the records"\n'
    '[[rounds.prompts.key_points]]\nid = "fixed"\n'
    'label = "I changed the equipment or the process so it could not happen again"\n')

GENERAL = ("Someone had an accident on my shift once. I kept everyone out of danger straight away and took care "
           "of them. "
           "Then I went through what was going on with the team and found what was causing it. "
           "We changed a few things so it would not happen again, and it was better from then on.")
# the same account, with the particulars of a story told: a night, a person, a place, a number
DETAILED = ("On a Tuesday night in March a picker, Dan, caught his hand in a pallet strap at aisle 14. "
            "I kept everyone out of danger straight away and took care of them. "
            "Then I went through what was going on with the team and found what was causing it. "
            "We changed a few things so it would not happen again, and it was better from then on.")
# ... and with names only, no figure: the night, the person and the place are named, nothing is counted
NAMED = DETAILED.replace("at aisle 14", "at the Harlow depot")
VERBATIM = ("Someone was hurt on my shift. First I made the area safe and looked after the person who was hurt. "
            "I found out why it really happened by talking to the people involved and checking the records. "
            "Then I changed the process so it could not happen again.")

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py


def _hits(text: str, settings: AnalysisSettings | None = None) -> dict[str, bool]:
    bank = parse_bank(BANK)
    a = analyze_answer(bank, bank.prompt("injury"), Transcript.from_text(text), settings)
    assert a.judge.method == "semantic", a.judge.message
    return {r.key_point.id: r.hit for r in a.key_points}


def test_a_general_account_does_not_cover_a_point_it_is_only_close_to_in_meaning():
    assert not _hits(GENERAL)["made-safe"]          # "I kept everyone out of danger": a generality near it


def test_the_same_sentences_in_a_story_told_with_its_particulars_still_cover_the_point():
    assert _hits(DETAILED)["made-safe"]


def test_a_story_told_with_names_and_no_figure_is_no_general_account():
    # its words come as a transcriber writes them, each but the first with its leading space (" Tuesday"): the names
    # must be read through it (review34: they were not, and made-safe was set aside)
    assert not any(ch.isdigit() for ch in NAMED)
    assert _hits(NAMED)["made-safe"]


def test_a_general_account_in_the_points_own_words_still_covers_them():
    assert _hits(VERBATIM) == {"made-safe": True, "real-cause": True, "fixed": True}


def test_how_few_details_make_a_general_account_is_read_from_settings():
    assert _hits(GENERAL, replace(AnalysisSettings(), general_details=0))["made-safe"]


def _names(text: str, own_text: str = "") -> int:
    raw = [w.word for w in Transcript.from_text(text).words()]      # as analyze_answer reads them: " Dan"
    own = {t.stem for t in tokenize_text(own_text)}
    return names_beyond(raw, tokenize_text(text), sentence_spans(raw), own)


def test_names_beyond_counts_capitalised_words_inside_a_sentence_that_the_question_does_not_give():
    assert _names("Kafka was slow. Then Dan and I moved the consumers to Redis on Saturday.",
                  "Kafka consumers") == 3         # Dan, Redis, Saturday; not Kafka, Then, I


def test_names_beyond_does_not_count_the_candidate_or_ok():
    assert _names("We had a problem and I'm sure we fixed it, and then I've checked it again and I'd say it was "
                  "OK in the end.") == 0


def test_label_share_is_the_share_of_the_labels_words_of_content_said():
    said = {t.stem for t in tokenize_text("I made sure everyone was safe")}
    assert label_share("I made the floor safe", said) == pytest.approx(2 / 3)    # made, safe of made, floor, safe


def test_names_beyond_reads_a_sentence_started_after_a_colon_or_a_quote_and_a_stray_capital_as_no_name():
    """fixBB: a capitalised word inside a sentence was a name, so "Then" after a colon, the first word of a quote and
    a transcriber's stray capital on an ordinary word ("the Team", written "team" elsewhere) each made a general
    account read as one naming things; an acronym is a name wherever it is written, a sentence's first word too."""
    assert _names("The plan was simple: Then we looked at the data and fixed it.") == 0
    assert _names('The manager said "Let us look at it again" and we did.') == 0
    assert _names("The Team looked at it and the team fixed it, and Then we checked it.") == 0
    assert _names("The fix was this: AWS alarms on the queue. PCI was out of scope, so Dan took it.") == 3   # AWS, PCI, Dan
    assert _names("We moved it to Redis: Redis was fine.") == 1
