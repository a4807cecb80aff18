"""Read and validate a bank file. Every problem is reported with file, line and field path."""

from __future__ import annotations

import difflib
import math
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from voiceprep.core.banks.locate import format_path, index_lines, line_of
from voiceprep.core.banks.model import DELIVERY_ASPECTS, Bank, Competency, Job, KeyPoint, Prompt, Round

SCHEMA_VERSION = 1
WEIGHT_TOLERANCE = 0.001
DEFAULT_DELIVERY_WEIGHT = 0.3   # share of a delivery-linked competency that comes from delivery
DEFAULT_TARGET_SECONDS = 120
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_STOPWORDS = frozenset(
    [
        "a", "an", "and", "are", "as", "at", "be", "by", "about", "for", "from", "how", "i", "in", "into", "is", "it",
        "its", "my", "of", "on", "or", "our", "say", "so", "that", "the", "their", "them", "then", "there", "these",
        "they", "this", "to", "was", "we", "what", "when", "where", "which", "who", "why", "will", "with", "you",
        "your", "mention", "name", "give", "explain", "describe", "talk", "tell", "show", "point", "out"
    ]
)


@dataclass(frozen=True)
class BankError:
    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class BankLoadError(Exception):
    """A bank file could not be used; `errors` lists every problem found."""

    def __init__(self, errors: list[BankError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


# field name -> (accepted types, required)
_SPEC: dict[str, dict[str, tuple[tuple[type, ...], bool]]] = {
    "root": {"schema": ((int,), True), "job": ((dict,), True), "competencies": ((list,), False),
             "rounds": ((list,), True), "vocabulary": ((list,), False)},
    "job": {"id": ((str,), True), "title": ((str,), True), "company": ((str,), False),
            "level": ((str,), False), "must_haves": ((list,), False), "description": ((str,), False)},
    "competency": {"id": ((str,), True), "name": ((str,), True), "weight": ((int, float), True),
                   "definition": ((str,), False), "delivery": ((list,), False), "delivery_weight": ((int, float), False)},
    "round": {"id": ((str,), True), "title": ((str,), True), "description": ((str,), False),
              "prompts": ((list,), True)},
    "prompt": {"id": ((str,), True), "text": ((str,), True), "target_seconds": ((int,), False),
               "follow_up": ((str,), False), "key_points": ((list,), True)},
    "key_point": {"id": ((str,), True), "label": ((str,), True), "cues": ((list,), False),
                  "min_cues": ((int,), False), "competency": ((str,), False),
                  "weight": ((int, float), False), "follow_up": ((str,), False)},
}


class _Checker:
    def __init__(self, file: str, text: str):
        self.file = file
        self.lines = index_lines(text)
        self.errors: list[BankError] = []

    def error(self, path: tuple, message: str) -> None:
        self.errors.append(BankError(self.file, line_of(self.lines, path), format_path(path), message))

    def table(self, data: Any, path: tuple, kind: str) -> dict | None:
        """Check one table against its spec; return it if it can be read further."""
        if not isinstance(data, dict):
            self.error(path, f"must be a table, got {type(data).__name__}")
            return None
        spec = _SPEC[kind]
        for key in data:
            if key not in spec:
                self.error(path + (key,), f"unknown field{_hint(key, list(spec), 'allowed')}")
        for key, (types, required) in spec.items():
            if key not in data:
                if required:
                    self.error(path, f"missing required field {key!r}")
                continue
            value = data[key]
            if isinstance(value, bool) or not isinstance(value, types):
                names = "a number" if float in types else " or ".join(_type_name(t) for t in types)
                self.error(path + (key,), f"must be {names}, got {_type_name(type(value))}")
            elif isinstance(value, str) and not value.strip():
                self.error(path + (key,), "must not be empty")
        return data

    def text(self, data: dict, key: str, default: str | None = None) -> str | None:
        value = data.get(key, default)
        return value.strip() if isinstance(value, str) and value.strip() else default

    def slug(self, data: dict, path: tuple) -> str | None:
        value = data.get("id")
        if isinstance(value, str) and value and not _SLUG.match(value):
            self.error(path + ("id",), f"{value!r} must be a slug: lowercase letters, digits, '-' or '_'")
        return value if isinstance(value, str) else None

    def strings(self, data: dict, key: str, path: tuple) -> tuple[str, ...]:
        value = data.get(key)
        if not isinstance(value, list):
            return ()
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.error(path + (key, i), "must be a non-empty string")
            else:
                out.append(item.strip())
        return tuple(out)

    def unique(self, ids: list[tuple[str | None, tuple]], what: str) -> None:
        seen: dict[str, tuple] = {}
        for value, path in ids:
            if value is None:
                continue
            if value in seen:
                first = line_of(self.lines, seen[value])
                self.error(path + ("id",), f"duplicate {what} id {value!r} (first used on line {first})")
            else:
                seen[value] = path


def _hint(value: str, choices: list[str], listed: str) -> str:
    """"; did you mean 'x'?" for a likely typo, else the list of valid choices."""
    close = difflib.get_close_matches(value, choices, n=1)
    return f"; did you mean {close[0]!r}?" if close else f"; {listed}: {', '.join(choices)}"


def _type_name(t: type) -> str:
    return {str: "a string", int: "an integer", float: "a number", list: "an array",
            dict: "a table", bool: "true/false"}.get(t, t.__name__)


def default_cues(label: str) -> tuple[str, ...]:
    """A key point without cues is matched on its label's content words."""
    words = re.findall(r"[A-Za-z0-9][A-Za-z0-9'+%.-]*", label)
    out: dict[str, None] = {}
    for w in words:
        w = w.strip(".-'")
        if w and w.lower() not in _STOPWORDS and len(w) > 2:
            out.setdefault(w, None)
    return tuple(out) or (label,)


def parse_bank(text: str, file: str = "<bank>") -> Bank:
    """Parse and validate bank text; raise BankLoadError listing every problem."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"at line (\d+)", str(exc))
        line = int(match.group(1)) if match else max(1, len(text.splitlines()))  # "at end of document"
        raise BankLoadError([BankError(file, line, "",
                                       f"not valid TOML: {exc}")]) from None
    c = _Checker(file, text)
    root = c.table(raw, (), "root")
    assert root is not None
    schema = root.get("schema")
    if isinstance(schema, int) and schema != SCHEMA_VERSION:
        c.error(("schema",), f"unsupported schema {schema}; this voiceprep reads schema {SCHEMA_VERSION}")

    job_raw = c.table(root.get("job", {}), ("job",), "job") if "job" in root else None
    job = None
    if job_raw is not None:
        job_id = c.slug(job_raw, ("job",))
        job = Job(id=job_id or "", title=c.text(job_raw, "title", "") or "",
                  company=c.text(job_raw, "company"), level=c.text(job_raw, "level"),
                  must_haves=c.strings(job_raw, "must_haves", ("job",)),
                  description=c.text(job_raw, "description"))

    competencies = _competencies(c, root)
    comp_ids = {comp.id for comp in competencies}
    rounds = _rounds(c, root, comp_ids, bool(competencies))
    vocabulary = c.strings(root, "vocabulary", ())

    if c.errors or job is None:
        raise BankLoadError(c.errors)
    return Bank(schema=SCHEMA_VERSION, job=job, rounds=tuple(rounds),
                competencies=tuple(competencies), vocabulary=vocabulary, text=text)


def _competencies(c: _Checker, root: dict) -> list[Competency]:
    out: list[Competency] = []
    ids = []
    items = root.get("competencies") if isinstance(root.get("competencies"), list) else []
    for i, item in enumerate(items):
        path = ("competencies", i)
        data = c.table(item, path, "competency")
        if data is None:
            continue
        cid = c.slug(data, path)
        ids.append((cid, path))
        weight = data.get("weight")
        if isinstance(weight, (int, float)) and not isinstance(weight, bool):
            if not 0 < weight <= 1:
                c.error(path + ("weight",), f"must be greater than 0 and at most 1, got {weight}")
        else:
            weight = 0.0
        delivery, delivery_weight = _delivery(c, data, path)
        out.append(Competency(id=cid or "", name=c.text(data, "name", cid) or "", weight=float(weight),
                              definition=c.text(data, "definition", "") or "", delivery=delivery,
                              delivery_weight=delivery_weight))
    c.unique(ids, "competency")
    if out:
        total = sum(comp.weight for comp in out)
        if not math.isclose(total, 1.0, abs_tol=WEIGHT_TOLERANCE):
            c.error(("competencies",), f"weights sum to {total:.3f}; they must sum to 1.0 (+-{WEIGHT_TOLERANCE})")
    return out


def _delivery(c: _Checker, data: dict[str, Any], path: tuple[Any, ...]) -> tuple[tuple[str, ...], float]:
    """A competency's optional link to delivery: aspects (pace, fillers...) and their share of its score."""
    aspects = c.strings(data, "delivery", path)
    for a in aspects:
        if a not in DELIVERY_ASPECTS:
            c.error(path + ("delivery",), f"unknown delivery aspect {a!r}{_hint(a, list(DELIVERY_ASPECTS), 'known')}")
    weight = data.get("delivery_weight", DEFAULT_DELIVERY_WEIGHT if aspects else 0.0)
    if not isinstance(weight, (int, float)) or isinstance(weight, bool):
        weight = 0.0
    elif not 0 <= weight <= 1:
        c.error(path + ("delivery_weight",), f"must be between 0 and 1, got {weight}")
    elif weight and not aspects:
        c.error(path + ("delivery_weight",), "needs `delivery`, the aspects it weighs (e.g. [\"pace\", \"fillers\"])")
    return tuple(a for a in aspects if a in DELIVERY_ASPECTS), float(weight)


def _rounds(c: _Checker, root: dict, comp_ids: set[str], needs_competency: bool) -> list[Round]:
    rounds_raw = root.get("rounds")
    if isinstance(rounds_raw, list) and not rounds_raw:
        c.error(("rounds",), "a bank needs at least one round")
    rounds: list[Round] = []
    round_ids, prompt_ids = [], []
    for ri, item in enumerate(rounds_raw if isinstance(rounds_raw, list) else []):
        rpath = ("rounds", ri)
        data = c.table(item, rpath, "round")
        if data is None:
            continue
        round_ids.append((c.slug(data, rpath), rpath))
        prompts, ids = _children(c, data, rpath, "prompts", "a round needs at least one prompt",
                                 lambda item, p: _prompt(c, item, p, comp_ids, needs_competency))
        prompt_ids.extend(ids)
        rounds.append(Round(id=data.get("id") or "", title=c.text(data, "title", "") or "",
                            prompts=tuple(prompts), description=c.text(data, "description")))
    c.unique(round_ids, "round")
    c.unique(prompt_ids, "prompt")
    return rounds


def _children(c: _Checker, data: dict, path: tuple, key: str, empty_message: str, parse) -> tuple[list, list]:
    """Parse an array of child tables; return the parsed children and (id, path) pairs for uniqueness."""
    raw = data.get(key) if isinstance(data.get(key), list) else []
    if key in data and not raw:
        c.error(path + (key,), empty_message)
    items, ids = [], []
    for i, item in enumerate(raw):
        child_path = path + (key, i)
        parsed = parse(item, child_path)
        if parsed is not None:
            ids.append((parsed.id or None, child_path))
            items.append(parsed)
    return items, ids


def _prompt(c: _Checker, item: Any, path: tuple, comp_ids: set[str], needs_competency: bool) -> Prompt | None:
    data = c.table(item, path, "prompt")
    if data is None:
        return None
    pid = c.slug(data, path)
    target = data.get("target_seconds", DEFAULT_TARGET_SECONDS)
    if isinstance(target, int) and not isinstance(target, bool) and not 10 <= target <= 1800:
        c.error(path + ("target_seconds",), f"must be between 10 and 1800 seconds, got {target}")
    kps, kp_ids = _children(c, data, path, "key_points",
                            "a prompt needs at least one key point to check the answer against",
                            lambda item, p: _key_point(c, item, p, comp_ids, needs_competency))
    c.unique(kp_ids, "key point")
    return Prompt(id=pid or "", text=c.text(data, "text", "") or "", key_points=tuple(kps),
                  target_seconds=target if isinstance(target, int) else DEFAULT_TARGET_SECONDS,
                  follow_up=c.text(data, "follow_up"))


def _key_point(c: _Checker, item: Any, path: tuple, comp_ids: set[str], needs_competency: bool) -> KeyPoint | None:
    data = c.table(item, path, "key_point")
    if data is None:
        return None
    kid = c.slug(data, path)
    label = c.text(data, "label", "") or ""
    cues = c.strings(data, "cues", path)
    if "cues" in data and isinstance(data["cues"], list) and not data["cues"]:
        c.error(path + ("cues",), "is empty; remove it to match on the label's words, or list some cues")
    derived = not cues
    if derived:
        cues = default_cues(label) if label else ()
    default_min = max(1, math.ceil(len(cues) / 2)) if derived else 1
    min_cues = data.get("min_cues", default_min)
    if isinstance(min_cues, int) and not isinstance(min_cues, bool):
        if min_cues < 1:
            c.error(path + ("min_cues",), f"must be at least 1, got {min_cues}")
        elif min_cues > len(cues):
            c.error(path + ("min_cues",), f"is {min_cues} but the key point has only {len(cues)} cue(s)")
    else:
        min_cues = default_min
    competency = data.get("competency")
    if isinstance(competency, str):
        if not comp_ids:
            c.error(path + ("competency",), f"names {competency!r} but the bank defines no [[competencies]]")
        elif competency not in comp_ids:
            c.error(path + ("competency",), f"unknown competency {competency!r}{_hint(competency, sorted(comp_ids), 'known')}")
    elif needs_competency and "competency" not in data:
        c.error(path, "missing required field 'competency' (the bank defines competencies)")
    weight = data.get("weight", 1.0)
    if isinstance(weight, (int, float)) and not isinstance(weight, bool) and weight <= 0:
        c.error(path + ("weight",), f"must be greater than 0, got {weight}")
    return KeyPoint(id=kid or "", label=label, cues=cues, min_cues=min_cues,
                    competency=competency if isinstance(competency, str) else None,
                    weight=float(weight) if isinstance(weight, (int, float)) else 1.0,
                    follow_up=c.text(data, "follow_up"), cues_from_label=derived)


def load_bank(path: str | Path) -> Bank:
    """Load one bank file; raise BankLoadError (never another exception) when it cannot be used."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BankLoadError([BankError(str(path), None, "", "file not found")]) from None
    except UnicodeDecodeError as exc:
        raise BankLoadError([BankError(str(path), None, "", f"not UTF-8 text ({exc.reason}); save it as UTF-8")]) from None
    except OSError as exc:
        raise BankLoadError([BankError(str(path), None, "", f"cannot read: {exc.strerror}")]) from None
    bank = parse_bank(text, str(path))
    object.__setattr__(bank, "source", path)
    return bank
