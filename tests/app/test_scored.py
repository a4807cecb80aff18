"""Walk18: one round, one score. What a round scored and what "per answer" counts, said the same way by the round's
summary, Progress and Welcome back (voiceprep.app.scored)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from voiceprep.app.recap import recap_lines
from voiceprep.app.scored import (
    answers_text,
    before_and_with,
    counted_scores,
    question_lines,
    round_message,
    what_name,
)
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.banks import parse_bank
from voiceprep.core.rehearsal import Rehearsal
from voiceprep.core.transcript import Transcript

BANK = parse_bank(
    'schema = 1\n[job]\nid = "w18"\ntitle = "Backend engineer"\n[[rounds]]\nid = "r1"\ntitle = "Round 1"\n'
    '[[rounds.prompts]]\nid = "q1"\ntext = "What is the most challenging technical problem you have solved?"\n'
    '[[rounds.prompts.key_points]]\nid = "lock"\nlabel = "Lock contention on the ledger table"\n'
    'follow_up = "What was the root cause?"\n'
    '[[rounds.prompts.key_points]]\nid = "latency"\nlabel = "Latency came down by sixty percent"\n'
    'follow_up = "What did it change?"\n'
    '[[rounds.prompts]]\nid = "q2"\ntext = "Why do you want to work at Airwallex?"\n'
    '[[rounds.prompts.key_points]]\nid = "monitoring"\nlabel = "Monitoring systems across regions"\n'
    'follow_up = "What have you built that fits their platform?"\n'
    '[[rounds.prompts.key_points]]\nid = "reliability"\nlabel = "Reliability matters when moving money across '
    'borders"\nfollow_up = "Why does reliability matter to them?"\n')


def walk18() -> Rehearsal:
    """Walk18's round: Q1 answered fully, Q2 vaguely (0 of 2), its two follow-ups answered fully (2 of 2)."""
    r = Rehearsal.for_round(BANK, BANK.rounds[0])
    for text in ("I fixed lock contention on the ledger table and latency came down by sixty percent.", "No idea."):
        r.record(analyze_answer(BANK, r.current, Transcript.from_text(text)))
        if r.current.id == "q2":              # its follow-ups asked one at a time (walk46 3), each answered
            for said in ("I built monitoring systems across regions.", "Reliability matters when moving money across borders."):
                turn = r.ask_follow_ups()
                assert turn is not None
                r.record(analyze_answer(BANK, r.current, Transcript.from_text(said)), turn)
        r.next()
    return r


def test_a_rounds_headline_agrees_with_its_overall_after_a_follow_up():
    """Walk18: "Your answers scored 0 to 100. Drill your weak points next." over a big 100 with nothing to drill:
    the range counted Q2's answer alone, the overall what its follow-up added."""
    r = walk18()
    summary = r.summary()
    assert summary.overall == 100 and not summary.to_drill and r.scores == [100, 0]
    said = round_message(r, summary, "Round")
    assert said.startswith("Well done") and "0 to" not in said and "Drill your weak points" not in said, said


def test_a_round_with_a_skipped_question_and_every_answered_point_covered_advises_no_drill():
    """read39c 2: the headline advised drilling when the summary's `to_drill` held a skipped question's points, over an
    empty "Drill next" (the page lists `drill_next`, which drills no skipped question)."""
    r = Rehearsal.for_round(BANK, BANK.rounds[0])
    r.record(analyze_answer(BANK, r.current, Transcript.from_text(
        "I fixed lock contention on the ledger table and latency came down by sixty percent.")))
    r.next()                                        # question 2 skipped
    summary = r.summary()
    assert summary.to_drill and not r.drill_next(summary), summary.to_drill
    assert "drill" not in round_message(r, summary, "Round").lower(), round_message(r, summary, "Round")


def test_a_round_a_follow_up_raised_says_both_scores_each_named():
    r = walk18()
    # walk66 8: named as the round's score by its key points, not one more average beside the welcome's and Progress's
    assert before_and_with(r) == "Round score by its key points: before follow-ups 50 · with follow-ups 100"
    plain = Rehearsal.for_round(BANK, BANK.rounds[0])
    plain.record(analyze_answer(BANK, plain.current, Transcript.from_text("No idea.")))
    assert before_and_with(plain) is None          # no follow-up answered: one number, the overall


def test_the_summary_has_a_line_per_question():
    """Walk18: the summary was one number and "answered 2 of 2", 80% blank."""
    r = walk18()
    assert question_lines(r) == [
        "What is the most challenging technical problem you have solved? — 100 · 2 of 2 key points",
        "Why do you want to work at Airwallex? — 100 · 2 of 2 key points (+2 key points in follow-up; the answer "
        "alone 0)"]
    skipped = Rehearsal.for_round(BANK, BANK.rounds[0])
    skipped.record(analyze_answer(BANK, skipped.current, Transcript.from_text("Lock contention on the ledger.")))
    lines = question_lines(skipped)
    assert lines[0].endswith("1 of 2 key points") and lines[1] == "Why do you want to work at Airwallex? — skipped"


def test_answers_and_follow_ups_are_counted_so_they_add_up():
    """Walk18: "3 answers … 1 follow-up answer" for 2 answers and 1 follow-up."""
    assert answers_text(3, follow_ups=1) == "2 answers and 1 follow-up"
    assert answers_text(4, drills=1, follow_ups=1) == "2 answers, 1 drill and 1 follow-up"
    assert answers_text(1) == "1 answer" and answers_text(3, follow_ups=3) == "3 follow-ups"


def test_welcome_back_says_what_the_average_and_the_round_count():
    """Walk18: "3 answers", "Average per answer: 50. The follow-up answer is left out." right above "The round
    “Round 1” scored 100"."""
    recap = {"bank_id": BANK.id, "started_at": datetime.now(UTC).isoformat(), "answers": 3, "follow_ups": 1,
             "average": 50.0, "skipped": [], "weakest": None,
             "round": {"title": "Round 1", "overall": 100.0, "before_follow_ups": 50.0, "answered": 2, "total": 2,
                       "skipped": 0, "weighed": "key points"}}
    lines = recap_lines(recap, {BANK.id: BANK}.get)[1].splitlines()
    assert lines == [f"Last session, today: 2 answers and 1 follow-up on “{BANK.name}”. Average per answer, before "
                     "follow-ups: 50.",
                     "Round score of “Round 1”, weighted by its key points: before follow-ups 50 · with follow-ups 100 "
                     "(each question by its best try)."
                     ], lines


def test_welcome_back_names_the_average_of_the_answers_and_the_rounds_score_apart():
    """Walk19: "Average per answer, before follow-ups: 40. The skipped question counts as 0." one line above "The
    round …: before follow-ups 42 · with follow-ups 54": two "before follow-ups" numbers, one counting a skip as an
    answer. The average is of the answers (the skip is none), the round's score says what it weighs."""
    recap = {"bank_id": BANK.id, "started_at": datetime.now(UTC).isoformat(), "answers": 4, "follow_ups": 1,
             "average": 54.0, "whole": 3, "questions": 3, "skips": 1, "skipped": [], "weakest": None,
             "round": {"title": "Round 4", "overall": 54.0, "before_follow_ups": 42.0, "answered": 3, "total": 4,
                       "skipped": 1, "weighed": "key points"}}
    lines = recap_lines(recap, {BANK.id: BANK}.get)[1].splitlines()
    assert lines[0].endswith(". Average of your 3 answers, before follow-ups: 54."), lines   # none tried twice (fix41)
    assert lines[1] == ("Round score of “Round 4”, weighted by its key points: before follow-ups 42 · with follow-ups 54 "
                        "(each question by its best try, the skipped one as 0)."), lines


def test_the_headline_says_a_range_of_scores_as_a_range_not_as_the_scale():
    """Walk20 (33-summary.png): "Your answers scored 0 to 100. Drill your weak points next." read like the scale's
    definition (scores run from 0 to 100). A range is said as one, and equal scores as one number."""
    from voiceprep.app.scored import headline

    assert headline(2, 2, 57, scores=[0, 100]) == "Your weakest answer scored 0, your strongest 100. Drill your weak points next."
    # walk38: a drill's range was a second story beside its overall: its overall is its one number
    assert headline(2, 2, 50, "Drill", [0, 100]) == "Drill done. Drill your weak points again."
    assert headline(2, 2, 45, scores=[45, 45]) == "Your answers all scored 45. Drill your weak points next."
    # walk65 5: after a retry, said plainly ("Your best tries ranged from 25 to 100 (your lowest try: 0)." was not)
    assert headline(3, 3, 60, scores=[25, 100, 100], tries=[0, 25, 100, 100]) == \
        "Your weakest question scored 25 on its best try, your strongest 100; your lowest try scored 0. Drill your weak " \
        "points next."
    assert headline(2, 2, 45, scores=[45, 45], tries=[10, 45, 45]) == \
        "Each question's best try scored 45; your lowest try scored 10. Drill your weak points next."
    assert headline(2, 2, 45, "Drill", [45, 45.2]) == "Drill done. Drill your weak points again."
    for said in (headline(2, 2, 57, scores=[0, 100]), headline(2, 2, 78, scores=[83, 100, 25, 75])):
        # mend56 (walk66 8): the two ends named as the weakest and the strongest, not "between 0 and 100" (a truism)
        assert "scored 0 to 100" not in said and "between" not in said and "your strongest 100" in said, said


ONE = parse_bank(BANK.text.split('[[rounds.prompts]]\nid = "q2"')[0])      # one round of one question: q1


def answered_twice() -> Rehearsal:
    """Walk21: a one-question round (the bank's only round) answered well, then again (R) badly."""
    r = Rehearsal.for_round(ONE, ONE.rounds[0])
    for text in ("I fixed lock contention on the ledger table and latency came down by sixty percent.", "No idea."):
        r.record(analyze_answer(ONE, r.current, Transcript.from_text(text)))
    assert len(ONE.rounds) == 1 and len(r.prompts) == 1
    return r


def test_a_rounds_range_is_over_what_its_score_counts_and_its_advice_is_possible():
    """Walk21: "Your scores ranged from 0 to 80. Pick another round next." over a one-question round's 80: the range
    mixed two tries of one question while the score counts the best, and the bank had no other round to pick."""
    r = answered_twice()
    summary = r.summary()
    assert summary.overall == 100 and r.counted_scores() == [100, 0]
    said = round_message(r, summary, what_name(r))
    assert "0 to" not in said and "another round" not in said, said
    assert said == "Round done. Try this round again another day.", said


def test_a_one_question_round_is_named_a_round_and_one_prompt_a_prompt():
    """Walk21: Start round on a one-question round ended "Prompt complete" under "One prompt: …"."""
    assert what_name(answered_twice()) == "Round"
    assert what_name(Rehearsal.for_prompt(ONE, ONE.rounds[0].prompts[0])) == "Prompt"
    assert what_name(Rehearsal.for_prompt(BANK, BANK.rounds[0].prompts[0])) == "Prompt"


# walk24's sitting, as its transcriber heard it (Airwallex round 4, spoken at 150 words a minute)
WALK24 = [
    ("why-airwallex", "So, why Airwallex? Honestly, what excites me is that Airwallex is building the global financial "
     "platform for businesses. Multi-currency business account, global transfers, and embedded finance for other "
     "platforms. Under the hood, that means really hard infrastructure problems. Global distributed systems, "
     "multi-region consistency, low-latency payment routing, and high availability for services that move money. In "
     "my last role, I built cross-region observability, and multi-region monitoring, so I know how important it is to "
     "detect routing issue early, and the impact is direct. When I make an employment system better, I am helping a "
     "small business in Brazil shelter customers in Japan without thinking about payment complexity. I want to run "
     "into building for underlying platforms."),
    ("product-range", "So you will, like a payment platform for businesses, I think, kind of like a bank, but more "
     "modern and online, money moving between countries, that kind of thing, yeah, I think that's basically it."),
    ("product-range", "Airwallex is building financial infrastructure for businesses that operate across borders. There "
     "are global business accounts where a company can fold, collect and manage money in many currencies. There are "
     "global transfers and foreign exchange, so they can pay suppliers in other countries that go next-change rates. "
     "They also accept online payments with local payment methods, and issued cards with expense management. And "
     "there is embedded finance, APIs that let other platforms and marketplaces build financial products on top of "
     "Airwallex. What it sounds is the cost and complexity on traditional banks for a business selling globally."),
    ("most-impactful", "The most impactful thing I built when a cross-region monitoring platform at my last company. I "
     "landed the design. Before it, we found routing problems from customer tickets, sometime hours later."),
    ("hardest-problem", "The hardest problem I solved was in our order matching engine. We had luck contention. Many "
     "friends fought over the same locks on the order work, and latency spiked at peak. I proposed the LMAX "
     "Disruptor, it is a ring buffer with a single rider, so the matching logic runs on one friend without locks, and "
     "the entry mark reallocated, so there is no garbage collection. I built a prototype, and benchmarked against the "
     "old design. throughput went up about six times, and the behind the eye latency fell from two milliseconds to "
     "about 300 microseconds. The train off is that single-threaded logic is harder to debug, and the ring buffer "
     "uses more memory."),
]


def test_a_weak_sitting_retried_up_is_not_summed_up_as_polished():
    """Walk24: a filler-heavy answer (17 fillers a minute, scored 3), retried to 83, in a round whose other answers
    scored 72 to 100, ended "Polished communicator 100" and "Your scores ranged from 73 to 100": the round took how
    each question was said from its best try only, and the headline's range left the 3 out unsaid. The round's
    delivery is every counted try's (the points still each question's best try's), and the headline names the
    range as the best tries' and says the lowest try."""
    from tests.conftest import BANKS
    from tests.core.analysis.test_analyze import timed
    from voiceprep.core.analysis.scoring import competency_scores
    from voiceprep.core.banks import load_bank

    bank = load_bank(BANKS / "airwallex.toml")
    r = Rehearsal.for_round(bank, bank.round("round-4"))
    tries = []
    for pid, said in WALK24:
        tries.append(analyze_answer(bank, bank.prompt(pid), timed([(w, 0.0) for w in said.split()])))
        r.record(tries[-1])
    fillers, retry = tries[1], tries[2]
    assert fillers.overall < 10 and fillers.delivery_scores["fillers"] == 0 and retry.overall > 80
    s = r.summary()
    assert s.coverage_by_prompt["product-range"] == retry.coverage           # its points: the best try's
    # how the sitting was said: all five answers, the filler-heavy one too
    pairs = [pair for q in r.prompts for pair in r.question(q.id)[2]]
    aspects = [a.delivery_scores for a in tries]
    said = {k: sum(d[k] for d in aspects) / len(aspects) for k in ("pace", "fillers", "hedges")}
    assert s.competencies["communication"] == competency_scores(bank, pairs, said)["communication"] < 99.5
    message = round_message(r, s, what_name(r))
    low = min(counted_scores(r))                                           # each question's best try
    assert message.startswith(f"Your weakest question scored {low:.0f} on its best try, your strongest 100; your lowest "
                              f"try scored {fillers.overall:.0f}.") and "Your scores" not in message, message


def test_the_feedbacks_shares_of_a_competency_scored_from_delivery_alone_add_up_to_the_overall():
    """Issue 11: a competency no key point of the question holds counts by its `delivery_weight` share; the stored
    feedback carries that weight, so the bars' "N% of the overall" (feedback.py, the export) still add up to the
    overall (spoken: why-airwallex holds no "Polished communicator" point, so it is scored from delivery alone)."""
    from tests.conftest import BANKS
    from tests.core.analysis.test_analyze import timed
    from voiceprep.app.judging import feedback_document
    from voiceprep.core.analysis.scoring import overall_shares
    from voiceprep.core.banks import load_bank

    bank = load_bank(BANKS / "airwallex.toml")
    a = analyze_answer(bank, bank.prompt("why-airwallex"), timed([(w, 0.0) for w in WALK24[0][1].split()]))
    assert "communication" in a.competencies and all(r.key_point.competency != "communication" for r in a.key_points)
    doc = feedback_document(a)
    comps = doc["competencies"]
    shares = overall_shares({c["id"]: c["weight"] for c in comps}, [c["id"] for c in comps],
                            [(k["competency"], k.get("weight") or 1.0) for k in doc["key_points"]],
                            {c["id"]: c.get("delivery_weight") for c in comps})
    assert sum(shares[c["id"]] * c["score"] for c in comps) == pytest.approx(a.overall, abs=0.05)
    assert shares["communication"] < min(s for c, s in shares.items() if c != "communication")


def test_the_summarys_how_it_is_made_line_names_the_part_delivery_makes():
    """review33 4: airwallex's communication ties delivery into the overall (delivery_weight 0.3), so a round with
    every key point missed said "9: 0 of the round's 6 key points said, weighted by the job's competencies" beside
    an overall of 9. The line names how the answers were said, and its share; a round without delivery does not."""
    from tests.conftest import BANKS
    from voiceprep.app.scored import how_made
    from voiceprep.core.analysis.scoring import summarize_round
    from voiceprep.core.banks import load_bank

    bank = load_bank(BANKS / "airwallex.toml")
    prompt = bank.prompt("hardest-problem")
    aspects = {a for c in bank.competencies for a in c.delivery}
    missed = summarize_round(bank, [prompt.id], {prompt.id: [(kp, False) for kp in prompt.key_points]},
                             {prompt.id: dict.fromkeys(aspects, 100.0)})
    assert missed.points_said == 0 and missed.overall > 0
    line = how_made(missed, True)
    assert line is not None and "how you said them" in line, line
    share = round(100 * missed.delivery_share)
    assert f"({share}% of the overall)" in line and share == pytest.approx(missed.overall, abs=1), line
    no_delivery = summarize_round(bank, [prompt.id], {prompt.id: [(kp, False) for kp in prompt.key_points]})
    assert no_delivery.delivery_share == 0 and "how you said" not in (how_made(no_delivery, True) or "")


def test_a_rounds_headline_says_its_skips_first():
    """Walk46 4: "Your scores ranged from 50 to 80. Drill your weak points next." over "4 questions skipped"."""
    from voiceprep.app.scored import headline

    assert headline(3, 7, 26, scores=[50, 50, 80]) == \
        "4 questions skipped — answer them next, then drill your weak points."      # not "3 of 7" again (walk14)
    assert headline(1, 2, 40, scores=[80], weak=False) == "1 question skipped — answer it next."
    assert headline(2, 2, 57, scores=[0, 100]).startswith("Your weakest answer")          # none skipped: as before


def test_a_continued_rounds_headline_ranges_over_both_sittings_as_its_summary_does(tmp_path):
    """fixCF noticed: a round left and taken up again ("Continue from question 2") said "Your scores ranged from 14 to
    18" of this sitting's answers while its overall and question lines covered both sittings. With a real history:
    question 1 answered whole, the round left; continued, question 2 answered with nothing of its points: the range
    is the round's, question 1's 100 in it, as the summary counts it."""
    from voiceprep.app import HistoryAccess, HistoryService, PracticeSession

    access = HistoryAccess(tmp_path / "h.sqlite3")
    session, service = PracticeSession(access), HistoryService(access)
    rnd = BANK.rounds[0]
    pk = session.start_round(BANK, rnd)
    session.save_typed(BANK, rnd.prompts[0], "I fixed lock contention on the ledger table and latency came down by "
                       "sixty percent.", rnd.id, pk)
    left = service.recap()["left"]                          # quit here: the round left at question 2
    assert left is not None and left["position"] == 2 and left["round_pk"] == pk, left
    r = Rehearsal.for_round(BANK, rnd, start=left["position"] - 1, answered=left["answered"], earlier=left["earlier"],
                            continues=left["round_pk"])
    assert [p.id for p in r.prompts] == ["q2"]
    r.record(analyze_answer(BANK, r.current, Transcript.from_text("No idea.")))
    r.next()
    summary = r.summary()
    assert (summary.answered, summary.total) == (2, 2) and summary.overall == 50      # both sittings (fixBX)
    assert counted_scores(r) == [100, 0]                   # question 1 as the summary counts it, then question 2
    said = round_message(r, summary, what_name(r))
    assert said.startswith("Your weakest answer scored 0, your strongest 100."), said     # was "Round done." (question 2's 0)
    assert "answered before this sitting · 2 of 2 key points" in question_lines(r)[0]
    access.close_all()


def test_the_summary_says_how_many_answers_were_off_the_question():
    """fixDJ (walk58 5): three of a round's four answers talked about something else, each flagged in its feedback,
    and the round's summary ("Your scores ranged from 4 to 11. Drill your weak points next.") never said so. It says
    how many of the answers it counts were off the question; none: nothing."""
    from tests.conftest import BANKS
    from tests.core.analysis.test_delivery import spoken
    from voiceprep.app.scored import off_topic_line
    from voiceprep.core.banks import load_bank

    bank = load_bank(BANKS / "airwallex.toml")
    talk = ("Last weekend I baked a sourdough loaf. The starter needs feeding twice a day, and the dough rests overnight "
            "in the fridge. In the morning you shape it, score the top, and bake it in a hot cast iron pot for about "
            "forty minutes until the crust is dark.")
    r = Rehearsal.for_round(bank, bank.rounds[0])
    flagged = []
    for text in (talk, "Airwallex gives businesses global accounts to hold and collect money in many currencies, global "
                 "transfers with good FX rates, online payments and cards, so businesses sell across borders.", talk, talk):
        a = analyze_answer(bank, r.current, spoken(text, 20.0))
        flagged.append(a.off_topic is not None)
        r.record(a)
        r.next()
    assert flagged.count(True) >= 2 and not flagged[1], flagged
    off = flagged.count(True)
    assert off_topic_line(r) == f"{off} of 4 answers were off the question: their feedback says what each talked about."
    plain = Rehearsal.for_round(bank, bank.rounds[0])
    plain.record(analyze_answer(bank, plain.current, spoken(talk, 20.0)))
    assert off_topic_line(plain) == "The answer was off the question: its feedback says what it talked about."
    on = Rehearsal.for_round(bank, bank.rounds[0])
    on.record(analyze_answer(bank, on.current, Transcript.from_text("No idea.")))
    assert off_topic_line(on) is None


def test_a_short_answer_about_something_else_counts_as_off_the_question():
    """mendJ (walk58 5's other half): the round's count of answers off the question saw only answers of 25 words or
    more; two sentences about something else now count."""
    from tests.conftest import BANKS
    from voiceprep.app.scored import off_topic_line
    from voiceprep.core.banks import load_bank

    bank = load_bank(BANKS / "airwallex.toml")
    r = Rehearsal.for_round(bank, bank.rounds[0])
    r.record(analyze_answer(bank, r.current, Transcript.from_text(
        "Last weekend I baked a sourdough loaf. The dough rests overnight in the fridge before it is baked.")))
    assert off_topic_line(r) == "The answer was off the question: its feedback says what it talked about."


def test_a_round_no_competency_ties_to_delivery_says_its_scores_leave_out_how_it_was_said():
    """walk60 8: the payments bank's four job competencies are all technical, so a round of 100 had an answer with 52
    fillers in it and its summary said nothing of them. The summary says, beside its overall, that how the answers
    were said is not in its scores, and names the Delivery cards to work on by question, fillers first."""
    from pathlib import Path

    from tests.core.analysis.test_delivery import spoken
    from tests.gui.widgets.test_feedback import RAMBLING
    from voiceprep.app.scored import delivery_lines
    from voiceprep.core.banks import load_bank

    payments = load_bank(Path(__file__).resolve().parents[2] / "question_banks" / "senior-backend-payments.toml")
    r = Rehearsal.for_round(payments, payments.rounds[0])
    r.next()                                              # question 1 skipped
    r.record(analyze_answer(payments, r.current, spoken(RAMBLING, 75.0)))      # question 2: fillers throughout
    lines = delivery_lines(r, "Round")
    assert lines is not None
    said, work_on = lines
    assert said == ("Not in these scores: how you said it. This job's competencies are all about what you say, so "
                    "fillers, pace, pauses and hedges are coaching only."), said
    assert work_on.startswith("To work on in how you said it: Fillers — question 2: ") and "most often “um”" in work_on, \
        work_on
    # one prompt: "this score"; a drill's number is the points it asked for: nothing; a bank with a competency tied to
    # delivery: nothing
    one = Rehearsal.for_prompt(payments, payments.rounds[0].prompts[1])
    one.record(analyze_answer(payments, one.current, spoken(RAMBLING, 75.0)))
    assert (delivery_lines(one, "Prompt") or ("",))[0].startswith("Not in this score: how you said it.")
    assert delivery_lines(r, "Drill") is None and delivery_lines(walk18(), "Round") is not None     # no competencies
    # walk63 8: the cards themselves whatever the bank scores, a drill's too; none before any answer
    from voiceprep.app.scored import delivery_cards
    assert delivery_cards(r) == work_on
    assert delivery_cards(one) == (delivery_lines(one, "Prompt") or ("", ""))[1]
    assert delivery_cards(Rehearsal.for_round(payments, payments.rounds[0])) is None
    assert "This bank scores only what you say" in (delivery_lines(walk18(), "Round") or ("",))[0]


def test_one_prompt_after_the_whole_round_today_is_not_told_to_try_the_whole_round(tmp_path):
    """walk60 10: "Prompt complete · … · Well done. Try the whole round." right after the candidate had done the whole
    round. After a whole round finished today (History's stored run), One prompt's headline says to take the whole
    round again another day; a round never finished, or finished yesterday, still says "Try the whole round"."""
    from datetime import UTC, timedelta

    from voiceprep.app import HistoryAccess, PracticeSession
    from voiceprep.app.history_service import HistoryService

    access = HistoryAccess(tmp_path / "h.sqlite3")
    session, service = PracticeSession(access), HistoryService(access)
    rnd = BANK.rounds[0]
    one = Rehearsal.for_prompt(BANK, rnd.prompts[0])
    one.record(analyze_answer(BANK, one.current, Transcript.from_text(
        "I fixed lock contention on the ledger table and latency came down by sixty percent.")))
    summary = one.summary()
    assert round_message(one, summary, "Prompt") == "Well done. Try the whole round."        # a bank of one round
    from voiceprep.app.scored import how_made
    assert (how_made(summary, False, "Prompt") or "").startswith("100: 2 of the question's 2 key points said"), \
        how_made(summary, False, "Prompt")                  # walk60: "5 of the round's 5 key points" of one prompt
    assert service.round_finished(BANK.id, rnd.id) is None
    pk = session.start_round(BANK, rnd)
    assert service.round_finished(BANK.id, rnd.id) is None                  # begun, not finished: not a run
    session.finish_round(pk, {"overall": 50, "answered": 1, "total": 2})       # a question skipped: not done whole
    assert service.round_finished(BANK.id, rnd.id) is None
    pk = session.start_round(BANK, rnd)
    session.finish_round(pk, {"overall": 100, "answered": 2, "total": 2})
    finished = service.round_finished(BANK.id, rnd.id)
    assert finished is not None
    said = round_message(one, summary, "Prompt", round_finished=finished)
    assert said == "Well done. You did the whole round earlier today: try it again another day.", said
    yesterday = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    assert round_message(one, summary, "Prompt", round_finished=yesterday) == "Well done. Try the whole round."
    access.close_all()
