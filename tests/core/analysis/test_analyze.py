"""The whole analysis of one answer: evidence with times, scores by weight, delivery, follow-ups."""

from __future__ import annotations

import pytest

from tests.conftest import BANKS
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.followups import follow_up_for
from voiceprep.core.analysis.scoring import summarize_round
from voiceprep.core.banks import load_bank, parse_bank
from voiceprep.core.banks.model import KeyPoint
from voiceprep.core.transcript import Segment, Transcript, Word
from voiceprep.settings import AnalysisSettings


def timed(words_with_gaps: list[tuple[str, float]]) -> Transcript:
    """Words at 0.4 s each; a number after a word adds that much silence after it."""
    t, words = 0.0, []
    for word, gap in words_with_gaps:
        words.append(Word(start=round(t, 2), end=round(t + 0.35, 2), word=" " + word))
        t += 0.4 + gap
    return Transcript(text=" ".join(w.word.strip() for w in words), language="en", duration=round(t, 2),
                      model="test", segments=[Segment(0, t, "", words)])


@pytest.fixture(scope="module")
def payments():
    return load_bank(BANKS / "senior-backend-payments.toml")


def test_evidence_carries_word_times(payments):
    words = [(w, 0.0) for w in ["So", "we", "used", "idempotency", "keys", "to", "deduplicate", "retried", "payments"]]
    a = analyze_answer(payments, payments.prompt("kafka-payments"), timed(words))
    idem = next(r for r in a.key_points if r.key_point.id == "idempotency")
    assert idem.hit
    sentence, word = a.evidence["idempotency"][:2]
    assert sentence.how == "meaning" and sentence.text == " ".join(w for w, _ in words)
    assert sentence.start == pytest.approx(0.0) and sentence.end == pytest.approx(3.55)
    assert word.how == "words" and word.cue == "idempotency"
    assert word.text == "idempotency" and word.start == pytest.approx(1.2) and word.end == pytest.approx(1.55)


def test_scores_follow_key_point_and_competency_weights(payments):
    text = ("Kafka topics with partitions and consumer groups at 5000 transactions per second. Idempotency keys "
            "deduplicate so nobody is charged twice.")
    a = analyze_answer(payments, payments.prompt("kafka-payments"), Transcript.from_text(text))
    hits = {r.key_point.id for r in a.key_points if r.hit}
    assert hits == {"kafka-throughput", "idempotency"}
    # distributed systems: kafka (1.5) + idempotency (1.5) hit of 1.5+1.5+1.0
    assert a.competencies["distributed_systems_design"] == pytest.approx(75.0)
    assert a.competencies["backend_architecture"] == 0 and a.competencies["payments_domain_expertise"] == 0
    assert a.coverage == pytest.approx(100 * 3.0 / 6.0, abs=0.1)   # weights 1.5+1.5+1+1+1
    # each competency by its job weight times the key-point weight the prompt puts on it (4.0, 1.0, 1.0):
    # the two weight-1 points of other competencies cost their share, not 45% of the overall
    expected = (0.30 * 4.0 * 75.0) / (0.30 * 4.0 + 0.20 * 1.0 + 0.25 * 1.0)
    assert a.overall == pytest.approx(expected, abs=0.1)
    assert [f["key_point_id"] for f in a.follow_ups] == ["eventual-consistency", "graceful-failure", "revenue-impact"]


def test_bank_without_competencies_scores_by_coverage():
    bank = load_bank(BANKS / "affirm-backend-platform.toml")
    a = analyze_answer(bank, bank.prompt("ha-storage"), Transcript.from_text("Replication with automatic failover."))
    assert a.competencies == {} and a.overall == a.coverage == 25.0


def test_round_summary_weights_and_completion(payments):
    prompts = [p.id for p in payments.round("round-02").prompts]
    results = {}
    for pid, text in (("kafka-payments", "Kafka topics partitions consumer groups 5000 transactions per second"),
                      ("python-services", "asyncio with a connection pool and timeouts and retries")):
        a = analyze_answer(payments, payments.prompt(pid), Transcript.from_text(text))
        results[pid] = a.hits()
    s = summarize_round(payments, prompts, results)
    assert s.answered == 2 and s.total == 4 and s.completion == 0.5
    assert s.skipped == [p for p in prompts if p not in results]
    # the skipped prompts' key points count as misses: every competency of the round is scored
    assert set(s.competencies) == {c.id for c in payments.competencies}
    answered_only = summarize_round(payments, list(results), results)
    assert s.overall < answered_only.overall
    assert s.to_drill and s.to_drill[0][1]


def test_delivery_pace_pauses_fillers_hedges_numbers():
    words = [("So", 0), ("um", 0), ("I", 0), ("think", 0), ("we", 0), ("cut", 0), ("latency", 2.0), ("by", 0),
             ("forty", 0), ("percent,", 0), ("you", 0), ("know,", 0), ("and", 0), ("like,", 0), ("it", 0),
             ("was", 0), ("basically", 0), ("great", 0)]
    a = analyze_answer(load_bank(BANKS / "airwallex.toml"), load_bank(BANKS / "airwallex.toml").prompt("hardest-problem"),
                       timed(words))
    d = a.delivery
    # the opening "So" once is speech, not a filler (walk24; settings.so_openings_overused)
    assert d.fillers["by_word"] == {"um": 1, "you know": 1, "like": 1, "basically": 1}
    assert d.hedges["by_word"] == {"i think": 1}
    assert len(d.long_pauses) == 1 and d.long_pauses[0]["after"] == "latency" and d.long_pauses[0]["duration"] >= 2
    assert d.numbers == ["forty percent"]
    assert d.wpm == pytest.approx(len(words) / ((d.speaking_s) / 60), rel=0.01)
    names = {f.name: f for f in d.findings}
    assert names["duration"].status == "warn" and names["fillers"].status == "warn" and names["fillers"].tip
    assert names["hedges"].status == "good" and "plainly" not in names["hedges"].tip   # one hedge is said, not denied


def test_like_and_kind_of_are_fillers_only_when_used_as_fillers():
    bank = load_bank(BANKS / "airwallex.toml")
    text = "I would like to explain what kind of system we built. It was, like, kind of slow."
    d = analyze_answer(bank, bank.prompt("hardest-problem"), Transcript.from_text(text)).delivery
    assert d.fillers["by_word"] == {"like": 1, "kind of": 1}


def test_repeated_phrases_star_and_ownership():
    bank = load_bank(BANKS / "airwallex.toml")
    text = ("At my previous company we had a slow matching engine. My task was to fix it. I designed a new "
            "queue and I benchmarked it. As a result latency dropped. The new queue was great, because the new "
            "queue was fast.")     # mid-clause: said again, not a parallel list (walk24)
    d = analyze_answer(bank, bank.prompt("hardest-problem"), Transcript.from_text(text)).delivery
    assert d.star["missing"] == [] and d.star["in_order"]
    assert {"phrase": "the new queue was", "count": 2} in d.repeated_phrases
    assert d.ownership["i"] >= 3
    shuffled = "As a result latency dropped. I designed a new queue. At my previous company it was slow."
    assert not analyze_answer(bank, bank.prompt("hardest-problem"), Transcript.from_text(shuffled)).delivery.star["in_order"]


def test_filler_counts_are_marked_approximate_when_recall_is_low():
    bank = load_bank(BANKS / "airwallex.toml")
    low = analyze_answer(bank, bank.prompt("hardest-problem"), Transcript.from_text("um yes"),
                         AnalysisSettings(measured_filler_recall=0.3))
    high = analyze_answer(bank, bank.prompt("hardest-problem"), Transcript.from_text("um yes"),
                          AnalysisSettings(measured_filler_recall=0.9))
    assert low.delivery.fillers["approximate"] and not high.delivery.fillers["approximate"]


def test_follow_up_uses_the_bank_or_phrases_one_from_the_label():
    assert follow_up_for(KeyPoint("a", "Name the ring buffer", ("x",), follow_up="Which buffer?")) == "Which buffer?"
    assert follow_up_for(KeyPoint("a", "Name the ring buffer", ("x",))) == "Could you name the ring buffer?"
    assert follow_up_for(KeyPoint("a", "The problem: lock contention", ("x",))) == \
        "Can you tell me about the problem?"
    assert follow_up_for(KeyPoint("a", "Kafka partitions and consumer groups", ())) == \
        "Can you tell me about Kafka partitions and consumer groups?"          # a name keeps its capital


def test_a_key_point_written_in_the_first_person_is_asked_back_in_the_second():
    """Not "Can you tell me more about i wrote the postmortem and changed our alerts...?"."""
    kp = KeyPoint("a", "I wrote the postmortem and changed our alerts so it could not happen again", ())
    assert follow_up_for(kp) == ("You haven't said yet how you wrote the postmortem and changed your alerts. "
                                 "Can you walk me through that?")      # walk23: its purpose left to the candidate


def test_follow_ups_for_statements_and_negatives_are_grammatical():
    """Walkthrough 3: "Can you tell me more about Finance could close the books...?" and "You haven't said yet how
    you never store raw card numbers: tokenization keeps..."."""
    said = KeyPoint("a", "Finance could close the books the same morning instead of the next day", ())
    assert follow_up_for(said) == "Can you tell me how finance could close the books the same morning?"
    # walkthrough 7: not quoted back like a grader's checklist; walk23: nor its "instead of the next day"
    never = KeyPoint("a", "We never store raw card numbers: tokenization keeps most services out of PCI scope", ())
    assert follow_up_for(never) == "You haven't said yet that you never store raw card numbers. Can you tell me " \
                                   "about that?"
    purpose = KeyPoint("a", "I made the consumer safe to replay, so a retried message never charged twice", ())
    assert follow_up_for(purpose) == ("You haven't said yet how you made the consumer safe to replay. "
                                      "Can you walk me through that?")      # walk23: its purpose left out
    topic = KeyPoint("a", "What you changed so it would not happen again", ())
    assert follow_up_for(topic) == "Can you tell me what you changed so it would not happen again?"


def test_the_prompts_own_follow_up_is_asked_first_when_a_point_is_missed():
    """Walkthrough 3: the editor's prompt Follow-up ("asked when the answer misses points") was never asked."""
    bank = parse_bank('schema = 1\n[job]\nid = "x"\ntitle = "X"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
                      '[[rounds.prompts]]\nid = "p"\ntext = "Tell me about stopping double charges."\n'
                      'follow_up = "How did you prove a retried payment could never be charged twice?"\n'
                      '[[rounds.prompts.key_points]]\nid = "k"\nlabel = "Idempotency keys on every payment"\n')
    missed = analyze_answer(bank, bank.prompt("p"), Transcript.from_text("We had a lot of meetings about it."))
    assert [f["question"] for f in missed.follow_ups][0] == bank.prompt("p").follow_up
    covered = analyze_answer(bank, bank.prompt("p"), Transcript.from_text(
        "I added an idempotency key to every payment request, so a retry was recognised and never charged."))
    assert covered.key_points[0].hit and not covered.follow_ups


def test_label_only_key_points_work_end_to_end():
    bank = parse_bank('schema = 1\n[job]\nid = "x"\ntitle = "X"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
                      '[[rounds.prompts]]\nid = "p"\ntext = "Q?"\n[[rounds.prompts.key_points]]\nid = "k"\n'
                      'label = "Name the ring buffer and the latency result"\n')
    # "the latency result" asks for a number (judge: quantity key points), so the answer says one
    a = analyze_answer(bank, bank.prompt("p"), Transcript.from_text("Our ring buffer cut latency by forty percent."))
    assert a.key_points[0].hit


def test_typed_answers_have_no_pace_or_duration_but_keep_the_other_cards():
    bank = load_bank(BANKS / "airwallex.toml")
    a = analyze_answer(bank, bank.prompt("hardest-problem"),
                       Transcript.from_text("Um, I proposed the LMAX Disruptor and latency fell forty percent."))
    d = a.delivery
    assert not d.timed and d.wpm is None and d.duration_s is None and d.long_pauses == []
    names = {f.name: f for f in d.findings}
    assert names["pace"].status == "info" and "not measured" in names["pace"].summary
    assert "duration" not in names and "pauses" not in names
    assert {"fillers", "hedges", "numbers", "structure"} <= set(names)
    # the "Um" typed is no filler heard (session 19: "0 fillers · clean delivery" on typed words)
    assert names["fillers"].status == "info" and "not measured" in names["fillers"].summary
    # how it was said is not measured on typed words (walk14: a typed answer read "how you said it 100"): no pace,
    # fillers, hedges or pauses score; the story's shape (situation, task, action, result) is in the words
    said = a.delivery_scores
    assert said["pace"] is None and said["fillers"] is None and said["hedges"] is None and said["pauses"] is None
    assert said["structure"] is not None


def test_a_typed_answers_delivery_tied_competency_gets_no_credit_for_delivery_it_never_had():
    """Walk14: a typed answer's "Polished communicator" read "0 of 1 key point + how you said it 100 (30% of the
    score)", 30 for delivery never measured, and the overall counted it. Typed, it rests on its key points alone,
    and a prompt with none of its key points does not score it at all."""
    from voiceprep.core.analysis.scoring import overall_score, weighted_hits

    bank = load_bank(BANKS / "airwallex.toml")
    answer = "Airwallex lets a business hold many currencies in one account and pay suppliers abroad at good rates."
    typed = analyze_answer(bank, bank.prompt("product-range"), Transcript.from_text(answer))
    mine = [(r.key_point, r.hit) for r in typed.key_points if r.key_point.competency == "communication"]
    assert mine and not any(hit for _, hit in mine)
    assert typed.competencies["communication"] == weighted_hits(mine) == 0       # not 30: no delivery credit
    pairs = [(r.key_point, r.hit) for r in typed.key_points]
    assert typed.overall == overall_score(bank, typed.competencies, typed.coverage, pairs)
    spoken = analyze_answer(bank, bank.prompt("product-range"), timed([(w, 0.0) for w in answer.split(" ")]))
    assert spoken.competencies["communication"] > 0                             # spoken, delivery counts
    # with none of its key points asked, a typed answer does not score it at all (nothing of it was measured)
    from voiceprep.core.analysis.scoring import competency_scores
    others = [(r.key_point, r.hit) for r in typed.key_points if r.key_point.competency != "communication"]
    assert "communication" not in competency_scores(bank, others, typed.delivery_scores)
    assert "communication" in competency_scores(bank, others, spoken.delivery_scores)


def test_a_bank_can_tie_a_competency_to_delivery():
    bank = load_bank(BANKS / "airwallex.toml")
    comm = bank.competency("communication")
    assert comm is not None and comm.delivery == ("pace", "fillers", "hedges") and comm.delivery_weight == 0.3
    answer = "Airwallex lets a business hold many currencies in one account and pay suppliers abroad at good rates."
    words = [(w, 0.0) for w in answer.split(" ")]
    a = analyze_answer(bank, bank.prompt("product-range"), timed(words))
    # the communication key point (who-and-why) is missed, yet a fluent answer does not score 0 there
    assert not next(r for r in a.key_points if r.key_point.id == "who-and-why").hit
    assert a.competencies["communication"] == pytest.approx(30.0, abs=0.1)
    # and a competency tied to delivery is scored even for a prompt with none of its key points
    assert "communication" in a.competencies


def test_delivery_fields_are_checked():
    base = BANKS / "airwallex.toml"
    text = base.read_text().replace('delivery = ["pace", "fillers", "hedges"]', 'delivery = ["pace", "speed"]')
    with pytest.raises(Exception, match="unknown delivery aspect 'speed'"):
        parse_bank(text)
    text = base.read_text().replace('delivery = ["pace", "fillers", "hedges"]   # how it was said counts too: '
                                    '30% of this competency\n', '')
    with pytest.raises(Exception, match="needs `delivery`"):
        parse_bank(text)


def test_evidence_quotes_a_split_word_as_the_transcript_shows_it():
    """Whisper gives "pre-allocate" as " pre" + "-allocate"; the quote once read "pre -allocate"."""
    bank = parse_bank('schema = 1\n[job]\nid = "x"\ntitle = "X"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
                      '[[rounds.prompts]]\nid = "p"\ntext = "Q?"\n[[rounds.prompts.key_points]]\nid = "k"\n'
                      'label = "Pre-allocated events"\ncues = ["pre-allocated"]\n')
    words = [Word(start=i * 0.4, end=i * 0.4 + 0.35, word=w)
             for i, w in enumerate([" We", " pre", "-allocate", " every", " event."])]
    t = Transcript(text="We pre-allocate every event.", language="en", duration=2.0, model="test",
                   segments=[Segment(0, 2.0, "", words)])
    quotes = [e.text for e in analyze_answer(bank, bank.prompt("p"), t).evidence["k"]]
    assert quotes and all("pre -" not in q for q in quotes) and any("pre-allocate" in q for q in quotes), quotes


@pytest.mark.parametrize("prompt_id, story", [("why-airwallex", False), ("product-range", False),
                                              ("hardest-problem", True), ("most-impactful", True)])
def test_star_is_coached_only_where_the_prompt_asks_for_a_story(prompt_id, story):
    """"Why Airwallex?" is not a story: it is not told it misses a Situation and a Result."""
    bank = load_bank(BANKS / "airwallex.toml")
    a = analyze_answer(bank, bank.prompt(prompt_id),
                       Transcript.from_text("Cross-border payments are hard and I want to work on that at scale."))
    structure = next(f for f in a.delivery.findings if f.name == "structure")
    assert a.delivery.story is story
    if story:
        assert structure.status == "warn" and "STAR" in structure.summary
        assert a.delivery_scores["structure"] is not None
    else:
        assert structure.status == "info" and "missing" not in structure.summary
        assert a.delivery_scores["structure"] is None


def test_a_story_with_every_star_part_out_of_order_is_told_so_plainly():
    """Not "STAR: missing none; out of order"."""
    bank = load_bank(BANKS / "airwallex.toml")
    text = ("In the end latency dropped from four milliseconds to three hundred microseconds. "
            "At my previous company our matching engine was slow under load. "
            "My job was to fix it before the launch. I built a single writer ring buffer and benchmarked it.")
    a = analyze_answer(bank, bank.prompt("hardest-problem"), Transcript.from_text(text))
    structure = next(f for f in a.delivery.findings if f.name == "structure")
    assert not a.delivery.star["missing"] and not a.delivery.star["in_order"], a.delivery.star
    assert structure.summary == "STAR: all four parts, but out of order"


@pytest.mark.parametrize("prompt_id, text, tip", [
    ("hardest-problem", "At my previous company matching was slow. I built a ring buffer. As a result latency fell "
                        "by half.", "say more about how you did it"),
    ("hardest-problem", "At my previous company matching was slow. I built a ring buffer.", "add the result"),
    ("why-airwallex", "Cross-border payments are hard and I want to work on them.", "back each reason with one specific example"),
])
def test_a_short_answer_is_told_only_what_it_lacks(prompt_id, text, tip):
    bank = load_bank(BANKS / "airwallex.toml")
    a = analyze_answer(bank, bank.prompt(prompt_id), timed([(w, 0.0) for w in text.split()]))
    duration = next(f for f in a.delivery.findings if f.name == "duration")
    assert duration.status == "warn" and tip in duration.tip, duration


def test_evidence_on_a_piece_of_a_number_quotes_the_whole_number():
    """Walkthrough 5: whisper writes "8,000" as " 8" + ",000"; the result's cue "{number} requests" matched the piece
    and the evidence read ",000 requests"."""
    bank = load_bank(BANKS / "affirm-backend-platform.toml")
    pieces = [" The", " service", " handled", " 8", ",000", " requests", " per", " second", " and", " we", " reduced",
              " errors."]
    words = [Word(start=i * 0.4, end=i * 0.4 + 0.3, word=w) for i, w in enumerate(pieces)]
    t = Transcript(text="".join(pieces).strip(), language="en", duration=5.0, model="tiny.en",
                   segments=[Segment(0.0, 5.0, "".join(pieces).strip(), words)])
    result = next(k for k in analyze_answer(bank, bank.prompt("realtime-service"), t).to_dict()["key_points"]
                  if k["id"] == "result")
    quoted = [e["text"] for e in result["all_evidence"] if e["cue"] == "{number} requests"]
    assert quoted == ["8,000 requests"], result["all_evidence"]


def test_a_drafted_prompts_story_points_are_judged_as_the_delivery_cards_judge_them():
    """Walkthrough 8: the drafting tool's "Say what you did yourself..." was missed in all 7 answers ("I designed ...
    I ran ... I added"), though the Ownership card praised the same steps; its label names no content a sentence
    could carry. It and "Give the result in numbers..." now agree with the Ownership and Numbers cards."""
    from voiceprep.core.banks.draft import OWNERSHIP_LABEL, RESULT_LABEL, draft_bank

    job = ("Senior Backend Engineer, Payments\n\nWhat you'll do\n"
           "- Design and build reliable payment services on Kafka\n- Own reconciliation with Postgres\n")
    bank = parse_bank(draft_bank(job))
    prompt = next(p for p in bank.all_prompts() if any(k.label == OWNERSHIP_LABEL for k in p.key_points))

    def judged(text: str) -> dict[str, object]:
        a = analyze_answer(bank, prompt, Transcript.from_text(text))
        by_label = {r.key_point.label: r for r in a.key_points}
        return {"own": by_label[OWNERSHIP_LABEL].hit, "result": by_label[RESULT_LABEL].hit,
                "own_evidence": [e.text for e in a.evidence[by_label[OWNERSHIP_LABEL].key_point.id]],
                "card": next(f.status for f in a.delivery.findings if f.name == "ownership")}

    strong = judged("I designed the ledger service on Kafka and I ran the migration myself. I added idempotency "
                    "keys, and duplicate charges fell by ninety percent.")
    assert strong["own"] and strong["result"] and strong["card"] == "good"
    assert strong["own_evidence"][0] == "I designed"
    weak = judged("We had some payment stuff on Kafka and the team looked at a bunch of options, it was fine.")
    assert not weak["own"] and not weak["result"] and weak["card"] == "warn"
    disowned = judged("The design came from another team. I wasn't really involved, my manager drove it.")
    assert not disowned["own"]
    # session 12: a result given as a ratio is a result in numbers, quoted as its evidence; a share is not
    halved = analyze_answer(bank, prompt, Transcript.from_text("I added an index and the database CPU dropped by half."))
    point = next(r for r in halved.key_points if r.key_point.label == RESULT_LABEL)
    assert point.hit and [e.text.rstrip(".") for e in halved.evidence[point.key_point.id]] == ["dropped by half"]
    share = analyze_answer(bank, prompt, Transcript.from_text("I added an index. Half the team liked it."))
    assert not next(r for r in share.key_points if r.key_point.label == RESULT_LABEL).hit


def test_a_written_point_that_only_asks_for_your_role_or_numbers_is_judged_as_the_cards_judge_it():
    """walk17: a bank's own points "Say your role (I designed, I led)" and "Quantify the impact" were only partly there
    for "I led the design of a new search index" and "from 20 minutes to 3 minutes": they name no topic a sentence
    could come close to, like the drafting tool's two story points, and are now judged as those are (a step the
    candidate took; a number given as a measure). A point that names a topic as well ("Quantify the impact on
    latency") is judged by meaning as before."""
    bank = parse_bank('schema = 1\n[job]\nid = "x"\ntitle = "Ops"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
                      '[[rounds.prompts]]\nid = "p"\ntext = "Tell me about the most impactful thing you built."\n'
                      '[[rounds.prompts.key_points]]\nid = "role"\nlabel = "Say your role (I designed, I led)"\n'
                      '[[rounds.prompts.key_points]]\nid = "impact"\nlabel = "Quantify the impact"\n')

    def judged(text: str) -> dict[str, bool]:
        a = analyze_answer(bank, bank.prompt("p"), Transcript.from_text(text))
        return {r.key_point.id: r.hit for r in a.key_points}

    assert judged("I led the design of a new search index, which took query time from 20 minutes to 3 minutes for "
                  "the biggest reports.") == {"role": True, "impact": True}
    assert judged("The reporting jobs took forever. I led the design of a caching layer and the team rolled it out "
                  "over a month. Report time went from 20 minutes to 3 minutes.") == {"role": True, "impact": True}
    assert judged("The reporting jobs were slow and the team made them a lot faster, which had a big impact.") == {
        "role": False, "impact": False}
    assert judged("The design came from another team. I wasn't really involved, my manager drove it.")["role"] is False


def test_a_weak_answer_is_asked_a_few_questions_the_heaviest_missed_first():
    """Walkthrough 8: a weak answer got ten follow-up questions, one per missed point, in the bank's order."""
    points = "".join(f'[[rounds.prompts.key_points]]\nid = "k{i}"\nlabel = "Topic number {i} of the answer"\n'
                     f"weight = {w}\n" for i, w in enumerate([1.0, 1.0, 2.0, 1.0, 3.0, 1.0, 1.0]))
    bank = parse_bank('schema = 1\n[job]\nid = "x"\ntitle = "T"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
                      '[[rounds.prompts]]\nid = "p"\ntext = "Tell me about a project."\n'
                      'follow_up = "What would you do differently?"\n' + points)
    a = analyze_answer(bank, bank.prompt("p"), Transcript.from_text("It went fine, I think."))
    assert [f["key_point_id"] for f in a.follow_ups] == ["", "k4", "k2"]
    assert a.follow_ups[0]["question"] == "What would you do differently?"
    assert len(a.follow_ups) == AnalysisSettings().max_follow_ups


NAMED_NOTHING = ('schema = 1\n[job]\nid = "x"\ntitle = "T"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
                 '[[rounds.prompts]]\nid = "p"\ntext = "What is the most impactful thing you built?"\n'
                 '[[rounds.prompts.key_points]]\nid = "built"\nlabel = "Name what you built: monitoring"\n'
                 'cues = ["monitoring", "dashboards|alerts"]\nmin_cues = 2\n'
                 '[[rounds.prompts.key_points]]\nid = "impact"\nlabel = "Quantify the impact, with numbers"\n'
                 'cues = ["{number} minutes|{number} percent", "reduced|cut"]\nmin_cues = 2\nweight = 1.5\n'
                 '[[rounds.prompts.key_points]]\nid = "who"\nlabel = "Who benefited: on-call engineers"\n'
                 'cues = ["on-call|engineers"]\n')


def test_an_answer_that_named_nothing_is_asked_for_the_thing_before_its_number():
    """walk64 finding 4: after an answer that covered no point, the first follow-up asked "How did you measure that
    impact?" (the weightiest missed point, which asks for a figure) before the candidate had said what they built. The
    first question is the weightiest point that asks for no figure; the order is the same otherwise, and once a point
    is covered the weightiest missed comes first again."""
    bank = parse_bank(NAMED_NOTHING)
    vague = analyze_answer(bank, bank.prompt("p"), Transcript.from_text("I did quite a lot of things, people were happy."))
    assert not any(r.hit for r in vague.key_points)
    assert [f["key_point_id"] for f in vague.follow_ups] == ["built", "impact", "who"]
    partial = analyze_answer(bank, bank.prompt("p"), Transcript.from_text("The on-call engineers were my users."))
    assert [r.key_point.id for r in partial.key_points if r.hit] == ["who"]
    assert [f["key_point_id"] for f in partial.follow_ups] == ["impact", "built"]


def test_each_missed_question_carries_whether_it_asks_for_a_figure_live_and_stored():
    """read48c 5: which missed points ask for a figure was worked out twice, by the analysis and by History's document
    rebuilt from the stored rows, as positions into a missed list each built its own way. Each missed question now
    carries its own flag (`missed_question`), and both ask for the thing before its number, a stored weight kept."""
    from voiceprep.app.judging import attempt_record, stored_document
    from voiceprep.core.analysis.followups import asked_next, missed_question
    bank = parse_bank(NAMED_NOTHING)
    built, impact, who = bank.prompt("p").key_points
    missed = [missed_question(impact, "impact"), missed_question(built, "built"), missed_question(who, "who", 2.0)]
    assert missed == [(1.5, "impact", True), (1.0, "built", False), (2.0, "who", False)]
    assert asked_next(["own"], missed, 3, named_nothing=True) == ["own", "who", "impact"]
    assert asked_next([], missed, 3) == ["who", "impact", "built"]
    vague = analyze_answer(bank, bank.prompt("p"), Transcript.from_text("I did quite a lot of things, people were happy."))
    stored = {"key_points": attempt_record(vague, "typed").key_points, "bank_id": "x", "prompt_id": "p", "input": "typed"}
    assert stored_document(stored, bank)["follow_ups"] == [f["question"] for f in vague.follow_ups]
    assert [f["key_point_id"] for f in vague.follow_ups] == ["built", "impact", "who"]


WALK10 = '''schema = 1
[job]
id = "w10"
title = "Backend Platform"
[[competencies]]
id = "dist"
name = "Distributed systems"
weight = 0.4
[[competencies]]
id = "data"
name = "Data storage and reliability"
weight = 0.35
[[competencies]]
id = "perf"
name = "Debugging performance"
weight = 0.25
[[rounds]]
id = "r"
title = "Behavioural"
[[rounds.prompts]]
id = "reliable"
text = "Tell me about a time you made a system more reliable."
[[rounds.prompts.key_points]]
id = "k0"
label = "I built monitoring that covered every cloud region"
competency = "dist"
[[rounds.prompts.key_points]]
id = "k1"
label = "Alerts caught routing problems before customers noticed"
competency = "data"
[[rounds.prompts.key_points]]
id = "k2"
label = "When a region failed, traffic moved to a healthy region without anyone stepping in"
competency = "data"
[[rounds.prompts.key_points]]
id = "k3"
label = "Time to detect incidents dropped from hours to minutes"
competency = "data"
'''


def test_each_competencys_share_of_the_overall_can_be_worked_out_from_the_bars():
    """Walkthrough 10: bars 100 (job weight 0.40) and 33 (0.35) made an overall of 52, which nothing on screen
    explained: each competency also counts by its key points in the question (1 and 3 here). The formula is the
    bank README's; `overall_shares` says each bar's part of it."""
    from voiceprep.core.analysis.scoring import competency_scores, overall_score, overall_shares

    bank = parse_bank(WALK10)
    prompt = bank.prompt("reliable")
    pairs = list(zip(prompt.key_points, [True, True, False, False]))
    comps = competency_scores(bank, pairs)
    assert comps == {"dist": 100.0, "data": 33.3}
    overall = overall_score(bank, comps, None, pairs)
    assert round(overall) == 52
    shares = overall_shares({c.id: c.weight for c in bank.competencies}, list(comps),
                            [(kp.competency, kp.weight) for kp, _ in pairs])
    assert {c: round(s, 2) for c, s in shares.items()} == {"dist": 0.28, "data": 0.72}
    assert sum(shares[c] * s for c, s in comps.items()) == pytest.approx(overall, abs=0.05)
    # a competency scored from delivery alone counts as the average asked one, as in the overall
    assert overall_shares({"a": 0.5, "b": 0.5}, ["a", "b"], [("a", 2.0)]) == {"a": 0.5, "b": 0.5}
    assert overall_shares({"a": None}, ["a"], []) == {}
    summary = summarize_round(bank, ["reliable"], {"reliable": pairs})
    assert summary.shares == shares and round(summary.overall) == 52


DELIVERY_ONLY = '''schema = 1
[job]
id = "ph"
title = "Community Pharmacist"
[[competencies]]
id = "safety"
name = "Patient safety"
weight = 0.7
[[competencies]]
id = "service"
name = "Developing services"
weight = 0.3
delivery = ["structure"]
delivery_weight = 0.4
[[rounds]]
id = "r"
title = "Behavioural"
[[rounds.prompts]]
id = "error"
text = "Tell me about a dispensing error."
[[rounds.prompts.key_points]]
id = "k0"
label = "Checked the patient was safe first"
competency = "safety"
[[rounds.prompts.key_points]]
id = "k1"
label = "Changed the checking process"
competency = "safety"
'''


def test_a_competency_the_question_does_not_probe_counts_by_its_delivery_share_alone():
    """Issue 11: a typed strong answer (d2i-ph-error-01/02, every point covered) scored 89: "Developing services",
    a competency no key point of the question holds, was scored from the STAR structure alone (40) and counted as
    much as the average asked competency, 18% of the overall. Its score here is delivery only, so it counts as
    delivery counts in any competency: its `delivery_weight` of an asked competency's share."""
    from voiceprep.core.analysis.scoring import competency_scores, overall_score, overall_shares

    bank = parse_bank(DELIVERY_ONLY)
    pairs = [(kp, True) for kp in bank.prompt("error").key_points]
    comps = competency_scores(bank, pairs, {"structure": 40.0})
    assert comps == {"safety": 100.0, "service": 40.0}
    mass = 2.0                              # the safety points' weight; "service" counts 0.4 of that
    expected = (0.7 * mass * 100 + 0.3 * 0.4 * mass * 40) / (0.7 * mass + 0.3 * 0.4 * mass)
    overall = overall_score(bank, comps, 100.0, pairs)
    assert overall == pytest.approx(expected, abs=0.05) and overall > 90
    points = [(kp.competency, kp.weight) for kp, _ in pairs]
    shares = overall_shares({c.id: c.weight for c in bank.competencies}, list(comps), points,
                            {c.id: c.delivery_weight for c in bank.competencies})
    assert sum(shares[c] * s for c, s in comps.items()) == pytest.approx(overall, abs=0.05)
    summary = summarize_round(bank, ["error"], {"error": pairs}, {"error": {"structure": 40.0}})
    assert summary.overall == overall and summary.shares == shares
    # a vague answer (no point covered) still falls: the delivery part cannot carry it
    missed = [(kp, False) for kp, _ in pairs]
    assert overall_score(bank, competency_scores(bank, missed, {"structure": 75.0}), 0.0, missed) < 15


def test_a_question_and_a_round_explain_the_overall_in_one_wording():
    """Review 13: the round summary's explanation was a near-copy of the feedback's, already drifting apart."""
    from voiceprep.core.analysis.scoring import SHARES_EXPLAINED, shares_explained

    assert shares_explained("question") == SHARES_EXPLAINED
    assert shares_explained("round") == SHARES_EXPLAINED.replace("this question", "this round's questions")


def test_evidence_is_the_whole_sentence_that_carries_the_point_not_a_piece_cut_mid_thought():
    """Walkthrough 14: "Our order matching engine was built around locks," was quoted, cut at a comma of a long
    sentence. A quote is the whole sentence it is said in; a piece of a very long one is marked as a piece ("…")."""
    bank = load_bank(BANKS / "airwallex.toml")
    first = ("Our matching engine ran on one global lock, and whenever the market got busy every thread kept "
             "fighting over that lock around the order book, so our tail latency went through the roof.")
    a = analyze_answer(bank, bank.prompt("hardest-problem"), Transcript.from_text(
        first + " I moved the matching loop onto the LMAX Disruptor."))
    assert next(r for r in a.key_points if r.key_point.id == "contention-problem").hit
    assert a.evidence["contention-problem"][0].text == first
    long = ("So the first thing we did, and this took a while because nobody wanted to touch the old code, was to "
            "measure how long each order waited for the lock around the order book under real load, and it turned "
            "out that threads spent most of their time in lock contention rather than matching, which nobody had "
            "expected at all.")
    a = analyze_answer(bank, bank.prompt("hardest-problem"), Transcript.from_text(long))
    quote = a.evidence["contention-problem"][0].text
    assert quote == long or (quote.startswith("…") or quote.endswith("…")) and quote.strip("… ") in long, quote


NURSE_COMPLAINT_BANK = (
    'schema = 1\n[job]\nid = "n"\ntitle = "Nurse manager"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
    '[[rounds.prompts]]\nid = "complaint"\ntext = "Tell me about a time a family complained about care on your unit."\n'
    '[[rounds.prompts.key_points]]\nid = "listen"\nlabel = "I met the family and listened to their concerns"\n'
    '[[rounds.prompts.key_points]]\nid = "investigate"\nlabel = "I looked into what happened with the staff and records"\n'
    '[[rounds.prompts.key_points]]\nid = "fix"\nlabel = "I fixed the process so it would not happen again"\n')


def specifics(analysis) -> list:
    return [f for f in analysis.delivery.findings if f.name == "specifics"]


def test_an_answer_that_only_restates_the_points_is_told_to_add_specifics():
    """judge24: writer G's vague answers state each key point in general terms ("I looked into what happened with the
    staff and the records") and get credit by meaning; what they lack is substance. The feedback says so in plain
    words: few details beyond the question's own words. A story told with its details gets no such tip."""
    bank = parse_bank(NURSE_COMPLAINT_BANK)
    vague = analyze_answer(bank, bank.prompt("complaint"), Transcript.from_text(
        "When a family complained about their mother's care, I met with them and listened to their concerns with "
        "empathy. I looked into what happened with the staff and the records. Then I went back to them with an honest "
        "explanation of what we would change, and I made sure the process was fixed so it would not happen again."))
    [tip] = specifics(vague)
    assert tip.status == "warn"
    assert "a number, a name" in tip.tip
    told = analyze_answer(bank, bank.prompt("complaint"), Transcript.from_text(
        "A daughter called the unit very upset because her father, who has dementia, had been found in a wet bed and "
        "his lunch tray was untouched. I met her that afternoon in the quiet room and mostly listened. Afterwards I "
        "went through his chart and the aide's flowsheets and talked to the night nurse. His feeding assistance was "
        "never flagged at handoff, and the aide had six other patients that hour. I called the daughter back the next "
        "day, and we added a feeding line to the handoff sheet; in the next three months no meal was missed."))
    assert not specifics(told)


def test_a_fluent_why_airwallex_answer_is_a_polished_communicator_without_the_hoyoverse_story():
    """walk22: the bundled bank filed the HoYoverse/Genshin "concrete story" (a customer of the platform, at its
    scale) under "Polished communicator", so a fluent answer with no filler or hedge that left the story out showed a
    red "Polished communicator 30". The story evidences what Airwallex builds; how it was said is the communicator."""
    bank = load_bank(BANKS / "airwallex.toml")
    # the walk's answer as faster-whisper wrote it (its history), at a steady pace: no filler, no hedge
    answer = ("Airwallex is building a global financial platform, multi-currency business account, global transfers, "
              "and embedded finance. Under the hood, that means globally distributed systems, multi-region "
              "consistency, low-latency payment routing, and high availability for services that move money. What "
              "excites me is that infrastructure work here has direct business impact: when I make a deployment "
              "system better, a small business in Brazil can sell to customers in Japan without thinking about "
              "payment complexity. In my last role I built cross-region observability and multi-region monitoring.")
    a = analyze_answer(bank, bank.prompt("why-airwallex"), timed([(w, 0.0) for w in answer.split(" ")]))
    story = next(r for r in a.key_points if r.key_point.id == "hoyoverse-example")
    assert not story.hit                                        # the story was not told...
    assert a.delivery_scores["fillers"] == a.delivery_scores["hedges"] == 100
    assert a.competencies["communication"] >= 90, a.competencies   # ...and the delivery was polished
    assert a.competencies["product_understanding"] < 100        # the missed story counts where it belongs


def test_specifics_the_key_points_also_name_count_as_details():
    """walk24 finding 5: "Specifics: Few details beyond the question's own words" beside 6 of 6, 100 and "3 quantified
    details". The count skipped every word of the key points, so on a bank whose points hold the candidate's own
    specifics (the LMAX Disruptor, a ring buffer, a single writer) saying them counted for nothing. A point's specific
    words count; its generic ones ("the problem", "the result", "the team") do not, and a vague story still gets the
    card."""
    bank = load_bank(BANKS / "airwallex.toml")
    prompt = bank.prompt("hardest-problem")
    tester = ("The hardest problem I solved was in our order matching engine. We had lock contention. Many threads "
              "fought over the same locks on the order book, and latency spiked at peak. I proposed the LMAX "
              "Disruptor, it is a ring buffer with a single writer, so the matching logic runs on one thread without "
              "locks, and the entries are preallocated, so there is no garbage collection. I built a prototype, and "
              "benchmarked against the old design. Throughput went up about six times, and the p99 latency fell from "
              "two milliseconds to about 300 microseconds. The trade-off is that single-threaded logic is harder to "
              "debug, and the ring buffer uses more memory.")
    screenshots = ("At my previous company our order matching engine suffered from lock contention. I proposed the "
                   "LMAX Disruptor: a ring buffer with a single writer, lock free, with pre-allocated events and "
                   "batching. I benchmarked it and I led the rollout. Latency dropped by forty percent and throughput "
                   "tripled. The trade-off was complexity.")
    for text in (tester, screenshots):
        a = analyze_answer(bank, prompt, Transcript.from_text(text))
        assert a.delivery.numbers and not specifics(a), text
    vague = analyze_answer(bank, prompt, Transcript.from_text(
        "We had a performance problem in the system. I looked into the problem and proposed a different design, "
        "and the team built it. The result was better and there was a trade-off."))
    assert specifics(vague)


def test_a_drill_that_covered_every_point_it_asked_for_is_not_told_to_say_more():
    """Walk37: a 23 s drill answer that covered the 3 of 3 points it was asked for was told "Too short to land the
    story: add the result...". Given the drill's points (`drilled`), an answer covering them all is complete: its
    Duration card does not ask for more; the same answer as a whole-question answer (a point missed) still is."""
    from tests.core.analysis.test_delivery import findings, spoken
    from voiceprep.core.banks import parse_bank

    bank = parse_bank('schema = 1\n[job]\nid = "x"\ntitle = "Ops"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
                      '[[rounds.prompts]]\nid = "p"\ntext = "Tell me about the most impactful thing you built."\n'
                      '[[rounds.prompts.key_points]]\nid = "role"\nlabel = "Say your role (I designed, I led)"\n'
                      '[[rounds.prompts.key_points]]\nid = "impact"\nlabel = "Quantify the impact"\n'
                      '[[rounds.prompts.key_points]]\nid = "kafka"\nlabel = "Kafka consumer groups"\n'
                      'cues = ["kafka", "consumer group"]\nmin_cues = 2\n')
    prompt = bank.prompt("p")
    text = ("Our search was slow and users gave up, so my job was to make it fast. I led the design of a new search "
            "index, I built the ranking service myself and I moved the catalogue onto it over two weeks. Queries "
            "went from two seconds to 150 milliseconds, and support tickets about search dropped by half.")
    whole = analyze_answer(bank, prompt, spoken(text, 50))
    hits = {r.key_point.id: r.hit for r in whole.key_points}
    assert hits == {"role": True, "impact": True, "kafka": False}, hits
    assert findings(whole.delivery)["duration"].status == "warn"              # a point missed: short
    drill = analyze_answer(bank, prompt, spoken(text, 50), drilled=["Say your role (I designed, I led)",
                                                                    "Quantify the impact"])
    duration = findings(drill.delivery)["duration"]
    assert duration.status == "good" and "say more" not in duration.tip.lower(), duration
