"""Try a key point the way you would say it (app.trial): the real judge, with the real model, on walk50's wordings."""

from __future__ import annotations

import re

import pytest

from tests.core.banks.bank_text import bank_text
from voiceprep.app import judging, trial
from voiceprep.app.trial import STILL_LOADING, controls, cue_phrases, cues_added, done_by_her, try_point, with_cues
from voiceprep.core.analysis import embedder
from voiceprep.core.banks.load import parse_bank

CANDOUR = {"id": "candour", "label": "I told the family openly, under duty of candour"}
REPORTED = {"id": "reported", "label": "I reported the unsafe staffing so the pattern could be reviewed"}
RANG = "I rang her daughter that afternoon, explained exactly what had happened and apologised."
DATIX = "The next morning I logged it on Datix with the acuity scores."


@pytest.fixture
def model():
    status = embedder.warm_up()
    assert status.method == "semantic", status.message
    return status


def bank(*points):
    return parse_bank(bank_text(*points))


def test_a_concrete_wording_missed_gets_a_cue_of_her_words_that_makes_it_count(model):
    b = bank(CANDOUR, REPORTED)
    t = try_point(b, "staffing", "candour", RANG)
    assert not t.counted and not t.words_only and t.note is None
    assert t.cue == "rang her daughter"
    assert "would make it count" in t.reason
    # her phrase alone: the point's own words still count beside a first cue (semantic-59, judge71)
    assert t.cues == ("rang her daughter",)
    again = try_point(with_cues(b, "staffing", "candour", t.cues), "staffing", "candour", RANG)
    assert again.counted and again.evidence and "daughter" in again.evidence, again
    assert again.text().startswith("Counted: “")
    # ... and the point said in its own words still counts
    assert try_point(with_cues(b, "staffing", "candour", t.cues), "staffing", "candour", CANDOUR["label"]).counted


def test_walk50s_datix_gets_a_cue_with_the_name_in_it(model):
    b = bank(CANDOUR, REPORTED)
    t = try_point(b, "staffing", "reported", DATIX)
    assert not t.counted and t.cue is not None and "Datix" in t.cue
    assert try_point(with_cues(b, "staffing", "reported", t.cues), "staffing", "reported", DATIX).counted


def test_not_counted_is_said_neutrally_and_a_cue_only_offered_if_she_meant_it(model):
    """walk55: a sentence typed to check it is NOT counted ("and the team made some decisions together") was told
    "write a cue that says what you did", as if she wanted it counted."""
    b = bank(CANDOUR, REPORTED)
    for said in ("We had a lovely team lunch on Friday at Nando's.", RANG, "and the team made some decisions together"):
        text = try_point(b, "staffing", "candour", said).text()
        assert text.startswith("Not counted for this point: "), text
        advice = [m.start() for m in re.finditer(r"cue|say it as", text)]
        assert not advice or text.find("If you meant it to count") < advice[0], text


def test_a_wording_no_cue_would_help_is_told_so_and_offered_none(model):
    t = try_point(bank(CANDOUR, REPORTED), "staffing", "candour", "We had a lovely team lunch on Friday at Nando's.")
    assert not t.counted and t.cue is None and not t.cues
    assert "If you meant it to count: no cue from your words would make it count" in t.reason


def test_a_wording_set_aside_with_the_points_cues_in_it_is_not_told_no_cue_would_help(model):
    """walk55 1: Try it told "No cue from your words would make it count either" for a sentence that says three of the
    point's cues (one is needed): the judge set it aside for how it is said, not for its words. It says so, with the
    cues it found; walk55's own sentence now counts (semantic-59-d). judge77: "We just kept tokens from the processor."
    (walk55's words) is no longer set aside ("just" as "only", a limit told); "the tokens and the card data" still is."""
    from tests.conftest import BANKS
    from voiceprep.core.banks import load_bank

    payments = load_bank(BANKS / "senior-backend-payments.toml")
    t = try_point(payments, "payments-domain", "pci", "We just kept the tokens and the card data.")
    assert not t.counted and t.cue is None, t
    assert "No cue from your words" not in t.reason and "“tokens”" in t.reason, t.reason
    assert "general remark" not in t.reason and "left as it was" in t.reason, t.reason
    assert "left as it was" not in try_point(payments, "payments-domain", "pci",
                                             "We just kept tokens from the processor.").reason
    assert try_point(payments, "payments-domain", "pci", "I made sure we only kept tokens from the processor, so card "
                     "data stayed out of PCI scope.").counted


def test_a_wording_that_says_the_point_is_counted_with_its_words_quoted(model):
    t = try_point(bank(CANDOUR, REPORTED), "staffing", "reported",
                  "I reported the unsafe staffing to my matron so the pattern could be reviewed.")
    assert t.counted and "reported the unsafe staffing" in (t.evidence or "")


def test_while_the_model_is_still_loading_the_words_alone_decide_and_it_is_said(model):
    embedder.set_disabled(False)                 # its state as before the app's start-up load ended
    try:
        assert not embedder.settled()
        t = try_point(bank(CANDOUR, REPORTED), "staffing", "candour", RANG, wait=False)
        assert t.words_only and t.note == STILL_LOADING and STILL_LOADING in t.text()
        assert not embedder.settled()            # it did not load the model itself (the app's load lane does)
    finally:
        embedder.warm_up()
    assert not try_point(bank(CANDOUR, REPORTED), "staffing", "candour", RANG).words_only


def test_nothing_typed_is_a_clear_error():
    with pytest.raises(ValueError, match="Type a sentence"):
        try_point(bank(CANDOUR), "staffing", "candour", "   ")


def test_cue_phrases_are_short_and_carry_her_own_words():
    assert cue_phrases(DATIX)[0] == "logged it on Datix"           # not "next morning"
    assert all(len(p.split()) <= 4 for p in cue_phrases(RANG))
    assert cue_phrases("it was then") == []
    assert cues_added("rang her daughter") == ["rang her daughter"]          # her words only (semantic-59)


def test_a_cue_added_keeps_the_min_cues_the_file_wrote():
    """Review of fixCH 7: `with_cues` set min_cues = 1 where the loader keeps a written one."""
    b = bank({**CANDOUR, "min_cues": 2}, REPORTED)
    point = with_cues(b, "staffing", "candour", ["told the family", "rang her daughter", "apologised"]).prompt(
        "staffing").key_points[0]
    assert point.min_cues == 2 and not point.cues_from_label
    point = with_cues(bank(CANDOUR), "staffing", "candour", ["rang her daughter"]).prompt("staffing").key_points[0]
    assert point.min_cues == 1 and point.cues == ("rang her daughter",)
    # read40c: 2 needed written, one cue added (her phrase alone): lowered to the one there is, as the editor writes it
    point = with_cues(b, "staffing", "candour", ["rang her daughter"]).prompt("staffing").key_points[0]
    assert point.min_cues == 1 and point.cues == ("rang her daughter",)


def test_a_reason_without_a_full_stop_gets_one_before_the_cue_sentence(model, monkeypatch):
    document = judging.feedback_document

    def unstopped(*args, **kwargs):
        doc = document(*args, **kwargs)
        for k in doc["key_points"]:
            k["detail"] = "Not said as something you did"
        return doc
    monkeypatch.setattr(judging, "feedback_document", unstopped)
    t = try_point(bank(CANDOUR, REPORTED), "staffing", "candour", RANG)
    assert t.reason is not None and t.reason.startswith(
        "Not said as something you did. If you meant it to count: added as a cue, “"), t.reason


def test_the_point_in_its_own_words_is_warned_of_only_when_it_counted_before(model, monkeypatch):
    """Review of fixCH 7: "would then no longer count" was said of a label that was not counted before either."""
    counted = trial._counted

    def label_never(b, prompt_id, point_id, said, settings):
        return said != CANDOUR["label"] and counted(b, prompt_id, point_id, said, settings)
    monkeypatch.setattr(trial, "_counted", label_never)
    t = try_point(bank(CANDOUR, REPORTED), "staffing", "candour", RANG)
    assert t.cue and "no longer count" not in (t.reason or ""), t.reason


# walk54's dog groomer: a bank none bundled covers, three points from their labels
GROOMER = ({"id": "calm", "label": "I stayed calm and stopped the groom to keep the dog safe"},
           {"id": "owner", "label": "I told the owner honestly what happened"},
           {"id": "changed", "label": "I changed how we handle nervous dogs afterwards"})
CLIPPERS = "I put the clippers down, let him settle in a quiet room and muzzled him before we carried on."
PATEL = "When Mrs Patel came to collect Bailey I explained he had snapped and that we had stopped halfway."
OPPOSITE = "Mrs Patel came to collect Bailey at five and I said he had been a good boy, nothing to report."


def groomer():
    return parse_bank(bank_text(*GROOMER, job={"id": "dog-groomer", "title": "Dog Groomer"},
                                prompt={"id": "frightened-dog", "text": "Tell me about a time a dog in your care became "
                                                                        "frightened or aggressive."}))


def test_walk54_the_cue_offered_says_what_she_did_not_who_came(model):
    b = groomer()
    t = try_point(b, "frightened-dog", "owner", PATEL)
    assert not t.counted and t.cue == "explained he had snapped", t      # not "Mrs Patel came", nor "stopped halfway"
    added = with_cues(b, "frightened-dog", "owner", t.cues)
    assert try_point(added, "frightened-dog", "owner", PATEL).counted
    assert not try_point(added, "frightened-dog", "owner", OPPOSITE).counted      # her opposite story is not credited


def test_a_cue_that_would_count_her_scene_is_held_back_and_she_is_told_why(model):
    b = groomer()
    scene, names = controls(PATEL)
    assert scene == "When Mrs Patel came to collect Bailey and I said all was well, nothing to report."
    assert not try_point(b, "frightened-dog", "owner", scene).counted
    # walk54's cue counts the scene: the check would have caught it
    assert try_point(with_cues(b, "frightened-dog", "owner", cues_added("Mrs Patel came")), "frightened-dog",
                     "owner", scene).counted
    t = try_point(b, "frightened-dog", "owner", "Mrs Patel came to collect Bailey, and I saw her.")
    assert not t.counted and t.cue is None and not t.cues, t
    assert "would also count unrelated sentences, so a cue would have to say what you did" in t.reason, t.reason


def test_walk54_a_cue_never_runs_across_a_comma(model):
    t = try_point(groomer(), "frightened-dog", "calm", CLIPPERS)
    assert t.cue is not None and t.cue in CLIPPERS, t
    assert all(p in CLIPPERS for p in cue_phrases(CLIPPERS)), cue_phrases(CLIPPERS)


def test_cue_phrases_say_what_was_done_not_who_or_when():
    assert "Mrs Patel came" not in cue_phrases(PATEL) and "Patel" not in cue_phrases(PATEL)
    assert all({w.lower() for w in p.split()} - {"mrs", "patel", "came", "bailey", "when", "to"} for p in cue_phrases(PATEL))
    assert cue_phrases("Mrs Patel came at 5 on Friday 12 March, with Bailey") == []
    assert "clippers down let" not in cue_phrases(CLIPPERS)
    assert controls(RANG) == []                          # all hers: nothing of it is the scene, and it names no one
    assert cue_phrases("Logged it on Datix. Then rang the matron.")[:2] == ["Logged it on Datix", "rang the matron"]


@pytest.mark.parametrize(("said", "hers"), [
    ("The family were told by me that evening.", True),                       # a nurse
    ("The family were told by the consultant that evening.", False),
    ("The rollback was run by my team within ten minutes.", True),            # an engineer
    ("The outage was spotted by my manager first.", False),
    ("The parents were called by us the same evening.", True),                # a teacher
    ("Mrs Patel sat by me in the waiting room.", False),                      # "by" as beside: no passive
])
def test_a_passive_told_with_her_as_its_doer_is_her_act_not_the_scene(said, hers):
    """fixCQ noticed: "The family were told by me" was read as the scene (word lists: "The" opens another's clause), so
    its phrases were checked against it as a control and held back. Who does a passive's act is read with the judge's
    own reading of the candidate acting (`judge.tells_own_act`: "me", "us", "my team", not "my manager")."""
    assert done_by_her(said.rstrip(".").split()) is hers
    assert controls(said)[:1] == ([] if hers else [f"{said.rstrip('.')} and I said all was well, nothing to report."])


def test_a_sentence_with_her_passive_and_anothers_keeps_them_apart():
    scene = controls("The parents were called by me the same evening and the lesson was observed by the head.")[0]
    assert scene == "and the lesson was observed by the head and I said all was well, nothing to report."
    assert not any(p.startswith(("I’ve", "she’d")) for p in cue_phrases("I’ve logged it on Datix and she’d seen it."))


def test_a_cue_from_her_passive_keeps_her_as_its_doer():
    """fixCT noticed: the offered cue was "Datix was logged" (the phrase ended on its doing word), which would credit
    anyone's logging. A phrase of her passive takes its "by me" along, and its doing word is not offered alone."""
    for said, verb, doer in [("The next morning the Datix was logged by me with the acuity scores.", "logged", "by me"),
                             ("The rollback was run by my team within ten minutes.", "run", "by my team")]:
        phrases = cue_phrases(said)
        with_verb = [p for p in phrases if verb in p.split()]
        assert with_verb and all(p.endswith(doer) for p in with_verb), phrases
    # another's passive is the scene, unchanged: no doer of hers to keep
    assert "outage was spotted" in cue_phrases("The outage was spotted by my manager first.")


def test_her_passive_gets_a_cue_of_her_words_not_the_unrelated_sentences_message(model):
    """Before: "the Datix was logged by me" was the scene, so its own phrases were in the control sentence and every
    one was held back ("would also count unrelated sentences")."""
    b = bank(CANDOUR, REPORTED)
    said = "The next morning the Datix was logged by me with the acuity scores."
    t = try_point(b, "staffing", "reported", said)
    assert not t.counted and t.cue is not None and "Datix" in t.cue and "unrelated" not in t.reason, t
    assert t.cue.endswith("by me"), t.cue
    assert try_point(with_cues(b, "staffing", "reported", t.cues), "staffing", "reported", said).counted


def test_cues_written_are_none_where_the_matcher_does_not_count_the_point():
    """judge76: a point that needed more of its words (one cue of two said) was told "Its cues are in your words
    already (…), so a cue would not change this: the judge set the sentence aside for how it is said"."""
    from voiceprep.settings import AnalysisSettings

    point = bank({**CANDOUR, "cues": ["rang her daughter", "apologised"], "min_cues": 2}).prompt("staffing").key_points[0]
    assert trial._cues_written(point, "I rang her daughter that afternoon.", AnalysisSettings()) == []
    assert trial._cues_written(point, "I rang her daughter that afternoon and apologised.", AnalysisSettings()) == \
        ["rang her daughter", "apologised"]


def test_cues_already_written_are_offered_if_she_meant_it_and_say_what_you_did_once(model):
    """judge76: the "Its cues are in your words already" branch had no "If you meant it to count:" (she may type a
    sentence to check it is NOT counted), and after the "taken back" reason said "Say what you did…" twice."""
    from tests.conftest import BANKS
    from voiceprep.core.banks import load_bank

    t = try_point(load_bank(BANKS / "senior-backend-payments.toml"), "payments-domain", "pci",
                  "We just kept the tokens and the card data.")      # still "left as it was" (judge77)
    assert "If you meant it to count: its cues are in your words already (“tokens”" in t.reason, t.reason
    assert len(re.findall(r"[Ss]ay (what|it plainly)", t.reason)) == 1, t.reason


def test_her_passives_by_me_is_the_one_after_its_doing_word_not_an_earlier_by_me():
    """fixDC (session 41's leftover): `_her_agent` took the first "by me" of a clause `done_by_her` read as her passive,
    though that one was "beside me" ("The bin by me was emptied by me"): the cue kept the wrong "by me" and the doing
    word's own "by me" was a phrase of its own. One reading, `her_passive_by`, for both."""
    said = "The bin by me was emptied by me every night"
    words = said.split()
    assert trial.her_passive_by(words) == (6, 8) and done_by_her(words)
    assert trial._her_agent(trial._parts(said)[0]) == (6, 8)         # main: (2, 4), the bin's "by me"
    phrases = cue_phrases(said)
    assert "emptied by me" in phrases and "emptied" not in phrases, phrases      # main: no "emptied by me" offered
    for other, at in (("Mrs Patel sat by me in the waiting room", None),
                      ("The rollback was run by my team within ten minutes", (4, 7))):
        assert trial.her_passive_by(other.split(" ")) == at


def test_the_judges_advice_on_how_to_say_it_follows_if_you_meant_it_to_count(model, monkeypatch):
    """fixDC (mendC noticed): Try it said judging's "Say what you did or changed." before "If you meant it to count:",
    advising one who may have typed the sentence to check it is NOT counted. The reason says why, then the heading,
    then the advice, in every branch; said once."""
    from tests.conftest import BANKS
    from voiceprep.core.banks import load_bank

    t = try_point(load_bank(BANKS / "senior-backend-payments.toml"), "payments-domain", "pci",
                  "We just kept the tokens and the card data.")      # the "taken back" reason, its cues written
    text = t.text()
    assert 0 < text.index("If you meant it to count:") < text.index("Say what you did or changed."), text
    assert len(re.findall(r"[Ss]ay (what|it plainly)", text)) == 1, text
    document = judging.feedback_document

    def with_advice(*args, **kwargs):
        doc = document(*args, **kwargs)
        for k in doc["key_points"]:
            k["detail"] = "Close, but without the number: “I rang her daughter.” Say it with the number."
        return doc
    monkeypatch.setattr(judging, "feedback_document", with_advice)
    t = try_point(bank(CANDOUR, REPORTED), "staffing", "candour", RANG)         # the branch that offers a cue
    assert t.reason is not None and t.reason.startswith(
        "Close, but without the number: “I rang her daughter.” If you meant it to count: say it with the number. "
        "Added as a cue, “"), t.reason
    assert trial.judged_advice("Partly there: you said “a”, but not the whole point. Say it in one clear sentence.") == \
        ("Partly there: you said “a”, but not the whole point.", "Say it in one clear sentence.")
    assert trial.judged_advice("Close, but said as not done: “Say we never did.”")[1] == ""    # a quote is no advice
def test_try_it_counts_and_quotes_as_practice_hears_the_same_words(model):
    """walk57 2c: the same words pasted into Try it and said in Practice were quoted by different sentences: Practice
    matches a transcript's words by sound too ("find" heard as "found"), Try it matched typed words exactly. Try it's
    words are what the candidate will say, so it reads them as Practice will."""
    import dataclasses

    from voiceprep.core.analysis.analyze import analyze_answer
    from voiceprep.core.transcript import Transcript

    b = parse_bank(bank_text({"id": "cause", "label": "I found the root cause"},
                             {"id": "measured", "label": "I shipped a fix and measured latency before and after"}))
    said = ("Our payments search got slow in March. I used tracing in Tempo to find where the time went, and it was "
            "the pricing service. The root cause was a missing index on the quotes table. I added the index.")
    prompt = b.rounds[0].prompts[0]
    spoken = analyze_answer(b, prompt, dataclasses.replace(Transcript.from_text(said), model="tiny.en"))
    practice = next(r for r in spoken.key_points if r.key_point.id == "cause")
    t = try_point(b, prompt.id, "cause", said)
    assert t.counted == practice.hit
    if practice.hit:
        assert t.evidence == spoken.evidence["cause"][0].text


def test_no_cue_says_the_advice_once_and_a_question_not_asking_what_she_did_is_not_told_to_say_it(model, monkeypatch):
    """read42a 5: with the judge's advice under "If you meant it to count:", the no-cue message said it again ("…: say
    what you did or changed. No cue … either; say it as something you did, in a sentence of its own, …"), and told a
    question that does not ask what she did (judging's `_detail`: never "say what you did" there) to say it as
    something she did, after "Make it your point:" (two colons in a row)."""
    from voiceprep.core.analysis.delivery import asks_for_story

    lunch = "We had a lovely team lunch on Friday at Nando's."
    document = judging.feedback_document

    def with_advice(*args, **kwargs):
        doc = document(*args, **kwargs)
        for k in doc["key_points"]:
            k["detail"] = f"Close, but said as something left as it was or taken back, not as what you did: “{lunch}” " \
                          "Say what you did or changed."
        return doc
    monkeypatch.setattr(judging, "feedback_document", with_advice)
    t = try_point(bank(CANDOUR, REPORTED), "staffing", "candour", lunch)
    assert t.cue is None and t.reason is not None
    assert "If you meant it to count: say what you did or changed." in t.reason, t.reason
    assert "something you did" not in t.reason and "reword the point closer to how you would say it" in t.reason, t.reason
    assert "No cue from your words would make it count" in t.reason, t.reason
    monkeypatch.setattr(judging, "feedback_document", document)

    asked = {"id": "staffing", "text": "What do you know about how our wards are staffed?"}
    assert not asks_for_story(asked["text"])
    t = try_point(parse_bank(bank_text(CANDOUR, REPORTED, prompt=asked)), "staffing", "candour", lunch)
    assert t.cue is None and t.reason is not None
    assert "If you meant it to count: no cue from your words would make it count" in t.reason, t.reason
    assert "something you did" not in t.reason and "what you did" not in t.reason, t.reason
    assert "say it plainly, in a sentence of its own, or reword the point" in t.reason, t.reason

    def passing(*args, **kwargs):
        doc = document(*args, **kwargs)
        for k in doc["key_points"]:
            k["detail"] = f"Close, but it came out as a passing remark: “{lunch}” Make it your point: say it plainly, " \
                          "in one sentence of its own."
        return doc
    monkeypatch.setattr(judging, "feedback_document", passing)
    t = try_point(parse_bank(bank_text(CANDOUR, REPORTED, prompt=asked)), "staffing", "candour", lunch)
    assert t.reason is not None and ": make it your point:" not in t.reason.lower(), t.reason
    assert "what you did" not in t.reason and len(re.findall(r"say it plainly", t.reason)) == 1, t.reason
