"""Start the desktop app."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

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


# an error in a slot, as the box says it (read47b 6: worded inside the hook)
UNEXPECTED_ERROR = ("Something went wrong ({error}).\n\nYour recorded answers and history are safe. Details were "
                    "written to {log}.")


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
                              UNEXPECTED_ERROR.format(error=f"{exc_type.__name__}: {exc}", log=paths.log_path()))
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


STARTING_TEXT = "voiceprep is starting…"
STARTING_MORE = "Loading your questions, your history and the speech model."
STARTING_STEPS = {"imports": "Loading voiceprep…"}
STARTING_FAILED = "voiceprep could not start"
STARTING_FAILED_TEXT = "{error}\n\nDetails were written to {log}."      # under STARTING_FAILED (read47b 6)
SPLASH_SIZE = (520, 200)


def first_frame():
    """The starting window (a splash screen), shown as soon as Qt is up, before numpy, the history database, the banks
    and the main window are imported (walk62 4: at load 17-21 nothing showed for about a minute). It keeps painting
    while the rest starts, one step per turn of the event loop (`say` sets its progress line: fixDP); the main window
    replaces it."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPixmap
    from PySide6.QtWidgets import QApplication, QSplashScreen

    class Splash(QSplashScreen):
        def say(self, line: str) -> None:
            self.showMessage(line, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                             self.palette().text().color())

        def mousePressEvent(self, event) -> None:      # a click does not hide it (QSplashScreen's own would)
            event.accept()

    palette = QApplication.palette()
    ratio = QGuiApplication.primaryScreen().devicePixelRatio() if QGuiApplication.primaryScreen() else 1.0
    width, height = SPLASH_SIZE
    pixmap = QPixmap(round(width * ratio), round(height * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(palette.window().color())
    painter = QPainter(pixmap)
    painter.setPen(QColor(palette.mid().color()))
    painter.drawRect(0, 0, width - 1, height - 1)
    painter.setPen(palette.text().color())
    font = QFont(QApplication.font())
    font.setPixelSize(22)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRect(0, 40, width, 40), Qt.AlignmentFlag.AlignCenter, STARTING_TEXT)
    font.setPixelSize(15)
    font.setBold(False)
    painter.setFont(font)
    painter.drawText(QRect(24, 90, width - 48, 50), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                     STARTING_MORE)
    painter.end()
    frame = Splash(pixmap)
    frame.setWindowTitle("voiceprep — interview rehearsal")
    font.setPixelSize(14)
    frame.setFont(font)
    frame.say(STARTING_STEPS["imports"])
    if (screen := QGuiApplication.primaryScreen()) is not None:
        frame.move(screen.availableGeometry().center() - frame.rect().center())
    frame.show()
    for _ in range(3):             # mapped and painted now
        QApplication.processEvents()
    return frame


def _heavy_start():
    """On a worker thread while the starting window paints: numpy, the history database, the banks and the analysis,
    the whole window's modules (8-10 s at load 18, one GUI-thread step before fixDP), then the history's check.
    The history's problem, or None."""
    import voiceprep.gui.main_window  # noqa: F401  (its imports: the heavy part)
    from voiceprep.core.history import History, HistoryCorruptError, HistoryError

    try:
        History.open().close()
    except HistoryCorruptError as exc:
        logging.error("%s", exc)
        return ("voiceprep: history damaged", str(exc))
    except HistoryError as exc:
        return ("voiceprep", str(exc))
    return None


class Starting:
    """The app's start after the starting window, run inside the event loop one short step at a time: the heavy
    imports on a worker thread, then the main window built part by part (`MainWindow.building`), so no GUI-thread
    step is long and the starting window keeps painting (fixDP: one 15-29 s step at load 10-18)."""

    def __init__(self, app, frame, windows: list) -> None:
        self.app, self.frame, self.windows = app, frame, windows
        self.window: Any = None           # the MainWindow, once its module is imported
        self.stopped = False

    def begin(self) -> None:
        from voiceprep.gui.operations import run_in_background

        run_in_background(_heavy_start, lane="load", on_done=self._imported, on_error=self._failed)

    def _imported(self, problem) -> None:
        if self.stopped:
            return
        if problem is not None:
            self._stop_with(*problem)
            return
        from voiceprep.gui.main_window import MainWindow

        self.window = MainWindow(stepwise=True)
        self._later(self._step)

    def _later(self, fn) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self.frame, fn)

    def _step(self) -> None:
        if self.stopped or self.window is None:
            return
        try:
            line = next(self.window.building, None)
        except Exception as exc:         # said, logged, and the app ends instead of a stuck splash
            self._failed(exc)
            return
        if line is None:
            self.windows.append(self.window)
            self.window.show()
            self.frame.finish(self.window)
            return
        self.frame.say(line)
        self._later(self._step)

    def _failed(self, exc: BaseException) -> None:
        import traceback

        logging.getLogger("voiceprep").error("start failed:\n%s", "".join(traceback.format_exception(exc)))
        self._stop_with(STARTING_FAILED, STARTING_FAILED_TEXT.format(error=f"{type(exc).__name__}: {exc}",
                                                                     log=paths.log_path()), code=1)

    def _stop_with(self, title: str, text: str, code: int = 2) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.stopped = True
        self.frame.close()
        QMessageBox.critical(None, title, text)
        self.app.exit(code)

    def stop(self) -> None:
        """run() is over (the event loop ended): a step still queued does nothing."""
        self.stopped = True
        self.frame.close()


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
    first = first_frame()          # at once, before the heavy imports (walk62 4: a minute with no window)
    starting = Starting(app, first, windows)
    starting.begin()
    try:
        return app.exec()
    finally:
        starting.stop()
        single.release()
