"""All banks the app can offer: the bundled ones and the user's own directory."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from voiceprep import paths
from voiceprep.core.banks.document import write_atomically
from voiceprep.core.banks.load import BankError, BankLoadError, IdHolder, load_bank
from voiceprep.core.banks.model import Bank


def listing_key(name: str) -> list[tuple[int, int, str]]:
    """A folder's banks are listed by name, word by word, numbers as numbers: "X (my copy)", "X (my copy 2)", …
    "X (my copy 10)" (walk19: by file name, airwallex-mine-2.toml, "(my copy 2)", came before airwallex-mine.toml)."""
    return [(0, int(t), "") if t.isdigit() else (1, 0, t) for t in re.findall(r"\d+|[^\W\d_]+", name.casefold())]


def _title_of(file: Path) -> str:
    """The job title a bank file that did not load gives, read as TOML (walk68 3: the welcome named its bank by its
    id); "" when the file does not read so far."""
    try:
        job = tomllib.loads(file.read_text(encoding="utf-8")).get("job")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return ""
    title = job.get("title") if isinstance(job, dict) else None
    return " ".join(title.split()) if isinstance(title, str) else ""


def lineage_of(bank_id: str, find: Callable[[str], Any | None]) -> tuple[str, ...]:
    """`bank_id`, then the bank it was copied from (job.copied_from), and that one's, as far as `find` knows them
    (BankRegistry.lineage; the welcome reads it with the app's own `find`)."""
    ids = [bank_id]
    while (up := getattr(getattr(find(ids[-1]), "job", None), "copied_from", None)) and up not in ids:
        ids.append(up)
    return tuple(ids)


@dataclass
class BankRegistry:
    """Loaded banks plus the errors of the files that could not be used (never raised)."""

    banks: list[Bank] = field(default_factory=list)
    errors: list[BankError] = field(default_factory=list)
    bundled: set[str] = field(default_factory=set)
    unloaded: dict[str, str] = field(default_factory=dict)    # id -> the file that held it last and has not loaded
    unloaded_titles: dict[str, str] = field(default_factory=dict)   # id -> that file's job title, as far as it reads

    @classmethod
    def discover(cls, dirs: list[Path] | None = None, record: Path | None = None) -> BankRegistry:
        """The banks of `dirs` (default: bundled, then the user's). Two files with one id: an earlier folder's keeps
        it (bundled before own); within a folder the file that held it at the last listing (`record`, default
        paths.bank_files_record() for the default folders), else the older file, keeps it, and the newcomer is
        refused (walk50: a friend's file copied in took the candidate's practised bank's place). A file that held an
        id at the last listing and now fails to load keeps it: a newcomer with that id is refused meanwhile (fixCI:
        offered in its place, the friend's bank showed her answers until her fix took the id back)."""
        registry = cls()
        if dirs is None:
            dirs = [paths.bundled_banks_dir(), paths.user_banks_dir()]
            record = paths.bank_files_record() if record is None else record
        known = _read_record(record)
        for i, directory in enumerate(dirs):
            try:
                files = sorted(Path(directory).glob("*.toml"))
            except OSError as exc:
                registry.errors.append(BankError(str(directory), None, "", f"cannot list this folder: {exc.strerror}"))
                continue
            loaded: list[Bank] = []
            for file in files:
                try:
                    loaded.append(load_bank(file))
                except BankLoadError as exc:
                    registry.errors.extend(exc.errors)
                    held = {bank_id: path for bank_id, path in known.items() if path == str(file)}
                    registry.unloaded.update(held)
                    title = _title_of(file) if held else ""
                    registry.unloaded_titles.update(dict.fromkeys(held, title) if title else {})
            keepers = {bank_id: _keeper([b for b in loaded if b.id == bank_id], known.get(bank_id))
                       for bank_id in dict.fromkeys(b.id for b in loaded)}
            first = len(registry.banks)
            for bank in loaded:
                registry.add(bank, bundled=(i == 0 and len(dirs) > 1), keeper=keepers[bank.id])
            registry.banks[first:] = sorted(registry.banks[first:], key=lambda b: listing_key(b.name))
        if record is not None:
            _write_record(record, known, {b.id: str(b.source) for b in registry.banks if b.source is not None})
        return registry

    def add_file(self, file: Path, bundled: bool = False) -> Bank | None:
        try:
            bank = load_bank(file)
        except BankLoadError as exc:
            self.errors.extend(exc.errors)
            return None
        return self.add(bank, bundled)

    def add(self, bank: Bank, bundled: bool = False, keeper: Bank | None = None) -> Bank | None:
        """Offer `bank` unless its id is taken: by a bank already added, by a file that held it and has not loaded
        (`unloaded`), or by `keeper` (another file of this folder, same id)."""
        holder = self.holder(bank.id, bank.source)
        if holder is None and keeper is not None and keeper is not bank:
            holder = _held_by(keeper, bundled)
        if holder is not None:
            self.errors.append(BankError(str(bank.source or bank.id), None, "job.id", f"{holder.reason}, so this file "
                                         + ("was not loaded; that bank and its answers are unchanged" if holder.loaded
                                            else "was not loaded either"), holder=holder))
            return None
        self.banks.append(bank)
        if bundled:
            self.bundled.add(bank.id)
        return bank

    def labels(self) -> dict[str, str]:
        """How each bank is listed in the pickers, by id: its name, unless another bank has the same name (a bank
        drafted from the job post of a bundled bank): then the candidate's own bank says "(mine)", and its file name
        too when two of their own banks share the name. Bundled banks keep their name as shipped. Names are the same
        when their words are (walkthrough 10: "Engineer, Backend Platform" and "Engineer - Backend Platform" looked
        alike in the pickers, and neither was marked)."""
        def key(name: str) -> str:
            return " ".join(re.findall(r"\w+", name.casefold()))

        counts: dict[str, int] = {}
        for b in self.banks:
            counts[key(b.name)] = counts.get(key(b.name), 0) + 1
        mine: dict[str, int] = {}
        for b in self.banks:
            if counts[key(b.name)] > 1 and b.id not in self.bundled:
                mine[key(b.name)] = mine.get(key(b.name), 0) + 1
        out: dict[str, str] = {}
        for b in self.banks:
            if counts[key(b.name)] == 1 or b.id in self.bundled:
                out[b.id] = b.name
            elif mine[key(b.name)] == 1:
                out[b.id] = f"{b.name} (mine)"
            else:
                out[b.id] = f"{b.name} (mine, {b.source.name if b.source else b.id})"
        return out

    def find(self, bank_id: str) -> Bank | None:
        return next((b for b in self.banks if b.id == bank_id), None)

    def holder(self, bank_id: str, file: Path | str | None = None) -> IdHolder | None:
        """Who holds `bank_id`, unless it is `file`: a bank offered, else a file that held it at the last listing and
        has not loaded since; None when a file with this id would be offered. The one answer for the Banks page, the
        bank editor, `banks list` and `banks check`."""
        bank = self.find(bank_id)
        if bank is not None:
            return None if _same_file(bank.source, file) else _held_by(bank, bank_id in self.bundled)
        held = self.unloaded.get(bank_id)
        if held is None or _same_file(held, file):
            return None
        return IdHolder(bank_id, held, loaded=False)

    def lineage(self, bank_id: str) -> tuple[str, ...]:
        """The bank ids whose answers are this bank's history: its own, then the bank it was duplicated from
        (job.copied_from), and that one's, as far as they are known (walkthrough 13: a duplicated bank lost its
        history). The ids of banks since removed stay, so their answers still count."""
        return lineage_of(bank_id, self.find)

    def get(self, id_or_path: str) -> Bank:
        """A bank by id, or by file path; KeyError/BankLoadError with a clear message otherwise."""
        bank = self.find(id_or_path)
        if bank is not None:
            return bank
        candidate = Path(id_or_path)
        if candidate.suffix == ".toml" or candidate.exists():
            return load_bank(candidate)
        known = ", ".join(b.id for b in self.banks) or "none"
        raise KeyError(f"no bank {id_or_path!r} (known banks: {known}; or give a .toml file path)")


def _held_by(bank: Bank, bundled: bool) -> IdHolder:
    return IdHolder(bank.id, str(bank.source) if bank.source is not None else "", bank.name, bundled)


def _same_file(a: Path | str | None, b: Path | str | None) -> bool:
    if a is None or b is None:
        return False
    try:
        return Path(a).resolve() == Path(b).resolve()
    except (OSError, RuntimeError):
        return Path(a) == Path(b)


def _keeper(group: list[Bank], known: str | None) -> Bank:
    """Of the files sharing one id, the one that keeps it: the one that held it before, else the oldest, else the
    first by name."""
    held = next((b for b in group if known is not None and str(b.source) == known), None)
    return held or min(group, key=lambda b: _age(b.source))


def _age(source: Path | None) -> float:
    try:
        return source.stat().st_mtime if source is not None else 0.0
    except OSError:
        return 0.0


def _read_record(record: Path | None) -> dict[str, str]:
    """Which file held each id at the last listing; empty if there is none or it cannot be read (never raised)."""
    if record is None:
        return {}
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _write_record(record: Path, known: dict[str, str], now: dict[str, str]) -> None:
    """Remember which file holds each id (ids no file holds now are kept, so a file moved away and back keeps its
    claim); a record that cannot be written only loses that memory. A recorded holder whose file is still there keeps
    its claim though it fails to load (review, session 39: her file failing once, mid-edit, gave the id to a friend's
    same-id file for good); a file that now holds another id gives its old one up."""
    holding = set(now.values())
    kept = {bank_id: file for bank_id, file in known.items() if file not in holding or now.get(bank_id) == file}
    merged = {**kept, **{bank_id: file for bank_id, file in now.items()
                         if bank_id not in kept or not Path(kept[bank_id]).exists()}}
    if merged == known:
        return
    try:
        write_atomically(record, json.dumps(merged, indent=1, sort_keys=True) + "\n")
    except OSError:
        pass
