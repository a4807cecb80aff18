"""perf36: when a question is asked, the judge is given its texts on a worker thread (`judging.prepare_judge`),
once; the event loop never waits for it, nor does the round, and the first answer then makes no model call for
the question's texts."""

from __future__ import annotations

import threading
import time

from tests.gui.practice_steps import start
from tests.gui.test_end_to_end import LoopWatch
from voiceprep.core.analysis import embedder
from voiceprep.core.analysis.judge import prompt_texts
from voiceprep.gui import controller as c

TYPED = ("We used Kafka topics with partitions and consumer groups, idempotency keys to deduplicate, and a dead "
         "letter queue with exponential backoff.")


def test_a_question_asked_prepares_the_judge_off_the_gui_thread_without_holding_the_round(window, qtbot, services,
                                                                                          monkeypatch):
    services.settings.speech.rate = 400
    e = embedder.get_embedder()
    assert e is not None, embedder.judge_status().message
    e.forget()
    gui = threading.get_ident()
    calls: list[tuple[str, bool]] = []
    release = threading.Event()

    def slow_prepare(prompt, settings, bank=None):      # bank: its other questions (judge80, mendF)
        calls.append((prompt.id, threading.get_ident() == gui))
        end = time.thread_time() + 0.4           # 0.4 s of CPU, then held until the test lets it go
        while time.thread_time() < end:
            pass
        release.wait(30)
        return real(prompt, settings, bank)
    real = c.prepare_judge
    monkeypatch.setattr(c, "prepare_judge", slow_prepare)

    watch = LoopWatch()
    page, ctl = start(window, qtbot)          # asked, while the judge is still being prepared
    prompt = ctl.rehearsal.current
    qtbot.waitUntil(lambda: bool(calls), timeout=10000)
    assert calls == [(prompt.id, False)]                  # once, on a worker thread
    ctl.replay()                                          # asked again: prepared already
    qtbot.waitUntil(lambda: ctl.state == c.IDLE, timeout=30000)
    release.set()
    qtbot.waitUntil(lambda: all(t in e._cache for t in prompt_texts(prompt)), timeout=30000)
    assert calls == [(prompt.id, False)]
    watch.timer.stop()
    assert watch.worst < 0.25, f"event loop blocked for {watch.worst * 1000:.0f} ms"

    runs: list[str] = []
    run = e._run
    monkeypatch.setattr(e, "_run", lambda texts, batch=4: runs.extend(texts) or run(texts, batch))
    with qtbot.waitSignal(ctl.analysisReady, timeout=30000):
        ctl.answer_text(TYPED)
    assert runs and not set(runs) & set(prompt_texts(prompt))    # the first answer embeds only its own pieces
