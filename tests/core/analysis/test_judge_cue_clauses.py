"""walk64 2-3, typed through the real judge on the bundled Airwallex bank: a lone cue of a point (fewer of the bank's
cues than the point asks) said in a clause about another point carries nothing (`cue_clauses.CueClauses.elsewhere`), the
clause read as its own (`cue_clauses.own_clause`: a list's commas inside it, a run-on cut where it goes on with a
coordinator and a subject)."""
from __future__ import annotations

import pytest

from tests.conftest import BANKS
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.cue_clauses import CueClauses, list_item, own_clause
from voiceprep.core.analysis.segments import clause_spans, clean
from voiceprep.core.banks import load_bank
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

SCALE = ("The scale is the hard part. Airwallex moves money in well over 100 countries and dozens of currencies at high "
         "volume every second, and none of that money can ever be lost or double-counted, so every payment has to be "
         "exactly once and reconciled.")
EMBEDDED = ("Embedded finance is the other big part. Airwallex exposes its accounts, payments and cards through APIs, so "
            "platforms and marketplaces can build financial products on top of Airwallex for their own customers, "
            "without becoming a bank themselves.")


@pytest.fixture(scope="module")
def bank():
    return load_bank(BANKS / "airwallex.toml")


def judged(bank, text: str) -> dict:
    a = analyze_answer(bank, bank.prompt("product-range"), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    return {r.key_point.id: r for r in a.key_points}


def clause_of(text: str, word: str) -> str | None:
    raw = text.split()
    words = [clean(w) for w in raw]
    span = own_clause(words, raw, list(clause_spans(raw)), words.index(word))
    return None if span is None else " ".join(raw[span[0]:span[1] + 1])


def test_a_list_is_one_clause_with_its_commas():
    assert clause_of(EMBEDDED, "cards") == "Airwallex exposes its accounts, payments and cards through APIs,"
    listed = "We offer business accounts, global transfers, cards and payouts, and it works."
    raw = listed.split()
    words = [clean(w) for w in raw]
    assert [list_item(words, raw, a, b) for a, b in clause_spans(raw)] == [False, True, False]   # "and it works"
    assert clause_of(listed, "cards") == "We offer business accounts, global transfers, cards and payouts,"


def test_a_run_on_is_read_in_the_pieces_it_goes_on_in():
    text = "so they give you cards for your team and um you can see what people spend and they also do payouts"
    assert clause_of(text, "cards") == "so they give you cards for your team and um you can see what people spend"
    assert clause_of(text, "payouts") == "and they also do payouts"
    # "100 countries and dozens of currencies": an "and" between two nouns, not a run-on
    assert clause_of(SCALE, "countries").startswith("Airwallex moves money in well over 100 countries and dozens")


def test_a_long_stretch_is_no_one_clause():
    assert clause_of(" ".join(["with lots of small parts"] * 5) + " with cards", "cards") is None


def test_a_lone_cue_in_a_clause_about_scale_does_not_tick_transfers(bank):
    """walk64 2: "countries" (one cue of transfers-fx's two) in a clause that says scale's cues ("100 countries",
    "currencies", "volume"): p 0.509 on main."""
    r = judged(bank, SCALE)
    assert not r["transfers-fx"].hit, r["transfers-fx"].judgement.probability
    assert r["scale"].hit


def test_one_item_of_a_list_in_a_clause_about_embedded_finance_does_not_tick_cards(bank):
    """walk64 3: "cards" as one item of "accounts, payments and cards through APIs", a clause nearer embedded finance
    that says its "APIs", and the piece cut at the list's comma ("payments and cards through APIs, so platforms"):
    p 0.949 on main."""
    r = judged(bank, EMBEDDED)
    assert not r["payments-cards"].hit, r["payments-cards"].judgement.probability
    assert r["embedded-finance"].hit


@pytest.mark.parametrize("text", [
    "The other part is cards. Your team gets cards for spending, and you track what they spend.",
    # an unpunctuated run-on: "cards" in its own piece, which is about spending
    "so they give you cards for your team and um you can see what people spend and they also do payouts so you can "
    "pay suppliers abroad in like forty countries",
])
def test_a_lone_cue_in_a_clause_of_its_own_point_still_counts(bank, text):
    r = judged(bank, text)
    assert r["payments-cards"].hit, r["payments-cards"].judgement.probability


def test_a_cue_said_again_in_a_clause_of_its_own_point_counts():
    """dev af-debug-05: "query" (one cue of the root cause's two) is said first in "I went through the traces and the
    slow-query logs" (the tools' clause), and again in "the new endpoint ran one query per line item", the cause's
    own; every mention of the cue is read, not only the one the matcher kept. The cause and the fix stay ticked."""
    bank = load_bank(BANKS / "affirm-backend-platform.toml")
    text = ("Our API was timing out for a chunk of users right after a release, customers were writing in to support and "
            "the error rate was up to about four percent. I went through the traces and the slow-query logs, and it was "
            "an N plus one: the new endpoint ran one query per line item, so big orders did hundreds of queries. We "
            "batched it into a single query and the endpoint went from about three seconds to two hundred milliseconds.")
    a = analyze_answer(bank, bank.prompt("debug-performance"), Transcript.from_text(text))
    r = {x.key_point.id: x for x in a.key_points}
    assert r["root-cause"].hit, r["root-cause"].judgement.probability
    assert r["fix-and-result"].hit, r["fix-and-result"].judgement.probability


def test_a_lone_cue_in_another_points_clause_still_counts_when_the_answer_says_the_point_apart(bank):
    """The scale clause's "countries" again, and a sentence of its own that tells transfers and FX in other words
    (`_says_it_apart`): the point is said, and its cue adds to it (p 0.745, as on main; 0.36 without the guard)."""
    text = ("The scale is the hard part. Airwallex moves money in well over 100 countries and dozens of currencies at "
            "high volume every second, and none of that money can ever be lost or double-counted. Businesses use it to "
            "pay their suppliers abroad and convert between currencies cheaply.")
    assert judged(bank, text)["transfers-fx"].hit


# clause107: judge104's four lost true ticks on dev2 A-T, in texts of their kind

def test_a_clause_is_read_with_the_consequence_or_condition_it_goes_on_to():
    """d2f-aw-hard-01, d2f-af-rt-01: the point is made by the clause after the comma ("..., so ...", "..., and if it
    ..."), read with it (`cue_clauses.carries_on`); not a clause of its own ("..., and it works" above)."""
    hard = "The cost was real, though. All the matching logic is single-threaded now, so one slow handler stalls everything."
    assert clause_of(hard, "single-threaded") == hard.split("though. ")[1]
    rt = ("When things went wrong, every call to the demand model had a fifty-millisecond timeout, and if it blew that we "
          "served the last cached multiplier instead of failing the quote.")
    assert clause_of(rt, "timeout") == ("every call to the demand model had a fifty-millisecond timeout, and if it blew that "
                                        "we served the last cached multiplier")


def test_a_run_on_is_cut_at_asrs_its_and_not_at_an_object():
    """d2r-045 (tiny.en): "and its aimed at" is "it's", a subject; walk64 1: "and led a team of three" goes on with an
    object, not a subject of its own."""
    asr = "and there's cards for your team and expense stuff as well and its aimed at companies selling cross border"
    assert clause_of(asr, "cards") == "and there's cards for your team and expense stuff as well"
    led = "I designed the metrics pipeline and led a team of three to roll it out across five cloud regions."
    assert clause_of(led, "regions") == led


RT = ("That's the service: live surge pricing for a ride app, about twelve thousand requests a second at peak. I designed "
      "it. When things went wrong, every call to the demand model had a fifty-millisecond timeout, and if it blew that "
      "we served the last cached multiplier instead of failing the quote.")


def test_one_cue_of_another_point_needs_its_label_clearly_nearer():
    """d2f-af-rt-01: the timeout clause says one cue of what-and-scale and is as near its label as failure
    handling's (0.39 to 0.38); by `cue_clause_margin` it is not about that point, and the timeout counts."""
    bank = load_bank(BANKS / "affirm-backend-platform.toml")

    def failure(settings):
        a = analyze_answer(bank, bank.prompt("realtime-service"), Transcript.from_text(RT), settings=settings)
        return next(r for r in a.key_points if r.key_point.id == "failure-handling")
    assert failure(None).hit, failure(None).judgement.probability
    assert not failure(AnalysisSettings(cue_clause_margin=0.0)).hit


HARD = ("Our matching engine choked on lock contention: sixteen threads fought over one mutex around the order book. I "
        "moved us to the LMAX Disruptor, with one thread owning the book and a ring buffer in front of it. The cost was "
        "real, though. All the matching logic is single-threaded now, so one slow handler stalls everything.")


def test_a_word_of_the_points_own_cue_is_no_cue_of_another_point_in_its_clause(bank, monkeypatch):
    """d2f-aw-hard-01: "single-threaded" is tradeoffs' cue, and lock contention's "threads" matches it too; that one
    word does not make its clause about contention. The rule leaves tradeoffs as it is without it."""
    def tradeoffs() -> float:
        a = analyze_answer(bank, bank.prompt("hardest-problem"), Transcript.from_text(HARD))
        return next(r for r in a.key_points if r.key_point.id == "tradeoffs").judgement.probability
    with_rule = tradeoffs()
    about = CueClauses.about_another
    monkeypatch.setattr(CueClauses, "about_another", lambda self, kp, span, vec, mine=None: about(self, kp, span, vec))
    read_as_contention = tradeoffs()
    monkeypatch.setattr(CueClauses, "elsewhere", lambda self, kp, lexical, label: [])
    assert with_rule == pytest.approx(tradeoffs()) and read_as_contention < with_rule - 0.2


@pytest.mark.parametrize("text", [SCALE, EMBEDDED], ids=["walk64-2", "walk64-3"])
def test_every_text_the_rule_embeds_is_offered_to_the_pre_embedders(bank, monkeypatch, text):
    """clause109 (clause107 was reverted for this): a cue's clause is a text the judge embeds beyond the answer's units
    and read-on pairs; `judge.embedded_texts` (what `app.preembed` embeds while the answer is given) offers it, so a
    judgement after the prompt's texts and those makes no model call."""
    from voiceprep.core.analysis import embedder
    from voiceprep.core.analysis.judge import embedded_texts, prompt_texts, question_texts, unit_texts
    from voiceprep.core.analysis.segments import units

    e = embedder.get_embedder()
    assert e is not None
    prompt = bank.prompt("product-range")
    raw = [w.word for w in Transcript.from_text(text).words()]
    offered = embedded_texts(raw, units(raw))[1]
    e.forget()
    e.embed(prompt_texts(prompt) + question_texts([p for p in bank.all_prompts() if p.id != prompt.id]))
    runs: list[str] = []
    real = e._run
    monkeypatch.setattr(e, "_run", lambda texts, *a, **k: runs.extend(texts) or real(texts, *a, **k))
    cold = judged(bank, text)
    assert set(runs) <= set(offered), set(runs) - set(offered)
    assert set(runs) - set(unit_texts(raw, units(raw))[1])          # the rule read a clause that is no unit
    runs.clear()
    assert {k: r.hit for k, r in judged(bank, text).items()} == {k: r.hit for k, r in cold.items()} and not runs
    e.forget()
