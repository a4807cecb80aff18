"""A small bank of one round and one prompt as the TOML a person writes, for the tests that load, edit or open their
own (tests/core/banks/test_load.py's GOOD, test_point_names.py, the bank editor's duplicate ids)."""

from __future__ import annotations

import json
from typing import Any

WARD_JOB = {"id": "ward-manager", "title": "Ward Manager"}
BEHAVIOURAL = {"id": "behavioural", "title": "Behavioural"}
STAFFING = {"id": "staffing", "text": "Tell me about a staffing crisis on your ward."}


def bank_text(*points: dict[str, Any], top: dict[str, Any] | None = None, job: dict[str, Any] = WARD_JOB,
              competencies: tuple[dict[str, Any], ...] = (), rnd: dict[str, Any] = BEHAVIOURAL,
              prompt: dict[str, Any] = STAFFING) -> str:
    """The bank's text: `schema = 1` and the `top` fields (vocabulary...), then [job], each [[competencies]], the
    round, its prompt and the prompt's `points`, one table each, a blank line between, each field `key = value`."""
    tables = [("", {"schema": 1, **(top or {})}), ("[job]", job), *(("[[competencies]]", c) for c in competencies),
              ("[[rounds]]", rnd), ("[[rounds.prompts]]", prompt), *(("[[rounds.prompts.key_points]]", p) for p in points)]
    return "\n\n".join("\n".join([header] * bool(header) + [f"{key} = {json.dumps(value)}" for key, value in fields.items()])
                       for header, fields in tables) + "\n"
