"""Fuzz the bank loader: every input ends in a Bank or a BankLoadError, quickly.

The in-suite run is a fixed-seed 600 files plus hypothesis examples; `python -m bench.bank_fuzz`
runs 20,000 (results in docs/benchmarks.md).
"""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.bank_fuzz import PER_FILE_LIMIT_S, generate, run
from tests.core.banks.test_load import GOOD
from voiceprep.core.banks import BankLoadError, parse_bank
from voiceprep.core.banks.load import UNEXPECTED

FUZZ = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


def test_fixed_seed_generated_files(tmp_path):
    result = run(generate(600, seed=7), tmp_path)
    assert result.files == 600 and not result.failures, result.failures[:5]
    assert result.loaded > 0 and result.refused > 0          # the mutations both keep and break banks
    assert result.slowest_s < PER_FILE_LIMIT_S


def _check(text: str) -> None:
    start = time.perf_counter()
    try:
        parse_bank(text, "fuzz.toml")
    except BankLoadError as exc:
        assert exc.errors and UNEXPECTED not in str(exc), str(exc)[:300]
    assert time.perf_counter() - start < PER_FILE_LIMIT_S


@FUZZ
@given(st.text(max_size=2000))
def test_any_text(text):
    _check(text)


@settings(FUZZ, max_examples=300)
@given(st.integers(0, len(GOOD)), st.text(alphabet=st.sampled_from(list("[]{}\"'=.#\n ,\\abc019-+_")), max_size=200))
def test_toml_punctuation_spliced_into_a_good_bank(pos, splice):
    _check(GOOD[:pos] + splice + GOOD[pos:])


_scalar = st.one_of(st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
                    st.text(max_size=30), st.booleans())
_value = st.recursive(_scalar, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                      max_leaves=20)
_keys = st.sampled_from(["id", "label", "cues", "weight", "min_cues", "competency", "text", "title", "x"])


@settings(FUZZ, max_examples=80)
@given(st.lists(st.tuples(st.sampled_from(["rounds[0].prompts[0].key_points[0]", "rounds[0].prompts[0]",
                                           "rounds[0]", "job", "competencies[0]"]), _keys, _value), max_size=6))
def test_structurally_valid_toml_with_wrong_values(edits):
    """Well-formed TOML (written by tomlkit) with any value in any field: only field errors, never a crash."""
    import tomlkit

    doc = tomlkit.parse(GOOD)
    for where, key, value in edits:
        node = doc
        for part in where.split("."):
            name, _, index = part.partition("[")
            node = node[name][int(index[:-1])] if index else node[name]
        try:
            node[key] = value
        except (ValueError, TypeError):     # tomlkit cannot write it (e.g. NaN as a key); not the loader's input
            continue
    _check(doc.as_string())
