"""Follow-up questions phrased from a key point's label read as an interviewer would ask them, for every key point
of every bundled bank (walkthrough 4: "Can you say more about Distributed pieces?").

The rule tested: a label-built question is one or two sentences ending in "?"; inside a sentence only names keep a
capital (the bank's vocabulary and company, words its cues or texts write with a capital mid-sentence, acronyms);
a question word is asked as such ("tell me how you found it", not "tell me more about how you found it"); and no
label is quoted back as a statement ("You didn't mention this point: “…”")."""

from __future__ import annotations

import dataclasses
import re

import pytest

from tests.core.analysis.followup_cases import case_ids, quiet
from voiceprep.core.analysis.followups import follow_up_for
from voiceprep.core.banks import BankRegistry
from voiceprep.core.banks.model import KeyPoint

WH = ("what", "how", "why", "who", "when", "where", "which", "whether")


def names_of(bank) -> set[str]:
    """Words the bank itself writes with a capital where a sentence does not start."""
    names = {w for term in (bank.job.company or "", *bank.vocabulary) for w in re.findall(r"[\w-]+", term)}
    texts = [alt for p in bank.all_prompts() for k in p.key_points for cue in k.cues for alt in cue.split("|")]
    texts += [p.text for p in bank.all_prompts()] + [k.label for p in bank.all_prompts() for k in p.key_points]
    texts += list(bank.job.must_haves) + [c.definition for c in bank.competencies]
    for text in texts:
        for sentence in re.split(r"(?<=[.?!:])\s+", text):
            names |= {w for w in re.findall(r"[\w-]+", sentence)[1:] if w[:1].isupper()}
    names |= {w for text in texts for w in re.findall(r"[\w-]+", text) if re.search(r".[A-Z0-9]", w)}   # LMAX, 3-D
    return names | {"I"}


def bundled():
    for bank in BankRegistry.discover().banks:
        for prompt in bank.all_prompts():
            for kp in prompt.key_points:
                yield bank, dataclasses.replace(kp, follow_up=None)       # the label-built question


CASES = list(bundled())


@pytest.fixture(scope="module")
def bank_names() -> dict[str, set[str]]:
    """Each bundled bank's names, read once for the module, not once per key point (the same banks: CASES)."""
    return {bank.id: names_of(bank) for bank in {b.id: b for b, _kp in CASES}.values()}


@pytest.mark.parametrize("bank,kp", CASES, ids=[f"{b.id}:{k.id}" for b, k in CASES])
def test_every_bundled_label_makes_a_question_an_interviewer_would_ask(bank, kp, bank_names):
    q = follow_up_for(kp)
    assert q[:1].isupper() and q.endswith("?") and "  " not in q, q
    assert "“" not in q and "didn't mention" not in q, q      # an interviewer asks; a grader quotes a checklist
    assert not re.search(rf"\babout ({'|'.join(WH)})\b", q, re.IGNORECASE), q
    names = bank_names[bank.id]
    for sentence in re.split(r"(?<=[.?!])\s+", q):
        capitals = [w for w in re.findall(r"[\w-]+", sentence)[1:] if w[:1].isupper()]
        assert all(w in names for w in capitals), (q, [w for w in capitals if w not in names])


def test_a_label_that_starts_with_a_plain_word_is_not_asked_with_its_capital():
    assert follow_up_for(KeyPoint("a", "Distributed pieces: Kafka consumers that commit offsets late", ())) == \
        "Can you tell me about distributed pieces?"
    assert follow_up_for(KeyPoint("a", "Replication and failover: primaries, replicas", ())) == \
        "Can you tell me about replication and failover?"
    assert follow_up_for(KeyPoint("a", "Running it in production", ())) == \
        "Can you tell me about running it in production?"
    # names keep their capital: unknown words, acronyms, words the cues write with a capital
    assert follow_up_for(KeyPoint("a", "Flask on Gunicorn: workers", ())) == \
        "Can you tell me about Flask on Gunicorn?"
    assert follow_up_for(KeyPoint("a", "PCI compliance", ())) == "Can you tell me about PCI compliance?"
    assert follow_up_for(KeyPoint("a", "Spring Boot services", ("Spring Boot",))) == \
        "Can you tell me about Spring Boot services?"


def test_a_label_that_starts_with_a_verbs_past_is_asked_without_its_capital():
    """judge46: "Can you tell me more about Cut costs?" once a label's figures are out; names keep theirs."""
    assert follow_up_for(KeyPoint("a", "Cut costs by 30%", ())) == "How much did you cut costs by?"   # fixBI
    assert follow_up_for(KeyPoint("a", "Hired 3 engineers", ())) == "How many engineers did you hire?"
    assert follow_up_for(KeyPoint("a", "Shared ownership of the pager", ())) == \
        "Can you tell me about shared ownership of the pager?"
    assert follow_up_for(KeyPoint("a", "API design", ())) == "Can you tell me about API design?"
    assert follow_up_for(KeyPoint("a", "LMAX disruptor", ())) == "Can you tell me about LMAX disruptor?"
    assert follow_up_for(KeyPoint("a", "Airwallex partnerships", ())) == \
        "Can you tell me about Airwallex partnerships?"
    assert "you owned the rollout" in follow_up_for(KeyPoint("a", "I owned the rollout", ()))


def test_a_title_case_label_keeps_its_capitals():
    """judge49 (review31): a name of several capitalised words keeps them, though its first word looks like a verb's
    past ("United", "Mixed"); lowered only when the next word is in lower case."""
    assert follow_up_for(KeyPoint("a", "United Airlines partnership", ())) == \
        "Can you tell me about United Airlines partnership?"
    assert follow_up_for(KeyPoint("a", "Mixed Precision", ())) == "Can you tell me about Mixed Precision?"
    assert follow_up_for(KeyPoint("a", "Mixed precision training", ())) == \
        "Can you tell me about mixed precision training?"


def test_noun_phrases_with_a_participle_are_topics_not_statements():
    """Not "You didn't mention this point: “The root cause, named precisely”"."""
    for label, asked in (("The root cause, named precisely", "the root cause, named precisely"),
                         ("The fix and the measured result", "the fix and the measured result"),
                         ("The availability you reached and how you measured it", "the availability you reached "
                                                                                    "and how you measured it")):
        assert follow_up_for(KeyPoint("a", label, ())) == f"Can you tell me about {asked}?"
    assert follow_up_for(KeyPoint("a", "Duplicate charges dropped to zero after the fix", ())) == \
        "Can you tell me how duplicate charges dropped to zero after the fix?"          # still a statement


def test_question_word_topics_are_asked_directly():
    assert follow_up_for(KeyPoint("a", "How you found it: tracing, metrics", ())) == "Can you tell me how you found it?"
    assert follow_up_for(KeyPoint("a", "Who benefited: engineers, customers", ())) == "Can you tell me who benefited?"
    assert follow_up_for(KeyPoint("a", "Why this team: one API", ())) == "Why this team?"
    assert follow_up_for(KeyPoint("a", "Walk the stages: collect, relay", ())) == \
        "Could you walk me through the stages?"         # walk22: not its list


def test_a_walk_me_through_label_is_asked_once():
    """Review: "Walk me through the rollout" came back as "Could you walk me through you through the rollout?"
    ("me" was already turned to "you" when the walk rule looked for it)."""
    for label in ("Walk me through the rollout", "Walk us through the rollout", "Walk through the rollout",
                  "Walk the rollout"):
        assert follow_up_for(KeyPoint("a", label, ())) == "Could you walk me through the rollout?", label
    assert follow_up_for(KeyPoint("a", "Walk me through my first week", ())) == \
        "Could you walk me through your first week?"


@pytest.mark.parametrize("label,asked", [
    # walkthrough 6: key points a candidate wrote from their notes, read aloud as "Can you tell me more about ...?";
    # walkthrough 7: then quoted back like a grader ("You didn't mention this point: “…”. Can you tell me about
    # that?") and "Can you tell me more about It cut p99 latency..."
    ("Kubernetes platforms I would build let a player in Brazil pay in BRL while a developer in Montreal gets paid "
     "in CAD", "Can you tell me how Kubernetes platforms you would build let a player in Brazil pay in BRL while a "
     "developer in Montreal gets paid in CAD?"),
    ("Cut p99 routing latency by 40% to 200ms",
     "How much did you cut p99 routing latency by?"),     # walk23: no numbers; fixBN: how much, as "Cut costs by 30%"
    ("Partitioned the transactions table by day",
     "You haven't said yet how you partitioned the transactions table by day. Can you walk me through that?"),
    ("Banks still run on tech from the 1970s", "Can you tell me how banks still run on tech from the 1970s?"),
    ("It cut p99 latency from about five milliseconds to under one",
     "Can you tell me how it cut p99 latency?"),                 # fixO: no figure read back
    ("Order matching was slow because threads kept fighting over locks", "Can you tell me why order matching was slow?"),
    ("Kafka absorbed the month-end spikes", "Can you tell me how Kafka absorbed the month-end spikes?"),
    ("Cross-region observability and multi-region monitoring from my last role",
     "Can you tell me about cross-region observability and multi-region monitoring from your last role?"),
])
def test_a_candidates_own_statements_are_asked_as_an_interviewer_would(label, asked):
    assert follow_up_for(KeyPoint(id="k", label=label, cues=())) == asked


def _plain(label: str) -> KeyPoint:
    """A key point written as a plain sentence in the bank editor: its cues are the label's own words."""
    from voiceprep.core.banks.load import default_cues

    return KeyPoint(id="k", label=label, cues=default_cues(label), cues_from_label=True)


@pytest.mark.parametrize("label, asked", [
    # walkthrough 10: "Can you tell me how Latency went down by a number you can say?", "...how Alerts caught..."
    ("Latency went down by a number I can say", "How much did latency go down?"),
    ("Alerts caught routing problems before customers noticed",
     "Can you tell me how alerts caught routing problems before customers noticed?"),
    ("Time to detect incidents dropped from hours to minutes", "How much did time to detect incidents drop?"),
    ("The cause was lock contention in the order matching engine", "Can you tell me what the cause was?"),
    ("When a region failed, traffic moved to a healthy region without anyone stepping in",
     "Can you tell me what happened when a region failed?"),
    # a 48-word label was recited whole: its first statement is asked about
    ("I owned the result after we decided, and I wrote up what happened afterwards including the parts that went "
     "badly, like the migration that took two weeks longer than planned because the old replicas were lagging and we "
     "had to backfill the data by hand over a weekend",
     "You haven't said yet how you owned the result. Can you walk me through that?"),      # walk23: not "after ..."
    ("Kafka consumers were rebalanced without downtime", "Can you tell me how Kafka consumers were rebalanced without "
                                                        "downtime?"),
])
def test_a_plain_label_is_asked_as_an_interviewer_would(label, asked):
    assert follow_up_for(_plain(label)) == asked


@pytest.mark.parametrize("label, asked", [
    # review 13: "The X was Y" was always asked as "what the X was", also when Y says how it was
    ("The outage was resolved in 20 minutes", "Can you tell me how the outage was resolved?"),     # fixO: no figures
    ("The team was split across three time zones", "Can you tell me how the team was split across time zones?"),
    ("The customer was unhappy with the delay", "Can you tell me how the customer was unhappy with the delay?"),
    ("The API was very slow under load", "Can you tell me how the API was very slow under load?"),
    ("The cache was key to hitting the target", "Can you tell me how the cache was key to hitting the target?"),
    # what follows names something: still "what the X was"
    ("The root cause was a missing index", "Can you tell me what the root cause was?"),
    ("The result was 40% fewer pages", "Can you tell me what the result was?"),
    ("The goal was zero downtime during the migration", "Can you tell me what the goal was?"),
    ("The outcome was faster deploys for every team", "Can you tell me what the outcome was?"),
    ("The cause was missing data in the feed", "Can you tell me what the cause was?"),
    # session 13's note: "what the team was?" for something going on
    ("The team was growing fast", "Can you tell me how the team was growing fast?"),
    ("The release was waiting for approval", "Can you tell me how the release was waiting for approval?"),
    # a situation and what the candidate did about it: the situation, and what they did, asked
    ("The customer was unhappy, so I called them", "The customer was unhappy: what did you do about that?"),
    ("The deadline was moved up, so we cut scope", "The deadline was moved up: what did you do about that?"),
    # something that was so, said without "the": not a topic ("tell me more about Sales were falling")
    ("Sales were falling", "Can you tell me how sales were falling?"),
])
def test_what_the_x_was_is_asked_only_when_a_thing_is_named(label, asked):
    assert follow_up_for(_plain(label)) == asked
    assert follow_up_for(KeyPoint(id="k", label=label, cues=())) == asked


@pytest.mark.parametrize("label, asked", [
    # review 13: "what happened if the budget is cut?", "what happened when to use a queue?"
    ("If the budget is cut, prioritise the core product", "Can you tell me what happens if the budget is cut?"),
    ("Whenever a page fires, the on-call acknowledges within 5 minutes",
     "Can you tell me what happens whenever a page fires?"),
    ("When to use a queue, and when a log is better", "Can you tell me when to use a queue, and when a log is better?"),
    ("When asked, I explain the trade-offs",
     "You haven't said yet how you explain the trade-offs. Can you walk me through that?"),
    # what happened, as before
    ("When the database went down, we failed over in 30 seconds",
     "Can you tell me what happened when the database went down?"),
    ("Once we shipped the fix, errors dropped to zero", "Can you tell me what happened once you shipped the fix?"),
])
def test_what_happened_is_asked_only_of_a_past_event(label, asked):
    assert follow_up_for(_plain(label)) == asked


# walk18: a plain present-tense key point, the style the bank editor asks for, was asked as a topic ("Can you tell me
# more about Airwallex moves money across borders...?"), shown in the feedback, the follow-up bar and spoken aloud
@pytest.mark.parametrize("label, asked", [
    ("Airwallex moves money across borders so reliability matters a lot",
     "You haven't said yet that Airwallex moves money across borders. Can you tell me about that?"),  # walk23
    ("The ring buffer avoids locks", "You haven't said yet that the ring buffer avoids locks. "
                                     "Can you tell me about that?"),
    ("Payments need idempotency keys", "You haven't said yet that payments need idempotency keys. "
                                       "Can you tell me about that?"),
    ("Patients stayed safe: no falls, no missed medications",
     "You haven't said yet that patients stayed safe. Can you tell me about that?"),
    ("It led to an upsell or expansion, with the number: seats, revenue",     # "led" a past since session 23
     "Can you tell me how it led to an upsell or expansion, with the number?"),
    ("Afterwards I changed something so it would not happen to other customers",
     "You haven't said yet that afterwards you changed something. Can you tell me about that?"),   # walk23
    ("Set an SLO target with a number", "How would you set an SLO target with a number?"),      # fixAY: not "Could
    ("Measure what users feel: crash-free sessions", "How would you measure what users feel?"),  # you ...?", asked to
    ("Keep the API working for old app versions", "How would you keep the API working for old app versions?"),  # do it
    # topics stay topics
    ("Idempotency keys and deduplication", "Can you tell me about idempotency keys and deduplication?"),
    ("Kafka partitions", "Can you tell me about Kafka partitions?"),
    ("Payment systems design", "Can you tell me about payment systems design?"),
    ("Design reviews and RFCs", "Can you tell me about design reviews and RFCs?"),
    ("Retries with backoff", "Can you tell me about retries with backoff?"),
    ("Picking up new technologies quickly", "Can you tell me about picking up new technologies quickly?"),
])
def test_a_present_tense_statement_is_not_asked_as_a_topic(label, asked):
    assert follow_up_for(_plain(label)) == asked
    assert follow_up_for(KeyPoint(id="k", label=label, cues=())) == asked


_CUT = re.compile(r"\s*(?:[,;:()]|\b(?:and|or|but|so|because|with|without|at|in|on|of|for|to|from|by|as|like|across|"
                  r"into|under|over|after|before|during|that|which|who|whose|where|when|while|than)\b)", re.IGNORECASE)
_DETERMINERS = ("a", "an", "the", "this", "that", "these", "those", "your", "my", "our", "their", "its", "some", "any")


def about_a_clause(question: str) -> str | None:
    """What is wrong when "tell me about <X>" asks about a statement, not a thing: X's noun phrase (up to its
    first preposition, conjunction or comma) must end at its noun, so a word ending "-s" or "-ed" before its last
    word ("the ring buffer avoids locks", "payments need keys", "patients stayed safe"; not "the measured result"),
    a subject pronoun at its start ("it led to", "afterwards you changed") or a verb then an article ("set an SLO",
    "keep the API") or a question word ("measure what users feel") reads as "about <noun> <verb>"."""
    m = re.search(r"\btell me (?:more )?about (?!(?:it|that)\?)(.+?)\?", question)
    if not m:
        return None
    topic = m.group(1)
    words = topic.split()
    if words[0].lower().endswith("ing"):
        return None                # a gerund's phrase names an activity: "running it in production", "closing the loop"
    if len(words) > 1 and (words[1].lower() in ("a", "an", "the") or words[1].lower() in WH):
        return f"a verb then {words[1]!r}"
    if any(w.lower() in ("i", "we", "it", "they", "he", "she", "you") for w in words[:2]):
        return "a subject pronoun"
    phrase = _CUT.split(topic, maxsplit=1)[0].split()
    for i, w in enumerate(phrase[:-1]):
        low = w.lower()
        if i == 0 and low.endswith("ed"):
            continue               # an adjective first: "embedded finance", "distributed pieces"
        after_determiner = i > 0 and phrase[i - 1].lower() in _DETERMINERS
        if (low.endswith("s") and not low.endswith(("ss", "us", "is", "'s"))) or (
                low.endswith("ed") and len(low) > 4 and not after_determiner):
            return f"{w!r} before the noun phrase ends"
    return None


def test_the_clause_check_tells_a_statement_from_a_topic():
    """The check below, on the walker's three questions and on good topics."""
    for bad in ("Can you tell me about Airwallex moves money across borders so reliability matters a lot?",
                "Can you tell me about the ring buffer avoids locks?",
                "Can you tell me about payments need idempotency keys?",
                "Can you tell me about it led to an upsell?", "Can you tell me about Set an SLO target?",
                "Can you tell me about Patients stayed safe?"):
        assert about_a_clause(bad), bad
    for good in ("Can you tell me about idempotency keys and deduplication?",
                 "Can you tell me about the fix and the measured result?", "Can you tell me about Kafka "
                 "at high throughput?", "Can you tell me about the availability you reached and how you "
                 "measured it (nines, SLO)?", "Can you tell me about backups, restore drills and point-in-time "
                 "recovery?", "Why this team? Can you tell me about that?",
                 "Can you tell me about running it in production?", "Can you tell me about closing the "
                 "loop?", "Can you tell me about embedded finance?"):
        assert about_a_clause(good) is None, good


def _every_label():
    from pathlib import Path

    from voiceprep.core.banks.load import load_bank

    root = Path(__file__).resolve().parents[3]
    paths = sorted((root / "question_banks").glob("*.toml"))
    paths += sorted((Path(__file__).parent / "data" / "judge" / "banks").glob("*.toml"))
    for path in paths:
        for prompt in load_bank(path).all_prompts():
            for kp in prompt.key_points:
                yield path.stem, dataclasses.replace(kp, follow_up=None)


# walk21's notes-made bank: "how much Chargebacks dropped", "more about retries used idempotency keys, ...", "how
# you would add load tests earlier"
WALK21 = ("I led the checkout rewrite at a marketplace",
          "We split the card authorization path from capture, so a slow acquirer no longer blocked orders",
          "Retries used idempotency keys, e.g. the order id plus attempt",
          "Chargebacks dropped by 18% after we added 3-D Secure", "I would add load tests earlier",
          "Refunds went through a PCI-scoped service", "Kafka absorbed the month-end spikes")
LABELS = list(_every_label()) + [("walk21", KeyPoint(id=f"w{i}", label=label, cues=()))
                                 for i, label in enumerate(WALK21)]


def _names_in(stem: str) -> set[str]:
    """Words a bank folder's labels and cues write with a capital where a sentence does not start, and acronyms."""
    texts = [k.label for s, k in LABELS if s == stem] + [alt for s, k in LABELS if s == stem for cue in k.cues
                                                         for alt in cue.split("|")]
    names = {w for text in texts for sentence in re.split(r"(?<=[.?!:])\s+", text)
             for w in re.findall(r"[\w-]+", sentence)[1:] if w[:1].isupper()}
    return names | {w for text in texts for w in re.findall(r"[\w-]+", text) if re.search(r".[A-Z0-9]", w)} | \
        {"I", "Kafka"}


def _bank_names() -> dict[str, set[str]]:
    from pathlib import Path

    from voiceprep.core.banks.load import load_bank

    root = Path(__file__).resolve().parents[3]
    paths = [*(root / "question_banks").glob("*.toml"), *(Path(__file__).parent / "data/judge/banks").glob("*.toml")]
    return {path.stem: names_of(load_bank(path)) for path in paths}


NAMES = {stem: _names_in(stem) | _bank_names().get(stem, set()) for stem in {s for s, _k in LABELS}}


def plainly_asked(question: str, names: set[str]) -> str | None:
    """What reads wrong beyond one question (walk21): a plain word with its capital mid-sentence ("how much
    Chargebacks dropped"), a plan asked how it was done ("how you would add load tests earlier")."""
    for sentence in re.split(r"(?<=[.?!])\s+", question):
        capitals = [w for w in re.findall(r"[\w-]+", sentence)[1:] if w[:1].isupper() and w not in names]
        if capitals:
            return f"a capital mid-sentence: {capitals}"
    if re.search(r"\bsaid yet how you(?: would|'d| will|'ll| want to| plan to| hope to)\b", question):
        return "a plan asked how it was done"
    return None


def test_the_labels_cover_both_bank_folders():
    assert len({stem for stem, _kp in LABELS}) >= 8 and len(LABELS) > 100


@pytest.mark.parametrize("stem,kp", LABELS, ids=case_ids(LABELS))
def test_no_label_is_asked_about_as_if_a_statement_were_a_thing(stem, kp):
    with quiet(stem):         # an out-of-sample bank: its label not shown (followup_cases)
        q = follow_up_for(kp)
        assert about_a_clause(q) is None, (q, about_a_clause(q))
        assert q[:1].isupper() and q.endswith("?") and "  " not in q, q
        for plain in (kp, _plain(kp.label)):        # also as typed in the bank editor
            assert about_a_clause(follow_up_for(plain)) is None, follow_up_for(plain)


# the closing sentence a two-sentence follow-up may end with, after "You haven't said yet ..." or a question
_CLOSERS = ("Can you tell me about that?", "Can you walk me through that?", "Can you tell me about it?")
# how the first of two sentences opens: a point told back, or named after a colon (fixK: the plain form a label the
# rules cannot phrase is asked in)
_OPENERS = ("You haven't said yet", "You haven't covered this point yet: ")
_ABBREVIATIONS = re.compile(r"\b(?:e\.g|i\.e|vs|etc|approx)\.$|\b[A-Za-z]\.$")


def not_one_question(question: str) -> str | None:
    """What is wrong when a follow-up is not one grammatical question (walk20: "Can you tell me how journaling and
    replication were batched off the hot path. p99 fell under 2 ms and throughput tripled?", "Can you tell me how
    Airwallex moves money ..., which is the payments problem you want to work on?"): a label's own full stop or
    question mark inside it, a question asked about several sentences, "how"/"more about" asked of a clause that
    goes on with ", which ...", or "more about that <clause>"."""
    if re.search(r"[.?!:,;]\s*[?.]|[?!]\s*[.?]", question):
        return "two stops together"
    sentences, start = [], 0
    for m in re.finditer(r"[.?!](?=\s+\S)", question):
        if not _ABBREVIATIONS.search(question[start:m.end()]):
            sentences.append(question[start:m.end()].strip())
            start = m.end()
    sentences.append(question[start:].strip())
    if len(sentences) > 2:
        return f"{len(sentences)} sentences"
    if len(sentences) == 2 and (sentences[1] not in _CLOSERS or not (
            sentences[0].startswith(_OPENERS) and sentences[0].endswith(".")
            or sentences[0].endswith("?"))):
        return f"a sentence inside the question: {sentences[0]!r}"
    if not sentences[-1].endswith("?") or not sentences[0][:1].isupper():
        return "not a question"
    if re.search(r"\b(?:tell me|said yet) (?:how|why|more about)\b[^?.]*,\s*which\b", question):
        return "asked how or about a clause that goes on with “, which”"
    if re.search(r"\babout that (?:the|a|an|our|your|my|we|you|it|they|i)\b", question, re.IGNORECASE):
        return "asked about “that” + a clause"
    return None


def test_the_one_question_check_tells_a_question_from_a_pasted_label():
    for bad in ("Can you tell me how journaling and replication were batched off the hot path. p99 fell under 2 ms "
                "and throughput tripled?",
                "Can you tell me how Airwallex moves money across borders for small businesses, which is the "
                "payments problem you want to work on?",
                "Why this team?? Can you tell me about that?", "Can you tell me what would you do differently??",
                "You haven't said yet how you wrote the postmortem. Nobody was blamed. Can you walk me through that?",
                "Could you say what Airwallex builds. Tie it to your work?",
                "Can you tell me about that the fix held under load?"):
        assert not_one_question(bad), bad
    for good in ("Why this team? Can you tell me about that?", "Can you tell me about Kafka at high "
                 "throughput?", "You haven't said yet that you cut costs by 30%. Can you tell me about that?",
                 "Can you tell me about the design vs. the constraints?",
                 "You haven't said yet that Airwallex moves money across borders for small businesses, which is the "
                 "payments problem you want to work on. Can you tell me about that?",
                 "Can you tell me about that decision?"):
        assert not_one_question(good) is None, good


@pytest.mark.parametrize("label, asked", [
    # walk20: a label of two sentences, and one with its own full stop
    ("Journaling and replication were batched off the hot path. p99 fell under 2 ms and throughput tripled",
     "Can you tell me how journaling and replication were batched off the hot path?"),
    ("Journaling and replication were batched off the hot path. p99 fell under 2 ms and throughput tripled.",
     "Can you tell me how journaling and replication were batched off the hot path?"),
    ("I wrote the postmortem. Nobody was blamed.",
     "You haven't said yet how you wrote the postmortem. Can you walk me through that?"),
    ("Say what Airwallex builds. Tie it to your work.", "Could you say what Airwallex builds?"),
    ("Kafka partitions.", "Can you tell me about Kafka partitions?"),
    ("Retries are safe!", "Can you tell me how retries are safe?"),
    # walk20: a statement that goes on with ", which ..."
    ("Airwallex moves money across borders for small businesses, which is the payments problem I want to work on",
     "You haven't said yet that Airwallex moves money across borders for small businesses, which is the payments "
     "problem you want to work on. Can you tell me about that?"),
    # a label that is itself a question is asked as it is
    ("What would I do differently?", "What would you do differently?"),
    ("Why this team?", "Why this team?"),
    ("How did you measure it? With a load test", "How did you measure it?"),
    # a label that is a clause: "that ..."
    ("that the fix held under load", "You haven't said yet that the fix held under load. Can you tell me about "
                                     "that?"),
    ("That we cut costs by 30%", "You haven't said yet that you cut costs. Can you tell me about that?"),
    ("That decision and its trade-offs", "Can you tell me about that decision and its trade-offs?"),
    ("The design vs. the constraints", "Can you tell me about the design vs. the constraints?"),
    # walk21: a plain plural first, a full clause, a plan
    ("Chargebacks dropped by 18% after we added 3-D Secure", "How much did chargebacks drop?"),
    ("Retries used idempotency keys, e.g. the order id plus attempt",
     "Can you tell me how retries used idempotency keys?"),          # walk22: not its example
    ("I would add load tests earlier", "Can you tell me why you would add load tests earlier?"),
    ("I want to fix problems for the whole unit", "Can you tell me why you want to fix problems for the whole unit?"),
    ("PCI scope dropped by half", "How much did PCI scope drop?"),
    ("Refunds went through a PCI-scoped service", "Can you tell me how refunds went through a PCI-scoped service?"),
    ("First I made the area safe and looked after the person who was hurt",     # the adverb after "you": session 23
     "You haven't said yet how you first made the area safe and looked after the person who was hurt. Can you walk "
     "me through that?"),
])
def test_a_label_with_its_own_stops_or_a_clause_makes_one_question(label, asked):
    for kp in (KeyPoint(id="k", label=label, cues=()), _plain(label)):
        q = follow_up_for(kp)
        assert q == asked
        assert not_one_question(q) is None, (q, not_one_question(q))


@pytest.mark.parametrize("stem,kp", LABELS, ids=case_ids(LABELS))
def test_every_label_makes_one_grammatical_question(stem, kp):
    """Over every label of both bank folders, as written, as typed in the editor, with its own full stop, and
    with a second sentence pasted after it (walk20)."""
    with quiet(stem):         # an out-of-sample bank: its label not shown (followup_cases)
        for label in (kp.label, f"{kp.label.rstrip('.')}.", f"{kp.label.rstrip('.')}. It went well."):
            for each in (dataclasses.replace(kp, label=label), _plain(label)):
                q = follow_up_for(each)
                assert not_one_question(q) is None, (label, q, not_one_question(q))
                assert plainly_asked(q, NAMES[stem]) is None, (label, q, plainly_asked(q, NAMES[stem]))


def test_a_label_is_cut_at_its_first_sentence_as_the_notes_cut_it():
    """Fix40: the follow-ups and the notes cut sentences alike (one splitter, one list of abbreviations). Before, a
    follow-up stopped at "Dr." or "incl." (the notes' list had them, the follow-ups' not) and ran on past a full stop
    inside quotes ("done." Then ...)."""
    from voiceprep.core.banks.notes import propose_key_points

    for label, first in (("I worked with Dr. Lee on the rollout. Latency halved in a week", "worked with Dr. Lee on the rollout"),
                         ("Costs fell by 30%, incl. the hosting bill. Then we hired two engineers",
                          "costs fall"),      # mend56: "How much did costs fall?"
                         ('We called the migration "done." Then the pager went off at midnight', 'called the migration "done'),
                         ("We compared Postgres Vs. MySQL for the ledger. It paid off within a month",
                          "compared Postgres Vs. MySQL for the ledger")):
        q = follow_up_for(KeyPoint(id="k", label=label, cues=()))
        assert first in q and "Latency" not in q and "Then" not in q and "paid off" not in q, (label, q)
        assert not re.search(r"\b(?:Dr|incl|Vs)(?:\?|\. Can)", q), (label, q)      # cut after an abbreviation
        assert len(propose_key_points(label)) == 2, [p.label for p in propose_key_points(label)]


@pytest.mark.parametrize("label,asked", [
    ("I got the practice manager to agree to a second vet on Saturdays",
     "how you got the practice manager to agree to a second vet on Saturdays"),
    ("I asked the head chef to taste every sauce before service",
     "how you asked the head chef to taste every sauce before service"),
    ("I got two senior nurses to cover the night shifts", "how you got senior nurses to cover the night shifts"),
    ("I persuaded the owner to buy a second oven", "how you persuaded the owner to buy a second oven"),
])
def test_a_label_that_got_someone_to_do_something_is_asked_whole(label, asked):
    # data32: "I got X to do Y" was asked "how you got the practice manager": what they were got to do is the point
    assert asked in follow_up_for(KeyPoint(id="k", label=label, cues=()))


@pytest.mark.parametrize("label,asked", [
    ("I ran consumers per shard to keep ordering", "how you ran consumers"),
    ("I rebuilt the rota to cover the night shifts", "how you rebuilt the rota"),
])
def test_a_purpose_after_what_was_done_is_still_left_out(label, asked):
    question = follow_up_for(KeyPoint(id="k", label=label, cues=()))
    assert asked in question and " to " not in question.split(asked)[1].split(".")[0]


@pytest.mark.parametrize("label,asked", [
    # walk43 finding 4: a candidate's own verb-first points, read aloud as "Can you tell me more about Prioritise ...?"
    ("Prioritise urgent events such as payment failures on their own path",
     "How would you prioritise urgent events such as payment failures on their own path?"),
    ("archive everything to cheap storage and load it into the warehouse",
     "How would you archive everything to cheap storage and load it into the warehouse?"),
    ("Partition events by a key so one account's events stay in order", "How would you partition events by a key?"),
    # review35b: read as a statement first, "You haven't said yet that move urgent events to a separate queue."
    ("Move urgent events to a separate queue", "How would you move urgent events to a separate queue?"),
    ("Cache the hot reads in Redis", "How would you cache the hot reads in Redis?"),
    ("Ship small changes daily", "How would you ship small changes daily?"),
])
def test_a_verb_first_point_is_asked_how_you_would_do_it(label, asked):
    assert follow_up_for(KeyPoint(id="k", label=label, cues=())) == asked


def test_a_verb_first_point_of_a_story_question_is_asked_how_you_did_it():
    """walk43 finding 4: under "Tell me about a time...", what the candidate did: "How did you ...?"."""
    from voiceprep.core.banks.model import Bank, Job, Prompt, Round

    point = KeyPoint(id="k", label="Partition events by a key so one account's events stay in order", cues=("key",))
    story = Prompt(id="p", text="Tell me about a time you scaled an event pipeline.", key_points=(point,))
    bank = Bank(schema=1, job=Job(id="b", title="Engineer"), rounds=(Round(id="r", title="R", prompts=(story,)),))
    assert follow_up_for(point, bank) == "How did you partition events by a key?"


@pytest.mark.parametrize("label", ["Design reviews and RFCs", "Load balancing", "Test coverage across services",
                                   "Kafka partitions", "Retries with backoff", "Cut costs by 30%"])
def test_a_topic_that_starts_with_a_word_that_can_be_a_verb_is_not_asked_how_you_would(label):
    assert not follow_up_for(KeyPoint(id="k", label=label, cues=())).startswith("How would you")


@pytest.mark.parametrize("label,asked", [
    # data38: a point ending in a preposition fell back to "... Can you tell me about it, with the numbers?"
    ("After every job I asked what they weren't sure about",
     "You haven't said yet how, after every job, you asked what they weren't sure about. Can you walk me through that?"),
    ("I asked them after every job what they weren't sure about",
     "You haven't said yet how you asked them after every job what they weren't sure about. Can you walk me through "
     "that?"),
])
def test_a_point_ending_in_a_preposition_is_still_asked_naturally(label, asked):
    assert follow_up_for(KeyPoint(id="k", label=label, cues=())) == asked


def test_a_heading_before_a_colon_is_not_asked_back_but_what_its_note_is_about():
    """walk55 finding 4: "Can you tell me about closing the loop?", "...about distributed pieces?" (a heading, no
    word of the point's cues in it): the point is asked by what its note is about. A topic the cues name, one the
    story owns ("The problem:") or a note that lists is asked as before."""
    loop = KeyPoint("a", "Closing the loop: reconciliation caught what the flow missed",
                    ("reconciliation|reconcile", "mismatch|mismatches"))
    assert follow_up_for(loop) == "Can you tell me about reconciliation?"
    pieces = KeyPoint("a", "Distributed pieces: Kafka consumers that commit offsets only after the work is done",
                      ("Kafka", "offsets|offset|commit", "consumers|consumer"))
    assert follow_up_for(pieces) == "Can you tell me about Kafka consumers?"
    assert follow_up_for(KeyPoint("a", "Replication and failover: primaries, replicas and more",
                                  ("replication|replicas", "failover"))) == \
        "Can you tell me about replication and failover?"
    assert follow_up_for(KeyPoint("a", "The problem: lock contention in order matching", ("contention", "locks"))) == \
        "Can you tell me about the problem?"
    assert follow_up_for(KeyPoint("a", "Running it in production: profiling, pooling", ("profiling", "pool"))) == \
        "Can you tell me about running it in production?"


def test_the_bundled_payments_bank_asks_its_two_headed_points_as_an_interviewer_would():
    """walk55 finding 4: the bank writes both follow-ups itself."""
    bank = next(b for b in BankRegistry.discover().banks if b.id == "senior-backend-payments")
    asked = {kp.id: follow_up_for(kp, bank) for p in bank.all_prompts() for kp in p.key_points}
    assert asked["reconciliation-loop"].startswith("How did you find the payments the flow got wrong")
    assert asked["kafka-consumers"].startswith("How did your Kafka consumers make sure a message was not lost")


def test_a_capitalised_heading_is_asked_about_in_lower_case_a_name_keeps_its_capital():
    """walk65 5 (27-q3-feedback): the heading "Change control" of her own bank was asked "Can you tell me about Change
    control?": an unknown short word was kept as written. With the bank known, a plain English word it never writes as
    a name is lowered; a name of the bank's, an acronym or a Title Case run is not."""
    bank = next(b for b in BankRegistry.discover().banks if b.id == "airwallex")

    def asked(label: str) -> str:
        return follow_up_for(KeyPoint("x", label, tuple(label.lower().split()), cues_from_label=True), bank)

    assert asked("Change control") == "Can you tell me about change control?"
    # mend52 (read49b 3): lowered only when the bank writes the word in lower case ("change") or it is no name's word
    assert asked("Budget tracking") == "Can you tell me about Budget tracking?"       # a small wart, never a wrong name
    assert asked("Contingency") == "Can you tell me about contingency?"               # a lone word: another path
    assert asked("London office move") == "Can you tell me about London office move?"
    assert asked("Python migration") == "Can you tell me about Python migration?"
    assert asked("Getting buy-in") == "Can you tell me about getting buy-in?"
    assert asked("Kafka consumers") == "Can you tell me about Kafka consumers?"
    assert asked("PCI compliance") == "Can you tell me about PCI compliance?"
    assert asked("Airwallex pricing") == "Can you tell me about Airwallex pricing?"          # the bank's company
    assert asked("Press Ganey scores") == "Can you tell me about Press Ganey scores?"
    # without the bank, an unknown word is kept as written ("Spark jobs", "London office")
    assert follow_up_for(KeyPoint("x", "Change control", ("change",), cues_from_label=True)) == \
        "Can you tell me about Change control?"
