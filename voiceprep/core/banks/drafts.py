"""Unsaved editor work, kept on disk so closing (or a crash) never loses it.

A draft is a small JSON file in the user's banks folder under `.drafts/` (the registry reads only
`*.toml`, so drafts are never offered as banks): the bank text and the file it will be saved to.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from voiceprep import paths
from voiceprep.core.banks.document import write_atomically


@dataclass(frozen=True)
class Draft:
    file: Path              # the draft's own JSON file
    target: Path | None     # where the bank will be saved; None for a bank never saved yet
    text: str
    saved_at: float

    @property
    def title(self) -> str:
        """The bank's title as written in the draft, for "resume editing X"."""
        for line in self.text.splitlines():
            if line.strip().startswith("title") and "=" in line:
                return line.split("=", 1)[1].strip().strip("\"'") or "untitled bank"
        return "untitled bank"


def drafts_dir() -> Path:
    path = paths.user_banks_dir() / ".drafts"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def new_draft_file() -> Path:
    return drafts_dir() / f"draft-{time.time_ns()}.json"


def save_draft(file: Path, target: Path | None, text: str) -> None:
    write_atomically(file, json.dumps({"target": str(target) if target else None, "text": text,
                                       "saved_at": time.time()}))


def load_drafts() -> list[Draft]:
    """Every readable draft, newest first; unreadable ones are skipped (never raised)."""
    out = []
    for file in drafts_dir().glob("draft-*.json"):
        try:
            raw = json.loads(file.read_text(encoding="utf-8"))
            target = Path(raw["target"]) if raw.get("target") else None
            out.append(Draft(file, target, str(raw["text"]), float(raw.get("saved_at", 0))))
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return sorted(out, key=lambda d: d.saved_at, reverse=True)


def discard_draft(file: Path) -> None:
    file.unlink(missing_ok=True)
