"""The core stays Qt-free: import-linter contracts from pyproject.toml, plus a direct import check."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def test_import_linter_contracts_hold():
    result = subprocess.run([sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; "
                             "sys.exit(lint_imports_command())"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 4 kept, 0 broken" in result.stdout


def test_importing_the_core_loads_no_qt():
    code = ("import sys, voiceprep.core.banks, voiceprep.speech.transcriber, voiceprep.speech.tts, "
            "voiceprep.cli.main; import pkgutil, importlib, voiceprep.core as c, voiceprep.app as a\n"
            "for m in pkgutil.walk_packages(c.__path__, 'voiceprep.core.'): importlib.import_module(m.name)\n"
            "for m in pkgutil.walk_packages(a.__path__, 'voiceprep.app.'): importlib.import_module(m.name)\n"
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
