"""walk68 3: with a bank file broken at start, Welcome back named its weak point as what "Drill my weak points asks
next" while the drill (on another bank) said "No weak points yet"; the bank was named by its id; the drill's notice
stayed after the file was fixed and reloaded; Practice's problem line was cut before its "did you mean"."""

from __future__ import annotations

from tests.conftest import BANKS
from tests.gui.test_history_views import off_gui
from voiceprep import paths
from voiceprep.app.recap import DRILL_ASKS_NEXT
from voiceprep.gui import controller as c
from voiceprep.gui.main_window import MainWindow
from voiceprep.gui.widgets.first_start import MARKER

TITLE = "Platform engineer at Harbourline"


def _mine() -> str:
    good = (BANKS / "airwallex.toml").read_text().replace('id = "airwallex"', 'id = "my-airwallex"', 1)
    title = next(line for line in good.splitlines() if line.startswith("title = "))
    return good.replace(title, f'title = "{TITLE}"', 1)


def test_a_broken_banks_weak_point_has_no_drill_named_by_title_and_reload_clears_the_drill_notice(
        qtbot, services, data_home):
    (data_home / MARKER).touch()
    good = _mine()
    mine = paths.user_banks_dir() / "mine.toml"
    mine.write_text(good)
    services.reload_banks()
    bank = services.registry.find("my-airwallex")
    rnd = bank.rounds[0]

    def answered():
        pk = services.session.start_round(bank, rnd)
        services.session.save_typed(bank, rnd.prompts[0], "I am not sure.", rnd.id, pk)
    off_gui(answered)
    broken = good.replace('competency = "product_understanding"', 'competency = "product_understandin"', 1)
    mine.write_text(broken)                                 # a typo by hand; valid TOML, its title still reads
    services.reload_banks()
    assert services.registry.find("my-airwallex") is None and services.registry.errors
    window = MainWindow(services, recover=False)
    qtbot.addWidget(window)
    window.show()
    page = window.practice
    qtbot.waitUntil(page.showing_recap, timeout=10000)
    shown = page.recap_text()
    assert TITLE in shown and "my-airwallex" not in shown, shown
    assert DRILL_ASKS_NEXT not in shown, shown
    assert "whose file has a problem: no drill until the file is fixed and saved (see Banks)" in shown, shown
    problem = page.bank_problems_btn.text()
    assert "did you mean 'product_understanding'?" in problem, problem
    page.drill_btn.click()                                  # on the bank Practice offers: never answered
    qtbot.waitUntil(lambda: page.notice.isVisible() and page.notice.kind == c.DRILL, timeout=10000)
    mine.write_text(good)                                   # fixed in a text editor, then More > Reload
    window.banks.reload()
    assert not page.notice.isVisible()
    qtbot.waitUntil(lambda: DRILL_ASKS_NEXT in page.recap_text(), timeout=10000)
