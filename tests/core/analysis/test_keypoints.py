"""Key-point matching on speech as it comes out of transcription."""

from __future__ import annotations

import pytest

from voiceprep.core.analysis.keypoints import TokenIndex, match_key_point
from voiceprep.core.analysis.text import tokenize_text
from voiceprep.core.banks.load import default_cues
from voiceprep.core.banks.model import KeyPoint
from voiceprep.settings import AnalysisSettings


def hit(cues, text, min_cues=1) -> bool:
    kp = KeyPoint(id="k", label="l", cues=tuple(cues), min_cues=min_cues)
    return match_key_point(kp, TokenIndex(tokenize_text(text), AnalysisSettings())).hit


@pytest.mark.parametrize("text", ["We offer Multi-Currency accounts.", "multi currency accounts",
                                  "multicurrency accounts", "MULTI-CURRENCY, ACCOUNTS!"])
def test_case_punctuation_and_hyphen_variants(text):
    assert hit(["multi-currency accounts"], text)


@pytest.mark.parametrize("cue,text", [
    ("optimize queries", "I optimized the queries"),
    ("batching", "we batched the writes"),          # stemming: batch ~ batching
    ("do not block", "we don't block the loop"),    # contractions
    ("40%", "it fell forty percent"),
    ("40 percent", "it fell 40%"),
    ("6M users", "six million users"),
    ("150 countries", "one hundred and fifty countries"),
    ("{number} times", "throughput went up 3x"),
    ("{number} milliseconds", "latency was 10ms"),
    ("Airwallex", "I applied to air wallets because"),
    ("LMAX Disruptor", "we used the L max disrupter"),
    ("queue", "the Q-bit filled up"),
    ("Kubernetes", "we ran cuber netties clusters"),
])
def test_spoken_and_misrecognised_forms_match(cue, text):
    assert hit([cue], text), (cue, text)


@pytest.mark.parametrize("words,norms", [
    ([" 6", " million", " users."], ["6000000", "users"]),          # whisper writes a spoken "six million" so
    ([" 1.5", " million", " dollars"], ["1500000", "dollars"]),     # it was read as 6 and 1000000
    ([" six", " million", " users"], ["6000000", "users"]),
    ([" 2", " thousand", " m"], ["2000", "m"]),                     # "m" alone may be metres: not a scale here
])
def test_a_number_and_its_scale_word_are_one_number(words, norms):
    from voiceprep.core.analysis.text import tokenize

    assert [t.norm for t in tokenize(words)] == norms


@pytest.mark.parametrize("cue,text", [
    ("ring buffer", "the ring of engineers we hired last year had a buffer"),   # cue words too far apart
    ("latency", "the latent bug"),                                   # spelling near-miss that is another word
    ("ring buffer", "we did not use a ring buffer"),                 # negated
    ("Disruptor", "we never tried the LMAX Disruptor"),
    ("embedded finance", "I don't know much about embedded finance"),
    ("locks", "we stored amounts, like, as numeric"),                # walkthrough 6: a filler and the next word
    ("locks", "we stored amounts like as numeric"),                  # sound like "locks"
])
def test_no_hit_for_scattered_near_or_negated_mentions(cue, text):
    assert not hit([cue], text)


def test_negation_ends_at_the_clause():
    assert hit(["ring buffer"], "We did not use locks, we used a ring buffer.")
    assert hit(["ring buffer"], "No. We built a ring buffer.")


@pytest.mark.parametrize("cue,text", [
    ("invoices", "i cover not just the payroll runs and invoices for the shop"),      # spoken, no comma
    ("sores", "We now review not only falls and pressure sores every week."),
])
def test_not_just_adds_rather_than_denies(cue, text):
    assert hit([cue], text)
    assert not hit([cue], text.replace("not just", "not").replace("not only", "not"))


@pytest.mark.parametrize("cue,text", [
    ("connection pool", "each worker kept a pool of connections to the database"),
    ("error budget", "we had spent the budget for errors by Tuesday"),
    ("release notes", "I wrote the notes for the release myself"),
])
def test_a_compound_said_the_other_way_round_matches(cue, text):
    assert hit([cue], text)


@pytest.mark.parametrize("cue,text", [
    ("error budget", "the budget was spent, for errors we had no room"),    # another clause
    ("release notes", "the notes were for a release"),                      # not "notes for the release"
    ("release notes", "notes of the whole team about a release"),           # more than an article between
])
def test_a_compound_turned_round_stays_one_phrase(cue, text):
    assert not hit([cue], text)


def test_min_cues_counts_distinct_ideas_not_alternatives():
    cues = ["ring buffer|circular buffer", "single writer"]
    assert not hit(cues, "a ring buffer, also called a circular buffer", min_cues=2)
    assert hit(cues, "a ring buffer with a single writer", min_cues=2)


def test_cues_default_to_label_content_words():
    assert default_cues("Name the ring buffer and the latency result") == ("ring", "buffer", "latency", "result")


def test_evidence_span_and_confidence():
    kp = KeyPoint(id="k", label="l", cues=("LMAX Disruptor",))
    exact = match_key_point(kp, TokenIndex(tokenize_text("we chose the LMAX Disruptor"), AnalysisSettings()))
    fuzzy = match_key_point(kp, TokenIndex(tokenize_text("we chose the L max disrupter"), AnalysisSettings()))
    assert exact.hit and fuzzy.hit and exact.confidence > fuzzy.confidence
    assert (exact.matches[0].first, exact.matches[0].last) == (3, 4)


def test_a_typed_answer_means_the_words_it_spells_a_heard_one_may_sound_alike():
    """Walkthrough: a typed "Mentoring" matched the cue "monitoring" by sound; only speech is misheard."""
    kp = KeyPoint(id="k", label="l", cues=("monitoring",), min_cues=1)
    tokens = tokenize_text("Mentoring is part of the job.")
    assert match_key_point(kp, TokenIndex(tokens, AnalysisSettings(), heard=True)).hit
    assert not match_key_point(kp, TokenIndex(tokens, AnalysisSettings(), heard=False)).hit
    typo = KeyPoint(id="t", label="l", cues=("disruptor",), min_cues=1)     # typos still match by spelling
    assert match_key_point(typo, TokenIndex(tokenize_text("we used the disrupter"), AnalysisSettings(),
                                            heard=False)).hit


QUANTIFIED = ("{number} percent|{number} times|{number} minutes|{number} seconds|{number} hours|{number} milliseconds",
              "reduced|cut|improved|faster|saved", "latency|incidents|cost|costs|detection|downtime")


def test_a_one_word_cue_matches_its_verb_or_noun_by_word_form():
    # walk38: "time to detect" for the cue "detection", a verb for its noun and back
    assert hit(["detection"], "Time to detect a bad routing change went down.")
    assert hit(["detect"], "Detection of a bad routing change was slow.")
    assert hit(["deployment"], "We deployed twice a day.")
    assert hit(["automation"], "I automated the nightly reports.")
    # not a derivative of another meaning, nor a short or an "-ation" stem that names something else
    assert not hit(["detect"], "The detective story was fun.")
    assert not hit(["inform"], "The information was wrong.")
    assert not hit(["present"], "I gave a presentation.")
    assert not hit(["management"], "The manager agreed.")
    assert not hit(["valid"], "The validation was slow.")
    # a phrase still matches word by word, as before
    assert not hit(["detection rate"], "We could detect the rate.")
    # judge43: the noun said as a kind of another noun is not the act ("the development team" is no "developed")
    assert not hit(["developed|built|wrote"], "The development team already had a test harness, so I mostly reviewed "
                                              "it.")
    assert not hit(["developed|built|wrote", "test harness"], "The development team already had a test harness, so I "
                   "mostly reviewed it.", min_cues=2)
    assert hit(["developed|built|wrote", "test harness"], "I built the test harness in a week.", min_cues=2)
    assert not hit(["managed"], "I moved into a management role.")
    assert not hit(["direct"], "The direction change came from above.")
    assert hit(["detect"], "Detection improved a lot.")
    assert hit(["developed"], "The development of the harness took me a week.")
    # judge46: a subject noun names the act whatever its verb's tense; a noun after it is still a kind of noun
    assert hit(["detect"], "Detection takes an hour now.")
    assert hit(["deployed"], "Deployment runs every night.")
    assert not hit(["deployed"], "The deployment scripts were already there.")
    assert not hit(["managed"], "I applied for management roles at two firms.")
    # judge49 (review31): a plural noun at a clause's end or before an article is no present verb unless its noun
    # opens the clause as the subject
    assert not hit(["managed"], "I moved into management roles.")
    assert not hit(["deployed"], "I rewrote the deployment scripts.")
    assert not hit(["detect"], "We bought new detection systems.")
    assert not hit(["developed"], "I joined the development teams a year ago.")
    assert hit(["deployed"], "Our deployment runs every night.")
    assert hit(["detect"], "It was slow, detection takes an hour.")


@pytest.mark.parametrize("heard", [True, False])
def test_a_word_said_in_its_own_right_does_not_join_into_a_cue_word_by_near_spelling(heard):
    """judge46: "I moved" run together is not "improved", nor "a proved" "approved"; a word said in pieces still
    joins ("air wallets", "a sync" exactly)."""
    def found(cue: str, text: str) -> bool:
        kp = KeyPoint(id="k", label="l", cues=(cue,))
        return match_key_point(kp, TokenIndex(tokenize_text(text), AnalysisSettings(), heard=heard)).hit

    assert not found("improved", "I moved from London to Berlin.")
    assert not found("reduced|cut|improved|faster", "I moved from London to Berlin.")
    assert not found("improved", "I proved it worked.")
    assert not found("approved", "It was a proved approach.")
    assert found("async", "We made the calls a sync.")
    assert found("improved", "Latency improved a lot.")
    assert found("airwallex", "We paid out through air wallets.") is heard


@pytest.mark.parametrize(("cue", "said"), [("forecasting", "We built a for casting model for demand."),
                                           ("oncall", "I was on calls every other week."),
                                           ("inbound", "We sorted the in bounds parcels first."),
                                           ("withdrawals", "We paused the with drawls for a day.")])
def test_a_preposition_still_joins_into_a_cue_word_misheard_apart(cue, said):
    """judge49 (review31): only pronouns and articles are words said in their own right; a preposition is often a
    piece of a longer word misheard apart ("for casting" is "forecasting")."""
    kp = KeyPoint(id="k", label="l", cues=(cue,))
    assert match_key_point(kp, TokenIndex(tokenize_text(said), AnalysisSettings(), heard=True)).hit


def test_a_change_from_one_quantity_to_another_reads_as_a_change_verb():
    # walk38: "went from about an hour to under five minutes" with "time to detect" is a quantified impact
    said = "Time to detect a bad routing change went from about an hour to under five minutes."
    kp = KeyPoint(id="k", label="Quantify the impact", cues=QUANTIFIED, min_cues=2)
    result = match_key_point(kp, TokenIndex(tokenize_text(said), AnalysisSettings()))
    assert result.hit and len(result.matches) == 3
    assert hit(QUANTIFIED[1:2], "Our build went from two days to four hours.")
    # not a move between places or dates, nor a change in another sentence, nor for a cue that is not of change verbs
    assert not hit(QUANTIFIED[1:2], "I flew from London to Berlin.")
    assert not hit(QUANTIFIED[1:2], "I worked there from 2019 to 2021.")
    assert not hit(QUANTIFIED[1:2], "We started from 5. To 10 people it grew.")
    assert not hit(["double-entry|ledger"], "Refunds went from 40 to 12 a week.")
    assert not hit(["fallback|circuit breaker"], "Errors went from 40 to 12 a week.")
    # said as not done, it does not count
    assert not hit(QUANTIFIED[1:2], "Latency never went from 40 to 12 milliseconds.")
    # judge43: after "a"/"an"/"half" only a unit of time or measure is a quantity, not a thing moved between
    assert not hit(QUANTIFIED[1:2], "We moved the ledger from a spreadsheet to a proper database before the month-end "
                                    "close.")
    assert hit(QUANTIFIED[1:2], "The close went from a week to two days.")
    assert hit(QUANTIFIED[1:2], "Checks went from half an hour to a few minutes.")


@pytest.mark.parametrize("cue,said,matches", [
    ("engineers", "the threads handing orders to the matching engine", False),     # walk40: another word
    ("engineer", "we doubled the engines", False),
    ("engines", "one engineer", False),
    ("engineers", "every engineer on the rota", True),                             # the same word, inflected
    ("engine", "both engines", True),
])
def test_er_after_a_whole_word_in_e_makes_another_word_not_an_inflection(cue, said, matches):
    """walk40: "the matching engine" ticked "Who benefited: engineers, ..." by the cue "engineers": Snowball stems
    both to "engin", and "-ers" read as an inflection of "engine". A word in "-e" takes "-r", never "-er"."""
    assert hit([cue], said) is matches


@pytest.mark.parametrize("said", ["the server had no idempotency key", "we retried without an idempotency key"])
def test_a_negator_of_a_thing_agrees_with_the_labels_own(said):
    """walk48: "the server had no idempotency key" says "retries without an idempotency key": the label's "without"
    and the answer's "no" deny the same thing. A negation that the label does not share still denies, and a negated
    verb is no denial of a thing ("couldn't send the money twice" for "no lost or duplicated money": d2j-pay-kafka-02)."""
    kp = KeyPoint(id="k", label="Explain the root cause: retries without an idempotency key", cues=("idempotency key",))
    result = match_key_point(kp, TokenIndex(tokenize_text(said), AnalysisSettings()))
    assert result.hit and not result.negated, said
    plain = KeyPoint(id="k", label="The fix: idempotency keys in Postgres", cues=("idempotency key",))
    assert not match_key_point(plain, TokenIndex(tokenize_text(said), AnalysisSettings())).hit
    money = KeyPoint(id="k", label="Why it mattered: no lost or duplicated money", cues=("money",))
    assert match_key_point(money, TokenIndex(tokenize_text("so no money was lost"), AnalysisSettings())).hit
    assert not match_key_point(money, TokenIndex(tokenize_text("it couldn't send the money twice"),
                                                 AnalysisSettings())).hit


@pytest.mark.parametrize("said", [
    "I logged on Datix.", "The next morning I logged the incident on Datix.", "I logged it straight onto Datix.",
    "Then I logged it all on our Datix system.",
])
def test_a_cue_phrase_said_with_its_small_words_changed_matches(said):
    """judge75: a candidate writes a cue as she would say it once ("logged it on Datix") and says it a little
    differently next time: its content words in order in one clause, the small words free."""
    kp = KeyPoint(id="k", label="l", cues=("logged it on Datix",))
    r = match_key_point(kp, TokenIndex(tokenize_text(said), AnalysisSettings()))
    assert r.hit and r.matches[0].cue == "logged it on Datix"


def test_a_cue_said_word_for_word_keeps_its_full_quality():
    kp = KeyPoint(id="k", label="l", cues=("logged it on Datix",))
    exact = match_key_point(kp, TokenIndex(tokenize_text("I logged it on Datix."), AnalysisSettings()))
    loose = match_key_point(kp, TokenIndex(tokenize_text("I logged on Datix."), AnalysisSettings()))
    assert exact.confidence == 1.0 and loose.confidence < exact.confidence
    assert len(exact.said) == 1                    # one mention, not also counted again loosely


@pytest.mark.parametrize("cue, said", [
    ("logged it on Datix", "I logged it. Datix was down that night."),              # across a sentence end
    ("logged it on Datix", "I logged it, and the ward manager checked Datix."),    # across a clause
    ("logged it on Datix", "I logged the fall not on Datix."),                       # a negation between
    ("logged it on Datix", "I logged what I could on Datix."),                     # a hypothetical between
    ("logged it on Datix", "I logged it so the matron could see it on Datix."),    # a clause opener between
    ("logged it on Datix", "I logged the incident and the falls and the staffing levels on Datix."),   # too far apart
    ("on the ward", "I was on a ward."),                                           # one content word: not this way
    ("one-to-one", "I had one chat with one nurse."),                              # number words only
    ("told the family openly", "The family told me openly."),                      # out of order
])
def test_a_cue_phrase_said_loosely_stays_in_one_clause_in_order_and_undenied(cue, said):
    assert not hit([cue], said)
