"""A result point is not met by the figure said as the state before, and "Close, but without the number" is only
shown for a sentence that otherwise says the point (walk40 findings 2 and 5)."""
from __future__ import annotations

import pytest

from tests.conftest import BANKS
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.judge import before_figure, gives_change
from voiceprep.core.analysis.segments import clean
from voiceprep.core.banks import load_bank, parse_bank
from voiceprep.core.transcript import Transcript

# a bank written from the candidate's own notes: labels without cues, as "Key points from my notes…" makes them
NOTES_BANK = (
    'schema = 1\n[job]\nid = "notes"\ntitle = "Infrastructure engineer"\ncompany = "Airwallex"\n'
    '[[rounds]]\nid = "r"\ntitle = "R"\n'
    '[[rounds.prompts]]\nid = "hard"\ntext = "What is the most challenging technical problem you solved?"\n'
    '[[rounds.prompts.key_points]]\nid = "situation"\n'
    'label = "Situation: concurrent order matching was too slow and matched orders out of order under load"\n'
    '[[rounds.prompts.key_points]]\nid = "owned"\nlabel = "I owned the investigation and profiled the lock contention"\n'
    '[[rounds.prompts.key_points]]\nid = "disruptor"\nlabel = "Moved matching to the LMAX Disruptor ring buffer"\n'
    '[[rounds.prompts.key_points]]\nid = "result"\n'
    'label = "Result: p99 from 200 ms to under 5 ms, throughput up 8x, no out-of-order matches"\n'
    '[[rounds.prompts]]\nid = "why"\ntext = "Why Airwallex? What excites you about fintech and our problem space?"\n'
    '[[rounds.prompts.key_points]]\nid = "under"\n'
    'label = "Under the hood: global distributed systems, multi-region consistency, low-latency payment routing"\n'
    '[[rounds.prompts.key_points]]\nid = "backbone"\n'
    'label = "The infra team is the backbone, so infrastructure work has direct business impact"\n'
    '[[rounds.prompts.key_points]]\nid = "hoyo"\n'
    'label = "HoYoverse Genshin Impact: players in 150+ countries paying in local currency"\n')


pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py


@pytest.fixture(scope="module")
def notes():
    return parse_bank(NOTES_BANK)


def _results(bank, prompt: str, text: str):
    a = analyze_answer(bank, bank.prompt(prompt), Transcript.from_text(text))
    assert a.judge.method == "semantic", a.judge.message
    return {r.key_point.id: r for r in a.key_points}


def test_which_points_give_a_change():
    assert gives_change("Result: p99 from 200 ms to under 5 ms, throughput up 8x, no out-of-order matches")
    assert gives_change("Quantify the impact: latency, incidents, cost, time to detect, with numbers")
    assert gives_change("Throughput up 8x after the rewrite")
    assert gives_change("Impact: 30% fewer pages a week")
    # a state, a baseline, or a name that holds the word "Impact" gives none
    assert not gives_change("Our order matching service blocked on locks and p99 latency hit 40 ms at peak")
    assert not gives_change("The problem in numbers: which rate was too high, for example falls")
    assert not gives_change("HoYoverse Genshin Impact: players in 150+ countries paying in local currency")


@pytest.mark.parametrize(("text", "before"), [
    ("Under the load the p99 latency was around two hundred milliseconds.", True),
    ("Around 200 milliseconds at the 99, I owned the investigation.", True),
    ("The p99 was 200 milliseconds before, and after the rewrite it was under 5.", False),
    ("Now it's about 4 milliseconds.", False),
    ("We got it down to around 5 milliseconds.", False),
    ("It was 8x faster.", False),
    ("I trained two champions per shift.", False),           # a number, but no state measured
    ("Under load the queue backed up.", False),              # no number at all
])
def test_a_figure_said_as_the_state_before(text, before):
    words = [clean(w) for w in text.split()]
    numbers = [k for k, w in enumerate(words) if w[:1].isdigit() or w in ("two", "two-hundred", "hundred")]
    assert before_figure(words, numbers) is before


def test_the_starting_latency_does_not_credit_the_result(notes):
    # walk40 finding 2: "Around 200 milliseconds at the 99" is where the latency started; the result was never said
    said = _results(notes, "hard", "Our order matching was too slow under load. Around 200 milliseconds at the "
                                   "99, I owned the investigation. I profiled it and found lock contention.")
    assert said["owned"].hit
    assert not said["result"].hit
    # ... and no "Close, but without the number" for a sentence that is the situation's
    assert said["result"].judgement.excluded_why != "number"
    # the result said, from the before to the after, is credited
    said = _results(notes, "hard", "Our order matching was too slow under load. I owned the investigation. We "
                                   "moved to the Disruptor and the p99 went from 200 milliseconds to under five "
                                   "milliseconds, throughput up about eight times.")
    assert said["result"].hit
    assert said["result"].judgement.unit.text.startswith("We moved to the Disruptor")


def test_the_before_figure_does_not_quantify_the_impact():
    # walk40 finding 2, typed: "Quantify the impact" was credited by the p99 before the change
    airwallex = load_bank(BANKS / "airwallex.toml")
    start = "I built the cross-region observability platform at my last company. I designed the new pipeline. "
    said = _results(airwallex, "most-impactful", start + "Under the load the p99 latency was around two hundred "
                                                         "milliseconds.")
    assert not said["quantified-impact"].hit
    said = _results(airwallex, "most-impactful", start + "Under the load the p99 latency was around two hundred "
                                                         "milliseconds, and after the new pipeline it dropped to "
                                                         "twenty milliseconds.")
    assert said["quantified-impact"].hit


def test_close_but_without_the_number_only_for_a_sentence_that_otherwise_says_the_point(notes):
    # walk40 finding 5: "currencies" alone is no "Close, but without the number" for the HoYoverse point
    said = _results(notes, "why", "I have worked on infrastructure before and I like fintech. They have business "
                                  "accounts and transfers in a lot of currencies. It would be a good next step.")
    hoyo = said["hoyo"]
    assert not hoyo.hit
    assert hoyo.judgement.excluded_why != "number"
    assert not any("currencies" in u.text for u in hoyo.judgement.excluded)
    # the point told without its number is still told to say the number
    said = _results(notes, "why", "I like fintech. Take HoYoverse and Genshin Impact: players in a lot of countries "
                                  "all pay in their own local currency.")
    hoyo = said["hoyo"]
    assert not hoyo.hit
    assert hoyo.judgement.excluded_why == "number"
    assert "Genshin Impact" in hoyo.judgement.excluded[0].text


def test_how_close_a_sentence_must_come_for_the_number_hint_is_read_from_settings(notes):
    """judge55: `number_hint_min` lives in settings.py with the other thresholds. "currencies" alone is not close
    enough by default; from a threshold no sentence can miss, the same sentence is "Close, but without the number"."""
    from dataclasses import replace

    from voiceprep.settings import AnalysisSettings

    text = ("I have worked on infrastructure before and I like fintech. They have business accounts and transfers in "
            "a lot of currencies. It would be a good next step.")

    def hoyo(settings: AnalysisSettings):
        a = analyze_answer(notes, notes.prompt("why"), Transcript.from_text(text), settings)
        return next(r for r in a.key_points if r.key_point.id == "hoyo")

    assert hoyo(AnalysisSettings()).judgement.excluded_why != "number"
    lenient = hoyo(replace(AnalysisSettings(), number_hint_min=-1.0))
    assert not lenient.hit and lenient.judgement.excluded_why == "number"
    assert "currencies" in lenient.judgement.excluded[0].text
