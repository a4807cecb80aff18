"""The desktop app's window as the bench scripts drive it (bench/voice_peak.py --window, bench/rehearsal_peak.py).

`open_window` builds `Services` with the soak's settings (tests/gui/soak_session.py: the whole answer, no silence stop;
a cap far off; quick spoken questions) and a shown `MainWindow`, and collects the controller's analyses and errors;
`wait` pumps Qt's events until a condition holds. Qt is imported inside the functions: a script imports this module
before it knows whether it opens a window.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class AppWindow:
    services: Any                 # voiceprep.gui.services.Services
    window: Any                   # voiceprep.gui.main_window.MainWindow
    results: list = field(default_factory=list)          # each `analysisReady`'s analysis, in order
    errors: list[str] = field(default_factory=list)      # each `error` the controller reported


def qt_app() -> Any:
    """The QApplication (made if there is none), its collector pinned to the GUI thread as the app's start does."""
    from PySide6.QtWidgets import QApplication

    from voiceprep.gui import collector

    app = QApplication.instance() or QApplication([])
    collector.pin_to_gui_thread(app)
    return app


def wait(app: Any, until: Callable[..., bool], timeout: float, what: str) -> None:
    """Process Qt's events until `until()` holds; a SystemExit naming `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not until():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        app.processEvents()
        time.sleep(0.005)


def open_window(tmp: Path) -> AppWindow:
    """`MainWindow` over a fresh history in `tmp`, shown, with the soak's settings and its controller hooked."""
    from voiceprep.core.banks import BankRegistry
    from voiceprep.gui.main_window import MainWindow
    from voiceprep.gui.services import Services
    from voiceprep.settings import Settings

    services = Services(settings=Settings(), db_path=tmp / "history.sqlite3", registry=BankRegistry.discover())
    services.settings.audio.silence_stop_s = 0
    services.settings.audio.hard_cap_factor = 10.0
    services.settings.speech.rate = 400
    window = MainWindow(services, recover=False)
    window.show()
    opened = AppWindow(services, window)
    window.controller.analysisReady.connect(lambda analysis, _id: opened.results.append(analysis))
    window.controller.error.connect(opened.errors.append)
    return opened
