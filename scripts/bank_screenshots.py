"""Screenshots of the bank editor, the draft dialog, the notes dialog and the first-start screen.

Run under a virtual screen:  xvfb-run -a -s "-screen 0 2600x1500x24" .venv/bin/python scripts/bank_screenshots.py
Uses a throw-away home folder and the seeds in ../shared/seeds (a job spec and prep notes).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
# a throw-away home folder, so the data lands where a user's does (~/.local/share/voiceprep) and a path shown reads
# as theirs, not this run's temporary one (fixCM: Settings' data directory, the editor's status line)
os.environ["HOME"] = tempfile.mkdtemp(prefix="voiceprep-bank-shots-")
for _own in ("VOICEPREP_HOME", "XDG_DATA_HOME"):
    os.environ.pop(_own, None)
OUT = REPO / "docs" / "screenshots"
SEEDS = REPO.parent / "shared" / "seeds"

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from voiceprep.gui import style  # noqa: E402
from voiceprep.gui.main_window import MainWindow  # noqa: E402
from voiceprep.gui.services import Services  # noqa: E402
from voiceprep.gui.widgets.bank_dialogs import DraftDialog, NotesDialog  # noqa: E402


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shot(widget, name: str) -> None:
    wait(300)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(f"saved {path.relative_to(REPO)}")


def seed(number: str) -> Path:
    return next(SEEDS.glob(f"{number}_*.txt"))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    _app = QApplication.instance() or QApplication(sys.argv[:1])    # kept alive for the whole run
    style.apply()    # the app's look (gui/app.py)
    services = Services()
    window = MainWindow(services, recover=False)
    window.resize(1366, 768)
    window.show()
    shot(window, "banks-1-first-start")

    window.welcome.dismiss()
    window.nav.setCurrentRow(3)
    banks = window.banks
    banks.select_bank("airwallex")
    banks.duplicate_current()
    editor = banks.editor
    editor.select(("rounds", 0, "prompts", 3, "key_points", 1))
    while window.model_status.text().startswith("Loading"):    # the status bar laid out with the model's line whole
        wait(200)
    wait(500)
    shot(window, "banks-2-editor")
    editor.select(("competencies", 1))
    editor.fields[1].widget.setValue(0.3)      # weight: the live sum shows the problem
    editor.commit()
    shot(window, "banks-3-editor-weights")

    window.resize(800, 600)
    editor.select(("rounds", 0, "prompts", 3))
    shot(window, "banks-4-editor-800x600")
    editor.close_editor(discard=True)

    try_it(window)

    dialog = DraftDialog(window)
    dialog.load_file(seed("002"))
    dialog.show()
    shot(dialog, "banks-5-draft-dialog")
    dialog.hide()                               # (closing with a pasted text asks before discarding it)

    notes = NotesDialog(window)
    notes.notes.setPlainText(seed("000").read_text(encoding="utf-8"))
    notes.propose()
    notes.show()
    shot(notes, "banks-6-notes-dialog")
    notes.hide()                                # (closing with ticked proposals asks before discarding them)
    window.close()


WARD = """schema = 1

[job]
id = "ward-manager-try"
title = "Ward Manager"

[[rounds]]
id = "behavioural"
title = "Behavioural"

[[rounds.prompts]]
id = "staffing"
text = "Tell me about a time your ward was unsafely staffed."

[[rounds.prompts.key_points]]
id = "moved"
label = "I moved staff from a quieter ward and escalated to the site manager"

[[rounds.prompts.key_points]]
id = "candour"
label = "I told the family openly, under duty of candour"
"""


def try_it(window) -> None:
    """The key point form's "Try it" (fixCH): walk50's concrete wording missed, then counted once added as a cue."""
    from voiceprep.core.analysis import embedder
    from voiceprep.core.banks.document import BankDocument

    while not embedder.settled():               # the window loads the judge's model at start
        wait(200)
    banks = window.banks
    for size, name in (((1366, 768), "banks-7-editor-try-it"), ((2560, 1440), "banks-8-editor-try-it-2560")):
        window.resize(*size)
        banks.open_editor(BankDocument(WARD))
        editor = banks.editor
        editor.select(("rounds", 0, "prompts", 0, "key_points", 1))
        editor.try_box.setText("I rang her daughter that afternoon, explained exactly what had happened and apologised.")
        editor.try_wording()
        while editor.try_result.text() in ("", "Checking…"):
            wait(100)
        editor.try_box.setFocus()
        editor.form_scroll.ensureWidgetVisible(editor.try_cue)
        shot(window, f"{name}-missed")
        editor.try_cue.click()
        while editor.try_result.text() == "Checking…":
            wait(100)
        editor.form_scroll.ensureWidgetVisible(editor.try_result)
        shot(window, f"{name}-counted")
        editor.close_editor(discard=True)


if __name__ == "__main__":
    main()
