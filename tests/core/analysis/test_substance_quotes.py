"""walk60 4: a credited point whose label lists its items after a colon was quoted by the sentence closest to the
whole label, one that only names the topic ("Um, so, okay, the Postgres schema.") over the one that tells the point's
substance. Quotes only (analysis.quotes): every decision is the same with the rule off."""
from __future__ import annotations

import types
from dataclasses import replace
from types import SimpleNamespace
from typing import Any, cast

import numpy as np
import pytest

from tests.conftest import BANKS
from voiceprep.core.analysis import analyze
from voiceprep.core.analysis.analyze import analyze_answer
from voiceprep.core.analysis.judge import AnswerJudge, Judgement, label_numbers
from voiceprep.core.analysis.keypoints import KeyPointResult
from voiceprep.core.analysis.quotes import items_of, substance_quotes
from voiceprep.core.analysis.segments import Unit
from voiceprep.core.banks import load_bank
from voiceprep.core.banks.model import KeyPoint
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


# read45a 3 and 4, on a judge whose units and meanings are given (quotes.substance_quotes alone)
class _Embedder:
    def __init__(self, vectors: dict[str, list[float]]) -> None:
        self.vectors = vectors

    def embed(self, texts: list[str]) -> np.ndarray:
        return np.array([self.vectors[t] for t in texts], dtype=float)


def _fake_judge(units: list[Unit], vectors: list[list[float]], items: dict[str, list[float]],
                whole: dict[tuple[int, int], Unit] | None = None, numbers: list[frozenset[str]] | None = None) -> Any:
    judge = SimpleNamespace(embedder=_Embedder(items), vectors=np.array(vectors, dtype=float), units=units,
                            _numbers=numbers or [frozenset()] * len(units), _ones=[frozenset()] * len(units))
    judge._whole = lambda u: (whole or {}).get((u.first, u.last), u)
    judge._cues_follow = lambda r: None
    judge._says_own_number = types.MethodType(AnswerJudge._says_own_number, judge)
    return judge


def _unit(first: int, last: int, text: str, kind: str = "sentence") -> Unit:
    return Unit(first, last, text, kind, frozenset(), frozenset())


def _credited(kp_id: str, label: str, unit: Unit, n: int) -> KeyPointResult:
    judgement = Judgement(0.9, cast(Any, None), unit, 0.5, "meaning", quotes=np.zeros(n))
    return KeyPointResult(KeyPoint(kp_id, label, ()), True, 0.9, judgement=judgement)


SCHEMA_LABEL = "The schema: a double-entry ledger, immutable entries"
LEDGER = {"a double-entry ledger": [1.0, 0.0, 0.0], "immutable entries": [0.0, 1.0, 0.0]}


def test_a_quote_is_not_moved_into_a_sentence_another_point_quotes():
    units = [_unit(0, 3, "the Postgres schema."), _unit(10, 13, "two rows per movement", "clause"),
             _unit(10, 20, "two rows per movement of money, one for each side."), _unit(30, 35, "we never changed one.")]
    judge = _fake_judge(units, [[0, 0, 1], [0.7, 0.7, 0], [0.5, 0.5, 0], [0.6, 0.6, 0]], LEDGER)
    schema = _credited("schema", SCHEMA_LABEL, units[0], len(units))
    other = _credited("other", "Money moves in pairs", units[2], len(units))
    assert substance_quotes(judge, [schema, other], 0.1) == [schema]
    assert (schema.judgement.unit.first, schema.judgement.unit.last) == (30, 35)    # not the clause of (10, 20)


def test_a_quote_widened_into_another_points_quote_gives_way_to_the_next():
    units = [_unit(0, 3, "the Postgres schema."), _unit(30, 33, "we never changed one", "clause"),
             _unit(18, 35, "and after that we never changed one."), _unit(40, 45, "entries stayed as written."),
             _unit(10, 20, "two rows per movement of money.")]
    judge = _fake_judge(units, [[0, 0, 1], [0.7, 0.7, 0], [0, 0, 1], [0.6, 0.6, 0], [0, 0, 1]], LEDGER,
                        whole={(30, 33): units[2]})
    schema = _credited("schema", SCHEMA_LABEL, units[0], len(units))
    other = _credited("other", "Money moves in pairs", units[4], len(units))
    assert substance_quotes(judge, [schema, other], 0.1) == [schema]
    assert (schema.judgement.unit.first, schema.judgement.unit.last) == (40, 45)


def test_a_quote_that_gives_the_figure_its_label_states_is_kept():
    label = "Availability: 99.95 uptime, multi-region failover, health checks"
    items = {"99.95 uptime": [1.0, 0.0, 0.0], "multi-region failover": [0.0, 1.0, 0.0], "health checks": [0, 0, 1.0]}
    units = [_unit(0, 5, "We got it to 99.95."), _unit(10, 20, "we ran in two regions with checks.")]
    judge = _fake_judge(units, [[0.1, 0.1, 0.1], [0.7, 0.7, 0.7]], items,
                        numbers=[label_numbers("99.95"), frozenset()])
    assert label_numbers("99.95") and label_numbers("99.95") <= label_numbers(label)
    point = _credited("availability", label, units[0], len(units))
    assert substance_quotes(judge, [point], 0.1) == []
    assert point.judgement.unit is units[0]


def test_a_moved_quote_leaves_the_structure_and_ending_cards_as_they_were(monkeypatch):
    # read45a 5: the Structure and Ending cards read the points where the judge quoted them (what `analyze_delivery`
    # is given, and the last credited word `off_topic_tail` reads after); a re-quote changes only the key point card
    bank = load_bank(BANKS / "senior-backend-payments.toml")
    prompt = bank.prompt("postgres-reconciliation")
    read: list[Any] = []
    given = analyze.analyze_delivery
    monkeypatch.setattr(analyze, "analyze_delivery", lambda *a, **k: (read.append(list(a[5])), given(*a, **k))[1])
    last = analyze.last_credited
    monkeypatch.setattr(analyze, "last_credited", lambda *a: (read.append(last(*a)), read[-1])[1])
    off = analyze_answer(bank, prompt, Transcript.from_text(SCHEMA),
                         replace(AnalysisSettings(), substance_quote_margin=99.0))
    read_off, read[:] = list(read), []
    on = analyze_answer(bank, prompt, Transcript.from_text(SCHEMA))
    assert on.evidence["ledger-schema"][0].first_word != off.evidence["ledger-schema"][0].first_word   # it moved
    assert len(read) == 2 and read == read_off, (read, read_off)
    assert on.delivery.findings == off.delivery.findings
