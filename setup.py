"""Packaging beyond what pyproject.toml can say: the top-level question_banks/ and assets/ travel inside the
wheel as voiceprep/question_banks and voiceprep/assets (voiceprep.paths reads them via importlib.resources).
Everything else is in pyproject.toml.
"""

from setuptools import find_packages, setup

# directory (relative to the repository) -> the files it ships
DATA = {"question_banks": ["*.toml", "*.md"], "assets": ["*.svg", "*.desktop"], "assets/icons": ["*.png"]}


def package(directory: str) -> str:
    return "voiceprep." + directory.replace("/", ".")


setup(
    packages=[*find_packages(include=["voiceprep", "voiceprep.*"]), *map(package, DATA)],
    package_dir={package(d): d for d in DATA},
    package_data={package(d): patterns for d, patterns in DATA.items()},
)
