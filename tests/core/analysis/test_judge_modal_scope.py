"""judge60: one rule ends a modal's carry at a piece that tells its own past (judge59's unpunctuated run and fixBF's
comma-run), "we'd" + a past participle is "we had" (the past told, not a plan), and a denial's scope ends at a
self-correction ("we used not MySQL sorry we used Postgres")."""

from __future__ import annotations

from tests.conftest import BANKS
from tests.core.analysis.test_judge_comma_runs import REALTIME_RUN
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.segments import _tells_own_act, clean, units
from voiceprep.core.banks.load import load_bank
from voiceprep.core.transcript import Transcript

# the rest of a strong answer, so that the sentence under test is judged in an answer of ordinary length
STORAGE = ("We ran the payments ledger on Postgres in two zones. Backups ran nightly with point in time recovery and we "
           "did a restore drill every quarter. ")


def hit(prompt: str, text: str, kp: str) -> bool:
    bank = load_bank(BANKS / "affirm-backend-platform.toml")
    a = analyze_answer(bank, bank.prompt(prompt), Transcript.from_text(text))
    return next(r for r in a.key_points if r.key_point.id == kp).hit


def said(text: str) -> list[str]:
    return [clean(w) for w in text.split()]


def test_one_predicate_ends_a_modals_carry_in_both_original_cases():
    """judge59's "so i brought them both into the back office" (a spoken opener, then a subject) and fixBF's ", I led
    the design" after "we'd degrade" (a comma-run) are the same rule."""
    heard = said("we'd double allocated it in the p m s so i brought them both into the back office")
    assert _tells_own_act(heard, heard.index("so"), len(heard) - 1)
    run = said("if pricing was down we'd degrade to the last cached quote, so, um, I led the design")
    assert _tells_own_act(run, run.index("so"), len(run) - 1)
    plan = said("so we see stuck payments")
    assert not _tells_own_act(plan, 0, len(plan) - 1)          # the purpose of a plan, nothing told
    for told in ("and we'd already split the topic by then", "I'd built a prototype"):
        words = said(told)
        assert _tells_own_act(words, 0, len(words) - 1), told     # "'d" + a participle is "had"
    for plan_said in ("we'd move the writes to one thread", "I'd probably add indexes", "we'd already be done"):
        words = said(plan_said)
        assert not _tells_own_act(words, 0, len(words) - 1), plan_said


def test_a_past_perfect_is_told_not_planned():
    for text in ("We'd already moved the writes to one thread when the audit came in.",
                 "I'd built a prototype in a weekend.", "We'd already split the topic by then."):
        assert not any(u.hypothetical for u in units(text.split())), text
    for plan in ("We'd move the writes to one thread.", "I'd probably add a consumer.", "We'd already be done by then."):
        assert all(u.hypothetical for u in units(plan.split())), plan
    after_plan = "If the queue backed up I'd probably add a consumer, and we'd already split the topic by then."
    clauses = {u.text: u.hypothetical for u in units(after_plan.split()) if u.kind == "clause"}
    assert clauses["and we'd already split the topic by then."] == frozenset(), clauses


def test_a_past_perfect_after_a_plan_covers_its_point():
    text = STORAGE + ("If I did it again I'd probably add a third zone, we'd already set up streaming replication to a "
                      "replica with automatic failover when the primary went down.")
    assert hit("ha-storage", text, "replication")
    plan = STORAGE + "If I did it again I'd probably set up streaming replication to a replica with automatic failover."
    assert not hit("ha-storage", plan, "replication")


def test_a_denial_ends_at_a_self_correction():
    corrected = said("we used not postgres sorry we used cassandra for the ledger")
    cut = {u.text: u.negated for u in units(corrected) if u.kind == "clause"}
    assert cut == {"we used not postgres": {"not"}, "sorry we used cassandra for the ledger": frozenset()}, cut
    text = STORAGE + ("For consistency we did not use eventual consistency sorry we used strong consistency on the "
                      "primary and quorum writes.")
    assert hit("ha-storage", text, "consistency")
    denied = STORAGE + "For consistency we did not use quorum writes or strong consistency on the primary."
    assert not hit("ha-storage", denied, "consistency")
    # "I'm sorry" said as an apology is no correction: nothing is cut
    apology = said("we did not tell them and i was sorry about the wait")
    assert not [u for u in units(apology) if u.kind == "clause"]


def test_a_not_tag_denies_nothing_after_it():
    """"the cache one in front on the pricing service, not postgres, for failure we can time out on every call": the
    "not postgres" tag corrects what was said before it; "for failure ..." is not denied with it (fixBF's note)."""
    raw = REALTIME_RUN.split()
    told = [u for u in units(raw) if u.kind == "clause" and "time out on every call" in u.text]
    assert told and not any(u.negated for u in told), [(u.text, u.negated) for u in told]
    tag = "We chose Kafka, not RabbitMQ, for the ordering guarantees."
    tagged = {u.text: u.negated for u in units(tag.split()) if u.kind == "clause"}
    assert tagged == {"We chose Kafka,": frozenset(), "not RabbitMQ,": {"not"}, "for the ordering guarantees.": frozenset()}
    denial = "We did not use Kafka, for the ordering guarantees we needed."
    kept = {u.text: u.negated for u in units(denial.split()) if u.kind == "clause"}
    assert kept["for the ordering guarantees we needed."] == {"not"}     # a denial's own clause still goes on


def test_the_one_rule_keeps_what_each_twin_read():
    """dev2 d2i-af-py-03: "I'd run it" is as often a plan as "I had run it", so it tells nothing done and the "if"
    sentence stays a plan; dev2 d2p-035: "so we were arguing about it" after "what we'd drop" is told (fixBF read
    "we were" as told; "were" is only a modal's after "if")."""
    plan = "But if I joined, I'd run it on Gunicorn with async workers, tune the timeouts, and add tracing."
    assert all(u.hypothetical for u in units(plan.split())), [(u.text, u.hypothetical) for u in units(plan.split())]
    story = "I didn't have any list of what we'd drop, so we were arguing about it at four o'clock."
    clauses = {u.text: u.hypothetical for u in units(story.split()) if u.kind == "clause"}
    assert clauses["so we were arguing about it at four o'clock."] == frozenset(), clauses


def test_a_bare_verb_ending_in_ed_after_id_is_a_plan():
    """review37b: `had` read any "-ed" word of five letters or more as a participle: "I'd proceed", "we'd succeed",
    "I'd speed it up" were told (past perfect), and after a modal ended its carry (`_tells_own_act`)."""
    for plan in ("I'd proceed with a canary rollout.", "We'd succeed only with a second writer.",
                 "I'd speed up the consumer with batching.", "We'd embed the SDK in the checkout page.",
                 "I'd never exceed the rate limit."):
        assert all(u.hypothetical for u in units(plan.split())), plan
    run = said("if the queue backed up we'd add a consumer, so i'd proceed with a canary")
    assert not _tells_own_act(run, run.index("so"), len(run) - 1)
    for told in ("We'd already agreed on the schema.", "I'd never exceeded the limit before."):
        assert not any(u.hypothetical for u in units(told.split())), told
