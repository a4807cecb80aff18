"""Packaging beyond what pyproject.toml can say: the top-level question_banks/ and assets/ travel inside the
wheel as voiceprep/question_banks and voiceprep/assets (voiceprep.paths reads them via importlib.resources).
Their files are listed in pyproject.toml's [tool.setuptools.package-data]; everything else is there too.
"""

from setuptools import find_namespace_packages, setup

DATA_DIRS = ("question_banks", "assets", "assets/icons")   # relative to the repository


def package(directory: str) -> str:
    return "voiceprep." + directory.replace("/", ".")


setup(
    # namespace packages too: a folder of data files inside voiceprep/ (voiceprep/core/analysis/data, no __init__.py)
    # is a package of its own, so its files are package data without setuptools' "absent from `packages`" warning
    packages=[*find_namespace_packages(include=["voiceprep", "voiceprep.*"], exclude=["*__pycache__"]),
              *map(package, DATA_DIRS)],
    package_dir={package(d): d for d in DATA_DIRS},
)
