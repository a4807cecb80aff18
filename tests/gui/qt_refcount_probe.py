"""Run by test_qt_refcount.py in its own process: emit every signal signature the app declares, many times,
and print how the reference counts of True, False, None and the emitted values moved.

A Qt binding that leaks a reference per emit (PySide6 6.12.0 on Python 3.11 does, for True) either shows a
non-zero delta here or aborts this process with "bool_dealloc"; both fail the test instead of a rehearsal.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import sys
import threading

from PySide6.QtCore import QCoreApplication, QMetaMethod, QObject, Qt, Signal

import voiceprep.gui

# Qt's name for each argument type -> a Python value of that type to emit
WARM_UP = 50
NOISE = 5       # interpreter bookkeeping moves a count by a few; a per-emit leak moves it by thousands
VALUES = {"double": 0.5, "int": 7, "QString": "text", "bool": True, "PyObject": object(), "QVariantList": [1, 2]}


def app_signatures() -> set[tuple[str, ...]]:
    """Argument types of every signal declared by a QObject class in voiceprep.gui (and its submodules)."""
    found: set[tuple[str, ...]] = set()
    for info in pkgutil.walk_packages(voiceprep.gui.__path__, "voiceprep.gui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if not issubclass(cls, QObject) or not cls.__module__.startswith("voiceprep."):
                continue
            meta = cls.staticMetaObject
            for i in range(meta.methodOffset(), meta.methodCount()):
                m = meta.method(i)
                if m.methodType() == QMetaMethod.MethodType.Signal:
                    found.add(tuple(bytes(t).decode() for t in m.parameterTypes()))
    return found


def main(emits: int) -> None:
    app = QCoreApplication.instance() or QCoreApplication([])
    signatures = sorted(app_signatures())
    unknown = sorted({t for sig in signatures for t in sig if t not in VALUES})
    if unknown:
        print(json.dumps({"error": f"no test value for Qt types {unknown}"}))
        return
    types = {"double": float, "int": int, "QString": str, "bool": bool, "PyObject": object, "QVariantList": list}
    attrs = {f"s{i}": Signal(*[types[t] for t in sig]) for i, sig in enumerate(signatures)}
    Emitter = type("Emitter", (QObject,), attrs)
    emitter, receiver_calls = Emitter(), [0]

    def slot(*args):
        receiver_calls[0] += 1

    watched = {"True": True, "False": False, "None": None, **{f"value:{k}": v for k, v in VALUES.items()}}
    report = {"signatures": [",".join(s) or "()" for s in signatures], "emits_each": emits, "deltas": {}}
    for i, sig in enumerate(signatures):
        signal = getattr(emitter, f"s{i}")
        signal.connect(slot, Qt.ConnectionType.DirectConnection)
        args = [VALUES[t] for t in sig]

        def burst(count: int, signal=signal, args=args) -> None:
            for _ in range(count):
                signal.emit(*args)
            # the app also emits from worker threads into the GUI thread
            worker = threading.Thread(target=lambda: [signal.emit(*args) for _ in range(count)])
            worker.start()
            worker.join()
            app.processEvents()

        burst(WARM_UP)          # first emits fill caches once; only what grows with the count is a leak
        before = {k: sys.getrefcount(v) for k, v in watched.items()}
        burst(emits)
        after = {k: sys.getrefcount(v) for k, v in watched.items()}
        signal.disconnect(slot)
        moved = {k: after[k] - before[k] for k in watched if abs(after[k] - before[k]) > NOISE}
        if moved:
            report["deltas"][",".join(sig) or "()"] = moved
    report["slot_calls"] = receiver_calls[0] - 2 * WARM_UP * len(signatures)
    print(json.dumps(report))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
