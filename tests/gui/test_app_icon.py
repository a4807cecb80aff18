"""The window and taskbar icon comes from the bundled assets, in every size a desktop asks for."""

from __future__ import annotations

from voiceprep import paths
from voiceprep.gui.app import app_icon


def test_the_app_icon_has_every_bundled_size(qapp):
    icon = app_icon()
    assert not icon.isNull()
    sizes = {s.width() for s in icon.availableSizes()}
    assert set(paths.ICON_SIZES) <= sizes
    assert not icon.pixmap(32, 32).toImage().isNull()
