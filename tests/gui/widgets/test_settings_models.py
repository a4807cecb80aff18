"""Settings > Installed models: choosing a model, and its cost measured on this machine off the GUI thread."""

from __future__ import annotations

from voiceprep.gui.widgets.settings_page import SettingsPage
from voiceprep.speech import models


def test_installed_models_with_their_cost(qtbot, services):
    page = SettingsPage(services)
    qtbot.addWidget(page)
    ids = [page.model_choice.itemData(i) for i in range(page.model_choice.count())]
    assert ids[0] == models.TINY_EN.id and set(ids) <= {m.id for m in models.KNOWN}
    assert "filled pauses" in page.model_cost.text()
    if models.BASE.id in ids:                       # the optional extra, when installed
        page.model_choice.setCurrentIndex(ids.index(models.BASE.id))
        page.model_choice.activated.emit(ids.index(models.BASE.id))
        assert page.model.text() == "base" and "approximate" in page.model_cost.text() and page.is_dirty()
        page.model_choice.setCurrentIndex(0)
        page.model_choice.activated.emit(0)
    assert page.model.text() == ""
    page.model_measure.click()
    assert not page.model_measure.isEnabled()
    qtbot.waitUntil(lambda: page.model_measure.isEnabled(), timeout=60000)
    assert "loads in" in page.model_cost.text()
