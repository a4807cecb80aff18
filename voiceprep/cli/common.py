"""Small helpers shared by the CLI commands."""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


class CliError(Exception):
    """A user-facing error: printed as one line, exit status 1."""


def _finite(x: Any) -> Any:
    """NaN and infinity as null: they are not valid JSON."""
    if isinstance(x, float):
        return x if math.isfinite(x) else None
    if isinstance(x, dict):
        return {k: _finite(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [_finite(v) for v in x]
    return x


def print_json(data: Any) -> None:
    json.dump(_finite(data), sys.stdout, indent=2, ensure_ascii=False, allow_nan=False)
    sys.stdout.write("\n")


@contextmanager
def user_errors(doing: str) -> Iterator[None]:
    """Any failure inside becomes a CliError in the user's words (no traceback, no library text)."""
    from voiceprep.app import user_message

    try:
        yield
    except CliError:
        raise
    except (KeyboardInterrupt, BrokenPipeError):
        raise
    except Exception as exc:
        raise CliError(user_message(exc, doing)) from None


def bank_lineage() -> Callable[[str], tuple[str, ...]]:
    """A bank id's lineage (BankRegistry.lineage: a duplicated bank's answers take in those of the bank it was
    copied from), as the app reads it; the banks are read on the first call only, by a command that names a bank."""
    from voiceprep.core.banks import BankRegistry

    registry: list[BankRegistry] = []

    def lineage(bank_id: str) -> tuple[str, ...]:
        if not registry:
            registry.append(BankRegistry.discover())
        return registry[0].lineage(bank_id)
    return lineage


@contextmanager
def app_history() -> Iterator[Any]:
    """The user's history for one command: files private to the user, connections closed at the end. A bank's
    history follows its lineage, as the app's History and Progress do (bank_lineage)."""
    from voiceprep.app import HistoryService, PracticeSession, open_history
    from voiceprep.app.files import private_umask
    from voiceprep.settings import Settings

    private_umask()
    settings = Settings.load()
    access = open_history(settings=settings.history)
    try:
        yield HistoryService(access, bank_lineage()), PracticeSession(access, settings)
    finally:
        access.close_all()
