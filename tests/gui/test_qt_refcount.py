"""Guard against a Qt binding that leaks references on Signal.emit (PySide6 6.12.0 on Python 3.11).

That release lowers the reference count of True by one per emit; the level meter and live captions emit
many times a second, so the app died with "bool_dealloc: deallocating True or False" after about three
minutes. pyproject.toml pins pyside6-essentials away from it; this test makes any future upgrade prove
itself: it emits 10,000 of every signal signature the app declares, directly and from a worker thread, in
a separate process (a bad release aborts that process rather than the test run).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROBE = Path(__file__).with_name("qt_refcount_probe.py")
EMITS = 10_000


def test_signal_emit_keeps_reference_counts():
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    result = subprocess.run([sys.executable, str(PROBE), str(EMITS)], capture_output=True, text=True,
                            env=env, timeout=300)
    assert result.returncode == 0, (
        f"the Qt binding crashed while emitting signals (exit {result.returncode}); a reference-count bug in "
        f"this PySide6 release would crash the app mid-rehearsal. Pin a release without it.\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert "error" not in report, report.get("error")
    # the controller alone declares str, float, (float, float), (str, str), (object, int), ...: all must be seen
    assert len(report["signatures"]) >= 8, report["signatures"]
    assert report["slot_calls"] == 2 * EMITS * len(report["signatures"])
    assert report["deltas"] == {}, f"Signal.emit leaks references in this PySide6 release: {report['deltas']}"


def test_pinned_pyside6_is_the_tested_release():
    """The pin in pyproject.toml is what is installed (an upgrade must come with a passing probe run)."""
    import tomllib
    from importlib.metadata import version

    pyproject = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text())
    pin = next(d for d in pyproject["project"]["dependencies"] if d.startswith("pyside6-essentials"))
    installed = version("pyside6-essentials")
    assert not installed.startswith("6.12.0"), f"PySide6 {installed} leaks references on Signal.emit"
    from packaging.requirements import Requirement

    assert Requirement(pin).specifier.contains(installed), f"installed {installed} is outside the pin {pin}"
