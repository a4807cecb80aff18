from __future__ import annotations

from voiceprep.core.banks import BankRegistry
from voiceprep.gui.main_window import MainWindow


def test_window_lists_the_bundled_banks(qtbot):
    window = MainWindow(BankRegistry.discover())
    qtbot.addWidget(window)
    texts = [window.bank_list.item(i).text() for i in range(window.bank_list.count())]
    assert any("Senior Backend Engineer, Payments" in t for t in texts)
    assert len(texts) == 3
