"""The app's one application event filter: each watcher sees only its event types, the last one first (fixAZ: three
Python application filters cost ~13 µs a delivered event, bench/event_filters.py)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject

from voiceprep.gui.widgets import app_events


class Seen(QObject):
    def __init__(self, log: list[tuple[str, QEvent.Type]], name: str, takes: bool = False):
        super().__init__()
        self.log, self.name, self.takes = log, name, takes

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        self.log.append((self.name, event.type()))
        return self.takes


def test_watchers_see_their_event_types_only_the_last_first_and_a_taken_event_ends(qapp):
    log: list[tuple[str, QEvent.Type]] = []
    first, second = Seen(log, "first"), Seen(log, "second", takes=True)
    target = QObject()
    app_events.watch(first, QEvent.Type.User)
    app_events.watch(second, QEvent.Type.User)
    try:
        for kind in (QEvent.Type.User, QEvent.Type.MaxUser):
            QCoreApplication.postEvent(target, QEvent(kind))
        QCoreApplication.sendPostedEvents(target)
        assert log == [("second", QEvent.Type.User)]        # taken by the last watcher; MaxUser is nobody's
        app_events.unwatch(second)
        QCoreApplication.postEvent(target, QEvent(QEvent.Type.User))
        QCoreApplication.sendPostedEvents(target)
        assert log[1:] == [("first", QEvent.Type.User)]
        shiboken6.delete(first)                             # a deleted watcher is dropped, not called
        QCoreApplication.postEvent(target, QEvent(QEvent.Type.User))
        QCoreApplication.sendPostedEvents(target)
        assert len(log) == 2
    finally:
        app_events.unwatch(second)
