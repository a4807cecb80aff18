"""fixDK (walk57 8): a follow-up about a missed point asks an open question that lets the candidate show it, never one
that tells them they did it ("You haven't said yet how you shipped a fix and measured latency before and after",
"Can you tell me why you want to grow into designing platform APIs ...?" when the answer never said so). The bank's
own follow-up is asked as written; `follow_up_for` still reads the label back (its tests), `asked_follow_up` is what
the interviewer asks."""

from __future__ import annotations

import dataclasses
import re

import pytest

from tests.core.analysis.test_followups import NAMES, _plain, about_a_clause, not_one_question, plainly_asked
from tests.core.analysis.test_followups_interviewer import interviewer_wrong
from tests.core.analysis.test_followups_leftovers import WITH_BANKS
from voiceprep.core.analysis.followups import _base_form, asked_follow_up, broken_question, content_words, follow_up_for
from voiceprep.core.banks.model import Bank, Job, KeyPoint, Prompt, Round

# what tells the candidate they did or said what the point says: written here, not taken from the code under test
_TOLD = (
    (re.compile(r"\bYou haven't said yet (?:how|that)\b"), "says the point happened"),
    (re.compile(r"\b(?:How|Why|When) did you (?!know\b)"), "asks how it was done, as done"),
    (re.compile(r"\b(?:how|why|that)(?:, [^,]+,)? (?:you|your [a-z]+)(?: and [a-z' ]+?)? (?!would\b|could\b|might\b|"
                r"can\b|will\b|'d\b)[a-z'-]+\b"), "tells them what they did"),
)


def presupposes(question: str, label: str = "") -> str | None:
    """What in `question` takes the missed point as said or done, or None. A label that asks its own question ("How I
    found the causes: audits, ...", "How you would migrate ...") is the bank's words, asked as written."""
    if re.match(r"(?:how|why|what|when|who|where)\b", label.strip(), re.IGNORECASE):
        return None
    for pattern, why in _TOLD:
        for found in pattern.finditer(question):
            wh = found.group(0).split()[0].strip(",").lower()
            if not re.search(rf"\b{wh},?\s+(?:i|we|you)\b", label, re.IGNORECASE):   # not the label's own "how I ..."
                return f"{why}: {found.group(0)!r}"
    return None


def _story(label: str, follow_up: str | None = None) -> tuple[KeyPoint, Bank]:
    point = KeyPoint(id="k", label=label, cues=(), follow_up=follow_up)
    asked = Prompt(id="p", text="Tell me about a time you fixed a hard performance problem.", key_points=(point,))
    return point, Bank(schema=1, job=Job(id="b", title="Engineer"), rounds=(Round(id="r", title="R", prompts=(asked,)),))


def test_the_check_finds_walk57s_follow_ups_as_main_asked_them():
    for label in ("I shipped a fix and measured latency before and after",
                  "I want to grow into designing platform APIs for other developers"):
        assert presupposes(follow_up_for(_plain(label)), label), follow_up_for(_plain(label))
    for good in ("How did you know the fix worked?", "What do you want to grow into?",
                 "Can you tell me about partitioning the transactions table by day?",
                 "Can you tell me whether nobody was blamed?", "How would you monitor p99 latency?"):
        assert presupposes(good) is None, good


@pytest.mark.parametrize("label, asked", [
    # walk57 8: a result checked is asked how the candidate knew it worked, not which measurement they made
    ("I shipped a fix and measured latency before and after", "How did you know the fix worked?"),
    ("I benchmarked the new parser", "How did you know it worked?"),
    # a wish: what the candidate wants, not why they want what the point says
    ("I want to grow into designing platform APIs for other developers", "What do you want to grow into?"),
    ("I would add load tests earlier", "What would you do differently?"),
    # something done: asked about as an activity, which the candidate may show or say they did not do
    ("I partitioned the transactions table by day", "Can you tell me about partitioning the transactions table by day?"),
    ("I told each guest myself, face to face, and was honest about what had happened",
     "Can you tell me about telling each guest yourself, face to face, and being honest about what had happened?"),
    ("The next day I went over with the team what worked and what didn't",
     "Can you tell me about going over with the team what worked and what didn't, the next day?"),
    ("We agreed on concrete expectations and I followed up to check they stuck",
     "Can you tell me about agreeing on concrete expectations and following up to check they stuck?"),
    ("I made sure the cows were milked and fed before dealing with anything else",
     "Can you tell me about making sure the cows were milked and fed?"),
    ("I kept checking on them over the following weeks", "Can you tell me about checking on them over the following weeks?"),
    ("Monitor p99 latency", "Can you tell me about monitoring p99 latency?"),     # under a story: not "How did you ...?"
    # a statement: whether it is so
    ("I never store raw card numbers", "Can you tell me whether you never store raw card numbers?"),
    ("Patients stayed safe: no falls, no missed medications", "Can you tell me whether patients stayed safe?"),
    ("My manager stepped in and was supportive", "Can you tell me whether your manager stepped in and was supportive?"),
])
def test_a_missed_point_is_asked_openly(label, asked):
    point, bank = _story(label)
    assert asked_follow_up(point, bank) == asked
    assert presupposes(asked, label) is None


def test_the_banks_own_follow_up_is_asked_as_written():
    point, bank = _story("I shipped a fix and measured latency before and after", "How did you know the fix held up?")
    assert asked_follow_up(point, bank) == "How did you know the fix held up?"


@pytest.mark.parametrize("stem,bank,kp", WITH_BANKS, ids=[f"{s}:{k.id}" for s, _b, k in WITH_BANKS])
def test_every_bundled_and_corpus_banks_point_is_asked_without_presupposing_it(stem, bank, kp):
    """Every point of the bundled banks (and of the judge corpus's banks, whose labels are plain sentences), its own
    follow-up set aside: the question asked takes nothing as said, reads as one plain question, and still names the
    point."""
    for q in (asked_follow_up(kp, bank), asked_follow_up(kp), asked_follow_up(_plain(kp.label))):
        assert presupposes(q, kp.label) is None, (kp.label, q, presupposes(q, kp.label))
        assert not_one_question(q) is None, (q, not_one_question(q))
        assert about_a_clause(q) is None, (q, about_a_clause(q))
        assert interviewer_wrong(q) is None, (q, interviewer_wrong(q))
        assert broken_question(kp.label, q) is None, (q, broken_question(kp.label, q))
    q, read_back = asked_follow_up(kp, bank), follow_up_for(kp, bank)
    assert plainly_asked(q, NAMES[stem]) is None, (q, plainly_asked(q, NAMES[stem]))
    # still about the point: a word of the label read back is asked about ("took" asked as "taking": by its base)
    said = _verbs_based(re.sub(r"^You haven't said yet", "", read_back))
    assert not said or said & _verbs_based(q), (kp.label, read_back, q)


def _verbs_based(question: str) -> set[str]:
    """A question's content words, a verb's by its base ("took", "taking": "take")."""
    words = content_words(question).values()
    return {_base_form(w) or (w.endswith("ing") and (_base_form(w[:-3]) or _base_form(w[:-3] + "e"))) or w
            for w in words}


def test_the_analysis_asks_the_open_question():
    from voiceprep.core.analysis.analyze import analyze_answer
    from voiceprep.core.transcript import Transcript
    from voiceprep.settings import AnalysisSettings

    point, bank = _story("I shipped a fix and measured latency before and after")
    point = dataclasses.replace(point, cues=("measured latency",))
    bank = dataclasses.replace(bank, rounds=(Round(id="r", title="R", prompts=(
        dataclasses.replace(bank.rounds[0].prompts[0], key_points=(point,)),)),))
    a = analyze_answer(bank, bank.rounds[0].prompts[0], Transcript.from_text("Our checkout API got slow. I added an index."),
                       AnalysisSettings(semantic_judge=False))
    assert [f["question"] for f in a.follow_ups] == ["How did you know the fix worked?"]
