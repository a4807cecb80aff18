"""Start the desktop app."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from voiceprep import paths

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication


def setup_logging() -> None:
    """The log file in the data folder; stderr when that cannot be written (a read-only folder: walk39 5)."""
    handler: logging.Handler
    try:
        handler = logging.FileHandler(paths.log_path(), encoding="utf-8")
    except OSError as exc:
        handler = logging.StreamHandler(sys.stderr)
        print(f"voiceprep: cannot write the log in the data folder ({exc}); logging to stderr", file=sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def app_icon():
    """The window and taskbar icon: every bundled PNG size (rendered from assets/voiceprep.svg)."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in paths.ICON_SIZES:
        icon.addFile(str(paths.icon_path(size)))
    return icon


def install_excepthook() -> None:
    """An error in a slot is logged with its traceback and shown once as a plain message; the app goes on."""
    import traceback

    showing: list[bool] = []

    def hook(exc_type, exc, tb) -> None:
        logging.getLogger("voiceprep").error("unexpected error:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        if showing or issubclass(exc_type, KeyboardInterrupt):
            return
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is None:
            return
        showing.append(True)
        try:
            box = QMessageBox(QMessageBox.Icon.Warning, "voiceprep",
                              f"Something went wrong ({exc_type.__name__}: {exc}).\n\nYour recorded answers and "
                              f"history are safe. Details were written to {paths.log_path()}.")
            box.exec()
        finally:
            showing.clear()
    sys.excepthook = hook


SCALE_ENV = "QT_SCALE_FACTOR"


@dataclass(frozen=True)
class StartSize:
    """The interface size this run of the app started at: Settings' (`stored`), or when that does not fit the screen
    the window opens on (another monitor, a hand-edited file) the largest offered size that does (`used`). The stored
    choice is never changed for it."""
    stored: int
    used: int
    free: tuple[int, int] | None = None      # that screen's free area at the system's own scaling

    @property
    def fell_back(self) -> bool:
        return self.used != self.stored


started: StartSize | None = None        # set at start when Settings asks for a size (apply_interface_scale)


def interface_scale(size_percent: object, environ: dict[str, str]) -> str | None:
    """The QT_SCALE_FACTOR to start Qt with for Settings' interface size (in percent of the system's scaling), or
    None to leave Qt to the system: 100 %, a value Settings does not offer, or a QT_SCALE_FACTOR the user set."""
    from voiceprep.settings import INTERFACE_SIZES

    if SCALE_ENV in environ or size_percent == 100 or size_percent not in INTERFACE_SIZES:
        return None
    return f"{size_percent / 100:g}"


def largest_fitting(stored: int, free: tuple[int, int] | None) -> int:
    """`stored` if the window fits the screen's free area `free` at that size, else the largest offered size below it
    that does (100 % always: the system's own)."""
    from voiceprep.gui.widgets.common import size_fits
    from voiceprep.settings import INTERFACE_SIZES

    if free is None:
        return stored
    return next((p for p in sorted(INTERFACE_SIZES, reverse=True) if p <= stored and (p == 100 or size_fits(p, free))),
                100)


def screen_free_area(argv: list[str]) -> tuple[int, int] | None:
    """The free area of the screen the window will open on (the one it was closed on, else the primary), at the
    system's own scaling. Qt takes its scale factor once, when the application starts: a throw-away
    QGuiApplication reads the screens first (13-25 ms of CPU under Xvfb; only when Settings asks for a
    size)."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtGui import QGuiApplication

    from voiceprep.gui.widgets.common import window_state

    existing = QGuiApplication.instance()
    probe = existing or QGuiApplication(argv)
    try:
        qs = window_state()
        saved = qs.value("normal_geometry")
        try:
            factor = float(qs.value("interface_scale", 1.0))      # type: ignore[arg-type]
        except (TypeError, ValueError):
            factor = 1.0
        screen = None
        if isinstance(saved, QRect):           # saved at last run's factor: in the system's own pixels here
            centre = saved.center()
            screen = QGuiApplication.screenAt(QPoint(round(centre.x() * factor), round(centre.y() * factor)))
        screen = screen or QGuiApplication.primaryScreen()
        return (screen.availableSize().width(), screen.availableSize().height()) if screen is not None else None
    finally:
        if probe is not existing:
            probe.shutdown()


def apply_interface_scale(argv: list[str] | None = None) -> bool:
    """Before the QApplication exists (Qt reads the scale once, at start: a change in Settings needs a restart).
    Qt multiplies it with the screen's own scaling, so fonts, icons, margins and fixed sizes all grow together.
    A stored size the window would not fit at on this screen is replaced, for this run only, by the largest that
    fits (`started` says which; the window says so). True when it set the factor."""
    import os

    from voiceprep.settings import Settings

    global started
    stored = Settings.load().interface.size_percent
    if interface_scale(stored, dict(os.environ)) is None:
        return False
    used = largest_fitting(stored, free := screen_free_area(argv or sys.argv[:1]))
    started = StartSize(stored, used, free)
    factor = interface_scale(used, dict(os.environ))
    if factor is not None:
        os.environ[SCALE_ENV] = factor
    return factor is not None


def create_application(argv: list[str]) -> QApplication:
    """The QApplication, started at Settings' interface size. The factor is taken out of the environment again once
    Qt has read it: the programs voiceprep starts (its voice workers, the editor a bank is opened in, a file
    manager) keep their own size."""
    import os

    from PySide6.QtWidgets import QApplication

    if (existing := QApplication.instance()) is not None:
        return existing  # type: ignore[return-value]
    scaled = apply_interface_scale(argv)
    app = QApplication(argv)
    if scaled:
        os.environ.pop(SCALE_ENV, None)
    return app


STARTING_TEXT = "voiceprep is starting…\n\nLoading your questions, your history and the speech model."


def first_frame():
    """A light window shown as soon as Qt is up, before numpy, the history database, the banks and the main window
    are imported (walk62 4: at load 17-21 nothing showed for about a minute). Painted before it returns; the main
    window replaces it."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QLabel

    frame = QLabel(STARTING_TEXT)
    frame.setWindowTitle("voiceprep — interview rehearsal")
    frame.setAlignment(Qt.AlignmentFlag.AlignCenter)
    frame.setWordWrap(True)
    frame.setMargin(32)
    frame.setStyleSheet("font-size: 16px;")
    frame.resize(520, 200)
    if (screen := QGuiApplication.primaryScreen()) is not None:
        frame.move(screen.availableGeometry().center() - frame.rect().center())
    frame.show()
    for _ in range(3):             # mapped and painted now: the imports that follow hold the GUI thread
        QApplication.processEvents()
    return frame


def run(argv: list[str] | None = None) -> int:
    try:
        from PySide6.QtWidgets import QApplication, QMessageBox
    except ImportError as exc:
        print(f"voiceprep: the desktop app needs PySide6 ({exc}); run: bash scripts/setup.sh run", file=sys.stderr)
        return 1
    from voiceprep.app import memory
    from voiceprep.app.data_folder import data_folder_problem
    from voiceprep.gui import collector, style

    problem = data_folder_problem()   # before anything reads or writes it (the log, Settings, the lock)
    setup_logging()
    install_excepthook()
    memory.limit_arenas()          # before any worker thread: a long session stays flat (app/memory.py)
    if problem is not None:
        logging.error("data folder: %s", problem)
        _app = QApplication.instance() or QApplication(argv or sys.argv[:1])
        QMessageBox.critical(None, "voiceprep: the data folder cannot be written", problem)
        return 2
    app = create_application(argv or sys.argv[:1])
    app.setApplicationName("voiceprep")
    app.setOrganizationName("voiceprep")
    QApplication.setDesktopFileName("voiceprep")   # matches assets/voiceprep.desktop: the taskbar shows our icon
    QApplication.setWindowIcon(app_icon())
    style.apply()                  # Fusion (the system's light/dark palette everywhere), focus made visible
    collector.pin_to_gui_thread(app)  # no Qt object is ever destroyed by a collection on a worker thread
    from voiceprep.gui.single_instance import SingleInstance, bring_forward

    windows: list = []

    def show_first() -> None:         # another start asked for this app's window
        if windows:
            bring_forward(windows[0])
    single = SingleInstance(paths.data_dir(), on_show=show_first)
    if not single.claim():           # one voiceprep per data directory (walkthrough 11): the first one comes forward
        if not single.reached_first:
            QMessageBox.information(None, "voiceprep", "voiceprep is already open (it may still be starting): "
                                                       "switch to its window.")
        return 0
    first = first_frame()          # at once, before the heavy imports below (walk62 4: a minute with no window)
    # numpy, the history database, the banks and the analysis, the whole window: 8-10 s at load 18
    from voiceprep.core.history import History, HistoryCorruptError, HistoryError
    from voiceprep.gui.main_window import MainWindow

    try:
        History.open().close()
    except HistoryCorruptError as exc:
        logging.error("%s", exc)
        first.close()
        QMessageBox.critical(None, "voiceprep: history damaged", str(exc))
        return 2
    except HistoryError as exc:
        first.close()
        QMessageBox.critical(None, "voiceprep", str(exc))
        return 2
    window = MainWindow()
    windows.append(window)
    window.show()
    first.close()
    try:
        return app.exec()
    finally:
        single.release()
