"""walk60 4: a credited point whose label lists its items after a colon was quoted by the sentence closest to the
whole label, one that only names the topic ("Um, so, okay, the Postgres schema.") over the one that tells the point's
substance. Quotes only (analysis.quotes): every decision is the same with the rule off."""
from __future__ import annotations

from dataclasses import replace

import pytest

from tests.conftest import BANKS
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.quotes import items_of
from voiceprep.core.banks import load_bank
from voiceprep.core.transcript import Transcript
from voiceprep.settings import AnalysisSettings

pytestmark = pytest.mark.usefixtures("fresh_judge")    # tests/core/analysis/conftest.py

# walk60's typed Q2 (/tmp/walk60/ans/a2.txt), as she wrote it: the schema is named first, then told
SCHEMA = ('Um, so, okay, the Postgres schema. Um, so we had, uh, we had this, um, this ledger, and, um, it was, it was '
          'kind of a double entry ledger, I think, um, where every, um, every movement of money was, uh, two rows, like '
          'a debit and a credit, and, um, yeah. And we kept the amounts as, um, integers, in cents, uh, because, um, '
          'floats are, you know, floats are bad for money. Um. And the entries were, um, append only, we never, uh, we '
          'never updated them. So, um, then the reconciliation part. Um, so every night, um, the processor sent us a '
          'settlement file, and, um, we had to, uh, match every, um, every line of that file against our own records. '
          'And, um, that query was really slow at first, like, um, it took, uh, forty minutes, I think, um, because it '
          'was, uh, doing a sequential scan over, um, the whole transactions table. So, um, I ran, uh, EXPLAIN ANALYZE '
          'on it and, um, we added a, um, a composite index on, uh, the processor reference and the settlement date, '
          'and, um, after that it ran in, um, about ninety seconds. Um. And, uh, we also partitioned the table by, um, '
          'by month, so, um, old partitions could be, uh, archived to cold storage. And, um, the mismatches, the, um, '
          "the breaks, went into a, um, a queue for the finance team, um, to look at. Um, yeah, I think, um, that's, "
          "uh, that's mostly it. Um, and we used, um, transactions, obviously, um, for the writes. Yeah.")


def test_items_of_a_label_are_what_it_lists_after_its_colon():
    items = items_of("The schema: a double-entry ledger, immutable entries, amounts as integers or numeric, never "
                     "floats")
    assert items[:2] == ["a double-entry ledger", "immutable entries"] and "never floats" in items, items
    assert items_of("Latency came down by sixty percent") == []


def test_a_point_is_quoted_by_the_sentence_that_says_its_items_not_by_one_naming_its_topic():
    bank = load_bank(BANKS / "senior-backend-payments.toml")
    prompt = bank.prompt("postgres-reconciliation")
    off = analyze_answer(bank, prompt, Transcript.from_text(SCHEMA),
                         replace(AnalysisSettings(), substance_quote_margin=99.0))
    on = analyze_answer(bank, prompt, Transcript.from_text(SCHEMA))
    assert on.judge.method == "semantic", on.judge.message
    assert [(r.key_point.id, r.hit, r.confidence) for r in on.key_points] == \
        [(r.key_point.id, r.hit, r.confidence) for r in off.key_points]           # quotes only
    assert off.evidence["ledger-schema"][0].text == "Um, so, okay, the Postgres schema."     # main's quote
    quote = on.evidence["ledger-schema"][0].text
    assert "Postgres schema." not in quote and ("ledger" in quote or "debit" in quote), quote
