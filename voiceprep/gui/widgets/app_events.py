"""One application event filter for the app-wide watchers (Esc stops the voice first, the keys back after a dialog,
typing where no text goes).

Qt shows an application's event filters every event it delivers, to every object: each queued signal, timer, paint.
A filter written in Python is a call into Python under the GIL per event; three of them (fixAX: 2,450 level signals
within a second or two of an import's start stalled the GUI thread) cost three such calls. `watch(handler, types)`
has one filter call `handler.eventFilter` for those event types only (bench/event_filters.py measures it).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject


class AppEvents(QObject):
    """The application's one Python event filter: hands an event to the watchers of its type, the last watcher
    first (as Qt calls filters installed one after another); the first that takes it (True) ends it."""

    def __init__(self, app: QCoreApplication):
        super().__init__(app)
        self._by_type: dict[QEvent.Type, list[QObject]] = {}
        app.installEventFilter(self)

    def add(self, handler: QObject, types: tuple[QEvent.Type, ...]) -> None:
        for kind in types:
            handlers = self._by_type.setdefault(kind, [])
            if handler not in handlers:
                handlers.insert(0, handler)

    def remove(self, handler: QObject) -> None:
        for handlers in self._by_type.values():
            if handler in handlers:
                handlers.remove(handler)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        handlers = self._by_type.get(event.type())
        if not handlers:
            return False
        for handler in tuple(handlers):
            if not shiboken6.isValid(handler):      # its window is gone (as Qt drops a deleted object's filter)
                handlers.remove(handler)
            elif handler.eventFilter(watched, event):
                return True
        return False


_hub: AppEvents | None = None


def _the_hub(app: QCoreApplication) -> AppEvents:
    global _hub
    if _hub is None or not shiboken6.isValid(_hub) or _hub.parent() is not app:
        _hub = AppEvents(app)
    return _hub


def watch(handler: QObject, *types: QEvent.Type) -> None:
    """Show `handler.eventFilter` the application's events of these types (none without an application)."""
    app = QCoreApplication.instance()
    if app is not None:
        _the_hub(app).add(handler, types)


def unwatch(handler: QObject) -> None:
    """`handler` sees no more events (a deleted one is dropped at its next event anyway)."""
    if _hub is not None and shiboken6.isValid(_hub):
        _hub.remove(handler)
