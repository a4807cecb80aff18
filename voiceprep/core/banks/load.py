"""Read and validate a bank file. Every problem is reported with file, line and field path.

Whatever the bytes, loading ends in bounded time and memory with a Bank or a BankLoadError
(never another exception): the file must be a regular file under a size cap, nesting and dotted
keys are capped before tomllib sees the text, and numbers must be finite.
"""

from __future__ import annotations

import difflib
import math
import os
import re
import stat
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from voiceprep.core.banks.locate import Path_, Scan, format_path, line_of, scan
from voiceprep.core.banks.model import DELIVERY_ASPECTS, Bank, Competency, Job, KeyPoint, Prompt, Round
from voiceprep.core.banks.toml_words import toml_problem
from voiceprep.core.invisible import without_invisible
from voiceprep.core.wording import counted
from voiceprep.settings import BankSettings

_T = TypeVar("_T", Prompt, KeyPoint)
Table = dict[str, Any]

SCHEMA_VERSION = 2      # the newest this voiceprep reads; 2: a key point may say which names it put into the
OLDEST_SCHEMA = 1       # vocabulary (added_to_vocabulary), so a voiceprep that reads only 1 refuses it by its schema
_LARGEST = 10**9             # no count, time or weight in a bank comes near this
WEIGHT_TOLERANCE = 0.001
DEFAULT_DELIVERY_WEIGHT = 0.3   # share of a delivery-linked competency that comes from delivery
DEFAULT_TARGET_SECONDS = 120
TARGET_SECONDS_RANGE = (10, 1800)      # a prompt's target time: from 10 s to 30 min
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_STOPWORDS = frozenset(
    [
        "a", "an", "and", "are", "as", "at", "be", "by", "about", "for", "from", "how", "i", "in", "into", "is", "it",
        "its", "my", "of", "on", "or", "our", "say", "so", "that", "the", "their", "them", "then", "there", "these",
        "they", "this", "to", "was", "we", "what", "when", "where", "which", "who", "why", "will", "with", "you",
        "your", "mention", "name", "give", "explain", "describe", "talk", "tell", "show", "point", "out",
        # function words that carry no point of their own ("...so it could not happen again" is not about "not")
        "not", "no", "nor", "never", "again", "also", "just", "very", "really", "can", "could", "would", "should",
        "shall", "may", "might", "must", "did", "does", "done", "have", "has", "had", "been", "being", "were",
        "but", "if", "than", "too", "once", "only", "own", "same", "such", "each", "every", "other", "both", "few",
        "more", "most", "some", "any", "all", "because", "while", "after", "before", "over", "under", "off",
        "she", "his", "her", "him", "ours", "yours", "mine", "me", "us", "whom", "whose", "those",
    ]
)


@dataclass(frozen=True)
class IdHolder:
    """The file that holds a bank id (`BankRegistry.holder`): a bank offered, or a file that held the id at the last
    listing and has not loaded since (it keeps the id until it is fixed, given another id or removed)."""

    bank_id: str
    file: str                    # "" for a bank read from text, not a file
    name: str = ""               # the bank's name; "" when the file has not loaded
    bundled: bool = False
    loaded: bool = True

    @property
    def reason(self) -> str:
        """Why another file with this id is not offered: the id, and the bank or the file that has it, as she knows
        them: its title and its file's name ("“Ward manager” (ward-manager.toml)"), "the bundled bank “…”", or the
        file's name when it has not loaded; never the whole path (her own banks are one folder; a front end gives the
        path where she must go and find the file: a terminal's "move it over …", the Banks page's Open the file).
        What to do is `todo`."""
        if not self.loaded:
            return f"{self.bank_id!r} is already the id of {Path(self.file).name}, which has not loaded"
        if self.bundled:
            return f"{self.bank_id!r} is already the id of the bundled bank “{self.name}”"
        return f"{self.bank_id!r} is already the id of “{self.name}”" + (f" ({Path(self.file).name})" if self.file else "")

    def todo(self, replace: str = "") -> str:
        """What to do with another file refused for this id, the part every front end says in the same words: fix or
        remove a file that has not loaded; else give the newcomer another id, then the front end's own way to
        `replace` the holder's file with it ("or import it with …"; "" for none)."""
        also = "to use this one too, give it another id (job.id)"
        if not self.loaded:
            return f"fix {Path(self.file).name} or remove it; {also}"
        return f"{also}, {replace}" if replace else also


@dataclass(frozen=True)
class BankError:
    file: str
    line: int | None
    field: str
    message: str
    syntax: bool = False         # the file is not valid TOML (a bank's own problems are read once it is)
    place: str = ""              # `field` as a person reads it: "round tech, prompt double-charge, key point 2, label"
    holder: IdHolder | None = None   # a file refused for its id: who holds it (each front end says what to do)
    other: str = ""              # a duplicate id: the field path of the item that has it first ("rounds[0].prompts[1]"),
                                 # so the editor can name it by its words, not by a line of a file she never opened

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = self.place or self.field
        return f"{where}: {field}: {self.message}" if field else f"{where}: {self.message}"


# what to do with a file too big to be a bank (its text and its size on disk say it alike; the GUI adds nothing)
SPLIT_IT = "split it into smaller banks, one for each round or two"
# what to do with a key point's label over `BankSettings.max_label_chars` (walk61 1: 352,200 characters pasted)
SHORTEN_LABEL = "keep the one thing you want to say, in a sentence or two, and keep the rest in your notes"


def label_too_long(length: int, limits: BankSettings) -> str:
    """Why a key point's label of `length` characters is too long, in the words after its place and "Key point" ("is
    352,200 characters; a key point is at most 400: keep ..."), else "". Its length only: checked before any work on
    its words."""
    if length <= limits.max_label_chars:
        return ""
    return f"is {length:,} characters; a key point is at most {limits.max_label_chars:,}: {SHORTEN_LABEL}"

# how a person names an item of each list: the bank editor's tree too (one place, read38a)
NAMED_PLACES = {"competencies": "competency", "rounds": "round", "prompts": "prompt", "key_points": "key point"}
# ... and an item of a list field, counted from 1 ("cue 3", not "cues[2]": walk48, read38a)
_ITEM_OF = {"cues": "cue", "vocabulary": "vocabulary word", "added_to_vocabulary": "added vocabulary word",
            "must_haves": "must-have", "delivery": "delivery measure"}


def named_place(path: Path_, root: Any) -> str:
    """Where a problem is, as the app names it (walk48: `rounds[0].prompts[0].key_points[1]` counted from zero): a
    round, prompt or competency by the id written in the file, else its number from 1; a key point by its number; the
    field's own name last: ("rounds", 0, "prompts", 1, "label") -> "round tech, prompt double-charge, label"."""
    parts: list[str] = []
    node, plain = root, False           # plain: the last part is a field's name ("job.title" stays one)
    for i, part in enumerate(path):
        if isinstance(part, int):
            continue
        after = path[i + 1] if i + 1 < len(path) else None
        index = after if isinstance(after, int) else None
        node = node.get(part) if isinstance(node, dict) else None
        if index is None or part not in NAMED_PLACES:      # a field's name; an item of a list field, from 1
            name = part if index is None else f"{_ITEM_OF.get(part, part + ' item')} {index + 1}"
            parts.append(f"{parts.pop()}.{name}" if plain else name)
            plain = True
            continue
        node = node[index] if isinstance(node, list) and index < len(node) else None
        written = node.get("id") if isinstance(node, dict) and part != "key_points" else None
        parts.append(f"{NAMED_PLACES[part]} {written if isinstance(written, str) and written.strip() else index + 1}")
        plain = False
    return ", ".join(parts)


class BankLoadError(Exception):
    """A bank file could not be used; `errors` lists every problem found. `round_titles` are its rounds' titles
    when the file was read as TOML (so a problem can name "Behavioural", not "Round 1"), else empty."""

    def __init__(self, errors: list[BankError], round_titles: tuple[str, ...] = ()):
        # from the file's top to its bottom, those of no line last: the first shown is the same everywhere (the
        # app's "(+N more)", `banks check`, `score`; walk48: line 21's before line 19's; read38b)
        self.errors = sorted(errors, key=lambda e: (e.line is None, e.line or 0))
        self.round_titles = round_titles
        super().__init__("\n".join(str(e) for e in self.errors))


def _fail(file: str, line: int | None, message: str) -> BankLoadError:
    return BankLoadError([BankError(file, line, "", message)])


# field name -> (accepted types, required)
_SPEC: dict[str, dict[str, tuple[tuple[type, ...], bool]]] = {
    "root": {"schema": ((int,), True), "job": ((dict,), True), "competencies": ((list,), False),
             "rounds": ((list,), True), "vocabulary": ((list,), False)},
    "job": {"id": ((str,), True), "title": ((str,), True), "company": ((str,), False),
            "level": ((str,), False), "must_haves": ((list,), False), "description": ((str,), False),
            "copied_from": ((str,), False)},
    "competency": {"id": ((str,), True), "name": ((str,), True), "weight": ((int, float), True),
                   "definition": ((str,), False), "delivery": ((list,), False), "delivery_weight": ((int, float), False)},
    "round": {"id": ((str,), True), "title": ((str,), True), "description": ((str,), False),
              "prompts": ((list,), True)},
    "prompt": {"id": ((str,), True), "text": ((str,), True), "target_seconds": ((int,), False),
               "follow_up": ((str,), False), "key_points": ((list,), True), "vocabulary": ((list,), False)},
    "key_point": {"id": ((str,), True), "label": ((str,), True), "cues": ((list,), False),
                  "min_cues": ((int,), False), "competency": ((str,), False),
                  "weight": ((int, float), False), "follow_up": ((str,), False),
                  # the names this point put into the bank's vocabulary (core/banks/point_names): the editor takes
                  # them out again when the point goes or no longer says them
                  "added_to_vocabulary": ((list,), False)},
}


# what to write for a missing required field, in the file's own syntax
_HOW_TO_ADD = {
    "schema": "schema = 1 as the first line", "job": "a [job] table with an id and a title",
    "rounds": "a [[rounds]] table with an id, a title and its prompts", "id": 'id = "a-short-name"',
    "title": 'title = "..."', "name": 'name = "..."', "weight": "weight = 0.25",
    "prompts": "a [[rounds.prompts]] table with the question as text",
    "text": 'text = "the question the interviewer asks"',
    "key_points": "a [[rounds.prompts.key_points]] table with a label: what you want to say",
    "label": 'label = "what you want to say"',
}


class _Checker:
    def __init__(self, file: str, found: Scan, max_errors: int, limits: BankSettings | None = None):
        self.file = file
        self.limits = limits or BankSettings()
        self.lines = found.lines
        self.errors: list[BankError] = []
        self.max_errors = max_errors
        self.dropped = 0
        self.root: Any = None           # the file's tables, for naming a problem's place (named_place)

    @property
    def full(self) -> bool:
        return len(self.errors) >= self.max_errors

    def error(self, path: Path_, message: str, other: Path_ = ()) -> None:
        if self.full:
            self.dropped += 1
            return
        self.errors.append(BankError(self.file, line_of(self.lines, path), format_path(path), message,
                                     place=named_place(path, self.root), other=format_path(other) if other else ""))

    def finish(self) -> list[BankError]:
        if self.dropped:
            self.errors.append(BankError(self.file, None, "", f"... and {counted(self.dropped, 'more problem')} not listed; "
                                                                "fix these first"))
        return self.errors

    def table(self, data: Any, path: Path_, kind: str) -> Table | None:
        """Check one table against its spec; return it if it can be read further."""
        if not isinstance(data, dict):
            self.error(path, f"must be a table, got {type(data).__name__}")
            return None
        spec = _SPEC[kind]
        for key in data:
            if key not in spec:
                hint = "" if self.full else _hint(key, list(spec), "allowed")
                self.error(path + (key,), f"unknown field{hint}")
        for key, (types, required) in spec.items():
            if key not in data:
                if required:
                    self.error(path, f"missing required field {key!r}: add {_HOW_TO_ADD.get(key, key + ' = ...')}")
                continue
            value = data[key]
            if isinstance(value, bool) or not isinstance(value, types):
                names = "a number" if float in types else " or ".join(_type_name(t) for t in types)
                self.error(path + (key,), f"must be {names}, got {_type_name(type(value))}")
            elif isinstance(value, float) and not math.isfinite(value):
                self.error(path + (key,), f"must be a finite number, got {value}")
            elif isinstance(value, int) and abs(value) > _LARGEST:
                self.error(path + (key,), "is far too large a number")
            elif isinstance(value, str) and not value.strip():
                self.error(path + (key,), "must not be empty")
        return data

    def text(self, data: Table, key: str, default: str | None = None) -> str | None:
        value = data.get(key, default)
        return value.strip() if isinstance(value, str) and value.strip() else default

    def slug(self, data: Table, path: Path_) -> str | None:
        value = data.get("id")
        if isinstance(value, str) and value and not _SLUG.match(value):
            self.error(path + ("id",), f"{value!r} may use only lowercase letters, digits, '-' and '_' (e.g. my-bank)")
        return value if isinstance(value, str) else None

    def strings(self, data: Table, key: str, path: Path_) -> tuple[str, ...]:
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

    def unique(self, ids: list[tuple[str | None, Path_]], what: str) -> None:
        seen: dict[str, Path_] = {}
        for value, path in ids:
            if value is None:
                continue
            if value in seen:
                first = line_of(self.lines, seen[value])
                self.error(path + ("id",), f"duplicate {what} id {value!r} (first used on line {first})", seen[value])
            else:
                seen[value] = path


def _number(value: Any, default: float) -> float:
    """A weight as a float; `default` for anything that is not a plain number (the checker reports it)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return default
    if isinstance(value, int) and abs(value) > _LARGEST:
        return default
    return float(value)


def _hint(value: str, choices: list[str], listed: str) -> str:
    """"; did you mean 'x'?" for a likely typo, else the list of valid choices."""
    close = difflib.get_close_matches(value[:80], choices, n=1)
    return f"; did you mean {close[0]!r}?" if close else f"; {listed}: {', '.join(choices)}"


def _type_name(t: type) -> str:
    return {str: "a string", int: "an integer", float: "a number", list: "an array",
            dict: "a table", bool: "true/false"}.get(t, t.__name__)


def label_min_cues(cues: tuple[str, ...] | list[str]) -> int:
    """How many of the cues made from a label (`default_cues`) a point needs when its file writes no `min_cues`: half
    of them, at least one. One rule for the loader, the judge and the bank editor's Try it."""
    return max(1, math.ceil(len(cues) / 2))


def default_cues(label: str) -> tuple[str, ...]:
    """A key point without cues is matched on its label's content words."""
    words = re.findall(r"[A-Za-z0-9][A-Za-z0-9'+%.-]*", label)
    out: dict[str, None] = {}
    for w in words:
        w = w.strip(".-'")
        if w and w.lower() not in _STOPWORDS and len(w) > 2:
            out.setdefault(w, None)
    return tuple(out) or (label,)


def parse_bank(text: str, file: str = "<bank>", limits: BankSettings | None = None) -> Bank:
    """Parse and validate bank text; raise BankLoadError listing every problem (and nothing else)."""
    limits = limits or BankSettings()
    try:
        return _parse(text, file, limits)
    except BankLoadError:
        raise
    except RecursionError:
        raise _fail(file, None, "values are nested too deeply to read; a bank nests at most two levels") from None
    except MemoryError:
        raise _fail(file, None, "too large to read; a bank is a few KB of text") from None
    except Exception as exc:
        raise _fail(file, None, f"could not be read ({type(exc).__name__}); {UNEXPECTED}") from None


UNEXPECTED = "this is a voiceprep bug: please report it with the file"


def _parse(text: str, file: str, limits: BankSettings) -> Bank:
    if _utf8_size(text) > limits.max_file_bytes:    # in bytes, as on disk: the editor and the next load agree
        raise one_too_big(text, file, limits) or _fail(
            file, None, f"the file is {_utf8_size(text):,} bytes; a bank is at most {limits.max_file_bytes:,} "
                        f"(bundled banks are about 15,000): {SPLIT_IT}")
    text = without_invisible(text)[0]   # what a paste brought that shows as nothing splits a word for the judge and the
    found = scan(text)                  # voice (read47b 2: the editor cleans what it writes; a file may still hold them)
    if found.max_nesting > limits.max_nesting:
        raise _fail(file, found.nesting_line, f"values nested {found.max_nesting} levels deep (at most "
                                              f"{limits.max_nesting}); a bank uses lists like [\"a\", \"b\"]")
    if found.max_key_parts > limits.max_key_parts:
        raise _fail(file, found.key_parts_line, f"a key or table name with {found.max_key_parts} dotted parts (at most "
                                                f"{limits.max_key_parts}); bank tables look like [[rounds.prompts]]")
    try:
        raw = tomllib.loads(text)
    except ValueError as exc:       # TOMLDecodeError, and int() refusing a 5,000-digit number
        line, message = toml_problem(str(exc), text)
        raise BankLoadError([BankError(file, line, "", message, syntax=True)]) from None
    c = _Checker(file, found, limits.max_errors, limits)
    c.root = raw
    root = c.table(raw, (), "root")
    assert root is not None
    schema = root.get("schema")
    if isinstance(schema, int) and schema > SCHEMA_VERSION:
        c.error(("schema",), f"made by a newer voiceprep (schema {schema}); this one reads schema {OLDEST_SCHEMA} to "
                             f"{SCHEMA_VERSION}: update voiceprep to open it")
    elif isinstance(schema, int) and schema < OLDEST_SCHEMA:
        c.error(("schema",), f"unsupported schema {schema}; this voiceprep reads schema {OLDEST_SCHEMA} to "
                             f"{SCHEMA_VERSION}")

    job_raw = c.table(root.get("job", {}), ("job",), "job") if "job" in root else None
    job = None
    if job_raw is not None:
        job_id = c.slug(job_raw, ("job",))
        job = Job(id=job_id or "", title=c.text(job_raw, "title", "") or "",
                  company=c.text(job_raw, "company"), level=c.text(job_raw, "level"),
                  must_haves=c.strings(job_raw, "must_haves", ("job",)),
                  description=c.text(job_raw, "description"), copied_from=c.text(job_raw, "copied_from"))

    competencies = _competencies(c, root)
    comp_ids = {comp.id for comp in competencies}
    rounds = _rounds(c, root, comp_ids, bool(competencies))
    vocabulary = c.strings(root, "vocabulary", ())

    if c.errors or job is None:
        raise BankLoadError(c.finish(), _titles(root.get("rounds")))
    return Bank(schema=schema if isinstance(schema, int) else SCHEMA_VERSION, job=job, rounds=tuple(rounds),
                competencies=tuple(competencies), vocabulary=vocabulary, text=text)


# a file over the size cap is read as TOML to find the one field that makes it so only up to this many times the cap
_CULPRIT_READ_FACTOR = 4


def _one_field_too_long(text: str, file: str, limits: BankSettings) -> BankLoadError | None:
    """A file too big because of one field (walk61 1: a key point's label of 352,200 characters made it 355,112, and
    "split it into smaller banks" was the wrong advice): that field's problem, named at its place, what to do said
    for it; None when no one field makes it too big (or the file is too big to read at all). Sizes are UTF-8 bytes,
    as a file's size on disk is measured (a field of 900 characters can be 2,700 bytes)."""
    total = _utf8_size(text)
    if total > _CULPRIT_READ_FACTOR * limits.max_file_bytes:
        return None
    try:
        raw = tomllib.loads(text)
    except ValueError:
        return None
    longest: tuple[int, Path_, str] = (0, (), "")
    stack: list[tuple[Any, Path_]] = [(raw, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, dict):
            stack.extend((v, path + (k,)) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((v, path + (i,)) for i, v in enumerate(node))
        elif isinstance(node, str) and _utf8_size(node) > longest[0]:
            longest = (_utf8_size(node), path, node)
    size, path, field = longest
    if total - size > limits.max_file_bytes:
        return None                 # without it the file is still too big: splitting the bank is the advice
    what = (SHORTEN_LABEL if path[-1:] == ("label",) and "key_points" in path
            else "shorten it, or keep the long text in your notes")
    message = (f"is {size:,} bytes, which makes the file {total:,} (a bank is at most "
               f"{limits.max_file_bytes:,}): {what}")
    if what == SHORTEN_LABEL:
        message = f"{label_too_long(len(field), limits)} (the file is {total:,} bytes)"
    return BankLoadError([BankError(file, line_of(scan(text).lines, path), format_path(path), message,
                                    place=named_place(path, raw))], _titles(raw.get("rounds")))


def _one_line_too_long(text: str, file: str, limits: BankSettings) -> BankLoadError | None:
    """A file too big because of one line that is no one field (a note pasted as a comment, or a line TOML cannot
    read): that line, and what to do; None when no one line makes it too big. Sizes in UTF-8 bytes, as on disk."""
    lines = text.split("\n")
    number, longest = max(enumerate(lines, 1), key=lambda item: _utf8_size(item[1]))
    total = _utf8_size(text)
    if total - _utf8_size(longest) > limits.max_file_bytes:
        return None
    what = "a comment" if longest.lstrip().startswith("#") else "a line"
    return _fail(file, number, f"{what} of {_utf8_size(longest):,} bytes makes the file {total:,} (a bank is at "
                               f"most {limits.max_file_bytes:,}): shorten it, or keep the long text in your notes")


def _utf8_size(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def one_too_big(text: str, file: str, limits: BankSettings) -> BankLoadError | None:
    """Why a bank's text over the size cap is too big when one field or one line makes it so, else None (its text
    and its size on disk say it alike; fixDN's leftover: the size on disk said "split it into smaller banks" whatever
    the cause)."""
    return _one_field_too_long(text, file, limits) or _one_line_too_long(text, file, limits)


def _titles(rounds: object) -> tuple[str, ...]:
    """Each round's title as written ("" where it has none or it is not text)."""
    if not isinstance(rounds, list):
        return ()
    return tuple(str(r["title"]) if isinstance(r, dict) and isinstance(r.get("title"), str) else "" for r in rounds)


def _competencies(c: _Checker, root: Table) -> list[Competency]:
    out: list[Competency] = []
    ids: list[tuple[str | None, Path_]] = []
    value = root.get("competencies")
    items: list[Any] = value if isinstance(value, list) else []
    for i, item in enumerate(items):
        path: Path_ = ("competencies", i)
        data = c.table(item, path, "competency")
        if data is None:
            continue
        cid = c.slug(data, path)
        ids.append((cid, path))
        weight = _number(data.get("weight"), 0.0)
        if "weight" in data and math.isfinite(weight) and abs(weight) <= _LARGEST and not 0 < weight <= 1:
            c.error(path + ("weight",), f"must be greater than 0 and at most 1, got {weight:g}")
        delivery, delivery_weight = _delivery(c, data, path)
        out.append(Competency(id=cid or "", name=c.text(data, "name", cid) or "", weight=weight,
                              definition=c.text(data, "definition", "") or "", delivery=delivery,
                              delivery_weight=delivery_weight))
    c.unique(ids, "competency")
    if out:
        total = sum(comp.weight for comp in out)
        if not math.isclose(total, 1.0, abs_tol=WEIGHT_TOLERANCE):
            c.error(("competencies",), f"weights add up to {weight_text(total)}; they should add up to 1")
    return out


def weight_text(weight: float) -> str:
    """A weight or a sum of weights as the bank's problems and its editor say it: "0.5", "1.1", "0.125"."""
    return f"{weight:.3f}".rstrip("0").rstrip(".")


def _delivery(c: _Checker, data: Table, path: Path_) -> tuple[tuple[str, ...], float]:
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


def _rounds(c: _Checker, root: Table, comp_ids: set[str], needs_competency: bool) -> list[Round]:
    value = root.get("rounds")
    rounds_raw: list[Any] = value if isinstance(value, list) else []
    if isinstance(value, list) and not value:
        c.error(("rounds",), "a bank needs at least one round")
    rounds: list[Round] = []
    round_ids: list[tuple[str | None, Path_]] = []
    prompt_ids: list[tuple[str | None, Path_]] = []
    for ri, item in enumerate(rounds_raw):
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


def _children(c: _Checker, data: Table, path: Path_, key: str, empty_message: str,
              parse: Callable[[Any, Path_], _T | None]) -> tuple[list[_T], list[tuple[str | None, Path_]]]:
    """Parse an array of child tables; return the parsed children and (id, path) pairs for uniqueness."""
    value = data.get(key)
    raw: list[Any] = value if isinstance(value, list) else []
    if key in data and not raw:
        c.error(path + (key,), empty_message)
    items: list[_T] = []
    ids: list[tuple[str | None, Path_]] = []
    for i, item in enumerate(raw):
        child_path = path + (key, i)
        parsed = parse(item, child_path)
        if parsed is not None:
            ids.append((parsed.id or None, child_path))
            items.append(parsed)
    return items, ids


def _prompt(c: _Checker, item: Any, path: Path_, comp_ids: set[str], needs_competency: bool) -> Prompt | None:
    data = c.table(item, path, "prompt")
    if data is None:
        return None
    pid = c.slug(data, path)
    target = data.get("target_seconds", DEFAULT_TARGET_SECONDS)
    if isinstance(target, int) and not isinstance(target, bool) and abs(target) <= _LARGEST and \
            not TARGET_SECONDS_RANGE[0] <= target <= TARGET_SECONDS_RANGE[1]:
        c.error(path + ("target_seconds",), f"must be between {TARGET_SECONDS_RANGE[0]} and {TARGET_SECONDS_RANGE[1]} "
                f"seconds, got {target}")
    kps, kp_ids = _children(c, data, path, "key_points",
                            "a prompt needs at least one key point to check the answer against",
                            lambda item, p: _key_point(c, item, p, comp_ids, needs_competency))
    c.unique(kp_ids, "key point")
    return Prompt(id=pid or "", text=c.text(data, "text", "") or "", key_points=tuple(kps),
                  target_seconds=target if isinstance(target, int) else DEFAULT_TARGET_SECONDS,
                  follow_up=c.text(data, "follow_up"), vocabulary=c.strings(data, "vocabulary", path))


def _key_point(c: _Checker, item: Any, path: Path_, comp_ids: set[str], needs_competency: bool) -> KeyPoint | None:
    data = c.table(item, path, "key_point")
    if data is None:
        return None
    kid = c.slug(data, path)
    label = c.text(data, "label", "") or ""
    if too_long := label_too_long(len(label), c.limits):
        c.error(path + ("label",), too_long)
        label = label[:c.limits.max_label_chars]            # its cues are made from what a label can be
    cues = c.strings(data, "cues", path)
    c.strings(data, "added_to_vocabulary", path)      # checked only: the judge does not read it
    if "cues" in data and isinstance(data["cues"], list) and not data["cues"]:
        c.error(path + ("cues",), "is empty; remove it to match on the label's words, or list some cues")
    derived = not cues
    if derived:
        cues = default_cues(label) if label else ()
    default_min = label_min_cues(cues) if derived else 1
    min_cues = data.get("min_cues", default_min)
    if isinstance(min_cues, int) and not isinstance(min_cues, bool) and abs(min_cues) <= _LARGEST:
        if min_cues < 1:
            c.error(path + ("min_cues",), f"must be at least 1, got {min_cues}")
        elif min_cues > len(cues) and (cues or not derived):      # an empty label is its own (only) problem
            have = f"{len(cues)} cue" + ("" if len(cues) == 1 else "s")
            c.error(path + ("min_cues",), f"is {min_cues} but the key point has only {have}")
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
    weight = _number(data.get("weight", 1.0), 1.0)
    if weight <= 0:
        c.error(path + ("weight",), f"must be greater than 0, got {weight:g}")
    return KeyPoint(id=kid or "", label=label, cues=cues, min_cues=min_cues,
                    competency=competency if isinstance(competency, str) else None,
                    weight=weight,
                    follow_up=c.text(data, "follow_up"), cues_from_label=derived)


def read_bank_text(path: str | Path, limits: BankSettings | None = None) -> str:
    """The text of a bank file: a regular file, under the size cap, UTF-8 (a BOM is allowed)."""
    limits = limits or BankSettings()
    path = Path(path)
    name = str(path)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise _fail(name, None, "file not found") from None
    except IsADirectoryError:
        raise _fail(name, None, "is a folder, not a bank file") from None
    except OSError as exc:
        raise _fail(name, None, f"cannot read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a pipe" if stat.S_ISFIFO(info.st_mode) else \
                "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else "not a regular file"
            raise _fail(name, None, f"is {kind}, not a bank file; put only .toml text files in the banks folder")
        if info.st_size > limits.max_file_bytes:
            # one field or one line that makes it too big is named, at its place (read only up to a few times the cap)
            if info.st_size <= _CULPRIT_READ_FACTOR * limits.max_file_bytes:
                with os.fdopen(fd, "rb", closefd=False) as f:
                    whole = f.read(_CULPRIT_READ_FACTOR * limits.max_file_bytes + 1)
                try:
                    culprit = one_too_big(whole.decode("utf-8-sig"), name, limits)
                except Exception:   # only better advice: a file TOML cannot even walk (deep nesting) gets "split it"
                    culprit = None
                if culprit is not None:
                    raise culprit
            raise _fail(name, None, f"the file is {info.st_size:,} bytes; a bank is at most {limits.max_file_bytes:,} "
                                    f"(bundled banks are about 15,000): {SPLIT_IT}")
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(limits.max_file_bytes + 1)
    except OSError as exc:
        raise _fail(name, None, f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > limits.max_file_bytes:
        raise _fail(name, None, f"is larger than {limits.max_file_bytes:,} bytes; a bank is a few KB of text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _fail(name, line, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at column {column}); "
                                "save the file as UTF-8") from None


def load_bank(path: str | Path, limits: BankSettings | None = None) -> Bank:
    """Load one bank file; raise BankLoadError (never another exception) when it cannot be used."""
    path = Path(path)
    text = read_bank_text(path, limits)
    bank = parse_bank(text, str(path), limits)
    object.__setattr__(bank, "source", path)
    return bank
