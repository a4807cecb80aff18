"""Packaging beyond what pyproject.toml can say: the top-level question_banks/ and assets/ travel inside the
wheel as voiceprep/question_banks and voiceprep/assets (voiceprep.paths reads them via importlib.resources).
Their files are listed in pyproject.toml's [tool.setuptools.package-data]; everything else is there too.
"""

from setuptools import find_packages, setup

DATA_DIRS = ("question_banks", "assets", "assets/icons")   # relative to the repository


def package(directory: str) -> str:
    return "voiceprep." + directory.replace("/", ".")


setup(
    packages=[*find_packages(include=["voiceprep", "voiceprep.*"]), *map(package, DATA_DIRS)],
    package_dir={package(d): d for d in DATA_DIRS},
)
