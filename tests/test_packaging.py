"""The wheel is the app: it carries the bundled banks and assets, and paths resolve from an installed copy.

(CI also installs the wheel with all its dependencies in a fresh venv: scripts/wheel_check.sh.)
"""

from __future__ import annotations

import email
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SOURCES = ("pyproject.toml", "setup.py", "README.md", "LICENSE", "voiceprep", "question_banks", "assets")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """Build from a copy of the tree, so no build/ or egg-info is left in the checkout."""
    src = tmp_path_factory.mktemp("src")
    for name in SOURCES:
        copy = shutil.copytree if (REPO / name).is_dir() else shutil.copy2
        copy(REPO / name, src / name, **({"ignore": shutil.ignore_patterns("__pycache__")}
                                       if (REPO / name).is_dir() else {}))
    dist = tmp_path_factory.mktemp("dist")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(src)],
                            capture_output=True, text=True, timeout=600)
    if result.returncode:
        pytest.fail(f"building the wheel failed (pip needs PyPI or its cache for setuptools>=77):\n{result.stderr[-2000:]}")
    (path,) = dist.glob("voiceprep-*.whl")
    return path


def test_the_wheel_carries_banks_assets_licence_and_entry_point(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    banks = sorted(p.name for p in (REPO / "question_banks").glob("*.toml"))
    assert banks and all(f"voiceprep/question_banks/{b}" in names for b in banks)
    assert {"voiceprep/assets/voiceprep.svg", "voiceprep/assets/voiceprep.desktop",
            "voiceprep/assets/icons/voiceprep-48.png", "voiceprep/speech/neural_worker.py"} <= names
    data = {p.relative_to(REPO).as_posix() for p in (REPO / "voiceprep").rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts}
    assert data <= names, f"package data missing from the wheel: {sorted(data - names)}"
    meta_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
    meta = email.message_from_bytes(zipfile.ZipFile(wheel).read(meta_name))
    assert meta["License-Expression"] == "MIT"
    assert any(n.endswith("licenses/LICENSE") for n in names)
    assert "neural" in meta.get_all("Provides-Extra")
    entry_points = zipfile.ZipFile(wheel).read(meta_name.replace("METADATA", "entry_points.txt")).decode()
    assert "voiceprep = voiceprep.cli.main:main" in entry_points


def test_paths_resolve_inside_an_installed_copy(wheel, tmp_path):
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    probe = ("import voiceprep, voiceprep.paths as p; "
             "print(voiceprep.__file__); print(p.bundled_banks_dir()); print(p.icon_path(48)); print(p.assets_dir())")
    env = dict(os.environ, PYTHONPATH=str(site))          # the installed copy first; dependencies from this venv
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True,
                         check=True, timeout=60).stdout.split("\n")
    module, banks, icon, assets = (Path(line) for line in out[:4])
    assert module.is_relative_to(site), "imported the checkout instead of the installed copy"
    assert banks.is_relative_to(site) and len(list(banks.glob("*.toml"))) == len(list((REPO / "question_banks").glob("*.toml")))
    assert icon.is_relative_to(site) and icon.stat().st_size > 0 and (assets / "voiceprep.desktop").is_file()
    listing = subprocess.run([sys.executable, "-m", "voiceprep", "banks", "list"], cwd=tmp_path, env=env,
                             capture_output=True, text=True, timeout=120)
    assert listing.returncode == 0, listing.stderr
    assert "airwallex" in listing.stdout and str(site) in listing.stdout
