"""Follow-ups read aloud as an interviewer would say them, for every key point a candidate writes (fixK, session 29:
printed over the 15 banks, many read badly: "...face to face, and was honest" after "you", "how food cost went of
sales in three months?", "...at check-in and saying?", "Can you tell me more about The next day you went over?",
"more about the captain and you talked through ...?", "how nothing left the kitchen ...?", "more about In six
months ...?"). Each cause is fixed generally: the verb agrees with "you", an amount is cut whole, "so" after a verb of
saying is no purpose, a phrasal verb keeps its object, a leading time phrase is set off, "X and I" is "you and X", a
negative subject is told back ("that"), and a first word that is no name is lower-cased after "about"."""

from __future__ import annotations

import re

import pytest

from tests.core.analysis.followup_cases import case_ids, quiet
from tests.core.analysis.test_followups import _plain, not_one_question
from tests.core.analysis.test_followups_leftovers import WITH_BANKS
from voiceprep.core.analysis.followups import follow_up_for, read_back_figures, second_person
from voiceprep.core.banks.model import KeyPoint


def _asked_as(label: str, asked: str) -> None:
    """As written with cues of its own and as typed in the editor (cues from its words)."""
    for q in (follow_up_for(KeyPoint(id="k", label=label, cues=())), follow_up_for(_plain(label))):
        assert q == asked
        assert not_one_question(q) is None, (q, not_one_question(q))


@pytest.mark.parametrize("label, asked", [
    # "you ... and was honest", "anything you wasn't sure of": the verb agrees with "you"
    ("I told each guest myself, face to face, and was honest about what had happened",
     "You haven't said yet how you told each guest yourself, face to face, and were honest about what had happened. "
     "Can you walk me through that?"),
    ("I stopped the food being used straight away and threw out anything I wasn't sure of",
     "You haven't said yet how you stopped the food being used straight away and threw out anything you weren't "
     "sure of. Can you walk me through that?"),
    ("I admitted to the guest that I was wrong about the date", "You haven't said yet how you admitted to the guest "
                                                                "that you were wrong about the date. Can you walk me "
                                                                "through that?"),
    # ... only where "you" is its subject: not "your manager stepped in and were supportive" (review29)
    ("My manager stepped in and was supportive",
     "You haven't said yet how your manager stepped in and was supportive. Can you walk me through that?"),
    # an amount cut whole, not "how food cost went of sales in three months"
    ("Food cost went from 34 percent to 29 percent of sales in three months",
     "Can you tell me what happened to food cost?"),
    ("Our check-in review score went from 7.2 to 8.5 in four months",
     "Can you tell me what happened to your check-in review score?"),
    ("Our cabin service score went from 71 to 83 percent in four months",
     "Can you tell me what happened to your cabin service score?"),
    # "saying so" is what they said, not a purpose cut off after "saying"
    ("Guests were waiting too long at check-in and saying so in reviews",
     "Can you tell me how guests were waiting too long at check-in and saying so in reviews?"),
    # a leading time phrase set off, a phrasal verb with its object, no capital after "about"
    ("The next day I went over with the team what worked and what didn't",
     "You haven't said yet how, the next day, you went over with the team what worked and what didn't. Can you walk "
     "me through that?"),
    ("The next day I went over with the team what worked and what did not",
     "You haven't said yet how, the next day, you went over with the team what worked and what did not. Can you "
     "walk me through that?"),
    ("The next day we talked it through as a team and changed something so it wouldn't happen again",
     "You haven't said yet how, the next day, you talked it through as a team and changed something. Can you walk me "
     "through that?"),
    ("In six months they had four front-page stories under their own name",
     "You haven't said yet that in six months they had front-page stories under their own name. Can you tell "
     "me about that?"),
    # "X and I" as the subject: the candidate and X
    ("The captain and I talked through whether we needed to divert",
     "You haven't said yet how you and the captain talked through whether you needed to divert. Can you walk me "
     "through that?"),
    ("My manager and I agreed a plan for the launch",
     "You haven't said yet how you and your manager agreed a plan for the launch. Can you walk me through that?"),
    ("The head chef and I never served a plate we had not tasted",
     "You haven't said yet that you and the head chef never served a plate you had not tasted. Can you tell me "
     "about that?"),
    # a negative subject: what did not happen is told back, not asked "how nothing left"
    ("Nothing left the kitchen that wasn't right, even if a table had to wait longer",
     "You haven't said yet that nothing left the kitchen that wasn't right. Can you tell me about that?"),
    ("Nobody on the ward was blamed for the error", "You haven't said yet that nobody on the ward was blamed for the "
                                                    "error. Can you tell me about that?"),
    # a question-word topic that goes on with what the candidate did: both asked, not "..., and you wrote it down?"
    ("How it ended for the patient, and I wrote the intervention down",
     "Can you tell me how it ended for the patient, and how you wrote the intervention down?"),
])
def test_a_line_read_aloud_reads_right(label, asked):
    _asked_as(label, asked)


@pytest.mark.parametrize("label, asked", [
    # the rules phrase it wrong ("how much within a month complaints dropped?", "...at check-in and?", "how your menu,
    # and."): asked in a plain form instead, told back when it is a statement, named after a colon when not
    ("Within a month complaints dropped by half",
     "You haven't said yet that within a month complaints dropped. Can you tell me about that?"),
    ("Guests were waiting too long at check-in and",
     "You haven't said yet that guests were waiting too long at check-in. Can you tell me about that?"),
    ("We talked it through with the", "You haven't said yet that you talked it through. Can you tell me about "
                                      "that?"),
    ("Food cost of sales and", "You haven't covered this point yet: food cost of sales. Can you tell me about it?"),
    ("Our menu, and", "You haven't covered this point yet: your menu. Can you tell me about it?"),
    # fixO: cut off after any word that leaves it hanging (one list with the check), "saying" too
    ("Guests were waiting too long at check-in and saying",
     "You haven't said yet that guests were waiting too long at check-in. Can you tell me about that?"),
])
def test_a_label_the_rules_cannot_phrase_is_asked_plainly(label, asked):
    _asked_as(label, asked)
    assert spoken_wrong(asked) is None


@pytest.mark.parametrize("label, asked", [
    # a label that opens with "My"/"Our" is not always the candidate's own doing
    ("My role in the launch", "Can you tell me about your role in the launch?"),
    ("Our on-call rota and the runbooks", "Can you tell me about your on-call rota and the runbooks?"),
    ("My manager helped us ship the ring buffer",            # as before (walk25)
     "You haven't said yet how your manager helped you ship the ring buffer. Can you walk me through that?"),
])
def test_a_label_that_opens_with_my_or_our_is_asked_as_what_it_is(label, asked):
    _asked_as(label, asked)


@pytest.mark.parametrize("label, asked", [
    # walk37: a result in a clause of its own after the act was cut to "time to detect went."; the act is asked
    ("I built monitoring for every region so we caught wrong payment routing fast, time to detect went from an hour "
     "to five minutes", "You haven't said yet how you built monitoring for every region so you caught wrong payment "
                        "routing fast. Can you walk me through that?"),
    ("I built monitoring for every region, time to detect went from an hour to five minutes",
     "You haven't said yet how you built monitoring for every region. Can you walk me through that?"),
])
def test_a_result_told_after_the_act_is_left_to_the_candidate(label, asked):
    _asked_as(label, asked)


@pytest.mark.parametrize("label, asked", [
    # fixO: a label's figures read back ("...how your team grew from 4 to 12?") give the answer away and sound odd
    # spoken; the act is asked without them
    ("Our team grew from 4 to 12", "How much did your team grow?"),
    ("The team grew from 4 to 12 engineers", "How much did the team grow?"),
    ("Our bookings rose from 40 a week to 65 a week", "How much did your bookings rise?"),
    ("Our score climbed from seventy-one to eighty-three percent", "How much did your score climb?"),
    ("We clawed back 12 of the 15 days we had lost",
     "You haven't said yet how you clawed back the days you had lost. Can you walk me through that?"),
    ("We clawed back twelve of the fifteen days we had lost",
     "You haven't said yet how you clawed back the days you had lost. Can you walk me through that?"),
    ("I hired 3 engineers in 2 months", "You haven't said yet how you hired engineers. Can you walk me through that?"),
    # judge46: every unit of time is a time span's (one list, `text.TIME_UNITS`), not "the ledger nights"
    ("Migrated the ledger over 3 nights",
     "You haven't said yet how you migrated the ledger. Can you walk me through that?"),
    ("Shipped the rewrite in 2 fortnights",
     "You haven't said yet how you shipped the rewrite. Can you walk me through that?"),
    ("I trained 12 new starters", "You haven't said yet how you trained new starters. Can you walk me through that?"),
    ("Closed 95% of tickets within 24 hours",
     "You haven't said yet how you closed the tickets. Can you walk me through that?"),
    ("We scaled the API to 10,000 requests per second",
     "You haven't said yet how you scaled the API. Can you walk me through that?"),
    # judge43: only a verb left once the figures are out is asked how far it went, not the label read back
    ("Scaled to 10,000 users", "Can you tell me how far you scaled?"),
    ("Grew to 40 people", "Can you tell me how far you grew?"),
    ("Reduced by 40%", "Can you tell me how much you reduced?"),
    # a name with a digit and a year are no figures: kept
    ("In 2019 I moved us to S3", "You haven't said yet how, in 2019, you moved your team. Can you walk me through "
                                 "that?"),
])
def test_a_labels_figures_are_not_read_back(label, asked):
    _asked_as(label, asked)
    assert spoken_wrong(asked) is None
    assert not read_back_figures(label, asked)


def test_the_figure_check_finds_a_figure_read_back():
    assert read_back_figures("Our team grew from 4 to 12", "How did your team grow from 4 to 12?") == ["4", "12"]
    assert read_back_figures("We clawed back twelve of the fifteen days", "...clawed back twelve of the days?") \
        == ["twelve"]
    assert not read_back_figures("Our p99 fell in 2019", "Can you tell me how much your p99 fell in 2019?")
    assert not read_back_figures("We moved to S3 and EC2", "Can you tell me how you moved to S3 and EC2?")


def test_a_missing_part_agrees_with_you_too():
    """"Partly there" says a missing part back with the same swap (app/judging.py)."""
    assert second_person("anything I wasn't sure of") == "anything you weren't sure of"
    assert second_person("I was honest") == "you were honest"
    assert second_person("was I right") == "were you right"
    assert second_person("the order was late") == "the order was late"


# what an interviewer could not say: a last word that leaves the sentence hanging, a capital after "about", "you" with
# "was" (also a "was" joined to a "you" subject by "and")
_DANGLING = ("of", "and", "or", "but", "so", "saying", "over", "with", "to", "the", "a", "an", "from", "by", "for",
             "than", "which", "because", "while")
_DANGLING_IN_A_STATEMENT = ("and", "or", "but", "the", "a", "an", "saying")    # "...you weren't sure of." is English
# first words that are never a name: said lower-case after "about" ("more about the next day", not "about The")
_PLAIN_FIRST = frozenset({"the", "a", "an", "in", "on", "at", "by", "for", "within", "after", "before", "during", "our",
                          "my", "we", "i", "it", "they", "this", "that", "these", "those", "each", "every", "some",
                          "nothing", "nobody", "next", "first", "then", "when", "once", "if", "online", "over"})


def spoken_wrong(question: str) -> str | None:
    """What makes a follow-up read wrong aloud, or None."""
    for m in re.finditer(r"(\S+)\s*([?.])", question.replace(" Can you tell me about that?", "").replace(
            " Can you walk me through that?", "")):
        word = m.group(1).lower().strip(",;:")
        if re.search(r"\bwhere\s+(?:\S+\s+){1,4}(?:came|comes|come)\s+from\s*\?$", question[:m.end()], re.IGNORECASE):
            continue                # "…and where it came from?" (data47), "where the idea came from?" (data50) are English
        if word in (_DANGLING if m.group(2) == "?" else _DANGLING_IN_A_STATEMENT):
            return f"a dangling {word!r} before the stop"
    if re.search(r"\b(?:went|changed|moved|rose|fell|dropped|grew)\s+of\b", question):
        return "an amount cut and its “of” left"
    change = re.search(r"\b(?:went|changed|moved)\s*[.?]", question)
    if change and not re.search(r"\b(?:got|had|get|have)\s+(?:the|a|an|our|my|their|it)\b[^.?,]*$",
                                question[:change.start()]):     # "you got the handover changed" has it done: English
        return "a change left without where it went"
    if re.search(r"\bhow (?:nothing|nobody|no one|none)\b", question, re.IGNORECASE):
        return "how something did not happen"
    about = re.search(r"\babout\s+([A-Z][a-z]*)\b", question)
    if about and about.group(1).lower() in _PLAIN_FIRST:
        return f"a plain word with its capital after “about”: {about.group(1)!r}"
    if re.search(r"\byou\s+(?:was|wasn't)\b|\bwas\s+you\b", question, re.IGNORECASE):
        return "“you was”"
    said = re.match(r"You haven't said yet (?:how|that),?(?: [^,]+,)? you\b([^.?]*)", question)
    joined = re.search(r"(?:,\s*|\s)(?:and|or|but)\s+was(?:n't)?\b", said.group(1)) if said else None
    if joined and not re.search(r"\b(?:that|which|who|what|it|he|she|they|there|this|was|is|were)\b",
                                said.group(1)[:joined.start()]):
        return "“you ... and was”"
    return None


def test_the_spoken_check_finds_the_lines_read_wrong():
    for bad in ("You haven't said yet how you told each guest yourself, face to face, and was honest about what had "
                "happened. Can you walk me through that?",
                "You haven't said yet how you threw out anything you wasn't sure of. Can you walk me through that?",
                "Can you tell me how food cost went of sales in three months?",
                "Can you tell me how guests were waiting too long at check-in and saying?",
                "Can you tell me about The next day you went over?",
                "Can you tell me about In six months they had four front-page stories?",
                "Can you tell me how nothing left the kitchen that wasn't right?",
                "You haven't said yet how you built monitoring for every region, time to detect went. Can you walk me "
                "through that?"):
        assert spoken_wrong(bad), bad
    for good in ("Can you tell me how it turned out?", "Can you tell me about Kafka at high throughput?",
                 "You haven't said yet how you told each guest yourself and were honest. Can you walk me through that?",
                 "Can you tell me how guests were waiting too long at check-in and saying so in reviews?",
                 "You haven't said yet how you fixed what was broken and was thanked. Can you walk me through that?",
                 "You haven't said yet that you got the handover between teams changed. Can you tell me about "
                 "that?"):
        assert spoken_wrong(good) is None, good


@pytest.mark.parametrize("stem,bank,kp", WITH_BANKS, ids=case_ids(WITH_BANKS))
def test_every_key_point_of_every_bank_reads_right_aloud(stem, bank, kp):
    """Every key point of both bank folders, as the app asks it (with its bank), as written without the bank and as
    typed in the editor."""
    with quiet(stem):         # an out-of-sample bank: its label not shown (followup_cases)
        for q in (follow_up_for(kp, bank), follow_up_for(kp), follow_up_for(_plain(kp.label))):
            assert spoken_wrong(q) is None, (kp.label, q, spoken_wrong(q))
            assert not read_back_figures(kp.label, q) or kp.follow_up and q == kp.follow_up, (kp.label, q)   # fixO
            assert not_one_question(q) is None, (kp.label, q, not_one_question(q))


def test_the_corpus_check_covers_both_folders_and_every_bad_line_it_was_written_for():
    stems = {stem for stem, _b, _k in WITH_BANKS}
    assert {"airwallex", "sous-chef-restaurant", "hotel-front-office", "cabin-purser-airline",
            "news-editor-regional"} <= stems and len(WITH_BANKS) > 250
    labels = {kp.label for _s, _b, kp in WITH_BANKS}
    assert "Nothing left the kitchen that wasn't right, even if a table had to wait longer" in labels
