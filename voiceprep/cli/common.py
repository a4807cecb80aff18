"""Small helpers shared by the CLI commands."""

from __future__ import annotations

import json
import sys


class CliError(Exception):
    """A user-facing error: printed as one line, exit status 1."""


def print_json(data) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
