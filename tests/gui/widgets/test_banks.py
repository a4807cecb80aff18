"""The Banks page's list of files with problems (banks.errors_html)."""

from __future__ import annotations

from voiceprep.core.banks.load import BankError
from voiceprep.gui.widgets.banks import errors_html


def test_a_folder_that_cannot_be_listed_keeps_its_path_and_a_file_its_name(qapp):
    """read41b 2: every problem was shortened to its file's name, so a folder the registry cannot list read "banks:
    cannot list this folder: Permission denied", with no path to go and look at. Only a .toml file, which has its
    "Open the file" link with the whole path as tooltip, is named by its name alone."""
    folder = "/home/ana/.local/share/voiceprep/banks"
    broken = f"{folder}/ward.toml"
    shown = errors_html([BankError(folder, None, "", "cannot list this folder: Permission denied"),
                         BankError(broken, 9, "title", "a quoted text is not closed")])
    assert f"{folder}: cannot list this folder: Permission denied" in shown, shown
    assert "<br>ward.toml:9: title: a quoted text is not closed" in shown, shown
    assert f'title="{broken}"' in shown and shown.count(folder) == 3, shown      # the folder, the link and its tooltip
