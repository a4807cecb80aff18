"""fixDK (walk57 8): a follow-up about a missed point asks an open question that lets the candidate show it, never one
that tells them they did it ("You haven't said yet how you shipped a fix and measured latency before and after",
"Can you tell me why you want to grow into designing platform APIs ...?" when the answer never said so). The bank's
own follow-up is asked as written; `follow_up_for` still reads the label back (its tests), `asked_follow_up` is what
the interviewer asks."""

from __future__ import annotations

import dataclasses
import re

import pytest

from tests.core.analysis.followup_cases import case_ids, quiet
from tests.core.analysis.test_followups import NAMES, _plain, about_a_clause, not_one_question, plainly_asked
from tests.core.analysis.test_followups_interviewer import interviewer_wrong
from tests.core.analysis.test_followups_leftovers import WITH_BANKS
from voiceprep.core.analysis.followups import asked_follow_up, broken_question, follow_up_for, open_question
from voiceprep.core.analysis.keypoints import FUNCTION_WORDS
from voiceprep.core.analysis.text import tokenize_text
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
    ("I benchmarked the new parser", "Can you tell me about benchmarking the new parser?"),   # read43a 3: no fix named
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
    ("I never store raw card numbers", "Can you tell me whether or not you store raw card numbers?"),
    ("Patients stayed safe: no falls, no missed medications", "Can you tell me whether patients stayed safe?"),
    ("My manager stepped in and was supportive", "Can you tell me whether your manager stepped in and was supportive?"),
])
def test_a_missed_point_is_asked_openly(label, asked):
    point, bank = _story(label)
    assert asked_follow_up(point, bank) == asked
    assert presupposes(asked, label) is None


@pytest.mark.parametrize("label, asked", [
    # read43a 1: a wish keeps its short form only when it ends on its preposition's question ("grow into"); else the
    # plain form, not the wish with its object dropped ("What do you want to work?")
    ("I want to work somewhere my work matters",
     "Can you tell me whether you want to work somewhere your work matters, and why?"),
    ("I want to keep learning", "Can you tell me whether you want to keep learning, and why?"),
    ("I want to grow as a leader", "Can you tell me whether you want to grow as a leader, and why?"),
    ("I'd love to get back into teaching", "Can you tell me whether you'd love to get back into teaching, and why?"),
    ("I want to grow", "Can you tell me whether you want to grow, and why?"),                 # not "What ... to grow?"
    ("I'd like to sit in on design reviews", "Can you tell me whether you'd like to sit in on design reviews, and why?"),
    ("I want to stay at a company for the long term",
     "Can you tell me whether you want to stay at a company for the long term, and why?"),
    ("I want to move on", "Can you tell me whether you want to move on, and why?"),
    ("I want to work on payments infrastructure", "What do you want to work on?"),
    # read43b 6: "on" that says going on doing something is no preposition whose question asks what ("What do you want
    # to keep on?"); "focus on", "work on" keep their short form
    ("I want to keep on learning", "Can you tell me whether you want to keep on learning, and why?"),
    ("I'd like to carry on mentoring new hires", "Can you tell me whether you'd like to carry on mentoring new hires, and why?"),
    ("I want to go on to lead a team", "Can you tell me whether you want to go on to lead a team, and why?"),
    ("I want to focus on building teams", "What do you want to focus on?"),
    # read43a 2: a verb ending in -ly is no adverb ("Apply"); a verb in -ise/-ize/-ify is one, in the vocabulary or not
    ("Apply the fix to every region", "Can you tell me about applying the fix to every region?"),
    ("Reply to every customer within a day", "Can you tell me about replying to every customer within a day?"),
    ("Supply the wards first", "Can you tell me about supplying the wards first?"),
    ("Optimise the hot path", "Can you tell me about optimising the hot path?"),
    ("Standardise the deploy scripts", "Can you tell me about standardising the deploy scripts?"),
    ("Modernise the billing system", "Can you tell me about modernising the billing system?"),
    # read43a 3: "how did you know it worked?" only when a fix, change, ... is named; else the point asked about
    ("I stayed calm and measured with the family", "Can you tell me whether you stayed calm and measured with the family?"),
    ("I spoke to the patient before and after the procedure",
     "Can you tell me about speaking to the patient before and after the procedure?"),
    ("I benchmarked three queue libraries before choosing", "Can you tell me about benchmarking queue libraries?"),
    # read43a 4: a one-syllable verb doubles its last letter by its spelling; a base verb in -ing is turned; an
    # adjective after "and" is no verb ("stayed calm and focused": asked whether, not "focusing")
    ("Trim the scope", "Can you tell me about trimming the scope?"),
    ("Swap the broken disk", "Can you tell me about swapping the broken disk?"),
    ("Wrap the legacy client", "Can you tell me about wrapping the legacy client?"),
    ("Submit the report on time", "Can you tell me about submitting the report on time?"),
    ("Pin the dependency versions", "Can you tell me about pinning the dependency versions?"),
    ("Mix the two datasets", "Can you tell me about mixing the datasets?"),                     # x: not doubled
    ("Read the logs first", "Can you tell me about reading the logs first?"),                   # two vowels
    ("Open the incident channel", "Can you tell me about opening the incident channel?"),       # two syllables
    ("I bring both sides together", "Can you tell me about bringing both sides together?"),
    ("I stayed calm and focused", "Can you tell me whether you stayed calm and focused?"),
    ("I kept the team calm and focused", "Can you tell me whether you kept the team calm and focused?"),
    ("I was honest and owned the mistake", "Can you tell me about being honest and owning the mistake?"),
    # read43a 7: the time phrase keeps both its commas in the "whether" form
    ("In the moment I calmly, firmly said no", "Can you tell me whether, in the moment, you calmly, firmly said no?"),
])
def test_read43a_a_missed_point_is_asked_in_plain_english(label, asked):
    point, bank = _story(label)
    assert asked_follow_up(point, bank) == asked
    assert presupposes(asked, label) is None


@pytest.mark.parametrize("label, asked", [
    # mendJ (mendH noticed): a denial asked "whether you never ..." read oddly; the point's own denial is asked
    # whether or not it is so, the denial turned round (a denial inside a later clause is left as said)
    ("I never store raw card numbers", "Can you tell me whether or not you store raw card numbers?"),
    ("I didn't water down the findings when they pushed back",
     "Can you tell me whether or not you watered down the findings when they pushed back?"),
    ("We didn't have to tip away any milk", "Can you tell me whether or not you had to tip away any milk?"),
    ("I did not blame anyone", "Can you tell me whether or not you blamed anyone?"),
    ("I don't store card numbers", "Can you tell me whether or not you store card numbers?"),
    ("I won't cut corners", "Can you tell me whether or not you will cut corners?"),
    ("The service doesn't drop messages", "Can you tell me whether or not the service drops messages?"),
    ("Nobody was blamed", "Can you tell me whether or not anybody was blamed?"),
    ("We had no outages that quarter", "Can you tell me whether or not you had any outages that quarter?"),
    ("It never went to court", "Can you tell me whether or not it went to court?"),
    ("Online we told readers plainly what we did not know yet",
     "Can you tell me whether online you told readers plainly what you did not know yet?"),      # a later clause's
    ("In the moment I calmly, firmly said no", "Can you tell me whether, in the moment, you calmly, firmly said no?"),
])
def test_a_denial_is_asked_whether_or_not(label, asked):
    point, bank = _story(label)
    assert asked_follow_up(point, bank) == asked
    assert presupposes(asked, label) is None


@pytest.mark.parametrize("question, asked", [
    # mendJ (mendH noticed): verbs joined with no object between them are both turned ("stop and think"); a noun
    # between them leaves the second a noun ("measure latency and load")
    ("How did you step back and listen?", "Can you tell me about stepping back and listening?"),
    ("How did you step back and listen to the team?", "Can you tell me about stepping back and listening to the team?"),
    ("How did you stop and think?", "Can you tell me about stopping and thinking?"),
    ("How did you measure latency and load?", "Can you tell me about measuring latency and load?"),
    ("How did you sit down and talk it through?", "Can you tell me about sitting down and talking it through?"),
])
def test_two_verbs_with_nothing_between_are_both_asked_as_doing(question, asked):
    assert open_question(question) == asked


def test_read43a_how_did_you_falls_back_to_whether_you():
    """read43a 2: a "How did you ...?" whose verb has no -ing form the rules know asks whether the candidate did it,
    with "you", never "whether sunset the old API"."""
    assert open_question("How did you sunset the old API?") == "Can you tell me whether you sunset the old API?"


def test_the_banks_own_follow_up_is_asked_as_written():
    point, bank = _story("I shipped a fix and measured latency before and after", "How did you know the fix held up?")
    assert asked_follow_up(point, bank) == "How did you know the fix held up?"


@pytest.mark.parametrize("stem,bank,kp", WITH_BANKS, ids=case_ids(WITH_BANKS))
def test_every_bundled_and_corpus_banks_point_is_asked_without_presupposing_it(stem, bank, kp):
    """Every point of the bundled banks (and of the judge corpus's banks, whose labels are plain sentences), its own
    follow-up set aside: the question asked takes nothing as said, reads as one plain question, and still names the
    point."""
    with quiet(stem):         # an out-of-sample bank: its label not shown (followup_cases)
        for q in (asked_follow_up(kp, bank), asked_follow_up(kp), asked_follow_up(_plain(kp.label))):
            assert presupposes(q, kp.label) is None, (kp.label, q, presupposes(q, kp.label))
            assert not_one_question(q) is None, (q, not_one_question(q))
            assert about_a_clause(q) is None, (q, about_a_clause(q))
            assert interviewer_wrong(q) is None, (q, interviewer_wrong(q))
            assert broken_question(kp.label, q) is None, (q, broken_question(kp.label, q))
        q, read_back = asked_follow_up(kp, bank), follow_up_for(kp, bank)
        assert plainly_asked(q, NAMES[stem]) is None, (q, plainly_asked(q, NAMES[stem]))
        assert off_the_point(read_back, q) is None, (kp.label, read_back, q, off_the_point(read_back, q))


def off_the_point(read_back: str, q: str) -> str | None:
    """What makes the question `q` no longer about the point `follow_up_for` read back as `read_back`, or None: no word
    of the point other than its verb is asked about (read43a 5: "want" alone, or the verb alone, would pass "What do
    you want to work?" for "I want to work somewhere my work matters"; so the wish and its verb are left out of the
    question's words too). A wish asked by its preposition's question ("What do you want to work on?") asks for what
    the point says after that preposition, no word of it (read43b 2): it must be the point's own wish, verb and
    preposition, with something after the preposition in the point."""
    short = _SHORT_WISH.fullmatch(q)
    if short:
        wish, verb, prep = short.group(2, 3, 4)
        said = re.search(rf"\byou(?:'d| would)? {wish} to {verb} {prep} [a-z]", read_back, re.IGNORECASE)
        return None if said else f"the short form's '{wish} to {verb} {prep}' is not the point's"
    point = point_words(read_back)
    return None if not point or point & _stems(_WISHED.sub(" ", q)) else f"asks none of {sorted(point)}"


# a wish asked by its preposition's question, and a wish with its verb: written here, not taken from the code under test
_SHORT_WISH = re.compile(r"What (do|would) you (want|hope|plan|intend|like|love) to ([a-z]+) (into|towards?|on)\?")
_WISHED = re.compile(r"\byou(?:'d| would)? (?:want|hope|plan|intend|like|love) to [a-z]+", re.IGNORECASE)


# the words of asking and of a wish, none of them the point's content; written here, not taken from the code under test
_ASKING = frozenset({"you", "your", "yourself", "i", "we", "me", "my", "our", "us", "can", "could", "would", "did", "do",
                     "tell", "about", "whether", "if", "how", "why", "what", "that", "haven't", "said", "yet", "walk",
                     "through", "know", "worked", "want", "hope", "plan", "intend", "like", "love", "and", "or", "not",
                     "into", "toward", "towards", "on"})      # read43b 2: a preposition is no content of the point


def _stems(text: str) -> set[str]:
    """`text`'s content words by their Snowball stem ("shipped", "shipping": "ship")."""
    return {t.stem for t in tokenize_text(text) if t.norm.isalpha() and t.norm not in FUNCTION_WORDS | _ASKING}


def point_words(read_back: str) -> set[str]:
    """The content of a point as `follow_up_for` reads it back, its verb left out: the word said of the candidate
    ("how you shipped ...", "How did you apply ...", "why you want to work ..."), a wish's own verb with it."""
    text = re.sub(r"^You haven't said yet (?:how|that)\b", "", read_back)
    text = _WISHED.sub(" ", text)
    text = re.sub(r"\b(?:you|you'd|you'll|did you|do you) [a-z'-]+", " ", text, count=1, flags=re.IGNORECASE)
    return _stems(text)


@pytest.mark.parametrize("label", ["I want to work on payments infrastructure", "I want to focus on building teams",
                                   "I want to grow into designing platform APIs for other developers",
                                   "I'd like to move towards platform engineering"])
def test_a_wish_asked_by_its_prepositions_question_is_still_about_the_point(label):
    """read43b 2: the bank-wide check passed "What do you want to grow into?" only by sharing "into", and would fail
    "What do you want to work on?" ("on" is a function word), which the short form asks by design: it asks for what
    the candidate wants, which follows the preposition. It is held to its own rule: the wish, verb and preposition of
    the point, and something after the preposition in the point for its question to ask."""
    point, bank = _story(label)
    q, read_back = asked_follow_up(point, bank), follow_up_for(point, bank)
    assert q.startswith("What "), q
    assert off_the_point(read_back, q) is None, (read_back, q, off_the_point(read_back, q))


@pytest.mark.parametrize("read_back, q", [
    ("Can you tell me why you want to work somewhere your work matters?", "What do you want to work?"),
    ("Can you tell me why you want to work somewhere your work matters?", "What do you want to work on?"),
    ("Can you tell me why you want to work on payments infrastructure?", "What do you want to grow into?"),
    ("Can you tell me why you want to work on payments infrastructure?", "What would you like to work on?"),
    ("Can you tell me why you want to grow into a staff role?", "What do you want to grow?"),
])
def test_the_about_the_point_check_fails_a_short_form_the_point_does_not_say(read_back, q):
    assert off_the_point(read_back, q) is not None, (read_back, q)


def test_the_point_words_leave_out_the_verb_and_the_wish():
    assert point_words("Can you tell me why you want to keep learning?") == _stems("learning")
    assert not point_words("Can you tell me why you want to keep learning?") & _stems("What do you want to keep?")
    assert point_words("Can you tell me why you want to work somewhere your work matters?") == _stems(
        "somewhere work matters")                                  # "your work": a noun, the point's own word
    assert point_words("How did you apply the fix to every region?") == _stems("fix every region")


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
