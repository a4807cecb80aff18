"""Walk42 finding 6: an answer wholly about something else (30 s of meeting talk about a remote control, 0 of 5) was
told "add the result and one concrete detail" and STAR tips, and nothing said it did not address the question."""

from __future__ import annotations

from pathlib import Path

from voiceprep.core.analysis.analyze import OFF_TOPIC_LINE, analyze_answer
from voiceprep.core.banks import load_bank
from voiceprep.core.transcript import Transcript

BANK = Path(__file__).resolve().parents[3] / "question_banks/senior-backend-payments.toml"
# the walk's clip (AMI ES2004c, speaker FEE013, CC BY 4.0), as its reference transcript reads
TALK = ("button or something like that. Yeah. Um. When they're when you've got the main things on the front of it and a "
        'section opens up or something to the other functions where you can do sound or options kind of recording, '
        "things like that inside it. 'Cause it doesn't make when you pick it up it doesn't make it really complicated "
        "to look at, it's obvious what you're doing, um.")
VAGUE = ("I think the key with any schema is really being thoughtful about it. You want to work with the team, "
         "understand the requirements, and make sure the database does what the business needs. Reconciliation "
         "is important too, so I always try to keep things consistent and clean, and I make sure queries are fast "
         "enough for everyone.")


def test_an_answer_about_something_else_is_named_so_and_gets_no_tips_that_assume_a_real_answer():
    bank = load_bank(BANK)
    prompt = bank.prompt("postgres-reconciliation")
    a = analyze_answer(bank, prompt, Transcript.from_text(TALK))
    assert a.points_hit == 0 and a.off_topic is not None
    names = [f.name for f in a.delivery.findings]
    assert names[0] == "topic" and a.delivery.findings[0].summary.startswith(OFF_TOPIC_LINE + ": “When they")
    assert not {"duration", "structure", "specifics", "numbers", "ownership", "repetition"} & set(names), names
    assert a.off_topic["quote"].startswith("When they're when you've got the main things")
    # a vague answer on the question's own subject is weak, not about something else: its tips stay
    weak = analyze_answer(bank, prompt, Transcript.from_text(VAGUE))
    assert weak.off_topic is None and "topic" not in [f.name for f in weak.delivery.findings]


def test_a_short_answer_about_something_else_is_named_so_and_a_short_one_on_the_question_is_not():
    """mendJ (walk58 5's other half, fixDJ noticed): a 16 s answer of about 25 words about something else was not
    flagged (only answers of `off_topic_answer_words` = 25 words or more were read), so neither its feedback nor the
    round's count of answers off the question said so. Two sentences about something else entirely are now named; a
    short answer on the question, however weak, is not."""
    from tests.conftest import BANKS

    airwallex = load_bank(BANKS / "airwallex.toml")
    why = airwallex.prompt("why-airwallex")
    for text in ("Last weekend I baked a sourdough loaf. The dough rests overnight in the fridge before it is baked.",
                 "My sister got married in June. We danced until two in the morning and the cake was lemon."):
        a = analyze_answer(airwallex, why, Transcript.from_text(text))
        assert a.points_hit == 0 and a.off_topic is not None, (text, a.off_topic)
        assert a.delivery.findings[0].summary.startswith(OFF_TOPIC_LINE), a.delivery.findings
    for text in ("I like fintech and I think Airwallex is a great company. It would be exciting to work there.",
                 "Payments across borders are still slow and expensive. I want to help fix that for businesses."):
        a = analyze_answer(airwallex, why, Transcript.from_text(text))
        assert a.off_topic is None, (text, a.off_topic)
    bank = load_bank(BANK)
    schema = bank.prompt("postgres-reconciliation")
    weak = analyze_answer(bank, schema, Transcript.from_text("I would keep the schema simple. Then I check the numbers "
                                                             "match at the end of the day."))
    assert weak.off_topic is None, weak.off_topic


def test_the_bench_names_each_answer_with_the_rule_the_app_uses():
    """read44a 3: bench/judge_offtopic.py counted every answer with no point credited against the long answers'
    limits (0.25-0.35), so a 12-word answer 0.20 near its question was counted named, which the app never names
    (a short answer's limit, off_topic_short_answer_max_sim, is 0.09: mendJ). It reads each answer by
    analyze.elsewhere_limit now: a short one at its own limit in every column, a long one at the column's."""
    from bench.judge_offtopic import named
    from voiceprep.core.analysis.analyze import elsewhere_limit
    from voiceprep.settings import AnalysisSettings

    app = AnalysisSettings()
    short, long = app.off_topic_short_answer_words + 4, app.off_topic_answer_words + 5
    assert elsewhere_limit(short, app) == app.off_topic_short_answer_max_sim < 0.20
    assert elsewhere_limit(long, app) == app.off_topic_answer_max_sim
    assert elsewhere_limit(app.off_topic_short_answer_words - 1, app) is None
    assert not named((0.20, short), 0.28, app) and not named((0.20, short), 0.35, app)
    assert named((app.off_topic_short_answer_max_sim - 0.01, short), 0.25, app)
    assert named((0.20, long), 0.28, app) and not named((0.20, long), 0.18, app)
    assert not named((0.0, app.off_topic_short_answer_words - 1), 0.35, app)      # too short to tell: never named
