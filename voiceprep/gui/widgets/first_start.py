"""First start: a short, dismissible explanation of the loop, and ways to start from what the candidate has."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from voiceprep import paths
from voiceprep.app.states import RehearsalState
from voiceprep.gui.app import SCALE_ENV
from voiceprep.gui.controller import SESSION as SESSION_NOTICE
from voiceprep.gui.widgets.bank_editor import plain_label
from voiceprep.gui.widgets.banks import DRAFT_LABEL, NEW_BANK_LABEL
from voiceprep.gui.widgets.common import ACCENT, WrappedLine, keyboard_buttons, soft

MARKER = "welcome-dismissed"
PREFERRED_BANK = "airwallex"          # the bundled bank built from a candidate's own prep notes


def loop_text(key: Callable[[str], str] = str) -> str:
    """The loop, each key named by `key` from the page's own shortcut (PracticePage.key_name, as its labels are: fix45;
    fix41 left "Space", "R" and "N" written by hand here)."""
    return (f"Rehearse out loud: pick a bank and a round → listen to the interviewer ask → answer ({key('Space')} "
            "starts and stops, or Type answer…) → see which of your key points you hit, with scores and a follow-up "
            f"→ {key('R')} retries, {key('N')} moves on. Your history and progress stay on this computer.")


# A screen this wide in the system's own pixels is a large one the system does not scale (2560x1440 at 100%: a
# 27" monitor's text is then as small as the system says; with the system's scaling at 150% it is 1707 wide)
LARGE_SCREEN_WIDTH = 2200
LARGER_TEXT = ("On a screen this large the text can look small: Settings > Interface size makes text and buttons "
               "larger (150% reads like a laptop screen).")


def welcome_needed() -> bool:
    return not (paths.data_dir() / MARKER).exists()


def suggests_larger_text(free: QSize, size_percent: int, environ: Mapping[str, str]) -> bool:
    """Whether the welcome says where to make the text larger (fix41: at 2560x1440 the window opened 1792x1008
    with the system's small text). Text follows the system's scaling (Qt reads it: Xft.dpi 144 gives 1.5 device
    pixels a pixel, measured under Xvfb) and Settings' Interface size on top; the app does not guess a screen's
    size in inches. Said only on a large screen the system does not scale, at the system's size, with no
    QT_SCALE_FACTOR of the user's."""
    return free.width() >= LARGE_SCREEN_WIDTH and size_percent == 100 and SCALE_ENV not in environ


class WelcomePanel(QFrame):
    createBank = Signal()
    draftBank = Signal()
    largerText = Signal()

    def __init__(self, parent=None, key: Callable[[str], str] = str):
        super().__init__(parent)
        self.setObjectName("welcome")
        self.dismissed = False
        self.set_aside = False           # a round started: out of the way until dismissed (its first feedback)
        self.setStyleSheet(f"QFrame#welcome {{ background: {soft(ACCENT)}; border-radius: 8px; }}")
        lay = QVBoxLayout(self)
        title = plain_label("Welcome to voiceprep")
        font = title.font()
        font.setPointSize(13)
        font.setBold(True)
        title.setFont(font)
        lay.addWidget(title)
        lay.addWidget(plain_label(loop_text(key)))
        self.sample = plain_label("A sample bank is open to try it. Your answers are checked against key points, "
                                  "so the best bank is your own:")
        lay.addWidget(self.sample)
        row = QHBoxLayout()
        self.create_btn = QPushButton(NEW_BANK_LABEL)
        self.draft_btn = QPushButton(DRAFT_LABEL)
        self.dismiss_btn = QPushButton("Got it")
        self.dismiss_btn.setToolTip("Hide this explanation for good")
        for b in (self.create_btn, self.draft_btn):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.dismiss_btn)
        lay.addLayout(row)
        # shown on a large screen the system does not scale: the button just after its text, which reads as the
        # welcome's own (walk23: grey, the button ~1200 px away at the panel's far right at 2560x1440)
        self.larger_row = QHBoxLayout()
        self.larger_note = WrappedLine(LARGER_TEXT, muted=False)     # as wide as its text, wrapped when narrower
        self.larger_btn = QPushButton("Interface size…")
        self.larger_btn.setToolTip("Open Settings at Interface size")
        self.larger_row.addWidget(self.larger_note)
        self.larger_row.addWidget(self.larger_btn)
        self.larger_row.addStretch(1)
        lay.addLayout(self.larger_row)
        self.larger_note.hide()
        self.larger_btn.hide()
        self.larger_btn.clicked.connect(self.largerText)
        self.create_btn.clicked.connect(self.createBank)
        self.draft_btn.clicked.connect(self.draftBank)
        self.dismiss_btn.clicked.connect(self.dismiss)
        self.create_btn.clicked.connect(self.dismiss)
        self.draft_btn.clicked.connect(self.dismiss)

    def offer_larger_text(self, shown: bool = True) -> None:
        """Say where text is made larger (`shown` False: no longer, a size was chosen)."""
        self.larger_note.setVisible(shown)
        self.larger_btn.setVisible(shown)

    def bank_ready(self, name: str) -> None:
        """The candidate made their own bank: the sample is no longer what is open (walkthrough 7)."""
        self.sample.setText(f"Your bank “{name}” is ready: it is the one open in Practice. Pick a round there and "
                            "press Start round.")
        self.create_btn.hide()
        self.draft_btn.hide()

    def dismiss(self) -> None:
        self.dismissed = True
        try:
            (paths.data_dir() / MARKER).touch()
        except OSError:
            pass                      # shown again next time; nothing else depends on it
        self.hide()


def open_interface_size(window) -> None:
    """Settings, at Interface size, with the keyboard on it."""
    rows = [window.nav.item(i).text() for i in range(window.nav.count())]
    window.nav.setCurrentRow(rows.index("Settings"))
    window.settings_page.ensureWidgetVisible(window.settings_page.interface_size)
    window.settings_page.interface_size.setFocus()


def offer_larger_text_again(window) -> bool:
    """A returning candidate on a large screen the system does not scale, at the system's size (walk41 finding 10:
    at 2560x1440 the welcome back had no word of Interface size, which only the first start's welcome offered): said
    in Practice's notice, with the button to it. True when said."""
    screen = window.screen()
    if screen is None or not suggests_larger_text(screen.availableSize(),
                                                  window.services.settings.interface.size_percent, os.environ):
        return False
    window.practice.notice.show_text(LARGER_TEXT, SESSION_NOTICE,
                                     ("Interface size…", lambda: open_interface_size(window)))
    return True


def install_first_start(window) -> WelcomePanel | None:
    """On first start: open on a sensible bank (unless the window reopened on the bank last practised: the welcome
    stays until the first feedback) and show the welcome above Practice and Banks, where its buttons lead (fixCM: above
    every page it took ~120 px of History at 1366x768); a no-op afterwards."""
    if not welcome_needed():
        return None
    if window.services.registry.find(PREFERRED_BANK) and not getattr(window, "restored_bank", False):
        window.practice.fill_banks(select=PREFERRED_BANK)
    panel = WelcomePanel(key=window.practice.key_name)
    host = QWidget()
    lay = QVBoxLayout(host)
    lay.setContentsMargins(0, 0, 0, 0)
    central = window.centralWidget().layout()
    central.replaceWidget(window.stack, host)
    lay.addWidget(panel)
    lay.addWidget(window.stack, 1)
    # read first, reached first: Tab goes from the page list to the welcome's buttons, then into the page
    # (created after the window, they would otherwise come last)
    QWidget.setTabOrder(window.nav, panel.create_btn)
    QWidget.setTabOrder(panel.create_btn, panel.draft_btn)
    QWidget.setTabOrder(panel.draft_btn, panel.dismiss_btn)
    keyboard_buttons(panel)           # Enter presses a focused button here too, as everywhere (walkthrough 8)
    rows = [window.nav.item(i).text() for i in range(window.nav.count())]     # the page list's names
    its_pages = {rows.index("Practice"), rows.index("Banks")}

    def place(*_args: object) -> None:
        """Shown on its pages until dismissed or set aside; the other pages have the window's whole height."""
        panel.setVisible(not panel.dismissed and not panel.set_aside and window.stack.currentIndex() in its_pages)
    window.stack.currentChanged.connect(place)
    place()

    def to_banks(action) -> None:
        window.nav.setCurrentRow(rows.index("Banks"))
        action()

    screen = window.screen()
    if screen is not None and suggests_larger_text(screen.availableSize(),
                                                   window.services.settings.interface.size_percent, os.environ):
        panel.offer_larger_text()
        QWidget.setTabOrder(panel.dismiss_btn, panel.larger_btn)

        def size_saved() -> None:            # a size chosen in Settings: the hint goes at once (walk23: until restart)
            if not suggests_larger_text(screen.availableSize(), window.services.settings.interface.size_percent,
                                        os.environ):
                panel.offer_larger_text(False)
        window.settings_page.saved.connect(size_saved)

    panel.largerText.connect(lambda: open_interface_size(window))
    def focus_practice() -> None:
        """"Got it" pressed from the keyboard: the keyboard goes on to Practice's next action (walk41 finding 8: it
        stayed on the hidden button, or Qt passed it down the chain, to "Drill my weak points" on a new bank)."""
        if window.stack.currentWidget() is window.practice:
            action = next((b for b in (window.practice.answer_btn, window.practice.start_btn) if b.isEnabled()),
                          window.practice)
            action.setFocus(Qt.FocusReason.OtherFocusReason)
    panel.dismiss_btn.clicked.connect(focus_practice)
    panel.createBank.connect(lambda: to_banks(window.banks.new_bank))
    panel.draftBank.connect(lambda: to_banks(window.banks.draft_from_job))
    # out of the way once the candidate is rehearsing; for good once they have seen their first feedback
    def round_started(state: str) -> None:
        if state == RehearsalState.SPEAKING:
            panel.set_aside = True
            place()

    def feedback_seen(*_args: object) -> None:
        if not panel.dismissed:
            panel.dismiss()
    window.controller.stateChanged.connect(round_started)
    window.controller.analysisReady.connect(feedback_seen)
    # a welcome back means a history (answers saved from the CLI before the first window, a folder copied over): no
    # first run, one banner (walk42 10; fixDP: only the window's own recap path put it away, fixDO's screenshot showed
    # both)
    window.practice.recapShown.connect(feedback_seen)
    window.welcome = panel
    return panel
