"""judge86: hypothetical markers that say no plan. A figure given roughly ("it took maybe twenty minutes", "we had
maybe a hundred thousand people connected", "probably a few hundred payouts a night") tells what happened, as "about
twenty minutes" would (dev2 A-T: 56 answers' units read otherwise). A modal inside a comparison ("a better rate than
the bank would give them", "than what a bank would charge you") compares with what someone else does; in a transcript
without full stops it also made every sentence after it a plan (dev2 d2t-044, all six points labelled: none ticked on
main, five "hypothetical"; now five ticked, `scale` not, p 0.35). The story picked with a hedge ("Probably the deploy
checker I wrote.") is the answer chosen. Plans and guesses keep their marker: "I'd probably add a check", "maybe we
should", "Everything older than thirty days would go to S3" (a rule of the design: the "would" is the main verb's)."""
from __future__ import annotations

import pytest

from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.segments import clause_markers
from voiceprep.core.banks import BankRegistry
from voiceprep.core.transcript import Transcript
from voiceprep.paths import bundled_banks_dir

HYPOTHETICAL = {"would", "could", "might", "should", "i'd", "we'd", "you'd", "maybe", "perhaps", "probably", "possibly"}


def _hypothetical(said: str) -> bool:
    return any(m & HYPOTHETICAL for m in clause_markers(said.split()))


@pytest.mark.parametrize("said, hypothetical", [
    ("The failover took maybe twenty minutes.", False),
    ("We had maybe a hundred thousand people connected on a big Saturday.", False),
    ("It was probably a few hundred payouts a night.", False),
    ("She had eaten the whole packet maybe an hour before.", False),
    ("I'd put her chances at perhaps seventy percent.", True),        # the "I'd" is still a plan's
    ("Maybe we should add a check next time.", True),
    ("I'd probably add a check so we catch it sooner.", True),
    ("It was maybe a bit over-confident.", True),                      # a hedge on a view, not a figure
])
def test_a_rough_figure_is_no_plan(said: str, hypothetical: bool) -> None:
    assert _hypothetical(said) == hypothetical


@pytest.mark.parametrize("said, hypothetical", [
    ("We paid suppliers abroad at a better exchange rate than the bank would give them.", False),
    ("The fx rates are a lot better than what a bank would charge you.", False),
    ("Everything older than thirty days would go to S3 in Parquet.", True),
    ("I would rather fix the process than blame the person.", True),
])
def test_a_modal_inside_a_comparison_is_no_plan(said: str, hypothetical: bool) -> None:
    assert _hypothetical(said) == hypothetical


AIRWALLEX_ASR = (
    "so from what i understand air wall ex gives businesses an account where they can hold money in loads of different "
    "currencies and collect it from customers abroad and then send money to suppliers in other countries at a better "
    "exchange rate than the bank would give them and there's the cards for employees with the expense management side "
    "and they take online payments with the local payment methods and then there's the api side where platforms can "
    "build it into their own product um it's for businesses that sell across borders and dont want the fees and the "
    "hassle of the banks and it's massive scale lots of countries lots of currencies and obviously you cant lose a penny")


@pytest.mark.usefixtures("fresh_judge")     # tests/core/analysis/conftest.py
def test_a_comparison_does_not_make_the_rest_of_a_transcript_a_plan() -> None:
    """dev2 d2t-044 (asr, all six points labelled): main ticked none, five of them set aside as "hypothetical"."""
    bank = next(b for b in BankRegistry.discover([bundled_banks_dir()]).banks if b.id == "airwallex")
    prompt = bank.prompt("product-range")
    a = analyze_answer(bank, prompt, Transcript.from_text(AIRWALLEX_ASR))
    hit = {r.key_point.id for r in a.key_points if r.hit}
    assert {"transfers-fx", "payments-cards", "who-and-why"} <= hit, hit


@pytest.mark.parametrize("said, hypothetical", [
    ("Probably the deploy-health checker I wrote.", False),
    ("So probably the multi-region monitoring I built at my last job.", False),
    ("Probably the most impactful thing was mentoring.", False),
    ("We'd probably add the index next time.", True),
    ("Probably the cache would help.", True),
    ("I think we could probably the cache.", True),
])
def test_the_story_picked_with_a_hedge_is_no_plan(said: str, hypothetical: bool) -> None:
    """dev2 d2f-aw-impact-03, d2j-aw-impact-02, d2i-aw-impact-03: "Probably the cross-region dashboards." for "Name what
    you built", labelled covered, was set aside as hypothetical; as "the one I'd pick is …" it is the answer chosen."""
    assert _hypothetical(said) == hypothetical


@pytest.mark.parametrize("said, denied", [
    ("Honestly I'm less sure about the card and expense management side.", True),
    ("I'm less familiar with the developer side.", True),
    ("I'm not sure about the card side.", True),
    ("We made the checks less strict.", False),
])
def test_less_sure_about_a_thing_does_not_say_it(said: str, denied: bool) -> None:
    """dev2 d2p-044, d2m-044: "I'm less sure about the card and expense management side." ticked `payments-cards` (p
    0.99) as if the cards were said; like "I'm not sure about", it says what the candidate does not know."""
    negated = set().union(*clause_markers(said.split())) - HYPOTHETICAL
    assert bool(negated) == denied, negated


@pytest.mark.parametrize("extra, hypothetical", [(0, False), (1, True)])
def test_the_rough_figure_and_the_comparison_reach_as_far_as_their_settings(extra: int, hypothetical: bool) -> None:
    """read44a 4: how far after a hedge its figure may come (settings.ROUGH_FIGURE_WORDS, was 3 in the code) and how
    far before a modal "than" and its subject may be (settings.COMPARED_WORDS, was 4): at the reach no plan, one word
    further the hedge or the modal is a plan's."""
    from voiceprep.settings import COMPARED_WORDS, ROUGH_FIGURE_WORDS

    rough = " ".join(["just"] * (ROUGH_FIGURE_WORDS - 1 + extra))
    assert _hypothetical(f"The failover took maybe {rough} twenty minutes.") == hypothetical
    big = " ".join(["big"] * (COMPARED_WORDS - 3 + extra))
    assert _hypothetical(f"We paid suppliers at a better rate than the {big} bank would give them.") == hypothetical
